//! The kernel's documents (CONTRACT §3) as the tool reads them. Keys the tool
//! does not show are ignored; keys the kernel will add (`remedy` on a finding,
//! `next_steps` in `check`) are optional, and shown when present.

use crate::term::Locale;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Block,
    Violation,
    Warning,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Block,
        Severity::Violation,
        Severity::Warning,
        Severity::Info,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Severity::Block => "block",
            Severity::Violation => "violation",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Severity::Block => locale.pick("阻止", "block"),
            Severity::Violation => locale.pick("违规", "violation"),
            Severity::Warning => locale.pick("警告", "warning"),
            Severity::Info => locale.pick("提示", "info"),
        }
    }
}

/// One thing a rule found.
#[derive(Debug, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub article: Option<u32>,
    pub severity: Severity,
    #[serde(default)]
    pub citation: Option<String>,
    /// In the engine's locale (the tool's `--locale`).
    pub message: String,
    pub message_en: String,
    #[serde(default)]
    pub due: Option<String>,
    /// What to do next (coming in the kernel).
    #[serde(default)]
    pub remedy: Option<Remedy>,
}

/// A finding's remedy: a sentence, or a document with a sentence per language.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Remedy {
    Text(String),
    Document(serde_json::Map<String, Value>),
}

impl Remedy {
    pub fn text(&self, locale: Locale) -> String {
        match self {
            Remedy::Text(text) => text.clone(),
            Remedy::Document(doc) => {
                let keys: &[&str] = match locale {
                    Locale::Zh => &["message", "label", "text"],
                    Locale::En => &["message_en", "label_en", "text_en", "message", "label"],
                };
                keys.iter()
                    .find_map(|k| doc.get(*k).and_then(Value::as_str))
                    .map_or_else(|| Value::Object(doc.clone()).to_string(), String::from)
            }
        }
    }
}

/// An obligation with its due date.
#[derive(Debug, Deserialize)]
pub struct Deadline {
    pub rule: String,
    pub event: String,
    pub due: String,
}

/// An event an actor may send now (`check` with an actor; coming in the kernel).
#[derive(Debug, Deserialize)]
pub struct NextStep {
    pub event: String,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub label_en: Option<String>,
    #[serde(default)]
    pub to: Option<Value>,
    #[serde(default)]
    pub blocked_by: Vec<String>,
    #[serde(default)]
    pub needs: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Check {
    pub project_id: String,
    pub state: String,
    pub in_scope: bool,
    pub findings: Vec<Finding>,
    pub deadlines: Vec<Deadline>,
    pub allowed_events: Vec<String>,
    #[serde(default)]
    pub next_steps: Option<Vec<NextStep>>,
}

/// What `apply` decided (and what `preview` will answer): its document
/// without the record.
#[derive(Debug, Deserialize)]
pub struct Decision {
    pub accepted: bool,
    pub state_before: String,
    pub state_after: String,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Deserialize)]
pub struct Verify {
    pub valid: bool,
    pub problems: Vec<Problem>,
}

#[derive(Debug, Deserialize)]
pub struct Problem {
    pub code: String,
    #[serde(default)]
    pub seq: Option<u64>,
    pub message: String,
}

#[derive(Debug, Deserialize)]
pub struct DayInfo {
    pub date: String,
    pub working_day: bool,
    pub kind: String,
    pub calendar_known: bool,
}

#[derive(Debug, Deserialize)]
pub struct WorkingDays {
    pub date: String,
    pub calendar_known: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct RuleInfo {
    pub rule: String,
    pub article: Option<u32>,
    pub severity: Severity,
    pub title: String,
    pub title_en: String,
}

impl RuleInfo {
    pub fn title(&self, locale: Locale) -> &str {
        locale.pick(&self.title, &self.title_en)
    }
}

/// The rule catalogue by rule id.
pub type Catalogue = HashMap<String, RuleInfo>;

/// What the tool shows of a record itself (the host's attributes).
#[derive(Debug, Default, Deserialize)]
pub struct Head {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub owner_unit: String,
}

/// The kernel's error document (CONTRACT §2).
#[derive(Debug, Deserialize)]
pub struct ErrorDoc {
    pub error: KernelError,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct KernelError {
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl KernelError {
    /// The error for a person: what kind of input problem, then the kernel's words.
    pub fn sentence(&self, locale: Locale) -> String {
        let kind = match self.code.as_str() {
            "invalid_json" => locale.pick("不是合法的 JSON", "not well-formed JSON"),
            "invalid_input" => locale.pick("内容不符合要求", "invalid input"),
            "invalid_utf8" => locale.pick("不是 UTF-8 文本", "not UTF-8 text"),
            "input_too_large" => locale.pick("输入过大", "input too large"),
            "unsupported" => locale.pick("不支持", "unsupported"),
            _ => locale.pick("内核错误", "kernel error"),
        };
        format!("{kind}{}{}", locale.pick("：", ": "), self.message)
    }
}
