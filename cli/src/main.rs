//! `govit`: the command-line tool of the big-data centre (市大数据中心) for the
//! Qufu measures (《曲阜市政务信息化项目建设管理办法》).
//!
//! Every subcommand is one call of the kernel's JSON API (`check_json`,
//! `apply_json`, …): `--json` prints the kernel's document unchanged, and
//! otherwise the document is read into the tool's own types (`docs`, shaped by
//! the contract, not by the kernel's Rust types) and shown for a person
//! (`show`). `todo` runs `check` over every record of a batch (`todo`).
//!
//! Exit codes: 0 nothing to act on; 1 a `block` or `violation` finding (for
//! `todo`: something overdue; for `verify`: an edited record); 2 invalid input.

mod docs;
mod input;
mod kernel;
mod labels;
mod show;
mod term;
mod todo;
mod write;

use clap::{Args, Parser, Subcommand};
use kernel::{Failure, Kernel};
use show::View;
use std::path::PathBuf;
use std::process::ExitCode;
use term::{ColourChoice, Locale};

#[derive(Parser)]
#[command(
    name = "govit",
    version,
    about = "按《曲阜市政务信息化项目建设管理办法》检查和办理政务信息化项目\nCheck and advance government IT projects under the Qufu measures",
    after_help = "退出码 / exit codes: 0 无需处理 / nothing to act on; 1 有阻止或违规事项（todo：有逾期）/ a block or violation finding (todo: something overdue); 2 输入无效 / invalid input"
)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct Global {
    /// 输出语言 / output language
    #[arg(long, global = true, value_enum, default_value_t = Locale::Zh)]
    locale: Locale,
    /// 原样输出内核的 JSON 文档，供程序读取 / print the kernel's JSON documents unchanged, for programs
    #[arg(long, global = true)]
    json: bool,
    /// 颜色：auto 仅在终端且未设 NO_COLOR 时着色 / colour: auto colours only a terminal without NO_COLOR
    #[arg(long, global = true, value_enum, default_value_t = ColourChoice::Auto)]
    color: ColourChoice,
    /// 内核配置文件（JSON，如补充日历年份）/ engine config file (JSON, e.g. more calendar years)
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// 检查项目：违规事项、期限、可办理事项 / check a project: findings, deadlines, allowed events
    Check {
        /// 项目记录（JSON 文件，- 为标准输入）/ the project record (JSON file, - for stdin)
        file: PathBuf,
        /// 检查日期，逾期按此计算 / the date to judge overdue obligations by
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// 办理人，如 construction_unit:曲阜市文化和旅游局 / the actor, e.g. construction_unit:曲阜市文化和旅游局
        #[arg(long, value_name = "ROLE[:UNIT]")]
        actor: Option<String>,
    },
    /// 办理事件并给出判定 / apply an event and show the decision
    Apply {
        /// 项目记录（JSON 文件，- 为标准输入）/ the project record (JSON file, - for stdin)
        file: PathBuf,
        /// 事件（JSON 文件）/ the event (JSON file)
        event: PathBuf,
        /// 事件受理后用新记录替换 FILE（原子写入）；不予办理时不改动 / replace FILE with the new record when the event is accepted (atomically); untouched when refused
        #[arg(long)]
        write: bool,
    },
    /// 预审事件：给出判定，不生成新记录 / preview an event: the decision, without a new record
    Preview {
        /// 项目记录（JSON 文件，- 为标准输入）/ the project record (JSON file, - for stdin)
        file: PathBuf,
        /// 事件（JSON 文件）/ the event (JSON file)
        event: PathBuf,
    },
    /// 办理流程：状态、事项、办理部门和表单字段 / the lifecycle: states, events, who sends them, their form fields
    Lifecycle,
    /// 核验记录的历史是否被篡改（SM3 哈希链）/ verify the record's history (SM3 hash chain)
    Verify {
        /// 项目记录（JSON 文件，- 为标准输入）/ the project record (JSON file, - for stdin)
        file: PathBuf,
    },
    /// 规则目录 / the rule catalogue
    Rules,
    /// 某日是否为工作日 / whether a date is a working day
    Day {
        /// 日期 / the date (YYYY-MM-DD)
        date: String,
    },
    /// 某日之后第 N 个工作日（当日不计）/ the N-th working day after a date (the day itself not counted)
    AddDays {
        /// 日期 / the date (YYYY-MM-DD)
        date: String,
        /// 工作日数，可为负数 / working days, may be negative
        #[arg(allow_negative_numbers = true)]
        days: i32,
    },
    /// 全部项目的待办：逾期事项和即将到期事项，按单位分组 / the to-do report over every project: overdue and upcoming, by unit
    Todo(todo::Options),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (json, locale) = (cli.global.json, cli.global.locale);
    match run(cli) {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("{}", failure.render(json, locale));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let g = &cli.global;
    let config = match &g.config {
        Some(path) => Some(input::read_text(path)?),
        None => None,
    };
    let kernel = Kernel::new(config.as_deref(), g.locale)?;
    let mut view = View::new(g.locale, g.color.enabled());
    let lifecycle: serde_json::Value = kernel::read(&kernel.lifecycle())?;
    view.labels = labels::Labels::new(&lifecycle, g.locale);
    let code = match cli.command {
        Command::Check { file, as_of, actor } => {
            let record = input::read_text(&file)?;
            let out = kernel.check(&record, as_of.as_deref(), actor.as_deref())?;
            let result: docs::Check = kernel::read(&out)?;
            print(g.json, &out, || {
                let head = kernel::read(&record)?;
                Ok(view.check(&head, &result, as_of.as_deref(), &kernel.catalogue()?))
            })?;
            exit::findings(&result.findings)
        }
        Command::Apply { file, event, write } => {
            if write && input::is_stdin(&file) {
                return Err(Failure::Message(
                    g.locale
                        .pick(
                            "--write 需要记录文件，不能是 -",
                            "--write needs a record file, not -",
                        )
                        .into(),
                ));
            }
            let record = input::read_text(&file)?;
            let out = kernel.apply(&record, &input::read_text(&event)?)?;
            let decision: docs::Decision = kernel::read(&out)?;
            let written = match (write, decision.accepted) {
                (true, true) => {
                    write::replace(&file, &kernel::record_of(&out)?)?;
                    Some(true)
                }
                (true, false) => Some(false),
                (false, _) => None,
            };
            print(
                g.json,
                &out,
                || Ok(view.decision(&decision, written, &file)),
            )?;
            exit::findings(&decision.findings)
        }
        Command::Preview { file, event } => {
            let out = kernel.preview(&input::read_text(&file)?, &input::read_text(&event)?)?;
            let decision: docs::Decision = kernel::read(&out)?;
            print(g.json, &out, || Ok(view.preview(&decision)))?;
            exit::findings(&decision.findings)
        }
        Command::Lifecycle => {
            print(g.json, &kernel.lifecycle(), || {
                Ok(view.lifecycle(&lifecycle))
            })?;
            ExitCode::SUCCESS
        }
        Command::Verify { file } => {
            let out = kernel.verify(&input::read_text(&file)?)?;
            let report: docs::Verify = kernel::read(&out)?;
            print(g.json, &out, || Ok(view.verify(&report)))?;
            exit::when(!report.valid)
        }
        Command::Rules => {
            let out = kernel.rules();
            print(g.json, &out, || {
                Ok(view.rules(&kernel::read::<Vec<_>>(&out)?))
            })?;
            ExitCode::SUCCESS
        }
        Command::Day { date } => {
            let out = kernel.day_info(&date)?;
            print(g.json, &out, || Ok(view.day(&kernel::read(&out)?)))?;
            ExitCode::SUCCESS
        }
        Command::AddDays { date, days } => {
            let out = kernel.add_working_days(&date, days)?;
            print(g.json, &out, || {
                Ok(view.add_days(&date, days, &kernel::read(&out)?))
            })?;
            ExitCode::SUCCESS
        }
        Command::Todo(options) => todo::run(&kernel, &view, options, g.json)?,
    };
    Ok(code)
}

/// Prints the kernel's document as it is (`--json`), or what `person` makes of it.
fn print(
    json: bool,
    doc: &str,
    person: impl FnOnce() -> Result<String, Failure>,
) -> Result<(), Failure> {
    if json {
        println!("{doc}");
    } else {
        print!("{}", person()?);
    }
    Ok(())
}

mod exit {
    use crate::docs::{Finding, Severity};
    use std::process::ExitCode;

    /// 1 when a finding refuses the event or records a breach.
    pub fn findings(findings: &[Finding]) -> ExitCode {
        when(
            findings
                .iter()
                .any(|f| matches!(f.severity, Severity::Block | Severity::Violation)),
        )
    }

    pub fn when(serious: bool) -> ExitCode {
        if serious {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}
