//! Batch runs over an archive built at test time: every file accounted for, every encoding
//! giving the same tasks, parallel output identical to serial output.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

/// The same notice in every encoding; traditional characters, so that Big5 can hold it.
const NOTICE: &str = "關於加強汛期安全管理的通知\n\n各區、各部門：\n\n一、各單位必須嚴格執行二十四小時值班制度。\n二、嚴禁在河道內違規採砂。\n三、對發現的隱患，應當立即整改。\n\n某某市應急管理局\n2024年5月6日\n";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_directives"))
}

fn records(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn docx(paragraphs: &[&str]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        z.start_file("[Content_Types].xml", opts).unwrap();
        z.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
        z.start_file("word/document.xml", opts).unwrap();
        let body: String = paragraphs
            .iter()
            .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
            .collect();
        write!(z, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"x\"><w:body>{body}</w:body></w:document>").unwrap();
        z.finish().unwrap();
    }
    buf.into_inner()
}

fn build_archive(root: &Path) {
    let enc = |e: &'static encoding_rs::Encoding| e.encode(NOTICE).0.into_owned();
    std::fs::create_dir_all(root.join("2024/utf")).unwrap();
    std::fs::create_dir_all(root.join("2024/legacy")).unwrap();
    std::fs::create_dir_all(root.join("web")).unwrap();
    std::fs::write(root.join("2024/utf/notice-utf8.txt"), NOTICE).unwrap();
    std::fs::write(
        root.join("2024/utf/notice-utf8-bom.txt"),
        [b"\xEF\xBB\xBF".as_slice(), NOTICE.as_bytes()].concat(),
    )
    .unwrap();
    std::fs::write(
        root.join("2024/legacy/notice-gb18030.txt"),
        enc(encoding_rs::GB18030),
    )
    .unwrap();
    std::fs::write(
        root.join("2024/legacy/notice-big5.txt"),
        enc(encoding_rs::BIG5),
    )
    .unwrap();
    let utf16: Vec<u8> = NOTICE.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(root.join("2024/legacy/notice-utf16le.txt"), &utf16).unwrap();
    let page = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"><title>通知</title><script>var s = '必须点击';</script></head><body><nav><a href='/'>首页</a> 必须登录</nav><div class=\"article\"><h1>关于加强汛期安全管理的通知</h1><p>一、各单位必须严格执行二十四小时值班制度。</p><p>二、严禁在河道内违规采砂。</p></div><footer>版权所有 必须保留</footer></body></html>";
    std::fs::write(
        root.join("web/notice.html"),
        &encoding_rs::GBK.encode(page).0,
    )
    .unwrap();
    std::fs::write(
        root.join("web/notice.docx"),
        docx(&[
            "一、各单位必须严格执行二十四小时值班制度。",
            "二、严禁在河道内违规采砂。",
        ]),
    )
    .unwrap();
    std::fs::write(
        root.join("web/logo.png"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    )
    .unwrap();
    std::fs::write(root.join("2024/empty.txt"), b"").unwrap();
}

#[test]
fn an_archive_is_accounted_for_file_by_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    build_archive(&root);
    let list = dir.path().join("more.txt");
    std::fs::write(
        &list,
        format!(
            "{}\n\n{}\n",
            root.join("2024/utf/notice-utf8.txt").display(),
            root.join("gone.txt").display()
        ),
    )
    .unwrap();

    let out = bin()
        .args(["extract", "--format", "jsonl", "--jobs", "2"])
        .arg(&root)
        .arg("--files-from")
        .arg(&list)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a missing file fails its input, exit 1"
    );
    let recs = records(&out.stdout);
    let docs: Vec<&Value> = recs.iter().filter(|r| r["type"] == "document").collect();
    let name = |d: &Value| {
        d["document"]
            .as_str()
            .unwrap()
            .replace(&*root.to_string_lossy(), "A")
    };
    let listed: Vec<(String, String)> = docs
        .iter()
        .map(|d| (name(d), d["status"].as_str().unwrap().to_string()))
        .collect();
    // Sorted walk order, then the --files-from list; every file has its record.
    assert_eq!(
        listed,
        [
            ("A/2024/empty.txt", "ok"),
            ("A/2024/legacy/notice-big5.txt", "ok"),
            ("A/2024/legacy/notice-gb18030.txt", "ok"),
            ("A/2024/legacy/notice-utf16le.txt", "ok"),
            ("A/2024/utf/notice-utf8-bom.txt", "ok"),
            ("A/2024/utf/notice-utf8.txt", "ok"),
            ("A/web/logo.png", "skipped"),
            ("A/web/notice.docx", "ok"),
            ("A/web/notice.html", "ok"),
            ("A/2024/utf/notice-utf8.txt", "ok"),
            (
                format!("{}/gone.txt", root.display())
                    .replace(&*root.to_string_lossy(), "A")
                    .as_str(),
                "error"
            ),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let by_name = |n: &str| *docs.iter().find(|d| name(d) == n).unwrap();
    // How each was decoded, and why the PNG was skipped.
    let enc = |n: &str| {
        let d = by_name(n);
        (
            d["encoding"].as_str().unwrap().to_string(),
            d["encoding_source"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(
        enc("A/2024/legacy/notice-big5.txt"),
        ("Big5".into(), "detected".into())
    );
    assert_eq!(
        enc("A/2024/legacy/notice-gb18030.txt"),
        ("gb18030".into(), "detected".into())
    );
    assert_eq!(
        enc("A/2024/legacy/notice-utf16le.txt"),
        ("UTF-16LE".into(), "detected".into())
    );
    assert_eq!(
        enc("A/2024/utf/notice-utf8-bom.txt"),
        ("UTF-8".into(), "bom".into())
    );
    assert_eq!(
        enc("A/web/notice.html"),
        ("gb18030".into(), "declared".into())
    );
    assert_eq!(by_name("A/web/logo.png")["reason"], "not text: PNG image");
    assert_eq!(by_name("A/web/notice.html")["offsets"], "extracted");
    assert_eq!(by_name("A/web/notice.docx")["format"], "docx");
    assert_eq!(by_name("A/2024/empty.txt")["tasks"], 0);
    assert!(by_name("A/gone.txt")["error"]
        .as_str()
        .unwrap()
        .contains("No such file"));

    // Every encoding of the notice gives the same tasks, ids included.
    let tasks_of = |n: &str| -> Vec<Value> {
        recs.iter()
            .filter(|r| r["type"] == "task" && name(r) == n)
            .map(|r| {
                let mut r = r.clone();
                r.as_object_mut().unwrap().remove("document");
                r
            })
            .collect()
    };
    // Listed twice (walked, and in --files-from): its three tasks come twice, ids equal.
    let twice = tasks_of("A/2024/utf/notice-utf8.txt");
    assert_eq!(twice.len(), 6);
    let reference = twice[..3].to_vec();
    assert_eq!(twice[3..], reference[..]);
    for n in [
        "A/2024/utf/notice-utf8-bom.txt",
        "A/2024/legacy/notice-gb18030.txt",
        "A/2024/legacy/notice-big5.txt",
        "A/2024/legacy/notice-utf16le.txt",
    ] {
        assert_eq!(tasks_of(n), reference, "{n}");
    }
    // The page and the .docx give their two directives, and nothing from scripts,
    // navigation or footers.
    for n in ["A/web/notice.html", "A/web/notice.docx"] {
        let t = tasks_of(n);
        let triggers: Vec<&str> = t
            .iter()
            .map(|r| r["trigger"]["text"].as_str().unwrap())
            .collect();
        assert_eq!(triggers, ["必须", "严禁"], "{n}");
    }

    // The summary adds up.
    let summary = recs.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["inputs"], 11);
    assert_eq!(summary["ok"], 9);
    assert_eq!(summary["skipped"], 1);
    assert_eq!(summary["errors"], 1);
    assert_eq!(
        summary["tasks"].as_u64().unwrap(),
        recs.iter().filter(|r| r["type"] == "task").count() as u64
    );
}

#[test]
fn parallel_output_is_byte_identical_to_serial() {
    let dir = tempfile::tempdir().unwrap();
    build_archive(dir.path());
    for k in 0..20 {
        std::fs::write(
            dir.path().join(format!("extra-{k:02}.txt")),
            format!("第{k}条：各单位要加强值守。严禁擅离岗位。\n"),
        )
        .unwrap();
    }
    let run = |jobs: &str| {
        bin()
            .args(["extract", "--format", "jsonl", "--jobs", jobs])
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let one = run("1");
    for jobs in ["2", "4", "7"] {
        assert_eq!(run(jobs).stdout, one.stdout, "--jobs {jobs}");
    }
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tasks.jsonl");
    std::fs::write(&out, "old contents\n").unwrap();
    let status = bin()
        .args(["extract", "--format", "jsonl", "--output"])
        .arg(&out)
        .arg("samples/zh-readout.txt")
        .status()
        .unwrap();
    assert!(status.success());
    let recs = records(&std::fs::read(&out).unwrap());
    assert_eq!(recs.last().unwrap()["type"], "summary");
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["tasks.jsonl"]);
}

#[test]
fn jsonl_documents_pipe_through_as_a_mapper() {
    let input = concat!(
        "{\"id\":\"n1\",\"text\":\"各单位要加强值守。\",\"source\":\"site-a\",\"year\":2024}\n",
        "not json\n",
        "\n",
        "{\"id\":7,\"text\":\"Each agency shall report.\"}\n",
        "{\"text\":\"没有编号，严禁擅离岗位。\"}\n",
        "{\"id\":\"n3\"}\n",
    );
    let mut child = bin()
        .args(["extract", "--input-format", "jsonl", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "malformed lines fail as documents, not the run"
    );
    let recs = records(&out.stdout);
    let docs: Vec<(String, String)> = recs
        .iter()
        .filter(|r| r["type"] == "document")
        .map(|r| {
            (
                r["document"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        docs,
        [
            ("n1", "ok"),
            ("-:2", "error"),
            ("7", "ok"),
            ("-:5", "ok"),
            ("-:6", "error")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let first = recs.iter().find(|r| r["type"] == "task").unwrap();
    assert_eq!(first["document"], "n1");
    assert_eq!(first["meta"]["source"], "site-a");
    assert_eq!(first["meta"]["year"], 2024);
    assert_eq!(recs.last().unwrap()["type"], "summary");
    assert_eq!(recs.last().unwrap()["inputs"], 5);
}
