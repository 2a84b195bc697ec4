//! Findings and the result documents (CONTRACT §3).

use super::values::Date;
use super::vocab::{EventType, Severity, State};
use serde::Serialize;
use serde_json::Value;

/// One thing a rule found, citing the article it rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub article: Option<u8>,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// In the engine's locale.
    pub message: String,
    pub message_en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
}

impl Finding {
    pub fn is_blocking(&self) -> bool {
        self.severity == Severity::Block
    }
}

/// An obligation with its due date: what an OA system shows as a to-do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub rule: &'static str,
    pub event: EventType,
    pub due: Date,
}

/// The result of `apply`. `P` is how the record is held: a `Value`, or (inside
/// `Engine::apply_json`) a view that writes the record without building one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ApplyResult<P = Value> {
    pub accepted: bool,
    pub state_before: State,
    pub state_after: State,
    pub findings: Vec<Finding>,
    pub project: P,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckResult {
    pub project_id: String,
    pub state: State,
    pub in_scope: bool,
    pub findings: Vec<Finding>,
    pub deadlines: Vec<Deadline>,
    pub allowed_events: Vec<EventType>,
}
