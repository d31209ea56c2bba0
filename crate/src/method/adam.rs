//! Adam: per-coordinate steps scaled by running averages of the gradient and its square.

use crate::error::Error;
use crate::landscape::{resized, zeros, Allocator, DefaultAllocator, Dim, Landscape, Vector};
use crate::method::gradient_descent::GradientDescent;
use crate::method::{Criteria, Method, State, Status};

/// Adam with the paper's defaults `β₁ = 0.9`, `β₂ = 0.999`, `ε = 10⁻⁸`:
/// `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`, `m̂ = m/(1−β₁ᵗ)`, `v̂ = v/(1−β₂ᵗ)`,
/// `x ← x − η m̂ / (√v̂ + ε)` (element-wise).
///
/// Each coordinate gets its own step size, roughly `η` whatever the gradient's scale: the first
/// step is `≈ −η·sign(∇E)`. It needs only gradients, like gradient descent.
/// Reference: D. P. Kingma, J. Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015.
#[derive(Debug, Clone, PartialEq)]
pub struct Adam<D: Dim>
where
    DefaultAllocator: Allocator<D>,
{
    eta: f64,
    m: Vector<D>,
    v: Vector<D>,
    t: i32,
}

const BETA1: f64 = 0.9;
const BETA2: f64 = 0.999;
const EPSILON: f64 = 1e-8;

impl<D: Dim> Adam<D>
where
    DefaultAllocator: Allocator<D>,
{
    /// With step size `eta` (validated as gradient descent's learning rate).
    pub fn new(eta: f64) -> Result<Self, Error> {
        Ok(Adam {
            eta: GradientDescent::new(eta)?.eta(),
            m: zeros(),
            v: zeros(),
            t: 0,
        })
    }
}

impl<D: Dim> Method<D> for Adam<D>
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    fn step(&mut self, landscape: &dyn Landscape<D>, state: State<D>, criteria: &Criteria) -> State<D> {
        if state.status != Status::Running {
            return state;
        }
        let g = &state.gradient;
        resized(&mut self.m, g);
        resized(&mut self.v, g);
        self.t = self.t.saturating_add(1);
        self.m = BETA1 * &self.m + (1.0 - BETA1) * g;
        self.v = BETA2 * &self.v + (1.0 - BETA2) * g.component_mul(g);
        let m_hat = &self.m / (1.0 - BETA1.powi(self.t));
        let v_hat = &self.v / (1.0 - BETA2.powi(self.t));
        let step = m_hat.zip_map(&v_hat, |m, v| m / (v.sqrt() + EPSILON));
        let next = &state.x - self.eta * step;
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
        let eta = 0.1;
        let mut adam = Adam::<U2>::new(eta).expect("valid");
        let x0 = Point::<2>::new(1.0, 1.0);
        let s0 = State::start(&Himmelblau, x0, &criteria);
        let g0 = s0.gradient; // (−46, −38)
        let s1 = adam.step(&Himmelblau, s0, &criteria);
        // m̂ = g, v̂ = g², so the step is η·g/(|g| + ε) per coordinate.
        let x1 = x0 - eta * g0.map(|g| g / (g.abs() + EPSILON));
        assert!((s1.x - x1).norm() < 1e-15, "{:?} vs {x1:?}", s1.x);
        let g1 = Himmelblau.gradient(&x1);
        let s2 = adam.step(&Himmelblau, s1, &criteria);
        let x2 = x1
            - eta
                * Point::<2>::from_fn(|i, _| {
                    let m = (0.9 * 0.1 * g0[i] + 0.1 * g1[i]) / (1.0 - 0.81);
                    let v = (0.999 * 0.001 * g0[i] * g0[i] + 0.001 * g1[i] * g1[i]) / (1.0 - 0.999 * 0.999);
                    m / (v.sqrt() + EPSILON)
                });
        assert!((s2.x - x2).norm() < 1e-13, "{:?} vs {x2:?}", s2.x);
    }

    #[test]
    fn reaches_the_minimum_of_an_ill_conditioned_quadratic() {
        let criteria = Criteria {
            grad_tol: 1e-6,
            ..Criteria::default()
        };
        let l = Quadratic2::new(1.0, 100.0, 0.0);
        let mut adam = Adam::<U2>::new(0.05).expect("valid");
        let mut s = State::start(&l, Point::<2>::new(-4.0, 3.0), &criteria);
        let e0 = s.value;
        for _ in 0..5000 {
            s = adam.step(&l, s, &criteria);
        }
        assert!(s.value < 1e-6 * e0, "E = {}", s.value);
    }
}
