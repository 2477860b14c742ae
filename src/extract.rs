//! The pipeline: an [`Extractor`] runs every stage over a [`Document`].

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use xxhash_rust::xxh3::xxh3_64;

use crate::actor::Actors;
use crate::check::{self, Check, Checked, Context, Reason, WordSegmenter};
use crate::dates::{Anchor, Dates};
use crate::deadline::{Deadlines, Found as FoundDeadline};
use crate::dictionary::{ActorRule, Dictionary, Effect, Modality, Scope};
use crate::document::{Document, Lang, Span};
use crate::error::{Error, Result};
use crate::formats::transcript::TurnPatterns;
use crate::segment::{Segmenter, Sentence, SentenceSplitter, Terminator};
use crate::speaker::{Speaker, SpeakerTrack, Speakers};
use crate::structure::{Mode, Place, Structure};
use crate::task::{Deadline, Rule, Task, TaskId};
use crate::trigger::{Candidate, Entry, PhraseMatcher};
use crate::view::{Variants, View};
use crate::wordlist::WordList;

/// Builds an [`Extractor`]: choose the dictionaries, then `build`.
///
/// ```
/// use directives::Extractor;
/// let extractor = Extractor::builder()
///     .dictionary_text("mine.tsv", "# kind: triggers\n# lang: en\nphrase\tmodality\tstrength\nbe sure to\tobligation\t2\n")
///     .build()
///     .unwrap();
/// let doc = directives::Document::from_text("memo.txt", "Staff must be sure to lock the doors.");
/// assert_eq!(extractor.extract(&doc).tasks.len(), 1);
/// ```
#[derive(Debug, Default)]
pub struct ExtractorBuilder {
    no_defaults: bool,
    extra: Vec<(String, String)>,
    files: Vec<std::path::PathBuf>,
    names: Vec<(String, String)>,
    name_files: Vec<std::path::PathBuf>,
}

impl ExtractorBuilder {
    /// Leaves out the built-in dictionaries (`--no-default-dict`).
    pub fn no_default_dictionary(mut self, yes: bool) -> Self {
        self.no_defaults = yes;
        self
    }

    /// Adds a dictionary file, read when `build` runs (`--dict FILE`).
    pub fn dictionary_file(mut self, path: impl AsRef<Path>) -> Self {
        self.files.push(path.as_ref().to_path_buf());
        self
    }

    /// Adds several dictionary files.
    pub fn dictionary_files<P: AsRef<Path>>(mut self, paths: &[P]) -> Self {
        self.files
            .extend(paths.iter().map(|p| p.as_ref().to_path_buf()));
        self
    }

    /// Adds a dictionary from text, under a name used in messages.
    pub fn dictionary_text(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.extra.push((name.into(), text.into()));
        self
    }

    /// Reports a transcript's speaker label as `name` ("发言人1" as "王明").
    pub fn speaker_name(mut self, label: impl Into<String>, name: impl Into<String>) -> Self {
        self.names.push((label.into(), name.into()));
        self
    }

    /// Reads label-to-name pairs from a file (`--speakers FILE`): one `label<TAB>name` a
    /// line, `#` comments and blank lines ignored.
    pub fn speaker_names_file(mut self, path: impl AsRef<Path>) -> Self {
        self.name_files.push(path.as_ref().to_path_buf());
        self
    }

    /// Loads the dictionaries and compiles every stage.
    pub fn build(self) -> Result<Extractor> {
        let mut dict = if self.no_defaults {
            Dictionary::empty()
        } else {
            Dictionary::builtin()
        };
        for path in &self.files {
            let name = crate::error::display_path(path);
            let bytes = std::fs::read(path).map_err(|e| Error::Config(format!("{name}: {e}")))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| Error::Config(format!("{name}: a dictionary must be UTF-8")))?;
            dict.add_file(&name, &text)?;
        }
        for (name, text) in &self.extra {
            dict.add_file(name, text)?;
        }
        let mut names = HashMap::new();
        for path in &self.name_files {
            let name = crate::error::display_path(path);
            let text = std::fs::read(path)
                .map_err(|e| Error::Config(format!("{name}: {e}")))
                .and_then(|b| {
                    String::from_utf8(b)
                        .map_err(|_| Error::Config(format!("{name}: a speaker map must be UTF-8")))
                })?;
            names.extend(parse_speaker_map(&name, &text)?);
        }
        names.extend(self.names);
        let mut ex = Extractor::new(dict)?;
        ex.speaker_names = names;
        Ok(ex)
    }
}

/// Parses a speaker map: `label<TAB>name` a line.
fn parse_speaker_map(name: &str, text: &str) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (k, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        match line.split_once('\t') {
            Some((label, who)) if !label.trim().is_empty() && !who.trim().is_empty() => {
                out.push((label.trim().to_string(), who.trim().to_string()));
            }
            _ => {
                return Err(Error::Config(format!(
                    "{name}:{}: expected a speaker label, a tab and a name",
                    k + 1
                )))
            }
        }
    }
    Ok(out)
}

/// Runs the pipeline. Build once, use for many documents, from many threads.
pub struct Extractor {
    dict: Dictionary,
    segmenter: Segmenter,
    variants: Variants,
    zh: PhraseMatcher,
    en: PhraseMatcher,
    checks: Vec<Box<dyn Check>>,
    words: Box<dyn WordSegmenter>,
    structure: Structure,
    speakers: Speakers,
    actors: Actors,
    deadlines: Deadlines,
    dates: Dates,
    past: WordList,
    copulas: WordList,
    abilities: WordList,
    /// Marks that make a command verb before them a modifier or a noun (的, 者).
    modifier_marks: WordList,
    /// Words of degree or trend (仍然, 日益) that make a verb after them a description.
    degrees: WordList,
    /// Words (得到, 获得) that make a verb after them what something got: "结构得到调整"
    /// reports.
    result_marks: WordList,
    /// Words of the time ahead (新的一年, 今年) that, opening a sentence, end a paragraph's
    /// report of the past.
    plan_openers: WordList,
    /// Chinese demonstratives: one opening a sentence with a copula in its first clause
    /// makes the whole sentence a description ("这是……的重要保证").
    demonstratives: WordList,
    /// Chinese adverbial heads: a clause that opens with one and ends at a comma is an
    /// adverbial ("针对……重点检查事项，"), and its verbs are not the command.
    adverbial_heads: WordList,
    /// Words that end a Chinese document's title (通知, 意见, 方案 ...).
    title_ends: WordList,
    /// Words that open a Chinese document's title (关于).
    title_starts: WordList,
    /// Prepositions that make a command verb right after them an adverbial's deed (在).
    verb_prepositions: WordList,
    /// Words that say a deed was not done (没有, 尚未): a command verb after one reports.
    undone: WordList,
    /// Words that close an adverbial a verb-preposition opens (在……进程中，).
    frame_ends: WordList,
    /// Verbs whose object is the rest of their clause (事关, 有利于).
    relation_verbs: WordList,
    /// Words that open a clause with a new duty, out of the scope of a word of ability.
    new_duties: WordList,
    adverbs: WordList,
    /// All Chinese adverbs, one character long too (既, 也): stripped from the head of a
    /// clause before a relation verb.
    all_adverbs: WordList,
    turns: Arc<TurnPatterns>,
    speaker_names: HashMap<String, String>,
    /// Turn labels that stand for whoever answers (答, A).
    answer_labels: Vec<String>,
    /// Titles that, before a surname, make a turn label stand for a person ("MS. PSAKI").
    honorifics: Vec<String>,
    keep_analysis: bool,
}

/// How many sentences go through the stages together: few enough that their analysis costs
/// no memory to speak of, enough that each stage's automata stay in cache.
const BLOCK: usize = 256;

/// The most dictionary phrases looked at in one sentence.
const MAX_CANDIDATES: usize = 512;

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("triggers", &self.dict.triggers.len())
            .finish_non_exhaustive()
    }
}

/// The directive of a unit that ended with a semicolon, which the next clause may go on with.
#[derive(Clone, Copy, Debug)]
struct Carry {
    modality: Modality,
    strength: u8,
    /// The directive leads in a list of gerunds ("we should focus on the following work:
    /// improving ...;"), so a clause that opens with one goes on with it.
    gerunds: bool,
}

/// True when one of `words` stands as a word of its own in `view[from..to]`; unless
/// `modifiers`, not as one right before 的.
fn holds_word(
    ctx: &Context<'_>,
    view: &str,
    words: &WordList,
    from: usize,
    to: usize,
    modifiers: bool,
) -> bool {
    words.occurrences(&view[from..to]).any(|(k, w)| {
        let word = Span::new(from + k, from + k + w.len());
        ctx.is_word(word) && (modifiers || !view[word.end..].starts_with('的'))
    })
}

/// True when a colon after `from` opens a list whose first item is a gerund: "we should
/// focus on the following work: improving infrastructure;".
fn opens_gerund_list(view: &str, from: usize) -> bool {
    let Some(colon) = view[from..].find(':') else {
        return false;
    };
    let item = view[from + colon + 1..].trim_start();
    let word = &item[..item
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(item.len())];
    word.len() > 4 && word.ends_with("ing")
}

/// A trigger found in a dictionary candidate or implied by the layout.
#[derive(Clone, Debug)]
struct Trig {
    span: Span,
    modality: Modality,
    strength: u8,
    actor: ActorRule,
    hint: Option<Span>,
    rule: Rule,
}

/// A candidate phrase in the document, with the outcome of the checks (for `explain`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The sentence it is in.
    pub sentence: usize,
    /// The dictionary entry.
    pub entry: Entry,
    /// Its words in the document.
    pub span: Span,
    /// Why it was dropped, if it was.
    pub dropped: Option<Reason>,
}

/// What the pipeline found in one document.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    /// Every sentence, in order.
    pub sentences: Vec<Sentence>,
    /// The language of each sentence.
    pub langs: Vec<Lang>,
    /// The layout of each sentence (empty when the extractor does not keep the analysis:
    /// [`Extractor::set_keep_analysis`]).
    pub places: Vec<Place>,
    /// Every candidate phrase and its fate (empty when the extractor does not keep the
    /// analysis).
    pub hits: Vec<Hit>,
    /// The speaker of each sentence.
    pub speakers: SpeakerTrack,
    /// The directives, in document order.
    pub tasks: Vec<Task>,
    /// The date the document gives itself, if any.
    pub date: Option<Anchor>,
}

impl Extraction {
    /// The main language of the document: the one most of its text is in.
    pub fn lang(&self) -> Option<Lang> {
        let mut weight = [0usize; 2];
        for (s, l) in self.sentences.iter().zip(&self.langs) {
            weight[*l as usize] += s.span.len();
        }
        if self.sentences.is_empty() {
            None
        } else if weight[Lang::Zh as usize] >= weight[Lang::En as usize] {
            Some(Lang::Zh)
        } else {
            Some(Lang::En)
        }
    }
}

/// What the assembly of tasks needs of the whole document.
struct Assembly<'a> {
    speakers: &'a SpeakerTrack,
    date: Option<&'a Anchor>,
    doc_hash: u64,
}

/// One sentence on its way through the stages.
struct Unit<'d> {
    view: View<'d>,
    lang: Lang,
    body: usize,
    /// Boxed slices, not vectors: a unit is kept for every sentence of the document until
    /// its tasks are assembled, and most sentences have none.
    candidates: Box<[Candidate]>,
    /// Beside each candidate, why the checks dropped it (`None`: kept).
    dropped: Box<[Option<Reason>]>,
    runs: check::WordRuns,
}

impl Extractor {
    /// A builder with the built-in dictionaries.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// An extractor with the built-in dictionaries.
    pub fn with_defaults() -> Result<Extractor> {
        Extractor::new(Dictionary::builtin())
    }

    /// Compiles every stage for `dict`.
    pub fn new(dict: Dictionary) -> Result<Extractor> {
        let segmenter = Segmenter::new(&dict)?;
        let structure = Structure::new(&dict)?.sharing_marker_union(segmenter.marker_union());
        let mut jieba_words: Vec<String> = dict
            .triggers
            .iter()
            .filter(|t| t.lang == Lang::Zh && t.matching == crate::dictionary::Match::Literal)
            .map(|t| t.phrase.clone())
            .collect();
        // Command verbs join jieba's dictionary too, but not compounds that open with a
        // trigger (严格落实, 切实加强): as one word they would hide the trigger inside them.
        let opens_with_trigger = |v: &str| {
            jieba_words
                .iter()
                .any(|t| v.len() > t.len() && v.starts_with(t.as_str()))
        };
        let verbs: Vec<String> = structure
            .zh_verbs()
            .iter()
            .filter(|v| !opens_with_trigger(v))
            .cloned()
            .collect();
        jieba_words.extend(verbs);
        Ok(Extractor {
            segmenter,
            variants: Variants::new(&dict.variants),
            zh: PhraseMatcher::new(&dict, Lang::Zh)?,
            en: PhraseMatcher::new(&dict, Lang::En)?,
            checks: check::default_checks(),
            words: Box::new(crate::words::LazyJiebaWords::new(jieba_words)),
            speakers: Speakers::new(&dict)?,
            actors: Actors::with_command_verbs(&dict, structure.command_verbs()),
            deadlines: Deadlines::new(&dict)?,
            dates: Dates::new(&dict)?,
            past: dict.word_list(Lang::Zh, "past"),
            abilities: dict.word_list(Lang::Zh, "ability"),
            modifier_marks: dict.word_list(Lang::Zh, "modifier-mark"),
            degrees: dict.word_list(Lang::Zh, "degree"),
            result_marks: dict.word_list(Lang::Zh, "result-mark"),
            plan_openers: dict.word_list(Lang::Zh, "plan-opener"),
            demonstratives: dict.word_list(Lang::Zh, "demonstrative"),
            adverbial_heads: dict.word_list(Lang::Zh, "adverbial-head"),
            title_ends: dict.word_list(Lang::Zh, "title-end"),
            title_starts: dict.word_list(Lang::Zh, "title-start"),
            verb_prepositions: dict.word_list(Lang::Zh, "verb-preposition"),
            undone: dict.word_list(Lang::Zh, "undone"),
            frame_ends: dict.word_list(Lang::Zh, "frame-end"),
            relation_verbs: dict.word_list(Lang::Zh, "relation-verb"),
            new_duties: dict.word_list(Lang::Zh, "new-duty"),
            copulas: dict.word_list(Lang::Zh, "copula"),
            adverbs: dict
                .words_of(Lang::Zh, "adverb")
                .filter(|w| w.chars().count() >= 2)
                .map(str::to_string)
                .collect::<Vec<_>>()
                .into(),
            all_adverbs: dict.word_list(Lang::Zh, "adverb"),
            turns: Arc::new(TurnPatterns::new(&dict)),
            speaker_names: HashMap::new(),
            honorifics: dict
                .words_of(Lang::En, "honorific")
                .map(str::to_lowercase)
                .collect(),
            answer_labels: dict
                .words_of(Lang::Zh, "answer-label")
                .chain(dict.words_of(Lang::En, "answer-label"))
                .map(str::to_string)
                .collect(),
            keep_analysis: true,
            structure,
            dict,
        })
    }

    /// Whether an [`Extraction`] keeps the analysis behind its tasks: every candidate phrase
    /// and its fate ([`Extraction::hits`]) and every sentence's layout
    /// ([`Extraction::places`]). The default, for `explain` and checks of dictionaries; a
    /// run that only wants tasks saves the memory (a tenth of the document's size, and more).
    pub fn set_keep_analysis(&mut self, yes: bool) {
        self.keep_analysis = yes;
    }

    /// How transcripts mark turns, for [`crate::formats::LoadOptions::turns`].
    pub fn turn_patterns(&self) -> Arc<TurnPatterns> {
        Arc::clone(&self.turns)
    }

    /// The name a transcript label is reported as: the `--speakers` map's; for a label that
    /// stands for whoever answers (答), the document's own speaker (the spokesperson its
    /// heading names); else as written.
    fn speaker_name(&self, label: &str, document: Option<&Speaker>) -> Arc<str> {
        if let Some(name) = self.speaker_names.get(label) {
            return Arc::from(name.as_str());
        }
        match document {
            Some(d) if self.answer_labels.iter().any(|a| a == label) => d.name.clone(),
            // "MS. PSAKI" in the briefing of "Jen Psaki": a title and the surname of the
            // person the heading names.
            Some(d)
                if self.titled_surname(label).is_some_and(|surname| {
                    d.name
                        .split_whitespace()
                        .next_back()
                        .is_some_and(|last| last.eq_ignore_ascii_case(surname))
                }) =>
            {
                d.name.clone()
            }
            _ => Arc::from(label),
        }
    }

    /// The surname of a turn label made of a title and a surname ("MS. PSAKI", "Secretary
    /// Blinken").
    fn titled_surname<'l>(&self, label: &'l str) -> Option<&'l str> {
        let mut words = label.split_whitespace();
        let title = words.next()?.trim_end_matches('.').to_lowercase();
        let surname = words.next()?;
        (words.next().is_none() && self.honorifics.contains(&title)).then_some(surname)
    }

    /// The dictionary in use.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// Stage 2 alone: the document's sentences. In a transcript no sentence runs across
    /// a change of turn.
    pub fn segment(&self, doc: &Document) -> Vec<Sentence> {
        let sentences = self.segmenter.split(doc.analysis_text());
        if doc.turns.len() < 2 {
            return sentences;
        }
        split_at_turns(doc, sentences)
    }

    /// The rule id of a task (`en/triggers/must`, `zh/layout/section`).
    pub fn rule_id(&self, task: &Task) -> String {
        self.rule_name(&task.rule, task.lang)
    }

    fn rule_name(&self, rule: &Rule, lang: Lang) -> String {
        match rule {
            Rule::Trigger(i) => {
                let t = &self.dict.triggers[*i];
                format!("{}/triggers/{}", t.lang.code(), t.id)
            }
            Rule::Implied { via } => format!("{}/layout/{via}", lang.code()),
        }
    }

    /// Runs the whole pipeline.
    ///
    /// Sentences go through the stages in order, 256 at a time: a block is analysed, placed
    /// in its sections, given its speakers and turned into tasks before the next is read, so
    /// that memory holds the document and its results, not every sentence's analysis. What
    /// the whole document settles (its date, the speaker no one introduces) is read first
    /// from its opening and closing lines.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let text = doc.analysis_text();
        let sentences = self.segment(doc);
        let n = sentences.len();
        let whole_line = |i: usize| sentences[i].whole_line();
        let plain = Variants::default();
        // Names are reported as written: traditional stays traditional, and a space between
        // two names on one line stays ("中共中央 国务院"); a line break inside a name does not.
        let cite = |view: &View<'_>, span: Span| {
            let raw = view.to_doc(span).of(text);
            if raw.contains(['\n', '\r']) {
                View::new(raw, 0, &plain).text.into_owned()
            } else {
                raw.split(char::is_whitespace)
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        };

        // The opening and closing lines, for the document's date and fallback speaker.
        let mut edges: Vec<usize> = Dates::anchor_sentences(n, whole_line)
            .chain(Speakers::fallback_sentences(n, whole_line))
            .collect();
        edges.sort_unstable();
        edges.dedup();
        // In order of sentence; each view is handed on to the sentence's analysis below.
        let mut edges: Vec<(usize, Option<(View<'_>, Lang)>)> = edges
            .into_iter()
            .map(|i| (i, Some(self.view(text, &sentences[i]))))
            .collect();
        let edge = |i: usize| {
            let k = edges.binary_search_by_key(&i, |e| e.0).ok()?;
            edges[k].1.as_ref()
        };
        let edge_view = |i: usize| edge(i).map_or("", |e| &*e.0.text);
        let edge_lang = |i: usize| edge(i).map_or(Lang::En, |e| e.1);
        let date = self.dates.anchor(n, edge_view, whole_line, edge_lang);
        let fallback = self
            .speakers
            .fallback(n, edge_view, edge_lang, whole_line, |i, span| {
                edge(i).map_or_else(String::new, |e| cite(&e.0, span))
            });
        let mut next_edge = 0;

        let mut walk = self.structure.walk();
        let mut places = Vec::new();
        let mut follow = self.speakers.follow(fallback);
        let mut speakers = SpeakerTrack::default();
        let doc_hash = xxh3_64(doc.text.as_bytes());
        let mut langs = Vec::with_capacity(n);
        // The first dictionary trigger of each sentence, for the list items a lead-in governs.
        let mut first_trigger: Vec<Option<(Modality, u8)>> = Vec::with_capacity(n);
        // The Chinese lead-ins that report work done ("一年来，我们主要做了以下工作："):
        // the items under them report too.
        let mut reporting_leads: Vec<usize> = Vec::new();
        // Whether the current paragraph opened with a report of the past ("过去的一年，……
        // 取得新的成就"): the rest of it reports too.
        let mut reporting_paragraph = false;
        // The directive of the last unit, when it ended with a semicolon: the clause after it
        // may go on with it ("We will pilot ...; accelerate ...;").
        let mut carry: Option<Carry> = None;
        // Room for a task a sentence, reserved at once: a vector that outgrows its buffer
        // moves, and the allocator returns the old buffer to the system only later. Pages
        // never written cost no memory.
        let mut tasks = Vec::with_capacity(n);
        // The last sentence, when it opened with 为 ("为……，确保……。"): the purpose of a
        // notice, if a lead line ("现就有关事项通知如下。") follows it.
        let mut purpose_before: Option<usize> = None;
        // The first sentence of the current paragraph.
        let mut paragraph_start = 0;
        // The first task of the paragraph that no bracketed time limit has reached yet.
        let mut note_floor = 0;
        let mut hits = Vec::new();
        for block in (0..n).step_by(BLOCK) {
            let block = block..(block + BLOCK).min(n);
            // Each stage runs over the block before the next starts, so that its automata
            // stay in the processor's caches.
            let mut places_here: Vec<Place> = block
                .clone()
                .map(|i| walk.mark(text, &sentences, i))
                .collect();

            // Stages 3 and 4: candidates and checks.
            let mut units: Vec<Unit<'_>> = block
                .clone()
                .zip(&places_here)
                .map(|(i, place)| {
                    let known = match edges.get_mut(next_edge) {
                        Some((at, view)) if *at == i => {
                            next_edge += 1;
                            view.take()
                        }
                        _ => None,
                    };
                    self.unit(text, &sentences[i], place, known)
                })
                .collect();
            langs.extend(units.iter().map(|u| u.lang));

            // Layout: section, mode, lead-in.
            for ((i, unit), place) in block.clone().zip(&mut units).zip(&mut places_here) {
                let has_trigger = unit
                    .checked()
                    .any(|c| c.dropped.is_none() && matches!(c.candidate.entry, Entry::Trigger(_)));
                walk.step(text, i, &sentences[i], place, has_trigger, &unit.view.text);
                if place
                    .governed_by
                    .is_some_and(|l| reporting_leads.binary_search(&l).is_ok())
                {
                    place.mode = Mode::Background;
                }
                if !has_trigger && self.reports_work_done(unit, &sentences[i]) {
                    reporting_leads.push(i);
                }
                if sentences[i].line_start {
                    reporting_paragraph = !has_trigger
                        && place.marker.is_none()
                        && !place.heading
                        && self.opens_with_past(unit);
                } else if reporting_paragraph && unit.lang == Lang::Zh {
                    // "……取得重要进展。在新的一年，要……": a sentence that opens with a word
                    // of the time ahead ends the report; the rest of the paragraph plans.
                    if self.opens_with_plan(unit) {
                        reporting_paragraph = false;
                    } else {
                        place.mode = Mode::Background;
                    }
                }
                // In a background section, words that there report what was done do not
                // count.
                if place.mode == Mode::Background {
                    for (c, dropped) in unit.candidates.iter().zip(&mut unit.dropped) {
                        if let (Entry::Trigger(ti), None) = (c.entry, &dropped) {
                            if !self.dict.triggers[ti].in_background {
                                *dropped = Some(Reason::Background);
                            }
                        }
                    }
                }
            }

            // The speaker; in a transcript the label of a turn names it, whatever the words
            // say.
            for (i, unit) in block.clone().zip(&units) {
                if sentences[i].line_start {
                    follow.paragraph();
                }
                let (said, intro_end) = follow.next(i, unit.lang, &unit.view.text, &|span| {
                    cite(&unit.view, span)
                });
                let turn = doc.turns_in(sentences[i].span).first();
                let speaker = match turn.and_then(|t| Some((t, t.label.as_deref()?))) {
                    Some((turn, label)) => {
                        let first = sentences.partition_point(|o| o.span.end <= turn.span.start);
                        Some(Speaker {
                            name: self.speaker_name(label, follow.fallback()),
                            rule: None,
                            sentence: first.min(i),
                        })
                    }
                    None => said,
                };
                speakers.push(speaker, intro_end);
            }

            // Tasks.
            let ctx = Assembly {
                speakers: &speakers,
                date: date.as_ref(),
                doc_hash,
            };
            for ((i, unit), place) in block.zip(&units).zip(&places_here) {
                let sentence = &sentences[i];
                if sentence.line_start {
                    paragraph_start = i;
                    note_floor = tasks.len();
                }
                if self.keep_analysis {
                    hits.extend(unit.checked().map(|c| Hit {
                        sentence: i,
                        entry: c.candidate.entry,
                        span: unit.view.to_doc(c.candidate.span),
                        dropped: c.dropped,
                    }));
                }
                // "为……，坚决防止各类安全事故的发生。现就有关事项通知如下。": a notice's purpose,
                // cut from its lead line by a full stop, orders nothing either.
                if purpose_before == Some(i.wrapping_sub(1))
                    && !sentence.line_start
                    && self.is_lead_line(unit)
                {
                    tasks.retain(|t: &Task| t.sentence + 1 != i);
                    note_floor = note_floor.min(tasks.len());
                }
                // Only when no modal word (要, 必须: a trigger that counts in background
                // sections too) gives it a duty of its own: "为……，要引以为戒，……" orders.
                purpose_before = (unit.lang == Lang::Zh
                    && unit.view.text[unit.body..].trim_start().starts_with('为')
                    && !unit.checked().any(|c| {
                        c.dropped.is_none()
                            && matches!(c.candidate.entry,
                                Entry::Trigger(t) if self.dict.triggers[t].in_background)
                    }))
                .then_some(i);
                let mut trigs = self.dictionary_triggers(unit);
                first_trigger.push(trigs.first().map(|t| (t.modality, t.strength)));
                if !trigs.is_empty()
                    && unit.lang == Lang::En
                    && place.marker.is_none()
                    && sentence.whole_line()
                    && matches!(sentence.end, Terminator::Line | Terminator::End)
                    && stands_alone(text, sentence.span)
                {
                    // A title between blank lines ("What the government will do in 2017")
                    // announces a plan; it commits no one.
                    trigs.retain(|t| t.modality != Modality::Commitment);
                }
                if unit.lang == Lang::Zh && place.heading && place.marker.is_none() {
                    // "关于切实做好消防安全防控工作的紧急通知": a document's title names it;
                    // the 切实 in it orders nothing.
                    let title = unit.view.text[unit.body..]
                        .trim_matches(|c: char| c.is_whitespace() || c == '#' || c == '*');
                    if self
                        .title_starts
                        .iter()
                        .any(|w| title.starts_with(w.as_str()))
                        && self.title_ends.closes(title)
                    {
                        carry = None;
                        continue;
                    }
                }
                // "……确保整改到位。（完成时限4月20日前）": a time limit in brackets after the
                // tasks of its paragraph is their deadline, not a task of its own.
                if trigs.is_empty()
                    && self.deadline_note(
                        unit,
                        sentence,
                        paragraph_start,
                        &mut note_floor,
                        &mut tasks,
                        &ctx,
                    )
                {
                    carry = None;
                    continue;
                }
                // "(11) Review the systems; and develop the programs;", "We will pilot ...;
                // accelerate ...;": an English clause after a semicolon, in the same
                // paragraph, goes on with the directive before it when it opens with a
                // command verb. (Chinese clauses after ；have no such marked shape.)
                let continued = (unit.lang == Lang::En
                    && place.marker.is_none()
                    && !sentence.line_start
                    && i > 0
                    && sentences[i - 1].end == Terminator::Semicolon)
                    .then_some(carry)
                    .flatten()
                    .or_else(|| {
                        self.zh_follows_directive(unit, place, sentence, i, paragraph_start, &tasks)
                    });
                if trigs.is_empty() {
                    trigs.extend(self.implied_trigger(unit, place, continued, &first_trigger));
                }
                carry = trigs
                    .first()
                    .filter(|_| sentence.end == Terminator::Semicolon)
                    .map(|t| Carry {
                        modality: t.modality,
                        strength: t.strength,
                        gerunds: match t.rule {
                            Rule::Trigger(_) => opens_gerund_list(&unit.view.text, t.span.end),
                            _ => continued.is_some_and(|c| c.gerunds),
                        },
                    });
                if trigs.is_empty() {
                    continue;
                }
                self.assemble(i, unit, sentence, &trigs, &ctx, &mut tasks);
            }
            if self.keep_analysis {
                places.extend(places_here);
            }
        }
        Extraction {
            langs,
            sentences,
            places,
            hits,
            speakers,
            tasks,
            date,
        }
    }

    /// Stages 3 and 4 for one sentence: its view, language (unless `known` already),
    /// candidates and their verdicts.
    fn unit<'d>(
        &self,
        text: &'d str,
        sentence: &Sentence,
        place: &Place,
        known: Option<(View<'d>, Lang)>,
    ) -> Unit<'d> {
        let (view, lang) = known.unwrap_or_else(|| self.view(text, sentence));
        let mut candidates = self.matcher(lang).find(&view.text);
        // A sentence is cut at MAX_UNIT_BYTES; no real one holds more phrases than this, and
        // an absurd one ("要要要……") must not cost quadratic time.
        candidates.truncate(MAX_CANDIDATES);
        let body = view.from_doc(place.body_start);
        let mut unit = Unit {
            view,
            lang,
            body,
            candidates: candidates.into_boxed_slice(),
            dropped: Box::default(),
            runs: Default::default(),
        };
        unit.dropped = {
            let ctx = self.context(&unit);
            check::verdicts(&self.checks, &ctx).into_boxed_slice()
        };
        if lang == Lang::Zh {
            self.add_fallbacks(&mut unit);
        }
        unit
    }

    /// When a Chinese trigger ends inside a word, tries the triggers that start inside it
    /// ([`PhraseMatcher::fallbacks`]) and checks the unit again.
    fn add_fallbacks(&self, unit: &mut Unit<'_>) {
        let fallbacks: Vec<Candidate> = unit
            .candidates
            .iter()
            .zip(&unit.dropped)
            .filter(|(_, d)| **d == Some(Reason::InsideWord))
            .flat_map(|(c, _)| self.zh.fallbacks(&unit.view.text, c))
            .collect();
        if fallbacks.is_empty() {
            return;
        }
        let mut all = std::mem::take(&mut unit.candidates).into_vec();
        all.extend(fallbacks);
        all.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
        all.dedup();
        all.truncate(MAX_CANDIDATES);
        unit.candidates = all.into_boxed_slice();
        unit.dropped = {
            let ctx = self.context(unit);
            check::verdicts(&self.checks, &ctx).into_boxed_slice()
        };
    }

    /// A sentence's view and language.
    fn view<'d>(&self, text: &'d str, sentence: &Sentence) -> (View<'d>, Lang) {
        let view = View::new(sentence.span.of(text), sentence.span.start, &self.variants);
        let lang = Lang::detect(&view.text);
        (view, lang)
    }

    /// True when the clause is the subject of a copula that opens a later clause of the
    /// same comma chain: "加强国防和军队建设，是国家安全的重要保证" and "保证全党服从中央，
    /// 坚持党中央权威……，是党的政治建设的首要任务" say what the deeds are, they order none;
    /// so does a relation verb after adverbs ("东部地区加快发展，有利于……", "……，既有利于").
    fn subject_of_copula(&self, view: &str, clause: Span) -> bool {
        let rest = &view[clause.end..];
        let chain = &rest[..rest
            .find(['；', ';', '：', ':', '。', '！', '？'])
            .unwrap_or(rest.len())];
        chain.split(['，', ',']).skip(1).any(|next| {
            // "促进文化发展和繁荣，既有利于……": a relation verb after adverbs says what the
            // deed brings, as a copula says what it is.
            let mut bare = next.trim_start();
            while let Some(a) = self
                .all_adverbs
                .prefixes_of(bare)
                .find(|a| bare.len() > a.len())
            {
                bare = &bare[a.len()..];
            }
            self.copulas.opens(next) || self.relation_verbs.opens(bare)
        })
    }

    /// True when `verb` sits in a clause (a list joined by 、 counts as one) that ends at a
    /// comma and is an adverbial: it opens with an adverbial head ("按照……原则，", "针对……，"),
    /// or a verb-preposition opens it and a frame word standing on a word boundary closes it
    /// ("在国家全面深化改革和现代化进程中，", "在……的基础上，").
    fn in_adverbial_clause(&self, ctx: &Context<'_>, view: &str, verb: Span, body: usize) -> bool {
        let start = list_start(view, verb).max(body);
        let end = view[verb.end..]
            .find(|c: char| c != '、' && is_clause_end(c))
            .map_or(view.len(), |k| verb.end + k);
        if !view[end..].starts_with(['，', ',']) {
            return false;
        }
        let head = view[start..end].trim_start();
        let tail = start + view[start..end].trim_end().len();
        // "国务院经过认真研究，": after its subject too, as a word of its own.
        self.adverbial_heads.opens(head)
            || self
                .adverbial_heads
                .occurrences(&view[start..verb.start])
                .any(|(k, w)| ctx.is_word(Span::new(start + k, start + k + w.len())))
            || (self.verb_prepositions.opens(head)
                && self
                    .frame_ends
                    .suffixes_of(&view[verb.end..tail])
                    .any(|w| ctx.is_word_boundary(tail - w.len())))
    }

    /// True when a copula stands as a word of its own in `view[from..to]`, other than the
    /// 是 of an adverb (特别是, 尤其是).
    fn copula_between(&self, ctx: &Context<'_>, view: &str, from: usize, to: usize) -> bool {
        self.copulas.occurrences(&view[from..to]).any(|(k, c)| {
            let (k, end) = (from + k, from + k + c.len());
            ctx.is_word(Span::new(k, end))
                && !self
                    .adverbs
                    .suffixes_of(&view[..end])
                    .any(|a| a.ends_with(c))
        })
    }

    /// True when `tail`, the rest of a clause, ends with a degree word and an adjective of
    /// one to three characters ("……的任务十分繁重", "……日益突出").
    fn ends_with_degree(&self, tail: &str) -> bool {
        self.degrees.iter().any(|d| {
            tail.rfind(d.as_str()).is_some_and(|k| {
                let rest = tail[k + d.len()..].trim_end();
                (1..=3).contains(&rest.chars().count()) && rest.chars().all(crate::document::is_han)
            })
        })
    }

    /// True when a `verb-preposition` stands right before `verb`, or before an adverb that
    /// stands before it ("在全面推进").
    fn after_verb_preposition(&self, view: &str, verb: Span) -> bool {
        let before = &view[..verb.start];
        let ends = |t: &str| self.verb_prepositions.closes(t);
        ends(before)
            || self
                .adverbs
                .suffixes_of(before)
                .any(|a| ends(&before[..before.len() - a.len()]))
    }

    /// True when a word of the `undone` class stands right before a command verb (adverbs
    /// between at most) between `from` and `verb`, or right before `verb` itself: "没有真正
    /// 落实", and "未能完成整改" for 整改.
    fn undone_before(&self, view: &str, verb: Span, from: usize) -> bool {
        self.undone
            .occurrences(&view[from..verb.start])
            .any(|(k, w)| self.opens_with_command(view, from + k + w.len()))
    }

    /// True when a command verb opens `view[from..]`, after adverbs at most.
    fn opens_with_command(&self, view: &str, from: usize) -> bool {
        self.structure
            .zh_verbs_in(view, from)
            .next()
            .is_some_and(|verb| self.only_adverbs(&view[from..verb.start]))
    }

    /// True when `t` is a run of adverbs (or empty), the last perhaps ending with 地.
    fn only_adverbs(&self, mut t: &str) -> bool {
        while !t.is_empty() {
            match self.adverbs.prefixes_of(t).map(str::len).max() {
                Some(n) => t = &t[n..],
                None => return t == "地",
            }
        }
        true
    }

    /// The start of the adverb when jieba reads an adverb and the verb as one word: 充分发挥,
    /// 大力发展.
    fn adverb_before(&self, ctx: &Context<'_>, view: &str, verb: Span) -> Option<usize> {
        if !ctx.is_word_boundary(verb.end) {
            return None;
        }
        self.adverbs
            .suffixes_of(&view[..verb.start])
            .find(|a| ctx.is_word(Span::new(verb.start - a.len(), verb.end)))
            .map(|a| verb.start - a.len())
    }

    fn matcher(&self, lang: Lang) -> &PhraseMatcher {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    fn context<'a>(&'a self, unit: &'a Unit<'_>) -> Context<'a> {
        Context::new(
            &unit.view.text,
            unit.lang,
            unit.body,
            &unit.candidates,
            &self.dict,
            self.words.as_ref(),
            &unit.runs,
        )
    }

    fn dictionary_triggers(&self, unit: &Unit<'_>) -> Vec<Trig> {
        let longest = unit
            .candidates
            .iter()
            .map(|c| c.span.len())
            .max()
            .unwrap_or(0);
        unit.checked()
            .filter(|c| c.dropped.is_none())
            .filter(|c| !shadowed(c, unit, longest))
            .filter_map(|c| match c.candidate.entry {
                Entry::Trigger(ti) => {
                    let t = &self.dict.triggers[ti];
                    Some(Trig {
                        span: c.candidate.span,
                        modality: t.modality,
                        strength: t.strength,
                        actor: t.actor,
                        hint: c.candidate.actor,
                        rule: Rule::Trigger(ti),
                    })
                }
                Entry::Blocker(_) => None,
            })
            .collect()
    }

    /// True when a Chinese sentence holds a blocker that makes the whole of it a notice's
    /// purpose or lead line ("现就有关事项通知如下。").
    fn is_lead_line(&self, unit: &Unit<'_>) -> bool {
        unit.lang == Lang::Zh
            && unit.candidates.iter().any(|c| match c.entry {
                Entry::Blocker(b) => {
                    let b = &self.dict.blockers[b];
                    b.effect == Effect::Purpose && b.scope == Scope::Sentence
                }
                Entry::Trigger(_) => false,
            })
    }

    /// True when a Chinese sentence opens with a word of the time ahead (新的一年, 今年,
    /// 今后; after at most 在, not before 的) and its first clause holds no past word
    /// ("今年以来" reports).
    fn opens_with_plan(&self, unit: &Unit<'_>) -> bool {
        let body = unit.view.text[unit.body..].trim_start();
        let body = body.strip_prefix('在').unwrap_or(body);
        // Not "今后的问题是……": before 的 the word describes a noun.
        self.plan_openers
            .prefixes_of(body)
            .any(|w| !body[w.len()..].starts_with('的'))
            && !self.opens_with_past(unit)
    }

    /// True when a Chinese sentence's first clause holds a past word: "过去的一年，……",
    /// "多年来，……".
    fn opens_with_past(&self, unit: &Unit<'_>) -> bool {
        let view = &unit.view.text;
        if unit.lang != Lang::Zh {
            return false;
        }
        let body = &view[unit.body..];
        let first = body.find(['，', ',', '。', '；']).unwrap_or(body.len());
        self.reports_past_in(unit, unit.body, unit.body + first, true)
    }

    /// True when a past word stands as a word of its own in `view[from..to]` of a unit;
    /// unless `modifiers`, not as one before 的 ("根据多年来的实践经验" reports nothing,
    /// where "过去的一年，" opens a report).
    fn reports_past_in(&self, unit: &Unit<'_>, from: usize, to: usize, modifiers: bool) -> bool {
        let ctx = self.context(unit);
        holds_word(&ctx, &unit.view.text, &self.past, from, to, modifiers)
    }

    /// True when a Chinese sentence that could lead in a list (it ends with a colon) holds a
    /// past word: "一年来，我们主要做了以下工作：" reports, and so do the items under it.
    fn reports_work_done(&self, unit: &Unit<'_>, sentence: &Sentence) -> bool {
        let view = &unit.view.text;
        if unit.lang != Lang::Zh
            || !(sentence.end == Terminator::Colon
                || (sentence.line_end && view.trim_end().ends_with([':', '：'])))
        {
            return false;
        }
        self.reports_past_in(unit, unit.body, view.len(), false)
    }

    /// The deadline record of `found` in `unit`.
    fn deadline_of(&self, unit: &Unit<'_>, found: &FoundDeadline, doc: &Assembly<'_>) -> Deadline {
        let view = &unit.view.text;
        let kind = self.dict.deadlines[found.rule].kind.clone();
        Deadline {
            span: unit.view.to_doc(found.span),
            normalized: self.dates.normalize(
                unit.lang,
                &view[found.span.start..found.span.end],
                &kind,
                doc.date,
            ),
            kind,
            rule: found.rule,
        }
    }

    /// "……确保整改到位。（完成时限4月20日前）": a Chinese sentence that is only a time limit
    /// in brackets, after tasks in its paragraph, gives them its deadline (those that have
    /// none) and no task of its own. False when it is no such note, or follows no task.
    /// `note_floor` is the first task of the paragraph after the last such note: the tasks
    /// before it have a deadline already, so each task is looked at once.
    fn deadline_note(
        &self,
        unit: &Unit<'_>,
        sentence: &Sentence,
        paragraph_start: usize,
        note_floor: &mut usize,
        tasks: &mut [Task],
        doc: &Assembly<'_>,
    ) -> bool {
        // Most sentences have no trigger: the cheap tests first.
        if unit.lang != Lang::Zh || sentence.line_start {
            return false;
        }
        let view = &unit.view.text;
        let from = unit.body.min(view.len());
        let body = view[from..].trim();
        let bracketed = body
            .strip_prefix(['（', '('])
            .and_then(|b| b.trim_end_matches(['。', '.']).strip_suffix(['）', ')']))
            .is_some_and(|inner| !inner.contains(['（', '(', '）', ')']));
        if !bracketed {
            return false;
        }
        let Some(found) = self.deadlines.find(unit.lang, view, from, view.len()) else {
            return false;
        };
        if tasks.last().is_none_or(|t| t.sentence < paragraph_start) {
            return false;
        }
        let deadline = self.deadline_of(unit, &found, doc);
        // (Tasks may have been taken back since: a purpose clause's.)
        let floor = (*note_floor).min(tasks.len());
        for t in &mut tasks[floor..] {
            if t.deadline.is_none() {
                t.deadline = Some(Box::new(deadline.clone()));
            }
        }
        *note_floor = tasks.len();
        true
    }

    /// "会议强调，要……。加大补短板力度，改善供给质量。": a Chinese sentence in a plain
    /// section, in the paragraph of a directive right before it, may go on with it; it does
    /// when it opens with a command verb (checked in [`Extractor::implied_trigger`]). An item
    /// of an enumeration inside the paragraph ("会议强调，要……。一是实行……。二是推进……。")
    /// goes on with a directive anywhere before it in the paragraph. After a prohibition the
    /// command is an obligation.
    fn zh_follows_directive(
        &self,
        unit: &Unit<'_>,
        place: &Place,
        sentence: &Sentence,
        i: usize,
        paragraph_start: usize,
        tasks: &[Task],
    ) -> Option<Carry> {
        if unit.lang != Lang::Zh
            || place.mode != Mode::Plain
            || place.heading
            || sentence.line_start
        {
            return None;
        }
        let last = match place.marker {
            None => tasks.last().filter(|t| t.sentence + 1 == i)?,
            // An item under a lead-in takes its modality from the lead-in.
            Some(_) if place.governed_by.is_some() => return None,
            Some(_) => tasks.last().filter(|t| t.sentence >= paragraph_start)?,
        };
        Some(Carry {
            modality: match last.modality {
                Modality::Prohibition => Modality::Obligation,
                m => m,
            },
            strength: last.strength,
            gerunds: false,
        })
    }

    /// A command verb that the layout makes a directive: in a task or goal section, in a
    /// list item under a lead-in, or in a clause that goes on after a semicolon with the
    /// directive `continued` (where a leading "and" or "or" is passed over).
    /// `first_trigger[l]` is the first dictionary trigger of earlier sentence `l`.
    fn implied_trigger(
        &self,
        unit: &Unit<'_>,
        place: &Place,
        continued: Option<Carry>,
        first_trigger: &[Option<(Modality, u8)>],
    ) -> Option<Trig> {
        if place.section_title {
            return None;
        }
        let continuing = continued.is_some();
        let lead = place
            .governed_by
            .filter(|_| place.marker.is_some() || place.unmarked_item)
            .map(|l| first_trigger.get(l).copied().flatten());
        let (modality, strength, via) = match (lead, place.mode, continued) {
            (Some(Some((modality, strength))), _, _) => (modality, strength, "lead-in"),
            // "一、工作回顾" … "主要做了以下工作：": a lead-in without a trigger in a review
            // lists what was done.
            (Some(None), Mode::Background, _) => return None,
            (Some(None), _, _) => (Modality::Obligation, 2, "lead-in"),
            (None, _, Some(c)) if unit.lang == Lang::Zh => (c.modality, c.strength, "sentence"),
            (None, _, Some(c)) => (c.modality, c.strength, "clause"),
            (None, Mode::Task, None) => (Modality::Obligation, 2, "section"),
            (None, Mode::Goal, None) => (Modality::Commitment, 2, "section"),
            (None, Mode::Plain | Mode::Background, None) => return None,
        };
        let ctx = self.context(unit);
        let view = &unit.view.text;
        let has_word = |words: &WordList, from: usize, to: usize| {
            holds_word(&ctx, view, words, from, to, true)
        };
        let span = match unit.lang {
            Lang::Zh => {
                // A report of the past is not a command.
                if has_word(&self.past, unit.body, view.len()) {
                    return None;
                }
                // "1、未严格履行电气焊作业审批手续的。": an item that ends with 的 names a case
                // (those who …, where …), as a notice lists the violations it targets.
                if view[unit.body..]
                    .trim_end()
                    .trim_end_matches(['。', '；', ';', '.'])
                    .ends_with('的')
                {
                    return None;
                }
                // "这是发展农村经济，维护农村稳定的重要保证": a demonstrative and a copula
                // open a description; the verbs of all its clauses describe.
                let body = &view[unit.body..];
                // "《纲要（草案）》把解决“三农”问题放在……首位": a document that opens the
                // sentence is its subject, and the sentence says what the document does.
                if body.trim_start().starts_with('《') {
                    return None;
                }
                let lead = body.len() - body.trim_start().len();
                let first = clause_around(view, Span::new(unit.body + lead, unit.body + lead));
                if self.demonstratives.opens(body.trim_start())
                    && self.copula_between(&ctx, view, first.start.max(unit.body), first.end)
                {
                    return None;
                }
                // "二、隐患排查整治", "1、年终考核": a heading that ends with its verbs and does
                // not open with one names a topic (a deed as a noun); a command puts the verb
                // first ("一、排查整治隐患").
                if place.heading {
                    // Past the list marker, which the layout stage found.
                    let from = unit.view.from_doc(place.body_start).max(unit.body);
                    let at = from + (view[from..].len() - view[from..].trim_start().len());
                    let title = view[at..].trim_end().trim_end_matches(['。', '.']);
                    // "四十六、十年总结（1960年6月18日）": a date or a note in brackets after
                    // the title is no part of it.
                    let title = match title.strip_suffix(['）', ')']) {
                        Some(t) => t
                            .rfind(['（', '('])
                            .map_or(title, |k| title[..k].trim_end()),
                        None => title,
                    };
                    let verbs: Vec<Span> = self.structure.zh_verbs_in(view, at).collect();
                    let ends_with_verb = verbs
                        .iter()
                        .any(|v| v.end == at + title.len() && v.start > at);
                    // What stands before the first verb: nothing or an adverb
                    // ("一、快速抓好问题整改") makes a command.
                    let before = verbs.first().map_or("", |v| &view[at..v.start]);
                    // "三、发现隐患及时上报": an adverb right before the last verb (or opening
                    // it: 及时报告) makes a command of it too.
                    let commands = before.is_empty()
                        || self.adverbs.iter().any(|a| before == a.as_str())
                        || before.ends_with('地')
                        || verbs.last().is_some_and(|v| {
                            self.adverbs.iter().any(|a| {
                                view[at..v.start].ends_with(a.as_str())
                                    || view[v.start..v.end].starts_with(a.as_str())
                            })
                        });
                    // Only a short title of one phrase: "（一）搞好宏观调控，保持……发展"
                    // commands.
                    let short = title.chars().count() <= 12 && !title.contains(['，', ',']);
                    if ends_with_verb && short && !commands {
                        return None;
                    }
                }
                // A sentence that goes on with the directive before it opens with its
                // command verb, after adverbs at most ("继续大力发展……"), and so does its
                // clause after the first comma ("扩大教育面，缩小打击面。"): a verb phrase
                // that is a topic is followed by what it brings ("实行这种方法，就会胜
                // 利。", "建立这种根据地的时间，需要三四年。"). It leads in nothing ("巩固此
                // 根据地的方法：").
                let opening = unit.body + lead;
                if continuing {
                    let second = view[opening..].find(['，', ',']).map(|k| {
                        opening + k + view[opening + k..].chars().next().map_or(1, char::len_utf8)
                    });
                    let leads_in = view.trim_end().ends_with(['：', ':']);
                    if leads_in || second.is_some_and(|at| !self.opens_with_command(view, at)) {
                        return None;
                    }
                }
                // The first command verb that is a word of its own, outside a blocked span
                // ("……的，" topics) and with no copula in its clause ("X是……", "……是基础").
                self.structure.zh_verbs_in(view, unit.body).find(|&verb| {
                    if continuing && !self.only_adverbs(&view[opening..verb.start]) {
                        return false;
                    }
                    let clause = clause_around(view, verb);
                    let alone = ctx.is_word(verb) || ctx.opens_compound(verb);
                    let adverb = (!alone)
                        .then(|| self.adverb_before(&ctx, view, verb))
                        .flatten();
                    (alone || adverb.is_some())
                        && check::blocked_at(&ctx, verb).is_none()
                        // Over a list joined by 、 too: "关键在于选准方向、优化结构".
                        && !self.copula_between(
                            &ctx,
                            view,
                            list_start(view, verb).max(unit.body),
                            verb.start
                        )
                        // "在促进经济增长中", "在发展经济的同时": after 在 the deed is an
                        // adverbial's (an adverb may stand between: 在全面推进……中).
                        && !self.after_verb_preposition(view, verb)
                        // "安全措施没有真正落实": a deed not done is reported, and so is
                        // what it would have done ("未能完成整改").
                        && !self.undone_before(view, verb, clause.start)
                        // "事关全面建设小康社会和现代化建设全局": the rest of the clause is
                        // what something concerns (over a list joined by 、 too: "有利于
                        // 引导和稳定预期、调整结构").
                        && !self.relation_verbs.occurs_in(
                            &view[list_start(view, verb).min(clause.start)..verb.start]
                        )
                        // "针对……重点检查事项，分别制定……": so is a deed in a clause that an
                        // adverbial head opens and a comma closes.
                        && !self.in_adverbial_clause(&ctx, view, verb, unit.body)
                        // "治理有效是基础": the deed is the subject of a copula after it.
                        && !self.copula_between(&ctx, view, verb.end, clause.end)
                        // "一定能够按期完成", "只有……才能发展……、发展……": what can
                        // happen, not an order (over a list joined by 、 too).
                        && !has_word(
                            &self.abilities,
                            ability_scope_start(view, verb, &self.new_duties).max(unit.body),
                            verb.start
                        )
                        && !self.subject_of_copula(view, clause)
                        // "坚定的意志", "建设者": a modifier or a noun, not a command.
                        && !self.modifier_marks.opens(&view[verb.end..])
                        // "学习有两种态度": the deed has something; it is a topic.
                        && !(view[verb.end..].starts_with('有')
                            && ctx.is_word(Span::new(verb.end, verb.end + '有'.len_utf8())))
                        // "风险隐患仍然突出", "生产能力日益提高": a degree or a trend
                        // describes.
                        && !self.degrees.closes(&view[..verb.start])
                        // "工业结构继续得到调整": after 得到 the verb names what was got.
                        && !self.result_marks.closes(&view[..verb.start])
                        // "改革发展稳定的任务十分繁重": so does a clause that ends with a
                        // degree and a short adjective; the verb is in its subject.
                        && !self.ends_with_degree(&view[verb.end..clause.end])
                        // "接受从业人员对安全生产工作的监督", "……的优先发展": after 的, a
                        // verb (with its adverb) is a noun.
                        && !view[..adverb.unwrap_or(verb.start)].ends_with('的')
                })?
            }
            Lang::En => {
                // A continuing clause may open with "and" or "or": "; and develop ...".
                let body = if continuing {
                    let rest = &view[unit.body..];
                    unit.body + rest.len() - crate::actor::after_list_conjunction(rest).len()
                } else {
                    unit.body
                };
                let verb = self.structure.en_verb(view, body)?;
                // "...: conducting public consultation; assessing data quality;" name
                // practices; a continuing clause commands with a plain verb, and so does a
                // sentence that only its section makes a command ("Take multiple measures
                // to cut costs.", not the heading "1. Pushing ahead with ..."). A list of
                // gerunds that a modal leads in goes on with gerunds ("we should focus on
                // the following work: improving ...; fostering ...;").
                let gerund = view[verb.start..verb.end].to_lowercase().ends_with("ing");
                let gerunds_go_on = continued.is_some_and(|c| c.gerunds);
                if (((continuing && !gerunds_go_on) || via == "section") && gerund)
                    || check::blocked_at(&ctx, verb).is_some()
                    || self.structure.en_gerund_subject(view, verb)
                {
                    return None;
                }
                verb
            }
        };
        Some(Trig {
            span,
            modality,
            strength,
            // An English command verb opens its unit, after at most an adverbial phrase
            // ("within 270 days ..., whichever comes later, consult"): an imperative has no
            // subject. A Chinese one may follow its party ("各地加强……").
            actor: match unit.lang {
                Lang::En => ActorRule::None,
                Lang::Zh => ActorRule::Subject,
            },
            hint: None,
            rule: Rule::Implied { via },
        })
    }

    fn assemble(
        &self,
        i: usize,
        unit: &Unit<'_>,
        sentence: &Sentence,
        trigs: &[Trig],
        doc: &Assembly<'_>,
        tasks: &mut Vec<Task>,
    ) {
        let speakers = doc.speakers;
        let view = &unit.view.text;
        // One task per run of triggers of the same modality. In Chinese, when the run's
        // first trigger names its party, a later one whose own clause names another starts a
        // run of its own: "国家防总要加强统筹协调，财政部、应急管理部要及时下拨救灾资金"
        // gives two tasks ("一要压实责任，各级领导干部必须在岗在位" stays one, whose party the
        // later trigger names).
        let intro_end = speakers.intro_end(i).unwrap_or(0);
        // In English a later trigger's party must open a clause of its own after a
        // conjunction ("…, and the Secretary shall provide …"); the subject finder would take
        // "review the rules, and the Council" for a list of parties.
        // A first trigger whose clause has a thing for subject ("各类项目都要……，所有投资都
        // 要……") counts as naming its own: the party of a later clause is not its actor.
        let own_party = |k: usize, from: usize, later: bool| {
            trigs[k].actor == ActorRule::Subject
                && if later && unit.lang == Lang::En {
                    self.actors
                        .en_new_clause_subject(
                            view,
                            from.min(trigs[k].span.start),
                            trigs[k].span.start,
                        )
                        .is_some()
                } else {
                    // "又要调查农村又要调查城市": a Chinese party of its own stands in a
                    // clause of its own, after a pause.
                    (!later
                        || view[from.min(trigs[k].span.start)..trigs[k].span.start]
                            .contains(['，', ',', '；', ';', '：', ':']))
                        && self
                            .actors
                            .find_explained(
                                unit.lang,
                                view,
                                from.min(trigs[k].span.start),
                                trigs[k].span,
                                trigs[k].actor,
                                None,
                            )
                            .0
                            .is_some()
                        || (!later
                            && unit.lang == Lang::Zh
                            && self.actors.zh_thing_subject(view, from, trigs[k].span))
                }
        };
        let mut groups: Vec<&[Trig]> = Vec::new();
        let mut start = 0;
        // Whether the run's first trigger names its party, looked up once a run.
        let mut start_named: Option<bool> = None;
        for k in 1..=trigs.len() {
            let split = k < trigs.len()
                && trigs[k].modality == trigs[start].modality
                && *start_named.get_or_insert_with(|| {
                    own_party(
                        start,
                        start
                            .checked_sub(1)
                            .map_or(unit.body.max(intro_end), |p| trigs[p].span.end),
                        false,
                    )
                })
                && own_party(k, trigs[k - 1].span.end, true);
            if k == trigs.len() || trigs[k].modality != trigs[start].modality || split {
                groups.push(&trigs[start..k]);
                start = k;
                start_named = None;
            }
        }
        let mut left = unit.body.max(intro_end);
        // The party of the run before, for a predicate that "and" joins to it.
        let mut previous_actor: Option<Span> = None;
        for (g, group) in groups.iter().enumerate() {
            let first = &group[0];
            let from = left.min(first.span.start);
            // The first trigger's actor; else one that a later trigger names outright
            // ("……，由市应急管理局负责").
            let (mut actor, mut actor_how) = self.actors.find_explained(
                unit.lang,
                view,
                from,
                first.span,
                first.actor,
                first.hint,
            );
            // "…, and the Council shall prepare …": a later run in English whose own clause
            // names its party.
            if g > 0 && unit.lang == Lang::En && first.actor == ActorRule::Subject {
                if let Some(a) = self
                    .actors
                    .en_new_clause_subject(view, from, first.span.start)
                {
                    actor = Some(a);
                    actor_how = "the subject of its own clause, after a conjunction";
                }
            }
            if actor.is_none() {
                if let Some(h) = group.iter().find_map(|t| t.hint) {
                    actor = Some(h);
                    actor_how = "named by a later trigger in the sentence";
                }
            }
            // "The heads of agencies shall complete an assessment and are strongly encouraged
            // to consider ...": a run that "and" joins right before its trigger shares the
            // party of the run before it.
            let joined = view[..first.span.start].trim_end();
            if g > 0
                && unit.lang == Lang::En
                && first.actor == ActorRule::Subject
                && joined.ends_with(" and")
                // No party, or the words of the run before up to "and" taken for one.
                && actor.is_none_or(|a| a.end == joined.len())
            {
                if let Some(a) = previous_actor {
                    actor = Some(a);
                    actor_how = "the party of the run before, joined by \"and\"";
                }
            }
            // "一要压实责任，各级领导干部必须在岗在位": in Chinese the party may be named
            // before a later trigger of the run (as its subject).
            if actor.is_none() && unit.lang == Lang::Zh {
                actor = group.windows(2).find_map(|w| {
                    if w[1].actor != ActorRule::Subject {
                        return None;
                    }
                    self.actors
                        .find_explained(unit.lang, view, w[0].span.end, w[1].span, w[1].actor, None)
                        .0
                });
                if actor.is_some() {
                    actor_how = "named before a later trigger in the sentence";
                }
            }
            let action_start = match first.rule {
                Rule::Implied { .. } => first.span.start,
                Rule::Trigger(_) => match (first.actor, actor) {
                    (ActorRule::Object, Some(a)) if a.start >= first.span.end => {
                        let after = &view[a.end..];
                        let skip = after.len() - after.trim_start().len();
                        let after_ws = &after[skip..];
                        a.end + skip + if after_ws.starts_with("to ") { 3 } else { 0 }
                    }
                    _ => first.span.end,
                },
            };
            // Up to the next run's trigger, or to the clause end before it, where that run's
            // party may stand ("……抓农业，工业比重大的省更要……").
            let action_end = groups.get(g + 1).map_or(view.len(), |n| {
                let next = n[0].span.start;
                // Not the comma of a number ("above 5,000 gross square feet").
                view[..next]
                    .char_indices()
                    .rev()
                    .find(|&(k, c)| {
                        matches!(c, '，' | '；' | ',' | ';')
                            && !(c == ',' && crate::actor::digit_group_comma(view, k))
                    })
                    .map(|(k, _)| k)
                    .filter(|&c| c > group[group.len() - 1].span.end)
                    .unwrap_or(next)
            });
            let mut action = trim_action(view, Span::new(action_start.min(action_end), action_end));
            if unit.lang == Lang::En && view[action.start..action.end].starts_with("to ") {
                action.start += 3;
            }
            // "... shall complete an assessment and are strongly encouraged to": the action
            // ends before the conjunction that joins the next run's predicate.
            if unit.lang == Lang::En && groups.get(g + 1).is_some() {
                let t = &view[action.start..action.end];
                if let Some(head) = t.strip_suffix(" and").or_else(|| t.strip_suffix(" or")) {
                    action.end = action.start + head.trim_end().len();
                }
            }
            // The trigger closes the sentence ("... is hereby revoked", "X shall:"), or only a
            // lead-in follows it ("it is hereby ordered as follows:", "要求如下："): the action
            // is the sentence itself.
            let lead_in_only = view.trim_end().ends_with([':', '：'])
                && view[action.start..action.end].split_whitespace().count() <= 2
                && view[action.start..action.end].chars().count() <= 12;
            if action.is_empty() || lead_in_only {
                action = trim_action(view, Span::new(unit.body.min(view.len()), action_end));
            }
            // The deadline that reaches into the trigger's own clause, else any in the sentence.
            let clause = clause_around(view, first.span);
            let deadline = self
                .deadlines
                .find_near(
                    unit.lang,
                    view,
                    unit.body.min(view.len()),
                    view.len(),
                    clause,
                )
                .map(|f| self.deadline_of(unit, &f, doc));
            let trigger = unit.view.to_doc(first.span);
            let rule_name = self.rule_name(&first.rule, unit.lang);
            tasks.push(Task {
                id: TaskId::derive(doc.doc_hash, sentence.span, trigger, &rule_name),
                sentence: i,
                lang: unit.lang,
                modality: first.modality,
                strength: group
                    .iter()
                    .map(|t| t.strength)
                    .max()
                    .unwrap_or(first.strength),
                trigger,
                rule: first.rule.clone(),
                actor: actor.map(|a| unit.view.to_doc(a)),
                actor_how,
                action: unit.view.to_doc(action),
                speaker: speakers.speaker(i).map(|s| Arc::clone(&s.name)),
                deadline: deadline.map(Box::new),
            });
            left = group.last().map_or(left, |t| t.span.end);
            previous_actor = actor;
        }
    }
}

/// Splits sentences where a new turn begins inside them: a change of speaker, or a turn
/// whose label stands between it and the last.
fn split_at_turns(doc: &Document, sentences: Vec<Sentence>) -> Vec<Sentence> {
    let text = doc.analysis_text();
    let cuts: Vec<usize> = doc
        .turns
        .windows(2)
        .filter(|w| {
            let between = &doc.text[w[0].span.end.min(w[1].span.start)..w[1].span.start];
            w[0].label != w[1].label || !between.trim().is_empty()
        })
        .map(|w| w[1].span.start)
        .collect();
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let inside = cuts.partition_point(|&c| c <= s.span.start);
        let mut rest = s;
        for &cut in cuts[inside..].iter().take_while(|&&c| c < s.span.end) {
            let head = text[rest.span.start..cut].trim_end();
            if head.is_empty() {
                continue;
            }
            out.push(Sentence {
                span: Span::new(rest.span.start, rest.span.start + head.len()),
                end: Terminator::Line,
                line_end: true,
                ..rest
            });
            let tail = &text[cut..rest.span.end];
            let lead = tail.len() - tail.trim_start().len();
            rest = Sentence {
                span: Span::new(cut + lead, rest.span.end),
                line_start: true,
                ..rest
            };
        }
        out.push(rest);
    }
    out
}

/// The clause around `span`: from the last clause break before it to the next after it.
fn clause_around(view: &str, span: Span) -> Span {
    // A plain loop over the characters: a slice-of-chars pattern cost three times as much
    // once the function was no longer inlined.
    let start = view[..span.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_clause_end(c))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let end = view[span.end..]
        .char_indices()
        .find(|&(_, c)| is_clause_end(c))
        .map_or(view.len(), |(k, _)| span.end + k);
    Span::new(start, end)
}

/// True for a character that ends a clause: the comma, semicolon, stop, exclamation and
/// question marks and colon, full-width and ASCII, and 、.
fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '。' | '.' | '！' | '!' | '？' | '?' | '：' | ':' | '、'
    )
}

/// Where the clause of `span` starts when a list joined by 、 counts as one clause.
fn list_start(view: &str, span: Span) -> usize {
    view[..span.start]
        .rfind(|c: char| c != '、' && is_clause_end(c))
        .map_or(0, |k| {
            k + view[k..].chars().next().map_or(0, char::len_utf8)
        })
}

/// Where a word of ability before `span` still governs it: the clauses joined by commas
/// since the last ；or ：, back to one that opens with one of `new_duties` (并, 同时, 而且,
/// 还). "各地可以从实际出发，制定……": 可以 governs 制定; "……可以先行停工，并且及时
/// 报告……": it does not govern 报告.
fn ability_scope_start(view: &str, span: Span, new_duties: &WordList) -> usize {
    let ends = |c: char| matches!(c, '；' | ';' | '：' | ':' | '。');
    let mut start = view[..span.start].rfind(ends).map_or(0, |k| {
        k + view[k..].chars().next().map_or(0, char::len_utf8)
    });
    let opens_duty = |clause: &str| new_duties.opens(clause.trim_start());
    let base = start;
    for (k, c) in view[base..span.start].char_indices() {
        if matches!(c, '，' | ',') {
            let at = base + k + c.len_utf8();
            if opens_duty(&view[at..span.start]) {
                start = at;
            }
        }
    }
    start
}

/// True when `span` is a paragraph of its own: a blank line (or the document's edge) before
/// and after it.
fn stands_alone(text: &str, span: Span) -> bool {
    let (before, after) = (&text[..span.start], &text[span.end..]);
    let gap_before = &before[before.trim_end().len()..];
    let gap_after = &after[..after.len() - after.trim_start().len()];
    (gap_before.len() == before.len() || gap_before.matches('\n').count() >= 2)
        && (gap_after.len() == after.len() || gap_after.matches('\n').count() >= 2)
}

/// True when a longer kept trigger covers this one ("No agency shall" covers "shall"),
/// or, for a fallback, when a trigger it overlaps was kept or dropped for any reason but
/// ending inside a word.
/// The unit's candidates are in order of start and `longest` is the longest of them, so
/// only those that start within `longest` bytes before `c` can overlap it.
fn shadowed(c: &Checked, unit: &Unit<'_>, longest: usize) -> bool {
    let span = c.candidate.span;
    let all = &unit.candidates;
    let from = all.partition_point(|o| o.span.start + longest < span.start);
    all[from..]
        .iter()
        .zip(&unit.dropped[from..])
        .take_while(|(o, _)| o.span.start < span.end)
        .any(|(o, dropped)| {
            let trigger = matches!(o.entry, Entry::Trigger(_)) && o.span.overlaps(span);
            if c.candidate.fallback {
                // A fallback stands in only for a phrase that ends inside a word.
                trigger && !o.fallback && *dropped != Some(Reason::InsideWord)
            } else {
                trigger && dropped.is_none() && o.span != span && o.span.len() > span.len()
            }
        })
}

/// Trims white space and closing punctuation off an action.
fn trim_action(view: &str, span: Span) -> Span {
    let t = &view[span.start..span.end];
    let lead = t.len()
        - t.trim_start_matches(|c: char| c.is_whitespace() || is_clause_end(c))
            .len();
    let body = t[lead..].trim_end_matches(|c: char| c.is_whitespace() || is_clause_end(c));
    Span::new(span.start + lead, span.start + lead + body.len())
}

impl Unit<'_> {
    /// Each candidate with its verdict.
    fn checked(&self) -> impl Iterator<Item = Checked> + '_ {
        self.candidates
            .iter()
            .zip(&self.dropped)
            .map(|(c, d)| Checked {
                candidate: *c,
                dropped: *d,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_clause_end_holds_the_clause_marks_and_no_other() {
        let marks = "，,；;。.！!？?：:、";
        assert!(marks.chars().all(is_clause_end));
        let n = ('\u{0}'..='\u{FFFF}').filter(|&c| is_clause_end(c)).count();
        assert_eq!(n, marks.chars().count());
    }
}
