//! [`Explorer`]: the page's handle on the core's [`Session`]. Every method delegates and converts
//! (numbers, names and codes from one table each); none decides anything.

use wasm_bindgen::prelude::*;

use super::JsNumbers;
use crate::analysis::hessian::CriticalKind;
use crate::landscape::presets::PRESETS;
use crate::method::catalog::{Hyper, METHOD_IDS};
use crate::method::Status;
use crate::picture::sketch::Sketch;
use crate::session::map::MapState;
use crate::session::Session;

/// The page's state and runs (the core's [`Session`]), with the map drawn from it.
#[wasm_bindgen]
pub struct Explorer {
    pub(super) session: Session,
    /// The map: its samples and display lists.
    pub(super) map: MapState,
    /// The charts' legend labels, in method order.
    pub(super) labels: Vec<String>,
    /// The charts as last drawn: `E`, `‖∇E‖`, and both for the SVG export.
    pub(super) charts: [Sketch; 3],
    /// The data panel as last drawn.
    pub(super) data: Sketch,
    /// The basin maps' marks as last drawn.
    pub(super) marks: Sketch,
}

/// A table of calls that change the session: each validates in the core and, on error, changes
/// nothing (and restarts the runs at most once): `jsName: rust_name(args) = |session| call;`.
macro_rules! changes {
    ($($(#[doc = $doc:expr])* $js:ident: $name:ident($($arg:ident: $ty:ty),*) = |$s:ident| $call:expr;)*) => {
        #[wasm_bindgen]
        impl Explorer {
            $($(#[doc = $doc])*
            #[wasm_bindgen(js_name = $js)]
            pub fn $name(&mut self, $($arg: $ty),*) -> Result<(), JsValue> {
                let $s = &mut self.session;
                Ok($call?)
            })*
        }
    };
}

/// A table of the session's configuration as getters: `name: type = |session| value;`.
macro_rules! reads {
    ($($(#[doc = $doc:expr])* $name:ident: $ty:ty = |$s:ident| $value:expr;)*) => {
        #[wasm_bindgen]
        impl Explorer {
            $($(#[doc = $doc])*
            #[wasm_bindgen(getter)]
            pub fn $name(&self) -> $ty {
                let $s = &self.session;
                $value
            })*
        }
    };
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

    /// The lab's panels a link can open (the ids of their elements), in the link's order.
    #[wasm_bindgen(js_name = labPanelNames)]
    pub fn lab_panel_names() -> Vec<String> {
        crate::share::link::LAB_PANELS.iter().map(|p| (*p).to_owned()).collect()
    }

    /// Kinds of critical point: the names, indexed by their codes.
    #[wasm_bindgen(js_name = kindNames)]
    pub fn kind_names() -> Vec<String> {
        CriticalKind::ALL.iter().map(|k| k.name().to_owned()).collect()
    }

    /// A session on preset `id` with its defaults.
    #[wasm_bindgen(constructor)]
    pub fn new(id: &str) -> Result<Explorer, JsValue> {
        Ok(Explorer {
            session: Session::new(id, &JsNumbers)?,
            map: MapState::default(),
            labels: Vec::new(),
            charts: Default::default(),
            data: Sketch::default(),
            marks: Sketch::default(),
        })
    }

    /// Critical points and the Hessian view shown or not.
    #[wasm_bindgen(js_name = setPanels)]
    pub fn set_panels(&mut self, critical: bool, hessian: bool) {
        self.session.set_panels(critical, hessian);
    }

    /// Presenter mode (large type) on or off.
    #[wasm_bindgen(js_name = setPresent)]
    pub fn set_present(&mut self, on: bool) {
        self.session.set_present(on);
    }

    /// Applies scene `id` configured by the link `query` (restarts once); one `key: reason` line
    /// per field it ignored.
    #[wasm_bindgen(js_name = applyScene)]
    pub fn apply_scene(&mut self, id: &str, query: &str) -> Result<Vec<String>, JsValue> {
        Ok(self.session.apply_scene(id, query)?.ignored)
    }

    /// Applies a share link, then takes its steps; never fails: one `key: reason` line per field
    /// it ignored.
    #[wasm_bindgen(js_name = applyLink)]
    pub fn apply_link(&mut self, query: &str) -> Vec<String> {
        self.session.apply_link(query).ignored
    }

    /// Up to `steps` more steps of every run; whether any still runs.
    pub fn step(&mut self, steps: usize) -> bool {
        self.session.step(steps)
    }

    /// The share link (query string, without `#`), optionally for an embedded copy.
    pub fn link(&self, embed: bool) -> String {
        self.session.link(embed)
    }

    /// A link of what runs depend on (no steps, no page settings): what random starts rebuild
    /// their runs from in a worker.
    #[wasm_bindgen(js_name = runsLink)]
    pub fn runs_link(&self) -> String {
        self.session.runs_link()
    }

    /// A link of the landscape alone (preset, parameters, function, data): what the lab's
    /// workers build it from, and the key of what depends on it only.
    #[wasm_bindgen(js_name = landscapeLink)]
    pub fn landscape_link(&self) -> String {
        self.session.landscape_link()
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

    /// A neural landscape's data `[x₀, t₀, …]` (empty for other landscapes).
    pub fn points(&self) -> Vec<f64> {
        self.session.points()
    }

    /// Zooms the view by `factor` (below 1 in) about `at` (empty: the view's centre); whether it
    /// changed (not at the view's limits).
    pub fn zoom(&mut self, factor: f64, at: &[f64]) -> Result<bool, JsValue> {
        Ok(self.session.zoom(factor, at)?)
    }

    /// Moves the view by `dx`, `dy` times its width and height; whether it changed.
    pub fn pan(&mut self, dx: f64, dy: f64) -> Result<bool, JsValue> {
        Ok(self.session.pan(dx, dy)?)
    }

    /// Restores the landscape's own view; whether it changed.
    pub fn fit(&mut self) -> bool {
        self.session.fit()
    }

    /// `η_opt = 1/E''` at the start point (NaN where it has none).
    #[wasm_bindgen(js_name = etaOptAtStart)]
    pub fn eta_opt_at_start(&self) -> f64 {
        self.session.eta_opt_at_start().unwrap_or(f64::NAN)
    }
}

changes! {
    /// Switches to preset `id` with its own parameters, view, start and `η`.
    selectPreset: select_preset(id: &str) = |s| s.select_preset(id);
    /// The landscape's parameters (missing ones default).
    setParams: set_params(values: &[f64]) = |s| s.set_params(values);
    /// The typed function (a typed landscape only); a `bad-function` error says why it does not
    /// parse (see `From<Error> for JsValue`).
    setFunction: set_function(text: &str) = |s| s.set_function(text);
    /// The data of a neural landscape, `[x₀, t₀, x₁, t₁, …]`.
    setPoints: set_points(flat: &[f64]) = |s| s.set_points(flat);
    /// Gradient descent's (and momentum's, Adam's) learning rate `η`.
    setEta: set_eta(eta: f64) = |s| s.set_hyper(Hyper { eta, ..s.hyper() });
    /// Levenberg–Marquardt's damping `μ` (in `[0, 1e8]`).
    setMu: set_mu(mu: f64) = |s| s.set_hyper(Hyper { mu, ..s.hyper() });
    /// The momentum coefficient `β` (in `[0, 1)`).
    setBeta: set_beta(beta: f64) = |s| s.set_hyper(Hyper { beta, ..s.hyper() });
    /// Methods on and off: `mask[i] != 0` enables method `i` (missing entries are off).
    setEnabled: set_enabled(mask: &[u8]) = |s| s.set_enabled(&mask.iter().map(|&m| m != 0).collect::<Vec<_>>());
    /// The view `[x_min, x_max, y_min, y_max]` (`[x_min, x_max]` in 1-D); the runs go on.
    setView: set_view(view: &[f64]) = |s| s.set_view(view);
    /// The start point.
    setStart: set_start(x: &[f64]) = |s| s.set_start(x);
    /// Moves the start by `(dx, dy)` times `fraction` of the view.
    nudgeStart: nudge_start(dx: f64, dy: f64, fraction: f64) = |s| s.nudge_start(dx, dy, fraction);
    /// The page's language (empty for none).
    setLang: set_lang(lang: &str) = |s| s.set_lang(lang);
    /// The scene shown (its identifier; empty for none): only the name, see `applyScene`.
    setScene: set_scene(scene: &str) = |s| s.set_scene(scene);
    /// The 2-D quadratic's condition number κ = λ₂/λ₁ and rotation θ (degrees).
    setConditioning: set_conditioning(kappa: f64, theta: f64) = |s| s.set_conditioning(kappa, theta);
    /// How the map colours `E`: `auto`, `linear`, `log` or `rank`.
    setColourScale: set_colour_scale(name: &str) = |s| s.set_colour_scale(name);
    /// Restarts every run at the start point.
    restart: restart() = |s| s.restart();
    /// Steps per second when playing (2, 10, 60, 600 or 6000).
    setSpeed: set_speed(speed: u32) = |s| s.set_speed(speed);
    /// The basin maps shown, and the lab's panels open (`starts`, `escape`, `newton-cost`,
    /// `sweep`, `cost`).
    setLabPanels: set_lab_panels(basins: bool, open: Vec<String>) = |s| s.set_lab_panels(basins, &open.iter().map(String::as_str).collect::<Vec<_>>());
}

reads! {
    /// The preset's identifier.
    preset: String = |s| s.preset().id.to_owned();
    /// 1 or 2.
    dim: usize = |s| s.dim();
    /// The landscape's parameters.
    params: Vec<f64> = |s| s.params().to_vec();
    /// The typed function's text, or empty for a built-in landscape.
    function: String = |s| s.function().to_owned();
    /// The view `[x_min, x_max, y_min, y_max]`.
    view: Vec<f64> = |s| s.view().to_vec();
    /// The start point.
    start: Vec<f64> = |s| s.start().to_vec();
    /// `η`.
    eta: f64 = |s| s.hyper().eta;
    /// `μ`.
    mu: f64 = |s| s.hyper().mu;
    /// `β`.
    beta: f64 = |s| s.hyper().beta;
    /// 1 for each method that is on, 0 for each that is off, in method order.
    enabled: Vec<u8> = |s| (0..METHOD_IDS.len()).map(|i| u8::from(s.enabled(i))).collect();
    /// The scene's identifier, or empty.
    scene: String = |s| s.scene().unwrap_or_default().to_owned();
    /// The language chosen, or empty.
    lang: String = |s| s.lang().unwrap_or_default().to_owned();
    /// `[critical points shown, Hessian view shown, embedded, presenter mode]`, 0 or 1 each.
    flags: Vec<u8> = |s| {
        let (critical, hessian, embed, _) = s.panels();
        vec![u8::from(critical), u8::from(hessian), u8::from(embed), u8::from(s.present())]
    };
    /// The panels hidden.
    hidden: Vec<String> = |s| s.panels().3.iter().map(|p| (*p).to_owned()).collect();
    /// The 2-D quadratic's `[κ, θ]` (empty for other landscapes).
    conditioning: Vec<f64> = |s| s.conditioning();
    /// Steps per second when playing.
    speed: u32 = |s| s.speed();
    /// Whether the basin maps are shown.
    basins: bool = |s| s.lab_panels().0;
    /// The lab's panels open.
    open: Vec<String> = |s| s.lab_panels().1.iter().map(|p| (*p).to_owned()).collect();
    /// The names of the map's axes (the landscape's coordinates).
    axis_names: Vec<String> = |s| s.axis_names().iter().map(|n| (*n).to_owned()).collect();
    /// The colour scale asked for (`auto`, `linear`, `log` or `rank`).
    colour_scale: String = |s| s.colour_scale().name().to_owned();

}
