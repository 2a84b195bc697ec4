//! Chapter 4 (财政预算管理, Art 21–26): budgets only for projects in the library,
//! co-built projects, the responsibility letter, and O&M funding.
//!
//! Art 25 bars O&M funding under six conditions; each is its own rule so an OA
//! system can show and clear them one by one. The applicant must confirm each
//! condition in `request_om_funding`'s data: a flag that is absent is read as
//! "not confirmed", which bars the funding like a wrong value does (the
//! measures put the burden on the applicant: 项目建设单位不得申请). For
//! `major_security_risk` that means an explicit `false` is required.

use super::{Ctx, Events, Hit, Rule, Stage, RULE};
use crate::model::*;

const OM_FUNDING: Events = Events::Only(&[EventType::RequestOmFunding]);

pub static RULES: &[Rule] = &[
    Rule {
        id: "art22.not_in_library",
        article: Some(22),
        severity: Severity::Block,
        title: "未纳入项目库的项目一律不安排年度预算",
        title_en: "No annual budget for a project that is not in the project library",
        stage: Stage::Gate,
        events: Events::Only(&[EventType::ApproveBudget]),
        eval: not_in_library,
        remedy: (
            "先完成评审和立项，项目纳入项目库后再批复预算。",
            "Complete the reviews and 立项 first; approve the budget once the project is in the library.",
        ),
        supersedes: &["lifecycle.invalid_transition"],
        ..RULE
    },
    Rule {
        id: "art22.budget_not_copied",
        article: Some(22),
        severity: Severity::Warning,
        title: "预算批复未注明已抄送市大数据中心",
        title_en: "The budget approval does not state it was copied to the big-data centre",
        events: Events::Only(&[EventType::ApproveBudget]),
        eval: budget_not_copied,
        ..RULE
    },
    Rule {
        id: "art23.co_built_split_missing",
        article: Some(23),
        severity: Severity::Block,
        title: "济宁市和曲阜市协同建设项目未确定曲阜市承担的建设资金和运维经费",
        title_en:
            "A project co-built with Jining does not set Qufu's share of construction and O&M funds",
        events: Events::Only(&[EventType::ApproveBudget]),
        eval: co_built_split_missing,
        remedy: (
            "按事权划分确定曲阜市承担的建设资金和运维经费，补充申报后再批复预算。",
            "Set Qufu's shares of construction and O&M funds by the division of responsibilities, declare them, then approve the budget.",
        ),
        ..RULE
    },
    Rule {
        id: "art24.responsibility_letter_missing",
        article: Some(24),
        severity: Severity::Block,
        title: "未签署并备案《项目建设主体责任书》",
        title_en: "The project construction responsibility letter is not signed and filed",
        events: Events::Only(&[EventType::StartProcurement]),
        eval: responsibility_letter_missing,
        remedy: (
            "先签署并备案《项目建设主体责任书》，或随本事项附上，再组织采购。",
            "Sign and file the responsibility letter first (or attach it to this event), then start procurement.",
        ),
        ..RULE
    },
    Rule {
        id: "art25.om_data_not_shared",
        article: Some(25),
        severity: Severity::Block,
        title: "未按要求汇聚共享开放数据资源，不得申请运行维护经费",
        title_en: "No O&M funding: data resources not pooled, shared and opened as required",
        events: OM_FUNDING,
        eval: om_data_not_shared,
        form_answer: Some(|_, d| d.data_shared = Some(true)),
        remedy: (
            "落实所列要求后，在申请中如实填报，再申请运行维护经费。",
            "Meet the listed requirement, declare it truthfully, then apply for O&M funding.",
        ),
        ..RULE
    },
    Rule {
        id: "art25.om_infrastructure_not_unified",
        article: Some(25),
        severity: Severity::Block,
        title: "未按要求使用全市统一政务信息基础设施资源，不得申请运行维护经费",
        title_en:
            "No O&M funding: the city's unified government IT infrastructure not used as required",
        events: OM_FUNDING,
        eval: om_infrastructure_not_unified,
        form_answer: Some(|_, d| d.unified_infrastructure = Some(true)),
        remedy: (
            "落实所列要求后，在申请中如实填报，再申请运行维护经费。",
            "Meet the listed requirement, declare it truthfully, then apply for O&M funding.",
        ),
        ..RULE
    },
    Rule {
        id: "art25.om_crypto_security_noncompliant",
        article: Some(25),
        severity: Severity::Block,
        title: "不符合密码应用和网络安全要求，不得申请运行维护经费",
        title_en: "No O&M funding: cryptography or network-security requirements not met",
        events: OM_FUNDING,
        eval: om_crypto_security_noncompliant,
        form_answer: Some(|_, d| {
            d.crypto_compliant = Some(true);
            d.security_compliant = Some(true);
        }),
        remedy: (
            "落实所列要求后，在申请中如实填报，再申请运行维护经费。",
            "Meet the listed requirement, declare it truthfully, then apply for O&M funding.",
        ),
        ..RULE
    },
    Rule {
        id: "art25.om_poor_evaluation",
        article: Some(25),
        severity: Severity::Block,
        title: "绩效评价结果不佳，不得申请运行维护经费",
        title_en: "No O&M funding: poor performance evaluation",
        events: OM_FUNDING,
        eval: om_poor_evaluation,
        remedy: (
            "按后评价意见整改，提升绩效后再申请运行维护经费。",
            "Act on the post-evaluation's findings and improve performance before applying for O&M funding.",
        ),
        ..RULE
    },
    Rule {
        id: "art25.om_major_security_risk",
        article: Some(25),
        severity: Severity::Block,
        title: "存在重大安全隐患，不得申请运行维护经费",
        title_en: "No O&M funding: a major security risk exists",
        events: OM_FUNDING,
        eval: om_major_security_risk,
        form_answer: Some(|_, d| d.major_security_risk = Some(false)),
        remedy: (
            "消除重大安全隐患并经确认后，再申请运行维护经费。",
            "Remove the major security risk and have it confirmed, then apply for O&M funding.",
        ),
        ..RULE
    },
    Rule {
        id: "art25.om_progress_not_filed",
        article: Some(25),
        severity: Severity::Block,
        title: "未按要求在项目管理系统备案项目建设进展情况，不得申请运行维护经费",
        title_en:
            "No O&M funding: construction progress was not filed in the project management system",
        events: OM_FUNDING,
        eval: om_progress_not_filed,
        remedy: (
            "在项目管理系统补充备案建设进展情况后，再申请运行维护经费。",
            "File the construction progress in the project management system, then apply for O&M funding.",
        ),
        ..RULE
    },
    Rule {
        id: "art25.overrun_not_supplemented",
        article: Some(25),
        severity: Severity::Warning,
        title: "政务信息化项目建设原则上超支不补",
        title_en: "Overruns are in principle not topped up",
        events: Events::Only(&[EventType::ApproveChange]),
        eval: overrun_not_supplemented,
        ..RULE
    },
    Rule {
        id: "art25.surplus_to_return",
        article: Some(25),
        severity: Severity::Warning,
        title: "项目总投资有结余的，结余资金按原渠道退回",
        title_en: "A surplus of the total investment goes back by the original channel",
        events: Events::Only(&[EventType::PassFinalAcceptance]),
        eval: surplus_to_return,
        ..RULE
    },
];

// Art 22: 未纳入项目库的项目一律不安排年度预算 (a project enters the library at 立项, Art 18).
fn not_in_library(ctx: &Ctx) -> Vec<Hit> {
    let state = ctx.project.state;
    if !state.is_before_approval() {
        return Vec::new();
    }
    vec![Hit::new(
        format!("项目尚未立项纳入项目库（当前状态：{}），不能批复预算（第十八条、第二十二条）。", state.zh()),
        format!("The project has not been approved into the project library (state `{state}`), so no budget may be approved (Art 18, 22)."),
    )]
}

// Art 22: 市财政部门…并将预算批复情况抄送市政府办公室（市大数据中心）.
fn budget_not_copied(ctx: &Ctx) -> Vec<Hit> {
    if ctx.data().copied_to_big_data_center {
        return Vec::new();
    }
    vec![Hit::new(
        "预算批复下达时应同时抄送市政府办公室（市大数据中心）；本次批复未注明已抄送，请抄送后在批复中注明（第二十二条）。",
        "The budget approval must be copied to the municipal government office (big-data centre) when issued; this one does not state it was (`copied_to_big_data_center`, Art 22).",
    )]
}

// Art 23: 由济宁市和曲阜市协同建设的政务信息化项目，根据事权划分确定相应的建设内容和运维资金。
// 需曲阜市承担的建设资金、运维经费列入同级财政预算.
fn co_built_split_missing(ctx: &Ctx) -> Vec<Hit> {
    let a = ctx.attrs();
    if !a.co_built_with_jining {
        return Vec::new();
    }
    // A share of zero is a decision (Jining bears it all); only an undeclared share is missing.
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if a.qufu_construction_share_yuan.is_none() {
        zh.push("曲阜市承担的建设资金");
        en.push("Qufu's share of construction funds (`qufu_construction_share_yuan`)");
    }
    if a.qufu_om_share_yuan.is_none() {
        zh.push("曲阜市承担的运维经费");
        en.push("Qufu's share of O&M funds (`qufu_om_share_yuan`)");
    }
    if zh.is_empty() {
        return Vec::new();
    }
    vec![Hit::new(
        format!("本项目由济宁市和曲阜市协同建设，未确定{}。应根据事权划分确定建设内容和运维资金，曲阜市承担的建设资金、运维经费列入同级财政预算（第二十三条）。", zh.join("和")),
        format!("The project is co-built with Jining but does not set {}. Construction content and O&M funds are split by responsibilities, and Qufu's shares go into the municipal budget (Art 23).", en.join(" or ")),
    )]
}

// Art 24: 项目预算下达后，建设单位应签署《项目建设主体责任书》并通过项目管理系统备案.
fn responsibility_letter_missing(ctx: &Ctx) -> Vec<Hit> {
    let kind = DocumentKind::ResponsibilityLetter;
    if ctx.has_document(kind) {
        return Vec::new();
    }
    vec![Hit::new(
        format!("预算已下达，但建设单位尚未签署并备案{}，不能组织采购（第二十四条：谁建设谁负责，谁使用谁负责）。", kind.zh()),
        format!("The budget has been issued but the construction unit has not signed and filed the responsibility letter (`{kind}`), so procurement cannot start. File it first (`file_responsibility_letter`) or attach it to this event (Art 24: whoever builds it, and whoever uses it, is responsible)."),
    )]
}

/// How a confirmation flag of `request_om_funding` reads in a message.
fn declared(value: Option<bool>) -> (&'static str, &'static str) {
    match value {
        Some(true) => ("填报为“是”", "declared true"),
        Some(false) => ("填报为“否”", "declared false"),
        None => (
            "未填报（视为未确认）",
            "not declared (read as not confirmed)",
        ),
    }
}

/// The form's words for an event data field.
fn label(key: &str) -> &'static str {
    EventData::FIELDS
        .iter()
        .find(|f| f.key == key)
        .map_or("", |f| f.label)
}

/// “是” or “否”, as the form shows a yes/no answer.
fn yes_no(value: bool) -> &'static str {
    if value {
        "是"
    } else {
        "否"
    }
}

/// A single-condition bar of Art 25: the flag must be `Some(expected)`.
fn om_bar(value: Option<bool>, expected: bool, key: &str, zh: &str, en: &str) -> Vec<Hit> {
    if value == Some(expected) {
        return Vec::new();
    }
    let (state_zh, state_en) = declared(value);
    vec![Hit::new(
        format!("{zh}：“{}”{state_zh}，须为“{}”。项目建设单位不得申请运行维护经费（第二十五条）。", label(key), yes_no(expected)),
        format!("{en}: `data.{key}` is {state_en}; it must be {expected}. The construction unit may not apply for O&M funding (Art 25)."),
    )]
}

// Art 25: 对未按要求汇聚共享开放数据资源…项目建设单位不得申请运行维护经费.
fn om_data_not_shared(ctx: &Ctx) -> Vec<Hit> {
    om_bar(
        ctx.data().data_shared,
        true,
        "data_shared",
        "未确认已按要求汇聚共享开放数据资源",
        "Data resources are not confirmed as pooled, shared and opened as required",
    )
}

// Art 25: 未按要求使用全市统一政务信息基础设施资源…不得申请运行维护经费.
fn om_infrastructure_not_unified(ctx: &Ctx) -> Vec<Hit> {
    om_bar(
        ctx.data().unified_infrastructure,
        true,
        "unified_infrastructure",
        "未确认已按要求使用全市统一政务信息基础设施资源",
        "Use of the city's unified government IT infrastructure is not confirmed",
    )
}

// Art 25: 不符合密码应用和网络安全要求…不得申请运行维护经费.
fn om_crypto_security_noncompliant(ctx: &Ctx) -> Vec<Hit> {
    let d = ctx.data();
    let mut zh = Vec::new();
    let mut en = Vec::new();
    for (value, key, label_zh, label_en) in [
        (
            d.crypto_compliant,
            "crypto_compliant",
            "密码应用要求",
            "cryptography requirements",
        ),
        (
            d.security_compliant,
            "security_compliant",
            "网络安全要求",
            "network-security requirements",
        ),
    ] {
        if value != Some(true) {
            let (state_zh, state_en) = declared(value);
            zh.push(format!("{label_zh}（“{}”{state_zh}）", label(key)));
            en.push(format!("{label_en} (`data.{key}` {state_en})"));
        }
    }
    if zh.is_empty() {
        return Vec::new();
    }
    vec![Hit::new(
        format!("未确认符合{}，两项均须为“是”。不符合密码应用和网络安全要求的，项目建设单位不得申请运行维护经费（第二十五条）。", zh.join("、")),
        format!("Compliance is not confirmed with {}; both must be true. A project that does not meet the cryptography and network-security requirements may not apply for O&M funding (Art 25).", en.join(" and ")),
    )]
}

// Art 25: 绩效评价结果不佳…不得申请运行维护经费. Art 36: 项目评价情况作为后续安排运行维护资金的重要依据.
fn om_poor_evaluation(ctx: &Ctx) -> Vec<Hit> {
    // Only a commissioned post-evaluation counts (Art 36: 委托第三方).
    let k = &ctx.project.kernel;
    if k.post_evaluation != Some(EvaluationResult::Poor) || k.post_evaluator.is_none() {
        return Vec::new();
    }
    let poor = EvaluationResult::Poor;
    vec![Hit::new(
        format!("第三方后评价结果为“{}”，绩效评价结果不佳的，项目建设单位不得申请运行维护经费（第二十五条、第三十六条）。", poor.zh()),
        format!("The third-party post-evaluation result is `{poor}`; with a poor performance evaluation the construction unit may not apply for O&M funding (Art 25, 36)."),
    )]
}

// Art 25: 存在重大安全隐患…不得申请运行维护经费.
fn om_major_security_risk(ctx: &Ctx) -> Vec<Hit> {
    om_bar(
        ctx.data().major_security_risk,
        false,
        "major_security_risk",
        "未确认不存在重大安全隐患",
        "The absence of a major security risk is not confirmed",
    )
}

// Art 25: 未按要求在项目管理系统备案项目建设进展情况…不得申请运行维护经费.
fn om_progress_not_filed(ctx: &Ctx) -> Vec<Hit> {
    if !ctx.project.kernel.progress_reports.is_empty() {
        return Vec::new();
    }
    vec![Hit::new(
        format!("项目实施期间未在项目管理系统备案过建设进展情况（没有“{}”的记录），项目建设单位不得申请运行维护经费（第二十五条）。", EventType::ReportProgress.zh()),
        "No construction progress was filed in the project management system during implementation (no `report_progress` on record), so the construction unit may not apply for O&M funding (Art 25).",
    )]
}

/// The approved budget: the baseline's, or the declared one before 立项.
fn approved_budget(project: &Project) -> Option<Money> {
    project
        .kernel
        .baseline
        .as_ref()
        .and_then(|b| b.budget_yuan)
        .or(project.attrs.budget_yuan)
}

// Art 25: 政务信息化项目建设原则上超支不补.
fn overrun_not_supplemented(ctx: &Ctx) -> Vec<Hit> {
    let Some(change) = &ctx.project.kernel.pending_change else {
        return Vec::new();
    };
    let (Some(current), Some(proposed)) =
        (approved_budget(ctx.project), change.proposed.budget_yuan)
    else {
        return Vec::new();
    };
    if proposed <= current {
        return Vec::new();
    }
    let increase = Money(proposed.0 - current.0);
    vec![Hit::new(
        format!("本次调整将项目预算由 {} 元增加到 {} 元，增加 {} 元。政务信息化项目建设原则上超支不补（第二十五条），追加预算须有充分理由并按规定重新履行审批手续。", current.display(), proposed.display(), increase.display()),
        format!("This change raises the budget from {} to {} yuan, an increase of {} yuan. Overruns are in principle not topped up (Art 25); an increase needs strong grounds and a fresh approval.", current.display(), proposed.display(), increase.display()),
    )]
}

/// Goals or content changed by an approved change (Art 33), read from the history:
/// each `approve_change` settles the `request_change` before it.
fn goals_or_content_changed(project: &Project) -> Vec<BaselineAspect> {
    let mut changed = Vec::new();
    let mut pending: Option<&EventData> = None;
    for entry in project.history.entries() {
        match entry.event.kind {
            EventType::RequestChange => pending = Some(&entry.event.data),
            EventType::RejectChange => pending = None,
            EventType::ApproveChange => {
                if let Some(data) = pending.take() {
                    let proposed = data.proposed.clone().unwrap_or_default();
                    for (aspect, set) in [
                        (BaselineAspect::Goals, proposed.goals.is_some()),
                        (BaselineAspect::Content, proposed.content.is_some()),
                    ] {
                        if (set || data.aspects.contains(&aspect)) && !changed.contains(&aspect) {
                            changed.push(aspect);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    changed
}

// Art 25: 对于项目建设目标和内容不变，项目总投资有结余的，依照有关规定将结余资金按原渠道退回.
fn surplus_to_return(ctx: &Ctx) -> Vec<Hit> {
    let (Some(budget), Some(actual)) = (approved_budget(ctx.project), ctx.data().actual_cost_yuan)
    else {
        return Vec::new();
    };
    if actual >= budget {
        return Vec::new();
    }
    // The return rests on unchanged goals and content; a project whose goals or content were
    // changed by an approved change is settled "依照有关规定", outside these measures.
    if !goals_or_content_changed(ctx.project).is_empty() {
        return Vec::new();
    }
    let surplus = Money(budget.0 - actual.0);
    vec![Hit::new(
        format!("项目实际投资 {} 元，低于批复预算 {} 元，结余 {} 元。项目建设目标和内容未变，结余资金应依照有关规定按原渠道退回（第二十五条）。", actual.display(), budget.display(), surplus.display()),
        format!("The actual cost is {} yuan, below the approved budget of {} yuan: a surplus of {} yuan. With goals and content unchanged, the surplus must go back by the original funding channel (Art 25).", actual.display(), budget.display(), surplus.display()),
    )]
}
