//! Functions people type, `E(x, y)` or `E(x)`, with exact derivatives.
//!
//! [`parse`](parse::parse) reads the text into a tree; [`Program::compile`] turns the tree once into a
//! flat list of stack-machine instructions (constants folded, integer powers recognized); the
//! program is then evaluated per point with any [`Scalar`]: plain `f64` for values (the grid),
//! [`Dual2`] for gradients and [`Hyper2`] for Hessians. Derivatives are therefore exact (forward mode), never finite
//! differences. At kinks the derivative is a defined one-sided value: `abs` and `max`/`min`
//! take their first branch on a tie (`abs'(0) = 1`), `relu'(0) = 0`.
//!
//! Outside a function's domain (`log` of a negative number, `sqrt(−1)`, `0/0`) the value is NaN,
//! which the page draws in its "undefined" colour and a method reports as leaving the domain.

use crate::landscape::{Const, Hessian, Landscape, Point};
pub mod parse;

use crate::landscape::dual::{Dual2, Hyper2, Lanes, Many, Scalar, LANES};

use crate::numbers::Numbers;
use parse::{BinOp, Node};
pub use parse::{ErrorKind, Func, ParseError};

/// Deepest evaluation stack a program may need (deeper programs are refused as too nested).
const STACK: usize = 24;
/// The stack of the common, shallow programs.
const SMALL_STACK: usize = 6;
/// Most instructions a program may have.
const MAX_OPS: usize = 600;

/// One instruction of the stack machine.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Const(f64),
    Var(u8),
    Neg,
    Add,
    Sub,
    Mul,
    Div,
    /// `a ^ b`, `b` any value (through `exp(b·ln a)`).
    Pow,
    /// `a ^ n`, `n` a small integer constant (defined for negative `a`).
    PowI(i32),
    Call(Func),
    /// `a + c`, `a − c`, `a · c` with a constant `c` (fused: one instruction instead of two).
    AddC(f64),
    SubC(f64),
    MulC(f64),
    /// `a / c` with a constant `c`.
    DivC(f64),
}

/// A compiled expression of one or two variables. It is always evaluated at a point `[x, y]`
/// (`y` unused by a function of `x` alone), so that each number type compiles one evaluator.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    ops: Vec<Op>,
    /// The deepest the stack gets.
    depth: usize,
    /// The text it was compiled from (for share links).
    source: String,
}

fn fold(op: BinOp, a: f64, b: f64) -> f64 {
    match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div => a / b,
        BinOp::Pow => a.powf(b),
    }
}

/// The integer an exponent constant stands for, if it is a small integer.
fn small_integer(v: f64) -> Option<i32> {
    (v.fract() == 0.0 && v.abs() <= 64.0).then_some(v as i32)
}

impl Program {
    #[inline(never)] // called from the link decoder too: one copy in the wasm
    /// Parses and compiles `text` as a function of `vars` variables (1: `x`; 2: `x`, `y`),
    /// numbers read through `numbers`.
    pub fn compile(text: &str, vars: usize, numbers: &dyn Numbers) -> Result<Self, ParseError> {
        let tree = parse::parse(text, vars, numbers)?;
        let mut ops = Vec::new();
        emit(&tree, &mut ops);
        let depth = max_depth(&ops);
        let too_big = ops.len() > MAX_OPS || depth > STACK;
        if too_big {
            return Err(ParseError {
                kind: ErrorKind::TooDeep,
                start: 0,
                end: text.chars().count(),
            });
        }
        Ok(Program {
            ops,
            depth,
            source: text.trim().to_owned(),
        })
    }

    /// The text the program was compiled from (trimmed).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The number of instructions (for tests and the benchmark).
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// Whether the program is empty (never, for a compiled one).
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// The value at `vars = [x, y]` in the number type `T`.
    pub fn eval<T: Scalar>(&self, vars: &[T; 2]) -> T {
        // Most functions need a shallow stack: a small array is cheaper to set up per point.
        if self.depth <= SMALL_STACK {
            self.run::<T, SMALL_STACK>(vars)
        } else {
            self.run::<T, STACK>(vars)
        }
    }

    fn run<T: Scalar, const S: usize>(&self, vars: &[T; 2]) -> T {
        // An accumulator machine: the top of the stack lives in `acc` (no load and store for
        // unary instructions); below it, `stack[..top]` (its first slot holds the initial,
        // unused `acc`). Binary instructions combine `stack[top − 1]` with `acc`.
        let mut stack = [T::constant(0.0); S];
        let mut top = 0;
        let mut acc = T::constant(0.0);
        for op in &self.ops {
            match *op {
                Op::Const(c) => {
                    stack[top] = acc;
                    top += 1;
                    acc = T::constant(c);
                }
                Op::Var(i) => {
                    stack[top] = acc;
                    top += 1;
                    acc = vars[i as usize];
                }
                Op::Neg => acc = -acc,
                Op::PowI(n) => acc = acc.powi(n),
                Op::AddC(c) => acc = acc + T::constant(c),
                Op::SubC(c) => acc = acc - T::constant(c),
                Op::MulC(c) => acc = acc * T::constant(c),
                Op::DivC(c) => acc = acc / T::constant(c),
                // (Lane by lane for several points at once; see `Scalar::LANEWISE`.)
                Op::Call(f @ (Func::Min | Func::Max)) if T::LANEWISE => {
                    top -= 1;
                    let a = stack[top];
                    acc = if f == Func::Min { a.min2(acc) } else { a.max2(acc) };
                }
                Op::Call(Func::Min | Func::Max) | Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Pow => {
                    top -= 1;
                    let a = stack[top];
                    acc = match *op {
                        Op::Add => a + acc,
                        Op::Sub => a - acc,
                        Op::Mul => a * acc,
                        Op::Div => a / acc,
                        Op::Pow => a.pow(acc),
                        // (As `Scalar::min2` and `max2`: the first on a tie.)
                        Op::Call(Func::Min) if acc.re() < a.re() => acc,
                        Op::Call(Func::Max) if acc.re() > a.re() => acc,
                        _ => a,
                    };
                }
                Op::Call(f) => acc = call(f, acc),
            }
        }
        acc
    }
}

fn call<T: Scalar>(f: Func, a: T) -> T {
    match f {
        Func::Sin => a.sin(),
        Func::Cos => a.cos(),
        Func::Tan => a.tan(),
        Func::Exp => a.exp(),
        Func::Ln => a.ln(),
        Func::Sqrt => a.sqrt(),
        Func::Abs => a.abs(),
        Func::Tanh => a.tanh(),
        Func::Sigmoid => a.sigmoid(),
        Func::Relu => a.relu(),
        Func::Min | Func::Max => a, // binary: handled by the caller
    }
}

/// Appends the instructions of `node` to `ops`, folding constant subtrees.
fn emit(node: &Node, ops: &mut Vec<Op>) {
    if let Some(v) = constant(node) {
        ops.push(Op::Const(v));
        return;
    }
    match node {
        Node::Num(v) => ops.push(Op::Const(*v)),
        Node::Var(i) => ops.push(Op::Var(*i as u8)),
        Node::Neg(a) => {
            emit(a, ops);
            ops.push(Op::Neg);
        }
        Node::Bin(BinOp::Pow, a, b) if constant(b).and_then(small_integer).is_some() => {
            emit(a, ops);
            ops.push(Op::PowI(constant(b).and_then(small_integer).unwrap_or(1)));
        }
        Node::Bin(op @ (BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div), a, b) if constant(b).is_some() => {
            emit(a, ops);
            let c = constant(b).unwrap_or(0.0);
            ops.push(match op {
                BinOp::Add => Op::AddC(c),
                BinOp::Sub => Op::SubC(c),
                BinOp::Mul => Op::MulC(c),
                _ => Op::DivC(c),
            });
        }
        Node::Bin(op, a, b) => {
            emit(a, ops);
            emit(b, ops);
            ops.push(match op {
                BinOp::Add => Op::Add,
                BinOp::Sub => Op::Sub,
                BinOp::Mul => Op::Mul,
                BinOp::Div => Op::Div,
                BinOp::Pow => Op::Pow,
            });
        }
        Node::Call(f, args) => {
            for a in args {
                emit(a, ops);
            }
            ops.push(Op::Call(*f));
        }
    }
}

/// The value of `node` if it has no variable.
fn constant(node: &Node) -> Option<f64> {
    match node {
        Node::Num(v) => Some(*v),
        Node::Var(_) => None,
        Node::Neg(a) => constant(a).map(|v| -v),
        Node::Bin(op, a, b) => Some(fold(*op, constant(a)?, constant(b)?)),
        Node::Call(f, args) => {
            let vals: Option<Vec<f64>> = args.iter().map(constant).collect();
            let vals = vals?;
            Some(match (f, vals.as_slice()) {
                (Func::Min, [a, b]) => a.min(*b),
                (Func::Max, [a, b]) => a.max(*b),
                (f, [a, ..]) => call(*f, *a),
                _ => f64::NAN,
            })
        }
    }
}

/// The deepest the stack gets running `ops`.
fn max_depth(ops: &[Op]) -> usize {
    let (mut depth, mut most) = (0usize, 0usize);
    for op in ops {
        match op {
            Op::Const(_) | Op::Var(_) => depth += 1,
            Op::Neg | Op::PowI(_) | Op::AddC(_) | Op::SubC(_) | Op::MulC(_) | Op::DivC(_) => {}
            Op::Call(f) if !matches!(f, Func::Min | Func::Max) => {}
            _ => depth = depth.saturating_sub(1),
        }
        most = most.max(depth);
    }
    most
}

/// A typed function as a landscape of `N` (1 or 2) variables: values in `f64`, gradient and
/// Hessian by dual numbers. Both dimensions evaluate at a 2-D point (with `y = 0` in 1-D) and
/// keep the `N × N` part, so the evaluator is compiled once per number type.
#[derive(Debug, Clone)]
pub struct Typed<const N: usize> {
    /// The compiled expression.
    pub program: Program,
}

fn plane<const N: usize>(x: &Point<N>) -> [f64; 2] {
    [x[0], if N > 1 { x[N - 1] } else { 0.0 }]
}

impl<const N: usize> crate::landscape::pair::Paired for Typed<N> {}

impl<const N: usize> Landscape<Const<N>> for Typed<N> {
    fn value(&self, x: &Point<N>) -> f64 {
        self.program.eval(&plane(x))
    }

    fn gradient(&self, x: &Point<N>) -> Point<N> {
        let [x0, y0] = plane(x);
        let d = self.program.eval(&[Dual2::var(x0, 0), Dual2::var(y0, 1)]);
        Point::<N>::from_fn(|i, _| d.g[i])
    }

    fn hessian(&self, x: &Point<N>) -> Hessian<N> {
        self.gradient_hessian(x).1
    }

    fn values(&self, points: &[[f64; 2]], out: &mut [f64]) {
        let mut chunks = points.chunks_exact(LANES);
        let mut outs = out.chunks_exact_mut(LANES);
        for (p, o) in (&mut chunks).zip(&mut outs) {
            let lanes =
                |k: usize| -> Lanes { Many(std::array::from_fn(|i| if k == 0 || N > 1 { p[i][k] } else { 0.0 })) };
            o.copy_from_slice(&self.program.eval(&[lanes(0), lanes(1)]).0);
        }
        for (p, o) in chunks.remainder().iter().zip(outs.into_remainder()) {
            *o = self.program.eval(&[p[0], if N > 1 { p[1] } else { 0.0 }]);
        }
    }

    fn gradient_hessians(&self, x: &[Point<N>; LANES]) -> [(Point<N>, Hessian<N>); LANES] {
        let var = |k: usize| -> Many<Hyper2, LANES> { Many(std::array::from_fn(|i| Hyper2::var(plane(&x[i])[k], k))) };
        let d = self.program.eval(&[var(0), var(1)]).0;
        std::array::from_fn(|i| {
            (
                Point::<N>::from_fn(|r, _| d[i].g[r]),
                Hessian::<N>::from_fn(|r, c| d[i].h[r + c]),
            )
        })
    }

    fn gradient_hessian(&self, x: &Point<N>) -> (Point<N>, Hessian<N>) {
        let [x0, y0] = plane(x);
        let d = self.program.eval(&[Hyper2::var(x0, 0), Hyper2::var(y0, 1)]);
        (
            Point::<N>::from_fn(|i, _| d.g[i]),
            Hessian::<N>::from_fn(|i, j| d.h[i + j]),
        )
    }
}

#[cfg(test)]
mod tests;
