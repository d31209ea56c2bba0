//! What the lab's workers ask of a session (lab wasm and native only): random starts from the
//! session's view and methods, and its landscape as a basin kernel.

use crate::analysis::hessian::CriticalKind;
use crate::error::{Error, Why};
use crate::explore::basins::{AsKernel, Kernel};
use crate::explore::starts::{self, Histogram, Outcome};
use crate::landscape::neural;
use crate::method::catalog::METHOD_IDS;
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

impl Session {
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
