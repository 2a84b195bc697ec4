//! One declaration per document.
//!
//! Each document — the record's attributes, the kernel's fields, an event's
//! data, each result — is declared once with [`document!`] or
//! [`result_document!`]: its fields, their types, defaults, whether they are
//! required or left out at their default, and their labels for people. From that
//! one declaration come the struct, its serde reading and writing, and
//! [`FieldInfo`] metadata, from which the key lists, the JSON Schemas, the
//! generated docs and the lifecycle document's form fields are all derived.
//!
//! Reading is straight from the text into the types (no `serde_json::Value` on
//! the way); a document that is part of a larger object (the attributes and the
//! kernel fields share the record's top level) exposes `read_field`, so the
//! enclosing reader dispatches each key to the document that owns it. Writing
//! sorts the keys of a `document!` (the record's keys are sorted, and a sorted
//! document is already in canonical key order for hashing) and keeps the
//! declared order of a `result_document!`.

use super::limits::MAX_LIST_ITEMS;
use super::vocab::EventType;
use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::{Deref, DerefMut};

/// A vocabulary (an enum of the contract): its key, its noun for people, and its values.
#[derive(Debug)]
pub struct Vocabulary {
    /// snake_case name, also the `$defs` name in the schemas.
    pub key: &'static str,
    pub noun: &'static str,
    pub noun_en: &'static str,
    /// (wire name, zh label, en label) of every value, in contract order.
    pub values: &'static [(&'static str, &'static str, &'static str)],
}

impl Vocabulary {
    /// "a, b, c": the accepted wire names, for error messages.
    pub fn accepted(&self) -> String {
        let names: Vec<&str> = self.values.iter().map(|v| v.0).collect();
        names.join(", ")
    }
}

/// Reads a vocabulary value; an unknown value is an error in the domain's words.
pub struct VocabularyVisitor<T>(pub &'static Vocabulary, pub fn(&str) -> Option<T>);

impl<T> Visitor<'_> for VocabularyVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a {} (one of: {})", self.0.noun_en, self.0.accepted())
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.1)(text).ok_or_else(|| {
            E::custom(format!(
                "unknown {} `{text}`; accepted: {}",
                self.0.noun_en,
                self.0.accepted()
            ))
        })
    }
}

/// How a field is read and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Must be present and not blank; always written.
    Required,
    /// Optional (absent or null: the default); always written, even at its default.
    Keep,
    /// Optional; left out when it equals its default.
    Omit,
}

/// Which events carry a field of an event's `data`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Uses {
    /// Not an event data field.
    None,
    /// Every event may carry it.
    All,
    /// These events, each with whether it cannot do without the field.
    Only(&'static [(EventType, Need)]),
}

/// Whether an event cannot do without a data field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    Optional,
    Required,
}

impl Uses {
    /// How `event` uses the field, if it does.
    pub fn by(self, event: EventType) -> Option<Need> {
        match self {
            Uses::None => None,
            Uses::All => Some(Need::Optional),
            Uses::Only(list) => list.iter().find(|(e, _)| *e == event).map(|(_, n)| *n),
        }
    }
}

/// One field of a document, as declared.
#[derive(Debug)]
pub struct FieldInfo {
    pub key: &'static str,
    /// zh-CN label, in the form's words.
    pub label: &'static str,
    pub label_en: &'static str,
    /// What the field means (English, citing its article).
    pub doc: &'static str,
    pub policy: Policy,
    pub describe: fn() -> Type,
    /// For event data: which events carry it.
    pub uses: Uses,
}

impl FieldInfo {
    /// A member of a document read by its own reader (an event's top level).
    pub const fn member(
        key: &'static str,
        labels: (&'static str, &'static str),
        doc: &'static str,
        policy: Policy,
        describe: fn() -> Type,
    ) -> FieldInfo {
        FieldInfo {
            key,
            label: labels.0,
            label_en: labels.1,
            doc,
            policy,
            describe,
            uses: Uses::None,
        }
    }
}

/// The JSON-level type of a field, for schemas and the lifecycle document.
#[derive(Debug)]
pub enum Type {
    Text,
    Bool,
    Integer {
        min: i64,
        max: i64,
    },
    /// Exact decimal yuan: a decimal string or a JSON number.
    Money,
    /// `YYYY-MM-DD`.
    Date,
    Vocabulary(&'static Vocabulary),
    /// May also be `null`.
    Nullable(Box<Type>),
    List(Box<Type>),
    Map(Box<Type>, Box<Type>),
    Document {
        name: &'static str,
        fields: &'static [FieldInfo],
        /// Whether keys it does not declare are allowed (the host's own).
        open: bool,
    },
    /// The project record (its own schema).
    Record,
    /// Any JSON value.
    Any,
}

/// A type that can say what it is in JSON.
pub trait Describe {
    fn describe() -> Type;
}

macro_rules! describe_as {
    ($($t:ty => $e:expr),+ $(,)?) => {
        $(impl Describe for $t { fn describe() -> Type { $e } })+
    };
}

describe_as! {
    String => Type::Text,
    bool => Type::Bool,
    u8 => Type::Integer { min: 0, max: u8::MAX as i64 },
    u32 => Type::Integer { min: 0, max: u32::MAX as i64 },
    u64 => Type::Integer { min: 0, max: i64::MAX },
    i32 => Type::Integer { min: i32::MIN as i64, max: i32::MAX as i64 },
    i64 => Type::Integer { min: i64::MIN, max: i64::MAX },
    serde_json::Value => Type::Any,
    Box<serde_json::value::RawValue> => Type::Any,
}

impl Describe for &str {
    fn describe() -> Type {
        Type::Text
    }
}

impl<T: Describe> Describe for Option<T> {
    fn describe() -> Type {
        Type::Nullable(Box::new(T::describe()))
    }
}

impl<T: Describe> Describe for Vec<T> {
    fn describe() -> Type {
        Type::List(Box::new(T::describe()))
    }
}

impl<T: Describe> Describe for &[T] {
    fn describe() -> Type {
        Type::List(Box::new(T::describe()))
    }
}

impl<T: Describe> Describe for List<T> {
    fn describe() -> Type {
        Type::List(Box::new(T::describe()))
    }
}

impl<K: Describe, V: Describe> Describe for BTreeMap<K, V> {
    fn describe() -> Type {
        Type::Map(Box::new(K::describe()), Box::new(V::describe()))
    }
}

/// A list the host sends, bounded by `MAX_LIST_ITEMS` (an over-long list is an
/// error naming the count and the limit). Derefs to the `Vec`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct List<T>(pub Vec<T>);

impl<T> Default for List<T> {
    fn default() -> List<T> {
        List(Vec::new())
    }
}

impl<T> Deref for List<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T> DerefMut for List<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        &mut self.0
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> List<T> {
        List(items)
    }
}

impl<T: Serialize> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<List<T>, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = List<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
                let mut items = Vec::new();
                while items.len() < MAX_LIST_ITEMS {
                    match seq.next_element()? {
                        Some(item) => items.push(item),
                        None => return Ok(List(items)),
                    }
                }
                let mut count = items.len();
                while seq.next_element::<de::IgnoredAny>()?.is_some() {
                    count += 1;
                }
                if count > MAX_LIST_ITEMS {
                    return Err(de::Error::custom(format!(
                        "has {count} items, over the limit of {MAX_LIST_ITEMS}"
                    )));
                }
                Ok(List(items))
            }
        }
        d.deserialize_seq(V(std::marker::PhantomData))
    }
}

/// An object key, borrowed from the input where it can be.
pub struct Key<'de>(pub Cow<'de, str>);

impl Deref for Key<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key<'de>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s)))
            }
        }
        d.deserialize_str(V)
    }
}

/// The value of a key a document does not know: refused, at the key's own path.
pub struct UnknownKey;

impl<'de> DeserializeSeed<'de> for UnknownKey {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
        Err(de::Error::custom("is not a known key"))
    }
}

thread_local! {
    /// The required key whose absence the last failed read reported (see [`missing`]).
    static MISSING: std::cell::Cell<Option<&'static str>> = const { std::cell::Cell::new(None) };
}

/// The error for a required `key` that is absent. serde can only place an error
/// at a key that is present, so the key is noted here too, for `read` to add to
/// the path (`$.actor.role`, not `$.actor`). Only the error path uses this.
pub fn missing<E: de::Error>(key: &'static str) -> E {
    MISSING.with(|m| m.set(Some(key)));
    E::custom("is required")
}

/// The key noted by the last [`missing`] on this thread, taken.
pub(crate) fn take_missing() -> Option<&'static str> {
    MISSING.with(|m| m.take())
}

/// Whether a required value that is present still counts as missing: a blank text.
pub trait Blank {
    fn is_blank(&self) -> bool {
        false
    }
}

impl Blank for String {
    fn is_blank(&self) -> bool {
        self.trim().is_empty()
    }
}

impl Blank for super::values::Date {}
impl Blank for u64 {}
impl Blank for Vec<String> {}
impl Blank for Box<serde_json::value::RawValue> {}
impl Blank for super::vocab::Role {}
impl Blank for super::vocab::SanctionKind {}
impl Blank for super::vocab::State {}
impl Blank for super::vocab::EventType {}

/// The position of `key` in `fields` (at compile time; a document has at most 64 fields).
pub const fn index_of(fields: &[FieldInfo], key: &str) -> usize {
    let mut i = 0;
    while i < fields.len() {
        let (a, b) = (fields[i].key.as_bytes(), key.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                assert!(i < 64, "a document has at most 64 fields");
                return i;
            }
        }
        i += 1;
    }
    panic!("not a field of this document")
}

/// `Deserialize` for a document read from a JSON object key by key:
/// `object_reader!(Type, "what it is", |map| { … })`, where the block is the
/// visitor's `visit_map` body over `map` (a `MapAccess`) and returns `Result<Type, _>`.
macro_rules! object_reader {
    ($ty:ty, $expecting:literal, |$map:ident| $body:block) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<$ty, D::Error> {
                struct V;
                impl<'de> serde::de::Visitor<'de> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut $map: A,
                    ) -> std::result::Result<$ty, A::Error> $body
                }
                d.deserialize_map(V)
            }
        }
    };
}
pub(crate) use object_reader;

/// Declares a document that is read from and written to the host: the struct,
/// `Default`, `FIELDS`, `read_field`/`write_field` (for documents that share an
/// enclosing object), sorted-key `Serialize`, a `Deserialize` that refuses
/// unknown keys at their path, `missing_required`, and `Describe`.
///
/// Each field: `key: Type = default, Policy, "zh label" / "en label"` and, for
/// event data, `, uses` (a [`Uses`]). Doc comments become the field's `doc`.
/// `pub struct Name [open]` skips unknown keys instead of refusing them.
macro_rules! document {
    (
        $(#[$meta:meta])*
        pub struct $name:ident $([$mode:ident])? {
            $(
                $(#[doc = $doc:literal])*
                $field:ident : $ty:ty = $default:expr, $policy:ident, $label:literal / $label_en:literal $(, $uses:expr)? ;
            )*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $( $(#[doc = $doc])* pub $field: $ty, )*
        }

        impl Default for $name {
            fn default() -> Self {
                $name { $( $field: $default, )* }
            }
        }

        impl $name {
            /// Every field, as declared.
            pub const FIELDS: &'static [$crate::model::decl::FieldInfo] = &[$(
                $crate::model::decl::FieldInfo {
                    key: stringify!($field),
                    label: $label,
                    label_en: $label_en,
                    doc: concat!($($doc, "\n",)* ""),
                    policy: $crate::model::decl::Policy::$policy,
                    describe: <$ty as $crate::model::decl::Describe>::describe,
                    uses: $crate::model::decl::document!(@uses $($uses)?),
                },
            )*];

            /// Reads the value of `key` into its field and marks it in `seen`;
            /// `false` if `key` is not a field. Absent and `null` both mean the default.
            pub(crate) fn read_field<'de, A: serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
                seen: &mut u64,
            ) -> Result<bool, A::Error> {
                match key {
                    $( stringify!($field) => {
                        const BIT: u64 = 1 << $crate::model::decl::index_of($name::FIELDS, stringify!($field));
                        let value: Option<$ty> = map.next_value()?;
                        match value {
                            Some(value) => {
                                self.$field = value;
                                *seen |= BIT;
                            }
                            None => self.$field = $default,
                        }
                    } )*
                    _ => return Ok(false),
                }
                Ok(true)
            }

            /// Writes `key` if it is a field (and not left out at its default).
            pub(crate) fn write_field<M: serde::ser::SerializeMap>(
                &self,
                key: &str,
                map: &mut M,
            ) -> Result<bool, M::Error> {
                match key {
                    $( stringify!($field) => {
                        $crate::model::decl::document!(@write $policy, map, key, &self.$field, $default, $ty);
                    } )*
                    _ => return Ok(false),
                }
                Ok(true)
            }

            /// Puts `key` back to its default value.
            #[allow(dead_code)]
            pub(crate) fn reset(&mut self, key: &str) {
                match key {
                    $( stringify!($field) => self.$field = $default, )*
                    _ => {}
                }
            }

            /// The first required field that is absent, null or blank, given the
            /// fields `read_field` saw.
            #[allow(unused_variables)]
            pub fn missing_required(&self, seen: u64) -> Option<&'static str> {
                self.all_missing_required(seen).into_iter().next()
            }

            /// Every required field absent or blank, in declaration order.
            #[allow(unused_mut, unused_variables)]
            pub fn all_missing_required(&self, seen: u64) -> Vec<&'static str> {
                let mut missing = Vec::new();
                $( $crate::model::decl::document!(@required $policy, $name, seen, self.$field, stringify!($field), missing); )*
                missing
            }

            /// The keys in sorted (canonical) order.
            pub fn sorted_keys() -> &'static [&'static str] {
                static KEYS: once_cell::sync::Lazy<Vec<&'static str>> = once_cell::sync::Lazy::new(|| {
                    let mut keys: Vec<&'static str> = $name::FIELDS.iter().map(|f| f.key).collect();
                    keys.sort_unstable();
                    keys
                });
                &KEYS
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = s.serialize_map(None)?;
                for key in $name::sorted_keys() {
                    self.write_field(key, &mut map)?;
                }
                map.end()
            }
        }

        $crate::model::decl::object_reader!($name, "an object", |map| {
            let mut doc = $name::default();
            let mut seen = 0;
            while let Some(key) = map.next_key::<$crate::model::decl::Key>()? {
                if !doc.read_field(&key, &mut map, &mut seen)? {
                    $crate::model::decl::document!(@unknown $($mode)?, map);
                }
            }
            match doc.missing_required(seen) {
                Some(key) => Err($crate::model::decl::missing(key)),
                None => Ok(doc),
            }
        });

        impl $crate::model::decl::Describe for $name {
            fn describe() -> $crate::model::decl::Type {
                $crate::model::decl::Type::Document {
                    name: stringify!($name),
                    fields: $name::FIELDS,
                    open: $crate::model::decl::document!(@open $($mode)?),
                }
            }
        }
    };
    (@open) => { false };
    (@open open) => { true };
    (@unknown, $map:ident) => { $map.next_value_seed($crate::model::decl::UnknownKey)? };
    // Read in full (not skipped), so the host's own values are valid JSON too.
    (@unknown open, $map:ident) => { $map.next_value::<serde_json::Value>()? };
    (@uses) => { $crate::model::decl::Uses::None };
    (@uses $uses:expr) => { $uses };
    (@write Omit, $map:ident, $key:ident, $value:expr, $default:expr, $ty:ty) => {
        let default: $ty = $default;
        if *$value != default {
            $map.serialize_entry($key, $value)?;
        }
    };
    (@write $policy:ident, $map:ident, $key:ident, $value:expr, $default:expr, $ty:ty) => {
        $map.serialize_entry($key, $value)?;
    };
    (@required Required, $name:ident, $seen:ident, $value:expr, $key:expr, $out:ident) => {{
        const BIT: u64 = 1 << $crate::model::decl::index_of($name::FIELDS, $key);
        if $seen & BIT == 0 || $crate::model::decl::Blank::is_blank(&$value) {
            $out.push($key);
        }
    }};
    (@required $policy:ident, $name:ident, $seen:ident, $value:expr, $key:expr, $out:ident) => {};
}
pub(crate) use document;

/// Declares a result document the kernel writes: the struct, `FIELDS` and a
/// `Serialize` in declared order (`Omit` fields left out at their default).
macro_rules! result_document {
    (
        $(#[$meta:meta])*
        pub struct $name:ident $(<$lt:lifetime>)? {
            $(
                $(#[doc = $doc:literal])*
                $field:ident : $ty:ty, $policy:ident, $label:literal / $label_en:literal ;
            )*
        }
    ) => {
        $(#[$meta])*
        pub struct $name $(<$lt>)? {
            $( $(#[doc = $doc])* pub $field: $ty, )*
        }

        impl $(<$lt>)? $name $(<$lt>)? {
            /// Every field, as declared.
            pub const FIELDS: &'static [$crate::model::decl::FieldInfo] = &[$(
                $crate::model::decl::FieldInfo {
                    key: stringify!($field),
                    label: $label,
                    label_en: $label_en,
                    doc: concat!($($doc, "\n",)* ""),
                    policy: $crate::model::decl::Policy::$policy,
                    describe: <$ty as $crate::model::decl::Describe>::describe,
                    uses: $crate::model::decl::Uses::None,
                },
            )*];
        }

        impl $(<$lt>)? serde::Serialize for $name $(<$lt>)? {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = s.serialize_map(None)?;
                $( $crate::model::decl::result_document!(@write $policy, map, stringify!($field), &self.$field); )*
                map.end()
            }
        }

        impl $(<$lt>)? $crate::model::decl::Describe for $name $(<$lt>)? {
            fn describe() -> $crate::model::decl::Type {
                $crate::model::decl::Type::Document { name: stringify!($name), fields: $name::FIELDS, open: false }
            }
        }
    };
    (@write Omit, $map:ident, $key:expr, $value:expr) => {
        if !$crate::model::decl::Omittable::omitted($value) {
            $map.serialize_entry($key, $value)?;
        }
    };
    (@write $policy:ident, $map:ident, $key:expr, $value:expr) => {
        $map.serialize_entry($key, $value)?;
    };
}
pub(crate) use result_document;

/// What an `Omit` field of a result document leaves out.
pub trait Omittable {
    fn omitted(&self) -> bool;
}

impl<T> Omittable for Option<T> {
    fn omitted(&self) -> bool {
        self.is_none()
    }
}

impl<T> Omittable for Vec<T> {
    fn omitted(&self) -> bool {
        self.is_empty()
    }
}
