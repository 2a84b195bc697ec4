//! Chapter 9 (监督管理, Art 40–46): rectification, sanctions, and no construction before 立项.

use super::{Ctx, Events, Hit, Rule, Stage};
use crate::model::*;

pub static RULES: &[Rule] = &[Rule {
    id: "art44.not_approved",
    article: Some(44),
    severity: Severity::Block,
    title: "未经立项的政务信息化项目一律不准建设",
    title_en: "No construction of a project that has not been approved (立项)",
    stage: Stage::Gate,
    events: Events::Only(&[
        EventType::StartProcurement,
        EventType::AwardBid,
        EventType::SignContract,
        EventType::FileContract,
        EventType::StartImplementation,
    ]),
    check: false,
    eval: not_approved,
    deadlines: None,
}];

// Art 44: 未经立项的政务信息化项目一律不准建设.
fn not_approved(ctx: &Ctx) -> Vec<Hit> {
    let (Some(e), state) = (ctx.event, ctx.project.state) else {
        return Vec::new();
    };
    if !state.is_before_approval() {
        return Vec::new();
    }
    vec![Hit::new(
        format!("项目尚未立项（当前状态：{}），不得“{}”；未经立项的政务信息化项目一律不准建设（第四十四条）。", state.zh(), e.kind.zh()),
        format!("The project has not been approved (state `{state}`), so `{}` is not allowed: no construction before 立项 (Art 44).", e.kind),
    )]
}
