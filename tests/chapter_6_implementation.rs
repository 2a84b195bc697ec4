//! Chapter 6 of the measures (项目实施和变更管理, Art 31–33), CONTRACT §5:
//! the implementing agency and responsible person, spending within the approved
//! budget, and the approved baseline that only an approved change may move.
mod support;
use serde_json::{json, Value};
use support::*;

fn start(data: Value) -> Value {
    ev(
        "start_implementation",
        "2025-11-03",
        "construction_unit",
        data,
    )
}

fn progress(date: &str, spent: &str) -> Value {
    ev(
        "report_progress",
        date,
        "construction_unit",
        json!({"spent_yuan": spent}),
    )
}

fn implementing() -> Value {
    walk_until(&engine(), "report_progress")
}

// ---- art32.responsible_person_missing ----

#[test]
fn implementation_needs_an_agency_and_a_responsible_person() {
    let engine = engine();
    let filed = walk_until(&engine, "start_implementation");
    for (data, zh, en) in [
        (
            json!({"responsible_person": "孔令华"}),
            "项目实施机构",
            "implementing agency",
        ),
        (
            json!({"implementing_agency": "曲阜市文化和旅游局信息中心"}),
            "项目责任人",
            "responsible person",
        ),
        (
            json!({"implementing_agency": " ", "responsible_person": "孔令华"}),
            "项目实施机构",
            "implementing agency",
        ),
    ] {
        let r = apply(&engine, &filed, &start(data.clone()));
        assert_eq!(r["accepted"], false, "{data}");
        let f = finding(&r, "art32.responsible_person_missing");
        assert_eq!(f["severity"], "block");
        assert_eq!(
            f["citation"],
            "《曲阜市政务信息化项目建设管理办法》第三十二条"
        );
        assert!(f["message"].as_str().unwrap().contains(zh), "{f:#}");
        assert!(f["message_en"].as_str().unwrap().contains(en), "{f:#}");
    }
    let neither = apply(&engine, &filed, &start(json!({})));
    let zh = finding(&neither, "art32.responsible_person_missing")["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(zh.contains("未载明项目实施机构和项目责任人；"), "{zh}");
}

#[test]
fn implementation_with_both_passes_and_is_recorded() {
    let engine = engine();
    let filed = walk_until(&engine, "start_implementation");
    let r = apply(&engine, &filed, &path_event("start_implementation"));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, "art32.responsible_person_missing"));
    assert_eq!(r["project"]["contract"]["responsible_person"], "孔令华");
}

// ---- art33.budget_exceeded ----

#[test]
fn spending_up_to_the_budget_is_fine() {
    let r = apply(
        &engine(),
        &implementing(),
        &progress("2026-03-02", "3000000.00"),
    );
    assert_eq!(r["accepted"], true);
    assert!(!has_rule(&r, "art33.budget_exceeded"));
}

#[test]
fn spending_one_fen_over_the_budget_is_a_violation_with_amounts() {
    let r = apply(
        &engine(),
        &implementing(),
        &progress("2026-03-02", "3000000.01"),
    );
    assert_eq!(
        r["accepted"], true,
        "the overspend happened; it is recorded"
    );
    let f = finding(&r, "art33.budget_exceeded");
    assert_eq!(f["severity"], "violation");
    let zh = f["message"].as_str().unwrap();
    assert!(
        zh.contains("累计已支出 3,000,000.01 元")
            && zh.contains("3,000,000.00 元")
            && zh.contains("超出 0.01 元"),
        "{zh}"
    );
}

#[test]
fn budget_exceeded_message_in_english() {
    let r = apply(
        &engine_en(),
        &implementing(),
        &progress("2026-03-02", "3600000"),
    );
    let f = finding(&r, "art33.budget_exceeded");
    assert_eq!(f["message"], f["message_en"]);
    assert_eq!(
        f["message_en"],
        "Cumulative spending of 3,600,000.00 yuan exceeds the approved budget of 3,000,000.00 yuan by 600,000.00 yuan; the project must keep to the approved budget (Art 31), a budget change needs prior approval (Art 33), and overruns are in principle not funded (Art 25)."
    );
}

#[test]
fn a_final_cost_above_the_budget_is_a_violation() {
    let engine = engine();
    let applied = walk_until(&engine, "pass_final_acceptance");
    let pass = path_event("pass_final_acceptance");
    let at_budget = apply(&engine, &applied, &pass);
    assert!(!has_rule(&at_budget, "art33.budget_exceeded"));
    let over = apply(
        &engine,
        &applied,
        &with_data(&pass, json!({"actual_cost_yuan": "3250000.50"})),
    );
    let f = finding(&over, "art33.budget_exceeded");
    assert_eq!(f["severity"], "violation");
    let zh = f["message"].as_str().unwrap();
    assert!(
        zh.contains("实际投资 3,250,000.50 元") && zh.contains("超出 250,000.50 元"),
        "{zh}"
    );
}

#[test]
fn a_progress_report_without_an_amount_is_not_judged() {
    let r = apply(
        &engine(),
        &implementing(),
        &ev(
            "report_progress",
            "2026-03-02",
            "construction_unit",
            json!({}),
        ),
    );
    assert_eq!(r["accepted"], true);
    assert!(!has_rule(&r, "art33.budget_exceeded"));
}

// ---- art33.major_change_unapproved and the change flow ----

#[test]
fn editing_the_budget_after_approval_is_refused_on_the_next_event() {
    let engine = engine();
    let mut approved = walk_to(&engine, "approved");
    approved["budget_yuan"] = json!("3500000.00");
    let r = apply(&engine, &approved, &path_event("approve_budget"));
    assert_eq!(r["accepted"], false);
    let f = finding(&r, "art33.major_change_unapproved");
    assert_eq!(f["severity"], "block");
    let zh = f["message"].as_str().unwrap();
    assert!(
        zh.contains("项目预算（批复：3,000,000.00；现为：3,500,000.00）"),
        "{zh}"
    );
    // check reports it too.
    assert!(has_rule(
        &check(&engine, &approved, json!({})),
        "art33.major_change_unapproved"
    ));
}

#[test]
fn editing_before_approval_is_not_a_change() {
    let engine = engine();
    let mut technical = walk_to(&engine, "technical_approved");
    technical["budget_yuan"] = json!("3100000.00");
    technical["security_budget_yuan"] = json!("186000.00");
    let r = apply(&engine, &technical, &path_event("approve"));
    assert!(
        !has_rule(&r, "art33.major_change_unapproved"),
        "{:#}",
        r["findings"]
    );
}

fn request_budget(amount: &str) -> Value {
    ev(
        "request_change",
        "2026-01-05",
        "construction_unit",
        json!({"aspects": ["budget_yuan"], "proposed": {"budget_yuan": amount}}),
    )
}

#[test]
fn an_approved_change_moves_the_baseline_and_the_attributes() {
    let engine = engine();
    let p = apply_ok(&engine, &implementing(), &request_budget("3500000.00"));
    assert_eq!(p["state"], "change_review");
    assert_eq!(
        p["budget_yuan"], "3000000.00",
        "nothing changes before approval"
    );
    let p = apply_ok(
        &engine,
        &p,
        &ev("approve_change", "2026-01-20", "big_data_center", json!({})),
    );
    assert_eq!(p["state"], "implementing");
    assert_eq!(p["budget_yuan"], "3500000.00");
    assert_eq!(p["baseline"]["budget_yuan"], "3500000.00");
    // Later events pass, and spending is judged against the new budget.
    let r = apply(&engine, &p, &progress("2026-03-02", "3200000.00"));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, "art33.major_change_unapproved"));
    assert!(!has_rule(&r, "art33.budget_exceeded"));
    let v: Value =
        serde_json::from_str(&engine.verify_json(&r["project"].to_string()).unwrap()).unwrap();
    assert_eq!(v["valid"], true, "{v:#}");
}

#[test]
fn a_rejected_change_leaves_the_baseline() {
    let engine = engine();
    let p = apply_ok(&engine, &implementing(), &request_budget("3500000.00"));
    let p = apply_ok(
        &engine,
        &p,
        &ev("reject_change", "2026-01-20", "big_data_center", json!({})),
    );
    assert_eq!(p["state"], "implementing");
    assert_eq!(p["budget_yuan"], "3000000.00");
    assert_eq!(p["baseline"]["budget_yuan"], "3000000.00");
    assert!(p.get("pending_change").is_none());
    let r = apply(&engine, &p, &progress("2026-03-02", "3200000.00"));
    assert_eq!(r["accepted"], true);
    assert!(!has_rule(&r, "art33.major_change_unapproved"));
    assert_eq!(
        finding(&r, "art33.budget_exceeded")["severity"],
        "violation"
    );
}

#[test]
fn editing_during_implementation_is_refused_until_restored() {
    let engine = engine();
    let mut p = implementing();
    p["planned_completion"] = json!("2027-06-30");
    let r = apply(&engine, &p, &progress("2026-03-02", "1200000.00"));
    assert_eq!(r["accepted"], false);
    assert!(finding(&r, "art33.major_change_unapproved")["message_en"]
        .as_str()
        .unwrap()
        .contains("planned_completion (approved: 2026-12-31; now: 2027-06-30)"));
    p["planned_completion"] = json!("2026-12-31");
    assert_eq!(
        apply(&engine, &p, &progress("2026-03-02", "1200000.00"))["accepted"],
        true
    );
}
