//! Basins of attraction: every pixel of a view is a start; it is labelled by the critical point
//! the method reaches from there, or as diverged, or as not converged within the step budget.
//! The lecture's points made visible at once: where GD ends depends on the start, GD(η) and
//! Newton divide the plane differently, and Newton's basins on Himmelblau are fractal.
//!
//! The kernel works on rows (`row0..row1`), so the page can split a map across Web Workers and
//! draw it as the rows arrive.

use crate::error::{Error, Why};
use crate::landscape::pair::{Mask, Pair, Paired};
use crate::landscape::presets::Make;
use crate::landscape::{Const, Hessian, Landscape, Point, U1, U2};
use crate::method::bfgs::Bfgs;
use crate::method::conjugate_gradient::ConjugateGradient;
use crate::method::damped_newton::armijo_step;
use crate::method::lbfgs::{self, Lbfgs, Scaling};
use crate::method::line_search::{Direction, LineSearch, Wolfe};
use crate::method::newton::newton_direction;
use crate::method::saddle_free_newton::saddle_free_direction;
use crate::method::vectors::dot;
use crate::method::Status;
use crate::picture::grid::View;

/// Label of a start whose run left every bound (or became non-finite).
pub const DIVERGED: u8 = 254;
/// Label of a start whose run did not reach a known critical point within the budget.
pub const NOT_CONVERGED: u8 = 255;
/// At most this many critical points get their own label.
pub const MAX_LABELS: usize = 250;

/// The method a basin map runs from every start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BasinMethod {
    /// Gradient descent with learning rate `η`.
    GradientDescent(f64),
    /// Newton's method (a singular Hessian stops the run: not converged).
    Newton,
    /// Damped Newton: Newton's direction (or `−∇E`) with an Armijo line search.
    DampedNewton,
    /// Levenberg–Marquardt with damping `μ`: `−(H + μI)⁻¹∇E`.
    LevenbergMarquardt(f64),
    /// Saddle-free Newton: `−|H|⁻¹∇E`.
    SaddleFreeNewton,
    /// BFGS with its strong Wolfe line search.
    Bfgs,
    /// L-BFGS remembering `m` steps.
    Lbfgs(usize),
    /// Nonlinear conjugate gradient (PR+).
    ConjugateGradient,
}

impl BasinMethod {
    /// The method named `name` (`gd` with η = `param` > 0, `newton`, `damped-newton`, `lm` with
    /// μ = `param` ≥ 0 (at most 1e8), `saddle-free`, `bfgs`, `lbfgs` with m = `param` (a whole
    /// number from 1 to 50), `cg`), or why not.
    pub fn named(name: &str, param: f64) -> Result<BasinMethod, Error> {
        let positive = param.is_finite() && param > 0.0;
        Ok(match name {
            "gd" if positive => BasinMethod::GradientDescent(param),
            "newton" => BasinMethod::Newton,
            "damped-newton" => BasinMethod::DampedNewton,
            "lm" if positive || param == 0.0 => BasinMethod::LevenbergMarquardt(param.min(1e8)),
            "saddle-free" => BasinMethod::SaddleFreeNewton,
            "bfgs" => BasinMethod::Bfgs,
            "lbfgs" => BasinMethod::Lbfgs(lbfgs::memory(param).map_err(|_| Error::OutOfRange(Why::BasinMethod))?),
            "cg" => BasinMethod::ConjugateGradient,
            _ => return Err(Error::OutOfRange(Why::BasinMethod)),
        })
    }
}

/// `‖∇E‖²` at `x` and where one step of `method` goes from there (`None`: a singular Hessian).
/// Generic so that each landscape's loop is compiled with its derivatives inlined.
#[inline(always)]
fn step<L: Landscape<Const<N>> + ?Sized, const N: usize>(
    l: &L,
    method: BasinMethod,
    x: &Point<N>,
) -> (f64, Option<Point<N>>) {
    match method {
        BasinMethod::GradientDescent(eta) => {
            let g = l.gradient(x);
            (g.norm_squared(), Some(x - eta * g))
        }
        // (The line-search methods learn from step to step: [`searching`] runs them, never this
        // stateless step.)
        BasinMethod::Bfgs | BasinMethod::Lbfgs(_) | BasinMethod::ConjugateGradient => (f64::NAN, None),
        _ => step_with(l, method, x, l.gradient_hessian(x)),
    }
}

/// [`step`] of a method of the Newton family at `x`, given `∇E` and `H` there.
#[inline(always)]
fn step_with<L: Landscape<Const<N>> + ?Sized, const N: usize>(
    l: &L,
    method: BasinMethod,
    x: &Point<N>,
    (g, h): (Point<N>, Hessian<N>),
) -> (f64, Option<Point<N>>) {
    let to = match method {
        BasinMethod::Newton => newton_direction(&h, &g).map(|v| x + v),
        BasinMethod::DampedNewton => Some(armijo_step(l, x, l.value(x), &g, &h).0),
        BasinMethod::LevenbergMarquardt(mu) => {
            let shifted = h + Hessian::<N>::identity() * mu;
            newton_direction(&shifted, &g).map(|v| x + v)
        }
        BasinMethod::SaddleFreeNewton => saddle_free_direction(&h, &g).map(|v| x + v),
        _ => None,
    };
    (g.norm_squared(), to)
}

/// A run of a line-search method (BFGS, L-BFGS, CG) from `x`, or `None` for the other methods.
/// These keep what they learn from one step to the next, so each start runs on its own, with
/// [`LineSearch::step_on`]: the page's runs' own step, so a map shows where the page's run from
/// that start ends. A run whose search finds no decrease (rounding, near a critical point) ends
/// there as at the step limit, where the page's run would stay until its limit.
fn searching<L: Landscape<Const<N>> + ?Sized, const N: usize>(
    l: &L,
    x: Point<N>,
    method: BasinMethod,
    steps: usize,
    grad_tol: f64,
) -> Option<End<N>> {
    Some(match method {
        BasinMethod::Bfgs => search_run(l, x, Bfgs::new(Wolfe::QUASI_NEWTON), steps, grad_tol),
        BasinMethod::Lbfgs(m) => {
            // (`named` checks m; one built out of range directly is brought into range, so that
            // both kernel paths run the same method.)
            let method = Lbfgs::new(m.clamp(1, lbfgs::MAX_MEMORY), Scaling::Newest, Wolfe::QUASI_NEWTON).ok()?;
            search_run(l, x, method, steps, grad_tol)
        }
        BasinMethod::ConjugateGradient => {
            search_run(l, x, ConjugateGradient::new(Wolfe::CONJUGATE_GRADIENT), steps, grad_tol)
        }
        _ => return None,
    })
}

/// [`searching`] with the method built.
fn search_run<L: Landscape<Const<N>> + ?Sized, D: Direction, const N: usize>(
    l: &L,
    mut x: Point<N>,
    mut method: LineSearch<D>,
    steps: usize,
    grad_tol: f64,
) -> End<N> {
    let tol2 = grad_tol * grad_tol;
    let mut eval = |p: &[f64]| {
        let p = Point::<N>::from_column_slice(p);
        (l.value(&p), l.gradient(&p).as_slice().to_vec())
    };
    let (mut value, mut g) = eval(x.as_slice());
    for _ in 0..steps {
        let g2 = dot(&g, &g);
        // In the order the page's runs decide their status (`State`): undefined, then not
        // finite, then converged.
        if g2.is_nan() || value.is_nan() {
            return End::at(x, Status::Undefined);
        }
        if !(value.is_finite() && g2.is_finite()) {
            return End::at(x, Status::Diverged);
        }
        if g2 < tol2 {
            return End::at(x, Status::Converged);
        }
        let (moved, _) = method.step_on(x.as_slice(), value, &g, &mut eval);
        let Some(moved) = moved else {
            return End::at(x, Status::StepLimit);
        };
        // (A step the search returns has a finite value and gradient: only the bound on ‖x‖
        // can end the run here, as diverged.)
        match advance(&x, (g2, Some(Point::<N>::from_column_slice(&moved.x))), tol2) {
            Ok(next) => {
                x = next;
                (value, g) = (moved.value, moved.gradient);
            }
            Err(end) => return end,
        }
    }
    End::at(x, Status::StepLimit)
}

/// How far to run, and how to decide where a run ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    /// Most steps per start.
    pub steps: usize,
    /// A run stops early once `‖∇E‖` falls below this (0: always `steps` steps).
    pub grad_tol: f64,
    /// A run ends "at" a critical point when within this distance of it.
    pub radius: f64,
}

impl Budget {
    /// At most `steps` steps (≤ 10,000), stopping once `‖∇E‖ < tol` (0 or not finite: never),
    /// a run ending "at" a critical point within a thousandth of `view`'s larger side.
    pub fn for_view(steps: usize, tol: f64, view: &View) -> Result<Budget, Error> {
        if steps > 10_000 {
            return Err(Error::OutOfRange(Why::BasinSteps));
        }
        Ok(Budget {
            steps,
            grad_tol: if tol.is_finite() { tol.max(0.0) } else { 0.0 },
            radius: 1e-3 * (view.x_max - view.x_min).max(view.y_max - view.y_min),
        })
    }
}

/// Where a run of steps from one start stopped, and how: [`Status::Converged`] (`‖∇E‖` below the
/// tolerance), [`Status::StepLimit`] (the budget ran out), [`Status::Diverged`] (a step left
/// every bound; `x` is the last point inside) or [`Status::SingularHessian`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct End<const N: usize> {
    /// The last point reached.
    pub x: Point<N>,
    /// How the run ended.
    pub status: Status,
}

impl<const N: usize> End<N> {
    fn at(x: Point<N>, status: Status) -> Self {
        End { x, status }
    }
}

/// A landscape with the basin kernel compiled for it: implemented for every concrete landscape,
/// so that a `dyn Kernel` makes one dynamic call per start (or per [`LANES`] starts), not one or
/// two per step, with the landscape's derivatives inlined into the loop. Build one with
/// [`AsKernel`] from a preset.
pub trait Kernel<const N: usize>: Landscape<Const<N>> {
    /// [`descend`] on this landscape.
    fn descend(&self, x: Point<N>, method: BasinMethod, steps: usize, grad_tol: f64) -> End<N>;
    /// [`descend_lanes`] on this landscape.
    fn descend_lanes(&self, x: [Point<N>; LANES], method: BasinMethod, steps: usize, grad_tol: f64) -> [End<N>; LANES];
    /// [`descend_all`] on this landscape.
    fn descend_all(
        &self,
        starts: &[Point<N>],
        method: BasinMethod,
        steps: usize,
        grad_tol: f64,
        ends: &mut Vec<End<N>>,
    );
}

impl<L: Landscape<Const<N>> + Paired, const N: usize> Kernel<N> for L {
    fn descend(&self, x: Point<N>, method: BasinMethod, steps: usize, grad_tol: f64) -> End<N> {
        descend(self, x, method, steps, grad_tol)
    }
    fn descend_lanes(&self, x: [Point<N>; LANES], method: BasinMethod, steps: usize, grad_tol: f64) -> [End<N>; LANES] {
        descend_lanes(self, x, method, steps, grad_tol)
    }
    fn descend_all(
        &self,
        starts: &[Point<N>],
        method: BasinMethod,
        steps: usize,
        grad_tol: f64,
        ends: &mut Vec<End<N>>,
    ) {
        descend_all(self, starts, method, steps, grad_tol, ends)
    }
}

/// Builds a preset's 2-D landscape as a [`Kernel`] (`None` for a 1-D one), through
/// [`crate::landscape::presets::Preset::build_as`].
pub struct AsKernel;

impl Make for AsKernel {
    type Out = Option<Box<dyn Kernel<2>>>;
    fn one<L: Landscape<U1> + 'static>(self, _: L) -> Self::Out {
        None
    }
    fn two<L: Landscape<U2> + Paired + 'static>(self, l: L) -> Self::Out {
        Some(Box::new(l))
    }
}

/// Up to `steps` steps of `method` from `x`, stopping early once `‖∇E‖ < grad_tol`. Generic
/// (and called through [`Kernel::descend`]) so that each landscape's loop is compiled with its
/// derivatives inlined; norms are compared squared (no square root per step).
pub fn descend<L: Landscape<Const<N>> + ?Sized, const N: usize>(
    l: &L,
    mut x: Point<N>,
    method: BasinMethod,
    steps: usize,
    grad_tol: f64,
) -> End<N> {
    if let Some(end) = searching(l, x, method, steps, grad_tol) {
        return end;
    }
    let tol2 = grad_tol * grad_tol;
    for _ in 0..steps {
        match advance(&x, step(l, method, &x), tol2) {
            Ok(next) => x = next,
            Err(end) => return end,
        }
    }
    End::at(x, Status::StepLimit)
}

/// What one step means for a run at `x` (`step`'s `‖∇E‖²` and next point): `Ok` with the point
/// to go on from, or how the run ends — `‖∇E‖` below the tolerance (at `x`), `∇E` undefined
/// there (NaN: outside a typed function's domain), a singular Hessian, or a step out of bounds
/// (`‖x‖ > 1e8`, NaN included). Shared by every run loop; the end cases cost nothing on the
/// path that goes on. (The kernel evaluates `E` only where a method needs it, so a landscape
/// whose `E` is undefined where `∇E` is not is told apart by its methods, not here.)
#[inline(always)]
fn advance<const N: usize>(x: &Point<N>, (g2, next): (f64, Option<Point<N>>), tol2: f64) -> Result<Point<N>, End<N>> {
    if g2 < tol2 {
        return Err(End::at(*x, Status::Converged));
    }
    match next {
        // (NaN fails the comparison.)
        Some(next) if next.norm_squared() <= 1e16 => Ok(next),
        Some(_) if g2.is_nan() => Err(End::at(*x, Status::Undefined)),
        Some(_) => Err(End::at(*x, Status::Diverged)),
        None => Err(End::at(*x, Status::SingularHessian)),
    }
}

/// [`descend`] from `LANES` starts at once, in lockstep: the runs are independent, so the
/// processor overlaps their dependency chains (one start's step waits on the previous step's
/// multiplications; four starts keep the arithmetic units busy). Same results as one at a time.
pub fn descend_lanes<L: Landscape<Const<N>> + ?Sized, const N: usize>(
    l: &L,
    x: [Point<N>; LANES],
    method: BasinMethod,
    steps: usize,
    grad_tol: f64,
) -> [End<N>; LANES] {
    // One loop per method: each closure's `step` inlines with its method known, so the method
    // is not re-examined for every lane and step.
    use BasinMethod::*;
    match method {
        GradientDescent(eta) => lockstep_dense(x, steps, grad_tol, |x| step(l, GradientDescent(eta), x)),
        Newton => lockstep(x, steps, grad_tol, |x| step(l, Newton, x)),
        DampedNewton => lockstep(x, steps, grad_tol, |x| step(l, DampedNewton, x)),
        LevenbergMarquardt(mu) => lockstep(x, steps, grad_tol, |x| step(l, LevenbergMarquardt(mu), x)),
        SaddleFreeNewton => lockstep(x, steps, grad_tol, |x| step(l, SaddleFreeNewton, x)),
        Bfgs | Lbfgs(_) | ConjugateGradient => std::array::from_fn(|k| {
            searching(l, x[k], method, steps, grad_tol).unwrap_or(End::at(x[k], Status::StepLimit))
        }),
    }
}

/// [`descend`] from every start in `starts`, its ends into `ends` in the same order. The Newton
/// family runs [`LANES`] starts in lockstep, and a lane takes the next start as soon as its run
/// ends ([`lockstep_refill`]): runs that stop early do not wait for the slowest of eight.
/// Gradient descent, whose runs rarely stop early, runs `LANES` at a time ([`lockstep_dense`]);
/// the line-search methods one at a time.
pub fn descend_all<L: Landscape<Const<N>> + Paired + ?Sized, const N: usize>(
    l: &L,
    starts: &[Point<N>],
    method: BasinMethod,
    steps: usize,
    grad_tol: f64,
    ends: &mut Vec<End<N>>,
) {
    use BasinMethod::*;
    ends.clear();
    ends.resize(starts.len(), End::at(Point::<N>::zeros(), Status::StepLimit));
    // Two starts per instruction where the landscape has a paired form ([`Paired`]).
    if N == 2 && l.paired() {
        match method {
            GradientDescent(eta) => {
                let eta = Pair::splat(eta);
                let pair = |x: Pair, y: Pair| {
                    let [gx, gy] = l.gradient2(x, y);
                    (
                        gx * gx + gy * gy,
                        x - eta * gx,
                        y - eta * gy,
                        Pair::splat(0.0).le(Pair::splat(0.0)),
                    )
                };
                return lockstep_pairs(starts, ends, steps, grad_tol, pair, |x| step(l, method, x));
            }
            Newton => {
                let pair = |x, y| newton_pair(l.derivatives2(x, y), x, y);
                return lockstep_pairs(starts, ends, steps, grad_tol, pair, |x| step(l, method, x));
            }
            _ => {}
        }
    }
    match method {
        Newton | DampedNewton | LevenbergMarquardt(_) | SaddleFreeNewton => lockstep_refill(
            starts,
            ends,
            steps,
            grad_tol,
            |x| l.gradient_hessians(x),
            |x, d| step_with(l, method, x, d),
        ),
        _ => {
            for (first, chunk) in (0..starts.len()).step_by(LANES).zip(ends.chunks_mut(LANES)) {
                // (The last group padded with its first start.)
                let xs = std::array::from_fn(|k| starts[if first + k < starts.len() { first + k } else { first }]);
                let out = descend_lanes(l, xs, method, steps, grad_tol);
                chunk.copy_from_slice(&out[..chunk.len()]);
            }
        }
    }
}

/// Newton's step at two points from their derivatives `[∂x, ∂y, ∂xx, ∂xy, ∂yy]`: `‖∇E‖²`, where
/// each goes, and bit `k` set where lane `k`'s step is one (the Hessian passes
/// [`newton_direction`]'s test and the step is finite). The same arithmetic, in the same order,
/// as [`newton_direction`]'s closed form in two variables; a lane it leaves unset (singular, or
/// out of the closed form's range) is for the method's own step to decide.
#[inline(always)]
fn newton_pair([gx, gy, a, b, d]: [Pair; 5], x: Pair, y: Pair) -> (Pair, Pair, Pair, Mask) {
    let det = a * d - b * b;
    let big = a.abs().max(b.abs()).max(b.abs().max(d.abs()));
    let solvable = (big * big).lt(Pair::splat(crate::method::newton::MAX_CONDITION) * det.abs());
    let r = -det.recip();
    let (vx, vy) = (r * (d * gx - b * gy), r * (a * gy - b * gx));
    // (Both finite exactly where 0·vx + 0·vy is 0: an infinity or a NaN makes it NaN.)
    let zero = Pair::splat(0.0);
    let finite = (zero * vx + zero * vy).le(zero);
    (gx * gx + gy * gy, x + vx, y + vy, solvable & finite)
}

/// [`lockstep_refill`] two lanes per instruction, for a 2-D landscape with a paired form:
/// `pair(x, y)` gives `‖∇E‖²`, the next points and the lanes whose step is one (a bit per lane:
/// what the method's `step` gives, two at a time, with the same rounding); a lane goes on there
/// unless its run ends, which [`advance`] decides, as in [`descend`]. Where the pair found no
/// step, `scalar` (the method's own step) is asked.
#[inline(always)]
fn lockstep_pairs<const N: usize>(
    starts: &[Point<N>],
    ends: &mut [End<N>],
    steps: usize,
    grad_tol: f64,
    pair: impl Fn(Pair, Pair) -> (Pair, Pair, Pair, Mask),
    scalar: impl Fn(&Point<N>) -> (f64, Option<Point<N>>),
) {
    const IDLE: usize = usize::MAX;
    const PAIRS: usize = LANES / 2;
    let tol2 = grad_tol * grad_tol;
    let (tol2s, bound, zero, one) = (Pair::splat(tol2), Pair::splat(1e16), Pair::splat(0.0), Pair::splat(1.0));
    let point = |x: f64, y: f64| Point::<N>::from_fn(|i, _| if i == 0 { x } else { y });
    let budget = steps as f64; // (exact: steps ≤ 10,000)
    let mut next = 0;
    let mut who = [IDLE; LANES];
    // The lanes' points and steps left, two to a register.
    let (mut xs, mut ys, mut left) = ([zero; PAIRS], [zero; PAIRS], [zero; PAIRS]);
    let mut busy = 0;
    let (mut lane_x, mut lane_y, mut lane_left) = ([0.0; LANES], [0.0; LANES], [0.0; LANES]);
    for k in 0..LANES.min(starts.len()) {
        (who[k], lane_x[k], lane_y[k], lane_left[k]) = (k, starts[k][0], starts[k][1], budget);
        next += 1;
        busy += 1;
    }
    let pair_of = |v: &[f64; LANES], p: usize| Pair::new(v[2 * p], v[2 * p + 1]);
    for p in 0..PAIRS {
        (xs[p], ys[p], left[p]) = (pair_of(&lane_x, p), pair_of(&lane_y, p), pair_of(&lane_left, p));
    }
    while busy > 0 {
        for p in 0..PAIRS {
            let (g2, nx, ny, stepped) = pair(xs[p], ys[p]);
            // Lanes that go on: steps left, ‖∇E‖ not below the tolerance, a step, in bounds.
            let on = zero.lt(left[p]) & stepped & !g2.lt(tol2s) & (nx * nx + ny * ny).le(bound);
            if on.bits() == 0b11 {
                // (The common case: both go on.)
                (xs[p], ys[p], left[p]) = (nx, ny, left[p] - one);
                continue;
            }
            // A run ends in this pair (or a lane is idle): lane by lane.
            let (on, stepped) = (on.bits(), stepped.bits());
            let ([mut x, mut y, mut l], [nx, ny], g2) = (
                [xs[p].lanes(), ys[p].lanes(), left[p].lanes()],
                [nx.lanes(), ny.lanes()],
                g2.lanes(),
            );
            for (j, k) in [2 * p, 2 * p + 1].into_iter().enumerate() {
                if who[k] == IDLE {
                    continue;
                }
                if on & (1 << j) != 0 {
                    (x[j], y[j], l[j]) = (nx[j], ny[j], l[j] - 1.0);
                    continue;
                }
                // How the run goes on or ends: the step as the method's `step` gives it, judged
                // by the one `advance`.
                let here = point(x[j], y[j]);
                let end = if l[j] == 0.0 {
                    End::at(here, Status::StepLimit)
                } else {
                    // (Where the paired test found no step, the method's own step decides: it
                    // may take another path, as Newton's does beyond the closed form's range.)
                    let step = if stepped & (1 << j) != 0 {
                        (g2[j], Some(point(nx[j], ny[j])))
                    } else {
                        scalar(&here)
                    };
                    match advance(&here, step, tol2) {
                        Ok(to) => {
                            (x[j], y[j], l[j]) = (to[0], to[1], l[j] - 1.0);
                            continue;
                        }
                        Err(end) => end,
                    }
                };
                ends[who[k]] = end;
                if next < starts.len() {
                    (who[k], x[j], y[j], l[j]) = (next, starts[next][0], starts[next][1], budget);
                    next += 1;
                } else {
                    who[k] = IDLE;
                    busy -= 1;
                }
            }
            (xs[p], ys[p], left[p]) = (Pair::new(x[0], x[1]), Pair::new(y[0], y[1]), Pair::new(l[0], l[1]));
        }
    }
}

/// The refilling lockstep loop of [`descend_all`]: `LANES` runs step in turn, each from its own
/// start with its own count of steps, their derivatives evaluated together (`derivatives`), then
/// each lane's `step` from them; a lane whose run ends writes its end and takes the next start.
/// The same ends as [`descend`] from each start.
#[inline(always)]
fn lockstep_refill<const N: usize>(
    starts: &[Point<N>],
    ends: &mut [End<N>],
    steps: usize,
    grad_tol: f64,
    derivatives: impl Fn(&[Point<N>; LANES]) -> [(Point<N>, Hessian<N>); LANES],
    step: impl Fn(&Point<N>, (Point<N>, Hessian<N>)) -> (f64, Option<Point<N>>),
) {
    const IDLE: usize = usize::MAX;
    let tol2 = grad_tol * grad_tol;
    let mut next = 0;
    // Each lane's start (IDLE: none left for it), point and steps taken.
    let mut who = [IDLE; LANES];
    let mut x = [Point::<N>::zeros(); LANES];
    let mut taken = [0usize; LANES];
    let mut busy = 0;
    for k in 0..LANES.min(starts.len()) {
        (who[k], x[k]) = (k, starts[k]);
        next += 1;
        busy += 1;
    }
    while busy > 0 {
        // Every lane's derivatives at once (a typed function's program runs once for all;
        // an idle lane's point is evaluated and not used).
        let d = derivatives(&x);
        for k in 0..LANES {
            if who[k] == IDLE {
                continue;
            }
            let end = if taken[k] == steps {
                End::at(x[k], Status::StepLimit)
            } else {
                match advance(&x[k], step(&x[k], d[k]), tol2) {
                    Ok(to) => {
                        x[k] = to;
                        taken[k] += 1;
                        continue;
                    }
                    Err(end) => end,
                }
            };
            ends[who[k]] = end;
            if next < starts.len() {
                (who[k], x[k], taken[k]) = (next, starts[next], 0);
                next += 1;
            } else {
                who[k] = IDLE;
                busy -= 1;
            }
        }
    }
}

/// The lockstep loop of [`descend_lanes`]: `step` gives `‖∇E‖²` at a point and the next point
/// (`None`: a singular Hessian).
#[inline(always)]
fn lockstep<const N: usize>(
    mut x: [Point<N>; LANES],
    steps: usize,
    grad_tol: f64,
    step: impl Fn(&Point<N>) -> (f64, Option<Point<N>>),
) -> [End<N>; LANES] {
    let tol2 = grad_tol * grad_tol;
    let mut end = [None; LANES];
    let mut running = LANES;
    for _ in 0..steps {
        for k in 0..LANES {
            if end[k].is_some() {
                continue;
            }
            match advance(&x[k], step(&x[k]), tol2) {
                Ok(next) => x[k] = next,
                Err(stop) => {
                    end[k] = Some(stop);
                    running -= 1;
                }
            }
        }
        if running == 0 {
            break;
        }
    }
    std::array::from_fn(|k| end[k].unwrap_or(End::at(x[k], Status::StepLimit)))
}

/// [`lockstep`] for gradient descent, whose lanes rarely stop early: every lane is stepped every
/// time (a stopped lane from where it stopped, and it stays there), so the lane loop has no
/// branch on its common path and the compiler keeps the lanes in registers — in wasm the GD map
/// took 18 ms instead of 22–28 ms. (Newton's lanes stop at different steps; there, stepping the
/// stopped ones would cost more than the branch.)
#[inline(always)]
fn lockstep_dense<const N: usize>(
    mut x: [Point<N>; LANES],
    steps: usize,
    grad_tol: f64,
    step: impl Fn(&Point<N>) -> (f64, Option<Point<N>>),
) -> [End<N>; LANES] {
    let tol2 = grad_tol * grad_tol;
    let mut end = [End::at(Point::<N>::zeros(), Status::StepLimit); LANES];
    // Bit k set while lane k runs; a lane's first stop is the only (rare) branch.
    let mut running: u32 = (1 << LANES) - 1;
    for _ in 0..steps {
        for (k, xk) in x.iter_mut().enumerate() {
            let result = advance(xk, step(xk), tol2);
            let bit = 1 << k;
            if running & bit != 0 {
                match result {
                    Ok(next) => *xk = next,
                    Err(stop) => {
                        end[k] = stop;
                        running &= !bit;
                    }
                }
            }
        }
        if running == 0 {
            break;
        }
    }
    std::array::from_fn(|k| {
        if running & (1 << k) != 0 {
            End::at(x[k], Status::StepLimit)
        } else {
            end[k]
        }
    })
}

/// How many starts [`descend_lanes`] runs at once (as many as a landscape evaluates together,
/// [`Landscape::gradient_hessians`]).
pub const LANES: usize = crate::landscape::dual::LANES;

/// Where one start's run ends: the label of the nearest critical point within `budget.radius`,
/// [`DIVERGED`] or [`NOT_CONVERGED`].
pub fn classify(l: &dyn Kernel<2>, start: Point<2>, method: BasinMethod, budget: &Budget, critical: &[Point<2>]) -> u8 {
    label(
        l.descend(start, method, budget.steps, budget.grad_tol),
        budget,
        critical,
    )
}

/// The label of a run's end: the nearest critical point within `budget.radius`, [`DIVERGED`]
/// or [`NOT_CONVERGED`] (a singular Hessian included).
fn label(end: End<2>, budget: &Budget, critical: &[Point<2>]) -> u8 {
    let x = match end.status {
        Status::Diverged => return DIVERGED,
        Status::SingularHessian | Status::Undefined => return NOT_CONVERGED,
        _ => end.x,
    };
    let r2 = budget.radius * budget.radius;
    critical
        .iter()
        .take(MAX_LABELS)
        .enumerate()
        .map(|(i, c)| (i, (c - x).norm_squared()))
        .filter(|&(_, d)| d <= r2)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(NOT_CONVERGED, |(i, _)| i as u8)
}

/// Labels rows `row0..row1` of an `nx × ny` map of `view` (rows from the top, `y_max`, down;
/// each pixel's start at its centre) into `out` (`nx` labels per row).
#[allow(clippy::too_many_arguments)] // the kernel's whole configuration, flat for the boundary
pub fn rows(
    l: &dyn Kernel<2>,
    view: View,
    nx: usize,
    ny: usize,
    row0: usize,
    row1: usize,
    method: BasinMethod,
    budget: &Budget,
    critical: &[Point<2>],
    out: &mut Vec<u8>,
) {
    out.clear();
    let (dx, dy) = (
        (view.x_max - view.x_min) / nx as f64,
        (view.y_max - view.y_min) / ny as f64,
    );
    let start = |i: usize| {
        let (r, c) = (row0 + i / nx, i % nx);
        Point::<2>::new(view.x_min + (c as f64 + 0.5) * dx, view.y_max - (r as f64 + 0.5) * dy)
    };
    let total = nx * (row1.min(ny).saturating_sub(row0));
    let starts: Vec<Point<2>> = (0..total).map(start).collect();
    let mut ends = Vec::with_capacity(total);
    l.descend_all(&starts, method, budget.steps, budget.grad_tol, &mut ends);
    out.extend(ends.iter().map(|&end| label(end, budget, critical)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::critical;
    use crate::landscape::presets::{Himmelblau, Quadratic2, Rosenbrock, Saddle, SixHumpCamel};
    use crate::method::catalog::{self, Hyper};
    use crate::method::{run_to, Criteria, State};
    use crate::CriticalKind;

    fn budget() -> Budget {
        Budget {
            steps: 100,
            grad_tol: 1e-10,
            radius: 1e-3,
        }
    }

    fn himmelblau_critical() -> Vec<critical::CriticalPoint<2>> {
        critical::find(&Himmelblau, Point::<2>::new(-5.0, -5.0), Point::<2>::new(5.0, 5.0), 40)
    }

    /// Runs `method` (a catalogue method with `hyper`) through its own steps and `basin` through
    /// the kernel, from a grid of starts on `l`, and asserts the same end: the same point (but
    /// for a diverged run, which the kernel leaves at its last point inside the bound) and the
    /// same status (but for a run that converged on its very last allowed step, which the kernel
    /// counts as the step limit: it checks `‖∇E‖` before each step, not after the last).
    fn same_end_as_the_method<L: Landscape<U2> + Paired>(
        l: &L,
        basin: BasinMethod,
        id: &str,
        hyper: &Hyper,
        seen: &mut [bool; 5],
    ) {
        let criteria = Criteria::default();
        let steps = 60;
        for i in 0..9 {
            for j in 0..9 {
                let x0 = Point::<2>::new(-3.3 + 0.77 * i as f64, -3.1 + 0.73 * j as f64);
                let end = l.descend(x0, basin, steps, criteria.grad_tol);
                let mut method = catalog::build::<U2>(id, hyper).expect("a method");
                let s = run_to(method.as_mut(), l, State::start(l, x0, &criteria), &criteria, steps);
                let last_step =
                    s.status == Status::Converged && s.iteration == steps && end.status == Status::StepLimit;
                assert!(
                    end.status == s.status || last_step,
                    "{id} from {x0:?}: kernel {end:?}, method {s:?}"
                );
                if s.status != Status::Diverged {
                    assert_eq!(end.x, s.x, "{id} from {x0:?}");
                }
                let k = [
                    Status::Converged,
                    Status::StepLimit,
                    Status::Diverged,
                    Status::SingularHessian,
                    Status::Undefined,
                ]
                .iter()
                .position(|&st| st == s.status);
                seen[k.expect("one of the kernel's endings")] = true;
            }
        }
        // The map's kernel (paired where the landscape has a paired form, lanes refilled) ends
        // each run where the one-start kernel does.
        let starts: Vec<Point<2>> = (0..81)
            .map(|k| Point::<2>::new(-3.3 + 0.77 * (k / 9) as f64, -3.1 + 0.73 * (k % 9) as f64))
            .collect();
        let mut ends = Vec::new();
        l.descend_all(&starts, basin, steps, criteria.grad_tol, &mut ends);
        for (x0, end) in starts.iter().zip(ends) {
            assert_eq!(end, l.descend(*x0, basin, steps, criteria.grad_tol), "{id} from {x0:?}");
        }
    }

    #[test]
    fn the_kernel_steps_are_the_methods_own() {
        let flat = Quadratic2::new(1.0, 0.0, 0.0);
        let hyper = |eta: f64, mu: f64| Hyper {
            eta,
            mu,
            ..Hyper::default()
        };
        let cases = [
            (BasinMethod::GradientDescent(0.01), "gd", hyper(0.01, 1.0)),
            (BasinMethod::GradientDescent(0.04), "gd", hyper(0.04, 1.0)),
            (BasinMethod::Newton, "newton", hyper(0.01, 1.0)),
            (BasinMethod::DampedNewton, "damped-newton", hyper(0.01, 1.0)),
            (BasinMethod::LevenbergMarquardt(0.5), "lm", hyper(0.01, 0.5)),
            (BasinMethod::SaddleFreeNewton, "saddle-free", hyper(0.01, 1.0)),
            (BasinMethod::Bfgs, "bfgs", hyper(0.01, 1.0)),
            (
                BasinMethod::Lbfgs(3),
                "lbfgs",
                Hyper {
                    memory: 3,
                    ..Hyper::default()
                },
            ),
            (BasinMethod::ConjugateGradient, "cg", hyper(0.01, 1.0)),
        ];
        let mut seen = [false; 5];
        // A typed function with a domain: GD steps out of x ≥ 0, where ∇E is NaN (both say so).
        let typed = crate::landscape::typed::Typed::<2> {
            program: crate::landscape::typed::Program::compile("sqrt(x + 3.5) + y^2", 2, &crate::numbers::RustNumbers)
                .expect("parses"),
        };
        same_end_as_the_method(
            &typed,
            BasinMethod::GradientDescent(3.0),
            "gd",
            &hyper(3.0, 1.0),
            &mut seen,
        );
        for (basin, id, h) in &cases {
            same_end_as_the_method(&Himmelblau, *basin, id, h, &mut seen);
            same_end_as_the_method(&Rosenbrock, *basin, id, h, &mut seen);
            same_end_as_the_method(&Saddle, *basin, id, h, &mut seen);
            same_end_as_the_method(&SixHumpCamel, *basin, id, h, &mut seen);
            same_end_as_the_method(&flat, *basin, id, h, &mut seen);
        }
        assert_eq!(
            seen, [true; 5],
            "converged, step limit, diverged, singular and undefined all occur"
        );
    }

    #[test]
    fn the_lockstep_kernel_gives_the_one_start_results() {
        // Starts that converge, diverge (GD with a large η) and meet a singular Hessian (Newton
        // on a quadratic that is flat along y), in every lane position.
        let flat = Quadratic2::new(1.0, 0.0, 0.0);
        let cases: [(&dyn Kernel<2>, BasinMethod); 10] = [
            (&Himmelblau, BasinMethod::GradientDescent(0.01)),
            (&Himmelblau, BasinMethod::GradientDescent(0.03)),
            (&Himmelblau, BasinMethod::Newton),
            (&flat, BasinMethod::Newton),
            (&Himmelblau, BasinMethod::DampedNewton),
            (&Himmelblau, BasinMethod::LevenbergMarquardt(2.0)),
            (&Himmelblau, BasinMethod::SaddleFreeNewton),
            (&Himmelblau, BasinMethod::Bfgs),
            (&Himmelblau, BasinMethod::Lbfgs(5)),
            (&Himmelblau, BasinMethod::ConjugateGradient),
        ];
        let mut seen = [false; 3];
        for (l, method) in cases {
            for first in 0..5 {
                let xs: [Point<2>; LANES] = std::array::from_fn(|k| {
                    let t = (first * LANES + k) as f64;
                    Point::<2>::new(-4.7 + 0.37 * t % 9.4, 4.9 - 0.61 * t % 9.8)
                });
                let together = l.descend_lanes(xs, method, 100, 1e-10);
                for (x, end) in xs.iter().zip(together) {
                    assert_eq!(end, l.descend(*x, method, 100, 1e-10), "{method:?} from {x:?}");
                    match end.status {
                        Status::Diverged => seen[1] = true,
                        Status::SingularHessian => seen[2] = true,
                        _ => seen[0] = true,
                    }
                }
            }
        }
        assert_eq!(seen, [true; 3], "every ending occurs");
    }

    #[test]
    fn the_refilling_kernel_gives_every_start_its_own_run_s_end_in_order() {
        // Runs that end at every step count (some starts on a minimum end at once), for any
        // number of starts (fewer than the lanes, a lane's worth, more), any budget, and every
        // method; each end is the one-start run's, in the starts' order.
        let flat = Quadratic2::new(1.0, 0.0, 0.0);
        let minimum = Point::<2>::new(3.0, 2.0);
        // (A typed function evaluates its lanes' derivatives together.)
        let typed = crate::landscape::typed::Typed::<2> {
            program: crate::landscape::typed::Program::compile(
                "(x^2 + y - 11)^2 + (x + y^2 - 7)^2 + 0.1*sin(3x)",
                2,
                &crate::numbers::RustNumbers,
            )
            .expect("compiles"),
        };
        let methods: [(&dyn Kernel<2>, BasinMethod); 10] = [
            (&typed, BasinMethod::Newton),
            (&typed, BasinMethod::LevenbergMarquardt(0.5)),
            (&typed, BasinMethod::SaddleFreeNewton),
            (&Himmelblau, BasinMethod::Newton),
            (&flat, BasinMethod::Newton),
            (&Himmelblau, BasinMethod::DampedNewton),
            (&Himmelblau, BasinMethod::LevenbergMarquardt(2.0)),
            (&Himmelblau, BasinMethod::SaddleFreeNewton),
            (&Himmelblau, BasinMethod::GradientDescent(0.03)),
            (&Himmelblau, BasinMethod::Lbfgs(5)),
        ];
        let mut steps_seen = std::collections::BTreeSet::new();
        for (l, method) in methods {
            for count in [0, 1, 7, 8, 9, 41, 120] {
                let starts: Vec<Point<2>> = (0..count)
                    .map(|i| {
                        let t = i as f64;
                        if i % 5 == 3 {
                            minimum
                        } else {
                            Point::<2>::new(-4.7 + 0.37 * t % 9.4, 4.9 - 0.61 * t % 9.8)
                        }
                    })
                    .collect();
                for (steps, tol) in [(0, 1e-10), (1, 0.0), (3, 1e-10), (100, 1e-10), (100, 0.0)] {
                    let mut ends = Vec::new();
                    l.descend_all(&starts, method, steps, tol, &mut ends);
                    assert_eq!(ends.len(), starts.len());
                    for (x, end) in starts.iter().zip(&ends) {
                        assert_eq!(
                            *end,
                            l.descend(*x, method, steps, tol),
                            "{method:?} from {x:?}, {steps} steps"
                        );
                    }
                    if method == BasinMethod::Newton && steps == 100 && tol > 0.0 {
                        // (How many steps each run took: many different counts, so lanes refill
                        // at different times.)
                        for x in &starts {
                            let mut p = *x;
                            let mut k = 0;
                            while k < 100 && l.gradient(&p).norm() >= 1e-10 {
                                match newton_direction(&l.hessian(&p), &l.gradient(&p)) {
                                    Some(v) => p += v,
                                    None => break,
                                }
                                k += 1;
                            }
                            steps_seen.insert(k);
                        }
                    }
                }
            }
        }
        assert!(steps_seen.len() >= 5, "runs of many lengths: {steps_seen:?}");
    }

    #[test]
    fn methods_are_named_with_their_parameter_checked() {
        assert_eq!(BasinMethod::named("bfgs", f64::NAN), Ok(BasinMethod::Bfgs));
        assert_eq!(BasinMethod::named("cg", 0.0), Ok(BasinMethod::ConjugateGradient));
        assert_eq!(BasinMethod::named("lbfgs", 7.0), Ok(BasinMethod::Lbfgs(7)));
        for bad in [0.0, 2.5, 51.0, f64::NAN] {
            assert_eq!(
                BasinMethod::named("lbfgs", bad),
                Err(Error::OutOfRange(Why::BasinMethod)),
                "{bad}"
            );
        }
        assert_eq!(
            BasinMethod::named("adam", 1.0),
            Err(Error::OutOfRange(Why::BasinMethod))
        );
    }

    #[test]
    fn starts_on_a_minimum_are_labelled_as_that_minimum() {
        let found = himmelblau_critical();
        let points: Vec<Point<2>> = found.iter().map(|c| c.x).collect();
        for (i, c) in found.iter().enumerate() {
            for method in [BasinMethod::GradientDescent(0.01), BasinMethod::Newton] {
                assert_eq!(
                    classify(&Himmelblau, c.x, method, &budget(), &points),
                    i as u8,
                    "{c:?} {method:?}"
                );
            }
        }
    }

    #[test]
    fn labels_agree_with_the_critical_point_search() {
        // Every label GD gives on a 64 × 64 map of Himmelblau is one of the four minima found by
        // the independent critical-point search (GD does not stop at saddles from a generic
        // start), and all four basins appear.
        let found = himmelblau_critical();
        let points: Vec<Point<2>> = found.iter().map(|c| c.x).collect();
        let view = View::new(&[-5.0, 5.0, -5.0, 5.0]).expect("valid");
        let mut out = Vec::new();
        let b = Budget {
            steps: 2000,
            ..budget()
        };
        rows(
            &Himmelblau,
            view,
            64,
            64,
            0,
            64,
            BasinMethod::GradientDescent(0.01),
            &b,
            &points,
            &mut out,
        );
        assert_eq!(out.len(), 64 * 64);
        let mut seen = std::collections::BTreeSet::new();
        for &label in &out {
            assert!(label != DIVERGED, "GD with η = 0.01 does not diverge on [−5, 5]²");
            if label != NOT_CONVERGED {
                assert_eq!(found[label as usize].kind, CriticalKind::Minimum);
                seen.insert(label);
            }
        }
        assert_eq!(seen.len(), 4);
        let unconverged = out.iter().filter(|&&l| l == NOT_CONVERGED).count();
        assert!(unconverged < 64 * 64 / 50, "{unconverged} starts did not converge");
        // Newton also lands on saddles and the maximum: more labels than minima.
        rows(
            &Himmelblau,
            view,
            64,
            64,
            0,
            64,
            BasinMethod::Newton,
            &budget(),
            &points,
            &mut out,
        );
        let kinds: std::collections::BTreeSet<_> = out
            .iter()
            .filter(|&&l| (l as usize) < found.len())
            .map(|&l| format!("{:?}", found[l as usize].kind))
            .collect();
        assert!(kinds.contains("Saddle") && kinds.contains("Maximum"), "{kinds:?}");
    }

    #[test]
    fn the_newton_variants_divide_the_plane_as_their_theory_says() {
        // On Himmelblau: plain Newton ends on saddles and the maximum; saddle-free Newton only on
        // minima; damped Newton never increases E, so never ends on the maximum (its Newton
        // direction can still lead it into a saddle); Levenberg–Marquardt with a tiny μ draws
        // Newton's map.
        let found = himmelblau_critical();
        let points: Vec<Point<2>> = found.iter().map(|c| c.x).collect();
        let view = View::new(&[-5.0, 5.0, -5.0, 5.0]).expect("valid");
        let map = |method| {
            let mut out = Vec::new();
            rows(&Himmelblau, view, 48, 48, 0, 48, method, &budget(), &points, &mut out);
            out
        };
        let kinds = |out: &[u8]| -> Vec<CriticalKind> {
            let mut k: Vec<CriticalKind> = Vec::new();
            for &l in out.iter().filter(|&&l| (l as usize) < found.len()) {
                if !k.contains(&found[l as usize].kind) {
                    k.push(found[l as usize].kind);
                }
            }
            k
        };
        let newton = map(BasinMethod::Newton);
        assert!(kinds(&newton).contains(&CriticalKind::Saddle) && kinds(&newton).contains(&CriticalKind::Maximum));
        let saddle_free = map(BasinMethod::SaddleFreeNewton);
        assert_eq!(kinds(&saddle_free), [CriticalKind::Minimum]);
        let damped = map(BasinMethod::DampedNewton);
        assert!(!kinds(&damped).contains(&CriticalKind::Maximum), "{:?}", kinds(&damped));
        let minima = |out: &[u8]| {
            out.iter()
                .filter(|&&l| found.get(l as usize).is_some_and(|c| c.kind == CriticalKind::Minimum))
                .count()
        };
        assert!(
            minima(&saddle_free) > 48 * 48 * 9 / 10,
            "saddle-free: {}",
            minima(&saddle_free)
        );
        assert!(
            minima(&damped) > minima(&newton) + 48 * 48 / 10,
            "starts reaching a minimum: damped {}, Newton {}",
            minima(&damped),
            minima(&newton)
        );
        // What replaces Newton descends at every step (the line search's sufficient decrease):
        // never the maximum, and nearly every start reaches a minimum.
        for method in [BasinMethod::Bfgs, BasinMethod::Lbfgs(5), BasinMethod::ConjugateGradient] {
            let out = map(method);
            assert!(
                !kinds(&out).contains(&CriticalKind::Maximum),
                "{method:?}: {:?}",
                kinds(&out)
            );
            assert!(minima(&out) > 48 * 48 * 9 / 10, "{method:?}: {}", minima(&out));
        }
        let lm = map(BasinMethod::LevenbergMarquardt(1e-9));
        let same = lm.iter().zip(&newton).filter(|(a, b)| a == b).count();
        assert!(
            same > 48 * 48 * 98 / 100,
            "LM with μ → 0 ≈ Newton: {same} of {}",
            48 * 48
        );
    }

    #[test]
    fn above_two_over_lambda_max_gd_diverges_below_it_converges() {
        let q = Quadratic2::new(1.0, 10.0, 0.0);
        let minimum = [Point::<2>::zeros()];
        let b = budget();
        assert_eq!(
            classify(
                &q,
                Point::<2>::new(1.0, 1.0),
                BasinMethod::GradientDescent(0.3),
                &b,
                &minimum
            ),
            DIVERGED
        );
        assert_eq!(
            classify(
                &q,
                Point::<2>::new(1.0, 1.0),
                BasinMethod::GradientDescent(0.19),
                &b,
                &minimum
            ),
            0
        );
        assert_eq!(
            classify(&q, Point::<2>::new(1.0, 1.0), BasinMethod::Newton, &b, &minimum),
            0
        );
    }

    #[test]
    fn rows_cover_only_the_rows_asked() {
        let view = View::new(&[-1.0, 1.0, -1.0, 1.0]).expect("valid");
        let mut out = Vec::new();
        let q = Quadratic2::new(1.0, 1.0, 0.0);
        rows(
            &q,
            view,
            10,
            8,
            2,
            5,
            BasinMethod::Newton,
            &budget(),
            &[Point::<2>::zeros()],
            &mut out,
        );
        assert_eq!(out.len(), 30);
        assert!(out.iter().all(|&l| l == 0));
        rows(&q, view, 10, 8, 6, 99, BasinMethod::Newton, &budget(), &[], &mut out);
        assert_eq!(out.len(), 20);
        assert!(out.iter().all(|&l| l == NOT_CONVERGED));
    }
}
