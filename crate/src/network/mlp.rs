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

    /// `f(z)`, in any number type.
    fn value<T: Scalar>(self, z: T) -> T {
        let [f0, f1, f2, _] = self.derivatives(z.re());
        z.chain(f0, f1, f2)
    }

    /// `f′(z)`, in any number type (so that backpropagation can itself be differentiated).
    fn slope<T: Scalar>(self, z: T) -> T {
        let [_, f1, f2, f3] = self.derivatives(z.re());
        z.chain(f1, f2, f3)
    }

    /// `[f, f′, f″, f‴]` at `z`.
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
        sigmoid(self.forward(w, x).0)
    }

    /// `E` at weights `w` on `data`.
    pub fn loss(&self, w: &[f64], data: &[Sample]) -> f64 {
        self.loss_and_gradient(w, data).0
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

    /// The output unit's input `z` at `x`, with every layer's inputs `a` and outputs `h` (the
    /// forward pass, kept for the backward one).
    fn forward<T: Scalar>(&self, w: &[T], x: &[f64]) -> (T, Vec<Vec<T>>, Vec<Vec<T>>) {
        let widths = self.widths();
        let mut h: Vec<Vec<T>> = vec![x.iter().map(|&v| T::constant(v)).collect()];
        let mut a: Vec<Vec<T>> = Vec::new();
        let mut at = 0;
        for (l, pair) in widths.windows(2).enumerate() {
            let (inn, out) = (pair[0], pair[1]);
            let (m, b) = (&w[at..at + inn * out], &w[at + inn * out..at + (inn + 1) * out]);
            at += (inn + 1) * out;
            let prev = &h[l];
            let z: Vec<T> = (0..out)
                .map(|j| (0..inn).fold(b[j], |acc, i| acc + m[j * inn + i] * prev[i]))
                .collect();
            let last = l + 2 == widths.len();
            h.push(if last {
                z.clone()
            } else {
                z.iter().map(|&v| self.activation.value(v)).collect()
            });
            a.push(z);
        }
        (a[a.len() - 1][0], a, h)
    }

    /// The loss (or, for [`Seed::Output`], the output) summed over `data` and its gradient by
    /// backpropagation, in any number type.
    fn backprop<T: Scalar>(&self, w: &[T], data: &[Sample], seed: Seed) -> (T, Vec<T>) {
        let widths = self.widths();
        let count = T::constant(data.len().max(1) as f64);
        let one = T::constant(1.0);
        let mut total = T::constant(0.0);
        let mut grad = vec![T::constant(0.0); w.len()];
        for s in data {
            let (z, a, h) = self.forward(w, &s.x);
            let t = T::constant(s.t);
            let y = z.sigmoid();
            // This example's share of the total and its derivative along z.
            let (e, dz) = match (seed, self.loss) {
                (Seed::Output, _) => (y, y * (one - y)),
                (Seed::Loss, Loss::SquaredError) => {
                    let r = y - t;
                    (r * r / count, T::constant(2.0) * r * y * (one - y) / count)
                }
                (Seed::Loss, Loss::CrossEntropy) => ((softplus(z) - t * z) / count, (y - t) / count),
            };
            total = total + e;
            let mut deltas = vec![dz];
            let mut at = w.len();
            for l in (0..widths.len() - 1).rev() {
                let (inn, out) = (widths[l], widths[l + 1]);
                at -= (inn + 1) * out;
                for (j, &d) in deltas.iter().enumerate() {
                    for (i, &x) in h[l].iter().enumerate() {
                        grad[at + j * inn + i] = grad[at + j * inn + i] + d * x;
                    }
                    grad[at + inn * out + j] = grad[at + inn * out + j] + d;
                }
                if l > 0 {
                    let m = &w[at..at + inn * out];
                    deltas = (0..inn)
                        .map(|i| {
                            let back = deltas
                                .iter()
                                .enumerate()
                                .fold(T::constant(0.0), |acc, (j, &d)| acc + m[j * inn + i] * d);
                            back * self.activation.slope(a[l - 1][i])
                        })
                        .collect();
                }
            }
        }
        (total, grad)
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
