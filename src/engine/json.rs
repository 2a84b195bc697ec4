//! The JSON API: what the C ABI calls. Text in, text out; each input read once,
//! straight into its types.

use super::{CheckOptions, Engine};
use crate::calendar::MAX_WORKING_DAYS;
use crate::error::{Error, Result};
use crate::history;
use crate::model::{read, ApplyResult, Date, Event, Project};
use crate::rules;
use serde::Serialize;

impl Engine {
    /// Refuses `text` over `max_input_bytes`, before reading it.
    fn within_limit(&self, what: &str, text: &str) -> Result<()> {
        if text.len() > self.max_input_bytes {
            return Err(Error::too_large(what, text.len(), self.max_input_bytes));
        }
        Ok(())
    }

    pub fn parse_project(&self, project_json: &str) -> Result<Project> {
        self.read_project(project_json, Project::parse)
    }

    /// `parse_project` for a record only decided on, never written back (`check`,
    /// `preview`): its history entries' text is not kept (`Project::parse_to_decide`).
    pub fn parse_project_to_decide(&self, project_json: &str) -> Result<Project> {
        self.read_project(project_json, Project::parse_to_decide)
    }

    fn read_project(
        &self,
        project_json: &str,
        read: fn(&str) -> Result<Project>,
    ) -> Result<Project> {
        self.within_limit("the project record", project_json)?;
        let project = read(project_json)?;
        let near = |k: &str| crate::rules::near_record_key(k);
        self.refuse_unknown(
            project.extra.keys(),
            "$",
            "a key of the project record",
            near,
        )?;
        Ok(project)
    }

    pub fn parse_event(&self, event_json: &str) -> Result<Event> {
        self.within_limit("the event", event_json)?;
        let event = Event::parse(event_json)?;
        let (kind, what) = (event.kind, format!("data `{}` carries", event.kind));
        let near = |k: &str| crate::rules::near_data_key(k, kind);
        self.refuse_unknown(event.unknown_data_keys.iter(), "$.data", &what, near)?;
        Ok(event)
    }

    /// With `unknown_keys: error`, every key the kernel does not know (but the host's) is an error.
    fn refuse_unknown<'k>(
        &self,
        keys: impl Iterator<Item = &'k String>,
        at: &str,
        what: &str,
        near: impl Fn(&str) -> Option<&'static str>,
    ) -> Result<()> {
        if !self.unknown_keys_refused {
            return Ok(());
        }
        let errors = keys
            .filter(|k| !k.starts_with("x_") && !self.host_keys.contains(k))
            .map(|k| {
                let near = near(k)
                    .map(|n| format!(" (did you mean `{n}`?)"))
                    .unwrap_or_default();
                Error::invalid(
                    format!("{at}.{k}"),
                    format!("is not {what}{near}; the host's own keys start with `x_` or are listed in the engine config `host_keys`"),
                )
            })
            .collect();
        Error::all(errors).map_or(Ok(()), Err)
    }

    pub fn parse_check_options(&self, options_json: &str) -> Result<CheckOptions> {
        self.within_limit("the check options", options_json)?;
        read::parse("the check options", options_json)
    }

    /// `govit_apply`: the decision and the new record, or the record as received when refused.
    pub fn apply_json(&self, project_json: &str, event_json: &str) -> Result<String> {
        let project = self.parse_project(project_json)?;
        let event = self.parse_event(event_json)?;
        let (decision, digest) = self.decide_keeping_digest(&project, &event);
        if !decision.accepted {
            // Refused: the record exactly as received, never rewritten.
            let mut out = to_json(&decision);
            out.pop(); // the closing brace of the decision
            out.push_str(",\"project\":");
            out.push_str(project_json.trim());
            out.push('}');
            return Ok(out);
        }
        let next = super::decide::accept(project, &event, &decision, digest);
        Ok(to_json(&ApplyResult {
            accepted: decision.accepted,
            state_before: decision.state_before,
            state_after: decision.state_after,
            findings: &decision.findings,
            project: &next,
        }))
    }

    /// `govit_preview`: what `apply` would decide, without the new record.
    pub fn preview_json(&self, project_json: &str, event_json: &str) -> Result<String> {
        let project = self.parse_project_to_decide(project_json)?;
        let event = self.parse_event(event_json)?;
        Ok(to_json(&self.decide(&project, &event)))
    }

    pub fn check_json(&self, project_json: &str, options_json: Option<&str>) -> Result<String> {
        let project = self.parse_project_to_decide(project_json)?;
        let options = options_json
            .map(|o| self.parse_check_options(o))
            .transpose()?
            .unwrap_or_default();
        Ok(to_json(&self.check(&project, &options)))
    }

    pub fn verify_json(&self, project_json: &str) -> Result<String> {
        self.within_limit("the project record", project_json)?;
        Ok(to_json(&history::verify_text(
            project_json,
            self.settings.locale,
        )?))
    }

    pub fn verify(&self, project: &Project) -> history::VerifyReport {
        history::verify(project, self.settings.locale)
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
            .filter(|r| (0..=9999).contains(&r.date.year()))
            .ok_or_else(|| {
                Error::invalid("days", format!("{days} working days from {date} is out of range (at most {MAX_WORKING_DAYS} either way, and within the years 0000-9999)"))
            })?;
        Ok(to_json(&result))
    }

    pub fn rules_json(&self) -> String {
        to_json(&rules::rule_infos())
    }
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("result documents serialise")
}
