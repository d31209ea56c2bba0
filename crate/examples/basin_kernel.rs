//! Native figures for the basin kernel (bench/basins.mjs runs this and the browser's figures):
//! 256 × 256 starts over [−5, 5]² on Himmelblau, up to 100 Newton steps each, (i) exactly 100
//! steps and (ii) stopping once ‖∇E‖ < 1e-10; and the GD map (η = 0.01, 100 steps). Prints
//! `variant median_ms checksum` lines.
//! Run: cargo run --release -p descenso --example basin_kernel
#![allow(missing_docs)]

// Native only: the basin kernel is not in the page's wasm (and `Instant` panics there); the wasm
// test run still compiles the examples.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use descenso::analysis::critical;
    use descenso::explore::basins::{rows, BasinMethod, Budget};
    use descenso::landscape::presets::Himmelblau;
    use descenso::picture::grid::View;
    use descenso::Point;
    use std::time::Instant;

    let n = 256;
    let view = View::new(&[-5.0, 5.0, -5.0, 5.0]).expect("valid view");
    let found = critical::find(&Himmelblau, Point::<2>::new(-5.0, -5.0), Point::<2>::new(5.0, 5.0), 40);
    let points: Vec<Point<2>> = found.iter().map(|c| c.x).collect();
    let flat: Vec<String> = points
        .iter()
        .flat_map(|p| [p[0], p[1]])
        .map(|v| format!("{v}"))
        .collect();
    println!("critical {}", flat.join(","));
    for (name, method, tol) in [
        ("fixed100", BasinMethod::Newton, 0.0),
        ("early", BasinMethod::Newton, 1e-10),
        // The map the page recomputes while η is dragged.
        ("gd100", BasinMethod::GradientDescent(0.01), 1e-10),
    ] {
        let budget = Budget {
            steps: 100,
            grad_tol: tol,
            radius: 1e-2,
        };
        let mut out = Vec::new();
        let mut times = Vec::new();
        let mut checksum = 0u64;
        for _ in 0..7 {
            let t = Instant::now();
            rows(&Himmelblau, view, n, n, 0, n, method, &budget, &points, &mut out);
            times.push(t.elapsed().as_secs_f64() * 1e3);
            checksum = out.iter().map(|&l| u64::from(l)).sum();
        }
        times.sort_by(f64::total_cmp);
        println!("{name} {:.1} {checksum}", times[times.len() / 2]);
    }
}
