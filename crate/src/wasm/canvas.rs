//! The plotters backend of the lab's figures, with text measured by a canvas's 2-D context.
//!
//! plotters-canvas draws well, but plotters measures text in the browser by inserting a styled
//! `<span>` into the page: that forces a layout per label and breaks a `style-src 'self'`
//! Content-Security-Policy. [`Measured`] answers every text-size question with the 2-D
//! context's `measureText` and delegates all drawing to a [`CanvasBackend`].

use plotters::prelude::DrawingBackend;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A chart backend with text measured by a canvas (see the module docs).
pub struct Measured {
    target: CanvasBackend,
    context: CanvasRenderingContext2d,
}

fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

impl Measured {
    /// Draws on `canvas`; `None` if it has no 2-D context.
    pub fn canvas(canvas: HtmlCanvasElement) -> Option<Self> {
        let context = context_2d(&canvas)?;
        let target = CanvasBackend::with_canvas_object(canvas)?;
        Some(Measured { target, context })
    }
}

/// A drawing error of the canvas, as text.
#[derive(Debug)]
pub struct ChartError(String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ChartError {}

type Result<T = ()> = std::result::Result<T, DrawingErrorKind<ChartError>>;

fn lift<T, E: std::error::Error + Send + Sync>(r: std::result::Result<T, DrawingErrorKind<E>>) -> Result<T> {
    r.map_err(|e| match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(ChartError(e.to_string())),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    })
}

/// Calls the same method on the canvas backend.
macro_rules! on_target {
    ($self:ident, $b:ident => $call:expr) => {{
        let $b = &mut $self.target;
        lift($call)
    }};
}

impl DrawingBackend for Measured {
    type ErrorType = ChartError;

    fn get_size(&self) -> (u32, u32) {
        self.target.get_size()
    }
    fn ensure_prepared(&mut self) -> Result {
        on_target!(self, b => b.ensure_prepared())
    }
    fn present(&mut self) -> Result {
        on_target!(self, b => b.present())
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        on_target!(self, b => b.draw_pixel(point, color))
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result {
        on_target!(self, b => b.draw_line(from, to, style))
    }
    fn draw_rect<S: BackendStyle>(&mut self, ul: BackendCoord, br: BackendCoord, style: &S, fill: bool) -> Result {
        on_target!(self, b => b.draw_rect(ul, br, style, fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result {
        on_target!(self, b => b.draw_path(path, style))
    }
    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result {
        on_target!(self, b => b.draw_circle(center, radius, style, fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result {
        on_target!(self, b => b.fill_polygon(vert, style))
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result {
        on_target!(self, b => b.draw_text(text, style, pos))
    }
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32)> {
        // The same font string plotters-canvas draws with.
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        ));
        let metrics = self
            .context
            .measure_text(text)
            .map_err(|_| DrawingErrorKind::DrawingError(ChartError("the canvas could not measure text".into())))?;
        Ok((
            metrics.width().ceil().max(0.0) as u32,
            style.size().ceil().max(0.0) as u32,
        ))
    }
}
