//! A network's loss over all its weights, as a landscape in `N` dimensions known only when
//! running ([`Dyn`]): the methods of [`crate::method`] step it as they step the page's 2-D
//! landscapes, with the same code. Levenberg–Marquardt damps the network's Gauss–Newton matrix
//! when the loss is the squared error.

use nalgebra::{DMatrix, DVector};

use crate::landscape::{Dyn, Landscape, Matrix, Vector};
use crate::network::mlp::{Loss, Mlp, Sample};
use crate::rng::Rng;

/// A network and the data it learns: `E(W)` over every weight and bias.
#[derive(Debug, Clone, PartialEq)]
pub struct Training {
    /// The network.
    pub net: Mlp,
    /// The examples.
    pub data: Vec<Sample>,
}

impl Training {
    /// `N`, the number of weights and biases.
    pub fn dimension(&self) -> usize {
        self.net.weights()
    }

    /// Weights drawn from `seed`: each `scale` times a standard normal number. A small scale
    /// starts near `W = 0`, where a tanh network's gradient vanishes (a saddle, or a plateau).
    pub fn initial(&self, seed: u64, scale: f64) -> Vector<Dyn> {
        let mut rng = Rng::new(seed);
        DVector::from_fn(self.dimension(), |_, _| scale * rng.normal())
    }
}

impl Landscape<Dyn> for Training {
    fn value(&self, w: &Vector<Dyn>) -> f64 {
        self.net.loss(w.as_slice(), &self.data)
    }

    fn gradient(&self, w: &Vector<Dyn>) -> Vector<Dyn> {
        DVector::from_vec(self.net.loss_and_gradient(w.as_slice(), &self.data).1)
    }

    /// (One backpropagation gives both.)
    fn value_gradient(&self, w: &Vector<Dyn>) -> (f64, Vector<Dyn>) {
        let (e, g) = self.net.loss_and_gradient(w.as_slice(), &self.data);
        (e, DVector::from_vec(g))
    }

    fn hessian(&self, w: &Vector<Dyn>) -> Matrix<Dyn> {
        DMatrix::from_row_slice(w.len(), w.len(), &self.net.hessian(w.as_slice(), &self.data))
    }

    /// The squared error's Gauss–Newton matrix `(2/n) Σ ∇yᵢ ∇yᵢᵀ`; for cross-entropy, the
    /// Hessian.
    fn gauss_newton(&self, w: &Vector<Dyn>) -> Matrix<Dyn> {
        match self.net.loss {
            Loss::SquaredError => {
                DMatrix::from_row_slice(w.len(), w.len(), &self.net.gauss_newton(w.as_slice(), &self.data))
            }
            Loss::CrossEntropy => self.hessian(w),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::eigen::symmetric_eigen;
    use crate::landscape::presets::Rosenbrock;
    use crate::landscape::{Const, Point};
    use crate::method::catalog::{build, Hyper, METHOD_IDS};
    use crate::method::testing::DenseQuadraticN;
    use crate::method::{run_to, Criteria, State, Status};
    use crate::network::data::DataSet;
    use crate::network::mlp::Activation;

    /// A landscape of `Const<N>` seen as one of run-time dimension.
    struct AsDyn<'a, const N: usize>(&'a dyn Landscape<Const<N>>);

    impl<const N: usize> Landscape<Dyn> for AsDyn<'_, N> {
        fn value(&self, x: &Vector<Dyn>) -> f64 {
            self.0.value(&Point::<N>::from_column_slice(x.as_slice()))
        }
        fn gradient(&self, x: &Vector<Dyn>) -> Vector<Dyn> {
            let g = self.0.gradient(&Point::<N>::from_column_slice(x.as_slice()));
            DVector::from_column_slice(g.as_slice())
        }
        fn hessian(&self, x: &Vector<Dyn>) -> Matrix<Dyn> {
            let h = self.0.hessian(&Point::<N>::from_column_slice(x.as_slice()));
            DMatrix::from_column_slice(N, N, h.as_slice())
        }
    }

    fn training(set: DataSet, hidden: &[usize], activation: Activation, loss: Loss) -> Training {
        Training {
            net: Mlp {
                inputs: 2,
                hidden: hidden.to_vec(),
                activation,
                loss,
            },
            data: set.generate(40, 0.05, 7),
        }
    }

    /// Every method is one definition for every dimension: its run in a space of run-time
    /// dimension is its run in `Const<N>`, number for number, on a dense quadratic in six
    /// variables and on Rosenbrock's valley.
    #[test]
    fn every_method_runs_the_same_in_a_space_of_run_time_dimension() {
        fn same<const N: usize>(l: &dyn Landscape<Const<N>>, x0: Point<N>, steps: usize) {
            let criteria = Criteria::default();
            let hyper = Hyper {
                eta: 0.002,
                ..Hyper::default()
            };
            let dynamic = AsDyn(l);
            for id in METHOD_IDS {
                let mut fixed = build::<Const<N>>(id, &hyper).expect("a method");
                let mut free = build::<Dyn>(id, &hyper).expect("a method");
                let mut a = State::start(l, x0, &criteria);
                let mut b = State::start(&dynamic, DVector::from_column_slice(x0.as_slice()), &criteria);
                for _ in 0..steps {
                    a = fixed.step(l, a, &criteria);
                    b = free.step(&dynamic, b, &criteria);
                    assert_eq!(a.x.as_slice(), b.x.as_slice(), "{id} at t = {}", a.iteration);
                    assert_eq!(a.gradient.as_slice(), b.gradient.as_slice(), "{id}");
                    assert_eq!(
                        (a.value.to_bits(), a.iteration, a.status, a.counts),
                        (b.value.to_bits(), b.iteration, b.status, b.counts),
                        "{id}"
                    );
                }
            }
        }
        same(&DenseQuadraticN::<6>::random(5), Point::<6>::from_element(2.0), 30);
        same::<2>(&Rosenbrock, Point::<2>::new(-1.2, 1.0), 60);
    }

    /// Newton minimizes a positive-definite quadratic in one step in any dimension.
    #[test]
    fn newton_minimizes_a_quadratic_in_one_step_at_run_time_dimension() {
        let q = DenseQuadraticN::<6>::random(9);
        let l = AsDyn(&q);
        let criteria = Criteria::default();
        let mut newton = build::<Dyn>("newton", &Hyper::default()).expect("newton");
        let s = newton.step(
            &l,
            State::start(&l, DVector::from_element(6, -3.0), &criteria),
            &criteria,
        );
        let min = q.minimizer();
        assert!((s.x - DVector::from_column_slice(min.as_slice())).norm() < 1e-12);
        assert_eq!((s.iteration, s.status), (1, Status::Converged));
    }

    /// A network's loss as a landscape: its value, gradient and Hessian are the network's, the
    /// Hessian laid out row by row as the network gives it; `N` weights.
    #[test]
    fn the_landscape_is_the_networks_loss() {
        let t = training(DataSet::Moons, &[4], Activation::Tanh, Loss::SquaredError);
        assert_eq!(t.dimension(), 17);
        let w = t.initial(3, 0.5);
        assert_eq!(w.len(), 17);
        let (e, g) = t.net.loss_and_gradient(w.as_slice(), &t.data);
        assert_eq!(t.value(&w), e);
        assert_eq!(t.gradient(&w).as_slice(), &g[..]);
        let h = t.net.hessian(w.as_slice(), &t.data);
        let m = t.hessian(&w);
        for i in 0..17 {
            for j in 0..17 {
                assert_eq!(m[(i, j)], h[i * 17 + j]);
            }
        }
        let gn = t.gauss_newton(&w);
        assert_ne!(gn, m, "the squared error's Gauss–Newton matrix is not its Hessian");
        let ce = training(DataSet::Moons, &[4], Activation::Tanh, Loss::CrossEntropy);
        assert_eq!(ce.gauss_newton(&w), ce.hessian(&w));
    }

    /// The seed decides the weights; the scale multiplies them.
    #[test]
    fn initial_weights_are_seeded_and_scaled() {
        let t = training(DataSet::Xor, &[3], Activation::Tanh, Loss::SquaredError);
        assert_eq!(t.initial(5, 1.0), t.initial(5, 1.0));
        assert_ne!(t.initial(5, 1.0), t.initial(6, 1.0));
        assert_eq!(t.initial(5, 0.25), t.initial(5, 1.0) * 0.25);
    }

    /// Levenberg–Marquardt on a network's squared error steps by `−(G + μI)⁻¹ ∇E` with `G` the
    /// Gauss–Newton matrix.
    #[test]
    fn levenberg_marquardt_damps_the_gauss_newton_matrix() {
        let t = training(DataSet::Circles, &[3], Activation::Sigmoid, Loss::SquaredError);
        let w = t.initial(11, 1.0);
        let criteria = Criteria::default();
        let mu = 0.5;
        let hyper = Hyper { mu, ..Hyper::default() };
        let mut lm = build::<Dyn>("lm", &hyper).expect("lm");
        let s = lm.step(&t, State::start(&t, w.clone(), &criteria), &criteria);
        let damped = t.gauss_newton(&w) + DMatrix::identity(w.len(), w.len()) * mu;
        let expected = &w - damped.lu().solve(&t.gradient(&w)).expect("invertible");
        assert!((s.x - expected).norm() < 1e-12 * (1.0 + w.norm()));
    }

    fn run(t: &Training, id: &str, hyper: &Hyper, w0: &Vector<Dyn>, steps: usize) -> State<Dyn> {
        let criteria = Criteria::default();
        let mut method = build::<Dyn>(id, hyper).expect("a method");
        run_to(
            method.as_mut(),
            t,
            State::start(t, w0.clone(), &criteria),
            &criteria,
            steps,
        )
    }

    /// The lecture's saddle, on a real network: from small weights on XOR (13 weights, tanh),
    /// Newton and damped Newton go to a critical point at `E = 1/4`, where the network answers
    /// ½ everywhere and the Hessian has a negative eigenvalue (a saddle; Newton stops where the
    /// Hessian becomes singular beside it), while gradient descent, momentum and Adam from the
    /// same starts go down past it.
    #[test]
    fn from_small_weights_on_xor_newton_goes_to_a_saddle_that_gradient_descent_leaves() {
        let t = training(DataSet::Xor, &[3], Activation::Tanh, Loss::SquaredError);
        let hyper = Hyper {
            eta: 0.5,
            ..Hyper::default()
        };
        for (seed, scale) in [(1, 0.05), (3, 0.01)] {
            let w0 = t.initial(seed, scale);
            for id in ["newton", "damped-newton"] {
                let s = run(&t, id, &hyper, &w0, 2000);
                assert!((s.value - 0.25).abs() < 1e-6, "{id} from seed {seed}: E = {}", s.value);
                assert!(s.grad_norm() < 2e-3, "{id} from seed {seed}: ‖∇E‖ = {}", s.grad_norm());
                let (values, _) = symmetric_eigen(&t.hessian(&s.x));
                assert!(values[0] < -1e-2, "{id} from seed {seed}: λ_min = {}", values[0]);
            }
            for id in ["gd", "momentum", "adam"] {
                let s = run(&t, id, &hyper, &w0, 2000);
                assert!(s.value < 0.2, "{id} from seed {seed}: E = {}", s.value);
            }
        }
    }

    /// In N dimensions, gradient descent is stable for `η < 2/λ_max(H)`: at a minimum of a
    /// network's loss (8 weights, where Newton converged, `H` positive definite), a small push
    /// along the Hessian's top eigenvector dies out with `η = 0.95 · 2/λ_max` and grows with
    /// `η = 1.05 · 2/λ_max`.
    #[test]
    fn gradient_descent_on_a_network_is_stable_below_two_over_lambda_max() {
        let t = Training {
            data: DataSet::Circles.generate(40, 0.5, 7),
            ..training(DataSet::Circles, &[2], Activation::Tanh, Loss::SquaredError)
        };
        let lm = run(
            &t,
            "lm",
            &Hyper {
                mu: 0.01,
                ..Hyper::default()
            },
            &t.initial(1, 1.0),
            3000,
        );
        let criteria = Criteria {
            grad_tol: 1e-12,
            ..Criteria::default()
        };
        let start = State::start(&t, lm.x, &criteria);
        let mut newton = build::<Dyn>("newton", &Hyper::default()).expect("newton");
        let min = run_to(newton.as_mut(), &t, start, &criteria, 50);
        assert_eq!(min.status, Status::Converged);
        let (values, vectors) = symmetric_eigen(&t.hessian(&min.x));
        assert!(values[0] > 0.0, "a minimum: λ_min = {}", values[0]);
        let top = *values.last().expect("eigenvalues");
        let push = 1e-6;
        let start = &min.x + push * vectors.last().expect("eigenvectors");
        for (fraction, grows) in [(0.95, false), (1.05, true)] {
            let hyper = Hyper {
                eta: fraction * 2.0 / top,
                ..Hyper::default()
            };
            let s = run(&t, "gd", &hyper, &start, 100);
            let distance = (&s.x - &min.x).norm();
            if grows {
                assert!(distance > 10.0 * push, "η = {fraction} · 2/λ_max: {distance}");
            } else {
                assert!(distance < push, "η = {fraction} · 2/λ_max: {distance}");
            }
        }
    }
}
