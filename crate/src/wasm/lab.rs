//! Exports of the lab's wasm only (built with the `lab` feature, loaded by the Web Workers):
//! random starts, basin rows, saddle escape and what Newton costs.

use wasm_bindgen::prelude::*;

use super::Explorer;
use crate::error::{Error, Why};
use crate::explore::basins::{self, BasinMethod, Budget};
use crate::explore::{cost, escape};
use crate::landscape::Point;
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

/// What Newton costs (lab only): a dense random positive-definite quadratic in `n` variables
/// that a worker times GD and Newton steps on (see `cost`).
#[wasm_bindgen]
pub struct CostQuadratic(cost::DenseQuadratic);

#[wasm_bindgen]
impl CostQuadratic {
    /// A seeded quadratic in `n` variables (1 ≤ n ≤ 2,000: the Hessian of 2,000 takes 32 MB).
    #[wasm_bindgen(constructor)]
    pub fn new(n: usize, seed: u32) -> Result<CostQuadratic, JsValue> {
        if !(1..=2000).contains(&n) {
            return Err(JsError::new("the cost view takes 1 ≤ N ≤ 2000").into());
        }
        Ok(CostQuadratic(cost::DenseQuadratic::random(n, u64::from(seed))))
    }

    /// `k` GD steps with a stable η; a checksum of the point.
    #[wasm_bindgen(js_name = gdSteps)]
    pub fn gd_steps(&mut self, k: usize) -> f64 {
        let eta = self.0.safe_eta();
        self.0.gd_steps(k, eta)
    }

    /// `k` Newton steps (Hessian, Cholesky, solve); a checksum of the point.
    #[wasm_bindgen(js_name = newtonSteps)]
    pub fn newton_steps(&mut self, k: usize) -> Result<f64, JsValue> {
        self.0
            .newton_steps(k)
            .ok_or_else(|| JsError::new("the Hessian is not positive definite").into())
    }

    /// `‖∇E‖` at the current point.
    #[wasm_bindgen(js_name = gradientNorm)]
    pub fn gradient_norm(&self) -> f64 {
        self.0.gradient_norm()
    }

    /// The bytes an `n`-variable Hessian takes in `f64`.
    #[wasm_bindgen(js_name = hessianBytes)]
    pub fn hessian_bytes(n: usize) -> f64 {
        cost::DenseQuadratic::hessian_bytes(n)
    }

    /// One Newton step at `to` variables from one at `n` that took `t` s: `[seconds, bytes]`.
    #[wasm_bindgen(js_name = newtonAt)]
    pub fn newton_at(n: usize, t: f64, to: usize) -> Vec<f64> {
        let (seconds, bytes) = cost::newton_at(n, t, to);
        vec![seconds, bytes]
    }

    /// N from 2 to `max` on a log grid of `count` sizes.
    pub fn sizes(max: usize, count: usize) -> Vec<u32> {
        cost::sizes(max.min(2000), count.min(64))
            .into_iter()
            .map(|n| n as u32)
            .collect()
    }

    /// The power law `t ≈ c·N^slope` through the points with `N ≥ from`: `[slope, c]`, NaN
    /// when fewer than two points qualify.
    #[wasm_bindgen(js_name = fitPower)]
    pub fn fit_power(ns: &[f64], times: &[f64], from: f64) -> Vec<f64> {
        cost::fit_power_from(ns, times, from).map_or(vec![f64::NAN, f64::NAN], |(slope, c)| vec![slope, c])
    }
}

#[wasm_bindgen]
impl Explorer {
    /// The sum of activation `name` (`logistic`, `tanh`, `relu`, `rational`) at `n` inputs: a
    /// workload for the page to time (the cost of exponentials).
    #[wasm_bindgen(js_name = activationSum)]
    pub fn activation_sum(name: &str, n: u32) -> Result<f64, JsValue> {
        let a = crate::landscape::neural::Activation::named(name).ok_or(Error::NotHere(Why::UnknownActivation))?;
        Ok(a.sum(n as usize))
    }
}
