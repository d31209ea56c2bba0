//! A hand-written Pratt parser for the functions people type: `E(x, y)` or `E(x)`.
//!
//! Grammar (loosest first): sums `a + b`, `a − b`; products `a * b`, `a / b` and implicit
//! products `2x`, `3 sin(x)`, `(x+1)(y−1)`, `x y`; unary `−a`, `+a`; powers `a ^ b`
//! (right-associative, binding tighter than unary minus: `−x^2 = −(x²)`, and `2^−1` works);
//! atoms: numbers (`1`, `.5`, `2.5e−3`), `x`, `y`, `pi`/`π`, `e`, calls `name(args)`, and
//! parentheses. `·` and `×` multiply, `−` subtracts. Positions in errors count characters.
//!
//! Why hand-written: exmex (the crate with derivatives) pulls in regex (+337 KB gzip measured);
//! meval and fasteval have no derivatives. This parser is ~400 lines, has exact error positions
//! and limits on length and nesting, and feeds [`super::Program`] directly.

use crate::numbers::Numbers;

pub use crate::error::{ErrorKind, ParseError, MAX_DEPTH, MAX_LEN};

/// A function of the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    /// `sin`
    Sin,
    /// `cos`
    Cos,
    /// `tan`
    Tan,
    /// `exp`
    Exp,
    /// `log` (natural; `ln` too)
    Ln,
    /// `sqrt`
    Sqrt,
    /// `abs` (derivative +1 at 0)
    Abs,
    /// `tanh`
    Tanh,
    /// `sigmoid`, the logistic function `1/(1+e^−x)`
    Sigmoid,
    /// `relu`, `max(x, 0)` (derivative 0 at 0)
    Relu,
    /// `min(a, b)` (the first on a tie)
    Min,
    /// `max(a, b)` (the first on a tie)
    Max,
}

/// Every name a function can be called by, with its arity.
pub const FUNCTIONS: [(&str, Func, usize); 13] = [
    ("sin", Func::Sin, 1),
    ("cos", Func::Cos, 1),
    ("tan", Func::Tan, 1),
    ("exp", Func::Exp, 1),
    ("log", Func::Ln, 1),
    ("ln", Func::Ln, 1),
    ("sqrt", Func::Sqrt, 1),
    ("abs", Func::Abs, 1),
    ("tanh", Func::Tanh, 1),
    ("sigmoid", Func::Sigmoid, 1),
    ("relu", Func::Relu, 1),
    ("min", Func::Min, 2),
    ("max", Func::Max, 2),
];

/// Names that are values: the variables and the constants.
const VALUES: [&str; 5] = ["x", "y", "pi", "e", "π"];

/// The syntax tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A number or constant.
    Num(f64),
    /// Variable `i` (0 = x, 1 = y).
    Var(usize),
    /// `−a`
    Neg(Box<Node>),
    /// `a op b`
    Bin(BinOp, Box<Node>, Box<Node>),
    /// `f(args)`
    Call(Func, Vec<Node>),
}

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `−`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `^`
    Pow,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Name(String),
    Op(char),
    LParen,
    RParen,
    Comma,
    End,
}

struct Lexer<'a> {
    chars: Vec<char>,
    pos: usize,
    numbers: &'a dyn Numbers,
}

impl Lexer<'_> {
    fn err(&self, kind: ErrorKind, start: usize, end: usize) -> ParseError {
        ParseError { kind, start, end }
    }

    /// The next token and its character span.
    fn next(&mut self) -> Result<(Tok, usize, usize), ParseError> {
        let c = &self.chars;
        while self.pos < c.len() && c[self.pos].is_whitespace() {
            self.pos += 1;
        }
        let start = self.pos;
        let Some(&ch) = c.get(start) else {
            return Ok((Tok::End, start, start));
        };
        self.pos += 1;
        let tok = match ch {
            '0'..='9' | '.' => {
                let mut end = start;
                while end < c.len() && (c[end].is_ascii_digit() || c[end] == '.') {
                    end += 1;
                }
                // An exponent only if digits follow (`2e` is 2·e, `2e3` is 2000).
                if end < c.len() && (c[end] == 'e' || c[end] == 'E') {
                    let mut k = end + 1;
                    if k < c.len() && (c[k] == '+' || c[k] == '-') {
                        k += 1;
                    }
                    if k < c.len() && c[k].is_ascii_digit() {
                        while k < c.len() && c[k].is_ascii_digit() {
                            k += 1;
                        }
                        end = k;
                    }
                }
                self.pos = end;
                let text: String = c[start..end].iter().collect();
                let valid =
                    text.matches('.').count() <= 1 && text.chars().any(|d| d.is_ascii_digit()) && text.len() <= 32;
                match self.numbers.parse(&text).filter(|v| valid && v.is_finite()) {
                    Some(v) => Tok::Num(v),
                    None => return Err(self.err(ErrorKind::BadNumber, start, end)),
                }
            }
            'π' => Tok::Name("pi".into()),
            c0 if c0.is_ascii_alphabetic() || c0 == '_' => {
                let mut end = start + 1;
                while end < c.len() && (c[end].is_ascii_alphanumeric() || c[end] == '_') {
                    end += 1;
                }
                self.pos = end;
                Tok::Name(c[start..end].iter().collect())
            }
            '+' | '-' | '*' | '/' | '^' => Tok::Op(ch),
            '−' => Tok::Op('-'),
            '·' | '×' => Tok::Op('*'),
            '(' => Tok::LParen,
            ')' => Tok::RParen,
            ',' => Tok::Comma,
            other => return Err(self.err(ErrorKind::BadChar(other), start, start + 1)),
        };
        Ok((tok, start, self.pos))
    }
}

/// Levenshtein distance (short strings only).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The known name nearest to `name`, if it is close (at most a third of its letters differ).
fn suggest(name: &str, vars: usize) -> Option<&'static str> {
    if name.chars().count() < 2 {
        return None; // one letter is too little to guess from
    }
    let lower = name.to_ascii_lowercase();
    let candidates = FUNCTIONS
        .iter()
        .map(|f| f.0)
        .chain(VALUES.iter().copied().filter(|v| *v != "y" || vars > 1));
    candidates
        .map(|c| (distance(&lower, c), c))
        .filter(|(d, c)| *d <= (c.len().max(name.len()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

struct Parser<'a> {
    lexer: Lexer<'a>,
    tok: Tok,
    start: usize,
    end: usize,
    vars: usize,
    depth: usize,
}

/// How tightly each binary operator binds (left, right); higher binds tighter.
fn binding(op: char) -> Option<(u8, u8)> {
    match op {
        '+' | '-' => Some((1, 2)),
        '*' | '/' => Some((3, 4)),
        '^' => Some((8, 7)), // right-associative, above unary minus (6)
        _ => None,
    }
}

const UNARY: u8 = 6;
/// Implicit products bind like `*`.
const IMPLICIT: (u8, u8) = (3, 4);

impl Parser<'_> {
    fn advance(&mut self) -> Result<(), ParseError> {
        let (tok, start, end) = self.lexer.next()?;
        self.tok = tok;
        self.start = start;
        self.end = end;
        Ok(())
    }

    fn err(&self, kind: ErrorKind) -> ParseError {
        ParseError {
            kind,
            start: self.start,
            end: self.end.max(self.start + 1),
        }
    }

    fn unexpected(&self) -> ParseError {
        match &self.tok {
            Tok::End => self.err(ErrorKind::UnexpectedEnd),
            Tok::Num(_) => self.err(ErrorKind::Unexpected("number".into())),
            Tok::Name(n) => self.err(ErrorKind::Unexpected(n.clone())),
            Tok::Op(c) => self.err(ErrorKind::Unexpected(c.to_string())),
            Tok::LParen => self.err(ErrorKind::Unexpected("(".into())),
            Tok::RParen => self.err(ErrorKind::Unexpected(")".into())),
            Tok::Comma => self.err(ErrorKind::Unexpected(",".into())),
        }
    }

    fn enter(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(self.err(ErrorKind::TooDeep))
        } else {
            Ok(())
        }
    }

    /// Whether the current token can start an operand (for implicit products).
    fn starts_operand(&self) -> bool {
        matches!(self.tok, Tok::Num(_) | Tok::Name(_) | Tok::LParen)
    }

    fn expr(&mut self, min: u8) -> Result<Node, ParseError> {
        self.enter()?;
        let mut lhs = self.prefix()?;
        loop {
            let (op, (l, r)) = match self.tok {
                Tok::Op(c) => match binding(c) {
                    Some(b) => (c, b),
                    None => return Err(self.unexpected()),
                },
                _ if self.starts_operand() => ('*', IMPLICIT),
                _ => break,
            };
            if l < min {
                break;
            }
            if !matches!(self.tok, Tok::Num(_) | Tok::Name(_) | Tok::LParen) {
                self.advance()?;
            }
            let rhs = self.expr(r)?;
            let op = match op {
                '+' => BinOp::Add,
                '-' => BinOp::Sub,
                '*' => BinOp::Mul,
                '/' => BinOp::Div,
                _ => BinOp::Pow,
            };
            lhs = Node::Bin(op, Box::new(lhs), Box::new(rhs));
        }
        self.depth -= 1;
        Ok(lhs)
    }

    fn prefix(&mut self) -> Result<Node, ParseError> {
        match self.tok.clone() {
            Tok::Op('-') => {
                self.advance()?;
                Ok(Node::Neg(Box::new(self.expr(UNARY)?)))
            }
            Tok::Op('+') => {
                self.advance()?;
                self.expr(UNARY)
            }
            Tok::Num(v) => {
                self.advance()?;
                Ok(Node::Num(v))
            }
            Tok::LParen => {
                let open = (self.start, self.end);
                self.advance()?;
                let inner = self.expr(0)?;
                self.close(open)?;
                Ok(inner)
            }
            Tok::Name(name) => self.name(&name),
            _ => Err(self.unexpected()),
        }
    }

    /// Expects `)` closing the `(` at `open`.
    fn close(&mut self, open: (usize, usize)) -> Result<(), ParseError> {
        match self.tok {
            Tok::RParen => self.advance(),
            Tok::End => Err(ParseError {
                kind: ErrorKind::Unclosed,
                start: open.0,
                end: open.1,
            }),
            _ => Err(self.unexpected()),
        }
    }

    fn name(&mut self, name: &str) -> Result<Node, ParseError> {
        let node = match name {
            "x" => Some(Node::Var(0)),
            "y" if self.vars > 1 => Some(Node::Var(1)),
            "y" => return Err(self.err(ErrorKind::NoSuchVariable("y".into()))),
            "pi" => Some(Node::Num(std::f64::consts::PI)),
            "e" => Some(Node::Num(std::f64::consts::E)),
            _ => None,
        };
        if let Some(node) = node {
            self.advance()?;
            return Ok(node);
        }
        let Some(&(fname, func, arity)) = FUNCTIONS.iter().find(|f| f.0 == name) else {
            return Err(self.err(ErrorKind::UnknownName {
                name: name.into(),
                suggestion: suggest(name, self.vars),
            }));
        };
        let at = (self.start, self.end);
        self.advance()?;
        if self.tok != Tok::LParen {
            return Err(ParseError {
                kind: ErrorKind::MissingArgs(fname),
                start: at.0,
                end: at.1,
            });
        }
        let open = (self.start, self.end);
        self.advance()?;
        let mut args = vec![self.expr(0)?];
        while self.tok == Tok::Comma {
            self.advance()?;
            args.push(self.expr(0)?);
        }
        self.close(open)?;
        if args.len() != arity {
            return Err(ParseError {
                kind: ErrorKind::Arity {
                    name: fname,
                    expected: arity,
                    got: args.len(),
                },
                start: at.0,
                end: self.start.max(at.1),
            });
        }
        Ok(Node::Call(func, args))
    }
}

/// Parses `text` as a function of `vars` variables (1: `x`; 2: `x` and `y`), reading numbers
/// through `numbers`.
pub fn parse(text: &str, vars: usize, numbers: &dyn Numbers) -> Result<Node, ParseError> {
    let chars: Vec<char> = text.chars().take(MAX_LEN + 1).collect();
    if chars.len() > MAX_LEN {
        return Err(ParseError {
            kind: ErrorKind::TooLong,
            start: MAX_LEN,
            end: MAX_LEN + 1,
        });
    }
    if chars.iter().all(|c| c.is_whitespace()) {
        return Err(ParseError {
            kind: ErrorKind::Empty,
            start: 0,
            end: 0,
        });
    }
    let mut p = Parser {
        lexer: Lexer { chars, pos: 0, numbers },
        tok: Tok::End,
        start: 0,
        end: 0,
        vars,
        depth: 0,
    };
    p.advance()?;
    let node = p.expr(0)?;
    if p.tok != Tok::End {
        return Err(p.unexpected());
    }
    Ok(node)
}
