//! The basin kernel's two-lane SIMD path in the lab's wasm (built with `simd128`), in headless
//! Chromium: the paired kernel ends every run where the one-start kernel ends it, bit for bit,
//! and a pair rounds as its lanes. Run by scripts/test.sh:
//! `RUSTFLAGS="-C target-feature=+simd128" cargo test --target wasm32-unknown-unknown --features lab --test lanes`
//! (natively the same assertions run on the portable pair, in `explore::basins`' tests).
#![cfg(all(target_arch = "wasm32", feature = "lab"))]

use descenso::explore::basins::{BasinMethod, Kernel};
use descenso::landscape::pair::Pair;
use descenso::landscape::presets::{Himmelblau, MonkeySaddle, Rosenbrock, SixHumpCamel};
use descenso::Point;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// (Without SIMD this would test the portable pair again, which the native tests cover.)
#[cfg(not(target_feature = "simd128"))]
compile_error!("the lab's SIMD tests need RUSTFLAGS=\"-C target-feature=+simd128\"");

#[wasm_bindgen_test]
fn a_pair_rounds_as_its_lanes() {
    let (a, b) = (Pair::new(0.1, -3.7e300), Pair::new(0.3, 7e-301));
    for (i, (x, y)) in [(0.1f64, 0.3f64), (-3.7e300, 7e-301)].into_iter().enumerate() {
        assert_eq!((a + b).lanes()[i].to_bits(), (x + y).to_bits());
        assert_eq!((a * b).lanes()[i].to_bits(), (x * y).to_bits());
        assert_eq!((a / b).lanes()[i].to_bits(), (x / y).to_bits());
        assert_eq!((a - b).lanes()[i].to_bits(), (x - y).to_bits());
    }
    assert_eq!(Pair::new(1.0, f64::NAN).lt(Pair::splat(2.0)).bits(), 0b01);
}

fn same_ends(l: &dyn Kernel<2>, method: BasinMethod, steps: usize, tol: f64) -> usize {
    let starts: Vec<Point<2>> = (0..997)
        .map(|i| {
            let t = i as f64;
            Point::<2>::new(-4.9 + (0.37 * t) % 9.8, 4.9 - (0.61 * t) % 9.8)
        })
        .collect();
    let mut ends = Vec::new();
    l.descend_all(&starts, method, steps, tol, &mut ends);
    let mut stopped = 0;
    for (x, end) in starts.iter().zip(&ends) {
        assert_eq!(*end, l.descend(*x, method, steps, tol), "{method:?} from {x:?}");
        stopped += usize::from(end.status != descenso::method::Status::StepLimit);
    }
    stopped
}

#[wasm_bindgen_test]
fn the_paired_kernel_ends_every_run_where_the_one_start_kernel_does() {
    let mut stopped = 0;
    for (steps, tol) in [(100, 1e-10), (100, 0.0), (7, 1e-10)] {
        for method in [
            BasinMethod::Newton,
            BasinMethod::GradientDescent(0.01),
            BasinMethod::GradientDescent(0.05),
        ] {
            stopped += same_ends(&Himmelblau, method, steps, tol);
            stopped += same_ends(&Rosenbrock, method, steps, tol);
            stopped += same_ends(&SixHumpCamel, method, steps, tol);
            stopped += same_ends(&MonkeySaddle, method, steps, tol);
        }
    }
    // (Runs that converged, diverged or met a singular Hessian: the lanes refilled.)
    assert!(stopped > 1000, "{stopped} runs ended early");
}
