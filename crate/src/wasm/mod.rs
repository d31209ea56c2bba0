//! The boundary with JavaScript: the only module (with its children) that knows about
//! `wasm_bindgen` and the browser. It knows nothing of the mathematics: every call delegates to
//! the core's [`Session`](crate::session::Session) or to a picture, and converts at the edge.
//!
//! - [`explorer`]: the [`Explorer`] handle (the session) and its readouts.
//! - [`views`]: the landscape sampled for the map (pixels, contours, the 1-D curve, the Taylor
//!   model), read through typed-array views into wasm memory.
//! - [`charts`]: the convergence charts on a canvas and as SVG, and the CSV export.
//! - [`lab`]: the exports of the lab's wasm only (feature `lab`), which the Web Workers use.
//! - [`canvas`]: the plotters backend with text measured by a canvas.
//!
//! Bulk data stays in wasm memory: JS reads it through typed-array views at the pointers
//! returned here, and re-creates its views after any call that may allocate (every `&mut self`
//! call). Small results come back by value. Enums cross as the names or codes of one table each
//! ([`Explorer::status_names`], [`Explorer::kind_names`], [`Explorer::regime_names`]).

mod canvas;
pub mod charts;
pub mod explorer;
#[cfg(feature = "lab")]
pub mod lab;
pub mod views;

use wasm_bindgen::prelude::*;

use crate::analysis::hessian::{CriticalKind, Regime};
use crate::error::Error;
use crate::numbers::Numbers;

pub use explorer::Explorer;

impl From<Error> for JsValue {
    fn from(e: Error) -> JsValue {
        JsError::new(&e.to_string()).into()
    }
}

/// The wire name of a kind of critical point (its code is its index in [`KINDS`]).
fn kind_name(kind: CriticalKind) -> &'static str {
    match kind {
        CriticalKind::Minimum => "minimum",
        CriticalKind::Saddle => "saddle",
        CriticalKind::Maximum => "maximum",
        CriticalKind::Degenerate => "degenerate",
    }
}

/// Every kind of critical point, in the order of their wire codes.
const KINDS: [CriticalKind; 4] = [
    CriticalKind::Minimum,
    CriticalKind::Saddle,
    CriticalKind::Maximum,
    CriticalKind::Degenerate,
];

/// The wire code of a kind of critical point.
fn kind_code(kind: CriticalKind) -> f64 {
    KINDS.iter().position(|k| *k == kind).unwrap_or(3) as f64
}

/// Every 1-D regime, in the order of their wire names.
const REGIMES: [Regime; 6] = [
    Regime::Converges,
    Regime::OneStep,
    Regime::Oscillates,
    Regime::Bounces,
    Regime::Diverges,
    Regime::NotConvex,
];

/// The wire name of a 1-D regime.
fn regime_name(regime: Regime) -> &'static str {
    match regime {
        Regime::Converges => "converges",
        Regime::OneStep => "one-step",
        Regime::Oscillates => "oscillates",
        Regime::Bounces => "bounces",
        Regime::Diverges => "diverges",
        Regime::NotConvex => "not-convex",
    }
}

/// The browser's number conversions for share links, typed functions and exports:
/// `Number(text)` and `String(x)`, both correctly rounded (shortest round trip), so the wasm
/// need not carry Rust's float parser.
pub struct JsNumbers;

impl Numbers for JsNumbers {
    fn parse(&self, text: &str) -> Option<f64> {
        // `Number(text)`: js-sys's FromStr for Number calls the constructor.
        let x = text.parse::<js_sys::Number>().ok()?.value_of();
        (!x.is_nan()).then_some(x)
    }
    fn format(&self, x: f64) -> String {
        js_sys::Number::from(x)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default()
    }
}

/// Why a typed function was refused: what and where (character positions), for a message in
/// the page's language with a caret under the place.
#[wasm_bindgen(getter_with_clone)]
pub struct FunctionProblem {
    /// `empty`, `too-long`, `too-deep`, `bad-char`, `end`, `unexpected`, `unclosed`, `unknown`,
    /// `variable`, `needs-args`, `arity` or `bad-number`.
    #[wasm_bindgen(readonly)]
    pub code: String,
    /// First offending character.
    #[wasm_bindgen(readonly)]
    pub start: u32,
    /// One past the last.
    #[wasm_bindgen(readonly)]
    pub end: u32,
    /// The name or token involved (unknown name, function, unexpected token or character).
    #[wasm_bindgen(readonly)]
    pub name: String,
    /// For `unknown`: the nearest known name, or empty.
    #[wasm_bindgen(readonly)]
    pub suggestion: String,
    /// For `arity`: arguments the function takes.
    #[wasm_bindgen(readonly)]
    pub expected: u32,
    /// For `arity`: arguments given.
    #[wasm_bindgen(readonly)]
    pub got: u32,
}

impl FunctionProblem {
    /// A problem that is not a parse error: `code` and the text of what happened.
    fn other(code: &str, name: String) -> Self {
        FunctionProblem {
            code: code.to_owned(),
            start: 0,
            end: 0,
            name,
            suggestion: String::new(),
            expected: 0,
            got: 0,
        }
    }
}

impl From<&crate::error::ParseError> for FunctionProblem {
    fn from(e: &crate::error::ParseError) -> Self {
        use crate::error::ErrorKind as K;
        let mut p = FunctionProblem {
            code: String::new(),
            start: e.start as u32,
            end: e.end as u32,
            name: String::new(),
            suggestion: String::new(),
            expected: 0,
            got: 0,
        };
        p.code = match &e.kind {
            K::Empty => "empty",
            K::TooLong => "too-long",
            K::TooDeep => "too-deep",
            K::BadChar(c) => {
                p.name = c.to_string();
                "bad-char"
            }
            K::UnexpectedEnd => "end",
            K::Unexpected(t) => {
                p.name = t.clone();
                "unexpected"
            }
            K::Unclosed => "unclosed",
            K::UnknownName { name, suggestion } => {
                p.name = name.clone();
                p.suggestion = suggestion.unwrap_or_default().to_owned();
                "unknown"
            }
            K::NoSuchVariable(v) => {
                p.name = v.clone();
                "variable"
            }
            K::MissingArgs(f) => {
                p.name = (*f).to_owned();
                "needs-args"
            }
            K::Arity { name, expected, got } => {
                p.name = (*name).to_owned();
                p.expected = *expected as u32;
                p.got = *got as u32;
                "arity"
            }
            K::BadNumber => "bad-number",
        }
        .to_owned();
        p
    }
}
