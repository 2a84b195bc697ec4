//! Findings and the result documents (CONTRACT §3), each declared once.

use super::decl::{result_document, Describe, FieldInfo, Policy, Type};
use super::project::Project;
use super::values::Date;
use super::vocab::{DocumentKind, EventType, Role, Severity, State};

result_document! {
    /// One thing a rule found, citing the article it rests on.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct Finding {
        /// The rule's id in the catalogue (`govit_rules`).
        rule: &'static str, Keep, "规则" / "rule";
        /// The article of the measures; null for a structural rule.
        article: Option<u8>, Keep, "条款" / "article";
        severity: Severity, Keep, "严重程度" / "severity";
        /// 《曲阜市政务信息化项目建设管理办法》第N条.
        citation: Option<String>, Omit, "依据" / "citation";
        /// In the engine's locale.
        message: String, Keep, "说明" / "message";
        message_en: String, Keep, "说明（英文）" / "message (English)";
        /// What to do next, in the engine's locale (every block and violation has one).
        remedy: Option<&'static str>, Omit, "处理建议" / "remedy";
        remedy_en: Option<&'static str>, Omit, "处理建议（英文）" / "remedy (English)";
        /// The deadline concerned, if any.
        due: Option<Date>, Omit, "期限" / "due";
    }
}

impl Finding {
    pub fn is_blocking(&self) -> bool {
        self.severity == Severity::Block
    }
}

result_document! {
    /// An obligation with its due date: what an OA system shows as a to-do.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct Deadline {
        rule: &'static str, Keep, "规则" / "rule";
        /// The event that meets the obligation.
        event: EventType, Keep, "应办事项" / "event";
        due: Date, Keep, "期限" / "due";
    }
}

result_document! {
    /// What `apply` decides, without the new record (`govit_preview`).
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct Decision {
        /// Whether the event may happen: no finding is `block`.
        accepted: bool, Keep, "是否准予办理" / "accepted";
        state_before: State, Keep, "办理前状态" / "state before";
        state_after: State, Keep, "办理后状态" / "state after";
        findings: Vec<Finding>, Keep, "审查意见" / "findings";
    }
}

result_document! {
    /// The result of `govit_apply`: the decision and the record it leaves.
    pub struct ApplyResult<'a> {
        accepted: bool, Keep, "是否准予办理" / "accepted";
        state_before: State, Keep, "办理前状态" / "state before";
        state_after: State, Keep, "办理后状态" / "state after";
        findings: &'a [Finding], Keep, "审查意见" / "findings";
        /// The new record when accepted; the record as received when refused.
        project: &'a Project, Keep, "项目记录" / "project record";
    }
}

result_document! {
    /// The result of `govit_check`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct CheckResult {
        project_id: String, Keep, "项目编号" / "project id";
        state: State, Keep, "项目状态" / "state";
        /// Whether the measures apply (Art 2).
        in_scope: bool, Keep, "是否适用本办法" / "in scope";
        findings: Vec<Finding>, Keep, "审查意见" / "findings";
        deadlines: Vec<Deadline>, Keep, "待办期限" / "deadlines";
        /// Events that may come next (for the actor, if given).
        allowed_events: Vec<EventType>, Keep, "可办理事项" / "allowed events";
        /// With `options.actor`: each event that actor may send now, and what would refuse it.
        next_steps: Option<Vec<NextStep>>, Omit, "下一步" / "next steps";
    }
}

result_document! {
    /// A data field a next step carries.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct StepField {
        key: &'static str, Keep, "字段" / "key";
        label: &'static str, Keep, "名称" / "label";
        label_en: &'static str, Keep, "名称（英文）" / "label (English)";
        required: bool, Keep, "是否必填" / "required";
    }
}

result_document! {
    /// An event the actor may send now, and what would refuse it (`check` with `options.actor`).
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct NextStep {
        event: EventType, Keep, "事项" / "event";
        label: &'static str, Keep, "名称" / "label";
        label_en: &'static str, Keep, "名称（英文）" / "label (English)";
        /// The state it would lead to.
        to: State, Keep, "办理后状态" / "state after";
        data: Vec<StepField>, Keep, "办理内容" / "data";
        /// The documents it may carry.
        documents: Vec<DocumentKind>, Keep, "可附材料" / "documents";
        /// The rules that refuse it as the record stands, even with its documents
        /// attached and its data filled in as the rules ask: the record must change first.
        blocked_by: Vec<&'static str>, Keep, "受阻于" / "blocked by";
        /// Nothing in the record refuses it: `blocked_by` is empty.
        ready: bool, Keep, "是否可办理" / "ready";
        /// The rules that refuse it sent empty and that its documents and data answer:
        /// what the sender must attach or fill in.
        needs: Vec<&'static str>, Keep, "须填报或随附" / "needs";
    }
}

impl Describe for &Project {
    fn describe() -> Type {
        Type::Record
    }
}

result_document! {
    /// A state, with its labels (`govit_lifecycle`).
    #[derive(Clone, Debug)]
    pub struct StateInfo {
        state: State, Keep, "状态" / "state";
        label: &'static str, Keep, "名称" / "label";
        label_en: &'static str, Keep, "名称（英文）" / "label (English)";
        terminal: bool, Keep, "是否终态" / "terminal";
    }
}

result_document! {
    /// A role, with its labels.
    #[derive(Clone, Debug)]
    pub struct RoleInfo {
        role: Role, Keep, "角色" / "role";
        label: &'static str, Keep, "名称" / "label";
        label_en: &'static str, Keep, "名称（英文）" / "label (English)";
    }
}

result_document! {
    /// A document kind, with its labels.
    #[derive(Clone, Debug)]
    pub struct DocumentInfo {
        document: DocumentKind, Keep, "材料" / "document";
        label: &'static str, Keep, "名称" / "label";
        label_en: &'static str, Keep, "名称（英文）" / "label (English)";
    }
}

result_document! {
    /// One value of a code field, with its labels.
    #[derive(Clone, Debug)]
    pub struct Choice {
        value: &'static str, Keep, "取值" / "value";
        label: &'static str, Keep, "名称" / "label";
        label_en: &'static str, Keep, "名称（英文）" / "label (English)";
    }
}

/// A form field of an event: its key, type (`text`, `boolean`, `integer`, `money`,
/// `date`, `code`, `list`, `object`, `any`), whether required, labels, and for a code
/// its values; a list describes its `items` the same way.
#[derive(Clone, Debug)]
pub struct FormField {
    pub key: Option<&'static str>,
    pub kind: &'static str,
    pub required: Option<bool>,
    pub label: Option<&'static str>,
    pub label_en: Option<&'static str>,
    pub values: Option<Vec<Choice>>,
    pub items: Option<Box<FormField>>,
    pub min: Option<i64>,
    pub max: Option<i64>,
}

impl FormField {
    pub const FIELDS: &'static [FieldInfo] = &[
        FieldInfo::member("key", ("字段", "key"), "The data key (absent on a list's `items`).", Policy::Omit, <&str>::describe),
        FieldInfo::member("type", ("类型", "type"), "text, boolean, integer, money (exact yuan), date (YYYY-MM-DD), code (one of `values`), list (of `items`), object or any.", Policy::Required, <&str>::describe),
        FieldInfo::member("required", ("是否必填", "required"), "Whether the event cannot do without it.", Policy::Omit, bool::describe),
        FieldInfo::member("label", ("名称", "label"), "The form's words (zh-CN).", Policy::Omit, <&str>::describe),
        FieldInfo::member("label_en", ("名称（英文）", "label (English)"), "The label in English.", Policy::Omit, <&str>::describe),
        FieldInfo::member("values", ("可选值", "values"), "A code's values, with their labels.", Policy::Omit, Vec::<Choice>::describe),
        FieldInfo::member("items", ("列表项", "items"), "A list's items, described the same way.", Policy::Omit, serde_json::Value::describe),
        FieldInfo::member("min", ("最小值", "min"), "An integer's least value.", Policy::Omit, i64::describe),
        FieldInfo::member("max", ("最大值", "max"), "An integer's greatest value.", Policy::Omit, i64::describe),
    ];
}

impl Describe for FormField {
    fn describe() -> Type {
        Type::Document {
            name: "FormField",
            fields: FormField::FIELDS,
            open: false,
        }
    }
}

impl serde::Serialize for FormField {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        if let Some(k) = self.key {
            map.serialize_entry("key", k)?;
        }
        map.serialize_entry("type", self.kind)?;
        if let Some(r) = self.required {
            map.serialize_entry("required", &r)?;
        }
        if let Some(l) = self.label {
            map.serialize_entry("label", l)?;
        }
        if let Some(l) = self.label_en {
            map.serialize_entry("label_en", l)?;
        }
        if let Some(v) = &self.values {
            map.serialize_entry("values", v)?;
        }
        if let Some(i) = &self.items {
            map.serialize_entry("items", i)?;
        }
        if let Some(m) = self.min {
            map.serialize_entry("min", &m)?;
        }
        if let Some(m) = self.max {
            map.serialize_entry("max", &m)?;
        }
        map.end()
    }
}

result_document! {
    /// An event of the lifecycle: who sends it, from and to which state, its form.
    #[derive(Clone, Debug)]
    pub struct EventInfo {
        event: EventType, Keep, "事项" / "event";
        label: &'static str, Keep, "名称" / "label";
        label_en: &'static str, Keep, "名称（英文）" / "label (English)";
        roles: Vec<Role>, Keep, "办理部门" / "roles";
        from: Vec<State>, Keep, "办理前状态" / "from";
        /// From any state but `terminated`.
        from_any_non_terminal: bool, Keep, "是否任一非终止状态可办" / "from any non-terminal state";
        /// The state it leads to; null when that depends on the record (see `to_note`).
        to: Option<State>, Keep, "办理后状态" / "to";
        /// `unchanged`, `before_suspension`, `before_change` or `demand_approved_or_draft`.
        to_note: Option<&'static str>, Keep, "办理后状态说明" / "to (note)";
        data: Vec<FormField>, Keep, "办理内容" / "data";
        documents: Vec<DocumentKind>, Keep, "可附材料" / "documents";
        /// The rules that judge it (besides `rules_for_every_event`).
        rules: Vec<&'static str>, Keep, "适用规则" / "rules";
    }
}

result_document! {
    /// The result of `govit_lifecycle`: the lifecycle as data.
    #[derive(Clone, Debug)]
    pub struct LifecycleDocument {
        states: Vec<StateInfo>, Keep, "状态" / "states";
        roles: Vec<RoleInfo>, Keep, "角色" / "roles";
        documents: Vec<DocumentInfo>, Keep, "材料" / "documents";
        events: Vec<EventInfo>, Keep, "事项" / "events";
        /// The structural rules that judge every event.
        rules_for_every_event: Vec<&'static str>, Keep, "适用于全部事项的规则" / "rules for every event";
    }
}
