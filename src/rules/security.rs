//! Chapter 8 (网络与信息安全管理, Art 37–39): the security budget of a new
//! project, the crypto assessment and MLPS filing before final acceptance, and
//! the periodic assessments of a system in operation.
//!
//! Periodic assessments share one reading of "定期": the next assessment of a
//! kind is due `periodic_months` (engine setting, default 12) after the last
//! one, on the same day of the month (`Date::plus_months`, clamped to the end
//! of a shorter month); it is overdue from the day after. The last one is the
//! latest `record_assessment` of that kind, or the assessment report filed as a
//! document, whichever is later. A system in operation with no assessment at
//! all was due when it went into operation (同步运行, Art 38).

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
        events: Events::Only(&[EventType::SubmitTechnical]),
        eval: security_budget_below_5pct,
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
        ..RULE
    },
    Rule {
        id: "art39.mlps_assessment_overdue",
        article: Some(39),
        severity: Severity::Warning,
        title: "运行中的系统未按配置周期开展网络安全等级保护测评",
        title_en: "MLPS (等级保护) assessment not repeated within the configured period for a system in operation",
        events: Events::None,
        check: true,
        eval: mlps_assessment_overdue,
        deadlines: Some(mlps_assessment_due),
        ..RULE
    },
];

// Art 37: 新建政务信息化项目网络安全预算不低于项目总预算的5%.
fn security_budget_below_5pct(ctx: &Ctx) -> Vec<Hit> {
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
    let declared_zh = if a.security_budget_yuan.is_some() {
        ""
    } else {
        "；未填写 security_budget_yuan，按 0 计"
    };
    let declared_en = if a.security_budget_yuan.is_some() {
        ""
    } else {
        "; security_budget_yuan not declared, counted as 0"
    };
    vec![Hit::new(
        format!(
            "新建政务信息化项目网络安全预算不得低于项目总预算的5%（第三十七条）。项目总预算 {} 元，网络安全预算应不低于 {} 元；现为 {} 元（占 {:.2}%{}），差 {} 元。",
            budget.display(),
            exact(required),
            security.display(),
            share,
            declared_zh,
            exact(shortfall),
        ),
        format!(
            "A new project's cybersecurity budget must be at least 5% of its total budget (Art 37). Total budget {} yuan, so the cybersecurity budget must be at least {} yuan; it is {} yuan ({:.2}%{}), {} yuan short.",
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
        "申请竣工验收前应完成密码应用安全性评估，并提交密码应用安全性评估报告（crypto_assessment）；项目未备有该报告。项目建设单位应同步规划、同步建设、同步运行密码保障系统，定期开展密码应用安全性评估（第三十八条）。",
        "Before applying for final acceptance the system's cryptography application security assessment must be done and its report (crypto_assessment) filed; none is on file. The construction unit must plan, build and run the cryptographic protection system together with the project and assess it periodically (Art 38).",
    )]
}

// Art 39: 落实等级保护要求 — the system is graded and filed (定级备案) before it is accepted into operation.
fn mlps_filing_missing(ctx: &Ctx) -> Vec<Hit> {
    if ctx.has_document(DocumentKind::MlpsFiling) {
        return Vec::new();
    }
    vec![Hit::new(
        "申请竣工验收前应完成网络安全等级保护定级备案（mlps_filing）；项目未备有定级备案材料。项目建设单位应落实等级保护要求（第三十九条）。",
        "Before applying for final acceptance the system must be graded and filed under the Multi-Level Protection Scheme (mlps_filing); no filing is on file. The construction unit must meet the MLPS requirements (Art 39).",
    )]
}

/// When the next assessment of `kind` is due, and the last one it counts from
/// (`None`: never assessed, due when the system went into operation). Only for
/// a system in operation.
fn next_assessment(ctx: &Ctx, kind: AssessmentKind) -> Option<(Date, Option<Date>)> {
    let p = ctx.project;
    if p.state != State::Operating {
        return None;
    }
    let document = match kind {
        AssessmentKind::MlpsAssessment => Some(DocumentKind::MlpsFiling),
        other => other.document(),
    };
    let recorded = p.kernel.assessments.get(&kind).copied();
    let filed = document.and_then(|d| p.kernel.documents.get(&d).copied());
    match recorded.max(filed) {
        Some(last) => Some((
            last.plus_months(ctx.settings.periodic_months(kind)),
            Some(last),
        )),
        None => p
            .milestone(Milestone::FinalAccepted)
            .map(|operating| (operating, None)),
    }
}

fn assessment_due(ctx: &Ctx, kind: AssessmentKind) -> Vec<Due> {
    next_assessment(ctx, kind)
        .map(|(date, _)| Due {
            event: EventType::RecordAssessment,
            date,
        })
        .into_iter()
        .collect()
}

/// The overdue finding for `kind`, with the article's words in both languages.
fn assessment_overdue(ctx: &Ctx, kind: AssessmentKind, duty: (&str, &str)) -> Vec<Hit> {
    let (Some(as_of), Some((due, last))) = (ctx.as_of, next_assessment(ctx, kind)) else {
        return Vec::new();
    };
    if as_of <= due {
        return Vec::new();
    }
    let months = ctx.settings.periodic_months(kind);
    let days = (as_of.0 - due.0).num_days();
    let (since_zh, since_en) = match last {
        Some(last) => (
            format!("上次{}为 {last}，按每 {months} 个月一次，下一次应不晚于 {due}", kind.zh()),
            format!("the last {kind} was on {last}; at one every {months} months the next was due by {due}"),
        ),
        None => (
            format!("系统自 {due} 投入运行以来没有任何{}记录", kind.zh()),
            format!("no {kind} has been recorded since the system went into operation on {due}"),
        ),
    };
    vec![Hit::new(
        format!(
            "{}已逾期：{since_zh}，截至 {as_of} 已逾期 {days} 天。{}请完成评估后登记（record_assessment，kind = {kind}）。",
            kind.zh(),
            duty.0,
        ),
        format!(
            "The {kind} is overdue: {since_en}; as of {as_of} it is {days} day(s) late. {} Record it with record_assessment (kind = {kind}) once done.",
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

// Art 39: 落实等级保护要求. The measures set no period of their own for MLPS
// assessments (测评): the cadence comes from the MLPS rules and the system's
// protection level, which the record does not carry. So this is a `warning`
// against the engine's `periodic_months.mlps_assessment`, counted from the last
// MLPS assessment or, before the first, from the grading filing.
fn mlps_assessment_overdue(ctx: &Ctx) -> Vec<Hit> {
    assessment_overdue(
        ctx,
        AssessmentKind::MlpsAssessment,
        (
            "项目建设单位应落实等级保护要求（第三十九条），按系统保护等级定期开展等级测评（本提示按引擎配置的周期计算）。",
            "The construction unit must meet the MLPS requirements (Art 39), including periodic MLPS assessments at the system's protection level (this note uses the engine's configured period).",
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
        let ctx = Ctx::for_check(&settings, &project, None);
        let hits = security_budget_below_5pct(&ctx);
        assert_eq!(hits.len(), 1);
        assert!(hits[0].en.contains("(1.42%)"), "{}", hits[0].en);
    }
}
