//! Random starts (the lecture's point 4: the result depends on the random start): `n` starts
//! drawn from a seeded generator over the view, every method run from each, and where each run
//! ended.

use crate::error::Error;
use crate::landscape::{Landscape, Point, U2};
use crate::method::catalog::{self, Hyper};
use crate::method::{run_to, Criteria, State, Status};
use crate::picture::figure::{Axis, Figure, Item, Panel};
use crate::picture::grid::View;
use crate::rng::Rng;

/// Most starts a run of random starts takes.
pub const MAX_STARTS: usize = 1000;

/// `n` (at most [`MAX_STARTS`]) points uniformly over `view`, from `seed` ([`Rng`]): the same
/// seed gives the same points on every machine.
pub fn random_points(seed: u64, n: usize, view: View) -> Vec<Point<2>> {
    let mut rng = Rng::new(seed);
    (0..n.min(MAX_STARTS))
        .map(|_| {
            let x = view.x_min + (view.x_max - view.x_min) * rng.uniform();
            let y = view.y_min + (view.y_max - view.y_min) * rng.uniform();
            Point::<2>::new(x, y)
        })
        .collect()
}

/// Where a run ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// The last iterate.
    pub x: Point<2>,
    /// `E` there.
    pub value: f64,
    /// How the run ended (`StepLimit` if it used up its steps).
    pub status: Status,
}

/// Runs method `id` (with `hyper`) from every start, at most `steps` steps each.
pub fn run(
    l: &dyn Landscape<U2>,
    starts: &[Point<2>],
    id: &str,
    hyper: &Hyper,
    steps: usize,
) -> Result<Vec<Outcome>, Error> {
    let criteria = Criteria::default();
    starts
        .iter()
        .map(|&x0| {
            let mut method = catalog::build::<U2>(id, hyper)?;
            let state = run_to(method.as_mut(), l, State::start(l, x0, &criteria), &criteria, steps);
            Ok(Outcome {
                x: state.x,
                value: state.value,
                status: state.status,
            })
        })
        .collect()
}

/// What a histogram reads of where a run ended: its `E` and how it ended (a random start's
/// [`Outcome`] on the map, a network's run from one of many starts).
pub trait Ended {
    /// `E` at the last iterate.
    fn value(&self) -> f64;
    /// How the run ended.
    fn status(&self) -> Status;
}

impl Ended for Outcome {
    fn value(&self) -> f64 {
        self.value
    }
    fn status(&self) -> Status {
        self.status
    }
}

/// How one method's runs ended, as the random-starts panel shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// Runs that ended at a global minimum: `E ≤ E* + 10⁻⁶·(1 + |E*|)`.
    pub global: usize,
    /// Runs that diverged.
    pub diverged: usize,
    /// Runs whose last `E` is not finite (counted apart from the histogram).
    pub unbounded: usize,
    /// The histogram of `log₁₀(E − E*)` (floored at `10⁻¹²`) over the shared bins.
    pub counts: Vec<usize>,
}

/// Every method's [`Tally`] over shared bins: `bins` equal bins of `log₁₀(E − E*)` from `lo` to
/// `hi` (whole decades, `lo = −12`).
#[derive(Debug, Clone, PartialEq)]
pub struct Histogram {
    /// `E*`: the lowest minimum (the caller's, else the lowest finite `E` of any run).
    pub lowest: f64,
    /// The first bin's left edge, a power of ten's exponent.
    pub lo: i32,
    /// The last bin's right edge.
    pub hi: i32,
    /// One per group of runs, in order.
    pub tallies: Vec<Tally>,
}

/// The smallest `E − E*` a histogram tells apart.
const FLOOR: f64 = 1e-12;

/// The histogram's top decade: `E − E*` up to `10¹²` (beyond, in the last bin).
pub const HIGHEST: i32 = 12;

/// Tallies each group of runs (one per method) against `lowest` (`E*`, the lowest minimum the
/// critical-point search found; `None`: the lowest finite `E` reached) in `bins ≥ 1` bins.
pub fn histogram<O: Ended>(groups: &[Vec<O>], lowest: Option<f64>, bins: usize) -> Histogram {
    let bins = bins.max(1);
    let finite = || groups.iter().flatten().map(|o| o.value()).filter(|v| v.is_finite());
    let lowest = lowest
        .filter(|v| v.is_finite())
        .or_else(|| finite().reduce(f64::min))
        .unwrap_or(0.0);
    let log = |v: f64| (v - lowest).max(FLOOR).log10();
    let lo = FLOOR.log10().round() as i32;
    let top = finite().map(log).fold(f64::from(lo + 1), f64::max);
    // (At most 10¹²: a run far out counts in the last bin rather than squeezing every other
    // into the first tenth of the axis.)
    let hi = (top.ceil() as i32).clamp(lo + 1, HIGHEST);
    let tol = 1e-6 * (1.0 + lowest.abs());
    let tallies = groups
        .iter()
        .map(|runs| {
            let mut counts = vec![0; bins];
            let mut unbounded = 0;
            for o in runs {
                if o.value().is_finite() {
                    let at = (log(o.value()) - f64::from(lo)) / f64::from(hi - lo) * bins as f64;
                    counts[(at.max(0.0) as usize).min(bins - 1)] += 1;
                } else {
                    unbounded += 1;
                }
            }
            Tally {
                global: runs.iter().filter(|o| o.value() <= lowest + tol).count(),
                diverged: runs.iter().filter(|o| o.status() == Status::Diverged).count(),
                unbounded,
                counts,
            }
        })
        .collect();
    Histogram {
        lowest,
        lo,
        hi,
        tallies,
    }
}

/// The random starts' histogram as a figure: one row of bars per method (`(label, 0xRRGGBB,
/// counts, runs with a non-finite E)`) over log bins of `E − E*` from `10^lo` to `10^hi`;
/// `x_title` names the axis.
pub fn figure(rows: &[(String, u32, Vec<f64>, usize)], lo: i32, hi: i32, x_title: &str) -> Figure {
    let panels = rows
        .iter()
        .map(|(label, rgb, counts, off)| {
            let mut items = vec![Item::Bars {
                counts: counts.clone(),
                rgb: *rgb,
            }];
            if *off > 0 {
                items.push(Item::Note {
                    text: format!("+{off} ∞"),
                    rgb: 0xb3261e,
                });
            }
            Panel {
                y: Axis {
                    ticks: false,
                    ..Axis::linear(0.0, 1.0, label)
                },
                right: None,
                items,
            }
        })
        .collect();
    Figure {
        x: Axis::log(10f64.powi(lo), 10f64.powi(hi), x_title),
        panels,
        rules: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::presets::Himmelblau;

    fn view() -> View {
        View::new(&[-5.0, 5.0, -5.0, 5.0]).expect("valid")
    }

    #[test]
    fn starts_are_reproducible_from_the_seed_and_inside_the_view() {
        let a = random_points(42, 500, view());
        assert_eq!(a, random_points(42, 500, view()));
        assert_ne!(a, random_points(43, 500, view()));
        assert_eq!(a.len(), 500);
        assert!(a.iter().all(|p| p.iter().all(|c| (-5.0..5.0).contains(c))));
        assert_eq!(random_points(1, 5000, view()).len(), MAX_STARTS);
        // Spread: every quadrant gets a fair share.
        let q = a.iter().filter(|p| p[0] > 0.0 && p[1] > 0.0).count();
        assert!((90..160).contains(&q), "{q}");
    }

    #[test]
    fn gd_from_random_starts_ends_in_every_minimum_of_himmelblau() {
        let starts = random_points(7, 200, view());
        let hyper = Hyper {
            eta: 0.01,
            ..Hyper::default()
        };
        let ends = run(&Himmelblau, &starts, "gd", &hyper, 5000).expect("runs");
        assert_eq!(ends.len(), 200);
        let converged: Vec<_> = ends.iter().filter(|o| o.status == Status::Converged).collect();
        assert!(converged.len() > 190);
        // Four distinct end points, all with E ≈ 0 (Himmelblau's minima are all global).
        let mut distinct: Vec<Point<2>> = Vec::new();
        for o in &converged {
            assert!(o.value < 1e-12);
            if !distinct.iter().any(|d| (d - o.x).norm() < 1e-3) {
                distinct.push(o.x);
            }
        }
        assert_eq!(distinct.len(), 4);
        assert!(run(&Himmelblau, &starts, "sgd", &hyper, 10).is_err());
    }

    #[test]
    fn the_histogram_counts_every_run_once() {
        let at = |value: f64, status| Outcome {
            x: Point::<2>::zeros(),
            value,
            status,
        };
        let gd = vec![
            at(1.0, Status::Converged),
            at(1.0 + 1e-9, Status::Converged),
            at(3.0, Status::Converged),
            at(f64::INFINITY, Status::Diverged),
            at(f64::NAN, Status::Undefined),
        ];
        let newton = vec![at(2e5, Status::Running), at(1.0, Status::Converged)];
        let h = histogram(&[gd.clone(), newton.clone()], Some(1.0), 24);
        assert_eq!((h.lowest, h.lo, h.hi), (1.0, -12, 6));
        assert_eq!(h.tallies[0].global, 2);
        assert_eq!((h.tallies[0].diverged, h.tallies[0].unbounded), (1, 2));
        for (t, runs) in h.tallies.iter().zip([&gd, &newton]) {
            assert_eq!(t.counts.iter().sum::<usize>() + t.unbounded, runs.len());
        }
        // 24 bins over 18 decades (10⁻¹² … 10⁶): E − E* = 0 in bin 0, 1e-9 in bin 4 (3 decades
        // up), 2 in bin 16 ((12 + log 2)·24/18 = 16.4).
        let nonzero: Vec<(usize, usize)> = h.tallies[0]
            .counts
            .iter()
            .copied()
            .enumerate()
            .filter(|c| c.1 > 0)
            .collect();
        assert_eq!(nonzero, [(0, 1), (4, 1), (16, 1)]);
        assert_eq!(h.tallies[1].counts[23], 1, "E − E* ≈ 2e5 in the top bin");
        // A run far out (E = 1e78, still finite) counts in the last bin; the axis stops at 10¹².
        let far = histogram(
            &[vec![at(1.0, Status::Converged), at(1e78, Status::Running)]],
            Some(1.0),
            24,
        );
        assert_eq!(
            (far.hi, far.tallies[0].counts[23], far.tallies[0].unbounded),
            (HIGHEST, 1, 0)
        );
        // Without E*, the lowest finite E reached.
        assert_eq!(histogram(&[gd], None, 10).lowest, 1.0);
        assert_eq!(histogram::<Outcome>(&[], None, 0).hi, -11);
    }
}
