//! Descenso's core: loss landscapes, optimizer steps and the figures the page shows.
//!
//! The core is pure Rust with no browser types (see `ARCHITECTURE.md`). Its folders are the
//! concepts of the lecture it teaches, each depending only on those listed before it:
//!
//! - [`error`], [`numbers`], [`rng`]: the foundations (one error type, number conversions, the
//!   seeded generator).
//! - [`landscape`]: a loss `E` with its exact gradient and Hessian ([`Landscape`]), the presets,
//!   typed functions and neural losses.
//! - [`method`]: one optimizer step from a [`State`] ([`Method`], [`Status`]), one file per method.
//! - [`analysis`]: Hessian eigenvalues, `2/λ_max`, `η_opt = 1/E''`, the 1-D [`Regime`], critical
//!   points.
//! - [`picture`]: the landscape sampled on a grid, its colours and contours; the charts and the
//!   lab's figures.
//! - [`explore`]: the lab's explorations (basins, random starts, η sweep, saddle escape, cost).
//! - [`share`]: share links and the CSV export.
//! - [`session`]: the one owner of the page's state: the configuration, the runs, and what the
//!   page shows, as typed values.
//! - `wasm`: the only module that knows about `wasm_bindgen` and the browser.

pub mod analysis;
pub mod error;
pub mod explore;
pub mod landscape;
pub mod method;
// (A network over all its weights is the lab's: the page's wasm leaves it out.)
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
pub mod network;
pub mod numbers;
pub mod order;
pub mod picture;
pub mod rng;
pub mod session;
pub mod share;
pub mod wasm;

pub use analysis::hessian::{Analysis, CriticalKind, Regime};
pub use error::Error;
pub use landscape::{Hessian, Landscape, Point};
pub use method::{Counts, Criteria, Method, State, Status};
