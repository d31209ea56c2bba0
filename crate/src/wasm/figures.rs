//! The lab's figures (feature `lab`; the page's own wasm does not carry them): each call
//! delegates to the core's [`LabFigures`](crate::session::figures::LabFigures), which draws on
//! a display list that the page paints as it paints the map (`www/paint.js`). Each figure takes
//! `size = [width, height, scale]`: the canvas's CSS size and its device pixels per CSS pixel.

use wasm_bindgen::prelude::*;

use super::{delegate, Explorer, JsWords};
use crate::session::figures;

/// The lab's figures, as the display list of the last one drawn.
#[wasm_bindgen]
#[derive(Default)]
pub struct LabFigures(figures::LabFigures);

#[wasm_bindgen]
impl LabFigures {
    /// An empty display list.
    #[wasm_bindgen(constructor)]
    pub fn new() -> LabFigures {
        LabFigures::default()
    }
}

delegate!(LabFigures {
    /// Pointer to the last figure's numbers (see `picture::sketch`).
    call ptr: ptr() -> *const f64 = |f| f.sketch.ops.as_ptr();
    /// How many numbers it has.
    call count: count() -> usize = |f| f.sketch.ops.len();
    /// Its texts.
    call texts: texts() -> Vec<String> = |f| f.sketch.texts.clone();
    /// What the last figure's note says (the sweep's, momentum's), in the page's words.
    get note: note() -> String = |f| f.note.clone();
    /// The η sweep of the session `runs`: `count` η, at most `steps` steps each, in the page's
    /// words (`say`, `number`: see `JsWords`). `[first η that diverged, 2/λ_max, lo, hi]` (NaN:
    /// none).
    change sweep: sweep(size: &[f64], runs: &Explorer, count: usize, steps: usize, say: &js_sys::Function, number: &js_sys::Function) -> Result<Vec<f64>, JsValue> = |f| {
        Ok(f.sweep(size, &runs.0.session, (count, steps), &JsWords(say, number))?.to_vec())
    };
    /// The η under the horizontal position `x` (CSS pixels) of the last sweep drawn (NaN: none).
    call sweepEtaAt: sweep_eta_at(x: f64) -> f64 = |f| f.sweep_eta_at(x);
    /// Momentum analysed at the session `runs`' start for its η and β: the rate map over
    /// (η, β) and, on a quadratic, the errors split along H's eigenvectors (runs of at most
    /// `steps`), in the page's words. The numbers of `session::lab::MomentumView`.
    change momentum: momentum(size: &[f64], runs: &Explorer, steps: usize, say: &js_sys::Function, number: &js_sys::Function) -> Result<Vec<f64>, JsValue> = |f| {
        Ok(f.momentum(size, &runs.0.session, steps, &JsWords(say, number))?.to_vec())
    };
    /// `[η, β]` under the position `(x, y)` (CSS pixels) of the last momentum map (empty: none).
    call momentumAt: momentum_at(x: f64, y: f64) -> Vec<f64> = |f| f.momentum_at(x, y);
    /// The network panel of the session `runs` (`LabFigures::network`): the network's answer,
    /// `E` along every run, the spectrum along the run shown, in the page's words. `[N, steps of
    /// the run shown, its E, λ_max, negative eigenvalues]`.
    change network: network(size: &[f64], runs: &Explorer, say: &js_sys::Function, number: &js_sys::Function) -> Result<Vec<f64>, JsValue> = |f| {
        Ok(f.network(size, &runs.0.session, &JsWords(say, number))?.to_vec())
    };
    /// Takes a report a worker trained (`networkReport`) as that of `runs`' network: the next
    /// `network` draws it without training (`LabFigures::adopt_network`; false: not adopted).
    change adoptNetwork: adopt_network(runs: &Explorer, wire: &[f64]) -> bool = |f| f.adopt_network(&runs.0.session, wire);
    /// Saddle escape from `escapeCurves`' rows; `title` names the steps.
    change escape: escape(size: &[f64], curves: &[f64], title: &str) = |f| f.escape(size, curves, title);
    /// What Newton costs from the measured `rows` (as `costRow` gives them), fitted over
    /// `N ≥ fit[0]`, up to `N = fit[1]`, its legend in the page's words (`spanish`: its decimal
    /// comma in the slopes).
    change cost: cost(size: &[f64], rows: &[f64], fit: &[f64], spanish: bool, say: &js_sys::Function, number: &js_sys::Function) = |f| {
        let at = |i: usize| fit.get(i).copied().unwrap_or(f64::NAN);
        f.cost(size, rows, (at(0), at(1)), spanish, &JsWords(say, number))
    };
    /// The random starts' histogram (a report's `histogram`), `labels` in method order.
    change histogram: histogram(size: &[f64], histogram: &[f64], labels: Vec<String>, title: &str) = |f| f.histogram(size, histogram, &labels, title);
});
