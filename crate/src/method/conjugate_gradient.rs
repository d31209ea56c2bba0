//! Nonlinear conjugate gradient (Polak–Ribière+): directions that do not undo each other.

use crate::method::line_search::{steepest, Direction, LineSearch, Wolfe};
use crate::method::vectors::{axpy, dot, minus, scaled};

/// Nonlinear conjugate gradient, Polak–Ribière+: `d_0 = −∇E_0`, then
///
/// `β_{k+1} = max(0, ∇E_{k+1}ᵀ(∇E_{k+1} − ∇E_k) / ‖∇E_k‖²)`, `d_{k+1} = −∇E_{k+1} + β_{k+1} d_k`,
///
/// each step `x_{k+1} = x_k + α d_k` with `α` from a line search satisfying the strong Wolfe
/// conditions with `c₂ = 0.1` (tighter than for quasi-Newton, as the method needs). On a
/// quadratic with exact line searches the directions are `A`-conjugate and it ends in at most `N`
/// steps, like linear CG; elsewhere `β = 0` restarts it along the steepest descent, as does a
/// direction that does not point downhill. It keeps two vectors (`2N` numbers) and evaluates no
/// Hessian. The first search tries `α₀ = min(1, 1/‖∇E‖)`, later ones
/// `α₀ = α_{k−1} ∇E_{k−1}ᵀd_{k−1} / ∇E_kᵀd_k` (Nocedal and Wright's eq. (3.60)).
/// Reference: J. Nocedal, S. Wright, "Numerical Optimization" (2nd ed., 2006), §5.2, eq. (5.45)
/// and Algorithm 5.4 with the PR+ choice of β.
#[derive(Debug, Clone, PartialEq)]
pub struct ConjugateGradient {
    /// The last step's direction `d_k`, the gradient where it started `∇E_k`, and the decrease
    /// it predicted `α_k ∇E_kᵀd_k`.
    previous: Option<(Vec<f64>, Vec<f64>, f64)>,
}

impl ConjugateGradient {
    /// Fresh, searched with the constants `wolfe`.
    pub fn new(wolfe: Wolfe) -> LineSearch<ConjugateGradient> {
        LineSearch::new(ConjugateGradient { previous: None }, wolfe)
    }

    /// The PR+ coefficient from the gradients before (`g0`) and after (`g1`) a step.
    pub fn beta(g0: &[f64], g1: &[f64]) -> f64 {
        let beta = dot(g1, &minus(g1, g0)) / dot(g0, g0);
        if beta.is_finite() {
            beta.max(0.0)
        } else {
            0.0
        }
    }
}

impl Direction for ConjugateGradient {
    /// PR+ from the last step, or `−g` at the start, after a failed search, or when PR+ would not
    /// point downhill.
    fn direction(&self, g: &[f64]) -> (Vec<f64>, f64) {
        if let Some((d, g0, decrease)) = &self.previous {
            let mut next = scaled(Self::beta(g0, g), d);
            axpy(-1.0, g, &mut next);
            let slope = dot(g, &next);
            if slope < 0.0 {
                let alpha0 = decrease / slope;
                return (
                    next,
                    if alpha0.is_finite() && alpha0 > 0.0 {
                        alpha0
                    } else {
                        1.0
                    },
                );
            }
        }
        steepest(g)
    }

    fn learn(&mut self, d: Vec<f64>, alpha: f64, g: &[f64], _: &[f64]) {
        let decrease = alpha * dot(g, &d);
        self.previous = Some((d, g.to_vec(), decrease));
    }

    fn reset(&mut self) {
        self.previous = None;
    }

    fn learned(&self) -> bool {
        self.previous.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::presets::{Quadratic2, Rosenbrock};
    use crate::landscape::Landscape;
    use crate::landscape::Point;
    use crate::method::testing::{assert_wolfe_steps, DenseQuadraticN, ROSENBROCK_START};
    use crate::method::{run_to, Status};
    use crate::method::{Criteria, State};

    #[test]
    fn minimizes_a_positive_definite_quadratic_in_at_most_n_steps() {
        for seed in 1..=5 {
            let l = DenseQuadraticN::<6>::random(seed);
            let x0 = Point::<6>::from_element(-2.0);
            // Converged: the gradient 10⁻⁹ of where it started (an exact search, to rounding).
            let criteria = Criteria {
                grad_tol: 1e-9 * l.gradient(&x0).norm(),
                ..Criteria::default()
            };
            let start = State::start(&l, x0, &criteria);
            let end = run_to(&mut ConjugateGradient::new(Wolfe::EXACT), &l, start, &criteria, 6);
            assert_eq!(end.status, Status::Converged, "seed {seed}: ‖∇E‖ = {}", end.grad_norm());
            assert!((end.x - l.minimizer()).norm() < 1e-8);
        }
    }

    #[test]
    fn every_step_satisfies_the_wolfe_conditions_and_it_solves_rosenbrock() {
        let l = Quadratic2::new(1.0, 40.0, 0.7);
        let end = assert_wolfe_steps(
            &mut ConjugateGradient::new(Wolfe::CONJUGATE_GRADIENT),
            &l,
            Point::<2>::new(-4.0, 3.0),
            Wolfe::CONJUGATE_GRADIENT,
            100,
        );
        assert_eq!(end.status, Status::Converged);
        let end = assert_wolfe_steps(
            &mut ConjugateGradient::new(Wolfe::CONJUGATE_GRADIENT),
            &Rosenbrock,
            ROSENBROCK_START,
            Wolfe::CONJUGATE_GRADIENT,
            1000,
        );
        assert_eq!(end.status, Status::Converged);
        assert!((end.x - Point::<2>::new(1.0, 1.0)).norm() < 1e-6);
        assert_eq!((end.counts.hessians, end.counts.solves), (0, 0));
    }

    #[test]
    fn pr_plus_restarts_where_polak_ribiere_is_negative() {
        let v = |a: f64, b: f64| [a, b];
        let g0 = v(1.0, 0.0);
        // gᵀ(g − g₀) < 0: plain PR would be negative, PR+ is 0.
        assert_eq!(ConjugateGradient::beta(&g0, &v(0.5, 0.1)), 0.0);
        let beta = ConjugateGradient::beta(&g0, &v(2.0, 1.0));
        assert!((beta - 3.0).abs() < 1e-15);
        assert_eq!(ConjugateGradient::beta(&v(0.0, 0.0), &g0), 0.0);
    }
}
