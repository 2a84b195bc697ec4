//! Events (CONTRACT §3): what happened, when, by whom, with what data.
//!
//! Every key of an event's `data` is declared once, in [`EventData`], with the
//! events that carry it and whether they cannot do without it. An event is read
//! straight from its text: a malformed value anywhere is an input error naming
//! its path (`$.data.notice_date`) before any rule runs; a key the event does not
//! carry is the host's own (kept in the event as received, invisible to rules,
//! and listed in [`EventFacts::unknown_data_keys`]).

use super::canonical::{is_canonical, Canonical};
use super::decl::{document, object_reader, Describe, FieldInfo, Key, List, Need, Policy, Uses};
use super::project::BaselineValues;
use super::read::At;
use super::values::{Date, Money, Whole};
use super::vocab::*;
use crate::error::{Error, Result};
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::Deserializer;
use serde_json::value::RawValue;
use serde_json::Value;
use std::fmt;
use EventType as E;
use Need::{Optional as Opt, Required as Req};

document! {
    /// Who acted: a role and, for a construction unit, its unit. The host may add
    /// its own keys (a user id or name): they are kept in the event as received.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct Actor [open] {
        role: Role = Role::ConstructionUnit, Required, "办理部门（角色）" / "role";
        /// The acting unit: for a construction unit, the project's owner (or lead) unit.
        unit: Option<String> = None, Omit, "办理单位" / "unit";
    }
}

document! {
    /// The data an event carries. Absent keys are `None`/empty/false.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct EventData [open] {
        /// Documents filed with the event; once filed, a document stays on file.
        documents: List<DocumentKind> = List::default(), Omit, "随附材料" / "documents", Uses::All;
        /// The procurement method used (Art 28).
        method: Option<ProcurementMethod> = None, Omit, "采购方式" / "procurement method",
            Uses::Only(&[(E::StartProcurement, Req)]);
        /// The date the award notice was issued (Art 28).
        notice_date: Option<Date> = None, Omit, "中标（成交）通知书发出日期" / "award notice date",
            Uses::Only(&[(E::AwardBid, Req)]);
        supplier: Option<String> = None, Omit, "中标（成交）供应商" / "supplier",
            Uses::Only(&[(E::AwardBid, Opt)]);
        /// The clauses the contract contains (Art 29, 30).
        clauses: List<Clause> = List::default(), Omit, "合同条款" / "contract clauses",
            Uses::Only(&[(E::SignContract, Opt)]);
        /// The contract passed a legality review (Art 29).
        legal_review: bool = false, Omit, "是否经合法性审查" / "legality review done",
            Uses::Only(&[(E::SignContract, Opt)]);
        /// The dedicated legal counsel (Art 29).
        legal_counsel: Option<String> = None, Omit, "专门法律顾问" / "legal counsel",
            Uses::Only(&[(E::SignContract, Opt)]);
        implementation_months: Option<Whole<u32>> = None, Omit, "实施周期（月）" / "implementation period (months)",
            Uses::Only(&[(E::SignContract, Opt)]);
        warranty_months: Option<Whole<u32>> = None, Omit, "质保期（月）" / "warranty (months)",
            Uses::Only(&[(E::SignContract, Opt)]);
        /// Why the warranty is shorter than 2 years (Art 30).
        warranty_justification: Option<String> = None, Omit, "质保期不足2年的理由" / "warranty justification",
            Uses::Only(&[(E::SignContract, Opt)]);
        implementing_agency: Option<String> = None, Omit, "项目实施机构" / "implementing agency",
            Uses::Only(&[(E::StartImplementation, Opt)]);
        responsible_person: Option<String> = None, Omit, "项目责任人" / "responsible person",
            Uses::Only(&[(E::StartImplementation, Opt)]);
        /// The baseline aspects a change concerns (Art 33).
        aspects: List<BaselineAspect> = List::default(), Omit, "调整事项" / "aspects",
            Uses::Only(&[(E::RequestChange, Opt)]);
        /// The values the change proposes (Art 33).
        proposed: Option<BaselineValues> = None, Omit, "调整后的值" / "proposed values",
            Uses::Only(&[(E::RequestChange, Req)]);
        /// Cumulative spending so far (Art 31, 33).
        spent_yuan: Option<Money> = None, Omit, "累计支出（元）" / "spent so far (yuan)",
            Uses::Only(&[(E::ReportProgress, Opt)]);
        /// The new final-acceptance deadline (Art 35).
        new_deadline: Option<Date> = None, Omit, "延期至" / "new deadline",
            Uses::Only(&[(E::RequestExtension, Req), (E::ApproveExtension, Req), (E::RejectExtension, Opt)]);
        /// The actual cost found at final acceptance (Art 25).
        actual_cost_yuan: Option<Money> = None, Omit, "实际投资（元）" / "actual cost (yuan)",
            Uses::Only(&[(E::PassFinalAcceptance, Opt)]);
        /// Read from 0.1 records, no longer sufficient: the centre delegates with
        /// `delegate_final_acceptance` (Art 34).
        delegated: bool = false, Omit, "是否受委托组织验收" / "delegated",
            Uses::Only(&[(E::PassFinalAcceptance, Opt)]);
        /// The third party's unit commissioned for the post-evaluation (Art 36: 委托第三方).
        evaluator: Option<String> = None, Omit, "受托评价机构" / "evaluator",
            Uses::Only(&[(E::CommissionPostEvaluation, Req)]);
        /// The rectification deadline after a failed final acceptance (Art 35).
        rectification_deadline: Option<Date> = None, Omit, "整改期限" / "rectification deadline",
            Uses::Only(&[(E::FailFinalAcceptance, Req)]);
        /// The year of operation (Art 25, 36).
        year: Option<Whole<i32>> = None, Omit, "年度" / "year",
            Uses::Only(&[(E::SubmitSelfEvaluation, Req), (E::RequestOmFunding, Req)]);
        /// The post-evaluation result (Art 36).
        result: Option<EvaluationResult> = None, Omit, "后评价结果" / "result",
            Uses::Only(&[(E::CompletePostEvaluation, Req)]);
        /// Which assessment was done (Art 38, 39).
        kind: Option<AssessmentKind> = None, Omit, "评估类型" / "assessment kind",
            Uses::Only(&[(E::RecordAssessment, Req)]);
        /// Data resources pooled, shared and opened as required (Art 25).
        data_shared: Option<bool> = None, Omit, "是否已按要求汇聚共享开放数据资源" / "data shared",
            Uses::Only(&[(E::RequestOmFunding, Opt)]);
        /// The city's unified government IT infrastructure used (Art 25).
        unified_infrastructure: Option<bool> = None, Omit, "是否使用全市统一政务信息基础设施" / "unified infrastructure used",
            Uses::Only(&[(E::RequestOmFunding, Opt)]);
        crypto_compliant: Option<bool> = None, Omit, "是否符合密码应用要求" / "cryptography compliant",
            Uses::Only(&[(E::RequestOmFunding, Opt)]);
        security_compliant: Option<bool> = None, Omit, "是否符合网络安全要求" / "network security compliant",
            Uses::Only(&[(E::RequestOmFunding, Opt)]);
        major_security_risk: Option<bool> = None, Omit, "是否存在重大安全隐患" / "major security risk",
            Uses::Only(&[(E::RequestOmFunding, Opt)]);
        /// The rectification order concerned (Art 41).
        order_id: Option<String> = None, Omit, "整改通知编号" / "order number",
            Uses::Only(&[(E::OrderRectification, Req), (E::CompleteRectification, Req), (E::ConfirmRectification, Req)]);
        /// What must be rectified (Art 41), or the grounds of an Art 45 criticism.
        issues: List<String> = List::default(), Omit, "整改事项（或通报事由）" / "issues",
            Uses::Only(&[(E::OrderRectification, Opt), (E::NotifyCriticism, Opt)]);
        /// The rectification deadline (Art 41).
        deadline: Option<Date> = None, Omit, "整改期限" / "deadline",
            Uses::Only(&[(E::OrderRectification, Req)]);
        /// The ordering department's judgement (Art 41). On `complete_rectification`
        /// (as 0.1 wrote it) it decides nothing.
        compliant: Option<bool> = None, Omit, "整改是否符合要求" / "compliant",
            Uses::Only(&[(E::CompleteRectification, Opt), (E::ConfirmRectification, Req)]);
        /// The approval was copied to the big-data centre (Art 16, 22: 抄送).
        copied_to_big_data_center: bool = false, Omit, "是否已抄送市大数据中心" / "copied to the big-data centre",
            Uses::Only(&[(E::Approve, Opt), (E::ApproveBudget, Opt)]);
        /// The article a sanction rests on: 45 for Art 45's criticism, which needs no rectification order.
        article: Option<Whole<u8>> = None, Omit, "依据条款" / "article",
            Uses::Only(&[(E::NotifyCriticism, Opt)]);
    }
}

/// Data keys read only from 0.1 records, where they decided what they no longer do:
/// a form does not offer them (Art 34: the centre delegates; Art 41: the issuer confirms).
const LEGACY: &[(EventType, &str)] = &[
    (E::CompleteRectification, "compliant"),
    (E::PassFinalAcceptance, "delegated"),
];

impl EventData {
    /// The fields a form for `event` offers: its data fields but `documents`
    /// (listed apart) and the keys read only from 0.1 records.
    pub fn form_fields_of(
        event: EventType,
    ) -> impl Iterator<Item = (&'static super::decl::FieldInfo, Need)> {
        EventData::fields_of(event)
            .filter(move |(f, _)| f.key != "documents" && !LEGACY.contains(&(event, f.key)))
    }

    /// The data fields `event` carries, with whether it needs each.
    pub fn fields_of(
        event: EventType,
    ) -> impl Iterator<Item = (&'static super::decl::FieldInfo, Need)> {
        EventData::FIELDS
            .iter()
            .filter_map(move |f| f.uses.by(event).map(|need| (f, need)))
    }
}

/// What an event says: its type, its date, who acted and what it carries. A
/// recorded event (in a history entry) is this; its text is its entry's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventFacts {
    pub kind: EventType,
    pub date: Date,
    pub actor: Actor,
    pub data: EventData,
    /// Keys of `data` this event does not carry (the host's own, or misspelt).
    pub unknown_data_keys: Vec<String>,
}

/// An event as received: what it says, and its text in canonical form, which
/// its history entry binds.
#[derive(Clone, Debug)]
pub struct Event {
    pub facts: EventFacts,
    pub raw: Box<RawValue>,
}

impl std::ops::Deref for Event {
    type Target = EventFacts;
    fn deref(&self) -> &EventFacts {
        &self.facts
    }
}

/// The keys of an event (CONTRACT §3).
const TYPE: &str = "type";
const DATE: &str = "date";
const ACTOR: &str = "actor";
const DATA: &str = "data";

impl Event {
    /// The members of an event, declared once for the reader, the schema and the docs.
    pub const FIELDS: &'static [FieldInfo] = &[
        FieldInfo::member(TYPE, ("事项", "event type"), "What happened (docs/lifecycle.md).", Policy::Required, EventType::describe),
        FieldInfo::member(DATE, ("办理日期", "date"), "The day it happened.", Policy::Required, Date::describe),
        FieldInfo::member(ACTOR, ("办理部门", "actor"), "Who acted. A construction unit acts only for its own project (or, cross-department, its lead department's).", Policy::Required, Actor::describe),
        FieldInfo::member(DATA, ("办理内容", "data"), "What the event carries: each event's keys are declared in `EventData`.", Policy::Omit, EventData::describe),
    ];
}

impl PartialEq for Event {
    fn eq(&self, other: &Event) -> bool {
        self.facts == other.facts && self.raw.get() == other.raw.get()
    }
}

impl Eq for Event {}

impl Event {
    /// Reads an event from its JSON text.
    pub fn parse(text: &str) -> Result<Event> {
        Event::parse_at("$", text)
    }

    /// Reads an event whose paths start at `path`, and keeps it in canonical
    /// form, which is what its history entry binds. (Read into its types from
    /// the text: a `Value` would turn some numbers into binary floating point.)
    pub fn parse_at(path: &str, text: &str) -> Result<Event> {
        let at = || path.to_string();
        let read: Read = super::read::parse_at(&at, "the event", text)?;
        // Text already canonical (as a canonical writer sends it) is kept as it is.
        let raw = if is_canonical(text) {
            RawValue::from_string(text.to_owned()).expect("the event was read")
        } else {
            let value: Value = super::read::parse_at(&at, "the event", text)?;
            serde_json::value::to_raw_value(&Canonical(&value)).expect("a JSON value serialises")
        };
        Ok(Event {
            facts: read.finish(&at)?,
            raw,
        })
    }

    /// Reads an event from a JSON value (tests and tools; the kernel reads text).
    pub fn from_value(path: &str, value: Value) -> Result<Event> {
        Event::parse_at(path, &value.to_string())
    }
}

impl EventFacts {
    /// An event with no data, as a next step is judged before its form is filled.
    pub fn probe(kind: EventType, date: Date, actor: Actor) -> EventFacts {
        EventFacts {
            kind,
            date,
            actor,
            data: EventData::default(),
            unknown_data_keys: Vec::new(),
        }
    }

    /// Documents on file once this event is accepted: its own, plus those it implies.
    pub fn filed_documents(&self) -> Vec<DocumentKind> {
        let mut docs = self.data.documents.to_vec();
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

/// An event as read, before it is checked against its type.
#[derive(Default)]
pub(super) struct Read {
    kind: Option<EventType>,
    date: Option<Date>,
    actor: Option<Actor>,
    data: EventData,
    data_seen: u64,
    unknown_data_keys: Vec<String>,
}

impl Read {
    /// Checks what the event type needs, and drops the data it does not carry.
    pub(super) fn finish(mut self, path: At) -> Result<EventFacts> {
        let required = |key: &str, what: &str| {
            Error::invalid(format!("{}.{key}", path()), format!("is required ({what})"))
        };
        let kind = self.kind.ok_or_else(|| required(TYPE, "an event type"))?;
        let date = self
            .date
            .ok_or_else(|| required(DATE, "a date YYYY-MM-DD"))?;
        let actor = self.actor.ok_or_else(|| required(ACTOR, "who acted"))?;
        let mut missing = Vec::new();
        for (bit, field) in EventData::FIELDS.iter().enumerate() {
            let present = self.data_seen & (1 << bit) != 0;
            match field.uses.by(kind) {
                Some(Need::Required) if !present => missing.push(Error::invalid(
                    format!("{}.data.{}", path(), field.key),
                    format!("is required for `{kind}` ({})", field.label_en),
                )),
                None if present => {
                    self.data.reset(field.key);
                    self.unknown_data_keys.push(field.key.to_string());
                }
                _ => {}
            }
        }
        if let Some(e) = Error::all(missing) {
            return Err(e);
        }
        Ok(EventFacts {
            kind,
            date,
            actor,
            data: self.data,
            unknown_data_keys: self.unknown_data_keys,
        })
    }
}

object_reader!(Read, "an event object", |map| {
    let mut read = Read::default();
    while let Some(key) = map.next_key::<Key>()? {
        match &*key {
            TYPE => read.kind = map.next_value()?,
            DATE => read.date = map.next_value()?,
            ACTOR => read.actor = map.next_value()?,
            DATA => map.next_value_seed(DataSeed(&mut read))?,
            // The host's own keys: kept in `raw` (read in full, so they are valid JSON).
            _ => {
                map.next_value::<Value>()?;
            }
        }
    }
    Ok(read)
});

/// Reads `data` into the event's typed data, noting the keys nobody declared.
struct DataSeed<'a>(&'a mut Read);

impl<'de> DeserializeSeed<'de> for DataSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for DataSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of event data")
    }
    fn visit_none<E: de::Error>(self) -> std::result::Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> std::result::Result<(), E> {
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let read = self.0;
        while let Some(key) = map.next_key::<Key>()? {
            if !read.data.read_field(&key, &mut map, &mut read.data_seen)? {
                map.next_value::<Value>()?;
                read.unknown_data_keys.push(key.0.into_owned());
            }
        }
        Ok(())
    }
}
