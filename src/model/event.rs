//! Events (CONTRACT §3): what happened, when, by whom, with what data.
//!
//! `data` is read into `EventData` up front, so a malformed value anywhere is an
//! input error naming its path (`$.data.notice_date`) before any rule runs. The
//! event is also kept as received, because history binds exactly that.

use super::project::BaselineValues;
use super::reader::{FieldReader, ObjectReader};
use super::values::{Date, Money};
use super::vocab::*;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl Actor {
    /// Reads an actor (`{"role": …, "unit": …}`) at `path`. Other keys (an OA
    /// system's user id or name) are allowed and kept in the event as received,
    /// so history records who acted; a misspelt `unit` still fails `auth.unit_mismatch`.
    /// Used by events and `check` options.
    pub fn from_value(path: &str, value: Value) -> Result<Actor> {
        let mut a = ObjectReader::new(path, value)?;
        let actor = Actor {
            role: a.req("role")?,
            unit: a.opt("unit")?,
        };
        Ok(actor)
    }
}

/// The keys of `data` the kernel reads (`EventData`), in contract order.
pub const EVENT_DATA_KEYS: &[&str] = &[
    "documents",
    "method",
    "notice_date",
    "supplier",
    "clauses",
    "legal_review",
    "legal_counsel",
    "implementation_months",
    "warranty_months",
    "warranty_justification",
    "implementing_agency",
    "responsible_person",
    "aspects",
    "proposed",
    "spent_yuan",
    "new_deadline",
    "actual_cost_yuan",
    "delegated",
    "rectification_deadline",
    "year",
    "result",
    "kind",
    "data_shared",
    "unified_infrastructure",
    "crypto_compliant",
    "security_compliant",
    "major_security_risk",
    "order_id",
    "issues",
    "deadline",
    "compliant",
    "copied_to_big_data_center",
    "article",
];

/// The known keys of `data`, typed. Absent keys are `None`/empty/false.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventData {
    pub documents: Vec<DocumentKind>,
    pub method: Option<ProcurementMethod>,
    pub notice_date: Option<Date>,
    pub supplier: Option<String>,
    pub clauses: Vec<Clause>,
    pub legal_review: bool,
    pub legal_counsel: Option<String>,
    pub implementation_months: Option<u32>,
    pub warranty_months: Option<u32>,
    pub warranty_justification: Option<String>,
    pub implementing_agency: Option<String>,
    pub responsible_person: Option<String>,
    pub aspects: Vec<BaselineAspect>,
    pub proposed: Option<BaselineValues>,
    pub spent_yuan: Option<Money>,
    pub new_deadline: Option<Date>,
    pub actual_cost_yuan: Option<Money>,
    pub delegated: bool,
    pub rectification_deadline: Option<Date>,
    pub year: Option<i32>,
    pub result: Option<EvaluationResult>,
    pub kind: Option<AssessmentKind>,
    pub data_shared: Option<bool>,
    pub unified_infrastructure: Option<bool>,
    pub crypto_compliant: Option<bool>,
    pub security_compliant: Option<bool>,
    pub major_security_risk: Option<bool>,
    pub order_id: Option<String>,
    pub issues: Vec<String>,
    pub deadline: Option<Date>,
    pub compliant: Option<bool>,
    pub copied_to_big_data_center: bool,
    /// The article a sanction rests on: `notify_criticism` with 45 is Art 45's
    /// criticism for serious consequences, which needs no rectification order.
    pub article: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub kind: EventType,
    pub date: Date,
    pub actor: Actor,
    pub data: EventData,
    /// The event exactly as received (what history binds).
    pub raw: Value,
}

impl Event {
    pub fn from_value(path: &str, value: Value) -> Result<Event> {
        // Read in place: the event is kept whole in `raw` (issue 9: no copy per event).
        let r = FieldReader::new(path, &value)?;
        let kind: EventType = r.req("type")?;
        let date = r.req_date("date")?;
        let actor_path = r.path_of("actor");
        let actor = match r.get("actor") {
            Some(v) => Actor::from_value(&actor_path, v.clone())?,
            None => return Err(Error::invalid(&actor_path, "is required")),
        };
        let data_path = r.path_of("data");
        let data = match r.get("data") {
            None => EventData::default(),
            Some(v) => EventData::read(&data_path, v)?,
        };
        let raw = value;
        let event = Event {
            kind,
            date,
            actor,
            data,
            raw,
        };
        event.require_data(&data_path)?;
        Ok(event)
    }

    /// Data the kernel cannot do without for this event type.
    fn require_data(&self, data_path: &str) -> Result<()> {
        let d = &self.data;
        let missing = |key: &str| {
            Err(Error::invalid(
                format!("{data_path}.{key}"),
                format!("is required for `{}`", self.kind),
            ))
        };
        match self.kind {
            EventType::StartProcurement if d.method.is_none() => missing("method"),
            EventType::AwardBid if d.notice_date.is_none() => missing("notice_date"),
            EventType::RequestExtension | EventType::ApproveExtension
                if d.new_deadline.is_none() =>
            {
                missing("new_deadline")
            }
            EventType::FailFinalAcceptance if d.rectification_deadline.is_none() => {
                missing("rectification_deadline")
            }
            EventType::SubmitSelfEvaluation | EventType::RequestOmFunding if d.year.is_none() => {
                missing("year")
            }
            EventType::CompletePostEvaluation if d.result.is_none() => missing("result"),
            EventType::RecordAssessment if d.kind.is_none() => missing("kind"),
            EventType::OrderRectification if d.order_id.is_none() => missing("order_id"),
            EventType::OrderRectification if d.deadline.is_none() => missing("deadline"),
            EventType::CompleteRectification if d.order_id.is_none() => missing("order_id"),
            EventType::RequestChange if d.proposed.is_none() => missing("proposed"),
            _ => Ok(()),
        }
    }

    /// Documents on file once this event is accepted: its own, plus those it implies.
    pub fn filed_documents(&self) -> Vec<DocumentKind> {
        let mut docs = self.data.documents.clone();
        let implied = match self.kind {
            EventType::FileResponsibilityLetter => Some(DocumentKind::ResponsibilityLetter),
            EventType::SubmitSelfEvaluation => Some(DocumentKind::SelfEvaluationReport),
            EventType::RecordAssessment => self.data.kind.and_then(AssessmentKind::document),
            _ => None,
        };
        docs.extend(implied);
        docs
    }
}

impl EventData {
    fn read(path: &str, value: &Value) -> Result<EventData> {
        let r = FieldReader::new(path, value)?;
        let proposed_path = r.path_of("proposed");
        let proposed = match r.get("proposed") {
            None => None,
            Some(v) => {
                let mut p = ObjectReader::new(&proposed_path, v.clone())?;
                let values = BaselineValues {
                    goals: p.opt("goals")?,
                    location: p.opt("location")?,
                    content: p.opt("content")?,
                    budget_yuan: p.money("budget_yuan")?,
                    planned_completion: p.date("planned_completion")?,
                };
                p.deny_rest()?;
                Some(values)
            }
        };
        let data = EventData {
            documents: r.list("documents")?,
            method: r.opt("method")?,
            notice_date: r.date("notice_date")?,
            supplier: r.opt("supplier")?,
            clauses: r.list("clauses")?,
            legal_review: r.bool_or("legal_review", false)?,
            legal_counsel: r.opt("legal_counsel")?,
            implementation_months: r.opt("implementation_months")?,
            warranty_months: r.opt("warranty_months")?,
            warranty_justification: r.opt("warranty_justification")?,
            implementing_agency: r.opt("implementing_agency")?,
            responsible_person: r.opt("responsible_person")?,
            aspects: r.list("aspects")?,
            proposed,
            spent_yuan: r.money("spent_yuan")?,
            new_deadline: r.date("new_deadline")?,
            actual_cost_yuan: r.money("actual_cost_yuan")?,
            delegated: r.bool_or("delegated", false)?,
            rectification_deadline: r.date("rectification_deadline")?,
            year: r.opt("year")?,
            result: r.opt("result")?,
            kind: r.opt("kind")?,
            data_shared: r.opt("data_shared")?,
            unified_infrastructure: r.opt("unified_infrastructure")?,
            crypto_compliant: r.opt("crypto_compliant")?,
            security_compliant: r.opt("security_compliant")?,
            major_security_risk: r.opt("major_security_risk")?,
            order_id: r.opt("order_id")?,
            issues: r.list("issues")?,
            deadline: r.date("deadline")?,
            compliant: r.opt("compliant")?,
            copied_to_big_data_center: r.bool_or("copied_to_big_data_center", false)?,
            article: r.opt("article")?,
        };
        // Other keys in `data` are the host's own: kept in `raw`, ignored here.
        Ok(data)
    }
}
