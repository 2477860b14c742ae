//! Chinese word boundaries, the same as jieba-rs's `cut(text, false)`, with no start-up cost.
//!
//! jieba-rs builds its dictionary trie when it is first used: about a quarter of a second and
//! 35 MiB, which would dominate the run on a short notice. Here jieba's word list is compiled
//! at build time into a character trie of flat arrays (`build.rs`, from
//! `dictionaries/zh/jieba-dict.txt`) that the binary uses in place, and the segmentation
//! follows jieba-rs step for step:
//!
//! 1. the text is split into runs of "Han" characters (CJK ideographs, ASCII letters and
//!    digits, `+#&._%-`) and runs of everything else; each character of the latter is a word;
//! 2. in a run, every dictionary word starting at every character is an edge of a DAG;
//! 3. the route is chosen from the end backwards, maximizing the sum of
//!    `ln(freq) - ln(total)` (ties to the longer word; a character with no word is one word of
//!    frequency 1);
//! 4. single-character steps that are ASCII letters or digits are joined into one word.
//!
//! Words added to the dictionary (the Chinese triggers and command verbs) get the frequency
//! jieba-rs's `add_word` would give them (`suggest_freq`), in the same order, and the same
//! total. The same floating-point operations in the same order give the same route; a test
//! compares the boundaries with jieba-rs's on whole documents.

use std::collections::HashMap;

use crate::check::WordSegmenter;

include!(concat!(env!("OUT_DIR"), "/jieba_total.rs"));

/// The trie's edges: (character and fan-out of the node it leads to, first edge out of that
/// node, frequency), grouped by node and sorted by character; the root's first (see
/// `build.rs`).
static EDGES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jieba_edges.bin"));
/// The root's edge on each character below U+10000 (`u32::MAX`: none).
static ROOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jieba_root.bin"));

/// The frequency of an edge that ends no word.
const NO_WORD: u32 = u32::MAX;

/// The `i`th little-endian `u32` of `bytes`.
#[inline(always)]
fn u32_at(bytes: &[u8], i: usize) -> u32 {
    let b: [u8; 4] = bytes[i * 4..i * 4 + 4].try_into().expect("four bytes");
    u32::from_le_bytes(b)
}

/// jieba's word list as the character trie `build.rs` lays out. A walk stands on the edge
/// it came by (its index).
#[derive(Clone, Copy)]
struct Trie;

impl Trie {
    /// The edge on `c` among the edges `lo..hi`.
    #[inline]
    fn find(self, lo: usize, hi: usize, c: char) -> Option<usize> {
        let c = c as u32;
        let char_of = |e: usize| u32_at(EDGES, e * 3) & 0x1F_FFFF;
        if hi - lo <= 16 {
            for e in lo..hi {
                let ec = char_of(e);
                if ec >= c {
                    return (ec == c).then_some(e);
                }
            }
            return None;
        }
        // A few thousand nodes (大, 中, 不……) have many edges.
        let (mut lo, mut hi) = (lo, hi);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match char_of(mid).cmp(&c) {
                std::cmp::Ordering::Equal => return Some(mid),
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        None
    }

    /// The edge from the root on `c`.
    #[inline]
    fn first(self, c: char) -> Option<usize> {
        if (c as u32) < 0x1_0000 {
            let e = u32_at(ROOT, c as usize);
            (e != u32::MAX).then_some(e as usize)
        } else {
            self.find(0, ROOT_EDGES, c)
        }
    }

    /// The edge on `c` after the edge `e`.
    #[inline]
    fn next(self, e: usize, c: char) -> Option<usize> {
        let fan = (u32_at(EDGES, e * 3) >> 21) as usize;
        let lo = u32_at(EDGES, e * 3 + 1) as usize;
        self.find(lo, lo + fan, c)
    }

    /// The frequency of the word the edge `e` completes, if it completes one.
    #[inline]
    fn freq_at(self, e: usize) -> Option<u64> {
        let f = u32_at(EDGES, e * 3 + 2);
        (f != NO_WORD).then_some(u64::from(f))
    }

    /// The frequency of `word`, if it is in the list.
    fn get(self, word: &str) -> Option<u64> {
        let mut chars = word.chars();
        let mut e = self.first(chars.next()?)?;
        for c in chars {
            e = self.next(e, c)?;
        }
        self.freq_at(e)
    }
}

/// jieba's dictionary plus added words, and the segmentation over it.
#[derive(Clone)]
pub struct JiebaWords {
    /// Added words not in the word list, with their frequencies.
    extra: HashMap<String, u64>,
    /// The added words by first character, for the DAG.
    extra_by_first: HashMap<char, Vec<(usize, u64)>>,
    log_total: f64,
}

/// True for the characters jieba-rs cuts into words together ("Han" in its default cut:
/// ideographs, ASCII letters and digits, `+#&._%-`); each other character is a word.
pub fn is_run_char(c: char) -> bool {
    is_han_default(c)
}

/// The character classes of jieba-rs's default cut.
fn is_han_default(c: char) -> bool {
    if matches!(c, '\u{4E00}'..='\u{9FFF}') {
        true
    } else if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
    } else {
        matches!(c,
            '\u{3400}'..='\u{4DBF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2B73F}'
            | '\u{2B740}'..='\u{2B81F}'
            | '\u{2B820}'..='\u{2CEAF}'
            | '\u{2CEB0}'..='\u{2EBEF}'
            | '\u{2F800}'..='\u{2FA1F}')
    }
}

/// One step of the best route: where it ends and its score.
#[derive(Clone, Copy)]
struct Step {
    prob: f64,
    end: usize,
}

impl JiebaWords {
    /// jieba's word list with `added` words, added in order as jieba-rs's
    /// `add_word(word, None, None)` would add each one that has more than one character and
    /// is not in the list yet.
    pub fn new(added: &[String]) -> Self {
        let mut w = JiebaWords {
            extra: HashMap::new(),
            extra_by_first: HashMap::new(),
            log_total: (TOTAL as f64).ln(),
        };
        let mut total = TOTAL;
        for word in added {
            if word.chars().count() > 1 && !w.is_known(word) {
                let freq = w.suggest_freq(word);
                total += freq;
                w.extra.insert(word.clone(), freq);
                let first = word.chars().next().expect("not empty");
                w.extra_by_first
                    .entry(first)
                    .or_default()
                    .push((word.len(), freq));
                w.log_total = (total as f64).ln();
            }
        }
        w
    }

    /// The frequency of `word`, if it is in the dictionary.
    pub fn freq(&self, word: &str) -> Option<u64> {
        Trie.get(word).or_else(|| self.extra.get(word).copied())
    }

    /// The frequency jieba-rs's `suggest_freq` gives a word: enough to keep it whole.
    fn suggest_freq(&self, segment: &str) -> u64 {
        let logtotal = self.log_total;
        let mut logfreq = 0f64;
        let mut last = 0;
        for end in self.cut_ends(segment) {
            let token = &segment[last..end];
            logfreq = logfreq + (self.freq(token).unwrap_or(1) as f64).ln() - logtotal;
            last = end;
        }
        std::cmp::max(
            (logfreq + logtotal).exp() as u64 + 1,
            self.freq(segment).unwrap_or(1),
        )
    }

    /// The end (byte offset) of every word of `text`, in order.
    pub fn cut_ends(&self, text: &str) -> Vec<usize> {
        let mut ends = Vec::with_capacity(text.len() / 3 + 1);
        let mut chars: Vec<(usize, char)> = Vec::new();
        let mut route: Vec<Step> = Vec::new();
        let mut edges: Vec<(usize, usize, u64)> = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            // The next run of one class.
            let first = text[pos..].chars().next().expect("not at the end");
            let han = is_han_default(first);
            let mut end = pos;
            chars.clear();
            for (k, c) in text[pos..].char_indices() {
                if is_han_default(c) != han {
                    break;
                }
                chars.push((pos + k, c));
                end = pos + k + c.len_utf8();
            }
            if han {
                self.cut_run(text, &chars, end, &mut route, &mut edges, &mut ends);
            } else {
                let mut i = 0;
                while i < chars.len() {
                    let (at, c) = chars[i];
                    if c == '\r' && chars.get(i + 1).is_some_and(|&(_, n)| n == '\n') {
                        ends.push(at + 2);
                        i += 2;
                    } else {
                        ends.push(at + c.len_utf8());
                        i += 1;
                    }
                }
            }
            pos = end;
        }
        ends
    }

    /// Every dictionary word starting at each character of a run: (start, end) in character
    /// indexes, and the word's frequency, in order of start.
    fn dag(
        &self,
        text: &str,
        chars: &[(usize, char)],
        run_end: usize,
        edges: &mut Vec<(usize, usize, u64)>,
    ) {
        edges.clear();
        let byte_at = |i: usize| chars.get(i).map_or(run_end, |&(b, _)| b);
        for start in 0..chars.len() {
            let mut at = Trie.first(chars[start].1);
            let mut ci = start + 1;
            while let Some(e) = at {
                if let Some(freq) = Trie.freq_at(e) {
                    edges.push((start, ci, freq));
                }
                at = chars.get(ci).and_then(|&(_, c)| Trie.next(e, c));
                ci += 1;
            }
            if let Some(words) = self.extra_by_first.get(&chars[start].1) {
                let from = chars[start].0;
                for &(len, freq) in words {
                    if text.len() >= from + len
                        && text.is_char_boundary(from + len)
                        && from + len <= run_end
                    {
                        let word = &text[from..from + len];
                        if self.extra.contains_key(word) {
                            let end_ci = chars.partition_point(|&(o, _)| o < from + len);
                            if byte_at(end_ci) == from + len {
                                edges.push((start, end_ci, freq));
                            }
                        }
                    }
                }
            }
        }
        // Added words come after the list's words of the same start; keep them in order of
        // start, then end, as the trie walk of jieba-rs gives them.
        edges.sort_unstable_by_key(|&(s, e, _)| (s, e));
    }

    /// Cuts one run of Han characters, pushing the end of each word.
    fn cut_run(
        &self,
        text: &str,
        chars: &[(usize, char)],
        run_end: usize,
        route: &mut Vec<Step>,
        edges: &mut Vec<(usize, usize, u64)>,
        ends: &mut Vec<usize>,
    ) {
        let n = chars.len();
        self.dag(text, chars, run_end, edges);
        route.clear();
        route.resize(n + 1, Step { prob: 0.0, end: n });
        let logtotal = self.log_total;
        let log1 = 0.0f64 - logtotal;
        let mut k = edges.len();
        for idx in (0..n).rev() {
            let mut best: Option<Step> = None;
            let hi = k;
            while k > 0 && edges[k - 1].0 == idx {
                k -= 1;
            }
            for &(_, end, freq) in &edges[k..hi] {
                let prob = (freq as f64).ln() - logtotal + route[end].prob;
                match best {
                    Some(b) if !(prob > b.prob || (prob == b.prob && end > b.end)) => {}
                    _ => best = Some(Step { prob, end }),
                }
            }
            route[idx] = best.unwrap_or(Step {
                prob: log1 + route[idx + 1].prob,
                end: idx + 1,
            });
        }
        let byte_at = |i: usize| chars.get(i).map_or(run_end, |&(b, _)| b);
        let mut x = 0;
        let mut joining = false;
        while x < n {
            let y = route[x].end;
            if y - x == 1 && chars[x].1.is_ascii_alphanumeric() {
                joining = true;
            } else {
                if joining {
                    ends.push(byte_at(x));
                    joining = false;
                }
                ends.push(byte_at(y));
            }
            x = y;
        }
        if joining {
            ends.push(run_end);
        }
    }
}

impl std::fmt::Debug for JiebaWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JiebaWords")
            .field("words", &WORDS)
            .field("added", &self.extra.len())
            .finish()
    }
}

impl WordSegmenter for JiebaWords {
    fn boundaries(&self, text: &str) -> Vec<usize> {
        let mut out = Vec::with_capacity(text.len() / 3 + 2);
        out.push(0);
        out.extend(self.cut_ends(text));
        out.dedup();
        out
    }

    fn is_known(&self, word: &str) -> bool {
        self.freq(word).is_some()
    }
}

/// [`JiebaWords`] built on first use: a run over English text never computes the
/// frequencies of the added words (which walks the trie and pages it in).
pub type LazyJiebaWords = crate::check::Lazy<JiebaWords>;

impl crate::check::FromWords for JiebaWords {
    fn from_words(words: &[String]) -> Self {
        JiebaWords::new(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::LazyJieba;

    #[test]
    fn the_trie_holds_the_word_list_and_nothing_else() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/dictionaries/zh/jieba-dict.txt"
        );
        let text = std::fs::read_to_string(path).unwrap();
        let mut list: HashMap<&str, u64> = HashMap::new();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut f = line.split_ascii_whitespace();
            let word = f.next().unwrap();
            // A word given twice keeps its last frequency.
            list.insert(word, f.next().unwrap_or("0").parse().unwrap());
        }
        assert_eq!(list.len(), WORDS);
        assert!(list.values().sum::<u64>() <= TOTAL);
        for (word, freq) in &list {
            assert_eq!(Trie.get(word), Some(*freq), "{word}");
            // Every proper prefix is reachable, and is a word only if listed.
            let mut prefix = word.to_string();
            prefix.pop();
            if !prefix.is_empty() {
                assert_eq!(
                    Trie.get(&prefix),
                    list.get(prefix.as_str()).copied(),
                    "{prefix}"
                );
            }
        }
        for absent in ["我们们", "ſ", "𠀀𠀀𠀀", "a b", ""] {
            assert_eq!(Trie.get(absent), None, "{absent}");
        }
    }

    #[test]
    fn the_lazy_cutter_is_built_on_first_use_and_cuts_alike() {
        let lazy = LazyJiebaWords::new(vec!["严格落实".to_string()]);
        assert!(!lazy.is_built());
        let text = "各单位要严格落实责任。";
        let eager = JiebaWords::new(&["严格落实".to_string()]);
        assert_eq!(lazy.boundaries(text), eager.boundaries(text));
        assert!(lazy.is_built());
    }

    fn same_as_jieba(added: &[&str], texts: &[&str]) {
        let added: Vec<String> = added.iter().map(|s| s.to_string()).collect();
        let ours = JiebaWords::new(&added);
        let theirs = LazyJieba::new(added.clone());
        for t in texts {
            assert_eq!(ours.boundaries(t), theirs.boundaries(t), "{t}");
        }
    }

    #[test]
    fn boundaries_are_jieba_rs_boundaries() {
        same_as_jieba(
            &[],
            &[
                "各地区各部门要切实加强安全生产监管，严禁瞒报谎报。",
                "We must act. 2024年3月24日，AA制和4S店都在。\r\n第二行",
                "不得已而为之，必将取得胜利；坚决不得拖延！",
                "",
                "   ",
                "ＡＢＣ全角字母与半角abc123混排",
            ],
        );
    }

    #[test]
    fn added_words_get_jieba_rs_frequencies() {
        same_as_jieba(
            &["要求如下", "严格落实", "强化监管", "加快推进"],
            &["各单位要求如下：严格落实责任，强化监管，加快推进整改。"],
        );
        let w = JiebaWords::new(&["严格落实".to_string()]);
        assert!(w.is_known("严格落实"));
        assert!(w.is_known("我们"));
        assert!(!w.is_known("我们们"));
    }
}
