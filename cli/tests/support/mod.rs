//! Shared by the tests of the `govit` tool: running it as a subprocess, and
//! records with a history, built by walking a sample project through the
//! kernel's `apply` (its JSON API) event by event, every event accepted.
//!
//! `nightly()` is the set in `examples/nightly/`, the README's nightly report
//! (as of `NIGHTLY_AS_OF`): one project of each kind of to-do.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const NIGHTLY_AS_OF: &str = "2026-12-28";

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The tool, with no colour setting from the environment.
pub fn govit() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govit"));
    c.env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .current_dir(root())
        .stdin(Stdio::null());
    c
}

/// Runs the tool with `args`; stdout and stderr as text.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = govit().args(args).output().expect("run govit");
    result(out)
}

/// Runs the tool with `stdin` on its standard input.
pub fn run_with_stdin(args: &[&str], stdin: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child = govit()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn govit");
    // The tool may answer (and exit) before reading its input, e.g. to refuse an
    // option: a closed pipe is then not the test's failure.
    if let Err(e) = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
    {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    result(child.wait_with_output().expect("wait"))
}

fn result(out: Output) -> (i32, String, String) {
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

pub fn sample(name: &str) -> Value {
    let path = root().join(format!("examples/projects/{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("sample")).expect("JSON")
}

/// `base` with the keys of `patch` replaced.
pub fn with(mut base: Value, patch: Value) -> Value {
    for (k, v) in patch.as_object().expect("object") {
        base[k] = v.clone();
    }
    base
}

/// The unit that acts as `construction_unit` for `project` (Art 15: the lead department).
fn acting_unit(project: &Value) -> Value {
    match (&project["lead_department"], &project["cross_department"]) {
        (Value::String(lead), Value::Bool(true)) => json!(lead),
        _ => project["owner_unit"].clone(),
    }
}

/// The event `kind` on `date` for `project`, by the role and with the data the
/// standard path gives it (the documents and facts that meet every obligation);
/// keys of `data` are added.
pub fn event(project: &Value, kind: &str, date: &str, data: Value) -> Value {
    let role = match kind {
        "pass_demand_review"
        | "pass_technical_review"
        | "approve"
        | "pass_final_acceptance"
        | "order_rectification" => "big_data_center",
        "approve_budget" => "finance",
        _ => "construction_unit",
    };
    let mut standard = match kind {
        "submit_demand" => json!({"documents": ["party_committee_decision", "overall_plan"]}),
        "pass_demand_review" | "pass_technical_review" => {
            json!({"documents": ["review_opinion"]})
        }
        "approve_budget" => json!({"copied_to_big_data_center": true}),
        "submit_technical" => {
            json!({"documents": ["construction_plan", "crypto_plan", "feasibility_study",
            "secure_reliable_statement", "security_responsibility_statement", "data_sharing_plan"]})
        }
        "file_responsibility_letter" => json!({"documents": ["responsibility_letter"]}),
        "start_procurement" => json!({"method": project["procurement_method"]}),
        "award_bid" => json!({"notice_date": date, "supplier": "山东浪潮数字政府有限公司"}),
        "sign_contract" => json!({
            "clauses": ["name", "subject_scope", "performance_plan", "confidentiality", "result_ownership",
                "acceptance_criteria", "glossary", "ip_ownership", "data_ownership", "ip_liability",
                "implementation_period", "warranty_terms"],
            "legal_review": true, "legal_counsel": "山东孔孟律师事务所",
            "implementation_months": 12, "warranty_months": 24}),
        "start_implementation" => {
            json!({"implementing_agency": "信息中心", "responsible_person": "孔令华"})
        }
        "report_progress" => json!({"spent_yuan": "120000.00"}),
        "pass_preliminary_acceptance" => json!({"documents": ["mlps_filing"]}),
        "pass_final_acceptance" => {
            json!({"actual_cost_yuan": project["budget_yuan"], "documents": ["acceptance_opinion"]})
        }
        _ => json!({}),
    };
    for (k, v) in data.as_object().expect("object") {
        standard[k] = v.clone();
    }
    let actor = if role == "construction_unit" {
        json!({"role": role, "unit": acting_unit(project)})
    } else {
        json!({"role": role})
    };
    json!({"type": kind, "date": date, "actor": actor, "data": standard})
}

/// The standard path's events, from `submit_demand` on, on `dates` (one per event).
pub const PATH: [&str; 18] = [
    "submit_demand",
    "pass_demand_review",
    "submit_technical",
    "pass_technical_review",
    "approve",
    "approve_budget",
    "file_responsibility_letter",
    "start_procurement",
    "award_bid",
    "sign_contract",
    "file_contract",
    "start_implementation",
    "report_progress",
    "record_assessment",
    "record_assessment",
    "pass_preliminary_acceptance",
    "apply_final_acceptance",
    "pass_final_acceptance",
];

/// The first `dates.len()` events of the standard path, on those dates.
pub fn path(project: &Value, dates: &[&str]) -> Vec<Value> {
    dates
        .iter()
        .enumerate()
        .map(|(i, date)| {
            let data = match i {
                13 => json!({"kind": "crypto_assessment", "documents": ["crypto_assessment"]}),
                14 => json!({"kind": "risk_assessment", "documents": ["risk_assessment"]}),
                _ => json!({}),
            };
            event(project, PATH[i], date, data)
        })
        .collect()
}

/// `project` after `events`, each applied by the kernel and accepted.
pub fn walk(project: &Value, events: &[Value]) -> Value {
    let engine = govit::Engine::new(None).expect("engine");
    let mut record = project.to_string();
    for e in events {
        let out: Value =
            serde_json::from_str(&engine.apply_json(&record, &e.to_string()).expect("apply"))
                .expect("JSON");
        assert_eq!(out["accepted"], true, "{e} refused: {}", out["findings"]);
        record = out["project"].to_string();
    }
    serde_json::from_str(&record).expect("JSON")
}

/// A record as `govit apply --write` writes it.
pub fn pretty(record: &Value) -> String {
    serde_json::to_string_pretty(record).expect("serialises") + "\n"
}

/// The records of `examples/nightly/` (file name, record), as of `NIGHTLY_AS_OF`.
pub fn nightly() -> Vec<(&'static str, Value)> {
    // Dates of the standard path in 2026, up to the award notice.
    const Y2026: [&str; 8] = [
        "2026-03-02",
        "2026-03-16",
        "2026-04-01",
        "2026-04-20",
        "2026-05-06",
        "2026-06-01",
        "2026-06-08",
        "2026-07-01",
    ];
    let awarded = |base: Value, notice: &str| {
        let mut dates = Y2026.to_vec();
        dates.push(notice);
        walk(&base, &path(&base, &dates))
    };
    let public = sample("public-service");
    let internal = sample("shandong-tong-internal");
    let command = sample("major-command-platform");
    let attached = sample("construction-attached");

    // Awarded 2026-11-20, not signed: Art 28's 10 working days ran out on 2026-12-04.
    let signing_late = awarded(
        with(
            public.clone(),
            json!({"id": "QF-2026-017", "planned_completion": "2027-12-31"}),
        ),
        "2026-11-20",
    );
    // Awarded 2026-12-18: the signing deadline falls in 2027, a year the calendar does not know.
    let signing_due = awarded(
        with(
            internal,
            json!({"id": "QF-2026-009", "planned_completion": "2027-06-30"}),
        ),
        "2026-12-18",
    );
    // Signed 2026-12-15, not yet filed: due 2026-12-29.
    let command = with(command, json!({"id": "QF-2026-003"}));
    let mut dates = Y2026.to_vec();
    dates.extend(["2026-12-07", "2026-12-15"]);
    let filing_due = walk(&command, &path(&command, &dates));
    // Implementing past its planned completion (2026-10-31), and a rectification
    // order of the finance bureau past its deadline.
    let dates = [
        "2025-03-03",
        "2025-03-17",
        "2025-04-01",
        "2025-04-21",
        "2025-05-06",
        "2025-06-03",
        "2025-06-10",
        "2025-07-01",
        "2025-09-26",
        "2025-10-16",
        "2025-10-24",
        "2025-11-03",
        "2026-03-02",
    ];
    let mut events = path(&attached, &dates);
    events.push(with(
        event(
            &attached,
            "order_rectification",
            "2026-11-16",
            json!({"order_id": "CZ-2026-31", "issues": ["项目资金支付进度与合同约定不符"], "deadline": "2026-12-15"}),
        ),
        json!({"actor": {"role": "finance"}}),
    ));
    let implementing = walk(&attached, &events);
    // In operation since 2025-06-30: assessments a year old, no self-evaluation.
    let operating = with(
        public.clone(),
        json!({"id": "QF-2024-012", "name": "曲阜市智慧文旅票务系统", "planned_completion": "2025-06-30",
               "budget_yuan": "1200000.00", "security_budget_yuan": "72000.00"}),
    );
    let dates = [
        "2024-07-15",
        "2024-07-29",
        "2024-08-12",
        "2024-08-26",
        "2024-09-09",
        "2024-09-23",
        "2024-09-30",
        "2024-10-14",
        "2024-11-15",
        "2024-11-27",
        "2024-12-04",
        "2024-12-09",
        "2025-03-03",
        "2025-05-12",
        "2025-05-14",
        "2025-06-03",
        "2025-06-09",
        "2025-06-30",
    ];
    let operating = walk(&operating, &path(&operating, &dates));
    // A new demand, nothing due yet.
    let draft = with(
        public,
        json!({"id": "QF-2026-040", "name": "曲阜市孔子文化数字展馆"}),
    );

    vec![
        ("QF-2024-012.json", operating),
        ("QF-2025-021.json", implementing),
        ("QF-2026-003.json", filing_due),
        ("QF-2026-009.json", signing_due),
        ("QF-2026-017.json", signing_late),
        ("QF-2026-040.json", draft),
    ]
}

/// A fresh directory under the target directory, removed when dropped.
pub fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("govit-cli-test-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("scratch directory")
}
