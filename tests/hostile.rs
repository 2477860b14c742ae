//! Hostile inputs: each gets one clear line naming it and a record, and the run goes on.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_directives"))
}

fn docs(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["type"] == "document")
        .collect()
}

/// Runs `extract` on `inputs` followed by a good sample, so every case also shows that the
/// run goes on after the bad input.
fn extract_then_sample(extra: &[&str], inputs: &[&Path]) -> Output {
    let out = bin()
        .args(["extract", "--format", "jsonl"])
        .args(extra)
        .args(inputs)
        .arg("samples/en-order.txt")
        .output()
        .unwrap();
    let d = docs(&out);
    assert_eq!(d.last().unwrap()["document"], "samples/en-order.txt");
    assert_eq!(
        d.last().unwrap()["status"],
        "ok",
        "the run goes on after the hostile input"
    );
    out
}

fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"))
}

#[test]
fn a_zip_bomb_docx_fails_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("bomb.docx");
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        // 64 MiB of one repeated byte compresses to some 64 KiB.
        let block = vec![b'a'; 1 << 20];
        for _ in 0..64 {
            z.write_all(&block).unwrap();
        }
        z.finish().unwrap();
    }
    std::fs::write(&bomb, buf.into_inner()).unwrap();
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1 << 20);
    let out = extract_then_sample(&["--max-bytes", "8000000"], &[&bomb]);
    assert_eq!(out.status.code(), Some(1));
    let d = docs(&out);
    assert_eq!(d[0]["status"], "error");
    assert!(
        d[0]["error"].as_str().unwrap().contains("over the limit"),
        "{}",
        d[0]
    );
    let err = stderr_lines(&out);
    assert_eq!(err.len(), 1);
    assert!(
        err[0].starts_with("directives: ") && err[0].contains("bomb.docx"),
        "{err:?}"
    );
}

#[test]
fn deeply_nested_html_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("nested.html");
    std::fs::write(
        &page,
        format!(
            "<html><body>{}各单位要加强值守。{}</body></html>",
            "<div><span>".repeat(300_000),
            "</span></div>".repeat(300_000)
        ),
    )
    .unwrap();
    let out = extract_then_sample(&[], &[&page]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(docs(&out)[0]["tasks"], 1);
}

#[test]
fn a_hundred_megabytes_without_a_newline() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("oneline.txt");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
        let chunk =
            "Each agency shall act quickly and report to the council without any full stop "
                .repeat(1000);
        while f.get_ref().metadata().unwrap().len() < 100_000_000 {
            f.write_all(chunk.as_bytes()).unwrap();
            f.flush().unwrap();
        }
    }
    // Over the default limit: a clear error for that input.
    let out = extract_then_sample(&[], &[&big]);
    assert_eq!(out.status.code(), Some(1));
    assert!(docs(&out)[0]["error"]
        .as_str()
        .unwrap()
        .contains("--max-bytes"));
    // Under a raised limit it is read through, cut into bounded units.
    let out = extract_then_sample(&["--max-bytes", "200M"], &[&big]);
    assert_eq!(out.status.code(), Some(0));
    assert!(docs(&out)[0]["tasks"].as_u64().unwrap() > 1000);
}

#[test]
fn an_endless_or_vanished_file_fails_on_its_own() {
    // /dev/zero never ends: reading stops at the limit.
    let out = extract_then_sample(&["--max-bytes", "1000000"], &[Path::new("/dev/zero")]);
    assert_eq!(docs(&out)[0]["status"], "error");
    assert_eq!(
        docs(&out)[0]["error"],
        "/dev/zero: more than the limit of 1000000 bytes (--max-bytes)"
    );
    // A listed file removed before it is read.
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone.txt");
    std::fs::write(&gone, "要加强。").unwrap();
    let list = dir.path().join("list.txt");
    std::fs::write(&list, format!("{}\n", gone.display())).unwrap();
    std::fs::remove_file(&gone).unwrap();
    let out = bin()
        .args([
            "extract",
            "--format",
            "jsonl",
            "samples/en-order.txt",
            "--files-from",
        ])
        .arg(&list)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let d = docs(&out);
    assert_eq!(d[0]["status"], "ok");
    assert!(
        d[1]["error"].as_str().unwrap().contains("No such file"),
        "{}",
        d[1]
    );
}

#[test]
fn a_symlink_loop_is_reported_not_followed_forever() {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("a/b");
    std::fs::create_dir_all(&inner).unwrap();
    std::fs::write(inner.join("n.txt"), "各单位要加强值守。").unwrap();
    std::os::unix::fs::symlink(dir.path().join("a"), inner.join("loop")).unwrap();
    let out = extract_then_sample(&["--follow"], &[dir.path()]);
    let d = docs(&out);
    assert!(
        d.iter()
            .any(|d| d["status"] == "error" && d["error"].as_str().unwrap().contains("loop")),
        "{d:?}"
    );
    assert!(d
        .iter()
        .any(|d| d["document"].as_str().unwrap().ends_with("n.txt") && d["tasks"] == 1));
    // Without --follow the link is accounted for as skipped.
    let out = extract_then_sample(&[], &[dir.path()]);
    assert!(docs(&out).iter().any(
        |d| d["status"] == "skipped" && d["reason"].as_str().unwrap().contains("symbolic link")
    ));
}

#[test]
fn unreadable_inputs_fail_on_their_own() {
    // /proc/self/mem cannot be read from its start, even by root.
    let out = extract_then_sample(&[], &[Path::new("/proc/self/mem")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(docs(&out)[0]["status"], "error");
    let err = stderr_lines(&out);
    assert!(
        err.len() == 1 && err[0].contains("/proc/self/mem"),
        "{err:?}"
    );
    if !is_root() {
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked.txt");
        std::fs::write(&locked, "要加强。").unwrap();
        std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000))
            .unwrap();
        let out = extract_then_sample(&[], &[&locked]);
        assert!(docs(&out)[0]["error"]
            .as_str()
            .unwrap()
            .contains("ermission"));
    }
}

#[test]
fn a_path_that_is_not_utf8_is_read_and_named_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"notice-\xff.txt");
    let path = dir.path().join(name);
    std::fs::write(&path, "各单位要加强值守。").unwrap();
    let out = extract_then_sample(&[], &[&path]);
    assert_eq!(out.status.code(), Some(0));
    let d = docs(&out);
    assert!(d[0]["document"]
        .as_str()
        .unwrap()
        .ends_with("notice-\u{fffd}.txt"));
    assert_eq!(d[0]["tasks"], 1);
}

#[test]
fn a_dictionary_of_100k_entries_loads() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("big.tsv");
    let mut text = String::from("# kind: triggers\n# lang: en\nphrase\tmodality\tstrength\n");
    for i in 0..100_000u32 {
        text.push_str(&format!("clause{i:06}x must\tobligation\t3\n"));
    }
    std::fs::write(&dict, text).unwrap();
    let out = bin()
        .args(["extract", "--format", "jsonl", "--dict"])
        .arg(&dict)
        .arg("samples/en-order.txt")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(docs(&out)[0]["tasks"], 9);
}

#[test]
fn a_bad_or_absurd_regex_in_a_dictionary_is_a_configuration_error() {
    let dir = tempfile::tempdir().unwrap();
    for (name, pattern, says) in [
        ("bad.tsv", "(unclosed", "invalid regex"),
        ("huge.tsv", "\\w{1000}\\w{1000}\\w{1000}", "size limit"),
    ] {
        let dict = dir.path().join(name);
        std::fs::write(&dict, format!("# kind: blockers\n# lang: en\nphrase\tmatch\teffect\tscope\n{pattern}\tregex\tnegation\toverlap\n")).unwrap();
        let out = bin()
            .args(["extract", "--dict"])
            .arg(&dict)
            .arg("samples/en-order.txt")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty(), "nothing is processed");
        let err = stderr_lines(&out);
        assert_eq!(err.len(), 1, "{err:?}");
        assert!(
            err[0].contains(&format!("{name}:4")) && err[0].contains(says),
            "{err:?}"
        );
    }
}

#[test]
fn killing_a_run_leaves_the_old_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "各单位要加强值守，严禁擅离岗位。\n".repeat(400_000)).unwrap();
    let out = dir.path().join("tasks.jsonl");
    std::fs::write(&out, "old\n").unwrap();
    let mut child = bin()
        .args(["extract", "--format", "jsonl", "--output"])
        .arg(&out)
        .arg(&big)
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap();
    let _ = child.wait();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "old\n",
        "the old file stands until the new one is complete"
    );
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let mut child = bin()
        .args([
            "extract",
            "--format",
            "jsonl",
            "samples/zh-readout.txt",
            "samples/zh-notice.txt",
            "samples/en-order.txt",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe is closed when stdout is dropped here.
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(err, "");
}

#[test]
fn ids_and_bytes_ignore_path_spelling_locale_and_environment() {
    let run = |path: &str, env: &[(&str, &str)]| {
        let mut c = bin();
        c.args(["extract", "--format", "jsonl", path]);
        for (k, v) in env {
            c.env(k, v);
        }
        c.output().unwrap().stdout
    };
    let plain = run("samples/zh-plan.md", &[]);
    for env in [
        &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")][..],
        &[("LC_ALL", "C"), ("TZ", "Pacific/Kiritimati")],
        &[("RAYON_NUM_THREADS", "1"), ("NO_COLOR", "1")],
    ] {
        assert_eq!(run("samples/zh-plan.md", env), plain, "{env:?}");
    }
    let dotted = String::from_utf8(run("./samples/zh-plan.md", &[])).unwrap();
    let plain = String::from_utf8(plain).unwrap();
    assert_ne!(dotted, plain, "the document name follows the spelling");
    assert_eq!(
        dotted.replace("./samples/", "samples/"),
        plain,
        "nothing else changes, ids included"
    );
}
