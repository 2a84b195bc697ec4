//! The standard path from draft to operating is accepted, step by step, with the states the contract gives.
mod support;
use support::*;

#[test]
fn standard_path_reaches_operating_with_no_block_or_violation() {
    let engine = engine();
    let mut project = sample();
    for (expected, event) in standard_path() {
        let r = apply(&engine, &project, &event);
        assert_eq!(
            r["accepted"], true,
            "{} refused: {:#}",
            event["type"], r["findings"]
        );
        assert_eq!(r["state_after"], expected, "{}", event["type"]);
        for f in r["findings"].as_array().unwrap() {
            assert!(
                !matches!(f["severity"].as_str(), Some("block" | "violation")),
                "{} gave {f:#}",
                event["type"]
            );
        }
        project = r["project"].clone();
    }
    assert_eq!(project["state"], "operating");
    let verified: serde_json::Value =
        serde_json::from_str(&engine.verify_json(&project.to_string()).unwrap()).unwrap();
    assert_eq!(verified["valid"], true, "{verified:#}");
}
