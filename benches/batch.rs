//! The nightly batch (issue 9 §3): `check` with `as_of` over 100,000 distinct
//! project records of every state of the standard path, on one thread and on
//! all cores (`std::thread::scope`), with throughput and peak memory (VmHWM),
//! then how the time of one `check` grows with the length of the history.
//!
//! Records are made one at a time from a pool of templates (`BatchPool`), as a
//! nightly job reads them from its database, so the batch never holds more than
//! one record per thread: peak memory must not grow with the batch.
//!
//! Times are wall-clock and, beside them, the CPU time of the checking threads
//! (`CLOCK_THREAD_CPUTIME_ID`): on this shared two-core machine the wall clock
//! also counts the other engineers' builds.
//!
//! `cargo bench --bench batch [-- N]` (N projects, default 100,000).

#[path = "fixtures/mod.rs"]
mod fixtures;

use fixtures::*;
use govit::Engine;
use std::hint::black_box;
use std::time::Instant;

fn thread_cpu_s() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a valid out pointer; this clock exists on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

/// Checks records `range` of the batch; returns (JSON bytes read, thread CPU seconds).
fn run(engine: &Engine, pool: &BatchPool, range: std::ops::Range<usize>) -> (usize, f64) {
    let cpu = thread_cpu_s();
    let mut text = String::new();
    let mut bytes = 0;
    for i in range {
        pool.project(i, &mut text);
        bytes += text.len();
        black_box(engine.check_json(&text, Some(AS_OF)).expect("check"));
    }
    (bytes, thread_cpu_s() - cpu)
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let engine = engine();
    let pool = BatchPool::new(&engine);
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    println!("# nightly batch: check(as_of) of {n} distinct records ({} shapes: 4 samples x 19 states, 0-18 history entries)", pool.len());
    println!("# machine: {cores} cores, shared with other engineers' builds; wall times include their load, CPU times less so");
    println!(
        "| threads | wall s | checks/s (wall) | CPU s (sum of threads) | checks per CPU s | MB of JSON | VmHWM before → after |"
    );
    println!("|---|---|---|---|---|---|---|");
    for threads in [1, cores] {
        let before = peak_rss_kib();
        let start = Instant::now();
        let chunk = n.div_ceil(threads);
        let results: Vec<(usize, f64)> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let (engine, pool) = (&engine, &pool);
                    let range = (t * chunk).min(n)..((t + 1) * chunk).min(n);
                    s.spawn(move || run(engine, pool, range))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("batch thread"))
                .collect()
        });
        let wall = start.elapsed().as_secs_f64();
        let bytes: usize = results.iter().map(|r| r.0).sum();
        let cpu: f64 = results.iter().map(|r| r.1).sum();
        println!(
            "| {threads} | {wall:.2} | {:.0} | {cpu:.2} | {:.0} | {:.1} | {before} → {} KiB |",
            n as f64 / wall,
            n as f64 / cpu,
            bytes as f64 / 1e6,
            peak_rss_kib()
        );
    }

    // The bound: the JSON limit (parse + serialise) of the same records, one thread.
    let start = Instant::now();
    let mut text = String::new();
    for i in 0..n {
        pool.project(i, &mut text);
        black_box(json_limit(&[&text, AS_OF]));
    }
    println!(
        "| json limit, 1 thread | {:.2} | {:.0} | — | — | — | — |",
        start.elapsed().as_secs_f64(),
        n as f64 / start.elapsed().as_secs_f64()
    );

    println!();
    println!("# check(as_of) of public-service by history length: medians of 9 repetitions, beside the JSON limit");
    println!("| entries | record bytes | check | per entry | json limit | check / limit |");
    println!("|---|---|---|---|---|---|");
    let base = sample("public-service");
    for len in [0, 10, 100, 1000] {
        let project = with_history(&engine, &base, len).to_string();
        let (kernel, limit) = paired_median_ns(
            9,
            30e6,
            || {
                black_box(engine.check_json(&project, Some(AS_OF)).expect("check"));
            },
            || {
                black_box(json_limit(&[&project, AS_OF]));
            },
        );
        let per_entry = if len > 0 {
            show_ns(kernel / len as f64)
        } else {
            "—".into()
        };
        println!(
            "| {len} | {} | {} | {per_entry} | {} | {:.2} |",
            project.len(),
            show_ns(kernel),
            show_ns(limit),
            kernel / limit
        );
    }
}
