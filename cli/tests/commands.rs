//! The subcommands for one record, run as a subprocess on files: what a person
//! reads, what `--json` prints (the kernel's document, byte for byte), the
//! exit codes, and colour only on a terminal.

mod support;

use serde_json::Value;
use support::*;

fn kernel() -> govit::Engine {
    govit::Engine::new(None).expect("engine")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).expect(path)
}

#[test]
fn check_opens_with_a_summary_line_then_the_findings_table() {
    let (code, out, err) = run(&[
        "check",
        "examples/nightly/QF-2026-017.json",
        "--as-of",
        NIGHTLY_AS_OF,
    ]);
    assert_eq!(code, 1, "a violation: exit 1\n{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    let summary = lines[0];
    for part in [
        "QF-2026-017",
        "曲阜市文旅惠民服务平台",
        "曲阜市文化和旅游局",
        // The state in the clerk's words, from the kernel's lifecycle.
        "状态：已发出中标（成交）通知书",
        "截至 2026-12-28",
        "1 项违规",
    ] {
        assert!(summary.contains(part), "summary lacks {part}: {summary}");
    }
    // The table: header, then one row per finding, severity first.
    let header = lines
        .iter()
        .position(|l| l.starts_with("严重程度"))
        .expect("table header");
    assert!(
        lines[header].contains("说明")
            && lines[header].contains("依据")
            && lines[header].contains("期限")
    );
    let row = lines[header + 2..]
        .iter()
        .find(|l| l.starts_with("违规"))
        .expect("the violation's row");
    assert!(
        row.contains("第二十八条") && row.contains("2026-12-04"),
        "{row}"
    );
    assert!(out.contains("依据：《曲阜市政务信息化项目建设管理办法》"));
    // Deadlines and what may come next.
    assert!(
        out.contains("期限\n  2026-12-04  办理“签订采购合同”"),
        "{out}"
    );
    assert!(
        out.contains("当前状态下的事项（加 --actor 查看能否办理）：签订采购合同、"),
        "{out}"
    );
    assert!(!out.contains('{'), "no JSON for a person: {out}");
}

#[test]
fn check_in_english_and_without_findings() {
    let (code, out, _) = run(&[
        "check",
        "examples/nightly/QF-2026-017.json",
        "--as-of",
        NIGHTLY_AS_OF,
        "--locale",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("state: Award notice issued") && out.contains("1 violation"),
        "{out}"
    );
    assert!(
        out.contains("severity")
            && out.contains("Events of this state (--actor to see which may be taken): "),
        "{out}"
    );
    // The kernel's English message, not the Chinese one.
    assert!(!out.contains("中标（成交）通知书于"), "{out}");

    let (code, out, _) = run(&["check", "examples/projects/shandong-tong-internal.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.lines().next().unwrap().contains("无违规事项"), "{out}");
}

#[test]
fn json_prints_the_kernel_documents_unchanged() {
    let k = kernel();
    let record = read("examples/nightly/QF-2026-017.json");
    let options = format!(
        r#"{{"as_of":"{NIGHTLY_AS_OF}","actor":{{"role":"construction_unit","unit":"曲阜市文化和旅游局"}}}}"#
    );
    let (_, out, _) = run(&[
        "check",
        "examples/nightly/QF-2026-017.json",
        "--as-of",
        NIGHTLY_AS_OF,
        "--actor",
        "construction_unit:曲阜市文化和旅游局",
        "--json",
    ]);
    assert_eq!(out, k.check_json(&record, Some(&options)).unwrap() + "\n");

    let (project, event) = (
        read("examples/projects/public-service.json"),
        read("examples/events/submit-demand.json"),
    );
    let (code, out, _) = run(&[
        "apply",
        "examples/projects/public-service.json",
        "examples/events/submit-demand.json",
        "--json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(out, k.apply_json(&project, &event).unwrap() + "\n");

    let cases: [(&[&str], String); 4] = [
        (
            &["verify", "examples/nightly/QF-2024-012.json"],
            k.verify_json(&read("examples/nightly/QF-2024-012.json"))
                .unwrap(),
        ),
        (&["rules"], k.rules_json()),
        (
            &["day", "2026-10-01"],
            k.day_info_json("2026-10-01").unwrap(),
        ),
        (
            &["add-days", "2025-09-26", "-3"],
            k.add_working_days_json("2025-09-26", -3).unwrap(),
        ),
    ];
    for (args, doc) in cases {
        let mut args = args.to_vec();
        args.push("--json");
        let (code, out, _) = run(&args);
        assert_eq!((code, out), (0, doc + "\n"), "{args:?}");
    }
}

#[test]
fn check_passes_the_actor_to_the_kernel() {
    let allowed = |actor: &str| -> Vec<String> {
        let (_, out, _) = run(&[
            "check",
            "examples/nightly/QF-2026-017.json",
            "--actor",
            actor,
            "--json",
        ]);
        let doc: Value = serde_json::from_str(&out).unwrap();
        doc["allowed_events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e.as_str().unwrap().to_string())
            .collect()
    };
    let owner = allowed("construction_unit:曲阜市文化和旅游局");
    let other = allowed("construction_unit:曲阜市城市管理局");
    assert!(owner.contains(&"sign_contract".to_string()), "{owner:?}");
    assert!(
        !other.contains(&"sign_contract".to_string()),
        "another unit may not sign: {other:?}"
    );
}

#[test]
fn apply_shows_the_decision() {
    let (code, out, _) = run(&[
        "apply",
        "examples/projects/public-service.json",
        "examples/events/submit-demand.json",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("✔ 已受理  草稿 → 需求评审中"), "{out}");

    let (code, out, _) = run(&[
        "apply",
        "examples/projects/public-service.json",
        "examples/events/start-procurement-too-early.json",
    ]);
    assert_eq!(code, 1, "refused: exit 1\n{out}");
    assert!(out.starts_with("✘ 不予办理  仍为 草稿  1 项阻止"), "{out}");
    let row = out
        .lines()
        .find(|l| l.starts_with("阻止"))
        .expect("the block's row");
    assert!(
        row.contains("项目尚未立项") && row.contains("第四十四条"),
        "{row}"
    );
}

#[test]
fn verify_says_whether_the_record_was_edited() {
    let (code, out, _) = run(&["verify", "examples/nightly/QF-2024-012.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("✔ 记录完整"), "{out}");

    let dir = scratch();
    let mut record: Value =
        serde_json::from_str(&read("examples/nightly/QF-2024-012.json")).unwrap();
    record["history"][3]["event"]["date"] = "2024-08-27".into();
    let path = dir.path().join("edited.json");
    std::fs::write(&path, record.to_string()).unwrap();
    let (code, out, _) = run(&["verify", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("✘ 记录被改动"), "{out}");
    assert!(
        out.contains("条目") && out.lines().count() >= 5,
        "a table of problems: {out}"
    );
}

#[test]
fn rules_lists_the_whole_catalogue() {
    let rules: Vec<Value> = serde_json::from_str(&kernel().rules_json()).unwrap();
    let (code, out, _) = run(&["rules"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with(&format!("规则目录：{} 条", rules.len())),
        "{out}"
    );
    for r in &rules {
        let id = r["rule"].as_str().unwrap();
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("{id} missing"));
        assert!(line.contains(r["title"].as_str().unwrap()), "{line}");
    }
}

#[test]
fn day_and_add_days_speak_of_the_calendar() {
    let (code, out, _) = run(&["day", "2026-10-01"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "2026-10-01  法定节假日  不上班\n")
    );
    let (_, out, _) = run(&["day", "2026-10-10", "--locale", "en"]);
    assert_eq!(out, "2026-10-10  an adjusted working day  working day\n");
    let (_, out, _) = run(&["day", "2031-03-03"]);
    assert!(out.contains("日历未收录该年份"), "{out}");

    let (code, out, _) = run(&["add-days", "2025-09-26", "10"]);
    assert_eq!(code, 0);
    let expected: Value =
        serde_json::from_str(&kernel().add_working_days_json("2025-09-26", 10).unwrap()).unwrap();
    assert_eq!(
        out,
        format!(
            "2025-09-26 之后第 10 个工作日：{}\n",
            expected["date"].as_str().unwrap()
        )
    );
    let (_, out, _) = run(&["add-days", "2025-10-09", "-2", "--locale", "en"]);
    assert!(
        out.starts_with("2 working days before 2025-10-09: "),
        "{out}"
    );
}

#[test]
fn invalid_input_exits_2_with_the_kernel_error() {
    let dir = scratch();
    let path = dir.path().join("bad.json");
    std::fs::write(
        &path,
        r#"{"id": "X", "name": "n", "owner_unit": "u", "budget_yuan": "-1"}"#,
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let (code, out, err) = run(&["check", path]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("govit: 内容不符合要求：") && err.contains("budget_yuan"),
        "{err}"
    );
    let (code, _, err) = run(&["check", path, "--json"]);
    assert_eq!(code, 2);
    let doc: Value = serde_json::from_str(&err).expect("the error document on stderr");
    assert_eq!(doc["error"]["code"], "invalid_input");
    assert_eq!(doc["error"]["path"], "$.budget_yuan");

    let (code, _, err) = run(&["check", "no/such/record.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/record.json"), "{err}");
    let (code, _, err) = run(&["day", "2025-02-30"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, _) = run(&["frobnicate"]);
    assert_eq!(code, 2, "a usage error");
}

#[test]
fn a_record_from_stdin() {
    let record = read("examples/nightly/QF-2026-017.json");
    let (code, out, _) = run_with_stdin(&["check", "-", "--as-of", NIGHTLY_AS_OF], &record);
    assert_eq!(code, 1);
    assert!(out.starts_with("QF-2026-017 "), "{out}");
}

#[test]
fn help_is_in_chinese_and_english() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("检查项目") && out.contains("check a project"),
        "{out}"
    );
    let (_, out, _) = run(&["todo", "--help"]);
    assert!(
        out.contains("输出格式") && out.contains("output format") && out.contains("--within"),
        "{out}"
    );
}

const ESC: char = '\x1b';

#[test]
fn no_colour_when_stdout_is_not_a_terminal() {
    let args = [
        "check",
        "examples/nightly/QF-2026-017.json",
        "--as-of",
        NIGHTLY_AS_OF,
    ];
    let (_, out, _) = run(&args);
    assert!(!out.contains(ESC), "{out:?}");
    // What `always` adds is what `auto` leaves out.
    let (_, coloured, _) = run(&[&args[..], &["--color", "always"]].concat());
    assert!(coloured.contains("\x1b[31m违规\x1b[0m"), "{coloured:?}");
}

/// Runs the tool on a terminal (a pseudo-terminal from `script`, util-linux).
fn on_a_terminal(args: &str, no_colour: bool) -> String {
    let mut c = std::process::Command::new("script");
    c.args([
        "-qec",
        &format!("{} {args}", env!("CARGO_BIN_EXE_govit")),
        "/dev/null",
    ])
    .current_dir(root())
    .env_remove("NO_COLOR");
    if no_colour {
        c.env("NO_COLOR", "1");
    }
    let out = c.output().expect("script (util-linux)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn colour_on_a_terminal_unless_no_color() {
    let args = format!("check examples/nightly/QF-2026-017.json --as-of {NIGHTLY_AS_OF}");
    let tty = on_a_terminal(&args, false);
    assert!(tty.contains("\x1b[31m违规\x1b[0m"), "{tty:?}");
    let tty = on_a_terminal(&args, true);
    assert!(tty.contains("违规") && !tty.contains(ESC), "{tty:?}");
}

#[test]
fn the_readme_shows_what_the_first_command_prints() {
    let readme = read("README.md");
    let start = readme
        .find("```text\nQF-2026-017")
        .expect("the output block")
        + "```text\n".len();
    let block = &readme[start..start + readme[start..].find("```").unwrap()];
    let out = govit()
        .args([
            "check",
            "examples/nightly/QF-2026-017.json",
            "--as-of",
            NIGHTLY_AS_OF,
        ])
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        block,
        "update the README's output of the first command"
    );
    assert!(readme.contains(
        "cargo run --release -- check examples/nightly/QF-2026-017.json --as-of 2026-12-28"
    ));
}

#[test]
fn preview_shows_the_decision_and_writes_nothing() {
    let record =
        std::fs::read_to_string(root().join("examples/projects/public-service.json")).unwrap();
    let (code, out, _) = run(&[
        "preview",
        "examples/projects/public-service.json",
        "examples/events/submit-demand.json",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("预审（未办理）：✔ 已受理  草稿 → 需求评审中"),
        "{out}"
    );
    let after =
        std::fs::read_to_string(root().join("examples/projects/public-service.json")).unwrap();
    assert_eq!(after, record);
    // --json is the kernel's preview document: the decision without a record.
    let (_, json, _) = run(&[
        "preview",
        "examples/projects/public-service.json",
        "examples/events/submit-demand.json",
        "--json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["accepted"], true);
    assert!(doc.get("project").is_none());
}

#[test]
fn lifecycle_lists_every_event_with_who_and_where() {
    let (code, out, _) = run(&["lifecycle"]);
    assert_eq!(code, 0);
    assert!(out.contains("签订采购合同  (sign_contract)\n  办理部门：项目建设单位\n  状态：已发出中标（成交）通知书 → 已签订合同"), "{out}");
    assert!(out.contains("采购方式（必填）"), "{out}");
    let (_, en, _) = run(&["lifecycle", "--locale", "en"]);
    assert!(en.contains("Sign the contract  (sign_contract)"), "{en}");
    let (_, json, _) = run(&["lifecycle", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["events"].as_array().unwrap().len(), 41);
}
