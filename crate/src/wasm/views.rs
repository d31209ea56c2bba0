//! The map, read by the page through typed-array views into wasm memory: the heatmap's pixels,
//! and the display lists of the contours, the overlay and the axes (see
//! [`crate::picture::sketch`]), which `www/paint.js` paints as they are.

use wasm_bindgen::prelude::*;

use super::Explorer;
use crate::picture::map::{self, PlotBox};
use crate::picture::sketch::Sketch;
use crate::picture::style::{method_style, METHOD_STYLES};

/// Which display list: 0 contours, 1 overlay, 2 axes, 3 the last swatch, 4 the chart of `E`,
/// 5 the chart of `‖∇E‖`, 6 the data panel, 7 the basin maps' marks.
fn sketch(e: &Explorer, which: u8) -> &Sketch {
    match which {
        0 => &e.map.contours,
        1 => &e.map.overlay,
        2 => &e.map.axes,
        3 => &e.map.swatch,
        4 => &e.charts[0],
        5 => &e.charts[1],
        6 => &e.data,
        _ => &e.marks,
    }
}

#[wasm_bindgen]
impl Explorer {
    /// Samples the landscape over the session's view for a map of `width × height` CSS pixels:
    /// a 2-D one on an `nx × ny` grid with `levels` contour lines (then read `pixelsPtr` and
    /// the contours' list), a 1-D one at `nx` points. Forgets the critical points.
    pub fn sample(&mut self, nx: usize, ny: usize, levels: usize, width: f64, height: f64) -> Result<(), JsValue> {
        Ok(self.map.sample(&self.session, nx, ny, levels, width, height)?)
    }

    /// Finds the critical points in view from `seeds` seeds per side.
    #[wasm_bindgen(js_name = findCritical)]
    pub fn find_critical(&mut self, seeds: usize) -> Result<(), JsValue> {
        Ok(self.map.find_critical(&self.session, seeds)?)
    }

    /// Pointer to the RGBA pixels of the last 2-D sample (`4·nx·ny` bytes).
    #[wasm_bindgen(js_name = pixelsPtr)]
    pub fn pixels_ptr(&self) -> *const u8 {
        self.map.grid.pixels.as_ptr()
    }

    /// Draws the overlay for a map `plot = [left, top, width, height]` inside a frame canvas of
    /// `canvas = [width, height]` CSS pixels, and if `axes` the axes on that canvas.
    #[wasm_bindgen(js_name = drawMap)]
    pub fn draw_map(&mut self, canvas: &[f64], plot: &[f64], axes: bool) -> Result<(), JsValue> {
        let (&[cw, ch], &[left, top, width, height]) = (canvas, plot) else {
            return Err(JsError::new("drawMap takes [width, height] and [left, top, width, height]").into());
        };
        self.map.draw(
            &self.session,
            (cw, ch),
            PlotBox {
                left,
                top,
                width,
                height,
            },
            axes,
        )?;
        Ok(())
    }

    /// Pointer to the numbers of display list `which` (see `sketch`).
    #[wasm_bindgen(js_name = sketchPtr)]
    pub fn sketch_ptr(&self, which: u8) -> *const f64 {
        sketch(self, which).ops.as_ptr()
    }

    /// How many numbers display list `which` has.
    #[wasm_bindgen(js_name = sketchLen)]
    pub fn sketch_len(&self, which: u8) -> usize {
        sketch(self, which).ops.len()
    }

    /// The texts of display list `which`.
    #[wasm_bindgen(js_name = sketchTexts)]
    pub fn sketch_texts(&self, which: u8) -> Vec<String> {
        sketch(self, which).texts.clone()
    }

    /// The map's frame as last drawn: `[x_min, x_max, y_min, y_max, width, height]` (in 1-D
    /// the `y` range is that of `E`); empty before the first drawing.
    #[wasm_bindgen(js_name = mapFrame)]
    pub fn map_frame(&self) -> Vec<f64> {
        self.map.frame.map_or_else(Vec::new, |f| {
            let [a, b, c, d] = f.view;
            vec![a, b, c, d, f.width, f.height]
        })
    }

    /// The landscape point under the CSS pixel `(x, y)` of a `width × height` picture of the
    /// view (the map, a basin map): `[x, y]`, or `[x]` in 1-D.
    #[wasm_bindgen(js_name = pointAt)]
    pub fn point_at(&self, x: f64, y: f64, width: f64, height: f64) -> Vec<f64> {
        self.session.point_at(x, y, width, height)
    }

    /// Where random starts over `view` ended (`[method, x, y, …]`), drawn on the map while the
    /// view is `view`; empty: none.
    #[wasm_bindgen(js_name = setStartEnds)]
    pub fn set_start_ends(&mut self, view: &[f64], ends: &[f64]) {
        let view = <[f64; 4]>::try_from(view).unwrap_or([f64::NAN; 4]);
        self.map.set_ends(view, ends);
    }

    /// The room `[left, top, right, bottom]` the axes need around the map, as last drawn, on a
    /// page `width` pixels wide (none on a narrow page: the axes are then inside the map).
    #[wasm_bindgen(js_name = mapMargins)]
    pub fn map_margins(&self, width: f64) -> Vec<f64> {
        let Some(frame) = self.map.frame else {
            return Vec::new();
        };
        let scale = if self.session.dim() == 2 {
            self.map.grid.scale.as_ref()
        } else {
            None
        };
        map::margins(&frame, scale, width).to_vec()
    }

    /// Draws the legend swatch of method `i` on a `width × height` canvas (display list 3).
    #[wasm_bindgen(js_name = drawSwatch)]
    pub fn draw_swatch(&mut self, i: usize, width: f64, height: f64) {
        map::draw_swatch(&mut self.map.swatch, method_style(i), width, height);
    }

    /// Draws the data panel of a neural landscape on a `width × height` canvas (display list 6).
    #[wasm_bindgen(js_name = drawData)]
    pub fn draw_data(&mut self, width: f64, height: f64) {
        self.session.draw_data(&mut self.data, (width, height));
    }

    /// A click at `(x, y)` (CSS pixels) in the data panel of `width × height`: a point added or
    /// taken away.
    #[wasm_bindgen(js_name = dataClick)]
    pub fn data_click(&mut self, x: f64, y: f64, width: f64, height: f64) -> Result<(), JsValue> {
        Ok(self.session.data_click((x, y), (width, height))?)
    }

    /// Each method's colour as `#rrggbb`, in method order.
    #[wasm_bindgen(js_name = methodColours)]
    pub fn method_colours() -> Vec<String> {
        METHOD_STYLES.iter().map(|s| format!("#{:06x}", s.rgb)).collect()
    }

    /// The colour scale the last 2-D sample used (what `auto` chose), or empty.
    #[wasm_bindgen(js_name = colourScaleUsed)]
    pub fn colour_scale_used(&self) -> String {
        self.map.grid.scale.as_ref().map_or("", |s| s.kind().name()).to_owned()
    }

    /// `[all, one count per kind of kindNames, 1 if E is constant in view (else 0)]`: the
    /// critical points in view.
    #[wasm_bindgen(js_name = criticalCounts)]
    pub fn critical_counts(&self) -> Vec<usize> {
        let counts = self.map.critical_counts();
        let flat = usize::from(self.map.flat());
        std::iter::once(counts.iter().sum())
            .chain(counts)
            .chain([flat])
            .collect()
    }
}
