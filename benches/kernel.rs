//! Criterion benchmarks of the kernel against its physical limit (issue 9 §1).
//!
//! For each sample project of `examples/projects/` with a history of 0, 20 and
//! 1,000 entries (built by applying real events, see `fixtures`), one criterion
//! group per call holds three functions side by side:
//!
//! - `kernel`: the Rust JSON API (`Engine::check_json`, `apply_json`, `verify_json`);
//! - `c_abi`: the same call through the C ABI (`govit_check` …, and `govit_string_free`);
//! - `json_limit`: parsing the same JSON inputs into `serde_json::Value` and
//!   serialising the record back, which no JSON-in/JSON-out kernel can beat.
//!
//! After each group the ratios kernel / limit and C ABI / limit are printed,
//! from the medians of the samples criterion took in this run.
//!
//! `cargo bench --bench kernel` (a few minutes); a filter narrows it:
//! `cargo bench --bench kernel -- 'check/public-service'`.

#[path = "fixtures/mod.rs"]
mod fixtures;

use criterion::{criterion_group, criterion_main, Bencher, Criterion};
use fixtures::*;
use govit::ffi::*;
use std::cell::RefCell;
use std::ffi::{c_char, CString};
use std::hint::black_box;
use std::ptr;
use std::time::{Duration, Instant};

/// The per-sample times (ns per call) criterion measured, by function, for the ratios.
#[derive(Default)]
struct Log(RefCell<Vec<(&'static str, f64)>>);

impl Log {
    fn timed(&self, name: &'static str, b: &mut Bencher, mut f: impl FnMut()) {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                f();
            }
            let d = start.elapsed();
            self.0
                .borrow_mut()
                .push((name, d.as_nanos() as f64 / iters as f64));
            d
        });
    }

    fn median(&self, name: &str) -> Option<f64> {
        let mut xs: Vec<f64> = self
            .0
            .borrow()
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, t)| *t)
            .collect();
        (!xs.is_empty()).then(|| median(&mut xs))
    }

    /// Prints the ratios of the group just measured and forgets its times.
    fn report(&self, group: &str) {
        if let (Some(k), Some(c), Some(l)) = (
            self.median("kernel"),
            self.median("c_abi"),
            self.median("json_limit"),
        ) {
            println!(
                "ratio {group}: kernel {} c_abi {} json_limit {} | kernel/limit {:.2} c_abi/limit {:.2}",
                show_ns(k),
                show_ns(c),
                show_ns(l),
                k / l,
                c / l
            );
        }
        self.0.borrow_mut().clear();
    }
}

/// The engine as a C host holds it.
struct CEngine(*mut govit_engine);

impl CEngine {
    fn new() -> CEngine {
        let mut engine = ptr::null_mut();
        let status = unsafe { govit_engine_new(ptr::null(), &mut engine, ptr::null_mut()) };
        assert_eq!(status, govit_status::GOVIT_OK);
        CEngine(engine)
    }
}

impl Drop for CEngine {
    fn drop(&mut self) {
        unsafe { govit_engine_free(self.0) }
    }
}

/// Frees what a C call returned, after checking it succeeded.
fn settle(status: govit_status, out: *mut c_char) {
    assert_eq!(status, govit_status::GOVIT_OK);
    unsafe { govit_string_free(black_box(out)) };
}

fn configure<'a>(
    c: &'a mut Criterion,
    name: &str,
    slow: bool,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(if slow { 3000 } else { 1000 }));
    g
}

fn kernel_calls(c: &mut Criterion) {
    let engine = engine();
    let cengine = CEngine::new();
    let log = Log::default();
    let as_of = CString::new(AS_OF).expect("no NUL");
    println!(
        "# 2 shared cores: ratios are medians of criterion's samples in this run; expect noise"
    );

    for (name, _) in SAMPLES {
        let base = sample(name);
        for n in [0, 20, 1000] {
            let project = with_history(&engine, &base, n).to_string();
            let event = next_event(&base, n).to_string();
            let (cp, ce) = (
                CString::new(project.clone()).expect("no NUL"),
                CString::new(event.clone()).expect("no NUL"),
            );
            let slow = n >= 1000;

            let id = format!("check/{name}/{n}");
            let mut g = configure(c, &id, slow);
            g.bench_function("kernel", |b| {
                log.timed("kernel", b, || {
                    black_box(engine.check_json(&project, Some(AS_OF)).expect("check"));
                })
            });
            g.bench_function("c_abi", |b| {
                log.timed("c_abi", b, || {
                    let mut out = ptr::null_mut();
                    let s =
                        unsafe { govit_check(cengine.0, cp.as_ptr(), as_of.as_ptr(), &mut out) };
                    settle(s, out);
                })
            });
            g.bench_function("json_limit", |b| {
                log.timed("json_limit", b, || {
                    black_box(json_limit(&[&project, AS_OF]));
                })
            });
            g.finish();
            log.report(&id);

            let id = format!("apply/{name}/{n}");
            let mut g = configure(c, &id, slow);
            g.bench_function("kernel", |b| {
                log.timed("kernel", b, || {
                    black_box(engine.apply_json(&project, &event).expect("apply"));
                })
            });
            g.bench_function("c_abi", |b| {
                log.timed("c_abi", b, || {
                    let mut out = ptr::null_mut();
                    let s = unsafe { govit_apply(cengine.0, cp.as_ptr(), ce.as_ptr(), &mut out) };
                    settle(s, out);
                })
            });
            g.bench_function("json_limit", |b| {
                log.timed("json_limit", b, || {
                    black_box(json_limit(&[&project, &event]));
                })
            });
            g.finish();
            log.report(&id);

            if n == 0 {
                continue; // nothing to verify
            }
            let id = format!("verify/{name}/{n}");
            let mut g = configure(c, &id, slow);
            g.bench_function("kernel", |b| {
                log.timed("kernel", b, || {
                    black_box(engine.verify_json(&project).expect("verify"));
                })
            });
            g.bench_function("c_abi", |b| {
                log.timed("c_abi", b, || {
                    let mut out = ptr::null_mut();
                    let s = unsafe { govit_verify(cengine.0, cp.as_ptr(), &mut out) };
                    settle(s, out);
                })
            });
            g.bench_function("json_limit", |b| {
                log.timed("json_limit", b, || {
                    black_box(json_limit(&[&project]));
                })
            });
            g.finish();
            log.report(&id);
        }
    }

    // Art 28's count: ten working days after an award notice, over the National Day holiday.
    // Its input is not JSON; the limit is the round trip of the result document.
    let id = "add_working_days/2025-09-26+10";
    let date = CString::new("2025-09-26").expect("no NUL");
    let result_doc = engine
        .add_working_days_json("2025-09-26", 10)
        .expect("in range");
    let mut g = configure(c, id, false);
    g.bench_function("kernel", |b| {
        log.timed("kernel", b, || {
            black_box(
                engine
                    .add_working_days_json(black_box("2025-09-26"), 10)
                    .expect("in range"),
            );
        })
    });
    g.bench_function("c_abi", |b| {
        log.timed("c_abi", b, || {
            let mut out = ptr::null_mut();
            let s = unsafe { govit_add_working_days(cengine.0, date.as_ptr(), 10, &mut out) };
            settle(s, out);
        })
    });
    g.bench_function("json_limit", |b| {
        log.timed("json_limit", b, || {
            black_box(json_limit(&[&result_doc]));
        })
    });
    g.finish();
    log.report(id);
}

criterion_group!(benches, kernel_calls);
criterion_main!(benches);
