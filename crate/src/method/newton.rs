//! Newton's method: the full step of the local second-order Taylor model.

use crate::landscape::{Hessian, Landscape, Point};
use crate::method::{Criteria, Method, State, Status};

/// Newton's method: `x_{t+1} = x_t − H(x_t)⁻¹ ∇E(x_t)`.
///
/// Jumps to the critical point of the local quadratic model `E + gᵀv + ½ vᵀHv`, so it minimizes
/// any positive-definite quadratic in one step; where `H` is not positive definite the model's
/// critical point is a saddle or a maximum and Newton goes there. Each step evaluates the
/// Hessian (`N²` numbers) and solves an `N × N` system (`O(N³)`): the lecture's "carísimo".
/// A Hessian with no inverse, or a condition number above `1e12`, stops the run with
/// [`Status::SingularHessian`].
/// Reference: J. Nocedal, S. Wright, "Numerical Optimization" (2nd ed., 2006), §3.3.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Newton;

/// Condition number of `H` (as `max|H_ij| · max|H⁻¹_ij|`) from which it counts as singular.
const MAX_CONDITION: f64 = 1e12;

impl<const N: usize> Method<N> for Newton {
    fn step(&mut self, landscape: &dyn Landscape<N>, mut state: State<N>, criteria: &Criteria) -> State<N> {
        if state.status != Status::Running {
            return state;
        }
        let h = landscape.hessian(&state.x);
        state.counts.hessians += 1;
        solve_and_step(&h, landscape, state, criteria)
    }
}

/// The step `x − M⁻¹∇E` for a matrix `M` (the Hessian, or a modification of it), counted as a
/// solve; a singular `M` stops the run with [`Status::SingularHessian`] where it stands.
pub(crate) fn solve_and_step<const N: usize>(
    m: &Hessian<N>,
    landscape: &dyn Landscape<N>,
    mut state: State<N>,
    criteria: &Criteria,
) -> State<N> {
    state.counts.solves += 1;
    match newton_direction(m, &state.gradient) {
        Some(v) => state.stepped_to(landscape, state.x + v, criteria),
        None => {
            state.status = Status::SingularHessian;
            state
        }
    }
}

/// The Newton direction `v = −H⁻¹ g`, or `None` when `H` has no inverse, its condition number
/// (as `max|H_ij| · max|H⁻¹_ij|`) exceeds `1e12`, or the result is not finite.
pub fn newton_direction<const N: usize>(h: &Hessian<N>, g: &Point<N>) -> Option<Point<N>> {
    h.try_inverse()
        .filter(|inv| h.amax() * inv.amax() < MAX_CONDITION)
        .map(|inv| -(inv * g))
        .filter(|v| v.iter().all(|c| c.is_finite()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::check::Rng;
    use crate::landscape::presets::{Quadratic1, Quadratic2, Rosenbrock, Saddle};

    #[test]
    fn minimizes_any_positive_definite_quadratic_in_one_step() {
        let criteria = Criteria::default();
        let mut rng = Rng::new(42);
        for _ in 0..200 {
            let l = Quadratic2::new(rng.uniform(0.01, 50.0), rng.uniform(0.01, 50.0), rng.uniform(-3.2, 3.2));
            let x0 = Point::<2>::new(rng.uniform(-10.0, 10.0), rng.uniform(-10.0, 10.0));
            let s = Newton.step(&l, State::start(&l, x0, &criteria), &criteria);
            assert_eq!(s.iteration, 1);
            assert!(s.x.norm() < 1e-9, "{:?} from {x0:?}", s.x);
            assert_eq!(s.status, Status::Converged);
            assert_eq!((s.counts.hessians, s.counts.solves, s.counts.gradients), (1, 1, 2));
        }
        let l = Quadratic1 { a: 4.0 };
        let s = Newton.step(&l, State::start(&l, Point::<1>::new(-3.0), &criteria), &criteria);
        assert!(s.x[0].abs() < 1e-15);
    }

    #[test]
    fn goes_to_the_saddle_of_x2_minus_y2() {
        let criteria = Criteria::default();
        let x0 = Point::<2>::new(1.5, 0.05);
        let s = Newton.step(&Saddle, State::start(&Saddle, x0, &criteria), &criteria);
        assert!(s.x.norm() < 1e-15, "Newton jumps onto the saddle: {:?}", s.x);
        assert_eq!(s.status, Status::Converged);
    }

    #[test]
    fn reports_a_singular_hessian_and_stays_put() {
        let criteria = Criteria::default();
        let l = Quadratic2::new(1.0, 0.0, 0.3);
        let x0 = Point::<2>::new(2.0, 1.0);
        let s = Newton.step(&l, State::start(&l, x0, &criteria), &criteria);
        assert_eq!(s.status, Status::SingularHessian);
        assert_eq!(s.x, x0);
        assert_eq!(s.iteration, 0);
    }

    #[test]
    fn solves_rosenbrock_from_the_classic_start() {
        let criteria = Criteria::default();
        let mut s = State::start(&Rosenbrock, Point::<2>::new(-1.2, 1.0), &criteria);
        for _ in 0..50 {
            s = Newton.step(&Rosenbrock, s, &criteria);
        }
        assert_eq!(s.status, Status::Converged);
        assert!((s.x - Point::<2>::new(1.0, 1.0)).norm() < 1e-8);
        assert!(s.iteration < 10, "{} steps", s.iteration);
    }
}
