//! Horizontal bar charts as standalone SVG, shared by the HTML report (votes at the last
//! stage, with the quota) and the server's turnout chart (voters so far, with the quorum).
//!
//! The markup has no script and no `style` attribute (a strict Content-Security-Policy
//! allows it): bars and the marker carry classes the page's stylesheet colours. The chart is
//! an image with a title (`role="img"`, `aria-labelledby`); pages give the same numbers as a
//! table for those who cannot see it. Geometry is the only floating point.

use std::fmt::Write as _;

/// Escapes text for SVG and HTML content and attribute values.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One bar: its label (left of the bar), its value, the value as shown (right of the bar)
/// and its class.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar<'a> {
    pub label: &'a str,
    pub value: f64,
    pub shown: String,
    pub class: &'a str,
}

/// A vertical line across the bars at `value` (a quota, a quorum), labelled below them.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker<'a> {
    pub value: f64,
    pub label: String,
    pub class: &'a str,
}

/// Label column, bar length and row height, in SVG units.
const LABEL_WIDTH: f64 = 220.0;
const BAR_WIDTH: f64 = 480.0;
const ROW_HEIGHT: f64 = 24.0;

/// The chart: bars scaled so the largest of the values and the marker (at least 1) spans the
/// whole bar length. `id` names the `<title>` element, so it must be unique in its page.
pub fn horizontal_bars(
    id: &str,
    title: &str,
    bars: &[Bar<'_>],
    marker: Option<&Marker<'_>>,
) -> String {
    let max = bars
        .iter()
        .map(|b| b.value)
        .chain(marker.map(|m| m.value))
        .fold(0.0f64, f64::max)
        .max(1.0);
    let (label_w, bar_w, row_h) = (LABEL_WIDTH, BAR_WIDTH, ROW_HEIGHT);
    let height = row_h * bars.len() as f64 + 30.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}" viewBox="0 0 {w} {height}" width="100%"><title id="{id}">{title}</title>"#,
        id = esc(id),
        w = label_w + bar_w + 90.0,
        title = esc(title),
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = i as f64 * row_h + 4.0;
        let w = bar.value / max * bar_w;
        let _ = write!(
            svg,
            r#"<text x="{tx}" y="{ty}" text-anchor="end">{name}</text><rect class="{class}" x="{label_w}" y="{y}" width="{w:.1}" height="{h}"/><text x="{vx:.1}" y="{ty}">{shown}</text>"#,
            tx = label_w - 6.0,
            ty = y + 15.0,
            name = esc(bar.label),
            class = esc(bar.class),
            h = row_h - 6.0,
            vx = label_w + w + 4.0,
            shown = esc(&bar.shown),
        );
    }
    if let Some(m) = marker {
        let x = label_w + m.value / max * bar_w;
        let _ = write!(
            svg,
            r#"<line class="{class}" x1="{x:.1}" y1="0" x2="{x:.1}" y2="{y2}"/><text x="{x:.1}" y="{ty}" text-anchor="middle">{label}</text>"#,
            class = esc(m.class),
            y2 = height - 18.0,
            ty = height - 4.0,
            label = esc(&m.label),
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_value_or_marker() {
        // Values 10 and 5, marker 20: the marker spans the 480 units, so bars are 240 and
        // 120 long and the line stands at 220 + 480 = 700.
        let bars = [
            Bar {
                label: "A<",
                value: 10.0,
                shown: "10".into(),
                class: "done",
            },
            Bar {
                label: "B",
                value: 5.0,
                shown: "5".into(),
                class: "done",
            },
        ];
        let marker = Marker {
            value: 20.0,
            label: "quorum 20".into(),
            class: "quorum",
        };
        let svg = horizontal_bars("t1", "Turnout", &bars, Some(&marker));
        assert!(svg.contains(r#"aria-labelledby="t1""#), "{svg}");
        assert!(svg.contains(r#"<title id="t1">Turnout</title>"#), "{svg}");
        assert!(svg.contains(r#"width="240.0""#), "{svg}");
        assert!(svg.contains(r#"width="120.0""#), "{svg}");
        assert!(svg.contains(r#"<line class="quorum" x1="700.0""#), "{svg}");
        assert!(svg.contains("A&lt;"), "labels are escaped: {svg}");
        assert!(!svg.contains("style="), "{svg}");
    }

    #[test]
    fn an_empty_chart_scales_to_one() {
        let svg = horizontal_bars(
            "t",
            "x",
            &[Bar {
                label: "a",
                value: 0.0,
                shown: "0".into(),
                class: "c",
            }],
            None,
        );
        assert!(svg.contains(r#"width="0.0""#), "{svg}");
    }
}
