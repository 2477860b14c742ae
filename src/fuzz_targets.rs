//! The bodies of the fuzz targets under `fuzz/`, kept in the library so that the stable test
//! suite can replay saved inputs (`tests/fuzz/<target>/*`) through exactly the same checks.
//! Each function panics only when a property breaks.

use std::sync::OnceLock;

use crate::dates::Dates;
use crate::deadline::Deadlines;
use crate::dictionary::Dictionary;
use crate::document::Lang;
use crate::formats::{self, LoadOptions, Loaded};
use crate::output::Citer;
use crate::segment::{is_space, Segmenter, SentenceSplitter};
use crate::Extractor;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::with_defaults().expect("builtin dictionary"))
}

/// The names of the targets, as `fuzz/fuzz_targets/<name>.rs` and `tests/fuzz/<name>/`.
pub const TARGETS: &[&str] = &[
    "decode",
    "html",
    "docx",
    "segment",
    "dictionary",
    "deadline",
    "pipeline",
    "transcript",
];

/// Runs target `name` on `data`.
pub fn run(name: &str, data: &[u8]) {
    match name {
        "decode" => decode(data),
        "html" => html(data),
        "docx" => docx(data),
        "segment" => segment(data),
        "dictionary" => dictionary(data),
        "deadline" => deadline(data),
        "pipeline" => pipeline(data),
        "transcript" => transcript(data),
        other => panic!("no fuzz target {other}"),
    }
}

/// Any bytes decode, by detection and by each forced encoding, into valid text; decoding the
/// bytes as owned (as a file is read) gives the same as decoding them borrowed.
pub fn decode(data: &[u8]) {
    let d = crate::decode::decode(data);
    assert_eq!(crate::decode::decode_owned(data.to_vec(), None, None), d);
    // A leading byte-order mark is never part of the text.
    if data.starts_with(b"\xEF\xBB\xBF") {
        assert!(!d.text.starts_with('\u{feff}') || data[3..].starts_with(b"\xEF\xBB\xBF"));
    }
    for label in [
        "gb18030",
        "big5",
        "utf-16le",
        "utf-16be",
        "shift_jis",
        "utf-8",
    ] {
        let forced = crate::decode::encoding_for_label(label);
        let borrowed = crate::decode::decode_with(data, forced, None);
        assert_eq!(
            crate::decode::decode_owned(data.to_vec(), forced, None),
            borrowed
        );
    }
}

/// Any bytes go through the HTML extractor.
pub fn html(data: &[u8]) {
    let text = formats::html::to_text(&String::from_utf8_lossy(data));
    assert!(text.ends_with('\n'));
}

/// Any bytes go through the .docx reader without panicking or reading past the limit.
pub fn docx(data: &[u8]) {
    if let Ok(text) = formats::docx::to_text(data, 1 << 20) {
        assert!(text.len() <= 4 << 20);
    }
}

/// Sentences of any text are trimmed, ordered, disjoint and cover every non-space character.
pub fn segment(data: &[u8]) {
    static SEG: OnceLock<Segmenter> = OnceLock::new();
    let seg = SEG.get_or_init(|| Segmenter::new(&Dictionary::builtin()).expect("builtin"));
    let text = String::from_utf8_lossy(data);
    let mut last = 0;
    for s in seg.split(&text) {
        assert!(s.span.start >= last && s.span.start < s.span.end);
        assert!(
            text[last..s.span.start].chars().all(is_space),
            "text lost between sentences"
        );
        let body = s.span.of(&text);
        assert_eq!(body.trim_matches(is_space), body);
        last = s.span.end;
    }
    assert!(text[last..].chars().all(is_space), "text lost at the end");
}

/// Any text as a dictionary file either loads and builds an extractor, or is refused with an
/// error naming a line; it never panics.
pub fn dictionary(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut d = Dictionary::empty();
    match d.add_file("fuzz.tsv", &text) {
        Ok(()) => {
            if let Ok(ex) = Extractor::new(d) {
                let doc =
                    crate::Document::from_text("t", "Each agency must report. 各单位要加强值守。");
                let _ = ex.extract(&doc);
            }
        }
        Err(e) => assert_eq!(e.file, "fuzz.tsv"),
    }
}

/// The deadline patterns and their normalization accept any text.
pub fn deadline(data: &[u8]) {
    static D: OnceLock<(Deadlines, Dates)> = OnceLock::new();
    let (deadlines, dates) = D.get_or_init(|| {
        let dict = Dictionary::builtin();
        (
            Deadlines::new(&dict).expect("builtin"),
            Dates::new(&dict).expect("builtin"),
        )
    });
    let text = String::from_utf8_lossy(data);
    let anchor = crate::dates::Anchor {
        year: 2024,
        date: crate::dates::Date::new(2024, 2, 29),
        source: crate::dictionary::DateSource::Signature,
    };
    for lang in [Lang::Zh, Lang::En] {
        if let Some(f) = deadlines.find(lang, &text, 0, text.len()) {
            assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        }
        for kind in ["by", "within", "from", "immediate", "recurring", "period"] {
            let n = dates.normalize(lang, &text, kind, Some(&anchor));
            if let Some(due) = n.due {
                assert!(crate::dates::Date::new(due.year, due.month, due.day).is_some());
            }
            let _ = dates.normalize(lang, &text, kind, None);
        }
    }
}

/// Any bytes, read as any format, give records that cite the text exactly.
pub fn pipeline(data: &[u8]) {
    let ex = extractor();
    let opts = LoadOptions::default();
    let Ok(Loaded::Doc(doc)) = formats::load("f".into(), data, None, &opts) else {
        return;
    };
    let found = ex.extract(&doc);
    let citer = Citer::new(&doc);
    let chars: Vec<char> = doc.text.chars().collect();
    for t in &found.tasks {
        let r = citer.task(&found, ex, t);
        assert!(r.sentence.start <= r.trigger.start && r.trigger.end <= r.sentence.end);
        let cited: String = chars[r.sentence.start..r.sentence.end].iter().collect();
        assert_eq!(cited, r.sentence.text);
    }
}

/// Any text read as subtitles or as a labelled transcript gives turns inside the text, in
/// order, and blanked copies of the same length; tasks cite the extracted text exactly.
pub fn transcript(data: &[u8]) {
    use crate::formats::transcript::{labelled, subtitles, tidy_speech, TurnPatterns};
    let text = String::from_utf8_lossy(data);
    let p = TurnPatterns::builtin();
    let (blanked, turns) = labelled(&text, p);
    assert_eq!(blanked.len(), text.len());
    let tidy = tidy_speech(&blanked, p);
    assert_eq!(tidy.len(), text.len());
    let (extracted, cues) = subtitles(&text, p);
    for (t, of) in turns
        .iter()
        .map(|t| (t, &*text))
        .chain(cues.iter().map(|t| (t, &*extracted)))
    {
        assert!(t.span.start <= t.span.end && t.span.end <= of.len());
        assert!(of.is_char_boundary(t.span.start) && of.is_char_boundary(t.span.end));
    }
    for w in turns.windows(2).chain(cues.windows(2)) {
        assert!(w[0].span.end <= w[1].span.start, "turns overlap");
    }
    for format in [
        formats::Format::Vtt,
        formats::Format::Srt,
        formats::Format::Transcript,
    ] {
        let opts = LoadOptions {
            format: Some(format),
            ..LoadOptions::default()
        };
        let Ok(Loaded::Doc(doc)) = formats::load("f".into(), data, None, &opts) else {
            continue;
        };
        let ex = extractor();
        let found = ex.extract(&doc);
        let citer = Citer::new(&doc);
        for t in &found.tasks {
            let r = citer.task(&found, ex, t);
            assert_eq!(
                &doc.text[r.sentence.byte_start..r.sentence.byte_end],
                r.sentence.text
            );
        }
    }
}
