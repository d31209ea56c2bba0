//! The learning-rate sweep: gradient descent from one start for many `η` on a log grid, to show
//! how sensitive it is to the learning rate (the lecture's point 5): the final `E` and the steps
//! to converge against `η`, with the divergence threshold `2/λ_max` in sight.

use crate::landscape::{Const, Landscape, Point};
use crate::method::gradient_descent::GradientDescent;
use crate::method::{run_to, Criteria, State, Status};
use crate::picture::figure::{Axis, Figure, Item, Panel, Rule, Stroke};

/// The outcome of one run of a sweep.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SweepPoint {
    /// The learning rate.
    pub eta: f64,
    /// `E` where the run stopped (non-finite if it diverged).
    pub value: f64,
    /// Steps taken until `‖∇E‖` fell below the tolerance, or `None` if it never did.
    pub steps: Option<usize>,
    /// How the run ended.
    pub status: Status,
}

/// `count` learning rates evenly spaced in `log η` over `[lo, hi]` (both included).
pub fn log_grid(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let count = count.max(2);
    let (a, b) = (lo.ln(), hi.ln());
    (0..count)
        .map(|i| (a + (b - a) * i as f64 / (count - 1) as f64).exp())
        .collect()
}

/// Runs gradient descent from `start` for every `η` of `etas`, at most `max_steps` steps each.
pub fn sweep<const N: usize>(
    l: &dyn Landscape<Const<N>>,
    start: Point<N>,
    etas: &[f64],
    max_steps: usize,
) -> Vec<SweepPoint> {
    let criteria = Criteria::default();
    etas.iter()
        .map(|&eta| {
            let state = State::start(l, start, &criteria);
            let outcome = match GradientDescent::new(eta) {
                Ok(mut gd) => run_to(&mut gd, l, state, &criteria, max_steps),
                Err(_) => state,
            };
            SweepPoint {
                eta,
                value: outcome.value,
                steps: (outcome.status == Status::Converged).then_some(outcome.iteration),
                status: outcome.status,
            }
        })
        .collect()
}

/// Colours of the lab's figures.
const BLUE: u32 = 0x1b6fb3;
const GREEN: u32 = 0x2f7d32;
const RED: u32 = 0xb3261e;
const PURPLE: u32 = 0x7b1fa2;

/// The sweep's figure over `[lo, hi]` (log η): steps to converge on top (in 1-D with
/// `|1 − ηE″|`, `factors`, dashed on a right axis from 10⁻³ to 10), the final `E` below; diverged
/// runs as red marks along both; `2/λ_max`, `η_opt` and the η in use as rules. `text`: the two panels' titles,
/// the factor's note, and what the top panel says when no run converged (it is empty then).
pub fn figure(
    runs: &[SweepPoint],
    factors: &[f64],
    lo: f64,
    hi: f64,
    [bound, eta_opt, eta]: [Option<f64>; 3],
    text: [&str; 4],
) -> Figure {
    let steps: Vec<(f64, f64)> = runs
        .iter()
        .map(|r| (r.eta, r.steps.map_or(f64::NAN, |s| s as f64)))
        .collect();
    let values: Vec<(f64, f64)> = runs.iter().map(|r| (r.eta, r.value)).collect();
    let diverged = Item::Marks {
        xs: runs
            .iter()
            .filter(|r| r.status == Status::Diverged)
            .map(|r| r.eta)
            .collect(),
        rgb: RED,
    };
    let line = |points: Vec<(f64, f64)>, rgb| Item::Line {
        points,
        rgb,
        stroke: Stroke::Solid,
        dots: false,
        right: false,
    };
    let fit = |points: &[(f64, f64)], title| Axis::log_fit(&points.iter().map(|p| p.1).collect::<Vec<_>>(), title);
    let one_d = factors.iter().any(|f| f.is_finite());
    let mut top = Panel {
        y: fit(&steps, text[0]),
        right: None,
        items: vec![line(steps.clone(), BLUE), diverged.clone()],
    };
    if runs.iter().all(|r| r.steps.is_none()) {
        top.items.push(Item::Note {
            text: text[3].to_owned(),
            rgb: 0x55555f,
        });
    }
    if one_d {
        let points = runs.iter().zip(factors).map(|(r, f)| (r.eta, f.max(1e-3))).collect();
        top.right = Some(Axis::log(1e-3, 10.0, ""));
        top.items.push(Item::Line {
            points,
            rgb: PURPLE,
            stroke: Stroke::Dashed,
            dots: false,
            right: true,
        });
        top.items.push(Item::Note {
            text: text[2].to_owned(),
            rgb: PURPLE,
        });
    }
    // The final E's axis fits the runs that did not diverge (a diverged run's E, up to 10¹⁰⁰,
    // would flatten every other): the diverged ones run along its top edge, marked red.
    let kept: Vec<(f64, f64)> = runs
        .iter()
        .filter(|r| r.status != Status::Diverged)
        .map(|r| (r.eta, r.value))
        .collect();
    let bottom = Panel {
        y: fit(if kept.is_empty() { &values } else { &kept }, text[1]),
        right: None,
        items: vec![line(values, GREEN), diverged],
    };
    let mut rules = Vec::new();
    if let Some(b) = bound {
        rules.push(Rule {
            x: b,
            label: "2/λₘₐₓ".into(),
            rgb: RED,
            left: false,
            row: 0,
        });
    }
    if let Some(e) = eta_opt {
        rules.push(Rule {
            x: e,
            label: "ηₒₚₜ".into(),
            rgb: GREEN,
            left: true,
            row: 0,
        });
    }
    if let Some(eta) = eta {
        // The η the runs use now: a line lower, on its left (it is mostly below 2/λ_max).
        rules.push(Rule {
            x: eta,
            label: "η".into(),
            rgb: 0x1d1b20,
            left: true,
            row: 1,
        });
    }
    Figure {
        x: Axis::log(lo, hi, "η"),
        panels: vec![top, bottom],
        rules,
    }
}

/// The first `η` of a sweep whose run diverged.
pub fn first_diverging(runs: &[SweepPoint]) -> Option<f64> {
    runs.iter().find(|r| r.status == Status::Diverged).map(|r| r.eta)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::presets::{Quadratic1, Quadratic2};

    #[test]
    fn the_divergence_threshold_is_found_within_one_grid_step_of_two_over_lambda_max() {
        for (l1, l2, theta) in [(1.0, 10.0, 0.3), (2.0, 50.0, -1.0), (0.5, 3.0, 2.0)] {
            let q = Quadratic2::new(l1, l2, theta);
            let etas = log_grid(1e-4, 10.0, 200);
            let runs = sweep(&q, Point::<2>::new(1.0, -0.7), &etas, 2000);
            let first = runs
                .iter()
                .position(|r| r.status == Status::Diverged)
                .expect("some η diverges");
            let bound = 2.0 / l2;
            assert!(
                etas[first] > bound && etas[first - 1] < bound,
                "threshold {} vs 2/λ_max = {bound}",
                etas[first]
            );
            assert!(runs[..first].iter().all(|r| r.status != Status::Diverged));
            // Below it, every run converged (given enough steps near the bound: at least the
            // ones well below and above the slow tail of tiny η).
            assert!(runs[first - 1].steps.is_some() || runs[first - 1].status == Status::StepLimit);
        }
    }

    #[test]
    fn in_one_dimension_eta_opt_converges_in_one_step_and_slower_on_either_side() {
        let q = Quadratic1 { a: 4.0 };
        let etas = [0.05, 0.2, 0.25, 0.3, 0.45, 0.55];
        let runs = sweep(&q, Point::<1>::new(2.0), &etas, 10_000);
        let steps: Vec<Option<usize>> = runs.iter().map(|r| r.steps).collect();
        assert_eq!(steps[2], Some(1), "η = η_opt = 1/4 lands in one step");
        assert!(steps[1] > steps[2] && steps[3] > steps[2]);
        assert!(steps[0] > steps[1], "smaller η creeps in");
        assert!(steps[4] > steps[3], "closer to 2η_opt oscillates longer");
        assert_eq!(runs[5].status, Status::Diverged, "η > 2η_opt diverges");
    }

    #[test]
    fn the_grid_is_logarithmic() {
        let g = log_grid(1e-3, 1e1, 5);
        for (a, b) in g.iter().zip([1e-3, 1e-2, 1e-1, 1.0, 10.0]) {
            assert!((a / b - 1.0).abs() < 1e-12, "{a} vs {b}");
        }
    }

    #[test]
    fn the_figure_marks_the_runs_that_diverged_and_the_bounds() {
        let l = Quadratic1 { a: 4.0 };
        let etas = log_grid(0.01, 1.0, 40);
        let runs = sweep(&l, Point::<1>::new(3.0), &etas, 1000);
        let factors: Vec<f64> = etas.iter().map(|e| (1.0 - e * 4.0).abs()).collect();
        let fig = figure(
            &runs,
            &factors,
            0.01,
            1.0,
            [Some(0.5), Some(0.25), Some(0.3)],
            ["steps", "E", "factor", "none"],
        );
        let Item::Marks { xs, .. } = &fig.panels[0].items[1] else {
            panic!("marks")
        };
        assert!(
            !xs.is_empty() && xs.iter().all(|&e| e > 0.5),
            "diverged only above 2/λ_max: {xs:?}"
        );
        assert_eq!(first_diverging(&runs), xs.first().copied());
        assert!(fig.panels[0].right.is_some(), "1-D: the factor on a right axis");
        assert_eq!(fig.rules.iter().map(|r| r.x).collect::<Vec<_>>(), vec![0.5, 0.25, 0.3]);
        assert_eq!(fig.rules[2].label, "η", "the η in use, a line below the others");
        assert_eq!(fig.rules.iter().map(|r| r.row).collect::<Vec<_>>(), vec![0, 0, 1]);
        let says_none = |fig: &Figure| {
            fig.panels[0]
                .items
                .iter()
                .any(|i| matches!(i, Item::Note { text, .. } if text == "none"))
        };
        assert!(!says_none(&fig), "runs converged");
        // The final E's axis is fitted to the runs that did not diverge: it stops within a few
        // decades of the start's E = 18, though diverged runs reach far more.
        let worst = runs
            .iter()
            .map(|r| r.value)
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max);
        assert!(worst > 1e10, "{worst}");
        assert!(fig.panels[1].y.hi <= 100.0, "{:?}", fig.panels[1].y);
        // No steps allowed, so no run converges: the empty panel says so.
        let slow = sweep(&l, Point::<1>::new(3.0), &etas, 0);
        assert!(says_none(&figure(
            &slow,
            &factors,
            0.01,
            1.0,
            [None; 3],
            ["steps", "E", "factor", "none"]
        )));
    }
}
