//! Replays the committed fuzz corpus (`fuzz/corpus/<target>/`, the seeds and what
//! the fuzzer kept) and every crash found and fixed (`fuzz/regressions/<target>/`)
//! through the same harness the fuzz targets use, so none can come back.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::Path;

fn replay(dir: &Path, engine: &harness::Engine) -> usize {
    let mut count = 0;
    for target in harness::TARGETS {
        let Ok(entries) = std::fs::read_dir(dir.join(target)) else {
            continue;
        };
        let mut files: Vec<_> = entries.map(|e| e.expect("readable").path()).collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).expect("readable corpus file");
            let outcome = std::panic::catch_unwind(|| harness::run(target, engine, &data));
            assert!(outcome.is_ok(), "fuzz input {} fails", file.display());
            count += 1;
        }
    }
    count
}

#[test]
fn committed_corpus_and_regressions_pass() {
    let engine = harness::Engine::new(None);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let corpus = replay(&root.join("corpus"), &engine);
    let regressions = replay(&root.join("regressions"), &engine);
    assert!(corpus >= 30, "the seed corpus is missing ({corpus} inputs)");
    println!("replayed {corpus} corpus inputs and {regressions} regressions");
}
