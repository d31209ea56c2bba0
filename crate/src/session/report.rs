//! What the page shows, as typed values decided in the core: where each run stands
//! ([`Readout`]), the second-order picture at a point ([`AnalysisReport`]), the critical points
//! in view ([`CriticalReport`]) and the point the analysis describes ([`AnalysisPoint`]).

use crate::analysis::hessian::{CriticalKind, Regime};
use crate::method::{Counts, Status};

/// Where a method's run stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Readout {
    /// Steps taken.
    pub iteration: usize,
    /// Length of the last step `‖x_t − x_{t−1}‖` (NaN before the first).
    pub step: f64,
    /// The shape of `E` at the current iterate, from the Hessian's eigenvalues.
    pub curvature: CriticalKind,
    /// `E` at the current iterate.
    pub value: f64,
    /// `‖∇E‖` at the current iterate.
    pub grad_norm: f64,
    /// First coordinate of the current iterate.
    pub x: f64,
    /// Second coordinate (NaN in 1-D).
    pub y: f64,
    /// The work done so far.
    pub counts: Counts,
    /// How the run stands or ended.
    pub status: Status,
    /// When converged: the kind of critical point reached, or [`CriticalKind::Flat`] where the
    /// gradient vanished with no critical point near.
    pub reached: Option<CriticalKind>,
    /// Newton still running where `H` is not positive definite: the saddle or maximum it heads
    /// for.
    pub heading: Option<CriticalKind>,
}

/// The second-order picture at a point (see [`crate::analysis::hessian::Analysis`]).
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisReport {
    /// Hessian eigenvalues, ascending.
    pub eigenvalues: Vec<f64>,
    /// Unit eigenvectors, one after another, in the order of the eigenvalues.
    pub eigenvectors: Vec<f64>,
    /// `λ_max`.
    pub lambda_max: f64,
    /// `2/λ_max` when `λ_max > 0`.
    pub stability_bound: Option<f64>,
    /// `η_opt = 1/E''` in 1-D where `E'' > 0`.
    pub eta_opt: Option<f64>,
    /// `1 − ηE''`, the factor a GD step applies to the error, in 1-D.
    pub error_factor: Option<f64>,
    /// `η/η_opt = ηE''` in 1-D.
    pub eta_ratio: Option<f64>,
    /// Where Newton's step from the point goes, `x − H⁻¹∇E` (`None` when `H` is singular).
    pub newton_target: Option<Vec<f64>>,
    /// The shape of `E` there (the signs of the eigenvalues: a description of the curvature,
    /// not a claim that the point is critical).
    pub kind: CriticalKind,
    /// Where `∇E` vanishes (as a run's convergence test has it): the kind of critical point,
    /// or [`CriticalKind::Flat`] when no critical point is near; `None` elsewhere.
    pub critical: Option<CriticalKind>,
    /// In 1-D the regime of gradient descent's `η`.
    pub regime: Option<Regime>,
}

/// A critical point in view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CriticalReport {
    /// First coordinate.
    pub x: f64,
    /// Second coordinate (NaN in 1-D).
    pub y: f64,
    /// `E` there.
    pub value: f64,
    /// Minimum, saddle, maximum or degenerate.
    pub kind: CriticalKind,
    /// One of the lowest minima found.
    pub global: bool,
}

/// The point the analysis describes: the current iterate of the first method that is on and has
/// a finite iterate, or the start point.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisPoint {
    /// The method whose iterate it is (its index in the catalogue), or `None` for the start.
    pub method: Option<usize>,
    /// That method's iteration (0 for the start).
    pub iteration: usize,
    /// The point.
    pub x: Vec<f64>,
}
