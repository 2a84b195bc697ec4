//! The C boundary (CONTRACT §2) called as C would call it, from Rust: the
//! `extern "C"` functions of `govit::ffi` with raw pointers. NULL in every
//! position, every status code with its error document, the panic boundary and
//! string ownership. The same ground is covered from C, under valgrind, by
//! `tests/c/`; this file keeps it in `cargo test`.

use govit::ffi::*;
use serde_json::Value;
use std::ffi::{c_char, CStr, CString};
use std::ptr;

/// Takes ownership of a string the library returned, and frees it.
fn take(out: *mut c_char) -> String {
    assert!(!out.is_null(), "the out string must be set");
    let text = unsafe { CStr::from_ptr(out) }
        .to_str()
        .expect("the library writes UTF-8")
        .to_owned();
    unsafe { govit_string_free(out) };
    text
}

/// Runs a call with a poisoned out pointer and returns its status and document.
fn call(f: impl FnOnce(*mut *mut c_char) -> govit_status) -> (govit_status, String) {
    let mut poison = 0u8;
    let mut out: *mut c_char = (&mut poison as *mut u8).cast();
    let status = f(&mut out);
    (status, take(out))
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("the out string is JSON")
}

/// Asserts an error document of `code`, and returns it.
fn error_doc(doc: &str, code: &str) -> Value {
    let v = json(doc);
    assert_eq!(v["error"]["code"], code, "{doc}");
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{doc}"
    );
    v
}

fn c(s: &str) -> CString {
    CString::new(s).expect("no NUL")
}

struct Engine(*mut govit_engine);

// The engine is `Sync` (ffi asserts it at compile time); the raw pointer is shared read-only.
unsafe impl Send for Engine {}
unsafe impl Sync for Engine {}

impl Engine {
    fn new(config: Option<&str>) -> Engine {
        let config = config.map(c);
        let mut e = ptr::null_mut();
        let mut err = ptr::null_mut();
        let status = unsafe {
            govit_engine_new(
                config.as_ref().map_or(ptr::null(), |c| c.as_ptr()),
                &mut e,
                &mut err,
            )
        };
        assert_eq!(status, govit_status::GOVIT_OK);
        assert!(err.is_null());
        assert!(!e.is_null());
        Engine(e)
    }
}

impl Engine {
    /// The pointer, borrowed through `&self` (a closure capturing `self.0` alone would not be `Send`).
    fn ptr(&self) -> *const govit_engine {
        self.0
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        unsafe { govit_engine_free(self.0) };
    }
}

const UNIT: &str = "曲阜市文化和旅游局";

fn project() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/projects/public-service.json"
    ))
    .expect("sample project")
}

fn submit_demand() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/events/submit-demand.json"
    ))
    .expect("sample event")
}

#[test]
fn versions() {
    assert_eq!(govit_abi_version(), GOVIT_ABI_VERSION);
    assert_eq!(govit_abi_version(), 1);
    let v = unsafe { CStr::from_ptr(govit_version()) };
    assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
}

#[test]
fn status_values_are_the_contract() {
    use govit_status::*;
    let values = [
        (GOVIT_OK, 0),
        (GOVIT_NULL_ARGUMENT, 1),
        (GOVIT_INVALID_UTF8, 2),
        (GOVIT_INVALID_JSON, 3),
        (GOVIT_INVALID_INPUT, 4),
        (GOVIT_INPUT_TOO_LARGE, 5),
        (GOVIT_UNSUPPORTED, 6),
        (GOVIT_INTERNAL, 7),
    ];
    for (status, value) in values {
        assert_eq!(status as i32, value);
    }
    assert_eq!(
        std::mem::size_of::<govit_status>(),
        std::mem::size_of::<std::ffi::c_int>()
    );
}

#[test]
fn happy_paths() {
    let e = Engine::new(None);
    let (p, ev) = (c(&project()), c(&submit_demand()));
    let (st, doc) = call(|out| unsafe { govit_apply(e.0, p.as_ptr(), ev.as_ptr(), out) });
    assert_eq!(st, govit_status::GOVIT_OK, "{doc}");
    let result = json(&doc);
    assert_eq!(result["accepted"], true);
    assert_eq!(result["state_after"], "demand_review");
    let record = c(&result["project"].to_string());
    let (st, doc) = call(|out| unsafe { govit_verify(e.0, record.as_ptr(), out) });
    assert_eq!(st, govit_status::GOVIT_OK);
    assert_eq!(json(&doc)["valid"], true);
    let options = c(r#"{"as_of":"2025-10-01"}"#);
    let (st, doc) = call(|out| unsafe { govit_check(e.0, record.as_ptr(), options.as_ptr(), out) });
    assert_eq!(st, govit_status::GOVIT_OK);
    assert_eq!(json(&doc)["state"], "demand_review");
    let (st, doc) = call(|out| unsafe { govit_check(e.0, p.as_ptr(), ptr::null(), out) });
    assert_eq!(st, govit_status::GOVIT_OK);
    assert_eq!(json(&doc)["in_scope"], true);
    let date = c("2025-10-01");
    let (st, doc) = call(|out| unsafe { govit_day_info(e.0, date.as_ptr(), out) });
    assert_eq!(st, govit_status::GOVIT_OK);
    assert_eq!(json(&doc)["kind"], "holiday");
    let date = c("2025-09-28");
    let (_, doc) = call(|out| unsafe { govit_day_info(e.0, date.as_ptr(), out) });
    assert_eq!(json(&doc)["kind"], "adjusted_workday");
    let date = c("2025-09-26");
    let (st, doc) = call(|out| unsafe { govit_add_working_days(e.0, date.as_ptr(), 10, out) });
    assert_eq!(st, govit_status::GOVIT_OK);
    assert_eq!(json(&doc)["date"], "2025-10-16");
    let (st, doc) = call(|out| unsafe { govit_rules(e.0, out) });
    assert_eq!(st, govit_status::GOVIT_OK);
    assert!(json(&doc).as_array().is_some_and(|rules| !rules.is_empty()));
}

#[test]
fn null_in_every_position() {
    use govit_status::GOVIT_NULL_ARGUMENT as NULL;
    let e = Engine::new(None);
    let (p, ev, d) = (c(&project()), c(&submit_demand()), c("2025-10-01"));
    let null_doc = |(st, doc): (govit_status, String), arg: &str| {
        assert_eq!(st, NULL, "{doc}");
        let v = error_doc(&doc, "null_argument");
        assert!(
            v["error"]["message"].as_str().unwrap().contains(arg),
            "{doc}"
        );
    };
    unsafe {
        null_doc(
            call(|o| govit_check(ptr::null(), p.as_ptr(), ptr::null(), o)),
            "engine",
        );
        null_doc(
            call(|o| govit_check(e.0, ptr::null(), ptr::null(), o)),
            "project_json",
        );
        null_doc(
            call(|o| govit_apply(ptr::null(), p.as_ptr(), ev.as_ptr(), o)),
            "engine",
        );
        null_doc(
            call(|o| govit_apply(e.0, ptr::null(), ev.as_ptr(), o)),
            "project_json",
        );
        null_doc(
            call(|o| govit_apply(e.0, p.as_ptr(), ptr::null(), o)),
            "event_json",
        );
        null_doc(call(|o| govit_verify(ptr::null(), p.as_ptr(), o)), "engine");
        null_doc(call(|o| govit_verify(e.0, ptr::null(), o)), "project_json");
        null_doc(
            call(|o| govit_day_info(ptr::null(), d.as_ptr(), o)),
            "engine",
        );
        null_doc(call(|o| govit_day_info(e.0, ptr::null(), o)), "date");
        null_doc(
            call(|o| govit_add_working_days(ptr::null(), d.as_ptr(), 1, o)),
            "engine",
        );
        null_doc(
            call(|o| govit_add_working_days(e.0, ptr::null(), 1, o)),
            "date",
        );
        null_doc(call(|o| govit_rules(ptr::null(), o)), "engine");

        let none = ptr::null_mut();
        assert_eq!(govit_check(e.0, p.as_ptr(), ptr::null(), none), NULL);
        assert_eq!(govit_apply(e.0, p.as_ptr(), ev.as_ptr(), none), NULL);
        assert_eq!(govit_verify(e.0, p.as_ptr(), none), NULL);
        assert_eq!(govit_day_info(e.0, d.as_ptr(), none), NULL);
        assert_eq!(govit_add_working_days(e.0, d.as_ptr(), 1, none), NULL);
        assert_eq!(govit_rules(e.0, none), NULL);

        // engine_new: NULL out_engine, with and without out_error
        let mut err = ptr::null_mut();
        assert_eq!(
            govit_engine_new(ptr::null(), ptr::null_mut(), &mut err),
            NULL
        );
        error_doc(&take(err), "null_argument");
        assert_eq!(
            govit_engine_new(ptr::null(), ptr::null_mut(), ptr::null_mut()),
            NULL
        );
        // the two frees accept NULL
        govit_engine_free(ptr::null_mut());
        govit_string_free(ptr::null_mut());
    }
}

#[test]
fn every_error_status_with_its_document() {
    use govit_status::*;
    let e = Engine::new(None);
    let p = c(&project());
    let check = |text: &[u8]| {
        let mut bytes = text.to_vec();
        bytes.push(0);
        call(|o| unsafe { govit_check(e.0, bytes.as_ptr().cast(), ptr::null(), o) })
    };

    let (st, doc) = check(b"{\"id\":\"\xff\"}");
    assert_eq!(st, GOVIT_INVALID_UTF8);
    error_doc(&doc, "invalid_utf8");

    for bad in [&b"{"[..], b"", b"[1,]", b"{\"id\":\"x\"} {}"] {
        let (st, doc) = check(bad);
        assert_eq!(st, GOVIT_INVALID_JSON, "{doc}");
        error_doc(&doc, "invalid_json");
    }
    let (st, _) = check(&vec![b'['; 100_000]);
    assert_eq!(st, GOVIT_INVALID_JSON);

    let mut negative = json(&project());
    negative["budget_yuan"] = Value::from("-1");
    let (st, doc) = check(negative.to_string().as_bytes());
    assert_eq!(st, GOVIT_INVALID_INPUT);
    assert_eq!(
        error_doc(&doc, "invalid_input")["error"]["path"],
        "$.budget_yuan"
    );

    let mut huge = vec![b' '; 5 * 1024 * 1024];
    huge[0] = b'{';
    *huge.last_mut().unwrap() = b'}';
    let (st, doc) = check(&huge);
    assert_eq!(st, GOVIT_INPUT_TOO_LARGE);
    error_doc(&doc, "input_too_large");

    let small = Engine::new(Some(r#"{"max_input_bytes":64}"#));
    let (st, doc) = call(|o| unsafe { govit_check(small.0, p.as_ptr(), ptr::null(), o) });
    assert_eq!(st, GOVIT_INPUT_TOO_LARGE);
    error_doc(&doc, "input_too_large");

    let config = c(r#"{"profile":"x"}"#);
    let mut engine = ptr::null_mut();
    let mut err = ptr::null_mut();
    let st = unsafe { govit_engine_new(config.as_ptr(), &mut engine, &mut err) };
    assert_eq!(st, GOVIT_UNSUPPORTED);
    assert!(engine.is_null());
    assert_eq!(
        error_doc(&take(err), "unsupported")["error"]["path"],
        "$.profile"
    );
}

/// Art 37's share (security * 100 / budget) overflows rust_decimal at the top of
/// its range and panics; the boundary must catch it. Once the rule is fixed the
/// input is simply answered, which is also fine: what must never happen is an
/// abort or a changed engine.
#[test]
fn a_panic_becomes_internal_and_the_engine_stays_usable() {
    let e = Engine::new(None);
    let mut p = json(&project());
    p["state"] = "demand_approved".into();
    p["budget_yuan"] = "79228162514264337593543950335".into();
    p["security_budget_yuan"] = "3900000000000000000000000000".into();
    let p = c(&p.to_string());
    let ev = c(&format!(
        r#"{{"type":"submit_technical","date":"2025-04-01","actor":{{"role":"construction_unit","unit":"{UNIT}"}},"data":{{"documents":["construction_plan","crypto_plan","feasibility_study","secure_reliable_statement","data_sharing_plan"]}}}}"#
    ));
    let (_, rules_before) = call(|o| unsafe { govit_rules(e.0, o) });
    for _ in 0..3 {
        let (st, doc) = call(|o| unsafe { govit_apply(e.0, p.as_ptr(), ev.as_ptr(), o) });
        match st {
            govit_status::GOVIT_INTERNAL => {
                error_doc(&doc, "internal");
            }
            govit_status::GOVIT_OK => assert!(json(&doc)["accepted"].is_boolean()),
            other => panic!("unexpected {other:?}: {doc}"),
        }
    }
    let (_, rules_after) = call(|o| unsafe { govit_rules(e.0, o) });
    assert_eq!(rules_before, rules_after);
    let date = c("2025-09-26");
    let (st, doc) = call(|o| unsafe { govit_add_working_days(e.0, date.as_ptr(), 10, o) });
    assert_eq!(st, govit_status::GOVIT_OK);
    assert_eq!(json(&doc)["date"], "2025-10-16");
}

/// A history entry numbered 0 whose hash is recomputed (so it is not merely
/// "damaged"): `verify` computes `seq - 1`, which overflows. With overflow
/// checks (debug builds, this test) that is a panic the boundary must turn into
/// `GOVIT_INTERNAL`; in release builds the subtraction wraps. Either way the
/// call returns and the engine answers the next call as before.
#[test]
fn a_history_entry_numbered_zero_never_crashes_the_host() {
    let e = Engine::new(None);
    let (p, ev) = (c(&project()), c(&submit_demand()));
    let (st, doc) = call(|o| unsafe { govit_apply(e.0, p.as_ptr(), ev.as_ptr(), o) });
    assert_eq!(st, govit_status::GOVIT_OK);
    let mut record = json(&doc)["project"].clone();
    record["history"][0]["seq"] = 0.into();
    let hash = govit::model::stored_hash(record["history"][0].as_object().unwrap()).0;
    record["history"][0]["hash"] = hash.into();
    let record = c(&record.to_string());
    let (_, rules_before) = call(|o| unsafe { govit_rules(e.0, o) });
    let (st, doc) = call(|o| unsafe { govit_verify(e.0, record.as_ptr(), o) });
    match st {
        govit_status::GOVIT_OK => assert_eq!(json(&doc)["valid"], false, "{doc}"),
        govit_status::GOVIT_INTERNAL => {
            error_doc(&doc, "internal");
        }
        other => panic!("unexpected {other:?}: {doc}"),
    }
    let (st, _) = call(|o| unsafe { govit_apply(e.0, record.as_ptr(), ev.as_ptr(), o) });
    assert!(matches!(
        st,
        govit_status::GOVIT_OK | govit_status::GOVIT_INTERNAL
    ));
    let (_, rules_after) = call(|o| unsafe { govit_rules(e.0, o) });
    assert_eq!(rules_before, rules_after);
}

/// A history whose last entry is numbered `u64::MAX` (hash recomputed): `apply`
/// numbers the next entry `seq + 1`. With overflow checks (debug builds, this
/// test) that panicked when this test was written, so the call must come back
/// `GOVIT_INTERNAL` (or, once numbering is checked, an answer), never abort.
#[test]
fn a_history_at_the_last_sequence_number_never_crashes_the_host() {
    let e = Engine::new(None);
    let (p, ev) = (c(&project()), c(&submit_demand()));
    let (_, doc) = call(|o| unsafe { govit_apply(e.0, p.as_ptr(), ev.as_ptr(), o) });
    let mut record = json(&doc)["project"].clone();
    record["history"][0]["seq"] = u64::MAX.into();
    let hash = govit::model::stored_hash(record["history"][0].as_object().unwrap()).0;
    record["history"][0]["hash"] = hash.into();
    let record = c(&record.to_string());
    let next = c(&format!(
        r#"{{"type":"record_assessment","date":"2025-03-04","actor":{{"role":"construction_unit","unit":"{UNIT}"}},"data":{{"kind":"crypto_assessment"}}}}"#
    ));
    let (st, doc) = call(|o| unsafe { govit_apply(e.0, record.as_ptr(), next.as_ptr(), o) });
    match st {
        govit_status::GOVIT_INTERNAL => {
            error_doc(&doc, "internal");
        }
        govit_status::GOVIT_OK | govit_status::GOVIT_INVALID_INPUT => {}
        other => panic!("unexpected {other:?}: {doc}"),
    }
    let date = c("2025-09-26");
    let (st, doc) = call(|o| unsafe { govit_add_working_days(e.0, date.as_ptr(), 10, o) });
    assert_eq!(st, govit_status::GOVIT_OK);
    assert_eq!(json(&doc)["date"], "2025-10-16");
}

#[test]
fn one_engine_many_threads_same_answers() {
    let e = Engine::new(None);
    let (p, ev) = (c(&project()), c(&submit_demand()));
    let serial = call(|o| unsafe { govit_apply(e.0, p.as_ptr(), ev.as_ptr(), o) });
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..200 {
                    let got = call(|o| unsafe { govit_apply(e.ptr(), p.as_ptr(), ev.as_ptr(), o) });
                    assert_eq!(got, serial);
                }
            });
        }
    });
}
