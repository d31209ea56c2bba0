//! Conversions between numbers and their text, for share links, typed functions and exports.
//!
//! Natively Rust's own conversions ([`RustNumbers`]); in the browser the boundary passes the
//! engine's (`Number(s)`, `String(x)`), which are just as exact (correctly rounded, shortest round
//! trip) and keep Rust's float parser out of the wasm (it weighed 14.6 KB gzip there).

/// Conversions between numbers and their text.
pub trait Numbers {
    /// The number written `text` (already restricted to `[0-9.eE+-]`, 1 to 32 characters), or
    /// `None`; it may be non-finite (callers check).
    fn parse(&self, text: &str) -> Option<f64>;
    /// A short text (at most 32 characters for a finite `x`) that parses back to exactly `x`.
    fn format(&self, x: f64) -> String;
}

/// Rust's own conversions.
#[derive(Debug, Clone, Copy, Default)]
pub struct RustNumbers;

impl Numbers for RustNumbers {
    fn parse(&self, text: &str) -> Option<f64> {
        text.parse().ok()
    }
    fn format(&self, x: f64) -> String {
        // Both forms round-trip exactly; the plain one of 1e100 or 1e-300 has hundreds of digits,
        // so very large and very small magnitudes take the exponent form (where JavaScript does).
        let a = x.abs();
        if a != 0.0 && !(1e-6..1e21).contains(&a) {
            format!("{x:e}")
        } else {
            format!("{x}")
        }
    }
}
