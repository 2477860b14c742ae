//! Document structure: list markers, headings, the sections they open, and list items
//! governed by a lead-in.
//!
//! Official texts issue many tasks without a modal verb: a plan's task section is a list of
//! commands ("（三）深入开展隐患排查整治。"), an order's lead-in ("The Secretary shall:") governs
//! the items under it, a readout chains "一是……二是……". This stage reads that layout:
//!
//! - **Markers.** A sentence that opens with a marker of `common/markers.tsv` gets its style.
//! - **Headings.** A marked sentence whose body is short and stands on its own line (or is
//!   closed by 。 with the section text after it, "（一）指导思想。全面贯彻……") is a heading; so
//!   is a short line with no closing punctuation. Headings nest by marker style: a style seen
//!   before closes the sections opened since; a new style opens a deeper one.
//! - **Modes.** A heading whose text contains a `section-task` word (主要任务, 保障措施, ...)
//!   opens a task section, `section-goal` (工作目标, 总体要求) a goal section, and
//!   `section-background` (基本情况, 工作回顾) a background one; a numbered Chinese heading
//!   that opens with a command verb (五、贯彻新发展理念……) opens a task section unless a
//!   background one holds it or it names a topic (a short heading ending with a `title-noun`:
//!   一、例会参加人员); other headings inherit. An
//!   `opener` phrase (通知如下), or a title that names a body of rules (a `rule-title`
//!   ending: ……管理条例, ……实施办法), puts the rest of the document in task mode, until a
//!   title line without a marker begins the next piece of a collection. Such titles are
//!   never directives themselves.
//! - **Lead-ins.** A sentence that ends with a colon (or a comma before an inline list) and
//!   carries a trigger or a `lead-in` word governs the marked items that follow it, until a
//!   new paragraph without a marker or a sibling of the lead-in itself. A list counted from
//!   one goes on after such a paragraph when its next number comes soon after ("(ii) Include
//!   ...", "Such reports shall ...", "(iii) Determine ..."). A lead-in that announces its items
//!   ("... hopes to accomplish the following:", "... as follows:") also governs paragraphs
//!   without markers that open with an English command verb, until one that does not.
//!
//! The extraction stage then treats a sentence without a dictionary trigger as a directive
//! when it is in a task or goal section, or governed by a lead-in, and opens (Chinese: holds)
//! a command verb from the `verb` word list.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Serialize;

use crate::dictionary::Dictionary;
use crate::dictionary::REGEX_SIZE_LIMIT;
use crate::document::{Lang, Span};
use crate::error::Result;
use crate::regexes::LazyRegex;
use crate::segment::{Sentence, Terminator};
use crate::wordlist::WordList;

/// The kind of section a sentence sits in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// No section rule applies: only dictionary triggers count.
    #[default]
    Plain,
    /// A task section: command sentences are obligations.
    Task,
    /// A goal section: command sentences are commitments.
    Goal,
    /// A background or review section: only dictionary triggers count.
    Background,
}

impl Mode {
    /// The name used in output: plain, task, goal, background.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Plain => "plain",
            Mode::Task => "task",
            Mode::Goal => "goal",
            Mode::Background => "background",
        }
    }
}

/// Where a sentence sits in the document's layout.
#[derive(Clone, Debug, Default)]
pub struct Place {
    /// The marker's style (index into [`Dictionary::markers`]) and its document span.
    pub marker: Option<(usize, Span)>,
    /// Document offset where the body starts, after the marker and white space.
    pub body_start: usize,
    /// A heading or title line.
    pub heading: bool,
    /// A heading that only names a section (一、总体要求, 二、主要任务): never a directive.
    pub section_title: bool,
    /// The mode of the section it is in.
    pub mode: Mode,
    /// The lead-in sentence that governs it, if it is a list item under one.
    pub governed_by: Option<usize>,
    /// An item without a marker: a paragraph that opens with an English command verb under
    /// a lead-in that announces its items ("... the following:").
    pub unmarked_item: bool,
}

/// Walks a document's sections sentence by sentence, in order ([`Structure::walk`]): what
/// [`Structure::sections`] does, for a caller that analyses one sentence at a time.
#[derive(Debug)]
pub struct SectionWalk<'s> {
    structure: &'s Structure,
    /// Section nesting: (style key, mode) from outermost to innermost.
    stack: Vec<(usize, Mode)>,
    /// The mode outside every section.
    root: Mode,
    /// Whether an opener ("通知如下") set `root`.
    opened: bool,
    /// Active lead-ins: (sentence index, marker style of the lead-in).
    leads: Vec<(usize, Option<usize>)>,
    /// The last item governed by a lead-in: (lead-in, the item's marker style, its number).
    last_item: Option<(usize, usize, Option<u32>)>,
    /// The lead-in and marker style of the last list under a lead-in that was counted from
    /// one ("(i)", "(a)", "1.").
    counted_from_one: Option<(usize, usize)>,
    /// A lead-in closed by a paragraph without a marker, whose list may go on: (lead-in,
    /// its marker style, its last item's marker style and number, sentences since).
    suspended: Option<(usize, Option<usize>, usize, u32, usize)>,
    /// The last letter of a lettered list ("(h)" makes the next "(i)" a letter).
    last_letter: Option<char>,
    /// A lead-in that announces its items ("... hopes to accomplish the following:"): its
    /// items may be paragraphs without markers that open with an English command verb.
    announcing: Option<usize>,
}

impl SectionWalk<'_> {
    /// The marker, body start and heading of sentence `i` of `sentences` (what
    /// [`Structure::mark`] finds), before its section is known: call for each sentence in
    /// order, then [`SectionWalk::step`].
    pub fn mark(&mut self, text: &str, sentences: &[Sentence], i: usize) -> Place {
        let st = self.structure;
        let s = &sentences[i];
        let body = s.span.of(text);
        let mut place = Place {
            body_start: s.span.start,
            ..Place::default()
        };
        if let Some(c) = st.styles.captures(body) {
            // A group `m` delimits the marker when the pattern needs context after it.
            let len = c.name("m").unwrap_or(c.get(0).expect("group 0")).end();
            let style = st.roman_or_letter(c.pattern(), &body[..len], &mut self.last_letter);
            place.marker = Some((style, Span::new(s.span.start, s.span.start + len)));
            let rest = &body[len..];
            place.body_start = s.span.start + len + (rest.len() - rest.trim_start().len());
        }
        let body_text = &text[place.body_start..s.span.end];
        let chars = body_text.chars().count();
        let same_line_follows = !s.line_end && sentences.get(i + 1).is_some_and(|n| !n.line_start);
        place.heading = if place.marker.is_some() {
            chars <= HEADING_CHARS
                && (s.whole_line()
                    || (s.line_start
                        && s.end == Terminator::Stop
                        && same_line_follows
                        && chars <= 16))
        } else {
            // A line that ends in a colon or a comma leads into what follows
            // ("今年要着重抓好以下九个方面工作："): it is not a title.
            s.whole_line()
                && chars <= HEADING_CHARS
                && s.end != Terminator::Stop
                && s.end != Terminator::Semicolon
                && !body_text.trim_end().ends_with(['：', ':', '，', ',', '、'])
        };
        place
    }

    /// Fills in the section title, mode and lead-in of sentence `i`, `s`, whose place is
    /// `place`; `has_trigger` says whether it kept a dictionary trigger, `v` is its view.
    /// Reads nothing of later sentences.
    pub fn step(
        &mut self,
        text: &str,
        i: usize,
        s: &Sentence,
        place: &mut Place,
        has_trigger: bool,
        v: &str,
    ) {
        const TITLE: usize = usize::MAX;
        let structure = self.structure;
        let style = place.marker.map(|m| m.0);
        // A lead-in that announces its items goes on over paragraphs without markers that
        // open with a command verb ("Consolidate ...", "Ensure ...").
        let unmarked_item = style.is_none()
            && s.line_start
            && self.announcing.is_some()
            && self.leads.last().map(|l| l.0) == self.announcing
            && v.trim_start().starts_with(char::is_uppercase)
            && matches!(structure.en_verb_at(v, v.len() - v.trim_start().len()), Ok(verb)
                if verb.start == v.len() - v.trim_start().len());
        // Lead-in governance: a sibling of the lead-in, or a new paragraph without a
        // marker (but such an item), closes it.
        while let Some(&(lead, lead_style)) = self.leads.last() {
            let ends = match style {
                Some(st) => Some(st) == lead_style,
                None => s.line_start && !unmarked_item,
            };
            if !ends {
                break;
            }
            self.leads.pop();
            // A paragraph without a marker may only interrupt the list ("(ii) Include ...",
            // "Such reports shall include ...", "(iii) Determine ..."): keep the lead-in
            // whose last item was marked, in case the next item goes on with its marker.
            if style.is_none() {
                if let Some((l, item, Some(n))) = self.last_item.filter(|&(l, item, _)| {
                    l == lead && self.counted_from_one == Some((lead, item))
                }) {
                    self.suspended = Some((l, lead_style, item, n, 0));
                }
            }
        }
        let number = place
            .marker
            .and_then(|(st, m)| structure.number(st, &text[m.start..m.end]));
        match (style, self.suspended.take()) {
            // Only the next number of the same list goes on with it ("(iii)" after "(ii)"),
            // after an interruption of a few sentences.
            (Some(st), Some((lead, lead_style, item, n, _)))
                if st == item && number == Some(n + 1) && self.leads.is_empty() =>
            {
                self.leads.push((lead, lead_style));
            }
            (None, Some((lead, lead_style, item, n, since))) if since < INTERRUPTION => {
                self.suspended = Some((lead, lead_style, item, n, since + 1));
            }
            _ => {}
        }
        if let Some(&(lead, _)) = self.leads.last() {
            place.governed_by = Some(lead);
            place.unmarked_item = unmarked_item;
            if let Some(st) = style {
                if number == Some(1) {
                    self.counted_from_one = Some((lead, st));
                }
                self.last_item = Some((lead, st, number));
            }
        }
        // Sections.
        if place.heading {
            let key = style.unwrap_or(TITLE);
            if let Some(pos) = self.stack.iter().position(|&(k, _)| k == key) {
                self.stack.truncate(pos);
            }
            let body = &text[place.body_start..s.span.end];
            // "市委常委会召开会议 研究部署近期重点工作": an unnumbered title that reports an
            // event names no section, whatever words it holds.
            let event =
                style.is_none() && structure.events.iter().any(|w| body.contains(w.as_str()));
            let named = if event { None } else { structure.mode_of(body) };
            if style.is_none() && named.is_none() && self.opened {
                // A new title after an opener's list ("规定如下……" then "关于……"): the
                // next piece of a collection begins, and the opener no longer applies.
                self.root = Mode::Plain;
                self.opened = false;
                self.stack.clear();
            }
            let parent = self.stack.last().map(|e| e.1).unwrap_or(self.root);
            // "一、检查时间", "一、例会参加人员": a short heading that ends with a title noun
            // names a topic; unless a command verb opens it ("一、落实工作要求"), it commands
            // nothing and opens no section of commands.
            let bare = body.trim_end_matches(['。', '.']);
            let chars = bare.chars().count();
            let no_verb_first = || {
                structure
                    .zh_verbs_in(bare, 0)
                    .next()
                    .is_none_or(|v| v.start > 0)
            };
            // "2.隐患整改台账" under 附件 names a form; "（1）建立台账。" commands.
            let form = chars <= 12
                && structure
                    .form_nouns
                    .iter()
                    .any(|n| bare.ends_with(n.as_str()))
                && no_verb_first();
            let topic = form
                || (structure
                    .title_nouns
                    .iter()
                    .any(|n| bare.ends_with(n.as_str()))
                    && (chars <= 4 || (chars <= 8 && no_verb_first())));
            let mode = match named {
                Some(n) => n.0,
                // "五、贯彻新发展理念，建设现代化经济体系": a numbered heading that is
                // itself a command opens a section of commands, unless a review section
                // holds it. (An unnumbered title is the name of a piece, not a command.)
                None if style.is_some()
                    && parent == Mode::Plain
                    && !topic
                    && structure.opens_with_zh_verb(body) =>
                {
                    Mode::Task
                }
                None => parent,
            };
            place.section_title = named.is_some_and(|n| n.1 && chars <= 12) || topic;
            place.mode = mode;
            self.stack.push((key, mode));
            self.suspended = None;
            if place.section_title {
                self.leads.clear();
            }
        } else {
            place.mode = self.stack.last().map(|e| e.1).unwrap_or(self.root);
        }
        // "某某市城市供水管理条例": the document's title (among its first lines, unnumbered,
        // six characters or more) naming a body of rules puts what follows in task mode, as
        // an opener does; "二　两套办法" in a book is a chapter's name.
        let rules = place.heading
            && style.is_none()
            && i < 3
            && v.trim().chars().count() >= 6
            && structure
                .rule_titles
                .iter()
                .any(|t| v.trim_end().ends_with(t.as_str()));
        if rules || structure.openers.iter().any(|o| v.contains(o.as_str())) {
            self.root = Mode::Task;
            self.opened = true;
            self.stack.clear();
        }
        // Does this sentence lead in a list?
        let ends_with_colon = matches!(s.end, Terminator::Colon | Terminator::Comma)
            || (s.line_end && v.trim_end().ends_with([':', '：']));
        // An English lead-in word that ends the sentence ("... the following:") announces
        // its items.
        let announces = ends_with_colon && {
            let t = v.trim_end().trim_end_matches([':', '：']);
            structure.en_lead_ins.iter().any(|w| {
                t.len() >= w.len()
                    && t.is_char_boundary(t.len() - w.len())
                    && t[t.len() - w.len()..].eq_ignore_ascii_case(w)
            })
        };
        if ends_with_colon
            && (has_trigger
                || announces
                || structure.lead_ins.iter().any(|w| v.contains(w.as_str())))
        {
            self.leads.push((i, style));
            self.suspended = None;
            if announces {
                self.announcing = Some(i);
            }
        }
    }
}

/// The compiled layout rules.
#[derive(Debug)]
pub struct Structure {
    /// Every marker style, anchored at the start, one pattern each in the dictionary's
    /// order: the first that matches names the marker.
    styles: Arc<LazyRegex>,
    letter_style: Option<usize>,
    roman_style: Option<usize>,
    section_words: AhoCorasick,
    section_modes: Vec<Mode>,
    openers: Vec<String>,
    /// Title endings that name a body of rules (条例, 办法): the text under it is in task
    /// mode.
    rule_titles: Vec<String>,
    /// The Chinese lead-in words (要求, 部署): a sentence ending in a colon that holds one leads
    /// in a list.
    lead_ins: Vec<String>,
    /// The English lead-in words: one that ends a lead-in announces its items, which may be
    /// paragraphs without markers.
    en_lead_ins: Vec<String>,
    title_nouns: Vec<String>,
    /// Names of forms and registers (台账, 自查表): a heading ending with one names an
    /// attached form unless a command verb opens it.
    form_nouns: Vec<String>,
    /// Words that make a numbered heading a command when they open it (把).
    heading_openers: Vec<String>,
    /// Words that make a title a report of an event (召开, 举行).
    events: Vec<String>,
    /// The Chinese command verbs, shared with the actor stage.
    zh_verbs: Arc<CommandVerbs>,
    en_verbs: HashSet<String>,
    /// Words that open an adverbial phrase ("In coordination with ..., develop").
    en_subordinators: HashSet<String>,
    /// Finite helpers ("will", "is", "must"): after an -ing opening, they make it a subject.
    en_auxiliaries: HashSet<String>,
    /// Words that open a relative clause ("which", "that").
    en_relatives: HashSet<String>,
    en_clause_subjects: HashSet<String>,
    /// The `adverb` words, passed over before a command verb ("(B) to otherwise protect"),
    /// as are words in -ly and the joining words "and", "or" and "to".
    en_adverbs: HashSet<String>,
}

/// A list counted from one goes on after at most this many sentences without a marker
/// between its items (an order's item may run to several paragraphs).
const INTERRUPTION: usize = 8;

/// Headings are at most this many characters after their marker.
const HEADING_CHARS: usize = 32;

/// The Chinese command verbs (the `verb` words), with one automaton over them built when
/// Chinese text first needs it. The layout stage and the actor stage share one.
#[derive(Debug)]
pub struct CommandVerbs {
    list: WordList,
    automaton: OnceLock<Option<AhoCorasick>>,
}

impl CommandVerbs {
    /// Reads the `verb` words of `dict`.
    pub fn new(dict: &Dictionary) -> Self {
        CommandVerbs {
            list: dict.word_list(Lang::Zh, "verb"),
            automaton: OnceLock::new(),
        }
    }

    /// The verbs, as the dictionary lists them.
    pub fn list(&self) -> &WordList {
        &self.list
    }

    /// The automaton (leftmost-longest), or `None` if it cannot be built.
    pub fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton
            .get_or_init(|| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&self.list)
                    .ok()
            })
            .as_ref()
    }
}

impl Structure {
    /// Compiles the markers and word lists of `dict`.
    pub fn new(dict: &Dictionary) -> Result<Self> {
        let anchored: Vec<String> = dict
            .markers
            .iter()
            .map(|m| format!("^(?:{})", m.pattern))
            .collect();
        let styles = Arc::new(LazyRegex::any_of(&anchored, REGEX_SIZE_LIMIT * 4));
        let mut section_words = Vec::new();
        let mut section_modes = Vec::new();
        for (class, mode) in [
            ("section-task", Mode::Task),
            ("section-goal", Mode::Goal),
            ("section-background", Mode::Background),
            ("section-plain", Mode::Plain),
        ] {
            for lang in [Lang::Zh, Lang::En] {
                for w in dict.words_of(lang, class) {
                    section_words.push(if lang == Lang::En {
                        w.to_lowercase()
                    } else {
                        w.to_string()
                    });
                    section_modes.push(mode);
                }
            }
        }
        // Headings are few and short: an automaton quick to build serves them (the default
        // kind, a DFA at this size, took half a millisecond of every start).
        let section_words = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&section_words)
            .map_err(|e| crate::error::Error::Config(e.to_string()))?;
        let mut en_verbs = HashSet::new();
        for v in dict.words_of(Lang::En, "verb") {
            for form in english_forms(&v.to_lowercase()) {
                en_verbs.insert(form);
            }
        }
        let en_subordinators = dict
            .words_of(Lang::En, "subordinator")
            .filter(|w| !w.contains(' '))
            .map(str::to_lowercase)
            .collect();
        let en_set = |class| {
            dict.words_of(Lang::En, class)
                .map(str::to_lowercase)
                .collect()
        };
        let en_auxiliaries = en_set("auxiliary");
        let en_relatives = en_set("relative");
        let en_clause_subjects = en_set("clause-subject");
        let one = |lang, class| -> Vec<String> {
            dict.words_of(lang, class).map(str::to_string).collect()
        };
        let both = |class| -> Vec<String> {
            dict.words_of(Lang::Zh, class)
                .chain(dict.words_of(Lang::En, class))
                .map(str::to_string)
                .collect()
        };
        let style_named = |n: &str| dict.markers.iter().position(|m| m.style == n);
        Ok(Structure {
            styles,
            letter_style: style_named("en-paren-lower"),
            roman_style: style_named("en-paren-roman"),
            section_words,
            section_modes,
            openers: both("opener"),
            rule_titles: both("rule-title"),
            // An English lead-in word counts only where it ends the sentence (announces):
            // "we have set the following key projected targets:" lists targets.
            lead_ins: one(Lang::Zh, "lead-in"),
            en_lead_ins: one(Lang::En, "lead-in"),
            title_nouns: both("title-noun"),
            form_nouns: both("form-noun"),
            heading_openers: both("heading-opener"),
            events: both("event"),
            zh_verbs: Arc::new(CommandVerbs::new(dict)),
            en_verbs,
            en_subordinators,
            en_auxiliaries,
            en_relatives,
            en_clause_subjects,
            en_adverbs: en_set("adverb"),
        })
    }

    /// The automaton of the Chinese command verbs, built on first use.
    fn zh_verb_automaton(&self) -> Option<&AhoCorasick> {
        self.zh_verbs.automaton()
    }

    /// The Chinese command verbs, for adding to the word segmenter.
    pub fn zh_verbs(&self) -> &[String] {
        self.zh_verbs.list()
    }

    /// The Chinese command verbs with their automaton, for the actor stage to share.
    pub fn command_verbs(&self) -> Arc<CommandVerbs> {
        Arc::clone(&self.zh_verbs)
    }

    /// Uses `union`, the segmenter's regex of all marker styles
    /// ([`crate::segment::Segmenter::marker_union`], built from the same dictionary), instead
    /// of compiling the same one again.
    pub fn sharing_marker_union(mut self, union: Arc<LazyRegex>) -> Self {
        self.styles = union;
        self
    }

    /// Finds each sentence's marker, body start and whether it is a heading.
    pub fn mark(&self, text: &str, sentences: &[Sentence]) -> Vec<Place> {
        let mut walk = self.walk();
        (0..sentences.len())
            .map(|i| walk.mark(text, sentences, i))
            .collect()
    }

    /// "(i)", "(v)", "(x)" are roman numerals unless they follow "(h)", "(u)", "(w)" in a
    /// lettered list. The styles are told apart by their names in `common/markers.tsv`:
    /// `en-paren-lower` and `en-paren-roman`.
    fn roman_or_letter(&self, style: usize, marker: &str, last_letter: &mut Option<char>) -> usize {
        let (Some(lower), Some(roman)) = (self.letter_style, self.roman_style) else {
            return style;
        };
        if style != lower && style != roman {
            return style;
        }
        let label = marker.trim().trim_start_matches('(').trim_end_matches(')');
        let mut chars = label.chars();
        let single = match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        };
        let is_roman = label.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
        let follows_letter = single
            .zip(*last_letter)
            .is_some_and(|(c, prev)| (prev as u32) + 1 == c as u32);
        if is_roman && !follows_letter {
            roman
        } else {
            if let Some(c) = single {
                *last_letter = Some(c);
            }
            lower
        }
    }

    /// Section mode named by a heading's text, if any, and whether the heading only names
    /// the section: no command verb stands before the section word ("二、主要任务",
    /// "三、保障措施" name one; "四、扎实做好当前重点工作" commands).
    fn mode_of(&self, heading: &str) -> Option<(Mode, bool)> {
        // A background word gives way to any other section word after it: "国际形势和我国
        // 对外政策" reviews the situation, then states a policy.
        let mode_at = |m: &aho_corasick::Match| self.section_modes[m.pattern().as_usize()];
        let first = self.section_words.find(heading)?;
        let m = if mode_at(&first) == Mode::Background {
            self.section_words
                .find_iter(heading)
                .find(|m| mode_at(m) != Mode::Background)
                .unwrap_or(first)
        } else {
            first
        };
        let mode = mode_at(&m);
        let verb_before = self.zh_verbs_in(heading, 0).any(|v| v.end <= m.start())
            || self.en_verb(heading, 0).is_some_and(|v| v.end <= m.start());
        Some((mode, !verb_before))
    }

    /// Fills in section titles, modes and lead-in governance. `has_trigger[i]` says whether
    /// sentence `i` kept a dictionary trigger; `view(i)` gives its view text.
    pub fn sections<'v>(
        &self,
        text: &str,
        sentences: &[Sentence],
        places: &mut [Place],
        has_trigger: &[bool],
        view: impl Fn(usize) -> &'v str,
    ) {
        let mut walk = self.walk();
        for (i, s) in sentences.iter().enumerate() {
            walk.step(text, i, s, &mut places[i], has_trigger[i], view(i));
        }
    }

    /// A walk through a document's sections, to be fed its sentences in order.
    pub fn walk(&self) -> SectionWalk<'_> {
        SectionWalk {
            structure: self,
            stack: Vec::new(),
            root: Mode::Plain,
            opened: false,
            leads: Vec::new(),
            last_item: None,
            counted_from_one: None,
            suspended: None,
            last_letter: None,
            announcing: None,
        }
    }

    /// The Chinese command verbs in `view` at or after `from`, in order.
    pub fn zh_verbs_in<'a>(
        &'a self,
        view: &'a str,
        from: usize,
    ) -> impl Iterator<Item = Span> + 'a {
        self.zh_verb_automaton()
            .into_iter()
            .flat_map(move |ac| ac.find_iter(&view[from..]))
            .map(move |m| Span::new(from + m.start(), from + m.end()))
    }

    /// True when a Chinese heading opens with a command verb, perhaps after a two-character
    /// adverb (全面深化, 大力推进), or with a heading opener (把).
    fn opens_with_zh_verb(&self, heading: &str) -> bool {
        let heading = heading.trim_start();
        // "三、把改革开放扎实推向纵深": a disposal construction commands.
        if self
            .heading_openers
            .iter()
            .any(|w| heading.starts_with(w.as_str()))
        {
            return true;
        }
        let end = heading
            .char_indices()
            .nth(6)
            .map_or(heading.len(), |(k, _)| k);
        let head = &heading[..end];
        self.zh_verb_automaton()
            .and_then(|ac| ac.find(head))
            .is_some_and(|m| head[..m.start()].chars().count() <= 2)
    }

    /// The command verb an English unit opens with, after `from`.
    pub fn en_verb(&self, view: &str, from: usize) -> Option<Span> {
        // "(6) In cooperation with Federal, State, and local agencies, develop plans": after
        // an adverbial phrase, the verb follows one of its commas ("subsequently, within
        // 270 days ..., issue" too).
        let from = match self.en_verb_at(view, from) {
            Ok(verb) => return Some(verb),
            Err(after_adverbs) => after_adverbs,
        };
        let first = view[from..]
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if !self.en_subordinators.contains(&first) {
            return None;
        }
        let mut end = view.len().min(from + 300);
        while !view.is_char_boundary(end) {
            end -= 1;
        }
        // The search ends where a main clause with a subject begins ("When ..., it is in
        // the national interest to ..., or use of ..." commands nothing).
        for (k, _) in view[from..end].match_indices(',') {
            let at = from + k + 1;
            let skip = view[at..].len() - view[at..].trim_start().len();
            if let Ok(verb) = self.en_verb_at(view, at + skip) {
                return Some(verb);
            }
            let word = view[at + skip..]
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if self.en_clause_subjects.contains(&word) {
                return None;
            }
        }
        None
    }

    /// The command verb at `from`, after any adverbs; else where the adverbs end.
    fn en_verb_at(&self, view: &str, from: usize) -> Result<Span, usize> {
        let verb_at = |start: usize| {
            let word: &str = view[start..]
                .split(|c: char| !c.is_alphabetic() && c != '-')
                .next()
                .unwrap_or("");
            (!word.is_empty() && self.en_verbs.contains(&word.to_lowercase()))
                .then(|| Span::new(start, start + word.len()))
        };
        // Word by word past adverbs, each tried as a verb first: "Apply", "Comply" and
        // "Supply" look like adverbs.
        let mut at = from;
        loop {
            if let Some(verb) = verb_at(at) {
                return Ok(verb);
            }
            // One adverb or joining word, with its comma ("subsequently, ").
            let rest = &view[at..];
            let word = rest
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()
                .unwrap_or("");
            let lower = word.to_lowercase();
            let passed = !word.is_empty()
                && (lower.ends_with("ly")
                    // In lower case: "(b) To help ensure ...:" states a purpose.
                    || matches!(word, "and" | "or" | "to")
                    || self.en_adverbs.contains(&lower));
            let after = rest[word.len()..]
                .strip_prefix(',')
                .unwrap_or(&rest[word.len()..]);
            let gap = after.len() - after.trim_start().len();
            if !passed || gap == 0 {
                return Err(at);
            }
            at += rest.len() - after.len() + gap;
        }
    }

    /// True when `verb`, an -ing word opening an English unit, is the subject of a finite
    /// verb after it ("(b) Promoting responsible innovation will allow ..."), not a command
    /// ("(A) developing a resource to ..."): an auxiliary follows before any subordinator,
    /// relative word or semicolon.
    pub fn en_gerund_subject(&self, view: &str, verb: Span) -> bool {
        if !view[verb.start..verb.end].to_lowercase().ends_with("ing") {
            return false;
        }
        let rest = &view[verb.end..];
        let rest = &rest[..rest.find([';', ':']).unwrap_or(rest.len())];
        for word in rest
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            let word = word.to_lowercase();
            if self.en_auxiliaries.contains(&word) {
                // A gerund subject agrees as a singular ("Ensuring access is a priority"): a
                // plural form agrees with a noun of the -ing word's own clause ("ensuring
                // existing procedures and guidance are sufficient").
                return !PLURAL_AUXILIARIES.contains(&word.as_str());
            }
            if self.en_subordinators.contains(&word) || self.en_relatives.contains(&word) {
                return false;
            }
        }
        false
    }

    /// The number a list marker of style `style` counts: 3 for "(iii)", "(c)", "3." and
    /// "（三）"; `None` for bullets and dashes.
    fn number(&self, style: usize, marker: &str) -> Option<u32> {
        let label: String = marker
            .chars()
            .filter(|c| c.is_alphanumeric() && !matches!(c, '第' | '是' | '要'))
            .collect();
        let roman = |c: char| match c {
            'i' => Some(1),
            'v' => Some(5),
            'x' => Some(10),
            _ => None,
        };
        let chinese = |c: char| "一二三四五六七八九十".find(c).map(|k| k as u32 / 3 + 1);
        let mut chars = label.chars();
        let (first, second) = (chars.next()?, chars.next());
        if label.chars().all(|c| c.is_ascii_digit()) {
            label.parse().ok()
        } else if Some(style) == self.roman_style {
            // Subtractive where a smaller numeral stands before a larger one ("iv", "ix").
            let values: Option<Vec<u32>> = label.chars().map(roman).collect();
            let values = values?;
            Some(values.iter().enumerate().fold(0i64, |sum, (k, &v)| {
                if values.get(k + 1).is_some_and(|&next| next > v) {
                    sum - v as i64
                } else {
                    sum + v as i64
                }
            }) as u32)
        } else if second.is_none() && first.is_ascii_alphabetic() {
            Some(first.to_ascii_lowercase() as u32 - 'a' as u32 + 1)
        } else if second.is_none() && ('①'..='⑳').contains(&first) {
            Some(first as u32 - '①' as u32 + 1)
        } else if label.chars().all(|c| chinese(c).is_some()) {
            // 一 .. 九十九: an optional tens digit before 十, an optional unit after it.
            let values: Vec<u32> = label.chars().filter_map(chinese).collect();
            match values.iter().position(|&v| v == 10) {
                None if values.len() == 1 => Some(values[0]),
                Some(k) if k <= 1 && values.len() - k <= 2 => {
                    let tens = if k == 0 { 1 } else { values[0] };
                    Some(tens * 10 + values.get(k + 1).copied().unwrap_or(0))
                }
                _ => None,
            }
        } else {
            None
        }
    }

    /// The style name of a marker.
    pub fn style_name<'d>(&self, dict: &'d Dictionary, style: usize) -> &'d str {
        &dict.markers[style].style
    }
}

/// Forms of "be", "have" and "do" that agree only with a plural subject.
const PLURAL_AUXILIARIES: &[&str] = &["are", "were", "have", "do"];

/// A verb and its inflected forms: review, reviews, reviewing; ensure, ensuring; permit,
/// permitting.
pub(crate) fn english_forms(v: &str) -> Vec<String> {
    let mut out = vec![v.to_string()];
    if v.contains(' ') {
        return out;
    }
    if v.ends_with(['s', 'x', 'z']) || v.ends_with("ch") || v.ends_with("sh") {
        out.push(format!("{v}es"));
    } else if let Some(stem) = v
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        out.push(format!("{stem}ies"));
    } else {
        out.push(format!("{v}s"));
    }
    if let Some(stem) = v
        .strip_suffix('e')
        .filter(|s| !s.ends_with(['e', 'y', 'o']))
    {
        out.push(format!("{stem}ing"));
    } else {
        out.push(format!("{v}ing"));
    }
    // A consonant after a single vowel may double before -ing ("permitting", "submitting",
    // "planning"); both spellings are kept, as stress decides and the list does not say it.
    let tail: Vec<char> = v.chars().rev().take(3).collect();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    if let [last, mid, before] = tail[..] {
        if last.is_ascii_lowercase()
            && !vowel(last)
            && !matches!(last, 'w' | 'x' | 'y')
            && vowel(mid)
            && !vowel(before)
        {
            out.push(format!("{v}{last}ing"));
        }
    }
    out
}

/// Counts of headings by mode, for `explain`.
pub fn mode_counts(places: &[Place]) -> HashMap<Mode, usize> {
    let mut m = HashMap::new();
    for p in places {
        *m.entry(p.mode).or_insert(0) += 1;
    }
    m
}

impl std::hash::Hash for Mode {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (*self as u8).hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{Segmenter, SentenceSplitter};

    fn layout(text: &str) -> (Vec<Sentence>, Vec<Place>) {
        let d = Dictionary::builtin();
        let seg = Segmenter::new(&d).unwrap();
        // As the extractor builds it: one regex of all marker styles, shared.
        let st = Structure::new(&d)
            .unwrap()
            .sharing_marker_union(seg.marker_union());
        let sentences = seg.split(text);
        let mut places = st.mark(text, &sentences);
        let has: Vec<bool> = sentences
            .iter()
            .map(|s| s.span.of(text).contains('要') || s.span.of(text).contains("shall"))
            .collect();
        st.sections(text, &sentences, &mut places, &has, |i| {
            sentences[i].span.of(text)
        });
        (sentences, places)
    }

    #[test]
    fn section_titles_set_modes_and_nesting_inherits_them() {
        let text = "一、工作目标\n到年底基本建成体系。\n二、主要任务\n（一）加强组织领导。\n落实责任制度。\n三、工作回顾\n去年完成了任务。";
        let (s, p) = layout(text);
        let at = |needle: &str| {
            s.iter()
                .position(|x| x.span.of(text).contains(needle))
                .unwrap()
        };
        assert!(p[at("工作目标")].section_title);
        assert_eq!(p[at("基本建成")].mode, Mode::Goal);
        assert!(p[at("主要任务")].section_title);
        assert!(p[at("加强组织领导")].heading && !p[at("加强组织领导")].section_title);
        assert_eq!(p[at("加强组织领导")].mode, Mode::Task);
        assert_eq!(p[at("落实责任")].mode, Mode::Task);
        assert_eq!(p[at("完成了")].mode, Mode::Background);
    }

    #[test]
    fn an_opener_puts_the_rest_in_task_mode() {
        let text =
            "上周检查发现问题。现就有关事宜通知如下。\n一、快速抓好问题整改。\n各单位认真整改。";
        let (s, p) = layout(text);
        assert_eq!(p[0].mode, Mode::Plain);
        assert!(p[2].heading);
        assert_eq!(p[2].mode, Mode::Task);
        assert_eq!(p[s.len() - 1].mode, Mode::Task);
    }

    #[test]
    fn a_numbered_heading_opening_with_ba_opens_a_section_of_commands() {
        let text = "三、把改革开放推向纵深\n深化商事制度改革。\n四、改革开放的成效\n简化登记。";
        let (s, p) = layout(text);
        assert_eq!(p[1].mode, Mode::Task);
        // A heading that is neither a command nor a section word leaves its section plain.
        assert_eq!(p[s.len() - 1].mode, Mode::Plain);
    }

    #[test]
    fn a_title_naming_rules_puts_the_rest_in_task_mode() {
        let text =
            "某某市城市供水管理条例\n\n第三条 市水务主管部门负责全市城市供水的监督管理工作。\n";
        let (s, p) = layout(text);
        assert_eq!(p[s.len() - 1].mode, Mode::Task);
        let text = "关于印发某某市城市供水管理条例的通知\n\n第三条 市水务主管部门负责全市城市供水的监督管理工作。\n";
        let (s, p) = layout(text);
        assert_eq!(p[s.len() - 1].mode, Mode::Plain);
    }

    #[test]
    fn a_lead_in_governs_its_items_until_a_sibling() {
        let text = "(a) Within 90 days, the Secretary shall:\n(i) Establish guidelines.\n(ii) Key sectors of concern.\n(b) Reports are due.";
        let (s, p) = layout(text);
        assert_eq!(s.len(), 4);
        assert_eq!(p[1].governed_by, Some(0));
        assert_eq!(p[2].governed_by, Some(0));
        assert_eq!(p[3].governed_by, None);
    }

    #[test]
    fn a_paragraph_between_items_only_interrupts_the_list() {
        let text = "(c) The Secretary shall:\n(i) Propose regulations.\n\nSuch reports shall include the name.\n(ii) Determine the conditions.\n\nThe rule applies.\n(d) Reports are due.\n(iii) Later items.";
        let (s, p) = layout(text);
        assert_eq!(s.len(), 7);
        // Only the next number resumes the list.
        let (_, q) =
            layout("The Secretary shall:\n(i) Propose rules.\n\nA paragraph.\n(iii) Study it.");
        assert_eq!(q[3].governed_by, None);
        // Nor a list that did not start at one under its lead-in.
        let (_, q) =
            layout("The Secretary shall:\n(ii) Propose rules.\n\nA paragraph.\n(iii) Study it.");
        assert_eq!(q[3].governed_by, None);
        let (_, q) = layout(
            "The Secretary shall:\n(a) Plan.\n(2) Propose rules.\n\nA paragraph.\n(3) Study it.",
        );
        assert_eq!(q[4].governed_by, None);
        assert_eq!(p[1].governed_by, Some(0));
        assert_eq!(p[2].governed_by, None);
        assert_eq!(p[3].governed_by, Some(0));
        assert_eq!(p[4].governed_by, None);
        // A sibling of the lead-in ends the list for good.
        assert_eq!(p[5].governed_by, None);
        assert_eq!(p[6].governed_by, None);
    }

    #[test]
    fn an_ing_opening_before_a_finite_verb_is_a_subject() {
        let st = Structure::new(&Dictionary::builtin()).unwrap();
        let gerund = |text: &str| st.en_gerund_subject(text, st.en_verb(text, 0).unwrap());
        assert!(gerund(
            "Promoting responsible innovation, competition, and collaboration will allow growth."
        ));
        assert!(!gerund(
            "developing a companion resource for generative AI;"
        ));
        assert!(!gerund(
            "launching an initiative to create guidance through which AI could cause harm;"
        ));
        assert!(!gerund("Develop plans that will allow growth."));
        // A plural verb agrees with the -ing word's object, not with the gerund.
        assert!(!gerund(
            "ensuring existing procedures and guidance are sufficient to permit applicants;"
        ));
        assert!(gerund("Ensuring access is a priority for the agencies."));
    }

    #[test]
    fn list_markers_count_their_numbers() {
        let dict = Dictionary::builtin();
        let st = Structure::new(&dict).unwrap();
        let number = |m: &str| {
            let c = st.styles.captures(m).expect("a marker");
            st.number(st.roman_or_letter(c.pattern(), m, &mut None), m)
        };
        let cases = [
            ("(iii) ", Some(3)),
            ("(iv) ", Some(4)),
            ("(xix) ", Some(19)),
            ("(c) ", Some(3)),
            ("(C) ", Some(3)),
            ("12. ", Some(12)),
            ("（三）", Some(3)),
            ("十、", Some(10)),
            ("十二、", Some(12)),
            ("二十、", Some(20)),
            ("三是", Some(3)),
            ("第四，", Some(4)),
            ("③", Some(3)),
            ("-- ", None),
            ("• ", None),
        ];
        for (marker, n) in cases {
            assert_eq!(number(marker), n, "{marker}");
        }
    }

    #[test]
    fn english_verbs_are_found_with_their_forms() {
        let st = Structure::new(&Dictionary::builtin()).unwrap();
        assert!(st.en_verb("Establish guidelines", 0).is_some());
        assert!(st.en_verb("developing a resource", 0).is_some());
        assert!(st.en_verb("Apply the standards", 0).is_some());
        assert!(st.en_verb("promptly apply the standards", 0).is_some());
        assert!(st.en_verb("Key sectors of concern", 0).is_none());
        let late = "subsequently, within 270 days of this order, issue guidance";
        let verb = st
            .en_verb(late, 0)
            .expect("a verb after an adverb and a phrase");
        assert_eq!(&late[verb.start..verb.end], "issue");
        assert_eq!(english_forms("ensure"), ["ensure", "ensures", "ensuring"]);
        assert_eq!(
            english_forms("permit"),
            ["permit", "permits", "permiting", "permitting"]
        );
        assert!(st
            .en_verb("permitting the use of video teleconferencing", 0)
            .is_some());
        assert_eq!(
            english_forms("identify"),
            ["identify", "identifies", "identifying"]
        );
    }
}
