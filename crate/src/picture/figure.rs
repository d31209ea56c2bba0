//! Figures of the lab's panels (the η sweep, random starts' histogram, saddle escape, what Newton
//! costs): panels stacked over one x axis, linear or log axes labelled at integers or decades
//! (`10⁻⁵`, true minus signs), lines (solid, dashed, with dots), bars, short marks and labelled
//! vertical lines. Declared as data ([`Figure`]) and drawn with plotters on any backend, so the
//! same code draws the page's canvas and the SVG the tests read.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::picture::sketch::text_width;

/// An axis: its range in data units (positive for a log axis), log or linear, a title, and how
/// its tick labels read.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// Smallest value shown.
    pub lo: f64,
    /// Largest value shown.
    pub hi: f64,
    /// Logarithmic (labelled at decades).
    pub log: bool,
    /// Title (under the x axis; inside the panel, top left, for a y axis).
    pub title: String,
    /// Tick labels as durations (`ns`, `µs`, `ms`, `s`) instead of numbers.
    pub seconds: bool,
    /// Ticks and their labels drawn (off for bars, whose height is relative).
    pub ticks: bool,
    /// A linear axis of whole numbers (counts, steps): never a tick between two integers.
    pub whole: bool,
}

impl Axis {
    /// A linear axis over `[lo, hi]`.
    pub fn linear(lo: f64, hi: f64, title: &str) -> Self {
        Axis {
            lo,
            hi,
            log: false,
            title: title.to_owned(),
            seconds: false,
            ticks: true,
            whole: true,
        }
    }

    /// A linear axis over `[lo, hi]` of a quantity that is not a count (ticks at 0.2, 0.4, …).
    pub fn fractional(lo: f64, hi: f64, title: &str) -> Self {
        Axis {
            whole: false,
            ..Axis::linear(lo, hi, title)
        }
    }

    /// A log axis over `[lo, hi]` (both positive).
    pub fn log(lo: f64, hi: f64, title: &str) -> Self {
        Axis {
            lo,
            hi,
            log: true,
            title: title.to_owned(),
            seconds: false,
            ticks: true,
            whole: true,
        }
    }

    /// The axis fitted to the positive finite `values` (whole decades), or `[1, 10]` if none.
    pub fn log_fit(values: &[f64], title: &str) -> Self {
        let (lo, hi) = values
            .iter()
            .filter(|v| v.is_finite() && **v > 0.0)
            .fold((f64::INFINITY, 0.0_f64), |(a, b), &v| (a.min(v), b.max(v)));
        if !lo.is_finite() {
            return Axis::log(1.0, 10.0, title);
        }
        let (a, b) = (lo.log10().floor(), hi.log10().ceil());
        Axis::log(10f64.powf(a), 10f64.powf(if b > a { b } else { a + 1.0 }), title)
    }

    /// The position of `v` along the axis, 0 at `lo` and 1 at `hi` (NaN where it cannot be shown).
    pub(crate) fn at(&self, v: f64) -> f64 {
        if self.log {
            if v > 0.0 {
                (v.log10() - self.lo.log10()) / (self.hi.log10() - self.lo.log10())
            } else {
                f64::NAN
            }
        } else {
            (v - self.lo) / (self.hi - self.lo)
        }
    }

    /// The value at position `t` along the axis (0 at `lo`, 1 at `hi`): the inverse of `at`.
    fn value(&self, t: f64) -> f64 {
        if self.log {
            10f64.powf(self.lo.log10() + t * (self.hi.log10() - self.lo.log10()))
        } else {
            self.lo + t * (self.hi - self.lo)
        }
    }

    /// Where ticks go and what they say: decades on a log axis (thinned to at most `most`), whole
    /// numbers from a 1–2–5 step on a linear one.
    pub fn ticks(&self, most: usize) -> Vec<(f64, String)> {
        let most = most.max(2);
        if !self.ticks {
            return Vec::new();
        }
        if self.log {
            let (a, b) = (self.lo.log10().ceil() as i32, self.hi.log10().floor() as i32);
            let every = ((b - a) as usize / most + 1) as i32;
            (a..=b)
                .filter(|e| (e - a) % every == 0)
                .map(|e| {
                    let label = match (self.seconds, self.lo >= 1.0 && e <= 6) {
                        (true, _) => duration(e),
                        // (An axis of counts reads as whole numbers: 1, 10, 100.)
                        (false, true) => 10u64.pow(e as u32).to_string(),
                        (false, false) => decade(e),
                    };
                    (10f64.powi(e), label)
                })
                .collect()
        } else {
            let span = self.hi - self.lo;
            let raw = span / most as f64;
            let step = [1.0, 2.0, 5.0, 10.0]
                .iter()
                .map(|m| m * 10f64.powf(raw.log10().floor()))
                .find(|s| *s >= raw)
                .unwrap_or(raw);
            let step = if self.whole { step.max(1.0) } else { step };
            let first = (self.lo / step).ceil() as i64;
            let last = (self.hi / step).floor() as i64;
            // (Decimals enough for the step: 0.2 has one.)
            let decimals = (-step.log10().floor()).max(0.0) as usize;
            (first..=last)
                .map(|k| {
                    let v = k as f64 * step;
                    let label = if step >= 1.0 {
                        whole((k as f64 * step).round() as i64)
                    } else {
                        format!("{}{:.decimals$}", if v < 0.0 { "−" } else { "" }, v.abs())
                    };
                    (v, label)
                })
                .collect()
        }
    }
}

/// `10ᵉ` with superscript digits and a true minus sign.
pub fn decade(e: i32) -> String {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let digits: String = e
        .unsigned_abs()
        .to_string()
        .chars()
        .map(|c| SUP[c as usize - '0' as usize])
        .collect();
    format!("10{}{digits}", if e < 0 { "⁻" } else { "" })
}

/// `10ᵉ` seconds in the unit that reads best (`100 µs`, `1 ms`, `10 s`).
pub fn duration(e: i32) -> String {
    let (unit, base) = match e {
        ..=-7 => ("ns", -9),
        -6..=-4 => ("µs", -6),
        -3..=-1 => ("ms", -3),
        _ => ("s", 0),
    };
    let e = (e - base).max(0);
    format!("{} {unit}", 10u64.pow(e as u32))
}

/// A whole number with a true minus sign.
fn whole(k: i64) -> String {
    if k < 0 {
        format!("−{}", -k)
    } else {
        k.to_string()
    }
}

/// How a line is stroked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    /// Solid.
    Solid,
    /// Long dashes.
    Dashed,
    /// Short dots.
    Dotted,
}

/// What a panel shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line through `(x, y)` points (gaps where a value cannot be shown), on the panel's right
    /// axis if `right`; dots at the points if `dots`.
    Line {
        /// The points.
        points: Vec<(f64, f64)>,
        /// `0xRRGGBB`.
        rgb: u32,
        /// How it is stroked.
        stroke: Stroke,
        /// Dots at the points.
        dots: bool,
        /// On the right axis.
        right: bool,
    },
    /// Bars of heights `counts` over equal bins from the x axis's `lo` to `hi` (scaled to the
    /// tallest).
    Bars {
        /// One count per bin.
        counts: Vec<f64>,
        /// `0xRRGGBB`.
        rgb: u32,
    },
    /// Short marks along the top edge at these x (diverged runs).
    Marks {
        /// Where.
        xs: Vec<f64>,
        /// `0xRRGGBB`.
        rgb: u32,
    },
    /// A grid of coloured cells filling the panel: `columns` across, evenly over the x axis's
    /// positions (log or linear, as it is), then rows from the bottom up.
    Cells {
        /// Cells across.
        columns: usize,
        /// `0xRRGGBB` of each cell, row by row from the bottom left.
        rgb: Vec<u32>,
    },
    /// Points drawn as rings, each labelled beside it on a white ground.
    Points {
        /// `(x, y, label)`.
        points: Vec<(f64, f64, String)>,
        /// `0xRRGGBB` of the rings and labels.
        rgb: u32,
    },
    /// Points drawn as small filled dots ringed in white (a data set's examples).
    Dots {
        /// `(x, y)`.
        points: Vec<(f64, f64)>,
        /// `0xRRGGBB` of the dots.
        rgb: u32,
    },
    /// A text at the panel's top left, under its title (one line each).
    Note {
        /// What it says.
        text: String,
        /// `0xRRGGBB`.
        rgb: u32,
    },
}

/// One panel: its y axis (and maybe a right one) and what it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// The y axis (`title` is written inside, top left).
    pub y: Axis,
    /// A second y axis on the right, for items with `right`.
    pub right: Option<Axis>,
    /// What it shows, drawn in order.
    pub items: Vec<Item>,
}

/// A vertical line across every panel at `x`, labelled.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Where.
    pub x: f64,
    /// Its label, beside it near the top.
    pub label: String,
    /// `0xRRGGBB`.
    pub rgb: u32,
    /// The label on the line's left (else its right), so two close rules never overlap.
    pub left: bool,
    /// The label's line (0 first, each further one a line lower), for a third rule.
    pub row: u8,
}

/// Panels stacked over one x axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The shared x axis (ticks under the last panel).
    pub x: Axis,
    /// Top to bottom.
    pub panels: Vec<Panel>,
    /// Vertical lines across them.
    pub rules: Vec<Rule>,
}

const INK: RGBColor = RGBColor(85, 85, 95);
/// The room above the panels, under them (the x labels and title) and between two, at scale 1.
const TOP: f64 = 6.0;
const BOTTOM: f64 = 32.0;
const GAP: f64 = 16.0;
const FRAME: RGBColor = RGBColor(200, 200, 208);
const GRID: RGBColor = RGBColor(236, 236, 240);

/// Text of `size` pixels in `rgb`, anchored at `h`, `v`.
fn style(size: f64, rgb: &RGBColor, h: HPos, v: VPos) -> TextStyle<'_> {
    TextStyle::from((FontFamily::SansSerif, size))
        .color(rgb)
        .pos(Pos::new(h, v))
}

fn colour(rgb: u32) -> RGBColor {
    RGBColor((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
}

impl Figure {
    /// The plot's left and right edges in a figure `width` pixels wide (at scale 1), as
    /// [`Figure::draw`] lays them out.
    fn x_extent(&self, width: f64) -> (f64, f64) {
        let (left, right) = self.side_margins();
        (left, (width - right).max(left + 1.0))
    }

    /// The room left and right of the plot at scale 1: the y labels, and the right axis's.
    fn side_margins(&self) -> (f64, f64) {
        let right = if self.panels.iter().any(|p| p.right.is_some()) {
            34.0
        } else {
            12.0
        };
        // Panels labelled by their title in place of ticks (a histogram's methods): room for the
        // widest title at 11 px, never clipped at the edge.
        let titles = self.panels.iter().filter(|p| !p.y.ticks);
        let widest = titles.map(|p| text_width(&p.y.title, 11.0)).fold(0.0, f64::max);
        (52.0f64.max(12.0 + widest), right)
    }

    /// The x value under the horizontal position `x` of a figure `width` pixels wide (`None`
    /// beside the plot): what a click on the figure points at.
    pub fn x_at(&self, x: f64, width: f64) -> Option<f64> {
        let (x0, x1) = self.x_extent(width);
        let t = (x - x0) / (x1 - x0);
        (0.0..=1.0).contains(&t).then(|| self.x.value(t))
    }

    /// The `(x, y)` under the position `(x, y)` of a figure `width` × `height` pixels (at scale
    /// 1) in its first panel (`None` outside it): what a click on a map figure points at.
    pub fn point_at(&self, x: f64, y: f64, width: f64, height: f64) -> Option<(f64, f64)> {
        let along = self.x_at(x, width)?;
        let panel = self.panels.first()?;
        let n = self.panels.len() as f64;
        let panel_h = ((height - TOP - BOTTOM - GAP * (n - 1.0)) / n).max(1.0);
        let t = (TOP + panel_h - y) / panel_h;
        (0.0..=1.0).contains(&t).then(|| (along, panel.y.value(t)))
    }

    /// Draws the figure filling `root`; `scale` multiplies every size (the device-pixel ratio).
    /// The caller presents `root`.
    pub fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, plotters::coord::Shift>,
        scale: f64,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        root.fill(&WHITE)?;
        let s = |v: f64| (v * scale).round() as i32;
        let (w, h) = root.dim_in_pixel();
        let (w, h) = (w as i32, h as i32);
        let (left, right) = self.side_margins();
        let (left, right, top, bottom, gap) = (s(left), s(right), s(TOP), s(BOTTOM), s(GAP));
        let n = self.panels.len().max(1) as i32;
        let panel_h = ((h - top - bottom - gap * (n - 1)) / n).max(1);
        let x0 = left;
        let x1 = (w - right).max(x0 + 1);
        let size = 11.0 * scale;
        let px = |x: f64| x0 + ((x1 - x0) as f64 * self.x.at(x)).round() as i32;
        // As many labels as fit: about 44 px per x label, 18 px per y label.
        let x_ticks = self.x.ticks(((x1 - x0) as f64 / (44.0 * scale)) as usize);
        let y_most = ((panel_h as f64) / (18.0 * scale)) as usize;
        for (k, panel) in self.panels.iter().enumerate() {
            let y0 = top + k as i32 * (panel_h + gap);
            let y1 = y0 + panel_h;
            let py = |axis: &Axis, v: f64| y1 - ((panel_h as f64) * axis.at(v)).round() as i32;
            for (v, label) in panel.y.ticks(y_most.min(6)) {
                let y = py(&panel.y, v);
                root.draw(&PathElement::new(vec![(x0, y), (x1, y)], GRID))?;
                root.draw(&Text::new(
                    label,
                    (x0 - s(4.0), y),
                    style(size, &INK, HPos::Right, VPos::Center),
                ))?;
            }
            if let Some(axis) = &panel.right {
                for (v, label) in axis.ticks(y_most.min(4)) {
                    let y = py(axis, v);
                    root.draw(&Text::new(
                        label,
                        (x1 + s(4.0), y),
                        style(size, &INK, HPos::Left, VPos::Center),
                    ))?;
                }
            }
            for (x, _) in &x_ticks {
                root.draw(&PathElement::new(vec![(px(*x), y0), (px(*x), y1)], GRID))?;
            }
            root.draw(&Rectangle::new([(x0, y0), (x1, y1)], FRAME))?;
            let mut line = 0;
            let mut note = |root: &DrawingArea<DB, _>, label: &str, rgb: RGBColor| {
                let y = y0 + s(4.0) + line * s(14.0);
                line += 1;
                root.draw(&Text::new(
                    label.to_owned(),
                    (x0 + s(6.0), y),
                    style(size, &rgb, HPos::Left, VPos::Top),
                ))
            };
            let ink = RGBColor(29, 27, 32);
            if !panel.y.ticks {
                // (No tick labels: the title takes their place, left of the panel.)
                let at = (x0 - s(6.0), (y0 + y1) / 2);
                root.draw(&Text::new(
                    panel.y.title.clone(),
                    at,
                    style(size, &ink, HPos::Right, VPos::Center),
                ))?;
            } else if !panel.y.title.is_empty() {
                note(root, &panel.y.title, ink)?;
            }
            for item in &panel.items {
                match item {
                    Item::Line {
                        points,
                        rgb,
                        stroke,
                        dots,
                        right,
                    } => {
                        let axis = if *right {
                            panel.right.as_ref().unwrap_or(&panel.y)
                        } else {
                            &panel.y
                        };
                        let style = ShapeStyle::from(colour(*rgb)).stroke_width(s(2.0).max(1) as u32);
                        let mut run: Vec<(i32, i32)> = Vec::new();
                        let mut runs = Vec::new();
                        for &(x, y) in points {
                            let (a, b) = (self.x.at(x), axis.at(y));
                            if a.is_finite() && b.is_finite() {
                                run.push((px(x), py(axis, y).clamp(y0, y1)));
                            } else if !run.is_empty() {
                                runs.push(std::mem::take(&mut run));
                            }
                        }
                        runs.push(run);
                        for run in runs.into_iter().filter(|r| !r.is_empty()) {
                            if *dots {
                                for &(x, y) in &run {
                                    root.draw(&Rectangle::new(
                                        [(x - s(2.5), y - s(2.5)), (x + s(2.5), y + s(2.5))],
                                        style.filled(),
                                    ))?;
                                }
                            }
                            match stroke {
                                Stroke::Solid => root.draw(&PathElement::new(run, style))?,
                                Stroke::Dashed => {
                                    root.draw(&DashedPathElement::new(run, s(6.0) as u32, s(4.0) as u32, style))?
                                }
                                Stroke::Dotted => {
                                    root.draw(&DashedPathElement::new(run, s(2.0) as u32, s(3.0) as u32, style))?
                                }
                            }
                        }
                    }
                    Item::Bars { counts, rgb } => {
                        let most = counts.iter().copied().fold(0.0_f64, f64::max).max(1.0);
                        let bw = (x1 - x0) as f64 / counts.len().max(1) as f64;
                        for (i, c) in counts.iter().enumerate() {
                            let height = ((c / most) * (panel_h - s(6.0)) as f64).round() as i32;
                            let a = x0 + (i as f64 * bw).round() as i32;
                            let b = (x0 + ((i + 1) as f64 * bw).round() as i32 - 1).max(a + 1);
                            if height > 0 {
                                root.draw(&Rectangle::new([(a, y1 - height), (b, y1)], colour(*rgb).filled()))?;
                            }
                        }
                    }
                    Item::Marks { xs, rgb } => {
                        for &x in xs.iter().filter(|x| self.x.at(**x).is_finite()) {
                            let p = px(x);
                            root.draw(&Rectangle::new(
                                [(p - s(1.0), y0 + s(2.0)), (p + s(1.0), y0 + s(8.0))],
                                colour(*rgb).filled(),
                            ))?;
                        }
                    }
                    Item::Cells { columns, rgb } => {
                        let columns = (*columns).max(1);
                        let rows = (rgb.len() / columns).max(1);
                        let at = |i: usize, n: usize, span: i32| (span as f64 * i as f64 / n as f64).round() as i32;
                        for (k, c) in rgb.iter().enumerate() {
                            let (i, j) = (k % columns, k / columns);
                            let (a, b) = (x0 + at(i, columns, x1 - x0), x0 + at(i + 1, columns, x1 - x0));
                            let (top, low) = (y1 - at(j + 1, rows, panel_h), y1 - at(j, rows, panel_h));
                            root.draw(&Rectangle::new([(a, top), (b, low)], colour(*c).filled()))?;
                        }
                        root.draw(&Rectangle::new([(x0, y0), (x1, y1)], FRAME))?;
                    }
                    Item::Points { points, rgb } => {
                        let c = colour(*rgb);
                        for (x, y, label) in points {
                            let (a, b) = (self.x.at(*x), panel.y.at(*y));
                            if !((0.0..=1.0).contains(&a) && (0.0..=1.0).contains(&b)) {
                                continue;
                            }
                            let p = (px(*x), py(&panel.y, *y));
                            root.draw(&Circle::new(p, s(5.0), WHITE.filled()))?;
                            root.draw(&Circle::new(p, s(5.0), c.stroke_width(s(2.0).max(1) as u32)))?;
                            let text = style(size, &c, HPos::Left, VPos::Center);
                            let (tw, th) = root.estimate_text_size(label, &text).unwrap_or((0, 0));
                            let (tw, th) = (tw as i32, th as i32);
                            // Right of the point, or left of it where the panel ends.
                            let left = if p.0 + s(9.0) + tw > x1 {
                                p.0 - s(9.0) - tw
                            } else {
                                p.0 + s(9.0)
                            };
                            let ground = [
                                (left - s(2.0), p.1 - th / 2 - s(1.0)),
                                (left + tw + s(2.0), p.1 + th / 2 + s(1.0)),
                            ];
                            root.draw(&Rectangle::new(ground, WHITE.mix(0.85).filled()))?;
                            root.draw(&Text::new(label.clone(), (left, p.1), text))?;
                        }
                    }
                    Item::Dots { points, rgb } => {
                        let c = colour(*rgb);
                        for (x, y) in points {
                            if !((0.0..=1.0).contains(&self.x.at(*x)) && (0.0..=1.0).contains(&panel.y.at(*y))) {
                                continue;
                            }
                            let p = (px(*x), py(&panel.y, *y));
                            root.draw(&Circle::new(p, s(4.0), WHITE.filled()))?;
                            root.draw(&Circle::new(p, s(3.0), c.filled()))?;
                        }
                    }
                    Item::Note { text: t, rgb } => note(root, t, colour(*rgb))?,
                }
            }
        }
        let bottom_y = top + n * panel_h + (n - 1) * gap;
        for (x, label) in x_ticks {
            root.draw(&Text::new(
                label,
                (px(x), bottom_y + s(4.0)),
                style(size, &INK, HPos::Center, VPos::Top),
            ))?;
        }
        let title_at = ((x0 + x1) / 2, h - s(2.0));
        root.draw(&Text::new(
            self.x.title.clone(),
            title_at,
            style(size, &INK, HPos::Center, VPos::Bottom),
        ))?;
        for rule in self.rules.iter().filter(|r| (0.0..=1.0).contains(&self.x.at(r.x))) {
            let (x, c) = (px(rule.x), colour(rule.rgb));
            root.draw(&PathElement::new(vec![(x, top), (x, bottom_y)], c))?;
            let (h, dx) = if rule.left {
                (HPos::Right, -s(4.0))
            } else {
                (HPos::Left, s(4.0))
            };
            let y = if n > 1 { top + panel_h + gap / 2 } else { top + s(4.0) } + i32::from(rule.row) * s(13.0);
            root.draw(&Text::new(
                rule.label.clone(),
                (x + dx, y),
                style(size, &c, h, VPos::Center),
            ))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_axes_are_labelled_at_decades_with_true_minus_signs() {
        let a = Axis::log(1e-5, 1e1, "");
        let labels: Vec<String> = a.ticks(8).into_iter().map(|(_, l)| l).collect();
        assert_eq!(labels, ["10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹"]);
        // Thinned to at most the number asked for, keeping both ends here.
        let thin: Vec<String> = Axis::log(1e-12, 1e0, "").ticks(6).into_iter().map(|(_, l)| l).collect();
        assert_eq!(thin, ["10⁻¹²", "10⁻⁹", "10⁻⁶", "10⁻³", "10⁰"]);
        let s = Axis {
            seconds: true,
            ..Axis::log(1e-7, 1e1, "")
        };
        let labels: Vec<String> = s.ticks(9).into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            labels,
            ["100 ns", "1 µs", "10 µs", "100 µs", "1 ms", "10 ms", "100 ms", "1 s", "10 s"]
        );
        assert_eq!(
            Axis::log_fit(&[0.03, 0.0, f64::NAN, 450.0], "").ticks(9).len(),
            6,
            "10⁻² … 10³"
        );
        let counts: Vec<String> = Axis::log(2.0, 256.0, "N")
            .ticks(5)
            .into_iter()
            .map(|(_, l)| l)
            .collect();
        assert_eq!(counts, ["10", "100"], "counts as whole numbers");
        assert!(Axis {
            ticks: false,
            ..Axis::linear(0.0, 1.0, "")
        }
        .ticks(5)
        .is_empty());
    }

    #[test]
    fn panels_titled_in_place_of_ticks_get_room_for_their_titles() {
        let panel = |title: &str| Panel {
            y: Axis {
                ticks: false,
                ..Axis::linear(0.0, 1.0, title)
            },
            right: None,
            items: Vec::new(),
        };
        let f = Figure {
            x: Axis::log(1e-3, 1e3, "E − E*"),
            panels: vec![panel("GD"), panel("Damped Newton"), panel("Momentum")],
            rules: Vec::new(),
        };
        // (Wide letters count: "Momentum" is 8 characters but wider than 8 × 6.5 px.)
        let longest = text_width("Damped Newton", 11.0).max(text_width("Momentum", 11.0));
        assert!(f.x_extent(400.0).0 >= longest + 6.0, "{:?}", f.x_extent(400.0));
        assert_eq!(
            Figure {
                panels: vec![panel("GD")],
                ..f
            }
            .x_extent(400.0)
            .0,
            52.0
        );
    }

    #[test]
    fn fractional_axes_tick_at_tenths_with_their_decimals() {
        let labels: Vec<String> = Axis::fractional(0.0, 1.0, "β")
            .ticks(6)
            .into_iter()
            .map(|(_, l)| l)
            .collect();
        assert_eq!(labels, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
        let signed: Vec<String> = Axis::fractional(-0.5, 0.5, "")
            .ticks(3)
            .into_iter()
            .map(|(_, l)| l)
            .collect();
        assert_eq!(signed, ["−0.5", "0.0", "0.5"]);
    }

    #[test]
    fn linear_axes_tick_at_whole_numbers_that_never_repeat() {
        for (lo, hi) in [(0.0, 1.0), (0.0, 3.0), (0.0, 17.0), (0.0, 1234.0), (-40.0, 60.0)] {
            let ticks = Axis::linear(lo, hi, "").ticks(5);
            let labels: Vec<&String> = ticks.iter().map(|(_, l)| l).collect();
            let mut unique = labels.clone();
            unique.dedup();
            assert_eq!(unique, labels, "[{lo}, {hi}]");
            assert!(ticks.iter().all(|(v, _)| v.fract() == 0.0 && (lo..=hi).contains(v)));
        }
        assert_eq!(Axis::linear(-40.0, 60.0, "").ticks(5)[0].1, "−40");
    }

    #[test]
    fn a_figure_draws_its_lines_bars_rules_and_labels() {
        let fig = Figure {
            x: Axis::log(1e-3, 1e1, "η"),
            panels: vec![
                Panel {
                    y: Axis::log(1.0, 1e3, "steps to converge"),
                    right: Some(Axis::log(1e-3, 1e1, "")),
                    items: vec![
                        Item::Line {
                            points: vec![(1e-3, 900.0), (1e-2, 90.0), (1e-1, f64::NAN), (1.0, 9.0)],
                            rgb: 0x1b6fb3,
                            stroke: Stroke::Solid,
                            dots: false,
                            right: false,
                        },
                        Item::Line {
                            points: vec![(1e-3, 0.5), (1.0, 2.0)],
                            rgb: 0x7b1fa2,
                            stroke: Stroke::Dashed,
                            dots: true,
                            right: true,
                        },
                        Item::Marks {
                            xs: vec![2.0, 5.0],
                            rgb: 0xb3261e,
                        },
                    ],
                },
                Panel {
                    y: Axis::linear(0.0, 10.0, "final E"),
                    right: None,
                    items: vec![Item::Bars {
                        counts: vec![1.0, 0.0, 3.0],
                        rgb: 0x2f7d32,
                    }],
                },
            ],
            rules: vec![Rule {
                x: 0.2,
                label: "2/λₘₐₓ".into(),
                rgb: 0xb3261e,
                left: false,
                row: 0,
            }],
        };
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (600, 400)).into_drawing_area();
            fig.draw(&root, 1.0).expect("drawn");
            root.present().expect("presented");
        }
        for text in ["η", "steps to converge", "final E", "2/λₘₐₓ", "10⁻³", "10¹"] {
            assert!(svg.contains(text), "{text} is written");
        }
        // Labels thin out to what fits: on a 180 px wide figure two decades of the twelve.
        let mut narrow = String::new();
        {
            let root = SVGBackend::with_string(&mut narrow, (180, 240)).into_drawing_area();
            let twelve = Figure {
                x: Axis::log(1e-12, 1e-1, "ε"),
                ..fig.clone()
            };
            twelve.draw(&root, 1.0).expect("drawn");
        }
        assert!(narrow.contains("10⁻¹²") && narrow.contains("10⁻⁶"), "{narrow}");
        for crowded in ["10⁻¹⁰", "10⁻⁸", "10⁻⁴"] {
            assert!(!narrow.contains(crowded), "{crowded} left out where it would overlap");
        }
        // The first line breaks at the NaN: two pieces; the dashed one; the rule.
        assert!(svg.matches("<polyline").count() >= 4, "{svg}");
        assert!(svg.contains("#1B6FB3") || svg.contains("#1b6fb3"));
        assert!(svg.contains("#2F7D32") || svg.contains("#2f7d32"), "the bars");
        // A click on the rule as drawn points at the rule's value; beside the plot, at none.
        let mut sketch = crate::picture::sketch::Sketch::default();
        {
            use crate::picture::backend::SketchBackend;
            let root = SketchBackend::new(&mut sketch, 600.0, 400.0, 1.0).into_drawing_area();
            fig.draw(&root, 1.0).expect("drawn");
        }
        let red = f64::from(crate::picture::sketch::rgba(0xb3261e, 1.0));
        let o = &sketch.ops;
        let rule_x = (0..o.len().saturating_sub(10))
            .find(|&k| o[k] == 1.0 && o[k + 2] == red && o[k + 4] == 0.0 && o[k + 6] == 2.0 && o[k + 7] == o[k + 9])
            .map(|k| o[k + 7])
            .expect("the rule drawn as a vertical line");
        let at = fig.x_at(rule_x, 600.0).expect("on the plot");
        assert!((at / 0.2 - 1.0).abs() < 0.02, "the rule at 0.2, the click at {at}");
        assert_eq!(fig.x_at(10.0, 600.0), None);
        assert_eq!(fig.x_at(590.0, 600.0), None);
        let ends = (fig.x_at(52.0, 600.0), fig.x_at(566.0, 600.0));
        assert_eq!(ends, (Some(1e-3), Some(10.0)), "the plot's edges are the axis's ends");
    }
}
