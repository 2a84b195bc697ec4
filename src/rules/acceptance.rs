//! Chapter 7 (验收和绩效评价管理, Art 34–36): who organises final acceptance and
//! its opinion, applying for final acceptance on time (or with an extension
//! requested in time), rectifying after a failed acceptance, the yearly
//! self-evaluation once the system runs, and the commissioned post-evaluation.
//!
//! Documents tied to one round of acceptance (the opinion, the rectification
//! plan) must belong to that round: filed with the event, or with an event
//! after the one that opened the round. A document filed for an earlier round
//! stays on file (CONTRACT §3) but does not answer for the next.

use super::{Ctx, Due, Events, Hit, Rule, Since, Stage, RULE};
use crate::model::*;

pub static RULES: &[Rule] = &[
    Rule {
        id: "art34.not_delegated",
        article: Some(34),
        severity: Severity::Block,
        title: "市大数据中心未委托，项目建设单位不能组织竣工验收",
        title_en: "The construction unit decides final acceptance only once the big-data centre has delegated it",
        stage: Stage::Gate,
        since: Since::Always,
        events: Events::Only(&[
            EventType::PassFinalAcceptance,
            EventType::FailFinalAcceptance,
        ]),
        eval: not_delegated,
        supersedes: &["auth.role_not_permitted"],
        remedy: (
            "请市大数据中心先办理“委托项目建设单位组织竣工验收”，或由市大数据中心组织竣工验收。",
            "Have the big-data centre record `delegate_final_acceptance` first, or let the centre organise final acceptance itself.",
        ),
        ..RULE
    },
    Rule {
        id: "art34.acceptance_opinion_missing",
        article: Some(34),
        severity: Severity::Block,
        title: "竣工验收通过但验收组织单位未出具验收意见",
        title_en: "Final acceptance passed without the organiser's acceptance opinion",
        events: Events::Only(&[EventType::PassFinalAcceptance]),
        eval: acceptance_opinion_missing,
        remedy: (
            "请由验收组织单位出具本次竣工验收的验收意见，随“竣工验收通过”一并提交，在项目管理系统备案。",
            "Have the organiser issue the acceptance opinion for this round and attach it (`acceptance_opinion`) to `pass_final_acceptance`.",
        ),
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
        remedy: (
            "请尽快提出竣工验收申请；不能按期申请的，应在期限届满前（含当日）向市政府办公室（市大数据中心）提出延期验收申请。",
            "Apply for final acceptance as soon as possible; a unit that cannot apply on time must request an extension from the big-data centre by the deadline (inclusive).",
        ),
        ..RULE
    },
    Rule {
        id: "art35.extension_requested_late",
        article: Some(35),
        severity: Severity::Violation,
        title: "延期验收申请在竣工验收申请期限届满后才提出",
        title_en: "Extension requested only after the final-acceptance deadline had passed",
        events: Events::Only(&[EventType::RequestExtension]),
        eval: extension_requested_late,
        remedy: (
            "延期验收申请应在计划完成日期（或已批准的延期日期）届满前（含当日）提出；逾期未申请的情形已记录，请尽快提出竣工验收申请。",
            "An extension must be requested by the planned completion date (or approved extension), inclusive; the lateness is recorded. Apply for final acceptance as soon as possible.",
        ),
        ..RULE
    },
    Rule {
        id: "art35.extension_not_requested",
        article: Some(35),
        severity: Severity::Block,
        title: "没有待审批的延期验收申请",
        title_en: "No extension request awaits a decision",
        events: Events::Only(&[
            EventType::ApproveExtension,
            EventType::RejectExtension,
        ]),
        eval: extension_not_requested,
        remedy: (
            "延期验收由项目建设单位在期限届满前（含当日）提出申请后审批：请先由项目建设单位办理“申请延期验收”。",
            "An extension is decided on the construction unit's request, made by the deadline (inclusive): have the unit record `request_extension` first.",
        ),
        ..RULE
    },
    Rule {
        id: "art35.extension_not_later",
        article: Some(35),
        severity: Severity::Block,
        title: "延期验收的日期不晚于其延长的期限",
        title_en: "Extension date not after the deadline it extends",
        events: Events::Only(&[
            EventType::RequestExtension,
            EventType::ApproveExtension,
        ]),
        eval: extension_not_later,
        remedy: (
            "请将“延期至”填写为晚于现行竣工验收申请期限（计划完成日期或已批准的延期日期）的日期。",
            "Set `new_deadline` to a date after the deadline in force (the planned completion date or the approved extension).",
        ),
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
        remedy: (
            "请制定本次竣工验收未通过后的整改方案，随“重新提交竣工验收申请”一并提交。",
            "Draw up the rectification plan for this failed acceptance and attach it (`rectification_plan`) to `resubmit_final_acceptance`.",
        ),
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
        remedy: (
            "请尽快按整改方案完成整改，并重新提交竣工验收申请。",
            "Complete the rectification under the plan and resubmit for final acceptance as soon as possible.",
        ),
        ..RULE
    },
    Rule {
        id: "art36.self_evaluation_year_invalid",
        article: Some(36),
        severity: Severity::Block,
        title: "自评价年度尚未开始或早于项目投入运营",
        title_en: "Self-evaluation for a year that has not begun, or before operation began",
        events: Events::Only(&[EventType::SubmitSelfEvaluation]),
        eval: self_evaluation_year_invalid,
        remedy: (
            "请填写已经开始的运营年度：不早于竣工验收通过的年度，不晚于报送之日所在年度。",
            "Give a year of operation that has begun: not before the year of final acceptance, not after the year of the submission.",
        ),
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
        remedy: (
            "请开展项目自评价，办理“报送年度自评价报告”，报送市政府办公室（市大数据中心）。",
            "Carry out the self-evaluation and file it with `submit_self_evaluation` to the big-data centre.",
        ),
        ..RULE
    },
    Rule {
        id: "art36.post_evaluation_not_commissioned",
        article: Some(36),
        severity: Severity::Block,
        title: "后评价不是由市大数据中心委托的第三方检测评价机构完成",
        title_en: "Post-evaluation not by the third party the big-data centre commissioned",
        stage: Stage::Gate,
        since: Since::Always,
        events: Events::Only(&[EventType::CompletePostEvaluation]),
        eval: post_evaluation_not_commissioned,
        remedy: (
            "后评价须由市政府办公室（市大数据中心）办理“委托第三方开展后评价”，再由受托评价机构登记“完成后评价”。",
            "The big-data centre commissions the post-evaluation (`commission_post_evaluation`); only the commissioned body then records `complete_post_evaluation`.",
        ),
        ..RULE
    },
];

// Art 34: 竣工验收由市政府办公室（市大数据中心）或者委托项目建设单位组织. The delegation is the
// centre's act (`delegate_final_acceptance`); the unit's own word (`data.delegated`) is not.
fn not_delegated(ctx: &Ctx) -> Vec<Hit> {
    let Some(e) = ctx.event else {
        return Vec::new();
    };
    if e.actor.role != Role::ConstructionUnit
        || ctx
            .project
            .milestone(Milestone::FinalAcceptanceDelegated)
            .is_some()
    {
        return Vec::new();
    }
    let (zh_note, en_note) = if e.data.delegated {
        (
            "；随事件申报“是否受委托组织验收”不能代替市大数据中心的委托",
            "; the event's own `delegated` does not replace the centre's act",
        )
    } else {
        ("", "")
    };
    vec![Hit::new(
        format!(
            "竣工验收由市政府办公室（市大数据中心）组织，或者由其委托项目建设单位组织（第三十四条）；本项目没有市大数据中心“{}”的记录，项目建设单位不能办理“{}”{zh_note}。",
            EventType::DelegateFinalAcceptance.zh(),
            e.kind.zh()
        ),
        format!(
            "Final acceptance is organised by the big-data centre, or by the construction unit it delegates (Art 34); the record has no `delegate_final_acceptance`, so the construction unit may not perform `{}`{en_note}.",
            e.kind
        ),
    )]
}

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
            "竣工验收通过须由验收组织单位出具本次验收的验收意见并在项目管理系统备案（第三十四条）；事件未附验收意见{zh_note}。"
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
        .or(ctx.project.attrs.planned_completion);
    match (planned, ctx.project.kernel.approved_extension) {
        (Some(p), Some(x)) if x > p => Some((x, Some(x))),
        (Some(p), _) => Some((p, None)),
        (None, Some(x)) => Some((x, Some(x))),
        (None, None) => None,
    }
}

/// "计划完成日期 D" / "the planned completion date D", or the approved extension.
fn deadline_basis(due: Date, extension: Option<Date>) -> (String, String) {
    match extension {
        Some(x) => (
            format!("批准的延期验收日期 {x}"),
            format!("the approved extension to {x}"),
        ),
        None => (
            format!("计划完成日期 {due}"),
            format!("the planned completion date {due}"),
        ),
    }
}

/// The day the pending extension was requested: the kernel's record, or for a
/// record written before it kept one (0.1), the last `request_extension` in the history.
fn extension_requested_on(ctx: &Ctx) -> Option<Date> {
    let k = &ctx.project.kernel;
    k.requested_extension?;
    k.extension_requested_on.or_else(|| {
        ctx.project
            .history
            .entries()
            .iter()
            .rev()
            .find(|e| e.event.kind == EventType::RequestExtension)
            .map(|e| e.event.date)
    })
}

/// States in which final acceptance is still to be applied for.
fn awaiting_application(state: State) -> bool {
    matches!(
        state,
        State::Implementing | State::ChangeReview | State::PreliminaryAccepted
    )
}

// Art 35: 项目建设单位未按期提出竣工验收申请的，应当向市政府办公室（市大数据中心）提出延期验收申请.
// Late means after the approved completion date (or the approved extension), both inclusive.
// The unit's duty is to *request* the extension, and a request answers for lateness only
// if made by the deadline: then, until the centre decides and never beyond the date it
// proposes, the lateness is a `warning`. A request made after the deadline softens nothing.
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
    let (zh_basis, en_basis) = deadline_basis(due, extension);
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
    let requested = ctx.project.kernel.requested_extension;
    let requested_on = extension_requested_on(ctx);
    match (requested, requested_on) {
        (Some(to), Some(asked)) if asked <= due && on <= to => vec![Hit::new(
            format!(
                "{zh_what}；已于 {asked} 按期提出延期验收申请（申请延至 {to}），尚待市政府办公室（市大数据中心）决定（第三十五条）。"
            ),
            format!(
                "{en_what}; an extension to {to} has been requested on {asked}, in time, and awaits the big-data centre's decision (Art 35)."
            ),
        )
        .due(due)
        .severity(Severity::Warning)],
        (Some(to), Some(asked)) if asked > due => vec![Hit::new(
            format!(
                "{zh_what}；延期验收申请（申请延至 {to}）于 {asked} 才提出，晚于期限，不能减轻逾期；未按期提出竣工验收申请的，应当在期限届满前向市政府办公室（市大数据中心）提出延期验收申请（第三十五条）。"
            ),
            format!(
                "{en_what}; the extension (to {to}) was requested only on {asked}, after the deadline, so it does not excuse the lateness: a unit that cannot apply on time must request an extension from the big-data centre before the deadline passes (Art 35)."
            ),
        )
        .due(due)],
        (Some(to), _) => vec![Hit::new(
            format!(
                "{zh_what}；延期验收申请的日期（申请延至 {to}）也已超过，尚未获批准（第三十五条）。"
            ),
            format!(
                "{en_what}; the date the requested extension proposes ({to}) has passed too, and it was not approved (Art 35)."
            ),
        )
        .due(due)],
        (None, _) => vec![Hit::new(
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

// Art 35: 未按期提出竣工验收申请的，应当 … 提出延期验收申请 — the request comes before the
// deadline passes (on the deadline day itself is in time). A late request is accepted (it
// happened, and the centre may still decide on it) but the lateness stands.
fn extension_requested_late(ctx: &Ctx) -> Vec<Hit> {
    let (Some(e), Some((due, extension))) = (ctx.event, final_acceptance_deadline(ctx)) else {
        return Vec::new();
    };
    if e.date <= due {
        return Vec::new();
    }
    let days = (e.date.0 - due.0).num_days();
    let (zh_basis, en_basis) = deadline_basis(due, extension);
    vec![Hit::new(
        format!(
            "延期验收申请于 {} 提出，晚于{zh_basis} {days} 天；未按期提出竣工验收申请的，应当在期限届满前向市政府办公室（市大数据中心）提出延期验收申请（第三十五条），逾期的情形不因事后申请而免除。",
            e.date
        ),
        format!(
            "The extension was requested on {}, {days} day(s) after {en_basis}; it must be requested from the big-data centre before the deadline passes (Art 35), and a later request does not undo the lateness.",
            e.date
        ),
    )
    .due(due)]
}

// Art 35: 延期验收 — an extension moves the deadline later: the date requested or approved
// is after the deadline it extends (the planned completion date, or the extension in force).
fn extension_not_later(ctx: &Ctx) -> Vec<Hit> {
    let (Some(e), Some((due, extension))) = (ctx.event, final_acceptance_deadline(ctx)) else {
        return Vec::new();
    };
    let Some(to) = e.data.new_deadline else {
        return Vec::new();
    };
    if to > due {
        return Vec::new();
    }
    let (zh_basis, en_basis) = deadline_basis(due, extension);
    vec![Hit::new(
        format!(
            "“{}”的延期至日期 {to} 不晚于其延长的{zh_basis}，不构成延期（第三十五条）。",
            e.kind.zh()
        ),
        format!(
            "`{}` gives `new_deadline` {to}, not after {en_basis} it would extend, so it extends nothing (Art 35).",
            e.kind
        ),
    )]
}

// Art 35: 不能按期申请竣工验收的项目，项目建设单位应向市政府办公室（市大数据中心）提出延期验收申请.
// The centre decides a request; an extension it grants unasked would leave a late unit's
// lateness unrecorded (art35.extension_requested_late judges the request).
fn extension_not_requested(ctx: &Ctx) -> Vec<Hit> {
    let Some(e) = ctx.event else {
        return Vec::new();
    };
    if ctx.project.kernel.requested_extension.is_some() {
        return Vec::new();
    }
    vec![Hit::new(
        format!(
            "不能按期申请竣工验收的，由项目建设单位提出延期验收申请（第三十五条）；本项目没有待审批的延期验收申请，不能办理“{}”，请先由项目建设单位办理“{}”。",
            e.kind.zh(),
            EventType::RequestExtension.zh()
        ),
        format!(
            "An extension is requested by the construction unit that cannot apply for final acceptance on time (Art 35); no request awaits a decision, so `{}` has nothing to decide.",
            e.kind
        ),
    )]
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
        "竣工验收未能通过的，项目建设单位应制定整改方案，限期整改，整改完成后重新提交竣工验收申请（第三十五条）；本次竣工验收未通过后尚未提交整改方案。",
        "After a failed final acceptance the construction unit must draw up a rectification plan (`rectification_plan`), rectify within the deadline and then resubmit (Art 35); no plan has been filed since the failure.",
    )]
}

// Art 35: 竣工验收未能通过的 … 限期整改，整改完成后重新提交竣工验收申请. The deadline is the one
// set when acceptance failed (`data.rectification_deadline`, inclusive); resubmitting after it,
// or still rectifying as of `as_of` after it, is overdue.
fn acceptance_rectification_overdue(ctx: &Ctx) -> Vec<Hit> {
    let Some(deadline) = ctx.project.kernel.acceptance_rectification_deadline else {
        return Vec::new();
    };
    match ctx.event {
        Some(e) if e.date > deadline => vec![Hit::new(
            format!(
                "竣工验收未通过后限期整改至 {deadline}（含当日），重新提交竣工验收申请的日期为 {}，晚于整改期限（第三十五条）。",
                e.date
            ),
            format!(
                "After the failed final acceptance, rectification was due by {deadline} (inclusive); final acceptance was resubmitted on {}, after that deadline (Art 35).",
                e.date
            ),
        )
        .due(deadline)],
        Some(_) => Vec::new(),
        None => match ctx.as_of {
            Some(as_of) if ctx.project.state == State::Rectifying && as_of > deadline => {
                vec![Hit::new(
                    format!(
                        "竣工验收未通过后限期整改至 {deadline}（含当日）；截至 {as_of} 仍未完成整改并重新提交竣工验收申请（第三十五条）。"
                    ),
                    format!(
                        "After the failed final acceptance, rectification was due by {deadline} (inclusive); as of {as_of} the project has not been rectified and resubmitted (Art 35)."
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

// Art 36: 项目建设单位应在项目竣工验收并投入使用或运营后每年开展一次项目自评价. The report is for a
// year of operation that has begun by the day it is filed: `data.year` is a calendar year
// from the year of final acceptance (operation began then) to the year of the event.
fn self_evaluation_year_invalid(ctx: &Ctx) -> Vec<Hit> {
    let (Some(e), Some(Whole(year))) = (ctx.event, ctx.data().year) else {
        return Vec::new();
    };
    let accepted = ctx.project.milestone(Milestone::FinalAccepted);
    if year > e.date.year() {
        return vec![Hit::new(
            format!(
                "自评价年度 {year} 年尚未开始（报送日期 {}）；自评价是对已投入运营年度的评价，不能预先报送（第三十六条）。",
                e.date
            ),
            format!(
                "The self-evaluation is for {year}, a year that has not begun on {}; it evaluates a year of operation and cannot be filed in advance (Art 36).",
                e.date
            ),
        )];
    }
    match accepted {
        Some(a) if year < a.year() => vec![Hit::new(
            format!(
                "自评价年度 {year} 年早于项目投入运营（{a} 竣工验收通过）；自评价是对竣工验收并投入运营后年度的评价（第三十六条）。"
            ),
            format!(
                "The self-evaluation is for {year}, before the system went into operation (final acceptance on {a}); it evaluates years of operation (Art 36)."
            ),
        )],
        _ => Vec::new(),
    }
}

// Art 36: 项目建设单位应在项目竣工验收并投入使用或运营后每年开展一次项目自评价，自评价报告报送市政府办公室（市大数据中心）.
// Definition: operating year k runs from the k-1-th to the k-th anniversary of final acceptance
// (`milestones.final_accepted`), and one self-evaluation is due for it by that k-th anniversary
// (inclusive). On a date D, the years due are those whose anniversary is before D; the project
// is overdue when it has filed fewer self-evaluations (distinct `data.year`) than years due.
// A late evaluation therefore clears the oldest missing year once it is filed.
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
            "项目于 {accepted} 通过竣工验收投入运营，截至 {on} 已满 {ended} 个运营年度（每个运营年度的自评价须在竣工验收周年日（含当日）前报送），应报送 {ended} 份年度自评价报告，已报送 {filed} 份（年度：{zh_years}），缺少 {missing} 份，最早一份应不晚于 {due}（含当日）报送；项目建设单位应在投入运营后每年开展一次项目自评价并报送市政府办公室（市大数据中心）（第三十六条）。"
        ),
        format!(
            "The project passed final acceptance on {accepted}; as of {on}, {ended} operating year(s) have ended (each due a self-evaluation by the anniversary of final acceptance, inclusive), but {filed} self-evaluation report(s) were filed (years: {en_years}), so {missing} are missing, the earliest due by {due}. The construction unit must self-evaluate every year of operation and report to the big-data centre (Art 36)."
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

// Art 36: 市政府办公室（市大数据中心）委托第三方检测评价机构开展后评价工作. The post-evaluation is the
// commissioned body's: a third party whose unit is the one `commission_post_evaluation` named.
// (Other roles are refused by the role table, `auth.role_not_permitted`.)
fn post_evaluation_not_commissioned(ctx: &Ctx) -> Vec<Hit> {
    let Some(e) = ctx.event else {
        return Vec::new();
    };
    if e.actor.role != Role::ThirdParty {
        return Vec::new();
    }
    let actor_unit = e.actor.unit.as_deref();
    match ctx.project.kernel.post_evaluator.as_deref() {
        None => vec![Hit::new(
            format!(
                "市政府办公室（市大数据中心）尚未办理“{}”，本项目没有受托的后评价机构，不能登记“{}”（第三十六条：由市大数据中心委托第三方检测评价机构开展后评价）。",
                EventType::CommissionPostEvaluation.zh(),
                e.kind.zh()
            ),
            format!(
                "The big-data centre has not commissioned a post-evaluation (`commission_post_evaluation`), so no body may record `{}` (Art 36: the centre commissions a third-party body).",
                e.kind
            ),
        )],
        Some(commissioned) if actor_unit == Some(commissioned) => Vec::new(),
        Some(commissioned) => {
            let actual = actor_unit.unwrap_or("（未填写）");
            let actual_en = actor_unit.unwrap_or("(none)");
            vec![Hit::new(
                format!(
                    "本项目的后评价由市大数据中心委托“{commissioned}”开展；办理单位“{actual}”不是受托评价机构，不能登记“{}”（第三十六条）。",
                    e.kind.zh()
                ),
                format!(
                    "The big-data centre commissioned \"{commissioned}\" for this project's post-evaluation; the acting unit \"{actual_en}\" is not that body and may not record `{}` (Art 36).",
                    e.kind
                ),
            )]
        }
    }
}
