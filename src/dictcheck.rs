//! `directives dict check` and `dict list`: validate dictionary files and show the merged
//! dictionary with the source of every entry.
//!
//! A check finds: rows that do not parse (columns, values, regexes that do not compile or are
//! too large), keys given twice in one file, entries another entry makes dead (an English
//! phrase differing only in case; a trigger and a blocker with the same phrase), and entries
//! whose own example sentence does not do what the entry promises:
//!
//! - a trigger's example must give a task from a sentence where that entry is kept;
//! - a blocker's example must lose, because of that blocker, a task it gives without blockers;
//! - a speaker pattern's example must name a speaker by that pattern;
//! - a deadline pattern's example must have a deadline found by that pattern;
//! - a date pattern's example must give the document a date from that pattern;
//! - a transcript turn pattern's example must open a turn of its layout, with a label;
//! - a filler's example must lose that filler when the words of a transcript are tidied;
//! - in a task section, a Chinese word of ability, degree, modifier, demonstrative, verb
//!   preposition or title start must stop its example's command verb or trigger, and an
//!   adverbial head must move it past the comma;
//! - a heading opener must make its example heading open a section of commands;
//! - a word of a time gone by (去年) must keep the time word after it in its example from
//!   being the deadline.

use std::collections::HashMap;

use crate::dates::Dates;
use crate::deadline::Deadlines;
use crate::dictionary::{Dictionary, Match, Role, Scope};
use crate::document::{Document, Lang, Span};
use crate::error::Result;
use crate::speaker::Speakers;
use crate::trigger::Entry;
use crate::Extractor;

/// One thing wrong with an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// `file:line` of the entry.
    pub origin: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// Problems in one file on its own: parsing, keys given twice, dead entries. `base` is the
/// dictionary it will be added to, for entries it overrides.
pub fn check_file(name: &str, text: &str, base: &Dictionary) -> (Vec<Problem>, Vec<String>) {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut alone = Dictionary::empty();
    if let Err(e) = alone.add_file(name, text) {
        problems.push(Problem {
            origin: e
                .line
                .map_or_else(|| e.file.clone(), |l| format!("{}:{l}", e.file)),
            message: e.message,
        });
        return (problems, notes);
    }
    // Keys given twice: the later row silently wins at load time.
    let mut seen: HashMap<String, u32> = HashMap::new();
    for (key, line) in crate::dictionary::file_keys(name, text).unwrap_or_default() {
        if let Some(first) = seen.insert(key.clone(), line) {
            problems.push(Problem {
                origin: format!("{name}:{line}"),
                message: format!(
                    "the key {key:?} is given again (first at line {first}); only this row counts"
                ),
            });
        }
    }
    // Dead entries: two literal triggers that match the same text (English ignores case) but
    // have different keys; at a position the automaton reports only one of them.
    let text_of = |t: &crate::dictionary::Trigger| {
        if t.lang == Lang::En {
            t.phrase.to_lowercase()
        } else {
            t.phrase.clone()
        }
    };
    let mut by_text: HashMap<(Lang, String), &crate::dictionary::Trigger> = HashMap::new();
    for t in base
        .triggers
        .iter()
        .filter(|t| t.matching == Match::Literal)
    {
        by_text.insert((t.lang, text_of(t)), t);
    }
    for t in alone
        .triggers
        .iter()
        .filter(|t| t.matching == Match::Literal)
    {
        let k = (t.lang, text_of(t));
        if let Some(other) = by_text.get(&k) {
            if other.id != t.id || *other.origin.file == *name {
                problems.push(Problem {
                    origin: t.origin.to_string(),
                    message: format!("{:?} matches the same text as the entry at {} (English phrases match in any case); only one of them can fire", t.phrase, other.origin),
                });
            }
        }
        by_text.insert(k, t);
    }
    let merged_blockers = base.blockers.iter().chain(&alone.blockers);
    for b in merged_blockers.filter(|b| b.matching == Match::Literal) {
        for t in alone
            .triggers
            .iter()
            .chain(&base.triggers)
            .filter(|t| t.matching == Match::Literal && t.lang == b.lang)
        {
            let same = if t.lang == Lang::En {
                t.phrase.eq_ignore_ascii_case(&b.phrase)
            } else {
                t.phrase == b.phrase
            };
            if same && (*t.origin.file == *name || *b.origin.file == *name) {
                problems.push(Problem {
                    origin: if *t.origin.file == *name {
                        t.origin.to_string()
                    } else {
                        b.origin.to_string()
                    },
                    message: format!(
                        "{:?} is both a trigger ({}) and a blocker ({}): one of them never matches",
                        t.phrase, t.origin, b.origin
                    ),
                });
            }
        }
    }
    // Entries that replace built-in ones: allowed, but said.
    for t in &alone.triggers {
        if let Some(old) = base
            .triggers
            .iter()
            .find(|o| o.lang == t.lang && o.id == t.id)
        {
            notes.push(format!(
                "{}: replaces the entry {:?} of {}",
                t.origin, t.id, old.origin
            ));
        }
    }
    for b in &alone.blockers {
        if let Some(old) = base
            .blockers
            .iter()
            .find(|o| o.lang == b.lang && o.id == b.id)
        {
            notes.push(format!(
                "{}: replaces the entry {:?} of {}",
                b.origin, b.id, old.origin
            ));
        }
    }
    (problems, notes)
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

/// Runs the example of every entry of `dict` whose file is `only` (every entry when `None`).
pub fn check_examples(dict: &Dictionary, only: Option<&str>) -> Result<Vec<Problem>> {
    let mine = |file: &str| only.is_none_or(|o| o == file);
    let ex = Extractor::new(dict.clone())?;
    let mut problems = Vec::new();
    let mut say = |origin: &crate::dictionary::Origin, message: String| {
        problems.push(Problem {
            origin: origin.to_string(),
            message,
        });
    };
    for (i, t) in dict
        .triggers
        .iter()
        .enumerate()
        .filter(|(_, t)| mine(&t.origin.file))
    {
        let Some(example) = &t.example else {
            say(&t.origin, "no example sentence".into());
            continue;
        };
        let found = ex.extract(&Document::from_text("example", example.clone()));
        let kept = found
            .hits
            .iter()
            .find(|h| h.entry == Entry::Trigger(i) && h.dropped.is_none());
        if !kept.is_some_and(|h| found.tasks.iter().any(|t| t.sentence == h.sentence)) {
            let why: Vec<String> = found
                .hits
                .iter()
                .filter(|h| h.entry == Entry::Trigger(i))
                .map(|h| format!("{:?}", h.dropped))
                .collect();
            say(
                &t.origin,
                format!(
                    "the example {example:?} gives no task from {:?} (its hits: {why:?})",
                    t.phrase
                ),
            );
        }
    }
    if dict.blockers.iter().any(|b| mine(&b.origin.file)) {
        let mut bare_dict = dict.clone();
        bare_dict.blockers.clear();
        let bare = Extractor::new(bare_dict)?;
        for (i, b) in dict
            .blockers
            .iter()
            .enumerate()
            .filter(|(_, b)| mine(&b.origin.file))
        {
            let Some(example) = &b.example else {
                say(&b.origin, "no example sentence".into());
                continue;
            };
            let doc = Document::from_text("example", example.clone());
            let with = ex.extract(&doc);
            let Some(at) = with
                .hits
                .iter()
                .find(|h| h.entry == Entry::Blocker(i) && h.dropped.is_none())
            else {
                say(
                    &b.origin,
                    format!("{:?} does not match its example {example:?}", b.phrase),
                );
                continue;
            };
            let in_scope = |t: &crate::Task| {
                t.sentence == at.sentence && covers(b.scope, at.span, t.trigger, example)
            };
            if let Some(t) = with.tasks.iter().find(|t| in_scope(t)) {
                say(
                    &b.origin,
                    format!(
                        "{:?} leaves the trigger {:?} in its example",
                        b.phrase,
                        t.trigger.of(example)
                    ),
                );
            }
            if !bare.extract(&doc).tasks.iter().any(in_scope) {
                say(&b.origin, format!("{:?} is not needed: its example {example:?} has no task in its scope even without blockers", b.phrase));
            }
        }
    }
    let speakers = Speakers::new(dict)?;
    for (i, s) in dict
        .speakers
        .iter()
        .enumerate()
        .filter(|(_, s)| mine(&s.origin.file))
    {
        let Some(example) = &s.example else {
            say(&s.origin, "no example sentence".into());
            continue;
        };
        let person = if s.lang == Lang::Zh {
            "李明指出，要抓好落实。"
        } else {
            "Li Ming said that it matters."
        };
        let lines: Vec<&str> = match s.role {
            Role::Pronoun => vec![person, example.as_str()],
            Role::Byline | Role::Host => example.split("\\n").collect(),
            _ => vec![example.as_str()],
        };
        let track = speakers.track(lines.len(), |k| lines[k], |_| s.lang, |_| true);
        let last = track
            .len()
            .checked_sub(1)
            .and_then(|i| track.speaker(i))
            .cloned();
        let ok = match s.role {
            Role::Pronoun => last.as_ref().is_some_and(|sp| {
                sp.name.contains(if s.lang == Lang::Zh {
                    "李明"
                } else {
                    "Li Ming"
                })
            }),
            // The chair's own sentence has no speaker; the 他 of the next one is the chair.
            Role::Host => {
                track.speaker(0).is_none()
                    && last
                        .as_ref()
                        .is_some_and(|sp| sp.rule != Some(i) && lines[0].contains(sp.name.as_ref()))
            }
            _ => last.as_ref().is_some_and(|sp| sp.rule == Some(i)),
        };
        if !ok {
            say(
                &s.origin,
                format!(
                    "its example {example:?} names {:?}",
                    last.map(|s| s.name.to_string())
                ),
            );
        }
    }
    let deadlines = Deadlines::new(dict)?;
    for d in dict.deadlines.iter().filter(|d| mine(&d.origin.file)) {
        let Some(example) = &d.example else {
            say(&d.origin, "no example sentence".into());
            continue;
        };
        let pattern = if d.lang == Lang::En && !d.pattern.starts_with("(?-i)") {
            format!("(?i){}", d.pattern)
        } else {
            d.pattern.clone()
        };
        let own = regex::Regex::new(&pattern).map_err(|e| crate::Error::Config(e.to_string()))?;
        let found = deadlines.find(d.lang, example, 0, example.len());
        // The words a pattern names `when`, or else its whole match.
        let words = own
            .captures(example)
            .and_then(|c| c.name("when").or_else(|| c.get(0)));
        if !found.is_some_and(|f| {
            words.is_some_and(|m| m.start() == f.span.start && m.end() == f.span.end)
        }) {
            say(
                &d.origin,
                format!("its example {example:?} gives another deadline or none"),
            );
        }
    }
    let dates = Dates::new(dict)?;
    for d in dict.dates.iter().filter(|d| mine(&d.origin.file)) {
        let Some(example) = &d.example else {
            say(&d.origin, "no example line".into());
            continue;
        };
        let got = dates.anchor(1, |_| example.as_str(), |_| true, |_| d.lang);
        if got.is_none_or(|a| a.source != d.source) {
            say(&d.origin, format!("its example {example:?} gives {got:?}"));
        }
    }
    let turns = crate::formats::transcript::TurnPatterns::new(dict);
    for t in dict.turns.iter().filter(|t| mine(&t.origin.file)) {
        let Some(example) = &t.example else {
            say(&t.origin, "no example line".into());
            continue;
        };
        match turns.opens(example) {
            Some((layout, label, _, _)) if layout == t.layout && !label.is_empty() => {}
            got => say(
                &t.origin,
                format!(
                    "its example {example:?} opens {}",
                    got.map_or("no turn".to_string(), |g| format!(
                        "a {} turn labelled {:?}",
                        g.0.name(),
                        g.1
                    ))
                ),
            ),
        }
    }
    // A word of ability or of degree stops a command verb after it from being one, in a task
    // section, and a modifier mark one before it; the example must be a command again
    // without the word.
    for w in dict.words.iter().filter(|w| {
        mine(&w.origin.file)
            && matches!(
                w.class.as_str(),
                "ability"
                    | "modifier-mark"
                    | "degree"
                    | "result-mark"
                    | "demonstrative"
                    | "verb-preposition"
                    | "undone"
                    | "relation-verb"
                    | "title-start"
            )
    }) {
        let Some(example) = &w.example else {
            say(&w.origin, "no example sentence".into());
            continue;
        };
        let tasks = |sentence: &str| {
            let text = format!("二、主要任务\n{sentence}\n");
            ex.extract(&Document::from_text("example", text))
                .tasks
                .len()
        };
        let without = example.replacen(w.word.as_str(), "", 1);
        if tasks(example) != 0 || tasks(&without) == 0 || without == *example {
            say(
                &w.origin,
                format!(
                    "in a task section its example {example:?} should give no task, and {without:?} one"
                ),
            );
        }
    }
    // A word of a time gone by makes the time word after it in its example no deadline;
    // without the word that time word is one.
    for w in dict
        .words
        .iter()
        .filter(|w| mine(&w.origin.file) && w.class == "past-date")
    {
        let Some(example) = &w.example else {
            continue;
        };
        let deadline_at = |text: &str, at: usize| {
            ex.extract(&Document::from_text("example", text.to_string()))
                .tasks
                .iter()
                .any(|t| t.deadline.as_ref().is_some_and(|d| d.span.start == at))
        };
        let at = example.find(w.word.as_str()).unwrap_or(example.len());
        let without = example.replacen(w.word.as_str(), "", 1);
        if without == *example
            || deadline_at(example, at + w.word.len())
            || !deadline_at(&without, at)
        {
            say(
                &w.origin,
                format!(
                    "its example {example:?} should have no deadline right after the word, and {without:?} one where the word was"
                ),
            );
        }
    }
    // A word of the time ahead ends a paragraph's report of the past: in a task section the
    // example's last sentence, after a report, is a task, and without the word it is not.
    for w in dict
        .words
        .iter()
        .filter(|w| mine(&w.origin.file) && w.class == "plan-opener")
    {
        let Some(example) = &w.example else {
            say(&w.origin, "no example sentence".into());
            continue;
        };
        let last_is_task = |sentence: &str| {
            let text = format!("二、主要任务\n过去的一年，各项工作取得新的进展。{sentence}\n");
            ex.extract(&Document::from_text("example", text))
                .tasks
                .iter()
                .any(|t| t.sentence == 2)
        };
        let without = example.replacen(w.word.as_str(), "", 1);
        if !last_is_task(example) || last_is_task(&without) {
            say(
                &w.origin,
                format!(
                    "after a report of the past its example {example:?} should give a task, and {without:?} none"
                ),
            );
        }
    }
    // A command verb's example, in a task section, is a task that the verb triggers.
    for w in dict
        .words
        .iter()
        .filter(|w| mine(&w.origin.file) && w.class == "verb" && w.lang == Lang::Zh)
    {
        let Some(example) = &w.example else {
            continue;
        };
        let text = format!("二、主要任务\n{example}\n");
        let found = ex.extract(&Document::from_text("example", text.clone()));
        if !found.tasks.iter().any(|t| t.trigger.of(&text) == w.word) {
            say(
                &w.origin,
                format!(
                    "in a task section its example {example:?} should be a task that {} triggers",
                    w.word
                ),
            );
        }
    }
    // An adverbial head makes the command verb after the comma the command: in a task
    // section the example's task is cited there, and without the word at a verb before it.
    for w in dict.words.iter().filter(|w| {
        mine(&w.origin.file)
            && matches!(w.class.as_str(), "adverbial-head" | "frame-end")
            && w.example.is_some()
    }) {
        let example = w.example.as_deref().unwrap_or_default();
        let after_comma = |sentence: &str| {
            let text = format!("二、主要任务\n{sentence}\n");
            let body = text.find(sentence).unwrap_or(0);
            let comma = body + sentence.find('，').unwrap_or(0);
            let ex = ex.extract(&Document::from_text("example", text.clone()));
            ex.tasks.first().map(|t| t.trigger.start > comma)
        };
        let without = example.replacen(w.word.as_str(), "", 1);
        if after_comma(example) != Some(true) || after_comma(&without) != Some(false) {
            say(
                &w.origin,
                format!(
                    "in a task section its example {example:?} should command after its comma, and {without:?} before it"
                ),
            );
        }
    }
    // A heading opener makes a numbered heading a command: the bare command under the
    // example heading is a task, and under the heading without the word it is not.
    for w in dict
        .words
        .iter()
        .filter(|w| mine(&w.origin.file) && w.class == "heading-opener")
    {
        let Some(example) = &w.example else {
            say(&w.origin, "no example heading".into());
            continue;
        };
        let tasks = |heading: &str| {
            let text = format!("三、{heading}\n加强市场监管。\n");
            ex.extract(&Document::from_text("example", text))
                .tasks
                .iter()
                .filter(|t| t.sentence == 1)
                .count()
        };
        let without = example.replacen(w.word.as_str(), "", 1);
        if tasks(example) != 1 || tasks(&without) != 0 {
            say(
                &w.origin,
                format!(
                    "under its example heading {example:?} a bare command should be a task, and under {without:?} not"
                ),
            );
        }
    }
    // Classes that shape a Chinese actor: the example's first task has the actor the class
    // gives, and would not have it were the class empty.
    for class in [
        "plural-pronoun",
        "adverbial-start",
        "not-topic-start",
        "not-topic-mark",
        "clause-conjunction",
        "time-tail",
        "stance",
        "thing-tail",
    ] {
        let rows: Vec<_> = dict
            .words
            .iter()
            .filter(|w| mine(&w.origin.file) && w.class == class)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let mut bare_dict = dict.clone();
        bare_dict.words.retain(|w| w.class != class);
        let bare = Extractor::new(bare_dict)?;
        for w in rows {
            let Some(example) = &w.example else {
                say(&w.origin, "no example sentence".into());
                continue;
            };
            let doc = Document::from_text("example", example.clone());
            let actor = |ex: &Extractor| {
                ex.extract(&doc)
                    .tasks
                    .first()
                    .map(|t| t.actor.map(|a| (a.start, a.end)))
            };
            let right = |a: Option<Option<(usize, usize)>>| match (class, a) {
                (_, None) => false,
                ("plural-pronoun", Some(a)) => a.is_some_and(|(s, e)| example[s..e] == w.word),
                ("adverbial-start", Some(a)) => {
                    a.is_some_and(|(_, e)| example[e..].starts_with(w.word.as_str()))
                }
                ("clause-conjunction", Some(a)) => {
                    a.is_some_and(|(s, _)| example[..s].trim_end().ends_with(w.word.as_str()))
                }
                ("time-tail", Some(a)) => {
                    a.is_some_and(|(s, _)| s > 0 && example[..s].contains(w.word.as_str()))
                }
                ("stance", Some(a)) => {
                    a.is_none_or(|(s, e)| !example[s..e].contains(w.word.as_str()))
                }
                (_, Some(a)) => a.is_none(),
            };
            if !right(actor(&ex)) || right(actor(&bare)) {
                let want = match class {
                    "plural-pronoun" => "the word",
                    "adverbial-start" => "the party before the word",
                    "clause-conjunction" => "the party after the word",
                    "time-tail" => "the party after the phrase the word closes",
                    "stance" => "not the word",
                    _ => "no actor",
                };
                say(
                    &w.origin,
                    format!(
                        "its example {example:?} should give a task whose actor is {want}, and not without the class"
                    ),
                );
            }
        }
    }
    // A relative word keeps an -ing item a command though an auxiliary follows; the example,
    // an item under a lead-in, must stop being one without the word.
    for w in dict
        .words
        .iter()
        .filter(|w| mine(&w.origin.file) && w.class == "relative" && w.example.is_some())
    {
        let example = w.example.as_deref().unwrap_or_default();
        let tasks = |item: &str| {
            let text = format!("The Secretary shall:\n{item}\n");
            ex.extract(&Document::from_text("example", text))
                .tasks
                .len()
        };
        let without = example.replacen(&format!(" {} ", w.word), " ", 1);
        if tasks(example) != 2 || tasks(&without) != 1 {
            say(
                &w.origin,
                format!(
                    "under a lead-in its example {example:?} should be a task, and {without:?} not"
                ),
            );
        }
    }
    for w in dict
        .words
        .iter()
        .filter(|w| mine(&w.origin.file) && w.class.starts_with("filler"))
    {
        let Some(example) = &w.example else {
            say(&w.origin, "no example sentence".into());
            continue;
        };
        let tidy = crate::formats::transcript::tidy_speech(example, &turns);
        let count = |t: &str| t.to_lowercase().matches(&w.word.to_lowercase()).count();
        if count(&tidy) >= count(example) {
            say(
                &w.origin,
                format!("its example {example:?} keeps the filler when tidied"),
            );
        }
    }
    // An abbreviation never ends a sentence: no sentence of its example may end at it.
    let segmenter = crate::segment::Segmenter::new(dict)?;
    for w in dict
        .words
        .iter()
        .filter(|w| mine(&w.origin.file) && w.class == "abbrev" && w.example.is_some())
    {
        use crate::segment::SentenceSplitter;
        let example = w.example.as_deref().unwrap_or_default();
        let written = format!("{}.", w.word);
        let at = example
            .to_lowercase()
            .find(&written)
            .filter(|_| example.is_ascii())
            .map(|i| i + written.len());
        let ends = |at: usize| segmenter.split(example).iter().any(|s| s.span.end == at);
        match at {
            Some(at) if !ends(at) => {}
            Some(_) => say(
                &w.origin,
                format!("its example {example:?} ends a sentence at {written:?}"),
            ),
            None => say(
                &w.origin,
                format!("its example {example:?} has no {written:?} (in ASCII)"),
            ),
        }
    }
    Ok(problems)
}

/// The merged dictionary, one line an entry: kind, language, key, source, and what it does.
pub fn list(dict: &Dictionary) -> Vec<[String; 5]> {
    let mut rows = Vec::new();
    for t in &dict.triggers {
        rows.push([
            "triggers".into(),
            t.lang.code().into(),
            t.id.clone(),
            t.origin.to_string(),
            format!("{} {} actor={:?}", t.modality, t.strength, t.actor).to_lowercase(),
        ]);
    }
    for b in &dict.blockers {
        rows.push([
            "blockers".into(),
            b.lang.code().into(),
            b.id.clone(),
            b.origin.to_string(),
            format!("{} {:?}", b.effect.name(), b.scope).to_lowercase(),
        ]);
    }
    for s in &dict.speakers {
        rows.push([
            "speakers".into(),
            s.lang.code().into(),
            s.id.clone(),
            s.origin.to_string(),
            format!("{:?} {}", s.role, s.name).to_lowercase(),
        ]);
    }
    for d in &dict.deadlines {
        rows.push([
            "deadlines".into(),
            d.lang.code().into(),
            d.id.clone(),
            d.origin.to_string(),
            d.kind.clone(),
        ]);
    }
    for d in &dict.dates {
        rows.push([
            "dates".into(),
            d.lang.code().into(),
            d.id.clone(),
            d.origin.to_string(),
            d.source.name().into(),
        ]);
    }
    for w in &dict.words {
        rows.push([
            "words".into(),
            w.lang.code().into(),
            w.word.clone(),
            w.origin.to_string(),
            w.class.clone(),
        ]);
    }
    for t in &dict.turns {
        rows.push([
            "turns".into(),
            "-".into(),
            t.layout.name().into(),
            t.origin.to_string(),
            t.pattern.clone(),
        ]);
    }
    for m in &dict.markers {
        rows.push([
            "markers".into(),
            "-".into(),
            m.style.clone(),
            m.origin.to_string(),
            m.pattern.clone(),
        ]);
    }
    rows.push([
        "variants".into(),
        "zh".into(),
        format!("{} pairs", dict.variants.len()),
        "zh/variants.tsv".into(),
        "traditional to simplified".into(),
    ]);
    rows
}
