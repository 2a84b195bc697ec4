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
        "The project passed final acceptance on 2026-12-01; as of 2029-01-10, 2 operating year(s) have ended (each due a self-evaluation by the anniversary of final acceptance, inclusive), but 0 self-evaluation report(s) were filed (years: none), so 2 are missing, the earliest due by 2027-12-01. The construction unit must self-evaluate every year of operation and report to the big-data centre (Art 36)."
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

// ---- art34.not_delegated ----

const NOT_DELEGATED: &str = "art34.not_delegated";

fn cu_pass(date: &str, data: Value) -> Value {
    let mut d = json!({"actual_cost_yuan": "3000000.00", "documents": ["acceptance_opinion"]});
    merge(&mut d, data);
    cu("pass_final_acceptance", date, d)
}

#[test]
fn why_07_self_declared_delegation() {
    // Issue 14, Why 7: the construction unit passed its own final acceptance with
    // `data.delegated: true`; no act of the centre recorded the 委托.
    let engine = engine();
    let r = apply(
        &engine,
        &applied(),
        &cu_pass("2026-12-01", json!({"delegated": true})),
    );
    assert_eq!(r["accepted"], false, "{:#}", r["findings"]);
    assert_eq!(rule_ids(&r), vec![NOT_DELEGATED]);
    let f = finding(&r, NOT_DELEGATED);
    assert_eq!(f["severity"], "block");
    assert_eq!(f["article"], 34);
    let zh = f["message"].as_str().unwrap();
    assert!(
        zh.contains("委托项目建设单位组织竣工验收") && zh.contains("是否受委托组织验收"),
        "{zh}"
    );
    assert!(!zh.contains("delegated") && !zh.contains('`'), "{zh}");
    assert_eq!(
        f["remedy"],
        "请市大数据中心先办理“委托项目建设单位组织竣工验收”，或由市大数据中心组织竣工验收。"
    );
    assert!(f["remedy_en"]
        .as_str()
        .unwrap()
        .contains("delegate_final_acceptance"));
}

#[test]
fn after_delegation_the_construction_unit_passes_or_fails() {
    let engine = engine();
    let delegated = apply_ok(
        &engine,
        &applied(),
        &bdc("delegate_final_acceptance", "2026-11-20", json!({})),
    );
    let pass = apply(&engine, &delegated, &cu_pass("2026-12-01", json!({})));
    assert_eq!(pass["accepted"], true, "{:#}", pass["findings"]);
    assert_eq!(pass["state_after"], "operating");
    let fail = apply(
        &engine,
        &delegated,
        &cu(
            "fail_final_acceptance",
            "2026-12-01",
            json!({"rectification_deadline": "2027-01-29"}),
        ),
    );
    assert_eq!(fail["accepted"], true, "{:#}", fail["findings"]);
    assert_eq!(fail["state_after"], "rectifying");
    // Delegated before the application (in preliminary_accepted) counts too.
    let early = apply_all(
        &engine,
        &preliminary(),
        &[
            bdc("delegate_final_acceptance", "2026-10-25", json!({})),
            cu("apply_final_acceptance", "2026-11-02", json!({})),
        ],
    );
    assert_eq!(
        apply(&engine, &early, &cu_pass("2026-12-01", json!({})))["accepted"],
        true
    );
}

#[test]
fn without_delegation_the_construction_unit_cannot_fail_either() {
    let r = apply(
        &engine(),
        &applied(),
        &cu(
            "fail_final_acceptance",
            "2026-12-01",
            json!({"rectification_deadline": "2027-01-29"}),
        ),
    );
    assert_eq!(r["accepted"], false);
    assert_eq!(rule_ids(&r), vec![NOT_DELEGATED]);
    assert!(!finding(&r, NOT_DELEGATED)["message"]
        .as_str()
        .unwrap()
        .contains("是否受委托组织验收"));
}

#[test]
fn the_centre_itself_needs_no_delegation_and_others_get_the_role_refusal() {
    let engine = engine();
    let r = apply(&engine, &applied(), &path_event("pass_final_acceptance"));
    assert!(!has_rule(&r, NOT_DELEGATED));
    let other = apply(
        &engine,
        &applied(),
        &ev(
            "pass_final_acceptance",
            "2026-12-01",
            "finance",
            json!({"documents": ["acceptance_opinion"]}),
        ),
    );
    assert_eq!(rule_ids(&other), vec!["auth.role_not_permitted"]);
}

// ---- art35: extensions (requested in time, later than the deadline, decided) ----

const LATE_REQUEST: &str = "art35.extension_requested_late";
const NOT_LATER: &str = "art35.extension_not_later";

fn request(date: &str, to: &str) -> Value {
    cu("request_extension", date, json!({ "new_deadline": to }))
}

#[test]
fn an_extension_requested_on_the_deadline_is_in_time_the_day_after_is_late() {
    let engine = engine();
    let on_time = apply(
        &engine,
        &preliminary(),
        &request("2026-12-31", "2027-03-31"),
    );
    assert_eq!(on_time["accepted"], true, "{:#}", on_time["findings"]);
    assert!(!has_rule(&on_time, LATE_REQUEST));
    let late = apply(
        &engine,
        &preliminary(),
        &request("2027-01-01", "2027-03-31"),
    );
    assert_eq!(late["accepted"], true, "a late request is still recorded");
    let f = finding(&late, LATE_REQUEST);
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["due"], "2026-12-31");
    let zh = f["message"].as_str().unwrap();
    assert!(
        zh.contains("计划完成日期 2026-12-31") && zh.contains("1 天"),
        "{zh}"
    );
    assert!(f["remedy"].as_str().unwrap().contains("含当日"));
}

#[test]
fn why_09_extensions() {
    // Issue 14, Why 9: there was no reject_extension, and an extension requested
    // after the deadline still softened the lateness.
    let engine = engine();
    // Requested after the deadline: applying while it is pending is still a violation.
    let late = apply_ok(
        &engine,
        &preliminary(),
        &request("2027-01-05", "2027-03-31"),
    );
    let r = apply(
        &engine,
        &late,
        &cu("apply_final_acceptance", "2027-01-20", json!({})),
    );
    let f = finding(&r, OVERDUE);
    assert_eq!(f["severity"], "violation", "{f:#}");
    assert!(f["message"].as_str().unwrap().contains("晚于期限"));
    let c = check(&engine, &late, json!({"as_of": "2027-01-20"}));
    assert_eq!(finding(&c, OVERDUE)["severity"], "violation");
    // Requested in time, it softens until decided; rejected, the lateness is a violation.
    let pending = apply_ok(
        &engine,
        &preliminary(),
        &request("2026-12-20", "2027-03-31"),
    );
    let c = check(&engine, &pending, json!({"as_of": "2027-01-20"}));
    assert_eq!(finding(&c, OVERDUE)["severity"], "warning");
    let rejected = apply(
        &engine,
        &pending,
        &bdc("reject_extension", "2027-01-10", json!({})),
    );
    assert_eq!(rejected["accepted"], true, "{:#}", rejected["findings"]);
    let c = check(
        &engine,
        &rejected["project"],
        json!({"as_of": "2027-01-20"}),
    );
    assert_eq!(finding(&c, OVERDUE)["severity"], "violation");
    // The centre alone decides.
    let by_unit = apply(
        &engine,
        &pending,
        &cu("reject_extension", "2027-01-10", json!({})),
    );
    assert!(has_rule(&by_unit, "auth.role_not_permitted"));
}

#[test]
fn a_pending_request_never_softens_beyond_the_date_it_proposes() {
    let engine = engine();
    let pending = apply_ok(
        &engine,
        &preliminary(),
        &request("2026-12-20", "2027-02-28"),
    );
    let on = check(&engine, &pending, json!({"as_of": "2027-02-28"}));
    assert_eq!(finding(&on, OVERDUE)["severity"], "warning");
    let after = check(&engine, &pending, json!({"as_of": "2027-03-01"}));
    let f = finding(&after, OVERDUE);
    assert_eq!(f["severity"], "violation");
    assert!(f["message_en"]
        .as_str()
        .unwrap()
        .contains("the date the requested extension proposes (2027-02-28) has passed"));
}

#[test]
fn an_extension_must_be_later_than_the_deadline_it_extends() {
    let engine = engine();
    let same = apply(
        &engine,
        &preliminary(),
        &request("2026-12-15", "2026-12-31"),
    );
    assert_eq!(same["accepted"], false);
    let f = finding(&same, NOT_LATER);
    assert_eq!(f["severity"], "block");
    let zh = f["message"].as_str().unwrap();
    assert!(
        zh.contains("2026-12-31") && !zh.contains("new_deadline"),
        "{zh}"
    );
    assert!(f["remedy"].as_str().is_some());
    let next_day = apply(
        &engine,
        &preliminary(),
        &request("2026-12-15", "2027-01-01"),
    );
    assert_eq!(next_day["accepted"], true, "{:#}", next_day["findings"]);
    // Approving: against the deadline in force too.
    let p = next_day["project"].clone();
    let approve = |to: &str| {
        apply(
            &engine,
            &p,
            &bdc(
                "approve_extension",
                "2026-12-20",
                json!({ "new_deadline": to }),
            ),
        )
    };
    assert!(has_rule(&approve("2026-12-30"), NOT_LATER));
    assert!(!has_rule(&approve("2027-01-01"), NOT_LATER));
    // After an approved extension, a further one must go beyond it.
    let extended = approve("2027-03-31")["project"].clone();
    let again = |to: &str| apply(&engine, &extended, &request("2027-03-01", to));
    let r = again("2027-03-31");
    assert!(has_rule(&r, NOT_LATER));
    assert!(finding(&r, NOT_LATER)["message"]
        .as_str()
        .unwrap()
        .contains("批准的延期验收日期 2027-03-31"));
    assert_eq!(again("2027-04-01")["accepted"], true);
    // Requested before the extended deadline: in time.
    assert!(!has_rule(&again("2027-04-01"), LATE_REQUEST));
}

#[test]
fn an_extension_is_decided_only_on_a_request_awaiting_it() {
    const NOT_REQUESTED: &str = "art35.extension_not_requested";
    let engine = engine();
    let approve = |p: &Value, date: &str| {
        apply(
            &engine,
            p,
            &bdc(
                "approve_extension",
                date,
                json!({ "new_deadline": "2027-03-31" }),
            ),
        )
    };
    let reject = |p: &Value| {
        apply(
            &engine,
            p,
            &bdc("reject_extension", "2027-01-10", json!({})),
        )
    };
    // Unasked: a late unit's extension granted by the centre would leave its lateness unrecorded.
    for r in [
        approve(&preliminary(), "2027-01-10"),
        reject(&preliminary()),
    ] {
        assert_eq!(r["accepted"], false, "{:#}", r["findings"]);
        let f = finding(&r, NOT_REQUESTED);
        assert_eq!(f["severity"], "block");
        let zh = f["message"].as_str().unwrap();
        assert!(
            zh.contains("没有待审批的延期验收申请")
                && zh.contains("请先由项目建设单位办理“申请延期验收”"),
            "{zh}"
        );
        assert!(f["remedy"].as_str().unwrap().contains("“申请延期验收”"));
    }
    // Asked, even late: decided, and the lateness stays on the record.
    let late = apply_ok(
        &engine,
        &preliminary(),
        &request("2027-01-05", "2027-03-31"),
    );
    let approved = approve(&late, "2027-01-10");
    assert_eq!(approved["accepted"], true, "{:#}", approved["findings"]);
    assert!(!has_rule(&approved, NOT_REQUESTED));
    assert_eq!(reject(&late)["accepted"], true);
    // A request is decided once: approving again, or after a rejection, is unasked.
    assert!(has_rule(
        &approve(&approved["project"], "2027-01-11"),
        NOT_REQUESTED
    ));
    let rejected = reject(&late)["project"].clone();
    assert!(has_rule(&approve(&rejected, "2027-01-11"), NOT_REQUESTED));
}

// ---- art36.self_evaluation_year_invalid, art36.post_evaluation_not_commissioned ----

const YEAR_INVALID: &str = "art36.self_evaluation_year_invalid";
const NOT_COMMISSIONED: &str = "art36.post_evaluation_not_commissioned";

fn self_eval(date: &str, year: i32) -> Value {
    cu("submit_self_evaluation", date, json!({ "year": year }))
}

fn third_party(unit: &str, date: &str, result: &str) -> Value {
    json!({
        "type": "complete_post_evaluation", "date": date,
        "actor": {"role": "third_party", "unit": unit},
        "data": {"result": result}
    })
}

fn om_request(date: &str) -> Value {
    cu(
        "request_om_funding",
        date,
        json!({"year": 2027, "data_shared": true, "unified_infrastructure": true, "crypto_compliant": true, "security_compliant": true, "major_security_risk": false}),
    )
}

#[test]
fn a_self_evaluation_is_for_a_year_of_operation_that_has_begun() {
    let engine = engine();
    let p = operating(); // final acceptance 2026-12-01
    let accepted = |e: Value| {
        let r = apply(&engine, &p, &e);
        (r["accepted"] == true, has_rule(&r, YEAR_INVALID))
    };
    // The year of final acceptance is the first year of operation.
    assert_eq!(accepted(self_eval("2026-12-20", 2026)), (true, false));
    // A year not begun: refused on 2026-12-31, accepted on 2027-01-01.
    assert_eq!(accepted(self_eval("2026-12-31", 2027)), (false, true));
    assert_eq!(accepted(self_eval("2027-01-01", 2027)), (true, false));
    // Before operation began.
    assert_eq!(accepted(self_eval("2027-11-20", 2025)), (false, true));
    let r = apply(&engine, &p, &self_eval("2027-11-20", 2025));
    let f = finding(&r, YEAR_INVALID);
    assert_eq!(f["severity"], "block");
    assert!(f["message"].as_str().unwrap().contains("2026-12-01"));
}

#[test]
fn a_post_evaluation_needs_a_commission_and_the_commissioned_unit() {
    let engine = engine();
    let p = operating();
    let none = apply(
        &engine,
        &p,
        &third_party("某检测中心", "2028-03-01", "good"),
    );
    assert_eq!(none["accepted"], false);
    assert_eq!(rule_ids(&none), vec![NOT_COMMISSIONED]);
    assert!(finding(&none, NOT_COMMISSIONED)["message"]
        .as_str()
        .unwrap()
        .contains("委托第三方开展后评价"));
    let commissioned = apply_ok(
        &engine,
        &p,
        &bdc(
            "commission_post_evaluation",
            "2028-01-10",
            json!({"evaluator": "山东省软件评测中心"}),
        ),
    );
    let other = apply(
        &engine,
        &commissioned,
        &third_party("某检测中心", "2028-03-01", "good"),
    );
    assert_eq!(rule_ids(&other), vec![NOT_COMMISSIONED]);
    assert!(finding(&other, NOT_COMMISSIONED)["message"]
        .as_str()
        .unwrap()
        .contains("山东省软件评测中心"));
    let right = apply(
        &engine,
        &commissioned,
        &third_party("山东省软件评测中心", "2028-03-01", "good"),
    );
    assert_eq!(right["accepted"], true, "{:#}", right["findings"]);
    assert_eq!(right["project"]["post_evaluation"], "good");
    // The commissioned unit, but not as a third party: the role table refuses it.
    let as_unit = apply(
        &engine,
        &commissioned,
        &cu(
            "complete_post_evaluation",
            "2028-03-01",
            json!({"result": "good"}),
        ),
    );
    assert_eq!(rule_ids(&as_unit), vec!["auth.role_not_permitted"]);
}

#[test]
fn why_10_self_and_post_evaluation() {
    // Issue 14, Why 10: self-evaluations for future years were accepted, and any
    // third party could record a `poor` post-evaluation that then barred O&M funding.
    let engine = engine();
    let p = operating();
    for year in [2027, 2028, 2029, 2030] {
        let r = apply(&engine, &p, &self_eval("2026-12-20", year));
        assert_eq!(r["accepted"], false, "{year}");
        assert!(has_rule(&r, YEAR_INVALID), "{year}");
    }
    let uncommissioned = apply(&engine, &p, &third_party("任意机构", "2027-06-01", "poor"));
    assert_eq!(uncommissioned["accepted"], false);
    assert!(has_rule(&uncommissioned, NOT_COMMISSIONED));
    assert!(!has_rule(
        &apply(&engine, &p, &om_request("2027-06-02")),
        "art25.om_poor_evaluation"
    ));
    // Commissioned, the body's `poor` does bar O&M funding.
    let poor = apply_all(
        &engine,
        &p,
        &[
            bdc(
                "commission_post_evaluation",
                "2027-05-01",
                json!({"evaluator": "山东省软件评测中心"}),
            ),
            third_party("山东省软件评测中心", "2027-06-01", "poor"),
        ],
    );
    let r = apply(&engine, &poor, &om_request("2027-06-02"));
    assert_eq!(r["accepted"], false);
    assert!(has_rule(&r, "art25.om_poor_evaluation"));
}
