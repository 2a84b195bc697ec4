//! Errors the kernel reports for bad input, and their JSON form.
//!
//! Every error names what was wrong, where (a JSON path such as `$.budget_yuan`)
//! and, where it helps, what is accepted. A refused lifecycle event is *not* an
//! error: it is an `apply` result with `accepted: false`.

use crate::model::decl::result_document;
use std::fmt;

pub use crate::model::ErrorCode;

/// An error with its code, a human-readable message and the JSON path it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
    pub path: Option<String>,
    /// Further errors found in the same input (`errors` in the error document).
    pub others: Vec<Error>,
}

/// At most this many errors are reported for one input.
pub const MAX_ERRORS: usize = 50;

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Error {
        Error {
            code,
            message: message.into(),
            path: None,
            others: Vec::new(),
        }
    }

    /// Well-formed JSON with a wrong shape or value at `path`.
    pub fn invalid(path: impl Into<String>, message: impl Into<String>) -> Error {
        let path = path.into();
        Error {
            code: ErrorCode::InvalidInput,
            message: format!("{path}: {}", message.into()),
            path: Some(path),
            others: Vec::new(),
        }
    }

    /// The first of `errors`, carrying the others (up to `MAX_ERRORS` in all); `None` if empty.
    pub fn all(errors: Vec<Error>) -> Option<Error> {
        let mut errors = errors.into_iter().take(MAX_ERRORS);
        let mut first = errors.next()?;
        first.others.extend(errors);
        Some(first)
    }

    pub fn too_large(what: &str, len: usize, limit: usize) -> Error {
        Error::new(
            ErrorCode::InputTooLarge,
            format!("{what} is {len} bytes, over the engine's max_input_bytes of {limit}"),
        )
    }

    /// `{"error":{"code":…,"message":…,"path":…}}` (CONTRACT §2).
    pub fn to_json(&self) -> String {
        fn body(e: &Error) -> ErrorBody<'_> {
            ErrorBody {
                code: e.code,
                message: &e.message,
                path: e.path.as_deref(),
            }
        }
        let doc = ErrorDocument {
            error: body(self),
            errors: (!self.others.is_empty()).then(|| {
                std::iter::once(self)
                    .chain(&self.others)
                    .map(body)
                    .collect()
            }),
        };
        serde_json::to_string(&doc).unwrap_or_else(|_| String::from("{\"error\":{\"code\":\"internal\",\"message\":\"error document could not be written\"}}"))
    }
}

result_document! {
    /// The error document every C function writes on a status other than `GOVIT_OK`.
    pub struct ErrorDocument<'a> {
        error: ErrorBody<'a>, Keep, "错误" / "error";
        /// When the input has several errors: all of them (the first is `error`), up to 50.
        errors: Option<Vec<ErrorBody<'a>>>, Omit, "全部错误" / "all errors";
    }
}

result_document! {
    /// What went wrong, and where.
    pub struct ErrorBody<'a> {
        code: ErrorCode, Keep, "错误类别" / "code";
        /// What was wrong, where, and what is accepted.
        message: &'a str, Keep, "说明" / "message";
        /// The JSON path of the value concerned (`$.budget_yuan`), when there is one.
        path: Option<&'a str>, Omit, "位置" / "path";
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for Error {}
