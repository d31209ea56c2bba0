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
//!   [`figures`]: the lab's figures as display lists, drawn by a main-thread instance of it.
//!
//! Bulk data stays in wasm memory: JS reads it through typed-array views at the pointers
//! returned here, and re-creates its views after any call that may allocate (every `&mut self`
//! call, and every getter that returns a list or a string). Small results come back by value. Enums cross as the codes or names of their one table
//! in the core (`Status`, `CriticalKind`: `ALL`, `code`, `name`; `Regime::name`).

pub mod charts;
pub mod explorer;
#[cfg(feature = "lab")]
pub mod figures;
#[cfg(feature = "lab")]
pub mod lab;
pub mod readouts;
pub mod views;

use wasm_bindgen::prelude::*;

use crate::error::{Error, ErrorKind};
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
            // A typed function that does not parse: what (`problem`: `empty`, `too-long`,
            // `too-deep`, `bad-char`, `end`, `unexpected`, `unclosed`, `unknown`, `variable`,
            // `needs-args`, `arity`, `bad-number`) and where (characters `start..end`), the name
            // or token involved, the nearest known name, and the arguments expected and got.
            Error::BadFunction(p) => {
                let (suggestion, expected, got) = match &p.kind {
                    ErrorKind::UnknownName { suggestion, .. } => (suggestion.unwrap_or_default(), 0, 0),
                    ErrorKind::Arity { expected, got, .. } => ("", *expected, *got),
                    _ => ("", 0, 0),
                };
                set("problem", p.kind.code().into());
                set("start", p.start.into());
                set("end", p.end.into());
                set("name", p.kind.subject().into());
                set("suggestion", suggestion.into());
                set("expected", expected.into());
                set("got", got.into());
            }
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
