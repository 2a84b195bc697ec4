//! The canonical JSON form that history hashes cover (`docs/history.md` §2).
//!
//! It is written here rather than left to `serde_json::to_string`, so that the
//! bytes do not depend on how serde_json happens to be built: its `Map` is a
//! sorted `BTreeMap` only while no crate in the build enables `preserve_order`,
//! and an auditor re-implementing the form in another language needs rules, not
//! a library's behaviour. The rules:
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

use serde_json::{Map, Value};

/// The canonical form of `value`.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, &mut out);
    out
}

/// The canonical form of `object` without the members `skip` (a history entry
/// without `hash`, and for format 2 without `snapshot`).
pub fn canonical_object_without(object: &Map<String, Value>, skip: &[&str]) -> String {
    let mut out = String::new();
    write_object(object, skip, &mut out);
    out
}

fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        // With `arbitrary_precision`, a number displays as the text it was read from.
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => write_object(map, &[], out),
    }
}

fn write_object(map: &Map<String, Value>, skip: &[&str], out: &mut String) {
    let mut members: Vec<(&String, &Value)> = map
        .iter()
        .filter(|(k, _)| !skip.contains(&k.as_str()))
        .collect();
    // `str` orders by its UTF-8 bytes, which is also Unicode code point order.
    members.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    out.push('{');
    for (i, (key, value)) in members.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(key, out);
        out.push(':');
        write_value(value, out);
    }
    out.push('}');
}

pub(crate) fn write_string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    // Runs of characters written as themselves are copied whole (issue 9: a
    // character at a time was a sixth of the time of `apply`).
    let mut plain = 0;
    for (i, c) in s.char_indices() {
        if c != '"' && c != '\\' && (c as u32) >= 0x20 {
            continue;
        }
        out.push_str(&s[plain..i]);
        plain = i + c.len_utf8();
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => {
                let b = c as u32 as usize;
                out.push_str("\\u00");
                out.push(HEX[b >> 4] as char);
                out.push(HEX[b & 0xf] as char);
            }
            c => out.push(c),
        }
    }
    out.push_str(&s[plain..]);
    out.push('"');
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
