//! Reading a JSON object field by field, so every error names its JSON path.
//!
//! serde's derive reports *what* is wrong but not *where*; OA integrators need
//! `$.budget_yuan` or `$.data.documents[2]`. `ObjectReader` takes the known keys
//! one at a time and hands back the unknown ones, which the project record keeps.

use super::limits::MAX_LIST_ITEMS;
use super::values::{kind_of, Date, Money};
use crate::error::{Error, Result};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub struct ObjectReader {
    path: String,
    map: Map<String, Value>,
}

/// Parses `value` as `T`, prefixing serde's message with `path`.
pub fn parse_at<T: DeserializeOwned>(path: &str, value: Value) -> Result<T> {
    parse_with(value, || path.to_string())
}

/// `parse_at` with the path made only on error: a record of a thousand history
/// entries reads some forty thousand values, and formatting each one's path up
/// front was a fifth of the time of `check` (issue 9).
fn parse_with<T: DeserializeOwned>(value: Value, path: impl FnOnce() -> String) -> Result<T> {
    if let Value::Number(_) = &value {
        // A number owns no value worth moving: read it in place, so its text is
        // still at hand for the message.
        return parse_ref(&value, path);
    }
    serde_json::from_value(value).map_err(|e| Error::invalid(path(), e.to_string()))
}

/// Parses `value` in place as `T` (strings are copied out); the same messages as `parse_with`.
fn parse_ref<T: DeserializeOwned>(value: &Value, path: impl FnOnce() -> String) -> Result<T> {
    T::deserialize(value).map_err(|e| {
        let message = match (value, e.to_string()) {
            // With `arbitrary_precision`, serde_json says only "invalid number" when a
            // number does not fit the field; every numeric field we read is an integer
            // (months, year, seq).
            (Value::Number(n), m) if m == "invalid number" => {
                format!("`{n}` is not a whole number in the accepted range")
            }
            (_, m) => m,
        };
        Error::invalid(path(), message)
    })
}

/// A list of `T` (absent: empty), bounded by `MAX_LIST_ITEMS`; element errors
/// carry their index. Shared by both readers.
fn list_of<T: DeserializeOwned>(
    value: Option<&Value>,
    path: impl Fn() -> String,
) -> Result<Vec<T>> {
    match value {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) if items.len() > MAX_LIST_ITEMS => Err(Error::invalid(
            path(),
            format!(
                "has {} items, over the limit of {MAX_LIST_ITEMS}",
                items.len()
            ),
        )),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| parse_ref(v, || format!("{}[{i}]", path())))
            .collect(),
        Some(other) => Err(Error::invalid(
            path(),
            format!("expected a list, got {}", kind_of(other)),
        )),
    }
}

/// A strict `YYYY-MM-DD` date, if present. Shared by both readers.
fn date_of(value: Option<&Value>, path: impl Fn() -> String) -> Result<Option<Date>> {
    match value {
        None => Ok(None),
        Some(Value::String(s)) => Date::parse(s)
            .map(Some)
            .map_err(|m| Error::invalid(path(), m)),
        Some(other) => Err(Error::invalid(
            path(),
            format!("expected a date string YYYY-MM-DD, got {}", kind_of(other)),
        )),
    }
}

impl ObjectReader {
    pub fn new(path: &str, value: Value) -> Result<ObjectReader> {
        match value {
            Value::Object(map) => Ok(ObjectReader {
                path: path.to_string(),
                map,
            }),
            other => Err(Error::invalid(
                path,
                format!("expected an object, got {}", kind_of(&other)),
            )),
        }
    }

    pub fn path_of(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    /// The raw value of `key`, if present and not null.
    pub fn take(&mut self, key: &str) -> Option<Value> {
        match self.map.remove(key) {
            Some(Value::Null) | None => None,
            Some(v) => Some(v),
        }
    }

    pub fn opt<T: DeserializeOwned>(&mut self, key: &str) -> Result<Option<T>> {
        match self.take(key) {
            None => Ok(None),
            Some(v) => parse_with(v, || self.path_of(key)).map(Some),
        }
    }

    pub fn req<T: DeserializeOwned>(&mut self, key: &str) -> Result<T> {
        match self.take(key) {
            Some(v) => parse_with(v, || self.path_of(key)),
            None => Err(Error::invalid(self.path_of(key), "is required")),
        }
    }

    /// A required non-empty string.
    pub fn req_text(&mut self, key: &str) -> Result<String> {
        let text: String = self.req(key)?;
        if text.trim().is_empty() {
            return Err(Error::invalid(self.path_of(key), "must not be empty"));
        }
        Ok(text)
    }

    pub fn bool_or(&mut self, key: &str, default: bool) -> Result<bool> {
        Ok(self.opt(key)?.unwrap_or(default))
    }

    /// A list whose element errors carry their index: `$.funding[1]`.
    pub fn list<T: DeserializeOwned>(&mut self, key: &str) -> Result<Vec<T>> {
        let value = self.take(key);
        list_of(value.as_ref(), || self.path_of(key))
    }

    pub fn money(&mut self, key: &str) -> Result<Option<Money>> {
        self.take(key)
            .map(|v| Money::from_json(&v).map_err(|m| Error::invalid(self.path_of(key), m)))
            .transpose()
    }

    pub fn date(&mut self, key: &str) -> Result<Option<Date>> {
        let value = self.take(key);
        date_of(value.as_ref(), || self.path_of(key))
    }

    pub fn req_date(&mut self, key: &str) -> Result<Date> {
        self.date(key)?
            .ok_or_else(|| Error::invalid(self.path_of(key), "is required (a date YYYY-MM-DD)"))
    }

    /// The keys nobody asked for.
    pub fn rest(self) -> BTreeMap<String, Value> {
        self.map.into_iter().collect()
    }

    /// Refuses unknown keys (engine config, where a typo must not pass silently).
    pub fn deny_rest(self) -> Result<()> {
        match self.map.keys().next() {
            Some(key) => Err(Error::invalid(
                format!("{}.{key}", self.path),
                "is not a known key",
            )),
            None => Ok(()),
        }
    }
}

/// Reads the fields of a JSON object in place, without taking it apart, for a
/// document that is kept whole as well as read: an event is stored in history
/// exactly as received, and reading it through `ObjectReader` meant copying
/// every event of every history first (issue 9). Same paths and messages as
/// `ObjectReader`; the keys nobody asked for simply stay where they are.
pub struct FieldReader<'a> {
    path: &'a str,
    map: &'a Map<String, Value>,
}

impl<'a> FieldReader<'a> {
    pub fn new(path: &'a str, value: &'a Value) -> Result<FieldReader<'a>> {
        match value {
            Value::Object(map) => Ok(FieldReader { path, map }),
            other => Err(Error::invalid(
                path,
                format!("expected an object, got {}", kind_of(other)),
            )),
        }
    }

    pub fn path_of(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    /// The value of `key`, if present and not null.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        match self.map.get(key) {
            Some(Value::Null) | None => None,
            Some(v) => Some(v),
        }
    }

    pub fn opt<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => parse_ref(v, || self.path_of(key)).map(Some),
        }
    }

    pub fn req<T: DeserializeOwned>(&self, key: &str) -> Result<T> {
        match self.get(key) {
            Some(v) => parse_ref(v, || self.path_of(key)),
            None => Err(Error::invalid(self.path_of(key), "is required")),
        }
    }

    pub fn bool_or(&self, key: &str, default: bool) -> Result<bool> {
        Ok(self.opt(key)?.unwrap_or(default))
    }

    /// A list whose element errors carry their index: `$.data.documents[1]`.
    pub fn list<T: DeserializeOwned>(&self, key: &str) -> Result<Vec<T>> {
        list_of(self.get(key), || self.path_of(key))
    }

    pub fn money(&self, key: &str) -> Result<Option<Money>> {
        self.get(key)
            .map(|v| Money::from_json(v).map_err(|m| Error::invalid(self.path_of(key), m)))
            .transpose()
    }

    pub fn date(&self, key: &str) -> Result<Option<Date>> {
        date_of(self.get(key), || self.path_of(key))
    }

    pub fn req_date(&self, key: &str) -> Result<Date> {
        self.date(key)?
            .ok_or_else(|| Error::invalid(self.path_of(key), "is required (a date YYYY-MM-DD)"))
    }
}
