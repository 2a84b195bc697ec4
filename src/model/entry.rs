//! A history entry (CONTRACT §6; `docs/history.md`): its one form, how it is
//! read, how a new one is written, and what its hash covers.
//!
//! An entry is stored as canonical JSON (`canonical`: keys sorted, no
//! whitespace) with its `hash` among its members. Format 2 (`"format": 2`, every
//! entry written by this version) binds the snapshot of the declared attributes
//! by its SM3 digest: `hash` covers every member but `hash` and `snapshot`, and
//! `snapshot_sm3` is the SM3 of the snapshot's canonical JSON, which is also the
//! record's `attributes_digest`. Format 1 (no `format` member, written by 0.1)
//! has `hash` cover every member but `hash`. `verify` accepts both.

use super::canonical::{canonical_json, canonical_object_without, Canonical};
use super::decl::{document, index_of, missing, object_reader, Describe, Key, Type, UnknownKey};
use super::event::{self, Event, EventFacts};
use super::project::{Attributes, KernelFields, ReadAttributes};
use super::read::{parse_at, At};
use super::vocab::State;
use crate::error::{Error, Result};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use sm3::{Digest, Sm3};

/// The `prev` of the first entry: 64 zeros.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The format this version writes.
pub const FORMAT: u32 = 2;

/// One entry of the history, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryEntry {
    /// 1 (written by 0.1) or 2.
    pub format: u32,
    pub seq: u64,
    pub event: EventFacts,
    pub state_after: State,
    pub findings: Vec<String>,
    /// The declared attributes, when they changed since the previous entry (always on the first).
    pub snapshot: Option<Box<Attributes>>,
    /// Format 2: SM3 of the snapshot's canonical JSON.
    pub snapshot_sm3: Option<String>,
    /// On the first entry only, and only when the record did not start as a fresh
    /// `draft` (a project taken over mid-life): where replay starts.
    pub origin: Option<Origin>,
    pub prev: String,
    pub hash: String,
}

/// The state and kernel-maintained fields of a record before its first event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub state: State,
    pub kernel: KernelFields,
}

/// As stored: `{"state": …, <kernel-maintained fields>}`, keys sorted.
impl Serialize for Origin {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        let mut state = Some(self.state);
        for &key in KernelFields::sorted_keys() {
            if let Some(st) = state.filter(|_| "state" < key) {
                map.serialize_entry("state", &st)?;
                state = None;
            }
            self.kernel.write_field(key, &mut map)?;
        }
        if let Some(st) = state {
            map.serialize_entry("state", &st)?;
        }
        map.end()
    }
}

impl Describe for Origin {
    fn describe() -> Type {
        Type::Document {
            name: "Origin",
            fields: KernelFields::FIELDS,
            open: false,
        }
    }
}

object_reader!(Origin, "an origin object", |map| {
    let (mut state, mut kernel, mut seen) = (None, KernelFields::default(), 0);
    while let Some(key) = map.next_key::<Key>()? {
        if &*key == "state" {
            state = Some(map.next_value()?);
        } else if !kernel.read_field(&key, &mut map, &mut seen)? {
            map.next_value_seed(UnknownKey)?;
        }
    }
    let state = state.ok_or_else(|| missing("state"))?;
    Ok(Origin { state, kernel })
});

document! {
    /// A stored entry's members. `ReadEntry` reads the event and the snapshot
    /// straight into their types, so here those two are only declared.
    pub struct StoredEntry {
        /// 2 for entries written by this version; absent for format 1.
        format: Option<u32> = None, Omit, "格式版本" / "format";
        seq: u64 = 0, Required, "序号" / "sequence number";
        /// The event as received.
        event: Box<RawValue> = RawValue::NULL.to_owned(), Required, "事项" / "event";
        state_after: State = State::Draft, Required, "办理后状态" / "state after";
        /// The ids of the rules that found something about the event.
        findings: Vec<String> = Vec::new(), Required, "审查意见" / "findings";
        /// The declared attributes, when they changed since the previous entry.
        snapshot: Option<Box<RawValue>> = None, Keep, "申报属性快照" / "snapshot";
        /// Format 2: SM3 of the snapshot's canonical JSON.
        snapshot_sm3: Option<String> = None, Omit, "快照摘要（SM3）" / "snapshot digest (SM3)";
        /// Where replay starts, for a record taken over mid-life (first entry only).
        origin: Option<Origin> = None, Omit, "起始状态" / "origin";
        /// The hash of the entry before (64 zeros for the first).
        prev: String = String::new(), Required, "上一条记录的哈希" / "previous hash";
        /// SM3 of the entry's canonical JSON (`docs/history.md`).
        hash: String = String::new(), Required, "哈希（SM3）" / "hash (SM3)";
    }
}

/// A stored entry read in one pass: the event and the snapshot into their types,
/// every other member into `StoredEntry`.
struct ReadEntry {
    stored: StoredEntry,
    event: event::Read,
    snapshot: Option<ReadAttributes>,
}

object_reader!(ReadEntry, "a history entry object", |map| {
    const EVENT: u64 = 1 << index_of(StoredEntry::FIELDS, "event");
    let (mut stored, mut seen) = (StoredEntry::default(), 0);
    let (mut event, mut snapshot) = (None, None);
    while let Some(key) = map.next_key::<Key>()? {
        if &*key == "event" {
            event = map.next_value()?;
        } else if &*key == "snapshot" {
            snapshot = map.next_value()?;
        } else if !stored.read_field(&key, &mut map, &mut seen)? {
            map.next_value_seed(UnknownKey)?;
        }
    }
    let seen = if event.is_some() { seen | EVENT } else { seen };
    match (stored.missing_required(seen), event) {
        (None, Some(event)) => Ok(ReadEntry {
            stored,
            event,
            snapshot,
        }),
        (key, _) => Err(missing(key.unwrap_or("event"))),
    }
});

impl HistoryEntry {
    /// Reads a stored entry from its text; `index` is where it sits (`$.history[3]`).
    pub fn parse(index: usize, text: &str) -> Result<HistoryEntry> {
        let path = || format!("$.history[{index}]");
        parse_at::<ReadEntry>(&path, "the history entry", text)?.finish(&path)
    }
}

/// A stored entry read straight from the record, its text not kept
/// (`Project::parse_to_decide`). Its error names no path: that reading then
/// gives way to `Project::parse`, whose error is the answer.
pub(super) struct EntryOnly(pub HistoryEntry);

impl<'de> Deserialize<'de> for EntryOnly {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let read = ReadEntry::deserialize(d)?;
        let entry = read.finish(&|| "$.history[]".to_string());
        entry.map(EntryOnly).map_err(serde::de::Error::custom)
    }
}

impl ReadEntry {
    /// The entry, once what its event type needs is checked; `path` is where it sits.
    fn finish(self, path: At) -> Result<HistoryEntry> {
        let stored = self.stored;
        let event = self.event.finish(&|| format!("{}.event", path()))?;
        let snapshot = self
            .snapshot
            .map(|s| s.finish(&|| format!("{}.snapshot", path())).map(Box::new))
            .transpose()?;
        let format = stored.format.unwrap_or(1);
        if !(1..=FORMAT).contains(&format) {
            return Err(Error::invalid(
                format!("{}.format", path()),
                format!("history format {format} is unknown; this version reads 1 and 2"),
            ));
        }
        Ok(HistoryEntry {
            format,
            seq: stored.seq,
            event,
            state_after: stored.state_after,
            findings: stored.findings,
            snapshot,
            snapshot_sm3: stored.snapshot_sm3,
            origin: stored.origin,
            prev: stored.prev,
            hash: stored.hash,
        })
    }
}

/// The members a hash of `format` does not cover.
pub fn unhashed_members(format: u32) -> &'static [&'static str] {
    if format >= 2 {
        &["hash", "snapshot"]
    } else {
        &["hash"]
    }
}

/// The hash a stored entry's content gives (by its own `format`), and, for format 2,
/// whether its snapshot matches `snapshot_sm3`.
pub fn stored_hash(entry: &Map<String, Value>) -> (String, bool) {
    let format = entry.get("format").and_then(Value::as_u64).unwrap_or(1) as u32;
    let hash = sm3_hex(canonical_object_without(entry, unhashed_members(format)).as_bytes());
    let snapshot_sound = format < 2
        || match (entry.get("snapshot"), entry.get("snapshot_sm3")) {
            (None, None) => true,
            (Some(snapshot), Some(Value::String(digest))) => {
                sm3_hex(canonical_json(snapshot).as_bytes()) == *digest
            }
            _ => false,
        };
    (hash, snapshot_sound)
}

/// What a new entry binds.
pub struct NewEntry<'a> {
    pub seq: u64,
    /// The event as received.
    pub event: &'a Event,
    pub state_after: State,
    pub findings: Vec<&'static str>,
    /// The canonical JSON of the declared attributes and its SM3, when a snapshot is due.
    pub snapshot: Option<(&'a RawValue, &'a str)>,
    /// The record's state and kernel fields before its first event, for a record taken over mid-life.
    pub origin: Option<Value>,
    pub prev: &'a str,
}

impl NewEntry<'_> {
    /// The entry as stored (canonical JSON, format 2) and its hash.
    pub fn write(&self) -> (Box<RawValue>, String) {
        let view = |hash| EntryView { entry: self, hash };
        let hashed = serde_json::to_string(&view(None)).expect("an entry serialises");
        let hash = sm3_hex(hashed.as_bytes());
        // Written by the serialiser, so not read again to be checked.
        let stored =
            serde_json::value::to_raw_value(&view(Some(&hash))).expect("an entry serialises");
        (stored, hash)
    }
}

/// A new entry in canonical form: with `hash` and `snapshot` as stored, without
/// them as hashed (format 2). Members in sorted order.
struct EntryView<'a> {
    entry: &'a NewEntry<'a>,
    hash: Option<&'a str>,
}

impl Serialize for EntryView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let e = self.entry;
        let mut map = s.serialize_map(None)?;
        // An event that was read is kept in canonical form (`Event::parse`).
        map.serialize_entry("event", &e.event.raw)?;
        map.serialize_entry("findings", &e.findings)?;
        map.serialize_entry("format", &FORMAT)?;
        if let Some(hash) = self.hash {
            map.serialize_entry("hash", hash)?;
        }
        if let Some(origin) = &e.origin {
            map.serialize_entry("origin", &Canonical(origin))?;
        }
        map.serialize_entry("prev", e.prev)?;
        map.serialize_entry("seq", &e.seq)?;
        if let Some((attrs, digest)) = e.snapshot {
            if self.hash.is_some() {
                map.serialize_entry("snapshot", attrs)?;
            }
            map.serialize_entry("snapshot_sm3", digest)?;
        }
        map.serialize_entry("state_after", &e.state_after)?;
        map.end()
    }
}

/// SM3 (GB/T 32905) of `bytes`, lowercase hex.
pub fn sm3_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sm3::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 0xf) as usize] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // GB/T 32905-2016, appendix A: the two example messages.
    #[test]
    fn sm3_matches_the_standard_examples() {
        assert_eq!(
            sm3_hex(b"abc"),
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
        );
        assert_eq!(
            sm3_hex("abcd".repeat(16).as_bytes()),
            "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
        );
    }

    #[test]
    fn canonical_attributes_are_the_canonical_form_of_their_value() {
        let attrs = Attributes {
            id: "X\u{1}\"".into(),
            name: "曲阜 😀".into(),
            owner_unit: "U".into(),
            budget_yuan: Some(crate::model::Money::parse("1.50").unwrap()),
            ..Attributes::default()
        };
        let text = serde_json::to_string(&attrs).unwrap();
        assert_eq!(text, canonical_json(&serde_json::from_str(&text).unwrap()));
    }
}
