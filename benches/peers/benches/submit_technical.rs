//! govit against regorus on the rules of `submit_technical`: time per decision,
//! in one run, on the same generated cases and from the same JSON text.
//!
//! Like with like, both from the same JSON text to the set of rule ids:
//! - govit: `parse_project` + `parse_event` + `Engine::findings` (the goal's figure);
//! - regorus: `set_input_json({"project":…,"event":…})` built from the same bytes,
//!   then `eval_rule("data.govit.technical.findings")`, the policy compiled once.
//!
//! Also shown: govit's whole `apply_json` (result document out and, when
//! accepted, the SM3-chained history entry and the new record), more work than
//! the peer does. The calls are timed alternately over the same 1,000 cases,
//! repetition by repetition (the machine is shared), and the medians compared.
//! Prints `goal govit_vs_regorus_speedup <x> 10`.
//!
//! `cargo bench` in benches/peers (`-- --quick`: fewer repetitions).

use govit_peers::{case, Case, Rego};
use std::hint::black_box;
use std::time::Instant;

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

    let (mut ours, mut whole, mut theirs) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..reps {
        let start = Instant::now();
        for c in &cases {
            black_box(govit_peers::govit_judge(&engine, c));
        }
        ours.push(start.elapsed().as_nanos() as f64 / cases.len() as f64);
        let start = Instant::now();
        for c in &cases {
            black_box(engine.apply_json(&c.project, &c.event).expect("apply"));
        }
        whole.push(start.elapsed().as_nanos() as f64 / cases.len() as f64);
        let start = Instant::now();
        for input in &inputs {
            black_box(rego.decide(input));
        }
        theirs.push(start.elapsed().as_nanos() as f64 / cases.len() as f64);
    }
    let (g, a, r) = (median(&mut ours), median(&mut whole), median(&mut theirs));
    println!(
        "# submit_technical, {} cases ({:.0} bytes of JSON each), medians of {reps} alternating repetitions; 2 shared cores",
        cases.len(),
        bytes as f64 / cases.len() as f64
    );
    println!(
        "# govit parse + findings (JSON text in, rule ids out):    {:>8.2} µs per decision",
        g / 1e3
    );
    println!(
        "# regorus set_input_json + eval_rule (same JSON text):   {:>8.2} µs per decision",
        r / 1e3
    );
    println!("# govit apply_json (result document and new record out): {:>8.2} µs per call ({:.1}x faster than regorus)", a / 1e3, r / a);
    println!("goal govit_vs_regorus_speedup {:.1} 10", r / g);
}
