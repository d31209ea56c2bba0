//! The landscape sampled for the map, read by the page through typed-array views into wasm
//! memory: the heatmap's pixels and contours (2-D), the curve (1-D), and the level curves of the
//! Taylor model at a point (the Hessian view).

use wasm_bindgen::prelude::*;

use super::Explorer;
use crate::analysis::hessian::TaylorModel;
use crate::error::Error;
use crate::picture::grid::View;
use crate::session::runs::point;
use crate::session::LandscapeRef;

#[wasm_bindgen]
impl Explorer {
    /// Samples the landscape over the session's view: a 2-D one on an `nx × ny` grid with
    /// `levels` contour lines (then read `pixelsPtr` and `contoursPtr`); a 1-D one at `nx`
    /// points of the view's `x` range (then `curvePtr`).
    pub fn sample(&mut self, nx: usize, ny: usize, levels: usize) -> Result<(), JsValue> {
        let [x0, x1, ..] = self.session.view();
        match self.session.landscape() {
            LandscapeRef::One(l) => self.curve.sample(l, x0, x1, nx)?,
            LandscapeRef::Two(l) => {
                let view = View::new(&self.session.view())?;
                self.grid.sample(l, view, nx, ny, levels.min(64))?
            }
        }
        Ok(())
    }

    /// Pointer to the RGBA pixels of the last 2-D sample (`4·nx·ny` bytes).
    #[wasm_bindgen(js_name = pixelsPtr)]
    pub fn pixels_ptr(&self) -> *const u8 {
        self.grid.pixels.as_ptr()
    }

    /// Pointer to the contour segments of the last 2-D sample: `[x0, y0, x1, y1, …]` as f32 in
    /// grid units from the top-left corner.
    #[wasm_bindgen(js_name = contoursPtr)]
    pub fn contours_ptr(&self) -> *const f32 {
        self.grid.contours.as_ptr()
    }

    /// Number of f32 in the contour buffer.
    #[wasm_bindgen(js_name = contoursLen)]
    pub fn contours_len(&self) -> usize {
        self.grid.contours.len()
    }

    /// Samples the second-order Taylor model of a 2-D landscape around `x` over `window` on an
    /// `n × n` grid and traces `levels` of its level curves (in grid units of that window).
    #[wasm_bindgen(js_name = sampleModel)]
    pub fn sample_model(&mut self, x: &[f64], window: &[f64], n: usize, levels: usize) -> Result<(), JsValue> {
        let LandscapeRef::Two(l) = self.session.landscape() else {
            return Err(Error::BadPoint.into());
        };
        let taylor = TaylorModel::at(l, point::<2>(x)?);
        self.model.sample(&taylor, View::new(window)?, n, n, levels.min(32))?;
        Ok(())
    }

    /// Pointer to the contour segments of the last Taylor-model sample.
    #[wasm_bindgen(js_name = modelContoursPtr)]
    pub fn model_contours_ptr(&self) -> *const f32 {
        self.model.contours.as_ptr()
    }

    /// Number of f32 in the Taylor-model contour buffer.
    #[wasm_bindgen(js_name = modelContoursLen)]
    pub fn model_contours_len(&self) -> usize {
        self.model.contours.len()
    }

    /// Pointer to the values of the last 1-D sample (`nx` numbers).
    #[wasm_bindgen(js_name = curvePtr)]
    pub fn curve_ptr(&self) -> *const f64 {
        self.curve.values.as_ptr()
    }

    /// `[min, max]` of the finite values of the last 1-D sample (NaN when none).
    #[wasm_bindgen(js_name = curveRange)]
    pub fn curve_range(&self) -> Vec<f64> {
        vec![self.curve.min, self.curve.max]
    }
}
