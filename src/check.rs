//! Stage 4: decide which candidates are real triggers.
//!
//! Each [`Check`] looks at one candidate in its sentence and may drop it with a reason; the
//! reasons are kept so that `explain` can show why a phrase did not count. The built-in
//! checks, in order:
//!
//! 1. [`InsideWord`]: in Chinese a phrase must start and end on a word boundary of the
//!    jieba-rs segmentation (要 in 重要, 主要, 需要 is not a trigger; 应当 in 相应当地 is not).
//!    A phrase of two characters or more may also open a jieba word whose rest is a word
//!    (切实 in 切实做好, 确保 in 确保安全): jieba's dictionary has such compounds.
//! 2. [`Blocked`]: a blocker phrase cancels the triggers it covers: negation that lifts the
//!    duty (need not, 不必), epistemic use (must have been), conditionals (should you need,
//!    if ... should), look-alikes (shall have the meaning, 不得已), purpose lines, questions.
//! 3. [`AtStart`]: entries marked `position = start` ("Urges", "Decides") count only when
//!    they open the sentence.

use std::cell::RefCell;
use std::sync::OnceLock;

use crate::regexes::LazyRegex;
use jieba_rs::Jieba;
use serde::Serialize;

use crate::dictionary::{Dictionary, Effect, Position, Scope};
use crate::document::{Lang, Span};
use crate::trigger::{Candidate, Entry};
use crate::words::is_run_char;

/// Why a candidate was dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "check", rename_all = "kebab-case")]
pub enum Reason {
    /// The phrase starts or ends inside a word.
    InsideWord,
    /// A blocker covers it.
    Blocked {
        /// Index of the blocker in [`Dictionary::blockers`].
        blocker: usize,
        /// What kind of blocker.
        effect: Effect,
    },
    /// The entry must open its sentence and does not.
    NotAtStart,
    /// The entry does not count in a background or review section.
    Background,
}

/// A candidate with the outcome of the checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Checked {
    /// The candidate.
    pub candidate: Candidate,
    /// `None` when kept.
    pub dropped: Option<Reason>,
}

/// Splits Chinese text into words; the trigger check needs only the boundaries.
pub trait WordSegmenter: Send + Sync {
    /// Sorted byte offsets of word boundaries in `text`, including 0 and `text.len()`.
    fn boundaries(&self, text: &str) -> Vec<usize>;
    /// True when `word` is in the segmenter's dictionary.
    fn is_known(&self, word: &str) -> bool;
}

/// A word segmenter that is built from the dictionary's added words when first asked, so that
/// a run over English text never pays for it.
pub trait FromWords: WordSegmenter + Sized {
    /// The segmenter, with `words` (the dictionary's Chinese phrases) added to its own list so
    /// that it does not cut through them.
    fn from_words(words: &[String]) -> Self;
}

/// A segmenter of type `S`, built on first use.
pub struct Lazy<S> {
    words: Vec<String>,
    cell: OnceLock<S>,
}

impl<S: FromWords> Lazy<S> {
    /// Prepares a segmenter that will be built with `words` when first used.
    pub fn new(words: Vec<String>) -> Self {
        Lazy {
            words,
            cell: OnceLock::new(),
        }
    }

    fn get(&self) -> &S {
        self.cell.get_or_init(|| S::from_words(&self.words))
    }

    /// True once the segmenter has been built.
    pub fn is_built(&self) -> bool {
        self.cell.get().is_some()
    }
}

impl<S> std::fmt::Debug for Lazy<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lazy")
            .field("segmenter", &std::any::type_name::<S>())
            .field("words", &self.words.len())
            .field("built", &self.cell.get().is_some())
            .finish()
    }
}

impl<S: FromWords> WordSegmenter for Lazy<S> {
    fn boundaries(&self, text: &str) -> Vec<usize> {
        self.get().boundaries(text)
    }

    fn is_known(&self, word: &str) -> bool {
        self.get().is_known(word)
    }
}

/// jieba-rs itself (its dictionary takes a while to load: use it as [`LazyJieba`]).
pub type LazyJieba = Lazy<Jieba>;

impl FromWords for Jieba {
    fn from_words(words: &[String]) -> Self {
        let mut j = Jieba::new();
        for w in words {
            if w.chars().count() > 1 && !j.has_word(w) {
                j.add_word(w, None, None);
            }
        }
        j
    }
}

impl WordSegmenter for Jieba {
    fn boundaries(&self, text: &str) -> Vec<usize> {
        let mut out = Vec::with_capacity(text.len() / 4 + 2);
        out.push(0);
        for t in self.cut(text, false) {
            out.push(t.byte_end);
        }
        out.dedup();
        out
    }

    fn is_known(&self, word: &str) -> bool {
        self.has_word(word)
    }
}

/// What a check sees of one sentence.
pub struct Context<'a> {
    /// The sentence's view text.
    pub view: &'a str,
    /// Its language.
    pub lang: Lang,
    /// View offset where the sentence's body starts, after any list marker.
    pub body_start: usize,
    /// Every candidate found in the sentence, blockers included.
    pub candidates: &'a [Candidate],
    /// The dictionary the candidates index.
    pub dict: &'a Dictionary,
    words: &'a dyn WordSegmenter,
    runs: &'a WordRuns,
    /// The indexes of the blockers among the candidates, so that a sentence of many
    /// triggers and few blockers is checked in linear time.
    blockers: Vec<usize>,
}

/// The word boundaries of the runs of a sentence cut so far, in order, each as (run start,
/// boundaries from the run's start to its end, in sentence offsets). A run is a stretch of characters
/// that jieba segments as one block (ideographs, ASCII letters and digits); runs are cut
/// independently of one another, so only the runs that hold a candidate are ever cut.
pub type WordRuns = RefCell<Vec<(usize, Vec<u32>)>>;

impl<'a> Context<'a> {
    /// A context; word boundaries are computed on first need, run by run, and kept in `runs`.
    pub fn new(
        view: &'a str,
        lang: Lang,
        body_start: usize,
        candidates: &'a [Candidate],
        dict: &'a Dictionary,
        words: &'a dyn WordSegmenter,
        runs: &'a WordRuns,
    ) -> Self {
        Context {
            view,
            lang,
            body_start,
            candidates,
            dict,
            words,
            runs,
            blockers: candidates
                .iter()
                .enumerate()
                .filter(|(_, c)| matches!(c.entry, Entry::Blocker(_)))
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// Calls `f` with the boundaries of the run around byte `at`, cutting it on first need.
    ///
    /// Boundaries are kept as `u32`: a view is one sentence, at most
    /// [`crate::segment::MAX_UNIT_BYTES`] long.
    fn with_run<R>(&self, at: usize, f: impl FnOnce(&[u32]) -> R) -> R {
        let mut runs = self.runs.borrow_mut();
        // Runs already cut, in order of start; each holds its own end as its last boundary.
        let k = runs.partition_point(|r| r.0 <= at);
        if k > 0 && runs[k - 1].1.last().is_some_and(|&end| at <= end as usize) {
            return f(&runs[k - 1].1);
        }
        let v = self.view;
        let start = v[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_run_char(c))
            .last()
            .map_or(at, |(k, _)| k);
        let end = v[at..]
            .char_indices()
            .find(|&(_, c)| !is_run_char(c))
            .map_or(v.len(), |(k, _)| at + k);
        let b: Vec<u32> = self
            .words
            .boundaries(&v[start..end])
            .into_iter()
            .map(|x| u32::try_from(x + start).unwrap_or(u32::MAX))
            .collect();
        let k = runs.partition_point(|r| r.0 < start);
        runs.insert(k, (start, b));
        f(&runs[k].1)
    }

    /// True when `at` is a word boundary of the view (always true outside Chinese).
    pub fn is_word_boundary(&self, at: usize) -> bool {
        if self.lang != Lang::Zh || at == 0 || at >= self.view.len() {
            return true;
        }
        let before = self.view[..at].chars().next_back();
        let after = self.view[at..].chars().next();
        match (before, after) {
            (Some(b), Some(a)) if is_run_char(b) && is_run_char(a) => {
                self.with_run(at, |b| b.binary_search(&(at as u32)).is_ok())
            }
            // Outside runs every character is a word of its own, but a CRLF is one.
            (Some('\r'), Some('\n')) => false,
            _ => true,
        }
    }

    /// True when `span` starts and ends on word boundaries.
    pub fn is_word(&self, span: Span) -> bool {
        self.is_word_boundary(span.start) && self.is_word_boundary(span.end)
    }

    /// True when `span` (two characters or more) opens a word whose rest is a word of two
    /// characters or more: 切实 in 切实做好, 确保 in 确保安全, 绝不 in 绝不允许.
    pub fn opens_compound(&self, span: Span) -> bool {
        if self.lang != Lang::Zh || self.view[span.start..span.end].chars().count() < 2 {
            return false;
        }
        if !self.is_word_boundary(span.start) {
            return false;
        }
        if self.is_word_boundary(span.end) {
            return true;
        }
        // The span's end is inside a run: the token that holds it must start where the span
        // starts, and what follows in that token must be a word.
        self.with_run(span.end, |b| {
            let k = b.partition_point(|&x| (x as usize) < span.end);
            let (token_start, next) = (b[k - 1] as usize, b[k] as usize);
            let rest = &self.view[span.end..next];
            token_start == span.start && rest.chars().count() >= 2 && self.words.is_known(rest)
        })
    }
}

/// One rule that may drop a candidate.
pub trait Check: Send + Sync {
    /// Returns why `c` must be dropped, or `None` to keep it.
    fn check(&self, ctx: &Context<'_>, c: &Candidate) -> Option<Reason>;
}

/// Chinese phrases must sit on jieba word boundaries.
#[derive(Debug, Default)]
pub struct InsideWord;

impl Check for InsideWord {
    fn check(&self, ctx: &Context<'_>, c: &Candidate) -> Option<Reason> {
        (!ctx.is_word(c.span) && !ctx.opens_compound(c.span)).then_some(Reason::InsideWord)
    }
}

/// Blockers cancel the triggers in their scope.
#[derive(Debug, Default)]
pub struct Blocked;

fn is_clause_break(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。')
}

impl Check for Blocked {
    fn check(&self, ctx: &Context<'_>, c: &Candidate) -> Option<Reason> {
        let Entry::Trigger(_) = c.entry else {
            return None;
        };
        blocked_at(ctx, c.span)
    }
}

/// The blocker that cancels a trigger at `span`, if any.
pub fn blocked_at(ctx: &Context<'_>, span: Span) -> Option<Reason> {
    ctx.blockers
        .iter()
        .map(|&i| &ctx.candidates[i])
        .find_map(|b| {
            let Entry::Blocker(bi) = b.entry else {
                return None;
            };
            // A blocker counts where a trigger would: on word boundaries, or opening a
            // compound (不可 in 不可避免, which jieba keeps whole).
            if InsideWord.check(ctx, b).is_some() {
                return None;
            }
            let blocker = &ctx.dict.blockers[bi];
            let applies = match blocker.scope {
                Scope::Overlap => b.span.overlaps(span),
                Scope::Span => b.span.contains(span),
                Scope::Clause => {
                    b.span.start <= span.start
                        && !ctx.view[b.span.end.min(span.start)..span.start]
                            .contains(is_clause_break)
                }
                Scope::Sentence => true,
            };
            applies.then_some(Reason::Blocked {
                blocker: bi,
                effect: blocker.effect,
            })
        })
}

/// `position = start` entries must open the sentence (an adverb may come first).
#[derive(Debug)]
pub struct AtStart {
    lead: LazyRegex,
}

impl Default for AtStart {
    fn default() -> Self {
        AtStart {
            lead: LazyRegex::new(
                r"(?i)^[\s,]*(?:(?:also|further|further\s+also|strongly|once\s+again|again|hereby|\w+ly)[\s,]+)*$",
                1 << 20,
            ),
        }
    }
}

impl Check for AtStart {
    fn check(&self, ctx: &Context<'_>, c: &Candidate) -> Option<Reason> {
        let Entry::Trigger(ti) = c.entry else {
            return None;
        };
        if ctx.dict.triggers[ti].position != Position::Start {
            return None;
        }
        let start = ctx.body_start.min(c.span.start);
        (!self.lead.is_match(&ctx.view[start..c.span.start])).then_some(Reason::NotAtStart)
    }
}

/// The default checks, in the order they run.
pub fn default_checks() -> Vec<Box<dyn Check>> {
    vec![
        Box::new(InsideWord),
        Box::new(Blocked),
        Box::new(AtStart::default()),
    ]
}

/// Runs `checks` over every trigger candidate of a sentence: beside each candidate, why it
/// was dropped (`None`: kept). Blockers get a verdict too, dropped when they sit inside a
/// word, so `explain` can show them.
pub fn verdicts(checks: &[Box<dyn Check>], ctx: &Context<'_>) -> Vec<Option<Reason>> {
    ctx.candidates
        .iter()
        .map(|c| match c.entry {
            Entry::Trigger(_) => checks.iter().find_map(|k| k.check(ctx, c)),
            Entry::Blocker(_) => InsideWord.check(ctx, c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Cuts every character into a word of its own and counts the calls.
    struct CountingCutter(AtomicUsize);

    impl WordSegmenter for CountingCutter {
        fn boundaries(&self, text: &str) -> Vec<usize> {
            self.0.fetch_add(1, Ordering::Relaxed);
            let mut b: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            b.push(text.len());
            b
        }
        fn is_known(&self, _: &str) -> bool {
            false
        }
    }

    #[test]
    fn a_run_is_cut_once_however_many_positions_ask() {
        // A long run of 要 asks for the boundaries at every character; the run must be cut once
        // and found again by its span. (The time this saves is measured by scripts/bench.sh,
        // "50 MB of 要", not here.)
        let view = "要".repeat(2000);
        let dict = Dictionary::empty();
        let cutter = CountingCutter(AtomicUsize::new(0));
        let runs = WordRuns::default();
        let ctx = Context::new(&view, Lang::Zh, 0, &[], &dict, &cutter, &runs);
        for at in (3..view.len()).step_by(3) {
            assert!(ctx.is_word_boundary(at), "every character is a word here");
        }
        assert_eq!(cutter.0.load(Ordering::Relaxed), 1);
        assert_eq!(runs.borrow().len(), 1);
    }

    #[test]
    fn separate_runs_are_cut_separately_and_kept_in_order() {
        let view = "加强监管，落实责任。严格执法";
        let dict = Dictionary::empty();
        let cutter = CountingCutter(AtomicUsize::new(0));
        let runs = WordRuns::default();
        let ctx = Context::new(view, Lang::Zh, 0, &[], &dict, &cutter, &runs);
        let last = view.rfind('格').unwrap();
        let first = view.find('强').unwrap();
        assert!(ctx.is_word_boundary(last));
        assert!(ctx.is_word_boundary(first));
        assert!(ctx.is_word_boundary(first + 3));
        assert_eq!(cutter.0.load(Ordering::Relaxed), 2);
        let starts: Vec<usize> = runs.borrow().iter().map(|r| r.0).collect();
        assert_eq!(starts, vec![0, view.find('严').unwrap()]);
    }
}
