//! The kernel's documents for a person: a one-line summary first, then the
//! findings as a table (severity in colour, the message, the article, the due
//! date, and what to do when the kernel says it), then deadlines and what
//! may come next.

use crate::docs::{self, Catalogue, Finding, Severity};
use crate::labels::Labels;
use crate::term::{self, Locale, Paint, Style, Table};
use std::fmt::Write;
use std::path::Path;

pub struct View {
    pub locale: Locale,
    pub paint: Paint,
    pub width: Option<usize>,
    pub labels: Labels,
}

pub fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Block => Style::RED_BOLD,
        Severity::Violation => Style::RED,
        Severity::Warning => Style::YELLOW,
        Severity::Info => Style::CYAN,
    }
}

/// `《title》第N条` → (`《title》`, `第N条`): the measures are named once under
/// a table, the article in each row.
fn split_citation(citation: &str) -> (&str, &str) {
    match citation.find('》') {
        Some(i) if citation.starts_with('《') => citation.split_at(i + '》'.len_utf8()),
        _ => ("", citation),
    }
}

impl View {
    pub fn new(locale: Locale, colour: bool) -> View {
        View {
            locale,
            paint: Paint { on: colour },
            width: term::width(),
            labels: Labels::default(),
        }
    }

    fn pick<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        self.locale.pick(zh, en)
    }

    /// "1 项违规、2 项警告" / "1 violation, 2 warnings", or "no findings".
    fn counts(&self, findings: &[Finding]) -> String {
        let parts: Vec<String> = Severity::ALL
            .iter()
            .filter_map(|s| {
                let n = findings.iter().filter(|f| f.severity == *s).count();
                (n > 0).then(|| {
                    let text = match self.locale {
                        Locale::Zh => format!("{n} 项{}", s.label(self.locale)),
                        Locale::En => {
                            format!(
                                "{n} {}{}",
                                s.label(self.locale),
                                if n > 1 { "s" } else { "" }
                            )
                        }
                    };
                    self.paint.paint(severity_style(*s), &text)
                })
            })
            .collect();
        if parts.is_empty() {
            self.paint
                .paint(Style::GREEN, self.pick("无违规事项", "no findings"))
        } else {
            parts.join(self.pick("、", ", "))
        }
    }

    /// The findings table; the remedy column only when a finding has one.
    pub fn findings(&self, findings: &[Finding]) -> String {
        if findings.is_empty() {
            return String::new();
        }
        let due = findings.iter().any(|f| f.due.is_some());
        let remedy = findings.iter().any(|f| f.remedy.is_some());
        let mut header = vec![
            self.pick("严重程度", "severity"),
            self.pick("说明", "message"),
            self.pick("依据", "article"),
        ];
        if due {
            header.push(self.pick("期限", "due"));
        }
        if remedy {
            header.push(self.pick("怎么办", "what to do"));
        }
        let flexible = [1, header.len() - 1];
        let mut table = Table::new(&header).flexible(&flexible[..if remedy { 2 } else { 1 }]);
        let mut measures = Vec::new();
        for f in findings {
            let (title, article) = split_citation(f.citation.as_deref().unwrap_or(""));
            if !title.is_empty() && !measures.contains(&title) {
                measures.push(title);
            }
            let mut row = vec![
                (
                    f.severity.label(self.locale).to_string(),
                    severity_style(f.severity),
                ),
                (
                    self.locale.pick(&f.message, &f.message_en).to_string(),
                    Style::PLAIN,
                ),
                (
                    match self.locale {
                        Locale::Zh => article.to_string(),
                        Locale::En => f.article.map(|a| format!("Art {a}")).unwrap_or_default(),
                    },
                    Style::PLAIN,
                ),
            ];
            if due {
                row.push((f.due.clone().unwrap_or_default(), Style::PLAIN));
            }
            if remedy {
                let text = f.remedy.as_ref().map(|r| r.text(self.locale));
                row.push((text.unwrap_or_default(), Style::PLAIN));
            }
            table.row(row);
        }
        let mut out = table.render(self.width, self.paint);
        if !measures.is_empty() {
            let note = format!("{}{}", self.pick("依据：", "under "), measures.join("、"));
            let _ = writeln!(out, "{}", self.paint.paint(Style::DIM, &note));
        }
        out
    }

    pub fn check(
        &self,
        head: &docs::Head,
        result: &docs::Check,
        as_of: Option<&str>,
        catalogue: &Catalogue,
    ) -> String {
        let mut out = String::new();
        let state = self.labels.state(&result.state);
        let mut summary = format!(
            "{} {}  {}  {}{}",
            self.paint.paint(Style::BOLD, &result.project_id),
            head.name,
            head.owner_unit,
            self.pick("状态：", "state: "),
            state
        );
        if let Some(date) = as_of {
            let _ = write!(summary, "  {}{date}", self.pick("截至 ", "as of "));
        }
        let _ = write!(
            summary,
            "  {}",
            if result.in_scope {
                self.counts(&result.findings)
            } else {
                self.paint.paint(
                    Style::YELLOW,
                    self.pick(
                        "不属于本办法适用范围（涉密或无政府资金）",
                        "outside the measures (classified, or no government funding)",
                    ),
                )
            }
        );
        let _ = writeln!(out, "{summary}");
        if !result.findings.is_empty() {
            out.push('\n');
            out.push_str(&self.findings(&result.findings));
        }
        if !result.deadlines.is_empty() {
            let _ = writeln!(
                out,
                "\n{}",
                self.paint
                    .paint(Style::BOLD, self.pick("期限", "Deadlines"))
            );
            let mut deadlines: Vec<&docs::Deadline> = result.deadlines.iter().collect();
            deadlines.sort_by(|a, b| a.due.cmp(&b.due));
            for d in deadlines {
                let late = as_of.is_some_and(|date| d.due.as_str() < date);
                let title = catalogue
                    .get(&d.rule)
                    .map_or(d.rule.as_str(), |r| r.title(self.locale));
                let due = self
                    .paint
                    .paint(if late { Style::RED } else { Style::PLAIN }, &d.due);
                let _ = writeln!(
                    out,
                    "  {due}  {}{}{}  {}",
                    self.pick("办理“", "do "),
                    self.labels.event(&d.event),
                    self.pick("”", ""),
                    self.paint.paint(Style::DIM, &format!("({title})"))
                );
            }
        }
        out.push_str(&self.next_steps(result, catalogue));
        out
    }

    /// The events that may come next: with what would refuse each and what its
    /// form must answer when the kernel says (`next_steps`), else the allowed events.
    fn next_steps(&self, result: &docs::Check, catalogue: &Catalogue) -> String {
        let mut out = String::new();
        let heading = self.pick("下一步可办理", "Next steps");
        match &result.next_steps {
            Some(steps) => {
                let _ = writeln!(out, "\n{}", self.paint.paint(Style::BOLD, heading));
                for step in steps {
                    let label = match self.locale {
                        Locale::Zh => step.label.as_deref(),
                        Locale::En => step.label_en.as_deref(),
                    }
                    .unwrap_or(self.labels.event(&step.event));
                    let to = match &step.to {
                        Some(serde_json::Value::String(s)) => {
                            format!(" → {}", self.labels.state(s))
                        }
                        _ => String::new(),
                    };
                    let _ = writeln!(out, "  {label} ({}){to}", step.event);
                    // By the rules' titles: what a person reads, not the ids.
                    let titles = |ids: &[String]| -> String {
                        let titles = ids.iter().map(|id| {
                            catalogue
                                .get(id)
                                .map_or(id.as_str(), |r| r.title(self.locale))
                        });
                        titles.collect::<Vec<_>>().join(self.pick("；", "; "))
                    };
                    if !step.blocked_by.is_empty() {
                        let why = format!(
                            "    {}{}",
                            self.pick("暂不能办理：", "not yet: "),
                            titles(&step.blocked_by)
                        );
                        let _ = writeln!(out, "{}", self.paint.paint(Style::RED, &why));
                    }
                    if !step.needs.is_empty() {
                        let _ = writeln!(
                            out,
                            "    {}{}",
                            self.pick(
                                "以下情形不予受理（随附材料、填写表单补齐）：",
                                "refused if (attach or fill in to avoid): "
                            ),
                            titles(&step.needs)
                        );
                    }
                }
            }
            None if !result.allowed_events.is_empty() => {
                let events: Vec<&str> = result
                    .allowed_events
                    .iter()
                    .map(|e| self.labels.event(e))
                    .collect();
                // Without an actor the kernel judges no step: the state's events only.
                let heading = self.pick(
                    "当前状态下的事项（加 --actor 查看能否办理）",
                    "Events of this state (--actor to see which may be taken)",
                );
                let _ = writeln!(
                    out,
                    "\n{}{}{}",
                    self.paint.paint(Style::BOLD, heading),
                    self.pick("：", ": "),
                    events.join(self.pick("、", ", "))
                );
            }
            None => {}
        }
        out
    }

    /// `apply`'s (or `preview`'s) decision; `written` says what `--write` did.
    pub fn decision(&self, d: &docs::Decision, written: Option<bool>, file: &Path) -> String {
        let mut out = String::new();
        let (mark, word, style) = if d.accepted {
            ("✔", self.pick("已受理", "accepted"), Style::GREEN)
        } else {
            ("✘", self.pick("不予办理", "refused"), Style::RED_BOLD)
        };
        let states = if d.accepted {
            format!(
                "{} → {}",
                self.labels.state(&d.state_before),
                self.labels.state(&d.state_after)
            )
        } else {
            format!(
                "{}{}",
                self.pick("仍为 ", "stays "),
                self.labels.state(&d.state_before)
            )
        };
        let _ = writeln!(
            out,
            "{}  {states}  {}",
            self.paint.paint(style, &format!("{mark} {word}")),
            self.counts(&d.findings)
        );
        if !d.findings.is_empty() {
            out.push('\n');
            out.push_str(&self.findings(&d.findings));
        }
        let file = file.display();
        match written {
            Some(true) => {
                let _ = writeln!(
                    out,
                    "\n{}{file}",
                    self.pick("已写入新记录：", "new record written to ")
                );
            }
            Some(false) => {
                let _ = writeln!(
                    out,
                    "\n{}",
                    self.paint.paint(
                        Style::YELLOW,
                        &format!(
                            "{}{file}{}",
                            self.pick("事件不予办理，未改动 ", "refused: "),
                            self.pick("", " left unchanged")
                        )
                    )
                );
            }
            None => {}
        }
        out
    }

    /// A preview: the decision apply would make, nothing written.
    pub fn preview(&self, d: &docs::Decision) -> String {
        format!(
            "{}{}",
            self.pick("预审（未办理）：", "Preview (nothing recorded): "),
            self.decision(d, None, Path::new(""))
        )
    }

    /// The lifecycle: each event with who sends it, from which states, to which.
    pub fn lifecycle(&self, doc: &serde_json::Value) -> String {
        let label = self.pick("label", "label_en");
        let texts = |v: &serde_json::Value, f: &dyn Fn(&str) -> String| -> String {
            let items: Vec<String> = v
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|x| x.as_str().map(f))
                .collect();
            items.join(self.pick("、", ", "))
        };
        let roles: std::collections::HashMap<&str, &str> = doc["roles"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| Some((r["role"].as_str()?, r[label].as_str()?)))
            .collect();
        let mut out = String::new();
        for e in doc["events"].as_array().into_iter().flatten() {
            let event = e["event"].as_str().unwrap_or("");
            let to = match e["to"].as_str() {
                Some(s) => self.labels.state(s).to_string(),
                None => match e["to_note"].as_str() {
                    Some("unchanged") => self.pick("状态不变", "unchanged").to_string(),
                    Some("before_suspension") => self
                        .pick("暂停前的状态", "the state before suspension")
                        .to_string(),
                    Some("before_change") => self
                        .pick("申请调整前的状态", "the state before the change request")
                        .to_string(),
                    _ => self
                        .pick(
                            "需求评审通过（急需追加项目为草稿）",
                            "demand approved (draft for an emergency project)",
                        )
                        .to_string(),
                },
            };
            let _ = writeln!(
                out,
                "{}  {}",
                self.paint.paint(Style::BOLD, self.labels.event(event)),
                self.paint.paint(Style::DIM, &format!("({event})"))
            );
            let _ = writeln!(
                out,
                "  {}{}",
                self.pick("办理部门：", "by: "),
                texts(&e["roles"], &|r| roles
                    .get(r)
                    .copied()
                    .unwrap_or(r)
                    .to_string())
            );
            let _ = writeln!(
                out,
                "  {}{} → {to}",
                self.pick("状态：", "states: "),
                texts(&e["from"], &|s| self.labels.state(s).to_string())
            );
            let fields: Vec<String> = e["data"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| {
                    let name = f[label].as_str()?;
                    Some(if f["required"] == true {
                        format!("{name}{}", self.pick("（必填）", " (required)"))
                    } else {
                        name.to_string()
                    })
                })
                .collect();
            if !fields.is_empty() {
                let _ = writeln!(
                    out,
                    "  {}{}",
                    self.pick("填写：", "fields: "),
                    fields.join(self.pick("、", ", "))
                );
            }
        }
        out
    }

    pub fn verify(&self, report: &docs::Verify) -> String {
        let mut out = String::new();
        if report.valid {
            let _ = writeln!(
                out,
                "{}",
                self.paint.paint(
                    Style::GREEN,
                    self.pick(
                        "✔ 记录完整：历史与哈希链一致，未发现改动",
                        "✔ valid: the history and its hash chain agree, nothing was edited"
                    )
                )
            );
            return out;
        }
        let _ = writeln!(
            out,
            "{}",
            self.paint.paint(
                Style::RED_BOLD,
                &match self.locale {
                    Locale::Zh => format!("✘ 记录被改动：{} 个问题", report.problems.len()),
                    Locale::En => format!("✘ edited: {} problem(s)", report.problems.len()),
                }
            )
        );
        let mut table = Table::new(&[
            self.pick("条目", "entry"),
            self.pick("问题", "problem"),
            self.pick("说明", "message"),
        ])
        .flexible(&[2]);
        for p in &report.problems {
            table.row(vec![
                (
                    p.seq.map(|s| s.to_string()).unwrap_or_default(),
                    Style::PLAIN,
                ),
                (p.code.clone(), Style::RED),
                (p.message.clone(), Style::PLAIN),
            ]);
        }
        out.push('\n');
        out.push_str(&table.render(self.width, self.paint));
        out
    }

    pub fn rules(&self, rules: &[docs::RuleInfo]) -> String {
        let mut table = Table::new(&[
            self.pick("规则", "rule"),
            self.pick("条款", "article"),
            self.pick("严重程度", "severity"),
            self.pick("内容", "title"),
        ])
        .flexible(&[3]);
        for r in rules {
            table.row(vec![
                (r.rule.clone(), Style::PLAIN),
                (
                    r.article.map(|a| a.to_string()).unwrap_or_default(),
                    Style::PLAIN,
                ),
                (
                    r.severity.label(self.locale).into(),
                    severity_style(r.severity),
                ),
                (r.title(self.locale).into(), Style::PLAIN),
            ]);
        }
        let mut out = match self.locale {
            Locale::Zh => format!("规则目录：{} 条\n\n", rules.len()),
            Locale::En => format!("rule catalogue: {} rules\n\n", rules.len()),
        };
        out.push_str(&table.render(self.width, self.paint));
        out
    }

    pub fn day(&self, day: &docs::DayInfo) -> String {
        let kind = match day.kind.as_str() {
            "weekday" => self.pick("工作日", "a weekday"),
            "weekend" => self.pick("周末", "a weekend day"),
            "holiday" => self.pick("法定节假日", "a public holiday"),
            "adjusted_workday" => self.pick("调休上班日", "an adjusted working day"),
            other => other,
        };
        let working = if day.working_day {
            self.paint
                .paint(Style::GREEN, self.pick("上班", "working day"))
        } else {
            self.paint
                .paint(Style::YELLOW, self.pick("不上班", "day off"))
        };
        let mut out = format!("{}  {kind}  {working}", day.date);
        out.push_str(&self.calendar_note(day.calendar_known));
        out.push('\n');
        out
    }

    pub fn add_days(&self, from: &str, days: i32, result: &docs::WorkingDays) -> String {
        let mut out = match (self.locale, days < 0) {
            (Locale::Zh, false) => format!("{from} 之后第 {days} 个工作日：{}", result.date),
            (Locale::Zh, true) => format!("{from} 之前第 {} 个工作日：{}", -days, result.date),
            (Locale::En, false) => format!("{days} working days after {from}: {}", result.date),
            (Locale::En, true) => format!("{} working days before {from}: {}", -days, result.date),
        };
        out.push_str(&self.calendar_note(result.calendar_known));
        out.push('\n');
        out
    }

    fn calendar_note(&self, known: bool) -> String {
        if known {
            return String::new();
        }
        let note = self.pick(
            "（日历未收录该年份的节假日安排，按周一至周五推算；可用 --config 补充）",
            " (the calendar does not know this year's holidays: Monday to Friday assumed; add them with --config)",
        );
        self.paint.paint(Style::YELLOW, note)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(locale: Locale) -> View {
        View {
            locale,
            paint: Paint { on: false },
            width: None,
            labels: Labels::default(),
        }
    }

    // Not yet in the kernel's documents (CONTRACT §3): a finding's remedy and
    // `check`'s next steps. Documents shaped as the contract says show them.
    const CHECK: &str = r#"{"project_id": "QF-1", "state": "awarded", "in_scope": true,
        "findings": [
          {"rule": "art28.contract_signing_late", "article": 28, "severity": "violation",
           "citation": "《曲阜市政务信息化项目建设管理办法》第二十八条", "message": "合同签订逾期",
           "message_en": "Contract signed late", "due": "2026-12-04",
           "remedy": {"message": "尽快签订合同", "message_en": "Sign the contract now"}},
          {"rule": "art14.priority_project", "article": 14, "severity": "info",
           "citation": "《曲阜市政务信息化项目建设管理办法》第十四条", "message": "优先项目", "message_en": "Priority",
           "remedy": "无需处理"}],
        "deadlines": [], "allowed_events": ["sign_contract"],
        "next_steps": [{"event": "sign_contract", "label": "签订合同", "label_en": "Sign the contract",
                        "to": "contracted", "blocked_by": [], "needs": ["art30.ip_ownership_missing"]},
                       {"event": "start_implementation", "label": "开始实施", "label_en": "Start implementation",
                        "to": "implementing", "blocked_by": ["art28.contract_not_filed"]}]}"#;

    /// The catalogue entry of one rule the steps name (the other is shown by its id).
    fn catalogue() -> Catalogue {
        let rule: docs::RuleInfo = serde_json::from_value(serde_json::json!({
            "rule": "art28.contract_not_filed", "article": 28, "severity": "block",
            "title": "采购合同尚未备案，不能开始实施", "title_en": "No filed contract: implementation cannot start"
        }))
        .unwrap();
        Catalogue::from([(rule.rule.clone(), rule)])
    }

    #[test]
    fn remedies_get_a_column_and_next_steps_a_list() {
        let check: docs::Check = serde_json::from_str(CHECK).unwrap();
        let head = docs::Head::default();
        let out = view(Locale::Zh).check(&head, &check, None, &catalogue());
        let header = out.lines().find(|l| l.starts_with("严重程度")).unwrap();
        assert!(header.ends_with("怎么办"), "{out}");
        assert!(
            out.lines()
                .any(|l| l.starts_with("违规") && l.ends_with("尽快签订合同")),
            "{out}"
        );
        assert!(
            out.lines()
                .any(|l| l.starts_with("提示") && l.ends_with("无需处理")),
            "{out}"
        );
        assert!(
            out.contains("下一步可办理\n  签订合同 (sign_contract) → contracted\n    以下情形不予受理（随附材料、填写表单补齐）：art30.ip_ownership_missing\n"),
            "{out}"
        );
        assert!(
            out.contains("  开始实施 (start_implementation) → implementing\n    暂不能办理：采购合同尚未备案，不能开始实施\n"),
            "{out}"
        );
        let out = view(Locale::En).check(&head, &check, None, &catalogue());
        assert!(
            out.lines()
                .any(|l| l.starts_with("violation") && l.ends_with("Sign the contract now")),
            "{out}"
        );
        assert!(
            out.contains("  Start implementation (start_implementation) → implementing\n    not yet: No filed contract: implementation cannot start\n"),
            "{out}"
        );
    }

    #[test]
    fn without_remedies_there_is_no_column() {
        let mut check: docs::Check = serde_json::from_str(CHECK).unwrap();
        check.findings.iter_mut().for_each(|f| f.remedy = None);
        check.next_steps = None;
        let out = view(Locale::Zh).check(&docs::Head::default(), &check, None, &Catalogue::new());
        assert!(!out.contains("怎么办"), "{out}");
        assert!(
            out.contains("当前状态下的事项（加 --actor 查看能否办理）：sign_contract"),
            "{out}"
        );
    }
}
