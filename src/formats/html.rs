//! HTML pages to text: paragraphs and lines kept, scripts, styles and navigation dropped.
//!
//! The page goes through html5ever's tokenizer only, not its tree builder: building a tree
//! costs time quadratic in the nesting depth, and a page of a hundred thousand nested `<div>`s
//! must not stall a batch run. Tags open and close lines; text is collapsed like a browser
//! collapses it; elements of page furniture (`<nav>`, `<footer>`, `class="breadcrumb"`, ...)
//! are skipped with everything inside them.
//!
//! Offsets of tasks from an HTML page refer to the text this module extracts (the `document`
//! record says so with `"offsets":"extracted"`), since the page's markup is not text.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Elements skipped with all they contain.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "title", "nav", "aside", "footer", "iframe", "svg",
    "canvas", "button", "select", "object", "form", "textarea", "head",
];

/// Elements that stand on lines of their own.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "address",
    "center",
    "header",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "details",
    "summary",
    "body",
    "html",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Words in an element's class or id that mark navigation and page furniture.
const FURNITURE: &[&str] = &[
    "nav",
    "menu",
    "breadcrumb",
    "crumb",
    "sidebar",
    "footer",
    "topbar",
    "share",
    "copyright",
    "pagination",
    "pager",
    "toolbar",
];

fn is_furniture(tag: &Tag) -> bool {
    tag.attrs.iter().any(|a| {
        let name = &*a.name.local;
        let value = a.value.to_ascii_lowercase();
        (name == "role" && value == "navigation")
            || ((name == "class" || name == "id")
                && value
                    .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                    .any(|w| FURNITURE.contains(&w)))
    })
}

#[derive(Default)]
struct State {
    out: String,
    /// The element being skipped and how deep inside copies of it we are.
    skip: Option<(String, usize)>,
    pre: usize,
}

impl State {
    fn newline(&mut self) {
        let t = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(t);
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn text(&mut self, t: &str) {
        if self.pre > 0 {
            self.out.push_str(t);
            return;
        }
        for (k, word) in t.split(|c: char| c.is_ascii_whitespace()).enumerate() {
            if k > 0 && !self.out.is_empty() && !self.out.ends_with([' ', '\n', '\t']) {
                self.out.push(' ');
            }
            self.out.push_str(word);
        }
    }

    fn tag(&mut self, tag: &Tag) {
        let name = &*tag.name;
        let void = VOID.contains(&name) || tag.self_closing;
        if let Some((skipping, depth)) = &mut self.skip {
            if name == skipping.as_str() && !void {
                match tag.kind {
                    TagKind::StartTag => *depth += 1,
                    TagKind::EndTag => {
                        *depth -= 1;
                        if *depth == 0 {
                            self.skip = None;
                        }
                    }
                }
            }
            return;
        }
        match tag.kind {
            TagKind::StartTag => {
                if SKIP.contains(&name) || is_furniture(tag) {
                    if !void {
                        self.skip = Some((name.to_string(), 1));
                    }
                } else if name == "br" {
                    self.newline();
                } else if name == "pre" {
                    self.pre += 1;
                    self.newline();
                } else if BLOCK.contains(&name) {
                    self.newline();
                } else if matches!(name, "td" | "th")
                    && !self.out.is_empty()
                    && !self.out.ends_with(['\n', '\t'])
                {
                    self.out.push('\t');
                }
            }
            TagKind::EndTag => {
                if name == "pre" {
                    self.pre = self.pre.saturating_sub(1);
                }
                if BLOCK.contains(&name) {
                    self.newline();
                }
            }
        }
    }
}

struct Sink(RefCell<State>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut st = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                st.tag(&tag);
                // Tell the tokenizer which elements hold raw text, as a tree builder would.
                if tag.kind == TagKind::StartTag && !tag.self_closing {
                    return match &*tag.name {
                        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                            TokenSinkResult::RawData(RawKind::Rawtext)
                        }
                        "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
                        "plaintext" => TokenSinkResult::Plaintext,
                        _ => TokenSinkResult::Continue,
                    };
                }
            }
            Token::CharacterTokens(t) if st.skip.is_none() => st.text(&t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The text of an HTML page, one block a line.
pub fn to_text(html: &str) -> String {
    let tokenizer = Tokenizer::new(
        Sink(RefCell::new(State::default())),
        TokenizerOpts::default(),
    );
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let mut out = tokenizer.sink.0.into_inner().out;
    let t = out.trim_end().len();
    out.truncate(t);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_stay_and_furniture_goes() {
        let page = r#"<html><head><title>T</title><style>p{color:red}</style></head><body>
<nav><a href="/">首页</a> <a href="/news">新闻</a></nav>
<div class="breadcrumb">首页 &gt; 通知公告</div>
<h1>关于做好防汛工作的通知</h1>
<div class="content"><p>各单位：</p><p>一、各单位要加强值守。<br>二、严禁擅自离岗。</p>
<table><tr><td>牵头单位</td><td>市应急局</td></tr></table></div>
<script>var x = "<div>要加强</div>";</script>
<footer>版权所有</footer></body></html>"#;
        let text = to_text(page);
        assert_eq!(
            text,
            "关于做好防汛工作的通知\n各单位：\n一、各单位要加强值守。\n二、严禁擅自离岗。\n牵头单位\t市应急局\n"
        );
    }

    #[test]
    fn deep_nesting_is_linear() {
        let page = format!(
            "{}要加强监管。{}",
            "<div>".repeat(200_000),
            "</div>".repeat(200_000)
        );
        assert_eq!(to_text(&page), "要加强监管。\n");
    }
}
