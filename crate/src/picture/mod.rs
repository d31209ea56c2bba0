//! What the page draws, computed: colour maps ([`colormap`]), the landscape sampled on a grid
//! with its contours ([`grid`]), the convergence charts ([`chart`]) and the lab's figures
//! ([`figure`]), plotters on any backend.

pub mod chart;
pub mod colormap;
pub mod figure;
pub mod grid;
