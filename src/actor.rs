//! Who must act: the party a directive binds, as written in its sentence.
//!
//! - `subject` triggers take the subject before the trigger, within its clause: in Chinese the
//!   words after the last comma, less trailing adverbs (也, 要, 切实) and leading conjunctions;
//!   in English the last comma-chunk that is not an adverbial ("To the extent permitted by
//!   law, **each agency** shall"; "**each agency**, where feasible, shall"). A chunk opening with
//!   a preposition or subordinator, or ending in 的, is not a subject. A passive ("shall be
//!   adopted") has no actor.
//! - `object` triggers take the noun phrase after the trigger ("Requests **the
//!   Secretary-General** to", "urged **all localities** to").
//! - `none` triggers have no actor ("It is necessary to").
//!
//! Attributions such as "由X负责" and "（牵头单位：X）" are read by the extraction stage.

use std::collections::HashSet;
use std::sync::Arc;

use unicode_segmentation::UnicodeSegmentation;

use crate::dictionary::{ActorRule, Dictionary};
use crate::document::{Lang, Span};
use crate::structure::CommandVerbs;
use crate::wordlist::WordList;

/// The compiled actor rules.
#[derive(Debug, Clone)]
pub struct Actors {
    en_subordinators: HashSet<String>,
    /// The subordinators of more than one word ("such as", "so that").
    en_subordinator_phrases: Vec<String>,
    en_adverbs: HashSet<String>,
    en_list_prepositions: HashSet<String>,
    en_conjunctions: HashSet<String>,
    en_reporting: HashSet<String>,
    en_auxiliaries: HashSet<String>,
    en_passive_subjects: HashSet<String>,
    en_participles: HashSet<String>,
    /// Subordinators that open a finite clause (though, whereas): "…, though each agency
    /// shall" has its subject after one.
    en_clause_conjunctions: HashSet<String>,
    en_determiners: HashSet<String>,
    /// Words that often open a sentence (however, moreover, first): a comma-chunk opening
    /// with one is no party in a list.
    en_starters: HashSet<String>,
    zh_prepositions: WordList,
    /// Prepositions that, right after 的, open an adverbial (……的对责任部门……).
    zh_de_prepositions: WordList,
    /// Verbs passed over before the party an object trigger names (鼓励、引导企业).
    zh_pivots: WordList,
    /// Words that open with a preposition but are none (对口, 根据地).
    zh_not_prepositions: WordList,
    /// Words an actor never holds (是: what comes before it is a topic, not a party).
    zh_not_actor: WordList,
    /// A speaker's opinion that may open a subject (我认为, 我看): stripped, it names no
    /// party ("我认为我们应当……" gives 我们, "我看要……" none).
    zh_stances: WordList,
    zh_adverbs: WordList,
    zh_conjunctions: WordList,
    zh_times: WordList,
    zh_time_tails: WordList,
    zh_party_heads: WordList,
    /// Party heads that are a party on their own (我们).
    zh_plural_pronouns: WordList,
    /// Words that open an adverbial right after a party (市应急管理局每周……).
    zh_adverbial_starts: WordList,
    /// A topic before a comma that opens with one of these is no party (有一个县，……).
    zh_not_topic_starts: WordList,
    /// Nor is a topic that holds one of these (我们在农村，……).
    zh_not_topic_marks: WordList,
    /// Words that open an adverbial running to a comma (依据, 按照, 围绕 …): after a party
    /// that opens the sentence, the party acts in the clause after the comma.
    zh_adverbial_heads: WordList,
    zh_party_tails: WordList,
    /// Nouns that close a thing, not a party (工作, 标准): "各项工作", "全国……经费标准" open
    /// with a party head and name none.
    zh_thing_tails: WordList,
    /// The Chinese command verbs, with the automaton the layout stage uses too.
    zh_verbs: Arc<CommandVerbs>,
    en_verbs: HashSet<String>,
}

const ZH_CLAUSE: &[char] = &['，', ',', '；', ';', '：', ':', '。', '！', '？'];
const EN_CLAUSE: &[char] = &[',', ';', ':', '—', '–', '(', ')'];

/// True when `chunk` opens with an -ing word and a plural noun ("Leading officials at all
/// levels", "Participating agencies"): the -ing word is an adjective of a subject, not the
/// participle of an adverbial ("Recognizing the disparities", "Promoting innovation").
fn ing_before_plural(chunk: &str) -> bool {
    let mut words = chunk.split_whitespace().skip(1);
    words.next().is_some_and(|w| {
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && w.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// True when `chunk` is a name of two words or more in capitals, joined by small words only
/// ("Housing and Urban Development" in a list of departments): an -ing word that opens it is
/// part of the name, not a participle.
fn is_title_name(chunk: &str) -> bool {
    let words: Vec<&str> = chunk.split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || matches!(*w, "and" | "of" | "the" | "for" | "&")
        })
        && words
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// True when `from` opens a sentence: nothing but a list marker or a speaker's colon stands
/// before it in `view`.
fn opens_sentence(view: &str, from: usize) -> bool {
    view[..from]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '）' | ')' | '、' | '：' | ':' | '.' | '．'))
}

/// Where the last Chinese clause of `region` starts: after its last clause mark, or at 0.
fn zh_clause_start(region: &str) -> usize {
    region.rfind(ZH_CLAUSE).map_or(0, |k| {
        k + region[k..].chars().next().map_or(0, char::len_utf8)
    })
}

/// The length of a year that opens `t` (2024年, 一九四九年), if one does.
fn year_prefix(t: &str) -> Option<usize> {
    let digits: usize = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九〇零".contains(*c))
        .map(char::len_utf8)
        .sum();
    let count = t[..digits].chars().count();
    (count == 4 && t[digits..].starts_with('年')).then(|| digits + '年'.len_utf8())
}

/// `actor` with the closing quote that a comma inside the quotes cut off: "The head of each
/// “applicable agency,” as defined in ..." names "The head of each “applicable agency,”"
/// (American style puts the comma inside the quotes).
fn close_quote(view: &str, actor: Span) -> Span {
    let text = actor.of(view);
    let unclosed =
        text.matches('“').count() > text.matches('”').count() || text.matches('"').count() % 2 == 1;
    let after = &view[actor.end..];
    match [",”", ",\""].into_iter().find(|c| after.starts_with(c)) {
        Some(c) if unclosed => Span::new(actor.start, actor.end + c.len()),
        _ => actor,
    }
}

/// `t` after a leading "and" or "or" and the commas and spaces that follow it ("and, minimize"
/// gives "minimize", "and in consultation with A" gives "in consultation with A"); `t` itself
/// when it opens with neither.
pub(crate) fn after_list_conjunction(t: &str) -> &str {
    let word = t.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if word.eq_ignore_ascii_case("and") || word.eq_ignore_ascii_case("or") {
        t[word.len()..].trim_start_matches(|c: char| c == ',' || crate::segment::is_space(c))
    } else {
        t
    }
}

impl Actors {
    /// Reads the word lists of `dict`.
    pub fn new(dict: &Dictionary) -> Self {
        Actors::with_command_verbs(dict, Arc::new(CommandVerbs::new(dict)))
    }

    /// As [`Actors::new`], with `verbs`, the layout stage's command verbs and their automaton
    /// ([`crate::structure::Structure::command_verbs`], read from the same dictionary),
    /// instead of building the same list and automaton again.
    pub fn with_command_verbs(dict: &Dictionary, verbs: Arc<CommandVerbs>) -> Self {
        let en = |class| -> HashSet<String> {
            dict.words_of(Lang::En, class)
                .map(str::to_lowercase)
                .collect()
        };
        let zh = |class| -> WordList {
            let mut v: Vec<String> = dict.words_of(Lang::Zh, class).map(str::to_string).collect();
            // Longest first, so that 一定要 is stripped before 要.
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
            WordList::new(v)
        };
        let zh_party_tails = zh("party-tail");
        let en_subordinators = en("subordinator");
        Actors {
            zh_party_tails,
            en_subordinator_phrases: en_subordinators
                .iter()
                .filter(|w| w.contains(' '))
                .cloned()
                .collect(),
            en_subordinators,
            en_adverbs: en("adverb"),
            en_list_prepositions: en("list-preposition"),
            en_conjunctions: en("conjunction"),
            en_reporting: en("reporting"),
            en_auxiliaries: en("auxiliary"),
            en_passive_subjects: en("passive-subject"),
            en_participles: en("participle"),
            en_clause_conjunctions: en("clause-conjunction"),
            en_determiners: en("determiner"),
            en_starters: en("starter"),
            zh_prepositions: zh("preposition"),
            zh_de_prepositions: zh("de-preposition"),
            zh_pivots: zh("pivot"),
            zh_not_prepositions: zh("not-preposition"),
            zh_not_actor: zh("not-actor"),
            zh_stances: zh("stance"),
            zh_thing_tails: zh("thing-tail"),
            zh_adverbs: zh("adverb"),
            zh_conjunctions: zh("conjunction"),
            zh_times: zh("time"),
            zh_time_tails: zh("time-tail"),
            zh_party_heads: zh("party-head"),
            zh_plural_pronouns: zh("plural-pronoun"),
            zh_adverbial_starts: zh("adverbial-start"),
            zh_not_topic_starts: zh("not-topic-start"),
            zh_not_topic_marks: zh("not-topic-mark"),
            zh_adverbial_heads: zh("adverbial-head"),
            zh_verbs: verbs,
            en_verbs: dict
                .words_of(Lang::En, "verb")
                .flat_map(|v| crate::structure::english_forms(&v.to_lowercase()))
                .collect(),
        }
    }

    /// The actor of a trigger at `trigger` in `view`, looking no further left than `from`.
    pub fn find(
        &self,
        lang: Lang,
        view: &str,
        from: usize,
        trigger: Span,
        rule: ActorRule,
        hint: Option<Span>,
    ) -> Option<Span> {
        self.find_explained(lang, view, from, trigger, rule, hint).0
    }

    /// As [`Actors::find`], with a few words on how the actor was found or why there is none
    /// (for `explain`).
    pub fn find_explained(
        &self,
        lang: Lang,
        view: &str,
        from: usize,
        trigger: Span,
        rule: ActorRule,
        hint: Option<Span>,
    ) -> (Option<Span>, &'static str) {
        if let Some(h) = hint {
            return (Some(h), "named by the entry's own pattern");
        }
        let found = match (rule, lang) {
            (ActorRule::None, _) => return (None, "the entry names no actor (impersonal)"),
            (ActorRule::Subject, Lang::Zh) => {
                self.zh_subject(view, from.min(trigger.start), trigger.start)
            }
            (ActorRule::Subject, Lang::En) => {
                if self.en_passive(&view[trigger.end..]) {
                    // "It must be based on ...": a pronoun subject is the party as written;
                    // a passive's noun subject ("Regulations shall be adopted") is not.
                    let before = view[from.min(trigger.start)..trigger.start].trim_end();
                    let word_start = before
                        .char_indices()
                        .rev()
                        .find(|&(_, c)| !c.is_alphabetic())
                        .map_or(0, |(k, c)| k + c.len_utf8());
                    let word = &before[word_start..];
                    let rest = before[..word_start].trim_end();
                    let alone = rest.is_empty() || rest.ends_with([',', ';', ':']);
                    // "It must be ensured that ...": an "it" that stands for the clause after
                    // the participle names no one.
                    let expletive = view[trigger.end..]
                        .split_whitespace()
                        .skip_while(|w| *w == "be" || w.ends_with("ly"))
                        .nth(1)
                        .is_some_and(|w| w == "that");
                    // As written in lower case or capitalized: "IT must be upgraded" is no
                    // pronoun.
                    let pronoun = word.chars().skip(1).all(char::is_lowercase)
                        && self.en_passive_subjects.contains(&word.to_lowercase());
                    if alone && !expletive && pronoun {
                        let at = from.min(trigger.start) + word_start;
                        return (
                            Some(Span::new(at, at + word.len())),
                            "a pronoun subject of a passive",
                        );
                    }
                    return (None, "a passive names no actor");
                }
                self.en_subject(view, from.min(trigger.start), trigger.start)
                    .map(|a| close_quote(view, a))
            }
            (ActorRule::Object, Lang::En) => self.en_object(view, trigger.end),
            (ActorRule::Object, Lang::Zh) => self.zh_object(view, trigger.end),
        };
        let how = match (rule, found.is_some()) {
            (ActorRule::Subject, true) => "the subject before the trigger, in its clause",
            (ActorRule::Subject, false) => "no party is written before the trigger in its clause",
            (_, true) => "the party named after the trigger",
            (_, false) => "no party is named after the trigger",
        };
        (found, how)
    }

    /// The subject of an English clause that a conjunction after a comma opens right before
    /// `to` (a later trigger): "…, and the Council shall prepare" names the Council. The
    /// subject must open with a determiner or a capital and fill the words between the
    /// conjunction and the trigger; "review the rules and publish them" names no one.
    pub fn en_new_clause_subject(&self, view: &str, from: usize, to: usize) -> Option<Span> {
        let region = view.get(from..to)?;
        let k = [", and ", "; and ", ", but ", "; "]
            .iter()
            .filter_map(|w| region.rfind(w).map(|i| i + w.len()))
            .max()?;
        let chunk = &region[k..];
        let first = chunk.split_whitespace().next()?;
        let opens = self.en_determiners.contains(&first.to_lowercase())
            || first.starts_with(char::is_uppercase);
        if !opens || chunk.contains([',', ';', '(']) {
            return None;
        }
        // The chunk's subject must start where the chunk does (en_chunk_subject refuses an
        // adverbial and cuts one before a capitalized determiner: "Upon approval The
        // Council"); only trailing adverbs may fall away ("the Council also shall").
        let found = self.en_chunk_subject(chunk)?;
        chunk[..found.start]
            .trim()
            .is_empty()
            .then(|| Span::new(from + k + found.start, from + k + found.end))
    }

    fn zh_subject(&self, view: &str, from: usize, to: usize) -> Option<Span> {
        let region = &view[from..to];
        let clause = zh_clause_start(region);
        // "国家机关和事业单位，要坚决停止……": the party stands as a topic before a comma, and
        // the trigger opens the next clause (after at most an adverb: ，都要).
        let lead = region[clause..].trim();
        if clause > 0
            && region[..clause].ends_with(['，', ','])
            && (lead.is_empty() || self.zh_adverbs.iter().any(|a| lead == a.as_str()))
        {
            // Only a clause that is a party and nothing else: it ends with a party word or is
            // a plural pronoun, and holds no command verb ("履行好政府，" is a deed,
            // "我国水资源短缺，" a statement) after its last 的 (before it, a verb describes
            // the party: "负有监督管理职责的部门，").
            // It must open the sentence: "……，动员群众，切实……" lists deeds.
            let comma = clause
                - region[..clause]
                    .chars()
                    .next_back()
                    .map_or(0, char::len_utf8);
            let topic = region[..comma].trim();
            // Where the sentence (or its list marker, or a speaker's colon) ends.
            let opens = opens_sentence(view, from);
            // "工程物业部依据……《汇编》，研究制定……": a party, then an adverbial that runs to
            // the comma; the party acts in the clause after it. So it does after a clause
            // that an adverbial opens after it ("总经理对安全生产费用全面领导，监督……").
            if opens && !topic.contains(ZH_CLAUSE) && !self.zh_not_topic_starts.opens(topic) {
                let at = from + region[..comma].len() - region[..comma].trim_start().len();
                if let Some(n) = self
                    .party_ends(topic)
                    .filter(|&n| {
                        let rest = &topic[n..];
                        self.zh_adverbial_heads.opens(rest)
                            || (self.zh_adverbial_starts.opens(rest)
                                && !self.opens_with_look_alike(rest))
                    })
                    .min()
                {
                    let party = Span::new(at, at + n);
                    return self
                        .zh_subject_in_clause(view, party.start, party.end)
                        .filter(|a| *a == party);
                }
            }
            // "今年，各地区各部门，要……": a time word standing alone before the topic, with
            // its own comma, leaves the topic opening the sentence; so does the speaker's
            // stance ("我们希望，各类企业，都要……").
            let (topic, opens) = match topic.rfind(['，', ',']) {
                Some(k) if opens && self.is_topic_lead(&topic[..k]) => {
                    (topic[k..].trim_start_matches(['，', ',']).trim(), true)
                }
                _ => (topic, opens),
            };
            let named = self.zh_party_tails.closes(topic)
                || self.zh_plural_pronouns.iter().any(|h| topic == h.as_str());
            if !named
                || !opens
                || self
                    .zh_not_topic_starts
                    .iter()
                    .any(|w| topic.starts_with(w.as_str()))
                || self
                    .zh_adverbs
                    .iter()
                    .any(|a| a.chars().count() >= 2 && topic.starts_with(a.as_str()))
                || topic.contains(ZH_CLAUSE)
                || self
                    .zh_not_topic_marks
                    .iter()
                    .any(|w| topic.contains(w.as_str()))
                || self.holds_zh_verb(self.party_modifiers(topic))
                || self.opens_with_deed(topic)
                // "〔三〕对清理释放人员，要……": after a mark the splitter does not know, a
                // preposition still opens an adverbial, not a party.
                || self.opens_with_preposition(after_bracket(topic))
            {
                return None;
            }
            return self
                .zh_subject_in_clause(view, from, from + comma)
                .filter(|a| a.of(view) == topic && self.is_party(topic));
        }
        let found = self.zh_subject_in_clause(view, from, to)?;
        // "1、各部门、各主力店，各店铺要……": a comma typed for a 、 inside a list of parties
        // that opens the sentence; the list is the actor.
        let before = &view[from..found.start];
        if let Some(head) = before.trim_end().strip_suffix(['，', ',']) {
            let list = head.trim();
            if opens_sentence(view, from)
                && !list.is_empty()
                && list.contains('、')
                && !list.contains(ZH_CLAUSE)
                && list.split('、').all(|p| {
                    // Short names of parties, not clauses ("一部队内部也有若干单位") nor a
                    // speaker's wish ("我们希望全国人民").
                    let p = p.trim();
                    self.is_party(p)
                        && p.chars().count() <= 8
                        && !p.contains(['有', '是'])
                        && !self
                            .zh_plural_pronouns
                            .iter()
                            .any(|w| p.starts_with(w.as_str()) && p != w.as_str())
                })
            {
                let at = from + (before.len() - before.trim_start().len());
                return Some(Span::new(at, found.end));
            }
        }
        Some(found)
    }

    fn zh_subject_in_clause(&self, view: &str, from: usize, to: usize) -> Option<Span> {
        let region = &view[from..to];
        let clause = zh_clause_start(region);
        let (mut s, mut e) = (from + clause, to);
        let trim = |s: &mut usize, e: &mut usize| {
            let t = &view[*s..*e];
            *s += t.len() - t.trim_start().len();
            *e = *s + view[*s..*e].trim_end().len();
        };
        trim(&mut s, &mut e);
        // "我认为我们应当……": the speaker's opinion opens the clause; the party, if any,
        // follows it.
        let mut after_stance = false;
        if let Some(w) = self.zh_stances.prefixes_of(&view[s..e]).next() {
            s += w.len();
            trim(&mut s, &mut e);
            if s == e {
                return None;
            }
            after_stance = true;
        }
        // Leading conjunctions and time words, trailing adverbs.
        loop {
            let t = &view[s..e];
            if let Some(w) = self
                .zh_conjunctions
                .prefixes_of(t)
                .chain(self.zh_times.prefixes_of(t))
                .find(|w| t.len() > w.len())
            {
                s += w.len();
                trim(&mut s, &mut e);
                continue;
            }
            if let Some(w) = self.trailing_adverb(t) {
                e -= w.len();
                trim(&mut s, &mut e);
                continue;
            }
            if let Some(n) = self.time_phrase_end(t) {
                s += n;
                trim(&mut s, &mut e);
                continue;
            }
            // "一九四九年中国人民解放军将……": a year glued to the party.
            if let Some(n) = year_prefix(t).filter(|&n| n < t.len() && self.is_party(&t[n..])) {
                s += n;
                trim(&mut s, &mut e);
                continue;
            }
            break;
        }
        let mut t = &view[s..e];
        // "我们在水利方面必须……", "……党委今年必须……": a party, then an adverbial before the
        // trigger. The party is a prefix ending with a party word, or a plural pronoun that
        // opens a party and stands alone (我们, not 任何 of 任何时候).
        let whole_head = self
            .zh_plural_pronouns
            .iter()
            .filter(|h| t.starts_with(h.as_str()))
            .map(|h| h.len())
            .max();
        if let Some(n) = self
            .party_prefix(t)
            .or(whole_head)
            .filter(|&n| n < t.len() && self.opens_with_adverbial(&t[n..]))
            .or_else(|| self.party_before_preposition(t, whole_head))
        {
            e = s + n;
            t = &view[s..e];
        }
        // After an opinion, whoever it says should act is the party, named or not: a short
        // noun ("我看知识分子都要……", "我认为梁漱溟应当……"), not a thing.
        // Not a description (北方的荒山), a deed or time (有五个月, 编出来也用), an adverbial
        // (一般地) or a place (文件上).
        let opinion_subject = after_stance
            && t.chars().count() <= 8
            && !self.zh_thing_tails.closes(t)
            && !t.contains(['的', '有', '也', '都'])
            && !t.ends_with(['地', '上', '里', '中']);
        if !self.is_party(t) && !opinion_subject {
            // "市应急管理局每周通报": the party opens the clause and an adverbial or a time
            // word follows it ("国家固定资产投资用于农村的增量" has no party up front).
            match self
                .party_prefix(t)
                .filter(|&n| self.opens_with_adverbial(&t[n..]))
            {
                Some(n) => {
                    e = s + n;
                    t = &view[s..e];
                }
                None => return None,
            }
        }
        if t.is_empty()
            || t.contains([
                '“', '”', '"', '《', '》', '（', '）', '(', ')', '〔', '〕', '【', '】', '[', ']',
            ])
            || self
                .zh_conjunctions
                .prefixes_of(t)
                .chain(self.zh_adverbs.prefixes_of(t))
                .any(|w| t == w)
            // A list of parties joined by 、 may run longer ("各省级安委会、国务院安委会各
            // 有关成员单位、有关中央企业"), when each of its items names one.
            || (t.chars().count() > 24
                && !(t.chars().count() <= 40
                    && t.contains('、')
                    && t.split('、').all(|p| self.is_party(p))))
            || t.ends_with(['的', '得', '时'])
            || self.holds_not_actor_word(t)
            || self.zh_prepositions.opens(t)
            // "继续与有关国家和地区": an adverb, then a preposition, opens an adverbial.
            || self.zh_adverbs.prefixes_of(t).any(|w| {
                let r = &t[w.len()..];
                !self.opens_with_look_alike(r) && self.zh_prepositions.opens(r)
            })
            || self.preposition_after_de(t)
            || self.opens_with_deed(t)
            // "全面系统梳理……": adverbs before a command verb, not a party (全 of 全面 is
            // no 全党); "重点企业" ends with a party word and stays one, unless a command verb
            // stands between ("进一步破除区域分割和地方").
            || (self
                .zh_adverbs
                .prefixes_of(t)
                .any(|w| w.chars().count() >= 2)
                && (!self.zh_party_tails.closes(t)
                    || self.holds_zh_verb(t)))
            || self.zh_times.closes(t)
            || t.chars()
                .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            || !t.chars().any(crate::document::is_han)
        {
            return None;
        }
        Some(Span::new(s, e))
    }

    /// True when `t` opens with a command verb and its object ("监督经营商户严格遵守……"):
    /// a deed, not a party. A verb glued to a party word names one (检查组, 领导干部), as
    /// does a verb that is a party word itself (组织).
    fn opens_with_deed(&self, t: &str) -> bool {
        self.zh_verbs.list().prefixes_of(t).any(|v| {
            t.len() > v.len()
                && !self.glued_to_party_word(&t[v.len()..])
                && !self.zh_party_tails.suffixes_of(v).any(|p| p == v)
        })
    }

    /// True when `rest`, what follows a command verb, opens with a party word that the verb
    /// is glued to (a verb before 组, 人员 names a party: 检查组, 管理人员).
    fn glued_to_party_word(&self, rest: &str) -> bool {
        self.zh_party_tails.opens(rest)
    }

    /// True when `t` opens with a command verb, not glued to a party word after it.
    fn opens_with_verb(&self, t: &str) -> bool {
        self.zh_verbs
            .list()
            .prefixes_of(t)
            .any(|v| !self.glued_to_party_word(&t[v.len()..]))
    }

    /// True when a `de-preposition` follows a 的 in `t`: "两次判定为不合格的对责任部门、责任
    /// 人员进行约谈" names a topic (……的) and the object of 对, not who acts (but 的对口部门
    /// is a party: 对口 is a `not-preposition`).
    fn preposition_after_de(&self, t: &str) -> bool {
        t.match_indices('的').any(|(k, _)| {
            let rest = &t[k + '的'.len_utf8()..];
            self.zh_de_prepositions.opens(rest) && !self.opens_with_look_alike(rest)
        })
    }

    /// True when `t` holds a word no actor holds (是), other than inside a conjunction
    /// ("全党同志特别是高级干部").
    fn holds_not_actor_word(&self, t: &str) -> bool {
        let in_conjunction = |k: usize| {
            self.zh_conjunctions.iter().any(|c| {
                t.match_indices(c.as_str())
                    .any(|(at, _)| at <= k && k < at + c.len())
            })
        };
        self.zh_not_actor
            .occurrences(t)
            .any(|(k, _)| !in_conjunction(k))
    }

    /// True when the clause of a Chinese trigger at `trigger`, read from `from`, has a thing
    /// for its subject ("各类项目都要……", "每一次的时间不要……"): the clause has a subject of
    /// its own, so a party named later in the sentence is not its actor.
    pub fn zh_thing_subject(&self, view: &str, from: usize, trigger: Span) -> bool {
        let region = &view[from.min(trigger.start)..trigger.start];
        let clause = zh_clause_start(region);
        let mut t = region[clause..].trim();
        while let Some(w) = self.trailing_adverb(t).filter(|w| w.len() < t.len()) {
            t = t[..t.len() - w.len()].trim_end();
        }
        self.zh_thing_tails.closes(t)
    }

    /// The adverb that ends `t` (也, 都要), unless it is the end of a thing or party word
    /// there (务 of 任务).
    fn trailing_adverb<'t>(&self, t: &'t str) -> Option<&'t str> {
        let w = self.zh_adverbs.suffixes_of(t).next()?;
        let in_noun = self
            .zh_thing_tails
            .suffixes_of(t)
            .chain(self.zh_party_tails.suffixes_of(t))
            .any(|n| n.len() > w.len());
        (!in_noun).then(|| &t[t.len() - w.len()..])
    }

    /// True when `t` names a party: it opens with 各, 有关, ... or ends with 部门, 公司, ...,
    /// and does not end with a thing (各项工作).
    fn is_party(&self, t: &str) -> bool {
        (self.zh_party_heads.opens(t) || self.zh_party_tails.closes(t))
            && !self.zh_thing_tails.closes(t)
    }

    /// The length of the longest prefix of `t` (at most 16 characters) that ends with a
    /// party word and is not the whole of a shorter word run ("市应急管理局" in
    /// "市应急管理局每周通报").
    fn party_prefix(&self, t: &str) -> Option<usize> {
        self.party_ends(t).max()
    }

    /// The ends of the prefixes of `t` (two to 16 characters) that end with a party word.
    fn party_ends<'t>(&'t self, t: &'t str) -> impl Iterator<Item = usize> + 't {
        let limit: usize = t.chars().take(16).map(char::len_utf8).sum();
        self.zh_party_tails
            .occurrences(&t[..limit])
            .map(|(k, w)| k + w.len())
            .filter(move |&n| t[..n].chars().count() >= 2)
    }

    /// True when `t` opens with a preposition, not a word that only looks like one.
    fn opens_with_preposition(&self, t: &str) -> bool {
        self.zh_prepositions.opens(t) && !self.opens_with_look_alike(t)
    }

    /// True when `t` opens with a word that only looks like a preposition (对口, 从业, 自治).
    fn opens_with_look_alike(&self, t: &str) -> bool {
        self.zh_not_prepositions.opens(t)
    }

    /// The end of the party that opens `t` (or of its plural pronoun, `whole_head`) when a
    /// preposition follows it and the whole reads as a party: "各地区对重点企业" gives
    /// 各地区, where the longest prefix ending with a party word is the whole. Not a word
    /// that only looks like a preposition (自治区), nor one that repeats how the party opens
    /// (每省每地每县). The first such preposition opens the adverbial ("我们对各地在押的……"
    /// gives 我们).
    fn party_before_preposition(&self, t: &str, whole_head: Option<usize>) -> Option<usize> {
        if !self.is_party(t) {
            return None;
        }
        self.party_ends(t)
            .chain(whole_head)
            .filter(|&n| n < t.len())
            .filter(|&n| {
                let rest = &t[n..];
                self.zh_adverbial_starts
                    .prefixes_of(rest)
                    .any(|w| !t.starts_with(w))
                    && !self.opens_with_look_alike(rest)
                    && !self.zh_conjunctions.opens(rest)
            })
            .min()
    }

    /// What of a topic party may not hold a command verb: the words after its last 的 (before
    /// it a verb describes the party: "负有监督管理职责的部门"), less the party tail that
    /// closes it and the verbs right before that tail, which name the office ("监督管理部门",
    /// "应急管理局"); "履行好政府" keeps 履行好.
    fn party_modifiers<'t>(&self, topic: &'t str) -> &'t str {
        let head = topic.rsplit('的').next().unwrap_or(topic);
        let Some(tail) = self
            .zh_party_tails
            .suffixes_of(head)
            .max_by_key(|w| w.len())
        else {
            return head;
        };
        let mut rest = &head[..head.len() - tail.len()];
        while let Some(verb) = self
            .zh_verbs
            .list()
            .suffixes_of(rest)
            .filter(|w| !w.is_empty())
            .max_by_key(|w| w.len())
        {
            rest = &rest[..rest.len() - verb.len()];
        }
        rest
    }

    /// True when `t` holds a Chinese command verb anywhere.
    fn holds_zh_verb(&self, t: &str) -> bool {
        self.zh_verbs.automaton().is_some_and(|f| f.is_match(t))
    }

    /// The end of a phrase that a `time-tail` word closes at the head of `t` (with a note in
    /// brackets after it), when a party follows: "两会期间值班人员", "全国两会期间（3月4日起至
    /// “两会”结束）值班人员每天……". The phrase names when, the party after it acts.
    fn time_phrase_end(&self, t: &str) -> Option<usize> {
        let limit: usize = t.chars().take(24).map(char::len_utf8).sum();
        self.zh_time_tails
            .iter()
            .filter_map(|w| {
                let at = t[..limit].find(w.as_str()).filter(|&i| i > 0)?;
                let mut end = at + w.len();
                if t[end..].starts_with(['（', '(']) {
                    let close = t[end..].find(['）', ')'])?;
                    end += close + t[end + close..].chars().next()?.len_utf8();
                }
                let rest = t[end..].trim_start();
                let party = self.is_party(rest)
                    || self
                        .party_prefix(rest)
                        .is_some_and(|n| n == rest.len() || self.opens_with_adverbial(&rest[n..]));
                // "革命时期的党的组织": after 的 the phrase describes a noun.
                (!rest.is_empty() && !rest.starts_with('的') && party).then_some(end)
            })
            .min()
    }

    /// True when `t`, with its own comma before a topic, leaves the topic opening the
    /// sentence: a time word ([`Actors::is_time_lead`]) or the speaker's stance (我们希望).
    fn is_topic_lead(&self, t: &str) -> bool {
        self.is_time_lead(t) || self.zh_stances.iter().any(|w| t.trim() == w.as_str())
    }

    /// True when `t` is a time word and nothing else, once a tail of 内, 起 or 以来 is off
    /// (今年, 今年内, 近期, 下一步, 2025年, 5月).
    fn is_time_lead(&self, t: &str) -> bool {
        let t = t.trim();
        let t = t
            .strip_suffix('内')
            .or_else(|| t.strip_suffix('起'))
            .or_else(|| t.strip_suffix("以来"))
            .unwrap_or(t);
        self.zh_times.iter().any(|w| t == w.as_str())
            || (t.ends_with(['年', '月'])
                && t.chars().count() >= 2
                && t[..t.len() - '年'.len_utf8()]
                    .chars()
                    .all(|c| c.is_ascii_digit() || "一二三四五六七八九十〇零".contains(c)))
    }

    /// True when `t` opens with an adverb, a time word or a preposition of time or place (but
    /// not with a word that only looks like one: 从业人员, 对口部门).
    fn opens_with_adverbial(&self, t: &str) -> bool {
        (self.zh_adverbs.opens(t) || self.zh_times.opens(t) || self.zh_adverbial_starts.opens(t))
            && !self.opens_with_look_alike(t)
    }

    /// The party named right after a trigger: "严禁企业……" gives 企业, "鼓励、引导企业增加
    /// 投入" gives 企业 (a `pivot` verb is passed over), "鼓励社会资本……" gives nothing (no
    /// party word), nor does "请及时报告国务院" (an adverb opens the deed).
    fn zh_object(&self, view: &str, from: usize) -> Option<Span> {
        // "张明要求，市应急管理局……": the party may follow a comma or a colon.
        let mut from = from
            + view[from..]
                .chars()
                .next()
                .filter(|c| matches!(c, '，' | ',' | '：' | ':'))
                .map_or(0, char::len_utf8);
        let pivot_at = |t: &str| self.zh_pivots.prefixes_of(t).next().map(str::len);
        let verb_at = |t: &str| self.zh_verbs.list().opens(t);
        loop {
            let rest = &view[from..];
            // Pivot verbs are passed over, the party follows them: "鼓励、引导企业……". A
            // conjunction joins them ("鼓励并支持"); the 及 of "请及时报告" opens an adverb.
            if let Some(c) = rest
                .chars()
                .next()
                .filter(|c| matches!(c, '、' | '和' | '与' | '及' | '并'))
                .filter(|c| pivot_at(&rest[c.len_utf8()..]).is_some())
            {
                from += c.len_utf8();
            } else if let Some(n) = pivot_at(rest) {
                from += n;
            } else {
                break;
            }
        }
        let rest = &view[from..];
        // Any other verb opens the deed, and what follows is its object: "不准成立联合政府",
        // "禁止和纠正假借组织……". So does an adverb before a verb: "请及时报告国务院".
        let deed = rest.trim_start_matches(['和', '与', '并', '、']);
        if verb_at(deed)
            || self
                .zh_adverbs
                .prefixes_of(deed)
                .any(|a| verb_at(&deed[a.len()..]))
        {
            return None;
        }
        // "鼓励在乡村地区兴办企业": a place or a manner comes first; no party is named.
        if self
            .zh_prepositions
            .iter()
            .any(|p| rest.starts_with(p.as_str()))
        {
            return None;
        }
        let end = rest.find(ZH_CLAUSE).unwrap_or(rest.len());
        // The longest party, unless a preposition or a verb opens the deed after a shorter
        // one: "鼓励科技人员到农村创业" names 科技人员, though 村 is a party word too, and
        // "鼓励非公有制企业参与国有企业改革" names 非公有制企业. A verb glued to a party word
        // makes a longer party instead: "企业管理人员".
        let mut ends: Vec<usize> = self.party_ends(&rest[..end]).collect();
        ends.sort_unstable();
        // "以外" and "之外" go on to the party they except from: "严禁司法和警察以外机关……"
        // (以 is no preposition there).
        let excepts = |after: &str| after.starts_with("以外") || after.starts_with("之外");
        let opens_deed = |k: usize| {
            let after = &rest[k..];
            !excepts(after) && (self.zh_prepositions.opens(after) || self.opens_with_verb(after))
        };
        let before_deed = ends.iter().copied().find(|&k| opens_deed(k));
        // Past the first party only along a chain of parties: a conjunction, another party
        // word, or a verb glued to one ("企业管理人员"). "严禁各地侮辱青年之暴举" names 各地,
        // not "各地侮辱青年".
        let chained = |k: usize| {
            let after = &rest[k..];
            after.starts_with(['、', '和', '与', '及', '或', '并'])
                || excepts(after)
                || self.zh_party_heads.opens(after)
                || self.zh_party_tails.opens(after)
                || self
                    .zh_verbs
                    .list()
                    .prefixes_of(after)
                    .any(|v| self.glued_to_party_word(&after[v.len()..]))
        };
        // Only a whole word of two characters or more ends the first party: not 同 of 同志们,
        // 委 of 委员, 区 of 解放区抗日军队.
        let words: Vec<(usize, &str)> = self.zh_party_tails.occurrences(&rest[..end]).collect();
        let whole_word_end = |k: usize| {
            words
                .iter()
                .any(|&(at, w)| at + w.len() == k && w.chars().count() >= 2)
                && !words.iter().any(|&(at, w)| at < k && k < at + w.len())
        };
        let mut n = before_deed.or_else(|| match ends.first() {
            Some(&k) if whole_word_end(k) && !chained(k) => Some(k),
            _ => ends.iter().copied().max(),
        })?;
        // "请你们各自调查一个县、一个市", "鼓励文艺工作者不断推出反映农民……": an adverb
        // inside opens a deed; the party ends before it (你们), if a party stands there.
        if let Some((a, _)) = self
            .zh_adverbs
            .occurrences(&rest[..n])
            .find(|(_, a)| a.chars().count() >= 2)
        {
            let before = rest[..a].trim_end();
            let pronoun = self.zh_plural_pronouns.iter().any(|p| before == p.as_str());
            if !(pronoun || self.zh_party_tails.closes(before)) {
                return None;
            }
            n = before.len();
        }
        let t = &rest[..n];
        if self.zh_times.closes(t) {
            return None;
        }
        // A party word that is also a command verb (组织) ends a list of parties only when
        // every item is one: "严禁超能力、超强度、超定员组织生产" lists deeds.
        let verb_tail = self.zh_verbs.list().closes(t);
        if verb_tail && t.contains('、') && !t.split('、').all(|item| self.is_party(item)) {
            return None;
        }
        Some(Span::new(from, from + n))
    }

    fn en_subject(&self, view: &str, from: usize, to: usize) -> Option<Span> {
        let Some(found) = self.en_subject_in_clause(view, from, to) else {
            return self.en_pronoun_before(view, from, to);
        };
        // "Section 5. Special Requirements for Legislative Proposals Executive departments
        // and agencies shall": a section's title glued to its first sentence, with no
        // determiner to show where the subject starts. The subject is the capitalized word
        // before the first lower-case word of content, when a title of two words or more
        // stands before it.
        let head = view.trim_start();
        if !(head.starts_with("Section ") || head.starts_with("Sec. ")) {
            return Some(found);
        }
        let t = found.of(view);
        let words: Vec<(usize, &str)> = t
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
            .collect();
        let content = words.iter().position(|(_, w)| {
            w.len() > 3
                && w.starts_with(|c: char| c.is_lowercase())
                && !self.en_subordinators.contains(*w)
        });
        // A subject that opens with a determiner was already cut at it ("... The Small
        // Business Administration officials").
        let determined = words
            .first()
            .is_some_and(|(_, w)| self.en_determiners.contains(&w.to_lowercase()));
        match content {
            Some(i)
                if !determined
                    && i >= 3
                    && words[i - 1].1.starts_with(|c: char| c.is_uppercase()) =>
            {
                Some(Span::new(found.start + words[i - 1].0, found.end))
            }
            _ => Some(found),
        }
    }

    /// A personal pronoun right before the trigger (after adverbs), when the clause gives no
    /// subject otherwise: "For this we should focus on ...", "In this regard we must ..." (an
    /// opener with no comma after it).
    fn en_pronoun_before(&self, view: &str, from: usize, to: usize) -> Option<Span> {
        let region = &view[from..to];
        let mut end = region.trim_end().len();
        loop {
            let head = &region[..end];
            let start = head.rfind(|c: char| !c.is_alphabetic()).map_or(0, |k| {
                k + head[k..].chars().next().map_or(1, char::len_utf8)
            });
            let word = &head[start..];
            if word.is_empty() {
                return None;
            }
            let lower = word.to_lowercase();
            if self.en_adverbs.contains(&lower) {
                end = head[..start].trim_end().len();
                continue;
            }
            // As written in lower case or capitalized ("We", "I"), not in capitals ("WE").
            let pronoun = matches!(lower.as_str(), "we" | "i" | "you" | "they" | "he" | "she")
                && word[1..] == lower[1..];
            return pronoun.then(|| Span::new(from + start, from + end));
        }
    }

    fn en_subject_in_clause(&self, view: &str, from: usize, to: usize) -> Option<Span> {
        let region = &view[from..to];
        // Comma-chunks, left to right: (start, end) in `region`.
        let mut chunks = Vec::new();
        let mut start = 0;
        // Parentheses glued to what precedes them are references, not asides:
        // "subsections 10.1(a)-(h) of this section shall".
        let mut glued = 0usize;
        let mut prev = ' ';
        let mut dash: Option<usize> = None;
        let mut dashed: Vec<(usize, usize)> = Vec::new();
        for (k, c) in region.char_indices() {
            let reference = match c {
                '(' if prev.is_alphanumeric()
                    || matches!(prev, ')' | '-')
                    || is_name_aside(&region[k + 1..])
                    || is_short_name_aside(&region[..k], &region[k + 1..])
                    || of_after_aside(&region[k + 1..]) =>
                {
                    glued += 1;
                    true
                }
                ')' if glued > 0 => {
                    glued -= 1;
                    true
                }
                _ => false,
            };
            if !reference
                && EN_CLAUSE.contains(&c)
                && !(c == ',' && (date_comma(region, k) || digit_group_comma(region, k)))
            {
                chunks.push((start, k));
                start = k + c.len_utf8();
                // "Women seeking care—especially those in rural communities—now have to":
                // a pair of dashes sets off an aside, whose chunks name no subject.
                if matches!(c, '—' | '–') {
                    match dash.take() {
                        Some(open) => dashed.push((open, k)),
                        None => dash = Some(k),
                    }
                }
            }
            prev = c;
        }
        chunks.push((start, region.len()));
        let in_aside = |s: usize, e: usize| dashed.iter().any(|&(o, c)| o < s && e <= c);
        // Right to left: skip empty chunks and adverbials ("To the extent permitted by
        // law", "where feasible"); the first other chunk holds the subject.
        let mut k = chunks.len();
        let mut aside: Option<Span> = None;
        while k > 0 {
            k -= 1;
            let (s, e) = chunks[k];
            let t = region[s..e].trim();
            // An aside between dashes, and a chunk of adverbs only ("—now have to").
            if t.is_empty()
                || in_aside(s, e)
                || t.split_whitespace()
                    .all(|w| self.en_adverbs.contains(&w.to_lowercase()))
            {
                continue;
            }
            // An aside in parentheses ("the Director of the National Institute of Standards
            // and Technology (NIST)") names the party only when the words before it name
            // none ("... Trademark Office (USPTO Director) shall": too long to be a subject).
            if region[..s].trim_end().ends_with('(') && region[e..].trim_start().starts_with(')') {
                // "(as described in section 5(a) of this order)" refers; it names no one.
                if !t.starts_with(char::is_lowercase) {
                    let lead = region[s..e].len() - region[s..e].trim_start().len();
                    aside = aside.or(Some(Span::new(from + s + lead, from + s + lead + t.len())));
                }
                continue;
            }
            // "…, including establishments subject to the Act, 40 U.S.C. 102(4)(A) (agencies),
            // shall": a citation is no subject; the subject stands further left.
            if t.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            // "Each agency assisting in the financing, through ..., of a newly constructed
            // building ... shall": a chunk that opens with "of" ends a noun phrase begun
            // further left; it names no subject of its own.
            if t.starts_with("of ") {
                continue;
            }
            // ", and stressed that all localities must not": a reporting verb and "that"
            // after the conjunction open a clause of their own, not the end of a list.
            let reports = |t: &str| {
                let mut words = t.split_whitespace().peekable();
                while let Some(w) = words.next() {
                    if words.peek() == Some(&"that")
                        && self.en_reporting.contains(&w.to_lowercase())
                    {
                        return true;
                    }
                }
                false
            };
            let list_end = self.starts_with_list_conjunction(t) && !reports(t);
            // "The Secretary of State, the Secretary of Defense and the Attorney General
            // shall": the same list with no comma before its conjunction, told by the party
            // named before it.
            let plain_list = !list_end
                && k > 0
                && self.holds_list_conjunction(t)
                && !self.is_adverbial(t)
                && self.is_list_party(region, chunks[k - 1]);
            if plain_list || (list_end && k > 0) {
                // "..., in coordination with A, and B, shall": "and B" continues the
                // chunk before it; if that one is an adverbial, so is this.
                let prev = region[chunks[k - 1].0..chunks[k - 1].1].trim();
                if !plain_list && self.is_adverbial(prev) {
                    k -= 1;
                    continue;
                }
                // "The Secretary of State, the Secretary of Defense, and the Attorney
                // General shall": a list of parties; take it whole, unless it is the object
                // of an adverbial before it ("the Secretary of Commerce, in coordination
                // with A, B, and C, shall").
                let mut first = k - 1;
                let mut object_of_adverbial = false;
                let mut relative_head = false;
                while first > 0 {
                    let p = region[chunks[first - 1].0..chunks[first - 1].1].trim();
                    if p.is_empty()
                        || (plain_list && !self.is_list_party(region, chunks[first - 1]))
                    {
                        break;
                    }
                    if p.split_whitespace().count() > 8 {
                        // "The head of each agency that administers a loan, insurance, or
                        // benefit program shall": the list is the object of a relative
                        // clause, and the long chunk before it holds the subject.
                        if [" that ", " which ", " who "].iter().any(|w| p.contains(w))
                            && !self.is_adverbial(p)
                        {
                            first -= 1;
                            relative_head = true;
                        }
                        break;
                    }
                    if self.is_adverbial(after_list_conjunction(p)) {
                        object_of_adverbial = self.takes_a_list(p);
                        break;
                    }
                    first -= 1;
                }
                if object_of_adverbial {
                    // Go on leftwards from the adverbial, which the loop passes over.
                    k = first;
                    continue;
                }
                // "I plead that relations, friends, and party loyalists should": the list
                // starts where the subject of its first chunk does, unless that chunk is the
                // subject with its relative clause or opens with a determiner ("The head of
                // each agency that administers a loan,").
                let (f0, f1) = chunks[first];
                let head = region[f0..f1].split_whitespace().next().unwrap_or("");
                let s0 = if relative_head || self.en_determiners.contains(&head.to_lowercase()) {
                    f0
                } else {
                    self.en_chunk_subject(&region[f0..f1])
                        .map_or(f0, |span| f0 + span.start)
                };
                let t0 = &region[s0..e];
                let lead = t0.len() - t0.trim_start().len();
                let body = t0.trim();
                return Some(Span::new(from + s0 + lead, from + s0 + lead + body.len()));
            }
            if self.is_adverbial(t) {
                // "…, though each agency shall": the words running into the trigger open a
                // clause of their own, whose subject follows the conjunction.
                let first = t.split_whitespace().next().unwrap_or("");
                if k + 1 == chunks.len()
                    && self.en_clause_conjunctions.contains(&first.to_lowercase())
                {
                    let rest =
                        s + (region[s..e].len() - region[s..e].trim_start().len()) + first.len();
                    return self
                        .en_chunk_subject(&region[rest..e])
                        .map(|span| Span::new(from + rest + span.start, from + rest + span.end));
                }
                continue;
            }
            return self
                .en_chunk_subject(&region[s..e])
                .map(|span| Span::new(from + s + span.start, from + s + span.end))
                .or(aside);
        }
        aside
    }

    /// True when the adverbial `chunk` holds a preposition that a list of parties after it
    /// may go on: "in coordination with A, B, and C", "acting through A, B".
    fn takes_a_list(&self, chunk: &str) -> bool {
        chunk
            .split(|c: char| !c.is_alphabetic())
            .any(|w| self.en_list_prepositions.contains(&w.to_lowercase()))
    }

    /// True when the comma-chunk `t` joins two parties with "and" or "or" inside it ("the
    /// Secretary of Defense and the Attorney General").
    fn holds_list_conjunction(&self, t: &str) -> bool {
        let words: Vec<&str> = t.split_whitespace().collect();
        // Between two words: not the chunk's first or last.
        let inner = words.get(1..words.len().saturating_sub(1)).unwrap_or(&[]);
        words.len() <= 8
            && inner
                .iter()
                .any(|w| w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"))
    }

    /// True when the comma-chunk at `chunk` of `region` reads as one party of a list: at
    /// most eight words, no adverbial, opening with a determiner other than a demonstrative
    /// ("the Secretary of State", "All stakeholders") or a capitalized word that is no
    /// sentence opener ("Traditional Rulers"; not "However", "Today" alone at the head of
    /// the sentence).
    fn is_list_party(&self, region: &str, (s, e): (usize, usize)) -> bool {
        let p = region[s..e].trim();
        let words: Vec<&str> = p.split_whitespace().collect();
        let Some(first) = words.first() else {
            return false;
        };
        let lower = first.to_lowercase();
        let opens_sentence = region[..s].trim().is_empty();
        let capitalized = first.starts_with(|c: char| c.is_uppercase())
            && !self.en_starters.contains(&lower)
            && !(opens_sentence && words.len() == 1 && first.chars().any(char::is_lowercase));
        // "This year, A and B should": a demonstrative opens a time as often as a party.
        let determiner = self.en_determiners.contains(&lower)
            && !matches!(lower.as_str(), "this" | "that" | "these" | "those");
        words.len() <= 8
            && !self.is_adverbial(p)
            && ![" that ", " which ", " who "].iter().any(|w| p.contains(w))
            && (determiner || capitalized)
    }

    fn starts_with_list_conjunction(&self, t: &str) -> bool {
        after_list_conjunction(t).len() != t.len()
    }

    fn is_adverbial(&self, chunk: &str) -> bool {
        let mut words = chunk.unicode_words();
        let first = words.next().unwrap_or("").to_lowercase();
        let phrase = |p: &String| {
            let t = chunk.trim_start();
            t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
                && !t[p.len()..].starts_with(char::is_alphanumeric)
        };
        // "established in section 6 of this order": a participle and a preposition modify
        // the name before them (cut off by its parenthesized short name).
        let participle = ((first.len() > 4 && first.ends_with("ed"))
            || self.en_participles.contains(&first))
            && words
                .next()
                .is_some_and(|w| self.en_subordinators.contains(&w.to_lowercase()));
        self.en_subordinators.contains(&first)
            || participle
            || self.en_subordinator_phrases.iter().any(phrase)
            || first.ends_with("ly")
            || (first.ends_with("ing") && !ing_before_plural(chunk) && !is_title_name(chunk))
            || chunk
                .split_whitespace()
                .next()
                .is_some_and(|w| w.starts_with('('))
    }

    /// True when `w` is a third-person or past form of a command verb (identifies,
    /// designates, selected).
    fn is_verb_form(&self, w: &str) -> bool {
        let base = |stem: &str| self.en_verbs.contains(stem);
        w.strip_suffix("ies")
            .is_some_and(|s| base(&format!("{s}y")))
            || w.strip_suffix("es").is_some_and(base)
            || w.strip_suffix('s')
                .is_some_and(|s| !s.ends_with('s') && base(s))
            || w.strip_suffix("ed")
                .is_some_and(|s| base(s) || base(&format!("{s}e")))
            || w.strip_suffix("ied")
                .is_some_and(|s| base(&format!("{s}y")))
    }

    /// The subject inside one comma-chunk, if the chunk is one.
    fn en_chunk_subject(&self, chunk: &str) -> Option<Span> {
        // An opening quotation mark belongs to the quotation, not to the subject.
        let open_quote = |c: char| c.is_whitespace() || matches!(c, '"' | '“' | '\'' | '‘');
        let lead = chunk.len() - chunk.trim_start_matches(open_quote).len();
        let mut t = chunk.trim_start_matches(open_quote).trim_end();
        if t.is_empty() {
            return None;
        }
        let mut s = lead;
        if let Some(rest) = t.strip_prefix("that ") {
            s += 5;
            t = rest.trim_start();
        }
        // After a reporting verb ("stressed that all units must") or in a relative clause
        // ("compliance that regulated entities must adopt", "a deadline by which
        // enterprises must") the subject follows the relative word. Where the relative word
        // is itself the subject, of the trigger ("agencies that must report") the actor is
        // the noun before it, and of a clause of its own ("the agency that issued the rule
        // must", "Cities that are under pressure need to") the noun with its clause.
        if let Some(w) = [" that", " which", " who"].iter().find(|w| t.ends_with(*w)) {
            t = &t[..t.len() - w.len()];
        } else if let Some((k, w)) = [" that ", " which ", " who "]
            .iter()
            .filter_map(|w| t.rfind(w).map(|k| (k, *w)))
            .max()
        {
            let after = &t[k + w.len()..];
            // "that also perform": an adverb before the relative clause's verb.
            let mut words = after
                .split_whitespace()
                .map(str::to_lowercase)
                .skip_while(|w| self.en_adverbs.contains(w) || w.ends_with("ly"));
            let next = words.next().unwrap_or_default();
            let before = t[..k]
                .split_whitespace()
                .next_back()
                .unwrap_or("")
                .to_lowercase();
            // An -ed word is a verb when an object follows it ("that issued the rule") or
            // nothing does; before a bare noun it is an adjective of the subject ("that
            // regulated entities must adopt").
            let object = words.next();
            let ed_verb = next.ends_with("ed")
                && object
                    .as_ref()
                    .is_none_or(|w| self.en_determiners.contains(w));
            // "each agency that originates or handles CUI shall": a verb in -s with words
            // after it (an object); "the rules that agencies must" ends with its noun.
            let s_verb =
                next.len() > 3 && next.ends_with('s') && !next.ends_with("ss") && object.is_some();
            let verb_follows = self.en_verbs.contains(&next)
                || self.en_auxiliaries.contains(&next)
                || ed_verb
                || s_verb;
            // "The heads of agencies that the Director identifies shall": the relative clause
            // has its own subject and verb before the trigger, so it describes the subject.
            // Told by a determiner, a capitalized name and a verb form ("the Secretary
            // determines"); "which alternative security controls" is a noun phrase.
            let aw: Vec<&str> = after.split_whitespace().collect();
            let closed = (aw.len() >= 3
                && self.en_determiners.contains(&aw[0].to_lowercase())
                && aw[aw.len() - 2].starts_with(char::is_uppercase)
                && aw[aw.len() - 1].chars().all(|c| c.is_ascii_lowercase())
                && self.is_verb_form(aw[aw.len() - 1]))
                // "The mere fact that information is designated as CUI shall not": a clause
                // with its own auxiliary after its subject is complete; the trigger is the
                // whole phrase's.
                || aw
                    .iter()
                    .skip(1)
                    .any(|w| self.en_auxiliaries.contains(&w.to_lowercase()));
            if self.en_reporting.contains(&before) || (!verb_follows && !closed) {
                s += k + w.len();
                t = after;
            }
        }
        // A reporting verb without "that": "The President believes we must" names "we".
        if let Some(k) = self.after_reporting_verb(t) {
            s += k;
            t = &t[k..];
        }
        // A heading glued to the sentence: "Support Responsibilities The Postmaster General
        // shall": a capitalized determiner inside the chunk starts the subject.
        if let Some(k) = [" The ", " Each ", " All ", " Every ", " Any "]
            .iter()
            .filter_map(|w| t.rfind(w))
            .max()
        {
            s += k + 1;
            t = &t[k + 1..];
        }
        // Leading conjunctions.
        loop {
            let first = t.split_whitespace().next().unwrap_or("");
            if !first.is_empty()
                && self.en_conjunctions.contains(&first.to_lowercase())
                && t.len() > first.len()
            {
                let cut =
                    first.len() + (t[first.len()..].len() - t[first.len()..].trim_start().len());
                s += cut;
                t = &t[cut..];
            } else {
                break;
            }
        }
        // "This order is effective immediately and shall apply": the trigger opens a second
        // predicate; the subject stands before the first one's auxiliary.
        if let Some(head) = t.strip_suffix(" and").or_else(|| t.strip_suffix(" or")) {
            let aux = head
                .split_whitespace()
                .skip(1)
                .find(|w| self.en_auxiliaries.contains(&w.to_lowercase()));
            if let Some(w) = aux {
                t = head[..w.as_ptr() as usize - head.as_ptr() as usize].trim_end();
            }
        }
        // Trailing adverbs: "Local governments also need to" names "Local governments".
        while let Some((head, last)) = t.rsplit_once(char::is_whitespace) {
            if !self.en_adverbs.contains(&last.to_lowercase()) {
                break;
            }
            t = head.trim_end();
        }
        if t.is_empty() || self.is_adverbial(t) {
            return None;
        }
        let words = t.split_whitespace().count();
        let first = t.split_whitespace().next().unwrap_or("").to_lowercase();
        // Two named offices joined by "and" run longer ("The Assistant to the President for
        // National Security Affairs (APNSA) and the Assistant to the President for Economic
        // Policy (APEP) shall").
        let limit = if t.contains(" and the ") { 24 } else { 14 };
        if first == "there" || first == "which" || first == "who" {
            return None;
        }
        if words > limit {
            // "contractors and subcontractors working on or in connection with a Federal
            // Government contract or contract-like instrument shall", "Interagency groups
            // charged with coordinating ... shall": a participle phrase makes the subject
            // long; the words before it name the party. Not "the heads of covered": a
            // participle after a preposition, a conjunction or a determiner modifies a noun
            // after it.
            let head = t
                .split_whitespace()
                .take(7)
                .skip(1)
                .filter(|w| {
                    w.len() > 4
                        && (w.ends_with("ing") || w.ends_with("ed"))
                        && w.starts_with(char::is_lowercase)
                })
                .map(|w| t[..w.as_ptr() as usize - t.as_ptr() as usize].trim_end())
                .find(|h| {
                    !h.is_empty()
                        && !self.is_adverbial(h)
                        && h.split_whitespace().next_back().is_some_and(|w| {
                            let w = w.to_lowercase();
                            !self.en_subordinators.contains(&w)
                                && !self.en_determiners.contains(&w)
                                && !matches!(w.as_str(), "of" | "and" | "or")
                        })
                })
                // "The heads of all agencies that own Federal buildings above ... on
                // Federal land shall": a relative clause makes it long; the words before it
                // name the party.
                .or_else(|| {
                    [" that ", " which ", " who ", " whose "]
                        .iter()
                        .filter_map(|w| t.find(w))
                        .min()
                        .map(|k| &t[..k])
                        .filter(|h| h.split_whitespace().count() >= 2 && !self.is_adverbial(h))
                })?;
            return Some(Span::new(s, s + head.len()));
        }
        Some(Span::new(s, s + t.len()))
    }

    /// Where the words after the last reporting verb of `t` start, when one follows a word
    /// that is no determiner ("The President believes we", not "the required reports").
    fn after_reporting_verb(&self, t: &str) -> Option<usize> {
        let mut found = None;
        // The word before this one, and whether this one is a reporting verb after it.
        let (mut before, mut after_verb) = (None::<String>, false);
        for w in t.split_whitespace() {
            if after_verb {
                found = Some(w.as_ptr() as usize - t.as_ptr() as usize);
            }
            let word = w.to_lowercase();
            after_verb = before
                .as_ref()
                .is_some_and(|b| !self.en_determiners.contains(b))
                && self.en_reporting.contains(&word);
            before = Some(word);
        }
        found
    }

    /// True when the words after a trigger make it a passive: "be adopted", "be seriously
    /// investigated", "been revoked".
    fn en_passive(&self, after: &str) -> bool {
        // "shall, to the extent permitted by law, be offset": an adverbial set off by commas
        // stands between the trigger and its verb.
        let mut after = after;
        if let Some(inner) = after.trim_start().strip_prefix(',') {
            if let Some(k) = inner.find(',') {
                if self.is_adverbial(&inner[..k]) && !inner[..k].contains([';', '.', ':']) {
                    after = &inner[k + 1..];
                }
            }
        }
        let mut words = after.split_whitespace().map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
        if !matches!(words.next().as_deref(), Some("be" | "been")) {
            return false;
        }
        for w in words.take(3) {
            if w.ends_with("ly") {
                continue;
            }
            return w.ends_with("ed") || w.ends_with("en") || self.en_participles.contains(&w);
        }
        false
    }

    fn en_object(&self, view: &str, from: usize) -> Option<Span> {
        let rest = &view[from..];
        let lead = rest.len() - rest.trim_start().len();
        let mut s = from + lead;
        let mut t = rest.trim_start();
        // A clause follows "that", in the trigger ("demanded that") or after it.
        let before = view[..from].trim_end();
        let clause = t.starts_with("that ")
            || t.starts_with("that,")
            || before
                .len()
                .checked_sub(4)
                .and_then(|k| before.get(k..))
                .is_some_and(|w| w.eq_ignore_ascii_case("that"));
        if let Some(r) = t.strip_prefix("that ") {
            s += 5;
            t = r;
        } else if t.starts_with("that,") {
            s += 4;
            t = &t[4..];
        }
        // "that, for every new rule, each agency ...": the comma before an adverbial.
        if let Some(r) = t.strip_prefix(',') {
            let r = r.trim_start();
            s += t.len() - r.len();
            t = r;
        }
        // "that for every new rule issued, two old ones be repealed": an adverbial phrase
        // before the clause's subject is passed over.
        // Only one: "at least two" after it opens with a preposition too.
        if let Some(k) = t.find([',', ';', '.', ':']) {
            if t[k..].starts_with(',') && self.is_adverbial(&t[..k]) {
                let rest = &t[k + 1..];
                let rest_trimmed = rest.trim_start();
                s += k + 1 + rest.len() - rest_trimmed.len();
                t = rest_trimmed;
            }
        }
        let stop = t.find([',', ';', '.', ':']).unwrap_or(t.len());
        let t = &t[..stop];
        // "asked the bureau to preposition materials"; not after "that", whose clause has
        // a verb of its own ("demanded that township cadres go deep into villages ... to
        // organize").
        if let Some(k) = t.find(" to ").filter(|_| !clause) {
            let obj = &t[..k];
            if obj.split_whitespace().count() <= 10 && !obj.is_empty() {
                return Some(Span::new(s, s + obj.len()));
            }
        }
        // "Demands that all parties immediately cease", "It is essential that every school
        // conducts", "... that the rules be updated": up to an adverb, a verb or an auxiliary.
        let mut end = 0;
        for (i, (k, w)) in t
            .split_word_bound_indices()
            .filter(|(_, w)| !w.trim().is_empty())
            .enumerate()
        {
            let lw = w.to_lowercase();
            // After the first word, a word in capitals is part of a name ("the TIC Use
            // Cases"), not a verb.
            let verb = (self.en_verbs.contains(&lw) || self.en_auxiliaries.contains(&lw))
                && !w.starts_with(char::is_uppercase);
            // "It is vital that agencies not release": a negation opens the verb phrase.
            if i >= 6
                || (i > 0
                    && (lw.ends_with("ly")
                        || verb
                        || matches!(lw.as_str(), "to" | "not" | "never")))
            {
                break;
            }
            end = k + w.len();
        }
        // "... that the rules be updated": the subject of a passive is not an actor.
        let mut after = t[end..].split_whitespace().map(str::to_lowercase);
        let passive = match after.next().as_deref() {
            Some("be") => true,
            Some(w) if self.en_auxiliaries.contains(w) => after.next().as_deref() == Some("be"),
            _ => false,
        };
        (end > 0 && !passive).then(|| Span::new(s, s + end))
    }
}

/// `t` after a leading group in brackets of at most six characters (〔三〕, （二）), or `t`.
fn after_bracket(t: &str) -> &str {
    let Some(open) = t
        .chars()
        .next()
        .filter(|c| matches!(c, '〔' | '（' | '(' | '【' | '['))
    else {
        return t;
    };
    t[open.len_utf8()..]
        .char_indices()
        .take(6)
        .find(|&(_, c)| matches!(c, '〕' | '）' | ')' | '】' | ']'))
        .map_or(t, |(k, c)| &t[open.len_utf8() + k + c.len_utf8()..])
}

/// Where the short aside that `after` (the text after an opening parenthesis) opens is
/// closed. Only the first 48 bytes are looked at: a '(' without a ')' soon after is no short
/// aside, and a long line of them must not be searched to its end for each.
fn short_aside_end(after: &str) -> Option<usize> {
    let near = &after.as_bytes()[..after.len().min(48)];
    near.iter().position(|&b| b == b')')
}

/// True when a short aside in parentheses (`after` follows its "(") sits inside a noun
/// phrase that goes on with "of": "The prohibitions in subsection (a) of this section shall",
/// "All executive departments and agencies (agencies) of the United States shall". The words
/// after it are no subject of their own.
fn of_after_aside(after: &str) -> bool {
    short_aside_end(after)
        .is_some_and(|end| after[end + 1..].trim_start_matches(' ').starts_with("of "))
}

/// True when `after` (the text after an opening parenthesis) is a short acronym and its
/// closing parenthesis, "(APNSA)", "(NIST)", or a defined short name, "(the “Director”)".
/// Such an aside belongs to the name before it.
fn is_name_aside(after: &str) -> bool {
    let Some(end) = short_aside_end(after) else {
        return false;
    };
    let inner = &after[..end];
    let acronym = (2..=12).contains(&inner.len())
        && inner.starts_with(|c: char| c.is_ascii_uppercase())
        && inner
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '&' | '-' | '.'));
    let term = inner.strip_prefix("the ").unwrap_or(inner);
    let name = term
        .strip_prefix(['“', '"'])
        .and_then(|t| t.strip_suffix(['”', '"']));
    let defined = name.is_some_and(|n| {
        n.chars().any(char::is_alphabetic) && !n.contains([',', ';', '(', '“', '”', '"'])
    });
    acronym || defined
}

/// True when `after` (the text after an opening parenthesis) gives, in at most three words
/// in lower case, a short name for what `before` just named: "Each executive department and
/// agency (agency) responsible for implementing this order shall". The aside belongs to the
/// name.
fn is_short_name_aside(before: &str, after: &str) -> bool {
    let Some(end) = short_aside_end(after) else {
        return false;
    };
    let inner = &after[..end];
    let words: Vec<&str> = inner.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    let plain = words.len() <= 3
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
    if !plain {
        return false;
    }
    // Lower case already: "agencies" and "agency" share "agenc".
    let stem = last.strip_suffix("ies").unwrap_or(last);
    let stem = stem.strip_suffix('y').unwrap_or(stem);
    let mut from = before.len().saturating_sub(80);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    stem.len() >= 3 && before[from..].to_lowercase().contains(stem)
}

/// True when the comma at `k` sits inside a date written "January 20, 2009": a capitalized
/// word and a day before it, a year after it.
fn date_comma(text: &str, k: usize) -> bool {
    let mut before = text[..k].rsplit(' ');
    let day = before.next().unwrap_or("");
    let month = before.next().unwrap_or("");
    let after = text[k + 1..].strip_prefix(' ').unwrap_or("");
    let year = after
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap_or("");
    (1..=2).contains(&day.len())
        && day.bytes().all(|b| b.is_ascii_digit())
        && month.len() >= 3
        && month.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && month
            .chars()
            .skip(1)
            .all(|c| c.is_ascii_lowercase() || c == '.')
        && year.len() == 4
}

/// True when the comma at `k` groups the digits of a number ("above 5,000 gross square
/// feet"): a digit before it and exactly three after it.
pub(crate) fn digit_group_comma(text: &str, k: usize) -> bool {
    let before = text[..k].bytes().next_back();
    let after = &text.as_bytes()[k + 1..];
    before.is_some_and(|b| b.is_ascii_digit())
        && after.len() >= 3
        && after[..3].iter().all(u8::is_ascii_digit)
        && !after.get(3).is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asides_that_belong_to_the_name_before_them() {
        assert!(is_name_aside("NIST) shall"));
        assert!(is_name_aside("the “Director”) and the heads"));
        assert!(is_name_aside("\"OMB\") shall"));
        // Quotes with no name in them, or a clause in parentheses, are no such aside.
        assert!(!is_name_aside("“”) shall"));
        assert!(!is_name_aside("as defined in section 3) shall"));
    }

    #[test]
    fn a_not_actor_word_after_a_short_character_does_not_panic() {
        // The conjunction check looked back from 是 by the length of 特别 and sliced inside
        // a character (found by the property tests).
        let a = Actors::new(&Dictionary::builtin());
        assert!(a.holds_not_actor_word("啊xxxx是"));
        assert!(!a.holds_not_actor_word("全党特别是干部"));
    }

    fn actor(text: &str, trigger: &str, rule: ActorRule) -> Option<String> {
        let a = Actors::new(&Dictionary::builtin());
        let lang = Lang::detect(text);
        let k = text.find(trigger).unwrap();
        a.find(lang, text, 0, Span::new(k, k + trigger.len()), rule, None)
            .map(|s| s.of(text).to_string())
    }

    #[test]
    fn a_topic_party_opening_with_you_guan_is_a_party() {
        // The topic check refused every topic opening with 有, 有关部门 among them; only
        // one telling of something that exists (有一个县) names no party.
        let get = |t: &str| actor(t, "要", ActorRule::Subject);
        assert_eq!(get("有关部门，要加强监管。").as_deref(), Some("有关部门"));
        assert_eq!(
            get("有些地方和单位，要限期整改。").as_deref(),
            Some("有些地方和单位")
        );
        assert_eq!(get("有一个县，要把烟叶作为支柱产业。"), None);
    }

    #[test]
    fn a_verb_before_de_in_a_topic_party_describes_it() {
        // "负有安全生产监督管理职责的部门，要……" (a State Council plan of 2024) had no actor: 监督,
        // a command verb, sits in the 的-phrase that says which departments are meant.
        let get = |t: &str| actor(t, "要", ActorRule::Subject);
        assert_eq!(
            get("负有监督管理职责的部门，要加强监管。").as_deref(),
            Some("负有监督管理职责的部门")
        );
        // Without 的 a command verb still makes the topic a deed.
        assert_eq!(get("切实履行好政府，要加强监管。"), None);
    }

    #[test]
    fn a_verb_that_names_the_party_does_not_make_a_topic_a_deed() {
        // "县和区的党组织，都要注意去领导这项工作。" (Mao) had no actor: 组织, a command verb,
        // is here the party word itself.
        let get = |t: &str| actor(t, "要", ActorRule::Subject);
        assert_eq!(
            get("县级党组织，都要加强领导。").as_deref(),
            Some("县级党组织")
        );
        // A preposition after a mark the splitter does not know opens an adverbial.
        assert_eq!(get("〔二〕对退休人员，要妥善安置。"), None);
    }

    #[test]
    fn a_party_before_an_adverbial_that_runs_to_the_comma_acts_after_it() {
        // "工程物业部依据……《汇编》，研究制定……清单" had no actor: the party opens the sentence,
        // an adverbial head follows it, and the command is in the next clause.
        let get = |t: &str, trigger: &str| actor(t, trigger, ActorRule::Subject);
        assert_eq!(
            get(
                "工程物业部依据省政府编印的《判定标准汇编》，研究制定检查清单。",
                "研究"
            )
            .as_deref(),
            Some("工程物业部")
        );
        assert_eq!(
            get("报纸工作人员为了教育群众，首先要向群众学习。", "要").as_deref(),
            Some("报纸工作人员")
        );
        // Not a party that does not open the sentence, nor a clause without an adverbial head.
        assert_eq!(
            get("同时，工程物业部依据标准汇编，研究制定检查清单。", "研究"),
            None
        );
        assert_eq!(get("工程物业部的检查清单，研究制定。", "研究"), None);
    }

    #[test]
    fn a_phrase_of_when_before_the_party_is_not_the_party() {
        // "全国两会期间（3月4日起至……）值班人员每天……填写" had no actor, and "两会期间值班人员"
        // was the actor whole.
        let get = |t: &str, trigger: &str| actor(t, trigger, ActorRule::Subject);
        assert_eq!(
            get("两会期间值班人员要每天填写日汇报表。", "要").as_deref(),
            Some("值班人员")
        );
        assert_eq!(
            get(
                "全国两会期间（3月4日起至两会结束）值班人员每天下午5点前填写日汇报表。",
                "填写"
            )
            .as_deref(),
            Some("值班人员")
        );
        // After 的 the phrase describes the noun, which it is part of.
        assert_eq!(
            get("革命时期的党的组织要转入地下。", "要").as_deref(),
            Some("革命时期的党的组织")
        );
    }

    #[test]
    fn a_preposition_after_the_party_opens_an_adverbial_though_a_party_word_ends_it() {
        // The longest prefix ending with a party word was the whole clause, so the object of
        // 对 stayed in the actor.
        let get = |t: &str| actor(t, "要", ActorRule::Subject);
        assert_eq!(
            get("各地区对重点企业要加强检查。").as_deref(),
            Some("各地区")
        );
        assert_eq!(get("我们对基层干部要多加关心。").as_deref(), Some("我们"));
        assert_eq!(
            get("我们对各地在押的人员要逐一甄别。").as_deref(),
            Some("我们")
        );
        // Words that open like a preposition, and a party written as a series, stay whole.
        assert_eq!(
            get("各单位从业人员要持证上岗。").as_deref(),
            Some("各单位从业人员")
        );
        assert_eq!(get("各省自治区要加强领导。").as_deref(), Some("各省自治区"));
        assert_eq!(
            get("每省每地每县都要设立机构。").as_deref(),
            Some("每省每地每县")
        );
    }

    #[test]
    fn an_adverb_then_a_preposition_opens_an_adverbial() {
        // "继续与有关国家和地区" ended with a party word and opened with an adverb, so it was
        // taken whole; the preposition after the adverb makes it an adverbial.
        let get = |t: &str| actor(t, "要", ActorRule::Subject);
        assert_eq!(get("继续与有关国家和地区要加强合作。"), None);
        assert_eq!(get("进一步与周边国家和地区要开展合作。"), None);
        assert_eq!(get("各地区要加强合作。").as_deref(), Some("各地区"));
    }

    #[test]
    fn a_chunk_opening_with_a_subordinator_of_two_words_is_no_subject() {
        // Only the first word of a chunk was looked up, so "such as" never matched.
        let get = |t: &str| actor(t, "must", ActorRule::Subject);
        assert_eq!(
            get("Alternative controls, such as endpoint protections, must be in place.").as_deref(),
            Some("Alternative controls")
        );
        assert_eq!(
            get("Agencies, so that costs fall, must share services.").as_deref(),
            Some("Agencies")
        );
    }

    #[test]
    fn adverb_verb_and_object_ending_with_a_party_word_are_no_party() {
        // "进一步破除区域分割和地方保护": the words before the verb 保护 end with 地方, a party
        // word, and were taken for the party though a command verb stands inside them.
        let get = |t: &str| actor(t, "要", ActorRule::Subject);
        assert_eq!(get("进一步扩大试点地方要抓紧推进。"), None);
        assert_eq!(get("重点企业要抓紧推进。").as_deref(), Some("重点企业"));
    }

    #[test]
    fn a_passive_names_its_pronoun_subject_but_not_its_noun_subject() {
        let get = |t: &str| actor(t, "must", ActorRule::Subject);
        assert_eq!(
            get("It must be based on the best science.").as_deref(),
            Some("It")
        );
        assert_eq!(
            get("Accordingly, they must be told at once.").as_deref(),
            Some("they")
        );
        assert_eq!(get("Regulations must be adopted in public."), None);
        assert_eq!(get("It must be ensured that no one is left out."), None);
        assert_eq!(get("IT must be upgraded at once."), None);
        assert_eq!(get("The rule that it must be read is old."), None);
        // An adverbial set off by commas between the trigger and the participle.
        assert_eq!(
            get("New costs must, to the extent permitted by law, be offset by savings."),
            None
        );
        assert_eq!(
            get("Agencies must, in each case, report the costs.").as_deref(),
            Some("Agencies")
        );
    }

    #[test]
    fn a_list_of_deeds_before_a_verb_is_no_party() {
        let o = ActorRule::Object;
        // 组织 is a party word and a verb: here the list is of deeds.
        assert_eq!(
            actor("严禁超能力、超强度、超定员组织生产。", "严禁", o),
            None
        );
        // A list of parties ending with it stays one.
        assert_eq!(
            actor("鼓励企业、社会组织参与救援。", "鼓励", o).as_deref(),
            Some("企业、社会组织")
        );
        // Party words that are no verbs end a list as before.
        assert_eq!(
            actor("鼓励高校毕业生、科技人员到农村创业。", "鼓励", o).as_deref(),
            Some("高校毕业生、科技人员")
        );
    }

    #[test]
    fn a_list_after_in_coordination_with_is_not_the_subject() {
        let s = ActorRule::Subject;
        // The actor was the list of consulted parties, or the abbreviation "NIST".
        assert_eq!(
            actor(
                "The Secretary of Commerce, acting through the Director of the National Institute of Standards and Technology (NIST), in coordination with the Secretary of Energy, the Secretary of Homeland Security, and the heads of other agencies, shall act.",
                "shall",
                s,
            )
            .as_deref(),
            Some("The Secretary of Commerce")
        );
        assert_eq!(
            actor(
                "The Administrator, in coordination with the Director of OMB, and in collaboration with the Secretary of Defense, the Secretary of Energy, and the head of any other agency, shall act.",
                "shall",
                s,
            )
            .as_deref(),
            Some("The Administrator")
        );
        // A list after an adverbial of time is the subject.
        assert_eq!(
            actor(
                "Within 90 days, the Secretary of State, the Secretary of Defense, and the Attorney General shall report.",
                "shall",
                s,
            )
            .as_deref(),
            Some("the Secretary of State, the Secretary of Defense, and the Attorney General")
        );
        // An aside names the party when nothing before it can.
        assert_eq!(
            actor(
                "The Under Secretary of Commerce for Intellectual Property and Director of the United States Patent and Trademark Office (USPTO Director) shall publish guidance.",
                "shall",
                s,
            )
            .as_deref(),
            Some("USPTO Director")
        );
    }

    #[test]
    fn a_trailing_adverb_is_not_part_of_the_subject() {
        let s = ActorRule::Subject;
        assert_eq!(
            actor("Local governments also need to cut fees.", "need to", s).as_deref(),
            Some("Local governments")
        );
        assert_eq!(
            actor(
                "The Secretary and the Director jointly shall issue it.",
                "shall",
                s
            )
            .as_deref(),
            Some("The Secretary and the Director")
        );
        // A word that only ends like an adverb stays: "Italy", "the Board of Supply".
        assert_eq!(
            actor("The Board of Supply shall act.", "shall", s).as_deref(),
            Some("The Board of Supply")
        );
    }

    #[test]
    fn adverbs_and_places_are_no_parties() {
        let s = ActorRule::Subject;
        // 全 of 全面 made "全面系统" a party like 全党.
        assert_eq!(actor("全面系统梳理存在的短板弱项。", "梳理", s), None);
        assert_eq!(
            actor("重点企业要开展自查。", "要", s).as_deref(),
            Some("重点企业")
        );
        // "我们既要……又要……" named "我们既".
        assert_eq!(
            actor("我们既要政治过硬，也要本领高强。", "要", s).as_deref(),
            Some("我们")
        );
        // After 鼓励, a place before the deed is no party.
        assert_eq!(
            actor(
                "鼓励在乡村地区兴办环境友好型企业。",
                "鼓励",
                ActorRule::Object
            ),
            None
        );
    }

    #[test]
    fn shouxian_before_the_trigger_is_an_adverb_not_part_of_the_party() {
        // "首先" lost only its 先 (an adverb too) and left "各单位首".
        let s = ActorRule::Subject;
        assert_eq!(
            actor("各单位首先要加强检查。", "要", s).as_deref(),
            Some("各单位")
        );
    }

    #[test]
    fn the_party_of_guli_ends_where_a_verb_opens_the_deed() {
        let o = ActorRule::Object;
        // The party was the whole run up to the last party word: "非公有制企业参与国有企业".
        assert_eq!(
            actor("鼓励非公有制企业参与国有企业改革。", "鼓励", o).as_deref(),
            Some("非公有制企业")
        );
        assert_eq!(
            actor("鼓励各地开展农村养老保险试点。", "鼓励", o).as_deref(),
            Some("各地")
        );
        // A verb glued to a party word is part of a longer party.
        assert_eq!(
            actor("鼓励企业管理人员参加培训。", "鼓励", o).as_deref(),
            Some("企业管理人员")
        );
    }

    #[test]
    fn a_reference_in_parentheses_does_not_cut_the_subject() {
        assert_eq!(
            actor(
                "The guidance issued under subsections 10.1(a)-(h) of this order shall not apply.",
                "shall",
                ActorRule::Subject,
            )
            .as_deref(),
            Some("The guidance issued under subsections 10.1(a)-(h) of this order")
        );
        // An aside in parentheses still does.
        assert_eq!(
            actor(
                "Within 90 days (or sooner), the Secretary shall report.",
                "shall",
                ActorRule::Subject,
            )
            .as_deref(),
            Some("the Secretary")
        );
    }

    #[test]
    fn a_short_name_in_parentheses_belongs_to_the_subject() {
        assert_eq!(
            actor(
                "Each executive department and agency (agency) responsible for implementing this order shall seek to enhance it.",
                "shall",
                ActorRule::Subject
            )
            .as_deref(),
            Some("Each executive department and agency (agency) responsible for implementing this order")
        );
        assert!(is_short_name_aside("the agencies ", "agencies) shall"));
        assert!(!is_short_name_aside("In 2015 ", "see above) the board"));
    }

    #[test]
    fn a_reporting_verb_after_and_opens_a_clause_not_a_list() {
        assert_eq!(
            actor(
                "The meeting pointed out that the situation remains grim, and stressed that all localities must not lower their guard.",
                "must not",
                ActorRule::Subject
            )
            .as_deref(),
            Some("all localities")
        );
    }

    #[test]
    fn a_comma_that_groups_digits_and_a_long_relative_clause_do_not_hide_the_subject() {
        assert_eq!(
            actor(
                "(a) The heads of all agencies that own Federal buildings above 5,000 gross square feet on Federal land shall determine the process.",
                "shall",
                ActorRule::Subject
            )
            .as_deref(),
            Some("The heads of all agencies")
        );
        assert!(digit_group_comma("above 5,000 feet", 7));
        assert!(!digit_group_comma("in 2015, 300 agencies", 7));
        assert!(!digit_group_comma("5,0001", 1));
    }

    #[test]
    fn english_subjects() {
        let s = ActorRule::Subject;
        assert_eq!(
            actor(
                "All departments and units in all regions of the city should study it.",
                "should",
                s
            )
            .as_deref(),
            Some("All departments and units in all regions of the city")
        );
        assert_eq!(actor("To the extent feasible and permitted by law, each agency shall afford the public a chance.", "shall", s).as_deref(), Some("each agency"));
        assert_eq!(actor("Before issuing a notice, each agency, where feasible and appropriate, shall seek views.", "shall", s).as_deref(), Some("each agency"));
        assert_eq!(
            actor(
                "Deeply drawing lessons from the accident, everyone should act.",
                "should",
                s
            )
            .as_deref(),
            Some("everyone")
        );
        assert_eq!(
            actor("Tan Zuojun stressed that all units must act.", "must", s).as_deref(),
            Some("all units")
        );
        assert_eq!(
            actor(
                "In case of an accident, the person responsible shall be seriously investigated.",
                "shall",
                s
            ),
            None
        );
        assert_eq!(
            actor(
                "Regulations shall be adopted through a process.",
                "shall",
                s
            ),
            None
        );
        assert_eq!(
            actor(
                "Each agency shall be responsible for compliance.",
                "shall",
                s
            )
            .as_deref(),
            Some("Each agency")
        );
        assert_eq!(actor("Within 180 days, the Secretary of Commerce, acting through the Director, in coordination with the Secretary of Energy, and the heads of other agencies as the Secretary may deem appropriate, shall act.", "shall", s).as_deref(), Some("the Secretary of Commerce"));
        assert_eq!(actor("The Secretary of State, the Secretary of Defense, and the Attorney General shall meet.", "shall", s).as_deref(), Some("The Secretary of State, the Secretary of Defense, and the Attorney General"));
        assert_eq!(
            actor(
                "We will set a deadline by which enterprises must meet the standards.",
                "must",
                s
            )
            .as_deref(),
            Some("enterprises")
        );
        assert_eq!(
            actor("Agencies that must report shall use the form.", "must", s).as_deref(),
            Some("Agencies")
        );
        // The relative word is the subject of its own clause: the clause is part of the
        // actor as written, not the actor itself.
        assert_eq!(
            actor(
                "Cities that are under big pressure from rising housing prices need to increase the supply of land.",
                "need to",
                s
            )
            .as_deref(),
            Some("Cities that are under big pressure from rising housing prices")
        );
        assert_eq!(
            actor("The agency that issued the rule must review it.", "must", s).as_deref(),
            Some("The agency that issued the rule")
        );
        // Two offices, each with its acronym, joined by "and".
        assert_eq!(
            actor(
                "The Assistant to the President for National Security Affairs (APNSA) and the Assistant to the President for Economic Policy (APEP) shall coordinate it.",
                "shall",
                s
            )
            .as_deref(),
            Some(
                "The Assistant to the President for National Security Affairs (APNSA) and the Assistant to the President for Economic Policy (APEP)"
            )
        );
        // A defined short name in an adverbial's object: the subject stands before it.
        assert_eq!(
            actor(
                "The Assistant to the President, in consultation with the Director of the Office of Management and Budget (the “Director”) and the heads of agencies, shall identify programs.",
                "shall",
                s
            )
            .as_deref(),
            Some("The Assistant to the President")
        );
        // A list inside a relative clause of a long subject.
        assert_eq!(
            actor(
                "The head of each department and agency that administers a loan, insurance, or benefit program shall coordinate.",
                "shall",
                s
            )
            .as_deref(),
            Some(
                "The head of each department and agency that administers a loan, insurance, or benefit program"
            )
        );
        // A section's title glued to its first sentence, with no determiner after it.
        assert_eq!(
            actor(
                "Section 5. Requirements for Legislative Proposals Executive departments and agencies shall not submit it.",
                "shall",
                s
            )
            .as_deref(),
            Some("Executive departments and agencies")
        );
        assert_eq!(
            actor(
                "Section 6. The Small Business Administration officials shall act.",
                "shall",
                s
            )
            .as_deref(),
            Some("The Small Business Administration officials")
        );
        // The comma of a date does not end the subject.
        assert_eq!(
            actor(
                "Every appointee appointed on or after January 20, 2009, shall sign it.",
                "shall",
                s
            )
            .as_deref(),
            Some("Every appointee appointed on or after January 20, 2009")
        );
        // An adverb before the relative clause's verb.
        assert_eq!(
            actor(
                "Heads of agencies that also fund research shall act.",
                "shall",
                s
            )
            .as_deref(),
            Some("Heads of agencies that also fund research")
        );
        // After "it is ... that", the subject of the clause; not the subject of a passive.
        let o = ActorRule::Object;
        assert_eq!(
            actor(
                "It is essential that every school conducts a drill.",
                "that",
                o
            )
            .as_deref(),
            Some("every school")
        );
        assert_eq!(
            actor(
                "It is imperative that agencies should coordinate.",
                "that",
                o
            )
            .as_deref(),
            Some("agencies")
        );
        assert_eq!(
            actor("It is necessary that the rules be updated.", "that", o),
            None
        );
        assert_eq!(
            actor("It is essential that the data must be kept.", "that", o),
            None
        );
        // An -ed word before a bare noun is an adjective of the subject, not the verb of
        // the relative word.
        assert_eq!(
            actor(
                "The rule sets the manner of compliance that regulated entities must adopt.",
                "must",
                s
            )
            .as_deref(),
            Some("regulated entities")
        );
        // A quotation opens before the subject.
        assert_eq!(
            actor("\"Utilities must begin monitoring.", "must", s).as_deref(),
            Some("Utilities")
        );
        // After a reporting verb the subject follows "that".
        assert_eq!(
            actor("He stressed that all units must act.", "must", s).as_deref(),
            Some("all units")
        );
    }

    #[test]
    fn english_objects() {
        let o = ActorRule::Object;
        assert_eq!(
            actor(
                "Requests the Secretary-General to report on it.",
                "Requests",
                o
            )
            .as_deref(),
            Some("the Secretary-General")
        );
        assert_eq!(
            actor(
                "Demands that all parties immediately cease fire.",
                "Demands",
                o
            )
            .as_deref(),
            Some("all parties")
        );
        // An adverbial phrase before the clause's subject is passed over.
        assert_eq!(
            actor(
                "It is important that, for every new rule, each agency repeal two.",
                "that",
                o
            )
            .as_deref(),
            Some("each agency")
        );
        assert_eq!(
            actor(
                "It is important that for every new rule issued, two old rules be repealed.",
                "that",
                o
            ),
            None
        );
    }

    #[test]
    fn chinese_subjects() {
        let s = ActorRule::Subject;
        assert_eq!(
            actor("各级各部门单位要坚决克服麻痹松懈思想。", "要", s).as_deref(),
            Some("各级各部门单位")
        );
        assert_eq!(
            actor("会议强调，各地区各部门也要切实加强领导。", "要", s).as_deref(),
            Some("各地区各部门")
        );
        assert_eq!(actor("对构成处罚项的问题，要严格处罚。", "要", s), None);
        assert_eq!(actor("自4月8日起，要组织专项检查。", "要", s), None);
        assert_eq!(
            actor("根据行业的发展，公司将构建管控平台。", "将", s).as_deref(),
            Some("公司")
        );
        assert_eq!(actor("同时，要组织工贸行业自查。", "要", s), None);
        assert_eq!(actor("2024年底前要完成整改。", "要", s), None);
        // A long list of parties joined by 、 is one actor; a long clause with 、 that is no
        // such list names none.
        assert_eq!(
            actor(
                "各市应急管理局、各县市区安委会各有关成员单位、有关省属企业要召开专题会议。",
                "要",
                s
            )
            .as_deref(),
            Some("各市应急管理局、各县市区安委会各有关成员单位、有关省属企业")
        );
        assert_eq!(
            actor(
                "我们完全有信心、有能力把这些制度的优势和特点充分地发挥出来将造福人民。",
                "将",
                s
            ),
            None
        );
    }
}
