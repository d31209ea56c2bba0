//! What the lab asks of a session (lab wasm and native only): random starts from the session's
//! view and methods, its landscape as a basin kernel, and the learning-rate sweep from its start.

use crate::analysis::hessian::CriticalKind;
use crate::error::{Error, Why};
use crate::explore::basins::{self, AsKernel, BasinMethod, Budget, Kernel};
use crate::explore::momentum;
use crate::explore::network::Setup;
use crate::explore::starts::{self, Histogram, Outcome};
use crate::explore::sweep::{self, SweepPoint};
use crate::landscape::{neural, Point};
use crate::method::catalog::METHOD_IDS;
use crate::picture::basin_colours::{self, Entry};
use crate::picture::figure::Figure;
use crate::picture::grid::View;
use crate::picture::style::method_style;
use crate::session::runs::point;
use crate::session::wire;
use crate::session::words::{Arg, Words};
use crate::session::{AnyRuns, Session};

/// Random starts: where each enabled method's run from every start ended, and their histogram.
#[derive(Debug, Clone, PartialEq)]
pub struct StartsReport {
    /// Per enabled method: its index in [`METHOD_IDS`] and its runs' ends.
    pub runs: Vec<(usize, Vec<Outcome>)>,
    /// The histogram of `E − E*`, one tally per enabled method in the same order.
    pub histogram: Histogram,
}

/// One method's row of random starts, as [`StartsReport::wire`] encodes it.
#[derive(Debug, Clone, PartialEq)]
pub struct StartsRow {
    /// The method's index in [`METHOD_IDS`].
    pub method: usize,
    /// Runs that ended at a global minimum.
    pub global: usize,
    /// Runs that diverged.
    pub diverged: usize,
    /// Runs whose last `E` is not finite (apart from the bins).
    pub unbounded: usize,
    /// Runs in all.
    pub runs: usize,
    /// The bins' counts.
    pub counts: Vec<f64>,
}

/// Numbers before the rows of a histogram on the wire: `[E*, lo, hi, bins]`.
const HEAD: usize = 4;
/// Numbers of a row before its bins: `[method, global, diverged, non-finite, runs]`.
const ROW_HEAD: usize = 5;

impl StartsReport {
    /// The report on the wire: where every run ended, `[method index, x, y, final E, status
    /// code]` each (see [`crate::session::wire::start_ends`]); and the histogram, `[E*, lo, hi, bins]` then per
    /// method `[method index, runs at a global minimum, diverged, non-finite E, runs, bin
    /// counts…]` (bins of `log₁₀(E − E*)` from `10^lo` to `10^hi`; see [`starts_rows`]).
    pub fn wire(&self) -> [Vec<f64>; 2] {
        let mut runs = Vec::new();
        for (i, outcomes) in &self.runs {
            for o in outcomes {
                runs.extend([*i as f64, o.x[0], o.x[1], o.value, f64::from(o.status.code())]);
            }
        }
        let h = &self.histogram;
        let bins = h.tallies.first().map_or(0, |t| t.counts.len());
        let mut histogram = vec![h.lowest, f64::from(h.lo), f64::from(h.hi), bins as f64];
        for ((i, outcomes), t) in self.runs.iter().zip(&h.tallies) {
            let counts = [t.global, t.diverged, t.unbounded, outcomes.len()];
            histogram.extend(std::iter::once(*i as f64).chain(counts.map(|c| c as f64)));
            histogram.extend(t.counts.iter().map(|&c| c as f64));
        }
        [runs, histogram]
    }
}

/// A histogram from the wire ([`StartsReport::wire`]): `lo`, `hi` and the methods' rows (a
/// malformed one: none).
pub fn starts_rows(histogram: &[f64]) -> (i32, i32, Vec<StartsRow>) {
    let &[_, lo, hi, bins, ..] = histogram else {
        return (0, 1, Vec::new());
    };
    let bins = if (0.0..=1000.0).contains(&bins) {
        bins as usize
    } else {
        0
    };
    let count = |v: f64| if v >= 0.0 { v as usize } else { 0 };
    let rows = (histogram[HEAD..].chunks_exact(ROW_HEAD + bins))
        .map(|r| StartsRow {
            method: count(r[0]),
            global: count(r[1]),
            diverged: count(r[2]),
            unbounded: count(r[3]),
            runs: count(r[4]),
            counts: r[ROW_HEAD..].to_vec(),
        })
        .collect();
    (lo as i32, hi as i32, rows)
}

/// The histogram's figure: a row of bars per method, labelled `labels[method]` in the method's
/// colour, over the log bins of `E − E*` (`title` names the axis).
pub fn starts_figure(histogram: &[f64], labels: &[String], title: &str) -> Figure {
    let (lo, hi, rows) = starts_rows(histogram);
    let rows: Vec<(String, u32, Vec<f64>, usize)> = rows
        .into_iter()
        .map(|r| {
            let label = labels.get(r.method).cloned().unwrap_or_default();
            // (The network's methods, SGD too: the catalog's first, in the same order.)
            let rgb = crate::explore::network::method_at(r.method)
                .map_or(method_style(r.method).rgb, |id| crate::explore::network::style(id).rgb);
            (label, rgb, r.counts, r.unbounded)
        })
        .collect();
    starts::figure(&rows, lo, hi, title)
}

/// The basin maps' legend for the critical points `points` (as `wire::critical_points`
/// encodes them), in the page's words: `[colour (#rrggbb), what it means]` per entry: each
/// minimum numbered with where it is, the other kinds, then starts that diverged and those
/// that reached no critical point.
pub fn basin_legend(points: &[f64], w: &dyn Words) -> Vec<String> {
    let at = |i: usize| w.number(points.get(i).copied().unwrap_or(f64::NAN));
    (basin_colours::legend(&wire::kinds(points)).into_iter())
        .flat_map(|(rgb, entry)| {
            let say = |key: &str| w.say(&[key], &[]);
            let text = match entry {
                Entry::Minimum { n, index } => {
                    let (x, y) = (at(wire::CRITICAL_LEN * index), at(wire::CRITICAL_LEN * index + 1));
                    w.say(&["basinMinimum"], &[Arg::Count(n), Arg::Text(x), Arg::Text(y)])
                }
                Entry::Kind(CriticalKind::Saddle) => say("basinSaddle"),
                Entry::Kind(CriticalKind::Maximum) => say("basinMaximum"),
                Entry::Kind(_) => say("basinDegenerate"),
                Entry::Diverged => say("basinDiverged"),
                Entry::Unreached => say("basinNone"),
            };
            [format!("#{rgb:06x}"), text]
        })
        .collect()
}

/// What the summary lines say per method: `[method index, runs at a global minimum, runs,
/// diverged, runs tallied (in the bins or non-finite)]` each.
pub fn starts_tallies(histogram: &[f64]) -> Vec<f64> {
    (starts_rows(histogram).2.iter())
        .flat_map(|r| {
            let tallied = r.counts.iter().sum::<f64>() + r.unbounded as f64;
            [
                r.method as f64,
                r.global as f64,
                r.runs as f64,
                r.diverged as f64,
                tallied,
            ]
        })
        .collect()
}

/// The learning-rate sweep: its figure, the first η that diverged, and the range it covers
/// around the stability bound at the start.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepView {
    /// Steps to converge and final E against η, with `2/λ_max` and `η_opt` as rules.
    pub figure: Figure,
    /// The smallest η of the sweep whose run diverged.
    pub first_diverging: Option<f64>,
    /// `2/λ_max` at the start (where `λ_max > 0`).
    pub bound: Option<f64>,
    /// The η range, `[lo, hi]`.
    pub range: (f64, f64),
}

/// Momentum analysed at the session's start (see [`momentum`]).
#[derive(Debug, Clone, PartialEq)]
pub struct MomentumView {
    /// The rate over `(η, β)` for H at the start, then, on a positive-definite quadratic, the
    /// errors of GD and momentum split along H's eigenvectors.
    pub figures: Vec<Figure>,
    /// `[rate at (η, β), GD's rate at η, η*, β*, the best rate, GD's best rate, 1 if the split
    /// is shown (a positive-definite quadratic) else 0, λ_min, λ_max]` (NaN: none).
    pub numbers: [f64; 9],
}

impl Session {
    /// [`MomentumView`] at the start for the session's `η` and `β`, runs of at most `steps`;
    /// `labels`: η, β, the optimum's and the current point's labels, iteration, error.
    pub fn momentum_view(&self, steps: usize, labels: [&str; 6]) -> Result<MomentumView, Error> {
        let start = self.start();
        let eigenvalues = self.analysis_at(start)?.eigenvalues;
        let hyper = self.hyper();
        let at = (hyper.eta, hyper.beta);
        let split = match &self.runs {
            AnyRuns::One(r) => momentum::split(r.landscape.as_ref(), point::<1>(start)?, at, steps),
            AnyRuns::Two(r) => momentum::split(r.landscape.as_ref(), point::<2>(start)?, at, steps),
        };
        let mut figures = vec![momentum::rate_figure(
            &eigenvalues,
            at,
            [labels[0], labels[1], labels[2], labels[3]],
        )];
        if let Some(s) = &split {
            figures.push(momentum::split_figure(s, at, [labels[4], labels[5]]));
        }
        let best = momentum::optimum(&eigenvalues);
        let pick = |f: fn(&momentum::Optimum) -> f64| best.as_ref().map_or(f64::NAN, f);
        let (lo, hi) = (eigenvalues.first(), eigenvalues.last());
        Ok(MomentumView {
            figures,
            numbers: [
                momentum::rate(at.0, at.1, &eigenvalues),
                momentum::rate(at.0, 0.0, &eigenvalues),
                pick(|o| o.eta),
                pick(|o| o.beta),
                pick(|o| o.rate),
                pick(|o| o.gd_rate),
                if split.is_some() { 1.0 } else { 0.0 },
                lo.copied().unwrap_or(f64::NAN),
                hi.copied().unwrap_or(f64::NAN),
            ],
        })
    }

    /// GD from the start for `count` η on a log grid from `2/λ_max / 10⁴` to `10 · 2/λ_max`
    /// there (`[10⁻⁵, 10]` where `λ_max ≤ 0`), at most `steps` steps each; `text`: the figure's
    /// titles, the 1-D factor's note and the note when no run converged.
    pub fn sweep_view(&self, count: usize, steps: usize, text: [&str; 4]) -> Result<SweepView, Error> {
        let a = self.analysis_at(self.start()).ok();
        let bound = a
            .as_ref()
            .and_then(|a| a.stability_bound)
            .filter(|b| b.is_finite() && *b > 0.0);
        let (lo, hi) = bound.map_or((1e-5, 10.0), |b| (b / 1e4, b * 10.0));
        let rows = self.eta_sweep(lo, hi, count, steps)?;
        let (runs, factors): (Vec<SweepPoint>, Vec<f64>) = rows.iter().map(|r| (r.run, r.factor)).unzip();
        let eta_opt = a.and_then(|a| a.eta_opt);
        Ok(SweepView {
            figure: sweep::figure(&runs, &factors, lo, hi, [bound, eta_opt, Some(self.hyper().eta)], text),
            first_diverging: sweep::first_diverging(&runs),
            bound,
            range: (lo, hi),
        })
    }

    /// [`Session::random_starts`] over `view`, which becomes the session's view (2-D only).
    pub fn random_starts_over(
        &mut self,
        view: &[f64],
        seed: u64,
        (n, steps): (usize, usize),
        seeds: usize,
        bins: usize,
    ) -> Result<StartsReport, Error> {
        if self.dim() != 2 {
            return Err(Error::NotHere(Why::RandomStarts2d));
        }
        self.set_view(view)?;
        self.random_starts(seed, n, steps, seeds, bins)
    }

    /// Basin labels of rows `rows.0..rows.1` of an `nx × ny` map of `view` (`[x_min, x_max,
    /// y_min, y_max]`, rows from the top): for each pixel's start, the index in `critical`
    /// (`[x₀, y₀, x₁, y₁, …]`) of the critical point `method` reaches within `steps` steps
    /// (`"gd"` with η = `param`, `"newton"`, `"damped-newton"`, `"lm"` with μ = `param`,
    /// `"saddle-free"`; a run stops early once `‖∇E‖ < tol`, 0 runs every step), 254 if it
    /// diverged, 255 if it reached none. 2-D landscapes only.
    #[allow(clippy::too_many_arguments)] // one chunk of one map
    pub fn basin_rows(
        &self,
        view: &[f64],
        (nx, ny): (usize, usize),
        (row0, row1): (usize, usize),
        (method, param): (&str, f64),
        steps: usize,
        tol: f64,
        critical: &[f64],
    ) -> Result<Vec<u8>, Error> {
        let view = View::new(view)?;
        if !(1..=2048).contains(&nx) || !(1..=2048).contains(&ny) {
            return Err(Error::BadGrid);
        }
        let method = BasinMethod::named(method, param)?;
        let budget = Budget::for_view(steps, tol, &view)?;
        let points: Vec<Point<2>> = critical.chunks_exact(2).map(|c| Point::<2>::new(c[0], c[1])).collect();
        let mut out = Vec::with_capacity(nx * row1.saturating_sub(row0).min(ny));
        // The kernel is compiled per landscape: the session builds its landscape as one.
        let kernel = self.kernel()?;
        basins::rows(
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

    /// The basin kernel timed (the benchmark's): a whole `n × n` map of the view (see
    /// [`Session::basin_rows`]) computed `runs` times after a warm-up, each timed on `clock`
    /// (milliseconds): `[sum of the labels (a checksum), ms of each run…]`.
    #[allow(clippy::too_many_arguments)] // the map's numbers, as `basin_rows` takes them
    pub fn basin_kernel(
        &self,
        n: usize,
        method: (&str, f64),
        steps: usize,
        tol: f64,
        critical: &[f64],
        runs: usize,
        clock: &mut dyn FnMut() -> f64,
    ) -> Result<Vec<f64>, Error> {
        let view = self.view();
        let run = || self.basin_rows(&view, (n, n), (0, n), method, steps, tol, critical);
        let sum = |labels: Vec<u8>| labels.iter().map(|&l| f64::from(l)).sum::<f64>();
        let mut out = vec![sum(run()?)]; // warm-up
        for _ in 0..runs.clamp(1, 100) {
            let t0 = clock();
            out[0] = sum(run()?);
            out.push(clock() - t0);
        }
        Ok(out)
    }

    /// `n` random starts over the view from `seed` (reproducible), every enabled method run from
    /// each for at most `steps` steps (capped at 10,000); `E*` is the lowest minimum a
    /// critical-point search with `seeds` seeds per side finds in the view; `bins` (1–200)
    /// histogram bins.
    pub fn random_starts(
        &self,
        seed: u64,
        n: usize,
        steps: usize,
        seeds: usize,
        bins: usize,
    ) -> Result<StartsReport, Error> {
        let AnyRuns::Two(r) = self.runs() else {
            return Err(Error::NotHere(Why::RandomStarts2d));
        };
        let points = starts::random_points(seed, n, View::new(&self.view())?);
        let mut runs = Vec::new();
        for (i, id) in METHOD_IDS.iter().enumerate() {
            if self.enabled(i) {
                let outcomes = starts::run(r.landscape.as_ref(), &points, id, &self.hyper(), steps.min(10_000))?;
                runs.push((i, outcomes));
            }
        }
        let lowest = self
            .critical_points(seeds)?
            .iter()
            .filter(|c| c.kind == CriticalKind::Minimum)
            .map(|c| c.value)
            .reduce(f64::min);
        let groups: Vec<Vec<Outcome>> = runs.iter().map(|(_, o)| o.clone()).collect();
        let histogram = starts::histogram(&groups, lowest, bins.clamp(1, 200));
        Ok(StartsReport { runs, histogram })
    }

    /// The 2-D landscape as a basin kernel (compiled per landscape).
    pub fn kernel(&self) -> Result<Box<dyn Kernel<2>>, Error> {
        let config = &self.config;
        let points = config.points.as_deref().and_then(neural::parse_points);
        config
            .preset
            .build_as(
                &config.params,
                config.function.as_deref(),
                points.as_deref(),
                self.numbers,
                AsKernel,
            )?
            .ok_or(Error::NotHere(Why::Basins2d))
    }
}

/// The network panel's setup (lab and native).
impl Session {
    /// What the network panel trains.
    pub fn network(&self) -> &Setup {
        &self.config.network
    }

    /// Sets field `key` (one of `explore::network::FIELDS`) of the network's setup from `value`
    /// as the page writes it (a decimal comma in Spanish); on error nothing changes.
    pub fn set_network(&mut self, key: &str, value: &str) -> Result<(), Error> {
        let numbers = self.numbers;
        let number = |t: &str| crate::share::link::number(numbers, t);
        self.config.network = self.config.network.with(key, value, &number)?;
        Ok(())
    }

    /// The network's methods run from `count` starts (`explore::network::many`), on the wire
    /// (`explore::network::many_wire`, `bins` bins of the histogram).
    pub fn network_starts(&self, count: usize, bins: usize) -> Result<[Vec<f64>; 2], Error> {
        let setup = &self.config.network;
        let ends = crate::explore::network::many(setup, count)?;
        Ok(crate::explore::network::many_wire(setup, &ends, bins.clamp(1, 200)))
    }

    /// The network trained by each of its methods (`explore::network::train`), as numbers
    /// (`Report::wire`): what a lab worker trains and hands the page, whose figures adopt it.
    pub fn network_report(&self) -> Result<Vec<f64>, Error> {
        Ok(crate::explore::network::train(&self.config.network)?.wire())
    }

    /// Seconds per step of each of the network's methods at its start, timed on `clock`
    /// (seconds; `explore::network::step_times`), on the wire: `[N, then per method its index
    /// in `explore::network::method_ids` and its seconds]`.
    pub fn network_step_times(&self, clock: &mut dyn FnMut() -> f64) -> Result<Vec<f64>, Error> {
        let setup = &self.config.network;
        let times = crate::explore::network::step_times(setup, clock)?;
        let index = |id: &str| crate::explore::network::method_index(id) as f64;
        let n = setup.training().dimension() as f64;
        let rows = setup.methods.iter().zip(times).flat_map(|(id, t)| [index(id), t]);
        Ok(std::iter::once(n).chain(rows).collect())
    }

    /// The network's setup as its link token (`net=`), the same in every language: what the
    /// page keys its trained runs, starts and times by.
    pub fn network_token(&self) -> String {
        self.config.network.token(|x| self.numbers.format(x))
    }

    /// The network's fields as the page shows them (`explore::network::FIELDS`' order).
    pub fn network_fields(&self) -> Vec<String> {
        let comma = self.decimal_comma();
        let format = |x: f64| {
            let text = self.numbers.format(x);
            if comma {
                text.replace('.', ",")
            } else {
                text
            }
        };
        self.config.network.fields(&format)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::words::Keys;

    #[test]
    fn the_basin_legend_numbers_minima_with_where_they_are_and_ends_with_diverged_and_none() {
        let minimum = f64::from(CriticalKind::Minimum.code());
        let saddle = f64::from(CriticalKind::Saddle.code());
        let points = [
            1.0, 1.5, 0.0, minimum, 1.0, 0.0, 0.0, 1.0, saddle, 0.0, -2.0, 2.0, 0.0, minimum, 1.0,
        ];
        let legend = basin_legend(&points, &Keys);
        let texts: Vec<&str> = legend.iter().skip(1).step_by(2).map(String::as_str).collect();
        assert_eq!(
            texts,
            [
                "basinMinimum(1, 1, 1.5)",
                "basinSaddle",
                "basinMinimum(2, -2, 2)",
                "basinDiverged",
                "basinNone"
            ]
        );
        assert!(
            legend.iter().step_by(2).all(|c| c.len() == 7 && c.starts_with('#')),
            "{legend:?}"
        );
    }
}
