//! What the page reads off the session: readouts, the analysis, probes, and critical points.

use wasm_bindgen::prelude::*;

use super::{delegate, Explorer};
use crate::analysis::hessian::{CriticalKind, Regime};
use crate::session::wire;

/// The second-order picture at the analysis point (see `AnalysisReport`); absent numbers are NaN.
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
    /// `[2/λ_max, η_opt, 1 − ηE'', η/η_opt]` (the last three in 1-D only).
    #[wasm_bindgen(readonly)]
    pub numbers: Vec<f64>,
    /// `[curvature, critical, regime]`: the curvature there (a name of `kindNames`, not a
    /// claim that the point is critical); where `∇E` vanishes the kind of critical point (or
    /// `flat`), else empty; in 1-D the regime's name (`Regime::name`), else empty.
    #[wasm_bindgen(readonly)]
    pub names: Vec<String>,
}

delegate!(Explorer {
    /// Where method `i` stands (`wire::readout`; empty when it is off).
    call readout: readout(i: usize) -> Vec<f64> = |s| s.session.readout(i).as_ref().map_or_else(Vec::new, wire::readout);
    /// The Hessian's picture at the analysis point (the iterate of the first method on with a
    /// finite one, or the start), with the 1-D regime of the current `η`.
    call analysis: analysis() -> Result<AnalysisView, JsValue> = |s| {
        let at = s.session.analysis_point();
        let a = s.session.analysis_at(&at.x)?;
        let nan = |v: Option<f64>| v.unwrap_or(f64::NAN);
        Ok(AnalysisView {
            method: at.method.map_or(-1, |m| m as i32),
            iteration: at.iteration as u32,
            at: at.x,
            numbers: vec![nan(a.stability_bound), nan(a.eta_opt), nan(a.error_factor), nan(a.eta_ratio)],
            names: [a.kind.name(), a.critical.map_or("", CriticalKind::name), a.regime.map_or("", Regime::name)].map(String::from).to_vec(),
            eigenvalues: a.eigenvalues,
        })
    };
    /// `[E, ‖∇E‖]` at `x`.
    call probe: probe(x: &[f64]) -> Result<Vec<f64>, JsValue> = |s| Ok(s.session.probe(x)?.to_vec());
    /// The critical points in the view from `seeds` seeds per side (`wire::critical_points`),
    /// sorted by `E`.
    call criticalPoints: critical_points(seeds: usize) -> Result<Vec<f64>, JsValue> = |s| Ok(wire::critical_points(&s.session.critical_points(seeds)?));
});
