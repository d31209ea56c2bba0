//! Newton's method: the full step of the local second-order Taylor model.

use crate::landscape::{Allocator, DefaultAllocator, Dim, Landscape, Matrix, Vector};
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
pub(crate) const MAX_CONDITION: f64 = 1e12;

impl<D: Dim> Method<D> for Newton
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    fn step(&mut self, landscape: &dyn Landscape<D>, mut state: State<D>, criteria: &Criteria) -> State<D> {
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
pub(crate) fn solve_and_step<D: Dim>(
    m: &Matrix<D>,
    landscape: &dyn Landscape<D>,
    mut state: State<D>,
    criteria: &Criteria,
) -> State<D>
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    state.counts.solves += 1;
    match newton_direction(m, &state.gradient) {
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

/// The Newton direction `v = −H⁻¹ g`, or `None` when `H` has no inverse, its condition number
/// (as `max|H_ij| · max|H⁻¹_ij|`) exceeds `1e12`, or the result is not finite.
#[inline]
pub fn newton_direction<D: Dim>(h: &Matrix<D>, g: &Vector<D>) -> Option<Vector<D>>
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    if h.nrows() == 2 {
        // In two variables, by Cramer's rule: the same test (`H⁻¹`'s entries are `H`'s over
        // `det H`, so `max|H⁻¹_ij| = max|H_ij| / |det H|`) with one division instead of four and
        // no inverse built: the basin maps take a step like this at every pixel and step.
        // Where `max|H|²` or `1/det H` leaves the range of f64 (entries beyond about 1e154, a
        // determinant below about 1e-308), the same with `H` and `g` scaled by the power of two
        // that brings `H`'s largest entry to [1, 2): exact, so the step and the test are the
        // same, and in range. (0, ∞ or NaN: singular.)
        let (mut h, mut g) = (h.clone(), g.clone());
        for scaled in [false, true] {
            let [a, c, b, d] = [h[0], h[1], h[2], h[3]];
            let det = a * d - b * c;
            let big = a.abs().max(b.abs()).max(c.abs().max(d.abs()));
            let (square, r) = (big * big, -1.0 / det);
            if square.is_finite() && r.is_finite() {
                let solvable = square < MAX_CONDITION * det.abs();
                let mut v = g.clone();
                v[0] = r * (d * g[0] - b * g[1]);
                v[1] = r * (a * g[1] - c * g[0]);
                return (solvable && v[0].is_finite() && v[1].is_finite()).then_some(v);
            }
            // (The page's wasm has no typed functions, whose coefficients can be that small, and
            // no room in its budget for the scaling: there such a Hessian counts as singular.)
            if scaled || !big.is_finite() || big == 0.0 || cfg!(all(target_arch = "wasm32", not(feature = "lab"))) {
                break;
            }
            // (2^(1023 − e) for `big` = m·2^(e − 1023); a subnormal `big` has e = 0.)
            let e = (big.to_bits() >> 52) & 0x7ff;
            let s = f64::from_bits((2046 - e).max(1) << 52);
            (h, g) = (&h * s, &g * s);
        }
        return None;
    }
    h.clone()
        .try_inverse()
        .filter(|inv| h.amax() * inv.amax() < MAX_CONDITION)
        .map(|inv| -(inv * g))
        .filter(|v| v.iter().all(|c| c.is_finite()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::{Hessian, Point};

    #[test]
    fn the_two_variable_direction_is_the_inverse_s_to_rounding_with_the_same_test() {
        // The general path (the inverse built, its condition measured), for comparison.
        let general = |h: &Hessian<2>, g: &Point<2>| {
            h.try_inverse()
                .filter(|inv| h.amax() * inv.amax() < MAX_CONDITION)
                .map(|inv| -(inv * g))
                .filter(|v| v.iter().all(|c| c.is_finite()))
        };
        let mut rng = Rng::new(7);
        for _ in 0..10_000 {
            let scale = 10f64.powf(rng.uniform(-8.0, 8.0));
            let [a, b, d] = [0; 3].map(|_| rng.uniform(-1.0, 1.0) * scale);
            // (Some nearly singular: the condition test decides.)
            let c = if rng.uniform(0.0, 1.0) < 0.3 {
                a * d / b * (1.0 + rng.uniform(-1e-11, 1e-11))
            } else {
                b
            };
            let h = Hessian::<2>::new(a, b, c, d);
            let g = Point::<2>::new(rng.uniform(-5.0, 5.0), rng.uniform(-5.0, 5.0));
            let (fast, slow) = (newton_direction(&h, &g), general(&h, &g));
            match (fast, slow) {
                (Some(f), Some(s)) => assert!((f - s).norm() <= 1e-9 * s.norm().max(1e-300), "{h} {g}: {f} vs {s}"),
                (None, None) => {}
                // (Exactly at the bound, rounding may fall either way.)
                (f, s) => {
                    let big = h.amax();
                    let ratio = big * big / (MAX_CONDITION * h.determinant().abs());
                    assert!((ratio - 1.0).abs() < 1e-9, "{h}: {f:?} vs {s:?} (ratio {ratio})");
                }
            }
        }
        // Out of the plain closed form's range, the step all the same: a tiny, well-conditioned
        // Hessian (its determinant is subnormal), a huge one (its determinant overflows), and
        // a tiny one that is singular in scale.
        for (h, g, want) in [
            (
                Hessian::<2>::identity() * 1e-155,
                Point::<2>::new(1e-155, 0.0),
                Some([-1.0, 0.0]),
            ),
            (
                Hessian::<2>::new(3e-160, 1e-160, 1e-160, 2e-160),
                Point::<2>::new(1e-160, -2e-160),
                Some([-0.8, 1.4]),
            ),
            (
                Hessian::<2>::identity() * 2e160,
                Point::<2>::new(1.0, 1.0),
                Some([-5e-161, -5e-161]),
            ),
            (
                Hessian::<2>::new(1e-160, 2e-160, 2e-160, 4e-160),
                Point::<2>::new(1.0, 1.0),
                None,
            ),
        ] {
            let got = newton_direction(&h, &g);
            match (got, want) {
                (Some(v), Some(w)) => assert!(
                    v.iter()
                        .zip(w)
                        .all(|(a, b)| (a - b).abs() <= 1e-12 * b.abs().max(1e-300)),
                    "{h}: {v} vs {w:?}"
                ),
                (None, None) => {}
                _ => panic!("{h}: {got:?} vs {want:?}"),
            }
        }
        let singular = Hessian::<2>::new(1.0, 2.0, 2.0, 4.0);
        assert_eq!(newton_direction(&singular, &Point::<2>::new(1.0, 1.0)), None);
        let nan = Hessian::<2>::new(f64::NAN, 0.0, 0.0, 1.0);
        assert_eq!(newton_direction(&nan, &Point::<2>::new(1.0, 1.0)), None);
    }
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
