//! Tamper-evident history (CONTRACT §6; Art 40, 42).
//!
//! Every accepted event is appended as an entry that binds its sequence number,
//! the event as received, the state after it, the ids of its findings, the
//! previous entry's hash and, where the declared attributes changed since the
//! last entry (always for the first), a snapshot of them. Its `hash` is SM3
//! (GB/T 32905) over the canonical JSON of all that (`canonical`). `verify`
//! recomputes the chain and replays the events from the snapshots through the
//! same effects the engine applies, so an edited, removed, inserted or
//! reordered entry, or a record that disagrees with its history, is reported.
//! `docs/history.md` specifies the form precisely enough for an auditor to
//! re-verify a record in another language.

mod canonical;
mod verify;

pub use canonical::{canonical_json, canonical_object_without};
pub use verify::{replay, verify, verify_value, Problem, VerifyReport};

use crate::error::{Error, Result};
use crate::model::reader::{parse_at, ObjectReader};
use crate::model::{Attributes, Event, KernelFields, Project, State};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};
use sm3::{Digest, Sm3};

/// The `prev` of the first entry: 64 zeros.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryEntry {
    pub seq: u64,
    pub event: Event,
    pub state_after: State,
    pub findings: Vec<String>,
    /// The declared attributes, when they changed since the previous entry (always on the first).
    pub snapshot: Option<Value>,
    /// On the first entry only, and only when the record did not start as a fresh
    /// `draft` (a project taken over mid-life): its `state` and kernel-maintained
    /// fields before the first event, so replay starts where the record started.
    pub origin: Option<Value>,
    pub prev: String,
    pub hash: String,
}

impl HistoryEntry {
    /// Every field but `hash`: what the hash covers.
    pub fn body(&self) -> Map<String, Value> {
        let mut map = Map::new();
        map.insert("seq".into(), Value::from(self.seq));
        map.insert("event".into(), self.event.raw.clone());
        map.insert(
            "state_after".into(),
            Value::String(self.state_after.as_str().into()),
        );
        map.insert("findings".into(), Value::from(self.findings.clone()));
        if let Some(s) = &self.snapshot {
            map.insert("snapshot".into(), s.clone());
        }
        if let Some(o) = &self.origin {
            map.insert("origin".into(), o.clone());
        }
        map.insert("prev".into(), Value::String(self.prev.clone()));
        map
    }

    /// The canonical JSON the hash covers: every field but `hash`, keys sorted,
    /// no insignificant whitespace, numbers exactly as received.
    pub fn canonical(&self) -> String {
        canonical_object_without(&self.body(), "hash")
    }

    pub fn compute_hash(&self) -> String {
        sm3_hex(self.canonical().as_bytes())
    }

    /// Reads a stored entry; any malformed field is an error naming its path.
    pub fn from_value(path: &str, value: Value) -> Result<HistoryEntry> {
        let mut r = ObjectReader::new(path, value)?;
        let seq: u64 = r.req("seq")?;
        let event_path = r.path_of("event");
        let event_value = r
            .take("event")
            .ok_or_else(|| Error::invalid(&event_path, "is required"))?;
        let event = Event::from_value(&event_path, event_value)?;
        let state_after: State = r.req("state_after")?;
        let findings: Vec<String> = r.list("findings")?;
        let snapshot = r.take("snapshot");
        if let Some(s) = &snapshot {
            Attributes::from_value(&r.path_of("snapshot"), s.clone())?;
        }
        let origin = r.take("origin");
        if let Some(o) = &origin {
            read_origin(&r.path_of("origin"), o.clone())?;
        }
        let prev: String = r.req("prev")?;
        let hash: String = r.req("hash")?;
        r.deny_rest()?;
        Ok(HistoryEntry {
            seq,
            event,
            state_after,
            findings,
            snapshot,
            origin,
            prev,
            hash,
        })
    }
}

impl Serialize for HistoryEntry {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("seq", &self.seq)?;
        m.serialize_entry("event", &self.event.raw)?;
        m.serialize_entry("state_after", &self.state_after)?;
        m.serialize_entry("findings", &self.findings)?;
        if let Some(snapshot) = &self.snapshot {
            m.serialize_entry("snapshot", snapshot)?;
        }
        if let Some(origin) = &self.origin {
            m.serialize_entry("origin", origin)?;
        }
        m.serialize_entry("prev", &self.prev)?;
        m.serialize_entry("hash", &self.hash)?;
        m.end()
    }
}

/// Reads an `origin`: `{"state": …, <kernel-maintained fields>}`.
pub(crate) fn read_origin(path: &str, value: Value) -> Result<(State, KernelFields)> {
    let mut r = ObjectReader::new(path, value)?;
    let state: State = r.req("state")?;
    let rest: Map<String, Value> = r.rest().into_iter().collect();
    let kernel: KernelFields = parse_at(path, Value::Object(rest))?;
    Ok((state, kernel))
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

/// SM3 of the canonical JSON of the declared attributes. The record keeps the
/// digest of the attributes its last entry left it with (`attributes_digest`),
/// so the next entry binds a new snapshot exactly when they have changed.
pub fn attributes_digest(attrs: &Attributes) -> String {
    sm3_hex(canonical_json(&attrs.to_value()).as_bytes())
}

/// Records an accepted `event` in `after` (the record `before` with the event's
/// effects applied): refreshes `attributes_digest` and appends the entry that
/// binds the event, `after`'s state, the finding ids and, where due, the snapshot
/// of `before`'s declared attributes and the origin of a record taken over mid-life.
pub fn append(before: &Project, after: &mut Project, event: &Event, findings: Vec<String>) {
    let digest_before = attributes_digest(&before.attrs);
    let snapshot_due = before.history.is_empty()
        || before.kernel.attributes_digest.as_deref() != Some(digest_before.as_str());
    let snapshot = snapshot_due.then(|| before.attrs.to_value());
    let origin = (before.history.is_empty()
        && (before.state != State::Draft || before.kernel != KernelFields::default()))
    .then(|| {
        let mut map = match serde_json::to_value(&before.kernel) {
            Ok(Value::Object(m)) => m,
            _ => Map::new(),
        };
        map.insert("state".into(), Value::String(before.state.as_str().into()));
        Value::Object(map)
    });
    let (seq, prev) = match before.history.last() {
        // Saturating: a forged last seq of u64::MAX must not wrap to 0 (verify reports it).
        Some(last) => (last.seq.saturating_add(1), last.hash.clone()),
        None => (1, GENESIS.to_string()),
    };
    let mut entry = HistoryEntry {
        seq,
        event: event.clone(),
        state_after: after.state,
        findings,
        snapshot,
        origin,
        prev,
        hash: String::new(),
    };
    entry.hash = entry.compute_hash();
    // Most events leave the declared attributes as they were: their digest is then
    // the one just computed (SM3 is a third of the time of `apply`, issue 9).
    after.kernel.attributes_digest = Some(if after.attrs == before.attrs {
        digest_before
    } else {
        attributes_digest(&after.attrs)
    });
    after.history.push(entry);
}

#[cfg(test)]
mod tests {
    use super::sm3_hex;

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
}
