//! The report's items in order, with memory bounded whatever the batch: items
//! are kept up to `RUN` at a time, sorted, and written out as a run (a
//! temporary file of JSON lines, deleted when dropped); the runs are merged
//! at the end. A small batch never touches the disk.

use super::Item;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Seek, Write};

/// Items held in memory before a run is written (about 4 MB).
const RUN: usize = 4096;
/// Runs merged at once (open files).
const FAN_IN: usize = 64;

pub struct Spool {
    items: Vec<Item>,
    runs: Vec<File>,
    run: usize,
}

pub type Items = Box<dyn Iterator<Item = io::Result<Item>>>;

impl Spool {
    pub fn new() -> Spool {
        Spool::with_run(RUN)
    }

    fn with_run(run: usize) -> Spool {
        Spool {
            items: Vec::new(),
            runs: Vec::new(),
            run,
        }
    }

    pub fn push(&mut self, item: Item) -> io::Result<()> {
        self.items.push(item);
        if self.items.len() >= self.run {
            self.items.sort_unstable();
            let items = std::mem::take(&mut self.items);
            self.runs.push(write_run(items.into_iter().map(Ok))?);
        }
        Ok(())
    }

    /// Every item pushed, in order.
    pub fn sorted(mut self) -> io::Result<Items> {
        self.items.sort_unstable();
        if self.runs.is_empty() {
            return Ok(Box::new(self.items.into_iter().map(Ok)));
        }
        let items = std::mem::take(&mut self.items);
        self.runs.push(write_run(items.into_iter().map(Ok))?);
        while self.runs.len() > FAN_IN {
            let rest = self.runs.split_off(FAN_IN);
            let first = std::mem::replace(&mut self.runs, rest);
            let merged = write_run(merge(first)?)?;
            self.runs.push(merged);
        }
        Ok(Box::new(merge(self.runs)?))
    }
}

/// Writes sorted `items` to a new run.
fn write_run(items: impl Iterator<Item = io::Result<Item>>) -> io::Result<File> {
    let mut out = BufWriter::new(tempfile::tempfile()?);
    for item in items {
        serde_json::to_writer(&mut out, &item?)?;
        out.write_all(b"\n")?;
    }
    let mut file = out.into_inner().map_err(|e| e.into_error())?;
    file.rewind()?;
    Ok(file)
}

struct Run {
    lines: io::Lines<BufReader<File>>,
}

impl Run {
    fn next(&mut self) -> io::Result<Option<Item>> {
        match self.lines.next() {
            Some(line) => Ok(Some(serde_json::from_str(&line?)?)),
            None => Ok(None),
        }
    }
}

/// The items of sorted runs, in order (a k-way merge).
fn merge(runs: Vec<File>) -> io::Result<impl Iterator<Item = io::Result<Item>>> {
    let mut runs: Vec<Run> = runs
        .into_iter()
        .map(|f| Run {
            lines: BufReader::new(f).lines(),
        })
        .collect();
    let mut heap = BinaryHeap::new();
    for (i, run) in runs.iter_mut().enumerate() {
        if let Some(item) = run.next()? {
            heap.push(Reverse((item, i)));
        }
    }
    Ok(std::iter::from_fn(move || {
        let Reverse((item, i)) = heap.pop()?;
        match runs[i].next() {
            Ok(Some(next)) => heap.push(Reverse((next, i))),
            Ok(None) => {}
            Err(e) => return Some(Err(e)),
        }
        Some(Ok(item))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docs::Severity;
    use crate::todo::Kind;

    fn item(unit: &str, due: &str, id: usize) -> Item {
        Item {
            owner_unit: unit.into(),
            due: Some(due.into()),
            kind: Kind::Overdue,
            project_id: format!("P-{id:04}"),
            rule: "art28.contract_signing_late".into(),
            name: "n".into(),
            state: "awarded".into(),
            article: Some(28),
            severity: Severity::Violation,
            message: "m".into(),
            message_en: "m".into(),
            calendar_known: true,
            source: "f:1".into(),
        }
    }

    /// Many runs (more than one merge can take) give the same order as one sort.
    #[test]
    fn runs_merge_into_one_order() {
        let units = ["乙局", "甲局", "丙局"];
        let all: Vec<Item> = (0..1000)
            .map(|i| {
                item(
                    units[i % 3],
                    &format!("2026-{:02}-{:02}", 1 + (i * 7) % 12, 1 + (i * 13) % 28),
                    i,
                )
            })
            .collect();
        let mut spool = Spool::with_run(7);
        for it in all.iter().cloned() {
            spool.push(it).unwrap();
        }
        assert!(spool.runs.len() > FAN_IN);
        let merged: Vec<Item> = spool.sorted().unwrap().map(Result::unwrap).collect();
        let mut expected = all;
        expected.sort();
        assert_eq!(merged, expected);
    }

    #[test]
    fn a_small_batch_stays_in_memory() {
        let mut spool = Spool::with_run(10);
        spool.push(item("甲局", "2026-02-01", 2)).unwrap();
        spool.push(item("甲局", "2026-01-01", 1)).unwrap();
        assert!(spool.runs.is_empty());
        let ids: Vec<String> = spool
            .sorted()
            .unwrap()
            .map(|i| i.unwrap().project_id)
            .collect();
        assert_eq!(ids, ["P-0001", "P-0002"]);
    }
}
