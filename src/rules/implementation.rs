//! Chapter 6 (项目实施和变更管理, Art 31–33): implement what was approved; change only with approval.

use super::{Ctx, Events, Hit, Rule, Stage};
use crate::model::*;

pub static RULES: &[Rule] = &[Rule {
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
    deadlines: None,
}];

// Art 33: 对于建设目标、建设地点、项目预算、主要建设内容和建设进度等发生较大变化的，项目建设单位应事先向
// 项目审批部门提交调整申请，重新履行审批手续.
fn major_change_unapproved(ctx: &Ctx) -> Vec<Hit> {
    let Some(baseline) = &ctx.project.kernel.baseline else {
        return Vec::new();
    };
    let current = ctx.attrs().baseline_values();
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
        format!("立项批复后以下事项被直接修改，未经调整申请和审批：{}。请恢复批复值，或通过 request_change → approve_change 办理调整（第三十三条）。", zh.join("；")),
        format!("After approval these were edited without an approved change: {}. Restore the approved values, or change them through request_change → approve_change (Art 33).", en.join("; ")),
    )]
}
