//! A real network trained on all its weights by each method from one seeded start (the lab's
//! network panel, issue 16): `E` at every iteration of every run, the Hessian's spectrum along
//! the run shown (every eigenvalue, how many are negative: the index of a saddle), the network's
//! answer over the input plane at the run's end, and the figures of them. The setup travels in
//! links as one token ([`Setup::token`]).

use nalgebra::DVector;

use crate::error::{check_param, Error, Why};
use crate::explore::starts;
use crate::landscape::eigen::symmetric_eigen;
use crate::landscape::{Dyn, Landscape};
use crate::method::catalog::{build, Hyper, METHOD_IDS};
use crate::method::Method;
use crate::method::{run_to, Criteria, State, Status};
use crate::network::data::DataSet;
use crate::network::mlp::{Activation, Loss, Mlp};
use crate::network::sgd::Sgd;
use crate::network::training::Training;
use crate::picture::figure::{Axis, Figure, Item, Panel, Stroke};
use crate::picture::style::{MethodStyle, METHOD_STYLES};

/// The most hidden units in a layer, and the most layers.
pub const MAX_UNITS: usize = 8;
/// The most hidden layers.
pub const MAX_LAYERS: usize = 2;
/// The most steps a run takes.
pub const MAX_STEPS: usize = 2000;
/// How many iterates of the run shown the spectrum is computed at (evenly spread).
pub const SPECTRA: usize = 41;
/// Cells across (and up) the map of the network's answer.
pub const CELLS: usize = 48;

/// The methods only a network has: stochastic gradient descent on mini-batches, without and with
/// momentum (`network::sgd`).
pub const SGD_IDS: [&str; 2] = ["sgd", "sgd-momentum"];

/// Every method the network panel runs, in its order: the catalog's, then [`SGD_IDS`]; a
/// method's index on the wire is its place here.
pub fn method_ids() -> impl Iterator<Item = &'static str> {
    METHOD_IDS.iter().chain(&SGD_IDS).copied()
}

/// Method `id`'s index in [`method_ids`] (0 where it is none of them).
pub fn method_index(id: &str) -> usize {
    method_ids().position(|m| m == id).unwrap_or(0)
}

/// The method at `index` of [`method_ids`].
pub fn method_at(index: usize) -> Option<&'static str> {
    method_ids().nth(index)
}

/// Method `id`'s style: the catalog's, and for SGD that of the full-batch method it samples
/// (gradient descent's, momentum's), dotted.
pub fn style(id: &str) -> MethodStyle {
    let of = |id: &str| METHOD_STYLES.iter().find(|s| s.id == id).copied();
    let dotted = |base: &str| MethodStyle {
        id: SGD_IDS[usize::from(base == "momentum")],
        dash: &[2.0, 3.0],
        ..of(base).unwrap_or(METHOD_STYLES[0])
    };
    match id {
        "sgd" => dotted("gd"),
        "sgd-momentum" => dotted("momentum"),
        _ => of(id).unwrap_or(METHOD_STYLES[0]),
    }
}

/// What the panel trains: the data set, the network, the start and the methods.
#[derive(Debug, Clone, PartialEq)]
pub struct Setup {
    /// The data set's shape.
    pub set: DataSet,
    /// Its noise (standard deviation, on both coordinates).
    pub noise: f64,
    /// How many points.
    pub points: usize,
    /// Units per hidden layer (one or two layers).
    pub hidden: Vec<usize>,
    /// The hidden units' activation.
    pub activation: Activation,
    /// The loss.
    pub loss: Loss,
    /// The start's scale: each weight is this times a standard normal number.
    pub scale: f64,
    /// The start's seed.
    pub seed: u64,
    /// The steps each run takes at most.
    pub steps: usize,
    /// The methods' hyperparameters (η, μ, β, m).
    pub hyper: Hyper,
    /// SGD's mini-batch: how many examples each of its steps sees.
    pub batch: usize,
    /// Where the runs start: `None` at the seeded weights, `Some(method)` where that method's run
    /// from them ended (at a saddle damped Newton converged to, say).
    pub from: Option<&'static str>,
    /// The methods, in [`method_ids`] order.
    pub methods: Vec<&'static str>,
    /// The method whose run the answer and the spectrum show (one of `methods`).
    pub shown: &'static str,
}

/// The seed of the data sets (the start has its own, [`Setup::seed`]).
const DATA_SEED: u64 = 7;

impl Default for Setup {
    /// XOR from small weights, where Newton is drawn to the saddle near `W = 0`.
    fn default() -> Self {
        Setup {
            set: DataSet::Xor,
            noise: 0.05,
            points: 40,
            hidden: vec![3],
            activation: Activation::Tanh,
            loss: Loss::SquaredError,
            scale: 0.05,
            seed: 1,
            steps: 300,
            hyper: Hyper {
                eta: 0.5,
                ..Hyper::default()
            },
            batch: 4,
            from: None,
            methods: vec!["gd", "newton", "momentum"],
            shown: "newton",
        }
    }
}

/// An activation's name in links and the page's strings.
pub fn activation_name(a: Activation) -> &'static str {
    match a {
        Activation::Tanh => "tanh",
        Activation::Sigmoid => "sigmoid",
        Activation::Relu => "relu",
    }
}

/// A loss's name in links and the page's strings.
pub fn loss_name(l: Loss) -> &'static str {
    match l {
        Loss::SquaredError => "mse",
        Loss::CrossEntropy => "ce",
    }
}

impl Setup {
    /// The network and its data.
    pub fn training(&self) -> Training {
        Training {
            net: Mlp {
                inputs: 2,
                hidden: self.hidden.clone(),
                activation: self.activation,
                loss: self.loss,
            },
            data: self.set.generate(self.points, self.noise, DATA_SEED),
        }
    }

    /// Whether every field is in its range (the hyperparameters as the methods take them).
    pub fn check(&self) -> Result<(), Error> {
        range("noise", self.noise)?;
        range("points", self.points as f64)?;
        range("layers", self.hidden.len() as f64)?;
        for &units in &self.hidden {
            range("units", units as f64)?;
        }
        range("scale", self.scale)?;
        range("seed", self.seed as f64)?;
        range("steps", self.steps as f64)?;
        range("batch", self.batch as f64)?;
        if self.methods.is_empty() || !self.methods.contains(&self.shown) {
            return Err(Error::OutOfRange(Why::NetworkChoice));
        }
        self.hyper.validate()
    }

    /// The setup with field `key` (one of [`FIELDS`]) read from `value` as the page writes it
    /// (numbers by `number`; lists with `,` or `.`); what is wrong with it, if anything, and
    /// then nothing changes.
    pub fn with(&self, key: &str, value: &str, number: &dyn Fn(&str) -> Option<f64>) -> Result<Setup, Error> {
        let mut next = self.clone();
        // (A decimal comma, as Spanish writes it, and a true minus sign read as the link's.)
        let plain = value.trim().replace(',', ".").replace('−', "-");
        let real = |name: &'static str| range(name, number(&plain).unwrap_or(f64::NAN));
        let whole = |name: &'static str| {
            let v = real(name)?;
            if v.fract() == 0.0 {
                Ok(v as usize)
            } else {
                range(name, f64::NAN).map(|_| 0)
            }
        };
        let items = || value.split([',', '.', ' ']).filter(|t| !t.is_empty());
        let choice = Error::OutOfRange(Why::NetworkChoice);
        match key {
            "set" => next.set = DataSet::ALL.into_iter().find(|s| s.name() == value).ok_or(choice)?,
            "act" => {
                next.activation = Activation::ALL
                    .into_iter()
                    .find(|a| activation_name(*a) == value)
                    .ok_or(choice)?
            }
            "loss" => {
                next.loss = [Loss::SquaredError, Loss::CrossEntropy]
                    .into_iter()
                    .find(|l| loss_name(*l) == value)
                    .ok_or(choice)?
            }
            "h" => {
                let units: Vec<&str> = items().collect();
                range("layers", units.len() as f64)?;
                next.hidden = units
                    .into_iter()
                    .map(|u| {
                        let v = range("units", number(u).unwrap_or(f64::NAN))?;
                        if v.fract() == 0.0 {
                            Ok(v as usize)
                        } else {
                            range("units", f64::NAN).map(|_| 0)
                        }
                    })
                    .collect::<Result<_, _>>()?;
            }
            "noise" => next.noise = real("noise")?,
            "pts" => next.points = whole("points")?,
            "scale" => next.scale = real("scale")?,
            "seed" => next.seed = whole("seed")? as u64,
            "steps" => next.steps = whole("steps")?,
            "batch" => next.batch = whole("batch")?,
            "from" => {
                next.from = match value {
                    "seed" => None,
                    _ => Some(method_ids().find(|m| *m == value).ok_or(choice)?),
                }
            }
            "eta" | "mu" | "beta" | "mem" => {
                let k = ["eta", "mu", "beta", "mem"].iter().position(|n| *n == key).unwrap_or(0);
                let v = number(&plain).unwrap_or(f64::NAN);
                next.hyper.set(k, v);
                // (A memory that is not a whole number from 1 to 50 reads as 0: refused.)
                if k == 3 {
                    crate::method::lbfgs::memory(v)?;
                }
                next.hyper.validate()?;
            }
            "m" => {
                let mut methods = items()
                    .map(|id| {
                        method_ids()
                            .find(|m| *m == id)
                            .ok_or_else(|| Error::UnknownMethod(id.to_owned()))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                methods.sort_by_key(|id| method_index(id));
                methods.dedup();
                if !methods.contains(&next.shown) {
                    next.shown = *methods.first().ok_or(choice)?;
                }
                next.methods = methods;
            }
            "show" => next.shown = next.methods.iter().copied().find(|m| *m == value).ok_or(choice)?,
            _ => return Err(choice),
        }
        Ok(next)
    }

    /// Every field of [`FIELDS`] as the page shows it (numbers by `format`, lists with `,`).
    pub fn fields(&self, format: &dyn Fn(f64) -> String) -> Vec<String> {
        let h = &self.hyper;
        let hidden: Vec<String> = self.hidden.iter().map(|u| u.to_string()).collect();
        vec![
            self.set.name().to_owned(),
            hidden.join(","),
            activation_name(self.activation).to_owned(),
            loss_name(self.loss).to_owned(),
            format(self.noise),
            self.points.to_string(),
            format(self.scale),
            self.seed.to_string(),
            self.steps.to_string(),
            format(h.eta),
            format(h.mu),
            format(h.beta),
            h.memory.to_string(),
            self.batch.to_string(),
            self.from.unwrap_or("seed").to_owned(),
            self.methods.join(","),
            self.shown.to_owned(),
        ]
    }

    /// The setup as one link token: the data set, then the other [`FIELDS`], `_` between them,
    /// each its key and value (lists with `.`; the activation and loss by their names):
    /// `xor_h3_tanh_mse_noise0.05_pts40_scale0.05_seed1_steps300_eta0.5_mu1_beta0.9_mem5_m.gd.newton_show.newton`.
    pub fn token(&self, format: impl Fn(f64) -> String) -> String {
        let values = self.fields(&format);
        let mut parts = vec![values[0].clone()];
        for (key, value) in FIELDS.iter().zip(&values).skip(1) {
            let value = value.replace(',', ".");
            parts.push(match *key {
                "act" | "loss" => value,
                "m" | "show" | "from" => format!("{key}.{value}"),
                _ => format!("{key}{value}"),
            });
        }
        parts.join("_")
    }

    /// The setup a token says ([`Setup::token`]'s form; fields left out keep their defaults,
    /// none twice), or `None` if any field is not one or is out of its range.
    pub fn parse(text: &str, number: impl Fn(&str) -> Option<f64>) -> Option<Setup> {
        let mut parts = text.split('_');
        let mut setup = Setup::default().with("set", parts.next()?, &number).ok()?;
        let mut seen: Vec<&str> = Vec::new();
        for part in parts {
            let (key, value) = if activation_names().contains(&part) {
                ("act", part)
            } else if ["mse", "ce"].contains(&part) {
                ("loss", part)
            } else {
                let key = FIELDS[1..]
                    .iter()
                    .filter(|k| part.starts_with(*k))
                    .max_by_key(|k| k.len())?;
                let value = &part[key.len()..];
                match *key {
                    "m" | "show" | "from" => (*key, value.strip_prefix('.')?),
                    // (Numbers, and units with `.` between layers: none empty.)
                    _ if value.is_empty() || value.split('.').any(str::is_empty) => return None,
                    _ => (*key, value),
                }
            };
            if seen.contains(&key) {
                return None;
            }
            seen.push(key);
            // (In a token, `.` separates the hidden layers; a number has its decimal point.)
            setup = setup.with(key, value, &number).ok()?;
        }
        setup.check().ok()?;
        Some(setup)
    }
}

/// The fields the network panel shows, in its order (the methods are boxes of their own; μ, β
/// and m travel in links).
pub const PANEL_FIELDS: [&str; 13] = [
    "set", "noise", "pts", "h", "act", "loss", "scale", "seed", "from", "steps", "eta", "batch", "show",
];

/// What field `key` takes when it is a choice of names (empty: a number or a list typed; the
/// run shown is one of the setup's methods).
pub fn choices(key: &str) -> Vec<&'static str> {
    match key {
        "set" => DataSet::ALL.map(DataSet::name).to_vec(),
        "act" => activation_names().to_vec(),
        "loss" => vec!["mse", "ce"],
        "from" => std::iter::once("seed").chain(method_ids()).collect(),
        _ => Vec::new(),
    }
}

/// The activations' names.
fn activation_names() -> [&'static str; 3] {
    Activation::ALL.map(activation_name)
}

/// The setup's fields, as [`Setup::fields`] lists them and [`Setup::with`] takes them.
pub const FIELDS: [&str; 17] = [
    "set", "h", "act", "loss", "noise", "pts", "scale", "seed", "steps", "eta", "mu", "beta", "mem", "batch", "from",
    "m", "show",
];

/// `value` if it is in the range of the setup's field `name`, else what is wrong.
fn range(name: &'static str, value: f64) -> Result<f64, Error> {
    let (lo, hi) = match name {
        "noise" => (0.0, 1.0),
        "points" => (4.0, 200.0),
        "layers" => (1.0, MAX_LAYERS as f64),
        "units" => (1.0, MAX_UNITS as f64),
        "scale" => (1e-6, 10.0),
        "seed" => (0.0, 1e9),
        "batch" => (1.0, 200.0),
        _ => (1.0, MAX_STEPS as f64),
    };
    check_param(name, value, lo, hi)
}

/// One method's run: `E` and `‖∇E‖` at every iterate, how it ended, where.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The method.
    pub id: &'static str,
    /// `E` at iterations 0, 1, …
    pub values: Vec<f64>,
    /// `‖∇E‖` there.
    pub gradients: Vec<f64>,
    /// How it ended (a run still going after the steps: [`Status::StepLimit`]).
    pub status: Status,
    /// The last iterate.
    pub end: DVector<f64>,
}

/// Every method's run from one start, and the spectrum along the run shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// `N`, the network's weights and biases.
    pub weights: usize,
    /// The runs, in the setup's order.
    pub runs: Vec<Run>,
    /// Which run the answer and the spectrum show.
    pub shown: usize,
    /// The iterations of the run shown where its spectrum was computed, with every eigenvalue of
    /// `H` there (ascending).
    pub spectra: Vec<(usize, Vec<f64>)>,
}

impl Report {
    /// The report as numbers (what a worker that trained it hands the page): `[N, shown, runs,
    /// then per run its method's index in [`method_ids`], its status's code, its length L, L values
    /// of E, L of ‖∇E‖ and its last iterate's N weights; then the spectra's count and per
    /// spectrum its iteration and N eigenvalues]`.
    pub fn wire(&self) -> Vec<f64> {
        let n = self.weights;
        let mut out = vec![n as f64, self.shown as f64, self.runs.len() as f64];
        for run in &self.runs {
            let index = method_index(run.id);
            out.extend([index as f64, f64::from(run.status.code()), run.values.len() as f64]);
            out.extend(run.values.iter().chain(&run.gradients).chain(run.end.iter()));
        }
        out.push(self.spectra.len() as f64);
        for (t, values) in &self.spectra {
            out.push(*t as f64);
            out.extend(values);
        }
        out
    }

    /// The report [`Report::wire`] wrote, or `None` where `wire` is not one (cut short, a count
    /// out of range, an unknown method or status, the run shown or a spectrum's iteration past
    /// the runs): never a panic.
    pub fn from_wire(wire: &[f64]) -> Option<Report> {
        let mut at: usize = 0;
        let mut take = |k: usize| -> Option<&[f64]> {
            let part = wire.get(at..at.checked_add(k)?)?;
            at += k;
            Some(part)
        };
        let count = |v: f64| (v >= 0.0 && v.fract() == 0.0 && v <= 1e7).then_some(v as usize);
        let head = take(3)?;
        let (n, shown, runs_count) = (count(head[0])?, count(head[1])?, count(head[2])?);
        let mut runs = Vec::new();
        for _ in 0..runs_count {
            let h = take(3)?;
            let id = method_at(count(h[0])?)?;
            let status = Status::from_code(h[1])?;
            let len = count(h[2])?;
            let values = take(len)?.to_vec();
            let gradients = take(len)?.to_vec();
            let end = DVector::from_column_slice(take(n)?);
            runs.push(Run {
                id,
                values,
                gradients,
                status,
                end,
            });
        }
        let spectra_count = count(take(1)?[0])?;
        let mut spectra = Vec::new();
        for _ in 0..spectra_count {
            let t = count(take(1)?[0])?;
            spectra.push((t, take(n)?.to_vec()));
        }
        let ok = shown < runs.len()
            && at == wire.len()
            && runs.iter().all(|r| !r.values.is_empty())
            && spectra
                .iter()
                .all(|(t, _)| runs.get(shown).is_some_and(|r| *t < r.values.len()));
        ok.then_some(Report {
            weights: n,
            runs,
            shown,
            spectra,
        })
    }
}

/// Method `id` of the setup, for its network: SGD on its data with its batch (the shuffles from
/// the setup's seed), any other from the catalog with its hyperparameters.
fn method(id: &str, setup: &Setup, training: &Training) -> Result<Box<dyn Method<Dyn>>, Error> {
    let h = &setup.hyper;
    match id {
        "sgd" | "sgd-momentum" => {
            // (η and β as gradient descent and momentum check them.)
            let beta = if id == "sgd" { 0.0 } else { h.beta };
            build::<Dyn>("momentum", &Hyper { beta, ..*h })?;
            Ok(Box::new(Sgd::new(
                training.clone(),
                h.eta,
                beta,
                setup.batch,
                setup.seed,
            )))
        }
        _ => build::<Dyn>(id, h),
    }
}

/// A run's first state for method `id`: SGD's runs also from a critical point ([`Sgd::begin`]).
fn begin(id: &str, state: State<Dyn>) -> State<Dyn> {
    if SGD_IDS.contains(&id) {
        Sgd::begin(state)
    } else {
        state
    }
}

/// Where the setup's runs start: its seeded weights, or where its `from` method's run from
/// them ended (the seeded weights again if that run left the finite numbers).
pub fn start(setup: &Setup, training: &Training) -> Result<DVector<f64>, Error> {
    let seeded = training.initial(setup.seed, setup.scale);
    let Some(id) = setup.from else {
        return Ok(seeded);
    };
    let criteria = Criteria::default();
    let mut m = method(id, setup, training)?;
    let first = begin(id, State::start(training, seeded.clone(), &criteria));
    let s = run_to(m.as_mut(), training, first, &criteria, setup.steps);
    Ok(if s.x.iter().all(|w| w.is_finite()) { s.x } else { seeded })
}

/// Trains the setup's network with each of its methods from its start.
pub fn train(setup: &Setup) -> Result<Report, Error> {
    setup.check()?;
    let training = setup.training();
    let start = start(setup, &training)?;
    let criteria = Criteria::default();
    let mut runs = Vec::with_capacity(setup.methods.len());
    let mut spectra = Vec::new();
    let shown = setup.methods.iter().position(|m| *m == setup.shown).unwrap_or(0);
    for (k, &id) in setup.methods.iter().enumerate() {
        let mut method = method(id, setup, &training)?;
        let mut state = begin(id, State::start(&training, start.clone(), &criteria));
        let (mut values, mut gradients) = (vec![state.value], vec![state.grad_norm()]);
        let mut iterates = if k == shown { vec![state.x.clone()] } else { Vec::new() };
        while state.status == Status::Running && state.iteration < setup.steps {
            let before = state.iteration;
            state = method.step(&training, state, &criteria);
            // (A step that stopped the run where it stood, at a singular Hessian, is no step.)
            if state.iteration == before {
                continue;
            }
            values.push(state.value);
            gradients.push(state.grad_norm());
            if k == shown {
                iterates.push(state.x.clone());
            }
        }
        if state.status == Status::Running {
            state.status = Status::StepLimit;
        }
        if k == shown {
            let last = iterates.len() - 1;
            let mut at: Vec<usize> = (0..SPECTRA).map(|i| (i * last + SPECTRA / 2) / (SPECTRA - 1)).collect();
            at.dedup();
            spectra = at
                .into_iter()
                .filter(|&t| iterates[t].iter().all(|w| w.is_finite()))
                .map(|t| (t, symmetric_eigen(&training.hessian(&iterates[t])).0))
                .filter(|(_, values)| values.iter().all(|v| v.is_finite()))
                .collect();
        }
        runs.push(Run {
            id,
            values,
            gradients,
            status: state.status,
            end: state.x,
        });
    }
    Ok(Report {
        weights: training.dimension(),
        runs,
        shown,
        spectra,
    })
}

/// The most starts [`many`] runs.
pub const MAX_STARTS: usize = 200;

/// Where a run that used up its steps counts as crawling: `‖∇E‖` under this at its end (on a
/// plateau, or in a flat valley).
pub const CRAWL: f64 = 1e-4;

/// How a run from one of many starts ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct End {
    /// `E` at its last iterate.
    pub value: f64,
    /// How it ended.
    pub status: Status,
    /// `‖∇E‖` there.
    pub gradient: f64,
    /// Where it converged: how many eigenvalues of `H` are negative there.
    pub negative: Option<usize>,
}

impl starts::Ended for End {
    fn value(&self) -> f64 {
        self.value
    }
    fn status(&self) -> Status {
        self.status
    }
}

/// What a run from one of many starts reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reached {
    /// It converged where no eigenvalue of `H` is negative.
    Minimum,
    /// It converged where some are: a saddle.
    Saddle,
    /// It used up its steps with `‖∇E‖ <` [`CRAWL`]: on a plateau, or in a flat valley.
    Crawling,
    /// It used up its steps with `‖∇E‖` larger: still descending, or (SGD, which never
    /// converges) moving about where its noise keeps it.
    Moving,
    /// It stopped without converging: a singular Hessian, diverged, or `E` undefined.
    Stopped,
}

/// The kinds of [`Reached`], in the wire's order.
pub const REACHED: [Reached; 5] = [
    Reached::Minimum,
    Reached::Saddle,
    Reached::Crawling,
    Reached::Moving,
    Reached::Stopped,
];

impl End {
    /// What the run reached.
    pub fn reached(&self) -> Reached {
        match (self.status, self.negative) {
            (Status::Converged, Some(0)) => Reached::Minimum,
            (Status::Converged, _) => Reached::Saddle,
            (Status::StepLimit, _) if self.gradient < CRAWL => Reached::Crawling,
            (Status::StepLimit | Status::Running, _) => Reached::Moving,
            _ => Reached::Stopped,
        }
    }
}

/// Every method of the setup run from `count` starts (seeds `seed`, `seed + 1`, …, of the
/// setup's scale), at most its steps each: the lecture's "the result depends on the random
/// start" on all the weights. One row of ends per method, in the setup's order.
pub fn many(setup: &Setup, count: usize) -> Result<Vec<Vec<End>>, Error> {
    setup.check()?;
    check_param("starts", count as f64, 1.0, MAX_STARTS as f64)?;
    let training = setup.training();
    let criteria = Criteria::default();
    let end = |id: &str, k: usize| -> Result<End, Error> {
        let this = Setup {
            seed: setup.seed.wrapping_add(k as u64),
            ..setup.clone()
        };
        let mut method = method(id, &this, &training)?;
        let start = start(&this, &training)?;
        let s = run_to(
            method.as_mut(),
            &training,
            begin(id, State::start(&training, start, &criteria)),
            &criteria,
            setup.steps,
        );
        let negative = (s.status == Status::Converged).then(|| negative(&symmetric_eigen(&training.hessian(&s.x)).0));
        Ok(End {
            value: s.value,
            status: s.status,
            gradient: s.grad_norm(),
            negative,
        })
    };
    setup
        .methods
        .iter()
        .map(|id| (0..count).map(|k| end(id, k)).collect())
        .collect()
}

/// Many starts on the wire: the histogram of `E − E*` (`E*` the lowest `E` any run reached) as
/// the random starts' panel has it (`session::lab::StartsReport::wire`), with the method's
/// index in [`method_ids`] per row; and per method `[index, minima, saddles, crawling, moving,
/// stopped, runs, runs at the lowest E]` ([`REACHED`]'s order).
pub fn many_wire(setup: &Setup, ends: &[Vec<End>], bins: usize) -> [Vec<f64>; 2] {
    let h = starts::histogram(ends, None, bins);
    let index = |id: &str| method_index(id) as f64;
    let bins = h.tallies.first().map_or(0, |t| t.counts.len());
    let mut histogram = vec![h.lowest, f64::from(h.lo), f64::from(h.hi), bins as f64];
    let mut tallies = Vec::new();
    for ((id, runs), t) in setup.methods.iter().zip(ends).zip(&h.tallies) {
        let counts = [t.global, t.diverged, t.unbounded, runs.len()];
        histogram.extend(std::iter::once(index(id)).chain(counts.map(|c| c as f64)));
        histogram.extend(t.counts.iter().map(|&c| c as f64));
        let of = |r: Reached| runs.iter().filter(|e| e.reached() == r).count() as f64;
        let kinds = REACHED.map(of);
        tallies.extend(
            std::iter::once(index(id))
                .chain(kinds)
                .chain([runs.len() as f64, t.global as f64]),
        );
    }
    [histogram, tallies]
}

/// Seconds per step of each method of the setup (its order) on all `N` weights and its data,
/// at the runs' start ([`start`]), timed on `clock` (seconds) by `cost::per_step`: every step is taken
/// from the start itself, so that a run that would stop early does not make steps look free.
/// NaN for a method whose start is not a running state (a start at a critical point).
pub fn step_times(setup: &Setup, clock: &mut dyn FnMut() -> f64) -> Result<Vec<f64>, Error> {
    setup.check()?;
    let training = setup.training();
    let criteria = Criteria::default();
    let start = State::start(&training, start(setup, &training)?, &criteria);
    (setup.methods.iter())
        .map(|id| {
            let mut method = method(id, setup, &training)?;
            let first = begin(id, start.clone());
            if first.status != Status::Running {
                return Ok(f64::NAN);
            }
            let mut run = |k: usize| {
                for _ in 0..k {
                    std::hint::black_box(method.step(&training, first.clone(), &criteria));
                }
            };
            Ok(crate::explore::cost::per_step(&mut run, clock))
        })
        .collect()
}

/// The colour of the network's answer `y ∈ [0, 1]`: blue for class 0, white at ½, orange for
/// class 1, light enough that the data's dots stand out on it.
fn answer_colour(y: f64) -> u32 {
    let (blue, orange) = ([86.0, 180.0, 233.0], [230.0, 159.0, 0.0]);
    let t = if y.is_finite() {
        (2.0 * y - 1.0).clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let (c, f) = if t < 0.0 { (blue, -t) } else { (orange, t) };
    let f = 0.6 * f;
    let channel = |i: usize| (255.0 + f * (c[i] - 255.0)).round() as u32;
    (channel(0) << 16) | (channel(1) << 8) | channel(2)
}

/// The titles the figures show, in the page's words.
pub struct Titles<'a> {
    /// The answer's axes, `x₁` and `x₂`.
    pub inputs: [&'a str; 2],
    /// The iteration axis.
    pub iteration: &'a str,
    /// The loss panel's title.
    pub loss: &'a str,
    /// The spectrum panel's title.
    pub eigenvalues: &'a str,
    /// The right axis: how many eigenvalues are negative.
    pub negative: &'a str,
}

/// The figures: the network's answer over the input plane at the end of the run shown, with
/// the data (class 0 blue, class 1 orange); `E` along every run (log); the spectrum of `H` along
/// the run shown, with how many eigenvalues are negative (right axis).
pub fn figures(setup: &Setup, report: &Report, titles: &Titles) -> [Figure; 3] {
    let training = setup.training();
    let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for s in &training.data {
        for i in 0..2 {
            lo[i] = lo[i].min(s.x[i]);
            hi[i] = hi[i].max(s.x[i]);
        }
    }
    let pad = |i: usize| 0.1 * (hi[i] - lo[i]).max(1e-3);
    let (x, y) = (
        Axis::fractional(lo[0] - pad(0), hi[0] + pad(0), titles.inputs[0]),
        // (Its title is a note over the cells, which would cover the axis's own.)
        Axis::fractional(lo[1] - pad(1), hi[1] + pad(1), ""),
    );
    let end = report.runs.get(report.shown).map(|r| r.end.clone());
    let cell = |i: usize, a: &Axis| a.lo + (i as f64 + 0.5) * (a.hi - a.lo) / CELLS as f64;
    let rgb = (0..CELLS * CELLS)
        .map(|k| {
            let input = [cell(k % CELLS, &x), cell(k / CELLS, &y)];
            answer_colour(end.as_ref().map_or(0.5, |w| training.net.output(w.as_slice(), &input)))
        })
        .collect();
    let dots = |class: f64, rgb: u32| Item::Dots {
        points: training
            .data
            .iter()
            .filter(|s| s.t == class)
            .map(|s| (s.x[0], s.x[1]))
            .collect(),
        rgb,
    };
    let answer = Figure {
        x,
        panels: vec![Panel {
            y,
            right: None,
            items: vec![
                Item::Cells { columns: CELLS, rgb },
                dots(0.0, 0x0072B2),
                dots(1.0, 0xD55E00),
                Item::Note {
                    text: titles.inputs[1].to_owned(),
                    rgb: 0x1D1B20,
                },
            ],
        }],
        rules: Vec::new(),
    };
    let longest = report.runs.iter().map(|r| r.values.len()).max().unwrap_or(1).max(2) - 1;
    let losses: Vec<f64> = report.runs.iter().flat_map(|r| r.values.iter().copied()).collect();
    let stroke = |dash: &[f64]| match dash.len() {
        0 => Stroke::Solid,
        _ if dash[0] <= 3.0 => Stroke::Dotted,
        _ => Stroke::Dashed,
    };
    let loss = Figure {
        x: Axis::linear(0.0, longest as f64, titles.iteration),
        panels: vec![Panel {
            y: Axis::log_fit(&losses, titles.loss),
            right: None,
            items: report
                .runs
                .iter()
                .map(|r| Item::Line {
                    points: r.values.iter().enumerate().map(|(t, v)| (t as f64, *v)).collect(),
                    rgb: style(r.id).rgb,
                    stroke: stroke(style(r.id).dash),
                    dots: false,
                    right: false,
                })
                .collect(),
        }],
        rules: Vec::new(),
    };
    let all = report.spectra.iter().flat_map(|(_, v)| v.iter().copied());
    let (low, high) = all.fold((0.0_f64, 0.0_f64), |(a, b), v| (a.min(v), b.max(v)));
    let span = (high - low).max(1e-12);
    let mut items: Vec<Item> = (0..report.weights)
        .map(|k| Item::Line {
            points: report
                .spectra
                .iter()
                .filter_map(|(t, v)| v.get(k).map(|l| (*t as f64, *l)))
                .collect(),
            rgb: 0x8a8f98,
            stroke: Stroke::Solid,
            dots: false,
            right: false,
        })
        .collect();
    items.push(Item::Line {
        points: report
            .spectra
            .iter()
            .map(|(t, v)| (*t as f64, negative(v) as f64))
            .collect(),
        rgb: 0xD55E00,
        stroke: Stroke::Dashed,
        // (Dots where they stay apart: on a short run.)
        dots: report.spectra.len() <= 12,
        right: true,
    });
    // (The right axis's title, in its line's colour: the figure writes none of its own.)
    items.push(Item::Note {
        text: titles.negative.to_owned(),
        rgb: 0xD55E00,
    });
    let shown_length = report.runs.get(report.shown).map_or(1, |r| r.values.len().max(2) - 1);
    let spectrum = Figure {
        x: Axis::linear(0.0, shown_length as f64, titles.iteration),
        panels: vec![Panel {
            y: Axis::fractional(low - 0.05 * span, high + 0.05 * span, titles.eigenvalues),
            right: Some(Axis::linear(0.0, report.weights as f64, titles.negative)),
            items,
        }],
        rules: Vec::new(),
    };
    [answer, loss, spectrum]
}

/// How many of `eigenvalues` are negative beyond rounding (below `−1e-9 · max |λ|`).
pub fn negative(eigenvalues: &[f64]) -> usize {
    let largest = eigenvalues.iter().fold(0.0_f64, |m, l| m.max(l.abs()));
    eigenvalues.iter().filter(|l| **l < -1e-9 * largest).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(t: &str) -> Option<f64> {
        t.parse::<f64>().ok().filter(|v| v.is_finite())
    }

    #[test]
    fn sgd_on_every_example_is_gradient_descent_and_momentum_step_for_step() {
        let setup = Setup {
            methods: vec!["gd", "momentum", "sgd", "sgd-momentum"],
            shown: "gd",
            batch: 40,
            steps: 120,
            ..Setup::default()
        };
        let r = train(&setup).expect("trained");
        let [gd, momentum, sgd, sgd_m] = [0, 1, 2, 3].map(|k| &r.runs[k]);
        // (The same operations in the same order: equal to the last bit.)
        assert_eq!((&sgd.values, &sgd.end), (&gd.values, &gd.end));
        assert_eq!((&sgd_m.values, &sgd_m.end), (&momentum.values, &momentum.end));
        // A batch of more than every example is every example.
        let all = train(&Setup {
            batch: 200,
            ..setup.clone()
        })
        .expect("trained");
        assert_eq!(all.runs[2].values, gd.values);
        // Smaller batches: another path, the same from the same seed, another from another.
        let small = Setup {
            batch: 4,
            ..setup.clone()
        };
        let a = train(&small).expect("trained");
        assert_ne!(a.runs[2].values, gd.values);
        assert_eq!(a, train(&small).expect("trained"));
        let b = train(&Setup {
            seed: 2,
            ..small.clone()
        })
        .expect("trained");
        assert_ne!(a.runs[2].values[1..], b.runs[2].values[1..]);
        // Their styles: the full-batch method's colour, dotted.
        assert_eq!(style("sgd").rgb, style("gd").rgb);
        assert_eq!(style("sgd-momentum").rgb, style("momentum").rgb);
        assert!(!style("sgd").dash.is_empty() && style("sgd").id == "sgd");
        assert_eq!(method_at(method_index("sgd-momentum")), Some("sgd-momentum"));
    }

    #[test]
    fn at_a_saddle_full_batch_gd_sits_and_sgd_s_noise_leaves_it() {
        // Damped Newton from XOR's small start converges to a saddle at E = ¼ (index 3); the
        // runs start there.
        let setup = Setup {
            from: Some("damped-newton"),
            methods: vec!["gd", "sgd"],
            shown: "gd",
            steps: 1000,
            ..Setup::default()
        };
        let training = setup.training();
        let w = start(&setup, &training).expect("a start");
        assert!((training.value(&w) - 0.25).abs() < 1e-6 && training.gradient(&w).norm() < 1e-6);
        let sits = Setup {
            steps: 300,
            ..setup.clone()
        };
        for batch in [4, 8] {
            let r = train(&Setup { batch, ..sits.clone() }).expect("trained");
            let (gd, sgd) = (&r.runs[0], &r.runs[1]);
            let start = gd.values[0];
            assert!((start - 0.25).abs() < 1e-6, "batch {batch}: at the saddle, E = {start}");
            // Full-batch GD: the gradient there is ~0, and it stays.
            assert!(
                gd.values.iter().all(|e| (e - start).abs() < 1e-4),
                "batch {batch}: GD stays"
            );
            // SGD on batches of 4: each batch's gradient is not ~0, and the noise finds the way
            // down.
            let end = *sgd.values.last().expect("a run");
            assert!(end < start - 0.01, "batch {batch}: SGD leaves, E = {end}");
        }
    }

    #[test]
    fn a_report_travels_as_numbers_and_bad_numbers_are_no_report() {
        let setup = Setup {
            methods: vec!["gd", "newton", "damped-newton"],
            shown: "damped-newton",
            steps: 40,
            ..Setup::default()
        };
        let report = train(&setup).expect("trained");
        assert!(!report.spectra.is_empty());
        let wire = report.wire();
        assert_eq!(
            Report::from_wire(&wire),
            Some(report.clone()),
            "the same report, bit for bit"
        );
        // Cut short anywhere, or one number more: no report, and no panic.
        for k in 0..wire.len() {
            assert_eq!(Report::from_wire(&wire[..k]), None, "cut at {k}");
        }
        assert_eq!(Report::from_wire(&[wire.clone(), vec![0.0]].concat()), None);
        // Counts that are no counts, an unknown method or status.
        for (at, bad) in [(0, -1.0), (0, 0.5), (2, f64::NAN), (3, 99.0), (4, 9.0), (1, 3.0)] {
            let mut w = wire.clone();
            w[at] = bad;
            assert_eq!(Report::from_wire(&w), None, "wire[{at}] = {bad}");
        }
        assert_eq!(Report::from_wire(&[]), None);
    }

    #[test]
    fn what_a_run_from_many_starts_reached_follows_its_status_and_curvature() {
        let end = |status, gradient, negative| End {
            value: 0.1,
            status,
            gradient,
            negative,
        };
        assert_eq!(end(Status::Converged, 0.0, Some(0)).reached(), Reached::Minimum);
        assert_eq!(end(Status::Converged, 0.0, Some(3)).reached(), Reached::Saddle);
        assert_eq!(end(Status::StepLimit, 1e-6, None).reached(), Reached::Crawling);
        assert_eq!(end(Status::StepLimit, 0.1, None).reached(), Reached::Moving);
        assert_eq!(end(Status::StepLimit, f64::NAN, None).reached(), Reached::Moving);
        for status in [Status::SingularHessian, Status::Diverged, Status::Undefined] {
            assert_eq!(end(status, 1e-9, None).reached(), Reached::Stopped);
        }
    }

    #[test]
    fn many_starts_are_seeded_and_each_converged_end_has_its_curvature() {
        let setup = Setup {
            methods: vec!["newton", "gd"],
            steps: 200,
            ..Setup::default()
        };
        let a = many(&setup, 6).expect("runs");
        assert_eq!(a, many(&setup, 6).expect("runs"), "the same seeds, the same ends");
        assert_eq!(a.len(), 2);
        assert!(a.iter().all(|row| row.len() == 6));
        for e in a.iter().flatten() {
            assert_eq!(e.negative.is_some(), e.status == Status::Converged, "{e:?}");
        }
        // Undamped Newton from small weights on XOR: its Hessian at the first iterates is
        // indefinite, and no start of these converges at a minimum with it.
        assert!(a[0].iter().all(|e| e.reached() != Reached::Minimum), "{:?}", a[0]);
        assert!(many(&setup, 0).is_err() && many(&setup, MAX_STARTS + 1).is_err());
    }

    #[test]
    fn a_setup_travels_as_one_token() {
        let setup = Setup::default();
        let token = setup.token(|x| x.to_string());
        assert_eq!(
            token,
            "xor_h3_tanh_mse_noise0.05_pts40_scale0.05_seed1_steps300_eta0.5_mu1_beta0.9_mem5_batch4_from.seed_m.gd.newton.momentum_show.newton"
        );
        assert_eq!(Setup::parse(&token, number), Some(setup.clone()));
        let other = Setup {
            set: DataSet::Spiral,
            hidden: vec![8, 4],
            activation: Activation::Relu,
            loss: Loss::CrossEntropy,
            methods: vec!["gd-optimal", "saddle-free", "lbfgs"],
            shown: "lbfgs",
            ..setup
        };
        assert_eq!(Setup::parse(&other.token(|x| x.to_string()), number), Some(other));
        // Left out: the defaults; the methods in the catalog's order; the shown one among them.
        let short = Setup::parse("moons_m.newton.gd", number).expect("a setup");
        assert_eq!(
            (short.set, short.methods.clone(), short.shown),
            (DataSet::Moons, vec!["gd", "newton"], "newton")
        );
        assert_eq!(Setup::parse("moons_m.lm", number).expect("a setup").shown, "lm");
    }

    #[test]
    fn a_bad_token_is_no_setup() {
        for bad in [
            "",
            "square",
            "xor_h9",
            "xor_h3.3.3",
            "xor_h0",
            "xor_noise2",
            "xor_pts3",
            "xor_scale0",
            "xor_steps0",
            "xor_steps5000",
            "xor_eta0",
            "xor_m.rmsprop",
            "xor_m",
            "xor_tanh_relu",
            "xor_seed1_seed2",
            "xor_colour5",
            "xor_mem0",
            "xor_beta1",
            "xor_seed-1",
        ] {
            assert_eq!(Setup::parse(bad, number), None, "{bad}");
        }
    }

    #[test]
    fn a_field_out_of_range_says_what_and_changes_nothing() {
        let setup = Setup::default();
        let bad = |key: &str, value: &str| setup.with(key, value, &number).err();
        let range =
            |name: &'static str, value: f64, min: f64, max: f64| Some(Error::BadParameter { name, value, min, max });
        assert_eq!(bad("h", "9"), range("units", 9.0, 1.0, 8.0));
        assert_eq!(bad("h", "4,3,2"), range("layers", 3.0, 1.0, 2.0));
        assert!(
            matches!(bad("noise", "lots"), Some(Error::BadParameter { name: "noise", value, .. }) if value.is_nan())
        );
        assert_eq!(bad("pts", "300"), range("points", 300.0, 4.0, 200.0));
        assert!(matches!(
            bad("steps", "2.5"),
            Some(Error::BadParameter { name: "steps", .. })
        ));
        assert_eq!(bad("m", "gd,rmsprop"), Some(Error::UnknownMethod("rmsprop".into())));
        assert_eq!(bad("m", ""), Some(Error::OutOfRange(Why::NetworkChoice)));
        assert_eq!(bad("show", "lm"), Some(Error::OutOfRange(Why::NetworkChoice)));
        assert_eq!(bad("set", "square"), Some(Error::OutOfRange(Why::NetworkChoice)));
        assert!(bad("eta", "0").is_some() && bad("mem", "0").is_some() && bad("beta", "1").is_some());
        let two = setup.with("h", "4, 3", &number).expect("two layers");
        assert_eq!(
            (two.hidden.clone(), two.training().dimension()),
            (vec![4, 3], 12 + 15 + 4)
        );
        // The methods in the catalog's order; the run shown follows when it is left out.
        let only = setup.with("m", "lm,gd", &number).expect("methods");
        assert_eq!((only.methods.clone(), only.shown), (vec!["gd", "lm"], "gd"));
        assert_eq!(setup.fields(&|x| x.to_string())[1], "3");
        assert_eq!(two.fields(&|x| x.to_string())[15], "gd,newton,momentum");
    }

    #[test]
    fn training_records_every_run_and_the_spectrum_of_the_one_shown() {
        let setup = Setup::default();
        let report = train(&setup).expect("trains");
        assert_eq!(report.weights, 13);
        assert_eq!(report.runs.len(), 3);
        let newton = &report.runs[report.shown];
        assert_eq!(newton.id, "newton");
        for run in &report.runs {
            assert_eq!(run.values.len(), run.gradients.len());
            // (One value per iterate: a Newton step that stopped at a singular Hessian is none.)
            assert!(
                run.values.windows(2).all(|w| w[0] != w[1] || w[0].is_nan()),
                "{}",
                run.id
            );
            assert!(run.values.len() <= setup.steps + 1);
            assert_ne!(run.status, Status::Running);
        }
        // GD runs every step; Newton stops early, beside the saddle at E = 1/4.
        assert_eq!(report.runs[0].values.len(), setup.steps + 1);
        assert!((newton.values.last().expect("values") - 0.25).abs() < 1e-6);
        // The spectrum: every eigenvalue at each iterate computed (first and last among them),
        // and at the last a saddle's negative ones.
        let (first, last) = (
            report.spectra.first().expect("one"),
            report.spectra.last().expect("one"),
        );
        assert_eq!((first.0, last.0), (0, newton.values.len() - 1));
        assert!(report.spectra.iter().all(|(_, v)| v.len() == 13));
        assert!(negative(&last.1) >= 1, "{:?}", last.1);
        let titles = Titles {
            inputs: ["x1", "x2"],
            iteration: "t",
            loss: "E",
            eigenvalues: "λ",
            negative: "negative",
        };
        let [answer, loss, spectrum] = figures(&setup, &report, &titles);
        assert_eq!(loss.panels[0].items.len(), 3);
        assert_eq!(spectrum.panels[0].items.len(), 15);
        match &answer.panels[0].items[..] {
            [Item::Cells { rgb, columns }, Item::Dots { points: a, .. }, Item::Dots { points: b, .. }, Item::Note { .. }] =>
            {
                assert_eq!((*columns, rgb.len()), (CELLS, CELLS * CELLS));
                assert_eq!(a.len() + b.len(), 40);
                // At Newton's saddle the network answers ½ everywhere: white.
                assert!(
                    rgb.iter().all(|c| *c == 0xFFFFFF || (0xFFFFFF - c) < 0x030303),
                    "{:x?}",
                    &rgb[..4]
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_answer_s_colours_are_blue_white_and_orange() {
        assert_eq!(answer_colour(0.5), 0xFFFFFF);
        assert_eq!(answer_colour(f64::NAN), 0xFFFFFF);
        let (zero, one) = (answer_colour(0.0), answer_colour(1.0));
        assert!(zero & 0xFF > zero >> 16, "bluish: {zero:06x}");
        assert!(one >> 16 > one & 0xFF, "orangish: {one:06x}");
        assert_eq!(negative(&[-1.0, 2.0, -1e-12]), 1);
        assert_eq!(negative(&[]), 0);
    }

    #[test]
    fn a_setup_out_of_range_does_not_train() {
        let bad = Setup {
            hidden: vec![],
            ..Setup::default()
        };
        assert!(train(&bad).is_err());
        let bad = Setup {
            hyper: Hyper {
                eta: -1.0,
                ..Hyper::default()
            },
            ..Setup::default()
        };
        assert!(train(&bad).is_err());
    }
}
