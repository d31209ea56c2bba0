//! Convergence charts: `E` or `‖∇E‖` against iteration, one line per method in its style (the
//! map's colours, dashes and markers), drawn as a [`Sketch`] (painted on the page's canvas, or
//! written as SVG by [`super::svg`]).
//!
//! What a person can read: integer iteration ticks that never repeat; a log axis labelled at
//! decades (`10⁻⁵`, thinned by 1, 2, 5, 10 … decades); a linear axis with round ticks; values
//! unbounded below (a saddle's `E` to `−10²⁵`) on a symmetric log axis, so that every curve
//! stays visible; the legend below the plot, never over the data; a marker at each line's
//! current iteration. A log or symmetric log axis spans at most [`MAX_DECADES`] around the
//! start, so that one run falling to `10⁻²⁰` (Newton) or rising to `10³⁰⁰` (a divergence) does not
//! squash the others into a few pixels: a line that leaves the axis ends at its edge in an
//! arrow pointing where it went.

use crate::picture::sketch::{rgba, text_width, within, Align, Sketch, NONE};
use crate::picture::style::marker;
use crate::picture::style::MethodStyle;
use crate::picture::ticks::{nice_ticks, power_of_ten, short_number, tick_label};

/// One line of a chart: a method's values by iteration.
pub struct Series<'a> {
    /// Legend text.
    pub label: &'a str,
    /// How the method is drawn.
    pub style: &'a MethodStyle,
    /// The value at each iteration.
    pub ys: &'a [f64],
}

/// At most this many points per line; longer runs are thinned evenly (the last point is kept).
const MAX_POINTS: usize = 800;
/// The most decades a log axis spans (about 20 px each on a chart 180 px tall).
pub const MAX_DECADES: f64 = 8.0;

/// The part of `[a, b]` (axis units) to show, at most [`MAX_DECADES`] wide and around `s`, the
/// start: each side of it gets what it needs up to half, and what one side leaves, the other.
fn window(a: f64, b: f64, s: f64) -> (f64, f64) {
    if b - a <= MAX_DECADES || !s.is_finite() {
        return (a, b);
    }
    let s = within(s, a, b);
    let half = MAX_DECADES / 2.0;
    let (up, down) = (b - s, s - a);
    if up < half {
        (b - MAX_DECADES, b)
    } else if down < half {
        (a, a + MAX_DECADES)
    } else {
        (s - half, s + half)
    }
}
const FONT: f64 = 11.0;
const INK: u32 = 0x1d1d1fff;
const MUTED: u32 = 0x5b5b66ff;
const GRID: u32 = 0xe4e4eaff;
/// The line at the iteration replayed (the page's accent).
const SHOWN: u32 = 0x3b528bff;

/// How the `y` axis maps values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YAxis {
    /// Linear over `[lo, hi]`.
    Linear {
        /// Bottom.
        lo: f64,
        /// Top.
        hi: f64,
    },
    /// Logarithmic from `10^lo` to `10^hi`; values at or below zero sit on the bottom edge.
    Log {
        /// log₁₀ of the bottom.
        lo: f64,
        /// log₁₀ of the top.
        hi: f64,
    },
    /// `sign(y)·log₁₀(1 + |y|/c)` over `[lo, hi]` (in those units): linear within `c` of zero,
    /// logarithmic beyond, for values of both signs over many decades.
    SymLog {
        /// The linear zone's half-width, a power of ten.
        c: f64,
        /// Bottom, transformed.
        lo: f64,
        /// Top, transformed.
        hi: f64,
    },
}

impl YAxis {
    /// The axis for `series`: for `‖∇E‖` (`log_only`) or values none negative a log axis; for
    /// values of both signs spanning more than a thousand times the largest starting value, a
    /// symmetric log axis; otherwise linear.
    pub fn fit(series: &[Series], log_only: bool) -> YAxis {
        let finite = || {
            series
                .iter()
                .flat_map(|s| s.ys.iter().copied())
                .filter(|y| y.is_finite())
        };
        let (lo, hi) = finite().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| (a.min(y), b.max(y)));
        // Where the runs start (they share the start point: the first series' first value).
        let start = series.first().and_then(|s| s.ys.first()).copied().unwrap_or(f64::NAN);
        if !lo.is_finite() {
            return if log_only {
                YAxis::Log { lo: -1.0, hi: 1.0 }
            } else {
                YAxis::Linear { lo: -1.0, hi: 1.0 }
            };
        }
        // (E = 0 exactly, at a minimum of a landscape whose minimum is 0, sits on the bottom edge.)
        let smallest = finite().filter(|&y| y > 0.0).fold(f64::INFINITY, f64::min);
        // Values within a factor of three of each other (a plateau: the tiny network's E from
        // 0.285 to 0.261) read on a linear axis: a log one would give them a sliver and no label.
        if (log_only || lo >= 0.0) && smallest.is_finite() && hi < 3.0 * smallest && lo > 0.0 {
            let pad = if hi > lo { 0.08 * (hi - lo) } else { 0.05 * hi };
            return YAxis::Linear {
                lo: lo - pad,
                hi: hi + pad,
            };
        }
        if log_only || lo >= 0.0 {
            let (a, b) = if smallest.is_finite() {
                window(smallest.log10(), hi.log10(), start.log10())
            } else {
                (-12.0, 0.0)
            };
            let pad = 0.05 * (b - a).max(1.0);
            let (lo, hi) = (a - pad, b + pad);
            // At least one decade inside, so that the axis has a label.
            if hi.floor() < lo.ceil() {
                return YAxis::Log {
                    lo: lo.floor(),
                    hi: lo.floor() + 1.0,
                };
            }
            return YAxis::Log { lo, hi };
        }
        let largest_start = series
            .iter()
            .filter_map(|s| s.ys.first())
            .map(|y| y.abs())
            .filter(|y| y.is_finite())
            .fold(0.0, f64::max);
        let scale = largest_start.max(1e-12);
        if lo < 0.0 && (hi - lo) > 1e3 * scale {
            let c = 10f64.powf(scale.log10().floor());
            let f = |y: f64| y.signum() * (y.abs() / c).ln_1p() / std::f64::consts::LN_10;
            let (a, b) = window(f(lo), f(hi), f(start));
            let pad = 0.05 * (b - a);
            return YAxis::SymLog {
                c,
                lo: a - pad,
                hi: b + pad,
            };
        }
        let pad = if hi > lo { 0.06 * (hi - lo) } else { 1.0 };
        YAxis::Linear {
            lo: lo - pad,
            hi: hi + pad,
        }
    }

    /// `y` in axis units (NaN where it cannot be shown: not finite).
    pub fn to_axis(&self, y: f64) -> f64 {
        if !y.is_finite() {
            return f64::NAN;
        }
        match *self {
            YAxis::Linear { .. } => y,
            YAxis::Log { lo, .. } => {
                if y > 0.0 {
                    y.log10().max(lo)
                } else {
                    lo
                }
            }
            YAxis::SymLog { c, .. } => y.signum() * (y.abs() / c).ln_1p() / std::f64::consts::LN_10,
        }
    }

    fn range(&self) -> (f64, f64) {
        match *self {
            YAxis::Linear { lo, hi } | YAxis::Log { lo, hi } | YAxis::SymLog { lo, hi, .. } => (lo, hi),
        }
    }

    /// Tick positions (in axis units) and their labels, about `count` of them.
    pub fn ticks(&self, count: usize) -> Vec<(f64, String)> {
        match *self {
            YAxis::Linear { lo, hi } => {
                let (ticks, step) = nice_ticks(lo, hi, count);
                ticks.into_iter().map(|y| (y, tick_label(y, step))).collect()
            }
            // Fewer than two decades in view: 1, 2 and 5 times each power of ten too.
            YAxis::Log { lo, hi } if hi.floor() - lo.ceil() < 1.0 => {
                let steps = (lo.floor() as i32..=hi.ceil() as i32)
                    .flat_map(|k| [1.0, 2.0, 5.0].map(|m| m * 10f64.powi(k)))
                    .filter(|v| (lo..=hi).contains(&v.log10()));
                steps.map(|v| (v.log10(), short_number(v))).collect()
            }
            YAxis::Log { lo, hi } => decades(lo.ceil() as i32, hi.floor() as i32, count)
                .into_iter()
                .map(|k| (k as f64, decade_label(k)))
                .collect(),
            YAxis::SymLog { c, lo, hi } => {
                // 0 and ±c·10ʲ at axis positions j + log₁₀(1.1) ≈ j for the decades in view.
                let top = hi.max(-lo).floor() as i32;
                let picked = decades(0, top, count / 2 + 1);
                let mut ticks = vec![(0.0, "0".to_owned())];
                for j in picked {
                    let v = c * 10f64.powi(j);
                    let at = (v / c).ln_1p() / std::f64::consts::LN_10;
                    for (sign, text) in [(1.0, short_number(v)), (-1.0, short_number(-v))] {
                        if (lo..=hi).contains(&(sign * at)) {
                            ticks.push((sign * at, text));
                        }
                    }
                }
                let at: Vec<f64> = ticks.iter().map(|t| t.0).collect();
                crate::order::ascending(&at)
                    .into_iter()
                    .map(|i| ticks[i].clone())
                    .collect()
            }
        }
    }
}

/// Decades from `lo` to `hi` (inclusive) taken every 1, 2, 3, 5, 10, 20, 30, 50, … decades:
/// the smallest stride that leaves at most `count`, aligned on multiples of the stride (so 10⁻³,
/// 1, 10³ over nine decades with room for four labels: a stride of 5 left "1" alone there).
pub fn decades(lo: i32, hi: i32, count: usize) -> Vec<i32> {
    if hi < lo {
        return Vec::new();
    }
    let pick = |stride: i32| -> Vec<i32> { (lo..=hi).filter(|d| d.rem_euclid(stride) == 0).collect() };
    let mut k = 0;
    loop {
        let stride = [1, 2, 3, 5][k % 4] * 10i32.pow((k / 4) as u32);
        let picked = pick(stride);
        if picked.len() <= count.max(1) || stride > hi - lo {
            return picked;
        }
        k += 1;
    }
}

/// `1`, `10`, `10²`, `10⁻⁵`: a decade's label with a true minus.
pub fn decade_label(k: i32) -> String {
    match k {
        0 => "1".into(),
        1 => "10".into(),
        _ => power_of_ten(k),
    }
}

/// The iteration ticks over `0..=last`: whole numbers only, never repeated.
pub fn iteration_ticks(last: usize, count: usize) -> Vec<usize> {
    let last = last.max(1);
    let (_, step) = nice_ticks(0.0, last as f64, count);
    let step = (step.round() as usize).max(1);
    (0..=last).step_by(step).collect()
}

/// The points of a series to draw, thinned to [`MAX_POINTS`] (the last point kept), as
/// `(iteration, y)`; non-finite values are kept as breaks.
fn thinned(ys: &[f64]) -> Vec<(usize, f64)> {
    let stride = ys.len().div_ceil(MAX_POINTS).max(1);
    let last = ys.len().saturating_sub(1);
    (0..ys.len())
        .filter(|&i| i % stride == 0 || i == last)
        .map(|i| (i, ys[i]))
        .collect()
}

/// Where each legend entry goes: rows of `[swatch, label]` that fit `width`, from `(x, y)`.
fn legend_layout(series: &[Series], width: f64) -> (Vec<(f64, f64)>, f64) {
    let mut at = Vec::with_capacity(series.len());
    let (mut x, mut y) = (0.0, 0.0);
    for s in series {
        let w = 30.0 + text_width(s.label, FONT) + 14.0;
        if x > 0.0 && x + w > width {
            x = 0.0;
            y += 16.0;
        }
        at.push((x, y));
        x += w;
    }
    let height = if series.is_empty() { 0.0 } else { y + 16.0 };
    (at, height)
}

/// Draws a chart of `series` in the box at `origin` of `size` pixels, with `caption` above it,
/// on `axis`.
/// `shown`: the iteration replayed (a vertical line there, and each line's larger marker at it
/// rather than at its latest point).
pub fn draw(
    out: &mut Sketch,
    origin: (f64, f64),
    size: (f64, f64),
    caption: &str,
    series: &[Series],
    axis: YAxis,
    shown: Option<usize>,
) {
    let (ox, oy) = origin;
    let (w, h) = size;
    out.text(caption, ox + 4.0, oy + 3.0, 12.0, Align::Start, Align::Start, INK, NONE);
    let (legend, legend_h) = legend_layout(series, w - 12.0);
    // (About one label per 20 px: a log axis is read at its decades.)
    let count = ((h - 40.0 - legend_h) / 20.0).clamp(2.0, 8.0) as usize;
    let yticks = axis.ticks(count);
    let widest = yticks.iter().map(|(_, l)| text_width(l, FONT)).fold(0.0, f64::max);
    let left = ox + (widest + 12.0).max(24.0);
    let top = oy + 22.0;
    let right = ox + w - 10.0;
    let bottom = (oy + h - 20.0 - legend_h).max(top + 10.0);
    let (pw, ph) = (right - left, bottom - top);
    let n = series.iter().map(|s| s.ys.len()).max().unwrap_or(0);
    let last = n.saturating_sub(1).max(1);
    let (y0, y1) = axis.range();
    let px = |i: f64| left + i / last as f64 * pw;
    let py = |v: f64| bottom - (v - y0) / (y1 - y0) * ph;
    // Labels never overlap: one too close to a label kept is left out (its line stays); 0 is
    // kept first (on a symmetric log axis it is the one a reader looks for).
    let zero = yticks.iter().position(|t| t.1 == "0");
    let mut kept: Vec<f64> = Vec::new();
    for k in zero.into_iter().chain((0..yticks.len()).filter(|&k| Some(k) != zero)) {
        let (v, label) = &yticks[k];
        let y = py(*v);
        out.line([left, y, right, y], GRID, 1.0, &[]);
        if kept.iter().all(|&other| (other - y).abs() >= FONT + 2.0) {
            out.text(label, left - 5.0, y, FONT, Align::End, Align::Middle, MUTED, NONE);
            kept.push(y);
        }
    }
    let xcount = (pw / 60.0).clamp(2.0, 10.0) as usize;
    for i in iteration_ticks(last, xcount) {
        let x = px(i as f64);
        out.line([x, top, x, bottom], GRID, 1.0, &[]);
        out.text(
            &i.to_string(),
            x,
            bottom + 4.0,
            FONT,
            Align::Middle,
            Align::Start,
            MUTED,
            NONE,
        );
    }
    out.path(
        &[left, top, right, top, right, bottom, left, bottom],
        true,
        NONE,
        0x9a9aa6ff,
        1.0,
        &[],
    );
    if let Some(k) = shown {
        let x = px(k.min(last) as f64);
        out.line([x, top, x, bottom], SHOWN, 1.5, &[4.0, 3.0]);
    }
    for (j, s) in series.iter().enumerate() {
        let colour = rgba(s.style.rgb, 1.0);
        let mut run: Vec<f64> = Vec::new();
        let points = thinned(s.ys);
        // Off the axis (beyond its window, or E ≤ 0 on a log axis): the line goes to the edge,
        // an arrow there says which way it went, and it resumes where it comes back.
        // (A log axis clamps what lies below it to its bottom: `floor` tells those apart.)
        let (log, floor) = (matches!(axis, YAxis::Log { .. }), 10f64.powf(y0));
        let mut off = false;
        let mut edge = (0.0, 0.0); // where the line last met the edge going out
        for &(i, y) in &points {
            let v = axis.to_axis(y);
            if v.is_nan() {
                out.path(&run, false, NONE, colour, 2.0, s.style.dash);
                run.clear();
                off = false;
                continue;
            }
            let below = v < y0 || (log && y <= floor);
            let outside = below || v > y1;
            if outside && off {
                edge = (px(i as f64), py(within(v, y0, y1)));
                continue;
            }
            let (x, y) = (px(i as f64), py(within(v, y0, y1)));
            if off {
                // Back on the axis: the line comes in from the edge where it was last.
                run.extend([edge.0, edge.1]);
            }
            run.extend([x, y]);
            if outside {
                out.path(&run, false, NONE, colour, 2.0, s.style.dash);
                run.clear();
                off_scale_arrow(out, x, y, below, colour);
            }
            off = outside;
        }
        out.path(&run, false, NONE, colour, 2.0, s.style.dash);
        // A few markers spread along the line (staggered between methods, which all start at
        // the same point) and a larger one at the current iteration.
        let len = s.ys.len();
        for k in 0..5 {
            let i = ((k as f64 + (j as f64 + 1.0) / (series.len() as f64 + 1.0)) * len as f64 / 5.0) as usize;
            if i + 1 >= len {
                continue;
            }
            let v = axis.to_axis(s.ys[i]);
            if v > y0 && v <= y1 {
                marker(
                    out,
                    s.style.marker,
                    px(i as f64),
                    py(within(v, y0, y1)),
                    3.0,
                    colour,
                    0xffffffff,
                );
            }
        }
        let upto = shown.unwrap_or(usize::MAX);
        let at =
            s.ys.iter()
                .enumerate()
                .take(upto.saturating_add(1))
                .rev()
                .find(|(_, y)| y.is_finite());
        if let Some((i, &y)) = at {
            let v = axis.to_axis(y);
            if v <= y0 || v > y1 {
                continue; // (off the axis: its arrow marks where it went)
            }
            marker(
                out,
                s.style.marker,
                px(i as f64),
                py(within(v, y0, y1)),
                4.5,
                colour,
                0xffffffff,
            );
        }
    }
    entries(out, (left.min(ox + 12.0), bottom + 20.0), series, &legend);
}

/// A legend of `series` (each method's line, dashes and marker, and its label) in rows that
/// fit `width`, from `(x, y)`; its height. What the charts draw under their plot, and the
/// exported map's caption.
pub fn legend(out: &mut Sketch, (x, y): (f64, f64), width: f64, series: &[Series]) -> f64 {
    let (at, height) = legend_layout(series, width);
    entries(out, (x, y), series, &at);
    height
}

fn entries(out: &mut Sketch, (ox, oy): (f64, f64), series: &[Series], at: &[(f64, f64)]) {
    for (s, &(x, y)) in series.iter().zip(at) {
        let (x, y) = (ox + x, oy + y + 6.0);
        let colour = rgba(s.style.rgb, 1.0);
        out.line([x, y, x + 22.0, y], colour, 2.0, s.style.dash);
        marker(out, s.style.marker, x + 22.0, y, 3.5, colour, 0xffffffff);
        out.text(s.label, x + 30.0, y, FONT, Align::Start, Align::Middle, INK, NONE);
    }
}

/// A small arrowhead on the edge at `(x, y)` pointing down (`below`) or up: a line left the axis.
fn off_scale_arrow(out: &mut Sketch, x: f64, y: f64, below: bool, colour: u32) {
    let d = if below { -1.0 } else { 1.0 };
    let tip = [x, y, x - 5.0, y + 8.0 * d, x + 5.0, y + 8.0 * d];
    out.path(&tip, true, colour, 0xffffffff, 1.25, &[]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::picture::sketch::op;
    use crate::picture::style::METHOD_STYLES;

    fn series<'a>(ys: &'a [Vec<f64>], labels: &'a [&str]) -> Vec<Series<'a>> {
        ys.iter()
            .zip(labels)
            .enumerate()
            .map(|(i, (ys, label))| Series {
                label,
                style: &METHOD_STYLES[i],
                ys,
            })
            .collect()
    }

    #[test]
    fn iteration_ticks_are_whole_and_never_repeat() {
        for last in [0, 1, 2, 3, 7, 12, 99, 1000, 100_000] {
            let t = iteration_ticks(last, 6);
            assert!(t.len() >= 2, "{last}: {t:?}");
            assert!(t.windows(2).all(|w| w[0] < w[1]), "{last}: {t:?}");
        }
        assert_eq!(iteration_ticks(1, 6), [0, 1]);
    }

    #[test]
    fn log_axes_are_labelled_at_decades_with_true_minus_signs() {
        assert_eq!(decade_label(-5), "10⁻⁵");
        assert_eq!(decade_label(0), "1");
        assert_eq!(decade_label(3), "10³");
        assert_eq!(decades(-12, 3, 6), [-12, -9, -6, -3, 0, 3]);
        assert_eq!(decades(-12, 3, 4), [-10, -5, 0]);
        // Nine decades with room for four labels: three of them, not "1" alone.
        assert_eq!(decades(-4, 4, 4), [-3, 0, 3]);
        assert_eq!(decades(-4, 4, 2), [0]);
        assert_eq!(decades(-2, 2, 6), [-2, -1, 0, 1, 2]);
        assert!(decades(-300, 300, 6).len() <= 6);
        // Less than two decades: labels at 1, 2 and 5 times the powers of ten, at least two.
        let narrow = YAxis::Log { lo: 0.9, hi: 1.6 };
        let labels: Vec<String> = narrow.ticks(6).into_iter().map(|(_, l)| l).collect();
        assert_eq!(labels, ["10", "20"]);
        let labels: Vec<String> = (YAxis::Log { lo: -2.5, hi: -1.2 }.ticks(6).into_iter())
            .map(|(_, l)| l)
            .collect();
        assert_eq!(labels, ["0.005", "0.01", "0.02", "0.05"]);
        let a = YAxis::Log { lo: -5.3, hi: 1.2 };
        let labels: Vec<String> = a.ticks(6).into_iter().map(|t| t.1).collect();
        assert_eq!(labels, ["10⁻⁴", "10⁻²", "1"]);
    }

    /// The tips of the off-scale arrows drawn in `colour` (closed, filled triangles, their
    /// outline 1.25 px wide: the markers' are 1 px).
    fn arrows(out: &Sketch, colour: u32) -> Vec<(f64, f64)> {
        let o = &out.ops;
        (0..o.len().saturating_sub(12))
            .filter(|&k| o[k] == op::PATH && o[k + 1] == f64::from(colour) && o[k + 2] == f64::from(0xffffffffu32))
            .filter(|&k| o[k + 3] == 1.25 && o[k + 4] == 0.0 && o[k + 5] == 1.0 && o[k + 6] == 3.0)
            .map(|k| (o[k + 7], o[k + 8]))
            .collect()
    }

    #[test]
    fn a_replayed_iteration_is_marked_by_a_line() {
        let ys: Vec<Vec<f64>> = vec![(0..50).map(|i| 100.0 * 0.9f64.powi(i)).collect()];
        let s = series(&ys, &["GD"]);
        let rule = |shown| {
            let mut out = Sketch::default();
            draw(
                &mut out,
                (0.0, 0.0),
                (360.0, 200.0),
                "E",
                &s,
                YAxis::fit(&s, false),
                shown,
            );
            let o = out.ops;
            (0..o.len().saturating_sub(3)).any(|k| o[k] == op::PATH && o[k + 2] == f64::from(SHOWN))
        };
        assert!(!rule(None));
        assert!(rule(Some(10)));
    }

    /// Newton falls to 10⁻²⁰ while GD creeps from 100 to 3: the axis keeps eight decades around
    /// the start, GD's curve gets a good part of the height, and Newton leaves by an arrow at the
    /// bottom edge.
    #[test]
    fn one_run_falling_twenty_decades_does_not_squash_the_others() {
        let gd: Vec<f64> = (0..50).map(|i| 3.0 + 97.0 * 0.9f64.powi(i)).collect();
        let newton = vec![100.0, 1.0, 1e-6, 1e-20, 1e-20];
        let ys = [gd, newton];
        let s = series(&ys, &["GD", "Newton"]);
        let axis = YAxis::fit(&s, false);
        let YAxis::Log { lo, hi } = axis else {
            panic!("{axis:?}")
        };
        assert!(hi - lo <= MAX_DECADES * 1.11, "[{lo}, {hi}]");
        let share = (axis.to_axis(100.0) - axis.to_axis(3.0)) / (hi - lo);
        assert!(share > 0.15, "GD's curve spans {share} of the axis");
        let mut out = Sketch::default();
        draw(&mut out, (0.0, 0.0), (360.0, 200.0), "E", &s, axis, None);
        let down = arrows(&out, rgba(METHOD_STYLES[1].rgb, 1.0));
        assert_eq!(down.len(), 1, "one arrow where Newton leaves: {down:?}");
        assert!(
            arrows(&out, rgba(METHOD_STYLES[0].rgb, 1.0)).is_empty(),
            "GD stays on the axis"
        );
        // A divergence up and a fall down, from the same start: both leave, the start stays.
        let ys = [vec![100.0, 1e10, 1e300], vec![100.0, 1e-3, 1e-12]];
        let s = series(&ys, &["GD", "Newton"]);
        let axis = YAxis::fit(&s, false);
        let YAxis::Log { lo, hi } = axis else {
            panic!("{axis:?}")
        };
        assert!(
            lo < 2.0 - 3.0 && hi > 2.0 + 3.0 && hi - lo <= MAX_DECADES * 1.11,
            "[{lo}, {hi}]"
        );
        let mut out = Sketch::default();
        draw(&mut out, (0.0, 0.0), (360.0, 200.0), "E", &s, axis, None);
        assert_eq!(arrows(&out, rgba(METHOD_STYLES[0].rgb, 1.0)).len(), 1);
        assert_eq!(arrows(&out, rgba(METHOD_STYLES[1].rgb, 1.0)).len(), 1);
        // A line that leaves and comes back comes in from the edge: its next piece starts on it.
        let ys = [vec![100.0, 1e30, 1e30, 50.0, 20.0], vec![100.0, 10.0, 1.0]];
        let s = series(&ys, &["GD", "Newton"]);
        let axis = YAxis::fit(&s, false);
        let YAxis::Log { hi, .. } = axis else {
            panic!("{axis:?}")
        };
        assert!(hi < 30.0, "{axis:?}");
        let mut out = Sketch::default();
        draw(&mut out, (0.0, 0.0), (360.0, 200.0), "E", &s, axis, None);
        let tips = arrows(&out, rgba(METHOD_STYLES[0].rgb, 1.0));
        assert_eq!(tips.len(), 1, "{tips:?}");
        let top = tips[0].1;
        let o = &out.ops;
        let back = (0..o.len().saturating_sub(8)).any(|k| {
            o[k] == op::PATH
                && o[k + 2] == f64::from(rgba(METHOD_STYLES[0].rgb, 1.0))
                && o[k + 5] == 0.0
                && o[k + 6] >= 2.0
                && o[k + 8] == top
        });
        assert!(back, "a piece of GD's line starts on the top edge");
        // The saddle x² − y²: GD runs off to −2·10²⁵ while Newton lands on E = 0 from 2.25; on
        // the symmetric log axis 2.25, 0 and a negative decade are labelled, and GD leaves by an
        // arrow at the bottom.
        let gd: Vec<f64> = (0..80).map(|i| 2.25 - 0.5 * 2.1f64.powi(i)).collect();
        let ys = [gd, vec![2.25, 0.0, 0.0]];
        let s = series(&ys, &["GD", "Newton"]);
        let axis = YAxis::fit(&s, false);
        let YAxis::SymLog { lo, hi, .. } = axis else {
            panic!("{axis:?}")
        };
        assert!(hi - lo <= MAX_DECADES * 1.11, "[{lo}, {hi}]");
        let mut out = Sketch::default();
        draw(&mut out, (0.0, 0.0), (360.0, 190.0), "E", &s, axis, None);
        let texts: Vec<&str> = out.labels.iter().map(|l| l.text.as_str()).collect();
        assert!(
            texts.contains(&"0") && texts.iter().any(|t| t.starts_with('−')),
            "{texts:?}"
        );
        assert_eq!(arrows(&out, rgba(METHOD_STYLES[0].rgb, 1.0)).len(), 1);
    }

    #[test]
    fn a_landscape_unbounded_below_gets_a_symmetric_log_axis() {
        let gd: Vec<f64> = (0..60).map(|i| 1.0 - 1.5f64.powi(i)).collect();
        let newton = vec![1.0, 0.0, 0.0];
        let ys = [gd, newton];
        let s = series(&ys, &["GD", "Newton"]);
        let axis = YAxis::fit(&s, false);
        let YAxis::SymLog { lo, hi, .. } = axis else {
            panic!("{axis:?}")
        };
        // Newton's 1 and 0 are told apart: more than a tenth of the axis between them.
        assert!((axis.to_axis(1.0) - axis.to_axis(0.0)) / (hi - lo) > 0.02);
        let mut out = Sketch::default();
        draw(&mut out, (0.0, 0.0), (360.0, 200.0), "E", &s, axis, None);
        let boxes: Vec<[f64; 4]> = out.labels.iter().map(|l| l.bounds).collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                assert!(!overlap, "{a:?} and {b:?} overlap");
            }
        }
        let labels: Vec<String> = axis.ticks(6).into_iter().map(|t| t.1).collect();
        assert!(
            labels.contains(&"0".to_owned()) && labels.iter().any(|l| l.starts_with('−')),
            "{labels:?}"
        );
        // One value: a linear axis around it, labelled.
        let ys = [vec![24.2]];
        let one = YAxis::fit(&series(&ys, &["GD"]), false);
        assert!(
            matches!(one, YAxis::Linear { lo, hi } if lo < 24.2 && hi > 24.2),
            "{one:?}"
        );
        assert!(one.ticks(6).len() >= 2);
        // A plateau, E from 0.285 to 0.261 (the tiny network): linear, the values filling most
        // of the axis, two labels or more among them.
        let ys = [vec![0.285, 0.27, 0.265, 0.261]];
        let flat = YAxis::fit(&series(&ys, &["GD"]), false);
        let YAxis::Linear { lo, hi } = flat else {
            panic!("{flat:?}")
        };
        assert!((0.285 - 0.261) / (hi - lo) > 0.8, "[{lo}, {hi}]");
        let inside = flat.ticks(5).into_iter().filter(|(v, _)| (lo..=hi).contains(v)).count();
        assert!(inside >= 2, "{:?}", flat.ticks(5));
        // All positive: a log axis; a small range of both signs: linear.
        let ys = [vec![4.0, 1.0, 0.25]];
        assert!(matches!(YAxis::fit(&series(&ys, &["GD"]), false), YAxis::Log { .. }));
        let ys = [vec![1.0, -0.5, -1.0]];
        assert!(matches!(YAxis::fit(&series(&ys, &["GD"]), false), YAxis::Linear { .. }));
        // A run that lands on E = 0 exactly (Himmelblau's minima) beside one that spiked to
        // 5·10⁴: still a log axis, so that neither flattens the other; the zero on its edge.
        let ys = [vec![165.0, 50_000.0, 13.3], vec![165.0, 1.0, 0.0]];
        let axis = YAxis::fit(&series(&ys, &["GD opt.", "SF Newton"]), false);
        let YAxis::Log { lo, hi } = axis else {
            panic!("{axis:?}")
        };
        assert!(lo < 0.0 && hi > 4.69, "[{lo}, {hi}]: 1 and 5·10⁴ inside");
        assert_eq!(axis.to_axis(0.0), lo, "E = 0 on the bottom edge");
    }

    #[test]
    fn the_legend_is_below_the_data_and_labels_stay_on_the_canvas() {
        let ys: Vec<Vec<f64>> = (0..8)
            .map(|k| (0..40).map(|i| (0.9f64 - 0.05 * k as f64).powi(i)).collect())
            .collect();
        let labels = ["GD", "GD opt.", "Newton", "Damped", "LM", "SFN", "Momentum", "Adam"];
        let s = series(&ys, &labels);
        let mut out = Sketch::default();
        let axis = YAxis::fit(&s, false);
        draw(&mut out, (0.0, 0.0), (380.0, 260.0), "E", &s, axis, None);
        let legend: Vec<_> = out
            .labels
            .iter()
            .filter(|l| labels.contains(&l.text.as_str()))
            .collect();
        assert_eq!(legend.len(), 8);
        let bottom_of_ticks = out
            .labels
            .iter()
            .filter(|l| l.text.chars().all(|c| c.is_ascii_digit()))
            .map(|l| l.bounds[3])
            .fold(0.0, f64::max);
        for l in &out.labels {
            let [a, b, c, d] = l.bounds;
            assert!(a >= 0.0 && c <= 380.0 && b >= 0.0 && d <= 260.0, "{l:?}");
        }
        for l in legend {
            assert!(l.bounds[1] >= bottom_of_ticks, "{l:?} is not below the plot");
        }
        let texts: Vec<&str> = out.labels.iter().map(|l| l.text.as_str()).collect();
        let unique: std::collections::HashSet<_> = texts.iter().collect();
        assert_eq!(unique.len(), texts.len(), "{texts:?}");
    }

    #[test]
    fn two_iterations_read_zero_and_one_once_each() {
        let ys = [vec![1.0, 0.0]];
        let s = series(&ys, &["Newton"]);
        let mut out = Sketch::default();
        draw(
            &mut out,
            (0.0, 0.0),
            (300.0, 200.0),
            "E",
            &s,
            YAxis::fit(&s, false),
            None,
        );
        // The plot ends 20 pixels above the legend's row: the iteration labels are below it.
        let below: Vec<&str> = out
            .labels
            .iter()
            .filter(|l| l.bounds[1] >= 200.0 - 20.0 - 16.0)
            .map(|l| l.text.as_str())
            .filter(|t| t.chars().all(|c| c.is_ascii_digit()))
            .collect();
        assert_eq!(below, ["0", "1"]);
    }
}
