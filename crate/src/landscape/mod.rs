//! A loss landscape: the value `E(x)`, its exact gradient `∇E(x)` and its exact Hessian `H(x)`,
//! and the landscapes themselves: the built-in [`presets`], functions people type ([`typed`], with
//! the [`dual`] numbers that differentiate them) and the losses of small networks ([`neural`]).
//! A landscape knows nothing of the methods, analyses and pictures built on it.

pub mod dual;
pub mod eigen;
pub mod neural;
pub mod pair;
pub mod presets;
// Typed functions (their parser, compiler and evaluator) are in the lab's build and natively:
// the page's wasm leaves them out, and the page moves its session into the lab's build the first
// time a person asks for one (www/lab/index.js, `adopt`).
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
pub mod typed;

use nalgebra::{SMatrix, SVector};

/// A point in `N`-dimensional parameter space (the lecture's `W`).
pub type Point<const N: usize> = SVector<f64, N>;

/// The `N × N` matrix of second derivatives of `E`.
pub type Hessian<const N: usize> = SMatrix<f64, N, N>;

/// A loss `E` over `N` parameters with exact first and second derivatives.
///
/// Implementations give closed forms (or forward-mode automatic differentiation); finite
/// differences are used only in tests, to check them.
pub trait Landscape<const N: usize> {
    /// The loss `E(x)`.
    fn value(&self, x: &Point<N>) -> f64;
    /// The gradient `∇E(x)`.
    fn gradient(&self, x: &Point<N>) -> Point<N>;
    /// The Hessian `H(x) = ∇²E(x)`.
    fn hessian(&self, x: &Point<N>) -> Hessian<N>;

    /// `∇E(x)` and `H(x)` together (what a Newton step needs): by default two calls; a
    /// landscape that computes both in one pass (typed functions) overrides it.
    fn gradient_hessian(&self, x: &Point<N>) -> (Point<N>, Hessian<N>) {
        (self.gradient(x), self.hessian(x))
    }
    /// `∇E` and `H` at each of [`dual::LANES`] points (the basin kernel's lanes): by default one
    /// at a time; a typed function evaluates all of them per pass of its program. (Lab and
    /// native.)
    #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
    fn gradient_hessians(&self, x: &[Point<N>; dual::LANES]) -> [(Point<N>, Hessian<N>); dual::LANES] {
        std::array::from_fn(|k| self.gradient_hessian(&x[k]))
    }
    /// `E` at each of `points` (`[x, y]`; `y` unused in 1-D) into `out`, for a grid's row: by
    /// default one point at a time; a typed function interprets its program once per
    /// [`dual::LANES`] points. (Lab and native: the page's wasm samples point by point.)
    #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
    fn values(&self, points: &[[f64; 2]], out: &mut [f64]) {
        for (p, o) in points.iter().zip(out) {
            *o = self.value(&Point::<N>::from_fn(|i, _| p[i.min(1)]));
        }
    }
}

/// Central finite-difference checks of a landscape's derivatives, for tests.
#[cfg(test)]
pub(crate) mod check {
    use super::*;

    /// A small deterministic generator (xorshift64*), so failures reproduce.
    pub struct Rng(u64);

    impl Rng {
        pub fn new(seed: u64) -> Self {
            Rng(seed.max(1))
        }
        /// Uniform in `[lo, hi)`.
        pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            let u = (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64;
            lo + (hi - lo) * u
        }
    }

    /// Asserts that the gradient and Hessian of `l` match central differences at `samples`
    /// random points in the box `[lo, hi]^N`.
    pub fn derivatives_match<const N: usize>(l: &dyn Landscape<N>, lo: f64, hi: f64, samples: usize) {
        let mut rng = Rng::new(0x5EED_0001);
        for _ in 0..samples {
            let x = Point::<N>::from_fn(|_, _| rng.uniform(lo, hi));
            let g = l.gradient(&x);
            let h = l.hessian(&x);
            for i in 0..N {
                let step = 1e-5 * (1.0 + x[i].abs());
                let mut xp = x;
                let mut xm = x;
                xp[i] += step;
                xm[i] -= step;
                let fd = (l.value(&xp) - l.value(&xm)) / (2.0 * step);
                let scale = 1.0 + g[i].abs() + l.value(&x).abs().sqrt();
                assert!(
                    (fd - g[i]).abs() < 1e-5 * scale,
                    "∂E/∂x{i} at {x:?}: exact {} vs fd {fd}",
                    g[i]
                );
                let gp = l.gradient(&xp);
                let gm = l.gradient(&xm);
                for j in 0..N {
                    let fd = (gp[j] - gm[j]) / (2.0 * step);
                    let scale = 1.0 + h[(j, i)].abs();
                    assert!(
                        (fd - h[(j, i)]).abs() < 1e-5 * scale,
                        "H[{j},{i}] at {x:?}: exact {} vs fd {fd}",
                        h[(j, i)]
                    );
                }
            }
        }
    }
}
