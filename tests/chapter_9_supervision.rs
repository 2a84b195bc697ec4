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

fn complete(date: &str, id: &str, compliant: bool) -> Value {
    ev(
        "complete_rectification",
        date,
        "construction_unit",
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
    for (i, by) in ["big_data_center", "finance", "cyberspace", "cryptography"]
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
    for by in ["audit", "construction_unit", "third_party"] {
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
            complete("2026-04-10", "WX-2026-01", true),
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
    let r = apply(&e, &p, &complete("2026-04-11", "DSJ-2026-05", true));
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
            // On time but still not compliant (整改后仍不符合要求).
            complete("2026-04-01", "WX-5", false),
        ],
    );
    let r = apply(&e, &p, &sanction("defer_investment", "2026-04-02"));
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
    let r = apply(&e, &p, &complete("2026-03-20", "CZ-404", true));
    assert_eq!(r["accepted"], false);
    assert_eq!(rule_ids(&r), vec![UNKNOWN_ORDER]);
    assert!(finding(&r, UNKNOWN_ORDER)["message_en"]
        .as_str()
        .unwrap()
        .contains("open orders: CZ-1"));
    let p = apply_ok(&e, &p, &complete("2026-03-20", "CZ-1", true));
    let again = apply(&e, &p, &complete("2026-03-21", "CZ-1", true));
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
