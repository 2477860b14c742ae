//! JSON that Taskwarrior's `task import` takes: one task object a line.
//!
//! The task's `uuid` is the directive's stable id, so importing the same run twice adds
//! nothing (Taskwarrior skips a task it already has). `entry` is the document's own date when
//! it states one; `due` is the normalized deadline. The other fields travel as user-defined
//! attributes named `directives_*` (declare them in `.taskrc` as `uda.directives_actor.type=string`
//! to see them in reports; undeclared, Taskwarrior still keeps them).

use std::io::{self, Write};

use serde_json::{json, Map, Value};

use super::{headline, DocumentRecord, Records, Sink, Summary, TaskRecord};

pub(super) struct TaskwarriorSink<'w> {
    out: Box<dyn Write + 'w>,
}

impl<'w> TaskwarriorSink<'w> {
    pub(super) fn new(out: Box<dyn Write + 'w>) -> Self {
        TaskwarriorSink { out }
    }
}

/// A date `YYYY-MM-DD` in Taskwarrior's form, `YYYYMMDDT000000Z`.
fn tw_date(iso: &str) -> Option<String> {
    (iso.len() == 10).then(|| format!("{}T000000Z", iso.replace('-', "")))
}

/// The Taskwarrior object of one task.
pub(super) fn task(t: &TaskRecord, doc_date: Option<&str>) -> Value {
    let mut o = Map::new();
    o.insert("uuid".into(), json!(t.uuid));
    o.insert("description".into(), json!(headline(t, 200)));
    o.insert("status".into(), json!("pending"));
    let entry = doc_date.and_then(tw_date);
    if let Some(e) = &entry {
        o.insert("entry".into(), json!(e));
    }
    if let Some(due) = t
        .deadline
        .as_ref()
        .and_then(|d| d.due.as_deref())
        .and_then(tw_date)
    {
        o.insert("due".into(), json!(due));
    }
    o.insert(
        "tags".into(),
        json!([t.modality.name(), "directives", t.lang.code()]),
    );
    let mut note = Map::new();
    if let Some(e) = &entry {
        note.insert("entry".into(), json!(e));
    }
    note.insert(
        "description".into(),
        json!(format!(
            "“{}” ({} line {}, characters {}–{})",
            t.sentence
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            t.document,
            t.sentence.line,
            t.sentence.start,
            t.sentence.end
        )),
    );
    o.insert(
        "annotations".into(),
        Value::Array(vec![Value::Object(note)]),
    );
    let mut uda = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            o.insert(format!("directives_{k}"), json!(v));
        }
    };
    uda("id", Some(t.id.clone()));
    uda("actor", t.actor.clone());
    uda("action", Some(t.action.clone()));
    uda("speaker", t.speaker.clone());
    uda("modality", Some(t.modality.name().to_string()));
    uda("strength", Some(t.strength.to_string()));
    uda("deadline", t.deadline.as_ref().map(|d| d.text.clone()));
    uda("document", Some(t.document.clone()));
    uda("line", Some(t.sentence.line.to_string()));
    uda("rule", Some(t.rule.clone()));
    Value::Object(o)
}

impl Sink for TaskwarriorSink<'_> {
    fn records(&mut self, records: &Records, doc: &DocumentRecord) -> io::Result<()> {
        if let Records::Tasks(tasks) = records {
            for t in tasks {
                serde_json::to_writer(&mut *self.out, &task(t, doc.date.as_deref()))?;
                self.out.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    fn document(&mut self, _doc: &DocumentRecord) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.out.flush()
    }
}
