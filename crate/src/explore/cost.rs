//! What Newton costs: one GD step against one Newton step on a dense N-dimensional quadratic
//! `E(x) = ½ xᵀAx − bᵀx` (the lecture's "carísimo").
//!
//! A GD step needs the gradient `Ax − b`: one matrix–vector product, `2N²` flops. A Newton step
//! needs the Hessian too (`N²` numbers to evaluate and keep) and a linear solve: a Cholesky
//! factorization (`N³/3` flops) and two triangular solves (`2N²`). The page times both in the
//! browser for growing N ([`DenseQuadratic::gd_steps`], [`DenseQuadratic::newton_steps`]) and
//! fits the slopes of log(time) against log(N) ([`fit_power`]): about 2 and 3. Beside them, what
//! practitioners use instead of Newton ([`DenseQuadratic::line_search_steps`]): a BFGS, L-BFGS or
//! conjugate-gradient step evaluates only gradients (one matrix–vector product each, `2N²` flops
//! here), so its time grows like N² too; what differs is memory (BFGS keeps `N²` numbers like
//! the Hessian, L-BFGS `2mN`, CG `2N`) and how many steps each needs.

use crate::error::{Error, Why};
use crate::landscape::neural::Activation;
use crate::method::bfgs::Bfgs;
use crate::method::conjugate_gradient::ConjugateGradient;
use crate::method::lbfgs::{Lbfgs, Scaling};
use crate::method::line_search::{Direction, LineSearch, Wolfe};
use crate::method::vectors::norm;
use crate::picture::figure::{Axis, Figure, Item, Panel, Stroke};
use crate::picture::style::METHOD_STYLES;
use crate::picture::units::{bytes, duration, significant};
use crate::rng::Rng;
use nalgebra::{DMatrix, DVector};

/// `E(x) = ½ xᵀAx − bᵀx` with a random, dense, symmetric positive-definite `A`.
#[derive(Debug, Clone)]
pub struct DenseQuadratic {
    a: DMatrix<f64>,
    b: DVector<f64>,
    x: DVector<f64>,
    start: DVector<f64>,
    /// `‖∇E‖` at the start.
    start_gradient: f64,
}

impl DenseQuadratic {
    /// A seeded random quadratic in `n ≥ 1` variables: off-diagonal entries uniform in
    /// `[−1, 1)`, diagonal `n` (so `A` is strictly diagonally dominant, hence positive definite
    /// with every eigenvalue in `[1, 2n − 1]`); `b` and the start uniform in `[−1, 1)`.
    /// Building it is `O(N²)`, so it never costs more than the steps it is built to time.
    pub fn random(n: usize, seed: u64) -> Self {
        let n = n.max(1);
        let mut rng = Rng::new(seed);
        let mut a = DMatrix::from_element(n, n, 0.0);
        for j in 0..n {
            a[(j, j)] = n as f64;
            for i in 0..j {
                let v = 2.0 * rng.uniform() - 1.0;
                a[(i, j)] = v;
                a[(j, i)] = v;
            }
        }
        let b = DVector::from_fn(n, |_, _| 2.0 * rng.uniform() - 1.0);
        let x = DVector::from_fn(n, |_, _| 2.0 * rng.uniform() - 1.0);
        let start_gradient = (&a * &x - &b).norm();
        DenseQuadratic {
            a,
            b,
            start: x.clone(),
            x,
            start_gradient,
        }
    }

    /// The number of variables.
    pub fn dim(&self) -> usize {
        self.b.len()
    }

    /// The current point.
    pub fn point(&self) -> &DVector<f64> {
        &self.x
    }

    /// `E` at the current point.
    pub fn value(&self) -> f64 {
        0.5 * self.x.dot(&(&self.a * &self.x)) - self.b.dot(&self.x)
    }

    /// `‖∇E‖ = ‖Ax − b‖` at the current point.
    pub fn gradient_norm(&self) -> f64 {
        (&self.a * &self.x - &self.b).norm()
    }

    /// The largest eigenvalue's bound `2n − 1` (Gershgorin), so `η = 1/(2n − 1)` is a stable GD
    /// step for any seed.
    pub fn safe_eta(&self) -> f64 {
        1.0 / (2.0 * self.dim() as f64 - 1.0)
    }

    /// `k` GD steps `x ← x − η(Ax − b)`; returns the sum of `x`'s entries (`O(N)`, so the
    /// timing is the steps', and no step can be optimized away).
    pub fn gd_steps(&mut self, k: usize, eta: f64) -> f64 {
        let mut g = DVector::zeros(self.dim());
        for _ in 0..k {
            g.gemv(1.0, &self.a, &self.x, 0.0);
            g -= &self.b;
            self.x.axpy(-eta, &g, 1.0);
        }
        self.x.sum()
    }

    /// `k` Newton steps: each evaluates the Hessian (a copy of `A`: the `N²` numbers a general
    /// loss would compute), factors it (Cholesky) and solves `H v = −∇E`. Returns the sum of
    /// `x`'s entries, or `None` if a Hessian was not positive definite (never, for this `A`).
    pub fn newton_steps(&mut self, k: usize) -> Option<f64> {
        for _ in 0..k {
            let gradient = &self.a * &self.x - &self.b;
            let hessian = self.a.clone();
            let step = hessian.cholesky()?.solve(&gradient);
            self.x -= step;
        }
        Some(self.x.sum())
    }

    /// `(E, ∇E)` at `x`: one matrix–vector product.
    fn evaluate(&self, x: &[f64]) -> (f64, Vec<f64>) {
        let x = DVector::from_column_slice(x);
        let ax = &self.a * &x;
        let value = 0.5 * x.dot(&ax) - self.b.dot(&x);
        (value, (ax - &self.b).as_slice().to_vec())
    }

    /// `k` steps of a line-search method (BFGS, L-BFGS, CG), each with its strong Wolfe search
    /// (every trial one gradient, a matrix–vector product). A run that has converged (`‖∇E‖`
    /// below `10⁻⁶` of the start's, where `E` still decreases measurably: closer, rounding makes
    /// the searches fail after many trials, which would be timed as steps; or no decrease left)
    /// starts again from the start with the method reset, so that every step timed is a real
    /// one: the time per step is averaged over whole runs. Returns the sum of `x`'s entries and
    /// the number of restarts.
    pub fn line_search_steps<D: Direction>(&mut self, method: &mut LineSearch<D>, k: usize) -> (f64, usize) {
        let (mut value, mut g) = self.evaluate(self.x.as_slice());
        let tol = 1e-6 * self.start_gradient;
        let mut restarts = 0;
        for _ in 0..k {
            let (moved, _) = method.step_on(self.x.as_slice(), value, &g, &mut |x| self.evaluate(x));
            match moved {
                Some(m) if norm(&m.gradient) > tol => {
                    self.x = DVector::from_vec(m.x);
                    (value, g) = (m.value, m.gradient);
                }
                _ => {
                    self.x = self.start.clone();
                    method.reset();
                    (value, g) = self.evaluate(self.x.as_slice());
                    restarts += 1;
                }
            }
        }
        (self.x.sum(), restarts)
    }

    /// The bytes the Hessian takes in `f64`: `8N²`.
    pub fn hessian_bytes(n: usize) -> f64 {
        8.0 * (n as f64) * (n as f64)
    }
}

/// What one Newton step would cost at `to` variables, from one measured at `n` that took `t`
/// seconds: `(t·(to/n)³ seconds, the Hessian's 8·to² bytes)` — the solve grows like `N³`.
pub fn newton_at(n: usize, t: f64, to: usize) -> (f64, f64) {
    (t * (to as f64 / n as f64).powi(3), DenseQuadratic::hessian_bytes(to))
}

/// [`fit_power`] through the points with `N ≥ from` only (below it fixed costs per step
/// dominate).
pub fn fit_power_from(ns: &[f64], times: &[f64], from: f64) -> Option<(f64, f64)> {
    let (n, t): (Vec<f64>, Vec<f64>) = ns
        .iter()
        .zip(times)
        .filter(|(n, _)| **n >= from)
        .map(|(n, t)| (*n, *t))
        .unzip();
    fit_power(&n, &t)
}

/// The least-squares line through `(log N, log t)`: `t ≈ c·N^slope`. Returns `(slope, c)`, or
/// `None` with fewer than two usable points (positive and finite) or a single N.
pub fn fit_power(ns: &[f64], times: &[f64]) -> Option<(f64, f64)> {
    let pts: Vec<(f64, f64)> = ns
        .iter()
        .zip(times)
        .filter(|(n, t)| n.is_finite() && t.is_finite() && **n > 0.0 && **t > 0.0)
        .map(|(n, t)| (n.ln(), t.ln()))
        .collect();
    if pts.len() < 2 {
        return None;
    }
    let m = pts.len() as f64;
    let (sx, sy) = pts.iter().fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
    let (mx, my) = (sx / m, sy / m);
    let sxx: f64 = pts.iter().map(|(x, _)| (x - mx) * (x - mx)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let sxy: f64 = pts.iter().map(|(x, y)| (x - mx) * (y - my)).sum();
    let slope = sxy / sxx;
    Some((slope, (my - slope * mx).exp()))
}

/// Seconds per step of `run(k)` (`k` steps), timed on `clock` (seconds): `k` grows until a batch
/// takes at least 10 ms (so a coarse timer, as in a Web Worker, does not matter), and the best of
/// five batches is kept (the least disturbed by whatever else the machine runs); one batch over
/// 250 ms is measurement enough. NaN if a batch of 2²⁴ steps still took under 10 ms (a clock
/// that does not move).
pub fn per_step(run: &mut dyn FnMut(usize), clock: &mut dyn FnMut() -> f64) -> f64 {
    run(1); // warm-up (compilation tiers, allocation)
    let (mut k, mut best, mut batches) = (1_usize, f64::NAN, 0);
    while batches < 5 && k <= 1 << 24 {
        let t0 = clock();
        run(k);
        let s = clock() - t0;
        if s >= 0.010 {
            best = (s / k as f64).min(best);
            batches += if s > 0.25 { 5 } else { 1 };
        } else {
            let more = (k as f64 * 0.012 / s.max(1e-4)).ceil() as usize;
            k = (2 * k).max(more);
        }
    }
    best
}

/// L-BFGS's memory on the cost panel (the page's default).
pub const COST_MEMORY: usize = 5;

/// Seconds per step of a line-search `method` on the quadratic of `n` variables and `seed`.
fn line_search_per_step<D: Direction>(
    n: usize,
    seed: u64,
    mut method: LineSearch<D>,
    clock: &mut dyn FnMut() -> f64,
) -> f64 {
    let mut q = DenseQuadratic::random(n, seed);
    per_step(
        &mut |k| {
            q.line_search_steps(&mut method, k);
        },
        clock,
    )
}

/// One measured size: `[N, GD s/step, Newton s/step, the Hessian's bytes, ‖∇E‖ after one Newton
/// step from the start, BFGS s/step, L-BFGS s/step (m = 5), CG s/step]` (‖∇E‖ is ~0: one Newton
/// step solves a quadratic), timed on `clock` (seconds); `None` if the Hessian was not positive
/// definite or a step could not be timed.
pub fn measure(n: usize, seed: u64, clock: &mut dyn FnMut() -> f64) -> Option<[f64; ROW_LEN]> {
    let mut q = DenseQuadratic::random(n, seed);
    let mut solved = true;
    let newton = per_step(&mut |k| solved &= q.newton_steps(k).is_some(), clock);
    let eta = q.safe_eta();
    let gd = per_step(
        &mut |k| {
            q.gd_steps(k, eta);
        },
        clock,
    );
    let lbfgs = Lbfgs::new(COST_MEMORY, Scaling::Newest, Wolfe::QUASI_NEWTON).ok()?;
    let quasi = [
        line_search_per_step(n, seed, Bfgs::new(Wolfe::QUASI_NEWTON), clock),
        line_search_per_step(n, seed, lbfgs, clock),
        line_search_per_step(n, seed, ConjugateGradient::new(Wolfe::CONJUGATE_GRADIENT), clock),
    ];
    let mut fresh = DenseQuadratic::random(n, seed);
    fresh
        .newton_steps(1)
        .filter(|_| solved && gd.is_finite() && newton.is_finite() && quasi.iter().all(|t| t.is_finite()))?;
    Some([
        n as f64,
        gd,
        newton,
        DenseQuadratic::hessian_bytes(n),
        fresh.gradient_norm(),
        quasi[0],
        quasi[1],
        quasi[2],
    ])
}

/// What the measured `rows` (as [`measure`] gives them) say: the power laws `(slope, c)` of GD
/// and Newton through the sizes `N ≥ from`, and one Newton step of a network with `to` weights
/// from the largest size measured, `(seconds, bytes)`.
pub fn summary(rows: &[[f64; ROW_LEN]], from: f64, to: usize) -> [Option<(f64, f64)>; 3] {
    let column = |i: usize| rows.iter().map(|r| r[i]).collect::<Vec<f64>>();
    let ns = column(0);
    let far = rows.last().map(|r| newton_at(r[0] as usize, r[2], to));
    [
        fit_power_from(&ns, &column(1), from),
        fit_power_from(&ns, &column(2), from),
        far,
    ]
}

/// The power laws `(slope, c)` of the BFGS, L-BFGS and CG steps through the sizes `N ≥ from`.
pub fn quasi_fits(rows: &[[f64; ROW_LEN]], from: f64) -> [Option<(f64, f64)>; 3] {
    let column = |i: usize| rows.iter().map(|r| r[i]).collect::<Vec<f64>>();
    let ns = column(0);
    [5, 6, 7].map(|i| fit_power_from(&ns, &column(i), from))
}

/// Calls per second of `run(k)` (`k` calls), timed on `clock` (seconds) in batches of `batch`
/// for about `budget` seconds after a warm-up batch: the cost of exponentials (each activation
/// evaluated live). NaN if the clock does not move.
pub fn rate(run: &mut dyn FnMut(usize), clock: &mut dyn FnMut() -> f64, batch: usize, budget: f64) -> f64 {
    run(batch);
    let t0 = clock();
    let (mut calls, mut t) = (0_u64, t0);
    while t - t0 < budget && calls < 1 << 34 {
        run(batch);
        calls += batch as u64;
        t = clock();
    }
    if t > t0 {
        calls as f64 / (t - t0)
    } else {
        f64::NAN
    }
}

/// N from 2 to `max` on a log grid (`count` sizes, distinct, increasing).
pub fn sizes(max: usize, count: usize) -> Vec<usize> {
    let max = max.max(2);
    let count = count.max(2);
    let mut out: Vec<usize> = Vec::with_capacity(count);
    for i in 0..count {
        let n = (2f64 * ((max as f64 / 2.0).powf(i as f64 / (count - 1) as f64))).round() as usize;
        if out.last().map_or(true, |&last| n > last) {
            out.push(n);
        }
    }
    out
}

/// One line of the cost figure: measured `(N, seconds per step)`, its colour, its fitted power
/// law `(slope, c)` (drawn dashed, if any) and its legend.
#[derive(Debug, Clone, PartialEq)]
pub struct CostLine<'a> {
    /// The measured points.
    pub points: Vec<(f64, f64)>,
    /// `0xRRGGBB`.
    pub rgb: u32,
    /// The fitted power law, drawn from `fit_from` to `max`.
    pub fit: Option<(f64, f64)>,
    /// The legend.
    pub note: &'a str,
}

/// What Newton costs as a figure: seconds per step against N (log–log, 2 to `max`), each line's
/// measured points (dots and lines) and its fitted power law dashed from `fit_from` to `max`.
pub fn figure(lines: &[CostLine], fit_from: f64, max: f64) -> Figure {
    let times: Vec<f64> = lines.iter().flat_map(|l| l.points.iter().map(|p| p.1)).collect();
    let mut y = Axis::log_fit(&times, "");
    y.seconds = true;
    let mut items = Vec::new();
    for line in lines {
        items.push(Item::Line {
            points: line.points.clone(),
            rgb: line.rgb,
            stroke: Stroke::Solid,
            dots: true,
            right: false,
        });
        if let Some((slope, c)) = line.fit {
            let law = |n: f64| (n, c * n.powf(slope));
            items.push(Item::Line {
                points: vec![law(fit_from), law(max)],
                rgb: line.rgb,
                stroke: Stroke::Dashed,
                dots: false,
                right: false,
            });
        }
        items.push(Item::Note {
            text: line.note.to_owned(),
            rgb: line.rgb,
        });
    }
    Figure {
        x: Axis::log(2.0, max, "N"),
        panels: vec![Panel { y, right: None, items }],
        rules: Vec::new(),
    }
}

/// Numbers per measured row on the wire (as [`measure`] gives them).
pub const ROW_LEN: usize = 8;
/// Cells per row of the cost table ([`cells`]).
pub const COLUMNS: usize = 8;
/// The largest N measured (its Hessian takes 32 MB).
pub const MAX_N: usize = 2000;

/// [`measure`] for `1 ≤ n ≤` [`MAX_N`], else an error; an error too if the step could not be
/// timed.
pub fn row(n: usize, seed: u64, clock: &mut dyn FnMut() -> f64) -> Result<[f64; ROW_LEN], Error> {
    if !(1..=MAX_N).contains(&n) {
        return Err(Error::OutOfRange(Why::CostSize));
    }
    measure(n, seed, clock).ok_or(Error::OutOfRange(Why::Untimed))
}

/// Rows on the wire ([`ROW_LEN`] numbers each) as rows.
pub fn rows_of(flat: &[f64]) -> Vec<[f64; ROW_LEN]> {
    flat.chunks_exact(ROW_LEN)
        .map(|r| std::array::from_fn(|i| r[i]))
        .collect()
}

/// [`summary`] and [`quasi_fits`] of rows on the wire (towards 10⁶ weights), flat: `[GD's
/// slope, c, Newton's slope, c, seconds, bytes, BFGS's slope, c, L-BFGS's, c, CG's, c]` (NaN:
/// too few sizes).
pub fn summary_wire(flat: &[f64], from: f64) -> Vec<f64> {
    let pair = |p: Option<(f64, f64)>| p.map_or([f64::NAN; 2], |(a, b)| [a, b]);
    let rows = rows_of(flat);
    summary(&rows, from, 1_000_000)
        .into_iter()
        .chain(quasi_fits(&rows, from))
        .flat_map(pair)
        .collect()
}

/// The cost table as text: per row on the wire [`COLUMNS`] cells `[N, GD step, CG step, L-BFGS
/// step, BFGS step, Newton step, Newton ÷ GD, Hessian]` (the steps from the cheapest in memory
/// to the dearest), then one Newton step at 10⁶ weights `[time, bytes]` (from the fits over
/// `N ≥ from`), in Spanish if `spanish`.
pub fn cells(flat: &[f64], from: f64, spanish: bool) -> Vec<String> {
    let rows = rows_of(flat);
    let mut cells = Vec::new();
    for r in &rows {
        cells.push(r[0].to_string());
        cells.extend([r[1], r[7], r[6], r[5], r[2]].map(|t| duration(t, spanish)));
        cells.extend([format!("{}×", significant(r[2] / r[1], spanish)), bytes(r[3], spanish)]);
    }
    if let [_, _, Some((seconds, b))] = summary(&rows, from, 1_000_000) {
        cells.extend([duration(seconds, spanish), bytes(b, spanish)]);
    }
    cells
}

/// [`figure`] of the rows on the wire: GD and Newton with their fits over `N ≥ from` up to
/// `max`, then BFGS, L-BFGS and CG measured, in their colours on the page; `notes` the five
/// legends in that order.
pub fn figure_of(flat: &[f64], from: f64, max: f64, notes: [&str; 5]) -> Figure {
    let rows = rows_of(flat);
    let [gd, newton, _] = summary(&rows, from, 1_000_000);
    let rgb = |id: &str| METHOD_STYLES.iter().find(|s| s.id == id).map_or(0, |s| s.rgb);
    let lines: Vec<CostLine> = [
        (1, 0x1b6fb3, gd),
        (2, 0xb3261e, newton),
        (5, rgb("bfgs"), None),
        (6, rgb("lbfgs"), None),
        (7, rgb("cg"), None),
    ]
    .into_iter()
    .zip(notes)
    .map(|((i, rgb, fit), note)| CostLine {
        points: rows.iter().map(|r| (r[0], r[i])).collect(),
        rgb,
        fit,
        note,
    })
    .collect();
    figure(&lines, from, max)
}

/// Evaluations per second of activation `name` (`logistic`, `tanh`, `relu`, `rational`),
/// timed on `clock` (seconds) for about 60 ms: the cost of exponentials.
pub fn activation_rate(name: &str, clock: &mut dyn FnMut() -> f64) -> Result<f64, Error> {
    let a = Activation::named(name).ok_or(Error::NotHere(Why::UnknownActivation))?;
    let mut run = |k| {
        std::hint::black_box(a.sum(k));
    };
    Ok(rate(&mut run, clock, 50_000, 0.06))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_step_is_timed_by_batches_long_enough_for_a_coarse_clock() {
        // A fake clock: each step takes 1 ms, read in whole milliseconds (a worker's timer).
        let now = std::cell::Cell::new(0.0_f64);
        let mut clock = || (now.get() * 1000.0).floor() / 1000.0;
        let mut run = |k: usize| now.set(now.get() + 1e-3 * k as f64);
        let s = per_step(&mut run, &mut clock);
        assert!((s - 1e-3).abs() < 1e-4, "{s}");
        assert!(per_step(&mut |_| (), &mut || 0.0).is_nan(), "a clock that never moves");
        // A clock that moves a second per reading: one batch of one step each.
        let mut t = 0.0;
        let row = measure(30, 7, &mut || {
            t += 1.0;
            t
        })
        .expect("measured");
        assert_eq!(row[..4], [30.0, 1.0, 1.0, 8.0 * 900.0]);
        assert!(row[4] < 1e-8, "one Newton step solves it: ‖∇E‖ = {}", row[4]);
        assert_eq!(row[5..], [1.0, 1.0, 1.0], "BFGS, L-BFGS and CG timed the same way");
    }

    #[test]
    fn rates_count_calls_per_second_of_the_clock() {
        let now = std::cell::Cell::new(0.0_f64);
        let r = rate(
            &mut |k| now.set(now.get() + k as f64 * 1e-6),
            &mut || now.get(),
            1000,
            0.05,
        );
        assert!((r - 1e6).abs() < 1.0, "{r}");
        assert!(
            rate(&mut |_| (), &mut || 0.0, 1 << 30, 1.0).is_nan(),
            "a clock that does not move"
        );
    }

    #[test]
    fn the_summary_fits_the_power_laws_and_extrapolates_newton() {
        let rows: Vec<[f64; ROW_LEN]> = [100.0, 200.0, 400.0]
            .iter()
            .map(|&n: &f64| {
                let q = 3e-9 * n * n;
                [
                    n,
                    1e-9 * n * n,
                    1e-10 * n.powi(3),
                    8.0 * n * n,
                    0.0,
                    q,
                    q / 2.0,
                    q / 3.0,
                ]
            })
            .collect();
        let [gd, newton, far] = summary(&rows, 50.0, 4000);
        for fit in quasi_fits(&rows, 50.0) {
            assert!((fit.expect("a fit").0 - 2.0).abs() < 1e-9);
        }
        let flat: Vec<f64> = rows.iter().flatten().copied().collect();
        let cells = cells(&flat, 50.0, false);
        assert_eq!(cells.len(), 3 * COLUMNS + 2);
        assert_eq!(cells[0], "100");
        assert_eq!(cells[COLUMNS - 1], "80 KB", "the Hessian's 8·100² bytes");
        assert_eq!(summary_wire(&flat, 50.0).len(), 12);
        assert!((gd.expect("gd").0 - 2.0).abs() < 1e-9);
        assert!((newton.expect("newton").0 - 3.0).abs() < 1e-9);
        let (seconds, bytes) = far.expect("far");
        assert!((seconds - 1e-10 * 4000f64.powi(3)).abs() < 1e-9 && bytes == 8.0 * 4000.0 * 4000.0);
    }

    #[test]
    fn the_quadratic_is_symmetric_and_positive_definite() {
        for n in [1, 2, 7, 40] {
            let q = DenseQuadratic::random(n, 5);
            assert_eq!(q.a, q.a.transpose());
            let eig = q.a.clone().symmetric_eigen().eigenvalues;
            assert!(
                eig.iter().all(|&l| l >= 1.0 - 1e-9 && l <= 2.0 * n as f64),
                "{n}: {eig}"
            );
        }
        let (a, b) = (DenseQuadratic::random(30, 9), DenseQuadratic::random(30, 9));
        assert_eq!(a.a, b.a);
        assert_ne!(a.a, DenseQuadratic::random(30, 10).a);
    }

    #[test]
    fn newton_minimizes_the_quadratic_in_one_step() {
        for n in [2, 10, 120] {
            let mut q = DenseQuadratic::random(n, 3);
            assert!(q.gradient_norm() > 1.0);
            q.newton_steps(1).unwrap();
            assert!(q.gradient_norm() < 1e-10 * n as f64, "{n}: {}", q.gradient_norm());
        }
    }

    #[test]
    fn gd_with_the_safe_step_decreases_e_and_converges() {
        let mut q = DenseQuadratic::random(50, 1);
        let eta = q.safe_eta();
        let mut e = q.value();
        for _ in 0..20 {
            q.gd_steps(5, eta);
            let next = q.value();
            assert!(next <= e + 1e-12 * e.abs(), "{next} > {e}");
            e = next;
        }
        let mut exact = q.clone();
        exact.newton_steps(1).unwrap();
        assert!(
            (e - exact.value()).abs() < 1e-9 * exact.value().abs(),
            "{e} vs {}",
            exact.value()
        );
    }

    /// Steps `m` on a 40-D quadratic until it restarts: it reached the minimum (Newton's one
    /// step is the oracle) and started again from the start.
    fn until_restart<D: Direction>(mut m: LineSearch<D>, name: &str) -> usize {
        let mut q = DenseQuadratic::random(40, 2);
        let mut exact = q.clone();
        exact.newton_steps(1).unwrap();
        let (e0, mut lowest, mut steps) = (q.value(), f64::INFINITY, 0);
        while q.line_search_steps(&mut m, 1).1 == 0 {
            steps += 1;
            assert!(steps < 400, "{name} did not converge");
            lowest = lowest.min(q.value());
        }
        // The last step before the restart (at ‖∇E‖ ≤ 10⁻⁶ of the start's) came within about
        // 10⁻¹⁰ of E's range of the minimum.
        let (best, scale) = (exact.value(), (e0 - exact.value()).abs());
        assert!(
            lowest < e0 && (lowest - best).abs() < 1e-10 * scale,
            "{name}: {lowest} against {best}"
        );
        assert_eq!(q.point(), &q.start, "{name} restarted from the start");
        steps
    }

    #[test]
    fn the_line_search_methods_minimize_the_quadratic_and_restart_when_done() {
        let lbfgs = Lbfgs::new(COST_MEMORY, Scaling::Newest, Wolfe::QUASI_NEWTON).unwrap();
        let steps = [
            until_restart(Bfgs::new(Wolfe::QUASI_NEWTON), "bfgs"),
            until_restart(lbfgs, "lbfgs"),
            until_restart(ConjugateGradient::new(Wolfe::CONJUGATE_GRADIENT), "cg"),
        ];
        assert!(steps.iter().all(|&k| (5..400).contains(&k)), "{steps:?}");
    }

    /// Every run the panel times ends and restarts: none is left at rounding level, where each
    /// failing search would take 40 evaluations and be timed as a step (at N = 11 a tolerance of
    /// 10⁻⁹ did that, ten times the step's time).
    #[test]
    fn every_timed_run_restarts() {
        fn restarts<D: Direction>(n: usize, seed: u64, mut m: LineSearch<D>) -> usize {
            let mut q = DenseQuadratic::random(n, seed);
            q.line_search_steps(&mut m, 300).1
        }
        for n in [2, 5, 7, 11, 13, 17, 26, 60] {
            for seed in 1..=3 {
                let lbfgs = Lbfgs::new(COST_MEMORY, Scaling::Newest, Wolfe::QUASI_NEWTON).unwrap();
                let counts = [
                    restarts(n, seed, Bfgs::new(Wolfe::QUASI_NEWTON)),
                    restarts(n, seed, lbfgs),
                    restarts(n, seed, ConjugateGradient::new(Wolfe::CONJUGATE_GRADIENT)),
                ];
                assert!(
                    counts.iter().all(|&c| c >= 2),
                    "N = {n}, seed {seed}: {counts:?} restarts in 300 steps"
                );
            }
        }
    }

    #[test]
    fn the_fit_recovers_a_power_law() {
        let ns = [2.0, 8.0, 64.0, 500.0];
        let ts: Vec<f64> = ns.iter().map(|n: &f64| 3e-9 * n.powf(2.7)).collect();
        let (slope, c) = fit_power(&ns, &ts).unwrap();
        assert!((slope - 2.7).abs() < 1e-12 && (c - 3e-9).abs() < 1e-20);
        assert!(fit_power(&[4.0, 4.0], &[1.0, 2.0]).is_none());
        assert!(fit_power(&[4.0, 8.0], &[f64::NAN, 2.0]).is_none());
        assert_eq!(sizes(1000, 14).first(), Some(&2));
        assert_eq!(sizes(1000, 14).last(), Some(&1000));
        assert!(sizes(1000, 14).windows(2).all(|w| w[0] < w[1]));
        assert_eq!(DenseQuadratic::hessian_bytes(1000), 8e6);
        // A network of 10⁶ weights: an 8 TB Hessian, and 10⁹ times the step at N = 1,000.
        assert_eq!(newton_at(1000, 0.05, 1_000_000), (0.05 * 1e9, 8e12));
    }
}
