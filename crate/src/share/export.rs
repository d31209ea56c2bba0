//! Trajectories as CSV: one row per iterate of every run, for spreadsheets, notebooks and the
//! end-to-end test that compares two pages opened from the same share link.
//!
//! Columns: `method,iteration,x,y,E,grad_norm`. `method` is the catalog id (stable across
//! languages); `y` is empty for a 1-D landscape. Numbers are written through [`Numbers`], so the
//! text parses back to exactly the number the core holds; non-finite numbers are written `NaN`,
//! `Infinity` and `-Infinity` (as JavaScript and Python's `float` read them).

use crate::numbers::Numbers;

/// One run to export: a method id and the trajectory's flat buffers.
pub struct Track<'a> {
    /// The method's catalog id (`"gd"`, `"newton"`, …).
    pub method: &'a str,
    /// Coordinates per iterate (1 or 2).
    pub dim: usize,
    /// Every iterate, `dim` numbers each.
    pub points: &'a [f64],
    /// `E` at every iterate.
    pub values: &'a [f64],
    /// `‖∇E‖` at every iterate.
    pub grad_norms: &'a [f64],
}

/// The header line of [`csv`].
pub const HEADER: &str = "method,iteration,x,y,E,grad_norm";

fn push_number(out: &mut String, numbers: &dyn Numbers, x: f64) {
    if x.is_nan() {
        out.push_str("NaN");
    } else if x.is_infinite() {
        out.push_str(if x > 0.0 { "Infinity" } else { "-Infinity" });
    } else {
        out.push_str(&numbers.format(x));
    }
}

/// Every iterate of every track, in track order, after [`HEADER`]; lines end with `\n`.
/// A track whose buffers disagree in length is cut to the shortest.
pub fn csv(tracks: &[Track], numbers: &dyn Numbers) -> String {
    let mut out = String::with_capacity(64 + tracks.iter().map(|t| t.values.len() * 48).sum::<usize>());
    out.push_str(HEADER);
    out.push('\n');
    for t in tracks {
        let dim = t.dim.clamp(1, 2);
        let n = (t.points.len() / dim).min(t.values.len()).min(t.grad_norms.len());
        // Method ids come from the catalog (runs of their own add `_eta0.5`); anything else is
        // reduced to a safe token.
        let method: String = t
            .method
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || "-_.+".contains(*c))
            .collect();
        for i in 0..n {
            out.push_str(&method);
            out.push(',');
            out.push_str(&i.to_string());
            out.push(',');
            push_number(&mut out, numbers, t.points[i * dim]);
            out.push(',');
            if dim == 2 {
                push_number(&mut out, numbers, t.points[i * dim + 1]);
            }
            out.push(',');
            push_number(&mut out, numbers, t.values[i]);
            out.push(',');
            push_number(&mut out, numbers, t.grad_norms[i]);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::presets::{Himmelblau, Quadratic1};
    use crate::landscape::Point;
    use crate::method::newton::Newton;
    use crate::method::trajectory::Trajectory;
    use crate::method::Criteria;
    use crate::numbers::RustNumbers;

    #[test]
    fn one_row_per_iterate_that_parses_back_exactly() {
        let gd = crate::method::gradient_descent::GradientDescent::new(0.01).expect("valid");
        let mut t = Trajectory::new(
            Box::new(gd),
            &Himmelblau,
            Point::<2>::new(0.3, -1.7),
            Criteria::default(),
        );
        t.advance(&Himmelblau, 40);
        let text = csv(
            &[Track {
                method: "gd",
                dim: 2,
                points: t.points(),
                values: t.values(),
                grad_norms: t.grad_norms(),
            }],
            &RustNumbers,
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], HEADER);
        assert_eq!(lines.len(), 1 + 41);
        for (i, line) in lines[1..].iter().enumerate() {
            let f: Vec<&str> = line.split(',').collect();
            assert_eq!(f.len(), 6);
            assert_eq!((f[0], f[1]), ("gd", i.to_string().as_str()));
            let num = |s: &str| s.parse::<f64>().expect("a number");
            let x = num(f[2]);
            let y = num(f[3]);
            let e = num(f[4]);
            let g = num(f[5]);
            assert_eq!((x, y), (t.points()[2 * i], t.points()[2 * i + 1]));
            assert_eq!((e, g), (t.values()[i], t.grad_norms()[i]));
        }
    }

    #[test]
    fn one_dimensional_rows_leave_y_empty_and_non_finite_numbers_are_named() {
        let mut t = Trajectory::new(
            Box::new(Newton),
            &Quadratic1 { a: 2.0 },
            Point::<1>::new(3.0),
            Criteria::default(),
        );
        t.advance(&Quadratic1 { a: 2.0 }, 5);
        let text = csv(
            &[
                Track {
                    method: "newton",
                    dim: 1,
                    points: t.points(),
                    values: t.values(),
                    grad_norms: t.grad_norms(),
                },
                Track {
                    method: "gd<script>",
                    dim: 1,
                    points: &[f64::INFINITY, 1.0],
                    values: &[f64::NAN],
                    grad_norms: &[f64::NEG_INFINITY, 0.0],
                },
            ],
            &RustNumbers,
        );
        assert_eq!(
            text,
            "method,iteration,x,y,E,grad_norm\nnewton,0,3,,9,6\nnewton,1,0,,0,0\ngdscript,0,Infinity,,NaN,-Infinity\n"
        );
    }
}
