//! The landscape as a surface for the 3-D view: a square grid of vertices over the view, each at
//! the height the colour scale gives its `E` (so a log or rank scale is a log or rank height,
//! and the height and the colour always agree), with its normal and colour, two triangles per
//! cell whose corners are all defined, the contour lines at their level's height, and the runs'
//! paths lifted onto the surface. The shell hands the buffers to WebGL as they are: it computes
//! nothing.
//!
//! Coordinates: `x` and `y` in `[−1, 1]` across the view (`y` up), the height `z` in `[0, 1]`.

use crate::error::Error;
use crate::landscape::{Landscape, Point, U2};
use crate::picture::colormap::{Palette, Scale, ScaleKind};
use crate::picture::grid::{self, View};

/// Vertices per side: at least this many…
pub const MIN_SIDE: usize = 2;
/// …and at most this many.
pub const MAX_SIDE: usize = 512;
/// How far above the surface the contours and paths are drawn (in height units), so that they
/// are not hidden in it.
pub const LIFT: f32 = 0.004;

/// The surface of `E` over a view.
#[derive(Debug, Clone, Default)]
pub struct Mesh {
    /// Vertices per side.
    pub side: usize,
    /// The view.
    pub view: [f64; 4],
    /// `x, y, z` per vertex, row by row from the bottom (`y_min`) up, left to right; `z` NaN where
    /// `E` is not defined.
    pub positions: Vec<f32>,
    /// The unit normal per vertex (`0, 0, 1` where undefined).
    pub normals: Vec<f32>,
    /// RGBA per vertex: the map's colour.
    pub colours: Vec<u8>,
    /// Three vertex indices per triangle.
    pub triangles: Vec<u32>,
    /// Contour segments, `x, y, z` twice each, at the height of their level (plus [`LIFT`]).
    pub contours: Vec<f32>,
    /// The scale the heights and colours follow (fitted to the values in view).
    pub scale: Option<Scale>,
}

impl Mesh {
    /// The surface of `landscape` over `view` with `side × side` vertices, heights and colours on
    /// a scale of `kind` (fitted to the values), and `levels` contour lines evenly spaced in it.
    pub fn build(
        landscape: &dyn Landscape<U2>,
        view: View,
        side: usize,
        levels: usize,
        kind: ScaleKind,
    ) -> Result<Mesh, Error> {
        let view = [view.x_min, view.x_max, view.y_min, view.y_max];
        let values = sample(landscape, view, side)?;
        let scale = Scale::fit(&values, kind);
        let palette = Palette::default();
        Ok(Mesh::shape(&values, side, view, view, scale, levels, |z| {
            palette.rgba(z)
        }))
    }

    /// A second surface over this one's box: `landscape` (a Taylor model, say) over `window`,
    /// `side × side` vertices, at the heights of this surface's scale (so the two compare) and
    /// in this surface's coordinates, coloured `colour`. Only where `keep(x, y)` and where the
    /// value is in the scale's range — the box cuts it rather than flattening it — or, below
    /// it, down to `floor` (drawn at the box's bottom: a Taylor model touches the surface at its
    /// iterate even where that is lower than every vertex of the surface, at a minimum).
    pub fn overlay(
        &self,
        landscape: &dyn Landscape<U2>,
        window: [f64; 4],
        side: usize,
        keep: impl Fn(f64, f64) -> bool,
        floor: f64,
        colour: [u8; 4],
    ) -> Result<Mesh, Error> {
        let scale = self.scale.clone().ok_or(Error::BadGrid)?;
        let [low, high] = scale.range();
        let low = if floor < low { floor } else { low };
        let mut values = sample(landscape, window, side)?;
        for (k, v) in values.iter_mut().enumerate() {
            let (x, y) = vertex(window, side, k % side, k / side);
            if !keep(x, y) || !(low..=high).contains(v) {
                *v = f64::NAN;
            }
        }
        Ok(Mesh::shape(&values, side, window, self.view, scale, 0, |_| colour))
    }

    /// The surface of `values` (`n × n` samples over `window`, row by row from the bottom) on
    /// `scale`, in the coordinates of a box over `frame`, coloured by `colour(height)`.
    fn shape(
        values: &[f64],
        n: usize,
        window: [f64; 4],
        frame: [f64; 4],
        scale: Scale,
        levels: usize,
        colour: impl Fn(f64) -> [u8; 4],
    ) -> Mesh {
        let heights: Vec<f64> = values.iter().map(|&v| scale.t(v)).collect();
        let [f0, f1, g0, g1] = frame;
        let unit = |x: f64, lo: f64, hi: f64| 2.0 * (x - lo) / (hi - lo) - 1.0;
        let mut mesh = Mesh {
            side: n,
            view: frame,
            positions: Vec::with_capacity(3 * n * n),
            normals: Vec::with_capacity(3 * n * n),
            colours: Vec::with_capacity(4 * n * n),
            ..Mesh::default()
        };
        let h = |i: usize, j: usize| heights[j * n + i];
        // (The grid's steps in the box's units, for the normals' central differences.)
        let step_x = 2.0 * (window[1] - window[0]) / ((n - 1) as f64 * (f1 - f0));
        let step_y = 2.0 * (window[3] - window[2]) / ((n - 1) as f64 * (g1 - g0));
        for j in 0..n {
            for i in 0..n {
                let z = h(i, j);
                let (x, y) = vertex(window, n, i, j);
                mesh.positions
                    .extend([unit(x, f0, f1) as f32, unit(y, g0, g1) as f32, z as f32]);
                mesh.colours.extend(colour(z));
                // One-sided at the edges; where a neighbour is undefined, the other side.
                let slope = |lo: f64, hi: f64, span: f64| {
                    let d = (hi - lo) / span;
                    if d.is_finite() {
                        d
                    } else {
                        0.0
                    }
                };
                let (l, r) = (h(i.saturating_sub(1), j), h((i + 1).min(n - 1), j));
                let (b, t) = (h(i, j.saturating_sub(1)), h(i, (j + 1).min(n - 1)));
                let wide = |a: usize, c: usize| (c - a) as f64;
                let dx = slope(l, r, wide(i.saturating_sub(1), (i + 1).min(n - 1)) * step_x);
                let dy = slope(b, t, wide(j.saturating_sub(1), (j + 1).min(n - 1)) * step_y);
                let (nx, ny, nz) = (-dx, -dy, 1.0);
                let len = (nx * nx + ny * ny + nz * nz).sqrt();
                mesh.normals
                    .extend([(nx / len) as f32, (ny / len) as f32, (nz / len) as f32]);
            }
        }
        for j in 0..n - 1 {
            for i in 0..n - 1 {
                let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)];
                if corners.iter().all(|&(a, b)| h(a, b).is_finite()) {
                    let [a, b, c, d] = corners.map(|(a, b)| (b * n + a) as u32);
                    mesh.triangles.extend([a, b, c, a, c, d]);
                }
            }
        }
        // The contours: each level traced alone, at its own height.
        let mut segments = Vec::new();
        for k in 1..=levels {
            let t = k as f64 / (levels + 1) as f64;
            let level = scale.value(t);
            segments.clear();
            for j in 0..n - 1 {
                for i in 0..n - 1 {
                    let v = [
                        values[j * n + i],
                        values[j * n + i + 1],
                        values[(j + 1) * n + i + 1],
                        values[(j + 1) * n + i],
                    ];
                    if v.iter().all(|v| v.is_finite()) {
                        grid::cell(&mut segments, i, j, v.map(|v| v - level));
                    }
                }
            }
            // (Grid units put vertex (i, j) at (i + 0.5, j + 0.5).)
            let z = t as f32 + LIFT;
            let along = |g: f32, lo: f64, hi: f64| lo + f64::from(g - 0.5) / (n - 1) as f64 * (hi - lo);
            for p in segments.chunks_exact(2) {
                let x = unit(along(p[0], window[0], window[1]), f0, f1);
                let y = unit(along(p[1], window[2], window[3]), g0, g1);
                mesh.contours.extend([x as f32, y as f32, z]);
            }
        }
        mesh.scale = Some(scale);
        mesh
    }

    /// The height of a loss `value` on this surface (NaN where it has none).
    pub fn height(&self, value: f64) -> f64 {
        self.scale.as_ref().map_or(f64::NAN, |s| s.t(value))
    }

    /// A path `[x₀, y₀, x₁, y₁, …]` lifted onto the surface: `x, y, z` per point, `z` the height of
    /// `E` there (plus [`LIFT`]); a point outside the view, or where `E` is undefined, is NaN (the
    /// line breaks there).
    pub fn lift(&self, landscape: &dyn Landscape<U2>, points: &[f64]) -> Vec<f32> {
        let [x0, x1, y0, y1] = self.view;
        let mut out = Vec::with_capacity(points.len() / 2 * 3);
        for p in points.chunks_exact(2) {
            let inside = (x0..=x1).contains(&p[0]) && (y0..=y1).contains(&p[1]);
            let z = if inside {
                self.height(landscape.value(&Point::<2>::new(p[0], p[1])))
            } else {
                f64::NAN
            };
            if z.is_finite() {
                let u = |v: f64, lo: f64, hi: f64| (2.0 * (v - lo) / (hi - lo) - 1.0) as f32;
                out.extend([u(p[0], x0, x1), u(p[1], y0, y1), z as f32 + LIFT]);
            } else {
                out.extend([f32::NAN; 3]);
            }
        }
        out
    }

    /// The surface's height at `(u, v)` in its own coordinates, interpolated across the triangle
    /// under it as the GPU draws it (NaN off the surface).
    pub fn surface_at(&self, u: f64, v: f64) -> f64 {
        let n = self.side;
        let g = |w: f64| (w + 1.0) / 2.0 * (n - 1) as f64;
        let (gx, gy) = (g(u), g(v));
        if !(0.0..=(n - 1) as f64).contains(&gx) || !(0.0..=(n - 1) as f64).contains(&gy) {
            return f64::NAN;
        }
        let (i, j) = ((gx.floor() as usize).min(n - 2), (gy.floor() as usize).min(n - 2));
        let (fx, fy) = (gx - i as f64, gy - j as f64);
        let z = |a: usize, b: usize| f64::from(self.positions[3 * (b * n + a) + 2]);
        // The cell's two triangles: (a, b, c) below the diagonal from a to c, (a, c, d) above.
        if fx >= fy {
            z(i, j) + fx * (z(i + 1, j) - z(i, j)) + fy * (z(i + 1, j + 1) - z(i + 1, j))
        } else {
            z(i, j) + fy * (z(i, j + 1) - z(i, j)) + fx * (z(i + 1, j + 1) - z(i, j + 1))
        }
    }
}

/// The landscape point of vertex `(i, j)` of an `n × n` grid over `window`.
fn vertex(window: [f64; 4], n: usize, i: usize, j: usize) -> (f64, f64) {
    let [x0, x1, y0, y1] = window;
    let (u, v) = (i as f64 / (n - 1) as f64, j as f64 / (n - 1) as f64);
    (x0 + (x1 - x0) * u, y0 + (y1 - y0) * v)
}

/// `E` at the vertices of an `n × n` grid over `window`, row by row from the bottom; an error for
/// a side out of bounds.
fn sample(landscape: &dyn Landscape<U2>, window: [f64; 4], n: usize) -> Result<Vec<f64>, Error> {
    if !(MIN_SIDE..=MAX_SIDE).contains(&n) {
        return Err(Error::BadGrid);
    }
    let points: Vec<[f64; 2]> = (0..n * n)
        .map(|k| {
            let (x, y) = vertex(window, n, k % n, k / n);
            [x, y]
        })
        .collect();
    let mut values = vec![0.0; n * n];
    landscape.values(&points, &mut values);
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::presets::{Himmelblau, Quadratic2};
    use crate::landscape::typed::{Program, Typed};
    use crate::numbers::RustNumbers;

    fn view(v: [f64; 4]) -> View {
        View::new(&v).expect("a view")
    }

    fn typed(text: &str) -> Typed<2> {
        Typed {
            program: Program::compile(text, 2, &RustNumbers).expect("parses"),
        }
    }

    #[test]
    fn every_vertex_is_at_the_height_of_its_loss_and_the_corners_span_the_view() {
        let l = Himmelblau;
        let m = Mesh::build(&l, view([-5.0, 5.0, -5.0, 5.0]), 33, 10, ScaleKind::Log).expect("built");
        assert_eq!(m.positions.len(), 3 * 33 * 33);
        for k in 0..33 * 33 {
            let (i, j) = (k % 33, k / 33);
            let (x, y) = (-5.0 + 10.0 * i as f64 / 32.0, -5.0 + 10.0 * j as f64 / 32.0);
            let z = f64::from(m.positions[3 * k + 2]);
            assert!(
                (z - m.height(l.value(&Point::<2>::new(x, y)))).abs() < 1e-6,
                "vertex ({i}, {j})"
            );
            let n = &m.normals[3 * k..3 * k + 3];
            let len = n.iter().map(|v| v * v).sum::<f32>().sqrt();
            assert!((len - 1.0).abs() < 1e-5 && n[2] > 0.0, "a unit normal facing up: {n:?}");
        }
        assert_eq!(m.positions[..2], [-1.0, -1.0]);
        assert_eq!(m.positions[3 * (33 * 33 - 1)..][..2], [1.0, 1.0]);
        // Two triangles per cell; the four minima are the lowest vertices (height near 0).
        assert_eq!(m.triangles.len(), 6 * 32 * 32);
        assert!(m.triangles.iter().all(|&k| (k as usize) < 33 * 33));
    }

    #[test]
    fn a_plane_has_one_normal_everywhere_and_it_is_the_planes() {
        // E = 2x + 3y on [−1, 1]²: a linear height t = (E + 5)/10 rises 0.2 per unit of x and 0.3
        // per unit of y in the surface's coordinates.
        let plane = typed("2x + 3y");
        let m = Mesh::build(&plane, view([-1.0, 1.0, -1.0, 1.0]), 9, 4, ScaleKind::Linear).expect("built");
        let (a, b) = (-0.2f64, -0.3f64);
        let len = (a * a + b * b + 1.0).sqrt();
        for n in m.normals.chunks_exact(3) {
            let want = [a / len, b / len, 1.0 / len];
            assert!(
                n.iter().zip(want).all(|(g, w)| (f64::from(*g) - w).abs() < 1e-5),
                "{n:?} vs {want:?}"
            );
        }
        // Its contours are straight, at their level's height: E = level along each.
        let s = m.scale.as_ref().expect("a scale");
        for p in m.contours.chunks_exact(3) {
            let e = 2.0 * f64::from(p[0]) + 3.0 * f64::from(p[1]);
            let level_t = f64::from(p[2] - LIFT);
            assert!(
                (s.t(e) - level_t).abs() < 1e-4,
                "a contour point at E = {e}, height {level_t}"
            );
        }
        assert_eq!(m.contours.len() % 6, 0, "segments: two points each");
        assert!(!m.contours.is_empty());
    }

    #[test]
    fn a_path_lifted_onto_the_surface_lies_on_it() {
        let l = Quadratic2::new(1.0, 4.0, 0.3);
        let m = Mesh::build(&l, view([-3.0, 3.0, -3.0, 3.0]), 129, 8, ScaleKind::Linear).expect("built");
        // A GD path from (2.5, −2), η = 0.1.
        let mut p = Point::<2>::new(2.5, -2.0);
        let mut points = Vec::new();
        for _ in 0..40 {
            points.extend([p[0], p[1]]);
            p -= 0.1 * l.gradient(&p);
        }
        points.extend([10.0, 0.0]); // outside the view
        let lifted = m.lift(&l, &points);
        assert_eq!(lifted.len(), 3 * 41);
        for q in lifted[..3 * 40].chunks_exact(3) {
            let on = m.surface_at(f64::from(q[0]), f64::from(q[1]));
            let above = f64::from(q[2]) - on;
            assert!(
                (above - f64::from(LIFT)).abs() < 2e-3,
                "{above} above the surface at {q:?}"
            );
        }
        assert!(
            lifted[3 * 40..].iter().all(|v| v.is_nan()),
            "off the view: a break in the line"
        );
    }

    #[test]
    fn where_the_loss_is_undefined_there_is_no_triangle_and_a_bad_side_is_refused() {
        let log = typed("log(x) + y^2");
        let m = Mesh::build(&log, view([-1.0, 1.0, -1.0, 1.0]), 11, 4, ScaleKind::Linear).expect("built");
        for t in m.triangles.chunks_exact(3) {
            assert!(
                t.iter().all(|&k| m.positions[3 * k as usize + 2].is_finite()),
                "a triangle on a hole"
            );
        }
        assert!(
            m.triangles.len() < 6 * 10 * 10 / 2 + 6 * 10,
            "about half the view is out of the domain"
        );
        assert!(m.contours.iter().all(|v| v.is_finite()));
        for side in [0, 1, MAX_SIDE + 1] {
            assert!(Mesh::build(&log, view([-1.0, 1.0, -1.0, 1.0]), side, 4, ScaleKind::Linear).is_err());
        }
    }
}
