//! The project record (CONTRACT §3): attributes the host declares, fields the
//! kernel maintains, the history, and whatever keys the host keeps of its own.

use super::limits::MAX_HISTORY_ENTRIES;
use super::reader::{parse_at, ObjectReader};
use super::values::{Date, Money};
use super::vocab::*;
use crate::error::{Error, Result};
use crate::history::HistoryEntry;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// What the host declares (and may edit while the project is a `draft`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attributes {
    pub id: String,
    pub name: String,
    pub owner_unit: String,
    pub classified: bool,
    pub funding: Vec<Funding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    pub is_new: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goals: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget_yuan: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_budget_yuan: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub procurement_method: Option<ProcurementMethod>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned_completion: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
    pub platforms: Vec<Platform>,
    pub app_types: Vec<AppType>,
    pub shared_use: bool,
    pub integrations: Vec<Integration>,
    pub deploy_on_gov_cloud: bool,
    pub cross_department: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_department: Option<String>,
    pub co_departments: Vec<String>,
    pub co_built_with_jining: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qufu_construction_share_yuan: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qufu_om_share_yuan: Option<Money>,
    pub attached_to_construction: bool,
    pub emergency: bool,
    pub higher_level: Option<HigherLevel>,
    pub priority_categories: Vec<PriorityCategory>,
}

/// The keys of `Attributes`, in record order (also the keys a snapshot binds).
pub const ATTRIBUTE_KEYS: &[&str] = &[
    "id",
    "name",
    "owner_unit",
    "classified",
    "funding",
    "category",
    "is_new",
    "basis",
    "content",
    "goals",
    "location",
    "budget_yuan",
    "security_budget_yuan",
    "procurement_method",
    "planned_completion",
    "audience",
    "platforms",
    "app_types",
    "shared_use",
    "integrations",
    "deploy_on_gov_cloud",
    "cross_department",
    "lead_department",
    "co_departments",
    "co_built_with_jining",
    "qufu_construction_share_yuan",
    "qufu_om_share_yuan",
    "attached_to_construction",
    "emergency",
    "higher_level",
    "priority_categories",
];

impl Attributes {
    /// Reads the declared attributes out of `r`, leaving every other key in it.
    pub fn read(r: &mut ObjectReader) -> Result<Attributes> {
        let attrs = Attributes {
            id: r.req_text("id")?,
            name: r.req_text("name")?,
            owner_unit: r.req_text("owner_unit")?,
            classified: r.bool_or("classified", false)?,
            funding: r.list("funding")?,
            category: r.opt("category")?,
            is_new: r.bool_or("is_new", true)?,
            basis: r.opt("basis")?,
            content: r.opt("content")?,
            goals: r.opt("goals")?,
            location: r.opt("location")?,
            budget_yuan: r.money("budget_yuan")?,
            security_budget_yuan: r.money("security_budget_yuan")?,
            procurement_method: r.opt("procurement_method")?,
            planned_completion: r.date("planned_completion")?,
            audience: r.opt("audience")?,
            platforms: r.list("platforms")?,
            app_types: r.list("app_types")?,
            shared_use: r.bool_or("shared_use", false)?,
            integrations: r.list("integrations")?,
            deploy_on_gov_cloud: r.bool_or("deploy_on_gov_cloud", true)?,
            cross_department: r.bool_or("cross_department", false)?,
            lead_department: r.opt("lead_department")?,
            co_departments: r.list("co_departments")?,
            co_built_with_jining: r.bool_or("co_built_with_jining", false)?,
            qufu_construction_share_yuan: r.money("qufu_construction_share_yuan")?,
            qufu_om_share_yuan: r.money("qufu_om_share_yuan")?,
            attached_to_construction: r.bool_or("attached_to_construction", false)?,
            emergency: r.bool_or("emergency", false)?,
            higher_level: r.opt("higher_level")?,
            priority_categories: r.list("priority_categories")?,
        };
        Ok(attrs)
    }

    /// Parses a snapshot (`history[0].snapshot`) back into attributes.
    pub fn from_value(path: &str, value: Value) -> Result<Attributes> {
        let mut r = ObjectReader::new(path, value)?;
        let attrs = Attributes::read(&mut r)?;
        r.deny_rest()?;
        Ok(attrs)
    }

    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).expect("attributes serialise")
    }

    /// The baseline aspects as they stand in these attributes (Art 33).
    pub fn baseline_values(&self) -> BaselineValues {
        BaselineValues {
            goals: self.goals.clone(),
            location: self.location.clone(),
            content: self.content.clone(),
            budget_yuan: self.budget_yuan,
            planned_completion: self.planned_completion,
        }
    }

    /// The unit allowed to act as `construction_unit` for this project (CONTRACT §3):
    /// the lead department of a cross-department project (Art 15), else the owner unit.
    /// A blank lead department counts as none (Art 15's rule reports it missing), so
    /// an actor with a blank unit can never match.
    pub fn acting_unit(&self) -> &str {
        match (&self.lead_department, self.cross_department) {
            (Some(lead), true) if !lead.trim().is_empty() => lead,
            _ => &self.owner_unit,
        }
    }
}

/// The five attributes Art 33 fixes at 立项.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineValues {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goals: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_yuan: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_completion: Option<Date>,
}

impl BaselineValues {
    /// The aspects where `other` differs from `self`.
    pub fn differences(&self, other: &BaselineValues) -> Vec<BaselineAspect> {
        let mut out = Vec::new();
        if self.goals != other.goals {
            out.push(BaselineAspect::Goals);
        }
        if self.location != other.location {
            out.push(BaselineAspect::Location);
        }
        if self.content != other.content {
            out.push(BaselineAspect::Content);
        }
        if self.budget_yuan != other.budget_yuan {
            out.push(BaselineAspect::BudgetYuan);
        }
        if self.planned_completion != other.planned_completion {
            out.push(BaselineAspect::PlannedCompletion);
        }
        out
    }

    /// The value of one aspect, as text for messages.
    pub fn show(&self, aspect: BaselineAspect) -> String {
        let text = match aspect {
            BaselineAspect::Goals => self.goals.clone(),
            BaselineAspect::Location => self.location.clone(),
            BaselineAspect::Content => self.content.clone(),
            BaselineAspect::BudgetYuan => self.budget_yuan.map(|m| m.display()),
            BaselineAspect::PlannedCompletion => self.planned_completion.map(|d| d.to_string()),
        };
        text.unwrap_or_else(|| "—".to_string())
    }

    /// `self` with the aspects that `change` sets replaced.
    pub fn overlaid(&self, change: &BaselineValues) -> BaselineValues {
        BaselineValues {
            goals: change.goals.clone().or_else(|| self.goals.clone()),
            location: change.location.clone().or_else(|| self.location.clone()),
            content: change.content.clone().or_else(|| self.content.clone()),
            budget_yuan: change.budget_yuan.or(self.budget_yuan),
            planned_completion: change.planned_completion.or(self.planned_completion),
        }
    }
}

/// A change requested under Art 33, awaiting the approving department.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PendingChange {
    pub requested: Date,
    pub aspects: Vec<BaselineAspect>,
    pub proposed: BaselineValues,
}

/// The contract as signed (Art 28–30).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContractInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<ProcurementMethod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation_months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warranty_months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementing_agency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible_person: Option<String>,
}

/// A rectification order under Art 41 (or Art 35 after a failed acceptance).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RectificationOrder {
    pub order_id: String,
    pub issued_by: Role,
    pub issued: Date,
    #[serde(default)]
    pub issues: Vec<String>,
    pub deadline: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compliant: Option<bool>,
}

impl RectificationOrder {
    pub fn is_open(&self) -> bool {
        self.completed.is_none()
    }

    /// Grounds for an Art 41 sanction: overdue as of `on`, or completed but still non-compliant.
    pub fn is_grounds_on(&self, on: Date) -> bool {
        match (self.completed, self.compliant) {
            (Some(_), Some(false)) => true,
            (Some(done), _) => done > self.deadline,
            (None, _) => on > self.deadline,
        }
    }
}

/// A sanction imposed under Art 41.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sanction {
    pub kind: SanctionKind,
    pub date: Date,
}

/// Everything the kernel maintains; the host stores it and passes it back unchanged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KernelFields {
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub documents: BTreeMap<DocumentKind, Date>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub milestones: BTreeMap<Milestone, Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineValues>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending_change: Option<PendingChange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requested_extension: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_extension: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resume_state: Option<State>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract: Option<ContractInfo>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub progress_reports: Vec<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spent_yuan: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_cost_yuan: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acceptance_rectification_deadline: Option<Date>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rectification_orders: Vec<RectificationOrder>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub self_evaluations: BTreeMap<i32, Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_evaluation: Option<EvaluationResult>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub assessments: BTreeMap<AssessmentKind, Date>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sanctions: Vec<Sanction>,
    /// SM3 of the declared attributes as the last history entry left them (see `history`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes_digest: Option<String>,
}

/// The keys of `KernelFields` in the record.
pub const KERNEL_KEYS: &[&str] = &[
    "documents",
    "milestones",
    "baseline",
    "pending_change",
    "requested_extension",
    "approved_extension",
    "resume_state",
    "contract",
    "progress_reports",
    "spent_yuan",
    "actual_cost_yuan",
    "acceptance_rectification_deadline",
    "rectification_orders",
    "self_evaluations",
    "post_evaluation",
    "assessments",
    "sanctions",
    "attributes_digest",
];

/// Reads the kernel-maintained fields. They are read together; only when that
/// fails is each field read alone, so the error names the first bad one
/// (`$.documents`) — the same error as reading each alone first, without
/// copying and reading every field twice on the common path (issue 9).
fn read_kernel_fields(map: serde_json::Map<String, Value>) -> Result<KernelFields> {
    let all = Value::Object(map);
    let whole = match KernelFields::deserialize(&all) {
        Ok(kernel) => return Ok(kernel),
        Err(e) => e,
    };
    for key in KERNEL_KEYS {
        if let Some(v) = all.get(*key) {
            let one: Value = Value::Object([(key.to_string(), v.clone())].into_iter().collect());
            parse_at::<KernelFields>(&format!("$.{key}"), one)?;
        }
    }
    Err(Error::invalid("$", whole.to_string()))
}

struct ProjectDocument<'a>(&'a Project);

impl Serialize for ProjectDocument<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let p = self.0;
        // `to_value`'s map, with a stand-in where the history goes.
        let mut map = match p.attrs.to_value() {
            Value::Object(m) => m,
            _ => unreachable!("attributes serialise to an object"),
        };
        map.insert("state".into(), Value::String(p.state.as_str().into()));
        if let Value::Object(k) = serde_json::to_value(&p.kernel).expect("kernel fields serialise")
        {
            map.extend(k);
        }
        if !p.history.is_empty() {
            map.insert("history".into(), Value::Null);
        }
        for (k, v) in &p.extra {
            map.insert(k.clone(), v.clone());
        }
        let mut out = s.serialize_map(Some(map.len()))?;
        for (key, value) in &map {
            if key == "history" && !p.history.is_empty() {
                out.serialize_entry(key, &HistoryDocument(&p.history))?;
            } else {
                out.serialize_entry(key, value)?;
            }
        }
        out.end()
    }
}

/// The history as `serde_json::to_value` of it would write it: each entry an
/// object whose members come in the order of serde_json's map.
struct HistoryDocument<'a>(&'a [HistoryEntry]);

impl Serialize for HistoryDocument<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for entry in self.0 {
            if *MAPS_ARE_SORTED {
                seq.serialize_element(&SortedEntry(entry))?;
            } else {
                // serde_json keeps insertion order: that of the entry's `Serialize`.
                seq.serialize_element(entry)?;
            }
        }
        seq.end()
    }
}

/// A history entry with its members sorted by key, as a sorted `Map` holds them.
struct SortedEntry<'a>(&'a HistoryEntry);

impl Serialize for SortedEntry<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let e = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("event", &e.event.raw)?;
        m.serialize_entry("findings", &e.findings)?;
        m.serialize_entry("hash", &e.hash)?;
        if let Some(origin) = &e.origin {
            m.serialize_entry("origin", origin)?;
        }
        m.serialize_entry("prev", &e.prev)?;
        m.serialize_entry("seq", &e.seq)?;
        if let Some(snapshot) = &e.snapshot {
            m.serialize_entry("snapshot", snapshot)?;
        }
        m.serialize_entry("state_after", &e.state_after)?;
        m.end()
    }
}

/// Whether serde_json's `Map` sorts its keys (it does unless a crate in the
/// build enables `preserve_order`; then it keeps insertion order).
static MAPS_ARE_SORTED: once_cell::sync::Lazy<bool> = once_cell::sync::Lazy::new(|| {
    let mut m = serde_json::Map::new();
    m.insert("b".into(), Value::Null);
    m.insert("a".into(), Value::Null);
    m.keys().next().map(String::as_str) == Some("a")
});

/// A whole project record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Project {
    pub attrs: Attributes,
    pub state: State,
    pub kernel: KernelFields,
    pub history: Vec<HistoryEntry>,
    /// Keys the host keeps for itself; returned exactly as received.
    pub extra: BTreeMap<String, Value>,
}

impl Project {
    pub fn from_value(value: Value) -> Result<Project> {
        let mut r = ObjectReader::new("$", value)?;
        let attrs = Attributes::read(&mut r)?;
        let state = r.opt("state")?.unwrap_or(State::Draft);
        let mut kernel_map = serde_json::Map::new();
        for key in KERNEL_KEYS {
            if let Some(v) = r.take(key) {
                kernel_map.insert(key.to_string(), v);
            }
        }
        let kernel = read_kernel_fields(kernel_map)?;
        let history = match r.take("history") {
            None => Vec::new(),
            Some(Value::Array(items)) if items.len() > MAX_HISTORY_ENTRIES => {
                return Err(Error::invalid(
                    "$.history",
                    format!(
                        "has {} entries, over the limit of {MAX_HISTORY_ENTRIES}",
                        items.len()
                    ),
                ))
            }
            Some(Value::Array(items)) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| HistoryEntry::from_value(&format!("$.history[{i}]"), v))
                .collect::<Result<Vec<_>>>()?,
            Some(_) => {
                return Err(Error::invalid(
                    "$.history",
                    "expected a list of history entries",
                ))
            }
        };
        Ok(Project {
            attrs,
            state,
            kernel,
            history,
            extra: r.rest(),
        })
    }

    pub fn to_value(&self) -> Value {
        let mut map = match self.attrs.to_value() {
            Value::Object(m) => m,
            _ => unreachable!("attributes serialise to an object"),
        };
        map.insert("state".into(), Value::String(self.state.as_str().into()));
        if let Value::Object(k) =
            serde_json::to_value(&self.kernel).expect("kernel fields serialise")
        {
            map.extend(k);
        }
        if !self.history.is_empty() {
            map.insert(
                "history".into(),
                serde_json::to_value(&self.history).expect("history serialises"),
            );
        }
        for (k, v) in &self.extra {
            map.insert(k.clone(), v.clone());
        }
        Value::Object(map)
    }

    /// The record as `to_value` makes it, written straight to a serializer
    /// without building the `Value` first (issue 9: building it, then dropping
    /// it, was a fifth of `apply_json`). The same members in the same order,
    /// so the same bytes: the map is `to_value`'s own, with the history left out
    /// of it and written in its place.
    pub fn document(&self) -> impl Serialize + '_ {
        ProjectDocument(self)
    }

    pub fn has_document(&self, kind: DocumentKind) -> bool {
        self.kernel.documents.contains_key(&kind)
    }

    pub fn milestone(&self, m: Milestone) -> Option<Date> {
        self.kernel.milestones.get(&m).copied()
    }

    /// The date of the last accepted event, if any.
    pub fn last_event_date(&self) -> Option<Date> {
        self.history.last().map(|h| h.event.date)
    }
}

#[cfg(test)]
mod tests {
    use super::Project;
    use serde_json::Value;

    // `document` replaces `to_value` in `apply_json`: it must write the same bytes.
    #[test]
    fn document_writes_the_bytes_of_to_value() {
        let engine = crate::Engine::new(None).expect("engine");
        let mut record = include_str!("../../examples/projects/public-service.json").to_string();
        let events = [
            r#"{"type":"submit_demand","date":"2025-03-03","actor":{"role":"construction_unit","unit":"曲阜市文化和旅游局"},"data":{"documents":["party_committee_decision"]}}"#,
            r#"{"type":"pass_demand_review","date":"2025-03-17","actor":{"role":"big_data_center"},"data":{"documents":["review_opinion"],"note":"host key"}}"#,
        ];
        for event in events {
            let out: Value =
                serde_json::from_str(&engine.apply_json(&record, event).expect("apply"))
                    .expect("JSON");
            assert_eq!(out["accepted"], true, "{out}");
            record = out["project"].to_string();
            let project =
                Project::from_value(serde_json::from_str(&record).expect("JSON")).expect("record");
            assert!(!project.history.is_empty() && !project.extra.is_empty());
            assert_eq!(
                serde_json::to_string(&project.document()).expect("serialises"),
                serde_json::to_string(&project.to_value()).expect("serialises")
            );
        }
    }
}
