//! The convergence charts (`E` and `‖∇E‖` against iteration), drawn by the core as display
//! lists that the page paints (`sketchPtr(4)`, `sketchPtr(5)`) or as one SVG document, and the
//! CSV export of every run. The exports are the lab's (loaded when a person exports: they weigh
//! 6 KB gzip that the page's first load does without); the lab's session, given the page's
//! link, has the same runs number for number.

use wasm_bindgen::prelude::*;

use super::{delegate, Explorer, JsWords};

delegate!(Explorer {
    /// Draws the chart of `‖∇E‖` (`grad`, log axis) or of `E` (on a log axis when every value
    /// is positive, a symmetric log axis for values far below zero) against iteration for a
    /// canvas of `width × height` CSS pixels, as display list 5 (`‖∇E‖`) or 4 (`E`); the
    /// legend's labels in the page's words (`say`, `number`: see `JsWords`).
    change drawChart: draw_chart(grad: bool, caption: &str, width: f64, height: f64, say: &js_sys::Function, number: &js_sys::Function) = |s| s.draw_chart(grad, caption, width, height, &JsWords(say, number));
    /// Both charts (`E` above `‖∇E‖`) as one SVG document of `width × height` pixels, with the
    /// captions given.
    #[cfg(feature = "lab")]
    change chartsSvg: charts_svg(width: f64, height: f64, value: &str, grad: &str, say: &js_sys::Function, number: &js_sys::Function) -> String = |s| s.charts_svg(width, height, [value, grad], &JsWords(say, number));
    /// The exported map's caption (its title and the legend of the runs on) for a drawing
    /// `width` CSS pixels wide, as display list 8, in the page's words; its height.
    #[cfg(feature = "lab")]
    change drawCaption: draw_caption(width: f64, say: &js_sys::Function, number: &js_sys::Function) -> f64 = |s| s.draw_caption(width, &JsWords(say, number));
    /// Every run as CSV (`method,iteration,x,y,E,grad_norm`), numbers that parse back exactly,
    /// after `#` lines with the landscape, the hyperparameters and the link from the page at
    /// `base`.
    #[cfg(feature = "lab")]
    call trajectoriesCsv: trajectories_csv(base: &str) -> String = |s| s.session.csv(base);
});
