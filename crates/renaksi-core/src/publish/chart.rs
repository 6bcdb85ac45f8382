//! Bar charts of capaian drawn as inline SVG when the site is written: no
//! script, no image file, readable in print. Each chart is an image with a
//! title and a description that reads every figure (`role="img"`), and the
//! page prints the same figures in a table beside it.

use maud::{html, Markup};

use super::words::Lang;

/// One bar: a short label and the capaian, if it has a figure.
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
}

/// The drawing's own units; the stylesheet scales it to the page (on a phone
/// too, which is why each label sits above its bar rather than beside it).
const WIDTH: f64 = 480.0;
const VALUE_ROOM: f64 = 80.0;
const ROW: f64 = 46.0;
const BAR: f64 = 16.0;
const TOP: f64 = 6.0;
/// Where the scale stops: a capaian far above 100% is drawn to the edge and
/// its figure still printed.
const MOST: f64 = 300.0;

/// A label cut to what the label column holds.
fn short(label: &str) -> String {
    const MAX: usize = 58;
    if label.chars().count() <= MAX {
        label.to_string()
    } else {
        let mut cut: String = label.chars().take(MAX - 1).collect();
        cut.push('…');
        cut
    }
}

/// The chart as an `<svg>`; `id` makes its title and description ids unique on the page.
pub fn bars(id: &str, title: &str, bars: &[Bar], lang: Lang) -> Markup {
    let words = lang.words();
    let top_value = bars
        .iter()
        .filter_map(|b| b.value)
        .filter(|v| v.is_finite())
        .fold(100.0_f64, f64::max)
        .min(MOST);
    // The scale ends on the next 50 above the largest figure.
    let scale = (top_value / 50.0).ceil() * 50.0;
    let plot = WIDTH - VALUE_ROOM;
    let x_of = |v: f64| 1.0 + (v.clamp(0.0, scale) / scale) * (plot - 1.0);
    let height = TOP * 2.0 + ROW * bars.len().max(1) as f64;
    let description = bars
        .iter()
        .map(|b| {
            format!(
                "{}: {}",
                b.label,
                match b.value {
                    Some(_) => lang.percent(b.value),
                    None => words.no_figure.to_string(),
                }
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let title_id = format!("{id}-judul");
    let desc_id = format!("{id}-uraian");
    let hundred = x_of(100.0);
    html! {
        svg class="chart" role="img" viewBox=(format!("0 0 {WIDTH} {height}"))
            aria-labelledby=(format!("{title_id} {desc_id}")) xmlns="http://www.w3.org/2000/svg" {
            title id=(title_id) { (title) }
            desc id=(desc_id) { (description) }
            @for (i, bar) in bars.iter().enumerate() {
                @let y = TOP + ROW * i as f64;
                text x="1" y=(y + 14.0) class="chart-label" { (short(&bar.label)) }
                @match bar.value.filter(|v| v.is_finite()) {
                    Some(value) => {
                        @let end = x_of(value);
                        rect x="1" y=(y + 20.0) width=(format!("{:.1}", (end - 1.0).max(1.0)))
                            height=(BAR) class="chart-bar" {}
                        text x=(format!("{:.1}", end + 6.0)) y=(y + 33.0) class="chart-value" {
                            (lang.percent(Some(value)))
                        }
                    }
                    None => {
                        text x="1" y=(y + 33.0) class="chart-none" { (words.no_figure) }
                    }
                }
            }
            line x1=(format!("{hundred:.1}")) x2=(format!("{hundred:.1}")) y1=(TOP)
                y2=(height - TOP) class="chart-hundred" {}
            line x1="1" x2="1" y1=(TOP + 18.0) y2=(height - TOP) class="chart-axis" {}
        }
    }
}
