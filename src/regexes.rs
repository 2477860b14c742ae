//! Dictionary regexes, cheap to hold: compiled on first use, and run only where they can
//! match.
//!
//! A [`LazyRegex`] compiles when first used, so that a run over English text never compiles
//! the Chinese patterns, and a pattern that never has a chance to match is never compiled.
//! It compiles in two steps: first the engines that cost least to build, and the lazy DFAs
//! only for a pattern that has searched enough text to repay them ([`LIGHT_BYTES`]). Both
//! find the same matches. Patterns from dictionary files are checked when the file is read,
//! so compiling later cannot fail on them.
//!
//! Which of many regexes could match a text is found with one Aho-Corasick pass.
//!
//! Running dozens of dictionary regexes (or one big `RegexSet`) over every sentence costs
//! more than everything else the pipeline does: the set's lazy DFA gives up on Unicode word
//! boundaries and Chinese text and falls back to a slow NFA simulation. But nearly every
//! pattern needs some literal to be present: "请" for `请[^，。]{1,12}?讲话`, "hereby" for
//! `it is hereby (?:ordered|directed)`. [`RegexFilter`] extracts, for each pattern, a set of
//! literals of which at least one must occur in any text it matches (a *required factor*),
//! puts all of them in one automaton, and reports the patterns whose factor occurs. Patterns
//! with no such factor are always reported.
//!
//! The filter only over-approximates: a pattern it leaves out cannot match, with one
//! exception kept on purpose: an ASCII pattern is read as if ASCII case were all its case
//! folding, so "ſhall" (long s) or a Kelvin sign, which Unicode `(?i)` would fold to "shall"
//! and "k", do not make it a candidate.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_automata::meta::Regex as Meta;
use regex_automata::util::captures::Captures;
use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{Hir, HirKind, Look};

mod factors;

/// A regex compiled when first used.
///
/// It is a `regex_automata` meta regex without a literal prefilter: the sentences it runs on
/// are short, and where many patterns share a stage a [`RegexFilter`] has already chosen
/// the sentences worth running them on. Building a prefilter for a case-insensitive pattern
/// costs several times more than the pattern itself, and would be paid at every start.
#[derive(Clone, Debug)]
pub struct LazyRegex {
    pattern: String,
    /// For [`LazyRegex::any_of`], the patterns, each with its own groups.
    alternatives: Vec<String>,
    size_limit: usize,
    /// Built first: the engines that cost least to build.
    light: OnceLock<Built>,
    /// The full set, with the lazy DFAs, once the pattern has searched [`LIGHT_BYTES`].
    upgrade: Upgrade<Built>,
}

/// The second step of something built in two: its light form (kept by the owner) serves
/// until it has done a budget's worth of work, then the full form is built and serves (when
/// that cannot be built, the light one goes on).
#[derive(Debug)]
struct Upgrade<T> {
    full: OnceLock<Option<T>>,
    /// Work done so far with the light form.
    spent: AtomicUsize,
}

impl<T> Upgrade<T> {
    fn new() -> Self {
        Upgrade {
            full: OnceLock::new(),
            spent: AtomicUsize::new(0),
        }
    }

    /// The full form, if it has been built.
    fn full(&self) -> Option<&T> {
        self.full.get().and_then(Option::as_ref)
    }

    /// The form to do the next piece of work with, which costs `cost` with `light`: `light`
    /// until `budget` is spent, then the full form (built by `build` the first time).
    fn pick<'a>(
        &'a self,
        light: &'a T,
        cost: usize,
        budget: usize,
        build: impl FnOnce() -> Option<T>,
    ) -> &'a T {
        let before = self.spent.fetch_add(cost, Ordering::Relaxed);
        if before.saturating_add(cost) > budget {
            if let Some(full) = self.full.get_or_init(build) {
                return full;
            }
        }
        light
    }
}

impl<T: Clone> Clone for Upgrade<T> {
    fn clone(&self) -> Self {
        Upgrade {
            full: self.full.clone(),
            spent: AtomicUsize::new(self.spent.load(Ordering::Relaxed)),
        }
    }
}

/// How many bytes a [`LazyRegex`] searches with its light engines before it builds the
/// full set.
///
/// A regex is built in two steps. The lazy DFA, which makes searching fast, needs a second
/// NFA compiled in reverse and a cache: about half the cost of building a pattern, paid at
/// start-up by every run on a short document. So a pattern first runs with the engines that
/// need only the forward NFA (a bounded backtracker and the PikeVM: the same matches,
/// slower per byte), and only a pattern that has searched this much builds the rest.
pub const LIGHT_BYTES: usize = 1 << 14;

/// What one search of a pattern anchored at the start counts as, whatever the length of the
/// text: its engines stop where the pattern can no longer match, near the start.
const ANCHORED_COST: usize = 128;

/// A compiled regex.
#[derive(Clone, Debug)]
struct Built {
    re: Meta,
    /// Every alternative opens with `^`.
    anchored: bool,
}

/// Words a regex matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Found<'h> {
    /// First byte.
    pub fn start(&self) -> usize {
        self.start
    }
    /// One past the last byte.
    pub fn end(&self) -> usize {
        self.end
    }
    /// The words.
    pub fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
}

/// The groups of one match.
#[derive(Clone, Debug)]
pub struct Groups<'h> {
    hay: &'h str,
    caps: Captures,
}

impl<'h> Groups<'h> {
    fn at(&self, span: Option<regex_automata::Span>) -> Option<Found<'h>> {
        span.map(|s| Found {
            hay: self.hay,
            start: s.start,
            end: s.end,
        })
    }
    /// Group `i` (0 is the whole match).
    pub fn get(&self, i: usize) -> Option<Found<'h>> {
        self.at(self.caps.get_group(i))
    }
    /// Which pattern matched (for [`LazyRegex::any_of`], its index; else 0).
    pub fn pattern(&self) -> usize {
        self.caps.pattern().map_or(0, |p| p.as_usize())
    }
    /// The group named `name`, of the pattern that matched.
    pub fn name(&self, name: &str) -> Option<Found<'h>> {
        self.at(self.caps.get_group_by_name(name))
    }
}

impl LazyRegex {
    /// A regex for `pattern`, compiled on first use within `size_limit` bytes. The caller
    /// has checked that it compiles (dictionary files are checked when read); if it does
    /// not, it matches nothing.
    pub fn new(pattern: impl Into<String>, size_limit: usize) -> Self {
        LazyRegex {
            pattern: pattern.into(),
            alternatives: Vec::new(),
            size_limit,
            light: OnceLock::new(),
            upgrade: Upgrade::new(),
        }
    }

    /// A regex that matches where any of `patterns` does. Each pattern keeps its own groups,
    /// so two may name a group alike. Where several match at one place, the earlier wins.
    pub fn any_of<S: AsRef<str>>(patterns: &[S], size_limit: usize) -> Self {
        let alternatives: Vec<String> = patterns.iter().map(|p| p.as_ref().to_string()).collect();
        LazyRegex {
            pattern: alternatives
                .iter()
                .map(|p| format!("(?:{p})"))
                .collect::<Vec<_>>()
                .join("|"),
            alternatives,
            size_limit,
            light: OnceLock::new(),
            upgrade: Upgrade::new(),
        }
    }

    /// The pattern.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The regex to search `hay` with: the light one until this pattern has searched
    /// [`LIGHT_BYTES`], then the full one.
    fn re(&self, hay: &str) -> &Meta {
        if let Some(full) = self.upgrade.full() {
            return &full.re;
        }
        let light = self.light.get_or_init(|| self.build(false));
        // A text longer than the whole light budget is searched with the full engines, so
        // the light ones never take a long line, even for an anchored pattern.
        let cost = if light.anchored && hay.len() <= LIGHT_BYTES {
            hay.len().min(ANCHORED_COST)
        } else {
            hay.len()
        };
        &self
            .upgrade
            .pick(light, cost, LIGHT_BYTES, || Some(self.build(true)))
            .re
    }

    /// Compiles the pattern: with the lazy DFAs (and the one-pass DFA) when `full`.
    fn build(&self, full: bool) -> Built {
        let config = Meta::config()
            .auto_prefilter(false)
            .nfa_size_limit(Some(self.size_limit))
            .hybrid(full)
            .dfa(full)
            .onepass(full)
            // The lazy DFA's cache may grow to 2 MiB (the library's default; it takes memory
            // only as states are made). With 256 KiB, patterns over classes of Chinese
            // characters filled it again and again on Chinese text, and a search whose cache
            // is cleared too often gives up and runs the PikeVM instead.
            .hybrid_cache_capacity(1 << 21);
        let build = |ps: &[&str]| -> Option<Built> {
            let hirs = ps
                .iter()
                .map(|p| regex_syntax::Parser::new().parse(p).ok())
                .collect::<Option<Vec<Hir>>>()?;
            let anchored = hirs
                .iter()
                .all(|h| h.properties().look_set_prefix().contains(Look::Start));
            let re = Meta::builder()
                .configure(config.clone())
                .build_many_from_hir(&hirs)
                .ok()?;
            Some(Built { re, anchored })
        };
        let written: Vec<&str> = if self.alternatives.is_empty() {
            vec![self.pattern.as_str()]
        } else {
            self.alternatives.iter().map(String::as_str).collect()
        };
        let ascii: Vec<std::borrow::Cow<'_, str>> =
            written.iter().map(|p| ascii_word_boundaries(p)).collect();
        let ascii: Vec<&str> = ascii.iter().map(|p| p.as_ref()).collect();
        build(&ascii)
            .or_else(|| build(&written))
            .or_else(|| build(&[r"[^\s\S]"]))
            .expect("a pattern that matches nothing compiles")
    }

    /// True when it matches somewhere in `hay`.
    pub fn is_match(&self, hay: &str) -> bool {
        self.re(hay).is_match(hay)
    }

    /// The leftmost match.
    pub fn find<'h>(&self, hay: &'h str) -> Option<Found<'h>> {
        self.re(hay).find(hay).map(|m| Found {
            hay,
            start: m.start(),
            end: m.end(),
        })
    }

    /// Every match, left to right, not overlapping.
    pub fn find_iter<'h>(&self, hay: &'h str) -> Vec<Found<'h>> {
        self.re(hay)
            .find_iter(hay)
            .map(|m| Found {
                hay,
                start: m.start(),
                end: m.end(),
            })
            .collect()
    }

    /// The groups of the leftmost match.
    pub fn captures<'h>(&self, hay: &'h str) -> Option<Groups<'h>> {
        let re = self.re(hay);
        // Most texts a pattern is tried on do not match: a match test costs no allocation
        // and no capture engine.
        if !re.is_match(hay) {
            return None;
        }
        let mut caps = re.create_captures();
        re.captures(hay, &mut caps);
        caps.is_match().then_some(Groups { hay, caps })
    }

    /// The groups of every match, left to right.
    pub fn captures_iter<'h>(&self, hay: &'h str) -> Vec<Groups<'h>> {
        let re = self.re(hay);
        if !re.is_match(hay) {
            return Vec::new();
        }
        re.captures_iter(hay)
            .map(|caps| Groups { hay, caps })
            .collect()
    }
}

/// How many bytes a [`TwoStepAutomaton`] scans with its NFA before it builds its DFA.
pub const LIGHT_AUTOMATON_BYTES: usize = 1 << 18;

/// An Aho-Corasick automaton built in two steps, for the reason [`LazyRegex`] is: a
/// contiguous NFA, quick to build, until it has scanned [`LIGHT_AUTOMATON_BYTES`], then a
/// DFA, several times faster per byte and slower to build (half a millisecond for the
/// English phrases, at every start). Both find the same matches.
#[derive(Clone, Debug)]
pub struct TwoStepAutomaton {
    builder: AhoCorasickBuilder,
    patterns: Vec<Vec<u8>>,
    light: AhoCorasick,
    /// The DFA, once the NFA has scanned [`LIGHT_AUTOMATON_BYTES`].
    upgrade: Upgrade<AhoCorasick>,
}

impl TwoStepAutomaton {
    /// The automaton of `patterns` as `builder` configures it (its kind is chosen here).
    pub fn new<P: AsRef<[u8]>>(
        builder: &AhoCorasickBuilder,
        patterns: &[P],
    ) -> Result<Self, aho_corasick::BuildError> {
        let patterns: Vec<Vec<u8>> = patterns.iter().map(|p| p.as_ref().to_vec()).collect();
        let light = builder
            .clone()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .or_else(|_| builder.clone().kind(None).build(&patterns))?;
        Ok(TwoStepAutomaton {
            builder: builder.clone(),
            patterns,
            light,
            upgrade: Upgrade::new(),
        })
    }

    /// The automaton to scan `hay` with: the NFA until [`LIGHT_AUTOMATON_BYTES`] have been
    /// scanned, then the DFA.
    pub fn for_text(&self, hay: &str) -> &AhoCorasick {
        if let Some(full) = self.upgrade.full() {
            return full;
        }
        self.upgrade
            .pick(&self.light, hay.len(), LIGHT_AUTOMATON_BYTES, || {
                self.builder
                    .clone()
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(&self.patterns)
                    .ok()
            })
    }
}

/// `pattern` with every `\b` outside a character class made an ASCII word boundary,
/// `(?-u:\b)`: letters, digits and `_` of ASCII are the word characters.
///
/// A Unicode `\b` makes the lazy DFA give up at the first non-ASCII byte of a sentence (a
/// curly quote, a dash, a Chinese word) and the search start again in a slower engine. The
/// dictionaries' `\b` all sit beside English words, where the two agree.
pub fn ascii_word_boundaries(pattern: &str) -> std::borrow::Cow<'_, str> {
    if !pattern.contains("\\b") {
        return std::borrow::Cow::Borrowed(pattern);
    }
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    // Depth of character classes (they nest: `[a[^b]]`); `]` right after `[` or `[^` is a
    // literal.
    let mut class = 0usize;
    let mut class_opened = false;
    while let Some(c) = chars.next() {
        let just_opened = std::mem::take(&mut class_opened);
        match c {
            '\\' => match chars.next() {
                Some('b') if class == 0 => out.push_str("(?-u:\\b)"),
                Some(d) => {
                    out.push(c);
                    out.push(d);
                }
                None => out.push(c),
            },
            '[' => {
                class += 1;
                class_opened = true;
                out.push(c);
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
            }
            ']' if class > 0 && !just_opened => {
                class -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The most literals one pattern's factor may have before it is not worth filtering on.
const MAX_LITERALS: usize = 64;

/// A prefilter for a list of patterns.
#[derive(Clone, Debug)]
pub struct RegexFilter {
    ac: Option<TwoStepAutomaton>,
    /// For each literal in the automaton, the pattern it is a factor of.
    owner: Vec<usize>,
    /// Patterns without a factor: always candidates.
    always: Vec<usize>,
    patterns: usize,
}

impl RegexFilter {
    /// Builds the filter for `patterns` (as written, before any `(?i)` added for matching:
    /// the literals match ASCII case-insensitively anyway). A pattern that does not parse is
    /// always a candidate.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> Self {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owner = Vec::new();
        let mut always = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            let p = p.as_ref();
            match known_literals(p).unwrap_or_else(|| required_literals(p)) {
                Some(lits) => {
                    for l in lits {
                        literals.push(l.to_ascii_lowercase());
                        owner.push(i);
                    }
                }
                None => always.push(i),
            }
        }
        let ac = (!literals.is_empty())
            .then(|| {
                let mut builder = AhoCorasickBuilder::new();
                builder
                    .match_kind(MatchKind::Standard)
                    .ascii_case_insensitive(true);
                TwoStepAutomaton::new(&builder, &literals).ok()
            })
            .flatten();
        if ac.is_none() {
            // Could not build an automaton: every pattern is a candidate.
            always = (0..patterns.len()).collect();
            owner.clear();
        }
        RegexFilter {
            ac,
            owner,
            always,
            patterns: patterns.len(),
        }
    }

    /// The patterns that may match `text`, in increasing order, into `out` (cleared first).
    pub fn candidates(&self, text: &str, seen: &mut Vec<bool>, out: &mut Vec<usize>) {
        out.clear();
        out.extend_from_slice(&self.always);
        if let Some(ac) = &self.ac {
            seen.clear();
            seen.resize(self.patterns, false);
            for m in ac.for_text(text).find_overlapping_iter(text) {
                let p = self.owner[m.pattern().as_usize()];
                if !seen[p] {
                    seen[p] = true;
                    out.push(p);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// How many patterns have a required factor (for tests and `dict list`).
    pub fn filtered(&self) -> usize {
        self.patterns - self.always.len()
    }
}

/// A set of literals one of which every match of `pattern` contains; `None` when there is no
/// useful one.
pub fn required_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    // Case-insensitive flags would multiply the literals by their case variants; the
    // automaton matches ASCII case-insensitively, so an ASCII pattern is read without them.
    let plain;
    let pattern = if pattern.is_ascii() {
        plain = pattern.replace("(?i)", "").replace("(?i:", "(?:");
        plain.as_str()
    } else {
        pattern
    };
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let mut ex = Extractor::new();
    ex.limit_class(16).limit_total(MAX_LITERALS * 2);
    factor(&hir, &ex)
}

/// The required literals of an embedded dictionary's pattern, from the table worked out
/// ahead of time ([`required_literals`] parses the pattern, and start-up would pay for it);
/// `None` when `pattern` is not in the table.
fn known_literals(pattern: &str) -> Option<Option<Vec<Vec<u8>>>> {
    let table = factors::FACTORS;
    let i = table.binary_search_by(|(p, _)| (*p).cmp(pattern)).ok()?;
    Some(
        table[i]
            .1
            .map(|lits| lits.iter().map(|l| l.as_bytes().to_vec()).collect()),
    )
}

/// The best required factor of `hir`: its own prefix literals, or those of a part every
/// match of it must contain.
fn factor(hir: &Hir, ex: &Extractor) -> Option<Vec<Vec<u8>>> {
    let mut best = prefixes(hir, ex);
    let mut consider = |cand: Option<Vec<Vec<u8>>>| {
        if let Some(c) = cand {
            if best.as_ref().is_none_or(|b| score(&c) > score(b)) {
                best = Some(c);
            }
        }
    };
    match hir.kind() {
        HirKind::Capture(c) => consider(factor(&c.sub, ex)),
        HirKind::Concat(parts) => {
            for p in parts {
                consider(factor(p, ex));
            }
            // A run of adjacent parts may say more than any part alone: "的[，,]" requires
            // 的， or 的, where 的 alone is in nearly every Chinese sentence.
            for from in 0..parts.len() {
                for to in from + 2..=parts.len() {
                    if from == 0 && to == parts.len() {
                        continue;
                    }
                    consider(prefixes(&Hir::concat(parts[from..to].to_vec()), ex));
                }
            }
        }
        HirKind::Repetition(r) if r.min >= 1 => consider(factor(&r.sub, ex)),
        HirKind::Alternation(branches) => {
            // Every branch must hold one of its own factor's literals.
            let all: Option<Vec<Vec<Vec<u8>>>> = branches.iter().map(|b| factor(b, ex)).collect();
            if let Some(all) = all {
                let union: Vec<Vec<u8>> = all.into_iter().flatten().collect();
                if union.len() <= MAX_LITERALS {
                    consider(Some(union));
                }
            }
        }
        _ => {}
    }
    best
}

/// The literals every match of `hir` starts with, when there are few and none is empty.
fn prefixes(hir: &Hir, ex: &Extractor) -> Option<Vec<Vec<u8>>> {
    let seq = ex.extract(hir);
    let lits = seq.literals()?;
    if lits.is_empty() || lits.len() > MAX_LITERALS || lits.iter().any(|l| l.is_empty()) {
        return None;
    }
    let mut out: Vec<Vec<u8>> = lits.iter().map(|l| l.as_bytes().to_vec()).collect();
    out.sort();
    out.dedup();
    Some(out)
}

/// Longer shortest literals filter better; fewer literals break ties.
fn score(lits: &[Vec<u8>]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = lits.iter().map(Vec::len).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(lits.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The patterns of the embedded dictionaries that a [`RegexFilter`] sorts: regex triggers
    /// and blockers, speakers, deadlines.
    fn filtered_patterns() -> Vec<String> {
        use crate::dictionary::Match;
        let d = crate::Dictionary::builtin();
        let mut out: Vec<String> = d
            .triggers
            .iter()
            .filter(|t| t.matching == Match::Regex)
            .map(|t| t.phrase.clone())
            .chain(
                d.blockers
                    .iter()
                    .filter(|b| b.matching == Match::Regex)
                    .map(|b| b.phrase.clone()),
            )
            .chain(d.speakers.iter().map(|s| s.pattern.clone()))
            .chain(d.deadlines.iter().map(|d| d.pattern.clone()))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The text of `factors.rs` for `patterns`. A pattern with a literal that is not UTF-8
    /// is left out (it is worked out at run time).
    fn factor_table(patterns: &[String]) -> String {
        let mut out = String::from(
            "//! Generated: rewritten by the test `the_factor_table_matches_the_dictionaries` in\n\
             //! `src/regexes.rs` when it no longer matches the embedded dictionaries. Do not edit.\n\
             \n\
             /// Each filtered pattern of the embedded dictionaries, sorted, with its required literals\n\
             /// (`None`: it has no required factor).\n\
             #[rustfmt::skip]\n\
             pub(super) static FACTORS: &[(&str, Option<&[&str]>)] = &[\n",
        );
        for p in patterns {
            let lits = match required_literals(p) {
                Some(lits) => {
                    let Ok(list) = lits
                        .iter()
                        .map(|l| std::str::from_utf8(l).map(|l| format!("{l:?}")))
                        .collect::<Result<Vec<String>, _>>()
                    else {
                        continue;
                    };
                    format!("Some(&[{}])", list.join(", "))
                }
                None => "None".to_string(),
            };
            out.push_str(&format!("    ({p:?}, {lits}),\n"));
        }
        out.push_str("];\n");
        out
    }

    #[test]
    fn the_factor_table_matches_the_dictionaries() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/regexes/factors.rs");
        let want = factor_table(&filtered_patterns());
        let have = std::fs::read_to_string(path).unwrap_or_default();
        if have != want {
            std::fs::write(path, &want).expect("write the factor table");
            panic!("{path} was stale and has been rewritten: review it and commit it");
        }
        // The table answers as the parser would, and only for its own patterns.
        let patterns = filtered_patterns();
        assert!(patterns.len() > 100, "{}", patterns.len());
        for p in patterns {
            assert_eq!(known_literals(&p), Some(required_literals(&p)), "{p}");
        }
        assert_eq!(known_literals(r"not\s+a\s+dictionary\s+pattern"), None);
    }

    fn lits(p: &str) -> Option<Vec<String>> {
        required_literals(p).map(|v| {
            v.into_iter()
                .map(|l| String::from_utf8_lossy(&l).into_owned())
                .collect()
        })
    }

    #[test]
    fn a_required_part_is_found_inside_the_pattern() {
        assert_eq!(
            lits(r"(?:^|[，。])\s*(?P<trigger>请)[^，。]{1,12}?(?:讲话|发言)"),
            Some(vec!["发言".into(), "讲话".into()])
        );
        assert_eq!(
            lits(r"\bit\s+is\s+hereby\s+ordered"),
            Some(vec!["ordered".into()])
        );
        assert_eq!(lits(r"^\s*$"), None);
        assert_eq!(lits(r"[a-z]+"), None);
    }

    #[test]
    fn adjacent_parts_together_give_longer_literals() {
        // 的 alone is in nearly every Chinese sentence; 的， and 的, are not.
        assert_eq!(
            lits(r"(?:^|[，,；;])[^，,；;。]{1,40}?的[，,]"),
            Some(vec!["的,".into(), "的，".into()])
        );
        // Across a group that names the trigger, not across a gap of any length.
        assert_eq!(
            lits(r"于[^，。]{1,20}?(?:前|之前|内)(?P<trigger>将)"),
            Some(vec!["之前将".into(), "内将".into(), "前将".into()])
        );
    }

    #[test]
    fn word_boundaries_become_ascii_outside_classes_only() {
        assert_eq!(ascii_word_boundaries(r"\bmust\b"), r"(?-u:\b)must(?-u:\b)");
        // An escaped backslash before b, and classes (a `]` right after `[` or `[^` is a
        // literal), are left alone.
        assert_eq!(ascii_word_boundaries(r"\\b[]\b]\b"), r"\\b[]\b](?-u:\b)");
        assert_eq!(ascii_word_boundaries(r"[^]x]\b"), r"[^]x](?-u:\b)");
        assert_eq!(ascii_word_boundaries(r"[a[\b]]\b"), r"[a[\b]](?-u:\b)");
        assert!(matches!(
            ascii_word_boundaries("要"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    /// Searches `texts` with `r` and writes down every answer its four searches give.
    fn answers(r: &LazyRegex, texts: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        for t in texts {
            out.push(format!("{}", r.is_match(t)));
            out.push(format!("{:?}", r.find(t).map(|m| (m.start(), m.end()))));
            let all: Vec<(usize, usize)> = r
                .find_iter(t)
                .iter()
                .map(|m| (m.start(), m.end()))
                .collect();
            out.push(format!("{all:?}"));
            let groups: Vec<Option<(usize, usize)>> = r
                .captures_iter(t)
                .iter()
                .flat_map(|g| {
                    (0..3)
                        .map(|i| g.get(i).map(|m| (m.start(), m.end())))
                        .collect::<Vec<_>>()
                })
                .collect();
            out.push(format!("{groups:?}"));
        }
        out
    }

    #[test]
    fn light_and_full_engines_find_the_same_matches() {
        let pattern = r"(?i)(?P<actor>\ball\s+\w+|各\p{Han}{1,4})\s*(?P<trigger>shall|must|要)";
        let texts = [
            "All agencies shall report. all units MUST act; 各地区要落实",
            "Nobody shall — “all departments” shall",
            "各部门、各单位要",
            "",
        ];
        let fresh = LazyRegex::new(pattern, 1 << 20);
        let light = answers(&fresh, &texts);
        assert!(
            fresh.upgrade.full().is_none(),
            "a few short texts stay light"
        );
        let worn = LazyRegex::new(pattern, 1 << 20);
        worn.is_match(&"x".repeat(LIGHT_BYTES + 1));
        assert!(
            worn.upgrade.full().is_some(),
            "a long search builds the full engines"
        );
        assert_eq!(answers(&worn, &texts), light);
        // Read by hand: "All agencies shall" is bytes 0-18, "各地区要" 47-59, "各单位要" 12-24.
        assert_eq!(light[2], "[(0, 18), (27, 41), (47, 59)]");
        assert_eq!(light[10], "[(12, 24)]");
    }

    #[test]
    fn a_two_step_automaton_finds_the_same_before_and_after_its_dfa() {
        let mut builder = AhoCorasickBuilder::new();
        builder
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true);
        let ac = TwoStepAutomaton::new(&builder, &["must", "must not", "要", "不要"]).unwrap();
        let text = "You MUST NOT wait; 各地要落实，不要拖延。must";
        let spans = |ac: &AhoCorasick| -> Vec<(usize, usize)> {
            ac.find_iter(text).map(|m| (m.start(), m.end())).collect()
        };
        let before = spans(ac.for_text(text));
        assert!(
            ac.upgrade.full().is_none(),
            "a short text is scanned with the NFA"
        );
        ac.for_text(&"x".repeat(LIGHT_AUTOMATON_BYTES));
        assert!(ac.upgrade.full().is_some(), "then the DFA is built");
        assert_eq!(spans(ac.for_text(text)), before);
        // Read by hand: the longest phrase wins at "MUST NOT" and at 不要.
        assert_eq!(before, [(4, 12), (25, 28), (37, 43), (52, 56)]);
    }

    #[test]
    fn an_anchored_pattern_counts_little_per_search() {
        let long = "y".repeat(LIGHT_BYTES);
        let anchored = LazyRegex::new("^x", 1 << 20);
        let floating = LazyRegex::new("x", 1 << 20);
        for _ in 0..3 {
            anchored.is_match(&long);
            floating.is_match(&long);
        }
        assert!(anchored.upgrade.full().is_none());
        assert!(floating.upgrade.full().is_some());
        // A line longer than the light budget goes to the full engines at once.
        let once = LazyRegex::new("^x", 1 << 20);
        once.is_match(&"y".repeat(LIGHT_BYTES + 1));
        assert!(once.upgrade.full().is_some());
        // `^` in every alternative makes a union anchored; in one only does not.
        assert!(
            LazyRegex::any_of(&["^a", "^b"], 1 << 20)
                .build(false)
                .anchored
        );
        assert!(
            !LazyRegex::any_of(&["^a", "b"], 1 << 20)
                .build(false)
                .anchored
        );
    }

    #[test]
    fn an_english_word_boundary_holds_beside_any_non_ascii_character() {
        let r = LazyRegex::new(r"\bif\b", 1 << 20);
        assert!(r.is_match("“if” you must"));
        assert!(r.is_match("— if —"));
        assert!(!r.is_match("shift"));
        // An ASCII boundary: Chinese characters are not word characters.
        assert!(r.is_match("如果if就"));
    }

    #[test]
    fn any_of_matches_where_one_does_and_groups_may_share_a_name() {
        let r = LazyRegex::any_of(&[r"^(?P<m>\d\.)\p{Han}", r"^(?P<m>[a-z]\))\s"], 1 << 20);
        assert!(r.is_match("1.加强"));
        assert!(r.is_match("b) do it"));
        assert!(!r.is_match("1. do it"));
        let caps = r.captures("b) do it").unwrap();
        assert_eq!(caps.name("m").unwrap().as_str(), "b)");
        assert_eq!(caps.pattern(), 1);
        // Where both match, the earlier pattern names the match.
        let r = LazyRegex::any_of(&["^a", "^ab"], 1 << 20);
        assert_eq!(r.find("abc").unwrap().as_str(), "a");
    }

    #[test]
    fn a_lazy_regex_compiles_once_and_a_bad_one_matches_nothing() {
        let r = LazyRegex::new(r"(?P<n>\d+)", 1 << 20);
        assert!(r.is_match("a1"));
        assert!(std::ptr::eq(r.re("a"), r.re("b")));
        assert_eq!(
            r.captures("ab 12").unwrap().name("n").unwrap().as_str(),
            "12"
        );
        let all: Vec<_> = r.find_iter("1 22 333").iter().map(|m| m.as_str()).collect();
        assert_eq!(all, ["1", "22", "333"]);
        assert!(!LazyRegex::new("(", 1 << 20).is_match("("));
    }

    #[test]
    fn only_patterns_whose_literals_occur_are_candidates() {
        let f = RegexFilter::new(&[r"\bshall\b", r"请.{0,3}讲话", r"^\d+$", r"(?i)HEREBY"]);
        assert_eq!(f.filtered(), 3);
        let (mut seen, mut out) = (Vec::new(), Vec::new());
        f.candidates("Each agency Shall report.", &mut seen, &mut out);
        assert_eq!(out, [0, 2]);
        f.candidates(
            "下面请王市长讲话。It is hereby ordered.",
            &mut seen,
            &mut out,
        );
        assert_eq!(out, [1, 2, 3]);
    }
}
