//! Chapter 8 (网络与信息安全管理, Art 37–39): the security budget of a new
//! project, the crypto assessment and MLPS filing before final acceptance, and
//! the periodic assessments of a system in operation.
//!
//! Periodic assessments share one reading of "定期" for the three kinds (crypto,
//! risk, MLPS): each is a duty (应), so overdue is a `violation`; the next
//! assessment of a kind is due `periodic_months` (engine setting, default 12)
//! after the last one, on the same day of the month (`Date::plus_months`,
//! clamped to the end of a shorter month), inclusive; it is overdue from the
//! day after. The cycle runs from final acceptance (投入运行): the last one is
//! the latest `record_assessment` of that kind, or the assessment report filed
//! as a document, whichever is later, if it is on or after final acceptance;
//! otherwise final acceptance itself. The assessment of the system as built,
//! before acceptance, is what Art 38/39's acceptance rules require; it does not
//! start the cycle of the system in operation.

use super::{Ctx, Due, Events, Hit, Rule, RULE};
use crate::model::*;
use rust_decimal::{Decimal, RoundingStrategy};

pub static RULES: &[Rule] = &[
    Rule {
        id: "art37.security_budget_below_5pct",
        article: Some(37),
        severity: Severity::Block,
        title: "新建项目网络安全预算低于项目总预算的5%",
        title_en: "Cybersecurity budget of a new project below 5% of the total budget",
        events: Events::Only(&[
            EventType::SubmitTechnical,
            EventType::PassTechnicalReview,
            EventType::Approve,
            EventType::ApproveChange,
        ]),
        check: true,
        eval: security_budget_below_5pct,
        remedy: (
            "请将网络安全预算提高到不低于项目总预算的5%：立项前修改申报材料后重新提交技术评审，立项后通过项目调整办理；使网络安全预算低于5%的调整申请应不予批准。",
            "Raise the cybersecurity budget to at least 5% of the total budget: before approval, amend the submission and resubmit it for technical review; after approval, through a change (`request_change`). A change leaving it under 5% is to be rejected.",
        ),
        ..RULE
    },
    Rule {
        id: "art38.crypto_assessment_missing",
        article: Some(38),
        severity: Severity::Block,
        title: "申请竣工验收时未提交密码应用安全性评估报告",
        title_en: "No cryptography application security assessment when applying for final acceptance",
        events: Events::Only(&[EventType::ApplyFinalAcceptance]),
        eval: crypto_assessment_missing,
        remedy: (
            "请完成密码应用安全性评估，将评估报告随“提出竣工验收申请”一并提交，或先办理“登记安全评估”。",
            "Have the cryptography application security assessment done and attach its report (`crypto_assessment`) to the application, or record it first with `record_assessment`.",
        ),
        ..RULE
    },
    Rule {
        id: "art38.crypto_assessment_overdue",
        article: Some(38),
        severity: Severity::Violation,
        title: "运行中的系统未按期开展密码应用安全性评估",
        title_en: "Periodic cryptography application security assessment overdue for a system in operation",
        events: Events::None,
        check: true,
        eval: crypto_assessment_overdue,
        deadlines: Some(crypto_assessment_due),
        remedy: (
            "请尽快开展密码应用安全性评估，完成后办理“登记安全评估”。",
            "Have the cryptography application security assessment done and record it with `record_assessment` (kind `crypto_assessment`).",
        ),
        ..RULE
    },
    Rule {
        id: "art39.mlps_filing_missing",
        article: Some(39),
        severity: Severity::Block,
        title: "申请竣工验收时未完成网络安全等级保护定级备案",
        title_en: "No MLPS (等级保护) grading filing when applying for final acceptance",
        events: Events::Only(&[EventType::ApplyFinalAcceptance]),
        eval: mlps_filing_missing,
        remedy: (
            "请完成网络安全等级保护定级备案，将备案材料随“提出竣工验收申请”一并提交。",
            "Have the system graded and filed under MLPS and attach the filing (`mlps_filing`) to the application.",
        ),
        ..RULE
    },
    Rule {
        id: "art39.risk_assessment_overdue",
        article: Some(39),
        severity: Severity::Violation,
        title: "运行中的系统未按期开展网络与信息安全风险评估",
        title_en: "Periodic network and information security risk assessment overdue for a system in operation",
        events: Events::None,
        check: true,
        eval: risk_assessment_overdue,
        deadlines: Some(risk_assessment_due),
        remedy: (
            "请尽快开展网络与信息安全风险评估，完成后办理“登记安全评估”。",
            "Have the security risk assessment done and record it with `record_assessment` (kind `risk_assessment`).",
        ),
        ..RULE
    },
    Rule {
        id: "art39.mlps_assessment_overdue",
        article: Some(39),
        severity: Severity::Violation,
        title: "运行中的系统未按期开展网络安全等级保护测评",
        title_en: "Periodic MLPS (等级保护) assessment overdue for a system in operation",
        events: Events::None,
        check: true,
        eval: mlps_assessment_overdue,
        deadlines: Some(mlps_assessment_due),
        remedy: (
            "请尽快开展网络安全等级保护测评，完成后办理“登记安全评估”。",
            "Have the MLPS assessment done and record it with `record_assessment` (kind `mlps_assessment`).",
        ),
        ..RULE
    },
];

// Art 37: 新建政务信息化项目网络安全预算不低于项目总预算的5%. A standing rule of the submission:
// judged at technical submission, again at technical review and 立项 (what is approved is what
// was judged), at `approve_change` on the values the change proposes, and by `check` in any
// state from technical submission on (a terminated project is past mending).
fn security_budget_below_5pct(ctx: &Ctx) -> Vec<Hit> {
    if ctx.event.is_none() && (!ctx.technical_submitted() || ctx.project.state.is_terminal()) {
        return Vec::new();
    }
    let a = ctx.attrs();
    if !a.is_new {
        return Vec::new();
    }
    // Without a total budget there is nothing to measure against (Art 6's rule reports it).
    let Some(budget) = a.budget_yuan.filter(|b| b.0 > Decimal::ZERO) else {
        return Vec::new();
    };
    let security = a.security_budget_yuan.unwrap_or(Money::ZERO);
    // Exact decimals: 5% of 3,000,000.00 is 150,000.00; 149,999.99 is refused.
    let required = Money(budget.0 * Decimal::new(5, 2));
    if security >= required {
        return Vec::new();
    }
    let shortfall = Money(required.0 - security.0);
    // Divided first, so no amount of 28 digits can overflow; truncated, so a
    // share just under 5% never reads as "5.00%".
    let share = security
        .0
        .checked_div(budget.0)
        .and_then(|ratio| ratio.checked_mul(Decimal::ONE_HUNDRED))
        .unwrap_or(Decimal::ZERO)
        .round_dp_with_strategy(2, RoundingStrategy::ToZero);
    let (declared_zh, declared_en) = if a.security_budget_yuan.is_some() {
        ("", "")
    } else {
        (
            "；未填写网络安全预算，按 0 计",
            "; `security_budget_yuan` not declared, counted as 0",
        )
    };
    let (basis_zh, basis_en) = if ctx.event_type() == Some(EventType::ApproveChange) {
        ("按调整申请的数值，", " (as the change proposes)")
    } else {
        ("", "")
    };
    vec![Hit::new(
        format!(
            "新建政务信息化项目网络安全预算不得低于项目总预算的5%（第三十七条）。{basis_zh}项目总预算 {} 元，网络安全预算应不低于 {} 元；现为 {} 元（占 {:.2}%{}），差 {} 元。",
            budget.display(),
            exact(required),
            security.display(),
            share,
            declared_zh,
            exact(shortfall),
        ),
        format!(
            "A new project's cybersecurity budget must be at least 5% of its total budget (Art 37). Total budget {} yuan, so the cybersecurity budget must be at least {} yuan; it is {} yuan ({:.2}%{}), {} yuan short{basis_en}.",
            budget.display(),
            exact(required),
            security.display(),
            share,
            declared_en,
            exact(shortfall),
        ),
    )]
}

/// Money for messages: grouped with two decimals, or every decimal when a
/// computed amount has fractions of a fen (5% of 3,000,000.01 is 150,000.0005).
fn exact(m: Money) -> String {
    if m.0.round_dp(2) == m.0 {
        m.display()
    } else {
        let cents = Money(m.0.trunc_with_scale(2));
        let rest = (m.0 - cents.0).normalize().to_string();
        // "150,000.00" + "0005" from "0.0005"
        format!("{}{}", cents.display(), rest.trim_start_matches("0.00"))
    }
}

// Art 38: 同步规划、同步建设、同步运行密码保障系统，定期开展密码应用安全性评估 — so the
// assessment of the system as built comes before final acceptance.
fn crypto_assessment_missing(ctx: &Ctx) -> Vec<Hit> {
    if ctx.has_document(DocumentKind::CryptoAssessment) {
        return Vec::new();
    }
    vec![Hit::new(
        "申请竣工验收前应完成密码应用安全性评估，并提交密码应用安全性评估报告；项目未备有该报告。项目建设单位应同步规划、同步建设、同步运行密码保障系统，定期开展密码应用安全性评估（第三十八条）。",
        "Before applying for final acceptance the system's cryptography application security assessment must be done and its report (`crypto_assessment`) filed; none is on file. The construction unit must plan, build and run the cryptographic protection system together with the project and assess it periodically (Art 38).",
    )]
}

// Art 39: 落实等级保护要求 — the system is graded and filed (定级备案) before it is accepted into operation.
fn mlps_filing_missing(ctx: &Ctx) -> Vec<Hit> {
    if ctx.has_document(DocumentKind::MlpsFiling) {
        return Vec::new();
    }
    vec![Hit::new(
        "申请竣工验收前应完成网络安全等级保护定级备案；项目未备有定级备案材料。项目建设单位应落实等级保护要求（第三十九条）。",
        "Before applying for final acceptance the system must be graded and filed under the Multi-Level Protection Scheme (`mlps_filing`); no filing is on file. The construction unit must meet the MLPS requirements (Art 39).",
    )]
}

/// When the next assessment of `kind` is due, and what it counts from: the last
/// assessment on or after final acceptance, or (`None`) final acceptance itself.
/// Only for a system in operation.
fn next_assessment(ctx: &Ctx, kind: AssessmentKind) -> Option<(Date, Option<Date>, Date)> {
    let p = ctx.project;
    if p.state != State::Operating {
        return None;
    }
    let operating = p.milestone(Milestone::FinalAccepted)?;
    let document = match kind {
        AssessmentKind::MlpsAssessment => Some(DocumentKind::MlpsFiling),
        other => other.document(),
    };
    let recorded = p.kernel.assessments.get(&kind).copied();
    let filed = document.and_then(|d| p.kernel.documents.get(&d).copied());
    let last = recorded.max(filed).filter(|d| *d >= operating);
    let from = last.unwrap_or(operating);
    Some((
        from.plus_months(ctx.settings.periodic_months(kind)),
        last,
        operating,
    ))
}

fn assessment_due(ctx: &Ctx, kind: AssessmentKind) -> Vec<Due> {
    next_assessment(ctx, kind)
        .map(|(date, _, _)| Due {
            event: EventType::RecordAssessment,
            date,
        })
        .into_iter()
        .collect()
}

/// The overdue finding for `kind`, with the article's words in both languages.
fn assessment_overdue(ctx: &Ctx, kind: AssessmentKind, duty: (&str, &str)) -> Vec<Hit> {
    let (Some(as_of), Some((due, last, operating))) = (ctx.as_of, next_assessment(ctx, kind))
    else {
        return Vec::new();
    };
    if as_of <= due {
        return Vec::new();
    }
    let months = ctx.settings.periodic_months(kind);
    let days = (as_of.0 - due.0).num_days();
    let (since_zh, since_en) = match last {
        Some(last) => (
            format!("上次{}为 {last}，按每 {months} 个月一次，下一次应不晚于 {due}（含当日）", kind.zh()),
            format!("the last {kind} was on {last}; at one every {months} months the next was due by {due} (inclusive)"),
        ),
        None => (
            format!(
                "系统于 {operating} 通过竣工验收投入运行，此后没有任何{}记录，按每 {months} 个月一次，第一次应不晚于 {due}（含当日）",
                kind.zh()
            ),
            format!("the system went into operation on {operating} and no {kind} has been recorded since; at one every {months} months the first was due by {due} (inclusive)"),
        ),
    };
    vec![Hit::new(
        format!(
            "{}已逾期：{since_zh}，截至 {as_of} 已逾期 {days} 天。{}请完成评估后办理“{}”（评估类型：{}）。",
            kind.zh(),
            duty.0,
            EventType::RecordAssessment.zh(),
            kind.zh(),
        ),
        format!(
            "The {kind} is overdue: {since_en}; as of {as_of} it is {days} day(s) late. {} Record it with `record_assessment` (kind `{kind}`) once done.",
            duty.1,
        ),
    )
    .due(due)]
}

// Art 38: 定期开展密码应用安全性评估 (also Art 41 ¶3).
fn crypto_assessment_overdue(ctx: &Ctx) -> Vec<Hit> {
    assessment_overdue(
        ctx,
        AssessmentKind::CryptoAssessment,
        (
            "项目建设单位应定期开展密码应用安全性评估（第三十八条）。",
            "The construction unit must assess its use of cryptography periodically (Art 38).",
        ),
    )
}

fn crypto_assessment_due(ctx: &Ctx) -> Vec<Due> {
    assessment_due(ctx, AssessmentKind::CryptoAssessment)
}

// Art 39: 定期开展网络与信息安全风险评估，切实保障政务信息系统安全稳定运行.
fn risk_assessment_overdue(ctx: &Ctx) -> Vec<Hit> {
    assessment_overdue(
        ctx,
        AssessmentKind::RiskAssessment,
        (
            "项目建设单位应定期开展网络与信息安全风险评估（第三十九条）。",
            "The construction unit must assess network and information security risks periodically (Art 39).",
        ),
    )
}

fn risk_assessment_due(ctx: &Ctx) -> Vec<Due> {
    assessment_due(ctx, AssessmentKind::RiskAssessment)
}

// Art 39: 应 … 落实等级保护要求. The measures set no period of their own for MLPS
// assessments (测评): the cadence comes from the MLPS rules and the system's
// protection level, which the record does not carry, so the engine's
// `periodic_months.mlps_assessment` gives it. Read like the other two periodic
// assessments (same duty, same `violation`), counted from final acceptance or the
// last MLPS assessment (or grading filing) after it.
fn mlps_assessment_overdue(ctx: &Ctx) -> Vec<Hit> {
    assessment_overdue(
        ctx,
        AssessmentKind::MlpsAssessment,
        (
            "项目建设单位应落实等级保护要求（第三十九条），按系统保护等级定期开展等级测评（周期按引擎配置计算）。",
            "The construction unit must meet the MLPS requirements (Art 39), including periodic MLPS assessments at the system's protection level (the period is the engine's configured one).",
        ),
    )
}

fn mlps_assessment_due(ctx: &Ctx) -> Vec<Due> {
    assessment_due(ctx, AssessmentKind::MlpsAssessment)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_shows_fractions_of_a_fen() {
        let m = |s: &str| Money::parse(s).unwrap();
        assert_eq!(exact(m("150000")), "150,000.00");
        assert_eq!(exact(m("150000.0005")), "150,000.0005");
        assert_eq!(exact(m("0.0005")), "0.0005");
        assert_eq!(exact(m("12.345")), "12.345");
    }

    #[test]
    fn huge_amounts_do_not_overflow() {
        use crate::rules::{Locale, Settings};
        let settings = Settings {
            locale: Locale::En,
            calendar: crate::calendar::Calendar::embedded(),
            periodic_months: Default::default(),
        };
        let project = Project::from_value(serde_json::json!({
            "id": "X", "name": "X", "owner_unit": "X", "funding": ["government_investment"],
            "budget_yuan": "70000000000000000000000000000",
            "security_budget_yuan": "1000000000000000000000000000"
        }))
        .unwrap();
        let event = Event::parse(
            r#"{"type":"submit_technical","date":"2025-04-01","actor":{"role":"construction_unit","unit":"X"}}"#,
        )
        .unwrap();
        let ctx = Ctx::for_event(&settings, &project, &event);
        let hits = security_budget_below_5pct(&ctx);
        assert_eq!(hits.len(), 1);
        // `check` judges it only once the project has been submitted for technical review.
        assert!(security_budget_below_5pct(&Ctx::for_check(&settings, &project, None)).is_empty());
        assert!(hits[0].en.contains("(1.42%)"), "{}", hits[0].en);
    }
}
