//! What the Hessian says at a point: its eigenvalues and eigenvectors, the kind of critical
//! point they make, the stability bound `2/λ_max` of gradient descent, and in 1-D the optimal
//! learning rate `η_opt = 1/E''` with the [`Regime`] a given `η` falls in.

use crate::landscape::eigen::symmetric_eigen;
use crate::landscape::{Const, Hessian, Landscape, Point};

/// The shape of `E` near a point, read from the signs of the Hessian's eigenvalues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CriticalKind {
    /// Every eigenvalue positive: a bowl.
    Minimum = 0,
    /// Eigenvalues of both signs.
    Saddle = 1,
    /// Every eigenvalue negative: a cap.
    Maximum = 2,
    /// Some eigenvalue is zero (to rounding): the second-order model cannot tell.
    Degenerate = 3,
    /// Not a critical point: where a run stopped with `∇E` vanishing but no critical point
    /// near (a plateau, or an asymptote). Never a kind of curvature or of a critical point.
    Flat = 4,
}

impl CriticalKind {
    /// Every kind, in the order of their wire codes.
    pub const ALL: [CriticalKind; 5] = [
        CriticalKind::Minimum,
        CriticalKind::Saddle,
        CriticalKind::Maximum,
        CriticalKind::Degenerate,
        CriticalKind::Flat,
    ];

    /// The kind's wire code (its index in [`CriticalKind::ALL`]).
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The kind's name on the wire and in the page's strings.
    pub fn name(self) -> &'static str {
        match self {
            CriticalKind::Minimum => "minimum",
            CriticalKind::Saddle => "saddle",
            CriticalKind::Maximum => "maximum",
            CriticalKind::Degenerate => "degenerate",
            CriticalKind::Flat => "flat",
        }
    }
}

/// The four behaviours of gradient descent on a 1-D quadratic (the lecture's Fig. 8, after
/// LeCun et al. 1998), plus the two cases the figure leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regime {
    /// (a) `η < η_opt`: monotone convergence.
    Converges,
    /// (b) `η = η_opt`: the minimum in a single step.
    OneStep,
    /// (c) `η_opt < η < 2η_opt`: oscillates around the minimum and converges.
    Oscillates,
    /// `η = 2η_opt`: bounces between two points for ever.
    Bounces,
    /// (d) `η > 2η_opt`: moves away from the minimum.
    Diverges,
    /// `E'' ≤ 0`: no minimum to converge to; gradient descent moves away.
    NotConvex,
}

impl Regime {
    /// The regime's name on the wire and in the page's strings (after `regime_`).
    pub fn name(self) -> &'static str {
        match self {
            Regime::Converges => "converges",
            Regime::OneStep => "one-step",
            Regime::Oscillates => "oscillates",
            Regime::Bounces => "bounces",
            Regime::Diverges => "diverges",
            Regime::NotConvex => "not-convex",
        }
    }

    /// The regime of gradient descent with learning rate `eta` where the curvature is `curvature`.
    /// `η` within a relative `1e-9` of `η_opt` or `2η_opt` counts as equal to it.
    pub fn of(eta: f64, curvature: f64) -> Regime {
        const TOL: f64 = 1e-9;
        if curvature.is_nan() || curvature <= 0.0 {
            return Regime::NotConvex;
        }
        let r = eta * curvature;
        if (r - 1.0).abs() <= TOL {
            Regime::OneStep
        } else if (r - 2.0).abs() <= 2.0 * TOL {
            Regime::Bounces
        } else if r < 1.0 {
            Regime::Converges
        } else if r < 2.0 {
            Regime::Oscillates
        } else {
            Regime::Diverges
        }
    }

    /// The factor `1 − ηE''` that one step of gradient descent applies to the error `x − x*`
    /// on a quadratic.
    pub fn error_factor(eta: f64, curvature: f64) -> f64 {
        1.0 - eta * curvature
    }
}

/// The second-order picture at a point.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Eigenvalues of the Hessian, ascending.
    pub eigenvalues: Vec<f64>,
    /// Unit eigenvectors, `eigenvectors[i]` belongs to `eigenvalues[i]`.
    pub eigenvectors: Vec<Vec<f64>>,
    /// The sign pattern of the eigenvalues.
    pub kind: CriticalKind,
    /// The largest eigenvalue `λ_max`.
    pub lambda_max: f64,
    /// `2/λ_max`: gradient descent on the local quadratic model is stable below it.
    /// `None` when `λ_max ≤ 0` (no learning rate makes the model converge).
    pub stability_bound: Option<f64>,
    /// In 1-D, `η_opt = 1/E''` when `E'' > 0`; `None` otherwise or in more dimensions.
    pub eta_opt: Option<f64>,
}

impl Analysis {
    /// Analyses the Hessian of `landscape` at `x`. A Hessian with non-finite entries gives NaN
    /// eigenvalues and [`CriticalKind::Degenerate`].
    pub fn at<const N: usize>(landscape: &dyn Landscape<Const<N>>, x: &Point<N>) -> Analysis {
        Analysis::of_hessian(&landscape.hessian(x))
    }

    /// Analyses a given Hessian.
    pub fn of_hessian<const N: usize>(h: &Hessian<N>) -> Analysis {
        let (eigenvalues, eigenvectors) = if h.iter().all(|v| v.is_finite()) {
            let (values, vectors) = symmetric_eigen(h);
            (values, vectors.iter().map(|v| v.iter().copied().collect()).collect())
        } else {
            (vec![f64::NAN; N], vec![vec![f64::NAN; N]; N])
        };
        let lambda_max = eigenvalues.last().copied().unwrap_or(f64::NAN);
        let scale = eigenvalues.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
        let zero = 1e-10 * scale.max(1e-300);
        let kind = if eigenvalues.iter().any(|v| !v.is_finite() || v.abs() <= zero) {
            CriticalKind::Degenerate
        } else if eigenvalues.iter().all(|&v| v > 0.0) {
            CriticalKind::Minimum
        } else if eigenvalues.iter().all(|&v| v < 0.0) {
            CriticalKind::Maximum
        } else {
            CriticalKind::Saddle
        };
        let stability_bound = (lambda_max > 0.0).then(|| 2.0 / lambda_max);
        let eta_opt = (N == 1 && lambda_max > 0.0).then(|| 1.0 / lambda_max);
        Analysis {
            eigenvalues,
            eigenvectors,
            kind,
            lambda_max,
            stability_bound,
            eta_opt,
        }
    }
}

/// The second-order Taylor model of a landscape around `x0`:
/// `m(x) = E(x0) + gᵀ(x − x0) + ½ (x − x0)ᵀ H (x − x0)`. Newton's step jumps to its critical point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaylorModel<const N: usize> {
    x0: Point<N>,
    value: f64,
    gradient: Point<N>,
    hessian: Hessian<N>,
}

impl<const N: usize> TaylorModel<N> {
    /// The model of `landscape` around `x0`.
    pub fn at(landscape: &dyn Landscape<Const<N>>, x0: Point<N>) -> Self {
        TaylorModel {
            x0,
            value: landscape.value(&x0),
            gradient: landscape.gradient(&x0),
            hessian: landscape.hessian(&x0),
        }
    }
}

impl<const N: usize> Landscape<Const<N>> for TaylorModel<N> {
    fn value(&self, x: &Point<N>) -> f64 {
        let d = x - self.x0;
        self.value + self.gradient.dot(&d) + 0.5 * d.dot(&(self.hessian * d))
    }
    fn gradient(&self, x: &Point<N>) -> Point<N> {
        self.gradient + self.hessian * (x - self.x0)
    }
    fn hessian(&self, _: &Point<N>) -> Hessian<N> {
        self.hessian
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::presets::{Himmelblau, Quadratic1, Quadratic2, Saddle};
    use crate::landscape::U2;

    #[test]
    fn regimes_of_the_four_cases() {
        // (eta in units of eta_opt, expected regime) with E'' = 4, so eta_opt = 0.25.
        let table = [
            (0.5, Regime::Converges),
            (1.0, Regime::OneStep),
            (1.5, Regime::Oscillates),
            (2.0, Regime::Bounces),
            (2.5, Regime::Diverges),
        ];
        for (units, regime) in table {
            assert_eq!(Regime::of(units * 0.25, 4.0), regime, "η = {units} η_opt");
        }
        assert_eq!(Regime::of(0.1, -1.0), Regime::NotConvex);
        assert_eq!(Regime::of(0.1, f64::NAN), Regime::NotConvex);
        assert_eq!(Regime::error_factor(1.5 * 0.25, 4.0), -0.5);
    }

    #[test]
    fn quadratic_bounds_and_eta_opt() {
        let a = Analysis::at(&Quadratic1 { a: 4.0 }, &Point::<1>::new(1.0));
        assert_eq!(a.eta_opt, Some(0.25));
        assert_eq!(a.stability_bound, Some(0.5));
        assert_eq!(a.kind, CriticalKind::Minimum);

        let a = Analysis::at(&Quadratic2::new(1.0, 10.0, 0.4), &Point::<2>::zeros());
        assert!((a.lambda_max - 10.0).abs() < 1e-12);
        assert!((a.stability_bound.unwrap_or(0.0) - 0.2).abs() < 1e-12);
        assert_eq!(a.eta_opt, None);
        // The eigenvector of λ = 10 is the x axis turned by 0.4 + π/2.
        let v = &a.eigenvectors[1];
        assert!((v[0] * 0.4_f64.sin() - v[1] * 0.4_f64.cos()).abs() > 0.999);
    }

    #[test]
    fn kinds_of_critical_points() {
        let table: [(&dyn Landscape<U2>, [f64; 2], CriticalKind); 4] = [
            (&Saddle, [0.0, 0.0], CriticalKind::Saddle),
            (&Himmelblau, [3.0, 2.0], CriticalKind::Minimum),
            (&Himmelblau, [-0.270845, -0.923039], CriticalKind::Maximum),
            (&Quadratic2::new(1.0, 0.0, 0.0), [0.0, 0.0], CriticalKind::Degenerate),
        ];
        for (l, p, kind) in table {
            let a = Analysis::at(l, &Point::<2>::new(p[0], p[1]));
            assert_eq!(a.kind, kind, "at {p:?}: {:?}", a.eigenvalues);
        }
        let a = Analysis::at(&Saddle, &Point::<2>::zeros());
        assert_eq!(a.eigenvalues, vec![-2.0, 2.0]);
    }

    #[test]
    fn taylor_model_matches_to_second_order_and_newton_lands_on_its_critical_point() {
        use crate::method::newton::Newton;
        use crate::method::{Criteria, Method, State};
        let x0 = Point::<2>::new(1.0, 0.5);
        let m = TaylorModel::at(&Himmelblau, x0);
        assert_eq!(m.value(&x0), Himmelblau.value(&x0));
        assert_eq!(m.gradient(&x0), Himmelblau.gradient(&x0));
        let d = Point::<2>::new(1e-3, -2e-3);
        assert!((m.value(&(x0 + d)) - Himmelblau.value(&(x0 + d))).abs() < 1e-7);
        let criteria = Criteria::default();
        let s = Newton.step(&Himmelblau, State::start(&Himmelblau, x0, &criteria), &criteria);
        assert!(m.gradient(&s.x).norm() < 1e-9);
    }

    #[test]
    fn non_finite_hessian_is_degenerate_not_a_panic() {
        let a = Analysis::of_hessian(&Hessian::<2>::new(f64::NAN, 0.0, 0.0, 1.0));
        assert_eq!(a.kind, CriticalKind::Degenerate);
        assert_eq!(a.stability_bound, None);
    }
}
