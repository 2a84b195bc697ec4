//! Fuzz harness shared by the cargo-fuzz targets (`fuzz/fuzz_targets`) and the
//! corpus replay in the normal test suite (`tests/fuzz_corpus.rs`), so the
//! committed corpus — seeds and every crash found and fixed — runs on every CI.
//!
//! Every function drives the C entry points exactly as a host would and checks
//! the boundary's promises: a known status, never `GOVIT_INTERNAL` (a caught
//! panic is a bug), an out string that is valid JSON and is freed. Multi-part
//! inputs are split at NUL bytes (which no C string can contain).
#![allow(dead_code)]

use govit::ffi::*;
use govit::model::{record_keys, Clause, DocumentKind, EventData, EventType, Project, Role};
use serde_json::{json, Value};
use std::ffi::{c_char, CStr, CString};
use std::ptr;

/// The sample projects and events, as seeds and as bases for structured inputs.
pub const SAMPLE_PROJECTS: [&str; 4] = [
    include_str!("../examples/projects/public-service.json"),
    include_str!("../examples/projects/shandong-tong-internal.json"),
    include_str!("../examples/projects/major-command-platform.json"),
    include_str!("../examples/projects/construction-attached.json"),
];
pub const SAMPLE_EVENTS: [&str; 2] = [
    include_str!("../examples/events/submit-demand.json"),
    include_str!("../examples/events/start-procurement-too-early.json"),
];

/// An engine for the harness (the default config, or a small input limit).
pub struct Engine(*mut govit_engine);

impl Engine {
    pub fn new(config: Option<&str>) -> Engine {
        let config = config.map(|c| CString::new(c).expect("no NUL"));
        let mut engine = ptr::null_mut();
        let mut error = ptr::null_mut();
        let status = unsafe {
            govit_engine_new(
                config.as_ref().map_or(ptr::null(), |c| c.as_ptr()),
                &mut engine,
                &mut error,
            )
        };
        assert_eq!(
            status,
            govit_status::GOVIT_OK,
            "engine config refused: {}",
            take(error)
        );
        Engine(engine)
    }
}

// The engine is immutable and documented as safe to share between threads.
unsafe impl Send for Engine {}
unsafe impl Sync for Engine {}

impl Drop for Engine {
    fn drop(&mut self) {
        unsafe { govit_engine_free(self.0) }
    }
}

/// Copies and frees a string the library returned.
fn take(s: *mut c_char) -> String {
    if s.is_null() {
        return String::new();
    }
    let text = unsafe { CStr::from_ptr(s) }.to_string_lossy().into_owned();
    unsafe { govit_string_free(s) };
    text
}

/// Checks a call's status and out string; returns (status, document).
fn settle(status: govit_status, out: *mut c_char) -> (govit_status, Value) {
    let text = take(out);
    assert_ne!(
        status,
        govit_status::GOVIT_INTERNAL,
        "a panic reached the boundary: {text}"
    );
    let doc: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("out string is not JSON ({e}): {text}"));
    if status != govit_status::GOVIT_OK {
        assert!(
            doc["error"]["code"].is_string(),
            "error document without a code: {text}"
        );
    }
    (status, doc)
}

fn c_parts(data: &[u8], n: usize) -> Vec<CString> {
    // The first n - 1 parts end at a NUL; the last ends at the next NUL if any,
    // as a C string would.
    let mut parts: Vec<CString> = data
        .splitn(n, |b| *b == 0)
        .map(|p| {
            let end = p.iter().position(|b| *b == 0).unwrap_or(p.len());
            CString::new(&p[..end]).expect("cut at the first NUL")
        })
        .collect();
    while parts.len() < n {
        parts.push(CString::new("").expect("empty"));
    }
    parts
}

pub fn engine_config(data: &[u8]) {
    let config = c_parts(data, 1).remove(0);
    let mut engine = ptr::null_mut();
    let mut error = ptr::null_mut();
    let status = unsafe { govit_engine_new(config.as_ptr(), &mut engine, &mut error) };
    let err = take(error);
    assert_ne!(status, govit_status::GOVIT_INTERNAL, "{err}");
    if status == govit_status::GOVIT_OK {
        assert!(!engine.is_null() && err.is_empty());
        // A config that makes an engine must make a working one.
        let mut out = ptr::null_mut();
        let s = unsafe { govit_day_info(engine, c"2025-10-01".as_ptr(), &mut out) };
        settle(s, out);
    } else {
        assert!(engine.is_null());
        serde_json::from_str::<Value>(&err).expect("error document is JSON");
    }
    unsafe { govit_engine_free(engine) };
}

pub fn check(engine: &Engine, data: &[u8]) {
    let parts = c_parts(data, 2);
    let mut out = ptr::null_mut();
    let options = if parts[1].as_bytes().is_empty() {
        ptr::null()
    } else {
        parts[1].as_ptr()
    };
    let status = unsafe { govit_check(engine.0, parts[0].as_ptr(), options, &mut out) };
    settle(status, out);
    // `check` reads a record without its entries' text; `apply` reads it whole:
    // both read the same record, or refuse it with the same error.
    if let Ok(text) = parts[0].to_str() {
        match (Project::parse(text), Project::parse_to_decide(text)) {
            (Ok(kept), Ok(decided)) => {
                assert_eq!(kept.history.entries(), decided.history.entries());
                assert_eq!(
                    (&kept.attrs, kept.state, &kept.kernel, &kept.extra),
                    (
                        &decided.attrs,
                        decided.state,
                        &decided.kernel,
                        &decided.extra
                    )
                );
            }
            (Err(kept), Err(decided)) => assert_eq!(kept, decided),
            (kept, decided) => panic!("the two readings differ: {kept:?} and {decided:?}"),
        }
    }
}

/// Applies and checks the invariants; returns the new record when accepted.
pub fn apply_raw(engine: &Engine, project: &CStr, event: &CStr) -> Option<String> {
    let mut out = ptr::null_mut();
    let status = unsafe { govit_apply(engine.0, project.as_ptr(), event.as_ptr(), &mut out) };
    let (status, doc) = settle(status, out);
    if status != govit_status::GOVIT_OK {
        return None;
    }
    let input: Value =
        serde_json::from_slice(project.to_bytes()).expect("an accepted input was JSON");
    if doc["accepted"] == true {
        assert!(!doc["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["severity"] == "block"));
        let record = doc["project"].to_string();
        let (_, verdict) = verify_raw(engine, &CString::new(record.clone()).expect("no NUL"));
        assert_eq!(
            verdict["valid"], true,
            "the kernel produced a record that does not verify: {verdict}"
        );
        Some(record)
    } else {
        assert_eq!(doc["project"], input, "a refused event changed the record");
        assert!(doc["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["severity"] == "block"));
        None
    }
}

pub fn apply(engine: &Engine, data: &[u8]) {
    let parts = c_parts(data, 2);
    apply_raw(engine, &parts[0], &parts[1]);
}

fn verify_raw(engine: &Engine, project: &CStr) -> (govit_status, Value) {
    let mut out = ptr::null_mut();
    let status = unsafe { govit_verify(engine.0, project.as_ptr(), &mut out) };
    settle(status, out)
}

pub fn verify(engine: &Engine, data: &[u8]) {
    verify_raw(engine, &c_parts(data, 1)[0]);
}

pub fn day_info(engine: &Engine, data: &[u8]) {
    let date = c_parts(data, 1).remove(0);
    let mut out = ptr::null_mut();
    let status = unsafe { govit_day_info(engine.0, date.as_ptr(), &mut out) };
    settle(status, out);
}

pub fn add_working_days(engine: &Engine, data: &[u8]) {
    let (days, rest) = match data {
        [a, b, c, d, rest @ ..] => (i32::from_le_bytes([*a, *b, *c, *d]), rest),
        _ => (10, data),
    };
    let date = c_parts(rest, 1).remove(0);
    let mut out = ptr::null_mut();
    let status = unsafe { govit_add_working_days(engine.0, date.as_ptr(), days, &mut out) };
    let (status, doc) = settle(status, out);
    if status == govit_status::GOVIT_OK {
        assert!(doc["date"].is_string() && doc["calendar_known"].is_boolean());
    }
}

/// Reads decisions from fuzz bytes (a small stand-in for `arbitrary`, so the
/// replay test needs no extra crate).
pub struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    pub fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((b, rest)) => {
                self.0 = rest;
                *b
            }
            None => 0,
        }
    }

    pub fn pick<'t, T>(&mut self, items: &'t [T]) -> &'t T {
        &items[self.byte() as usize % items.len()]
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Values that stress parsing and rules when put into any field.
fn interesting(b: &mut Bytes) -> Value {
    let pool = [
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(-1),
        json!("-0.01"),
        json!("0"),
        json!("4999999.99"),
        json!("5000000.00"),
        json!(5000000),
        json!("249999.99"),
        json!("250000.00"),
        json!(1e300),
        json!("1e29"),
        json!("99999999999999999999999999999"),
        json!(""),
        json!("曲阜市文化和旅游局"),
        json!("𠀀𪚥😀"),
        json!("2025-02-30"),
        json!("2025-10-16"),
        json!("9999-12-31"),
        json!("0000-01-01"),
        json!([]),
        json!(["government_investment"]),
        json!(["x"]),
        json!({}),
        json!({"a": [1, {"b": null}]}),
        json!("draft"),
        json!("operating"),
        json!("terminated"),
        json!(i64::MAX),
        json!(u64::MAX),
        json!(-2147483648i64),
    ];
    b.pick(&pool).clone()
}

/// Every key of a project record (from the model's declarations) and one of the host's.
fn fields() -> Vec<&'static str> {
    record_keys().iter().copied().chain(["oa_extra"]).collect()
}

/// Every key of an event's data, as declared.
fn data_keys() -> Vec<&'static str> {
    EventData::FIELDS.iter().map(|f| f.key).collect()
}

/// Plausible values for event data, so events get past parsing into the rules.
fn data_value(b: &mut Bytes, key: &str) -> Value {
    if b.byte() % 4 == 0 {
        return interesting(b);
    }
    match key {
        "documents" => {
            let n = b.byte() % 6;
            Value::from(
                (0..n)
                    .map(|_| b.pick(DocumentKind::ALL).as_str())
                    .collect::<Vec<_>>(),
            )
        }
        "clauses" => {
            let n = b.byte() % 13;
            Value::from(
                (0..n)
                    .map(|_| b.pick(Clause::ALL).as_str())
                    .collect::<Vec<_>>(),
            )
        }
        "method" => json!(b.pick(&["public_tender", "inquiry", "single_source"])),
        "kind" => json!(b.pick(&["crypto_assessment", "mlps_assessment", "risk_assessment"])),
        "result" => json!(b.pick(&["excellent", "good", "pass", "poor"])),
        "aspects" => json!([b.pick(&[
            "goals",
            "location",
            "content",
            "budget_yuan",
            "planned_completion"
        ])]),
        "proposed" => json!({"budget_yuan": b.pick(&["3300000.00", "2000000", "0"])}),
        "notice_date" | "new_deadline" | "rectification_deadline" | "deadline" => {
            json!(b.pick(&[
                "2025-09-26",
                "2025-10-16",
                "2026-12-31",
                "2027-03-01",
                "2024-06-30"
            ]))
        }
        "spent_yuan" | "actual_cost_yuan" => {
            json!(b.pick(&["1200000.00", "3000000.00", "3000000.01", "2999999.99"]))
        }
        "implementation_months" | "warranty_months" => json!(b.pick(&[12, 23, 24, 36, 37])),
        "year" => json!(b.pick(&[2025, 2026, 2027])),
        "order_id" => json!(b.pick(&["R-1", "R-2"])),
        _ => json!(b.pick(&[json!(true), json!(false), json!("曲阜市大数据中心")])),
    }
}

/// Structure-aware: a sample project with mutated fields, then a sequence of
/// events built from the vocabularies, each applied through the C ABI with the
/// invariants of `apply_raw` checked after every call.
pub fn lifecycle(engine: &Engine, data: &[u8]) {
    let mut b = Bytes(data);
    let sample: &str = SAMPLE_PROJECTS[b.byte() as usize % SAMPLE_PROJECTS.len()];
    let mut project: Value = serde_json::from_str(sample).expect("sample is JSON");
    let owner = project["owner_unit"].clone();
    let fields = fields();
    for _ in 0..(b.byte() % 4) {
        let field = *b.pick(&fields);
        let value = interesting(&mut b);
        project[field] = value;
    }
    let mut record = project.to_string();
    let dates = [
        "2024-06-30",
        "2025-03-03",
        "2025-06-03",
        "2025-09-26",
        "2025-10-16",
        "2025-10-17",
        "2026-03-02",
        "2026-12-01",
        "2027-06-30",
    ];
    let mut day = 0usize;
    while !b.is_empty() {
        let kind = b.pick(EventType::ALL).as_str();
        let role = b.pick(Role::ALL).as_str();
        day = (day + (b.byte() % 2) as usize).min(dates.len() - 1);
        let unit = if b.byte() % 8 == 0 {
            json!("别的单位")
        } else {
            owner.clone()
        };
        let mut data = serde_json::Map::new();
        for _ in 0..(b.byte() % 5) {
            let key = *b.pick(&data_keys());
            let value = data_value(&mut b, key);
            data.insert(key.to_string(), value);
        }
        let event = json!({"type": kind, "date": dates[day], "actor": {"role": role, "unit": unit}, "data": data});
        let (p, e) = (
            CString::new(record.clone()).expect("no NUL"),
            CString::new(event.to_string()).expect("no NUL"),
        );
        if let Some(next) = apply_raw(engine, &p, &e) {
            record = next;
        }
        // Also check the record in its current state.
        let mut out = ptr::null_mut();
        let p = CString::new(record.clone()).expect("no NUL");
        let status = unsafe {
            govit_check(
                engine.0,
                p.as_ptr(),
                c"{\"as_of\":\"2027-01-15\"}".as_ptr(),
                &mut out,
            )
        };
        settle(status, out);
    }
}

/// The target names and their functions, for the corpus replay.
pub fn run(target: &str, engine: &Engine, data: &[u8]) {
    match target {
        "engine_config" => engine_config(data),
        "check" => check(engine, data),
        "apply" => apply(engine, data),
        "verify" => verify(engine, data),
        "day_info" => day_info(engine, data),
        "add_working_days" => add_working_days(engine, data),
        "lifecycle" => lifecycle(engine, data),
        other => panic!("unknown fuzz target {other}"),
    }
}

pub const TARGETS: &[&str] = &[
    "engine_config",
    "check",
    "apply",
    "verify",
    "day_info",
    "add_working_days",
    "lifecycle",
];

/// A small deterministic RNG (xorshift64*), so soak runs are reproducible by seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Counts from a guided walk.
#[derive(Clone, Copy, Debug, Default)]
pub struct WalkStats {
    pub applies: u64,
    pub accepted: u64,
    pub projects: u64,
}

/// A guided random walk for the soak test: mostly events the record allows,
/// by a permitted role, with plausible data and documents (so projects travel
/// deep into the lifecycle), sometimes anything at all. Every call goes through
/// the C ABI and `apply_raw` checks the invariants after each (a refused event
/// leaves the record unchanged, every accepted record verifies). A project is
/// restarted after `max_events` events to keep records realistic in size.
pub fn guided_walk(engine: &Engine, seed: u64, applies: u64, max_events: usize) -> WalkStats {
    use govit::lifecycle::Transition;
    let mut rng = Rng::new(seed);
    let mut stats = WalkStats::default();
    let all_docs: Vec<&str> = DocumentKind::ALL.iter().map(|d| d.as_str()).collect();
    let all_clauses: Vec<&str> = Clause::ALL.iter().map(|c| c.as_str()).collect();
    while stats.applies < applies {
        stats.projects += 1;
        let base: Value = serde_json::from_str(SAMPLE_PROJECTS[rng.below(SAMPLE_PROJECTS.len())])
            .expect("sample");
        let unit = base["lead_department"]
            .as_str()
            .filter(|_| base["cross_department"] == true)
            .unwrap_or_else(|| base["owner_unit"].as_str().expect("owner"))
            .to_string();
        let method = base["procurement_method"].clone();
        let mut record = base.to_string();
        let mut day = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).expect("date");
        for _ in 0..max_events {
            if stats.applies >= applies {
                break;
            }
            let allowed: Vec<String> = {
                let mut out = ptr::null_mut();
                let p = CString::new(record.clone()).expect("no NUL");
                let status = unsafe { govit_check(engine.0, p.as_ptr(), ptr::null(), &mut out) };
                let (_, doc) = settle(status, out);
                doc["allowed_events"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|e| e.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let guided = !allowed.is_empty() && rng.below(8) != 0;
            let kind = if guided {
                allowed[rng.below(allowed.len())].clone()
            } else {
                EventType::ALL[rng.below(EventType::ALL.len())]
                    .as_str()
                    .to_string()
            };
            let event_type = EventType::parse(&kind).expect("known event");
            let roles = Transition::of(event_type).roles;
            let role = if guided {
                roles[rng.below(roles.len())]
            } else {
                Role::ALL[rng.below(Role::ALL.len())]
            };
            day = day + chrono::Days::new(rng.below(20) as u64);
            let date = day.format("%Y-%m-%d").to_string();
            let kinds = ["crypto_assessment", "mlps_assessment", "risk_assessment"];
            let mut data = json!({
                "documents": all_docs, "method": method, "notice_date": date, "supplier": "曲阜供应商",
                "clauses": all_clauses,
                "legal_review": true, "legal_counsel": "律师事务所", "implementation_months": 12, "warranty_months": 24,
                "implementing_agency": "信息中心", "responsible_person": "孔某", "spent_yuan": "100000.00",
                "actual_cost_yuan": base["budget_yuan"], "new_deadline": "2027-12-31", "rectification_deadline": "2027-06-30",
                "year": day.format("%Y").to_string().parse::<i32>().expect("year"), "result": "good",
                "kind": kinds[rng.below(3)],
                "data_shared": true, "unified_infrastructure": true, "crypto_compliant": true, "security_compliant": true,
                "major_security_risk": false, "order_id": format!("R-{}", rng.below(3)), "issues": ["数据未共享"],
                "deadline": "2026-06-30", "compliant": rng.below(3) != 0, "copied_to_big_data_center": true,
                "delegated": rng.below(2) == 0
            });
            if rng.below(3) == 0 {
                data["documents"] = json!([]);
            }
            if rng.below(6) == 0 {
                data["proposed"] = json!({"budget_yuan": "3300000.00"});
                data["aspects"] = json!(["budget_yuan"]);
            }
            let actor = if role == Role::ConstructionUnit && rng.below(10) != 0 {
                json!({"role": role.as_str(), "unit": unit})
            } else {
                json!({"role": role.as_str()})
            };
            let event =
                json!({"type": kind, "date": date, "actor": actor, "data": data}).to_string();
            let (p, e) = (
                CString::new(record.clone()).expect("no NUL"),
                CString::new(event).expect("no NUL"),
            );
            stats.applies += 1;
            if let Some(next) = apply_raw(engine, &p, &e) {
                stats.accepted += 1;
                record = next;
            }
        }
    }
    stats
}
