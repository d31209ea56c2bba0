//! Convergence charts: `E` or `‖∇E‖` against iteration, one line per method, drawn with plotters
//! on any backend (the page's canvas, or SVG in tests and exports).

use plotters::coord::types::RangedCoordf64;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One line of a chart: a method's values by iteration.
pub struct Series<'a> {
    /// Legend text.
    pub label: &'a str,
    /// Colour as `0xRRGGBB`.
    pub rgb: u32,
    /// Drawn dashed (so methods differ by more than colour).
    pub dashed: bool,
    /// The value at each iteration.
    pub ys: &'a [f64],
}

/// At most this many points per line; longer runs are thinned evenly (the last point is kept).
const MAX_POINTS: usize = 800;

/// The points of a series to draw: its finite values (raised to `floor` if one is given, as on a
/// log axis), thinned to [`MAX_POINTS`].
fn points(ys: &[f64], floor: Option<f64>) -> Vec<(f64, f64)> {
    let stride = ys.len().div_ceil(MAX_POINTS).max(1);
    let last = ys.len().saturating_sub(1);
    (0..ys.len())
        .filter(|&i| i % stride == 0 || i == last)
        .filter_map(|i| {
            let y = ys[i];
            y.is_finite().then(|| (i as f64, floor.map_or(y, |f| y.max(f))))
        })
        .collect()
}

/// The y range to show: on a log axis from the smallest positive to the largest finite value
/// (with a margin), on a linear axis from the smallest to the largest finite value.
fn y_range(series: &[Series], log: bool) -> (f64, f64) {
    let finite = series
        .iter()
        .flat_map(|s| s.ys.iter().copied())
        .filter(|y| y.is_finite());
    if log {
        let (lo, hi) = finite
            .filter(|&y| y > 0.0)
            .fold((f64::INFINITY, 0.0_f64), |(lo, hi), y| (lo.min(y), hi.max(y)));
        if lo.is_finite() && hi > 0.0 {
            (lo / 4.0, hi * 4.0)
        } else {
            (1e-12, 1.0)
        }
    } else {
        let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| (lo.min(y), hi.max(y)));
        if !lo.is_finite() {
            (-1.0, 1.0)
        } else if hi > lo {
            let pad = 0.06 * (hi - lo);
            (lo - pad, hi + pad)
        } else {
            (lo - 1.0, hi + 1.0)
        }
    }
}

/// Whether `E` should be drawn on a log axis: when every finite value is positive.
pub fn log_fits(series: &[Series]) -> bool {
    series
        .iter()
        .flat_map(|s| s.ys.iter())
        .filter(|y| y.is_finite())
        .all(|&y| y > 0.0)
}

/// Draws `series` against iteration on `root`, the y axis logarithmic if `log`. `scale` multiplies
/// every size (the device-pixel ratio, for sharp HiDPI drawing). The caller presents `root` when
/// everything on it is drawn (an SVG document is closed then).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    caption: &str,
    series: &[Series],
    log: bool,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let n = series.iter().map(|s| s.ys.len()).max().unwrap_or(0);
    let x_max = (n.saturating_sub(1)).max(1) as f64;
    let (lo, hi) = y_range(series, log);
    // A log axis is drawn as a linear axis over log₁₀ of the values (one code path, so the
    // chart code is in the wasm once); zeros (a run that hit the minimum exactly) sit on the
    // bottom edge.
    let floor = if log { Some(lo) } else { None };
    let y = if log { lo.log10()..hi.log10() } else { lo..hi };
    plot(root, caption, series, 0.0..x_max, y, floor, scale)
}

fn plot<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    caption: &str,
    series: &[Series],
    x: std::ops::Range<f64>,
    y: std::ops::Range<f64>,
    floor: Option<f64>,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let log = floor.is_some();
    let px = |v: f64| (v * scale).round() as u32;
    let font = (FontFamily::SansSerif, 11.0 * scale);
    let mut chart = ChartBuilder::on(root)
        .caption(caption, (FontFamily::SansSerif, 13.0 * scale))
        .margin(px(6.0))
        .x_label_area_size(px(22.0))
        .y_label_area_size(px(50.0))
        .build_cartesian_2d::<RangedCoordf64, RangedCoordf64>(x.into(), y.into())?;
    chart
        .configure_mesh()
        .light_line_style(RGBColor(236, 236, 240))
        .bold_line_style(RGBColor(214, 214, 222))
        .axis_style(RGBColor(120, 120, 130))
        .label_style(font)
        .x_labels(6)
        .y_labels(5)
        .max_light_lines(2)
        .x_label_formatter(&|v| (v.round() as i64).to_string())
        .y_label_formatter(&|v| if log { short(10f64.powf(*v)) } else { short(*v) })
        .draw()?;
    for s in series {
        let colour = RGBColor((s.rgb >> 16) as u8, (s.rgb >> 8) as u8, s.rgb as u8);
        let style = ShapeStyle {
            color: colour.to_rgba(),
            filled: false,
            stroke_width: px(2.0).max(1),
        };
        let mut pts = points(s.ys, floor);
        if log {
            pts.iter_mut().for_each(|p| p.1 = p.1.log10());
        }
        let (w, dash, gap) = (px(18.0) as i32, px(6.0), px(4.0));
        if s.dashed {
            chart
                .draw_series(DashedLineSeries::new(pts, dash, gap, style))?
                .label(s.label)
                .legend(move |(x, y)| DashedPathElement::new(vec![(x, y), (x + w, y)], dash, gap, style));
        } else {
            chart
                .draw_series(LineSeries::new(pts, style))?
                .label(s.label)
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + w, y)], style));
        }
    }
    legend(
        &chart.plotting_area().strip_coord_spec(),
        series,
        &font.into_text_style(root),
        scale,
    )
}

/// The colour and line style of a series.
fn line_style(s: &Series, scale: f64) -> ShapeStyle {
    let colour = RGBColor((s.rgb >> 16) as u8, (s.rgb >> 8) as u8, s.rgb as u8);
    ShapeStyle {
        color: colour.to_rgba(),
        filled: false,
        stroke_width: ((2.0 * scale).round() as u32).max(1),
    }
}

/// Draws the legend in the upper-right corner of `area` (pixel coordinates). Drawn by hand rather
/// than with plotters' series labels, which measure text through the font backend directly; here
/// every measurement goes through the drawing backend.
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    series: &[Series],
    font: &TextStyle,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if series.is_empty() {
        return Ok(());
    }
    let px = |v: f64| (v * scale).round() as i32;
    let mut text_w = 0;
    let mut text_h = 0;
    for s in series {
        let (w, h) = area.estimate_text_size(s.label, font)?;
        text_w = text_w.max(w as i32);
        text_h = text_h.max(h as i32);
    }
    // More than three series: two columns, filled row by row.
    let cols = if series.len() > 3 { 2 } else { 1 };
    let rows = series.len().div_ceil(cols) as i32;
    let (margin, sample, line_h) = (px(5.0), px(20.0), text_h + px(3.0));
    let col_w = 2 * margin + sample + text_w;
    let w = margin + cols as i32 * col_w;
    let h = 2 * margin + line_h * rows;
    let (area_w, _) = area.dim_in_pixel();
    let (x0, y0) = (area_w as i32 - w - px(4.0), px(4.0));
    area.draw(&Rectangle::new([(x0, y0), (x0 + w, y0 + h)], WHITE.mix(0.88).filled()))?;
    area.draw(&Rectangle::new([(x0, y0), (x0 + w, y0 + h)], RGBColor(200, 200, 208)))?;
    let anchored = font.pos(Pos::new(HPos::Left, VPos::Center));
    for (i, s) in series.iter().enumerate() {
        let (row, col) = ((i / cols) as i32, (i % cols) as i32);
        let x = x0 + margin + col * col_w;
        let y = y0 + margin + line_h * row + line_h / 2;
        let line = vec![(x, y), (x + sample, y)];
        let style = line_style(s, scale);
        if s.dashed {
            area.draw(&DashedPathElement::new(line, px(6.0) as u32, px(4.0) as u32, style))?;
        } else {
            area.draw(&PathElement::new(line, style))?;
        }
        area.draw(&Text::new(s.label, (x + margin + sample, y), anchored.clone()))?;
    }
    Ok(())
}

/// A short label for an axis value: plain for moderate sizes (three decimals at most),
/// scientific with one digit otherwise (`3e-5`). Integer arithmetic only: Rust's float formatter
/// stays out of the wasm.
fn short(v: f64) -> String {
    let a = v.abs();
    let sign = if v < 0.0 { "-" } else { "" };
    if a == 0.0 || !a.is_finite() {
        return if a == 0.0 { "0".into() } else { format!("{sign}inf") };
    }
    if (1e-2..1e4).contains(&a) {
        let k = (a * 1000.0).round() as u64;
        let (whole, frac) = (k / 1000, k % 1000);
        if frac == 0 {
            return format!("{sign}{whole}");
        }
        let digits = format!("{frac:03}");
        return format!("{sign}{whole}.{}", digits.trim_end_matches('0'));
    }
    let mut exp = a.log10().floor() as i32;
    let mut digit = (a / 10f64.powi(exp)).round() as u32;
    if digit >= 10 {
        digit = 1;
        exp += 1;
    }
    format!("{sign}{digit}e{exp}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_labels_read_as_rusts_own_formatting() {
        // The oracle: Rust's float formatter, which the wasm leaves out.
        let rust = |v: f64| {
            let a = v.abs();
            if a == 0.0 {
                "0".to_owned()
            } else if (1e-2..1e4).contains(&a) {
                format!("{}", (v * 1000.0).round() / 1000.0)
            } else {
                format!("{v:.0e}")
            }
        };
        let mut rng = crate::landscape::check::Rng::new(11);
        for _ in 0..20_000 {
            let v = rng.uniform(-1.0, 1.0).signum() * 10f64.powf(rng.uniform(-12.0, 12.0));
            let m = v.abs() / 10f64.powi(v.abs().log10().floor() as i32);
            if (m.fract() - 0.5).abs() < 1e-9 {
                continue; // (an exact tie: the two round differently, neither is wrong)
            }
            assert_eq!(short(v), rust(v), "{v:e}");
        }
        for v in [0.0, 1.0, -1.0, 0.01, 9999.0, 1e4, 0.5, 123.4567, 1e-3, 9.6e-3, -2e10] {
            assert_eq!(short(v), rust(v), "{v:e}");
        }
    }

    #[test]
    fn thins_long_runs_and_keeps_the_last_point() {
        let ys: Vec<f64> = (0..10_000).map(|i| 1.0 / (1.0 + i as f64)).collect();
        let p = points(&ys, Some(1e-9));
        assert!(p.len() <= MAX_POINTS + 1);
        assert_eq!(p.last().map(|q| q.0), Some(9999.0));
    }

    #[test]
    fn log_axis_clamps_zeros_and_skips_non_finite() {
        let p = points(&[4.0, 0.0, f64::NAN, f64::INFINITY, 1.0], Some(1e-6));
        assert_eq!(p, vec![(0.0, 4.0), (1.0, 1e-6), (4.0, 1.0)]);
    }

    #[test]
    fn ranges_cover_the_data() {
        let a = [1e-3, 10.0, f64::NAN];
        let s = [Series {
            label: "a",
            rgb: 0,
            dashed: false,
            ys: &a,
        }];
        let (lo, hi) = y_range(&s, true);
        assert!(lo < 1e-3 && hi > 10.0);
        let (lo, hi) = y_range(&s, false);
        assert!(lo < 1e-3 && hi > 10.0);
        assert!(log_fits(&s));
        let b = [-1.0, 2.0];
        assert!(!log_fits(&[Series {
            label: "b",
            rgb: 0,
            dashed: true,
            ys: &b
        }]));
        assert_eq!(y_range(&[], true), (1e-12, 1.0));
    }

    #[test]
    fn draws_an_svg_with_both_lines_and_the_legend() {
        let gd: Vec<f64> = (0..50).map(|i| 0.9_f64.powi(i)).collect();
        let newton = [1.0, 0.0];
        let series = [
            Series {
                label: "GD",
                rgb: 0xc85200,
                dashed: false,
                ys: &gd,
            },
            Series {
                label: "Newton",
                rgb: 0x5d3a9b,
                dashed: true,
                ys: &newton,
            },
        ];
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (360, 180)).into_drawing_area();
            draw(&root, "E", &series, true, 1.0).expect("draws");
            root.present().expect("finishes the document");
        }
        assert_eq!(svg.matches("</svg>").count(), 1, "one closed document");
        assert!(svg.contains("GD") && svg.contains("Newton"), "legend");
        assert!(svg.contains("#C85200") || svg.contains("#c85200"), "GD colour");
        assert!(
            svg.matches("<polyline").count() + svg.matches("<line").count() >= 2,
            "lines"
        );
    }
}
