//! Every output format, checked by a program that reads it: the JSON Schema validator, the
//! real Taskwarrior, an iCalendar parser, a CSV reader.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const SAMPLES: &[&str] = &[
    "samples/zh-readout.txt",
    "samples/zh-notice.txt",
    "samples/zh-plan.md",
    "samples/zh-hant-notice.txt",
    "samples/en-readout.txt",
    "samples/en-order.txt",
    "samples/en-resolution.txt",
    "samples/zh-transcript.txt",
    "samples/en-transcript.txt",
    "samples/en-briefing.vtt",
    "samples/zh-meeting.srt",
    "samples/zh-app-export.txt",
    "samples/en-app-export.txt",
    "samples/en-call.txt",
];

fn run(args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_directives"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code() == Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(args: &[&str]) -> String {
    String::from_utf8(run(args).stdout).unwrap()
}

fn schema() -> Value {
    serde_json::from_str(&stdout(&["schema"])).unwrap()
}

#[test]
fn the_schema_validates_every_record_of_every_sample() {
    let validator = jsonschema::validator_for(&schema()).expect("a valid 2020-12 schema");
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend(SAMPLES);
    let mut count = 0;
    for line in stdout(&args).lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&record)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{line}\n{errors:?}");
        count += 1;
    }
    assert!(count > 40);
    let mut args = vec!["segment", "--format", "jsonl"];
    args.extend(SAMPLES);
    for line in stdout(&args).lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        assert!(validator.is_valid(&record), "{line}");
    }
}

#[test]
fn the_schema_rejects_a_record_that_breaks_the_contract() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let line = stdout(&["extract", "--format", "jsonl", "samples/en-order.txt"]);
    let good: Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert!(validator.is_valid(&good));
    for (field, bad) in [
        ("modality", Value::from("maybe")),
        ("strength", Value::from(-1)),
        ("type", Value::from("tasks")),
    ] {
        let mut broken = good.clone();
        broken[field] = bad;
        assert!(!validator.is_valid(&broken), "{field} should be refused");
    }
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("sentence");
    assert!(!validator.is_valid(&missing));
}

/// The real Taskwarrior, when installed; CI installs it and sets CI, and then a missing
/// `task` is a failure, not a skip.
fn taskwarrior() -> Option<&'static str> {
    let found = Command::new("task")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install taskwarrior (apt-get install taskwarrior)"
        );
        eprintln!("skipping: the `task` program (Debian package taskwarrior) is not installed");
        return None;
    }
    Some("task")
}

#[test]
fn taskwarrior_imports_every_task_once() {
    let Some(task) = taskwarrior() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let rc = dir.path().join("taskrc");
    std::fs::write(&rc, format!("data.location={}\nconfirmation=off\nverbose=nothing\nuda.directives_actor.type=string\n", data.display())).unwrap();
    let export = dir.path().join("tasks.json");
    let mut args = vec!["extract", "--format", "taskwarrior"];
    args.extend(SAMPLES);
    std::fs::write(&export, run(&args).stdout).unwrap();
    let tasks = std::fs::read_to_string(&export).unwrap().lines().count();
    let tw = |args: &[&str]| {
        let out = Command::new(task)
            .env("TASKRC", &rc)
            .env("TASKDATA", &data)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "task {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let path = export.to_str().unwrap();
    tw(&["import", path]);
    tw(&["import", path]);
    let count: usize = tw(&["count"]).trim().parse().unwrap();
    assert_eq!(count, tasks, "the second import adds nothing");
    // What Taskwarrior stored: due dates, tags, the annotation with the citation, the UDAs.
    let stored: Vec<Value> = serde_json::from_str(&tw(&["export"])).unwrap();
    let plan = stored
        .iter()
        .find(|t| t["directives_actor"] == "各乡镇")
        .expect("the plan's township task");
    assert_eq!(plan["due"], "20250630T000000Z");
    assert_eq!(
        plan["entry"], "20250310T000000Z",
        "entry is the document's date"
    );
    assert!(plan["tags"]
        .as_array()
        .unwrap()
        .contains(&Value::from("obligation")));
    assert!(plan["annotations"][0]["description"]
        .as_str()
        .unwrap()
        .contains("zh-plan.md line 15"));
}

#[test]
fn icalendar_output_reads_back_with_a_parser() {
    let mut args = vec!["extract", "--format", "ics"];
    args.extend(SAMPLES);
    let ics = stdout(&args);
    assert!(
        ics.lines().all(|l| l.len() <= 76),
        "lines are folded at 75 octets"
    );
    assert!(
        ics.split("\r\n").count() > 10 && !ics.replace("\r\n", "").contains('\n'),
        "lines end in CRLF"
    );
    let unfolded = icalendar::parser::unfold(&ics);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("a parser reads it");
    let todos: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VTODO")
        .collect();
    let mut jsonl_args = vec!["extract", "--format", "jsonl"];
    jsonl_args.extend(SAMPLES);
    let tasks: Vec<Value> = stdout(&jsonl_args)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["type"] == "task")
        .collect();
    assert_eq!(todos.len(), tasks.len());
    for (todo, task) in todos.iter().zip(&tasks) {
        let prop = |name: &str| {
            todo.properties
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.val.to_string())
        };
        assert_eq!(prop("UID").as_deref(), task["uuid"].as_str());
        assert!(prop("DTSTAMP").is_some());
        assert_eq!(
            prop("DUE"),
            task["deadline"]["due"].as_str().map(|d| d.replace('-', ""))
        );
        let summary = prop("SUMMARY")
            .unwrap()
            .replace("\\,", ",")
            .replace("\\;", ";")
            .replace("\\\\", "\\");
        let action = task["action"].as_str().unwrap();
        assert!(
            summary.contains(&action.chars().take(20).collect::<String>())
                || task["modality"] == "prohibition",
            "{summary} / {action}"
        );
    }
}

#[test]
fn csv_has_a_header_a_row_per_task_and_an_optional_bom() {
    let plain = run(&[
        "extract",
        "--format",
        "csv",
        "samples/zh-notice.txt",
        "samples/en-order.txt",
    ])
    .stdout;
    let mut reader = csv::Reader::from_reader(plain.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        &header[..7],
        [
            "Summary",
            "Description",
            "Actor",
            "Due Date",
            "Labels",
            "Source",
            "Id"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 18);
    let row = rows.iter().find(|r| &r[2] == "各单位").unwrap();
    assert_eq!(&row[3], "2024-07-31");
    assert!(row[1].contains("各单位务必于7月31日前将检查总结报送市安委会办公室。"));
    assert!(row[4].split(',').any(|l| l == "obligation"));
    let with_bom = run(&[
        "extract",
        "--format",
        "csv",
        "--bom",
        "samples/zh-notice.txt",
    ])
    .stdout;
    assert!(with_bom.starts_with("\u{feff}Summary,".as_bytes()));
}

#[test]
fn the_markdown_report_has_a_checkbox_per_task_and_the_counts() {
    let md = stdout(&["extract", "--format", "markdown", "samples/zh-readout.txt"]);
    assert_eq!(md.lines().filter(|l| l.starts_with("- [ ] ")).count(), 11);
    assert!(md.contains("### 王建国"));
    assert!(md.contains("| obligation | 10 |"));
    assert!(md.contains("| prohibition | 1 |"));
}

#[test]
fn colour_follows_the_flag() {
    let esc = |args: &[&str]| stdout(args).contains('\u{1b}');
    assert!(esc(&[
        "extract",
        "--format",
        "text",
        "--color",
        "always",
        "samples/en-order.txt"
    ]));
    assert!(!esc(&[
        "extract",
        "--format",
        "text",
        "--color",
        "never",
        "samples/en-order.txt"
    ]));
    // Not a terminal: auto means no colour.
    assert!(!esc(&[
        "extract",
        "--format",
        "text",
        "samples/en-order.txt"
    ]));
}

#[test]
fn completions_and_the_manual_page_are_generated() {
    for shell in ["bash", "zsh", "fish"] {
        assert!(
            stdout(&["completions", shell]).contains("extract"),
            "{shell}"
        );
    }
    let man = stdout(&["man"]);
    assert!(man.starts_with(".ie") || man.contains(".TH"), "roff");
    assert!(man.contains("extract"));
    assert!(Path::new("Cargo.toml").exists());
}
