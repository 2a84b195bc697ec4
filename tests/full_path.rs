//! The whole life of a project, draft to two years of operation, with every
//! obligation of the measures met — and then the same life with each
//! obligation omitted in turn, which must produce exactly the finding the
//! contract names for it (CONTRACT §5). Plus the catalogue itself: every rule
//! id of §5 exists with its severity, and every article is cited in the one
//! official form.
mod support;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use support::*;

// ---------------------------------------------------------------------------
// The scenario: a start record, steps in date order, and dates to `check` on.
// ---------------------------------------------------------------------------

#[derive(Clone)]
enum Step {
    Event(Value),
    /// The host edits declared attributes of the record (outside any event).
    Edit(Value),
}

#[derive(Clone)]
struct Scenario {
    start: Value,
    steps: Vec<Step>,
    checkpoints: Vec<&'static str>,
}

/// Operation after the standard path (operating from 2026-12-01): a supervision
/// order met on time, two years of assessments and self-evaluations, the
/// third-party post-evaluation and an O&M funding request.
fn operation() -> Vec<Value> {
    let cu = "construction_unit";
    let assess = |date: &str, kind: &str| {
        let docs = match kind {
            "mlps_assessment" => json!([]),
            k => json!([k]),
        };
        ev(
            "record_assessment",
            date,
            cu,
            json!({"kind": kind, "documents": docs}),
        )
    };
    vec![
        ev(
            "order_rectification",
            "2027-03-01",
            "cyberspace",
            json!({"order_id": "WX-2027-003", "issues": ["政务外网边界防护日志留存不足6个月"], "deadline": "2027-04-30"}),
        ),
        ev(
            "complete_rectification",
            "2027-04-20",
            cu,
            json!({"order_id": "WX-2027-003"}),
        ),
        // Art 41: the ordering department judges the rectification.
        ev(
            "confirm_rectification",
            "2027-04-25",
            "cyberspace",
            json!({"order_id": "WX-2027-003", "compliant": true}),
        ),
        assess("2027-09-10", "crypto_assessment"),
        assess("2027-09-12", "risk_assessment"),
        assess("2027-10-15", "mlps_assessment"),
        ev(
            "submit_self_evaluation",
            "2027-11-20",
            cu,
            json!({"year": 2027, "documents": ["self_evaluation_report"]}),
        ),
        ev(
            "commission_post_evaluation",
            "2027-12-01",
            "big_data_center",
            json!({"evaluator": EVALUATOR}),
        ),
        ev(
            "complete_post_evaluation",
            "2027-12-15",
            "third_party",
            json!({"result": "good"}),
        ),
        ev(
            "request_om_funding",
            "2028-01-15",
            cu,
            json!({"year": 2028, "data_shared": true, "unified_infrastructure": true,
                   "crypto_compliant": true, "security_compliant": true, "major_security_risk": false}),
        ),
        assess("2028-09-05", "crypto_assessment"),
        assess("2028-09-08", "risk_assessment"),
        assess("2028-10-10", "mlps_assessment"),
        ev(
            "submit_self_evaluation",
            "2028-11-25",
            cu,
            json!({"year": 2028, "documents": ["self_evaluation_report"]}),
        ),
    ]
}

fn happy() -> Scenario {
    let mut steps: Vec<Step> = standard_path()
        .into_iter()
        .map(|(_, e)| Step::Event(e))
        .collect();
    steps.extend(operation().into_iter().map(Step::Event));
    Scenario {
        start: sample(),
        steps,
        checkpoints: vec![
            "2025-03-10", // demand review
            "2025-05-20", // approved
            "2025-10-01", // awarded, contract not yet due
            "2026-06-30", // implementing
            "2026-12-15", // operating
            "2027-06-01",
            "2027-12-31", // first operating year ended
            "2028-06-30",
            "2028-12-31", // second operating year ended
        ],
    }
}

// ---- mutations ----

fn is(e: &Value, kind: &str) -> bool {
    e["type"] == kind
}

impl Scenario {
    fn events_mut(&mut self) -> impl Iterator<Item = &mut Value> {
        self.steps.iter_mut().filter_map(|s| match s {
            Step::Event(e) => Some(e),
            Step::Edit(_) => None,
        })
    }

    /// The first event matching `pred` (panics if none: the table must name real steps).
    fn event(&mut self, pred: impl Fn(&Value) -> bool) -> &mut Value {
        self.events_mut()
            .find(|e| pred(e))
            .expect("the scenario has such an event")
    }

    fn first(&mut self, kind: &str) -> &mut Value {
        self.event(|e| is(e, kind))
    }

    fn patch_start(&mut self, patch: Value) {
        merge(&mut self.start, patch);
    }

    fn remove(&mut self, pred: impl Fn(&Value) -> bool) {
        let before = self.steps.len();
        self.steps
            .retain(|s| !matches!(s, Step::Event(e) if pred(e)));
        assert!(self.steps.len() < before, "nothing removed");
    }

    fn remove_kind(&mut self, kind: &str) {
        self.remove(|e| is(e, kind));
    }

    /// Removes `item` from the list `data.key` of the first `kind` event.
    fn drop_from(&mut self, kind: &str, key: &str, item: &str) {
        let list = self.first(kind)["data"][key].as_array_mut().unwrap();
        let before = list.len();
        list.retain(|d| d != item);
        assert!(list.len() < before, "{item} not in {kind}.data.{key}");
    }

    fn drop_doc(&mut self, kind: &str, doc: &str) {
        self.drop_from(kind, "documents", doc);
    }

    /// Sets (or with null removes) `data.key` of the first `kind` event.
    fn set_data(&mut self, kind: &str, key: &str, value: Value) {
        merge(&mut self.first(kind)["data"], json!({ key: value }));
    }

    fn set_date(&mut self, kind: &str, date: &str) {
        self.first(kind)["date"] = json!(date);
    }

    fn insert_before(&mut self, kind: &str, step: Step) {
        let i = self
            .steps
            .iter()
            .position(|s| matches!(s, Step::Event(e) if is(e, kind)))
            .unwrap();
        self.steps.insert(i, step);
    }

    /// The operation-phase event of `kind` (and `data.kind`) in `year`.
    fn remove_in_year(&mut self, kind: &str, data_kind: Option<&str>, year: &str) {
        self.remove(|e| {
            is(e, kind)
                && data_kind.map_or(true, |k| e["data"]["kind"] == k)
                && e["date"].as_str().unwrap().starts_with(year)
        });
    }

    /// Final acceptance fails once: rectification (with a plan) and resubmission before passing.
    fn fail_acceptance_once(&mut self) {
        self.insert_before(
            "pass_final_acceptance",
            Step::Event(ev(
                "fail_final_acceptance",
                "2026-11-16",
                "big_data_center",
                json!({"rectification_deadline": "2026-11-27"}),
            )),
        );
        self.insert_before(
            "pass_final_acceptance",
            Step::Event(ev(
                "resubmit_final_acceptance",
                "2026-11-25",
                "construction_unit",
                json!({"documents": ["rectification_plan"]}),
            )),
        );
    }
}

// ---- running ----

#[derive(Debug)]
struct Seen {
    /// "apply submit_demand 2025-03-03" or "check 2027-12-31".
    at: String,
    rule: String,
    severity: String,
}

struct Outcome {
    seen: Vec<Seen>,
    /// The refused event, if the walk stopped.
    refused: Option<String>,
    project: Value,
}

impl Outcome {
    /// Rule ids found with severity block, violation or warning.
    fn rules(&self) -> BTreeSet<String> {
        self.seen
            .iter()
            .filter(|s| s.severity != "info")
            .map(|s| s.rule.clone())
            .collect()
    }

    fn describe(&self) -> String {
        let lines: Vec<String> = self
            .seen
            .iter()
            .filter(|s| s.severity != "info")
            .map(|s| format!("    {} at {}: {}", s.severity, s.at, s.rule))
            .collect();
        format!(
            "{}{}",
            lines.join("\n"),
            self.refused
                .as_ref()
                .map(|r| format!("\n    refused: {r}"))
                .unwrap_or_default()
        )
    }
}

fn record(seen: &mut Vec<Seen>, at: String, result: &Value) {
    for f in result["findings"].as_array().unwrap() {
        seen.push(Seen {
            at: at.clone(),
            rule: f["rule"].as_str().unwrap().to_string(),
            severity: f["severity"].as_str().unwrap().to_string(),
        });
    }
}

/// Walks the scenario: each event applied in turn (stopping at the first refusal),
/// and `check` on each checkpoint once the walk has reached that date.
fn run(engine: &govit::Engine, s: &Scenario) -> Outcome {
    let mut project = s.start.clone();
    let mut seen = Vec::new();
    let mut checkpoints = s.checkpoints.iter().peekable();
    for step in &s.steps {
        match step {
            Step::Edit(patch) => merge(&mut project, patch.clone()),
            Step::Event(event) => {
                let date = event["date"].as_str().unwrap();
                while let Some(cp) = checkpoints.next_if(|cp| **cp < date) {
                    let r = check(engine, &project, json!({ "as_of": cp }));
                    record(&mut seen, format!("check {cp}"), &r);
                }
                let r = apply(engine, &project, event);
                let at = format!("apply {} {date}", event["type"].as_str().unwrap());
                record(&mut seen, at.clone(), &r);
                if r["accepted"] != true {
                    return Outcome {
                        seen,
                        refused: Some(at),
                        project,
                    };
                }
                project = r["project"].clone();
            }
        }
    }
    for cp in checkpoints {
        let r = check(engine, &project, json!({ "as_of": cp }));
        record(&mut seen, format!("check {cp}"), &r);
    }
    Outcome {
        seen,
        refused: None,
        project,
    }
}

// ---------------------------------------------------------------------------
// The happy path.
// ---------------------------------------------------------------------------

#[test]
fn full_life_with_every_obligation_met_has_no_block_violation_or_warning() {
    let e = engine();
    let s = happy();
    let out = run(&e, &s);
    assert_eq!(out.refused, None, "\n{}", out.describe());
    assert_eq!(out.rules(), BTreeSet::new(), "\n{}", out.describe());
    assert_eq!(out.project["state"], "operating");
    // Every step is in the history, and the history verifies.
    assert_eq!(
        out.project["history"].as_array().unwrap().len(),
        s.steps.len()
    );
    let verified: Value =
        serde_json::from_str(&e.verify_json(&out.project.to_string()).unwrap()).unwrap();
    assert_eq!(verified["valid"], true, "{verified:#}");
    // What is due next, as the OA system's to-do list shows it.
    let c = check(&e, &out.project, json!({"as_of": "2028-12-31"}));
    let due: BTreeSet<(String, String, String)> = c["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().into(),
                d["event"].as_str().unwrap().into(),
                d["due"].as_str().unwrap().into(),
            )
        })
        .collect();
    for expected in [
        (
            "art36.self_evaluation_overdue",
            "submit_self_evaluation",
            "2029-12-01",
        ),
        (
            "art38.crypto_assessment_overdue",
            "record_assessment",
            "2029-09-05",
        ),
        (
            "art39.risk_assessment_overdue",
            "record_assessment",
            "2029-09-08",
        ),
        (
            "art39.mlps_assessment_overdue",
            "record_assessment",
            "2029-10-10",
        ),
    ] {
        let expected = (
            expected.0.to_string(),
            expected.1.to_string(),
            expected.2.to_string(),
        );
        assert!(due.contains(&expected), "{expected:?} not in {due:?}");
    }
}

#[test]
fn full_life_with_a_failed_acceptance_rectified_in_time_is_clean() {
    let e = engine();
    let mut s = happy();
    s.fail_acceptance_once();
    let out = run(&e, &s);
    assert_eq!(out.refused, None, "\n{}", out.describe());
    assert_eq!(out.rules(), BTreeSet::new(), "\n{}", out.describe());
    assert_eq!(out.project["state"], "operating");
}

// ---------------------------------------------------------------------------
// Each obligation omitted in turn.
// ---------------------------------------------------------------------------

struct Omission {
    what: &'static str,
    mutate: fn(&mut Scenario),
    rule: &'static str,
    severity: &'static str,
}

const fn omit(
    what: &'static str,
    mutate: fn(&mut Scenario),
    rule: &'static str,
    severity: &'static str,
) -> Omission {
    Omission {
        what,
        mutate,
        rule,
        severity,
    }
}

const ART29_CLAUSES: [&str; 7] = [
    "name",
    "subject_scope",
    "performance_plan",
    "confidentiality",
    "result_ownership",
    "acceptance_criteria",
    "glossary",
];

fn omissions() -> Vec<Omission> {
    let mut rows = vec![
        // ---- chapter 2: demand review (Art 6, 8, 15) ----
        omit(
            "建设依据 basis",
            |s| s.patch_start(json!({"basis": null})),
            "art06.demand_incomplete",
            "block",
        ),
        omit(
            "建设内容 content",
            |s| s.patch_start(json!({"content": null})),
            "art06.demand_incomplete",
            "block",
        ),
        omit(
            "建设目标 goals",
            |s| s.patch_start(json!({"goals": null})),
            "art06.demand_incomplete",
            "block",
        ),
        omit(
            "预算需求 budget_yuan",
            |s| s.patch_start(json!({"budget_yuan": null})),
            "art06.demand_incomplete",
            "block",
        ),
        omit(
            "party_committee_decision",
            |s| s.drop_doc("submit_demand", "party_committee_decision"),
            "art08.party_committee_decision_missing",
            "block",
        ),
        omit(
            "overall_plan of a cross-department project",
            |s| {
                s.patch_start(json!({"cross_department": true, "lead_department": UNIT, "co_departments": ["曲阜市公安局"]}))
            },
            "art15.joint_plan_missing",
            "block",
        ),
        // ---- chapter 2: technical review (Art 6, 7, 9–13, 17, 37) ----
        omit(
            "construction_plan",
            |s| s.drop_doc("submit_technical", "construction_plan"),
            "art06.construction_plan_missing",
            "block",
        ),
        omit(
            "crypto_plan",
            |s| s.drop_doc("submit_technical", "crypto_plan"),
            "art06.crypto_plan_missing",
            "block",
        ),
        omit(
            "feasibility_study of a 5,000,000.00 yuan project",
            |s| {
                s.patch_start(
                    json!({"budget_yuan": "5000000.00", "security_budget_yuan": "250000.00"}),
                )
            },
            "art06.feasibility_study_missing",
            "block",
        ),
        omit(
            "secure_reliable_statement",
            |s| s.drop_doc("submit_technical", "secure_reliable_statement"),
            "art07.secure_reliable_statement_missing",
            "block",
        ),
        omit(
            "security_responsibility_statement off the gov cloud",
            |s| s.patch_start(json!({"deploy_on_gov_cloud": false})),
            "art09.off_cloud_security_responsibility",
            "block",
        ),
        omit(
            "“山东通” for an internal system",
            |s| s.patch_start(json!({"audience": "internal", "platforms": []})),
            "art10.internal_platform",
            "block",
        ),
        omit(
            "“爱山东” for a public system",
            |s| s.patch_start(json!({"platforms": ["integrated_online_service"]})),
            "art10.public_platform",
            "block",
        ),
        omit(
            "shared use of a command-dispatch system",
            |s| s.patch_start(json!({"app_types": ["command_dispatch"]})),
            "art11.shared_use_expected",
            "block",
        ),
        omit(
            "“互联网+监管” integration of a law-enforcement system",
            |s| s.patch_start(json!({"app_types": ["law_enforcement_supervision"]})),
            "art12.supervision_integration_missing",
            "block",
        ),
        omit(
            "data_sharing_plan",
            |s| s.drop_doc("submit_technical", "data_sharing_plan"),
            "art13.data_sharing_plan_missing",
            "block",
        ),
        omit(
            "municipal_decision of an emergency project",
            |s| {
                s.patch_start(json!({"emergency": true}));
                s.remove_kind("submit_demand");
                s.remove_kind("pass_demand_review");
                // What demand review judges comes with the emergency submission (Art 8).
                s.first("submit_technical")["data"]["documents"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!("party_committee_decision"));
            },
            "art17.emergency_decision_missing",
            "block",
        ),
        omit(
            "5% security budget (one fen short)",
            |s| s.patch_start(json!({"security_budget_yuan": "149999.99"})),
            "art37.security_budget_below_5pct",
            "block",
        ),
        omit(
            "security budget (undeclared)",
            |s| s.patch_start(json!({"security_budget_yuan": null})),
            "art37.security_budget_below_5pct",
            "block",
        ),
        // ---- chapter 3: 立项 (Art 16, 22, 44) ----
        omit(
            "copy of an attached project's approval to the big-data centre",
            |s| {
                s.patch_start(json!({"attached_to_construction": true}));
                s.first("approve")["actor"] = json!({"role": "admin_approval"});
            },
            "art16.approval_authority",
            "block",
        ),
        omit(
            "立项 before the budget",
            |s| s.remove_kind("approve"),
            "art22.not_in_library",
            "block",
        ),
        omit(
            "立项 before construction",
            |s| {
                s.remove_kind("approve");
                s.remove_kind("approve_budget");
                s.remove_kind("file_responsibility_letter");
            },
            "art44.not_approved",
            "block",
        ),
        // ---- chapter 4: budget (Art 23, 24, 25) ----
        omit(
            "Qufu shares of a project co-built with Jining",
            |s| s.patch_start(json!({"co_built_with_jining": true})),
            "art23.co_built_split_missing",
            "block",
        ),
        omit(
            "responsibility letter",
            |s| s.remove_kind("file_responsibility_letter"),
            "art24.responsibility_letter_missing",
            "block",
        ),
        omit(
            "progress report",
            |s| s.remove_kind("report_progress"),
            "art25.om_progress_not_filed",
            "block",
        ),
        omit(
            "data sharing (O&M)",
            |s| s.set_data("request_om_funding", "data_shared", json!(false)),
            "art25.om_data_not_shared",
            "block",
        ),
        omit(
            "unified infrastructure (O&M)",
            |s| s.set_data("request_om_funding", "unified_infrastructure", json!(false)),
            "art25.om_infrastructure_not_unified",
            "block",
        ),
        omit(
            "crypto compliance (O&M)",
            |s| s.set_data("request_om_funding", "crypto_compliant", json!(false)),
            "art25.om_crypto_security_noncompliant",
            "block",
        ),
        omit(
            "security compliance (O&M)",
            |s| s.set_data("request_om_funding", "security_compliant", json!(null)),
            "art25.om_crypto_security_noncompliant",
            "block",
        ),
        omit(
            "removal of a major security risk (O&M)",
            |s| s.set_data("request_om_funding", "major_security_risk", json!(true)),
            "art25.om_major_security_risk",
            "block",
        ),
        omit(
            "a good post-evaluation (O&M)",
            |s| s.set_data("complete_post_evaluation", "result", json!("poor")),
            "art25.om_poor_evaluation",
            "block",
        ),
        // ---- chapter 5: procurement and contract (Art 28–30) ----
        omit(
            "the approved procurement method",
            |s| {
                s.set_data(
                    "start_procurement",
                    "method",
                    json!("competitive_negotiation"),
                )
            },
            "art28.procurement_method_mismatch",
            "block",
        ),
        omit(
            "signing within 10 working days (a day late)",
            |s| s.set_date("sign_contract", "2025-10-17"),
            "art28.contract_signing_late",
            "violation",
        ),
        omit(
            "filing within 10 working days (a day late)",
            |s| s.set_date("file_contract", "2025-10-31"),
            "art28.contract_filing_late",
            "violation",
        ),
        omit(
            "contract filing",
            |s| s.remove_kind("file_contract"),
            "art28.contract_not_filed",
            "block",
        ),
        omit(
            "legal review",
            |s| s.set_data("sign_contract", "legal_review", json!(false)),
            "art29.legal_review_missing",
            "block",
        ),
        omit(
            "legal counsel",
            |s| s.set_data("sign_contract", "legal_counsel", json!(null)),
            "art29.legal_review_missing",
            "block",
        ),
        omit(
            "ip_ownership clause",
            |s| s.drop_from("sign_contract", "clauses", "ip_ownership"),
            "art30.ip_ownership_missing",
            "block",
        ),
        omit(
            "data_ownership clause",
            |s| s.drop_from("sign_contract", "clauses", "data_ownership"),
            "art30.data_ownership_missing",
            "block",
        ),
        omit(
            "ip_liability clause",
            |s| s.drop_from("sign_contract", "clauses", "ip_liability"),
            "art30.ip_liability_missing",
            "block",
        ),
        omit(
            "implementation_period clause",
            |s| s.drop_from("sign_contract", "clauses", "implementation_period"),
            "art30.warranty_terms_missing",
            "block",
        ),
        omit(
            "warranty_terms clause",
            |s| s.drop_from("sign_contract", "clauses", "warranty_terms"),
            "art30.warranty_terms_missing",
            "block",
        ),
        omit(
            "implementation within 3 years (37 months)",
            |s| s.set_data("sign_contract", "implementation_months", json!(37)),
            "art30.implementation_period_exceeds_3y",
            "block",
        ),
        omit(
            "a 2-year warranty (12 months, no justification)",
            |s| s.set_data("sign_contract", "warranty_months", json!(12)),
            "art30.warranty_below_2y",
            "warning",
        ),
        // ---- chapter 6: implementation and change (Art 32, 33) ----
        omit(
            "responsible person",
            |s| s.set_data("start_implementation", "responsible_person", json!(null)),
            "art32.responsible_person_missing",
            "block",
        ),
        omit(
            "implementing agency",
            |s| s.set_data("start_implementation", "implementing_agency", json!(null)),
            "art32.responsible_person_missing",
            "block",
        ),
        omit(
            "an approved change before editing the goals",
            |s| {
                s.insert_before(
                    "report_progress",
                    Step::Edit(json!({"goals": "2027年底前实现景区预约“一网通办”"})),
                )
            },
            "art33.major_change_unapproved",
            "block",
        ),
        omit(
            "staying within the approved budget",
            |s| s.set_data("report_progress", "spent_yuan", json!("3000000.01")),
            "art33.budget_exceeded",
            "violation",
        ),
        omit(
            "topping up an overrun (原则上超支不补)",
            |s| {
                let change = ev(
                    "request_change",
                    "2026-01-05",
                    "construction_unit",
                    json!({"aspects": ["budget_yuan"], "proposed": {"budget_yuan": "3300000.00"}}),
                );
                let approval = ev("approve_change", "2026-01-20", "big_data_center", json!({}));
                s.insert_before("report_progress", Step::Event(change));
                s.insert_before("report_progress", Step::Event(approval));
                s.set_data(
                    "pass_final_acceptance",
                    "actual_cost_yuan",
                    json!("3300000.00"),
                );
            },
            "art25.overrun_not_supplemented",
            "warning",
        ),
        omit(
            "spending the whole budget (surplus goes back)",
            |s| {
                s.set_data(
                    "pass_final_acceptance",
                    "actual_cost_yuan",
                    json!("2900000.00"),
                )
            },
            "art25.surplus_to_return",
            "warning",
        ),
        // ---- chapter 7: acceptance and evaluation (Art 34–36) ----
        omit(
            "acceptance opinion",
            |s| s.drop_doc("pass_final_acceptance", "acceptance_opinion"),
            "art34.acceptance_opinion_missing",
            "block",
        ),
        omit(
            "applying for final acceptance by planned completion",
            |s| s.patch_start(json!({"planned_completion": "2026-10-31"})),
            "art35.final_acceptance_overdue",
            "violation",
        ),
        omit(
            "rectification plan after a failed acceptance",
            |s| {
                s.fail_acceptance_once();
                s.drop_doc("resubmit_final_acceptance", "rectification_plan");
            },
            "art35.rectification_plan_missing",
            "block",
        ),
        omit(
            "rectifying by the acceptance deadline",
            |s| {
                s.fail_acceptance_once();
                s.set_date("resubmit_final_acceptance", "2026-11-28");
            },
            "art35.acceptance_rectification_overdue",
            "violation",
        ),
        omit(
            "self-evaluation of 2027",
            |s| s.remove_in_year("submit_self_evaluation", None, "2027"),
            "art36.self_evaluation_overdue",
            "violation",
        ),
        omit(
            "self-evaluation of 2028",
            |s| s.remove_in_year("submit_self_evaluation", None, "2028"),
            "art36.self_evaluation_overdue",
            "violation",
        ),
        // ---- chapter 8: security (Art 38, 39) ----
        omit(
            "crypto assessment before acceptance",
            |s| s.remove_in_year("record_assessment", Some("crypto_assessment"), "2026"),
            "art38.crypto_assessment_missing",
            "block",
        ),
        omit(
            "MLPS filing before acceptance",
            |s| s.drop_doc("pass_preliminary_acceptance", "mlps_filing"),
            "art39.mlps_filing_missing",
            "block",
        ),
        omit(
            "crypto assessment of 2027",
            |s| s.remove_in_year("record_assessment", Some("crypto_assessment"), "2027"),
            "art38.crypto_assessment_overdue",
            "violation",
        ),
        omit(
            "crypto assessment of 2028",
            |s| s.remove_in_year("record_assessment", Some("crypto_assessment"), "2028"),
            "art38.crypto_assessment_overdue",
            "violation",
        ),
        omit(
            "risk assessment of 2027",
            |s| s.remove_in_year("record_assessment", Some("risk_assessment"), "2027"),
            "art39.risk_assessment_overdue",
            "violation",
        ),
        omit(
            "risk assessment of 2028",
            |s| s.remove_in_year("record_assessment", Some("risk_assessment"), "2028"),
            "art39.risk_assessment_overdue",
            "violation",
        ),
        omit(
            "MLPS assessment of 2027",
            |s| s.remove_in_year("record_assessment", Some("mlps_assessment"), "2027"),
            "art39.mlps_assessment_overdue",
            "violation",
        ),
        // ---- chapter 9: supervision (Art 41) ----
        omit(
            "rectification of a supervision order",
            |s| {
                s.remove_kind("complete_rectification");
                s.remove_kind("confirm_rectification");
            },
            "art41.rectification_overdue",
            "violation",
        ),
        omit(
            "rectification by the order's deadline",
            |s| {
                s.set_date("complete_rectification", "2027-05-06");
                s.set_date("confirm_rectification", "2027-05-08");
            },
            "art41.rectification_overdue",
            "violation",
        ),
        omit(
            "grounds for a public criticism",
            |s| {
                s.insert_before(
                    "order_rectification",
                    Step::Event(ev(
                        "notify_criticism",
                        "2026-12-10",
                        "big_data_center",
                        json!({}),
                    )),
                )
            },
            "art41.sanction_without_grounds",
            "block",
        ),
    ];
    // Each Art 29 clause (a "should generally include": one warning each).
    const CLAUSE_MUTATIONS: [fn(&mut Scenario); 7] = [
        |s| s.drop_from("sign_contract", "clauses", ART29_CLAUSES[0]),
        |s| s.drop_from("sign_contract", "clauses", ART29_CLAUSES[1]),
        |s| s.drop_from("sign_contract", "clauses", ART29_CLAUSES[2]),
        |s| s.drop_from("sign_contract", "clauses", ART29_CLAUSES[3]),
        |s| s.drop_from("sign_contract", "clauses", ART29_CLAUSES[4]),
        |s| s.drop_from("sign_contract", "clauses", ART29_CLAUSES[5]),
        |s| s.drop_from("sign_contract", "clauses", ART29_CLAUSES[6]),
    ];
    const CLAUSE_NAMES: [&str; 7] = [
        "name clause",
        "subject_scope clause",
        "performance_plan clause",
        "confidentiality clause",
        "result_ownership clause",
        "acceptance_criteria clause",
        "glossary clause",
    ];
    for (what, mutate) in CLAUSE_NAMES.into_iter().zip(CLAUSE_MUTATIONS) {
        rows.push(omit(
            what,
            mutate,
            "art29.contract_clause_missing",
            "warning",
        ));
    }
    rows
}

#[test]
fn each_omission_gives_exactly_its_finding() {
    let e = engine();
    let rows = omissions();
    let mut failures = Vec::new();
    let mut report = Vec::new();
    for row in &rows {
        let mut s = happy();
        (row.mutate)(&mut s);
        let out = run(&e, &s);
        let found = out.rules();
        let expected: BTreeSet<String> = [row.rule.to_string()].into();
        let severities: BTreeSet<&str> = out
            .seen
            .iter()
            .filter(|x| x.rule == row.rule)
            .map(|x| x.severity.as_str())
            .collect();
        // A block must refuse an event; other severities must not stop the walk.
        let stopped_as_expected = (row.severity == "block") == out.refused.is_some();
        let ok = found == expected && severities == [row.severity].into() && stopped_as_expected;
        report.push(format!(
            "{} omitted → {} ({}): {}",
            row.what,
            row.rule,
            row.severity,
            if ok { "ok" } else { "FAILED" }
        ));
        if !ok {
            failures.push(format!(
                "{} omitted: expected exactly {} ({}), got {:?}\n{}",
                row.what,
                row.rule,
                row.severity,
                found,
                out.describe()
            ));
        }
    }
    eprintln!("{}", report.join("\n"));
    assert!(
        failures.is_empty(),
        "{} of {} omissions did not give exactly their finding:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------
// The catalogue against CONTRACT §5.
// ---------------------------------------------------------------------------

/// Every rule of CONTRACT §5 (the Art 25 O&M line expanded) with its severity.
const CONTRACT_RULES: &[(&str, &str)] = &[
    ("art06.demand_incomplete", "block"),
    ("art08.party_committee_decision_missing", "block"),
    ("art15.joint_plan_missing", "block"),
    ("art17.emergency_decision_missing", "block"),
    ("art06.construction_plan_missing", "block"),
    ("art06.crypto_plan_missing", "block"),
    ("art06.feasibility_study_missing", "block"),
    ("art07.secure_reliable_statement_missing", "block"),
    ("art09.off_cloud_security_responsibility", "block"),
    ("art10.internal_platform", "block"),
    ("art10.public_platform", "block"),
    ("art11.shared_use_expected", "block"),
    ("art12.supervision_integration_missing", "block"),
    ("art13.data_sharing_plan_missing", "block"),
    ("art37.security_budget_below_5pct", "block"),
    ("art14.priority_project", "info"),
    ("art16.approval_authority", "block"),
    ("art19.not_higher_level", "block"),
    ("art22.not_in_library", "block"),
    ("art23.co_built_split_missing", "block"),
    ("art24.responsibility_letter_missing", "block"),
    ("art28.procurement_method_mismatch", "block"),
    ("art28.contract_signing_late", "violation"),
    ("art28.contract_filing_late", "violation"),
    ("art28.contract_not_filed", "block"),
    ("art29.legal_review_missing", "block"),
    ("art29.contract_clause_missing", "warning"),
    ("art30.ip_ownership_missing", "block"),
    ("art30.data_ownership_missing", "block"),
    ("art30.ip_liability_missing", "block"),
    ("art30.warranty_terms_missing", "block"),
    ("art30.implementation_period_exceeds_3y", "block"),
    ("art30.warranty_below_2y", "warning"),
    ("art32.responsible_person_missing", "block"),
    ("art33.major_change_unapproved", "block"),
    ("art33.budget_exceeded", "violation"),
    ("art25.overrun_not_supplemented", "warning"),
    ("art25.surplus_to_return", "warning"),
    ("art34.acceptance_opinion_missing", "block"),
    ("art35.final_acceptance_overdue", "violation"),
    ("art35.rectification_plan_missing", "block"),
    ("art36.self_evaluation_overdue", "violation"),
    ("art38.crypto_assessment_missing", "block"),
    ("art38.crypto_assessment_overdue", "violation"),
    ("art39.mlps_filing_missing", "block"),
    ("art39.risk_assessment_overdue", "violation"),
    ("art25.om_data_not_shared", "block"),
    ("art25.om_infrastructure_not_unified", "block"),
    ("art25.om_crypto_security_noncompliant", "block"),
    ("art25.om_poor_evaluation", "block"),
    ("art25.om_major_security_risk", "block"),
    ("art25.om_progress_not_filed", "block"),
    ("art41.rectification_overdue", "violation"),
    ("art41.sanction_without_grounds", "block"),
    // Structural rules (CONTRACT §4, §5).
    ("lifecycle.invalid_transition", "block"),
    ("lifecycle.date_out_of_order", "block"),
    ("auth.role_not_permitted", "block"),
    ("auth.unit_mismatch", "block"),
    ("art44.not_approved", "block"),
    ("art47.not_in_force", "info"),
    ("art02.out_of_scope", "block"),
    ("calendar.year_unknown", "warning"),
];

#[test]
fn every_contract_rule_is_in_the_catalogue_with_its_severity() {
    let infos = govit::rules::rule_infos();
    let mut missing = Vec::new();
    for (id, severity) in CONTRACT_RULES {
        match infos.iter().find(|r| r.rule == *id) {
            None => missing.push(format!("{id}: not in the catalogue")),
            Some(r) if r.severity.as_str() != *severity => missing.push(format!(
                "{id}: severity {} instead of {severity}",
                r.severity
            )),
            Some(_) => {}
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    // And `govit_rules` serves the same catalogue.
    let served: Vec<Value> = serde_json::from_str(&engine().rules_json()).unwrap();
    assert_eq!(served.len(), infos.len());
    let ids: BTreeSet<&str> = infos.iter().map(|r| r.rule).collect();
    assert_eq!(ids.len(), infos.len(), "rule ids are unique");
}

/// Chinese numerals for 1..=99, written independently of the library.
fn zh_number(n: u8) -> String {
    let d = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match (n / 10, n % 10) {
        (0, o) => d[o as usize].to_string(),
        (1, o) => format!("十{}", d[o as usize]),
        (t, o) => format!("{}十{}", d[t as usize], d[o as usize]),
    }
}

#[test]
fn every_article_is_cited_in_the_official_form() {
    assert_eq!(zh_number(2), "二");
    assert_eq!(zh_number(10), "十");
    assert_eq!(zh_number(28), "二十八");
    assert_eq!(zh_number(40), "四十");
    assert_eq!(zh_number(41), "四十一");
    for r in govit::rules::rule_infos() {
        // artNN.* ids carry article NN; structural ids none.
        let from_id: Option<u8> = r
            .rule
            .strip_prefix("art")
            .map(|rest| rest[..2].parse().expect("artNN prefix"));
        assert_eq!(r.article, from_id, "{}", r.rule);
        match r.article {
            Some(n) => {
                assert!((1..=47).contains(&n), "{}: article {n}", r.rule);
                assert_eq!(
                    r.citation.as_deref(),
                    Some(
                        format!("《曲阜市政务信息化项目建设管理办法》第{}条", zh_number(n))
                            .as_str()
                    ),
                    "{}",
                    r.rule
                );
            }
            None => assert_eq!(r.citation, None, "{}", r.rule),
        }
        assert!(!r.title.is_empty() && !r.title_en.is_empty(), "{}", r.rule);
    }
    assert_eq!(
        govit::rules::citation(28),
        "《曲阜市政务信息化项目建设管理办法》第二十八条"
    );
    assert_eq!(
        govit::rules::citation(41),
        "《曲阜市政务信息化项目建设管理办法》第四十一条"
    );
}
