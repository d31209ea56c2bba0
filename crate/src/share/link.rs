//! Share links: the whole configuration as a short, versioned, human-readable query string, and
//! a decoder that never fails: it keeps every good field, falls back to defaults for bad ones and
//! says what it ignored.
//!
//! Keys (version 1): `v` version, `l` landscape, `p` its parameters, `f` a typed function (for
//! `l=typed1d` or `typed2d`), `d` data points x₀,t₀,x₁,t₁,… (for `neuron`, `tinynet`), `view` x₀,x₁,y₀,y₁,
//! `s` start, `eta`, `mu`, `beta`, `mem`, `m` methods, `r` runs of their own (each a method and
//! the hyperparameters it reads, `gd_eta0.5,momentum_eta0.01_beta0.5`), `n` steps taken, `k` the iteration shown when
//! replaying (absent: the latest), `scene`, `lang`, `crit` and
//! `hess` (panels, 0 or 1), `cs` the map's colour scale (`linear`, `log` or `rank`; absent:
//! chosen per landscape), `embed` (0 or 1), `present` (presenter mode: large type, 0 or 1), `hide` (panels hidden, from [`PANELS`]), `speed`
//! (steps per second when playing, one of [`SPEEDS`]; absent: 10), `basins` (the basin maps
//! shown, 0 or 1) and `open` (the lab's panels open, from [`LAB_PANELS`]).
//! Lists are comma-separated; numbers are written in Rust's shortest
//! round-trip form (through [`Numbers`]), so a link reproduces the same trajectories number for
//! number.

#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
use crate::explore::network::Setup;
use crate::landscape::presets::Preset;
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
use crate::landscape::typed::Program;
use crate::method::catalog::{Hyper, OwnRun, MAX_OWN_RUNS, METHOD_IDS};
use crate::numbers::Numbers;
use crate::picture::colormap::ScaleKind;
use crate::picture::grid::{check_range, View};

/// The link format's version.
pub const VERSION: u32 = 1;
/// Most steps a link may ask for.
pub const MAX_STEPS: u32 = 100_000;
/// Longest query read; the rest is ignored.
pub const MAX_LEN: usize = 4096;

/// `text` as a number through `numbers`, if it looks like one (1 to 32 characters of
/// `[0-9.eE+-]` after trimming spaces).
pub(crate) fn number(numbers: &dyn Numbers, text: &str) -> Option<f64> {
    let text = text.trim();
    let plausible = (1..=32).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b));
    if plausible {
        numbers.parse(text)
    } else {
        None
    }
}

/// The names of the comma-separated `list` (at most 16) that `table` has, in the table's order and
/// each once; and whether the list named any other.
fn pick(list: &str, table: &[&'static str]) -> (Vec<&'static str>, bool) {
    let names: Vec<&str> = list.split(',').filter(|n| !n.is_empty()).take(16).collect();
    let picked = table.iter().copied().filter(|t| names.contains(t)).collect();
    (picked, names.iter().any(|n| !table.contains(n)))
}

/// Whether `preset` takes data points (`d=…`).
pub fn takes_points(preset: &Preset) -> bool {
    matches!(preset.id, "neuron" | "tinynet")
}

/// A configuration that a link carries.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkState {
    /// The landscape.
    pub preset: &'static Preset,
    /// Its parameters, one per [`Preset::params`].
    pub params: Vec<f64>,
    /// The typed function (for `typed1d` and `typed2d` only; `None` means the preset's default).
    pub function: Option<String>,
    /// Data points `[x₀, t₀, x₁, t₁, …]` (for `neuron` and `tinynet` only; `None`: the data set
    /// the parameters name).
    pub points: Option<Vec<f64>>,
    /// The view `[x_min, x_max, y_min, y_max]` (in 1-D the `y` pair is ignored).
    pub view: [f64; 4],
    /// The start point, one coordinate per dimension.
    pub start: Vec<f64>,
    /// `η`, `μ`, `β`.
    pub hyper: Hyper,
    /// The methods that are on, in [`METHOD_IDS`] order.
    pub methods: Vec<&'static str>,
    /// Runs of their own (at most [`MAX_OWN_RUNS`]), after the methods' runs.
    pub own: Vec<OwnRun>,
    /// Steps already taken when the link was made.
    pub steps: u32,
    /// The iteration shown (replay: at most `steps`); `None`: the latest.
    pub shown: Option<u32>,
    /// The scene (a short token; the page knows which exist).
    pub scene: Option<String>,
    /// The page's language (a short token).
    pub lang: Option<String>,
    /// Critical points shown.
    pub critical: bool,
    /// Hessian view shown.
    pub hessian: bool,
    /// How the map colours `E`.
    pub colour_scale: ScaleKind,
    /// Embedded in another page: no page chrome.
    pub embed: bool,
    /// Presenter mode: large type for a projector.
    pub present: bool,
    /// Parts of the page hidden (names from [`PANELS`]), in that order.
    pub hide: Vec<&'static str>,
    /// Steps per second when playing (one of [`SPEEDS`]).
    pub speed: u32,
    /// The basin maps shown.
    pub basins: bool,
    /// The lab's panels open (names from [`LAB_PANELS`]), in that order.
    pub open: Vec<&'static str>,
    /// The 3-D view's camera `[yaw, pitch, distance]` when moved (see [`camera_ok`]).
    pub camera: Option<[f64; 3]>,
    /// What the network panel trains (lab and native: the page gives a link with `net=` to
    /// the lab's build).
    #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
    pub network: Setup,
}

/// Whether `[yaw, pitch, distance]` is a camera of the 3-D view: yaw within ±1000 radians, pitch
/// from 0.087 to 1.484 (5° to 85°), distance from 1.5 to 12.
pub fn camera_ok(c: &[f64]) -> bool {
    matches!(c, &[yaw, pitch, distance] if yaw.abs() <= 1e3 && (0.087..=1.484).contains(&pitch) && (1.5..=12.0).contains(&distance))
}

/// Whether links carry the network panel's setup (`net=`): in the lab's build and natively.
const NETWORK: bool = cfg!(any(feature = "lab", not(target_arch = "wasm32")));

/// The speeds a page plays at, steps per second.
pub const SPEEDS: [u32; 5] = [2, 10, 60, 600, 6000];

/// The lab's panels the page's own build can open (`open=…`).
const PAGE_PANELS: [&str; 7] = [
    "surface",
    "starts",
    "escape",
    "newton-cost",
    "sweep",
    "momentum",
    "cost",
];

/// The lab's panels a link can open (`open=…`): with the network panel where the core trains
/// networks (the lab's build, natively; the page gives a link that opens it to the lab's build).
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
pub const LAB_PANELS: [&str; 8] = {
    let mut all = ["network"; 8];
    let mut i = 0;
    while i < PAGE_PANELS.len() {
        all[i] = PAGE_PANELS[i];
        i += 1;
    }
    all
};
/// The lab's panels a link can open (`open=…`) in the page's own build.
#[cfg(all(target_arch = "wasm32", not(feature = "lab")))]
pub const LAB_PANELS: [&str; 7] = PAGE_PANELS;

/// The parts of the page a link can hide (`hide=…`).
pub const PANELS: [&str; 10] = [
    "scene",
    "landscape",
    "eta",
    "buttons",
    "methods",
    "readout",
    "analysis",
    "charts",
    "critical",
    "export",
];

/// A field of a link that was not used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    /// The key (sanitized: at most 24 characters of `[A-Za-z0-9_-]`, others replaced by `?`).
    pub key: String,
    /// Why, in a few words.
    pub reason: &'static str,
}

impl LinkState {
    /// The defaults of `preset`: its parameters, view, start and η; gradient descent and Newton.
    pub fn defaults(preset: &'static Preset) -> Self {
        LinkState {
            preset,
            params: preset.default_params(),
            function: None,
            points: None,
            view: preset.view,
            start: preset.start[..preset.dim].to_vec(),
            hyper: Hyper {
                eta: preset.eta,
                ..Hyper::default()
            },
            methods: vec!["gd", "newton"],
            own: Vec::new(),
            steps: 0,
            shown: None,
            scene: None,
            lang: None,
            critical: true,
            hessian: false,
            colour_scale: ScaleKind::Auto,
            embed: false,
            present: false,
            hide: Vec::new(),
            speed: 10,
            basins: false,
            open: Vec::new(),
            camera: None,
            #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
            network: Setup::default(),
        }
    }

    /// The query string for this state (without a leading `?` or `#`), numbers written by
    /// `numbers`.
    pub fn encode(&self, numbers: &dyn Numbers) -> String {
        let list = |xs: &[f64]| xs.iter().map(|&x| numbers.format(x)).collect::<Vec<_>>().join(",");
        let view = if self.preset.dim == 1 {
            &self.view[..2]
        } else {
            &self.view[..]
        };
        let mut q = form_urlencoded::Serializer::new(String::new());
        pair(&mut q, "v", &VERSION.to_string());
        pair(&mut q, "l", self.preset.id);
        if !self.params.is_empty() {
            pair(&mut q, "p", &list(&self.params));
        }
        if let (Some(_), Some(f)) = (self.preset.function, &self.function) {
            pair(&mut q, "f", f);
        }
        if let (true, Some(d)) = (takes_points(self.preset), &self.points) {
            pair(&mut q, "d", &list(d));
        }
        pair(&mut q, "view", &list(view));
        pair(&mut q, "s", &list(&self.start));
        pair(&mut q, "eta", &numbers.format(self.hyper.eta));
        pair(&mut q, "mu", &numbers.format(self.hyper.mu));
        pair(&mut q, "beta", &numbers.format(self.hyper.beta));
        pair(&mut q, "mem", &self.hyper.memory.to_string());
        pair(&mut q, "m", &self.methods.join(","));
        if !self.own.is_empty() {
            let runs: Vec<String> = self.own.iter().map(|r| r.token(|x| numbers.format(x))).collect();
            pair(&mut q, "r", &runs.join(","));
        }
        pair(&mut q, "n", &self.steps.to_string());
        if let Some(k) = self.shown {
            pair(&mut q, "k", &k.to_string());
        }
        if let Some(scene) = &self.scene {
            pair(&mut q, "scene", scene);
        }
        if let Some(lang) = &self.lang {
            pair(&mut q, "lang", lang);
        }
        pair(&mut q, "crit", if self.critical { "1" } else { "0" });
        pair(&mut q, "hess", if self.hessian { "1" } else { "0" });
        if self.colour_scale != ScaleKind::Auto {
            pair(&mut q, "cs", self.colour_scale.name());
        }
        if self.embed {
            pair(&mut q, "embed", "1");
        }
        if self.present {
            pair(&mut q, "present", "1");
        }
        if !self.hide.is_empty() {
            pair(&mut q, "hide", &self.hide.join(","));
        }
        if self.speed != 10 {
            pair(&mut q, "speed", &self.speed.to_string());
        }
        if self.basins {
            pair(&mut q, "basins", "1");
        }
        if let Some(c) = &self.camera {
            pair(&mut q, "cam", &list(c));
        }
        if !self.open.is_empty() {
            pair(&mut q, "open", &self.open.join(","));
        }
        #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
        if self.network != Setup::default() {
            pair(&mut q, "net", &self.network.token(|x| numbers.format(x)));
        }
        q.finish()
    }

    /// Reads a query string (a leading `?` or `#` is skipped), numbers read by `numbers`. Never
    /// fails: starts from the defaults of the link's landscape (or of `fallback`), takes every
    /// valid field, and lists the rest in the second value.
    pub fn decode(query: &str, fallback: &'static Preset, numbers: &dyn Numbers) -> (LinkState, Vec<Ignored>) {
        let mut ignored = Vec::new();
        let mut query = query.strip_prefix(['?', '#']).unwrap_or(query);
        if query.len() > MAX_LEN {
            let mut cut = MAX_LEN;
            while !query.is_char_boundary(cut) {
                cut -= 1;
            }
            query = &query[..cut];
            ignored.push(Ignored {
                key: "…".into(),
                reason: "link too long: the end was ignored",
            });
        }
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let get = |key: &str| lookup(&pairs, key);
        let mut bad = |key: &str, reason: &'static str| note(&mut ignored, key, reason);

        match get("v") {
            Some(v) if v == VERSION.to_string() => {}
            Some(_) => bad("v", "unknown version: read as version 1"),
            None => {}
        }
        let preset = match get("l") {
            Some(id) => Preset::find(id).unwrap_or_else(|_| {
                bad("l", "unknown landscape");
                fallback
            }),
            None => fallback,
        };
        let mut state = LinkState::defaults(preset);

        if let Some(p) = get("p") {
            match list(numbers, p, 8) {
                Some(values) => {
                    if values.len() > preset.params.len() {
                        bad(
                            "p",
                            "more values than the landscape has parameters: the rest were ignored",
                        );
                    } else if values.len() < preset.params.len() {
                        bad(
                            "p",
                            "fewer values than the landscape has parameters: the others keep their defaults",
                        );
                    }
                    for (i, param) in preset.params.iter().enumerate() {
                        match values.get(i) {
                            Some(&v) if v.is_finite() && (param.min..=param.max).contains(&v) => state.params[i] = v,
                            Some(_) => bad("p", "a parameter out of range: its default was used"),
                            None => {}
                        }
                    }
                }
                None => bad("p", "not a list of numbers"),
            }
        }
        if let Some(f) = get("f") {
            let valid = if preset.function.is_none() {
                Err("only a typed function (l=typed1d or typed2d) takes f")
            } else {
                check_function(f, preset.dim, numbers)
            };
            match valid {
                Ok(()) => state.function = Some(f.trim().to_owned()),
                Err(reason) => bad("f", reason),
            }
        }
        if let Some(d) = get("d") {
            let points = if d.is_empty() {
                Some(Vec::new())
            } else {
                list(numbers, d, 2 * crate::landscape::neural::MAX_POINTS)
                    .filter(|d| crate::landscape::neural::parse_points(d).is_some())
            };
            match (takes_points(preset), points) {
                (false, _) => bad("d", "only the neural landscapes (neuron, tinynet) take data points"),
                (true, Some(d)) => state.points = Some(d),
                (true, None) => bad("d", "not a list of (x, t) pairs with |x| ≤ 3 and t in [0, 1]"),
            }
        }
        if let Some(v) = get("view") {
            match list(numbers, v, 4) {
                Some(xs) if preset.dim == 1 && xs.len() >= 2 && check_range(xs[0], xs[1]).is_ok() => {
                    state.view[0] = xs[0];
                    state.view[1] = xs[1];
                }
                Some(xs) if preset.dim == 2 && View::new(&xs).is_ok() => state.view.copy_from_slice(&xs),
                _ => bad("view", "not a valid view rectangle"),
            }
        }
        if let Some(s) = get("s") {
            match list(numbers, s, 4) {
                Some(xs) if xs.len() == preset.dim && xs.iter().all(|x| x.is_finite() && x.abs() <= 1e6) => {
                    state.start = xs
                }
                _ => bad("s", "not a start point of this landscape"),
            }
        }
        for (key, slot) in [("eta", 0), ("mu", 1), ("beta", 2)] {
            let Some(text) = get(key) else { continue };
            let mut hyper = state.hyper;
            let value = number(numbers, text).unwrap_or(f64::NAN);
            match slot {
                0 => hyper.eta = value,
                1 => hyper.mu = value,
                _ => hyper.beta = value,
            }
            if hyper.validate().is_ok() {
                state.hyper = hyper;
            } else {
                bad(key, "not a valid value");
            }
        }
        if let Some(text) = get("mem") {
            let hyper = Hyper {
                memory: text.trim().parse().unwrap_or(0),
                ..state.hyper
            };
            if hyper.validate().is_ok() {
                state.hyper = hyper;
            } else {
                bad("mem", "not a memory of L-BFGS (a whole number from 1 to 50)");
            }
        }
        if let Some(m) = get("m") {
            let (methods, unknown) = pick(m, &METHOD_IDS);
            if unknown {
                bad("m", "an unknown method was left out");
            }
            state.methods = methods;
        }
        if let Some(r) = get("r") {
            let parsed: Vec<Option<OwnRun>> = r
                .split(',')
                .take(16)
                .map(|t| OwnRun::parse(t, |x| number(numbers, x)))
                .collect();
            if parsed.iter().any(Option::is_none) {
                bad(
                    "r",
                    "not a run of its own (gd_eta0.5, momentum_eta0.01_beta0.5, lm_mu1, lbfgs_mem5): left out",
                );
            }
            let mut runs: Vec<OwnRun> = parsed.into_iter().flatten().collect();
            if runs.len() > MAX_OWN_RUNS {
                bad("r", "at most 4 runs of their own: the rest were left out");
                runs.truncate(MAX_OWN_RUNS);
            }
            state.own = runs;
        }
        if let Some(n) = get("n") {
            match n.trim().parse::<u64>() {
                Ok(steps) if steps <= MAX_STEPS as u64 => state.steps = steps as u32,
                Ok(_) => {
                    bad("n", "too many steps: capped at 100000");
                    state.steps = MAX_STEPS;
                }
                Err(_) => bad("n", "not a whole number of steps"),
            }
        }
        if let Some(k) = get("k") {
            match k.trim().parse::<u32>() {
                Ok(k) if k <= state.steps => state.shown = Some(k),
                Ok(_) => bad("k", "beyond the steps taken: the latest is shown"),
                Err(_) => bad("k", "not a whole number of steps"),
            }
        }
        for key in ["scene", "lang"] {
            let Some(value) = get(key) else { continue };
            if is_token(value) {
                let value = Some(value.to_owned());
                if key == "scene" {
                    state.scene = value;
                } else {
                    state.lang = value;
                }
            } else {
                bad(key, "not a valid name");
            }
        }
        for key in ["crit", "hess", "embed", "present", "basins"] {
            let flag = match get(key) {
                Some("1") => true,
                Some("0") => false,
                Some(_) => {
                    bad(key, "not 0 or 1");
                    continue;
                }
                None => continue,
            };
            match key {
                "crit" => state.critical = flag,
                "hess" => state.hessian = flag,
                "basins" => state.basins = flag,
                "present" => state.present = flag,
                _ => state.embed = flag,
            }
        }
        if let Some(cs) = get("cs") {
            match ScaleKind::from_name(cs) {
                Some(kind) => state.colour_scale = kind,
                None => bad("cs", "not a colour scale (auto, linear, log or rank)"),
            }
        }
        if let Some(h) = get("hide") {
            let (hide, unknown) = pick(h, &PANELS);
            if unknown {
                bad("hide", "an unknown panel was left out");
            }
            state.hide = hide;
        }
        if let Some(speed) = get("speed") {
            match speed.trim().parse::<u32>() {
                Ok(v) if SPEEDS.contains(&v) => state.speed = v,
                _ => bad("speed", "not a speed of the page (2, 10, 60, 600 or 6000)"),
            }
        }
        if let Some(c) = get("cam") {
            match list(numbers, c, 3) {
                Some(xs) if camera_ok(&xs) => state.camera = Some([xs[0], xs[1], xs[2]]),
                _ => bad(
                    "cam",
                    "not a camera of the 3-D view (yaw, pitch 0.087–1.484, distance 1.5–12)",
                ),
            }
        }
        if let Some(o) = get("open") {
            let (open, unknown) = pick(o, &LAB_PANELS);
            if unknown {
                bad("open", "an unknown panel was left out");
            }
            state.open = open;
        }
        #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
        if let Some(t) = get("net") {
            match Setup::parse(t, |x| number(numbers, x)) {
                Some(setup) => state.network = setup,
                None => bad("net", "not a network's setup: the default was used"),
            }
        }
        const KNOWN: [&str; 27] = [
            "v", "l", "p", "f", "d", "view", "s", "eta", "mu", "beta", "mem", "m", "r", "n", "k", "scene", "lang",
            "crit", "hess", "cs", "embed", "present", "hide", "speed", "basins", "open", "cam",
        ];
        let mut unknown: Vec<&str> = pairs
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !(KNOWN.contains(k) || (NETWORK && *k == "net")))
            .collect();
        unknown.dedup();
        for key in unknown.into_iter().take(8) {
            bad(key, "unknown key");
        }
        (state, ignored)
    }
}

/// Whether `f` is a function of `dim` variables.
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
fn check_function(f: &str, dim: usize, numbers: &dyn Numbers) -> Result<(), &'static str> {
    Program::compile(f, dim, numbers)
        .map(|_| ())
        .map_err(|_| "not a valid function: the default was used")
}

/// The page's wasm has no parser: the page gives a typed landscape's link to the lab's build,
/// which checks it.
#[cfg(all(target_arch = "wasm32", not(feature = "lab")))]
fn check_function(_: &str, _: usize, _: &dyn Numbers) -> Result<(), &'static str> {
    Ok(())
}

/// The last value of `key` in `pairs`. (Not inlined, as [`note`] and [`pair`]: the decoder and
/// encoder call them at every key, and one copy keeps the page's wasm small.)
#[inline(never)]
fn lookup<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// Notes that `key` was ignored, and why.
#[inline(never)]
fn note(ignored: &mut Vec<Ignored>, key: &str, reason: &'static str) {
    ignored.push(Ignored {
        key: sanitize(key),
        reason,
    })
}

/// Appends `key=value` to the query `q`.
#[inline(never)]
fn pair(q: &mut form_urlencoded::Serializer<'_, String>, key: &str, value: &str) {
    q.append_pair(key, value);
}

/// Comma-separated numbers, at most `max` of them; `None` if any is not a number.
fn list(numbers: &dyn Numbers, text: &str, max: usize) -> Option<Vec<f64>> {
    let parts: Vec<&str> = text.split(',').collect();
    if parts.len() > max {
        return None;
    }
    parts.iter().map(|p| number(numbers, p)).collect()
}

/// A short name: 1 to 32 characters of `[a-z0-9-]`.
/// Whether `s` is a name a link carries (scene, language): 1 to 32 of `[a-z0-9-]`.
pub fn is_token(s: &str) -> bool {
    (1..=32).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A key as it may be shown on the page: at most 24 characters, each outside `[A-Za-z0-9_-]`
/// replaced by `?`.
fn sanitize(key: &str) -> String {
    key.chars()
        .take(24)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '?'
            }
        })
        .collect()
}

/// Every preset, for tests.
#[cfg(test)]
fn any_preset(i: usize) -> &'static Preset {
    &crate::landscape::presets::PRESETS[i % crate::landscape::presets::PRESETS.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::check::Rng;
    use crate::numbers::RustNumbers;

    fn fallback() -> &'static Preset {
        Preset::find("rosenbrock").expect("exists")
    }

    #[test]
    fn state_to_link_to_state_is_the_identity() {
        let mut rng = Rng::new(99);
        for i in 0..500 {
            let preset = any_preset(i);
            let mut s = LinkState::defaults(preset);
            for (k, p) in preset.params.iter().enumerate() {
                s.params[k] = rng.uniform(p.min, p.max);
            }
            let (a, b) = (rng.uniform(-50.0, 50.0), rng.uniform(0.001, 50.0));
            let (c, d) = (rng.uniform(-50.0, 50.0), rng.uniform(0.001, 50.0));
            s.view = if preset.dim == 1 {
                [a, a + b, preset.view[2], preset.view[3]]
            } else {
                [a, a + b, c, c + d]
            };
            s.start = (0..preset.dim).map(|_| rng.uniform(-1e3, 1e3)).collect();
            s.hyper = Hyper {
                eta: rng.uniform(1e-6, 10.0),
                mu: rng.uniform(0.0, 100.0),
                beta: rng.uniform(0.0, 0.99),
                memory: rng.uniform(1.0, 50.99) as usize,
            };
            s.methods = METHOD_IDS
                .iter()
                .copied()
                .filter(|_| rng.uniform(0.0, 1.0) < 0.5)
                .collect();
            let own = ["gd", "gd-optimal", "momentum", "adam", "lm", "lbfgs"];
            s.own = (0..(rng.uniform(0.0, MAX_OWN_RUNS as f64 + 0.99) as usize))
                .map(|_| {
                    let hyper = Hyper {
                        eta: rng.uniform(1e-6, 10.0),
                        mu: rng.uniform(0.0, 100.0),
                        beta: rng.uniform(0.0, 0.99),
                        memory: rng.uniform(1.0, 50.99) as usize,
                    };
                    OwnRun::new(own[rng.uniform(0.0, 5.99) as usize], &hyper).expect("a valid run")
                })
                .collect();
            s.steps = rng.uniform(0.0, MAX_STEPS as f64) as u32;
            s.shown = (rng.uniform(0.0, 1.0) < 0.5).then(|| rng.uniform(0.0, f64::from(s.steps)) as u32);
            s.scene = (rng.uniform(0.0, 1.0) < 0.5).then(|| "regimes".to_owned());
            s.lang = (rng.uniform(0.0, 1.0) < 0.5).then(|| "es".to_owned());
            s.critical = rng.uniform(0.0, 1.0) < 0.5;
            s.hessian = rng.uniform(0.0, 1.0) < 0.5;
            s.colour_scale = ScaleKind::ALL[(rng.uniform(0.0, 3.99)) as usize];
            s.embed = rng.uniform(0.0, 1.0) < 0.5;
            s.present = rng.uniform(0.0, 1.0) < 0.5;
            s.hide = PANELS.iter().copied().filter(|_| rng.uniform(0.0, 1.0) < 0.3).collect();
            s.speed = SPEEDS[(rng.uniform(0.0, 4.99)) as usize];
            s.basins = rng.uniform(0.0, 1.0) < 0.5;
            s.camera = (rng.uniform(0.0, 1.0) < 0.5)
                .then(|| [rng.uniform(-7.0, 7.0), rng.uniform(0.1, 1.4), rng.uniform(1.5, 12.0)]);
            s.open = LAB_PANELS
                .iter()
                .copied()
                .filter(|_| rng.uniform(0.0, 1.0) < 0.3)
                .collect();
            let link = s.encode(&RustNumbers);
            let (back, ignored) = LinkState::decode(&link, fallback(), &RustNumbers);
            assert_eq!(ignored, vec![], "{link}");
            assert_eq!(back, s, "{link}");
        }
    }

    /// Runs of their own: the method and what it reads, in order; a bad run is left out and
    /// reported, the good ones beside it kept.
    #[test]
    fn runs_of_their_own_travel_in_links() {
        let query = "v=1&l=quadratic1d&r=gd_eta0.5,momentum_eta0.01_beta0.5,lm_mu0,newton,lbfgs_mem3";
        let (state, ignored) = LinkState::decode(query, fallback(), &RustNumbers);
        let tokens: Vec<String> = state.own.iter().map(|r| r.token(|x| RustNumbers.format(x))).collect();
        assert_eq!(
            tokens,
            ["gd_eta0.5", "momentum_eta0.01_beta0.5", "lm_mu0", "lbfgs_mem3"]
        );
        assert_eq!(
            state.own[0].hyper,
            Hyper {
                eta: 0.5,
                ..Hyper::default()
            }
        );
        assert_eq!(state.own[3].hyper.memory, 3);
        assert_eq!(ignored.len(), 1, "{ignored:?}");
        assert!(state
            .encode(&RustNumbers)
            .contains("&r=gd_eta0.5%2Cmomentum_eta0.01_beta0.5%2Clm_mu0%2Clbfgs_mem3&"));
        // (What a method does not read is the default's: a run that steps alike is equal.)
        let a = OwnRun::new(
            "gd",
            &Hyper {
                mu: 7.0,
                ..Hyper::default()
            },
        )
        .expect("valid");
        assert_eq!(a, OwnRun::new("gd", &Hyper::default()).expect("valid"));
    }

    #[test]
    fn links_are_short_and_readable() {
        let link = LinkState::defaults(fallback()).encode(&RustNumbers);
        assert!(
            link.starts_with("v=1&l=rosenbrock&view=-2%2C2%2C-1%2C3&s=-1.2%2C1&eta=0.001"),
            "{link}"
        );
        assert!(link.len() < 160, "{} characters", link.len());
    }

    /// (query, keys expected among the ignored)
    const HOSTILE: &[(&str, &[&str])] = &[
        ("", &[]),
        ("v=1&l=himmel", &["l"]),
        ("v=2&l=himmelblau", &["v"]),
        ("v=1&l=himmelblau&s=1", &["s"]),
        ("v=1&l=himmelblau&s=NaN,1", &["s"]),
        ("v=1&l=himmelblau&s=1e400,1", &["s"]),
        ("v=1&l=himmelblau&eta=-1", &["eta"]),
        ("v=1&l=himmelblau&eta=inf", &["eta"]),
        ("v=1&l=himmelblau&eta=<script>alert(1)</script>", &["eta"]),
        ("v=1&l=himmelblau&mu=-3&beta=1", &["mu", "beta"]),
        ("v=1&l=himmelblau&mem=0", &["mem"]),
        ("v=1&l=himmelblau&mem=51", &["mem"]),
        ("v=1&l=himmelblau&mem=2.5", &["mem"]),
        ("v=1&l=himmelblau&mem=1e3", &["mem"]),
        ("v=1&l=quadratic2d&p=1,NaN,30", &["p"]),
        ("v=1&l=quadratic2d&p=1,1e9,30", &["p"]),
        ("v=1&l=quadratic2d&p=1,2,3,4,5,6,7,8,9", &["p"]),
        ("v=1&l=quadratic2d&p=1,2,3,4", &["p"]),
        ("v=1&l=quadratic2d&p=1", &["p"]),
        ("v=1&l=himmelblau&view=1,0,0,1", &["view"]),
        ("v=1&l=himmelblau&view=0,1", &["view"]),
        ("v=1&l=himmelblau&m=gd,sgd,<b>", &["m"]),
        ("v=1&l=himmelblau&r=newton", &["r"]),
        ("v=1&l=himmelblau&r=gd", &["r"]),
        ("v=1&l=himmelblau&r=gd_eta-1", &["r"]),
        ("v=1&l=himmelblau&r=gd_eta1_eta2", &["r"]),
        ("v=1&l=himmelblau&r=gd_mu1", &["r"]),
        ("v=1&l=himmelblau&r=momentum_eta0.1", &["r"]),
        ("v=1&l=himmelblau&r=lbfgs_mem0", &["r"]),
        ("v=1&l=himmelblau&r=gd_eta1,gd_eta2,gd_eta3,gd_eta4,gd_eta5", &["r"]),
        ("v=1&l=himmelblau&r=<b>_eta1", &["r"]),
        ("v=1&l=himmelblau&n=99999999999", &["n"]),
        ("v=1&l=himmelblau&n=-4", &["n"]),
        ("v=1&l=himmelblau&scene=<img src=x onerror=alert(1)>", &["scene"]),
        ("v=1&l=himmelblau&lang=e%20s", &["lang"]),
        ("v=1&l=himmelblau&crit=yes", &["crit"]),
        ("v=1&l=himmelblau&embed=2&hide=charts,<b>", &["embed", "hide"]),
        ("v=1&l=himmelblau&present=yes", &["present"]),
        ("v=1&l=himmelblau&onload=alert(1)", &["onload"]),
        ("v=1&l=himmelblau&s=1,2&s=3", &["s"]),
        ("v=1&l=himmelblau&%zz=%", &["%zz"]),
        ("v=1&l=himmel%", &["l"]),
        ("&&&==&=", &[""]),
        ("v=1&l=rosenbrock&s=-1.2,1&eta=0.00", &["eta"]),
        (
            "v=1&l=himmelblau&speed=7&basins=on&open=sweep,<i>",
            &["speed", "basins", "open"],
        ),
        ("v=1&l=himmelblau&speed=1e9", &["speed"]),
        ("v=1&l=himmelblau&cam=0,2,5", &["cam"]),
        ("v=1&l=himmelblau&cam=0,0.5", &["cam"]),
        ("v=1&l=himmelblau&cam=0,0.5,100", &["cam"]),
    ];

    #[test]
    fn hostile_links_load_a_valid_state_and_say_what_was_ignored() {
        for (query, keys) in HOSTILE {
            let (state, ignored) = LinkState::decode(query, fallback(), &RustNumbers);
            for key in *keys {
                let shown = sanitize(key);
                assert!(
                    ignored.iter().any(|i| i.key == shown),
                    "{query}: expected {key} in {ignored:?}"
                );
            }
            // The state is usable: every value passes the checks the core makes.
            assert!(state.hyper.validate().is_ok(), "{query}");
            assert_eq!(state.start.len(), state.preset.dim, "{query}");
            assert!(
                state
                    .preset
                    .build(&state.params, state.function.as_deref(), None, &RustNumbers)
                    .is_ok(),
                "{query}"
            );
            assert!(state.steps <= MAX_STEPS);
            assert!(ignored
                .iter()
                .all(|i| i.key.chars().all(|c| c.is_ascii_alphanumeric() || "_-?…".contains(c))));
        }
        let (state, _) = LinkState::decode("v=1&l=himmelblau&s=1,2&eta=0.02", fallback(), &RustNumbers);
        assert_eq!(
            (state.preset.id, state.start.clone(), state.hyper.eta),
            ("himmelblau", vec![1.0, 2.0], 0.02)
        );
    }

    #[test]
    fn huge_and_odd_inputs_do_not_panic() {
        let long = "x".repeat(100_000);
        let (_, ignored) = LinkState::decode(&long, fallback(), &RustNumbers);
        assert!(ignored.iter().any(|i| i.reason.contains("too long")));
        let multibyte = "l=ñ".repeat(3000);
        LinkState::decode(&multibyte, fallback(), &RustNumbers);
        let mut rng = Rng::new(5);
        for _ in 0..2000 {
            let bytes: Vec<u8> = (0..rng.uniform(0.0, 64.0) as usize)
                .map(|_| rng.uniform(32.0, 127.0) as u8)
                .collect();
            LinkState::decode(&String::from_utf8_lossy(&bytes), fallback(), &RustNumbers);
        }
    }

    #[test]
    fn typed_functions_travel_in_links() {
        let preset = Preset::find("typed2d").expect("exists");
        let mut state = LinkState::defaults(preset);
        state.function = Some("sin(x) * cos(y) + x^2/10".into());
        let link = state.encode(&RustNumbers);
        assert!(link.contains("&f=sin%28x%29+*+cos%28y%29+%2B+x%5E2%2F10&"), "{link}");
        let (back, ignored) = LinkState::decode(&link, fallback(), &RustNumbers);
        assert_eq!(back, state);
        assert!(ignored.is_empty());
        for (query, reason) in [
            ("l=typed2d&f=sin(x", "not a valid function"),
            ("l=typed1d&f=x+y", "not a valid function"),
            ("l=himmelblau&f=x", "only a typed function"),
            ("l=typed2d&f=%3Cscript%3E", "not a valid function"),
        ] {
            let (state, ignored) = LinkState::decode(query, fallback(), &RustNumbers);
            assert_eq!(state.function, None, "{query}");
            assert!(
                ignored.iter().any(|i| i.key == "f" && i.reason.contains(reason)),
                "{query}: {ignored:?}"
            );
        }
    }

    /// What the fuzz target checks (fuzz/fuzz_targets/link_decode.rs), on inputs it found.
    fn decoded_state_round_trips(query: &str) {
        let (state, _) = LinkState::decode(query, fallback(), &RustNumbers);
        let link = state.encode(&RustNumbers);
        let (again, ignored) = LinkState::decode(&link, fallback(), &RustNumbers);
        assert_eq!(again, state, "{link}");
        assert!(ignored.is_empty(), "{link}: {ignored:?}");
    }

    #[test]
    fn extreme_numbers_re_encode_to_links_that_decode() {
        // Found by the fuzzer: 9.9e100 was written with 101 digits, which the decoder refuses.
        decoded_state_round_trips("view=-5,4,-5,99e99&crit");
        decoded_state_round_trips("l=himmelblau&s=1e-300,-4.5e5&eta=1e-300&mu=1e300");
        decoded_state_round_trips("l=quadratic1&view=-1e6,1e6&s=123456789.123456789");
        // A view far from the origin or too narrow is refused (and reported).
        for view in ["view=-5,4,-5,99e99", "view=0,1e-9,0,1", "view=1e7,1e7+1,0,1"] {
            let (state, ignored) = LinkState::decode(view, fallback(), &RustNumbers);
            assert_eq!(state.view, fallback().view, "{view}");
            assert!(ignored.iter().any(|i| i.key == "view"), "{view}");
        }
        assert_eq!(RustNumbers.format(9.9e100), "9.9e100");
        assert_eq!(RustNumbers.format(1e-300), "1e-300");
        assert_eq!(RustNumbers.format(0.001), "0.001");
        assert_eq!(RustNumbers.format(-1.2), "-1.2");
    }
}
