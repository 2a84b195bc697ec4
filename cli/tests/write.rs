//! `govit apply --write`: the record file is replaced, atomically, only when
//! the event is accepted; a refused event leaves it byte for byte as it was.

mod support;

use serde_json::Value;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use support::*;

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_refused_event_leaves_the_file_untouched() {
    let dir = scratch();
    let record = dir.path().join("record.json");
    std::fs::copy(
        root().join("examples/projects/public-service.json"),
        &record,
    )
    .unwrap();
    let before = std::fs::read(&record).unwrap();
    let inode = std::fs::metadata(&record).unwrap().ino();
    let (code, out, _) = run(&[
        "apply",
        record.to_str().unwrap(),
        "examples/events/start-procurement-too-early.json",
        "--write",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("事件不予办理，未改动"), "{out}");
    assert_eq!(std::fs::read(&record).unwrap(), before, "byte-identical");
    assert_eq!(
        std::fs::metadata(&record).unwrap().ino(),
        inode,
        "not even rewritten"
    );
    assert_eq!(files_in(dir.path()), ["record.json"]);
}

#[test]
fn an_accepted_event_replaces_the_file_with_the_new_record() {
    let dir = scratch();
    let record = dir.path().join("record.json");
    std::fs::copy(
        root().join("examples/projects/public-service.json"),
        &record,
    )
    .unwrap();
    std::fs::set_permissions(&record, std::fs::Permissions::from_mode(0o640)).unwrap();
    let inode = std::fs::metadata(&record).unwrap().ino();
    let path = record.to_str().unwrap();
    let (code, out, _) = run(&[
        "apply",
        path,
        "examples/events/submit-demand.json",
        "--write",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&format!("已写入新记录：{path}")), "{out}");

    // The file is the kernel's new record (pretty-printed).
    let engine = govit::Engine::new(None).unwrap();
    let doc: Value = serde_json::from_str(
        &engine
            .apply_json(
                &std::fs::read_to_string(root().join("examples/projects/public-service.json"))
                    .unwrap(),
                &std::fs::read_to_string(root().join("examples/events/submit-demand.json"))
                    .unwrap(),
            )
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        std::fs::read_to_string(&record).unwrap(),
        pretty(&doc["project"])
    );
    // Replaced by a rename (a new file), keeping the old one's permissions, no temporary left.
    let meta = std::fs::metadata(&record).unwrap();
    assert_ne!(meta.ino(), inode, "a new file renamed over the old");
    assert_eq!(meta.permissions().mode() & 0o777, 0o640);
    assert_eq!(files_in(dir.path()), ["record.json"]);

    // The written record is the one to go on with: it verifies, and the next step is judged on it.
    let (code, out, _) = run(&["verify", path]);
    assert_eq!(code, 0, "{out}");
    let (_, out, _) = run(&["check", path, "--json"]);
    let check: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(check["state"], "demand_review");
}

#[test]
fn writing_through_a_symbolic_link_updates_the_file_it_names() {
    let dir = scratch();
    let record = dir.path().join("record.json");
    let link = dir.path().join("link.json");
    std::fs::copy(
        root().join("examples/projects/public-service.json"),
        &record,
    )
    .unwrap();
    std::os::unix::fs::symlink(&record, &link).unwrap();
    let (code, _, _) = run(&[
        "apply",
        link.to_str().unwrap(),
        "examples/events/submit-demand.json",
        "--write",
    ]);
    assert_eq!(code, 0);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "still a link"
    );
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    assert_eq!(written["state"], "demand_review");
}

#[test]
fn write_needs_a_file() {
    let record =
        std::fs::read_to_string(root().join("examples/projects/public-service.json")).unwrap();
    let (code, _, err) = run_with_stdin(
        &[
            "apply",
            "-",
            "examples/events/submit-demand.json",
            "--write",
        ],
        &record,
    );
    assert_eq!(code, 2);
    assert!(err.contains("--write"), "{err}");
    // Without --write, stdin is a record like a file.
    let (code, out, _) = run_with_stdin(
        &["apply", "-", "examples/events/submit-demand.json"],
        &record,
    );
    assert_eq!(code, 0, "{out}");
}
