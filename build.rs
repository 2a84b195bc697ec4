//! Generates `include/govit.h` from `src/ffi` with cbindgen, and gives the
//! shared library its SONAME (`libgovit.so.1`, the ABI version).
//!
//! cbindgen reads `src/ffi/mod.rs` alone, not the whole crate: the header is the
//! C boundary and nothing else, so a public constant added elsewhere in the crate
//! (a limit, a rule id) can never leak into the C namespace without a `govit_`
//! prefix or change the committed header by accident.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=src/ffi");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libgovit.so.1");
    }
    let crate_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let version = std::env::var("CARGO_PKG_VERSION").expect("set by cargo");
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
            // A broken source tree fails the build elsewhere with a better message.
            println!("cargo:warning=cbindgen could not generate include/govit.h: {e}");
            return;
        }
    };
    let path = crate_dir.join("include").join("govit.h");
    // Write only when it changed, so the committed header is untouched by no-op builds.
    if std::fs::read(&path).ok().as_deref() != Some(header.as_slice()) {
        std::fs::create_dir_all(path.parent().expect("include dir")).expect("create include/");
        std::fs::write(&path, header).expect("write include/govit.h");
    }
}
