//! `directives explain`: why each sentence was or was not taken.
//!
//! For each sentence shown: its layout (section mode, heading, list marker, lead-in), every
//! phrase the dictionaries found in it with the entry's file and line and the check that kept
//! or dropped it, and for each task how its actor, speaker and deadline were chosen.

use std::io::{self, Write};

use serde_json::{json, Value};

use crate::check::Reason;
use crate::dictionary::Dictionary;
use crate::document::{Document, Offsets};
use crate::extract::{Extraction, Extractor, Hit};
use crate::output::Citer;
use crate::task::{Rule, Task};
use crate::trigger::Entry;

/// Which sentences to explain.
#[derive(Clone, Debug, Default)]
pub enum Filter {
    /// Every sentence with a candidate phrase or a task.
    #[default]
    Interesting,
    /// The sentences on a line (1-based), whatever they hold.
    Line(usize),
    /// The sentences containing a text, whatever they hold.
    Grep(String),
}

/// One entry, for people: `zh/triggers/要 (builtin:zh/triggers.tsv:21)`.
fn entry_name(dict: &Dictionary, entry: Entry) -> (String, String) {
    match entry {
        Entry::Trigger(i) => {
            let t = &dict.triggers[i];
            (
                format!("{}/triggers/{}", t.lang.code(), t.id),
                t.origin.to_string(),
            )
        }
        Entry::Blocker(i) => {
            let b = &dict.blockers[i];
            (
                format!("{}/blockers/{}", b.lang.code(), b.id),
                b.origin.to_string(),
            )
        }
    }
}

fn reason_text(dict: &Dictionary, r: &Reason) -> String {
    match r {
        Reason::InsideWord => {
            "dropped: inside a word (jieba segments it as part of a longer word)".into()
        }
        Reason::Blocked { blocker, effect } => {
            let b = &dict.blockers[*blocker];
            format!(
                "dropped: blocked ({}) by {}/blockers/{} ({})",
                effect.name(),
                b.lang.code(),
                b.id,
                b.origin
            )
        }
        Reason::NotAtStart => "dropped: the entry counts only where it opens the sentence".into(),
        Reason::Background => {
            "dropped: in a background section this word reports what was done".into()
        }
    }
}

/// The explanation of one document, as JSON values, one per sentence shown.
pub fn explain(extractor: &Extractor, doc: &Document, filter: &Filter) -> Vec<Value> {
    let ex = extractor.extract(doc);
    let dict = extractor.dictionary();
    let citer = Citer::new(doc);
    let offsets = Offsets::new(&doc.text);
    let line_of = |i: usize| offsets.line_at(&doc.text, ex.sentences[i].span.start);
    let mut out = Vec::new();
    for (i, s) in ex.sentences.iter().enumerate() {
        let hits: Vec<&Hit> = ex.hits.iter().filter(|h| h.sentence == i).collect();
        let tasks: Vec<&Task> = ex.tasks.iter().filter(|t| t.sentence == i).collect();
        let wanted = match filter {
            Filter::Interesting => !hits.is_empty() || !tasks.is_empty(),
            Filter::Line(n) => {
                let first = line_of(i);
                let last = offsets.line_at(&doc.text, s.span.end);
                (first..=last).contains(n)
            }
            Filter::Grep(g) => s.span.of(&doc.text).contains(g.as_str()),
        };
        if !wanted {
            continue;
        }
        out.push(sentence(
            extractor, dict, &ex, &citer, i, &hits, &tasks, &line_of,
        ));
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn sentence(
    extractor: &Extractor,
    dict: &Dictionary,
    ex: &Extraction,
    citer: &Citer<'_>,
    i: usize,
    hits: &[&Hit],
    tasks: &[&Task],
    line_of: &dyn Fn(usize) -> usize,
) -> Value {
    let place = &ex.places[i];
    let layout = json!({
        "mode": place.mode,
        "heading": place.heading,
        "section_title": place.section_title,
        "marker": place.marker.map(|(style, span)| json!({"style": dict.markers[style].style, "text": citer.cite(span).text})),
        "lead_in_line": place.governed_by.map(line_of),
    });
    let hits: Vec<Value> = hits
        .iter()
        .map(|h| {
            let (name, origin) = entry_name(dict, h.entry);
            let c = citer.cite(h.span);
            json!({
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "entry": name,
                "origin": origin,
                "kind": if matches!(h.entry, Entry::Trigger(_)) { "trigger" } else { "blocker" },
                "outcome": h.dropped.as_ref().map_or_else(|| "kept".to_string(), |r| reason_text(dict, r)),
            })
        })
        .collect();
    let speaker = ex.speakers.speaker(i).map(|sp| match sp.rule {
        Some(r) => {
            let rule = &dict.speakers[r];
            json!({
                "name": &*sp.name,
                "named_at_line": line_of(sp.sentence),
                "role": rule.role,
                "rule": format!("{}/speakers/{}", rule.lang.code(), rule.id),
                "origin": rule.origin.to_string(),
            })
        }
        None => json!({
            "name": &*sp.name,
            "named_at_line": line_of(sp.sentence),
            "role": "label",
            "rule": "transcript label",
            "origin": "the transcript",
        }),
    });
    let tasks: Vec<Value> = tasks
        .iter()
        .map(|t| {
            let record = citer.task(ex, extractor, t);
            let why = match &t.rule {
                Rule::Trigger(k) => format!("dictionary trigger ({})", dict.triggers[*k].origin),
                Rule::Implied { via: "section" } => format!("a command verb in a {} section", ex.places[t.sentence].mode.name()),
                Rule::Implied { via: "clause" } => "a command verb opening a clause that goes on with the directive before its semicolon".to_string(),
                Rule::Implied { via: "sentence" } => "a command verb opening a sentence that goes on with the directive before it".to_string(),
                Rule::Implied { via } => format!("a command verb opening an item under the {via} at line {}", ex.places[t.sentence].governed_by.map_or(0, line_of)),
            };
            let deadline = t.deadline.as_ref().map(|d| {
                let rule = &dict.deadlines[d.rule];
                json!({
                    "text": citer.cite(d.span).text,
                    "kind": d.kind,
                    "origin": rule.origin.to_string(),
                    "due": d.normalized.due.map(|x| x.to_string()),
                    "iso": d.normalized.iso,
                    "normalized_against": ex.date.map(|a| json!({"date": a.date.map(|x| x.to_string()), "year": a.year, "source": a.source.name()})),
                })
            });
            json!({
                "id": record.id,
                "modality": record.modality,
                "strength": record.strength,
                "trigger": record.trigger,
                "rule": record.rule,
                "why": why,
                "actor": record.actor,
                "actor_how": t.actor_how,
                "action": record.action,
                "deadline": deadline,
            })
        })
        .collect();
    let s = citer.sentence(ex.sentences[i].span);
    json!({
        "document": citer.document_name(),
        "sentence": s,
        "lang": ex.langs[i],
        "layout": layout,
        "hits": hits,
        "speaker": speaker,
        "tasks": tasks,
    })
}

/// Writes explanations for people.
pub fn write_text(out: &mut dyn Write, explanations: &[Value]) -> io::Result<()> {
    for e in explanations {
        let s = &e["sentence"];
        writeln!(
            out,
            "{}:{}: {}",
            e["document"].as_str().unwrap_or(""),
            s["line"],
            s["text"]
                .as_str()
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        )?;
        let l = &e["layout"];
        let mut layout = vec![format!("{} section", l["mode"].as_str().unwrap_or("plain"))];
        if l["section_title"] == true {
            layout.push("a bare section title".into());
        } else if l["heading"] == true {
            layout.push("a heading".into());
        }
        if let Some(m) = l["marker"].as_object() {
            layout.push(format!(
                "marker {} ({})",
                m["text"].as_str().unwrap_or(""),
                m["style"].as_str().unwrap_or("")
            ));
        }
        if let Some(n) = l["lead_in_line"].as_u64() {
            layout.push(format!("under the lead-in at line {n}"));
        }
        writeln!(out, "  layout    {}", layout.join("; "))?;
        match e["speaker"].as_object() {
            Some(sp) => writeln!(
                out,
                "  speaker   {} (named at line {} by {}, {})",
                sp["name"].as_str().unwrap_or(""),
                sp["named_at_line"],
                sp["rule"].as_str().unwrap_or(""),
                sp["origin"].as_str().unwrap_or("")
            )?,
            None => writeln!(out, "  speaker   none named")?,
        }
        for h in e["hits"].as_array().into_iter().flatten() {
            writeln!(
                out,
                "  {:<9} {}  {} ({})  {}",
                h["kind"].as_str().unwrap_or(""),
                h["text"].as_str().unwrap_or(""),
                h["entry"].as_str().unwrap_or(""),
                h["origin"].as_str().unwrap_or(""),
                h["outcome"].as_str().unwrap_or("")
            )?;
        }
        let tasks = e["tasks"].as_array().cloned().unwrap_or_default();
        if tasks.is_empty() {
            writeln!(
                out,
                "  no task   {}",
                if e["hits"].as_array().into_iter().flatten().any(|h| {
                    h["kind"].as_str() == Some("trigger") && h["outcome"].as_str() == Some("kept")
                }) {
                    // The sentence as a whole gives none: a document's title ("关于……的通知"),
                    // a notice's purpose before its lead line ("为……。现就……通知如下。").
                    "its kept triggers give none: it titles the document, or states a notice's purpose before the notice's lead line"
                } else if e["hits"].as_array().is_some_and(|h| !h.is_empty()) {
                    "every trigger was dropped"
                } else {
                    "no trigger, and the layout implies none"
                }
            )?;
        }
        for t in tasks {
            writeln!(
                out,
                "  task      {} {}, trigger {}: {}",
                t["modality"].as_str().unwrap_or(""),
                t["strength"],
                t["trigger"]["text"].as_str().unwrap_or(""),
                t["why"].as_str().unwrap_or("")
            )?;
            writeln!(
                out,
                "    actor     {} ({})",
                t["actor"].as_str().unwrap_or("-"),
                t["actor_how"].as_str().unwrap_or("")
            )?;
            writeln!(out, "    action    {}", t["action"].as_str().unwrap_or(""))?;
            match t["deadline"].as_object() {
                Some(d) => {
                    let norm = match (d["due"].as_str(), d["iso"].as_str()) {
                        (Some(due), _) => format!("due {due}"),
                        (None, Some(iso)) => iso.to_string(),
                        _ => "not normalized: the words do not fix a date".to_string(),
                    };
                    writeln!(
                        out,
                        "    deadline  {} ({}, {}; {norm})",
                        d["text"].as_str().unwrap_or(""),
                        d["kind"].as_str().unwrap_or(""),
                        d["origin"].as_str().unwrap_or("")
                    )?;
                }
                None => writeln!(out, "    deadline  none")?,
            }
            writeln!(out, "    id        {}", t["id"].as_str().unwrap_or(""))?;
        }
        writeln!(out)?;
    }
    out.flush()
}
