//! Output: the versioned records of the JSON contract, and writers for each format.
//!
//! The library never prints; a [`Sink`] writes to whatever `Write` the caller gives it.
//! Offsets in records are Unicode code points into the decoded text, end exclusive, so
//! Python's `text[start:end]` gives the cited words back; `line` is 1-based.

use std::io::{self, Write};

use schemars::JsonSchema;
use serde::Serialize;

use crate::dictionary::Modality;
use crate::document::{Document, Lang, Offsets, Span};
use crate::extract::{Extraction, Extractor};
use crate::task::Task;
use crate::view::{Variants, View};

mod calendar;
mod csv;
mod markdown;
pub mod schema;
mod taskwarrior;
mod text;

/// Declares a one-value enum that serializes as `name`, for the `type` field of a record.
macro_rules! record_type {
    ($ty:ident, $name:literal) => {
        #[doc = concat!("The `type` of a `", $name, "` record.")]
        #[derive(Clone, Copy, Debug, Default, Serialize, JsonSchema, PartialEq, Eq)]
        pub enum $ty {
            #[doc = concat!("Always `", $name, "`.")]
            #[default]
            #[serde(rename = $name)]
            Is,
        }
    };
}

record_type!(TaskType, "task");
record_type!(SentenceType, "sentence");
record_type!(DocumentType, "document");
record_type!(SummaryType, "summary");

/// The version of the record format. It changes only when a field changes meaning or
/// disappears; new fields may be added within a version.
pub const SCHEMA_VERSION: u32 = 1;

/// Words cited from the document.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Cited {
    /// The words exactly as in the document.
    pub text: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// When a sentence of a transcript was said: the start of its turn or cue, and the end
/// where the transcript gives one (subtitles do; speaker labels with a time do not).
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct SentenceTime {
    /// Seconds from the start of the recording.
    pub start: Option<f64>,
    /// Seconds from the start of the recording.
    pub end: Option<f64>,
    /// The start as written (`00:03:15`, `00:00:04.500`).
    pub start_text: Option<String>,
    /// The end as written.
    pub end_text: Option<String>,
}

/// A cited sentence.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct CitedSentence {
    /// The sentence exactly as in the document.
    pub text: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// 1-based line of its first character.
    pub line: usize,
    /// First byte (UTF-8 of the decoded text).
    pub byte_start: usize,
    /// One past the last byte.
    pub byte_end: usize,
    /// In a transcript with timestamps: when it was said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<SentenceTime>,
}

/// A cited deadline.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq, Eq)]
pub struct CitedDeadline {
    /// The time-limit words.
    pub text: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `by`, `within`, `from`, `immediate`, `recurring` or `period`.
    pub kind: String,
    /// The date it is due (YYYY-MM-DD), where the text fixes it; else null.
    pub due: Option<String>,
    /// The words in ISO 8601 (a date, an interval such as "2024-03-24/2024-04-08" or
    /// "2024-04-08/..", a repeating interval such as "R/P3M"), where the text fixes them.
    pub iso: Option<String>,
}

/// `{"type":"task", ...}`: one directive.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct TaskRecord {
    /// Always `task`.
    #[serde(rename = "type")]
    pub kind: TaskType,
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Stable id: 16 hex digits from the text, the sentence, the trigger and the rule.
    pub id: String,
    /// The same id as a UUID.
    pub uuid: String,
    /// The input as given (`-` for stdin).
    pub document: String,
    /// `zh` or `en`.
    pub lang: Lang,
    /// `obligation`, `prohibition`, `recommendation` or `commitment`.
    pub modality: Modality,
    /// 3 binding (must, 必须), 2 expected (should, 要), 1 advisory (encouraged, 鼓励).
    pub strength: u8,
    /// The dictionary entry or layout rule that found it.
    pub rule: String,
    /// The trigger words.
    pub trigger: Cited,
    /// The party bound to act, as written; null when the sentence names none.
    pub actor: Option<String>,
    /// What must be done.
    pub action: String,
    /// Who issued it; null when the text never says.
    pub speaker: Option<String>,
    /// The time limit; null when there is none.
    pub deadline: Option<CitedDeadline>,
    /// The sentence it is cited from.
    pub sentence: CitedSentence,
    /// Fields that came with the document (`--input-format jsonl`), passed through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `{"type":"sentence", ...}`: one sentence, from `directives segment`.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq)]
pub struct SentenceRecord {
    /// Always `sentence`.
    #[serde(rename = "type")]
    pub kind: SentenceType,
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The input as given.
    pub document: String,
    /// The sentence exactly as in the document.
    pub text: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    /// `zh` or `en`.
    pub lang: Lang,
    /// In a transcript with timestamps: when it was said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<SentenceTime>,
}

/// How an input ended.
#[derive(Clone, Copy, Debug, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Processed (zero tasks is fine).
    Ok,
    /// Could not be read or decoded.
    Error,
    /// Not text (binary, image, ...), deliberately left out.
    Skipped,
}

/// `{"type":"document", ...}`: one per input, after its tasks.
#[derive(Clone, Debug, Serialize, JsonSchema, PartialEq, Eq)]
pub struct DocumentRecord {
    /// Always `document`.
    #[serde(rename = "type")]
    pub kind: DocumentType,
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The input as given.
    pub document: String,
    /// ok, error or skipped.
    pub status: Status,
    /// Tasks found.
    pub tasks: usize,
    /// Sentences read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentences: Option<usize>,
    /// Main language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// The encoding used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// How the encoding was chosen: bom, declared, detected, forced, default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding_source: Option<&'static str>,
    /// True when undecodable bytes became U+FFFD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced: Option<bool>,
    /// The format read: text, markdown, html, docx or jsonl.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    /// What offsets refer to: `decoded` (the input's text) or `extracted` (the text taken
    /// out of an HTML page or a .docx).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offsets: Option<&'static str>,
    /// Code points of the decoded text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chars: Option<usize>,
    /// The date the document gives itself (YYYY-MM-DD, or YYYY when only the year is known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where that date was read: field, signature, dateline or title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_source: Option<&'static str>,
    /// Why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Why it was skipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Fields that came with the document (`--input-format jsonl`), passed through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `{"type":"summary", ...}`: last, once per run.
#[derive(Clone, Debug, Default, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Summary {
    /// Always `summary`.
    #[serde(rename = "type")]
    pub kind: SummaryType,
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Inputs seen: ok + errors + skipped.
    pub inputs: usize,
    /// Inputs processed.
    pub ok: usize,
    /// Inputs that failed.
    pub errors: usize,
    /// Inputs skipped.
    pub skipped: usize,
    /// Tasks found in all inputs.
    pub tasks: usize,
}

impl Summary {
    /// An empty summary.
    pub fn new() -> Self {
        Summary {
            kind: SummaryType::Is,
            schema_version: SCHEMA_VERSION,
            ..Summary::default()
        }
    }

    /// Counts one outcome.
    pub fn add(&mut self, doc: &DocumentRecord) {
        self.inputs += 1;
        self.tasks += doc.tasks;
        match doc.status {
            Status::Ok => self.ok += 1,
            Status::Error => self.errors += 1,
            Status::Skipped => self.skipped += 1,
        }
    }
}

/// Turns the pipeline's spans into cited records for one document.
pub struct Citer<'a> {
    doc: &'a Document,
    offsets: Offsets,
    plain: Variants,
}

impl<'a> Citer<'a> {
    /// Indexes `doc`.
    pub fn new(doc: &'a Document) -> Self {
        Citer {
            doc,
            offsets: Offsets::new(&doc.text),
            plain: Variants::default(),
        }
    }

    fn snap(&self, span: Span) -> Span {
        let t = &self.doc.text;
        let mut s = span.start.min(t.len());
        while !t.is_char_boundary(s) {
            s -= 1;
        }
        let mut e = span.end.clamp(s, t.len());
        while !t.is_char_boundary(e) {
            e += 1;
        }
        Span::new(s, e)
    }

    /// The document's name.
    pub fn document_name(&self) -> &str {
        &self.doc.name
    }

    /// The words of `span`, cited.
    pub fn cite(&self, span: Span) -> Cited {
        let span = self.snap(span);
        Cited {
            text: span.of(&self.doc.text).to_string(),
            start: self.offsets.char_at(&self.doc.text, span.start),
            end: self.offsets.char_at(&self.doc.text, span.end),
        }
    }

    /// A sentence, cited.
    pub fn sentence(&self, span: Span) -> CitedSentence {
        let span = self.snap(span);
        let c = self.cite(span);
        CitedSentence {
            text: c.text,
            start: c.start,
            end: c.end,
            line: self.offsets.line_at(&self.doc.text, span.start),
            byte_start: span.start,
            byte_end: span.end,
            time: self.time(span),
        }
    }

    /// When the words of `span` were said, from the turns or cues they are in.
    pub fn time(&self, span: Span) -> Option<SentenceTime> {
        let turns = self.doc.turns_in(span);
        let start = turns.first()?.start.as_ref();
        let end = turns.last()?.end.as_ref();
        if start.is_none() && end.is_none() {
            return None;
        }
        Some(SentenceTime {
            start: start.map(|s| s.seconds),
            end: end.map(|s| s.seconds),
            start_text: start.map(|s| s.written.clone()),
            end_text: end.map(|s| s.written.clone()),
        })
    }

    /// Words of `span` for reading: markup blanked, white space tidied.
    pub fn words(&self, span: Span) -> String {
        let span = self.snap(span);
        let analysed = self.doc.analysis_text();
        let mut span = span;
        while !analysed.is_char_boundary(span.start) {
            span.start += 1;
        }
        while !analysed.is_char_boundary(span.end) {
            span.end -= 1;
        }
        if span.is_empty() {
            return String::new();
        }
        View::new(span.of(analysed), 0, &self.plain)
            .text
            .trim()
            .to_string()
    }

    /// The record of one task.
    pub fn task(&self, ex: &Extraction, extractor: &Extractor, task: &Task) -> TaskRecord {
        let sentence = ex.sentences[task.sentence].span;
        TaskRecord {
            kind: TaskType::Is,
            schema_version: SCHEMA_VERSION,
            id: task.id.short(),
            uuid: task.id.uuid(),
            document: self.doc.name.clone(),
            lang: task.lang,
            modality: task.modality,
            strength: task.strength,
            rule: extractor.rule_id(task),
            trigger: self.cite(task.trigger),
            actor: task.actor.map(|a| self.words(a)).filter(|a| !a.is_empty()),
            action: self.words(task.action),
            speaker: task.speaker.as_deref().map(str::to_string),
            deadline: task.deadline.as_ref().map(|d| {
                let c = self.cite(d.span);
                CitedDeadline {
                    text: c.text,
                    start: c.start,
                    end: c.end,
                    kind: d.kind.clone(),
                    due: d.normalized.due.map(|d| d.to_string()),
                    iso: d.normalized.iso.clone(),
                }
            }),
            sentence: self.sentence(sentence),
            meta: self.doc.meta.clone(),
        }
    }

    /// The record of one sentence.
    pub fn sentence_record(&self, ex: &Extraction, i: usize) -> SentenceRecord {
        let c = self.sentence(ex.sentences[i].span);
        SentenceRecord {
            kind: SentenceType::Is,
            schema_version: SCHEMA_VERSION,
            document: self.doc.name.clone(),
            text: c.text,
            start: c.start,
            end: c.end,
            line: c.line,
            lang: ex.langs[i],
            time: c.time,
        }
    }

    /// The `document` record of a processed input.
    pub fn document(&self, ex: &Extraction, tasks: usize) -> DocumentRecord {
        DocumentRecord {
            kind: DocumentType::Is,
            schema_version: SCHEMA_VERSION,
            document: self.doc.name.clone(),
            status: Status::Ok,
            tasks,
            sentences: Some(ex.sentences.len()),
            lang: ex.lang(),
            encoding: Some(self.doc.encoding.name.clone()),
            encoding_source: Some(self.doc.encoding.chosen_by),
            replaced: Some(self.doc.encoding.replaced),
            format: Some(self.doc.format),
            offsets: Some(
                if matches!(self.doc.format, "html" | "docx" | "vtt" | "srt") {
                    "extracted"
                } else {
                    "decoded"
                },
            ),
            chars: Some(self.offsets.char_at(&self.doc.text, self.doc.text.len())),
            date: ex
                .date
                .map(|a| a.date.map_or(format!("{:04}", a.year), |d| d.to_string())),
            date_source: ex.date.map(|a| a.source.name()),
            error: None,
            reason: None,
            meta: self.doc.meta.clone(),
        }
    }
}

/// The `document` record of an input that failed or was skipped.
pub fn failed_document(name: &str, status: Status, message: String) -> DocumentRecord {
    let (error, reason) = match status {
        Status::Skipped => (None, Some(message)),
        _ => (Some(message), None),
    };
    DocumentRecord {
        kind: DocumentType::Is,
        schema_version: SCHEMA_VERSION,
        document: name.to_string(),
        status,
        tasks: 0,
        sentences: None,
        lang: None,
        encoding: None,
        encoding_source: None,
        replaced: None,
        format: None,
        offsets: None,
        chars: None,
        date: None,
        date_source: None,
        error,
        reason,
        meta: None,
    }
}

/// What a run outputs per document: its task or sentence records, then its document record.
#[derive(Clone, Debug)]
pub enum Records {
    /// From `extract`.
    Tasks(Vec<TaskRecord>),
    /// From `segment`.
    Sentences(Vec<SentenceRecord>),
}

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON record a line.
    Jsonl,
    /// One JSON value for the whole run.
    Json,
    /// Lines for people at a terminal.
    Text,
    /// CSV for tracker importers (Jira, Linear): one row a task.
    Csv,
    /// JSON that Taskwarrior's `task import` takes.
    Taskwarrior,
    /// An iCalendar file with one VTODO a task.
    Ics,
    /// A report for people to read.
    Markdown,
}

impl Format {
    /// True for formats that only make sense for tasks, not for `segment`'s sentences.
    pub fn tasks_only(self) -> bool {
        matches!(
            self,
            Format::Csv | Format::Taskwarrior | Format::Ics | Format::Markdown
        )
    }
}

/// Choices that shape a format's output.
#[derive(Clone, Copy, Debug, Default)]
pub struct SinkOptions {
    /// Colour the terminal format.
    pub color: bool,
    /// Start CSV with a byte-order mark, for spreadsheet programs.
    pub bom: bool,
}

/// What a task asks, for people: the action, and for a prohibition the ban with it
/// ("must not leave their posts", "严禁在未经审批的情况下动火作业").
pub fn asked(t: &TaskRecord) -> String {
    let what = if t.action.is_empty() {
        t.sentence.text.trim()
    } else {
        t.action.as_str()
    };
    if t.modality == Modality::Prohibition && !what.contains(t.trigger.text.as_str()) {
        let sep = if t.lang == Lang::En { " " } else { "" };
        format!("{}{sep}{what}", t.trigger.text)
    } else {
        what.to_string()
    }
}

/// A one-line summary of a task for trackers: "actor: action", cut to `max` characters.
pub fn headline(t: &TaskRecord, max: usize) -> String {
    let what = asked(t);
    // "The Department shall ...", "No agency shall approve ...": the text may open with its
    // actor already, or with a trigger that holds it.
    let opens_with = |a: &str| {
        what.starts_with(a)
            || (t.trigger.text.contains(a) && what.starts_with(t.trigger.text.as_str()))
    };
    let line = match &t.actor {
        Some(a) if !opens_with(a) => format!("{a}: {what}"),
        _ => what.to_string(),
    };
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        line
    } else {
        let mut cut: String = line.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Where a task comes from, for people: "notice.txt:12".
pub fn source(t: &TaskRecord) -> String {
    match t
        .sentence
        .time
        .as_ref()
        .and_then(|x| x.start_text.as_deref())
    {
        Some(at) => format!("{}:{} at {at}", t.document, t.sentence.line),
        None => format!("{}:{}", t.document, t.sentence.line),
    }
}

/// Writes records as they come, in one format.
///
/// For each input, `records` is called zero or more times with its records in order (a
/// large input comes in several batches, so that no run holds all its records at once),
/// then `document` once.
pub trait Sink {
    /// Some of one input's records; `doc` is the input's `document` record, for fields
    /// such as its date.
    fn records(&mut self, records: &Records, doc: &DocumentRecord) -> io::Result<()>;
    /// The end of one input.
    fn document(&mut self, doc: &DocumentRecord) -> io::Result<()>;
    /// The end of the run.
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// What a run emits per document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    /// Task records (`extract`).
    Tasks,
    /// Sentence records (`segment`).
    Sentences,
}

/// A sink for `format` writing to `out`.
pub fn sink<'w>(
    format: Format,
    what: What,
    out: Box<dyn Write + 'w>,
    opts: SinkOptions,
) -> Box<dyn Sink + 'w> {
    match format {
        Format::Jsonl => Box::new(JsonlSink { out }),
        Format::Json => Box::new(JsonSink {
            out,
            what,
            tasks: Vec::new(),
            sentences: Vec::new(),
            documents: Vec::new(),
        }),
        Format::Text => Box::new(text::TextSink::new(out, opts.color, what)),
        Format::Csv => Box::new(csv::CsvSink::new(out, opts.bom)),
        Format::Taskwarrior => Box::new(taskwarrior::TaskwarriorSink::new(out)),
        Format::Ics => Box::new(calendar::IcsSink::new(out)),
        Format::Markdown => Box::new(markdown::MarkdownSink::new(out)),
    }
}

struct JsonlSink<'w> {
    out: Box<dyn Write + 'w>,
}

fn line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

impl Sink for JsonlSink<'_> {
    fn records(&mut self, records: &Records, _doc: &DocumentRecord) -> io::Result<()> {
        match records {
            Records::Tasks(t) => t.iter().try_for_each(|r| line(&mut *self.out, r)),
            Records::Sentences(s) => s.iter().try_for_each(|r| line(&mut *self.out, r)),
        }
    }

    fn document(&mut self, doc: &DocumentRecord) -> io::Result<()> {
        line(&mut *self.out, doc)?;
        self.out.flush()
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        line(&mut *self.out, summary)?;
        self.out.flush()
    }
}

struct JsonSink<'w> {
    out: Box<dyn Write + 'w>,
    what: What,
    tasks: Vec<TaskRecord>,
    sentences: Vec<SentenceRecord>,
    documents: Vec<DocumentRecord>,
}

#[derive(Serialize)]
struct JsonRun<'a> {
    schema_version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    tasks: Option<&'a [TaskRecord]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<&'a [SentenceRecord]>,
    documents: &'a [DocumentRecord],
    summary: &'a Summary,
}

impl Sink for JsonSink<'_> {
    fn records(&mut self, records: &Records, _doc: &DocumentRecord) -> io::Result<()> {
        match records {
            Records::Tasks(t) => self.tasks.extend(t.iter().cloned()),
            Records::Sentences(s) => self.sentences.extend(s.iter().cloned()),
        }
        Ok(())
    }

    fn document(&mut self, doc: &DocumentRecord) -> io::Result<()> {
        self.documents.push(doc.clone());
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        let run = JsonRun {
            schema_version: SCHEMA_VERSION,
            tasks: (self.what == What::Tasks).then_some(&self.tasks[..]),
            sentences: (self.what == What::Sentences).then_some(&self.sentences[..]),
            documents: &self.documents,
            summary,
        };
        serde_json::to_writer_pretty(&mut *self.out, &run)?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}
