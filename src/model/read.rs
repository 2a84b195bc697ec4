//! Reading a document from JSON text straight into its types, with errors that
//! name their JSON path (`$.budget_yuan`, `$.data.documents[2]`).
//!
//! The common case, valid input, is read once with no bookkeeping. Only when
//! that fails is the input read again, through `serde_path_to_error`, to find
//! where; and only then is it told apart whether the text is not JSON at all
//! (`invalid_json`: malformed, or nested deeper than the limit) or JSON of the
//! wrong shape (`invalid_input`).

use super::decl::take_missing;
use super::limits::MAX_NESTING_DEPTH;
use crate::error::{Error, ErrorCode, Result};
use serde::de::DeserializeOwned;

/// Reads `text` as a `T`. `what` names the input in messages ("the project record").
pub fn parse<T: DeserializeOwned>(what: &str, text: &str) -> Result<T> {
    parse_at(&|| "$".to_string(), what, text)
}

/// Where a part of a document sits (`$.history[3]`), made only when an error needs it.
pub type At<'a> = &'a dyn Fn() -> String;

/// `parse` for a part of a larger document, whose paths start at `base`.
pub fn parse_at<T: DeserializeOwned>(base: At, what: &str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| explain::<T>(&base(), what, text, e))
}

/// Why `text` could not be read as a `T`.
fn explain<T: DeserializeOwned>(
    base: &str,
    what: &str,
    text: &str,
    first: serde_json::Error,
) -> Error {
    // Not JSON at all, wherever the shape went wrong first (read in full: skipping
    // a value checks neither its escapes nor its depth).
    if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
        return not_json(what, text, &e);
    }
    if first.is_syntax() || first.is_eof() {
        return not_json(what, text, &first);
    }
    take_missing();
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) if e.inner().is_syntax() => not_json(what, text, e.inner()),
        Err(e) => {
            let mut path = join(base, e.path());
            if let Some(key) = take_missing() {
                path = format!("{path}.{key}");
            }
            Error::invalid(path, message(e.inner()))
        }
        Ok(_) => Error::invalid(base, message(&first)),
    }
}

fn not_json(what: &str, text: &str, e: &serde_json::Error) -> Error {
    let message = if nesting_depth(text) > MAX_NESTING_DEPTH {
        format!("{what} nests deeper than the limit of {MAX_NESTING_DEPTH} levels")
    } else if e.is_eof() {
        format!("{what} is not well-formed JSON: it ends too early ({e})")
    } else {
        format!("{what} is not well-formed JSON: {e}")
    };
    Error::new(ErrorCode::InvalidJson, message)
}

/// `$.history[0].event.type` from a base and serde_path_to_error's path.
fn join(base: &str, path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = base.to_string();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                out.push('.');
                out.push_str(key);
            }
            Segment::Enum { variant } => {
                out.push('.');
                out.push_str(variant);
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// serde_json's message without its " at line L column C" (the path says where).
fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&position).unwrap_or(&text).to_string()
}

/// The deepest nesting of arrays and objects in `text` (strings skipped).
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::nesting_depth;

    #[test]
    fn nesting_depth_skips_strings() {
        assert_eq!(nesting_depth(r#"{"a":[1,{"b":"[[[{{"}]}"#), 3);
        assert_eq!(nesting_depth(r#""\"[""#), 0);
        assert_eq!(nesting_depth("[[[]]]"), 3);
    }
}
