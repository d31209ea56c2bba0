//! Gradient descent with momentum (Polyak's heavy ball).

use crate::error::{check_param, Error};
use crate::landscape::{resized, zeros, Allocator, DefaultAllocator, Dim, Landscape, Vector};
use crate::method::gradient_descent::GradientDescent;
use crate::method::{Criteria, Method, State, Status};

/// Heavy-ball momentum: `v_{t+1} = β v_t − η ∇E(x_t)`, `x_{t+1} = x_t + v_{t+1}`, with `v_0 = 0`.
///
/// The velocity averages past gradients, so zig-zags across a narrow valley cancel and steps
/// along it add up. On a quadratic it converges for `0 ≤ β < 1` and `0 < η < 2(1 + β)/λ_max`.
/// Reference: B. T. Polyak, "Some methods of speeding up the convergence of iteration methods",
/// USSR Comput. Math. Math. Phys. 4(5), 1964; G. Goh, "Why Momentum Really Works", Distill 2017.
#[derive(Debug, Clone, PartialEq)]
pub struct Momentum<D: Dim>
where
    DefaultAllocator: Allocator<D>,
{
    eta: f64,
    beta: f64,
    velocity: Vector<D>,
}

impl<D: Dim> Momentum<D>
where
    DefaultAllocator: Allocator<D>,
{
    /// With learning rate `eta` (as for gradient descent) and momentum `beta ∈ [0, 1)`.
    pub fn new(eta: f64, beta: f64) -> Result<Self, Error> {
        let eta = GradientDescent::new(eta)?.eta();
        let beta = check_param("beta", beta, 0.0, 0.999_999)?;
        Ok(Momentum {
            eta,
            beta,
            velocity: zeros(),
        })
    }
}

impl<D: Dim> Method<D> for Momentum<D>
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    fn step(&mut self, landscape: &dyn Landscape<D>, state: State<D>, criteria: &Criteria) -> State<D> {
        if state.status != Status::Running {
            return state;
        }
        resized(&mut self.velocity, &state.x);
        self.velocity = self.beta * &self.velocity - self.eta * &state.gradient;
        let next = &state.x + &self.velocity;
        state.stepped_to(landscape, next, criteria)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::presets::{Himmelblau, Quadratic2};
    use crate::landscape::{Point, U2};

    #[test]
    fn first_two_steps_by_hand() {
        let criteria = Criteria::default();
        let (eta, beta) = (0.01, 0.9);
        let mut m = Momentum::<U2>::new(eta, beta).expect("valid");
        let x0 = Point::<2>::new(1.0, 1.0);
        let s0 = State::start(&Himmelblau, x0, &criteria);
        // ∇E(1, 1) = (4·1·(−9) + 2·(−5), 2·(−9) + 4·1·(−5)) = (−46, −38).
        assert_eq!(s0.gradient, Point::<2>::new(-46.0, -38.0));
        let s1 = m.step(&Himmelblau, s0, &criteria);
        let x1 = x0 + Point::<2>::new(0.46, 0.38);
        assert!((s1.x - x1).norm() < 1e-15);
        let s2 = m.step(&Himmelblau, s1, &criteria);
        let x2 = x1 + beta * Point::<2>::new(0.46, 0.38) - eta * Himmelblau.gradient(&x1);
        assert!((s2.x - x2).norm() < 1e-14);
    }

    #[test]
    fn beta_zero_is_gradient_descent_and_bad_values_are_refused() {
        let criteria = Criteria::default();
        let l = Quadratic2::new(1.0, 10.0, 0.4);
        let s0 = State::start(&l, Point::<2>::new(-4.0, 3.0), &criteria);
        let (mut m, mut gd) = (
            Momentum::<U2>::new(0.05, 0.0).expect("valid"),
            GradientDescent::new(0.05).expect("valid"),
        );
        let (mut a, mut b) = (s0, s0);
        for _ in 0..20 {
            a = m.step(&l, a, &criteria);
            b = gd.step(&l, b, &criteria);
        }
        assert_eq!(a.x, b.x);
        assert!(Momentum::<U2>::new(0.1, 1.0).is_err());
        assert!(Momentum::<U2>::new(0.1, -0.1).is_err());
        assert!(Momentum::<U2>::new(0.0, 0.5).is_err());
    }

    #[test]
    fn converges_beyond_two_over_lambda_max() {
        // Stable for η < 2(1 + β)/λ_max = 0.38 with β = 0.9, λ_max = 10; GD would diverge at 0.3.
        let criteria = Criteria::default();
        let l = Quadratic2::new(1.0, 10.0, 0.4);
        let mut m = Momentum::<U2>::new(0.3, 0.9).expect("valid");
        let mut s = State::start(&l, Point::<2>::new(-4.0, 3.0), &criteria);
        for _ in 0..3000 {
            s = m.step(&l, s, &criteria);
        }
        assert_eq!(s.status, Status::Converged);
    }
}
