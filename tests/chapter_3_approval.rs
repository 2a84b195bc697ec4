//! Chapter 3 (立项管理, Art 16–20): who grants 立项 (Art 16), the emergency route
//! to technical review (Art 17), and projects filed from higher levels (Art 19)
//! (CONTRACT §4, §5).
mod support;
use govit::Engine;
use serde_json::{json, Value};
use support::*;

const AUTHORITY: &str = "art16.approval_authority";
const EMERGENCY: &str = "art17.emergency_decision_missing";
const HIGHER_LEVEL: &str = "art19.not_higher_level";

/// `approve` by `actor` with `data`, on a project declared with `patch`, at `technical_approved`.
fn approve(engine: &Engine, patch: Value, actor: Value, data: Value) -> Value {
    let project = walk_from(engine, sample_with(patch), "technical_approved", &[]);
    let mut event = with_data(&path_event("approve"), data);
    event["actor"] = actor;
    apply(engine, &project, &event)
}

fn admin_approval() -> Value {
    json!({"role": "admin_approval", "unit": "曲阜市行政审批服务局"})
}

// ---- Art 16: 由市政府办公室（市大数据中心）根据项目评审意见统一立项 ----

#[test]
fn art16_big_data_center_approves() {
    let r = approve(
        &engine(),
        json!({}),
        json!({"role": "big_data_center"}),
        json!({}),
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["state_after"], "approved");
    assert!(!has_rule(&r, AUTHORITY));
    // 立项 enters the project library (Art 18) and fixes the baseline (Art 33).
    assert_eq!(r["project"]["baseline"]["budget_yuan"], "3000000.00");
}

#[test]
fn art16_other_roles_may_not_approve() {
    for role in ["finance", "construction_unit", "cyberspace", "third_party"] {
        let r = approve(&engine(), json!({}), role_unit(role), json!({}));
        assert_eq!(r["accepted"], false, "{role}");
        assert_eq!(r["state_after"], "technical_approved");
        let f = finding(&r, AUTHORITY);
        assert_eq!(f["severity"], "block");
        assert_eq!(f["article"], 16);
        assert_eq!(
            f["citation"],
            "《曲阜市政务信息化项目建设管理办法》第十六条"
        );
        // Art 16 decides the role of `approve`, not the generic role rule.
        assert!(!has_rule(&r, "auth.role_not_permitted"), "{role}");
    }
}

#[test]
fn art16_messages_in_both_languages() {
    let r = approve(&engine(), json!({}), role_unit("finance"), json!({}));
    let f = finding(&r, AUTHORITY);
    let zh = f["message"].as_str().unwrap();
    assert!(
        zh.contains("市财政局无权立项") && zh.contains("第十六条"),
        "{zh}"
    );
    let en = f["message_en"].as_str().unwrap();
    assert!(en.contains("`finance`") && en.contains("Art 16"), "{en}");
    let r_en = approve(&engine_en(), json!({}), role_unit("finance"), json!({}));
    assert_eq!(finding(&r_en, AUTHORITY)["message"], en);
}

#[test]
fn art16_admin_approval_needs_a_construction_attachment() {
    let r = approve(
        &engine(),
        json!({"attached_to_construction": false}),
        admin_approval(),
        json!({"copied_to_big_data_center": true}),
    );
    assert_eq!(r["accepted"], false);
    let zh = finding(&r, AUTHORITY)["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(zh.contains("不属于建设工程配套项目"), "{zh}");
    assert!(!zh.contains("attached_to_construction"), "{zh}");
}

#[test]
fn art16_admin_approval_must_copy_the_big_data_center() {
    for data in [json!({}), json!({"copied_to_big_data_center": false})] {
        let r = approve(
            &engine(),
            json!({"attached_to_construction": true}),
            admin_approval(),
            data,
        );
        assert_eq!(r["accepted"], false);
        let en = finding(&r, AUTHORITY)["message_en"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(en.contains("copied_to_big_data_center"), "{en}");
    }
}

#[test]
fn art16_admin_approval_of_attached_project_copied_is_accepted() {
    let r = approve(
        &engine(),
        json!({"attached_to_construction": true}),
        admin_approval(),
        json!({"copied_to_big_data_center": true}),
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["state_after"], "approved");
    assert!(!has_rule(&r, AUTHORITY));
}

// ---- Art 17: 急需申请追加的项目…按照市委、市政府决策程序，经技术评审后…开展立项 ----

fn emergency_technical(docs: &[&str]) -> Value {
    let engine = engine();
    let project = sample_with(json!({"emergency": true}));
    let event = with_data(
        &path_event("submit_technical"),
        json!({ "documents": docs }),
    );
    apply(&engine, &project, &event)
}

const TECHNICAL_DOCS: [&str; 5] = [
    // The emergency route skips demand review, not what it judges (Art 8).
    "party_committee_decision",
    "construction_plan",
    "crypto_plan",
    "secure_reliable_statement",
    "data_sharing_plan",
];

#[test]
fn art17_emergency_without_municipal_decision_blocks() {
    let r = emergency_technical(&TECHNICAL_DOCS);
    assert_eq!(r["accepted"], false);
    assert_eq!(r["state_after"], "draft");
    let f = finding(&r, EMERGENCY);
    assert_eq!(f["severity"], "block");
    assert_eq!(f["article"], 17);
    assert!(f["message"]
        .as_str()
        .unwrap()
        .contains("市委、市政府决策文件"));
    assert!(f["message_en"]
        .as_str()
        .unwrap()
        .contains("municipal_decision"));
    assert_eq!(rule_ids(&r), vec![EMERGENCY.to_string()]);
}

#[test]
fn art17_emergency_with_municipal_decision_goes_to_technical_review() {
    let mut docs = TECHNICAL_DOCS.to_vec();
    docs.push("municipal_decision");
    let r = emergency_technical(&docs);
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["state_after"], "technical_review");
    // The emergency route still passes the same technical review (Art 17: 经技术评审后).
    let r = emergency_technical(&["municipal_decision"]);
    assert!(has_rule(&r, "art06.construction_plan_missing"));
    assert!(!has_rule(&r, EMERGENCY));
}

#[test]
fn art17_only_the_route_from_draft_needs_the_decision() {
    // An emergency project that went through demand review needs no municipal decision.
    let engine = engine();
    let project = walk_from(
        &engine,
        sample_with(json!({"emergency": true})),
        "demand_approved",
        &[],
    );
    let r = apply(&engine, &project, &path_event("submit_technical"));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, EMERGENCY));
    // A non-emergency project cannot take the route at all: a lifecycle refusal, not Art 17.
    let r = apply(&engine, &sample(), &path_event("submit_technical"));
    assert_eq!(r["accepted"], false);
    assert!(has_rule(&r, "lifecycle.invalid_transition"));
    assert!(!has_rule(&r, EMERGENCY));
}

// ---- Art 19: 国家有关部委、省有关厅局组织地方建设的…在项目管理系统备案并纳入项目库 ----

fn file_higher_level(engine: &Engine, patch: Value) -> Value {
    let event = ev(
        "file_higher_level",
        "2025-03-03",
        "construction_unit",
        json!({}),
    );
    apply(engine, &sample_with(patch), &event)
}

#[test]
fn art19_provincial_project_is_filed_into_the_library() {
    for level in ["national", "provincial"] {
        let r = file_higher_level(&engine(), json!({ "higher_level": level }));
        assert_eq!(r["accepted"], true, "{level}: {:#}", r["findings"]);
        assert_eq!(r["state_after"], "approved");
        assert!(!has_rule(&r, HIGHER_LEVEL));
    }
}

#[test]
fn art19_local_project_cannot_be_filed() {
    for patch in [json!({}), json!({"higher_level": null})] {
        let r = file_higher_level(&engine(), patch);
        assert_eq!(r["accepted"], false);
        assert_eq!(r["state_after"], "draft");
        let f = finding(&r, HIGHER_LEVEL);
        assert_eq!(f["severity"], "block");
        assert_eq!(f["article"], 19);
        assert!(f["message"]
            .as_str()
            .unwrap()
            .contains("未填写上级组织部门"));
        assert!(f["message_en"]
            .as_str()
            .unwrap()
            .contains("`higher_level` is null"));
        // Art 19 explains the refusal; no generic transition finding beside it.
        assert_eq!(rule_ids(&r), vec![HIGHER_LEVEL.to_string()]);
    }
}

#[test]
fn art19_filing_is_only_from_draft() {
    let engine = engine();
    let project = walk_from(
        &engine,
        sample_with(json!({"higher_level": "provincial"})),
        "demand_review",
        &[],
    );
    let event = ev(
        "file_higher_level",
        "2025-03-20",
        "construction_unit",
        json!({}),
    );
    let r = apply(&engine, &project, &event);
    assert_eq!(r["accepted"], false);
    assert!(has_rule(&r, "lifecycle.invalid_transition"));
    assert!(!has_rule(&r, HIGHER_LEVEL));
}

#[test]
fn catalogue_entries_match_the_contract() {
    let infos = serde_json::to_value(govit::rules::rule_infos()).unwrap();
    for (id, article, event) in [
        (AUTHORITY, 16, "approve"),
        (EMERGENCY, 17, "submit_technical"),
        (HIGHER_LEVEL, 19, "file_higher_level"),
    ] {
        let info = infos
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["rule"] == id)
            .unwrap_or_else(|| panic!("{id} is not in the catalogue"));
        assert_eq!(info["article"], article, "{id}");
        assert_eq!(info["severity"], "block", "{id}");
        assert_eq!(info["events"], json!([event]), "{id}");
        assert_eq!(info["check"], false, "{id}");
    }
}
