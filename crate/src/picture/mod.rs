//! What the page draws, computed: colour maps ([`colormap`]), the landscape sampled on a grid
//! with its contours ([`grid`]) and the convergence charts ([`chart`], plotters on any backend).

pub mod chart;
pub mod colormap;
pub mod figure;
pub mod grid;
