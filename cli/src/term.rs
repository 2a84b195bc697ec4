//! Output for a person: the language, colour (only on a terminal, never with
//! `NO_COLOR`), and tables whose columns line up with Chinese text (two
//! columns per character) and wrap to the terminal's width.

use clap::ValueEnum;
use std::io::IsTerminal;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Locale {
    /// 中文
    #[value(name = "zh-CN", alias = "zh")]
    Zh,
    /// English
    #[value(name = "en")]
    En,
}

impl Locale {
    /// The engine config's name of the locale.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::En => "en",
        }
    }

    /// The words of this locale, of two written side by side.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::Zh => zh,
            Locale::En => en,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColourChoice {
    Auto,
    Always,
    Never,
}

impl ColourChoice {
    /// `auto`: stdout is a terminal and `NO_COLOR` is unset or empty (no-color.org).
    pub fn enabled(self) -> bool {
        match self {
            ColourChoice::Always => true,
            ColourChoice::Never => false,
            ColourChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// An SGR colour, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style(&'static str);

impl Style {
    pub const PLAIN: Style = Style("");
    pub const BOLD: Style = Style("1");
    pub const DIM: Style = Style("2");
    pub const RED_BOLD: Style = Style("1;31");
    pub const RED: Style = Style("31");
    pub const GREEN: Style = Style("32");
    pub const YELLOW: Style = Style("33");
    pub const CYAN: Style = Style("36");
}

/// Paints text when colour is on.
#[derive(Clone, Copy, Debug)]
pub struct Paint {
    pub on: bool,
}

impl Paint {
    pub fn paint(&self, style: Style, text: &str) -> String {
        if self.on && !style.0.is_empty() && !text.is_empty() {
            format!("\x1b[{}m{text}\x1b[0m", style.0)
        } else {
            text.to_string()
        }
    }
}

/// The width to wrap at: the terminal's, else `COLUMNS`, else none (a file or
/// a pipe gets each row on one line).
pub fn width() -> Option<usize> {
    if std::io::stdout().is_terminal() {
        if let Some((_, cols)) = console::Term::stdout().size_checked() {
            return Some(cols as usize);
        }
    }
    std::env::var("COLUMNS").ok()?.parse().ok()
}

pub fn text_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `text` cut into lines of `width` columns: between words in English,
/// anywhere in Chinese but before closing or after opening punctuation. A
/// line ending in closing punctuation may hang up to 2 columns past `width`.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(4);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for token in tokens(text) {
        let w = text_width(token);
        let body = token.trim_end().trim_end_matches(|c| CLOSING.contains(c));
        if line_width + text_width(body) > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            line_width = 0;
            if token.trim().is_empty() {
                continue;
            }
        }
        if text_width(body) > width {
            // A word longer than the column: cut it by characters.
            for c in token.chars() {
                let cw = c.width().unwrap_or(0);
                if line_width + cw > width {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0;
                }
                line.push(c);
                line_width += cw;
            }
        } else {
            line.push_str(token);
            line_width += w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Chinese punctuation that may not start a line (closing), or end one (opening).
const CLOSING: &str = "，。、；：？！）」』》”’…";
const OPENING: &str = "（「『《“‘";

/// Words (with the spaces after them) and single wide characters; closing
/// punctuation stays with what it follows, opening with what it precedes.
fn tokens(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for token in split(text) {
        let glue = out.last().is_some_and(|last: &&str| {
            token.starts_with(|c| CLOSING.contains(c)) || last.ends_with(|c| OPENING.contains(c))
        });
        match out.last_mut() {
            // Neighbours in `text`: one slice spans both.
            Some(last) if glue => {
                let start = last.as_ptr() as usize - text.as_ptr() as usize;
                let end = token.as_ptr() as usize - text.as_ptr() as usize + token.len();
                *last = &text[start..end];
            }
            _ => out.push(token),
        }
    }
    out
}

fn split(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let wide = c.width().unwrap_or(0) > 1;
        if wide || c == ' ' {
            let end = i + c.len_utf8();
            if wide {
                if start < i {
                    out.push(&text[start..i]);
                }
                out.push(&text[i..end]);
            } else {
                out.push(&text[start..end]);
            }
            start = end;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// A table of cells, each with a style; columns marked flexible share what
/// the width leaves and wrap.
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<(String, Style)>>,
    flexible: Vec<usize>,
}

const GAP: usize = 2;

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            flexible: Vec::new(),
        }
    }

    pub fn flexible(mut self, columns: &[usize]) -> Table {
        self.flexible = columns.to_vec();
        self
    }

    pub fn row(&mut self, cells: Vec<(String, Style)>) {
        debug_assert_eq!(cells.len(), self.header.len());
        self.rows.push(cells);
    }

    pub fn render(&self, width: Option<usize>, paint: Paint) -> String {
        let n = self.header.len();
        let mut widths: Vec<usize> = (0..n)
            .map(|c| {
                self.rows
                    .iter()
                    .map(|r| text_width(&r[c].0))
                    .chain([text_width(&self.header[c])])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        if let Some(total) = width {
            self.fit(&mut widths, total);
        }
        let mut out = String::new();
        let header: Vec<(String, Style)> = self
            .header
            .iter()
            .map(|h| (h.clone(), Style::BOLD))
            .collect();
        self.line(&mut out, &header, &widths, paint);
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        out.push_str(&paint.paint(Style::DIM, &rule.join(&" ".repeat(GAP))));
        out.push('\n');
        for row in &self.rows {
            self.line(&mut out, row, &widths, paint);
        }
        out
    }

    /// Narrows the flexible columns until the table fits `total` columns.
    fn fit(&self, widths: &mut [usize], total: usize) {
        let fixed: usize = (0..widths.len())
            .filter(|c| !self.flexible.contains(c))
            .map(|c| widths[c])
            .sum::<usize>()
            + GAP * widths.len().saturating_sub(1);
        let mut room = total.saturating_sub(fixed);
        // The narrow flexible columns keep their width; the others share the rest.
        let mut wide: Vec<usize> = self.flexible.clone();
        wide.sort_by_key(|c| widths[*c]);
        while let Some(&c) = wide.first() {
            let share = room / wide.len();
            if widths[c] > share {
                break;
            }
            room -= widths[c];
            wide.remove(0);
        }
        for &c in &wide {
            widths[c] = (room / wide.len()).max(12);
        }
    }

    fn line(&self, out: &mut String, cells: &[(String, Style)], widths: &[usize], paint: Paint) {
        // A cell that must wrap leaves room for hanging punctuation.
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(widths)
            .map(|((text, _), w)| match text_width(text) > *w {
                true => wrap(text, w.saturating_sub(2)),
                false => vec![text.clone()],
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for i in 0..height {
            let mut line = String::new();
            for (c, lines) in wrapped.iter().enumerate() {
                let text = lines.get(i).map_or("", String::as_str);
                let last = c + 1 == wrapped.len();
                line.push_str(&paint.paint(cells[c].1, text));
                if !last {
                    let pad = widths[c].saturating_sub(text_width(text)) + GAP;
                    line.push_str(&" ".repeat(pad));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_chinese_anywhere_and_english_between_words() {
        assert_eq!(
            wrap("未在十个工作日内签订", 8),
            ["未在十个", "工作日内", "签订"]
        );
        assert_eq!(
            wrap("Contract not signed within ten days", 12),
            ["Contract not", "signed", "within ten", "days"]
        );
        assert_eq!(wrap("", 10), [""]);
        // No line starts with closing punctuation, none ends with opening;
        // closing punctuation hangs past the width.
        assert_eq!(
            wrap("签订合同，已逾期。", 4),
            ["签订", "合同，", "已逾", "期。"]
        );
        assert_eq!(
            wrap("应在其后（2026-12-04）前", 12),
            ["应在其后", "（2026-12-04）", "前"]
        );
    }

    #[test]
    fn columns_line_up_with_wide_characters() {
        let mut t = Table::new(&["a", "b"]);
        t.row(vec![
            ("违规".into(), Style::RED),
            ("x".into(), Style::PLAIN),
        ]);
        t.row(vec![
            ("info".into(), Style::RED),
            ("y".into(), Style::PLAIN),
        ]);
        let out = t.render(None, Paint { on: false });
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], "违规  x");
        assert_eq!(lines[3], "info  y");
    }

    #[test]
    fn flexible_columns_wrap_to_the_width() {
        let mut t = Table::new(&["sev", "message"]).flexible(&[1]);
        t.row(vec![
            ("block".into(), Style::PLAIN),
            (
                "一二三四五六七八九十一二三四五六七八九十".into(),
                Style::PLAIN,
            ),
        ]);
        let out = t.render(Some(31), Paint { on: false });
        assert!(out.lines().all(|l| text_width(l) <= 31), "{out}");
        assert!(out.lines().count() > 3, "{out}");
    }
}
