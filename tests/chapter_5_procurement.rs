//! Chapter 5 of the measures (采购和合同管理, Art 27–30), CONTRACT §5:
//! the approved procurement method, the two 10-working-day deadlines of Art 28
//! (across the 2025 National Day block and in a year the calendar does not know),
//! filing before implementation, legal review, and the clauses of Art 29 and 30.
mod support;
use serde_json::{json, Value};
use support::*;

const UNKNOWN_YEAR: &str = "calendar.year_unknown";

fn sign(date: &str, patch: Value) -> Value {
    let mut e = with_data(&path_event("sign_contract"), patch);
    e["date"] = json!(date);
    e
}

fn award(date: &str, notice: &str) -> Value {
    ev(
        "award_bid",
        date,
        "construction_unit",
        json!({"notice_date": notice, "supplier": "山东浪潮数字政府有限公司"}),
    )
}

fn file_contract(date: &str) -> Value {
    ev("file_contract", date, "construction_unit", json!({}))
}

/// The record just before `sign_contract`, awarded with the notice of the standard path (2025-09-26).
fn awarded() -> Value {
    walk_to(&engine(), "awarded")
}

/// A record awarded on `notice`.
fn awarded_on(notice: &str) -> Value {
    let engine = engine();
    apply_ok(
        &engine,
        &walk_to(&engine, "procuring"),
        &award(notice, notice),
    )
}

/// Signs on the standard path's data with `patch`; returns the apply result.
fn sign_with(patch: Value) -> Value {
    apply(&engine(), &awarded(), &sign("2025-10-16", patch))
}

fn clauses_without(drop: &[&str]) -> Value {
    let all = path_event("sign_contract")["data"]["clauses"]
        .as_array()
        .unwrap()
        .clone();
    Value::Array(
        all.into_iter()
            .filter(|c| !drop.contains(&c.as_str().unwrap()))
            .collect(),
    )
}

// ---- art28.procurement_method_mismatch ----

#[test]
fn procurement_by_another_method_is_refused_naming_both() {
    let engine = engine();
    let budgeted = walk_until(&engine, "start_procurement");
    let r = apply(
        &engine,
        &budgeted,
        &ev(
            "start_procurement",
            "2025-07-01",
            "construction_unit",
            json!({"method": "inquiry"}),
        ),
    );
    assert_eq!(r["accepted"], false);
    let f = finding(&r, "art28.procurement_method_mismatch");
    assert_eq!(f["severity"], "block");
    assert_eq!(f["article"], 28);
    let zh = f["message"].as_str().unwrap();
    assert!(zh.contains("询价") && zh.contains("公开招标"), "{zh}");
    let en = f["message_en"].as_str().unwrap();
    assert!(
        en.contains("`inquiry`") && en.contains("`public_tender`"),
        "{en}"
    );
}

#[test]
fn procurement_by_the_approved_method_passes() {
    let engine = engine();
    let budgeted = walk_until(&engine, "start_procurement");
    let r = apply(&engine, &budgeted, &path_event("start_procurement"));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, "art28.procurement_method_mismatch"));
}

#[test]
fn procurement_without_an_approved_method_is_refused() {
    let engine = engine();
    // Removing the approved method after 立项 is an edit of the approved baseline.
    let mut budgeted = walk_until(&engine, "start_procurement");
    budgeted
        .as_object_mut()
        .unwrap()
        .remove("procurement_method");
    let r = apply(&engine, &budgeted, &path_event("start_procurement"));
    assert_eq!(r["accepted"], false);
    assert!(has_rule(&r, "art33.major_change_unapproved"), "{r:#}");
    // A project approved without any method cannot show it procures by the approved one.
    let mut never = sample_with(json!({}));
    never.as_object_mut().unwrap().remove("procurement_method");
    let budgeted = walk_from(&engine, never, "budgeted", &[]);
    let budgeted = apply_ok(
        &engine,
        &budgeted,
        &path_event("file_responsibility_letter"),
    );
    let r = apply(&engine, &budgeted, &path_event("start_procurement"));
    assert_eq!(r["accepted"], false);
    let f = finding(&r, "art28.procurement_method_mismatch");
    assert!(
        f["message_en"]
            .as_str()
            .unwrap()
            .contains("no approved procurement method"),
        "{f:#}"
    );
}

// ---- art28.contract_signing_late ----

#[test]
fn signing_on_the_tenth_working_day_across_national_day_is_on_time() {
    // Notice Fri 2025-09-26: 09-28 (adjusted workday), 09-29, 09-30, [10-01..10-08 off], 10-09,
    // 10-10, 10-11 (adjusted workday), 10-13, 10-14, 10-15, 10-16 = the 10th working day.
    let r = apply(&engine(), &awarded(), &sign("2025-10-16", json!({})));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, "art28.contract_signing_late"));
    assert!(!has_rule(&r, UNKNOWN_YEAR));
}

#[test]
fn signing_on_the_eleventh_working_day_is_a_violation_but_accepted() {
    let r = apply(&engine(), &awarded(), &sign("2025-10-17", json!({})));
    assert_eq!(r["accepted"], true, "a late signature is still a signature");
    assert_eq!(r["state_after"], "contracted");
    let f = finding(&r, "art28.contract_signing_late");
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["due"], "2025-10-16");
    assert_eq!(
        f["citation"],
        "《曲阜市政务信息化项目建设管理办法》第二十八条"
    );
    let zh = f["message"].as_str().unwrap();
    assert!(
        zh.contains("2025-09-26") && zh.contains("2025-10-16") && zh.contains("2025-10-17"),
        "{zh}"
    );
    // The history records the finding with the event.
    let history = r["project"]["history"].as_array().unwrap();
    let last = &history[history.len() - 1];
    assert!(last["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|id| id == "art28.contract_signing_late"));
}

#[test]
fn signing_message_in_english() {
    let r = apply(&engine_en(), &awarded(), &sign("2025-10-17", json!({})));
    let f = finding(&r, "art28.contract_signing_late");
    assert_eq!(f["message"], f["message_en"]);
    assert_eq!(
        f["message_en"],
        "The award notice was issued on 2025-09-26; the contract had to be signed by 2025-10-16 (the 10th working day, inclusive) but it was signed on 2025-10-17 (Art 28)."
    );
}

#[test]
fn check_lists_the_signing_deadline_while_awarded() {
    let r = check(&engine(), &awarded(), json!({}));
    assert_eq!(
        deadlines_for(&r, "art28.contract_signing_late"),
        vec![("sign_contract".to_string(), "2025-10-16".to_string())]
    );
    assert!(
        !has_rule(&r, "art28.contract_signing_late"),
        "no as_of: nothing is overdue"
    );
}

#[test]
fn check_reports_an_unsigned_contract_only_after_the_deadline() {
    let engine = engine();
    let on_time = check(&engine, &awarded(), json!({"as_of": "2025-10-16"}));
    assert!(!has_rule(&on_time, "art28.contract_signing_late"));
    let late = check(&engine, &awarded(), json!({"as_of": "2025-10-17"}));
    let f = finding(&late, "art28.contract_signing_late");
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["due"], "2025-10-16");
    assert!(f["message_en"]
        .as_str()
        .unwrap()
        .contains("still unsigned as of 2025-10-17"));
}

#[test]
fn signing_deadline_leaves_the_list_once_signed() {
    let engine = engine();
    let signed = apply_ok(&engine, &awarded(), &path_event("sign_contract"));
    let r = check(&engine, &signed, json!({"as_of": "2026-01-05"}));
    assert!(deadlines_for(&r, "art28.contract_signing_late").is_empty());
    assert!(!has_rule(&r, "art28.contract_signing_late"));
}

#[test]
fn signing_deadline_in_an_unknown_year_warns_and_assumes_weekdays() {
    let engine = engine();
    // 2027 is not in the embedded calendar: Mon 2027-03-01 + 10 weekdays = Mon 2027-03-15.
    let p = awarded_on("2027-03-01");
    let c = check(&engine, &p, json!({}));
    assert_eq!(
        deadlines_for(&c, "art28.contract_signing_late"),
        vec![("sign_contract".to_string(), "2027-03-15".to_string())]
    );
    assert_eq!(finding(&c, UNKNOWN_YEAR)["severity"], "warning");

    let on_time = apply(&engine, &p, &sign("2027-03-15", json!({})));
    assert_eq!(on_time["accepted"], true);
    assert!(!has_rule(&on_time, "art28.contract_signing_late"));
    assert!(has_rule(&on_time, UNKNOWN_YEAR));
    let late = apply(&engine, &p, &sign("2027-03-16", json!({})));
    assert_eq!(
        finding(&late, "art28.contract_signing_late")["due"],
        "2027-03-15"
    );
    assert!(has_rule(&late, UNKNOWN_YEAR));
}

#[test]
fn a_configured_year_removes_the_unknown_year_warning() {
    // With 2027-03-08 declared a holiday, the 10th working day moves to 2027-03-16.
    let engine = govit::Engine::new(Some(
        r#"{"calendar":{"2027":{"holidays":["2027-03-08"],"workdays":[]}}}"#,
    ))
    .unwrap();
    let p = awarded_on("2027-03-01");
    let r = apply(&engine, &p, &sign("2027-03-16", json!({})));
    assert!(
        !has_rule(&r, "art28.contract_signing_late"),
        "{:#}",
        r["findings"]
    );
    assert!(!has_rule(&r, UNKNOWN_YEAR));
    let late = apply(&engine, &p, &sign("2027-03-17", json!({})));
    assert_eq!(
        finding(&late, "art28.contract_signing_late")["due"],
        "2027-03-16"
    );
}

// ---- art28.contract_filing_late ----

/// Awarded on 2025-09-12 and signed on 2025-09-26 (its 10th working day): filing is due 2025-10-16.
fn signed_before_national_day() -> Value {
    let engine = engine();
    let p = awarded_on("2025-09-12");
    let r = apply(&engine, &p, &sign("2025-09-26", json!({})));
    assert!(
        !has_rule(&r, "art28.contract_signing_late"),
        "{:#}",
        r["findings"]
    );
    r["project"].clone()
}

#[test]
fn filing_on_the_tenth_working_day_across_national_day_is_on_time() {
    let r = apply(
        &engine(),
        &signed_before_national_day(),
        &file_contract("2025-10-16"),
    );
    assert_eq!(r["accepted"], true);
    assert!(
        !has_rule(&r, "art28.contract_filing_late"),
        "{:#}",
        r["findings"]
    );
}

#[test]
fn filing_on_the_eleventh_working_day_is_a_violation() {
    let r = apply(
        &engine(),
        &signed_before_national_day(),
        &file_contract("2025-10-17"),
    );
    assert_eq!(r["accepted"], true);
    let f = finding(&r, "art28.contract_filing_late");
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["due"], "2025-10-16");
    assert!(f["message"].as_str().unwrap().contains("2025-09-26"));
}

#[test]
fn check_tracks_the_filing_deadline_until_filed() {
    let engine = engine();
    let p = signed_before_national_day();
    let r = check(&engine, &p, json!({"as_of": "2025-10-16"}));
    assert_eq!(
        deadlines_for(&r, "art28.contract_filing_late"),
        vec![("file_contract".to_string(), "2025-10-16".to_string())]
    );
    assert!(!has_rule(&r, "art28.contract_filing_late"));
    let late = check(&engine, &p, json!({"as_of": "2025-10-17"}));
    assert_eq!(
        finding(&late, "art28.contract_filing_late")["due"],
        "2025-10-16"
    );

    let filed = apply_ok(&engine, &p, &file_contract("2025-10-10"));
    let after = check(&engine, &filed, json!({"as_of": "2025-10-17"}));
    assert!(deadlines_for(&after, "art28.contract_filing_late").is_empty());
    assert!(!has_rule(&after, "art28.contract_filing_late"));
}

// ---- art28.contract_already_filed ----

#[test]
fn a_second_filing_is_refused_and_the_first_date_stands() {
    let engine = engine();
    let signed = signed_before_national_day();
    // Not firing: the first filing.
    let first = apply(&engine, &signed, &file_contract("2025-10-10"));
    assert_eq!(first["accepted"], true, "{:#}", first["findings"]);
    assert!(!has_rule(&first, "art28.contract_already_filed"));
    let filed = first["project"].clone();
    // Firing: filing again, in time or late, records nothing and is refused.
    for date in ["2025-10-13", "2025-12-01"] {
        let again = apply(&engine, &filed, &file_contract(date));
        assert_eq!(again["accepted"], false, "{date}");
        let f = finding(&again, "art28.contract_already_filed");
        assert_eq!(f["severity"], "block");
        assert!(
            f["message"].as_str().unwrap().contains("2025-10-10"),
            "{f:#}"
        );
        assert!(!has_rule(&again, "art28.contract_filing_late"));
        assert_eq!(again["project"], filed);
    }
    // The route round Art 28: a late filing is not rewritten by another one.
    let late = apply_ok(&engine, &signed, &file_contract("2025-10-17"));
    let refiled = apply(&engine, &late, &file_contract("2025-10-17"));
    assert_eq!(refiled["accepted"], false);
    assert_eq!(late["milestones"]["contract_filed"], "2025-10-17");
    // The screen no longer offers it as a step to take.
    let c = check(
        &engine,
        &filed,
        json!({"as_of": "2025-10-13", "actor": role_unit("construction_unit")}),
    );
    let step = c["next_steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["event"] == "file_contract")
        .unwrap();
    assert_eq!(step["blocked_by"], json!(["art28.contract_already_filed"]));
}

// ---- art28.contract_not_filed ----

#[test]
fn implementation_before_filing_is_refused() {
    let engine = engine();
    let signed = walk_to(&engine, "contracted");
    let r = apply(&engine, &signed, &path_event("start_implementation"));
    assert_eq!(r["accepted"], false);
    let f = finding(&r, "art28.contract_not_filed");
    assert_eq!(f["severity"], "block");
    assert_eq!(
        f["due"], "2025-10-30",
        "signed 2025-10-16: filing due on the 10th working day after"
    );
    assert!(f["message"].as_str().unwrap().contains("2025-10-16"));
}

#[test]
fn implementation_after_filing_passes() {
    let engine = engine();
    let filed = walk_until(&engine, "start_implementation");
    let r = apply(&engine, &filed, &path_event("start_implementation"));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, "art28.contract_not_filed"));
}

// ---- art29.legal_review_missing ----

#[test]
fn signing_without_legal_review_is_refused() {
    let r = sign_with(json!({"legal_review": false}));
    assert_eq!(r["accepted"], false);
    let f = finding(&r, "art29.legal_review_missing");
    assert!(f["message_en"].as_str().unwrap().contains("legal_review"));
    assert!(!f["message_en"].as_str().unwrap().contains("legal_counsel"));
}

#[test]
fn signing_without_counsel_is_refused_and_blank_counsel_counts_as_none() {
    for counsel in [Value::Null, json!("   ")] {
        let r = sign_with(json!({"legal_counsel": counsel}));
        assert_eq!(r["accepted"], false, "{counsel}");
        let f = finding(&r, "art29.legal_review_missing");
        assert!(f["message"].as_str().unwrap().contains("法律顾问"));
    }
}

#[test]
fn signing_with_review_and_counsel_passes_the_legal_rule() {
    let r = sign_with(json!({}));
    assert!(!has_rule(&r, "art29.legal_review_missing"));
}

// ---- art29.contract_clause_missing ----

#[test]
fn each_missing_art29_clause_is_one_warning() {
    let r = sign_with(json!({"clauses": clauses_without(&["glossary", "confidentiality"])}));
    assert_eq!(
        r["accepted"], true,
        "warnings do not refuse: {:#}",
        r["findings"]
    );
    let found = findings_for_rule(&r, "art29.contract_clause_missing");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found.iter().all(|f| f["severity"] == "warning"));
    // In clause order: confidentiality before glossary.
    assert!(found[0]["message"]
        .as_str()
        .unwrap()
        .contains("“技术信息和资料的保密”"));
    assert!(found[1]["message"]
        .as_str()
        .unwrap()
        .contains("“名词和术语的解释”"));
    assert!(found[1]["message_en"]
        .as_str()
        .unwrap()
        .contains("`glossary`"));
}

#[test]
fn a_contract_with_no_clauses_gets_seven_art29_warnings() {
    let r = sign_with(json!({"clauses": []}));
    assert_eq!(
        findings_for_rule(&r, "art29.contract_clause_missing").len(),
        7
    );
}

#[test]
fn all_clauses_present_give_no_art29_warning() {
    let r = sign_with(json!({}));
    assert!(!has_rule(&r, "art29.contract_clause_missing"));
    assert_eq!(r["accepted"], true);
    assert!(r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["severity"] == "info" || f["severity"] == "warning"));
}

// ---- art30 clauses ----

#[test]
fn each_art30_ownership_clause_is_required() {
    for (clause, rule, zh) in [
        (
            "ip_ownership",
            "art30.ip_ownership_missing",
            "成果知识产权归属",
        ),
        (
            "data_ownership",
            "art30.data_ownership_missing",
            "数据及衍生数据归属",
        ),
        (
            "ip_liability",
            "art30.ip_liability_missing",
            "违反知识产权条款的责任",
        ),
    ] {
        let r = sign_with(json!({"clauses": clauses_without(&[clause])}));
        assert_eq!(r["accepted"], false, "{clause}");
        let f = finding(&r, rule);
        assert_eq!(f["severity"], "block");
        assert!(f["message"].as_str().unwrap().contains(zh), "{f:#}");
        let art30: Vec<String> = rule_ids(&r)
            .into_iter()
            .filter(|id| id.starts_with("art30."))
            .collect();
        assert_eq!(
            art30,
            vec![rule.to_string()],
            "only the missing clause's rule fires"
        );
    }
}

#[test]
fn implementation_period_and_warranty_terms_clauses_are_required() {
    for drop in [&["implementation_period"][..], &["warranty_terms"][..]] {
        let r = sign_with(json!({"clauses": clauses_without(drop)}));
        assert_eq!(r["accepted"], false);
        let found = findings_for_rule(&r, "art30.warranty_terms_missing");
        assert_eq!(found.len(), 1);
        assert!(found[0]["message_en"]
            .as_str()
            .unwrap()
            .contains(&format!("`{}`", drop[0])));
    }
    let both = sign_with(
        json!({"clauses": clauses_without(&["implementation_period", "warranty_terms"])}),
    );
    let found = findings_for_rule(&both, "art30.warranty_terms_missing");
    assert_eq!(found.len(), 1, "one finding names both clauses");
    let zh = found[0]["message"].as_str().unwrap();
    assert!(
        zh.contains("项目实施周期") && zh.contains("质保范围、期限和责任"),
        "{zh}"
    );
}

// ---- art30.implementation_period_exceeds_3y ----

#[test]
fn implementation_of_36_months_passes_and_37_is_refused() {
    let ok = sign_with(json!({"implementation_months": 36}));
    assert_eq!(ok["accepted"], true, "{:#}", ok["findings"]);
    assert!(!has_rule(&ok, "art30.implementation_period_exceeds_3y"));

    let long = sign_with(json!({"implementation_months": 37}));
    assert_eq!(long["accepted"], false);
    let f = finding(&long, "art30.implementation_period_exceeds_3y");
    assert_eq!(f["severity"], "block");
    assert!(f["message"].as_str().unwrap().contains("37 个月"));
    assert!(f["message_en"].as_str().unwrap().contains("37 months"));
}

#[test]
fn an_unstated_implementation_period_is_refused() {
    let r = sign_with(json!({"implementation_months": null}));
    assert_eq!(r["accepted"], false);
    let f = finding(&r, "art30.implementation_period_exceeds_3y");
    assert!(f["message_en"].as_str().unwrap().contains("not stated"));
}

// ---- art30.warranty_below_2y ----

#[test]
fn warranty_of_24_months_passes() {
    let r = sign_with(json!({"warranty_months": 24}));
    assert!(!has_rule(&r, "art30.warranty_below_2y"));
}

#[test]
fn warranty_of_23_months_warns() {
    let r = sign_with(json!({"warranty_months": 23}));
    assert_eq!(r["accepted"], true);
    let f = finding(&r, "art30.warranty_below_2y");
    assert_eq!(f["severity"], "warning");
    assert!(f["message"].as_str().unwrap().contains("23 个月"));
}

#[test]
fn warranty_of_23_months_with_a_justification_is_info() {
    let r = sign_with(
        json!({"warranty_months": 23, "warranty_justification": "设备厂商原厂质保为23个月"}),
    );
    let f = finding(&r, "art30.warranty_below_2y");
    assert_eq!(f["severity"], "info");
    assert!(f["message"]
        .as_str()
        .unwrap()
        .contains("设备厂商原厂质保为23个月"));
}

#[test]
fn a_blank_justification_does_not_count() {
    let r = sign_with(json!({"warranty_months": 23, "warranty_justification": "  "}));
    assert_eq!(
        finding(&r, "art30.warranty_below_2y")["severity"],
        "warning"
    );
}

#[test]
fn an_unstated_warranty_warns_even_with_a_justification() {
    for patch in [
        json!({"warranty_months": null}),
        json!({"warranty_months": null, "warranty_justification": "另行约定"}),
    ] {
        let r = sign_with(patch);
        assert_eq!(r["accepted"], true);
        let f = finding(&r, "art30.warranty_below_2y");
        assert_eq!(f["severity"], "warning");
        assert!(f["message_en"].as_str().unwrap().contains("not stated"));
    }
}

#[test]
fn filing_deadline_in_an_unknown_year_warns() {
    let engine = engine();
    // Signed Fri 2027-03-05 (within 10 weekdays of the notice): filing due Fri 2027-03-19.
    let p = apply_ok(
        &engine,
        &awarded_on("2027-03-01"),
        &sign("2027-03-05", json!({})),
    );
    let c = check(&engine, &p, json!({"as_of": "2027-03-22"}));
    assert_eq!(
        deadlines_for(&c, "art28.contract_filing_late"),
        vec![("file_contract".to_string(), "2027-03-19".to_string())]
    );
    assert_eq!(
        finding(&c, "art28.contract_filing_late")["due"],
        "2027-03-19"
    );
    assert!(has_rule(&c, UNKNOWN_YEAR));
    let on_time = apply(&engine, &p, &file_contract("2027-03-19"));
    assert!(!has_rule(&on_time, "art28.contract_filing_late"));
    assert!(has_rule(&on_time, UNKNOWN_YEAR));
}
