//! Native speed figures for the core's hot paths (`cargo bench -p descenso`).
#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use descenso::explore::basins::{BasinMethod, Kernel};
use descenso::explore::cost::DenseQuadratic;
use descenso::landscape::presets::{Himmelblau, Rosenbrock};
use descenso::landscape::typed::{Program, Typed};
use descenso::landscape::Landscape;
use descenso::landscape::U2;
use descenso::method::gradient_descent::GradientDescent;
use descenso::method::newton::newton_direction;
use descenso::method::newton::Newton;
use descenso::method::trajectory::Trajectory;
use descenso::numbers::RustNumbers;
use descenso::picture::colormap::ScaleKind;
use descenso::picture::grid::{Sampled, View};
use descenso::picture::mesh::Mesh;
use descenso::{Criteria, Point};

/// Values of `l` on a 512 × 512 grid over [−5, 5]² (what drawing a typed function costs).
/// A row at a time, as the map samples (`Landscape::values`).
fn grid_values(l: &dyn Landscape<U2>) -> f64 {
    let n = 512;
    let mut sum = 0.0;
    let mut row = vec![[0.0; 2]; n];
    let mut out = vec![0.0; n];
    for i in 0..n {
        for (j, p) in row.iter_mut().enumerate() {
            *p = [
                -5.0 + 10.0 * i as f64 / (n - 1) as f64,
                -5.0 + 10.0 * j as f64 / (n - 1) as f64,
            ];
        }
        l.values(&row, &mut out);
        sum += out.iter().sum::<f64>();
    }
    sum
}

/// 256 × 256 starts over [−5, 5]², 100 Newton steps each (the basin-map kernel), on `l`.
fn newton_basins(l: &dyn Landscape<U2>) -> f64 {
    let n = 256;
    let mut sum = 0.0;
    for i in 0..n {
        for j in 0..n {
            let mut x = Point::<2>::new(
                -5.0 + 10.0 * i as f64 / (n - 1) as f64,
                -5.0 + 10.0 * j as f64 / (n - 1) as f64,
            );
            for _ in 0..100 {
                let (g, h) = l.gradient_hessian(&x);
                match newton_direction(&h, &g) {
                    Some(v) => x += v,
                    None => break,
                }
            }
            sum += x[0];
        }
    }
    sum
}

/// 256 × 256 starts over [−5, 5]², 100 Newton steps each, through the basin maps' own kernel
/// (`descend_all`: the preset's pairs two starts per instruction, a typed function's lanes
/// evaluated together).
fn newton_kernel(l: &dyn Kernel<2>) -> f64 {
    let n = 256;
    let starts: Vec<Point<2>> = (0..n * n)
        .map(|k| {
            Point::<2>::new(
                -5.0 + 10.0 * (k % n) as f64 / (n - 1) as f64,
                -5.0 + 10.0 * (k / n) as f64 / (n - 1) as f64,
            )
        })
        .collect();
    let mut ends = Vec::new();
    l.descend_all(&starts, BasinMethod::Newton, 100, 0.0, &mut ends);
    ends.iter().map(|e| e.x[0]).sum()
}

/// Typed Himmelblau against the closed-form preset: the target is within 3×.
fn typed_against_preset(c: &mut Criterion) {
    let typed = Typed::<2> {
        program: Program::compile("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", 2, &RustNumbers).expect("compiles"),
    };
    let mut g = c.benchmark_group("typed vs preset");
    g.sample_size(10);
    g.bench_function("grid 512x512 values, preset himmelblau", |b| {
        b.iter(|| grid_values(black_box(&Himmelblau)))
    });
    g.bench_function("grid 512x512 values, typed himmelblau", |b| {
        b.iter(|| grid_values(black_box(&typed)))
    });
    g.bench_function("newton basins 256x256x100, preset himmelblau", |b| {
        b.iter(|| newton_basins(black_box(&Himmelblau)))
    });
    g.bench_function("newton basins 256x256x100, typed himmelblau", |b| {
        b.iter(|| newton_basins(black_box(&typed)))
    });
    g.bench_function("newton kernel 256x256x100, preset himmelblau", |b| {
        b.iter(|| newton_kernel(black_box(&Himmelblau)))
    });
    g.bench_function("newton kernel 256x256x100, typed himmelblau", |b| {
        b.iter(|| newton_kernel(black_box(&typed)))
    });
    g.finish();
}

fn grid(c: &mut Criterion) {
    let view = View::new(&[-6.0, 6.0, -6.0, 6.0]).expect("valid view");
    let mut s = Sampled::default();
    c.bench_function("sample himmelblau 256x256 + 12 contours", |b| {
        b.iter(|| s.sample(black_box(&Himmelblau), view, 256, 256, 12).expect("samples"))
    });
    c.bench_function("sample himmelblau 256x256, no contours", |b| {
        b.iter(|| s.sample(black_box(&Himmelblau), view, 256, 256, 0).expect("samples"))
    });
    // The 3-D view's surface after a view change (target: ≤ 20 ms in the browser).
    c.bench_function("mesh himmelblau 128x128 + 12 contours", |b| {
        b.iter(|| Mesh::build(black_box(&Himmelblau), view, 128, 12, ScaleKind::Log).expect("builds"))
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

/// One step of GD and of Newton (the exact Hessian by forward-over-reverse, then the solve) on
/// all the weights of the network panel's network, 200 points of two moons: N = 51 (6 and 4
/// hidden units) and N = 105 (8 and 8), the sizes issue 16's speed targets name.
fn network_steps(c: &mut Criterion) {
    use descenso::explore::network::Setup;
    use descenso::landscape::Dyn;
    use descenso::method::{Method, State};
    let mut g = c.benchmark_group("network step");
    for hidden in ["6,4", "8,8"] {
        let number = |t: &str| t.parse::<f64>().ok();
        let setup = (Setup::default().with("set", "moons", &number))
            .and_then(|s| s.with("pts", "200", &number))
            .and_then(|s| s.with("h", hidden, &number))
            .expect("a setup");
        let t = setup.training();
        let n = t.dimension();
        let criteria = Criteria::default();
        let start = State::start(&t, t.initial(1, 0.5), &criteria);
        g.bench_function(format!("gd step N={n}, 200 points"), |b| {
            let mut gd = GradientDescent::new(0.1).expect("eta");
            b.iter(|| black_box(Method::<Dyn>::step(&mut gd, &t, start.clone(), &criteria)))
        });
        g.bench_function(format!("newton step N={n}, 200 points"), |b| {
            b.iter(|| black_box(Method::<Dyn>::step(&mut Newton, &t, start.clone(), &criteria)))
        });
    }
    g.finish();
}

/// What Newton costs: one GD step against one Newton step on dense N-D quadratics (the page's
/// view measures the same in the browser and fits the slopes).
fn newton_cost(c: &mut Criterion) {
    let mut g = c.benchmark_group("newton cost");
    g.sample_size(10);
    for n in [16, 64, 256, 1000] {
        let mut q = DenseQuadratic::random(n, 1);
        let eta = q.safe_eta();
        g.bench_function(format!("gd step N={n}"), |b| b.iter(|| black_box(q.gd_steps(1, eta))));
        g.bench_function(format!("newton step N={n}"), |b| {
            b.iter(|| black_box(q.newton_steps(1)))
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    network_steps,
    grid,
    trajectories,
    typed_against_preset,
    newton_cost
);
criterion_main!(benches);
