//! Stage 1: which inputs a run has, and reading one into a [`Document`].
//!
//! Paths given on the command line are taken in order; a directory is walked recursively in
//! sorted order (so every run sees the same order), without honouring `.gitignore` unless
//! asked, and without following symbolic links unless asked. Every path found is an input and
//! gets a record: a file that cannot be walked to, a link not followed, a file that vanished
//! is reported, never silently dropped.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::document::Document;
use crate::error::{display_path, Error, Result};
use crate::formats::{self, LoadOptions, Loaded};

/// Where a document comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input, named `-`.
    Stdin,
    /// A file, named as the user gave it or as the walk found it.
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

/// One item of a run: an input to read, or a path the walk could not turn into one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// Read and analyse it.
    Input(Input),
    /// Report it as failed.
    Failed {
        /// The path.
        name: String,
        /// Why.
        message: String,
    },
    /// Report it as skipped.
    Skipped {
        /// The path.
        name: String,
        /// Why.
        reason: String,
    },
}

/// How directories are walked.
#[derive(Clone, Debug, Default)]
pub struct WalkOptions {
    /// Follow symbolic links (loops are detected and reported).
    pub follow_links: bool,
    /// Honour `.gitignore` files found in the walk.
    pub gitignore: bool,
    /// Include/exclude globs, `!` for exclude (ripgrep's `--glob` syntax), applied to files
    /// found in directories; paths named on the command line are always read.
    pub globs: Vec<String>,
}

/// Expands the inputs named on the command line into the items of a run.
pub fn expand(inputs: &[Input], walk: &WalkOptions) -> Result<Vec<Item>> {
    let mut out = Vec::new();
    for input in inputs {
        match input {
            Input::Path(p) if p.is_dir() => walk_dir(p, walk, &mut out)?,
            other => out.push(Item::Input(other.clone())),
        }
    }
    Ok(out)
}

fn walk_dir(dir: &Path, opts: &WalkOptions, out: &mut Vec<Item>) -> Result<()> {
    let mut b = ignore::WalkBuilder::new(dir);
    b.standard_filters(false)
        .git_ignore(opts.gitignore)
        .git_exclude(opts.gitignore)
        .require_git(false)
        .follow_links(opts.follow_links)
        .sort_by_file_path(|a, b| a.cmp(b));
    if !opts.globs.is_empty() {
        let mut o = ignore::overrides::OverrideBuilder::new(dir);
        for g in &opts.globs {
            o.add(g)
                .map_err(|e| Error::Config(format!("--glob {g:?}: {e}")))?;
        }
        b.overrides(
            o.build()
                .map_err(|e| Error::Config(format!("--glob: {e}")))?,
        );
    }
    for entry in b.build() {
        match entry {
            Ok(e) => {
                let Some(ft) = e.file_type() else { continue };
                if ft.is_file() {
                    out.push(Item::Input(Input::Path(e.into_path())));
                } else if ft.is_symlink() {
                    out.push(Item::Skipped {
                        name: display_path(e.path()),
                        reason: "symbolic link, not followed (use --follow)".into(),
                    });
                }
            }
            Err(e) => {
                let name =
                    walk_error_path(&e).map_or_else(|| display_path(dir), |p| display_path(&p));
                out.push(Item::Failed {
                    name,
                    message: walk_error_message(&e),
                });
            }
        }
    }
    Ok(())
}

fn walk_error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

fn walk_error_message(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_error_message(err),
        ignore::Error::Loop { ancestor, .. } => {
            format!("symbolic link loop back to {}", display_path(ancestor))
        }
        other => other.to_string(),
    }
}

/// The inputs listed in a file, one path a line (`--files-from`); blank lines are skipped.
pub fn files_from(path: &Path) -> Result<Vec<Input>> {
    let name = display_path(path);
    let text = if path == Path::new("-") {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Error::Config(format!("--files-from -: {e}")))?;
        s
    } else {
        std::fs::read_to_string(path)
            .map_err(|e| Error::Config(format!("--files-from {name}: {e}")))?
    };
    Ok(text
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .map(|l| Input::from_arg(l.as_ref()))
        .collect())
}

/// Options for reading inputs.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// How to turn bytes into a document.
    pub load: LoadOptions,
}

/// Reads one input: a document, or the reason it was skipped.
pub fn read(input: &Input, opts: &ReadOptions) -> Result<Loaded> {
    let name = input.name();
    let max = opts.load.max_bytes;
    let bytes = match input {
        Input::Stdin => read_limited(std::io::stdin().lock(), &name, max, 0)?,
        Input::Path(p) => {
            let f = std::fs::File::open(p).map_err(|e| Error::io(&name, e))?;
            let meta = f.metadata().map_err(|e| Error::io(&name, e))?;
            if meta.is_dir() {
                return Err(Error::Decode {
                    path: name,
                    message: "is a directory".into(),
                });
            }
            if meta.len() > max {
                return Err(Error::TooLarge {
                    path: name,
                    size: Some(meta.len()),
                    limit: max,
                });
            }
            read_limited(f, &name, max, meta.len())?
        }
    };
    let path = match input {
        Input::Path(p) => Some(p.as_path()),
        Input::Stdin => None,
    };
    formats::load_owned(name.clone(), bytes, path, &opts.load).map_err(|message| Error::Decode {
        path: name,
        message,
    })
}

/// Builds a document from bytes already in memory, read as `format`.
pub fn document_from_bytes(name: String, bytes: &[u8], format: formats::Format) -> Document {
    let opts = LoadOptions {
        format: Some(format),
        ..LoadOptions::default()
    };
    match formats::load(name.clone(), bytes, None, &opts) {
        Ok(Loaded::Doc(d)) => d,
        _ => Document::from_text(name, String::from_utf8_lossy(bytes).into_owned()),
    }
}

/// Reads at most `limit` bytes; `expected` (a file's size) sizes the buffer at once, so that
/// a large file is not read into a buffer that doubles as it fills.
fn read_limited(r: impl Read, name: &str, limit: u64, expected: u64) -> Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(usize::try_from(expected.min(limit)).unwrap_or(0));
    r.take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| Error::io(name, e))?;
    if buf.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: name.to_string(),
            size: None,
            limit,
        });
    }
    Ok(buf)
}
