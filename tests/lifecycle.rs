//! The lifecycle (CONTRACT §4): every transition from every state, every event × role,
//! the acting unit, the order of dates, scope (Art 2), no construction before 立项
//! (Art 44), entry into force (Art 47), emergencies (Art 17), suspension, termination,
//! and `allowed_events`.
//!
//! Records are built directly in the state a case needs (the kernel does not verify
//! history in `apply`), with the documents and data each event's content rules ask for,
//! so that what is judged here is the structure. Refusals assert the structural rule
//! that refused; "allowed" asserts that no structural rule fired.
mod support;

use serde_json::{json, Value};
use support::*;

const STATES: &[&str] = &[
    "draft",
    "demand_review",
    "demand_approved",
    "technical_review",
    "technical_approved",
    "approved",
    "budgeted",
    "procuring",
    "awarded",
    "contracted",
    "implementing",
    "change_review",
    "preliminary_accepted",
    "final_acceptance",
    "rectifying",
    "operating",
    "suspended",
    "terminated",
];

const BEFORE_APPROVAL: &[&str] = &[
    "draft",
    "demand_review",
    "demand_approved",
    "technical_review",
    "technical_approved",
];

/// approved … rectifying: the states `suspend` starts from.
const CONSTRUCTION: &[&str] = &[
    "approved",
    "budgeted",
    "procuring",
    "awarded",
    "contracted",
    "implementing",
    "change_review",
    "preliminary_accepted",
    "final_acceptance",
    "rectifying",
];

const ROLES: &[&str] = &[
    "construction_unit",
    "big_data_center",
    "finance",
    "audit",
    "admin_approval",
    "cyberspace",
    "cryptography",
    "third_party",
];

/// Structural rules: who may do what, when, in what order, in scope, in force.
const STRUCTURAL: &[&str] = &[
    "lifecycle.",
    "auth.",
    "art44.",
    "art22.",
    "art16.",
    "art02.",
];

const CU: &[&str] = &["construction_unit"];
const BDC: &[&str] = &["big_data_center"];
/// 项目审批部门 (Art 33, 41): the centre (the approval bureau only for construction-attached projects).
const APPROVING: &[&str] = &["big_data_center"];
/// Final acceptance: the centre (the construction unit only once delegated, Art 34).
const ACCEPTING: &[&str] = &["big_data_center"];
/// Who orders and confirms rectifications (Art 41, 42).
const SUPERVISORS: &[&str] = &[
    "big_data_center",
    "finance",
    "cyberspace",
    "cryptography",
    "audit",
];

/// Where an event starts from.
#[derive(Clone, Copy)]
enum Src {
    States(&'static [&'static str]),
    AnyNonTerminal,
    Construction,
}

/// Where it leads: a state, unchanged, or (for `resume`) the state before suspension.
#[derive(Clone, Copy)]
enum To {
    State(&'static str),
    Unchanged,
    BeforeSuspension,
    /// `approve_change` / `reject_change`: the state the request came from.
    BeforeChange,
}

struct Row {
    event: &'static str,
    from: Src,
    to: To,
    roles: &'static [&'static str],
    data: fn() -> Value,
}

impl Row {
    fn starts_from(&self, state: &str) -> bool {
        match self.from {
            Src::States(list) => list.contains(&state),
            Src::AnyNonTerminal => state != "terminated",
            Src::Construction => CONSTRUCTION.contains(&state),
        }
    }

    fn target(&self, state: &str) -> &'static str {
        match self.to {
            To::State(s) => s,
            To::Unchanged => STATES.iter().find(|s| **s == state).unwrap(),
            To::BeforeSuspension => "implementing",
            To::BeforeChange => "implementing",
        }
    }

    /// The first role the contract permits.
    fn role(&self) -> &'static str {
        self.roles[0]
    }

    fn event(&self, date: &str) -> Value {
        ev(self.event, date, self.role(), (self.data)())
    }
}

/// The transition table of CONTRACT §4, written out from the contract, with the data
/// each event needs so that content rules are satisfied.
fn table() -> Vec<Row> {
    use Src::*;
    use To::*;
    let r = |event, from, to, roles, data| Row {
        event,
        from,
        to,
        roles,
        data,
    };
    vec![
        r(
            "submit_demand",
            States(&["draft"]),
            State("demand_review"),
            CU,
            || json!({"documents": ["party_committee_decision"]}),
        ),
        r(
            "pass_demand_review",
            States(&["demand_review"]),
            State("demand_approved"),
            BDC,
            || json!({"documents": ["review_opinion"]}),
        ),
        r(
            "reject_demand_review",
            States(&["demand_review"]),
            State("draft"),
            BDC,
            || json!({"documents": ["review_opinion"]}),
        ),
        r(
            "submit_technical",
            States(&["demand_approved"]),
            State("technical_review"),
            CU,
            || json!({"documents": ["construction_plan", "crypto_plan", "secure_reliable_statement", "data_sharing_plan"]}),
        ),
        r(
            "pass_technical_review",
            States(&["technical_review"]),
            State("technical_approved"),
            BDC,
            || json!({"documents": ["review_opinion"]}),
        ),
        r(
            "reject_technical_review",
            States(&["technical_review"]),
            State("demand_approved"),
            BDC,
            || json!({"documents": ["review_opinion"]}),
        ),
        r(
            "approve",
            States(&["technical_approved"]),
            State("approved"),
            BDC,
            || json!({}),
        ),
        r(
            "file_higher_level",
            States(&["draft"]),
            State("approved"),
            CU,
            || json!({}),
        ),
        r(
            "approve_budget",
            States(&["approved"]),
            State("budgeted"),
            &["finance"],
            || json!({"copied_to_big_data_center": true}),
        ),
        r(
            "file_responsibility_letter",
            States(&["budgeted"]),
            Unchanged,
            CU,
            || json!({"documents": ["responsibility_letter"]}),
        ),
        r(
            "start_procurement",
            States(&["budgeted"]),
            State("procuring"),
            CU,
            || json!({"method": "public_tender"}),
        ),
        r(
            "award_bid",
            States(&["procuring"]),
            State("awarded"),
            CU,
            || json!({"notice_date": "2025-06-02", "supplier": "山东浪潮数字政府有限公司"}),
        ),
        r(
            "sign_contract",
            States(&["awarded"]),
            State("contracted"),
            CU,
            || {
                json!({
                    "clauses": ["name", "subject_scope", "performance_plan", "confidentiality", "result_ownership", "acceptance_criteria", "glossary", "ip_ownership", "data_ownership", "ip_liability", "implementation_period", "warranty_terms"],
                    "legal_review": true, "legal_counsel": "山东孔孟律师事务所", "implementation_months": 12, "warranty_months": 24
                })
            },
        ),
        r(
            "file_contract",
            States(&["contracted"]),
            Unchanged,
            CU,
            || json!({}),
        ),
        r(
            "start_implementation",
            States(&["contracted"]),
            State("implementing"),
            CU,
            || json!({"implementing_agency": "曲阜市文化和旅游局信息中心", "responsible_person": "孔令华"}),
        ),
        r(
            "request_change",
            States(&[
                "approved",
                "budgeted",
                "procuring",
                "awarded",
                "contracted",
                "implementing",
                "preliminary_accepted",
            ]),
            State("change_review"),
            CU,
            || json!({"aspects": ["location"], "proposed": {"location": "曲阜市政务云（二期）"}}),
        ),
        r(
            "approve_change",
            States(&["change_review"]),
            BeforeChange,
            APPROVING,
            || json!({}),
        ),
        r(
            "reject_change",
            States(&["change_review"]),
            BeforeChange,
            APPROVING,
            || json!({}),
        ),
        r(
            "report_progress",
            States(&["implementing"]),
            Unchanged,
            CU,
            || json!({"spent_yuan": "100000.00"}),
        ),
        r(
            "request_extension",
            States(&["implementing", "preliminary_accepted"]),
            Unchanged,
            CU,
            || json!({"new_deadline": "2027-06-30"}),
        ),
        r(
            "approve_extension",
            States(&["implementing", "preliminary_accepted"]),
            Unchanged,
            BDC,
            || json!({"new_deadline": "2027-06-30"}),
        ),
        r(
            "reject_extension",
            States(&["implementing", "preliminary_accepted"]),
            Unchanged,
            BDC,
            || json!({}),
        ),
        r(
            "pass_preliminary_acceptance",
            States(&["implementing"]),
            State("preliminary_accepted"),
            CU,
            || json!({"documents": ["mlps_filing"]}),
        ),
        r(
            "apply_final_acceptance",
            States(&["preliminary_accepted"]),
            State("final_acceptance"),
            CU,
            || json!({}),
        ),
        r(
            "delegate_final_acceptance",
            States(&["preliminary_accepted", "final_acceptance"]),
            Unchanged,
            BDC,
            || json!({}),
        ),
        r(
            "pass_final_acceptance",
            States(&["final_acceptance"]),
            State("operating"),
            ACCEPTING,
            || json!({"actual_cost_yuan": "3000000.00", "documents": ["acceptance_opinion"]}),
        ),
        r(
            "fail_final_acceptance",
            States(&["final_acceptance"]),
            State("rectifying"),
            ACCEPTING,
            || json!({"rectification_deadline": "2025-09-01"}),
        ),
        r(
            "resubmit_final_acceptance",
            States(&["rectifying"]),
            State("final_acceptance"),
            CU,
            || json!({"documents": ["rectification_plan"]}),
        ),
        r(
            "submit_self_evaluation",
            States(&["operating"]),
            Unchanged,
            CU,
            || json!({"year": 2025, "documents": ["self_evaluation_report"]}),
        ),
        r(
            "commission_post_evaluation",
            States(&["operating"]),
            Unchanged,
            BDC,
            || json!({"evaluator": "山东省软件评测中心"}),
        ),
        r(
            "complete_post_evaluation",
            States(&["operating"]),
            Unchanged,
            &["third_party"],
            || json!({"result": "good"}),
        ),
        r(
            "record_assessment",
            AnyNonTerminal,
            Unchanged,
            CU,
            || json!({"kind": "crypto_assessment", "documents": ["crypto_assessment"]}),
        ),
        r(
            "request_om_funding",
            States(&["operating"]),
            Unchanged,
            CU,
            || json!({"year": 2025, "data_shared": true, "unified_infrastructure": true, "crypto_compliant": true, "security_compliant": true, "major_security_risk": false}),
        ),
        r(
            "order_rectification",
            AnyNonTerminal,
            Unchanged,
            SUPERVISORS,
            || json!({"order_id": "R9", "issues": ["未按期报送建设进展"], "deadline": "2025-12-31"}),
        ),
        r(
            "complete_rectification",
            AnyNonTerminal,
            Unchanged,
            CU,
            || json!({"order_id": "R0"}),
        ),
        r(
            "confirm_rectification",
            AnyNonTerminal,
            Unchanged,
            SUPERVISORS,
            || json!({"order_id": "R1", "compliant": true}),
        ),
        r("notify_criticism", AnyNonTerminal, Unchanged, BDC, || {
            json!({})
        }),
        r("defer_investment", AnyNonTerminal, Unchanged, BDC, || {
            json!({})
        }),
        r("suspend", Construction, State("suspended"), BDC, || {
            json!({})
        }),
        r(
            "resume",
            States(&["suspended"]),
            BeforeSuspension,
            BDC,
            || json!({}),
        ),
        r(
            "terminate",
            AnyNonTerminal,
            State("terminated"),
            BDC,
            || json!({}),
        ),
    ]
}

fn row(event: &str) -> Row {
    table()
        .into_iter()
        .find(|r| r.event == event)
        .unwrap_or_else(|| panic!("no row {event}"))
}

/// Event date used throughout: after every date on file below.
const DATE: &str = "2025-06-02";

/// A record in `state` with everything on file that content rules may look for:
/// documents, a filed contract, a progress report, an approved baseline, and an
/// overdue rectification order (grounds for Art 41 sanctions).
fn record(state: &str) -> Value {
    sample_with(json!({
        "state": state,
        "documents": {
            "party_committee_decision": "2025-01-02",
            "construction_plan": "2025-01-02",
            "crypto_plan": "2025-01-02",
            "secure_reliable_statement": "2025-01-02",
            "data_sharing_plan": "2025-01-02",
            "review_opinion": "2025-01-02",
            "responsibility_letter": "2025-01-02",
            "crypto_assessment": "2025-01-02",
            "mlps_filing": "2025-01-02",
            "risk_assessment": "2025-01-02",
            "acceptance_opinion": "2025-01-02",
            "rectification_plan": "2025-01-02"
        },
        "milestones": {"contract_filed": "2025-01-03"},
        "progress_reports": ["2025-01-04"],
        "baseline": {
            "goals": sample()["goals"],
            "location": sample()["location"],
            "content": sample()["content"],
            "budget_yuan": "3000000.00",
            "planned_completion": "2026-12-31"
        },
        "rectification_orders": [
            {"order_id": "R0", "issued_by": "big_data_center", "issued": "2025-01-05", "issues": ["逾期未整改"], "deadline": "2025-01-20"},
            {"order_id": "R1", "issued_by": "big_data_center", "issued": "2025-01-05", "issues": ["未按期备案"], "deadline": "2025-03-20", "completed": "2025-03-01"}
        ]
    }))
}

/// `record(state)` with the attributes an event's guard asks for.
fn record_for(event: &str, state: &str) -> Value {
    let mut r = record(state);
    if event == "file_higher_level" {
        merge(&mut r, json!({"higher_level": "provincial"}));
    }
    if state == "suspended" {
        merge(&mut r, json!({"resume_state": "implementing"}));
    }
    r
}

fn structural(result: &Value) -> Vec<String> {
    rule_ids(result)
        .into_iter()
        .filter(|id| STRUCTURAL.iter().any(|p| id.starts_with(p)))
        .collect()
}

/// The event was not refused by any structural rule; if accepted, it led to `target`.
fn assert_allowed(result: &Value, target: &str, what: &str) {
    assert_eq!(
        structural(result),
        Vec::<String>::new(),
        "{what}: {:#}",
        result["findings"]
    );
    if result["accepted"] == true {
        assert_eq!(result["state_after"], target, "{what}");
        assert_eq!(result["project"]["state"], target, "{what}");
    }
}

/// The event was refused by `rule` (a block), and the record came back as received.
fn assert_refused(result: &Value, input: &Value, rule: &str, what: &str) {
    assert_eq!(result["accepted"], false, "{what}: accepted");
    assert!(
        has_rule(result, rule),
        "{what}: no {rule} in {:#}",
        result["findings"]
    );
    assert_eq!(finding(result, rule)["severity"], "block", "{what}");
    assert_eq!(result["state_after"], result["state_before"], "{what}");
    assert_eq!(
        &result["project"], input,
        "{what}: a refused event changed the record"
    );
}

// ---------------------------------------------------------------------------
// Every transition from every state
// ---------------------------------------------------------------------------

#[test]
fn table_covers_every_event_of_the_contract() {
    let events: Vec<&str> = table().iter().map(|r| r.event).collect();
    let all: Vec<&str> = govit::model::EventType::ALL
        .iter()
        .map(|e| e.as_str())
        .collect();
    assert_eq!(events, all);
    // And the kernel's own table lists them in the same order (docs and `rules` read it).
    let kernel: Vec<&str> = govit::lifecycle::TRANSITIONS
        .iter()
        .map(|t| t.event.as_str())
        .collect();
    assert_eq!(kernel, all);
}

#[test]
fn every_transition_is_allowed_from_its_source_states_and_refused_from_every_other() {
    let engine = engine();
    let mut allowed = 0;
    let mut accepted = 0;
    for row in table() {
        for state in STATES {
            let input = record_for(row.event, state);
            let event = row.event(DATE);
            let result = apply(&engine, &input, &event);
            let what = format!("{} from {state}", row.event);
            assert_eq!(result["state_before"], *state, "{what}");
            if row.starts_from(state) {
                assert_allowed(&result, row.target(state), &what);
                allowed += 1;
                if result["accepted"] == true {
                    accepted += 1;
                    let history = result["project"]["history"].as_array().unwrap();
                    assert_eq!(history.len(), 1, "{what}");
                    assert_eq!(history[0]["event"], event, "{what}");
                }
            } else {
                let expected = if BEFORE_APPROVAL.contains(state)
                    && [
                        "start_procurement",
                        "award_bid",
                        "sign_contract",
                        "file_contract",
                        "start_implementation",
                    ]
                    .contains(&row.event)
                {
                    // Art 44: 未经立项的政务信息化项目一律不准建设.
                    "art44.not_approved"
                } else if BEFORE_APPROVAL.contains(state) && row.event == "approve_budget" {
                    // Art 22: 未纳入项目库的项目一律不安排年度预算.
                    "art22.not_in_library"
                } else {
                    "lifecycle.invalid_transition"
                };
                assert_refused(&result, &input, expected, &what);
                if expected != "lifecycle.invalid_transition" {
                    assert!(
                        !has_rule(&result, "lifecycle.invalid_transition"),
                        "{what}: both {expected} and invalid_transition"
                    );
                }
            }
        }
    }
    // 41 events; the source states of each, counted from the contract.
    assert_eq!(allowed, 172);
    // Content rules exist: most allowed events must actually be accepted with this data.
    assert!(
        accepted * 10 >= allowed * 9,
        "only {accepted} of {allowed} allowed events were accepted"
    );
}

#[test]
fn invalid_transition_names_the_states_it_is_allowed_from() {
    let result = apply(
        &engine_en(),
        &record("draft"),
        &row("pass_demand_review").event(DATE),
    );
    let f = finding(&result, "lifecycle.invalid_transition");
    assert_eq!(f["article"], Value::Null);
    assert!(
        f.get("citation").is_none() || f["citation"].is_null(),
        "{f}"
    );
    let msg = f["message"].as_str().unwrap();
    assert!(
        msg.contains("draft") && msg.contains("demand_review"),
        "{msg}"
    );
}

#[test]
fn construction_before_approval_cites_art44_and_budget_before_approval_cites_art22() {
    let engine = engine();
    let r = apply(
        &engine,
        &record("technical_approved"),
        &row("start_procurement").event(DATE),
    );
    let f = finding(&r, "art44.not_approved");
    assert_eq!(f["article"], 44);
    assert_eq!(
        f["citation"],
        "《曲阜市政务信息化项目建设管理办法》第四十四条"
    );
    let r = apply(
        &engine,
        &record("draft"),
        &row("approve_budget").event(DATE),
    );
    let f = finding(&r, "art22.not_in_library");
    assert_eq!(f["article"], 22);
    // After 立项 but in the wrong state, it is a plain invalid transition.
    let r = apply(
        &engine,
        &record("operating"),
        &row("start_procurement").event(DATE),
    );
    assert!(has_rule(&r, "lifecycle.invalid_transition"));
    assert!(!has_rule(&r, "art44.not_approved"));
    let r = apply(
        &engine,
        &record("budgeted"),
        &row("approve_budget").event(DATE),
    );
    assert!(has_rule(&r, "lifecycle.invalid_transition"));
    assert!(!has_rule(&r, "art22.not_in_library"));
}

#[test]
fn the_standard_path_reaches_each_state_the_contract_names() {
    let engine = engine();
    let mut project = sample();
    for (expected, event) in standard_path() {
        let r = apply(&engine, &project, &event);
        assert_eq!(
            r["accepted"], true,
            "{}: {:#}",
            event["type"], r["findings"]
        );
        assert_eq!(r["state_after"], expected);
        let history = r["project"]["history"].as_array().unwrap();
        assert_eq!(history.last().unwrap()["event"], event);
        assert_eq!(history.last().unwrap()["state_after"], expected);
        project = r["project"].clone();
    }
}

// ---------------------------------------------------------------------------
// Every event × role
// ---------------------------------------------------------------------------

fn actor(role: &str) -> Value {
    role_unit(role)
}

#[test]
fn every_event_by_every_role() {
    let engine = engine();
    for row in table() {
        let state = match row.from {
            Src::States(list) => list[0],
            Src::AnyNonTerminal | Src::Construction => "implementing",
        };
        for role in ROLES {
            let input = record_for(row.event, state);
            let mut event = row.event(DATE);
            event["actor"] = actor(role);
            let result = apply(&engine, &input, &event);
            let what = format!("{} by {role}", row.event);
            let permitted = row.roles.contains(role);
            if row.event == "approve" {
                // Art 16 decides who grants 立项, not the generic role check.
                assert!(!has_rule(&result, "auth.role_not_permitted"), "{what}");
                if permitted {
                    assert_allowed(&result, "approved", &what);
                } else {
                    assert_refused(&result, &input, "art16.approval_authority", &what);
                }
            } else if permitted {
                assert_allowed(&result, row.target(state), &what);
            } else if row.event.ends_with("_final_acceptance")
                && row.event != "delegate_final_acceptance"
                && *role == "construction_unit"
            {
                // Not delegated (Art 34): refused, by the role check or Art 34's rule.
                assert_eq!(result["accepted"], false, "{what}");
                assert_eq!(result["project"], input, "{what}");
            } else {
                assert_refused(&result, &input, "auth.role_not_permitted", &what);
                assert!(!has_rule(&result, "art16.approval_authority"), "{what}");
            }
        }
    }
}

#[test]
fn role_not_permitted_names_the_permitted_roles() {
    let r = apply(
        &engine_en(),
        &record("approved"),
        &ev("approve_budget", DATE, "big_data_center", json!({})),
    );
    let f = finding(&r, "auth.role_not_permitted");
    assert_eq!(f["severity"], "block");
    assert_eq!(f["article"], Value::Null);
    assert!(f["message"].as_str().unwrap().contains("finance"), "{f}");
}

#[test]
fn approve_by_admin_approval_only_for_construction_attached_projects_copied_to_the_centre() {
    let engine = engine();
    let event = |copied: bool| {
        ev(
            "approve",
            DATE,
            "admin_approval",
            if copied {
                json!({"copied_to_big_data_center": true})
            } else {
                json!({})
            },
        )
    };
    let plain = record("technical_approved");
    let mut attached = record("technical_approved");
    merge(&mut attached, json!({"attached_to_construction": true}));
    // Not attached to a construction project: refused, copied or not.
    for copied in [false, true] {
        let r = apply(&engine, &plain, &event(copied));
        assert_refused(
            &r,
            &plain,
            "art16.approval_authority",
            "admin_approval, not attached",
        );
    }
    // Attached but not copied: refused.
    let r = apply(&engine, &attached, &event(false));
    assert_refused(
        &r,
        &attached,
        "art16.approval_authority",
        "attached, not copied",
    );
    // Attached and copied: 立项.
    let r = apply(&engine, &attached, &event(true));
    assert_allowed(&r, "approved", "attached and copied");
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    // The big-data centre approves either kind.
    let r = apply(
        &engine,
        &attached,
        &ev("approve", DATE, "big_data_center", json!({})),
    );
    assert_allowed(&r, "approved", "bdc, attached");
}

#[test]
fn final_acceptance_by_the_construction_unit_only_after_the_centre_delegates_it() {
    let engine = engine();
    let input = record("final_acceptance");
    let by_unit = |kind: &str, delegated: Option<bool>| {
        let mut e = row(kind).event(DATE);
        e["actor"] = role_unit("construction_unit");
        if let Some(v) = delegated {
            e["data"]["delegated"] = json!(v);
        }
        e
    };
    // Art 34: the unit's own `delegated` is no 委托, whatever it says.
    for kind in ["pass_final_acceptance", "fail_final_acceptance"] {
        for delegated in [None, Some(false), Some(true)] {
            let r = apply(&engine, &input, &by_unit(kind, delegated));
            assert_eq!(r["accepted"], false, "{kind} {delegated:?}");
            assert_eq!(r["project"], input, "{kind} {delegated:?}");
        }
    }
    // The centre delegates; then the construction unit passes or fails it.
    let delegated = apply_ok(
        &engine,
        &input,
        &ev(
            "delegate_final_acceptance",
            DATE,
            "big_data_center",
            json!({}),
        ),
    );
    assert_eq!(delegated["milestones"]["final_acceptance_delegated"], DATE);
    let r = apply(&engine, &delegated, &by_unit("pass_final_acceptance", None));
    assert_allowed(&r, "operating", "construction unit, delegated");
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    let r = apply(&engine, &delegated, &by_unit("fail_final_acceptance", None));
    assert_allowed(&r, "rectifying", "construction unit fails, delegated");
    // Only the centre delegates.
    let r = apply(
        &engine,
        &input,
        &ev(
            "delegate_final_acceptance",
            DATE,
            "construction_unit",
            json!({}),
        ),
    );
    assert_refused(&r, &input, "auth.role_not_permitted", "self-delegation");
    // Delegation is the construction unit's: other roles stay refused.
    let mut e = row("pass_final_acceptance").event(DATE);
    e["actor"] = role_unit("finance");
    let r = apply(&engine, &delegated, &e);
    assert_refused(
        &r,
        &delegated,
        "auth.role_not_permitted",
        "finance, delegated",
    );
    // A delegated construction unit must still be the project's own.
    let mut e = by_unit("pass_final_acceptance", None);
    e["actor"]["unit"] = json!("曲阜市教育和体育局");
    let r = apply(&engine, &delegated, &e);
    assert_refused(
        &r,
        &delegated,
        "auth.unit_mismatch",
        "delegated, other unit",
    );
}

// ---------------------------------------------------------------------------
// The acting unit
// ---------------------------------------------------------------------------

fn submit_demand_as(unit: Option<&str>) -> Value {
    let mut e = row("submit_demand").event(DATE);
    match unit {
        Some(u) => e["actor"]["unit"] = json!(u),
        None => {
            e["actor"].as_object_mut().unwrap().remove("unit");
        }
    }
    e
}

#[test]
fn a_construction_unit_acts_only_for_its_own_project() {
    let engine = engine();
    let input = record("draft");
    for unit in [
        Some("曲阜市教育和体育局"),
        Some(""),
        Some("曲阜市文化和旅游局 "),
        None,
    ] {
        let r = apply(&engine, &input, &submit_demand_as(unit));
        assert_refused(&r, &input, "auth.unit_mismatch", &format!("{unit:?}"));
    }
    let r = apply(&engine, &input, &submit_demand_as(Some(UNIT)));
    assert_allowed(&r, "demand_review", "own unit");
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    // Every event of the construction unit is checked, not just the first.
    for row in table()
        .iter()
        .filter(|r| r.roles.contains(&"construction_unit"))
    {
        let state = match row.from {
            Src::States(list) => list[0],
            _ => "implementing",
        };
        let input = record_for(row.event, state);
        let mut e = row.event(DATE);
        e["actor"] = json!({"role": "construction_unit", "unit": "曲阜市教育和体育局"});
        let r = apply(&engine, &input, &e);
        assert_refused(&r, &input, "auth.unit_mismatch", row.event);
    }
}

#[test]
fn other_roles_act_whatever_unit_they_name() {
    let engine = engine();
    let input = record("demand_review");
    for unit in [None, Some("曲阜市大数据中心"), Some("whatever")] {
        let mut e = row("pass_demand_review").event(DATE);
        if let Some(u) = unit {
            e["actor"]["unit"] = json!(u);
        }
        let r = apply(&engine, &input, &e);
        assert_allowed(&r, "demand_approved", &format!("{unit:?}"));
    }
}

#[test]
fn a_cross_department_project_is_acted_for_by_its_lead_department() {
    let engine = engine();
    let lead = "曲阜市大数据中心";
    let cross = sample_with(json!({
        "cross_department": true,
        "lead_department": lead,
        "co_departments": [UNIT, "曲阜市教育和体育局"],
        "documents": {"party_committee_decision": "2025-01-02", "overall_plan": "2025-01-02"}
    }));
    // Art 15: the lead department acts.
    let r = apply(&engine, &cross, &submit_demand_as(Some(lead)));
    assert_allowed(&r, "demand_review", "lead department");
    // A co-department does not.
    let r = apply(
        &engine,
        &cross,
        &submit_demand_as(Some("曲阜市教育和体育局")),
    );
    assert_refused(&r, &cross, "auth.unit_mismatch", "co-department");
    // Nor does the owner unit when another department leads (the lead takes its place).
    let r = apply(&engine, &cross, &submit_demand_as(Some(UNIT)));
    assert_refused(&r, &cross, "auth.unit_mismatch", "owner, not lead");
    let f = finding(
        &apply(&engine_en(), &cross, &submit_demand_as(Some(UNIT))),
        "auth.unit_mismatch",
    )
    .clone();
    assert!(f["message"].as_str().unwrap().contains(lead), "{f}");
    // Cross-department without a lead department: the owner unit acts.
    let no_lead = sample_with(json!({"cross_department": true}));
    let r = apply(&engine, &no_lead, &submit_demand_as(Some(UNIT)));
    assert!(!has_rule(&r, "auth.unit_mismatch"), "{:#}", r["findings"]);
    // A blank lead department is no lead department: a blank unit does not match it.
    let blank_lead = sample_with(json!({"cross_department": true, "lead_department": " "}));
    let r = apply(&engine, &blank_lead, &submit_demand_as(Some(" ")));
    assert_refused(
        &r,
        &blank_lead,
        "auth.unit_mismatch",
        "blank unit, blank lead",
    );
    let r = apply(&engine, &blank_lead, &submit_demand_as(Some(UNIT)));
    assert!(!has_rule(&r, "auth.unit_mismatch"), "{:#}", r["findings"]);
    // A lead department on a project that is not cross-department changes nothing.
    let not_cross = sample_with(json!({"cross_department": false, "lead_department": lead}));
    let r = apply(&engine, &not_cross, &submit_demand_as(Some(UNIT)));
    assert!(!has_rule(&r, "auth.unit_mismatch"), "{:#}", r["findings"]);
    let r = apply(&engine, &not_cross, &submit_demand_as(Some(lead)));
    assert_refused(
        &r,
        &not_cross,
        "auth.unit_mismatch",
        "lead of a non-cross project",
    );
}

// ---------------------------------------------------------------------------
// Order of dates
// ---------------------------------------------------------------------------

#[test]
fn an_event_dated_before_the_last_one_is_refused_and_the_same_date_is_fine() {
    let engine = engine();
    let first = row("submit_demand").event("2025-03-03");
    let project = apply_ok(&engine, &record("draft"), &first);
    let r = apply(
        &engine,
        &project,
        &row("pass_demand_review").event("2025-03-02"),
    );
    assert_refused(
        &r,
        &project,
        "lifecycle.date_out_of_order",
        "one day earlier",
    );
    let msg = finding(&r, "lifecycle.date_out_of_order")["message_en"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        msg.contains("2025-03-02") && msg.contains("2025-03-03"),
        "{msg}"
    );
    let r = apply(
        &engine,
        &project,
        &row("pass_demand_review").event("2024-12-31"),
    );
    assert_refused(
        &r,
        &project,
        "lifecycle.date_out_of_order",
        "a year earlier",
    );
    // The same day is in order.
    let r = apply(
        &engine,
        &project,
        &row("pass_demand_review").event("2025-03-03"),
    );
    assert!(
        !has_rule(&r, "lifecycle.date_out_of_order"),
        "{:#}",
        r["findings"]
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    // Judged against the *last* event, not the first.
    let p2 = r["project"].clone();
    let p3 = apply_ok(&engine, &p2, &row("submit_technical").event("2025-04-01"));
    let r = apply(
        &engine,
        &p3,
        &row("pass_technical_review").event("2025-03-20"),
    );
    assert_refused(
        &r,
        &p3,
        "lifecycle.date_out_of_order",
        "before the last, after the first",
    );
    // A record without history has nothing to be out of order with.
    let r = apply(
        &engine,
        &record("demand_review"),
        &row("pass_demand_review").event("2024-07-01"),
    );
    assert!(!has_rule(&r, "lifecycle.date_out_of_order"));
}

// ---------------------------------------------------------------------------
// Art 2: scope
// ---------------------------------------------------------------------------

#[test]
fn classified_or_unfunded_projects_are_out_of_scope_for_every_event() {
    let engine = engine();
    for (label, patch) in [
        ("classified", json!({"classified": true})),
        ("no funding", json!({"funding": []})),
        ("funding absent", json!({"funding": null})),
    ] {
        for row in table() {
            let state = match row.from {
                Src::States(list) => list[0],
                _ => "implementing",
            };
            let mut input = record_for(row.event, state);
            merge(&mut input, patch.clone());
            let r = apply(&engine, &input, &row.event(DATE));
            let what = format!("{} ({label})", row.event);
            assert_refused(&r, &input, "art02.out_of_scope", &what);
            assert_eq!(finding(&r, "art02.out_of_scope")["article"], 2);
        }
        let mut input = record("draft");
        merge(&mut input, patch.clone());
        let c = check(&engine, &input, json!({}));
        assert_eq!(c["in_scope"], false, "{label}");
        assert_eq!(c["allowed_events"], json!([]), "{label}");
        assert!(has_rule(&c, "art02.out_of_scope"), "{label}: {c:#}");
        // Not even for the construction unit.
        let c = check(
            &engine,
            &input,
            json!({"actor": role_unit("construction_unit")}),
        );
        assert_eq!(c["allowed_events"], json!([]), "{label}");
    }
    let c = check(&engine, &record("draft"), json!({}));
    assert_eq!(c["in_scope"], true);
    assert!(!has_rule(&c, "art02.out_of_scope"));
    // Any one government funding source brings a project into scope.
    for funding in [
        "government_investment",
        "gov_enterprise_joint",
        "special_bond",
        "service_purchase",
        "gov_funded_om",
    ] {
        let c = check(
            &engine,
            &sample_with(json!({ "funding": [funding] })),
            json!({}),
        );
        assert_eq!(c["in_scope"], true, "{funding}");
    }
}

// ---------------------------------------------------------------------------
// Art 47: entry into force
// ---------------------------------------------------------------------------

#[test]
fn events_before_2024_07_01_are_judged_by_the_state_machine_only() {
    let engine = engine();
    // A submit_demand without the party committee decision (Art 8), without basis (Art 6).
    let bare = sample_with(json!({"basis": null, "goals": null}));
    let before = ev(
        "submit_demand",
        "2024-06-30",
        "construction_unit",
        json!({}),
    );
    let r = apply(&engine, &bare, &before);
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["state_after"], "demand_review");
    let f = finding(&r, "art47.not_in_force");
    assert_eq!(f["severity"], "info");
    assert_eq!(f["article"], 47);
    // Only the Art 47 note: no content rule speaks.
    assert_eq!(
        rule_ids(&r),
        vec!["art47.not_in_force"],
        "{:#}",
        r["findings"]
    );
    // The note is recorded with the event.
    assert_eq!(
        r["project"]["history"][0]["findings"],
        json!(["art47.not_in_force"])
    );

    // From 2024-07-01 the measures judge fully.
    let on = ev(
        "submit_demand",
        "2024-07-01",
        "construction_unit",
        json!({}),
    );
    let r = apply(&engine, &bare, &on);
    assert!(!has_rule(&r, "art47.not_in_force"), "{:#}", r["findings"]);
    if govit::rules::find("art08.party_committee_decision_missing").is_some() {
        assert_eq!(r["accepted"], false, "{:#}", r["findings"]);
        assert!(has_rule(&r, "art08.party_committee_decision_missing"));
    }
    // The state machine still judges before 2024-07-01: state, role, unit and date order.
    let r = apply(
        &engine,
        &bare,
        &ev(
            "pass_demand_review",
            "2024-06-30",
            "big_data_center",
            json!({}),
        ),
    );
    assert_refused(
        &r,
        &bare,
        "lifecycle.invalid_transition",
        "wrong state, before in force",
    );
    assert!(has_rule(&r, "art47.not_in_force"));
    let r = apply(
        &engine,
        &bare,
        &ev("submit_demand", "2024-06-30", "finance", json!({})),
    );
    assert_refused(
        &r,
        &bare,
        "auth.role_not_permitted",
        "wrong role, before in force",
    );
    let mut other = before.clone();
    other["actor"]["unit"] = json!("曲阜市教育和体育局");
    let r = apply(&engine, &bare, &other);
    assert_refused(
        &r,
        &bare,
        "auth.unit_mismatch",
        "wrong unit, before in force",
    );
    let p = apply_ok(
        &engine,
        &bare,
        &ev(
            "submit_demand",
            "2024-06-20",
            "construction_unit",
            json!({}),
        ),
    );
    let r = apply(
        &engine,
        &p,
        &ev(
            "pass_demand_review",
            "2024-06-19",
            "big_data_center",
            json!({}),
        ),
    );
    assert_refused(
        &r,
        &p,
        "lifecycle.date_out_of_order",
        "out of order, before in force",
    );
    // Construction before 立项 is still refused, by the state machine.
    let input = record("draft");
    let r = apply(
        &engine,
        &input,
        &row("start_procurement").event("2024-06-30"),
    );
    assert_eq!(r["accepted"], false, "{:#}", r["findings"]);
    assert!(
        has_rule(&r, "lifecycle.invalid_transition"),
        "{:#}",
        r["findings"]
    );
    assert!(
        !has_rule(&r, "art44.not_approved"),
        "Art 44 was not in force: {:#}",
        r["findings"]
    );
    let r = apply(
        &engine,
        &input,
        &ev("approve_budget", "2024-06-30", "finance", json!({})),
    );
    assert_eq!(r["accepted"], false);
    assert!(
        has_rule(&r, "lifecycle.invalid_transition"),
        "{:#}",
        r["findings"]
    );
    assert!(
        !has_rule(&r, "art22.not_in_library"),
        "Art 22 was not in force: {:#}",
        r["findings"]
    );
    // Scope (Art 2) is judged on every event, whatever its date.
    let classified = sample_with(json!({"classified": true}));
    let r = apply(&engine, &classified, &before);
    assert_refused(
        &r,
        &classified,
        "art02.out_of_scope",
        "classified, before in force",
    );
    // And a history of events before 2024-07-01 continues into the measures.
    let p = apply_ok(
        &engine,
        &sample(),
        &ev(
            "submit_demand",
            "2024-05-06",
            "construction_unit",
            json!({}),
        ),
    );
    let r = apply(
        &engine,
        &p,
        &ev(
            "pass_demand_review",
            "2024-07-01",
            "big_data_center",
            json!({"documents": ["review_opinion"]}),
        ),
    );
    assert!(!has_rule(&r, "art47.not_in_force"));
    assert_eq!(structural(&r), Vec::<String>::new(), "{:#}", r["findings"]);
}

#[test]
fn approval_before_2024_07_01_is_judged_by_the_role_table() {
    let engine = engine();
    let input = record("technical_approved");
    // Art 16 was not in force: the roles of the table decide.
    let r = apply(
        &engine,
        &input,
        &ev("approve", "2024-06-28", "finance", json!({})),
    );
    assert_refused(
        &r,
        &input,
        "auth.role_not_permitted",
        "finance, before in force",
    );
    assert!(
        !has_rule(&r, "art16.approval_authority"),
        "{:#}",
        r["findings"]
    );
    let r = apply(
        &engine,
        &input,
        &ev("approve", "2024-06-28", "big_data_center", json!({})),
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    // From 2024-07-01, Art 16.
    let r = apply(
        &engine,
        &input,
        &ev("approve", "2024-07-01", "finance", json!({})),
    );
    assert_refused(&r, &input, "art16.approval_authority", "finance, in force");
}

// ---------------------------------------------------------------------------
// Art 17: emergency projects
// ---------------------------------------------------------------------------

fn technical_docs(extra: &[&str]) -> Value {
    let mut docs = vec![
        "construction_plan",
        "crypto_plan",
        "secure_reliable_statement",
        "data_sharing_plan",
    ];
    docs.extend_from_slice(extra);
    json!({ "documents": docs })
}

#[test]
fn an_emergency_project_goes_from_draft_to_technical_review() {
    let engine = engine();
    let emergency = sample_with(json!({"emergency": true}));
    // The route skips demand review, not what it judges (Art 6, 8, 15).
    let e = ev(
        "submit_technical",
        DATE,
        "construction_unit",
        technical_docs(&["municipal_decision", "party_committee_decision"]),
    );
    let r = apply(&engine, &emergency, &e);
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["state_after"], "technical_review");
    // Rejected at technical review, it goes back to draft.
    let p = r["project"].clone();
    let r = apply(
        &engine,
        &p,
        &ev(
            "reject_technical_review",
            DATE,
            "big_data_center",
            json!({}),
        ),
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["state_after"], "draft");
    // Without the municipal decision it is refused (Art 17), if that rule exists.
    if govit::rules::find("art17.emergency_decision_missing").is_some() {
        let r = apply(
            &engine,
            &emergency,
            &ev(
                "submit_technical",
                DATE,
                "construction_unit",
                technical_docs(&[]),
            ),
        );
        assert_refused(
            &r,
            &emergency,
            "art17.emergency_decision_missing",
            "no municipal decision",
        );
    }
    // Not an emergency: draft cannot skip demand review.
    let normal = sample();
    let r = apply(&engine, &normal, &e);
    assert_refused(&r, &normal, "lifecycle.invalid_transition", "not emergency");
    // An ordinary project rejected at technical review goes back to demand_approved.
    let r = apply(
        &engine,
        &record("technical_review"),
        &ev(
            "reject_technical_review",
            DATE,
            "big_data_center",
            json!({}),
        ),
    );
    assert_eq!(r["state_after"], "demand_approved");
    // An emergency project may still go the ordinary way.
    let r = apply(&engine, &emergency, &row("submit_demand").event(DATE));
    assert_allowed(&r, "demand_review", "emergency via demand review");
    // allowed_events offers submit_technical from draft only to emergencies.
    let c = check(&engine, &emergency, json!({}));
    assert!(c["allowed_events"]
        .as_array()
        .unwrap()
        .contains(&json!("submit_technical")));
    let c = check(&engine, &normal, json!({}));
    assert!(!c["allowed_events"]
        .as_array()
        .unwrap()
        .contains(&json!("submit_technical")));
}

// ---------------------------------------------------------------------------
// Art 19: higher-level projects
// ---------------------------------------------------------------------------

#[test]
fn file_higher_level_needs_a_higher_level() {
    let engine = engine();
    for level in ["national", "provincial"] {
        let input = sample_with(json!({ "higher_level": level }));
        let r = apply(
            &engine,
            &input,
            &ev("file_higher_level", DATE, "construction_unit", json!({})),
        );
        assert_allowed(&r, "approved", level);
        assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
        let c = check(
            &engine,
            &input,
            json!({"actor": role_unit("construction_unit")}),
        );
        assert!(c["allowed_events"]
            .as_array()
            .unwrap()
            .contains(&json!("file_higher_level")));
    }
    let input = sample();
    let r = apply(
        &engine,
        &input,
        &ev("file_higher_level", DATE, "construction_unit", json!({})),
    );
    assert_eq!(r["accepted"], false);
    assert!(
        has_rule(&r, "art19.not_higher_level"),
        "{:#}",
        r["findings"]
    );
    let c = check(&engine, &input, json!({}));
    assert!(!c["allowed_events"]
        .as_array()
        .unwrap()
        .contains(&json!("file_higher_level")));
    // Before 2024-07-01 (Art 19 not yet in force) the guard still holds, as a transition.
    let r = apply(
        &engine,
        &input,
        &ev(
            "file_higher_level",
            "2024-06-28",
            "construction_unit",
            json!({}),
        ),
    );
    assert_refused(
        &r,
        &input,
        "lifecycle.invalid_transition",
        "no higher level, before in force",
    );
    assert!(!has_rule(&r, "art19.not_higher_level"));
}

// ---------------------------------------------------------------------------
// Art 41: suspension and termination
// ---------------------------------------------------------------------------

#[test]
fn suspend_and_resume_return_to_the_state_before() {
    let engine = engine();
    for state in CONSTRUCTION {
        let input = record(state);
        let r = apply(&engine, &input, &row("suspend").event(DATE));
        assert_eq!(
            r["accepted"], true,
            "suspend from {state}: {:#}",
            r["findings"]
        );
        assert_eq!(r["state_after"], "suspended");
        let suspended = r["project"].clone();
        // While suspended, construction does not go on.
        let r = apply(&engine, &suspended, &row("report_progress").event(DATE));
        assert_refused(
            &r,
            &suspended,
            "lifecycle.invalid_transition",
            "progress while suspended",
        );
        let r = apply(&engine, &suspended, &row("suspend").event(DATE));
        assert_refused(
            &r,
            &suspended,
            "lifecycle.invalid_transition",
            "suspend twice",
        );
        let r = apply(
            &engine,
            &suspended,
            &ev("resume", "2025-06-03", "big_data_center", json!({})),
        );
        assert_eq!(
            r["accepted"], true,
            "resume to {state}: {:#}",
            r["findings"]
        );
        assert_eq!(r["state_after"], *state);
        assert_eq!(r["project"]["state"], *state);
        // The state before suspension is not left behind.
        assert!(
            r["project"].get("resume_state").is_none(),
            "{:#}",
            r["project"]
        );
        // Resume only from suspended.
        let resumed = r["project"].clone();
        let r = apply(
            &engine,
            &resumed,
            &ev("resume", "2025-06-03", "big_data_center", json!({})),
        );
        assert_refused(&r, &resumed, "lifecycle.invalid_transition", "resume twice");
    }
    // Not from before 立项, nor in operation.
    for state in BEFORE_APPROVAL.iter().chain(&["operating", "terminated"]) {
        let input = record(state);
        let r = apply(&engine, &input, &row("suspend").event(DATE));
        assert_refused(&r, &input, "lifecycle.invalid_transition", state);
    }
}

#[test]
fn terminate_is_final() {
    let engine = engine();
    for state in STATES.iter().filter(|s| **s != "terminated") {
        let input = record_for("terminate", state);
        let r = apply(&engine, &input, &row("terminate").event(DATE));
        assert_eq!(
            r["accepted"], true,
            "terminate from {state}: {:#}",
            r["findings"]
        );
        assert_eq!(r["state_after"], "terminated");
        let terminated = r["project"].clone();
        assert!(terminated.get("resume_state").is_none(), "from {state}");
        assert_eq!(terminated["milestones"]["terminated"], DATE);
        for row in table() {
            let e = row.event("2025-06-03");
            let r = apply(&engine, &terminated, &e);
            assert_refused(
                &r,
                &terminated,
                "lifecycle.invalid_transition",
                &format!("{} after terminate from {state}", row.event),
            );
        }
        let c = check(&engine, &terminated, json!({}));
        assert_eq!(c["state"], "terminated");
        assert_eq!(c["allowed_events"], json!([]));
    }
}

// ---------------------------------------------------------------------------
// A refused event leaves the record as it was
// ---------------------------------------------------------------------------

#[test]
fn a_refused_event_returns_the_input_record_exactly() {
    let engine = engine();
    // A record with history, host keys and kernel fields.
    let mut project = walk_to(&engine, "implementing");
    project["oa_flow"] = json!({"step": 7, "amount": 12345678901234567890u64});
    for e in [
        ev("approve_budget", "2025-12-01", "finance", json!({})),
        ev(
            "report_progress",
            "2025-01-01",
            "construction_unit",
            json!({}),
        ),
        ev("report_progress", "2025-12-01", "finance", json!({})),
        ev("terminate", "2025-12-01", "big_data_center", json!({})),
    ] {
        let text = project.to_string();
        let out = engine.apply_json(&text, &e.to_string()).unwrap();
        let r: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(r["accepted"], false, "{e}: {:#}", r["findings"]);
        assert_eq!(r["project"], project, "{e}");
        assert_eq!(r["state_before"], "implementing");
        assert_eq!(r["state_after"], "implementing");
        assert!(r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["severity"] == "block"));
    }
}

// ---------------------------------------------------------------------------
// allowed_events
// ---------------------------------------------------------------------------

fn allowed(engine: &govit::Engine, project: &Value, options: Value) -> Vec<String> {
    let c = check(engine, project, options);
    let mut v: Vec<String> = c["allowed_events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

fn expected_allowed(state: &str, role: Option<&str>) -> Vec<String> {
    let mut v: Vec<String> = table()
        .iter()
        .filter(|r| r.starts_from(state))
        // Art 19: only a project with `higher_level` (`record` has none) is filed.
        .filter(|r| r.event != "file_higher_level")
        .filter(|r| match role {
            None => true,
            Some(role) => r.roles.contains(&role),
        })
        .map(|r| r.event.to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn allowed_events_follow_the_table_for_every_state_and_role() {
    let engine = engine();
    for state in STATES {
        let project = record(state);
        assert_eq!(
            allowed(&engine, &project, json!({})),
            expected_allowed(state, None),
            "{state}"
        );
        for role in ROLES {
            let got = allowed(&engine, &project, json!({"actor": role_unit(role)}));
            let mut want = expected_allowed(state, Some(role));
            // 立项 by the administrative approval bureau is only for construction-attached projects.
            want.retain(|e| !(e == "approve" && *role == "admin_approval"));
            assert_eq!(got, want, "{state} for {role}");
        }
    }
    // Everything allowed for the construction unit is also accepted structurally.
    let project = record("implementing");
    for event in allowed(
        &engine,
        &project,
        json!({"actor": role_unit("construction_unit")}),
    ) {
        let r = apply(&engine, &project, &row(&event).event(DATE));
        assert_eq!(
            structural(&r),
            Vec::<String>::new(),
            "{event}: {:#}",
            r["findings"]
        );
    }
}

#[test]
fn allowed_events_for_a_named_actor() {
    let engine = engine();
    let project = record("implementing");
    let cu = allowed(
        &engine,
        &project,
        json!({"actor": role_unit("construction_unit")}),
    );
    assert_eq!(
        cu,
        [
            "complete_rectification",
            "pass_preliminary_acceptance",
            "record_assessment",
            "report_progress",
            "request_change",
            "request_extension"
        ]
    );
    let bdc = allowed(
        &engine,
        &project,
        json!({"actor": {"role": "big_data_center"}}),
    );
    assert_eq!(
        bdc,
        [
            "approve_extension",
            "confirm_rectification",
            "defer_investment",
            "notify_criticism",
            "order_rectification",
            "reject_extension",
            "suspend",
            "terminate"
        ]
    );
    // Another unit may do nothing for this project; nor may the construction unit without a unit.
    let other = allowed(
        &engine,
        &project,
        json!({"actor": {"role": "construction_unit", "unit": "曲阜市教育和体育局"}}),
    );
    assert!(other.is_empty(), "{other:?}");
    let none = allowed(
        &engine,
        &project,
        json!({"actor": {"role": "construction_unit"}}),
    );
    assert!(none.is_empty(), "{none:?}");
    // The audit bureau orders and confirms rectifications (Art 41 会同有关部门, Art 42).
    assert_eq!(
        allowed(&engine, &project, json!({"actor": {"role": "audit"}})),
        ["confirm_rectification", "order_rectification"]
    );
    assert!(allowed(&engine, &project, json!({"actor": {"role": "third_party"}})).is_empty());
    // The lead department of a cross-department project.
    let cross =
        sample_with(json!({"cross_department": true, "lead_department": "曲阜市大数据中心"}));
    assert_eq!(
        allowed(
            &engine,
            &cross,
            json!({"actor": {"role": "construction_unit", "unit": "曲阜市大数据中心"}})
        ),
        [
            "complete_rectification",
            "record_assessment",
            "submit_demand"
        ]
    );
    assert!(allowed(
        &engine,
        &cross,
        json!({"actor": role_unit("construction_unit")})
    )
    .is_empty());
    // 立项 by the administrative approval bureau: only for construction-attached projects.
    let plain = record("technical_approved");
    assert!(!allowed(
        &engine,
        &plain,
        json!({"actor": {"role": "admin_approval"}})
    )
    .contains(&"approve".to_string()));
    let mut attached = record("technical_approved");
    merge(&mut attached, json!({"attached_to_construction": true}));
    assert!(allowed(
        &engine,
        &attached,
        json!({"actor": {"role": "admin_approval"}})
    )
    .contains(&"approve".to_string()));
    // Suspended: resume or terminate (and the any-state events).
    assert_eq!(
        allowed(
            &engine,
            &record("suspended"),
            json!({"actor": {"role": "big_data_center"}})
        ),
        [
            "confirm_rectification",
            "defer_investment",
            "notify_criticism",
            "order_rectification",
            "resume",
            "terminate"
        ]
    );
    // The result is in the table's order.
    let c = check(&engine, &project, json!({}));
    let order: Vec<&str> = c["allowed_events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    let table_order: Vec<&str> = table()
        .iter()
        .map(|r| r.event)
        .filter(|e| order.contains(e))
        .collect();
    assert_eq!(order, table_order);
}

// ---------------------------------------------------------------------------
// What accepted events leave in the record
// ---------------------------------------------------------------------------

#[test]
fn documents_and_milestones_keep_their_first_date() {
    let engine = engine();
    let p = apply_ok(
        &engine,
        &sample(),
        &row("submit_demand").event("2025-03-03"),
    );
    assert_eq!(p["documents"]["party_committee_decision"], "2025-03-03");
    assert_eq!(p["milestones"]["demand_submitted"], "2025-03-03");
    let p = apply_ok(
        &engine,
        &p,
        &ev(
            "reject_demand_review",
            "2025-03-10",
            "big_data_center",
            json!({}),
        ),
    );
    assert_eq!(p["state"], "draft");
    // Filed again on resubmission: still on file from the first date (a document once filed stays on file).
    let p = apply_ok(&engine, &p, &row("submit_demand").event("2025-03-20"));
    assert_eq!(p["documents"]["party_committee_decision"], "2025-03-03");
    assert_eq!(p["milestones"]["demand_submitted"], "2025-03-03");
    assert_eq!(p["history"].as_array().unwrap().len(), 3);
}

#[test]
fn approval_fixes_the_baseline() {
    let engine = engine();
    let p = apply_ok(
        &engine,
        &record("technical_approved"),
        &ev("approve", DATE, "big_data_center", json!({})),
    );
    assert_eq!(p["milestones"]["approved"], DATE);
    // What technical review judged: Art 33's five, the security budget and the method.
    assert_eq!(
        p["baseline"],
        json!({
            "goals": sample()["goals"], "location": sample()["location"], "content": sample()["content"],
            "budget_yuan": "3000000.00", "planned_completion": "2026-12-31",
            "security_budget_yuan": sample()["security_budget_yuan"],
            "procurement_method": sample()["procurement_method"]
        })
    );
}

#[test]
fn a_change_becomes_the_baseline_only_when_approved() {
    let engine = engine();
    let implementing = walk_to(&engine, "implementing");
    let request = ev(
        "request_change",
        "2026-03-10",
        "construction_unit",
        json!({"aspects": ["location"], "proposed": {"location": "曲阜市政务云（二期）", "planned_completion": "2027-03-31"}}),
    );
    let pending = apply_ok(&engine, &implementing, &request);
    assert_eq!(pending["state"], "change_review");
    assert_eq!(
        pending["pending_change"]["aspects"],
        json!(["location", "planned_completion"])
    );
    // Not yet changed.
    assert_eq!(pending["location"], implementing["location"]);
    let rejected = apply_ok(
        &engine,
        &pending,
        &ev("reject_change", "2026-03-20", "big_data_center", json!({})),
    );
    assert_eq!(rejected["state"], "implementing");
    assert!(rejected.get("pending_change").is_none());
    assert_eq!(rejected["location"], implementing["location"]);
    assert_eq!(rejected["baseline"], implementing["baseline"]);
    let approved = apply_ok(
        &engine,
        &pending,
        &ev("approve_change", "2026-03-20", "big_data_center", json!({})),
    );
    assert_eq!(approved["state"], "implementing");
    assert!(approved.get("pending_change").is_none());
    assert_eq!(approved["location"], "曲阜市政务云（二期）");
    assert_eq!(approved["planned_completion"], "2027-03-31");
    assert_eq!(approved["baseline"]["location"], "曲阜市政务云（二期）");
    assert_eq!(approved["baseline"]["planned_completion"], "2027-03-31");
    // The rest of the baseline is untouched.
    assert_eq!(
        approved["baseline"]["budget_yuan"],
        implementing["baseline"]["budget_yuan"]
    );
}

#[test]
fn rectification_orders_sanctions_and_assessments_are_recorded() {
    let engine = engine();
    let p = walk_to(&engine, "implementing");
    let p = apply_ok(
        &engine,
        &p,
        &ev(
            "order_rectification",
            "2026-03-03",
            "cyberspace",
            json!({"order_id": "WX-1", "issues": ["等保备案未完成"], "deadline": "2026-03-31"}),
        ),
    );
    let order = &p["rectification_orders"][0];
    assert_eq!(order["order_id"], "WX-1");
    assert_eq!(order["issued_by"], "cyberspace");
    assert_eq!(order["deadline"], "2026-03-31");
    assert!(order.get("completed").is_none());
    // Overdue and still open: grounds for criticism.
    let p = apply_ok(
        &engine,
        &p,
        &ev(
            "notify_criticism",
            "2026-04-01",
            "big_data_center",
            json!({}),
        ),
    );
    assert_eq!(
        p["sanctions"],
        json!([{"kind": "criticism", "date": "2026-04-01"}])
    );
    let p = apply_ok(
        &engine,
        &p,
        &ev(
            "complete_rectification",
            "2026-04-02",
            "construction_unit",
            json!({"order_id": "WX-1"}),
        ),
    );
    assert_eq!(p["rectification_orders"][0]["completed"], "2026-04-02");
    // A report of completion decides nothing (Art 41): the issuer confirms.
    assert!(p["rectification_orders"][0].get("compliant").is_none());
    // Assessments keep their latest date; the document its first.
    let crypto = |date: &str| {
        ev(
            "record_assessment",
            date,
            "construction_unit",
            json!({"kind": "crypto_assessment"}),
        )
    };
    let p = apply_ok(&engine, &p, &crypto("2026-09-15"));
    let p = apply_ok(&engine, &p, &crypto("2026-10-01"));
    assert_eq!(p["assessments"]["crypto_assessment"], "2026-10-01");
    assert_eq!(p["documents"]["crypto_assessment"], "2026-09-15");
    let p = apply_ok(
        &engine,
        &p,
        &ev(
            "record_assessment",
            "2026-10-02",
            "construction_unit",
            json!({"kind": "mlps_assessment"}),
        ),
    );
    assert_eq!(p["assessments"]["mlps_assessment"], "2026-10-02");
    // Suspension records the state to return to and the sanction.
    let s = apply_ok(
        &engine,
        &p,
        &ev("suspend", "2026-10-03", "big_data_center", json!({})),
    );
    assert_eq!(s["resume_state"], "implementing");
    assert_eq!(
        s["sanctions"].as_array().unwrap().last().unwrap(),
        &json!({"kind": "suspension", "date": "2026-10-03"})
    );
}
