//! The matching view of a sentence: the text the rules run on, with offsets back to the
//! document.
//!
//! Documents are cited as written, but rules should not care how a sentence was typeset.
//! The view of a sentence
//! - drops white space between two Chinese characters (hard-wrapped lines, a stray space or
//!   U+3000 inside a word: "执\n行" reads "执行"),
//! - collapses any other run of white space (line breaks, tabs, U+3000) to one space,
//! - maps traditional characters to simplified ones (必須 reads 必须),
//!
//! and keeps, for every byte it emits, the document bytes it came from. Most sentences need
//! none of this: their view borrows the document text and maps offsets by adding a base.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::document::{is_han, Span};

/// Traditional to simplified character pairs, with a fast membership test.
#[derive(Clone, Debug)]
pub struct Variants {
    map: HashMap<char, char>,
    /// One bit per BMP code point that has a mapping.
    bmp: Vec<u64>,
}

impl Default for Variants {
    fn default() -> Self {
        Variants::new(&[])
    }
}

impl Variants {
    /// Builds the table from (traditional, simplified) pairs.
    pub fn new(pairs: &[(char, char)]) -> Self {
        let mut bmp = vec![0u64; 1024];
        for &(t, _) in pairs {
            let cp = t as usize;
            if cp < 0x10000 {
                bmp[cp / 64] |= 1 << (cp % 64);
            }
        }
        Variants {
            map: pairs.iter().copied().collect(),
            bmp,
        }
    }

    /// The simplified form of `c`, if it differs.
    #[inline]
    pub fn get(&self, c: char) -> Option<char> {
        let cp = c as usize;
        if cp < 0x10000 && self.bmp[cp / 64] & (1 << (cp % 64)) == 0 {
            return None;
        }
        self.map.get(&c).copied()
    }
}

/// A sentence as the rules see it.
#[derive(Clone, Debug)]
pub struct View<'a> {
    /// The normalized text.
    pub text: Cow<'a, str>,
    /// Document offset of the sentence.
    base: usize,
    /// How a normalized view maps back to the document; `None` for a borrowed view (most
    /// sentences), which costs no heap memory.
    map: Option<Box<Mapping>>,
}

/// How the bytes of a normalized view map back to the document.
#[derive(Clone, Debug)]
struct Mapping {
    /// Where the mapping shifts: from view byte `.0` on, view byte `v` came from the
    /// character starting at document byte `.1 + (v - .0)` (relative to `base`), until the
    /// next entry. Never empty.
    shifts: Vec<(u32, u32)>,
    /// View bytes whose character ends elsewhere than one byte after it in the document: a
    /// run of white space read as one space, a variant of another length. (view byte, end).
    wide: Vec<(u32, u32)>,
}

impl Mapping {
    /// Document offset (relative to `base`) of the character view byte `v` came from.
    fn start_of(&self, v: usize) -> usize {
        let k = self.shifts.partition_point(|&(v0, _)| v0 as usize <= v);
        let (v0, s0) = self.shifts[k.max(1) - 1];
        s0 as usize + (v - v0 as usize)
    }

    /// Document offset (relative to `base`) where the character of view byte `v` ends.
    fn end_of(&self, v: usize) -> usize {
        match self.wide.binary_search_by_key(&(v as u32), |&(w, _)| w) {
            Ok(k) => self.wide[k].1 as usize,
            Err(_) => self.start_of(v) + 1,
        }
    }
}

use crate::segment::is_space;

/// True for characters between which Chinese text has no spaces.
fn is_cjk(c: char) -> bool {
    is_han(c)
        || ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

impl<'a> View<'a> {
    /// The view of `text`, which starts at document offset `base`.
    pub fn new(text: &'a str, base: usize, variants: &Variants) -> View<'a> {
        if !needs_normalizing(text, variants) {
            return View {
                text: Cow::Borrowed(text),
                base,
                map: None,
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut shifts: Vec<(u32, u32)> = Vec::new();
        let mut wide: Vec<(u32, u32)> = Vec::new();
        // Records that view byte `v` came from a character starting at document byte `s`.
        let came_from = |shifts: &mut Vec<(u32, u32)>, v: usize, s: usize| {
            let predicted = shifts
                .last()
                .map(|&(v0, s0)| s0 as usize + (v - v0 as usize));
            if predicted != Some(s) {
                shifts.push((v as u32, s as u32));
            }
        };
        let mut prev: Option<char> = None; // last char emitted
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_space(c) {
                // Find the end of the white-space run and the char after it.
                let mut run_end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if is_space(d) {
                        run_end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let next = chars.peek().map(|&(_, d)| d);
                let glue = match (prev, next) {
                    (Some(p), Some(n)) => is_cjk(p) && is_cjk(n),
                    _ => true,
                };
                if !glue {
                    came_from(&mut shifts, out.len(), i);
                    if run_end != i + 1 {
                        wide.push((out.len() as u32, run_end as u32));
                    }
                    out.push(' ');
                }
                continue;
            }
            let emitted = variants.get(c).unwrap_or(c);
            let v = out.len();
            if emitted.len_utf8() == c.len_utf8() {
                came_from(&mut shifts, v, i);
            } else {
                // Every byte of the variant comes from the start of the original character.
                for k in 0..emitted.len_utf8() {
                    came_from(&mut shifts, v + k, i);
                }
                wide.push((
                    (v + emitted.len_utf8() - 1) as u32,
                    (i + c.len_utf8()) as u32,
                ));
            }
            out.push(emitted);
            prev = Some(emitted);
        }
        View {
            text: Cow::Owned(out),
            base,
            // Nothing was emitted (white space only): offsets map as in a borrowed view.
            map: (!shifts.is_empty()).then(|| Box::new(Mapping { shifts, wide })),
        }
    }

    /// The document span of a span of the view (which must lie on char boundaries).
    pub fn to_doc(&self, span: Span) -> Span {
        let Some(map) = &self.map else {
            return Span::new(self.base + span.start, self.base + span.end);
        };
        if span.is_empty() {
            let at = if span.start < self.text.len() {
                map.start_of(span.start)
            } else if self.text.is_empty() {
                0
            } else {
                map.end_of(self.text.len() - 1)
            };
            return Span::new(self.base + at, self.base + at);
        }
        let start = map.start_of(span.start);
        let end = map.end_of(span.end - 1);
        Span::new(self.base + start, self.base + end)
    }

    /// The view offset of document offset `at` (the first view byte at or after it).
    pub fn from_doc(&self, at: usize) -> usize {
        let rel = at.saturating_sub(self.base);
        let Some(map) = &self.map else {
            return rel.min(self.text.len());
        };
        // The start offsets never decrease along the view.
        let (mut lo, mut hi) = (0, self.text.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if map.start_of(mid) < rel {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The document offset the view starts at.
    pub fn base(&self) -> usize {
        self.base
    }
}

fn needs_normalizing(text: &str, variants: &Variants) -> bool {
    // ASCII text (most English) needs it only for white space other than single spaces.
    if text.is_ascii() {
        let b = text.as_bytes();
        return b
            .iter()
            .any(|&c| matches!(c, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'))
            || memchr::memmem::find(b, b"  ").is_some();
    }
    let mut prev_space = false;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if is_space(c) {
            if c != ' ' || prev_space || prev.is_some_and(is_cjk) {
                return true;
            }
            prev_space = true;
        } else {
            if prev_space && is_cjk(c) {
                return true;
            }
            if c as u32 >= 0x3400 && variants.get(c).is_some() {
                return true;
            }
            prev_space = false;
        }
        prev = Some(c);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variants() -> Variants {
        Variants::new(&[('須', '须'), ('應', '应'), ('當', '当')])
    }

    #[test]
    fn plain_text_is_borrowed() {
        let v = View::new("Each agency shall report.", 10, &variants());
        assert!(matches!(v.text, Cow::Borrowed(_)));
        assert_eq!(v.to_doc(Span::new(12, 17)), Span::new(22, 27));
    }

    #[test]
    fn spaces_inside_chinese_go_and_offsets_map_back() {
        let doc = "标准执\n行不严，要 加 强监管";
        let v = View::new(doc, 0, &variants());
        assert_eq!(v.text, "标准执行不严，要加强监管");
        let at = v.text.find("执行").unwrap();
        let span = v.to_doc(Span::new(at, at + "执行".len()));
        assert_eq!(span.of(doc), "执\n行");
    }

    #[test]
    fn traditional_reads_simplified_but_cites_traditional() {
        let doc = "各單位必須 嚴格執行";
        let v = View::new(doc, 3, &variants());
        assert_eq!(v.text, "各單位必须嚴格執行");
        let at = v.text.find("必须").unwrap();
        let span = v.to_doc(Span::new(at, at + "必须".len()));
        assert_eq!(Span::new(span.start - 3, span.end - 3).of(doc), "必須");
    }

    #[test]
    fn every_view_byte_maps_back_as_a_table_of_bytes_would() {
        // The shift table must agree with the obvious per-byte table: for each view byte the
        // document character it came from.
        let variants = Variants::new(&[('須', '须'), ('𠀀', 'a'), ('x', '𠀁')]);
        for doc in [
            "标准执\n行不严，要 加 强监管",
            "should generally \n  be at least",
            "各單位必須 嚴格執行 \t end",
            "a𠀀b x y\u{3000}z",
            "  lead and trail  ",
        ] {
            let v = View::new(doc, 0, &variants);
            let mut table = Vec::new();
            let mut prev: Option<char> = None;
            let mut it = doc.char_indices().peekable();
            while let Some((i, c)) = it.next() {
                if is_space(c) {
                    let mut end = i + c.len_utf8();
                    while let Some(&(j, d)) = it.peek() {
                        if !is_space(d) {
                            break;
                        }
                        end = j + d.len_utf8();
                        it.next();
                    }
                    // Kept as one space only between two characters not both Chinese.
                    let next = it.peek().map(|&(_, d)| d);
                    if let (Some(p), Some(n)) = (prev, next) {
                        if !(is_cjk(p) && is_cjk(n)) {
                            table.push((i, end));
                        }
                    }
                    continue;
                }
                let e = variants.get(c).unwrap_or(c);
                for _ in 0..e.len_utf8() {
                    table.push((i, i + c.len_utf8()));
                }
                prev = Some(e);
            }
            assert_eq!(table.len(), v.text.len(), "{doc:?} -> {:?}", v.text);
            for (k, &(s, e)) in table.iter().enumerate() {
                if !v.text.is_char_boundary(k) {
                    continue;
                }
                let end = k + v.text[k..].chars().next().unwrap().len_utf8();
                assert_eq!(
                    v.to_doc(Span::new(k, end)),
                    Span::new(s, e),
                    "{doc:?} byte {k}"
                );
                assert_eq!(v.from_doc(s), table.iter().position(|t| t.0 >= s).unwrap());
            }
        }
    }

    #[test]
    fn english_line_breaks_become_one_space() {
        let doc = "should generally \n  be at least";
        let v = View::new(doc, 0, &variants());
        assert_eq!(v.text, "should generally be at least");
        let at = v.text.find("be").unwrap();
        assert_eq!(v.to_doc(Span::new(at, at + 2)).of(doc), "be");
    }
}
