//! L-BFGS: BFGS that keeps only the last `m` steps instead of an `N × N` matrix.

use crate::error::{Error, Why};
use crate::method::bfgs::curvature;
use crate::method::line_search::{steepest, Direction, LineSearch, Wolfe};
use crate::method::vectors::{axpy, dot, minus, scaled};

/// The largest memory offered.
pub const MAX_MEMORY: usize = 50;

/// The memory `m` a number stands for: a whole number from 1 to [`MAX_MEMORY`].
pub fn memory(x: f64) -> Result<usize, Error> {
    if x.fract() == 0.0 && (1.0..=MAX_MEMORY as f64).contains(&x) {
        Ok(x as usize)
    } else {
        Err(Error::OutOfRange(Why::Memory))
    }
}

/// How L-BFGS scales its initial matrix `H⁰_k = γ I`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scaling {
    /// `γ_k = sᵀy / yᵀy` of the newest pair, at every step (Nocedal and Wright's eq. (7.20); the
    /// method as practitioners run it).
    Newest,
    /// `γ` of the first pair, kept: with a memory at least the number of steps, the iterates are
    /// exactly BFGS's (which scales its `H_0` once the same way).
    First,
}

/// Limited-memory BFGS: the direction `d = −H_k ∇E` of BFGS, computed by the two-loop recursion
/// from the last `m` pairs `(s_i, y_i)` instead of a stored matrix, so each step costs `O(mN)`
/// time and `2mN` numbers of memory. `H_k` is what BFGS would have built from `H⁰_k = γ I`
/// through those `m` updates. With no pair yet the direction is `−∇E` (`α₀ = min(1, 1/‖∇E‖)`);
/// the line search satisfies the strong Wolfe conditions and tries `α = 1` first; pairs
/// without positive curvature are not kept (as BFGS skips them), and the memory is cleared when
/// a direction does not point downhill.
/// Reference: J. Nocedal, S. Wright, "Numerical Optimization" (2nd ed., 2006), §7.2,
/// Algorithms 7.4 and 7.5; D. C. Liu, J. Nocedal, "On the limited memory BFGS method for large
/// scale optimization", Math. Programming 45 (1989).
#[derive(Debug, Clone, PartialEq)]
pub struct Lbfgs {
    memory: usize,
    /// The remembered steps: `s`, `y` and `ρ = 1/(yᵀs)`, oldest first.
    pairs: Vec<(Vec<f64>, Vec<f64>, f64)>,
    gamma: Option<f64>,
    scaling: Scaling,
}

impl Lbfgs {
    /// Fresh, remembering `memory` pairs (1 to [`MAX_MEMORY`]), searched with the constants
    /// `wolfe`.
    pub fn new(memory: usize, scaling: Scaling, wolfe: Wolfe) -> Result<LineSearch<Lbfgs>, Error> {
        if !(1..=MAX_MEMORY).contains(&memory) {
            return Err(Error::OutOfRange(Why::Memory));
        }
        let direction = Lbfgs {
            memory,
            pairs: Vec::with_capacity(memory),
            gamma: None,
            scaling,
        };
        Ok(LineSearch::new(direction, wolfe))
    }

    /// The two-loop recursion: `H_k g`.
    fn times_inverse(&self, g: &[f64]) -> Vec<f64> {
        let mut q = g.to_vec();
        let mut alphas = [0.0; MAX_MEMORY];
        for ((s, y, rho), a) in self.pairs.iter().zip(&mut alphas).rev() {
            *a = rho * dot(s, &q);
            axpy(-*a, y, &mut q);
        }
        let mut r = scaled(self.gamma.unwrap_or(1.0), &q);
        for ((s, y, rho), a) in self.pairs.iter().zip(&alphas) {
            let beta = rho * dot(y, &r);
            axpy(a - beta, s, &mut r);
        }
        r
    }

    /// Remembers the pair `(s, y)` (forgetting the oldest beyond the memory), unless it has no
    /// positive curvature ([`curvature`]). Returns whether it kept it.
    pub fn update(&mut self, s: Vec<f64>, y: Vec<f64>) -> bool {
        let Some(sy) = curvature(&s, &y) else {
            return false;
        };
        if self.scaling == Scaling::Newest || self.gamma.is_none() {
            self.gamma = Some(sy / dot(&y, &y));
        }
        if self.pairs.len() == self.memory {
            self.pairs.remove(0);
        }
        self.pairs.push((s, y, 1.0 / sy));
        true
    }

    /// The number of pairs remembered.
    pub fn remembered(&self) -> usize {
        self.pairs.len()
    }
}

impl Direction for Lbfgs {
    fn direction(&self, g: &[f64]) -> (Vec<f64>, f64) {
        if self.pairs.is_empty() {
            steepest(g)
        } else {
            (scaled(-1.0, &self.times_inverse(g)), 1.0)
        }
    }

    fn learn(&mut self, d: Vec<f64>, alpha: f64, g: &[f64], g_new: &[f64]) {
        self.update(scaled(alpha, &d), minus(g_new, g));
    }

    fn reset(&mut self) {
        self.pairs.clear();
        self.gamma = None;
    }

    fn learned(&self) -> bool {
        !self.pairs.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::presets::Rosenbrock;
    use crate::landscape::Point;
    use crate::method::bfgs::Bfgs;
    use crate::method::testing::{assert_wolfe_steps, DenseQuadraticN, ROSENBROCK_START};
    use crate::method::{run_to, Status};
    use crate::method::{Criteria, Method, State};

    #[test]
    fn with_memory_for_every_step_it_is_bfgs() {
        let criteria = Criteria::default();
        // A 5-D quadratic with an exact search: both end in at most 5 steps, at the same points.
        let l = DenseQuadraticN::<5>::random(3);
        let x0 = Point::<5>::new(3.0, -1.0, 2.0, 0.5, -2.0);
        for scaling in [Scaling::First, Scaling::Newest] {
            let mut b = Bfgs::new(Wolfe::EXACT);
            let mut m = Lbfgs::new(5, scaling, Wolfe::EXACT).expect("valid");
            let (mut sb, mut sm) = (State::start(&l, x0, &criteria), State::start(&l, x0, &criteria));
            for k in 0..5 {
                sb = b.step(&l, sb, &criteria);
                sm = m.step(&l, sm, &criteria);
                assert!(
                    (sb.x - sm.x).norm() < 1e-9 * (1.0 + sb.x.norm()),
                    "{scaling:?}, step {k}"
                );
            }
            assert!(sm.grad_norm() < 1e-8, "{scaling:?}: ‖∇E‖ = {}", sm.grad_norm());
        }
        // Rosenbrock with the practical search: with the same initial scaling and a memory as
        // long as the run, the same iterates as BFGS to rounding, and the same end.
        let mut b = Bfgs::new(Wolfe::QUASI_NEWTON);
        let mut m = Lbfgs::new(MAX_MEMORY, Scaling::First, Wolfe::QUASI_NEWTON).expect("valid");
        let (mut sb, mut sm) = (
            State::start(&Rosenbrock, ROSENBROCK_START, &criteria),
            State::start(&Rosenbrock, ROSENBROCK_START, &criteria),
        );
        for k in 0..20 {
            sb = b.step(&Rosenbrock, sb, &criteria);
            sm = m.step(&Rosenbrock, sm, &criteria);
            assert!((sb.x - sm.x).norm() < 1e-8, "step {k}: {:?} against {:?}", sb.x, sm.x);
        }
        let (eb, em) = (
            run_to(&mut b, &Rosenbrock, sb, &criteria, 200),
            run_to(&mut m, &Rosenbrock, sm, &criteria, 200),
        );
        assert_eq!((eb.status, em.status), (Status::Converged, Status::Converged));
    }

    #[test]
    fn keeps_at_most_m_pairs_and_every_step_satisfies_the_wolfe_conditions() {
        let mut m = Lbfgs::new(3, Scaling::Newest, Wolfe::QUASI_NEWTON).expect("valid");
        let end = assert_wolfe_steps(&mut m, &Rosenbrock, ROSENBROCK_START, Wolfe::QUASI_NEWTON, 300);
        assert_eq!(end.status, Status::Converged);
        assert!((end.x - Point::<2>::new(1.0, 1.0)).norm() < 1e-6);
        assert!(m.remembered() <= 3);
        assert_eq!((end.counts.hessians, end.counts.solves), (0, 0));
        let l = DenseQuadraticN::<8>::random(11);
        let mut m = Lbfgs::new(2, Scaling::Newest, Wolfe::QUASI_NEWTON).expect("valid");
        let end = assert_wolfe_steps(&mut m, &l, Point::<8>::from_element(1.0), Wolfe::QUASI_NEWTON, 300);
        assert_eq!(end.status, Status::Converged);
    }

    #[test]
    fn the_memory_is_checked() {
        for bad in [0, MAX_MEMORY + 1] {
            assert!(Lbfgs::new(bad, Scaling::Newest, Wolfe::QUASI_NEWTON).is_err());
        }
        assert_eq!((memory(1.0), memory(50.0)), (Ok(1), Ok(50)));
        for bad in [0.0, 2.5, 51.0, -3.0, f64::NAN, f64::INFINITY] {
            assert_eq!(memory(bad), Err(Error::OutOfRange(Why::Memory)), "{bad}");
        }
    }
}
