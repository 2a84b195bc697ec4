//! The engine config (CONTRACT §2 `govit_engine_new`) and the calendar functions
//! (`day_info`, `add_working_days`, CONTRACT §3): defaults, every key, every way a
//! config can be wrong (with its path), and the input size limit.
mod support;

use govit::model::AssessmentKind;
use govit::{Engine, Error, ErrorCode, DEFAULT_MAX_INPUT_BYTES, PROFILE};
use serde_json::{json, Value};
use support::*;

fn new(config: Value) -> Engine {
    Engine::new(Some(&config.to_string())).unwrap_or_else(|e| panic!("{config}: {e}"))
}

fn config_err(config: &str) -> Error {
    match Engine::new(Some(config)) {
        Ok(_) => panic!("config {config} was accepted"),
        Err(e) => e,
    }
}

fn assert_config_error(config: Value, code: ErrorCode, path: &str) -> Error {
    let e = config_err(&config.to_string());
    assert_eq!(e.code, code, "{config}: {e}");
    assert_eq!(e.path.as_deref(), Some(path), "{config}: {e}");
    let doc: Value = serde_json::from_str(&e.to_json()).unwrap();
    assert_eq!(doc["error"]["code"], code.as_str());
    assert_eq!(doc["error"]["path"], path);
    e
}

fn day_info(engine: &Engine, date: &str) -> Value {
    serde_json::from_str(&engine.day_info_json(date).unwrap()).unwrap()
}

fn add_days(engine: &Engine, date: &str, days: i32) -> Value {
    serde_json::from_str(&engine.add_working_days_json(date, days).unwrap()).unwrap()
}

/// A refused event (budgeting a draft, Art 22): its findings carry messages.
fn refused_result(engine: &Engine) -> Value {
    apply(
        engine,
        &sample(),
        &ev("approve_budget", "2025-03-03", "finance", json!({})),
    )
}

// ---------------------------------------------------------------------------
// Defaults
// ---------------------------------------------------------------------------

#[test]
fn defaults_without_config_and_with_an_empty_object_agree() {
    assert_eq!(PROFILE, "qufu-2024");
    assert_eq!(DEFAULT_MAX_INPUT_BYTES, 4 * 1024 * 1024);
    for engine in [
        Engine::new(None).unwrap(),
        new(json!({})),
        Engine::default(),
    ] {
        assert_eq!(engine.max_input_bytes(), 4_194_304);
        for kind in AssessmentKind::ALL {
            assert_eq!(engine.settings().periodic_months(*kind), 12);
        }
        // zh-CN messages by default.
        let r = refused_result(&engine);
        let f = finding(&r, "art22.not_in_library");
        assert!(f["message"].as_str().unwrap().contains("项目库"), "{f}");
        assert_ne!(f["message"], f["message_en"]);
        // The embedded calendar knows 2024-2026 and nothing else.
        for date in ["2024-05-01", "2025-10-01", "2026-02-17"] {
            let d = day_info(&engine, date);
            assert_eq!(d["calendar_known"], true, "{date}");
            assert_eq!(d["kind"], "holiday", "{date}");
        }
        for date in ["2023-12-29", "2027-01-01"] {
            assert_eq!(day_info(&engine, date)["calendar_known"], false, "{date}");
        }
    }
}

#[test]
fn every_key_of_the_contract_example_is_accepted() {
    let engine = new(json!({
        "profile": "qufu-2024",
        "locale": "zh-CN",
        "max_input_bytes": 4194304,
        "calendar": { "2027": { "holidays": ["2027-01-01"], "workdays": ["2027-02-06"] } },
        "periodic_months": { "crypto_assessment": 12, "risk_assessment": 12, "mlps_assessment": 12 }
    }));
    assert_eq!(engine.max_input_bytes(), 4_194_304);
    assert_eq!(day_info(&engine, "2027-01-01")["kind"], "holiday");
}

// ---------------------------------------------------------------------------
// profile
// ---------------------------------------------------------------------------

#[test]
fn an_unknown_profile_is_unsupported() {
    new(json!({"profile": "qufu-2024"}));
    for profile in ["qufu-2025", "jining-2024", "QUFU-2024", ""] {
        let e = assert_config_error(
            json!({ "profile": profile }),
            ErrorCode::Unsupported,
            "$.profile",
        );
        assert!(e.message.contains("qufu-2024"), "{e}");
    }
    assert_config_error(
        json!({"profile": 2024}),
        ErrorCode::InvalidInput,
        "$.profile",
    );
    // null is the same as absent.
    new(json!({"profile": null}));
}

// ---------------------------------------------------------------------------
// locale
// ---------------------------------------------------------------------------

#[test]
fn locale_chooses_the_language_of_message_and_message_en_is_always_english() {
    let zh = new(json!({"locale": "zh-CN"}));
    let en = new(json!({"locale": "en"}));
    let rz = refused_result(&zh);
    let re = refused_result(&en);
    assert_eq!(rule_ids(&rz), rule_ids(&re));
    let fz = rz["findings"].as_array().unwrap();
    let fe = re["findings"].as_array().unwrap();
    assert!(!fz.is_empty());
    let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for (z, e) in fz.iter().zip(fe) {
        // message_en is the same English text in both engines.
        assert_eq!(z["message_en"], e["message_en"], "{}", z["rule"]);
        assert_eq!(e["message"], e["message_en"], "{}", e["rule"]);
        assert_ne!(z["message"], z["message_en"], "{}", z["rule"]);
        assert!(has_cjk(z["message"].as_str().unwrap()), "{z}");
        // Citations stay in Chinese: they name the measures.
        assert_eq!(z["citation"], e["citation"]);
    }
    // The same holds for check results.
    let sample_out = sample_with(json!({"classified": true}));
    let cz = check(&zh, &sample_out, json!({}));
    let ce = check(&en, &sample_out, json!({}));
    let (z, e) = (
        finding(&cz, "art02.out_of_scope"),
        finding(&ce, "art02.out_of_scope"),
    );
    assert_eq!(z["message_en"], e["message"]);
    assert!(has_cjk(z["message"].as_str().unwrap()));
    assert!(e["message"].as_str().unwrap().contains("classified"), "{e}");
    // "zh" is read as zh-CN.
    let short = new(json!({"locale": "zh"}));
    assert_eq!(refused_result(&short)["findings"], rz["findings"]);
}

#[test]
fn an_unknown_locale_is_refused() {
    for locale in ["fr", "EN", "zh-TW", "", "en-US"] {
        let e = assert_config_error(
            json!({ "locale": locale }),
            ErrorCode::InvalidInput,
            "$.locale",
        );
        assert!(
            e.message.contains("zh-CN") && e.message.contains("en"),
            "{e}"
        );
    }
    assert_config_error(
        json!({"locale": ["en"]}),
        ErrorCode::InvalidInput,
        "$.locale",
    );
}

// ---------------------------------------------------------------------------
// max_input_bytes
// ---------------------------------------------------------------------------

#[test]
fn bad_max_input_bytes_is_refused() {
    for bad in [
        json!(0),
        json!(-1),
        json!("4096"),
        json!(1.5),
        json!(true),
        json!(1_073_741_825u64),
        json!(u64::MAX),
    ] {
        assert_config_error(
            json!({ "max_input_bytes": bad }),
            ErrorCode::InvalidInput,
            "$.max_input_bytes",
        );
    }
    assert_eq!(new(json!({"max_input_bytes": 1})).max_input_bytes(), 1);
    assert_eq!(
        new(json!({"max_input_bytes": 1_073_741_824u64})).max_input_bytes(),
        1 << 30
    );
}

#[test]
fn input_over_max_input_bytes_is_input_too_large() {
    let project = sample().to_string();
    let event = standard_path()[0].1.to_string();
    let limit = project.len().max(event.len());
    let engine = new(json!({ "max_input_bytes": limit }));
    // At the limit: fine.
    engine.check_json(&project, None).unwrap();
    engine.apply_json(&project, &event).unwrap();
    // One byte over, in each input of each call.
    let padded = |text: &str| format!("{text}{}", " ".repeat(limit + 1 - text.len()));
    let big_project = padded(&project);
    let big_event = padded(&event);
    assert_eq!(big_project.len(), limit + 1);
    let cases: Vec<(&str, Result<String, Error>)> = vec![
        ("check", engine.check_json(&big_project, None)),
        (
            "check options",
            engine.check_json(&project, Some(&padded("{}"))),
        ),
        ("apply project", engine.apply_json(&big_project, &event)),
        ("apply event", engine.apply_json(&project, &big_event)),
        ("verify", engine.verify_json(&big_project)),
    ];
    for (what, result) in cases {
        let e = result.expect_err(what);
        assert_eq!(e.code, ErrorCode::InputTooLarge, "{what}: {e}");
        assert!(e.message.contains(&limit.to_string()), "{what}: {e}");
        let doc: Value = serde_json::from_str(&e.to_json()).unwrap();
        assert_eq!(doc["error"]["code"], "input_too_large");
    }
    // The size is checked before the JSON is read: a huge malformed input is too large, not invalid.
    let e = engine.check_json(&"{".repeat(limit + 1), None).unwrap_err();
    assert_eq!(e.code, ErrorCode::InputTooLarge);
    // The default limit is 4 MiB.
    let default = engine_default();
    let mut huge = sample();
    huge["oa_blob"] = json!("x".repeat(DEFAULT_MAX_INPUT_BYTES));
    let e = default.check_json(&huge.to_string(), None).unwrap_err();
    assert_eq!(e.code, ErrorCode::InputTooLarge);
    let mut fits = sample();
    fits["oa_blob"] = json!("x".repeat(DEFAULT_MAX_INPUT_BYTES - 1024));
    default.check_json(&fits.to_string(), None).unwrap();
}

fn engine_default() -> Engine {
    Engine::new(None).unwrap()
}

#[test]
fn a_config_over_the_default_limit_is_input_too_large() {
    let config = format!(
        r#"{{"locale":"en","x":"{}"}}"#,
        "x".repeat(DEFAULT_MAX_INPUT_BYTES)
    );
    assert_eq!(config_err(&config).code, ErrorCode::InputTooLarge);
}

// ---------------------------------------------------------------------------
// calendar
// ---------------------------------------------------------------------------

#[test]
fn a_calendar_year_from_the_config_changes_day_info_and_add_working_days() {
    let before = engine_default();
    let after = new(json!({
        "calendar": { "2027": { "holidays": ["2027-01-01", "2027-02-05", "2027-02-08"], "workdays": ["2027-02-06"] } }
    }));
    // 2027-01-01 is a Friday.
    assert_eq!(
        day_info(&before, "2027-01-01"),
        json!({"date": "2027-01-01", "working_day": true, "kind": "weekday", "calendar_known": false})
    );
    assert_eq!(
        day_info(&after, "2027-01-01"),
        json!({"date": "2027-01-01", "working_day": false, "kind": "holiday", "calendar_known": true})
    );
    // 2027-02-06 is a Saturday made a working day.
    assert_eq!(
        day_info(&before, "2027-02-06"),
        json!({"date": "2027-02-06", "working_day": false, "kind": "weekend", "calendar_known": false})
    );
    assert_eq!(
        day_info(&after, "2027-02-06"),
        json!({"date": "2027-02-06", "working_day": true, "kind": "adjusted_workday", "calendar_known": true})
    );
    // Any day of a configured year is known, even one the config does not list.
    assert_eq!(
        day_info(&after, "2027-03-03"),
        json!({"date": "2027-03-03", "working_day": true, "kind": "weekday", "calendar_known": true})
    );
    // One working day after 2026-12-31 (Thu): 2027-01-01 assumed, 2027-01-04 (Mon) known.
    assert_eq!(
        add_days(&before, "2026-12-31", 1),
        json!({"date": "2027-01-01", "calendar_known": false})
    );
    assert_eq!(
        add_days(&after, "2026-12-31", 1),
        json!({"date": "2027-01-04", "calendar_known": true})
    );
    // Through the configured block: Thu 02-04 + 1 → Sat 02-06 (worked); + 2 → Tue 02-09.
    assert_eq!(
        add_days(&after, "2027-02-04", 1),
        json!({"date": "2027-02-06", "calendar_known": true})
    );
    assert_eq!(
        add_days(&after, "2027-02-04", 2),
        json!({"date": "2027-02-09", "calendar_known": true})
    );
    assert_eq!(
        add_days(&before, "2027-02-04", 2),
        json!({"date": "2027-02-08", "calendar_known": false})
    );
    // The embedded years are untouched.
    assert_eq!(
        day_info(&after, "2025-10-01"),
        day_info(&before, "2025-10-01")
    );
    assert_eq!(
        add_days(&after, "2025-09-26", 10),
        json!({"date": "2025-10-16", "calendar_known": true})
    );
}

#[test]
fn a_calendar_year_from_the_config_replaces_an_embedded_one() {
    let engine = new(json!({"calendar": {"2025": {"holidays": [], "workdays": []}}}));
    assert_eq!(
        day_info(&engine, "2025-10-01"),
        json!({"date": "2025-10-01", "working_day": true, "kind": "weekday", "calendar_known": true})
    );
    assert_eq!(day_info(&engine, "2025-09-28")["kind"], "weekend");
    // Award notice on 2025-09-26: ten plain weekdays later.
    assert_eq!(
        add_days(&engine, "2025-09-26", 10),
        json!({"date": "2025-10-10", "calendar_known": true})
    );
    // Other embedded years stay.
    assert_eq!(day_info(&engine, "2026-02-17")["kind"], "holiday");
    // An empty calendar object changes nothing.
    let same = new(json!({"calendar": {}}));
    assert_eq!(day_info(&same, "2025-10-01")["kind"], "holiday");
}

#[test]
fn a_calendar_year_from_the_config_gives_deadlines_without_the_unknown_year_warning() {
    // An award notice late in 2026 gives a signing deadline in 2027.
    let project = walk_to(&engine_default(), "procuring");
    let award = ev(
        "award_bid",
        "2026-12-28",
        "construction_unit",
        json!({"notice_date": "2026-12-28", "supplier": "山东浪潮数字政府有限公司"}),
    );
    let base = engine_default();
    let project = apply_ok(&base, &project, &award);
    let sign = |date: &str| {
        ev(
            "sign_contract",
            date,
            "construction_unit",
            standard_path()[9].1["data"].clone(),
        )
    };
    let known = new(json!({"calendar": {"2027": {"holidays": ["2027-01-01"], "workdays": []}}}));
    // 10 working days after Mon 2026-12-28: 12-29..12-31 (3), then 2027 from 01-04 (01-01 off) → 2027-01-12.
    let r = apply(&known, &project, &sign("2027-01-12"));
    assert!(
        !has_rule(&r, "calendar.year_unknown"),
        "{:#}",
        r["findings"]
    );
    assert!(
        !has_rule(&r, "art28.contract_signing_late"),
        "{:#}",
        r["findings"]
    );
    if govit::rules::find("art28.contract_signing_late").is_some() {
        // Without the 2027 notice, 2027-01-01 is assumed worked: the deadline is 2027-01-11.
        let r = apply(&base, &project, &sign("2027-01-12"));
        assert!(has_rule(&r, "calendar.year_unknown"), "{:#}", r["findings"]);
        assert!(
            has_rule(&r, "art28.contract_signing_late"),
            "{:#}",
            r["findings"]
        );
        let r = apply(&known, &project, &sign("2027-01-13"));
        assert!(
            has_rule(&r, "art28.contract_signing_late"),
            "{:#}",
            r["findings"]
        );
        assert_eq!(
            finding(&r, "art28.contract_signing_late")["due"],
            "2027-01-12"
        );
    }
}

#[test]
fn a_bad_calendar_is_refused_with_its_path() {
    let cal = |c: Value| json!({ "calendar": c });
    // A date in another year.
    let e = assert_config_error(
        cal(json!({"2027": {"holidays": ["2026-12-31"], "workdays": []}})),
        ErrorCode::InvalidInput,
        "$.calendar.2027",
    );
    assert!(e.message.contains("2026-12-31"), "{e}");
    assert_config_error(
        cal(json!({"2027": {"workdays": ["2028-01-01"]}})),
        ErrorCode::InvalidInput,
        "$.calendar.2027",
    );
    // A date both holiday and workday.
    let e = assert_config_error(
        cal(json!({"2027": {"holidays": ["2027-02-06"], "workdays": ["2027-02-06"]}})),
        ErrorCode::InvalidInput,
        "$.calendar.2027",
    );
    assert!(e.message.contains("2027-02-06"), "{e}");
    // Bad keys.
    for key in [
        "20x7", "27", "year2027", "", "1899", "2201", "-2027", "+2027", "02027", " 2027", "2027 ",
    ] {
        assert_config_error(
            cal(json!({ key: {"holidays": []} })),
            ErrorCode::InvalidInput,
            &format!("$.calendar.{key}"),
        );
    }
    assert_config_error(
        cal(json!({"2027": {"holiday": ["2027-01-01"]}})),
        ErrorCode::InvalidInput,
        "$.calendar.2027.holiday",
    );
    // Bad dates and shapes.
    assert_config_error(
        cal(json!({"2027": {"holidays": ["2027-01-01", "2027-02-30"]}})),
        ErrorCode::InvalidInput,
        "$.calendar.2027.holidays[1]",
    );
    assert_config_error(
        cal(json!({"2027": {"workdays": ["2027-2-6"]}})),
        ErrorCode::InvalidInput,
        "$.calendar.2027.workdays[0]",
    );
    assert_config_error(
        cal(json!({"2027": {"holidays": "2027-01-01"}})),
        ErrorCode::InvalidInput,
        "$.calendar.2027.holidays",
    );
    assert_config_error(
        cal(json!({"2027": []})),
        ErrorCode::InvalidInput,
        "$.calendar.2027",
    );
    assert_config_error(cal(json!(["2027"])), ErrorCode::InvalidInput, "$.calendar");
    assert_config_error(cal(json!("2027")), ErrorCode::InvalidInput, "$.calendar");
}

// ---------------------------------------------------------------------------
// periodic_months
// ---------------------------------------------------------------------------

#[test]
fn periodic_months_are_read_per_kind() {
    let engine = new(json!({"periodic_months": {"crypto_assessment": 24, "risk_assessment": 6}}));
    let s = engine.settings();
    assert_eq!(s.periodic_months(AssessmentKind::CryptoAssessment), 24);
    assert_eq!(s.periodic_months(AssessmentKind::RiskAssessment), 6);
    assert_eq!(s.periodic_months(AssessmentKind::MlpsAssessment), 12);
    let edges = new(json!({"periodic_months": {"mlps_assessment": 1, "crypto_assessment": 120}}));
    assert_eq!(
        edges
            .settings()
            .periodic_months(AssessmentKind::MlpsAssessment),
        1
    );
    assert_eq!(
        edges
            .settings()
            .periodic_months(AssessmentKind::CryptoAssessment),
        120
    );
}

#[test]
fn periodic_months_change_when_an_assessment_is_overdue() {
    if govit::rules::find("art38.crypto_assessment_overdue").is_none() {
        return;
    }
    // The standard path passes final acceptance on 2026-12-01: the yearly cycle starts there.
    let project = walk_to(&engine_default(), "operating");
    let as_of = json!({"as_of": "2027-12-02"});
    let yearly = check(&engine_default(), &project, as_of.clone());
    assert!(
        has_rule(&yearly, "art38.crypto_assessment_overdue"),
        "{:#}",
        yearly["findings"]
    );
    let biennial = new(json!({"periodic_months": {"crypto_assessment": 24}}));
    let r = check(&biennial, &project, as_of);
    assert!(
        !has_rule(&r, "art38.crypto_assessment_overdue"),
        "{:#}",
        r["findings"]
    );
}

#[test]
fn bad_periodic_months_are_refused_with_their_path() {
    for bad in [json!(0), json!(121), json!(-12), json!(1.5), json!("12")] {
        assert_config_error(
            json!({"periodic_months": {"crypto_assessment": bad}}),
            ErrorCode::InvalidInput,
            "$.periodic_months.crypto_assessment",
        );
    }
    assert_config_error(
        json!({"periodic_months": {"pen_test": 12}}),
        ErrorCode::InvalidInput,
        "$.periodic_months.pen_test",
    );
    assert_config_error(
        json!({"periodic_months": {"crypto_assessment": 12, "Crypto_Assessment": 12}}),
        ErrorCode::InvalidInput,
        "$.periodic_months.Crypto_Assessment",
    );
    assert_config_error(
        json!({"periodic_months": 12}),
        ErrorCode::InvalidInput,
        "$.periodic_months",
    );
}

// ---------------------------------------------------------------------------
// Unknown keys and malformed configs
// ---------------------------------------------------------------------------

#[test]
fn unknown_config_keys_are_refused_with_their_path() {
    for key in ["lang", "Locale", "max_input", "calender", "profile "] {
        let e = assert_config_error(
            json!({ key: "x" }),
            ErrorCode::InvalidInput,
            &format!("$.{key}"),
        );
        assert!(e.message.contains("not a known key"), "{e}");
    }
    // Alongside valid keys, still refused.
    assert_config_error(
        json!({"locale": "en", "timezone": "Asia/Shanghai"}),
        ErrorCode::InvalidInput,
        "$.timezone",
    );
}

#[test]
fn a_malformed_config_is_refused() {
    for text in ["", "{", "{\"locale\":}", "locale=en", "{\"a\":1,}"] {
        let e = config_err(text);
        assert_eq!(e.code, ErrorCode::InvalidJson, "{text:?}: {e}");
    }
    for text in ["[]", "null", "1", "\"en\""] {
        let e = config_err(text);
        assert_eq!(e.code, ErrorCode::InvalidInput, "{text}: {e}");
        assert_eq!(e.path.as_deref(), Some("$"), "{text}");
    }
}

// ---------------------------------------------------------------------------
// day_info and add_working_days (CONTRACT §3)
// ---------------------------------------------------------------------------

#[test]
fn day_info_gives_each_kind_of_day() {
    let engine = engine_default();
    let cases = [
        ("2025-10-09", true, "weekday", true),
        ("2025-10-12", false, "weekend", true),
        ("2025-10-01", false, "holiday", true),
        ("2025-10-04", false, "holiday", true), // a Saturday inside the block
        ("2025-09-28", true, "adjusted_workday", true),
        ("2025-10-11", true, "adjusted_workday", true),
        ("2026-02-14", true, "adjusted_workday", true),
        ("2026-02-23", false, "holiday", true),
        ("2024-02-29", true, "weekday", true),
        ("2030-06-03", true, "weekday", false),
        ("2030-06-01", false, "weekend", false),
    ];
    for (date, working, kind, known) in cases {
        assert_eq!(
            day_info(&engine, date),
            json!({"date": date, "working_day": working, "kind": kind, "calendar_known": known}),
            "{date}"
        );
    }
}

#[test]
fn day_info_refuses_a_bad_date() {
    let engine = engine_default();
    for bad in ["2025-02-30", "2025-2-3", "20250301", "", "2025-10-01T00:00"] {
        let e = engine.day_info_json(bad).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput, "{bad}");
        assert!(e.path.is_some(), "{bad}: {e}");
        let e = engine.add_working_days_json(bad, 1).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput, "{bad}");
    }
}

#[test]
fn add_working_days_counts_from_the_day_after() {
    let engine = engine_default();
    let cases = [
        // Art 28: an award notice on 2025-09-26 must be followed by signature by 2025-10-16.
        ("2025-09-26", 10, "2025-10-16", true),
        ("2025-09-26", 1, "2025-09-28", true), // Sunday 09-28 is worked
        ("2025-10-09", 0, "2025-10-09", true),
        ("2025-10-12", 0, "2025-10-12", true), // n = 0 is the day itself, working or not
        ("2025-10-09", -1, "2025-09-30", true),
        ("2026-02-13", 1, "2026-02-14", true),
        ("2026-02-14", 1, "2026-02-24", true),
        ("2026-12-31", 1, "2027-01-01", false),
        ("2024-01-02", -1, "2023-12-29", false),
        ("2030-01-01", 0, "2030-01-01", false),
    ];
    for (date, n, want, known) in cases {
        assert_eq!(
            add_days(&engine, date, n),
            json!({"date": want, "calendar_known": known}),
            "{date} + {n}"
        );
    }
}

#[test]
fn add_working_days_refuses_days_out_of_range() {
    let engine = engine_default();
    // 100,000 working days either way is accepted (about 380 years).
    let far = add_days(&engine, "2025-01-01", 100_000);
    assert_eq!(far["calendar_known"], false);
    assert!(far["date"].as_str().unwrap() > "2400-01-01", "{far}");
    add_days(&engine, "2025-01-01", -100_000);
    for days in [100_001, -100_001, i32::MAX, i32::MIN] {
        let e = engine
            .add_working_days_json("2025-01-01", days)
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput, "{days}");
        assert_eq!(e.path.as_deref(), Some("days"), "{days}: {e}");
        assert!(e.message.contains(&days.to_string()), "{e}");
    }
    // The answer must be a YYYY-MM-DD date: past 9999 or before 0000 is out of range.
    assert_eq!(
        add_days(&engine, "9999-12-30", 1),
        json!({"date": "9999-12-31", "calendar_known": false})
    );
    for (date, days) in [
        ("9999-12-31", 1),
        ("9999-12-31", 100_000),
        ("0000-01-03", -1),
        ("0000-01-01", -5),
    ] {
        let e = engine.add_working_days_json(date, days).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput, "{date} {days}");
        assert_eq!(e.path.as_deref(), Some("days"), "{date} {days}");
    }
}
