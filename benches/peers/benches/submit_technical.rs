//! govit against regorus on the rules of `submit_technical`: time per decision,
//! in one run, on the same generated cases and from the same JSON text.
//!
//! Through the C ABI, as a host calls it, from the same JSON text:
//! - `govit_preview`: the decision document (the goal: ≥ 10× regorus);
//! - `govit_apply`: the decision and, when accepted, the SM3-chained history
//!   entry and the new record, more work than the peer does (the goal: ≥ 4×);
//! - regorus: `set_input_json({"project":…,"event":…})` built from the same bytes,
//!   then `eval_rule("data.govit.technical.findings")`, the policy compiled once.
//!
//! Also shown, the Rust API's decision alone (`parse_project` + `parse_event` +
//! `Engine::decide`). The calls are timed alternately over the same 1,000 cases,
//! repetition by repetition (the machine is shared), and the medians compared.
//!
//! `cargo bench` in benches/peers (`-- --quick`: fewer repetitions).

use govit::ffi::{
    govit_apply, govit_engine, govit_engine_free, govit_engine_new, govit_preview, govit_status,
    govit_string_free,
};
use govit_peers::{case, Case, Rego};
use std::ffi::{c_char, CString};
use std::hint::black_box;
use std::time::Instant;

/// One C call with its out string freed, as a host makes it.
fn call(f: impl FnOnce(*mut *mut c_char) -> govit_status) {
    let mut out: *mut c_char = std::ptr::null_mut();
    let status = f(&mut out);
    assert_eq!(status, govit_status::GOVIT_OK);
    // SAFETY: `out` is the string the library just returned.
    unsafe { govit_string_free(out) };
}

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let reps = if quick { 5 } else { 21 };
    let engine = govit::Engine::new(None).expect("engine");
    let mut rego = Rego::new();
    let cases: Vec<Case> = (0..1_000).map(case).collect();
    let inputs: Vec<String> = cases.iter().map(Case::rego_input).collect();
    let bytes: usize = cases.iter().map(|c| c.project.len() + c.event.len()).sum();

    // Warm up both, and check once more that they agree on these cases.
    for (c, input) in cases.iter().zip(&inputs) {
        let theirs = rego.decide(input);
        assert_eq!(govit_peers::govit_decide(&engine, c), theirs);
        assert_eq!(govit_peers::govit_judge(&engine, c), theirs);
    }

    let mut c_engine: *mut govit_engine = std::ptr::null_mut();
    // SAFETY: default config; the engine is freed at the end.
    let status = unsafe { govit_engine_new(std::ptr::null(), &mut c_engine, std::ptr::null_mut()) };
    assert_eq!(status, govit_status::GOVIT_OK);
    let texts: Vec<(CString, CString)> = cases
        .iter()
        .map(|c| {
            (
                CString::new(c.project.as_str()).unwrap(),
                CString::new(c.event.as_str()).unwrap(),
            )
        })
        .collect();
    let time = |f: &mut dyn FnMut(usize)| {
        let start = Instant::now();
        for i in 0..cases.len() {
            f(i);
        }
        start.elapsed().as_nanos() as f64 / cases.len() as f64
    };
    let (mut rust, mut preview, mut apply, mut theirs) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..reps {
        rust.push(time(&mut |i| {
            black_box(govit_peers::govit_judge(&engine, &cases[i]));
        }));
        // SAFETY (both): valid engine and NUL-terminated strings; the out string is freed by `call`.
        preview.push(time(&mut |i| {
            call(|o| unsafe {
                govit_preview(c_engine, texts[i].0.as_ptr(), texts[i].1.as_ptr(), o)
            })
        }));
        apply.push(time(&mut |i| {
            call(|o| unsafe { govit_apply(c_engine, texts[i].0.as_ptr(), texts[i].1.as_ptr(), o) })
        }));
        theirs.push(time(&mut |i| {
            black_box(rego.decide(&inputs[i]));
        }));
    }
    // SAFETY: made above, no call in flight.
    unsafe { govit_engine_free(c_engine) };
    let (g, p, a, r) = (
        median(&mut rust),
        median(&mut preview),
        median(&mut apply),
        median(&mut theirs),
    );
    println!(
        "# submit_technical, {} cases ({:.0} bytes of JSON each), medians of {reps} alternating repetitions; 2 shared cores",
        cases.len(),
        bytes as f64 / cases.len() as f64
    );
    println!(
        "# regorus set_input_json + eval_rule (same JSON text):    {:>8.2} µs per decision",
        r / 1e3
    );
    println!(
        "# govit_preview (C ABI, decision document out):         {:>8.2} µs  ({:.1}x faster)",
        p / 1e3,
        r / p
    );
    println!(
        "# govit_apply (C ABI, decision and the new record out):  {:>8.2} µs  ({:.1}x faster)",
        a / 1e3,
        r / a
    );
    println!(
        "# govit Rust API, parse + decide (rule ids out):         {:>8.2} µs  ({:.1}x faster)",
        g / 1e3,
        r / g
    );
    println!("goal preview_vs_regorus_speedup {:.1} 10", r / p);
    println!("goal apply_vs_regorus_speedup {:.1} 4", r / a);
}
