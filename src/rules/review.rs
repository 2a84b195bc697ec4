//! Chapter 2 (项目评审, Art 6–15): what a project must bring to demand review
//! (`submit_demand`) and to technical review (`submit_technical`), and the
//! priority categories Art 14 favours.
//!
//! Art 17's emergency route is judged here too: it is a condition of
//! submitting to technical review straight from `draft`, and the measures
//! (Art 17: 经技术评审后…开展立项) send that project through the same technical
//! review as any other.

use super::{Ctx, Events, Hit, Rule, Stage, RULE};
use crate::model::*;
use rust_decimal::Decimal;

/// The demand submission, and an emergency project's submission straight from
/// `draft` (Art 17), which skips demand review but not what it judges.
const DEMAND: Events = Events::Only(&[EventType::SubmitDemand, EventType::SubmitTechnical]);
/// What technical review judges stands at every later step that relies on it:
/// the review's pass, 立项, and a change (judged against its proposed values).
pub(super) const TECHNICAL: Events = Events::Only(&[
    EventType::SubmitTechnical,
    EventType::PassTechnicalReview,
    EventType::Approve,
    EventType::ApproveChange,
]);
/// The reviews' passes, which rest on a review opinion (Art 6, 16).
const REVIEW_PASSES: Events =
    Events::Only(&[EventType::PassDemandReview, EventType::PassTechnicalReview]);

const RESUBMIT: (&str, &str) = (
    "补齐所列内容后重新提交；评审中的项目请由市大数据中心退回后修改再提交。",
    "Complete what is listed and submit again; a project under review is returned by the big-data centre, then corrected and resubmitted.",
);
const ATTACH: (&str, &str) = (
    "随本事项附上所列材料（或先行备案）后重新办理。",
    "Attach the listed document to this event (or file it first) and submit again.",
);
const REDESIGN: (&str, &str) = (
    "修改建设方案使其符合所列要求，更新申报信息后重新提交技术评审；已立项的项目通过提交调整申请办理。",
    "Revise the construction plan to meet the requirement, update the declared information and resubmit for technical review; after 立项, request a change.",
);

pub static RULES: &[Rule] = &[
    Rule {
        id: "art06.edited_under_review",
        article: Some(6),
        severity: Severity::Block,
        title: "评审期间修改了申报信息",
        title_en: "The declared information was edited while under review",
        stage: Stage::Gate,
        events: Events::Any,
        check: true,
        eval: edited_under_review,
        remedy: (
            "恢复评审时的申报信息；确需修改的，由市大数据中心退回（评审不通过）后修改，再重新提交评审。",
            "Restore the information as reviewed; to change it, have the big-data centre return the project (reject), then edit and resubmit.",
        ),
        ..RULE
    },
    Rule {
        id: "art06.review_opinion_missing",
        article: Some(6),
        severity: Severity::Block,
        title: "评审通过但未出具评审意见",
        title_en: "A review passed without its review opinion",
        events: REVIEW_PASSES,
        eval: review_opinion_missing,
        remedy: (
            "随本事项附上本轮评审出具的评审意见后再办理评审通过。",
            "Attach the opinion of this round of review to the event, then pass the review.",
        ),
        ..RULE
    },
    Rule {
        id: "art06.demand_incomplete",
        article: Some(6),
        severity: Severity::Block,
        title: "需求评审申报未明确建设依据、建设内容、建设目标或预算需求",
        title_en: "Demand review submission lacks the basis, content, goals or budget",
        events: DEMAND,
        eval: demand_incomplete,
        remedy: RESUBMIT,
        ..RULE
    },
    Rule {
        id: "art08.party_committee_decision_missing",
        article: Some(8),
        severity: Severity::Block,
        title: "建设需求未经部门（单位）党委（党组）会议集体研究",
        title_en: "The demand was not collectively decided by the unit's Party committee (leading group)",
        events: DEMAND,
        eval: party_committee_decision_missing,
        remedy: ATTACH,
        ..RULE
    },
    Rule {
        id: "art15.joint_plan_missing",
        article: Some(15),
        severity: Severity::Block,
        title: "跨部门共建共享项目未由牵头部门会同共建部门形成项目整体方案",
        title_en: "A cross-department project lacks its lead department, co-building departments or overall plan",
        events: DEMAND,
        eval: joint_plan_missing,
        remedy: RESUBMIT,
        ..RULE
    },
    Rule {
        id: "art17.emergency_decision_missing",
        article: Some(17),
        severity: Severity::Block,
        title: "急需追加项目未按市委、市政府决策程序办理",
        title_en: "An emergency project has no decision of the municipal Party committee and government",
        events: Events::Only(&[EventType::SubmitTechnical]),
        eval: emergency_decision_missing,
        remedy: ATTACH,
        ..RULE
    },
    Rule {
        id: "art06.construction_plan_missing",
        article: Some(6),
        severity: Severity::Block,
        title: "技术评审未提交项目建设方案",
        title_en: "Technical review submitted without the construction plan",
        events: TECHNICAL,
        check: true,
        eval: construction_plan_missing,
        remedy: ATTACH,
        ..RULE
    },
    Rule {
        id: "art06.crypto_plan_missing",
        article: Some(6),
        severity: Severity::Block,
        title: "技术评审未提交密码应用方案",
        title_en: "Technical review submitted without the cryptography application plan",
        events: TECHNICAL,
        check: true,
        eval: crypto_plan_missing,
        remedy: ATTACH,
        ..RULE
    },
    Rule {
        id: "art06.feasibility_study_missing",
        article: Some(6),
        severity: Severity::Block,
        title: "500万元及以上的重大项目未提供可行性研究报告",
        title_en: "A major project of 5,000,000 yuan or more lacks a feasibility study",
        events: TECHNICAL,
        check: true,
        eval: feasibility_study_missing,
        remedy: ATTACH,
        ..RULE
    },
    Rule {
        id: "art07.secure_reliable_statement_missing",
        article: Some(7),
        severity: Severity::Block,
        title: "未随建设方案提交产品安全可靠情况说明",
        title_en: "No statement on the security and reliability of the products with the construction plan",
        events: TECHNICAL,
        check: true,
        eval: secure_reliable_statement_missing,
        remedy: ATTACH,
        ..RULE
    },
    Rule {
        id: "art09.off_cloud_security_responsibility",
        article: Some(9),
        severity: Severity::Block,
        title: "未部署在政务云的系统未说明如何履行网络安全和数据保护主体责任",
        title_en: "A system not on the government cloud does not state how it bears its security and data-protection responsibility",
        events: TECHNICAL,
        check: true,
        eval: off_cloud_security_responsibility,
        remedy: ATTACH,
        ..RULE
    },
    Rule {
        id: "art10.internal_platform",
        article: Some(10),
        severity: Severity::Block,
        title: "对公服务系统未依托“山东通”平台建设",
        title_en: "A system serving government staff is not built on the Shandong-Tong platform",
        events: TECHNICAL,
        check: true,
        eval: internal_platform,
        remedy: REDESIGN,
        ..RULE
    },
    Rule {
        id: "art10.public_platform",
        article: Some(10),
        severity: Severity::Block,
        title: "面向公众的业务系统未依托一体化在线政务服务平台和“爱山东”平台建设",
        title_en: "A public-facing system is not built on both the integrated online service platform and Ai Shandong",
        events: TECHNICAL,
        check: true,
        eval: public_platform,
        remedy: REDESIGN,
        ..RULE
    },
    Rule {
        id: "art11.shared_use_expected",
        article: Some(11),
        severity: Severity::Block,
        title: "指挥调度、态势运行、智能算法等应用项目应共享共用",
        title_en: "Command-dispatch, situational-awareness and algorithm applications should be shared",
        events: TECHNICAL,
        check: true,
        eval: shared_use_expected,
        remedy: REDESIGN,
        ..RULE
    },
    Rule {
        id: "art12.supervision_integration_missing",
        article: Some(12),
        severity: Severity::Block,
        title: "执法监管业务系统未与省“互联网+监管”系统对接",
        title_en: "A law-enforcement supervision system does not connect to the provincial Internet+Supervision system",
        events: TECHNICAL,
        check: true,
        eval: supervision_integration_missing,
        remedy: REDESIGN,
        ..RULE
    },
    Rule {
        id: "art13.data_sharing_plan_missing",
        article: Some(13),
        severity: Severity::Block,
        title: "未提交信息共享方案（数据共享开放、纳入一体化大数据平台县级节点）",
        title_en: "No data-sharing plan (sharing and opening data, joining the county node of the big-data platform)",
        events: TECHNICAL,
        check: true,
        eval: data_sharing_plan_missing,
        remedy: ATTACH,
        ..RULE
    },
    Rule {
        id: "art14.priority_project",
        article: Some(14),
        severity: Severity::Info,
        title: "属于优先支持的政务信息化项目",
        title_en: "A project the measures support with priority",
        events: Events::None,
        check: true,
        eval: priority_project,
        ..RULE
    },
];

// Art 6: 评审 judges what was submitted; 立项 rests on 评审意见 (Art 16). What was
// submitted may change only in `draft` and `demand_approved`; under review, only by
// returning it (rejection) and submitting again.
fn edited_under_review(ctx: &Ctx) -> Vec<Hit> {
    let state = ctx.project.state;
    let under_review = matches!(
        state,
        State::DemandReview | State::TechnicalReview | State::TechnicalApproved
    );
    if !under_review || ctx.is_supervision_or_refusal() || !ctx.attributes_edited() {
        return Vec::new();
    }
    vec![Hit::new(
        format!("项目处于“{}”阶段，申报信息在提交评审后被修改，评审意见针对的是修改前的内容，不能据此继续办理（第六条）。", state.zh()),
        format!("The project is {}: the declared information was edited after it was submitted for review, so the review opinion no longer covers it (Art 6).", state.en().to_lowercase()),
    )]
}

// Art 6: 评审…出具评审意见. The opinion must be this round's (filed with the pass, or
// since the submission), not an earlier review's.
fn review_opinion_missing(ctx: &Ctx) -> Vec<Hit> {
    let Some(e) = ctx.event else {
        return Vec::new();
    };
    let opened_by: &[EventType] = match e.kind {
        EventType::PassDemandReview => &[EventType::SubmitDemand],
        _ => &[EventType::SubmitTechnical],
    };
    if ctx.filed_this_round(DocumentKind::ReviewOpinion, opened_by) {
        return Vec::new();
    }
    let review = if e.kind == EventType::PassDemandReview {
        ("需求评审", "demand review")
    } else {
        ("技术评审", "technical review")
    };
    vec![Hit::new(
        format!("{}通过须依据本轮评审出具的评审意见，本事项未附评审意见，此前也未就本次提交备案评审意见（第六条）。", review.0),
        format!("Passing {} rests on the opinion of this round of review; none is attached, nor filed since this submission (Art 6).", review.1),
    )]
}

/// Whether the submission's standing rules judge this context: at the events that
/// rely on technical review, or in `check` once the project was submitted to it.
fn judges_submission(ctx: &Ctx) -> bool {
    ctx.technical_submitted() && !(ctx.event.is_none() && ctx.project.state.is_terminal())
}

/// The submit_demand rules judge `submit_technical` only on the emergency route (Art 17).
fn judges_demand(ctx: &Ctx) -> bool {
    ctx.event_type() != Some(EventType::SubmitTechnical) || ctx.project.state == State::Draft
}

/// A declared text counts only if it says something.
fn is_blank(text: &Option<String>) -> bool {
    text.as_deref().map_or(true, |t| t.trim().is_empty())
}

/// One document the event must bring (or that must already be on file).
fn require_document(ctx: &Ctx, kind: DocumentKind, why_zh: &str, why_en: &str) -> Vec<Hit> {
    if ctx.has_document(kind) {
        return Vec::new();
    }
    vec![Hit::new(
        format!("未提交{}。{}", kind.zh(), why_zh),
        format!(
            "No `{}` is on file or attached to the event. {}",
            kind, why_en
        ),
    )]
}

// Art 6: 需求评审。项目建设单位应当明确项目建设依据、建设内容、建设目标、预算需求，利用项目管理系统申报.
fn demand_incomplete(ctx: &Ctx) -> Vec<Hit> {
    if !judges_demand(ctx) {
        return Vec::new();
    }
    let a = ctx.attrs();
    let mut zh = Vec::new();
    let mut en = Vec::new();
    for (text, label_zh, key) in [
        (&a.basis, "建设依据", "basis"),
        (&a.content, "建设内容", "content"),
        (&a.goals, "建设目标", "goals"),
    ] {
        if is_blank(text) {
            zh.push(label_zh.to_string());
            en.push(key.to_string());
        }
    }
    match a.budget_yuan {
        None => {
            zh.push("预算需求（未填写项目预算）".to_string());
            en.push("budget_yuan (not declared)".to_string());
        }
        Some(m) if m.0 <= Decimal::ZERO => {
            zh.push(format!(
                "预算需求（项目预算为 {} 元，须大于零）",
                m.display()
            ));
            en.push(format!(
                "budget_yuan (is {} yuan; must be more than zero)",
                m.display()
            ));
        }
        Some(_) => {}
    }
    if zh.is_empty() {
        return Vec::new();
    }
    vec![Hit::new(
        format!("需求评审申报缺少：{}。项目建设单位应当明确项目建设依据、建设内容、建设目标和预算需求后申报（第六条）。", zh.join("、")),
        format!("The demand review submission lacks: {}. The construction unit must state the basis, content, goals and budget of the project before submitting (Art 6).", en.join(", ")),
    )]
}

// Art 8: 项目建设单位应经部门（单位）党委（党组）会议集体研究，统筹建设需求形成整体方案.
fn party_committee_decision_missing(ctx: &Ctx) -> Vec<Hit> {
    if !judges_demand(ctx) {
        return Vec::new();
    }
    require_document(
        ctx,
        DocumentKind::PartyCommitteeDecision,
        "建设需求应经部门（单位）党委（党组）会议集体研究、统筹形成整体方案后申报（第八条）。",
        "The demand must be collectively decided by the unit's Party committee (leading group) and consolidated into one plan before it is submitted (Art 8).",
    )
}

// Art 15: 跨部门、跨层级共建共享的项目，应由项目牵头部门会同共建部门形成项目整体方案，一体化推进实施.
fn joint_plan_missing(ctx: &Ctx) -> Vec<Hit> {
    let a = ctx.attrs();
    if !a.cross_department || !judges_demand(ctx) {
        return Vec::new();
    }
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if is_blank(&a.lead_department) {
        zh.push("牵头部门".to_string());
        en.push("lead department (`lead_department`)".to_string());
    }
    if a.co_departments.iter().all(|d| d.trim().is_empty()) {
        zh.push("共建部门".to_string());
        en.push("co-building departments (`co_departments`)".to_string());
    }
    if !ctx.has_document(DocumentKind::OverallPlan) {
        let kind = DocumentKind::OverallPlan;
        zh.push(kind.zh().to_string());
        en.push(format!("the overall plan (`{kind}`)"));
    }
    if zh.is_empty() {
        return Vec::new();
    }
    vec![Hit::new(
        format!("本项目为跨部门共建共享项目，缺少：{}。应由项目牵头部门会同共建部门形成项目整体方案，一体化推进实施（第十五条）。", zh.join("、")),
        format!("This is a cross-department project and lacks: {}. The lead department must draw up an overall plan together with the co-building departments (Art 15).", en.join(", ")),
    )]
}

// Art 17: 因突发性或临时性工作要求，急需申请追加的项目，项目建设单位应按照市委、市政府决策程序，经技术评审后根据本办法开展立项.
fn emergency_decision_missing(ctx: &Ctx) -> Vec<Hit> {
    // Only the emergency route (straight from `draft`, skipping demand review) rests on Art 17;
    // a non-emergency project from `draft` is refused by `lifecycle.invalid_transition`.
    if ctx.project.state != State::Draft || !ctx.attrs().emergency {
        return Vec::new();
    }
    require_document(
        ctx,
        DocumentKind::MunicipalDecision,
        "急需追加的项目不经需求评审直接提交技术评审，须按照市委、市政府决策程序办理并附决策文件（第十七条）。",
        "An emergency project goes to technical review without demand review only under a decision of the municipal Party committee and government, which must be attached (`municipal_decision`, Art 17).",
    )
}

// Art 6: 技术评审。项目建设单位应根据需求评审结果编制项目建设方案和密码应用方案…通过项目管理系统提交.
fn construction_plan_missing(ctx: &Ctx) -> Vec<Hit> {
    if !judges_submission(ctx) {
        return Vec::new();
    }
    require_document(
        ctx,
        DocumentKind::ConstructionPlan,
        "技术评审须提交根据需求评审结果编制的项目建设方案（第六条）。",
        "Technical review requires the construction plan drawn up from the demand review's result (Art 6).",
    )
}

// Art 6: 项目建设单位应根据需求评审结果编制项目建设方案和密码应用方案. Art 38: 同步规划…密码保障系统.
fn crypto_plan_missing(ctx: &Ctx) -> Vec<Hit> {
    if !judges_submission(ctx) {
        return Vec::new();
    }
    require_document(
        ctx,
        DocumentKind::CryptoPlan,
        "技术评审须同时提交密码应用方案（第六条；第三十八条要求密码保障系统同步规划）。",
        "Technical review requires the cryptography application plan together with the construction plan (Art 6; Art 38 requires cryptography to be planned with the system).",
    )
}

/// 500万元: the threshold of a major project (Art 6), in yuan.
fn major_project_threshold() -> Decimal {
    Decimal::from(5_000_000)
}

// Art 6: 500万元及以上的重大项目需提供可行性研究报告.
fn feasibility_study_missing(ctx: &Ctx) -> Vec<Hit> {
    // 及以上: the threshold itself is a major project. An undeclared budget decides nothing
    // here; `art06.demand_incomplete` asks for it at demand review.
    let Some(budget) = ctx.attrs().budget_yuan.filter(|_| judges_submission(ctx)) else {
        return Vec::new();
    };
    let threshold = Money(major_project_threshold());
    if budget < threshold || ctx.has_document(DocumentKind::FeasibilityStudy) {
        return Vec::new();
    }
    let kind = DocumentKind::FeasibilityStudy;
    vec![Hit::new(
        format!("项目预算 {} 元，达到 {} 元（500万元）及以上，属于重大项目，须提供{}，目前未提交（第六条）。", budget.display(), threshold.display(), kind.zh()),
        format!("The budget is {} yuan, at or above {} yuan (5 million): a major project, which must provide a feasibility study (`{kind}`); none is on file or attached (Art 6).", budget.display(), threshold.display()),
    )]
}

// Art 7: 项目建设单位应对产品的安全可靠情况进行说明，和项目建设方案一并提交技术评审.
fn secure_reliable_statement_missing(ctx: &Ctx) -> Vec<Hit> {
    if !judges_submission(ctx) {
        return Vec::new();
    }
    require_document(
        ctx,
        DocumentKind::SecureReliableStatement,
        "项目建设应采用安全可靠的技术和产品，建设单位应对产品的安全可靠情况进行说明，和项目建设方案一并提交技术评审（第七条）。",
        "The project must use secure and reliable technology and products, and the construction unit must describe their security and reliability together with the construction plan (Art 7).",
    )
}

// Art 9: 对于未能部署在政务云的信息化系统，应当履行网络安全和数据保护主体责任.
fn off_cloud_security_responsibility(ctx: &Ctx) -> Vec<Hit> {
    if ctx.attrs().deploy_on_gov_cloud || !judges_submission(ctx) {
        return Vec::new();
    }
    require_document(
        ctx,
        DocumentKind::SecurityResponsibilityStatement,
        "本项目申报为不部署在市政务云，建设单位应当说明如何履行网络安全和数据保护主体责任（第九条）。",
        "The system is not deployed on the municipal government cloud (`deploy_on_gov_cloud` is false), so the construction unit must state how it bears its network-security and data-protection responsibility (Art 9).",
    )
}

// Art 10: 面向机关单位及公职人员的对公服务系统，应依托“山东通”平台进行建设.
fn internal_platform(ctx: &Ctx) -> Vec<Hit> {
    let a = ctx.attrs();
    if a.audience != Some(Audience::Internal)
        || a.platforms.contains(&Platform::ShandongTong)
        || !judges_submission(ctx)
    {
        return Vec::new();
    }
    let (zh, en) = platform_list(&a.platforms);
    vec![Hit::new(
        format!("本系统的服务对象为机关单位及公职人员，应依托{}建设；申报的依托平台：{}（第十条）。", Platform::ShandongTong.zh(), zh),
        format!("The system serves government units and staff (`audience` internal), so it must be built on the Shandong-Tong platform (`shandong_tong`); declared platforms: {en} (Art 10)."),
    )]
}

// Art 10: 面向公众提供公共服务的业务系统，应依托一体化在线政务服务平台和“爱山东”移动政务服务平台进行建设.
fn public_platform(ctx: &Ctx) -> Vec<Hit> {
    let a = ctx.attrs();
    if a.audience != Some(Audience::Public) || !judges_submission(ctx) {
        return Vec::new();
    }
    let missing: Vec<Platform> = [Platform::IntegratedOnlineService, Platform::AiShandong]
        .into_iter()
        .filter(|p| !a.platforms.contains(p))
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let (missing_zh, missing_en) = platform_list(&missing);
    let (declared_zh, declared_en) = platform_list(&a.platforms);
    vec![Hit::new(
        format!("本系统面向公众提供公共服务，应依托一体化在线政务服务平台和“爱山东”移动政务服务平台建设；缺少：{missing_zh}；申报的依托平台：{declared_zh}（第十条）。"),
        format!("The system serves the public (`audience` public), so it must be built on both the integrated online government service platform and the Ai Shandong mobile platform; missing: {missing_en}; declared platforms: {declared_en} (Art 10)."),
    )]
}

fn platform_list(platforms: &[Platform]) -> (String, String) {
    if platforms.is_empty() {
        return ("无".to_string(), "none".to_string());
    }
    let zh: Vec<&str> = platforms.iter().map(|p| p.zh()).collect();
    let en: Vec<&str> = platforms.iter().map(|p| p.as_str()).collect();
    (zh.join("、"), en.join(", "))
}

// Art 11: 指挥调度、态势运行、智能算法等应用项目应共享共用.
fn shared_use_expected(ctx: &Ctx) -> Vec<Hit> {
    let a = ctx.attrs();
    if a.shared_use || !judges_submission(ctx) {
        return Vec::new();
    }
    let kinds: Vec<AppType> = a
        .app_types
        .iter()
        .copied()
        .filter(|t| {
            matches!(
                t,
                AppType::CommandDispatch
                    | AppType::SituationalAwareness
                    | AppType::IntelligentAlgorithm
            )
        })
        .collect();
    if kinds.is_empty() {
        return Vec::new();
    }
    let zh: Vec<&str> = kinds.iter().map(|t| t.zh()).collect();
    let en: Vec<&str> = kinds.iter().map(|t| t.as_str()).collect();
    vec![Hit::new(
        format!("本项目属于{}类应用，但未申报共享共用。指挥调度、态势运行、智能算法等应用项目应共享共用（第十一条）。", zh.join("、")),
        format!("The project is a {} application but does not declare shared use (`shared_use`). Command-dispatch, situational-awareness and algorithm applications should be shared (Art 11); describe how it will be shared.", en.join(", ")),
    )]
}

// Art 12: 执法监管业务系统应与省“互联网+监管”系统对接，及时推送监管数据.
fn supervision_integration_missing(ctx: &Ctx) -> Vec<Hit> {
    let a = ctx.attrs();
    if !judges_submission(ctx)
        || !a.app_types.contains(&AppType::LawEnforcementSupervision)
        || a.integrations
            .contains(&Integration::InternetPlusSupervision)
    {
        return Vec::new();
    }
    vec![Hit::new(
        format!("本项目为执法监管业务系统，申报的对接系统中没有{}。执法监管业务系统应与省“互联网+监管”系统对接，及时推送监管数据（第十二条）。", Integration::InternetPlusSupervision.zh()),
        "The project is a law-enforcement supervision system (`app_types` includes law_enforcement_supervision) but does not declare the connection to the provincial Internet+Supervision system (`integrations` lacks internet_plus_supervision). Such systems must connect to it and push supervision data promptly (Art 12).",
    )]
}

// Art 13: 项目建设单位应建立信息共享长效机制，确保实现数据共享开放有关要求，数据资源应纳入一体化大数据平台县级节点.
fn data_sharing_plan_missing(ctx: &Ctx) -> Vec<Hit> {
    if !judges_submission(ctx) {
        return Vec::new();
    }
    require_document(
        ctx,
        DocumentKind::DataSharingPlan,
        "项目建设单位应建立信息共享长效机制，确保实现数据共享开放要求，数据资源纳入一体化大数据平台县级节点（第十三条）。",
        "The construction unit must set up a lasting data-sharing mechanism that meets the data sharing and opening requirements and puts the data into the county node of the integrated big-data platform (Art 13).",
    )
}

// Art 14: 优先支持国家和省、市试点、民生保障、优化营商环境等相关政务信息化项目.
fn priority_project(ctx: &Ctx) -> Vec<Hit> {
    let a = ctx.attrs();
    // A terminated project is no longer supported at all.
    if a.priority_categories.is_empty() || ctx.project.state.is_terminal() {
        return Vec::new();
    }
    let zh: Vec<&str> = a.priority_categories.iter().map(|c| c.zh()).collect();
    let en: Vec<&str> = a.priority_categories.iter().map(|c| c.as_str()).collect();
    vec![Hit::new(
        format!("本项目属于优先支持类别：{}（第十四条：优先支持国家和省、市试点、民生保障、优化营商环境等相关政务信息化项目）。", zh.join("、")),
        format!("The project is in a priority category: {} (Art 14: pilots, livelihood and business-environment projects are supported with priority).", en.join(", ")),
    )]
}
