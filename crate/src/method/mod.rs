//! What every optimizer shares: the [`State`] of a run, its [`Status`], the work it has done
//! ([`Counts`]) and the [`Method`] trait, one step from a state to the next; then one file per
//! method (the lecture's [`gradient_descent`] and [`newton`], and the variants that answer its
//! objections), the [`catalog`] that builds them by name, and the [`trajectory`] of a run.

pub mod adam;
pub mod bfgs;
pub mod catalog;
pub mod conjugate_gradient;
pub mod damped_newton;
pub mod gradient_descent;
pub mod lbfgs;
pub mod levenberg_marquardt;
pub mod line_search;
pub mod momentum;
pub mod newton;
pub mod optimal_step;
pub mod saddle_free_newton;
#[cfg(test)]
pub(crate) mod testing;
pub mod trajectory;
pub mod vectors;

use crate::landscape::{Allocator, Const, DefaultAllocator, Dim, Landscape, Vector};

/// Where a run stands after its last step: the one name for how a run ended, everywhere (the
/// page's runs, the sweep, random starts, basin maps), with one wire code each ([`Status::code`],
/// [`Status::name`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// `‖∇E‖` fell below the tolerance: a critical point (not necessarily a minimum).
    Converged = 0,
    /// Still going: the gradient is not yet small.
    Running = 1,
    /// The value or the point stopped being finite, or the point left the bound.
    Diverged = 2,
    /// `E` or `∇E` is undefined (NaN) at the point reached, while the point is finite: the step
    /// left the function's domain (`log` of a negative number, `sqrt(−1)`, `0/0`).
    Undefined = 3,
    /// Newton could not solve `H v = −∇E`: the Hessian is singular (or nearly so).
    SingularHessian = 4,
    /// The run used up its steps without converging.
    StepLimit = 5,
}

impl Status {
    /// Every status, in the order of their codes.
    pub const ALL: [Status; 6] = [
        Status::Converged,
        Status::Running,
        Status::Diverged,
        Status::Undefined,
        Status::SingularHessian,
        Status::StepLimit,
    ];

    /// The status's wire code (its index in [`Status::ALL`]).
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The status with wire code `code`.
    pub fn from_code(code: f64) -> Option<Status> {
        Status::ALL.iter().copied().find(|s| f64::from(s.code()) == code)
    }

    /// The status's name on the wire and in the page's strings.
    pub fn name(self) -> &'static str {
        match self {
            Status::Converged => "converged",
            Status::Running => "running",
            Status::Diverged => "diverged",
            Status::Undefined => "undefined",
            Status::SingularHessian => "singular",
            Status::StepLimit => "limit",
        }
    }
}

/// The work a run has done: the lecture's "Newton is very expensive" in numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Evaluations of `E` alone (line searches).
    pub values: u64,
    /// Evaluations of `∇E` (each also evaluates `E`).
    pub gradients: u64,
    /// Evaluations of the Hessian `H`.
    pub hessians: u64,
    /// Linear solves `H v = b` and eigen-decompositions of `H` (each `O(N³)`).
    pub solves: u64,
}

/// When a run stops.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Criteria {
    /// Converged once `‖∇E‖ ≤ grad_tol`.
    pub grad_tol: f64,
    /// Diverged once `‖x‖ > max_norm` (or anything is not finite).
    pub max_norm: f64,
}

impl Default for Criteria {
    fn default() -> Self {
        Criteria {
            grad_tol: 1e-8,
            max_norm: 1e8,
        }
    }
}

/// One run's state: the current point with its value and gradient, how far it has come and
/// whether it has stopped. Goes into [`Method::step`] by value and comes back; in a space of
/// `N` known when compiling (`Const<N>`, the page's), it is `Copy`.
#[derive(Debug, Clone, PartialEq)]
pub struct State<D: Dim>
where
    DefaultAllocator: Allocator<D>,
{
    /// The current iterate `x_t`.
    pub x: Vector<D>,
    /// `E(x_t)`.
    pub value: f64,
    /// `∇E(x_t)`.
    pub gradient: Vector<D>,
    /// The number of steps taken, `t`.
    pub iteration: usize,
    /// Whether the run goes on.
    pub status: Status,
    /// The work done so far.
    pub counts: Counts,
}

impl<const N: usize> Copy for State<Const<N>> {}

impl<D: Dim> State<D>
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    /// The state at the start point `x0`, before any step.
    pub fn start(landscape: &dyn Landscape<D>, x0: Vector<D>, criteria: &Criteria) -> Self {
        let gradient = x0.map(|_| 0.0);
        let state = State {
            x: x0.clone(),
            value: f64::NAN,
            gradient,
            iteration: 0,
            status: Status::Running,
            counts: Counts::default(),
        };
        state.evaluated_at(landscape, x0, criteria)
    }

    /// `‖∇E(x_t)‖`.
    pub fn grad_norm(&self) -> f64 {
        self.gradient.norm()
    }

    /// The state moved to `x`: evaluates `E` and `∇E` there and decides the status.
    /// Used by methods at the end of a step; does not count as a step by itself.
    pub fn evaluated_at(mut self, landscape: &dyn Landscape<D>, x: Vector<D>, criteria: &Criteria) -> Self {
        #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
        {
            (self.value, self.gradient) = landscape.value_gradient(&x);
        }
        #[cfg(not(any(feature = "lab", not(target_arch = "wasm32"))))]
        {
            self.value = landscape.value(&x);
            self.gradient = landscape.gradient(&x);
        }
        self.x = x;
        self.counts.gradients += 1;
        self.decided(criteria)
    }

    /// The state after a step to `x` where the method has already evaluated `E = value` and
    /// `∇E = gradient` (a line search's accepted point, counted by the method): decides the
    /// status without evaluating again.
    pub fn moved_to(mut self, x: Vector<D>, value: f64, gradient: Vector<D>, criteria: &Criteria) -> Self {
        self.iteration += 1;
        self.x = x;
        self.value = value;
        self.gradient = gradient;
        self.decided(criteria)
    }

    /// The status at the current point, value and gradient.
    fn decided(mut self, criteria: &Criteria) -> Self {
        let g = self.grad_norm();
        let norm = self.x.norm();
        let finite_point = norm.is_finite() && norm <= criteria.max_norm;
        self.status = if finite_point && (self.value.is_nan() || g.is_nan()) {
            Status::Undefined
        } else if !self.value.is_finite() || !g.is_finite() || !finite_point {
            Status::Diverged
        } else if g <= criteria.grad_tol {
            Status::Converged
        } else {
            Status::Running
        };
        self
    }

    /// The state after a step that moved to `x`.
    pub fn stepped_to(mut self, landscape: &dyn Landscape<D>, x: Vector<D>, criteria: &Criteria) -> Self {
        self.iteration += 1;
        self.evaluated_at(landscape, x, criteria)
    }
}

/// An optimizer: one step from a state to the next.
///
/// A step on a state whose status is not [`Status::Running`] returns it unchanged.
pub trait Method<D: Dim>
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    /// Takes one step on `landscape` from `state`.
    fn step(&mut self, landscape: &dyn Landscape<D>, state: State<D>, criteria: &Criteria) -> State<D>;
}

/// Steps `method` from `state` until the run stops or has taken `max_steps` steps in all; a run
/// still going then ends as [`Status::StepLimit`]. Every run with a step budget ends here.
pub fn run_to<D: Dim>(
    method: &mut dyn Method<D>,
    landscape: &dyn Landscape<D>,
    mut state: State<D>,
    criteria: &Criteria,
    max_steps: usize,
) -> State<D>
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    while state.status == Status::Running && state.iteration < max_steps {
        state = method.step(landscape, state, criteria);
    }
    if state.status == Status::Running {
        state.status = Status::StepLimit;
    }
    state
}
