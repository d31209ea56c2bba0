//! What the tests of the line-search methods share: an `N`-dimensional positive-definite
//! quadratic (the oracle of finite termination), Rosenbrock's classic start, and the check that
//! every step a method takes satisfies the strong Wolfe conditions.

use crate::landscape::check::Rng;
use crate::landscape::{Const, Hessian, Landscape, Point};
use crate::method::line_search::Wolfe;
use crate::method::{Criteria, Method, State, Status};

/// Rosenbrock's start in every textbook: `(−1.2, 1)`.
pub const ROSENBROCK_START: Point<2> = Point::<2>::new(-1.2, 1.0);

/// `E(x) = ½ xᵀAx − bᵀx` with `A = QΛQᵀ`-like: a random symmetric matrix made positive definite
/// by a dominant diagonal (eigenvalues between about 1 and 3N).
pub struct DenseQuadraticN<const N: usize> {
    pub a: Hessian<N>,
    pub b: Point<N>,
}

impl<const N: usize> DenseQuadraticN<N> {
    pub fn random(seed: u64) -> Self {
        let mut rng = Rng::new(seed);
        let mut a = Hessian::<N>::zeros();
        for j in 0..N {
            a[(j, j)] = 1.0 + rng.uniform(0.0, 2.0 * N as f64);
            for i in 0..j {
                let v = rng.uniform(-0.5, 0.5);
                a[(i, j)] = v;
                a[(j, i)] = v;
            }
        }
        for j in 0..N {
            a[(j, j)] += (0..N).filter(|&i| i != j).map(|i| a[(i, j)].abs()).sum::<f64>();
        }
        let b = Point::<N>::from_fn(|_, _| rng.uniform(-1.0, 1.0));
        DenseQuadraticN { a, b }
    }

    /// `A⁻¹b`.
    pub fn minimizer(&self) -> Point<N> {
        self.a.cholesky().expect("positive definite").solve(&self.b)
    }
}

impl<const N: usize> Landscape<Const<N>> for DenseQuadraticN<N> {
    fn value(&self, x: &Point<N>) -> f64 {
        0.5 * x.dot(&(self.a * x)) - self.b.dot(x)
    }
    fn gradient(&self, x: &Point<N>) -> Point<N> {
        self.a * x - self.b
    }
    fn hessian(&self, _: &Point<N>) -> Hessian<N> {
        self.a
    }
}

/// Runs `method` from `x0` for up to `steps` steps and asserts that every step `s = x₊ − x`
/// satisfies the strong Wolfe conditions with `wolfe`: `E₊ ≤ E + c₁ ∇Eᵀs` and
/// `|∇E₊ᵀs| ≤ c₂ |∇Eᵀs|`, and that `E` never rises. Returns the last state.
pub fn assert_wolfe_steps<const N: usize>(
    method: &mut dyn Method<Const<N>>,
    l: &dyn Landscape<Const<N>>,
    x0: Point<N>,
    wolfe: Wolfe,
    steps: usize,
) -> State<Const<N>> {
    let criteria = Criteria::default();
    let mut state = State::start(l, x0, &criteria);
    for _ in 0..steps {
        if state.status != Status::Running {
            break;
        }
        let next = method.step(l, state, &criteria);
        let s = next.x - state.x;
        let (slope0, slope) = (state.gradient.dot(&s), next.gradient.dot(&s));
        assert!(
            next.value <= state.value,
            "E rose from {} to {} at {:?}",
            state.value,
            next.value,
            state.x
        );
        if s.norm() > 0.0 {
            assert!(slope0 < 0.0, "not downhill at {:?}", state.x);
            assert!(
                next.value <= state.value + wolfe.c1 * slope0,
                "sufficient decrease fails at {:?}",
                state.x
            );
            assert!(
                slope.abs() <= wolfe.c2 * slope0.abs() * (1.0 + 1e-12),
                "curvature fails at {:?}: {slope} against {slope0}",
                state.x
            );
        }
        state = next;
    }
    state
}
