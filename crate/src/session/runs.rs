//! The runs of a session: a landscape of fixed dimension and one trajectory per method that is
//! on, from one start; and what the page reads off them (typed, see [`crate::session::report`]).

use crate::analysis::critical;
use crate::analysis::hessian::{Analysis, CriticalKind, Regime};
use crate::error::Error;
use crate::landscape::{Const, Landscape, Point};
use crate::method::catalog::{self, Hyper, OwnRun, METHOD_IDS};
use crate::method::newton::newton_direction;
use crate::method::trajectory::Trajectory;
use crate::method::{Criteria, Status};
use crate::picture::chart::Series;
use crate::picture::style::{method_style, own_style, MethodStyle};
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
/// [`METHOD_IDS`]; `None` for a method that is off), then one per run of its own.
pub struct Runs<const N: usize> {
    /// The landscape.
    pub landscape: Box<dyn Landscape<Const<N>>>,
    runs: Vec<Option<Trajectory<N>>>,
    /// Each run's method (its index in [`METHOD_IDS`]) and style.
    drawn: Vec<(usize, MethodStyle)>,
    /// What each converged run reached (see [`reached`]), found once when it converged.
    reached: Vec<Option<CriticalKind>>,
}

impl<const N: usize> Runs<N> {
    /// Every enabled method of `enabled` run from `start` on `landscape`, with `hyper`, then
    /// the runs of their own `own`.
    pub fn new(
        landscape: Box<dyn Landscape<Const<N>>>,
        start: &[f64],
        hyper: &Hyper,
        enabled: &[bool],
        own: &[OwnRun],
    ) -> Result<Self, Error> {
        let mut runs = Runs {
            landscape,
            runs: Vec::new(),
            drawn: Vec::new(),
            reached: Vec::new(),
        };
        runs.restart(start, hyper, enabled, own)?;
        Ok(runs)
    }

    /// Every enabled method and every run of its own from `start` again (on error nothing
    /// changes).
    pub fn restart(&mut self, start: &[f64], hyper: &Hyper, enabled: &[bool], own: &[OwnRun]) -> Result<(), Error> {
        let x0 = point::<N>(start)?;
        let l = self.landscape.as_ref();
        let mut runs = Vec::with_capacity(METHOD_IDS.len() + own.len());
        let mut add = |id: &str, h: &Hyper, on: bool| -> Result<(), Error> {
            let method = if on {
                Some(catalog::build::<Const<N>>(id, h)?)
            } else {
                None
            };
            runs.push(method.map(|m| Trajectory::new(m, l, x0, Criteria::default())));
            Ok(())
        };
        for (i, id) in METHOD_IDS.iter().enumerate() {
            add(id, hyper, enabled.get(i) == Some(&true))?;
        }
        for r in own {
            add(r.method, &r.hyper, true)?;
        }
        let drawn = styles(own);
        self.reached = vec![None; runs.len()];
        self.drawn = drawn;
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

    /// Run `i` (method `i` of [`METHOD_IDS`], then the runs of their own), if it is on.
    pub fn run(&self, i: usize) -> Option<&Trajectory<N>> {
        self.runs.get(i)?.as_ref()
    }

    /// How many runs there are, on or off: the methods, then the runs of their own.
    pub fn len(&self) -> usize {
        self.runs.len()
    }

    /// Whether there are no runs (never: every method has a place, on or off).
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Run `i`'s style (a method's style past the end).
    pub fn style(&self, i: usize) -> &MethodStyle {
        self.drawn.get(i).map_or_else(|| method_style(i), |d| &d.1)
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
        let newton = self.drawn.get(i).is_some_and(|d| METHOD_IDS[d.0] == "newton");
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

    /// The series of every run that is on for a chart of `E` (`grad == false`) or `‖∇E‖`, with
    /// the legend `labels` (in run order) and each run's style.
    pub fn series<'a>(&'a self, grad: bool, labels: &'a [String]) -> Vec<Series<'a>> {
        (0..self.runs.len())
            .filter_map(|i| {
                let t = self.run(i)?;
                Some(Series {
                    label: labels.get(i).map_or("", String::as_str),
                    style: self.style(i),
                    ys: if grad { t.grad_norms() } else { t.values() },
                })
            })
            .collect()
    }

    /// Every run's buffers that is on, for the CSV export, named by `names` (in run order).
    pub fn tracks<'a>(&'a self, names: &'a [String]) -> Vec<Track<'a>> {
        (0..self.runs.len())
            .filter_map(|i| {
                let t = self.run(i)?;
                Some(Track {
                    method: names.get(i).map_or("", String::as_str),
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

/// Each run's method (its index in [`METHOD_IDS`]) and style: the methods', then the runs of
/// their own `own`.
fn styles(own: &[OwnRun]) -> Vec<(usize, MethodStyle)> {
    let mut drawn: Vec<(usize, MethodStyle)> = (0..METHOD_IDS.len()).map(|i| (i, *method_style(i))).collect();
    for (j, r) in own.iter().enumerate() {
        let i = METHOD_IDS.iter().position(|m| *m == r.method).unwrap_or(0);
        drawn.push((i, own_style(j, i)));
    }
    drawn
}

/// What a point where `∇E` vanished is: the kind of the critical point there (within a
/// hundredth of `max(1, ‖x‖)`), or [`CriticalKind::Flat`] when none is near.
fn reached<const N: usize>(landscape: &dyn Landscape<Const<N>>, x: &Point<N>) -> CriticalKind {
    critical::critical_near(landscape, x, 1e-2 * x.norm().max(1.0)).map_or(CriticalKind::Flat, |(_, kind)| kind)
}
