//! Tamper-evident history (CONTRACT §6; Art 40, 42).
//!
//! Every accepted event is appended as an entry that binds its sequence number,
//! the event as received, the state after it, the ids of its findings, the
//! previous entry's hash and, where the declared attributes changed since the
//! last entry (always for the first), a snapshot of them. Its `hash` is SM3
//! (GB/T 32905) over the canonical JSON of all that. `verify` recomputes the
//! chain and replays the events from the snapshots through the same effects the
//! engine applies, so an edited, removed, inserted or reordered entry, or a
//! record that disagrees with its history, is reported. `docs/history.md`
//! specifies the canonical form for auditors.

mod verify;

pub use verify::{replay, verify, Problem, VerifyReport};

use crate::error::{Error, Result};
use crate::model::reader::ObjectReader;
use crate::model::{Attributes, Event, State};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;
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
    pub prev: String,
    pub hash: String,
}

impl HistoryEntry {
    /// The canonical JSON the hash covers: every field but `hash`, keys sorted,
    /// no insignificant whitespace, numbers exactly as received.
    pub fn canonical(&self) -> String {
        let mut map = serde_json::Map::new();
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
        map.insert("prev".into(), Value::String(self.prev.clone()));
        // serde_json's map is ordered by key (no `preserve_order`): sorted output.
        serde_json::to_string(&Value::Object(map)).expect("canonical form serialises")
    }

    pub fn compute_hash(&self) -> String {
        sm3_hex(self.canonical().as_bytes())
    }

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
        let prev: String = r.req("prev")?;
        let hash: String = r.req("hash")?;
        r.deny_rest()?;
        Ok(HistoryEntry {
            seq,
            event,
            state_after,
            findings,
            snapshot,
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
        m.serialize_entry("prev", &self.prev)?;
        m.serialize_entry("hash", &self.hash)?;
        m.end()
    }
}

/// SM3 of `bytes`, lowercase hex.
pub fn sm3_hex(bytes: &[u8]) -> String {
    let digest = Sm3::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// SM3 of the canonical JSON of the declared attributes. The record keeps the
/// digest of the attributes its last entry left it with (`attributes_digest`),
/// so the next entry binds a new snapshot exactly when they have changed.
pub fn attributes_digest(attrs: &Attributes) -> String {
    sm3_hex(
        serde_json::to_string(&attrs.to_value())
            .expect("attributes serialise")
            .as_bytes(),
    )
}

/// Builds the next entry for an accepted event.
pub fn next_entry(
    history: &[HistoryEntry],
    event: &Event,
    state_after: State,
    findings: Vec<String>,
    snapshot: Option<Value>,
) -> HistoryEntry {
    let (seq, prev) = match history.last() {
        Some(last) => (last.seq + 1, last.hash.clone()),
        None => (1, GENESIS.to_string()),
    };
    let mut entry = HistoryEntry {
        seq,
        event: event.clone(),
        state_after,
        findings,
        snapshot,
        prev,
        hash: String::new(),
    };
    entry.hash = entry.compute_hash();
    entry
}
