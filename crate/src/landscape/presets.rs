//! The built-in landscapes, each with a default view, start point and learning rate.

use super::{U1, U2};
use crate::error::{check_param, Error};
use crate::landscape::neural::{self, NeuronLoss, TinyNet};
use crate::landscape::pair::{Arith, Pair, Paired};
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
use crate::landscape::typed::{Program, Typed};
use crate::landscape::{Hessian, Landscape, Point};
use crate::numbers::Numbers;

/// `E(x) = a·x²/2`: the lecture's 1-D quadratic, with `E'' = a` everywhere.
#[derive(Debug, Clone, Copy)]
pub struct Quadratic1 {
    /// The curvature `E''`.
    pub a: f64,
}

impl Landscape<U1> for Quadratic1 {
    fn value(&self, x: &Point<1>) -> f64 {
        0.5 * self.a * x[0] * x[0]
    }
    fn gradient(&self, x: &Point<1>) -> Point<1> {
        Point::<1>::new(self.a * x[0])
    }
    fn hessian(&self, _: &Point<1>) -> Hessian<1> {
        Hessian::<1>::new(self.a)
    }
}

/// `E(x) = ½ xᵀ H x` with `H = R(θ) diag(λ1, λ2) R(θ)ᵀ`: a 2-D quadratic whose principal axes
/// are turned by `θ` and whose curvatures along them are `λ1` and `λ2`.
#[derive(Debug, Clone, Copy)]
pub struct Quadratic2 {
    h: Hessian<2>,
}

impl Quadratic2 {
    /// The quadratic with eigenvalues `lambda1`, `lambda2` and axes rotated by `theta` radians.
    pub fn new(lambda1: f64, lambda2: f64, theta: f64) -> Self {
        let (s, c) = theta.sin_cos();
        let rot = Hessian::<2>::new(c, -s, s, c);
        let diag = Hessian::<2>::new(lambda1, 0.0, 0.0, lambda2);
        Quadratic2 {
            h: rot * diag * rot.transpose(),
        }
    }
}

impl Landscape<U2> for Quadratic2 {
    fn value(&self, x: &Point<2>) -> f64 {
        0.5 * x.dot(&(self.h * x))
    }
    fn gradient(&self, x: &Point<2>) -> Point<2> {
        self.h * x
    }
    fn hessian(&self, _: &Point<2>) -> Hessian<2> {
        self.h
    }
}

/// Rosenbrock's banana valley `(1 − x)² + 100 (y − x²)²`, minimum at `(1, 1)`.
#[derive(Debug, Clone, Copy)]
pub struct Rosenbrock;

impl Landscape<U2> for Rosenbrock {
    fn value(&self, p: &Point<2>) -> f64 {
        let (x, y) = (p[0], p[1]);
        (1.0 - x).powi(2) + 100.0 * (y - x * x).powi(2)
    }
    fn gradient(&self, p: &Point<2>) -> Point<2> {
        Point::<2>::from(Rosenbrock::gradient_of(p[0], p[1]))
    }
    fn hessian(&self, p: &Point<2>) -> Hessian<2> {
        symmetric(Rosenbrock::hessian_of(p[0], p[1]))
    }
}

impl Rosenbrock {
    #[inline(always)]
    fn gradient_of<T: Arith>(x: T, y: T) -> [T; 2] {
        let r = y - x * x;
        [T::c(-2.0) * (T::c(1.0) - x) - T::c(400.0) * x * r, T::c(200.0) * r]
    }
    #[inline(always)]
    fn hessian_of<T: Arith>(x: T, y: T) -> [T; 3] {
        let hxx = T::c(2.0) - T::c(400.0) * (y - x * x) + T::c(800.0) * x * x;
        [hxx, T::c(-400.0) * x, T::c(200.0)]
    }
}

paired!(Rosenbrock);

/// Himmelblau's function `(x² + y − 11)² + (x + y² − 7)²`: four minima, four saddles, one maximum.
#[derive(Debug, Clone, Copy)]
pub struct Himmelblau;

impl Landscape<U2> for Himmelblau {
    fn value(&self, p: &Point<2>) -> f64 {
        let (x, y) = (p[0], p[1]);
        (x * x + y - 11.0).powi(2) + (x + y * y - 7.0).powi(2)
    }
    fn gradient(&self, p: &Point<2>) -> Point<2> {
        Point::<2>::from(Himmelblau::gradient_of(p[0], p[1]))
    }
    fn hessian(&self, p: &Point<2>) -> Hessian<2> {
        symmetric(Himmelblau::hessian_of(p[0], p[1]))
    }
}

impl Himmelblau {
    #[inline(always)]
    fn gradient_of<T: Arith>(x: T, y: T) -> [T; 2] {
        let a = x * x + y - T::c(11.0);
        let b = x + y * y - T::c(7.0);
        [T::c(4.0) * x * a + T::c(2.0) * b, T::c(2.0) * a + T::c(4.0) * y * b]
    }
    #[inline(always)]
    fn hessian_of<T: Arith>(x: T, y: T) -> [T; 3] {
        let a = x * x + y - T::c(11.0);
        let b = x + y * y - T::c(7.0);
        let hxy = T::c(4.0) * x + T::c(4.0) * y;
        [
            T::c(4.0) * a + T::c(8.0) * x * x + T::c(2.0),
            hxy,
            T::c(2.0) + T::c(4.0) * b + T::c(8.0) * y * y,
        ]
    }
}

paired!(Himmelblau);

/// The saddle `x² − y²`: a critical point at the origin that is a minimum along `x` and a
/// maximum along `y`.
#[derive(Debug, Clone, Copy)]
pub struct Saddle;

impl Landscape<U2> for Saddle {
    fn value(&self, p: &Point<2>) -> f64 {
        p[0] * p[0] - p[1] * p[1]
    }
    fn gradient(&self, p: &Point<2>) -> Point<2> {
        Point::<2>::new(2.0 * p[0], -2.0 * p[1])
    }
    fn hessian(&self, _: &Point<2>) -> Hessian<2> {
        Hessian::<2>::new(2.0, 0.0, 0.0, -2.0)
    }
}

/// The double well `E(x) = x⁴/4 − x²/2`: minima at `±1`, a maximum at 0, and a curvature
/// `E'' = 3x² − 1` that changes along the way (so does `η_opt = 1/E''`).
#[derive(Debug, Clone, Copy)]
pub struct DoubleWell;

impl Landscape<U1> for DoubleWell {
    fn value(&self, x: &Point<1>) -> f64 {
        let x2 = x[0] * x[0];
        0.25 * x2 * x2 - 0.5 * x2
    }
    fn gradient(&self, x: &Point<1>) -> Point<1> {
        Point::<1>::new(x[0] * x[0] * x[0] - x[0])
    }
    fn hessian(&self, x: &Point<1>) -> Hessian<1> {
        Hessian::<1>::new(3.0 * x[0] * x[0] - 1.0)
    }
}

/// The six-hump camel `(4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²`: six minima, two of them global
/// (`E ≈ −1.0316` at `≈ ±(0.0898, −0.7126)`).
#[derive(Debug, Clone, Copy)]
pub struct SixHumpCamel;

impl Landscape<U2> for SixHumpCamel {
    fn value(&self, p: &Point<2>) -> f64 {
        let (x, y) = (p[0], p[1]);
        let x2 = x * x;
        let y2 = y * y;
        (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2
    }
    fn gradient(&self, p: &Point<2>) -> Point<2> {
        Point::<2>::from(SixHumpCamel::gradient_of(p[0], p[1]))
    }
    fn hessian(&self, p: &Point<2>) -> Hessian<2> {
        symmetric(SixHumpCamel::hessian_of(p[0], p[1]))
    }
}

impl SixHumpCamel {
    #[inline(always)]
    fn gradient_of<T: Arith>(x: T, y: T) -> [T; 2] {
        let x2 = x * x;
        [
            T::c(8.0) * x - T::c(8.4) * x2 * x + T::c(2.0) * x2 * x2 * x + y,
            x - T::c(8.0) * y + T::c(16.0) * y * y * y,
        ]
    }
    #[inline(always)]
    fn hessian_of<T: Arith>(x: T, y: T) -> [T; 3] {
        let x2 = x * x;
        [
            T::c(8.0) - T::c(25.2) * x2 + T::c(10.0) * x2 * x2,
            T::c(1.0),
            T::c(-8.0) + T::c(48.0) * y * y,
        ]
    }
}

paired!(SixHumpCamel);

/// Ripples on a bowl, `(x² + y²)/10 − cos 2x · cos 2y`: a rugged landscape with many local minima
/// and the global one at the origin, like the loss of a network with nonlinear activations.
#[derive(Debug, Clone, Copy)]
pub struct Ripples;

impl Landscape<U2> for Ripples {
    fn value(&self, p: &Point<2>) -> f64 {
        let (x, y) = (p[0], p[1]);
        0.1 * (x * x + y * y) - (2.0 * x).cos() * (2.0 * y).cos()
    }
    fn gradient(&self, p: &Point<2>) -> Point<2> {
        let (x, y) = (p[0], p[1]);
        let (sx, cx) = (2.0 * x).sin_cos();
        let (sy, cy) = (2.0 * y).sin_cos();
        Point::<2>::new(0.2 * x + 2.0 * sx * cy, 0.2 * y + 2.0 * cx * sy)
    }
    fn hessian(&self, p: &Point<2>) -> Hessian<2> {
        let (x, y) = (p[0], p[1]);
        let (sx, cx) = (2.0 * x).sin_cos();
        let (sy, cy) = (2.0 * y).sin_cos();
        let diag = 0.2 + 4.0 * cx * cy;
        let off = -4.0 * sx * sy;
        Hessian::<2>::new(diag, off, off, diag)
    }
}

/// The monkey saddle `x³ − 3xy²`: three valleys and three ridges meet at the origin, where the
/// gradient and the whole Hessian vanish (a degenerate critical point).
#[derive(Debug, Clone, Copy)]
pub struct MonkeySaddle;

impl Landscape<U2> for MonkeySaddle {
    fn value(&self, p: &Point<2>) -> f64 {
        let (x, y) = (p[0], p[1]);
        x * x * x - 3.0 * x * y * y
    }
    fn gradient(&self, p: &Point<2>) -> Point<2> {
        Point::<2>::from(MonkeySaddle::gradient_of(p[0], p[1]))
    }
    fn hessian(&self, p: &Point<2>) -> Hessian<2> {
        symmetric(MonkeySaddle::hessian_of(p[0], p[1]))
    }
}

impl MonkeySaddle {
    #[inline(always)]
    fn gradient_of<T: Arith>(x: T, y: T) -> [T; 2] {
        [T::c(3.0) * x * x - T::c(3.0) * y * y, T::c(-6.0) * x * y]
    }
    #[inline(always)]
    fn hessian_of<T: Arith>(x: T, y: T) -> [T; 3] {
        [T::c(6.0) * x, T::c(-6.0) * y, T::c(-6.0) * x]
    }
}

paired!(MonkeySaddle);

/// `[∂xx, ∂xy, ∂yy]` as the symmetric Hessian.
#[inline(always)]
fn symmetric([xx, xy, yy]: [f64; 3]) -> Hessian<2> {
    Hessian::<2>::new(xx, xy, xy, yy)
}

/// [`Paired`] from a landscape's `gradient_of` and `hessian_of`, its closed forms written once
/// for `f64` and [`Pair`].
macro_rules! paired {
    ($t:ident) => {
        impl Paired for $t {
            fn paired(&self) -> bool {
                true
            }
            #[inline(always)]
            fn gradient2(&self, x: Pair, y: Pair) -> [Pair; 2] {
                $t::gradient_of(x, y)
            }
            #[inline(always)]
            fn derivatives2(&self, x: Pair, y: Pair) -> [Pair; 5] {
                let ([gx, gy], [xx, xy, yy]) = ($t::gradient_of(x, y), $t::hessian_of(x, y));
                [gx, gy, xx, xy, yy]
            }
        }
    };
}
use paired;

// The landscapes without a paired form: the kernel steps them one start at a time.
impl Paired for Quadratic1 {}
impl Paired for Quadratic2 {}
impl Paired for Saddle {}
impl Paired for DoubleWell {}
impl Paired for Ripples {}

/// A landscape of either dimension, as built from a preset.
pub enum AnyLandscape {
    /// A 1-D landscape `E(x)`.
    One(Box<dyn Landscape<U1>>),
    /// A 2-D landscape `E(x, y)`.
    Two(Box<dyn Landscape<U2>>),
}

/// What to make of the concrete landscape a preset builds: [`Preset::build`] boxes it as a
/// `dyn Landscape` ([`Boxed`]); a feature that needs another trait object of it (the basin
/// kernel, compiled per landscape) passes its own.
pub trait Make {
    /// What is made.
    type Out;
    /// From a 1-D landscape.
    fn one<L: Landscape<U1> + 'static>(self, l: L) -> Self::Out;
    /// From a 2-D landscape.
    fn two<L: Landscape<U2> + Paired + 'static>(self, l: L) -> Self::Out;
}

/// Boxes a landscape as an [`AnyLandscape`].
pub struct Boxed;

impl Make for Boxed {
    type Out = AnyLandscape;
    fn one<L: Landscape<U1> + 'static>(self, l: L) -> AnyLandscape {
        AnyLandscape::One(Box::new(l))
    }
    fn two<L: Landscape<U2> + Paired + 'static>(self, l: L) -> AnyLandscape {
        AnyLandscape::Two(Box::new(l))
    }
}

/// A tunable parameter of a preset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Param {
    /// Identifier used by the page and in links.
    pub name: &'static str,
    /// Default value.
    pub default: f64,
    /// Smallest accepted value.
    pub min: f64,
    /// Largest accepted value.
    pub max: f64,
}

/// A built-in landscape and how the page first shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Preset {
    /// Identifier used by the page and in links.
    pub id: &'static str,
    /// Number of parameters of `E` (1 or 2).
    pub dim: usize,
    /// Tunable parameters of the landscape, in the order [`Preset::build`] takes them.
    pub params: &'static [Param],
    /// Default view: `[x_min, x_max, y_min, y_max]`; in 1-D, `[x_min, x_max]` and two zeros
    /// (the page fits the `E` axis to the curve).
    pub view: [f64; 4],
    /// Default start point (for 1-D, only the first coordinate is used).
    pub start: [f64; 2],
    /// Default learning rate `η`.
    pub eta: f64,
    /// For a typed function (`typed1d`, `typed2d`): the text it starts with.
    pub function: Option<&'static str>,
}

/// Every built-in landscape, in the order the page lists them.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "quadratic1d",
        dim: 1,
        params: &[Param {
            name: "a",
            default: 1.0,
            min: -100.0,
            max: 100.0,
        }],
        view: [-4.0, 4.0, 0.0, 0.0],
        start: [3.0, 0.0],
        eta: 0.3,
        function: None,
    },
    Preset {
        id: "quadratic2d",
        dim: 2,
        params: &[
            Param {
                name: "lambda1",
                default: 1.0,
                min: -1000.0,
                max: 1000.0,
            },
            Param {
                name: "lambda2",
                default: 10.0,
                min: -1000.0,
                max: 1000.0,
            },
            Param {
                name: "theta",
                default: 30.0,
                min: -360.0,
                max: 360.0,
            },
        ],
        view: [-5.0, 5.0, -5.0, 5.0],
        start: [-4.0, 3.0],
        eta: 0.15,
        function: None,
    },
    Preset {
        id: "rosenbrock",
        dim: 2,
        params: &[],
        view: [-2.0, 2.0, -1.0, 3.0],
        start: [-1.2, 1.0],
        eta: 0.001,
        function: None,
    },
    Preset {
        id: "himmelblau",
        dim: 2,
        params: &[],
        view: [-6.0, 6.0, -6.0, 6.0],
        start: [0.5, -0.5],
        eta: 0.01,
        function: None,
    },
    Preset {
        id: "saddle",
        dim: 2,
        params: &[],
        view: [-2.0, 2.0, -2.0, 2.0],
        start: [1.5, 0.05],
        eta: 0.1,
        function: None,
    },
    Preset {
        id: "doublewell",
        dim: 1,
        params: &[],
        view: [-2.0, 2.0, 0.0, 0.0],
        start: [1.8, 0.0],
        eta: 0.1,
        function: None,
    },
    Preset {
        id: "camel",
        dim: 2,
        params: &[],
        view: [-2.2, 2.2, -2.2, 2.2],
        start: [-1.5, 1.0],
        eta: 0.01,
        function: None,
    },
    Preset {
        id: "ripples",
        dim: 2,
        params: &[],
        view: [-5.0, 5.0, -5.0, 5.0],
        start: [3.3, 2.4],
        eta: 0.05,
        function: None,
    },
    Preset {
        id: "monkey",
        dim: 2,
        params: &[],
        view: [-2.0, 2.0, -2.0, 2.0],
        start: [1.2, 0.35],
        eta: 0.05,
        function: None,
    },
    Preset {
        id: "neuron",
        dim: 2,
        params: &[Param {
            name: "set",
            default: 0.0,
            min: 0.0,
            max: 3.0,
        }],
        view: [-8.0, 8.0, -8.0, 8.0],
        start: [-5.0, 6.0],
        eta: 1.0,
        function: None,
    },
    Preset {
        id: "tinynet",
        dim: 2,
        params: &[
            Param {
                name: "set",
                default: 2.0,
                min: 0.0,
                max: 3.0,
            },
            Param {
                name: "seed",
                default: 2.0,
                min: 1.0,
                max: 999.0,
            },
            Param {
                name: "slice",
                default: 0.0,
                min: 0.0,
                max: 1.0,
            },
        ],
        view: [-5.0, 5.0, -5.0, 5.0],
        start: [-3.0, 4.0],
        eta: 2.0,
        function: None,
    },
    Preset {
        id: "typed2d",
        dim: 2,
        params: &[],
        view: [-5.0, 5.0, -5.0, 5.0],
        start: [0.5, -1.5],
        eta: 0.01,
        function: Some("(x^2 + y - 11)^2 + (x + y^2 - 7)^2"),
    },
    Preset {
        id: "typed1d",
        dim: 1,
        params: &[],
        view: [-2.5, 2.5, 0.0, 0.0],
        start: [2.0, 0.0],
        eta: 0.02,
        function: Some("x^4 - 3x^2 + x"),
    },
];

impl Preset {
    /// The preset with identifier `id`.
    pub fn find(id: &str) -> Result<&'static Preset, Error> {
        PRESETS
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| Error::UnknownPreset(id.to_owned()))
    }

    /// The default values of the parameters.
    pub fn default_params(&self) -> Vec<f64> {
        self.params.iter().map(|p| p.default).collect()
    }

    /// Builds the landscape with `values` for its parameters (missing ones take defaults;
    /// angles are in degrees), or for a typed preset from `function` (its default text if
    /// `None`; numbers read through `numbers`). Non-finite or out-of-range values and functions
    /// that do not parse are an error.
    /// The neural presets (`neuron`, `tinynet`) use `points` as their data instead of the data
    /// set their parameter names, when given.
    pub fn build(
        &self,
        values: &[f64],
        function: Option<&str>,
        points: Option<&[(f64, f64)]>,
        numbers: &dyn Numbers,
    ) -> Result<AnyLandscape, Error> {
        self.build_as(values, function, points, numbers, Boxed)
    }

    /// [`Preset::build`], handing the concrete landscape to `make` (which decides what trait
    /// object to box it as).
    pub fn build_as<M: Make>(
        &self,
        values: &[f64],
        function: Option<&str>,
        points: Option<&[(f64, f64)]>,
        numbers: &dyn Numbers,
        make: M,
    ) -> Result<M::Out, Error> {
        #[cfg(all(target_arch = "wasm32", not(feature = "lab")))]
        if self.function.is_some() {
            let _ = (function, numbers);
            return Err(Error::NotHere(crate::error::Why::TypedInLab));
        }
        #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
        if let Some(default) = self.function {
            let program =
                Program::compile(function.unwrap_or(default), self.dim, numbers).map_err(Error::BadFunction)?;
            return Ok(if self.dim == 1 {
                make.one(Typed::<1> { program })
            } else {
                make.two(Typed::<2> { program })
            });
        }
        let mut v = Vec::with_capacity(self.params.len());
        for (i, p) in self.params.iter().enumerate() {
            v.push(check_param(
                p.name,
                values.get(i).copied().unwrap_or(p.default),
                p.min,
                p.max,
            )?);
        }
        Ok(match self.id {
            "quadratic1d" => make.one(Quadratic1 { a: v[0] }),
            "quadratic2d" => make.two(Quadratic2::new(v[0], v[1], v[2].to_radians())),
            "rosenbrock" => make.two(Rosenbrock),
            "himmelblau" => make.two(Himmelblau),
            "saddle" => make.two(Saddle),
            "doublewell" => make.one(DoubleWell),
            "camel" => make.two(SixHumpCamel),
            "ripples" => make.two(Ripples),
            "monkey" => make.two(MonkeySaddle),
            "neuron" | "tinynet" => {
                let data = points.map_or_else(|| neural::data_set(v[0] as usize), <[_]>::to_vec);
                if self.id == "neuron" {
                    make.two(NeuronLoss { data })
                } else {
                    make.two(TinyNet::new(data, v[1] as u64, v[2] >= 0.5))
                }
            }
            other => return Err(Error::UnknownPreset(other.to_owned())),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::check::derivatives_match;
    use crate::numbers::RustNumbers;

    #[test]
    fn derivatives_match_finite_differences() {
        derivatives_match(&Quadratic1 { a: 2.5 }, -5.0, 5.0, 200);
        derivatives_match(&Quadratic2::new(1.0, 10.0, 0.7), -5.0, 5.0, 200);
        derivatives_match(&Rosenbrock, -2.0, 2.0, 500);
        derivatives_match(&Himmelblau, -6.0, 6.0, 500);
        derivatives_match(&Saddle, -2.0, 2.0, 200);
        derivatives_match(&DoubleWell, -2.0, 2.0, 200);
        derivatives_match(&SixHumpCamel, -2.2, 2.2, 500);
        derivatives_match(&Ripples, -5.0, 5.0, 500);
        derivatives_match(&MonkeySaddle, -2.0, 2.0, 200);
    }

    #[test]
    fn known_minima_have_zero_gradient() {
        let cases: &[(&dyn Landscape<U2>, [f64; 2], f64)] = &[
            (&Rosenbrock, [1.0, 1.0], 0.0),
            (&Himmelblau, [3.0, 2.0], 0.0),
            (&Himmelblau, [-2.805118, 3.131312], 0.0),
            (&Saddle, [0.0, 0.0], 0.0),
        ];
        for (l, p, e) in cases {
            let x = Point::<2>::new(p[0], p[1]);
            assert!((l.value(&x) - e).abs() < 1e-9, "E at {p:?}");
            assert!(l.gradient(&x).norm() < 1e-4, "∇E at {p:?}");
        }
    }

    #[test]
    fn quadratic2_has_the_requested_eigenvalues() {
        let h = Quadratic2::new(2.0, 7.0, 1.1).hessian(&Point::<2>::zeros());
        let mut ev: Vec<f64> = h.symmetric_eigenvalues().iter().copied().collect();
        ev.sort_by(f64::total_cmp);
        assert!((ev[0] - 2.0).abs() < 1e-12 && (ev[1] - 7.0).abs() < 1e-12, "{ev:?}");
    }

    #[test]
    fn every_preset_builds_with_defaults_and_rejects_bad_values() {
        for p in PRESETS {
            let built = p
                .build(&p.default_params(), None, None, &RustNumbers)
                .expect("defaults build");
            let dim = match built {
                AnyLandscape::One(_) => 1,
                AnyLandscape::Two(_) => 2,
            };
            assert_eq!(dim, p.dim, "{}", p.id);
            assert!(p.view[0] < p.view[1]);
            if let Some(first) = p.params.first() {
                assert!(
                    p.build(&[f64::NAN], None, None, &RustNumbers).is_err(),
                    "{} accepts NaN",
                    p.id
                );
                assert!(
                    p.build(&[first.max * 2.0 + 1.0], None, None, &RustNumbers).is_err(),
                    "{} accepts out of range",
                    p.id
                );
            }
        }
        assert!(Preset::find("nope").is_err());
        assert_eq!(PRESETS.len(), 13);
    }
}
