//! What the page reads off the session: readouts, the analysis, probes, and critical points.

use wasm_bindgen::prelude::*;

use super::Explorer;
use crate::analysis::hessian::{CriticalKind, Regime};
use crate::session::report::AnalysisPoint;

/// The second-order picture at the analysis point; absent numbers are NaN.
#[wasm_bindgen(getter_with_clone)]
pub struct AnalysisView {
    /// The point described.
    #[wasm_bindgen(readonly)]
    pub at: Vec<f64>,
    /// The method whose iterate it is (index in `methodIds`), −1 for the start point.
    #[wasm_bindgen(readonly)]
    pub method: i32,
    /// That method's iteration.
    #[wasm_bindgen(readonly)]
    pub iteration: u32,
    /// Hessian eigenvalues, ascending.
    #[wasm_bindgen(readonly)]
    pub eigenvalues: Vec<f64>,
    /// `2/λ_max` (NaN when `λ_max ≤ 0`).
    #[wasm_bindgen(readonly)]
    pub stability_bound: f64,
    /// `η_opt = 1/E''` in 1-D (NaN otherwise).
    #[wasm_bindgen(readonly)]
    pub eta_opt: f64,
    /// `1 − ηE''` in 1-D (NaN otherwise).
    #[wasm_bindgen(readonly)]
    pub error_factor: f64,
    /// `η/η_opt` in 1-D (NaN otherwise).
    #[wasm_bindgen(readonly)]
    pub eta_ratio: f64,
    /// The curvature there, a name of `kindNames` (not a claim that the point is critical).
    #[wasm_bindgen(readonly)]
    pub kind: String,
    /// Where `∇E` vanishes: the kind of critical point (a name of `kindNames`, `flat` when
    /// none is near); empty elsewhere.
    #[wasm_bindgen(readonly)]
    pub critical: String,
    /// In 1-D the regime's name (`Regime::name`); empty in 2-D.
    #[wasm_bindgen(readonly)]
    pub regime: String,
}

impl Explorer {
    fn analysis_view(&self, at: AnalysisPoint) -> Result<AnalysisView, JsValue> {
        let a = self.session.analysis_at(&at.x)?;
        Ok(AnalysisView {
            method: at.method.map_or(-1, |m| m as i32),
            iteration: at.iteration as u32,
            at: at.x,
            eigenvalues: a.eigenvalues,
            stability_bound: a.stability_bound.unwrap_or(f64::NAN),
            eta_opt: a.eta_opt.unwrap_or(f64::NAN),
            error_factor: a.error_factor.unwrap_or(f64::NAN),
            eta_ratio: a.eta_ratio.unwrap_or(f64::NAN),
            kind: a.kind.name().to_owned(),
            critical: a.critical.map_or("", CriticalKind::name).to_owned(),
            regime: a.regime.map_or("", Regime::name).to_owned(),
        })
    }
}

#[wasm_bindgen]
impl Explorer {
    /// Where method `i` stands, 14 numbers (none when it is off): iteration, length of the last
    /// step (NaN before the first), `E`, `‖∇E‖`, `x`, `y` (NaN in 1-D), value-only evaluations,
    /// gradient evaluations, Hessians, solves, status code, curvature kind code, the kind
    /// reached (−1 unless converged), the kind Newton heads for (−1 unless misled).
    pub fn readout(&self, i: usize) -> Vec<f64> {
        let Some(r) = self.session.readout(i) else {
            return Vec::new();
        };
        let c = r.counts;
        let code = |k: Option<CriticalKind>| k.map_or(-1.0, |k| f64::from(k.code()));
        vec![
            r.iteration as f64,
            r.step,
            r.value,
            r.grad_norm,
            r.x,
            r.y,
            c.values as f64,
            c.gradients as f64,
            c.hessians as f64,
            c.solves as f64,
            f64::from(r.status.code()),
            f64::from(r.curvature.code()),
            code(r.reached),
            code(r.heading),
        ]
    }

    /// The Hessian's picture at the analysis point (the iterate of the first method on (with a finite one), or the
    /// start), with the 1-D regime of the current `η`.
    pub fn analysis(&self) -> Result<AnalysisView, JsValue> {
        self.analysis_view(self.session.analysis_point())
    }

    /// `[E, ‖∇E‖]` at `x`.
    pub fn probe(&self, x: &[f64]) -> Result<Vec<f64>, JsValue> {
        Ok(self.session.probe(x)?.to_vec())
    }

    /// The critical points in the view from `seeds` seeds per side: `[x, y, E, kind code,
    /// global]` each (`y` NaN in 1-D; global 1 for the lowest minima), sorted by `E`.
    #[wasm_bindgen(js_name = criticalPoints)]
    pub fn critical_points(&self, seeds: usize) -> Result<Vec<f64>, JsValue> {
        Ok(self
            .session
            .critical_points(seeds)?
            .iter()
            .flat_map(|c| {
                [
                    c.x,
                    c.y,
                    c.value,
                    f64::from(c.kind.code()),
                    f64::from(u8::from(c.global)),
                ]
            })
            .collect())
    }
}
