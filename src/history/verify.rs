//! `verify` and replay: is the history intact, and is the record what it leads to?
//!
//! `verify` judges a record in three layers, each only as far as the one below
//! it is sound, so that one act of tampering is reported once, where it
//! happened, and not again by everything downstream of it:
//!
//! 1. **Integrity**, every entry: does its content give its SM3 hash
//!    (`hash_mismatch`), can it be read (`entry_invalid`, `snapshot_invalid`),
//!    are the seqs complete and in order (`seq_gap`, `seq_not_increasing`), and
//!    does each entry link to the hash of the one before it (`chain_broken`)?
//!    Each problem names one entry; none follows from another.
//! 2. **Replay** of the intact prefix (the entries before the first integrity
//!    problem; past a broken link the history is evidence of nothing): does each
//!    event follow from the ones before it by the lifecycle of CONTRACT §4
//!    (`invalid_transition`, `actor_not_permitted`, `date_out_of_order`,
//!    `state_after_mismatch`, `snapshot_missing`, and `baseline_changed` for a
//!    snapshot that moves the Art 33 baseline)? On an intact chain such a problem
//!    means the chain was rewritten with recomputed hashes.
//! 3. **The record** against its history, only when both are sound:
//!    `state_mismatch`, `kernel_field_mismatch`, `baseline_changed` (seq 0).
//!
//! An entry that cannot be read is a problem, not an input error, when verifying
//! a record from JSON (`verify_value`): verify is the call that must judge a
//! damaged record. The rest of the record must still be well-formed.

use super::attributes_digest;
use crate::error::{Error, Result};
use crate::lifecycle::{apply_effects_of_format, role_permitted, state_problem, unit_matches};
use crate::model::decl::result_document;
use crate::model::{
    stored_hash, HistoryEntry, KernelFields, Locale, ProblemCode, Project, State, GENESIS,
};
use crate::rules::in_force_from;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

result_document! {
    /// One defect found by `verify`.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct Problem {
        code: ProblemCode, Keep, "问题类别" / "code";
        /// The history entry concerned (0 when it is the record as a whole).
        seq: u64, Keep, "历史记录序号" / "entry";
        /// In the engine's locale.
        message: String, Keep, "说明" / "message";
        message_en: String, Keep, "说明（英文）" / "message (English)";
    }
}

result_document! {
    /// The result of `govit_verify`.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct VerifyReport {
        /// No problem found.
        valid: bool, Keep, "历史记录是否完整可信" / "valid";
        problems: Vec<Problem>, Keep, "发现的问题" / "problems";
    }
}

struct Report {
    locale: Locale,
    problems: Vec<Problem>,
}

impl Report {
    fn new(locale: Locale) -> Report {
        Report {
            locale,
            problems: Vec::new(),
        }
    }

    fn push(&mut self, code: ProblemCode, seq: u64, zh: String, en: String) {
        self.problems.push(Problem {
            code,
            seq,
            message: self.locale.pick(zh, en.clone()),
            message_en: en,
        });
    }

    fn finish(self) -> VerifyReport {
        VerifyReport {
            valid: self.problems.is_empty(),
            problems: self.problems,
        }
    }
}

/// One stored history entry as verify sees it: the chain fields as stored, whether
/// its content still gives its hash, and the entry itself if it can be read.
struct Item<'a> {
    seq: Option<u64>,
    prev: Option<String>,
    hash: Option<String>,
    /// The content no longer gives the stored hash (or is not an object).
    damaged: bool,
    raw: &'a RawValue,
    entry: std::result::Result<HistoryEntry, Error>,
}

impl<'a> Item<'a> {
    fn read(i: usize, raw: &'a RawValue) -> Item<'a> {
        let value: Option<Value> = serde_json::from_str(raw.get()).ok();
        let object = value.as_ref().and_then(Value::as_object);
        let field = |key: &str| object.and_then(|o| o.get(key));
        let hash = field("hash").and_then(Value::as_str).map(String::from);
        let damaged = match object {
            Some(o) => {
                let (computed, snapshot_sound) = stored_hash(o);
                !snapshot_sound || hash.as_deref() != Some(computed.as_str())
            }
            None => true,
        };
        Item {
            seq: field("seq").and_then(Value::as_u64),
            prev: field("prev").and_then(Value::as_str).map(String::from),
            hash,
            damaged,
            raw,
            entry: HistoryEntry::parse(i, raw.get()),
        }
    }
}

/// Verifies a record (its history read or not): every entry is judged from its stored text.
pub fn verify(project: &Project, locale: Locale) -> VerifyReport {
    let items: Vec<Item> = project
        .history
        .stored()
        .iter()
        .enumerate()
        .map(|(i, raw)| Item::read(i, raw))
        .collect();
    judge(project, &items, locale)
}

/// Verifies a record as the host stored it. An entry that was edited into
/// something unreadable is a problem of that entry, not an input error; the rest
/// of the record must be well-formed (an error names the path otherwise).
pub fn verify_text(text: &str, locale: Locale) -> Result<VerifyReport> {
    Ok(verify(&Project::parse_leaving_history(text)?, locale))
}

/// Rebuilds the record from its first snapshot and its history, through the
/// same effects `apply` uses. Returns the rebuilt record (`None` if replay could
/// not start or continue) and the problems met on the way: a missing snapshot,
/// and any event that does not follow by the lifecycle.
pub fn replay(project: &Project, locale: Locale) -> (Option<Project>, Vec<Problem>) {
    let mut report = Report::new(locale);
    let entries = project
        .history
        .stored()
        .iter()
        .map(|raw| &**raw)
        .zip(project.history.entries());
    let rebuilt = replay_entries(entries, &project.extra, &mut report);
    (rebuilt, report.problems)
}

fn judge(record: &Project, items: &[Item], locale: Locale) -> VerifyReport {
    let mut report = Report::new(locale);
    if items.is_empty() {
        empty_history_problems(record, &mut report);
        return report.finish();
    }
    let intact = integrity(items, &mut report);
    if intact < items.len() && report.problems.is_empty() {
        // Every way the prefix can end is reported above; this keeps `valid` honest regardless.
        let seq = intact as u64 + 1;
        report.push(
            ProblemCode::ChainBroken,
            seq,
            format!("第 {seq} 条历史记录不能接续前面的记录。"),
            format!("Entry {seq} does not continue the entries before it."),
        );
    }
    let entries = items[..intact]
        .iter()
        .filter_map(|i| i.entry.as_ref().ok().map(|e| (i.raw, e)));
    let rebuilt = replay_entries(entries, &record.extra, &mut report);
    if report.problems.is_empty() && intact == items.len() {
        if let Some(rebuilt) = rebuilt {
            record_problems(record, &rebuilt, &mut report);
        }
    }
    report.finish()
}

fn empty_history_problems(record: &Project, report: &mut Report) {
    if record.state != State::Draft {
        let s = record.state;
        report.push(
            ProblemCode::StateMismatch,
            0,
            format!("记录的状态为“{}”（{s}），但没有任何历史记录；只有草稿（draft）可以没有历史，历史记录可能被整体删除。", s.zh()),
            format!("The record is in state `{s}` but has no history; only a `draft` may have none. The history may have been deleted."),
        );
    }
    if record.kernel != KernelFields::default() {
        let fields = field_differences(&record.kernel, &KernelFields::default());
        report.push(
            ProblemCode::KernelFieldMismatch,
            0,
            format!(
                "记录含有内核维护的字段，但没有任何历史记录：{}",
                fields.join("；")
            ),
            format!(
                "The record has kernel-maintained fields but no history: {}",
                fields.join("; ")
            ),
        );
    }
}

/// Layer 1. Reports every integrity problem and returns the length of the
/// intact prefix: the entries that are readable, unedited, numbered 1, 2, 3 …
/// by position and each linked to the one before.
fn integrity(items: &[Item], report: &mut Report) -> usize {
    let n = items.len();
    let damaged: Vec<bool> = items.iter().map(|i| i.damaged).collect();
    let seqs = effective_seqs(items, &damaged);
    let mut found: Vec<(u64, Problem)> = Vec::new();
    let mut push = |code: ProblemCode, seq: u64, zh: String, en: String| {
        let mut one = Report::new(report.locale);
        one.push(code, seq, zh, en);
        found.extend(one.problems.into_iter().map(|p| (seq, p)));
    };

    // Content: edited, or unreadable.
    for (i, item) in items.iter().enumerate() {
        let seq = seqs[i];
        let claimed = match item.seq {
            Some(s) if s != seq => (
                format!("（记录的序号为 {s}）"),
                format!(" (it claims seq {s})"),
            ),
            _ => (String::new(), String::new()),
        };
        if damaged[i] {
            let (zh_why, en_why) = match &item.entry {
                Err(e) => (
                    format!("；而且它已无法读取：{}", e.message),
                    format!("; besides, it can no longer be read: {}", e.message),
                ),
                Ok(_) => (String::new(), String::new()),
            };
            push(
                ProblemCode::HashMismatch,
                seq,
                format!("第 {seq} 条历史记录（history[{i}]）{}的内容与其 SM3 哈希不符：写入后被修改过{zh_why}。", claimed.0),
                format!("Entry {seq} (history[{i}]){} does not match its SM3 hash: it was edited after it was written{en_why}.", claimed.1),
            );
        } else if let Err(e) = &item.entry {
            let code = if e.path.as_deref().is_some_and(|p| p.contains(".snapshot")) {
                ProblemCode::SnapshotInvalid
            } else {
                ProblemCode::EntryInvalid
            };
            push(
                code,
                seq,
                format!("第 {seq} 条历史记录（history[{i}]）无法读取：{}。其哈希与内容相符，说明它是连同哈希一起伪造或改写的，或由其他程序写入。", e.message),
                format!("Entry {seq} (history[{i}]) cannot be read: {}. Its hash matches its content, so it was forged or rewritten together with its hash, or written by another program.", e.message),
            );
        }
    }

    let mut by_seq: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, &s) in seqs.iter().enumerate() {
        by_seq.entry(s).or_default().push(i);
    }

    // Order: the entries outside a longest run of increasing seqs are out of place.
    let in_order = longest_increasing(&seqs);
    for i in (0..n).filter(|&i| !in_order[i]) {
        let seq = seqs[i];
        match by_seq[&seq].iter().copied().find(|&j| j != i) {
            Some(j) => push(
                ProblemCode::SeqNotIncreasing,
                seq,
                format!("history[{i}] 与 history[{j}] 的序号同为 {seq}：有一条历史记录是插入或复制的。"),
                format!("history[{i}] repeats seq {seq} of history[{j}]: an entry was inserted or duplicated."),
            ),
            None => {
                let before = if i > 0 { seqs[i - 1] } else { 0 };
                push(
                    ProblemCode::SeqNotIncreasing,
                    seq,
                    format!("第 {seq} 条历史记录（history[{i}]）排在第 {before} 条之后，顺序不对：历史记录被移动或调换过。"),
                    format!("Entry {seq} (history[{i}]) is stored after entry {before}: entries were moved or swapped."),
                )
            }
        }
    }

    // Gaps: seqs that no entry carries.
    let mut present: Vec<u64> = seqs.clone();
    present.sort_unstable();
    present.dedup();
    let mut expected = 1u64;
    for &s in &present {
        if s > expected {
            let (zh, en) = if s - 1 == expected {
                (
                    format!("第 {expected} 条历史记录缺失：已被删除。"),
                    format!("Entry {expected} is missing: it was removed."),
                )
            } else {
                (
                    format!("第 {expected} 至 {} 条历史记录缺失：已被删除。", s - 1),
                    format!(
                        "Entries {expected} to {} are missing: they were removed.",
                        s - 1
                    ),
                )
            };
            push(ProblemCode::SeqGap, expected, zh, en);
        }
        expected = expected.max(s.saturating_add(1));
    }

    // Links: each entry's `prev` is the stored hash of the entry numbered before it.
    for (i, item) in items.iter().enumerate() {
        let Some(prev) = item.prev.as_deref() else {
            continue;
        };
        if damaged[i] || !in_order[i] {
            continue; // already reported; its own link is not evidence
        }
        let seq = seqs[i];
        let Some(before) = seq.checked_sub(1) else {
            push(
                ProblemCode::ChainBroken,
                seq,
                format!("history[{i}] 的序号为 0：序号从 1 开始，该记录不属于这条链。"),
                format!(
                    "history[{i}] has seq 0: seqs start at 1, so it does not belong to the chain."
                ),
            );
            continue;
        };
        if seq == 1 {
            if prev != GENESIS {
                push(
                    ProblemCode::ChainBroken,
                    seq,
                    "第 1 条历史记录的 prev 不是 64 个 0：它之前原有的记录被删除，或它本身被替换。".to_string(),
                    "Entry 1's prev is not 64 zeros: entries before it were removed, or it was replaced.".to_string(),
                );
            }
            continue;
        }
        let predecessors = by_seq.get(&before).map(Vec::as_slice).unwrap_or(&[]);
        if !predecessors.is_empty() && predecessors.iter().all(|&j| items[j].hash.is_none()) {
            continue; // the entry before it is too damaged to show a hash (already reported)
        }
        if predecessors.is_empty() {
            push(
                ProblemCode::ChainBroken,
                seq,
                format!(
                    "第 {seq} 条历史记录链接的第 {} 条记录已不在历史中。",
                    seq - 1
                ),
                format!(
                    "Entry {seq} links to entry {}, which is no longer in the history.",
                    seq - 1
                ),
            );
        } else if !predecessors
            .iter()
            .any(|&j| items[j].hash.as_deref() == Some(prev))
        {
            push(
                ProblemCode::ChainBroken,
                seq,
                format!("第 {seq} 条历史记录的 prev 不是第 {} 条记录的哈希：第 {} 条被改写并重新计算了哈希，或被替换。", seq - 1, seq - 1),
                format!("Entry {seq}'s prev is not the hash of entry {}: entry {} was rewritten with a recomputed hash, or replaced.", seq - 1, seq - 1),
            );
        }
    }

    found.sort_by_key(|(seq, _)| *seq); // stable: an entry's problems keep their order
    report.problems.extend(found.into_iter().map(|(_, p)| p));

    let mut intact = 0;
    while intact < n {
        let item = &items[intact];
        let expected_prev = if intact == 0 {
            Some(GENESIS)
        } else {
            items[intact - 1].hash.as_deref()
        };
        let sound = !damaged[intact]
            && item.entry.is_ok()
            && item.seq == Some(intact as u64 + 1)
            && item.prev.is_some()
            && item.prev.as_deref() == expected_prev;
        if !sound {
            break;
        }
        intact += 1;
    }
    intact
}

/// The seq each entry is judged under. An unedited entry's own seq; for an
/// edited or unreadable one, its stored seq where that fits between its
/// neighbours, else the seq after the previous entry's (an edited seq is then
/// one `hash_mismatch`, not a cascade of order problems).
fn effective_seqs(items: &[Item], damaged: &[bool]) -> Vec<u64> {
    let n = items.len();
    let mut next_trusted: Vec<Option<u64>> = vec![None; n];
    let mut upcoming = None;
    for i in (0..n).rev() {
        next_trusted[i] = upcoming;
        if !damaged[i] && items[i].seq.is_some() {
            upcoming = items[i].seq;
        }
    }
    let mut seqs = Vec::with_capacity(n);
    for (i, item) in items.iter().enumerate() {
        let lo = seqs.last().copied().unwrap_or(0);
        let trusted = !damaged[i] && item.entry.is_ok();
        let seq = match item.seq {
            Some(s) if trusted => s,
            Some(s) if s > lo && next_trusted[i].map_or(true, |next| s < next) => s,
            _ => lo.saturating_add(1),
        };
        seqs.push(seq);
    }
    seqs
}

/// Marks a longest strictly increasing subsequence of `seqs`, preferring
/// entries stored earlier where there is a choice (a swap of 7 and 8 marks 7 as
/// the one out of place). O(n log n); the usual case (already increasing) is O(n).
fn longest_increasing(seqs: &[u64]) -> Vec<bool> {
    let n = seqs.len();
    if seqs.windows(2).all(|w| w[0] < w[1]) {
        return vec![true; n];
    }
    // A longest decreasing run read from the end is a longest increasing run
    // read from the start that keeps the earliest candidates.
    let mut tails: Vec<usize> = Vec::new(); // index of the smallest last element of a run of each length
    let mut parent: Vec<Option<usize>> = vec![None; n];
    for i in (0..n).rev() {
        // Runs (from the end) of strictly decreasing seqs, i.e. increasing forwards.
        let pos = tails.partition_point(|&t| seqs[t] > seqs[i]);
        parent[i] = if pos > 0 { Some(tails[pos - 1]) } else { None };
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut keep = vec![false; n];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = parent[i];
    }
    keep
}

/// Layer 2: replays `entries` (each with its stored text) from the first snapshot (and origin).
fn replay_entries<'a>(
    entries: impl IntoIterator<Item = (&'a RawValue, &'a HistoryEntry)>,
    extra: &BTreeMap<String, Value>,
    report: &mut Report,
) -> Option<Project> {
    let mut rebuilt: Option<Project> = None;
    // The attributes the last digest was computed for: most events do not change them.
    let mut digested: Option<(crate::model::Attributes, String)> = None;
    for (raw, entry) in entries {
        let seq = entry.seq;
        let p = match (rebuilt.as_mut(), &entry.snapshot) {
            (None, None) => {
                report.push(
                    ProblemCode::SnapshotMissing,
                    seq,
                    format!("第 {seq} 条（首条）历史记录没有项目申报属性的快照，无法重放。"),
                    format!("The first history entry ({seq}) binds no snapshot of the declared attributes, so the history cannot be replayed."),
                );
                return None;
            }
            (None, Some(attrs)) => {
                let (state, kernel) = match &entry.origin {
                    None => (State::Draft, KernelFields::default()),
                    Some(origin) => (origin.state, origin.kernel.clone()),
                };
                rebuilt.insert(Project {
                    attrs: (**attrs).clone(),
                    state,
                    kernel,
                    history: Default::default(),
                    extra: extra.clone(),
                })
            }
            (Some(p), attrs) => {
                if entry.origin.is_some() {
                    report.push(
                        ProblemCode::EntryInvalid,
                        seq,
                        format!("第 {seq} 条历史记录带有起始状态（origin），只有首条记录可以有。"),
                        format!("Entry {seq} carries an origin; only the first entry may."),
                    );
                }
                if let Some(attrs) = attrs {
                    // Art 33: after 立项 the baseline moves only through an approved change.
                    if let Some(base) = &p.kernel.baseline {
                        let changed = base.differences(&attrs.baseline_values());
                        if !changed.is_empty() && entry.event.date >= in_force_from() {
                            let list = changed
                                .iter()
                                .map(|a| a.to_string())
                                .collect::<Vec<_>>()
                                .join(", ");
                            report.push(
                                ProblemCode::BaselineChanged,
                                seq,
                                format!("第 {seq} 条历史记录的属性快照改变了立项批复的 {list}，但没有经批准的变更（第三十三条）。"),
                                format!("Entry {seq}'s snapshot changes the approved {list} without an approved change (Art 33)."),
                            );
                        }
                    }
                    p.attrs = (**attrs).clone();
                }
                p
            }
        };
        check_structure(p, entry, report);
        apply_effects_of_format(p, &entry.event, entry.format);
        let digest = match &digested {
            Some((attrs, digest)) if *attrs == p.attrs => digest.clone(),
            _ => {
                let digest = attributes_digest(&p.attrs);
                digested = Some((p.attrs.clone(), digest.clone()));
                digest
            }
        };
        p.kernel.attributes_digest = Some(digest);
        if p.state != entry.state_after {
            report.push(
                ProblemCode::StateAfterMismatch,
                seq,
                format!(
                    "第 {seq} 条历史记录称状态变为{}，但其事件{}应使状态变为{}。",
                    zh(entry.state_after.zh(), entry.state_after),
                    zh(entry.event.kind.zh(), entry.event.kind),
                    zh(p.state.zh(), p.state)
                ),
                format!(
                    "Entry {seq} says the state became `{}`, but its event `{}` leads to `{}`.",
                    entry.state_after, entry.event.kind, p.state
                ),
            );
            // The next entries were written against the state this one recorded.
            p.state = entry.state_after;
        }
        p.history.push(raw.to_owned(), entry.clone());
    }
    rebuilt
}

/// The structural rules the engine's gate applies to every event (CONTRACT §4):
/// an accepted event always met them, so an entry that does not was not
/// written by `apply`.
fn check_structure(p: &Project, entry: &HistoryEntry, report: &mut Report) {
    let seq = entry.seq;
    let e = &entry.event;
    if let Some(last) = p.history.last().map(|l| l.event.date) {
        if e.date < last {
            report.push(
                ProblemCode::DateOutOfOrder,
                seq,
                format!("第 {seq} 条历史记录的日期 {} 早于上一条的 {last}。", e.date),
                format!(
                    "Entry {seq} is dated {}, before the entry before it ({last}).",
                    e.date
                ),
            );
        }
    }
    if state_problem(p, e.kind).is_some() {
        report.push(
            ProblemCode::InvalidTransition,
            seq,
            format!(
                "第 {seq} 条历史记录的事件{}不能在状态{}下发生（转换表不允许）。",
                zh(e.kind.zh(), e.kind),
                zh(p.state.zh(), p.state)
            ),
            format!(
                "Entry {seq}: `{}` is not allowed from state `{}` by the transition table.",
                e.kind, p.state
            ),
        );
    }
    // 0.1 (format 1) let the construction unit pass final acceptance on its own `delegated`.
    let legacy_delegation = entry.format == 1
        && e.kind == crate::model::EventType::PassFinalAcceptance
        && e.data.delegated;
    if !(role_permitted(e, p) || legacy_delegation) || !unit_matches(&p.attrs, &e.actor) {
        let unit = e.actor.unit.as_deref().unwrap_or("—");
        report.push(
            ProblemCode::ActorNotPermitted,
            seq,
            format!(
                "第 {seq} 条历史记录的事件{}由无权执行的角色或单位执行：{}，{unit}。",
                zh(e.kind.zh(), e.kind),
                zh(e.actor.role.zh(), e.actor.role)
            ),
            format!("Entry {seq}: `{}` was performed by a role or unit not permitted to (`{}`, {unit}).", e.kind, e.actor.role),
        );
    }
}

/// Layer 3: the record against its (sound) history. Record-level problems have
/// seq 0 and each code appears at most once, listing what differs.
fn record_problems(record: &Project, rebuilt: &Project, report: &mut Report) {
    let last = rebuilt.history.last().map(|e| e.seq).unwrap_or(0);
    if record.state != rebuilt.state {
        report.push(
            ProblemCode::StateMismatch,
            0,
            format!(
                "记录的状态为{}，但其历史（至第 {last} 条）导向{}：状态被修改，或历史末尾的记录被删除。",
                zh(record.state.zh(), record.state),
                zh(rebuilt.state.zh(), rebuilt.state)
            ),
            format!(
                "The record says state `{}`, but its history (up to entry {last}) leads to `{}`: the state was edited, or entries at the end of the history were removed.",
                record.state, rebuilt.state
            ),
        );
    }
    let fields = field_differences(&record.kernel, &rebuilt.kernel);
    if !fields.is_empty() {
        report.push(
            ProblemCode::KernelFieldMismatch,
            0,
            format!("内核维护的字段与历史（至第 {last} 条）不符（记录值 / 历史值）：{}", fields.join("；")),
            format!("Kernel-maintained fields differ from what the history (up to entry {last}) records (record / history): {}", fields.join("; ")),
        );
    }
    // Art 33: after 立项 the baseline aspects change only through an approved change.
    if let Some(baseline) = &rebuilt.kernel.baseline {
        let now = record.attrs.baseline_values();
        let changed = baseline.differences(&now);
        if !changed.is_empty() {
            let list: Vec<String> = changed
                .iter()
                .map(|&a| format!("{a}: {} → {}", baseline.show(a), now.show(a)))
                .collect();
            report.push(
                ProblemCode::BaselineChanged,
                0,
                format!("立项批复的内容在未经批准变更的情况下被修改（第三十三条；批复值 → 现值）：{}", list.join("；")),
                format!("Approved baseline attributes were changed outside an approved change (Art 33; approved → now): {}", list.join("; ")),
            );
        }
    }
}

/// "documents.acceptance_opinion: 2026-11-30 / —" for each differing leaf, at most eight.
fn field_differences(record: &KernelFields, history: &KernelFields) -> Vec<String> {
    let a = serde_json::to_value(record).unwrap_or_default();
    let b = serde_json::to_value(history).unwrap_or_default();
    let mut out = Vec::new();
    diff("", Some(&a), Some(&b), &mut out);
    const SHOWN: usize = 8;
    if out.len() > SHOWN {
        let more = out.len() - SHOWN;
        out.truncate(SHOWN);
        out.push(format!("(+{more})"));
    }
    out
}

fn diff(path: &str, a: Option<&Value>, b: Option<&Value>, out: &mut Vec<String>) {
    if a == b {
        return;
    }
    if let (Some(Value::Object(x)), Some(Value::Object(y))) = (a, b) {
        let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
        for key in keys {
            let sub = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            diff(&sub, x.get(key), y.get(key), out);
        }
        return;
    }
    let show = |v: Option<&Value>| match v {
        None | Some(Value::Null) => "—".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(v) => {
            let text = crate::model::canonical_json(v);
            if text.chars().count() > 80 {
                format!("{}…", text.chars().take(80).collect::<String>())
            } else {
                text
            }
        }
    };
    out.push(format!("{path}: {} / {}", show(a), show(b)));
}

/// “运营”（operating）: a Chinese label with the wire name an integrator searches for.
fn zh(label: &str, wire: impl std::fmt::Display) -> String {
    format!("“{label}”（{wire}）")
}
