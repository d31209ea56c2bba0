//! Colours for the heatmap: viridis (perceptually uniform, readable with colour-vision
//! deficiencies) and the scales that map loss values onto it (linear, log, rank).

/// Anchors of matplotlib's viridis colour map (CC0, by Stéfan van der Walt and Nathaniel Smith),
/// sampled at 16 evenly spaced points and interpolated linearly between them.
const VIRIDIS: [[u8; 3]; 16] = [
    [68, 1, 84],
    [72, 26, 108],
    [71, 47, 125],
    [65, 68, 135],
    [57, 86, 140],
    [49, 104, 142],
    [42, 120, 142],
    [35, 137, 142],
    [31, 154, 138],
    [32, 170, 131],
    [53, 183, 121],
    [84, 197, 104],
    [122, 209, 81],
    [165, 219, 54],
    [210, 226, 27],
    [253, 231, 37],
];

/// The colour drawn where `E` is not a finite number.
pub const UNDEFINED: [u8; 3] = [214, 214, 214];

/// Viridis at `t` in `[0, 1]` (clamped; NaN gives [`UNDEFINED`]).
pub fn viridis(t: f64) -> [u8; 3] {
    if t.is_nan() {
        return UNDEFINED;
    }
    let x = t.clamp(0.0, 1.0) * (VIRIDIS.len() - 1) as f64;
    let i = (x.floor() as usize).min(VIRIDIS.len() - 2);
    let f = x - i as f64;
    let (a, b) = (VIRIDIS[i], VIRIDIS[i + 1]);
    std::array::from_fn(|k| (a[k] as f64 + f * (b[k] as f64 - a[k] as f64)).round() as u8)
}

/// Entries of [`Palette`]: enough that neighbouring entries differ by at most one shade.
const PALETTE_SIZE: usize = 1024;

/// Viridis tabulated as RGBA bytes, so that colouring a pixel is one lookup.
pub struct Palette {
    table: Vec<[u8; 4]>,
}

impl Default for Palette {
    fn default() -> Self {
        let table = (0..PALETTE_SIZE)
            .map(|i| {
                let [r, g, b] = viridis(i as f64 / (PALETTE_SIZE - 1) as f64);
                [r, g, b, 255]
            })
            .collect();
        Palette { table }
    }
}

impl Palette {
    /// The RGBA colour of `t` in `[0, 1]`; NaN gives [`UNDEFINED`].
    pub fn rgba(&self, t: f64) -> [u8; 4] {
        if t.is_nan() {
            let [r, g, b] = UNDEFINED;
            return [r, g, b, 255];
        }
        // `as usize` saturates, so out-of-range t lands on an end of the table.
        self.table[((t * (PALETTE_SIZE - 1) as f64 + 0.5) as usize).min(PALETTE_SIZE - 1)]
    }
}

/// How loss values map onto the colour map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScaleKind {
    /// Chosen from the values: [`ScaleKind::Log`] unless it leaves most of the map in a few
    /// colours, then [`ScaleKind::Rank`].
    #[default]
    Auto,
    /// `t = (E − min)/(max − min)`.
    Linear,
    /// `t = ln(1 + (E − min)/s) / ln(1 + (max − min)/s)`: linear near the bottom, logarithmic
    /// far above it, so deep valleys and high walls both show. `s`, the knee, is the 10th
    /// percentile of `E − min` (at least 10⁻⁶ of the range).
    Log,
    /// `t` = the fraction of the sampled values below `E` (histogram equalization): every colour
    /// covers the same area of the map, whatever the range.
    Rank,
}

impl ScaleKind {
    /// Every kind, in the order of their codes.
    pub const ALL: [ScaleKind; 4] = [ScaleKind::Auto, ScaleKind::Linear, ScaleKind::Log, ScaleKind::Rank];

    /// The name links and the page use.
    pub fn name(self) -> &'static str {
        match self {
            ScaleKind::Auto => "auto",
            ScaleKind::Linear => "linear",
            ScaleKind::Log => "log",
            ScaleKind::Rank => "rank",
        }
    }

    /// The kind called `name`.
    pub fn from_name(name: &str) -> Option<ScaleKind> {
        ScaleKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Below this spread of colours between the quartiles of `E`, [`ScaleKind::Auto`] takes
/// [`ScaleKind::Rank`]: half of the map would be drawn in a fifth of the colours.
const AUTO_SPREAD: f64 = 0.2;

/// At most this many values are kept (evenly spread) for percentiles and ranks.
const SAMPLE: usize = 8192;

/// A fitted map from loss values to `[0, 1]` (see [`ScaleKind`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    kind: ScaleKind,
    min: f64,
    span: f64,
    knee: f64,
    log_span: f64,
    inv_knee: f64,
    inv_log_span: f64,
    /// The sorted sample ([`ScaleKind::Rank`] only).
    ranks: Vec<f64>,
}

impl Scale {
    /// The scale of `kind` fitted to `values` (non-finite ones are ignored). With no finite
    /// value, or all equal, every finite value maps to 0. Percentiles are taken over at most
    /// [`SAMPLE`] evenly spread values.
    pub fn fit(values: &[f64], kind: ScaleKind) -> Scale {
        let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
        for &v in values.iter().filter(|v| v.is_finite()) {
            min = min.min(v);
            max = max.max(v);
        }
        let span = max - min;
        let mut scale = Scale {
            kind: ScaleKind::Linear,
            min: if min.is_finite() { min } else { 0.0 },
            span: 0.0,
            knee: 1.0,
            log_span: 0.0,
            inv_knee: 1.0,
            inv_log_span: 0.0,
            ranks: Vec::new(),
        };
        if span <= 0.0 || !span.is_finite() {
            return scale;
        }
        scale.span = span;
        let stride = values.len().div_ceil(SAMPLE).max(1);
        let sample: Vec<f64> = values
            .iter()
            .step_by(stride)
            .copied()
            .filter(|v| v.is_finite())
            .collect();
        let sample: Vec<f64> = crate::order::ascending(&sample)
            .into_iter()
            .map(|i| sample[i])
            .collect();
        let at = |q: f64| {
            sample
                .get(((sample.len() as f64 - 1.0) * q) as usize)
                .copied()
                .unwrap_or(min)
        };
        let knee = (at(0.1) - min).max(span * 1e-6);
        scale.knee = knee;
        scale.log_span = (span / knee).ln_1p();
        scale.inv_knee = 1.0 / knee;
        scale.inv_log_span = 1.0 / scale.log_span;
        scale.kind = match kind {
            ScaleKind::Auto => {
                scale.kind = ScaleKind::Log;
                if scale.t(at(0.75)) - scale.t(at(0.25)) < AUTO_SPREAD {
                    ScaleKind::Rank
                } else {
                    ScaleKind::Log
                }
            }
            other => other,
        };
        if scale.kind == ScaleKind::Rank {
            if sample.len() < 2 {
                scale.kind = ScaleKind::Linear;
            } else {
                scale.ranks = sample;
            }
        }
        scale
    }

    /// `[lowest, highest]`: the range the scale was fitted to (where `t` is not clamped).
    pub fn range(&self) -> [f64; 2] {
        [self.min, self.min + self.span]
    }

    /// The kind in use (never [`ScaleKind::Auto`]: what it chose).
    pub fn kind(&self) -> ScaleKind {
        self.kind
    }

    /// `t(E)` in `[0, 1]`, NaN for a non-finite `E`. The log scale uses [`fast_ln`] (relative
    /// error below `1e-5`, far below one step of the 1024-colour palette): this runs once per
    /// pixel.
    pub fn t(&self, value: f64) -> f64 {
        if !value.is_finite() {
            return f64::NAN;
        }
        if self.span == 0.0 {
            return 0.0;
        }
        match self.kind {
            ScaleKind::Linear | ScaleKind::Auto => ((value - self.min) / self.span).clamp(0.0, 1.0),
            ScaleKind::Log => {
                (fast_ln(1.0 + ((value - self.min) * self.inv_knee).max(0.0)) * self.inv_log_span).min(1.0)
            }
            ScaleKind::Rank => {
                let r = &self.ranks;
                let p = r.partition_point(|&x| x < value);
                if p == 0 {
                    return 0.0;
                }
                if p == r.len() {
                    return 1.0;
                }
                let f = (value - r[p - 1]) / (r[p] - r[p - 1]);
                (p as f64 - 1.0 + f) / (r.len() - 1) as f64
            }
        }
    }

    /// The value `E` whose `t` is `t`: the inverse of [`Scale::t`].
    pub fn value(&self, t: f64) -> f64 {
        match self.kind {
            ScaleKind::Linear | ScaleKind::Auto => self.min + t * self.span,
            ScaleKind::Log => self.min + self.knee * (t * self.log_span).exp_m1(),
            ScaleKind::Rank => {
                let r = &self.ranks;
                let x = t.clamp(0.0, 1.0) * (r.len() - 1) as f64;
                let i = (x.floor() as usize).min(r.len() - 2);
                r[i] + (x - i as f64) * (r[i + 1] - r[i])
            }
        }
    }
}

/// `ln x` for finite `x ≥ 1`, to about `1e-5` relative: `x = m·2ᵉ` with `m ∈ [1, 2)`, then
/// `ln m = 2 atanh(s)`, `s = (m − 1)/(m + 1) ∈ [0, ⅓)`, summed to the `s⁷` term (the first term
/// left out is below `2·3⁻⁹/9 ≈ 1.1·10⁻⁵`).
pub fn fast_ln(x: f64) -> f64 {
    const MANTISSA: u64 = (1 << 52) - 1;
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1023;
    let m = f64::from_bits((bits & MANTISSA) | (1023 << 52));
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let ln_m = 2.0 * s * (1.0 + s2 * (1.0 / 3.0 + s2 * (1.0 / 5.0 + s2 / 7.0)));
    exponent as f64 * std::f64::consts::LN_2 + ln_m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viridis_ends_and_undefined() {
        assert_eq!(viridis(0.0), [68, 1, 84]);
        assert_eq!(viridis(1.0), [253, 231, 37]);
        assert_eq!(viridis(7.0), [253, 231, 37]);
        assert_eq!(viridis(f64::NAN), UNDEFINED);
    }

    #[test]
    fn palette_matches_viridis() {
        let p = Palette::default();
        for t in [0.0, 0.25, 0.5, 0.9, 1.0] {
            let [r, g, b, a] = p.rgba(t);
            let v = viridis(t);
            assert!(
                a == 255 && [r, g, b].iter().zip(v).all(|(x, y)| x.abs_diff(y) <= 1),
                "{t}"
            );
        }
        assert_eq!(p.rgba(-3.0), p.rgba(0.0));
        assert_eq!(p.rgba(f64::NAN)[..3], UNDEFINED);
    }

    #[test]
    fn viridis_gets_lighter_monotonically() {
        let lum = |c: [u8; 3]| 0.2126 * c[0] as f64 + 0.7152 * c[1] as f64 + 0.0722 * c[2] as f64;
        let mut prev = -1.0;
        for i in 0..=100 {
            let l = lum(viridis(i as f64 / 100.0));
            assert!(l > prev, "step {i}");
            prev = l;
        }
    }

    #[test]
    fn scale_is_monotone_and_inverts() {
        let values: Vec<f64> = (0..1000)
            .map(|i| (i as f64 * 0.37).powi(3) - 5.0)
            .chain([f64::NAN])
            .collect();
        for kind in ScaleKind::ALL {
            scale_inverts(&values, kind);
        }
    }

    fn scale_inverts(values: &[f64], kind: ScaleKind) {
        let s = Scale::fit(values, kind);
        assert_eq!(s.t(-5.0), 0.0);
        assert!((s.t(values[999]) - 1.0).abs() < 1e-4);
        assert!(s.t(f64::INFINITY).is_nan());
        for t in [0.1, 0.4, 0.8] {
            assert!((s.t(s.value(t)) - t).abs() < 1e-4, "t uses fast_ln: close, not exact");
        }
        assert!(s.t(10.0) < s.t(11.0), "{kind:?}");
    }

    #[test]
    fn fast_ln_is_close_to_ln() {
        let mut x = 1.0;
        while x < 1e300 {
            for f in [1.0, 1.1, 1.37, 1.5, 1.99] {
                let v = x * f;
                assert!(
                    (fast_ln(v) - v.ln()).abs() <= 2e-5 * v.ln().max(1.0),
                    "{v}: {} vs {}",
                    fast_ln(v),
                    v.ln()
                );
            }
            x *= 7.3;
        }
        assert_eq!(fast_ln(1.0), 0.0);
    }

    #[test]
    fn flat_or_empty_inputs_do_not_divide_by_zero() {
        for kind in ScaleKind::ALL {
            assert_eq!(Scale::fit(&[3.0; 5], kind).t(3.0), 0.0);
            assert_eq!(Scale::fit(&[f64::NAN], kind).t(1.0), 0.0);
            assert_eq!(Scale::fit(&[], kind).t(1.0), 0.0);
            assert!((Scale::fit(&[1.0, 2.0], kind).t(2.0) - 1.0).abs() < 1e-5, "{kind:?}");
        }
    }

    /// `exp(x² + y²)` on ±5 spans 1 to 5·10²¹: on the log scale half the map is in the lowest
    /// colours (a flat purple square); auto takes the rank scale, whose quartiles are a
    /// quarter of the colours each.
    #[test]
    fn auto_spreads_a_huge_range_over_the_colours() {
        let values: Vec<f64> = (0..40_000)
            .map(|k| {
                let (x, y) = (
                    -5.0 + 10.0 * (k % 200) as f64 / 199.0,
                    -5.0 + 10.0 * (k / 200) as f64 / 199.0,
                );
                (x * x + y * y).exp()
            })
            .collect();
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        let (q1, q3) = (sorted[10_000], sorted[30_000]);
        let log = Scale::fit(&values, ScaleKind::Log);
        assert!(log.t(q3) - log.t(q1) < AUTO_SPREAD, "the log scale is flat here");
        let auto = Scale::fit(&values, ScaleKind::Auto);
        assert_eq!(auto.kind(), ScaleKind::Rank);
        assert!((auto.t(q1) - 0.25).abs() < 0.01 && (auto.t(q3) - 0.75).abs() < 0.01);
        // A quadratic bowl keeps the log scale.
        let bowl: Vec<f64> = values.iter().map(|v| v.ln()).collect();
        assert_eq!(Scale::fit(&bowl, ScaleKind::Auto).kind(), ScaleKind::Log);
    }
}
