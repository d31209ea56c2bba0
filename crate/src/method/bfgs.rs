//! BFGS: Newton's direction with the Hessian's inverse learned from the gradients.

use crate::method::line_search::{steepest, Direction, LineSearch, Wolfe};
use crate::method::vectors::{axpy, dot, minus, norm, scaled};

/// The BFGS method: direction `d = −H_k ∇E` with `H_k` an estimate of the inverse Hessian, a step
/// `x_{k+1} = x_k + α d` whose `α` satisfies the strong Wolfe conditions
/// ([`super::line_search::descend`]), then with `s = x_{k+1} − x_k`, `y = ∇E_{k+1} − ∇E_k` and
/// `ρ = 1/(yᵀs)` the update
///
/// `H_{k+1} = (I − ρ s yᵀ) H_k (I − ρ y sᵀ) + ρ s sᵀ`,
///
/// the matrix closest to `H_k` that maps `y` to `s` (the secant equation). No Hessian is
/// evaluated and nothing is solved: the cost per step is `O(N²)` time and `N²` numbers of memory,
/// against Newton's `O(N³)`. Before the first update `H_0 = (yᵀs / yᵀy) I` (Nocedal and Wright's
/// eq. (6.20)); the first step goes along `−∇E` with `α₀ = min(1, 1/‖∇E‖)`, every later search
/// tries `α = 1` first (near a minimum, Newton's step). An update is skipped when `yᵀs` is not
/// positive (the line search makes it positive whenever it succeeds), and the estimate is reset
/// to the steepest descent when its direction does not point downhill.
/// Reference: J. Nocedal, S. Wright, "Numerical Optimization" (2nd ed., 2006), §6.1, Algorithm 6.1
/// and eq. (6.17).
#[derive(Debug, Clone, PartialEq)]
pub struct Bfgs {
    /// `H_k`, `N × N` by rows (symmetric).
    inverse: Option<Vec<f64>>,
}

impl Bfgs {
    /// Fresh, searched with the constants `wolfe`.
    pub fn new(wolfe: Wolfe) -> LineSearch<Bfgs> {
        LineSearch::new(Bfgs { inverse: None }, wolfe)
    }

    /// The estimate `H_k` of the inverse Hessian (`N × N` by rows), once there has been an
    /// update.
    pub fn inverse_hessian(&self) -> Option<&[f64]> {
        self.inverse.as_deref()
    }

    /// `H_k v`.
    fn times_inverse(h: &[f64], v: &[f64]) -> Vec<f64> {
        h.chunks_exact(v.len()).map(|row| dot(row, v)).collect()
    }

    /// The update from the step `s` and the change of gradient `y`, in `O(N²)`: with `Hy = H y`,
    /// `H ← H − ρ (Hy sᵀ + s Hyᵀ) + (ρ² yᵀHy + ρ) s sᵀ` (the product form expanded). Skipped when
    /// the pair has no positive curvature ([`curvature`]). Returns whether it updated.
    pub fn update(&mut self, s: &[f64], y: &[f64]) -> bool {
        let Some(sy) = curvature(s, y) else {
            return false;
        };
        let (n, rho) = (s.len(), 1.0 / sy);
        let h = self.inverse.get_or_insert_with(|| {
            let gamma = sy / dot(y, y);
            (0..n * n).map(|k| if k % (n + 1) == 0 { gamma } else { 0.0 }).collect()
        });
        let hy = Self::times_inverse(h, y);
        let k = rho * rho * dot(y, &hy) + rho;
        for (i, row) in h.chunks_exact_mut(n).enumerate() {
            // Row i of −ρ (Hy sᵀ + s Hyᵀ) + k s sᵀ.
            axpy(k * s[i] - rho * hy[i], s, row);
            axpy(-rho * s[i], &hy, row);
        }
        true
    }
}

/// `sᵀy` when it is positive enough for a secant update to keep the estimate positive definite
/// (`sᵀy > ε ‖s‖‖y‖`, and finite); `None` otherwise. BFGS and L-BFGS skip the same pairs.
pub fn curvature(s: &[f64], y: &[f64]) -> Option<f64> {
    let sy = dot(s, y);
    (sy.is_finite() && sy > f64::EPSILON * norm(s) * norm(y)).then_some(sy)
}

impl Direction for Bfgs {
    fn direction(&self, g: &[f64]) -> (Vec<f64>, f64) {
        match &self.inverse {
            Some(h) => (scaled(-1.0, &Self::times_inverse(h, g)), 1.0),
            None => steepest(g),
        }
    }

    fn learn(&mut self, d: Vec<f64>, alpha: f64, g: &[f64], g_new: &[f64]) {
        self.update(&scaled(alpha, &d), &minus(g_new, g));
    }

    fn reset(&mut self) {
        self.inverse = None;
    }

    fn learned(&self) -> bool {
        self.inverse.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::presets::{Quadratic2, Rosenbrock, Saddle};
    use crate::landscape::Landscape;
    use crate::landscape::Point;
    use crate::method::run_to;
    use crate::method::testing::{assert_wolfe_steps, DenseQuadraticN, ROSENBROCK_START};
    use crate::method::Status;
    use crate::method::{Criteria, State};

    #[test]
    fn minimizes_a_positive_definite_quadratic_in_at_most_n_steps_and_learns_its_inverse() {
        for seed in 1..=5 {
            let l = DenseQuadraticN::<5>::random(seed);
            let x0 = Point::<5>::from_element(3.0);
            // Converged: the gradient 10⁻⁹ of where it started (an exact search, to rounding).
            let criteria = Criteria {
                grad_tol: 1e-9 * l.gradient(&x0).norm(),
                ..Criteria::default()
            };
            let mut m = Bfgs::new(Wolfe::EXACT);
            let start = State::start(&l, x0, &criteria);
            let end = run_to(&mut m, &l, start, &criteria, 5);
            assert_eq!(end.status, Status::Converged, "seed {seed}: ‖∇E‖ = {}", end.grad_norm());
            assert!((end.x - l.minimizer()).norm() < 1e-8);
            let h = m.inverse_hessian().expect("updated");
            let inverse = l.a.try_inverse().expect("invertible");
            let h = nalgebra::SMatrix::<f64, 5, 5>::from_row_slice(h);
            assert!(
                (h - inverse).norm() < 1e-6 * inverse.norm(),
                "seed {seed}: {h} against {inverse}"
            );
        }
    }

    #[test]
    fn every_step_satisfies_the_wolfe_conditions_and_no_hessian_is_evaluated() {
        let criteria = Criteria::default();
        let l = Quadratic2::new(1.0, 40.0, 0.7);
        let starts = [Point::<2>::new(-4.0, 3.0), Point::<2>::new(2.0, 0.1)];
        for x0 in starts {
            assert_wolfe_steps(&mut Bfgs::new(Wolfe::QUASI_NEWTON), &l, x0, Wolfe::QUASI_NEWTON, 50);
        }
        assert_wolfe_steps(
            &mut Bfgs::new(Wolfe::QUASI_NEWTON),
            &Rosenbrock,
            ROSENBROCK_START,
            Wolfe::QUASI_NEWTON,
            200,
        );
        let end = run_to(
            &mut Bfgs::new(Wolfe::QUASI_NEWTON),
            &Rosenbrock,
            State::start(&Rosenbrock, ROSENBROCK_START, &criteria),
            &criteria,
            200,
        );
        assert_eq!((end.counts.hessians, end.counts.solves, end.counts.values), (0, 0, 0));
        assert!(end.counts.gradients > end.iteration as u64);
    }

    #[test]
    fn solves_rosenbrock_in_as_many_steps_as_the_reference_reports() {
        // Nocedal and Wright (2nd ed.), §6.1 p. 142: from (−1.2, 1) to ‖∇E‖ ≤ 10⁻⁵, steepest
        // descent took 5264 iterations, BFGS 34 and Newton 21 (their line search; ours differs in
        // its interpolation, so a band around 34).
        let criteria = Criteria {
            grad_tol: 1e-5,
            ..Criteria::default()
        };
        let start = State::start(&Rosenbrock, ROSENBROCK_START, &criteria);
        let end = run_to(&mut Bfgs::new(Wolfe::QUASI_NEWTON), &Rosenbrock, start, &criteria, 1000);
        assert_eq!(end.status, Status::Converged);
        assert!((end.x - Point::<2>::new(1.0, 1.0)).norm() < 1e-4);
        assert!((25..=50).contains(&end.iteration), "{} iterations", end.iteration);
    }

    #[test]
    fn on_a_saddle_it_descends_away_and_on_an_unbounded_loss_it_diverges() {
        let criteria = Criteria::default();
        // x² − y² is unbounded below along y: the run leaves every bound and says so.
        let start = State::start(&Saddle, Point::<2>::new(1.0, 0.5), &criteria);
        let end = run_to(&mut Bfgs::new(Wolfe::QUASI_NEWTON), &Saddle, start, &criteria, 100);
        assert_eq!(end.status, Status::Diverged);
        // Exactly on the saddle's stable axis, the gradient has no y part and BFGS stops at the
        // saddle, a critical point, as the lecture warns.
        let start = State::start(&Saddle, Point::<2>::new(1.0, 0.0), &criteria);
        let end = run_to(&mut Bfgs::new(Wolfe::QUASI_NEWTON), &Saddle, start, &criteria, 100);
        assert_eq!(end.status, Status::Converged);
        assert!(end.x.norm() < 1e-8);
    }

    #[test]
    fn skips_updates_without_positive_curvature() {
        let v = |a: f64, b: f64| [a, b];
        let mut m = Bfgs::new(Wolfe::QUASI_NEWTON);
        assert!(!m.update(&v(1.0, 0.0), &v(-1.0, 0.0)));
        assert!(m.inverse_hessian().is_none());
        assert!(m.update(&v(1.0, 0.0), &v(2.0, 0.0)));
        // The secant equation H y = s for the newest pair, with a pair not along the first (so
        // the initial scaling alone cannot satisfy it), and H stays symmetric.
        assert!(m.update(&v(0.5, 1.0), &v(1.5, 4.0)));
        let h = m.inverse_hessian().expect("updated");
        let hy = Bfgs::times_inverse(h, &v(1.5, 4.0));
        assert!((hy[0] - 0.5).abs() < 1e-14 && (hy[1] - 1.0).abs() < 1e-14, "{hy:?}");
        assert!((h[1] - h[2]).abs() < 1e-15, "{h:?}");
    }
}
