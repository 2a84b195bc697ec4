//! The engine: an immutable value built once from the config (CONTRACT §2) and
//! shared by every call and thread. It joins the stages: model (parse) →
//! lifecycle and rules (judge) → history (record), and speaks JSON text at its
//! edge for the C ABI and typed values for Rust callers.

use crate::calendar::{Calendar, YearRules, MAX_WORKING_DAYS};
use crate::error::{Error, ErrorCode, Result};
use crate::history::{self, VerifyReport};
use crate::lifecycle::{self, apply_effects};
use crate::model::reader::ObjectReader;
use crate::model::*;
use crate::rules::{self, Ctx, Hit, Locale, Rule, Settings, Stage, CALENDAR_YEAR_UNKNOWN};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The only profile this version knows: the Qufu measures of 2024.
pub const PROFILE: &str = "qufu-2024";
/// Default `max_input_bytes`: 4 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// An immutable engine. `Send + Sync`: share one across threads.
#[derive(Clone, Debug)]
pub struct Engine {
    settings: Settings,
    max_input_bytes: usize,
}

/// Options of `check` (CONTRACT §3).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckOptions {
    pub as_of: Option<Date>,
    pub actor: Option<Actor>,
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
            return Err(Error::too_large(
                "the engine config",
                text.len(),
                DEFAULT_MAX_INPUT_BYTES,
            ));
        }
        let value: Value =
            serde_json::from_str(text).map_err(|e| Error::json("the engine config", &e))?;
        let mut r = ObjectReader::new("$", value)?;
        if let Some(profile) = r.opt::<String>("profile")? {
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
        if let Some(locale) = r.opt::<String>("locale")? {
            engine.settings.locale = match locale.as_str() {
                "zh-CN" | "zh" => Locale::ZhCn,
                "en" => Locale::En,
                other => {
                    return Err(Error::invalid(
                        "$.locale",
                        format!("unknown locale `{other}`; accepted: zh-CN, en"),
                    ))
                }
            };
        }
        if let Some(max) = r.opt::<u64>("max_input_bytes")? {
            if max == 0 || max > (1 << 30) {
                return Err(Error::invalid(
                    "$.max_input_bytes",
                    "must be between 1 and 1073741824",
                ));
            }
            engine.max_input_bytes = max as usize;
        }
        if let Some(calendar) = r.take("calendar") {
            engine.settings.calendar = read_calendar(engine.settings.calendar, calendar)?;
        }
        if let Some(periodic) = r.take("periodic_months") {
            let mut p = ObjectReader::new("$.periodic_months", periodic)?;
            for kind in AssessmentKind::ALL {
                if let Some(months) = p.opt::<u32>(kind.as_str())? {
                    if !(1..=120).contains(&months) {
                        return Err(Error::invalid(
                            p.path_of(kind.as_str()),
                            "must be between 1 and 120 months",
                        ));
                    }
                    engine.settings.periodic_months.insert(*kind, months);
                }
            }
            p.deny_rest()?;
        }
        r.deny_rest()?;
        Ok(engine)
    }

    pub fn max_input_bytes(&self) -> usize {
        self.max_input_bytes
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    // ---- typed API ----

    /// Judges `event` on `project`: accepted with the new record, or refused with the record unchanged.
    pub fn apply(&self, project: &Project, event: &Event) -> (ApplyResult, Option<Project>) {
        let findings = self.findings(project, event);
        let state_before = project.state;
        if findings.iter().any(Finding::is_blocking) {
            let result = ApplyResult {
                accepted: false,
                state_before,
                state_after: state_before,
                findings,
                project: project.to_value(),
            };
            return (result, None);
        }
        let next = self.accept(project.clone(), event, &findings);
        let result = ApplyResult {
            accepted: true,
            state_before,
            state_after: next.state,
            findings,
            project: next.to_value(),
        };
        (result, Some(next))
    }

    /// What `apply` finds about `event` on `project`, without applying it: the
    /// event is refused exactly when one of these findings is `block`.
    pub fn findings(&self, project: &Project, event: &Event) -> Vec<Finding> {
        let ctx = Ctx::for_event(&self.settings, project, event);
        let applies = |r: &Rule| r.applies_to_event(event.kind);
        // Art 47: before 2024-07-01 only the state machine judges: the structural
        // rules (no article), the scope (Art 2, "on every event") and the Art 47 note.
        // Gate rules of other articles (Art 16, 19, 22, 44 …) give way to the
        // structural rules, which then judge those cases themselves.
        let in_force = event.date >= rules::in_force_from();
        let gate = |r: &Rule| applies(r) && (in_force || matches!(r.article, None | Some(2 | 47)));
        let mut findings = self.evaluate(&ctx, Stage::Gate, gate);
        let refused_at_gate = findings.iter().any(Finding::is_blocking);
        if !refused_at_gate && in_force {
            findings.extend(self.evaluate(&ctx, Stage::Content, applies));
        }
        self.note_unknown_calendar(&ctx, &mut findings);
        findings
    }

    /// The record after an accepted `event`: its effects, then the history entry.
    /// Takes the record by value, so `apply_json` does not copy its history
    /// (issue 9): only what the entry binds of the record before the event is kept.
    fn accept(&self, mut next: Project, event: &Event, findings: &[Finding]) -> Project {
        let before = Project {
            attrs: next.attrs.clone(),
            state: next.state,
            kernel: next.kernel.clone(),
            history: std::mem::take(&mut next.history),
            extra: BTreeMap::new(),
        };
        apply_effects(&mut next, event);
        let ids = findings.iter().map(|f| f.rule.to_string()).collect();
        // `append` reads the history of `before` and pushes the new entry onto `next`'s.
        history::append(&before, &mut next, event, ids);
        let mut history = before.history;
        history.append(&mut next.history);
        next.history = history;
        next
    }

    /// What the project breaches and what is due, as of `options.as_of`.
    pub fn check(&self, project: &Project, options: &CheckOptions) -> CheckResult {
        let ctx = Ctx::for_check(&self.settings, project, options.as_of);
        let mut findings = self.evaluate(&ctx, Stage::Gate, |r| r.check);
        findings.extend(self.evaluate(&ctx, Stage::Content, |r| r.check));
        let mut deadlines: Vec<Deadline> = rules::catalogue()
            .iter()
            .filter_map(|r| r.deadlines.map(|f| (r, f)))
            .flat_map(|(r, f)| {
                f(&ctx).into_iter().map(move |d| Deadline {
                    rule: r.id,
                    event: d.event,
                    due: d.date,
                })
            })
            .collect();
        deadlines.sort_by(|a, b| (a.due, a.rule).cmp(&(b.due, b.rule)));
        self.note_unknown_calendar(&ctx, &mut findings);
        let in_scope = !project.attrs.classified && !project.attrs.funding.is_empty();
        let allowed_events = if in_scope {
            lifecycle::allowed_events(project, options.actor.as_ref())
        } else {
            Vec::new()
        };
        CheckResult {
            project_id: project.attrs.id.clone(),
            state: project.state,
            in_scope,
            findings,
            deadlines,
            allowed_events,
        }
    }

    pub fn verify(&self, project: &Project) -> VerifyReport {
        history::verify(project, self.settings.locale)
    }

    fn evaluate(&self, ctx: &Ctx, stage: Stage, applies: impl Fn(&Rule) -> bool) -> Vec<Finding> {
        rules::catalogue()
            .iter()
            .filter(|r| r.stage == stage && applies(r))
            .flat_map(|r| {
                (r.eval)(ctx)
                    .into_iter()
                    .map(|hit| r.finding(hit, self.settings.locale))
            })
            .collect()
    }

    fn note_unknown_calendar(&self, ctx: &Ctx, findings: &mut Vec<Finding>) {
        if !ctx.used_unknown_calendar() {
            return;
        }
        let years = self.settings.calendar.known_years();
        let known = years
            .iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let hit = Hit::new(
            format!("期限计算涉及日历未收录的年份（已收录：{known}），已按周一至周五为工作日推算；请在引擎配置 calendar 中补充该年的国务院节假日安排。"),
            format!("A deadline depends on a year the calendar does not know (known: {known}); Monday to Friday were assumed to be working days. Add that year's State Council holiday notice to the engine config `calendar`."),
        );
        if let Some(rule) = rules::find(CALENDAR_YEAR_UNKNOWN) {
            findings.push(rule.finding(hit, self.settings.locale));
        }
    }

    // ---- JSON API (what the C ABI calls) ----

    fn parse_json(&self, what: &str, text: &str) -> Result<Value> {
        if text.len() > self.max_input_bytes {
            return Err(Error::too_large(what, text.len(), self.max_input_bytes));
        }
        serde_json::from_str(text).map_err(|e| Error::json(what, &e))
    }

    pub fn parse_project(&self, project_json: &str) -> Result<Project> {
        Project::from_value(self.parse_json("the project record", project_json)?)
    }

    pub fn parse_event(&self, event_json: &str) -> Result<Event> {
        Event::from_value("$", self.parse_json("the event", event_json)?)
    }

    pub fn parse_check_options(&self, options_json: &str) -> Result<CheckOptions> {
        let mut r = ObjectReader::new("$", self.parse_json("the check options", options_json)?)?;
        let as_of = r.date("as_of")?;
        let actor_path = r.path_of("actor");
        let actor = r
            .take("actor")
            .map(|v| Actor::from_value(&actor_path, v))
            .transpose()?;
        r.deny_rest()?;
        Ok(CheckOptions { as_of, actor })
    }

    pub fn apply_json(&self, project_json: &str, event_json: &str) -> Result<String> {
        // The same as `apply`, without its copies (issue 9): the record is read
        // once and moved through; the result is built from it.
        let project = self.parse_project(project_json)?;
        let event = self.parse_event(event_json)?;
        let findings = self.findings(&project, &event);
        let state_before = project.state;
        if findings.iter().any(Finding::is_blocking) {
            // A refused event returns the record exactly as received: read it
            // again here rather than keep a copy of every record for the refusals.
            let result = ApplyResult {
                accepted: false,
                state_before,
                state_after: state_before,
                findings,
                project: self.parse_json("the project record", project_json)?,
            };
            return Ok(to_json(&result));
        }
        let next = self.accept(project, &event, &findings);
        let result = ApplyResult {
            accepted: true,
            state_before,
            state_after: next.state,
            findings,
            project: next.document(),
        };
        Ok(to_json(&result))
    }

    pub fn check_json(&self, project_json: &str, options_json: Option<&str>) -> Result<String> {
        let project = self.parse_project(project_json)?;
        let options = options_json
            .map(|o| self.parse_check_options(o))
            .transpose()?
            .unwrap_or_default();
        Ok(to_json(&self.check(&project, &options)))
    }

    pub fn verify_json(&self, project_json: &str) -> Result<String> {
        // Entries are read leniently: an unreadable entry is a problem to report, not an input error.
        let value = self.parse_json("the project record", project_json)?;
        Ok(to_json(&history::verify_value(
            value,
            self.settings.locale,
        )?))
    }

    pub fn day_info_json(&self, date: &str) -> Result<String> {
        let date = Date::parse(date).map_err(|m| Error::invalid("date", m))?;
        Ok(to_json(&self.settings.calendar.day_info(date.0)))
    }

    pub fn add_working_days_json(&self, date: &str, days: i32) -> Result<String> {
        let date = Date::parse(date).map_err(|m| Error::invalid("date", m))?;
        // The answer must itself be a `YYYY-MM-DD` date (years 0000-9999).
        let result = self
            .settings
            .calendar
            .add_working_days_checked(date.0, days)
            .filter(|r| (0..=9999).contains(&chrono::Datelike::year(&r.date)))
            .ok_or_else(|| {
                Error::invalid("days", format!("{days} working days from {date} is out of range (at most {MAX_WORKING_DAYS} either way, and within the years 0000-9999)"))
            })?;
        Ok(to_json(&result))
    }

    pub fn rules_json(&self) -> String {
        to_json(&rules::rule_infos())
    }
}

fn read_calendar(mut calendar: Calendar, value: Value) -> Result<Calendar> {
    let Value::Object(years) = value else {
        return Err(Error::invalid(
            "$.calendar",
            "expected an object of years: {\"2027\": {\"holidays\": [...], \"workdays\": [...]}}",
        ));
    };
    for (key, spec) in years {
        let path = format!("$.calendar.{key}");
        // Exactly four digits: `+2027`, `02027` or ` 2027` are not year keys.
        let year: i32 = Some(key.as_str())
            .filter(|k| k.len() == 4 && k.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|k| k.parse().ok())
            .filter(|y| (1900..=2200).contains(y))
            .ok_or_else(|| Error::invalid(&path, "is not a year (YYYY) between 1900 and 2200"))?;
        let mut r = ObjectReader::new(&path, spec)?;
        let holidays: Vec<Date> = r.list("holidays")?;
        let workdays: Vec<Date> = r.list("workdays")?;
        r.deny_rest()?;
        let rules = YearRules {
            holidays: holidays.iter().map(|d| d.0).collect(),
            workdays: workdays.iter().map(|d| d.0).collect(),
        };
        rules.validate(year).map_err(|m| Error::invalid(&path, m))?;
        calendar = calendar.with_year(year, rules);
    }
    Ok(calendar)
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("result documents serialise")
}
