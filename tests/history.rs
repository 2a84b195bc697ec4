//! Tamper evidence (CONTRACT §6, issue 4): a long real history from `draft` to
//! `operating`, tampered with in every way one at a time; each tampering is
//! reported with the right problem code and seq and nothing else, and an
//! untampered record verifies. Also SM3 against GB/T 32905, replay, and the
//! worked example of `docs/history.md`.
mod support;

use govit::history::replay;
use govit::model::{
    canonical_json, canonical_object_without, sm3_hex, stored_hash, Locale, GENESIS,
};
use serde_json::{json, Value};
use support::*;

/// The long path: the standard path plus an Art 33 change, an Art 41 order with
/// suspension and resumption, a second progress report, and the evaluations
/// and assessments of operation. Each item: (state reached, event).
fn long_path() -> Vec<(&'static str, Value)> {
    let std = standard_path();
    let mut path: Vec<(&'static str, Value)> = std[..13].to_vec(); // … report_progress 2026-03-02
    let cu = "construction_unit";
    let bdc = "big_data_center";
    path.extend([
        ("change_review", ev("request_change", "2026-04-01", cu, json!({"aspects": ["planned_completion"], "proposed": {"planned_completion": "2027-03-31"}}))),
        ("implementing", ev("approve_change", "2026-04-20", bdc, json!({}))),
        ("implementing", ev("order_rectification", "2026-04-27", bdc, json!({"order_id": "QF-ZG-2026-07", "issues": ["未按期报送进度"], "deadline": "2026-05-08"}))),
        ("suspended", ev("suspend", "2026-05-12", bdc, json!({}))),
        ("implementing", ev("resume", "2026-05-20", bdc, json!({}))),
        ("implementing", ev("complete_rectification", "2026-05-22", cu, json!({"order_id": "QF-ZG-2026-07", "compliant": true}))),
        ("implementing", ev("report_progress", "2026-06-01", cu, json!({"spent_yuan": "2100000.00"}))),
    ]);
    path.extend(std[13..].iter().cloned()); // assessments … pass_final_acceptance
    path.extend([
        (
            "operating",
            ev(
                "submit_self_evaluation",
                "2027-01-15",
                cu,
                json!({"year": 2026}),
            ),
        ),
        (
            "operating",
            ev(
                "record_assessment",
                "2027-02-01",
                cu,
                json!({"kind": "mlps_assessment"}),
            ),
        ),
        (
            "operating",
            ev(
                "commission_post_evaluation",
                "2027-02-15",
                "big_data_center",
                json!({"evaluator": EVALUATOR}),
            ),
        ),
        (
            "operating",
            ev(
                "complete_post_evaluation",
                "2027-03-01",
                "third_party",
                json!({"result": "good"}),
            ),
        ),
    ]);
    path
}

fn walk(path: &[(&'static str, Value)]) -> Value {
    let engine = engine();
    let mut project = sample();
    for (state, event) in path {
        let r = apply(&engine, &project, event);
        assert_eq!(
            r["accepted"], true,
            "{} refused: {:#}",
            event["type"], r["findings"]
        );
        assert_eq!(r["state_after"], *state, "{}", event["type"]);
        project = r["project"].clone();
    }
    project
}

fn long_record() -> Value {
    walk(&long_path())
}

/// `verify` through the JSON API (what `govit_verify` calls), in English.
fn verify_doc(project: &Value) -> Value {
    let out = engine_en()
        .verify_json(&project.to_string())
        .expect("verify succeeds");
    serde_json::from_str(&out).unwrap()
}

/// The problems as (code, seq), in the order reported; checks `valid` agrees.
fn problems(project: &Value) -> Vec<(String, u64)> {
    let report = verify_doc(project);
    let list: Vec<(String, u64)> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap().to_string(),
                p["seq"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(report["valid"], list.is_empty(), "{report:#}");
    list
}

fn expect(project: &Value, expected: &[(&str, u64)]) {
    let got = problems(project);
    let want: Vec<(String, u64)> = expected.iter().map(|(c, s)| (c.to_string(), *s)).collect();
    assert_eq!(got, want, "{:#}", verify_doc(project)["problems"]);
}

fn message_of(project: &Value, code: &str) -> String {
    let report = verify_doc(project);
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {report:#}"))["message"]
        .as_str()
        .unwrap()
        .to_string()
}

fn history(project: &mut Value) -> &mut Vec<Value> {
    project["history"].as_array_mut().unwrap()
}

/// The seq of the first entry whose event is `kind`.
fn seq_of(project: &Value, kind: &str) -> u64 {
    project["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"]["type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in history"))["seq"]
        .as_u64()
        .unwrap()
}

fn entry(project: &mut Value, seq: u64) -> &mut Value {
    &mut history(project)[seq as usize - 1]
}

/// What a forger does to make an edited entry's own hash right again (in format 2,
/// the snapshot's digest first).
fn rehash(entry: &mut Value) {
    if entry["format"] == 2 && entry.get("snapshot").is_some() {
        entry["snapshot_sm3"] =
            Value::String(sm3_hex(canonical_json(&entry["snapshot"]).as_bytes()));
    }
    let hash = stored_hash(entry.as_object().unwrap()).0;
    entry["hash"] = Value::String(hash);
}

fn tampered(edit: impl FnOnce(&mut Value)) -> Value {
    let mut project = long_record();
    edit(&mut project);
    project
}

// ---- SM3 (GB/T 32905-2016, appendix A) ----

#[test]
fn sm3_matches_the_gb_t_32905_examples() {
    assert_eq!(
        sm3_hex(b"abc"),
        "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    );
    let m = "abcd".repeat(16);
    assert_eq!(m.len(), 64);
    assert_eq!(
        sm3_hex(m.as_bytes()),
        "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
    );
}

// ---- the untampered record ----

#[test]
fn the_long_history_is_real_and_verifies() {
    let project = long_record();
    let entries = project["history"].as_array().unwrap();
    assert!(entries.len() >= 20, "{} entries", entries.len());
    assert_eq!(project["state"], "operating");
    // The chain as specified in docs/history.md: seq 1, 2, 3 …; prev of the first is 64 zeros.
    let mut prev = GENESIS.to_string();
    for (i, e) in entries.iter().enumerate() {
        assert_eq!(e["seq"], i as u64 + 1);
        assert_eq!(e["prev"], prev.as_str());
        let mut copy = e.clone();
        rehash(&mut copy);
        assert_eq!(copy["hash"], e["hash"], "entry {}", i + 1);
        prev = e["hash"].as_str().unwrap().to_string();
    }
    // Snapshots: on the first entry, and wherever the declared attributes changed
    // before an event; approve_change changes them through its effects, so the
    // entry after it binds none.
    assert!(entries[0].get("snapshot").is_some());
    assert!(entries[1..].iter().all(|e| e.get("snapshot").is_none()));
    assert!(entries.iter().all(|e| e.get("origin").is_none()));
    expect(&project, &[]);
    // The typed API agrees.
    let report = engine().verify(&parse_project(&project));
    assert!(report.valid, "{report:?}");
}

#[test]
fn every_record_along_the_path_verifies() {
    let engine = engine();
    let mut project = sample();
    expect(&project, &[]);
    for (_, event) in long_path() {
        project = apply_ok(&engine, &project, &event);
        expect(&project, &[]);
    }
}

// ---- edited entries: the entry's hash no longer matches, and nothing else is reported ----

#[test]
fn edited_event_data_is_a_hash_mismatch_at_that_entry() {
    let mut seq = 0;
    let p = tampered(|p| {
        seq = seq_of(p, "award_bid");
        entry(p, seq)["event"]["data"]["supplier"] = json!("济宁某科技有限公司");
    });
    expect(&p, &[("hash_mismatch", seq)]);
    assert!(message_of(&p, "hash_mismatch").contains(&format!("Entry {seq} ")));
}

#[test]
fn edited_money_in_event_data_is_detected_even_when_numerically_equal() {
    // "1200000.00" → 1200000.00 (a number) or "1200000.0": the text as received is what is bound.
    for edited in [json!(1200000.00), json!("1200000.0"), json!("1200000.00 ")] {
        let mut seq = 0;
        let p = tampered(|p| {
            seq = seq_of(p, "report_progress");
            entry(p, seq)["event"]["data"]["spent_yuan"] = edited.clone();
        });
        expect(&p, &[("hash_mismatch", seq)]);
    }
}

#[test]
fn edited_event_date_is_a_hash_mismatch() {
    let mut seq = 0;
    let p = tampered(|p| {
        seq = seq_of(p, "sign_contract");
        entry(p, seq)["event"]["date"] = json!("2025-10-10");
    });
    expect(&p, &[("hash_mismatch", seq)]);
}

#[test]
fn edited_actor_is_a_hash_mismatch() {
    let mut seq = 0;
    let p = tampered(|p| {
        seq = seq_of(p, "approve");
        entry(p, seq)["event"]["actor"] = json!({"role": "admin_approval"});
    });
    expect(&p, &[("hash_mismatch", seq)]);
}

#[test]
fn edited_state_after_is_a_hash_mismatch() {
    let mut seq = 0;
    let p = tampered(|p| {
        seq = seq_of(p, "approve");
        entry(p, seq)["state_after"] = json!("budgeted");
    });
    expect(&p, &[("hash_mismatch", seq)]);
}

#[test]
fn edited_findings_are_a_hash_mismatch() {
    let mut seq = 0;
    let p = tampered(|p| {
        seq = seq_of(p, "sign_contract");
        assert_eq!(entry(p, seq)["findings"], json!([]));
        entry(p, seq)["findings"] = json!(["art28.contract_signing_late"]);
        entry(p, seq + 1)["findings"] = json!(["art28.contract_filing_late"]);
    });
    expect(&p, &[("hash_mismatch", seq), ("hash_mismatch", seq + 1)]);
}

#[test]
fn edited_snapshot_is_a_hash_mismatch_at_the_first_entry() {
    let p = tampered(|p| entry(p, 1)["snapshot"]["budget_yuan"] = json!("2000000.00"));
    expect(&p, &[("hash_mismatch", 1)]);
    let p = tampered(|p| {
        entry(p, 1).as_object_mut().unwrap().remove("snapshot");
    });
    expect(&p, &[("hash_mismatch", 1)]);
}

#[test]
fn an_edited_seq_is_one_hash_mismatch_not_a_cascade() {
    let p = tampered(|p| entry(p, 7)["seq"] = json!(70));
    expect(&p, &[("hash_mismatch", 7)]);
    assert!(message_of(&p, "hash_mismatch").contains("claims seq 70"));
}

#[test]
fn an_entry_edited_into_something_unreadable_is_reported_not_refused() {
    let mut seq = 0;
    let p = tampered(|p| {
        seq = seq_of(p, "file_contract");
        entry(p, seq)["event"]["type"] = json!("backdate_contract");
    });
    // apply and check cannot read such a record …
    let err = engine().apply_json(
        &p.to_string(),
        &ev(
            "report_progress",
            "2027-04-01",
            "construction_unit",
            json!({}),
        )
        .to_string(),
    );
    assert!(err.is_err());
    // … but verify judges it, and says why it cannot be read.
    expect(&p, &[("hash_mismatch", seq)]);
    let message = message_of(&p, "hash_mismatch");
    assert!(
        message.contains("backdate_contract")
            && message.contains(&format!("history[{}].event.type", seq - 1)),
        "{message}"
    );

    // Forged together with its hash: unreadable, but not edited after writing.
    let p = tampered(|p| {
        let e = entry(p, seq);
        e["event"]["type"] = json!("backdate_contract");
        rehash(e);
    });
    expect(&p, &[("entry_invalid", seq), ("chain_broken", seq + 1)]);

    // Not even an object.
    let p = tampered(|p| *entry(p, seq) = json!("deleted by admin"));
    expect(&p, &[("hash_mismatch", seq)]);
}

#[test]
fn a_snapshot_forged_with_its_hash_but_invalid_is_snapshot_invalid() {
    let p = tampered(|p| {
        let e = entry(p, 1);
        e["snapshot"]["budget_yuan"] = json!("-5");
        rehash(e);
    });
    expect(&p, &[("snapshot_invalid", 1), ("chain_broken", 2)]);
}

// ---- removed, inserted and reordered entries ----

#[test]
fn removing_the_first_entry_is_a_gap_at_1_and_a_broken_link_at_2() {
    let p = tampered(|p| {
        history(p).remove(0);
    });
    expect(&p, &[("seq_gap", 1), ("chain_broken", 2)]);
}

#[test]
fn removing_a_middle_entry_is_a_gap_there_and_a_broken_link_after_it() {
    let p = tampered(|p| {
        history(p).remove(4);
    });
    expect(&p, &[("seq_gap", 5), ("chain_broken", 6)]);
    let p = tampered(|p| {
        history(p).drain(9..12); // entries 10, 11, 12
    });
    expect(&p, &[("seq_gap", 10), ("chain_broken", 13)]);
    assert!(message_of(&p, "seq_gap").contains("Entries 10 to 12 are missing"));
}

#[test]
fn removing_the_last_entry_shows_in_the_record_it_left_behind() {
    // The long path ends with the post-evaluation: the record keeps its result.
    let p = tampered(|p| {
        history(p).pop();
    });
    expect(&p, &[("kernel_field_mismatch", 0)]);
    assert!(message_of(&p, "kernel_field_mismatch").contains("post_evaluation: good / —"));
    // The standard path ends with final acceptance: the state and fields disagree.
    let mut p = walk_to(&engine(), "operating");
    history(&mut p).pop();
    expect(&p, &[("state_mismatch", 0), ("kernel_field_mismatch", 0)]);
    let message = message_of(&p, "state_mismatch");
    assert!(
        message.contains("`operating`") && message.contains("`final_acceptance`"),
        "{message}"
    );
}

#[test]
fn removing_the_whole_history_is_detected() {
    let p = tampered(|p| {
        p.as_object_mut().unwrap().remove("history");
    });
    expect(&p, &[("state_mismatch", 0), ("kernel_field_mismatch", 0)]);
}

#[test]
fn an_inserted_forged_entry_is_detected() {
    // A forger copies the shape of a real entry, numbers it after entry 13,
    // links it to entry 13 and computes its hash: the genuine entry 14 now repeats its seq.
    let p = tampered(|p| {
        let mut forged = entry(p, 13).clone();
        forged["seq"] = json!(14);
        forged["event"] = ev(
            "report_progress",
            "2026-03-20",
            "construction_unit",
            json!({"spent_yuan": "900000.00"}),
        );
        forged["state_after"] = json!("implementing");
        forged["findings"] = json!([]);
        forged["prev"] = entry(p, 13)["hash"].clone();
        rehash(&mut forged);
        history(p).insert(13, forged);
    });
    expect(&p, &[("seq_not_increasing", 14)]);
    assert!(
        message_of(&p, "seq_not_increasing").contains("history[14] repeats seq 14 of history[13]")
    );

    // The same without a valid hash.
    let p = tampered(|p| {
        let mut forged = entry(p, 13).clone();
        forged["seq"] = json!(14);
        forged["event"]["data"]["spent_yuan"] = json!("1.00");
        history(p).insert(13, forged);
    });
    expect(&p, &[("hash_mismatch", 14), ("seq_not_increasing", 14)]);
}

#[test]
fn an_appended_entry_that_the_lifecycle_forbids_is_detected() {
    // Appended at the end with a correct link and hash: only replay can tell.
    let p = tampered(|p| {
        let last = history(p).last().unwrap().clone();
        let mut forged = json!({
            "seq": last["seq"].as_u64().unwrap() + 1,
            "event": ev("approve_budget", "2027-03-05", "finance", json!({})),
            "state_after": "budgeted",
            "findings": [],
            "prev": last["hash"].clone(),
        });
        rehash(&mut forged);
        history(p).push(forged);
    });
    expect(&p, &[("invalid_transition", 30)]);
}

#[test]
fn swapping_two_entries_is_one_order_problem() {
    let p = tampered(|p| history(p).swap(12, 13)); // entries 13 and 14
    expect(&p, &[("seq_not_increasing", 13)]);
    assert!(message_of(&p, "seq_not_increasing")
        .contains("Entry 13 (history[13]) is stored after entry 14"));
    // Moving one entry far away is still one problem.
    let p = tampered(|p| {
        let moved = history(p).remove(17);
        history(p).insert(2, moved);
    });
    expect(&p, &[("seq_not_increasing", 18)]);
}

// ---- the record against its history ----

#[test]
fn an_edited_state_is_a_state_mismatch() {
    let p = tampered(|p| p["state"] = json!("implementing"));
    expect(&p, &[("state_mismatch", 0)]);
}

#[test]
fn edited_documents_are_a_kernel_field_mismatch() {
    let p = tampered(|p| {
        p["documents"]
            .as_object_mut()
            .unwrap()
            .remove("acceptance_opinion");
    });
    expect(&p, &[("kernel_field_mismatch", 0)]);
    assert!(message_of(&p, "kernel_field_mismatch")
        .contains("documents.acceptance_opinion: — / 2026-12-01"));
    let p = tampered(|p| p["documents"]["feasibility_study"] = json!("2025-03-20"));
    expect(&p, &[("kernel_field_mismatch", 0)]);
}

#[test]
fn edited_milestones_are_a_kernel_field_mismatch() {
    let p = tampered(|p| p["milestones"]["contract_signed"] = json!("2025-10-09"));
    expect(&p, &[("kernel_field_mismatch", 0)]);
    assert!(message_of(&p, "kernel_field_mismatch")
        .contains("milestones.contract_signed: 2025-10-09 / 2025-10-16"));
}

#[test]
fn an_edited_baseline_is_a_kernel_field_mismatch() {
    let p = tampered(|p| p["baseline"]["budget_yuan"] = json!("3500000.00"));
    expect(&p, &[("kernel_field_mismatch", 0)]);
    // Raising both the budget and the baseline to hide it is two problems.
    let p = tampered(|p| {
        p["baseline"]["budget_yuan"] = json!("3500000.00");
        p["budget_yuan"] = json!("3500000.00");
    });
    expect(&p, &[("kernel_field_mismatch", 0), ("baseline_changed", 0)]);
}

#[test]
fn budget_changed_after_approval_without_a_change_is_baseline_changed() {
    let p = tampered(|p| p["budget_yuan"] = json!("3600000.00"));
    expect(&p, &[("baseline_changed", 0)]);
    let message = message_of(&p, "baseline_changed");
    assert!(
        message.contains("budget_yuan: 3,000,000.00 → 3,600,000.00") && message.contains("Art 33"),
        "{message}"
    );
    // The approved change moved planned_completion: the new date is the baseline.
    let p = tampered(|p| p["planned_completion"] = json!("2026-12-31"));
    expect(&p, &[("baseline_changed", 0)]);
    // Before approval the host may still edit its declared attributes.
    let mut p = walk_to(&engine(), "technical_approved");
    p["budget_yuan"] = json!("3600000.00");
    expect(&p, &[]);
}

#[test]
fn other_kernel_fields_are_checked_too() {
    for (key, value) in [
        ("contract", json!({"supplier": "某公司"})),
        ("rectification_orders", json!([])),
        ("sanctions", json!([])),
        ("self_evaluations", json!({"2026": "2027-01-16"})),
        ("attributes_digest", json!(GENESIS)),
        ("spent_yuan", json!("2100000")),
    ] {
        let p = tampered(|p| p[key] = value.clone());
        expect(&p, &[("kernel_field_mismatch", 0)]);
    }
}

// ---- forgers who recompute hashes ----

#[test]
fn a_rewritten_entry_with_a_recomputed_hash_breaks_the_next_link() {
    let mut seq = 0;
    let p = tampered(|p| {
        seq = seq_of(p, "award_bid");
        let e = entry(p, seq);
        e["event"]["data"]["supplier"] = json!("济宁某科技有限公司");
        rehash(e);
    });
    expect(&p, &[("chain_broken", seq + 1)]);
}

#[test]
fn a_rewritten_last_entry_with_a_recomputed_hash_is_caught_by_replay() {
    // Its data: the record still holds what really happened.
    let p = tampered(|p| {
        let e = history(p).last_mut().unwrap();
        e["event"]["data"]["result"] = json!("excellent");
        rehash(e);
    });
    expect(&p, &[("kernel_field_mismatch", 0)]);
    // Its state_after.
    let p = tampered(|p| {
        let e = history(p).last_mut().unwrap();
        e["state_after"] = json!("terminated");
        rehash(e);
    });
    expect(&p, &[("state_after_mismatch", 29)]);
    // Its actor: a post-evaluation by the construction unit itself (Art 36 wants a third party).
    let p = tampered(|p| {
        let e = history(p).last_mut().unwrap();
        e["event"]["actor"] = json!({"role": "construction_unit", "unit": UNIT});
        rehash(e);
    });
    expect(&p, &[("actor_not_permitted", 29)]);
    // Its date, moved before the entry before it.
    let p = tampered(|p| {
        let e = history(p).last_mut().unwrap();
        e["event"]["date"] = json!("2027-01-02");
        rehash(e);
    });
    expect(&p, &[("date_out_of_order", 29)]);
}

#[test]
fn a_first_entry_forged_without_a_snapshot_cannot_be_replayed() {
    let mut p = sample();
    p = apply_ok(&engine(), &p, &standard_path()[0].1);
    let e = entry(&mut p, 1);
    // The forger removes the snapshot and (format 2) its digest, then rehashes.
    e.as_object_mut().unwrap().remove("snapshot");
    e.as_object_mut().unwrap().remove("snapshot_sm3");
    rehash(e);
    expect(&p, &[("snapshot_missing", 1)]);
}

#[test]
fn a_full_rewrite_with_every_hash_recomputed_is_only_caught_by_an_anchor_kept_outside() {
    let original = long_record();
    let anchored = original["history"].as_array().unwrap().last().unwrap()["hash"].clone();
    // Rewrite the supplier from the award on, relinking and rehashing every entry after it,
    // and edit the record to match.
    let mut p = original.clone();
    let from = seq_of(&p, "award_bid") as usize - 1;
    history(&mut p)[from]["event"]["data"]["supplier"] = json!("济宁某科技有限公司");
    for i in from..history(&mut p).len() {
        if i > 0 {
            let prev = history(&mut p)[i - 1]["hash"].clone();
            history(&mut p)[i]["prev"] = prev;
        }
        rehash(&mut history(&mut p)[i]);
    }
    p["contract"]["supplier"] = json!("济宁某科技有限公司");
    // Internally consistent: verify cannot tell …
    expect(&p, &[]);
    // … but the latest hash no longer matches the one the OA audit log kept.
    let now = p["history"].as_array().unwrap().last().unwrap()["hash"].clone();
    assert_ne!(now, anchored);
}

// ---- replay ----

fn assert_replay_gives_back(project: &Value) {
    let typed = parse_project(project);
    let (rebuilt, problems) = replay(&typed, Locale::En);
    assert!(problems.is_empty(), "{problems:?}");
    let rebuilt = rebuilt.expect("replay starts from the first snapshot");
    assert_eq!(rebuilt.to_value(), *project);
    assert_eq!(rebuilt, typed);
}

#[test]
fn replay_from_the_first_snapshot_gives_back_the_same_record() {
    assert_replay_gives_back(&long_record());
    assert_replay_gives_back(&walk_to(&engine(), "operating"));
    assert_replay_gives_back(&walk_to(&engine(), "budgeted"));
}

#[test]
fn attributes_edited_in_draft_are_bound_by_a_new_snapshot_and_replayed() {
    let engine = engine();
    let path = standard_path();
    let mut p =
        sample_with(json!({"budget_yuan": "2500000.00", "security_budget_yuan": "150000.00"}));
    p = apply_ok(&engine, &p, &path[0].1); // submit_demand
    p = apply_ok(
        &engine,
        &p,
        &ev(
            "reject_demand_review",
            "2025-03-10",
            "big_data_center",
            json!({}),
        ),
    );
    // Back in draft the host raises the budget, then resubmits.
    p["budget_yuan"] = json!("3000000.00");
    p["security_budget_yuan"] = json!("180000.00");
    p = apply_ok(
        &engine,
        &p,
        &ev(
            "submit_demand",
            "2025-03-12",
            "construction_unit",
            json!({}),
        ),
    );
    let entries = p["history"].as_array().unwrap();
    assert_eq!(entries[2]["snapshot"]["budget_yuan"], "3000000.00");
    assert!(entries[1].get("snapshot").is_none());
    expect(&p, &[]);
    assert_replay_gives_back(&p);
}

#[test]
fn a_record_taken_over_mid_life_binds_its_origin_and_verifies() {
    // An OA system brings in a project already approved, with its documents on file.
    let engine = engine();
    let mut p = sample_with(json!({
        "state": "approved",
        "documents": {"party_committee_decision": "2025-02-10", "construction_plan": "2025-03-01"},
        "milestones": {"approved": "2025-05-06"},
        "baseline": {"goals": sample()["goals"], "location": sample()["location"], "content": sample()["content"],
                     "budget_yuan": "3000000.00", "planned_completion": "2026-12-31"},
    }));
    p = apply_ok(
        &engine,
        &p,
        &ev("approve_budget", "2025-06-03", "finance", json!({})),
    );
    let first = &p["history"][0];
    assert_eq!(first["origin"]["state"], "approved");
    assert_eq!(
        first["origin"]["documents"]["construction_plan"],
        "2025-03-01"
    );
    expect(&p, &[]);
    assert_replay_gives_back(&p);
    // Its origin is bound by the hash like everything else.
    let mut forged = p.clone();
    forged["history"][0]["origin"]["state"] = json!("budgeted");
    expect(&forged, &[("hash_mismatch", 1)]);
}

#[test]
fn numbers_and_unknown_data_keys_are_bound_exactly_as_received() {
    let engine = engine();
    let mut p = walk_to(&engine, "implementing");
    // The OA system's own keys in `data`, and money as a JSON number, are kept verbatim.
    let event: Value = serde_json::from_str(&format!(
        r#"{{"type": "report_progress", "date": "2026-03-02",
             "actor": {{"role": "construction_unit", "unit": "{UNIT}"}},
             "data": {{"spent_yuan": 1200000.50, "oa_ref": "OA-2026-0042", "pages": 1.0e1}}}}"#
    ))
    .unwrap();
    p = apply_ok(&engine, &p, &event);
    let last = p["history"].as_array().unwrap().last().unwrap().clone();
    let text = p.to_string();
    assert!(
        text.contains("\"spent_yuan\":1200000.50") && text.contains("\"pages\":1.0e+1"),
        "{text}"
    );
    assert_eq!(last["event"]["data"]["oa_ref"], "OA-2026-0042");
    expect(&p, &[]);
    // 1200000.50 and 1200000.5 are the same amount but not the same record.
    let mut edited = p.clone();
    let n = edited["history"].as_array().unwrap().len();
    edited["history"][n - 1]["event"]["data"]["spent_yuan"] =
        serde_json::from_str("1200000.5").unwrap();
    expect(&edited, &[("hash_mismatch", n as u64)]);
}

#[test]
fn problems_are_localised_with_english_alongside() {
    let p = tampered(|p| p["state"] = json!("implementing"));
    let out = engine().verify_json(&p.to_string()).unwrap();
    let report: Value = serde_json::from_str(&out).unwrap();
    let problem = &report["problems"][0];
    assert!(
        problem["message"].as_str().unwrap().contains("记录的状态"),
        "{problem:#}"
    );
    assert!(
        problem["message_en"]
            .as_str()
            .unwrap()
            .contains("The record says state"),
        "{problem:#}"
    );
}

// ---- the worked example of docs/history.md ----

/// The text of the fenced block that follows `marker` in the document.
fn block_after<'a>(doc: &'a str, marker: &str) -> &'a str {
    let at = doc
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in docs/history.md"));
    let rest = &doc[at..];
    let open = rest.find("```").unwrap();
    let body = &rest[open..];
    let body = &body[body.find('\n').unwrap() + 1..];
    body[..body.find("```").unwrap()].trim_end_matches('\n')
}

#[test]
fn the_worked_example_in_the_docs_is_what_the_kernel_produces() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/history.md")).unwrap();
    let before: Value = serde_json::from_str(block_after(&doc, "<!-- example:before -->")).unwrap();
    let event: Value = serde_json::from_str(block_after(&doc, "<!-- example:event -->")).unwrap();
    let entry: Value = serde_json::from_str(block_after(&doc, "<!-- example:entry -->")).unwrap();
    let canonical = block_after(&doc, "<!-- example:canonical -->");
    let snapshot = block_after(&doc, "<!-- example:snapshot -->");
    let hash = block_after(&doc, "<!-- example:hash -->");

    let after = apply_ok(&engine(), &before, &event);
    assert_eq!(
        after["history"][0], entry,
        "update the example in docs/history.md"
    );
    assert_eq!(
        canonical_object_without(entry.as_object().unwrap(), &["hash", "snapshot"]),
        canonical
    );
    assert_eq!(sm3_hex(canonical.as_bytes()), hash);
    assert_eq!(entry["hash"], hash);
    assert_eq!(canonical_json(&entry["snapshot"]), snapshot);
    assert_eq!(entry["snapshot_sm3"], sm3_hex(snapshot.as_bytes()));
    assert_eq!(after["attributes_digest"], entry["snapshot_sm3"]);
    // Stored as its canonical form.
    let stored = after["history"][0].to_string();
    assert_eq!(
        canonical_json(&serde_json::from_str(&stored).unwrap()),
        stored
    );
    expect(&after, &[]);
}

#[test]
fn badly_damaged_histories_are_judged_without_failing() {
    let original = long_record();
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Edit)> = vec![
        ("reversed", Box::new(|p| history(p).reverse())),
        (
            "seq 0",
            Box::new(|p| {
                let e = entry(p, 1);
                e["seq"] = json!(0);
                rehash(e);
            }),
        ),
        (
            "seq u64::MAX",
            Box::new(|p| {
                let e = entry(p, 3);
                e["seq"] = json!(u64::MAX);
                rehash(e);
            }),
        ),
        (
            "non-objects",
            Box::new(|p| {
                history(p)[2] = json!(null);
                history(p)[5] = json!([1, 2]);
                history(p)[8] = json!(7);
            }),
        ),
        (
            "all duplicated",
            Box::new(|p| {
                let copy = history(p).clone();
                history(p).extend(copy);
            }),
        ),
        (
            "hash missing",
            Box::new(|p| {
                entry(p, 4).as_object_mut().unwrap().remove("hash");
            }),
        ),
        ("history empty list", Box::new(|p| p["history"] = json!([]))),
    ];
    for (name, edit) in cases {
        let mut p = original.clone();
        edit(&mut p);
        let report = verify_doc(&p);
        assert_eq!(report["valid"], false, "{name}: {report:#}");
    }
    // Not a list at all: the record has no readable history, an input error naming it.
    let mut p = original.clone();
    p["history"] = json!({"1": {}});
    let err = engine().verify_json(&p.to_string()).unwrap_err();
    assert_eq!(err.path.as_deref(), Some("$.history"));
}
