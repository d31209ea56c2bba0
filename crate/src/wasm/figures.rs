//! The lab's figures, drawn by the lab's wasm on the page's canvases (feature `lab`; the page's
//! own wasm does not carry them): each call builds the core's [`Figure`] from the numbers the
//! panel has and draws it with plotters, text measured by the canvas.

use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::canvas::Measured;
use crate::explore::sweep::{self, SweepPoint};
use crate::explore::{cost, escape, starts};
use crate::method::Status;
use crate::picture::figure::Figure;

/// The lab's figures on canvases.
#[wasm_bindgen]
pub struct LabFigures;

/// Draws `figures` side by side on `canvas` (sized by the caller at `scale` device pixels).
fn draw(canvas: HtmlCanvasElement, scale: f64, figures: &[Figure]) -> Result<(), JsValue> {
    let backend = Measured::canvas(canvas).ok_or_else(|| JsError::new("no 2-D canvas context"))?;
    let root = backend.into_drawing_area();
    let scale = if scale.is_finite() { scale.clamp(0.5, 4.0) } else { 1.0 };
    let failed = |e: plotters::drawing::DrawingAreaErrorKind<_>| JsError::new(&e.to_string());
    for (area, figure) in root.split_evenly((1, figures.len().max(1))).iter().zip(figures) {
        figure.draw(area, scale).map_err(failed)?;
    }
    root.present().map_err(failed)?;
    Ok(())
}

/// `Some(x)` for a finite `x`.
fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

#[wasm_bindgen]
impl LabFigures {
    /// The η sweep from `etaSweep`'s rows over `[lo, hi]` with `2/λ_max` and `η_opt` (NaN: none);
    /// `text`: the panels' titles, the 1-D factor's note and the note when no run converged.
    /// Returns the first η that diverged
    /// (NaN if none did).
    #[allow(clippy::too_many_arguments)] // one figure's numbers, flat across the boundary
    pub fn sweep(
        canvas: HtmlCanvasElement,
        scale: f64,
        rows: &[f64],
        lo: f64,
        hi: f64,
        bound: f64,
        eta_opt: f64,
        text: Vec<String>,
    ) -> Result<f64, JsValue> {
        let (runs, factors): (Vec<SweepPoint>, Vec<f64>) = rows
            .chunks_exact(5)
            .map(|r| {
                let status = Status::from_code(r[3]).unwrap_or(Status::Running);
                let steps = r[2].is_finite().then_some(r[2] as usize);
                (
                    SweepPoint {
                        eta: r[0],
                        value: r[1],
                        steps,
                        status,
                    },
                    r[4],
                )
            })
            .unzip();
        let t = |i: usize| text.get(i).map_or("", String::as_str);
        let figure = sweep::figure(
            &runs,
            &factors,
            lo,
            hi,
            finite(bound),
            finite(eta_opt),
            [t(0), t(1), t(2), t(3)],
        );
        draw(canvas, scale, &[figure])?;
        Ok(sweep::first_diverging(&runs).unwrap_or(f64::NAN))
    }

    /// Saddle escape from `escapeCurves`' rows; `title` names the steps.
    pub fn escape(canvas: HtmlCanvasElement, scale: f64, curves: &[f64], title: &str) -> Result<(), JsValue> {
        let rows: Vec<[f64; 3]> = curves.chunks_exact(3).map(|r| [r[0], r[1], r[2]]).collect();
        draw(canvas, scale, &escape::figures(&rows, title))
    }

    /// What Newton costs from the measured `rows` (`[N, GD s, Newton s, …]`, `width` numbers
    /// each), the fits `[slope, c]` of GD and Newton (NaN: none) over N ≥ `from`, up to `max`;
    /// `notes`: the two legends.
    #[allow(clippy::too_many_arguments)] // one figure's numbers, flat across the boundary
    pub fn cost(
        canvas: HtmlCanvasElement,
        scale: f64,
        rows: &[f64],
        width: usize,
        gd: &[f64],
        newton: &[f64],
        from: f64,
        max: f64,
        notes: Vec<String>,
    ) -> Result<(), JsValue> {
        let rows: Vec<[f64; 3]> = rows.chunks_exact(width.max(3)).map(|r| [r[0], r[1], r[2]]).collect();
        let fit = |f: &[f64]| match f {
            [slope, c, ..] if slope.is_finite() && c.is_finite() => Some((*slope, *c)),
            _ => None,
        };
        let n = |i: usize| notes.get(i).map_or("", String::as_str);
        draw(
            canvas,
            scale,
            &[cost::figure(&rows, [fit(gd), fit(newton)], from, max, [n(0), n(1)])],
        )
    }

    /// The random starts' histogram: per method its `labels`, `colours` (`0xRRGGBB`), `bins`
    /// counts (one after another) and runs with a non-finite E (`off`), bins from `10^lo` to
    /// `10^hi`; `title` names the axis.
    #[allow(clippy::too_many_arguments)] // one figure's numbers, flat across the boundary
    pub fn histogram(
        canvas: HtmlCanvasElement,
        scale: f64,
        labels: Vec<String>,
        colours: &[u32],
        counts: &[f64],
        off: &[u32],
        lo: i32,
        hi: i32,
        title: &str,
    ) -> Result<(), JsValue> {
        let bins = counts.len() / labels.len().max(1);
        let rows: Vec<(String, u32, Vec<f64>, usize)> = labels
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                let row = counts.get(i * bins..(i + 1) * bins).unwrap_or_default().to_vec();
                (
                    label,
                    colours.get(i).copied().unwrap_or(0),
                    row,
                    off.get(i).copied().unwrap_or(0) as usize,
                )
            })
            .collect();
        draw(canvas, scale, &[starts::figure(&rows, lo, hi, title)])
    }
}
