//! `examples/nightly/` holds the records of the README's nightly report. They
//! are built here by walking sample projects through `apply`; this test fails
//! when the committed files are not what the kernel makes of those events
//! (`GOVIT_UPDATE_SAMPLES=1 cargo test -p govit-cli --test samples` rewrites them).

mod support;

use support::*;

#[test]
fn nightly_samples_are_what_the_kernel_makes() {
    let dir = root().join("examples/nightly");
    let update = std::env::var_os("GOVIT_UPDATE_SAMPLES").is_some();
    let samples = nightly();
    let mut stale = Vec::new();
    for (name, record) in &samples {
        let path = dir.join(name);
        let text = pretty(record);
        if update {
            std::fs::create_dir_all(&dir).expect("mkdir");
            std::fs::write(&path, &text).expect("write sample");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(*name);
        }
    }
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("examples/nightly")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let names: Vec<&str> = samples.iter().map(|(n, _)| *n).collect();
    assert_eq!(files, names, "examples/nightly holds other files");
    assert!(
        stale.is_empty(),
        "stale samples {stale:?}: run GOVIT_UPDATE_SAMPLES=1 cargo test -p govit-cli --test samples"
    );
}
