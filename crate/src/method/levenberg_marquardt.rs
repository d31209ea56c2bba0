//! Levenberg–Marquardt: Newton with the Hessian shifted by `μI`.

use crate::error::{check_param, Error};
use crate::landscape::{Allocator, DefaultAllocator, Dim, Landscape};
use crate::method::newton::solve_and_step;
use crate::method::{Criteria, Method, State, Status};

/// Levenberg–Marquardt (fixed damping): `x_{t+1} = x_t − (H + μI)⁻¹ ∇E`.
///
/// `μ → 0` gives Newton's step; large `μ` gives gradient descent with `η ≈ 1/μ`. When `H + μI` is
/// positive definite the step goes downhill, so a `μ` above `−λ_min(H)` turns Newton's attraction
/// to saddles and maxima into descent. A singular `H + μI` stops the run like Newton's. Where
/// the loss is a mean of squared errors with a Jacobian of its own (a network's weights), `H` is
/// its Gauss–Newton matrix `(2/n) JᵀJ`, positive semidefinite, as Levenberg and Marquardt had it.
/// Reference: K. Levenberg (1944), "A method for the solution of certain non-linear problems in
/// least squares"; D. Marquardt (1963), SIAM J. Appl. Math. 11(2); Nocedal & Wright §10.3.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LevenbergMarquardt {
    mu: f64,
}

impl LevenbergMarquardt {
    /// Largest damping accepted.
    pub const MAX_MU: f64 = 1e8;

    /// With damping `mu`, finite and in `[0, 1e8]`.
    pub fn new(mu: f64) -> Result<Self, Error> {
        Ok(LevenbergMarquardt {
            mu: check_param("mu", mu, 0.0, Self::MAX_MU)?,
        })
    }
}

impl<D: Dim> Method<D> for LevenbergMarquardt
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    fn step(&mut self, landscape: &dyn Landscape<D>, mut state: State<D>, criteria: &Criteria) -> State<D> {
        if state.status != Status::Running {
            return state;
        }
        // (The Gauss–Newton matrix where the landscape has one: a network's squared error. The
        // page's landscapes have none, and its wasm leaves the call out.)
        #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
        let mut h = landscape.gauss_newton(&state.x);
        #[cfg(all(target_arch = "wasm32", not(feature = "lab")))]
        let mut h = landscape.hessian(&state.x);
        for i in 0..h.nrows() {
            h[(i, i)] += self.mu;
        }
        state.counts.hessians += 1;
        solve_and_step(&h, landscape, state, criteria)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::check::Rng;
    use crate::landscape::presets::{Himmelblau, Rosenbrock, Saddle};
    use crate::landscape::{Point, U2};
    use crate::method::newton::Newton;

    #[test]
    fn mu_to_zero_is_newton() {
        let criteria = Criteria::default();
        let mut rng = Rng::new(11);
        let cases: [&dyn Landscape<U2>; 2] = [&Rosenbrock, &Himmelblau];
        for l in cases {
            for _ in 0..50 {
                let s0 = State::start(
                    l,
                    Point::<2>::new(rng.uniform(-4.0, 4.0), rng.uniform(-4.0, 4.0)),
                    &criteria,
                );
                let newton = Newton.step(l, s0, &criteria);
                let lm = LevenbergMarquardt::new(0.0).expect("valid").step(l, s0, &criteria);
                let tiny = LevenbergMarquardt::new(1e-9).expect("valid").step(l, s0, &criteria);
                assert_eq!(lm.x, newton.x);
                assert!((tiny.x - newton.x).norm() < 1e-5 * (1.0 + newton.x.norm()));
            }
        }
    }

    #[test]
    fn large_mu_is_gradient_descent_with_eta_one_over_mu() {
        let criteria = Criteria::default();
        let s0 = State::start(&Himmelblau, Point::<2>::new(1.0, 1.0), &criteria);
        let lm = LevenbergMarquardt::new(1e6)
            .expect("valid")
            .step(&Himmelblau, s0, &criteria);
        let gd = s0.x - 1e-6 * s0.gradient;
        assert!((lm.x - gd).norm() < 1e-3 * (s0.x - gd).norm());
    }

    #[test]
    fn mu_above_minus_lambda_min_moves_away_from_the_saddle() {
        let criteria = Criteria::default();
        let s0 = State::start(&Saddle, Point::<2>::new(1.5, 0.05), &criteria);
        let s = LevenbergMarquardt::new(3.0)
            .expect("valid")
            .step(&Saddle, s0, &criteria);
        assert!(s.value < s0.value);
        assert!(s.x[1].abs() > 0.05);
        assert!(LevenbergMarquardt::new(-1.0).is_err());
        assert!(LevenbergMarquardt::new(f64::NAN).is_err());
    }

    #[test]
    fn singular_shifted_hessian_is_reported() {
        let criteria = Criteria::default();
        // H + μI = diag(4, 0) at μ = 2 on x² − y².
        let s0 = State::start(&Saddle, Point::<2>::new(1.0, 1.0), &criteria);
        let s = LevenbergMarquardt::new(2.0)
            .expect("valid")
            .step(&Saddle, s0, &criteria);
        assert_eq!(s.status, Status::SingularHessian);
    }
}
