//! Newton's method made safe by a backtracking (Armijo) line search.

use crate::landscape::{Allocator, DefaultAllocator, Dim, Landscape, Matrix, Vector};
use crate::method::newton::newton_direction;
use crate::method::{Criteria, Method, State, Status};

/// Damped Newton: direction `d = −H⁻¹∇E` when it points downhill (`gᵀd < 0`), otherwise `−∇E`;
/// step `x_{t+1} = x_t + α d` with the largest `α ∈ {1, ½, ¼, …}` that satisfies Armijo's
/// sufficient-decrease condition `E(x + αd) ≤ E(x) + c α gᵀd` with `c = 10⁻⁴`. So `E` decreases at
/// every step, and near a minimum the full Newton step (`α = 1`) is taken. If no `α` down to
/// `2⁻⁶⁰` decreases `E`, the run stays put and is reported converged only if the gradient is small.
/// Reference: J. Nocedal, S. Wright, "Numerical Optimization" (2nd ed., 2006), §3.1 and
/// Algorithm 3.1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DampedNewton;

/// Armijo's constant `c`.
const ARMIJO_C: f64 = 1e-4;
/// The most halvings of `α` per step.
const MAX_HALVINGS: u32 = 60;

impl<D: Dim> Method<D> for DampedNewton
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
        let (next, values) = armijo_step(landscape, &state.x, state.value, &state.gradient, &h);
        state.counts.values += values;
        state.stepped_to(landscape, next, criteria)
    }
}

/// One damped Newton step from `x` (where `E = value`, `∇E = g`, `H = h`): the next point and
/// how many values the line search evaluated. With no decrease found (rounding at a critical
/// point) the point stays put. Generic so that the basin maps compile it per landscape.
pub fn armijo_step<L: Landscape<D> + ?Sized, D: Dim>(
    l: &L,
    x: &Vector<D>,
    value: f64,
    g: &Vector<D>,
    h: &Matrix<D>,
) -> (Vector<D>, u64)
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    let d = newton_direction(h, g).filter(|d| g.dot(d) < 0.0).unwrap_or_else(|| -g);
    let slope = g.dot(&d);
    let mut alpha = 1.0;
    for i in 0..=MAX_HALVINGS {
        let trial = x + alpha * &d;
        if l.value(&trial) <= value + ARMIJO_C * alpha * slope {
            return (trial, u64::from(i) + 1);
        }
        alpha *= 0.5;
    }
    (x.clone(), u64::from(MAX_HALVINGS) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::check::Rng;
    use crate::landscape::presets::{Himmelblau, Quadratic2, Rosenbrock, Saddle};
    use crate::landscape::{Point, U2};

    #[test]
    fn decreases_e_at_every_step_from_random_starts() {
        let criteria = Criteria::default();
        let mut rng = Rng::new(7);
        let cases: [(&dyn Landscape<U2>, f64); 3] = [(&Rosenbrock, 2.0), (&Himmelblau, 5.0), (&Saddle, 1.0)];
        for (l, r) in cases {
            for _ in 0..40 {
                let mut s = State::start(l, Point::<2>::new(rng.uniform(-r, r), rng.uniform(-r, r)), &criteria);
                for _ in 0..60 {
                    let before = s.value;
                    s = DampedNewton.step(l, s, &criteria);
                    assert!(s.value <= before, "E rose from {before} to {}", s.value);
                    if s.status != Status::Running {
                        break;
                    }
                }
            }
        }
    }

    #[test]
    fn damping_ensures_decrease_not_escape_from_saddles() {
        let criteria = Criteria::default();
        // Near the x axis of x² − y², Newton's step toward the saddle still goes downhill, so
        // the line search accepts it: damped Newton also lands on the saddle.
        let s = DampedNewton.step(
            &Saddle,
            State::start(&Saddle, Point::<2>::new(1.5, 0.05), &criteria),
            &criteria,
        );
        assert!(s.x.norm() < 1e-12);
        assert_eq!(s.status, Status::Converged);
        // Near the y axis Newton's step goes uphill: damped Newton falls back to −∇E and descends.
        let s0 = State::start(&Saddle, Point::<2>::new(0.05, 1.5), &criteria);
        let s = DampedNewton.step(&Saddle, s0, &criteria);
        assert!(s.value < s0.value && s.x[1] > 1.5, "{:?}", s.x);
    }

    #[test]
    fn takes_the_full_newton_step_on_a_convex_quadratic() {
        let criteria = Criteria::default();
        let l = Quadratic2::new(2.0, 30.0, 0.3);
        let s = DampedNewton.step(&l, State::start(&l, Point::<2>::new(3.0, -4.0), &criteria), &criteria);
        assert!(s.x.norm() < 1e-12);
        assert_eq!(s.counts.values, 1);
    }

    #[test]
    fn solves_rosenbrock() {
        let criteria = Criteria::default();
        let mut s = State::start(&Rosenbrock, Point::<2>::new(-1.2, 1.0), &criteria);
        for _ in 0..100 {
            s = DampedNewton.step(&Rosenbrock, s, &criteria);
        }
        assert_eq!(s.status, Status::Converged);
        assert!((s.x - Point::<2>::new(1.0, 1.0)).norm() < 1e-8);
    }
}
