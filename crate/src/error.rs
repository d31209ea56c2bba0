//! The core's one error type: every bad input becomes one of these, never a panic. A typed
//! function that does not parse says what and where ([`ParseError`]), for a message with a caret.

use std::fmt;

use crate::numbers::{Numbers, RustNumbers};

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
    BadFunction(ParseError),
    /// A request the current landscape does not take (data points for a landscape without
    /// data, a function for a built-in one); says which.
    NotHere(&'static str),
    /// A request with a value outside what it takes; says what it takes.
    OutOfRange(&'static str),
}

impl Error {
    /// What was wrong, in a sentence, numbers written by `numbers` (the wasm passes the
    /// engine's, so that Rust's float formatter stays out of it).
    pub fn message(&self, numbers: &dyn Numbers) -> String {
        match self {
            Error::UnknownPreset(id) => format!("unknown landscape “{id}”"),
            Error::UnknownMethod(id) => format!("unknown method “{id}”"),
            Error::BadParameter { name, value } => format!("bad value {} for {name}", numbers.format(*value)),
            Error::BadPoint => "the point must have one finite coordinate per dimension".into(),
            Error::BadView => "the view must lie within ±1e6, with min < max".into(),
            Error::BadGrid => "the grid must have between 2 and 4096 samples per side".into(),
            Error::BadFunction(e) => format!("the function does not parse (at character {})", e.start + 1),
            Error::NotHere(what) | Error::OutOfRange(what) => (*what).to_owned(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&RustNumbers))
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

/// The typed functions' limits: longest expression accepted, in characters.
pub const MAX_LEN: usize = 400;
/// Deepest nesting of parentheses, calls and unary operators.
pub const MAX_DEPTH: usize = 32;

/// What is wrong with a typed expression.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// Nothing typed.
    Empty,
    /// Longer than [`MAX_LEN`] characters.
    TooLong,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A character the grammar does not use.
    BadChar(char),
    /// The text ends where more was expected.
    UnexpectedEnd,
    /// A token where another was expected (the token's text).
    Unexpected(String),
    /// A `(` that is never closed (the error points at it).
    Unclosed,
    /// A name that is neither a variable, a constant nor a function; the nearest known name.
    UnknownName {
        /// The name typed.
        name: String,
        /// The closest known name, if one is close.
        suggestion: Option<&'static str>,
    },
    /// `y` in a function of `x` alone.
    NoSuchVariable(String),
    /// A function name not followed by `(`.
    MissingArgs(&'static str),
    /// A call with the wrong number of arguments.
    Arity {
        /// The function.
        name: &'static str,
        /// How many it takes.
        expected: usize,
        /// How many it got.
        got: usize,
    },
    /// A number that does not parse (for example `1.2.3`).
    BadNumber,
}

/// A parse error and where it is: characters `start..end` of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    /// What is wrong.
    pub kind: ErrorKind,
    /// First character of the offending part.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            ErrorKind::Empty => write!(f, "type a function"),
            ErrorKind::TooLong => write!(f, "longer than {MAX_LEN} characters"),
            ErrorKind::TooDeep => write!(f, "nested deeper than {MAX_DEPTH} levels"),
            ErrorKind::BadChar(c) => write!(f, "unexpected character “{c}”"),
            ErrorKind::UnexpectedEnd => write!(f, "the expression ends too early"),
            ErrorKind::Unexpected(t) => write!(f, "unexpected “{t}”"),
            ErrorKind::Unclosed => write!(f, "this parenthesis is never closed"),
            ErrorKind::UnknownName {
                name,
                suggestion: Some(s),
            } => write!(f, "unknown name “{name}”; did you mean {s}?"),
            ErrorKind::UnknownName { name, suggestion: None } => write!(f, "unknown name “{name}”"),
            ErrorKind::NoSuchVariable(v) => write!(f, "{v} is not a variable of this function"),
            ErrorKind::MissingArgs(name) => write!(f, "{name} needs arguments in parentheses"),
            ErrorKind::Arity { name, expected, got } => write!(f, "{name} takes {expected} argument(s), not {got}"),
            ErrorKind::BadNumber => write!(f, "not a number"),
        }?;
        write!(f, " (at {})", self.start + 1)
    }
}

impl ErrorKind {
    /// The problem's wire code (the key of its message in the page's strings, after `fn_`).
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::Empty => "empty",
            ErrorKind::TooLong => "too-long",
            ErrorKind::TooDeep => "too-deep",
            ErrorKind::BadChar(_) => "bad-char",
            ErrorKind::UnexpectedEnd => "end",
            ErrorKind::Unexpected(_) => "unexpected",
            ErrorKind::Unclosed => "unclosed",
            ErrorKind::UnknownName { .. } => "unknown",
            ErrorKind::NoSuchVariable(_) => "variable",
            ErrorKind::MissingArgs(_) => "needs-args",
            ErrorKind::Arity { .. } => "arity",
            ErrorKind::BadNumber => "bad-number",
        }
    }

    /// The name or token involved (unknown name, function, unexpected token or character), or
    /// empty.
    pub fn subject(&self) -> String {
        match self {
            ErrorKind::BadChar(c) => c.to_string(),
            ErrorKind::Unexpected(t) | ErrorKind::NoSuchVariable(t) => t.clone(),
            ErrorKind::UnknownName { name, .. } => name.clone(),
            ErrorKind::MissingArgs(f) | ErrorKind::Arity { name: f, .. } => (*f).to_owned(),
            _ => String::new(),
        }
    }
}
