//! [`Explorer`]: the page's handle on the core's [`Session`]. Every method delegates and converts
//! (numbers, names and codes from one table each); none decides anything.

use wasm_bindgen::prelude::*;

use super::{kind_code, kind_name, regime_name, FunctionProblem, JsNumbers, KINDS, REGIMES};
use crate::error::Error;
use crate::landscape::presets::PRESETS;
use crate::method::catalog::{Hyper, METHOD_IDS};
use crate::method::trajectory::Trajectory;
use crate::method::Status;
use crate::picture::grid::{Curve, Sampled};
use crate::session::report::AnalysisPoint;
use crate::session::runs::ChartStyle;
use crate::session::{AnyRuns, Applied, Session};
use crate::share::link::PANELS;

/// The page's state and runs (the core's [`Session`]), with the pictures sampled from it.
#[wasm_bindgen]
pub struct Explorer {
    pub(super) session: Session,
    /// The last 2-D sample of the landscape.
    pub(super) grid: Sampled,
    /// The last sample of the Taylor model at a point.
    pub(super) model: Sampled,
    /// The last 1-D sample.
    pub(super) curve: Curve,
    /// How charts show each method.
    pub(super) chart_style: Vec<ChartStyle>,
}

/// Where a method's run stands, for the readout (see [`crate::session::report::Readout`]).
#[wasm_bindgen(getter_with_clone)]
pub struct Readout {
    /// Steps taken.
    #[wasm_bindgen(readonly)]
    pub iteration: u32,
    /// Length of the last step (NaN before the first).
    #[wasm_bindgen(readonly)]
    pub step: f64,
    /// The shape of `E` at the current iterate (a name of [`Explorer::kind_names`]).
    #[wasm_bindgen(readonly)]
    pub curvature: String,
    /// `E` at the current iterate.
    #[wasm_bindgen(readonly)]
    pub value: f64,
    /// `‖∇E‖` at the current iterate.
    #[wasm_bindgen(readonly)]
    pub grad_norm: f64,
    /// First coordinate of the current iterate.
    #[wasm_bindgen(readonly)]
    pub x: f64,
    /// Second coordinate (NaN in 1-D).
    #[wasm_bindgen(readonly)]
    pub y: f64,
    /// Value-only evaluations so far (line searches).
    #[wasm_bindgen(readonly)]
    pub values: f64,
    /// Gradient evaluations so far.
    #[wasm_bindgen(readonly)]
    pub gradients: f64,
    /// Hessian evaluations so far.
    #[wasm_bindgen(readonly)]
    pub hessians: f64,
    /// Linear solves so far.
    #[wasm_bindgen(readonly)]
    pub solves: f64,
    /// A name of [`Explorer::status_names`].
    #[wasm_bindgen(readonly)]
    pub status: String,
    /// When converged: the kind of critical point reached; otherwise empty.
    #[wasm_bindgen(readonly)]
    pub kind: String,
    /// Newton running where `H` is not positive definite: `saddle` or `maximum`; otherwise empty.
    #[wasm_bindgen(readonly)]
    pub heading: String,
}

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
    /// Unit eigenvectors, one after another.
    #[wasm_bindgen(readonly)]
    pub eigenvectors: Vec<f64>,
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
    /// `x − H⁻¹∇E` (empty when `H` is singular).
    #[wasm_bindgen(readonly)]
    pub newton_target: Vec<f64>,
    /// A name of [`Explorer::kind_names`].
    #[wasm_bindgen(readonly)]
    pub kind: String,
    /// In 1-D a name of [`Explorer::regime_names`]; empty in 2-D.
    #[wasm_bindgen(readonly)]
    pub regime: String,
}

/// What applying a link (or a scene) ignored, and the steps it took.
#[wasm_bindgen(getter_with_clone)]
pub struct LinkReport {
    /// One `key: reason` line per ignored field.
    #[wasm_bindgen(readonly)]
    pub ignored: Vec<String>,
    /// Steps taken after loading.
    #[wasm_bindgen(readonly)]
    pub steps: u32,
}

impl From<Applied> for LinkReport {
    fn from(a: Applied) -> Self {
        LinkReport {
            ignored: a.ignored,
            steps: a.steps as u32,
        }
    }
}

impl Explorer {
    fn analysis_view(&self, at: AnalysisPoint) -> Result<AnalysisView, JsValue> {
        let a = self.session.analysis_at(&at.x)?;
        Ok(AnalysisView {
            method: at.method.map_or(-1, |m| m as i32),
            iteration: at.iteration as u32,
            at: at.x,
            eigenvalues: a.eigenvalues,
            eigenvectors: a.eigenvectors,
            stability_bound: a.stability_bound.unwrap_or(f64::NAN),
            eta_opt: a.eta_opt.unwrap_or(f64::NAN),
            error_factor: a.error_factor.unwrap_or(f64::NAN),
            eta_ratio: a.eta_ratio.unwrap_or(f64::NAN),
            newton_target: a.newton_target.unwrap_or_default(),
            kind: kind_name(a.kind).to_owned(),
            regime: a.regime.map_or("", regime_name).to_owned(),
        })
    }

    fn trajectory_buffer<T>(
        &self,
        i: usize,
        pick: impl Fn(&Trajectory<1>) -> T,
        pick2: impl Fn(&Trajectory<2>) -> T,
    ) -> Option<T> {
        match self.session.runs() {
            AnyRuns::One(r) => r.run(i).map(pick),
            AnyRuns::Two(r) => r.run(i).map(pick2),
        }
    }
}

#[wasm_bindgen]
impl Explorer {
    /// The identifiers of the built-in landscapes.
    #[wasm_bindgen(js_name = presetIds)]
    pub fn preset_ids() -> Vec<String> {
        PRESETS.iter().map(|p| p.id.to_owned()).collect()
    }

    /// The identifiers of the methods, in the order readouts and paths are indexed.
    #[wasm_bindgen(js_name = methodIds)]
    pub fn method_ids() -> Vec<String> {
        METHOD_IDS.iter().map(|m| (*m).to_owned()).collect()
    }

    /// How a run ended: the names, indexed by the codes every array carries.
    #[wasm_bindgen(js_name = statusNames)]
    pub fn status_names() -> Vec<String> {
        Status::ALL.iter().map(|s| s.name().to_owned()).collect()
    }

    /// Kinds of critical point: the names, indexed by their codes.
    #[wasm_bindgen(js_name = kindNames)]
    pub fn kind_names() -> Vec<String> {
        KINDS.iter().map(|k| kind_name(*k).to_owned()).collect()
    }

    /// The 1-D regimes of `η`, by name.
    #[wasm_bindgen(js_name = regimeNames)]
    pub fn regime_names() -> Vec<String> {
        REGIMES.iter().map(|r| regime_name(*r).to_owned()).collect()
    }

    /// The panels a link may hide.
    #[wasm_bindgen(js_name = panelNames)]
    pub fn panel_names() -> Vec<String> {
        PANELS.iter().map(|p| (*p).to_owned()).collect()
    }

    /// The sum of activation `name` (`logistic`, `tanh`, `relu`, `rational`) at `n` inputs: a
    /// workload for the page to time (the cost of exponentials).
    #[wasm_bindgen(js_name = activationSum)]
    pub fn activation_sum(name: &str, n: u32) -> Result<f64, JsValue> {
        let a = crate::landscape::neural::Activation::named(name).ok_or(Error::NotHere("unknown activation"))?;
        Ok(a.sum(n as usize))
    }

    /// A session on preset `id` with its defaults.
    #[wasm_bindgen(constructor)]
    pub fn new(id: &str) -> Result<Explorer, JsValue> {
        Ok(Explorer {
            session: Session::new(id, &JsNumbers)?,
            grid: Sampled::default(),
            model: Sampled::default(),
            curve: Curve::default(),
            chart_style: Vec::new(),
        })
    }

    // ---- changes (each restarts the runs at most once; on error nothing changes) ----------

    /// Switches to preset `id` with its own parameters, view, start and `η`.
    #[wasm_bindgen(js_name = selectPreset)]
    pub fn select_preset(&mut self, id: &str) -> Result<(), JsValue> {
        Ok(self.session.select_preset(id)?)
    }

    /// The landscape's parameters (missing ones default).
    #[wasm_bindgen(js_name = setParams)]
    pub fn set_params(&mut self, values: &[f64]) -> Result<(), JsValue> {
        Ok(self.session.set_params(values)?)
    }

    /// The data of a neural landscape, `[x₀, t₀, x₁, t₁, …]`.
    #[wasm_bindgen(js_name = setPoints)]
    pub fn set_points(&mut self, flat: &[f64]) -> Result<(), JsValue> {
        Ok(self.session.set_points(flat)?)
    }

    /// The typed function; why not (nothing changes) if it does not parse or the landscape is
    /// not a typed one.
    #[wasm_bindgen(js_name = setFunction)]
    pub fn set_function(&mut self, text: &str) -> Option<FunctionProblem> {
        match self.session.set_function(text) {
            Ok(()) => None,
            Err(Error::BadFunction(e)) => Some(FunctionProblem::from(&e)),
            Err(Error::NotHere(_)) => Some(FunctionProblem::other("not-typed", String::new())),
            Err(other) => Some(FunctionProblem::other("other", other.to_string())),
        }
    }

    /// Gradient descent's (and momentum's, Adam's) learning rate `η`.
    #[wasm_bindgen(js_name = setEta)]
    pub fn set_eta(&mut self, eta: f64) -> Result<(), JsValue> {
        let hyper = self.session.hyper();
        Ok(self.session.set_hyper(Hyper { eta, ..hyper })?)
    }

    /// Levenberg–Marquardt's damping `μ` (in `[0, 1e8]`).
    #[wasm_bindgen(js_name = setMu)]
    pub fn set_mu(&mut self, mu: f64) -> Result<(), JsValue> {
        let hyper = self.session.hyper();
        Ok(self.session.set_hyper(Hyper { mu, ..hyper })?)
    }

    /// The momentum coefficient `β` (in `[0, 1)`).
    #[wasm_bindgen(js_name = setBeta)]
    pub fn set_beta(&mut self, beta: f64) -> Result<(), JsValue> {
        let hyper = self.session.hyper();
        Ok(self.session.set_hyper(Hyper { beta, ..hyper })?)
    }

    /// Methods on and off: `mask[i] != 0` enables method `i` (missing entries are off).
    #[wasm_bindgen(js_name = setEnabled)]
    pub fn set_enabled(&mut self, mask: &[u8]) -> Result<(), JsValue> {
        let on: Vec<bool> = mask.iter().map(|&m| m != 0).collect();
        Ok(self.session.set_enabled(&on)?)
    }

    /// The start point.
    #[wasm_bindgen(js_name = setStart)]
    pub fn set_start(&mut self, x: &[f64]) -> Result<(), JsValue> {
        Ok(self.session.set_start(x)?)
    }

    /// The view `[x_min, x_max, y_min, y_max]`.
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&mut self, view: &[f64]) -> Result<(), JsValue> {
        Ok(self.session.set_view(view)?)
    }

    /// The page's language (empty for none).
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&mut self, lang: &str) -> Result<(), JsValue> {
        Ok(self.session.set_lang(lang)?)
    }

    /// The scene shown (its identifier; empty for none): only the name, see `applyScene`.
    #[wasm_bindgen(js_name = setScene)]
    pub fn set_scene(&mut self, scene: &str) -> Result<(), JsValue> {
        Ok(self.session.set_scene(scene)?)
    }

    /// Critical points and the Hessian view shown or not.
    #[wasm_bindgen(js_name = setPanels)]
    pub fn set_panels(&mut self, critical: bool, hessian: bool) {
        self.session.set_panels(critical, hessian);
    }

    /// Applies scene `id` configured by the link `query`; restarts once.
    #[wasm_bindgen(js_name = applyScene)]
    pub fn apply_scene(&mut self, id: &str, query: &str) -> Result<LinkReport, JsValue> {
        Ok(self.session.apply_scene(id, query)?.into())
    }

    /// Applies a share link (never fails: what it ignored is reported), then its steps.
    #[wasm_bindgen(js_name = applyLink)]
    pub fn apply_link(&mut self, query: &str) -> LinkReport {
        self.session.apply_link(query).into()
    }

    /// Restarts every run at the start point.
    pub fn restart(&mut self) -> Result<(), JsValue> {
        Ok(self.session.restart()?)
    }

    /// Up to `steps` more steps of every run; whether any still runs.
    pub fn step(&mut self, steps: usize) -> bool {
        self.session.step(steps)
    }

    // ---- the configuration -----------------------------------------------------------------

    /// The share link (query string, without `#`), optionally for an embedded copy.
    pub fn link(&self, embed: bool) -> String {
        self.session.link(embed)
    }

    /// A link of the landscape alone (preset, parameters, function, data): what the lab's
    /// workers build it from, and the key of what depends on it only.
    #[wasm_bindgen(js_name = landscapeLink)]
    pub fn landscape_link(&self) -> String {
        self.session.landscape_link()
    }

    /// The preset's identifier.
    #[wasm_bindgen(getter)]
    pub fn preset(&self) -> String {
        self.session.preset().id.to_owned()
    }

    /// 1 or 2.
    #[wasm_bindgen(getter)]
    pub fn dim(&self) -> usize {
        self.session.dim()
    }

    /// The landscape's parameters.
    #[wasm_bindgen(getter)]
    pub fn params(&self) -> Vec<f64> {
        self.session.params().to_vec()
    }

    /// Names of the preset's parameters.
    #[wasm_bindgen(js_name = paramNames)]
    pub fn param_names(&self) -> Vec<String> {
        self.session.preset().params.iter().map(|p| p.name.to_owned()).collect()
    }

    /// `[min, max]` for each parameter, one after another.
    #[wasm_bindgen(js_name = paramRanges)]
    pub fn param_ranges(&self) -> Vec<f64> {
        self.session
            .preset()
            .params
            .iter()
            .flat_map(|p| [p.min, p.max])
            .collect()
    }

    /// The typed function's text, or empty for a built-in landscape.
    #[wasm_bindgen(getter)]
    pub fn function(&self) -> String {
        self.session.function().to_owned()
    }

    /// A neural landscape's data `[x₀, t₀, …]` (empty for other landscapes).
    pub fn points(&self) -> Vec<f64> {
        self.session.points()
    }

    /// The view `[x_min, x_max, y_min, y_max]`.
    #[wasm_bindgen(getter)]
    pub fn view(&self) -> Vec<f64> {
        self.session.view().to_vec()
    }

    /// The start point.
    #[wasm_bindgen(getter)]
    pub fn start(&self) -> Vec<f64> {
        self.session.start().to_vec()
    }

    /// `η`.
    #[wasm_bindgen(getter)]
    pub fn eta(&self) -> f64 {
        self.session.hyper().eta
    }

    /// `μ`.
    #[wasm_bindgen(getter)]
    pub fn mu(&self) -> f64 {
        self.session.hyper().mu
    }

    /// `β`.
    #[wasm_bindgen(getter)]
    pub fn beta(&self) -> f64 {
        self.session.hyper().beta
    }

    /// 1 for each method that is on, 0 for each that is off, in method order.
    #[wasm_bindgen(getter)]
    pub fn enabled(&self) -> Vec<u8> {
        (0..METHOD_IDS.len())
            .map(|i| u8::from(self.session.enabled(i)))
            .collect()
    }

    /// The scene's identifier, or empty.
    #[wasm_bindgen(getter)]
    pub fn scene(&self) -> String {
        self.session.scene().unwrap_or_default().to_owned()
    }

    /// The language chosen, or empty.
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> String {
        self.session.lang().unwrap_or_default().to_owned()
    }

    /// `[critical points shown, Hessian view shown, embedded]`, 0 or 1 each.
    #[wasm_bindgen(getter)]
    pub fn flags(&self) -> Vec<u8> {
        let (critical, hessian, embed, _) = self.session.panels();
        vec![u8::from(critical), u8::from(hessian), u8::from(embed)]
    }

    /// The panels hidden.
    #[wasm_bindgen(getter)]
    pub fn hidden(&self) -> Vec<String> {
        self.session.panels().3.iter().map(|p| (*p).to_owned()).collect()
    }

    /// `η_opt = 1/E''` at the start point (NaN where it has none).
    #[wasm_bindgen(js_name = etaOptAtStart)]
    pub fn eta_opt_at_start(&self) -> f64 {
        self.session.eta_opt_at_start().unwrap_or(f64::NAN)
    }

    // ---- what the page shows -----------------------------------------------------------------

    /// Where method `i` stands (`undefined` when it is off).
    pub fn readout(&self, i: usize) -> Option<Readout> {
        let r = self.session.readout(i)?;
        Some(Readout {
            iteration: r.iteration as u32,
            step: r.step,
            curvature: kind_name(r.curvature).to_owned(),
            value: r.value,
            grad_norm: r.grad_norm,
            x: r.x,
            y: r.y,
            values: r.counts.values as f64,
            gradients: r.counts.gradients as f64,
            hessians: r.counts.hessians as f64,
            solves: r.counts.solves as f64,
            status: r.status.name().to_owned(),
            kind: r.reached.map_or("", kind_name).to_owned(),
            heading: r.heading.map_or("", kind_name).to_owned(),
        })
    }

    /// The Hessian's picture at the analysis point (the first running method's iterate, or the
    /// start), with the 1-D regime of the current `η`.
    pub fn analysis(&self) -> Result<AnalysisView, JsValue> {
        self.analysis_view(self.session.analysis_point())
    }

    /// The Hessian's picture at the start point.
    #[wasm_bindgen(js_name = analysisAtStart)]
    pub fn analysis_at_start(&self) -> Result<AnalysisView, JsValue> {
        self.analysis_view(AnalysisPoint {
            method: None,
            iteration: 0,
            x: self.session.start().to_vec(),
        })
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
            .flat_map(|c| [c.x, c.y, c.value, kind_code(c.kind), f64::from(u8::from(c.global))])
            .collect())
    }

    /// Gradient descent from the start for `count` `η` on a log grid over `[lo, hi]`, at most
    /// `steps` steps each: `[η, final E, steps to converge (NaN if it did not), status code,
    /// |1 − ηE″| at the start (NaN in 2-D)]` per run.
    #[wasm_bindgen(js_name = etaSweep)]
    pub fn eta_sweep(&self, lo: f64, hi: f64, count: usize, steps: usize) -> Result<Vec<f64>, JsValue> {
        Ok(self
            .session
            .eta_sweep(lo, hi, count, steps)?
            .iter()
            .flat_map(|r| {
                let p = r.run;
                let steps = p.steps.map_or(f64::NAN, |s| s as f64);
                [p.eta, p.value, steps, f64::from(p.status.code()), r.factor]
            })
            .collect())
    }

    /// The model's output at `n` inputs over the data's range, with the weights at `at`.
    #[wasm_bindgen(js_name = modelOutput)]
    pub fn model_output(&self, at: &[f64], n: usize) -> Result<Vec<f64>, JsValue> {
        Ok(self.session.model_output(at, n)?)
    }

    /// Pointer to method `i`'s iterates (`dim` numbers each) in wasm memory.
    #[wasm_bindgen(js_name = pathPtr)]
    pub fn path_ptr(&self, i: usize) -> *const f64 {
        self.trajectory_buffer(i, |t| t.points().as_ptr(), |t| t.points().as_ptr())
            .unwrap_or(std::ptr::null())
    }

    /// Pointer to `E` at method `i`'s iterates.
    #[wasm_bindgen(js_name = valuesPtr)]
    pub fn values_ptr(&self, i: usize) -> *const f64 {
        self.trajectory_buffer(i, |t| t.values().as_ptr(), |t| t.values().as_ptr())
            .unwrap_or(std::ptr::null())
    }

    /// Number of recorded iterates of method `i` (steps + 1; 0 when it is off).
    #[wasm_bindgen(js_name = pathLen)]
    pub fn path_len(&self, i: usize) -> usize {
        self.trajectory_buffer(i, |t| t.values().len(), |t| t.values().len())
            .unwrap_or(0)
    }
}
