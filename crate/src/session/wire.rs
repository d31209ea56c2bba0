//! The page's wire encodings: what the session answers, as flat numbers that cross the boundary
//! cheaply, one table each (documented here, decoded by the page in one place each). Enums cross
//! as the codes of their one table in the core (`Status::code`, `CriticalKind::code`).

use crate::analysis::hessian::CriticalKind;
use crate::session::report::CriticalReport;

/// Numbers per critical point.
pub const CRITICAL_LEN: usize = 5;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
