//! Properties that must hold for any input: no panic, sentences that tile the text, tasks
//! that cite inside their sentences.

use std::sync::OnceLock;

use directives::formats::Format;
use directives::input::document_from_bytes;
use directives::segment::is_space;
use directives::{Document, Extractor};
use proptest::prelude::*;

fn ex() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::with_defaults().unwrap())
}

/// An extractor that keeps no analysis, as `directives extract` runs.
fn lean() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| {
        let mut ex = Extractor::with_defaults().unwrap();
        ex.set_keep_analysis(false);
        ex
    })
}

/// Text built from pieces that matter to the rules: triggers, markers, punctuation of both
/// languages, quotes, white space of every kind, and arbitrary characters.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("要".to_string()),
        Just("必须".to_string()),
        Just("不得".to_string()),
        Just("各地区各部门".to_string()),
        Just("一、".to_string()),
        Just("（一）".to_string()),
        Just("一是".to_string()),
        Just("。".to_string()),
        Just("！".to_string()),
        Just("；".to_string()),
        Just("：".to_string()),
        Just("，".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("《".to_string()),
        Just("》".to_string()),
        Just("must".to_string()),
        Just("shall not".to_string()),
        Just("Each agency".to_string()),
        Just("(a)".to_string()),
        Just("Mr.".to_string()),
        Just("U.S.".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{3000}".to_string()),
        Just(" ".to_string()),
        Just("&emsp;".to_string()),
        Just("\r".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{1F6A8}".to_string()),
        Just("\u{200d}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{0}".to_string()),
        Just("必須".to_string()),
        Just("\u{2028}".to_string()),
        Just("**".to_string()),
        Just("### ".to_string()),
        any::<char>().prop_map(|c| c.to_string()),
        "[a-z]{1,8}",
        "\\PC{1,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check(doc: &Document) -> Result<(), TestCaseError> {
    let text = doc.analysis_text();
    let found = ex().extract(doc);
    let mut last_end = 0;
    for s in &found.sentences {
        prop_assert!(s.span.start < s.span.end, "empty sentence");
        prop_assert!(
            s.span.start >= last_end,
            "overlapping or unordered sentences"
        );
        prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        let body = s.span.of(text);
        prop_assert_eq!(body.trim_matches(is_space), body, "sentence not trimmed");
        // Nothing but white space between sentences.
        prop_assert!(
            text[last_end..s.span.start].chars().all(is_space),
            "text lost between sentences: {:?}",
            &text[last_end..s.span.start]
        );
        last_end = s.span.end;
    }
    prop_assert!(
        text[last_end..].chars().all(is_space),
        "text lost at the end"
    );
    for t in &found.tasks {
        let s = found.sentences[t.sentence].span;
        prop_assert!(s.contains(t.trigger), "trigger outside its sentence");
        prop_assert!(
            doc.text.is_char_boundary(t.trigger.start) && doc.text.is_char_boundary(t.trigger.end)
        );
        if let Some(a) = t.actor {
            prop_assert!(s.contains(a), "actor outside its sentence");
        }
        prop_assert!(s.contains(t.action), "action outside its sentence");
    }
    // Output records cite the text exactly.
    let citer = directives::output::Citer::new(doc);
    let chars: Vec<char> = doc.text.chars().collect();
    for t in &found.tasks {
        let r = citer.task(&found, ex(), t);
        let cited: String = chars[r.sentence.start..r.sentence.end].iter().collect();
        prop_assert_eq!(cited, r.sentence.text);
    }
    Ok(())
}

proptest! {
    // 256 cases by default; PROPTEST_CASES=100000 for a longer run.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn plain_text_tiles_and_cites(text in texty()) {
        check(&Document::from_text("p", text))?;
    }

    #[test]
    fn markdown_tiles_and_cites(text in texty()) {
        check(&document_from_bytes("p.md".into(), text.as_bytes(), Format::Markdown))?;
    }

    #[test]
    fn any_bytes_decode_and_extract(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&document_from_bytes("b".into(), &bytes, Format::Text))?;
    }

    #[test]
    fn utf16_with_lone_surrogates_decodes_and_extracts(units in prop::collection::vec(prop_oneof![
        Just(0xD800u16), Just(0xDC00u16), Just(0x000Au16), Just(0x8981u16), Just(0x0041u16), any::<u16>()
    ], 0..300), le in any::<bool>()) {
        let mut bytes = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for u in units {
            bytes.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let doc = document_from_bytes("u".into(), &bytes, Format::Text);
        prop_assert!(doc.encoding.name.starts_with("UTF-16"));
        check(&doc)?;
    }

    #[test]
    fn decoding_owned_bytes_is_decoding_borrowed_ones(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..200),
            texty().prop_map(String::into_bytes),
            texty().prop_map(|t| [&[0xEF, 0xBB, 0xBF][..], t.as_bytes()].concat()),
        ],
        forced in prop_oneof![Just(None), Just(Some("utf-8")), Just(Some("gbk"))],
        declared in prop_oneof![Just(None), Just(Some("utf-8")), Just(Some("big5"))],
    ) {
        use directives::decode::{decode_owned, decode_with, encoding_for_label};
        let forced = forced.and_then(encoding_for_label);
        let declared = declared.and_then(encoding_for_label);
        prop_assert_eq!(
            decode_owned(bytes.clone(), forced, declared),
            decode_with(&bytes, forced, declared)
        );
    }

    #[test]
    fn keeping_the_analysis_changes_no_task(text in texty()) {
        let doc = Document::from_text("k", text);
        let kept = ex().extract(&doc);
        let bare = lean().extract(&doc);
        prop_assert_eq!(&kept.tasks, &bare.tasks);
        prop_assert_eq!(kept.places.len(), kept.sentences.len());
        prop_assert!(bare.places.is_empty() && bare.hits.is_empty());
        prop_assert_eq!(bare.langs.len(), bare.sentences.len());
        prop_assert_eq!(bare.speakers.len(), bare.sentences.len());
    }

    #[test]
    fn the_same_text_gives_the_same_ids(text in texty()) {
        let a = ex().extract(&Document::from_text("a.txt", text.clone()));
        let b = ex().extract(&Document::from_text("./dir/b.txt", text));
        let ids = |e: &directives::Extraction| e.tasks.iter().map(|t| t.id).collect::<Vec<_>>();
        prop_assert_eq!(ids(&a), ids(&b));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// A run over many files gives the same bytes with one thread or several, and again.
    #[test]
    fn output_is_the_same_for_any_thread_count_and_on_a_second_run(texts in prop::collection::vec(texty(), 1..12)) {
        use directives::input::{Input, Item, ReadOptions};
        use directives::output::{self, SinkOptions, What};
        use directives::run::{run, Quiet, RunOptions};
        let dir = tempfile::tempdir().unwrap();
        let items: Vec<Item> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let p = dir.path().join(format!("{i:02}.txt"));
                std::fs::write(&p, t).unwrap();
                Item::Input(Input::Path(p))
            })
            .collect();
        let bytes = |jobs: usize| {
            let mut buf = Vec::new();
            {
                let mut sink = output::sink(output::Format::Jsonl, What::Tasks, Box::new(&mut buf), SinkOptions::default());
                let opts = RunOptions { jobs, read: ReadOptions::default(), what: What::Tasks };
                run(ex(), &items, &opts, sink.as_mut(), &mut Quiet).unwrap();
            }
            buf
        };
        let one = bytes(1);
        prop_assert_eq!(&bytes(3), &one);
        prop_assert_eq!(&bytes(1), &one);
    }
}

/// Text that walks deep into jieba's word list: common characters that open many words,
/// ASCII letters and digits (joined into one word by the cut), and punctuation.
fn wordy() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => prop::sample::select(vec![
            "中", "国", "大", "不", "一", "人", "民", "发", "展", "安", "全", "生", "产", "要",
            "必", "须", "加", "强", "管", "理", "工", "作", "严", "禁", "得", "将", "应", "当",
            "各", "部", "门", "确", "保", "会", "议", "组", "织", "领", "导", "责", "任", "𠀀",
            "㐀", "兀",
        ]),
        1 => prop::sample::select(vec!["a", "Z", "7", "0", ".", "-", "%", "，", "。", " ", "\n"]),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The build-time trie cuts as jieba-rs does, on any text, with added words too.
    #[test]
    fn word_boundaries_are_jieba_rs_boundaries(text in wordy()) {
        use directives::check::{LazyJieba, WordSegmenter};
        use directives::words::JiebaWords;
        static PAIR: OnceLock<(JiebaWords, LazyJieba)> = OnceLock::new();
        let (ours, theirs) = PAIR.get_or_init(|| {
            let added = vec!["严格落实".to_string(), "加强管理".to_string()];
            (JiebaWords::new(&added), LazyJieba::new(added))
        });
        prop_assert_eq!(ours.boundaries(&text), theirs.boundaries(&text), "{}", text);
    }
}

/// A plan's task section: a heading that sets the mode, then clauses made of the words the
/// layout rules read (command verbs, words of ability, conjunctions, topics, adverbs) joined by
/// the punctuation they look for.
fn plan() -> impl Strategy<Value = String> {
    let heading = prop::sample::select(vec![
        "二、主要任务\n",
        "三、重点工作\n",
        "通知如下：\n",
        "(a) The Secretary shall:\n",
        "",
    ]);
    let piece = prop::sample::select(vec![
        "加强",
        "推进",
        "实行",
        "追究",
        "落实",
        "发展",
        "可以",
        "能够",
        "才能",
        "只有",
        "并",
        "并且",
        "同时",
        "而且",
        "还",
        "是",
        "的",
        "了",
        "已经",
        "各地",
        "企业",
        "组织",
        "依法",
        "进一步",
        "责任",
        "制度",
        "，",
        "，",
        "、",
        "；",
        "：",
        "。",
        "\n",
        "1. ",
        "（一）",
        "Review",
        " ",
        ", and ",
        "shall",
        "may",
        "that",
        "regulated",
    ]);
    (heading, prop::collection::vec(piece, 0..50)).prop_map(|(h, v)| format!("{h}{}", v.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    /// Plan-like text reaches the layout rules (implied commands, their scopes) without a
    /// panic, and every task cites its sentence.
    #[test]
    fn plan_sections_tile_and_cite(text in plan()) {
        check(&Document::from_text("p", text))?;
    }
}
