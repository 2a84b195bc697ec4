//! The working-day calendar (CONTRACT §3 `day_info` / `add_working_days`, §5 "Working days").
//!
//! The expected dates below are written out independently of `src/calendar/cn_holidays.rs`,
//! from the State Council's notices for 2024 (国办发明电〔2023〕7号), 2025 (国办发明电〔2024〕12号)
//! and 2026 (issued 2025-11-04), so a typo in the table fails here.

use chrono::{Datelike, NaiveDate, Weekday};
use govit::calendar::*;
use govit::model::DayKind;

fn d(s: &str) -> NaiveDate {
    parse_iso_date(s).unwrap_or_else(|| panic!("bad test date {s}"))
}

/// (name, first day off, last day off, adjusted workdays) per notice.
type Expected = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const EXPECTED_2024: &[Expected] = &[
    ("元旦", "2024-01-01", "2024-01-01", &[]),
    (
        "春节",
        "2024-02-10",
        "2024-02-17",
        &["2024-02-04", "2024-02-18"],
    ),
    ("清明节", "2024-04-04", "2024-04-06", &["2024-04-07"]),
    (
        "劳动节",
        "2024-05-01",
        "2024-05-05",
        &["2024-04-28", "2024-05-11"],
    ),
    ("端午节", "2024-06-10", "2024-06-10", &[]),
    ("中秋节", "2024-09-15", "2024-09-17", &["2024-09-14"]),
    (
        "国庆节",
        "2024-10-01",
        "2024-10-07",
        &["2024-09-29", "2024-10-12"],
    ),
];

const EXPECTED_2025: &[Expected] = &[
    ("元旦", "2025-01-01", "2025-01-01", &[]),
    (
        "春节",
        "2025-01-28",
        "2025-02-04",
        &["2025-01-26", "2025-02-08"],
    ),
    ("清明节", "2025-04-04", "2025-04-06", &[]),
    ("劳动节", "2025-05-01", "2025-05-05", &["2025-04-27"]),
    ("端午节", "2025-05-31", "2025-06-02", &[]),
    (
        "国庆节、中秋节",
        "2025-10-01",
        "2025-10-08",
        &["2025-09-28", "2025-10-11"],
    ),
];

const EXPECTED_2026: &[Expected] = &[
    ("元旦", "2026-01-01", "2026-01-03", &["2026-01-04"]),
    (
        "春节",
        "2026-02-15",
        "2026-02-23",
        &["2026-02-14", "2026-02-28"],
    ),
    ("清明节", "2026-04-04", "2026-04-06", &[]),
    ("劳动节", "2026-05-01", "2026-05-05", &["2026-05-09"]),
    ("端午节", "2026-06-19", "2026-06-21", &[]),
    ("中秋节", "2026-09-25", "2026-09-27", &[]),
    (
        "国庆节",
        "2026-10-01",
        "2026-10-07",
        &["2026-09-20", "2026-10-10"],
    ),
];

fn expected(year: i32) -> &'static [Expected] {
    match year {
        2024 => EXPECTED_2024,
        2025 => EXPECTED_2025,
        2026 => EXPECTED_2026,
        _ => unreachable!(),
    }
}

fn days(first: &str, last: &str) -> Vec<NaiveDate> {
    let last = d(last);
    d(first).iter_days().take_while(|x| *x <= last).collect()
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// What a day outside every block and workday list is.
fn ordinary(date: NaiveDate) -> (DayKind, bool) {
    if is_weekend(date) {
        (DayKind::Weekend, false)
    } else {
        (DayKind::Weekday, true)
    }
}

fn assert_day(cal: &Calendar, date: &str, kind: DayKind, working: bool, known: bool) {
    let info = cal.day_info(d(date));
    assert_eq!(
        info,
        DayInfo {
            date: govit::model::Date(d(date)),
            working_day: working,
            kind,
            calendar_known: known
        },
        "{date}"
    );
    assert_eq!(cal.is_working_day(d(date)), working, "{date}");
}

fn assert_deadline(cal: &Calendar, from: &str, n: i32, due: &str, known: bool) {
    assert_eq!(
        cal.add_working_days(d(from), n),
        WorkingDayResult {
            date: govit::model::Date(d(due)),
            calendar_known: known
        },
        "{from} + {n} working days"
    );
    assert_eq!(
        cal.add_working_days_checked(d(from), n),
        Some(WorkingDayResult {
            date: govit::model::Date(d(due)),
            calendar_known: known
        })
    );
}

// ---- the embedded data -------------------------------------------------------------

#[test]
fn embedded_years_are_2024_to_2026() {
    let cal = Calendar::embedded();
    assert_eq!(cal.known_years(), vec![2024, 2025, 2026]);
    assert!(cal.knows_year(2025));
    assert!(!cal.knows_year(2023));
    assert!(!cal.knows_year(2027));
}

#[test]
fn every_block_day_is_a_holiday_and_every_adjusted_workday_works() {
    let cal = Calendar::embedded();
    for year in 2024..=2026 {
        for &(name, first, last, workdays) in expected(year) {
            for day in days(first, last) {
                let info = cal.day_info(day);
                assert_eq!(info.kind, DayKind::Holiday, "{name} {day}");
                assert!(!info.working_day, "{name} {day}");
                assert!(info.calendar_known, "{name} {day}");
            }
            for w in workdays {
                // 调休上班 is always a Saturday or Sunday.
                assert!(is_weekend(d(w)), "{name}: {w} is not a weekend day");
                assert_day(&cal, w, DayKind::AdjustedWorkday, true, true);
            }
        }
    }
}

#[test]
fn the_days_around_each_block_are_what_they_should_be() {
    let cal = Calendar::embedded();
    for year in 2024..=2026 {
        let all_workdays: Vec<NaiveDate> = expected(year)
            .iter()
            .flat_map(|b| b.3.iter().map(|w| d(w)))
            .collect();
        for &(name, first, last, _) in expected(year) {
            for day in [d(first).pred_opt().unwrap(), d(last).succ_opt().unwrap()] {
                let info = cal.day_info(day);
                if all_workdays.contains(&day) {
                    assert_eq!(info.kind, DayKind::AdjustedWorkday, "{name} {day}");
                    assert!(info.working_day);
                } else {
                    assert_eq!((info.kind, info.working_day), ordinary(day), "{name} {day}");
                }
                assert_eq!(
                    info.calendar_known,
                    day.year() == year || cal.knows_year(day.year())
                );
            }
        }
    }
}

#[test]
fn around_blocks_spot_checks() {
    let cal = Calendar::embedded();
    // 2024 元旦 "与周末连休": 2024-01-01 is Monday, 01-02 an ordinary Tuesday.
    assert_day(&cal, "2024-01-02", DayKind::Weekday, true, true);
    // 2024 春节: 除夕 02-09 (Friday) is only "encouraged" rest: a working day.
    assert_day(&cal, "2024-02-09", DayKind::Weekday, true, true);
    assert_day(&cal, "2024-02-18", DayKind::AdjustedWorkday, true, true);
    assert_day(&cal, "2024-02-19", DayKind::Weekday, true, true);
    // 2024 端午 "与周末连休": the weekend before it stays an ordinary weekend.
    assert_day(&cal, "2024-06-08", DayKind::Weekend, false, true);
    assert_day(&cal, "2024-06-09", DayKind::Weekend, false, true);
    assert_day(&cal, "2024-06-10", DayKind::Holiday, false, true);
    assert_day(&cal, "2024-06-11", DayKind::Weekday, true, true);
    // 2024 中秋 09-14 worked, then 国庆 09-29 worked.
    assert_day(&cal, "2024-09-13", DayKind::Weekday, true, true);
    assert_day(&cal, "2024-09-18", DayKind::Weekday, true, true);
    assert_day(&cal, "2024-10-08", DayKind::Weekday, true, true);
    // 2025 端午 05-31..06-02, 06-03 Tuesday works.
    assert_day(&cal, "2025-05-30", DayKind::Weekday, true, true);
    assert_day(&cal, "2025-06-03", DayKind::Weekday, true, true);
    // 2025 国庆+中秋: 10-09 Thursday works; 10-12 Sunday after the worked Saturday rests.
    assert_day(&cal, "2025-10-09", DayKind::Weekday, true, true);
    assert_day(&cal, "2025-10-12", DayKind::Weekend, false, true);
    // 2026 元旦 01-01..01-03, 01-04 Sunday worked, 12-31 of 2025 is an ordinary Wednesday.
    assert_day(&cal, "2025-12-31", DayKind::Weekday, true, true);
    assert_day(&cal, "2026-01-03", DayKind::Holiday, false, true);
    assert_day(&cal, "2026-01-04", DayKind::AdjustedWorkday, true, true);
    // 2026 春节 02-15 (腊月二十八, Sunday) .. 02-23 (Monday), 02-24 works.
    assert_day(&cal, "2026-02-14", DayKind::AdjustedWorkday, true, true);
    assert_day(&cal, "2026-02-15", DayKind::Holiday, false, true);
    assert_day(&cal, "2026-02-23", DayKind::Holiday, false, true);
    assert_day(&cal, "2026-02-24", DayKind::Weekday, true, true);
    assert_day(&cal, "2026-02-28", DayKind::AdjustedWorkday, true, true);
    assert_day(&cal, "2026-03-01", DayKind::Weekend, false, true);
}

/// Every day of 2024–2026 is classified exactly as the notices say, and nothing else
/// departs from the Monday–Friday week.
#[test]
fn whole_years_match_the_notices_exactly() {
    let cal = Calendar::embedded();
    for year in 2024..=2026 {
        let mut holidays = Vec::new();
        let mut workdays = Vec::new();
        for &(_, first, last, w) in expected(year) {
            holidays.extend(days(first, last));
            workdays.extend(w.iter().map(|x| d(x)));
        }
        let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        let mut count_holidays = 0;
        for day in start.iter_days().take_while(|x| x.year() == year) {
            let info = cal.day_info(day);
            assert!(info.calendar_known);
            let want = if holidays.contains(&day) {
                count_holidays += 1;
                (DayKind::Holiday, false)
            } else if workdays.contains(&day) {
                (DayKind::AdjustedWorkday, true)
            } else {
                ordinary(day)
            };
            assert_eq!((info.kind, info.working_day), want, "{day}");
        }
        assert_eq!(count_holidays, holidays.len());
    }
    // Totals per notice: days off, adjusted workdays.
    let counts: Vec<(usize, usize)> = (2024..=2026)
        .map(|y| {
            let e = expected(y);
            (
                e.iter().map(|b| days(b.1, b.2).len()).sum(),
                e.iter().map(|b| b.3.len()).sum(),
            )
        })
        .collect();
    assert_eq!(counts, vec![(28, 8), (28, 5), (33, 6)]);
}

#[test]
fn the_table_is_readable_data_and_consistent() {
    for notice in cn_holidays::NOTICES {
        let mut holidays = std::collections::BTreeSet::new();
        let mut workdays = std::collections::BTreeSet::new();
        for &(zh, en, first, last, w) in notice.blocks {
            assert!(!zh.is_empty() && !en.is_empty());
            let (f, l) = (d(first), d(last));
            assert!(f <= l, "{zh}: {first} after {last}");
            holidays.extend(days(first, last));
            workdays.extend(w.iter().map(|x| d(x)));
        }
        let rules = YearRules { holidays, workdays };
        assert_eq!(rules.validate(notice.year), Ok(()), "{}", notice.year);
        assert!(parse_iso_date(notice.issued).is_some());
        // The table agrees with the independently written expectations.
        let names: Vec<&str> = notice.blocks.iter().map(|b| b.0).collect();
        let want: Vec<&str> = expected(notice.year).iter().map(|b| b.0).collect();
        assert_eq!(names, want);
    }
}

// ---- ordinary days and unknown years ------------------------------------------------

#[test]
fn ordinary_weekdays_and_weekends() {
    let cal = Calendar::embedded();
    assert_day(&cal, "2025-03-10", DayKind::Weekday, true, true); // Monday
    assert_day(&cal, "2025-03-14", DayKind::Weekday, true, true); // Friday
    assert_day(&cal, "2025-03-15", DayKind::Weekend, false, true); // Saturday
    assert_day(&cal, "2025-03-16", DayKind::Weekend, false, true); // Sunday
    assert_day(&cal, "2024-07-01", DayKind::Weekday, true, true); // the measures in force
}

#[test]
fn unknown_years_assume_monday_to_friday() {
    let cal = Calendar::embedded();
    // 2023-10-02 was a holiday in fact, but 2023 is not embedded.
    assert_day(&cal, "2023-10-02", DayKind::Weekday, true, false);
    assert_day(&cal, "2023-10-07", DayKind::Weekend, false, false);
    assert_day(&cal, "2030-01-01", DayKind::Weekday, true, false); // Tuesday
    assert_day(&cal, "2030-01-05", DayKind::Weekend, false, false);
    assert_day(&cal, "2030-10-01", DayKind::Weekday, true, false);
}

#[test]
fn day_info_serialises_as_in_the_contract() {
    let cal = Calendar::embedded();
    let json = serde_json::to_value(cal.day_info(d("2025-09-28"))).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"date": "2025-09-28", "working_day": true,
                           "kind": "adjusted_workday", "calendar_known": true})
    );
    let json = serde_json::to_string(&cal.day_info(d("2030-01-06"))).unwrap();
    assert_eq!(
        json,
        r#"{"date":"2030-01-06","working_day":false,"kind":"weekend","calendar_known":false}"#
    );
    let kinds: Vec<String> = [
        DayKind::Weekday,
        DayKind::Weekend,
        DayKind::Holiday,
        DayKind::AdjustedWorkday,
    ]
    .iter()
    .map(|k| serde_json::to_string(k).unwrap())
    .collect();
    assert_eq!(
        kinds,
        [
            "\"weekday\"",
            "\"weekend\"",
            "\"holiday\"",
            "\"adjusted_workday\""
        ]
    );
    let json = serde_json::to_string(&cal.add_working_days(d("2025-09-26"), 10)).unwrap();
    assert_eq!(json, r#"{"date":"2025-10-16","calendar_known":true}"#);
}

// ---- deadlines (Art 28: 10 working days, the day of the act not counted) -------------

#[test]
fn award_on_2025_09_26_is_due_2025_10_16() {
    // 09-28 (Sunday) worked, 10-01..10-08 off, 10-11 (Saturday) worked.
    assert_deadline(&Calendar::embedded(), "2025-09-26", 10, "2025-10-16", true);
}

#[test]
fn ten_working_days_across_every_block_of_2024() {
    let cal = Calendar::embedded();
    // 元旦: 01-01 (Mon) off. From Friday 2023-12-29 the walk crosses 2023-12-30/31
    // (unknown year): 02,03,04,05,08,09,10,11,12,15.
    assert_deadline(&cal, "2023-12-29", 10, "2024-01-15", false);
    assert_deadline(&cal, "2023-12-31", 10, "2024-01-15", true);
    // 春节: 02-04 (Sun) worked, 02-10..17 off, 02-18 (Sun) worked.
    // From Thu 02-01: 02,04,05,06,07,08,09,18,19,20.
    assert_deadline(&cal, "2024-02-01", 10, "2024-02-20", true);
    // 清明: 04-04..06 off, 04-07 (Sun) worked. From Mon 04-01: 02,03,07,08,09,10,11,12,15,16.
    assert_deadline(&cal, "2024-04-01", 10, "2024-04-16", true);
    // 劳动节: 04-28 (Sun) worked, 05-01..05 off, 05-11 (Sat) worked.
    // From Thu 04-25: 26,28,29,30,06,07,08,09,10,11.
    assert_deadline(&cal, "2024-04-25", 10, "2024-05-11", true);
    // 端午: 06-10 (Mon) off. From Fri 06-07: 11,12,13,14,17,18,19,20,21,24.
    assert_deadline(&cal, "2024-06-07", 10, "2024-06-24", true);
    // 中秋: 09-14 (Sat) worked, 09-15..17 off.
    // From Thu 09-12: 13,14,18,19,20,23,24,25,26,27.
    assert_deadline(&cal, "2024-09-12", 10, "2024-09-27", true);
    // 国庆: 09-29 (Sun) worked, 10-01..07 off, 10-12 (Sat) worked.
    // From Fri 09-27: 29,30,08,09,10,11,12,14,15,16.
    assert_deadline(&cal, "2024-09-27", 10, "2024-10-16", true);
}

#[test]
fn ten_working_days_across_every_block_of_2025() {
    let cal = Calendar::embedded();
    // 元旦: 01-01 (Wed) off. From Tue 2024-12-31: 02,03,06,07,08,09,10,13,14,15.
    assert_deadline(&cal, "2024-12-31", 10, "2025-01-15", true);
    // 春节: 01-26 (Sun) worked, 01-28..02-04 off, 02-08 (Sat) worked.
    // From Fri 01-24: 26,27,05,06,07,08,10,11,12,13.
    assert_deadline(&cal, "2025-01-24", 10, "2025-02-13", true);
    // 清明: 04-04..06 off. From Wed 04-02: 03,07,08,09,10,11,14,15,16,17.
    assert_deadline(&cal, "2025-04-02", 10, "2025-04-17", true);
    // 劳动节: 04-27 (Sun) worked, 05-01..05 off.
    // From Fri 04-25: 27,28,29,30,06,07,08,09,12,13.
    assert_deadline(&cal, "2025-04-25", 10, "2025-05-13", true);
    // 端午: 05-31..06-02 off. From Thu 05-29: 30,03,04,05,06,09,10,11,12,13.
    assert_deadline(&cal, "2025-05-29", 10, "2025-06-13", true);
    // 国庆+中秋: see award_on_2025_09_26_is_due_2025_10_16; from the day before 09-28.
    assert_deadline(&cal, "2025-09-27", 10, "2025-10-16", true);
    assert_deadline(&cal, "2025-09-30", 1, "2025-10-09", true);
}

#[test]
fn ten_working_days_across_every_block_of_2026() {
    let cal = Calendar::embedded();
    // 元旦: 01-01..03 off, 01-04 (Sun) worked.
    // From Wed 2025-12-31: 04,05,06,07,08,09,12,13,14,15.
    assert_deadline(&cal, "2025-12-31", 10, "2026-01-15", true);
    // 春节: 02-14 (Sat) worked, 02-15..23 off, 02-28 (Sat) worked.
    // From Thu 02-12: 13,14,24,25,26,27,28,03-02,03,04.
    assert_deadline(&cal, "2026-02-12", 10, "2026-03-04", true);
    // 清明: 04-04..06 off. From Thu 04-02: 03,07,08,09,10,13,14,15,16,17.
    assert_deadline(&cal, "2026-04-02", 10, "2026-04-17", true);
    // 劳动节: 05-01..05 off, 05-09 (Sat) worked.
    // From Wed 04-29: 30,06,07,08,09,11,12,13,14,15.
    assert_deadline(&cal, "2026-04-29", 10, "2026-05-15", true);
    // 端午: 06-19..21 off. From Wed 06-17: 18,22,23,24,25,26,29,30,07-01,02.
    assert_deadline(&cal, "2026-06-17", 10, "2026-07-02", true);
    // 中秋 then 国庆: 09-20 (Sun) worked, 09-25..27 off, 10-01..07 off, 10-10 (Sat) worked.
    // From Fri 09-18: 20,21,22,23,24,28,29,30,08,09.
    assert_deadline(&cal, "2026-09-18", 10, "2026-10-09", true);
    assert_deadline(&cal, "2026-09-18", 11, "2026-10-10", true);
}

#[test]
fn zero_days_is_the_date_itself() {
    let cal = Calendar::embedded();
    // Even on a holiday: n == 0 does not move.
    assert_deadline(&cal, "2025-10-03", 0, "2025-10-03", true);
    assert_deadline(&cal, "2030-06-01", 0, "2030-06-01", false);
}

#[test]
fn the_day_of_the_act_is_not_counted() {
    let cal = Calendar::embedded();
    // Monday 2025-03-10 + 1 is Tuesday; a holiday start counts from the next working day.
    assert_deadline(&cal, "2025-03-10", 1, "2025-03-11", true);
    assert_deadline(&cal, "2025-10-05", 1, "2025-10-09", true);
    assert_deadline(&cal, "2025-10-08", 1, "2025-10-09", true);
}

#[test]
fn negative_days_walk_backwards() {
    let cal = Calendar::embedded();
    assert_deadline(&cal, "2025-10-16", -10, "2025-09-26", true);
    assert_deadline(&cal, "2025-10-09", -1, "2025-09-30", true);
    assert_deadline(&cal, "2026-03-02", -1, "2026-02-28", true);
    assert_deadline(&cal, "2026-02-24", -1, "2026-02-14", true);
    // Into 2023 (unknown).
    assert_deadline(&cal, "2024-01-02", -1, "2023-12-29", false);
}

#[test]
fn crossing_into_an_unknown_year_is_flagged() {
    let cal = Calendar::embedded();
    // Thu 2026-12-24: 25,28,29,30,31 then 2027 (unknown): 01,04,05,06,07.
    assert_deadline(&cal, "2026-12-24", 10, "2027-01-07", false);
    // Staying inside 2026 right up to the end is known.
    assert_deadline(&cal, "2026-12-24", 5, "2026-12-31", true);
    // Starting in an unknown year but examining only known days is known.
    assert_deadline(&cal, "2023-12-31", 1, "2024-01-02", true);
}

#[test]
fn with_year_adds_2027() {
    let rules = YearRules::from_iso(&["2027-01-01"], &["2027-02-06"]).unwrap();
    assert_eq!(rules.validate(2027), Ok(()));
    let cal = Calendar::embedded().with_year(2027, rules);
    assert_eq!(cal.known_years(), vec![2024, 2025, 2026, 2027]);
    assert_day(&cal, "2027-01-01", DayKind::Holiday, false, true);
    assert_day(&cal, "2027-02-06", DayKind::AdjustedWorkday, true, true);
    assert_day(&cal, "2027-01-04", DayKind::Weekday, true, true);
    // 2027-01-01 (Fri) off now: 04,05,06,07,08.
    assert_deadline(&cal, "2026-12-24", 10, "2027-01-08", true);
    // The embedded calendar is unchanged.
    assert!(!Calendar::embedded().knows_year(2027));
}

#[test]
fn with_year_replaces_2025() {
    // A config that knows no holidays in 2025: 国庆 becomes ordinary.
    let cal = Calendar::embedded().with_year(2025, YearRules::default());
    assert!(cal.knows_year(2025));
    assert_day(&cal, "2025-10-01", DayKind::Weekday, true, true);
    assert_day(&cal, "2025-09-28", DayKind::Weekend, false, true);
    // 09-29,30,10-01,02,03,06,07,08,09,10.
    assert_deadline(&cal, "2025-09-26", 10, "2025-10-10", true);
    // Other years untouched.
    assert_day(&cal, "2026-10-01", DayKind::Holiday, false, true);
    // Replacing with a different holiday.
    let rules = YearRules::from_iso(&["2025-03-10"], &[] as &[&str]).unwrap();
    let cal = Calendar::embedded().with_year(2025, rules);
    assert_day(&cal, "2025-03-10", DayKind::Holiday, false, true);
    assert_deadline(&cal, "2025-03-07", 1, "2025-03-11", true);
}

#[test]
fn yearrules_validation() {
    let ok = YearRules::from_iso(&["2027-01-01"], &["2027-02-06"]).unwrap();
    assert_eq!(ok.validate(2027), Ok(()));
    assert_eq!(YearRules::default().validate(2027), Ok(()));

    let both = YearRules::from_iso(&["2027-02-06"], &["2027-02-06"]).unwrap();
    let err = both.validate(2027).unwrap_err();
    assert!(err.contains("2027-02-06") && err.contains("both"), "{err}");
    // A conflicting config still answers: the holiday wins.
    let cal = Calendar::embedded().with_year(2027, both);
    assert_day(&cal, "2027-02-06", DayKind::Holiday, false, true);

    let outside = YearRules::from_iso(&["2026-12-31"], &["2028-01-01"]).unwrap();
    let err = outside.validate(2027).unwrap_err();
    assert!(
        err.contains("2026-12-31") && err.contains("2028-01-01"),
        "{err}"
    );

    for bad in [
        "2027-02-30",
        "2027-2-6",
        "27-02-06",
        "2027/02/06",
        "",
        "2027-02-06 ",
    ] {
        assert!(
            YearRules::from_iso(&[bad], &[] as &[&str]).is_err(),
            "{bad:?}"
        );
        assert!(parse_iso_date(bad).is_none(), "{bad:?}");
    }
    assert_eq!(
        parse_iso_date("2024-02-29"),
        NaiveDate::from_ymd_opt(2024, 2, 29)
    );
    assert_eq!(iso(d("2025-01-05")), "2025-01-05");
}

// ---- limits ------------------------------------------------------------------------

#[test]
fn large_n_does_not_hang_and_is_bounded() {
    let cal = Calendar::embedded();
    let start = d("2025-01-01");
    let max = MAX_WORKING_DAYS as i32;
    let t = std::time::Instant::now();
    let fwd = cal.add_working_days_checked(start, max).unwrap();
    let back = cal.add_working_days_checked(start, -max).unwrap();
    assert!(t.elapsed() < std::time::Duration::from_secs(5));
    assert!(!fwd.calendar_known && !back.calendar_known);
    // 100,000 working days is about 383 years either way.
    assert!((2400..2410).contains(&fwd.date.year()), "{:?}", fwd.date);
    assert!((1640..1650).contains(&back.date.year()), "{:?}", back.date);
    // Walking back from the result returns to the first working day on or before start.
    let round = cal.add_working_days(fwd.date.0, -max).date.0;
    assert_eq!(round, d("2024-12-31"));

    for n in [max + 1, -max - 1, i32::MAX, i32::MIN, i32::MAX - 1] {
        assert_eq!(cal.add_working_days_checked(start, n), None, "{n}");
        // The unchecked variant never panics.
        let r = cal.add_working_days(start, n);
        assert!(!r.calendar_known);
    }
}

#[test]
fn leaving_chronos_range_gives_none() {
    let cal = Calendar::embedded();
    assert_eq!(cal.add_working_days_checked(NaiveDate::MAX, 1), None);
    assert_eq!(cal.add_working_days_checked(NaiveDate::MIN, -1), None);
    assert_eq!(
        cal.add_working_days_checked(NaiveDate::MAX, -1)
            .map(|r| r.date.0 < NaiveDate::MAX),
        Some(true)
    );
    assert_eq!(
        cal.add_working_days_checked(NaiveDate::MAX, 0),
        Some(WorkingDayResult {
            date: govit::model::Date(NaiveDate::MAX),
            calendar_known: false
        })
    );
    // Near the end of the range a long walk runs out of dates.
    let near_end = NaiveDate::MAX - chrono::Days::new(10);
    assert_eq!(cal.add_working_days_checked(near_end, 1000), None);
    let _ = cal.day_info(NaiveDate::MAX);
    let _ = cal.day_info(NaiveDate::MIN);
}

/// The notices name the weekday of each date (周X / 星期X); a mistyped date fails here.
#[test]
fn weekdays_stated_in_the_notices() {
    use Weekday::*;
    let stated: &[(&str, Weekday)] = &[
        // 2024 (only the adjusted workdays carry a weekday in that notice).
        ("2024-02-04", Sun),
        ("2024-02-18", Sun),
        ("2024-04-07", Sun),
        ("2024-04-28", Sun),
        ("2024-05-11", Sat),
        ("2024-09-14", Sat),
        ("2024-09-29", Sun),
        ("2024-10-12", Sat),
        // 2025.
        ("2025-01-01", Wed),
        ("2025-01-28", Tue),
        ("2025-02-04", Tue),
        ("2025-01-26", Sun),
        ("2025-02-08", Sat),
        ("2025-04-04", Fri),
        ("2025-04-06", Sun),
        ("2025-05-01", Thu),
        ("2025-05-05", Mon),
        ("2025-04-27", Sun),
        ("2025-05-31", Sat),
        ("2025-06-02", Mon),
        ("2025-10-01", Wed),
        ("2025-10-08", Wed),
        ("2025-09-28", Sun),
        ("2025-10-11", Sat),
        // 2026.
        ("2026-01-01", Thu),
        ("2026-01-03", Sat),
        ("2026-01-04", Sun),
        ("2026-02-15", Sun),
        ("2026-02-23", Mon),
        ("2026-02-14", Sat),
        ("2026-02-28", Sat),
        ("2026-04-04", Sat),
        ("2026-04-06", Mon),
        ("2026-05-01", Fri),
        ("2026-05-05", Tue),
        ("2026-05-09", Sat),
        ("2026-06-19", Fri),
        ("2026-06-21", Sun),
        ("2026-09-25", Fri),
        ("2026-09-27", Sun),
        ("2026-10-01", Thu),
        ("2026-10-07", Wed),
        ("2026-09-20", Sun),
        ("2026-10-10", Sat),
    ];
    for &(date, weekday) in stated {
        assert_eq!(d(date).weekday(), weekday, "{date}");
    }
}
