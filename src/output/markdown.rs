//! A Markdown report for people: per document, tasks grouped by speaker, each a checkbox
//! line with actor, action and deadline and the cited sentence as a quote with its line;
//! at the end, counts by modality and by actor.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{asked, DocumentRecord, Records, Sink, Status, Summary, TaskRecord};

pub(super) struct MarkdownSink<'w> {
    out: Box<dyn Write + 'w>,
    started: bool,
    by_modality: BTreeMap<&'static str, usize>,
    by_actor: BTreeMap<String, usize>,
    problems: Vec<String>,
    /// The tasks of the input being read: a section groups them by speaker.
    pending: Vec<TaskRecord>,
}

impl<'w> MarkdownSink<'w> {
    pub(super) fn new(out: Box<dyn Write + 'w>) -> Self {
        MarkdownSink {
            out,
            started: false,
            by_modality: BTreeMap::new(),
            by_actor: BTreeMap::new(),
            problems: Vec::new(),
            pending: Vec::new(),
        }
    }
}

/// Escapes Markdown's inline syntax.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn item(t: &TaskRecord) -> String {
    let mut line = String::from("- [ ] ");
    if let Some(a) = &t.actor {
        line.push_str(&format!("**{}** — ", md(a)));
    }
    line.push_str(&md(&asked(t)));
    let mut facts = vec![format!("{} {}", t.modality, t.strength)];
    if let Some(d) = &t.deadline {
        facts.push(match &d.due {
            Some(due) => format!("by {due} ({})", md(&d.text)),
            None => format!("deadline: {}", md(&d.text)),
        });
    }
    line.push_str(&format!(
        " *({})*\n  > {} (line {})\n",
        facts.join("; "),
        md(&t.sentence.text),
        t.sentence.line
    ));
    line
}

impl Sink for MarkdownSink<'_> {
    fn records(&mut self, records: &Records, _doc: &DocumentRecord) -> io::Result<()> {
        if let Records::Tasks(tasks) = records {
            self.pending.extend(tasks.iter().cloned());
        }
        Ok(())
    }

    fn document(&mut self, doc: &DocumentRecord) -> io::Result<()> {
        let tasks = std::mem::take(&mut self.pending);
        if !self.started {
            self.started = true;
            writeln!(self.out, "# Directives\n")?;
        }
        match doc.status {
            Status::Ok => {}
            Status::Error => {
                self.problems.push(format!(
                    "- {}: error: {}",
                    md(&doc.document),
                    md(doc.error.as_deref().unwrap_or(""))
                ));
                return Ok(());
            }
            Status::Skipped => {
                self.problems.push(format!(
                    "- {}: skipped: {}",
                    md(&doc.document),
                    md(doc.reason.as_deref().unwrap_or(""))
                ));
                return Ok(());
            }
        }
        writeln!(self.out, "## {}\n", md(&doc.document))?;
        let mut facts = vec![format!("{} tasks", doc.tasks)];
        if let Some(d) = &doc.date {
            facts.push(format!("dated {d}"));
        }
        if let Some(e) = &doc.encoding {
            facts.push(e.clone());
        }
        writeln!(self.out, "*{}*\n", facts.join(" · "))?;
        // Speakers in order of first appearance.
        let mut speakers: Vec<Option<&str>> = Vec::new();
        for t in &tasks {
            if !speakers.contains(&t.speaker.as_deref()) {
                speakers.push(t.speaker.as_deref());
            }
        }
        for sp in speakers {
            writeln!(
                self.out,
                "### {}\n",
                sp.map_or_else(|| "(no speaker named)".to_string(), md)
            )?;
            for t in tasks.iter().filter(|t| t.speaker.as_deref() == sp) {
                write!(self.out, "{}", item(t))?;
                *self.by_modality.entry(t.modality.name()).or_default() += 1;
                *self
                    .by_actor
                    .entry(t.actor.clone().unwrap_or_else(|| "(none written)".into()))
                    .or_default() += 1;
            }
            writeln!(self.out)?;
        }
        self.out.flush()
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if !self.started {
            writeln!(self.out, "# Directives\n")?;
        }
        writeln!(self.out, "## Summary\n")?;
        writeln!(
            self.out,
            "{} inputs: {} ok, {} errors, {} skipped; {} tasks.\n",
            summary.inputs, summary.ok, summary.errors, summary.skipped, summary.tasks
        )?;
        writeln!(self.out, "| modality | tasks |\n|---|---:|")?;
        for (m, n) in &self.by_modality {
            writeln!(self.out, "| {m} | {n} |")?;
        }
        let mut actors: Vec<(&String, &usize)> = self.by_actor.iter().collect();
        actors.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        writeln!(self.out, "\n| actor | tasks |\n|---|---:|")?;
        for (a, n) in actors {
            writeln!(self.out, "| {} | {n} |", md(a))?;
        }
        if !self.problems.is_empty() {
            writeln!(self.out, "\n### Inputs not read\n")?;
            for p in &self.problems {
                writeln!(self.out, "{p}")?;
            }
        }
        self.out.flush()
    }
}
