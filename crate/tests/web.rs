//! The wasm boundary, tested in real browsers (headless Chromium and Firefox) with
//! wasm-bindgen-test: `cargo test --target wasm32-unknown-unknown -p descenso`.
#![cfg(target_arch = "wasm32")]

use descenso::wasm::Explorer;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The page's words for tests: `key(arg, …)`, and numbers as `String(x)` writes them.
fn words() -> (js_sys::Function, js_sys::Function) {
    (
        js_sys::Function::new_with_args(
            "key, ...args",
            "return args.length ? `${key}(${args.join(', ')})` : key",
        ),
        js_sys::Function::new_with_args("x", "return String(x)"),
    )
}

/// A row of the readout table as the page reads it (`Screen::rows`).
struct Readout {
    iteration: f64,
    x: f64,
    gradients: f64,
    hessians: f64,
    solves: f64,
    status: String,
    kind: String,
}

fn rows(e: &Explorer) -> Vec<String> {
    let (say, number) = words();
    e.rows(&say, &number)
        .split_terminator('\u{1e}')
        .map(String::from)
        .collect()
}

fn readout(e: &Explorer, i: usize) -> Option<Readout> {
    let row = rows(e).get(i).cloned().unwrap_or_default();
    let f: Vec<&str> = row.split('\u{1f}').collect();
    let n = |k: usize| f[k].parse::<f64>().unwrap_or(f64::NAN);
    (!row.is_empty()).then(|| Readout {
        iteration: n(2),
        x: n(13),
        gradients: n(6),
        hessians: n(7),
        solves: n(8),
        status: f[11].to_owned(),
        kind: f[10]
            .split(' ')
            .find_map(|c| c.strip_prefix("kind-"))
            .unwrap_or("")
            .to_owned(),
    })
}

fn analysis(e: &Explorer) -> descenso::wasm::readouts::AnalysisView {
    let (say, number) = words();
    e.analysis(&say, &number).expect("analysis")
}

/// The index of method `id` in readouts and paths.
fn idx(id: &str) -> usize {
    Explorer::table_names("methods")
        .iter()
        .position(|m| m == id)
        .expect("known method")
}

#[wasm_bindgen_test]
fn every_preset_opens_and_samples() {
    for id in Explorer::table_names("presets") {
        if id.starts_with("typed") {
            // The page's wasm leaves typed functions to the lab's build (the page moves its
            // session there first), and says so.
            let code = Explorer::new(&id).err().map(|e| {
                js_sys::Reflect::get(&e, &"code".into())
                    .ok()
                    .and_then(|c| c.as_string())
            });
            assert_eq!(code, Some(Some("typed-in-lab".into())), "{id}");
            let mut e = Explorer::new("rosenbrock").expect("opens");
            assert!(
                e.select_preset(&id).is_err() && e.preset() == "rosenbrock",
                "{id}: nothing changes"
            );
            continue;
        }
        let mut e = Explorer::new(&id).expect("preset opens");
        e.sample(64, 48, 10, 320.0, 240.0).expect("samples");
        e.find_critical(8).expect("finds critical points");
        e.draw_map(&[400.0, 300.0], &[50.0, 20.0, 320.0, 240.0], true)
            .expect("draws");
        if e.dim() == 2 {
            assert!(!e.pixels_ptr().is_null());
        }
        for which in 0..3 {
            assert!(
                which == 0 && e.dim() == 1 || e.sketch_len(which) > 0,
                "{id}: display list {which}"
            );
        }
        let frame = e.map_frame();
        assert!(
            frame.len() == 6 && frame[0] < frame[1] && frame[2] < frame[3],
            "{id}: {frame:?}"
        );
    }
}

#[wasm_bindgen_test]
fn newton_one_step_and_gd_eta_one_over_a_on_the_1d_quadratic() {
    let mut e = Explorer::new("quadratic1d").expect("opens");
    e.set_params(&[4.0]).expect("a = 4");
    e.set_hyper(0, 0.25).expect("η = 1/a");
    e.set_start(&[3.0]).expect("start");
    e.step(1);
    for i in [idx("gd"), idx("newton")] {
        let r = readout(&e, i).expect("readout");
        assert_eq!(r.iteration, 1.0);
        assert!(r.x.abs() < 1e-12, "method {i} at {}", r.x);
        assert_eq!(r.status, "converged");
        assert_eq!(r.kind, "minimum");
    }
    e.set_enabled(&[]).expect("none: the analysis is at the start");
    let a = analysis(&e);
    assert!(
        a.text.starts_with("atStart: ") && a.text.contains("etaOpt = 0.25;"),
        "{}",
        a.text
    );
    assert_eq!(a.regime, "one-step", "the regime");
    // A run of its own at η = 1/a lands in one step too, read after the methods' runs.
    e.set_hyper(0, 0.1).expect("η");
    e.add_run("gd", &[0.25, 1.0, 0.9, 5.0]).expect("a run of its own");
    assert_eq!(e.own_runs(), [0.0, 0.25, 1.0, 0.9, 5.0]);
    assert!(
        rows(&e)[11].starts_with("gd_short η = 0.25 = 1 ηₒₚₜ\u{1f}"),
        "labelled in units of η_opt"
    );
    assert!(e.add_run("newton", &[0.25]).is_err());
    e.step(1);
    let r = readout(&e, 11).expect("the run of its own");
    assert_eq!((r.iteration, r.status.as_str()), (1.0, "converged"));
    e.remove_run(0).expect("taken away");
    assert!(e.own_runs().is_empty() && readout(&e, 11).is_none());
}

#[wasm_bindgen_test]
fn gd_diverges_above_two_over_lambda_max() {
    let mut e = Explorer::new("quadratic2d").expect("opens");
    assert_eq!(analysis(&e).note, "bound = 0.2");
    e.set_hyper(0, 0.2 * 1.05).expect("η");
    e.step(2000);
    assert_eq!(readout(&e, idx("gd")).expect("gd").status, "diverged");
    assert_eq!(readout(&e, idx("newton")).expect("newton").status, "converged");
    assert_eq!(
        readout(&e, idx("newton")).expect("newton").iteration,
        1.0,
        "in one step"
    );
}

#[wasm_bindgen_test]
fn newton_on_the_saddle_says_where_it_went() {
    let mut e = Explorer::new("saddle").expect("opens");
    e.step(5);
    let r = readout(&e, idx("newton")).expect("newton");
    assert_eq!((r.status.as_str(), r.kind.as_str()), ("converged", "saddle"));
}

#[wasm_bindgen_test]
fn bad_input_is_refused_and_state_is_kept() {
    let mut e = Explorer::new("rosenbrock").expect("opens");
    assert!(Explorer::new("nope").is_err());
    assert!(e.set_hyper(0, f64::NAN).is_err());
    assert!(e.set_hyper(0, -1.0).is_err());
    assert_eq!(e.hyper()[0], 0.001);
    assert!(e.set_start(&[f64::INFINITY, 0.0]).is_err());
    assert!(e.set_start(&[1.0]).is_err());
    assert_eq!(e.start(), vec![-1.2, 1.0]);
    let ignored = e.apply_link("v=1&l=rosenbrock&view=1,-1,0,1");
    assert!(ignored.iter().any(|i| i.starts_with("view:")), "{ignored:?}");
    assert_eq!(e.view(), vec![-2.0, 2.0, -1.0, 3.0]);
    assert!(e.sample(0, 10, 3, 100.0, 100.0).is_err());
    assert!(e.select_preset("nope").is_err());
    assert_eq!(e.preset(), "rosenbrock");
    // Switching dimension keeps working: the start becomes the new preset's.
    e.select_preset("quadratic1d").expect("to 1-D");
    assert_eq!(e.start(), vec![3.0]);
    assert!(e.set_params(&[f64::NAN]).is_err());
    e.select_preset("saddle").expect("back to 2-D");
    assert_eq!(e.start(), vec![1.5, 0.05]);
    e.select_preset("rosenbrock").expect("rosenbrock");
    e.set_start(&[-1.2, 1.0]).expect("start");
    assert!(e.probe(&[]).is_err());
    // The run still works after all that.
    e.step(3);
    assert_eq!(readout(&e, idx("gd")).expect("gd").iteration, 3.0);
}

#[wasm_bindgen_test]
fn methods_toggle_and_every_method_runs() {
    let mut e = Explorer::new("himmelblau").expect("opens");
    assert!(readout(&e, idx("adam")).is_none(), "off by default");
    e.set_enabled(&[1; 11]).expect("all on");
    e.set_hyper(1, 0.5).expect("μ");
    e.set_hyper(2, 0.5).expect("β");
    e.set_hyper(3, 3.0).expect("m");
    assert!(e.set_hyper(1, -1.0).is_err());
    assert!(e.set_hyper(2, 1.0).is_err());
    assert!(e.set_hyper(3, 2.5).is_err() && e.set_hyper(3, 51.0).is_err());
    assert_eq!(e.hyper()[3], 3.0);
    assert_eq!(
        Explorer::table_names("families")[8..],
        ["quasi-newton", "quasi-newton", "quasi-newton"].map(String::from)
    );
    e.step(20);
    for id in Explorer::table_names("methods") {
        let r = readout(&e, idx(&id)).expect("on");
        assert!(r.iteration >= 1.0, "{id} did not step");
        assert!(r.gradients >= 2.0, "{id}");
    }
    assert_eq!(readout(&e, idx("gd")).expect("gd").hessians, 0.0);
    assert!(readout(&e, idx("newton")).expect("newton").hessians >= 1.0);
    for id in ["bfgs", "lbfgs", "cg"] {
        let r = readout(&e, idx(id)).expect("on");
        assert_eq!(r.hessians, 0.0, "{id} evaluates no Hessian");
        assert_eq!(r.solves, 0.0, "{id} solves nothing");
    }
    e.set_enabled(&[0, 0, 1]).expect("only Newton");
    assert!(readout(&e, idx("gd")).is_none());
    assert_eq!(readout(&e, idx("newton")).expect("newton").iteration, 0.0);
}

#[wasm_bindgen_test]
fn critical_points_cross_the_boundary_in_one_buffer() {
    let e = Explorer::new("himmelblau").expect("opens");
    let c = e.critical_points(30).expect("found");
    assert_eq!(c.len(), 9 * 5);
    let kinds: Vec<f64> = c.chunks(5).map(|p| p[3]).collect();
    assert_eq!(kinds.iter().filter(|&&k| k == 0.0).count(), 4);
    assert_eq!(kinds.iter().filter(|&&k| k == 1.0).count(), 4);
    assert_eq!(kinds.iter().filter(|&&k| k == 2.0).count(), 1);
}

#[wasm_bindgen_test]
fn a_link_reopens_the_same_runs() {
    let mut e = Explorer::new("himmelblau").expect("opens");
    e.set_hyper(0, 0.0123).expect("η");
    e.step(12);
    let mut copy = Explorer::new("rosenbrock").expect("opens");
    assert!(copy.apply_link(&e.link(false)).is_empty(), "nothing ignored");
    assert_eq!(
        readout(&copy, idx("gd")).expect("gd").iteration,
        12.0,
        "the link's steps taken"
    );
    assert_eq!(copy.link(false), e.link(false));
    // Every row, number for number (as the engine writes them: shortest round trip).
    assert_eq!(rows(&copy), rows(&e));
}
