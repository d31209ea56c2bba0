//! A run of one method from one start, recorded step by step in flat buffers that the page
//! reads in bulk (one view per buffer, no call per point).

use crate::landscape::{Landscape, Point};
use crate::method::{Criteria, Method, State, Status};

/// A method's path from a start point: every iterate, its value and its gradient norm.
pub struct Trajectory<const N: usize> {
    method: Box<dyn Method<N>>,
    criteria: Criteria,
    state: State<N>,
    points: Vec<f64>,
    values: Vec<f64>,
    grad_norms: Vec<f64>,
}

impl<const N: usize> Trajectory<N> {
    /// The most steps a trajectory records; past it, [`Trajectory::advance`] does nothing.
    pub const MAX_STEPS: usize = 100_000;

    /// A trajectory of `method` on `landscape` starting at `x0`, with only the start recorded.
    pub fn new(method: Box<dyn Method<N>>, landscape: &dyn Landscape<N>, x0: Point<N>, criteria: Criteria) -> Self {
        let state = State::start(landscape, x0, &criteria);
        let mut t = Trajectory {
            method,
            criteria,
            state,
            points: Vec::new(),
            values: Vec::new(),
            grad_norms: Vec::new(),
        };
        t.record();
        t
    }

    fn record(&mut self) {
        self.points.extend(self.state.x.iter());
        self.values.push(self.state.value);
        self.grad_norms.push(self.state.grad_norm());
    }

    /// Takes up to `steps` steps, fewer if the run stops; returns how many were taken.
    pub fn advance(&mut self, landscape: &dyn Landscape<N>, steps: usize) -> usize {
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
    pub fn state(&self) -> &State<N> {
        &self.state
    }

    /// Whether another step would do anything.
    pub fn is_running(&self) -> bool {
        self.state.status == Status::Running
    }

    /// The length of the last step, `‖x_t − x_{t−1}‖` (NaN before the first step).
    pub fn last_step(&self) -> f64 {
        let n = self.points.len();
        if n < 2 * N {
            return f64::NAN;
        }
        let (prev, last) = self.points[n - 2 * N..].split_at(N);
        prev.iter()
            .zip(last)
            .map(|(a, b)| (b - a) * (b - a))
            .sum::<f64>()
            .sqrt()
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
}
