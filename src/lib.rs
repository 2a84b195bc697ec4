//! # govit — the rules kernel of the Qufu measures for government IT projects
//!
//! 《曲阜市政务信息化项目建设管理办法》(曲政字〔2024〕21号, in force 2024-07-01),
//! enforced for the systems that run those projects, behind a stable C ABI.
//!
//! The kernel answers two questions about a project record the host stores:
//! *may this project take this step now, and what does it become?* (`apply`) and
//! *what does it breach, and what is due when?* (`check`). Every finding cites
//! its article in Chinese and English.
//!
//! Stages, each a module: [`model`] (documents and vocabularies) →
//! [`lifecycle`] (states, events, who may act) and [`rules`] (the measures,
//! one file per chapter) → [`history`] (SM3 hash chain, verify, replay), joined
//! by [`Engine`]. [`calendar`] counts working days; [`ffi`] is the C boundary.

pub mod calendar;
mod engine;
pub mod error;
pub mod ffi;
pub mod history;
pub mod lifecycle;
pub mod model;
pub mod rules;

pub use engine::{
    lifecycle_document, CheckOptions, Config, Engine, DEFAULT_MAX_INPUT_BYTES, PROFILE,
};
pub use error::{Error, ErrorBody, ErrorCode, ErrorDocument};
