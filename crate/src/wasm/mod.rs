//! The boundary with JavaScript: the only module (with its children) that knows about
//! `wasm_bindgen` and the browser. It knows nothing of the mathematics: every call delegates to
//! the core's [`Session`](crate::session::Session) or to a picture, and converts at the edge.
//!
//! - [`explorer`]: the [`Explorer`] handle on the session: its changes and its configuration.
//! - [`readouts`]: what the page reads off it: readouts, analysis, critical points, paths.
//! - [`views`]: the landscape sampled for the map (pixels, contours, the 1-D curve, the Taylor
//!   model), read through typed-array views into wasm memory.
//! - [`charts`]: the convergence charts as display lists and as SVG, and the CSV export.
//! - [`lab`]: the exports of the lab's wasm only (feature `lab`), which the Web Workers use;
//!   [`figures`]: the lab's figures, drawn by a main-thread instance of the lab's wasm.
//! - `canvas` (lab): the plotters backend of the lab's figures, text measured by a canvas.
//!
//! Bulk data stays in wasm memory: JS reads it through typed-array views at the pointers
//! returned here, and re-creates its views after any call that may allocate (every `&mut self`
//! call, and every getter that returns a list or a string). Small results come back by value. Enums cross as the codes or names of their one table
//! in the core (`Status`, `CriticalKind`: `ALL`, `code`, `name`; `Regime::name`).

#[cfg(feature = "lab")]
mod canvas;
pub mod charts;
pub mod explorer;
#[cfg(feature = "lab")]
pub mod figures;
#[cfg(feature = "lab")]
pub mod lab;
pub mod readouts;
pub mod views;

use wasm_bindgen::prelude::*;

use crate::error::{Error, ErrorKind, ParseError};
use crate::numbers::Numbers;

pub use explorer::Explorer;

impl From<Error> for JsValue {
    /// A JS `Error` with the English message, and what the page words it from in its own
    /// language: `code` (`Error::code`), and for a bad parameter `name`, `value`, `min`, `max`.
    fn from(e: Error) -> JsValue {
        let err = js_sys::Error::new(&e.message(&JsNumbers));
        let set = |key: &str, value: JsValue| {
            // Setting a property on a fresh Error object cannot fail.
            let _ = js_sys::Reflect::set(&err, &key.into(), &value);
        };
        set("code", e.code().into());
        match &e {
            Error::BadParameter { name, value, min, max } => {
                set("name", (*name).into());
                set("value", (*value).into());
                set("min", (*min).into());
                set("max", (*max).into());
            }
            Error::UnknownPreset(id) | Error::UnknownMethod(id) => set("name", id.as_str().into()),
            _ => {}
        }
        err.into()
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

impl From<&ParseError> for FunctionProblem {
    fn from(e: &ParseError) -> Self {
        let (suggestion, expected, got) = match &e.kind {
            ErrorKind::UnknownName { suggestion, .. } => (suggestion.unwrap_or_default(), 0, 0),
            ErrorKind::Arity { expected, got, .. } => ("", *expected as u32, *got as u32),
            _ => ("", 0, 0),
        };
        FunctionProblem {
            code: e.kind.code().to_owned(),
            start: e.start as u32,
            end: e.end as u32,
            name: e.kind.subject(),
            suggestion: suggestion.to_owned(),
            expected,
            got,
        }
    }
}
