//! The lab's figures, drawn by the lab's wasm (feature `lab`; the page's own wasm does not carry
//! them): each call builds the core's [`Figure`] from the numbers the panel has and draws it with
//! plotters on a display list, which the page paints as it paints the map (`www/paint.js`).

use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;

use super::Explorer;
use crate::explore::{cost, escape, starts};
use crate::picture::backend::SketchBackend;
use crate::picture::figure::Figure;
use crate::picture::sketch::Sketch;

/// The lab's figures, as the display list of the last one drawn (and the last sweep, for what a
/// click on it points at). Each figure takes `size = [width, height, scale]`: the canvas's CSS
/// size and its device pixels per CSS pixel.
#[wasm_bindgen]
#[derive(Default)]
pub struct LabFigures(Sketch, Option<(Figure, f64)>);

impl LabFigures {
    /// Draws `figures` side by side on a canvas of `width × height` CSS pixels shown at `scale`
    /// device pixels each.
    fn draw(&mut self, [width, height, scale]: [f64; 3], figures: &[Figure]) {
        self.0.clear();
        let root = SketchBackend::new(&mut self.0, width, height, scale).into_drawing_area();
        let scale = if scale.is_finite() { scale.clamp(0.5, 4.0) } else { 1.0 };
        for (area, figure) in root.split_evenly((1, figures.len().max(1))).iter().zip(figures) {
            // (Drawing on a display list cannot fail.)
            let _ = figure.draw(area, scale);
        }
    }
}

/// `[width, height, scale]` from what the page gives (missing: 1).
fn dims(size: &[f64]) -> [f64; 3] {
    let at = |i: usize| size.get(i).copied().unwrap_or(1.0);
    [at(0), at(1), at(2)]
}

#[wasm_bindgen]
impl LabFigures {
    /// An empty display list.
    #[wasm_bindgen(constructor)]
    pub fn new() -> LabFigures {
        LabFigures::default()
    }

    /// Pointer to the last figure's numbers (see `picture::sketch`).
    pub fn ptr(&self) -> *const f64 {
        self.0.ops.as_ptr()
    }

    /// How many numbers it has.
    pub fn count(&self) -> usize {
        self.0.ops.len()
    }

    /// Its texts.
    pub fn texts(&self) -> Vec<String> {
        self.0.texts.clone()
    }

    /// The η sweep of the session `runs` (see `Session::sweep_view`): `count` η, at most
    /// `steps` steps each; `text`: the panels' titles, the 1-D factor's note and the note when
    /// no run converged. Returns `[first η that diverged, 2/λ_max, lo, hi]` (NaN: none).
    pub fn sweep(
        &mut self,
        size: &[f64],
        runs: &Explorer,
        count: usize,
        steps: usize,
        text: Vec<String>,
    ) -> Result<Vec<f64>, JsValue> {
        let t = |i: usize| text.get(i).map_or("", String::as_str);
        let view = runs.session.sweep_view(count, steps, [t(0), t(1), t(2), t(3)])?;
        self.draw(dims(size), std::slice::from_ref(&view.figure));
        self.1 = Some((view.figure, dims(size)[0]));
        let none = |v: Option<f64>| v.unwrap_or(f64::NAN);
        Ok(vec![
            none(view.first_diverging),
            none(view.bound),
            view.range.0,
            view.range.1,
        ])
    }

    /// The η under the horizontal position `x` (CSS pixels) of the last sweep drawn; NaN beside
    /// its plot or before one.
    #[wasm_bindgen(js_name = sweepEtaAt)]
    pub fn sweep_eta_at(&self, x: f64) -> f64 {
        self.1
            .as_ref()
            .and_then(|(f, width)| f.x_at(x, *width))
            .unwrap_or(f64::NAN)
    }

    /// What Newton costs as text: per measured row (`[N, GD s, Newton s, bytes, …]`, `width`
    /// numbers each) `[N, GD step, Newton step, ratio, Hessian]`, then `far = [seconds,
    /// bytes]` (one step at 10⁶ weights), in Spanish if `spanish`.
    #[wasm_bindgen(js_name = costCells)]
    pub fn cost_cells(rows: &[f64], width: usize, far: &[f64], spanish: bool) -> Vec<String> {
        use crate::picture::units::{bytes, duration};
        let mut cells = Vec::new();
        for r in rows.chunks_exact(width.max(4)) {
            let ratio = crate::picture::units::significant(r[2] / r[1], spanish);
            cells.extend([r[0].to_string(), duration(r[1], spanish), duration(r[2], spanish)]);
            cells.extend([format!("{ratio}×"), bytes(r[3], spanish)]);
        }
        if let [seconds, b, ..] = far {
            cells.extend([duration(*seconds, spanish), bytes(*b, spanish)]);
        }
        cells
    }

    /// Saddle escape from `escapeCurves`' rows; `title` names the steps.
    pub fn escape(&mut self, size: &[f64], curves: &[f64], title: &str) {
        let rows: Vec<[f64; 3]> = curves.chunks_exact(3).map(|r| [r[0], r[1], r[2]]).collect();
        self.draw(dims(size), &escape::figures(&rows, title));
    }

    /// What Newton costs from the measured `rows` (`[N, GD s, Newton s, …]`, `width` numbers
    /// each), the fits `[slope, c]` of GD and Newton (NaN: none) over N ≥ `from`, up to `max`;
    /// `notes`: the two legends.
    #[allow(clippy::too_many_arguments)] // one figure's numbers, flat across the boundary
    pub fn cost(
        &mut self,
        size: &[f64],
        rows: &[f64],
        width: usize,
        gd: &[f64],
        newton: &[f64],
        from: f64,
        max: f64,
        notes: Vec<String>,
    ) {
        let rows: Vec<[f64; 3]> = rows.chunks_exact(width.max(3)).map(|r| [r[0], r[1], r[2]]).collect();
        let fit = |f: &[f64]| match f {
            [slope, c, ..] if slope.is_finite() && c.is_finite() => Some((*slope, *c)),
            _ => None,
        };
        let n = |i: usize| notes.get(i).map_or("", String::as_str);
        self.draw(
            dims(size),
            &[cost::figure(&rows, [fit(gd), fit(newton)], from, max, [n(0), n(1)])],
        );
    }

    /// The random starts' histogram: per method its `labels`, `colours` (`0xRRGGBB`), `bins`
    /// counts (one after another) and runs with a non-finite E (`off`), bins from `10^lo` to
    /// `10^hi`; `title` names the axis.
    #[allow(clippy::too_many_arguments)] // one figure's numbers, flat across the boundary
    pub fn histogram(
        &mut self,
        size: &[f64],
        labels: Vec<String>,
        colours: &[u32],
        counts: &[f64],
        off: &[u32],
        lo: i32,
        hi: i32,
        title: &str,
    ) {
        let bins = counts.len() / labels.len().max(1);
        let rows: Vec<(String, u32, Vec<f64>, usize)> = labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                let row = counts.get(i * bins..(i + 1) * bins).unwrap_or_default().to_vec();
                (
                    label,
                    colours.get(i).copied().unwrap_or(0),
                    row,
                    off.get(i).copied().unwrap_or(0) as usize,
                )
            })
            .collect();
        self.draw(dims(size), &[starts::figure(&rows, lo, hi, title)]);
    }
}
