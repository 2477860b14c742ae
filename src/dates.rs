//! Calendar dates: the document's own date, and deadlines normalized against it.
//!
//! A deadline is normalized only where the text fixes it: "2024年底前" is 2024-12-31 in any
//! document; "6月底前" needs the document's year and "within 90 days of the date of this
//! order" its full date. Where the document gives no such anchor, or the words are vague
//! (立即, 限期, 尽快, "promptly", working days), the deadline stays unnormalized: no guesses.
//!
//! The document's date is found by the patterns of `<lang>/dates.tsv` (a signature date
//! line, a 成文日期 or "Date:" field, a dateline, a date or year under the title).

use regex::Regex;

use crate::dictionary::{DateSource, Dictionary};
use crate::document::Lang;
use std::sync::OnceLock;

use crate::dictionary::REGEX_SIZE_LIMIT;
use crate::error::Result;
use crate::regexes::LazyRegex;

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day, 1 to 31.
    pub day: u32,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && (1000..=9999).contains(&year))
        .then_some(Date { year, month, day })
    }

    /// The last day of a month.
    pub fn month_end(year: i32, month: u32) -> Option<Date> {
        Date::new(
            year,
            month,
            if (1..=12).contains(&month) {
                days_in_month(year, month)
            } else {
                0
            },
        )
    }

    /// Days since 1970-01-01.
    pub fn to_days(self) -> i64 {
        // Civil-from-days algorithm: shift the year to start in March so that the leap day
        // ends it, then count eras of 400 years.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date::new(year, month, day)
    }

    /// This date plus `n` days.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days() + n)
    }

    /// This date plus `n` months, clamped to the month's end (Jan 31 + 1 month = Feb 28/29).
    pub fn add_months(self, n: i64) -> Option<Date> {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + n;
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        let month = total.rem_euclid(12) as u32 + 1;
        Date::new(year, month, self.day.min(days_in_month(year, month)))
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The date a document gives itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// Its year.
    pub year: i32,
    /// Its full date, when month and day are known too.
    pub date: Option<Date>,
    /// Where it was read.
    pub source: DateSource,
}

/// A deadline in ISO 8601.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The date by which it is due, when there is one.
    pub due: Option<Date>,
    /// The date, interval ("2024-03-24/2024-04-08", "2024-04-08/..") or repeating interval
    /// ("R/P3M") the words mean.
    pub iso: Option<String>,
}

/// The compiled document-date patterns.
#[derive(Debug, Clone)]
pub struct Dates {
    patterns: Vec<(Lang, DateSource, LazyRegex)>,
    zh: OnceLock<ZhGrammar>,
    en: OnceLock<EnGrammar>,
}

/// How many whole-line sentences at the end are read for a signature date, and at the
/// start for a title date.
const EDGE: usize = 12;

/// How many sentences at the start of a document are searched for a dateline or a field.
pub const ANYWHERE: usize = 400;

impl Dates {
    fn zh(&self) -> &ZhGrammar {
        self.zh.get_or_init(ZhGrammar::new)
    }

    fn en(&self) -> &EnGrammar {
        self.en.get_or_init(EnGrammar::new)
    }

    /// Compiles the date patterns of `dict`.
    pub fn new(dict: &Dictionary) -> Result<Self> {
        let mut patterns = dict
            .dates
            .iter()
            .map(|d| {
                Ok((
                    d.lang,
                    d.source,
                    LazyRegex::new(d.pattern.clone(), REGEX_SIZE_LIMIT),
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        patterns.sort_by_key(|p| p.1);
        Ok(Dates {
            patterns,
            zh: OnceLock::new(),
            en: OnceLock::new(),
        })
    }

    /// The sentences [`Dates::anchor`] may read, of `n` whose whole-line ones are told by
    /// `whole_line`: the first [`ANYWHERE`] and the whole lines at each end.
    pub fn anchor_sentences(
        n: usize,
        whole_line: impl Fn(usize) -> bool,
    ) -> impl Iterator<Item = usize> {
        let (top, bottom) = crate::segment::edge_lines(n, EDGE, whole_line);
        (0..n.min(ANYWHERE)).chain(top).chain(bottom)
    }

    /// The document's date, from a field or dateline near the start, a signature at the end
    /// or a title: `text(i)` is the view text of sentence `i`, `whole_line(i)` whether it
    /// stands on its own line and `lang(i)` its language.
    pub fn anchor<'v>(
        &self,
        n: usize,
        text: impl Fn(usize) -> &'v str,
        whole_line: impl Fn(usize) -> bool,
        lang: impl Fn(usize) -> Lang,
    ) -> Option<Anchor> {
        let (top, bottom) = crate::segment::edge_lines(n, EDGE, whole_line);
        let anywhere: Vec<usize> = (0..n.min(ANYWHERE)).collect();
        for (plang, source, re) in &self.patterns {
            let scope: &[usize] = match source {
                DateSource::Field | DateSource::Dateline => &anywhere,
                DateSource::Signature => &bottom,
                DateSource::Title => &top,
            };
            for &i in scope {
                if lang(i) != *plang {
                    continue;
                }
                let t = text(i).trim();
                if let Some(c) = re.captures(t) {
                    let year = c.name("year").and_then(|m| Dates::year_of(m.as_str()));
                    let Some(year) = year else { continue };
                    let month = c.name("month").and_then(|m| self.month(m.as_str()));
                    let day = c.name("day").and_then(|m| number(m.as_str()));
                    let date = match (month, day) {
                        (Some(m), Some(d)) => Date::new(year, m, d),
                        _ => None,
                    };
                    return Some(Anchor {
                        year,
                        date,
                        source: *source,
                    });
                }
            }
        }
        None
    }

    fn month(&self, s: &str) -> Option<u32> {
        number(s).or_else(|| self.en().month(s))
    }

    /// Normalizes deadline words of `kind` against the document's anchor.
    pub fn normalize(
        &self,
        lang: Lang,
        words: &str,
        kind: &str,
        anchor: Option<&Anchor>,
    ) -> Normalized {
        match lang {
            Lang::Zh => self.zh().normalize(words, kind, anchor),
            Lang::En => self.en().normalize(words, kind, anchor),
        }
    }
}

/// A number in ASCII or full-width digits, or in simple Chinese numerals (一 to 九十九).
fn number(s: &str) -> Option<u32> {
    let s = s.trim();
    let digit = |c: char| match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    };
    if !s.is_empty() && s.chars().all(|c| digit(c).is_some()) {
        return s
            .chars()
            .try_fold(0u32, |n, c| n.checked_mul(10)?.checked_add(digit(c)?));
    }
    zh_number(s)
}

fn zh_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
}

/// 一 … 九十九, including 十一, 二十, 三十一.
fn zh_number(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['两'] => Some(2),
        ['十'] => Some(10),
        [c] => zh_digit(*c),
        ['十', d] => Some(10 + zh_digit(*d)?),
        [t, '十'] => Some(zh_digit(*t)? * 10),
        [t, '十', d] => Some(zh_digit(*t)? * 10 + zh_digit(*d)?),
        _ => None,
    }
}

#[derive(Debug, Clone)]
struct ZhGrammar {
    ymd: Regex,
    ym: Regex,
    y_end: Regex,
    md: Regex,
    m_end: Regex,
    year_end: Regex,
    within: Regex,
    recurring: Regex,
    year: Regex,
}

const ZH_NUM: &str = r"(?:\d{1,4}|[〇零一二三四五六七八九十两]{1,4})";

impl ZhGrammar {
    fn new() -> Self {
        let r = |p: String| Regex::new(&p).expect("valid");
        ZhGrammar {
            ymd: r(format!(
                r"(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}})年(?P<m>{ZH_NUM})月(?P<d>{ZH_NUM})日"
            )),
            ym: r(format!(
                r"(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}})年(?P<m>{ZH_NUM})月(?P<e>底|末)?"
            )),
            y_end: r(r"(?P<y>\d{4}|[〇零一二三四五六七八九]{4})年(?:底|末|年底|年末)".to_string()),
            md: r(format!(r"(?P<m>{ZH_NUM})月(?P<d>{ZH_NUM})日")),
            m_end: r(format!(r"(?P<m>{ZH_NUM})月(?:底|末)")),
            year_end: r(
                r"(?P<which>今年|本年度?|明年|年)(?:底|末|内)|^(?:本年|今年|本年度)?(?:年内|年底)"
                    .to_string(),
            ),
            within: r(format!(
                r"(?P<n>{ZH_NUM})个?(?P<u>工作日|日|天|周|星期|个月|月|年)(?:内|之内|以内)"
            )),
            recurring: r(r"每(?P<u>年度?|季度|个月|月|周|半年|旬|日|天)".to_string()),
            year: r(r"\d{4}|[〇零一二三四五六七八九]{4}".to_string()),
        }
    }

    fn normalize(&self, words: &str, kind: &str, anchor: Option<&Anchor>) -> Normalized {
        let dates = Dates::year_of;
        let at = |d: Option<Date>| Normalized {
            due: d,
            iso: d.map(|d| d.to_string()),
        };
        let anchor_year = anchor.map(|a| a.year);
        // The dates the words name, in order.
        let mut named: Vec<Date> = Vec::new();
        let mut rest = words;
        while !rest.is_empty() {
            let cands = [
                self.ymd.captures(rest).and_then(|c| {
                    let m = c.get(0)?;
                    Some((
                        m.start(),
                        m.end(),
                        Date::new(dates(&c["y"])?, number(&c["m"])?, number(&c["d"])?),
                    ))
                }),
                self.y_end.captures(rest).and_then(|c| {
                    let m = c.get(0)?;
                    Some((m.start(), m.end(), Date::new(dates(&c["y"])?, 12, 31)))
                }),
                self.ym.captures(rest).and_then(|c| {
                    let m = c.get(0)?;
                    Some((
                        m.start(),
                        m.end(),
                        Date::month_end(dates(&c["y"])?, number(&c["m"])?),
                    ))
                }),
                self.md.captures(rest).and_then(|c| {
                    let m = c.get(0)?;
                    Some((
                        m.start(),
                        m.end(),
                        Date::new(anchor_year?, number(&c["m"])?, number(&c["d"])?),
                    ))
                }),
                self.m_end.captures(rest).and_then(|c| {
                    let m = c.get(0)?;
                    Some((
                        m.start(),
                        m.end(),
                        Date::month_end(anchor_year?, number(&c["m"])?),
                    ))
                }),
            ];
            let Some((_, end, date)) = cands
                .into_iter()
                .flatten()
                .min_by_key(|(s, e, _)| (*s, std::cmp::Reverse(*e)))
            else {
                break;
            };
            if let Some(d) = date {
                named.push(d);
            }
            rest = &rest[end..];
        }
        match kind {
            "by" => {
                if let Some(d) = named.last() {
                    return at(Some(*d));
                }
                if let Some(c) = self.year_end.captures(words) {
                    let y = anchor_year.map(|y| {
                        y + i32::from(c.name("which").is_some_and(|w| w.as_str() == "明年"))
                    });
                    return at(y.and_then(|y| Date::new(y, 12, 31)));
                }
                Normalized::default()
            }
            "period" => {
                if words.contains("年内") || words.contains("年底") {
                    return at(anchor_year.and_then(|y| Date::new(y, 12, 31)));
                }
                // A bare year or a span of years: the interval they cover.
                let years: Vec<i32> = self
                    .year
                    .find_iter(words)
                    .filter_map(|m| Dates::year_of(m.as_str()))
                    .collect();
                match years.as_slice() {
                    [y] => Normalized {
                        due: None,
                        iso: Some(format!("{y:04}")),
                    },
                    [a, b] => Normalized {
                        due: Date::new(*b, 12, 31),
                        iso: Some(format!("{a:04}/{b:04}")),
                    },
                    _ => Normalized::default(),
                }
            }
            "from" => {
                let start = if words.contains("即日") {
                    anchor.and_then(|a| a.date)
                } else {
                    named.first().copied()
                };
                // "至X": the last date named, unless it is the start itself.
                let from_today = words.contains("即日");
                let end = if words.contains('至') && (from_today || named.len() >= 2) {
                    named.last().copied()
                } else {
                    None
                };
                match (start, end) {
                    (Some(s), Some(e)) => Normalized {
                        due: Some(e),
                        iso: Some(format!("{s}/{e}")),
                    },
                    (Some(s), None) => Normalized {
                        due: None,
                        iso: Some(format!("{s}/..")),
                    },
                    (None, Some(e)) => at(Some(e)),
                    _ => Normalized::default(),
                }
            }
            "within" => {
                let Some(c) = self.within.captures(words) else {
                    return Normalized::default();
                };
                let Some(date) = anchor.and_then(|a| a.date) else {
                    return Normalized::default();
                };
                let Some(n) = number(&c["n"]).map(i64::from) else {
                    return Normalized::default();
                };
                let due = match &c["u"] {
                    "日" | "天" => date.add_days(n),
                    "周" | "星期" => date.add_days(7 * n),
                    "个月" | "月" => date.add_months(n),
                    "年" => date.add_months(12 * n),
                    _ => None, // working days depend on a holiday calendar
                };
                at(due)
            }
            "recurring" => {
                let iso = self.recurring.captures(words).and_then(|c| {
                    Some(match &c["u"] {
                        "年" | "年度" => "R/P1Y",
                        "半年" => "R/P6M",
                        "季度" => "R/P3M",
                        "月" | "个月" => "R/P1M",
                        "旬" => "R/P10D",
                        "周" => "R/P1W",
                        "日" | "天" => "R/P1D",
                        _ => return None,
                    })
                });
                Normalized {
                    due: None,
                    iso: iso.map(str::to_string),
                }
            }
            _ => Normalized::default(),
        }
    }
}

impl Dates {
    fn year_of(s: &str) -> Option<i32> {
        let digits: String = s
            .chars()
            .map(|c| match c {
                '〇' | '零' => '0',
                c => zh_digit(c)
                    .and_then(|d| char::from_digit(d, 10))
                    .unwrap_or(c),
            })
            .collect();
        digits.parse().ok().filter(|y| (1000..=9999).contains(y))
    }
}

#[derive(Debug, Clone)]
struct EnGrammar {
    mdy: Regex,
    end_of_month: Regex,
    /// A month and a year with no day: "by January 2022".
    month_year: Regex,
    end_of_year: Regex,
    within: Regex,
    recurring: Regex,
    month_names: Regex,
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl EnGrammar {
    fn new() -> Self {
        let months = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
        let r = |p: String| Regex::new(&p).expect("valid");
        EnGrammar {
            mdy: r(format!(r"(?i)\b(?P<m>{months})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b")),
            end_of_month: r(format!(r"(?i)\bend\s+of\s+(?P<m>{months})\b(?:,?\s+(?P<y>\d{{4}}))?")),
            month_year: r(format!(r"(?i)\b(?P<m>{months})\.?,?\s+(?P<y>\d{{4}})\b")),
            end_of_year: r(r"(?i)\bend\s+of\s+(?:(?P<which>this|the|next|the\s+current)\s+(?:calendar\s+|fiscal\s+)?year|(?P<y>\d{4}))\b|\bby\s+(?P<y2>\d{4})\b".to_string()),
            within: r(r"(?i)\bwithin\s+(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty-five|sixty|ninety)\s+(?P<cal>calendar\s+|business\s+|working\s+)?(?P<u>days?|weeks?|months?|years?)\b(?P<of>\s+(?:of|after|from|following)\s+(?:the\s+)?(?:date\s+of\s+)?(?:this|the)\s+(?:order|memorandum|proclamation|directive|notice|resolution|act))?".to_string()),
            recurring: r(r"(?i)\b(?P<w>semi-?annually|annually|each\s+year|every\s+year|quarterly|monthly|weekly|biweekly|fortnightly|daily|biennially|(?:every|each)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|day|week|month|quarter)|(?:once|twice)\s+(?:a|every|per|each)\s+(?:year|month|quarter|week|day))\b".to_string()),
            month_names: r(format!(r"(?i)^(?:{months})\.?$")),
        }
    }

    fn month(&self, s: &str) -> Option<u32> {
        if !self.month_names.is_match(s.trim()) {
            return None;
        }
        let l = s.trim().trim_end_matches('.').to_lowercase();
        MONTHS
            .iter()
            .position(|m| m.starts_with(&l) && l.len() >= 3)
            .map(|p| p as u32 + 1)
    }

    fn normalize(&self, words: &str, kind: &str, anchor: Option<&Anchor>) -> Normalized {
        let at = |d: Option<Date>| Normalized {
            due: d,
            iso: d.map(|d| d.to_string()),
        };
        let anchor_year = anchor.map(|a| a.year);
        match kind {
            "by" | "from" => {
                if let Some(c) = self.mdy.captures(words) {
                    let d = (|| {
                        Date::new(
                            c["y"].parse().ok()?,
                            self.month(&c["m"])?,
                            c["d"].parse().ok()?,
                        )
                    })();
                    return if kind == "from" {
                        Normalized {
                            due: None,
                            iso: d.map(|d| format!("{d}/..")),
                        }
                    } else {
                        at(d)
                    };
                }
                if let Some(c) = self.end_of_month.captures(words) {
                    let y = c
                        .name("y")
                        .and_then(|y| y.as_str().parse().ok())
                        .or(anchor_year);
                    return at((|| Date::month_end(y?, self.month(&c["m"])?))());
                }
                // "no later than July 2024": by the month's end, as "by 2030" is by the year's;
                // "beginning January 2025" from its first day.
                if let Some(c) = self.month_year.captures(words) {
                    let ym = (|| Some((c["y"].parse::<i32>().ok()?, self.month(&c["m"])?)))();
                    return if kind == "from" {
                        Normalized {
                            due: None,
                            iso: ym
                                .and_then(|(y, m)| Date::new(y, m, 1))
                                .map(|d| format!("{d}/..")),
                        }
                    } else {
                        at(ym.and_then(|(y, m)| Date::month_end(y, m)))
                    };
                }
                if let Some(c) = self.end_of_year.captures(words) {
                    let y = c
                        .name("y")
                        .or_else(|| c.name("y2"))
                        .and_then(|y| y.as_str().parse().ok())
                        .or_else(|| {
                            anchor_year.map(|y| {
                                y + i32::from(
                                    c.name("which")
                                        .is_some_and(|w| w.as_str().eq_ignore_ascii_case("next")),
                                )
                            })
                        });
                    return at(y.and_then(|y| Date::new(y, 12, 31)));
                }
                Normalized::default()
            }
            "within" => {
                let Some(c) = self.within.captures(words) else {
                    return Normalized::default();
                };
                // "within 90 days" counts from the order's date only when it says so, or when
                // nothing else is named to count from.
                let Some(date) = anchor.and_then(|a| a.date) else {
                    return Normalized::default();
                };
                if c.name("cal")
                    .is_some_and(|m| !m.as_str().to_lowercase().starts_with("calendar"))
                {
                    return Normalized::default();
                }
                if c.name("of").is_none() && words.to_lowercase().contains(" of ") {
                    return Normalized::default();
                }
                let n = match c["n"].to_lowercase().as_str() {
                    "one" => 1,
                    "two" => 2,
                    "three" => 3,
                    "four" => 4,
                    "five" => 5,
                    "six" => 6,
                    "seven" => 7,
                    "eight" => 8,
                    "nine" => 9,
                    "ten" => 10,
                    "fifteen" => 15,
                    "twenty" => 20,
                    "thirty" => 30,
                    "forty-five" => 45,
                    "sixty" => 60,
                    "ninety" => 90,
                    d => match d.parse() {
                        Ok(n) => n,
                        Err(_) => return Normalized::default(),
                    },
                };
                let unit = c["u"].to_lowercase();
                let due = if unit.starts_with("day") {
                    date.add_days(n)
                } else if unit.starts_with("week") {
                    date.add_days(7 * n)
                } else if unit.starts_with("month") {
                    date.add_months(n)
                } else {
                    date.add_months(12 * n)
                };
                at(due)
            }
            "recurring" => {
                let iso = self.recurring.captures(words).map(|c| {
                    let w = c["w"].to_lowercase();
                    if w.contains("twice") {
                        if w.contains("year") {
                            "R/P6M"
                        } else if w.contains("month") {
                            "R/P15D"
                        } else {
                            "R/P3D"
                        }
                    } else if w.starts_with("semi") {
                        "R/P6M"
                    } else if w.contains("biweekly") || w.contains("fortnight") {
                        "R/P2W"
                    } else if ["mon", "tues", "wednes", "thurs", "fri", "satur", "sun"]
                        .iter()
                        .any(|d| w.ends_with(&format!("{d}day")))
                    {
                        "R/P1W"
                    } else if w == "daily" {
                        "R/P1D"
                    } else if w.contains("quarter") {
                        "R/P3M"
                    } else if w.contains("month") {
                        "R/P1M"
                    } else if w.contains("week") {
                        "R/P1W"
                    } else if w.contains("bienn") {
                        "R/P2Y"
                    } else if w.contains("day") {
                        "R/P1D"
                    } else {
                        "R/P1Y"
                    }
                });
                Normalized {
                    due: None,
                    iso: iso.map(str::to_string),
                }
            }
            "period" => {
                let lower = words.to_lowercase();
                if let Some(y) = anchor_year {
                    if lower.contains("this year") {
                        return Normalized {
                            due: Date::new(y, 12, 31),
                            iso: Some(format!("{y:04}")),
                        };
                    }
                    if lower.contains("next year") {
                        return Normalized {
                            due: Date::new(y + 1, 12, 31),
                            iso: Some(format!("{:04}", y + 1)),
                        };
                    }
                }
                Normalized::default()
            }
            _ => Normalized::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(y: i32, m: u32, d: u32) -> Anchor {
        Anchor {
            year: y,
            date: Date::new(y, m, d),
            source: DateSource::Signature,
        }
    }

    fn zh(words: &str, kind: &str, a: Option<&Anchor>) -> (Option<String>, Option<String>) {
        let n = ZhGrammar::new().normalize(words, kind, a);
        (n.due.map(|d| d.to_string()), n.iso)
    }

    fn en(words: &str, kind: &str, a: Option<&Anchor>) -> (Option<String>, Option<String>) {
        let n = EnGrammar::new().normalize(words, kind, a);
        (n.due.map(|d| d.to_string()), n.iso)
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn calendar_arithmetic() {
        let d = Date::new(2024, 1, 31).unwrap();
        assert_eq!(d.add_months(1).unwrap().to_string(), "2024-02-29");
        assert_eq!(
            Date::new(2011, 1, 18)
                .unwrap()
                .add_days(120)
                .unwrap()
                .to_string(),
            "2011-05-18"
        );
        assert_eq!(
            Date::new(2023, 10, 30)
                .unwrap()
                .add_days(270)
                .unwrap()
                .to_string(),
            "2024-07-26"
        );
        assert_eq!(Date::from_days(0).unwrap().to_string(), "1970-01-01");
        for days in [-300_000i64, -1, 0, 59, 60, 365, 11_016, 19_000, 2_000_000] {
            assert_eq!(Date::from_days(days).unwrap().to_days(), days);
        }
        assert!(Date::new(2023, 2, 29).is_none());
    }

    #[test]
    fn chinese_deadlines_normalize_only_when_the_text_fixes_them() {
        let a = anchor(2024, 3, 24);
        assert_eq!(
            zh("2024年底前", "by", None),
            (s("2024-12-31"), s("2024-12-31"))
        );
        assert_eq!(zh("6月底前", "by", None), (None, None));
        assert_eq!(
            zh("6月底前", "by", Some(&a)),
            (s("2024-06-30"), s("2024-06-30"))
        );
        assert_eq!(
            zh("7月31日前", "by", Some(&a)),
            (s("2024-07-31"), s("2024-07-31"))
        );
        assert_eq!(
            zh("年底前", "by", Some(&a)),
            (s("2024-12-31"), s("2024-12-31"))
        );
        assert_eq!(
            zh("年内", "period", Some(&a)),
            (s("2024-12-31"), s("2024-12-31"))
        );
        assert_eq!(
            zh("自4月8日起", "from", Some(&a)),
            (None, s("2024-04-08/.."))
        );
        assert_eq!(
            zh("自即日起至4月8日", "from", Some(&a)),
            (s("2024-04-08"), s("2024-03-24/2024-04-08"))
        );
        assert_eq!(
            zh("30日内", "within", Some(&a)),
            (s("2024-04-23"), s("2024-04-23"))
        );
        assert_eq!(zh("15个工作日内", "within", Some(&a)), (None, None));
        assert_eq!(zh("每季度", "recurring", None), (None, s("R/P3M")));
        assert_eq!(zh("立即", "immediate", Some(&a)), (None, None));
        assert_eq!(
            zh("2024—2026年", "period", None),
            (s("2026-12-31"), s("2024/2026"))
        );
        assert_eq!(
            zh("二〇二四年三月二十四日前", "by", None),
            (s("2024-03-24"), s("2024-03-24"))
        );
    }

    #[test]
    fn english_deadlines_normalize_only_when_the_text_fixes_them() {
        let a = anchor(2011, 1, 18);
        assert_eq!(
            en(
                "Within 120 days of the date of this order",
                "within",
                Some(&a)
            ),
            (s("2011-05-18"), s("2011-05-18"))
        );
        assert_eq!(en("within 120 days", "within", None), (None, None));
        assert_eq!(
            en(
                "within 60 days of the issuance of the guidance",
                "within",
                Some(&a)
            ),
            (None, None)
        );
        assert_eq!(
            en("by the end of June", "by", Some(&a)),
            (s("2011-06-30"), s("2011-06-30"))
        );
        assert_eq!(en("by the end of June", "by", None), (None, None));
        assert_eq!(
            en("not later than March 1, 2025", "by", None),
            (s("2025-03-01"), s("2025-03-01"))
        );
        assert_eq!(
            en("before July 15th, 2025", "by", None),
            (s("2025-07-15"), s("2025-07-15"))
        );
        assert_eq!(
            en("by the end of this year", "by", Some(&a)),
            (s("2011-12-31"), s("2011-12-31"))
        );
        assert_eq!(
            en("by 2030", "by", None),
            (s("2030-12-31"), s("2030-12-31"))
        );
        // A month and a year (EO 14037): by the month's end, not "January 20" and 22.
        assert_eq!(
            en("no later than July 2024", "by", None),
            (s("2024-07-31"), s("2024-07-31"))
        );
        assert_eq!(
            en("Beginning January 2025", "from", None),
            (None, s("2025-01-01/.."))
        );
        assert_eq!(en("quarterly", "recurring", None), (None, s("R/P3M")));
        assert_eq!(en("every Friday", "recurring", None), (None, s("R/P1W")));
        assert_eq!(en("daily", "recurring", None), (None, s("R/P1D")));
        assert_eq!(en("biweekly", "recurring", None), (None, s("R/P2W")));
        // "semi-annually" read as "annually" (EO 14020's reports to the Council).
        assert_eq!(en("semi-annually", "recurring", None), (None, s("R/P6M")));
        assert_eq!(en("semiannually", "recurring", None), (None, s("R/P6M")));
        assert_eq!(en("immediately", "immediate", Some(&a)), (None, None));
    }
}
