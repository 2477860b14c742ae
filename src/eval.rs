//! `directives eval`: score the tool against hand-labelled sentences.
//!
//! The gold format and the matching rule are those of the project's judge (`score.py`):
//!
//! - a gold file has one JSON object a line: `{"doc": "name.txt", "text": "<the sentence,
//!   exactly as in the decoded document>", "label": "directive" | "ambiguous", "actor": ...,
//!   "speaker": ...}`; a sentence not listed is not a directive;
//! - a gold directive is **found** when a task's cited sentence overlaps it by at least half of
//!   the shorter of the two spans; a task is a **true positive** when it so overlaps any gold
//!   directive or ambiguous sentence; precision, recall and F1 follow;
//! - on found directives, the actor is right when the best token-overlap F1 between a
//!   matching task's actor and the gold actor is at least 0.5 (tokens: Chinese characters, or
//!   lower-case English words), and the speaker is right when either name contains the other
//!   (or both are null).
//!
//! Numbers are rounded to three decimals, as `score.py` rounds them.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::output::TaskRecord;

/// One labelled sentence.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldEntry {
    /// The document's file name.
    pub doc: String,
    /// The sentence, exactly as in the decoded document.
    pub text: String,
    /// `directive` or `ambiguous`.
    pub label: String,
    /// The expected actor.
    #[serde(default)]
    pub actor: Option<String>,
    /// The expected speaker; present-and-null means "nobody is named".
    #[serde(default, deserialize_with = "present")]
    pub speaker: Option<Option<String>>,
    /// The document's encoding, when not UTF-8.
    #[serde(default)]
    pub encoding: Option<String>,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// Reads a gold file.
pub fn load_gold(name: &str, text: &str) -> Result<Vec<GoldEntry>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("{name}:{}: {e}", i + 1)))
        .collect()
}

/// Scores of one language or one document, with the keys `score.py --json` prints.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Scores {
    /// Share of tasks that overlap a gold sentence.
    pub precision: f64,
    /// Share of gold directives found.
    pub recall: f64,
    /// Their harmonic mean.
    pub f1: f64,
    /// Tasks counted.
    pub tasks: usize,
    /// Gold directives.
    pub gold: usize,
    /// Actor accuracy on found directives with a gold actor.
    pub actor_acc: Option<f64>,
    /// Speaker accuracy on found directives with a gold speaker field.
    pub speaker_acc: Option<f64>,
}

#[derive(Clone, Debug, Default)]
struct Counts {
    tp_tasks: usize,
    tasks: usize,
    found: usize,
    gold: usize,
    actor_ok: usize,
    actor_n: usize,
    speaker_ok: usize,
    speaker_n: usize,
}

/// Rounds to three decimals from the exact binary value, as Python's `round(x, 3)` does.
fn round3(x: f64) -> f64 {
    format!("{x:.3}").parse().unwrap_or(x)
}

/// True when a task's speaker matches the gold speaker: both null, or one contains the other.
fn speaker_ok(gold: Option<&str>, got: Option<&str>) -> bool {
    let (g, h) = (norm(gold.unwrap_or("")), norm(got.unwrap_or("")));
    (g.is_empty() && h.is_empty())
        || (!g.is_empty() && !h.is_empty() && (g.contains(&h) || h.contains(&g)))
}

impl Counts {
    fn scores(&self) -> Scores {
        let p = if self.tasks > 0 {
            self.tp_tasks as f64 / self.tasks as f64
        } else {
            0.0
        };
        let r = if self.gold > 0 {
            self.found as f64 / self.gold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Scores {
            precision: round3(p),
            recall: round3(r),
            f1: round3(f),
            tasks: self.tasks,
            gold: self.gold,
            actor_acc: (self.actor_n > 0)
                .then(|| round3(self.actor_ok as f64 / self.actor_n as f64)),
            speaker_acc: (self.speaker_n > 0)
                .then(|| round3(self.speaker_ok as f64 / self.speaker_n as f64)),
        }
    }
}

/// A gold directive no task found.
#[derive(Clone, Debug, Serialize)]
pub struct Miss {
    /// The document.
    pub doc: String,
    /// Its 1-based line.
    pub line: usize,
    /// The gold sentence.
    pub text: String,
}

/// A task that overlaps no gold sentence.
#[derive(Clone, Debug, Serialize)]
pub struct FalseHit {
    /// The document.
    pub doc: String,
    /// The cited sentence's line.
    pub line: usize,
    /// The cited sentence.
    pub text: String,
    /// The rule that found it.
    pub rule: String,
}

/// A found directive whose actor or speaker is wrong.
#[derive(Clone, Debug, Serialize)]
pub struct FieldError {
    /// The document.
    pub doc: String,
    /// Its line.
    pub line: usize,
    /// `actor` or `speaker`.
    pub field: &'static str,
    /// What the gold says.
    pub expected: Option<String>,
    /// What the tasks say.
    pub got: Vec<Option<String>>,
}

/// The whole evaluation.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Per language, as `score.py --json` reports.
    pub per_lang: BTreeMap<String, Scores>,
    /// Per document.
    pub per_document: BTreeMap<String, Scores>,
    /// Gold directives not found.
    pub misses: Vec<Miss>,
    /// Tasks on no gold sentence.
    pub false_hits: Vec<FalseHit>,
    /// Wrong actors and speakers on found directives.
    pub field_errors: Vec<FieldError>,
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn tokens(s: &str) -> Vec<String> {
    let s = norm(s);
    if s.chars().any(is_cjk) {
        s.chars()
            .filter(|c| !c.is_whitespace() && !"，、。；：,.;:".contains(*c))
            .map(String::from)
            .collect()
    } else {
        let mut out = Vec::new();
        let mut cur = String::new();
        for c in s.chars() {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '\'' {
                cur.push(c);
            } else if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    }
}

fn overlap_f1(a: &str, b: &str) -> f64 {
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let mut ca: HashMap<&str, usize> = HashMap::new();
    let mut cb: HashMap<&str, usize> = HashMap::new();
    for t in &ta {
        *ca.entry(t).or_default() += 1;
    }
    for t in &tb {
        *cb.entry(t).or_default() += 1;
    }
    let common: usize = ca
        .iter()
        .map(|(t, n)| (*n).min(*cb.get(t).unwrap_or(&0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (
        common as f64 / ta.len() as f64,
        common as f64 / tb.len() as f64,
    );
    2.0 * p * r / (p + r)
}

/// The code-point index of `needle` in `hay`, as Python's `str.find` gives it.
fn find_chars(hay: &str, needle: &str) -> Option<usize> {
    hay.find(needle).map(|b| hay[..b].chars().count())
}

fn base(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Scores `tasks` against `gold`, where `docs` maps each gold document name to its decoded
/// text. Tasks whose document's file name is not a gold document are not counted.
pub fn score(
    gold: &[GoldEntry],
    docs: &HashMap<String, String>,
    tasks: &[TaskRecord],
) -> Result<Report, String> {
    // Gold spans, in code points.
    let mut spans: BTreeMap<&str, Vec<(usize, usize, &GoldEntry)>> = BTreeMap::new();
    for g in gold {
        let text = docs
            .get(&g.doc)
            .ok_or_else(|| format!("no text for gold document {}", g.doc))?;
        let i = match find_chars(text, &g.text) {
            Some(i) => i,
            None => find_chars(&norm(text), &norm(&g.text)).ok_or_else(|| {
                format!(
                    "gold text not found in {}: {}",
                    g.doc,
                    g.text.chars().take(60).collect::<String>()
                )
            })?,
        };
        spans
            .entry(&g.doc)
            .or_default()
            .push((i, i + g.text.chars().count(), g));
    }
    let doc_lang: HashMap<&str, &str> = docs
        .iter()
        .map(|(d, t)| {
            let han = t.chars().filter(|c| is_cjk(*c)).count();
            (
                d.as_str(),
                if han as f64 > t.chars().count() as f64 * 0.2 {
                    "zh"
                } else {
                    "en"
                },
            )
        })
        .collect();
    let line_of =
        |doc: &str, start: usize| docs[doc].chars().take(start).filter(|&c| c == '\n').count() + 1;

    let mut per_lang: BTreeMap<String, Counts> = BTreeMap::new();
    let mut per_doc: BTreeMap<String, Counts> = BTreeMap::new();
    let mut hits: HashMap<*const GoldEntry, Vec<&TaskRecord>> = HashMap::new();
    let mut false_hits = Vec::new();
    for t in tasks {
        let name = base(&t.document);
        let Some(&lang) = doc_lang.get(name) else {
            continue;
        };
        per_lang.entry(lang.into()).or_default().tasks += 1;
        per_doc.entry(name.into()).or_default().tasks += 1;
        let (st, en) = (t.sentence.start, t.sentence.end);
        let mut matched = false;
        for &(gs, ge, g) in spans.get(name).map(Vec::as_slice).unwrap_or(&[]) {
            let ov = en.min(ge) as i64 - st.max(gs) as i64;
            if ov > 0 && ov as f64 >= 0.5 * ((en - st).min(ge - gs)) as f64 {
                matched = true;
                hits.entry(g as *const GoldEntry).or_default().push(t);
            }
        }
        if matched {
            per_lang.get_mut(lang).expect("counted").tp_tasks += 1;
            per_doc.get_mut(name).expect("counted").tp_tasks += 1;
        } else {
            false_hits.push(FalseHit {
                doc: name.to_string(),
                line: t.sentence.line,
                text: t.sentence.text.clone(),
                rule: t.rule.clone(),
            });
        }
    }
    let mut misses = Vec::new();
    let mut field_errors = Vec::new();
    for (doc, list) in &spans {
        let lang = doc_lang[doc];
        for &(gs, _, g) in list {
            if g.label != "directive" {
                continue;
            }
            let hs = hits
                .get(&(g as *const GoldEntry))
                .cloned()
                .unwrap_or_default();
            for m in [
                per_lang.entry(lang.into()).or_default(),
                per_doc.entry(doc.to_string()).or_default(),
            ] {
                m.gold += 1;
                if hs.is_empty() {
                    continue;
                }
                m.found += 1;
                if let Some(actor) = g.actor.as_deref().filter(|a| !a.is_empty()) {
                    m.actor_n += 1;
                    let best = hs
                        .iter()
                        .map(|h| overlap_f1(h.actor.as_deref().unwrap_or(""), actor))
                        .fold(0.0, f64::max);
                    if best >= 0.5 {
                        m.actor_ok += 1;
                    }
                }
                if let Some(sp) = &g.speaker {
                    m.speaker_n += 1;
                    if hs
                        .iter()
                        .any(|h| speaker_ok(sp.as_deref(), h.speaker.as_deref()))
                    {
                        m.speaker_ok += 1;
                    }
                }
            }
            let line = line_of(doc, gs);
            if hs.is_empty() {
                misses.push(Miss {
                    doc: doc.to_string(),
                    line,
                    text: g.text.clone(),
                });
                continue;
            }
            if let Some(actor) = g.actor.as_deref().filter(|a| !a.is_empty()) {
                if hs
                    .iter()
                    .all(|h| overlap_f1(h.actor.as_deref().unwrap_or(""), actor) < 0.5)
                {
                    field_errors.push(FieldError {
                        doc: doc.to_string(),
                        line,
                        field: "actor",
                        expected: Some(actor.to_string()),
                        got: hs.iter().map(|h| h.actor.clone()).collect(),
                    });
                }
            }
            if let Some(sp) = &g.speaker {
                if !hs
                    .iter()
                    .any(|h| speaker_ok(sp.as_deref(), h.speaker.as_deref()))
                {
                    field_errors.push(FieldError {
                        doc: doc.to_string(),
                        line,
                        field: "speaker",
                        expected: sp.clone(),
                        got: hs.iter().map(|h| h.speaker.clone()).collect(),
                    });
                }
            }
        }
    }
    Ok(Report {
        per_lang: per_lang
            .iter()
            .map(|(k, c)| (k.clone(), c.scores()))
            .collect(),
        per_document: per_doc
            .iter()
            .map(|(k, c)| (k.clone(), c.scores()))
            .collect(),
        misses,
        false_hits,
        field_errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_follow_the_judge() {
        assert_eq!(tokens("Each  Agency's plan"), ["each", "agency's", "plan"]);
        assert_eq!(
            tokens("各地区、各部门"),
            ["各", "地", "区", "各", "部", "门"]
        );
        assert!((overlap_f1("each agency", "Each agency") - 1.0).abs() < 1e-9);
        assert_eq!(overlap_f1("", "x"), 0.0);
    }
}
