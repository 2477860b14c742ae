//! The library's one error type.
//!
//! Errors fall in two families, and the CLI maps them to exit codes:
//! a document that cannot be read or decoded fails on its own (the run goes on, exit 1);
//! a dictionary or configuration error stops the run before any input is read (exit 2).

use std::fmt;
use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading an input failed (missing file, permission, a read error).
    #[error("{path}: {source}")]
    Io {
        /// The input as the user named it.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// An input could not be decoded as text.
    #[error("{path}: {message}")]
    Decode {
        /// The input as the user named it.
        path: String,
        /// What was wrong.
        message: String,
    },
    /// An input is larger than the configured limit.
    #[error("{path}: {}", too_large(*.size, *.limit))]
    TooLarge {
        /// The input as the user named it.
        path: String,
        /// Its size in bytes, when known before reading (a stream's is not).
        size: Option<u64>,
        /// The limit in bytes.
        limit: u64,
    },
    /// A dictionary file has a bad header, row or pattern.
    #[error("{}", .0)]
    Dictionary(DictError),
    /// The configuration is inconsistent (bad option values and the like).
    #[error("{0}")]
    Config(String),
}

impl Error {
    /// True when the error concerns one input only: the run should report it and go on.
    pub fn is_per_document(&self) -> bool {
        matches!(
            self,
            Error::Io { .. } | Error::Decode { .. } | Error::TooLarge { .. }
        )
    }

    /// Wraps an I/O error with the input's name.
    pub fn io(path: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// A dictionary problem, located by file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictError {
    /// The file (or the name given to an in-memory dictionary).
    pub file: String,
    /// The 1-based line, when the problem is on one line.
    pub line: Option<u32>,
    /// What is wrong.
    pub message: String,
}

impl DictError {
    pub(crate) fn new(file: &str, line: Option<u32>, message: impl Into<String>) -> Self {
        DictError {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl From<DictError> for Error {
    fn from(e: DictError) -> Self {
        Error::Dictionary(e)
    }
}

fn too_large(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(n) => format!("{n} bytes, over the limit of {limit} bytes (--max-bytes)"),
        None => format!("more than the limit of {limit} bytes (--max-bytes)"),
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Keeps path formatting in one place: the path as the user typed it, lossy for non-UTF-8.
pub(crate) fn display_path(path: &std::path::Path) -> String {
    PathBuf::from(path).to_string_lossy().into_owned()
}
