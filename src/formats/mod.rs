//! Stage 1b: the formats an input may come in, and turning each into a [`Document`].
//!
//! | format | chosen by | text the offsets refer to |
//! |---|---|---|
//! | text | default | the decoded file |
//! | markdown | `.md`, `.markdown` | the decoded file (markup is blanked for analysis only) |
//! | html | `.html`, `.htm`, or content that opens like HTML | the text extracted from the page |
//! | docx | `.docx`, or a zip holding `word/document.xml` | the text of its paragraphs and tables |
//! | vtt | `.vtt`, or text that opens with `WEBVTT` | the words of the cues, joined |
//! | srt | `.srt`, or text that opens with a numbered cue | the words of the cues, joined |
//! | transcript | text whose lines open with speaker labels | the decoded file (labels are blanked for analysis only) |
//!
//! Binary inputs (images, PDFs, archives, anything with NUL bytes that is not UTF-16) are
//! skipped with a reason, never read as text.

pub mod docx;
pub mod html;
pub mod markdown;
pub mod sniff;
pub mod transcript;

use std::path::Path;
use std::sync::Arc;

use encoding_rs::Encoding as Enc;

use std::borrow::Cow;

use crate::decode::{decode_owned, decode_with, is_utf16};
use crate::document::{Document, Encoding};

/// How to read an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown, read in place.
    Markdown,
    /// An HTML page.
    Html,
    /// A Word document.
    Docx,
    /// WebVTT subtitles.
    Vtt,
    /// SRT subtitles.
    Srt,
    /// A transcript of labelled turns ("主持人：……", "发言人1 00:03:15"), read in place.
    Transcript,
}

impl Format {
    /// The name used in output and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Vtt => "vtt",
            Format::Srt => "srt",
            Format::Transcript => "transcript",
        }
    }

    /// The format a file name's extension names, if any.
    pub fn for_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "docx" => Format::Docx,
            "vtt" => Format::Vtt,
            "srt" => Format::Srt,
            "txt" | "text" => Format::Text,
            _ => return None,
        })
    }

    /// True when offsets refer to text extracted from the input rather than the input itself.
    pub fn extracts(self) -> bool {
        matches!(
            self,
            Format::Html | Format::Docx | Format::Vtt | Format::Srt
        )
    }

    /// True for the formats of transcripts, where turns name speakers and times.
    pub fn is_transcript(self) -> bool {
        matches!(self, Format::Vtt | Format::Srt | Format::Transcript)
    }
}

/// What reading an input gave.
#[derive(Debug)]
pub enum Loaded {
    /// A document to analyse.
    Doc(Document),
    /// Not text: skipped, with the reason.
    Skipped(String),
}

/// How to load inputs.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Force a format instead of choosing one.
    pub format: Option<Format>,
    /// Force an encoding instead of detecting one.
    pub encoding: Option<&'static Enc>,
    /// The largest input (and the largest decompressed .docx part), in bytes.
    pub max_bytes: u64,
    /// How transcripts mark turns; the built-in patterns when `None`.
    pub turns: Option<Arc<transcript::TurnPatterns>>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            format: None,
            encoding: None,
            max_bytes: 64 << 20,
            turns: None,
        }
    }
}

/// Turns the bytes of an input named `name` into a document. `path` is its file name, if
/// any, for the extension.
pub fn load(
    name: String,
    bytes: &[u8],
    path: Option<&Path>,
    opts: &LoadOptions,
) -> Result<Loaded, String> {
    load_cow(name, Cow::Borrowed(bytes), path, opts)
}

/// As [`load`], taking the bytes: plain UTF-8 text becomes the document's text without a
/// copy.
pub fn load_owned(
    name: String,
    bytes: Vec<u8>,
    path: Option<&Path>,
    opts: &LoadOptions,
) -> Result<Loaded, String> {
    load_cow(name, Cow::Owned(bytes), path, opts)
}

fn load_cow(
    name: String,
    bytes: Cow<'_, [u8]>,
    path: Option<&Path>,
    opts: &LoadOptions,
) -> Result<Loaded, String> {
    let by_ext = path.and_then(Format::for_path);
    let format = match opts.format {
        Some(f) => f,
        None if by_ext == Some(Format::Docx) || sniff::is_docx(&bytes) => Format::Docx,
        None => {
            if !is_utf16(&bytes) {
                if let Some(kind) = sniff::binary_kind(&bytes) {
                    return Ok(Loaded::Skipped(format!("not text: {kind}")));
                }
            }
            match by_ext {
                Some(f) => f,
                None if sniff::looks_like_html(&bytes) => Format::Html,
                None => Format::Text,
            }
        }
    };
    let patterns = opts
        .turns
        .as_deref()
        .unwrap_or_else(|| transcript::TurnPatterns::builtin());
    let doc = match format {
        Format::Docx => Document {
            name,
            text: docx::to_text(&bytes, opts.max_bytes)?,
            analysis: None,
            encoding: Encoding {
                name: "UTF-8".into(),
                chosen_by: "declared",
                replaced: false,
            },
            format: format.name(),
            meta: None,
            turns: Vec::new(),
        },
        Format::Html => {
            let decoded = decode_with(&bytes, opts.encoding, sniff::html_charset(&bytes));
            Document {
                name,
                text: html::to_text(&decoded.text),
                analysis: None,
                encoding: decoded.encoding,
                format: format.name(),
                meta: None,
                turns: Vec::new(),
            }
        }
        Format::Markdown | Format::Text | Format::Vtt | Format::Srt | Format::Transcript => {
            let decoded = match bytes {
                Cow::Owned(bytes) => decode_owned(bytes, opts.encoding, None),
                Cow::Borrowed(bytes) => decode_with(bytes, opts.encoding, None),
            };
            // Plain text that was not asked for as such may be a transcript; a subtitle
            // extension on a file without cues is read as text.
            let format = match format {
                Format::Text if opts.format.is_none() => {
                    if transcript::is_vtt(&decoded.text) {
                        Format::Vtt
                    } else if transcript::is_srt(&decoded.text) {
                        Format::Srt
                    } else if transcript::is_labelled(&decoded.text, patterns) {
                        Format::Transcript
                    } else {
                        Format::Text
                    }
                }
                Format::Vtt | Format::Srt
                    if opts.format.is_none() && !transcript::has_cues(&decoded.text) =>
                {
                    Format::Text
                }
                f => f,
            };
            let (text, analysis, turns) = match format {
                Format::Markdown => {
                    let blanked = markdown::blank_markdown(&decoded.text);
                    (decoded.text, Some(blanked), Vec::new())
                }
                Format::Vtt | Format::Srt => {
                    let (text, turns) = transcript::subtitles(&decoded.text, patterns);
                    let tidy = transcript::tidy_speech(&text, patterns);
                    (text, Some(tidy), turns)
                }
                Format::Transcript => {
                    let (blanked, turns) = transcript::labelled(&decoded.text, patterns);
                    let tidy = transcript::tidy_speech(&blanked, patterns);
                    (decoded.text, Some(tidy), turns)
                }
                _ => (decoded.text, None, Vec::new()),
            };
            Document {
                name,
                text,
                analysis,
                encoding: decoded.encoding,
                format: format.name(),
                meta: None,
                turns,
            }
        }
    };
    Ok(Loaded::Doc(doc))
}
