//! Forward-mode dual numbers in two variables, for exact derivatives of typed functions and of
//! the neural-network losses: [`Dual2`] carries the gradient, [`Hyper2`] the gradient and the
//! Hessian. Every function is applied by the chain rule from its value and first two
//! derivatives ([`Hyper2::chain`]).
//!
//! Why not num-dual: it was measured here (crate/benches/core.rs, "typed vs preset") at 10× the
//! closed-form Himmelblau for the Newton basin kernel — its derivative parts are optional
//! matrices of any size, and every operation branches and goes through nalgebra — while the
//! target is 3×; it also made the wasm larger. Two variables and two orders are all the page
//! needs, and this file is their whole arithmetic.

use std::ops::{Add, Div, Mul, Neg, Sub};

/// The numbers an expression can be evaluated in: `f64` for values, [`Dual2`] for gradients,
/// [`Hyper2`] for Hessians.
pub trait Scalar:
    Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + Div<Output = Self> + Neg<Output = Self>
{
    /// A constant.
    fn constant(c: f64) -> Self;
    /// The value part.
    fn re(&self) -> f64;
    /// `f(self)` given `f`, `f'` and `f''` at the value part.
    fn chain(self, f0: f64, f1: f64, f2: f64) -> Self;

    /// `1/x`
    fn recip(self) -> Self {
        let x = self.re();
        self.chain(1.0 / x, -1.0 / (x * x), 2.0 / (x * x * x))
    }
    /// `xⁿ` for an integer `n` (defined for negative `x`).
    fn powi(self, n: i32) -> Self {
        match n {
            0 => Self::constant(1.0),
            1 => self,
            2 => self * self,
            _ => {
                let x = self.re();
                let nf = f64::from(n);
                self.chain(x.powi(n), nf * x.powi(n - 1), nf * (nf - 1.0) * x.powi(n - 2))
            }
        }
    }
    /// `sin x`
    fn sin(self) -> Self {
        let (s, c) = self.re().sin_cos();
        self.chain(s, c, -s)
    }
    /// `cos x`
    fn cos(self) -> Self {
        let (s, c) = self.re().sin_cos();
        self.chain(c, -s, -c)
    }
    /// `tan x`
    fn tan(self) -> Self {
        let t = self.re().tan();
        let d = 1.0 + t * t;
        self.chain(t, d, 2.0 * t * d)
    }
    /// `eˣ`
    fn exp(self) -> Self {
        let e = self.re().exp();
        self.chain(e, e, e)
    }
    /// `ln x` (NaN for `x < 0`)
    fn ln(self) -> Self {
        let x = self.re();
        self.chain(x.ln(), 1.0 / x, -1.0 / (x * x))
    }
    /// `√x` (NaN for `x < 0`)
    fn sqrt(self) -> Self {
        let s = self.re().sqrt();
        self.chain(s, 0.5 / s, -0.25 / (s * s * s))
    }
    /// `tanh x`
    fn tanh(self) -> Self {
        let t = self.re().tanh();
        let d = 1.0 - t * t;
        self.chain(t, d, -2.0 * t * d)
    }
    /// `|x|` (`abs'(0) = 1`: the first branch on a tie).
    fn abs(self) -> Self {
        if self.re() < 0.0 {
            -self
        } else {
            self
        }
    }
    /// `max(x, 0)` (`relu'(0) = 0`).
    fn relu(self) -> Self {
        if self.re() > 0.0 {
            self
        } else {
            Self::constant(0.0)
        }
    }
    /// Whether each lane decides for itself ([`Many`]): the evaluator then takes `min` and `max`
    /// through [`Scalar::min2`] and [`Scalar::max2`]; for one number it decides in place, which
    /// keeps a Hessian's evaluator half again faster than selecting whole values.
    const LANEWISE: bool = false;
    /// `min(self, other)`, `self` on a tie.
    fn min2(self, other: Self) -> Self {
        if other.re() < self.re() {
            other
        } else {
            self
        }
    }
    /// `max(self, other)`, `self` on a tie.
    fn max2(self, other: Self) -> Self {
        if other.re() > self.re() {
            other
        } else {
            self
        }
    }
    /// `self ^ b` for a non-constant exponent: `exp(b·ln self)`; `0 ^ b` is 0 for `b > 0`.
    fn pow(self, b: Self) -> Self {
        if self.re() == 0.0 && b.re() > 0.0 {
            Self::constant(0.0)
        } else {
            (b * self.ln()).exp()
        }
    }
    /// `σ(x) = 1/(1 + e^−x)`, computed without overflow.
    fn sigmoid(self) -> Self {
        let x = self.re();
        let s = if x >= 0.0 {
            1.0 / (1.0 + (-x).exp())
        } else {
            let e = x.exp();
            e / (1.0 + e)
        };
        let d = s * (1.0 - s);
        self.chain(s, d, d * (1.0 - 2.0 * s))
    }
}

impl Scalar for f64 {
    fn constant(c: f64) -> Self {
        c
    }
    fn re(&self) -> f64 {
        *self
    }
    fn chain(self, f0: f64, _: f64, _: f64) -> Self {
        f0
    }
    fn recip(self) -> Self {
        1.0 / self
    }
    fn powi(self, n: i32) -> Self {
        f64::powi(self, n)
    }
    fn sin(self) -> Self {
        f64::sin(self)
    }
    fn cos(self) -> Self {
        f64::cos(self)
    }
    fn exp(self) -> Self {
        f64::exp(self)
    }
    fn ln(self) -> Self {
        f64::ln(self)
    }
    fn sqrt(self) -> Self {
        f64::sqrt(self)
    }
}

/// A value with its gradient in two variables.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dual2 {
    /// The value.
    pub v: f64,
    /// `∂/∂x`, `∂/∂y`.
    pub g: [f64; 2],
}

/// A value with its gradient and Hessian in two variables.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hyper2 {
    /// The value.
    pub v: f64,
    /// `∂/∂x`, `∂/∂y`.
    pub g: [f64; 2],
    /// `∂²/∂x²`, `∂²/∂x∂y`, `∂²/∂y²`.
    pub h: [f64; 3],
}

impl Dual2 {
    /// Variable `i` (0 for `x`, 1 for `y`) at `v`.
    pub fn var(v: f64, i: usize) -> Self {
        let mut g = [0.0; 2];
        g[i] = 1.0;
        Dual2 { v, g }
    }
}

impl Hyper2 {
    /// Variable `i` (0 for `x`, 1 for `y`) at `v`.
    pub fn var(v: f64, i: usize) -> Self {
        let mut g = [0.0; 2];
        g[i] = 1.0;
        Hyper2 { v, g, h: [0.0; 3] }
    }
}

impl Scalar for Dual2 {
    fn constant(c: f64) -> Self {
        Dual2 { v: c, g: [0.0; 2] }
    }
    fn re(&self) -> f64 {
        self.v
    }
    fn chain(self, f0: f64, f1: f64, _: f64) -> Self {
        Dual2 {
            v: f0,
            g: [f1 * self.g[0], f1 * self.g[1]],
        }
    }
}

impl Scalar for Hyper2 {
    fn constant(c: f64) -> Self {
        Hyper2 {
            v: c,
            g: [0.0; 2],
            h: [0.0; 3],
        }
    }
    fn re(&self) -> f64 {
        self.v
    }
    fn chain(self, f0: f64, f1: f64, f2: f64) -> Self {
        let [gx, gy] = self.g;
        let [hxx, hxy, hyy] = self.h;
        Hyper2 {
            v: f0,
            g: [f1 * gx, f1 * gy],
            h: [
                f2 * gx * gx + f1 * hxx,
                f2 * gx * gy + f1 * hxy,
                f2 * gy * gy + f1 * hyy,
            ],
        }
    }
}

macro_rules! linear_ops {
    ($t:ident { $($part:ident),* }) => {
        impl Add for $t {
            type Output = $t;
            fn add(self, o: $t) -> $t {
                $t { v: self.v + o.v, $($part: std::array::from_fn(|i| self.$part[i] + o.$part[i])),* }
            }
        }
        impl Sub for $t {
            type Output = $t;
            fn sub(self, o: $t) -> $t {
                $t { v: self.v - o.v, $($part: std::array::from_fn(|i| self.$part[i] - o.$part[i])),* }
            }
        }
        impl Neg for $t {
            type Output = $t;
            fn neg(self) -> $t {
                $t { v: -self.v, $($part: self.$part.map(|p| -p)),* }
            }
        }
        impl Div for $t {
            type Output = $t;
            #[allow(clippy::suspicious_arithmetic_impl)] // a / b = a · (1/b), by the chain rule
            fn div(self, o: $t) -> $t {
                self * o.recip()
            }
        }
    };
}

linear_ops!(Dual2 { g });
linear_ops!(Hyper2 { g, h });

impl Mul for Dual2 {
    type Output = Dual2;
    fn mul(self, o: Dual2) -> Dual2 {
        Dual2 {
            v: self.v * o.v,
            g: [self.v * o.g[0] + o.v * self.g[0], self.v * o.g[1] + o.v * self.g[1]],
        }
    }
}

impl Mul for Hyper2 {
    type Output = Hyper2;
    fn mul(self, o: Hyper2) -> Hyper2 {
        let (a, b) = (self, o);
        Hyper2 {
            v: a.v * b.v,
            g: [a.v * b.g[0] + b.v * a.g[0], a.v * b.g[1] + b.v * a.g[1]],
            h: [
                a.v * b.h[0] + b.v * a.h[0] + 2.0 * a.g[0] * b.g[0],
                a.v * b.h[1] + b.v * a.h[1] + a.g[0] * b.g[1] + a.g[1] * b.g[0],
                a.v * b.h[2] + b.v * a.h[2] + 2.0 * a.g[1] * b.g[1],
            ],
        }
    }
}

/// `K` numbers at once (values, or duals: several points per pass of a typed function's
/// program): each operation is `T`'s, lane by lane, so what is evaluated this way equals what is
/// evaluated point by point, and a program is interpreted once per `K` points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Many<T, const K: usize>(pub [T; K]);

/// Points per pass for a grid's values.
pub const LANES: usize = 8;
/// [`LANES`] values at once.
pub type Lanes = Many<f64, LANES>;

impl<T: Scalar, const K: usize> Many<T, K> {
    #[inline(always)]
    fn each(self, f: impl Fn(T) -> T) -> Self {
        Many(self.0.map(f))
    }
    #[inline(always)]
    fn zip(self, o: Self, f: impl Fn(T, T) -> T) -> Self {
        Many(std::array::from_fn(|k| f(self.0[k], o.0[k])))
    }
}

macro_rules! lane_op {
    ($trait:ident, $f:ident) => {
        impl<T: Scalar, const K: usize> $trait for Many<T, K> {
            type Output = Self;
            #[inline(always)]
            fn $f(self, o: Self) -> Self {
                self.zip(o, |a, b| $trait::$f(a, b))
            }
        }
    };
}
lane_op!(Add, add);
lane_op!(Sub, sub);
lane_op!(Mul, mul);
lane_op!(Div, div);

impl<T: Scalar, const K: usize> Neg for Many<T, K> {
    type Output = Self;
    #[inline(always)]
    fn neg(self) -> Self {
        self.each(|a| -a)
    }
}

/// Every method that the defaults would decide on the value part alone is taken lane by lane.
impl<T: Scalar, const K: usize> Scalar for Many<T, K> {
    const LANEWISE: bool = true;
    fn constant(c: f64) -> Self {
        Many([T::constant(c); K])
    }
    /// The first lane's (no default method that uses it is left to a `Many`).
    fn re(&self) -> f64 {
        self.0[0].re()
    }
    /// The first lane's chain in every lane (no default method that uses it is left to a
    /// `Many`).
    fn chain(self, f0: f64, f1: f64, f2: f64) -> Self {
        Many([self.0[0].chain(f0, f1, f2); K])
    }
    fn recip(self) -> Self {
        self.each(T::recip)
    }
    fn powi(self, n: i32) -> Self {
        self.each(|a| a.powi(n))
    }
    fn sin(self) -> Self {
        self.each(T::sin)
    }
    fn cos(self) -> Self {
        self.each(T::cos)
    }
    fn tan(self) -> Self {
        self.each(T::tan)
    }
    fn exp(self) -> Self {
        self.each(T::exp)
    }
    fn ln(self) -> Self {
        self.each(T::ln)
    }
    fn sqrt(self) -> Self {
        self.each(T::sqrt)
    }
    fn tanh(self) -> Self {
        self.each(T::tanh)
    }
    fn sigmoid(self) -> Self {
        self.each(T::sigmoid)
    }
    fn abs(self) -> Self {
        self.each(T::abs)
    }
    fn relu(self) -> Self {
        self.each(T::relu)
    }
    fn min2(self, o: Self) -> Self {
        self.zip(o, T::min2)
    }
    fn max2(self, o: Self) -> Self {
        self.zip(o, T::max2)
    }
    fn pow(self, b: Self) -> Self {
        self.zip(b, T::pow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// f(x, y) = x²·y + sin(x·y) / (1 + y²), by hand: value, gradient and Hessian.
    fn f<T: Scalar>(x: T, y: T) -> T {
        x * x * y + (x * y).sin() / (T::constant(1.0) + y.powi(2))
    }

    #[test]
    fn products_quotients_and_the_chain_rule_match_hand_derivatives() {
        let (x, y) = (0.7, -1.3);
        let h = f(Hyper2::var(x, 0), Hyper2::var(y, 1));
        let d = f(Dual2::var(x, 0), Dual2::var(y, 1));
        assert_eq!(h.v, f(x, y));
        assert_eq!((d.v, d.g), (h.v, h.g));
        // Finite differences of the exact gradient give the Hessian.
        let e = 1e-6;
        let gx = |x: f64, y: f64| f(Dual2::var(x, 0), Dual2::var(y, 1)).g;
        let fd_xx = (gx(x + e, y)[0] - gx(x - e, y)[0]) / (2.0 * e);
        let fd_xy = (gx(x, y + e)[0] - gx(x, y - e)[0]) / (2.0 * e);
        let fd_yy = (gx(x, y + e)[1] - gx(x, y - e)[1]) / (2.0 * e);
        for (exact, fd) in h.h.iter().zip([fd_xx, fd_xy, fd_yy]) {
            assert!((exact - fd).abs() < 1e-7, "{exact} vs {fd}");
        }
        // ∂f/∂x = 2xy + y cos(xy)/(1 + y²).
        let want = 2.0 * x * y + y * (x * y).cos() / (1.0 + y * y);
        assert!((h.g[0] - want).abs() < 1e-15);
    }

    #[test]
    fn elementary_functions_have_their_textbook_derivatives() {
        let x = Hyper2::var(0.4, 0);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-14 * (1.0 + b.abs());
        let cases: [(Hyper2, f64, f64, f64); 8] = [
            (x.exp(), 0.4f64.exp(), 0.4f64.exp(), 0.4f64.exp()),
            (x.ln(), 0.4f64.ln(), 1.0 / 0.4, -1.0 / 0.16),
            (x.sqrt(), 0.4f64.sqrt(), 0.5 / 0.4f64.sqrt(), -0.25 * 0.4f64.powf(-1.5)),
            (x.sin(), 0.4f64.sin(), 0.4f64.cos(), -0.4f64.sin()),
            (x.cos(), 0.4f64.cos(), -0.4f64.sin(), -0.4f64.cos()),
            (x.powi(3), 0.064, 3.0 * 0.16, 6.0 * 0.4),
            (x.recip(), 2.5, -1.0 / 0.16, 2.0 / 0.064),
            (
                x.tanh(),
                0.4f64.tanh(),
                1.0 - 0.4f64.tanh().powi(2),
                -2.0 * 0.4f64.tanh() * (1.0 - 0.4f64.tanh().powi(2)),
            ),
        ];
        for (i, (r, v, d1, d2)) in cases.iter().enumerate() {
            assert!(
                close(r.v, *v) && close(r.g[0], *d1) && close(r.h[0], *d2),
                "case {i}: {r:?}"
            );
        }
        let s = Hyper2::var(0.0, 0).sigmoid();
        assert_eq!((s.v, s.g[0], s.h[0]), (0.5, 0.25, 0.0));
        for big in [-800.0, 800.0] {
            let s = Hyper2::var(big, 0).sigmoid();
            assert!(s.v.is_finite() && s.g[0].is_finite() && s.h[0].is_finite());
        }
        // x² at 0 and x¹ anywhere: no 0·∞.
        assert_eq!(Hyper2::var(0.0, 0).powi(2).h[0], 2.0);
        assert_eq!(Hyper2::var(0.0, 0).powi(1).g[0], 1.0);
    }
}
