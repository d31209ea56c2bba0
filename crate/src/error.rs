//! The core's one error type: every bad input becomes one of these, never a panic.

use std::fmt;

/// What was wrong with an input to the core.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// No preset has this identifier.
    UnknownPreset(String),
    /// No method has this identifier.
    UnknownMethod(String),
    /// A parameter is missing, not finite, or outside its range.
    BadParameter {
        /// The parameter's name.
        name: &'static str,
        /// The value given (NaN when it was missing).
        value: f64,
    },
    /// A point has the wrong number of coordinates or a non-finite one.
    BadPoint,
    /// A view rectangle is not finite or has an empty range.
    BadView,
    /// A grid size is zero or too large.
    BadGrid,
    /// A typed function that does not parse.
    BadFunction(crate::expr::ParseError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownPreset(id) => write!(f, "unknown landscape “{id}”"),
            Error::UnknownMethod(id) => write!(f, "unknown method “{id}”"),
            Error::BadParameter { name, value } => write!(f, "bad value {value} for {name}"),
            Error::BadPoint => write!(f, "the point must have one finite coordinate per dimension"),
            Error::BadView => write!(f, "the view must lie within ±1e6, with min < max"),
            Error::BadGrid => write!(f, "the grid must have between 2 and 4096 samples per side"),
            Error::BadFunction(e) => write!(f, "the function does not parse (at character {})", e.start + 1),
        }
    }
}

impl std::error::Error for Error {}

/// Checks that `value` is finite and within `[min, max]`.
pub(crate) fn check_param(name: &'static str, value: f64, min: f64, max: f64) -> Result<f64, Error> {
    if value.is_finite() && (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(Error::BadParameter { name, value })
    }
}
