//! [`LabFigures`]: the lab's figures as the page last drew them (lab wasm and native only). Each
//! is the core's [`Figure`], built from a session or from what a worker measured, drawn with
//! plotters on a display list that the page paints as it paints the map.

use plotters::prelude::IntoDrawingArea;

use crate::error::Error;
use crate::explore::{cost, escape};
use crate::picture::backend::SketchBackend;
use crate::picture::figure::Figure;
use crate::picture::sketch::Sketch;
use crate::session::lab::starts_figure;
use crate::session::Session;

/// The display list of the last figure drawn, and the last sweep with its width (for what a
/// click on it points at). Each figure takes `size = [width, height, scale]`: the canvas's CSS
/// size and its device pixels per CSS pixel (missing: 1).
#[derive(Default)]
pub struct LabFigures {
    /// The last figure, drawn.
    pub sketch: Sketch,
    sweep: Option<(Figure, f64)>,
}

/// `[width, height, scale]` from what the page gives (missing: 1).
fn dims(size: &[f64]) -> [f64; 3] {
    let at = |i: usize| size.get(i).copied().unwrap_or(1.0);
    [at(0), at(1), at(2)]
}

impl LabFigures {
    /// Draws `figures` side by side on a canvas of `size`.
    fn draw(&mut self, size: &[f64], figures: &[Figure]) {
        let [width, height, scale] = dims(size);
        self.sketch.clear();
        let root = SketchBackend::new(&mut self.sketch, width, height, scale).into_drawing_area();
        let scale = if scale.is_finite() { scale.clamp(0.5, 4.0) } else { 1.0 };
        for (area, figure) in root.split_evenly((1, figures.len().max(1))).iter().zip(figures) {
            // (Drawing on a display list cannot fail.)
            let _ = figure.draw(area, scale);
        }
    }

    /// The η sweep of `runs` (see [`Session::sweep_view`]): `count` η, at most `steps` steps
    /// each; `text`: the panels' titles, the 1-D factor's note and the note when no run
    /// converged. Returns `[first η that diverged, 2/λ_max, lo, hi]` (NaN: none).
    pub fn sweep(
        &mut self,
        size: &[f64],
        runs: &Session,
        (count, steps): (usize, usize),
        text: [&str; 4],
    ) -> Result<[f64; 4], Error> {
        let view = runs.sweep_view(count, steps, text)?;
        self.draw(size, std::slice::from_ref(&view.figure));
        self.sweep = Some((view.figure, dims(size)[0]));
        let none = |v: Option<f64>| v.unwrap_or(f64::NAN);
        Ok([none(view.first_diverging), none(view.bound), view.range.0, view.range.1])
    }

    /// The η under the horizontal position `x` (CSS pixels) of the last sweep drawn; NaN beside
    /// its plot or before one.
    pub fn sweep_eta_at(&self, x: f64) -> f64 {
        (self.sweep.as_ref())
            .and_then(|(f, width)| f.x_at(x, *width))
            .unwrap_or(f64::NAN)
    }

    /// Saddle escape from [`escape::curves`]' rows, flat; `title` names the steps.
    pub fn escape(&mut self, size: &[f64], curves: &[f64], title: &str) {
        let rows: Vec<[f64; 3]> = curves.chunks_exact(3).map(|r| [r[0], r[1], r[2]]).collect();
        self.draw(size, &escape::figures(&rows, title));
    }

    /// What Newton costs from the rows measured (see [`cost::figure_of`]).
    pub fn cost(&mut self, size: &[f64], rows: &[f64], (from, max): (f64, f64), notes: [&str; 2]) {
        self.draw(size, &[cost::figure_of(rows, from, max, notes)]);
    }

    /// The random starts' histogram from the wire (see [`starts_figure`]).
    pub fn histogram(&mut self, size: &[f64], histogram: &[f64], labels: &[String], title: &str) {
        self.draw(size, &[starts_figure(histogram, labels, title)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::RustNumbers;

    #[test]
    fn a_sweep_drawn_points_back_at_its_eta() {
        let s = Session::new("quadratic1d", &RustNumbers).expect("ok");
        let mut f = LabFigures::default();
        assert!(f.sweep_eta_at(100.0).is_nan(), "no sweep yet");
        let [first, bound, lo, hi] = f
            .sweep(&[600.0, 300.0, 1.0], &s, (40, 200), ["a", "b", "c", "d"])
            .expect("ok");
        assert!(!f.sketch.ops.is_empty());
        // On a·x²/2 GD diverges for η > 2/a: the first η that diverges is just above the bound.
        assert!(first > bound && first < 1.3 * bound, "{first} {bound}");
        let mid = f.sweep_eta_at(300.0);
        assert!(mid > lo && mid < hi, "{mid}");
    }

    #[test]
    fn figures_from_the_wire_draw_and_survive_ragged_input() {
        let mut f = LabFigures::default();
        f.histogram(
            &[400.0, 300.0],
            &[0.0, -12.0, 2.0, 2.0, 0.0, 3.0, 0.0, 0.0, 4.0, 3.0, 1.0],
            &["GD".into()],
            "E − E*",
        );
        assert!(f.sketch.texts.iter().any(|t| t == "GD"), "{:?}", f.sketch.texts);
        f.histogram(&[400.0, 300.0], &[1.0], &[], "E − E*");
        f.cost(
            &[400.0, 300.0],
            &[2.0, 1e-7, 2e-7, 32.0, 0.0, 50.0, 1e-6, 1e-4, 2e4, 0.0, 1.0],
            (2.0, 100.0),
            ["gd", "newton"],
        );
        assert!(!f.sketch.ops.is_empty());
        f.escape(&[400.0, 300.0], &[1e-3, 10.0, 9.0, 1e-6, 20.0, 19.0, 7.0], "steps");
        assert!(!f.sketch.ops.is_empty());
    }
}
