//! Descenso's core: loss landscapes, optimizer steps and the figures the page shows.
//!
//! The core is pure Rust with no browser types (see `ARCHITECTURE.md`). It is organised
//! after the lecture it teaches:
//!
//! - [`landscape`]: a loss `E` with its exact gradient and Hessian ([`Landscape`]).
//! - [`presets`]: the built-in landscapes (quadratics, Rosenbrock, Himmelblau, a saddle).
//! - [`method`]: one optimizer step from a [`State`] ([`Method`], [`Status`]).
//! - [`gradient_descent`] and [`newton`]: the two methods of the lecture; [`optimal_step`],
//!   [`damped_newton`], [`levenberg_marquardt`], [`saddle_free_newton`], [`momentum`] and [`adam`]:
//!   the variants that answer its objections.
//! - [`trajectory`]: repeated steps recorded in flat buffers the page reads in bulk.
//! - [`analysis`]: Hessian eigenvalues, `2/λ_max`, `η_opt = 1/E''` and the 1-D [`Regime`].
//! - [`grid`]: the landscape sampled on a grid, its colours and its contour lines.
//! - [`chart`]: `E` and `‖∇E‖` against iteration (plotters, any backend).
//! - [`export`]: every trajectory as CSV.
//! - `wasm`: the only module that knows about `wasm_bindgen` and the browser.

pub mod adam;
pub mod analysis;
// Basin maps run in the lab's workers only: left out of the page's wasm (their loops are compiled
// once per landscape, which would grow the page's first load by ~10 KB gzip).
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
pub mod basins;
pub mod catalog;
pub mod chart;
pub mod colormap;
pub mod cost;
pub mod critical;
pub mod damped_newton;
pub mod dual;
pub mod error;
pub mod escape;
pub mod export;
pub mod expr;
pub mod gradient_descent;
pub mod grid;
pub mod landscape;
pub mod levenberg_marquardt;
pub mod link;
pub mod method;
pub mod momentum;
pub mod neural;
pub mod newton;
pub mod optimal_step;
pub mod presets;
pub mod rng;
pub mod saddle_free_newton;
pub mod starts;
pub mod sweep;
pub mod trajectory;
pub mod wasm;

pub use analysis::{Analysis, CriticalKind, Regime};
pub use error::Error;
pub use landscape::{Hessian, Landscape, Point};
pub use method::{Counts, Criteria, Method, State, Status};
