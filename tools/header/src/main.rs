//! `make header`: generates `include/govit.h` from `src/ffi` with cbindgen.
//!
//! cbindgen reads `src/ffi/mod.rs` alone, not the whole crate: the header is the
//! C boundary and nothing else, so a public constant added elsewhere in the crate
//! (a limit, a rule id) can never leak into the C namespace without a `govit_`
//! prefix or change the committed header by accident.
//!
//! A cargo project of its own, so that building the library never compiles
//! cbindgen; `make header-check` runs it and fails when the committed header differs.

use std::path::PathBuf;

fn main() {
    // tools/header → the repository's root.
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let manifest = std::fs::read_to_string(crate_dir.join("Cargo.toml")).expect("Cargo.toml");
    let version = manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .expect("the package version in Cargo.toml")
        .to_string();
    let mut parts = version.split(['.', '-']);
    let mut next = || parts.next().unwrap_or("0").to_string();
    let (major, minor, patch) = (next(), next(), next());
    let mut config =
        cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml");
    config.after_includes = Some(format!(
        "\n/** The library version this header belongs to; `govit_version()` returns the library's. */\n\
         #define GOVIT_VERSION \"{version}\"\n\
         /** Major part of GOVIT_VERSION. */\n\
         #define GOVIT_VERSION_MAJOR {major}\n\
         /** Minor part of GOVIT_VERSION. */\n\
         #define GOVIT_VERSION_MINOR {minor}\n\
         /** Patch part of GOVIT_VERSION. */\n\
         #define GOVIT_VERSION_PATCH {patch}\n"
    ));
    config.header = Some(
        "/*\n * govit.h — the C ABI of govit, the rules kernel of 《曲阜市政务信息化项目建设管理办法》.\n *\n * Ownership: every `char **out_*` receives a string the caller frees with\n * govit_string_free(); govit_version() returns a static string (never freed).\n * Engines are made by govit_engine_new() and freed by govit_engine_free().\n * Threads: an engine is immutable; any number of threads may call it at once.\n * Errors: every function returns a govit_status; a non-OK status comes with an\n * error document {\"error\":{\"code\",\"message\",\"path\"}} in the out string.\n * A panic never crosses this boundary (GOVIT_INTERNAL). See docs/c-api.md.\n */"
            .to_string(),
    );
    let header = match cbindgen::Builder::new()
        .with_src(crate_dir.join("src").join("ffi").join("mod.rs"))
        .with_config(config)
        .generate()
    {
        Ok(bindings) => {
            let mut buf = Vec::new();
            bindings.write(&mut buf);
            buf
        }
        Err(e) => {
            eprintln!("cbindgen could not generate include/govit.h: {e}");
            std::process::exit(1);
        }
    };
    let path = crate_dir.join("include").join("govit.h");
    // Write only when it changed, so the file is untouched when nothing changed.
    if std::fs::read(&path).ok().as_deref() != Some(header.as_slice()) {
        std::fs::create_dir_all(path.parent().expect("include dir")).expect("create include/");
        std::fs::write(&path, header).expect("write include/govit.h");
    }
}
