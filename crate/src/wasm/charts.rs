//! The convergence charts (`E` and `‖∇E‖` against iteration), drawn by the core as display
//! lists that the page paints (`sketchPtr(4)`, `sketchPtr(5)`) or as one SVG document, and the
//! CSV export of every run.

use wasm_bindgen::prelude::*;

use super::Explorer;
use crate::picture::svg;

#[wasm_bindgen]
impl Explorer {
    /// Sets the charts' legend labels, in method order (each method's colour, dashes and
    /// markers are the core's, as on the map).
    #[wasm_bindgen(js_name = setChartLabels)]
    pub fn set_chart_labels(&mut self, labels: Vec<String>) {
        self.labels = labels;
    }

    /// Draws the chart of `E` (`quantity == "value"`: on a log axis when every value is
    /// positive, a symmetric log axis for values far below zero) or of `‖∇E‖` (`"grad"`, log
    /// axis) against iteration for a canvas of `width × height` CSS pixels, as display list 4
    /// (`E`) or 5 (`‖∇E‖`).
    #[wasm_bindgen(js_name = drawChart)]
    pub fn draw_chart(&mut self, quantity: &str, caption: &str, width: f64, height: f64) -> Result<(), JsValue> {
        let grad = match quantity {
            "value" => false,
            "grad" => true,
            other => return Err(JsError::new(&format!("unknown chart quantity “{other}”")).into()),
        };
        let out = &mut self.charts[usize::from(grad)];
        out.clear();
        self.session
            .chart(out, grad, (0.0, 0.0), (width, height), caption, &self.labels);
        Ok(())
    }

    /// Both charts (`E` above `‖∇E‖`) as one SVG document of `width × height` pixels, with the
    /// captions given.
    #[wasm_bindgen(js_name = chartsSvg)]
    pub fn charts_svg(&mut self, width: f64, height: f64, caption_value: &str, caption_grad: &str) -> String {
        let (w, h) = (width.clamp(200.0, 4000.0), height.clamp(200.0, 4000.0));
        let out = &mut self.charts[2];
        out.clear();
        self.session
            .chart(out, false, (0.0, 0.0), (w, h / 2.0), caption_value, &self.labels);
        self.session
            .chart(out, true, (0.0, h / 2.0), (w, h / 2.0), caption_grad, &self.labels);
        svg::to_svg(out, w, h)
    }

    /// Every run as CSV (`method,iteration,x,y,E,grad_norm`), numbers that parse back exactly,
    /// after `#` lines with the landscape, the hyperparameters and the link from the page at
    /// `base`.
    #[wasm_bindgen(js_name = trajectoriesCsv)]
    pub fn trajectories_csv(&self, base: &str) -> String {
        self.session.csv(base)
    }
}
