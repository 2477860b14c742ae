//! A decoded document, spans into it, and the conversion of byte offsets to the
//! code-point offsets and line numbers that the output cites.

use serde::Serialize;

/// A half-open byte range `start..end` into a document's text.
///
/// Every stage hands spans, never copies: a sentence, a trigger, an actor are all
/// spans into [`Document::text`]. Byte offsets are converted to code points only on output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies within this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// The language of a sentence, and of the task cited from it.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese, simplified or traditional.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The code used in output and dictionaries: `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Parses `zh` or `en`.
    pub fn from_code(s: &str) -> Option<Lang> {
        match s {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Guesses the language of a piece of text from its script: Chinese when Han
    /// characters make up a fair share of its letters, English otherwise.
    pub fn detect(text: &str) -> Lang {
        let (mut han, mut latin) = (0usize, 0usize);
        for c in text.chars() {
            if is_han(c) {
                han += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
        // One Han character carries about as much as a short English word.
        if han > 0 && han * 4 >= latin {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// True for CJK unified ideographs (the blocks official texts use).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF | 0x30000..=0x323AF)
}

/// How the bytes of an input became text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Encoding {
    /// The encoding's WHATWG name, e.g. `UTF-8`, `GB18030`, `Big5`, `UTF-16LE`.
    pub name: String,
    /// How it was chosen: `bom`, `declared`, `detected`, `forced` or `default`.
    pub chosen_by: &'static str,
    /// True when some bytes were not valid in that encoding and became U+FFFD.
    pub replaced: bool,
}

impl Encoding {
    /// Plain UTF-8, no replacement.
    pub fn utf8(chosen_by: &'static str) -> Self {
        Encoding {
            name: "UTF-8".to_string(),
            chosen_by,
            replaced: false,
        }
    }
}

/// A decoded input, ready for the pipeline.
#[derive(Clone, Debug)]
pub struct Document {
    /// The input's name as the user gave it (`-` for stdin).
    pub name: String,
    /// The decoded text. Every offset in the output refers to it.
    pub text: String,
    /// The text the stages analyse: either `None` (analyse `text`), or a copy of the
    /// same byte length in which markup (Markdown syntax, space entities, front
    /// matter) is blanked to ASCII spaces, so that offsets stay the same.
    pub analysis: Option<String>,
    /// How the text was decoded.
    pub encoding: Encoding,
    /// The format the text was read as (`text`, `markdown`, `html`, `docx`).
    pub format: &'static str,
    /// Fields that came with the document (from `--input-format jsonl`), passed through.
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
    /// For a transcript, its turns (or subtitle cues) in order: who speaks and when. Empty
    /// for other documents.
    pub turns: Vec<Turn>,
}

/// A moment in a recording.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamp {
    /// Seconds from the start.
    pub seconds: f64,
    /// As written: `00:03:15`, `00:00:04.500`.
    pub written: String,
}

/// One turn or cue of a transcript.
#[derive(Clone, Debug, PartialEq)]
pub struct Turn {
    /// Its words in the document text.
    pub span: Span,
    /// The speaker's label as written (`发言人1`, `MR. JIN`), if the transcript gives one.
    pub label: Option<String>,
    /// When it starts, where the transcript says.
    pub start: Option<Stamp>,
    /// When it ends, where the transcript says.
    pub end: Option<Stamp>,
}

impl Document {
    /// A UTF-8 plain-text document, as a library user would build one.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            name: name.into(),
            text: text.into(),
            analysis: None,
            encoding: Encoding::utf8("default"),
            format: "text",
            meta: None,
            turns: Vec::new(),
        }
    }

    /// The turns that overlap `span`, in order (for a sentence: one, or several when a
    /// subtitle breaks it across cues).
    pub fn turns_in(&self, span: Span) -> &[Turn] {
        let first = self.turns.partition_point(|t| t.span.end <= span.start);
        let last = self
            .turns
            .partition_point(|t| t.span.start < span.end.max(span.start + 1));
        &self.turns[first..last.max(first)]
    }

    /// The text the stages read: the markup-blanked copy if there is one.
    pub fn analysis_text(&self) -> &str {
        self.analysis.as_deref().unwrap_or(&self.text)
    }
}

/// Converts byte offsets into code-point offsets and 1-based line numbers.
///
/// Built once per document in one pass; each query then counts at most one block.
#[derive(Clone, Debug)]
pub struct Offsets {
    /// Code points before the start of each block.
    chars: Vec<usize>,
    /// Line feeds before the start of each block.
    lines: Vec<usize>,
}

const BLOCK: usize = 256;

impl Offsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let n = bytes.len() / BLOCK + 1;
        let (mut chars, mut lines) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let (mut c, mut l) = (0usize, 0usize);
        for block in bytes.chunks(BLOCK) {
            chars.push(c);
            lines.push(l);
            c += count_char_starts(block);
            l += memchr::memchr_iter(b'\n', block).count();
        }
        chars.push(c);
        lines.push(l);
        Offsets { chars, lines }
    }

    /// The code-point offset of byte `byte` (which must be on a char boundary).
    pub fn char_at(&self, text: &str, byte: usize) -> usize {
        let b = byte / BLOCK;
        self.chars[b] + count_char_starts(&text.as_bytes()[b * BLOCK..byte])
    }

    /// The 1-based line of byte `byte`.
    pub fn line_at(&self, text: &str, byte: usize) -> usize {
        let b = byte / BLOCK;
        self.lines[b] + memchr::memchr_iter(b'\n', &text.as_bytes()[b * BLOCK..byte]).count() + 1
    }
}

fn count_char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_match_a_naive_count() {
        let text = "第一行\nsecond line é\n\n第四行，要加强。".repeat(700);
        let idx = Offsets::new(&text);
        for (byte, _) in text.char_indices().step_by(37) {
            assert_eq!(idx.char_at(&text, byte), text[..byte].chars().count());
            assert_eq!(
                idx.line_at(&text, byte),
                text[..byte].matches('\n').count() + 1
            );
        }
        assert_eq!(idx.char_at(&text, text.len()), text.chars().count());
    }

    #[test]
    fn language_follows_the_script() {
        assert_eq!(Lang::detect("各地区各部门要加强监管。"), Lang::Zh);
        assert_eq!(Lang::detect("All agencies shall report."), Lang::En);
        assert_eq!(
            Lang::detect("The hukou (户口) system must be reformed by all provinces."),
            Lang::En
        );
        assert_eq!(Lang::detect("要落实 GDP 目标"), Lang::Zh);
    }

    #[test]
    fn spans_overlap_and_contain() {
        let a = Span::new(2, 6);
        assert!(a.overlaps(Span::new(5, 9)));
        assert!(!a.overlaps(Span::new(6, 9)));
        assert!(a.contains(Span::new(3, 6)));
        assert_eq!(a.of("abcdefgh"), "cdef");
    }
}
