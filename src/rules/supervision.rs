//! Chapter 9 (监督管理, Art 40–46): rectification orders, their confirmation, and
//! the sanctions they ground (Art 41), and no construction before 立项 (Art 44).
//!
//! Art 41's escalation: a supervising department (big-data centre, finance,
//! cyberspace, cryptography, with the audit bureau: 会同有关部门, Art 42) orders
//! rectification by a deadline (`order_rectification`); the construction unit
//! reports it done (`complete_rectification`), which on time stops the overdue
//! clock; the department that ordered it judges whether it complies
//! (`confirm_rectification`: 整改后仍不符合要求 is its judgement, not the unit's).
//! Only an order not reported done by its deadline, or confirmed non-compliant
//! (`RectificationOrder::is_grounds_on`), grounds 通报批评、暂缓安排投资计划、
//! 暂停项目建设直至终止项目.

use super::{Ctx, Due, Events, Hit, Rule, Since, Stage, RULE};
use crate::model::*;

pub static RULES: &[Rule] = &[
    Rule {
        id: "art41.rectification_deadline_invalid",
        article: Some(41),
        severity: Severity::Block,
        title: "限期整改的期限不晚于下达日期",
        title_en: "Rectification deadline not after the date of the order",
        events: Events::Only(&[EventType::OrderRectification]),
        eval: rectification_deadline_invalid,
        remedy: (
            "请将整改期限定为下达整改通知之后的日期。",
            "Set the rectification `deadline` to a date after the order's.",
        ),
        ..RULE
    },
    Rule {
        id: "art41.rectification_order_unknown",
        article: Some(41),
        severity: Severity::Block,
        title: "报告整改完成的整改通知不存在或已办结",
        title_en:
            "Completion reported for a rectification order that does not exist or is already closed",
        events: Events::Only(&[EventType::CompleteRectification]),
        eval: rectification_order_unknown,
        remedy: (
            "请核对整改通知编号，对尚未报告整改完成的整改通知报告整改完成；已报告的，等待下达部门确认整改结果。",
            "Check the order number and report completion of an open order; one already reported awaits the ordering department's confirmation.",
        ),
        ..RULE
    },
    Rule {
        id: "art41.compliance_self_declared",
        article: Some(41),
        severity: Severity::Warning,
        title: "报告整改完成时申报的“整改是否符合要求”不作认定",
        title_en: "Compliance declared when reporting rectification done decides nothing",
        events: Events::Only(&[EventType::CompleteRectification]),
        eval: compliance_self_declared,
        ..RULE
    },
    Rule {
        id: "art41.rectification_overdue",
        article: Some(41),
        severity: Severity::Violation,
        title: "未在限期内完成整改",
        title_en: "Rectification not completed by the deadline",
        events: Events::Only(&[EventType::CompleteRectification]),
        check: true,
        eval: rectification_overdue,
        deadlines: Some(rectification_due),
        remedy: (
            "请尽快完成整改并办理“报告整改完成”；逾期不整改的，项目审批部门可以通报批评、暂缓安排投资计划、暂停项目建设直至终止项目。",
            "Complete the rectification and report it (`complete_rectification`) as soon as possible; overdue rectification grounds the approving department's sanctions.",
        ),
        ..RULE
    },
    Rule {
        id: "art41.confirmation_not_by_issuer",
        article: Some(41),
        severity: Severity::Block,
        title: "确认整改结果的不是下达整改通知的部门",
        title_en: "Rectification confirmed by a department other than the one that ordered it",
        stage: Stage::Gate,
        since: Since::Always,
        events: Events::Only(&[EventType::ConfirmRectification]),
        eval: confirmation_not_by_issuer,
        remedy: (
            "整改结果由下达该整改通知的部门确认，请由该部门办理“确认整改结果”。",
            "The department that issued the order confirms the rectification: let it record `confirm_rectification`.",
        ),
        ..RULE
    },
    Rule {
        id: "art41.confirmation_invalid",
        article: Some(41),
        severity: Severity::Block,
        title: "确认整改结果的整改通知不存在、尚未报告整改完成或已确认",
        title_en: "Rectification confirmed for an order that does not exist, is not reported done, or is already confirmed",
        events: Events::Only(&[EventType::ConfirmRectification]),
        eval: confirmation_invalid,
        remedy: (
            "请核对整改通知编号；整改结果在项目建设单位报告整改完成后、对每次报告确认一次。",
            "Check the order number; a rectification is confirmed once per report of completion, after the construction unit has reported it done.",
        ),
        ..RULE
    },
    Rule {
        id: "art41.rectification_non_compliant",
        article: Some(41),
        severity: Severity::Violation,
        title: "经下达部门确认，整改后仍不符合要求",
        title_en: "Still non-compliant after rectification, as the ordering department confirmed",
        events: Events::Only(&[EventType::ConfirmRectification]),
        check: true,
        eval: rectification_non_compliant,
        remedy: (
            "请按整改通知继续整改，完成后再次办理“报告整改完成”，由下达部门重新确认；整改后仍不符合要求的，项目审批部门可以通报批评、暂缓安排投资计划、暂停项目建设直至终止项目。",
            "Rectify further under the order, report completion again and have the ordering department confirm anew; non-compliance after rectification grounds the approving department's sanctions.",
        ),
        ..RULE
    },
    Rule {
        id: "art41.sanction_without_grounds",
        article: Some(41),
        severity: Severity::Block,
        title: "无逾期未整改或整改后仍不符合要求的情形，不得通报批评、暂缓投资、暂停或终止项目",
        title_en: "Sanction without grounds: no rectification order overdue or failed",
        events: Events::Only(&[
            EventType::NotifyCriticism,
            EventType::DeferInvestment,
            EventType::Suspend,
            EventType::Terminate,
        ]),
        eval: sanction_without_grounds,
        remedy: (
            "请先下达限期整改；逾期不整改或者经下达部门确认整改后仍不符合要求的，方可通报批评、暂缓安排投资计划、暂停项目建设直至终止项目。依据第四十五条通报批评的，请注明依据条款并写明事由。",
            "Order rectification first; sanction only once an order is overdue or confirmed non-compliant. A criticism under Art 45 states `article: 45` and its grounds in `issues`.",
        ),
        ..RULE
    },
    Rule {
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
        eval: not_approved,
        supersedes: &["lifecycle.invalid_transition"],
        remedy: (
            "请先完成立项（审核批准），再开展采购、签订合同或实施。",
            "Have the project approved (立项) before procuring, contracting or implementing.",
        ),
        ..RULE
    },
    Rule {
        id: "art45.criticism_for_consequences",
        article: Some(45),
        severity: Severity::Info,
        title: "依据第四十五条通报批评（未履行程序或管理不善、弄虚作假造成严重后果）",
        title_en: "Public criticism under Art 45 (procedures not followed, or mismanagement or falsification, with serious consequences)",
        events: Events::Only(&[EventType::NotifyCriticism]),
        eval: criticism_for_consequences,
        ..RULE
    },
];

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

/// "整改事项：a；b" / "issues: a; b" (empty when the order names none).
fn issues_text(order: &RectificationOrder) -> (String, String) {
    if order.issues.is_empty() {
        return (String::new(), String::new());
    }
    (
        format!("，整改事项：{}", order.issues.join("；")),
        format!(", issues: {}", order.issues.join("; ")),
    )
}

// Art 41: 发现违反有关规定或者批复要求的，应当要求项目建设单位限期整改 — a time limit lies ahead.
fn rectification_deadline_invalid(ctx: &Ctx) -> Vec<Hit> {
    let Some(e) = ctx.event else {
        return Vec::new();
    };
    match e.data.deadline {
        Some(deadline) if deadline <= e.date => vec![Hit::new(
            format!(
                "限期整改的期限（{deadline}）应晚于下达整改通知的日期（{}）（第四十一条：应当要求项目建设单位限期整改）。",
                e.date
            ),
            format!(
                "The rectification deadline ({deadline}) must be after the date of the order ({}) (Art 41: the construction unit is required to rectify within a time limit).",
                e.date
            ),
        )],
        _ => Vec::new(),
    }
}

// Art 41: 限期整改 — completion is reported against an order that was issued and is still open.
fn rectification_order_unknown(ctx: &Ctx) -> Vec<Hit> {
    let Some(id) = ctx.data().order_id.as_deref() else {
        return Vec::new();
    };
    let orders = &ctx.project.kernel.rectification_orders;
    match orders.iter().find(|o| o.order_id == id) {
        Some(o) if o.is_open() => Vec::new(),
        Some(o) => {
            let done = o.completed.map(|d| d.to_string()).unwrap_or_default();
            let (zh, en) = match (o.confirmed, o.compliant) {
                (Some(c), Some(true)) => (
                    format!("已于 {c} 经{}确认整改符合要求", o.issued_by.zh()),
                    format!("confirmed compliant by {} on {c}", o.issued_by),
                ),
                _ => (
                    format!("待{}确认整改结果", o.issued_by.zh()),
                    format!("awaiting confirmation by {}", o.issued_by),
                ),
            };
            vec![Hit::new(
                format!("整改通知 {id} 已于 {done} 报告整改完成（{zh}），不能再次报告；经确认仍不符合要求的，可再次报告；如有新的问题，应由监管部门重新下达限期整改（第四十一条）。"),
                format!("Rectification order {id} was already reported complete on {done} ({en}) and cannot be reported again until confirmed non-compliant; new issues need a new order from the supervising department (Art 41)."),
            )]
        }
        None => {
            let open: Vec<&str> = orders
                .iter()
                .filter(|o| o.is_open())
                .map(|o| o.order_id.as_str())
                .collect();
            let (zh, en) = if open.is_empty() {
                ("（无）".to_string(), "(none)".to_string())
            } else {
                (open.join("、"), open.join(", "))
            };
            vec![Hit::new(
                format!("本项目没有编号为 {id} 的整改通知，不能报告整改完成；尚未办结的整改通知：{zh}（第四十一条）。"),
                format!("This project has no rectification order {id}, so its completion cannot be reported; open orders: {en} (Art 41)."),
            )]
        }
    }
}

// Art 41: 应当要求项目建设单位限期整改。逾期不整改 … 项目审批部门可以对其进行通报批评 ….
// In `check`: every open order past its deadline on `as_of`. On `complete_rectification`:
// the order being completed, if it is completed after its deadline (late is still done).
fn rectification_overdue(ctx: &Ctx) -> Vec<Hit> {
    if ctx.project.state.is_terminal() {
        return Vec::new();
    }
    let orders = &ctx.project.kernel.rectification_orders;
    match ctx.event {
        Some(e) => orders
            .iter()
            .filter(|o| o.is_open() && Some(&o.order_id) == e.data.order_id.as_ref())
            .filter(|o| e.date > o.deadline)
            .map(|o| {
                let days = (e.date.0 - o.deadline.0).num_days();
                let (iz, ie) = issues_text(o);
                Hit::new(
                    format!(
                        "整改通知 {}（{}于 {} 下达{iz}）限期至 {}（含当日），{} 才报告整改完成，逾期 {days} 天。逾期不整改的，项目审批部门可以通报批评、暂缓安排投资计划、暂停项目建设直至终止项目（第四十一条）。",
                        o.order_id, o.issued_by.zh(), o.issued, o.deadline, e.date
                    ),
                    format!(
                        "Rectification order {} (issued by {} on {}{ie}) was due by {} (inclusive) but reported complete only on {}, {days} day(s) late. Overdue rectification allows the approving department to criticise publicly, defer investment, suspend or terminate the project (Art 41).",
                        o.order_id, o.issued_by, o.issued, o.deadline, e.date
                    ),
                )
                .due(o.deadline)
            })
            .collect(),
        None => {
            let Some(as_of) = ctx.as_of else {
                return Vec::new();
            };
            orders
                .iter()
                .filter(|o| o.is_open() && as_of > o.deadline)
                .map(|o| {
                    let days = (as_of.0 - o.deadline.0).num_days();
                    let (iz, ie) = issues_text(o);
                    let (again_zh, again_en) = match (o.compliant, o.confirmed) {
                        (Some(false), Some(c)) => (
                            format!("{c} 经确认整改后仍不符合要求，"),
                            format!(", confirmed non-compliant on {c},"),
                        ),
                        _ => (String::new(), String::new()),
                    };
                    Hit::new(
                        format!(
                            "整改通知 {}（{}于 {} 下达{iz}）限期至 {}（含当日），{again_zh}截至 {as_of} 仍未报告整改完成，已逾期 {days} 天。逾期不整改的，项目审批部门可以通报批评、暂缓安排投资计划、暂停项目建设直至终止项目（第四十一条）。",
                            o.order_id, o.issued_by.zh(), o.issued, o.deadline
                        ),
                        format!(
                            "Rectification order {} (issued by {} on {}{ie}) was due by {} (inclusive){again_en} and, as of {as_of}, has not been reported complete: {days} day(s) overdue. Overdue rectification allows the approving department to criticise publicly, defer investment, suspend or terminate the project (Art 41).",
                            o.order_id, o.issued_by, o.issued, o.deadline
                        ),
                    )
                    .due(o.deadline)
                })
                .collect()
        }
    }
}

fn rectification_due(ctx: &Ctx) -> Vec<Due> {
    if ctx.project.state.is_terminal() {
        return Vec::new();
    }
    ctx.project
        .kernel
        .rectification_orders
        .iter()
        .filter(|o| o.is_open())
        .map(|o| Due {
            event: EventType::CompleteRectification,
            date: o.deadline,
        })
        .collect()
}

// Art 41: 逾期不整改或者整改后仍不符合要求的，项目审批部门可以对其进行通报批评、暂缓安排投资计划、
// 暂停项目建设直至终止项目 — and only then.
fn sanction_without_grounds(ctx: &Ctx) -> Vec<Hit> {
    let Some(e) = ctx.event else {
        return Vec::new();
    };
    // Art 45 obliges 通报批评 for serious consequences without any order first:
    // the criticism states the article and what happened.
    if e.kind == EventType::NotifyCriticism && e.data.article == Some(Whole(45)) {
        if e.data.issues.is_empty() {
            return vec![Hit::new(
                "依据第四十五条通报批评的，应在“整改事项（或通报事由）”中写明未履行的程序或管理不善、弄虚作假的情形，以及造成的严重超预算、质量低劣、损失浪费、安全事故或者其他责任事故（第四十五条）。",
                "A criticism under Art 45 must state in `issues` the procedure not followed (or the mismanagement or falsification) and the serious consequence: a serious overrun, poor quality, loss and waste, a security incident or another accident (Art 45).",
            )];
        }
        return Vec::new();
    }
    let orders = &ctx.project.kernel.rectification_orders;
    if orders.iter().any(|o| o.is_grounds_on(e.date)) {
        return Vec::new();
    }
    let (why_zh, why_en) = if orders.is_empty() {
        (
            "本项目没有任何限期整改通知".to_string(),
            "the project has no rectification order".to_string(),
        )
    } else {
        let zh: Vec<String> = orders
            .iter()
            .map(|o| match (o.completed, o.confirmed) {
                (Some(done), Some(c)) => format!(
                    "{}（限期 {}，已于 {done} 按期报告整改完成，{c} 经确认符合要求）",
                    o.order_id, o.deadline
                ),
                (Some(done), None) => format!(
                    "{}（限期 {}，已于 {done} 按期报告整改完成，尚待{}确认整改结果）",
                    o.order_id,
                    o.deadline,
                    o.issued_by.zh()
                ),
                (None, _) => format!(
                    "{}（限期 {}（含当日），截至 {} 尚未到期）",
                    o.order_id, o.deadline, e.date
                ),
            })
            .collect();
        let en: Vec<String> = orders
            .iter()
            .map(|o| match (o.completed, o.confirmed) {
                (Some(done), Some(c)) => format!(
                    "{} (due {}, reported done on time on {done}, confirmed compliant on {c})",
                    o.order_id, o.deadline
                ),
                (Some(done), None) => format!(
                    "{} (due {}, reported done on time on {done}, awaiting confirmation by {})",
                    o.order_id, o.deadline, o.issued_by
                ),
                (None, _) => format!(
                    "{} (due {} inclusive, not yet due on {})",
                    o.order_id, o.deadline, e.date
                ),
            })
            .collect();
        (
            format!("本项目的整改通知均不构成处理依据：{}", zh.join("；")),
            format!(
                "none of the project's rectification orders is grounds: {}",
                en.join("; ")
            ),
        )
    };
    vec![Hit::new(
        format!(
            "只有逾期不整改或者经下达部门确认整改后仍不符合要求的，项目审批部门才可以通报批评、暂缓安排投资计划、暂停项目建设直至终止项目（第四十一条）；{why_zh}，不能“{}”。",
            e.kind.zh()
        ),
        format!(
            "Only when rectification is overdue, or confirmed by the ordering department as still non-compliant after rectification, may the approving department criticise publicly, defer investment, suspend or terminate the project (Art 41); {why_en}, so `{}` is refused.",
            e.kind
        ),
    )]
}

// Art 41: 整改后仍不符合要求 is the ordering department's judgement. The unit's report of
// completion may carry `compliant` (as 0.1 wrote it); it is kept but decides nothing.
fn compliance_self_declared(ctx: &Ctx) -> Vec<Hit> {
    let Some(declared) = ctx.data().compliant else {
        return Vec::new();
    };
    let (zh, en) = if declared {
        ("符合要求", "compliant")
    } else {
        ("不符合要求", "non-compliant")
    };
    vec![Hit::new(
        format!(
            "报告整改完成时申报的“整改是否符合要求”（{zh}）不作认定：整改是否符合要求，由下达整改通知的部门办理“{}”确认（第四十一条）。",
            EventType::ConfirmRectification.zh()
        ),
        format!(
            "The report declares the rectification {en}; that decides nothing: the department that issued the order confirms compliance with `confirm_rectification` (Art 41)."
        ),
    )]
}

/// The order an event names, if the project has it.
fn named_order<'a>(ctx: &'a Ctx) -> Option<&'a RectificationOrder> {
    let id = ctx.data().order_id.as_deref()?;
    ctx.project
        .kernel
        .rectification_orders
        .iter()
        .find(|o| o.order_id == id)
}

// Art 41: 发现违反有关规定 … 应当要求项目建设单位限期整改 … 整改后仍不符合要求的 — the department
// that required the rectification is the one that judges it.
fn confirmation_not_by_issuer(ctx: &Ctx) -> Vec<Hit> {
    let (Some(e), Some(o)) = (ctx.event, named_order(ctx)) else {
        return Vec::new();
    };
    if e.actor.role == o.issued_by {
        return Vec::new();
    }
    vec![Hit::new(
        format!(
            "整改通知 {} 由{}于 {} 下达，整改结果应由{}确认；{}不能办理“{}”（第四十一条）。",
            o.order_id,
            o.issued_by.zh(),
            o.issued,
            o.issued_by.zh(),
            e.actor.role.zh(),
            e.kind.zh()
        ),
        format!(
            "Rectification order {} was issued by {} on {}, so {} confirms it; {} may not perform `{}` (Art 41).",
            o.order_id, o.issued_by, o.issued, o.issued_by, e.actor.role, e.kind
        ),
    )]
}

// Art 41: the judgement follows the unit's report of completion, once per report.
fn confirmation_invalid(ctx: &Ctx) -> Vec<Hit> {
    let Some(id) = ctx.data().order_id.as_deref() else {
        return Vec::new();
    };
    match named_order(ctx) {
        None => vec![Hit::new(
            format!("本项目没有编号为 {id} 的整改通知，不能确认整改结果（第四十一条）。"),
            format!("This project has no rectification order {id} to confirm (Art 41)."),
        )],
        Some(o) => match (o.completed, o.confirmed) {
            (None, _) => vec![Hit::new(
                format!(
                    "整改通知 {id}（限期 {}（含当日））尚未报告整改完成，没有可确认的整改结果；待项目建设单位办理“{}”后再确认（第四十一条）。",
                    o.deadline,
                    EventType::CompleteRectification.zh()
                ),
                format!(
                    "Rectification order {id} (due {} inclusive) has not been reported done, so there is nothing to confirm yet; confirm after the construction unit's `complete_rectification` (Art 41).",
                    o.deadline
                ),
            )],
            (Some(done), Some(c)) => vec![Hit::new(
                format!(
                    "整改通知 {id} 于 {done} 报告的整改完成已于 {c} 确认，不能重复确认（第四十一条）。"
                ),
                format!(
                    "The completion of rectification order {id} reported on {done} was already confirmed on {c} (Art 41)."
                ),
            )],
            (Some(_), None) => Vec::new(),
        },
    }
}

// Art 41: 整改后仍不符合要求的，项目审批部门可以 … On the confirmation that says so, and in
// `check` while that judgement stands (until a later confirmation finds it compliant).
fn rectification_non_compliant(ctx: &Ctx) -> Vec<Hit> {
    let message = |o: &RectificationOrder, on: Date| {
        let (iz, ie) = issues_text(o);
        let again = match o.completed {
            Some(done) => (
                format!("项目建设单位已于 {done} 再次报告整改完成，尚待确认。"),
                format!(" Completion was reported again on {done}, awaiting confirmation."),
            ),
            None => (String::new(), String::new()),
        };
        Hit::new(
            format!(
                "整改通知 {}（{}于 {} 下达{iz}）经{} {on} 确认，整改后仍不符合要求。{}整改后仍不符合要求的，项目审批部门可以通报批评、暂缓安排投资计划、暂停项目建设直至终止项目（第四十一条）。",
                o.order_id,
                o.issued_by.zh(),
                o.issued,
                o.issued_by.zh(),
                again.0
            ),
            format!(
                "Rectification order {} (issued by {} on {}{ie}) was confirmed by {} on {on} as still non-compliant after rectification.{} Non-compliance after rectification allows the approving department to criticise publicly, defer investment, suspend or terminate the project (Art 41).",
                o.order_id, o.issued_by, o.issued, o.issued_by, again.1
            ),
        )
    };
    match ctx.event {
        Some(e) => match named_order(ctx) {
            Some(o) if e.data.compliant == Some(false) => vec![message(o, e.date)],
            _ => Vec::new(),
        },
        None => {
            if ctx.project.state.is_terminal() {
                return Vec::new();
            }
            ctx.project
                .kernel
                .rectification_orders
                .iter()
                .filter(|o| o.compliant == Some(false))
                .filter_map(|o| {
                    // The last confirmation's date (a new report clears `confirmed`).
                    let on = o
                        .confirmed
                        .or_else(|| last_confirmation(ctx, &o.order_id))?;
                    Some(message(o, on))
                })
                .collect()
        }
    }
}

/// The date of the last `confirm_rectification` of `order_id` in the history.
fn last_confirmation(ctx: &Ctx, order_id: &str) -> Option<Date> {
    ctx.project
        .history
        .entries()
        .iter()
        .rev()
        .find(|e| {
            e.event.kind == EventType::ConfirmRectification
                && e.event.data.order_id.as_deref() == Some(order_id)
        })
        .map(|e| e.event.date)
}

// Art 45: 未履行立项、审核、备案程序，或因管理不善、弄虚作假，造成严重超预算、质量低劣、损失浪费、
// 安全事故或者其他责任事故的，相关部门应当予以通报批评 — recorded with its grounds.
fn criticism_for_consequences(ctx: &Ctx) -> Vec<Hit> {
    let Some(e) = ctx.event else {
        return Vec::new();
    };
    if e.data.article != Some(Whole(45)) || e.data.issues.is_empty() {
        return Vec::new();
    }
    vec![Hit::new(
        format!(
            "依据第四十五条通报批评：{}。此类通报批评不以限期整改逾期为前提。",
            e.data.issues.join("；")
        ),
        format!(
            "Public criticism under Art 45: {}. Such criticism does not depend on an overdue rectification order.",
            e.data.issues.join("; ")
        ),
    )]
}
