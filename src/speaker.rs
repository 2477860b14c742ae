//! Who issued each directive.
//!
//! The speaker of a sentence is, in order of precedence:
//! 1. the last speaker introduced before or in it ("Tan Zuojun pointed out that", "会议强调",
//!    "他指出" resolved to the last person named) — an introduction holds until the next one,
//!    or until a meeting's chair is named ("X主持召开……会议", who is then the one 他 means);
//! 2. the document's authority ("By the authority vested in me as President" gives
//!    "the President");
//! 3. the notice's issuing body, from its signature (a line above the date at the end) or its
//!    header ("X文件", a line naming an office at the top);
//! 4. nobody (`null`).
//!
//! The patterns are in `<lang>/speakers.tsv`.

use std::sync::{Arc, OnceLock};

use std::cell::RefCell;

use crate::dictionary::{Dictionary, Role, REGEX_SIZE_LIMIT};
use crate::document::{Lang, Span};
use crate::error::Result;
use crate::regexes::{LazyRegex, RegexFilter};
use crate::wordlist::WordList;

/// A compiled speaker pattern.
#[derive(Debug, Clone)]
struct Pattern {
    rule: usize,
    lang: Lang,
    role: Role,
    re: LazyRegex,
    name: String,
}

/// The speaker of one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The name as the output reports it.
    pub name: Arc<str>,
    /// The speaker rule (index into [`Dictionary::speakers`]) that named it; `None` for a
    /// transcript's speaker label.
    pub rule: Option<usize>,
    /// The sentence it was named in.
    pub sentence: usize,
}

/// Speakers for every sentence of a document.
///
/// A speaker holds for many sentences in a row, so the track keeps runs, not a speaker per
/// sentence: a 200 MB document has millions of sentences and a few thousand runs.
#[derive(Clone, Debug, Default)]
pub struct SpeakerTrack {
    /// (first sentence, speaker) of each run, by first sentence; the first starts at 0.
    runs: Vec<(usize, Option<Speaker>)>,
    /// Sentences that introduce a speaker, in order, each with the view offset where the
    /// introduction ends ("X stressed that |all units must ...").
    intros: Vec<(usize, usize)>,
    /// The number of sentences.
    len: usize,
}

impl SpeakerTrack {
    /// Appends the next sentence.
    pub fn push(&mut self, speaker: Option<Speaker>, intro_end: Option<usize>) {
        if self.runs.last().is_none_or(|r| r.1 != speaker) {
            self.runs.push((self.len, speaker));
        }
        if let Some(end) = intro_end {
            self.intros.push((self.len, end));
        }
        self.len += 1;
    }

    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True for a document without sentences.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The speaker of sentence `i`.
    pub fn speaker(&self, i: usize) -> Option<&Speaker> {
        if i >= self.len {
            return None;
        }
        let k = self.runs.partition_point(|r| r.0 <= i);
        self.runs[k - 1].1.as_ref()
    }

    /// For a sentence that introduces a speaker, the view offset where the introduction ends:
    /// the actor is looked for after it.
    pub fn intro_end(&self, i: usize) -> Option<usize> {
        self.intros
            .binary_search_by_key(&i, |r| r.0)
            .ok()
            .map(|k| self.intros[k].1)
    }
}

/// The compiled speaker rules.
#[derive(Debug, Clone)]
pub struct Speakers {
    patterns: Vec<Pattern>,
    /// For each language (Chinese, English), built on first use: which of its patterns can
    /// match a sentence, and their indexes in `patterns`.
    filters: [OnceLock<(RegexFilter, Vec<usize>)>; 2],
    /// Words a name never opens with: "As stated", "为贯彻……要求", "按照……要求".
    not_names: Vec<String>,
    /// Words a name never ends with: "就全国来说", "可以说", "换句话说".
    not_name_ends: WordList,
    /// Chinese prepositions of two characters or more: none stands inside a name.
    inner_prepositions: Vec<String>,
    /// Words that make a body's "name" a report of an event (召开, 举行).
    events: WordList,
}

/// The place of `lang` in [`Speakers::filters`].
fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 0,
        Lang::En => 1,
    }
}

thread_local! {
    /// Scratch space for the regex filter, reused across sentences.
    static SCRATCH: RefCell<(Vec<bool>, Vec<usize>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

/// How many whole-line sentences at each end of a document are searched for an issuer.
const ISSUER_WINDOW: usize = 12;

impl Speakers {
    /// Compiles the speaker patterns of `dict`.
    pub fn new(dict: &Dictionary) -> Result<Self> {
        let patterns = dict
            .speakers
            .iter()
            .enumerate()
            .map(|(rule, s)| {
                Ok(Pattern {
                    rule,
                    lang: s.lang,
                    role: s.role,
                    re: LazyRegex::new(s.pattern.clone(), REGEX_SIZE_LIMIT),
                    name: s.name.clone(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut not_names: Vec<String> = Vec::new();
        for class in ["starter", "subordinator", "conjunction"] {
            not_names.extend(dict.words_of(Lang::En, class).map(|w| w.to_lowercase()));
        }
        for class in [
            "preposition",
            "conjunction",
            "time",
            "adverb",
            "verb",
            "not-speaker",
        ] {
            not_names.extend(dict.words_of(Lang::Zh, class).map(str::to_string));
        }
        let not_name_ends = dict.word_list(Lang::Zh, "not-speaker-end");
        let inner_prepositions = dict
            .words_of(Lang::Zh, "preposition")
            .filter(|w| w.chars().count() >= 2)
            .map(str::to_string)
            .collect();
        Ok(Speakers {
            patterns,
            filters: Default::default(),
            not_names,
            not_name_ends,
            inner_prepositions,
            events: dict.word_list(Lang::Zh, "event"),
        })
    }

    /// The patterns of `roles` that match `view`: the pattern, the speaker's name (its
    /// `name` template with `$name` filled by `cite` from the matched span, so that the
    /// name is as written, not as normalized for matching) and where the match ends.
    fn matches<'a>(
        &'a self,
        lang: Lang,
        roles: &'a [Role],
        view: &'a str,
        cite: &dyn Fn(Span) -> String,
    ) -> Vec<(&'a Pattern, String, usize)> {
        let (filter, index) = self.filters[slot(lang)].get_or_init(|| {
            let index: Vec<usize> = (0..self.patterns.len())
                .filter(|&k| self.patterns[k].lang == lang)
                .collect();
            let written: Vec<&str> = index
                .iter()
                .map(|&k| self.patterns[k].re.as_str())
                .collect();
            (RegexFilter::new(&written), index)
        });
        let candidates = SCRATCH.with(|s| {
            let (seen, out) = &mut *s.borrow_mut();
            filter.candidates(view, seen, out);
            out.clone()
        });
        candidates
            .into_iter()
            .map(|k| &self.patterns[index[k]])
            .filter(move |p| roles.contains(&p.role))
            .filter_map(move |p| {
                let caps = p.re.captures(view)?;
                let written = caps
                    .name("name")
                    .map(|m| cite(Span::new(m.start(), m.end())))
                    .unwrap_or_default();
                let name = p.name.replace("$name", written.trim()).trim().to_string();
                let matched = caps.name("name").map_or("", |m| m.as_str());
                if matches!(p.role, Role::Intro | Role::Host) && !self.is_name(matched) {
                    return None;
                }
                // "市委常委会召开会议研究部署……": a report of the meeting, not its words.
                if p.role == Role::Body && self.events.iter().any(|w| matched.contains(w.as_str()))
                {
                    return None;
                }
                let end = caps.get(0).expect("group 0").end();
                Some((p, name, end))
            })
            .collect()
    }

    /// False for "names" that open with a function word or a verb ("As", "为贯彻落实",
    /// "按照", "坚持……") or that hold 的: "……的要求，" is a phrase, not a speaker.
    fn is_name(&self, name: &str) -> bool {
        // "……的要求，", "各级政府要……要求，": a phrase before 要求, not a speaker; "……不必说",
        // "不能说": a negation.
        if name.contains(['的', '要', '不']) {
            return false;
        }
        // "各部门严格按照公司防汛工作要求，": a preposition of two characters or more inside
        // (按照, 根据, 对照 …) makes the words before 要求 a phrase.
        if self
            .inner_prepositions
            .iter()
            .any(|w| name.contains(w.as_str()))
        {
            return false;
        }
        if self
            .not_name_ends
            .iter()
            .any(|w| name.ends_with(w.as_str()))
        {
            return false;
        }
        let first_word = name.split_whitespace().next().unwrap_or("").to_lowercase();
        !self.not_names.iter().any(|w| {
            if w.is_ascii() {
                first_word == *w
            } else {
                name.starts_with(w.as_str())
            }
        })
    }

    /// Assigns a speaker to every sentence. `view(i)` is sentence `i`'s view text,
    /// `lang(i)` its language and `whole_line(i)` whether it stands on its own line. Names
    /// are cited from the views; the pipeline cites them from the document as written
    /// ([`Speakers::fallback`], then [`Speakers::follow`] sentence by sentence).
    pub fn track<'v>(
        &self,
        n: usize,
        view: impl Fn(usize) -> &'v str,
        lang: impl Fn(usize) -> Lang,
        whole_line: impl Fn(usize) -> bool,
    ) -> SpeakerTrack {
        let cite = |i: usize, span: Span| view(i)[span.start..span.end].to_string();
        let fallback = self.fallback(n, &view, &lang, whole_line, cite);
        let mut follow = self.follow(fallback);
        let mut track = SpeakerTrack::default();
        for i in 0..n {
            let v = view(i);
            let (speaker, end) = follow.next(i, lang(i), v, &|span| v[span.start..span.end].into());
            track.push(speaker, end);
        }
        track
    }

    /// The speaker of sentences that no one introduces: the document's authority in its
    /// first 200 sentences, else the issuing body in a signature near the end or in the
    /// header. Reads only those sentences (see [`Speakers::fallback_sentences`]).
    pub fn fallback<'v>(
        &self,
        n: usize,
        view: impl Fn(usize) -> &'v str,
        lang: impl Fn(usize) -> Lang,
        whole_line: impl Fn(usize) -> bool,
        cite: impl Fn(usize, Span) -> String,
    ) -> Option<Speaker> {
        // The document's authority.
        for i in 0..n.min(AUTHORITY_WINDOW) {
            let c = |span: Span| cite(i, span);
            if let Some((p, name, _)) = self
                .matches(lang(i), &[Role::Authority], view(i), &c)
                .into_iter()
                .next()
            {
                return Some(Speaker {
                    name: name.into(),
                    rule: Some(p.rule),
                    sentence: i,
                });
            }
        }
        // The issuing body: the signature near the end, else the header.
        let (top, bottom) = crate::segment::edge_lines(n, ISSUER_WINDOW, whole_line);
        let issuer = bottom.into_iter().chain(top.iter().copied()).find_map(|i| {
            let v = view(i);
            // "（八）努力建设人民满意的服务型政府": a numbered heading, not an office.
            if crate::segment::opens_with_number(v.trim_start()) {
                return None;
            }
            let lead = v.len() - v.trim_start().len();
            let c = |span: Span| cite(i, Span::new(span.start + lead, span.end + lead));
            self.matches(lang(i), &[Role::Issuer], v.trim(), &c)
                .into_iter()
                .next()
                .map(|(p, name, _)| Speaker {
                    name: name.into(),
                    rule: Some(p.rule),
                    sentence: i,
                })
        });
        if issuer.is_some() {
            return issuer;
        }
        // A speech's byline: two lines of the header, read as one with a line break.
        top.windows(2)
            .filter(|w| w[1] == w[0] + 1 && lang(w[0]) == lang(w[1]))
            .find_map(|w| {
                let (a, b) = (view(w[0]), view(w[1]));
                let (a_lead, b_lead) = (
                    a.len() - a.trim_start().len(),
                    b.len() - b.trim_start().len(),
                );
                let (a, b) = (a.trim(), b.trim());
                let joined = format!("{a}\n{b}");
                // A name lies on one of the two lines; cite it there.
                let c = |span: Span| {
                    if span.end <= a.len() {
                        cite(w[0], Span::new(span.start + a_lead, span.end + a_lead))
                    } else if span.start > a.len() {
                        let skip = a.len() + 1;
                        cite(
                            w[1],
                            Span::new(span.start - skip + b_lead, span.end - skip + b_lead),
                        )
                    } else {
                        joined[span.start..span.end].to_string()
                    }
                };
                self.matches(lang(w[0]), &[Role::Byline], &joined, &c)
                    .into_iter()
                    .next()
                    .map(|(p, name, end)| Speaker {
                        name: name.into(),
                        rule: Some(p.rule),
                        sentence: if end <= a.len() { w[0] } else { w[1] },
                    })
            })
    }

    /// The sentences [`Speakers::fallback`] may read, of `n` whose whole-line ones are
    /// told by `whole_line`: the first [`AUTHORITY_WINDOW`] and the whole lines at each end.
    pub fn fallback_sentences(
        n: usize,
        whole_line: impl Fn(usize) -> bool,
    ) -> impl Iterator<Item = usize> {
        let (top, bottom) = crate::segment::edge_lines(n, ISSUER_WINDOW, whole_line);
        (0..n.min(AUTHORITY_WINDOW)).chain(top).chain(bottom)
    }

    /// Follows the speaker through a document whose sentences are fed in order;
    /// `fallback` speaks where no one has been introduced.
    pub fn follow(&self, fallback: Option<Speaker>) -> SpeakerFollow<'_> {
        let byline = fallback.as_ref().and_then(|f| f.rule).is_some_and(|r| {
            self.patterns
                .iter()
                .any(|p| p.rule == r && p.role == Role::Byline)
        });
        SpeakerFollow {
            speakers: self,
            fallback,
            current: None,
            last_person: None,
            byline,
        }
    }
}

/// How many sentences at the start of a document are searched for its authority.
pub const AUTHORITY_WINDOW: usize = 200;

/// The speaker of each sentence in turn ([`Speakers::follow`]).
#[derive(Debug)]
pub struct SpeakerFollow<'s> {
    speakers: &'s Speakers,
    fallback: Option<Speaker>,
    current: Option<Speaker>,
    last_person: Option<Speaker>,
    /// The fallback is a speech's byline: whom the speech quotes speaks to the end of the
    /// paragraph only.
    byline: bool,
}

impl SpeakerFollow<'_> {
    /// The speaker of sentences that no one introduces: the document's authority, issuer or
    /// byline.
    pub fn fallback(&self) -> Option<&Speaker> {
        self.fallback.as_ref()
    }

    /// A new paragraph begins. In a speech with a byline, a person or body its speaker
    /// quotes ("中央提出，要……") stops speaking here; the byline's speaker goes on.
    pub fn paragraph(&mut self) {
        if self.byline {
            self.current = None;
        }
    }

    /// The speaker of sentence `i` (language `lang`, view `view`, `cite` giving the words of
    /// a span of it as written), and, when it introduces one, the view offset where the
    /// introduction ends ("X stressed that |all units must ...").
    pub fn next(
        &mut self,
        i: usize,
        lang: Lang,
        view: &str,
        cite: &dyn Fn(Span) -> String,
    ) -> (Option<Speaker>, Option<usize>) {
        let mut end = None;
        if let Some((p, name, e)) = self
            .speakers
            .matches(
                lang,
                &[Role::Intro, Role::Body, Role::Pronoun, Role::Host],
                view,
                cite,
            )
            .into_iter()
            .min_by_key(|(_, _, e)| *e)
        {
            if p.role == Role::Host {
                // "X主持召开……会议": X may speak later (他强调), but nobody speaks yet.
                self.last_person = Some(Speaker {
                    name: name.into(),
                    rule: Some(p.rule),
                    sentence: i,
                });
                self.current = None;
                let speaker = self.fallback.clone();
                return (speaker, None);
            }
            let named = match p.role {
                // "他指出": the last person named, introduced again by this rule here.
                Role::Pronoun => self.last_person.clone().map(|s| Speaker {
                    sentence: i,
                    rule: Some(p.rule),
                    ..s
                }),
                _ => Some(Speaker {
                    name: name.into(),
                    rule: Some(p.rule),
                    sentence: i,
                }),
            };
            if let Some(s) = named {
                if p.role == Role::Intro {
                    self.last_person = Some(s.clone());
                }
                self.current = Some(s);
                end = Some(e);
            }
        }
        let speaker = self.current.clone().or_else(|| self.fallback.clone());
        (speaker, end)
    }
}

/// The span of a sentence's view that a speaker introduction covers, for tests.
pub fn intro_span(track: &SpeakerTrack, i: usize) -> Option<Span> {
    track.intro_end(i).map(|e| Span::new(0, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, sentence: usize) -> Option<Speaker> {
        Some(Speaker {
            name: name.into(),
            rule: Some(0),
            sentence,
        })
    }

    #[test]
    fn a_track_keeps_one_run_per_change_of_speaker() {
        let mut t = SpeakerTrack::default();
        t.push(None, None);
        t.push(named("A", 1), Some(4));
        t.push(named("A", 1), None);
        t.push(named("A", 1), None);
        t.push(named("B", 4), Some(2));
        assert_eq!(t.len(), 5);
        assert_eq!(t.runs.len(), 3);
        let names: Vec<Option<&str>> = (0..6).map(|i| t.speaker(i).map(|s| &*s.name)).collect();
        assert_eq!(
            names,
            [None, Some("A"), Some("A"), Some("A"), Some("B"), None]
        );
        let ends: Vec<Option<usize>> = (0..5).map(|i| t.intro_end(i)).collect();
        assert_eq!(ends, [None, Some(4), None, None, Some(2)]);
    }

    fn track(sentences: &[&str]) -> Vec<Option<String>> {
        let sp = Speakers::new(&Dictionary::builtin()).unwrap();
        let t = sp.track(
            sentences.len(),
            |i| sentences[i],
            |i| Lang::detect(sentences[i]),
            |_| true,
        );
        assert_eq!(t.len(), sentences.len());
        (0..t.len())
            .map(|i| t.speaker(i).map(|s| s.name.to_string()))
            .collect()
    }

    #[test]
    fn english_text_builds_only_the_english_speaker_filter() {
        let sp = Speakers::new(&Dictionary::builtin()).unwrap();
        let text = ["Tan Zuojun pointed out that the lesson is profound."];
        let t = sp.track(1, |i| text[i], |_| Lang::En, |_| true);
        assert_eq!(
            t.speaker(0).map(|s| s.name.to_string()).as_deref(),
            Some("Tan Zuojun")
        );
        assert!(sp.filters[slot(Lang::En)].get().is_some());
        assert!(
            sp.filters[slot(Lang::Zh)].get().is_none(),
            "the Chinese filter was built"
        );
    }

    #[test]
    fn an_introduced_speaker_holds_until_the_next() {
        let got = track(&[
            "The meeting was chaired by Jin Guowei.",
            "Tan Zuojun pointed out that the lesson is profound.",
            "All units should act.",
            "The meeting stressed that safety comes first.",
            "Everyone must act.",
        ]);
        assert_eq!(got[0], None);
        assert_eq!(got[2].as_deref(), Some("Tan Zuojun"));
        assert_eq!(got[4].as_deref(), Some("The meeting"));
    }

    #[test]
    fn lai_shuo_and_kin_name_no_one() {
        // "就全国来说" is "as regards the whole country", not someone saying something.
        let got = track(&[
            "李明指出，安全生产责任重大。",
            "就全国来说，各地要加强领导。",
            "单就城市来说，也要加强管理。",
            "可以说，形势依然严峻。",
        ]);
        assert_eq!(got[1].as_deref(), Some("李明"));
        assert_eq!(got[2].as_deref(), Some("李明"));
        assert_eq!(got[3].as_deref(), Some("李明"));
    }

    #[test]
    fn an_adverb_after_the_name_is_not_part_of_it() {
        let got = track(&[
            "王刚又说，各地要加强领导。",
            "甚至有人说，不必加强领导。",
            "生产费不必说，各地要节约。",
        ]);
        assert_eq!(got[0].as_deref(), Some("王刚"));
        assert_eq!(got[1].as_deref(), Some("王刚"));
        assert_eq!(got[2].as_deref(), Some("王刚"));
    }

    #[test]
    fn a_pronoun_is_the_last_person_named() {
        let got = track(&[
            "李明指出，安全生产责任重大。",
            "会议强调，要加强监管。",
            "他强调，各地要落实责任。",
        ]);
        assert_eq!(got[0].as_deref(), Some("李明"));
        assert_eq!(got[1].as_deref(), Some("会议"));
        assert_eq!(got[2].as_deref(), Some("李明"));
    }

    #[test]
    fn a_he_after_a_new_meetings_chair_means_the_chair() {
        // "他强调" took the speaker of the story before: the chair of the next meeting
        // reported was never named a person.
        let got = track(&[
            "李明指出，要加强监管。",
            "8月27日下午，省长王刚主持召开专题会，研究防汛工作。",
            "他强调，要压实责任。",
        ]);
        assert_eq!(got[0].as_deref(), Some("李明"));
        assert_eq!(got[1], None);
        assert_eq!(got[2].as_deref(), Some("省长王刚"));
    }

    #[test]
    fn one_who_attends_and_speaks_then_stresses_is_the_speaker() {
        let got = track(&[
            "省长王刚出席会议并发表重要讲话，强调要压实防汛责任。",
            "赵明、孙强出席会议。",
            "要加强监测预警。",
        ]);
        assert_eq!(got[0].as_deref(), Some("省长王刚"));
        // Those who only attend say nothing.
        assert_eq!(got[2].as_deref(), Some("省长王刚"));
    }

    #[test]
    fn the_signature_names_the_issuer() {
        let got = track(&[
            "关于做好安全生产工作的通知",
            "各单位要加强监管。",
            "某某市安全生产委员会办公室",
            "2024年3月24日",
        ]);
        assert_eq!(got[1].as_deref(), Some("某某市安全生产委员会办公室"));
    }

    #[test]
    fn a_signature_naming_a_section_or_a_school_names_the_issuer() {
        // "保卫处", "第一中学" and "应急管理站" end with no office word the signature
        // pattern knew.
        for office in ["保卫处", "某某市第一中学", "某某区应急管理站"] {
            let got = track(&[
                "关于加强实验室安全管理的通知",
                "各单位要加强监管。",
                office,
                "2025年11月28日",
            ]);
            assert_eq!(got[1].as_deref(), Some(office));
        }
    }

    #[test]
    fn a_numbered_heading_ending_with_an_office_word_is_no_issuer() {
        // A short excerpt's last heading "（八）……服务型政府" ends with 政府 and sat among the
        // signature lines, so it became the speaker of every sentence.
        let got = track(&[
            "（七）加快发展社会事业",
            "各地要加强领导。",
            "（八）努力建设人民满意的服务型政府",
            "要深化行政管理体制改革。",
        ]);
        assert_eq!(got[1], None);
        assert_eq!(got[3], None);
    }

    #[test]
    fn the_authority_of_an_order_is_its_speaker() {
        let got = track(&[
            "By the authority vested in me as President by the Constitution, it is hereby ordered as follows:",
            "Each agency shall report.",
        ]);
        assert_eq!(got[1].as_deref(), Some("the President"));
    }
}
