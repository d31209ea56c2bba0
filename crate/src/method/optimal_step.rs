//! Gradient descent with the step length that minimizes the local quadratic model along −∇E.

use crate::error::Error;
use crate::landscape::{Allocator, DefaultAllocator, Dim, Landscape};
use crate::method::gradient_descent::GradientDescent;
use crate::method::{Criteria, Method, State, Status};

/// Gradient descent with the exact step of the local quadratic model along the gradient:
/// `η_t = gᵀg / gᵀHg`, `x_{t+1} = x_t − η_t g` (steepest descent with exact line search on a
/// quadratic). Where `gᵀHg ≤ 0` the model has no minimum along `−g` and the fixed fallback `η`
/// is used. In 1-D, `η_t = 1/E''`: the lecture's `η_opt`. Needs the Hessian-vector product, here
/// a full Hessian evaluation per step.
/// Reference: J. Nocedal, S. Wright, "Numerical Optimization" (2nd ed., 2006), §3.3, eq. (3.25).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OptimalStep {
    fallback: GradientDescent,
}

impl OptimalStep {
    /// With `fallback_eta` used where the model is not convex along the gradient.
    pub fn new(fallback_eta: f64) -> Result<Self, Error> {
        Ok(OptimalStep {
            fallback: GradientDescent::new(fallback_eta)?,
        })
    }
}

impl<D: Dim> Method<D> for OptimalStep
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    fn step(&mut self, landscape: &dyn Landscape<D>, mut state: State<D>, criteria: &Criteria) -> State<D> {
        if state.status != Status::Running {
            return state;
        }
        let g = &state.gradient;
        let h = landscape.hessian(&state.x);
        state.counts.hessians += 1;
        let curvature = g.dot(&(h * g));
        let eta = if curvature > 0.0 && curvature.is_finite() {
            g.dot(g) / curvature
        } else {
            self.fallback.eta()
        };
        let next = &state.x - eta * g;
        state.stepped_to(landscape, next, criteria)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::presets::{Quadratic1, Quadratic2, Saddle};
    use crate::landscape::Point;

    #[test]
    fn one_step_in_1d_and_along_an_eigenvector() {
        let criteria = Criteria::default();
        let l = Quadratic1 { a: 7.0 };
        let s = OptimalStep::new(0.1).expect("valid").step(
            &l,
            State::start(&l, Point::<1>::new(2.0), &criteria),
            &criteria,
        );
        assert!(s.x[0].abs() < 1e-12);
        let l = Quadratic2::new(1.0, 10.0, 0.0);
        let x0 = Point::<2>::new(0.0, 3.0);
        let s = OptimalStep::new(0.1)
            .expect("valid")
            .step(&l, State::start(&l, x0, &criteria), &criteria);
        assert!(s.x.norm() < 1e-12);
    }

    #[test]
    fn exact_line_search_makes_successive_gradients_orthogonal() {
        let criteria = Criteria::default();
        let l = Quadratic2::new(1.0, 10.0, 0.5);
        let mut m = OptimalStep::new(0.1).expect("valid");
        let s0 = State::start(&l, Point::<2>::new(-4.0, 3.0), &criteria);
        let s1 = m.step(&l, s0, &criteria);
        assert!(s0.gradient.dot(&s1.gradient).abs() < 1e-9 * s0.grad_norm() * s1.grad_norm().max(1.0));
        assert!(s1.value < s0.value);
    }

    #[test]
    fn falls_back_to_the_fixed_eta_where_the_model_is_concave() {
        let criteria = Criteria::default();
        // Along −g at (0, 1) on x² − y², gᵀHg = −8 < 0.
        let x0 = Point::<2>::new(0.0, 1.0);
        let s = OptimalStep::new(0.25)
            .expect("valid")
            .step(&Saddle, State::start(&Saddle, x0, &criteria), &criteria);
        assert_eq!(s.x, Point::<2>::new(0.0, 1.5));
    }
}
