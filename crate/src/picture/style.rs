//! How each method is drawn, everywhere it is drawn (the map's paths, the legend's swatches,
//! the charts' lines): a colour from Okabe and Ito's palette for colour-vision deficiencies, a
//! dash pattern and a marker shape, so that two methods differ in at least two of the three.
//!
//! Okabe, M. and Ito, K. (2002), "Color Universal Design (CUD): how to make figures and
//! presentations that are friendly to colorblind people", <https://jfly.uni-koeln.de/color/>.

use crate::picture::sketch::{Rgba, Sketch};

/// The shape of a method's markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// A filled disc.
    Circle,
    /// A triangle pointing up.
    Triangle,
    /// A triangle pointing down.
    TriangleDown,
    /// A square.
    Square,
    /// A diamond.
    Diamond,
    /// A thick ×.
    Cross,
    /// A thick +.
    Plus,
    /// A ring.
    Ring,
}

/// How one method is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MethodStyle {
    /// The method's identifier (as in `METHOD_IDS`).
    pub id: &'static str,
    /// `0xRRGGBB`, readable on the light halo every path is drawn on.
    pub rgb: u32,
    /// Dash pattern in pixels (on, off, …); empty for a solid line.
    pub dash: &'static [f64],
    /// Marker shape.
    pub marker: Marker,
}

/// One style per method, in the order of `METHOD_IDS`. Okabe–Ito: orange, reddish purple,
/// black, sky blue, bluish green, vermillion, a darkened yellow (their yellow vanishes on white),
/// blue. Methods that look alike in colour under a deficiency (orange and vermillion, sky blue
/// and blue) differ in dash and marker.
pub const METHOD_STYLES: [MethodStyle; 8] = [
    MethodStyle {
        id: "gd",
        rgb: 0xE69F00,
        dash: &[],
        marker: Marker::Circle,
    },
    MethodStyle {
        id: "gd-optimal",
        rgb: 0xCC79A7,
        dash: &[2.0, 3.0],
        marker: Marker::Triangle,
    },
    MethodStyle {
        id: "newton",
        rgb: 0x000000,
        dash: &[7.0, 4.0],
        marker: Marker::Square,
    },
    MethodStyle {
        id: "damped-newton",
        rgb: 0x56B4E9,
        dash: &[10.0, 3.0, 2.0, 3.0],
        marker: Marker::Diamond,
    },
    MethodStyle {
        id: "lm",
        rgb: 0x009E73,
        dash: &[4.0, 4.0],
        marker: Marker::TriangleDown,
    },
    MethodStyle {
        id: "saddle-free",
        rgb: 0xD55E00,
        dash: &[1.0, 3.0],
        marker: Marker::Cross,
    },
    MethodStyle {
        id: "momentum",
        rgb: 0xB8A200,
        dash: &[12.0, 3.0],
        marker: Marker::Plus,
    },
    MethodStyle {
        id: "adam",
        rgb: 0x0072B2,
        dash: &[6.0, 2.0, 1.0, 2.0],
        marker: Marker::Ring,
    },
];

/// The style of method `i` (in `METHOD_IDS` order).
pub fn method_style(i: usize) -> &'static MethodStyle {
    &METHOD_STYLES[i.min(METHOD_STYLES.len() - 1)]
}

fn polygon(out: &mut Sketch, x: f64, y: f64, r: f64, shape: &[(f64, f64)], fill: Rgba, stroke: Rgba) {
    let pts: Vec<f64> = shape.iter().flat_map(|&(dx, dy)| [x + dx * r, y + dy * r]).collect();
    out.path(&pts, true, fill, stroke, 1.5, &[]);
}

/// A method's marker at `(x, y)` of radius `r`.
pub fn marker(out: &mut Sketch, shape: Marker, x: f64, y: f64, r: f64, fill: Rgba, stroke: Rgba) {
    const A: f64 = 0.4;
    const PLUS: [(f64, f64); 12] = [
        (-A, -1.2),
        (A, -1.2),
        (A, -A),
        (1.2, -A),
        (1.2, A),
        (A, A),
        (A, 1.2),
        (-A, 1.2),
        (-A, A),
        (-1.2, A),
        (-1.2, -A),
        (-A, -A),
    ];
    match shape {
        Marker::Circle => out.disc(x, y, r, 0.0, fill, stroke, 1.5),
        Marker::Ring => out.disc(x, y, r, 0.45 * r, fill, stroke, 1.5),
        Marker::Square => polygon(
            out,
            x,
            y,
            r,
            &[(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)],
            fill,
            stroke,
        ),
        Marker::Triangle => polygon(out, x, y, r, &[(0.0, -1.3), (1.15, 0.85), (-1.15, 0.85)], fill, stroke),
        Marker::TriangleDown => polygon(out, x, y, r, &[(0.0, 1.3), (1.15, -0.85), (-1.15, -0.85)], fill, stroke),
        Marker::Diamond => polygon(
            out,
            x,
            y,
            r,
            &[(0.0, -1.35), (1.1, 0.0), (0.0, 1.35), (-1.1, 0.0)],
            fill,
            stroke,
        ),
        Marker::Plus => polygon(out, x, y, r, &PLUS, fill, stroke),
        Marker::Cross => {
            let c = std::f64::consts::FRAC_1_SQRT_2;
            let rotated: Vec<(f64, f64)> = PLUS.iter().map(|&(a, b)| (c * a - c * b, c * a + c * b)).collect();
            polygon(out, x, y, r, &rotated, fill, stroke);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::catalog::METHOD_IDS;

    #[test]
    fn one_style_per_method_in_catalog_order() {
        let ids: Vec<&str> = METHOD_STYLES.iter().map(|s| s.id).collect();
        assert_eq!(ids, METHOD_IDS);
    }

    /// Any two methods differ in at least two of colour, dash and marker, so that a person who
    /// cannot tell two colours apart still tells the lines apart.
    #[test]
    fn two_methods_differ_in_two_ways() {
        for (i, a) in METHOD_STYLES.iter().enumerate() {
            for b in &METHOD_STYLES[i + 1..] {
                let differences =
                    usize::from(a.rgb != b.rgb) + usize::from(a.dash != b.dash) + usize::from(a.marker != b.marker);
                assert!(differences >= 2, "{} and {}", a.id, b.id);
                assert_ne!(a.dash, b.dash, "{} and {} share a dash pattern", a.id, b.id);
            }
        }
    }
}
