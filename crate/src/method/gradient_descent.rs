//! Gradient descent with a fixed learning rate.

use crate::error::{check_param, Error};
use crate::landscape::{Allocator, DefaultAllocator, Dim, Landscape};
use crate::method::{Criteria, Method, State, Status};

/// Gradient descent: `x_{t+1} = x_t − η ∇E(x_t)`.
///
/// Requires only the gradient. On a quadratic with Hessian `H` it converges for
/// `0 < η < 2/λ_max(H)` and diverges above; in 1-D, `η = 1/E''` lands on the minimum in one step.
/// Reference: Y. LeCun, L. Bottou, G. Orr, K.-R. Müller, "Efficient BackProp" (1998), §5.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GradientDescent {
    eta: f64,
}

impl GradientDescent {
    /// Largest learning rate accepted.
    pub const MAX_ETA: f64 = 1e6;

    /// Gradient descent with learning rate `eta`, which must be finite and in `(0, 1e6]`.
    pub fn new(eta: f64) -> Result<Self, Error> {
        let eta = check_param("eta", eta, f64::MIN_POSITIVE, Self::MAX_ETA)?;
        Ok(GradientDescent { eta })
    }

    /// The learning rate `η`.
    pub fn eta(&self) -> f64 {
        self.eta
    }
}

impl<D: Dim> Method<D> for GradientDescent
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    fn step(&mut self, landscape: &dyn Landscape<D>, state: State<D>, criteria: &Criteria) -> State<D> {
        if state.status != Status::Running {
            return state;
        }
        let next = &state.x - self.eta * &state.gradient;
        state.stepped_to(landscape, next, criteria)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::presets::{Quadratic1, Quadratic2};
    use crate::landscape::{Const, Point};

    fn run<const N: usize>(l: &dyn Landscape<Const<N>>, eta: f64, x0: Point<N>, steps: usize) -> State<Const<N>> {
        let criteria = Criteria::default();
        let mut gd = GradientDescent::new(eta).expect("valid eta");
        let mut s = State::start(l, x0, &criteria);
        for _ in 0..steps {
            s = gd.step(l, s, &criteria);
        }
        s
    }

    #[test]
    fn eta_one_over_a_reaches_the_minimum_in_one_step() {
        for a in [0.5, 1.0, 3.0, 17.0, 250.0] {
            let s = run(&Quadratic1 { a }, 1.0 / a, Point::<1>::new(2.7), 1);
            assert_eq!(s.iteration, 1);
            assert!(s.x[0].abs() < 1e-12, "a={a}: x={}", s.x[0]);
            assert_eq!(s.status, Status::Converged, "a={a}");
        }
    }

    #[test]
    fn stability_bound_is_two_over_lambda_max() {
        let l = Quadratic2::new(1.0, 10.0, 0.5);
        let bound = 2.0 / 10.0;
        let below = run(&l, bound * 0.98, Point::<2>::new(-4.0, 3.0), 5000);
        assert_eq!(below.status, Status::Converged);
        let above = run(&l, bound * 1.02, Point::<2>::new(-4.0, 3.0), 5000);
        assert_eq!(above.status, Status::Diverged);
    }

    #[test]
    fn rejects_bad_learning_rates() {
        for eta in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e7] {
            assert!(GradientDescent::new(eta).is_err(), "{eta}");
        }
    }

    #[test]
    fn a_stopped_run_does_not_move() {
        let s = run(&Quadratic1 { a: 1.0 }, 5.0, Point::<1>::new(1.0), 200);
        assert_eq!(s.status, Status::Diverged);
        let again = run(&Quadratic1 { a: 1.0 }, 5.0, Point::<1>::new(1.0), 300);
        assert_eq!(s.iteration, again.iteration);
    }
}
