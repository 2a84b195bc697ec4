//! The canonical JSON form that history hashes cover (`docs/history.md` §2).
//!
//! Objects are sorted here rather than by serde_json's `Map`, so that the bytes
//! do not depend on how serde_json happens to be built (its `Map` is sorted only
//! while no crate in the build enables `preserve_order`); everything else is
//! serde_json's compact writer, whose escapes are exactly the form's (tested
//! below). An auditor re-implementing the form in another language needs rules,
//! not a library's behaviour. The rules:
//!
//! - objects: members sorted by key, comparing the keys' UTF-8 bytes;
//! - no whitespace anywhere outside strings;
//! - numbers: the text they were received as (serde_json's `arbitrary_precision`
//!   keeps it), so `1.50` stays `1.50` and `-0` stays `-0`; only an exponent is
//!   normalised, to a lowercase `e` followed by its sign (`1E2` → `1e+2`);
//! - strings: `"` and `\` escaped with a backslash, U+0008, U+0009, U+000A,
//!   U+000C and U+000D as `\b \t \n \f \r`, every other character below U+0020 as
//!   `\u00XX` with lowercase hex digits, and every other character (including
//!   `/`, U+007F and all non-ASCII) written as itself in UTF-8;
//! - `true`, `false`, `null` as such; arrays in their order.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value};

/// The canonical form of `value`.
pub fn canonical_json(value: &Value) -> String {
    serde_json::to_string(&Canonical(value)).expect("a JSON value serialises")
}

/// The canonical form of `object` without the members `skip` (a history entry
/// without `hash`, and for format 2 without `snapshot`).
pub fn canonical_object_without(object: &Map<String, Value>, skip: &[&str]) -> String {
    serde_json::to_string(&CanonicalObject(object, skip)).expect("a JSON object serialises")
}

/// A JSON value that serialises in its canonical form: objects with their
/// members sorted here (not by serde_json's `Map`), serde_json's compact writer
/// for the rest, whose escapes and numbers are the form's.
pub struct Canonical<'a>(pub &'a Value);

struct CanonicalObject<'a>(&'a Map<String, Value>, &'a [&'a str]);

impl Serialize for Canonical<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Object(map) => CanonicalObject(map, &[]).serialize(s),
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&Canonical(item))?;
                }
                seq.end()
            }
            // With `arbitrary_precision`, a number writes the text it was read from.
            other => other.serialize(s),
        }
    }
}

impl Serialize for CanonicalObject<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut members: Vec<(&String, &Value)> = self
            .0
            .iter()
            .filter(|(k, _)| !self.1.contains(&k.as_str()))
            .collect();
        // `str` orders by its UTF-8 bytes, which is also Unicode code point order.
        members.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let mut map = s.serialize_map(Some(members.len()))?;
        for (key, value) in members {
            map.serialize_entry(key, &Canonical(value))?;
        }
        map.end()
    }
}

/// Whether `text`, which must be valid JSON, is already in the canonical form
/// (then its canonical form is `text` itself, and reading it into a `Value` to
/// write it again can be skipped). Conservative: an exponent, a key with an
/// escape, or any escape the writer would not produce answers `false`.
pub fn is_canonical(text: &str) -> bool {
    enum Open<'a> {
        Array,
        /// An object, with the last key read in it.
        Object(Option<&'a [u8]>),
    }
    let b = text.as_bytes();
    let mut open: Vec<Open> = Vec::new();
    let mut key_next = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'{' => {
                open.push(Open::Object(None));
                key_next = true;
                i += 1;
            }
            b'[' => {
                open.push(Open::Array);
                i += 1;
            }
            b'}' | b']' => {
                open.pop();
                key_next = false;
                i += 1;
            }
            b',' => {
                key_next = matches!(open.last(), Some(Open::Object(_)));
                i += 1;
            }
            b':' => {
                key_next = false;
                i += 1;
            }
            b'"' => {
                let start = i + 1;
                let Some(end) = canonical_string_end(b, start) else {
                    return false;
                };
                if key_next {
                    let key = &b[start..end];
                    let Some(Open::Object(last)) = open.last_mut() else {
                        return false;
                    };
                    // Sorted by bytes, no duplicate; a key with an escape is not compared here.
                    if key.contains(&b'\\') || last.is_some_and(|l| key <= l) {
                        return false;
                    }
                    *last = Some(key);
                }
                i = end + 1;
            }
            b'-' | b'0'..=b'9' => {
                while i < b.len() && matches!(b[i], b'-' | b'+' | b'.' | b'0'..=b'9') {
                    i += 1;
                }
                // Only an exponent is rewritten (`1E2` → `1e+2`).
                if i < b.len() && matches!(b[i], b'e' | b'E') {
                    return false;
                }
            }
            b't' | b'f' | b'n' => {
                while i < b.len() && b[i].is_ascii_lowercase() {
                    i += 1;
                }
            }
            // Whitespace outside strings.
            _ => return false,
        }
    }
    true
}

/// The index of the closing quote of the string whose content starts at
/// `start`, if every escape in it is the one the canonical writer uses.
fn canonical_string_end(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    loop {
        match *b.get(i)? {
            b'"' => return Some(i),
            b'\\' => {
                match *b.get(i + 1)? {
                    b'"' | b'\\' | b'b' | b't' | b'n' | b'f' | b'r' => i += 2,
                    b'u' => {
                        let hex = b.get(i + 2..i + 6)?;
                        let lower = |c: u8| c.is_ascii_digit() || (b'a'..=b'f').contains(&c);
                        // `\u00XX`, lowercase, for a control character without a short form.
                        if hex[0] != b'0'
                            || hex[1] != b'0'
                            || !matches!(hex[2], b'0' | b'1')
                            || !lower(hex[3])
                            || matches!(&hex[2..], b"08" | b"09" | b"0a" | b"0c" | b"0d")
                        {
                            return None;
                        }
                        i += 6;
                    }
                    _ => return None,
                }
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(text: &str) -> String {
        canonical_json(&serde_json::from_str(text).unwrap())
    }

    #[test]
    fn keys_are_sorted_by_utf8_bytes_at_every_level() {
        assert_eq!(
            canon(r#"{"b":1,"a":{"z":[3,{"y":1,"x":2}],"é":0,"Z":0}}"#),
            r#"{"a":{"Z":0,"z":[3,{"x":2,"y":1}],"é":0},"b":1}"#
        );
    }

    #[test]
    fn numbers_keep_the_text_they_were_received_as() {
        assert_eq!(
            canon(r#"[1.50, -0, 0.0, 12345678901234567890123.000, 4999999.99, 1e-2]"#),
            "[1.50,-0,0.0,12345678901234567890123.000,4999999.99,1e-2]"
        );
        // The one normalisation serde_json makes: the exponent is written `e`, with a sign.
        assert_eq!(canon("[1e2, 1E+2, 2.5E-3]"), "[1e+2,1e+2,2.5e-3]");
        assert_eq!(canon("[1e+2]"), canon("[1e2]"));
    }

    #[test]
    fn strings_escape_exactly_the_specified_characters() {
        let text = "\"\\/\u{8}\t\n\u{c}\r\u{1}\u{1f}\u{7f}\u{2028}中😀";
        assert_eq!(
            canonical_json(&Value::String(text.into())),
            "\"\\\"\\\\/\\b\\t\\n\\f\\r\\u0001\\u001f\u{7f}\u{2028}中😀\""
        );
        // Escapes in the input are decoded first: `\u4e2d` is written as `中`.
        assert_eq!(canon(r#""\u4e2d\/""#), "\"中/\"");
        // The same escaping as serde_json's, for every character below U+0080.
        for b in 0u8..0x80 {
            let s = (b as char).to_string();
            assert_eq!(
                canonical_json(&Value::String(s.clone())),
                serde_json::to_string(&s).unwrap()
            );
        }
    }

    #[test]
    fn canonical_text_is_recognised_and_nothing_else() {
        let samples = [
            r#"{"a":{"Z":0,"z":[3,{"x":2,"y":1}],"é":0},"b":1}"#,
            r#"{"b":1,"a":2}"#,
            r#"{"a":1,"a":2}"#,
            r#"{"":1,"a":[]}"#,
            r#"{"a":1,"":2}"#,
            r#"{"a":[{"b":1,"c":{}},{"c":1,"b":2}]}"#,
            r#"[1.50,-0,0.0,12345678901234567890123.000,1e-2]"#,
            "[1e+2]",
            "[1E2]",
            r#"["\"\\/\b\t\n\f\r\u0001\u001f",true,false,null]"#,
            r#"["\/"]"#,
            r#"["\u0008"]"#,
            r#"["\u000a"]"#,
            r#"["\u001F"]"#,
            r#"["\u0020"]"#,
            r#"["\u4e2d"]"#,
            r#"{"\u0061":1}"#,
            r#"{"a\n":1,"a":2}"#,
            "{\"a\": 1}",
            " {}",
            "{}\n",
            r#"{"type":"submit_demand","date":"2025-03-03"}"#,
            r#"{"actor":{"role":"construction_unit","unit":"曲阜"},"date":"2025-03-03","type":"submit_demand"}"#,
            "\"中😀\u{7f}\u{2028}\"",
        ];
        // Never true for a text its canonical form differs from...
        for text in samples {
            assert!(!is_canonical(text) || canon(text) == text, "{text}");
        }
        // ...and true for canonical text, but for an exponent (kept conservative: 6, 7).
        let recognised: Vec<usize> = (0..samples.len())
            .filter(|&i| is_canonical(samples[i]))
            .collect();
        assert_eq!(recognised, [0, 3, 9, 22, 23]);
        assert!([6, 7].iter().all(|&i| canon(samples[i]) == samples[i]));
    }

    proptest::proptest! {
        /// Whatever text is recognised as canonical is its own canonical form.
        #[test]
        fn recognised_text_is_canonical(value in json_value(), pretty in proptest::bool::ANY) {
            let text = if pretty {
                serde_json::to_string_pretty(&value).unwrap()
            } else {
                value.to_string()
            };
            proptest::prop_assert!(!is_canonical(&text) || canon(&text) == text, "{}", text);
            let canonical = canonical_json(&value);
            // Not recognised only for an exponent or an escape in a key (kept conservative).
            let exponent = canonical.as_bytes().windows(2).any(|w| w[0].is_ascii_digit() && w[1] == b'e');
            let escape = canonical.contains('\\');
            proptest::prop_assert!(is_canonical(&canonical) || exponent || escape, "{}", canonical);
        }
    }

    fn json_value() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            "[\\u{0}-\\u{7f}é中😀\"\\\\/]{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec(("[a-cA\\u{0}é\"\\\\]{0,3}", inner), 0..6)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    #[test]
    fn whitespace_outside_strings_is_dropped() {
        assert_eq!(
            canon("{ \"a\" : [ true , false , null ] ,\n\t\"b\":\"x y\" }"),
            r#"{"a":[true,false,null],"b":"x y"}"#
        );
    }
}
