//! The landscape sampled over a view: values on a grid, the heatmap's RGBA pixels and contour
//! lines (marching squares), each computed in one call into a reusable buffer.

use crate::error::Error;
use crate::landscape::{Landscape, Point, U1, U2};
use crate::picture::colormap::{Palette, Scale, ScaleKind};

/// A rectangle of parameter space shown on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Left edge.
    pub x_min: f64,
    /// Right edge.
    pub x_max: f64,
    /// Bottom edge.
    pub y_min: f64,
    /// Top edge.
    pub y_max: f64,
}

impl View {
    /// The view `[x_min, x_max, y_min, y_max]`; each range must be finite and non-empty.
    pub fn new(v: &[f64]) -> Result<View, Error> {
        let &[x_min, x_max, y_min, y_max] = v else {
            return Err(Error::BadView);
        };
        check_range(x_min, x_max)?;
        check_range(y_min, y_max)?;
        Ok(View {
            x_min,
            x_max,
            y_min,
            y_max,
        })
    }
}

/// How far from the origin a view may reach, and how narrow it may be: every landscape here
/// lives within a few units of the origin, and beyond these the picture is meaningless.
pub const VIEW_LIMIT: f64 = 1e6;
/// The narrowest view side.
pub const MIN_SPAN: f64 = 1e-6;

/// Checks that `[lo, hi]` is a range within `±VIEW_LIMIT` at least `MIN_SPAN` wide.
pub fn check_range(lo: f64, hi: f64) -> Result<(), Error> {
    let inside = |v: f64| v.abs() <= VIEW_LIMIT; // false for NaN
    if inside(lo) && inside(hi) && hi - lo >= MIN_SPAN {
        Ok(())
    } else {
        Err(Error::BadView)
    }
}

/// Largest number of samples per side.
pub const MAX_SIDE: usize = 4096;

fn check_side(n: usize) -> Result<(), Error> {
    if (2..=MAX_SIDE).contains(&n) {
        Ok(())
    } else {
        Err(Error::BadGrid)
    }
}

/// A sampled 2-D landscape: values in rows from the top (`y_max`) down, as images are stored.
#[derive(Default)]
pub struct Sampled {
    /// Samples per row.
    pub nx: usize,
    /// Rows.
    pub ny: usize,
    /// `E` at each cell centre, row-major from the top row.
    pub values: Vec<f64>,
    /// RGBA bytes, one pixel per cell, for an `ImageData`.
    pub pixels: Vec<u8>,
    /// Contour segments `[x0, y0, x1, y1, …]` in grid units (0 to `nx`, 0 to `ny` from the top).
    pub contours: Vec<f32>,
    /// The kind of colour scale asked for.
    pub kind: ScaleKind,
    /// The scale fitted by the last sample.
    pub scale: Option<Scale>,
    palette: Palette,
}

impl Sampled {
    /// Samples `landscape` on an `nx × ny` grid of cell centres over `view`, colours it and traces
    /// `levels` contour lines evenly spaced in colour. Reuses the buffers.
    pub fn sample(
        &mut self,
        landscape: &dyn Landscape<U2>,
        view: View,
        nx: usize,
        ny: usize,
        levels: usize,
    ) -> Result<(), Error> {
        check_side(nx)?;
        check_side(ny)?;
        self.nx = nx;
        self.ny = ny;
        // Local borrows of the buffers: the optimizer then knows they do not alias.
        let Sampled {
            values,
            pixels,
            palette,
            kind,
            ..
        } = self;
        values.clear();
        values.resize(nx * ny, 0.0);
        let dx = (view.x_max - view.x_min) / nx as f64;
        let dy = (view.y_max - view.y_min) / ny as f64;
        // (In the lab's build a row at a time: a typed function evaluates several points per
        // pass of its program. The page's wasm has no typed functions.)
        #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
        let mut row_points = Vec::with_capacity(nx);
        for (j, row) in values.chunks_exact_mut(nx).enumerate() {
            let y = view.y_max - (j as f64 + 0.5) * dy;
            #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
            {
                row_points.clear();
                row_points.extend((0..nx).map(|i| [view.x_min + (i as f64 + 0.5) * dx, y]));
                landscape.values(&row_points, row);
            }
            #[cfg(not(any(feature = "lab", not(target_arch = "wasm32"))))]
            for (i, v) in row.iter_mut().enumerate() {
                let x = view.x_min + (i as f64 + 0.5) * dx;
                *v = landscape.value(&Point::<2>::new(x, y));
            }
        }
        let scale = Scale::fit(values, *kind);
        pixels.resize(4 * nx * ny, 0);
        for (px, &v) in pixels.chunks_exact_mut(4).zip(values.iter()) {
            px.copy_from_slice(&palette.rgba(scale.t(v)));
        }
        self.contours.clear();
        let levels: Vec<f64> = (1..=levels)
            .map(|k| scale.value(k as f64 / (levels + 1) as f64))
            .collect();
        self.trace(&levels);
        self.scale = Some(scale);
        Ok(())
    }

    /// Appends the marching-squares segments of the level sets `E = level` for every level in
    /// `levels` (ascending), in one pass over the cells: each cell only visits the levels
    /// between its lowest and highest corner. Cells with a non-finite corner are skipped;
    /// ambiguous (saddle) cells are resolved by the mean of the corners.
    fn trace(&mut self, levels: &[f64]) {
        let (nx, ny) = (self.nx, self.ny);
        let Sampled {
            values: v,
            contours: out,
            ..
        } = self;
        for j in 0..ny - 1 {
            for i in 0..nx - 1 {
                // Corners: a top-left, b top-right, c bottom-right, d bottom-left.
                let (va, vb) = (v[j * nx + i], v[j * nx + i + 1]);
                let (vc, vd) = (v[(j + 1) * nx + i + 1], v[(j + 1) * nx + i]);
                let lo = va.min(vb).min(vc.min(vd));
                let hi = va.max(vb).max(vc.max(vd));
                if !(lo.is_finite() && hi.is_finite()) {
                    continue;
                }
                let first = levels.partition_point(|&l| l < lo);
                for &level in levels[first..].iter().take_while(|&&l| l <= hi) {
                    let (a, b, c, d) = (va - level, vb - level, vc - level, vd - level);
                    cell(out, i, j, [a, b, c, d]);
                }
            }
        }
    }
}

/// Appends to `out` the marching-squares segments of cell `(i, j)` whose corners (top-left,
/// top-right, bottom-right, bottom-left), minus the level, are `[a, b, c, d]`.
pub(crate) fn cell(out: &mut Vec<f32>, i: usize, j: usize, [a, b, c, d]: [f64; 4]) {
    let case = (a > 0.0) as u8 | ((b > 0.0) as u8) << 1 | ((c > 0.0) as u8) << 2 | ((d > 0.0) as u8) << 3;
    if case == 0 || case == 15 {
        return;
    }
    // Crossing points on the four edges, in grid units (cell centres at +0.5).
    let (x0, y0) = (i as f32 + 0.5, j as f32 + 0.5);
    let frac = |p: f64, q: f64| (p / (p - q)) as f32;
    let top = [x0 + frac(a, b), y0];
    let right = [x0 + 1.0, y0 + frac(b, c)];
    let bottom = [x0 + frac(d, c), y0 + 1.0];
    let left = [x0, y0 + frac(a, d)];
    let centre_high = a + b + c + d > 0.0;
    let mut seg = |p: [f32; 2], q: [f32; 2]| out.extend_from_slice(&[p[0], p[1], q[0], q[1]]);
    match case {
        1 | 14 => seg(left, top),
        2 | 13 => seg(top, right),
        3 | 12 => seg(left, right),
        4 | 11 => seg(right, bottom),
        6 | 9 => seg(top, bottom),
        7 | 8 => seg(left, bottom),
        5 if centre_high => {
            seg(left, bottom);
            seg(top, right);
        }
        5 => {
            seg(left, top);
            seg(right, bottom);
        }
        10 if centre_high => {
            seg(left, top);
            seg(right, bottom);
        }
        _ => {
            seg(top, right);
            seg(left, bottom);
        }
    }
}

/// A 1-D landscape sampled at `n` evenly spaced points from `x_min` to `x_max` (both included),
/// with the range of its finite values.
#[derive(Debug, Default)]
pub struct Curve {
    /// `E` at each sample.
    pub values: Vec<f64>,
    /// Smallest finite value (NaN if none).
    pub min: f64,
    /// Largest finite value (NaN if none).
    pub max: f64,
}

impl Curve {
    /// Samples `landscape` over `[x_min, x_max]` at `n` points. Reuses the buffer.
    pub fn sample(&mut self, landscape: &dyn Landscape<U1>, x_min: f64, x_max: f64, n: usize) -> Result<(), Error> {
        check_side(n)?;
        check_range(x_min, x_max)?;
        self.values.clear();
        let dx = (x_max - x_min) / (n - 1) as f64;
        self.values
            .extend((0..n).map(|i| landscape.value(&Point::<1>::new(x_min + i as f64 * dx))));
        let finite = self.values.iter().copied().filter(|v| v.is_finite());
        self.min = finite.clone().fold(f64::NAN, f64::min);
        self.max = finite.fold(f64::NAN, f64::max);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::presets::{Quadratic1, Quadratic2, Saddle};

    #[test]
    fn grid_rows_run_from_the_top() {
        let mut s = Sampled::default();
        let view = View::new(&[-1.0, 1.0, -1.0, 1.0]).expect("valid view");
        s.sample(&Saddle, view, 4, 4, 0).expect("samples");
        // E = x² − y²: the top-left cell centre is (−0.75, 0.75), E = 0; top row, second cell (−0.25, 0.75).
        assert_eq!(s.values[0], 0.0);
        assert_eq!(s.values[1], 0.0625 - 0.5625);
        assert_eq!(s.pixels.len(), 4 * 16);
        assert!(s.pixels.chunks(4).all(|p| p[3] == 255));
    }

    #[test]
    fn contours_of_a_round_bowl_are_circles() {
        let mut s = Sampled::default();
        let view = View::new(&[-2.0, 2.0, -2.0, 2.0]).expect("valid view");
        s.sample(&Quadratic2::new(2.0, 2.0, 0.0), view, 201, 201, 5)
            .expect("samples");
        assert!(!s.contours.is_empty());
        assert_eq!(s.contours.len() % 4, 0);
        let scale = s.scale.expect("fitted");
        // Every vertex of the first level lies on the circle x² + y² = level (within a cell).
        let r = scale.value(1.0 / 6.0).sqrt();
        let cell = 4.0 / 201.0;
        for p in s.contours.chunks(2) {
            let (x, y) = (-2.0 + p[0] as f64 * cell, 2.0 - p[1] as f64 * cell);
            let d = (x * x + y * y).sqrt();
            assert!(d > r - 2.0 * cell, "a vertex inside the first level");
        }
    }

    #[test]
    fn rejects_bad_grids_and_views() {
        let mut s = Sampled::default();
        let view = View::new(&[-1.0, 1.0, -1.0, 1.0]).expect("valid view");
        assert_eq!(s.sample(&Saddle, view, 1, 10, 3), Err(Error::BadGrid));
        assert_eq!(s.sample(&Saddle, view, 10, MAX_SIDE + 1, 3), Err(Error::BadGrid));
        for bad in [
            [1.0, -1.0, 0.0, 1.0],
            [0.0, f64::NAN, 0.0, 1.0],
            [0.0, 1.0, 2.0, 2.0],
            [-f64::MAX, f64::MAX, 0.0, 1.0],
        ] {
            assert!(View::new(&bad).is_err(), "{bad:?}");
        }
        assert!(View::new(&[0.0, 1.0]).is_err());
    }

    #[test]
    fn curve_samples_ends_and_range() {
        let mut c = Curve::default();
        c.sample(&Quadratic1 { a: 2.0 }, -2.0, 2.0, 5).expect("samples");
        assert_eq!(c.values, vec![4.0, 1.0, 0.0, 1.0, 4.0]);
        assert_eq!((c.min, c.max), (0.0, 4.0));
    }
}
