//! The map of the session, drawn: the landscape sampled over the view (heatmap and contours, or
//! the 1-D curve), the critical points in view, and the frame and overlay as display lists
//! ([`Sketch`]) that the page paints as they are.

use crate::analysis::hessian::{CriticalKind, TaylorModel};
use crate::error::Error;
use crate::picture::colormap::ScaleKind;
use crate::picture::grid::{Curve, Sampled, View};
use crate::picture::map::{self, Frame, HessianPicture, PlotBox, Track};
use crate::picture::sketch::{rgba, Sketch, NONE};
use crate::picture::style::method_style;
use crate::session::report::CriticalReport;
use crate::session::runs::point;
use crate::session::{wire, LandscapeRef, Session};

/// Samples per side of the Taylor model's window.
const MODEL_GRID: usize = 96;
/// Level curves of the Taylor model.
const MODEL_LEVELS: usize = 9;

/// Everything the map shows, kept between frames: the samples (redone when the view, the
/// landscape or the size changes) and the display lists (redone every frame).
#[derive(Default)]
pub struct MapState {
    /// The last 2-D sample of the landscape.
    pub grid: Sampled,
    /// The last 1-D sample.
    pub curve: Curve,
    /// The Taylor model at the analysis point, last sampled.
    model: Sampled,
    /// The critical points in view, found after the last sample.
    pub critical: Vec<CriticalReport>,
    /// The contour lines over the heatmap (2-D), painted once per sample.
    pub contours: Sketch,
    /// Trajectories, markers, the start, the Hessian's picture, the 1-D curve.
    pub overlay: Sketch,
    /// Axes, tick labels and the colour bar, around the map.
    pub axes: Sketch,
    /// A legend swatch, drawn on demand.
    pub swatch: Sketch,
    /// How the last overlay mapped the view onto pixels.
    pub frame: Option<Frame>,
    /// Where random starts ended, `(method, x, y)`, drawn while the view is the one they were
    /// run over.
    ends: Vec<(usize, f64, f64)>,
    ends_view: [f64; 4],
    dim: usize,
    flat: bool,
}

/// Whether `E` is the same, with a zero gradient, at the view's centre, its corners and the
/// midpoints of its sides (checked when no critical point was found: a flat landscape makes
/// every seed its own critical point, which the search reports as none).
fn is_flat(session: &Session) -> bool {
    let [x0, x1, y0, y1] = session.view();
    let mut first = None;
    for (fx, fy) in [
        (0.5, 0.5),
        (0.0, 0.0),
        (1.0, 1.0),
        (0.0, 1.0),
        (1.0, 0.0),
        (0.5, 0.0),
        (0.0, 0.5),
    ] {
        let p = [x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)];
        let Ok([e, g]) = session.probe(&p[..session.dim()]) else {
            return false;
        };
        if g != 0.0 || first.is_some_and(|f| f != e) {
            return false;
        }
        first = Some(e);
    }
    true
}

impl MapState {
    /// Where random starts over `view` ended (their runs as [`wire::start_ends`] reads them);
    /// drawn on the map while the view is `view`.
    pub fn set_ends(&mut self, view: [f64; 4], runs: &[f64]) {
        self.ends_view = view;
        self.ends = wire::start_ends(runs);
    }

    /// Draws on `out` what the basin maps mark on a `width × height` picture of the view: axes
    /// inside the picture, the critical points in view and the start (2-D only).
    pub fn draw_basin_marks(&self, session: &Session, out: &mut Sketch, width: f64, height: f64) {
        out.clear();
        if session.dim() != 2 {
            return;
        }
        let frame = Frame {
            view: session.view(),
            width,
            height,
        };
        // Axes inside the map (as on a phone), so that a basin can be located.
        let plot = PlotBox {
            left: 0.0,
            top: 0.0,
            width,
            height,
        };
        map::draw_axes(out, (width, height), plot, &frame, session.axis_names(), None);
        for c in &self.critical {
            let (px, py) = frame.to_px(c.x, c.y);
            map::draw_critical(out, px, py, c.kind, c.global, true);
        }
        let start = session.start();
        map::draw_start(out, &frame, start[0], start[1], true);
        if session.decimal_comma() {
            out.decimal_comma();
        }
    }

    /// Samples the session's landscape over its view for a map of `width × height` CSS pixels:
    /// a 2-D one on an `nx × ny` grid with `levels` contours, a 1-D one at `nx` points. Forgets
    /// the critical points (see [`MapState::find_critical`]).
    #[allow(clippy::too_many_arguments)]
    pub fn sample(
        &mut self,
        session: &Session,
        nx: usize,
        ny: usize,
        levels: usize,
        width: f64,
        height: f64,
    ) -> Result<(), Error> {
        let view = session.view();
        self.critical.clear();
        self.contours.clear();
        self.dim = session.dim();
        match session.landscape() {
            LandscapeRef::One(l) => self.curve.sample(l, view[0], view[1], nx)?,
            LandscapeRef::Two(l) => {
                self.grid.kind = session.colour_scale();
                self.grid.sample(l, View::new(&view)?, nx, ny, levels.min(64))?;
                let frame = Frame { view, width, height };
                map::draw_contours(&mut self.contours, &self.grid.contours, nx, ny, &frame);
            }
        }
        Ok(())
    }

    /// Finds the critical points in view from `seeds` seeds per side; notes a landscape that
    /// is flat in view (every point critical: no markers, the summary says so).
    pub fn find_critical(&mut self, session: &Session, seeds: usize) -> Result<(), Error> {
        self.critical = session.critical_points(seeds)?;
        self.flat = self.critical.is_empty() && is_flat(session);
        Ok(())
    }

    /// How many critical points of each kind are in view, in [`CriticalKind::ALL`] order.
    pub fn critical_counts(&self) -> Vec<usize> {
        CriticalKind::ALL
            .iter()
            .map(|k| self.critical.iter().filter(|c| c.kind == *k).count())
            .collect()
    }

    /// Whether `E` is constant in view (found with the critical points).
    pub fn flat(&self) -> bool {
        self.flat
    }

    /// Draws the overlay for a map of `plot`'s size, as the session stands (its runs, start and
    /// panels), and if `axes` the axes around it on a frame canvas of `canvas` pixels (they
    /// change only with the sample and the sizes).
    pub fn draw(&mut self, session: &Session, canvas: (f64, f64), plot: PlotBox, axes: bool) -> Result<(), Error> {
        let dim = session.dim();
        if dim != self.dim {
            return Err(Error::BadView);
        }
        let (show_critical, show_hessian, ..) = session.panels();
        let (width, height) = (plot.width.max(1.0), plot.height.max(1.0));
        let view = session.view();
        let frame = if dim == 2 {
            Frame { view, width, height }
        } else {
            map::curve_frame(view[0], view[1], self.curve.min, self.curve.max, width, height)
        };
        let dark = dim == 2;
        let out = &mut self.overlay;
        out.clear();
        if dim == 1 {
            map::draw_curve(out, &frame, &self.curve.values);
        }
        let mut hessian = None; // (the analysis, where, the model's window): labelled last
        if show_hessian && dim == 2 {
            let at = session.analysis_point().x;
            let LandscapeRef::Two(l) = session.landscape() else {
                return Err(Error::BadView);
            };
            let report = session.analysis_at(&at)?;
            let at = [at[0], at[1]];
            let window = map::model_window(view, at);
            let taylor = TaylorModel::at(l, point::<2>(&at)?);
            self.model.kind = ScaleKind::Log;
            self.model
                .sample(&taylor, View::new(&window)?, MODEL_GRID, MODEL_GRID, MODEL_LEVELS)?;
            let h = HessianPicture {
                at,
                eigenvalues: &report.eigenvalues,
                eigenvectors: &report.eigenvectors,
                target: report.newton_target.as_deref().map(|t| [t[0], t[1]]),
                model: &self.model.contours,
                window,
                n: MODEL_GRID,
            };
            map::draw_hessian(out, &frame, &h);
            hessian = Some((report, at, window));
        }
        if show_critical {
            for c in &self.critical {
                let (px, py) = frame.to_px(c.x, if dim == 2 { c.y } else { c.value });
                map::draw_critical(out, px, py, c.kind, c.global, dark);
            }
        }
        if dim == 2 && self.ends_view == view {
            for &(i, x, y) in &self.ends {
                let (px, py) = frame.to_px(x, y);
                let square = [
                    px - 2.0,
                    py - 2.0,
                    px + 2.0,
                    py - 2.0,
                    px + 2.0,
                    py + 2.0,
                    px - 2.0,
                    py + 2.0,
                ];
                out.path(&square, true, rgba(method_style(i).rgb, 1.0), NONE, 0.0, &[]);
            }
        }
        let start = session.start();
        let start_y = if dim == 2 { start[1] } else { session.probe(start)?[0] };
        map::draw_start(out, &frame, start[0], start_y, dark);
        let styles: Vec<_> = (0..session.run_count()).map(|i| session.run_style(i)).collect();
        let tracks: Vec<Track> = (0..session.run_count())
            .filter_map(|i| {
                let (points, values) = session.path(i)?;
                Some(Track {
                    style: &styles[i],
                    points,
                    values,
                })
            })
            .collect();
        map::draw_tracks(out, &frame, &tracks, dim);
        // Above the paths and markers: the labels are read against them.
        if let Some((report, at, window)) = &hessian {
            let h = HessianPicture {
                at: *at,
                eigenvalues: &report.eigenvalues,
                eigenvectors: &report.eigenvectors,
                target: None,
                model: &self.model.contours,
                window: *window,
                n: MODEL_GRID,
            };
            map::draw_eigen_labels(out, &frame, &h);
        }
        if show_hessian && dim == 1 {
            if let LandscapeRef::One(l) = session.landscape() {
                let x0 = session.analysis_point().x[0];
                let p = crate::landscape::Point::<1>::new(x0);
                let (g, h) = l.gradient_hessian(&p);
                map::draw_taylor_1d(out, &frame, x0, l.value(&p), g[0], h[(0, 0)]);
            }
        }
        let comma = session.decimal_comma();
        if comma {
            self.overlay.decimal_comma();
        }
        if axes {
            let names = session.axis_names();
            let scale = if dim == 2 { self.grid.scale.as_ref() } else { None };
            map::draw_axes(&mut self.axes, canvas, plot, &frame, names, scale);
            if comma {
                self.axes.decimal_comma();
            }
        }
        self.frame = Some(frame);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::RustNumbers;
    use crate::picture::sketch::op;

    fn drawn(session: &Session, map: &mut MapState) {
        map.sample(session, 64, 64, 8, 400.0, 400.0).expect("as set up");
        map.find_critical(session, 20).expect("as set up");
        let plot = PlotBox {
            left: 46.0,
            top: 12.0,
            width: 400.0,
            height: 400.0,
        };
        map.draw(session, (520.0, 450.0), plot, true).expect("as set up");
    }

    #[test]
    fn every_enabled_run_is_drawn_with_its_style() {
        let mut s = Session::new("himmelblau", &RustNumbers).expect("as set up");
        s.step(5);
        let mut m = MapState::default();
        drawn(&s, &mut m);
        let paths = m.overlay.ops.iter().filter(|&&o| o == op::PATH).count();
        assert!(paths > 0);
        assert!(!m.contours.ops.is_empty());
        assert!(
            m.axes.labels.iter().any(|l| l.text == "E"),
            "the colour bar is labelled"
        );
        let frame = m.frame.expect("as set up");
        assert_eq!(frame.view, s.view());
    }

    #[test]
    fn a_flat_landscape_has_no_critical_markers_and_a_one_value_colour_bar() {
        let mut s = Session::new("typed2d", &RustNumbers).expect("as set up");
        s.set_function("0*x + 0*y").expect("as set up");
        let mut m = MapState::default();
        drawn(&s, &mut m);
        assert!(m.critical.is_empty() && m.flat(), "{} markers", m.critical.len());
        s.set_function("x^2 + y^2").expect("as set up");
        drawn(&s, &mut m);
        assert!(m.critical.len() == 1 && !m.flat());
        let bar: Vec<&str> = m
            .axes
            .labels
            .iter()
            .map(|l| l.text.as_str())
            .filter(|t| *t == "0")
            .collect();
        assert!(!bar.is_empty());
    }

    #[test]
    fn the_colour_scale_is_chosen_per_landscape_and_switchable() {
        let mut s = Session::new("typed2d", &RustNumbers).expect("as set up");
        s.set_function("exp(x^2 + y^2)").expect("as set up");
        let mut m = MapState::default();
        drawn(&s, &mut m);
        assert_eq!(m.grid.scale.as_ref().expect("as set up").kind(), ScaleKind::Rank);
        s.set_colour_scale("linear").expect("as set up");
        drawn(&s, &mut m);
        assert_eq!(m.grid.scale.as_ref().expect("as set up").kind(), ScaleKind::Linear);
        assert!(s.link(false).contains("cs=linear"));
        assert!(s.set_colour_scale("rainbow").is_err());
        assert_eq!(s.colour_scale(), ScaleKind::Linear);
        let mut h = Session::new("himmelblau", &RustNumbers).expect("as set up");
        drawn(&h, &mut m);
        assert_eq!(m.grid.scale.as_ref().expect("as set up").kind(), ScaleKind::Log);
        h.set_colour_scale("rank").expect("as set up");
        drawn(&h, &mut m);
        assert_eq!(m.grid.scale.as_ref().expect("as set up").kind(), ScaleKind::Rank);
    }

    /// The eigenvalues' labels are drawn last: no critical point's marker or path covers them
    /// (Himmelblau's start beside a minimum, whose star sat on "λ₁ = …").
    #[test]
    fn the_eigenvalue_labels_lie_above_every_marker_and_path() {
        let mut s = Session::new("himmelblau", &RustNumbers).expect("as set up");
        s.set_start(&[2.5, -0.5]).expect("a start");
        s.set_panels(true, true);
        s.step(2);
        let mut m = MapState::default();
        drawn(&s, &mut m);
        let svg = crate::picture::svg::to_svg(&m.overlay, 400.0, 400.0);
        let first = svg.find("λ₁").expect("λ₁ labelled");
        assert!(svg.contains("λ₂"));
        let after = &svg[first..];
        for element in ["<path", "<polyline", "<polygon", "<circle", "<line"] {
            assert!(!after.contains(element), "{element} drawn over the labels");
        }
    }

    /// The Hessian view in 1-D: the tangent, the parabola and Newton's target, which on a
    /// quadratic is its minimum.
    #[test]
    fn the_one_d_hessian_view_draws_the_parabola_and_newtons_target() {
        let mut s = Session::new("quadratic1d", &RustNumbers).expect("as set up");
        let mut m = MapState::default();
        drawn(&s, &mut m);
        let without = m.overlay.ops.len();
        s.set_panels(true, true);
        drawn(&s, &mut m);
        assert!(m.overlay.ops.len() > without + 100, "the model is drawn");
        let labels: Vec<&str> = m.overlay.labels.iter().map(|l| l.text.as_str()).collect();
        assert!(labels.iter().any(|l| l.starts_with("E″ = ")), "{labels:?}");
        let target = m
            .overlay
            .labels
            .iter()
            .find(|l| l.text.starts_with("x − E′/E″"))
            .expect("Newton's target");
        let frame = m.frame.expect("drawn");
        let (px, _) = frame.to_px(0.0, 0.0);
        assert!(
            (target.bounds[0] + target.bounds[2]) / 2.0 - px < 1.0,
            "at the minimum x = 0: {target:?}"
        );
    }

    #[test]
    fn the_one_d_map_draws_a_curve_and_its_axes() {
        let mut s = Session::new("quadratic1d", &RustNumbers).expect("as set up");
        s.step(3);
        let mut m = MapState::default();
        drawn(&s, &mut m);
        assert!(m.axes.labels.iter().any(|l| l.text == "E"));
        assert!(m.overlay.ops.iter().filter(|&&o| o == op::PATH).count() > 3);
    }

    /// The basin maps carry axes too, inside the picture: labels on the canvas, apart.
    #[test]
    fn the_basin_maps_marks_locate_them_with_axes_inside() {
        let s = Session::new("himmelblau", &RustNumbers).expect("as set up");
        let mut m = MapState::default();
        drawn(&s, &mut m);
        let mut out = Sketch::default();
        m.draw_basin_marks(&s, &mut out, 240.0, 240.0);
        let texts: Vec<&str> = out.labels.iter().map(|l| l.text.as_str()).collect();
        for t in ["x", "y", "0"] {
            assert!(texts.contains(&t), "{t} in {texts:?}");
        }
        for (i, a) in out.labels.iter().enumerate() {
            let b = a.bounds;
            assert!(
                b[0] >= 0.0 && b[1] >= 0.0 && b[2] <= 240.0 && b[3] <= 240.0,
                "{a:?} off the picture"
            );
            for c in &out.labels[i + 1..] {
                let d = c.bounds;
                assert!(
                    !(b[0] < d[2] && d[0] < b[2] && b[1] < d[3] && d[1] < b[3]),
                    "{a:?} and {c:?} overlap"
                );
            }
        }
    }

    /// The neuron's map is over its weight and threshold, the tiny network's over the slice's
    /// coordinates: the axes say so.
    #[test]
    fn the_axes_name_the_landscapes_own_coordinates() {
        for (id, params, names) in [
            ("neuron", &[0.0][..], ["w", "θ"]),
            ("tinynet", &[2.0, 2.0, 0.0][..], ["a₁", "a₂"]),
            ("tinynet", &[2.0, 2.0, 1.0][..], ["u", "v"]),
            ("tinynet", &[2.0, 2.0, 0.3][..], ["a₁", "a₂"]),
            ("tinynet", &[2.0, 2.0, 0.5][..], ["u", "v"]),
            ("himmelblau", &[][..], ["x", "y"]),
        ] {
            let mut s = Session::new(id, &RustNumbers).expect("as set up");
            s.set_params(params).expect("its parameters");
            assert_eq!(s.axis_names(), names, "{id} {params:?}");
            let mut m = MapState::default();
            drawn(&s, &mut m);
            for name in names {
                assert!(m.axes.labels.iter().any(|l| l.text == name), "{id}: {name} on the axes");
            }
        }
    }
}
