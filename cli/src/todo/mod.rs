//! `govit todo`: the nightly to-do list of the big-data centre (Art 4, 41):
//! `check` as of a date over every record of a batch, giving every overdue
//! obligation (a `violation` finding) and every deadline due within the
//! horizon, sorted by due date and grouped by the owner unit.
//!
//! Records stream through: read one at a time (`input`), checked on `--jobs`
//! threads (rayon), their items sorted with bounded memory (`spool`). A record
//! that cannot be read or is invalid is reported with its file and line and
//! the kernel's error, and the batch goes on.

mod chart;
mod report;
mod spool;

use crate::docs::{self, Catalogue, KernelError, Severity};
use crate::input::{Batch, Origin, Record};
use crate::kernel::{self, Failure, Kernel};
use crate::show::View;
use crate::term::Locale;
use chrono::{Datelike, Days, NaiveDate};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::iter::{ParallelBridge, ParallelIterator};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::io::IsTerminal;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct Options {
    /// 项目记录：JSON 文件、目录（其中的 *.json、*.jsonl）、.jsonl 文件（每行一条），- 为标准输入（每行一条）
    /// / records: JSON files, directories (their *.json, *.jsonl), .jsonl files (one a line), - for stdin (one a line)
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// 检查日期 / the date of the report
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: String,
    /// 列出此后多少天内到期的事项 / list what falls due within this many days
    #[arg(long, value_name = "DAYS", default_value_t = 7)]
    within: u32,
    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// 写入文件（原子替换）而非标准输出 / write to this file (replaced atomically) instead of stdout
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// 并行线程数（默认：全部核心）/ threads (default: every core)
    #[arg(long, short, value_name = "N")]
    jobs: Option<NonZeroUsize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// 终端表格 / a table for the terminal
    Table,
    Csv,
    Json,
    /// 单个自包含的 HTML 文件，含按周统计图 / one self-contained HTML file with a chart by week
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Overdue,
    Upcoming,
}

impl Kind {
    pub fn id(self) -> &'static str {
        match self {
            Kind::Overdue => "overdue",
            Kind::Upcoming => "upcoming",
        }
    }
}

/// One line of the report. Fields are in the report's order: by unit, then
/// due date (the derived `Ord`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Item {
    pub owner_unit: String,
    pub due: Option<String>,
    pub kind: Kind,
    pub project_id: String,
    pub rule: String,
    pub name: String,
    pub state: String,
    pub article: Option<u32>,
    pub severity: Severity,
    pub message: String,
    pub message_en: String,
    /// False when the due date is in a year the calendar does not know
    /// (Monday to Friday assumed).
    pub calendar_known: bool,
    /// The record's file and line.
    pub source: String,
}

/// A record that could not be judged.
#[derive(Clone, Debug, Serialize)]
pub struct Invalid {
    pub file: String,
    pub line: usize,
    pub error: KernelError,
}

/// What a batch found, besides the items.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub records: u64,
    pub invalid: u64,
    pub overdue: u64,
    pub upcoming: u64,
    pub projects_overdue: u64,
    /// Records whose deadlines fall in a year the calendar does not know.
    pub calendar_unknown: u64,
}

#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Counts {
    pub overdue: u64,
    pub upcoming: u64,
}

impl Counts {
    fn add(&mut self, kind: Kind) {
        match kind {
            Kind::Overdue => self.overdue += 1,
            Kind::Upcoming => self.upcoming += 1,
        }
    }
}

/// A bar of the chart: a week (its Monday), or every week before the first shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Week {
    Earlier,
    Of(NaiveDate),
}

/// Overdue items older than this many weeks share the chart's first bar.
const CHART_WEEKS_BACK: u64 = 26;

/// Everything the report shows but the items.
pub struct Report {
    pub as_of: NaiveDate,
    pub within: u32,
    pub summary: Summary,
    pub units: BTreeMap<String, Counts>,
    pub weeks: BTreeMap<Week, Counts>,
    pub invalid: Vec<Invalid>,
    /// The widest project id and name, for the table.
    pub widths: (usize, usize),
}

enum Outcome {
    Judged {
        items: Vec<Item>,
        calendar_unknown: bool,
    },
    Invalid(Invalid),
}

pub fn run(
    kernel: &Kernel,
    view: &View,
    options: Options,
    json: bool,
) -> Result<ExitCode, Failure> {
    // The kernel judges the date, as it judges every date.
    kernel.day_info(&options.as_of)?;
    let as_of = NaiveDate::parse_from_str(&options.as_of, "%Y-%m-%d")
        .map_err(|e| Failure::Message(format!("--as-of {}: {e}", options.as_of)))?;
    let horizon = as_of
        .checked_add_days(Days::new(options.within.into()))
        .ok_or_else(|| Failure::Message(format!("--within {}: too far", options.within)))?;
    let catalogue = kernel.catalogue()?;
    let judge = Judge {
        kernel,
        options: kernel::check_options(Some(&options.as_of), None),
        as_of: options.as_of.clone(),
        horizon: horizon.format("%Y-%m-%d").to_string(),
        catalogue: &catalogue,
    };
    let batch = Batch::new(&options.paths)?;
    let progress = progress_bar(batch.total_bytes);
    let mut collector = Collector::new(as_of, options.within, view.locale, &progress);
    let jobs = options
        .jobs
        .map_or_else(rayon::current_num_threads, NonZeroUsize::get);
    let records = batch.records();
    if jobs == 1 {
        let mut years = HashMap::new();
        for record in records {
            progress.inc(record_len(&record));
            collector.add(judge.judge(record, &mut years))?;
        }
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(|e| Failure::Message(e.to_string()))?;
        let (tx, rx) = std::sync::mpsc::sync_channel::<Outcome>(4 * jobs);
        std::thread::scope(|s| -> Result<(), Failure> {
            let (judge, progress) = (&judge, &progress);
            s.spawn(move || {
                pool.install(|| {
                    records.par_bridge().for_each_init(
                        || (tx.clone(), HashMap::new()),
                        |(tx, years), record| {
                            progress.inc(record_len(&record));
                            // The receiver goes only on an error, which it reports.
                            let _ = tx.send(judge.judge(record, years));
                        },
                    )
                });
                drop(tx);
            });
            for outcome in rx {
                collector.add(outcome)?;
            }
            Ok(())
        })?;
    }
    let (report, items) = collector.finish()?;
    let format = if json { Format::Json } else { options.format };
    report::write(format, &report, items, options.output.as_deref(), view)?;
    Ok(ExitCode::from(if report.summary.invalid > 0 {
        2
    } else if report.summary.overdue > 0 {
        1
    } else {
        0
    }))
}

fn record_len(record: &Record) -> u64 {
    record.text.as_ref().map_or(0, |t| t.len() as u64 + 1)
}

/// A bar on stderr when it is a terminal and the batch is large: by bytes
/// when every input is a file, else a count.
fn progress_bar(total_bytes: Option<u64>) -> ProgressBar {
    const LARGE: u64 = 4 << 20;
    let show = std::io::stderr().is_terminal() && total_bytes.is_none_or(|b| b > LARGE);
    let bar = match total_bytes {
        Some(total) => ProgressBar::new(total).with_style(
            ProgressStyle::with_template(
                "{elapsed_precise} {wide_bar} {binary_bytes}/{binary_total_bytes} (eta {eta})",
            )
            .expect("template"),
        ),
        None => ProgressBar::no_length().with_style(
            ProgressStyle::with_template("{elapsed_precise} {spinner} {binary_bytes} read")
                .expect("template"),
        ),
    };
    bar.set_draw_target(if show {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    });
    bar
}

/// Judges one record; shared by the threads.
struct Judge<'a> {
    kernel: &'a Kernel,
    options: String,
    as_of: String,
    horizon: String,
    catalogue: &'a Catalogue,
}

impl Judge<'_> {
    /// `years`: which years the calendar knows, as far as this thread has asked.
    fn judge(&self, record: Record, years: &mut HashMap<i32, bool>) -> Outcome {
        let Record { origin, text } = record;
        let invalid = |error: KernelError| {
            Outcome::Invalid(Invalid {
                file: origin.file.to_string(),
                line: origin.line,
                error,
            })
        };
        let text = match text {
            Ok(text) => text,
            Err(message) => {
                return invalid(KernelError {
                    code: "unreadable".into(),
                    message,
                    path: None,
                })
            }
        };
        let result = self
            .kernel
            .check_with(&text, &self.options)
            .and_then(|doc| kernel::read::<docs::Check>(&doc));
        match result {
            Ok(check) => self.items(check, &text, &origin, years),
            Err(Failure::Kernel(doc)) => invalid(
                kernel::read::<docs::ErrorDoc>(&doc)
                    .map(|d| d.error)
                    .unwrap_or_else(|_| KernelError {
                        code: "internal".into(),
                        message: doc,
                        path: None,
                    }),
            ),
            Err(other) => invalid(KernelError {
                code: "internal".into(),
                message: other.render(false, Locale::En),
                path: None,
            }),
        }
    }

    fn items(
        &self,
        check: docs::Check,
        record: &str,
        origin: &Origin,
        years: &mut HashMap<i32, bool>,
    ) -> Outcome {
        let calendar_unknown = check
            .findings
            .iter()
            .any(|f| f.rule == "calendar.year_unknown");
        let due_soon = |d: &&docs::Deadline| d.due >= self.as_of && d.due <= self.horizon;
        let overdue = |f: &&docs::Finding| f.severity == Severity::Violation;
        if !check.findings.iter().any(|f| overdue(&f))
            && !check.deadlines.iter().any(|d| due_soon(&d))
        {
            return Outcome::Judged {
                items: Vec::new(),
                calendar_unknown,
            };
        }
        // The record's name and unit, read only for a record with something to list.
        let head: docs::Head = kernel::read(record).unwrap_or_default();
        let mut known = |due: &Option<String>| -> bool {
            let Some(year) = due.as_deref().and_then(|d| d.get(..4)?.parse::<i32>().ok()) else {
                return true;
            };
            *years.entry(year).or_insert_with(|| {
                self.kernel
                    .calendar_knows(&format!("{year:04}-01-01"))
                    .unwrap_or(true)
            })
        };
        let source = origin.to_string();
        let item =
            |kind, rule: String, due: Option<String>, message: String, message_en: String| Item {
                owner_unit: head.owner_unit.clone(),
                due,
                kind,
                project_id: check.project_id.clone(),
                name: head.name.clone(),
                state: check.state.clone(),
                article: None,
                severity: Severity::Violation,
                rule,
                message,
                message_en,
                calendar_known: true,
                source: source.clone(),
            };
        let mut items = Vec::new();
        // Overdue: the violations as of the date (Art 28, 35, 36, 38, 39, 41).
        for f in check.findings.iter().filter(overdue) {
            let mut it = item(
                Kind::Overdue,
                f.rule.clone(),
                f.due.clone(),
                f.message.clone(),
                f.message_en.clone(),
            );
            it.article = f.article;
            it.calendar_known = known(&it.due);
            items.push(it);
        }
        // Upcoming: the deadlines from the date to the horizon.
        for d in check.deadlines.iter().filter(due_soon) {
            let rule = self.catalogue.get(&d.rule);
            let title = |locale| rule.map_or(d.rule.as_str(), |r| r.title(locale));
            let mut it = item(
                Kind::Upcoming,
                d.rule.clone(),
                Some(d.due.clone()),
                format!(
                    "应于 {} 前办理“{}”（逾期即：{}）",
                    d.due,
                    d.event,
                    title(Locale::Zh)
                ),
                format!(
                    "Send `{}` by {} (late means: {})",
                    d.event,
                    d.due,
                    title(Locale::En)
                ),
            );
            if let Some(r) = rule {
                it.article = r.article;
                it.severity = r.severity;
            }
            it.calendar_known = known(&it.due);
            items.push(it);
        }
        Outcome::Judged {
            items,
            calendar_unknown,
        }
    }
}

/// Gathers the outcomes: items into the spool, counts for the summary,
/// the units and the chart.
struct Collector<'a> {
    spool: spool::Spool,
    report: Report,
    first_week: NaiveDate,
    locale: Locale,
    progress: &'a ProgressBar,
}

/// Invalid records listed in the report (all are counted, and said on stderr).
const INVALID_LISTED: usize = 1000;

fn monday(date: NaiveDate) -> NaiveDate {
    date - Days::new(date.weekday().num_days_from_monday().into())
}

impl<'a> Collector<'a> {
    fn new(as_of: NaiveDate, within: u32, locale: Locale, progress: &'a ProgressBar) -> Self {
        Collector {
            spool: spool::Spool::new(),
            locale,
            progress,
            first_week: monday(as_of) - Days::new(7 * CHART_WEEKS_BACK),
            report: Report {
                as_of,
                within,
                summary: Summary::default(),
                units: BTreeMap::new(),
                weeks: BTreeMap::new(),
                invalid: Vec::new(),
                widths: (0, 0),
            },
        }
    }

    fn add(&mut self, outcome: Outcome) -> Result<(), Failure> {
        let r = &mut self.report;
        r.summary.records += 1;
        match outcome {
            Outcome::Invalid(bad) => {
                r.summary.invalid += 1;
                // Each on stderr as it comes; the first ones in the report too.
                self.progress.suspend(|| {
                    eprintln!(
                        "govit: {}:{}: {}",
                        bad.file,
                        bad.line,
                        bad.error.sentence(self.locale)
                    )
                });
                if r.invalid.len() < INVALID_LISTED {
                    r.invalid.push(bad);
                }
            }
            Outcome::Judged {
                items,
                calendar_unknown,
            } => {
                r.summary.calendar_unknown += u64::from(calendar_unknown);
                r.summary.projects_overdue +=
                    u64::from(items.iter().any(|i| i.kind == Kind::Overdue));
                for item in items {
                    match item.kind {
                        Kind::Overdue => r.summary.overdue += 1,
                        Kind::Upcoming => r.summary.upcoming += 1,
                    }
                    r.units
                        .entry(item.owner_unit.clone())
                        .or_default()
                        .add(item.kind);
                    if let Some(due) = item
                        .due
                        .as_deref()
                        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    {
                        let week = match monday(due) {
                            w if w < self.first_week => Week::Earlier,
                            w => Week::Of(w),
                        };
                        r.weeks.entry(week).or_default().add(item.kind);
                    }
                    r.widths.0 = r.widths.0.max(crate::term::text_width(&item.project_id));
                    r.widths.1 = r.widths.1.max(crate::term::text_width(&item.name));
                    self.spool
                        .push(item)
                        .map_err(|e| Failure::Message(format!("spool: {e}")))?;
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<(Report, spool::Items), Failure> {
        self.progress.finish_and_clear();
        let mut report = self.report;
        report
            .invalid
            .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        let items = self
            .spool
            .sorted()
            .map_err(|e| Failure::Message(format!("spool: {e}")))?;
        Ok((report, items))
    }
}
