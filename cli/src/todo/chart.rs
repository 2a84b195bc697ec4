//! The report's chart: obligations by the week they fall due, overdue and
//! upcoming stacked, as an SVG drawn here (no script, no network).

use super::{Counts, Week};
use crate::term::Locale;
use chrono::{Datelike, Days, NaiveDate};
use std::collections::BTreeMap;
use std::fmt::Write;

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 44.0;
pub const OVERDUE: &str = "#c62828";
pub const UPCOMING: &str = "#f2a900";

/// 1, 2 or 5 times a power of ten, at least `x`.
fn nice(x: f64) -> f64 {
    let p = 10f64.powf(x.max(1.0).log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|s| *s >= x)
        .unwrap_or(10.0 * p)
}

/// Bars from the first week with an item (after the earlier ones) through the
/// week of the horizon (`within` days after `as_of`).
pub fn svg(
    weeks: &BTreeMap<Week, Counts>,
    as_of: NaiveDate,
    within: u32,
    locale: Locale,
) -> String {
    let this_week = super::monday(as_of);
    let horizon_week = super::monday(as_of + Days::new(within.into()));
    let mondays = weeks.keys().filter_map(|w| match w {
        Week::Of(d) => Some(*d),
        Week::Earlier => None,
    });
    let first = mondays
        .clone()
        .min()
        .map_or(this_week, |d| d.min(this_week));
    let last = mondays.max().map_or(horizon_week, |d| d.max(horizon_week));
    let mut bars: Vec<(Week, Counts)> = Vec::new();
    if let Some(c) = weeks.get(&Week::Earlier) {
        bars.push((Week::Earlier, *c));
    }
    let mut day = first;
    while day <= last {
        let week = Week::Of(day);
        bars.push((week, weeks.get(&week).copied().unwrap_or_default()));
        day = day + Days::new(7);
    }

    let max = bars
        .iter()
        .map(|(_, c)| c.overdue + c.upcoming)
        .max()
        .unwrap_or(0);
    let step = nice((max as f64 / 4.0).max(1.0));
    let top = (step * (max as f64 / step).ceil()).max(step);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / bars.len() as f64;
    let y = |v: f64| TOP + plot_h - v / top * plot_h;

    let mut s = String::new();
    let title = locale.pick(
        "按到期周统计的待办事项",
        "Obligations by the week they fall due",
    );
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{title}" font-family="sans-serif" font-size="12">"##
    );
    let _ = write!(
        s,
        r##"<text x="{LEFT}" y="16" font-size="14" font-weight="bold">{title}</text>"##
    );
    // Legend.
    let legend = [
        (OVERDUE, locale.pick("逾期", "overdue")),
        (UPCOMING, locale.pick("即将到期", "upcoming")),
    ];
    let mut lx = WIDTH - RIGHT - 220.0;
    for (colour, label) in legend {
        let _ = write!(
            s,
            r##"<rect x="{lx}" y="6" width="12" height="12" fill="{colour}"/><text x="{}" y="16">{label}</text>"##,
            lx + 16.0
        );
        lx += 100.0;
    }
    // Grid and the count axis.
    let mut v = 0.0;
    while v <= top + 0.5 {
        let _ = write!(
            s,
            r##"<line x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{}" y="{:.1}" text-anchor="end" fill="#555">{v}</text>"##,
            WIDTH - RIGHT,
            LEFT - 6.0,
            y(v) + 4.0,
            y = y(v)
        );
        v += step;
    }
    // Bars: overdue at the bottom, upcoming on top.
    let every = (bars.len() as f64 / 12.0).ceil().max(1.0) as usize;
    for (i, (week, c)) in bars.iter().enumerate() {
        let x = LEFT + slot * i as f64 + slot * 0.15;
        let w = slot * 0.7;
        let label = match week {
            Week::Earlier => locale.pick("更早", "earlier").to_string(),
            Week::Of(d) => d.format("%m-%d").to_string(),
        };
        let key = match week {
            Week::Earlier => "earlier".to_string(),
            Week::Of(d) => d.format("%Y-%m-%d").to_string(),
        };
        let tip = match locale {
            Locale::Zh => format!("{key} 周：逾期 {}，即将到期 {}", c.overdue, c.upcoming),
            Locale::En => format!(
                "week of {key}: {} overdue, {} upcoming",
                c.overdue, c.upcoming
            ),
        };
        let mut base = 0.0;
        for (class, colour, n) in [
            ("overdue", OVERDUE, c.overdue),
            ("upcoming", UPCOMING, c.upcoming),
        ] {
            let (y0, y1) = (y(base), y(base + n as f64));
            let _ = write!(
                s,
                r##"<rect class="bar {class}" data-week="{key}" data-count="{n}" x="{x:.1}" y="{y1:.1}" width="{w:.1}" height="{:.1}" fill="{colour}"><title>{tip}</title></rect>"##,
                y0 - y1
            );
            base += n as f64;
        }
        if i % every == 0 {
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="{}" text-anchor="middle" fill="#555">{label}</text>"##,
                x + w / 2.0,
                TOP + plot_h + 16.0
            );
        }
    }
    // The report's date, inside its week.
    let index = bars
        .iter()
        .position(|(w, _)| *w == Week::Of(this_week))
        .unwrap_or(0);
    let tx = LEFT + slot * (index as f64 + as_of.weekday().num_days_from_monday() as f64 / 7.0);
    let _ = write!(
        s,
        r##"<line class="as-of" x1="{tx:.1}" x2="{tx:.1}" y1="{TOP}" y2="{:.1}" stroke="#333" stroke-dasharray="4 3"/><text x="{tx:.1}" y="{:.1}" text-anchor="middle" fill="#333">{} {}</text>"##,
        TOP + plot_h,
        TOP + plot_h + 34.0,
        locale.pick("截至", "as of"),
        as_of.format("%Y-%m-%d")
    );
    let _ = write!(
        s,
        r##"<line x1="{LEFT}" x2="{}" y1="{:.1}" y2="{:.1}" stroke="#333"/></svg>"##,
        WIDTH - RIGHT,
        TOP + plot_h,
        TOP + plot_h
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice(0.3), 1.0);
        assert_eq!(nice(3.0), 5.0);
        assert_eq!(nice(12.0), 20.0);
        assert_eq!(nice(4500.0), 5000.0);
    }
}
