//! The lecture's real subject: the loss `E` of a neural network on data, whose sigmoids and
//! squared errors make plateaus and several minima.
//!
//! - [`NeuronLoss`]: one sigmoid neuron `y = σ(w·x − θ)` with the mean squared error on a small
//!   data set, as a function of the synapse `w` and the threshold `θ` (exact closed forms).
//! - [`TinyNet`]: a 1–2–1 network of sigmoids (7 weights) seen on a 2-D slice through weight
//!   space: either two chosen weights, or two random directions normalized layer by layer to the
//!   weights' norms (Li et al. 2018, "Visualizing the loss landscape of neural nets"); the other
//!   weights fixed from a seeded initialization. Exact derivatives along the slice by dual
//!   numbers.

use super::U2;
use crate::landscape::dual::{Dual2, Hyper2, Scalar};

use crate::landscape::{Hessian, Landscape, Point};

/// Most data points a data set may hold.
pub const MAX_POINTS: usize = 64;
/// Inputs and targets are kept within these bounds (the data panel's box).
pub const X_RANGE: (f64, f64) = (-3.0, 3.0);

/// The built-in data sets, `(x, t)` pairs: index 0 `step`, 1 `noisy`, 2 `bump` (not separable
/// by one neuron), 3 `two points`.
pub fn data_set(index: usize) -> Vec<(f64, f64)> {
    match index {
        0 => vec![
            (-2.0, 0.0),
            (-1.2, 0.0),
            (-0.5, 0.0),
            (0.5, 1.0),
            (1.3, 1.0),
            (2.2, 1.0),
        ],
        1 => {
            // Seeded: the same twelve points every time. Labels follow x > 0.3, two flipped.
            let mut seed: u64 = 0x5EED_DA7A;
            (0..12)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    let x = -2.8 + 5.6 * ((seed >> 11) as f64 / (1u64 << 53) as f64);
                    let t = if (x > 0.3) != (i == 3 || i == 8) { 1.0 } else { 0.0 };
                    ((x * 100.0).round() / 100.0, t)
                })
                .collect()
        }
        2 => vec![
            (-2.4, 0.0),
            (-1.6, 0.0),
            (-0.4, 1.0),
            (0.4, 1.0),
            (1.6, 0.0),
            (2.4, 0.0),
        ],
        _ => vec![(-1.0, 0.0), (1.0, 1.0)],
    }
}

/// The number of built-in data sets.
pub const DATA_SETS: usize = 4;

/// Reads `[x₀, t₀, x₁, t₁, …]`: pairs with finite `x` in [`X_RANGE`] and `t` in `[0, 1]`, at
/// most [`MAX_POINTS`]; `None` if anything is off.
pub fn parse_points(flat: &[f64]) -> Option<Vec<(f64, f64)>> {
    if flat.len() % 2 != 0 || flat.len() > 2 * MAX_POINTS {
        return None;
    }
    let points: Vec<(f64, f64)> = flat.chunks_exact(2).map(|c| (c[0], c[1])).collect();
    let fits = |&(x, t): &(f64, f64)| (X_RANGE.0..=X_RANGE.1).contains(&x) && (0.0..=1.0).contains(&t);
    points.iter().all(fits).then_some(points)
}

/// `σ(z) = 1/(1 + e^−z)` in any [`Scalar`], without overflow for large `|z|`.
pub fn sigmoid<T: Scalar>(z: T) -> T {
    z.sigmoid()
}

/// One sigmoid neuron's mean squared error, `E(w, θ) = (1/n) Σ (σ(w·xᵢ − θ) − tᵢ)²`, with `w`
/// the first coordinate and `θ` the second. An empty data set gives `E = 0`.
#[derive(Debug, Clone, PartialEq)]
pub struct NeuronLoss {
    /// The `(x, t)` pairs.
    pub data: Vec<(f64, f64)>,
}

impl NeuronLoss {
    /// For every point: `(x, r, σ', σ'')` with `r = σ − t` the residual.
    fn terms(&self, p: &Point<2>) -> impl Iterator<Item = (f64, f64, f64, f64)> + '_ {
        let (w, theta) = (p[0], p[1]);
        self.data.iter().map(move |&(x, t)| {
            let s = sigmoid(w * x - theta);
            let d1 = s * (1.0 - s);
            (x, s - t, d1, d1 * (1.0 - 2.0 * s))
        })
    }

    fn scale(&self) -> f64 {
        if self.data.is_empty() {
            0.0
        } else {
            1.0 / self.data.len() as f64
        }
    }
}

impl crate::landscape::pair::Paired for NeuronLoss {}
impl crate::landscape::pair::Paired for TinyNet {}

impl Landscape<U2> for NeuronLoss {
    fn value(&self, p: &Point<2>) -> f64 {
        self.scale() * self.terms(p).map(|(_, r, _, _)| r * r).sum::<f64>()
    }

    fn gradient(&self, p: &Point<2>) -> Point<2> {
        // ∂E/∂z = (2/n)·r·σ', with ∂z/∂w = x and ∂z/∂θ = −1.
        let k = 2.0 * self.scale();
        self.terms(p).fold(Point::<2>::zeros(), |g, (x, r, d1, _)| {
            g + k * r * d1 * Point::<2>::new(x, -1.0)
        })
    }

    fn hessian(&self, p: &Point<2>) -> Hessian<2> {
        // ∂²E/∂z² = (2/n)(σ'² + r·σ''), times (x, −1)(x, −1)ᵀ.
        let k = 2.0 * self.scale();
        self.terms(p).fold(Hessian::<2>::zeros(), |h, (x, r, d1, d2)| {
            let v = Point::<2>::new(x, -1.0);
            h + k * (d1 * d1 + r * d2) * v * v.transpose()
        })
    }
}

/// Weights of the 1–2–1 network: hidden `a₁, b₁, a₂, b₂` (`hᵢ = σ(aᵢx + bᵢ)`), output
/// `c₁, c₂, d` (`y = σ(c₁h₁ + c₂h₂ + d)`).
pub const NET_WEIGHTS: usize = 7;
/// Names of the weights, in order.
pub const NET_NAMES: [&str; NET_WEIGHTS] = ["a₁", "b₁", "a₂", "b₂", "c₁", "c₂", "d"];

/// The network's mean squared error on `data` at weights `p`, in any number type.
fn net_loss<T: Scalar>(p: &[T; NET_WEIGHTS], data: &[(f64, f64)]) -> T {
    let mut sum = T::constant(0.0);
    for &(x, t) in data {
        let x = T::constant(x);
        let h1 = sigmoid(p[0] * x + p[1]);
        let h2 = sigmoid(p[2] * x + p[3]);
        let r = sigmoid(p[4] * h1 + p[5] * h2 + p[6]) - T::constant(t);
        sum = sum + r * r;
    }
    if data.is_empty() {
        sum
    } else {
        sum / T::constant(data.len() as f64)
    }
}

/// A seeded standard-normal generator (xorshift + Box–Muller), for initializations.
struct Normal(u64);

impl Normal {
    fn uniform(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        ((self.0 >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    fn next(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// The 1–2–1 network's loss on a 2-D slice `center + u·d₁ + v·d₂` through its weights.
#[derive(Debug, Clone, PartialEq)]
pub struct TinyNet {
    /// The data set.
    pub data: Vec<(f64, f64)>,
    /// Where the slice passes (`u = v = 0`).
    pub center: [f64; NET_WEIGHTS],
    /// The slice's two directions.
    pub dirs: [[f64; NET_WEIGHTS]; 2],
}

impl TinyNet {
    /// Weights drawn from `seed` (normal, scaled 1.5 like a wide initialization); the slice
    /// either along weights `a₁` and `a₂` themselves (`random == false`: the map's axes are those
    /// two weights, the others fixed) or along two random directions normalized layer by layer
    /// to the weights' norms (Li et al. 2018), centred on the initialization.
    pub fn new(data: Vec<(f64, f64)>, seed: u64, random: bool) -> Self {
        let mut rng = Normal(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let init: [f64; NET_WEIGHTS] = std::array::from_fn(|_| 1.5 * rng.next());
        if random {
            let mut dirs = [[0.0; NET_WEIGHTS]; 2];
            for d in &mut dirs {
                *d = std::array::from_fn(|_| rng.next());
                // Layer by layer: hidden (0..4) and output (4..7).
                for layer in [0..4, 4..NET_WEIGHTS] {
                    let norm = |v: &[f64]| v.iter().map(|a| a * a).sum::<f64>().sqrt();
                    let k = norm(&init[layer.clone()]) / norm(&d[layer.clone()]).max(1e-12);
                    d[layer].iter_mut().for_each(|a| *a *= k);
                }
            }
            TinyNet {
                data,
                center: init,
                dirs,
            }
        } else {
            let mut center = init;
            center[0] = 0.0;
            center[2] = 0.0;
            let mut dirs = [[0.0; NET_WEIGHTS]; 2];
            dirs[0][0] = 1.0;
            dirs[1][2] = 1.0;
            TinyNet { data, center, dirs }
        }
    }

    /// The network's output at input `x` with the weights at slice point `p`.
    pub fn output(&self, p: &Point<2>, x: f64) -> f64 {
        let w = self.weights(p[0], p[1]);
        let (h1, h2) = (sigmoid(w[0] * x + w[1]), sigmoid(w[2] * x + w[3]));
        sigmoid(w[4] * h1 + w[5] * h2 + w[6])
    }

    fn weights<T: Scalar>(&self, u: T, v: T) -> [T; NET_WEIGHTS] {
        std::array::from_fn(|i| {
            T::constant(self.center[i]) + u * T::constant(self.dirs[0][i]) + v * T::constant(self.dirs[1][i])
        })
    }
}

impl Landscape<U2> for TinyNet {
    fn value(&self, p: &Point<2>) -> f64 {
        net_loss(&self.weights(p[0], p[1]), &self.data)
    }

    fn gradient(&self, p: &Point<2>) -> Point<2> {
        let d = net_loss(&self.weights(Dual2::var(p[0], 0), Dual2::var(p[1], 1)), &self.data);
        Point::<2>::new(d.g[0], d.g[1])
    }

    fn hessian(&self, p: &Point<2>) -> Hessian<2> {
        let d = net_loss(&self.weights(Hyper2::var(p[0], 0), Hyper2::var(p[1], 1)), &self.data);
        Hessian::<2>::new(d.h[0], d.h[1], d.h[1], d.h[2])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::check::derivatives_match;

    #[test]
    fn neuron_gradient_matches_a_hand_computation_on_two_points() {
        // Data (−1, 0) and (1, 1); at w = 0, θ = 0 every σ is ½, σ' = ¼, σ'' = 0, and the
        // residuals are r₁ = ½ − 0 = ½ and r₂ = ½ − 1 = −½.
        // E = ½(r₁² + r₂²) = ¼.
        // ∂E/∂w = (2/n) Σ rσ'x = ½·¼·(−1) + (−½)·¼·1 = −¼.
        // ∂E/∂θ = (2/n) Σ rσ'·(−1) = −(½·¼ − ½·¼) = 0.
        let l = NeuronLoss { data: data_set(3) };
        let p = Point::<2>::new(0.0, 0.0);
        assert_eq!(l.value(&p), 0.25);
        let g = l.gradient(&p);
        assert!((g[0] + 0.25).abs() < 1e-15 && g[1].abs() < 1e-15, "{g:?}");
        // H = (2/2) Σ σ'² (x, −1)(x, −1)ᵀ = (1/16)·[[2, 0], [0, 2]].
        let h = l.hessian(&p);
        assert!((h - Hessian::<2>::new(0.125, 0.0, 0.0, 0.125)).norm() < 1e-15, "{h:?}");
    }

    #[test]
    fn derivatives_match_finite_differences() {
        for set in 0..DATA_SETS {
            derivatives_match(&NeuronLoss { data: data_set(set) }, -4.0, 4.0, 200);
            derivatives_match(&TinyNet::new(data_set(set), 7, false), -4.0, 4.0, 100);
            derivatives_match(&TinyNet::new(data_set(set), 11, true), -1.0, 1.0, 100);
        }
    }

    #[test]
    fn separable_data_has_a_valley_not_a_point_and_saturated_starts_sit_on_plateaus() {
        let l = NeuronLoss { data: data_set(0) };
        // Far out along the separating direction the loss keeps falling: no finite minimum.
        let near = l.value(&Point::<2>::new(4.0, 0.0));
        let far = l.value(&Point::<2>::new(8.0, 0.0));
        assert!(far < near && far < 1e-3);
        // A saturated start (large |θ|) has a tiny gradient although E is far from its infimum.
        let plateau = Point::<2>::new(0.5, 12.0);
        assert!(l.value(&plateau) > 0.4 && l.gradient(&plateau).norm() < 1e-3);
    }

    #[test]
    fn points_are_validated() {
        assert_eq!(
            parse_points(&[0.5, 1.0, -1.0, 0.0]),
            Some(vec![(0.5, 1.0), (-1.0, 0.0)])
        );
        assert_eq!(parse_points(&[]), Some(vec![]));
        assert_eq!(parse_points(&[0.5]), None);
        assert_eq!(parse_points(&[9.0, 1.0]), None);
        assert_eq!(parse_points(&[0.0, 1.5]), None);
        assert_eq!(parse_points(&[f64::NAN, 0.0]), None);
        assert_eq!(parse_points(&vec![0.0; 2 * MAX_POINTS + 2]), None);
        assert_eq!(NeuronLoss { data: vec![] }.value(&Point::<2>::new(1.0, 1.0)), 0.0);
    }

    #[test]
    fn slices_are_seeded_and_pass_through_the_initialization() {
        let a = TinyNet::new(data_set(1), 42, true);
        assert_eq!(a, TinyNet::new(data_set(1), 42, true));
        assert_ne!(a.center, TinyNet::new(data_set(1), 43, true).center);
        let at0 = net_loss(&a.center, &a.data);
        assert_eq!(a.value(&Point::<2>::new(0.0, 0.0)), at0);
    }
}

/// Activation functions whose cost the page measures (the lecture's point 3: exponentials are
/// slow in floating point).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    /// `1/(1 + e^−x)`: one exponential.
    Logistic,
    /// `tanh x`: exponentials inside.
    Tanh,
    /// `max(x, 0)`: a comparison.
    Relu,
    /// `½ + ½·x/(1 + |x|)`: a rational stand-in for the logistic, no exponential.
    Rational,
}

impl Activation {
    /// The activation named `name` (`logistic`, `tanh`, `relu`, `rational`).
    pub fn named(name: &str) -> Option<Self> {
        Some(match name {
            "logistic" => Activation::Logistic,
            "tanh" => Activation::Tanh,
            "relu" => Activation::Relu,
            "rational" => Activation::Rational,
            _ => return None,
        })
    }

    /// The activation at `x`.
    pub fn at(self, x: f64) -> f64 {
        match self {
            Activation::Logistic => 1.0 / (1.0 + (-x).exp()),
            Activation::Tanh => x.tanh(),
            Activation::Relu => x.max(0.0),
            Activation::Rational => 0.5 + 0.5 * x / (1.0 + x.abs()),
        }
    }

    /// The sum of the activation at `n` inputs spread over `[−4, 4)` (a workload to time; the
    /// sum keeps the compiler from skipping it).
    pub fn sum(self, n: usize) -> f64 {
        let dx = 8.0 / n.max(1) as f64;
        let mut x = -4.0;
        let mut s = 0.0;
        for _ in 0..n {
            s += self.at(x);
            x += dx;
        }
        s
    }
}

#[cfg(test)]
mod activation_tests {
    use super::Activation::*;

    #[test]
    fn activations_have_their_values() {
        assert_eq!(Logistic.at(0.0), 0.5);
        assert_eq!(Rational.at(0.0), 0.5);
        assert_eq!(Relu.at(-2.0), 0.0);
        assert_eq!(Relu.at(2.0), 2.0);
        assert!((Tanh.at(1.0) - 0.761_594_155_955_764_9).abs() < 1e-15);
        assert!(Rational.at(50.0) > 0.99 && Rational.at(-50.0) < 0.01);
        // Σ over the grid −4, −4 + 0.008, …, 3.992 of an odd function: everything cancels but −4.
        assert!((Tanh.sum(1000) - (-4.0f64).tanh()).abs() < 1e-9);
        assert_eq!(super::Activation::named("relu"), Some(Relu));
        assert_eq!(super::Activation::named("softmax"), None);
    }
}
