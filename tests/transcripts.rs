//! Transcripts: each sample layout gives every task the speaker of its turn and the time it
//! was said, and cites sentences by offsets that hold in the text they refer to.
//!
//! The expected speakers and times below were read off the sample files by hand: the label
//! of the turn (or the voice of the cue) and the timestamp written before it.

use std::path::Path;
use std::sync::Arc;

use directives::formats::{self, LoadOptions, Loaded};
use directives::output::Citer;
use directives::{Document, Extractor};

fn load(path: &str) -> Document {
    load_with(path, &LoadOptions::default())
}

fn load_with(path: &str, opts: &LoadOptions) -> Document {
    let bytes = std::fs::read(path).unwrap();
    match formats::load(path.to_string(), &bytes, Some(Path::new(path)), opts).unwrap() {
        Loaded::Doc(d) => d,
        Loaded::Skipped(why) => panic!("{path} skipped: {why}"),
    }
}

/// (line, speaker, start as written, end as written) of every task of a sample.
type Expected<'a> = &'a [(usize, &'a str, Option<&'a str>, Option<&'a str>)];

fn check(path: &str, ex: &Extractor, format: &str, want: Expected<'_>) {
    let doc = load(path);
    assert_eq!(doc.format, format, "{path}");
    let found = ex.extract(&doc);
    let citer = Citer::new(&doc);
    let got: Vec<_> = found
        .tasks
        .iter()
        .map(|t| citer.task(&found, ex, t))
        .collect();
    let rows: Vec<_> = got
        .iter()
        .map(|r| {
            let time = r.sentence.time.as_ref();
            (
                r.sentence.line,
                r.speaker.clone().unwrap_or_default(),
                time.and_then(|t| t.start_text.clone()),
                time.and_then(|t| t.end_text.clone()),
            )
        })
        .collect();
    let want: Vec<_> = want
        .iter()
        .map(|&(l, s, a, b)| {
            (
                l,
                s.to_string(),
                a.map(str::to_string),
                b.map(str::to_string),
            )
        })
        .collect();
    assert_eq!(rows, want, "{path}");
    for r in &got {
        // Offsets hold in the text they refer to: bytes and code points alike.
        let s = &r.sentence;
        assert_eq!(&doc.text[s.byte_start..s.byte_end], s.text, "{path}");
        let chars: String = doc
            .text
            .chars()
            .skip(s.start)
            .take(s.end - s.start)
            .collect();
        assert_eq!(chars, s.text, "{path}");
        if let Some(t) = &s.time {
            let (start, end) = (t.start.unwrap(), t.end.unwrap_or(f64::MAX));
            assert!(start <= end, "{path}: {t:?}");
        }
    }
}

#[test]
fn a_chinese_stenographic_transcript_names_each_turns_speaker() {
    let ex = Extractor::with_defaults().unwrap();
    check(
        "samples/zh-transcript.txt",
        &ex,
        "transcript",
        &[
            (9, "王市长", None, None),
            (10, "王市长", None, None),
            (10, "王市长", None, None),
            (11, "王市长", None, None),
            (13, "主持人", None, None),
        ],
    );
}

#[test]
fn an_english_stenographic_transcript_names_each_turns_speaker() {
    let ex = Extractor::with_defaults().unwrap();
    check(
        "samples/en-transcript.txt",
        &ex,
        "transcript",
        &[
            (8, "CHAIRMAN OKAFOR", None, None),
            (9, "CHAIRMAN OKAFOR", None, None),
            (11, "MS. RIVERA", None, None),
            (13, "Dana Whitfield", None, None),
        ],
    );
}

#[test]
fn webvtt_voices_and_cue_times_cite_each_task() {
    let ex = Extractor::with_defaults().unwrap();
    check(
        "samples/en-briefing.vtt",
        &ex,
        "vtt",
        &[
            // One sentence over cues 2 and 3: the start of one, the end of the other.
            (1, "Jin Guowei", Some("00:00:04.200"), Some("00:00:11.000")),
            (1, "Jin Guowei", Some("00:00:11.000"), Some("00:00:15.750")),
            (5, "Jin Guowei", Some("00:00:19.500"), Some("00:00:23.000")),
        ],
    );
}

#[test]
fn srt_cues_with_labels_cite_each_task() {
    let ex = Extractor::with_defaults().unwrap();
    check(
        "samples/zh-meeting.srt",
        &ex,
        "srt",
        &[
            (3, "李明", Some("00:00:03,200"), Some("00:00:10,400")),
            (3, "李明", Some("00:00:11,000"), Some("00:00:15,000")),
            (7, "李明", Some("00:00:18,200"), Some("00:00:22,600")),
        ],
    );
}

#[test]
fn an_app_export_keeps_anonymous_labels_or_renames_them() {
    let ex = Extractor::with_defaults().unwrap();
    let want = [
        (8, "发言人1", Some("00:03:15"), None),
        (9, "发言人1", Some("00:03:15"), None),
        (15, "发言人1", Some("00:06:02"), None),
    ];
    check("samples/zh-app-export.txt", &ex, "transcript", &want);
    let named = Extractor::builder()
        .speaker_names_file("samples/zh-app-export.speakers.tsv")
        .build()
        .unwrap();
    let renamed: Vec<_> = want
        .iter()
        .map(|&(l, _, a, b)| (l, "刘副区长", a, b))
        .collect();
    check("samples/zh-app-export.txt", &named, "transcript", &renamed);
    check(
        "samples/en-app-export.txt",
        &ex,
        "transcript",
        &[
            (11, "Speaker 1", Some("01:05"), None),
            (12, "Speaker 1", Some("01:05"), None),
        ],
    );
}

#[test]
fn timestamped_labels_cite_each_task() {
    let ex = Extractor::with_defaults().unwrap();
    check(
        "samples/en-call.txt",
        &ex,
        "transcript",
        &[
            (4, "Maria Lopez", Some("00:02:47"), None),
            (5, "Maria Lopez", Some("00:03:05"), None),
        ],
    );
}

#[test]
fn cue_numbers_timings_and_markup_are_in_no_sentence() {
    let ex = Extractor::with_defaults().unwrap();
    for path in ["samples/en-briefing.vtt", "samples/zh-meeting.srt"] {
        let doc = load(path);
        for s in ex.segment(&doc) {
            let text = s.span.of(&doc.text);
            assert!(!text.contains("-->"), "{path}: {text}");
            assert!(
                !text.contains('<') && !text.contains("{\\"),
                "{path}: {text}"
            );
            assert!(
                !text.starts_with("WEBVTT") && !text.starts_with("NOTE"),
                "{text}"
            );
            assert!(!text.trim().bytes().all(|b| b.is_ascii_digit()), "{text}");
        }
    }
}

#[test]
fn fillers_and_repeated_words_do_not_reach_the_action() {
    let ex = Extractor::with_defaults().unwrap();
    let actions = |path: &str| {
        let doc = load(path);
        let found = ex.extract(&doc);
        let citer = Citer::new(&doc);
        found
            .tasks
            .iter()
            .map(|t| {
                let r = citer.task(&found, &ex, t);
                (r.actor.unwrap_or_default(), r.action)
            })
            .collect::<Vec<_>>()
    };
    let en = actions("samples/en-transcript.txt");
    assert_eq!(en[0].1, "publish its plowing routes by November 30");
    let zh = actions("samples/zh-transcript.txt");
    assert_eq!(zh[0].0, "各区");
    assert!(zh[0].1.starts_with("立即组织力量"), "{:?}", zh[0]);
    assert_eq!(zh[1].0, "市水务局");
    let vtt = actions("samples/en-briefing.vtt");
    assert_eq!(
        vtt[1].1,
        "keep its pumping stations staffed around the clock"
    );
}

#[test]
fn a_turn_label_outranks_a_quoted_speaker_but_not_in_a_readout() {
    let ex = Extractor::with_defaults().unwrap();
    let transcript =
        "主持人：请王市长讲话。\n王市长：李明同志指出，各地要加强值守。\n主持人：散会。\n";
    let doc = load_bytes("meeting.txt", transcript);
    assert_eq!(doc.format, "transcript");
    let found = ex.extract(&doc);
    let speakers: Vec<_> = found
        .tasks
        .iter()
        .map(|t| t.speaker.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(speakers, ["王市长"]);
    // The same words as a readout: the introduction names the speaker.
    let readout = Document::from_text("readout.txt", "李明同志指出，各地要加强值守。");
    let found = ex.extract(&readout);
    assert_eq!(found.tasks[0].speaker.as_deref(), Some("李明"));
}

#[test]
fn notices_with_field_labels_are_not_transcripts() {
    for path in [
        "samples/zh-notice.txt",
        "samples/zh-readout.txt",
        "samples/en-order.txt",
        "samples/en-readout.txt",
        "samples/zh-hant-notice.txt",
    ] {
        assert_eq!(load(path).format, "text", "{path}");
    }
    let notice = "关于召开防汛会议的通知\n时间：6月3日上午9时\n地点：市政府第一会议室\n主题：部署防汛工作\n联系人：张三\n电话：12345678\n请各单位准时参加。\n";
    assert_eq!(load_bytes("n.txt", notice).format, "text");
}

#[test]
fn a_forced_format_wins_over_the_content() {
    let opts = LoadOptions {
        format: Some(formats::Format::Text),
        ..LoadOptions::default()
    };
    let doc = load_with("samples/en-call.txt", &opts);
    assert_eq!(doc.format, "text");
    assert!(doc.turns.is_empty());
    let opts = LoadOptions {
        format: Some(formats::Format::Transcript),
        turns: Some(Arc::new(
            directives::formats::transcript::TurnPatterns::builtin().clone(),
        )),
        ..LoadOptions::default()
    };
    let doc = load_with("samples/zh-readout.txt", &opts);
    assert_eq!(doc.format, "transcript");
}

#[test]
fn a_subtitle_extension_on_plain_text_reads_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.srt");
    std::fs::write(&path, "各单位要加强值守。\n").unwrap();
    let doc = load(path.to_str().unwrap());
    assert_eq!(doc.format, "text");
}

fn load_bytes(name: &str, text: &str) -> Document {
    match formats::load(name.into(), text.as_bytes(), None, &LoadOptions::default()).unwrap() {
        Loaded::Doc(d) => d,
        Loaded::Skipped(why) => panic!("skipped: {why}"),
    }
}

/// Through the binary: `directives text` prints the text that the offsets of `extract` refer
/// to, and every cited sentence is that text's code points `start..end`.
#[test]
fn the_extracted_text_of_subtitles_holds_every_cited_sentence() {
    let bin = env!("CARGO_BIN_EXE_directives");
    for path in ["samples/en-briefing.vtt", "samples/zh-meeting.srt"] {
        let run = |args: &[&str]| {
            let out = std::process::Command::new(bin).args(args).output().unwrap();
            assert!(out.status.success(), "{args:?}");
            String::from_utf8(out.stdout).unwrap()
        };
        let text: Vec<char> = run(&["text", path]).chars().collect();
        let records = run(&["extract", "--format", "jsonl", path]);
        let mut tasks = 0;
        for line in records.lines() {
            let r: serde_json::Value = serde_json::from_str(line).unwrap();
            if r["type"] != "task" {
                continue;
            }
            tasks += 1;
            let s = &r["sentence"];
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            let cited: String = text[start as usize..end as usize].iter().collect();
            assert_eq!(cited, s["text"].as_str().unwrap(), "{path}");
        }
        assert_eq!(tasks, 3, "{path}");
    }
}

/// "问：……答：……": a press conference's answers are the spokesperson's, as its heading names
/// them; they were reported as spoken by "答". A label of another turn stays as written.
#[test]
fn an_answer_label_speaks_for_the_spokesperson_of_the_heading() {
    let ex = Extractor::with_defaults().unwrap();
    let speakers = |text: &str| {
        let doc = load_bytes("presser.txt", text);
        let found = ex.extract(&doc);
        found
            .tasks
            .iter()
            .map(|t| t.speaker.as_deref().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    let body = "问：中方对此有何回应？\n答：我们敦促有关方面立即停止挑衅。\n问：第二个问题。\n答：有关方面应当停止一切侵权行为。\n主持人：各位记者要遵守会场秩序。\n";
    assert_eq!(
        speakers(&format!(
            "2024年11月18日外交部发言人林剑主持例行记者会\n\n{body}"
        )),
        ["外交部发言人林剑", "外交部发言人林剑", "主持人"]
    );
    // Without a heading that names anyone, the label is all there is.
    assert_eq!(speakers(body), ["答", "答", "主持人"]);
}

#[test]
fn a_titled_surname_speaks_for_the_person_the_heading_names() {
    // Written for the test: "MS. PSAKI:" in "Press Briefing by Press Secretary Jen Psaki" is
    // reported as Jen Psaki; a label with another surname stays as written.
    let ex = Extractor::with_defaults().unwrap();
    let text = "Press Briefing by Press Secretary Jen Psaki, March 3, 2031\n\nMS. PSAKI: Each agency must submit a report within 100 days.\n\nQ: Will schools reopen?\n\nMS. PSAKI: Schools should follow the guidance.\n\nMR. KLAIN: Agencies should report weekly.\n";
    let doc = load_bytes("briefing.txt", text);
    let found = ex.extract(&doc);
    let speakers: Vec<&str> = found
        .tasks
        .iter()
        .map(|t| t.speaker.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(speakers, ["Jen Psaki", "Jen Psaki", "MR. KLAIN"]);
    // A byline line "Name, Department Spokesperson" names the person too.
    let text = "Department Press Briefing - March 3, 2031\n\nNed Price, Department Spokesperson\n\nMR PRICE: Travelers should check the advisories.\n\nQUESTION: Thank you.\n\nMR PRICE: Citizens must register with the consulate.\n";
    let found = ex.extract(&load_bytes("dos.txt", text));
    let speakers: Vec<&str> = found
        .tasks
        .iter()
        .map(|t| t.speaker.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(speakers, ["Ned Price", "Ned Price"]);
}
