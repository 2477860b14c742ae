//! Dictionaries: the phrases, patterns and word lists the pipeline runs on.
//!
//! Every rule lives in a tab-separated file under `dictionaries/` that an analyst can read
//! and extend. The built-in files are embedded in the binary; `--dict FILE` adds entries at
//! run time and overrides a built-in entry with the same key.
//!
//! A file starts with `# kind:` and `# lang:` lines, then a header row naming its columns:
//!
//! ```text
//! # kind: triggers
//! # lang: en
//! phrase<TAB>modality<TAB>strength<TAB>example
//! must<TAB>obligation<TAB>3<TAB>Each agency must report by June.
//! ```
//!
//! Blank lines and lines starting with `#` are ignored; a UTF-8 BOM and CRLF line ends are
//! accepted. The columns of each kind are documented in `dictionaries/README.md` and in
//! [`Kind::columns`].

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::document::Lang;
use crate::error::DictError;
use crate::wordlist::WordList;

/// What a directive asks for.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Must do: must, shall, should, 必须, 要, 应当.
    Obligation,
    /// Must not do: must not, shall not, 不得, 严禁.
    Prohibition,
    /// Is encouraged to do: is encouraged to, 鼓励, 宜, 提倡.
    Recommendation,
    /// The speaker's side undertakes to do: we will, 将, a government plan.
    Commitment,
}

impl Modality {
    /// The name used in dictionaries and output.
    pub fn name(self) -> &'static str {
        match self {
            Modality::Obligation => "obligation",
            Modality::Prohibition => "prohibition",
            Modality::Recommendation => "recommendation",
            Modality::Commitment => "commitment",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "obligation" => Modality::Obligation,
            "prohibition" => Modality::Prohibition,
            "recommendation" => Modality::Recommendation,
            "commitment" => Modality::Commitment,
            _ => return None,
        })
    }
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The kinds of dictionary file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Phrases that mark a directive.
    Triggers,
    /// Phrases that cancel a trigger: negation, epistemic use, conditionals, look-alikes.
    Blockers,
    /// Patterns that name who is speaking.
    Speakers,
    /// Patterns of time limits.
    Deadlines,
    /// Word lists by class (abbreviations, command verbs, section names, ...).
    Words,
    /// Patterns of list and heading markers (一、（一）(a) 1. ...), for all languages.
    Markers,
    /// Traditional to simplified character pairs, used for matching only.
    Variants,
    /// Patterns of a document's own date (signature, 成文日期, dateline).
    Dates,
    /// Patterns of transcript turns: speaker labels and timestamps, for all languages.
    Turns,
}

impl Kind {
    /// The name used in `# kind:` lines.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Triggers => "triggers",
            Kind::Blockers => "blockers",
            Kind::Speakers => "speakers",
            Kind::Deadlines => "deadlines",
            Kind::Words => "words",
            Kind::Markers => "markers",
            Kind::Variants => "variants",
            Kind::Dates => "dates",
            Kind::Turns => "turns",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "triggers" => Kind::Triggers,
            "blockers" => Kind::Blockers,
            "speakers" => Kind::Speakers,
            "deadlines" => Kind::Deadlines,
            "words" => Kind::Words,
            "markers" => Kind::Markers,
            "variants" => Kind::Variants,
            "dates" => Kind::Dates,
            "turns" => Kind::Turns,
            _ => return None,
        })
    }

    /// The columns a file of this kind may have; those marked `*` are required.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Kind::Triggers => &[
                "phrase*",
                "match",
                "modality*",
                "strength*",
                "actor",
                "position",
                "background",
                "id",
                "example",
                "notes",
            ],
            Kind::Blockers => &[
                "phrase*", "match", "effect*", "scope*", "id", "example", "notes",
            ],
            Kind::Speakers => &["pattern*", "role*", "name", "id", "example", "notes"],
            Kind::Deadlines => &["pattern*", "kind*", "id", "example", "notes"],
            Kind::Words => &["word*", "class*", "example", "notes"],
            Kind::Markers => &["style*", "pattern*", "example", "notes"],
            Kind::Variants => &["traditional*", "simplified*"],
            Kind::Dates => &["pattern*", "source*", "id", "example", "notes"],
            Kind::Turns => &["layout*", "pattern*", "example", "notes"],
        }
    }

    /// True for kinds whose files say `# lang: zh` or `# lang: en`.
    fn needs_lang(self) -> bool {
        !matches!(self, Kind::Markers | Kind::Turns)
    }
}

/// Where an entry came from, for `explain`, `dict list` and error messages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The file name (`builtin:en/triggers.tsv` for embedded ones).
    pub file: Arc<str>,
    /// The 1-based line.
    pub line: u32,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// How a phrase is matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Match {
    /// Exact text (ASCII case-insensitive in English, at word boundaries).
    Literal,
    /// A regular expression (`regex` crate syntax).
    Regex,
}

/// Who the actor of a trigger's directive is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorRule {
    /// The subject written before the trigger ("each agency shall").
    Subject,
    /// The noun phrase after the trigger ("Requests the Secretary-General to").
    Object,
    /// Never an actor ("It is necessary to").
    None,
}

/// Where a trigger may stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    /// Anywhere in the sentence.
    Any,
    /// Only at the start of a sentence, after any list marker ("Urges ...", "Decides to ...").
    Start,
}

/// A phrase that marks a directive.
#[derive(Clone, Debug, Serialize)]
pub struct Trigger {
    /// The language of the sentences it applies to.
    pub lang: Lang,
    /// The key: the `id` column, or the phrase.
    pub id: String,
    /// The phrase or pattern.
    pub phrase: String,
    /// Literal or regex.
    #[serde(rename = "match")]
    pub matching: Match,
    /// What it asks for.
    pub modality: Modality,
    /// 3 binding (must), 2 expected (should), 1 advisory (encouraged).
    pub strength: u8,
    /// Where the actor is written.
    pub actor: ActorRule,
    /// Where it may stand.
    pub position: Position,
    /// Whether it counts in a background or review section (`background = drop` for words
    /// that there usually report what was done: 确保, 着力, 鼓励).
    pub in_background: bool,
    /// A sentence the entry must find a directive in.
    pub example: Option<String>,
    /// Free text.
    pub notes: Option<String>,
    /// File and line.
    pub origin: Origin,
}

/// What a blocker means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Effect {
    /// Lifts the duty: need not, 不必, 无需.
    Negation,
    /// Says what is likely, not what must be done: must have been.
    Epistemic,
    /// A condition, not a command: should you need, if ... should.
    Conditional,
    /// A word that only contains a trigger: mustard, 不得已, shall have the meaning.
    Exclusion,
    /// A purpose or lead line: 为……，制定本方案.
    Purpose,
    /// A question.
    Question,
    /// A report of what was said or done, not a command.
    Report,
}

impl Effect {
    /// The name used in dictionaries and `explain`.
    pub fn name(self) -> &'static str {
        match self {
            Effect::Negation => "negation",
            Effect::Epistemic => "epistemic",
            Effect::Conditional => "conditional",
            Effect::Exclusion => "exclusion",
            Effect::Purpose => "purpose",
            Effect::Question => "question",
            Effect::Report => "report",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "negation" => Effect::Negation,
            "epistemic" => Effect::Epistemic,
            "conditional" => Effect::Conditional,
            "exclusion" => Effect::Exclusion,
            "purpose" => Effect::Purpose,
            "question" => Effect::Question,
            "report" => Effect::Report,
            _ => return None,
        })
    }
}

/// Which triggers a blocker cancels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Triggers that overlap the blocker's match.
    Overlap,
    /// Triggers inside the blocker's match.
    Span,
    /// Triggers after the blocker in the same clause (up to the next comma or semicolon).
    Clause,
    /// Every trigger in the sentence.
    Sentence,
}

/// A phrase that cancels triggers.
#[derive(Clone, Debug, Serialize)]
pub struct Blocker {
    /// The language of the sentences it applies to.
    pub lang: Lang,
    /// The key: the `id` column, or the phrase.
    pub id: String,
    /// The phrase or pattern.
    pub phrase: String,
    /// Literal or regex.
    #[serde(rename = "match")]
    pub matching: Match,
    /// Why it cancels.
    pub effect: Effect,
    /// What it cancels.
    pub scope: Scope,
    /// A sentence in which it must cancel every trigger.
    pub example: Option<String>,
    /// Free text.
    pub notes: Option<String>,
    /// File and line.
    pub origin: Origin,
}

/// What a speaker pattern says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// "X stressed that", "X指出": the person X speaks from here until another speaker takes over.
    Intro,
    /// "The meeting stressed", "会议强调": a body speaks; a later "he" does not refer to it.
    Body,
    /// "He stressed", "他指出": the last person named by an `intro` or a `host` speaks again.
    Pronoun,
    /// "X主持召开……会议": X chairs a meeting. A later "他强调" means X; the sentence and those
    /// after it, until the next introduction, are not the previous speaker's words.
    Host,
    /// A notice's issuing body (header or signature): speaks where nobody else does.
    Issuer,
    /// "By the authority vested in me as President": the document's author.
    Authority,
    /// A speech's byline over two lines near the top ("Li Ming" then "Premier of the
    /// State Council"; a date line then "李明"): matched against a line and the next one
    /// joined by a line break; speaks where nobody else does, after an issuer.
    Byline,
}

/// A pattern naming a speaker.
#[derive(Clone, Debug, Serialize)]
pub struct SpeakerRule {
    /// The language of the sentences it applies to.
    pub lang: Lang,
    /// The key: the `id` column, or the pattern.
    pub id: String,
    /// A regex with a group named `name`, unless `name` is fixed.
    pub pattern: String,
    /// What the match says.
    pub role: Role,
    /// The speaker to report: a template where `$name` is the matched name.
    pub name: String,
    /// A sentence the pattern must name a speaker in.
    pub example: Option<String>,
    /// Free text.
    pub notes: Option<String>,
    /// File and line.
    pub origin: Origin,
}

/// A pattern of time-limit words.
#[derive(Clone, Debug, Serialize)]
pub struct DeadlineRule {
    /// The language of the sentences it applies to.
    pub lang: Lang,
    /// The key: the `id` column, or the pattern.
    pub id: String,
    /// A regex.
    pub pattern: String,
    /// What kind of time limit: `by`, `within`, `from`, `immediate`, `recurring`, `period`.
    pub kind: String,
    /// A sentence the pattern must find a deadline in.
    pub example: Option<String>,
    /// Free text.
    pub notes: Option<String>,
    /// File and line.
    pub origin: Origin,
}

/// A word in a class.
#[derive(Clone, Debug, Serialize)]
pub struct Word {
    /// The language.
    pub lang: Lang,
    /// The word.
    pub word: String,
    /// Its class (`abbrev`, `verb`, `section-task`, ...).
    pub class: String,
    /// A sentence showing it.
    pub example: Option<String>,
    /// Free text.
    pub notes: Option<String>,
    /// File and line.
    pub origin: Origin,
}

/// A style of list or heading marker.
#[derive(Clone, Debug, Serialize)]
pub struct MarkerStyle {
    /// Its name (`zh-dun`, `en-paren-letter`, ...).
    pub style: String,
    /// A regex matched at the start of a sentence.
    pub pattern: String,
    /// A sentence starting with such a marker.
    pub example: Option<String>,
    /// File and line.
    pub origin: Origin,
}

/// Where a document states its own date, in order of trust.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A labelled field: 成文日期：…, "Date: …".
    Field,
    /// The date line of the signature at the end.
    Signature,
    /// A news dateline: "BEIJING, June 12, 2024 --".
    Dateline,
    /// A date or year under or in the title.
    Title,
}

impl DateSource {
    /// The name used in dictionaries and output.
    pub fn name(self) -> &'static str {
        match self {
            DateSource::Field => "field",
            DateSource::Signature => "signature",
            DateSource::Dateline => "dateline",
            DateSource::Title => "title",
        }
    }
}

/// A pattern of a document's own date, with groups `year`, `month` (number or English
/// name) and `day`.
#[derive(Clone, Debug, Serialize)]
pub struct DateRule {
    /// The language of the lines it applies to.
    pub lang: Lang,
    /// The key: the `id` column, or the pattern.
    pub id: String,
    /// The regex.
    pub pattern: String,
    /// Where such a date stands, which also says where to look for it.
    pub source: DateSource,
    /// A line the pattern must read a date from.
    pub example: Option<String>,
    /// Free text.
    pub notes: Option<String>,
    /// File and line.
    pub origin: Origin,
}

/// How a transcript marks a turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TurnLayout {
    /// A stenographer's label before the words: "主持人：……", "MR. JIN: ...".
    Steno,
    /// A line of its own with a label and a time, the words on the next lines:
    /// "发言人1 00:03:15".
    Export,
    /// A timestamp, then a label: "\[00:12:31\] 李明：……".
    TimeLabel,
}

impl TurnLayout {
    /// The name used in dictionaries.
    pub fn name(self) -> &'static str {
        match self {
            TurnLayout::Steno => "steno",
            TurnLayout::Export => "export",
            TurnLayout::TimeLabel => "time-label",
        }
    }
}

/// A pattern that opens a transcript turn at the start of a line, with groups `label`,
/// `time` and `text`.
#[derive(Clone, Debug, Serialize)]
pub struct TurnRule {
    /// The layout it recognizes.
    pub layout: TurnLayout,
    /// The regex.
    pub pattern: String,
    /// A line it must match.
    pub example: Option<String>,
    /// Free text.
    pub notes: Option<String>,
    /// File and line.
    pub origin: Origin,
}

/// Word classes the pipeline reads, per language. A `words` row with another class is an error.
pub const WORD_CLASSES: &[&str] = &[
    "abbrev",
    "abbrev-end",
    "starter",
    "subordinator",
    "verb",
    "adverb",
    "preposition",
    "de-preposition",
    "not-preposition",
    "pronoun",
    "section-task",
    "section-goal",
    "section-background",
    "section-plain",
    "lead-in",
    "party-head",
    "party-tail",
    "plural-pronoun",
    "adverbial-start",
    "not-topic-start",
    "not-topic-mark",
    "opener",
    "title-end",
    "title-noun",
    "form-noun",
    "past",
    "past-date",
    "copula",
    "ability",
    "new-duty",
    "modifier-mark",
    "degree",
    "result-mark",
    "plan-opener",
    "demonstrative",
    "adverbial-head",
    "heading-opener",
    "title-start",
    "verb-preposition",
    "undone",
    "frame-end",
    "relation-verb",
    "open-end",
    "not-actor",
    "stance",
    "thing-tail",
    "time",
    "conjunction",
    "pivot",
    "answer-label",
    "rule-title",
    "reporting",
    "auxiliary",
    "passive-subject",
    "participle",
    "determiner",
    "relative",
    "clause-subject",
    "clause-conjunction",
    "time-tail",
    "honorific",
    "list-preposition",
    "event",
    "not-speaker",
    "not-speaker-end",
    "filler",
    "filler-pause",
    "field-label",
];

/// The merged set of entries the pipeline runs on.
#[derive(Clone, Debug, Default)]
pub struct Dictionary {
    /// Directive phrases.
    pub triggers: Vec<Trigger>,
    /// Cancelling phrases.
    pub blockers: Vec<Blocker>,
    /// Speaker patterns.
    pub speakers: Vec<SpeakerRule>,
    /// Deadline patterns.
    pub deadlines: Vec<DeadlineRule>,
    /// Word lists.
    pub words: Vec<Word>,
    /// List and heading markers.
    pub markers: Vec<MarkerStyle>,
    /// Traditional to simplified characters.
    pub variants: Vec<(char, char)>,
    /// Document-date patterns.
    pub dates: Vec<DateRule>,
    /// Transcript turn patterns.
    pub turns: Vec<TurnRule>,
}

/// The embedded default dictionary files: (name, contents).
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "en/triggers.tsv",
        include_str!("../dictionaries/en/triggers.tsv"),
    ),
    (
        "en/blockers.tsv",
        include_str!("../dictionaries/en/blockers.tsv"),
    ),
    (
        "en/speakers.tsv",
        include_str!("../dictionaries/en/speakers.tsv"),
    ),
    (
        "en/deadlines.tsv",
        include_str!("../dictionaries/en/deadlines.tsv"),
    ),
    ("en/words.tsv", include_str!("../dictionaries/en/words.tsv")),
    (
        "zh/triggers.tsv",
        include_str!("../dictionaries/zh/triggers.tsv"),
    ),
    (
        "zh/blockers.tsv",
        include_str!("../dictionaries/zh/blockers.tsv"),
    ),
    (
        "zh/speakers.tsv",
        include_str!("../dictionaries/zh/speakers.tsv"),
    ),
    (
        "zh/deadlines.tsv",
        include_str!("../dictionaries/zh/deadlines.tsv"),
    ),
    ("zh/words.tsv", include_str!("../dictionaries/zh/words.tsv")),
    ("zh/dates.tsv", include_str!("../dictionaries/zh/dates.tsv")),
    ("en/dates.tsv", include_str!("../dictionaries/en/dates.tsv")),
    (
        "zh/variants.tsv",
        include_str!("../dictionaries/zh/variants.tsv"),
    ),
    (
        "common/markers.tsv",
        include_str!("../dictionaries/common/markers.tsv"),
    ),
    (
        "common/turns.tsv",
        include_str!("../dictionaries/common/turns.tsv"),
    ),
];

impl Dictionary {
    /// An empty dictionary (`--no-default-dict`).
    pub fn empty() -> Self {
        Dictionary::default()
    }

    /// The embedded default dictionary.
    pub fn builtin() -> Self {
        let mut d = Dictionary::empty();
        for (name, text) in BUILTIN_FILES {
            d.add_parsed(&format!("builtin:{name}"), text, true)
                .unwrap_or_else(|e| panic!("embedded dictionary is invalid: {e}"));
        }
        d
    }

    /// Adds the entries of one dictionary file. An entry whose key (its `id`, else its
    /// phrase or pattern; a word with its class) matches an existing entry of the same
    /// language and kind replaces it in place; the others are appended.
    pub fn add_file(&mut self, name: &str, text: &str) -> Result<(), DictError> {
        self.add_parsed(name, text, false)
    }

    fn add_parsed(&mut self, name: &str, text: &str, trusted: bool) -> Result<(), DictError> {
        let mut file = parse_file(name, text)?;
        file.trusted = trusted;
        let origin = |line| Origin {
            file: Arc::from(name),
            line,
        };
        match file.kind {
            Kind::Triggers => {
                let rows = file
                    .rows
                    .iter()
                    .map(|r| r.trigger(&file, origin(r.line)))
                    .collect::<Result<Vec<_>, _>>()?;
                upsert(&mut self.triggers, rows, |t| {
                    format!("{}\0{}", t.lang.code(), t.id)
                });
            }
            Kind::Blockers => {
                let rows = file
                    .rows
                    .iter()
                    .map(|r| r.blocker(&file, origin(r.line)))
                    .collect::<Result<Vec<_>, _>>()?;
                upsert(&mut self.blockers, rows, |b| {
                    format!("{}\0{}", b.lang.code(), b.id)
                });
            }
            Kind::Speakers => {
                let rows = file
                    .rows
                    .iter()
                    .map(|r| r.speaker(&file, origin(r.line)))
                    .collect::<Result<Vec<_>, _>>()?;
                upsert(&mut self.speakers, rows, |s| {
                    format!("{}\0{}", s.lang.code(), s.id)
                });
            }
            Kind::Deadlines => {
                let rows = file
                    .rows
                    .iter()
                    .map(|r| r.deadline(&file, origin(r.line)))
                    .collect::<Result<Vec<_>, _>>()?;
                upsert(&mut self.deadlines, rows, |d| {
                    format!("{}\0{}", d.lang.code(), d.id)
                });
            }
            Kind::Words => {
                let rows = file
                    .rows
                    .iter()
                    .map(|r| r.word(&file, origin(r.line)))
                    .collect::<Result<Vec<_>, _>>()?;
                upsert(&mut self.words, rows, |w| {
                    format!("{}\0{}\0{}", w.lang.code(), w.word, w.class)
                });
            }
            Kind::Markers => {
                for row in &file.rows {
                    let m = MarkerStyle {
                        style: row.required(&file, "style")?.to_string(),
                        pattern: row.required(&file, "pattern")?.to_string(),
                        example: row.optional(&file, "example"),
                        origin: origin(row.line),
                    };
                    check_regex(&file, row.line, &m.pattern)?;
                    upsert(&mut self.markers, vec![m], |m| m.style.clone());
                }
            }
            Kind::Dates => {
                for row in &file.rows {
                    let pattern = row.required(&file, "pattern")?;
                    let re = check_regex(&file, row.line, pattern)?;
                    if !re.has_group("year") {
                        return Err(
                            row.err(&file, "a date pattern needs a (?P<year>...) group".into())
                        );
                    }
                    let d = DateRule {
                        lang: file.lang.expect("checked"),
                        id: row
                            .optional(&file, "id")
                            .unwrap_or_else(|| pattern.to_string()),
                        pattern: pattern.to_string(),
                        source: row.choice(
                            &file,
                            "source",
                            None,
                            |v| match v {
                                "field" => Some(DateSource::Field),
                                "signature" => Some(DateSource::Signature),
                                "dateline" => Some(DateSource::Dateline),
                                "title" => Some(DateSource::Title),
                                _ => None,
                            },
                            "field, signature, dateline, title",
                        )?,
                        example: row.optional(&file, "example"),
                        notes: row.optional(&file, "notes"),
                        origin: origin(row.line),
                    };
                    upsert(&mut self.dates, vec![d], |d| {
                        format!("{}\0{}", d.lang.code(), d.id)
                    });
                }
            }
            Kind::Turns => {
                for row in &file.rows {
                    let rule = row.turn(&file, origin(row.line))?;
                    upsert(&mut self.turns, vec![rule], |t| t.pattern.clone());
                }
            }
            Kind::Variants => {
                let mut index: HashMap<char, usize> =
                    HashMap::with_capacity(self.variants.len() + file.rows.len());
                index.extend(self.variants.iter().enumerate().map(|(i, &(t, _))| (t, i)));
                for row in &file.rows {
                    let t = single_char(&file, row, "traditional")?;
                    let s = single_char(&file, row, "simplified")?;
                    match index.get(&t) {
                        Some(&i) => self.variants[i].1 = s,
                        None => {
                            index.insert(t, self.variants.len());
                            self.variants.push((t, s));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The words of one class in one language.
    pub fn words_of<'a>(&'a self, lang: Lang, class: &'a str) -> impl Iterator<Item = &'a str> {
        self.words
            .iter()
            .filter(move |w| w.lang == lang && w.class == class)
            .map(|w| w.word.as_str())
    }

    /// The words of one class in one language, in their order, indexed for lookups.
    pub fn word_list(&self, lang: Lang, class: &str) -> WordList {
        WordList::new(self.words_of(lang, class).map(str::to_string).collect())
    }
}

/// The key of every row of a dictionary file, with its line, in file order (a key given
/// twice appears twice): `triggers en must`, `words zh 要 adverb`.
pub fn file_keys(name: &str, text: &str) -> Result<Vec<(String, u32)>, DictError> {
    let file = parse_file(name, text)?;
    let origin = |line| Origin {
        file: Arc::from(name),
        line,
    };
    let kind = file.kind.name();
    file.rows
        .iter()
        .map(|r| {
            let o = origin(r.line);
            let key = match file.kind {
                Kind::Triggers => r
                    .trigger(&file, o)
                    .map(|t| format!("{} {}", t.lang.code(), t.id))?,
                Kind::Blockers => r
                    .blocker(&file, o)
                    .map(|b| format!("{} {}", b.lang.code(), b.id))?,
                Kind::Speakers => r
                    .speaker(&file, o)
                    .map(|s| format!("{} {}", s.lang.code(), s.id))?,
                Kind::Deadlines => r
                    .deadline(&file, o)
                    .map(|d| format!("{} {}", d.lang.code(), d.id))?,
                Kind::Words => r
                    .word(&file, o)
                    .map(|w| format!("{} {} {}", w.lang.code(), w.word, w.class))?,
                Kind::Markers => r.required(&file, "style")?.to_string(),
                Kind::Dates => format!(
                    "{} {}",
                    file.lang.map_or("", Lang::code),
                    r.optional(&file, "id").unwrap_or_else(|| r
                        .required(&file, "pattern")
                        .unwrap_or_default()
                        .to_string())
                ),
                Kind::Variants => r.required(&file, "traditional")?.to_string(),
                Kind::Turns => r.turn(&file, o).map(|t| t.pattern)?,
            };
            Ok((format!("{kind} {key}"), r.line))
        })
        .collect()
}

/// Adds `items` to `list`: an item whose key is already there replaces that entry in place,
/// the others are appended. Linear in the sizes of both.
fn upsert<T>(list: &mut Vec<T>, items: Vec<T>, key: impl Fn(&T) -> String) {
    let mut index: HashMap<String, usize> = HashMap::with_capacity(list.len() + items.len());
    index.extend(list.iter().enumerate().map(|(i, x)| (key(x), i)));
    for item in items {
        let k = key(&item);
        match index.get(&k) {
            Some(&i) => list[i] = item,
            None => {
                index.insert(k, list.len());
                list.push(item);
            }
        }
    }
}

/// A parsed file before its rows are typed.
struct File<'t> {
    name: String,
    /// An embedded file: its patterns are compiled by a test, not at every start.
    trusted: bool,
    kind: Kind,
    lang: Option<Lang>,
    columns: Vec<&'t str>,
    rows: Vec<Row<'t>>,
}

struct Row<'t> {
    line: u32,
    /// The cells, trimmed, as written in the file's text.
    cells: Vec<&'t str>,
}

fn parse_file<'t>(name: &str, text: &'t str) -> Result<File<'t>, DictError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let err = |line: u32, msg: String| DictError::new(name, Some(line), msg);
    let (mut kind, mut lang) = (None, None);
    let mut columns: Option<Vec<&str>> = None;
    let mut rows = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let line = i as u32 + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() {
            continue;
        }
        if let Some(comment) = raw.strip_prefix('#') {
            if columns.is_none() {
                if let Some((key, value)) = comment.split_once(':') {
                    let value = value.trim();
                    match key.trim() {
                        "kind" => {
                            kind = Some(Kind::parse(value).ok_or_else(|| {
                                err(line, format!("unknown kind {value:?} (expected one of triggers, blockers, speakers, deadlines, words, markers, variants, dates, turns)"))
                            })?)
                        }
                        "lang" => {
                            lang = Some(Lang::from_code(value).ok_or_else(|| {
                                err(line, format!("unknown lang {value:?} (expected zh or en)"))
                            })?)
                        }
                        _ => {}
                    }
                }
            }
            continue;
        }
        let cells: Vec<&str> = raw.split('\t').map(str::trim).collect();
        match &columns {
            None => {
                let kind = kind.ok_or_else(|| {
                    err(line, "the header comes before a '# kind: ...' line; add one (triggers, blockers, speakers, deadlines, words, markers, variants, dates or turns)".to_string())
                })?;
                let allowed = kind.columns();
                for c in &cells {
                    if !allowed.iter().any(|a| a.trim_end_matches('*') == *c) {
                        return Err(err(
                            line,
                            format!(
                                "unknown column {c:?} for kind {}; allowed: {}",
                                kind.name(),
                                allowed.join(", ")
                            ),
                        ));
                    }
                }
                for a in allowed.iter().filter(|a| a.ends_with('*')) {
                    let a = a.trim_end_matches('*');
                    if !cells.contains(&a) {
                        return Err(err(line, format!("missing required column {a:?}")));
                    }
                }
                columns = Some(cells);
            }
            Some(cols) => {
                if cells.len() > cols.len() {
                    return Err(err(
                        line,
                        format!(
                            "{} cells but the header has {} columns (a stray tab?)",
                            cells.len(),
                            cols.len()
                        ),
                    ));
                }
                rows.push(Row { line, cells });
            }
        }
    }
    let kind = kind.ok_or_else(|| DictError::new(name, None, "no '# kind: ...' line"))?;
    if kind.needs_lang() && lang.is_none() {
        return Err(DictError::new(
            name,
            None,
            "no '# lang: zh' or '# lang: en' line",
        ));
    }
    let columns =
        columns.ok_or_else(|| DictError::new(name, None, "no header row naming the columns"))?;
    Ok(File {
        name: name.to_string(),
        trusted: false,
        kind,
        lang,
        columns,
        rows,
    })
}

impl Row<'_> {
    fn get(&self, file: &File<'_>, column: &str) -> Option<&str> {
        let i = file.columns.iter().position(|c| *c == column)?;
        self.cells.get(i).copied().filter(|s| !s.is_empty())
    }

    fn err(&self, file: &File<'_>, message: String) -> DictError {
        DictError::new(&file.name, Some(self.line), message)
    }

    fn required(&self, file: &File<'_>, column: &str) -> Result<&str, DictError> {
        self.get(file, column)
            .ok_or_else(|| self.err(file, format!("empty {column:?}")))
    }

    fn optional(&self, file: &File<'_>, column: &str) -> Option<String> {
        self.get(file, column).map(str::to_string)
    }

    fn choice<T>(
        &self,
        file: &File<'_>,
        column: &str,
        default: Option<T>,
        parse: impl Fn(&str) -> Option<T>,
        allowed: &str,
    ) -> Result<T, DictError> {
        match self.get(file, column) {
            None => default.ok_or_else(|| self.err(file, format!("empty {column:?}"))),
            Some(v) => parse(v)
                .ok_or_else(|| self.err(file, format!("{column} {v:?} is not one of {allowed}"))),
        }
    }

    fn matching(&self, file: &File<'_>, phrase: &str) -> Result<Match, DictError> {
        let m = self.choice(
            file,
            "match",
            Some(Match::Literal),
            |v| match v {
                "literal" => Some(Match::Literal),
                "regex" => Some(Match::Regex),
                _ => None,
            },
            "literal, regex",
        )?;
        if m == Match::Regex {
            check_regex(file, self.line, phrase)?;
        }
        Ok(m)
    }

    fn trigger(&self, file: &File<'_>, origin: Origin) -> Result<Trigger, DictError> {
        let phrase = self.required(file, "phrase")?;
        let matching = self.matching(file, phrase)?;
        let strength = self.choice(
            file,
            "strength",
            None,
            |v| v.parse::<u8>().ok().filter(|s| (1..=3).contains(s)),
            "1, 2, 3",
        )?;
        Ok(Trigger {
            lang: file.lang.expect("checked"),
            id: self
                .optional(file, "id")
                .unwrap_or_else(|| phrase.to_string()),
            phrase: phrase.to_string(),
            matching,
            modality: self.choice(
                file,
                "modality",
                None,
                Modality::parse,
                "obligation, prohibition, recommendation, commitment",
            )?,
            strength,
            actor: self.choice(
                file,
                "actor",
                Some(ActorRule::Subject),
                |v| match v {
                    "subject" => Some(ActorRule::Subject),
                    "object" => Some(ActorRule::Object),
                    "none" => Some(ActorRule::None),
                    _ => None,
                },
                "subject, object, none",
            )?,
            position: self.choice(
                file,
                "position",
                Some(Position::Any),
                |v| match v {
                    "any" => Some(Position::Any),
                    "start" => Some(Position::Start),
                    _ => None,
                },
                "any, start",
            )?,
            in_background: self.choice(
                file,
                "background",
                Some(true),
                |v| match v {
                    "keep" => Some(true),
                    "drop" => Some(false),
                    _ => None,
                },
                "keep, drop",
            )?,
            example: self.optional(file, "example"),
            notes: self.optional(file, "notes"),
            origin,
        })
    }

    fn blocker(&self, file: &File<'_>, origin: Origin) -> Result<Blocker, DictError> {
        let phrase = self.required(file, "phrase")?;
        Ok(Blocker {
            lang: file.lang.expect("checked"),
            id: self
                .optional(file, "id")
                .unwrap_or_else(|| phrase.to_string()),
            phrase: phrase.to_string(),
            matching: self.matching(file, phrase)?,
            effect: self.choice(
                file,
                "effect",
                None,
                Effect::parse,
                "negation, epistemic, conditional, exclusion, purpose, question, report",
            )?,
            scope: self.choice(
                file,
                "scope",
                None,
                |v| match v {
                    "overlap" => Some(Scope::Overlap),
                    "span" => Some(Scope::Span),
                    "clause" => Some(Scope::Clause),
                    "sentence" => Some(Scope::Sentence),
                    _ => None,
                },
                "overlap, span, clause, sentence",
            )?,
            example: self.optional(file, "example"),
            notes: self.optional(file, "notes"),
            origin,
        })
    }

    fn speaker(&self, file: &File<'_>, origin: Origin) -> Result<SpeakerRule, DictError> {
        let pattern = self.required(file, "pattern")?;
        let re = check_regex(file, self.line, pattern)?;
        let name = self
            .optional(file, "name")
            .unwrap_or_else(|| "$name".into());
        let role_is_pronoun = self.get(file, "role") == Some("pronoun");
        if !role_is_pronoun && name.contains("$name") && !re.has_group("name") {
            return Err(self.err(
                file,
                "the pattern has no (?P<name>...) group and the name column is not fixed text"
                    .into(),
            ));
        }
        Ok(SpeakerRule {
            lang: file.lang.expect("checked"),
            id: self
                .optional(file, "id")
                .unwrap_or_else(|| pattern.to_string()),
            pattern: pattern.to_string(),
            role: self.choice(
                file,
                "role",
                None,
                |v| match v {
                    "intro" => Some(Role::Intro),
                    "body" => Some(Role::Body),
                    "pronoun" => Some(Role::Pronoun),
                    "host" => Some(Role::Host),
                    "issuer" => Some(Role::Issuer),
                    "authority" => Some(Role::Authority),
                    "byline" => Some(Role::Byline),
                    _ => None,
                },
                "intro, body, pronoun, host, issuer, authority, byline",
            )?,
            name,
            example: self.optional(file, "example"),
            notes: self.optional(file, "notes"),
            origin,
        })
    }

    fn deadline(&self, file: &File<'_>, origin: Origin) -> Result<DeadlineRule, DictError> {
        let pattern = self.required(file, "pattern")?;
        check_regex(file, self.line, pattern)?;
        Ok(DeadlineRule {
            lang: file.lang.expect("checked"),
            id: self
                .optional(file, "id")
                .unwrap_or_else(|| pattern.to_string()),
            pattern: pattern.to_string(),
            kind: self.choice(
                file,
                "kind",
                None,
                |v| {
                    ["by", "within", "from", "immediate", "recurring", "period"]
                        .contains(&v)
                        .then(|| v.to_string())
                },
                "by, within, from, immediate, recurring, period",
            )?,
            example: self.optional(file, "example"),
            notes: self.optional(file, "notes"),
            origin,
        })
    }

    fn turn(&self, file: &File<'_>, origin: Origin) -> Result<TurnRule, DictError> {
        let pattern = self.required(file, "pattern")?;
        let re = check_regex(file, self.line, pattern)?;
        if !re.has_group("label") {
            return Err(self.err(file, "a turn pattern needs a (?P<label>...) group".into()));
        }
        Ok(TurnRule {
            layout: self.choice(
                file,
                "layout",
                None,
                |v| match v {
                    "steno" => Some(TurnLayout::Steno),
                    "export" => Some(TurnLayout::Export),
                    "time-label" => Some(TurnLayout::TimeLabel),
                    _ => None,
                },
                "steno, export, time-label",
            )?,
            pattern: pattern.to_string(),
            example: self.optional(file, "example"),
            notes: self.optional(file, "notes"),
            origin,
        })
    }

    fn word(&self, file: &File<'_>, origin: Origin) -> Result<Word, DictError> {
        let class = self.required(file, "class")?;
        if !WORD_CLASSES.contains(&class) {
            return Err(self.err(
                file,
                format!("class {class:?} is not one of {}", WORD_CLASSES.join(", ")),
            ));
        }
        Ok(Word {
            lang: file.lang.expect("checked"),
            word: self.required(file, "word")?.to_string(),
            class: class.to_string(),
            example: self.optional(file, "example"),
            notes: self.optional(file, "notes"),
            origin,
        })
    }
}

fn single_char(file: &File<'_>, row: &Row<'_>, column: &str) -> Result<char, DictError> {
    let v = row.required(file, column)?;
    let mut chars = v.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(row.err(file, format!("{column} {v:?} must be one character"))),
    }
}

/// The size limit for one compiled dictionary pattern: large enough for any sane rule,
/// small enough that an absurd one is an error rather than a stall.
pub const REGEX_SIZE_LIMIT: usize = 4 << 20;

/// What checking a pattern learnt: whether it has a group of a given name.
struct Checked<'p> {
    pattern: &'p str,
    groups: Option<Vec<String>>,
}

impl Checked<'_> {
    fn has_group(&self, name: &str) -> bool {
        match &self.groups {
            Some(g) => g.iter().any(|n| n == name),
            // A trusted file was not compiled: its groups are read from the text.
            None => {
                self.pattern.contains(&format!("(?P<{name}>"))
                    || self.pattern.contains(&format!("(?<{name}>"))
            }
        }
    }
}

/// Compiles `pattern` to check it, unless the file is trusted (the embedded dictionaries,
/// which a test compiles instead, so that start-up does not pay for it).
fn check_regex<'p>(file: &File<'_>, line: u32, pattern: &'p str) -> Result<Checked<'p>, DictError> {
    if file.trusted {
        return Ok(Checked {
            pattern,
            groups: None,
        });
    }
    let re = regex::RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| {
            let msg = e.to_string().replace('\n', " ");
            DictError::new(
                &file.name,
                Some(line),
                format!("invalid regex {pattern:?}: {msg}"),
            )
        })?;
    Ok(Checked {
        pattern,
        groups: Some(re.capture_names().flatten().map(str::to_string).collect()),
    })
}

/// Counts entries by kind, for `dict list` and tests.
pub fn counts(d: &Dictionary) -> HashMap<&'static str, usize> {
    HashMap::from([
        ("triggers", d.triggers.len()),
        ("blockers", d.blockers.len()),
        ("speakers", d.speakers.len()),
        ("deadlines", d.deadlines.len()),
        ("words", d.words.len()),
        ("markers", d.markers.len()),
        ("turns", d.turns.len()),
        ("variants", d.variants.len()),
        ("dates", d.dates.len()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "\u{feff}# kind: triggers\r\n# lang: en\r\n\r\nphrase\tmodality\tstrength\texample\r\nmust\tobligation\t3\tYou must go.\r\n# a comment\r\nought to\tobligation\t2\r\n";

    #[test]
    fn parses_bom_crlf_comments_and_blank_lines() {
        let mut d = Dictionary::empty();
        d.add_file("user.tsv", GOOD).unwrap();
        assert_eq!(d.triggers.len(), 2);
        let must = &d.triggers[0];
        assert_eq!(must.phrase, "must");
        assert_eq!(must.strength, 3);
        assert_eq!(must.actor, ActorRule::Subject);
        assert_eq!(must.example.as_deref(), Some("You must go."));
        assert_eq!(must.origin.line, 5);
        assert_eq!(d.triggers[1].origin.line, 7);
    }

    #[test]
    fn a_bad_row_names_file_and_line() {
        let text = "# kind: triggers\n# lang: en\nphrase\tmodality\tstrength\nmust\tobligation\t3\nshould\toblige\t2\n";
        let e = Dictionary::empty().add_file("my.tsv", text).unwrap_err();
        assert_eq!(e.file, "my.tsv");
        assert_eq!(e.line, Some(5));
        assert!(e.message.contains("oblige"), "{}", e.message);
    }

    #[test]
    fn missing_kind_unknown_column_and_bad_regex_are_errors() {
        let e = Dictionary::empty()
            .add_file("a.tsv", "phrase\tmodality\n")
            .unwrap_err();
        assert!(e.message.contains("# kind"), "{e}");
        let e = Dictionary::empty()
            .add_file("b.tsv", "# kind: words\n# lang: zh\nword\tclass\tcolour\n")
            .unwrap_err();
        assert!(e.message.contains("colour"), "{e}");
        let e = Dictionary::empty()
            .add_file(
                "c.tsv",
                "# kind: blockers\n# lang: en\nphrase\tmatch\teffect\tscope\n(unclosed\tregex\tnegation\toverlap\n",
            )
            .unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(e.message.contains("invalid regex"), "{e}");
    }

    #[test]
    fn an_absurd_regex_is_refused_by_the_size_limit() {
        let text =
            "# kind: deadlines\n# lang: en\npattern\tkind\n\\w{1000}\\w{1000}\\w{1000}\tby\n";
        let e = Dictionary::empty().add_file("big.tsv", text).unwrap_err();
        assert!(e.message.contains("size limit"), "{e}");
    }

    #[test]
    fn a_user_entry_overrides_the_builtin_one_with_the_same_key() {
        let mut d = Dictionary::builtin();
        let before = d.triggers.len();
        d.add_file(
            "user.tsv",
            "# kind: triggers\n# lang: en\nphrase\tmodality\tstrength\nmust\trecommendation\t1\nbe sure to\tobligation\t2\n",
        )
        .unwrap();
        let must: Vec<_> = d
            .triggers
            .iter()
            .filter(|t| t.lang == Lang::En && t.id == "must")
            .collect();
        assert_eq!(must.len(), 1);
        assert_eq!(must[0].modality, Modality::Recommendation);
        assert_eq!(&*must[0].origin.file, "user.tsv");
        let added = usize::from(
            !Dictionary::builtin()
                .triggers
                .iter()
                .any(|t| t.id == "be sure to"),
        );
        assert_eq!(d.triggers.len(), before + added);
    }

    #[test]
    fn every_builtin_pattern_compiles() {
        // builtin() trusts the embedded files and does not compile their patterns; this is
        // where they are compiled and checked.
        let mut d = Dictionary::empty();
        for (name, text) in BUILTIN_FILES {
            d.add_file(name, text).unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(d.triggers.len(), Dictionary::builtin().triggers.len());
    }

    #[test]
    fn builtin_files_parse_and_are_not_empty() {
        let d = Dictionary::builtin();
        let c = counts(&d);
        for kind in [
            "triggers",
            "blockers",
            "speakers",
            "deadlines",
            "words",
            "markers",
            "turns",
            "variants",
        ] {
            assert!(c[kind] > 0, "no builtin {kind}");
        }
        for lang in [Lang::Zh, Lang::En] {
            assert!(d.triggers.iter().any(|t| t.lang == lang));
        }
    }
}
