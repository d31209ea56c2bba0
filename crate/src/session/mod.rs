//! The session: the one owner of the page's state. It holds the whole configuration (what a share
//! link holds: landscape, parameters, typed function, data points, view, start, methods and their
//! hyperparameters, scene, language, panels) and the runs, and answers what the page shows as
//! typed values ([`report`]). Every change is validated first: on error nothing changes.
//!
//! The shell keeps only what is the page's own (playing, speed, hover, element sizes); the
//! boundary (`wasm/`) only delegates here. Everything here is tested natively.

use crate::landscape::{Landscape, U1, U2};
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
pub mod basin_maps;
pub mod data;
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
pub mod figures;
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
pub mod lab;
pub mod map;
pub mod report;
pub mod runs;
pub mod screen;
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
pub mod surface;
#[cfg(test)]
mod tests;
pub mod text;
pub mod wire;
pub mod words;

use crate::analysis::hessian::Regime;
use crate::error::{Error, Why};
use crate::explore::sweep::{self, SweepPoint};
use crate::landscape::neural::{self, TinyNet};
use crate::landscape::presets::{AnyLandscape, Preset};
use crate::method::catalog::{Hyper, OwnRun, MAX_OWN_RUNS, METHOD_IDS};
use crate::method::Status;
use crate::numbers::Numbers;
use crate::picture::chart::{self, YAxis};
use crate::picture::colormap::ScaleKind;
use crate::picture::grid::{check_range, View};
use crate::picture::sketch::Sketch;
use crate::session::report::{AnalysisPoint, AnalysisReport, CriticalReport, Readout};
use crate::session::runs::{point, Runs};
use crate::share::export::{self};
use crate::share::link::{LinkState, MAX_STEPS};

/// The runs of either dimension.
pub enum AnyRuns {
    /// On a 1-D landscape.
    One(Runs<1>),
    /// On a 2-D landscape.
    Two(Runs<2>),
}

/// The landscape of either dimension, borrowed.
pub enum LandscapeRef<'a> {
    /// `E(x)`.
    One(&'a dyn Landscape<U1>),
    /// `E(x, y)`.
    Two(&'a dyn Landscape<U2>),
}

/// Runs `$body` with `$r` bound to the [`Runs`] of either dimension.
macro_rules! with_runs {
    ($runs:expr, $r:ident => $body:expr) => {
        match $runs {
            AnyRuns::One($r) => $body,
            AnyRuns::Two($r) => $body,
        }
    };
}

/// What applying a link did besides configuring the session.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Applied {
    /// One `key: reason` line per ignored field.
    pub ignored: Vec<String>,
    /// Steps taken after loading (what the link asked for).
    pub steps: usize,
}

/// One run of the learning-rate sweep with `|1 − ηE″|` at the start (1-D; NaN in 2-D).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SweepRow {
    /// The run.
    pub run: SweepPoint,
    /// The factor a GD step applies to the error at the start, in absolute value.
    pub factor: f64,
}

/// The page's state and runs.
pub struct Session {
    /// The configuration, as a share link holds it (`steps` unused: it comes from the runs).
    config: LinkState,
    /// The last typed text of `typed1d` and `typed2d`, kept while another landscape is shown.
    functions: [Option<String>; 2],
    runs: AnyRuns,
    numbers: &'static dyn Numbers,
}

impl Session {
    /// A session on preset `id` with its defaults (gradient descent and Newton on); numbers in
    /// links and typed functions go through `numbers`.
    pub fn new(id: &str, numbers: &'static dyn Numbers) -> Result<Session, Error> {
        let config = LinkState::defaults(Preset::find(id)?);
        let runs = build_runs(&config, numbers)?;
        Ok(Session {
            config,
            functions: [None, None],
            runs,
            numbers,
        })
    }

    /// Makes `next` the configuration, rebuilding the landscape when what defines it changed and
    /// restarting the runs once; on error nothing changes.
    fn reconfigure(&mut self, mut next: LinkState) -> Result<(), Error> {
        let dim = next.preset.dim;
        if next.start.len() != dim || !next.start.iter().all(|v| v.is_finite()) {
            next.start = next.preset.start[..dim].to_vec();
        }
        let same_landscape = next.preset == self.config.preset
            && next.params == self.config.params
            && next.function == self.config.function
            && next.points == self.config.points;
        if same_landscape {
            let enabled = enabled_mask(&next.methods);
            with_runs!(&mut self.runs, r => r.restart(&next.start, &next.hyper, &enabled, &next.own))?;
        } else {
            self.runs = build_runs(&next, self.numbers)?;
        }
        if next.preset.function.is_some() {
            self.functions[dim - 1] = next.function.clone();
        }
        // (The runs start again: there is nothing earlier to replay.)
        next.shown = None;
        self.config = next;
        Ok(())
    }

    // ---- changes -------------------------------------------------------------------------

    /// Switches to preset `id` with its own parameters, view, start and `η`, keeping the methods,
    /// the runs of their own, `μ`, `β`, the scene, language and panels (and the last typed function of a typed preset).
    pub fn select_preset(&mut self, id: &str) -> Result<(), Error> {
        let preset = Preset::find(id)?;
        let mut next = LinkState::defaults(preset);
        next.hyper = Hyper {
            eta: preset.eta,
            ..self.config.hyper
        };
        next.function = self.functions[preset.dim - 1]
            .clone()
            .filter(|_| preset.function.is_some());
        self.keep_page_settings(&mut next);
        next.methods = self.config.methods.clone();
        next.own = self.config.own.clone();
        self.reconfigure(next)
    }

    /// The landscape's parameters (missing ones default); a neural landscape's data goes back to
    /// the data set its parameters name.
    pub fn set_params(&mut self, values: &[f64]) -> Result<(), Error> {
        let mut next = self.config.clone();
        next.params = self
            .config
            .preset
            .params
            .iter()
            .enumerate()
            .map(|(i, p)| values.get(i).copied().unwrap_or(p.default))
            .collect();
        next.points = None;
        self.reconfigure(next)
    }

    /// Parameter `index` of the landscape set to `value`, the others kept (as [`Session::set_params`]).
    pub fn set_param(&mut self, index: usize, value: f64) -> Result<(), Error> {
        let mut values = self.config.params.clone();
        match values.get_mut(index) {
            Some(v) => *v = value,
            None => return Err(Error::OutOfRange(Why::ParamIndex)),
        }
        self.set_params(&values)
    }

    /// `η` set to `ratio · η_opt`, `η_opt = 1/E''` at the start point (the regimes scene's
    /// buttons); where there is no `η_opt` (`E'' ≤ 0`, or 2-D) nothing changes.
    pub fn set_eta_ratio(&mut self, ratio: f64) -> Result<(), Error> {
        let eta_opt = self.eta_opt_at_start().ok_or(Error::NotHere(Why::NoEtaOpt))?;
        self.set_hyper(Hyper {
            eta: ratio * eta_opt,
            ..self.hyper()
        })
    }

    /// The 2-D quadratic's conditioning, as the lecture's scene sets it: curvatures 1 and
    /// `kappa` (the condition number κ = λ₂/λ₁, ≥ 1), its axes turned by `theta` degrees; `η`
    /// keeps its fraction of GD's best fixed step `2/(λ₁ + λ₂)`. Restarts once.
    pub fn set_conditioning(&mut self, kappa: f64, theta: f64) -> Result<(), Error> {
        if self.config.preset.id != "quadratic2d" {
            return Err(Error::NotHere(Why::ConditioningQuadratic));
        }
        if kappa.is_nan() || kappa < 1.0 {
            return Err(Error::OutOfRange(Why::KappaAtLeastOne));
        }
        let mut next = self.config.clone();
        // The curvatures' sum: GD's best fixed step on the quadratic is 2/(λ₁ + λ₂).
        let sum = |p: &[f64]| {
            if p[0] > 0.0 && p[1] > 0.0 {
                p[0] + p[1]
            } else {
                f64::NAN
            }
        };
        let before = sum(&next.params);
        next.params = vec![1.0, kappa, theta];
        // η keeps its fraction of GD's best fixed step 2/(λ₁ + λ₂): a larger κ shows GD
        // crawling along the flat axis and zig-zagging across the steep one, as the lesson says,
        // instead of exploding (with η fixed at 0.075, GD diverged past κ = 26.7); at κ = 1,
        // where every direction is alike, it goes straight to the minimum (keeping a fraction
        // of 2/λ_max instead made it bounce across the minimum there).
        if before.is_finite() {
            next.hyper.eta = (next.hyper.eta * before / sum(&next.params)).max(1e-12);
        }
        self.reconfigure(next)
    }

    /// The 2-D quadratic's `[κ = λ₂/λ₁, θ in degrees]` (empty for other landscapes).
    pub fn conditioning(&self) -> Vec<f64> {
        match (self.config.preset.id, self.config.params.as_slice()) {
            ("quadratic2d", &[l1, l2, theta]) => vec![l2 / l1, theta],
            _ => Vec::new(),
        }
    }

    /// The typed function of a typed landscape (`typed1d`, `typed2d`).
    pub fn set_function(&mut self, text: &str) -> Result<(), Error> {
        if self.config.preset.function.is_none() {
            return Err(Error::NotHere(Why::NotTyped));
        }
        let mut next = self.config.clone();
        next.function = Some(text.trim().to_owned());
        self.reconfigure(next)
    }

    /// The data of a neural landscape (`neuron`, `tinynet`): `flat` = `[x₀, t₀, x₁, t₁, …]`, at
    /// most 64 points, `|x| ≤ 3`, `t` in `[0, 1]`.
    pub fn set_points(&mut self, flat: &[f64]) -> Result<(), Error> {
        if !crate::share::link::takes_points(self.config.preset) {
            return Err(Error::NotHere(Why::NoData));
        }
        if neural::parse_points(flat).is_none() {
            return Err(Error::OutOfRange(Why::DataPoints));
        }
        let mut next = self.config.clone();
        next.points = Some(flat.to_vec());
        self.reconfigure(next)
    }

    /// The hyperparameters `η`, `μ`, `β`, `m` (validated as the methods validate them).
    pub fn set_hyper(&mut self, hyper: Hyper) -> Result<(), Error> {
        hyper.validate()?;
        let mut next = self.config.clone();
        next.hyper = hyper;
        self.reconfigure(next)
    }

    /// Turns methods on and off: `on[i]` for method `i` of [`METHOD_IDS`] (missing ones off).
    pub fn set_enabled(&mut self, on: &[bool]) -> Result<(), Error> {
        let mut next = self.config.clone();
        next.methods = METHOD_IDS
            .iter()
            .enumerate()
            .filter(|(i, _)| on.get(*i).copied().unwrap_or(false))
            .map(|(_, id)| *id)
            .collect();
        self.reconfigure(next)
    }

    /// Adds a run of its own: method `id` with what it reads of `hyper`, after the others (at
    /// most [`MAX_OWN_RUNS`]); the runs restart.
    pub fn add_run(&mut self, id: &str, hyper: &Hyper) -> Result<(), Error> {
        let run = OwnRun::new(id, hyper)?;
        if self.config.own.len() >= MAX_OWN_RUNS {
            return Err(Error::OutOfRange(Why::OwnRun));
        }
        let mut next = self.config.clone();
        next.own.push(run);
        self.reconfigure(next)
    }

    /// Takes away run of its own `j` (counted from 0); the runs restart.
    pub fn remove_run(&mut self, j: usize) -> Result<(), Error> {
        if j >= self.config.own.len() {
            return Err(Error::OutOfRange(Why::OwnRun));
        }
        let mut next = self.config.clone();
        next.own.remove(j);
        self.reconfigure(next)
    }

    /// The number conversions of links and typed functions (the engine's in the browser).
    pub fn numbers(&self) -> &'static dyn Numbers {
        self.numbers
    }

    /// The runs of their own, in the order their runs follow the methods'.
    pub fn own_runs(&self) -> &[OwnRun] {
        &self.config.own
    }

    /// How many runs there are, on or off: one per method, then the runs of their own (what
    /// [`Session::readout`] and [`Session::path`] are indexed by).
    pub fn run_count(&self) -> usize {
        METHOD_IDS.len() + self.config.own.len()
    }

    /// Each run's name as the CSV writes it: the method's id, or a run of its own's link token
    /// (`gd_eta0.5`).
    pub fn run_names(&self) -> Vec<String> {
        let own = self.config.own.iter().map(|r| r.token(|x| self.numbers.format(x)));
        METHOD_IDS.iter().map(|id| (*id).to_owned()).chain(own).collect()
    }

    /// The start point (one finite coordinate per dimension, within ±1e6).
    pub fn set_start(&mut self, x: &[f64]) -> Result<(), Error> {
        if x.len() != self.dim() || !x.iter().all(|v| v.is_finite() && v.abs() <= 1e6) {
            return Err(Error::BadPoint);
        }
        let mut next = self.config.clone();
        next.start = x.to_vec();
        self.reconfigure(next)
    }

    /// The point under the pixel `(px, py)` of a `width × height` picture of the view (the map,
    /// a basin map): `[x, y]`, or `[x]` in 1-D (where the picture's height is `E`'s).
    pub fn point_at(&self, px: f64, py: f64, width: f64, height: f64) -> Vec<f64> {
        let [x0, x1, y0, y1] = self.config.view;
        let x = x0 + px / width.max(1.0) * (x1 - x0);
        match self.dim() {
            2 => vec![x, y1 - py / height.max(1.0) * (y1 - y0)],
            _ => vec![x],
        }
    }

    /// Moves the start by `(dx, dy)` times `fraction` of the view's width and height (the
    /// arrow keys on the map; `dy` is ignored in 1-D).
    pub fn nudge_start(&mut self, dx: f64, dy: f64, fraction: f64) -> Result<(), Error> {
        let [x0, x1, y0, y1] = self.config.view;
        let mut x = self.config.start.clone();
        x[0] = decimal(x[0] + dx * fraction * (x1 - x0), x1 - x0);
        if let Some(y) = x.get_mut(1) {
            *y = decimal(*y + dy * fraction * (y1 - y0), y1 - y0);
        }
        self.set_start(&x)
    }

    /// The view `[x_min, x_max, y_min, y_max]` (in 1-D only the `x` range counts). Runs go on.
    pub fn set_view(&mut self, view: &[f64]) -> Result<(), Error> {
        let mut next = self.config.view;
        match (self.dim(), view) {
            (1, [x0, x1, ..]) => {
                check_range(*x0, *x1)?;
                next[0] = *x0;
                next[1] = *x1;
            }
            (2, _) => next.copy_from_slice(&{
                let v = View::new(view)?;
                [v.x_min, v.x_max, v.y_min, v.y_max]
            }),
            _ => return Err(Error::BadView),
        }
        self.config.view = next;
        Ok(())
    }

    /// Zooms the view by `factor` (below 1 in, above 1 out) about the point `at` (empty: the
    /// view's centre), which stays where it is on the map; in 1-D only the `x` range. At the view's limits (±1e6, sides of at
    /// least 1e-6) nothing changes. Whether the view changed.
    pub fn zoom(&mut self, factor: f64, at: &[f64]) -> Result<bool, Error> {
        if !(factor.is_finite() && factor > 0.0) {
            return Err(Error::OutOfRange(Why::ZoomFactor));
        }
        let [x0, x1, y0, y1] = self.config.view;
        let centre = [(x0 + x1) / 2.0, (y0 + y1) / 2.0];
        let at = if at.is_empty() { &centre[..self.dim()] } else { at };
        if at.len() != self.dim() || at.iter().any(|v| !v.is_finite()) {
            return Err(Error::BadPoint);
        }
        let mut next = self.config.view;
        for (axis, &c) in at.iter().enumerate() {
            let (lo, hi) = (next[2 * axis], next[2 * axis + 1]);
            next[2 * axis] = c - (c - lo) * factor;
            next[2 * axis + 1] = c + (hi - c) * factor;
        }
        self.try_view(next)
    }

    /// Moves the view by `dx` and `dy` times its width and height (`dy` up; ignored in 1-D).
    /// At the view's limits nothing changes. Whether the view changed.
    pub fn pan(&mut self, dx: f64, dy: f64) -> Result<bool, Error> {
        if !(dx.is_finite() && dy.is_finite()) {
            return Err(Error::OutOfRange(Why::PanFraction));
        }
        let [x0, x1, y0, y1] = self.config.view;
        let (sx, sy) = (dx * (x1 - x0), if self.dim() == 2 { dy * (y1 - y0) } else { 0.0 });
        self.try_view([x0 + sx, x1 + sx, y0 + sy, y1 + sy])
    }

    /// Restores the landscape's own view; whether the view changed.
    pub fn fit(&mut self) -> bool {
        let view = self.config.preset.view;
        let changed = self.config.view != view;
        self.config.view = view;
        changed
    }

    /// Sets `view` if it is a valid one (else keeps the current view); whether it changed. The
    /// bounds are rounded to 10⁻⁴ of the narrower side, so that links keep short numbers
    /// (`-4.8`, not `-4.800000000000001`) at a cost no one can see.
    fn try_view(&mut self, view: [f64; 4]) -> Result<bool, Error> {
        let before = self.config.view;
        let side = (view[1] - view[0]).min(if self.dim() == 2 {
            view[3] - view[2]
        } else {
            f64::INFINITY
        });
        let view = if side.is_finite() && side > 0.0 {
            // Divide by an exact power of ten (not multiply by its inexact inverse).
            let per_unit = 10f64.powi(4 - side.log10().floor() as i32);
            view.map(|v| (v * per_unit).round() / per_unit)
        } else {
            view
        };
        Ok(self.set_view(&view).is_ok() && self.config.view != before)
    }

    /// The language of the page (a short name such as `en`, `es`; empty for none).
    pub fn set_lang(&mut self, lang: &str) -> Result<(), Error> {
        self.config.lang = token(lang)?;
        Ok(())
    }

    /// The scene shown (its identifier; empty for none). Only the name: [`Session::apply_scene`]
    /// applies one.
    pub fn set_scene(&mut self, scene: &str) -> Result<(), Error> {
        self.config.scene = token(scene)?;
        Ok(())
    }

    /// The critical points and the Hessian view shown or not.
    pub fn set_panels(&mut self, critical: bool, hessian: bool) {
        self.config.critical = critical;
        self.config.hessian = hessian;
    }

    /// Presenter mode (large type for a projector) on or off.
    pub fn set_present(&mut self, on: bool) {
        self.config.present = on;
    }

    /// The names of the map's axes: the landscape's coordinates (the neuron's weight and
    /// threshold, the tiny network's slice), `x` and `E` for a curve.
    pub fn axis_names(&self) -> [&'static str; 2] {
        match (self.preset().id, self.params().get(2)) {
            (_, _) if self.dim() == 1 => ["x", "E"],
            ("neuron", _) => ["w", "θ"],
            ("tinynet", Some(&slice)) if slice < 0.5 => ["a₁", "a₂"],
            ("tinynet", _) => ["u", "v"],
            _ => ["x", "y"],
        }
    }

    /// Whether the page is in presenter mode.
    pub fn present(&self) -> bool {
        self.config.present
    }

    /// Steps per second when playing (one of the page's speeds, `link::SPEEDS`).
    pub fn set_speed(&mut self, speed: u32) -> Result<(), Error> {
        if !crate::share::link::SPEEDS.contains(&speed) {
            return Err(Error::OutOfRange(Why::Speed));
        }
        self.config.speed = speed;
        Ok(())
    }

    /// The 3-D view's camera `[yaw, pitch, distance]`, kept for the link (nothing restarts); a
    /// camera out of its ranges (`link::camera_ok`) is refused.
    pub fn set_camera(&mut self, camera: &[f64]) -> Result<(), Error> {
        if !crate::share::link::camera_ok(camera) {
            return Err(Error::OutOfRange(Why::Camera));
        }
        self.config.camera = Some([camera[0], camera[1], camera[2]]);
        Ok(())
    }

    /// The 3-D view's camera as last set (or from a link).
    pub fn camera(&self) -> Option<[f64; 3]> {
        self.config.camera
    }

    /// The basin maps shown, and the lab's panels open (names of `link::LAB_PANELS`).
    pub fn set_lab_panels(&mut self, basins: bool, open: &[&str]) -> Result<(), Error> {
        use crate::share::link::LAB_PANELS;
        if open.iter().any(|p| !LAB_PANELS.contains(p)) {
            return Err(Error::OutOfRange(Why::LabPanel));
        }
        self.config.basins = basins;
        self.config.open = LAB_PANELS.iter().copied().filter(|p| open.contains(p)).collect();
        Ok(())
    }

    /// Steps per second when playing.
    pub fn speed(&self) -> u32 {
        self.config.speed
    }

    /// The basin maps shown, and the lab's panels open.
    pub fn lab_panels(&self) -> (bool, &[&'static str]) {
        (self.config.basins, &self.config.open)
    }

    /// How the map colours `E`: `auto`, `linear`, `log` or `rank`.
    pub fn set_colour_scale(&mut self, name: &str) -> Result<(), Error> {
        self.config.colour_scale = ScaleKind::from_name(name).ok_or(Error::OutOfRange(Why::ColourScale))?;
        Ok(())
    }

    /// How the map colours `E` (as asked; `auto` chooses per landscape).
    pub fn colour_scale(&self) -> ScaleKind {
        self.config.colour_scale
    }

    /// Restarts every run at the start point.
    pub fn restart(&mut self) -> Result<(), Error> {
        self.reconfigure(self.config.clone())
    }

    /// `steps` iterations on: while replaying, the replay moves on (and past the latest
    /// iteration the runs take the rest as new steps); whether any run still goes on.
    pub fn step(&mut self, steps: usize) -> bool {
        if let Some(k) = self.config.shown {
            let next = k as usize + steps;
            if next < self.steps_taken() {
                self.config.shown = Some(next as u32);
                return true;
            }
            let rest = next - self.steps_taken();
            self.config.shown = None;
            if rest == 0 {
                return with_runs!(&self.runs, r => (0..r.len()).any(|i| r.status(i, usize::MAX) == Some(Status::Running)));
            }
            return self.step(rest);
        }
        with_runs!(&mut self.runs, r => r.step(steps))
    }

    /// Replays from `steps` iterations earlier (not before the start).
    pub fn step_back(&mut self, steps: usize) {
        self.set_shown(self.shown().saturating_sub(steps));
    }

    /// Shows iteration `k` of every run (a run that stopped earlier shows its last iterate);
    /// `k` at or beyond the latest iteration shows the latest, as the runs go on.
    pub fn set_shown(&mut self, k: usize) {
        self.config.shown = (k < self.steps_taken()).then_some(k as u32);
    }

    /// The iteration shown: the latest unless replaying.
    pub fn shown(&self) -> usize {
        self.config.shown.map_or(self.steps_taken(), |k| k as usize)
    }

    /// Applies a share link (`?…` or `#…`): every valid field, defaults for the rest (a missing
    /// landscape keeps the current one), then the steps it asks for. Never fails: what it
    /// ignored is listed.
    pub fn apply_link(&mut self, query: &str) -> Applied {
        let (next, ignored) = LinkState::decode(query, self.config.preset, self.numbers);
        let mut ignored: Vec<String> = ignored.iter().map(|i| format!("{}: {}", i.key, i.reason)).collect();
        let (steps, shown) = (next.steps as usize, next.shown);
        if self.reconfigure(next.clone()).is_err() {
            // (The decoder validates every field; this keeps the page working if a combination
            // still fails: the landscape's defaults, with the link's scene and language.)
            ignored.push("l: the link's landscape could not be built: its defaults were used".into());
            let mut fallback = LinkState::defaults(next.preset);
            fallback.scene = next.scene;
            fallback.lang = next.lang;
            if self.reconfigure(fallback).is_err() {
                ignored.push("l: the landscape could not be built".into());
            }
        }
        if steps > 0 {
            self.step(steps);
        }
        if let Some(k) = shown {
            self.set_shown(k as usize);
        }
        Applied { ignored, steps }
    }

    /// Applies scene `id`, configured by the share link `query` (its landscape, parameters,
    /// start, `η`, methods, Hessian view, speed), keeping `μ`, `β`, L-BFGS's `m`, the language, the critical
    /// points panel, the embedding, presenter mode and the lab's panels. Restarts once.
    pub fn apply_scene(&mut self, id: &str, query: &str) -> Result<Applied, Error> {
        let scene = token(id)?;
        let (mut next, ignored) = LinkState::decode(query, self.config.preset, self.numbers);
        next.hyper.mu = self.config.hyper.mu;
        next.hyper.beta = self.config.hyper.beta;
        next.hyper.memory = self.config.hyper.memory;
        next.scene = scene;
        next.lang = self.config.lang.clone();
        next.critical = self.config.critical;
        next.embed = self.config.embed;
        next.present = self.config.present;
        next.hide = self.config.hide.clone();
        // The page closes no panel a reader opened: the link keeps saying they are open; the
        // scene opens those it names (scene 8 its network's).
        next.basins |= self.config.basins;
        // (In LAB_PANELS' order; filtered, not sorted: a sort weighed 5 KB in the page's wasm.)
        let (named, kept) = (&next.open, &self.config.open);
        next.open = (crate::share::link::LAB_PANELS.iter().copied())
            .filter(|p| named.contains(p) || kept.contains(p))
            .collect();
        if next.function.is_none() && next.preset.function.is_some() {
            next.function = self.functions[next.preset.dim - 1].clone();
        }
        self.reconfigure(next)?;
        Ok(Applied {
            ignored: ignored.iter().map(|i| format!("{}: {}", i.key, i.reason)).collect(),
            steps: 0,
        })
    }

    fn keep_page_settings(&self, next: &mut LinkState) {
        next.scene = self.config.scene.clone();
        next.lang = self.config.lang.clone();
        next.critical = self.config.critical;
        next.hessian = self.config.hessian;
        next.embed = self.config.embed;
        next.present = self.config.present;
        next.hide = self.config.hide.clone();
        next.speed = self.config.speed;
        next.basins = self.config.basins;
        next.open = self.config.open.clone();
    }

    // ---- the configuration ----------------------------------------------------------------

    /// The configuration as a share link holds it (with the steps taken).
    pub fn config(&self) -> LinkState {
        let mut state = self.config.clone();
        state.steps = (self.steps_taken() as u32).min(MAX_STEPS);
        if state.preset.function.is_some() {
            state.function = Some(self.function().to_owned());
        }
        state
    }

    /// The share link (a query string, without `#`), optionally for an embedded copy.
    pub fn link(&self, embed: bool) -> String {
        let mut state = self.config();
        state.embed |= embed;
        state.encode(self.numbers)
    }

    /// A link of what runs depend on: the landscape, view, start, methods and their
    /// hyperparameters, the runs of their own, without the steps taken or the page's settings (what the lab's workers
    /// rebuild runs from; it changes only when the runs would).
    pub fn runs_link(&self) -> String {
        self.partial_link(true)
    }

    /// A link of the landscape alone (preset, parameters, typed function, data points; the rest
    /// at the preset's defaults).
    pub fn landscape_link(&self) -> String {
        self.partial_link(false)
    }

    /// The landscape's fields of the configuration, and with `runs` what the runs depend on too;
    /// the rest at the preset's defaults.
    fn partial_link(&self, runs: bool) -> String {
        let c = &self.config;
        let mut state = LinkState {
            params: c.params.clone(),
            function: c.function.clone(),
            points: c.points.clone(),
            ..LinkState::defaults(c.preset)
        };
        if runs {
            state.view = c.view;
            state.start = c.start.clone();
            state.hyper = c.hyper;
            state.methods = c.methods.clone();
            state.own = c.own.clone();
        }
        state.encode(self.numbers)
    }

    /// The preset.
    pub fn preset(&self) -> &'static Preset {
        self.config.preset
    }

    /// 1 or 2.
    pub fn dim(&self) -> usize {
        self.config.preset.dim
    }

    /// The landscape's parameters.
    pub fn params(&self) -> &[f64] {
        &self.config.params
    }

    /// The typed function's text (the preset's default when none was typed); empty for a
    /// built-in landscape.
    pub fn function(&self) -> &str {
        match self.config.preset.function {
            Some(default) => self.config.function.as_deref().unwrap_or(default),
            None => "",
        }
    }

    /// A neural landscape's data, `[x₀, t₀, x₁, t₁, …]` (empty for other landscapes).
    pub fn points(&self) -> Vec<f64> {
        if !crate::share::link::takes_points(self.config.preset) {
            return Vec::new();
        }
        match &self.config.points {
            Some(flat) => flat.clone(),
            None => neural::data_set(self.config.params.first().copied().unwrap_or(0.0) as usize)
                .iter()
                .flat_map(|&(x, t)| [x, t])
                .collect(),
        }
    }

    /// The view `[x_min, x_max, y_min, y_max]`.
    pub fn view(&self) -> [f64; 4] {
        self.config.view
    }

    /// The start point.
    pub fn start(&self) -> &[f64] {
        &self.config.start
    }

    /// `η`, `μ`, `β`.
    pub fn hyper(&self) -> Hyper {
        self.config.hyper
    }

    /// Whether method `i` of [`METHOD_IDS`] is on.
    pub fn enabled(&self, i: usize) -> bool {
        METHOD_IDS.get(i).is_some_and(|id| self.config.methods.contains(id))
    }

    /// The scene's identifier, if one is shown.
    pub fn scene(&self) -> Option<&str> {
        self.config.scene.as_deref()
    }

    /// The language, if one was chosen.
    pub fn lang(&self) -> Option<&str> {
        self.config.lang.as_deref()
    }

    /// Critical points shown, Hessian view shown, embedded, panels hidden.
    pub fn panels(&self) -> (bool, bool, bool, &[&'static str]) {
        let c = &self.config;
        (c.critical, c.hessian, c.embed, &c.hide)
    }

    /// `[critical points shown, Hessian view shown, embedded, presenter mode]`.
    pub fn flags(&self) -> [bool; 4] {
        let c = &self.config;
        [c.critical, c.hessian, c.embed, c.present]
    }

    // ---- what the page shows -----------------------------------------------------------------

    /// The landscape.
    pub fn landscape(&self) -> LandscapeRef<'_> {
        match &self.runs {
            AnyRuns::One(r) => LandscapeRef::One(r.landscape.as_ref()),
            AnyRuns::Two(r) => LandscapeRef::Two(r.landscape.as_ref()),
        }
    }

    /// The runs.
    pub fn runs(&self) -> &AnyRuns {
        &self.runs
    }

    /// Run `i`'s iterates (`dim` numbers each) and `E` at each, if it is on, up to the
    /// iteration shown (runs indexed as [`Session::run_count`] says).
    pub fn path(&self, i: usize) -> Option<(&[f64], &[f64])> {
        let shown = self.shown();
        match &self.runs {
            AnyRuns::One(r) => r.run(i).map(|t| t.upto(shown)),
            AnyRuns::Two(r) => r.run(i).map(|t| t.upto(shown)),
        }
    }

    /// The most steps any run has taken.
    pub fn steps_taken(&self) -> usize {
        with_runs!(&self.runs, r => r.steps_taken())
    }

    /// Where run `i` stands (`None` when it is off; runs as [`Session::run_count`] says).
    #[inline(never)]
    pub fn readout(&self, i: usize) -> Option<Readout> {
        let shown = self.shown();
        with_runs!(&self.runs, r => r.readout(i, shown))
    }

    /// The point the analysis describes: the current iterate of the first method that is on
    /// (not a run of its own: the analysis reads its regime off the page's η) and has not diverged (nor stopped where `E` is undefined), else the start point. (A
    /// diverged iterate is far out: `2/λ_max` there says nothing about the landscape in view.)
    #[inline(never)]
    pub fn analysis_point(&self) -> AnalysisPoint {
        for i in 0..METHOD_IDS.len() {
            let shown = self.shown();
            let status = with_runs!(&self.runs, r => r.status(i, shown));
            if matches!(status, Some(Status::Diverged | Status::Undefined)) {
                continue;
            }
            // (The run's last recorded point is its current iterate.)
            let Some((points, values)) = self.path(i) else { continue };
            let x = &points[points.len().saturating_sub(self.dim())..];
            if x.iter().all(|v| v.is_finite()) {
                return AnalysisPoint {
                    method: Some(i),
                    iteration: values.len().saturating_sub(1),
                    x: x.to_vec(),
                };
            }
        }
        AnalysisPoint {
            method: None,
            iteration: 0,
            x: self.config.start.clone(),
        }
    }

    /// The second-order picture at `x`, with the 1-D regime of the current `η`.
    #[inline(never)]
    pub fn analysis_at(&self, x: &[f64]) -> Result<AnalysisReport, Error> {
        let eta = self.config.hyper.eta;
        with_runs!(&self.runs, r => r.analysis(x, eta))
    }

    /// `η_opt = 1/E''` at the start point (1-D, where `E'' > 0`).
    pub fn eta_opt_at_start(&self) -> Option<f64> {
        self.analysis_at(&self.config.start).ok()?.eta_opt
    }

    /// `[E, ‖∇E‖]` at `x`.
    pub fn probe(&self, x: &[f64]) -> Result<[f64; 2], Error> {
        with_runs!(&self.runs, r => r.probe(x))
    }

    /// The critical points in the view (in 1-D its `x` range), found by Newton's method from
    /// `seeds` seeds per side (clamped to 1–80), sorted by `E`.
    pub fn critical_points(&self, seeds: usize) -> Result<Vec<CriticalReport>, Error> {
        let [x0, x1, y0, y1] = self.config.view;
        let seeds = seeds.clamp(1, 80);
        match &self.runs {
            AnyRuns::One(r) => r.critical(&[x0], &[x1], seeds),
            AnyRuns::Two(r) => r.critical(&[x0, y0], &[x1, y1], seeds),
        }
    }

    /// Gradient descent from the start for `count` learning rates on a log grid over `[lo, hi]`,
    /// at most `steps` steps each.
    pub fn eta_sweep(&self, lo: f64, hi: f64, count: usize, steps: usize) -> Result<Vec<SweepRow>, Error> {
        let valid = lo > 0.0 && hi > lo && hi.is_finite() && (2..=1000).contains(&count) && steps <= 100_000;
        if !valid {
            return Err(Error::OutOfRange(Why::Sweep));
        }
        let etas = sweep::log_grid(lo, hi, count);
        let (runs, curvature) = match &self.runs {
            AnyRuns::One(r) => {
                let x = point::<1>(&self.config.start)?;
                let curvature = crate::analysis::hessian::Analysis::at(r.landscape.as_ref(), &x).lambda_max;
                (sweep::sweep(r.landscape.as_ref(), x, &etas, steps), curvature)
            }
            AnyRuns::Two(r) => (
                sweep::sweep(r.landscape.as_ref(), point::<2>(&self.config.start)?, &etas, steps),
                f64::NAN,
            ),
        };
        Ok(runs
            .into_iter()
            .map(|run| SweepRow {
                factor: Regime::error_factor(run.eta, curvature).abs(),
                run,
            })
            .collect())
    }

    /// The model's output `y(x)` at `n` inputs (clamped to 2–1000) evenly spread over the data's
    /// `x` range, with the weights at point `at` of the map (the neuron's `w, θ`, or the
    /// network's slice coordinates).
    pub fn model_output(&self, at: &[f64], n: usize) -> Result<Vec<f64>, Error> {
        let p = point::<2>(at)?;
        let n = n.clamp(2, 1000);
        let (lo, hi) = neural::X_RANGE;
        let xs = (0..n).map(|i| lo + (hi - lo) * i as f64 / (n - 1) as f64);
        let params = &self.config.params;
        Ok(match self.config.preset.id {
            "neuron" => xs.map(|x| neural::sigmoid(p[0] * x - p[1])).collect(),
            "tinynet" => {
                let net = TinyNet::new(Vec::new(), params[1] as u64, params[2] >= 0.5);
                xs.map(|x| net.output(&p, x)).collect()
            }
            _ => return Err(Error::NotHere(Why::NotModel)),
        })
    }

    /// Every run's iterates as CSV (see [`export::csv`]), after two `#` lines that say where
    /// they came from: the landscape and the hyperparameters, and the link (the page at `base`
    /// with this session's link) that reproduces them.
    pub fn csv(&self, base: &str) -> String {
        let n = |v: f64| self.numbers.format(v);
        let Hyper { eta, mu, beta, memory } = self.config.hyper;
        let function = self
            .config
            .function
            .as_deref()
            .map_or(String::new(), |f| format!(" E = {f},"));
        let base: String = base.chars().filter(|c| !c.is_control()).collect();
        let mut out = format!(
            "# Descenso: {},{function} eta = {}, mu = {}, beta = {}, m = {memory}, start = {}\n# link: {base}#{}\n",
            self.config.preset.id,
            n(eta),
            n(mu),
            n(beta),
            self.config.start.iter().map(|&x| n(x)).collect::<Vec<_>>().join(" "),
            self.link(false)
        );
        let names = self.run_names();
        out.push_str(&with_runs!(&self.runs, r => export::csv(&r.tracks(&names), self.numbers)));
        out
    }

    /// Run `i`'s style (runs as [`Session::run_count`] says).
    pub fn run_style(&self, i: usize) -> crate::picture::style::MethodStyle {
        with_runs!(&self.runs, r => *r.style(i))
    }

    /// The series of a chart of `E` (`grad == false`) or `‖∇E‖`, with the legend `labels` (in
    /// run order: the methods, then the runs of their own).
    pub fn series<'a>(&'a self, grad: bool, labels: &'a [String]) -> Vec<crate::picture::chart::Series<'a>> {
        with_runs!(&self.runs, r => r.series(grad, labels))
    }

    /// Draws the chart of `E` (`grad == false`) or `‖∇E‖` in the box at `origin` of `size`
    /// pixels of `out`, with `caption` and the legend `labels`.
    pub fn chart(
        &self,
        out: &mut Sketch,
        grad: bool,
        origin: (f64, f64),
        size: (f64, f64),
        caption: &str,
        labels: &[String],
    ) {
        let series = self.series(grad, labels);
        let axis = YAxis::fit(&series, grad);
        chart::draw(
            out,
            origin,
            size,
            caption,
            &series,
            axis,
            self.config.shown.map(|k| k as usize),
        );
        if self.decimal_comma() {
            out.decimal_comma();
        }
    }

    /// Whether the page's language writes a decimal comma (Spanish).
    pub fn decimal_comma(&self) -> bool {
        self.lang() == Some("es")
    }
}

/// The runs of `config`: its landscape built, every method on run from its start.
fn build_runs(config: &LinkState, numbers: &dyn Numbers) -> Result<AnyRuns, Error> {
    let points = config.points.as_deref().and_then(neural::parse_points);
    let enabled = enabled_mask(&config.methods);
    let (start, hyper) = (&config.start, &config.hyper);
    Ok(
        match config
            .preset
            .build(&config.params, config.function.as_deref(), points.as_deref(), numbers)?
        {
            AnyLandscape::One(l) => AnyRuns::One(Runs::new(l, start, hyper, &enabled, &config.own)?),
            AnyLandscape::Two(l) => AnyRuns::Two(Runs::new(l, start, hyper, &enabled, &config.own)?),
        },
    )
}

/// `methods` (identifiers) as an on/off mask over [`METHOD_IDS`].
fn enabled_mask(methods: &[&str]) -> Vec<bool> {
    METHOD_IDS.iter().map(|id| methods.contains(id)).collect()
}

/// `x` rounded to the decimal place a millionth of `range` needs (so that a nudge by a fraction
/// of the view writes `-1.12`, not `-1.1199999999999999`, in the link).
fn decimal(x: f64, range: f64) -> f64 {
    // (An integer clamp: f64's would pull the float formatter into the page's wasm.)
    let digits = ((-(1e-6 * range.abs()).log10()).ceil() as i32).clamp(0, 15);
    let p = 10f64.powi(digits);
    let rounded = (x * p).round() / p;
    if rounded.is_finite() {
        rounded
    } else {
        x
    }
}

/// A name for a link (`None` when empty), or why not.
fn token(s: &str) -> Result<Option<String>, Error> {
    match (s.is_empty(), crate::share::link::is_token(s)) {
        (true, _) => Ok(None),
        (false, true) => Ok(Some(s.to_owned())),
        (false, false) => Err(Error::OutOfRange(Why::Token)),
    }
}
