//! The map as a plot: the landscape's frame (axes with ticks in its coordinates, the colour bar
//! that says what `E` a colour means) and the overlay drawn on it (trajectories with a halo and
//! an arrow where they leave the view, critical points, the start, the Hessian's picture; in 1-D
//! the curve), as [`Sketch`]es the page paints.

use crate::analysis::hessian::CriticalKind;
use crate::picture::colormap::{viridis, Scale};
use crate::picture::sketch::{rgba, text_width, within, Align, Rgba, Sketch, NONE};
use crate::picture::style::{marker, MethodStyle};
use crate::picture::ticks::{nice_ticks, short_number, significant_number, tick_label};

/// Maps a view of parameter space onto a box of CSS pixels (y up).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// `[x_min, x_max, y_min, y_max]` shown.
    pub view: [f64; 4],
    /// The box's width in pixels.
    pub width: f64,
    /// The box's height in pixels.
    pub height: f64,
}

impl Frame {
    /// The pixel of `(x, y)`.
    pub fn to_px(&self, x: f64, y: f64) -> (f64, f64) {
        let [x0, x1, y0, y1] = self.view;
        ((x - x0) / (x1 - x0) * self.width, (y1 - y) / (y1 - y0) * self.height)
    }

    /// The point at pixel `(px, py)`.
    pub fn from_px(&self, px: f64, py: f64) -> (f64, f64) {
        let [x0, x1, y0, y1] = self.view;
        (x0 + px / self.width * (x1 - x0), y1 - py / self.height * (y1 - y0))
    }

    fn inside(&self, (px, py): (f64, f64)) -> bool {
        (0.0..=self.width).contains(&px) && (0.0..=self.height).contains(&py)
    }
}

/// The 1-D frame: the view's `x` range and the curve's range of `E` with a margin.
pub fn curve_frame(x0: f64, x1: f64, lo: f64, hi: f64, width: f64, height: f64) -> Frame {
    let ok = lo.is_finite() && hi.is_finite();
    let span = if ok && hi > lo { hi - lo } else { 1.0 };
    let (y0, y1) = if ok {
        (lo - 0.08 * span, hi + 0.08 * span)
    } else {
        (-1.0, 1.0)
    };
    Frame {
        view: [x0, x1, y0, y1],
        width,
        height,
    }
}

/// Text and marks on the dark heatmap and around it.
const INK: Rgba = 0x1d1d1fff;
const WHITE: Rgba = 0xffffffff;
/// The light halo under every path, marker and label on the map.
const HALO: Rgba = 0xffffffd9;
const DARK_HALO: Rgba = 0x000000cc;
const FONT: f64 = 12.0;

/// How many ticks to aim for along an axis `length` pixels long (the `y` axis's labels are
/// shorter than wide: closer together): never fewer than three, so a small map (a phone, presenter
/// mode) still has a scale to read.
fn x_tick_count(length: f64) -> usize {
    (length / 64.0).clamp(3.0, 10.0) as usize
}

fn y_tick_count(length: f64) -> usize {
    (length / 50.0).clamp(3.0, 10.0) as usize
}

/// The ticks of the left axis: their height in the frame's pixels and their labels.
fn y_ticks(frame: &Frame) -> Vec<(f64, String, bool)> {
    let [.., y0, y1] = frame.view;
    let (ys, step) = nice_ticks(y0, y1, y_tick_count(frame.height));
    // (Whether the tick is an even multiple of the step: where every other label goes.)
    ys.into_iter()
        .map(|y| {
            (
                frame.to_px(0.0, y).1,
                tick_label(y, step),
                ((y / step).round() as i64) % 2 == 0,
            )
        })
        .collect()
}

/// The room the left axis needs beside a map of `frame`'s view, whatever its height: its
/// widest tick label at any number of ticks the axis may get, and the tick. (Independent of
/// the map's size, which follows from it.)
pub fn left_margin(frame: &Frame) -> f64 {
    let [.., y0, y1] = frame.view;
    let widest = (2..=10)
        .flat_map(|count| {
            let (ys, step) = nice_ticks(y0, y1, count);
            ys.into_iter().map(move |y| text_width(&tick_label(y, step), FONT))
        })
        .fold(0.0, f64::max);
    (widest + 14.0).max(30.0).ceil()
}

/// Whether a page `width` pixels wide is too narrow for axes outside the map (a phone, a small
/// embed): then the map takes all the room and its ticks, labels and colour bar are drawn
/// inside it. (Decided on the page's width, not the map's, which follows from the decision.)
pub fn compact(width: f64) -> bool {
    width < 600.0
}

/// The room around the map, `[left, top, right, bottom]` in pixels, that the axes and colour
/// bar of `frame`'s view and `scale` need on a page `width` pixels wide (compact: only the
/// colour bar's, below the map), the same whatever the map's size, in multiples of 8 px.
pub fn margins(frame: &Frame, scale: Option<&Scale>, width: f64) -> [f64; 4] {
    if compact(width) {
        let bottom = if scale.is_some() { COMPACT_BAR } else { 0.0 };
        return [0.0, 0.0, 0.0, bottom];
    }
    let left = left_margin(frame);
    let right = match scale {
        Some(scale) => {
            // At any number of ticks the bar may get: independent of the map's size.
            let widest = (2..=6)
                .flat_map(|count| colour_bar_ticks(scale, count))
                .map(|(_, v)| text_width(&bar_label(scale, v), FONT))
                .fold(0.0, f64::max);
            (10.0 + 12.0 + 6.0 + widest + 4.0).ceil()
        }
        None => 12.0,
    };
    // Rounded up to 8 px: the colour scale moves a little with the sample, and a margin that
    // followed each move would resize the map, which resamples it.
    [left, 22.0, right, 38.0].map(|m| 8.0 * (m / 8.0).ceil())
}

/// The room a compact map's colour bar takes below it: the bar and a line of labels.
const COMPACT_BAR: f64 = 32.0;

/// How many ticks a colour bar `height` pixels tall gets.
fn bar_ticks(height: f64) -> usize {
    (height / 60.0).clamp(2.0, 6.0) as usize
}

/// The plot box inside the frame canvas, in CSS pixels: where the map is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotBox {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// The frame around the map: ticks and their labels along the bottom (`x`) and left (`y`, or
/// `E` in 1-D) edges, the axis names, and in 2-D the colour bar of `scale` at the right. With no
/// room around the map (a compact page, see [`margins`]) all of it is drawn inside the map's
/// edges, with a halo. `canvas` is the frame canvas's size; `frame` the map's.
pub fn draw_axes(
    out: &mut Sketch,
    canvas: (f64, f64),
    plot: PlotBox,
    frame: &Frame,
    names: [&str; 2],
    scale: Option<&Scale>,
) {
    out.clear();
    let inside = plot.left < 1.0 || plot.top < 1.0;
    // Outside: labels beyond the edges, ink on the page. Inside: within the edges, with a halo.
    let (dir, halo) = if inside { (-1.0, HALO) } else { (1.0, NONE) };
    let [x0, x1, ..] = frame.view;
    let bottom = plot.top + plot.height;
    let tick = rgba(0x5b5b66, 1.0);
    let (xs, xstep) = nice_ticks(x0, x1, x_tick_count(plot.width));
    // Inside, the labels keep off the map's left edge and off the axis's name at the right (the
    // y labels keep clear of the bottom-left corner themselves).
    let mut right_edge = if inside { plot.left - 2.0 } else { f64::NEG_INFINITY };
    let x_limit = if inside {
        plot.left + plot.width - 10.0 - text_width(names[0], FONT)
    } else {
        canvas.0 - 1.0
    };
    for x in xs {
        let px = plot.left + frame.to_px(x, 0.0).0;
        out.line([px, bottom, px, bottom + dir * 5.0], tick, 1.0, &[]);
        let label = tick_label(x, xstep);
        let w = text_width(&label, FONT);
        // Labels never overlap: one that would touch the last is left out.
        if px - w / 2.0 > right_edge + 4.0 && px + w / 2.0 <= x_limit {
            let (y, baseline) = if inside {
                (bottom - 7.0, Align::End)
            } else {
                (bottom + 7.0, Align::Start)
            };
            out.text(&label, px, y, FONT, Align::Middle, baseline, INK, halo);
            right_edge = px + w / 2.0;
        }
    }
    let ys = y_ticks(frame);
    // (Ticks closer than this: every other one labelled.)
    let spacing = if ys.len() > 1 {
        (ys[1].0 - ys[0].0).abs()
    } else {
        f64::INFINITY
    };
    let thin = spacing < 3.0 * FONT;
    for (py, label, even) in &ys {
        let py = plot.top + py;
        out.line([plot.left - dir * 5.0, py, plot.left, py], tick, 1.0, &[]);
        if inside {
            // Clear of the x labels at the bottom and of the axis's name at the top; where
            // the ticks are close, every other one, at the even multiples of the step (every
            // other by their order left "0" alone on the saddle's ±2 on a phone).
            if py < plot.top + 8.0 + 1.5 * FONT || py > bottom - 24.0 || (thin && !*even) {
                continue;
            }
            // (Just above its tick: beside it, the tick would read as a minus sign.)
            out.text(
                label,
                plot.left + 2.0,
                py - 3.0,
                FONT,
                Align::Start,
                Align::End,
                INK,
                halo,
            );
        } else {
            out.text(label, plot.left - 7.0, py, FONT, Align::End, Align::Middle, INK, halo);
        }
    }
    if inside {
        out.text(
            names[0],
            plot.left + plot.width - 6.0,
            bottom - 7.0,
            FONT,
            Align::End,
            Align::End,
            INK,
            halo,
        );
        out.text(
            names[1],
            plot.left + 7.0,
            plot.top + 6.0,
            FONT,
            Align::Start,
            Align::Start,
            INK,
            halo,
        );
    } else {
        out.text(
            names[0],
            plot.left + plot.width,
            bottom + 22.0,
            FONT,
            Align::End,
            Align::Start,
            INK,
            NONE,
        );
        out.text(
            names[1],
            plot.left - 7.0,
            plot.top - 11.0,
            FONT,
            Align::End,
            Align::End,
            INK,
            NONE,
        );
    }
    let Some(scale) = scale else { return };
    // Compact (a phone): a horizontal bar under the map, its labels below it, off the data.
    let bar = if inside {
        PlotBox {
            left: plot.left + 18.0,
            top: plot.top + plot.height + 5.0,
            width: (plot.width - 26.0).max(40.0),
            height: 7.0,
        }
    } else {
        PlotBox {
            left: plot.left + plot.width + 10.0,
            top: plot.top,
            width: 12.0,
            height: plot.height,
        }
    };
    colour_bar(out, bar, scale, inside);
}

/// Values of `E` to label on a colour bar of `scale`: about `count` of them, rounded to two
/// significant digits, each at its own position, increasing.
pub fn colour_bar_ticks(scale: &Scale, count: usize) -> Vec<(f64, f64)> {
    let (lo, hi) = (scale.value(0.0), scale.value(1.0));
    if hi.is_nan() || lo.is_nan() || hi <= lo {
        return vec![(0.0, lo)];
    }
    let mut ticks: Vec<(f64, f64)> = Vec::new();
    // Round values, two significant digits: the ends rounded inwards (so they stay on the bar),
    // and where the values cross zero, one within a billionth of their size of it is zero (not
    // 1.1×10⁻¹⁹).
    let tiny = if lo < 0.0 && hi > 0.0 { 1e-9 * hi.max(-lo) } else { 0.0 };
    let digits = bar_digits(lo, hi);
    for k in 0..=count {
        let t = k as f64 / count as f64;
        let v = scale.value(t);
        let inwards = if k == 0 {
            1.0
        } else if k == count {
            -1.0
        } else {
            0.0
        };
        let v = if v.abs() < tiny {
            0.0
        } else {
            round_to(v, digits, inwards)
        };
        let t = scale.t(v);
        if !(0.0..=1.0).contains(&t)
            || ticks
                .last()
                .is_some_and(|&(last, lv)| t - last < 0.6 / count as f64 || v <= lv)
        {
            continue;
        }
        ticks.push((t, v));
    }
    ticks
}

/// How many significant digits a colour bar over `[lo, hi]` rounds its labels to: two, and more
/// where the values are close together (0.261 to 0.289 would all read 0.27).
fn bar_digits(lo: f64, hi: f64) -> i32 {
    // (A range from near zero, size/range ≈ 1, keeps two: the slack keeps 1.000001 from
    // rounding up to a third digit.)
    let closeness = (hi.abs().max(lo.abs()) / (hi - lo)).log10();
    ((closeness - 0.05).ceil().max(0.0) as i32 + 2).min(6)
}

/// A colour bar's label for `v`, with the digits its ticks were rounded to (three at least).
fn bar_label(scale: &Scale, v: f64) -> String {
    significant_number(v, bar_digits(scale.value(0.0), scale.value(1.0)).max(3))
}

/// `v` rounded to `digits` significant digits: to the nearest (`direction` 0), up (1) or down
/// (−1).
fn round_to(v: f64, digits: i32, direction: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let e = v.abs().log10().floor() as i32 - digits + 1;
    // In units of 10^e; below 1 through the exact 10^−e, so that 289 / 1000 is 0.289.
    let scale = 10f64.powi(e.abs());
    let q = if e < 0 { v * scale } else { v / scale };
    // (A hair of slack: a value already round stays itself.)
    let r = if direction > 0.0 {
        (q - 1e-9).ceil()
    } else if direction < 0.0 {
        (q + 1e-9).floor()
    } else {
        q.round()
    };
    if e < 0 {
        r / scale
    } else {
        r * scale
    }
}

/// A colour bar in `bar`: vertical (low at the bottom) with its ticks labelled at its right, or
/// `horizontal` (low at the left) with its labels below it, apart.
fn colour_bar(out: &mut Sketch, bar: PlotBox, scale: &Scale, horizontal: bool) {
    const STEPS: usize = 48;
    let [l, t, w, h] = [bar.left, bar.top, bar.width, bar.height];
    for k in 0..STEPS {
        let (t0, t1) = (k as f64 / STEPS as f64, (k + 1) as f64 / STEPS as f64);
        let [r, g, b] = viridis((t0 + t1) / 2.0);
        let colour = rgba(u32::from(r) << 16 | u32::from(g) << 8 | u32::from(b), 1.0);
        let cell = if horizontal {
            let (a, b) = (l + t0 * w, l + t1 * w + 0.5);
            [a, t, b, t, b, t + h, a, t + h]
        } else {
            let (top, bot) = (t + (1.0 - t1) * h - 0.5, t + (1.0 - t0) * h);
            [l, top, l + w, top, l + w, bot, l, bot]
        };
        out.path(&cell, true, colour, NONE, 0.0, &[]);
    }
    let edge = rgba(0x5b5b66, 1.0);
    out.path(&[l, t, l + w, t, l + w, t + h, l, t + h], true, NONE, edge, 1.0, &[]);
    if horizontal {
        out.text("E", l - 6.0, t + h / 2.0, FONT, Align::End, Align::Middle, INK, NONE);
        let mut right_edge = f64::NEG_INFINITY;
        let ticks = colour_bar_ticks(scale, (w / 90.0).clamp(2.0, 5.0) as usize);
        for (k, &(tt, v)) in ticks.iter().enumerate() {
            let x = l + tt * w;
            let label = bar_label(scale, v);
            let lw = text_width(&label, FONT);
            // The ends' labels keep within the bar's span; the others are centred, apart.
            let (left, align) = match k {
                0 => (x, Align::Start),
                _ if k + 1 == ticks.len() => (x - lw, Align::End),
                _ => (x - lw / 2.0, Align::Middle),
            };
            let last_fits = k + 1 == ticks.len()
                || left + lw + 4.0
                    < l + ticks[ticks.len() - 1].0 * w - text_width(&bar_label(scale, ticks[ticks.len() - 1].1), FONT);
            if left <= right_edge + 6.0 || !last_fits {
                continue;
            }
            out.line([x, t + h, x, t + h + 3.0], edge, 1.0, &[]);
            out.text(&label, x, t + h + 4.0, FONT, align, Align::Start, INK, NONE);
            right_edge = left + lw;
        }
        return;
    }
    for (tt, v) in colour_bar_ticks(scale, bar_ticks(h)) {
        let y = t + (1.0 - tt) * h;
        let label = bar_label(scale, v);
        out.line([l + w, y, l + w + 4.0, y], edge, 1.0, &[]);
        out.text(&label, l + w + 6.0, y, FONT, Align::Start, Align::Middle, INK, NONE);
    }
    out.text("E", l + w / 2.0, t - 4.0, FONT, Align::Middle, Align::End, INK, NONE);
}

/// Contour segments (grid units of an `nx × ny` sample) stroked over the whole frame.
pub fn draw_contours(out: &mut Sketch, segments: &[f32], nx: usize, ny: usize, frame: &Frame) {
    out.clear();
    let (sx, sy) = (frame.width / nx as f64, frame.height / ny as f64);
    out.segments(segments, rgba(0xffffff, 0.38), 0.8, &[], |x, y| (x * sx, y * sy));
}

/// The 1-D curve `values` (sampled evenly over the view's `x` range) with grid lines at the
/// axes' ticks.
pub fn draw_curve(out: &mut Sketch, frame: &Frame, values: &[f64]) {
    let grid = rgba(0xc8c8cf, 1.0);
    let [x0, x1, y0, y1] = frame.view;
    for x in nice_ticks(x0, x1, x_tick_count(frame.width)).0 {
        let (px, _) = frame.to_px(x, 0.0);
        out.line([px, 0.0, px, frame.height], grid, 1.0, &[]);
    }
    for y in nice_ticks(y0, y1, y_tick_count(frame.height)).0 {
        let (_, py) = frame.to_px(0.0, y);
        out.line([0.0, py, frame.width, py], grid, 1.0, &[]);
    }
    let n = values.len();
    let mut run: Vec<f64> = Vec::with_capacity(2 * n);
    let curve = rgba(0x3b528b, 1.0);
    for (i, &v) in values.iter().enumerate() {
        if !v.is_finite() {
            out.path(&run, false, NONE, curve, 2.5, &[]);
            run.clear();
            continue;
        }
        let x = x0 + (x1 - x0) * i as f64 / (n.max(2) - 1) as f64;
        let (px, py) = frame.to_px(x, v);
        run.extend([px, py]);
    }
    out.path(&run, false, NONE, curve, 2.5, &[]);
}

/// One run as the map shows it.
pub struct Track<'a> {
    /// How its method is drawn.
    pub style: &'a MethodStyle,
    /// Its iterates, `dim` numbers each.
    pub points: &'a [f64],
    /// `E` at each iterate (the height of a 1-D path).
    pub values: &'a [f64],
}

/// A run's iterates in pixels, leaving out those within half a pixel of the last one kept (long
/// runs crawl in tiny steps) and those that are not finite; the last finite one is always kept.
pub fn track_pixels(frame: &Frame, track: &Track, dim: usize) -> Vec<f64> {
    let n = track.values.len().min(track.points.len() / dim);
    let mut px = Vec::with_capacity(2 * n.min(4096));
    let (mut last_a, mut last_b) = (f64::NAN, f64::NAN);
    for k in 0..n {
        let (x, y) = if dim == 2 {
            (track.points[2 * k], track.points[2 * k + 1])
        } else {
            (track.points[k], track.values[k])
        };
        let (a, b) = frame.to_px(x, y);
        if !(a.is_finite() && b.is_finite()) {
            break;
        }
        let is_last = k + 1 == n;
        if !px.is_empty() && !is_last && (a - last_a).abs() + (b - last_b).abs() < 0.5 {
            continue;
        }
        px.extend([a, b]);
        (last_a, last_b) = (a, b);
    }
    px
}

/// Where a path leaves the box: the point of the frame's edge it crosses after its last iterate
/// inside, and the direction it goes (a unit vector), if its last iterate is outside.
pub fn exit_point(frame: &Frame, px: &[f64]) -> Option<((f64, f64), (f64, f64))> {
    let n = px.len() / 2;
    let last = (*px.get(2 * n.checked_sub(1)?)?, px[2 * n - 1]);
    if frame.inside(last) {
        return None;
    }
    exits(frame, px).pop()
}

/// Every place a path leaves the box, in order: the edge point of each step from inside to
/// outside and its direction (a path that goes out and comes back gets one each time); for a
/// path never inside, the edge point towards its last iterate from the box's centre.
pub fn exits(frame: &Frame, px: &[f64]) -> Vec<((f64, f64), (f64, f64))> {
    let n = px.len() / 2;
    let at = |k: usize| (px[2 * k], px[2 * k + 1]);
    let mut out: Vec<_> = (1..n)
        .filter(|&k| frame.inside(at(k - 1)) && !frame.inside(at(k)))
        .filter_map(|k| edge(frame, at(k - 1), at(k)))
        .collect();
    if n > 0 && out.is_empty() && !(0..n).any(|k| frame.inside(at(k))) {
        out.extend(edge(frame, (frame.width / 2.0, frame.height / 2.0), at(n - 1)));
    }
    out
}

/// Where the segment from `a` (inside) towards `b` crosses the box's edge, and its direction.
fn edge(frame: &Frame, a: (f64, f64), b: (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = dx.hypot(dy);
    if len.is_nan() || len <= 0.0 {
        return None;
    }
    // The largest s in [0, 1] with a + s·d inside the box (Liang–Barsky, the exit side).
    let mut s: f64 = 1.0;
    for (p, q) in [
        (-dx, a.0),
        (dx, frame.width - a.0),
        (-dy, a.1),
        (dy, frame.height - a.1),
    ] {
        if p > 0.0 {
            s = s.min(q / p);
        }
    }
    let s = s.max(0.0);
    Some(((a.0 + s * dx, a.1 + s * dy), (dx / len, dy / len)))
}

/// At most this many of a path's latest exits get an arrow (a run oscillating across the edge
/// would otherwise fringe it).
pub const MARKED_EXITS: usize = 8;

/// At most this many iterates get a marker each; longer runs mark only their current iterate.
pub const MARKED_ITERATES: usize = 400;

/// Every run on the map: first the light halos under all of them, then each polyline in its
/// method's colour and dashes, a marker on each iterate (on the last only for long runs; the
/// current one larger), and an arrow at the edge wherever the run leaves the view (its latest
/// [`MARKED_EXITS`] exits). (Halos first: a run's halo drawn over the runs before it hid them
/// where paths coincide, momentum's over GD's in the directions scene.)
pub fn draw_tracks(out: &mut Sketch, frame: &Frame, tracks: &[Track], dim: usize) {
    let pixels: Vec<Vec<f64>> = tracks.iter().map(|t| track_pixels(frame, t, dim)).collect();
    for px in pixels.iter().filter(|px| !px.is_empty()) {
        out.path(px, false, NONE, HALO, 5.0, &[]);
    }
    for (track, px) in tracks.iter().zip(&pixels) {
        draw_track(out, frame, track, px);
    }
}

fn draw_track(out: &mut Sketch, frame: &Frame, track: &Track, px: &[f64]) {
    let n = px.len() / 2;
    if n == 0 {
        return;
    }
    let colour = rgba(track.style.rgb, 1.0);
    out.path(px, false, NONE, colour, 2.2, track.style.dash);
    let first = if track.values.len() <= MARKED_ITERATES {
        0
    } else {
        n - 1
    };
    for k in first..n {
        let r = if k + 1 == n { 5.5 } else { 3.2 };
        marker(out, track.style.marker, px[2 * k], px[2 * k + 1], r, colour, HALO);
    }
    for &((x, y), (ux, uy)) in exits(frame, px).iter().rev().take(MARKED_EXITS) {
        // An arrowhead just inside the edge, pointing out; notched, so that it reads as an
        // arrow and not as a critical point's △.
        let (tx, ty) = (x - 2.0 * ux, y - 2.0 * uy);
        let (bx, by) = (tx - 15.0 * ux, ty - 15.0 * uy);
        let (nx, ny) = (-uy * 7.5, ux * 7.5);
        let notch = (tx - 9.0 * ux, ty - 9.0 * uy);
        let head = [tx, ty, bx + nx, by + ny, notch.0, notch.1, bx - nx, by - ny];
        out.path(&head, true, colour, HALO, 2.0, &[]);
    }
}

/// A legend swatch of `width × height` pixels for a method: its line (halo, colour, dashes) and
/// its marker, as the map draws them.
pub fn draw_swatch(out: &mut Sketch, style: &MethodStyle, width: f64, height: f64) {
    out.clear();
    let y = height / 2.0;
    let line = [3.0, y, width - 6.0, y];
    out.line(line, HALO, 5.0, &[]);
    out.line(line, rgba(style.rgb, 1.0), 2.2, style.dash);
    marker(out, style.marker, width - 6.0, y, 4.0, rgba(style.rgb, 1.0), HALO);
}

/// The start point: a ring with a cross.
pub fn draw_start(out: &mut Sketch, frame: &Frame, x: f64, y: f64, dark: bool) {
    let (px, py) = frame.to_px(x, y);
    let (ink, halo) = if dark { (WHITE, DARK_HALO) } else { (INK, HALO) };
    for (colour, width) in [(halo, 4.0), (ink, 2.0)] {
        out.disc(px, py, 8.0, 0.0, NONE, colour, width);
        out.line([px - 12.0, py, px + 12.0, py], colour, width, &[]);
        out.line([px, py - 12.0, px, py + 12.0], colour, width, &[]);
    }
}

/// A critical point: ○ minimum (★ one of the lowest), ✕ saddle, △ maximum, ◇ degenerate.
pub fn draw_critical(out: &mut Sketch, px: f64, py: f64, kind: CriticalKind, global: bool, dark: bool) {
    let (ink, halo) = if dark { (WHITE, DARK_HALO) } else { (INK, HALO) };
    if global {
        let star: Vec<f64> = (0..10)
            .flat_map(|i| {
                let r = if i % 2 == 1 { 3.6 } else { 8.5 };
                let a = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::PI / 5.0;
                [px + r * a.cos(), py + r * a.sin()]
            })
            .collect();
        out.path(&star, true, NONE, halo, 4.5, &[]);
        out.path(&star, true, rgba(0xffd43b, 1.0), ink, 2.0, &[]);
        return;
    }
    let shape: Vec<f64> = match kind {
        CriticalKind::Minimum => {
            out.disc(px, py, 6.0, 0.0, NONE, halo, 4.5);
            out.disc(px, py, 6.0, 0.0, NONE, ink, 2.0);
            return;
        }
        CriticalKind::Saddle => {
            for (colour, width) in [(halo, 4.5), (ink, 2.0)] {
                out.line([px - 5.0, py - 5.0, px + 5.0, py + 5.0], colour, width, &[]);
                out.line([px + 5.0, py - 5.0, px - 5.0, py + 5.0], colour, width, &[]);
            }
            return;
        }
        CriticalKind::Maximum => vec![px, py - 7.0, px + 6.5, py + 5.0, px - 6.5, py + 5.0],
        _ => vec![px, py - 7.0, px + 6.0, py, px, py + 7.0, px - 6.0, py],
    };
    out.path(&shape, true, NONE, halo, 4.5, &[]);
    out.path(&shape, true, NONE, ink, 2.0, &[]);
}

/// The Hessian's picture at a point (2-D).
pub struct HessianPicture<'a> {
    /// The point.
    pub at: [f64; 2],
    /// Eigenvalues, ascending.
    pub eigenvalues: &'a [f64],
    /// Unit eigenvectors, one after another.
    pub eigenvectors: &'a [f64],
    /// Where Newton's step goes, if `H` is not singular.
    pub target: Option<[f64; 2]>,
    /// The Taylor model's level curves, in grid units of `window` sampled `n × n`.
    pub model: &'a [f32],
    /// `[x_min, x_max, y_min, y_max]` the model was sampled over.
    pub window: [f64; 4],
    /// Samples per side of the model.
    pub n: usize,
}

/// The 1-D Hessian view at `x0`: the tangent `E(x0) + E′(x0)(x − x0)` (dotted), the Taylor
/// parabola `… + ½E″(x0)(x − x0)²` (dashed) over the view, `E″` written by the point, and where
/// Newton's step goes, `x0 − E′/E″`, marked on the parabola's vertex (a minimum where
/// `E″ > 0`, a maximum where `E″ < 0`).
pub fn draw_taylor_1d(out: &mut Sketch, frame: &Frame, x0: f64, e0: f64, g: f64, h: f64) {
    if !(x0.is_finite() && e0.is_finite() && g.is_finite() && h.is_finite()) {
        return;
    }
    let [a, b, ..] = frame.view;
    let model = |x: f64| e0 + g * (x - x0) + 0.5 * h * (x - x0) * (x - x0);
    const SAMPLES: usize = 160;
    let parabola: Vec<f64> = (0..=SAMPLES)
        .flat_map(|k| {
            let x = a + (b - a) * k as f64 / SAMPLES as f64;
            let (px, py) = frame.to_px(x, model(x));
            [px, py]
        })
        .collect();
    let gold = rgba(0xb07800, 1.0);
    out.path(&parabola, false, NONE, gold, 2.0, &[6.0, 4.0]);
    let (ta, tb) = (frame.to_px(a, e0 + g * (a - x0)), frame.to_px(b, e0 + g * (b - x0)));
    out.line([ta.0, ta.1, tb.0, tb.1], rgba(0x5b5b66, 1.0), 1.2, &[2.0, 3.0]);
    let (px, py) = frame.to_px(x0, e0);
    let label = format!("E″ = {}", short_number(h));
    let (lx, ly) = label_inside(frame, &label, [(px + 8.0, py - 10.0), (px - 8.0, py + 22.0)], (px, py));
    out.text(&label, lx, ly, FONT, Align::Start, Align::End, gold, HALO);
    if h != 0.0 {
        let target = x0 - g / h;
        let (tx, ty) = frame.to_px(target, model(target));
        newton_target(out, (px, py), (tx, ty), gold, HALO, &[(gold, 2.0)]);
        let text = "x − E′/E″";
        let below = if h > 0.0 { ty + 8.0 } else { ty - 8.0 - FONT };
        out.text(text, tx, below, FONT, Align::Middle, Align::Start, gold, HALO);
    }
}

/// Where Newton's step from `from` goes: a dotted line in `colour` to a square at `to`, filled
/// with `fill` and stroked once per `(colour, width)` of `strokes`, in order.
fn newton_target(
    out: &mut Sketch,
    from: (f64, f64),
    to: (f64, f64),
    colour: Rgba,
    fill: Rgba,
    strokes: &[(Rgba, f64)],
) {
    let ((px, py), (tx, ty)) = (from, to);
    out.line([px, py, tx, ty], colour, 1.5, &[2.0, 3.0]);
    let square = [
        tx - 5.0,
        ty - 5.0,
        tx + 5.0,
        ty - 5.0,
        tx + 5.0,
        ty + 5.0,
        tx - 5.0,
        ty + 5.0,
    ];
    for (i, &(stroke, width)) in strokes.iter().enumerate() {
        out.path(&square, true, if i == 0 { fill } else { NONE }, stroke, width, &[]);
    }
}

/// The window around `at` where the Taylor model is sampled: a square of 0.44 of the view's
/// larger side.
pub fn model_window(view: [f64; 4], at: [f64; 2]) -> [f64; 4] {
    let half = 0.22 * (view[1] - view[0]).max(view[3] - view[2]);
    [at[0] - half, at[0] + half, at[1] - half, at[1] + half]
}

/// `λ₁ = −0.24`: an eigenvalue's label with its index as a subscript and a true minus.
pub fn eigenvalue_label(i: usize, lambda: f64) -> String {
    const SUBSCRIPTS: [char; 10] = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
    let index: String = (i + 1)
        .to_string()
        .chars()
        .map(|d| SUBSCRIPTS[d as usize - '0' as usize])
        .collect();
    format!("λ{index} = {}", short_number(lambda))
}

/// The Hessian at a point: its eigenvectors as axes (blue for positive curvature, red for
/// negative), each labelled with its eigenvalue inside the map, the dashed level curves of the
/// Taylor model in a disc around the point, and the point Newton's step goes to.
pub fn draw_hessian(out: &mut Sketch, frame: &Frame, h: &HessianPicture) {
    let [wx0, wx1, wy0, wy1] = h.window;
    let (ax, ay) = frame.to_px(wx0, wy1);
    let (bx, by) = frame.to_px(wx1, wy0);
    let (sx, sy) = ((bx - ax) / h.n as f64, (by - ay) / h.n as f64);
    out.clip((ax + bx) / 2.0, (ay + by) / 2.0, (bx - ax).min(by - ay) / 2.0);
    // (Short dashes: each contour piece is a few pixels long and starts its dash afresh.)
    out.segments(h.model, rgba(0xffd43b, 0.95), 1.4, &[2.5, 2.5], |x, y| {
        (ax + x * sx, ay + y * sy)
    });
    out.unclip();
    let (px, py) = frame.to_px(h.at[0], h.at[1]);
    for (_, lambda, e, f) in eigen_axes(frame, h) {
        let colour = rgba(by_sign(lambda, [0x4dabf7, 0xff6b6b, 0xcccccc]), 1.0);
        out.line([f.0, f.1, e.0, e.1], DARK_HALO, 5.0, &[]);
        out.line([f.0, f.1, e.0, e.1], colour, 2.5, &[]);
    }
    if let Some([tx, ty]) = h.target {
        let (tx, ty) = frame.to_px(tx, ty);
        newton_target(
            out,
            (px, py),
            (tx, ty),
            rgba(0xffd43b, 1.0),
            NONE,
            &[(0x000000ff, 2.0), (rgba(0xffd43b, 1.0), 1.2)],
        );
    }
}

/// The eigenvalues' labels of the Hessian's picture, beyond their eigenvectors' ends: drawn
/// after everything else on the map, so that no marker or path covers them; in light tints of
/// the vectors' colours on a dark halo (the plain colours are too dark on the map's purple).
pub fn draw_eigen_labels(out: &mut Sketch, frame: &Frame, h: &HessianPicture) {
    let (px, py) = frame.to_px(h.at[0], h.at[1]);
    for (i, lambda, e, f) in eigen_axes(frame, h) {
        let tint = by_sign(lambda, [0xa5d8ff, 0xffc9c9, 0xe9ecef]);
        let label = eigenvalue_label(i, lambda);
        let (x, y) = label_inside(frame, &label, [e, f], (px, py));
        out.text(&label, x, y, FONT, Align::Start, Align::End, rgba(tint, 1.0), DARK_HALO);
    }
}

/// Each eigenvector's axis through the point, in pixels: `(index, eigenvalue, one end, the
/// other end)`, 12 % of the view's width each way.
fn eigen_axes<'a>(
    frame: &'a Frame,
    h: &'a HessianPicture,
) -> impl Iterator<Item = (usize, f64, (f64, f64), (f64, f64))> + 'a {
    let reach = 0.12 * (frame.view[1] - frame.view[0]);
    h.eigenvalues.iter().enumerate().map(move |(i, &lambda)| {
        let (vx, vy) = (h.eigenvectors[2 * i], h.eigenvectors[2 * i + 1]);
        let e = frame.to_px(h.at[0] + reach * vx, h.at[1] + reach * vy);
        let f = frame.to_px(h.at[0] - reach * vx, h.at[1] - reach * vy);
        (i, lambda, e, f)
    })
}

/// `[positive, negative, zero]` picked by the sign of a curvature.
fn by_sign(lambda: f64, [positive, negative, zero]: [u32; 3]) -> u32 {
    if lambda > 0.0 {
        positive
    } else if lambda < 0.0 {
        negative
    } else {
        zero
    }
}

/// Where a label's left baseline goes so that it lies inside the frame: beyond the first end of
/// an axis that leaves room for it (away from the centre point), else clamped into the frame.
fn label_inside(frame: &Frame, label: &str, ends: [(f64, f64); 2], centre: (f64, f64)) -> (f64, f64) {
    let w = text_width(label, FONT);
    let fits =
        |(x, y): (f64, f64)| x >= 2.0 && x + w <= frame.width - 2.0 && y - FONT >= 2.0 && y <= frame.height - 2.0;
    for (ex, ey) in ends {
        // Beyond the end, on the side away from the centre.
        let x = if ex >= centre.0 { ex + 4.0 } else { ex - 4.0 - w };
        let y = if ey <= centre.1 { ey - 4.0 } else { ey + 4.0 + FONT };
        if fits((x, y)) {
            return (x, y);
        }
    }
    let (ex, ey) = ends[0];
    (
        within(ex + 4.0, 2.0, (frame.width - 2.0 - w).max(2.0)),
        within(ey - 4.0, 2.0 + FONT, frame.height - 2.0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::picture::colormap::ScaleKind;
    use crate::picture::style::METHOD_STYLES;

    fn frame() -> Frame {
        Frame {
            view: [-2.0, 2.0, -1.0, 3.0],
            width: 400.0,
            height: 400.0,
        }
    }

    #[test]
    fn pixels_and_points_round_trip() {
        let f = frame();
        assert_eq!(f.to_px(-2.0, 3.0), (0.0, 0.0));
        assert_eq!(f.to_px(2.0, -1.0), (400.0, 400.0));
        let (x, y) = f.from_px(100.0, 300.0);
        assert!((x + 1.0).abs() < 1e-12 && y.abs() < 1e-12);
    }

    #[test]
    fn eigenvalues_have_subscripts_and_true_minus_signs() {
        assert_eq!(eigenvalue_label(0, -0.2412), "λ₁ = −0.241");
        assert_eq!(eigenvalue_label(1, 2.0), "λ₂ = 2");
    }

    #[test]
    fn axis_labels_never_overlap_and_stay_on_the_canvas() {
        let f = Frame {
            view: [-1000.5, 1000.5, 0.001, 0.002],
            width: 300.0,
            height: 300.0,
        };
        let scale = Scale::fit(&[1.0, 2.0, 1e21], ScaleKind::Log);
        for canvas_width in [600.0, 900.0, 380.0] {
            let [left, top, right, bottom] = margins(&f, Some(&scale), canvas_width);
            let width = canvas_width - left - right;
            let f = Frame {
                width,
                height: 300.0,
                ..f
            };
            let plot = PlotBox {
                left,
                top,
                width,
                height: 300.0,
            };
            let canvas = (canvas_width, top + 300.0 + bottom);
            labels_apart_and_inside(&f, plot, canvas, &scale, true);
        }
    }

    /// A small map (a phone, presenter mode at 1280×720) still labels three ticks on each axis.
    #[test]
    fn a_small_map_labels_at_least_three_ticks_per_axis() {
        for (side, view) in [
            (160.0, [-6.0, 6.0, -6.0, 6.0]),
            (230.0, [-5.0, 5.0, -5.0, 5.0]),
            (200.0, [-2.0, 2.0, -1.0, 3.0]),
        ] {
            let f = Frame {
                view,
                width: side,
                height: side,
            };
            let plot = PlotBox {
                left: 40.0,
                top: 24.0,
                width: side,
                height: side,
            };
            let mut s = Sketch::default();
            draw_axes(&mut s, (side + 60.0, side + 64.0), plot, &f, ["x", "y"], None);
            let below = s.labels.iter().filter(|l| l.bounds[1] > 24.0 + side).count();
            let beside = s.labels.iter().filter(|l| l.bounds[2] < 40.0).count();
            // (The axis names are labels too: "x" below, "y" above.)
            assert!(
                below > 3 && beside >= 3,
                "{side} px: {:?}",
                s.labels.iter().map(|l| &l.text).collect::<Vec<_>>()
            );
            let scale = Scale::fit(&[0.0, 1.0], ScaleKind::Linear);
            let [left, top, right, bottom] = margins(&f, Some(&scale), 1000.0);
            let plot = PlotBox { left, top, ..plot };
            labels_apart_and_inside(&f, plot, (left + side + right, top + side + bottom), &scale, false);
            // On a phone the labels go inside the map, the colour bar under it: apart from each
            // other and from the names, on the canvas.
            let [.., below] = margins(&f, Some(&scale), 380.0);
            assert!(below > 20.0, "room for the colour bar under the map");
            let inside = PlotBox {
                left: 0.0,
                top: 0.0,
                width: side,
                height: side,
            };
            labels_apart_and_inside(&f, inside, (side, side + below), &scale, false);
        }
    }

    /// On a phone (labels inside the map) the left axis labels more than its 0: every other
    /// tick, at the even multiples of the step (the saddle's view, 358 px square, read "0" alone).
    #[test]
    fn a_phone_map_labels_its_left_axis_at_round_ticks() {
        for (side, view) in [
            (358.0, [-2.0, 2.0, -2.0, 2.0]),
            (330.0, [-1.9, 1.9, -1.9, 1.9]),
            (300.0, [-5.0, 5.0, -5.0, 5.0]),
        ] {
            let f = Frame {
                view,
                width: side,
                height: side,
            };
            let inside = PlotBox {
                left: 0.0,
                top: 0.0,
                width: side,
                height: side,
            };
            let mut s = Sketch::default();
            draw_axes(&mut s, (side, side + 40.0), inside, &f, ["x", "y"], None);
            let left: Vec<&str> = (s.labels.iter())
                .filter(|l| l.bounds[0] < 12.0 && l.bounds[3] < side - 24.0 && l.text != "y")
                .map(|l| l.text.as_str())
                .collect();
            assert!(left.len() >= 2 && left.contains(&"0"), "{side} px, {view:?}: {left:?}");
        }
    }

    fn labels_apart_and_inside(f: &Frame, plot: PlotBox, canvas: (f64, f64), scale: &Scale, unique: bool) {
        let mut s = Sketch::default();
        draw_axes(&mut s, canvas, plot, f, ["x", "y"], Some(scale));
        let (cw, ch) = canvas;
        let boxes: Vec<[f64; 4]> = s.labels.iter().map(|l| l.bounds).collect();
        for (i, a) in boxes.iter().enumerate() {
            assert!(
                a[0] >= 0.0 && a[2] <= cw && a[1] >= 0.0 && a[3] <= ch,
                "{:?} off the canvas",
                s.labels[i]
            );
            for b in &boxes[i + 1..] {
                let overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                assert!(!overlap, "{a:?} and {b:?} overlap");
            }
        }
        // (Where the axes share no value, no label may repeat.)
        if unique {
            let texts: Vec<&str> = s.labels.iter().map(|l| l.text.as_str()).collect();
            let unique: std::collections::HashSet<_> = texts.iter().collect();
            assert_eq!(unique.len(), texts.len(), "a repeated label: {texts:?}");
        }
    }

    /// `exp(x² + y²)` on ±5 spans 1 to 5·10²¹: the colour bar says so, with increasing values.
    #[test]
    fn the_colour_bar_spans_the_values_in_order() {
        let values: Vec<f64> = (0..400)
            .map(|k| {
                let (x, y) = (
                    -5.0 + 10.0 * (k % 20) as f64 / 19.0,
                    -5.0 + 10.0 * (k / 20) as f64 / 19.0,
                );
                (x * x + y * y).exp()
            })
            .collect();
        let rank = Scale::fit(&values, ScaleKind::Rank);
        let ticks = colour_bar_ticks(&rank, 5);
        assert_eq!(ticks.len(), 6, "every tick of the rank scale: {ticks:?}");
        let scale = Scale::fit(&values, ScaleKind::Log);
        let ticks = colour_bar_ticks(&scale, 5);
        assert!(ticks.len() >= 3, "{ticks:?}");
        assert!(ticks[0].1 < 2.0, "{ticks:?}");
        assert!(ticks.last().expect("as set up").1 > 1e21, "{ticks:?}");
        assert!(ticks.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
        // Every label is round (two significant digits), the ends inside the values' range, and
        // a value that is zero but for rounding reads 0 (the monkey saddle's middle).
        let values = [-15.7, -3.7, -1e-19, 1.1e-19, 0.95, 3.7, 15.73];
        for kind in [ScaleKind::Linear, ScaleKind::Rank] {
            let scale = Scale::fit(&values, kind);
            let ticks = colour_bar_ticks(&scale, 4);
            for &(t, v) in &ticks {
                assert!((0.0..=1.0).contains(&t), "{ticks:?}");
                assert_eq!(v, round_to(v, 2, 0.0), "{v} is round");
                assert!(v == 0.0 || v.abs() > 1e-6, "{kind:?}: {ticks:?}");
            }
            assert!(
                ticks[0].1 >= -15.7 && ticks.last().expect("ticks").1 <= 15.73,
                "{ticks:?}"
            );
        }
        // Values close together (the tiny network's E, 0.261 to 0.289) get the digits that
        // tell their labels apart: at least three labels, all different.
        let values: Vec<f64> = (0..50).map(|k| 0.261 + 0.028 * f64::from(k) / 49.0).collect();
        let ticks = colour_bar_ticks(&Scale::fit(&values, ScaleKind::Linear), 4);
        assert!(ticks.len() >= 3, "{ticks:?}");
        assert!(ticks.windows(2).all(|w| w[0].1 < w[1].1), "{ticks:?}");
        assert!(
            ticks[0].1 >= 0.261 && ticks.last().expect("ticks").1 <= 0.289,
            "{ticks:?}"
        );
        // Values from near zero up (Himmelblau's 0.003 to 2110) keep two digits: 2100, not 2110.
        assert_eq!((bar_digits(0.00347, 2110.0), bar_digits(-15.7, 15.7)), (2, 2));
        // And their labels say so: E from 10.00 to 10.40 (a zoomed map) reads no label twice.
        let values: Vec<f64> = (0..50).map(|k| 10.0 + 0.4 * f64::from(k) / 49.0).collect();
        let scale = Scale::fit(&values, ScaleKind::Linear);
        let labels: Vec<String> = colour_bar_ticks(&scale, 6)
            .iter()
            .map(|&(_, v)| bar_label(&scale, v))
            .collect();
        let mut unique = labels.clone();
        unique.dedup();
        assert!(labels.len() >= 3 && unique == labels, "{labels:?}");
    }

    #[test]
    fn a_path_that_leaves_the_view_gets_an_arrow_on_the_edge() {
        let f = frame();
        let px = [200.0, 200.0, 300.0, 200.0, 900.0, 200.0];
        let ((x, y), (ux, uy)) = exit_point(&f, &px).expect("leaves the view");
        assert_eq!((x, y), (400.0, 200.0));
        assert_eq!((ux, uy), (1.0, 0.0));
        assert!(exit_point(&f, &px[..4]).is_none());
        // Out and back in, twice: an arrow at each exit, none for the last iterate inside.
        let px = [200.0, 200.0, 500.0, 200.0, 200.0, 100.0, 200.0, -50.0, 200.0, 150.0];
        let e = exits(&f, &px);
        assert_eq!(
            e.iter().map(|p| p.0).collect::<Vec<_>>(),
            [(400.0, 200.0), (200.0, 0.0)]
        );
        assert_eq!((e[0].1, e[1].1), ((1.0, 0.0), (0.0, -1.0)));
        assert!(exit_point(&f, &px).is_none());
        // Diverged to non-finite values: the last finite iterate is what is drawn.
        let t = Track {
            style: &METHOD_STYLES[2],
            points: &[0.0, 0.0, 1.0, 1.0, 1e200, 1e200, f64::NAN, f64::NAN],
            values: &[0.0, 1.0, 2.0, f64::NAN],
        };
        let px = track_pixels(&f, &t, 2);
        assert_eq!(px.len(), 6);
        assert!(exit_point(&f, &px).is_some());
    }

    /// Two runs on the same path (GD and momentum's first steps in the directions scene): every
    /// halo is drawn before any run's line, so that no halo hides a run drawn before it.
    #[test]
    fn halos_go_under_every_run() {
        let f = frame();
        let points = [0.0, 0.0, 1.0, 1.0, 1.5, 1.2];
        let tracks: Vec<Track> = [0, 6]
            .iter()
            .map(|&m| Track {
                style: &METHOD_STYLES[m],
                points: &points,
                values: &[3.0, 2.0, 1.0],
            })
            .collect();
        let mut s = Sketch::default();
        draw_tracks(&mut s, &f, &tracks, 2);
        let o = &s.ops;
        let at = |stroke: Rgba, width: f64| -> Vec<usize> {
            (0..o.len().saturating_sub(4))
                .filter(|&k| {
                    o[k] == crate::picture::sketch::op::PATH
                        && o[k + 1] == 0.0
                        && o[k + 2] == f64::from(stroke)
                        && o[k + 3] == width
                })
                .collect()
        };
        let halos = at(HALO, 5.0);
        let lines: Vec<usize> = [0, 6]
            .iter()
            .flat_map(|&m| at(rgba(METHOD_STYLES[m].rgb, 1.0), 2.2))
            .collect();
        assert_eq!((halos.len(), lines.len()), (2, 2), "{o:?}");
        assert!(
            halos.iter().max() < lines.iter().min(),
            "halos {halos:?}, lines {lines:?}"
        );
    }

    #[test]
    fn eigenvalue_labels_lie_inside_the_map() {
        let f = frame();
        let model = [];
        for at in [[-1.95, 2.95], [1.95, -0.95], [0.0, 1.0], [1.99, 2.99]] {
            let mut s = Sketch::default();
            let h = HessianPicture {
                at,
                eigenvalues: &[-0.2412, 995.0],
                eigenvectors: &[0.6, 0.8, -0.8, 0.6],
                target: None,
                model: &model,
                window: model_window(f.view, at),
                n: 8,
            };
            draw_hessian(&mut s, &f, &h);
            draw_eigen_labels(&mut s, &f, &h);
            assert_eq!(s.labels.len(), 2);
            for l in &s.labels {
                let [a, b, c, d] = l.bounds;
                assert!(a >= 0.0 && c <= 400.0 && b >= 0.0 && d <= 400.0, "{at:?}: {l:?}");
            }
        }
    }

    #[test]
    fn thinning_keeps_the_first_and_last_iterates() {
        let f = frame();
        let points: Vec<f64> = (0..1000).flat_map(|k| [k as f64 * 1e-6, 0.0]).collect();
        let values = vec![0.0; 1000];
        let t = Track {
            style: &METHOD_STYLES[0],
            points: &points,
            values: &values,
        };
        let px = track_pixels(&f, &t, 2);
        assert_eq!(px.len(), 4);
        assert_eq!(px[0], 200.0);
        assert!((px[2] - f.to_px(999e-6, 0.0).0).abs() < 1e-9);
    }
}
