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
    /// For normalized views: for each byte of `text`, the document span of the character
    /// it came from (relative to `base`). Empty for borrowed views.
    map: Vec<(u32, u32)>,
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
                map: Vec::new(),
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len());
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
                    out.push(' ');
                    map.push((i as u32, run_end as u32));
                }
                continue;
            }
            let emitted = variants.get(c).unwrap_or(c);
            let span = (i as u32, (i + c.len_utf8()) as u32);
            out.push(emitted);
            for _ in 0..emitted.len_utf8() {
                map.push(span);
            }
            prev = Some(emitted);
        }
        View {
            text: Cow::Owned(out),
            base,
            map,
        }
    }

    /// The document span of a span of the view (which must lie on char boundaries).
    pub fn to_doc(&self, span: Span) -> Span {
        if self.map.is_empty() {
            return Span::new(self.base + span.start, self.base + span.end);
        }
        if span.is_empty() {
            let at = self
                .map
                .get(span.start)
                .map(|m| m.0)
                .or_else(|| self.map.last().map(|m| m.1))
                .unwrap_or(0) as usize;
            return Span::new(self.base + at, self.base + at);
        }
        let start = self.map[span.start].0 as usize;
        let end = self.map[span.end - 1].1 as usize;
        Span::new(self.base + start, self.base + end)
    }

    /// The view offset of document offset `at` (the first view byte at or after it).
    pub fn from_doc(&self, at: usize) -> usize {
        let rel = at.saturating_sub(self.base);
        if self.map.is_empty() {
            return rel.min(self.text.len());
        }
        self.map.partition_point(|m| (m.0 as usize) < rel)
    }

    /// The document offset the view starts at.
    pub fn base(&self) -> usize {
        self.base
    }
}

fn needs_normalizing(text: &str, variants: &Variants) -> bool {
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
    fn english_line_breaks_become_one_space() {
        let doc = "should generally \n  be at least";
        let v = View::new(doc, 0, &variants());
        assert_eq!(v.text, "should generally be at least");
        let at = v.text.find("be").unwrap();
        assert_eq!(v.to_doc(Span::new(at, at + 2)).of(doc), "be");
    }
}
