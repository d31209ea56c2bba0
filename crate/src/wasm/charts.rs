//! The convergence charts (`E` and `‖∇E‖` against iteration), drawn by the core's chart code on
//! the page's canvas or as SVG, and the CSV export of every run.

use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::canvas::Measured;
use super::Explorer;
use crate::picture::chart;
use crate::session::runs::ChartStyle;

#[wasm_bindgen]
impl Explorer {
    /// Sets how charts show each method, in method order: legend `labels`, `colours`
    /// (`0xRRGGBB`) and `dashed` flags (non-zero for a dashed line).
    #[wasm_bindgen(js_name = setChartStyle)]
    pub fn set_chart_style(&mut self, labels: Vec<String>, colours: &[u32], dashed: &[u8]) {
        self.chart_style = (0..labels.len().max(colours.len()))
            .map(|i| ChartStyle {
                label: labels.get(i).cloned().unwrap_or_default(),
                rgb: colours.get(i).copied().unwrap_or(0),
                dashed: dashed.get(i).is_some_and(|&d| d != 0),
            })
            .collect();
    }

    /// Draws on `canvas` the chart of `E` (`quantity == "value"`, on a log axis when every value
    /// is positive) or of `‖∇E‖` (`"grad"`, log axis) against iteration, one line per method in
    /// the style set by `setChartStyle`. `scale` is the device-pixel ratio the canvas was sized
    /// with.
    #[wasm_bindgen(js_name = drawChart)]
    pub fn draw_chart(
        &self,
        canvas: HtmlCanvasElement,
        quantity: &str,
        caption: &str,
        scale: f64,
    ) -> Result<(), JsValue> {
        let grad = match quantity {
            "value" => false,
            "grad" => true,
            other => return Err(JsError::new(&format!("unknown chart quantity “{other}”")).into()),
        };
        let backend = Measured::canvas(canvas).ok_or_else(|| JsError::new("no 2-D canvas context"))?;
        let root = backend.into_drawing_area();
        let scale = if scale.is_finite() { scale.clamp(0.5, 4.0) } else { 1.0 };
        let series = self.session.series(grad, &self.chart_style);
        let log = grad || chart::log_fits(&series);
        chart::draw(&root, caption, &series, log, scale).map_err(|e| JsError::new(&e.to_string()))?;
        root.present().map_err(|e| JsError::new(&e.to_string()))?;
        Ok(())
    }

    /// Both charts (`E` above `‖∇E‖`) as one SVG document of `width × height` pixels, with the
    /// captions given; text is measured on `measure` (a canvas that is not drawn on).
    #[wasm_bindgen(js_name = chartsSvg)]
    pub fn charts_svg(
        &self,
        measure: &HtmlCanvasElement,
        width: u32,
        height: u32,
        caption_value: &str,
        caption_grad: &str,
    ) -> Result<String, JsValue> {
        let (width, height) = (width.clamp(200, 4000), height.clamp(200, 4000));
        let mut svg = String::new();
        {
            let backend = Measured::svg(&mut svg, (width, height), measure)
                .ok_or_else(|| JsError::new("no 2-D canvas context"))?;
            let root = backend.into_drawing_area();
            let (top, bottom) = root.split_vertically(height / 2);
            let failed = |e: plotters::drawing::DrawingAreaErrorKind<_>| JsError::new(&e.to_string());
            let series = self.session.series(false, &self.chart_style);
            let log = chart::log_fits(&series);
            chart::draw(&top, caption_value, &series, log, 1.0).map_err(failed)?;
            let series = self.session.series(true, &self.chart_style);
            chart::draw(&bottom, caption_grad, &series, true, 1.0).map_err(failed)?;
            root.present().map_err(failed)?;
        }
        Ok(svg)
    }

    /// Every run's iterates as CSV (`method,iteration,x,y,E,grad_norm`).
    #[wasm_bindgen(js_name = trajectoriesCsv)]
    pub fn trajectories_csv(&self) -> String {
        self.session.csv()
    }
}
