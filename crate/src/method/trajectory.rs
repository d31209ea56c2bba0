//! A run of one method from one start, recorded step by step in flat buffers that the page
//! reads in bulk (one view per buffer, no call per point).

use crate::landscape::{Const, Landscape, Point};
use crate::method::{Counts, Criteria, Method, State, Status};

/// A method's path from a start point: every iterate, its value, its gradient norm and the work
/// done up to it.
pub struct Trajectory<const N: usize> {
    method: Box<dyn Method<Const<N>>>,
    criteria: Criteria,
    state: State<Const<N>>,
    points: Vec<f64>,
    values: Vec<f64>,
    grad_norms: Vec<f64>,
    /// `[values, gradients, hessians, solves]` at each iterate (u32: 16 bytes an iterate).
    counts: Vec<[u32; 4]>,
}

/// A run as it stood at one of its iterations (see [`Trajectory::at`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Snapshot<const N: usize> {
    /// The iteration, `t`.
    pub iteration: usize,
    /// `x_t`.
    pub x: Point<N>,
    /// `E(x_t)`.
    pub value: f64,
    /// `‖∇E(x_t)‖`.
    pub grad_norm: f64,
    /// `‖x_t − x_{t−1}‖` (NaN at `t = 0`).
    pub step: f64,
    /// The work done up to `x_t`.
    pub counts: Counts,
    /// Whether `x_t` is the run's latest iterate (its status is the run's).
    pub latest: bool,
}

impl<const N: usize> Trajectory<N> {
    /// The most steps a trajectory records; past it, [`Trajectory::advance`] does nothing.
    pub const MAX_STEPS: usize = 100_000;

    /// A trajectory of `method` on `landscape` starting at `x0`, with only the start recorded.
    pub fn new(
        method: Box<dyn Method<Const<N>>>,
        landscape: &dyn Landscape<Const<N>>,
        x0: Point<N>,
        criteria: Criteria,
    ) -> Self {
        let state = State::start(landscape, x0, &criteria);
        let mut t = Trajectory {
            method,
            criteria,
            state,
            points: Vec::new(),
            values: Vec::new(),
            grad_norms: Vec::new(),
            counts: Vec::new(),
        };
        t.record();
        t
    }

    fn record(&mut self) {
        self.points.extend(self.state.x.iter());
        self.values.push(self.state.value);
        self.grad_norms.push(self.state.grad_norm());
        let c = self.state.counts;
        let small = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        self.counts
            .push([small(c.values), small(c.gradients), small(c.hessians), small(c.solves)]);
    }

    /// Takes up to `steps` steps, fewer if the run stops; returns how many were taken.
    pub fn advance(&mut self, landscape: &dyn Landscape<Const<N>>, steps: usize) -> usize {
        let mut taken = 0;
        while taken < steps && self.state.status == Status::Running && self.state.iteration < Self::MAX_STEPS {
            let before = self.state.iteration;
            self.state = self.method.step(landscape, self.state, &self.criteria);
            if self.state.iteration > before {
                self.record();
                taken += 1;
            }
        }
        if self.state.status == Status::Running && self.state.iteration >= Self::MAX_STEPS {
            self.state.status = Status::StepLimit;
        }
        taken
    }

    /// The latest state.
    pub fn state(&self) -> &State<Const<N>> {
        &self.state
    }

    /// Whether another step would do anything.
    pub fn is_running(&self) -> bool {
        self.state.status == Status::Running
    }

    /// The length of the last step, `‖x_t − x_{t−1}‖` (NaN before the first step).
    pub fn last_step(&self) -> f64 {
        self.at(usize::MAX).step
    }

    /// The iterates (`N` numbers each) and their values from the start up to iteration `t`.
    pub fn upto(&self, t: usize) -> (&[f64], &[f64]) {
        let n = self.values.len().min(t.saturating_add(1));
        (&self.points[..n * N], &self.values[..n])
    }

    /// The run as it stood at iteration `t` (its latest iterate if `t` is beyond it).
    pub fn at(&self, t: usize) -> Snapshot<N> {
        let t = t.min(self.values.len() - 1);
        let x = Point::<N>::from_column_slice(&self.points[t * N..(t + 1) * N]);
        let step = match t {
            0 => f64::NAN,
            _ => (x - Point::<N>::from_column_slice(&self.points[(t - 1) * N..t * N])).norm(),
        };
        let [values, gradients, hessians, solves] = self.counts[t].map(u64::from);
        Snapshot {
            iteration: t,
            x,
            value: self.values[t],
            grad_norm: self.grad_norms[t],
            step,
            counts: Counts {
                values,
                gradients,
                hessians,
                solves,
            },
            latest: t + 1 == self.values.len(),
        }
    }

    /// Every iterate, `N` numbers each, from the start to the latest.
    pub fn points(&self) -> &[f64] {
        &self.points
    }

    /// `E` at every iterate.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// `‖∇E‖` at every iterate.
    pub fn grad_norms(&self) -> &[f64] {
        &self.grad_norms
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::presets::{Quadratic1, Rosenbrock};
    use crate::method::gradient_descent::GradientDescent;
    use crate::method::newton::Newton;

    #[test]
    fn records_every_iterate_and_stops_when_converged() {
        let l = Quadratic1 { a: 2.0 };
        let mut t = Trajectory::new(Box::new(Newton), &l, Point::<1>::new(3.0), Criteria::default());
        assert_eq!(t.points(), &[3.0]);
        assert!(t.last_step().is_nan());
        assert_eq!(t.advance(&l, 10), 1);
        assert_eq!(t.last_step(), 3.0);
        assert_eq!(t.points().len(), 2);
        assert_eq!(t.values().len(), 2);
        assert_eq!(t.state().status, Status::Converged);
        assert!(!t.is_running());
        assert_eq!(t.advance(&l, 10), 0);
    }

    #[test]
    fn buffers_grow_in_step_with_iterations() {
        let gd = GradientDescent::new(1e-4).expect("valid");
        let mut t = Trajectory::new(
            Box::new(gd),
            &Rosenbrock,
            Point::<2>::new(-1.2, 1.0),
            Criteria::default(),
        );
        assert_eq!(t.advance(&Rosenbrock, 250), 250);
        assert_eq!(t.state().iteration, 250);
        assert_eq!(t.points().len(), 2 * 251);
        assert_eq!(t.grad_norms().len(), 251);
        assert!(t.values()[250] < t.values()[0]);
    }

    #[test]
    fn a_snapshot_is_the_run_as_it_stood() {
        let gd = GradientDescent::new(1e-3).expect("valid");
        let x0 = Point::<2>::new(-1.2, 1.0);
        let mut t = Trajectory::new(Box::new(gd), &Rosenbrock, x0, Criteria::default());
        let mut states = vec![*t.state()];
        for _ in 0..30 {
            t.advance(&Rosenbrock, 1);
            states.push(*t.state());
        }
        for (k, s) in states.iter().enumerate() {
            let snap = t.at(k);
            assert_eq!(
                (snap.iteration, snap.x, snap.value, snap.counts),
                (k, s.x, s.value, s.counts)
            );
            assert_eq!(snap.grad_norm, s.grad_norm());
            assert_eq!(snap.latest, k == 30);
        }
        assert!(t.at(0).step.is_nan());
        assert_eq!(t.at(7).step, (states[7].x - states[6].x).norm());
        assert_eq!(t.at(1000), t.at(30), "beyond the latest: the latest");
        assert_eq!(t.last_step(), t.at(30).step);
    }
}
