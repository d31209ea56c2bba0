//! Native speed figures for the core's hot paths (`cargo bench -p descenso`).
#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use descenso::gradient_descent::GradientDescent;
use descenso::grid::{Sampled, View};
use descenso::newton::Newton;
use descenso::presets::{Himmelblau, Rosenbrock};
use descenso::trajectory::Trajectory;
use descenso::{Criteria, Point};

fn grid(c: &mut Criterion) {
    let view = View::new(&[-6.0, 6.0, -6.0, 6.0]).expect("valid view");
    let mut s = Sampled::default();
    c.bench_function("sample himmelblau 256x256 + 12 contours", |b| {
        b.iter(|| s.sample(black_box(&Himmelblau), view, 256, 256, 12).expect("samples"))
    });
    c.bench_function("sample himmelblau 256x256, no contours", |b| {
        b.iter(|| s.sample(black_box(&Himmelblau), view, 256, 256, 0).expect("samples"))
    });
}

fn trajectories(c: &mut Criterion) {
    c.bench_function("gd 10k steps on rosenbrock", |b| {
        b.iter(|| {
            let gd = GradientDescent::new(1e-3).expect("valid eta");
            let mut t = Trajectory::new(
                Box::new(gd),
                &Rosenbrock,
                Point::<2>::new(-1.2, 1.0),
                Criteria::default(),
            );
            t.advance(&Rosenbrock, black_box(10_000))
        })
    });
    c.bench_function("newton to convergence on himmelblau", |b| {
        b.iter(|| {
            let mut t = Trajectory::new(
                Box::new(Newton),
                &Himmelblau,
                Point::<2>::new(0.5, -0.5),
                Criteria::default(),
            );
            t.advance(&Himmelblau, black_box(100))
        })
    });
}

criterion_group!(benches, grid, trajectories);
criterion_main!(benches);
