//! By when: time-limit words in a directive's sentence.
//!
//! The patterns are in `<lang>/deadlines.tsv`, each with a kind: `by` (6月底前, by the end of
//! June), `within` (30日内, within 60 days of the date of this order), `from` (自4月8日起),
//! `immediate` (立即, immediately), `recurring` (每季度, annually), `period` (2024年, 年内).
//! When several match, the earliest wins, then the longest, then the first in the file. A
//! pattern may name its words `(?P<when>...)`, so that what must follow them ("daily," or
//! "daily reports", not "daily necessities") is matched but not cited.

use crate::dictionary::Dictionary;
use crate::dictionary::REGEX_SIZE_LIMIT;
use crate::document::{Lang, Span};
use crate::error::Result;
use std::sync::OnceLock;

use crate::regexes::{LazyRegex, RegexFilter};
use crate::wordlist::WordList;

/// A deadline found in a view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The words, in view offsets.
    pub span: Span,
    /// The rule (index into [`Dictionary::deadlines`]).
    pub rule: usize,
}

/// The compiled deadline patterns.
#[derive(Debug, Clone)]
pub struct Deadlines {
    /// (rule, language, regex, whether it names its words with a `when` group).
    patterns: Vec<(usize, Lang, LazyRegex, bool)>,
    /// Which patterns can match a region, built on first use.
    filter: OnceLock<RegexFilter>,
    raw: Vec<String>,
    /// Words of a time gone by (去年, 上月): a time word right after one ("去年年底") dates
    /// the past, not the deed.
    past_dates: WordList,
}

impl Deadlines {
    /// Compiles the deadline patterns of `dict`.
    pub fn new(dict: &Dictionary) -> Result<Self> {
        let patterns = dict
            .deadlines
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let pattern = if d.lang == Lang::En && !d.pattern.starts_with("(?-i)") {
                    format!("(?i){}", d.pattern)
                } else {
                    d.pattern.clone()
                };
                let named = pattern.contains("(?P<when>");
                Ok((i, d.lang, LazyRegex::new(pattern, REGEX_SIZE_LIMIT), named))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Deadlines {
            patterns,
            filter: OnceLock::new(),
            raw: dict.deadlines.iter().map(|d| d.pattern.clone()).collect(),
            past_dates: dict.word_list(Lang::Zh, "past-date"),
        })
    }

    /// The deadline in `view[from..to]`, if any.
    pub fn find(&self, lang: Lang, view: &str, from: usize, to: usize) -> Option<Found> {
        self.find_near(lang, view, from, to, Span::new(from, to))
    }

    /// The deadline in `view[from..to]`, preferring one that overlaps `near` (the trigger's
    /// clause: in "2024年底前，要完成……；每季度报告" the deadline of the second task is
    /// 每季度). Among equals the earliest wins, then the longest, then the first rule.
    pub fn find_near(
        &self,
        lang: Lang,
        view: &str,
        from: usize,
        to: usize,
        near: Span,
    ) -> Option<Found> {
        let region = &view[from..to];
        let mut best: Option<(bool, Found)> = None;
        let mut candidates = Vec::new();
        self.filter
            .get_or_init(|| RegexFilter::new(&self.raw))
            .candidates(region, &mut Vec::new(), &mut candidates);
        for (rule, l, re, named) in candidates.into_iter().map(|k| &self.patterns[k]) {
            if *l != lang {
                continue;
            }
            let found: Vec<(usize, usize)> = if *named {
                re.captures_iter(region)
                    .iter()
                    .filter_map(|c| c.name("when").or_else(|| c.get(0)))
                    .map(|m| (m.start(), m.end()))
                    .collect()
            } else {
                re.find_iter(region)
                    .iter()
                    .map(|m| (m.start(), m.end()))
                    .collect()
            };
            for (start, end) in found {
                // "请认真学习《关于全省2024年……通报》": a year in a document's title dates
                // the document, not the deed.
                if start == end
                    || in_title(region, start)
                    || (*l == Lang::Zh && self.after_past_date(view, from + start))
                {
                    continue;
                }
                let span = Span::new(from + start, from + end);
                let close = span.overlaps(near);
                let better = match &best {
                    None => true,
                    Some((bc, b)) => {
                        (close && !bc)
                            || (close == *bc
                                && (span.start < b.span.start
                                    || (span.start == b.span.start && span.end > b.span.end)))
                    }
                };
                if better {
                    best = Some((close, Found { span, rule: *rule }));
                }
            }
        }
        best.map(|(_, f)| f)
    }

    /// True when a word of a time gone by ends right before `at` in `view` ("去年|年底"), or
    /// takes in its first character ("上月|底" of 上月底).
    fn after_past_date(&self, view: &str, at: usize) -> bool {
        let first = view[at..].chars().next().map_or(0, char::len_utf8);
        self.past_dates.closes(&view[..at]) || self.past_dates.closes(&view[..at + first])
    }
}

/// True when `at` lies inside a title in book-title marks (《……》) of `text`.
fn in_title(text: &str, at: usize) -> bool {
    let before = &text[..at];
    match (before.rfind('《'), before.rfind('》')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Option<String> {
        let d = Deadlines::new(&Dictionary::builtin()).unwrap();
        d.find(Lang::detect(text), text, 0, text.len())
            .map(|f| f.span.of(text).to_string())
    }

    #[test]
    fn chinese_deadlines() {
        assert_eq!(
            find("2024年底前，要完成整改。").as_deref(),
            Some("2024年底前")
        );
        assert_eq!(find("各地要在6月底前报送。").as_deref(), Some("6月底前"));
        assert_eq!(
            find("自即日起至4月8日，要开展自查。").as_deref(),
            Some("自即日起至4月8日")
        );
        assert_eq!(find("要立即开展全覆盖自查。").as_deref(), Some("立即"));
        assert_eq!(find("每季度开展一次检查。").as_deref(), Some("每季度"));
        assert_eq!(find("年内要完成。").as_deref(), Some("年内"));
        assert_eq!(find("要加强监管。"), None);
    }

    #[test]
    fn chinese_from_needs_a_time_word() {
        // 从……做起 (start with …) and 自己……起 read as "from … on" before the pattern
        // asked for a time word before 起.
        assert_eq!(find("清欠要从政府投资的工程做起。"), None);
        assert_eq!(find("我们自己要负起责任。"), None);
        assert_eq!(find("要把思想工作抓起来，从小事情做起。"), None);
        assert_eq!(
            find("从今年一月算起，要逐月报告。").as_deref(),
            Some("从今年一月算起")
        );
        assert_eq!(
            find("从公布之日起，各单位要执行。").as_deref(),
            Some("从公布之日起")
        );
    }

    #[test]
    fn chinese_dates_of_events_and_civil_wars_set_no_time() {
        assert_eq!(find("一九六六年六月三日，会议决定要派出工作组。"), None);
        assert_eq!(find("（人民出版社1986年版）要真正地认识事物。"), None);
        assert_eq!(find("必须永远记得十年内战的教训。"), None);
        assert_eq!(find("2025年要完成全部改造。").as_deref(), Some("2025年"));
        assert_eq!(
            find("各地务必在一九四六年，发动减租运动。").as_deref(),
            Some("一九四六年")
        );
        assert_eq!(
            find("一九五六年一切省都要做出规划。").as_deref(),
            Some("一九五六年")
        );
        assert_eq!(find("三年内要基本完成。").as_deref(), Some("三年内"));
        assert_eq!(find("要在年内完成。").as_deref(), Some("年内"));
    }

    #[test]
    fn a_year_in_a_documents_title_sets_no_time() {
        assert_eq!(
            find("现将《关于全省2024年安全生产工作的通报》转发给你们，请认真学习。"),
            None
        );
        assert_eq!(
            find("请于2024年底前报送《2024年工作总结》。").as_deref(),
            Some("2024年底前")
        );
    }

    #[test]
    fn english_deadlines() {
        assert_eq!(
            find("Within 120 days of the date of this order, each agency shall act.").as_deref(),
            Some("Within 120 days of the date of this order")
        );
        assert_eq!(
            find("Reports are due by the end of June.").as_deref(),
            Some("by the end of June")
        );
        assert_eq!(
            find("The agency shall act immediately.").as_deref(),
            Some("immediately")
        );
        assert_eq!(
            find("not later than March 1, 2025, the Secretary shall").as_deref(),
            Some("not later than March 1, 2025")
        );
        assert_eq!(find("Each agency shall act."), None);
        // The event ended on "of the" before its noun was allowed an article.
        assert_eq!(
            find("Within 240 days of the completion of the guidelines, the Director shall act.")
                .as_deref(),
            Some("Within 240 days of the completion of the guidelines")
        );
    }
}
