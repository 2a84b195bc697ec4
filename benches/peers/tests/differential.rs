//! Differential test: govit and the Rego policy (regorus) find the same set of
//! rule ids for `submit_technical` on thousands of generated project records.

use govit_peers::{case, govit_decide, govit_judge, Rego};
use std::collections::BTreeMap;

const CASES: u64 = 5_000;

#[test]
fn govit_and_rego_agree_on_submit_technical() {
    let engine = govit::Engine::new(None).expect("engine");
    let mut rego = Rego::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut empty = 0;
    let mut accepted = 0;
    for i in 0..CASES {
        let c = case(i);
        let ours = govit_decide(&engine, &c);
        // An accepted event: the JSON API and the typed API give the same bytes
        // (a refused one returns the record exactly as received, by design).
        let (p, e) = (
            engine.parse_project(&c.project).unwrap(),
            engine.parse_event(&c.event).unwrap(),
        );
        let (decision, next) = engine.apply(&p, &e);
        if let Some(next) = next {
            let json: serde_json::Value =
                serde_json::from_str(&engine.apply_json(&c.project, &c.event).unwrap()).unwrap();
            assert_eq!(
                json["project"],
                next.to_value(),
                "case {i}: apply_json and apply differ"
            );
            assert_eq!(
                json["findings"],
                serde_json::to_value(&decision.findings).unwrap(),
                "case {i}"
            );
            accepted += 1;
        }
        assert_eq!(
            govit_judge(&engine, &c),
            ours,
            "case {i}: findings and apply differ"
        );
        let theirs = rego.decide(&c.rego_input());
        assert_eq!(
            ours, theirs,
            "case {i} differs\nproject: {}\nevent: {}",
            c.project, c.event
        );
        for id in &ours {
            *seen.entry(id.clone()).or_default() += 1;
        }
        empty += u64::from(ours.is_empty());
    }
    // Every rule must have been both found and not found, or the cases prove little.
    let expected = [
        "art06.construction_plan_missing",
        "art06.crypto_plan_missing",
        "art06.demand_incomplete",
        "art06.feasibility_study_missing",
        "art07.secure_reliable_statement_missing",
        "art08.party_committee_decision_missing",
        "art09.off_cloud_security_responsibility",
        "art10.internal_platform",
        "art10.public_platform",
        "art11.shared_use_expected",
        "art12.supervision_integration_missing",
        "art13.data_sharing_plan_missing",
        "art15.joint_plan_missing",
        "art17.emergency_decision_missing",
        "art37.security_budget_below_5pct",
    ];
    for id in expected {
        let n = seen.get(id).copied().unwrap_or(0);
        assert!(n > 0 && n < CASES, "{id} found in {n} of {CASES} cases");
    }
    assert_eq!(seen.len(), expected.len(), "unexpected rules: {seen:?}");
    assert!(empty > 0, "no case passes every rule");
    assert!(accepted > 0, "no case is accepted");
    println!(
        "{CASES} cases agree; {empty} with no finding, {accepted} accepted; per rule: {seen:?}"
    );
}
