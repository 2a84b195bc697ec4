//! Soak: many random `apply` calls through the C ABI across projects and
//! threads. After every call the harness checks that a refused event left the
//! record unchanged and that every accepted record verifies; between phases we
//! check that resident memory stays flat.
//!
//! The short run is part of the test suite. The full run (1,000,000 calls) is
//! `make soak` (`cargo test --release --test soak -- --ignored --nocapture`).

#[path = "../fuzz/harness.rs"]
mod harness;

use std::sync::Arc;
use std::time::Instant;

fn resident_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Runs `phases` rounds of `threads` × `per_phase` calls; returns (stats, RSS after each phase).
fn soak(threads: u64, per_phase: u64, phases: u64) -> (harness::WalkStats, Vec<u64>) {
    let engine = Arc::new(harness::Engine::new(None));
    let mut total = harness::WalkStats::default();
    let mut rss = Vec::new();
    for phase in 0..phases {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let engine = Arc::clone(&engine);
                std::thread::spawn(move || {
                    harness::guided_walk(&engine, phase * 1000 + t + 1, per_phase, 40)
                })
            })
            .collect();
        for h in handles {
            let s = h.join().expect("soak thread panicked: an invariant failed");
            total.applies += s.applies;
            total.accepted += s.accepted;
            total.projects += s.projects;
        }
        rss.push(resident_kib());
    }
    (total, rss)
}

fn report(name: &str, stats: harness::WalkStats, rss: &[u64], started: Instant) {
    println!(
        "{name}: {} apply calls ({} accepted) over {} projects in {:.1} s; resident KiB after each phase: {:?}",
        stats.applies,
        stats.accepted,
        stats.projects,
        started.elapsed().as_secs_f64(),
        rss
    );
}

/// Memory is flat when the last phase ends within `slack_kib` of the second (the first warms up).
fn assert_flat(rss: &[u64], slack_kib: u64) {
    let (warm, last) = (rss[1], *rss.last().expect("phases"));
    assert!(
        last <= warm + slack_kib,
        "resident memory grew from {warm} KiB to {last} KiB"
    );
}

#[test]
fn soak_short() {
    let started = Instant::now();
    let (stats, rss) = soak(2, 600, 4);
    report("soak_short", stats, &rss, started);
    assert_eq!(stats.applies, 4_800);
    assert!(
        stats.accepted > stats.applies / 4,
        "the walk should get most events accepted: {stats:?}"
    );
    assert_flat(&rss, 16 * 1024);
}

#[test]
#[ignore = "long: run with `make soak`"]
fn soak_full() {
    let calls: u64 = std::env::var("GOVIT_SOAK_CALLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let threads: u64 = std::thread::available_parallelism()
        .map(|n| n.get() as u64)
        .unwrap_or(2)
        .max(2)
        * 2;
    let phases = 10;
    let started = Instant::now();
    let (stats, rss) = soak(threads, calls / threads / phases, phases);
    report("soak_full", stats, &rss, started);
    assert_flat(&rss, 16 * 1024);
}
