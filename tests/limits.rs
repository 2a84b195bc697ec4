//! Resource bounds (issue 8): input size, nesting depth, list items and history
//! length each have a limit, and going over it is a clear error naming the limit.

mod support;

use govit::model::{MAX_HISTORY_ENTRIES, MAX_LIST_ITEMS, MAX_NESTING_DEPTH};
use govit::{Engine, ErrorCode};
use serde_json::{json, Value};
use support::*;

fn nested(depth: usize) -> String {
    format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn list_items_over_the_limit_are_refused_with_path_and_limit() {
    let engine = engine();
    let at_limit = sample_with(json!({"co_departments": vec!["曲阜市应急管理局"; MAX_LIST_ITEMS]}));
    assert!(engine.check_json(&at_limit.to_string(), None).is_ok());
    let over = sample_with(json!({"co_departments": vec!["曲阜市应急管理局"; MAX_LIST_ITEMS + 1]}));
    let err = engine.check_json(&over.to_string(), None).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(err.path.as_deref(), Some("$.co_departments"));
    assert!(
        err.message.contains("1001 items") && err.message.contains("limit of 1000"),
        "{}",
        err.message
    );
}

#[test]
fn event_data_lists_are_bounded_too() {
    let engine = engine();
    let docs = vec!["party_committee_decision"; MAX_LIST_ITEMS + 1];
    let event = ev(
        "submit_demand",
        "2025-03-03",
        "construction_unit",
        json!({ "documents": docs }),
    );
    let err = engine
        .apply_json(&sample().to_string(), &event.to_string())
        .unwrap_err();
    assert_eq!(err.path.as_deref(), Some("$.data.documents"));
}

#[test]
fn history_over_the_limit_is_refused_before_its_entries_are_read() {
    let engine = engine();
    let over = sample_with(json!({ "history": vec![json!({}); MAX_HISTORY_ENTRIES + 1] }));
    let err = engine.verify_json(&over.to_string()).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(err.path.as_deref(), Some("$.history"));
    assert!(err.message.contains("limit of 10000"), "{}", err.message);
}

#[test]
fn nesting_deeper_than_the_limit_is_invalid_json_naming_the_limit() {
    let engine = engine();
    // The record itself is one level: the host's own key may nest up to the limit.
    let mut deep = sample();
    deep["oa_form"] = serde_json::from_str::<Value>(&nested(MAX_NESTING_DEPTH - 1)).unwrap();
    let out: Value =
        serde_json::from_str(&engine.check_json(&deep.to_string(), None).unwrap()).unwrap();
    assert_eq!(out["project_id"], "QF-TEST-001");

    let too_deep = sample().to_string().replacen(
        '{',
        &format!("{{\"oa_form\":{},", nested(MAX_NESTING_DEPTH)),
        1,
    );
    let err = engine.check_json(&too_deep, None).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidJson);
    assert!(
        err.message.contains("limit of 127 levels"),
        "{}",
        err.message
    );

    // 100,000 `[` cannot overflow the stack.
    let err = engine.check_json(&"[".repeat(100_000), None).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidJson);
}

#[test]
fn input_size_is_checked_before_parsing() {
    let engine = Engine::new(Some(r#"{"max_input_bytes": 1024}"#)).unwrap();
    let big = sample_with(json!({"content": "建".repeat(400)})).to_string();
    let err = engine.check_json(&big, None).unwrap_err();
    assert_eq!(err.code, ErrorCode::InputTooLarge);
    assert!(
        err.message.contains("max_input_bytes of 1024"),
        "{}",
        err.message
    );
    // Not even JSON: still too large, not invalid JSON.
    let err = engine.apply_json(&"x".repeat(2000), "{}").unwrap_err();
    assert_eq!(err.code, ErrorCode::InputTooLarge);
}
