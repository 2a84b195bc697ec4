//! Chapter 8 (网络与信息安全管理, Art 37–39): the 5% security budget at technical
//! review, the crypto assessment and MLPS filing before final acceptance, and
//! the periodic assessments of a system in operation (CONTRACT §5).
mod support;
use serde_json::{json, Value};
use support::*;

const SECURITY_BUDGET: &str = "art37.security_budget_below_5pct";
const CRYPTO_MISSING: &str = "art38.crypto_assessment_missing";
const CRYPTO_OVERDUE: &str = "art38.crypto_assessment_overdue";
const MLPS_FILING: &str = "art39.mlps_filing_missing";
const RISK_OVERDUE: &str = "art39.risk_assessment_overdue";
const MLPS_OVERDUE: &str = "art39.mlps_assessment_overdue";

/// `submit_technical` (standard path's third event) on a project declared with `patch`.
fn submit_technical(engine: &govit::Engine, patch: Value) -> Value {
    let project = walk_from_to(engine, sample_with(patch), "demand_approved");
    let (_, event) = standard_path().into_iter().nth(2).unwrap();
    assert_eq!(event["type"], "submit_technical");
    apply(engine, &project, &event)
}

// ---- Art 37: 新建政务信息化项目网络安全预算不低于项目总预算的5% ----

#[test]
fn art37_exactly_five_percent_passes() {
    let r = submit_technical(
        &engine(),
        json!({"budget_yuan": "3000000.00", "security_budget_yuan": "150000.00"}),
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, SECURITY_BUDGET));
}

#[test]
fn art37_one_fen_below_five_percent_is_refused() {
    let r = submit_technical(
        &engine(),
        json!({"budget_yuan": "3000000.00", "security_budget_yuan": "149999.99"}),
    );
    assert_eq!(r["accepted"], false);
    assert_eq!(r["state_after"], "demand_approved");
    let f = finding(&r, SECURITY_BUDGET);
    assert_eq!(f["severity"], "block");
    assert_eq!(f["article"], 37);
    assert_eq!(
        f["citation"],
        "《曲阜市政务信息化项目建设管理办法》第三十七条"
    );
    let zh = f["message"].as_str().unwrap();
    for part in [
        "3,000,000.00 元",
        "150,000.00 元",
        "149,999.99 元",
        "4.99%",
        "差 0.01 元",
        "5%",
        "第三十七条",
    ] {
        assert!(zh.contains(part), "{part} not in {zh}");
    }
    let en = f["message_en"].as_str().unwrap();
    for part in [
        "3,000,000.00 yuan",
        "at least 150,000.00 yuan",
        "149,999.99 yuan",
        "0.01 yuan short",
        "Art 37",
    ] {
        assert!(en.contains(part), "{part} not in {en}");
    }
}

#[test]
fn art37_money_read_exactly_from_json_numbers() {
    // 5% of 4,999,999.99 is 249,999.9995: 249,999.99 is short, 250,000.00 is enough.
    let e = engine();
    let short = submit_technical(
        &e,
        json!({"budget_yuan": 4999999.99, "security_budget_yuan": 249999.99}),
    );
    let f = finding(&short, SECURITY_BUDGET);
    let zh = f["message"].as_str().unwrap();
    assert!(zh.contains("249,999.9995 元"), "{zh}");
    assert!(zh.contains("差 0.0095 元"), "{zh}");
    let enough = submit_technical(
        &e,
        json!({"budget_yuan": 4999999.99, "security_budget_yuan": 250000}),
    );
    assert!(
        !has_rule(&enough, SECURITY_BUDGET),
        "{:#}",
        enough["findings"]
    );
}

#[test]
fn art37_absent_security_budget_counts_as_zero() {
    let r = submit_technical(&engine_en(), json!({"security_budget_yuan": null}));
    assert_eq!(r["accepted"], false);
    let f = finding(&r, SECURITY_BUDGET);
    let en = f["message"].as_str().unwrap();
    assert!(en.contains("counted as 0"), "{en}");
    assert!(en.contains("it is 0.00 yuan (0.00%;"), "{en}");
    assert!(en.contains("150,000.00 yuan short"), "{en}");
}

#[test]
fn art37_applies_to_new_projects_only() {
    let r = submit_technical(
        &engine(),
        json!({"is_new": false, "security_budget_yuan": "1000.00"}),
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, SECURITY_BUDGET));
}

// ---- Art 38, 39: before final acceptance ----

/// The standard path to `preliminary_accepted` without the events `skip` rejects.
fn to_preliminary_without(engine: &govit::Engine, skip: impl Fn(&Value) -> bool) -> Value {
    let mut project = sample();
    for (reached, event) in standard_path() {
        if !skip(&event) {
            project = apply_ok(engine, &project, &event);
        }
        if reached == "preliminary_accepted" {
            break;
        }
    }
    assert_eq!(project["state"], "preliminary_accepted");
    project
}

fn apply_final(documents: Value) -> Value {
    ev(
        "apply_final_acceptance",
        "2026-11-02",
        "construction_unit",
        json!({ "documents": documents }),
    )
}

fn is_assessment(event: &Value, kind: &str) -> bool {
    event["type"] == "record_assessment" && event["data"]["kind"] == kind
}

#[test]
fn art38_crypto_assessment_required_for_final_acceptance() {
    let e = engine();
    let p = to_preliminary_without(&e, |ev| is_assessment(ev, "crypto_assessment"));
    let r = apply(&e, &p, &apply_final(json!([])));
    assert_eq!(r["accepted"], false);
    assert_eq!(rule_ids(&r), vec![CRYPTO_MISSING]);
    let f = finding(&r, CRYPTO_MISSING);
    assert_eq!(f["severity"], "block");
    assert_eq!(
        f["citation"],
        "《曲阜市政务信息化项目建设管理办法》第三十八条"
    );
    assert!(f["message"]
        .as_str()
        .unwrap()
        .contains("密码应用安全性评估"));
    assert!(f["message_en"]
        .as_str()
        .unwrap()
        .contains("crypto_assessment"));
    // Filed with the application itself, it is enough.
    let r = apply(&e, &p, &apply_final(json!(["crypto_assessment"])));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
}

#[test]
fn art38_crypto_assessment_on_file_passes() {
    let e = engine();
    let p = walk_to(&e, "preliminary_accepted");
    let r = apply(&e, &p, &apply_final(json!([])));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, CRYPTO_MISSING) && !has_rule(&r, MLPS_FILING));
}

#[test]
fn art39_mlps_filing_required_for_final_acceptance() {
    let e = engine();
    let mut path = standard_path();
    // The standard path files `mlps_filing` with the preliminary acceptance.
    path[15].1["data"]["documents"] = json!([]);
    let mut p = sample();
    for (reached, event) in path {
        p = apply_ok(&e, &p, &event);
        if reached == "preliminary_accepted" {
            break;
        }
    }
    let r = apply(&e, &p, &apply_final(json!([])));
    assert_eq!(r["accepted"], false);
    assert_eq!(rule_ids(&r), vec![MLPS_FILING]);
    let f = finding(&r, MLPS_FILING);
    assert_eq!(f["article"], 39);
    assert!(f["message"].as_str().unwrap().contains("等级保护定级备案"));
    let r = apply(&e, &p, &apply_final(json!(["mlps_filing"])));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
}

// ---- Art 38, 39: periodic assessments in operation ----
// Standard path: crypto assessment 2026-09-15, risk assessment 2026-09-18,
// MLPS filing 2026-10-20, all before final acceptance; operating from 2026-12-01.
// Default period 12 months: the first period runs from final acceptance.

fn check_on(engine: &govit::Engine, project: &Value, as_of: &str) -> Value {
    check(engine, project, json!({ "as_of": as_of }))
}

fn deadline_of(result: &Value, rule: &str) -> Option<(String, String)> {
    result["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == rule)
        .map(|d| {
            (
                d["event"].as_str().unwrap().to_string(),
                d["due"].as_str().unwrap().to_string(),
            )
        })
}

fn assess(date: &str, kind: &str) -> Value {
    ev(
        "record_assessment",
        date,
        "construction_unit",
        json!({ "kind": kind }),
    )
}

#[test]
fn art38_the_first_period_runs_from_final_acceptance() {
    let e = engine();
    let p = walk_to(&e, "operating");
    let on_due = check_on(&e, &p, "2027-12-01");
    for rule in [CRYPTO_OVERDUE, RISK_OVERDUE, MLPS_OVERDUE] {
        assert!(!has_rule(&on_due, rule), "{rule}: {:#}", on_due["findings"]);
        assert_eq!(
            deadline_of(&on_due, rule),
            Some(("record_assessment".into(), "2027-12-01".into())),
            "{rule}"
        );
    }
    let day_after = check_on(&e, &p, "2027-12-02");
    let f = finding(&day_after, CRYPTO_OVERDUE);
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["due"], "2027-12-01");
    assert_eq!(
        f["citation"],
        "《曲阜市政务信息化项目建设管理办法》第三十八条"
    );
    let zh = f["message"].as_str().unwrap();
    for part in [
        "2026-12-01",
        "12 个月",
        "2027-12-01（含当日）",
        "逾期 1 天",
        "第三十八条",
        "登记安全评估",
        "密码应用安全性评估",
    ] {
        assert!(zh.contains(part), "{part} not in {zh}");
    }
    assert!(
        !zh.contains("record_assessment") && !zh.contains("kind"),
        "{zh}"
    );
    let en = f["message_en"].as_str().unwrap();
    for part in [
        "crypto_assessment",
        "went into operation on 2026-12-01",
        "every 12 months",
        "1 day(s) late",
        "Art 38",
    ] {
        assert!(en.contains(part), "{part} not in {en}");
    }
    assert!(f["remedy"].as_str().unwrap().contains("登记安全评估"));
    // The three kinds read alike: the same severity, the same first period.
    for rule in [RISK_OVERDUE, MLPS_OVERDUE] {
        let f = finding(&day_after, rule);
        assert_eq!(f["severity"], "violation", "{rule}");
        assert_eq!(f["due"], "2027-12-01", "{rule}");
    }
}

#[test]
fn an_assessment_on_the_day_of_final_acceptance_starts_the_cycle() {
    let e = engine();
    let p = apply_ok(
        &e,
        &walk_to(&e, "operating"),
        &assess("2026-12-01", "crypto_assessment"),
    );
    let r = check_on(&e, &p, "2027-12-02");
    let zh = finding(&r, CRYPTO_OVERDUE)["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(zh.contains("上次密码应用安全性评估为 2026-12-01"), "{zh}");
    // One the day before acceptance (still implementing) does not: it counts from acceptance.
    let msg = finding(
        &check_on(&e, &walk_to(&e, "operating"), "2027-12-02"),
        CRYPTO_OVERDUE,
    )["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!msg.contains("上次") && msg.contains("没有任何"), "{msg}");
}

#[test]
fn art38_a_new_assessment_restarts_the_period() {
    let e = engine();
    let p = walk_to(&e, "operating");
    let p = apply_ok(
        &e,
        &p,
        &ev(
            "record_assessment",
            "2027-08-30",
            "construction_unit",
            json!({"kind": "crypto_assessment"}),
        ),
    );
    let r = check_on(&e, &p, "2028-08-30");
    assert!(!has_rule(&r, CRYPTO_OVERDUE));
    assert_eq!(
        deadline_of(&r, CRYPTO_OVERDUE),
        Some(("record_assessment".into(), "2028-08-30".into()))
    );
    assert!(has_rule(&check_on(&e, &p, "2028-08-31"), CRYPTO_OVERDUE));
}

#[test]
fn art38_period_follows_engine_setting() {
    let e = govit::Engine::new(Some(r#"{"periodic_months":{"crypto_assessment":6}}"#)).unwrap();
    let p = walk_to(&e, "operating");
    assert!(!has_rule(&check_on(&e, &p, "2027-06-01"), CRYPTO_OVERDUE));
    let r = check_on(&e, &p, "2027-06-02");
    assert_eq!(finding(&r, CRYPTO_OVERDUE)["due"], "2027-06-01");
    // The other kinds keep the default of 12 months.
    assert!(!has_rule(&r, RISK_OVERDUE));
}

#[test]
fn periodic_assessments_only_judged_in_operation() {
    let e = engine();
    let p = walk_to(&e, "preliminary_accepted");
    let r = check_on(&e, &p, "2030-01-01");
    for rule in [CRYPTO_OVERDUE, RISK_OVERDUE, MLPS_OVERDUE] {
        assert!(!has_rule(&r, rule), "{rule} in {:#}", r["findings"]);
        assert_eq!(deadline_of(&r, rule), None);
    }
    // Without as_of, check lists the deadlines but judges nothing overdue.
    let op = walk_to(&e, "operating");
    let r = check(&e, &op, json!({}));
    assert!(!has_rule(&r, CRYPTO_OVERDUE) && !has_rule(&r, RISK_OVERDUE));
    assert!(deadline_of(&r, CRYPTO_OVERDUE).is_some());
}

#[test]
fn art39_risk_assessment_due_twelve_months_after_the_last() {
    let e = engine_en();
    let p = apply_ok(
        &e,
        &walk_to(&e, "operating"),
        &assess("2027-01-18", "risk_assessment"),
    );
    let on_due = check_on(&e, &p, "2028-01-18");
    assert!(!has_rule(&on_due, RISK_OVERDUE));
    assert_eq!(
        deadline_of(&on_due, RISK_OVERDUE),
        Some(("record_assessment".into(), "2028-01-18".into()))
    );
    let r = check_on(&e, &p, "2028-01-19");
    let f = finding(&r, RISK_OVERDUE);
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["article"], 39);
    assert_eq!(f["due"], "2028-01-18");
    let en = f["message"].as_str().unwrap();
    assert!(
        en.contains("risk_assessment") && en.contains("2027-01-18"),
        "{en}"
    );
}

#[test]
fn art39_never_assessed_in_operation_is_due_a_period_after_acceptance() {
    let e = engine();
    let mut p = sample();
    for (_, event) in standard_path() {
        if !is_assessment(&event, "risk_assessment") {
            p = apply_ok(&e, &p, &event);
        }
    }
    assert_eq!(p["state"], "operating");
    assert!(!has_rule(&check_on(&e, &p, "2027-12-01"), RISK_OVERDUE));
    let r = check_on(&e, &p, "2027-12-02");
    let f = finding(&r, RISK_OVERDUE);
    assert_eq!(f["due"], "2027-12-01");
    assert!(f["message"].as_str().unwrap().contains("没有任何"));
}

#[test]
fn art39_mlps_assessment_is_a_violation_counted_like_the_others() {
    let e = engine();
    let p = walk_to(&e, "operating");
    // The grading filing (2026-10-20) came before acceptance: the cycle starts at acceptance.
    assert!(!has_rule(&check_on(&e, &p, "2027-12-01"), MLPS_OVERDUE));
    let r = check_on(&e, &p, "2027-12-02");
    let f = finding(&r, MLPS_OVERDUE);
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["due"], "2027-12-01");
    assert!(f["remedy"].as_str().is_some());
    let p = apply_ok(&e, &p, &assess("2027-10-10", "mlps_assessment"));
    let r = check_on(&e, &p, "2028-10-10");
    assert!(!has_rule(&r, MLPS_OVERDUE));
    assert_eq!(
        deadline_of(&r, MLPS_OVERDUE),
        Some(("record_assessment".into(), "2028-10-10".into()))
    );
    assert!(has_rule(&check_on(&e, &p, "2028-10-11"), MLPS_OVERDUE));
}

#[test]
fn month_end_assessments_clamp_to_the_shorter_month() {
    // Assessed on 2028-02-29 with a 12-month period: due 2029-02-28.
    let e = engine();
    let p = walk_to(&e, "operating");
    let p = apply_ok(
        &e,
        &p,
        &ev(
            "record_assessment",
            "2028-02-29",
            "construction_unit",
            json!({"kind": "crypto_assessment"}),
        ),
    );
    assert!(!has_rule(&check_on(&e, &p, "2029-02-28"), CRYPTO_OVERDUE));
    assert_eq!(
        finding(&check_on(&e, &p, "2029-03-01"), CRYPTO_OVERDUE)["due"],
        "2029-02-28"
    );
}

// ---- Art 37 judged wherever it can be broken ----

/// A record in `state`, built outside the kernel (no history), with a 1% security budget.
fn one_percent_in(state: &str) -> Value {
    sample_with(
        json!({"state": state, "security_budget_yuan": "30000.00", "milestones": {"technical_submitted": "2025-04-01"}}),
    )
}

#[test]
fn art37_judged_again_at_technical_review_and_approval() {
    let e = engine();
    for (state, event) in [
        ("technical_review", path_event("pass_technical_review")),
        ("technical_approved", path_event("approve")),
    ] {
        let r = apply(&e, &one_percent_in(state), &event);
        assert_eq!(r["accepted"], false, "{state}: {:#}", r["findings"]);
        assert_eq!(finding(&r, SECURITY_BUDGET)["severity"], "block", "{state}");
        // At 5% it passes.
        let ok = sample_with(
            json!({"state": state, "security_budget_yuan": "150000.00", "milestones": {"technical_submitted": "2025-04-01"}}),
        );
        assert!(
            !has_rule(&apply(&e, &ok, &event), SECURITY_BUDGET),
            "{state}"
        );
    }
}

#[test]
fn art37_a_change_leaving_the_security_budget_under_five_percent_is_refused() {
    let e = engine();
    let p = walk_to(&e, "implementing");
    let change = |security: &str| {
        let requested = apply_ok(
            &e,
            &p,
            &ev(
                "request_change",
                "2026-01-10",
                "construction_unit",
                json!({"aspects": ["budget_yuan", "security_budget_yuan"], "proposed": {"budget_yuan": "8000000.00", "security_budget_yuan": security}}),
            ),
        );
        apply(
            &e,
            &requested,
            &ev("approve_change", "2026-01-20", "big_data_center", json!({})),
        )
    };
    let short = change("399999.99");
    assert_eq!(short["accepted"], false, "{:#}", short["findings"]);
    let f = finding(&short, SECURITY_BUDGET);
    let zh = f["message"].as_str().unwrap();
    assert!(
        zh.contains("按调整申请的数值")
            && zh.contains("8,000,000.00 元")
            && zh.contains("差 0.01 元"),
        "{zh}"
    );
    assert!(f["remedy"].as_str().unwrap().contains("不予批准"));
    let enough = change("400000.00");
    assert!(
        !has_rule(&enough, SECURITY_BUDGET),
        "{:#}",
        enough["findings"]
    );
}

#[test]
fn art37_check_reports_a_standing_breach_after_submission_only() {
    let e = engine();
    let mut p = walk_to(&e, "operating");
    p["security_budget_yuan"] = json!("1000.00");
    let r = check(&e, &p, json!({}));
    let f = finding(&r, SECURITY_BUDGET);
    assert_eq!(f["severity"], "block");
    assert!(f["message"].as_str().unwrap().contains("1,000.00 元"));
    // Before technical submission there is nothing standing yet.
    let mut draft = walk_to(&e, "demand_approved");
    draft["security_budget_yuan"] = json!("1000.00");
    assert!(!has_rule(&check(&e, &draft, json!({})), SECURITY_BUDGET));
    // Submitted for technical review: it stands.
    assert!(has_rule(
        &check(&e, &one_percent_in("technical_review"), json!({})),
        SECURITY_BUDGET
    ));
    // Absent security budget: the clerk reads the form's words, not the key.
    let mut absent = walk_to(&e, "operating");
    absent
        .as_object_mut()
        .unwrap()
        .remove("security_budget_yuan");
    let zh = finding(&check(&e, &absent, json!({})), SECURITY_BUDGET)["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        zh.contains("未填写网络安全预算") && !zh.contains("security_budget_yuan"),
        "{zh}"
    );
}
