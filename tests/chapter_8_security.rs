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
// MLPS filing 2026-10-20, operating from 2026-12-01. Default period 12 months.

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

#[test]
fn art38_crypto_assessment_due_twelve_months_after_the_last() {
    let e = engine();
    let p = walk_to(&e, "operating");
    let on_due = check_on(&e, &p, "2027-09-15");
    assert!(
        !has_rule(&on_due, CRYPTO_OVERDUE),
        "{:#}",
        on_due["findings"]
    );
    assert_eq!(
        deadline_of(&on_due, CRYPTO_OVERDUE),
        Some(("record_assessment".into(), "2027-09-15".into()))
    );
    let day_after = check_on(&e, &p, "2027-09-16");
    let f = finding(&day_after, CRYPTO_OVERDUE);
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["due"], "2027-09-15");
    assert_eq!(
        f["citation"],
        "《曲阜市政务信息化项目建设管理办法》第三十八条"
    );
    let zh = f["message"].as_str().unwrap();
    for part in [
        "2026-09-15",
        "12 个月",
        "2027-09-15",
        "逾期 1 天",
        "第三十八条",
    ] {
        assert!(zh.contains(part), "{part} not in {zh}");
    }
    let en = f["message_en"].as_str().unwrap();
    for part in [
        "crypto_assessment",
        "2026-09-15",
        "every 12 months",
        "1 day(s) late",
        "Art 38",
    ] {
        assert!(en.contains(part), "{part} not in {en}");
    }
    // Only the crypto assessment is due by then.
    assert!(!has_rule(&day_after, RISK_OVERDUE));
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
    assert!(!has_rule(&check_on(&e, &p, "2027-03-15"), CRYPTO_OVERDUE));
    let r = check_on(&e, &p, "2027-03-16");
    assert_eq!(finding(&r, CRYPTO_OVERDUE)["due"], "2027-03-15");
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
    let p = walk_to(&e, "operating");
    let on_due = check_on(&e, &p, "2027-09-18");
    assert!(!has_rule(&on_due, RISK_OVERDUE));
    assert_eq!(
        deadline_of(&on_due, RISK_OVERDUE),
        Some(("record_assessment".into(), "2027-09-18".into()))
    );
    let r = check_on(&e, &p, "2027-09-19");
    let f = finding(&r, RISK_OVERDUE);
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["article"], 39);
    assert_eq!(f["due"], "2027-09-18");
    let en = f["message"].as_str().unwrap();
    assert!(
        en.contains("risk_assessment") && en.contains("2026-09-18"),
        "{en}"
    );
}

#[test]
fn art39_never_assessed_in_operation_is_overdue_from_acceptance() {
    let e = engine();
    let mut p = sample();
    for (_, event) in standard_path() {
        if !is_assessment(&event, "risk_assessment") {
            p = apply_ok(&e, &p, &event);
        }
    }
    assert_eq!(p["state"], "operating");
    assert!(!has_rule(&check_on(&e, &p, "2026-12-01"), RISK_OVERDUE));
    let r = check_on(&e, &p, "2026-12-02");
    let f = finding(&r, RISK_OVERDUE);
    assert_eq!(f["due"], "2026-12-01");
    assert!(f["message"].as_str().unwrap().contains("没有任何"));
}

#[test]
fn art39_mlps_assessment_counts_from_filing_then_last_assessment() {
    let e = engine();
    let p = walk_to(&e, "operating");
    assert!(!has_rule(&check_on(&e, &p, "2027-10-20"), MLPS_OVERDUE));
    let r = check_on(&e, &p, "2027-10-21");
    let f = finding(&r, MLPS_OVERDUE);
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["due"], "2027-10-20");
    let p = apply_ok(
        &e,
        &p,
        &ev(
            "record_assessment",
            "2027-10-10",
            "construction_unit",
            json!({"kind": "mlps_assessment"}),
        ),
    );
    let r = check_on(&e, &p, "2028-10-10");
    assert!(!has_rule(&r, MLPS_OVERDUE));
    assert_eq!(
        deadline_of(&r, MLPS_OVERDUE),
        Some(("record_assessment".into(), "2028-10-10".into()))
    );
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
