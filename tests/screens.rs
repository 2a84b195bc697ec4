//! What an OA system draws its screens from (issue 15): the lifecycle as data
//! and `check`'s next steps with what would refuse each.
mod support;

use govit::lifecycle::TRANSITIONS;
use govit::model::{EventData, EventType, Need, ProcurementMethod};
use serde_json::{json, Value};
use support::*;

fn lifecycle() -> Value {
    serde_json::from_str(&engine().lifecycle_json()).unwrap()
}

fn event<'a>(doc: &'a Value, kind: &str) -> &'a Value {
    doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == kind)
        .unwrap_or_else(|| panic!("no {kind}"))
}

#[test]
fn the_lifecycle_lists_every_event_of_the_table_with_its_data() {
    let doc = lifecycle();
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), TRANSITIONS.len());
    for t in TRANSITIONS {
        let e = event(&doc, t.event.as_str());
        assert_eq!(e["label"], t.event.zh());
        assert_eq!(e["label_en"], t.event.en());
        let roles: Vec<&str> = t.roles.iter().map(|r| r.as_str()).collect();
        assert_eq!(e["roles"], json!(roles));
        // The data fields are the event's declared ones, with whether each is required.
        let declared: Vec<(String, bool)> = EventData::form_fields_of(t.event)
            .map(|(f, n)| (f.key.to_string(), n == Need::Required))
            .collect();
        let listed: Vec<(String, bool)> = e["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["key"].as_str().unwrap().to_string(),
                    f["required"] == true,
                )
            })
            .collect();
        assert_eq!(listed, declared, "{}", t.event);
    }
    for key in ["states", "roles", "documents"] {
        for item in doc[key].as_array().unwrap() {
            assert!(
                item["label"].as_str().is_some_and(|l| !l.is_empty()),
                "{item}"
            );
            assert!(
                item["label_en"].as_str().is_some_and(|l| !l.is_empty()),
                "{item}"
            );
        }
    }
}

#[test]
fn an_event_shows_its_states_values_documents_and_rules() {
    let doc = lifecycle();
    let procure = event(&doc, "start_procurement");
    assert_eq!(procure["from"], json!(["budgeted"]));
    assert_eq!(procure["to"], "procuring");
    let method = &procure["data"][0];
    assert_eq!(
        (method["key"].as_str(), method["type"].as_str()),
        (Some("method"), Some("code"))
    );
    assert_eq!(
        method["values"].as_array().unwrap().len(),
        ProcurementMethod::ALL.len()
    );
    assert_eq!(method["values"][0]["label"], "公开招标");
    assert_eq!(procure["documents"], json!(["responsibility_letter"]));
    assert!(procure["rules"]
        .as_array()
        .unwrap()
        .contains(&json!("art24.responsibility_letter_missing")));
    // A target that depends on the record says so.
    let approve_change = event(&doc, "approve_change");
    assert_eq!(approve_change["to"], Value::Null);
    assert_eq!(approve_change["to_note"], "before_change");
    let technical = event(&doc, "submit_technical");
    assert!(technical["rules"]
        .as_array()
        .unwrap()
        .contains(&json!("art06.feasibility_study_missing")));
    assert!(doc["rules_for_every_event"]
        .as_array()
        .unwrap()
        .contains(&json!("lifecycle.invalid_transition")));
    // Every rule id named is in the catalogue.
    let known: Vec<&str> = govit::rules::catalogue().iter().map(|r| r.id).collect();
    for e in doc["events"].as_array().unwrap() {
        for r in e["rules"].as_array().unwrap() {
            assert!(known.contains(&r.as_str().unwrap()), "{r}");
        }
    }
    // What 0.1 let the construction unit declare is not offered on a form.
    let complete = event(&doc, "complete_rectification");
    assert!(!complete["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["key"] == "compliant"));
    let _ = EventType::ALL;
}

fn steps(record: &Value, actor: Value, as_of: &str) -> Vec<Value> {
    let c = check(&engine(), record, json!({"as_of": as_of, "actor": actor}));
    c["next_steps"].as_array().cloned().unwrap_or_default()
}

fn step<'a>(steps: &'a [Value], kind: &str) -> &'a Value {
    steps
        .iter()
        .find(|s| s["event"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {steps:#?}"))
}

#[test]
fn next_steps_come_only_with_an_actor() {
    let c = check(&engine(), &walk_to(&engine(), "budgeted"), json!({}));
    assert!(c.get("next_steps").is_none());
}

#[test]
fn next_steps_say_what_would_refuse_each_step() {
    let engine = engine();
    // Budgeted without the responsibility letter: procurement is offered, and the
    // letter is among what its form carries, so it is needed, not a refusal.
    let budgeted = walk_to(&engine, "budgeted");
    let cu = role_unit("construction_unit");
    let s = steps(&budgeted, cu.clone(), "2025-06-05");
    let procure = step(&s, "start_procurement");
    assert_eq!(procure["blocked_by"], json!([]));
    assert_eq!(
        procure["needs"],
        json!(["art24.responsibility_letter_missing"])
    );
    assert_eq!(procure["ready"], true);
    assert_eq!(procure["to"], "procuring");
    assert_eq!(procure["label"], "组织采购");
    assert!(procure["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["key"] == "method" && f["required"] == true));
    let letter = step(&s, "file_responsibility_letter");
    assert_eq!(letter["ready"], true, "{letter:#}");
    // Once the letter is filed, procurement is ready.
    let filed = apply_ok(
        &engine,
        &budgeted,
        &path_event("file_responsibility_letter"),
    );
    let s = steps(&filed, cu.clone(), "2025-06-12");
    assert_eq!(step(&s, "start_procurement")["ready"], true);
    assert_eq!(step(&s, "start_procurement")["needs"], json!([]));
    // A rectification report with no order to report on is not ready.
    assert_eq!(
        step(&s, "complete_rectification")["blocked_by"],
        json!(["art41.rectification_order_unknown"])
    );
}

#[test]
fn the_centre_is_never_offered_a_sanction_without_grounds_as_ready() {
    let engine = engine();
    let implementing = walk_to(&engine, "implementing");
    let bdc = json!({"role": "big_data_center"});
    let s = steps(&implementing, bdc.clone(), "2025-11-10");
    // Nor an extension nobody requested.
    for kind in ["approve_extension", "reject_extension"] {
        assert_eq!(
            step(&s, kind)["blocked_by"],
            json!(["art35.extension_not_requested"]),
            "{kind}"
        );
    }
    for kind in [
        "notify_criticism",
        "defer_investment",
        "suspend",
        "terminate",
    ] {
        let st = step(&s, kind);
        assert_eq!(st["ready"], false, "{kind}");
        assert_eq!(
            st["blocked_by"],
            json!(["art41.sanction_without_grounds"]),
            "{kind}"
        );
    }
    // With an order overdue, the sanctions are grounded.
    let order = ev(
        "order_rectification",
        "2025-11-10",
        "big_data_center",
        json!({"order_id": "ZG-1", "issues": ["未按期备案建设进展"], "deadline": "2025-11-20"}),
    );
    let ordered = apply_ok(&engine, &implementing, &order);
    let s = steps(&ordered, bdc, "2025-11-21");
    assert_eq!(step(&s, "notify_criticism")["ready"], true);
    // The issuer can confirm only once completion is reported.
    assert_eq!(step(&s, "confirm_rectification")["ready"], false);
}

#[test]
fn preview_decides_exactly_what_apply_decides() {
    let engine = engine();
    let mut record = sample();
    // The standard path, and at each step a few variants that are refused or warned about.
    for (_, e) in standard_path() {
        let variants = [
            e.clone(),
            with_data(&e, json!({"documents": []})),
            ev(
                "notify_criticism",
                "2025-01-01",
                "big_data_center",
                json!({}),
            ),
            ev(
                e["type"].as_str().unwrap(),
                "2030-01-01",
                "finance",
                json!({}),
            ),
        ];
        for v in variants {
            let (r, ev_s) = (record.to_string(), v.to_string());
            let Ok(applied) = engine.apply_json(&r, &ev_s) else {
                assert!(engine.preview_json(&r, &ev_s).is_err());
                continue;
            };
            let applied: Value = serde_json::from_str(&applied).unwrap();
            let previewed: Value =
                serde_json::from_str(&engine.preview_json(&r, &ev_s).unwrap()).unwrap();
            for key in ["accepted", "state_before", "state_after", "findings"] {
                assert_eq!(previewed[key], applied[key], "{key} for {v}");
            }
            assert!(previewed.get("project").is_none());
        }
        record = apply_ok(&engine, &record, &e);
    }
}

#[test]
fn a_misspelt_key_is_a_warning_naming_the_known_one() {
    let engine = engine();
    let mut record = walk_to(&engine, "demand_approved");
    let obj = record.as_object_mut().unwrap();
    obj.remove("audience");
    obj.insert("audiance".into(), json!("public"));
    obj.insert("x_oa_flow_id".into(), json!("F-1"));
    let r = apply(&engine, &record, &path_event("submit_technical"));
    let typo = finding(&r, "input.possible_typo");
    assert_eq!(typo["severity"], "warning");
    assert!(
        typo["message"].as_str().unwrap().contains("服务对象"),
        "{typo}"
    );
    assert!(
        typo["message_en"]
            .as_str()
            .unwrap()
            .contains("did you mean `audience`"),
        "{typo}"
    );
    assert_eq!(
        findings_for_rule(&r, "input.possible_typo").len(),
        1,
        "x_ keys are the host's"
    );
    // In an event's data too.
    let e = ev(
        "submit_technical",
        "2025-04-01",
        "construction_unit",
        json!({"document": ["construction_plan"]}),
    );
    let r = apply(&engine, &walk_to(&engine, "demand_approved"), &e);
    assert!(finding(&r, "input.possible_typo")["message_en"]
        .as_str()
        .unwrap()
        .contains("`documents`"));
    // Far from any known key: no warning.
    let mut far = walk_to(&engine, "demand_approved");
    far["oa_workflow_state"] = json!("x");
    assert!(!has_rule(
        &apply(&engine, &far, &path_event("submit_technical")),
        "input.possible_typo"
    ));
}

#[test]
fn with_unknown_keys_error_every_unknown_key_is_refused_at_its_path() {
    let strict =
        govit::Engine::new(Some(r#"{"unknown_keys": "error", "host_keys": ["oa_id"]}"#)).unwrap();
    let mut record = sample();
    record["audiance"] = json!("public");
    record["other_thing"] = json!(1);
    record["x_flow"] = json!("kept");
    record["oa_id"] = json!("kept");
    let e = strict.check_json(&record.to_string(), None).unwrap_err();
    let doc: Value = serde_json::from_str(&e.to_json()).unwrap();
    assert_eq!(doc["error"]["path"], "$.audiance");
    assert!(doc["error"]["message"]
        .as_str()
        .unwrap()
        .contains("did you mean `audience`"));
    let paths: Vec<&str> = doc["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["$.audiance", "$.other_thing"]);
    let event = ev(
        "submit_demand",
        "2025-03-03",
        "construction_unit",
        json!({"document": []}),
    );
    let e = strict
        .apply_json(&sample().to_string(), &event.to_string())
        .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.data.document"));
    // The host's keys pass; `keep` (the default) keeps everything.
    let mut fine = sample();
    fine["x_flow"] = json!("kept");
    assert!(strict.check_json(&fine.to_string(), None).is_ok());
    assert!(engine().check_json(&record.to_string(), None).is_ok());
    assert!(govit::Engine::new(Some(r#"{"unknown_keys": "drop"}"#)).is_err());
}

#[test]
fn all_input_errors_at_once_and_a_hint_for_a_result_passed_as_the_record() {
    let engine = engine();
    let e = engine
        .check_json(r#"{"funding": ["government_investment"]}"#, None)
        .unwrap_err();
    let doc: Value = serde_json::from_str(&e.to_json()).unwrap();
    assert_eq!(doc["error"]["path"], "$.id");
    let paths: Vec<&str> = doc["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["$.id", "$.name", "$.owner_unit"]);
    // One error: no `errors` list.
    let one: Value = serde_json::from_str(
        &engine
            .check_json(r#"{"name":"a","owner_unit":"b"}"#, None)
            .unwrap_err()
            .to_json(),
    )
    .unwrap();
    assert!(one.get("errors").is_none());
    // A whole apply result passed as the record.
    let result = apply(&engine, &sample(), &path_event("submit_demand"));
    let e = engine.check_json(&result.to_string(), None).unwrap_err();
    assert!(e.message.contains("pass its `project`"), "{}", e.message);
}

/// The step as the standard path takes it, with its documents and data: what a
/// clerk sends once the form is filled in.
#[test]
fn every_step_of_the_standard_path_is_ready_before_it_is_taken() {
    let engine = engine();
    let mut record = sample();
    for (_, event) in standard_path() {
        let kind = event["type"].as_str().unwrap();
        let s = steps(
            &record,
            event["actor"].clone(),
            event["date"].as_str().unwrap(),
        );
        let st = step(&s, kind);
        assert_eq!(
            st["ready"], true,
            "{kind} is accepted when sent, but: {st:#}"
        );
        record = apply_ok(&engine, &record, &event);
    }
}

#[test]
fn a_step_the_form_answers_is_ready_and_says_what_it_needs() {
    let engine = engine();
    let cu = role_unit("construction_unit");
    // Awarded: the contract's clauses and legal review are what signing needs.
    let awarded = walk_to(&engine, "awarded");
    let s = steps(&awarded, cu.clone(), "2025-09-30");
    let sign = step(&s, "sign_contract");
    assert_eq!(sign["ready"], true, "{sign:#}");
    assert_eq!(
        sign["needs"],
        json!([
            "art29.legal_review_missing",
            "art30.ip_ownership_missing",
            "art30.data_ownership_missing",
            "art30.ip_liability_missing",
            "art30.warranty_terms_missing",
            "art30.implementation_period_exceeds_3y"
        ])
    );
    // Sent as it is, the empty form is refused by exactly those rules.
    let empty = ev(
        "sign_contract",
        "2025-09-30",
        "construction_unit",
        json!({}),
    );
    let refused = apply(&engine, &awarded, &empty);
    assert_eq!(refused["accepted"], false);
    let blocks: Vec<String> = rule_ids(&refused)
        .into_iter()
        .filter(|r| finding(&refused, r)["severity"] == "block")
        .collect();
    assert_eq!(json!(blocks), sign["needs"]);
    // Contracted without filing the contract: implementation waits for the record
    // (Art 28), while the responsible person is for its form (Art 32).
    let contracted = walk_to(&engine, "contracted");
    let s = steps(&contracted, cu, "2025-10-20");
    let start = step(&s, "start_implementation");
    assert_eq!(start["ready"], false);
    assert_eq!(start["blocked_by"], json!(["art28.contract_not_filed"]));
    assert_eq!(start["needs"], json!(["art32.responsible_person_missing"]));
}

#[test]
fn a_form_cannot_answer_what_the_record_refuses() {
    let engine = engine();
    // No approved procurement method on the record: every method is refused (Art 28).
    let mut start = sample();
    start.as_object_mut().unwrap().remove("procurement_method");
    let budgeted = walk_from_to(&engine, start, "budgeted");
    let s = steps(&budgeted, role_unit("construction_unit"), "2025-06-05");
    let procure = step(&s, "start_procurement");
    assert!(
        procure["blocked_by"]
            .as_array()
            .unwrap()
            .contains(&json!("art28.procurement_method_mismatch")),
        "{procure:#}"
    );
    assert_eq!(procure["ready"], false);
}

#[test]
fn a_declaration_the_form_makes_is_needed_and_a_fact_of_the_record_blocks() {
    let engine = engine();
    let admin = json!({"role": "admin_approval", "unit": "曲阜市行政审批服务局"});
    // Art 16: the approval bureau approves a construction-attached project once its
    // form says the approval was copied to the big-data centre.
    let attached = walk_from(
        &engine,
        sample_with(json!({"attached_to_construction": true})),
        "technical_approved",
        &[],
    );
    let s = steps(&attached, admin.clone(), "2025-05-06");
    let approve = step(&s, "approve");
    assert_eq!(approve["ready"], true, "{approve:#}");
    assert_eq!(approve["needs"], json!(["art16.approval_authority"]));
    // A project that is not attached: no form makes the bureau the approver, and
    // the step is not offered to it at all.
    let plain = walk_to(&engine, "technical_approved");
    let s = steps(&plain, admin, "2025-05-06");
    assert!(s.iter().all(|st| st["event"] != "approve"), "{s:#?}");
    // Art 25: the O&M funding request needs the unit's four declarations.
    let operating = walk_to(&engine, "operating");
    let s = steps(&operating, role_unit("construction_unit"), "2027-01-15");
    let om = step(&s, "request_om_funding");
    assert_eq!(om["ready"], true, "{om:#}");
    assert_eq!(
        om["needs"],
        json!([
            "art25.om_data_not_shared",
            "art25.om_infrastructure_not_unified",
            "art25.om_crypto_security_noncompliant",
            "art25.om_major_security_risk"
        ])
    );
}
