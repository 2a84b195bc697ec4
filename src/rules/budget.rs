//! Chapter 4 (财政预算管理, Art 21–26): budgets only for projects in the library,
//! co-built projects, the responsibility letter, and O&M funding.

use super::{Ctx, Events, Hit, Rule, Stage};
use crate::model::*;

pub static RULES: &[Rule] = &[Rule {
    id: "art22.not_in_library",
    article: Some(22),
    severity: Severity::Block,
    title: "未纳入项目库的项目一律不安排年度预算",
    title_en: "No annual budget for a project that is not in the project library",
    stage: Stage::Gate,
    events: Events::Only(&[EventType::ApproveBudget]),
    check: false,
    eval: not_in_library,
    deadlines: None,
}];

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
