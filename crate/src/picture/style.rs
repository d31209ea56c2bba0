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
    /// A pentagon.
    Pentagon,
    /// A hexagon.
    Hexagon,
    /// A five-pointed star.
    Star,
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
/// black, sky blue, bluish green, vermillion, then blue-violet in place of their yellow (which
/// vanishes on white, and darkened, merges with orange under protanopia), blue; for the
/// quasi-Newton methods, three darker colours chosen to keep that distance from all eight: brown,
/// grey and plum. Any two colours
/// stay apart under the three colour-vision deficiencies (tested), and any two methods differ in
/// dash and marker as well.
pub const METHOD_STYLES: [MethodStyle; 11] = [
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
        // (Blue-violet, not Okabe–Ito's yellow: a dark yellow became GD's orange under
        // protanopia, ΔE 2.5.)
        rgb: 0x8A2BE2,
        dash: &[12.0, 3.0],
        marker: Marker::Plus,
    },
    MethodStyle {
        id: "adam",
        rgb: 0x0072B2,
        dash: &[6.0, 2.0, 1.0, 2.0],
        marker: Marker::Ring,
    },
    MethodStyle {
        id: "bfgs",
        rgb: 0x773300,
        dash: &[9.0, 2.0, 2.0, 2.0, 2.0, 2.0],
        marker: Marker::Pentagon,
    },
    MethodStyle {
        id: "lbfgs",
        rgb: 0x555555,
        dash: &[3.0, 2.0],
        marker: Marker::Hexagon,
    },
    MethodStyle {
        id: "cg",
        rgb: 0x773377,
        dash: &[14.0, 4.0, 4.0, 4.0],
        marker: Marker::Star,
    },
];

/// The colours of runs of their own: chosen, from a grid of readable colours, to stay at least
/// ΔE*₇₆ = 20 from every method's colour and from each other under the three colour-vision
/// deficiencies (tested with the methods' at 15): olive, indigo, lavender and blue.
pub const OWN_COLOURS: [u32; 4] = [0x99BB66, 0x440088, 0x9988FF, 0x0000FF];

/// The dash patterns of runs of their own, none a method's.
pub const OWN_DASHES: [&[f64]; 4] = [&[5.0, 5.0], &[2.0, 2.0], &[9.0, 3.0, 3.0, 3.0], &[16.0, 4.0]];

/// The style of run of its own `j` of method `i`: its own colour and dash, the method's marker
/// (so it differs from every method and from the other runs of their own in colour and dash).
pub fn own_style(j: usize, i: usize) -> MethodStyle {
    let j = j.min(OWN_COLOURS.len() - 1);
    MethodStyle {
        rgb: OWN_COLOURS[j],
        dash: OWN_DASHES[j],
        ..*method_style(i)
    }
}

/// The style of method `i` (in `METHOD_IDS` order).
pub fn method_style(i: usize) -> &'static MethodStyle {
    &METHOD_STYLES[i.min(METHOD_STYLES.len() - 1)]
}

fn polygon(out: &mut Sketch, x: f64, y: f64, r: f64, shape: &[(f64, f64)], fill: Rgba, stroke: Rgba) {
    let pts: Vec<f64> = shape.iter().flat_map(|&(dx, dy)| [x + dx * r, y + dy * r]).collect();
    out.path(&pts, true, fill, stroke, 1.5, &[]);
}

/// A pentagon, a hexagon and a five-pointed star pointing up, of radius about 1.2.
const PENTAGON: [(f64, f64); 5] = [
    (0.0, -1.2),
    (1.141, -0.371),
    (0.705, 0.971),
    (-0.705, 0.971),
    (-1.141, -0.371),
];
const HEXAGON: [(f64, f64); 6] = [
    (0.0, -1.15),
    (0.996, -0.575),
    (0.996, 0.575),
    (0.0, 1.15),
    (-0.996, 0.575),
    (-0.996, -0.575),
];
const STAR: [(f64, f64); 10] = [
    (0.0, -1.45),
    (0.353, -0.485),
    (1.379, -0.448),
    (0.571, 0.185),
    (0.852, 1.173),
    (0.0, 0.6),
    (-0.852, 1.173),
    (-0.571, 0.185),
    (-1.379, -0.448),
    (-0.353, -0.485),
];

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
        Marker::Pentagon => polygon(out, x, y, r, &PENTAGON, fill, stroke),
        Marker::Hexagon => polygon(out, x, y, r, &HEXAGON, fill, stroke),
        Marker::Star => polygon(out, x, y, r, &STAR, fill, stroke),
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
    fn the_polygons_are_regular() {
        let corners = |n: usize, outer: f64, inner: f64| -> Vec<(f64, f64)> {
            (0..n)
                .map(|k| {
                    let a = std::f64::consts::TAU * k as f64 / n as f64;
                    let r = if k % 2 == 0 { outer } else { inner };
                    (r * a.sin(), -r * a.cos())
                })
                .collect()
        };
        for (table, exact) in [
            (&PENTAGON[..], corners(5, 1.2, 1.2)),
            (&HEXAGON[..], corners(6, 1.15, 1.15)),
            (&STAR[..], corners(10, 1.45, 0.6)),
        ] {
            for (p, q) in table.iter().zip(&exact) {
                assert!(
                    (p.0 - q.0).abs() < 1e-3 && (p.1 - q.1).abs() < 1e-3,
                    "{p:?} against {q:?}"
                );
            }
        }
    }

    #[test]
    fn one_style_per_method_in_catalog_order() {
        let ids: Vec<&str> = METHOD_STYLES.iter().map(|s| s.id).collect();
        assert_eq!(ids, METHOD_IDS);
    }

    /// Any two methods, and any two lines on one page (a method's and a run of its own of any
    /// method; two runs of their own, which are numbered apart), differ in at least two of
    /// colour, dash and marker, so that a person who cannot tell two colours apart still tells
    /// the lines apart.
    #[test]
    fn two_methods_differ_in_two_ways() {
        let differ = |a: &MethodStyle, b: &MethodStyle| {
            let differences =
                usize::from(a.rgb != b.rgb) + usize::from(a.dash != b.dash) + usize::from(a.marker != b.marker);
            assert!(differences >= 2, "{a:?} and {b:?}");
            assert_ne!(a.dash, b.dash, "{a:?} and {b:?} share a dash pattern");
        };
        let own: Vec<(usize, MethodStyle)> = (0..OWN_COLOURS.len())
            .flat_map(|j| (0..METHOD_IDS.len()).map(move |i| (j, own_style(j, i))))
            .collect();
        for (i, a) in METHOD_STYLES.iter().enumerate() {
            METHOD_STYLES[i + 1..].iter().for_each(|b| differ(a, b));
            own.iter().for_each(|(_, b)| differ(a, b));
        }
        for (j, a) in &own {
            own.iter().filter(|(k, _)| k > j).for_each(|(_, b)| differ(a, b));
        }
    }

    /// `0xRRGGBB` in CIE L*a*b* (D65), after the linear-RGB matrix `m` (a colour-vision
    /// simulation; the identity for none).
    fn lab(rgb: u32, m: &[[f64; 3]; 3]) -> [f64; 3] {
        let lin = |c: u32| {
            let c = f64::from(c & 255) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let v = [lin(rgb >> 16), lin(rgb >> 8), lin(rgb)];
        let o: Vec<f64> = m
            .iter()
            .map(|r| (r[0] * v[0] + r[1] * v[1] + r[2] * v[2]).clamp(0.0, 1.0))
            .collect();
        let x = 0.4124 * o[0] + 0.3576 * o[1] + 0.1805 * o[2];
        let y = 0.2126 * o[0] + 0.7152 * o[1] + 0.0722 * o[2];
        let z = 0.0193 * o[0] + 0.1192 * o[1] + 0.9505 * o[2];
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        let (fx, fy, fz) = (f(x / 0.95047), f(y), f(z / 1.08883));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    /// Lines are told apart by colour first, for everyone: under simulated protanopia,
    /// deuteranopia and tritanopia (Machado, Oliveira and Fernandes 2009, severity 1) as without,
    /// any two methods' colours lie at least ΔE*₇₆ = 15 apart (about five just-noticeable
    /// differences).
    #[test]
    fn colours_stay_apart_under_colour_blindness() {
        let simulations: [(&str, [[f64; 3]; 3]); 4] = [
            ("none", [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]),
            (
                "protanopia",
                [
                    [0.152286, 1.052583, -0.204868],
                    [0.114503, 0.786281, 0.099216],
                    [-0.003882, -0.048116, 1.051998],
                ],
            ),
            (
                "deuteranopia",
                [
                    [0.367322, 0.860646, -0.227968],
                    [0.280085, 0.672501, 0.047413],
                    [-0.011820, 0.042940, 0.968881],
                ],
            ),
            (
                "tritanopia",
                [
                    [1.255528, -0.076749, -0.178779],
                    [-0.078411, 0.930809, 0.147602],
                    [0.004733, 0.691367, 0.303900],
                ],
            ),
        ];
        let colours: Vec<(&str, u32)> = METHOD_STYLES
            .iter()
            .map(|s| (s.id, s.rgb))
            .chain(OWN_COLOURS.iter().map(|&c| ("a run of its own", c)))
            .collect();
        for (name, m) in &simulations {
            for (i, a) in colours.iter().enumerate() {
                for b in &colours[i + 1..] {
                    let (p, q) = (lab(a.1, m), lab(b.1, m));
                    let d = ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt();
                    assert!(d >= 15.0, "{name}: {} and {} are ΔE {d:.1} apart", a.0, b.0);
                }
            }
        }
        // The oracle itself: grey stays grey, and red and green merge under protanopia.
        let grey = lab(0x777777, &simulations[1].1);
        assert!(grey[1].abs() < 1.0 && grey[2].abs() < 1.0, "{grey:?}");
        let (r, g) = (lab(0xcc3333, &simulations[1].1), lab(0x669933, &simulations[1].1));
        assert!((r[1] - g[1]).abs() < 15.0, "{r:?} {g:?}");
    }
}
