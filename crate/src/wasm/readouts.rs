//! What the page reads off the session: readouts, the analysis, probes, and critical points.

use wasm_bindgen::prelude::*;

use super::{delegate, Explorer, JsWords};
use crate::session::wire;

/// The analysis as the page writes it (see `session::text::AnalysisText`).
#[wasm_bindgen(getter_with_clone)]
pub struct AnalysisView {
    /// The paragraph.
    #[wasm_bindgen(readonly)]
    pub text: String,
    /// The note beside η.
    #[wasm_bindgen(readonly)]
    pub note: String,
    /// The 1-D regime's name (empty in 2-D).
    #[wasm_bindgen(readonly)]
    pub regime: String,
    /// The η slider's marks, ascending: their names.
    #[wasm_bindgen(readonly)]
    pub marks: Vec<String>,
    /// Where they go: `log₁₀ η`.
    #[wasm_bindgen(readonly)]
    pub at: Vec<f64>,
}

delegate!(Explorer {
    /// The readout table's rows in the page's words (`say`, `number`: see `JsWords`), as one
    /// text (`Screen::rows`: fields split by U+001F, rows ended by U+001E).
    call rows: rows(say: &js_sys::Function, number: &js_sys::Function) -> String = |s| s.rows(&JsWords(say, number));
    /// The analysis at the iterate of the first method on with a finite one (or the start), in
    /// the page's words.
    call analysis: analysis(say: &js_sys::Function, number: &js_sys::Function) -> Result<AnalysisView, JsValue> = |s| {
        let a = s.analysis_text(&JsWords(say, number))?;
        Ok(AnalysisView { text: a.text, note: a.note, regime: a.regime.to_owned(), marks: a.marks, at: a.at })
    };
    /// The line of critical points in view and the colour scale "auto" chose, in the page's words.
    call mapTexts: map_texts(say: &js_sys::Function, number: &js_sys::Function) -> Vec<String> = |s| {
        let w = JsWords(say, number);
        vec![s.critical_text(&w), s.scale_auto_text(&w)]
    };
    /// `[E, ‖∇E‖]` at `x`.
    call probe: probe(x: &[f64]) -> Result<Vec<f64>, JsValue> = |s| Ok(s.session.probe(x)?.to_vec());
    /// The critical points in the view from `seeds` seeds per side (`wire::critical_points`),
    /// sorted by `E`.
    call criticalPoints: critical_points(seeds: usize) -> Result<Vec<f64>, JsValue> = |s| Ok(wire::critical_points(&s.session.critical_points(seeds)?));
});
