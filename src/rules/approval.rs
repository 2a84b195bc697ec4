//! Chapter 3 (立项管理, Art 16–20): who approves, and projects filed from higher levels.

use super::{Ctx, Events, Hit, Rule, Stage, RULE};
use crate::lifecycle::Transition;
use crate::model::*;

pub static RULES: &[Rule] = &[
    Rule {
        id: "art16.approval_authority",
        article: Some(16),
        severity: Severity::Block,
        title: "立项须由市大数据中心根据评审意见统一办理（建设工程附属项目由市行政审批服务局立项并抄送）",
        title_en: "立项 is granted by the big-data centre on the review opinion (construction-attached projects by the administrative approval bureau, copied to the centre)",
        stage: Stage::Gate,
        events: Events::Only(&[EventType::Approve]),
        eval: approval_authority,
        form_answer: Some(|_, d| d.copied_to_big_data_center = true),
        supersedes: &["auth.role_not_permitted"],
        remedy: (
            "由市政府办公室（市大数据中心）办理立项；建设工程配套项目由市行政审批服务局立项，并将立项批复文件抄送市大数据中心。",
            "Have the big-data centre grant 立项; for a project attached to a construction project, the administrative approval bureau grants it and copies the approval to the centre.",
        ),
        ..RULE
    },
    Rule {
        id: "art19.not_higher_level",
        article: Some(19),
        severity: Severity::Block,
        title: "仅国家部委、省厅局组织建设的项目可备案入库",
        title_en: "Only projects organised by national ministries or provincial departments may be filed into the library",
        stage: Stage::Gate,
        events: Events::Only(&[EventType::FileHigherLevel]),
        eval: not_higher_level,
        supersedes: &["lifecycle.invalid_transition"],
        remedy: (
            "在申报信息中填写上级组织部门后再备案入库；不是上级部署的项目，应提交需求评审、技术评审并立项。",
            "Declare the higher-level organiser, then file; a project not organised from above goes through demand review, technical review and 立项.",
        ),
        ..RULE
    },
];

// Art 16: 由市政府办公室（市大数据中心）根据项目评审意见统一立项，市行政审批服务局应将配套政务信息化平台的
// 建设工程项目立项批复文件抄送政务信息化项目主管部门. Art 4: 市行政审批服务局负责建设工程附属的政务信息化项目立项.
fn approval_authority(ctx: &Ctx) -> Vec<Hit> {
    let Some(e) = ctx.event else {
        return Vec::new();
    };
    match e.actor.role {
        Role::BigDataCenter => Vec::new(),
        Role::AdminApproval if !ctx.attrs().attached_to_construction => vec![Hit::new(
            "市行政审批服务局仅负责建设工程附属的政务信息化项目立项（第四条、第十六条）；本项目申报为不属于建设工程配套项目，应由市政府办公室（市大数据中心）立项。",
            "The administrative approval bureau grants 立项 only to IT projects attached to a construction project (Art 4, 16); this project is not `attached_to_construction`, so the big-data centre must approve it.",
        )],
        Role::AdminApproval if !e.data.copied_to_big_data_center => vec![Hit::new(
            "市行政审批服务局办理建设工程附属项目立项时，应将立项批复文件抄送市政府办公室（市大数据中心）（第十六条）；本次立项未注明已抄送。",
            "When the administrative approval bureau approves a construction-attached project it must copy the approval to the big-data centre (Art 16); the event does not state it was copied (data.copied_to_big_data_center).",
        )],
        Role::AdminApproval => Vec::new(),
        other => vec![Hit::new(
            format!("{}无权立项；政务信息化项目由市政府办公室（市大数据中心）根据评审意见统一立项（第十六条）。", other.zh()),
            format!("Role `{other}` may not grant 立项; projects are approved by the big-data centre on the review opinion (Art 16)."),
        )],
    }
}

// Art 19: 对国家有关部委、省有关厅局组织地方建设的政务信息化项目，项目建设单位应在项目管理系统备案并纳入项目库.
fn not_higher_level(ctx: &Ctx) -> Vec<Hit> {
    // From a state the table does not allow, the state is what to fix first.
    let from_state = Transition::of(EventType::FileHigherLevel).starts_from(ctx.project.state);
    if ctx.attrs().higher_level.is_some() || !from_state {
        return Vec::new();
    }
    vec![Hit::new(
        "项目未填写上级组织部门（国家有关部委或省有关厅局），不能以备案方式直接入库，应履行需求评审、技术评审和立项程序（第十九条）。",
        "The project does not state it is organised by a national ministry or provincial department (`higher_level` is null), so it cannot be filed straight into the library; it must go through review and 立项 (Art 19).",
    )]
}
