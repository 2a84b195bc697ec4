#![no_main]
//! Fuzz target `check`: see `fuzz/harness.rs`.

#[path = "../harness.rs"]
mod harness;

use libfuzzer_sys::fuzz_target;
use once_cell::sync::Lazy;

static ENGINE: Lazy<harness::Engine> = Lazy::new(|| harness::Engine::new(None));

fuzz_target!(|data: &[u8]| {
    harness::run("check", &ENGINE, data);
});
