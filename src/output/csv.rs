//! CSV for tracker importers: one row a task, RFC 4180 quoting, a header row.
//!
//! The first columns are the ones Jira's and Linear's CSV importers map directly (Summary,
//! Description, Actor as an assignee-like field, Due Date in ISO form, Labels, Source, Id);
//! the rest carry the task's other fields. `--bom` starts the file with a byte-order mark so
//! spreadsheet programs read it as UTF-8.

use std::io::{self, Write};

use super::{headline, source, DocumentRecord, Records, Sink, Summary, TaskRecord};

pub(super) const HEADER: &[&str] = &[
    "Summary",
    "Description",
    "Actor",
    "Due Date",
    "Labels",
    "Source",
    "Id",
    "UUID",
    "Speaker",
    "Modality",
    "Strength",
    "Deadline",
    "Document",
    "Line",
    "Language",
    "Rule",
];

pub(super) struct CsvSink<'w> {
    /// The output until the header is written, then the CSV writer around it.
    out: Option<Box<dyn Write + 'w>>,
    csv: Option<csv::Writer<Box<dyn Write + 'w>>>,
    bom: bool,
}

impl<'w> CsvSink<'w> {
    pub(super) fn new(out: Box<dyn Write + 'w>, bom: bool) -> Self {
        CsvSink {
            out: Some(out),
            csv: None,
            bom,
        }
    }

    /// The CSV writer, with the byte-order mark and header written on first use.
    fn writer(&mut self) -> io::Result<&mut csv::Writer<Box<dyn Write + 'w>>> {
        if let Some(mut out) = self.out.take() {
            if self.bom {
                out.write_all("\u{feff}".as_bytes())?;
            }
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(out);
            w.write_record(HEADER)?;
            self.csv = Some(w);
        }
        Ok(self.csv.as_mut().expect("created above"))
    }
}

/// The description: the cited sentence and where it is.
pub(super) fn description(t: &TaskRecord) -> String {
    let mut d = format!(
        "“{}”\n\nSource: {} line {}, characters {}–{}",
        t.sentence.text.trim(),
        t.document,
        t.sentence.line,
        t.sentence.start,
        t.sentence.end
    );
    if let Some(s) = &t.speaker {
        d.push_str(&format!("\nSpeaker: {s}"));
    }
    if let Some(dl) = &t.deadline {
        d.push_str(&format!("\nDeadline: {}", dl.text));
    }
    d.push_str(&format!("\nTask id: {}", t.id));
    d
}

/// Labels: the modality, the strength and the language.
pub(super) fn labels(t: &TaskRecord) -> Vec<String> {
    vec![
        t.modality.name().to_string(),
        format!("strength-{}", t.strength),
        format!("lang-{}", t.lang.code()),
    ]
}

impl Sink for CsvSink<'_> {
    fn records(&mut self, records: &Records, _doc: &DocumentRecord) -> io::Result<()> {
        let csv = self.writer()?;
        if let Records::Tasks(tasks) = records {
            for t in tasks {
                let due = t
                    .deadline
                    .as_ref()
                    .and_then(|d| d.due.clone())
                    .unwrap_or_default();
                csv.write_record([
                    headline(t, 200),
                    description(t),
                    t.actor.clone().unwrap_or_default(),
                    due,
                    labels(t).join(","),
                    source(t),
                    t.id.clone(),
                    t.uuid.clone(),
                    t.speaker.clone().unwrap_or_default(),
                    t.modality.name().to_string(),
                    t.strength.to_string(),
                    t.deadline
                        .as_ref()
                        .map(|d| d.text.clone())
                        .unwrap_or_default(),
                    t.document.clone(),
                    t.sentence.line.to_string(),
                    t.lang.code().to_string(),
                    t.rule.clone(),
                ])?;
            }
        }
        Ok(())
    }

    fn document(&mut self, _doc: &DocumentRecord) -> io::Result<()> {
        self.writer()?.flush()
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.writer()?.flush()
    }
}
