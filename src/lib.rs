//! `directives` reads official speeches, meeting readouts and government notices, in Chinese
//! and in English, and turns the directives in them into structured tasks, each citing the
//! sentence it came from.
//!
//! ```
//! use directives::{Document, Extractor};
//!
//! let extractor = Extractor::with_defaults().unwrap();
//! let doc = Document::from_text(
//!     "readout.txt",
//!     "会议强调，各地区各部门要在6月底前完成隐患排查整治。严禁瞒报谎报。",
//! );
//! let found = extractor.extract(&doc);
//! assert_eq!(found.tasks.len(), 2);
//! let first = &found.tasks[0];
//! assert_eq!(first.modality.name(), "obligation");
//! assert_eq!(first.actor.unwrap().of(&doc.text), "各地区各部门");
//! assert_eq!(first.speaker.as_deref(), Some("会议"));
//! assert_eq!(first.deadline.as_ref().unwrap().span.of(&doc.text), "6月底前");
//! assert_eq!(found.tasks[1].modality.name(), "prohibition");
//! ```
//!
//! # The pipeline
//!
//! One module per stage; each hands typed values (spans into the document, never copies) to
//! the next:
//!
//! 1. [`input`] expands paths and reads a file or stdin; [`formats`] tells text, Markdown,
//!    HTML, .docx, transcripts (WebVTT, SRT, labelled turns) and binaries apart, and
//!    [`decode`] turns bytes into text: a [`Document`], with a transcript's turns (who
//!    speaks, and when) as spans into it.
//! 2. [`segment`] splits the text into [`Sentence`]s (and clause-level units) with exact
//!    offsets, Chinese and English in one pass.
//! 3. [`view`] gives each sentence a normalized view (no stray spaces inside Chinese words,
//!    traditional characters read as simplified); [`trigger`] finds the dictionary's trigger
//!    and blocker phrases in it.
//! 4. [`check`] keeps the real triggers: Chinese word boundaries (jieba-rs), negation,
//!    epistemic "must have", conditionals, look-alikes.
//! 5. [`structure`] reads headings, sections and lead-ins, so that commands in a plan's task
//!    section or under "The Secretary shall:" count without a modal verb.
//! 6. [`speaker`], [`actor`] and [`deadline`] fill in who said it (in a transcript, the
//!    turn's label), who must act and by when.
//! 7. [`extract`] assembles [`Task`]s; [`output`] cites them as versioned JSON records.
//!
//! Stages 3 to 7 take the sentences in order, a block at a time, and look only backwards
//! (the open sections, the current speaker), so a document's analysis is never held whole.
//!
//! Every rule and word list lives in the [`dictionary`] files under `dictionaries/`,
//! embedded as defaults and extensible at run time; [`wordlist`] indexes a class of words
//! for the questions the stages ask of it.

#![warn(missing_docs)]

pub mod actor;
pub mod check;
pub mod dates;
pub mod deadline;
pub mod decode;
pub mod dictcheck;
pub mod dictionary;
pub mod document;
pub mod error;
pub mod eval;
pub mod explain;
pub mod extract;
pub mod formats;
#[doc(hidden)]
pub mod fuzz_targets;
pub mod input;
pub mod output;
pub mod regexes;
pub mod run;
pub mod segment;
pub mod speaker;
pub mod structure;
pub mod task;
pub mod trigger;
pub mod view;
pub mod wordlist;
pub mod words;

pub use dictionary::{Dictionary, Modality};
pub use document::{Document, Lang, Span};
pub use error::{Error, Result};
pub use extract::{Extraction, Extractor, ExtractorBuilder};
pub use segment::Sentence;
pub use task::Task;
