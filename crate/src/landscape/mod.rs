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

use nalgebra::{OMatrix, OVector, SMatrix, SVector};

pub use nalgebra::allocator::Allocator;
pub use nalgebra::{Const, DefaultAllocator, Dim, Dyn, U1, U2};

/// A point in `N`-dimensional parameter space (the lecture's `W`), `N` known when compiling
/// (the page's one and two variables).
pub type Point<const N: usize> = SVector<f64, N>;

/// The `N × N` matrix of second derivatives of `E`.
pub type Hessian<const N: usize> = SMatrix<f64, N, N>;

/// A point in a space of dimension `D`: [`Point`] when `D` is `Const<N>`, or of a length known
/// only when running ([`Dyn`]: all the weights of a network, [`crate::network`]).
pub type Vector<D> = OVector<f64, D>;

/// A `D × D` matrix: [`Hessian`] when `D` is `Const<N>`.
pub type Matrix<D> = OMatrix<f64, D, D>;

/// The zero vector of `D`: `N` zeros for `Const<N>`; for [`Dyn`] none, until a run gives the
/// length (see [`resized`]).
pub fn zeros<D: Dim>() -> Vector<D>
where
    DefaultAllocator: Allocator<D>,
{
    Vector::<D>::zeros_generic(D::from_usize(D::try_to_usize().unwrap_or(0)), U1)
}

/// `v`, or zeros of `like`'s length if `v` has another (a method's memory before its first step
/// in a space of run-time dimension; never for `Const<N>`, where the lengths agree).
pub fn resized<D: Dim>(v: &mut Vector<D>, like: &Vector<D>)
where
    DefaultAllocator: Allocator<D>,
{
    if v.len() != like.len() {
        *v = like.map(|_| 0.0);
    }
}

/// A loss `E` over the parameters of a space of dimension `D` (`Const<N>`, or [`Dyn`]) with
/// exact first and second derivatives.
///
/// Implementations give closed forms (or forward-mode automatic differentiation); finite
/// differences are used only in tests, to check them.
pub trait Landscape<D: Dim>
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    /// The loss `E(x)`.
    fn value(&self, x: &Vector<D>) -> f64;
    /// The gradient `∇E(x)`.
    fn gradient(&self, x: &Vector<D>) -> Vector<D>;
    /// The Hessian `H(x) = ∇²E(x)`.
    fn hessian(&self, x: &Vector<D>) -> Matrix<D>;

    /// `E(x)` and `∇E(x)` together (what every step's new point needs): by default two calls;
    /// a landscape that computes both in one pass (a network's backpropagation) overrides it.
    /// (Lab and native, where the network is: in the page's wasm every landscape's copy of the
    /// default weighed 0.5 KB gzip.)
    #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
    fn value_gradient(&self, x: &Vector<D>) -> (f64, Vector<D>) {
        (self.value(x), self.gradient(x))
    }
    /// `∇E(x)` and `H(x)` together (what a Newton step needs): by default two calls; a
    /// landscape that computes both in one pass (typed functions) overrides it.
    fn gradient_hessian(&self, x: &Vector<D>) -> (Vector<D>, Matrix<D>) {
        (self.gradient(x), self.hessian(x))
    }
    /// What Levenberg–Marquardt damps: where `E` is a mean of squared errors with a Jacobian of
    /// its own (a network's, [`crate::network::training`]), the Gauss–Newton matrix, positive
    /// semidefinite; by default the Hessian. (Lab and native: the page's landscapes have none.)
    #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
    fn gauss_newton(&self, x: &Vector<D>) -> Matrix<D> {
        self.hessian(x)
    }
    /// `∇E` and `H` at each of [`dual::LANES`] points (the basin kernel's lanes): by default one
    /// at a time; a typed function evaluates all of them per pass of its program. (Lab and
    /// native.)
    #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
    fn gradient_hessians(&self, x: &[Vector<D>; dual::LANES]) -> [(Vector<D>, Matrix<D>); dual::LANES] {
        std::array::from_fn(|k| self.gradient_hessian(&x[k]))
    }
    /// `E` at each of `points` (`[x, y]`; `y` unused in 1-D) into `out`, for a grid's row: by
    /// default one point at a time; a typed function interprets its program once per
    /// [`dual::LANES`] points. (Lab and native: the page's wasm samples point by point.)
    #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
    fn values(&self, points: &[[f64; 2]], out: &mut [f64]) {
        for (p, o) in points.iter().zip(out) {
            *o = self.value(&Vector::<D>::from_fn_generic(
                D::from_usize(2.min(D::try_to_usize().unwrap_or(2))),
                U1,
                |i, _| p[i.min(1)],
            ));
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
    pub fn derivatives_match<const N: usize>(l: &dyn Landscape<Const<N>>, lo: f64, hi: f64, samples: usize) {
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
