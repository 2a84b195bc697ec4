//! Findings and the result documents (CONTRACT §3), each declared once.

use super::decl::{result_document, Describe, Type};
use super::project::Project;
use super::values::Date;
use super::vocab::{DocumentKind, EventType, Severity, State};

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
        /// The rules that would refuse it, sent with no data, as the record stands.
        blocked_by: Vec<&'static str>, Keep, "受阻于" / "blocked by";
        /// Nothing would refuse it: `blocked_by` is empty.
        ready: bool, Keep, "是否可直接办理" / "ready";
    }
}

impl Describe for &Project {
    fn describe() -> Type {
        Type::Record
    }
}
