//! Determinism: the same inputs give byte-identical outputs across runs (the
//! committed golden files), threads and engine instances. Output order is
//! specified: result documents list their keys in a fixed order, the project
//! record's keys are sorted, findings follow the rule catalogue's order, and
//! money keeps the scale it was given (`docs/security.md`).
//!
//! `GOVIT_UPDATE_GOLDEN=1 cargo test --test determinism` rewrites the golden files
//! after an intended change of output.

mod support;

use govit::Engine;
use std::path::PathBuf;
use support::*;

/// (name, output) for every call the golden files pin down.
fn outputs(engine: &Engine) -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut projects: Vec<PathBuf> = std::fs::read_dir(root.join("examples/projects"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    projects.sort();
    let submit = std::fs::read_to_string(root.join("examples/events/submit-demand.json")).unwrap();
    for path in projects {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let project = std::fs::read_to_string(&path).unwrap();
        out.push((
            format!("{name}.check"),
            engine
                .check_json(&project, Some(r#"{"as_of":"2026-01-15"}"#))
                .unwrap(),
        ));
        out.push((
            format!("{name}.apply-submit-demand"),
            engine.apply_json(&project, &submit).unwrap(),
        ));
    }
    let operating = walk_to(engine, "operating").to_string();
    out.push((
        "standard-path-operating.check".into(),
        engine
            .check_json(&operating, Some(r#"{"as_of":"2028-03-01"}"#))
            .unwrap(),
    ));
    out.push((
        "standard-path-operating.verify".into(),
        engine.verify_json(&operating).unwrap(),
    ));
    out.push(("rules".into(), engine.rules_json()));
    out
}

#[test]
fn outputs_match_the_committed_golden_files() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var_os("GOVIT_UPDATE_GOLDEN").is_some();
    for (name, output) in outputs(&engine()) {
        let file = dir.join(format!("{name}.json"));
        if update {
            std::fs::write(&file, &output).unwrap();
            continue;
        }
        let golden = std::fs::read_to_string(&file).unwrap_or_else(|_| {
            panic!("missing {}: run with GOVIT_UPDATE_GOLDEN=1", file.display())
        });
        assert!(
            golden == output,
            "{name} differs from {}; if the change is intended, rerun with GOVIT_UPDATE_GOLDEN=1",
            file.display()
        );
    }
}

#[test]
fn engine_instances_agree_byte_for_byte() {
    let a = outputs(&engine());
    let b = outputs(&Engine::new(Some(r#"{"profile":"qufu-2024","locale":"zh-CN"}"#)).unwrap());
    assert_eq!(a, b);
}

#[test]
fn threads_agree_byte_for_byte() {
    let engine = engine();
    let serial = outputs(&engine);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..8).map(|_| s.spawn(|| outputs(&engine))).collect();
        for h in handles {
            assert_eq!(h.join().unwrap(), serial);
        }
    });
}

#[test]
fn repeated_calls_agree_byte_for_byte() {
    let engine = engine();
    let first = outputs(&engine);
    for _ in 0..3 {
        assert_eq!(outputs(&engine), first);
    }
}
