//! Stage 3: find the dictionary's trigger and blocker phrases in a sentence's view.
//!
//! Literal phrases of one language go into one Aho-Corasick automaton (leftmost-longest, so
//! "must not" beats "must" and "不得已" beats "不得"); English literals match ASCII
//! case-insensitively and only at word boundaries. Regex entries run only on sentences that
//! hold one of their required literals ([`crate::regexes::RegexFilter`]). A regex may name the trigger words with a group `trigger` (else the whole match
//! is the trigger) and the actor with a group `actor`.

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::regexes::{LazyRegex, RegexFilter, TwoStepAutomaton};

use crate::dictionary::{Dictionary, Match, REGEX_SIZE_LIMIT};
use crate::document::{Lang, Span};
use crate::error::Result;

/// Which dictionary entry a candidate came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    /// An index into [`Dictionary::triggers`].
    Trigger(usize),
    /// An index into [`Dictionary::blockers`].
    Blocker(usize),
}

/// A phrase found in a sentence's view, before any check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The entry.
    pub entry: Entry,
    /// The matched words, in view offsets.
    pub span: Span,
    /// The actor a regex entry captured, in view offsets.
    pub actor: Option<Span>,
    /// A Chinese trigger that starts inside a reported one which jieba shows ending inside
    /// a word (决不 in 决不能 of 决不能够, 须 in 任务须 where 务须 matched); the automaton
    /// reports only the leftmost-longest phrase, so it is tried only then
    /// ([`PhraseMatcher::fallbacks`]).
    pub fallback: bool,
}

/// Finds one language's phrases. The automata are built when first needed, so that a run
/// over English text never builds the Chinese ones.
#[derive(Clone, Debug)]
pub struct PhraseMatcher {
    lang: Lang,
    literals: Vec<String>,
    ac: OnceLock<Option<TwoStepAutomaton>>,
    ac_entries: Vec<Entry>,
    /// For each Chinese trigger entry, the other trigger literals that may start inside its
    /// phrase: (byte offset, literal), contained in it or running on past its end. Entries
    /// with none are left out.
    inner: HashMap<Entry, Vec<(usize, usize)>>,
    raw: Vec<String>,
    filter: OnceLock<RegexFilter>,
    regexes: Vec<(Entry, LazyRegex)>,
}

thread_local! {
    /// Scratch space for the regex filter, reused across sentences.
    static SCRATCH: RefCell<(Vec<bool>, Vec<usize>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

impl PhraseMatcher {
    /// Compiles the triggers and blockers of `lang`.
    pub fn new(dict: &Dictionary, lang: Lang) -> Result<Self> {
        let mut literals: Vec<String> = Vec::new();
        let mut ac_entries = Vec::new();
        let mut regexes = Vec::new();
        let mut raw: Vec<String> = Vec::new();
        let mut add = |entry: Entry, phrase: &str, matching: Match| -> Result<()> {
            match matching {
                Match::Literal => {
                    literals.push(phrase.to_string());
                    ac_entries.push(entry);
                }
                Match::Regex => {
                    let pattern = if lang == Lang::En && !phrase.starts_with("(?-i)") {
                        format!("(?i){phrase}")
                    } else {
                        phrase.to_string()
                    };
                    regexes.push((entry, LazyRegex::new(pattern, REGEX_SIZE_LIMIT)));
                    raw.push(phrase.to_string());
                }
            }
            Ok(())
        };
        for (i, t) in dict
            .triggers
            .iter()
            .enumerate()
            .filter(|(_, t)| t.lang == lang)
        {
            add(Entry::Trigger(i), &t.phrase, t.matching)?;
        }
        for (i, b) in dict
            .blockers
            .iter()
            .enumerate()
            .filter(|(_, b)| b.lang == lang)
        {
            add(Entry::Blocker(i), &b.phrase, b.matching)?;
        }
        let is_zh_trigger =
            |k: usize| lang == Lang::Zh && matches!(ac_entries[k], Entry::Trigger(_));
        let mut inner = HashMap::new();
        for k in (0..literals.len()).filter(|&k| is_zh_trigger(k)) {
            let mut found = Vec::new();
            for (at, _) in literals[k].char_indices() {
                let rest = &literals[k][at..];
                for j in (0..literals.len()).filter(|&j| j != k && is_zh_trigger(j)) {
                    let other = literals[j].as_str();
                    if rest.starts_with(other) || (at > 0 && other.starts_with(rest)) {
                        found.push((at, j));
                    }
                }
            }
            if !found.is_empty() {
                inner.insert(ac_entries[k], found);
            }
        }
        Ok(PhraseMatcher {
            lang,
            literals,
            inner,
            ac: OnceLock::new(),
            ac_entries,
            raw,
            filter: OnceLock::new(),
            regexes,
        })
    }

    /// The automaton of the literal phrases: a quick NFA, then a DFA once it has scanned
    /// enough text ([`TwoStepAutomaton`]); `None` when there are none (or, unreachably for
    /// any real dictionary, when it cannot be built).
    fn automaton(&self) -> Option<&TwoStepAutomaton> {
        self.ac
            .get_or_init(|| {
                if self.literals.is_empty() {
                    return None;
                }
                let mut builder = AhoCorasickBuilder::new();
                builder
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(self.lang == Lang::En);
                TwoStepAutomaton::new(&builder, &self.literals).ok()
            })
            .as_ref()
    }

    /// The fallbacks of a Chinese literal trigger found at `c`: the other triggers that
    /// start inside it. The automaton reports only the leftmost-longest match, so 决不 in
    /// 决不能, 须 in 任务须 (务须) and 应该 in 真理应该 (理应) were never tried; the extractor
    /// asks for them when the reported one ends inside a word.
    pub fn fallbacks(&self, text: &str, c: &Candidate) -> Vec<Candidate> {
        let Some(inner) = self.inner.get(&c.entry) else {
            return Vec::new();
        };
        inner
            .iter()
            .filter_map(|&(at, j)| {
                let start = c.span.start + at;
                let lit = self.literals[j].as_str();
                text.get(start..)?.starts_with(lit).then(|| Candidate {
                    entry: self.ac_entries[j],
                    span: Span::new(start, start + lit.len()),
                    actor: None,
                    fallback: true,
                })
            })
            .collect()
    }

    /// The longest English literal trigger inside `span` that stands on word boundaries,
    /// when the one the automaton reported there does not: it reports only the longest, so
    /// "must not" in "must notify" hid "must". Rare (a phrase glued to a longer word), so
    /// the literals are scanned, not indexed.
    fn shorter_at_word_boundaries(&self, text: &str, span: Span) -> Option<Candidate> {
        let starts = text[span.start..span.end]
            .char_indices()
            .map(|(k, _)| span.start + k)
            .filter(|&k| {
                k == span.start || !text[..k].chars().next_back().is_some_and(is_word_char)
            });
        starts
            .filter_map(|start| {
                self.literals
                    .iter()
                    .enumerate()
                    .filter(|&(k, lit)| {
                        matches!(self.ac_entries[k], Entry::Trigger(_))
                            && start + lit.len() <= span.end
                            && (start, start + lit.len()) != (span.start, span.end)
                            && text
                                .get(start..start + lit.len())
                                .is_some_and(|t| t.eq_ignore_ascii_case(lit))
                            && at_word_boundaries(text, Span::new(start, start + lit.len()))
                    })
                    .max_by_key(|(_, lit)| lit.len())
                    .map(|(k, lit)| Candidate {
                        entry: self.ac_entries[k],
                        span: Span::new(start, start + lit.len()),
                        actor: None,
                        fallback: false,
                    })
            })
            .next()
    }

    /// All candidates in `text`, ordered by start.
    pub fn find(&self, text: &str) -> Vec<Candidate> {
        let mut out = Vec::new();
        if let Some(ac) = self.automaton() {
            for m in ac.for_text(text).find_iter(text) {
                let span = Span::new(m.start(), m.end());
                if self.lang == Lang::En && !at_word_boundaries(text, span) {
                    out.extend(self.shorter_at_word_boundaries(text, span));
                    continue;
                }
                let k = m.pattern().as_usize();
                out.push(Candidate {
                    entry: self.ac_entries[k],
                    span,
                    actor: None,
                    fallback: false,
                });
            }
        }
        if !self.regexes.is_empty() {
            let ks = SCRATCH.with(|s| {
                let (seen, out) = &mut *s.borrow_mut();
                self.filter
                    .get_or_init(|| RegexFilter::new(&self.raw))
                    .candidates(text, seen, out);
                out.clone()
            });
            for k in ks {
                let (entry, re) = &self.regexes[k];
                for caps in re.captures_iter(text) {
                    let whole = caps.get(0).expect("group 0");
                    let m = caps.name("trigger").unwrap_or(whole);
                    if m.start() == m.end() {
                        continue;
                    }
                    out.push(Candidate {
                        entry: *entry,
                        span: Span::new(m.start(), m.end()),
                        actor: caps
                            .name("actor")
                            .filter(|a| a.start() < a.end())
                            .map(|a| Span::new(a.start(), a.end())),
                        fallback: false,
                    });
                }
            }
        }
        out.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
        out
    }
}

/// A letter, a digit or an underscore: what a word is made of.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when the phrase at `span` is not glued to letters or digits on either side.
fn at_word_boundaries(text: &str, span: Span) -> bool {
    let inner_first = text[span.start..span.end].chars().next();
    let inner_last = text[span.start..span.end].chars().next_back();
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let left_ok = !(inner_first.is_some_and(is_word_char) && before.is_some_and(is_word_char));
    let right_ok = !(inner_last.is_some_and(is_word_char) && after.is_some_and(is_word_char));
    left_ok && right_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict(kind_rows: &str) -> Dictionary {
        let mut d = Dictionary::empty();
        d.add_file("t.tsv", kind_rows).unwrap();
        d
    }

    #[test]
    fn english_literals_respect_case_and_word_boundaries() {
        let d = dict("# kind: triggers\n# lang: en\nphrase\tmodality\tstrength\nmust\tobligation\t3\nmust not\tprohibition\t3\n");
        let m = PhraseMatcher::new(&d, Lang::En).unwrap();
        let found = m.find("You MUST go; mustard must not spill.");
        let texts: Vec<_> = found
            .iter()
            .map(|c| &"You MUST go; mustard must not spill."[c.span.start..c.span.end])
            .collect();
        assert_eq!(texts, ["MUST", "must not"]);
    }

    #[test]
    fn regex_groups_name_trigger_and_actor() {
        let d = dict("# kind: triggers\n# lang: en\nphrase\tmatch\tmodality\tstrength\n(?P<actor>we)\\s+(?P<trigger>will)\\b\tregex\tcommitment\t2\n");
        let m = PhraseMatcher::new(&d, Lang::En).unwrap();
        let text = "This year we will cut taxes.";
        let c = m.find(text);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].span.of(text), "will");
        assert_eq!(c[0].actor.unwrap().of(text), "we");
    }

    #[test]
    fn longest_phrase_wins_in_chinese() {
        let d = dict(
            "# kind: triggers\n# lang: zh\nphrase\tmodality\tstrength\n不得\tprohibition\t3\n",
        );
        let mut d2 = d.clone();
        d2.add_file(
            "b.tsv",
            "# kind: blockers\n# lang: zh\nphrase\teffect\tscope\n不得已\texclusion\toverlap\n",
        )
        .unwrap();
        let m = PhraseMatcher::new(&d2, Lang::Zh).unwrap();
        let c = m.find("迫不得已才停工，不得擅自复工");
        assert_eq!(c.len(), 2);
        assert!(matches!(c[0].entry, Entry::Blocker(_)));
        assert!(matches!(c[1].entry, Entry::Trigger(_)));
    }
}
