//! The project record (CONTRACT §3): attributes the host declares, fields the
//! kernel maintains, the history, and whatever keys the host keeps of its own.
//!
//! All of them share the record's top level. The record is read in one pass
//! straight from the text: each key goes to the document that declares it
//! ([`Attributes`], [`KernelFields`]), `state` and `history` are the record's
//! own, and every other key is the host's, kept as it came. History entries are
//! read with their raw text kept ([`History`]) to be written back verbatim, or,
//! for a record only decided on, read straight from it without their text.

use super::decl::{document, object_reader, Key, List, UnknownKey};
use super::entry::{EntryOnly, HistoryEntry};
use super::limits::MAX_HISTORY_ENTRIES;
use super::values::{Date, Money};
use super::vocab::*;
use crate::error::{Error, Result};
use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

document! {
    /// What the host declares (and may edit while the project is a `draft`).
    ///
    /// New attributes must be `Omit`: an attribute written at its default would
    /// change the digest of every record's attributes (`docs/history.md`).
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct Attributes {
        /// The project's id in the host system.
        id: String = String::new(), Required, "项目编号" / "project id";
        /// The project's name.
        name: String = String::new(), Required, "项目名称" / "project name";
        /// 项目建设单位: the unit that builds the project (Art 3).
        owner_unit: String = String::new(), Required, "项目建设单位" / "construction unit";
        /// 涉密: classified systems are outside the measures (Art 2).
        classified: bool = false, Keep, "是否涉密" / "classified";
        /// Government funding; none puts the project outside the measures (Art 2).
        funding: List<Funding> = List::default(), Keep, "资金来源" / "funding";
        /// What kind of system it is (Art 2).
        category: Option<Category> = None, Omit, "项目类别" / "category";
        /// 新建 (Art 37): a new project needs 5% for cybersecurity.
        is_new: bool = true, Keep, "是否新建项目" / "new project";
        /// 建设依据 (Art 6).
        basis: Option<String> = None, Omit, "建设依据" / "basis";
        /// 建设内容 (Art 6, 33).
        content: Option<String> = None, Omit, "建设内容" / "content";
        /// 建设目标 (Art 6, 33).
        goals: Option<String> = None, Omit, "建设目标" / "goals";
        /// 建设地点 (Art 33).
        location: Option<String> = None, Omit, "建设地点" / "location";
        /// 项目预算 in yuan (Art 6, 33).
        budget_yuan: Option<Money> = None, Omit, "项目预算（元）" / "budget (yuan)";
        /// 网络安全预算 in yuan (Art 37).
        security_budget_yuan: Option<Money> = None, Omit, "网络安全预算（元）" / "cybersecurity budget (yuan)";
        /// The procurement method approved for the project (Art 28).
        procurement_method: Option<ProcurementMethod> = None, Omit, "采购方式" / "procurement method";
        /// When the project is to be completed: the final acceptance deadline (Art 33, 35).
        planned_completion: Option<Date> = None, Omit, "计划完成日期" / "planned completion";
        /// Whom the system serves (Art 10).
        audience: Option<Audience> = None, Omit, "服务对象" / "audience";
        /// Platforms it is built on (Art 10).
        platforms: List<Platform> = List::default(), Keep, "依托平台" / "platforms";
        /// Application types (Art 11, 12).
        app_types: List<AppType> = List::default(), Keep, "应用类型" / "application types";
        /// Shared use of the application (Art 11).
        shared_use: bool = false, Keep, "是否共享共用" / "shared use";
        /// Systems it connects to (Art 12).
        integrations: List<Integration> = List::default(), Keep, "对接系统" / "integrations";
        /// Deployed on the municipal government cloud (Art 9).
        deploy_on_gov_cloud: bool = true, Keep, "是否部署在政务云" / "on the government cloud";
        /// 跨部门共建共享 (Art 15).
        cross_department: bool = false, Keep, "是否跨部门共建共享" / "cross-department";
        /// 牵头部门 of a cross-department project (Art 15).
        lead_department: Option<String> = None, Omit, "牵头部门" / "lead department";
        /// 共建部门 (Art 15).
        co_departments: List<String> = List::default(), Keep, "共建部门" / "co-building departments";
        /// Built together with Jining (Art 23).
        co_built_with_jining: bool = false, Keep, "是否与济宁市协同建设" / "co-built with Jining";
        /// Qufu's share of the construction funds (Art 23).
        qufu_construction_share_yuan: Option<Money> = None, Omit, "曲阜市承担的建设资金（元）" / "Qufu's construction share (yuan)";
        /// Qufu's share of the O&M funds (Art 23).
        qufu_om_share_yuan: Option<Money> = None, Omit, "曲阜市承担的运维经费（元）" / "Qufu's O&M share (yuan)";
        /// 建设工程配套项目, approved by the administrative approval bureau (Art 4, 16).
        attached_to_construction: bool = false, Keep, "是否属于建设工程配套项目" / "attached to a construction project";
        /// 急需追加的项目 (Art 17).
        emergency: bool = false, Keep, "是否急需追加项目" / "emergency project";
        /// Organised by a national ministry or provincial department (Art 19).
        higher_level: Option<HigherLevel> = None, Keep, "上级组织部门" / "higher-level organiser";
        /// Priority categories (Art 14).
        priority_categories: List<PriorityCategory> = List::default(), Keep, "优先支持类别" / "priority categories";
    }
}

/// Attributes as read, with the fields the reading saw.
pub(super) struct ReadAttributes {
    attrs: Attributes,
    seen: u64,
}

object_reader!(
    ReadAttributes,
    "an object of the declared attributes",
    |map| {
        let (mut attrs, mut seen) = (Attributes::default(), 0);
        while let Some(key) = map.next_key::<Key>()? {
            if !attrs.read_field(&key, &mut map, &mut seen)? {
                map.next_value_seed(UnknownKey)?;
            }
        }
        Ok(ReadAttributes { attrs, seen })
    }
);

impl ReadAttributes {
    /// The attributes read at `path` (a snapshot), if none that is required is missing.
    pub(super) fn finish(self, path: super::read::At) -> Result<Attributes> {
        match self.attrs.missing_required(self.seen) {
            Some(key) => Err(Error::invalid(format!("{}.{key}", path()), "is required")),
            None => Ok(self.attrs),
        }
    }
}

impl Attributes {
    /// The baseline aspects as they stand in these attributes (Art 33).
    pub fn baseline_values(&self) -> BaselineValues {
        BaselineValues {
            goals: self.goals.clone(),
            location: self.location.clone(),
            content: self.content.clone(),
            budget_yuan: self.budget_yuan,
            planned_completion: self.planned_completion,
            security_budget_yuan: self.security_budget_yuan,
            procurement_method: self.procurement_method,
        }
    }

    /// These attributes with the values `change` proposes (Art 33).
    pub fn with_change(&self, change: &BaselineValues) -> Attributes {
        let v = self.baseline_values().overlaid(change);
        Attributes {
            goals: v.goals,
            location: v.location,
            content: v.content,
            budget_yuan: v.budget_yuan,
            planned_completion: v.planned_completion,
            security_budget_yuan: v.security_budget_yuan,
            procurement_method: v.procurement_method,
            ..self.clone()
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

document! {
    /// What 立项 fixes (Art 33: goals, location, budget, main content, schedule; with
    /// the cybersecurity budget of Art 37 and the procurement method of Art 28 that
    /// technical review judged), and what a change proposes.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct BaselineValues {
        goals: Option<String> = None, Omit, "建设目标" / "goals";
        location: Option<String> = None, Omit, "建设地点" / "location";
        content: Option<String> = None, Omit, "主要建设内容" / "main content";
        budget_yuan: Option<Money> = None, Omit, "项目预算（元）" / "budget (yuan)";
        planned_completion: Option<Date> = None, Omit, "计划完成日期" / "planned completion";
        security_budget_yuan: Option<Money> = None, Omit, "网络安全预算（元）" / "cybersecurity budget (yuan)";
        procurement_method: Option<ProcurementMethod> = None, Omit, "采购方式" / "procurement method";
    }
}

impl BaselineValues {
    /// The aspects where `other` differs from `self`.
    pub fn differences(&self, other: &BaselineValues) -> Vec<BaselineAspect> {
        let differs = |aspect| match aspect {
            BaselineAspect::Goals => self.goals != other.goals,
            BaselineAspect::Location => self.location != other.location,
            BaselineAspect::Content => self.content != other.content,
            BaselineAspect::BudgetYuan => self.budget_yuan != other.budget_yuan,
            BaselineAspect::PlannedCompletion => {
                self.planned_completion != other.planned_completion
            }
            // A baseline written by 0.1 did not fix these two: unset there means not fixed.
            BaselineAspect::SecurityBudgetYuan => {
                self.security_budget_yuan.is_some()
                    && self.security_budget_yuan != other.security_budget_yuan
            }
            BaselineAspect::ProcurementMethod => {
                self.procurement_method.is_some()
                    && self.procurement_method != other.procurement_method
            }
        };
        BaselineAspect::ALL
            .iter()
            .copied()
            .filter(|&a| differs(a))
            .collect()
    }

    /// The value of one aspect, as text for messages.
    pub fn show(&self, aspect: BaselineAspect) -> String {
        let text = match aspect {
            BaselineAspect::Goals => self.goals.clone(),
            BaselineAspect::Location => self.location.clone(),
            BaselineAspect::Content => self.content.clone(),
            BaselineAspect::BudgetYuan => self.budget_yuan.map(|m| m.display()),
            BaselineAspect::PlannedCompletion => self.planned_completion.map(|d| d.to_string()),
            BaselineAspect::SecurityBudgetYuan => self.security_budget_yuan.map(|m| m.display()),
            BaselineAspect::ProcurementMethod => {
                self.procurement_method.map(|m| m.zh().to_string())
            }
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
            security_budget_yuan: change.security_budget_yuan.or(self.security_budget_yuan),
            procurement_method: change.procurement_method.or(self.procurement_method),
        }
    }
}

document! {
    /// A change requested under Art 33, awaiting the approving department.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct PendingChange {
        requested: Date = Date::UNSET, Required, "申请日期" / "requested on";
        aspects: Vec<BaselineAspect> = Vec::new(), Keep, "调整事项" / "aspects";
        proposed: BaselineValues = BaselineValues::default(), Keep, "调整后的值" / "proposed values";
        /// The state the request came from, and returns to (absent in 0.1 records: implementing).
        from: Option<State> = None, Omit, "申请时的状态" / "state requested from";
    }
}

document! {
    /// The contract as signed (Art 28–30).
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct ContractInfo {
        method: Option<ProcurementMethod> = None, Omit, "采购方式" / "procurement method";
        supplier: Option<String> = None, Omit, "中标（成交）供应商" / "supplier";
        implementation_months: Option<u32> = None, Omit, "实施周期（月）" / "implementation period (months)";
        warranty_months: Option<u32> = None, Omit, "质保期（月）" / "warranty (months)";
        implementing_agency: Option<String> = None, Omit, "项目实施机构" / "implementing agency";
        responsible_person: Option<String> = None, Omit, "项目责任人" / "responsible person";
    }
}

document! {
    /// A rectification order under Art 41.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct RectificationOrder {
        order_id: String = String::new(), Required, "整改通知编号" / "order number";
        issued_by: Role = Role::BigDataCenter, Required, "下达部门" / "issued by";
        issued: Date = Date::UNSET, Required, "下达日期" / "issued on";
        issues: Vec<String> = Vec::new(), Omit, "整改事项" / "issues";
        deadline: Date = Date::UNSET, Required, "整改期限" / "deadline";
        completed: Option<Date> = None, Omit, "报告整改完成日期" / "reported done on";
        /// The ordering department's judgement (Art 41: 整改后仍不符合要求).
        compliant: Option<bool> = None, Omit, "整改是否符合要求" / "compliant";
        /// When the ordering department confirmed the reported completion.
        confirmed: Option<Date> = None, Omit, "确认日期" / "confirmed on";
    }
}

impl RectificationOrder {
    pub fn is_open(&self) -> bool {
        self.completed.is_none()
    }

    /// Grounds for an Art 41 sanction: overdue as of `on` (not reported done by its
    /// deadline), or confirmed non-compliant by the ordering department.
    pub fn is_grounds_on(&self, on: Date) -> bool {
        self.compliant == Some(false) || self.completed.map_or(on, |done| done) > self.deadline
    }
}

document! {
    /// A sanction imposed under Art 41.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct Sanction {
        kind: SanctionKind = SanctionKind::Criticism, Required, "处理措施" / "sanction";
        date: Date = Date::UNSET, Required, "日期" / "date";
    }
}

document! {
    /// Everything the kernel maintains; the host stores it and passes it back unchanged.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct KernelFields {
        /// Documents on file, each with the date it was first filed.
        documents: BTreeMap<DocumentKind, Date> = BTreeMap::new(), Omit, "已备案材料" / "documents on file";
        /// The date each milestone was first reached.
        milestones: BTreeMap<Milestone, Date> = BTreeMap::new(), Omit, "节点日期" / "milestones";
        /// The Art 33 baseline, fixed at 立项.
        baseline: Option<BaselineValues> = None, Omit, "立项批复内容" / "approved baseline";
        /// A change awaiting approval (Art 33).
        pending_change: Option<PendingChange> = None, Omit, "待审批的调整申请" / "pending change";
        /// The date of a requested extension (Art 35).
        requested_extension: Option<Date> = None, Omit, "申请延期至" / "extension requested to";
        /// The day the pending extension was requested (Art 35: before the deadline).
        extension_requested_on: Option<Date> = None, Omit, "延期申请日期" / "extension requested on";
        /// The date of an approved extension (Art 35).
        approved_extension: Option<Date> = None, Omit, "批准延期至" / "extension approved to";
        /// The state to go back to on `resume` (Art 41).
        resume_state: Option<State> = None, Omit, "恢复后的状态" / "state to resume";
        /// The contract as procured and signed (Art 28–32).
        contract: Option<ContractInfo> = None, Omit, "合同信息" / "contract";
        /// Dates of `report_progress` (Art 25).
        progress_reports: Vec<Date> = Vec::new(), Omit, "建设进展备案日期" / "progress reports";
        /// Cumulative spending last reported (Art 33).
        spent_yuan: Option<Money> = None, Omit, "累计支出（元）" / "spent (yuan)";
        /// The actual cost at final acceptance (Art 25).
        actual_cost_yuan: Option<Money> = None, Omit, "实际投资（元）" / "actual cost (yuan)";
        /// The rectification deadline after a failed final acceptance (Art 35).
        acceptance_rectification_deadline: Option<Date> = None, Omit, "验收整改期限" / "acceptance rectification deadline";
        /// Rectification orders (Art 41).
        rectification_orders: Vec<RectificationOrder> = Vec::new(), Omit, "整改通知" / "rectification orders";
        /// Self-evaluations by year, with the date filed (Art 36).
        self_evaluations: BTreeMap<i32, Date> = BTreeMap::new(), Omit, "年度自评价" / "self-evaluations";
        /// The third party the big-data centre commissioned for the post-evaluation (Art 36).
        post_evaluator: Option<String> = None, Omit, "受托后评价机构" / "commissioned evaluator";
        /// The third-party post-evaluation result (Art 36).
        post_evaluation: Option<EvaluationResult> = None, Omit, "后评价结果" / "post-evaluation";
        /// The last assessment of each kind (Art 38, 39).
        assessments: BTreeMap<AssessmentKind, Date> = BTreeMap::new(), Omit, "最近一次安全评估" / "assessments";
        /// Sanctions imposed (Art 41).
        sanctions: Vec<Sanction> = Vec::new(), Omit, "处理措施" / "sanctions";
        /// SM3 of the declared attributes as the last history entry left them (`docs/history.md`).
        attributes_digest: Option<String> = None, Omit, "申报属性摘要" / "attributes digest";
    }
}

/// The history as stored: each entry's raw JSON text, written back verbatim,
/// and each entry read (a record is read with its entries, so a malformed entry
/// is an input error naming its path; `verify` reads them leniently instead).
#[derive(Clone, Debug, Default)]
pub struct History {
    raw: Vec<Box<RawValue>>,
    entries: Vec<HistoryEntry>,
    /// Read only to decide on (`Project::parse_to_decide`): the entries were read
    /// but their text was not kept, so this history cannot be written.
    text_dropped: bool,
}

impl History {
    pub fn len(&self) -> usize {
        if self.text_dropped {
            self.entries.len()
        } else {
            self.raw.len()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The raw text of each entry, as stored.
    pub fn raw(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator {
        self.raw.iter().map(|e| e.get())
    }

    /// Each entry as stored (none when its text was dropped).
    pub fn stored(&self) -> &[Box<RawValue>] {
        &self.raw
    }

    /// Every entry, read (empty for a record read by `verify`, which reads them itself).
    pub fn entries(&self) -> &[HistoryEntry] {
        &self.entries
    }

    pub fn last(&self) -> Option<&HistoryEntry> {
        self.entries.last()
    }

    /// Reads every entry; the first that cannot be read is an error at its path.
    fn read_entries(&mut self) -> Result<()> {
        self.entries = self
            .raw()
            .enumerate()
            .map(|(i, raw)| HistoryEntry::parse(i, raw))
            .collect::<Result<_>>()?;
        Ok(())
    }

    /// Appends an entry: its stored text (one JSON object) and the entry it is.
    pub fn push(&mut self, raw: Box<RawValue>, entry: HistoryEntry) {
        self.raw.push(raw);
        self.entries.push(entry);
    }
}

impl PartialEq for History {
    fn eq(&self, other: &History) -> bool {
        self.text_dropped == other.text_dropped
            && if self.text_dropped {
                self.entries == other.entries
            } else {
                self.raw().eq(other.raw())
            }
    }
}

impl Eq for History {}

impl Serialize for History {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        if self.text_dropped {
            return Err(serde::ser::Error::custom(
                "a record read only to decide on it has no stored history to write",
            ));
        }
        self.raw.serialize(s)
    }
}

/// A history's entries, each read as a `T`: its stored text (`Box<RawValue>`), or
/// the entry itself (`EntryOnly`). At most `MAX_HISTORY_ENTRIES`.
struct Entries<T>(Vec<T>);

impl From<Entries<Box<RawValue>>> for History {
    fn from(stored: Entries<Box<RawValue>>) -> History {
        History {
            raw: stored.0,
            ..History::default()
        }
    }
}

impl From<Entries<EntryOnly>> for History {
    fn from(read: Entries<EntryOnly>) -> History {
        History {
            entries: read.0.into_iter().map(|e| e.0).collect(),
            text_dropped: true,
            ..History::default()
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Entries<T>, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of history entries")
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Entries<T>, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = seq.next_element::<T>()? {
                    if entries.len() == MAX_HISTORY_ENTRIES {
                        let mut count = entries.len() + 1;
                        while seq.next_element::<de::IgnoredAny>()?.is_some() {
                            count += 1;
                        }
                        return Err(de::Error::custom(format!(
                            "has {count} entries, over the limit of {MAX_HISTORY_ENTRIES}"
                        )));
                    }
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        d.deserialize_seq(V(std::marker::PhantomData))
    }
}

/// A whole project record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Project {
    pub attrs: Attributes,
    pub state: State,
    pub kernel: KernelFields,
    pub history: History,
    /// Keys the host keeps for itself; returned as received.
    pub extra: BTreeMap<String, Value>,
}

/// The keys the record itself owns besides its documents' fields.
const STATE: &str = "state";
const HISTORY: &str = "history";

/// Which part of the record a top-level key belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Attribute,
    Kernel,
    State,
    History,
}

/// Every key the kernel reads and writes at the record's top level, sorted, with its part.
fn record_parts() -> &'static [(&'static str, Part)] {
    static KEYS: once_cell::sync::Lazy<Vec<(&'static str, Part)>> =
        once_cell::sync::Lazy::new(|| {
            let mut keys: Vec<(&'static str, Part)> = Attributes::FIELDS
                .iter()
                .map(|f| (f.key, Part::Attribute))
                .chain(KernelFields::FIELDS.iter().map(|f| (f.key, Part::Kernel)))
                .chain([(STATE, Part::State), (HISTORY, Part::History)])
                .collect();
            keys.sort_unstable_by_key(|(k, _)| *k);
            keys
        });
    &KEYS
}

/// Every key the kernel reads and writes at the record's top level, sorted.
pub fn record_keys() -> Vec<&'static str> {
    record_parts().iter().map(|(k, _)| *k).collect()
}

/// A record as read, with what the reading saw of its required attributes.
struct Read {
    project: Project,
    attrs_seen: u64,
}

/// A record read with its history's entries read but their text not kept.
struct ReadToDecide(Read);

object_reader!(Read, "a project record object", |map| {
    read_record::<_, Entries<Box<RawValue>>>(&mut map)
});

object_reader!(ReadToDecide, "a project record object", |map| {
    read_record::<_, Entries<EntryOnly>>(&mut map).map(ReadToDecide)
});

/// Reads a record's keys; its history as an `H`.
fn read_record<'de, A, H>(mut map: A) -> std::result::Result<Read, A::Error>
where
    A: de::MapAccess<'de>,
    H: Deserialize<'de> + Into<History>,
{
    let mut attrs = Attributes::default();
    let mut kernel = KernelFields::default();
    let (mut attrs_seen, mut kernel_seen) = (0, 0);
    let mut state = None;
    let mut history = History::default();
    let mut extra = BTreeMap::new();
    while let Some(key) = map.next_key::<Key>()? {
        if attrs.read_field(&key, &mut map, &mut attrs_seen)?
            || kernel.read_field(&key, &mut map, &mut kernel_seen)?
        {
            continue;
        }
        match &*key {
            STATE => state = map.next_value()?,
            HISTORY => {
                history = map
                    .next_value::<Option<H>>()?
                    .map_or_else(History::default, H::into)
            }
            _ => {
                extra.insert(key.0.into_owned(), map.next_value()?);
            }
        }
    }
    let project = Project {
        attrs,
        state: state.unwrap_or(State::Draft),
        kernel,
        history,
        extra,
    };
    Ok(Read {
        project,
        attrs_seen,
    })
}

impl Read {
    /// The record, if no required attribute is missing.
    fn with_required(self) -> Result<Project> {
        let extra = &self.project.extra;
        // A whole `apply` or `check` result passed as the record: say what to pass.
        let hint = if extra.get("project").is_some_and(Value::is_object)
            && ["accepted", "findings", "state_after", "project_id"]
                .iter()
                .any(|k| extra.contains_key(*k))
        {
            " (this looks like an apply or check result: pass its `project`, the record itself)"
        } else {
            ""
        };
        let missing = self.project.attrs.all_missing_required(self.attrs_seen);
        match Error::all(
            missing
                .into_iter()
                .map(|key| Error::invalid(format!("$.{key}"), format!("is required{hint}")))
                .collect(),
        ) {
            Some(e) => Err(e),
            None => Ok(self.project),
        }
    }
}

impl Project {
    /// Reads a record from its JSON text, with its history entries.
    pub fn parse(text: &str) -> Result<Project> {
        let mut project = Project::parse_leaving_history(text)?;
        project.history.read_entries()?;
        Ok(project)
    }

    /// Reads a record only to decide on it (`check`, `preview`): as [`Project::parse`],
    /// but each history entry is read once, straight from the record, and its text
    /// is not kept, so the record cannot be written back. A record this reading
    /// refuses is read by `parse`, whose answer is then the answer: both accept
    /// the same records, and refuse them with the same error.
    pub fn parse_to_decide(text: &str) -> Result<Project> {
        serde_json::from_str::<ReadToDecide>(text)
            .ok()
            .and_then(|read| read.0.with_required().ok())
            .map_or_else(|| Project::parse(text), Ok)
    }

    /// Reads a record but not its history entries (only kept as text): `verify`
    /// judges a damaged history rather than refuse it.
    pub fn parse_leaving_history(text: &str) -> Result<Project> {
        super::read::parse::<Read>("the project record", text)?.with_required()
    }

    /// Reads a record from a JSON value (tests and tools; the kernel reads text).
    pub fn from_value(value: Value) -> Result<Project> {
        Project::parse(&value.to_string())
    }

    /// The record as a JSON value.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).expect("the record serialises")
    }

    pub fn has_document(&self, kind: DocumentKind) -> bool {
        self.kernel.documents.contains_key(&kind)
    }

    pub fn milestone(&self, m: Milestone) -> Option<Date> {
        self.kernel.milestones.get(&m).copied()
    }
}

/// The record with its keys sorted, the host's own keys among the kernel's.
impl Serialize for Project {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let p = self;
        let mut map = s.serialize_map(None)?;
        let mut extra = p.extra.iter().peekable();
        for &(key, part) in record_parts() {
            while let Some((k, v)) = extra.next_if(|(k, _)| k.as_str() < key) {
                map.serialize_entry(k, v)?;
            }
            match part {
                Part::State => map.serialize_entry(STATE, &p.state)?,
                Part::History if p.history.is_empty() => {}
                Part::History => map.serialize_entry(HISTORY, &p.history)?,
                Part::Attribute => {
                    p.attrs.write_field(key, &mut map)?;
                }
                Part::Kernel => {
                    p.kernel.write_field(key, &mut map)?;
                }
            }
        }
        for (k, v) in extra {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}
