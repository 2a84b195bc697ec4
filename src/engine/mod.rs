//! The engine: an immutable value built once from the config (`config`) and
//! shared by every call and thread. It joins the stages: model (read) →
//! lifecycle and rules (the one decision, `decide`) → history (record), and
//! speaks JSON text at its edge for the C ABI (`json`) and typed values for Rust
//! callers.

mod config;
mod decide;
mod json;
mod screens;

pub use screens::lifecycle_document;

pub use config::{Config, DEFAULT_MAX_INPUT_BYTES, PROFILE};
pub use decide::CheckOptions;

use crate::rules::Settings;

/// An immutable engine. `Send + Sync`: share one across threads.
#[derive(Clone, Debug)]
pub struct Engine {
    settings: Settings,
    max_input_bytes: usize,
    /// `unknown_keys: error`: keys the kernel does not know are refused.
    unknown_keys_refused: bool,
    /// The host's own keys allowed then (besides `x_…`).
    host_keys: Vec<String>,
}

impl Engine {
    pub fn max_input_bytes(&self) -> usize {
        self.max_input_bytes
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }
}
