//! The JSON Schemas in `schemas/` stay in step with the code: every enum is the
//! Rust vocabulary's `ALL`, the record's properties are exactly the keys the
//! kernel reads and writes, the event's `data` keys are exactly what `EventData`
//! reads, and each event's required keys are what the kernel refuses to go
//! without. No validator crate: structural checks, plus the kernel's own parsers
//! run against what the patterns admit.
mod support;
use govit::model::*;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use support::*;

fn load(name: &str) -> Value {
    let path = format!("{}/schemas/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn project_schema() -> Value {
    load("project.schema.json")
}

fn event_schema() -> Value {
    load("event.schema.json")
}

fn names<T: std::fmt::Display>(all: &[T]) -> Vec<String> {
    all.iter().map(|v| v.to_string()).collect()
}

/// Every vocabulary a schema may use, by its `$defs` name.
fn vocabularies() -> BTreeMap<&'static str, Vec<String>> {
    BTreeMap::from([
        ("state", names(State::ALL)),
        ("event_type", names(EventType::ALL)),
        ("role", names(Role::ALL)),
        ("document_kind", names(DocumentKind::ALL)),
        ("funding", names(Funding::ALL)),
        ("category", names(Category::ALL)),
        ("platform", names(Platform::ALL)),
        ("app_type", names(AppType::ALL)),
        ("integration", names(Integration::ALL)),
        ("audience", names(Audience::ALL)),
        ("procurement_method", names(ProcurementMethod::ALL)),
        ("higher_level", names(HigherLevel::ALL)),
        ("priority_category", names(PriorityCategory::ALL)),
        ("clause", names(Clause::ALL)),
        ("assessment_kind", names(AssessmentKind::ALL)),
        ("evaluation_result", names(EvaluationResult::ALL)),
        ("baseline_aspect", names(BaselineAspect::ALL)),
        ("milestone", names(Milestone::ALL)),
        ("sanction_kind", names(SanctionKind::ALL)),
    ])
}

/// Calls `f(json_pointer, node)` for every object in `v`.
fn walk(v: &Value, pointer: &str, f: &mut impl FnMut(&str, &Map<String, Value>)) {
    match v {
        Value::Object(map) => {
            f(pointer, map);
            for (k, child) in map {
                walk(child, &format!("{pointer}/{k}"), f);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk(child, &format!("{pointer}/{i}"), f);
            }
        }
        _ => {}
    }
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("expected an object, got {v}"))
        .keys()
        .cloned()
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

// ---- enums ----

#[test]
fn every_enum_is_a_rust_vocabulary() {
    let vocab = vocabularies();
    for (file, schema) in [("project", project_schema()), ("event", event_schema())] {
        let mut seen = 0;
        walk(&schema, "", &mut |pointer, node| {
            let Some(values) = node.get("enum") else {
                return;
            };
            let name = pointer
                .strip_prefix("/$defs/")
                .filter(|n| !n.contains('/'))
                .unwrap_or_else(|| panic!("{file}: enum outside $defs at {pointer}"));
            let expected = vocab
                .get(name)
                .unwrap_or_else(|| panic!("{file}: $defs/{name} is not a known vocabulary"));
            let actual: Vec<String> = values
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect();
            assert_eq!(
                &actual, expected,
                "{file}: $defs/{name} differs from the Rust ALL"
            );
            seen += 1;
        });
        assert!(seen > 0, "{file} has no enums");
    }
    // The record uses every vocabulary.
    let defs = keys(&project_schema()["$defs"]);
    for name in vocab.keys() {
        assert!(defs.contains(*name), "project schema lacks $defs/{name}");
    }
}

#[test]
fn definitions_shared_by_both_files_are_identical() {
    let (p, e) = (project_schema(), event_schema());
    for (name, def) in e["$defs"].as_object().unwrap() {
        assert_eq!(
            def, &p["$defs"][name],
            "$defs/{name} differs between the two schemas"
        );
    }
}

#[test]
fn every_local_reference_resolves() {
    for (file, schema) in [("project", project_schema()), ("event", event_schema())] {
        walk(&schema, "", &mut |pointer, node| {
            let Some(Value::String(target)) = node.get("$ref") else {
                return;
            };
            if let Some(local) = target.strip_prefix('#') {
                assert!(
                    schema.pointer(local).is_some(),
                    "{file}{pointer}: {target} does not resolve"
                );
            } else {
                assert_eq!(
                    target,
                    event_schema()["$id"].as_str().unwrap(),
                    "{file}{pointer}"
                );
            }
        });
    }
}

#[test]
fn both_schemas_are_draft_2020_12_with_ids() {
    for (schema, id) in [
        (project_schema(), "urn:govit:schema:project:1"),
        (event_schema(), "urn:govit:schema:event:1"),
    ] {
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(schema["$id"], id);
        assert_eq!(schema["type"], "object");
        // The host's own keys are allowed (CONTRACT §3).
        assert_eq!(schema["additionalProperties"], true);
    }
    assert_eq!(
        project_schema()["$defs"]["history_entry"]["properties"]["event"]["$ref"],
        event_schema()["$id"]
    );
}

// ---- the project record ----

#[test]
fn project_properties_are_the_record_keys() {
    let schema = project_schema();
    let mut expected = set(ATTRIBUTE_KEYS);
    expected.extend(set(KERNEL_KEYS));
    expected.extend(set(&["state", "history"]));
    assert_eq!(keys(&schema["properties"]), expected);
    assert_eq!(schema["required"], json!(["id", "name", "owner_unit"]));
}

#[test]
fn snapshot_and_origin_reuse_the_record_properties() {
    let schema = project_schema();
    let props = &schema["properties"];
    let snapshot = &schema["$defs"]["attributes_snapshot"];
    assert_eq!(keys(&snapshot["properties"]), set(ATTRIBUTE_KEYS));
    assert_eq!(snapshot["additionalProperties"], false);
    for key in ATTRIBUTE_KEYS {
        assert_eq!(snapshot["properties"][key], props[key], "snapshot `{key}`");
    }
    let origin = &schema["$defs"]["origin"];
    let mut expected = set(KERNEL_KEYS);
    expected.insert("state".into());
    assert_eq!(keys(&origin["properties"]), expected);
    for key in KERNEL_KEYS {
        assert_eq!(origin["properties"][key], props[key], "origin `{key}`");
    }
}

#[test]
fn what_the_kernel_writes_has_a_place_in_the_schema() {
    let schema = project_schema();
    let props = keys(&schema["properties"]);
    let engine = engine();
    let mut record = sample_with(json!({"oa_workflow_id": "WF-1"}));
    for (_, event) in standard_path() {
        record = apply_ok(&engine, &record, &event);
        for key in keys(&record) {
            assert!(
                props.contains(&key) || key == "oa_workflow_id",
                "record key `{key}`"
            );
        }
    }
    let entry = &schema["$defs"]["history_entry"];
    let entry_props = keys(&entry["properties"]);
    for (i, h) in record["history"].as_array().unwrap().iter().enumerate() {
        for key in keys(h) {
            assert!(entry_props.contains(&key), "history[{i}] key `{key}`");
        }
        for required in entry["required"].as_array().unwrap() {
            assert!(
                h.get(required.as_str().unwrap()).is_some(),
                "history[{i}] lacks {required}"
            );
        }
        let hash = h["hash"].as_str().unwrap();
        assert!(hash.len() == 64 && hash.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')));
    }
    // Nested kernel objects: only the keys the schema lists.
    for key in ["contract", "baseline"] {
        let def = &schema["properties"][key];
        let def = match def.get("$ref") {
            Some(Value::String(r)) => schema.pointer(&r[1..]).unwrap().clone(),
            _ => def.clone(),
        };
        for k in keys(&record[key]) {
            assert!(def["properties"].get(&k).is_some(), "{key}.{k}");
        }
    }
    for key in ["documents", "milestones", "assessments"] {
        let names = &schema["properties"][key]["propertyNames"]["$ref"];
        let def = schema.pointer(&names.as_str().unwrap()[1..]).unwrap();
        for k in keys(&record[key]) {
            assert!(
                def["enum"].as_array().unwrap().contains(&json!(k)),
                "{key}.{k}"
            );
        }
    }
}

// ---- the event ----

/// The known keys of `data` (CONTRACT §4), as `EventData::read` takes them.
const DATA_KEYS: &[&str] = &[
    "documents",
    "method",
    "notice_date",
    "supplier",
    "clauses",
    "legal_review",
    "legal_counsel",
    "implementation_months",
    "warranty_months",
    "warranty_justification",
    "implementing_agency",
    "responsible_person",
    "aspects",
    "proposed",
    "spent_yuan",
    "new_deadline",
    "actual_cost_yuan",
    "delegated",
    "rectification_deadline",
    "year",
    "result",
    "kind",
    "data_shared",
    "unified_infrastructure",
    "crypto_compliant",
    "security_compliant",
    "major_security_risk",
    "order_id",
    "issues",
    "deadline",
    "compliant",
    "copied_to_big_data_center",
    "article",
];

/// The keys `EventData::read` in src/model/event.rs takes from `data` (`r.<reader>("key"`).
fn keys_read_by_event_rs() -> BTreeSet<String> {
    let path = format!("{}/src/model/event.rs", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("event.rs");
    let start = text
        .find("impl EventData")
        .expect("impl EventData in event.rs");
    let body = &text[start..];
    let mut found = BTreeSet::new();
    let mut rest = body;
    while let Some(i) = rest.find("r.") {
        let after = &rest[i + 2..];
        // `r.` must start a call on the reader, not end another identifier (`iter.`, `r.path_of`…).
        let preceded_by_ident = i > 0
            && rest[..i]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
        let ident_len = after
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let call = &after[ident_len..];
        if !preceded_by_ident && ident_len > 0 && call.starts_with("(\"") {
            let key = &call[2..call[2..].find('"').unwrap() + 2];
            found.insert(key.to_string());
        }
        rest = &rest[i + 2..];
    }
    found
}

#[test]
fn event_data_keys_are_what_event_data_reads() {
    let schema = event_schema();
    let data = &schema["properties"]["data"]["anyOf"][0];
    assert_eq!(
        data["additionalProperties"], true,
        "host keys in data are kept"
    );
    assert_eq!(
        keys(&data["properties"]),
        set(DATA_KEYS),
        "schema vs the list"
    );
    assert_eq!(
        keys_read_by_event_rs(),
        set(DATA_KEYS),
        "event.rs vs the list"
    );
    assert_eq!(
        set(govit::model::EVENT_DATA_KEYS),
        set(DATA_KEYS),
        "EVENT_DATA_KEYS vs the list"
    );
}

#[test]
fn every_listed_data_key_is_read_and_typed_by_the_kernel() {
    // A wrong-typed value under each key is refused at that key's path: the kernel reads it.
    for key in DATA_KEYS {
        let mut data = Map::new();
        data.insert(key.to_string(), json!({"unexpected": true}));
        let event = json!({
            "type": "submit_demand", "date": "2025-03-03",
            "actor": {"role": "construction_unit", "unit": UNIT},
            "data": data
        });
        let err = Event::from_value("$", event).expect_err(key);
        let path = err.path.unwrap_or_default();
        assert!(path.starts_with(&format!("$.data.{key}")), "{key}: {path}");
    }
}

#[test]
fn actor_and_proposed_are_closed_objects() {
    let schema = event_schema();
    assert_eq!(schema["properties"]["actor"]["additionalProperties"], false);
    assert_eq!(schema["properties"]["actor"]["required"], json!(["role"]));
    assert_eq!(
        keys(&schema["$defs"]["baseline_values"]["properties"]),
        set(&[
            "goals",
            "location",
            "content",
            "budget_yuan",
            "planned_completion"
        ])
    );
    assert_eq!(
        schema["$defs"]["baseline_values"]["additionalProperties"],
        false
    );
    assert_eq!(schema["required"], json!(["type", "date", "actor"]));
}

/// A valid value for a data key the kernel may require.
fn sample_value(key: &str) -> Value {
    match key {
        "method" => json!("public_tender"),
        "notice_date" | "new_deadline" | "rectification_deadline" | "deadline" => {
            json!("2025-12-31")
        }
        "year" => json!(2025),
        "result" => json!("good"),
        "kind" => json!("crypto_assessment"),
        "order_id" => json!("R-1"),
        "proposed" => json!({}),
        other => panic!("the kernel requires `data.{other}`: add it to the schema and here"),
    }
}

/// The keys the schema's `allOf` requires in `data` for each event type.
fn schema_requirements() -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for cond in event_schema()["allOf"].as_array().unwrap() {
        let kind = cond["if"]["properties"]["type"]["const"]
            .as_str()
            .unwrap()
            .to_string();
        assert_eq!(cond["if"]["required"], json!(["type"]));
        assert_eq!(cond["then"]["required"], json!(["data"]));
        let required: BTreeSet<String> = cond["then"]["properties"]["data"]["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap().to_string())
            .collect();
        assert!(out.insert(kind.clone(), required).is_none(), "{kind} twice");
    }
    out
}

#[test]
fn required_data_per_event_is_what_the_kernel_requires() {
    let declared = schema_requirements();
    for kind in EventType::ALL {
        let mut data = Map::new();
        let mut required = BTreeSet::new();
        loop {
            let event = json!({
                "type": kind.as_str(), "date": "2025-03-03",
                "actor": {"role": "construction_unit", "unit": UNIT},
                "data": Value::Object(data.clone())
            });
            match Event::from_value("$", event) {
                Ok(_) => break,
                Err(e) => {
                    let path = e.path.unwrap_or_default();
                    let key = path.strip_prefix("$.data.").unwrap_or_else(|| {
                        panic!("{kind}: unexpected error at {path}: {}", e.message)
                    });
                    assert!(required.insert(key.to_string()), "{kind}: {key} again");
                    data.insert(key.to_string(), sample_value(key));
                }
            }
        }
        let schema = declared.get(kind.as_str()).cloned().unwrap_or_default();
        assert_eq!(schema, required, "{kind}: schema vs kernel");
    }
    for kind in declared.keys() {
        assert!(
            EventType::parse(kind).is_some(),
            "allOf names unknown event `{kind}`"
        );
    }
}

// ---- money and dates ----

fn pattern(schema: &Value, pointer: &str) -> String {
    let p = schema
        .pointer(pointer)
        .unwrap_or_else(|| panic!("{pointer}"));
    let text = p.as_str().unwrap();
    assert!(
        text.starts_with('^') && text.ends_with('$'),
        "{pointer} is anchored"
    );
    text[1..text.len() - 1].to_string()
}

#[test]
fn money_is_a_decimal_string_or_a_number_never_negative() {
    let schema = project_schema();
    let money = &schema["$defs"]["money"]["anyOf"];
    assert_eq!(money[0]["type"], "string");
    assert_eq!(money[1], json!({"type": "number", "minimum": 0}));
    // Every money attribute and kernel field points at it.
    for key in [
        "budget_yuan",
        "security_budget_yuan",
        "qufu_construction_share_yuan",
        "qufu_om_share_yuan",
    ] {
        assert_eq!(
            schema["properties"][key]["anyOf"][0]["$ref"], "#/$defs/money",
            "{key}"
        );
    }
    for key in ["spent_yuan", "actual_cost_yuan"] {
        assert_eq!(schema["properties"][key]["$ref"], "#/$defs/money", "{key}");
    }
}

#[test]
fn every_string_the_money_pattern_admits_is_exact_money() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    let regex = pattern(&project_schema(), "/$defs/money/anyOf/0/pattern");
    let strategy = proptest::string::string_regex(&regex).expect("pattern parses");
    let mut runner = TestRunner::deterministic();
    for _ in 0..2000 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        let money = Money::parse(&text).unwrap_or_else(|e| panic!("`{text}`: {e}"));
        // Read exactly: the decimal's text is the input, up to leading zeros.
        assert_eq!(
            money.0,
            text.parse::<rust_decimal::Decimal>().unwrap(),
            "`{text}`"
        );
    }
    // The canonical amounts of the contract match it.
    for text in ["4999999.99", "5000000", "0", "0.01"] {
        assert!(Money::parse(text).is_ok());
    }
}

#[test]
fn every_string_the_date_pattern_admits_has_the_date_shape() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    let schema = project_schema();
    assert_eq!(schema["$defs"]["date"]["format"], "date");
    let regex = pattern(&schema, "/$defs/date/pattern");
    let strategy = proptest::string::string_regex(&regex).expect("pattern parses");
    let mut runner = TestRunner::deterministic();
    for _ in 0..2000 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        // The pattern fixes the shape; `format: date` (and the kernel) refuse days that do not exist.
        if let Err(e) = Date::parse(&text) {
            assert!(e.contains("not a real calendar date"), "`{text}`: {e}");
        }
    }
}
