//! The terminal format: a line of facts and the cited sentence with its trigger marked.
//!
//! With colour the trigger is highlighted; without it, it is put in brackets, so the output
//! stays readable in a pipe or a log file.

use std::io::{self, Write};

use anstyle::{AnsiColor, Effects, Style};

use super::{DocumentRecord, Records, Sink, Status, Summary, TaskRecord, What};
use crate::dictionary::Modality;

pub(super) struct TextSink<'w> {
    out: Box<dyn Write + 'w>,
    color: bool,
    what: What,
}

impl<'w> TextSink<'w> {
    pub(super) fn new(out: Box<dyn Write + 'w>, color: bool, what: What) -> Self {
        TextSink { out, color, what }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    fn modality_style(m: Modality) -> Style {
        let color = match m {
            Modality::Obligation => AnsiColor::Yellow,
            Modality::Prohibition => AnsiColor::Red,
            Modality::Recommendation => AnsiColor::Cyan,
            Modality::Commitment => AnsiColor::Green,
        };
        Style::new()
            .fg_color(Some(color.into()))
            .effects(Effects::BOLD)
    }

    /// The cited sentence on one line, with the trigger marked.
    fn sentence(&self, t: &TaskRecord) -> String {
        let s = &t.sentence;
        let chars: Vec<char> = s.text.chars().collect();
        let a = t.trigger.start.saturating_sub(s.start).min(chars.len());
        let b = t.trigger.end.saturating_sub(s.start).clamp(a, chars.len());
        // Runs of white space (line breaks included) become one space; the ends of the
        // pieces keep theirs, so "shall" stays a word of its own.
        let piece = |r: &[char]| {
            let mut out = String::new();
            for &c in r {
                if c.is_whitespace() {
                    if !out.ends_with(' ') {
                        out.push(' ');
                    }
                } else {
                    out.push(c);
                }
            }
            out
        };
        let trigger = piece(&chars[a..b]);
        let marked = if self.color {
            self.paint(
                Style::new()
                    .fg_color(Some(AnsiColor::Red.into()))
                    .effects(Effects::BOLD | Effects::UNDERLINE),
                &trigger,
            )
        } else {
            format!("[{trigger}]")
        };
        format!("{}{marked}{}", piece(&chars[..a]), piece(&chars[b..]))
            .trim()
            .to_string()
    }
}

impl Sink for TextSink<'_> {
    fn records(&mut self, records: &Records, _doc: &DocumentRecord) -> io::Result<()> {
        let path = Style::new().fg_color(Some(AnsiColor::Magenta.into()));
        let line_no = Style::new().fg_color(Some(AnsiColor::Green.into()));
        let dim = Style::new().effects(Effects::DIMMED);
        match records {
            Records::Tasks(tasks) => {
                for t in tasks {
                    let mut facts = vec![self.paint(
                        Self::modality_style(t.modality),
                        &format!("{} {}", t.modality, t.strength),
                    )];
                    if let Some(s) = &t.speaker {
                        facts.push(format!("speaker: {s}"));
                    }
                    if let Some(at) = t.sentence.time.as_ref().and_then(|x| x.start_text.as_ref()) {
                        facts.push(format!("at: {at}"));
                    }
                    facts.push(format!("actor: {}", t.actor.as_deref().unwrap_or("-")));
                    if let Some(d) = &t.deadline {
                        facts.push(match &d.due {
                            Some(due) => format!("deadline: {} ({due})", d.text),
                            None => format!("deadline: {}", d.text),
                        });
                    }
                    let head = format!(
                        "{}:{}:",
                        self.paint(path, &t.document),
                        self.paint(line_no, &t.sentence.line.to_string())
                    );
                    let sep = self.paint(dim, " | ");
                    let line = format!("{head} {}", facts.join(&sep));
                    writeln!(self.out, "{line}")?;
                    let sentence = self.sentence(t);
                    writeln!(self.out, "    {sentence}")?;
                }
            }
            Records::Sentences(sentences) => {
                for s in sentences {
                    let head = format!(
                        "{}:{}:",
                        self.paint(path, &s.document),
                        self.paint(line_no, &s.line.to_string())
                    );
                    writeln!(self.out, "{head} {}", s.text.replace('\n', " "))?;
                }
            }
        }
        Ok(())
    }

    fn document(&mut self, doc: &DocumentRecord) -> io::Result<()> {
        let path = Style::new().fg_color(Some(AnsiColor::Magenta.into()));
        match doc.status {
            Status::Ok => {
                if self.what == What::Tasks {
                    let tail = format!("{}: {} tasks", self.paint(path, &doc.document), doc.tasks);
                    writeln!(self.out, "{tail}")?;
                }
            }
            Status::Error => {
                let l = format!(
                    "{}: error: {}",
                    self.paint(path, &doc.document),
                    doc.error.as_deref().unwrap_or("")
                );
                writeln!(self.out, "{l}")?;
            }
            Status::Skipped => {
                let l = format!(
                    "{}: skipped: {}",
                    self.paint(path, &doc.document),
                    doc.reason.as_deref().unwrap_or("")
                );
                writeln!(self.out, "{l}")?;
            }
        }
        self.out.flush()
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if summary.inputs > 1 {
            writeln!(
                self.out,
                "{} inputs: {} ok, {} errors, {} skipped; {} tasks",
                summary.inputs, summary.ok, summary.errors, summary.skipped, summary.tasks
            )?;
        }
        self.out.flush()
    }
}
