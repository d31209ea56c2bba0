//! A line search that satisfies the strong Wolfe conditions, and the step every line-search
//! method takes with it: the quasi-Newton methods ([`super::bfgs`], [`super::lbfgs`]) and
//! nonlinear conjugate gradient ([`super::conjugate_gradient`]) differ only in their
//! [`Direction`].
//!
//! Along a descent direction `d` from `x`, `φ(α) = E(x + αd)` with `φ'(0) = ∇E(x)ᵀd < 0`. A step
//! `α > 0` satisfies the strong Wolfe conditions with `0 < c₁ < c₂ < 1` when
//!
//! - `φ(α) ≤ φ(0) + c₁ α φ'(0)` (sufficient decrease), and
//! - `|φ'(α)| ≤ c₂ |φ'(0)|` (curvature: the slope has flattened).
//!
//! The second makes `sᵀy > 0` for `s = αd`, `y = ∇E(x + s) − ∇E(x)`, so a BFGS update stays
//! positive definite. With `c₂ → 0` the search becomes an exact line search.
//!
//! The search is Nocedal and Wright's Algorithm 3.5 (bracketing by doubling) and Algorithm 3.6
//! (`zoom`, here with the safeguarded cubic interpolation of their eq. (3.59), bisection when the
//! cubic is unusable or a value is not finite). Reference: J. Nocedal, S. Wright, "Numerical
//! Optimization" (2nd ed., 2006), §3.5. [`strong_wolfe`] knows nothing of points; [`descend`]
//! is one step of a method on a landscape. The directions are computed on plain vectors
//! ([`super::vectors`]), so that each method's arithmetic is compiled once for every dimension.

use crate::landscape::{Allocator, DefaultAllocator, Dim, Landscape, Vector, U1};
use crate::method::vectors::{dot, norm, scaled};
use crate::method::{Criteria, Method, State, Status};
use std::ops::{Deref, DerefMut};

/// The constants of the strong Wolfe conditions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wolfe {
    /// Sufficient decrease `c₁`.
    pub c1: f64,
    /// Curvature `c₂`.
    pub c2: f64,
}

impl Wolfe {
    /// Nocedal and Wright's values for quasi-Newton methods: `c₁ = 10⁻⁴`, `c₂ = 0.9`.
    pub const QUASI_NEWTON: Wolfe = Wolfe { c1: 1e-4, c2: 0.9 };
    /// Their values for nonlinear conjugate gradient: `c₁ = 10⁻⁴`, `c₂ = 0.1`.
    pub const CONJUGATE_GRADIENT: Wolfe = Wolfe { c1: 1e-4, c2: 0.1 };
    /// An exact line search in all but name (`c₂ = 10⁻¹⁰`), for the finite-termination tests.
    pub const EXACT: Wolfe = Wolfe { c1: 1e-4, c2: 1e-10 };

    /// Whether a step with value `value` and slope `slope` at `alpha` satisfies both
    /// conditions, from `φ(0) = value0` and `φ'(0) = slope0 < 0`.
    pub fn holds(&self, value0: f64, slope0: f64, alpha: f64, value: f64, slope: f64) -> bool {
        value <= value0 + self.c1 * alpha * slope0 && slope.abs() <= -self.c2 * slope0
    }
}

/// An evaluated trial step: `α`, `φ(α)` and `φ'(α)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trial {
    /// The step length `α`.
    pub alpha: f64,
    /// `φ(α)`.
    pub value: f64,
    /// `φ'(α)`.
    pub slope: f64,
}

/// How a search ended: the step to take (if any), whether it satisfies both conditions, and how
/// many times the search evaluated `φ`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Search {
    /// The step: one satisfying both conditions when the search found one; otherwise the trial
    /// with the lowest value among those that satisfied sufficient decrease (on a loss unbounded
    /// below, the longest step tried); `None` when no trial decreased `E` enough (not a descent
    /// direction, or an interval shrunk to rounding).
    pub step: Option<Trial>,
    /// Whether `step` satisfies the strong Wolfe conditions (`false` with no step).
    pub wolfe: bool,
    /// Evaluations of `φ` (each one of `E` and `∇E`).
    pub evaluations: u64,
}

impl Search {
    fn found(step: Trial, evaluations: u64) -> Self {
        Search {
            step: Some(step),
            wolfe: true,
            evaluations,
        }
    }

    fn ended(best: Option<Trial>, evaluations: u64) -> Self {
        Search {
            step: best,
            wolfe: false,
            evaluations,
        }
    }
}

/// Keeps in `best` the trial with the lowest value that satisfied sufficient decrease.
fn keep_best(best: &mut Option<Trial>, trial: Trial) {
    if best.map_or(true, |b| trial.value < b.value) {
        *best = Some(trial);
    }
}

/// The most evaluations of `φ` per search.
const MAX_EVALUATIONS: u64 = 40;
/// The largest step tried (bracketing doubles up to it).
const ALPHA_MAX: f64 = 1e10;

/// Searches `φ` (`α ↦ (φ(α), φ'(α))`) from `φ(0) = value0`, `φ'(0) = slope0`, trying
/// `alpha0 > 0` first, for a step satisfying `wolfe`.
pub fn strong_wolfe(
    phi: &mut dyn FnMut(f64) -> (f64, f64),
    value0: f64,
    slope0: f64,
    alpha0: f64,
    wolfe: Wolfe,
) -> Search {
    let mut evaluations = 0;
    let mut best = None;
    if !(slope0 < 0.0 && value0.is_finite() && alpha0 > 0.0 && alpha0.is_finite()) {
        return Search::ended(best, evaluations);
    }
    let mut previous = Trial {
        alpha: 0.0,
        value: value0,
        slope: slope0,
    };
    let mut alpha = alpha0.min(ALPHA_MAX);
    while evaluations < MAX_EVALUATIONS {
        let (value, slope) = phi(alpha);
        evaluations += 1;
        let trial = Trial { alpha, value, slope };
        let finite = value.is_finite() && slope.is_finite();
        if !finite || value > value0 + wolfe.c1 * alpha * slope0 || (evaluations > 1 && value >= previous.value) {
            return zoom(phi, value0, slope0, previous, trial, wolfe, evaluations, best);
        }
        if slope.abs() <= -wolfe.c2 * slope0 {
            return Search::found(trial, evaluations);
        }
        keep_best(&mut best, trial);
        if slope >= 0.0 {
            return zoom(phi, value0, slope0, trial, previous, wolfe, evaluations, best);
        }
        if alpha >= ALPHA_MAX {
            break;
        }
        previous = trial;
        alpha = (2.0 * alpha).min(ALPHA_MAX);
    }
    Search::ended(best, evaluations)
}

/// The minimizer of the cubic through `a` and `b` (values and slopes), if it has one strictly
/// inside the interval, else `None` (Nocedal and Wright, eq. (3.59)).
fn cubic_minimizer(a: Trial, b: Trial) -> Option<f64> {
    let d1 = a.slope + b.slope - 3.0 * (a.value - b.value) / (a.alpha - b.alpha);
    let root = d1 * d1 - a.slope * b.slope;
    if root.is_nan() || root < 0.0 {
        return None;
    }
    let d2 = (b.alpha - a.alpha).signum() * root.sqrt();
    let alpha = b.alpha - (b.alpha - a.alpha) * (b.slope + d2 - d1) / (b.slope - a.slope + 2.0 * d2);
    let (lo, hi) = (a.alpha.min(b.alpha), a.alpha.max(b.alpha));
    (alpha.is_finite() && alpha > lo && alpha < hi).then_some(alpha)
}

/// Algorithm 3.6: `lo` satisfies sufficient decrease and has the lowest value found; the interval
/// between `lo` and `hi` holds steps satisfying both conditions.
#[allow(clippy::too_many_arguments)]
fn zoom(
    phi: &mut dyn FnMut(f64) -> (f64, f64),
    value0: f64,
    slope0: f64,
    mut lo: Trial,
    mut hi: Trial,
    wolfe: Wolfe,
    mut evaluations: u64,
    mut best: Option<Trial>,
) -> Search {
    while evaluations < MAX_EVALUATIONS {
        let width = hi.alpha - lo.alpha;
        if width.abs() <= 1e-16 * lo.alpha.abs().max(hi.alpha.abs()) || width == 0.0 {
            break;
        }
        // Keep the trial out of the outer tenths, so the interval shrinks by at least a tenth.
        let (inner_lo, inner_hi) = {
            let (a, b) = (lo.alpha + 0.1 * width, hi.alpha - 0.1 * width);
            (a.min(b), a.max(b))
        };
        let usable = hi.value.is_finite() && hi.slope.is_finite();
        let alpha = usable
            .then(|| cubic_minimizer(lo, hi))
            .flatten()
            // (Not `f64::clamp`: its check of the bounds formats floats, 20 KB of the page's wasm.)
            .map_or(lo.alpha + 0.5 * width, |a| a.max(inner_lo).min(inner_hi));
        let (value, slope) = phi(alpha);
        evaluations += 1;
        let trial = Trial { alpha, value, slope };
        // Values within rounding of `lo`'s cannot say which is lower (near a minimum, where an
        // exact search ends up): the slope decides then.
        let higher = value - lo.value > 4.0 * f64::EPSILON * lo.value.abs().max(value0.abs());
        if !(value.is_finite() && slope.is_finite()) || value > value0 + wolfe.c1 * alpha * slope0 || higher {
            hi = trial;
        } else {
            if slope.abs() <= -wolfe.c2 * slope0 {
                return Search::found(trial, evaluations);
            }
            keep_best(&mut best, trial);
            if slope * (hi.alpha - lo.alpha) >= 0.0 {
                hi = lo;
            }
            lo = trial;
        }
    }
    Search::ended(best, evaluations)
}

/// What distinguishes one line-search method from another: the direction it searches along,
/// and what it learns from a step.
pub trait Direction {
    /// The direction at gradient `g` and the first step to try (`−g` and `min(1, 1/‖g‖)` with
    /// nothing learned yet).
    fn direction(&self, g: &[f64]) -> (Vec<f64>, f64);
    /// Learns from the step `α d` taken from where the gradient was `g` to where it is `g_new`.
    fn learn(&mut self, d: Vec<f64>, alpha: f64, g: &[f64], g_new: &[f64]);
    /// Forgets what it learned: the next direction is the steepest descent.
    fn reset(&mut self);
    /// Whether it has learned anything (a failed search along its direction is then tried
    /// again along `−∇E`).
    fn learned(&self) -> bool;
}

/// A line-search method: its [`Direction`] and the constants of its search. One [`Method`]
/// for every direction and every dimension; it derefs to its direction (BFGS's estimate,
/// L-BFGS's memory).
#[derive(Debug, Clone, PartialEq)]
pub struct LineSearch<D> {
    direction: D,
    wolfe: Wolfe,
}

impl<D> LineSearch<D> {
    /// `direction`, searched with the constants `wolfe`.
    pub fn new(direction: D, wolfe: Wolfe) -> Self {
        LineSearch { direction, wolfe }
    }
}

impl<D: Direction> LineSearch<D> {
    /// One step from `x` (where `E = value`, `∇E = g`) with `eval`: [`step_from`] with this
    /// method's direction and constants.
    pub fn step_on(&mut self, x: &[f64], value: f64, g: &[f64], eval: &mut Evaluate) -> (Option<Moved>, u64) {
        step_from(&mut self.direction, self.wolfe, x, value, g, eval)
    }
}

impl<D> Deref for LineSearch<D> {
    type Target = D;
    fn deref(&self) -> &D {
        &self.direction
    }
}

impl<D> DerefMut for LineSearch<D> {
    fn deref_mut(&mut self) -> &mut D {
        &mut self.direction
    }
}

impl<D: Direction, S: Dim> Method<S> for LineSearch<D>
where
    DefaultAllocator: Allocator<S> + Allocator<S, S>,
{
    fn step(&mut self, landscape: &dyn Landscape<S>, state: State<S>, criteria: &Criteria) -> State<S> {
        descend(&mut self.direction, self.wolfe, landscape, state, criteria)
    }
}

/// The steepest descent with nothing learned: `(−g, min(1, 1/‖g‖))`, a first step of length at
/// most 1.
pub fn steepest(g: &[f64]) -> (Vec<f64>, f64) {
    (scaled(-1.0, g), (1.0 / norm(g)).min(1.0))
}

/// `x ↦ (E(x), ∇E(x))`: what a line-search step evaluates.
pub type Evaluate<'a> = dyn FnMut(&[f64]) -> (f64, Vec<f64>) + 'a;

/// Where a step of a line-search method went: the point, `E` and `∇E` there.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    /// The point reached.
    pub x: Vec<f64>,
    /// `E` there.
    pub value: f64,
    /// `∇E` there.
    pub gradient: Vec<f64>,
}

/// One step of a line-search method from `x` (where `E = value`, `∇E = g`), with
/// `eval(x) = (E(x), ∇E(x))`: the method's direction (reset to the steepest descent when it does
/// not point downhill), a strong Wolfe search along it (again along `−∇E` if that fails after
/// learning), and the method learns from the step. Returns where it went — `None` with no
/// decrease found at all (rounding at a critical point: the run stays put); on a loss unbounded
/// below, the longest step tried — and the evaluations of `eval`. The same code steps the page's
/// runs ([`descend`]) and the cost panel's large quadratics.
pub fn step_from(
    method: &mut dyn Direction,
    wolfe: Wolfe,
    x: &[f64],
    value: f64,
    g: &[f64],
    eval: &mut Evaluate,
) -> (Option<Moved>, u64) {
    let (mut d, mut alpha0) = method.direction(g);
    if !downhill(g, &d) {
        method.reset();
        (d, alpha0) = steepest(g);
    }
    let (mut found, mut evaluations) = along(x, value, g, &d, alpha0, wolfe, eval);
    // Again along −∇E. (When that is what just failed — CG falls back to it by itself — the
    // retry repeats the failed search; it happens only at rounding level, and checking for it
    // cost the page more bytes than it has left.)
    if found.is_none() && method.learned() {
        method.reset();
        (d, alpha0) = steepest(g);
        let (again, more) = along(x, value, g, &d, alpha0, wolfe, eval);
        (found, evaluations) = (again, evaluations + more);
    }
    if let Some((alpha, moved)) = &found {
        method.learn(d, *alpha, g, &moved.gradient);
    }
    (found.map(|(_, moved)| moved), evaluations)
}

/// [`step_from`] for a run on a landscape: every evaluation of the search counts as one of `∇E`.
pub fn descend<S: Dim>(
    method: &mut dyn Direction,
    wolfe: Wolfe,
    landscape: &dyn Landscape<S>,
    mut state: State<S>,
    criteria: &Criteria,
) -> State<S>
where
    DefaultAllocator: Allocator<S> + Allocator<S, S>,
{
    let rows = state.x.shape_generic().0;
    let vector = |x: &[f64]| Vector::<S>::from_column_slice_generic(rows, U1, x);
    if state.status != Status::Running {
        return state;
    }
    let mut eval = |x: &[f64]| {
        let p = vector(x);
        (landscape.value(&p), landscape.gradient(&p).as_slice().to_vec())
    };
    let (moved, evaluations) = step_from(
        method,
        wolfe,
        state.x.as_slice(),
        state.value,
        state.gradient.as_slice(),
        &mut eval,
    );
    state.counts.gradients += evaluations;
    match moved {
        Some(m) => state.moved_to(vector(&m.x), m.value, vector(&m.gradient), criteria),
        None => {
            let (x, value, g) = (state.x.clone(), state.value, state.gradient.clone());
            state.moved_to(x, value, g, criteria)
        }
    }
}

/// Whether `d` goes downhill from where the gradient is `g` (`gᵀd < 0`; not when it is NaN).
pub fn downhill(g: &[f64], d: &[f64]) -> bool {
    dot(g, d) < 0.0
}

/// The strong Wolfe search along `d` from `x`: `φ(α) = E(x + αd)`, `φ'(α) = ∇E(x + αd)ᵀd`; the
/// step it took with where it went, and the evaluations.
fn along(
    x: &[f64],
    value: f64,
    g: &[f64],
    d: &[f64],
    alpha0: f64,
    wolfe: Wolfe,
    eval: &mut Evaluate,
) -> (Option<(f64, Moved)>, u64) {
    let mut trials: Vec<(f64, Moved)> = Vec::new();
    let search = strong_wolfe(
        &mut |alpha| {
            let point: Vec<f64> = x.iter().zip(d).map(|(xi, di)| xi + alpha * di).collect();
            let (v, gradient) = eval(&point);
            let slope = dot(&gradient, d);
            trials.push((
                alpha,
                Moved {
                    x: point,
                    value: v,
                    gradient,
                },
            ));
            (v, slope)
        },
        value,
        dot(g, d),
        alpha0,
        wolfe,
    );
    let found = search.step.and_then(|s| trials.into_iter().find(|t| t.0 == s.alpha));
    (found, search.evaluations)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `φ` of `E(x) = Σ cᵢ xᵢ⁴/4 + xᵢ²/2`-like 1-D functions: here given directly.
    fn search(f: impl Fn(f64) -> (f64, f64), alpha0: f64, wolfe: Wolfe) -> Search {
        let (v0, s0) = f(0.0);
        strong_wolfe(&mut |a| f(a), v0, s0, alpha0, wolfe)
    }

    #[test]
    fn accepted_steps_satisfy_both_conditions() {
        // Quadratics with minima near and far, a quartic, and a function with a flat shoulder.
        type Phi<'a> = &'a dyn Fn(f64) -> (f64, f64);
        let cases: [(Phi, f64); 4] = [
            (&|a: f64| ((a - 3.0).powi(2), 2.0 * (a - 3.0)), 1.0),
            (&|a: f64| ((a - 1e-3).powi(2), 2.0 * (a - 1e-3)), 1.0),
            (
                &|a: f64| ((a - 2.0).powi(4) - 4.0 * a, 4.0 * (a - 2.0).powi(3) - 4.0),
                0.01,
            ),
            (
                &|a: f64| {
                    (
                        -(a * 0.5).tanh() + 0.01 * (a - 30.0).powi(2),
                        -0.5 / (a * 0.5).cosh().powi(2) + 0.02 * (a - 30.0),
                    )
                },
                1.0,
            ),
        ];
        for (k, (f, alpha0)) in cases.into_iter().enumerate() {
            for wolfe in [Wolfe::QUASI_NEWTON, Wolfe::CONJUGATE_GRADIENT, Wolfe::EXACT] {
                let (v0, s0) = f(0.0);
                let found = search(f, alpha0, wolfe);
                assert!(found.wolfe, "case {k}: no Wolfe step ({wolfe:?})");
                let a = found.step.unwrap_or_else(|| panic!("case {k}: no step ({wolfe:?})"));
                assert!(wolfe.holds(v0, s0, a.alpha, a.value, a.slope), "case {k}: {a:?}");
                assert_eq!(f(a.alpha), (a.value, a.slope));
            }
        }
    }

    #[test]
    fn on_a_quadratic_the_exact_search_finds_the_minimizer() {
        let f = |a: f64| (0.5 * 7.0 * (a - 0.37).powi(2), 7.0 * (a - 0.37));
        let a = search(f, 1.0, Wolfe::EXACT).step.expect("a step");
        assert!((a.alpha - 0.37).abs() < 1e-12, "{}", a.alpha);
        // And it accepts a first trial that already satisfies the conditions.
        let found = search(f, 0.5, Wolfe::QUASI_NEWTON);
        assert_eq!((found.evaluations, found.step.map(|a| a.alpha)), (1, Some(0.5)));
    }

    #[test]
    fn refuses_uphill_directions_and_survives_overflow() {
        let uphill = search(|a| (a, 1.0), 1.0, Wolfe::QUASI_NEWTON);
        assert_eq!((uphill.step, uphill.wolfe, uphill.evaluations), (None, false, 0));
        // Beyond α = 2 the value is not finite: the search backs off into the finite part.
        let f = |a: f64| {
            if a > 2.0 {
                (f64::INFINITY, f64::NAN)
            } else {
                ((a - 1.5).powi(2), 2.0 * (a - 1.5))
            }
        };
        let found = search(f, 64.0, Wolfe::QUASI_NEWTON);
        let a = found.step.expect("a step");
        assert!(found.wolfe && a.alpha <= 2.0 && a.value.is_finite());
        // A loss decreasing without bound: the slope never flattens, so no step satisfies the
        // curvature condition; the search stops within its budget and offers the longest step
        // tried (a run taking it leaves every bound: it diverges, as it should).
        let found = search(|a| (-a, -1.0), 1.0, Wolfe::QUASI_NEWTON);
        let a = found.step.expect("the longest step");
        assert!(!found.wolfe && found.evaluations <= MAX_EVALUATIONS);
        assert!(a.alpha >= 1e9, "{}", a.alpha);
    }
}
