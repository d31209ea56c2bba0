//! The map, read by the page through typed-array views into wasm memory: the heatmap's pixels,
//! and the display lists of the contours, the overlay, the axes, the swatches, the charts, the
//! data panel and the basin maps' marks (see [`crate::picture::sketch`] and
//! [`Layer`](crate::session::screen::Layer)), which `www/paint.js` paints as they are.

use wasm_bindgen::prelude::*;

use super::{delegate, Explorer};
use crate::session::screen::Layer;

delegate!(Explorer {
    /// Samples the landscape over the session's view for a map of `width × height` CSS pixels:
    /// a 2-D one on an `nx × ny` grid with `levels` contour lines (then read `pixelsPtr` and
    /// the contours' list), a 1-D one at `nx` points. Forgets the critical points.
    change sample: sample(nx: usize, ny: usize, levels: usize, width: f64, height: f64) -> Result<(), JsValue> = |s| Ok(s.sample((nx, ny), levels, width, height)?);
    /// Finds the critical points in view from `seeds` seeds per side.
    change findCritical: find_critical(seeds: usize) -> Result<(), JsValue> = |s| Ok(s.find_critical(seeds)?);
    /// Pointer to the RGBA pixels of the last 2-D sample (`4·nx·ny` bytes).
    call pixelsPtr: pixels_ptr() -> *const u8 = |s| s.map.grid.pixels.as_ptr();
    /// Draws the overlay for a map `plot = [left, top, width, height]` inside a frame canvas of
    /// `canvas = [width, height]` CSS pixels, and if `axes` the axes on that canvas.
    change drawMap: draw_map(canvas: &[f64], plot: &[f64], axes: bool) -> Result<(), JsValue> = |s| Ok(s.draw_map(canvas, plot, axes)?);
    /// Pointer to the numbers of display list `which` (a code of `Layer`).
    call sketchPtr: sketch_ptr(which: u8) -> *const f64 = |s| s.sketch(Layer::from_code(which)).ops.as_ptr();
    /// How many numbers display list `which` has.
    call sketchLen: sketch_len(which: u8) -> usize = |s| s.sketch(Layer::from_code(which)).ops.len();
    /// The texts of display list `which`.
    call sketchTexts: sketch_texts(which: u8) -> Vec<String> = |s| s.sketch(Layer::from_code(which)).texts.clone();
    /// The map's frame as last drawn: `[x_min, x_max, y_min, y_max, width, height]`.
    call mapFrame: map_frame() -> Vec<f64> = |s| s.map_frame();
    /// The landscape point under the CSS pixel `(x, y)` of a `width × height` picture of the
    /// view (the map, a basin map): `[x, y]`, or `[x]` in 1-D.
    call pointAt: point_at(x: f64, y: f64, width: f64, height: f64) -> Vec<f64> = |s| s.session.point_at(x, y, width, height);
    /// Where random starts over `view` ended (`[method, x, y, …]`), drawn on the map while the
    /// view is `view`; empty: none.
    change setStartEnds: set_start_ends(view: &[f64], ends: &[f64]) = |s| s.set_start_ends(view, ends);
    /// The room `[left, top, right, bottom]` the axes need around the map, as last drawn, on a
    /// page `width` pixels wide.
    call mapMargins: map_margins(width: f64) -> Vec<f64> = |s| s.margins(width);
    /// Draws the legend swatch of method `i` on a `width × height` canvas (display list 3).
    change drawSwatch: draw_swatch(i: usize, width: f64, height: f64) = |s| s.draw_swatch(i, width, height);
    /// Draws the data panel of a neural landscape on a `width × height` canvas (list 6).
    change drawData: draw_data(width: f64, height: f64) = |s| s.draw_data(width, height);
    /// A click at `(x, y)` (CSS pixels) in the data panel of `width × height`: a point added
    /// or taken away.
    change dataClick: data_click(x: f64, y: f64, width: f64, height: f64) -> Result<(), JsValue> = |s| Ok(s.session.data_click((x, y), (width, height))?);
});
