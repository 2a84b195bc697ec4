//! Chapter 9 (监督管理, Art 40–46): Art 41's escalation from a rectification
//! order to sanctions, end to end, and Art 44 (no construction before 立项).
mod support;
use serde_json::{json, Value};
use support::*;

const OVERDUE: &str = "art41.rectification_overdue";
const NO_GROUNDS: &str = "art41.sanction_without_grounds";
const UNKNOWN_ORDER: &str = "art41.rectification_order_unknown";
const BAD_DEADLINE: &str = "art41.rectification_deadline_invalid";

// The standard path reaches `implementing` with `start_implementation` on
// 2025-11-03; the orders below come after it.
fn implementing() -> Value {
    let e = engine();
    let p = walk_to(&e, "implementing");
    assert_eq!(p["state"], "implementing");
    p
}

fn order(by: &str, date: &str, id: &str, deadline: &str) -> Value {
    ev(
        "order_rectification",
        date,
        by,
        json!({
            "order_id": id,
            "issues": ["密码应用未通过商用密码应用安全性评估", "未按要求汇聚共享数据"],
            "deadline": deadline
        }),
    )
}

fn complete(date: &str, id: &str) -> Value {
    ev(
        "complete_rectification",
        date,
        "construction_unit",
        json!({ "order_id": id }),
    )
}

fn confirm(by: &str, date: &str, id: &str, compliant: bool) -> Value {
    ev(
        "confirm_rectification",
        date,
        by,
        json!({"order_id": id, "compliant": compliant}),
    )
}

fn sanction(kind: &str, date: &str) -> Value {
    ev(kind, date, "big_data_center", json!({}))
}

const SANCTIONS: [&str; 4] = [
    "notify_criticism",
    "defer_investment",
    "suspend",
    "terminate",
];

#[test]
fn each_supervising_department_may_order_rectification() {
    let e = engine();
    let p = implementing();
    for (i, by) in [
        "big_data_center",
        "finance",
        "cyberspace",
        "cryptography",
        "audit",
    ]
    .iter()
    .enumerate()
    {
        let r = apply(
            &e,
            &p,
            &order(by, "2025-12-01", &format!("ZG-{i}"), "2025-12-31"),
        );
        assert_eq!(r["accepted"], true, "{by}: {:#}", r["findings"]);
        assert_eq!(r["state_after"], "implementing");
        let orders = r["project"]["rectification_orders"].as_array().unwrap();
        assert_eq!(orders.len(), 1);
        assert_eq!(orders[0]["issued_by"], *by);
    }
    for by in ["construction_unit", "third_party", "admin_approval"] {
        let r = apply(&e, &p, &order(by, "2025-12-01", "ZG-X", "2025-12-31"));
        assert_eq!(r["accepted"], false, "{by}");
        assert!(has_rule(&r, "auth.role_not_permitted"), "{by}");
    }
}

#[test]
fn an_order_needs_a_deadline_after_its_date() {
    let e = engine();
    let p = implementing();
    let r = apply(
        &e,
        &p,
        &order("finance", "2025-12-01", "ZG-1", "2025-12-01"),
    );
    assert_eq!(r["accepted"], false);
    assert_eq!(rule_ids(&r), vec![BAD_DEADLINE]);
    assert!(r["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("2025-12-01"));
    let r = apply(
        &e,
        &p,
        &order("finance", "2025-12-01", "ZG-1", "2025-12-02"),
    );
    assert_eq!(r["accepted"], true);
}

#[test]
fn no_sanction_without_any_order() {
    let e = engine();
    let p = implementing();
    for kind in SANCTIONS {
        let r = apply(&e, &p, &sanction(kind, "2026-03-10"));
        assert_eq!(r["accepted"], false, "{kind}");
        assert_eq!(rule_ids(&r), vec![NO_GROUNDS], "{kind}");
        let f = finding(&r, NO_GROUNDS);
        assert_eq!(f["severity"], "block");
        assert_eq!(
            f["citation"],
            "《曲阜市政务信息化项目建设管理办法》第四十一条"
        );
        assert!(f["message"]
            .as_str()
            .unwrap()
            .contains("没有任何限期整改通知"));
    }
}

#[test]
fn rectified_on_time_and_compliant_gives_no_grounds() {
    let e = engine();
    let p = apply_all(
        &e,
        &implementing(),
        &[
            order("cyberspace", "2026-03-10", "WX-2026-01", "2026-04-10"),
            // On the deadline day itself is on time.
            complete("2026-04-10", "WX-2026-01"),
            confirm("cyberspace", "2026-04-15", "WX-2026-01", true),
        ],
    );
    for kind in SANCTIONS {
        let r = apply(&e, &p, &sanction(kind, "2026-05-01"));
        assert_eq!(r["accepted"], false, "{kind}");
        let f = finding(&r, NO_GROUNDS);
        let en = f["message_en"].as_str().unwrap();
        assert!(en.contains("WX-2026-01") && en.contains("on time"), "{en}");
    }
    // And check reports nothing overdue.
    let c = check(&e, &p, json!({"as_of": "2026-06-01"}));
    assert!(!has_rule(&c, OVERDUE));
}

#[test]
fn an_open_order_is_grounds_only_after_its_deadline() {
    let e = engine();
    let p = apply_ok(
        &e,
        &implementing(),
        &order("finance", "2026-03-10", "CZ-7", "2026-04-10"),
    );
    let on_deadline = apply(&e, &p, &sanction("notify_criticism", "2026-04-10"));
    assert_eq!(on_deadline["accepted"], false);
    assert!(finding(&on_deadline, NO_GROUNDS)["message"]
        .as_str()
        .unwrap()
        .contains("尚未到期"));
    let day_after = apply(&e, &p, &sanction("notify_criticism", "2026-04-11"));
    assert_eq!(day_after["accepted"], true, "{:#}", day_after["findings"]);
    assert_eq!(
        day_after["project"]["sanctions"],
        json!([{"kind": "criticism", "date": "2026-04-11"}])
    );
}

#[test]
fn check_reports_an_open_order_past_its_deadline() {
    let e = engine();
    let p = apply_ok(
        &e,
        &implementing(),
        &order("cryptography", "2026-03-10", "MM-3", "2026-04-10"),
    );
    let on_deadline = check(&e, &p, json!({"as_of": "2026-04-10"}));
    assert!(!has_rule(&on_deadline, OVERDUE));
    let deadlines: Vec<&Value> = on_deadline["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == OVERDUE)
        .collect();
    assert_eq!(
        deadlines,
        vec![&json!({"rule": OVERDUE, "event": "complete_rectification", "due": "2026-04-10"})]
    );

    let r = check(&e, &p, json!({"as_of": "2026-04-11"}));
    let f = finding(&r, OVERDUE);
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["article"], 41);
    assert_eq!(f["due"], "2026-04-10");
    let zh = f["message"].as_str().unwrap();
    for part in [
        "MM-3",
        "市密码管理局",
        "2026-03-10",
        "密码应用未通过商用密码应用安全性评估",
        "限期至 2026-04-10",
        "逾期 1 天",
        "第四十一条",
    ] {
        assert!(zh.contains(part), "{part} not in {zh}");
    }
    let en = f["message_en"].as_str().unwrap();
    for part in [
        "MM-3",
        "cryptography",
        "未按要求汇聚共享数据",
        "due by 2026-04-10",
        "1 day(s) overdue",
        "Art 41",
    ] {
        assert!(en.contains(part), "{part} not in {en}");
    }
}

#[test]
fn check_reports_each_overdue_order() {
    let e = engine();
    let p = apply_all(
        &e,
        &implementing(),
        &[
            order("finance", "2026-03-10", "CZ-1", "2026-04-10"),
            order("cyberspace", "2026-03-11", "WX-1", "2026-05-10"),
            order("big_data_center", "2026-03-12", "DSJ-1", "2026-06-10"),
        ],
    );
    let r = check(&e, &p, json!({"as_of": "2026-05-20"}));
    let overdue: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == OVERDUE)
        .collect();
    assert_eq!(overdue.len(), 2);
    assert!(overdue[0]["message"].as_str().unwrap().contains("CZ-1"));
    assert!(overdue[1]["message"].as_str().unwrap().contains("WX-1"));
    let dues: Vec<&str> = r["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == OVERDUE)
        .map(|d| d["due"].as_str().unwrap())
        .collect();
    assert_eq!(dues, vec!["2026-04-10", "2026-05-10", "2026-06-10"]);
}

#[test]
fn late_rectification_escalates_through_every_sanction() {
    for by in ["big_data_center", "finance", "cyberspace", "cryptography"] {
        escalate_after_late_rectification(by);
    }
}

fn escalate_after_late_rectification(by: &str) {
    let e = engine();
    let p = apply_ok(
        &e,
        &implementing(),
        &order(by, "2026-03-10", "DSJ-2026-05", "2026-04-10"),
    );
    // Completed a day late: accepted (it happened), recorded as a violation.
    let r = apply(&e, &p, &complete("2026-04-11", "DSJ-2026-05"));
    assert_eq!(r["accepted"], true);
    let f = finding(&r, OVERDUE);
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["due"], "2026-04-10");
    assert!(f["message"].as_str().unwrap().contains("逾期 1 天"));
    let p = r["project"].clone();
    assert!(p["history"].as_array().unwrap().last().unwrap()["findings"]
        .as_array()
        .unwrap()
        .contains(&json!(OVERDUE)));

    let p = apply_all(
        &e,
        &p,
        &[
            sanction("notify_criticism", "2026-04-20"),
            sanction("defer_investment", "2026-04-21"),
        ],
    );
    assert_eq!(p["state"], "implementing");
    let r = apply(&e, &p, &sanction("suspend", "2026-04-22"));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["state_after"], "suspended");
    let r = apply(&e, &r["project"], &sanction("resume", "2026-05-22"));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(
        r["state_after"], "implementing",
        "resume returns to the state before"
    );
    let r = apply(&e, &r["project"], &sanction("terminate", "2026-06-01"));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert_eq!(r["state_after"], "terminated");
    let p = r["project"].clone();
    let kinds: Vec<&str> = p["sanctions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        vec![
            "criticism",
            "deferred_investment",
            "suspension",
            "termination"
        ]
    );

    // Terminated is final: nothing more may happen, not even by the supervisors.
    for event in [
        sanction("resume", "2026-06-02"),
        sanction("terminate", "2026-06-02"),
        sanction("notify_criticism", "2026-06-02"),
        order("finance", "2026-06-02", "CZ-9", "2026-07-02"),
        ev(
            "record_assessment",
            "2026-06-02",
            "construction_unit",
            json!({"kind": "risk_assessment"}),
        ),
    ] {
        let r = apply(&e, &p, &event);
        assert_eq!(r["accepted"], false, "{}", event["type"]);
        assert!(
            has_rule(&r, "lifecycle.invalid_transition"),
            "{}",
            event["type"]
        );
    }
    let c = check(&e, &p, json!({"as_of": "2027-01-01"}));
    assert_eq!(c["allowed_events"], json!([]));
    assert!(!has_rule(&c, OVERDUE));
    // The whole escalation is in the history, and it verifies.
    let verified: Value = serde_json::from_str(&e.verify_json(&p.to_string()).unwrap()).unwrap();
    assert_eq!(verified["valid"], true, "{by}: {verified:#}");
}

#[test]
fn non_compliant_rectification_is_grounds() {
    let e = engine();
    let p = apply_all(
        &e,
        &implementing(),
        &[
            order("cyberspace", "2026-03-10", "WX-5", "2026-04-10"),
            // On time; the ordering department finds it still not compliant (整改后仍不符合要求).
            complete("2026-04-01", "WX-5"),
            confirm("cyberspace", "2026-04-03", "WX-5", false),
        ],
    );
    // The next day, before the deadline: confirmed non-compliance is grounds on its own.
    let r = apply(&e, &p, &sanction("defer_investment", "2026-04-04"));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    assert!(!has_rule(&r, NO_GROUNDS));
}

#[test]
fn suspend_and_resume_from_another_construction_state() {
    let e = engine();
    let p = walk_to(&e, "budgeted");
    let p = apply_ok(
        &e,
        &p,
        &order("finance", "2025-06-11", "CZ-B", "2025-06-20"),
    );
    let r = apply(&e, &p, &sanction("suspend", "2025-06-21"));
    assert_eq!(r["state_after"], "suspended", "{:#}", r["findings"]);
    let r = apply(&e, &r["project"], &sanction("resume", "2025-06-30"));
    assert_eq!(r["state_after"], "budgeted");
}

#[test]
fn a_system_in_operation_can_be_terminated_on_grounds() {
    let e = engine();
    let p = walk_to(&e, "operating");
    let p = apply_ok(
        &e,
        &p,
        &order("cryptography", "2027-01-05", "MM-9", "2027-02-05"),
    );
    let early = apply(&e, &p, &sanction("terminate", "2027-02-05"));
    assert_eq!(early["accepted"], false);
    // Suspension is for construction states only (CONTRACT §4).
    let suspend = apply(&e, &p, &sanction("suspend", "2027-02-06"));
    assert!(has_rule(&suspend, "lifecycle.invalid_transition"));
    let r = apply(&e, &p, &sanction("terminate", "2027-02-06"));
    assert_eq!(r["state_after"], "terminated", "{:#}", r["findings"]);
}

#[test]
fn completion_must_name_an_open_order() {
    let e = engine();
    let p = apply_ok(
        &e,
        &implementing(),
        &order("finance", "2026-03-10", "CZ-1", "2026-04-10"),
    );
    let r = apply(&e, &p, &complete("2026-03-20", "CZ-404"));
    assert_eq!(r["accepted"], false);
    assert_eq!(rule_ids(&r), vec![UNKNOWN_ORDER]);
    assert!(finding(&r, UNKNOWN_ORDER)["message_en"]
        .as_str()
        .unwrap()
        .contains("open orders: CZ-1"));
    let p = apply_ok(&e, &p, &complete("2026-03-20", "CZ-1"));
    let again = apply(&e, &p, &complete("2026-03-21", "CZ-1"));
    assert_eq!(again["accepted"], false);
    assert!(has_rule(&again, UNKNOWN_ORDER));
}

// ---- Art 44: 未经立项的政务信息化项目一律不准建设 ----

#[test]
fn art44_no_construction_before_approval() {
    let e = engine();
    let p = walk_to(&e, "technical_approved");
    let r = apply(
        &e,
        &p,
        &ev(
            "start_procurement",
            "2025-05-01",
            "construction_unit",
            json!({"method": "public_tender"}),
        ),
    );
    assert_eq!(r["accepted"], false);
    let f = finding(&r, "art44.not_approved");
    assert_eq!(
        f["citation"],
        "《曲阜市政务信息化项目建设管理办法》第四十四条"
    );
    assert!(f["message"].as_str().unwrap().contains("未经立项"));
}

// ---- Art 45: 造成严重后果的，相关部门应当予以通报批评 (no rectification order needed) ----

#[test]
fn art45_criticism_for_serious_consequences_needs_no_order() {
    let e = engine();
    let p = implementing();
    let criticism = |issues: Value| {
        ev(
            "notify_criticism",
            "2026-03-10",
            "big_data_center",
            json!({"article": 45, "issues": issues}),
        )
    };
    let r = apply(
        &e,
        &p,
        &criticism(json!(["未履行备案程序擅自扩大建设内容，造成严重超预算"])),
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
    let f = finding(&r, "art45.criticism_for_consequences");
    assert_eq!(f["severity"], "info");
    assert!(f["message"].as_str().unwrap().contains("严重超预算"));
    assert!(!has_rule(&r, NO_GROUNDS));
    // Art 45 without saying what happened is still refused.
    let r = apply(&e, &p, &criticism(json!([])));
    assert_eq!(r["accepted"], false);
    assert_eq!(rule_ids(&r), vec![NO_GROUNDS]);
    assert!(finding(&r, NO_GROUNDS)["message_en"]
        .as_str()
        .unwrap()
        .contains("Art 45"));
    // Art 45 grounds only criticism: deferring investment still needs an Art 41 order.
    let r = apply(
        &e,
        &p,
        &ev(
            "defer_investment",
            "2026-03-10",
            "big_data_center",
            json!({"article": 45, "issues": ["严重超预算"]}),
        ),
    );
    assert_eq!(r["accepted"], false);
    assert!(has_rule(&r, NO_GROUNDS));
}

/// Art 41: the sanctions are the approving department's (项目审批部门). For a project
/// attached to a construction project that is the administrative approval bureau,
/// which approved it (Art 4, 16); for any other project it is not.
#[test]
fn the_approval_bureau_sanctions_only_construction_attached_projects() {
    let engine = engine();
    for attached in [true, false] {
        let mut project = walk_to(&engine, "implementing");
        project["attached_to_construction"] = json!(attached);
        let order = ev(
            "order_rectification",
            "2026-03-02",
            "big_data_center",
            json!({"order_id": "R-7", "issues": ["未按要求汇聚共享数据"], "deadline": "2026-03-31"}),
        );
        project = apply_ok(&engine, &project, &order);
        let suspend = ev("suspend", "2026-04-15", "admin_approval", json!({}));
        let r = apply(&engine, &project, &suspend);
        if attached {
            assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
            assert_eq!(r["state_after"], "suspended");
            let resumed = apply_ok(
                &engine,
                &r["project"],
                &ev("resume", "2026-05-06", "admin_approval", json!({})),
            );
            assert_eq!(resumed["state"], "implementing");
        } else {
            assert_eq!(rule_ids(&r), vec!["auth.role_not_permitted"]);
            let f = finding(&r, "auth.role_not_permitted");
            assert!(
                f["message_en"]
                    .as_str()
                    .unwrap()
                    .contains("only for projects attached to a construction project"),
                "{f:#}"
            );
        }
        let allowed = check(
            &engine,
            &project,
            json!({"actor": {"role": "admin_approval"}}),
        );
        let events: Vec<&str> = allowed["allowed_events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e.as_str().unwrap())
            .collect();
        assert_eq!(events.contains(&"suspend"), attached, "{events:?}");
    }
}

// ---- Art 41: confirm_rectification (the ordering department judges compliance) ----

const SELF_DECLARED: &str = "art41.compliance_self_declared";
const NOT_ISSUER: &str = "art41.confirmation_not_by_issuer";
const CONFIRM_INVALID: &str = "art41.confirmation_invalid";
const NON_COMPLIANT: &str = "art41.rectification_non_compliant";

/// Ordered by cyberspace on 2026-03-10, due 2026-04-10, reported done on 2026-04-01.
fn reported() -> Value {
    apply_all(
        &engine(),
        &implementing(),
        &[
            order("cyberspace", "2026-03-10", "WX-8", "2026-04-10"),
            complete("2026-04-01", "WX-8"),
        ],
    )
}

#[test]
fn why_08_self_declared_compliance() {
    // Issue 14, Why 8: `complete_rectification` with `compliant: true` from the
    // construction unit decided compliance; it is the ordering department's judgement.
    let e = engine();
    let p = apply_ok(
        &e,
        &implementing(),
        &order("cyberspace", "2026-03-10", "WX-8", "2026-04-10"),
    );
    let declared = apply(
        &e,
        &p,
        &ev(
            "complete_rectification",
            "2026-04-01",
            "construction_unit",
            json!({"order_id": "WX-8", "compliant": true}),
        ),
    );
    assert_eq!(declared["accepted"], true);
    let f = finding(&declared, SELF_DECLARED);
    assert_eq!(f["severity"], "warning");
    let zh = f["message"].as_str().unwrap();
    assert!(
        zh.contains("不作认定") && zh.contains("确认整改结果"),
        "{zh}"
    );
    assert!(!zh.contains("compliant") && !zh.contains('`'), "{zh}");
    let order = &declared["project"]["rectification_orders"][0];
    assert!(order.get("compliant").is_none(), "{order:#}");
    // The department that ordered it finds it non-compliant: grounds for sanctions.
    let judged = apply(
        &e,
        &declared["project"],
        &confirm("cyberspace", "2026-04-05", "WX-8", false),
    );
    assert_eq!(judged["accepted"], true, "{:#}", judged["findings"]);
    assert_eq!(finding(&judged, NON_COMPLIANT)["severity"], "violation");
    let r = apply(
        &e,
        &judged["project"],
        &sanction("notify_criticism", "2026-04-06"),
    );
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
}

#[test]
fn reporting_without_compliance_gets_no_warning() {
    let e = engine();
    let p = apply_ok(
        &e,
        &implementing(),
        &order("cyberspace", "2026-03-10", "WX-8", "2026-04-10"),
    );
    let r = apply(&e, &p, &complete("2026-04-01", "WX-8"));
    assert_eq!(r["accepted"], true);
    assert!(!has_rule(&r, SELF_DECLARED));
}

#[test]
fn only_the_ordering_department_confirms() {
    let e = engine();
    let p = reported();
    for by in ["finance", "big_data_center", "audit"] {
        let r = apply(&e, &p, &confirm(by, "2026-04-05", "WX-8", true));
        assert_eq!(r["accepted"], false, "{by}");
        assert_eq!(rule_ids(&r), vec![NOT_ISSUER], "{by}");
        let f = finding(&r, NOT_ISSUER);
        assert!(
            f["message"].as_str().unwrap().contains("市委网信办"),
            "{f:#}"
        );
        assert!(f["remedy"].as_str().is_some());
    }
    let by_unit = apply(
        &e,
        &p,
        &ev(
            "confirm_rectification",
            "2026-04-05",
            "construction_unit",
            json!({"order_id": "WX-8", "compliant": true}),
        ),
    );
    assert!(has_rule(&by_unit, "auth.role_not_permitted"));
    let ok = apply(&e, &p, &confirm("cyberspace", "2026-04-05", "WX-8", true));
    assert_eq!(ok["accepted"], true, "{:#}", ok["findings"]);
    assert!(!has_rule(&ok, NON_COMPLIANT));
    let order = &ok["project"]["rectification_orders"][0];
    assert_eq!(order["compliant"], true);
    assert_eq!(order["confirmed"], "2026-04-05");
}

#[test]
fn the_audit_bureau_orders_and_confirms_its_own_orders() {
    let e = engine();
    let p = apply_all(
        &e,
        &implementing(),
        &[
            order("audit", "2026-03-10", "SJ-1", "2026-04-10"),
            complete("2026-04-01", "SJ-1"),
        ],
    );
    let r = apply(&e, &p, &confirm("audit", "2026-04-05", "SJ-1", true));
    assert_eq!(r["accepted"], true, "{:#}", r["findings"]);
}

#[test]
fn a_confirmation_needs_a_reported_unconfirmed_order() {
    let e = engine();
    let unknown = apply(
        &e,
        &reported(),
        &confirm("cyberspace", "2026-04-05", "WX-404", true),
    );
    assert_eq!(rule_ids(&unknown), vec![CONFIRM_INVALID]);
    let open = apply_ok(
        &e,
        &implementing(),
        &order("cyberspace", "2026-03-10", "WX-8", "2026-04-10"),
    );
    let not_reported = apply(
        &e,
        &open,
        &confirm("cyberspace", "2026-03-20", "WX-8", true),
    );
    assert_eq!(not_reported["accepted"], false);
    let f = finding(&not_reported, CONFIRM_INVALID);
    assert!(f["message"].as_str().unwrap().contains("尚未报告整改完成"));
    let confirmed = apply_ok(
        &e,
        &reported(),
        &confirm("cyberspace", "2026-04-05", "WX-8", true),
    );
    let twice = apply(
        &e,
        &confirmed,
        &confirm("cyberspace", "2026-04-06", "WX-8", false),
    );
    assert_eq!(twice["accepted"], false);
    assert!(finding(&twice, CONFIRM_INVALID)["message"]
        .as_str()
        .unwrap()
        .contains("不能重复确认"));
}

#[test]
fn non_compliance_stands_in_check_and_reopens_the_order_under_its_deadline() {
    let e = engine();
    let p = apply_ok(
        &e,
        &reported(),
        &confirm("cyberspace", "2026-04-05", "WX-8", false),
    );
    // Before the deadline: the non-compliance stands, nothing is overdue yet.
    let on_deadline = check(&e, &p, json!({"as_of": "2026-04-10"}));
    let f = finding(&on_deadline, NON_COMPLIANT);
    assert_eq!(f["severity"], "violation");
    assert!(f["message"].as_str().unwrap().contains("2026-04-05"));
    assert!(!has_rule(&on_deadline, OVERDUE));
    // The day after the original deadline, the reopened order is overdue too.
    let day_after = check(&e, &p, json!({"as_of": "2026-04-11"}));
    assert!(has_rule(&day_after, OVERDUE) && has_rule(&day_after, NON_COMPLIANT));
    // Reported done again (late), then confirmed compliant: nothing stands any more.
    let again = apply(&e, &p, &complete("2026-04-20", "WX-8"));
    assert_eq!(finding(&again, OVERDUE)["due"], "2026-04-10");
    let awaiting = check(&e, &again["project"], json!({"as_of": "2026-04-21"}));
    assert!(finding(&awaiting, NON_COMPLIANT)["message"]
        .as_str()
        .unwrap()
        .contains("再次报告整改完成"));
    let fixed = apply_ok(
        &e,
        &again["project"],
        &confirm("cyberspace", "2026-04-25", "WX-8", true),
    );
    let c = check(&e, &fixed, json!({"as_of": "2026-05-01"}));
    assert!(!has_rule(&c, NON_COMPLIANT) && !has_rule(&c, OVERDUE));
}

#[test]
fn a_report_awaiting_confirmation_on_time_is_no_grounds() {
    let e = engine();
    let r = apply(&e, &reported(), &sanction("suspend", "2026-05-01"));
    assert_eq!(r["accepted"], false);
    let f = finding(&r, NO_GROUNDS);
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("尚待市委网信办确认整改结果"),
        "{f:#}"
    );
    assert!(f["remedy"].as_str().unwrap().contains("限期整改"));
}
