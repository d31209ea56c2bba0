use super::*;
use crate::landscape::check::{derivatives_match, Rng};
use crate::landscape::presets::Himmelblau;
use crate::numbers::RustNumbers;

fn compile2(text: &str) -> Result<Program, ParseError> {
    Program::compile(text, 2, &RustNumbers)
}

fn value2(text: &str, x: f64, y: f64) -> f64 {
    compile2(text).unwrap_or_else(|e| panic!("{text}: {e}")).eval(&[x, y])
}

#[test]
fn values_follow_the_usual_precedence() {
    let pi = std::f64::consts::PI;
    let cases: &[(&str, f64, f64, f64)] = &[
        ("1 + 2 * 3", 0.0, 0.0, 7.0),
        ("(1 + 2) * 3", 0.0, 0.0, 9.0),
        ("2 ^ 3 ^ 2", 0.0, 0.0, 512.0),
        ("-x^2", 3.0, 0.0, -9.0),
        ("(-x)^2", 3.0, 0.0, 9.0),
        ("2^-1", 0.0, 0.0, 0.5),
        ("x - y - 1", 5.0, 2.0, 2.0),
        ("x / y / 2", 8.0, 2.0, 2.0),
        ("2x", 1.5, 0.0, 3.0),
        ("2 x y", 1.5, 2.0, 6.0),
        ("3 sin(x)", pi / 2.0, 0.0, 3.0),
        ("(x+1)(y-1)", 1.0, 3.0, 4.0),
        ("2e3", 0.0, 0.0, 2000.0),
        ("2e", 0.0, 0.0, 2.0 * std::f64::consts::E),
        ("2.5e-1x", 4.0, 0.0, 1.0),
        (".5", 0.0, 0.0, 0.5),
        ("π", 0.0, 0.0, pi),
        ("pi", 0.0, 0.0, pi),
        ("x·y − 1", 2.0, 3.0, 5.0),
        ("x × y", 2.0, 3.0, 6.0),
        ("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", 3.0, 2.0, 0.0),
        ("log(e)", 0.0, 0.0, 1.0),
        ("ln(e^2)", 0.0, 0.0, 2.0),
        ("sqrt(16)", 0.0, 0.0, 4.0),
        ("abs(-3) + relu(-2) + relu(2)", 0.0, 0.0, 5.0),
        ("min(x, y) + max(x, y)", 1.0, 7.0, 8.0),
        ("sigmoid(0)", 0.0, 0.0, 0.5),
        ("tanh(0) + cos(0) + tan(0) + exp(0)", 0.0, 0.0, 2.0),
        ("x^0.5", 9.0, 0.0, 3.0),
        ("x^y", 2.0, 10.0, 1024.0),
        ("(-2)^3", 0.0, 0.0, -8.0),
        ("x^3", -2.0, 0.0, -8.0),
        ("  +x  ", 4.0, 0.0, 4.0),
    ];
    for &(text, x, y, want) in cases {
        let got = value2(text, x, y);
        assert!(
            (got - want).abs() <= 1e-12 * want.abs().max(1.0),
            "{text} at ({x}, {y}): {got} ≠ {want}"
        );
    }
}

#[test]
fn errors_say_what_and_where() {
    use ErrorKind as K;
    let cases: Vec<(&str, K, usize)> = vec![
        ("", K::Empty, 0),
        ("   ", K::Empty, 0),
        ("x +", K::UnexpectedEnd, 3),
        ("x + * y", K::Unexpected("*".into()), 4),
        ("(x + y", K::Unclosed, 0),
        ("sin(x", K::Unclosed, 3),
        ("x + y)", K::Unexpected(")".into()), 5),
        ("x # y", K::BadChar('#'), 2),
        ("1.2.3", K::BadNumber, 0),
        ("sin x", K::MissingArgs("sin"), 0),
        (
            "max(x)",
            K::Arity {
                name: "max",
                expected: 2,
                got: 1,
            },
            0,
        ),
        (
            "sin(x, y)",
            K::Arity {
                name: "sin",
                expected: 1,
                got: 2,
            },
            0,
        ),
        (
            "x + sine(y)",
            K::UnknownName {
                name: "sine".into(),
                suggestion: Some("sin"),
            },
            4,
        ),
        (
            "sqr(x)",
            K::UnknownName {
                name: "sqr".into(),
                suggestion: Some("sqrt"),
            },
            0,
        ),
        (
            "sigmod(x)",
            K::UnknownName {
                name: "sigmod".into(),
                suggestion: Some("sigmoid"),
            },
            0,
        ),
        (
            "2 * foo",
            K::UnknownName {
                name: "foo".into(),
                suggestion: None,
            },
            4,
        ),
        (
            "f(x, )",
            K::UnknownName {
                name: "f".into(),
                suggestion: None,
            },
            0,
        ),
        (
            "2 * coss(x)",
            K::UnknownName {
                name: "coss".into(),
                suggestion: Some("cos"),
            },
            4,
        ),
        ("max(x, )", K::Unexpected(")".into()), 7),
        ("x,y", K::Unexpected(",".into()), 1),
    ];
    for (text, kind, start) in cases {
        let e = compile2(text).expect_err(text);
        assert_eq!((e.kind.clone(), e.start), (kind, start), "{text}: {e}");
        assert!(e.end >= e.start, "{text}");
    }
    let e = Program::compile("x + y", 1, &RustNumbers).expect_err("y in 1-D");
    assert_eq!((e.kind, e.start), (ErrorKind::NoSuchVariable("y".into()), 4));
    // Positions count characters, not bytes.
    let e = compile2("π·x + ?").expect_err("?");
    assert_eq!((e.kind, e.start), (ErrorKind::BadChar('?'), 6));
}

#[test]
fn limits_on_length_and_depth() {
    let long = "x+".repeat(300) + "x";
    assert_eq!(compile2(&long).expect_err("long").kind, ErrorKind::TooLong);
    let deep = "(".repeat(40) + "x" + &")".repeat(40);
    assert_eq!(compile2(&deep).expect_err("deep").kind, ErrorKind::TooDeep);
    let tower = "2^".repeat(40) + "x";
    assert_eq!(compile2(&tower).expect_err("tower").kind, ErrorKind::TooDeep);
    let negations = "-".repeat(40) + "x";
    assert_eq!(compile2(&negations).expect_err("negations").kind, ErrorKind::TooDeep);
    // Within the limits everything compiles and evaluates.
    let ok = "(".repeat(20) + "x" + &")".repeat(20);
    assert_eq!(value2(&ok, 2.0, 0.0), 2.0);
    let wide = "x*".repeat(199) + "x";
    assert_eq!(value2(&wide, 1.0, 0.0), 1.0);
}

#[test]
fn constants_fold_and_integer_powers_are_recognized() {
    let p = compile2("2 * pi * (3 - 1) + x^2").expect("compiles");
    assert_eq!(p.ops[0], Op::Const(4.0 * std::f64::consts::PI));
    assert!(p.ops.contains(&Op::PowI(2)));
    assert_eq!(p.len(), 4);
    // A constant right operand fuses into the instruction.
    let q = compile2("(x - 11) * 3 + y / 4").expect("compiles");
    assert_eq!(
        q.ops,
        vec![
            Op::Var(0),
            Op::SubC(11.0),
            Op::MulC(3.0),
            Op::Var(1),
            Op::DivC(4.0),
            Op::Add
        ]
    );
    assert_eq!(p.source(), "2 * pi * (3 - 1) + x^2");
}

#[test]
fn typed_himmelblau_matches_the_preset_exactly_enough() {
    let typed = Typed::<2> {
        program: compile2("(x^2 + y - 11)^2 + (x + y^2 - 7)^2").expect("compiles"),
    };
    let mut rng = Rng::new(11);
    for _ in 0..200 {
        let x = Point::<2>::new(rng.uniform(-5.0, 5.0), rng.uniform(-5.0, 5.0));
        let scale = 1.0 + Himmelblau.value(&x).abs();
        assert!((typed.value(&x) - Himmelblau.value(&x)).abs() < 1e-12 * scale);
        assert!((typed.gradient(&x) - Himmelblau.gradient(&x)).norm() < 1e-10 * scale);
        assert!((typed.hessian(&x) - Himmelblau.hessian(&x)).norm() < 1e-10 * scale);
    }
}

#[test]
fn kinks_have_one_sided_derivatives_not_nan() {
    let at0 = Point::<2>::new(0.0, 0.0);
    for (text, gx) in [
        ("abs(x)", 1.0),
        ("relu(x)", 0.0),
        ("max(x, 0)", 1.0),
        ("min(x, 0)", 1.0),
        ("abs(x) + relu(y)", 1.0),
    ] {
        let t = Typed::<2> {
            program: compile2(text).expect("compiles"),
        };
        let g = t.gradient(&at0);
        let h = t.hessian(&at0);
        assert_eq!(g[0], gx, "{text}");
        assert!(g.iter().chain(h.iter()).all(|v| v.is_finite()), "{text}: {g:?} {h:?}");
    }
}

#[test]
fn domain_trouble_gives_nan_or_infinity_not_a_panic() {
    assert!(value2("log(x)", -1.0, 0.0).is_nan());
    assert!(value2("sqrt(x)", -1.0, 0.0).is_nan());
    assert!(value2("x / y", 0.0, 0.0).is_nan());
    assert_eq!(value2("1 / x", 0.0, 0.0), f64::INFINITY);
    assert_eq!(value2("exp(x)", 1000.0, 0.0), f64::INFINITY);
    // The sigmoid saturates without overflow, derivatives included.
    let s = Typed::<2> {
        program: compile2("sigmoid(x)").expect("compiles"),
    };
    for x in [-800.0, 800.0] {
        let p = Point::<2>::new(x, 0.0);
        assert!(s.value(&p).is_finite() && s.gradient(&p).iter().all(|g| g.is_finite()));
        assert!(s.hessian(&p).iter().all(|h| h.is_finite()));
    }
}

/// A random expression of the grammar, smooth where it is evaluated (no kinks, no domain
/// edges): built from `x`, `y`, small constants, `+ − * ^2`, and smooth functions.
fn random_expression(rng: &mut Rng, depth: usize) -> String {
    let pick = (rng.uniform(0.0, 1.0) * if depth == 0 { 3.0 } else { 12.0 }) as usize;
    let mut sub = || random_expression(rng, depth.saturating_sub(1));
    match pick {
        0 => "x".into(),
        1 => "y".into(),
        2 => format!("{:.2}", 0.1 + 0.9 * (depth as f64 + 1.0) / 4.0),
        3 => format!("({} + {})", sub(), sub()),
        4 => format!("({} - {})", sub(), sub()),
        5 => format!("{} * {}", sub(), sub()),
        6 => format!("({})^2", sub()),
        7 => format!("sin({})", sub()),
        8 => format!("cos({})", sub()),
        9 => format!("tanh({})", sub()),
        10 => format!("sigmoid({})", sub()),
        _ => format!("exp(0.3 * {})", sub()),
    }
}

#[test]
fn exact_derivatives_of_random_expressions_agree_with_finite_differences() {
    let mut rng = Rng::new(2026);
    for _ in 0..150 {
        let text = random_expression(&mut rng, 4);
        let typed = Typed::<2> {
            program: compile2(&text).unwrap_or_else(|e| panic!("{text}: {e}")),
        };
        derivatives_match(&typed, -1.5, 1.5, 20);
    }
    for text in [
        "x / (1 + y^2)",
        "log(1 + x^2 + y^2)",
        "sqrt(2 + x^2) * y",
        "x^y + 1",
        "sigmoid(3x - 2y)^2",
    ] {
        let typed = Typed::<2> {
            program: compile2(text).expect("compiles"),
        };
        // x^y needs x > 0.
        derivatives_match(&typed, 0.2, 1.5, 40);
    }
}

#[test]
fn one_variable_programs() {
    let p = Program::compile("x^3 - 2x", 1, &RustNumbers).expect("compiles");
    let t = Typed::<1> { program: p };
    let x = Point::<1>::new(2.0);
    assert_eq!(t.value(&x), 4.0);
    assert_eq!(t.gradient(&x)[0], 10.0);
    assert_eq!(t.hessian(&x)[(0, 0)], 12.0);
}

#[test]
fn random_text_never_panics() {
    let alphabet: Vec<char> = "xy0123456789.e+-*/^(),  sincoexplgqrtabmhdπ·−#".chars().collect();
    let mut rng = Rng::new(77);
    for _ in 0..5000 {
        let n = rng.uniform(0.0, 30.0) as usize;
        let text: String = (0..n)
            .map(|_| alphabet[(rng.uniform(0.0, alphabet.len() as f64) as usize).min(alphabet.len() - 1)])
            .collect();
        if let Ok(p) = compile2(&text) {
            p.eval(&[0.5, -0.25]);
            let t = Typed::<2> { program: p };
            t.hessian(&Point::<2>::new(0.5, -0.25));
        }
    }
}

#[test]
fn a_row_evaluated_several_points_at_a_time_equals_one_point_at_a_time() {
    // Every instruction and function, their domains' edges, ties of min and max, abs(−0),
    // relu(0), 0 ^ b; rows that fill the lanes and rows with a remainder.
    let texts = [
        "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        "sin(x) * cos(y) + tan(x / 3) - exp(-y) + tanh(x*y) + sigmoid(x - y)",
        "log(x) + sqrt(y) + 1/x - x/y",
        "abs(x) + relu(y) + min(x, y) + max(x, y)^3",
        "x^y + (x*x)^(0.5*y) - (-x)^3 + x^-2",
        "min(x, 0) * max(0, y) - abs(-x)",
        "2^x + 0^y",
        "-(x - 1)^2 / 3 + 4*y",
    ];
    let mut rng = Rng::new(11);
    let mut points: Vec<[f64; 2]> = (0..61)
        .map(|_| [rng.uniform(-3.0, 3.0), rng.uniform(-3.0, 3.0)])
        .collect();
    // (Exact zeros and ties.)
    points.extend([
        [0.0, 0.0],
        [-0.0, 0.0],
        [1.0, 1.0],
        [0.0, 2.0],
        [-2.0, -2.0],
        [2.0, 0.0],
        [0.0, -1.0],
    ]);
    let same = |a: f64, b: f64| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan());
    for text in texts {
        let two = Typed::<2> {
            program: compile2(text).expect("compiles"),
        };
        for len in [points.len(), 8, 13, 3] {
            let row = &points[..len];
            let mut out = vec![0.0; len];
            two.values(row, &mut out);
            for (p, v) in row.iter().zip(&out) {
                let one = two.value(&Point::<2>::new(p[0], p[1]));
                assert!(same(*v, one), "{text} at {p:?}: {v} vs {one}");
            }
        }
    }
    let one_d = Typed::<1> {
        program: Program::compile("sin(3x) + x^2 + abs(x)", 1, &RustNumbers).expect("compiles"),
    };
    let mut out = vec![0.0; points.len()];
    one_d.values(&points, &mut out);
    for (p, v) in points.iter().zip(&out) {
        assert!(same(*v, one_d.value(&Point::<1>::new(p[0]))), "1-D at {p:?}");
    }
}

#[test]
fn derivatives_of_several_points_at_a_time_equal_one_point_at_a_time() {
    use crate::landscape::dual::LANES;
    let l = Typed::<2> {
        program: compile2("sin(x) * y^2 + exp(-x*y) + abs(x - y) + max(x, y^2) + log(2 + x)").expect("compiles"),
    };
    let mut rng = Rng::new(5);
    for _ in 0..20 {
        let x: [Point<2>; LANES] =
            std::array::from_fn(|_| Point::<2>::new(rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5)));
        for (k, (g, h)) in l.gradient_hessians(&x).into_iter().enumerate() {
            let (g1, h1) = l.gradient_hessian(&x[k]);
            assert!(
                g.iter().zip(g1.iter()).all(|(a, b)| a.to_bits() == b.to_bits()),
                "∇E at {}",
                x[k]
            );
            assert!(
                h.iter().zip(h1.iter()).all(|(a, b)| a.to_bits() == b.to_bits()),
                "H at {}",
                x[k]
            );
        }
    }
}
