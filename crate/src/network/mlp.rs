//! A multilayer perceptron trained on all its weights: inputs, one or more hidden layers of
//! tanh, logistic-sigmoid or ReLU units, and one sigmoid output; its loss (the lecture's mean
//! squared error, or cross-entropy) over a data set, with the exact gradient by backpropagation
//! and the exact Hessian by forward-over-reverse differentiation: backpropagation run in dual
//! numbers along two weights at a time gives two columns of `H` per pass (Pearlmutter 1994,
//! "Fast exact multiplication by the Hessian", *Neural Computation* 6(1)). The Gauss–Newton
//! matrix of the squared error, `(2/n) Σ ∇yᵢ ∇yᵢᵀ`, is what Levenberg–Marquardt uses.
//!
//! The weights are one flat vector, layer after layer: each layer's weight matrix (row `j` is
//! unit `j`'s incoming weights), then its biases.

use crate::landscape::dual::{Dual2, Scalar};

/// A hidden unit's activation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    /// `tanh z`.
    Tanh,
    /// The logistic sigmoid `σ(z) = 1/(1 + e^(−z))`.
    Sigmoid,
    /// `max(0, z)` (its derivative at 0 taken as 0).
    Relu,
}

impl Activation {
    /// Every activation.
    pub const ALL: [Activation; 3] = [Activation::Tanh, Activation::Sigmoid, Activation::Relu];

    /// `[f, f′, f″, f‴]` at `z`: `f` and `f′` in any number type by the chain rule (`f′` in
    /// dual numbers so that backpropagation can itself be differentiated).
    fn derivatives(self, z: f64) -> [f64; 4] {
        match self {
            Activation::Tanh => {
                let t = z.tanh();
                let d = 1.0 - t * t;
                [t, d, -2.0 * t * d, -2.0 * d * (1.0 - 3.0 * t * t)]
            }
            Activation::Sigmoid => {
                let s = sigmoid(z);
                let d = s * (1.0 - s);
                [s, d, d * (1.0 - 2.0 * s), d * (1.0 - 6.0 * s + 6.0 * s * s)]
            }
            Activation::Relu => {
                if z > 0.0 {
                    [z, 1.0, 0.0, 0.0]
                } else {
                    [0.0, 0.0, 0.0, 0.0]
                }
            }
        }
    }
}

/// The loss over a data set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loss {
    /// `E = (1/n) Σ (yᵢ − tᵢ)²`, the lecture's.
    SquaredError,
    /// `E = −(1/n) Σ [tᵢ ln yᵢ + (1 − tᵢ) ln(1 − yᵢ)]`, computed from the output unit's input
    /// `zᵢ` as `softplus(zᵢ) − tᵢ zᵢ`, finite for every `z`.
    CrossEntropy,
}

/// One example: its inputs and its target in `[0, 1]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// The inputs (as many as the network's).
    pub x: Vec<f64>,
    /// The target.
    pub t: f64,
}

/// The network's shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Mlp {
    /// Inputs per example.
    pub inputs: usize,
    /// Units in each hidden layer, in order.
    pub hidden: Vec<usize>,
    /// The hidden units' activation.
    pub activation: Activation,
    /// The loss.
    pub loss: Loss,
}

/// `σ(z)`, without overflow for large `|z|`.
fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

impl Mlp {
    /// `[inputs, hidden…, 1]`: the width of every layer.
    fn widths(&self) -> Vec<usize> {
        std::iter::once(self.inputs)
            .chain(self.hidden.iter().copied())
            .chain(std::iter::once(1))
            .collect()
    }

    /// How many weights and biases the network has: `N`.
    pub fn weights(&self) -> usize {
        self.widths().windows(2).map(|w| (w[0] + 1) * w[1]).sum()
    }

    /// The network's output `y = σ(z)` at input `x`.
    pub fn output(&self, w: &[f64], x: &[f64]) -> f64 {
        sigmoid(self.forward(w, x, &mut Pass::new(self.widths())))
    }

    /// `E` at weights `w` on `data` (forward passes only).
    pub fn loss(&self, w: &[f64], data: &[Sample]) -> f64 {
        let mut pass = Pass::new(self.widths());
        let count = data.len().max(1) as f64;
        data.iter().fold(0.0, |total, s| {
            let z = self.forward(w, &s.x, &mut pass);
            total + self.share(z, s.t, count, Seed::Loss).0
        })
    }

    /// `E` and `∇E` at `w` (backpropagation).
    pub fn loss_and_gradient(&self, w: &[f64], data: &[Sample]) -> (f64, Vec<f64>) {
        self.backprop(w, data, Seed::Loss)
    }

    /// `∇_w y` at input `x`: one row of the Jacobian of the outputs (backpropagation of the
    /// output alone).
    pub fn output_gradient(&self, w: &[f64], x: &[f64]) -> Vec<f64> {
        let sample = Sample { x: x.to_vec(), t: 0.0 };
        self.backprop(w, std::slice::from_ref(&sample), Seed::Output).1
    }

    /// The exact Hessian of `E` at `w`, `N × N` row by row: backpropagation in dual numbers
    /// seeded along weights `j` and `j + 1` gives columns `j` and `j + 1` (symmetric to
    /// rounding).
    pub fn hessian(&self, w: &[f64], data: &[Sample]) -> Vec<f64> {
        let n = w.len();
        let mut h = vec![0.0; n * n];
        for j in (0..n).step_by(2) {
            let dual: Vec<Dual2> = w
                .iter()
                .enumerate()
                .map(|(i, &v)| match i.checked_sub(j) {
                    Some(k @ 0..=1) => Dual2::var(v, k),
                    _ => Dual2::constant(v),
                })
                .collect();
            let (_, g) = self.backprop(&dual, data, Seed::Loss);
            for (i, gi) in g.iter().enumerate() {
                h[i * n + j] = gi.g[0];
                if j + 1 < n {
                    h[i * n + j + 1] = gi.g[1];
                }
            }
        }
        h
    }

    /// The Gauss–Newton matrix of the squared error, `(2/n) Σ ∇yᵢ ∇yᵢᵀ`, `N × N` row by row
    /// (positive semidefinite: what Levenberg–Marquardt damps).
    pub fn gauss_newton(&self, w: &[f64], data: &[Sample]) -> Vec<f64> {
        let n = w.len();
        let mut g = vec![0.0; n * n];
        for s in data {
            let j = self.output_gradient(w, &s.x);
            for (a, ja) in j.iter().enumerate() {
                for (b, jb) in j.iter().enumerate() {
                    g[a * n + b] += 2.0 * ja * jb;
                }
            }
        }
        let count = data.len().max(1) as f64;
        g.iter_mut().for_each(|v| *v /= count);
        g
    }

    /// The output unit's input `z` at `x`, leaving every layer's inputs and outputs in `pass`
    /// (the forward pass, kept for the backward one).
    fn forward<T: Scalar>(&self, w: &[T], x: &[f64], pass: &mut Pass<T>) -> T {
        let layers = pass.widths.len() - 1;
        pass.h[0].clear();
        pass.h[0].extend(x.iter().map(|&v| T::constant(v)));
        let mut at = 0;
        for l in 0..layers {
            let (inn, out) = (pass.widths[l], pass.widths[l + 1]);
            let (m, b) = (&w[at..at + inn * out], &w[at + inn * out..at + (inn + 1) * out]);
            at += (inn + 1) * out;
            let (before, after) = pass.h.split_at_mut(l + 1);
            let (prev, next, z, slopes) = (&before[l], &mut after[0], &mut pass.z[l], &mut pass.slopes[l]);
            z.clear();
            z.extend((0..out).map(|j| {
                let row = &m[j * inn..(j + 1) * inn];
                row.iter().zip(prev).fold(b[j], |acc, (&mji, &hi)| acc + mji * hi)
            }));
            next.clear();
            slopes.clear();
            if l + 1 == layers {
                next.extend_from_slice(z);
            } else {
                // (f and f′ from one evaluation of the activation and its derivatives.)
                next.extend(z.iter().map(|&v| {
                    let [f0, f1, f2, f3] = self.activation.derivatives(v.re());
                    slopes.push(v.chain(f1, f2, f3));
                    v.chain(f0, f1, f2)
                }));
            }
        }
        pass.z[layers - 1][0]
    }

    /// One example's share of the total (its loss over `count`, or for [`Seed::Output`] its
    /// output) and that share's derivative along the output unit's input `z`.
    fn share<T: Scalar>(&self, z: T, t: f64, count: f64, seed: Seed) -> (T, T) {
        let (one, t, count) = (T::constant(1.0), T::constant(t), T::constant(count));
        let y = z.sigmoid();
        match (seed, self.loss) {
            (Seed::Output, _) => (y, y * (one - y)),
            (Seed::Loss, Loss::SquaredError) => {
                let r = y - t;
                (r * r / count, T::constant(2.0) * r * y * (one - y) / count)
            }
            (Seed::Loss, Loss::CrossEntropy) => ((softplus(z) - t * z) / count, (y - t) / count),
        }
    }

    /// The loss (or, for [`Seed::Output`], the output) summed over `data` and its gradient by
    /// backpropagation, in any number type (one scratch [`Pass`] for every example).
    fn backprop<T: Scalar>(&self, w: &[T], data: &[Sample], seed: Seed) -> (T, Vec<T>) {
        let mut pass = Pass::new(self.widths());
        let count = data.len().max(1) as f64;
        let zero = T::constant(0.0);
        let mut total = zero;
        let mut grad = vec![zero; w.len()];
        let (mut deltas, mut back) = (Vec::new(), Vec::new());
        for s in data {
            let z = self.forward(w, &s.x, &mut pass);
            let (e, dz) = self.share(z, s.t, count, seed);
            total = total + e;
            deltas.clear();
            deltas.push(dz);
            let mut at = w.len();
            for l in (0..pass.widths.len() - 1).rev() {
                let (inn, out) = (pass.widths[l], pass.widths[l + 1]);
                at -= (inn + 1) * out;
                let h = &pass.h[l];
                for (j, &d) in deltas.iter().enumerate() {
                    let row = &mut grad[at + j * inn..at + (j + 1) * inn];
                    for (g, &x) in row.iter_mut().zip(h) {
                        *g = *g + d * x;
                    }
                    grad[at + inn * out + j] = grad[at + inn * out + j] + d;
                }
                if l > 0 {
                    let m = &w[at..at + inn * out];
                    back.clear();
                    back.extend((0..inn).map(|i| {
                        let sum = (deltas.iter().enumerate()).fold(zero, |acc, (j, &d)| acc + m[j * inn + i] * d);
                        sum * pass.slopes[l - 1][i]
                    }));
                    std::mem::swap(&mut deltas, &mut back);
                }
            }
        }
        (total, grad)
    }
}

/// Scratch space for passes over the data: the layers' widths, and every layer's inputs `z`,
/// outputs `h` and activations' slopes `f′(z)`, kept from example to example so that a pass over
/// the data allocates once.
struct Pass<T> {
    widths: Vec<usize>,
    z: Vec<Vec<T>>,
    h: Vec<Vec<T>>,
    slopes: Vec<Vec<T>>,
}

impl<T: Scalar> Pass<T> {
    fn new(widths: Vec<usize>) -> Self {
        let h = widths.iter().map(|&n| Vec::with_capacity(n)).collect();
        let z = widths[1..].iter().map(|&n| Vec::with_capacity(n)).collect();
        let slopes = widths[1..].iter().map(|&n| Vec::with_capacity(n)).collect();
        Pass { widths, z, h, slopes }
    }
}

/// What backpropagation differentiates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seed {
    /// The loss.
    Loss,
    /// The output `y` (of one example).
    Output,
}

/// `ln(1 + eᶻ)`, with `σ(z)` and `σ′(z)` its derivatives, finite for every `z`.
fn softplus<T: Scalar>(z: T) -> T {
    let x = z.re();
    let value = x.max(0.0) + (-x.abs()).exp().ln_1p();
    let s = sigmoid(x);
    z.chain(value, s, s * (1.0 - s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each derivative an activation gives is the central difference of the one before (away
    /// from ReLU's kink), so that backpropagation run in dual numbers of any order is exact.
    #[test]
    fn each_derivative_of_an_activation_is_the_slope_of_the_one_before() {
        for f in Activation::ALL {
            for z in [-2.0, -0.3, 0.4, 1.7] {
                let d = f.derivatives(z);
                let (up, down) = (f.derivatives(z + 1e-5), f.derivatives(z - 1e-5));
                for (k, dk) in d.iter().enumerate().skip(1) {
                    let fd = (up[k - 1] - down[k - 1]) / 2e-5;
                    assert!((dk - fd).abs() < 1e-8, "{f:?} at {z}: derivative {k} {dk} against {fd}");
                }
            }
        }
        assert_eq!(sigmoid(-800.0), 0.0);
        assert_eq!(sigmoid(800.0), 1.0);
        assert!((softplus(-800.0_f64)).abs() < 1e-300 && (softplus(800.0_f64) - 800.0).abs() < 1e-9);
    }
}
