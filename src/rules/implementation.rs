//! Chapter 6 (项目实施和变更管理, Art 31–33): implement what was approved; change only with approval.

use super::procurement::stated;
use super::{Ctx, Events, Hit, Rule, Stage, FILLED_IN, RULE};
use crate::model::*;

/// Art 33: the lawful route for a change after 立项.
const CHANGE_REMEDY: (&str, &str) = (
    "恢复立项批复时的申报信息；确需调整的，提交调整申请，经项目审批部门批准后生效。",
    "Restore the information as approved at 立项; to change it, request a change and have the approving department approve it.",
);

pub static RULES: &[Rule] = &[
    Rule {
        id: "art32.responsible_person_missing",
        article: Some(32),
        severity: Severity::Block,
        title: "未确定项目实施机构或项目责任人",
        title_en: "No implementing agency or responsible person designated",
        events: Events::Only(&[EventType::StartImplementation]),
        eval: responsible_person_missing,
        form_answer: Some(|_, d| {
            d.implementing_agency = Some(FILLED_IN.into());
            d.responsible_person = Some(FILLED_IN.into());
        }),
        remedy: (
            "经法定程序确定项目实施机构和项目责任人，登记“开始实施”时一并填写。",
            "Designate the implementing agency and the responsible person by due process, and give both when starting implementation.",
        ),
        ..RULE
    },
    Rule {
        id: "art31.approved_plan_changed",
        article: Some(31),
        severity: Severity::Block,
        title: "立项后申报信息被直接修改",
        title_en: "The declared information was edited after 立项",
        stage: Stage::Gate,
        events: Events::Any,
        check: true,
        eval: approved_plan_changed,
        remedy: CHANGE_REMEDY,
        ..RULE
    },
    Rule {
        id: "art33.major_change_unapproved",
        article: Some(33),
        severity: Severity::Block,
        title: "建设目标、地点、预算、主要内容或进度未经批准发生变化",
        title_en:
            "Goals, location, budget, main content or schedule changed without an approved change",
        stage: Stage::Gate,
        events: Events::Any,
        check: true,
        eval: major_change_unapproved,
        supersedes: &["art31.approved_plan_changed"],
        remedy: CHANGE_REMEDY,
        ..RULE
    },
    Rule {
        id: "art33.budget_exceeded",
        article: Some(33),
        severity: Severity::Violation,
        title: "支出或实际投资超过批复的项目预算",
        title_en: "Spending or actual cost above the approved budget",
        events: Events::Only(&[EventType::ReportProgress, EventType::PassFinalAcceptance]),
        eval: budget_exceeded,
        remedy: (
            "控制支出不超过批复预算；预算确需调整的，先提交调整申请，经项目审批部门批准后执行。",
            "Keep spending within the approved budget; if the budget must change, request a change and have the approving department approve it first.",
        ),
        ..RULE
    },
];

// Art 32: 项目建设单位应当经法定程序确定项目实施机构和项目责任人.
fn responsible_person_missing(ctx: &Ctx) -> Vec<Hit> {
    let d = ctx.data();
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if !stated(&d.implementing_agency) {
        zh.push("项目实施机构");
        en.push("implementing agency (`implementing_agency`)");
    }
    if !stated(&d.responsible_person) {
        zh.push("项目责任人");
        en.push("responsible person (`responsible_person`)");
    }
    if zh.is_empty() {
        return Vec::new();
    }
    vec![Hit::new(
        format!(
            "开始实施时未载明{}；项目建设单位应当经法定程序确定项目实施机构和项目责任人（第三十二条）。",
            zh.join("和")
        ),
        format!(
            "Implementation starts without a {}; the construction unit must designate the implementing agency and the responsible person by due process (Art 32).",
            en.join(" or ")
        ),
    )]
}

// Art 31: 严格按照项目审批部门批复的建设方案和投资预算实施项目建设; Art 33: 项目预算发生较大变化的应事先
// 提交调整申请; Art 25: 原则上超支不补. The budget is the approved baseline (it moves only with an
// approved change); progress reports carry the cumulative amount spent.
fn budget_exceeded(ctx: &Ctx) -> Vec<Hit> {
    let Some(e) = ctx.event else {
        return Vec::new();
    };
    let budget = ctx
        .project
        .kernel
        .baseline
        .as_ref()
        .and_then(|b| b.budget_yuan)
        .or(ctx.attrs().budget_yuan);
    let Some(budget) = budget else {
        return Vec::new();
    };
    let (amount, zh_what, en_what) = match e.kind {
        EventType::ReportProgress => (e.data.spent_yuan, "累计已支出", "Cumulative spending"),
        EventType::PassFinalAcceptance => (
            e.data.actual_cost_yuan,
            "竣工验收确认的实际投资",
            "The actual cost at final acceptance",
        ),
        _ => (None, "", ""),
    };
    let Some(amount) = amount.filter(|a| *a > budget) else {
        return Vec::new();
    };
    let excess = Money(amount.0 - budget.0);
    vec![Hit::new(
        format!(
            "{zh_what} {} 元，超过批复的项目预算 {} 元，超出 {} 元；应严格按照批复的投资预算实施（第三十一条），预算确需调整的应事先提交调整申请、重新履行审批手续（第三十三条），超支原则上不补（第二十五条）。",
            amount.display(), budget.display(), excess.display()
        ),
        format!(
            "{en_what} of {} yuan exceeds the approved budget of {} yuan by {} yuan; the project must keep to the approved budget (Art 31), a budget change needs prior approval (Art 33), and overruns are in principle not funded (Art 25).",
            amount.display(), budget.display(), excess.display()
        ),
    )]
}

// Art 31: 严格按照项目审批部门批复的建设方案和投资预算实施. After 立项 the declared
// information moves only through an approved change (Art 33), which the kernel applies.
fn approved_plan_changed(ctx: &Ctx) -> Vec<Hit> {
    let state = ctx.project.state;
    if state.is_before_approval() || ctx.is_supervision_or_refusal() || !ctx.attributes_edited() {
        return Vec::new();
    }
    vec![Hit::new(
        "立项后，申报信息在上一次办理之后被直接修改，未经调整申请和审批；应严格按照批复的建设方案和投资预算实施（第三十一条）。",
        "After 立项 the declared information was edited since the last recorded event, without an approved change; the project must follow the approved plan and budget (Art 31).",
    )]
}

// Art 33: 对于建设目标、建设地点、项目预算、主要建设内容和建设进度等发生较大变化的，项目建设单位应事先向
// 项目审批部门提交调整申请，重新履行审批手续.
fn major_change_unapproved(ctx: &Ctx) -> Vec<Hit> {
    let Some(baseline) = &ctx.project.kernel.baseline else {
        return Vec::new();
    };
    let current = ctx.project.attrs.baseline_values();
    let changed = baseline.differences(&current);
    if changed.is_empty() {
        return Vec::new();
    }
    let zh: Vec<String> = changed
        .iter()
        .map(|a| {
            format!(
                "{}（批复：{}；现为：{}）",
                a.zh(),
                baseline.show(*a),
                current.show(*a)
            )
        })
        .collect();
    let en: Vec<String> = changed
        .iter()
        .map(|a| {
            format!(
                "{} (approved: {}; now: {})",
                a,
                baseline.show(*a),
                current.show(*a)
            )
        })
        .collect();
    vec![Hit::new(
        format!("立项批复后以下事项被直接修改，未经调整申请和审批：{}（第三十三条）。", zh.join("；")),
        format!("After approval these were edited without an approved change: {}. Restore the approved values, or change them through `request_change` → `approve_change` (Art 33).", en.join("; ")),
    )]
}
