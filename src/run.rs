//! Running the pipeline over many inputs: in parallel, in input order, nothing lost.
//!
//! Inputs are processed in windows of a few per thread with rayon, while the calling thread
//! cites and writes the previous window's results in input order. The output is therefore
//! the same bytes whatever the thread count, and memory holds three windows of results, not
//! the archive.
//! Every input ends in exactly one `document` record (ok, error or skipped), and the
//! `summary` counts them.

use std::io::{self, BufRead, Read};

use rayon::prelude::*;
use serde_json::{Map, Value};

use crate::document::Document;
use crate::error::Error;
use crate::extract::{Extraction, Extractor};
use crate::formats::Loaded;
use crate::input::{self, Input, Item, ReadOptions};
use crate::output::{failed_document, Citer, DocumentRecord, Records, Sink, Status, Summary, What};

/// How a run goes.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Worker threads (at least 1).
    pub jobs: usize,
    /// How inputs are read.
    pub read: ReadOptions,
    /// Tasks or sentences.
    pub what: What,
}

/// Told about every input, in order, as its records are written.
pub trait Progress {
    /// One input is done.
    fn finished(&mut self, doc: &DocumentRecord);
}

/// A [`Progress`] that does nothing.
#[derive(Debug, Default)]
pub struct Quiet;

impl Progress for Quiet {
    fn finished(&mut self, _: &DocumentRecord) {}
}

/// One input's output: what the pipeline found (its records are cited as they are written,
/// a batch at a time), and its `document` record.
struct Outcome {
    found: Option<(Document, Extraction)>,
    doc: DocumentRecord,
}

/// How many records are cited and written at a time.
const BATCH: usize = 1024;

/// Cites an outcome's records and writes them, a batch at a time, then its document record.
fn write(
    extractor: &Extractor,
    outcome: &Outcome,
    what: What,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    if let Some((document, ex)) = &outcome.found {
        let citer = Citer::new(document);
        match what {
            What::Tasks => {
                for batch in ex.tasks.chunks(BATCH) {
                    let records = batch.iter().map(|t| citer.task(ex, extractor, t)).collect();
                    sink.records(&Records::Tasks(records), &outcome.doc)?;
                }
            }
            What::Sentences => {
                let all: Vec<usize> = (0..ex.sentences.len()).collect();
                for batch in all.chunks(BATCH) {
                    let records = batch
                        .iter()
                        .map(|&i| citer.sentence_record(ex, i))
                        .collect();
                    sink.records(&Records::Sentences(records), &outcome.doc)?;
                }
            }
        }
    }
    sink.document(&outcome.doc)
}

/// Analyses one document and cites its records.
pub fn analyse(extractor: &Extractor, doc: &Document, what: What) -> (Records, DocumentRecord) {
    let ex = extractor.extract(doc);
    let citer = Citer::new(doc);
    let records = match what {
        What::Tasks => Records::Tasks(
            ex.tasks
                .iter()
                .map(|t| citer.task(&ex, extractor, t))
                .collect(),
        ),
        What::Sentences => Records::Sentences(
            (0..ex.sentences.len())
                .map(|i| citer.sentence_record(&ex, i))
                .collect(),
        ),
    };
    (records, citer.document(&ex, ex.tasks.len()))
}

fn process(extractor: &Extractor, item: &Item, opts: &RunOptions) -> Outcome {
    let fail = |name: &str, status, message: String| Outcome {
        found: None,
        doc: failed_document(name, status, message),
    };
    match item {
        Item::Failed { name, message } => fail(name, Status::Error, format!("{name}: {message}")),
        Item::Skipped { name, reason } => fail(name, Status::Skipped, reason.clone()),
        Item::Input(inp) => match input::read(inp, &opts.read) {
            Ok(Loaded::Doc(document)) => {
                let ex = extractor.extract(&document);
                let doc = Citer::new(&document).document(&ex, ex.tasks.len());
                Outcome {
                    found: Some((document, ex)),
                    doc,
                }
            }
            Ok(Loaded::Skipped(reason)) => fail(&inp.name(), Status::Skipped, reason),
            Err(e) => fail(&inp.name(), Status::Error, e.to_string()),
        },
    }
}

/// How many threads analyse `inputs` inputs when `jobs` are asked for. Threads work on
/// whole inputs, so more threads than inputs would only cost their start and their memory:
/// one input runs on the calling thread alone.
fn worker_threads(jobs: usize, inputs: usize) -> usize {
    jobs.clamp(1, inputs.max(1))
}

/// Runs `items` through `extractor` and writes every record to `sink`.
pub fn run(
    extractor: &Extractor,
    items: &[Item],
    opts: &RunOptions,
    sink: &mut dyn Sink,
    progress: &mut dyn Progress,
) -> io::Result<Summary> {
    let jobs = worker_threads(opts.jobs, items.len());
    let mut summary = Summary::new();
    let mut emit = |o: Outcome| -> io::Result<()> {
        summary.add(&o.doc);
        write(extractor, &o, opts.what, sink)?;
        progress.finished(&o.doc);
        Ok(())
    };
    if jobs == 1 {
        for item in items {
            emit(process(extractor, item, opts))?;
        }
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(io::Error::other)?;
        // Workers analyse a window of inputs while this thread cites and writes the window
        // before it, in input order; at most three windows are in memory (one being
        // analysed, one waiting, one being written).
        std::thread::scope(|scope| -> io::Result<()> {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(1);
            let pool = &pool;
            scope.spawn(move || {
                for window in items.chunks(jobs * 4) {
                    let outcomes: Vec<Outcome> = pool.install(|| {
                        window
                            .par_iter()
                            .map(|it| process(extractor, it, opts))
                            .collect()
                    });
                    if tx.send(outcomes).is_err() {
                        // The writer stopped (an output error): nothing more to do.
                        return;
                    }
                }
            });
            for o in rx.into_iter().flatten() {
                emit(o)?;
            }
            Ok(())
        })?;
    }
    sink.finish(&summary)?;
    Ok(summary)
}

/// Runs inputs whose every line is a document, `{"id":..., "text":..., ...}`: the other
/// fields are passed through as `meta`. Lines are handled one at a time, each line's records
/// written and flushed before the next is read, so the binary works as a streaming mapper.
pub fn run_jsonl(
    extractor: &Extractor,
    inputs: &[Input],
    opts: &RunOptions,
    sink: &mut dyn Sink,
    progress: &mut dyn Progress,
) -> io::Result<Summary> {
    let mut summary = Summary::new();
    let max = opts.read.load.max_bytes;
    for inp in inputs {
        let name = inp.name();
        let reader: Box<dyn Read> = match inp {
            Input::Stdin => Box::new(io::stdin().lock()),
            Input::Path(p) => match std::fs::File::open(p) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    let doc =
                        failed_document(&name, Status::Error, Error::io(&name, e).to_string());
                    summary.add(&doc);
                    progress.finished(&doc);
                    sink.document(&doc)?;
                    continue;
                }
            },
        };
        let mut reader = io::BufReader::new(reader);
        let mut line = Vec::new();
        let mut number = 0usize;
        loop {
            line.clear();
            let n = match reader.read_until(b'\n', &mut line) {
                Ok(n) => n,
                Err(e) => {
                    let doc =
                        failed_document(&name, Status::Error, Error::io(&name, e).to_string());
                    summary.add(&doc);
                    progress.finished(&doc);
                    sink.document(&doc)?;
                    break;
                }
            };
            if n == 0 {
                break;
            }
            number += 1;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let here = format!("{name}:{number}");
            let outcome = match jsonl_document(&line, &here, max) {
                Ok(document) => {
                    let ex = extractor.extract(&document);
                    let doc = Citer::new(&document).document(&ex, ex.tasks.len());
                    Outcome {
                        found: Some((document, ex)),
                        doc,
                    }
                }
                Err(message) => Outcome {
                    found: None,
                    doc: failed_document(&here, Status::Error, format!("{here}: {message}")),
                },
            };
            summary.add(&outcome.doc);
            write(extractor, &outcome, opts.what, sink)?;
            progress.finished(&outcome.doc);
        }
    }
    sink.finish(&summary)?;
    Ok(summary)
}

/// One JSONL line as a document: `text` is required, `id` names it (else `input:line`), the
/// other fields are kept as `meta`.
fn jsonl_document(line: &[u8], fallback: &str, max: u64) -> Result<Document, String> {
    if line.len() as u64 > max {
        return Err(format!(
            "line of {} bytes is over the limit of {max} bytes (--max-bytes)",
            line.len()
        ));
    }
    let value: Value =
        serde_json::from_slice(line).map_err(|e| format!("not a JSON object: {e}"))?;
    let Value::Object(mut fields) = value else {
        return Err("not a JSON object".into());
    };
    let text = match fields.remove("text") {
        Some(Value::String(t)) => t,
        Some(_) => return Err("\"text\" is not a string".into()),
        None => return Err("no \"text\" field".into()),
    };
    let name = match fields.remove("id") {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err("\"id\" is not a string or a number".into()),
        None => fallback.to_string(),
    };
    let mut doc = Document::from_text(name, text);
    doc.format = "jsonl";
    doc.meta = (!fields.is_empty()).then(|| fields.into_iter().collect::<Map<String, Value>>());
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_more_threads_than_inputs() {
        // One file on a many-core machine ran a pool of idle threads: 40 MiB and 22 ms to
        // start a 20 KB document instead of 30 MiB and 16 ms.
        assert_eq!(worker_threads(8, 1), 1);
        assert_eq!(worker_threads(8, 3), 3);
        assert_eq!(worker_threads(2, 1000), 2);
        assert_eq!(worker_threads(0, 5), 1);
        assert_eq!(worker_threads(4, 0), 1);
    }
}
