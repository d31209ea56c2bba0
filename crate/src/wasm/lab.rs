//! Exports of the lab's wasm only (built with the `lab` feature, loaded by the Web Workers):
//! random starts, basin rows, saddle escape and what Newton costs.

use wasm_bindgen::prelude::*;

use super::Explorer;
use crate::analysis::hessian::CriticalKind;
use crate::error::{Error, Why};
use crate::explore::basins::{self, BasinMethod, Budget};
use crate::explore::{cost, escape};
use crate::landscape::Point;
use crate::picture::basin_colours;
use crate::picture::grid::View;

#[wasm_bindgen]
impl Explorer {
    /// `n` random starts over `view` (which becomes the session's view) from `seed`
    /// (reproducible), every enabled method run from each for at most `steps` steps: where they
    /// ended and their histogram (see [`StartsReport`]; `E*` is the lowest minimum a
    /// critical-point search with `seeds` seeds per side finds in the view).
    #[wasm_bindgen(js_name = randomStarts)]
    pub fn random_starts(
        &mut self,
        view: &[f64],
        seed: u32,
        n: usize,
        steps: usize,
        seeds: usize,
        bins: usize,
    ) -> Result<StartsReport, JsValue> {
        if self.session.dim() != 2 {
            return Err(Error::NotHere(Why::RandomStarts2d).into());
        }
        self.session.set_view(view)?;
        let report = self.session.random_starts(u64::from(seed), n, steps, seeds, bins)?;
        let mut runs = Vec::new();
        for (i, outcomes) in &report.runs {
            for o in outcomes {
                runs.extend([*i as f64, o.x[0], o.x[1], o.value, f64::from(o.status.code())]);
            }
        }
        let h = &report.histogram;
        let mut histogram = vec![h.lowest, f64::from(h.lo), f64::from(h.hi)];
        for ((i, _), t) in report.runs.iter().zip(&h.tallies) {
            histogram.extend([*i as f64, t.global as f64, t.diverged as f64, t.unbounded as f64]);
            histogram.extend(t.counts.iter().map(|&c| c as f64));
        }
        Ok(StartsReport { runs, histogram })
    }

    /// Basin labels of rows `row0..row1` of an `nx × ny` map of `view` (`[x_min, x_max, y_min,
    /// y_max]`, rows from the top): for each pixel's start, the index in `critical` (`[x₀, y₀,
    /// x₁, y₁, …]`) of the critical point `method` reaches within `steps` steps (`"gd"` with
    /// η = `param`, `"newton"`, `"damped-newton"`, `"lm"` with μ = `param`, `"saddle-free"`; a
    /// run stops early once `‖∇E‖ < tol`, 0 runs every step), 254 if it diverged, 255 if it
    /// reached none. 2-D landscapes only.
    #[allow(clippy::too_many_arguments)] // one call per chunk of rows; flat numbers cross cheaply
    #[wasm_bindgen(js_name = basinRows)]
    pub fn basin_rows(
        &self,
        view: &[f64],
        nx: usize,
        ny: usize,
        row0: usize,
        row1: usize,
        method: &str,
        param: f64,
        steps: usize,
        tol: f64,
        critical: &[f64],
    ) -> Result<Vec<u8>, JsValue> {
        let view = View::new(view)?;
        if !(1..=2048).contains(&nx) || !(1..=2048).contains(&ny) {
            return Err(Error::BadGrid.into());
        }
        let method = BasinMethod::named(method, param)?;
        let budget = Budget::for_view(steps, tol, &view)?;
        let points: Vec<Point<2>> = critical.chunks_exact(2).map(|c| Point::<2>::new(c[0], c[1])).collect();
        let mut out = Vec::with_capacity(nx * row1.saturating_sub(row0).min(ny));
        // The kernel is compiled per landscape: the session builds its landscape as one.
        let kernel = self.session.kernel()?;
        basins::rows(
            kernel.as_ref(),
            view,
            nx,
            ny,
            row0,
            row1,
            method,
            &budget,
            &points,
            &mut out,
        );
        Ok(out)
    }

    /// Saddle escape with GD at `eta` on `E = ½ Σ λᵢ xᵢ²` (see `escape`): 12 rows `[ε, median
    /// steps in 2-D with one escape direction, log(1/ε)/log(1 + η)]` for ε = 10⁻¹ … 10⁻¹²,
    /// then 8 rows `[N, steps with one escape direction, steps with N/2]` for N = 2 … 256
    /// (ε = 10⁻³); medians over 11 seeded random start directions.
    #[wasm_bindgen(js_name = escapeCurves)]
    pub fn escape_curves(eta: f64) -> Result<Vec<f64>, JsValue> {
        Ok(escape::curves(eta)?.concat())
    }
}

/// Random starts (lab only): `runs` holds `[method index, x, y, final E, status code]` per run
/// (codes as `statusNames`);
/// `histogram` holds `[E*, lo, hi]`, then per method `[method index, runs at a global minimum,
/// diverged, non-finite E, bin counts…]` (bins of `log₁₀(E − E*)` from `10^lo` to `10^hi`).
#[wasm_bindgen(getter_with_clone)]
pub struct StartsReport {
    /// Where every run ended, five numbers each.
    #[wasm_bindgen(readonly)]
    pub runs: Vec<f64>,
    /// The shared histogram and each method's counts.
    #[wasm_bindgen(readonly)]
    pub histogram: Vec<f64>,
}

/// What Newton costs (lab only): GD and Newton steps timed on dense random positive-definite
/// quadratics (see `cost`), on the worker's clock.
#[wasm_bindgen]
impl Explorer {
    /// N from 2 to `max` (at most 2,000: the Hessian of 2,000 takes 32 MB) on a log grid of
    /// `count` sizes.
    #[wasm_bindgen(js_name = costSizes)]
    pub fn cost_sizes(max: usize, count: usize) -> Vec<u32> {
        let sizes = cost::sizes(max.min(2000), count.min(64));
        sizes.into_iter().map(|n| n as u32).collect()
    }

    /// One size measured on a quadratic from `seed`, timed by `clock` (`performance.now`, ms):
    /// `[N, GD s/step, Newton s/step, Hessian bytes, ‖∇E‖ after one Newton step]`.
    #[wasm_bindgen(js_name = costRow)]
    pub fn cost_row(n: usize, seed: u32, clock: &js_sys::Function) -> Result<Vec<f64>, JsValue> {
        if !(1..=2000).contains(&n) {
            return Err(JsError::new("the cost view takes 1 ≤ N ≤ 2000").into());
        }
        let mut now = || clock.call0(&JsValue::NULL).ok().and_then(|t| t.as_f64()).unwrap_or(0.0) / 1000.0;
        let row = cost::measure(n, u64::from(seed), &mut now);
        Ok(row.ok_or_else(|| JsError::new("the step could not be timed"))?.to_vec())
    }

    /// What the rows (five numbers each, as `costRow` gives them) say: `[GD's slope, c,
    /// Newton's slope, c]` of `t ≈ c·N^slope` over `N ≥ from` (NaN: too few sizes), then one
    /// Newton step at 10⁶ weights from the largest size, `[seconds, bytes]`.
    #[wasm_bindgen(js_name = costSummary)]
    pub fn cost_summary(rows: &[f64], from: f64) -> Vec<f64> {
        let rows: Vec<[f64; 5]> = rows.chunks_exact(5).map(|r| [r[0], r[1], r[2], r[3], r[4]]).collect();
        let pair = |p: Option<(f64, f64)>| p.map_or([f64::NAN; 2], |(a, b)| [a, b]);
        cost::summary(&rows, from, 1_000_000)
            .into_iter()
            .flat_map(pair)
            .collect()
    }
}

#[wasm_bindgen]
impl Explorer {
    /// Evaluations per second of activation `name` (`logistic`, `tanh`, `relu`, `rational`),
    /// timed by `clock` (`performance.now`, ms) for about 60 ms: the cost of exponentials.
    #[wasm_bindgen(js_name = activationRate)]
    pub fn activation_rate(name: &str, clock: &js_sys::Function) -> Result<f64, JsValue> {
        let a = crate::landscape::neural::Activation::named(name).ok_or(Error::NotHere(Why::UnknownActivation))?;
        let mut now = || clock.call0(&JsValue::NULL).ok().and_then(|t| t.as_f64()).unwrap_or(0.0) / 1000.0;
        Ok(cost::rate(
            &mut |k| {
                std::hint::black_box(a.sum(k));
            },
            &mut now,
            50_000,
            0.06,
        ))
    }
}

/// The basin maps' colours, legend and marks (lab only: the lab's instance on the page's thread
/// draws them, from a session built from the page's runs link).
#[wasm_bindgen]
impl Explorer {
    /// Draws what the basin maps mark (the critical points in view, the start) on a `width ×
    /// height` picture of the view (display list 7).
    #[wasm_bindgen(js_name = drawBasinMarks)]
    pub fn draw_basin_marks(&mut self, width: f64, height: f64) {
        self.map.draw_basin_marks(&self.session, &mut self.marks, width, height);
    }

    /// The basin maps' colour of every label `0..=255` (pixel words, `RGBA` bytes in memory
    /// order) for the critical points `points` (as `criticalPoints` gives them, five numbers
    /// each): the label of a start is the index of the point it reached, 254 diverged, 255 none.
    #[wasm_bindgen(js_name = basinColours)]
    pub fn basin_colours(points: &[f64]) -> Vec<u32> {
        basin_colours::label_words(&kinds(points))
    }

    /// The basin maps' legend for `points`: `[colour 0xRRGGBB, what, n, index]` per entry; `what`
    /// a kind code (`kindNames`), 5 for diverged, 6 for none reached; a minimum's number `n`
    /// (from 1) and its index in `points` (−1 for the others).
    #[wasm_bindgen(js_name = basinLegend)]
    pub fn basin_legend(points: &[f64]) -> Vec<f64> {
        use basin_colours::Entry;
        (basin_colours::legend(&kinds(points)).into_iter())
            .flat_map(|(rgb, entry)| {
                let (what, n, index) = match entry {
                    Entry::Minimum { n, index } => (0.0, n as f64, index as f64),
                    Entry::Kind(k) => (f64::from(k.code()), 0.0, -1.0),
                    Entry::Diverged => (5.0, 0.0, -1.0),
                    Entry::Unreached => (6.0, 0.0, -1.0),
                };
                [f64::from(rgb), what, n, index]
            })
            .collect()
    }
}

/// The kinds of critical points as `criticalPoints` gives them (the code fourth of five).
fn kinds(points: &[f64]) -> Vec<CriticalKind> {
    let kind = |c: &[f64]| {
        CriticalKind::ALL
            .get(c[3] as usize)
            .copied()
            .unwrap_or(CriticalKind::Degenerate)
    };
    points.chunks_exact(5).map(kind).collect()
}
