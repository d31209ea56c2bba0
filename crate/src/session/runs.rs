//! The runs of a session: a landscape of fixed dimension and one trajectory per method that is
//! on, from one start; and what the page reads off them (typed, see [`crate::session::report`]).

use crate::analysis::critical;
use crate::analysis::hessian::{Analysis, CriticalKind, Regime};
use crate::error::Error;
use crate::landscape::{Landscape, Point};
use crate::method::catalog::{self, Hyper, METHOD_IDS};
use crate::method::newton::newton_direction;
use crate::method::trajectory::Trajectory;
use crate::method::{Criteria, Status};
use crate::picture::chart::Series;
use crate::picture::style::method_style;
use crate::session::report::{AnalysisReport, CriticalReport, Readout};
use crate::share::export::Track;

/// `x` as a point of `N` finite coordinates.
pub fn point<const N: usize>(x: &[f64]) -> Result<Point<N>, Error> {
    match x.get(..N) {
        Some(c) if c.iter().all(|v| v.is_finite()) => Ok(Point::<N>::from_column_slice(c)),
        _ => Err(Error::BadPoint),
    }
}

/// A landscape of dimension `N` with a trajectory per enabled method (indexed as
/// [`METHOD_IDS`]; `None` for a method that is off).
pub struct Runs<const N: usize> {
    /// The landscape.
    pub landscape: Box<dyn Landscape<N>>,
    runs: Vec<Option<Trajectory<N>>>,
    /// What each converged run reached (see [`reached`]), found once when it converged.
    reached: Vec<Option<CriticalKind>>,
}

impl<const N: usize> Runs<N> {
    /// Every enabled method of `enabled` run from `start` on `landscape`, with `hyper`.
    pub fn new(
        landscape: Box<dyn Landscape<N>>,
        start: &[f64],
        hyper: &Hyper,
        enabled: &[bool],
    ) -> Result<Self, Error> {
        let mut runs = Runs {
            landscape,
            runs: Vec::new(),
            reached: Vec::new(),
        };
        runs.restart(start, hyper, enabled)?;
        Ok(runs)
    }

    /// Every enabled method from `start` again (on error nothing changes).
    pub fn restart(&mut self, start: &[f64], hyper: &Hyper, enabled: &[bool]) -> Result<(), Error> {
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
        self.reached = vec![None; runs.len()];
        self.runs = runs;
        self.note_reached();
        Ok(())
    }

    /// Finds what each run that converged since the last call reached.
    fn note_reached(&mut self) {
        for (t, reached) in self.runs.iter().zip(self.reached.iter_mut()) {
            if let (Some(t), None) = (t, &reached) {
                if t.state().status == Status::Converged {
                    *reached = Some(self::reached(self.landscape.as_ref(), &t.state().x));
                }
            }
        }
    }

    /// Method `i`'s run, if it is on.
    pub fn run(&self, i: usize) -> Option<&Trajectory<N>> {
        self.runs.get(i)?.as_ref()
    }

    /// Up to `steps` more steps of every run; whether any still runs.
    pub fn step(&mut self, steps: usize) -> bool {
        let l = self.landscape.as_ref();
        let mut running = false;
        for t in self.runs.iter_mut().flatten() {
            t.advance(l, steps);
            running |= t.is_running();
        }
        self.note_reached();
        running
    }

    /// The most steps any run has taken.
    pub fn steps_taken(&self) -> usize {
        self.runs
            .iter()
            .flatten()
            .map(|t| t.state().iteration)
            .max()
            .unwrap_or(0)
    }

    /// Where method `i` stands.
    pub fn readout(&self, i: usize, shown: usize) -> Option<Readout> {
        let t = self.run(i)?;
        let s = t.at(shown);
        let status = self.status(i, shown)?;
        let curvature = Analysis::at(self.landscape.as_ref(), &s.x).kind;
        // Newton follows H: where H is not positive definite it heads for a saddle or a maximum.
        let newton = METHOD_IDS[i] == "newton";
        let misled = matches!(curvature, CriticalKind::Saddle | CriticalKind::Maximum);
        Some(Readout {
            iteration: s.iteration,
            step: s.step,
            curvature,
            value: s.value,
            grad_norm: s.grad_norm,
            x: s.x[0],
            y: if N > 1 { s.x[N - 1] } else { f64::NAN },
            counts: s.counts,
            status,
            reached: self.reached.get(i).copied().flatten().filter(|_| s.latest),
            heading: (newton && misled && status == Status::Running).then_some(curvature),
        })
    }

    /// How method `i`'s run stood at iteration `shown` (`None` when it is off): going on before
    /// its latest iterate, its status there.
    pub fn status(&self, i: usize, shown: usize) -> Option<Status> {
        let t = self.run(i)?;
        Some(if t.at(shown).latest {
            t.state().status
        } else {
            Status::Running
        })
    }

    /// The series of every enabled method for a chart of `E` (`grad == false`) or `‖∇E‖`, with
    /// the legend `labels` (in method order) and each method's style.
    pub fn series<'a>(&'a self, grad: bool, labels: &'a [String]) -> Vec<Series<'a>> {
        (0..self.runs.len())
            .filter_map(|i| {
                let t = self.run(i)?;
                Some(Series {
                    label: labels.get(i).map_or("", String::as_str),
                    style: method_style(i),
                    ys: if grad { t.grad_norms() } else { t.values() },
                })
            })
            .collect()
    }

    /// Every enabled run's buffers, for the CSV export.
    pub fn tracks(&self) -> Vec<Track<'_>> {
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

    /// The critical points in the box `[lo, hi]`, found from `seeds` seeds per side.
    pub fn critical(&self, lo: &[f64], hi: &[f64], seeds: usize) -> Result<Vec<CriticalReport>, Error> {
        let (lo, hi) = (point::<N>(lo)?, point::<N>(hi)?);
        Ok(critical::find(self.landscape.as_ref(), lo, hi, seeds)
            .iter()
            .map(|p| CriticalReport {
                x: p.x[0],
                y: if N > 1 { p.x[1] } else { f64::NAN },
                value: p.value,
                kind: p.kind,
                global: p.global,
            })
            .collect())
    }

    /// `[E, ‖∇E‖]` at `x`.
    pub fn probe(&self, x: &[f64]) -> Result<[f64; 2], Error> {
        let x = point::<N>(x)?;
        Ok([self.landscape.value(&x), self.landscape.gradient(&x).norm()])
    }

    /// The second-order picture at `x`, with the 1-D regime of gradient descent's `eta`.
    pub fn analysis(&self, x: &[f64], eta: f64) -> Result<AnalysisReport, Error> {
        let x = point::<N>(x)?;
        let a = Analysis::at(self.landscape.as_ref(), &x);
        let one_d = N == 1;
        let at_critical = self.landscape.gradient(&x).norm() <= Criteria::default().grad_tol;
        Ok(AnalysisReport {
            critical: at_critical.then(|| reached(self.landscape.as_ref(), &x)),
            eigenvalues: a.eigenvalues.clone(),
            eigenvectors: a.eigenvectors.concat(),
            lambda_max: a.lambda_max,
            stability_bound: a.stability_bound,
            eta_opt: a.eta_opt,
            error_factor: one_d.then(|| Regime::error_factor(eta, a.lambda_max)),
            eta_ratio: one_d.then_some(eta * a.lambda_max),
            newton_target: newton_direction(&self.landscape.hessian(&x), &self.landscape.gradient(&x))
                .map(|v| (x + v).iter().copied().collect()),
            kind: a.kind,
            regime: one_d.then(|| Regime::of(eta, a.lambda_max)),
        })
    }
}

/// What a point where `∇E` vanished is: the kind of the critical point there (within a
/// hundredth of `max(1, ‖x‖)`), or [`CriticalKind::Flat`] when none is near.
fn reached<const N: usize>(landscape: &dyn Landscape<N>, x: &Point<N>) -> CriticalKind {
    critical::critical_near(landscape, x, 1e-2 * x.norm().max(1.0)).map_or(CriticalKind::Flat, |(_, kind)| kind)
}
