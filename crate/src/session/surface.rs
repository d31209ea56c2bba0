//! The 3-D view of the session (lab and native): the landscape's surface over the view
//! ([`Mesh`]), every run's path lifted onto it as line segments in its method's colour, and the
//! camera's matrix, all computed here; the shell hands the buffers and the matrix to WebGL.

use nalgebra::{Matrix4, Perspective3, Point3, Vector3};

use crate::analysis::hessian::TaylorModel;
use crate::error::{Error, Why};
use crate::picture::grid::View;
use crate::picture::map::model_window;
use crate::picture::mesh::Mesh;
use crate::picture::sketch::rgba;
use crate::session::runs::point;
use crate::session::{LandscapeRef, Session};

/// The surface as last built, with the runs' paths on it.
#[derive(Debug, Clone, Default)]
pub struct Surface {
    /// The landscape's surface.
    pub mesh: Mesh,
    /// The runs' paths, `x, y, z` twice per segment (between consecutive iterates on the
    /// surface).
    pub paths: Vec<f32>,
    /// RGBA per path vertex: the run's colour.
    pub path_colours: Vec<u8>,
    /// A dot per iterate (`x, y, z`) for runs of at most [`MARKED_ITERATES`] iterates; longer
    /// runs mark only their current one (as on the map).
    pub dots: Vec<f32>,
    /// RGBA per dot.
    pub dot_colours: Vec<u8>,
    /// With the Hessian view on: the second-order Taylor model at the analysed iterate, a
    /// translucent surface over the disc the map draws its level curves in, on the same height
    /// scale, cut where it leaves the box.
    pub model: Option<Mesh>,
}

/// Vertices per side of the Taylor model's surface.
pub const MODEL_SIDE: usize = 41;
/// Its colour: the map's Taylor-model yellow, translucent.
pub const MODEL_COLOUR: [u8; 4] = [0xff, 0xd4, 0x3b, 0x8c];

/// Runs this long or shorter get a dot on every iterate (the map's rule).
pub const MARKED_ITERATES: usize = crate::picture::map::MARKED_ITERATES;
/// A run is drawn through at most this many of its iterates, evenly taken (the first and the
/// last always): a longer run's iterates are closer than a pixel on any canvas the page has.
pub const MAX_PATH_POINTS: usize = 2000;

impl Surface {
    /// The surface of the session's landscape over its view (`side` vertices a side, `levels`
    /// contours) with every run's path as it stands; an error in 1-D.
    pub fn build(
        session: &Session,
        side: usize,
        levels: usize,
        kind: crate::picture::colormap::ScaleKind,
    ) -> Result<Surface, Error> {
        let LandscapeRef::Two(l) = session.landscape() else {
            return Err(Error::NotHere(Why::Surface2d));
        };
        let mesh = Mesh::build(l, View::new(&session.view())?, side, levels, kind)?;
        let mut surface = Surface {
            mesh,
            ..Surface::default()
        };
        for i in 0..session.run_count() {
            let Some((points, _)) = session.path(i) else { continue };
            let lifted = surface.mesh.lift(l, points);
            let c = rgba(session.run_style(i).rgb, 1.0).to_be_bytes();
            let all: Vec<&[f32]> = lifted.chunks_exact(3).collect();
            let n = all.len();
            let stride = n.div_ceil(MAX_PATH_POINTS).max(1);
            let kept: Vec<&[f32]> = (0..n)
                .filter(|&k| k % stride == 0 || k + 1 == n)
                .map(|k| all[k])
                .collect();
            let finite = |p: &&[f32]| p.iter().all(|v| v.is_finite());
            for pair in kept.windows(2) {
                if pair.iter().all(finite) {
                    surface.paths.extend(pair[0].iter().chain(pair[1]));
                    surface.path_colours.extend(c.iter().chain(&c));
                }
            }
            let marked: Vec<&&[f32]> = if n <= MARKED_ITERATES {
                kept.iter().filter(|p| finite(p)).collect()
            } else {
                kept.iter().rev().filter(|p| finite(p)).take(1).collect()
            };
            for p in marked {
                surface.dots.extend(p.iter());
                surface.dot_colours.extend(c);
            }
        }
        if session.panels().1 {
            let at = session.analysis_point().x;
            let view = session.view();
            let window = model_window(view, [at[0], at[1]]);
            let radius = (window[1] - window[0]) / 2.0;
            let taylor = TaylorModel::at(l, point::<2>(&at)?);
            let keep = |x: f64, y: f64| {
                (x - at[0]).hypot(y - at[1]) <= radius
                    && (view[0]..=view[1]).contains(&x)
                    && (view[2]..=view[3]).contains(&y)
            };
            let floor = l.value(&point::<2>(&at)?);
            surface.model = Some(
                surface
                    .mesh
                    .overlay(&taylor, window, MODEL_SIDE, keep, floor, MODEL_COLOUR)?,
            );
        }
        Ok(surface)
    }
}

/// The camera a 3-D view opens with (and a reset returns to): `[yaw, pitch, distance]`, the whole
/// box in view at any aspect from 1:2 to 2:1.
pub const CAMERA: [f64; 3] = [0.6, 0.6, 5.5];

/// How high the camera may be raised (radians above the horizon): 5° to 85°.
pub const PITCH: [f64; 2] = [5.0 * std::f64::consts::PI / 180.0, 85.0 * std::f64::consts::PI / 180.0];
/// How far from the box's centre it may be.
pub const DISTANCE: [f64; 2] = [1.5, 12.0];

fn finite(v: f64, otherwise: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        otherwise
    }
}

/// `[yaw, pitch, distance]` turned by `dyaw`, raised by `dpitch` (radians) and brought closer by
/// `factor` (on the distance), kept within [`PITCH`] and [`DISTANCE`]; a number that is not finite
/// leaves that part as it was (or, if it was not finite either, as [`CAMERA`] has it); the yaw is
/// kept within half a turn.
pub fn turn(camera: [f64; 3], dyaw: f64, dpitch: f64, factor: f64) -> [f64; 3] {
    use std::f64::consts::PI;
    let [yaw, pitch, distance] = [0, 1, 2].map(|i| finite(camera[i], CAMERA[i]));
    let turned = finite(yaw + dyaw, yaw);
    [
        // (Half a turn either way: a link's yaw stays small however long a person turns it.)
        if turned.abs() <= PI {
            turned
        } else {
            (turned + PI).rem_euclid(2.0 * PI) - PI
        },
        finite(pitch + dpitch, pitch).clamp(PITCH[0], PITCH[1]),
        finite(distance * factor, distance).clamp(DISTANCE[0], DISTANCE[1]),
    ]
}

/// The camera looking at the surface's box (`x`, `y` in `[−1, 1]`, the height `z` in `[0, 1]`
/// drawn 0.8 tall, centred): turned by `yaw` about the vertical and raised by `pitch` (radians,
/// kept between 5° and 85°), at `distance` (1.5 to 12) from the centre, for a canvas of `aspect` =
/// width / height. The matrix takes the surface's coordinates to clip space, column-major as
/// WebGL takes it.
pub fn camera(yaw: f64, pitch: f64, distance: f64, aspect: f64) -> [f32; 16] {
    let [yaw, pitch, distance] = turn([yaw, pitch, distance], 0.0, 0.0, 1.0);
    let aspect = finite(aspect, 1.0).clamp(0.1, 10.0);
    let eye = Point3::new(
        distance * pitch.cos() * yaw.sin(),
        -distance * pitch.cos() * yaw.cos(),
        distance * pitch.sin(),
    );
    let view = Matrix4::look_at_rh(&eye, &Point3::origin(), &Vector3::z());
    // The box: z from [0, 1] to [−0.4, 0.4].
    let model = Matrix4::new_nonuniform_scaling(&Vector3::new(1.0, 1.0, 0.8))
        * Matrix4::new_translation(&Vector3::new(0.0, 0.0, -0.5));
    // 35° across the canvas's narrower side.
    let half = 17.5f64.to_radians().tan();
    let fovy = 2.0
        * if aspect < 1.0 {
            (half / aspect).atan()
        } else {
            half.atan()
        };
    let projection = Perspective3::new(aspect, fovy, 0.1, 50.0);
    let m = projection.as_matrix() * view * model;
    let mut out = [0.0f32; 16];
    for (o, v) in out.iter_mut().zip(m.as_slice()) {
        *o = *v as f32;
    }
    out
}

impl Surface {
    /// The landscape point `(x, y)` under the canvas position `(px, py)` (CSS pixels from the top
    /// left of a `width × height` canvas) seen through `matrix` (from [`camera`]): where the ray
    /// from the eye through that pixel first meets the surface (from above, or from below where
    /// it passes under the rim: what is drawn there), found by marching along it in small steps
    /// and refining by bisection; `None` where it misses.
    pub fn point_at(&self, matrix: &[f32; 16], (px, py): (f64, f64), (width, height): (f64, f64)) -> Option<[f64; 2]> {
        let m = Matrix4::from_column_slice(&matrix.map(f64::from)).try_inverse()?;
        let (u, v) = (2.0 * px / width - 1.0, 1.0 - 2.0 * py / height);
        let unproject = |z: f64| {
            let p = m * nalgebra::Vector4::new(u, v, z, 1.0);
            Vector3::new(p.x / p.w, p.y / p.w, p.z / p.w)
        };
        let (near, far) = (unproject(-1.0), unproject(1.0));
        // Above the surface (positive) or below it (negative) at a fraction `s` along the ray.
        let gap = |s: f64| {
            let p = near + (far - near) * s;
            let z = self.mesh.surface_at(p.x, p.y);
            (z.is_finite() && p.z.is_finite()).then(|| p.z - z)
        };
        let n = (self.mesh.side.max(2) * 200) as f64;
        let mut last: Option<(f64, f64)> = None;
        // The closest approach, for a ray that only grazes the surface (a silhouette).
        let mut closest = (f64::INFINITY, 0.0);
        for k in 0..=n as usize {
            let s = k as f64 / n;
            let Some(g) = gap(s) else {
                last = None;
                continue;
            };
            // The first crossing, from above or (at the view's edge, where a ray can pass under
            // the rim) from below: what the GPU draws at this pixel.
            if let Some((s0, g0)) = last.filter(|&(_, g0)| (g0 > 0.0) != (g > 0.0)) {
                let (mut lo, mut hi) = (s0, s);
                for _ in 0..40 {
                    let mid = 0.5 * (lo + hi);
                    match gap(mid) {
                        Some(gm) if (gm > 0.0) == (g0 > 0.0) => lo = mid,
                        _ => hi = mid,
                    }
                }
                return Some(self.landscape_point(near + (far - near) * (0.5 * (lo + hi))));
            }
            if g.abs() < closest.0 {
                closest = (g.abs(), s);
            }
            last = Some((s, g));
        }
        (closest.0 < 2e-3).then(|| self.landscape_point(near + (far - near) * closest.1))
    }

    /// The landscape's `(x, y)` at a point of the surface's box.
    fn landscape_point(&self, p: Vector3<f64>) -> [f64; 2] {
        let [x0, x1, y0, y1] = self.mesh.view;
        [x0 + (p.x + 1.0) / 2.0 * (x1 - x0), y0 + (p.y + 1.0) / 2.0 * (y1 - y0)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::RustNumbers;
    use crate::picture::colormap::ScaleKind;

    fn clip(m: &[f32; 16], p: [f64; 3]) -> [f64; 3] {
        let m = Matrix4::from_column_slice(&m.map(f64::from));
        let v = m * nalgebra::Vector4::new(p[0], p[1], p[2], 1.0);
        [v.x / v.w, v.y / v.w, v.z / v.w]
    }

    #[test]
    fn the_camera_sees_the_whole_box_and_turning_it_moves_the_corners() {
        let [yaw, pitch, distance] = CAMERA;
        for aspect in [0.5, 1.0, 2.0] {
            let m = camera(yaw, pitch, distance, aspect);
            for corner in [
                [-1.0, -1.0, 0.0],
                [1.0, 1.0, 1.0],
                [1.0, -1.0, 0.0],
                [-1.0, 1.0, 1.0],
                [1.0, -1.0, 1.0],
            ] {
                let c = clip(&m, corner);
                assert!(
                    c.iter().all(|v| v.abs() < 1.0),
                    "aspect {aspect}: corner {corner:?} in view: {c:?}"
                );
            }
        }
        let m = camera(yaw, pitch, distance, 1.5);
        for corner in [[-1.0, -1.0, 0.0], [1.0, 1.0, 1.0], [1.0, -1.0, 0.0], [-1.0, 1.0, 1.0]] {
            let c = clip(&m, corner);
            assert!(c.iter().all(|v| v.abs() < 1.0), "corner {corner:?} in view: {c:?}");
        }
        // The top of the box is above its bottom on screen; yaw moves a corner.
        assert!(clip(&m, [0.0, 0.0, 1.0])[1] > clip(&m, [0.0, 0.0, 0.0])[1]);
        let turned = camera(yaw + 1.0, pitch, distance, 1.5);
        let moved = [[1.0, 1.0, 0.0], [1.0, -1.0, 0.0], [-1.0, 1.0, 0.0], [-1.0, -1.0, 0.0]]
            .iter()
            .map(|&c| (clip(&turned, c)[0] - clip(&m, c)[0]).abs())
            .fold(0.0, f64::max);
        assert!(moved > 0.1, "turning moves the corners on screen: {moved}");
        // Bad numbers fall back or are clamped: the matrix stays finite.
        assert!(camera(f64::NAN, 9.0, -1.0, 0.0).iter().all(|v| v.is_finite()));
    }

    #[test]
    fn a_click_on_the_surface_finds_the_point_under_it() {
        let s = Session::new("himmelblau", &RustNumbers).expect("opens");
        let surface = Surface::build(&s, 65, 8, ScaleKind::Log).expect("built");
        let [yaw, pitch, distance] = CAMERA;
        let (w, h) = (400.0, 300.0);
        let m = camera(yaw, pitch, distance, w / h);
        // Points of the surface, projected to the canvas, then found again under the cursor.
        for (x, y) in [(3.0, 2.0), (-2.8, 3.1), (0.0, 0.0), (-3.0, -3.0), (4.0, -1.0)] {
            let [x0, x1, y0, y1] = surface.mesh.view;
            let (u, v) = (2.0 * (x - x0) / (x1 - x0) - 1.0, 2.0 * (y - y0) / (y1 - y0) - 1.0);
            let z = surface.mesh.surface_at(u, v);
            let c = clip(&m, [u, v, z]);
            let (px, py) = ((c[0] + 1.0) / 2.0 * w, (1.0 - c[1]) / 2.0 * h);
            let found = surface
                .point_at(&m, (px, py), (w, h))
                .unwrap_or_else(|| panic!("({x}, {y}) at ({px}, {py}) not found"));
            // What is found lies under the cursor: it projects back to the same pixel.
            let (fu, fv) = (
                2.0 * (found[0] - x0) / (x1 - x0) - 1.0,
                2.0 * (found[1] - y0) / (y1 - y0) - 1.0,
            );
            let back = clip(&m, [fu, fv, surface.mesh.surface_at(fu, fv)]);
            let (bx, by) = ((back[0] + 1.0) / 2.0 * w, (1.0 - back[1]) / 2.0 * h);
            assert!(
                (bx - px).hypot(by - py) < 0.5,
                "({x}, {y}): found {found:?} at ({bx}, {by}), not ({px}, {py})"
            );
            // And it is the point itself (within a mesh cell of 10/64), unless a nearer part of
            // the surface hides it: then what is found is nearer the eye.
            if (found[0] - x).hypot(found[1] - y) > 10.0 / 64.0 {
                assert!(
                    back[2] < c[2],
                    "({x}, {y}) is hidden by {found:?}, which must be nearer"
                );
            }
        }
        // Above the box: nothing under the cursor.
        assert!(surface.point_at(&m, (200.0, 1.0), (w, h)).is_none());
    }

    #[test]
    fn the_runs_lie_on_the_surface_in_their_colours_and_1d_has_none() {
        let mut s = Session::new("himmelblau", &RustNumbers).expect("opens");
        s.step(5);
        let surface = Surface::build(&s, 65, 8, ScaleKind::Log).expect("built");
        // GD and Newton, five steps each: up to ten segments, two vertices each.
        assert!(!surface.paths.is_empty() && surface.paths.len() <= 10 * 6);
        assert_eq!(surface.paths.len() / 3 * 4, surface.path_colours.len());
        for p in surface.paths.chunks_exact(3) {
            let on = surface.mesh.surface_at(f64::from(p[0]), f64::from(p[1]));
            assert!((f64::from(p[2]) - on).abs() < 0.05, "on the surface: {p:?} vs {on}");
        }
        let gd = rgba(s.run_style(0).rgb, 1.0).to_be_bytes();
        assert_eq!(surface.path_colours[..4], gd);
        // Short runs: a dot per iterate (the start included).
        let iterates: usize = (0..s.run_count())
            .filter_map(|i| s.path(i))
            .map(|(p, _)| p.len() / 2)
            .sum();
        assert_eq!(surface.dots.len(), 3 * iterates);
        assert_eq!(surface.dot_colours.len(), 4 * iterates);
        // A long run is drawn through at most MAX_PATH_POINTS iterates, its last among them, and
        // marks only its current iterate.
        let mut long = Session::new("rosenbrock", &RustNumbers).expect("opens");
        long.apply_link("v=1&l=rosenbrock&m=gd&eta=0.0005&n=10000");
        let surface = Surface::build(&long, 65, 8, ScaleKind::Log).expect("built");
        assert!(
            surface.paths.len() / 6 < MAX_PATH_POINTS,
            "{} segments",
            surface.paths.len() / 6
        );
        assert_eq!(surface.dots.len(), 3, "only the current iterate");
        let (last, _) = long.path(0).expect("on");
        let LandscapeRef::Two(l) = long.landscape() else {
            panic!("2-D")
        };
        let end = surface.mesh.lift(l, &last[last.len() - 2..]);
        assert_eq!(surface.dots[..], end[..], "the dot is the current iterate");
        assert_eq!(
            surface.paths[surface.paths.len() - 3..],
            end[..],
            "and the path ends there"
        );
        let q = Session::new("quadratic1d", &RustNumbers).expect("opens");
        assert!(Surface::build(&q, 65, 8, ScaleKind::Log).is_err());
    }

    #[test]
    fn the_taylor_model_touches_the_surface_at_the_iterate_and_is_it_on_a_quadratic() {
        // A positive-definite quadratic is its own Taylor model: the model's vertices lie on the
        // surface, inside the disc around the analysed point, and nowhere else.
        let mut s = Session::new("quadratic2d", &RustNumbers).expect("opens");
        assert!(Surface::build(&s, 65, 8, ScaleKind::Linear)
            .expect("built")
            .model
            .is_none());
        s.apply_link("v=1&l=quadratic2d&m=gd&hess=1");
        assert!(s.panels().1, "the Hessian view is on");
        let surface = Surface::build(&s, 65, 8, ScaleKind::Linear).expect("built");
        let model = surface.model.as_ref().expect("a model with the Hessian view on");
        assert!(
            model.triangles.len() > 300,
            "{} triangle corners",
            model.triangles.len()
        );
        let at = s.analysis_point().x;
        let [x0, x1, y0, y1] = surface.mesh.view;
        let radius = 0.22 * (x1 - x0).max(y1 - y0);
        for &k in &model.triangles {
            let p = &model.positions[3 * k as usize..][..3];
            let on = surface.mesh.surface_at(f64::from(p[0]), f64::from(p[1]));
            assert!((f64::from(p[2]) - on).abs() < 5e-3, "on the surface: {p:?} vs {on}");
            let (x, y) = (
                x0 + (f64::from(p[0]) + 1.0) / 2.0 * (x1 - x0),
                y0 + (f64::from(p[1]) + 1.0) / 2.0 * (y1 - y0),
            );
            assert!(
                (x - at[0]).hypot(y - at[1]) <= radius * 1.0001,
                "inside the disc: ({x}, {y})"
            );
            assert!((0.0..=1.0).contains(&p[2]), "inside the box");
        }
        // At a point where E is not quadratic, the model touches the surface at the iterate
        // (same height there) and leaves it away from it, and it is cut at the box.
        let mut h = Session::new("himmelblau", &RustNumbers).expect("opens");
        h.apply_link("v=1&l=himmelblau&m=gd&hess=1&s=0.5,1.5");
        let surface = Surface::build(&h, 129, 8, ScaleKind::Linear).expect("built");
        let model = surface.model.as_ref().expect("a model");
        let LandscapeRef::Two(l) = h.landscape() else {
            panic!("2-D")
        };
        let at = h.analysis_point().x;
        let near = surface.mesh.lift(l, &at);
        let (u, v) = (f64::from(near[0]), f64::from(near[1]));
        // (The model's vertex nearest the iterate.)
        let nearest = model
            .positions
            .chunks_exact(3)
            .filter(|p| p[2].is_finite())
            .min_by(|a, b| {
                let d = |p: &[f32]| (f64::from(p[0]) - u).hypot(f64::from(p[1]) - v);
                d(a).total_cmp(&d(b))
            })
            .expect("vertices");
        let model_at = f64::from(nearest[2]);
        let surface_at = surface.mesh.surface_at(f64::from(nearest[0]), f64::from(nearest[1]));
        assert!(
            (model_at - surface_at).abs() < 0.01,
            "touches at the iterate: {model_at} vs {surface_at}"
        );
        let apart = model
            .triangles
            .iter()
            .map(|&k| {
                let p = &model.positions[3 * k as usize..][..3];
                (f64::from(p[2]) - surface.mesh.surface_at(f64::from(p[0]), f64::from(p[1]))).abs()
            })
            .fold(0.0, f64::max);
        assert!(apart > 0.02, "and leaves it away from it: {apart}");
        assert!(
            model
                .triangles
                .iter()
                .all(|&k| (0.0..=1.0).contains(&model.positions[3 * k as usize + 2])),
            "cut at the box"
        );
    }

    #[test]
    fn at_a_minimum_between_vertices_the_model_still_covers_the_iterate() {
        // GD converged to Himmelblau's minimum (3, 2), which lies between the vertices of a
        // 128-a-side surface over [−5, 5]²: E there is below every vertex's.
        let mut s = Session::new("himmelblau", &RustNumbers).expect("opens");
        s.apply_link("v=1&l=himmelblau&m=gd&hess=1&s=2.9,2.1&view=-5,5,-5,5");
        s.step(2000);
        let surface = Surface::build(&s, 128, 8, ScaleKind::Log).expect("built");
        let at = s.analysis_point().x;
        assert!((at[0] - 3.0).hypot(at[1] - 2.0) < 1e-6, "converged: {at:?}");
        let model = surface.model.as_ref().expect("a model");
        let (u, v) = ((at[0] + 5.0) / 5.0 - 1.0, (at[1] + 5.0) / 5.0 - 1.0);
        // The model's vertices around the iterate are all there (no hole where it touches).
        let near: Vec<&[f32]> = model
            .positions
            .chunks_exact(3)
            .filter(|p| (f64::from(p[0]) - u).hypot(f64::from(p[1]) - v) < 0.05)
            .collect();
        assert!(
            near.len() > 10 && near.iter().all(|p| p[2].is_finite()),
            "{} near, all defined",
            near.len()
        );
        let covered = model.triangles.chunks_exact(3).any(|t| {
            let c: Vec<&[f32]> = t.iter().map(|&k| &model.positions[3 * k as usize..][..3]).collect();
            let xs = c.iter().map(|p| f64::from(p[0]));
            let ys = c.iter().map(|p| f64::from(p[1]));
            let (x0, x1) = (
                xs.clone().fold(f64::INFINITY, f64::min),
                xs.fold(f64::NEG_INFINITY, f64::max),
            );
            let (y0, y1) = (
                ys.clone().fold(f64::INFINITY, f64::min),
                ys.fold(f64::NEG_INFINITY, f64::max),
            );
            (x0..=x1).contains(&u) && (y0..=y1).contains(&v)
        });
        assert!(covered, "a triangle of the model over the iterate");
    }

    #[test]
    fn turning_the_camera_keeps_it_within_its_bounds_and_the_link_takes_it() {
        let home = CAMERA;
        assert_eq!(turn(home, 0.0, 0.0, 1.0), home);
        let up = turn(home, 0.0, 10.0, 1.0);
        assert_eq!(up[1], PITCH[1]);
        assert_eq!(turn(home, 0.0, -10.0, 1.0)[1], PITCH[0]);
        assert_eq!(turn(home, 0.0, 0.0, 100.0)[2], DISTANCE[1]);
        assert_eq!(turn(home, 0.0, 0.0, 0.01)[2], DISTANCE[0]);
        assert_eq!(turn(home, f64::NAN, f64::INFINITY, f64::NAN), home);
        assert_eq!(turn([f64::NAN; 3], 0.0, 0.0, 1.0), CAMERA);
        // However far it is turned, the yaw stays within half a turn, the same direction.
        let mut c = home;
        for _ in 0..10_000 {
            c = turn(c, 0.7, 0.0, 1.0);
            assert!(crate::share::link::camera_ok(&c), "a camera the link takes: {c:?}");
        }
        let total = 0.6 + 7000.0;
        assert!(
            ((c[0] - total).rem_euclid(2.0 * std::f64::consts::PI))
                .min((total - c[0]).rem_euclid(2.0 * std::f64::consts::PI))
                < 1e-6
        );
        for extreme in [turn(home, 0.0, 10.0, 100.0), turn(home, 0.0, -10.0, 0.01)] {
            assert!(crate::share::link::camera_ok(&extreme), "{extreme:?}");
        }
    }
}
