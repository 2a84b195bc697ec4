//! The kernel, through its JSON API only: each call returns the kernel's
//! document as text (what `--json` prints) or its error document. The tool
//! reads documents into its own types (`docs`), so it depends on the contract
//! (CONTRACT §3), not on the kernel's Rust types.
//!
//! `preview` and `lifecycle` (CONTRACT §2) join here as one method each
//! when the kernel has them.

use crate::docs::{self, Catalogue};
use crate::term::Locale;
use govit::Engine;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::fmt;
use std::path::Path;

pub struct Kernel {
    engine: Engine,
}

/// Why a command could not give its answer (exit code 2).
pub enum Failure {
    /// The kernel's error document (`{"error": {"code", "message", "path"}}`).
    Kernel(String),
    /// A file that could not be read or written.
    Io(String, std::io::Error),
    /// Anything else, said in a sentence.
    Message(String),
}

impl Failure {
    pub fn io(path: &Path, err: std::io::Error) -> Failure {
        Failure::Io(path.display().to_string(), err)
    }

    /// For stderr: the kernel's document as it is (`--json`), or a sentence.
    pub fn render(&self, json: bool, locale: Locale) -> String {
        match self {
            Failure::Kernel(doc) if json => doc.clone(),
            Failure::Kernel(doc) => match serde_json::from_str::<docs::ErrorDoc>(doc) {
                Ok(e) => format!("govit: {}", e.error.sentence(locale)),
                Err(_) => format!("govit: {doc}"),
            },
            Failure::Io(path, err) => format!(
                "govit: {} {path}: {err}",
                locale.pick("无法读写", "cannot read or write")
            ),
            Failure::Message(message) => format!("govit: {message}"),
        }
    }
}

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(true, Locale::En))
    }
}

fn kernel_error(e: govit::Error) -> Failure {
    Failure::Kernel(e.to_json())
}

impl Kernel {
    /// The engine of `config` (a JSON object, or none), speaking `locale`.
    pub fn new(config: Option<&str>, locale: Locale) -> Result<Kernel, Failure> {
        let mut config: Value = match config {
            Some(text) => serde_json::from_str(text).map_err(|e| {
                Failure::Message(format!(
                    "{}: {e}",
                    locale.pick(
                        "配置文件不是合法的 JSON",
                        "the config file is not well-formed JSON"
                    )
                ))
            })?,
            None => json!({}),
        };
        if let Some(object) = config.as_object_mut() {
            object.insert("locale".into(), json!(locale.tag()));
        }
        let engine = Engine::new(Some(&config.to_string())).map_err(kernel_error)?;
        Ok(Kernel { engine })
    }

    /// `check` with `as_of` and `actor` (`ROLE` or `ROLE:UNIT`) when given.
    pub fn check(
        &self,
        record: &str,
        as_of: Option<&str>,
        actor: Option<&str>,
    ) -> Result<String, Failure> {
        self.check_with(record, &check_options(as_of, actor))
    }

    /// `check` with options already written (the batch writes them once).
    pub fn check_with(&self, record: &str, options: &str) -> Result<String, Failure> {
        self.engine
            .check_json(record, Some(options))
            .map_err(kernel_error)
    }

    pub fn apply(&self, record: &str, event: &str) -> Result<String, Failure> {
        self.engine.apply_json(record, event).map_err(kernel_error)
    }

    pub fn preview(&self, record: &str, event: &str) -> Result<String, Failure> {
        self.engine
            .preview_json(record, event)
            .map_err(kernel_error)
    }

    pub fn lifecycle(&self) -> String {
        self.engine.lifecycle_json()
    }

    pub fn verify(&self, record: &str) -> Result<String, Failure> {
        self.engine.verify_json(record).map_err(kernel_error)
    }

    pub fn rules(&self) -> String {
        self.engine.rules_json()
    }

    pub fn day_info(&self, date: &str) -> Result<String, Failure> {
        self.engine.day_info_json(date).map_err(kernel_error)
    }

    pub fn add_working_days(&self, date: &str, days: i32) -> Result<String, Failure> {
        self.engine
            .add_working_days_json(date, days)
            .map_err(kernel_error)
    }

    /// The rule catalogue, by rule id.
    pub fn catalogue(&self) -> Result<Catalogue, Failure> {
        let rules: Vec<docs::RuleInfo> = read(&self.rules())?;
        Ok(rules.into_iter().map(|r| (r.rule.clone(), r)).collect())
    }

    /// Whether the calendar knows `date`'s year (`day_info`'s `calendar_known`).
    pub fn calendar_knows(&self, date: &str) -> Result<bool, Failure> {
        Ok(read::<docs::DayInfo>(&self.day_info(date)?)?.calendar_known)
    }
}

/// The options document of `check`.
pub fn check_options(as_of: Option<&str>, actor: Option<&str>) -> String {
    let mut options = json!({});
    if let Some(date) = as_of {
        options["as_of"] = json!(date);
    }
    if let Some(actor) = actor {
        options["actor"] = match actor.split_once(':') {
            Some((role, unit)) => json!({ "role": role, "unit": unit }),
            None => json!({ "role": actor }),
        };
    }
    options.to_string()
}

/// A kernel document read into the tool's type for it.
pub fn read<T: DeserializeOwned>(doc: &str) -> Result<T, Failure> {
    serde_json::from_str(doc).map_err(|e| {
        Failure::Message(format!(
            "the kernel's document does not have the contract's shape ({e}): {doc}"
        ))
    })
}

/// The new record of an `apply` document, pretty-printed for a file: the
/// kernel's record as it wrote it (keys sorted, money exact), indented.
pub fn record_of(apply_doc: &str) -> Result<String, Failure> {
    let mut doc: Value = read(apply_doc)?;
    let record = doc["project"].take();
    let mut text = serde_json::to_string_pretty(&record).expect("a Value serialises");
    text.push('\n');
    Ok(text)
}
