//! The data panel of the neural landscapes: the points `(x, t)` (filled for `t ≥ ½`, hollow
//! below) over guides at `t = 0, ½, 1`, the model's output as a curve, and what a click there
//! does (removes the point under it, or adds one).

use super::sketch::{rgba, Rgba, Sketch, NONE};
use crate::landscape::neural::{MAX_POINTS, X_RANGE};

/// Room around the plotted box, CSS pixels.
const PAD: f64 = 10.0;
/// A click this close (pixels) to a point takes it away.
const HIT: f64 = 9.0;
const INK: u32 = 0x1d1b20;

/// The panel's mapping from `(x, t)` to pixels of a `width × height` box, and back.
#[derive(Debug, Clone, Copy)]
struct Frame {
    width: f64,
    height: f64,
}

impl Frame {
    fn px(self, x: f64) -> f64 {
        PAD + (x - X_RANGE.0) / (X_RANGE.1 - X_RANGE.0) * (self.width - 2.0 * PAD)
    }
    fn py(self, t: f64) -> f64 {
        self.height - PAD - t * (self.height - 2.0 * PAD)
    }
    fn at(self, px: f64, py: f64) -> (f64, f64) {
        let x = X_RANGE.0 + (px - PAD) / (self.width - 2.0 * PAD) * (X_RANGE.1 - X_RANGE.0);
        (x, (self.height - PAD - py) / (self.height - 2.0 * PAD))
    }
}

/// Draws the panel: `points` `[x₀, t₀, …]`, and `output` (the model's values at evenly spaced
/// inputs over [`X_RANGE`], in a colour) when there is one.
pub fn draw(out: &mut Sketch, points: &[f64], output: Option<(&[f64], Rgba)>, (width, height): (f64, f64)) {
    let f = Frame { width, height };
    for t in [0.0, 0.5, 1.0] {
        let line = [f.px(X_RANGE.0), f.py(t), f.px(X_RANGE.1), f.py(t)];
        out.line(line, rgba(0xd6d6de, 1.0), 1.0, &[]);
    }
    if let Some((ys, colour)) = output.filter(|(ys, _)| ys.len() > 1) {
        let n = (ys.len() - 1) as f64;
        let curve: Vec<f64> = (ys.iter().enumerate())
            .flat_map(|(k, &y)| [f.px(X_RANGE.0 + (X_RANGE.1 - X_RANGE.0) * k as f64 / n), f.py(y)])
            .collect();
        out.path(&curve, false, NONE, colour, 2.0, &[]);
    }
    for p in points.chunks_exact(2) {
        let fill = if p[1] >= 0.5 { INK } else { 0xffffff };
        out.disc(f.px(p[0]), f.py(p[1]), 4.5, 0.0, rgba(fill, 1.0), rgba(INK, 1.0), 1.5);
    }
}

/// The data after a click at `(px, py)` in a `width × height` panel: the point under it removed,
/// or one added there (rounded to 0.01, kept within the panel's box); `None` when the data is
/// full.
pub fn after_click(points: &[f64], (px, py): (f64, f64), (width, height): (f64, f64)) -> Option<Vec<f64>> {
    let f = Frame { width, height };
    let mut next = points.to_vec();
    let hit = (next.chunks_exact(2)).rposition(|p| (f.px(p[0]) - px).hypot(f.py(p[1]) - py) < HIT);
    if let Some(k) = hit {
        next.drain(2 * k..2 * k + 2);
        return Some(next);
    }
    if next.len() >= 2 * MAX_POINTS {
        return None;
    }
    let round = |v: f64| (v * 100.0).round() / 100.0;
    let (x, t) = f.at(px, py);
    next.extend([round(x.clamp(X_RANGE.0, X_RANGE.1)), round(t.clamp(0.0, 1.0))]);
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOX: (f64, f64) = (260.0, 120.0);

    #[test]
    fn a_click_adds_a_point_where_it_is_and_a_second_click_takes_it_away() {
        let f = Frame {
            width: BOX.0,
            height: BOX.1,
        };
        let at = (f.px(1.0), f.py(0.25));
        let added = after_click(&[], at, BOX).expect("room");
        assert_eq!(added, [1.0, 0.25]);
        assert_eq!(after_click(&added, (at.0 + 3.0, at.1 - 3.0), BOX), Some(vec![]));
        // Outside the box: clamped to it.
        assert_eq!(after_click(&[], (-50.0, -50.0), BOX), Some(vec![-3.0, 1.0]));
        // Full: a click away from every point adds nothing.
        let full: Vec<f64> = (0..MAX_POINTS).flat_map(|_| [-3.0, 0.0]).collect();
        assert_eq!(after_click(&full, (f.px(2.0), f.py(1.0)), BOX), None);
        assert_eq!(
            after_click(&full, (f.px(-3.0), f.py(0.0)), BOX).map(|v| v.len()),
            Some(full.len() - 2)
        );
    }

    #[test]
    fn the_panel_draws_guides_points_and_the_model_curve() {
        let mut out = Sketch::default();
        draw(
            &mut out,
            &[0.0, 1.0, 1.0, 0.0],
            Some((&[0.0, 0.5, 1.0], rgba(0x0072b2, 1.0))),
            BOX,
        );
        use crate::picture::sketch::op;
        let f = Frame {
            width: BOX.0,
            height: BOX.1,
        };
        let ink = f64::from(rgba(INK, 1.0));
        let disc = |fill: u32, x: f64, t: f64| [op::DISC, f64::from(rgba(fill, 1.0)), ink, 1.5, f.px(x), f.py(t)];
        assert!(out.ops.windows(6).any(|w| w == disc(INK, 0.0, 1.0)), "t = 1: filled");
        assert!(
            out.ops.windows(6).any(|w| w == disc(0xffffff, 1.0, 0.0)),
            "t = 0: hollow"
        );
        // The curve runs from the box's left edge at t = 0 to its right edge at t = 1.
        let (l, r) = (PAD, BOX.0 - PAD);
        assert!(out.ops.windows(2).any(|w| w == [l, BOX.1 - PAD]));
        assert!(out.ops.windows(2).any(|w| w == [r, PAD]));
    }
}
