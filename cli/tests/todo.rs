//! `govit todo`, run as a subprocess on files: every format read back (CSV
//! with a CSV reader, JSON, HTML as XML with its table and its SVG chart),
//! the horizon, the inputs (a directory, a `.jsonl` file, stdin), a bad
//! record in the middle of a batch, the exit codes, the calendar flag, and
//! the same report on one thread and on two.

mod support;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use support::*;

fn todo(extra: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "todo",
        "examples/nightly",
        "--as-of",
        NIGHTLY_AS_OF,
        "--within",
        "14",
    ];
    args.extend_from_slice(extra);
    run(&args)
}

/// CSV rows as maps of column → value.
fn csv_rows(text: &str) -> (Vec<String>, Vec<std::collections::HashMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.expect("a CSV record");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    (header, rows)
}

/// What the nightly samples owe as of NIGHTLY_AS_OF, within 14 days: (project, kind, rule, due).
fn expected_nightly() -> BTreeSet<(String, String, String, String)> {
    [
        (
            "QF-2024-012",
            "overdue",
            "art36.self_evaluation_overdue",
            "2026-06-30",
        ),
        (
            "QF-2024-012",
            "overdue",
            "art38.crypto_assessment_overdue",
            "2026-06-30",
        ),
        (
            "QF-2024-012",
            "overdue",
            "art39.mlps_assessment_overdue",
            "2026-06-30",
        ),
        (
            "QF-2024-012",
            "overdue",
            "art39.risk_assessment_overdue",
            "2026-06-30",
        ),
        (
            "QF-2025-021",
            "overdue",
            "art35.final_acceptance_overdue",
            "2026-10-31",
        ),
        (
            "QF-2025-021",
            "overdue",
            "art41.rectification_overdue",
            "2026-12-15",
        ),
        (
            "QF-2026-003",
            "upcoming",
            "art28.contract_filing_late",
            "2026-12-29",
        ),
        (
            "QF-2026-009",
            "upcoming",
            "art28.contract_signing_late",
            "2027-01-01",
        ),
        (
            "QF-2026-017",
            "overdue",
            "art28.contract_signing_late",
            "2026-12-04",
        ),
    ]
    .iter()
    .map(|(p, k, r, d)| (p.to_string(), k.to_string(), r.to_string(), d.to_string()))
    .collect()
}

#[test]
fn csv_has_the_contract_columns_and_every_obligation() {
    let (code, out, err) = todo(&["--format", "csv"]);
    assert_eq!(code, 1, "something overdue: exit 1\n{err}");
    let (header, rows) = csv_rows(&out);
    let contract = [
        "project_id",
        "name",
        "owner_unit",
        "state",
        "kind",
        "rule",
        "article",
        "severity",
        "due",
        "message",
    ];
    assert_eq!(
        header[..contract.len()],
        contract,
        "CONTRACT §7 columns first"
    );
    let got: BTreeSet<_> = rows
        .iter()
        .map(|r| {
            (
                r["project_id"].clone(),
                r["kind"].clone(),
                r["rule"].clone(),
                r["due"].clone(),
            )
        })
        .collect();
    assert_eq!(got, expected_nightly());
    assert_eq!(rows.len(), got.len(), "no obligation twice");
    // Grouped by unit, by due date within each.
    let keys: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r["owner_unit"].clone(), r["due"].clone()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let r = rows
        .iter()
        .find(|r| r["project_id"] == "QF-2026-017")
        .unwrap();
    assert_eq!(
        (
            r["article"].as_str(),
            r["severity"].as_str(),
            r["state"].as_str()
        ),
        ("28", "violation", "awarded")
    );
    assert!(
        r["message"].contains("2026-11-20"),
        "the kernel's message: {}",
        r["message"]
    );
    assert_eq!(r["source"], "examples/nightly/QF-2026-017.json:1");
}

#[test]
fn a_deadline_in_a_year_the_calendar_does_not_know_is_flagged() {
    let (_, out, _) = todo(&["--format", "csv"]);
    let (_, rows) = csv_rows(&out);
    for r in &rows {
        let unknown = r["due"].starts_with("2027");
        assert_eq!(
            r["calendar_known"],
            if unknown { "false" } else { "true" },
            "{r:?}"
        );
    }
    let (_, table, _) = todo(&[]);
    assert!(table.contains("2027-01-01*"), "{table}");
    assert!(
        table
            .lines()
            .next()
            .unwrap()
            .contains("1 个项目的期限落在日历未收录的年份"),
        "{table}"
    );
    let (_, json, _) = todo(&["--format", "json"]);
    let doc: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["summary"]["calendar_unknown"], 1);
    // With the year in the calendar (--config), nothing is flagged.
    let dir = scratch();
    let config = dir.path().join("calendar.json");
    std::fs::write(
        &config,
        r#"{"calendar": {"2027": {"holidays": ["2027-01-01"], "workdays": []}}}"#,
    )
    .unwrap();
    let (_, out, _) = todo(&["--format", "csv", "--config", config.to_str().unwrap()]);
    let (_, rows) = csv_rows(&out);
    assert!(rows.iter().all(|r| r["calendar_known"] == "true"), "{out}");
    let r = rows
        .iter()
        .find(|r| r["project_id"] == "QF-2026-009")
        .unwrap();
    assert_eq!(
        r["due"], "2027-01-04",
        "New Year's Day off: the deadline moves to the Monday"
    );
}

#[test]
fn json_reads_back_with_its_summary() {
    let (code, out, _) = todo(&["--format", "json"]);
    assert_eq!(code, 1);
    let doc: Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(doc["as_of"], NIGHTLY_AS_OF);
    assert_eq!(doc["within_days"], 14);
    let items = doc["items"].as_array().unwrap();
    let got: BTreeSet<_> = items
        .iter()
        .map(|i| {
            let s = |k: &str| i[k].as_str().unwrap().to_string();
            (s("project_id"), s("kind"), s("rule"), s("due"))
        })
        .collect();
    assert_eq!(got, expected_nightly());
    let s = &doc["summary"];
    assert_eq!(
        (s["records"].as_u64(), s["invalid"].as_u64()),
        (Some(6), Some(0))
    );
    assert_eq!(
        (
            s["overdue"].as_u64(),
            s["upcoming"].as_u64(),
            s["projects_overdue"].as_u64()
        ),
        (Some(7), Some(2), Some(3))
    );
    let per_unit: u64 = doc["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["overdue"].as_u64().unwrap())
        .sum();
    assert_eq!(per_unit, 7);
    // `--json` is the JSON format.
    let (_, again, _) = todo(&["--json"]);
    assert_eq!(again, out);
}

/// The report as XML (it is well-formed XHTML; `<!DOCTYPE html>` is its one DTD).
fn parse_html(html: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(html, options).expect("well-formed (XHTML)")
}

/// The elements named `name` under `node`, anywhere.
fn all<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    node.descendants()
        .filter(|n| n.tag_name().name() == name)
        .collect()
}

fn class_of<'a>(n: &roxmltree::Node<'a, 'a>) -> &'a str {
    n.attribute("class").unwrap_or("")
}

#[test]
fn html_is_one_file_with_the_table_and_a_chart_by_week() {
    let dir = scratch();
    let path = dir.path().join("report.html");
    let (code, out, _) = todo(&["--format", "html", "--output", path.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (1, ""), "the report goes to the file");
    let html = std::fs::read_to_string(&path).unwrap();
    let doc = parse_html(&html);
    let root = doc.root_element();
    // Self-contained: no script, nothing fetched.
    assert!(
        all(root, "script").is_empty()
            && all(root, "link").is_empty()
            && all(root, "img").is_empty()
    );
    assert!(root
        .descendants()
        .all(|n| n.attribute("src").is_none() && n.attribute("href").is_none()));

    let table = all(root, "table")
        .into_iter()
        .find(|t| class_of(t) == "todo")
        .expect("the to-do table");
    let rows: Vec<_> = all(table, "tr")
        .into_iter()
        .filter(|r| matches!(class_of(r), "overdue" | "upcoming"))
        .collect();
    let got: BTreeSet<_> = rows
        .iter()
        .map(|r| {
            let cells: Vec<String> = all(*r, "td")
                .iter()
                .map(|c| c.text().unwrap_or("").to_string())
                .collect();
            (
                cells[2].clone(),
                class_of(r).to_string(),
                r.attribute("data-rule").unwrap().to_string(),
                cells[0].clone(),
            )
        })
        .collect();
    assert_eq!(got, expected_nightly());
    let units: Vec<String> = all(table, "tr")
        .iter()
        .filter(|r| class_of(r) == "unit")
        .map(|r| all(*r, "th")[0].text().unwrap().to_string())
        .collect();
    assert_eq!(
        units,
        [
            "曲阜市人民政府办公室",
            "曲阜市住房和城乡建设局",
            "曲阜市城市管理局",
            "曲阜市文化和旅游局"
        ]
    );

    let svg = all(root, "svg").pop().expect("the chart");
    assert_eq!(
        svg.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let bars = |kind: &str| -> Vec<(String, u64)> {
        all(svg, "rect")
            .iter()
            .filter(|r| class_of(r) == format!("bar {kind}"))
            .map(|r| {
                (
                    r.attribute("data-week").unwrap().to_string(),
                    r.attribute("data-count").unwrap().parse().unwrap(),
                )
            })
            .collect()
    };
    let (overdue, upcoming) = (bars("overdue"), bars("upcoming"));
    assert_eq!(overdue.iter().map(|b| b.1).sum::<u64>(), 7);
    assert_eq!(upcoming.iter().map(|b| b.1).sum::<u64>(), 2);
    // Both upcoming deadlines (12-29 and 01-01) fall in the week of Monday 2026-12-28.
    assert!(upcoming.contains(&("2026-12-28".into(), 2)), "{upcoming:?}");
    // The four periodic obligations of 2026-06-30 share the first week shown.
    assert_eq!(overdue[0], ("2026-06-29".into(), 4));
    assert!(overdue.contains(&("2026-10-26".into(), 1)), "{overdue:?}");
    // The horizon's week is drawn.
    assert!(overdue.iter().any(|b| b.0 == "2027-01-04"), "{overdue:?}");
    // The unknown-calendar date is marked.
    assert!(html.contains(r#"2027-01-01<span class="unknown""#));
}

#[test]
fn the_table_groups_by_unit_and_sorts_by_due_date() {
    let (code, out, _) = todo(&[]);
    assert_eq!(code, 1);
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("待办事项  截至 2026-12-28（含其后 14 天内到期）：6 条记录，7 项逾期（3 个项目），2 项即将到期"), "{first}");
    let units: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("曲阜市"))
        .map(|l| l.split("  ").next().unwrap())
        .collect();
    assert_eq!(
        units,
        [
            "曲阜市人民政府办公室",
            "曲阜市住房和城乡建设局",
            "曲阜市城市管理局",
            "曲阜市文化和旅游局"
        ]
    );
    let culture: Vec<&str> = out
        .split("曲阜市文化和旅游局  ")
        .nth(1)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.trim_start().split("  ").next().unwrap())
        .collect();
    assert_eq!(
        culture,
        [
            "2026-06-30",
            "2026-06-30",
            "2026-06-30",
            "2026-06-30",
            "2026-12-04"
        ]
    );
    assert!(!out.contains('\x1b'), "no colour into a pipe");
}

#[test]
fn within_sets_the_horizon() {
    let upcoming = |within: &str| -> Vec<String> {
        let (_, out, _) = run(&[
            "todo",
            "examples/nightly",
            "--as-of",
            NIGHTLY_AS_OF,
            "--within",
            within,
            "--format",
            "csv",
        ]);
        let (_, rows) = csv_rows(&out);
        rows.iter()
            .filter(|r| r["kind"] == "upcoming")
            .map(|r| r["due"].clone())
            .collect()
    };
    assert_eq!(upcoming("0"), Vec::<String>::new());
    assert_eq!(upcoming("1"), ["2026-12-29"]);
    assert_eq!(upcoming("4"), ["2027-01-01", "2026-12-29"]);
}

#[test]
fn nothing_overdue_exits_0() {
    let (code, out, _) = run(&[
        "todo",
        "examples/nightly/QF-2026-040.json",
        "examples/nightly/QF-2026-003.json",
        "--as-of",
        NIGHTLY_AS_OF,
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("0 项逾期") && out.contains("1 项即将到期"),
        "{out}"
    );
}

#[test]
fn a_bad_date_or_no_records_is_a_usage_error() {
    let (code, _, err) = run(&["todo", "examples/nightly", "--as-of", "2026-02-30"]);
    assert_eq!(code, 2);
    assert!(err.contains("2026-02-30"), "{err}");
    let (code, _, err) = run(&["todo", "--as-of", NIGHTLY_AS_OF]);
    assert_eq!(code, 2, "a path is required: {err}");
}

/// The nightly samples as JSON lines.
fn jsonl() -> String {
    let mut text = String::new();
    for (_, record) in nightly() {
        text.push_str(&record.to_string());
        text.push('\n');
    }
    text
}

/// The CSV rows without their `source` column.
fn rows_without_source(out: &str) -> Vec<Vec<String>> {
    let (header, rows) = csv_rows(out);
    rows.iter()
        .map(|r| {
            header
                .iter()
                .filter(|h| *h != "source")
                .map(|h| r[h].clone())
                .collect()
        })
        .collect()
}

#[test]
fn a_directory_a_jsonl_file_and_stdin_give_the_same_report() {
    let dir = scratch();
    let lines = dir.path().join("all.jsonl");
    std::fs::write(&lines, jsonl()).unwrap();
    let args = [
        "--as-of",
        NIGHTLY_AS_OF,
        "--within",
        "14",
        "--format",
        "csv",
    ];
    let (_, from_dir, _) = run(&[&["todo", "examples/nightly"], &args[..]].concat());
    let (_, from_file, _) = run(&[&["todo", lines.to_str().unwrap()], &args[..]].concat());
    let (_, from_stdin, _) = run_with_stdin(&[&["todo", "-"], &args[..]].concat(), &jsonl());
    assert_eq!(rows_without_source(&from_dir).len(), 9);
    assert_eq!(
        rows_without_source(&from_file),
        rows_without_source(&from_dir)
    );
    assert_eq!(
        rows_without_source(&from_stdin),
        rows_without_source(&from_dir)
    );
    let (_, rows) = csv_rows(&from_stdin);
    let lines: BTreeSet<&str> = rows.iter().map(|r| r["source"].as_str()).collect();
    assert!(lines.contains("-:2") && lines.contains("-:5"), "{lines:?}");
    // A directory and a file of it together: the record counts twice.
    let (_, json, _) = run(&[
        "todo",
        "examples/nightly",
        "examples/nightly/QF-2026-040.json",
        "--as-of",
        NIGHTLY_AS_OF,
        "--json",
    ]);
    let doc: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["summary"]["records"], 7);
}

#[test]
fn a_bad_record_in_the_middle_of_a_batch_is_reported_and_the_rest_processed() {
    let dir = scratch();
    let mut text = String::new();
    let records = nightly();
    for (i, (_, record)) in records.iter().enumerate() {
        match i {
            2 => text.push_str("{\"id\": \"QF-BAD\", \"name\": \n"),
            4 => text.push_str("{\"id\": \"QF-BAD-2\", \"name\": \"n\", \"owner_unit\": \"u\", \"state\": \"flying\"}\n"),
            _ => {}
        }
        text.push_str(&record.to_string());
        text.push('\n');
    }
    text.push_str("\n\n"); // blank lines are not records
    let path = dir.path().join("batch.jsonl");
    std::fs::write(&path, text).unwrap();
    let file = path.to_str().unwrap();
    let (code, out, err) = run(&[
        "todo",
        file,
        "--as-of",
        NIGHTLY_AS_OF,
        "--within",
        "14",
        "--format",
        "json",
    ]);
    assert_eq!(
        code, 2,
        "some input invalid: exit 2, even with something overdue\n{err}"
    );
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["summary"]["records"], 8);
    assert_eq!(doc["summary"]["invalid"], 2);
    assert_eq!(
        doc["items"].as_array().unwrap().len(),
        9,
        "every good record judged"
    );
    let bad = doc["invalid"].as_array().unwrap();
    assert_eq!(
        (bad[0]["file"].as_str(), bad[0]["line"].as_u64()),
        (Some(file), Some(3))
    );
    assert_eq!(bad[0]["error"]["code"], "invalid_json");
    assert_eq!(
        (bad[1]["line"].as_u64(), bad[1]["error"]["code"].as_str()),
        (Some(6), Some("invalid_input"))
    );
    assert!(
        bad[1]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("flying"),
        "{bad:?}"
    );
    // Each said on stderr too, with its file and line.
    assert!(
        err.contains(&format!("govit: {file}:3: 不是合法的 JSON")),
        "{err}"
    );
    assert!(
        err.contains(&format!("govit: {file}:6: 内容不符合要求")),
        "{err}"
    );

    // The table lists them, and an unreadable file is a bad record like another.
    let (code, out, _) = run(&["todo", file, "no/such.json", "--as-of", NIGHTLY_AS_OF]);
    assert_eq!(code, 2);
    assert!(
        out.lines().next().unwrap().contains("3 条记录无效"),
        "{out}"
    );
    assert!(out.contains("无效记录 no/such.json:1"), "{out}");
    let html = dir.path().join("r.html");
    run(&[
        "todo",
        file,
        "--as-of",
        NIGHTLY_AS_OF,
        "--format",
        "html",
        "-o",
        html.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(html).unwrap();
    let doc = parse_html(&html);
    let invalid = all(doc.root_element(), "table")
        .into_iter()
        .find(|t| class_of(t) == "invalid")
        .unwrap();
    assert_eq!(all(invalid, "tr").len(), 3, "header and two bad records");
}

/// `n` distinct records: the nightly samples again and again, each with its own id.
fn many(n: usize) -> String {
    let samples: Vec<(String, String)> = nightly()
        .into_iter()
        .map(|(_, r)| (r["id"].as_str().unwrap().to_string(), r.to_string()))
        .collect();
    let mut text = String::new();
    for i in 0..n {
        let (id, record) = &samples[i % samples.len()];
        text.push_str(&record.replace(&format!("\"{id}\""), &format!("\"{id}-{i:05}\"")));
        text.push('\n');
    }
    text
}

#[test]
fn two_threads_give_the_report_of_one() {
    let dir = scratch();
    let path = dir.path().join("many.jsonl");
    std::fs::write(&path, many(600)).unwrap();
    let file = path.to_str().unwrap();
    let report = |jobs: &str| {
        let (code, out, err) = run(&[
            "todo",
            file,
            "--as-of",
            NIGHTLY_AS_OF,
            "--within",
            "14",
            "--format",
            "csv",
            "--jobs",
            jobs,
        ]);
        assert_eq!(code, 1, "{err}");
        assert_eq!(err, "", "no progress bar when stderr is not a terminal");
        out
    };
    let one = report("1");
    assert_eq!(csv_rows(&one).1.len(), 900);
    assert_eq!(report("2"), one);
}

#[test]
fn progress_shows_on_a_terminal_for_a_large_batch() {
    let dir = scratch();
    let path = dir.path().join("large.jsonl");
    std::fs::write(&path, many(800)).unwrap();
    assert!(
        std::fs::metadata(&path).unwrap().len() > 4 << 20,
        "a large batch"
    );
    let command = format!(
        "{} todo {} --as-of {NIGHTLY_AS_OF} --format csv -o {}",
        env!("CARGO_BIN_EXE_govit"),
        path.display(),
        dir.path().join("out.csv").display()
    );
    // `script` gives the tool a terminal for stderr (util-linux).
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .unwrap();
    let tty = String::from_utf8_lossy(&out.stdout);
    assert!(tty.contains("MiB") && tty.contains("eta"), "{tty:?}");
}

#[test]
fn the_output_file_is_replaced_whole() {
    let dir = scratch();
    let path = dir.path().join("todo.csv");
    std::fs::write(&path, "old report\n").unwrap();
    let (_, _, err) = todo(&["--format", "csv", "-o", path.to_str().unwrap()]);
    assert_eq!(err, "");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("project_id,") && !text.contains("old report"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        [Path::new("todo.csv").as_os_str()],
        "no temporary file left"
    );
}

#[test]
fn a_batch_of_bad_records_lists_the_first_thousand_and_counts_all() {
    let dir = scratch();
    let path = dir.path().join("bad.jsonl");
    std::fs::write(&path, "not json\n".repeat(1005)).unwrap();
    let file = path.to_str().unwrap();
    let (code, out, err) = run(&["todo", file, "--as-of", NIGHTLY_AS_OF, "--json"]);
    assert_eq!(code, 2);
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["summary"]["invalid"], 1005);
    assert_eq!(doc["invalid"].as_array().unwrap().len(), 1000);
    assert_eq!(err.lines().count(), 1005, "every one on stderr");
    let (_, out, _) = run(&["todo", file, "--as-of", NIGHTLY_AS_OF]);
    assert!(out.contains("另有 5 条无效记录未列出"), "{}", &out[..300]);
}
