//! The lab's explorations, built on landscapes and methods: basins of attraction ([`basins`]),
//! random starts ([`starts`]), the learning-rate sweep ([`sweep`]), saddle escape ([`escape`]),
//! what Newton costs against `N` ([`cost`]) and momentum analysed on a quadratic ([`momentum`]).

// Basin maps run in the lab's workers only: left out of the page's wasm (their loops are compiled
// once per landscape, which would grow the page's first load by ~10 KB gzip).
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
pub mod basins;
pub mod cost;
pub mod escape;
pub mod momentum;
pub mod starts;
pub mod sweep;
