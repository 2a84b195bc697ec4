//! The main job: check a project record, or apply an event to it, and print the decision.
//!
//! ```text
//! cargo run --release --example check -- PROJECT.json [EVENT.json] [--as-of YYYY-MM-DD] [--locale en]
//! ```
//! Prints the `check` result (or, with EVENT.json, the `apply` result) as pretty JSON.
//! Exit code: 0 when there is no `block` or `violation` finding, 1 when there is,
//! 2 on invalid input (the error document goes to stderr).

use govit::Engine;
use serde_json::Value;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let mut files = Vec::new();
    let mut as_of = None;
    let mut locale = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--as-of" => as_of = Some(args.next().ok_or("--as-of needs a date YYYY-MM-DD")?),
            "--locale" => locale = Some(args.next().ok_or("--locale needs zh-CN or en")?),
            "-h" | "--help" => {
                println!(
                    "usage: check PROJECT.json [EVENT.json] [--as-of YYYY-MM-DD] [--locale en]"
                );
                return Ok(ExitCode::SUCCESS);
            }
            _ => files.push(arg),
        }
    }
    let (project_path, event_path) = match files.as_slice() {
        [p] => (p, None),
        [p, e] => (p, Some(e)),
        _ => {
            return Err(
                "usage: check PROJECT.json [EVENT.json] [--as-of YYYY-MM-DD] [--locale en]".into(),
            )
        }
    };
    let read =
        |path: &str| std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"));
    let config = locale.map(|l| serde_json::json!({ "locale": l }).to_string());
    let engine = Engine::new(config.as_deref()).map_err(|e| e.to_json())?;
    let project = read(project_path)?;
    let output = match event_path {
        Some(path) => engine.apply_json(&project, &read(path)?),
        None => {
            let options = as_of.map(|d| serde_json::json!({ "as_of": d }).to_string());
            engine.check_json(&project, options.as_deref())
        }
    }
    .map_err(|e| e.to_json())?;
    let result: Value = serde_json::from_str(&output).map_err(|e| e.to_string())?;
    println!(
        "{}",
        serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?
    );
    let serious = result["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|f| matches!(f["severity"].as_str(), Some("block") | Some("violation")));
    Ok(if serious {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
