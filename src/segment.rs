//! Stage 2: split a text into sentences (and clause-level units) with exact offsets.
//!
//! One pass over mixed Chinese and English text. The rules, in order:
//!
//! 1. **Lines.** A blank line ends a sentence, except in hard-wrapped text where a line that
//!    runs to the wrap width without closing punctuation goes on across blank lines and page
//!    numbers (a page break), unless it is a numbered heading standing alone between blank
//!    lines and the next line opens in capitals. A single line break ends one unless the
//!    line is a continuation: the next line starts in lower case, starts with a footnote mark,
//!    the line stops on an English word no sentence ends with (the, than: an `open-end` word),
//!    or the text is hard-wrapped (most lines run to about the same width) and the line runs
//!    to that width without closing punctuation. In Chinese, where a line break normally ends
//!    a sentence, a long line that stops mid-sentence (no closing punctuation, not a title)
//!    also continues. A line that opens with a list marker always starts a new sentence.
//! 2. **Chinese stops.** 。！？ and runs of them end a sentence, with the closing quotes and
//!    brackets that follow. Nothing inside 《》〈〉 is split, nor inside a short 「」『』“”
//!    quote or a bracket pair.
//! 3. **Clause units.** ；and `;` end a unit (outside brackets), as does a colon that
//!    introduces an inline list ("shall: (1) ...", "要求：一是……"), and a comma before an
//!    inline list item ("，二要……").
//! 4. **English stops.** `.`, `!`, `?` end a sentence when followed by white space, except
//!    after an abbreviation (Mr., No. 5, e.g.), an initial (Jonas E. Smith), a section number
//!    (Sec. 2.), a list marker at the start of a unit (1.), a.), or when the next word starts
//!    in lower case. Abbreviations that may also end a sentence (U.S., etc., a.m.) end one only
//!    before a common sentence opener (The, It, We, ...). Decimals, e-mail addresses and URLs
//!    never split, because their dots are not followed by white space.
//! 5. **Length.** A unit longer than [`MAX_UNIT_BYTES`] is cut at its last comma or space
//!    before the limit, so that no input makes later stages quadratic.
//!
//! The abbreviations, sentence openers, list markers and title words are read from the
//! dictionaries (`en/words.tsv`, `common/markers.tsv`, `zh/words.tsv`).

use std::collections::HashSet;
use std::sync::Arc;

use crate::dictionary::REGEX_SIZE_LIMIT;
use crate::regexes::LazyRegex;
use serde::Serialize;

use crate::dictionary::Dictionary;
use crate::document::{is_han, Lang, Span};
use crate::error::Result;

/// The longest unit the splitter emits, in bytes; longer runs are cut.
pub const MAX_UNIT_BYTES: usize = 6000;

/// Characters that may close a quote or bracket after a sentence stop.
const CLOSERS: &[char] = &[
    '"', '\'', ')', ']', '”', '’', '」', '』', '）', '》', '〉', '】', '»',
];

/// Why a unit ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Terminator {
    /// A sentence stop: 。！？ . ! ?
    Stop,
    /// ；or ;
    Semicolon,
    /// A colon that introduces an inline list.
    Colon,
    /// A comma before an inline list item.
    Comma,
    /// A line break or blank line with no punctuation before it.
    Line,
    /// Cut because it was too long.
    Length,
    /// The end of the text.
    End,
}

/// One sentence or clause-level unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Its bytes in the text, trimmed of surrounding white space.
    pub span: Span,
    /// Why it ended.
    pub end: Terminator,
    /// It begins at the start of a line's content.
    pub line_start: bool,
    /// It ends at the end of a line's content, where a line break ends the sentence.
    pub line_end: bool,
}

impl Sentence {
    /// It occupies whole lines by itself: a title, a heading or a one-line paragraph.
    pub fn whole_line(&self) -> bool {
        self.line_start && self.line_end
    }
}

/// The first `k` of `n` sentences for which `whole_line` holds, first to last, and the last
/// `k`, last to first: where a document's header and signature are.
pub fn edge_lines(
    n: usize,
    k: usize,
    whole_line: impl Fn(usize) -> bool,
) -> (Vec<usize>, Vec<usize>) {
    let top = (0..n).filter(|&i| whole_line(i)).take(k).collect();
    let bottom = (0..n).rev().filter(|&i| whole_line(i)).take(k).collect();
    (top, bottom)
}

/// A stage-2 splitter: text in, sentences in order out.
///
/// Every sentence is non-empty, trimmed, in order, and they do not overlap; together they
/// cover every non-space character of the text.
pub trait SentenceSplitter {
    /// Splits `text`.
    fn split(&self, text: &str) -> Vec<Sentence>;
}

/// The built-in splitter for Chinese, English and mixed text.
#[derive(Clone, Debug)]
pub struct Segmenter {
    abbrev: HashSet<String>,
    abbrev_end: HashSet<String>,
    starters: HashSet<String>,
    title_end: Vec<String>,
    /// English words a sentence never ends with (the, of, than): a line ending with one runs
    /// on into the next.
    open_ends: HashSet<String>,
    /// Every marker style at once, anchored at the start; shared with the structure stage.
    markers: Arc<LazyRegex>,
}

impl Segmenter {
    /// Builds a splitter from the dictionary's word lists and markers.
    pub fn new(dict: &Dictionary) -> Result<Self> {
        let lower = |class| -> HashSet<String> {
            dict.words_of(Lang::En, class)
                .map(|w| w.trim_end_matches('.').to_lowercase())
                .collect()
        };
        let anchored: Vec<String> = dict
            .markers
            .iter()
            .map(|m| format!("^(?:{})", m.pattern))
            .collect();
        let markers = Arc::new(LazyRegex::any_of(&anchored, REGEX_SIZE_LIMIT * 4));
        Ok(Segmenter {
            abbrev: lower("abbrev"),
            abbrev_end: lower("abbrev-end"),
            starters: lower("starter"),
            open_ends: lower("open-end"),
            title_end: dict
                .words_of(Lang::Zh, "title-end")
                .map(str::to_string)
                .collect(),
            markers,
        })
    }

    /// True when `line` ends with an English word no sentence ends with ("the", "than"),
    /// written in lower case: "Appendix A" and "SECTION OF THE" are titles.
    fn ends_open(&self, line: &str) -> bool {
        let word = line
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        !word.is_empty() && line.len() > word.len() && self.open_ends.contains(word)
    }

    /// True when `text` opens with a list or heading marker.
    pub fn starts_with_marker(&self, text: &str) -> bool {
        self.markers.is_match(text)
    }

    /// The length of the list or heading marker `text` opens with, if any.
    pub fn marker_len(&self, text: &str) -> Option<usize> {
        self.markers.find(text).map(|m| m.end())
    }

    /// The regex of all marker styles, anchored at the start, for another stage to share
    /// (it is compiled once, when first used).
    pub fn marker_union(&self) -> Arc<LazyRegex> {
        Arc::clone(&self.markers)
    }
}

impl SentenceSplitter for Segmenter {
    fn split(&self, text: &str) -> Vec<Sentence> {
        let lines = lines(text);
        let layout = Layout::measure(text, &lines);
        let mut out = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            if lines[i].content.is_empty() {
                i += 1;
                continue;
            }
            // Gather the lines that continue this one into a block.
            let first = i;
            let mut last = i;
            while let Some(next) = self.next_in_block(text, &lines, &layout, last) {
                last = next;
            }
            let block = Span::new(lines[first].content.start, lines[last].content.end);
            let before = out.len();
            self.split_block(text, block, &mut out);
            if let Some(s) = out.get_mut(before) {
                s.line_start = s.span.start == block.start;
            }
            if let Some(s) = out.last_mut() {
                if s.span.end == block.end {
                    s.line_end = true;
                    if s.end == Terminator::End {
                        s.end = Terminator::Line;
                    }
                }
            }
            i = last + 1;
        }
        if let Some(s) = out.last_mut() {
            if s.end == Terminator::Line && text[s.span.end..].trim().is_empty() {
                s.end = Terminator::End;
            }
        }
        out
    }
}

/// A line of the text: its full range (without the line break) and its trimmed content.
#[derive(Clone, Copy, Debug)]
struct Line {
    content: Span,
    chars: usize,
}

/// White space as the splitter sees it: Unicode white space and the zero-width space,
/// word joiner and byte-order mark, which carry no text.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{2060}')
}

fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        if at_end || bytes[i] == b'\n' || bytes[i] == b'\r' {
            let raw = &text[start..i];
            let trimmed_start = raw.len() - raw.trim_start_matches(is_space).len();
            let body = raw.trim_matches(is_space);
            let content = Span::new(start + trimmed_start, start + trimmed_start + body.len());
            out.push(Line {
                content,
                chars: body.chars().count(),
            });
            if at_end {
                break;
            }
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    out
}

/// Whole-text measurements that decide how line breaks are read.
#[derive(Debug)]
struct Layout {
    /// The width lines are wrapped at, when the text is hard-wrapped.
    wrap: Option<usize>,
}

impl Layout {
    fn measure(text: &str, lines: &[Line]) -> Layout {
        let lens: Vec<usize> = lines
            .iter()
            .filter(|l| l.chars >= 8)
            .map(|l| l.chars)
            .collect();
        if lens.len() < 8 {
            return Layout { wrap: None };
        }
        // A wrapped line stops without closing punctuation, with more text on the next
        // line, and runs close to the width. The width is read from such lines only: notes
        // and quotations kept as long unwrapped lines must not set it.
        let mut open: Vec<usize> = lines
            .windows(2)
            .filter(|pair| {
                let (a, b) = (pair[0], pair[1]);
                a.chars >= 8
                    && !b.content.is_empty()
                    && !ends_closed(&text[a.content.start..a.content.end])
                    // A list of short items without stops ("1. 进出实验楼需刷卡") is no
                    // wrapped text: the next line opens a new item.
                    && !opens_with_number(&text[b.content.start..b.content.end])
            })
            .map(|pair| pair[0].chars)
            .collect();
        if open.is_empty() {
            return Layout { wrap: None };
        }
        // The most common length (the longer on a tie): a document may hold parts wrapped
        // at different widths (a body at 30 characters, notes at 50), and the narrowest
        // common one must still count.
        open.sort_unstable();
        let mut width = open[0];
        let mut best = 0;
        for run in open.chunk_by(|a, b| a == b) {
            if run.len() >= best {
                best = run.len();
                width = run[0];
            }
        }
        let wrapped = open.iter().filter(|&&n| n * 10 >= width * 7).count();
        let wrap = (wrapped >= 5 && wrapped * 10 >= lens.len() * 4).then_some(width);
        Layout { wrap }
    }
}

/// True when `line` opens with what looks like an item number: "1.", "2、", "（三）",
/// "(a)", "四、". A cheap test for the layout measure, which must not spend the marker
/// regex's budget on every line.
pub(crate) fn opens_with_number(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    if matches!(first, '（' | '(') {
        return true;
    }
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    if !numeral(first) {
        return false;
    }
    let after = line.trim_start_matches(numeral);
    after.starts_with(['.', '、', '．', ')', '）'])
}

/// True when a line ends with punctuation that closes a sentence, a clause or a heading.
fn ends_closed(line: &str) -> bool {
    let Some(last) = line.chars().next_back() else {
        return true;
    };
    matches!(
        last,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | '.'
            | '；'
            | ';'
            | '：'
            | ':'
            | '…'
            | '”'
            | '」'
            | '』'
            | '）'
            | ')'
            | '》'
            | '"'
            | '’'
            | '\''
            | '】'
            | ']'
            | '|'
            | '*'
            | '#'
    )
}

/// The longest line that may hold a list marker alone ("第一百二十三条", "Section 123a.").
const MARKER_LINE_BYTES: usize = 24;

/// The text of a line with the line break after it, if any: a marker alone on its line
/// ("(A)") is followed by white space there.
fn with_break(text: &str, line: Span) -> &str {
    let next = text[line.end..].chars().next().map_or(0, char::len_utf8);
    &text[line.start..line.end + next]
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

fn is_footnote_mark(s: &str) -> bool {
    let rest = match s.strip_prefix('〔').or_else(|| s.strip_prefix('[')) {
        Some(r) => r,
        None => return false,
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && matches!(rest[digits..].chars().next(), Some('〕' | ']'))
}

fn is_page_artifact(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit())
}

impl Segmenter {
    /// The index of the line that continues line `i` in the same block, if any.
    fn next_in_block(
        &self,
        text: &str,
        lines: &[Line],
        layout: &Layout,
        i: usize,
    ) -> Option<usize> {
        let cur = lines[i];
        let cur_text = cur.content.of(text);
        // "(A)\nfacilitate collection ...;": a line that holds only a list marker opens the
        // English item on the next line; a Chinese "（七）" alone on its line numbers a part,
        // and the paragraph after it is no title. The marker is matched with the line break
        // after it, as some need white space there ("(A) "). Only a short line is tried: each
        // search spends the marker regex's budget for its light engines.
        if cur_text.len() <= MARKER_LINE_BYTES {
            let broken = with_break(text, cur.content);
            if self
                .marker_len(broken)
                .is_some_and(|n| broken[n..].trim().is_empty())
            {
                let next = lines.get(i + 1)?.content;
                return (first_char(next.of(text)).is_ascii_alphabetic()
                    && !self.starts_with_marker(with_break(text, next)))
                .then_some(i + 1);
            }
        }
        if ends_closed(cur_text) {
            return None;
        }
        let wraps = layout.wrap.is_some_and(|w| cur.chars * 10 >= w * 7);
        // The next content line, stepping over page numbers and blank lines only in
        // hard-wrapped text.
        let mut j = i + 1;
        let mut crossed_blank = false;
        let mut crossed_page = false;
        while j < lines.len() {
            let t = lines[j].content.of(text);
            if t.is_empty() {
                crossed_blank = true;
            } else if wraps && is_page_artifact(t) {
                crossed_blank = true;
                crossed_page = true;
            } else {
                break;
            }
            j += 1;
        }
        let next = lines.get(j)?;
        let next_text = next.content.of(text);
        if crossed_blank && !wraps {
            return None;
        }
        // "D.  Streamlining and Automating Verification Processes", a blank line, then "DHS
        // should ...": a numbered line standing alone between blank lines is a heading, not
        // the first line of a paragraph that a page break cut.
        if crossed_blank
            && !crossed_page
            && (i == 0 || lines[i - 1].content.is_empty())
            && first_char(next_text).is_uppercase()
            && self.starts_with_marker(with_break(text, cur.content))
        {
            return None;
        }
        if is_footnote_mark(next_text) {
            return Some(j);
        }
        if self.starts_with_marker(with_break(text, next.content))
            || next_text.starts_with(['•', '·', '▪', '●', '◦', '-', '—', '*'])
        {
            return None;
        }
        let last = cur_text.chars().next_back().unwrap_or(' ');
        let first = first_char(next_text);
        if wraps {
            return Some(j);
        }
        if first.is_lowercase() && !crossed_blank {
            return Some(j);
        }
        // "... shall establish a plan no later than\n180 days after ...": a line that stops
        // on a word no sentence ends with was wrapped, however short the text.
        if !crossed_blank && self.ends_open(cur_text) {
            return Some(j);
        }
        let cjk = is_han(last) || matches!(last, '，' | '、');
        if cjk && (is_han(first) || first.is_ascii_digit() || matches!(first, '“' | '《' | '（'))
        {
            if matches!(last, '，' | '、') {
                return Some(j);
            }
            let is_title = self
                .title_end
                .iter()
                .any(|t| cur_text.ends_with(t.as_str()));
            if cur.chars >= 40 && !is_title {
                return Some(j);
            }
        }
        if last == ',' {
            return Some(j);
        }
        None
    }

    /// Splits one block (a run of continued lines) into units.
    fn split_block(&self, text: &str, block: Span, out: &mut Vec<Sentence>) {
        let guards = guards(text, block);
        let mut g = 0;
        let mut unit: Option<usize> = None;
        let mut i = block.start;
        let emit = |out: &mut Vec<Sentence>, start: usize, end: usize, why| {
            let piece = &text[start..end];
            let end = start + piece.trim_end_matches(is_space).len();
            if end > start {
                out.push(Sentence {
                    span: Span::new(start, end),
                    end: why,
                    line_start: false,
                    line_end: false,
                });
            }
        };
        while i < block.end {
            let c = text[i..].chars().next().expect("in bounds");
            let clen = c.len_utf8();
            if unit.is_none() {
                if is_space(c) {
                    i += clen;
                    continue;
                }
                unit = Some(i);
            }
            let start = unit.expect("set above");
            while g < guards.len() && guards[g].0 < i {
                g += 1;
            }
            if g < guards.len() && guards[g].0 == i {
                i = guards[g].1;
                g += 1;
                continue;
            }
            if i - start > MAX_UNIT_BYTES {
                let cut = cut_point(text, start, i);
                emit(out, start, cut, Terminator::Length);
                unit = None;
                i = cut;
                continue;
            }
            let cut = match c {
                '。' | '！' | '？' | '．' => {
                    Some((self.stop_run(text, i, block.end), Terminator::Stop))
                }
                '!' | '?' if prev_is_cjk(text, start, i) => {
                    Some((self.stop_run(text, i, block.end), Terminator::Stop))
                }
                '.' | '!' | '?' => self
                    .english_stop(text, start, i, block.end)
                    .map(|e| (e, Terminator::Stop)),
                '；' | ';' => Some((i + clen, Terminator::Semicolon)),
                '：' | ':' if self.marker_follows(text, i + clen, block.end) => {
                    Some((i + clen, Terminator::Colon))
                }
                '，' if self.marker_follows(text, i + clen, block.end) => {
                    Some((i + clen, Terminator::Comma))
                }
                _ => None,
            };
            match cut {
                Some((end, why)) => {
                    emit(out, start, end, why);
                    unit = None;
                    i = end;
                }
                None => i += clen,
            }
        }
        if let Some(start) = unit {
            emit(out, start, block.end, Terminator::End);
        }
    }

    /// The end of a run of stops and the closing quotes after it.
    fn stop_run(&self, text: &str, i: usize, end: usize) -> usize {
        let mut j = i;
        for c in text[i..end].chars() {
            if matches!(c, '。' | '！' | '？' | '!' | '?' | '．' | '…' | '.') {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        for c in text[j..end].chars() {
            if CLOSERS.contains(&c) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        j
    }

    fn marker_follows(&self, text: &str, from: usize, end: usize) -> bool {
        let rest = text[from..end].trim_start_matches(is_space);
        !rest.is_empty() && self.starts_with_marker(rest)
    }

    /// Where an English sentence ends if the stop at `i` ends one.
    fn english_stop(&self, text: &str, start: usize, i: usize, end: usize) -> Option<usize> {
        let run_end = self.stop_run(text, i, end);
        let run = &text[i..run_end];
        let after = &text[run_end..end];
        let next = after.chars().next();
        match next {
            None => return Some(run_end),
            Some(c) if is_space(c) => {}
            // "1.加强领导": a list label glued to Chinese text.
            Some(c)
                if is_han(c)
                    && run == "."
                    && is_list_label(text[start..i].trim_start_matches(['•', '·'])) =>
            {
                return None
            }
            Some(c) if is_han(c) => return Some(run_end),
            Some(c) if c.is_uppercase() && run == "." && self.glued(text, start, i, after) => {
                return Some(run_end)
            }
            Some(_) => return None,
        }
        let next_word: &str = {
            let t = after.trim_start_matches(is_space);
            let n = t
                .find(|c: char| is_space(c) || matches!(c, ',' | ';' | ':'))
                .unwrap_or(t.len());
            &t[..n]
        };
        let next_first = first_char(next_word);
        if next_first.is_lowercase() {
            return None;
        }
        let stops = run.trim_end_matches(CLOSERS);
        if stops.contains(['!', '?']) {
            return Some(run_end);
        }
        if stops.len() > 1 || stops.contains('…') {
            // An ellipsis ends a sentence only before a capital.
            return next_first.is_uppercase().then_some(run_end);
        }
        // A single period: look at the word before it.
        let head = &text[start..i];
        let tok_start = head
            .char_indices()
            .rev()
            .take(40)
            .find(|&(_, c)| is_space(c) || matches!(c, '(' | '"' | '“' | '[' | '（'))
            .map(|(k, c)| k + c.len_utf8())
            .unwrap_or(if head.chars().count() <= 40 {
                0
            } else {
                head.len()
            });
        let token = &head[tok_start..];
        if token.is_empty() {
            return Some(run_end);
        }
        let lower = token.to_lowercase();
        let starter = self.starters.contains(
            &next_word
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase(),
        );
        let marker_next = self.starts_with_marker(next_word) || next_first.is_ascii_digit();
        // A list marker that opens the unit: "1." "a." "• 9." "IV."
        let before_token = head[..tok_start]
            .trim_matches(|c: char| is_space(c) || matches!(c, '•' | '·' | '-' | '*' | '▪' | '●'));
        if before_token.is_empty() && is_list_label(token) {
            return None;
        }
        if self.abbrev.contains(&lower) {
            return None;
        }
        if self.abbrev_end.contains(&lower) || is_dotted_acronym(token) {
            return (starter || marker_next).then_some(run_end);
        }
        if token.chars().count() == 1 && token.chars().all(|c| c.is_uppercase()) {
            // An initial, as in "Jonas E. Smith".
            return (starter || marker_next).then_some(run_end);
        }
        if token.bytes().all(|b| b.is_ascii_digit()) {
            let prev = head[..tok_start].trim_end_matches(is_space);
            let prev_word = prev
                .rsplit(|c: char| is_space(c))
                .next()
                .unwrap_or("")
                .trim_end_matches('.')
                .to_lowercase();
            if matches!(
                prev_word.as_str(),
                "sec" | "section" | "article" | "part" | "chapter" | "title" | "rule" | "art"
            ) {
                return None;
            }
        }
        Some(run_end)
    }
}

impl Segmenter {
    /// Two sentences glued without a space: "modern agriculture.We will". The word before
    /// the period is a word of three letters or more ending in lower case, and the next is a
    /// capitalized word (or the article "A"), not an acronym or a domain name.
    fn glued(&self, text: &str, start: usize, i: usize, after: &str) -> bool {
        let before: String = text[start..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        let mut next = after.chars();
        let first = next.next();
        let second = next.next();
        before.chars().count() >= 3
            && before.chars().take(2).all(|c| c.is_lowercase())
            && before.chars().all(|c| c.is_alphabetic())
            && (second.is_some_and(|c| c.is_lowercase())
                || (first == Some('A') && second.is_some_and(is_space)))
            && !self
                .abbrev
                .contains(&before.chars().rev().collect::<String>())
    }
}

/// "1", "12", "a", "B", "iv", "IV": labels that a period turns into a list marker.
fn is_list_label(token: &str) -> bool {
    let t = token.trim_end_matches(')');
    if t.is_empty() || t.len() > 4 {
        return false;
    }
    t.bytes().all(|b| b.is_ascii_digit())
        || (t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_alphabetic()))
        || t.chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'))
}

/// "U.S", "E.U", "a.m", "p.m": letters separated by periods.
fn is_dotted_acronym(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

fn prev_is_cjk(text: &str, start: usize, i: usize) -> bool {
    text[start..i]
        .chars()
        .rev()
        .find(|c| !is_space(*c))
        .is_some_and(|c| {
            is_han(c)
                || ('\u{3000}'..='\u{303f}').contains(&c)
                || ('\u{ff00}'..='\u{ffef}').contains(&c)
        })
}

/// Where to cut a unit that ran past the length limit: after its last comma, semicolon or
/// space in the second half of the window, else at `i`.
fn cut_point(text: &str, start: usize, i: usize) -> usize {
    let window = &text[start..i];
    let half = window.len() / 2;
    window
        .char_indices()
        .rev()
        .take_while(|&(k, _)| k > half)
        .find(|&(_, c)| matches!(c, '，' | ',' | '、' | ' ' | '\t'))
        .map(|(k, c)| start + k + c.len_utf8())
        .unwrap_or(i)
}

/// Ranges inside which no unit ends: (first byte of the opener, byte after the closer).
fn guards(text: &str, block: Span) -> Vec<(usize, usize)> {
    const PAIRS: &[(char, char, usize)] = &[
        ('《', '》', 300),
        ('〈', '〉', 300),
        ('「', '」', 120),
        ('『', '』', 120),
        ('“', '”', 120),
        ('（', '）', 200),
        ('(', ')', 200),
        ('【', '】', 120),
    ];
    let mut stack: Vec<(char, usize, usize)> = Vec::new(); // (closer, byte, char index)
    let mut out = Vec::new();
    for (ci, (k, c)) in text[block.start..block.end].char_indices().enumerate() {
        let at = block.start + k;
        if let Some(&(_, close, _)) = PAIRS.iter().find(|p| p.0 == c) {
            if stack.len() < 64 {
                stack.push((close, at, ci));
            }
        } else if let Some(&(_, _, limit)) = PAIRS.iter().find(|p| p.1 == c) {
            if let Some(pos) = stack.iter().rposition(|s| s.0 == c) {
                let (_, open, open_ci) = stack[pos];
                stack.truncate(pos);
                if ci - open_ci <= limit {
                    out.push((open, at + c.len_utf8()));
                }
            }
        }
    }
    out.sort_unstable();
    // Keep only outermost ranges.
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for r in out {
        match kept.last() {
            Some(&(_, end)) if r.0 < end => {}
            _ => kept.push(r),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg() -> Segmenter {
        Segmenter::new(&Dictionary::builtin()).unwrap()
    }

    fn split(text: &str) -> Vec<&str> {
        seg().split(text).iter().map(|s| s.span.of(text)).collect()
    }

    /// The splitter's case table: each text with the units it must give.
    const CASES: &[(&str, &[&str])] = &[
        // English abbreviations and initials.
        (
            "Mr. Smith met Dr. Jones. They agreed.",
            &["Mr. Smith met Dr. Jones.", "They agreed."],
        ),
        (
            "The U.S. Government and the E.U. agreed. Talks go on.",
            &["The U.S. Government and the E.U. agreed.", "Talks go on."],
        ),
        (
            "See p. 55 and No. 5 of the list. Then stop.",
            &["See p. 55 and No. 5 of the list.", "Then stop."],
        ),
        (
            "Jonas E. Smith signed it. He left.",
            &["Jonas E. Smith signed it.", "He left."],
        ),
        (
            "We met at 10 a.m. on Monday. It rained.",
            &["We met at 10 a.m. on Monday.", "It rained."],
        ),
        (
            "They moved to the U.S. The move was hard.",
            &["They moved to the U.S.", "The move was hard."],
        ),
        (
            "Tools, e.g. hammers, are sold. Buy one.",
            &["Tools, e.g. hammers, are sold.", "Buy one."],
        ),
        // A legal citation: "U.S.C." before a section number ends no sentence (it split
        // EO 14110's "... 50 U.S.C. 4501 et seq., the Secretary ... shall require:" in two).
        (
            "Under 50 U.S.C. 4501 et seq., the Secretary shall act. See 40 C.F.R. 1502 too.",
            &[
                "Under 50 U.S.C. 4501 et seq., the Secretary shall act.",
                "See 40 C.F.R. 1502 too.",
            ],
        ),
        // Numbers, money, addresses.
        (
            "It costs $100.00 today. Pay 3.5 percent.",
            &["It costs $100.00 today.", "Pay 3.5 percent."],
        ),
        (
            "Write to info@agency.gov. Then call.",
            &["Write to info@agency.gov.", "Then call."],
        ),
        (
            "Visit https://www.regulations.gov/docket. It is open.",
            &["Visit https://www.regulations.gov/docket.", "It is open."],
        ),
        (
            "It was adopted in 2011. The order stands.",
            &["It was adopted in 2011.", "The order stands."],
        ),
        (
            "We will boost modern agriculture.We will cut fees. See regulations.gov.",
            &[
                "We will boost modern agriculture.",
                "We will cut fees.",
                "See regulations.gov.",
            ],
        ),
        // Ellipses and quotes.
        (
            "He paused... and went on. Then he stopped... Next came silence.",
            &[
                "He paused... and went on.",
                "Then he stopped...",
                "Next came silence.",
            ],
        ),
        (
            "She said \"Stop.\" Then she left.",
            &["She said \"Stop.\"", "Then she left."],
        ),
        (
            "He wrote “Act now!” and left. Fine.",
            &["He wrote “Act now!” and left.", "Fine."],
        ),
        // Lists.
        (
            "Steps:\n1.) Collect data.\n2.) Analyze it.",
            &["Steps:", "1.) Collect data.", "2.) Analyze it."],
        ),
        (
            "a. First item.\nb. Second item.",
            &["a. First item.", "b. Second item."],
        ),
        (
            "• 9. Ninth point.\n• 10. Tenth point.",
            &["• 9. Ninth point.", "• 10. Tenth point."],
        ),
        (
            "Sec. 2. Definitions. (a) The term means X.",
            &["Sec. 2. Definitions.", "(a) The term means X."],
        ),
        (
            "each agency must:  (1) propose a rule; (2) tailor it; and (3) report.",
            &[
                "each agency must:",
                "(1) propose a rule;",
                "(2) tailor it;",
                "and (3) report.",
            ],
        ),
        // Lines in English.
        (
            "a comment period that should generally \nbe at least 60 days.",
            &["a comment period that should generally \nbe at least 60 days."],
        ),
        (
            "Integration and Innovation \nSome sectors face rules.",
            &["Integration and Innovation", "Some sectors face rules."],
        ),
        // Chinese stops, runs and quotes.
        (
            "要加强监管。要落实责任！真的吗？！好。",
            &["要加强监管。", "要落实责任！", "真的吗？！", "好。"],
        ),
        (
            "他说：“必须整改！马上！”大家同意。",
            &["他说：“必须整改！马上！”大家同意。"],
        ),
        (
            "学习《决胜！新时代》一文。然后讨论。",
            &["学习《决胜！新时代》一文。", "然后讨论。"],
        ),
        ("「严禁酒驾！」是底线。", &["「严禁酒驾！」是底线。"]),
        (
            "各地要加强领导；各部门要密切配合。",
            &["各地要加强领导；", "各部门要密切配合。"],
        ),
        (
            "会议要求：一是加强领导，二是落实责任，三是强化督查。",
            &[
                "会议要求：",
                "一是加强领导，",
                "二是落实责任，",
                "三是强化督查。",
            ],
        ),
        (
            "（牵头单位：市应急局；责任单位：各区县）",
            &["（牵头单位：市应急局；责任单位：各区县）"],
        ),
        (
            "一、总体要求\n（一）指导思想。全面贯彻落实。",
            &["一、总体要求", "（一）指导思想。", "全面贯彻落实。"],
        ),
        ("第一行没有标点\n第二行", &["第一行没有标点", "第二行"]),
        (
            "各单位要严格执行规定; 不得擅自变更。",
            &["各单位要严格执行规定;", "不得擅自变更。"],
        ),
        // Mixed text in one pass.
        (
            "会议强调要加强监管。The meeting stressed supervision. 要落实责任。",
            &[
                "会议强调要加强监管。",
                "The meeting stressed supervision.",
                "要落实责任。",
            ],
        ),
        // Blank lines always end a unit.
        (
            "First part without stop\n\nsecond part",
            &["First part without stop", "second part"],
        ),
    ];

    #[test]
    fn case_table() {
        let mut failures = Vec::new();
        for (text, want) in CASES {
            let got = split(text);
            if got != *want {
                failures.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} cases fail:\n{}",
            failures.len(),
            CASES.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn a_second_marker_row_naming_its_marker_group_keeps_every_marker() {
        // The markers were once joined into one alternation, where two rows with a group
        // `(?P<m>...)` made the pattern fail to compile and no marker was ever seen.
        let mut dict = Dictionary::builtin();
        dict.add_file(
            "mine.tsv",
            "# kind: markers\nstyle\tpattern\texample\nstar-cjk\t(?P<m>★)\\p{Han}\t★加强领导\n",
        )
        .unwrap();
        let seg = Segmenter::new(&dict).unwrap();
        assert!(seg.starts_with_marker("★加强领导"));
        assert!(seg.starts_with_marker("1.加强领导"));
        assert_eq!(seg.marker_len("一、总体要求"), Some("一、".len()));
        assert!(!seg.starts_with_marker("加强领导"));
    }

    #[test]
    fn a_line_stopping_on_a_lower_case_function_word_continues() {
        let got = split("(a) The owner must notify the\nRegional Administrator by telephone.\n");
        assert_eq!(got.len(), 1, "{got:?}");
        // A title may end on a capital "A"; it is no wrapped sentence.
        let got = split("Appendix A\nList of Agencies\n");
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn a_marker_alone_on_its_line_opens_the_english_item_below() {
        let got = split("to:\n(A)\nfacilitate collection;\n(B)\ncoordinate efforts.\n");
        assert_eq!(
            got,
            [
                "to:",
                "(A)\nfacilitate collection;",
                "(B)\ncoordinate efforts."
            ]
        );
        // A Chinese part number alone on its line is no title of the paragraph below.
        let got = split("（七）\n扩大的全会指出了方向。\n");
        assert_eq!(got, ["（七）", "扩大的全会指出了方向。"]);
    }

    #[test]
    fn a_long_chinese_line_broken_mid_word_continues() {
        let line = "检查组对我市安全生产工作给予充分肯定，并重点指出了我市部分企业单位存在的缺乏安全意识、法规标准执";
        let text = format!("{line}\n行不严、现场管理存在漏洞等问题。下一句。");
        let got = split(&text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].ends_with("等问题。"));
    }

    #[test]
    fn hard_wrapped_text_runs_across_lines_and_page_numbers() {
        let mut text = String::new();
        let para = "全党同志必须为这个统一战线的巩固和发展而奋斗解放区在坚决地毫不犹豫地实现耕者有其田的条件下三三制政策仍然不变在政权机关和社会事业中除共产党人外必须继续吸收广大的党外进步分子参加工作。";
        for _ in 0..4 {
            let chars: Vec<char> = para.chars().collect();
            for chunk in chars.chunks(30) {
                text.extend(chunk);
                text.push('\n');
            }
        }
        // A page break inside the last paragraph.
        let idx = text.rfind("条件下").unwrap();
        let nl = idx + text[idx..].find('\n').unwrap();
        text.insert_str(nl + 1, "702\n\n");
        let got = split(&text);
        assert_eq!(got.len(), 4, "{got:#?}");
        assert!(got[3].contains("702"));
        assert!(got.iter().all(|s| s.ends_with('。')));
    }

    #[test]
    fn a_numbered_heading_between_blank_lines_in_wrapped_text_stands_alone() {
        // The heading ran to the wrap width without a full stop, so the blank line after it
        // was stepped over as if a page break had cut a paragraph.
        let para = "The agency shall review the plan and report on its progress to the\n\
                    council within the time set by this memorandum, and it shall keep the\n\
                    records that the council asks for in the form that the council sets.\n\n";
        let text = format!(
            "{para}{para}D.  Streamlining and Automating the Verification Processes\n\n\
             DHS, in coordination with agencies, should streamline the processes.\n\n{para}"
        );
        let got = split(&text);
        assert!(got.contains(&"D.  Streamlining and Automating the Verification Processes"));
        assert!(got.iter().any(|s| s.starts_with("DHS, in coordination")));
        // A paragraph that a page number cuts still runs on across it.
        let cut = text.replacen("to the\ncouncil", "to the\n\n12\n\nCouncil", 1);
        assert!(split(&cut)
            .iter()
            .any(|s| s.contains("to the\n\n12\n\nCouncil")));
    }

    #[test]
    fn a_list_of_short_items_is_no_hard_wrapped_text() {
        // Nine items of about the same width without stops looked like text wrapped at that
        // width, so the blank line after the last one was stepped over.
        let mut text = String::from("一、门禁管理\n");
        for (i, item) in ["进出实验楼需刷卡", "外来人员需要登记", "车辆进出需要检查"]
            .iter()
            .cycle()
            .take(9)
            .enumerate()
        {
            text.push_str(&format!("{}. {item}\n", i + 1));
        }
        text.push_str("\n请各单位高度重视，认真落实！\n");
        let got = split(&text);
        assert_eq!(got.last(), Some(&"请各单位高度重视，认真落实！"));
        assert_eq!(got[got.len() - 2], "9. 车辆进出需要检查");
    }

    #[test]
    fn titles_do_not_swallow_the_next_line() {
        let text = "关于印发《某某市文化旅游发展集团商业运营管理有限公司安全生产治本攻坚三年行动实施方案（2024-2026年）》的通知\n各部门、各店铺：\n";
        assert_eq!(split(text).len(), 2);
    }

    #[test]
    fn over_long_units_are_cut() {
        let text = "要".repeat(10_000);
        let got = seg().split(&text);
        assert!(got.len() >= 5);
        assert!(got.iter().all(|s| s.span.len() <= MAX_UNIT_BYTES + 4));
        assert_eq!(got.last().unwrap().span.end, text.len());
    }

    #[test]
    fn whole_line_flags() {
        let text = "一、总体要求\n各地要加强领导。各部门要配合。";
        let got = seg().split(text);
        assert!(got[0].whole_line());
        assert!(got[1].line_start && !got[1].line_end);
        assert!(!got[2].line_start && got[2].line_end);
    }
}
