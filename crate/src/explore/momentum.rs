//! Heavy-ball momentum analysed on a quadratic: what G. Goh's "Why Momentum Really Works"
//! (Distill, 2017) shows, computed live on the landscape at hand.
//!
//! On `E(x) = ½ (x − x*)ᵀ H (x − x*)` the error `x_t − x*` splits along H's eigenvectors, and
//! along the one of eigenvalue `λ` momentum (`v ← βv − η∇E`, `x ← x + v`) makes its coefficient
//! `e` follow `e_{t+1} = (1 + β − ηλ) e_t − β e_{t−1}`: a 2 × 2 iteration matrix
//! `[[1 + β − ηλ, −β], [1, 0]]`. Its spectral radius is the factor the error shrinks by per step
//! along that direction (β = 0: GD's `|1 − ηλ|`); the run's rate is the largest over the
//! directions. Where the matrix's eigenvalues are complex (`β > (1 − √(ηλ))²`, under-damped) the
//! radius is `√β` and the error spirals in; critical damping is the curve between. The best rate,
//! `(√κ − 1)/(√κ + 1)` for `κ = λ_max/λ_min`, is reached at `η* = (2/(√λ_max + √λ_min))²`,
//! `β* = ((√κ − 1)/(√κ + 1))²`, against GD's best `(κ − 1)/(κ + 1)`.
//! Reference: B. T. Polyak (1964), see [`crate::method::momentum`].

use crate::landscape::eigen::symmetric_eigen;
use crate::landscape::{Const, Landscape, Point};
use crate::method::gradient_descent::GradientDescent;
use crate::method::momentum::Momentum;
use crate::method::{Criteria, Method, State, Status};
use crate::picture::colormap::viridis;
use crate::picture::figure::{Axis, Figure, Item, Panel, Stroke};

/// The factor the error shrinks by per step along an eigen-direction of curvature `lambda`:
/// the spectral radius of heavy-ball momentum's iteration matrix there (≥ 1: it does not
/// converge).
pub fn direction_rate(eta: f64, beta: f64, lambda: f64) -> f64 {
    let trace = 1.0 + beta - eta * lambda;
    let discriminant = trace * trace - 4.0 * beta;
    if discriminant < 0.0 {
        // Complex pair: |z|² = det = β.
        beta.sqrt()
    } else {
        0.5 * (trace.abs() + discriminant.sqrt())
    }
}

/// The run's rate: the largest [`direction_rate`] over the `eigenvalues`.
pub fn rate(eta: f64, beta: f64, eigenvalues: &[f64]) -> f64 {
    eigenvalues
        .iter()
        .map(|&l| direction_rate(eta, beta, l))
        .fold(0.0, f64::max)
}

/// The smallest and largest of `eigenvalues`.
fn extremes(eigenvalues: &[f64]) -> (f64, f64) {
    let lo = eigenvalues.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = eigenvalues.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (lo, hi)
}

/// The best `(η, β)` for a positive-definite quadratic and the rate it reaches; and GD's best.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Optimum {
    /// `η* = (2/(√λ_max + √λ_min))²`.
    pub eta: f64,
    /// `β* = ((√κ − 1)/(√κ + 1))²`.
    pub beta: f64,
    /// `(√κ − 1)/(√κ + 1)`.
    pub rate: f64,
    /// GD's best η, `2/(λ_min + λ_max)`.
    pub gd_eta: f64,
    /// GD's best rate, `(κ − 1)/(κ + 1)`.
    pub gd_rate: f64,
}

/// The optimum for `eigenvalues`, if all are positive (else no `(η, β)` converges).
pub fn optimum(eigenvalues: &[f64]) -> Option<Optimum> {
    let (lo, hi) = extremes(eigenvalues);
    if !(lo > 0.0 && hi.is_finite()) {
        return None;
    }
    let (a, b) = (lo.sqrt(), hi.sqrt());
    let rate = (b - a) / (b + a);
    Some(Optimum {
        eta: (2.0 / (a + b)).powi(2),
        beta: rate * rate,
        rate,
        gd_eta: 2.0 / (lo + hi),
        gd_rate: (hi - lo) / (hi + lo),
    })
}

/// Critical damping along the direction of curvature `lambda`: the β at which the iteration
/// matrix's eigenvalues meet, `(1 − √(ηλ))²` (above it they are complex); `None` where `ηλ` is
/// outside `[0, 4)` (no β in `[0, 1)` is critical there).
pub fn critical_beta(eta: f64, lambda: f64) -> Option<f64> {
    let s = eta * lambda;
    (0.0..4.0).contains(&s).then(|| (1.0 - s.sqrt()).powi(2))
}

/// The η the rate map spans for `eigenvalues`: three decades up to 1.25 × `4/λ_max` (momentum
/// converges up to `2(1 + β)/λ_max`, so `4/λ_max` as `β → 1`).
pub fn eta_range(eigenvalues: &[f64]) -> (f64, f64) {
    let top = eigenvalues.iter().map(|l| l.abs()).fold(0.0, f64::max);
    let top = if top > 0.0 && top.is_finite() { top } else { 1.0 };
    let hi = 5.0 / top;
    (hi * 1e-3, hi)
}

/// The largest β the map shows (the method takes β < 1).
pub const BETA_MAX: f64 = 0.999;

/// The rate at the centre of each cell of an `nx` × `ny` grid over η (log, `etas`) and
/// β ∈ `[0, BETA_MAX]`, row by row from β = 0.
pub fn rate_cells(eigenvalues: &[f64], (lo, hi): (f64, f64), nx: usize, ny: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(nx * ny);
    for j in 0..ny {
        let beta = BETA_MAX * (j as f64 + 0.5) / ny as f64;
        for i in 0..nx {
            let eta = lo * (hi / lo).powf((i as f64 + 0.5) / nx as f64);
            out.push(rate(eta, beta, eigenvalues));
        }
    }
    out
}

/// The colour of a rate: by the steps it takes to shrink the error tenfold, `ln 10 / −ln r`, on
/// a log scale from 1 (bright) to 10⁴ (dark); grey where it does not converge.
pub fn rate_colour(rate: f64) -> u32 {
    if rate.is_nan() || rate >= 1.0 {
        return 0xD6D6D6;
    }
    let steps = if rate <= 0.0 {
        1.0
    } else {
        (std::f64::consts::LN_10 / -rate.ln()).max(1.0)
    };
    let [r, g, b] = viridis(1.0 - (steps.log10() / 4.0).clamp(0.0, 1.0));
    (u32::from(r) << 16) | (u32::from(g) << 8) | u32::from(b)
}

/// GD's and momentum's colours (as everywhere on the page).
const GD_RGB: u32 = 0xE69F00;
const MOMENTUM_RGB: u32 = 0x8A2BE2;

/// The map of momentum's rate over `(η, β)` for `eigenvalues`: the cells coloured by
/// [`rate_colour`], critical damping for `λ_min` and `λ_max` as lines, the optimum and the
/// current `(eta, beta)` as labelled points. `labels`: the axes' titles, then the points'.
pub fn rate_figure(eigenvalues: &[f64], (eta, beta): (f64, f64), labels: [&str; 4]) -> Figure {
    let (lo, hi) = eta_range(eigenvalues);
    let (nx, ny) = (96, 64);
    let cells = rate_cells(eigenvalues, (lo, hi), nx, ny);
    let mut items = vec![Item::Cells {
        columns: nx,
        rgb: cells.iter().map(|&r| rate_colour(r)).collect(),
    }];
    let (l_min, l_max) = extremes(eigenvalues);
    let grid: Vec<f64> = (0..=200).map(|k| lo * (hi / lo).powf(k as f64 / 200.0)).collect();
    for (lambda, stroke) in [(l_max, Stroke::Dashed), (l_min, Stroke::Dotted)] {
        if lambda.is_nan() || lambda <= 0.0 {
            continue;
        }
        let points = grid
            .iter()
            .map(|&e| {
                (
                    e,
                    critical_beta(e, lambda).filter(|b| *b <= BETA_MAX).unwrap_or(f64::NAN),
                )
            })
            .collect();
        items.push(Item::Line {
            points,
            rgb: 0xFFFFFF,
            stroke,
            dots: false,
            right: false,
        });
    }
    let mut points = Vec::new();
    if let Some(o) = optimum(eigenvalues) {
        points.push((o.eta, o.beta, labels[2].to_owned()));
    }
    points.push((eta, beta, labels[3].to_owned()));
    items.push(Item::Points { points, rgb: 0x1D1B20 });
    Figure {
        x: Axis::log(lo, hi, labels[0]),
        panels: vec![Panel {
            y: Axis::fractional(0.0, 1.0, labels[1]),
            right: None,
            items,
        }],
        rules: Vec::new(),
    }
}

/// GD's and momentum's runs on a quadratic, their errors split along H's eigenvectors.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// H's eigenvalues, ascending.
    pub eigenvalues: Vec<f64>,
    /// `|vᵢ · (x_t − x*)|` for GD, per direction (ascending λ), per iteration (NaN once it is
    /// down to the rounding of `x`).
    pub gd: Vec<Vec<f64>>,
    /// The same for momentum.
    pub momentum: Vec<Vec<f64>>,
}

/// Whether `landscape` is the quadratic its Taylor model at `x0` is (within rounding), checked
/// where the model's minimum `x*` is and halfway there: same value, same Hessian.
fn is_quadratic<const N: usize>(landscape: &dyn Landscape<Const<N>>, x0: &Point<N>, x_star: &Point<N>) -> bool {
    let h0 = landscape.hessian(x0);
    let (e0, g0) = (landscape.value(x0), landscape.gradient(x0));
    let scale = h0.abs().max().max(1e-300);
    [0.5, 1.0].iter().all(|&t| {
        let x = x0 + t * (x_star - x0);
        let d = x - x0;
        let model = e0 + g0.dot(&d) + 0.5 * d.dot(&(h0 * d));
        let same_value = (landscape.value(&x) - model).abs() <= 1e-9 * (1.0 + e0.abs() + model.abs());
        same_value && (landscape.hessian(&x) - h0).abs().max() <= 1e-9 * scale
    })
}

/// GD (η) and momentum (η, β) from `x0` for at most `steps` steps on `landscape`, if it is a
/// quadratic with a positive-definite Hessian: the errors along each eigen-direction.
pub fn split<const N: usize>(
    landscape: &dyn Landscape<Const<N>>,
    x0: Point<N>,
    (eta, beta): (f64, f64),
    steps: usize,
) -> Option<Split> {
    let h = landscape.hessian(&x0);
    if !h.iter().all(|v| v.is_finite()) {
        return None;
    }
    let (eigenvalues, vectors) = symmetric_eigen(&h);
    if !eigenvalues.iter().all(|l| *l > 0.0) {
        return None;
    }
    let g = landscape.gradient(&x0);
    // x* = x0 − H⁻¹g, through the eigen-decomposition.
    let x_star = vectors
        .iter()
        .zip(&eigenvalues)
        .fold(x0, |x, (v, l)| x - (v.dot(&g) / l) * v);
    if !is_quadratic(landscape, &x0, &x_star) {
        return None;
    }
    let criteria = Criteria::default();
    let run = |mut method: Box<dyn Method<Const<N>>>| {
        let mut state = State::start(landscape, x0, &criteria);
        let mut out = vec![Vec::new(); N];
        // Below this an error is the rounding of x and x* (their last bits), not the method's.
        let floor = 1e-14 * (x0.norm() + x_star.norm()).max(1e-300);
        loop {
            for (row, v) in out.iter_mut().zip(&vectors) {
                let e = v.dot(&(state.x - x_star)).abs();
                row.push(if e > floor { e } else { f64::NAN });
            }
            if state.status != Status::Running || state.iteration >= steps {
                break;
            }
            state = method.step(landscape, state, &criteria);
        }
        out
    };
    Some(Split {
        gd: run(Box::new(GradientDescent::new(eta).ok()?)),
        momentum: run(Box::new(Momentum::<Const<N>>::new(eta, beta).ok()?)),
        eigenvalues,
    })
}

/// The errors of [`split`] against iteration (log), GD's and momentum's, solid along the
/// steepest direction, dashed along the flattest, with each method's predicted decay
/// `e₀ · rateᵗ` dotted. `labels`: the x and y titles.
pub fn split_figure(s: &Split, (eta, beta): (f64, f64), labels: [&str; 2]) -> Figure {
    let longest = s.gd.iter().chain(&s.momentum).map(Vec::len).max().unwrap_or(1);
    let all: Vec<f64> = s.gd.iter().chain(&s.momentum).flatten().copied().collect();
    let y = Axis::log_fit(&all, labels[1]);
    let floor = y.lo;
    let mut items = Vec::new();
    let n = s.eigenvalues.len();
    for (runs, rgb, b) in [(&s.gd, GD_RGB, 0.0), (&s.momentum, MOMENTUM_RGB, beta)] {
        for (i, row) in runs.iter().enumerate() {
            let points = row.iter().enumerate().map(|(t, &e)| (t as f64, e)).collect();
            let stroke = if i + 1 == n { Stroke::Solid } else { Stroke::Dashed };
            items.push(Item::Line {
                points,
                rgb,
                stroke,
                dots: false,
                right: false,
            });
        }
        // The predicted envelope from the largest initial error.
        let e0 = runs.iter().filter_map(|r| r.first()).copied().fold(0.0, f64::max);
        let r = rate(eta, b, &s.eigenvalues);
        let points = (0..longest)
            .map(|t| (t as f64, e0 * r.powi(t as i32)))
            .take_while(|(_, e)| *e >= floor)
            .collect();
        items.push(Item::Line {
            points,
            rgb,
            stroke: Stroke::Dotted,
            dots: false,
            right: false,
        });
    }
    Figure {
        x: Axis::linear(0.0, (longest.max(2) - 1) as f64, labels[0]),
        panels: vec![Panel { y, right: None, items }],
        rules: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::presets::{Himmelblau, Quadratic1, Quadratic2};

    #[test]
    fn without_momentum_the_rate_is_gds_factor() {
        for (eta, lambda) in [(0.1, 1.0), (0.5, 3.0), (1.0, 1.0), (0.7, 3.5), (0.3, -2.0)] {
            let r = direction_rate(eta, 0.0, lambda);
            assert!(
                (r - (1.0f64 - eta * lambda).abs()).abs() < 1e-15,
                "η = {eta}, λ = {lambda}: {r}"
            );
        }
        assert_eq!(rate(0.1, 0.0, &[1.0, 10.0]), 0.9);
    }

    #[test]
    fn the_rate_is_the_iteration_matrixs_spectral_radius() {
        // Against the eigenvalues of [[1 + β − ηλ, −β], [1, 0]] computed by nalgebra.
        for &(eta, beta, lambda) in &[
            (0.1, 0.5, 1.0),
            (0.05, 0.9, 10.0),
            (0.3, 0.2, 4.0),
            (0.9, 0.95, 5.0),
            (0.01, 0.99, 0.3),
        ] {
            let m = nalgebra::Matrix2::new(1.0 + beta - eta * lambda, -beta, 1.0, 0.0);
            let radius = m.complex_eigenvalues().iter().map(|z| z.norm()).fold(0.0, f64::max);
            let r = direction_rate(eta, beta, lambda);
            assert!(
                (r - radius).abs() < 1e-12,
                "η = {eta}, β = {beta}, λ = {lambda}: {r} vs {radius}"
            );
        }
    }

    #[test]
    fn the_optimum_reaches_the_closed_form_rate_and_nothing_on_the_map_beats_it() {
        let eigenvalues = [1.0, 100.0];
        let o = optimum(&eigenvalues).expect("positive definite");
        let kappa: f64 = 100.0;
        assert!((o.rate - (kappa.sqrt() - 1.0) / (kappa.sqrt() + 1.0)).abs() < 1e-15);
        assert!((o.eta - 4.0 / 121.0).abs() < 1e-15);
        assert!((o.beta - (9.0f64 / 11.0).powi(2)).abs() < 1e-15);
        // (Both directions are critically damped there: a double root, found to √ε.)
        assert!((rate(o.eta, o.beta, &eigenvalues) - o.rate).abs() < 1e-7);
        assert!((o.gd_rate - 99.0 / 101.0).abs() < 1e-15);
        assert!((rate(o.gd_eta, 0.0, &eigenvalues) - o.gd_rate).abs() < 1e-12);
        let range = eta_range(&eigenvalues);
        let best = rate_cells(&eigenvalues, range, 200, 200)
            .into_iter()
            .fold(f64::INFINITY, f64::min);
        assert!(best >= o.rate - 1e-12, "{best} < {}", o.rate);
        assert!(best < o.rate + 0.02, "the grid comes near it: {best}");
        assert_eq!(optimum(&[-1.0, 2.0]), None);
        assert_eq!(optimum(&[0.0, 2.0]), None);
    }

    #[test]
    fn convergence_region_and_critical_damping() {
        // Converges iff 0 < ηλ < 2(1 + β) (for 0 ≤ β < 1).
        let lambda = 2.0;
        for beta in [0.0, 0.3, 0.8] {
            let edge = 2.0 * (1.0 + beta) / lambda;
            assert!(direction_rate(0.999 * edge, beta, lambda) < 1.0);
            assert!(direction_rate(1.001 * edge, beta, lambda) > 1.0);
        }
        // At critical damping the two roots meet: rate = √β; above it, complex with radius √β.
        let (eta, l) = (0.1, 2.5);
        let b = critical_beta(eta, l).expect("ηλ < 4");
        assert!((direction_rate(eta, b, l) - b.sqrt()).abs() < 1e-7);
        assert!((direction_rate(eta, b + 0.1, l) - (b + 0.1f64).sqrt()).abs() < 1e-15);
        assert!(direction_rate(eta, (b - 0.05).max(0.0), l) > (b - 0.05f64).max(0.0).sqrt());
        assert_eq!(critical_beta(2.0, 2.5), None);
        // Where the model has negative curvature nothing converges.
        assert!(rate(0.01, 0.5, &[-0.1, 1.0]) > 1.0);
    }

    #[test]
    fn measured_runs_decay_at_the_predicted_rate() {
        // κ = 25 at 30°: the error's largest component after t steps, over t, → the rate.
        let q = Quadratic2::new(1.0, 25.0, 30f64.to_radians());
        let x0 = Point::<2>::new(-4.0, 3.0);
        // (At the optimum both directions are critically damped: the error goes as t·rᵗ, which
        // over a window of 20 steps reads a little slower than r.)
        for (eta, beta, tol) in [
            (0.05, 0.0, 0.005),
            (0.05, 0.6, 0.005),
            (4.0 / 36.0, (4.0f64 / 6.0).powi(2), 0.03),
        ] {
            let s = split(&q, x0, (eta, beta), 400).expect("a quadratic");
            assert_eq!(s.eigenvalues.len(), 2);
            assert!((s.eigenvalues[0] - 1.0).abs() < 1e-12 && (s.eigenvalues[1] - 25.0).abs() < 1e-12);
            let runs = if beta == 0.0 { &s.gd } else { &s.momentum };
            let predicted = rate(eta, beta, &s.eigenvalues);
            let len = runs.iter().map(Vec::len).min().expect("two directions");
            assert!(len > 30, "{len} iterates");
            let (a, b) = (len / 3, 2 * len / 3);
            let big = |t: usize| runs.iter().map(|r| r[t]).fold(0.0, f64::max);
            let measured = (big(b) / big(a)).powf(1.0 / (b - a) as f64);
            assert!(
                (measured - predicted).abs() < tol,
                "η = {eta}, β = {beta}: measured {measured}, predicted {predicted}"
            );
        }
        // Along each direction GD alone decays by exactly |1 − ηλ| per step.
        let s = split(&q, x0, (0.05, 0.5), 50).expect("a quadratic");
        for (row, l) in s.gd.iter().zip(&s.eigenvalues) {
            let factor = (1.0f64 - 0.05 * l).abs();
            for w in row.windows(2).take(20) {
                // (To rounding: x is of order 1, so its last bits are ~1e-16.)
                assert!((w[1] - factor * w[0]).abs() <= 1e-9 * w[0] + 1e-14, "{w:?}, {factor}");
            }
        }
    }

    #[test]
    fn the_split_needs_a_positive_definite_quadratic() {
        let x0 = Point::<1>::new(3.0);
        let s = split(&Quadratic1 { a: 2.0 }, x0, (0.1, 0.5), 30).expect("1-D quadratic");
        assert_eq!(s.gd.len(), 1);
        assert!((s.gd[0][0] - 3.0).abs() < 1e-12, "the error starts at x0 − x* = 3");
        assert_eq!(split(&Quadratic1 { a: -2.0 }, x0, (0.1, 0.5), 30), None, "no minimum");
        assert_eq!(
            split(&Himmelblau, Point::<2>::new(3.2, 2.1), (0.01, 0.5), 30),
            None,
            "not a quadratic"
        );
    }

    #[test]
    fn the_figures_show_the_map_and_the_curves() {
        let f = rate_figure(&[1.0, 25.0], (0.05, 0.5), ["η", "β", "best", "now"]);
        let Item::Cells { columns, rgb } = &f.panels[0].items[0] else {
            panic!("cells first")
        };
        assert_eq!(rgb.len(), columns * 64);
        assert!(rgb.contains(&0xD6D6D6), "a region that diverges");
        let Some(Item::Points { points, .. }) = f.panels[0].items.last() else {
            panic!("points last")
        };
        assert_eq!(points.len(), 2);
        // A click at the current point's position finds it back.
        let (w, h) = (400.0, 300.0);
        let (x0, x1) = (52.0, w - 12.0);
        let px = x0 + (x1 - x0) * f.x.at(0.05);
        let py = TOP_FOR_TEST + (h - TOP_FOR_TEST - 32.0) * (1.0 - 0.5);
        let (eta, beta) = f.point_at(px, py, w, h).expect("inside");
        assert!(
            (eta / 0.05 - 1.0).abs() < 1e-9 && (beta - 0.5).abs() < 1e-9,
            "{eta}, {beta}"
        );
        assert_eq!(f.point_at(10.0, py, w, h), None);
        let s = split(
            &Quadratic2::new(1.0, 25.0, 0.5),
            Point::<2>::new(-4.0, 3.0),
            (0.05, 0.5),
            100,
        )
        .expect("quadratic");
        let g = split_figure(&s, (0.05, 0.5), ["t", "|e|"]);
        assert_eq!(
            g.panels[0].items.len(),
            6,
            "two directions and the prediction, for each method"
        );
        assert!(g.panels[0].y.log);
    }

    const TOP_FOR_TEST: f64 = 6.0;
}
