//! The report in its four formats, each written as the sorted items stream
//! past: a table for the terminal, CSV (CONTRACT §7 columns), JSON, and one
//! self-contained HTML file with the chart by week.

use super::{chart, Item, Kind, Report};
use crate::kernel::Failure;
use crate::show::{severity_style, View};
use crate::term::{text_width, wrap, Locale, Paint, Style};
use crate::write::AtomicFile;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// CONTRACT §7, then what the tool adds.
pub const CSV_COLUMNS: [&str; 12] = [
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
    "calendar_known",
    "source",
];

pub fn write(
    format: super::Format,
    report: &Report,
    items: super::spool::Items,
    output: Option<&Path>,
    view: &View,
) -> Result<(), Failure> {
    use super::Format::*;
    let to_terminal = output.is_none();
    let paint = Paint {
        on: to_terminal && view.paint.on,
    };
    let width = if to_terminal { view.width } else { None };
    let write = |out: &mut dyn Write| -> io::Result<()> {
        match format {
            Table => table(out, report, items, view, paint, width),
            Csv => csv(out, items, view.locale),
            Json => json(out, report, items),
            Html => html(out, report, items, view),
        }
    };
    let fail = |e: io::Error| Failure::Message(format!("writing the report: {e}"));
    // A closed pipe (`| head`) is the reader's choice, not a failure.
    let done = |r: io::Result<()>| match r {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(fail),
    };
    match output {
        // A device (`/dev/stdout`) is written as it is.
        Some(path) if path.exists() && !path.is_file() => {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| Failure::io(path, e))?;
            let mut out = BufWriter::new(file);
            done(write(&mut out).and_then(|()| out.flush()))
        }
        Some(path) => {
            let mut file = BufWriter::new(AtomicFile::create(path)?);
            write(&mut file).map_err(fail)?;
            file.into_inner()
                .map_err(|e| fail(e.into_error()))?
                .commit()
        }
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            done(write(&mut out).and_then(|()| out.flush()))
        }
    }
}

fn kind_label(kind: Kind, locale: Locale) -> &'static str {
    match kind {
        Kind::Overdue => locale.pick("逾期", "overdue"),
        Kind::Upcoming => locale.pick("即将到期", "upcoming"),
    }
}

fn article(a: Option<u32>, locale: Locale) -> String {
    match (a, locale) {
        (Some(n), Locale::Zh) => format!("第{n}条"),
        (Some(n), Locale::En) => format!("Art {n}"),
        (None, _) => String::new(),
    }
}

fn message(item: &Item, locale: Locale) -> &str {
    locale.pick(&item.message, &item.message_en)
}

/// The one-line summary every format opens with (the table and HTML).
fn summary(report: &Report, locale: Locale) -> String {
    let s = &report.summary;
    let mut out = match locale {
        Locale::Zh => format!(
            "截至 {}（含其后 {} 天内到期）：{} 条记录，{} 项逾期（{} 个项目），{} 项即将到期",
            report.as_of, report.within, s.records, s.overdue, s.projects_overdue, s.upcoming
        ),
        Locale::En => format!(
            "As of {} (and due within {} days): {} records, {} overdue ({} project(s)), {} upcoming",
            report.as_of, report.within, s.records, s.overdue, s.projects_overdue, s.upcoming
        ),
    };
    if s.invalid > 0 {
        out.push_str(&match locale {
            Locale::Zh => format!("；{} 条记录无效", s.invalid),
            Locale::En => format!("; {} invalid record(s)", s.invalid),
        });
    }
    if s.calendar_unknown > 0 {
        out.push_str(&match locale {
            Locale::Zh => format!(
                "；{} 个项目的期限落在日历未收录的年份（按周一至周五推算，标 *）",
                s.calendar_unknown
            ),
            Locale::En => format!(
                "; {} project(s) with deadlines in a year the calendar does not know (Monday to Friday assumed, marked *)",
                s.calendar_unknown
            ),
        });
    }
    out
}

/// How many invalid records the report leaves out (stderr has them all).
fn unlisted(report: &Report, locale: Locale) -> Option<String> {
    let n = report.summary.invalid - report.invalid.len() as u64;
    (n > 0).then(|| match locale {
        Locale::Zh => format!("另有 {n} 条无效记录未列出，见标准错误输出"),
        Locale::En => format!("{n} more invalid records not listed: see stderr"),
    })
}

fn unit_counts(report: &Report, unit: &str, locale: Locale) -> String {
    let c = report.units.get(unit).copied().unwrap_or_default();
    match locale {
        Locale::Zh => format!("{} 项逾期，{} 项即将到期", c.overdue, c.upcoming),
        Locale::En => format!("{} overdue, {} upcoming", c.overdue, c.upcoming),
    }
}

fn due_text(item: &Item) -> String {
    let mut due = item.due.clone().unwrap_or_default();
    if !item.calendar_known {
        due.push('*');
    }
    due
}

fn pad(text: &str, width: usize) -> String {
    format!(
        "{text}{}",
        " ".repeat(width.saturating_sub(text_width(text)))
    )
}

fn table(
    out: &mut dyn Write,
    report: &Report,
    items: super::spool::Items,
    view: &View,
    paint: Paint,
    width: Option<usize>,
) -> io::Result<()> {
    let l = view.locale;
    let title = l.pick("待办事项", "To-do");
    writeln!(
        out,
        "{}  {}",
        paint.paint(Style::BOLD, title),
        summary(report, l)
    )?;
    for bad in &report.invalid {
        writeln!(
            out,
            "{}",
            paint.paint(
                Style::RED,
                &format!(
                    "  {}{}:{}  {}",
                    l.pick("无效记录 ", "invalid record "),
                    bad.file,
                    bad.line,
                    bad.error.sentence(l)
                )
            )
        )?;
    }
    if let Some(note) = unlisted(report, l) {
        writeln!(out, "{}", paint.paint(Style::RED, &format!("  {note}")))?;
    }
    let kind_w = [Kind::Overdue, Kind::Upcoming]
        .iter()
        .map(|k| text_width(kind_label(*k, l)))
        .max()
        .unwrap_or(0);
    let (id_w, name_w) = report.widths;
    let name_w = name_w.min(30);
    let fixed = 2 + 11 + 2 + kind_w + 2 + id_w + 2 + name_w + 2;
    let message_w = width.map(|w| w.saturating_sub(fixed).max(24));
    let mut unit: Option<String> = None;
    for item in items {
        let item = item?;
        if unit.as_deref() != Some(item.owner_unit.as_str()) {
            writeln!(
                out,
                "\n{}  {}",
                paint.paint(Style::BOLD, &item.owner_unit),
                paint.paint(Style::DIM, &unit_counts(report, &item.owner_unit, l))
            )?;
            unit = Some(item.owner_unit.clone());
        }
        let kind_style = match item.kind {
            Kind::Overdue => Style::RED,
            Kind::Upcoming => Style::YELLOW,
        };
        // A long name is cut to its column.
        let mut names = wrap(&item.name, name_w.saturating_sub(1));
        let mut name = names.remove(0);
        if !names.is_empty() {
            name.push('…');
        }
        // Plain text: it is wrapped by width, which colour codes would upset.
        let text = format!(
            "{} [{} {}]",
            message(&item, l),
            article(item.article, l),
            view.labels.state(&item.state)
        );
        let lines = match message_w {
            Some(w) => wrap(&text, w),
            None => vec![text],
        };
        for (i, line) in lines.iter().enumerate() {
            if i == 0 {
                writeln!(
                    out,
                    "  {}  {}  {}  {}  {line}",
                    paint.paint(severity_style(item.severity), &pad(&due_text(&item), 11)),
                    paint.paint(kind_style, &pad(kind_label(item.kind, l), kind_w)),
                    pad(&item.project_id, id_w),
                    pad(&name, name_w),
                )?;
            } else {
                writeln!(out, "{}{line}", " ".repeat(fixed))?;
            }
        }
    }
    if unit.is_none() {
        writeln!(
            out,
            "\n{}",
            paint.paint(
                Style::GREEN,
                l.pick("无逾期或即将到期的事项。", "Nothing overdue or due.")
            )
        )?;
    }
    Ok(())
}

/// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv(out: &mut dyn Write, items: super::spool::Items, locale: Locale) -> io::Result<()> {
    writeln!(out, "{}", CSV_COLUMNS.join(","))?;
    for item in items {
        let item = item?;
        let fields = [
            item.project_id.as_str(),
            &item.name,
            &item.owner_unit,
            &item.state,
            item.kind.id(),
            &item.rule,
            &item.article.map(|a| a.to_string()).unwrap_or_default(),
            item.severity.id(),
            item.due.as_deref().unwrap_or(""),
            message(&item, locale),
            if item.calendar_known { "true" } else { "false" },
            &item.source,
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        writeln!(out, "{}", row.join(","))?;
    }
    Ok(())
}

/// `{"as_of", "within_days", "summary", "units", "weeks", "invalid", "items"}`,
/// one item a line.
fn json(out: &mut dyn Write, report: &Report, items: super::spool::Items) -> io::Result<()> {
    let units: Vec<serde_json::Value> = report
        .units
        .iter()
        .map(|(unit, c)| serde_json::json!({"owner_unit": unit, "overdue": c.overdue, "upcoming": c.upcoming}))
        .collect();
    let weeks: Vec<serde_json::Value> = report
        .weeks
        .iter()
        .map(|(week, c)| {
            let week = match week {
                super::Week::Earlier => "earlier".to_string(),
                super::Week::Of(d) => d.format("%Y-%m-%d").to_string(),
            };
            serde_json::json!({"week": week, "overdue": c.overdue, "upcoming": c.upcoming})
        })
        .collect();
    let head = serde_json::json!({
        "as_of": report.as_of.format("%Y-%m-%d").to_string(),
        "within_days": report.within,
        "summary": report.summary,
        "units": units,
        "weeks": weeks,
        "invalid": report.invalid,
    })
    .to_string();
    // The head without its closing brace, then the items.
    write!(out, "{},\"items\":[", &head[..head.len() - 1])?;
    let mut first = true;
    for item in items {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &item?)?;
        first = false;
    }
    writeln!(out, "\n]}}")
}

/// Text for HTML (and XML: the page is well-formed XHTML, so tests read it as XML).
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const CSS: &str = "body{font-family:'Noto Sans CJK SC','WenQuanYi Zen Hei','Microsoft YaHei',sans-serif;margin:24px;color:#222}\
h1{font-size:22px;margin:0 0 4px}p.summary{margin:0 0 16px;color:#444}\
table{border-collapse:collapse;width:100%;font-size:13px;margin-bottom:24px}\
th,td{border-bottom:1px solid #e4e4e4;padding:5px 8px;text-align:left;vertical-align:top}\
thead th{background:#f4f4f4}tr.unit th{background:#eef3f8;font-size:14px}tr.unit th span{font-weight:normal;color:#555;margin-left:12px}\
tr.overdue td.kind{color:#c62828;font-weight:bold}tr.upcoming td.kind{color:#a86f00;font-weight:bold}\
td.due,td.kind,td.nowrap,th{white-space:nowrap}td.name{min-width:9em}.unknown{color:#a86f00}\
table.invalid td{color:#c62828}footer{color:#888;font-size:12px}";

fn html(
    out: &mut dyn Write,
    report: &Report,
    items: super::spool::Items,
    view: &View,
) -> io::Result<()> {
    let l = view.locale;
    let title = format!("{} · {}", l.pick("待办事项", "To-do"), report.as_of);
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(
        out,
        r#"<html xmlns="http://www.w3.org/1999/xhtml" lang="{}"><head><meta charset="utf-8"/><title>{}</title><style>{CSS}</style></head><body>"#,
        l.tag(),
        esc(&title)
    )?;
    writeln!(out, "<h1>{}</h1>", esc(&title))?;
    writeln!(
        out,
        r#"<p class="summary">{}</p>"#,
        esc(&summary(report, l))
    )?;
    writeln!(
        out,
        "{}",
        chart::svg(&report.weeks, report.as_of, report.within, l)
    )?;
    if !report.invalid.is_empty() {
        writeln!(out, "<h2>{}</h2>", l.pick("无效记录", "Invalid records"))?;
        writeln!(
            out,
            r#"<table class="invalid"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
            l.pick("文件", "file"),
            l.pick("行", "line"),
            l.pick("错误", "error")
        )?;
        for bad in &report.invalid {
            writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&bad.file),
                bad.line,
                esc(&bad.error.sentence(l))
            )?;
        }
        writeln!(out, "</tbody></table>")?;
        if let Some(note) = unlisted(report, l) {
            writeln!(out, "<p>{}</p>", esc(&note))?;
        }
    }
    let header = [
        l.pick("期限", "due"),
        l.pick("类别", "kind"),
        l.pick("项目", "project"),
        l.pick("名称", "name"),
        l.pick("状态", "state"),
        l.pick("条款", "article"),
        l.pick("说明", "message"),
    ];
    write!(out, r#"<table class="todo"><thead><tr>"#)?;
    for h in header {
        write!(out, "<th>{h}</th>")?;
    }
    writeln!(out, "</tr></thead>")?;
    let mut unit: Option<String> = None;
    for item in items {
        let item = item?;
        if unit.as_deref() != Some(item.owner_unit.as_str()) {
            if unit.is_some() {
                writeln!(out, "</tbody>")?;
            }
            writeln!(
                out,
                r#"<tbody><tr class="unit"><th colspan="{}">{}<span>{}</span></th></tr>"#,
                header.len(),
                esc(&item.owner_unit),
                esc(&unit_counts(report, &item.owner_unit, l))
            )?;
            unit = Some(item.owner_unit.clone());
        }
        let due = match (&item.due, item.calendar_known) {
            (Some(d), true) => esc(d),
            (Some(d), false) => format!(
                r#"{}<span class="unknown" title="{}">*</span>"#,
                esc(d),
                l.pick(
                    "日历未收录该年份，按周一至周五推算",
                    "the calendar does not know this year: Monday to Friday assumed"
                )
            ),
            (None, _) => String::new(),
        };
        writeln!(
            out,
            r#"<tr class="{}" data-rule="{}"><td class="due">{due}</td><td class="kind">{}</td><td class="nowrap">{}</td><td class="name">{}</td><td class="nowrap">{}</td><td class="nowrap">{}</td><td>{}</td></tr>"#,
            item.kind.id(),
            esc(&item.rule),
            kind_label(item.kind, l),
            esc(&item.project_id),
            esc(&item.name),
            esc(view.labels.state(&item.state)),
            article(item.article, l),
            esc(message(&item, l)),
        )?;
    }
    if unit.is_some() {
        writeln!(out, "</tbody>")?;
    }
    writeln!(out, "</table>")?;
    writeln!(
        out,
        "<footer>govit {} · 《曲阜市政务信息化项目建设管理办法》</footer></body></html>",
        env!("CARGO_PKG_VERSION")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("曲阜市"), "曲阜市");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
    }
}
