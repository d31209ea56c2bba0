//! Quantities in the unit that reads best, as the lab's tables write them: a duration (ns …
//! years) and a size in bytes (B … PB, decimal), two significant digits below 10 and three
//! above (`850 µs`, `2.4 s`, `2 MB`), in the page's language (Spanish: `días`, `años` and a
//! decimal comma).

use super::ticks::fixed;

/// `v ≥ 0` to two significant digits below 10, three above, without trailing zeros.
pub fn significant(v: f64, comma: bool) -> String {
    let digits = if v < 10.0 { 2 } else { 3 };
    let magnitude = if v > 0.0 { v.log10().floor() as i32 } else { 0 };
    let decimals = (digits - 1 - magnitude).max(0) as usize;
    // (Whole numbers of three digits or more round at their third digit: 31557 → 31600.)
    let text = match magnitude + 1 - digits {
        k if k > 0 => fixed((v / 10f64.powi(k)).round() * 10f64.powi(k), 0),
        _ => fixed(v, decimals),
    };
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    if comma {
        text.replace('.', ",")
    } else {
        text
    }
}

/// `seconds` in the unit that reads best, `ns` to years; in Spanish if `spanish`.
pub fn duration(seconds: f64, spanish: bool) -> String {
    let (days, years) = if spanish { ("días", "años") } else { ("days", "years") };
    let units = [
        (1e-9, "ns"),
        (1e-6, "µs"),
        (1e-3, "ms"),
        (1.0, "s"),
        (60.0, "min"),
        (3600.0, "h"),
        (86_400.0, days),
        (31_557_600.0, years),
    ];
    // (A value that rounds up to the next unit reads in it: 999.7 ns is "1 µs", not "1000 ns".)
    let (scale, unit) = units
        .iter()
        .rev()
        .find(|(f, _)| seconds >= *f * 0.9995)
        .unwrap_or(&units[0]);
    format!("{} {unit}", significant(seconds / scale, spanish))
}

/// `bytes` in decimal units, `B` to `PB`.
pub fn bytes(bytes: f64, spanish: bool) -> String {
    let units = ["B", "KB", "MB", "GB", "TB", "PB"];
    let (mut b, mut i) = (bytes, 0);
    while b >= 999.5 && i < units.len() - 1 {
        b /= 1000.0;
        i += 1;
    }
    format!("{} {}", significant(b, spanish), units[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_in_the_unit_that_fits_with_two_or_three_digits() {
        assert_eq!(duration(8.5e-4, false), "850 µs");
        assert_eq!(duration(9.997e-7, false), "1 µs");
        assert_eq!(duration(9.99e-7, false), "999 ns");
        assert_eq!(bytes(999_700.0, false), "1 MB");
        assert_eq!(duration(2.44, false), "2.4 s");
        assert_eq!(duration(2.0, false), "2 s");
        assert_eq!(duration(31.57, false), "31.6 s");
        assert_eq!(duration(3e-10, false), "0.3 ns");
        assert_eq!(duration(2.0 * 86_400.0, true), "2 días");
        assert_eq!(duration(1e6 * 31_557_600.0, false), "1000000 years");
        assert_eq!(duration(3.25 * 31_557_600.0, true), "3,3 años");
    }

    #[test]
    fn sizes_read_in_decimal_units() {
        assert_eq!(bytes(8.0 * 500.0 * 500.0, false), "2 MB", "the Hessian of N = 500");
        assert_eq!(bytes(8e12, false), "8 TB", "of N = 10⁶");
        assert_eq!(bytes(999.0, false), "999 B");
        assert_eq!(bytes(1.25e9, true), "1,3 GB");
        assert_eq!(bytes(8e18, false), "8000 PB");
    }
}
