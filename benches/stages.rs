//! Each stage on its own, on the bundled samples repeated to about 1 MB per language:
//!
//!     cargo bench --bench stages
//!
//! The whole-process comparison with the Python peer and ripgrep is `scripts/bench.sh`.

use std::sync::LazyLock;

use directives::check::{LazyJieba, WordSegmenter};
use directives::dictionary::Dictionary;
use directives::document::Lang;
use directives::output::Citer;
use directives::segment::{Segmenter, SentenceSplitter};
use directives::trigger::PhraseMatcher;
use directives::words::JiebaWords;
use directives::{Document, Extractor};
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

/// The samples of one language, repeated to about 1 MB.
fn corpus(lang: &str) -> String {
    let mut unit = String::new();
    let mut names: Vec<_> = std::fs::read_dir("samples")
        .expect("run from the repository root")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().to_string();
            n.starts_with(&format!("{lang}-")) && n.ends_with(".txt")
        })
        .collect();
    names.sort();
    for p in names {
        unit.push_str(&std::fs::read_to_string(p).unwrap());
        unit.push_str("\n\n");
    }
    unit.repeat((1 << 20) / unit.len() + 1)
}

static ZH: LazyLock<String> = LazyLock::new(|| corpus("zh"));
static EN: LazyLock<String> = LazyLock::new(|| corpus("en"));
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::with_defaults().unwrap());

fn text(lang: &str) -> &'static str {
    if lang == "zh" {
        &ZH
    } else {
        &EN
    }
}

const LANGS: [&str; 2] = ["zh", "en"];

/// Stage 1: bytes to text (UTF-8 detected and validated, copied once).
#[divan::bench(args = LANGS)]
fn decode(b: Bencher, lang: &str) {
    let bytes = text(lang).as_bytes();
    b.counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| black_box(directives::decode::decode(black_box(bytes))));
}

/// Stage 2: sentences.
#[divan::bench(args = LANGS)]
fn segment(b: Bencher, lang: &str) {
    let seg = Segmenter::new(&Dictionary::builtin()).unwrap();
    let t = text(lang);
    b.counter(divan::counter::BytesCount::new(t.len()))
        .bench(|| black_box(seg.split(black_box(t))));
}

/// Stage 3: the dictionary's phrases, sentence by sentence.
#[divan::bench(args = LANGS)]
fn triggers(b: Bencher, lang: &str) {
    let dict = Dictionary::builtin();
    let seg = Segmenter::new(&dict).unwrap();
    let l = if lang == "zh" { Lang::Zh } else { Lang::En };
    let matcher = PhraseMatcher::new(&dict, l).unwrap();
    let t = text(lang);
    let sentences: Vec<&str> = seg.split(t).iter().map(|s| s.span.of(t)).collect();
    b.counter(divan::counter::BytesCount::new(t.len()))
        .bench(|| {
            for s in &sentences {
                black_box(matcher.find(s));
            }
        });
}

/// Word boundaries of every Chinese sentence by `words`.
fn cut_every_sentence(b: Bencher, words: &dyn WordSegmenter) {
    let t = text("zh");
    let seg = Segmenter::new(&Dictionary::builtin()).unwrap();
    let sentences: Vec<&str> = seg.split(t).iter().map(|s| s.span.of(t)).collect();
    b.counter(divan::counter::BytesCount::new(t.len()))
        .bench(|| {
            for s in &sentences {
                black_box(words.boundaries(s));
            }
        });
}

/// Stage 4: Chinese word boundaries, by the build-time trie of jieba's word list.
#[divan::bench]
fn words_trie(b: Bencher) {
    cut_every_sentence(b, &JiebaWords::new(&[]));
}

/// Stage 4, the reference: the same boundaries by jieba-rs (loaded before timing).
#[divan::bench]
fn words_jieba_rs(b: Bencher) {
    let words = LazyJieba::new(Vec::new());
    words.boundaries("预热");
    cut_every_sentence(b, &words);
}

/// Start-up: the extractor with the built-in dictionaries.
#[divan::bench]
fn build_extractor() {
    black_box(Extractor::with_defaults().unwrap());
}

/// Stages 2 to 6: the whole pipeline on a document, to tasks.
#[divan::bench(args = LANGS)]
fn extract(b: Bencher, lang: &str) {
    let doc = Document::from_text("bench", text(lang));
    let ex = &*EXTRACTOR;
    b.counter(divan::counter::BytesCount::new(doc.text.len()))
        .bench(|| black_box(ex.extract(&doc)));
}

/// Stage 7: citing every task and writing it as JSON.
#[divan::bench(args = LANGS)]
fn cite_and_write(b: Bencher, lang: &str) {
    let doc = Document::from_text("bench", text(lang));
    let ex = &*EXTRACTOR;
    let found = ex.extract(&doc);
    b.counter(divan::counter::BytesCount::new(doc.text.len()))
        .bench(|| {
            let citer = Citer::new(&doc);
            let mut out = Vec::with_capacity(1 << 20);
            for t in &found.tasks {
                serde_json::to_writer(&mut out, &citer.task(&found, ex, t)).unwrap();
                out.push(b'\n');
            }
            black_box(out)
        });
}
