//! Finding and classifying the critical points (`∇E = 0`) of a landscape within a view: Newton's
//! method from a grid of seeds, de-duplicated, each point classified by its Hessian's eigenvalues.

use crate::analysis::hessian::{Analysis, CriticalKind};
use crate::landscape::{Const, Landscape, Point};
use crate::method::newton::newton_direction;

/// A critical point of `E`.
#[derive(Debug, Clone, PartialEq)]
pub struct CriticalPoint<const N: usize> {
    /// Where `∇E = 0`.
    pub x: Point<N>,
    /// `E` there.
    pub value: f64,
    /// Minimum, saddle, maximum or degenerate.
    pub kind: CriticalKind,
    /// One of the lowest minima found (all within `1e-9` relative of the lowest are marked).
    pub global: bool,
}

/// Newton steps per seed.
const MAX_STEPS: usize = 60;

/// The critical points of `landscape` inside the box `lo ≤ x ≤ hi`, found by Newton's method
/// (which converges to critical points of any kind) from `seeds_per_side^N` evenly spaced
/// seeds. Points closer than `1e-6` of the box size are merged. Sorted by value; the lowest
/// minima (ties included) are marked global. A search, not a proof: points whose basins miss every seed can be
/// missed, so use enough seeds for the landscape's detail.
pub fn find<const N: usize>(
    landscape: &dyn Landscape<Const<N>>,
    lo: Point<N>,
    hi: Point<N>,
    seeds_per_side: usize,
) -> Vec<CriticalPoint<N>> {
    let seeds_per_side = seeds_per_side.clamp(1, 200);
    let size = (hi - lo).amax();
    let merge = 1e-6 * size.max(f64::MIN_POSITIVE);
    let inside = |x: &Point<N>| (0..N).all(|i| x[i] >= lo[i] - merge && x[i] <= hi[i] + merge);
    let mut found: Vec<CriticalPoint<N>> = Vec::new();
    // The largest curvature seen at the seeds: a Hessian negligible against it is degenerate.
    let mut curvature = 0.0_f64;
    let total = seeds_per_side.pow(N as u32);
    for k in 0..total {
        let mut rest = k;
        let seed = Point::<N>::from_fn(|i, _| {
            let j = rest % seeds_per_side;
            rest /= seeds_per_side;
            lo[i] + (hi[i] - lo[i]) * (j as f64 + 0.5) / seeds_per_side as f64
        });
        let h = landscape.hessian(&seed).amax();
        if h.is_finite() {
            curvature = curvature.max(h);
        }
        let Some(x) = newton_from(landscape, seed, size) else {
            continue;
        };
        if !inside(&x) || found.iter().any(|p| (p.x - x).norm() < merge) {
            continue;
        }
        found.push(CriticalPoint {
            x,
            value: landscape.value(&x),
            kind: CriticalKind::Degenerate,
            global: false,
        });
    }
    if curvature == 0.0 && found.len() == total {
        // E is flat: every point is critical. No markers (the session says so instead).
        return Vec::new();
    }
    for p in &mut found {
        p.kind = classify(landscape, &p.x);
    }
    let values: Vec<f64> = found.iter().map(|p| p.value).collect();
    let mut found: Vec<_> = crate::order::ascending(&values)
        .into_iter()
        .map(|i| found[i].clone())
        .collect();
    if let Some(best) = found.iter().find(|p| p.kind == CriticalKind::Minimum).map(|p| p.value) {
        let tol = 1e-9 * (1.0 + best.abs());
        for p in found
            .iter_mut()
            .filter(|p| p.kind == CriticalKind::Minimum && p.value <= best + tol)
        {
            p.global = true;
        }
    }
    found
}

/// Newton's iteration from `x` until its step is negligible against the box (`size`), or `None`
/// if it leaves the neighbourhood, meets a singular Hessian or does not settle.
/// The kind of the critical point at `x`, the same whatever the view: [`CriticalKind::Degenerate`]
/// when some eigenvalue of the Hessian is zero next to the curvature around it (the largest
/// Hessian entry at `x` and at `2N` points a thousandth of `max(1, ‖x‖)` away), else the signs'.
/// (Measured against the view's curvature instead, the origin of `exp(x² + y²)` was degenerate
/// in the ±5 view, where `E` reaches 10²¹, and a minimum in ±2.)
pub fn classify<const N: usize>(landscape: &dyn Landscape<Const<N>>, x: &Point<N>) -> CriticalKind {
    let analysis = Analysis::at(landscape, x);
    let r = 1e-3 * x.norm().max(1.0);
    let mut curvature = landscape.hessian(x).amax();
    for i in 0..N {
        for sign in [-1.0, 1.0] {
            let mut y = *x;
            y[i] += sign * r;
            let h = landscape.hessian(&y).amax();
            if h.is_finite() {
                curvature = curvature.max(h);
            }
        }
    }
    if analysis
        .eigenvalues
        .iter()
        .any(|l| !l.is_finite() || l.abs() <= 1e-6 * curvature)
    {
        CriticalKind::Degenerate
    } else {
        analysis.kind
    }
}

/// The critical point near `x`, if there is one within `radius`: Newton's iteration from `x`
/// (taking no step along a direction of zero curvature where the gradient has no component)
/// until its steps vanish, as long as it stays within `radius` of `x`; with its kind
/// ([`classify`]). `None` where `∇E` is small but no critical point is near: a plateau, or an
/// asymptote (`exp(x)` far to the left, where Newton steps a unit further each time).
pub fn critical_near<const N: usize>(
    landscape: &dyn Landscape<Const<N>>,
    x: &Point<N>,
    radius: f64,
) -> Option<(Point<N>, CriticalKind)> {
    const STEPS: usize = 80;
    let mut y = *x;
    for _ in 0..STEPS {
        let g = landscape.gradient(&y);
        if !g.iter().all(|c| c.is_finite()) {
            return None;
        }
        let a = Analysis::at(landscape, &y);
        let scale = a.eigenvalues.iter().fold(0.0_f64, |m, l| m.max(l.abs()));
        let mut v = Point::<N>::zeros();
        for (l, u) in a.eigenvalues.iter().zip(&a.eigenvectors) {
            let u = Point::<N>::from_fn(|i, _| u[i]);
            let along = g.dot(&u);
            if l.abs() <= 1e-14 * scale.max(1e-300) {
                if along.abs() > 1e-14 * (1.0 + g.norm()) {
                    return None; // a slope where E does not curve: no critical point that way
                }
                continue;
            }
            v -= u * (along / l);
        }
        y += v;
        if !y.iter().all(|c| c.is_finite()) || (y - x).norm() > radius {
            return None;
        }
        if v.norm() <= 1e-12 * (1.0 + y.norm()) {
            break;
        }
    }
    Some((y, classify(landscape, &y)))
}

fn newton_from<const N: usize>(landscape: &dyn Landscape<Const<N>>, mut x: Point<N>, size: f64) -> Option<Point<N>> {
    for _ in 0..MAX_STEPS {
        let g = landscape.gradient(&x);
        if g.iter().all(|&c| c == 0.0) {
            return Some(x);
        }
        let v = newton_direction(&landscape.hessian(&x), &g)?;
        x += v;
        if !x.iter().all(|c| c.is_finite()) || x.norm() > 1e3 * (1.0 + size) {
            return None;
        }
        if v.norm() <= 1e-10 * size {
            return Some(x);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::neural::{data_set, NeuronLoss, TinyNet};
    use crate::landscape::presets::{DoubleWell, Himmelblau, MonkeySaddle, Ripples, Rosenbrock, SixHumpCamel};

    fn count<const N: usize>(points: &[CriticalPoint<N>], kind: CriticalKind) -> usize {
        points.iter().filter(|p| p.kind == kind).count()
    }

    #[test]
    fn himmelblau_has_four_minima_four_saddles_one_maximum() {
        let p = find(&Himmelblau, Point::<2>::new(-6.0, -6.0), Point::<2>::new(6.0, 6.0), 30);
        assert_eq!(count(&p, CriticalKind::Minimum), 4, "{p:?}");
        assert_eq!(count(&p, CriticalKind::Saddle), 4, "{p:?}");
        assert_eq!(count(&p, CriticalKind::Maximum), 1, "{p:?}");
        let max = p.iter().find(|q| q.kind == CriticalKind::Maximum).expect("a maximum");
        assert!((max.x - Point::<2>::new(-0.270845, -0.923039)).norm() < 1e-5);
        assert!((max.value - 181.617).abs() < 1e-3);
        // All four minima have E = 0: all four are global.
        let global: Vec<_> = p.iter().filter(|q| q.global).collect();
        assert_eq!(global.len(), 4);
        assert!(global.iter().all(|q| q.value.abs() < 1e-12));
    }

    #[test]
    fn six_hump_camel_has_six_minima_with_two_global() {
        let p = find(
            &SixHumpCamel,
            Point::<2>::new(-2.2, -1.2),
            Point::<2>::new(2.2, 1.2),
            40,
        );
        assert_eq!(count(&p, CriticalKind::Minimum), 6, "{p:?}");
        assert_eq!(p.iter().filter(|q| q.global).count(), 2, "two symmetric global minima");
        let best = p.iter().find(|q| q.global).expect("global");
        assert!((best.value + 1.0316).abs() < 1e-4, "{}", best.value);
        assert!((best.x[0].abs() - 0.0898).abs() < 1e-3 && (best.x[1].abs() - 0.7126).abs() < 1e-3);
    }

    #[test]
    fn rosenbrock_has_one_minimum_and_ripples_many() {
        let p = find(&Rosenbrock, Point::<2>::new(-2.0, -1.0), Point::<2>::new(2.0, 3.0), 20);
        assert_eq!(p.len(), 1);
        assert!((p[0].x - Point::<2>::new(1.0, 1.0)).norm() < 1e-9 && p[0].global);
        let p = find(&Ripples, Point::<2>::new(-5.0, -5.0), Point::<2>::new(5.0, 5.0), 60);
        assert!(
            count(&p, CriticalKind::Minimum) >= 9,
            "{}",
            count(&p, CriticalKind::Minimum)
        );
        let best = p.iter().find(|q| q.global).expect("global");
        assert!(best.x.norm() < 1e-9, "the global minimum of the ripples is the origin");
    }

    #[test]
    fn one_dimensional_double_well() {
        let p = find(&DoubleWell, Point::<1>::new(-2.0), Point::<1>::new(2.0), 40);
        assert_eq!(p.len(), 3);
        assert_eq!(count(&p, CriticalKind::Minimum), 2);
        assert_eq!(count(&p, CriticalKind::Maximum), 1);
    }

    #[test]
    fn the_monkey_saddle_is_degenerate_and_does_not_hang() {
        // At the origin the Hessian vanishes: Newton converges only linearly toward it.
        let p = find(
            &MonkeySaddle,
            Point::<2>::new(-2.0, -2.0),
            Point::<2>::new(2.0, 2.0),
            10,
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].kind, CriticalKind::Degenerate);
        assert!(p[0].x.norm() < 1e-6);
    }

    #[test]
    fn the_tiny_network_has_two_minima_and_the_result_depends_on_the_start() {
        // The bump: one neuron cannot fit it; its best is a constant output (a single minimum
        // at w = 0) flanked by saddles.
        let neuron = NeuronLoss { data: data_set(2) };
        let found = find(&neuron, Point::<2>::new(-8.0, -8.0), Point::<2>::new(8.0, 8.0), 30);
        assert_eq!(found.iter().filter(|c| c.kind == CriticalKind::Minimum).count(), 1);
        assert!(found.iter().any(|c| c.kind == CriticalKind::Saddle));
        // The 1–2–1 network on the same data, sliced along a₁ and a₂: two minima.
        let net = TinyNet::new(data_set(2), 2, false);
        let found = find(&net, Point::<2>::new(-5.0, -5.0), Point::<2>::new(5.0, 5.0), 30);
        let minima: Vec<_> = found.iter().filter(|c| c.kind == CriticalKind::Minimum).collect();
        assert_eq!(minima.len(), 2, "{found:?}");
        // Gradient descent from two starts ends in different ones.
        let descend = |mut p: Point<2>| {
            for _ in 0..20_000 {
                p -= 2.0 * net.gradient(&p);
            }
            p
        };
        let (a, b) = (descend(Point::<2>::new(1.0, 2.0)), descend(Point::<2>::new(-1.0, -2.0)));
        assert!((a - b).norm() > 1.0, "{a:?} {b:?}");
        for end in [a, b] {
            assert!(
                minima.iter().any(|m| (m.x - end).norm() < 1e-2),
                "{end:?} is not at a minimum"
            );
        }
    }
}
