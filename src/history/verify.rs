//! `verify` and replay: does the record agree with its history, and is the history intact?

use super::HistoryEntry;
use crate::lifecycle::{apply_effects, state_problem};
use crate::model::{Attributes, KernelFields, Project, State};
use serde::Serialize;

/// One defect found by `verify`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub code: &'static str,
    /// The history entry concerned (0 when it is the record as a whole).
    pub seq: u64,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    pub valid: bool,
    pub problems: Vec<Problem>,
}

/// Rebuilds the record from its first snapshot and its history, through the
/// same effects `apply` uses. Returns the rebuilt record and the problems met
/// on the way (a missing snapshot, a transition the table does not allow, an
/// entry whose `state_after` differs from where its event leads).
pub fn replay(project: &Project) -> (Option<Project>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut rebuilt: Option<Project> = None;
    for entry in &project.history {
        if let Some(snapshot) = &entry.snapshot {
            let attrs = match Attributes::from_value("$.snapshot", snapshot.clone()) {
                Ok(a) => a,
                Err(e) => {
                    problems.push(problem("snapshot_invalid", entry.seq, e.message));
                    return (None, problems);
                }
            };
            match &mut rebuilt {
                Some(p) => p.attrs = attrs,
                None => {
                    rebuilt = Some(Project {
                        attrs,
                        state: State::Draft,
                        kernel: KernelFields::default(),
                        history: Vec::new(),
                        extra: project.extra.clone(),
                    })
                }
            }
        }
        let Some(p) = rebuilt.as_mut() else {
            problems.push(problem(
                "snapshot_missing",
                entry.seq,
                "the first history entry binds no snapshot of the declared attributes",
            ));
            return (None, problems);
        };
        if state_problem(p, entry.event.kind).is_some() {
            problems.push(problem(
                "invalid_transition",
                entry.seq,
                format!(
                    "`{}` is not allowed from state `{}` by the transition table",
                    entry.event.kind, p.state
                ),
            ));
        }
        apply_effects(p, &entry.event);
        p.kernel.attributes_digest = Some(super::attributes_digest(&p.attrs));
        if p.state != entry.state_after {
            problems.push(problem(
                "state_after_mismatch",
                entry.seq,
                format!(
                    "the entry says the state became `{}`, but its event leads to `{}`",
                    entry.state_after, p.state
                ),
            ));
            p.state = entry.state_after;
        }
        p.history.push(entry.clone());
    }
    (rebuilt, problems)
}

/// Checks the hash chain, the sequence, and that the record is what its history leads to.
pub fn verify(project: &Project) -> VerifyReport {
    let mut problems = Vec::new();
    chain_problems(&project.history, &mut problems);
    let (rebuilt, replay_problems) = replay(project);
    problems.extend(replay_problems);
    match rebuilt {
        Some(r) => record_problems(project, &r, &mut problems),
        None if project.history.is_empty() => {
            if project.state != State::Draft {
                problems.push(problem("state_mismatch", 0, format!("the record is in state `{}` but has no history; only a `draft` may have none", project.state)));
            }
            if project.kernel != KernelFields::default() {
                problems.push(problem(
                    "kernel_field_mismatch",
                    0,
                    "the record has kernel-maintained fields but no history",
                ));
            }
        }
        None => {}
    }
    VerifyReport {
        valid: problems.is_empty(),
        problems,
    }
}

fn chain_problems(history: &[HistoryEntry], problems: &mut Vec<Problem>) {
    let mut prev_hash = super::GENESIS.to_string();
    let mut prev_seq = 0u64;
    for entry in history {
        if entry.seq <= prev_seq {
            problems.push(problem(
                "seq_not_increasing",
                entry.seq,
                format!(
                    "entry {} follows entry {}: an entry was inserted, duplicated or moved",
                    entry.seq, prev_seq
                ),
            ));
        } else if entry.seq > prev_seq + 1 {
            problems.push(problem(
                "seq_gap",
                prev_seq + 1,
                format!(
                    "entries {}..{} are missing: removed from the history",
                    prev_seq + 1,
                    entry.seq - 1
                ),
            ));
        }
        if entry.compute_hash() != entry.hash {
            problems.push(problem(
                "hash_mismatch",
                entry.seq,
                "the entry's content does not match its SM3 hash: it was edited",
            ));
        }
        if entry.prev != prev_hash {
            problems.push(problem(
                "chain_broken",
                entry.seq,
                "the entry does not link to the hash of the entry before it: an entry before it was removed, inserted, reordered or rewritten",
            ));
        }
        prev_hash = entry.hash.clone();
        prev_seq = entry.seq;
    }
}

fn record_problems(record: &Project, rebuilt: &Project, problems: &mut Vec<Problem>) {
    let last_seq = record.history.last().map(|e| e.seq).unwrap_or(0);
    if record.state != rebuilt.state {
        problems.push(problem(
            "state_mismatch",
            last_seq,
            format!(
                "the record says state `{}`, but its history leads to `{}`",
                record.state, rebuilt.state
            ),
        ));
    }
    let ours = serde_json::to_value(&record.kernel).unwrap_or_default();
    let theirs = serde_json::to_value(&rebuilt.kernel).unwrap_or_default();
    if let (Some(a), Some(b)) = (ours.as_object(), theirs.as_object()) {
        let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
        for key in keys {
            if a.get(key) != b.get(key) {
                problems.push(problem(
                    "kernel_field_mismatch",
                    last_seq,
                    format!("`{key}` differs from what the history records"),
                ));
            }
        }
    }
    // Art 33: after 立项 the baseline aspects change only through an approved change.
    if let Some(baseline) = &rebuilt.kernel.baseline {
        for aspect in baseline.differences(&record.attrs.baseline_values()) {
            problems.push(problem(
                "baseline_changed",
                last_seq,
                format!(
                    "`{aspect}` was changed outside an approved change (approved: {}; now: {})",
                    baseline.show(aspect),
                    record.attrs.baseline_values().show(aspect)
                ),
            ));
        }
    }
}

fn problem(code: &'static str, seq: u64, message: impl Into<String>) -> Problem {
    Problem {
        code,
        seq,
        message: message.into(),
    }
}
