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
    fn whitespace_outside_strings_is_dropped() {
        assert_eq!(
            canon("{ \"a\" : [ true , false , null ] ,\n\t\"b\":\"x y\" }"),
            r#"{"a":[true,false,null],"b":"x y"}"#
        );
    }
}
