//! The State Council's holiday notices (国务院办公厅关于…年部分节假日安排的通知), as data.
//!
//! One [`Notice`] per year. Each block lists the days off exactly as the notice states
//! them (first and last day, both inclusive; the weekend days inside a block are days off
//! of the block), and the weekend days the notice makes working days (调休上班).
//!
//! Where a notice says only "X月X日放假，与周末连休" (2024 元旦, 2024 端午), the block is
//! that single day: the adjoining Saturday and Sunday are ordinary weekend days.
//! Encouraged but unofficial rest days (2024: 鼓励…安排职工在除夕休息, 02-09) are not
//! days off.
//!
//! To add a year: copy a notice, fill in the dates from the State Council's text, and
//! append it to [`NOTICES`]. Every date must lie in the notice's year (should a notice
//! reach into the neighbouring year, e.g. a 元旦 block starting on 12-31, that date goes
//! into the neighbouring year's table). The tests check each date against
//! the weekday the notice states and against holiday/workday conflicts.

/// A holiday block: Chinese name, English name, first and last day off (inclusive),
/// and the adjusted working days (调休上班) the notice attaches to it.
pub type Block = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

/// One year's notice.
#[derive(Clone, Copy, Debug)]
pub struct Notice {
    pub year: i32,
    /// Title and, where known, document number (文号) of the notice.
    pub source: &'static str,
    /// Date the notice was issued.
    pub issued: &'static str,
    pub blocks: &'static [Block],
}

/// 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023-10-25).
#[rustfmt::skip]
pub const NOTICE_2024: Notice = Notice {
    year: 2024,
    source: "国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）",
    issued: "2023-10-25",
    blocks: &[
        // 1月1日放假，与周末连休 (the weekend before it, 2023-12-30/31, is in 2023).
        ("元旦",   "New Year's Day",       "2024-01-01", "2024-01-01", &[]),
        ("春节",   "Spring Festival",      "2024-02-10", "2024-02-17", &["2024-02-04", "2024-02-18"]),
        ("清明节", "Qingming Festival",    "2024-04-04", "2024-04-06", &["2024-04-07"]),
        ("劳动节", "Labour Day",           "2024-05-01", "2024-05-05", &["2024-04-28", "2024-05-11"]),
        // 6月10日放假，与周末连休 (06-08/09 stay ordinary weekend days).
        ("端午节", "Dragon Boat Festival", "2024-06-10", "2024-06-10", &[]),
        ("中秋节", "Mid-Autumn Festival",  "2024-09-15", "2024-09-17", &["2024-09-14"]),
        ("国庆节", "National Day",         "2024-10-01", "2024-10-07", &["2024-09-29", "2024-10-12"]),
    ],
};

/// 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12), the first
/// under the November 2024 revision of 《全国年节及纪念日放假办法》 (除夕 and 5月2日 added).
#[rustfmt::skip]
pub const NOTICE_2025: Notice = Notice {
    year: 2025,
    source: "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",
    issued: "2024-11-12",
    blocks: &[
        ("元旦",           "New Year's Day",                       "2025-01-01", "2025-01-01", &[]),
        ("春节",           "Spring Festival",                      "2025-01-28", "2025-02-04", &["2025-01-26", "2025-02-08"]),
        ("清明节",         "Qingming Festival",                    "2025-04-04", "2025-04-06", &[]),
        ("劳动节",         "Labour Day",                           "2025-05-01", "2025-05-05", &["2025-04-27"]),
        ("端午节",         "Dragon Boat Festival",                 "2025-05-31", "2025-06-02", &[]),
        ("国庆节、中秋节", "National Day and Mid-Autumn Festival", "2025-10-01", "2025-10-08", &["2025-09-28", "2025-10-11"]),
    ],
};

/// 国务院办公厅关于2026年部分节假日安排的通知 (issued 2025-11-04; 文号 not recorded here).
#[rustfmt::skip]
pub const NOTICE_2026: Notice = Notice {
    year: 2026,
    source: "国务院办公厅关于2026年部分节假日安排的通知",
    issued: "2025-11-04",
    blocks: &[
        ("元旦",   "New Year's Day",       "2026-01-01", "2026-01-03", &["2026-01-04"]),
        ("春节",   "Spring Festival",      "2026-02-15", "2026-02-23", &["2026-02-14", "2026-02-28"]),
        ("清明节", "Qingming Festival",    "2026-04-04", "2026-04-06", &[]),
        ("劳动节", "Labour Day",           "2026-05-01", "2026-05-05", &["2026-05-09"]),
        ("端午节", "Dragon Boat Festival", "2026-06-19", "2026-06-21", &[]),
        ("中秋节", "Mid-Autumn Festival",  "2026-09-25", "2026-09-27", &[]),
        ("国庆节", "National Day",         "2026-10-01", "2026-10-07", &["2026-09-20", "2026-10-10"]),
    ],
};

/// Every embedded notice, one per year.
pub const NOTICES: &[Notice] = &[NOTICE_2024, NOTICE_2025, NOTICE_2026];
