//! Every dictionary entry carries an example sentence; this runs them all.
//!
//! - a trigger's example must give a task found by that very entry;
//! - a blocker's example must lose, because of that blocker, a task it would otherwise give;
//! - a speaker pattern's example must name a speaker by that pattern;
//! - a deadline pattern's example must have a deadline found by that pattern.
//!
//! A failure names the file and line of the entry, so a dictionary edit that breaks its own
//! example is caught before it ships.

use directives::deadline::Deadlines;
use directives::dictionary::{Dictionary, Role, Scope};
use directives::speaker::Speakers;
use directives::trigger::Entry;
use directives::{Document, Extractor, Lang, Span};

fn extractor() -> Extractor {
    Extractor::with_defaults().expect("builtin dictionary builds")
}

#[test]
fn every_trigger_finds_its_own_example() {
    let ex = extractor();
    let dict = ex.dictionary();
    let mut failures = Vec::new();
    let mut missing = Vec::new();
    for (i, t) in dict.triggers.iter().enumerate() {
        let Some(example) = &t.example else {
            missing.push(t.origin.to_string());
            continue;
        };
        let doc = Document::from_text("example", example.clone());
        let found = ex.extract(&doc);
        // The entry is kept in its example, and a task cites the sentence it is in.
        let kept = found
            .hits
            .iter()
            .find(|h| h.entry == Entry::Trigger(i) && h.dropped.is_none());
        let cited = kept.is_some_and(|h| found.tasks.iter().any(|t| t.sentence == h.sentence));
        if !cited {
            let got: Vec<String> = found.tasks.iter().map(|t| ex.rule_id(t)).collect();
            let why: Vec<String> = found
                .hits
                .iter()
                .filter(|h| h.entry == Entry::Trigger(i))
                .map(|h| format!("{:?}", h.dropped))
                .collect();
            failures.push(format!(
                "{}: {:?} in {example:?} gave {got:?} (own hits: {why:?})",
                t.origin, t.phrase
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "triggers without an example: {missing:?}"
    );
    assert!(
        failures.is_empty(),
        "{} triggers miss their example:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// True when a blocker of `scope` at `b` covers a trigger at `t` in `text`.
fn covers(scope: Scope, b: Span, t: Span, text: &str) -> bool {
    match scope {
        Scope::Overlap => b.overlaps(t),
        Scope::Span => b.contains(t),
        Scope::Clause => {
            b.start <= t.start
                && !text[b.end.min(t.start)..t.start].contains(['，', ',', '；', ';', '。'])
        }
        Scope::Sentence => true,
    }
}

#[test]
fn every_blocker_is_needed_by_its_example() {
    let ex = extractor();
    let dict = ex.dictionary().clone();
    let mut bare_dict = dict.clone();
    bare_dict.blockers.clear();
    let bare = Extractor::new(bare_dict).unwrap();
    let mut failures = Vec::new();
    for (i, b) in dict.blockers.iter().enumerate() {
        let Some(example) = &b.example else {
            failures.push(format!("{}: no example", b.origin));
            continue;
        };
        let doc = Document::from_text("example", example.clone());
        let with = ex.extract(&doc);
        let Some(at) = with
            .hits
            .iter()
            .find(|h| h.entry == Entry::Blocker(i) && h.dropped.is_none())
        else {
            failures.push(format!(
                "{}: {:?} does not match {example:?}",
                b.origin, b.phrase
            ));
            continue;
        };
        let in_scope = |t: &directives::Task| {
            t.sentence == at.sentence && covers(b.scope, at.span, t.trigger, example)
        };
        if let Some(t) = with.tasks.iter().find(|t| in_scope(t)) {
            failures.push(format!(
                "{}: {:?} leaves {:?} in {example:?}",
                b.origin,
                b.phrase,
                t.trigger.of(example)
            ));
        }
        let without = bare.extract(&doc);
        if !without.tasks.iter().any(in_scope) {
            failures.push(format!(
                "{}: {:?} is not needed: {example:?} has no task without it",
                b.origin, b.phrase
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} blockers fail their example:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_speaker_pattern_names_its_example() {
    let dict = Dictionary::builtin();
    let speakers = Speakers::new(&dict).unwrap();
    let mut failures = Vec::new();
    for (i, s) in dict.speakers.iter().enumerate() {
        let Some(example) = &s.example else {
            failures.push(format!("{}: no example", s.origin));
            continue;
        };
        // A pronoun needs a person named first.
        let person = if s.lang == Lang::Zh {
            "李明指出，要抓好落实。"
        } else {
            "Li Ming said that it matters."
        };
        let lines: Vec<&str> = match s.role {
            Role::Pronoun => vec![person, example.as_str()],
            _ => vec![example.as_str()],
        };
        let track = speakers.track(lines.len(), |k| lines[k], |_| s.lang, |_| true);
        let last = track.speakers.last().cloned().flatten();
        let ok = match s.role {
            Role::Pronoun => last.as_ref().is_some_and(|sp| {
                sp.name.contains(if s.lang == Lang::Zh {
                    "李明"
                } else {
                    "Li Ming"
                })
            }),
            _ => last.as_ref().is_some_and(|sp| sp.rule == i),
        };
        if !ok {
            failures.push(format!("{}: {example:?} named {last:?}", s.origin));
        }
    }
    assert!(
        failures.is_empty(),
        "{} speaker patterns miss their example:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_deadline_pattern_finds_its_example() {
    let dict = Dictionary::builtin();
    let deadlines = Deadlines::new(&dict).unwrap();
    let mut failures = Vec::new();
    for d in &dict.deadlines {
        let Some(example) = &d.example else {
            failures.push(format!("{}: no example", d.origin));
            continue;
        };
        let pattern = if d.lang == Lang::En && !d.pattern.starts_with("(?-i)") {
            format!("(?i){}", d.pattern)
        } else {
            d.pattern.clone()
        };
        let own = regex::Regex::new(&pattern).unwrap();
        let found = deadlines.find(d.lang, example, 0, example.len());
        let ok = found.is_some_and(|f| {
            own.find(example)
                .is_some_and(|m| m.start() == f.span.start && m.end() == f.span.end)
        });
        if !ok {
            failures.push(format!("{}: {example:?}", d.origin));
        }
    }
    assert!(
        failures.is_empty(),
        "{} deadline patterns miss their example:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_date_pattern_reads_its_example() {
    let dict = Dictionary::builtin();
    let dates = directives::dates::Dates::new(&dict).unwrap();
    let mut failures = Vec::new();
    for d in &dict.dates {
        let Some(example) = &d.example else {
            failures.push(format!("{}: no example", d.origin));
            continue;
        };
        // The example is the document's only line: every scope reaches it.
        let got = dates.anchor(1, |_| example.as_str(), |_| true, |_| d.lang);
        if got.is_none_or(|a| a.source != d.source) {
            failures.push(format!("{}: {example:?} gave {got:?}", d.origin));
        }
    }
    assert!(
        failures.is_empty(),
        "{} date patterns miss their example:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
