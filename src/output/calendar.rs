//! iCalendar (RFC 5545): one VTODO a task, for calendar and to-do applications.
//!
//! `UID` is the task's UUID, so a re-import updates rather than duplicates. `DUE` is set when
//! the deadline is normalized. `DTSTAMP`, which the standard requires, is the document's own
//! date, or 1970-01-01 when it states none: the same input always gives the same bytes.
//! Lines end in CRLF and are folded at 75 octets, never inside a UTF-8 sequence.

use std::io::{self, Write};

use super::{
    csv::description, headline, source, DocumentRecord, Records, Sink, Summary, TaskRecord,
};

pub(super) struct IcsSink<'w> {
    out: Box<dyn Write + 'w>,
    started: bool,
}

impl<'w> IcsSink<'w> {
    pub(super) fn new(out: Box<dyn Write + 'w>) -> Self {
        IcsSink {
            out,
            started: false,
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            line(&mut self.out, "BEGIN:VCALENDAR")?;
            line(&mut self.out, "VERSION:2.0")?;
            line(
                &mut self.out,
                &format!(
                    "PRODID:-//directives//directives {}//EN",
                    env!("CARGO_PKG_VERSION")
                ),
            )?;
            line(&mut self.out, "CALSCALE:GREGORIAN")?;
        }
        Ok(())
    }
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded at 75 octets with CRLF and a space.
fn line(out: &mut dyn Write, content: &str) -> io::Result<()> {
    let mut width = 0;
    let mut buf = [0u8; 4];
    for c in content.chars() {
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        if width + bytes.len() > 75 {
            out.write_all(b"\r\n ")?;
            width = 1;
        }
        out.write_all(bytes)?;
        width += bytes.len();
    }
    out.write_all(b"\r\n")
}

fn vtodo(out: &mut dyn Write, t: &TaskRecord, doc_date: Option<&str>) -> io::Result<()> {
    let stamp = doc_date
        .filter(|d| d.len() == 10)
        .map_or_else(|| "19700101".to_string(), |d| d.replace('-', ""));
    line(out, "BEGIN:VTODO")?;
    line(out, &format!("UID:{}", t.uuid))?;
    line(out, &format!("DTSTAMP:{stamp}T000000Z"))?;
    line(out, &format!("SUMMARY:{}", escape(&headline(t, 200))))?;
    line(out, &format!("DESCRIPTION:{}", escape(&description(t))))?;
    if let Some(due) = t.deadline.as_ref().and_then(|d| d.due.as_deref()) {
        line(out, &format!("DUE;VALUE=DATE:{}", due.replace('-', "")))?;
    }
    line(out, "STATUS:NEEDS-ACTION")?;
    line(
        out,
        &format!(
            "PRIORITY:{}",
            match t.strength {
                3 => 1,
                2 => 5,
                _ => 9,
            }
        ),
    )?;
    line(
        out,
        &format!(
            "CATEGORIES:{},{}",
            escape(t.modality.name()),
            escape(t.lang.code())
        ),
    )?;
    line(out, &format!("X-DIRECTIVES-ID:{}", escape(&t.id)))?;
    if let Some(a) = &t.actor {
        line(out, &format!("X-DIRECTIVES-ACTOR:{}", escape(a)))?;
    }
    if let Some(s) = &t.speaker {
        line(out, &format!("X-DIRECTIVES-SPEAKER:{}", escape(s)))?;
    }
    line(out, &format!("X-DIRECTIVES-SOURCE:{}", escape(&source(t))))?;
    line(out, &format!("X-DIRECTIVES-RULE:{}", escape(&t.rule)))?;
    line(out, "END:VTODO")
}

impl Sink for IcsSink<'_> {
    fn records(&mut self, records: &Records, doc: &DocumentRecord) -> io::Result<()> {
        self.start()?;
        if let Records::Tasks(tasks) = records {
            for t in tasks {
                vtodo(&mut *self.out, t, doc.date.as_deref())?;
            }
        }
        Ok(())
    }

    fn document(&mut self, _doc: &DocumentRecord) -> io::Result<()> {
        self.start()?;
        self.out.flush()
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.start()?;
        line(&mut self.out, "END:VCALENDAR")?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_between_characters() {
        let mut out = Vec::new();
        line(&mut out, &format!("SUMMARY:{}", "要加强监管".repeat(10))).unwrap();
        let text = String::from_utf8(out).unwrap();
        for l in text.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{l}");
        }
        assert_eq!(
            text.replace("\r\n ", "").trim_end(),
            format!("SUMMARY:{}", "要加强监管".repeat(10))
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
