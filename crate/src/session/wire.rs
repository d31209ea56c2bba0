//! The page's wire encodings: what the session answers, as flat numbers that cross the boundary
//! cheaply, one table each (documented here, decoded by the page in one place each). Enums cross
//! as the codes of their one table in the core (`Status::code`, `CriticalKind::code`).

use crate::analysis::hessian::CriticalKind;
use crate::picture::basin_colours::{self, Entry};
use crate::session::report::{CriticalReport, Readout};

/// Numbers per readout.
pub const READOUT_LEN: usize = 14;
/// Numbers per critical point.
pub const CRITICAL_LEN: usize = 5;

/// Where a run stands, [`READOUT_LEN`] numbers: iteration, length of the last step (NaN before
/// the first), `E`, `‖∇E‖`, `x`, `y` (NaN in 1-D), value-only evaluations, gradient evaluations,
/// Hessians, solves, status code, curvature kind code, the kind reached (−1 unless converged),
/// the kind Newton heads for (−1 unless misled).
pub fn readout(r: &Readout) -> Vec<f64> {
    let code = |k: Option<CriticalKind>| k.map_or(-1.0, |k| f64::from(k.code()));
    let c = r.counts;
    vec![
        r.iteration as f64,
        r.step,
        r.value,
        r.grad_norm,
        r.x,
        r.y,
        c.values as f64,
        c.gradients as f64,
        c.hessians as f64,
        c.solves as f64,
        f64::from(r.status.code()),
        f64::from(r.curvature.code()),
        code(r.reached),
        code(r.heading),
    ]
}

/// Critical points, [`CRITICAL_LEN`] numbers each: `x`, `y` (NaN in 1-D), `E`, kind code, 1 for
/// one of the lowest minima (else 0).
pub fn critical_points(points: &[CriticalReport]) -> Vec<f64> {
    (points.iter())
        .flat_map(|c| {
            [
                c.x,
                c.y,
                c.value,
                f64::from(c.kind.code()),
                f64::from(u8::from(c.global)),
            ]
        })
        .collect()
}

/// The kinds of critical points encoded by [`critical_points`] (an unknown code: degenerate).
pub fn kinds(points: &[f64]) -> Vec<CriticalKind> {
    let kind = |c: &[f64]| {
        let code = c[3];
        let known = code >= 0.0 && code.fract() == 0.0;
        (known.then(|| CriticalKind::ALL.get(code as usize)).flatten())
            .copied()
            .unwrap_or(CriticalKind::Degenerate)
    };
    points.chunks_exact(CRITICAL_LEN).map(kind).collect()
}

/// Numbers per random start's run: `[method index, x, y, final E, status code]`.
pub const START_RUN_LEN: usize = 5;

/// Where the random starts' runs (as [`START_RUN_LEN`] numbers each) ended, `(method, x, y)`,
/// leaving out runs with a non-finite end.
pub fn start_ends(runs: &[f64]) -> Vec<(usize, f64, f64)> {
    (runs.chunks_exact(START_RUN_LEN))
        .filter(|e| e[0] >= 0.0 && e[1].is_finite() && e[2].is_finite())
        .map(|e| (e[0] as usize, e[1], e[2]))
        .collect()
}

/// The code of a legend entry for starts that diverged (after the kinds' codes).
pub const LEGEND_DIVERGED: f64 = 5.0;
/// The code of a legend entry for starts that reached no critical point.
pub const LEGEND_NONE: f64 = 6.0;

/// The basin maps' legend for the critical points `points` (as [`critical_points`] encodes
/// them): `[colour 0xRRGGBB, what, n, index]` per entry; `what` a kind code, [`LEGEND_DIVERGED`]
/// or [`LEGEND_NONE`]; a minimum's number `n` (from 1) and its index in `points` (−1 for the
/// others).
pub fn basin_legend(points: &[f64]) -> Vec<f64> {
    (basin_colours::legend(&kinds(points)).into_iter())
        .flat_map(|(rgb, entry)| {
            let (what, n, index) = match entry {
                Entry::Minimum { n, index } => (f64::from(CriticalKind::Minimum.code()), n as f64, index as f64),
                Entry::Kind(k) => (f64::from(k.code()), 0.0, -1.0),
                Entry::Diverged => (LEGEND_DIVERGED, 0.0, -1.0),
                Entry::Unreached => (LEGEND_NONE, 0.0, -1.0),
            };
            [f64::from(rgb), what, n, index]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::{Counts, Status};

    #[test]
    fn a_readout_is_its_fields_in_the_documented_order() {
        let r = Readout {
            iteration: 7,
            step: 0.5,
            curvature: CriticalKind::Saddle,
            value: -1.0,
            grad_norm: 2.0,
            x: 3.0,
            y: f64::NAN,
            counts: Counts {
                values: 1,
                gradients: 8,
                hessians: 7,
                solves: 6,
            },
            status: Status::Running,
            reached: None,
            heading: Some(CriticalKind::Maximum),
        };
        let v = readout(&r);
        assert_eq!(v.len(), READOUT_LEN);
        assert_eq!(v[..5], [7.0, 0.5, -1.0, 2.0, 3.0]);
        assert!(v[5].is_nan());
        assert_eq!(v[6..10], [1.0, 8.0, 7.0, 6.0]);
        assert_eq!(v[10], f64::from(Status::Running.code()));
        assert_eq!(v[11], f64::from(CriticalKind::Saddle.code()));
        assert_eq!(v[12], -1.0);
        assert_eq!(v[13], f64::from(CriticalKind::Maximum.code()));
    }

    #[test]
    fn start_ends_leave_out_runs_that_ended_off_the_plane() {
        let runs = [
            0.0,
            1.0,
            2.0,
            0.5,
            0.0,
            3.0,
            f64::INFINITY,
            0.0,
            1.0,
            2.0,
            1.0,
            -1.0,
            -2.0,
            0.0,
            0.0,
        ];
        assert_eq!(start_ends(&runs), vec![(0, 1.0, 2.0), (1, -1.0, -2.0)]);
        assert!(start_ends(&runs[..4]).is_empty());
    }

    #[test]
    fn critical_points_round_trip_their_kinds() {
        let points: Vec<CriticalReport> = CriticalKind::ALL
            .iter()
            .enumerate()
            .map(|(i, &kind)| CriticalReport {
                x: i as f64,
                y: -(i as f64),
                value: 0.0,
                kind,
                global: i == 0,
            })
            .collect();
        let flat = critical_points(&points);
        assert_eq!(flat.len(), CRITICAL_LEN * points.len());
        assert_eq!(flat[4], 1.0);
        assert_eq!(kinds(&flat), CriticalKind::ALL.to_vec());
        // Codes that name no kind read as degenerate; a ragged tail is left out.
        assert_eq!(kinds(&[0.0, 0.0, 0.0, 99.0, 0.0, 1.0]), vec![CriticalKind::Degenerate]);
        assert_eq!(kinds(&[0.0, 0.0, 0.0, 0.5, 0.0]), vec![CriticalKind::Degenerate]);
    }

    #[test]
    fn the_basin_legend_numbers_minima_and_ends_with_diverged_and_none() {
        let minimum = f64::from(CriticalKind::Minimum.code());
        let saddle = f64::from(CriticalKind::Saddle.code());
        let points = [
            1.0, 1.0, 0.0, minimum, 1.0, 0.0, 0.0, 1.0, saddle, 0.0, 2.0, 2.0, 0.0, minimum, 1.0,
        ];
        let legend = basin_legend(&points);
        let entries: Vec<&[f64]> = legend.chunks_exact(4).collect();
        assert_eq!(entries.len(), 5, "{legend:?}");
        assert_eq!(entries[0][1..], [minimum, 1.0, 0.0]);
        assert_eq!(entries[1][1..], [saddle, 0.0, -1.0]);
        assert_eq!(entries[2][1..], [minimum, 2.0, 2.0]);
        assert_eq!(entries[3][1], LEGEND_DIVERGED);
        assert_eq!(entries[4][1], LEGEND_NONE);
    }
}
