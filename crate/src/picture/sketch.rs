//! A display list for a 2-D canvas: what the map and its axes draw, computed in the core and
//! painted by the page in one pass (`www/paint.js`), so that every position, colour and label is
//! decided here and tested natively.
//!
//! The list is numbers (`ops`) and strings (`texts`). Each operation is a code and its operands;
//! colours are `0xRRGGBBAA` (alpha 0: not drawn), coordinates CSS pixels from the top-left.
//!
//! | code | operands | draws |
//! |---|---|---|
//! | 1 `PATH` | fill, stroke, width, `d`, dash × d, closed, `n`, x y × n | a polyline or polygon (even-odd fill) |
//! | 2 `SEGMENTS` | stroke, width, `d`, dash × d, `n`, x₀ y₀ x₁ y₁ × n | disjoint line segments |
//! | 3 `DISC` | fill, stroke, width, x, y, r, inner r | a disc, or a ring when inner r > 0 |
//! | 4 `TEXT` | text index, x, y, size, align, baseline, colour, halo | a label (align −1 left, 0 centre, 1 right; baseline −1 top, 0 middle, 1 alphabetic) |
//! | 5 `CLIP` | x, y, r | clips what follows to a disc, until `UNCLIP` |
//! | 6 `UNCLIP` | | ends the clip |

/// Operation codes (see the module docs).
pub mod op {
    /// A polyline or polygon.
    pub const PATH: f64 = 1.0;
    /// Disjoint segments.
    pub const SEGMENTS: f64 = 2.0;
    /// A disc or ring.
    pub const DISC: f64 = 3.0;
    /// A label.
    pub const TEXT: f64 = 4.0;
    /// Start of a disc clip.
    pub const CLIP: f64 = 5.0;
    /// End of a clip.
    pub const UNCLIP: f64 = 6.0;
}

/// `0xRRGGBBAA`.
pub type Rgba = u32;

/// Nothing drawn.
pub const NONE: Rgba = 0;

/// `0xRRGGBB` with alpha `a` in `[0, 1]`.
pub fn rgba(rgb: u32, a: f64) -> Rgba {
    (rgb << 8) | (a.clamp(0.0, 1.0) * 255.0).round() as u32
}

/// How a label is anchored at its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// The point is at the label's left (or top) edge.
    Start = -1,
    /// The point is at its centre.
    Middle = 0,
    /// The point is at its right edge (or on its baseline).
    End = 1,
}

/// A label and where it is, as the tests read it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The text.
    pub text: String,
    /// Its box: left, top, right, bottom (CSS pixels, estimated width).
    pub bounds: [f64; 4],
}

/// The width of `text` at `size` pixels in the page's sans-serif font, estimated (the core
/// cannot measure) from the widths of DejaVu Sans, the widest common default: most glyphs
/// (digits too) 0.62–0.64 em, `−`, `+`, `=` 0.84, `m`, `w` and most capitals wider, `i`, `l`, `t`, `f`, `r`, punctuation and
/// spaces narrower. An overestimate by a few per cent, never an underestimate of a word that
/// could then touch its neighbour.
pub fn text_width(text: &str, size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
            ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' => 0.4,
            'm' | 'w' | 'M' | 'W' => 0.95,
            '−' | '+' | '=' | '<' | '>' => 0.84,
            'A'..='Z' | '‖' | '∇' | '×' => 0.72,
            _ => 0.64,
        })
        .sum();
    em * size
}

/// `v` within `[lo, hi]` (NaN stays NaN), for bounds known only at run time: `f64::clamp`
/// would carry its panic message's float formatting (some 18 KB) into the page's wasm.
pub fn within(v: f64, lo: f64, hi: f64) -> f64 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}

/// Far-away (diverging) points are clamped so the canvas never sees huge coordinates.
pub fn clamp_px(v: f64) -> f64 {
    if v.is_nan() {
        v
    } else {
        v.clamp(-1e5, 1e5)
    }
}

/// A display list being built.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Sketch {
    /// The operations (see the module docs).
    pub ops: Vec<f64>,
    /// The labels' texts, indexed by `TEXT` operations.
    pub texts: Vec<String>,
    /// Every label drawn, with its estimated box.
    pub labels: Vec<Label>,
}

impl Sketch {
    /// Empties the list, keeping its buffers.
    pub fn clear(&mut self) {
        self.ops.clear();
        self.texts.clear();
        self.labels.clear();
    }

    fn pen(&mut self, stroke: Rgba, width: f64, dash: &[f64]) {
        self.ops.extend([stroke as f64, width, dash.len() as f64]);
        self.ops.extend_from_slice(dash);
    }

    /// A polyline through `points` (`[x, y, …]`), closed (and filled with `fill`) if `closed`.
    pub fn path(&mut self, points: &[f64], closed: bool, fill: Rgba, stroke: Rgba, width: f64, dash: &[f64]) {
        let n = points.len() / 2;
        if n == 0 {
            return;
        }
        self.ops.extend([op::PATH, fill as f64]);
        self.pen(stroke, width, dash);
        self.ops.extend([f64::from(u8::from(closed)), n as f64]);
        self.ops.extend(points[..2 * n].iter().map(|&v| clamp_px(v)));
    }

    /// A straight line from `(x0, y0)` to `(x1, y1)`.
    pub fn line(&mut self, [x0, y0, x1, y1]: [f64; 4], stroke: Rgba, width: f64, dash: &[f64]) {
        self.path(&[x0, y0, x1, y1], false, NONE, stroke, width, dash);
    }

    /// Segments `[x0, y0, x1, y1, …]` mapped by `map` (grid units to pixels).
    pub fn segments(
        &mut self,
        segments: &[f32],
        stroke: Rgba,
        width: f64,
        dash: &[f64],
        map: impl Fn(f64, f64) -> (f64, f64),
    ) {
        let n = segments.len() / 4;
        if n == 0 {
            return;
        }
        self.ops.push(op::SEGMENTS);
        self.pen(stroke, width, dash);
        self.ops.push(n as f64);
        for s in segments.chunks_exact(4) {
            let (a, b) = map(f64::from(s[0]), f64::from(s[1]));
            let (c, d) = map(f64::from(s[2]), f64::from(s[3]));
            self.ops.extend([a, b, c, d]);
        }
    }

    /// A disc of radius `r` at `(x, y)`; a ring when `inner > 0`.
    #[allow(clippy::too_many_arguments)]
    pub fn disc(&mut self, x: f64, y: f64, r: f64, inner: f64, fill: Rgba, stroke: Rgba, width: f64) {
        self.ops.extend([
            op::DISC,
            fill as f64,
            stroke as f64,
            width,
            clamp_px(x),
            clamp_px(y),
            r,
            inner,
        ]);
    }

    /// A label at `(x, y)`, anchored by `align` (horizontally) and `baseline` (vertically:
    /// `Start` top, `Middle` middle, `End` alphabetic baseline), with a halo unless `halo` is
    /// [`NONE`].
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        text: &str,
        x: f64,
        y: f64,
        size: f64,
        align: Align,
        baseline: Align,
        colour: Rgba,
        halo: Rgba,
    ) {
        let w = text_width(text, size);
        let left = match align {
            Align::Start => x,
            Align::Middle => x - w / 2.0,
            Align::End => x - w,
        };
        let top = match baseline {
            Align::Start => y,
            Align::Middle => y - 0.5 * size,
            Align::End => y - 0.8 * size,
        };
        self.labels.push(Label {
            text: text.to_owned(),
            bounds: [left, top, left + w, top + size],
        });
        self.ops.extend([
            op::TEXT,
            self.texts.len() as f64,
            x,
            y,
            size,
            align as i32 as f64,
            baseline as i32 as f64,
            colour as f64,
            halo as f64,
        ]);
        self.texts.push(text.to_owned());
    }

    /// Writes every label's decimal points as commas (Spanish, and most languages but
    /// English): `2.5` becomes `2,5`; a point not between two digits (`GD opt.`) stays.
    pub fn decimal_comma(&mut self) {
        for t in self.texts.iter_mut().chain(self.labels.iter_mut().map(|l| &mut l.text)) {
            if !t.contains('.') {
                continue;
            }
            let chars: Vec<char> = t.chars().collect();
            *t = chars
                .iter()
                .enumerate()
                .map(|(i, &c)| {
                    let digit = |j: Option<&char>| j.is_some_and(char::is_ascii_digit);
                    if c == '.' && i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1)) {
                        ','
                    } else {
                        c
                    }
                })
                .collect();
        }
    }

    /// Clips what follows to a disc until [`Sketch::unclip`].
    pub fn clip(&mut self, x: f64, y: f64, r: f64) {
        self.ops.extend([op::CLIP, x, y, r]);
    }

    /// Ends a clip.
    pub fn unclip(&mut self) {
        self.ops.push(op::UNCLIP);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_are_laid_out_as_documented() {
        let mut s = Sketch::default();
        s.path(
            &[1.0, 2.0, 3.0, 4.0],
            false,
            NONE,
            rgba(0xff0000, 1.0),
            2.0,
            &[4.0, 2.0],
        );
        assert_eq!(
            s.ops,
            [
                op::PATH,
                0.0,
                0xff0000ff_u32 as f64,
                2.0,
                2.0,
                4.0,
                2.0,
                0.0,
                2.0,
                1.0,
                2.0,
                3.0,
                4.0
            ]
        );
        s.clear();
        s.text("x", 10.0, 20.0, 12.0, Align::Middle, Align::Start, rgba(0, 1.0), NONE);
        assert_eq!(s.ops, [op::TEXT, 0.0, 10.0, 20.0, 12.0, 0.0, -1.0, 255.0, 0.0]);
        assert_eq!(s.texts, ["x"]);
        assert_eq!(s.labels[0].bounds[1], 20.0);
    }

    #[test]
    fn a_decimal_comma_for_the_languages_that_write_one() {
        let mut s = Sketch::default();
        s.text("2.5", 0.0, 0.0, 12.0, Align::Start, Align::Start, NONE, NONE);
        s.text("1.5×10¹⁶", 0.0, 0.0, 12.0, Align::Start, Align::Start, NONE, NONE);
        s.text("GD opt.", 0.0, 0.0, 12.0, Align::Start, Align::Start, NONE, NONE);
        s.decimal_comma();
        assert_eq!(s.texts, ["2,5", "1,5×10¹⁶", "GD opt."]);
        assert_eq!(s.labels[0].text, "2,5");
    }

    #[test]
    fn huge_coordinates_are_clamped() {
        let mut s = Sketch::default();
        s.path(&[1e300, -1e300], false, NONE, NONE, 1.0, &[]);
        assert_eq!(&s.ops[s.ops.len() - 2..], [1e5, -1e5]);
    }
}
