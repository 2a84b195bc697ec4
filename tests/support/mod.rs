//! Shared test support: a sample project, event builders, and the standard path
//! that walks a project from `draft` to `operating` with every obligation met.
//! Test files use it with `mod support;`.
#![allow(dead_code)]

use govit::model::{Event, Project};
use govit::Engine;
use serde_json::{json, Value};

pub const UNIT: &str = "曲阜市文化和旅游局";

pub fn engine() -> Engine {
    Engine::new(None).expect("default engine")
}

pub fn engine_en() -> Engine {
    Engine::new(Some(r#"{"locale":"en"}"#)).expect("en engine")
}

/// A public-facing project that meets every obligation of the measures (3,000,000.00 yuan, 6% security).
pub fn sample() -> Value {
    json!({
        "id": "QF-TEST-001",
        "name": "曲阜市文旅惠民服务平台",
        "owner_unit": UNIT,
        "funding": ["government_investment"],
        "category": "business_system",
        "is_new": true,
        "basis": "《曲阜市“十四五”数字政府建设规划》",
        "content": "景区预约、文化活动报名、惠民消费券发放",
        "goals": "2026年底前实现景区预约“一网通办”",
        "location": "曲阜市政务云",
        "budget_yuan": "3000000.00",
        "security_budget_yuan": "180000.00",
        "procurement_method": "public_tender",
        "planned_completion": "2026-12-31",
        "audience": "public",
        "platforms": ["integrated_online_service", "ai_shandong"],
        "deploy_on_gov_cloud": true
    })
}

/// `sample()` with the keys of `patch` replaced (null removes a key).
pub fn sample_with(patch: Value) -> Value {
    let mut p = sample();
    merge(&mut p, patch);
    p
}

pub fn merge(target: &mut Value, patch: Value) {
    if let (Some(t), Value::Object(p)) = (target.as_object_mut(), patch) {
        for (k, v) in p {
            if v.is_null() {
                t.remove(&k);
            } else {
                t.insert(k, v);
            }
        }
    }
}

/// The third party the big-data centre commissions for post-evaluations (Art 36).
pub const EVALUATOR: &str = "山东省软件评测中心";

pub fn role_unit(role: &str) -> Value {
    match role {
        "construction_unit" => json!({ "role": role, "unit": UNIT }),
        "third_party" => json!({ "role": role, "unit": EVALUATOR }),
        _ => json!({ "role": role }),
    }
}

/// `project` with the post-evaluation commissioned from `EVALUATOR` (Art 36).
pub fn commissioned(engine: &Engine, project: &Value) -> Value {
    let commission = ev(
        "commission_post_evaluation",
        "2027-01-20",
        "big_data_center",
        json!({ "evaluator": EVALUATOR }),
    );
    apply_ok(engine, project, &commission)
}

/// An event by `role` (the construction unit acts as `UNIT`).
pub fn ev(kind: &str, date: &str, role: &str, data: Value) -> Value {
    json!({ "type": kind, "date": date, "actor": role_unit(role), "data": data })
}

pub fn parse_project(v: &Value) -> Project {
    Project::from_value(v.clone()).expect("valid project")
}

pub fn parse_event(v: &Value) -> Event {
    Event::from_value("$", v.clone()).expect("valid event")
}

/// Applies `event` to `project` through the JSON API; returns the result document.
pub fn apply(engine: &Engine, project: &Value, event: &Value) -> Value {
    let out = engine
        .apply_json(&project.to_string(), &event.to_string())
        .expect("apply succeeds");
    serde_json::from_str(&out).expect("result is JSON")
}

/// Applies and asserts the event was accepted; returns the new record.
pub fn apply_ok(engine: &Engine, project: &Value, event: &Value) -> Value {
    let r = apply(engine, project, event);
    assert_eq!(
        r["accepted"], true,
        "event {} refused: {:#}",
        event["type"], r["findings"]
    );
    r["project"].clone()
}

/// `check` through the JSON API with options.
pub fn check(engine: &Engine, project: &Value, options: Value) -> Value {
    let out = engine
        .check_json(&project.to_string(), Some(&options.to_string()))
        .expect("check succeeds");
    serde_json::from_str(&out).expect("result is JSON")
}

/// The rule ids of a result's findings, in order.
pub fn rule_ids(result: &Value) -> Vec<String> {
    result["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

pub fn has_rule(result: &Value, rule: &str) -> bool {
    rule_ids(result).iter().any(|r| r == rule)
}

/// The finding of `rule` in a result (panics if absent).
pub fn finding<'a>(result: &'a Value, rule: &str) -> &'a Value {
    result["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no finding {rule} in {:#}", result["findings"]))
}

/// The standard path from `draft` to `operating`, every obligation met, in date order.
/// Each item: (state reached after the event, event).
pub fn standard_path() -> Vec<(&'static str, Value)> {
    vec![
        (
            "demand_review",
            ev(
                "submit_demand",
                "2025-03-03",
                "construction_unit",
                json!({"documents": ["party_committee_decision"]}),
            ),
        ),
        (
            "demand_approved",
            ev(
                "pass_demand_review",
                "2025-03-17",
                "big_data_center",
                json!({"documents": ["review_opinion"]}),
            ),
        ),
        (
            "technical_review",
            ev(
                "submit_technical",
                "2025-04-01",
                "construction_unit",
                json!({"documents": ["construction_plan", "crypto_plan", "secure_reliable_statement", "data_sharing_plan"]}),
            ),
        ),
        (
            "technical_approved",
            ev(
                "pass_technical_review",
                "2025-04-21",
                "big_data_center",
                json!({"documents": ["review_opinion"]}),
            ),
        ),
        (
            "approved",
            ev("approve", "2025-05-06", "big_data_center", json!({})),
        ),
        (
            "budgeted",
            ev(
                "approve_budget",
                "2025-06-03",
                "finance",
                json!({"copied_to_big_data_center": true}),
            ),
        ),
        (
            "budgeted",
            ev(
                "file_responsibility_letter",
                "2025-06-10",
                "construction_unit",
                json!({"documents": ["responsibility_letter"]}),
            ),
        ),
        (
            "procuring",
            ev(
                "start_procurement",
                "2025-07-01",
                "construction_unit",
                json!({"method": "public_tender"}),
            ),
        ),
        (
            "awarded",
            ev(
                "award_bid",
                "2025-09-26",
                "construction_unit",
                json!({"notice_date": "2025-09-26", "supplier": "山东浪潮数字政府有限公司"}),
            ),
        ),
        (
            "contracted",
            ev(
                "sign_contract",
                "2025-10-16",
                "construction_unit",
                json!({
                    "clauses": ["name", "subject_scope", "performance_plan", "confidentiality", "result_ownership", "acceptance_criteria", "glossary", "ip_ownership", "data_ownership", "ip_liability", "implementation_period", "warranty_terms"],
                    "legal_review": true, "legal_counsel": "山东孔孟律师事务所", "implementation_months": 12, "warranty_months": 24
                }),
            ),
        ),
        (
            "contracted",
            ev(
                "file_contract",
                "2025-10-24",
                "construction_unit",
                json!({}),
            ),
        ),
        (
            "implementing",
            ev(
                "start_implementation",
                "2025-11-03",
                "construction_unit",
                json!({"implementing_agency": "曲阜市文化和旅游局信息中心", "responsible_person": "孔令华"}),
            ),
        ),
        (
            "implementing",
            ev(
                "report_progress",
                "2026-03-02",
                "construction_unit",
                json!({"spent_yuan": "1200000.00"}),
            ),
        ),
        (
            "implementing",
            ev(
                "record_assessment",
                "2026-09-15",
                "construction_unit",
                json!({"kind": "crypto_assessment", "documents": ["crypto_assessment"]}),
            ),
        ),
        (
            "implementing",
            ev(
                "record_assessment",
                "2026-09-18",
                "construction_unit",
                json!({"kind": "risk_assessment", "documents": ["risk_assessment"]}),
            ),
        ),
        (
            "preliminary_accepted",
            ev(
                "pass_preliminary_acceptance",
                "2026-10-20",
                "construction_unit",
                json!({"documents": ["mlps_filing"]}),
            ),
        ),
        (
            "final_acceptance",
            ev(
                "apply_final_acceptance",
                "2026-11-02",
                "construction_unit",
                json!({}),
            ),
        ),
        (
            "operating",
            ev(
                "pass_final_acceptance",
                "2026-12-01",
                "big_data_center",
                json!({"actual_cost_yuan": "3000000.00", "documents": ["acceptance_opinion"]}),
            ),
        ),
    ]
}

/// The record after applying the standard path up to and including the event that reaches `state`
/// for the first time (or the whole path for "operating").
pub fn walk_to(engine: &Engine, state: &str) -> Value {
    let mut project = sample();
    for (reached, event) in standard_path() {
        project = apply_ok(engine, &project, &event);
        if reached == state {
            return project;
        }
    }
    assert_eq!(
        state, "operating",
        "state {state} is not on the standard path"
    );
    project
}

/// Applies `events` to `project` in order, asserting each is accepted; returns the final record.
pub fn apply_all(engine: &Engine, project: &Value, events: &[Value]) -> Value {
    let mut p = project.clone();
    for e in events {
        p = apply_ok(engine, &p, e);
    }
    p
}

/// Like `walk_to`, but starting from `start` instead of `sample()`.
pub fn walk_from_to(engine: &Engine, start: Value, state: &str) -> Value {
    let mut project = start;
    for (reached, event) in standard_path() {
        project = apply_ok(engine, &project, &event);
        if reached == state {
            return project;
        }
    }
    assert_eq!(
        state, "operating",
        "state {state} is not on the standard path"
    );
    project
}

/// The first event of type `kind` on the standard path (panics if there is none).
pub fn path_event(kind: &str) -> Value {
    standard_path()
        .into_iter()
        .map(|(_, e)| e)
        .find(|e| e["type"] == kind)
        .unwrap_or_else(|| panic!("no `{kind}` on the standard path"))
}

/// Like `walk_to`, but from `start` (e.g. `sample_with(...)`) and leaving out the
/// standard-path events whose type is in `skip`.
pub fn walk_from(engine: &Engine, start: Value, state: &str, skip: &[&str]) -> Value {
    let mut project = start;
    for (reached, event) in standard_path() {
        if skip.iter().any(|s| event["type"] == *s) {
            continue;
        }
        project = apply_ok(engine, &project, &event);
        if reached == state {
            return project;
        }
    }
    assert_eq!(
        state, "operating",
        "state {state} is not on the standard path"
    );
    project
}

/// `event` with the keys of `patch` replaced in its `data` (null removes a key).
pub fn with_data(event: &Value, patch: Value) -> Value {
    let mut e = event.clone();
    merge(&mut e["data"], patch);
    e
}

/// The findings of `rule` in a result.
pub fn findings_for_rule<'a>(result: &'a Value, rule: &str) -> Vec<&'a Value> {
    result["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

/// The record after the standard path up to, but not including, its first event of type `kind`.
pub fn walk_until(engine: &Engine, kind: &str) -> Value {
    let mut project = sample();
    for (_, event) in standard_path() {
        if event["type"] == kind {
            return project;
        }
        project = apply_ok(engine, &project, &event);
    }
    panic!("no `{kind}` on the standard path")
}

/// The `deadlines` entries of a `check` result for `rule`, as (event, due) pairs.
pub fn deadlines_for(result: &Value, rule: &str) -> Vec<(String, String)> {
    result["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule)
        .map(|d| {
            (
                d["event"].as_str().unwrap().to_string(),
                d["due"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}
