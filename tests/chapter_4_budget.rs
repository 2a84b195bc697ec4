//! Chapter 4 (财政预算管理, Art 21–26): no budget outside the project library
//! (Art 22), co-built projects (Art 23), the responsibility letter (Art 24),
//! and Art 25's O&M funding bars, overruns and surpluses (CONTRACT §5).
mod support;
use govit::Engine;
use serde_json::{json, Value};
use support::*;

const NOT_IN_LIBRARY: &str = "art22.not_in_library";
const CO_BUILT: &str = "art23.co_built_split_missing";
const LETTER: &str = "art24.responsibility_letter_missing";
const OM_DATA: &str = "art25.om_data_not_shared";
const OM_INFRA: &str = "art25.om_infrastructure_not_unified";
const OM_CRYPTO_SECURITY: &str = "art25.om_crypto_security_noncompliant";
const OM_POOR: &str = "art25.om_poor_evaluation";
const OM_RISK: &str = "art25.om_major_security_risk";
const OM_PROGRESS: &str = "art25.om_progress_not_filed";
const OVERRUN: &str = "art25.overrun_not_supplemented";
const SURPLUS: &str = "art25.surplus_to_return";

const OM_RULES: [&str; 6] = [
    OM_DATA,
    OM_INFRA,
    OM_CRYPTO_SECURITY,
    OM_POOR,
    OM_RISK,
    OM_PROGRESS,
];

fn om_rule_ids(r: &Value) -> Vec<String> {
    rule_ids(r)
        .into_iter()
        .filter(|id| id.starts_with("art25.om_"))
        .collect()
}

// ---- Art 22: 未纳入项目库的项目一律不安排年度预算 ----

#[test]
fn art22_budget_before_approval_is_refused() {
    let engine = engine();
    let budget = path_event("approve_budget");
    for state in ["technical_approved", "demand_review"] {
        let project = walk_to(&engine, state);
        let r = apply(&engine, &project, &budget);
        assert_eq!(r["accepted"], false, "{state}");
        assert_eq!(r["state_after"], state);
        let f = finding(&r, NOT_IN_LIBRARY);
        assert_eq!(f["severity"], "block");
        assert_eq!(f["article"], 22);
        // Art 22 explains the refusal; no generic transition finding beside it.
        assert!(!has_rule(&r, "lifecycle.invalid_transition"), "{state}");
    }
    let r = apply(&engine, &sample(), &budget);
    let f = finding(&r, NOT_IN_LIBRARY);
    assert!(f["message"].as_str().unwrap().contains("当前状态：草稿"));
    assert!(f["message_en"].as_str().unwrap().contains("state `draft`"));
}

#[test]
fn art22_budget_for_an_approved_project_is_accepted() {
    let engine = engine();
    let project = walk_to(&engine, "approved");
    let r = apply(&engine, &project, &path_event("approve_budget"));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["state_after"], "budgeted");
    assert!(!has_rule(&r, NOT_IN_LIBRARY));
}

#[test]
fn art22_project_filed_from_a_higher_level_is_in_the_library() {
    let engine = engine();
    let project = apply_ok(
        &engine,
        &sample_with(json!({"higher_level": "national"})),
        &ev(
            "file_higher_level",
            "2025-03-03",
            "construction_unit",
            json!({}),
        ),
    );
    let r = apply(&engine, &project, &path_event("approve_budget"));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
}

// ---- Art 23: 济宁市和曲阜市协同建设…需曲阜市承担的建设资金、运维经费列入同级财政预算 ----

fn approve_budget(patch: Value) -> Value {
    let engine = engine();
    let project = walk_from(&engine, sample_with(patch), "approved", &[]);
    apply(&engine, &project, &path_event("approve_budget"))
}

#[test]
fn art23_co_built_with_both_shares_is_accepted() {
    let r = approve_budget(json!({
        "co_built_with_jining": true,
        "qufu_construction_share_yuan": "1800000.00",
        "qufu_om_share_yuan": "200000.00"
    }));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, CO_BUILT));
}

#[test]
fn art23_zero_share_is_a_decision_not_a_gap() {
    let r = approve_budget(json!({
        "co_built_with_jining": true,
        "qufu_construction_share_yuan": "0",
        "qufu_om_share_yuan": "0.00"
    }));
    assert!(!has_rule(&r, CO_BUILT), "{:#}", r["findings"]);
}

#[test]
fn art23_missing_om_share_blocks() {
    let r = approve_budget(json!({
        "co_built_with_jining": true,
        "qufu_construction_share_yuan": "1800000.00"
    }));
    assert_eq!(r["accepted"], false);
    assert_eq!(r["state_after"], "approved");
    let f = finding(&r, CO_BUILT);
    assert_eq!(f["severity"], "block");
    assert_eq!(f["article"], 23);
    assert_eq!(
        f["citation"],
        "《曲阜市政务信息化项目建设管理办法》第二十三条"
    );
    let zh = f["message"].as_str().unwrap();
    assert!(zh.contains("未确定曲阜市承担的运维经费。"), "{zh}");
    assert!(!zh.contains("建设资金和"), "{zh}");
}

#[test]
fn art23_missing_both_shares_names_both() {
    let r = approve_budget(json!({"co_built_with_jining": true}));
    let en = finding(&r, CO_BUILT)["message_en"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        en.contains("`qufu_construction_share_yuan`") && en.contains("`qufu_om_share_yuan`"),
        "{en}"
    );
}

#[test]
fn art23_not_co_built_needs_no_split() {
    let r = approve_budget(json!({"co_built_with_jining": false}));
    assert!(!has_rule(&r, CO_BUILT));
}

// ---- Art 24: 项目预算下达后，建设单位应签署《项目建设主体责任书》并…备案 ----

#[test]
fn art24_procurement_without_the_letter_is_refused() {
    let engine = engine();
    // `walk_to("budgeted")` stops right after approve_budget, before the letter.
    let project = walk_to(&engine, "budgeted");
    let r = apply(&engine, &project, &path_event("start_procurement"));
    assert_eq!(r["accepted"], false);
    assert_eq!(r["state_after"], "budgeted");
    let f = finding(&r, LETTER);
    assert_eq!(f["severity"], "block");
    assert_eq!(f["article"], 24);
    assert!(f["message"]
        .as_str()
        .unwrap()
        .contains("《项目建设主体责任书》"));
    assert!(f["message_en"]
        .as_str()
        .unwrap()
        .contains("file_responsibility_letter"));
    let r_en = apply(&engine_en(), &project, &path_event("start_procurement"));
    assert_eq!(finding(&r_en, LETTER)["message"], f["message_en"]);
}

#[test]
fn art24_letter_filed_by_its_event_allows_procurement() {
    let engine = engine();
    let project = walk_to(&engine, "budgeted");
    // The event files the letter even without listing it as a document.
    let file = ev(
        "file_responsibility_letter",
        "2025-06-10",
        "construction_unit",
        json!({}),
    );
    let project = apply_ok(&engine, &project, &file);
    assert!(project["documents"]["responsibility_letter"].is_string());
    let r = apply(&engine, &project, &path_event("start_procurement"));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, LETTER));
}

#[test]
fn art24_letter_attached_to_the_procurement_event_counts() {
    let engine = engine();
    let project = walk_to(&engine, "budgeted");
    let event = with_data(
        &path_event("start_procurement"),
        json!({"documents": ["responsibility_letter"]}),
    );
    let r = apply(&engine, &project, &event);
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, LETTER));
}

// ---- Art 25: …项目建设单位不得申请运行维护经费 ----

fn om_request(data: Value) -> Value {
    let mut full = json!({"year": 2026});
    merge(&mut full, data);
    ev(
        "request_om_funding",
        "2027-03-01",
        "construction_unit",
        full,
    )
}

fn all_confirmed() -> Value {
    json!({
        "data_shared": true,
        "unified_infrastructure": true,
        "crypto_compliant": true,
        "security_compliant": true,
        "major_security_risk": false
    })
}

/// `all_confirmed()` with `patch` applied.
fn confirmed_but(patch: Value) -> Value {
    let mut data = all_confirmed();
    merge(&mut data, patch);
    data
}

#[test]
fn art25_om_funding_with_every_condition_met_is_accepted() {
    let engine = engine();
    let project = walk_to(&engine, "operating");
    let r = apply(&engine, &project, &om_request(all_confirmed()));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["state_after"], "operating");
    assert!(om_rule_ids(&r).is_empty(), "{:#}", r["findings"]);
}

#[test]
fn art25_one_finding_per_barred_condition() {
    let engine = engine();
    let project = walk_to(&engine, "operating");
    let cases = [
        (json!({"data_shared": false}), OM_DATA),
        (json!({"unified_infrastructure": false}), OM_INFRA),
        (json!({"crypto_compliant": false}), OM_CRYPTO_SECURITY),
        (json!({"security_compliant": false}), OM_CRYPTO_SECURITY),
        (json!({"major_security_risk": true}), OM_RISK),
    ];
    for (patch, rule) in cases {
        let r = apply(&engine, &project, &om_request(confirmed_but(patch.clone())));
        assert_eq!(r["accepted"], false, "{patch}");
        assert_eq!(om_rule_ids(&r), vec![rule.to_string()], "{patch}");
        let f = finding(&r, rule);
        assert_eq!(f["severity"], "block");
        assert_eq!(f["article"], 25);
        assert!(f["message"].as_str().unwrap().contains("填报为"), "{f:#}");
    }
}

#[test]
fn art25_every_bar_at_once() {
    let engine = engine();
    let project = walk_from(&engine, sample(), "operating", &["report_progress"]);
    // Art 36: the centre commissions the third party whose result counts.
    let commission = ev(
        "commission_post_evaluation",
        "2027-01-20",
        "big_data_center",
        json!({"evaluator": "山东省软件评测中心"}),
    );
    let project = apply_ok(&engine, &project, &commission);
    let poor = json!({
        "type": "complete_post_evaluation", "date": "2027-02-01",
        "actor": {"role": "third_party", "unit": "山东省软件评测中心"},
        "data": {"result": "poor"}
    });
    let project = apply_ok(&engine, &project, &poor);
    let r = apply(
        &engine,
        &project,
        &om_request(json!({
            "data_shared": false, "unified_infrastructure": false, "crypto_compliant": false,
            "security_compliant": false, "major_security_risk": true
        })),
    );
    assert_eq!(r["accepted"], false);
    // One finding per condition, crypto and security joined in one (as the article joins them).
    assert_eq!(om_rule_ids(&r), OM_RULES.map(String::from).to_vec());
    let both = finding(&r, OM_CRYPTO_SECURITY)["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        both.contains("是否符合密码应用要求") && both.contains("是否符合网络安全要求"),
        "{both}"
    );
}

#[test]
fn art25_absent_flags_are_not_confirmed() {
    let engine = engine();
    let project = walk_to(&engine, "operating");
    let r = apply(&engine, &project, &om_request(json!({})));
    assert_eq!(r["accepted"], false);
    assert_eq!(
        om_rule_ids(&r),
        vec![OM_DATA, OM_INFRA, OM_CRYPTO_SECURITY, OM_RISK]
    );
    let f = finding(&r, OM_RISK);
    let zh = f["message"].as_str().unwrap();
    assert!(
        zh.contains("“是否存在重大安全隐患”未填报（视为未确认），须为“否”"),
        "{zh}"
    );
    assert!(zh.contains("第二十五条"), "{zh}");
    let en = f["message_en"].as_str().unwrap();
    assert!(
        en.contains(
            "`data.major_security_risk` is not declared (read as not confirmed); it must be false"
        ),
        "{en}"
    );
    let r_en = apply(&engine_en(), &project, &om_request(json!({})));
    assert_eq!(finding(&r_en, OM_RISK)["message"], en);
}

#[test]
fn art25_poor_post_evaluation_bars_funding() {
    let engine = engine();
    let project = commissioned(&engine, &walk_to(&engine, "operating"));
    let poor = ev(
        "complete_post_evaluation",
        "2027-02-01",
        "third_party",
        json!({"result": "poor"}),
    );
    let evaluated = apply_ok(&engine, &project, &poor);
    let r = apply(&engine, &evaluated, &om_request(all_confirmed()));
    assert_eq!(om_rule_ids(&r), vec![OM_POOR.to_string()]);
    assert!(finding(&r, OM_POOR)["message"]
        .as_str()
        .unwrap()
        .contains("较差"));
    for result in ["pass", "good", "excellent"] {
        let e = ev(
            "complete_post_evaluation",
            "2027-02-01",
            "third_party",
            json!({"result": result}),
        );
        let evaluated = apply_ok(&engine, &project, &e);
        let r = apply(&engine, &evaluated, &om_request(all_confirmed()));
        assert!(om_rule_ids(&r).is_empty(), "{result}: {:#}", r["findings"]);
    }
}

#[test]
fn art25_progress_never_filed_bars_funding() {
    let engine = engine();
    let project = walk_from(&engine, sample(), "operating", &["report_progress"]);
    let r = apply(&engine, &project, &om_request(all_confirmed()));
    assert_eq!(r["accepted"], false);
    assert_eq!(om_rule_ids(&r), vec![OM_PROGRESS.to_string()]);
    let f = finding(&r, OM_PROGRESS);
    assert!(f["message"].as_str().unwrap().contains("备案建设进展"));
    assert!(f["message_en"]
        .as_str()
        .unwrap()
        .contains("report_progress"));
}

// ---- Art 25: 政务信息化项目建设原则上超支不补 ----

fn change(engine: &Engine, proposed: Value, aspects: Value) -> Value {
    let project = walk_to(engine, "implementing");
    let request = ev(
        "request_change",
        "2025-12-01",
        "construction_unit",
        json!({"aspects": aspects, "proposed": proposed}),
    );
    let project = apply_ok(engine, &project, &request);
    apply(
        engine,
        &project,
        &ev("approve_change", "2025-12-10", "big_data_center", json!({})),
    )
}

#[test]
fn art25_change_raising_the_budget_warns() {
    let engine = engine();
    let r = change(
        &engine,
        json!({"budget_yuan": "3500000.00"}),
        json!(["budget_yuan"]),
    );
    // A warning: the change is still approved.
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["project"]["budget_yuan"], "3500000.00");
    let f = finding(&r, OVERRUN);
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["article"], 25);
    let zh = f["message"].as_str().unwrap();
    for part in [
        "3,000,000.00 元",
        "3,500,000.00 元",
        "增加 500,000.00 元",
        "超支不补",
    ] {
        assert!(zh.contains(part), "{part} not in {zh}");
    }
    let en = f["message_en"].as_str().unwrap();
    assert!(
        en.contains("from 3,000,000.00 to 3,500,000.00 yuan, an increase of 500,000.00 yuan"),
        "{en}"
    );
}

#[test]
fn art25_change_by_one_fen_warns_and_equal_or_lower_does_not() {
    let engine = engine();
    let r = change(
        &engine,
        json!({"budget_yuan": "3000000.01"}),
        json!(["budget_yuan"]),
    );
    assert!(finding(&r, OVERRUN)["message"]
        .as_str()
        .unwrap()
        .contains("增加 0.01 元"));
    for budget in ["3000000.00", "3000000", "2800000.00"] {
        let r = change(
            &engine,
            json!({"budget_yuan": budget}),
            json!(["budget_yuan"]),
        );
        assert_eq!(r["accepted"], true, "{budget}: {:#}", r["findings"]);
        assert!(!has_rule(&r, OVERRUN), "{budget}");
    }
    let r = change(
        &engine,
        json!({"planned_completion": "2027-06-30"}),
        json!(["planned_completion"]),
    );
    assert!(!has_rule(&r, OVERRUN));
}

// ---- Art 25: 项目建设目标和内容不变，项目总投资有结余的…结余资金按原渠道退回 ----

fn pass_final(engine: &Engine, project: &Value, actual: &str) -> Value {
    let event = with_data(
        &path_event("pass_final_acceptance"),
        json!({"actual_cost_yuan": actual}),
    );
    apply(engine, project, &event)
}

#[test]
fn art25_surplus_of_one_fen_is_to_be_returned() {
    let engine = engine();
    let project = walk_to(&engine, "final_acceptance");
    let r = pass_final(&engine, &project, "2999999.99");
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["state_after"], "operating");
    let f = finding(&r, SURPLUS);
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["article"], 25);
    let zh = f["message"].as_str().unwrap();
    for part in [
        "2,999,999.99 元",
        "3,000,000.00 元",
        "结余 0.01 元",
        "按原渠道退回",
    ] {
        assert!(zh.contains(part), "{part} not in {zh}");
    }
    let en = f["message_en"].as_str().unwrap();
    assert!(en.contains("a surplus of 0.01 yuan"), "{en}");
    let r_en = pass_final(&engine_en(), &project, "2999999.99");
    assert_eq!(finding(&r_en, SURPLUS)["message"], en);
}

#[test]
fn art25_no_surplus_when_cost_meets_or_exceeds_the_budget() {
    let engine = engine();
    let project = walk_to(&engine, "final_acceptance");
    for actual in ["3000000.00", "3000000", "3000000.01"] {
        assert!(
            !has_rule(&pass_final(&engine, &project, actual), SURPLUS),
            "{actual}"
        );
    }
    // No declared cost: nothing to compare.
    let event = with_data(
        &path_event("pass_final_acceptance"),
        json!({"actual_cost_yuan": null}),
    );
    assert!(!has_rule(&apply(&engine, &project, &event), SURPLUS));
}

/// A project that requested `proposed` during implementation, had it approved (or
/// rejected), and then followed the standard path up to `final_acceptance`.
fn after_change(engine: &Engine, proposed: Value, aspects: Value, decision: &str) -> Value {
    let mut p = walk_to(engine, "implementing");
    let request = ev(
        "request_change",
        "2025-12-01",
        "construction_unit",
        json!({"aspects": aspects, "proposed": proposed}),
    );
    p = apply_ok(engine, &p, &request);
    p = apply_ok(
        engine,
        &p,
        &ev(decision, "2025-12-10", "big_data_center", json!({})),
    );
    let mut started = false;
    for (_, event) in standard_path() {
        started |= event["type"] == "report_progress";
        if started && event["type"] != "pass_final_acceptance" {
            p = apply_ok(engine, &p, &event);
        }
    }
    assert_eq!(p["state"], "final_acceptance");
    p
}

#[test]
fn art25_surplus_is_measured_against_the_changed_budget() {
    let engine = engine();
    let p = after_change(
        &engine,
        json!({"budget_yuan": "2800000.00"}),
        json!(["budget_yuan"]),
        "approve_change",
    );
    let r = pass_final(&engine, &p, "2700000.00");
    let zh = finding(&r, SURPLUS)["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        zh.contains("2,800,000.00 元") && zh.contains("结余 100,000.00 元"),
        "{zh}"
    );
    assert!(!has_rule(&pass_final(&engine, &p, "2800000.00"), SURPLUS));
}

#[test]
fn art25_no_surplus_return_when_goals_or_content_changed() {
    // The measures tie the return to 建设目标和内容不变.
    let engine = engine();
    for (proposed, aspects) in [
        (
            json!({"goals": "2027年底前实现景区预约和文旅消费“一网通办”"}),
            json!([]),
        ),
        (
            json!({"content": "景区预约、文化活动报名"}),
            json!(["content"]),
        ),
    ] {
        let p = after_change(&engine, proposed.clone(), aspects, "approve_change");
        let r = pass_final(&engine, &p, "2500000.00");
        assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
        assert!(!has_rule(&r, SURPLUS), "{proposed}");
    }
}

#[test]
fn art25_a_rejected_goals_change_keeps_the_surplus_rule() {
    let engine = engine();
    let p = after_change(
        &engine,
        json!({"goals": "另一目标"}),
        json!(["goals"]),
        "reject_change",
    );
    assert!(has_rule(&pass_final(&engine, &p, "2500000.00"), SURPLUS));
}

// ---- the catalogue lists each rule as CONTRACT §5 does ----

#[test]
fn catalogue_entries_match_the_contract() {
    let mut expected = vec![
        (NOT_IN_LIBRARY, 22, "block", "approve_budget"),
        (CO_BUILT, 23, "block", "approve_budget"),
        (LETTER, 24, "block", "start_procurement"),
        (OVERRUN, 25, "warning", "approve_change"),
        (SURPLUS, 25, "warning", "pass_final_acceptance"),
    ];
    expected.extend(OM_RULES.map(|id| (id, 25, "block", "request_om_funding")));
    let infos = serde_json::to_value(govit::rules::rule_infos()).unwrap();
    for (id, article, severity, event) in expected {
        let info = infos
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["rule"] == id)
            .unwrap_or_else(|| panic!("{id} is not in the catalogue"));
        assert_eq!(info["article"], article, "{id}");
        assert_eq!(info["severity"], severity, "{id}");
        assert_eq!(info["events"], json!([event]), "{id}");
        assert_eq!(info["check"], false, "{id}");
    }
}
