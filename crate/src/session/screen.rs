//! [`Screen`]: a session with what the page draws of it, kept between frames: the map (its
//! samples and display lists), the convergence charts, the data panel and the basin maps' marks.
//! The boundary's `Explorer` is one of these; each of its calls delegates to one method here.

use crate::error::{Error, Why};
use crate::numbers::Numbers;
use crate::picture::chart;
use crate::picture::map::{self, PlotBox};
use crate::picture::sketch::{Align, Sketch};
use crate::picture::svg;
use crate::session::map::MapState;
use crate::session::words::Words;
use crate::session::Session;

/// The display lists the page paints, by their code on the wire (`sketchPtr(code)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// The contour lines over the heatmap (2-D).
    Contours,
    /// Trajectories, markers, the start, the Hessian's picture, the 1-D curve.
    Overlay,
    /// Axes, tick labels and the colour bar, around the map.
    Axes,
    /// The last legend swatch drawn.
    Swatch,
    /// The chart of `E`.
    ChartValue,
    /// The chart of `‖∇E‖`.
    ChartGrad,
    /// The data panel of a neural landscape.
    Data,
    /// What the basin maps mark (critical points, the start).
    BasinMarks,
    /// The last exported drawing's (the charts' SVG, the map's caption in its PNG).
    Export,
}

impl Layer {
    /// Every layer, in the order of its code.
    pub const ALL: [Layer; 9] = [
        Layer::Contours,
        Layer::Overlay,
        Layer::Axes,
        Layer::Swatch,
        Layer::ChartValue,
        Layer::ChartGrad,
        Layer::Data,
        Layer::BasinMarks,
        Layer::Export,
    ];

    /// The layer of wire code `code` (the basin marks for any code past the table's end).
    pub fn from_code(code: u8) -> Layer {
        Layer::ALL.get(usize::from(code)).copied().unwrap_or(Layer::BasinMarks)
    }
}

/// A session and what the page draws of it.
pub struct Screen {
    /// The page's state and runs.
    pub session: Session,
    /// The map: its samples and display lists.
    pub map: MapState,
    /// The charts as last drawn: `E`, `‖∇E‖`, and both for the SVG export.
    charts: [Sketch; 3],
    /// The data panel as last drawn.
    data: Sketch,
    /// The basin maps' marks as last drawn.
    marks: Sketch,
    /// The 3-D view's surface as last built (the lab's).
    #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
    pub surface: crate::session::surface::Surface,
}

impl Screen {
    /// A session on preset `id` with its defaults, nothing drawn yet.
    pub fn new(id: &str, numbers: &'static dyn Numbers) -> Result<Screen, Error> {
        Ok(Screen {
            session: Session::new(id, numbers)?,
            map: MapState::default(),
            charts: Default::default(),
            data: Sketch::default(),
            marks: Sketch::default(),
            #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
            surface: Default::default(),
        })
    }

    /// The display list of `layer` as last drawn.
    pub fn sketch(&self, layer: Layer) -> &Sketch {
        match layer {
            Layer::Contours => &self.map.contours,
            Layer::Overlay => &self.map.overlay,
            Layer::Axes => &self.map.axes,
            Layer::Swatch => &self.map.swatch,
            Layer::ChartValue => &self.charts[0],
            Layer::ChartGrad => &self.charts[1],
            Layer::Data => &self.data,
            Layer::BasinMarks => &self.marks,
            Layer::Export => &self.charts[2],
        }
    }

    /// Samples the landscape for a map of `width × height` CSS pixels (see [`MapState::sample`]).
    pub fn sample(&mut self, grid: (usize, usize), levels: usize, width: f64, height: f64) -> Result<(), Error> {
        self.map.sample(&self.session, grid.0, grid.1, levels, width, height)
    }

    /// Finds the critical points in view from `seeds` seeds per side.
    pub fn find_critical(&mut self, seeds: usize) -> Result<(), Error> {
        self.map.find_critical(&self.session, seeds)
    }

    /// Draws the overlay for a map `plot = [left, top, width, height]` inside a frame canvas of
    /// `canvas = [width, height]` CSS pixels, and if `axes` the axes on that canvas.
    pub fn draw_map(&mut self, canvas: &[f64], plot: &[f64], axes: bool) -> Result<(), Error> {
        let (&[cw, ch], &[left, top, width, height]) = (canvas, plot) else {
            return Err(Error::OutOfRange(Why::Layout));
        };
        let plot = PlotBox {
            left,
            top,
            width,
            height,
        };
        self.map.draw(&self.session, (cw, ch), plot, axes)
    }

    /// The map's frame as last drawn: `[x_min, x_max, y_min, y_max, width, height]` (in 1-D the
    /// `y` range is that of `E`); empty before the first drawing.
    pub fn map_frame(&self) -> Vec<f64> {
        self.map.frame.map_or_else(Vec::new, |f| {
            let [a, b, c, d] = f.view;
            vec![a, b, c, d, f.width, f.height]
        })
    }

    /// The room `[left, top, right, bottom]` the axes need around the map as last drawn, on a
    /// page `width` pixels wide (none on a narrow page: the axes are then inside the map); empty
    /// before the first drawing.
    pub fn margins(&self, width: f64) -> Vec<f64> {
        let scale = self.map.grid.scale.as_ref().filter(|_| self.session.dim() == 2);
        self.map
            .frame
            .map_or_else(Vec::new, |frame| map::margins(&frame, scale, width).to_vec())
    }

    /// The colour scale the last 2-D sample used (what `auto` chose), or empty.
    pub fn colour_scale_used(&self) -> &'static str {
        self.map.grid.scale.as_ref().map_or("", |s| s.kind().name())
    }

    /// `[all, one count per kind of `CriticalKind::ALL`, 1 if E is constant in view (else 0)]`:
    /// the critical points in view.
    pub fn critical_counts(&self) -> Vec<usize> {
        let counts = self.map.critical_counts();
        let all = counts.iter().sum();
        std::iter::once(all)
            .chain(counts)
            .chain([usize::from(self.map.flat())])
            .collect()
    }

    /// Where random starts over `view` ended (`[method, x, y, …]`), drawn on the map while the
    /// view is `view` (not four numbers: never); empty: none.
    pub fn set_start_ends(&mut self, view: &[f64], ends: &[f64]) {
        let view = <[f64; 4]>::try_from(view).unwrap_or([f64::NAN; 4]);
        self.map.set_ends(view, ends);
    }

    /// Draws the legend swatch of run `i` (a method's, or past them a run of its own) on a
    /// `width × height` canvas.
    pub fn draw_swatch(&mut self, i: usize, width: f64, height: f64) {
        map::draw_swatch(&mut self.map.swatch, &self.session.run_style(i), width, height);
    }

    /// Draws the data panel of a neural landscape on a `width × height` canvas.
    pub fn draw_data(&mut self, width: f64, height: f64) {
        self.session.draw_data(&mut self.data, (width, height));
    }

    /// Draws what the basin maps mark on a `width × height` picture of the view.
    pub fn draw_basin_marks(&mut self, width: f64, height: f64) {
        self.map.draw_basin_marks(&self.session, &mut self.marks, width, height);
    }

    /// Draws the chart of `‖∇E‖` (`grad`) or of `E` against iteration for a canvas of `width ×
    /// height` CSS pixels, titled `caption`, its legend the runs' labels (`run_labels`).
    pub fn draw_chart(&mut self, grad: bool, caption: &str, width: f64, height: f64, w: &dyn Words) {
        let labels = self.run_labels(w);
        let out = &mut self.charts[usize::from(grad)];
        out.clear();
        self.session
            .chart(out, grad, (0.0, 0.0), (width, height), caption, &labels);
    }

    /// The exported map's caption for a drawing `width` pixels wide (its title, then the legend
    /// of the runs on: each method's line, dashes and marker, as on the map), on the export
    /// layer; its height.
    pub fn draw_caption(&mut self, width: f64, words: &dyn Words) -> f64 {
        let width = if width.is_finite() {
            width.clamp(200.0, 8000.0)
        } else {
            200.0
        };
        let labels = self.run_labels(words);
        let title = self.export_title(words);
        let out = &mut self.charts[2];
        out.clear();
        out.text(&title, 12.0, 10.0, 15.0, Align::Start, Align::Start, 0x1d1d1fff, 0);
        let series = self.session.series(false, &labels);
        let height = chart::legend(out, (12.0, 36.0), width - 24.0, &series);
        if self.session.decimal_comma() {
            out.decimal_comma();
        }
        36.0 + height + 6.0
    }

    /// Both charts (`E` above `‖∇E‖`) as one SVG document of `width × height` pixels (each
    /// within 200–4000), with the captions given.
    pub fn charts_svg(&mut self, width: f64, height: f64, captions: [&str; 2], words: &dyn Words) -> String {
        let labels = self.run_labels(words);
        let clamp = |v: f64| if v.is_finite() { v.clamp(200.0, 4000.0) } else { 200.0 };
        let (w, h) = (clamp(width), clamp(height));
        let out = &mut self.charts[2];
        out.clear();
        for (grad, caption) in [false, true].into_iter().zip(captions) {
            let top = if grad { h / 2.0 } else { 0.0 };
            self.session
                .chart(out, grad, (0.0, top), (w, h / 2.0), caption, &labels);
        }
        svg::to_svg(out, w, h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::RustNumbers;
    use crate::session::words::Keys;

    fn screen(id: &str) -> Screen {
        Screen::new(id, &RustNumbers).expect("ok")
    }

    #[test]
    fn layers_round_trip_their_codes() {
        for (code, layer) in Layer::ALL.iter().enumerate() {
            assert_eq!(Layer::from_code(code as u8), *layer);
        }
        assert_eq!(Layer::from_code(200), Layer::BasinMarks);
        assert_eq!(Layer::from_code(8), Layer::Export);
    }

    #[test]
    fn nothing_drawn_has_no_frame_and_no_margins() {
        let s = screen("himmelblau");
        assert!(s.map_frame().is_empty());
        assert!(s.margins(1366.0).is_empty());
        assert_eq!(s.colour_scale_used(), "");
    }

    #[test]
    fn the_map_drawn_reports_its_frame_counts_and_margins() {
        let mut s = screen("himmelblau");
        s.sample((40, 40), 10, 400.0, 400.0).expect("ok");
        s.find_critical(20).expect("ok");
        assert_eq!(
            s.draw_map(&[520.0], &[40.0, 8.0, 400.0, 400.0], true),
            Err(Error::OutOfRange(Why::Layout))
        );
        assert!(s.map_frame().is_empty(), "a bad layout draws nothing");
        s.draw_map(&[520.0, 460.0], &[40.0, 8.0, 400.0, 400.0], true)
            .expect("ok");
        let frame = s.map_frame();
        assert_eq!(frame[..4], s.session.view()[..]);
        assert_eq!(frame[4..], [400.0, 400.0]);
        // Himmelblau in its view: 4 minima, 4 saddles, 1 maximum; not flat.
        let counts = s.critical_counts();
        assert_eq!(counts[0], 9, "{counts:?}");
        assert_eq!(counts[1..4], [4, 4, 1]);
        assert_eq!(*counts.last().expect("ok"), 0);
        assert_eq!(s.margins(1366.0).len(), 4);
        assert!(!s.sketch(Layer::Axes).ops.is_empty());
        assert!(!s.sketch(Layer::Overlay).ops.is_empty());
        assert_ne!(s.colour_scale_used(), "");
    }

    #[test]
    fn a_flat_landscape_counts_no_points_and_says_flat() {
        let mut s = screen("typed2d");
        s.session.set_function("3").expect("ok");
        s.sample((20, 20), 8, 200.0, 200.0).expect("ok");
        s.find_critical(10).expect("ok");
        let counts = s.critical_counts();
        assert_eq!(counts[0], 0);
        assert_eq!(*counts.last().expect("ok"), 1);
    }

    #[test]
    fn charts_draw_on_their_own_layers_and_as_one_svg() {
        let mut s = screen("quadratic2d");
        s.session.step(10);
        s.draw_chart(false, "E", 300.0, 200.0, &Keys);
        assert!(!s.sketch(Layer::ChartValue).ops.is_empty());
        assert!(s.sketch(Layer::ChartGrad).ops.is_empty());
        s.draw_chart(true, "‖∇E‖", 300.0, 200.0, &Keys);
        assert!(!s.sketch(Layer::ChartGrad).ops.is_empty());
        let svg = s.charts_svg(f64::NAN, 1e9, ["E", "‖∇E‖"], &Keys);
        assert!(
            svg.contains("width=\"200") && svg.contains("height=\"4000"),
            "{}",
            &svg[..200]
        );
    }
}
