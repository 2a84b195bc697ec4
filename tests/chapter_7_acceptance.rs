//! Chapter 7 of the measures (验收和绩效评价管理, Art 34–36), CONTRACT §5:
//! the acceptance opinion, applying for final acceptance by the planned completion
//! date (or an extension), rectifying after a failed acceptance, and the yearly
//! self-evaluation once the system is in operation.
mod support;
use serde_json::{json, Value};
use support::*;

const OVERDUE: &str = "art35.final_acceptance_overdue";
const SELF_EVAL: &str = "art36.self_evaluation_overdue";
const RECTIFY_LATE: &str = "art35.acceptance_rectification_overdue";

fn cu(kind: &str, date: &str, data: Value) -> Value {
    ev(kind, date, "construction_unit", data)
}

fn bdc(kind: &str, date: &str, data: Value) -> Value {
    ev(kind, date, "big_data_center", data)
}

fn pair(event: &str, due: &str) -> Vec<(String, String)> {
    vec![(event.to_string(), due.to_string())]
}

/// Preliminary acceptance passed on 2026-10-20; the planned completion is 2026-12-31.
fn preliminary() -> Value {
    walk_until(&engine(), "apply_final_acceptance")
}

/// Final acceptance applied for on 2026-11-02.
fn applied() -> Value {
    walk_until(&engine(), "pass_final_acceptance")
}

/// Final acceptance failed on 2026-12-01, to be rectified by 2027-01-29.
fn failed() -> Value {
    apply_ok(
        &engine(),
        &applied(),
        &bdc(
            "fail_final_acceptance",
            "2026-12-01",
            json!({"rectification_deadline": "2027-01-29", "documents": ["acceptance_opinion"]}),
        ),
    )
}

/// In operation since 2026-12-01.
fn operating() -> Value {
    walk_to(&engine(), "operating")
}

// ---- art34.acceptance_opinion_missing ----

#[test]
fn passing_final_acceptance_without_an_opinion_is_refused() {
    let r = apply(
        &engine(),
        &applied(),
        &bdc(
            "pass_final_acceptance",
            "2026-12-01",
            json!({"actual_cost_yuan": "3000000.00"}),
        ),
    );
    assert_eq!(r["accepted"], false);
    let f = finding(&r, "art34.acceptance_opinion_missing");
    assert_eq!(f["severity"], "block");
    assert_eq!(
        f["citation"],
        "《曲阜市政务信息化项目建设管理办法》第三十四条"
    );
    assert!(f["message"].as_str().unwrap().contains("验收意见"));
}

#[test]
fn passing_with_the_opinion_is_accepted() {
    let r = apply(&engine(), &applied(), &path_event("pass_final_acceptance"));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, "art34.acceptance_opinion_missing"));
}

#[test]
fn the_opinion_of_a_failed_round_does_not_pass_the_next() {
    let engine = engine();
    let resubmitted = apply_ok(
        &engine,
        &failed(),
        &cu(
            "resubmit_final_acceptance",
            "2027-01-20",
            json!({"documents": ["rectification_plan"]}),
        ),
    );
    let without = apply(
        &engine,
        &resubmitted,
        &bdc(
            "pass_final_acceptance",
            "2027-02-01",
            json!({"actual_cost_yuan": "3000000.00"}),
        ),
    );
    assert_eq!(without["accepted"], false);
    let f = finding(&without, "art34.acceptance_opinion_missing");
    assert!(
        f["message_en"]
            .as_str()
            .unwrap()
            .contains("the opinion filed on 2026-12-01 belongs to an earlier round"),
        "{f:#}"
    );
    let with = apply(
        &engine,
        &resubmitted,
        &bdc(
            "pass_final_acceptance",
            "2027-02-01",
            json!({"actual_cost_yuan": "3000000.00", "documents": ["acceptance_opinion"]}),
        ),
    );
    assert_eq!(with["accepted"], true, "{:#}", with["findings"]);
}

// ---- art35.final_acceptance_overdue ----

#[test]
fn applying_on_the_planned_completion_date_is_on_time() {
    let r = apply(
        &engine(),
        &preliminary(),
        &cu("apply_final_acceptance", "2026-12-31", json!({})),
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, OVERDUE));
}

#[test]
fn applying_the_day_after_is_a_violation() {
    let r = apply(
        &engine(),
        &preliminary(),
        &cu("apply_final_acceptance", "2027-01-01", json!({})),
    );
    assert_eq!(r["accepted"], true);
    let f = finding(&r, OVERDUE);
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["due"], "2026-12-31");
    let zh = f["message"].as_str().unwrap();
    assert!(
        zh.contains("2027-01-01")
            && zh.contains("计划完成日期 2026-12-31")
            && zh.contains("延期验收申请"),
        "{zh}"
    );
}

#[test]
fn overdue_message_in_english() {
    let r = apply(
        &engine_en(),
        &preliminary(),
        &cu("apply_final_acceptance", "2027-01-04", json!({})),
    );
    let f = finding(&r, OVERDUE);
    assert_eq!(f["message"], f["message_en"]);
    assert_eq!(
        f["message_en"],
        "Final acceptance was applied for on 2027-01-04, after the planned completion date 2026-12-31; a unit that cannot apply on time must request an extension from the big-data centre (Art 35), and none was approved."
    );
}

#[test]
fn check_tracks_the_application_deadline_while_implementing_and_preliminary_accepted() {
    let engine = engine();
    for p in [walk_until(&engine, "report_progress"), preliminary()] {
        let on_time = check(&engine, &p, json!({"as_of": "2026-12-31"}));
        assert_eq!(
            deadlines_for(&on_time, OVERDUE),
            pair("apply_final_acceptance", "2026-12-31")
        );
        assert!(!has_rule(&on_time, OVERDUE));
        let late = check(&engine, &p, json!({"as_of": "2027-01-01"}));
        let f = finding(&late, OVERDUE);
        assert_eq!(f["due"], "2026-12-31");
        assert!(f["message_en"]
            .as_str()
            .unwrap()
            .starts_with("As of 2027-01-01 final acceptance has not been applied for"));
    }
    // Once applied, nothing is tracked any more.
    let done = check(&engine, &applied(), json!({"as_of": "2027-03-01"}));
    assert!(deadlines_for(&done, OVERDUE).is_empty());
    assert!(!has_rule(&done, OVERDUE));
}

#[test]
fn an_approved_extension_moves_the_deadline() {
    let engine = engine();
    let p = apply_all(
        &engine,
        &preliminary(),
        &[
            cu(
                "request_extension",
                "2026-12-15",
                json!({"new_deadline": "2027-03-31"}),
            ),
            bdc(
                "approve_extension",
                "2026-12-22",
                json!({"new_deadline": "2027-03-31"}),
            ),
        ],
    );
    assert_eq!(
        deadlines_for(&check(&engine, &p, json!({})), OVERDUE),
        pair("apply_final_acceptance", "2027-03-31")
    );
    let on_time = apply(
        &engine,
        &p,
        &cu("apply_final_acceptance", "2027-03-31", json!({})),
    );
    assert!(!has_rule(&on_time, OVERDUE), "{:#}", on_time["findings"]);
    let late = apply(
        &engine,
        &p,
        &cu("apply_final_acceptance", "2027-04-01", json!({})),
    );
    let f = finding(&late, OVERDUE);
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["due"], "2027-03-31");
    assert!(f["message"]
        .as_str()
        .unwrap()
        .contains("批准的延期验收日期 2027-03-31"));
}

#[test]
fn a_pending_extension_request_turns_lateness_into_a_warning_until_its_date() {
    let engine = engine();
    let p = apply_ok(
        &engine,
        &preliminary(),
        &cu(
            "request_extension",
            "2026-12-15",
            json!({"new_deadline": "2027-03-31"}),
        ),
    );
    let pending = apply(
        &engine,
        &p,
        &cu("apply_final_acceptance", "2027-03-31", json!({})),
    );
    let f = finding(&pending, OVERDUE);
    assert_eq!(f["severity"], "warning");
    assert!(f["message_en"]
        .as_str()
        .unwrap()
        .contains("an extension to 2027-03-31 has been requested"));
    let past = apply(
        &engine,
        &p,
        &cu("apply_final_acceptance", "2027-04-01", json!({})),
    );
    assert_eq!(finding(&past, OVERDUE)["severity"], "violation");
}

#[test]
fn an_approved_change_of_schedule_moves_the_deadline() {
    let engine = engine();
    let p = apply_all(
        &engine,
        &walk_until(&engine, "report_progress"),
        &[
            cu(
                "request_change",
                "2026-06-01",
                json!({"aspects": ["planned_completion"], "proposed": {"planned_completion": "2027-06-30"}}),
            ),
            bdc("approve_change", "2026-06-15", json!({})),
        ],
    );
    let r = check(&engine, &p, json!({"as_of": "2027-01-15"}));
    assert_eq!(
        deadlines_for(&r, OVERDUE),
        pair("apply_final_acceptance", "2027-06-30")
    );
    assert!(!has_rule(&r, OVERDUE));
}

// ---- art35.rectification_plan_missing ----

#[test]
fn resubmitting_without_a_rectification_plan_is_refused() {
    let r = apply(
        &engine(),
        &failed(),
        &cu("resubmit_final_acceptance", "2027-01-20", json!({})),
    );
    assert_eq!(r["accepted"], false);
    let f = finding(&r, "art35.rectification_plan_missing");
    assert_eq!(f["severity"], "block");
    assert!(f["message"].as_str().unwrap().contains("整改方案"));
}

#[test]
fn resubmitting_with_a_rectification_plan_is_accepted() {
    let r = apply(
        &engine(),
        &failed(),
        &cu(
            "resubmit_final_acceptance",
            "2027-01-20",
            json!({"documents": ["rectification_plan"]}),
        ),
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["state_after"], "final_acceptance");
    assert!(!has_rule(&r, "art35.rectification_plan_missing"));
}

#[test]
fn a_second_failure_needs_a_new_plan() {
    let engine = engine();
    let p = apply_all(
        &engine,
        &failed(),
        &[
            cu(
                "resubmit_final_acceptance",
                "2027-01-20",
                json!({"documents": ["rectification_plan"]}),
            ),
            bdc(
                "fail_final_acceptance",
                "2027-02-01",
                json!({"rectification_deadline": "2027-03-31"}),
            ),
        ],
    );
    let r = apply(
        &engine,
        &p,
        &cu("resubmit_final_acceptance", "2027-03-01", json!({})),
    );
    assert_eq!(
        r["accepted"], false,
        "the first plan answered the first failure only"
    );
    assert!(has_rule(&r, "art35.rectification_plan_missing"));
}

// ---- art35.acceptance_rectification_overdue ----

#[test]
fn check_tracks_the_rectification_deadline() {
    let engine = engine();
    let p = failed();
    let on_time = check(&engine, &p, json!({"as_of": "2027-01-29"}));
    assert_eq!(
        deadlines_for(&on_time, RECTIFY_LATE),
        pair("resubmit_final_acceptance", "2027-01-29")
    );
    assert!(!has_rule(&on_time, RECTIFY_LATE));
    let late = check(&engine, &p, json!({"as_of": "2027-01-30"}));
    let f = finding(&late, RECTIFY_LATE);
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["due"], "2027-01-29");
    assert!(f["message"].as_str().unwrap().contains("截至 2027-01-30"));
}

#[test]
fn resubmitting_after_the_rectification_deadline_is_a_violation() {
    let engine = engine();
    let plan = json!({"documents": ["rectification_plan"]});
    let on_time = apply(
        &engine,
        &failed(),
        &cu("resubmit_final_acceptance", "2027-01-29", plan.clone()),
    );
    assert!(!has_rule(&on_time, RECTIFY_LATE));
    let late = apply(
        &engine,
        &failed(),
        &cu("resubmit_final_acceptance", "2027-02-01", plan),
    );
    assert_eq!(late["accepted"], true);
    assert_eq!(finding(&late, RECTIFY_LATE)["due"], "2027-01-29");
    // Resubmitted: the deadline is cleared and nothing is tracked any more.
    let after = check(&engine, &late["project"], json!({"as_of": "2027-03-01"}));
    assert!(deadlines_for(&after, RECTIFY_LATE).is_empty());
    assert!(!has_rule(&after, RECTIFY_LATE));
}

// ---- art36.self_evaluation_overdue ----

#[test]
fn the_first_self_evaluation_is_due_on_the_first_anniversary() {
    let engine = engine();
    let p = operating();
    let r = check(&engine, &p, json!({"as_of": "2027-12-01"}));
    assert_eq!(
        deadlines_for(&r, SELF_EVAL),
        pair("submit_self_evaluation", "2027-12-01")
    );
    assert!(!has_rule(&r, SELF_EVAL));
    let late = check(&engine, &p, json!({"as_of": "2027-12-02"}));
    let f = finding(&late, SELF_EVAL);
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["due"], "2027-12-01");
    let zh = f["message"].as_str().unwrap();
    assert!(
        zh.contains("2026-12-01") && zh.contains("已满 1 个运营年度") && zh.contains("已报送 0 份"),
        "{zh}"
    );
}

#[test]
fn self_evaluation_message_in_english() {
    let r = check(&engine_en(), &operating(), json!({"as_of": "2029-01-10"}));
    let f = finding(&r, SELF_EVAL);
    assert_eq!(f["message"], f["message_en"]);
    assert_eq!(
        f["message_en"],
        "The project passed final acceptance on 2026-12-01; as of 2029-01-10, 2 operating year(s) have ended (each due a self-evaluation by the anniversary of final acceptance), but 0 self-evaluation report(s) were filed (years: none), so 2 are missing, the earliest due by 2027-12-01. The construction unit must self-evaluate every year of operation and report to the big-data centre (Art 36)."
    );
}

#[test]
fn each_self_evaluation_covers_one_operating_year() {
    let engine = engine();
    let p = apply_ok(
        &engine,
        &operating(),
        &cu(
            "submit_self_evaluation",
            "2027-11-20",
            json!({"year": 2027}),
        ),
    );
    let r = check(&engine, &p, json!({"as_of": "2028-12-01"}));
    assert!(!has_rule(&r, SELF_EVAL));
    assert_eq!(
        deadlines_for(&r, SELF_EVAL),
        pair("submit_self_evaluation", "2028-12-01")
    );
    let late = check(&engine, &p, json!({"as_of": "2028-12-02"}));
    let f = finding(&late, SELF_EVAL);
    assert_eq!(f["due"], "2028-12-01");
    assert!(f["message"].as_str().unwrap().contains("年度：2027"));
}

#[test]
fn a_late_self_evaluation_clears_the_overdue_year() {
    let engine = engine();
    let p = apply_ok(
        &engine,
        &operating(),
        &cu(
            "submit_self_evaluation",
            "2027-12-20",
            json!({"year": 2027}),
        ),
    );
    assert!(!has_rule(
        &check(&engine, &p, json!({"as_of": "2027-12-21"})),
        SELF_EVAL
    ));
}

#[test]
fn the_same_year_submitted_twice_counts_once() {
    let engine = engine();
    let p = apply_all(
        &engine,
        &operating(),
        &[
            cu(
                "submit_self_evaluation",
                "2027-11-20",
                json!({"year": 2027}),
            ),
            cu(
                "submit_self_evaluation",
                "2028-11-20",
                json!({"year": 2027}),
            ),
        ],
    );
    let r = check(&engine, &p, json!({"as_of": "2028-12-02"}));
    assert_eq!(finding(&r, SELF_EVAL)["due"], "2028-12-01");
}

#[test]
fn requesting_om_funding_without_the_self_evaluation_is_a_violation() {
    let engine = engine();
    let data = json!({"year": 2028, "data_shared": true, "unified_infrastructure": true, "crypto_compliant": true, "security_compliant": true, "major_security_risk": false});
    let on_time = apply(
        &engine,
        &operating(),
        &cu("request_om_funding", "2027-12-01", data.clone()),
    );
    assert!(!has_rule(&on_time, SELF_EVAL), "{:#}", on_time["findings"]);
    let late = apply(
        &engine,
        &operating(),
        &cu("request_om_funding", "2027-12-02", data),
    );
    let f = finding(&late, SELF_EVAL);
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["due"], "2027-12-01");
}

#[test]
fn no_self_evaluation_is_tracked_before_operation() {
    let r = check(&engine(), &applied(), json!({"as_of": "2030-01-01"}));
    assert!(deadlines_for(&r, SELF_EVAL).is_empty());
    assert!(!has_rule(&r, SELF_EVAL));
}

#[test]
fn a_leap_day_acceptance_falls_due_on_the_last_day_of_february() {
    let engine = engine();
    let p = apply_ok(
        &engine,
        &applied(),
        &bdc(
            "pass_final_acceptance",
            "2028-02-29",
            json!({"actual_cost_yuan": "3000000.00", "documents": ["acceptance_opinion"]}),
        ),
    );
    let r = check(&engine, &p, json!({"as_of": "2029-03-01"}));
    assert_eq!(finding(&r, SELF_EVAL)["due"], "2029-02-28");
    assert_eq!(
        deadlines_for(&r, SELF_EVAL),
        pair("submit_self_evaluation", "2029-02-28")
    );
}
