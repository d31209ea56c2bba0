//! A [`Sketch`] written as an SVG document: the charts' export, drawn by the same code as the
//! page's canvas. Numbers are written with one decimal by integer arithmetic (no float
//! formatter in the wasm); text is escaped.

use crate::picture::sketch::{op, Sketch};
use crate::picture::ticks::fixed;

fn colour(out: &mut String, attr: &str, c: f64) {
    let c = c as u32;
    if c & 255 == 0 {
        out.push_str(&format!(" {attr}=\"none\""));
        return;
    }
    out.push_str(&format!(" {attr}=\"#{:06x}\"", c >> 8));
    if c & 255 != 255 {
        out.push_str(&format!(" {attr}-opacity=\"{}\"", fixed(f64::from(c & 255) / 255.0, 2)));
    }
}

fn num(v: f64) -> String {
    fixed(v, 1)
}

/// Reads a stroke: colour, width, dashes; returns the attributes and the index after them.
fn pen(ops: &[f64], k: usize) -> (String, usize) {
    let mut a = String::new();
    colour(&mut a, "stroke", ops[k]);
    a.push_str(&format!(" stroke-width=\"{}\"", num(ops[k + 1])));
    let d = ops[k + 2] as usize;
    if d > 0 {
        let dash: Vec<String> = ops[k + 3..k + 3 + d].iter().map(|&v| num(v)).collect();
        a.push_str(&format!(" stroke-dasharray=\"{}\"", dash.join(" ")));
    }
    (a, k + 3 + d)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `sketch` as an SVG document of `width × height` pixels on a white background.
pub fn to_svg(sketch: &Sketch, width: f64, height: f64) -> String {
    let (w, h) = (num(width), num(height));
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"system-ui, sans-serif\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n"
    );
    let ops = &sketch.ops;
    let mut k = 0;
    let mut clips = 0;
    while k < ops.len() {
        let code = ops[k];
        k += 1;
        if code == op::PATH || code == op::SEGMENTS {
            let fill = if code == op::PATH {
                k += 1;
                ops[k - 1]
            } else {
                0.0
            };
            let (stroke, next) = pen(ops, k);
            k = next;
            let closed = code == op::PATH && ops[k] == 1.0;
            if code == op::PATH {
                k += 1;
            }
            let n = ops[k] as usize;
            k += 1;
            let per = if code == op::PATH { 2 } else { 4 };
            let pts = &ops[k..k + per * n];
            k += per * n;
            let mut paint = String::new();
            colour(&mut paint, "fill", fill);
            if code == op::SEGMENTS {
                let d: Vec<String> = pts
                    .chunks_exact(4)
                    .map(|s| format!("M{} {}L{} {}", num(s[0]), num(s[1]), num(s[2]), num(s[3])))
                    .collect();
                out.push_str(&format!("<path d=\"{}\" fill=\"none\"{stroke}/>\n", d.concat()));
            } else {
                let p: Vec<String> = pts
                    .chunks_exact(2)
                    .map(|p| format!("{},{}", num(p[0]), num(p[1])))
                    .collect();
                let tag = if closed { "polygon" } else { "polyline" };
                out.push_str(&format!(
                    "<{tag} points=\"{}\"{paint}{stroke} fill-rule=\"evenodd\" stroke-linejoin=\"round\"/>\n",
                    p.join(" ")
                ));
            }
        } else if code == op::DISC {
            let [fill, stroke, width, x, y, r, inner] = [0, 1, 2, 3, 4, 5, 6].map(|i| ops[k + i]);
            k += 7;
            let mut a = String::new();
            colour(&mut a, "fill", fill);
            colour(&mut a, "stroke", stroke);
            a.push_str(&format!(" stroke-width=\"{}\"", num(width)));
            if inner > 0.0 {
                let ring = |r: f64| {
                    format!(
                        "M{} {}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 {} 0",
                        num(x - r),
                        num(y),
                        num(2.0 * r),
                        num(-2.0 * r),
                        r = num(r)
                    )
                };
                out.push_str(&format!(
                    "<path d=\"{}{}\" fill-rule=\"evenodd\"{a}/>\n",
                    ring(r),
                    ring(inner)
                ));
            } else {
                out.push_str(&format!(
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{a}/>\n",
                    num(x),
                    num(y),
                    num(r)
                ));
            }
        } else if code == op::TEXT {
            let [index, x, y, size, align, baseline, fill, halo] = [0, 1, 2, 3, 4, 5, 6, 7].map(|i| ops[k + i]);
            k += 8;
            let anchor = ["start", "middle", "end"][(align + 1.0) as usize];
            let base = ["hanging", "central", "alphabetic"][(baseline + 1.0) as usize];
            let mut a = String::new();
            colour(&mut a, "fill", fill);
            if halo as u32 & 255 != 0 {
                colour(&mut a, "stroke", halo);
                a.push_str(" stroke-width=\"3\" paint-order=\"stroke\"");
            }
            let text = sketch.texts.get(index as usize).map_or(String::new(), |t| escape(t));
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"{anchor}\" dominant-baseline=\"{base}\"{a}>{text}</text>\n",
                num(x),
                num(y),
                num(size)
            ));
        } else if code == op::CLIP {
            clips += 1;
            out.push_str(&format!(
                "<clipPath id=\"c{clips}\"><circle cx=\"{}\" cy=\"{}\" r=\"{}\"/></clipPath><g clip-path=\"url(#c{clips})\">\n",
                num(ops[k]),
                num(ops[k + 1]),
                num(ops[k + 2])
            ));
            k += 3;
        } else if code == op::UNCLIP {
            out.push_str("</g>\n");
        } else {
            break;
        }
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::picture::sketch::{rgba, Align, NONE};

    #[test]
    fn every_operation_becomes_an_element() {
        let mut s = Sketch::default();
        s.path(
            &[0.0, 0.0, 10.0, 5.5],
            false,
            NONE,
            rgba(0xe69f00, 1.0),
            2.0,
            &[4.0, 2.0],
        );
        s.path(
            &[0.0, 0.0, 10.0, 0.0, 5.0, 5.0],
            true,
            rgba(0x000000, 0.5),
            NONE,
            0.0,
            &[],
        );
        s.segments(&[0.0, 0.0, 1.0, 1.0], rgba(0xffffff, 1.0), 1.0, &[], |x, y| (x, y));
        s.disc(5.0, 5.0, 3.0, 1.0, rgba(0x0072b2, 1.0), NONE, 1.0);
        s.clip(5.0, 5.0, 4.0);
        s.text(
            "a < b & \"c\"",
            1.0,
            2.0,
            12.0,
            Align::Middle,
            Align::End,
            rgba(0, 1.0),
            rgba(0xffffff, 1.0),
        );
        s.unclip();
        let svg = to_svg(&s, 100.0, 50.0);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100.0\""));
        assert!(svg.contains("<polyline points=\"0.0,0.0 10.0,5.5\" fill=\"none\" stroke=\"#e69f00\" stroke-width=\"2.0\" stroke-dasharray=\"4.0 2.0\""));
        assert!(svg.contains("<polygon") && svg.contains("fill-opacity=\"0.50\""));
        assert!(svg.contains("<path d=\"M0.0 0.0L1.0 1.0\""));
        assert!(svg.contains("fill-rule=\"evenodd\" fill=\"#0072b2\""));
        assert!(svg.contains(">a &lt; b &amp; &quot;c&quot;</text>"));
        assert_eq!(svg.matches("<g clip-path").count(), svg.matches("</g>").count());
        assert!(svg.ends_with("</svg>\n"));
    }
}
