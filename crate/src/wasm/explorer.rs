//! [`Explorer`]: the page's handle on the core's [`Screen`] (the session and what is drawn of
//! it). Every export delegates and converts (numbers, names and codes from one table each); none
//! decides anything.

use wasm_bindgen::prelude::*;

use super::{delegate, names, JsNumbers};
use crate::landscape::presets::PRESETS;
use crate::method::catalog::{reads, Hyper, METHOD_FAMILIES, METHOD_IDS};
use crate::session::screen::Screen;
use crate::share::link::LAB_PANELS;

/// The page's state and runs, with the map drawn from them.
#[wasm_bindgen]
pub struct Explorer(pub(super) Screen);

#[wasm_bindgen]
impl Explorer {
    /// A session on preset `id` with its defaults.
    #[wasm_bindgen(constructor)]
    pub fn new(id: &str) -> Result<Explorer, JsValue> {
        Ok(Explorer(Screen::new(id, &JsNumbers)?))
    }
}

delegate!(Explorer {
    /// The names of one of the core's tables, indexed by the codes the page's arrays carry:
    /// `presets` (built-in landscapes), `methods` (in the order readouts and paths are
    /// indexed), `families` (each method's: first-order, newton-family, quasi-newton; the
    /// toggles' groups), `panels` (the
    /// lab's panels a link can open, the ids of their elements); empty for another name.
    fresh names: table_names(table: &str) -> Vec<String> = |_| match table {
        "presets" => names(PRESETS, |p| p.id),
        "methods" => names(&METHOD_IDS, |m| *m),
        "families" => names(&METHOD_FAMILIES, |f| f.name()),
        "panels" => names(&LAB_PANELS, |p| *p),
        _ => Vec::new(),
    };
    /// Which hyperparameters (η, μ, β, m) each method reads, four 0/1 flags per method: what a
    /// run of its own asks for.
    fresh hyperReads: hyper_reads() -> Vec<u8> = |_| METHOD_IDS.iter().flat_map(|id| reads(id).map(u8::from)).collect();

    /// Applies scene `id` configured by the link `query` (restarts once); one `key: reason`
    /// line per field it ignored.
    change applyScene: apply_scene(id: &str, query: &str) -> Result<Vec<String>, JsValue> = |s| Ok(s.session.apply_scene(id, query)?.ignored);
    /// Applies a share link, then takes its steps; never fails: one `key: reason` line per
    /// field it ignored.
    change applyLink: apply_link(query: &str) -> Vec<String> = |s| s.session.apply_link(query).ignored;
    /// Up to `steps` more steps of every run; whether any still runs.
    change step: step(steps: usize) -> bool = |s| s.session.step(steps);
    /// Replays from `steps` iterations earlier (not before the start).
    change stepBack: step_back(steps: usize) = |s| s.session.step_back(steps);
    /// Shows iteration `k` of every run (at or beyond the latest: the latest, live).
    change setShown: set_shown(k: usize) = |s| s.session.set_shown(k);
    /// The share link (query string, without `#`), optionally for an embedded copy.
    call link: link(embed: bool) -> String = |s| s.session.link(embed);
    /// A link of what runs depend on (no steps, no page settings): what the lab's workers and
    /// its session rebuild the runs from.
    call runsLink: runs_link() -> String = |s| s.session.runs_link();
    /// A link of the landscape alone (preset, parameters, function, data).
    call landscapeLink: landscape_link() -> String = |s| s.session.landscape_link();
    /// Names of the preset's parameters.
    call paramNames: param_names() -> Vec<String> = |s| names(s.session.preset().params, |p| p.name);
    /// `[min, max]` for each parameter, one after another.
    call paramRanges: param_ranges() -> Vec<f64> = |s| s.session.preset().params.iter().flat_map(|p| [p.min, p.max]).collect();
    /// A neural landscape's data `[x₀, t₀, …]` (empty for other landscapes).
    call points: points() -> Vec<f64> = |s| s.session.points();

    /// Zooms the view by `factor` (below 1 in) about `at` (empty: the view's centre); whether
    /// it changed (not at the view's limits).
    change zoom: zoom(factor: f64, at: &[f64]) -> Result<bool, JsValue> = |s| Ok(s.session.zoom(factor, at)?);
    /// Moves the view by `dx`, `dy` times its width and height; whether it changed.
    change pan: pan(dx: f64, dy: f64) -> Result<bool, JsValue> = |s| Ok(s.session.pan(dx, dy)?);
    /// Restores the landscape's own view; whether it changed.
    change fit: fit() -> bool = |s| s.session.fit();
    /// Critical points and the Hessian view shown or not.
    change setPanels: set_panels(critical: bool, hessian: bool) = |s| s.session.set_panels(critical, hessian);
    /// Presenter mode (large type) on or off.
    change setPresent: set_present(on: bool) = |s| s.session.set_present(on);

    // Each change below is validated in the core and, on error, changes nothing.
    /// Switches to preset `id` with its own parameters, view, start and `η`.
    change selectPreset: select_preset(id: &str) -> Result<(), JsValue> = |s| Ok(s.session.select_preset(id)?);
    /// Parameter `index` of the landscape, the others kept.
    change setParam: set_param(index: usize, value: f64) -> Result<(), JsValue> = |s| Ok(s.session.set_param(index, value)?);
    /// `η = ratio · η_opt` at the start point (1-D, where `E'' > 0`).
    change setEtaRatio: set_eta_ratio(ratio: f64) -> Result<(), JsValue> = |s| Ok(s.session.set_eta_ratio(ratio)?);
    /// The landscape's parameters (missing ones default).
    change setParams: set_params(values: &[f64]) -> Result<(), JsValue> = |s| Ok(s.session.set_params(values)?);
    /// The typed function (a typed landscape only); a `bad-function` error says why it does
    /// not parse (see `Error::fields`).
    change setFunction: set_function(text: &str) -> Result<(), JsValue> = |s| Ok(s.session.set_function(text)?);
    /// The data of a neural landscape, `[x₀, t₀, x₁, t₁, …]`.
    change setPoints: set_points(flat: &[f64]) -> Result<(), JsValue> = |s| Ok(s.session.set_points(flat)?);
    /// Hyperparameter `k` of `[η, μ, β, m]`: gradient descent's (and momentum's, Adam's)
    /// learning rate `η`, Levenberg–Marquardt's damping `μ` (in `[0, 1e8]`), the momentum
    /// coefficient `β` (in `[0, 1)`), L-BFGS's memory `m` (1 to 50 pairs).
    change setHyper: set_hyper(k: usize, value: f64) -> Result<(), JsValue> = |s| {
        let mut hyper = s.session.hyper();
        hyper.set(k, value);
        Ok(s.session.set_hyper(hyper)?)
    };
    /// Adds a run of its own: method `id` with what it reads of `[η, μ, β, m]`; the runs restart.
    change addRun: add_run(id: &str, values: &[f64]) -> Result<(), JsValue> = |s| {
        let mut hyper = Hyper::default();
        values.iter().take(4).enumerate().for_each(|(k, &v)| hyper.set(k, v));
        Ok(s.session.add_run(id, &hyper)?)
    };
    /// Takes away run of its own `j`; the runs restart.
    change removeRun: remove_run(j: usize) -> Result<(), JsValue> = |s| Ok(s.session.remove_run(j)?);
    /// Methods on and off: `mask[i] != 0` enables method `i` (missing entries are off).
    change setEnabled: set_enabled(mask: &[u8]) -> Result<(), JsValue> = |s| Ok(s.session.set_enabled(&mask.iter().map(|&m| m != 0).collect::<Vec<_>>())?);
    /// The view `[x_min, x_max, y_min, y_max]` (`[x_min, x_max]` in 1-D); the runs go on.
    change setView: set_view(view: &[f64]) -> Result<(), JsValue> = |s| Ok(s.session.set_view(view)?);
    /// The start point.
    change setStart: set_start(x: &[f64]) -> Result<(), JsValue> = |s| Ok(s.session.set_start(x)?);
    /// Moves the start by `(dx, dy)` times `fraction` of the view.
    change nudgeStart: nudge_start(dx: f64, dy: f64, fraction: f64) -> Result<(), JsValue> = |s| Ok(s.session.nudge_start(dx, dy, fraction)?);
    /// The page's language (empty for none).
    change setLang: set_lang(lang: &str) -> Result<(), JsValue> = |s| Ok(s.session.set_lang(lang)?);
    /// The scene shown (its identifier; empty for none): only the name, see `applyScene`.
    change setScene: set_scene(scene: &str) -> Result<(), JsValue> = |s| Ok(s.session.set_scene(scene)?);
    /// The 2-D quadratic's condition number κ = λ₂/λ₁ and rotation θ (degrees).
    change setConditioning: set_conditioning(kappa: f64, theta: f64) -> Result<(), JsValue> = |s| Ok(s.session.set_conditioning(kappa, theta)?);
    /// How the map colours `E`: `auto`, `linear`, `log` or `rank`.
    change setColourScale: set_colour_scale(name: &str) -> Result<(), JsValue> = |s| Ok(s.session.set_colour_scale(name)?);
    /// Restarts every run at the start point.
    change restart: restart() -> Result<(), JsValue> = |s| Ok(s.session.restart()?);
    /// Steps per second when playing (2, 10, 60, 600 or 6000).
    change setSpeed: set_speed(speed: u32) -> Result<(), JsValue> = |s| Ok(s.session.set_speed(speed)?);
    /// The 3-D view's camera `[yaw, pitch, distance]`, kept for the link.
    change setCamera: set_camera(camera: &[f64]) -> Result<(), JsValue> = |s| Ok(s.session.set_camera(camera)?);
    /// The 3-D view's camera (empty until one is set or a link brings one).
    get camera: camera() -> Vec<f64> = |s| s.session.camera().map_or_else(Vec::new, |c| c.to_vec());
    /// The basin maps shown, and the lab's panels open (of `labPanelNames`).
    change setLabPanels: set_lab_panels(basins: bool, open: Vec<String>) -> Result<(), JsValue> = |s| Ok(s.session.set_lab_panels(basins, &open.iter().map(String::as_str).collect::<Vec<_>>())?);

    /// The preset's identifier.
    get preset: preset() -> String = |s| s.session.preset().id.to_owned();
    /// 1 or 2.
    get dim: dim() -> usize = |s| s.session.dim();
    /// The landscape's parameters.
    get params: params() -> Vec<f64> = |s| s.session.params().to_vec();
    /// The typed function's text, or empty for a built-in landscape.
    get function: function() -> String = |s| s.session.function().to_owned();
    /// The view `[x_min, x_max, y_min, y_max]`.
    get view: view() -> Vec<f64> = |s| s.session.view().to_vec();
    /// The start point.
    get start: start() -> Vec<f64> = |s| s.session.start().to_vec();
    /// `[η, μ, β, m]`.
    get hyper: hyper() -> Vec<f64> = |s| (0..4).map(|k| s.session.hyper().get(k)).collect();
    /// 1 for each method that is on, 0 for each that is off, in method order.
    get enabled: enabled() -> Vec<u8> = |s| (0..METHOD_IDS.len()).map(|i| u8::from(s.session.enabled(i))).collect();
    /// The runs of their own, `[method, η, μ, β, m]` each (method: its index in `names('methods')`);
    /// their readouts and paths follow the methods'.
    get own_runs: own_runs() -> Vec<f64> = |s| s.session.own_runs().iter().flat_map(|r| {
        let i = METHOD_IDS.iter().position(|m| *m == r.method).unwrap_or(0);
        [i as f64, r.hyper.eta, r.hyper.mu, r.hyper.beta, r.hyper.memory as f64]
    }).collect();
    /// The scene's identifier, or empty.
    get scene: scene() -> String = |s| s.session.scene().unwrap_or_default().to_owned();
    /// The language chosen, or empty.
    get lang: lang() -> String = |s| s.session.lang().unwrap_or_default().to_owned();
    /// `[critical points shown, Hessian view shown, embedded, presenter mode]`, 0 or 1 each.
    get flags: flags() -> Vec<u8> = |s| s.session.flags().map(u8::from).to_vec();
    /// The panels hidden.
    get hidden: hidden() -> Vec<String> = |s| names(s.session.panels().3, |p| *p);
    /// The 2-D quadratic's `[κ, θ]` (empty for other landscapes).
    get conditioning: conditioning() -> Vec<f64> = |s| s.session.conditioning();
    /// Steps per second when playing.
    get speed: speed() -> u32 = |s| s.session.speed();
    /// `[the iteration shown, the latest]` (equal unless replaying).
    get replay: replay() -> Vec<f64> = |s| vec![s.session.shown() as f64, s.session.steps_taken() as f64];
    /// Whether the basin maps are shown.
    get basins: basins() -> bool = |s| s.session.lab_panels().0;
    /// The lab's panels open.
    get open: open() -> Vec<String> = |s| names(s.session.lab_panels().1, |p| *p);
    /// The names of the map's axes (the landscape's coordinates).
    get axis_names: axis_names() -> Vec<String> = |s| names(&s.session.axis_names(), |n| *n);
    /// The colour scale asked for (`auto`, `linear`, `log` or `rank`).
    get colour_scale: colour_scale() -> String = |s| s.session.colour_scale().name().to_owned();
});
