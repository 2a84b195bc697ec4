//! The working-day calendar behind the deadlines of the measures.
//!
//! Art 28 counts in working days (工作日): the contract is signed "在中标（成交）通知书发出之日起
//! 10个工作日内" and filed within 10 working days of signing. Following 民法典 第二百零一条,
//! the day of the act itself is not counted: the deadline is the 10th working day *after*
//! it ([`Calendar::add_working_days`] with `n = 10`).
//!
//! A working day is Monday to Friday, except the statutory days off of the State Council's
//! holiday notices, plus the weekend days those notices make working days (调休上班). The
//! notices for 2024–2026 are embedded ([`cn_holidays`]); the engine config may add or
//! replace years ([`Calendar::with_year`]). For a year the calendar does not know, Monday
//! to Friday are assumed to be working days and every result says `calendar_known: false`,
//! so the caller can warn (`calendar.year_unknown`).

pub mod cn_holidays;

use std::collections::{BTreeMap, BTreeSet};

use crate::model::decl::result_document;
use crate::model::{Date, DayKind};
use chrono::{Datelike, NaiveDate, Weekday};
use once_cell::sync::Lazy;

/// The largest |n| accepted by [`Calendar::add_working_days_checked`]: 100,000 working days
/// (about 380 years): far beyond any deadline of the measures, and small enough that the
/// day-by-day walk stays cheap (about 140,000 steps at most).
pub const MAX_WORKING_DAYS: u32 = 100_000;

/// One year's departures from the Monday–Friday week.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearRules {
    /// Statutory days off (weekend days inside a holiday block included).
    pub holidays: BTreeSet<NaiveDate>,
    /// Weekend days that are working days (调休上班).
    pub workdays: BTreeSet<NaiveDate>,
}

impl YearRules {
    /// Builds the rules from ISO `YYYY-MM-DD` strings (as in the engine config).
    pub fn from_iso<S: AsRef<str>>(holidays: &[S], workdays: &[S]) -> Result<YearRules, String> {
        fn parse_all<S: AsRef<str>>(list: &[S], what: &str) -> Result<BTreeSet<NaiveDate>, String> {
            list.iter()
                .map(|s| {
                    parse_iso_date(s.as_ref()).ok_or_else(|| {
                        format!("{what}: {:?} is not a date (YYYY-MM-DD)", s.as_ref())
                    })
                })
                .collect()
        }
        Ok(YearRules {
            holidays: parse_all(holidays, "holidays")?,
            workdays: parse_all(workdays, "workdays")?,
        })
    }

    /// Checks the rules for `year`: every date must lie in that year, and no date may be
    /// both a holiday and a workday. The message names every offending date.
    pub fn validate(&self, year: i32) -> Result<(), String> {
        let mut problems = Vec::new();
        for (what, set) in [("holidays", &self.holidays), ("workdays", &self.workdays)] {
            for d in set.iter().filter(|d| d.year() != year) {
                problems.push(format!("{what}: {} is not in {year}", iso(*d)));
            }
        }
        for d in self.holidays.intersection(&self.workdays) {
            problems.push(format!(
                "{} is listed as both a holiday and a workday",
                iso(*d)
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!("calendar {year}: {}", problems.join("; ")))
        }
    }
}

/// The working-day calendar: the rules of every year it knows. `Calendar::default()` knows
/// no year; the engine starts from [`Calendar::embedded`].
#[derive(Clone, Debug, Default)]
pub struct Calendar {
    years: BTreeMap<i32, YearRules>,
}

result_document! {
    /// The answer of `govit_day_info` (CONTRACT §3).
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct DayInfo {
        date: Date, Keep, "日期" / "date";
        working_day: bool, Keep, "是否工作日" / "working day";
        kind: DayKind, Keep, "日期类型" / "kind";
        /// False when the date's year is not in the calendar (Mon–Fri assumed working).
        calendar_known: bool, Keep, "日历是否收录该年" / "calendar known";
    }
}

result_document! {
    /// The answer of `govit_add_working_days` (CONTRACT §3).
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct WorkingDayResult {
        date: Date, Keep, "日期" / "date";
        /// False when any day examined lies in a year the calendar does not know.
        calendar_known: bool, Keep, "日历是否收录相关年份" / "calendar known";
    }
}

static EMBEDDED: Lazy<Calendar> = Lazy::new(|| {
    let mut cal = Calendar::default();
    for notice in cn_holidays::NOTICES {
        let rules = cal.years.entry(notice.year).or_default();
        for &(_, _, first, last, workdays) in notice.blocks {
            // The tables are constant and checked by the tests; a typo fails loudly there.
            let first = parse_iso_date(first).expect("embedded holiday date");
            let last = parse_iso_date(last).expect("embedded holiday date");
            rules
                .holidays
                .extend(first.iter_days().take_while(|d| *d <= last));
            rules.workdays.extend(
                workdays
                    .iter()
                    .map(|s| parse_iso_date(s).expect("embedded workday date")),
            );
        }
    }
    cal
});

impl Calendar {
    /// The calendar of the embedded notices (2024–2026).
    pub fn embedded() -> Calendar {
        EMBEDDED.clone()
    }

    /// Adds `year`, or replaces it if known (engine config `calendar`). Does not validate:
    /// call [`YearRules::validate`] first. Should a date be listed as both, holiday wins.
    pub fn with_year(mut self, year: i32, rules: YearRules) -> Calendar {
        self.years.insert(year, rules);
        self
    }

    /// The years the calendar knows, ascending.
    pub fn known_years(&self) -> Vec<i32> {
        self.years.keys().copied().collect()
    }

    pub fn knows_year(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// What `date` is; in an unknown year Monday–Friday are working days.
    pub fn day_info(&self, date: NaiveDate) -> DayInfo {
        let rules = self.years.get(&date.year());
        let kind = classify(date, rules);
        DayInfo {
            date: Date(date),
            working_day: matches!(kind, DayKind::Weekday | DayKind::AdjustedWorkday),
            kind,
            calendar_known: rules.is_some(),
        }
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.day_info(date).working_day
    }

    /// The n-th working day after `date` (n > 0), before it (n < 0), or `date` itself
    /// (n == 0). `date` itself is never counted (民法典 第二百零一条), so a deadline of
    /// "10 working days from the notice" (Art 28) is `add_working_days(notice, 10)`.
    ///
    /// `calendar_known` is false if any day examined (from the day after `date` up to the
    /// result; for n == 0, `date` itself) lies in a year the calendar does not know.
    ///
    /// Never panics: if |n| > [`MAX_WORKING_DAYS`] or the result would leave chrono's date
    /// range, the result is `date` itself with `calendar_known: false`. Callers that must
    /// tell this apart (the C ABI) use [`Calendar::add_working_days_checked`].
    pub fn add_working_days(&self, date: NaiveDate, n: i32) -> WorkingDayResult {
        self.add_working_days_checked(date, n)
            .unwrap_or(WorkingDayResult {
                date: Date(date),
                calendar_known: false,
            })
    }

    /// As [`Calendar::add_working_days`], but `None` when |n| > [`MAX_WORKING_DAYS`] or
    /// the walk would leave chrono's date range.
    pub fn add_working_days_checked(&self, date: NaiveDate, n: i32) -> Option<WorkingDayResult> {
        let mut left = n.unsigned_abs();
        if left > MAX_WORKING_DAYS {
            return None;
        }
        if left == 0 {
            return Some(WorkingDayResult {
                date: Date(date),
                calendar_known: self.knows_year(date.year()),
            });
        }
        let forward = n > 0;
        let mut known = true;
        let mut current = date;
        let mut cached_year = date.year();
        let mut rules = self.years.get(&cached_year);
        while left > 0 {
            current = if forward {
                current.succ_opt()?
            } else {
                current.pred_opt()?
            };
            if current.year() != cached_year {
                cached_year = current.year();
                rules = self.years.get(&cached_year);
            }
            known &= rules.is_some();
            if matches!(
                classify(current, rules),
                DayKind::Weekday | DayKind::AdjustedWorkday
            ) {
                left -= 1;
            }
        }
        Some(WorkingDayResult {
            date: Date(current),
            calendar_known: known,
        })
    }
}

/// Classifies `date` under its year's rules (`None`: unknown year). A holiday wins over a
/// workday listed for the same date.
fn classify(date: NaiveDate, rules: Option<&YearRules>) -> DayKind {
    if let Some(r) = rules {
        if r.holidays.contains(&date) {
            return DayKind::Holiday;
        }
        if r.workdays.contains(&date) {
            return DayKind::AdjustedWorkday;
        }
    }
    match date.weekday() {
        Weekday::Sat | Weekday::Sun => DayKind::Weekend,
        _ => DayKind::Weekday,
    }
}

/// Parses a strict ISO calendar date `YYYY-MM-DD` (four-digit year, two-digit month and
/// day, a real date: `2025-02-30` and `2025-2-3` are `None`).
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    // One strict date parser for the whole crate: the model's.
    crate::model::Date::parse(s).ok().map(|d| d.0)
}

/// Formats a date as ISO `YYYY-MM-DD`.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}
