//! Saddle-free Newton: Newton's step with the Hessian's eigenvalues replaced by their absolute values.

use crate::landscape::eigen::symmetric_eigen;
use crate::landscape::{Allocator, DefaultAllocator, Dim, Landscape, Matrix, Vector};
use crate::method::{Criteria, Method, State, Status};

/// Saddle-free Newton: `x_{t+1} = x_t − |H|⁻¹ ∇E` with `|H| = Q |Λ| Qᵀ` from the
/// eigen-decomposition `H = Q Λ Qᵀ`.
///
/// Along directions of positive curvature it steps like Newton; along negative curvature it
/// steps downhill instead of uphill, so saddle points repel it instead of attracting it. The
/// eigen-decomposition costs `O(N³)` (counted as a solve). A Hessian with an eigenvalue that is
/// zero relative to the largest (`|λ| ≤ 10⁻¹²·max|λ|`) stops the run as singular.
/// Reference: Y. Dauphin, R. Pascanu, C. Gulcehre, K. Cho, S. Ganguli, Y. Bengio, "Identifying and
/// attacking the saddle point problem in high-dimensional non-convex optimization", NeurIPS 2014.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SaddleFreeNewton;

impl<D: Dim> Method<D> for SaddleFreeNewton
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    fn step(&mut self, landscape: &dyn Landscape<D>, mut state: State<D>, criteria: &Criteria) -> State<D> {
        if state.status != Status::Running {
            return state;
        }
        let h = landscape.hessian(&state.x);
        state.counts.hessians += 1;
        state.counts.solves += 1;
        match saddle_free_direction(&h, &state.gradient) {
            Some(v) => {
                let next = &state.x + v;
                state.stepped_to(landscape, next, criteria)
            }
            None => {
                state.status = Status::SingularHessian;
                state
            }
        }
    }
}

/// The saddle-free direction `−|H|⁻¹ g`, or `None` for a non-finite Hessian or one with an
/// eigenvalue that is zero relative to the largest.
pub fn saddle_free_direction<D: Dim>(h: &Matrix<D>, g: &Vector<D>) -> Option<Vector<D>>
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    if !h.iter().all(|v| v.is_finite()) {
        return None;
    }
    let (values, vectors) = symmetric_eigen(h);
    let largest = values.iter().fold(0.0_f64, |m, l| m.max(l.abs()));
    if largest.is_nan() || largest <= 0.0 || values.iter().any(|l| l.abs() <= 1e-12 * largest) {
        return None;
    }
    let mut v = g.map(|_| 0.0);
    for (lambda, q) in values.iter().zip(&vectors) {
        v -= q * (q.dot(g) / lambda.abs());
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::check::Rng;
    use crate::landscape::presets::{Quadratic2, Saddle};
    use crate::landscape::Point;
    use crate::method::newton::Newton;

    #[test]
    fn moves_away_from_the_saddle_where_newton_moves_onto_it() {
        let criteria = Criteria::default();
        let s0 = State::start(&Saddle, Point::<2>::new(1.5, 0.05), &criteria);
        let newton = Newton.step(&Saddle, s0, &criteria);
        let sfn = SaddleFreeNewton.step(&Saddle, s0, &criteria);
        assert!(newton.x.norm() < 1e-12, "Newton lands on the saddle");
        assert!((sfn.x - Point::<2>::new(0.0, 0.1)).norm() < 1e-12, "{:?}", sfn.x);
        assert!(sfn.value < s0.value);
    }

    #[test]
    fn equals_newton_on_positive_definite_hessians() {
        let criteria = Criteria::default();
        let mut rng = Rng::new(3);
        for _ in 0..50 {
            let l = Quadratic2::new(rng.uniform(0.1, 20.0), rng.uniform(0.1, 20.0), rng.uniform(-3.0, 3.0));
            let s0 = State::start(
                &l,
                Point::<2>::new(rng.uniform(-5.0, 5.0), rng.uniform(-5.0, 5.0)),
                &criteria,
            );
            let a = SaddleFreeNewton.step(&l, s0, &criteria);
            let b = Newton.step(&l, s0, &criteria);
            assert!((a.x - b.x).norm() < 1e-9);
        }
    }

    #[test]
    fn flat_direction_is_singular() {
        let criteria = Criteria::default();
        let l = Quadratic2::new(0.0, 5.0, 0.2);
        let s = SaddleFreeNewton.step(&l, State::start(&l, Point::<2>::new(1.0, 1.0), &criteria), &criteria);
        assert_eq!(s.status, Status::SingularHessian);
    }
}
