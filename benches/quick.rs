//! `make bench-quick`: the goals of issue 9 measured in one run (under a
//! minute), one line per goal: `goal <name> <measured> <target>`.
//!
//! The kernel and its limit (parsing the same JSON into `serde_json::Value`
//! and serialising the record back) are timed alternately, repetition by
//! repetition, so both see the same load on this shared machine; the figures
//! are medians. The peer (regorus) and the binding overheads are measured by
//! their own programs (`benches/peers`, `benches/overhead.sh`), which print
//! their own goal lines.

#[path = "fixtures/mod.rs"]
mod fixtures;

use fixtures::*;
use std::hint::black_box;
use std::time::Instant;

/// Checks of the nightly batch.
const BATCH: usize = 100_000;

fn main() {
    // `cargo bench` passes `--bench`; nothing else is accepted.
    let engine = engine();
    let reps = 15;
    let budget = 20e6; // ~20 ms per repetition

    println!("# govit bench-quick: medians of {reps} alternating repetitions; 2 shared cores, expect noise");
    println!(
        "# {:<24} {:>8} {:>11} {:>11} {:>7}",
        "call / sample", "history", "kernel", "json limit", "ratio"
    );
    let mut check_worst: f64 = 0.0;
    let mut apply_worst: f64 = 0.0;
    let mut apply_bare_worst: f64 = 0.0;
    let out_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    for (name, _) in SAMPLES {
        let base = sample(name);
        let n = 20;
        let project = with_history(&engine, &base, n).to_string();
        let event = next_event(&base, n).to_string();
        // The input of the binding overhead (benches/overhead.sh).
        if std::fs::create_dir_all(&out_dir).is_ok() {
            let _ = std::fs::write(out_dir.join(format!("check-{name}-{n}.json")), &project);
        }
        // The JSON API and the typed API decide the same and write the same record,
        // on every record of the path.
        for k in [0, 5, 12, n] {
            let (p, e) = (
                with_history(&engine, &base, k).to_string(),
                next_event(&base, k).to_string(),
            );
            let (decision, next) = engine.apply(
                &engine.parse_project(&p).expect("record"),
                &engine.parse_event(&e).expect("event"),
            );
            let json: serde_json::Value =
                serde_json::from_str(&engine.apply_json(&p, &e).expect("apply")).expect("JSON");
            assert_eq!(
                json["findings"],
                serde_json::to_value(&decision.findings).unwrap()
            );
            assert_eq!(
                json["project"],
                next.expect("accepted").to_value(),
                "apply_json and apply differ on {name} after {k} events"
            );
        }

        let (kernel, limit) = paired_median_ns(
            reps,
            budget,
            || {
                black_box(engine.check_json(&project, Some(AS_OF)).expect("check"));
            },
            || {
                black_box(json_limit(&[&project, AS_OF]));
            },
        );
        let ratio = kernel / limit;
        check_worst = check_worst.max(ratio);
        println!(
            "# check {name:<18} {n:>8} {:>11} {:>11} {ratio:>7.2}",
            show_ns(kernel),
            show_ns(limit)
        );

        let (kernel, limit) = paired_median_ns(
            reps,
            budget,
            || {
                let out = engine.apply_json(&project, &event).expect("apply");
                debug_assert!(out.contains("\"accepted\":true"));
                black_box(out);
            },
            || {
                black_box(json_limit(&[&project, &event]));
            },
        );
        let ratio = kernel / limit;
        apply_worst = apply_worst.max(ratio);
        println!(
            "# apply {name:<18} {n:>8} {:>11} {:>11} {ratio:>7.2}",
            show_ns(kernel),
            show_ns(limit)
        );

        // A bare record: the first event, where the SM3 digests weigh most.
        let bare = base.to_string();
        let first = next_event(&base, 0).to_string();
        let (kernel, limit) = paired_median_ns(
            reps,
            budget,
            || {
                black_box(engine.apply_json(&bare, &first).expect("apply"));
            },
            || {
                black_box(json_limit(&[&bare, &first]));
            },
        );
        let ratio = kernel / limit;
        apply_bare_worst = apply_bare_worst.max(ratio);
        println!(
            "# apply {name:<18} {:>8} {:>11} {:>11} {ratio:>7.2}",
            0,
            show_ns(kernel),
            show_ns(limit)
        );
        // What the history format requires of any implementation on a first event,
        // with the same JSON library: read the inputs, write the output document,
        // and SM3 what the entry binds (the snapshot, and the entry without it).
        let output: serde_json::Value =
            serde_json::from_str(&engine.apply_json(&bare, &first).expect("apply")).expect("JSON");
        let entry = output["project"]["history"][0]
            .as_object()
            .expect("an entry");
        let bound = [
            govit::model::canonical_json(&entry["snapshot"]),
            govit::model::canonical_object_without(entry, govit::model::unhashed_members(2)),
        ];
        let (floor, limit) = paired_median_ns(
            reps,
            budget,
            || {
                for text in [&bare, &first] {
                    black_box(serde_json::from_str::<serde_json::Value>(text).expect("JSON"));
                }
                black_box(serde_json::to_string(&output).expect("serialises"));
                for text in &bound {
                    black_box(govit::model::sm3_hex(text.as_bytes()));
                }
            },
            || {
                black_box(json_limit(&[&bare, &first]));
            },
        );
        println!(
            "#   floor: the inputs read, the {}-byte output written, SM3 of {} bytes: {} ({:.2}× the limit; the kernel {:.2}× the floor)",
            output.to_string().len(),
            bound.iter().map(String::len).sum::<usize>(),
            show_ns(floor),
            floor / limit,
            kernel / floor
        );
    }

    // The nightly batch, one core: distinct records of every state of the path.
    let pool = BatchPool::new(&engine);
    let mut text = String::new();
    let mut checking = 0.0f64;
    let mut bytes = 0usize;
    let hwm_start = peak_rss_kib();
    let mut hwm_10k = 0;
    let wall = Instant::now();
    for i in 0..BATCH {
        pool.project(i, &mut text);
        bytes += text.len();
        let start = Instant::now();
        black_box(engine.check_json(&text, Some(AS_OF)).expect("check"));
        checking += start.elapsed().as_secs_f64();
        if i + 1 == BATCH / 10 {
            hwm_10k = peak_rss_kib();
        }
    }
    let wall = wall.elapsed().as_secs_f64();
    let hwm_end = peak_rss_kib();
    println!(
        "# batch: {BATCH} checks (as_of) of {} record shapes, {:.1} MB of JSON: {checking:.2} s checking ({:.0} checks/s), {wall:.2} s with generating the records",
        pool.len(),
        bytes as f64 / 1e6,
        BATCH as f64 / checking
    );
    println!("# batch: VmHWM {hwm_start} KiB before, {hwm_10k} KiB after 10,000, {hwm_end} KiB after {BATCH}");

    // The bound of the batch: the JSON limit of the same records.
    let start = Instant::now();
    for i in 0..BATCH {
        pool.project(i, &mut text);
        black_box(json_limit(&[&text, AS_OF]));
    }
    let limit = start.elapsed().as_secs_f64();
    println!(
        "# batch: the JSON limit (parse + serialise) of the same records takes {limit:.2} s (check / limit {:.2})",
        checking / limit
    );

    println!("goal check_20_entries_vs_json_limit {check_worst:.2} 1.0");
    println!("goal apply_20_entries_vs_json_limit {apply_worst:.2} 1.5");
    println!("goal apply_bare_vs_json_limit {apply_bare_worst:.2} 3.0");
    println!(
        "goal batch_100k_one_core_vs_json_limit {:.2} 1.0",
        checking / limit
    );
    // Flat: the peak after 100,000 is within 10% of the peak after 10,000.
    let growth = hwm_end as f64 / hwm_10k.max(1) as f64;
    println!("goal batch_memory_growth_10k_to_100k {growth:.2} 1.10");
}
