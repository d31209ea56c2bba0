//! The network's derivatives against central finite differences at seeded random weights, for
//! every activation and loss, on every data set; against the page's 2-D slice of the tiny
//! network at the same weights; the Gauss–Newton matrix against Jᵀ J from the Jacobian.

use super::data::DataSet;
use super::mlp::{Activation, Loss, Mlp, Sample};
use crate::landscape::neural::{self, TinyNet};
use crate::landscape::{Landscape, Point};
use crate::rng::Rng;

fn net(hidden: &[usize], activation: Activation, loss: Loss) -> Mlp {
    Mlp {
        inputs: 2,
        hidden: hidden.to_vec(),
        activation,
        loss,
    }
}

fn weights(n: usize, seed: u64, scale: f64) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| scale * rng.normal()).collect()
}

/// The central difference of `f` along coordinate `i` at `w`.
fn central(f: impl Fn(&[f64]) -> f64, w: &[f64], i: usize, h: f64) -> f64 {
    let (mut a, mut b) = (w.to_vec(), w.to_vec());
    a[i] += h;
    b[i] -= h;
    (f(&a) - f(&b)) / (2.0 * h)
}

/// Every architecture, activation, loss and data set the tests go through.
fn cases() -> Vec<(Mlp, Vec<Sample>, Vec<f64>)> {
    let mut out = Vec::new();
    let mut seed = 1;
    for hidden in [&[3][..], &[4, 3][..]] {
        for activation in Activation::ALL {
            for loss in [Loss::SquaredError, Loss::CrossEntropy] {
                for set in DataSet::ALL {
                    seed += 1;
                    let m = net(hidden, activation, loss);
                    let w = weights(m.weights(), seed, 0.8);
                    out.push((m, set.generate(12, 0.1, seed), w));
                }
            }
        }
    }
    out
}

#[test]
fn the_number_of_weights_is_every_layers_weights_and_biases() {
    assert_eq!(net(&[2], Activation::Tanh, Loss::SquaredError).weights(), 9);
    assert_eq!(net(&[8], Activation::Tanh, Loss::SquaredError).weights(), 33);
    assert_eq!(net(&[8, 8], Activation::Tanh, Loss::SquaredError).weights(), 105);
}

#[test]
fn backpropagation_matches_central_differences() {
    for (m, data, w) in cases() {
        let (e, g) = m.loss_and_gradient(&w, &data);
        assert_eq!(e, m.loss(&w, &data));
        for (i, gi) in g.iter().enumerate() {
            let fd = central(|v| m.loss(v, &data), &w, i, 1e-5);
            assert!(
                (gi - fd).abs() <= 1e-6 * gi.abs().max(1.0),
                "{m:?} weight {i}: {gi} against {fd}"
            );
        }
    }
}

#[test]
fn the_hessian_matches_differences_of_the_gradient_and_is_symmetric() {
    for (m, data, w) in cases() {
        let n = w.len();
        let h = m.hessian(&w, &data);
        let scale = h.iter().fold(1.0_f64, |a, v| a.max(v.abs()));
        for i in 0..n {
            for j in 0..n {
                assert!(
                    (h[i * n + j] - h[j * n + i]).abs() <= 1e-12 * scale,
                    "{m:?}: H[{i}][{j}] = {} against H[{j}][{i}] = {}",
                    h[i * n + j],
                    h[j * n + i]
                );
                let fd = central(|v| m.loss_and_gradient(v, &data).1[i], &w, j, 1e-5);
                assert!(
                    (h[i * n + j] - fd).abs() <= 1e-5 * scale,
                    "{m:?}: H[{i}][{j}] = {} against {fd}",
                    h[i * n + j]
                );
            }
        }
    }
}

#[test]
fn the_gauss_newton_matrix_is_two_jt_j_over_n_from_the_jacobian() {
    for (m, data, w) in cases().into_iter().filter(|(m, ..)| m.loss == Loss::SquaredError) {
        let n = w.len();
        // The Jacobian of the outputs, row by row, by central differences.
        let jac: Vec<Vec<f64>> = data
            .iter()
            .map(|s| (0..n).map(|i| central(|v| m.output(v, &s.x), &w, i, 1e-5)).collect())
            .collect();
        let g = m.gauss_newton(&w, &data);
        for a in 0..n {
            for b in 0..n {
                let jtj = jac.iter().map(|row| row[a] * row[b]).sum::<f64>() * 2.0 / data.len() as f64;
                assert!(
                    (g[a * n + b] - jtj).abs() <= 1e-7 * jtj.abs().max(1.0),
                    "{m:?}: [{a}][{b}]"
                );
            }
        }
        // Where the network fits its targets exactly, the Hessian of the squared error is the
        // Gauss–Newton matrix (the residual terms vanish).
        let fitted: Vec<Sample> = data
            .iter()
            .map(|s| Sample {
                x: s.x.clone(),
                t: m.output(&w, &s.x),
            })
            .collect();
        let (h, g) = (m.hessian(&w, &fitted), m.gauss_newton(&w, &fitted));
        for (a, b) in h.iter().zip(&g) {
            assert!((a - b).abs() <= 1e-12 * b.abs().max(1.0), "{m:?}: {a} against {b}");
        }
    }
}

/// The page's 1–2–1 network is this network with one input: the same loss at the same weights,
/// and on its 2-D slice the same gradient and Hessian (projected on the slice's directions).
#[test]
fn the_tiny_network_is_a_slice_of_this_one() {
    let m = Mlp {
        inputs: 1,
        hidden: vec![2],
        activation: Activation::Sigmoid,
        loss: Loss::SquaredError,
    };
    assert_eq!(m.weights(), neural::NET_WEIGHTS);
    for (set, seed, random) in [(0, 3, true), (1, 7, true), (2, 11, false)] {
        let pairs = neural::data_set(set);
        let tiny = TinyNet::new(pairs.clone(), seed, random);
        let data: Vec<Sample> = pairs.iter().map(|&(x, t)| Sample { x: vec![x], t }).collect();
        // Its weights [a₁, b₁, a₂, b₂, c₁, c₂, d] in this network's order: the hidden layer's
        // weights [a₁, a₂], biases [b₁, b₂]; the output's weights [c₁, c₂], bias d.
        let order = [0, 2, 1, 3, 4, 5, 6];
        let ours = |v: &[f64; 7]| order.map(|k| v[k]).to_vec();
        for (u, v) in [(0.0, 0.0), (0.3, -0.7), (-1.1, 0.4)] {
            let at: [f64; 7] = std::array::from_fn(|i| tiny.center[i] + u * tiny.dirs[0][i] + v * tiny.dirs[1][i]);
            let p = Point::<2>::new(u, v);
            let w = ours(&at);
            let (e, g) = m.loss_and_gradient(&w, &data);
            assert!((e - tiny.value(&p)).abs() <= 1e-14, "{e} against {}", tiny.value(&p));
            let d = [ours(&tiny.dirs[0]), ours(&tiny.dirs[1])];
            let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
            let slice_g = tiny.gradient(&p);
            for k in 0..2 {
                assert!((dot(&g, &d[k]) - slice_g[k]).abs() <= 1e-12, "∂E/∂u{k}");
            }
            let h = m.hessian(&w, &data);
            let hd = |x: &[f64]| (0..7).map(|i| dot(&h[i * 7..i * 7 + 7], x)).collect::<Vec<f64>>();
            let slice_h = tiny.hessian(&p);
            for (r, c) in [(0, 0), (0, 1), (1, 1)] {
                assert!((dot(&d[r], &hd(&d[c])) - slice_h[(r, c)]).abs() <= 1e-11, "H[{r}][{c}]");
            }
        }
    }
}

#[test]
fn data_sets_are_seeded_balanced_and_shaped_as_named() {
    for set in DataSet::ALL {
        let a = set.generate(200, 0.1, 5);
        assert_eq!(
            a,
            set.generate(200, 0.1, 5),
            "{}: the same seed, the same points",
            set.name()
        );
        assert_ne!(a, set.generate(200, 0.1, 6), "{}", set.name());
        assert_eq!(a.iter().filter(|s| s.t == 1.0).count(), 100);
        assert!(a.iter().all(|s| s.x.len() == 2 && (s.t == 0.0 || s.t == 1.0)));
    }
    let exact = |set: DataSet| set.generate(100, 0.0, 1);
    for s in exact(DataSet::Circles) {
        let r = s.x[0].hypot(s.x[1]);
        assert!((r - if s.t == 1.0 { 0.5 } else { 1.0 }).abs() < 1e-12, "{r}");
    }
    for s in exact(DataSet::Xor) {
        assert_eq!(s.t == 1.0, s.x[0] * s.x[1] < 0.0, "{:?}", s.x);
    }
    for s in exact(DataSet::Moons) {
        let centre = if s.t == 0.0 { [-0.5, -0.25] } else { [0.5, 0.25] };
        assert!(((s.x[0] - centre[0]).hypot(s.x[1] - centre[1]) - 1.0).abs() < 1e-12);
    }
    for s in exact(DataSet::Spiral) {
        let r = s.x[0].hypot(s.x[1]);
        assert!((0.1..=1.0).contains(&r));
    }
}
