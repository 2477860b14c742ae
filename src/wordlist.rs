//! A word list of the dictionary, indexed for the three questions the stages ask of it: which
//! of its words open a text, which end it, and where its words occur in it.
//!
//! The stages ask these questions of every clause, and a plain loop over a list of a few
//! hundred words compares each of them with the text. [`WordList`] keeps the words in their
//! order and files them by their first and by their last character, so that a question only
//! compares the words that can answer it, and finds occurrences with one automaton, built on
//! first use. Every answer is the one the loop over the list would give, in the list's order.

use std::ops::Deref;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

/// Words in their order (see the module documentation). Dereferences to the words, so that
/// any question the index does not serve is still a loop over the list.
#[derive(Clone)]
pub struct WordList {
    words: Vec<String>,
    /// (first character, index) of every word, sorted.
    firsts: Vec<(char, u32)>,
    /// (last character, index) of every word, sorted.
    lasts: Vec<(char, u32)>,
    /// (any character, index) of every word: the words to try when an empty word (which opens
    /// and ends every text) is in the list.
    all: Vec<(char, u32)>,
    /// Indexes of the words whose occurrences may overlap ("多多" twice in "多多多"), which
    /// [`WordList::occurrences`] finds one by one as `str::match_indices` does.
    overlapping: Vec<u32>,
    finder: OnceLock<Option<AhoCorasick>>,
}

impl WordList {
    /// Indexes `words`, keeping their order.
    pub fn new(words: Vec<String>) -> Self {
        let index = |end: fn(&str) -> Option<char>| {
            let mut v: Vec<(char, u32)> = words
                .iter()
                .enumerate()
                .filter_map(|(i, w)| Some((end(w)?, i as u32)))
                .collect();
            v.sort_unstable();
            v
        };
        let firsts = index(|w| w.chars().next());
        let lasts = index(|w| w.chars().next_back());
        let all = if words.iter().any(String::is_empty) {
            (0..words.len() as u32).map(|i| ('\0', i)).collect()
        } else {
            Vec::new()
        };
        let overlapping = words
            .iter()
            .enumerate()
            .filter(|(_, w)| self_overlaps(w))
            .map(|(i, _)| i as u32)
            .collect();
        WordList {
            words,
            firsts,
            lasts,
            all,
            overlapping,
            finder: OnceLock::new(),
        }
    }

    /// The words that `t` opens with, in the list's order.
    pub fn prefixes_of<'a>(&'a self, t: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.bucket(&self.firsts, t.chars().next())
            .iter()
            .map(|&(_, i)| self.words[i as usize].as_str())
            .filter(move |w| t.starts_with(w))
    }

    /// The words that `t` ends with, in the list's order.
    pub fn suffixes_of<'a>(&'a self, t: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.bucket(&self.lasts, t.chars().next_back())
            .iter()
            .map(|&(_, i)| self.words[i as usize].as_str())
            .filter(move |w| t.ends_with(w))
    }

    /// True when `t` opens with one of the words.
    pub fn opens(&self, t: &str) -> bool {
        self.prefixes_of(t).next().is_some()
    }

    /// True when `t` ends with one of the words.
    pub fn closes(&self, t: &str) -> bool {
        self.suffixes_of(t).next().is_some()
    }

    /// True when one of the words occurs in `t`.
    pub fn occurs_in(&self, t: &str) -> bool {
        match self.finder() {
            Some(f) => f.is_match(t),
            None => self.words.iter().any(|w| t.contains(w.as_str())),
        }
    }

    /// Every occurrence of every word in `t`, as (byte offset, word), in no particular order:
    /// for each word, the occurrences `str::match_indices` gives.
    pub fn occurrences<'a>(&'a self, t: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        let (found, rest) = match self.finder() {
            Some(f) => (Some(f.find_overlapping_iter(t)), &self.overlapping[..]),
            None => (None, &[][..]),
        };
        let looped = if found.is_some() {
            Vec::new()
        } else {
            (0..self.words.len() as u32).collect()
        };
        found
            .into_iter()
            .flatten()
            .filter(move |m| !self.overlapping.contains(&(m.pattern().as_u32())))
            .map(move |m| (m.start(), self.words[m.pattern().as_usize()].as_str()))
            .chain(
                rest.iter()
                    .copied()
                    .chain(looped)
                    .map(move |i| self.words[i as usize].as_str())
                    .flat_map(move |w| t.match_indices(w).map(move |(k, _)| (k, w))),
            )
    }

    /// The words whose entry in `index` has the character `c` (all words when the list holds
    /// an empty word, none for an empty text).
    fn bucket<'a>(&'a self, index: &'a [(char, u32)], c: Option<char>) -> &'a [(char, u32)] {
        if !self.all.is_empty() {
            return &self.all;
        }
        let Some(c) = c else {
            return &[];
        };
        let from = index.partition_point(|&(k, _)| k < c);
        let to = from + index[from..].partition_point(|&(k, _)| k == c);
        &index[from..to]
    }

    /// The automaton of all words, or none when the list is empty or holds an empty word.
    fn finder(&self) -> Option<&AhoCorasick> {
        self.finder
            .get_or_init(|| {
                if self.words.is_empty() || !self.all.is_empty() {
                    return None;
                }
                AhoCorasick::new(&self.words).ok()
            })
            .as_ref()
    }
}

/// True when a proper prefix of `w` is also a suffix of it, so that two occurrences of `w`
/// can overlap.
fn self_overlaps(w: &str) -> bool {
    w.char_indices()
        .skip(1)
        .any(|(k, _)| w.starts_with(&w[k..]))
}

impl Deref for WordList {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.words
    }
}

impl<'a> IntoIterator for &'a WordList {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.words.iter()
    }
}

impl std::fmt::Debug for WordList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.words).finish()
    }
}

impl From<Vec<String>> for WordList {
    fn from(words: Vec<String>) -> Self {
        WordList::new(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(words: &[&str]) -> WordList {
        WordList::new(words.iter().map(|w| w.to_string()).collect())
    }

    /// What a loop over the words answers, for comparison.
    fn looped<'a>(words: &'a [String], t: &str, f: fn(&str, &str) -> bool) -> Vec<&'a str> {
        words
            .iter()
            .map(String::as_str)
            .filter(|w| f(t, w))
            .collect()
    }

    #[test]
    fn prefixes_and_suffixes_come_in_list_order() {
        let l = list(&["一定要", "要", "一定", "必须", "要求"]);
        let t = "一定要加强";
        assert_eq!(l.prefixes_of(t).collect::<Vec<_>>(), ["一定要", "一定"]);
        assert_eq!(
            l.suffixes_of("务必一定要").collect::<Vec<_>>(),
            ["一定要", "要"]
        );
        assert_eq!(l.suffixes_of("必须要").collect::<Vec<_>>(), ["要"]);
        assert!(l.opens("要求各地"));
        assert!(!l.opens("各地要求"));
        assert!(l.closes("各地要求"));
        assert!(!l.closes(""));
        assert!(!l.opens(""));
    }

    #[test]
    fn answers_as_a_loop_over_the_list_would() {
        let l = list(&["是", "就是", "是否", "a", "ab", "b", "多多", "ba"]);
        for t in ["就是是否", "abab", "多多多多", "", "是", "xbab", "ba多多"] {
            let starts = looped(&l, t, |t, w| t.starts_with(w));
            assert_eq!(l.prefixes_of(t).collect::<Vec<_>>(), starts, "{t}");
            let ends = looped(&l, t, |t, w| t.ends_with(w));
            assert_eq!(l.suffixes_of(t).collect::<Vec<_>>(), ends, "{t}");
            assert_eq!(
                l.occurs_in(t),
                l.iter().any(|w| t.contains(w.as_str())),
                "{t}"
            );
            let mut found: Vec<(usize, &str)> = l.occurrences(t).collect();
            found.sort();
            let mut want: Vec<(usize, &str)> = l
                .iter()
                .flat_map(|w| {
                    t.match_indices(w.as_str())
                        .map(move |(k, _)| (k, w.as_str()))
                })
                .collect();
            want.sort();
            assert_eq!(found, want, "{t}");
        }
    }

    #[test]
    fn overlapping_occurrences_are_those_of_match_indices() {
        // An automaton reports "多多" at 0, 3 and 6 in "多多多多"; match_indices at 0 and 6.
        let l = list(&["多多", "是"]);
        let found: Vec<usize> = l.occurrences("多多多多").map(|(k, _)| k).collect();
        assert_eq!(found, [0, 6]);
        assert!(self_overlaps("多多"));
        assert!(self_overlaps("aba"));
        assert!(!self_overlaps("ab"));
        assert!(!self_overlaps("是"));
    }

    #[test]
    fn an_empty_word_opens_ends_and_occurs_everywhere() {
        let l = list(&["要", ""]);
        assert_eq!(l.prefixes_of("各地").collect::<Vec<_>>(), [""]);
        assert_eq!(l.suffixes_of("要").collect::<Vec<_>>(), ["要", ""]);
        assert!(l.occurs_in("x"));
        assert_eq!(l.occurrences("x").count(), 2);
        let none = list(&[]);
        assert!(!none.opens("要") && !none.occurs_in("要"));
        assert_eq!(none.occurrences("要").count(), 0);
    }
}
