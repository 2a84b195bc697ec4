//! Chapter 7 (验收和绩效评价管理, Art 34–36): the acceptance opinion, applying
//! for final acceptance on time (or with an extension), rectifying after a
//! failed acceptance, and the yearly self-evaluation once the system runs.
//!
//! Documents tied to one round of acceptance (the opinion, the rectification
//! plan) must belong to that round: filed with the event, or with an event
//! after the one that opened the round. A document filed for an earlier round
//! stays on file (CONTRACT §3) but does not answer for the next.

use super::{Ctx, Due, Events, Hit, Rule, RULE};
use crate::model::*;

pub static RULES: &[Rule] = &[
    Rule {
        id: "art34.acceptance_opinion_missing",
        article: Some(34),
        severity: Severity::Block,
        title: "竣工验收通过但验收组织单位未出具验收意见",
        title_en: "Final acceptance passed without the organiser's acceptance opinion",
        events: Events::Only(&[EventType::PassFinalAcceptance]),
        eval: acceptance_opinion_missing,
        ..RULE
    },
    Rule {
        id: "art35.final_acceptance_overdue",
        article: Some(35),
        severity: Severity::Violation,
        title: "未按期提出竣工验收申请（计划完成日期或批准的延期已过）",
        title_en: "Final acceptance not applied for on time (planned completion or approved extension passed)",
        events: Events::Only(&[EventType::ApplyFinalAcceptance]),
        check: true,
        eval: final_acceptance_overdue,
        deadlines: Some(final_acceptance_due),
        ..RULE
    },
    Rule {
        id: "art35.rectification_plan_missing",
        article: Some(35),
        severity: Severity::Block,
        title: "竣工验收未通过后重新提交申请，但未制定整改方案",
        title_en: "Final acceptance resubmitted without a rectification plan after failing",
        events: Events::Only(&[EventType::ResubmitFinalAcceptance]),
        eval: rectification_plan_missing,
        ..RULE
    },
    Rule {
        id: "art35.acceptance_rectification_overdue",
        article: Some(35),
        severity: Severity::Violation,
        title: "竣工验收未通过后未在限期内完成整改并重新提交申请",
        title_en: "Not rectified and resubmitted within the deadline set after a failed final acceptance",
        events: Events::Only(&[EventType::ResubmitFinalAcceptance]),
        check: true,
        eval: acceptance_rectification_overdue,
        deadlines: Some(acceptance_rectification_due),
        ..RULE
    },
    Rule {
        id: "art36.self_evaluation_overdue",
        article: Some(36),
        severity: Severity::Violation,
        title: "投入运营后未按年度开展项目自评价",
        title_en: "Yearly self-evaluation missing since the system went into operation",
        events: Events::Only(&[EventType::RequestOmFunding]),
        check: true,
        eval: self_evaluation_overdue,
        deadlines: Some(self_evaluation_due),
        ..RULE
    },
];

// Art 34: 验收组织单位出具验收意见并在项目管理系统备案. The opinion must be the one for this
// application (after the last apply_final_acceptance / resubmit_final_acceptance).
fn acceptance_opinion_missing(ctx: &Ctx) -> Vec<Hit> {
    let round = [
        EventType::ApplyFinalAcceptance,
        EventType::ResubmitFinalAcceptance,
    ];
    if ctx.filed_this_round(DocumentKind::AcceptanceOpinion, &round) {
        return Vec::new();
    }
    let filed_before = ctx
        .project
        .kernel
        .documents
        .get(&DocumentKind::AcceptanceOpinion);
    let (zh_note, en_note) = match filed_before {
        Some(d) => (
            format!("（{d} 备案的验收意见属于此前一轮验收，不能用于本次）"),
            format!(" (the opinion filed on {d} belongs to an earlier round)"),
        ),
        None => (String::new(), String::new()),
    };
    vec![Hit::new(
        format!(
            "竣工验收通过须由验收组织单位出具本次验收的验收意见（acceptance_opinion）并在项目管理系统备案（第三十四条）；事件未附验收意见{zh_note}。"
        ),
        format!(
            "Passing final acceptance needs the organiser's acceptance opinion for this round (`acceptance_opinion`), filed in the project management system (Art 34); none is attached{en_note}."
        ),
    )]
}

/// The date final acceptance must be applied for: the approved completion date
/// (the Art 33 baseline, which moves only with an approved change), or an approved
/// extension (Art 35) when that is later. The second value is the extension, if it applies.
fn final_acceptance_deadline(ctx: &Ctx) -> Option<(Date, Option<Date>)> {
    let planned = ctx
        .project
        .kernel
        .baseline
        .as_ref()
        .and_then(|b| b.planned_completion)
        .or(ctx.attrs().planned_completion);
    match (planned, ctx.project.kernel.approved_extension) {
        (Some(p), Some(x)) if x > p => Some((x, Some(x))),
        (Some(p), _) => Some((p, None)),
        (None, Some(x)) => Some((x, Some(x))),
        (None, None) => None,
    }
}

/// States in which final acceptance is still to be applied for.
fn awaiting_application(state: State) -> bool {
    matches!(
        state,
        State::Implementing | State::ChangeReview | State::PreliminaryAccepted
    )
}

// Art 35: 项目建设单位未按期提出竣工验收申请的，应当向市政府办公室（市大数据中心）提出延期验收申请.
// Late means after the approved completion date (or the approved extension). The unit's duty
// under Art 35 is to *request* the extension; while a request is pending and its proposed date
// has not passed, the lateness is reported as a `warning` awaiting the centre's decision.
fn final_acceptance_overdue(ctx: &Ctx) -> Vec<Hit> {
    let (on, applied) = match ctx.event {
        Some(e) => (e.date, true),
        None => match ctx.as_of {
            Some(d)
                if awaiting_application(ctx.project.state)
                    && ctx
                        .project
                        .milestone(Milestone::FinalAcceptanceApplied)
                        .is_none() =>
            {
                (d, false)
            }
            _ => return Vec::new(),
        },
    };
    let Some((due, extension)) = final_acceptance_deadline(ctx) else {
        return Vec::new();
    };
    if on <= due {
        return Vec::new();
    }
    let (zh_basis, en_basis) = match extension {
        Some(x) => (
            format!("批准的延期验收日期 {x}"),
            format!("the approved extension to {x}"),
        ),
        None => (
            format!("计划完成日期 {due}"),
            format!("the planned completion date {due}"),
        ),
    };
    let (zh_what, en_what) = if applied {
        (
            format!("竣工验收申请于 {on} 提出，晚于{zh_basis}"),
            format!("Final acceptance was applied for on {on}, after {en_basis}"),
        )
    } else {
        (
            format!("截至 {on} 仍未提出竣工验收申请，已超过{zh_basis}"),
            format!("As of {on} final acceptance has not been applied for, past {en_basis}"),
        )
    };
    let pending = ctx
        .project
        .kernel
        .requested_extension
        .filter(|requested| on <= *requested);
    match pending {
        Some(requested) => vec![Hit::new(
            format!(
                "{zh_what}；已提出延期验收申请（申请延至 {requested}），尚待市政府办公室（市大数据中心）批准（第三十五条）。"
            ),
            format!(
                "{en_what}; an extension to {requested} has been requested and awaits the big-data centre's approval (Art 35)."
            ),
        )
        .due(due)
        .severity(Severity::Warning)],
        None => vec![Hit::new(
            format!(
                "{zh_what}；未按期提出竣工验收申请的，应当事先向市政府办公室（市大数据中心）提出延期验收申请并获批准（第三十五条）。"
            ),
            format!(
                "{en_what}; a unit that cannot apply on time must request an extension from the big-data centre (Art 35), and none was approved."
            ),
        )
        .due(due)],
    }
}

fn final_acceptance_due(ctx: &Ctx) -> Vec<Due> {
    let p = ctx.project;
    if !awaiting_application(p.state) || p.milestone(Milestone::FinalAcceptanceApplied).is_some() {
        return Vec::new();
    }
    final_acceptance_deadline(ctx)
        .map(|(date, _)| Due {
            event: EventType::ApplyFinalAcceptance,
            date,
        })
        .into_iter()
        .collect()
}

// Art 35: 竣工验收未能通过的，项目建设单位应制定整改方案，限期整改，整改完成后重新提交竣工验收申请.
// The plan must be filed since the last failed acceptance (with this event or an earlier one).
fn rectification_plan_missing(ctx: &Ctx) -> Vec<Hit> {
    if ctx.filed_this_round(
        DocumentKind::RectificationPlan,
        &[EventType::FailFinalAcceptance],
    ) {
        return Vec::new();
    }
    vec![Hit::new(
        "竣工验收未能通过的，项目建设单位应制定整改方案（rectification_plan），限期整改，整改完成后重新提交竣工验收申请（第三十五条）；本次竣工验收未通过后尚未提交整改方案。",
        "After a failed final acceptance the construction unit must draw up a rectification plan (`rectification_plan`), rectify within the deadline and then resubmit (Art 35); no plan has been filed since the failure.",
    )]
}

// Art 35: 竣工验收未能通过的 … 限期整改，整改完成后重新提交竣工验收申请. The deadline is the one
// set when acceptance failed (`data.rectification_deadline`); resubmitting after it, or still
// rectifying as of `as_of` after it, is overdue.
fn acceptance_rectification_overdue(ctx: &Ctx) -> Vec<Hit> {
    let Some(deadline) = ctx.project.kernel.acceptance_rectification_deadline else {
        return Vec::new();
    };
    match ctx.event {
        Some(e) if e.date > deadline => vec![Hit::new(
            format!(
                "竣工验收未通过后限期整改至 {deadline}，重新提交竣工验收申请的日期为 {}，晚于整改期限（第三十五条）。",
                e.date
            ),
            format!(
                "After the failed final acceptance, rectification was due by {deadline}; final acceptance was resubmitted on {}, after that deadline (Art 35).",
                e.date
            ),
        )
        .due(deadline)],
        Some(_) => Vec::new(),
        None => match ctx.as_of {
            Some(as_of) if ctx.project.state == State::Rectifying && as_of > deadline => {
                vec![Hit::new(
                    format!(
                        "竣工验收未通过后限期整改至 {deadline}；截至 {as_of} 仍未完成整改并重新提交竣工验收申请（第三十五条）。"
                    ),
                    format!(
                        "After the failed final acceptance, rectification was due by {deadline}; as of {as_of} the project has not been rectified and resubmitted (Art 35)."
                    ),
                )
                .due(deadline)]
            }
            _ => Vec::new(),
        },
    }
}

fn acceptance_rectification_due(ctx: &Ctx) -> Vec<Due> {
    match (
        ctx.project.state,
        ctx.project.kernel.acceptance_rectification_deadline,
    ) {
        (State::Rectifying, Some(date)) => vec![Due {
            event: EventType::ResubmitFinalAcceptance,
            date,
        }],
        _ => Vec::new(),
    }
}

/// The most operating years counted (a bound for the loop, far beyond any system's life).
const MAX_OPERATING_YEARS: u32 = 200;

/// The day the self-evaluation for operating year `k` (k ≥ 1) is due: the k-th
/// anniversary of final acceptance.
fn self_evaluation_due_on(final_accepted: Date, k: u32) -> Date {
    final_accepted.plus_months(12 * k)
}

/// Operating years whose self-evaluation was due before `on` (due strictly earlier).
fn ended_operating_years(final_accepted: Date, on: Date) -> u32 {
    let mut k = 0;
    while k < MAX_OPERATING_YEARS && self_evaluation_due_on(final_accepted, k + 1) < on {
        k += 1;
    }
    k
}

// Art 36: 项目建设单位应在项目竣工验收并投入使用或运营后每年开展一次项目自评价，自评价报告报送市政府办公室（市大数据中心）.
// Definition: operating year k runs from the k-1-th to the k-th anniversary of final acceptance
// (`milestones.final_accepted`), and one self-evaluation is due for it by that k-th anniversary.
// On a date D, the years due are those whose anniversary is before D; the project is overdue
// when it has filed fewer self-evaluations (distinct `data.year`, whatever the label) than
// years due. A late evaluation therefore clears the oldest missing year once it is filed.
fn self_evaluation_overdue(ctx: &Ctx) -> Vec<Hit> {
    if ctx.project.state != State::Operating {
        return Vec::new();
    }
    let Some(accepted) = ctx.project.milestone(Milestone::FinalAccepted) else {
        return Vec::new();
    };
    let Some(on) = ctx.today() else {
        return Vec::new();
    };
    let ended = ended_operating_years(accepted, on);
    let filed = ctx.project.kernel.self_evaluations.len() as u32;
    if filed >= ended {
        return Vec::new();
    }
    let due = self_evaluation_due_on(accepted, filed + 1);
    let years: Vec<String> = ctx
        .project
        .kernel
        .self_evaluations
        .keys()
        .map(|y| y.to_string())
        .collect();
    let (zh_years, en_years) = if years.is_empty() {
        ("无".to_string(), "none".to_string())
    } else {
        (years.join("、"), years.join(", "))
    };
    let missing = ended - filed;
    vec![Hit::new(
        format!(
            "项目于 {accepted} 通过竣工验收投入运营，截至 {on} 已满 {ended} 个运营年度（每个运营年度的自评价须在竣工验收周年日（含当日）前报送），应报送 {ended} 份年度自评价报告，已报送 {filed} 份（年度：{zh_years}），缺少 {missing} 份，最早一份应于 {due} 前报送；项目建设单位应在投入运营后每年开展一次项目自评价并报送市政府办公室（市大数据中心）（第三十六条）。"
        ),
        format!(
            "The project passed final acceptance on {accepted}; as of {on}, {ended} operating year(s) have ended (each due a self-evaluation by the anniversary of final acceptance), but {filed} self-evaluation report(s) were filed (years: {en_years}), so {missing} are missing, the earliest due by {due}. The construction unit must self-evaluate every year of operation and report to the big-data centre (Art 36)."
        ),
    )
    .due(due)]
}

fn self_evaluation_due(ctx: &Ctx) -> Vec<Due> {
    if ctx.project.state != State::Operating {
        return Vec::new();
    }
    let Some(accepted) = ctx.project.milestone(Milestone::FinalAccepted) else {
        return Vec::new();
    };
    let filed = ctx.project.kernel.self_evaluations.len() as u32;
    vec![Due {
        event: EventType::SubmitSelfEvaluation,
        date: self_evaluation_due_on(accepted, filed + 1),
    }]
}
