//! Chapter 5 (采购和合同管理, Art 27–30): procure by the approved method, sign
//! and file the contract within 10 working days each, have it reviewed by
//! counsel, and put the clauses Art 29 and 30 name into it.
//!
//! The two Art 28 deadlines are counted with `Ctx::working_days_after` (the day
//! of the act is not counted), so a deadline in a year the calendar does not
//! know brings `calendar.year_unknown` with it. Each deadline rule judges the
//! event when it happens, reports it as overdue in `check` (with `as_of`) while
//! the act is still outstanding, and lists it in `deadlines` until then.
//! A suspended project (Art 41) is not chased: the deadlines are tracked only in
//! `awarded` and `contracted`.

use super::{Ctx, Due, Events, Hit, Rule, FILLED_IN, RULE};
use crate::model::*;

/// Art 28: 10 working days for signing after the award notice, and for filing after signing.
const ART28_WORKING_DAYS: i32 = 10;

/// The Art 29 clauses a contract "一般包括" (a warning each when absent).
const ART29_CLAUSES: &[Clause] = &[
    Clause::Name,
    Clause::SubjectScope,
    Clause::PerformancePlan,
    Clause::Confidentiality,
    Clause::ResultOwnership,
    Clause::AcceptanceCriteria,
    Clause::Glossary,
];

/// Art 30: 实施周期不应超过3年 (in months).
const MAX_IMPLEMENTATION_MONTHS: u32 = 36;
/// Art 30: 质保期一般不低于2年 (in months).
const MIN_WARRANTY_MONTHS: u32 = 24;

pub static RULES: &[Rule] = &[
    Rule {
        id: "art28.procurement_method_mismatch",
        article: Some(28),
        severity: Severity::Block,
        title: "采购方式与审核批准的采购方式不一致",
        title_en: "Procurement method differs from the approved method",
        events: Events::Only(&[EventType::StartProcurement]),
        eval: procurement_method_mismatch,
        form_answer: Some(|p, d| d.method = approved_method(p, &p.attrs).or(ProcurementMethod::ALL.first().copied())),
        remedy: (
            "按立项批复的采购方式组织采购；确需改变采购方式的，先提交调整申请并经批准。",
            "Procure by the method approved at 立项; to use another, request a change and have it approved first.",
        ),
        ..RULE
    },
    Rule {
        id: "art28.award_notice_after_event",
        article: Some(28),
        severity: Severity::Block,
        title: "中标（成交）通知书发出日期晚于登记日期",
        title_en: "The award notice is dated after the event that records it",
        events: Events::Only(&[EventType::AwardBid]),
        eval: award_notice_after_event,
        remedy: (
            "核对中标（成交）通知书的实际发出日期，在通知书发出当日或之后登记。",
            "Check the date the award notice was actually issued, and record it on or after that day.",
        ),
        ..RULE
    },
    Rule {
        id: "art28.contract_signing_late",
        article: Some(28),
        severity: Severity::Violation,
        title: "未在中标（成交）通知书发出之日起10个工作日内签订采购合同",
        title_en: "Contract not signed within 10 working days of the award notice",
        events: Events::Only(&[EventType::SignContract]),
        check: true,
        eval: contract_signing_late,
        remedy: (
            "尽快签订采购合同并登记；已逾期的情况将作为违规记录在案。",
            "Sign the contract and record it without delay; the lateness stays on record as a violation.",
        ),
        deadlines: Some(contract_signing_due),
        ..RULE
    },
    Rule {
        id: "art28.contract_filing_late",
        article: Some(28),
        severity: Severity::Violation,
        title: "合同未在签订完成后10个工作日内在项目管理系统备案",
        title_en: "Contract not filed in the project management system within 10 working days of signing",
        events: Events::Only(&[EventType::FileContract]),
        check: true,
        eval: contract_filing_late,
        remedy: (
            "尽快在项目管理系统办理合同备案；已逾期的情况将作为违规记录在案。",
            "File the contract in the project management system without delay; the lateness stays on record as a violation.",
        ),
        deadlines: Some(contract_filing_due),
        ..RULE
    },
    Rule {
        id: "art28.contract_already_filed",
        article: Some(28),
        severity: Severity::Block,
        title: "采购合同已备案，无需重复备案",
        title_en: "The contract is already filed",
        events: Events::Only(&[EventType::FileContract]),
        eval: contract_already_filed,
        remedy: (
            "合同已备案，无需重复办理；请办理“开始实施”。",
            "The contract is on file already; nothing to file again. Start implementation next.",
        ),
        ..RULE
    },
    Rule {
        id: "art28.contract_not_filed",
        article: Some(28),
        severity: Severity::Block,
        title: "采购合同尚未备案，不能开始实施",
        title_en: "The contract has not been filed, so implementation cannot start",
        events: Events::Only(&[EventType::StartImplementation]),
        eval: contract_not_filed,
        remedy: (
            "先办理“合同备案”，再开始实施。",
            "File the contract first, then start implementation.",
        ),
        ..RULE
    },
    Rule {
        id: "art29.legal_review_missing",
        article: Some(29),
        severity: Severity::Block,
        title: "合同未经合法性审查或未聘请专门法律顾问",
        title_en: "Contract without a legality review or without dedicated legal counsel",
        events: Events::Only(&[EventType::SignContract]),
        eval: legal_review_missing,
        form_answer: Some(|_, d| {
            d.legal_review = true;
            d.legal_counsel = Some(FILLED_IN.into());
        }),
        remedy: (
            "签订前完成合同合法性审查并聘请专门法律顾问，登记时注明审查情况和法律顾问。",
            "Have the contract reviewed for legality with dedicated legal counsel before signing, and record both.",
        ),
        ..RULE
    },
    Rule {
        id: "art29.contract_clause_missing",
        article: Some(29),
        severity: Severity::Warning,
        title: "合同缺少第二十九条所列的一般条款",
        title_en: "Contract lacks a clause Art 29 lists as usual",
        events: Events::Only(&[EventType::SignContract]),
        eval: contract_clause_missing,
        ..RULE
    },
    Rule {
        id: "art30.ip_ownership_missing",
        article: Some(30),
        severity: Severity::Block,
        title: "合同未明确项目成果的知识产权归属",
        title_en: "Contract does not state who owns the intellectual property of the results",
        events: Events::Only(&[EventType::SignContract]),
        eval: ip_ownership_missing,
        form_answer: Some(|_, d| d.clauses.push(Clause::IpOwnership)),
        remedy: (
            "在合同中补充所列条款后再签订。",
            "Add the listed clause to the contract, then sign.",
        ),
        ..RULE
    },
    Rule {
        id: "art30.data_ownership_missing",
        article: Some(30),
        severity: Severity::Block,
        title: "合同未明确数据及衍生数据归项目建设单位所有",
        title_en: "Contract does not state that the data and derived data belong to the construction unit",
        events: Events::Only(&[EventType::SignContract]),
        eval: data_ownership_missing,
        form_answer: Some(|_, d| d.clauses.push(Clause::DataOwnership)),
        remedy: (
            "在合同中补充所列条款后再签订。",
            "Add the listed clause to the contract, then sign.",
        ),
        ..RULE
    },
    Rule {
        id: "art30.ip_liability_missing",
        article: Some(30),
        severity: Severity::Block,
        title: "合同未约定违反知识产权条款应承担的责任",
        title_en: "Contract does not state the liability for breaching the intellectual-property clauses",
        events: Events::Only(&[EventType::SignContract]),
        eval: ip_liability_missing,
        form_answer: Some(|_, d| d.clauses.push(Clause::IpLiability)),
        remedy: (
            "在合同中补充所列条款后再签订。",
            "Add the listed clause to the contract, then sign.",
        ),
        ..RULE
    },
    Rule {
        id: "art30.warranty_terms_missing",
        article: Some(30),
        severity: Severity::Block,
        title: "合同未明确项目实施周期或质保范围、期限和责任",
        title_en: "Contract does not state the implementation period or the warranty scope, term and liability",
        events: Events::Only(&[EventType::SignContract]),
        eval: warranty_terms_missing,
        form_answer: Some(|_, d| {
            d.clauses.push(Clause::ImplementationPeriod);
            d.clauses.push(Clause::WarrantyTerms);
        }),
        remedy: (
            "在合同中补充所列条款后再签订。",
            "Add the listed clause to the contract, then sign.",
        ),
        ..RULE
    },
    Rule {
        id: "art30.implementation_period_exceeds_3y",
        article: Some(30),
        severity: Severity::Block,
        title: "实施周期超过3年（或未载明）",
        title_en: "Implementation period longer than 3 years (or not stated)",
        events: Events::Only(&[EventType::SignContract]),
        eval: implementation_period_exceeds_3y,
        form_answer: Some(|_, d| d.implementation_months = Some(Whole(MAX_IMPLEMENTATION_MONTHS))),
        remedy: (
            "将合同约定的实施周期调整为不超过3年（36个月），并在登记时填写实施周期（月）。",
            "Set the contract's implementation period to at most 3 years (36 months) and record it in months.",
        ),
        ..RULE
    },
    Rule {
        id: "art30.warranty_below_2y",
        article: Some(30),
        severity: Severity::Warning,
        title: "质保期低于2年（或未载明）",
        title_en: "Warranty shorter than 2 years (or not stated)",
        events: Events::Only(&[EventType::SignContract]),
        eval: warranty_below_2y,
        ..RULE
    },
];

/// A text the host reported and that is not blank.
pub(super) fn stated(text: &Option<String>) -> bool {
    text.as_deref().is_some_and(|s| !s.trim().is_empty())
}

// Art 28: 项目建设单位应严格按照审核批准的采购内容和采购方式组织采购.
// No approved method on the record also refuses: the procurement cannot be shown to follow it.
fn procurement_method_mismatch(ctx: &Ctx) -> Vec<Hit> {
    let Some(method) = ctx.data().method else {
        return Vec::new();
    };
    match approved_method(ctx.project, ctx.attrs()) {
        Some(approved) if approved == method => Vec::new(),
        Some(approved) => vec![Hit::new(
            format!(
                "拟采用的采购方式“{}”与审核批准的采购方式“{}”不一致；应严格按照审核批准的采购方式组织采购（第二十八条）。",
                method.zh(), approved.zh()
            ),
            format!(
                "The procurement method `{method}` differs from the approved method `{approved}`; procurement must follow the approved method (Art 28). Obtain approval for a different method first."
            ),
        )],
        None => vec![Hit::new(
            format!(
                "项目未申报审核批准的采购方式，无法确认拟采用的“{}”符合批准的采购方式；应严格按照审核批准的采购方式组织采购（第二十八条）。",
                method.zh()
            ),
            format!(
                "The record states no approved procurement method (`procurement_method`), so `{method}` cannot be shown to be the approved one; procurement must follow the approved method (Art 28)."
            ),
        )],
    }
}

/// The method technical review judged and 立项 fixed (Art 33 baseline), else as declared.
fn approved_method(project: &Project, attrs: &Attributes) -> Option<ProcurementMethod> {
    let baseline = project.kernel.baseline.as_ref();
    baseline
        .and_then(|b| b.procurement_method)
        .or(attrs.procurement_method)
}

// Art 28: the award notice's date is the start of the 10 working days; a notice dated
// after the event recording it would move that start forward.
fn award_notice_after_event(ctx: &Ctx) -> Vec<Hit> {
    let Some(e) = ctx.event else {
        return Vec::new();
    };
    match e.data.notice_date {
        Some(notice) if notice > e.date => vec![Hit::new(
            format!("中标（成交）通知书发出日期 {notice} 晚于本次登记日期 {}：尚未发出的通知书不能登记（第二十八条的签约期限自通知书发出之日起计算）。", e.date),
            format!("The award notice date {notice} is after this event's date {}: a notice not yet issued cannot be recorded (Art 28 counts the signing period from the notice).", e.date),
        )],
        _ => Vec::new(),
    }
}

// Art 28: 在中标（成交）通知书发出之日起10个工作日内签订正式采购合同.
fn contract_signing_late(ctx: &Ctx) -> Vec<Hit> {
    let Some(notice) = ctx.project.milestone(Milestone::AwardNotice) else {
        return Vec::new();
    };
    match ctx.event {
        Some(e) => {
            let due = ctx.working_days_after(notice, ART28_WORKING_DAYS);
            if e.date <= due {
                return Vec::new();
            }
            vec![Hit::new(
                format!(
                    "中标（成交）通知书于 {notice} 发出，应不晚于 {due}（第10个工作日，含当日）签订采购合同，实际签订日期为 {}，已逾期（第二十八条）。",
                    e.date
                ),
                format!(
                    "The award notice was issued on {notice}; the contract had to be signed by {due} (the 10th working day, inclusive) but it was signed on {} (Art 28).",
                    e.date
                ),
            )
            .due(due)]
        }
        None => {
            let (State::Awarded, Some(as_of)) = (ctx.project.state, ctx.as_of) else {
                return Vec::new();
            };
            let due = ctx.working_days_after(notice, ART28_WORKING_DAYS);
            if as_of <= due {
                return Vec::new();
            }
            vec![Hit::new(
                format!(
                    "中标（成交）通知书于 {notice} 发出，应不晚于 {due}（第10个工作日，含当日）签订采购合同；截至 {as_of} 仍未签订，已逾期（第二十八条）。"
                ),
                format!(
                    "The award notice was issued on {notice}; the contract had to be signed by {due} (the 10th working day, inclusive) and is still unsigned as of {as_of} (Art 28)."
                ),
            )
            .due(due)]
        }
    }
}

fn contract_signing_due(ctx: &Ctx) -> Vec<Due> {
    match (
        ctx.project.state,
        ctx.project.milestone(Milestone::AwardNotice),
    ) {
        (State::Awarded, Some(notice)) => vec![Due {
            event: EventType::SignContract,
            date: ctx.working_days_after(notice, ART28_WORKING_DAYS),
        }],
        _ => Vec::new(),
    }
}

// Art 28: 合同应在签订完成后10个工作日内在项目管理系统备案.
// A repeated filing is judged by the first one, which is already on record.
fn contract_filing_late(ctx: &Ctx) -> Vec<Hit> {
    let p = ctx.project;
    let Some(signed) = p.milestone(Milestone::ContractSigned) else {
        return Vec::new();
    };
    if p.milestone(Milestone::ContractFiled).is_some() {
        return Vec::new();
    }
    match ctx.event {
        Some(e) => {
            let due = ctx.working_days_after(signed, ART28_WORKING_DAYS);
            if e.date <= due {
                return Vec::new();
            }
            vec![Hit::new(
                format!(
                    "采购合同于 {signed} 签订，应不晚于 {due}（第10个工作日，含当日）在项目管理系统备案，实际备案日期为 {}，已逾期（第二十八条）。",
                    e.date
                ),
                format!(
                    "The contract was signed on {signed}; it had to be filed in the project management system by {due} (the 10th working day, inclusive) but it was filed on {} (Art 28).",
                    e.date
                ),
            )
            .due(due)]
        }
        None => {
            let (State::Contracted, Some(as_of)) = (p.state, ctx.as_of) else {
                return Vec::new();
            };
            let due = ctx.working_days_after(signed, ART28_WORKING_DAYS);
            if as_of <= due {
                return Vec::new();
            }
            vec![Hit::new(
                format!(
                    "采购合同于 {signed} 签订，应不晚于 {due}（第10个工作日，含当日）在项目管理系统备案；截至 {as_of} 仍未备案，已逾期（第二十八条）。"
                ),
                format!(
                    "The contract was signed on {signed}; it had to be filed in the project management system by {due} (the 10th working day, inclusive) and is still unfiled as of {as_of} (Art 28)."
                ),
            )
            .due(due)]
        }
    }
}

fn contract_filing_due(ctx: &Ctx) -> Vec<Due> {
    let p = ctx.project;
    match (
        p.state,
        p.milestone(Milestone::ContractSigned),
        p.milestone(Milestone::ContractFiled),
    ) {
        (State::Contracted, Some(signed), None) => vec![Due {
            event: EventType::FileContract,
            date: ctx.working_days_after(signed, ART28_WORKING_DAYS),
        }],
        _ => Vec::new(),
    }
}

// Art 28: 合同应在签订完成后10个工作日内在项目管理系统备案 — the contract is filed before implementation starts.
// Art 28: the filing date is the one the 10 working days are judged by; a second
// filing would record nothing new.
fn contract_already_filed(ctx: &Ctx) -> Vec<Hit> {
    match ctx.project.milestone(Milestone::ContractFiled) {
        Some(filed) => vec![Hit::new(
            format!("采购合同已于 {filed} 在项目管理系统备案，无需重复备案（第二十八条）；请办理“{}”。", EventType::StartImplementation.zh()),
            format!("The contract was filed on {filed} already (Art 28); there is nothing to file again. Start implementation next (`start_implementation`)."),
        )],
        None => Vec::new(),
    }
}

fn contract_not_filed(ctx: &Ctx) -> Vec<Hit> {
    if ctx.project.milestone(Milestone::ContractFiled).is_some() {
        return Vec::new();
    }
    match ctx.project.milestone(Milestone::ContractSigned) {
        Some(signed) => {
            let due = ctx.working_days_after(signed, ART28_WORKING_DAYS);
            vec![Hit::new(
                format!(
                    "采购合同（{signed} 签订）尚未在项目管理系统备案，不能开始实施；合同应不晚于 {due}（签订后第10个工作日，含当日）备案（第二十八条）。"
                ),
                format!(
                    "The contract (signed on {signed}) has not been filed in the project management system, so implementation cannot start; it is due to be filed within 10 working days of signing (by {due}, Art 28). File it first (`file_contract`)."
                ),
            )
            .due(due)]
        }
        None => vec![Hit::new(
            "项目没有已签订并备案的采购合同，不能开始实施；合同应在签订后10个工作日内在项目管理系统备案（第二十八条）。",
            "The project has no signed and filed contract, so implementation cannot start; a contract is filed in the project management system within 10 working days of signing (Art 28).",
        )],
    }
}

// Art 29: 项目建设单位应加强项目合同的合法性审查，聘请专门法律顾问保障合同条款设置的合法合规.
fn legal_review_missing(ctx: &Ctx) -> Vec<Hit> {
    let d = ctx.data();
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if !d.legal_review {
        zh.push("合同未经合法性审查");
        en.push("no legality review (`legal_review` is not true)");
    }
    if !stated(&d.legal_counsel) {
        zh.push("未载明聘请的专门法律顾问");
        en.push("no dedicated legal counsel named (`legal_counsel`)");
    }
    if zh.is_empty() {
        return Vec::new();
    }
    vec![Hit::new(
        format!(
            "签订合同前应进行合法性审查并聘请专门法律顾问保障合同条款合法合规（第二十九条）：{}。",
            zh.join("；")
        ),
        format!(
            "Before signing, the contract must pass a legality review with dedicated legal counsel (Art 29): {}.",
            en.join("; ")
        ),
    )]
}

// Art 29: 合同的内容一般包括项目的名称，标的的内容、范围和要求，履行的计划、地点和方式，技术信息和资料的保密，
// 技术成果的归属和收益的分配办法，验收标准和方法，名词和术语的解释等条款. One finding per missing clause.
fn contract_clause_missing(ctx: &Ctx) -> Vec<Hit> {
    let present = &ctx.data().clauses;
    ART29_CLAUSES
        .iter()
        .filter(|c| !present.contains(c))
        .map(|c| {
            Hit::new(
                format!(
                    "合同缺少“{}”条款；合同内容一般应包括项目名称，标的的内容、范围和要求，履行的计划、地点和方式，技术信息和资料的保密，技术成果的归属和收益的分配办法，验收标准和方法，名词和术语的解释等条款（第二十九条）。",
                    c.zh()
                ),
                format!(
                    "The contract lacks the `{c}` clause ({}); Art 29 says a contract usually includes the project name, subject scope, performance plan, confidentiality, ownership of results, acceptance criteria and a glossary.",
                    c.zh()
                ),
            )
        })
        .collect()
}

/// A block for one missing Art 30 clause.
fn clause_required(ctx: &Ctx, clause: Clause, zh_rule: &str, en_rule: &str) -> Vec<Hit> {
    if ctx.data().clauses.contains(&clause) {
        return Vec::new();
    }
    vec![Hit::new(
        format!("合同缺少“{}”条款；{}（第三十条）。", clause.zh(), zh_rule),
        format!("The contract lacks the `{clause}` clause; {en_rule} (Art 30)."),
    )]
}

// Art 30: 项目合同中应明确项目产生的系统、组件、文档等相关成果的知识产权归属.
fn ip_ownership_missing(ctx: &Ctx) -> Vec<Hit> {
    clause_required(
        ctx,
        Clause::IpOwnership,
        "合同中应明确项目产生的系统、组件、文档等相关成果的知识产权归属",
        "the contract must state who owns the intellectual property of the systems, components, documents and other results of the project",
    )
}

// Art 30: 产生的数据及衍生数据等归项目建设单位所有.
fn data_ownership_missing(ctx: &Ctx) -> Vec<Hit> {
    clause_required(
        ctx,
        Clause::DataOwnership,
        "项目产生的数据及衍生数据等归项目建设单位所有，合同中应予明确",
        "the data and derived data the project produces belong to the construction unit, and the contract must say so",
    )
}

// Art 30: 合同中应明确约定违反知识产权条款应承担的责任.
fn ip_liability_missing(ctx: &Ctx) -> Vec<Hit> {
    clause_required(
        ctx,
        Clause::IpLiability,
        "合同中应明确约定违反知识产权条款应承担的责任",
        "the contract must state the liability for breaching its intellectual-property clauses",
    )
}

// Art 30: 合同中应明确项目实施周期、质保范围、质保期限和质保责任等.
fn warranty_terms_missing(ctx: &Ctx) -> Vec<Hit> {
    let present = &ctx.data().clauses;
    let missing: Vec<Clause> = [Clause::ImplementationPeriod, Clause::WarrantyTerms]
        .into_iter()
        .filter(|c| !present.contains(c))
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let zh: Vec<String> = missing.iter().map(|c| format!("“{}”", c.zh())).collect();
    let en: Vec<String> = missing.iter().map(|c| format!("`{c}`")).collect();
    vec![Hit::new(
        format!(
            "合同缺少{}条款；合同中应明确项目实施周期、质保范围、质保期限和质保责任等（第三十条）。",
            zh.join("、")
        ),
        format!(
            "The contract lacks the {} clause(s); it must state the implementation period and the warranty scope, term and liability (Art 30).",
            en.join(" and ")
        ),
    )]
}

// Art 30: 合同中应明确项目实施周期 … 实施周期不应超过3年.
// An implementation period that is not stated (no `implementation_months`) cannot be shown to
// respect the limit, so it is refused as well, with its own message.
fn implementation_period_exceeds_3y(ctx: &Ctx) -> Vec<Hit> {
    match ctx.data().implementation_months.map(|m| m.0) {
        Some(months) if months <= MAX_IMPLEMENTATION_MONTHS => Vec::new(),
        Some(months) => vec![Hit::new(
            format!(
                "合同约定的实施周期为 {months} 个月，超过3年（36个月）；实施周期不应超过3年（第三十条）。"
            ),
            format!(
                "The contract's implementation period is {months} months, more than 3 years (36 months); it must not exceed 3 years (Art 30)."
            ),
        )],
        None => vec![Hit::new(
            "签订合同时未载明实施周期，无法确认不超过3年（36个月）；合同中应明确项目实施周期，且实施周期不应超过3年（第三十条）。",
            "The contract's implementation period is not stated (`implementation_months`), so it cannot be shown to be at most 3 years (36 months); the contract must state it and it must not exceed 3 years (Art 30).",
        )],
    }
}

// Art 30: 质保期一般不低于2年. A shorter warranty with a stated justification is noted as `info`;
// a warranty period that is not stated (no `warranty_months`) is a warning, justified or not.
fn warranty_below_2y(ctx: &Ctx) -> Vec<Hit> {
    let d = ctx.data();
    match d.warranty_months.map(|m| m.0) {
        Some(months) if months >= MIN_WARRANTY_MONTHS => Vec::new(),
        Some(months) if stated(&d.warranty_justification) => {
            let why = d.warranty_justification.as_deref().unwrap_or_default().trim();
            vec![Hit::new(
                format!(
                    "合同约定的质保期为 {months} 个月，低于2年（24个月）；已说明理由：“{why}”。质保期一般不低于2年（第三十条）。"
                ),
                format!(
                    "The contract's warranty is {months} months, under 2 years (24 months), with the stated justification \"{why}\"; a warranty is generally at least 2 years (Art 30)."
                ),
            )
            .severity(Severity::Info)]
        }
        Some(months) => vec![Hit::new(
            format!(
                "合同约定的质保期为 {months} 个月，低于2年（24个月）且未说明理由；质保期一般不低于2年（第三十条）。"
            ),
            format!(
                "The contract's warranty is {months} months, under 2 years (24 months), and no justification is given (`warranty_justification`); a warranty is generally at least 2 years (Art 30)."
            ),
        )],
        None => vec![Hit::new(
            "签订合同时未载明质保期限，无法确认不低于2年（24个月）；合同中应明确质保期限，质保期一般不低于2年（第三十条）。",
            "The contract's warranty term is not stated (`warranty_months`), so it cannot be shown to be at least 2 years (24 months); the contract must state it, and it is generally at least 2 years (Art 30).",
        )],
    }
}
