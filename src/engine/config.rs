//! The engine config (CONTRACT §2): every key optional, every unknown key refused
//! at its path, each value checked where it is read.

use super::Engine;
use crate::calendar::{Calendar, YearRules};
use crate::error::{Error, ErrorCode, Result};
use crate::model::decl::{document, List};
use crate::model::{read, AssessmentKind, Date, Locale, Whole};
use crate::rules::Settings;
use std::collections::BTreeMap;

/// The only profile this version knows: the Qufu measures of 2024.
pub const PROFILE: &str = "qufu-2024";
/// Default `max_input_bytes`: 4 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;
/// The most `max_input_bytes` may be: 1 GiB.
const MAX_INPUT_BYTES_LIMIT: u64 = 1 << 30;

document! {
    /// The engine config.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct Config {
        /// The rules profile: `qufu-2024`, the only one this version knows.
        profile: Option<String> = None, Omit, "规则版本" / "profile";
        /// The language of `message`: `zh-CN` (also `zh`) or `en`.
        locale: Option<String> = None, Omit, "语言" / "locale";
        /// The largest input accepted, in bytes (1 to 1 GiB; default 4 MiB).
        max_input_bytes: Option<Whole<u32>> = None, Omit, "最大输入字节数" / "max input bytes";
        /// Years of the State Council's holiday notices, added to or replacing the embedded ones.
        calendar: Option<BTreeMap<String, YearSpec>> = None, Omit, "节假日安排" / "calendar";
        /// Months between periodic assessments of each kind (Art 38, 39), 1 to 120; default 12.
        periodic_months: Option<BTreeMap<AssessmentKind, Whole<u32>>> = None, Omit, "定期评估周期（月）" / "periodic months";
        /// Keys the kernel does not know, at a record's top level and in an event's `data`:
        /// `keep` (default: kept, with a warning when one is a likely typo of a known key)
        /// or `error` (refused at its path, except keys starting `x_` and those in `host_keys`).
        unknown_keys: Option<String> = None, Omit, "未知字段处理" / "unknown keys";
        /// The host's own keys allowed with `unknown_keys: error` (besides `x_…`).
        host_keys: Option<List<String>> = None, Omit, "宿主系统字段" / "host keys";
    }
}

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

impl Default for Engine {
    fn default() -> Engine {
        Engine {
            settings: Settings {
                locale: Locale::ZhCn,
                calendar: Calendar::embedded(),
                periodic_months: BTreeMap::new(),
            },
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            unknown_keys_refused: false,
            host_keys: Vec::new(),
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
        if let Some(profile) = config.profile.filter(|p| p != PROFILE) {
            return Err(Error {
                code: ErrorCode::Unsupported,
                message: format!(
                    "$.profile: unknown profile `{profile}`; this version supports `{PROFILE}`"
                ),
                path: Some("$.profile".into()),
                others: Vec::new(),
            });
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
        if let Some(Whole(max)) = config.max_input_bytes {
            if max == 0 || u64::from(max) > MAX_INPUT_BYTES_LIMIT {
                let message = format!("must be between 1 and {MAX_INPUT_BYTES_LIMIT}");
                return Err(Error::invalid("$.max_input_bytes", message));
            }
            engine.max_input_bytes = max as usize;
        }
        for (key, spec) in config.calendar.unwrap_or_default() {
            let path = format!("$.calendar.{key}");
            let year = year_of(&key).ok_or_else(|| {
                Error::invalid(&path, "is not a year (YYYY) between 1900 and 2200")
            })?;
            let rules = YearRules {
                holidays: spec.holidays.iter().map(|d| d.0).collect(),
                workdays: spec.workdays.iter().map(|d| d.0).collect(),
            };
            rules.validate(year).map_err(|m| Error::invalid(&path, m))?;
            engine.settings.calendar = engine.settings.calendar.with_year(year, rules);
        }
        engine.unknown_keys_refused = match config.unknown_keys.as_deref() {
            None | Some("keep") => false,
            Some("error") => true,
            Some(other) => {
                return Err(Error::invalid(
                    "$.unknown_keys",
                    format!("unknown value `{other}`; accepted: keep, error"),
                ))
            }
        };
        engine.host_keys = config.host_keys.map(|k| k.to_vec()).unwrap_or_default();
        for (kind, Whole(months)) in config.periodic_months.unwrap_or_default() {
            if !(1..=120).contains(&months) {
                return Err(Error::invalid(
                    format!("$.periodic_months.{kind}"),
                    "must be between 1 and 120 months",
                ));
            }
            engine.settings.periodic_months.insert(kind, months);
        }
        Ok(engine)
    }
}

/// A year key: exactly four digits (`+2027`, `02027` or ` 2027` are not), 1900 to 2200.
fn year_of(key: &str) -> Option<i32> {
    Some(key)
        .filter(|k| k.len() == 4 && k.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|k| k.parse().ok())
        .filter(|y| (1900..=2200).contains(y))
}
