//! Errors the kernel reports for bad input, and their JSON form.
//!
//! Every error names what was wrong, where (a JSON path such as `$.budget_yuan`)
//! and, where it helps, what is accepted. A refused lifecycle event is *not* an
//! error: it is an `apply` result with `accepted: false`.

use serde::Serialize;
use std::fmt;

/// The kind of failure, mirroring the C ABI's `govit_status` (CONTRACT §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NullArgument,
    InvalidUtf8,
    InvalidJson,
    InvalidInput,
    InputTooLarge,
    Unsupported,
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NullArgument => "null_argument",
            ErrorCode::InvalidUtf8 => "invalid_utf8",
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::InputTooLarge => "input_too_large",
            ErrorCode::Unsupported => "unsupported",
            ErrorCode::Internal => "internal",
        }
    }
}

/// An error with its code, a human-readable message and the JSON path it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
    pub path: Option<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Error {
        Error {
            code,
            message: message.into(),
            path: None,
        }
    }

    /// Well-formed JSON with a wrong shape or value at `path`.
    pub fn invalid(path: impl Into<String>, message: impl Into<String>) -> Error {
        let path = path.into();
        Error {
            code: ErrorCode::InvalidInput,
            message: format!("{path}: {}", message.into()),
            path: Some(path),
        }
    }

    pub fn json(input: &str, err: &serde_json::Error) -> Error {
        let message = if err.to_string().contains("recursion limit exceeded") {
            format!(
                "{input} nests deeper than the limit of {} levels ({err})",
                crate::model::MAX_NESTING_DEPTH
            )
        } else if err.is_eof() {
            format!("{input} is not well-formed JSON: it ends too early ({err})")
        } else {
            format!("{input} is not well-formed JSON: {err}")
        };
        Error {
            code: ErrorCode::InvalidJson,
            message,
            path: None,
        }
    }

    pub fn too_large(what: &str, len: usize, limit: usize) -> Error {
        Error::new(
            ErrorCode::InputTooLarge,
            format!("{what} is {len} bytes, over the engine's max_input_bytes of {limit}"),
        )
    }

    /// `{"error":{"code":…,"message":…,"path":…}}` (CONTRACT §2).
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Body<'a> {
            code: &'a str,
            message: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            path: Option<&'a str>,
        }
        #[derive(Serialize)]
        struct Doc<'a> {
            error: Body<'a>,
        }
        let doc = Doc {
            error: Body {
                code: self.code.as_str(),
                message: &self.message,
                path: self.path.as_deref(),
            },
        };
        serde_json::to_string(&doc).unwrap_or_else(|_| String::from("{\"error\":{\"code\":\"internal\",\"message\":\"error document could not be written\"}}"))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for Error {}
