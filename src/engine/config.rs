//! The engine config (CONTRACT §2): every key optional, every unknown key refused
//! at its path, each value checked where it is read.

use super::Engine;
use crate::calendar::{Calendar, YearRules};
use crate::error::{Error, ErrorCode, Result};
use crate::model::decl::{document, Key, List, UnknownKey};
use crate::model::{read, AssessmentKind, Date, Locale};
use crate::rules::Settings;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// The only profile this version knows: the Qufu measures of 2024.
pub const PROFILE: &str = "qufu-2024";
/// Default `max_input_bytes`: 4 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;
/// The most `max_input_bytes` may be: 1 GiB.
const MAX_INPUT_BYTES_LIMIT: u64 = 1 << 30;

impl Default for Engine {
    fn default() -> Engine {
        Engine {
            settings: Settings {
                locale: Locale::ZhCn,
                calendar: Calendar::embedded(),
                periodic_months: BTreeMap::new(),
            },
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

impl Engine {
    /// Builds an engine from the config JSON (`None` = defaults). Unknown keys are refused.
    pub fn new(config_json: Option<&str>) -> Result<Engine> {
        let mut engine = Engine::default();
        let Some(text) = config_json else {
            return Ok(engine);
        };
        if text.len() > DEFAULT_MAX_INPUT_BYTES {
            let len = text.len();
            return Err(Error::too_large(
                "the engine config",
                len,
                DEFAULT_MAX_INPUT_BYTES,
            ));
        }
        let config: Config = read::parse("the engine config", text)?;
        if let Some(profile) = config.profile {
            if profile != PROFILE {
                return Err(Error {
                    code: ErrorCode::Unsupported,
                    message: format!(
                        "$.profile: unknown profile `{profile}`; this version supports `{PROFILE}`"
                    ),
                    path: Some("$.profile".into()),
                });
            }
        }
        if let Some(locale) = config.locale {
            engine.settings.locale = match locale.as_str() {
                "zh" => Locale::ZhCn,
                other => Locale::parse(other).ok_or_else(|| {
                    Error::invalid(
                        "$.locale",
                        format!("unknown locale `{other}`; accepted: zh-CN, en"),
                    )
                })?,
            };
        }
        if let Some(max) = config.max_input_bytes {
            if max == 0 || max > MAX_INPUT_BYTES_LIMIT {
                return Err(Error::invalid(
                    "$.max_input_bytes",
                    format!("must be between 1 and {MAX_INPUT_BYTES_LIMIT}"),
                ));
            }
            engine.max_input_bytes = max as usize;
        }
        for (year, rules) in config.calendar.unwrap_or_default() {
            engine.settings.calendar = engine.settings.calendar.with_year(year, rules);
        }
        engine.settings.periodic_months = config.periodic_months.unwrap_or_default().0;
        Ok(engine)
    }
}

/// The config as read; values that need the engine's words are checked in `Engine::new`.
#[derive(Default)]
struct Config {
    profile: Option<String>,
    locale: Option<String>,
    max_input_bytes: Option<u64>,
    calendar: Option<Vec<(i32, YearRules)>>,
    periodic_months: Option<PeriodicMonths>,
}

impl<'de> Deserialize<'de> for Config {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Config, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Config;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an engine config object")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Config, A::Error> {
                let mut config = Config::default();
                while let Some(key) = map.next_key::<Key>()? {
                    match &*key {
                        "profile" => config.profile = map.next_value()?,
                        "locale" => config.locale = map.next_value()?,
                        "max_input_bytes" => config.max_input_bytes = map.next_value()?,
                        "calendar" => config.calendar = Some(map.next_value_seed(Years)?),
                        "periodic_months" => config.periodic_months = map.next_value()?,
                        _ => map.next_value_seed(UnknownKey)?,
                    }
                }
                Ok(config)
            }
        }
        d.deserialize_map(V)
    }
}

/// `calendar`: `{"2027": {"holidays": [...], "workdays": [...]}, …}`.
struct Years;

impl<'de> DeserializeSeed<'de> for Years {
    type Value = Vec<(i32, YearRules)>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Years {
    type Value = Vec<(i32, YearRules)>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of years: {\"2027\": {\"holidays\": [...], \"workdays\": [...]}}")
    }
    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let mut years = Vec::new();
        while let Some(key) = map.next_key::<Key>()? {
            years.push(map.next_value_seed(Year(&key))?);
        }
        Ok(years)
    }
}

/// One year of the calendar; its key is checked as part of its value, so the error names it.
struct Year<'a>(&'a str);

document! {
    /// One year of the State Council's holiday notice.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct YearSpec {
        /// Statutory days off, weekend days inside a holiday block included.
        holidays: List<Date> = List::default(), Omit, "法定节假日" / "holidays";
        /// Weekend days that are working days (调休上班).
        workdays: List<Date> = List::default(), Omit, "调休上班日" / "adjusted workdays";
    }
}

impl<'de> DeserializeSeed<'de> for Year<'_> {
    type Value = (i32, YearRules);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        // Exactly four digits: `+2027`, `02027` or ` 2027` are not year keys.
        let key = self.0;
        let year: i32 = Some(key)
            .filter(|k| k.len() == 4 && k.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|k| k.parse().ok())
            .filter(|y| (1900..=2200).contains(y))
            .ok_or_else(|| de::Error::custom("is not a year (YYYY) between 1900 and 2200"))?;
        let spec = YearSpec::deserialize(d)?;
        let rules = YearRules {
            holidays: spec.holidays.iter().map(|d| d.0).collect(),
            workdays: spec.workdays.iter().map(|d| d.0).collect(),
        };
        rules.validate(year).map_err(de::Error::custom)?;
        Ok((year, rules))
    }
}

/// `periodic_months`: months between assessments of each kind (Art 38, 39), 1 to 120.
#[derive(Default)]
struct PeriodicMonths(BTreeMap<AssessmentKind, u32>);

impl<'de> Deserialize<'de> for PeriodicMonths {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<PeriodicMonths, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PeriodicMonths;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(
                    f,
                    "an object of months by assessment kind ({})",
                    AssessmentKind::VOCABULARY.accepted()
                )
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<PeriodicMonths, A::Error> {
                let mut months = BTreeMap::new();
                while let Some(key) = map.next_key::<Key>()? {
                    let Some(kind) = AssessmentKind::parse(&key) else {
                        map.next_value_seed(UnknownKey)?;
                        continue;
                    };
                    months.insert(kind, map.next_value_seed(Months)?);
                }
                Ok(PeriodicMonths(months))
            }
        }
        d.deserialize_map(V)
    }
}

struct Months;

impl<'de> DeserializeSeed<'de> for Months {
    type Value = u32;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<u32, D::Error> {
        let months = u32::deserialize(d)?;
        if !(1..=120).contains(&months) {
            return Err(de::Error::custom("must be between 1 and 120 months"));
        }
        Ok(months)
    }
}
