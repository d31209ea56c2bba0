//! Saddle escape (the lecture's point 7: saddle points slow gradient descent down, and the
//! trouble grows with the dimension): how many GD steps it takes to leave the unit ball around
//! the saddle of `E(x) = ½ Σ λᵢ xᵢ²`, with `k` of the `N` curvatures negative (`λ = −1`) and the
//! rest positive (`λ = +1`).
//!
//! Along a negative direction GD multiplies the offset by `1 + η` per step, so from an offset
//! `ε` it needs about `log(1/ε) / log(1 + η)` steps: every halving of `ε` costs the same number
//! of extra steps. From a random start at distance `ε`, the share of the offset that lies in the
//! `k` escaping directions is about `√(k/N)`, so in more dimensions the escape starts from even
//! less.

use crate::error::{Error, Why};
use crate::picture::figure::{Axis, Figure, Item, Panel, Stroke};

/// Steps GD (learning rate `eta`) takes to leave the unit ball around the saddle, from `start`;
/// `None` if it has not left within `max_steps` (`k` = the number of leading coordinates with
/// negative curvature).
pub fn steps_to_escape(start: &[f64], k: usize, eta: f64, max_steps: usize) -> Option<usize> {
    let mut x = start.to_vec();
    for step in 0..=max_steps {
        if x.iter().map(|v| v * v).sum::<f64>() > 1.0 {
            return Some(step);
        }
        for (i, v) in x.iter_mut().enumerate() {
            // ∂E/∂xᵢ = λᵢ xᵢ with λᵢ = −1 for i < k, +1 otherwise.
            let lambda = if i < k { -1.0 } else { 1.0 };
            *v -= eta * lambda * *v;
        }
    }
    None
}

/// A start at distance `eps` from the saddle in a random direction (seeded, the same on every
/// machine) in `n` dimensions.
pub fn random_start(n: usize, eps: f64, seed: u64) -> Vec<f64> {
    let mut rng = crate::rng::Rng::new(seed);
    let v: Vec<f64> = (0..n.max(1)).map(|_| rng.normal()).collect();
    let norm = v.iter().map(|a| a * a).sum::<f64>().sqrt();
    v.iter().map(|a| eps * a / norm).collect()
}

/// The median over `trials` random starts of the steps to escape (`max_steps + 1` counts as
/// not escaped), in `n` dimensions with `k` negative ones.
pub fn median_escape(n: usize, k: usize, eps: f64, eta: f64, trials: usize, max_steps: usize) -> f64 {
    let mut steps: Vec<usize> = (0..trials.max(1))
        .map(|t| steps_to_escape(&random_start(n, eps, 1 + t as u64), k, eta, max_steps).unwrap_or(max_steps + 1))
        .collect();
    steps.sort_unstable();
    steps[steps.len() / 2] as f64
}

/// The saddle-escape view's rows for GD at `eta` (0 < η < 1): 12 rows `[ε, median steps in 2-D
/// with one escape direction, log(1/ε)/log(1 + η)]` for ε = 10⁻¹ … 10⁻¹², then 8 rows `[N, steps
/// with one escape direction, steps with N/2]` for N = 2 … 256 (ε = 10⁻³); medians over 11
/// seeded random start directions, at most 10⁶ steps.
pub fn curves(eta: f64) -> Result<Vec<[f64; 3]>, Error> {
    if !(eta > 0.0 && eta < 1.0) {
        return Err(Error::OutOfRange(Why::EscapeEta));
    }
    let max = 1_000_000;
    let by_eps = (1..=12).map(|e| {
        let eps = 10f64.powi(-e);
        [
            eps,
            median_escape(2, 1, eps, eta, 11, max),
            (1.0 / eps).ln() / (1.0 + eta).ln(),
        ]
    });
    let by_n = (1..=8).map(|j| {
        let n = 1usize << j;
        [
            n as f64,
            median_escape(n, 1, 1e-3, eta, 11, max),
            median_escape(n, n / 2, 1e-3, eta, 11, max),
        ]
    });
    Ok(by_eps.chain(by_n).collect())
}

/// The saddle-escape figures, left and right, from [`curves`]' rows: steps against ε (log, the
/// measured median solid, `log(1/ε)/log(1 + η)` dashed) and against N (log; one escape direction
/// solid, N/2 dotted), both from 0 steps up. `title`: the y axes' title.
pub fn figures(rows: &[[f64; 3]], title: &str) -> [Figure; 2] {
    let (by_eps, by_n) = rows.split_at(rows.len().min(12));
    let panel = |rows: &[[f64; 3]], x: Axis, styles: [(usize, u32, Stroke); 2]| {
        let top = rows
            .iter()
            .flat_map(|r| [r[1], r[2]])
            .filter(|v| v.is_finite())
            .fold(1.0_f64, f64::max);
        let items = styles
            .iter()
            .map(|&(k, rgb, stroke)| Item::Line {
                points: rows.iter().map(|r| (r[0], r[k])).collect(),
                rgb,
                stroke,
                dots: false,
                right: false,
            })
            .collect();
        Figure {
            x,
            panels: vec![Panel {
                y: Axis::linear(0.0, 1.05 * top, title),
                right: None,
                items,
            }],
            rules: Vec::new(),
        }
    };
    [
        panel(
            by_eps,
            Axis::log(1e-12, 1e-1, "ε"),
            [(2, 0x7b1fa2, Stroke::Dashed), (1, 0x1b6fb3, Stroke::Solid)],
        ),
        panel(
            by_n,
            Axis::log(2.0, 256.0, "N"),
            [(1, 0x1b6fb3, Stroke::Solid), (2, 0x2f7d32, Stroke::Dotted)],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_x2_minus_y2_the_steps_grow_like_log_one_over_epsilon() {
        // The escaping (negative) direction first: E = −½x² + ½y², start (ε, 0); each step
        // multiplies x by 1 + η.
        let eta = 0.1;
        let mut previous = 0;
        for e in 1..=12 {
            let eps = 10f64.powi(-e);
            let steps = steps_to_escape(&[eps, 0.0], 1, eta, 100_000).expect("escapes");
            // Steps − ⌈log(1/ε)/log(1 + η)⌉ is at most one (the last step overshoots).
            let predicted = ((1.0 / eps).ln() / (1.0 + eta).ln()).ceil() as usize;
            assert!(steps.abs_diff(predicted) <= 1, "ε = {eps}: {steps} vs {predicted}");
            assert!(steps > previous);
            previous = steps;
        }
        // Each factor 10 in ε costs the same ln 10 / ln 1.1 ≈ 24 steps.
        let a = steps_to_escape(&[1e-4, 0.0], 1, eta, 100_000).expect("escapes");
        let b = steps_to_escape(&[1e-5, 0.0], 1, eta, 100_000).expect("escapes");
        assert!((24..=25).contains(&(b - a)), "{}", b - a);
    }

    #[test]
    fn in_more_dimensions_with_one_escape_direction_it_takes_longer() {
        let steps: Vec<f64> = [2, 8, 32, 128, 512]
            .iter()
            .map(|&n| median_escape(n, 1, 1e-3, 0.1, 31, 100_000))
            .collect();
        for w in steps.windows(2) {
            assert!(w[1] > w[0], "{steps:?}");
        }
        // More escape directions make it faster again.
        assert!(median_escape(128, 64, 1e-3, 0.1, 31, 100_000) < steps[3]);
    }

    #[test]
    fn starts_lie_at_the_given_distance() {
        let s = random_start(50, 1e-3, 9);
        let r = s.iter().map(|a| a * a).sum::<f64>().sqrt();
        assert!((r - 1e-3).abs() < 1e-15);
        assert_eq!(s, random_start(50, 1e-3, 9));
        assert_eq!(
            steps_to_escape(&[0.0, 0.0], 1, 0.1, 100),
            None,
            "exactly on the saddle GD never leaves"
        );
    }
}
