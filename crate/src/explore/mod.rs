//! The lab's explorations, built on landscapes and methods: basins of attraction ([`basins`]),
//! random starts ([`starts`]), the learning-rate sweep ([`sweep`]), saddle escape ([`escape`]),
//! what Newton costs against `N` ([`cost`]), momentum analysed on a quadratic ([`momentum`]) and
//! a real network trained on all its weights by every method ([`network`], lab and native).

// Basin maps run in the lab's workers only: left out of the page's wasm (their loops are compiled
// once per landscape, which would grow the page's first load by ~10 KB gzip).
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
pub mod basins;
pub mod cost;
pub mod escape;
pub mod momentum;
// (A network over all its weights is the lab's, as [`crate::network`].)
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
pub mod network;
pub mod starts;
pub mod sweep;
