//! The domain model (CONTRACT §1, §3): every vocabulary, exact money, strict dates,
//! input errors with their JSON path, and the host's own keys kept through `apply`.
mod support;

use govit::model::*;
use govit::{Error, ErrorCode};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::str::FromStr;
use support::*;

// ---------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------

/// Every value serialises to its wire name, parses back (by `parse` and by serde),
/// and an unknown value is refused with an error that lists every accepted name.
fn round_trip<T>(all: &[T], expected: &[&str], as_str: fn(&T) -> &'static str)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug + std::fmt::Display,
{
    let names: Vec<&str> = all.iter().map(as_str).collect();
    assert_eq!(names, expected, "wire names (in contract order)");
    for (value, name) in all.iter().zip(expected) {
        let is_snake = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && !name.starts_with('_')
            && !name.ends_with('_')
            && !name.contains("__");
        assert!(is_snake, "{name} is not snake_case");
        assert_eq!(serde_json::to_value(value).unwrap(), json!(name));
        assert_eq!(value.to_string(), *name);
        let back: T = serde_json::from_value(json!(name)).unwrap();
        assert_eq!(&back, value);
    }
    for bad in ["", "Draft", "UNKNOWN", "not_a_value", " draft"] {
        if expected.contains(&bad) {
            continue;
        }
        let err = serde_json::from_value::<T>(json!(bad))
            .unwrap_err()
            .to_string();
        assert!(err.contains(&format!("`{bad}`")), "{err}");
        for name in expected {
            assert!(
                err.contains(name),
                "error for `{bad}` does not list `{name}`: {err}"
            );
        }
    }
    // Not a string at all.
    assert!(serde_json::from_value::<T>(json!(1)).is_err());
    assert!(serde_json::from_value::<T>(json!(null)).is_err());
}

macro_rules! vocab_test {
    ($test:ident, $ty:ident, [$($name:literal),+ $(,)?]) => {
        #[test]
        fn $test() {
            let expected: &[&str] = &[$($name),+];
            round_trip::<$ty>($ty::ALL, expected, |v| v.as_str());
            for (v, name) in $ty::ALL.iter().zip(expected) {
                assert_eq!($ty::parse(name), Some(*v));
                assert!(!v.zh().is_empty(), "{name} has no Chinese label");
            }
            assert_eq!($ty::parse("nope"), None);
            assert_eq!($ty::VOCABULARY.accepted(), expected.join(", "));
        }
    };
}

// The names are copied from CONTRACT §3-§5, not from the source.
vocab_test!(
    states_round_trip,
    State,
    [
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
        "terminated"
    ]
);
vocab_test!(
    event_types_round_trip,
    EventType,
    [
        "submit_demand",
        "pass_demand_review",
        "reject_demand_review",
        "submit_technical",
        "pass_technical_review",
        "reject_technical_review",
        "approve",
        "file_higher_level",
        "approve_budget",
        "file_responsibility_letter",
        "start_procurement",
        "award_bid",
        "sign_contract",
        "file_contract",
        "start_implementation",
        "request_change",
        "approve_change",
        "reject_change",
        "report_progress",
        "request_extension",
        "approve_extension",
        "reject_extension",
        "pass_preliminary_acceptance",
        "apply_final_acceptance",
        "delegate_final_acceptance",
        "pass_final_acceptance",
        "fail_final_acceptance",
        "resubmit_final_acceptance",
        "submit_self_evaluation",
        "commission_post_evaluation",
        "complete_post_evaluation",
        "record_assessment",
        "request_om_funding",
        "order_rectification",
        "complete_rectification",
        "confirm_rectification",
        "notify_criticism",
        "defer_investment",
        "suspend",
        "resume",
        "terminate"
    ]
);
vocab_test!(
    roles_round_trip,
    Role,
    [
        "construction_unit",
        "big_data_center",
        "finance",
        "audit",
        "admin_approval",
        "cyberspace",
        "cryptography",
        "third_party"
    ]
);
vocab_test!(
    document_kinds_round_trip,
    DocumentKind,
    [
        "party_committee_decision",
        "overall_plan",
        "construction_plan",
        "crypto_plan",
        "feasibility_study",
        "secure_reliable_statement",
        "security_responsibility_statement",
        "data_sharing_plan",
        "municipal_decision",
        "review_opinion",
        "responsibility_letter",
        "rectification_plan",
        "acceptance_opinion",
        "self_evaluation_report",
        "crypto_assessment",
        "mlps_filing",
        "risk_assessment"
    ]
);
vocab_test!(
    funding_round_trip,
    Funding,
    [
        "government_investment",
        "gov_enterprise_joint",
        "special_bond",
        "service_purchase",
        "gov_funded_om"
    ]
);
vocab_test!(
    categories_round_trip,
    Category,
    [
        "network_platform",
        "business_system",
        "info_resource_db",
        "security_infrastructure",
        "egov_infrastructure",
        "standards_system",
        "support_system"
    ]
);
vocab_test!(
    platforms_round_trip,
    Platform,
    ["shandong_tong", "integrated_online_service", "ai_shandong"]
);
vocab_test!(
    app_types_round_trip,
    AppType,
    [
        "command_dispatch",
        "situational_awareness",
        "intelligent_algorithm",
        "law_enforcement_supervision"
    ]
);
vocab_test!(
    integrations_round_trip,
    Integration,
    ["internet_plus_supervision"]
);
vocab_test!(
    audiences_round_trip,
    Audience,
    ["internal", "public", "none"]
);
vocab_test!(
    procurement_methods_round_trip,
    ProcurementMethod,
    [
        "public_tender",
        "invitational_tender",
        "competitive_negotiation",
        "competitive_consultation",
        "single_source",
        "inquiry",
        "framework_agreement"
    ]
);
vocab_test!(
    higher_levels_round_trip,
    HigherLevel,
    ["national", "provincial"]
);
vocab_test!(
    priority_categories_round_trip,
    PriorityCategory,
    ["pilot", "livelihood", "business_environment"]
);
vocab_test!(
    severities_round_trip,
    Severity,
    ["block", "violation", "warning", "info"]
);
vocab_test!(
    clauses_round_trip,
    Clause,
    [
        "name",
        "subject_scope",
        "performance_plan",
        "confidentiality",
        "result_ownership",
        "acceptance_criteria",
        "glossary",
        "ip_ownership",
        "data_ownership",
        "ip_liability",
        "implementation_period",
        "warranty_terms"
    ]
);
vocab_test!(
    assessment_kinds_round_trip,
    AssessmentKind,
    ["crypto_assessment", "mlps_assessment", "risk_assessment"]
);
vocab_test!(
    evaluation_results_round_trip,
    EvaluationResult,
    ["excellent", "good", "pass", "poor"]
);
vocab_test!(
    baseline_aspects_round_trip,
    BaselineAspect,
    [
        "goals",
        "location",
        "content",
        "budget_yuan",
        "planned_completion",
        "security_budget_yuan",
        "procurement_method"
    ]
);
vocab_test!(
    milestones_round_trip,
    Milestone,
    [
        "demand_submitted",
        "technical_submitted",
        "approved",
        "budget_approved",
        "procurement_started",
        "award_notice",
        "contract_signed",
        "contract_filed",
        "implementation_started",
        "preliminary_accepted",
        "final_acceptance_applied",
        "final_acceptance_delegated",
        "final_accepted",
        "terminated"
    ]
);
vocab_test!(
    sanction_kinds_round_trip,
    SanctionKind,
    [
        "criticism",
        "deferred_investment",
        "suspension",
        "termination"
    ]
);

#[test]
fn every_vocabulary_value_of_a_project_record_round_trips_through_the_record() {
    // Each declared list and enum attribute, with every value, survives parse → to_value.
    let record = sample_with(json!({
        "funding": Funding::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        "platforms": Platform::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        "app_types": AppType::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        "integrations": ["internet_plus_supervision"],
        "priority_categories": PriorityCategory::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
    }));
    let out = parse_project(&record).to_value();
    for key in [
        "funding",
        "platforms",
        "app_types",
        "integrations",
        "priority_categories",
    ] {
        assert_eq!(out[key], record[key], "{key}");
    }
    for c in Category::ALL {
        let p = parse_project(&sample_with(json!({ "category": c.as_str() })));
        assert_eq!(p.attrs.category, Some(*c));
        assert_eq!(p.to_value()["category"], c.as_str());
    }
    for s in State::ALL {
        let p = parse_project(&sample_with(json!({ "state": s.as_str() })));
        assert_eq!(p.state, *s);
        assert_eq!(p.to_value()["state"], s.as_str());
    }
    for m in ProcurementMethod::ALL {
        let p = parse_project(&sample_with(json!({ "procurement_method": m.as_str() })));
        assert_eq!(p.attrs.procurement_method, Some(*m));
    }
    for a in Audience::ALL {
        let p = parse_project(&sample_with(json!({ "audience": a.as_str() })));
        assert_eq!(p.attrs.audience, Some(*a));
    }
    for h in HigherLevel::ALL {
        let p = parse_project(&sample_with(json!({ "higher_level": h.as_str() })));
        assert_eq!(p.attrs.higher_level, Some(*h));
        assert_eq!(p.to_value()["higher_level"], h.as_str());
    }
}

#[test]
fn defaults_of_the_project_record() {
    let p = parse_project(&json!({"id": "X", "name": "N", "owner_unit": UNIT}));
    assert_eq!(p.state, State::Draft);
    assert!(!p.attrs.classified);
    assert!(p.attrs.is_new);
    assert!(p.attrs.deploy_on_gov_cloud);
    assert!(p.attrs.funding.is_empty());
    assert_eq!(p.attrs.higher_level, None);
    assert!(p.history.is_empty());
    let out = p.to_value();
    assert_eq!(out["state"], "draft");
    assert_eq!(out["is_new"], true);
    assert_eq!(out["deploy_on_gov_cloud"], true);
    // `null` is the same as absent.
    let q = parse_project(
        &json!({"id": "X", "name": "N", "owner_unit": UNIT, "state": null, "budget_yuan": null, "funding": null}),
    );
    assert_eq!(q, p);
}

// ---------------------------------------------------------------------------
// Money: exact, from strings and numbers, never through f64
// ---------------------------------------------------------------------------

fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

/// Parses a project record given as JSON *text* (so numbers keep their literal form).
fn project_text(extra: &str) -> Project {
    let text = format!(
        r#"{{"id":"QF-1","name":"N","owner_unit":"{UNIT}","funding":["government_investment"]{extra}}}"#
    );
    engine()
        .parse_project(&text)
        .unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn money_from_json_numbers_is_exact_point_one_plus_point_two() {
    let p = project_text(r#","budget_yuan":0.1,"security_budget_yuan":0.2"#);
    let sum = p.attrs.budget_yuan.unwrap().0 + p.attrs.security_budget_yuan.unwrap().0;
    assert_eq!(sum, dec("0.3"));
    assert_eq!(sum.to_string(), "0.3");
    // Through f64 this would be 0.30000000000000004.
    assert_ne!(0.1_f64 + 0.2_f64, 0.3_f64);
    let out = p.to_value();
    assert_eq!(out["budget_yuan"], "0.1");
    assert_eq!(out["security_budget_yuan"], "0.2");
}

#[test]
fn money_4999999_99_as_number_and_as_string_are_equal_and_below_5000000() {
    let as_number = project_text(r#","budget_yuan":4999999.99"#)
        .attrs
        .budget_yuan
        .unwrap();
    let as_string = project_text(r#","budget_yuan":"4999999.99""#)
        .attrs
        .budget_yuan
        .unwrap();
    assert_eq!(as_number, as_string);
    assert_eq!(as_number.0, dec("4999999.99"));
    let five_million = project_text(r#","budget_yuan":5000000"#)
        .attrs
        .budget_yuan
        .unwrap();
    assert!(as_number < five_million);
    assert_eq!(five_million.0 - as_number.0, dec("0.01"));
    assert_eq!(
        project_text(r#","budget_yuan":"5000000.00""#)
            .attrs
            .budget_yuan
            .unwrap(),
        five_million,
        "5000000 and 5000000.00 are the same amount"
    );
}

#[test]
fn money_in_exponent_form_and_with_many_digits_is_exact() {
    let cases: &[(&str, &str)] = &[
        ("1e6", "1000000"),
        ("1E6", "1000000"),
        ("1E+6", "1000000"),
        ("5e6", "5000000"),
        ("1.5e3", "1500"),
        ("2.5E-1", "0.25"),
        ("12345678901234567890", "12345678901234567890"),
        ("12345678901234567890.123", "12345678901234567890.123"),
        ("9007199254740993", "9007199254740993"), // 2^53 + 1: not an f64
        ("4999999.990", "4999999.990"),
        ("0.10", "0.10"),
        ("0", "0"),
        ("0.00", "0.00"),
    ];
    for (literal, expected) in cases {
        for text in [literal.to_string(), format!("\"{literal}\"")] {
            let p = project_text(&format!(r#","budget_yuan":{text}"#));
            let m = p.attrs.budget_yuan.unwrap();
            assert_eq!(m.0, dec(expected), "{text}");
            // Output is always a string, the scale kept.
            assert_eq!(p.to_value()["budget_yuan"], json!(expected), "{text}");
        }
    }
}

#[test]
fn money_parse_accepts_and_refuses() {
    assert_eq!(Money::parse("4999999.99").unwrap().0, dec("4999999.99"));
    assert_eq!(Money::parse("+5").unwrap().0, dec("5"));
    assert_eq!(Money::parse("-0").unwrap(), Money::ZERO);
    assert_eq!(
        serde_json::from_value::<Money>(json!(" 100.50 "))
            .unwrap()
            .0,
        dec("100.50")
    );
    for bad in [
        "",
        " ",
        "abc",
        "1,000",
        "1 000",
        "0x10",
        "NaN",
        "Infinity",
        "1e",
        "e5",
        "1.2.3",
        "--5",
        "-0.01",
        "-1",
        "-1e3",
        "1e400",
        "123456789012345678901234567890", // 30 digits: not exact in 28
        "0.00000000000000000000000000001",
        "¥100",
        "１００",
    ] {
        assert!(Money::parse(bad).is_err(), "`{bad}` was accepted");
    }
    for v in [json!(true), json!(null), json!([1]), json!({"yuan": 1})] {
        let err = serde_json::from_value::<Money>(v).unwrap_err().to_string();
        assert!(err.contains("expected an amount"), "{err}");
    }
}

#[test]
fn money_display_groups_digits() {
    assert_eq!(
        Money::parse("4999999.99").unwrap().display(),
        "4,999,999.99"
    );
    assert_eq!(Money::parse("5000000").unwrap().display(), "5,000,000.00");
    assert_eq!(Money::parse("250000").unwrap().display(), "250,000.00");
    assert_eq!(Money::parse("999").unwrap().display(), "999.00");
    assert_eq!(Money::parse("0.5").unwrap().display(), "0.50");
}

#[test]
fn money_serialises_as_a_string_with_its_scale() {
    for s in ["0.1", "5000000.00", "1", "12345678901234567890.123"] {
        let m = Money::parse(s).unwrap();
        assert_eq!(serde_json::to_value(m).unwrap(), json!(s));
        let back: Money = serde_json::from_value(json!(s)).unwrap();
        assert_eq!(back, m);
    }
}

/// Art 6 (500万元及以上 needs a feasibility study) and Art 37 (security budget ≥ 5%):
/// the boundaries in exact decimal arithmetic, as the rules compute them.
#[test]
fn exact_money_at_the_five_million_and_five_percent_boundaries() {
    let threshold = Money::parse("5000000.00").unwrap();
    let five_pct = Decimal::from_str("0.05").unwrap();
    for (budget, at_or_above) in [
        ("4999999.99", false),
        ("5000000", true),
        ("5000000.00", true),
        ("5e6", true),
        ("5000000.01", true),
    ] {
        let b = project_text(&format!(r#","budget_yuan":{budget}"#))
            .attrs
            .budget_yuan
            .unwrap();
        assert_eq!(b >= threshold, at_or_above, "{budget}");
    }
    // 5,000,000.00 × 5% = 250,000.00 exactly; 249,999.99 is below it, 250,000 is not.
    let required = threshold.0 * five_pct;
    assert_eq!(required, dec("250000.00"));
    assert_eq!(required.to_string(), "250000.0000");
    let below = project_text(r#","security_budget_yuan":249999.99"#)
        .attrs
        .security_budget_yuan
        .unwrap();
    let at = project_text(r#","security_budget_yuan":"250000""#)
        .attrs
        .security_budget_yuan
        .unwrap();
    assert!(below.0 < required);
    assert!(at.0 >= required);
    assert_eq!(required - below.0, dec("0.01"));
    // 4,999,999.99 × 5% = 249,999.9995: 249,999.99 is below even that.
    let near = Money::parse("4999999.99").unwrap().0 * five_pct;
    assert_eq!(near, dec("249999.9995"));
    assert!(below.0 < near);
    assert!(Money::parse("249999.9995").unwrap().0 >= near);
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

#[test]
fn dates_are_strict_iso() {
    assert_eq!(
        Date::parse("2025-02-28").unwrap(),
        Date::ymd(2025, 2, 28).unwrap()
    );
    assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
    for bad in [
        "2025-02-30",
        "2025-02-29",
        "2025-2-3",
        "20250301",
        "2025/03/01",
        "2025-13-01",
        "2025-00-10",
        "2025-01-00",
        "2025-01-32",
        "25-01-01",
        "2025-01-01T00:00:00",
        " 2025-01-01",
        "",
        "２０２５-01-01",
    ] {
        assert!(Date::parse(bad).is_err(), "`{bad}` was accepted");
        assert!(serde_json::from_value::<Date>(json!(bad)).is_err(), "{bad}");
    }
    assert_eq!(
        serde_json::to_value(Date::ymd(2025, 3, 1).unwrap()).unwrap(),
        json!("2025-03-01")
    );
}

#[test]
fn month_arithmetic_clamps_to_month_ends_and_agrees_with_itself() {
    let d = |s: &str| Date::parse(s).unwrap();
    assert_eq!(d("2025-01-31").plus_months(1), d("2025-02-28"));
    assert_eq!(d("2024-01-31").plus_months(1), d("2024-02-29"));
    assert_eq!(d("2024-02-29").plus_months(12), d("2025-02-28"));
    assert_eq!(d("2025-09-15").plus_months(12), d("2026-09-15"));
    assert_eq!(d("2025-12-31").succ(), d("2026-01-01"));
    let cases = [
        ("2025-01-31", "2025-02-28", 1),
        ("2025-01-31", "2025-02-27", 0),
        ("2024-02-29", "2025-02-28", 12),
        ("2024-02-29", "2025-02-27", 11),
        ("2025-01-15", "2026-01-15", 12),
        ("2025-01-15", "2026-01-14", 11),
        ("2025-03-15", "2025-03-14", 0),
        ("2025-03-15", "2024-03-15", 0),
        ("2025-03-15", "2025-03-15", 0),
    ];
    for (from, to, months) in cases {
        let (from, to) = (d(from), d(to));
        assert_eq!(from.months_until(to), months, "{from} → {to}");
        // plus_months(n) <= later < plus_months(n + 1)
        if to >= from {
            assert!(from.plus_months(months) <= to, "{from} → {to}");
            assert!(from.plus_months(months + 1) > to, "{from} → {to}");
        }
    }
}

// ---------------------------------------------------------------------------
// Input errors: code and JSON path
// ---------------------------------------------------------------------------

fn check_err(project: &str) -> Error {
    match engine().check_json(project, None) {
        Ok(out) => panic!("{project} was accepted: {out}"),
        Err(e) => e,
    }
}

fn apply_err(project: &str, event: &str) -> Error {
    match engine().apply_json(project, event) {
        Ok(out) => panic!("{event} was accepted: {out}"),
        Err(e) => e,
    }
}

/// The project `sample()` with `patch` merged must be refused at `path`.
fn assert_project_error(patch: Value, path: &str) -> Error {
    let text = sample_with(patch.clone()).to_string();
    let e = check_err(&text);
    assert_eq!(e.code, ErrorCode::InvalidInput, "{patch}: {e}");
    assert_eq!(e.path.as_deref(), Some(path), "{patch}: {e}");
    assert!(e.message.starts_with(path), "{e}");
    // apply reports the same error (the record is read before the event).
    let a = apply_err(
        &text,
        &ev(
            "submit_demand",
            "2025-03-03",
            "construction_unit",
            json!({}),
        )
        .to_string(),
    );
    assert_eq!((a.code, a.path.as_deref()), (e.code, Some(path)));
    // The error document of the C ABI carries code and path.
    let doc: Value = serde_json::from_str(&e.to_json()).unwrap();
    assert_eq!(doc["error"]["code"], "invalid_input");
    assert_eq!(doc["error"]["path"], path);
    e
}

#[test]
fn negative_money_names_its_path() {
    let e = assert_project_error(json!({"budget_yuan": "-1.00"}), "$.budget_yuan");
    assert!(e.message.contains("negative"), "{e}");
    assert_project_error(json!({"budget_yuan": -0.01}), "$.budget_yuan");
    assert_project_error(
        json!({"security_budget_yuan": "-5"}),
        "$.security_budget_yuan",
    );
    assert_project_error(
        json!({"qufu_construction_share_yuan": -1}),
        "$.qufu_construction_share_yuan",
    );
    assert_project_error(
        json!({"qufu_om_share_yuan": "-3e2"}),
        "$.qufu_om_share_yuan",
    );
    assert_project_error(json!({"budget_yuan": "三百万"}), "$.budget_yuan");
    assert_project_error(json!({"budget_yuan": true}), "$.budget_yuan");
    assert_project_error(json!({"budget_yuan": [1]}), "$.budget_yuan");
}

#[test]
fn unknown_enum_values_name_their_path_and_the_accepted_values() {
    let e = assert_project_error(json!({"category": "web_site"}), "$.category");
    assert!(e.message.contains("web_site"), "{e}");
    for c in Category::ALL {
        assert!(e.message.contains(c.as_str()), "{e}");
    }
    let e = assert_project_error(
        json!({"funding": ["government_investment", "private_money"]}),
        "$.funding[1]",
    );
    for f in Funding::ALL {
        assert!(e.message.contains(f.as_str()), "{e}");
    }
    let e = assert_project_error(json!({"state": "closed"}), "$.state");
    for s in State::ALL {
        assert!(e.message.contains(s.as_str()), "{e}");
    }
    assert_project_error(
        json!({"procurement_method": "auction"}),
        "$.procurement_method",
    );
    assert_project_error(json!({"audience": "everyone"}), "$.audience");
    assert_project_error(
        json!({"platforms": ["shandong_tong", "wechat"]}),
        "$.platforms[1]",
    );
    assert_project_error(json!({"app_types": ["game"]}), "$.app_types[0]");
    assert_project_error(json!({"integrations": ["x"]}), "$.integrations[0]");
    assert_project_error(json!({"higher_level": "municipal"}), "$.higher_level");
    assert_project_error(
        json!({"priority_categories": ["livelihood", "pilot", "vanity"]}),
        "$.priority_categories[2]",
    );
    // Wire names are case-sensitive.
    assert_project_error(json!({"state": "Draft"}), "$.state");
}

#[test]
fn impossible_dates_name_their_path() {
    for bad in ["2025-02-30", "2025-2-3", "20250301", "2025-13-01", ""] {
        let e = assert_project_error(json!({ "planned_completion": bad }), "$.planned_completion");
        assert!(e.message.contains(bad), "{e}");
    }
    assert_project_error(
        json!({"planned_completion": 20250301}),
        "$.planned_completion",
    );
}

#[test]
fn missing_required_fields_name_their_path() {
    for key in ["id", "name", "owner_unit"] {
        let e = assert_project_error(json!({ key: null }), &format!("$.{key}"));
        assert!(e.message.contains("required"), "{e}");
        assert_project_error(json!({ key: "" }), &format!("$.{key}"));
        assert_project_error(json!({ key: "   " }), &format!("$.{key}"));
        assert_project_error(json!({ key: 7 }), &format!("$.{key}"));
    }
}

#[test]
fn wrong_types_name_their_path() {
    assert_project_error(json!({"classified": "yes"}), "$.classified");
    assert_project_error(json!({"is_new": 1}), "$.is_new");
    assert_project_error(json!({"emergency": "true"}), "$.emergency");
    assert_project_error(json!({"funding": "government_investment"}), "$.funding");
    assert_project_error(json!({"funding": [1]}), "$.funding[0]");
    assert_project_error(json!({"basis": 42}), "$.basis");
    assert_project_error(json!({"content": ["a"]}), "$.content");
    assert_project_error(json!({"lead_department": {}}), "$.lead_department");
    assert_project_error(json!({"co_departments": ["a", 2]}), "$.co_departments[1]");
    assert_project_error(json!({"category": 3}), "$.category");
    assert_project_error(json!({"history": {}}), "$.history");
    assert_project_error(json!({"history": [1]}), "$.history[0]");
    // The record itself must be an object.
    for text in ["[]", "1", "\"draft\"", "null", "true"] {
        let e = check_err(text);
        assert_eq!(e.code, ErrorCode::InvalidInput, "{text}");
        assert_eq!(e.path.as_deref(), Some("$"), "{text}");
    }
}

#[test]
fn kernel_field_errors_name_their_path() {
    // The path names the member inside the kernel field, not only the field.
    assert_project_error(
        json!({"documents": {"bogus_doc": "2025-01-01"}}),
        "$.documents.bogus_doc",
    );
    assert_project_error(
        json!({"documents": {"overall_plan": "2025-02-30"}}),
        "$.documents.overall_plan",
    );
    assert_project_error(json!({"documents": ["overall_plan"]}), "$.documents");
    assert_project_error(
        json!({"milestones": {"approved": 5}}),
        "$.milestones.approved",
    );
    assert_project_error(json!({"resume_state": "nowhere"}), "$.resume_state");
    assert_project_error(json!({"spent_yuan": "-1"}), "$.spent_yuan");
    assert_project_error(
        json!({"rectification_orders": [{"order_id": "R1"}]}),
        "$.rectification_orders[0].issued_by",
    );
    // Valid kernel fields are read and written back.
    let p = parse_project(&sample_with(
        json!({"documents": {"overall_plan": "2025-01-02"}, "resume_state": "implementing"}),
    ));
    assert!(p.has_document(DocumentKind::OverallPlan));
    assert_eq!(p.kernel.resume_state, Some(State::Implementing));
    assert_eq!(
        p.to_value()["documents"],
        json!({"overall_plan": "2025-01-02"})
    );
}

fn history_with(entry: Value) -> Value {
    sample_with(json!({ "history": [entry] }))
}

fn good_entry() -> Value {
    // A real first entry, from an accepted event.
    let project = apply_ok(&engine(), &sample(), &standard_path()[0].1);
    project["history"][0].clone()
}

#[test]
fn history_entry_errors_name_their_path() {
    let good = good_entry();
    // The real entry parses.
    parse_project(&history_with(good.clone()));
    let cases: Vec<(&str, Value, &str)> = vec![
        ("seq", Value::Null, "$.history[0].seq"),
        ("seq", json!("one"), "$.history[0].seq"),
        ("event", Value::Null, "$.history[0].event"),
        ("event", json!([]), "$.history[0].event"),
        ("state_after", json!("nowhere"), "$.history[0].state_after"),
        ("findings", json!("x"), "$.history[0].findings"),
        ("findings", json!([1]), "$.history[0].findings[0]"),
        ("prev", Value::Null, "$.history[0].prev"),
        ("hash", Value::Null, "$.history[0].hash"),
        ("snapshot", json!({"id": "X"}), "$.history[0].snapshot.name"),
        (
            "snapshot",
            json!({"id": "X", "name": "N", "owner_unit": "U", "oops": 1}),
            "$.history[0].snapshot.oops",
        ),
        ("unexpected", json!(1), "$.history[0].unexpected"),
    ];
    for (key, value, path) in cases {
        let mut entry = good.clone();
        merge(&mut entry, json!({ key: value.clone() }));
        if value.is_null() {
            entry.as_object_mut().unwrap().remove(key);
        }
        let e = check_err(&history_with(entry).to_string());
        assert_eq!(e.code, ErrorCode::InvalidInput, "{key}={value}: {e}");
        assert_eq!(e.path.as_deref(), Some(path), "{key}={value}: {e}");
    }
    // Errors inside the recorded event carry the full path.
    let mut entry = good.clone();
    entry["event"]["type"] = json!("launch");
    let e = check_err(&history_with(entry).to_string());
    assert_eq!(e.path.as_deref(), Some("$.history[0].event.type"), "{e}");
    let mut entry = good.clone();
    entry["event"]["data"]["documents"] = json!(["party_committee_decision", "memo"]);
    let e = check_err(&history_with(entry).to_string());
    assert_eq!(
        e.path.as_deref(),
        Some("$.history[0].event.data.documents[1]"),
        "{e}"
    );
    let mut entry = good;
    entry["event"]["date"] = json!("2025-02-30");
    let e = check_err(&sample_with(json!({"history": [Value::Null, entry]})).to_string());
    assert_eq!(
        e.path.as_deref(),
        Some("$.history[0]"),
        "a null entry is refused first: {e}"
    );
}

/// `check` and `preview` read a record without keeping its entries' text
/// (`Project::parse_to_decide`); `apply` keeps it to write it back.
#[test]
fn a_record_read_to_decide_on_is_the_record_apply_reads_but_cannot_be_written() {
    let engine = engine();
    let record = walk_to(&engine, "operating");
    let text = record.to_string();
    let (kept, decided) = (
        Project::parse(&text).unwrap(),
        Project::parse_to_decide(&text).unwrap(),
    );
    assert!(kept.history.len() > 10);
    assert_eq!(decided.history.len(), kept.history.len());
    assert_eq!(decided.history.entries(), kept.history.entries());
    assert_eq!(
        (
            &decided.attrs,
            decided.state,
            &decided.kernel,
            &decided.extra
        ),
        (&kept.attrs, kept.state, &kept.kernel, &kept.extra)
    );
    // Its entries' text is not kept, so it can never be written back short of its history.
    assert_eq!(kept.history.stored().len(), kept.history.len());
    assert!(decided.history.stored().is_empty());
    assert!(serde_json::to_string(&decided).is_err());
    assert_eq!(kept.to_value(), record);
    // A record without history reads the same either way, and writes.
    let bare = sample().to_string();
    let decided = Project::parse_to_decide(&bare).unwrap();
    assert_eq!(decided, Project::parse(&bare).unwrap());
    assert!(serde_json::to_string(&decided).is_ok());
}

/// Both readings refuse the same records with the same error: a record the
/// reading to decide refuses is read again as `apply` reads it.
#[test]
fn check_and_apply_refuse_a_record_with_the_same_error() {
    let good = good_entry();
    let submit = ev(
        "submit_demand",
        "2025-03-03",
        "construction_unit",
        json!({}),
    )
    .to_string();
    let mut broken_entry = good.clone();
    broken_entry["seq"] = json!("one");
    // `apply` reads the record before its entries: the attribute is the error,
    // though the broken entry comes first in the text.
    let text = format!(
        "{{\"history\":[{broken_entry}],{}",
        &sample_with(json!({"name": 5})).to_string()[1..]
    );
    let e = check_err(&text);
    assert_eq!(e.path.as_deref(), Some("$.name"), "{e}");
    assert_eq!(apply_err(&text, &submit), e);
    // Nested deep inside an entry, an unknown member: both readings give one answer.
    for depth in [100, 124, 125, 126, 127, 128] {
        let mut entry = good.clone();
        let mut deep = json!([]);
        for _ in 1..depth {
            deep = json!([deep]);
        }
        entry["x_deep"] = deep;
        let text = history_with(entry).to_string();
        let (kept, decided) = (Project::parse(&text), Project::parse_to_decide(&text));
        match (&kept, &decided) {
            (Ok(k), Ok(d)) => assert_eq!(k.history.entries(), d.history.entries()),
            (Err(k), Err(d)) => assert_eq!(k, d),
            _ => panic!("depth {depth}: {kept:?} but {decided:?}"),
        }
        assert_eq!(
            engine().check_json(&text, None).err(),
            engine().apply_json(&text, &submit).err(),
            "depth {depth}"
        );
    }
    // Over the limit of entries: the same error.
    let many =
        sample_with(json!({"history": vec![json!({}); MAX_HISTORY_ENTRIES + 1]})).to_string();
    let e = check_err(&many);
    assert_eq!(e.path.as_deref(), Some("$.history"), "{e}");
    assert_eq!(apply_err(&many, &submit), e);
}

fn event_error(event: Value, path: &str) -> Error {
    let e = apply_err(&sample().to_string(), &event.to_string());
    assert_eq!(e.code, ErrorCode::InvalidInput, "{event}: {e}");
    assert_eq!(e.path.as_deref(), Some(path), "{event}: {e}");
    e
}

#[test]
fn event_errors_name_their_path() {
    let base = || {
        ev(
            "submit_demand",
            "2025-03-03",
            "construction_unit",
            json!({}),
        )
    };
    let with = |patch: Value| {
        let mut e = base();
        merge(&mut e, patch);
        e
    };
    let e = event_error(with(json!({"type": "launch"})), "$.type");
    assert!(
        e.message.contains("submit_demand") && e.message.contains("terminate"),
        "{e}"
    );
    event_error(with(json!({"type": null})), "$.type");
    event_error(with(json!({"type": 1})), "$.type");
    for bad in ["2025-02-30", "2025-2-3", "20250301"] {
        event_error(with(json!({ "date": bad })), "$.date");
    }
    event_error(with(json!({"date": null})), "$.date");
    event_error(with(json!({"date": 20250303})), "$.date");
    event_error(with(json!({"actor": null})), "$.actor");
    event_error(with(json!({"actor": "construction_unit"})), "$.actor");
    let e = event_error(with(json!({"actor": {"role": "mayor"}})), "$.actor.role");
    for r in Role::ALL {
        assert!(e.message.contains(r.as_str()), "{e}");
    }
    event_error(with(json!({"actor": {"unit": UNIT}})), "$.actor.role");
    event_error(
        with(json!({"actor": {"role": "construction_unit", "unit": 5}})),
        "$.actor.unit",
    );
    event_error(with(json!({"data": []})), "$.data");
    let e = event_error(
        with(json!({"data": {"documents": ["memo"]}})),
        "$.data.documents[0]",
    );
    assert!(e.message.contains("party_committee_decision"), "{e}");
    event_error(
        with(json!({"data": {"documents": ["overall_plan", "memo"]}})),
        "$.data.documents[1]",
    );
    event_error(
        with(json!({"data": {"documents": "overall_plan"}})),
        "$.data.documents",
    );
    event_error(
        with(json!({"data": {"spent_yuan": "-1"}})),
        "$.data.spent_yuan",
    );
    event_error(
        with(json!({"data": {"notice_date": "2025-02-30"}})),
        "$.data.notice_date",
    );
    event_error(
        with(json!({"data": {"method": "auction"}})),
        "$.data.method",
    );
    event_error(
        with(json!({"data": {"clauses": ["name", "x"]}})),
        "$.data.clauses[1]",
    );
    event_error(
        with(json!({"data": {"legal_review": "yes"}})),
        "$.data.legal_review",
    );
    event_error(
        with(json!({"data": {"implementation_months": -1}})),
        "$.data.implementation_months",
    );
    for bad in ["12.5", "-1", "12.0", "99999999999"] {
        let text = with(json!({})).to_string().replace(
            r#""data":{}"#,
            &format!(r#""data":{{"implementation_months":{bad}}}"#),
        );
        let e = apply_err(&sample().to_string(), &text);
        assert_eq!(
            e.path.as_deref(),
            Some("$.data.implementation_months"),
            "{e}"
        );
        assert!(
            e.message.contains(bad) && e.message.contains("whole number"),
            "{e}"
        );
    }
    event_error(with(json!({"data": {"year": 2025.5}})), "$.data.year");
    event_error(with(json!({"data": {"kind": "pen_test"}})), "$.data.kind");
    event_error(with(json!({"data": {"result": "great"}})), "$.data.result");
    event_error(
        with(json!({"data": {"aspects": ["colour"]}})),
        "$.data.aspects[0]",
    );
    event_error(
        with(json!({"data": {"proposed": {"budget_yuan": "-5"}}})),
        "$.data.proposed.budget_yuan",
    );
    event_error(
        with(json!({"data": {"proposed": {"colour": "red"}}})),
        "$.data.proposed.colour",
    );
    // The event itself must be an object.
    event_error(json!([]), "$");
}

#[test]
fn events_require_the_data_the_kernel_cannot_do_without() {
    let cases: &[(&str, &str, &str)] = &[
        ("award_bid", "construction_unit", "$.data.notice_date"),
        ("start_procurement", "construction_unit", "$.data.method"),
        (
            "request_extension",
            "construction_unit",
            "$.data.new_deadline",
        ),
        (
            "approve_extension",
            "big_data_center",
            "$.data.new_deadline",
        ),
        (
            "fail_final_acceptance",
            "big_data_center",
            "$.data.rectification_deadline",
        ),
        ("submit_self_evaluation", "construction_unit", "$.data.year"),
        ("request_om_funding", "construction_unit", "$.data.year"),
        ("complete_post_evaluation", "third_party", "$.data.result"),
        ("record_assessment", "construction_unit", "$.data.kind"),
        ("order_rectification", "big_data_center", "$.data.order_id"),
        (
            "complete_rectification",
            "construction_unit",
            "$.data.order_id",
        ),
        ("request_change", "construction_unit", "$.data.proposed"),
    ];
    for (kind, role, path) in cases {
        let e = event_error(ev(kind, "2025-03-03", role, json!({})), path);
        assert!(e.message.contains(kind), "{e}");
        // Without any `data` at all, the same.
        let mut no_data = ev(kind, "2025-03-03", role, json!({}));
        no_data.as_object_mut().unwrap().remove("data");
        event_error(no_data, path);
    }
    event_error(
        ev(
            "order_rectification",
            "2025-03-03",
            "big_data_center",
            json!({"order_id": "R1"}),
        ),
        "$.data.deadline",
    );
    // award_bid with its notice date is well-formed (whatever the lifecycle says of it).
    let r = apply(
        &engine(),
        &sample(),
        &ev(
            "award_bid",
            "2025-03-03",
            "construction_unit",
            json!({"notice_date": "2025-03-03"}),
        ),
    );
    assert_eq!(r["accepted"], false);
}

#[test]
fn malformed_json_is_invalid_json() {
    let e = engine();
    let good_event = standard_path()[0].1.to_string();
    let good_project = sample().to_string();
    for bad in [
        "",
        "{",
        "{\"id\": }",
        "{'id': 'x'}",
        "nul",
        "[1,]",
        "{\"id\":\"a\"} x",
    ] {
        let err = e.check_json(bad, None).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidJson, "{bad:?}: {err}");
        assert_eq!(err.path, None);
        let err = e.apply_json(bad, &good_event).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidJson, "{bad:?}");
        let err = e.apply_json(&good_project, bad).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidJson, "{bad:?}");
        let err = e.check_json(&good_project, Some(bad)).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidJson, "{bad:?}");
        let doc: Value = serde_json::from_str(&err.to_json()).unwrap();
        assert_eq!(doc["error"]["code"], "invalid_json");
    }
}

#[test]
fn check_options_errors_name_their_path() {
    let e = engine();
    let p = sample().to_string();
    let cases = [
        (json!({"as_of": "2025-02-30"}), "$.as_of"),
        (json!({"actor": {"role": "mayor"}}), "$.actor.role"),
        (json!({"actor": "big_data_center"}), "$.actor"),
        (
            json!({"actor": {"role": "construction_unit", "unit": 1}}),
            "$.actor.unit",
        ),
        (json!({"asof": "2025-01-01"}), "$.asof"),
        (json!([]), "$"),
    ];
    for (options, path) in cases {
        let err = e.check_json(&p, Some(&options.to_string())).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{options}: {err}");
        assert_eq!(err.path.as_deref(), Some(path), "{options}: {err}");
    }
}

// ---------------------------------------------------------------------------
// The host's own keys survive
// ---------------------------------------------------------------------------

/// A record with every kind of foreign key, as text so the long number keeps its digits.
fn record_with_extras() -> String {
    let mut base = sample();
    base.as_object_mut().unwrap().remove("budget_yuan");
    let base = base.to_string();
    let extras = r#""oa_ref":"OA-2025-0042","oa_meta":{"approver":{"name":"孔子","ids":[1,2,3]},"flags":[true,false,null]},"oa_big":12345678901234567890.123,"oa_small":1e-7,"oa_list":["a",{"b":[]},3.0],"oa_text":"𠀀𪚥😀 «ok» \"quoted\" \\ \n","oa_empty":{},"𠀀键":"值","budget_yuan":4999999.99"#;
    format!("{},{}}}", &base[..base.len() - 1], extras)
}

fn extras_of(v: &Value) -> Value {
    let keys = [
        "oa_ref", "oa_meta", "oa_big", "oa_small", "oa_list", "oa_text", "oa_empty", "𠀀键",
    ];
    Value::Object(
        keys.iter()
            .map(|k| (k.to_string(), v.get(*k).cloned().unwrap_or(Value::Null)))
            .collect(),
    )
}

#[test]
fn unknown_fields_survive_an_accepted_apply() {
    let e = engine();
    let input = record_with_extras();
    let input_value: Value = serde_json::from_str(&input).unwrap();
    let event = standard_path()[0].1.to_string();
    let out = e.apply_json(&input, &event).unwrap();
    let result: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(result["accepted"], true, "{:#}", result["findings"]);
    let project = &result["project"];
    assert_eq!(extras_of(project), extras_of(&input_value));
    assert!(out.contains("12345678901234567890.123"), "{out}");
    assert!(out.contains("𠀀𪚥😀"));
    // Money is written as a string, exactly.
    assert_eq!(project["budget_yuan"], "4999999.99");
    // And through a second apply, from the output record.
    let next = e
        .apply_json(&project.to_string(), &standard_path()[1].1.to_string())
        .unwrap();
    let next: Value = serde_json::from_str(&next).unwrap();
    assert_eq!(next["accepted"], true, "{:#}", next["findings"]);
    assert_eq!(extras_of(&next["project"]), extras_of(&input_value));
}

#[test]
fn unknown_fields_survive_a_refused_apply_and_the_record_is_returned_as_received() {
    let e = engine();
    let input = record_with_extras();
    let input_value: Value = serde_json::from_str(&input).unwrap();
    // Budgeting a draft is refused.
    let event = ev("approve_budget", "2025-03-03", "finance", json!({})).to_string();
    let out = e.apply_json(&input, &event).unwrap();
    let result: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(result["accepted"], false);
    assert_eq!(
        result["project"], input_value,
        "the refused record must equal the input"
    );
    // Even money stays as it came (a number here), not rewritten.
    assert!(result["project"]["budget_yuan"].is_number());
    assert!(out.contains("12345678901234567890.123"));
}

#[test]
fn host_keys_in_event_data_are_kept_in_history() {
    let mut event = standard_path()[0].1.clone();
    event["data"]["oa_ticket"] = json!({"id": "T-1", "页": "𪚥"});
    event["oa_sender"] = json!("gateway-3");
    let project = apply_ok(&engine(), &sample(), &event);
    assert_eq!(project["history"][0]["event"], event);
}

#[test]
fn a_parsed_event_keeps_its_raw_form_and_typed_data() {
    let raw = ev(
        "sign_contract",
        "2025-10-16",
        "construction_unit",
        json!({"clauses": ["name", "ip_ownership"], "legal_review": true, "legal_counsel": "律所", "implementation_months": 12, "warranty_months": 24, "x_host": 1}),
    );
    let e = parse_event(&raw);
    assert_eq!(e.kind, EventType::SignContract);
    assert_eq!(e.date, Date::ymd(2025, 10, 16).unwrap());
    assert_eq!(e.actor.role, Role::ConstructionUnit);
    assert_eq!(e.actor.unit.as_deref(), Some(UNIT));
    assert_eq!(*e.data.clauses, vec![Clause::Name, Clause::IpOwnership]);
    assert!(e.data.legal_review);
    assert_eq!(e.data.implementation_months, Some(Whole(12)));
    assert_eq!(e.data.warranty_months, Some(Whole(24)));
    assert_eq!(serde_json::from_str::<Value>(e.raw.get()).unwrap(), raw);
}

#[test]
fn a_parsed_project_round_trips_through_to_value() {
    let e = engine();
    let record = walk_to(&e, "contracted");
    let p = parse_project(&record);
    assert_eq!(p.to_value(), record);
    assert_eq!(parse_project(&p.to_value()), p);
}

/// An OA system may add its own keys to the actor (who acted, for the audit
/// trail): they are accepted and kept in history exactly as received.
#[test]
fn actor_keeps_the_hosts_own_keys_in_history() {
    let engine = support::engine();
    let mut event = support::ev(
        "submit_demand",
        "2025-03-03",
        "construction_unit",
        serde_json::json!({"documents": ["party_committee_decision"]}),
    );
    event["actor"]["oa_user_id"] = serde_json::json!("u-10086");
    event["actor"]["oa_user_name"] = serde_json::json!("孔𪚥");
    let record = support::apply_ok(&engine, &support::sample(), &event);
    assert_eq!(
        record["history"][0]["event"]["actor"]["oa_user_id"],
        "u-10086"
    );
    assert_eq!(
        record["history"][0]["event"]["actor"]["oa_user_name"],
        "孔𪚥"
    );
}
