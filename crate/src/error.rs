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
        /// The smallest value it takes (`f64::MIN_POSITIVE`: any positive value).
        min: f64,
        /// The largest value it takes.
        max: f64,
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
    NotHere(Why),
    /// A request with a value outside what it takes; says what it takes.
    OutOfRange(Why),
}

/// Why a request was refused ([`Error::NotHere`], [`Error::OutOfRange`]): one code each, which
/// the page words in its language, and the English sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// random starts are drawn for 2-D landscapes
    RandomStarts2d,
    /// unknown activation
    UnknownActivation,
    /// basins are drawn for 2-D landscapes
    Basins2d,
    /// the 3-D view is of 2-D landscapes
    Surface2d,
    /// not a camera of the 3-D view
    Camera,
    /// only the 2-D quadratic has a conditioning
    ConditioningQuadratic,
    /// the condition number κ is at least 1
    KappaAtLeastOne,
    /// this landscape is not a typed function
    NotTyped,
    /// this landscape has no data points
    NoData,
    /// data points must be (x, t) pairs with |x| ≤ 3 and t in [0, 1], at most 64
    DataPoints,
    /// the data holds at most 64 points: click one to take it away
    DataFull,
    /// a zoom factor is a positive number
    ZoomFactor,
    /// a pan is a finite fraction of the view
    PanFraction,
    /// a colour scale is auto, linear, log or rank
    ColourScale,
    /// a sweep needs 0 < lo < hi, 2 to 1000 values and at most 100,000 steps
    Sweep,
    /// this landscape is not a model
    NotModel,
    /// a name of 1 to 32 lowercase letters, digits and -
    Token,
    /// basin method must be gd (η > 0), newton, damped-newton, lm (μ ≥ 0), saddle-free, bfgs, lbfgs (m from 1 to 50) or cg
    BasinMethod,
    /// a basin map takes at most 10,000 steps per start
    BasinSteps,
    /// saddle escape needs 0 < η < 1
    EscapeEta,
    /// a speed is 2, 10, 60, 600 or 6000 steps per second
    Speed,
    /// not a lab panel of this page (the network panel is the lab's build's)
    LabPanel,
    /// a map is drawn on [width, height] with its plot at [left, top, width, height]
    Layout,
    /// the cost view takes 1 ≤ N ≤ 2000
    CostSize,
    /// the step could not be timed
    Untimed,
    /// the landscape has no parameter of that number
    ParamIndex,
    /// ηₒₚₜ = 1/E″ exists where E″ > 0 in 1-D
    NoEtaOpt,
    /// L-BFGS's memory m is a whole number of steps from 1 to 50
    Memory,
    /// a run of its own is one of gd, gd-optimal, momentum, adam, lm or lbfgs, at most 4
    OwnRun,
    /// typed functions are compiled by the lab's build of the core
    TypedInLab,
    /// not a network's data set (xor, moons, circles, spiral), activation (tanh, sigmoid, relu),
    /// loss (mse, ce) or methods (at least one)
    NetworkChoice,
}

impl Why {
    /// Every reason.
    pub const ALL: [Why; 31] = [
        Why::RandomStarts2d,
        Why::UnknownActivation,
        Why::Basins2d,
        Why::Surface2d,
        Why::Camera,
        Why::ConditioningQuadratic,
        Why::KappaAtLeastOne,
        Why::NotTyped,
        Why::NoData,
        Why::DataPoints,
        Why::DataFull,
        Why::ZoomFactor,
        Why::PanFraction,
        Why::ColourScale,
        Why::Sweep,
        Why::NotModel,
        Why::Token,
        Why::BasinMethod,
        Why::BasinSteps,
        Why::EscapeEta,
        Why::Speed,
        Why::LabPanel,
        Why::Layout,
        Why::CostSize,
        Why::Untimed,
        Why::ParamIndex,
        Why::NoEtaOpt,
        Why::Memory,
        Why::OwnRun,
        Why::TypedInLab,
        Why::NetworkChoice,
    ];

    /// The reason's code on the wire (the page's strings are `err_<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Why::RandomStarts2d => "random-starts-2d",
            Why::UnknownActivation => "unknown-activation",
            Why::Basins2d => "basins-2d",
            Why::Surface2d => "surface-2d",
            Why::Camera => "camera",
            Why::ConditioningQuadratic => "conditioning-quadratic",
            Why::KappaAtLeastOne => "kappa-at-least-one",
            Why::NotTyped => "not-typed",
            Why::NoData => "no-data",
            Why::DataPoints => "data-points",
            Why::DataFull => "data-full",
            Why::ZoomFactor => "zoom-factor",
            Why::PanFraction => "pan-fraction",
            Why::ColourScale => "colour-scale",
            Why::Sweep => "sweep",
            Why::NotModel => "not-model",
            Why::Token => "token",
            Why::BasinMethod => "basin-method",
            Why::BasinSteps => "basin-steps",
            Why::EscapeEta => "escape-eta",
            Why::Speed => "speed",
            Why::LabPanel => "lab-panel",
            Why::Layout => "layout",
            Why::CostSize => "cost-size",
            Why::Untimed => "untimed",
            Why::ParamIndex => "param-index",
            Why::NoEtaOpt => "no-eta-opt",
            Why::Memory => "memory",
            Why::OwnRun => "own-run",
            Why::TypedInLab => "typed-in-lab",
            Why::NetworkChoice => "network-choice",
        }
    }

    /// The reason in English.
    pub fn english(self) -> &'static str {
        match self {
            Why::RandomStarts2d => "random starts are drawn for 2-D landscapes",
            Why::UnknownActivation => "unknown activation",
            Why::Basins2d => "basins are drawn for 2-D landscapes",
            Why::Surface2d => "the 3-D view is of landscapes of two variables",
            Why::Camera => "not a camera of the 3-D view (pitch 5°–85°, distance 1.5–12)",
            Why::ConditioningQuadratic => "only the 2-D quadratic has a conditioning",
            Why::KappaAtLeastOne => "the condition number κ is at least 1",
            Why::NotTyped => "this landscape is not a typed function",
            Why::NoData => "this landscape has no data points",
            Why::DataPoints => "data points must be (x, t) pairs with |x| ≤ 3 and t in [0, 1], at most 64",
            Why::DataFull => "the data holds at most 64 points: click one to take it away",
            Why::ZoomFactor => "a zoom factor is a positive number",
            Why::PanFraction => "a pan is a finite fraction of the view",
            Why::ColourScale => "a colour scale is auto, linear, log or rank",
            Why::Sweep => "a sweep needs 0 < lo < hi, 2 to 1000 values and at most 100,000 steps",
            Why::NotModel => "this landscape is not a model",
            Why::Token => "a name of 1 to 32 lowercase letters, digits and -",
            Why::BasinMethod => {
                "basin method must be gd (η > 0), newton, damped-newton, lm (μ ≥ 0), saddle-free, bfgs, lbfgs (m from 1 to 50) or cg"
            }
            Why::BasinSteps => "a basin map takes at most 10,000 steps per start",
            Why::EscapeEta => "saddle escape needs 0 < η < 1",
            Why::Speed => "a speed is 2, 10, 60, 600 or 6000 steps per second",
            Why::LabPanel => "not a lab panel of this page",
            Why::Layout => "a map is drawn on [width, height] with its plot at [left, top, width, height]",
            Why::CostSize => "the cost view takes 1 ≤ N ≤ 2000",
            Why::Untimed => "the step could not be timed",
            Why::ParamIndex => "the landscape has no parameter of that number",
            Why::NoEtaOpt => "ηₒₚₜ = 1/E″ exists where E″ > 0 in 1-D",
            Why::Memory => "L-BFGS's memory m is a whole number of steps from 1 to 50",
            Why::OwnRun => "a run of its own is one of gd, gd-optimal, momentum, adam, lm or lbfgs, at most 4",
            Why::TypedInLab => "typed functions are compiled by the lab's build of the core",
            Why::NetworkChoice => "not a network setup",
        }
    }
}

impl Error {
    /// What was wrong, in a sentence, numbers written by `numbers` (the wasm passes the
    /// engine's, so that Rust's float formatter stays out of it).
    pub fn message(&self, numbers: &dyn Numbers) -> String {
        match self {
            Error::UnknownPreset(id) => format!("unknown landscape “{id}”"),
            Error::UnknownMethod(id) => format!("unknown method “{id}”"),
            Error::BadParameter { name, value, min, max } => {
                let (value, max) = (numbers.format(*value), numbers.format(*max));
                if *min == f64::MIN_POSITIVE {
                    format!("{name} must be greater than 0 and at most {max} ({value} is not)")
                } else {
                    format!(
                        "{name} must be between {} and {max} ({value} is not)",
                        numbers.format(*min)
                    )
                }
            }
            Error::BadPoint => "the point must have one finite coordinate per dimension".into(),
            Error::BadView => "the view must lie within ±1e6, with min < max".into(),
            Error::BadGrid => "the grid must have between 2 and 4096 samples per side".into(),
            Error::BadFunction(e) => format!("the function does not parse (at character {})", e.start + 1),
            Error::NotHere(why) | Error::OutOfRange(why) => why.english().to_owned(),
        }
    }

    /// The error's code on the wire: what the page words in its language (`err_<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::UnknownPreset(_) => "unknown-preset",
            Error::UnknownMethod(_) => "unknown-method",
            Error::BadParameter { .. } => "bad-parameter",
            Error::BadPoint => "bad-point",
            Error::BadView => "bad-view",
            Error::BadGrid => "bad-grid",
            Error::BadFunction(_) => "bad-function",
            Error::NotHere(why) | Error::OutOfRange(why) => why.code(),
        }
    }
}

/// A value the page words an error's message from (see [`Error::fields`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    /// A name, a token or a code.
    Text(String),
    /// A number.
    Number(f64),
}

impl Error {
    /// What the page words the message from in its language, as `(key, value)` pairs: always
    /// `code`; for a bad parameter its `name`, `value`, `min`, `max`; for an unknown landscape
    /// or method its `name`; for a typed function that does not parse what (`problem`, a code
    /// of [`ErrorKind::code`]) and where (characters `start..end`), the name or token involved
    /// (`name`), the nearest known name (`suggestion`), and the arguments `expected` and `got`.
    pub fn fields(&self) -> Vec<(&'static str, Field)> {
        let text = |s: &str| Field::Text(s.to_owned());
        let mut out = vec![("code", text(self.code()))];
        match self {
            Error::BadParameter { name, value, min, max } => out.extend([
                ("name", text(name)),
                ("value", Field::Number(*value)),
                ("min", Field::Number(*min)),
                ("max", Field::Number(*max)),
            ]),
            Error::UnknownPreset(id) | Error::UnknownMethod(id) => out.push(("name", text(id))),
            Error::BadFunction(p) => {
                let (suggestion, expected, got) = match &p.kind {
                    ErrorKind::UnknownName { suggestion, .. } => (suggestion.unwrap_or_default(), 0, 0),
                    ErrorKind::Arity { expected, got, .. } => ("", *expected, *got),
                    _ => ("", 0, 0),
                };
                out.extend([
                    ("problem", text(p.kind.code())),
                    ("start", Field::Number(p.start as f64)),
                    ("end", Field::Number(p.end as f64)),
                    ("name", Field::Text(p.kind.subject())),
                    ("suggestion", text(suggestion)),
                    ("expected", Field::Number(expected as f64)),
                    ("got", Field::Number(got as f64)),
                ]);
            }
            _ => {}
        }
        out
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
        Err(Error::BadParameter { name, value, min, max })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_its_own_code() {
        let mut codes: Vec<&str> = Why::ALL.iter().map(|w| w.code()).collect();
        codes.extend([
            "unknown-preset",
            "unknown-method",
            "bad-parameter",
            "bad-point",
            "bad-view",
            "bad-grid",
            "bad-function",
        ]);
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), codes.len(), "{codes:?}");
        assert!(Why::ALL.iter().all(|w| !w.english().is_empty()));
        let e = Error::BadParameter {
            name: "eta",
            value: -3.0,
            min: f64::MIN_POSITIVE,
            max: 1e6,
        };
        assert_eq!(e.code(), "bad-parameter");
        let fields = e.fields();
        assert_eq!(fields[0], ("code", Field::Text("bad-parameter".into())));
        assert_eq!(fields[1], ("name", Field::Text("eta".into())));
        assert_eq!(fields[2], ("value", Field::Number(-3.0)));
        assert_eq!(Error::BadView.fields().len(), 1);
        assert_eq!(
            e.message(&RustNumbers),
            "eta must be greater than 0 and at most 1000000 (-3 is not)"
        );
    }
}
