//! What the lab asks of a session (lab wasm and native only): random starts from the session's
//! view and methods, its landscape as a basin kernel, and the learning-rate sweep from its start.

use crate::analysis::hessian::CriticalKind;
use crate::error::{Error, Why};
use crate::explore::basins::{AsKernel, Kernel};
use crate::explore::starts::{self, Histogram, Outcome};
use crate::explore::sweep::{self, SweepPoint};
use crate::landscape::neural;
use crate::method::catalog::METHOD_IDS;
use crate::picture::figure::Figure;
use crate::picture::grid::View;
use crate::session::{AnyRuns, Session};

/// Random starts: where each enabled method's run from every start ended, and their histogram.
#[derive(Debug, Clone, PartialEq)]
pub struct StartsReport {
    /// Per enabled method: its index in [`METHOD_IDS`] and its runs' ends.
    pub runs: Vec<(usize, Vec<Outcome>)>,
    /// The histogram of `E − E*`, one tally per enabled method in the same order.
    pub histogram: Histogram,
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

impl Session {
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
