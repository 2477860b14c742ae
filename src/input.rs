//! Stage 1: read an input (a file or stdin) and turn it into a [`Document`].

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::decode::decode;
use crate::document::Document;
use crate::error::{display_path, Error, Result};
use crate::markup::blank_markdown;

/// Where a document comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input, named `-`.
    Stdin,
    /// A file, named as the user gave it.
    Path(PathBuf),
}

impl Input {
    /// `-` means stdin; anything else is a path.
    pub fn from_arg(arg: &std::ffi::OsStr) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }

    /// The name the output uses: the path as given, or `-`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::Path(p) => display_path(p),
        }
    }
}

/// How to read text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown: markup is blanked for analysis, offsets stay those of the file.
    Markdown,
}

impl Format {
    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
        }
    }

    /// The format a path's extension suggests.
    pub fn for_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            _ => Format::Text,
        }
    }
}

/// Options for reading inputs.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Inputs larger than this many bytes fail with [`Error::TooLarge`].
    pub max_bytes: u64,
    /// Force a format instead of choosing by extension.
    pub format: Option<Format>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: 64 << 20,
            format: None,
        }
    }
}

/// Reads and decodes one input.
pub fn read(input: &Input, opts: &ReadOptions) -> Result<Document> {
    let name = input.name();
    let bytes = match input {
        Input::Stdin => read_limited(std::io::stdin().lock(), &name, opts.max_bytes)?,
        Input::Path(p) => {
            let f = std::fs::File::open(p).map_err(|e| Error::io(&name, e))?;
            let meta = f.metadata().map_err(|e| Error::io(&name, e))?;
            if meta.is_dir() {
                return Err(Error::Decode {
                    path: name,
                    message: "is a directory".into(),
                });
            }
            if meta.len() > opts.max_bytes {
                return Err(Error::TooLarge {
                    path: name,
                    size: meta.len(),
                    limit: opts.max_bytes,
                });
            }
            read_limited(f, &name, opts.max_bytes)?
        }
    };
    let format = opts.format.unwrap_or(match input {
        Input::Stdin => Format::Text,
        Input::Path(p) => Format::for_path(p),
    });
    Ok(document_from_bytes(name, &bytes, format))
}

/// Builds a document from bytes already in memory.
pub fn document_from_bytes(name: String, bytes: &[u8], format: Format) -> Document {
    let decoded = decode(bytes);
    let analysis = match format {
        Format::Markdown => Some(blank_markdown(&decoded.text)),
        Format::Text => None,
    };
    Document {
        name,
        text: decoded.text,
        analysis,
        encoding: decoded.encoding,
        format: format.name(),
    }
}

fn read_limited(r: impl Read, name: &str, limit: u64) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    r.take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Error::io(name, e))?;
    if buf.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: name.to_string(),
            size: buf.len() as u64,
            limit,
        });
    }
    Ok(buf)
}
