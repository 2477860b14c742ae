//! Meeting transcripts: who speaks each turn, and when.
//!
//! Four layouts, recognized by content (and `.vtt`/`.srt` extensions):
//!
//! - **WebVTT**: cues with timings, voices as `<v Jin Guowei>`. The text of the cues is
//!   extracted, one paragraph per run of cues by the same voice, cues joined with a space so
//!   that a sentence broken across cues is whole again; cue identifiers, timing lines, `NOTE`
//!   and `STYLE` blocks and markup (`<i>`, `<c.x>`, `<00:00:01.000>`) are left out.
//! - **SRT**: numbered cues with timings; markup (`<i>`, `<font>`, `{\an8}`) is left out, a
//!   leading "李明：" or "MR. JIN:" in a cue names its speaker.
//! - **Labelled lines**, read in place (offsets stay those of the file, the labels are
//!   blanked for analysis like Markdown markup): a stenographer's labels ("主持人：……",
//!   "MR. JIN: ..."), a meeting app's export with a label and time on a line of their own
//!   before each turn ("发言人1 00:03:15"), or timestamped labels ("\[00:12:31\] 李明：……").
//!
//! The label and timestamp patterns are in `common/turns.tsv`.

use std::sync::OnceLock;

use regex::Regex;

use crate::dictionary::{Dictionary, TurnLayout, REGEX_SIZE_LIMIT};
use crate::document::{is_han, Lang, Span, Stamp, Turn};
use crate::regexes::LazyRegex;

/// The compiled label patterns.
#[derive(Debug, Clone)]
pub struct TurnPatterns {
    patterns: Vec<(TurnLayout, LazyRegex)>,
    /// Labels that are a notice's fields, not speakers: "附件", "联系人", "Date".
    fields: Vec<String>,
    /// Words of hesitation: 嗯, 呃, "uh", "um".
    fillers_zh: Vec<(String, bool)>,
    fillers_en: Vec<(String, bool)>,
}

impl TurnPatterns {
    /// Compiles the `turns` patterns of `dict`.
    pub fn new(dict: &Dictionary) -> Self {
        TurnPatterns {
            patterns: dict
                .turns
                .iter()
                .map(|t| {
                    (
                        t.layout,
                        LazyRegex::new(t.pattern.clone(), REGEX_SIZE_LIMIT),
                    )
                })
                .collect(),
            fields: [Lang::Zh, Lang::En]
                .into_iter()
                .flat_map(|l| dict.words_of(l, "field-label"))
                .map(str::to_lowercase)
                .collect(),
            fillers_zh: dict
                .words_of(Lang::Zh, "filler")
                .map(|w| (w.to_string(), false))
                .chain(
                    dict.words_of(Lang::Zh, "filler-pause")
                        .map(|w| (w.to_string(), true)),
                )
                .collect(),
            fillers_en: dict
                .words_of(Lang::En, "filler")
                .map(|w| (w.to_lowercase(), false))
                .chain(
                    dict.words_of(Lang::En, "filler-pause")
                        .map(|w| (w.to_lowercase(), true)),
                )
                .collect(),
        }
    }

    /// The built-in patterns, compiled once.
    pub fn builtin() -> &'static TurnPatterns {
        static P: OnceLock<TurnPatterns> = OnceLock::new();
        P.get_or_init(|| TurnPatterns::new(&Dictionary::builtin()))
    }

    /// The turn a line opens, if any: layout, label, time, and where the words start in it.
    pub(crate) fn opens(
        &self,
        line: &str,
    ) -> Option<(TurnLayout, String, Option<String>, Option<usize>)> {
        self.patterns.iter().find_map(|(layout, re)| {
            let c = re.captures(line)?;
            let label = c.name("label")?.as_str().trim().to_string();
            if self.fields.contains(&label.to_lowercase()) {
                return None;
            }
            Some((
                *layout,
                label,
                c.name("time").map(|t| t.as_str().to_string()),
                c.name("text").map(|t| t.start()),
            ))
        })
    }
}

/// Seconds of a timestamp: `01:02:03.456`, `02:03,4`, `12:04`.
pub fn seconds(t: &str) -> Option<f64> {
    let (main, frac) = match t.find(['.', ',']) {
        Some(k) => (&t[..k], &t[k + 1..]),
        None => (t, ""),
    };
    let mut total = 0f64;
    for part in main.split(':') {
        total = total * 60.0 + part.trim().parse::<u32>().ok()? as f64;
    }
    if !frac.is_empty() {
        total += format!("0.{frac}").parse::<f64>().ok()?;
    }
    Some(total)
}

fn stamp(t: &str) -> Option<Stamp> {
    seconds(t).map(|s| Stamp {
        seconds: s,
        written: t.to_string(),
    })
}

/// True when the text opens like a WebVTT file.
pub fn is_vtt(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}');
    t.starts_with("WEBVTT") && t[6..].chars().next().is_none_or(|c| c.is_whitespace())
}

fn timing() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^\s*(?P<start>(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*(?P<end>(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3})").expect("valid")
    })
}

/// True when the text opens like an SRT file: a number, then a timing line.
pub fn is_srt(text: &str) -> bool {
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .filter(|l| !l.trim().is_empty());
    matches!((lines.next(), lines.next()), (Some(n), Some(t)) if n.trim().bytes().all(|b| b.is_ascii_digit()) && timing().is_match(t))
}

/// True when enough lines open turns for the text to be a transcript of labelled lines: at
/// least three, a fifth of the lines, and some speaker speaking twice (a glossary or a list
/// of "Heading: text" lines names each label once).
pub fn is_labelled(text: &str, patterns: &TurnPatterns) -> bool {
    // The opening is enough to tell, and keeps the test cheap on a large file.
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(400)
        .collect();
    // Every layout puts a colon after the label or in the time: without three lines that
    // hold one, the patterns need not run (nor be compiled).
    if lines.iter().filter(|l| l.contains([':', '：'])).count() < 3 {
        return false;
    }
    let labels: Vec<String> = lines
        .iter()
        .filter_map(|l| patterns.opens(l).map(|o| o.1))
        .collect();
    let distinct: std::collections::HashSet<&String> = labels.iter().collect();
    labels.len() >= 3 && labels.len() * 5 >= lines.len() && distinct.len() < labels.len()
}

/// A cue's payload as text, and the voice it names.
fn cue_text(payload: &str) -> (String, Option<String>) {
    static TAG: OnceLock<Regex> = OnceLock::new();
    let tag =
        TAG.get_or_init(|| Regex::new(r"<[^<>\n]{0,200}>|\{\\[^{}\n]{0,100}\}").expect("valid"));
    let mut voice = None;
    let mut out = String::new();
    let mut last = 0;
    for m in tag.find_iter(payload) {
        out.push_str(&payload[last..m.start()]);
        last = m.end();
        let t = m.as_str();
        if voice.is_none() && (t.starts_with("<v ") || t.starts_with("<v.")) {
            let name = t.trim_start_matches("<v").trim_end_matches('>');
            let name = name.split_once(' ').map_or("", |(_, n)| n).trim();
            if !name.is_empty() {
                voice = Some(name.to_string());
            }
        }
    }
    out.push_str(&payload[last..]);
    let out = out
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&lrm;", "")
        .replace("&rlm;", "");
    let mut joined = String::new();
    for line in out
        .lines()
        .map(|l| l.trim().trim_start_matches("- "))
        .filter(|l| !l.is_empty())
    {
        push_joined(&mut joined, line);
    }
    (joined, voice)
}

/// Appends `words` to `out` as the same run of speech: with a space between words of
/// spaced scripts, with nothing between Chinese characters and punctuation.
fn push_joined(out: &mut String, words: &str) {
    let cjk = |c: char| {
        is_han(c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
            || matches!(c, '“' | '”' | '…' | '—')
    };
    let tight = out.chars().next_back().is_some_and(cjk) && words.chars().next().is_some_and(cjk);
    if !out.is_empty() && !tight && !out.ends_with(char::is_whitespace) {
        out.push(' ');
    }
    out.push_str(words);
}

/// Cues of a WebVTT or SRT text: (start, end, payload).
fn cues(text: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let blocks = text
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    for block in blocks.split("\n\n") {
        let lines: Vec<&str> = block.lines().collect();
        let Some(k) = lines.iter().position(|l| timing().is_match(l)) else {
            continue;
        };
        let c = timing().captures(lines[k]).expect("matched");
        out.push((
            c["start"].to_string(),
            c["end"].to_string(),
            lines[k + 1..].join("\n"),
        ));
    }
    out
}

/// True when the text holds at least one subtitle cue timing line.
pub fn has_cues(text: &str) -> bool {
    text.lines().any(|l| timing().is_match(l))
}

/// Extracted text and turns of a WebVTT or SRT file; a cue's leading "label：" names its
/// speaker when it has no voice tag.
pub fn subtitles(text: &str, patterns: &TurnPatterns) -> (String, Vec<Turn>) {
    let mut out = String::new();
    let mut turns: Vec<Turn> = Vec::new();
    for (start, end, payload) in cues(text) {
        let (mut words, mut label) = cue_text(&payload);
        if label.is_none() {
            if let Some((_, l, _, Some(at))) = patterns.opens(&words) {
                label = Some(l);
                words = words[at..].to_string();
            }
        }
        if words.is_empty() {
            continue;
        }
        // A new voice opens a paragraph; the same voice goes on in the same one, so that a
        // sentence broken across cues is whole again.
        let carried = label
            .clone()
            .or_else(|| turns.last().and_then(|t| t.label.clone()));
        let same = turns.last().is_some_and(|t| t.label == carried);
        if !out.is_empty() && !same {
            out.push_str("\n\n");
        }
        let before = out.len();
        push_joined(&mut out, &words);
        let begin = before + (out.len() - before - words.len());
        turns.push(Turn {
            span: Span::new(begin, out.len()),
            label: carried,
            start: stamp(&start),
            end: stamp(&end),
        });
    }
    out.push('\n');
    (out, turns)
}

/// Turns of a transcript of labelled lines, read in place, and a copy of the text of the same
/// length with the labels and timestamp lines blanked.
pub fn labelled(text: &str, patterns: &TurnPatterns) -> (String, Vec<Turn>) {
    let mut blanked = text.as_bytes().to_vec();
    let mut turns: Vec<Turn> = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |k| pos + k);
        let line = &text[pos..end];
        let lead = line.len() - line.trim_start().len();
        if let Some((layout, label, time, at)) = patterns.opens(line.trim_start()) {
            // The words start after the label, or on the next line for an export header.
            let words_at = match (layout, at) {
                (TurnLayout::Export, _) | (_, None) => end,
                (_, Some(k)) => pos + lead + k,
            };
            for b in &mut blanked[pos..words_at.min(end)] {
                *b = b' ';
            }
            if let Some(t) = turns.last_mut() {
                t.span.end = t.span.end.max(t.span.start);
            }
            turns.push(Turn {
                span: Span::new(words_at, words_at),
                label: Some(label),
                start: time.as_deref().and_then(stamp),
                end: None,
            });
        }
        if let Some(t) = turns.last_mut() {
            if end > t.span.start {
                t.span.end = end;
            }
        }
        pos = end + 1;
    }
    // Only ASCII bytes were written, each over whole characters.
    let blanked = String::from_utf8(blanked).unwrap_or_else(|_| text.to_string());
    (blanked, turns)
}

/// Pauses after which a Chinese hesitation or repeated phrase is dropped.
fn is_pause(c: char) -> bool {
    matches!(c, '，' | '、' | '…' | '—' | ',' | '-') || c.is_whitespace()
}

/// A copy of `text` of the same length in which the hesitations and repairs of speech are
/// blanked to spaces: fillers (嗯, 呃, "uh", "um", with the comma after them; 那个 and 这个
/// only before a pause) and the first of a repeated run of one to four words ("we must, we
/// must act", "我们要，我们要加强"). The words that remain read as the speaker meant them,
/// so that triggers and actors are found across the repair.
pub fn tidy_speech(text: &str, patterns: &TurnPatterns) -> String {
    let mut out = text.as_bytes().to_vec();
    let blank_in = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to] {
            *b = b' ';
        }
    };
    let mut blank = |from: usize, to: usize| blank_in(&mut out, from, to);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let byte = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    // Chinese fillers.
    let mut k = 0;
    while k < chars.len() {
        let rest = &text[chars[k].0..];
        let hit = patterns.fillers_zh.iter().find(|(w, needs_pause)| {
            if !rest.starts_with(w.as_str()) {
                return false;
            }
            let n = w.chars().count();
            let before_ok = k == 0 || at(k - 1).is_none_or(|c| !is_han(c));
            let pause_after = at(k + n).is_none_or(is_pause);
            !needs_pause || (before_ok && pause_after)
        });
        if let Some((w, _)) = hit {
            let n = w.chars().count();
            let mut end = k + n;
            while at(end).is_some_and(|c| matches!(c, '，' | ',' | '、' | '…')) {
                end += 1;
            }
            blank(byte(k), byte(end));
            k = end;
        } else {
            k += 1;
        }
    }
    // English fillers, with the comma after them ("you know" only before a comma).
    let lower = text.to_ascii_lowercase();
    for k in 0..chars.len() {
        let starts_word = at(k).is_some_and(|c| c.is_ascii_alphabetic())
            && (k == 0 || at(k - 1).is_some_and(|p| !p.is_alphanumeric() && p != '\''));
        if !starts_word {
            continue;
        }
        let from = byte(k);
        for (f, needs_pause) in &patterns.fillers_en {
            if !lower[from..].starts_with(f.as_str()) {
                continue;
            }
            let mut end = from + f.len();
            let next = text[end..].chars().next();
            if next.is_some_and(|c| c.is_alphanumeric() || c == '\'') {
                continue;
            }
            if *needs_pause && next != Some(',') {
                continue;
            }
            while text[end..].starts_with(',') {
                end += 1;
            }
            blank(from, end);
            break;
        }
    }
    // Repairs are read over the text with fillers gone: "must, uh, must act".
    let once = String::from_utf8(out.clone()).unwrap_or_else(|_| text.to_string());
    let text = once.as_str();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let byte = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let mut blank = |from: usize, to: usize| blank_in(&mut out, from, to);
    // Repeated words.
    let words: Vec<(usize, usize)> = chars
        .iter()
        .enumerate()
        .filter(|&(i, &(_, c))| {
            c.is_alphanumeric()
                && !is_han(c)
                && (i == 0
                    || !at(i - 1).is_some_and(|p| p.is_alphanumeric() && !is_han(p) || p == '\''))
        })
        .map(|(i, _)| {
            let mut j = i;
            while at(j).is_some_and(|c| (c.is_alphanumeric() && !is_han(c)) || c == '\'') {
                j += 1;
            }
            (i, j)
        })
        .collect();
    let word = |w: (usize, usize)| &text[byte(w.0)..byte(w.1)];
    // Numbers repeat for good reasons ("Rooms 5, 5A"); words are what speakers repeat.
    let words: Vec<(usize, usize)> = words
        .into_iter()
        .filter(|&w| !word(w).bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let gap_ok = |from: usize, to: usize| {
        (from..to).all(|k| at(k).is_some_and(|c| (is_pause(c) || c == '.') && c != '\n'))
            && !text[byte(from)..byte(to)].contains(". ")
    };
    let mut i = 0;
    while i < words.len() {
        let mut done = false;
        for n in (1..=4).rev() {
            if i + 2 * n > words.len() {
                continue;
            }
            let same =
                (0..n).all(|m| word(words[i + m]).eq_ignore_ascii_case(word(words[i + n + m])));
            let joined = (0..n - 1).all(|m| gap_ok(words[i + m].1, words[i + m + 1].0));
            if same && joined && gap_ok(words[i + n - 1].1, words[i + n].0) {
                blank(byte(words[i].0), byte(words[i + n].0));
                i += n;
                done = true;
                break;
            }
        }
        if !done {
            i += 1;
        }
    }
    // Chinese repeated phrases before a pause: "我们要，我们要加强".
    let mut k = 0;
    while k < chars.len() {
        let mut done = false;
        for n in (1..=4).rev() {
            let run = |from: usize| (from..from + n).all(|j| at(j).is_some_and(is_han));
            if !run(k) {
                continue;
            }
            let mut g = k + n;
            while at(g).is_some_and(|c| is_pause(c) && c != '\n') {
                g += 1;
            }
            if g == k + n || !run(g) {
                continue;
            }
            if (0..n).all(|j| at(k + j) == at(g + j)) {
                blank(byte(k), byte(g));
                k = g;
                done = true;
                break;
            }
        }
        if !done {
            k += 1;
        }
    }
    // Only ASCII spaces were written, each over whole characters.
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static TurnPatterns {
        TurnPatterns::builtin()
    }

    #[test]
    fn timestamps_read_as_seconds() {
        assert_eq!(seconds("00:03:15"), Some(195.0));
        assert_eq!(seconds("12:04"), Some(724.0));
        assert_eq!(seconds("01:00:01.500"), Some(3601.5));
        assert_eq!(seconds("00:00:04,250"), Some(4.25));
        assert_eq!(seconds("x"), None);
    }

    #[test]
    fn vtt_cues_join_and_voices_label() {
        let vtt = "WEBVTT\n\nNOTE a comment\n\n1\n00:00:01.000 --> 00:00:03.000\n<v Jin Guowei>All departments must\n\n2\n00:00:03.000 --> 00:00:05.500\n<v Jin Guowei><i>report by Friday.</i>\n\n00:00:06.000 --> 00:00:08.000\n<v Li Na>We will help.\n";
        assert!(is_vtt(vtt));
        let (text, turns) = subtitles(vtt, p());
        assert_eq!(
            text,
            "All departments must report by Friday.\n\nWe will help.\n"
        );
        assert_eq!(turns.len(), 3);
        assert_eq!(turns[1].label.as_deref(), Some("Jin Guowei"));
        assert_eq!(turns[2].label.as_deref(), Some("Li Na"));
        assert_eq!(turns[1].end.as_ref().unwrap().seconds, 5.5);
    }

    #[test]
    fn srt_markup_goes_and_a_leading_label_names_the_speaker() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>李明：各单位要</i>\n\n2\n00:00:02,000 --> 00:00:04,000\n加强值守。\n";
        assert!(is_srt(srt));
        let (text, turns) = subtitles(srt, p());
        assert_eq!(text, "各单位要加强值守。\n");
        assert_eq!(turns[0].label.as_deref(), Some("李明"));
        assert_eq!(turns[1].label.as_deref(), Some("李明"));
    }

    #[test]
    fn labelled_lines_are_blanked_in_place() {
        let t = "主持人：请王市长讲话。\n王市长：各单位要加强值守。\n\n要严格落实责任。\nMR. JIN: All units must report.\n主持人：散会。\n";
        assert!(is_labelled(t, p()));
        let (blank, turns) = labelled(t, p());
        assert_eq!(blank.len(), t.len());
        assert!(blank.contains("      请王市长讲话"));
        assert!(!blank.contains("MR. JIN"));
        let labels: Vec<_> = turns.iter().map(|t| t.label.as_deref().unwrap()).collect();
        assert_eq!(labels, ["主持人", "王市长", "MR. JIN", "主持人"]);
        assert!(
            turns[1].span.of(t).contains("要严格落实责任"),
            "a turn runs to the next label"
        );
        let export = "发言人1 00:03:15\n各单位要加强值守。\n发言人2 00:04:02\n好的。\n[00:12:31] 李明：要落实责任。\n";
        let (_, turns) = labelled(export, p());
        assert_eq!(turns[0].start.as_ref().unwrap().seconds, 195.0);
        assert_eq!(turns[0].span.of(export).trim(), "各单位要加强值守。");
        assert_eq!(turns[2].label.as_deref(), Some("李明"));
    }

    #[test]
    fn fillers_and_repairs_are_blanked_in_place() {
        let cases = [
            ("各单位要，嗯，加强值守。", "各单位要，   加强值守。"),
            ("那个，各单位要加强值守。", "   各单位要加强值守。"),
            ("那个单位要加强值守。", "那个单位要加强值守。"),
            ("金额要核实。", "金额要核实。"),
            ("我们要，我们要加强值守。", "    我们要加强值守。"),
            ("All units must, uh, report.", "All units must,     report."),
            (
                "Your team should, you know, should send it.",
                "Your team should send it.",
            ),
            (
                "As you know the rule stands.",
                "As you know the rule stands.",
            ),
            ("We must, we must act.", "         we must act."),
            ("The the order stands.", "    the order stands."),
            ("Umbrella groups must act.", "Umbrella groups must act."),
            ("It is done. Done is done.", "It is done. Done is done."),
        ];
        for (input, want) in cases {
            let got = tidy_speech(input, p());
            assert_eq!(got.len(), input.len());
            let squeeze = |s: &str| {
                s.split(' ')
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            assert_eq!(squeeze(&got), squeeze(want), "{input}");
        }
    }

    #[test]
    fn a_notice_is_not_a_transcript() {
        let notice =
            "关于做好防汛工作的通知\n各单位：\n一、各单位要加强值守。\n附件：名单\n联系人：张三\n";
        assert!(!is_labelled(notice, p()));
        let glossary = "Key Terms\nRisk Assessment: a review of hazards.\nEmergency Plan: what to do.\nDuty Officer: who answers.\nSafety Drill: a rehearsal.\n";
        assert!(
            !is_labelled(glossary, p()),
            "each label once: headings, not speakers"
        );
    }
}
