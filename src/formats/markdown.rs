//! Markdown read in place: markup is blanked, not removed, so offsets stay those of the file.
//!
//! Notices saved from web sites often arrive as Markdown: YAML front matter, `###` headings,
//! `**bold**` issuing bodies, `&emsp;` indents, links to attachments. [`blank_markdown`]
//! returns a copy of the same byte length where that markup is replaced by ASCII spaces
//! (line breaks are kept). The pipeline analyses the copy and cites the original, so
//! `text[start:end]` in the output is still the sentence as the file has it.

use std::sync::OnceLock;

use regex::Regex;

fn patterns() -> &'static [Regex] {
    static P: OnceLock<Vec<Regex>> = OnceLock::new();
    P.get_or_init(|| {
        [
            // Space entities.
            r"&(?:emsp|ensp|nbsp|thinsp|emsp13|emsp14|#12288|#160|#x3000|#xa0|#xA0);",
            // Inline HTML tags.
            r"</?[A-Za-z][^<>\n]{0,300}>|<!--[^\n]*?-->",
            // Images, whole.
            r"!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)",
            // Link targets: "](...)".
            r"\]\([^)\n]{0,500}\)",
            // Strong emphasis markers.
            r"\*\*|__",
            // Liquid template tags of pages built by Jekyll: "{% if site.draft %}", "{{ x }}".
            r"\{%[^\n]{0,300}?%\}|\{\{[^\n]{0,300}?\}\}",
        ]
        .iter()
        .map(|p| Regex::new(p).expect("valid"))
        .collect()
    })
}

fn line_prefixes() -> &'static [Regex] {
    static P: OnceLock<Vec<Regex>> = OnceLock::new();
    P.get_or_init(|| {
        [
            // Heading marks: "### Title".
            r"^[ \t]*(#{1,6})(?:[ \t]|$)",
            // Block quotes.
            r"^[ \t]*(>)",
        ]
        .iter()
        .map(|p| Regex::new(p).expect("valid"))
        .collect()
    })
}

fn rule_line() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        Regex::new(r"^[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|#+)[ \t]*$")
            .expect("valid")
    })
}

fn blank(bytes: &mut [u8], from: usize, to: usize) {
    for b in &mut bytes[from..to] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// Blanks the single stars of `*emphasis*` in one line (after `**` is blanked): a star that
/// opens a word ("***Agencies shall**" leaves "*Agencies") or closes one ("approved; and*"),
/// but not one standing between spaces ("2 * 3") or inside a word ("a*b").
fn blank_single_stars(line: &mut [u8]) {
    let space = |b: Option<&u8>| b.is_none_or(|b| b.is_ascii_whitespace());
    let opener = |b: Option<&u8>| {
        b.is_none_or(|&b| b.is_ascii_whitespace() || b >= 0x80 || b"([\"'".contains(&b))
    };
    let closer = |b: Option<&u8>| {
        b.is_none_or(|&b| b.is_ascii_whitespace() || b >= 0x80 || b".,;:!?)]\"'".contains(&b))
    };
    for k in 0..line.len() {
        if line[k] != b'*' {
            continue;
        }
        let before = k.checked_sub(1).map(|j| &line[j]);
        let after = line.get(k + 1);
        let opens = opener(before) && !space(after) && after != Some(&b'*');
        let closes = !space(before) && before != Some(&b'*') && closer(after);
        if opens || closes {
            line[k] = b' ';
        }
    }
}

/// A copy of `text` with its Markdown markup blanked to spaces (same byte length).
pub fn blank_markdown(text: &str) -> String {
    let mut out = text.as_bytes().to_vec();
    // Front matter.
    let mut body_from = 0;
    if text.starts_with("---\n") || text.starts_with("---\r\n") {
        let mut pos = text.find('\n').map_or(text.len(), |k| k + 1);
        for _ in 0..200 {
            let end = text[pos..].find('\n').map_or(text.len(), |k| pos + k + 1);
            let line = text[pos..end].trim_end();
            if line == "---" || line == "..." {
                blank(&mut out, 0, end);
                body_from = end;
                break;
            }
            if end >= text.len() {
                break;
            }
            pos = end;
        }
    }
    let mut pos = body_from;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |k| pos + k);
        let line = &text[pos..end];
        if rule_line().is_match(line) {
            blank(&mut out, pos, end);
        } else {
            for re in line_prefixes() {
                if let Some(g) = re.captures(line).and_then(|c| c.get(1)) {
                    blank(&mut out, pos + g.start(), pos + g.end());
                }
            }
            for re in patterns() {
                for m in re.find_iter(line) {
                    blank(&mut out, pos + m.start(), pos + m.end());
                }
            }
            // Emphasis stars, also one opening the line ("*[link](...)", "*Filed by ...")
            // or closing it; then a link's opening bracket.
            blank_single_stars(&mut out[pos..end]);
            let mut depth_from = None;
            for (k, c) in line.char_indices() {
                match c {
                    '[' => depth_from = Some(k),
                    ']' if line[k..].starts_with("](") => {
                        if let Some(open) = depth_from.take() {
                            out[pos + open] = b' ';
                        }
                    }
                    _ => {}
                }
            }
        }
        pos = end + 1;
    }
    // Only ASCII bytes were overwritten, each in place of whole characters.
    String::from_utf8(out).expect("blanking keeps UTF-8 valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_spaces_and_lengths_stay() {
        let text = "---\nlang: zh\n---\n**中共某市委办公室** \n\n### &emsp;&emsp;一、快速抓好问题整改。\n&emsp;&emsp;要加强督办。\n---\n*[📄 点击下载](/files/a.pdf)\n";
        let out = blank_markdown(text);
        assert_eq!(out.len(), text.len());
        let lines: Vec<&str> = out.lines().map(str::trim).collect();
        assert_eq!(lines[0], "");
        assert_eq!(lines[1], "");
        assert_eq!(lines[3], "中共某市委办公室");
        assert_eq!(lines[5], "一、快速抓好问题整改。");
        assert_eq!(lines[6], "要加强督办。");
        assert_eq!(lines[7], "");
        assert_eq!(lines[8], "📄 点击下载");
    }

    #[test]
    fn single_star_emphasis_and_template_tags_become_spaces() {
        // "***Agencies shall**" kept one star, so the actor read "*Agencies".
        let text = "{% if site.draft %}\n1.  ***Agencies shall** meet the\n    requirements; and*\nWe use 2 * 3 and a*b here.\nMail {{site.mail}} now.\n";
        let out = blank_markdown(text);
        assert_eq!(out.len(), text.len());
        let lines: Vec<&str> = out.lines().map(str::trim).collect();
        assert_eq!(lines[0], "");
        assert_eq!(lines[1], "1.     Agencies shall   meet the");
        assert_eq!(lines[2], "requirements; and");
        assert_eq!(lines[3], "We use 2 * 3 and a*b here.");
        assert_eq!(lines[4], format!("Mail{}now.", " ".repeat(15)));
    }

    #[test]
    fn plain_text_is_untouched() {
        let text = "各地区各部门要加强领导。Each agency shall act (see Sec. 2).";
        assert_eq!(blank_markdown(text), text);
    }
}
