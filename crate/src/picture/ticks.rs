//! Numbers on axes: round tick positions and their labels, with true minus signs, powers of ten
//! as superscripts (`10⁻⁵`), and no float formatter (integer arithmetic: the page's wasm stays
//! small).

/// Round tick positions covering `[lo, hi]`, about `count` of them (steps of 1, 2 or 5 × 10ᵏ),
/// and the step.
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> (Vec<f64>, f64) {
    let raw = (hi - lo) / count.max(1) as f64;
    if !(raw > 0.0 && raw.is_finite()) {
        return (Vec::new(), 0.0);
    }
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|&s| s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * mag);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    let ticks = (first..=last)
        .take(60)
        .map(|k| if k == 0 { 0.0 } else { k as f64 * step })
        .collect();
    (ticks, step)
}

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// `10` raised to `k` as text: `10⁻⁵`.
pub fn power_of_ten(k: i32) -> String {
    let mut s = String::from("10");
    if k < 0 {
        s.push('⁻');
    }
    s.extend(
        k.unsigned_abs()
            .to_string()
            .chars()
            .map(|d| SUPERSCRIPTS[d as usize - '0' as usize]),
    );
    s
}

/// Replaces ASCII hyphens by true minus signs.
pub fn true_minus(s: &str) -> String {
    s.replace('-', "−")
}

/// `v` with `decimals` digits after the point (at most 12), from integer arithmetic: the
/// page's wasm then carries no fixed-precision float formatter.
pub fn fixed(v: f64, decimals: usize) -> String {
    let decimals = decimals.min(12);
    let unit = 10i64.pow(decimals as u32);
    let n = (v.abs() * unit as f64).round();
    if n.is_nan() || n >= 9e18 {
        return if v.is_nan() { "NaN".into() } else { "∞".into() };
    }
    let n = n as i64;
    let sign = if v < 0.0 && n != 0 { "-" } else { "" };
    if decimals == 0 {
        return format!("{sign}{n}");
    }
    let frac = (n % unit).to_string();
    format!("{sign}{}.{}{frac}", n / unit, "0".repeat(decimals - frac.len()))
}

/// A tick label for `v` on an axis with ticks `step` apart: as many decimals as the step needs,
/// a true minus, and `m×10ᵏ` for very large or very small numbers.
pub fn tick_label(v: f64, step: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let a = v.abs();
    if a >= 1e5 || step < 1e-4 {
        let k = a.log10().floor() as i32;
        let m = v / 10f64.powi(k);
        let digits = (k as f64 - step.log10().floor()).clamp(0.0, 4.0) as usize;
        let m = fixed(m, digits);
        let m = m.trim_end_matches('0').trim_end_matches('.');
        return if m == "1" {
            power_of_ten(k)
        } else if m == "-1" {
            format!("−{}", power_of_ten(k))
        } else {
            format!("{}×{}", true_minus(m), power_of_ten(k))
        };
    }
    let decimals = (-step.log10().floor()).max(0.0) as usize;
    true_minus(&fixed(v, decimals))
}

/// A number for a label: three significant digits, true minus, powers of ten at the ends.
pub fn short_number(v: f64) -> String {
    significant_number(v, 3)
}

/// `v` with at most `digits` significant digits (at least 1), as [`short_number`] writes it.
pub fn significant_number(v: f64, digits: i32) -> String {
    let digits = f64::from(digits.max(1));
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN".into()
        } else if v > 0.0 {
            "∞".into()
        } else {
            "−∞".into()
        };
    }
    let a = v.abs();
    if a == 0.0 {
        return "0".into();
    }
    let k = a.log10().floor();
    if !(-3.0..5.0).contains(&k) {
        return tick_label(v, 10f64.powf(k - digits + 1.0));
    }
    let decimals = (digits - 1.0 - k).max(0.0) as usize;
    let s = fixed(v, decimals);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    true_minus(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        let (t, step) = nice_ticks(-2.0, 2.0, 5);
        assert_eq!(step, 1.0);
        assert_eq!(t, [-2.0, -1.0, 0.0, 1.0, 2.0]);
        let (t, step) = nice_ticks(0.0, 0.7, 4);
        assert_eq!(step, 0.2);
        assert_eq!(t.len(), 4);
        assert!(nice_ticks(1.0, 1.0, 4).0.is_empty());
        assert!(nice_ticks(f64::NAN, 1.0, 4).0.is_empty());
    }

    #[test]
    fn labels_have_true_minus_signs_and_no_float_noise() {
        assert_eq!(fixed(-0.6000000000000001, 1), "-0.6");
        assert_eq!(fixed(0.001, 4), "0.0010");
        assert_eq!(fixed(-0.0001, 2), "0.00");
        assert_eq!(fixed(12.5, 0), "13");
        assert_eq!(tick_label(-0.6000000000000001, 0.2), "−0.6");
        assert_eq!(tick_label(3.0, 1.0), "3");
        assert_eq!(tick_label(2e5, 1e5), "2×10⁵");
        assert_eq!(tick_label(1e-5, 1e-5), "10⁻⁵");
        assert_eq!(tick_label(-1e6, 1e6), "−10⁶");
        assert_eq!(short_number(-0.2412), "−0.241");
        assert_eq!(short_number(995.3), "995");
        assert_eq!(short_number(12345.0), "12345");
        assert_eq!(short_number(5.2e21), "5.2×10²¹");
        assert_eq!(short_number(1.5e-9), "1.5×10⁻⁹");
    }
}
