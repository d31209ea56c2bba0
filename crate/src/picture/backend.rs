//! A plotters backend that draws on a [`Sketch`]: the lab's figures (plotters) become display
//! lists like the map and the charts, painted by the page's one painter (`www/paint.js`) and read
//! back natively by the tests (their labels, with estimated boxes).
//!
//! plotters draws on an integer grid of `scale` times the CSS size (the device pixels, so lines
//! sit where they would on a canvas); the sketch stores CSS pixels.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};

use super::sketch::{text_width, Align, Rgba, Sketch, NONE};

/// Draws on `sketch` for a figure of `width × height` CSS pixels at `scale` device pixels each.
pub struct SketchBackend<'a> {
    sketch: &'a mut Sketch,
    size: (u32, u32),
    scale: f64,
}

impl<'a> SketchBackend<'a> {
    /// A backend over `sketch` (which it appends to); `scale` is clamped to `[0.5, 4]`.
    pub fn new(sketch: &'a mut Sketch, width: f64, height: f64, scale: f64) -> Self {
        let scale = if scale.is_finite() { scale.clamp(0.5, 4.0) } else { 1.0 };
        let px = |v: f64| (v.clamp(1.0, 8000.0) * scale).round() as u32;
        SketchBackend {
            sketch,
            size: (px(width), px(height)),
            scale,
        }
    }

    fn at(&self, (x, y): BackendCoord) -> [f64; 2] {
        [f64::from(x) / self.scale, f64::from(y) / self.scale]
    }

    fn points<I: IntoIterator<Item = BackendCoord>>(&self, points: I) -> Vec<f64> {
        points.into_iter().flat_map(|p| self.at(p)).collect()
    }

    fn width<S: BackendStyle>(&self, style: &S) -> f64 {
        f64::from(style.stroke_width().max(1)) / self.scale
    }
}

fn rgba(c: BackendColor) -> Rgba {
    let (r, g, b) = c.rgb;
    super::sketch::rgba(u32::from(r) << 16 | u32::from(g) << 8 | u32::from(b), c.alpha)
}

/// Drawing on a display list cannot fail.
#[derive(Debug)]
pub enum Never {}

impl std::fmt::Display for Never {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {}
    }
}

impl std::error::Error for Never {}

type Drawn = Result<(), DrawingErrorKind<Never>>;

impl DrawingBackend for SketchBackend<'_> {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }
    fn present(&mut self) -> Drawn {
        Ok(())
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        let [x, y] = self.at(point);
        let d = 1.0 / self.scale;
        let square = [x, y, x + d, y, x + d, y + d, x, y + d];
        self.sketch.path(&square, true, rgba(color), NONE, 0.0, &[]);
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Drawn {
        let ([x0, y0], [x1, y1]) = (self.at(from), self.at(to));
        let width = self.width(style);
        self.sketch.line([x0, y0, x1, y1], rgba(style.color()), width, &[]);
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(&mut self, ul: BackendCoord, br: BackendCoord, style: &S, fill: bool) -> Drawn {
        let ([x0, y0], [x1, y1]) = (self.at(ul), self.at(br));
        let corners = [x0, y0, x1, y0, x1, y1, x0, y1];
        let (colour, width) = (rgba(style.color()), self.width(style));
        if fill {
            // (A pixel wider each way, as a canvas fills the pixels from `ul` to `br` inclusive.)
            let d = 1.0 / self.scale;
            let corners = [x0, y0, x1 + d, y0, x1 + d, y1 + d, x0, y1 + d];
            self.sketch.path(&corners, true, colour, NONE, 0.0, &[]);
        } else {
            self.sketch.path(&corners, true, NONE, colour, width, &[]);
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawn {
        let points = self.points(path);
        let width = self.width(style);
        self.sketch.path(&points, false, NONE, rgba(style.color()), width, &[]);
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Drawn {
        let [x, y] = self.at(center);
        let (r, colour) = (f64::from(radius) / self.scale, rgba(style.color()));
        let width = self.width(style);
        let (fill, stroke) = if fill { (colour, NONE) } else { (NONE, colour) };
        self.sketch.disc(x, y, r, 0.0, fill, stroke, width);
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Drawn {
        let points = self.points(vert);
        self.sketch.path(&points, true, rgba(style.color()), NONE, 0.0, &[]);
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Drawn {
        let [x, y] = self.at(pos);
        let anchor = style.anchor();
        let align = match anchor.h_pos {
            HPos::Left => Align::Start,
            HPos::Center => Align::Middle,
            HPos::Right => Align::End,
        };
        // (A bottom anchor is taken as the baseline: no label here has descenders below it.)
        let baseline = match anchor.v_pos {
            VPos::Top => Align::Start,
            VPos::Center => Align::Middle,
            VPos::Bottom => Align::End,
        };
        let size = style.size() / self.scale;
        self.sketch
            .text(text, x, y, size, align, baseline, rgba(style.color()), NONE);
        Ok(())
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Never>> {
        let size = style.size();
        Ok((text_width(text, size).ceil() as u32, size.ceil() as u32))
    }
}

#[cfg(test)]
mod tests {
    use plotters::prelude::*;

    use super::*;
    use crate::picture::sketch::op;

    #[test]
    fn plotters_draws_lines_boxes_and_labels_in_css_pixels() {
        let mut sketch = Sketch::default();
        {
            let root = SketchBackend::new(&mut sketch, 200.0, 100.0, 2.0).into_drawing_area();
            assert_eq!(root.dim_in_pixel(), (400, 200), "device pixels");
            root.fill(&WHITE).expect("drawn");
            root.draw(&PathElement::new(vec![(0, 0), (400, 200)], RED))
                .expect("drawn");
            root.draw(&Text::new("10⁻³", (100, 50), ("sans-serif", 22.0).into_font()))
                .expect("drawn");
            root.present().expect("presented");
        }
        assert_eq!(sketch.ops[0], op::PATH, "the background");
        assert_eq!(sketch.texts, ["10⁻³"]);
        let label = &sketch.labels[0];
        assert_eq!((label.bounds[0], label.bounds[1]), (50.0, 25.0), "at CSS pixels");
        assert!((label.bounds[3] - label.bounds[1] - 11.0).abs() < 1e-9, "11 px type");
        // The line ends at the figure's far corner, in CSS pixels.
        let ops = &sketch.ops;
        assert!(ops.windows(4).any(|w| w == [0.0, 0.0, 200.0, 100.0]), "{ops:?}");
    }
}
