//! Chapter 9 (监督管理, Art 40–46): rectification orders and the sanctions
//! they ground (Art 41), and no construction before 立项 (Art 44).
//!
//! Art 41's escalation: a supervising department (big-data centre, finance,
//! cyberspace, cryptography) orders rectification by a deadline
//! (`order_rectification`); the construction unit reports it done
//! (`complete_rectification`, `data.compliant`). Only an order left open past
//! its deadline, done late, or done and still non-compliant
//! (`RectificationOrder::is_grounds_on`) grounds 通报批评、暂缓安排投资计划、
//! 暂停项目建设直至终止项目.

use super::{Ctx, Due, Events, Hit, Rule, Stage, RULE};
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
            vec![Hit::new(
                format!("整改通知 {id} 已于 {done} 报告整改完成，不能再次报告；如仍需整改，应由监管部门重新下达限期整改（第四十一条）。"),
                format!("Rectification order {id} was already reported complete on {done} and cannot be completed again; further rectification needs a new order from the supervising department (Art 41)."),
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
                        "整改通知 {}（{}于 {} 下达{iz}）限期至 {}，{} 才报告整改完成，逾期 {days} 天。逾期不整改的，项目审批部门可以通报批评、暂缓安排投资计划、暂停项目建设直至终止项目（第四十一条）。",
                        o.order_id, o.issued_by.zh(), o.issued, o.deadline, e.date
                    ),
                    format!(
                        "Rectification order {} (issued by {} on {}{ie}) was due by {} but reported complete only on {}, {days} day(s) late. Overdue rectification allows the approving department to criticise publicly, defer investment, suspend or terminate the project (Art 41).",
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
                    Hit::new(
                        format!(
                            "整改通知 {}（{}于 {} 下达{iz}）限期至 {}，截至 {as_of} 仍未报告整改完成，已逾期 {days} 天。逾期不整改的，项目审批部门可以通报批评、暂缓安排投资计划、暂停项目建设直至终止项目（第四十一条）。",
                            o.order_id, o.issued_by.zh(), o.issued, o.deadline
                        ),
                        format!(
                            "Rectification order {} (issued by {} on {}{ie}) was due by {} and, as of {as_of}, has not been reported complete: {days} day(s) overdue. Overdue rectification allows the approving department to criticise publicly, defer investment, suspend or terminate the project (Art 41).",
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
                "依据第四十五条通报批评的，应在 data.issues 中写明未履行的程序或管理不善、弄虚作假的情形，以及造成的严重超预算、质量低劣、损失浪费、安全事故或者其他责任事故（第四十五条）。",
                "A criticism under Art 45 must state in data.issues the procedure not followed (or the mismanagement or falsification) and the serious consequence: a serious overrun, poor quality, loss and waste, a security incident or another accident (Art 45).",
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
            .map(|o| match o.completed {
                Some(done) => format!(
                    "{}（限期 {}，已于 {done} 按期整改完成且符合要求）",
                    o.order_id, o.deadline
                ),
                None => format!(
                    "{}（限期 {}，截至 {} 尚未到期）",
                    o.order_id, o.deadline, e.date
                ),
            })
            .collect();
        let en: Vec<String> = orders
            .iter()
            .map(|o| match o.completed {
                Some(done) => format!(
                    "{} (due {}, rectified on time on {done} and compliant)",
                    o.order_id, o.deadline
                ),
                None => format!(
                    "{} (due {}, not yet due on {})",
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
            "只有逾期不整改或者整改后仍不符合要求的，项目审批部门才可以通报批评、暂缓安排投资计划、暂停项目建设直至终止项目（第四十一条）；{why_zh}，不能“{}”。",
            e.kind.zh()
        ),
        format!(
            "Only when rectification is overdue, or still non-compliant after rectification, may the approving department criticise publicly, defer investment, suspend or terminate the project (Art 41); {why_en}, so `{}` is refused.",
            e.kind
        ),
    )]
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
