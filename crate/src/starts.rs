//! Random starts (the lecture's point 4: the result depends on the random start): `n` starts
//! drawn from a seeded generator over the view, every method run from each, and where each run
//! ended.

use crate::catalog::{self, Hyper};
use crate::error::Error;
use crate::grid::View;
use crate::landscape::{Landscape, Point};
use crate::method::{Criteria, State, Status};
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
    /// How the run ended (`Running` if it used up its steps).
    pub status: Status,
}

/// Runs method `id` (with `hyper`) from every start, at most `steps` steps each.
pub fn run(
    l: &dyn Landscape<2>,
    starts: &[Point<2>],
    id: &str,
    hyper: &Hyper,
    steps: usize,
) -> Result<Vec<Outcome>, Error> {
    let criteria = Criteria::default();
    starts
        .iter()
        .map(|&x0| {
            let mut method = catalog::build::<2>(id, hyper)?;
            let mut state = State::start(l, x0, &criteria);
            while state.status == Status::Running && state.iteration < steps {
                state = method.step(l, state, &criteria);
            }
            Ok(Outcome {
                x: state.x,
                value: state.value,
                status: state.status,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::Himmelblau;

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
}
