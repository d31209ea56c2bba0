//! What the page draws, computed: colour maps ([`colormap`]), the landscape sampled on a grid
//! with its contours ([`grid`]), the map as a plot ([`map`]) and the convergence charts
//! ([`chart`]) as display lists ([`sketch`]) in each method's style ([`style`]) with round ticks
//! ([`ticks`]), written as SVG ([`svg`]); and the lab's figures ([`figure`]), plotters on any backend,
//! a display list among them ([`backend`]); the data panel of the neural landscapes ([`data`]);
//! durations and sizes in the unit that reads best ([`units`]); the basin maps' colours
//! ([`basin_colours`]).

pub mod backend;
pub mod basin_colours;
pub mod chart;
pub mod colormap;
pub mod data;
pub mod figure;
pub mod grid;
pub mod map;
#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
pub mod mesh;
pub mod sketch;
pub mod style;
pub mod svg;
pub mod ticks;
pub mod units;
