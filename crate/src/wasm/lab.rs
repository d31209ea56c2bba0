//! Exports of the lab's wasm only (built with the `lab` feature, loaded by the Web Workers):
//! random starts, basin rows, saddle escape and what Newton costs.

use wasm_bindgen::prelude::*;

use super::Explorer;
use crate::error::Error;
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
        if !(1..=2048).contains(&nx) || !(1..=2048).contains(&ny) || steps > 10_000 {
            return Err(Error::BadGrid.into());
        }
        use crate::explore::basins::BasinMethod;
        let positive = param.is_finite() && param > 0.0;
        let method = match method {
            "gd" if positive => BasinMethod::GradientDescent(param),
            "newton" => BasinMethod::Newton,
            "damped-newton" => BasinMethod::DampedNewton,
            "lm" if positive || param == 0.0 => BasinMethod::LevenbergMarquardt(param.min(1e8)),
            "saddle-free" => BasinMethod::SaddleFreeNewton,
            _ => {
                return Err(JsError::new(
                    "basin method must be gd (η > 0), newton, damped-newton, lm (μ ≥ 0) or saddle-free",
                )
                .into())
            }
        };
        let points: Vec<Point<2>> = critical.chunks_exact(2).map(|c| Point::<2>::new(c[0], c[1])).collect();
        let scale = (view.x_max - view.x_min).max(view.y_max - view.y_min);
        let budget = crate::explore::basins::Budget {
            steps,
            grad_tol: if tol.is_finite() { tol.max(0.0) } else { 0.0 },
            radius: 1e-3 * scale,
        };
        let mut out = Vec::with_capacity(nx * row1.saturating_sub(row0).min(ny));
        // The kernel is compiled per landscape: the session builds its landscape as one.
        let kernel = self.session.kernel()?;
        crate::explore::basins::rows(
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
        if !(eta > 0.0 && eta < 1.0) {
            return Err(JsError::new("saddle escape needs 0 < η < 1").into());
        }
        use crate::explore::escape::median_escape;
        let max = 1_000_000;
        let mut out = Vec::new();
        for e in 1..=12 {
            let eps = 10f64.powi(-e);
            out.extend([
                eps,
                median_escape(2, 1, eps, eta, 11, max),
                (1.0 / eps).ln() / (1.0 + eta).ln(),
            ]);
        }
        for j in 1..=8 {
            let n = 1usize << j;
            out.extend([
                n as f64,
                median_escape(n, 1, 1e-3, eta, 11, max),
                median_escape(n, n / 2, 1e-3, eta, 11, max),
            ]);
        }
        Ok(out)
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
pub struct CostQuadratic(crate::explore::cost::DenseQuadratic);

#[wasm_bindgen]
impl CostQuadratic {
    /// A seeded quadratic in `n` variables (1 ≤ n ≤ 2,000: the Hessian of 2,000 takes 32 MB).
    #[wasm_bindgen(constructor)]
    pub fn new(n: usize, seed: u32) -> Result<CostQuadratic, JsValue> {
        if !(1..=2000).contains(&n) {
            return Err(JsError::new("the cost view takes 1 ≤ N ≤ 2000").into());
        }
        Ok(CostQuadratic(crate::explore::cost::DenseQuadratic::random(
            n,
            u64::from(seed),
        )))
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
        crate::explore::cost::DenseQuadratic::hessian_bytes(n)
    }

    /// N from 2 to `max` on a log grid of `count` sizes.
    pub fn sizes(max: usize, count: usize) -> Vec<u32> {
        crate::explore::cost::sizes(max.min(2000), count.min(64))
            .into_iter()
            .map(|n| n as u32)
            .collect()
    }

    /// The power law `t ≈ c·N^slope` through the points with `N ≥ from`: `[slope, c]`, NaN
    /// when fewer than two points qualify.
    #[wasm_bindgen(js_name = fitPower)]
    pub fn fit_power(ns: &[f64], times: &[f64], from: f64) -> Vec<f64> {
        let (n, t): (Vec<f64>, Vec<f64>) = ns
            .iter()
            .zip(times)
            .filter(|(n, _)| **n >= from)
            .map(|(n, t)| (*n, *t))
            .unzip();
        match crate::explore::cost::fit_power(&n, &t) {
            Some((slope, c)) => vec![slope, c],
            None => vec![f64::NAN, f64::NAN],
        }
    }
}
