//! The boundary with JavaScript: the only module (with its children) that knows about
//! `wasm_bindgen` and the browser. It knows nothing of the mathematics: every export delegates,
//! in one line of a [`delegate!`] table, to the core's
//! [`Screen`](crate::session::screen::Screen) (the session and what is drawn of it) or to a
//! function of the core, and converts at the edge.
//!
//! - [`explorer`]: the [`Explorer`] handle: the session's changes and its configuration.
//! - [`readouts`]: what the page reads off it: readouts, analysis, critical points.
//! - [`views`]: the map (pixels, display lists), read through typed-array views into wasm memory.
//! - [`charts`]: the convergence charts as display lists and as SVG, and the CSV export.
//! - [`lab`]: the exports of the lab's wasm only (feature `lab`), which the Web Workers use;
//!   [`figures`]: the lab's figures as display lists, drawn by a main-thread instance of it.
//!
//! Bulk data stays in wasm memory: JS reads it through typed-array views at the pointers
//! returned here, and re-creates its views after any call that may allocate (every `&mut self`
//! call, and every getter that returns a list or a string). Small results come back by value.
//! Enums cross as the codes or names of their one table in the core (`Status`, `CriticalKind`:
//! `ALL`, `code`, `name`; `Regime::name`; `Layer`); flat arrays as `session::wire` lays them out.

pub mod charts;
pub mod explorer;
#[cfg(feature = "lab")]
pub mod figures;
#[cfg(feature = "lab")]
pub mod lab;
pub mod readouts;
pub mod views;

use wasm_bindgen::prelude::*;

use crate::error::{Error, Field};
use crate::numbers::Numbers;
use crate::session::words::{Arg, Words};

pub use explorer::Explorer;

/// Exports that delegate, one per entry: `mode jsName: rust_name(args) -> Type = |s| body;`
/// where `s` is the handle's core value (`&self.0`, or `&mut self.0` for `change`); `get` is a
/// getter, `call` a method, `change` a method that changes it, `fresh` an associated function.
macro_rules! delegate {
    ($ty:ident { $($(#[$attr:meta])* $mode:ident $js:ident: $name:ident($($arg:ident: $at:ty),*) $(-> $ret:ty)? = |$s:tt| $body:expr;)* }) => {
        $(delegate!(@ $mode $ty [$(#[$attr])*] $js $name ($($arg: $at),*) [$(-> $ret)?] $s, $body);)*
    };
    (@ get $ty:ident [$($doc:tt)*] $js:ident $name:ident () [$($ret:tt)*] $s:ident, $body:expr) => {
        #[wasm_bindgen] impl $ty { $($doc)* #[wasm_bindgen(getter = $js)] pub fn $name(&self) $($ret)* { let $s = &self.0; $body } }
    };
    (@ call $ty:ident [$($doc:tt)*] $js:ident $name:ident ($($arg:ident: $at:ty),*) [$($ret:tt)*] $s:ident, $body:expr) => {
        #[wasm_bindgen] impl $ty { $($doc)* #[wasm_bindgen(js_name = $js)] pub fn $name(&self, $($arg: $at),*) $($ret)* { let $s = &self.0; $body } }
    };
    (@ change $ty:ident [$($doc:tt)*] $js:ident $name:ident ($($arg:ident: $at:ty),*) [$($ret:tt)*] $s:ident, $body:expr) => {
        #[wasm_bindgen] impl $ty { $($doc)* #[wasm_bindgen(js_name = $js)] pub fn $name(&mut self, $($arg: $at),*) $($ret)* { let $s = &mut self.0; $body } }
    };
    (@ fresh $ty:ident [$($doc:tt)*] $js:ident $name:ident ($($arg:ident: $at:ty),*) [$($ret:tt)*] _, $body:expr) => {
        #[wasm_bindgen] impl $ty { $($doc)* #[wasm_bindgen(js_name = $js)] pub fn $name($($arg: $at),*) $($ret)* { $body } }
    };
}
pub(crate) use delegate;

impl From<Error> for JsValue {
    /// A JS `Error` with the English message and the fields the page words it from in its own
    /// language (`Error::fields`: `code`, and the values involved).
    fn from(e: Error) -> JsValue {
        let err = js_sys::Error::new(&e.message(&JsNumbers));
        for (key, value) in e.fields() {
            let value = match value {
                Field::Text(t) => JsValue::from(t),
                Field::Number(x) => JsValue::from(x),
            };
            // Setting a property on a fresh Error object cannot fail.
            let _ = js_sys::Reflect::set(&err, &key.into(), &value);
        }
        err.into()
    }
}

/// The page's words: `say(key, ...args)` (its string tables, in its language) and `number(x)`
/// (how it writes a number for reading), two JS functions handed in with the call that words.
pub struct JsWords<'a>(pub &'a js_sys::Function, pub &'a js_sys::Function);

impl Words for JsWords<'_> {
    fn say(&self, key: &[&str], args: &[Arg]) -> String {
        let key = key.concat();
        let all = js_sys::Array::of1(&JsValue::from(&key));
        for a in args {
            all.push(&match a {
                Arg::Text(t) => JsValue::from(t),
                Arg::Count(n) => JsValue::from(*n as f64),
            });
        }
        let said = self.0.apply(&JsValue::NULL, &all).ok().and_then(|v| v.as_string());
        said.unwrap_or(key)
    }
    fn number(&self, x: f64) -> String {
        let written = self.1.call1(&JsValue::NULL, &x.into()).ok().and_then(|v| v.as_string());
        written.unwrap_or_default()
    }
}

/// Names, indexed by their codes on the wire, of one of the core's tables.
fn names<T>(all: &[T], name: impl Fn(&T) -> &str) -> Vec<String> {
    all.iter().map(|x| name(x).to_owned()).collect()
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
