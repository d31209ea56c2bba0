//! The boundary with JavaScript: the only module (with its child `canvas`) that knows about
//! `wasm_bindgen` and the browser.
//!
//! [`Explorer`] is an opaque handle that owns the landscape, the trajectories and the sampled
//! grid. Bulk data stays in wasm memory: JS reads it through typed-array views at the pointers
//! returned here, and re-creates its views after any call that may allocate (every `&mut self`
//! call). Small results (readouts, analysis) come back by value.

mod canvas;

use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::analysis::critical;
use crate::analysis::hessian::TaylorModel;
use crate::analysis::hessian::{Analysis, CriticalKind, Regime};
use crate::error::Error;
use crate::landscape::presets::{AnyLandscape, Preset, PRESETS};
use crate::landscape::{Landscape, Point};
use crate::method::catalog::{self, Hyper, METHOD_IDS};
use crate::method::newton::newton_direction;
use crate::method::trajectory::Trajectory;
use crate::method::{Criteria, Status};
use crate::numbers::Numbers;
use crate::picture::chart::{self, Series};
use crate::picture::grid::{check_range, Curve, Sampled, View};
use crate::share::export::{self, Track};
use crate::share::link::LinkState;

impl From<Error> for JsValue {
    fn from(e: Error) -> JsValue {
        JsError::new(&e.to_string()).into()
    }
}

fn kind_name(kind: CriticalKind) -> &'static str {
    match kind {
        CriticalKind::Minimum => "minimum",
        CriticalKind::Saddle => "saddle",
        CriticalKind::Maximum => "maximum",
        CriticalKind::Degenerate => "degenerate",
    }
}

fn point<const N: usize>(x: &[f64]) -> Result<Point<N>, Error> {
    match x.get(..N) {
        Some(c) if c.iter().all(|v| v.is_finite()) => Ok(Point::<N>::from_column_slice(c)),
        _ => Err(Error::BadPoint),
    }
}

/// How a chart shows one method: legend label, `0xRRGGBB` colour, dashed or not.
type ChartStyle = (String, u32, bool);

/// A landscape of fixed dimension with a trajectory per enabled method (indexed as
/// [`METHOD_IDS`]; `None` for a method that is off).
struct Runs<const N: usize> {
    landscape: Box<dyn Landscape<N>>,
    /// The parameters the landscape was built with.
    params: Vec<f64>,
    runs: Vec<Option<Trajectory<N>>>,
}

impl<const N: usize> Runs<N> {
    fn new(landscape: Box<dyn Landscape<N>>, params: Vec<f64>) -> Self {
        Runs {
            landscape,
            params,
            runs: Vec::new(),
        }
    }

    fn restart(&mut self, start: &[f64], hyper: &Hyper, enabled: &[bool]) -> Result<(), Error> {
        let x0 = point::<N>(start)?;
        let l = self.landscape.as_ref();
        let mut runs = Vec::with_capacity(METHOD_IDS.len());
        for (id, &on) in METHOD_IDS.iter().zip(enabled) {
            let method = if on {
                Some(catalog::build::<N>(id, hyper)?)
            } else {
                None
            };
            runs.push(method.map(|m| Trajectory::new(m, l, x0, Criteria::default())));
        }
        self.runs = runs;
        Ok(())
    }

    fn run(&self, i: usize) -> Option<&Trajectory<N>> {
        self.runs.get(i)?.as_ref()
    }

    fn step(&mut self, steps: usize) -> bool {
        let l = self.landscape.as_ref();
        let mut running = false;
        for t in self.runs.iter_mut().flatten() {
            t.advance(l, steps);
            running |= t.is_running();
        }
        running
    }

    fn readout(&self, i: usize) -> Option<Readout> {
        let t = self.run(i)?;
        let s = t.state();
        let status = match s.status {
            _ if s.status == Status::Running && !t.is_running() => "limit",
            Status::Running => "running",
            Status::Converged => "converged",
            Status::Diverged => "diverged",
            Status::Undefined => "undefined",
            Status::SingularHessian => "singular",
        };
        let here = kind_name(Analysis::at(self.landscape.as_ref(), &s.x).kind);
        let kind = if s.status == Status::Converged { here } else { "" };
        Some(Readout {
            step: t.last_step(),
            curvature: here.to_owned(),
            iteration: s.iteration as u32,
            value: s.value,
            grad_norm: s.grad_norm(),
            x: s.x[0],
            y: if N > 1 { s.x[N - 1] } else { f64::NAN },
            values: s.counts.values as f64,
            gradients: s.counts.gradients as f64,
            hessians: s.counts.hessians as f64,
            solves: s.counts.solves as f64,
            status: status.to_owned(),
            kind: kind.to_owned(),
        })
    }

    /// The series of every enabled method for a chart of `E` (`grad == false`) or `‖∇E‖`.
    fn series<'a>(&'a self, grad: bool, style: &'a [ChartStyle]) -> Vec<Series<'a>> {
        (0..self.runs.len())
            .filter_map(|i| {
                let t = self.run(i)?;
                let (label, rgb, dashed) = style.get(i).map_or(("", 0, false), |(l, c, d)| (l.as_str(), *c, *d));
                Some(Series {
                    label,
                    rgb,
                    dashed,
                    ys: if grad { t.grad_norms() } else { t.values() },
                })
            })
            .collect()
    }

    /// Every enabled run's buffers, for the CSV export.
    fn tracks(&self) -> Vec<Track<'_>> {
        (0..self.runs.len())
            .filter_map(|i| {
                let t = self.run(i)?;
                Some(Track {
                    method: METHOD_IDS[i],
                    dim: N,
                    points: t.points(),
                    values: t.values(),
                    grad_norms: t.grad_norms(),
                })
            })
            .collect()
    }

    /// Critical points in the box `[lo, hi]`: `[x, y, E, kind, global]` each (`y` NaN in 1-D;
    /// kind 0 minimum, 1 saddle, 2 maximum, 3 degenerate; global 1 for the lowest minimum).
    fn critical(&self, lo: &[f64], hi: &[f64], seeds: usize) -> Result<Vec<f64>, Error> {
        let (lo, hi) = (point::<N>(lo)?, point::<N>(hi)?);
        let points = critical::find(self.landscape.as_ref(), lo, hi, seeds);
        Ok(points
            .iter()
            .flat_map(|p| {
                let kind = match p.kind {
                    CriticalKind::Minimum => 0.0,
                    CriticalKind::Saddle => 1.0,
                    CriticalKind::Maximum => 2.0,
                    CriticalKind::Degenerate => 3.0,
                };
                let y = if N > 1 { p.x[1] } else { f64::NAN };
                [p.x[0], y, p.value, kind, if p.global { 1.0 } else { 0.0 }]
            })
            .collect())
    }

    fn probe(&self, x: &[f64]) -> Result<Vec<f64>, Error> {
        let x = point::<N>(x)?;
        Ok(vec![self.landscape.value(&x), self.landscape.gradient(&x).norm()])
    }

    fn analysis(&self, x: &[f64], eta: f64) -> Result<AnalysisView, Error> {
        // (η is gradient descent's, for the 1-D regime.)
        let x = point::<N>(x)?;
        let a = Analysis::at(self.landscape.as_ref(), &x);
        let regime = if N == 1 {
            match Regime::of(eta, a.lambda_max) {
                Regime::Converges => "converges",
                Regime::OneStep => "one-step",
                Regime::Oscillates => "oscillates",
                Regime::Bounces => "bounces",
                Regime::Diverges => "diverges",
                Regime::NotConvex => "not-convex",
            }
        } else {
            ""
        };
        Ok(AnalysisView {
            eigenvalues: a.eigenvalues.clone(),
            eigenvectors: a.eigenvectors.concat(),
            lambda_max: a.lambda_max,
            stability_bound: a.stability_bound.unwrap_or(f64::NAN),
            eta_opt: a.eta_opt.unwrap_or(f64::NAN),
            error_factor: if N == 1 {
                Regime::error_factor(eta, a.lambda_max)
            } else {
                f64::NAN
            },
            eta_ratio: if N == 1 { eta * a.lambda_max } else { f64::NAN },
            newton_target: newton_direction(&self.landscape.hessian(&x), &self.landscape.gradient(&x))
                .map_or_else(Vec::new, |v| (x + v).iter().copied().collect()),
            kind: kind_name(a.kind).to_owned(),
            regime: regime.to_owned(),
        })
    }
}

#[allow(clippy::large_enum_variant)] // one per explorer, never moved in a loop
enum Inner {
    One(Runs<1>, Curve),
    /// A 2-D landscape, its sample, and the sample of its Taylor model at a point.
    Two(Runs<2>, Sampled, Sampled),
}

/// Runs `$body` with `$r` bound to the `Runs` of either dimension.
macro_rules! with_runs {
    ($inner:expr, $r:ident => $body:expr) => {
        match $inner {
            Inner::One($r, _) => $body,
            Inner::Two($r, ..) => $body,
        }
    };
}

/// One state of the explorer: a landscape, its start point, `η`, and a trajectory per method.
#[wasm_bindgen]
pub struct Explorer {
    preset: &'static Preset,
    /// The typed functions of `typed1d` and `typed2d` (`None`: the preset's default text).
    functions: [Option<String>; 2],
    /// Data points the user placed for `neuron` and `tinynet` (`None`: the preset's data set).
    points: Option<Vec<(f64, f64)>>,
    hyper: Hyper,
    enabled: Vec<bool>,
    start: Vec<f64>,
    inner: Inner,
    chart_style: Vec<ChartStyle>,
}

/// Where a method's run stands, for the readout.
#[wasm_bindgen(getter_with_clone)]
pub struct Readout {
    /// Steps taken.
    #[wasm_bindgen(readonly)]
    pub iteration: u32,
    /// Length of the last step `‖x_t − x_{t−1}‖` (NaN before the first).
    #[wasm_bindgen(readonly)]
    pub step: f64,
    /// The shape of `E` at the current iterate from the Hessian's eigenvalues: `minimum`
    /// (positive definite), `saddle`, `maximum` or `degenerate`.
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
    /// `running`, `converged`, `diverged`, `singular` or `limit` (step limit reached).
    #[wasm_bindgen(readonly)]
    pub status: String,
    /// When converged: the kind of critical point reached (`minimum`, `saddle`, `maximum`,
    /// `degenerate`); otherwise empty.
    #[wasm_bindgen(readonly)]
    pub kind: String,
}

/// The browser's number conversions for share links: `Number(text)` and `String(x)`, both
/// correctly rounded (shortest round trip), so the wasm need not carry Rust's float parser.
struct JsNumbers;

impl Numbers for JsNumbers {
    fn parse(&self, text: &str) -> Option<f64> {
        // `Number(text)`: js-sys's FromStr for Number calls the constructor.
        let x = text.parse::<js_sys::Number>().ok()?.value_of();
        (!x.is_nan()).then_some(x)
    }
    fn format(&self, x: f64) -> String {
        js_sys::Number::from(x)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default()
    }
}

/// Why a typed function was refused: what and where (character positions), for a message in
/// the page's language with a caret under the place.
#[wasm_bindgen(getter_with_clone)]
pub struct FunctionProblem {
    /// `empty`, `too-long`, `too-deep`, `bad-char`, `end`, `unexpected`, `unclosed`, `unknown`,
    /// `variable`, `needs-args`, `arity` or `bad-number`.
    #[wasm_bindgen(readonly)]
    pub code: String,
    /// First offending character.
    #[wasm_bindgen(readonly)]
    pub start: u32,
    /// One past the last.
    #[wasm_bindgen(readonly)]
    pub end: u32,
    /// The name or token involved (unknown name, function, unexpected token or character).
    #[wasm_bindgen(readonly)]
    pub name: String,
    /// For `unknown`: the nearest known name, or empty.
    #[wasm_bindgen(readonly)]
    pub suggestion: String,
    /// For `arity`: arguments the function takes.
    #[wasm_bindgen(readonly)]
    pub expected: u32,
    /// For `arity`: arguments given.
    #[wasm_bindgen(readonly)]
    pub got: u32,
}

impl From<&crate::landscape::typed::ParseError> for FunctionProblem {
    fn from(e: &crate::landscape::typed::ParseError) -> Self {
        use crate::landscape::typed::ErrorKind as K;
        let mut p = FunctionProblem {
            code: String::new(),
            start: e.start as u32,
            end: e.end as u32,
            name: String::new(),
            suggestion: String::new(),
            expected: 0,
            got: 0,
        };
        p.code = match &e.kind {
            K::Empty => "empty",
            K::TooLong => "too-long",
            K::TooDeep => "too-deep",
            K::BadChar(c) => {
                p.name = c.to_string();
                "bad-char"
            }
            K::UnexpectedEnd => "end",
            K::Unexpected(t) => {
                p.name = t.clone();
                "unexpected"
            }
            K::Unclosed => "unclosed",
            K::UnknownName { name, suggestion } => {
                p.name = name.clone();
                p.suggestion = suggestion.unwrap_or_default().to_owned();
                "unknown"
            }
            K::NoSuchVariable(v) => {
                p.name = v.clone();
                "variable"
            }
            K::MissingArgs(f) => {
                p.name = (*f).to_owned();
                "needs-args"
            }
            K::Arity { name, expected, got } => {
                p.name = (*name).to_owned();
                p.expected = *expected as u32;
                p.got = *got as u32;
                "arity"
            }
            K::BadNumber => "bad-number",
        }
        .to_owned();
        p
    }
}

/// What a share link asked for besides what [`Explorer::apply_link`] applied itself, and what it
/// ignored.
#[wasm_bindgen(getter_with_clone)]
pub struct LinkReport {
    /// The view `[x_min, x_max, y_min, y_max]`.
    #[wasm_bindgen(readonly)]
    pub view: Vec<f64>,
    /// Steps to take after loading.
    #[wasm_bindgen(readonly)]
    pub steps: u32,
    /// Scene name, or empty.
    #[wasm_bindgen(readonly)]
    pub scene: String,
    /// Language, or empty.
    #[wasm_bindgen(readonly)]
    pub lang: String,
    /// Critical points shown.
    #[wasm_bindgen(readonly)]
    pub critical: bool,
    /// Hessian view shown.
    #[wasm_bindgen(readonly)]
    pub hessian: bool,
    /// Embedded: no page chrome.
    #[wasm_bindgen(readonly)]
    pub embed: bool,
    /// Panels hidden.
    #[wasm_bindgen(readonly)]
    pub hide: Vec<String>,
    /// The landscape's parameters as applied.
    #[wasm_bindgen(readonly)]
    pub params: Vec<f64>,
    /// One `key: reason` line per ignored field (keys sanitized).
    #[wasm_bindgen(readonly)]
    pub ignored: Vec<String>,
}

/// The second-order picture at a point (see [`Analysis`]); absent numbers are NaN.
#[wasm_bindgen(getter_with_clone)]
pub struct AnalysisView {
    /// Hessian eigenvalues, ascending.
    #[wasm_bindgen(readonly)]
    pub eigenvalues: Vec<f64>,
    /// Unit eigenvectors, one after another, in the order of the eigenvalues.
    #[wasm_bindgen(readonly)]
    pub eigenvectors: Vec<f64>,
    /// `λ_max`.
    #[wasm_bindgen(readonly)]
    pub lambda_max: f64,
    /// `2/λ_max`, NaN when `λ_max ≤ 0`.
    #[wasm_bindgen(readonly)]
    pub stability_bound: f64,
    /// `η_opt = 1/E''` in 1-D, NaN otherwise.
    #[wasm_bindgen(readonly)]
    pub eta_opt: f64,
    /// `1 − ηE''`, the factor a GD step applies to the error, in 1-D; NaN otherwise.
    #[wasm_bindgen(readonly)]
    pub error_factor: f64,
    /// `η/η_opt = ηE''` in 1-D; NaN otherwise.
    #[wasm_bindgen(readonly)]
    pub eta_ratio: f64,
    /// Where Newton's step from the point goes, `x − H⁻¹∇E` (empty when `H` is singular).
    #[wasm_bindgen(readonly)]
    pub newton_target: Vec<f64>,
    /// `minimum`, `saddle`, `maximum` or `degenerate`.
    #[wasm_bindgen(readonly)]
    pub kind: String,
    /// In 1-D the regime of `η`: `converges`, `one-step`, `oscillates`, `bounces`, `diverges`,
    /// `not-convex`; empty in 2-D.
    #[wasm_bindgen(readonly)]
    pub regime: String,
}

#[wasm_bindgen]
impl Explorer {
    /// The identifiers of the built-in landscapes.
    #[wasm_bindgen(js_name = presetIds)]
    pub fn preset_ids() -> Vec<String> {
        PRESETS.iter().map(|p| p.id.to_owned()).collect()
    }

    /// The sum of activation `name` (`logistic`, `tanh`, `relu`, `rational`) at `n` inputs: a
    /// workload for the page to time (the cost of exponentials).
    #[wasm_bindgen(js_name = activationSum)]
    pub fn activation_sum(name: &str, n: u32) -> Result<f64, JsValue> {
        let a = crate::landscape::neural::Activation::named(name).ok_or_else(|| JsError::new("unknown activation"))?;
        Ok(a.sum(n as usize))
    }

    /// The identifiers of the methods, in the order readouts and paths are indexed.
    #[wasm_bindgen(js_name = methodIds)]
    pub fn method_ids() -> Vec<String> {
        METHOD_IDS.iter().map(|m| (*m).to_owned()).collect()
    }

    /// An explorer on preset `id` with its default parameters, start and `η`.
    #[wasm_bindgen(constructor)]
    pub fn new(id: &str) -> Result<Explorer, JsValue> {
        let preset = Preset::find(id)?;
        let mut e = Explorer {
            preset,
            functions: [None, None],
            points: None,
            hyper: Hyper {
                eta: preset.eta,
                ..Hyper::default()
            },
            enabled: METHOD_IDS.iter().map(|id| matches!(*id, "gd" | "newton")).collect(),
            start: preset.start.to_vec(),
            inner: Inner::Two(
                Runs::new(Box::new(crate::landscape::presets::Saddle), Vec::new()),
                Sampled::default(),
                Sampled::default(),
            ),
            chart_style: Vec::new(),
        };
        e.set_landscape(id, &[])?;
        Ok(e)
    }

    /// Switches to preset `id` with parameter `values` (missing ones default), keeping `η`, the
    /// methods and the start point (the preset's default start if the dimension changes);
    /// trajectories restart. On error nothing changes.
    #[wasm_bindgen(js_name = setLandscape)]
    pub fn set_landscape(&mut self, id: &str, values: &[f64]) -> Result<(), JsValue> {
        let preset = Preset::find(id)?;
        let function = self.functions[preset.dim - 1].clone();
        self.rebuild(preset, values, function.as_deref(), None)?;
        self.points = None; // a new landscape or data set: its own data
        Ok(())
    }

    /// Replaces the data of a neural landscape (`neuron`, `tinynet`) with `flat` =
    /// `[x₀, t₀, x₁, t₁, …]` (at most 64 points, `|x| ≤ 3`, `t` in `[0, 1]`) and restarts the
    /// runs; on error nothing changes.
    #[wasm_bindgen(js_name = setPoints)]
    pub fn set_points(&mut self, flat: &[f64]) -> Result<(), JsValue> {
        if !crate::share::link::takes_points(self.preset) {
            return Err(JsError::new("this landscape has no data points").into());
        }
        let points = crate::landscape::neural::parse_points(flat)
            .ok_or_else(|| JsError::new("data points must be (x, t) pairs with |x| ≤ 3 and t in [0, 1], at most 64"))?;
        let params = with_runs!(&self.inner, r => r.params.clone());
        self.rebuild(self.preset, &params, None, Some(&points))?;
        self.points = Some(points);
        Ok(())
    }

    /// The data of a neural landscape, `[x₀, t₀, x₁, t₁, …]` (empty for other landscapes).
    pub fn points(&self) -> Vec<f64> {
        if !crate::share::link::takes_points(self.preset) {
            return Vec::new();
        }
        let set = with_runs!(&self.inner, r => r.params.first().copied().unwrap_or(0.0));
        let points = self
            .points
            .clone()
            .unwrap_or_else(|| crate::landscape::neural::data_set(set as usize));
        points.iter().flat_map(|&(x, t)| [x, t]).collect()
    }

    /// Gradient descent from the current start for `count` learning rates on a log grid over
    /// `[lo, hi]`, at most `steps` steps each: `[η, final E, steps to converge (NaN if it did
    /// not), status, |1 − ηE″| at the start (1-D; NaN in 2-D)]` per run, status 0 converged,
    /// 1 still running, 2 diverged, 3 left the domain.
    #[wasm_bindgen(js_name = etaSweep)]
    pub fn eta_sweep(&self, lo: f64, hi: f64, count: usize, steps: usize) -> Result<Vec<f64>, JsValue> {
        let valid = lo > 0.0 && hi > lo && hi.is_finite() && (2..=1000).contains(&count) && steps <= 100_000;
        if !valid {
            return Err(JsError::new("a sweep needs 0 < lo < hi, 2 to 1000 values and at most 100,000 steps").into());
        }
        let etas = crate::explore::sweep::log_grid(lo, hi, count);
        let (runs, curvature) = match &self.inner {
            Inner::One(r, _) => {
                let x = point::<1>(&self.start)?;
                let curvature = Analysis::at(r.landscape.as_ref(), &x).lambda_max;
                (
                    crate::explore::sweep::sweep(r.landscape.as_ref(), x, &etas, steps),
                    curvature,
                )
            }
            Inner::Two(r, ..) => (
                crate::explore::sweep::sweep(r.landscape.as_ref(), point::<2>(&self.start)?, &etas, steps),
                f64::NAN,
            ),
        };
        Ok(runs
            .iter()
            .flat_map(|p| {
                let status = match p.status {
                    Status::Converged => 0.0,
                    Status::Running => 1.0,
                    Status::Undefined => 3.0,
                    _ => 2.0,
                };
                let factor = Regime::error_factor(p.eta, curvature).abs();
                [p.eta, p.value, p.steps.map_or(f64::NAN, |s| s as f64), status, factor]
            })
            .collect())
    }

    /// The model's output `y(x)` at `n` inputs evenly spread over `[−3, 3]`, with the weights
    /// at point `at` of the map (the neuron's `w, θ`, or the network's slice coordinates).
    #[wasm_bindgen(js_name = modelOutput)]
    pub fn model_output(&self, at: &[f64], n: usize) -> Result<Vec<f64>, JsValue> {
        let p = point::<2>(at)?;
        let params = with_runs!(&self.inner, r => r.params.clone());
        let xs = (0..n.clamp(2, 1000)).map(|i| -3.0 + 6.0 * i as f64 / (n.clamp(2, 1000) - 1) as f64);
        Ok(match self.preset.id {
            "neuron" => xs.map(|x| crate::landscape::neural::sigmoid(p[0] * x - p[1])).collect(),
            "tinynet" => {
                let net = crate::landscape::neural::TinyNet::new(Vec::new(), params[1] as u64, params[2] >= 0.5);
                xs.map(|x| net.output(&p, x)).collect()
            }
            _ => return Err(JsError::new("this landscape is not a model").into()),
        })
    }

    /// Sets the typed function of the current typed landscape (`typed1d` or `typed2d`) and
    /// restarts the runs; returns why not (and changes nothing) if `text` does not parse or the
    /// landscape is not a typed one.
    #[wasm_bindgen(js_name = setFunction)]
    pub fn set_function(&mut self, text: &str) -> Option<FunctionProblem> {
        if self.preset.function.is_none() {
            return Some(FunctionProblem {
                code: "not-typed".into(),
                start: 0,
                end: 0,
                name: String::new(),
                suggestion: String::new(),
                expected: 0,
                got: 0,
            });
        }
        match self.rebuild(self.preset, &[], Some(text), None) {
            Ok(()) => {
                self.functions[self.preset.dim - 1] = Some(text.trim().to_owned());
                None
            }
            Err(Error::BadFunction(e)) => Some(FunctionProblem::from(&e)),
            // (Only a bad function can fail here; anything else is reported by its text.)
            Err(other) => Some(FunctionProblem {
                code: "other".into(),
                start: 0,
                end: 0,
                name: other.to_string(),
                suggestion: String::new(),
                expected: 0,
                got: 0,
            }),
        }
    }

    /// The typed function of the current landscape (its text), or empty for a built-in one.
    #[wasm_bindgen(getter)]
    pub fn function(&self) -> String {
        match self.preset.function {
            Some(default) => self.functions[self.preset.dim - 1]
                .as_deref()
                .unwrap_or(default)
                .to_owned(),
            None => String::new(),
        }
    }

    /// Rebuilds the landscape of `preset` with parameter `values` (missing ones default) or the
    /// typed `function`, keeping `η`, the methods and the start point (the preset's default
    /// start if the dimension changes); trajectories restart. On error nothing changes.
    fn rebuild(
        &mut self,
        preset: &'static Preset,
        values: &[f64],
        function: Option<&str>,
        points: Option<&[(f64, f64)]>,
    ) -> Result<(), Error> {
        let params: Vec<f64> = preset
            .params
            .iter()
            .enumerate()
            .map(|(i, p)| values.get(i).copied().unwrap_or(p.default))
            .collect();
        let mut inner = match preset.build(&params, function, points, &JsNumbers)? {
            AnyLandscape::One(l) => Inner::One(Runs::new(l, params), Curve::default()),
            AnyLandscape::Two(l) => Inner::Two(Runs::new(l, params), Sampled::default(), Sampled::default()),
        };
        // A start of the wrong dimension (switching between 1-D and 2-D) becomes the preset's.
        let start = if self.start.len() == preset.dim && self.start.iter().all(|v| v.is_finite()) {
            self.start.clone()
        } else {
            preset.start[..preset.dim].to_vec()
        };
        // Build the new runs first, so that a failure leaves the explorer as it was.
        let (hyper, enabled) = (&self.hyper, &self.enabled);
        with_runs!(&mut inner, r => r.restart(&start, hyper, enabled))?;
        self.preset = preset;
        self.inner = inner;
        self.start = start;
        Ok(())
    }

    /// The share link (query string, without `#`) for the explorer's state plus what the page
    /// keeps: `view`, `steps` taken, `scene` and `lang` (empty for none), `flags` (comma-separated
    /// from `crit`, `hess`, `embed`) and the panels hidden (`hide`, comma-separated).
    pub fn link(&self, view: &[f64], steps: u32, scene: &str, lang: &str, flags: &str, hide: &str) -> String {
        let mut state = LinkState::defaults(self.preset);
        state.params = with_runs!(&self.inner, r => r.params.clone());
        if self.preset.function.is_some() {
            state.function = Some(self.function());
        }
        if let Some(points) = &self.points {
            state.points = Some(points.iter().flat_map(|&(x, t)| [x, t]).collect());
        }
        if let [x0, x1, rest @ ..] = view {
            if check_range(*x0, *x1).is_ok() {
                state.view[0] = *x0;
                state.view[1] = *x1;
            }
            if let [y0, y1] = rest {
                if self.preset.dim == 2 && check_range(*y0, *y1).is_ok() {
                    state.view[2] = *y0;
                    state.view[3] = *y1;
                }
            }
        }
        state.start = self.start.clone();
        state.hyper = self.hyper;
        state.methods = METHOD_IDS
            .iter()
            .zip(&self.enabled)
            .filter(|(_, on)| **on)
            .map(|(id, _)| *id)
            .collect();
        state.steps = steps.min(crate::share::link::MAX_STEPS);
        state.scene = (!scene.is_empty()).then(|| scene.to_owned());
        state.lang = (!lang.is_empty()).then(|| lang.to_owned());
        let flags: Vec<&str> = flags.split(',').collect();
        state.critical = flags.contains(&"crit");
        state.hessian = flags.contains(&"hess");
        state.embed = flags.contains(&"embed");
        let hide: Vec<&str> = hide.split(',').collect();
        state.hide = crate::share::link::PANELS
            .iter()
            .copied()
            .filter(|p| hide.contains(p))
            .collect();
        state.encode(&JsNumbers)
    }

    /// Reads a share link (`?…` or `#…`), applies its landscape, parameters, start, `η`, `μ`,
    /// `β` and methods (restarting the runs), and reports the rest and what it ignored. Never
    /// fails: bad fields keep their defaults.
    #[wasm_bindgen(js_name = applyLink)]
    pub fn apply_link(&mut self, query: &str) -> LinkReport {
        let (state, ignored) = LinkState::decode(query, self.preset, &JsNumbers);
        let mut ignored: Vec<String> = ignored
            .into_iter()
            .map(|i| format!("{}: {}", i.key, i.reason))
            .collect();
        self.hyper = state.hyper;
        self.enabled = METHOD_IDS.iter().map(|id| state.methods.contains(id)).collect();
        self.start = state.start.clone();
        if state.preset.function.is_some() {
            self.functions[state.preset.dim - 1] = state.function.clone();
        }
        if let Err(e) = self.set_landscape(state.preset.id, &state.params) {
            ignored.push(format!("l: {}", e.as_string().unwrap_or_default()));
        }
        if let Some(flat) = &state.points {
            if self.set_points(flat).is_err() {
                ignored.push("d: not valid data points".into());
            }
        }
        LinkReport {
            view: state.view.to_vec(),
            steps: state.steps,
            scene: state.scene.unwrap_or_default(),
            lang: state.lang.unwrap_or_default(),
            critical: state.critical,
            hessian: state.hessian,
            embed: state.embed,
            hide: state.hide.iter().map(|p| (*p).to_owned()).collect(),
            params: state.params,
            ignored,
        }
    }

    /// The preset's identifier.
    #[wasm_bindgen(getter)]
    pub fn preset(&self) -> String {
        self.preset.id.to_owned()
    }

    /// Number of parameters of `E`: 1 or 2.
    #[wasm_bindgen(getter)]
    pub fn dim(&self) -> usize {
        self.preset.dim
    }

    /// The preset's default view `[x_min, x_max, y_min, y_max]`.
    #[wasm_bindgen(js_name = defaultView)]
    pub fn default_view(&self) -> Vec<f64> {
        self.preset.view.to_vec()
    }

    /// The preset's default start point.
    #[wasm_bindgen(js_name = defaultStart)]
    pub fn default_start(&self) -> Vec<f64> {
        self.preset.start[..self.preset.dim].to_vec()
    }

    /// The preset's default learning rate.
    #[wasm_bindgen(js_name = defaultEta)]
    pub fn default_eta(&self) -> f64 {
        self.preset.eta
    }

    /// Names of the preset's parameters.
    #[wasm_bindgen(js_name = paramNames)]
    pub fn param_names(&self) -> Vec<String> {
        self.preset.params.iter().map(|p| p.name.to_owned()).collect()
    }

    /// `[default, min, max]` for each parameter, one after another.
    #[wasm_bindgen(js_name = paramRanges)]
    pub fn param_ranges(&self) -> Vec<f64> {
        self.preset
            .params
            .iter()
            .flat_map(|p| [p.default, p.min, p.max])
            .collect()
    }

    /// The learning rate `η` of gradient descent (and momentum, Adam).
    #[wasm_bindgen(getter)]
    pub fn eta(&self) -> f64 {
        self.hyper.eta
    }

    /// Sets `η` and restarts the trajectories. An invalid `η` is refused and nothing changes.
    #[wasm_bindgen(js_name = setEta)]
    pub fn set_eta(&mut self, eta: f64) -> Result<(), JsValue> {
        self.set_hyper(Hyper { eta, ..self.hyper })
    }

    /// Levenberg–Marquardt's damping `μ`.
    #[wasm_bindgen(getter)]
    pub fn mu(&self) -> f64 {
        self.hyper.mu
    }

    /// The momentum coefficient `β`.
    #[wasm_bindgen(getter)]
    pub fn beta(&self) -> f64 {
        self.hyper.beta
    }

    /// Sets Levenberg–Marquardt's damping `μ` (in `[0, 1e8]`) and restarts.
    #[wasm_bindgen(js_name = setMu)]
    pub fn set_mu(&mut self, mu: f64) -> Result<(), JsValue> {
        self.set_hyper(Hyper { mu, ..self.hyper })
    }

    /// Sets the momentum coefficient `β` (in `[0, 1)`) and restarts.
    #[wasm_bindgen(js_name = setBeta)]
    pub fn set_beta(&mut self, beta: f64) -> Result<(), JsValue> {
        self.set_hyper(Hyper { beta, ..self.hyper })
    }

    fn set_hyper(&mut self, hyper: Hyper) -> Result<(), JsValue> {
        hyper.validate()?;
        self.hyper = hyper;
        self.restart()
    }

    /// Turns methods on and off: `mask[i] != 0` enables method `i` (as in `methodIds`); missing
    /// entries are off. Restarts every trajectory.
    #[wasm_bindgen(js_name = setEnabled)]
    pub fn set_enabled(&mut self, mask: &[u8]) -> Result<(), JsValue> {
        self.enabled = (0..METHOD_IDS.len())
            .map(|i| mask.get(i).is_some_and(|&m| m != 0))
            .collect();
        self.restart()
    }

    /// The start point.
    #[wasm_bindgen(getter)]
    pub fn start(&self) -> Vec<f64> {
        self.start.clone()
    }

    /// Moves the start point and restarts the trajectories. An invalid point is refused and
    /// nothing changes.
    #[wasm_bindgen(js_name = setStart)]
    pub fn set_start(&mut self, x: &[f64]) -> Result<(), JsValue> {
        let old = std::mem::replace(&mut self.start, x.to_vec());
        self.restart().inspect_err(|_| self.start = old)
    }

    /// Restarts every trajectory at the start point.
    pub fn restart(&mut self) -> Result<(), JsValue> {
        let (start, hyper, enabled) = (&self.start, &self.hyper, &self.enabled);
        with_runs!(&mut self.inner, r => r.restart(start, hyper, enabled))?;
        Ok(())
    }

    /// Advances every running trajectory by up to `steps` steps; returns whether any still runs.
    pub fn step(&mut self, steps: usize) -> bool {
        with_runs!(&mut self.inner, r => r.step(steps))
    }

    /// Where method `i` stands (`undefined` when it is off).
    pub fn readout(&self, i: usize) -> Option<Readout> {
        with_runs!(&self.inner, r => r.readout(i))
    }

    /// Pointer to method `i`'s iterates (`dim` numbers each) in wasm memory.
    #[wasm_bindgen(js_name = pathPtr)]
    pub fn path_ptr(&self, i: usize) -> *const f64 {
        with_runs!(&self.inner, r => r.run(i).map_or(std::ptr::null(), |t| t.points().as_ptr()))
    }

    /// Pointer to `E` at method `i`'s iterates.
    #[wasm_bindgen(js_name = valuesPtr)]
    pub fn values_ptr(&self, i: usize) -> *const f64 {
        with_runs!(&self.inner, r => r.run(i).map_or(std::ptr::null(), |t| t.values().as_ptr()))
    }

    /// Number of recorded iterates of method `i` (steps + 1; 0 when it is off).
    #[wasm_bindgen(js_name = pathLen)]
    pub fn path_len(&self, i: usize) -> usize {
        with_runs!(&self.inner, r => r.run(i).map_or(0, |t| t.values().len()))
    }

    /// `[E, ‖∇E‖]` at `x`.
    pub fn probe(&self, x: &[f64]) -> Result<Vec<f64>, JsValue> {
        Ok(with_runs!(&self.inner, r => r.probe(x))?)
    }

    /// The critical points of the landscape in `view` (`[x_min, x_max, y_min, y_max]`; in 1-D
    /// only the `x` range counts), found by Newton's method from `seeds` seeds per side: five
    /// numbers each, `[x, y, E, kind, global]` (`y` NaN in 1-D; kind 0 minimum, 1 saddle,
    /// 2 maximum, 3 degenerate; global 1 for the lowest minima), sorted by `E`.
    #[wasm_bindgen(js_name = criticalPoints)]
    pub fn critical_points(&self, view: &[f64], seeds: usize) -> Result<Vec<f64>, JsValue> {
        let &[x0, x1, y0, y1] = view else {
            return Err(Error::BadView.into());
        };
        let seeds = seeds.clamp(1, 80);
        Ok(match &self.inner {
            Inner::One(r, _) => r.critical(&[x0], &[x1], seeds)?,
            Inner::Two(r, ..) => r.critical(&[x0, y0], &[x1, y1], seeds)?,
        })
    }

    /// The Hessian's picture at `x`, with the 1-D regime of the current `η`.
    pub fn analysis(&self, x: &[f64]) -> Result<AnalysisView, JsValue> {
        let eta = self.hyper.eta;
        Ok(with_runs!(&self.inner, r => r.analysis(x, eta))?)
    }

    /// Sets how charts show each method, in method order: legend `labels`, `colours`
    /// (`0xRRGGBB`) and `dashed` flags (non-zero for a dashed line).
    #[wasm_bindgen(js_name = setChartStyle)]
    pub fn set_chart_style(&mut self, labels: Vec<String>, colours: &[u32], dashed: &[u8]) {
        self.chart_style = (0..labels.len().max(colours.len()))
            .map(|i| {
                let label = labels.get(i).cloned().unwrap_or_default();
                (
                    label,
                    colours.get(i).copied().unwrap_or(0),
                    dashed.get(i).is_some_and(|&d| d != 0),
                )
            })
            .collect();
    }

    /// Draws on `canvas` the chart of `E` (`quantity == "value"`, on a log axis when every value
    /// is positive) or of `‖∇E‖` (`"grad"`, log axis) against iteration, one line per method in
    /// the style set by [`Explorer::set_chart_style`]. `scale` is the device-pixel ratio the
    /// canvas was sized with.
    #[wasm_bindgen(js_name = drawChart)]
    pub fn draw_chart(
        &self,
        canvas: HtmlCanvasElement,
        quantity: &str,
        caption: &str,
        scale: f64,
    ) -> Result<(), JsValue> {
        let grad = match quantity {
            "value" => false,
            "grad" => true,
            other => return Err(JsError::new(&format!("unknown chart quantity “{other}”")).into()),
        };
        let backend = canvas::Measured::canvas(canvas).ok_or_else(|| JsError::new("no 2-D canvas context"))?;
        let root = backend.into_drawing_area();
        let scale = if scale.is_finite() { scale.clamp(0.5, 4.0) } else { 1.0 };
        with_runs!(&self.inner, r => {
            let series = r.series(grad, &self.chart_style);
            let log = grad || chart::log_fits(&series);
            chart::draw(&root, caption, &series, log, scale).map_err(|e| JsError::new(&e.to_string()))?;
        });
        root.present().map_err(|e| JsError::new(&e.to_string()))?;
        Ok(())
    }

    /// Both charts (`E` above `‖∇E‖`) as one SVG document of `width × height` pixels, with the
    /// captions given; text is measured on `measure` (a canvas that is not drawn on).
    #[wasm_bindgen(js_name = chartsSvg)]
    pub fn charts_svg(
        &self,
        measure: &HtmlCanvasElement,
        width: u32,
        height: u32,
        caption_value: &str,
        caption_grad: &str,
    ) -> Result<String, JsValue> {
        let (width, height) = (width.clamp(200, 4000), height.clamp(200, 4000));
        let mut svg = String::new();
        {
            let backend = canvas::Measured::svg(&mut svg, (width, height), measure)
                .ok_or_else(|| JsError::new("no 2-D canvas context"))?;
            let root = backend.into_drawing_area();
            let (top, bottom) = root.split_vertically(height / 2);
            let failed = |e: plotters::drawing::DrawingAreaErrorKind<_>| JsError::new(&e.to_string());
            with_runs!(&self.inner, r => {
                let series = r.series(false, &self.chart_style);
                let log = chart::log_fits(&series);
                chart::draw(&top, caption_value, &series, log, 1.0).map_err(failed)?;
                let series = r.series(true, &self.chart_style);
                chart::draw(&bottom, caption_grad, &series, true, 1.0).map_err(failed)?;
            });
            root.present().map_err(failed)?;
        }
        Ok(svg)
    }

    /// Every run's iterates as CSV (`method,iteration,x,y,E,grad_norm`; see [`export::csv`]).
    #[wasm_bindgen(js_name = trajectoriesCsv)]
    pub fn trajectories_csv(&self) -> String {
        with_runs!(&self.inner, r => export::csv(&r.tracks(), &JsNumbers))
    }

    /// Samples a 2-D landscape over `view` (`[x_min, x_max, y_min, y_max]`) on an `nx × ny`
    /// grid with `levels` contour lines (then read [`Explorer::pixels_ptr`] and
    /// [`Explorer::contours_ptr`]); for a 1-D landscape samples the curve over
    /// `[view[0], view[1]]` at `nx` points (then [`Explorer::curve_ptr`]).
    pub fn sample(&mut self, view: &[f64], nx: usize, ny: usize, levels: usize) -> Result<(), JsValue> {
        match &mut self.inner {
            Inner::One(r, curve) => {
                let &[x_min, x_max, ..] = view else {
                    return Err(Error::BadView.into());
                };
                curve.sample(r.landscape.as_ref(), x_min, x_max, nx)?
            }
            Inner::Two(r, grid, _) => grid.sample(r.landscape.as_ref(), View::new(view)?, nx, ny, levels.min(64))?,
        }
        Ok(())
    }

    /// Pointer to the RGBA pixels of the last 2-D sample (`4·nx·ny` bytes).
    #[wasm_bindgen(js_name = pixelsPtr)]
    pub fn pixels_ptr(&self) -> *const u8 {
        match &self.inner {
            Inner::Two(_, g, _) => g.pixels.as_ptr(),
            Inner::One(..) => std::ptr::null(),
        }
    }

    /// Pointer to the contour segments of the last 2-D sample: `[x0, y0, x1, y1, …]` as f32 in
    /// grid units from the top-left corner.
    #[wasm_bindgen(js_name = contoursPtr)]
    pub fn contours_ptr(&self) -> *const f32 {
        match &self.inner {
            Inner::Two(_, g, _) => g.contours.as_ptr(),
            Inner::One(..) => std::ptr::null(),
        }
    }

    /// Number of f32 in the contour buffer.
    #[wasm_bindgen(js_name = contoursLen)]
    pub fn contours_len(&self) -> usize {
        match &self.inner {
            Inner::Two(_, g, _) => g.contours.len(),
            Inner::One(..) => 0,
        }
    }

    /// Samples the second-order Taylor model of a 2-D landscape around `x` over `view` on an
    /// `n × n` grid and traces `levels` of its level curves (read them with
    /// [`Explorer::model_contours_ptr`], in grid units of that view, as for the landscape).
    #[wasm_bindgen(js_name = sampleModel)]
    pub fn sample_model(&mut self, x: &[f64], view: &[f64], n: usize, levels: usize) -> Result<(), JsValue> {
        let Inner::Two(r, _, model) = &mut self.inner else {
            return Err(Error::BadPoint.into());
        };
        let taylor = TaylorModel::at(r.landscape.as_ref(), point::<2>(x)?);
        model.sample(&taylor, View::new(view)?, n, n, levels.min(32))?;
        Ok(())
    }

    /// Pointer to the contour segments of the last Taylor-model sample.
    #[wasm_bindgen(js_name = modelContoursPtr)]
    pub fn model_contours_ptr(&self) -> *const f32 {
        match &self.inner {
            Inner::Two(_, _, m) => m.contours.as_ptr(),
            Inner::One(..) => std::ptr::null(),
        }
    }

    /// Number of f32 in the Taylor-model contour buffer.
    #[wasm_bindgen(js_name = modelContoursLen)]
    pub fn model_contours_len(&self) -> usize {
        match &self.inner {
            Inner::Two(_, _, m) => m.contours.len(),
            Inner::One(..) => 0,
        }
    }

    /// Pointer to the values of the last 1-D sample (`nx` numbers).
    #[wasm_bindgen(js_name = curvePtr)]
    pub fn curve_ptr(&self) -> *const f64 {
        match &self.inner {
            Inner::One(_, c) => c.values.as_ptr(),
            Inner::Two(..) => std::ptr::null(),
        }
    }

    /// `[min, max]` of the finite values of the last 1-D sample (NaN when none).
    #[wasm_bindgen(js_name = curveRange)]
    pub fn curve_range(&self) -> Vec<f64> {
        match &self.inner {
            Inner::One(_, c) => vec![c.min, c.max],
            Inner::Two(..) => vec![f64::NAN, f64::NAN],
        }
    }
}

/// Exports of the lab's wasm only (built with the `lab` feature, loaded by the Web Workers).
#[cfg(feature = "lab")]
#[wasm_bindgen]
impl Explorer {
    /// `n` random starts over `view` from `seed` (reproducible), every enabled method run from
    /// each for at most `steps` steps: where they ended and their histogram (see
    /// [`StartsReport`]; `E*` is the lowest minimum a critical-point search with `seeds` seeds
    /// per side finds in the view).
    #[wasm_bindgen(js_name = randomStarts)]
    pub fn random_starts(
        &self,
        view: &[f64],
        seed: u32,
        n: usize,
        steps: usize,
        seeds: usize,
        bins: usize,
    ) -> Result<StartsReport, JsValue> {
        let Inner::Two(r, ..) = &self.inner else {
            return Err(JsError::new("random starts are drawn for 2-D landscapes").into());
        };
        let starts = crate::explore::starts::random_points(u64::from(seed), n, View::new(view)?);
        let mut runs = Vec::new();
        let mut groups = Vec::new();
        let mut methods = Vec::new();
        for (i, id) in METHOD_IDS.iter().enumerate() {
            if !self.enabled.get(i).copied().unwrap_or(false) {
                continue;
            }
            let outcomes =
                crate::explore::starts::run(r.landscape.as_ref(), &starts, id, &self.hyper, steps.min(10_000))?;
            for o in &outcomes {
                let status = match o.status {
                    Status::Converged => 0.0,
                    Status::Running => 1.0,
                    Status::Diverged => 2.0,
                    Status::Undefined => 3.0,
                    Status::SingularHessian => 4.0,
                };
                runs.extend([i as f64, o.x[0], o.x[1], o.value, status]);
            }
            groups.push(outcomes);
            methods.push(i);
        }
        // The lowest minimum in view (critical points come as [x, y, E, kind, global], kind 0 a
        // minimum).
        let critical = self.critical_points(view, seeds)?;
        let lowest = critical
            .chunks_exact(5)
            .filter(|c| c[3] == 0.0)
            .map(|c| c[2])
            .reduce(f64::min);
        let h = crate::explore::starts::histogram(&groups, lowest, bins.clamp(1, 200));
        let mut histogram = vec![h.lowest, f64::from(h.lo), f64::from(h.hi)];
        for (i, t) in methods.iter().zip(&h.tallies) {
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
        let Inner::Two(r, ..) = &self.inner else {
            return Err(JsError::new("basins are drawn for 2-D landscapes").into());
        };
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
        // The kernel is compiled per landscape: build this one as a `dyn Kernel`.
        let function = self.functions[1].as_deref();
        let kernel = self
            .preset
            .build_as(
                &r.params,
                function,
                self.points.as_deref(),
                &JsNumbers,
                crate::explore::basins::AsKernel,
            )?
            .ok_or_else(|| JsError::new("basins are drawn for 2-D landscapes"))?;
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

/// Random starts (lab only): `runs` holds `[method index, x, y, final E, status]` per run
/// (status 0 converged, 1 still running, 2 diverged, 3 left the domain, 4 singular Hessian);
/// `histogram` holds `[E*, lo, hi]`, then per method `[method index, runs at a global minimum,
/// diverged, non-finite E, bin counts…]` (bins of `log₁₀(E − E*)` from `10^lo` to `10^hi`).
#[cfg(feature = "lab")]
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
#[cfg(feature = "lab")]
#[wasm_bindgen]
pub struct CostQuadratic(crate::explore::cost::DenseQuadratic);

#[cfg(feature = "lab")]
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
