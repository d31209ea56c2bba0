//! Exports of the lab's wasm only (built with the `lab` feature): random starts, basin rows,
//! saddle escape and what Newton costs, which the Web Workers compute; the basin maps' colours,
//! legend and marks, which the lab's instance on the page's thread draws (from a session built
//! from the page's runs link).

use wasm_bindgen::prelude::*;

use super::{delegate, Explorer};
use crate::explore::{cost, escape};
use crate::picture::basin_colours;
use crate::session::lab::starts_tallies;
use crate::session::wire;

/// Random starts (see `StartsReport::wire`): where every run ended, and the histogram.
#[wasm_bindgen(getter_with_clone)]
pub struct StartsReport {
    /// Where every run ended, five numbers each.
    #[wasm_bindgen(readonly)]
    pub runs: Vec<f64>,
    /// The shared histogram and each method's counts.
    #[wasm_bindgen(readonly)]
    pub histogram: Vec<f64>,
}

/// `performance.now()` in seconds, through the `clock` the page hands over.
fn seconds(clock: &js_sys::Function) -> impl FnMut() -> f64 + '_ {
    || clock.call0(&JsValue::NULL).ok().and_then(|t| t.as_f64()).unwrap_or(0.0) / 1000.0
}

delegate!(Explorer {
    /// `n` random starts over `view` (which becomes the session's view) from `seed`
    /// (reproducible), every enabled method run from each for at most `steps` steps; `E*` is
    /// the lowest minimum a search with `seeds` seeds per side finds in the view.
    change randomStarts: random_starts(view: &[f64], seed: u32, n: usize, steps: usize, seeds: usize, bins: usize) -> Result<StartsReport, JsValue> = |s| {
        let [runs, histogram] = s.session.random_starts_over(view, u64::from(seed), (n, steps), seeds, bins)?.wire();
        Ok(StartsReport { runs, histogram })
    };
    /// What the summary lines say per method (`starts_tallies`) from a report's histogram.
    fresh startsTallies: starts_tallies(histogram: &[f64]) -> Vec<f64> = |_| starts_tallies(histogram);
    /// Basin labels of rows `row0..row1` of an `nx × ny` map of `view` (`Session::basin_rows`).
    #[allow(clippy::too_many_arguments)] // one chunk of one map, flat numbers
    call basinRows: basin_rows(view: &[f64], nx: usize, ny: usize, row0: usize, row1: usize, method: &str, param: f64, steps: usize, tol: f64, critical: &[f64]) -> Result<Vec<u8>, JsValue> = |s| {
        Ok(s.session.basin_rows(view, (nx, ny), (row0, row1), (method, param), steps, tol, critical)?)
    };
    /// Saddle escape with GD at `eta` on `E = ½ Σ λᵢ xᵢ²` (`escape::curves`), rows of three.
    fresh escapeCurves: escape_curves(eta: f64) -> Result<Vec<f64>, JsValue> = |_| Ok(escape::curves(eta)?.concat());
    /// What Newton costs: N from 2 to `max` (at most 2,000) on a log grid of `count` sizes.
    fresh costSizes: cost_sizes(max: usize, count: usize) -> Vec<u32> = |_| cost::sizes(max.min(cost::MAX_N), count.min(64)).into_iter().map(|n| n as u32).collect();
    /// One size measured on a quadratic from `seed`, timed by `clock` (`performance.now`, ms):
    /// `[N, GD s/step, Newton s/step, Hessian bytes, ‖∇E‖ after one Newton step]`.
    fresh costRow: cost_row(n: usize, seed: u32, clock: &js_sys::Function) -> Result<Vec<f64>, JsValue> = |_| Ok(cost::row(n, u64::from(seed), &mut seconds(clock))?.to_vec());
    /// What the rows say (`cost::summary_wire`): the fits over `N ≥ from` and one Newton step
    /// at 10⁶ weights.
    fresh costSummary: cost_summary(rows: &[f64], from: f64) -> Vec<f64> = |_| cost::summary_wire(rows, from);
    /// What Newton costs as text (`cost::cells`), in Spanish if `spanish`.
    fresh costCells: cost_cells(rows: &[f64], from: f64, spanish: bool) -> Vec<String> = |_| cost::cells(rows, from, spanish);
    /// Evaluations per second of activation `name`, timed by `clock` for about 60 ms.
    fresh activationRate: activation_rate(name: &str, clock: &js_sys::Function) -> Result<f64, JsValue> = |_| Ok(cost::activation_rate(name, &mut seconds(clock))?);
    /// Draws what the basin maps mark on a `width × height` picture of the view (list 7).
    change drawBasinMarks: draw_basin_marks(width: f64, height: f64) = |s| s.draw_basin_marks(width, height);
    /// The basin maps' colour of every label `0..=255` (pixel words, `RGBA` bytes in memory
    /// order) for the critical points `points` (as `criticalPoints` gives them).
    fresh basinColours: basin_colours(points: &[f64]) -> Vec<u32> = |_| basin_colours::label_words(&wire::kinds(points));
    /// The basin maps' legend for `points` (`wire::basin_legend`).
    fresh basinLegend: basin_legend(points: &[f64]) -> Vec<f64> = |_| wire::basin_legend(points);
});
