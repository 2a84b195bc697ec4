//! Tamper-evident history (CONTRACT §6; Art 40, 42).
//!
//! Every accepted event is appended as an entry (its form is `model::HistoryEntry`)
//! that binds its sequence number, the event as received, the state after it,
//! the ids of its findings, the previous entry's hash and, where the declared
//! attributes changed since the last entry (always for the first), a snapshot of
//! them, bound by its SM3 digest. `verify` recomputes the chain and replays the
//! events from the snapshots through the same effects the engine applies, so an
//! edited, removed, inserted or reordered entry, or a record that disagrees with
//! its history, is reported. `docs/history.md` specifies the form precisely
//! enough for an auditor to re-verify a record in another language.

mod verify;

pub use verify::{replay, verify, verify_text, Problem, VerifyReport};

use crate::lifecycle::apply_effects;
use crate::model::{
    sm3_hex, Attributes, Event, HistoryEntry, KernelFields, NewEntry, Origin, Project, State,
    FORMAT, GENESIS,
};
use serde_json::value::RawValue;

/// SM3 of the canonical JSON of the declared attributes. The record keeps the
/// digest of the attributes its last entry left it with (`attributes_digest`),
/// so the next entry binds a new snapshot exactly when they have changed.
pub fn attributes_digest(attrs: &Attributes) -> String {
    sm3_hex(canonical_attributes(attrs).get().as_bytes())
}

/// The canonical JSON of the declared attributes: they serialise with sorted
/// keys and no whitespace, which is their canonical form.
fn canonical_attributes(attrs: &Attributes) -> Box<RawValue> {
    serde_json::value::to_raw_value(attrs).expect("attributes serialise")
}

/// The record after an accepted `event`: its effects, then the history entry
/// that binds it (`findings` are the ids of what the engine found; `known_digest`
/// the attributes' digest if the rules already computed it).
pub fn accept(
    mut project: Project,
    event: &Event,
    findings: Vec<&'static str>,
    known_digest: Option<String>,
) -> Project {
    // The canonical text is needed to hash the attributes, or to snapshot them.
    let mut canonical = None;
    let digest = known_digest.unwrap_or_else(|| {
        let text = canonical_attributes(&project.attrs);
        let digest = sm3_hex(text.get().as_bytes());
        canonical = Some(text);
        digest
    });
    let snapshot_due = project.history.is_empty()
        || project.kernel.attributes_digest.as_deref() != Some(digest.as_str());
    let canonical = canonical
        .filter(|_| snapshot_due)
        .or_else(|| snapshot_due.then(|| canonical_attributes(&project.attrs)));
    let origin = (project.history.is_empty()
        && (project.state != State::Draft || project.kernel != KernelFields::default()))
    .then(|| Origin {
        state: project.state,
        kernel: project.kernel.clone(),
    });
    let (seq, prev) = match project.history.last() {
        // Saturating: a forged last seq of u64::MAX must not wrap to 0 (verify reports it).
        Some(last) => (last.seq.saturating_add(1), last.hash.clone()),
        None => (1, GENESIS.to_string()),
    };
    let snapshot = snapshot_due.then(|| Box::new(project.attrs.clone()));
    let attributes_changed = apply_effects(&mut project, event);
    let origin_value = origin
        .as_ref()
        .map(|o| serde_json::to_value(o).expect("an origin serialises"));
    let (stored, hash) = NewEntry {
        seq,
        event,
        state_after: project.state,
        findings: findings.clone(),
        snapshot: canonical.as_deref().map(|text| (text, digest.as_str())),
        origin: origin_value,
        prev: &prev,
    }
    .write();
    let entry = HistoryEntry {
        format: FORMAT,
        seq,
        event: event.facts.clone(),
        state_after: project.state,
        findings: findings.into_iter().map(String::from).collect(),
        snapshot,
        snapshot_sm3: snapshot_due.then(|| digest.clone()),
        origin,
        prev,
        hash,
    };
    project.history.push(stored, entry);
    // Most events leave the declared attributes as they were: their digest is
    // then the one just computed.
    project.kernel.attributes_digest = Some(if attributes_changed {
        attributes_digest(&project.attrs)
    } else {
        digest
    });
    project
}
