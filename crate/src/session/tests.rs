//! The session, natively: every label the page shows is decided here and checked against the
//! mathematics (Newton's one step on a quadratic, GD with η = 1/a, divergence above 2/λ_max),
//! and every bad input leaves the state as it was.

use super::*;
use crate::analysis::hessian::CriticalKind;
use crate::method::trajectory::Trajectory;
use crate::method::Status;
use crate::numbers::RustNumbers;

fn session(id: &str) -> Session {
    Session::new(id, &RustNumbers).expect("a preset")
}

fn idx(id: &str) -> usize {
    METHOD_IDS.iter().position(|m| *m == id).expect("a method")
}

fn on(ids: &[&str]) -> Vec<bool> {
    METHOD_IDS.iter().map(|m| ids.contains(m)).collect()
}

/// Everything a person could see change: the configuration and every run's state.
fn snapshot(s: &Session) -> (String, Vec<Option<Readout>>) {
    (s.link(false), (0..METHOD_IDS.len()).map(|i| s.readout(i)).collect())
}

#[test]
fn a_new_session_has_its_presets_defaults_with_gd_and_newton() {
    let s = session("rosenbrock");
    assert_eq!(s.start(), &[-1.2, 1.0]);
    assert_eq!(s.hyper().eta, 0.001);
    assert_eq!(s.view(), [-2.0, 2.0, -1.0, 3.0]);
    assert!(s.enabled(idx("gd")) && s.enabled(idx("newton")) && !s.enabled(idx("adam")));
    assert_eq!(s.readout(idx("gd")).expect("on").status, Status::Running);
    assert!(s.readout(idx("adam")).is_none());
    assert!(Session::new("nope", &RustNumbers).is_err());
}

#[test]
fn newton_in_one_step_and_gd_with_eta_one_over_a_on_the_1d_quadratic() {
    let mut s = session("quadratic1d");
    s.set_params(&[4.0]).expect("a = 4");
    s.set_hyper(Hyper { eta: 0.25, ..s.hyper() }).expect("η = 1/a");
    s.set_start(&[3.0]).expect("a start");
    let a = s.analysis_at(&[3.0]).expect("analysis");
    assert_eq!(a.eta_opt, Some(0.25));
    assert_eq!(a.regime, Some(Regime::OneStep));
    assert_eq!(a.error_factor, Some(0.0));
    assert_eq!(s.eta_opt_at_start(), Some(0.25));
    s.step(1);
    for m in ["gd", "newton"] {
        let r = s.readout(idx(m)).expect("on");
        assert_eq!(
            (r.iteration, r.status, r.reached),
            (1, Status::Converged, Some(CriticalKind::Minimum))
        );
        assert!(r.x.abs() < 1e-12, "{m} at {}", r.x);
    }
    // Every regime of the lecture at its η, from the core.
    for (units, regime) in [
        (0.5, Regime::Converges),
        (1.5, Regime::Oscillates),
        (2.5, Regime::Diverges),
    ] {
        s.set_hyper(Hyper {
            eta: units * 0.25,
            ..s.hyper()
        })
        .expect("η");
        assert_eq!(s.analysis_at(&[3.0]).expect("analysis").regime, Some(regime));
    }
}

#[test]
fn gd_diverges_above_two_over_lambda_max_and_newton_lands_in_one_step() {
    let mut s = session("quadratic2d");
    let bound = s
        .analysis_at(&[1.0, 1.0])
        .expect("analysis")
        .stability_bound
        .expect("λ_max > 0");
    assert!((bound - 0.2).abs() < 1e-12);
    s.set_hyper(Hyper {
        eta: 1.05 * bound,
        ..s.hyper()
    })
    .expect("η");
    s.step(2000);
    assert_eq!(s.readout(idx("gd")).expect("gd").status, Status::Diverged);
    let newton = s.readout(idx("newton")).expect("newton");
    assert_eq!((newton.iteration, newton.status), (1, Status::Converged));
    // Just below the bound GD converges.
    s.set_hyper(Hyper {
        eta: 0.95 * bound,
        ..s.hyper()
    })
    .expect("η");
    s.step(5000);
    assert_eq!(s.readout(idx("gd")).expect("gd").status, Status::Converged);
}

#[test]
fn newton_says_when_it_heads_for_a_saddle_and_where_it_went() {
    let mut s = session("saddle");
    let r = s.readout(idx("newton")).expect("newton");
    assert_eq!(
        (r.status, r.curvature, r.heading),
        (Status::Running, CriticalKind::Saddle, Some(CriticalKind::Saddle))
    );
    // GD is not misled by the curvature: no warning on its row.
    assert_eq!(s.readout(idx("gd")).expect("gd").heading, None);
    s.step(5);
    let r = s.readout(idx("newton")).expect("newton");
    assert_eq!(
        (r.status, r.reached, r.heading),
        (Status::Converged, Some(CriticalKind::Saddle), None)
    );
}

#[test]
fn a_run_that_uses_up_its_steps_ends_at_the_step_limit() {
    let mut s = session("quadratic2d");
    s.set_hyper(Hyper { eta: 1e-7, ..s.hyper() }).expect("a tiny η");
    s.set_enabled(&on(&["gd"])).expect("gd alone");
    assert!(!s.step(Trajectory::<2>::MAX_STEPS + 10));
    let r = s.readout(idx("gd")).expect("gd");
    assert_eq!((r.iteration, r.status), (Trajectory::<2>::MAX_STEPS, Status::StepLimit));
    assert!(!s.step(1));
    assert_eq!(s.readout(idx("gd")).expect("gd").iteration, Trajectory::<2>::MAX_STEPS);
}

#[test]
fn statuses_and_kinds_have_one_code_and_one_name_each() {
    for (i, s) in Status::ALL.iter().enumerate() {
        assert_eq!(usize::from(s.code()), i);
    }
    let mut names: Vec<&str> = Status::ALL.iter().map(|s| s.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Status::ALL.len());
    for (i, k) in CriticalKind::ALL.iter().enumerate() {
        assert_eq!(usize::from(k.code()), i);
    }
}

#[test]
fn selecting_a_preset_takes_its_defaults_and_keeps_methods_and_page_settings() {
    let mut s = session("rosenbrock");
    s.set_enabled(&on(&["gd", "momentum", "adam"])).expect("methods");
    s.set_hyper(Hyper {
        eta: 0.002,
        mu: 3.0,
        beta: 0.5,
        memory: 7,
    })
    .expect("hyper");
    s.set_lang("es").expect("a language");
    s.set_panels(false, true);
    s.step(10);
    s.select_preset("himmelblau").expect("a preset");
    assert_eq!(s.preset().id, "himmelblau");
    assert_eq!((s.start(), s.view()), (&[0.5, -0.5][..], [-6.0, 6.0, -6.0, 6.0]));
    assert_eq!(
        s.hyper(),
        Hyper {
            eta: 0.01,
            mu: 3.0,
            beta: 0.5,
            memory: 7,
        }
    );
    assert!(s.enabled(idx("momentum")) && !s.enabled(idx("newton")));
    assert_eq!((s.lang(), s.panels().0, s.panels().1), (Some("es"), false, true));
    assert_eq!(s.steps_taken(), 0, "the runs restarted");
    // A 1-D preset gets its own start.
    s.select_preset("doublewell").expect("a preset");
    assert_eq!((s.dim(), s.start()), (1, &[1.8][..]));
}

#[test]
fn bad_input_is_refused_and_everything_is_kept() {
    let mut s = session("quadratic2d");
    s.set_enabled(&on(&["gd", "newton", "lm"])).expect("methods");
    s.step(3);
    let before = snapshot(&s);
    let h = s.hyper();
    let refused = [
        s.set_hyper(Hyper { eta: f64::NAN, ..h }).is_err(),
        s.set_hyper(Hyper { eta: -1.0, ..h }).is_err(),
        s.set_hyper(Hyper { eta: 0.0, ..h }).is_err(),
        s.set_hyper(Hyper { mu: -1.0, ..h }).is_err(),
        s.set_hyper(Hyper { beta: 1.0, ..h }).is_err(),
        s.set_start(&[f64::INFINITY, 0.0]).is_err(),
        s.set_start(&[1.0]).is_err(),
        s.set_start(&[1.0, 2.0, 3.0]).is_err(),
        s.set_start(&[2e6, 0.0]).is_err(),
        s.set_params(&[f64::NAN]).is_err(),
        s.set_params(&[1.0, 1e9]).is_err(),
        s.select_preset("nope").is_err(),
        s.set_function("x^2").is_err(),
        s.set_points(&[0.0, 1.0]).is_err(),
        s.set_view(&[1.0, 1.0, 0.0, 1.0]).is_err(),
        s.set_view(&[0.0, f64::NAN, 0.0, 1.0]).is_err(),
        s.set_view(&[0.0, 1.0]).is_err(),
        s.set_lang("<script>").is_err(),
        s.apply_scene("a b", "l=himmelblau").is_err(),
        s.model_output(&[0.0, 0.0], 10).is_err(),
        s.eta_sweep(0.0, 1.0, 10, 10).is_err(),
        s.eta_sweep(1e-3, 1.0, 1, 10).is_err(),
    ];
    assert!(refused.iter().all(|&r| r), "{refused:?}");
    assert_eq!(snapshot(&s), before, "nothing changed, no run restarted");
}

#[test]
fn a_link_reopens_the_same_configuration_and_runs_number_for_number() {
    let mut s = session("himmelblau");
    s.set_enabled(&on(&["gd", "damped-newton", "momentum", "adam"]))
        .expect("methods");
    s.set_hyper(Hyper {
        eta: 0.0123,
        mu: 0.5,
        beta: 0.8,
        memory: 12,
    })
    .expect("hyper");
    s.set_start(&[1.0 / 3.0, -2.0_f64.sqrt()]).expect("start");
    s.set_view(&[-3.0, 4.5, -2.0, 5.0]).expect("view");
    s.set_scene("himmelblau").expect("a scene");
    s.set_panels(false, true);
    s.step(37);
    let link = s.link(false);
    let mut copy = session("rosenbrock");
    let applied = copy.apply_link(&link);
    assert_eq!(
        applied,
        Applied {
            ignored: vec![],
            steps: 37
        }
    );
    assert_eq!(snapshot(&copy), snapshot(&s));
    assert_eq!(copy.view(), [-3.0, 4.5, -2.0, 5.0]);
    assert_eq!(copy.scene(), Some("himmelblau"));
    // What runs depend on: the same runs from the start, no steps replayed.
    let mut fresh = session("rosenbrock");
    assert!(fresh.apply_link(&s.runs_link()).ignored.is_empty());
    assert_eq!(
        (fresh.steps_taken(), fresh.start(), fresh.hyper()),
        (0, s.start(), s.hyper())
    );
    assert_eq!((fresh.scene(), fresh.view()), (None, s.view()));
    // The landscape alone: the same landscape, every other field at its default.
    let mut alone = session("rosenbrock");
    alone.apply_link(&s.landscape_link());
    assert_eq!(alone.preset().id, "himmelblau");
    assert_eq!((alone.steps_taken(), alone.hyper().eta), (0, 0.01));
    // An embedded copy says so; the session itself is not embedded.
    assert!(s.link(true).contains("embed=1") && !s.link(false).contains("embed=1"));
}

#[test]
fn a_bad_link_keeps_its_good_fields_and_says_what_it_ignored() {
    let mut s = session("rosenbrock");
    let applied = s.apply_link("v=1&l=himmelblau&s=1,nan&eta=-3&m=gd,bogus&n=5");
    assert_eq!(s.preset().id, "himmelblau");
    assert_eq!(s.start(), &[0.5, -0.5], "the preset's start");
    assert_eq!(s.hyper().eta, 0.01, "the preset's η");
    assert!(s.enabled(idx("gd")) && !s.enabled(idx("newton")));
    assert_eq!(s.steps_taken(), 5);
    let keys: Vec<&str> = applied
        .ignored
        .iter()
        .map(|l| l.split(':').next().unwrap_or(""))
        .collect();
    assert_eq!(keys, ["s", "eta", "m"]);
}

#[test]
fn presenter_mode_and_the_open_panels_survive_a_new_landscape_a_scene_and_the_link() {
    let mut s = session("rosenbrock");
    assert!(!s.present() && !s.link(false).contains("present"));
    s.set_present(true);
    s.set_speed(60).expect("a speed of the page");
    s.set_lab_panels(true, &["sweep"]).expect("a lab panel");
    s.select_preset("himmelblau").expect("a preset");
    assert!(s.present(), "a new landscape keeps presenter mode");
    assert_eq!(
        (s.speed(), s.lab_panels().0, s.lab_panels().1),
        (60, true, &["sweep"][..])
    );
    s.apply_scene("regimes", "l=quadratic1d&p=2&s=3&eta=0.25&m=gd")
        .expect("a scene");
    assert!(
        s.present() && s.lab_panels().0,
        "a scene keeps presenter mode and the panels open"
    );
    let link = s.link(false);
    assert!(link.contains("present=1") && link.contains("basins=1"), "{link}");
    let mut copy = session("rosenbrock");
    assert!(copy.apply_link(&link).ignored.is_empty());
    assert!(copy.present());
    // What the lab's workers rebuild from has no page settings.
    assert!(!s.runs_link().contains("present"));
    s.set_present(false);
    assert!(!s.link(false).contains("present"));
    // A bad value is said and leaves presenter mode off.
    let applied = copy.apply_link("v=1&l=himmelblau&present=2");
    assert_eq!(applied.ignored.len(), 1);
    assert!(!copy.present());
}

#[test]
fn a_scene_is_a_link_applied_once_keeping_the_language() {
    let mut s = session("rosenbrock");
    s.set_lang("es").expect("a language");
    s.set_hyper(Hyper { mu: 4.0, ..s.hyper() }).expect("μ");
    let applied = s
        .apply_scene("regimes", "l=quadratic1d&p=2&s=3&eta=0.25&m=gd")
        .expect("a scene");
    assert!(applied.ignored.is_empty());
    assert_eq!(
        (s.preset().id, s.params(), s.start()),
        ("quadratic1d", &[2.0][..], &[3.0][..])
    );
    assert_eq!(
        (s.hyper().eta, s.hyper().mu),
        (0.25, 4.0),
        "the scene's η, the session's μ"
    );
    assert!(s.enabled(idx("gd")) && !s.enabled(idx("newton")));
    assert_eq!((s.scene(), s.lang()), (Some("regimes"), Some("es")));
    assert!(s
        .apply_scene("hessian", "l=himmelblau&s=2.5,-0.5&m=newton&hess=1")
        .is_ok());
    assert!(s.panels().1, "the scene shows the Hessian");
}

#[test]
fn typed_functions_are_kept_while_another_landscape_is_shown() {
    let mut s = session("typed2d");
    s.set_function("(x - 1)^2 + 3*(y + 2)^2").expect("parses");
    let newton = |s: &mut Session| {
        s.restart().expect("restart");
        s.step(1);
        s.readout(idx("newton")).expect("newton")
    };
    let r = newton(&mut s);
    assert_eq!(r.status, Status::Converged, "Newton minimizes a quadratic in one step");
    assert!((r.x - 1.0).abs() < 1e-12 && (r.y + 2.0).abs() < 1e-12);
    let before = s.function().to_owned();
    assert!(matches!(s.set_function("sin(x"), Err(Error::BadFunction(_))));
    assert_eq!(s.function(), before, "the last valid function stays");
    s.select_preset("himmelblau").expect("another");
    assert_eq!(s.function(), "");
    s.select_preset("typed2d").expect("back");
    assert_eq!(s.function(), before);
    assert!(s.link(false).contains("f="));
}

#[test]
fn a_step_out_of_the_domain_is_reported_as_undefined() {
    let mut s = session("typed1d");
    s.set_function("x*x/2 + log(x)").expect("parses");
    s.set_enabled(&on(&["gd"])).expect("gd");
    s.set_start(&[0.5]).expect("start");
    s.set_hyper(Hyper { eta: 0.5, ..s.hyper() }).expect("η");
    s.step(10);
    assert_eq!(s.readout(idx("gd")).expect("gd").status, Status::Undefined);
}

#[test]
fn neural_data_points_replace_the_data_set_until_the_parameters_change() {
    let mut s = session("neuron");
    let set = s.points();
    assert!(!set.is_empty());
    s.set_points(&[-1.0, 0.0, 1.0, 1.0]).expect("points");
    assert_eq!(s.points(), vec![-1.0, 0.0, 1.0, 1.0]);
    assert!(s.link(false).contains("d="));
    assert!(s.set_points(&[5.0, 0.0]).is_err(), "|x| ≤ 3");
    let out = s.model_output(&[2.0, 0.0], 3).expect("a model");
    assert_eq!(out.len(), 3);
    assert!((out[1] - 0.5).abs() < 1e-12, "σ(0) = ½ at x = 0");
    s.set_params(s.params().to_vec().as_slice()).expect("the same set");
    assert_eq!(s.points(), set, "back to the data set");
}

#[test]
fn the_analysis_describes_the_first_method_on_else_the_start() {
    let mut s = session("himmelblau");
    s.set_enabled(&on(&["newton", "adam"])).expect("methods");
    s.step(2);
    let at = s.analysis_point();
    assert_eq!((at.method, at.iteration), (Some(idx("newton")), 2));
    let r = s.readout(idx("newton")).expect("newton");
    assert_eq!(at.x, vec![r.x, r.y]);
    s.set_enabled(&[]).expect("none");
    let at = s.analysis_point();
    assert_eq!((at.method, at.x), (None, s.start().to_vec()));
}

#[test]
fn critical_points_come_from_the_view() {
    let mut s = session("himmelblau");
    let all = s.critical_points(40).expect("found");
    assert_eq!(all.iter().filter(|c| c.kind == CriticalKind::Minimum).count(), 4);
    assert_eq!(all.iter().filter(|c| c.kind == CriticalKind::Saddle).count(), 4);
    assert_eq!(all.iter().filter(|c| c.kind == CriticalKind::Maximum).count(), 1);
    // Zoomed onto the minimum at (3, 2): only it.
    s.set_view(&[2.5, 3.5, 1.5, 2.5]).expect("a view");
    let near = s.critical_points(20).expect("found");
    assert_eq!(near.len(), 1);
    assert!((near[0].x - 3.0).abs() < 1e-9 && (near[0].y - 2.0).abs() < 1e-9 && near[0].global);
}

#[test]
fn the_sweep_diverges_past_two_over_lambda_max() {
    let s = session("quadratic2d");
    let rows = s.eta_sweep(0.01, 1.0, 60, 5000).expect("a sweep");
    let first = rows
        .iter()
        .find(|r| r.run.status == Status::Diverged)
        .expect("some diverge");
    let last_converged = rows
        .iter()
        .rev()
        .find(|r| r.run.status == Status::Converged)
        .expect("some converge");
    assert!(first.run.eta > 0.2 && last_converged.run.eta < 0.2);
    assert!(rows.iter().all(|r| r.factor.is_nan()), "the factor is 1-D only");
}

#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
#[test]
fn the_labs_sweep_spans_the_stability_bound_and_names_the_first_diverging_eta() {
    // Four decades below 2/λ_max = 0.2 and one above; the first η that diverged is just past
    // the bound.
    let s = session("quadratic2d");
    let view = s
        .sweep_view(200, 1000, ["steps", "E", "factor", "none"])
        .expect("a sweep");
    let bound = view.bound.expect("λ_max > 0");
    assert!((bound - 0.2).abs() < 1e-12);
    assert!((view.range.0 - 0.2e-4).abs() < 1e-15 && (view.range.1 - 2.0).abs() < 1e-12);
    let first = view.first_diverging.expect("some diverge");
    assert!(first > bound && first < bound * 1.05, "{first}");
    // Where E'' < 0 at the start there is no bound: the sweep covers [10⁻⁵, 10].
    let mut well = session("doublewell");
    well.set_start(&[0.0]).expect("the maximum between the wells, E'' = −1");
    let view = well.sweep_view(20, 100, ["", "", "", ""]).expect("a sweep");
    assert_eq!((view.bound, view.range), (None, (1e-5, 10.0)));
}

#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
#[test]
fn random_starts_use_the_sessions_view_and_methods() {
    let mut s = session("himmelblau");
    s.set_enabled(&on(&["gd", "newton", "adam"])).expect("methods");
    let report = s.random_starts(7, 50, 500, 20, 10).expect("starts");
    let methods: Vec<usize> = report.runs.iter().map(|(i, _)| *i).collect();
    assert_eq!(methods, vec![idx("gd"), idx("newton"), idx("adam")]);
    assert!(report.runs.iter().all(|(_, o)| o.len() == 50));
    assert!(report.histogram.lowest.abs() < 1e-9, "Himmelblau's minima are at E = 0");
    assert!(s.random_starts(7, 50, 500, 20, 10).expect("again") == report, "seeded");
    assert!(s.kernel().is_ok());
    s.select_preset("doublewell").expect("1-D");
    assert!(s.random_starts(7, 5, 5, 5, 5).is_err() && s.kernel().is_err());
}

#[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
#[test]
fn the_starts_report_round_trips_its_wire_and_the_kernel_times_whole_maps() {
    use crate::session::lab::{starts_rows, starts_tallies};
    let mut s = session("himmelblau");
    let report = s
        .random_starts_over(&[-5.0, 5.0, -5.0, 5.0], 3, (40, 300), 20, 12)
        .expect("starts");
    assert_eq!(
        s.view(),
        [-5.0, 5.0, -5.0, 5.0],
        "the view asked for becomes the session's"
    );
    let [runs, histogram] = report.wire();
    assert_eq!(runs.len(), 5 * 40 * report.runs.len());
    let (lo, hi, rows) = starts_rows(&histogram);
    assert_eq!((lo, hi), (report.histogram.lo, report.histogram.hi));
    for (row, ((i, outcomes), tally)) in rows.iter().zip(report.runs.iter().zip(&report.histogram.tallies)) {
        assert_eq!(
            (row.method, row.runs, row.global, row.diverged),
            (*i, outcomes.len(), tally.global, tally.diverged)
        );
        assert_eq!(row.counts.len(), 12);
    }
    let tallies = starts_tallies(&histogram);
    assert!(
        tallies.chunks_exact(5).all(|t| t[2] == 40.0 && t[4] == 40.0),
        "every run tallied: {tallies:?}"
    );
    assert!(
        starts_rows(&[1.0, 2.0]).2.is_empty(),
        "a malformed histogram has no rows"
    );
    // The benchmark: the checksum is the labels' sum, one time per run on the clock given.
    let critical = [3.0, 2.0, -2.805118, 3.131312, -3.779310, -3.283186, 3.584428, -1.848126];
    let mut t = 0.0;
    let mut clock = || {
        t += 1.0;
        t
    };
    let out = s
        .basin_kernel(32, ("newton", 1.0), 50, 1e-10, &critical, 3, &mut clock)
        .expect("kernel");
    let labels = s
        .basin_rows(&s.view(), (32, 32), (0, 32), ("newton", 1.0), 50, 1e-10, &critical)
        .expect("rows");
    assert_eq!(out[0], labels.iter().map(|&l| f64::from(l)).sum::<f64>());
    assert_eq!(out[1..], [1.0, 1.0, 1.0]);
    assert!(s
        .basin_kernel(32, ("nope", 1.0), 50, 1e-10, &critical, 3, &mut clock)
        .is_err());
}

#[test]
fn one_parameter_and_eta_in_units_of_eta_opt_are_set_in_the_core() {
    // E = a·x²/2: E'' = a, so η_opt = 1/a; 1.5 η_opt oscillates and converges.
    let mut s = session("quadratic1d");
    let a = s.params()[0];
    s.set_eta_ratio(1.5).expect("η");
    assert!((s.hyper().eta - 1.5 / a).abs() < 1e-12, "{}", s.hyper().eta);
    s.set_param(0, 2.0 * a).expect("a");
    assert_eq!(s.params()[0], 2.0 * a);
    let before = s.params().to_vec();
    assert_eq!(s.set_param(9, 1.0), Err(Error::OutOfRange(Why::ParamIndex)));
    assert!(s.set_param(0, f64::NAN).is_err());
    assert_eq!(s.params(), &before[..], "a bad parameter changes nothing");
    s.select_preset("himmelblau").expect("2-D");
    let eta = s.hyper().eta;
    assert_eq!(s.set_eta_ratio(0.5), Err(Error::NotHere(Why::NoEtaOpt)));
    assert_eq!(s.hyper().eta, eta, "no η_opt: η kept");
}

#[test]
fn the_conditioning_scene_sets_kappa_and_theta_through_the_core() {
    let mut s = session("quadratic2d");
    s.set_conditioning(100.0, 30.0).expect("κ = 100");
    assert_eq!(s.params(), &[1.0, 100.0, 30.0]);
    assert_eq!(s.conditioning(), vec![100.0, 30.0]);
    let bound = s
        .analysis_at(&[1.0, 1.0])
        .expect("analysis")
        .stability_bound
        .expect("convex");
    assert!((bound - 0.02).abs() < 1e-12, "2/λ_max = 2/κ: {bound}");
    assert!(s.set_conditioning(0.5, 0.0).is_err() && s.set_conditioning(f64::NAN, 0.0).is_err());
    // Scene 2 at every κ of its control (1 to 1000): η stays at its fraction of GD's best
    // fixed step 2/(λ₁ + λ₂), and GD crawls and zig-zags without diverging.
    s.apply_link("l=quadratic2d&p=1,25,30&s=-4,3&eta=0.075&m=gd,newton,momentum");
    let fraction = |s: &Session| s.hyper().eta / (2.0 / (s.params()[0] + s.params()[1]));
    let start = fraction(&s);
    for kappa in [1.0, 25.0, 26.7, 100.0, 1000.0] {
        s.set_conditioning(kappa, 30.0).expect("κ");
        assert!((fraction(&s) - start).abs() < 1e-12, "κ = {kappa}");
        s.step(400);
        let gd = s.readout(0).expect("GD on");
        assert_ne!(gd.status, Status::Diverged, "κ = {kappa}: {gd:?}");
        assert!(gd.value < 12.5 * kappa.max(1.0), "κ = {kappa}: E = {}", gd.value);
        let newton = s.readout(2).expect("Newton on");
        assert_eq!((newton.status, newton.iteration), (Status::Converged, 1), "κ = {kappa}");
    }
    // At κ = 1 every direction is alike: GD goes straight at the minimum (every iterate on the
    // line from the start to it) and is there within a few steps; at κ = 1000 it zig-zags across
    // the steep axis (the error along it changes sign at every step).
    s.set_conditioning(1.0, 30.0).expect("κ = 1");
    s.set_enabled(&on(&["gd"])).expect("GD");
    s.step(6);
    let (points, _) = s.path(0).expect("GD's path");
    let [x0, y0] = [points[0], points[1]];
    for p in points.chunks_exact(2) {
        assert!(
            (p[0] * y0 - p[1] * x0).abs() < 1e-9,
            "off the line to the minimum: {p:?}"
        );
    }
    assert!(s.readout(0).expect("GD").value < 1e-6);
    s.set_conditioning(1000.0, 0.0).expect("κ = 1000");
    s.step(4);
    let (points, _) = s.path(0).expect("GD's path");
    let steep: Vec<f64> = points.chunks_exact(2).map(|p| p[1]).collect();
    assert!(
        steep.windows(2).all(|w| w[0] * w[1] < 0.0),
        "a zig-zag across the steep axis: {steep:?}"
    );
    s.select_preset("himmelblau").expect("another");
    assert!(s.set_conditioning(10.0, 0.0).is_err() && s.conditioning().is_empty());
}

#[test]
fn every_scene_of_the_page_is_a_link_the_core_takes_whole() {
    // The page's scenes (www/scenes.js, data): each link applies with nothing ignored.
    let scenes = include_str!("../../../www/scenes.js");
    let links: Vec<&str> = scenes
        .lines()
        .filter_map(|l| l.trim().strip_prefix("link: '")?.strip_suffix("',"))
        .collect();
    assert!(links.len() >= 12, "{} scene links", links.len());
    let mut s = session("rosenbrock");
    for link in links {
        let applied = s.apply_scene("scene", link).expect("a scene");
        assert!(applied.ignored.is_empty(), "{link}: {:?}", applied.ignored);
        assert!(
            s.readout(0).is_some() || s.readout(2).is_some(),
            "{link}: a method is on"
        );
    }
}

/// Zooming keeps the point under the pointer where it is, zooming out undoes zooming in, panning
/// moves by fractions of the view, the limits hold, fit restores the preset's view, and the view
/// goes into the link.
#[test]
fn zoom_pan_and_fit() {
    let mut s = Session::new("himmelblau", &RustNumbers).expect("opens");
    let home = s.view();
    let at = [1.0, -2.0];
    let frac = |v: [f64; 4]| ((at[0] - v[0]) / (v[1] - v[0]), (at[1] - v[2]) / (v[3] - v[2]));
    let before = frac(s.view());
    assert!(s.zoom(0.5, &at).expect("zooms"));
    let after = frac(s.view());
    assert!((before.0 - after.0).abs() < 1e-12 && (before.1 - after.1).abs() < 1e-12);
    assert!(((s.view()[1] - s.view()[0]) - 0.5 * (home[1] - home[0])).abs() < 1e-12);
    assert!(s.zoom(2.0, &at).expect("zooms out"));
    assert_eq!(s.view(), home, "back exactly: the bounds are rounded");
    assert!(s.zoom(0.8, &[]).expect("zooms about the centre"));
    assert_eq!(s.view(), [-4.8, 4.8, -4.8, 4.8], "short numbers for the link");
    let u = s.view();
    assert!(s.pan(0.25, -0.5).expect("pans"));
    let v = s.view();
    assert!((v[0] - (u[0] + 0.25 * (u[1] - u[0]))).abs() < 1e-9);
    assert!((v[2] - (u[2] - 0.5 * (u[3] - u[2]))).abs() < 1e-9);
    assert!(s.link(false).contains("view="));
    // The limits: no narrower than 1e-6, no farther than ±1e6; nothing changes there.
    let mut zoomed = 0;
    while s.zoom(0.1, &at).expect("zooms") {
        zoomed += 1;
        assert!(zoomed < 40, "zooms in forever");
    }
    assert!(s.view()[1] - s.view()[0] >= 1e-6);
    while s.zoom(10.0, &at).expect("zooms") {
        zoomed += 1;
        assert!(zoomed < 80, "zooms out forever");
    }
    assert!(s.view().iter().all(|v| v.abs() <= 1e6));
    assert!(s.zoom(0.0, &at).is_err() && s.zoom(f64::NAN, &at).is_err() && s.zoom(2.0, &[1.0]).is_err());
    assert!(s.pan(f64::INFINITY, 0.0).is_err());
    assert!(s.fit());
    assert_eq!(s.view(), home);
    assert!(!s.fit());
    // In 1-D only the x range.
    let mut one = Session::new("quadratic1d", &RustNumbers).expect("opens");
    let v = one.view();
    assert!(one.zoom(0.5, &[0.0]).expect("zooms"));
    assert_eq!(one.view()[2..], v[2..]);
    assert!((one.view()[1] - one.view()[0] - 0.5 * (v[1] - v[0])).abs() < 1e-12);
}

/// Runs every enabled method of `s` until none runs (or 20,000 steps) and returns method `id`'s
/// readout.
fn settled(s: &mut Session, id: &str) -> Readout {
    for _ in 0..200 {
        if !s.step(100) {
            break;
        }
    }
    let i = METHOD_IDS.iter().position(|m| *m == id).expect("a method");
    s.readout(i).expect("on")
}

/// A run whose gradient vanishes where there is no critical point is never "converged at a
/// minimum": Newton on `exp(x) + y²` walks off to the left, one unit per step, until `‖∇E‖`
/// is below the tolerance at x ≈ −18.5; on a sigmoid's plateau it does the same.
#[test]
fn a_gradient_vanishing_far_out_is_not_a_minimum() {
    let mut s = Session::new("typed2d", &RustNumbers).expect("opens");
    s.set_function("exp(x) + y^2").expect("parses");
    s.set_start(&[0.5, -1.5]).expect("start");
    let newton = settled(&mut s, "newton");
    assert_eq!(newton.status, Status::Converged);
    assert!(newton.x < -15.0, "far out: {}", newton.x);
    assert_eq!(newton.reached, Some(CriticalKind::Flat));
    let mut p = Session::new("typed1d", &RustNumbers).expect("opens");
    p.set_function("1/(1 + exp(-x))").expect("parses");
    p.set_start(&[-3.0]).expect("start");
    let newton = settled(&mut p, "newton");
    assert_eq!(newton.status, Status::Converged, "{newton:?}");
    assert_eq!(
        newton.reached,
        Some(CriticalKind::Flat),
        "the sigmoid's plateau: {newton:?}"
    );
    // A true minimum is still one, degenerate or not.
    let mut q = Session::new("typed2d", &RustNumbers).expect("opens");
    q.set_function("x^4 + y^2").expect("parses");
    q.set_start(&[0.5, 0.5]).expect("start");
    let newton = settled(&mut q, "newton");
    assert_eq!(newton.status, Status::Converged);
    assert_eq!(
        newton.reached,
        Some(CriticalKind::Degenerate),
        "x⁴ + y² has a degenerate minimum"
    );
    q.set_function("(x - 1)^2 + 3 (y + 2)^2").expect("parses");
    assert_eq!(settled(&mut q, "newton").reached, Some(CriticalKind::Minimum));
}

/// The status, the markers and the summary agree: on the monkey saddle the origin is
/// degenerate in all three, whatever the view.
#[test]
fn statuses_markers_and_summary_agree_on_the_monkey_saddle() {
    let mut s = Session::new("monkey", &RustNumbers).expect("opens");
    let points = s.critical_points(40).expect("finds");
    let origin = points
        .iter()
        .find(|p| p.x.abs() < 1e-3 && p.y.abs() < 1e-3)
        .expect("the origin");
    assert_eq!(origin.kind, CriticalKind::Degenerate);
    s.set_start(&[0.3, 0.0]).expect("start");
    s.set_enabled(&METHOD_IDS.map(|m| m == "newton")).expect("newton only");
    let newton = settled(&mut s, "newton");
    assert_eq!(newton.status, Status::Converged, "{newton:?}");
    assert_eq!(newton.reached, Some(origin.kind), "{newton:?}");
}

/// The kind of a critical point does not depend on the view: the origin of `exp(x² + y²)` is a
/// minimum in ±5 (where E reaches 10²¹) as in ±2.
#[test]
fn the_kind_of_a_critical_point_does_not_depend_on_the_view() {
    let mut s = Session::new("typed2d", &RustNumbers).expect("opens");
    s.set_function("exp(x^2 + y^2)").expect("parses");
    for half in [5.0, 2.0] {
        s.set_view(&[-half, half, -half, half]).expect("view");
        let points = s.critical_points(40).expect("finds");
        assert_eq!(points.len(), 1, "±{half}: {points:?}");
        assert_eq!(points[0].kind, CriticalKind::Minimum, "±{half}");
    }
}

/// The analysis names a kind of critical point only at one: at an ordinary point of Rosenbrock
/// it describes the curvature; at (1, 1) it names the minimum. A diverged iterate is not the
/// point analysed.
#[test]
fn the_analysis_names_a_critical_point_only_at_one() {
    let s = Session::new("rosenbrock", &RustNumbers).expect("opens");
    let ordinary = s.analysis_at(&[-1.2, 1.0]).expect("analyses");
    assert_eq!(ordinary.critical, None);
    let minimum = s.analysis_at(&[1.0, 1.0]).expect("analyses");
    assert_eq!(minimum.critical, Some(CriticalKind::Minimum));
    let mut d = Session::new("rosenbrock", &RustNumbers).expect("opens");
    d.set_hyper(Hyper { eta: 0.1, ..d.hyper() }).expect("η");
    let gd = settled(&mut d, "gd");
    assert_eq!(gd.status, Status::Diverged);
    let at = d.analysis_point();
    assert_ne!(at.method, Some(0), "the diverged GD is not analysed: {at:?}");
}

/// The CSV says where its numbers came from: the landscape and η, and a link that restores the
/// same session.
#[test]
fn the_csv_says_where_it_came_from() {
    let mut s = Session::new("himmelblau", &RustNumbers).expect("opens");
    s.step(3);
    let csv = s.csv("https://example.org/descenso/\n");
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].starts_with("# Descenso: himmelblau, eta = 0.01,"),
        "{}",
        lines[0]
    );
    let link = lines[1]
        .strip_prefix("# link: https://example.org/descenso/#")
        .expect("the link");
    let mut t = Session::new("rosenbrock", &RustNumbers).expect("opens");
    assert!(t.apply_link(link).ignored.is_empty());
    assert_eq!(t.config(), s.config());
    assert_eq!(lines[2], "method,iteration,x,y,E,grad_norm");
}

#[test]
fn the_arrow_keys_move_the_start_by_a_fraction_of_the_view() {
    let mut s = session("himmelblau");
    let [x0, x1, y0, y1] = s.view();
    let before = s.start().to_vec();
    s.nudge_start(1.0, -1.0, 0.02).expect("moved");
    assert!((s.start()[0] - before[0] - 0.02 * (x1 - x0)).abs() < 1e-12);
    assert!((s.start()[1] - before[1] + 0.02 * (y1 - y0)).abs() < 1e-12);
    let mut one = session("doublewell");
    let x = one.start()[0];
    one.nudge_start(-1.0, 1.0, 0.1).expect("moved");
    assert_eq!(one.start().len(), 1, "dy is ignored in 1-D");
    assert!(one.start()[0] < x);
    assert_eq!(s.nudge_start(f64::NAN, 0.0, 0.1), Err(Error::BadPoint), "refused");
    // The link gets the short number a person would type.
    let mut r = session("rosenbrock");
    r.nudge_start(1.0, 0.0, 0.02).expect("moved");
    assert_eq!(r.start(), &[-1.12, 1.0]);
    assert!(r.link(false).contains("&s=-1.12%2C1&"), "{}", r.link(false));
}

#[test]
fn a_pixel_of_a_picture_of_the_view_is_the_point_under_it() {
    let s = session("himmelblau");
    let [x0, x1, y0, y1] = s.view();
    assert_eq!(s.point_at(0.0, 0.0, 200.0, 100.0), [x0, y1], "top left");
    assert_eq!(s.point_at(200.0, 100.0, 200.0, 100.0), [x1, y0], "bottom right");
    let one = session("doublewell");
    let [a, b, ..] = one.view();
    assert_eq!(one.point_at(50.0, 7.0, 100.0, 40.0), [(a + b) / 2.0]);
}

#[test]
fn speed_basins_and_open_lab_panels_travel_in_the_link() {
    let mut s = session("himmelblau");
    s.set_speed(600).expect("a speed of the page");
    s.set_lab_panels(true, &["sweep", "starts"]).expect("lab panels");
    let link = s.link(false);
    assert!(
        link.contains("speed=600") && link.contains("basins=1") && link.contains("open=starts%2Csweep"),
        "{link}"
    );
    let mut copy = session("rosenbrock");
    assert!(copy.apply_link(&link).ignored.is_empty());
    assert_eq!(
        (copy.speed(), copy.lab_panels()),
        (600, (true, &["starts", "sweep"][..]))
    );
    // Bad values change nothing.
    assert_eq!(copy.set_speed(7), Err(Error::OutOfRange(Why::Speed)));
    assert_eq!(
        copy.set_lab_panels(false, &["nope"]),
        Err(Error::OutOfRange(Why::LabPanel))
    );
    assert_eq!((copy.speed(), copy.lab_panels().0), (600, true));
}

/// What each scene's text claims (www/scenes.js), checked on the runs the scene's link makes: the
/// scene texts are labels too.
#[test]
fn every_scene_text_says_what_its_runs_do() {
    let scenes = include_str!("../../../www/scenes.js");
    let link = |id: &str| -> String {
        let at = scenes.find(&format!("id: '{id}'")).expect("the scene");
        let line = scenes[at..]
            .lines()
            .find_map(|l| l.trim().strip_prefix("link: '"))
            .expect("its link");
        line.strip_suffix("',").expect("a quoted link").to_owned()
    };
    let scene = |id: &str, steps: usize| {
        let mut s = session("rosenbrock");
        assert!(s.apply_scene(id, &link(id)).expect("applies").ignored.is_empty());
        s.step(steps);
        s
    };
    let read = |s: &Session, m: &str| s.readout(idx(m)).expect("the method is on");
    let converged_at = |s: &Session, m: &str| {
        let r = read(s, m);
        (r.status == Status::Converged).then_some(r.reached).flatten()
    };

    // 1. "The four runs at once: (a) η = 0.25 ηₒₚₜ creeps in, (b) η = ηₒₚₜ
    // lands in one step, (c) η = 1.5 ηₒₚₜ overshoots and oscillates in, (d) η = 2.25 ηₒₚₜ flies
    // away."
    let s = scene("regimes", 0);
    let eta_opt = s.eta_opt_at_start().expect("E″ > 0");
    let etas: Vec<f64> = std::iter::once(s.hyper().eta)
        .chain(s.own_runs().iter().map(|r| r.hyper.eta))
        .map(|eta| eta / eta_opt)
        .collect();
    assert_eq!(etas, [0.25, 1.0, 1.5, 2.25]);
    let n = METHOD_IDS.len();
    let s = scene("regimes", 1);
    assert_eq!(s.readout(n).expect("(b)").status, Status::Converged, "(b) in one step");
    let s = scene("regimes", 500);
    let (a, c) = (s.path(idx("gd")).expect("(a)").0, s.path(n + 1).expect("(c)").0);
    assert!(
        a.windows(2).all(|w| w[1].abs() < w[0].abs() && w[1] * w[0] > 0.0),
        "(a) creeps in"
    );
    assert!(
        c.windows(2)
            .take(20)
            .all(|w| w[1].abs() < w[0].abs() && w[1] * w[0] < 0.0),
        "(c) oscillates in"
    );
    assert_eq!(read(&s, "gd").status, Status::Converged);
    assert_eq!(s.readout(n + 1).expect("(c)").status, Status::Converged);
    assert!(
        read(&s, "gd").iteration > 2 * s.readout(n + 1).expect("(c)").iteration,
        "(a) creeps: |1 − ηE″| = 0.75 against (c)'s 0.5"
    );
    assert_eq!(
        s.readout(n + 2).expect("(d)").status,
        Status::Diverged,
        "(d) flies away"
    );

    // 1b. "Near x = 0, E″ < 0 and Newton heads for the maximum."
    let mut s = scene("regimes-live", 0);
    s.set_start(&[0.3]).expect("near 0");
    s.step(50);
    assert!(s.analysis_at(&[0.3]).expect("analysed").eigenvalues[0] < 0.0);
    assert_eq!(converged_at(&s, "newton"), Some(CriticalKind::Maximum));

    // 2. "stable only below 2/λ_max … Newton … lands in one step."
    let s = scene("directions", 1);
    let r = read(&s, "newton");
    assert!(r.grad_norm < 1e-9 && r.iteration == 1, "Newton in one step: {r:?}");
    let s = scene("directions", 2000);
    assert_eq!(converged_at(&s, "gd"), Some(CriticalKind::Minimum), "η = 0.075 < 2/25");
    let mut s = scene("directions", 0);
    s.set_hyper(Hyper {
        eta: 0.085,
        ..s.hyper()
    })
    .expect("η above 2/λ_max");
    s.step(2000);
    assert_eq!(read(&s, "gd").status, Status::Diverged, "η = 0.085 > 2/25");

    // 4. "GD stops in the first one it meets": a minimum, not the lowest one.
    let s = scene("local-minima", 5000);
    assert_eq!(converged_at(&s, "gd"), Some(CriticalKind::Minimum));
    let lowest = s
        .critical_points(40)
        .expect("found")
        .iter()
        .filter(|c| c.global)
        .map(|c| c.value)
        .fold(f64::INFINITY, f64::min);
    assert!(
        read(&s, "gd").value > lowest + 1e-3,
        "a local minimum, above the lowest {lowest}"
    );

    // 4b. "plain Newton climbs onto it [the maximum]. GD and damped Newton go downhill, each to
    // the minimum whose basin holds the start."
    let s = scene("himmelblau", 5000);
    assert_eq!(converged_at(&s, "newton"), Some(CriticalKind::Maximum));
    assert_eq!(converged_at(&s, "gd"), Some(CriticalKind::Minimum));
    assert_eq!(converged_at(&s, "damped-newton"), Some(CriticalKind::Minimum));
    let kinds = |s: &Session, k: CriticalKind| {
        s.critical_points(40)
            .expect("found")
            .iter()
            .filter(|c| c.kind == k)
            .count()
    };
    assert_eq!(
        (kinds(&s, CriticalKind::Minimum), kinds(&s, CriticalKind::Saddle)),
        (4, 4),
        "the title"
    );

    // 4c. "Six minima, two of them global."
    let s = scene("camel", 0);
    let points = s.critical_points(40).expect("found");
    let minima: Vec<_> = points.iter().filter(|c| c.kind == CriticalKind::Minimum).collect();
    assert_eq!(minima.len(), 6);
    assert_eq!(minima.iter().filter(|c| c.global).count(), 2);

    // 5. "Newton jumps straight onto the saddle … saddle-free Newton … moves away; GD's steps
    // shrink and it lingers before escaping along y."
    let s = scene("saddles", 1);
    assert_eq!(converged_at(&s, "newton"), Some(CriticalKind::Saddle));
    let s = scene("saddles", 30);
    assert!(read(&s, "saddle-free").y.abs() > 1.0, "saddle-free Newton moved away");
    let (points, _) = s.path(idx("gd")).expect("GD's path");
    let step = |k: usize| (points[2 * k + 2] - points[2 * k]).hypot(points[2 * k + 3] - points[2 * k + 1]);
    assert!(step(10) < 0.5 * step(0), "GD's steps shrink near the saddle");
    let s = scene("saddles", 200);
    assert!(read(&s, "gd").y.abs() > 1.0, "then GD escapes along y");

    // 5b. "Newton approaches it only linearly, halving its distance each step."
    let s = scene("monkey", 6);
    let (points, _) = s.path(idx("newton")).expect("Newton's path");
    let r = |k: usize| points[2 * k].hypot(points[2 * k + 1]);
    for k in 0..6 {
        assert!(
            (r(k + 1) / r(k) - 0.5).abs() < 1e-9,
            "step {k}: ratio {}",
            r(k + 1) / r(k)
        );
    }
    assert_eq!(
        s.critical_points(40)
            .expect("found")
            .iter()
            .map(|c| c.kind)
            .collect::<Vec<_>>(),
        [CriticalKind::Degenerate]
    );

    // 6. "the sigmoid saturates: E is flat, a plateau, and GD crawls for some 40 steps although
    // E is far from its best, then slides off."
    let start = link("neuron");
    assert!(start.contains("s=1,7.5"), "{start}");
    let s = scene("neuron", 30);
    let gd = read(&s, "gd");
    assert!(
        (gd.x - 1.0).hypot(gd.y - 7.5) < 0.6 && gd.value > 0.57,
        "GD crawls: {gd:?}"
    );
    let best = s
        .critical_points(40)
        .expect("found")
        .iter()
        .map(|c| c.value)
        .fold(f64::INFINITY, f64::min);
    assert!(gd.value > best + 0.05, "E {} is far from its best {best}", gd.value);
    let s = scene("neuron", 100);
    assert!(read(&s, "gd").value < 0.3, "then slides off the plateau");

    // 7. "With this seed there are two minima — the hidden units can swap roles."
    let s = scene("tinynet", 0);
    assert_eq!(kinds(&s, CriticalKind::Minimum), 2, "{:?}", s.critical_points(40));

    // 8. "All its 13 weights … Near W = 0 the network answers ½ everywhere and E = ¼: a saddle.
    // Damped Newton converges to it (the spectrum shows 3 negative eigenvalues); Newton stops
    // beside it where its Hessian turns singular; GD and momentum go down past it."
    // (The network panel is the lab's build's and native: the page's wasm has none.)
    #[cfg(any(feature = "lab", not(target_arch = "wasm32")))]
    {
        use crate::explore::network;
        use crate::landscape::eigen::symmetric_eigen;
        use crate::landscape::Landscape;
        let s = scene("network", 0);
        // (The scene opens the network's panel.)
        assert!(s.lab_panels().1.contains(&"network"), "{:?}", s.lab_panels());
        let report = network::train(s.network()).expect("trains");
        let run = |id: &str| report.runs.iter().find(|r| r.id == id).expect("the method is on");
        let end = |id: &str| *run(id).values.last().expect("values");
        assert_eq!(report.weights, 13);
        assert_eq!(run("damped-newton").status, Status::Converged);
        assert_eq!(run("newton").status, Status::SingularHessian);
        for id in ["damped-newton", "newton"] {
            assert!((end(id) - 0.25).abs() < 1e-6, "{id}: E = {}", end(id));
        }
        assert_eq!(report.runs[report.shown].id, "damped-newton");
        let (_, last) = report.spectra.last().expect("a spectrum");
        assert_eq!(network::negative(last), 3, "{last:?}");
        for id in ["gd", "momentum"] {
            assert!(end(id) < 0.2, "{id} goes down past the saddle: E = {}", end(id));
        }

        // 9. "In the network panel (under the controls) every run starts where damped Newton converged in scene 8: the saddle at E = ¼,
        // where ‖∇E‖ < 10⁻⁸ and 3 of the 13 eigenvalues of H are negative. Full-batch GD stops
        // at once … SGD takes each step's gradient on 4 of the 40 points … and E falls below ¼.
        // Set the batch to 40 and SGD is GD again: it stays."
        let mut s = scene("sgd", 0);
        let setup = s.network().clone();
        assert_eq!((setup.batch, setup.points, setup.from), (4, 40, Some("damped-newton")));
        let training = setup.training();
        let w = network::start(&setup, &training).expect("a start");
        assert!((training.value(&w) - 0.25).abs() < 1e-6);
        assert!(training.gradient(&w).norm() < 1e-8);
        assert_eq!(network::negative(&symmetric_eigen(&training.hessian(&w)).0), 3);
        let report = network::train(&setup).expect("trains");
        let (gd, sgd) = (&report.runs[0], &report.runs[1]);
        assert_eq!((gd.id, gd.status, gd.values.len()), ("gd", Status::Converged, 1));
        assert!(*sgd.values.last().expect("values") < 0.24, "{:?}", sgd.values.last());
        s.set_network("batch", "40").expect("a batch");
        let all = network::train(s.network()).expect("trains");
        assert!(
            all.runs[1].values.iter().all(|e| (e - 0.25).abs() < 1e-4),
            "SGD on every point stays"
        );
    }
}

#[test]
fn replay_shows_every_run_as_it_stood_and_steps_back_and_forth() {
    let mut s = session("himmelblau");
    s.apply_link("l=himmelblau&s=1,1&eta=0.01&m=gd,newton");
    s.step(20);
    let (gd, newton) = (idx("gd"), idx("newton"));
    let latest_newton = s.readout(newton).expect("on");
    assert_eq!(
        latest_newton.status,
        Status::Converged,
        "Newton converges within 20 steps here"
    );
    assert!(latest_newton.iteration < 20);
    let (gd_points, _) = s.path(gd).expect("on");
    let gd_points = gd_points.to_vec();
    assert_eq!(s.shown(), 20);
    s.step_back(18);
    assert_eq!(s.shown(), 2);
    let r = s.readout(gd).expect("on");
    assert_eq!(
        (r.iteration, r.x, r.y),
        (2, gd_points[4], gd_points[5]),
        "GD's third iterate"
    );
    assert!((r.step - ((gd_points[4] - gd_points[2]).hypot(gd_points[5] - gd_points[3]))).abs() < 1e-15);
    assert_eq!(s.path(gd).expect("on").0.len(), 6, "the path up to iteration 2");
    let n = s.readout(newton).expect("on");
    assert_eq!(
        (n.iteration, n.status, n.reached),
        (2, Status::Running, None),
        "not converged yet at 2"
    );
    assert_eq!(
        s.analysis_point().iteration,
        2,
        "the analysis follows the iteration shown"
    );
    // The link keeps it; a copy shows the same.
    let link = s.link(false);
    assert!(link.contains("&n=20&k=2"), "{link}");
    let mut copy = session("rosenbrock");
    assert!(copy.apply_link(&link).ignored.is_empty());
    assert_eq!(snapshot(&copy), snapshot(&s));
    // Forward again replays (no new steps) until the latest, then steps on.
    assert!(s.step(5));
    assert_eq!((s.shown(), s.steps_taken()), (7, 20));
    s.step(15);
    assert_eq!(
        (s.shown(), s.steps_taken(), s.config.shown),
        (22, 22, None),
        "live again, two new steps"
    );
    assert_eq!(s.readout(newton).expect("on"), latest_newton, "Newton stopped long ago");
    // Never before the start; beyond the latest is the latest; a restart ends the replay.
    s.step_back(1000);
    assert_eq!(s.shown(), 0);
    assert_eq!(s.readout(gd).expect("on").status, Status::Running);
    s.set_shown(1000);
    assert_eq!(s.config.shown, None);
    s.set_shown(5);
    s.restart().expect("restarts");
    assert_eq!((s.shown(), s.config.shown), (0, None));
    // A link whose k is beyond its steps shows the latest and says so.
    let mut bad = session("himmelblau");
    let applied = bad.apply_link("l=himmelblau&n=3&k=9");
    assert_eq!(applied.ignored.len(), 1, "{:?}", applied.ignored);
    assert_eq!(bad.shown(), 3);
}

/// Runs of their own: the lecture's Fig. 8 (one method at four η) at once, each run its own
/// readout, path, style, CSV rows and link field; bad ones refused with nothing changed.
#[test]
fn runs_of_their_own_show_the_four_regimes_at_once() {
    let mut s = session("quadratic1d");
    s.set_params(&[2.0]).expect("a = 2: η_opt = 0.5");
    s.set_start(&[3.0]).expect("a start");
    s.set_enabled(&on(&["gd"])).expect("GD alone");
    s.set_hyper(Hyper { eta: 0.25, ..s.hyper() }).expect("η = 0.5 η_opt");
    for eta in [0.5, 0.75, 1.1] {
        s.add_run("gd", &Hyper { eta, ..s.hyper() }).expect("a run of its own");
    }
    let n = METHOD_IDS.len();
    assert_eq!(s.run_count(), n + 3);
    let own = |s: &Session, j: usize| s.readout(n + j).expect("a run of its own is always on");
    // η = η_opt lands in one step; the others have not.
    s.step(1);
    assert!(own(&s, 0).x.abs() < 1e-15 && own(&s, 0).status == Status::Converged);
    assert_eq!(own(&s, 1).x, 3.0 * (1.0 - 0.75 * 2.0), "the error times 1 − ηE″");
    s.step(200);
    let main = s.readout(idx("gd")).expect("on");
    assert_eq!(
        (main.status, main.reached),
        (Status::Converged, Some(CriticalKind::Minimum))
    );
    assert_eq!(own(&s, 1).status, Status::Converged, "1.5 η_opt oscillates in");
    assert_eq!(own(&s, 2).status, Status::Diverged, "2.2 η_opt flies away");
    // Between η_opt and 2η_opt the iterates alternate sides; below η_opt they never do.
    let (gd, osc) = (s.path(idx("gd")).expect("on").0, s.path(n + 1).expect("on").0);
    assert!(gd.iter().all(|&x| x >= 0.0));
    assert!(osc.windows(2).take(10).all(|w| w[0] * w[1] < 0.0), "{:?}", &osc[..4]);
    // Each run its own style, its marker the method's.
    let styles: Vec<_> = (0..3).map(|j| s.run_style(n + j)).collect();
    let gd_style = s.run_style(idx("gd"));
    for st in &styles {
        assert!(st.rgb != gd_style.rgb && st.dash != gd_style.dash && st.marker == gd_style.marker);
    }
    assert!(styles[0].rgb != styles[1].rgb && styles[1].rgb != styles[2].rgb);
    // The CSV names each run; the link reopens the same runs number for number.
    let csv = s.csv("https://example.org/");
    assert!(csv.lines().any(|l| l.starts_with("gd_eta0.75,3,")), "{csv}");
    let readouts = |s: &Session| format!("{:?}", (0..s.run_count()).map(|i| s.readout(i)).collect::<Vec<_>>());
    let before = readouts(&s);
    let link = s.link(false);
    assert!(link.contains("&r=gd_eta0.5%2Cgd_eta0.75%2Cgd_eta1.1&"), "{link}");
    let mut t = session("rosenbrock");
    assert!(t.apply_link(&link).ignored.is_empty());
    assert_eq!(readouts(&t), before);

    // Refused, with everything kept: a fifth run, a method without hyperparameters, a bad η, a
    // run that is not there.
    let momentum = Hyper {
        eta: 0.1,
        beta: 0.5,
        ..s.hyper()
    };
    s.add_run("momentum", &momentum).expect("a fourth");
    let kept = (s.link(false), readouts(&s));
    assert_eq!(s.add_run("gd", &s.hyper()), Err(Error::OutOfRange(Why::OwnRun)));
    assert_eq!((s.link(false), readouts(&s)), kept, "a fifth refused, nothing changed");
    s.remove_run(3).expect("the fourth away");
    assert_eq!(s.add_run("newton", &s.hyper()), Err(Error::OutOfRange(Why::OwnRun)));
    assert!(s.add_run("gd", &Hyper { eta: -1.0, ..s.hyper() }).is_err());
    assert!(s.add_run("sgd", &s.hyper()).is_err());
    assert_eq!(s.remove_run(3), Err(Error::OutOfRange(Why::OwnRun)));
    assert_eq!(s.run_count(), n + 3);
    s.add_run("momentum", &momentum).expect("again");
    assert_eq!(kept.0.replace("&n=201", "&n=0"), s.link(false));
    assert_eq!(s.own_runs()[3].hyper.beta, 0.5);
    // Taking one away restarts the rest; a new landscape keeps them, a scene sets its own.
    s.remove_run(0).expect("away");
    assert_eq!(s.own_runs().len(), 3);
    assert_eq!(own(&s, 0).iteration, 0);
    s.select_preset("himmelblau").expect("a new landscape");
    assert_eq!(s.own_runs().len(), 3);
    s.apply_scene("free", "l=rosenbrock&m=gd,newton").expect("a scene");
    assert!(s.own_runs().is_empty());
}

#[test]
fn the_3d_camera_is_kept_for_the_link_and_a_bad_one_refused() {
    let mut s = session("himmelblau");
    assert_eq!(s.camera(), None);
    assert!(!s.link(false).contains("cam="), "no camera until one is set");
    s.set_camera(&[0.3, 0.7, 6.0]).expect("a camera");
    let link = s.link(false);
    assert!(link.contains("cam=0.3%2C0.7%2C6"), "{link}");
    for bad in [
        &[0.0, 2.0, 6.0][..],
        &[f64::NAN, 0.5, 6.0],
        &[0.0, 0.5],
        &[0.0, 0.5, 20.0],
    ] {
        assert!(s.set_camera(bad).is_err(), "{bad:?}");
    }
    assert_eq!(s.link(false), link, "a refused camera changes nothing");
    let mut t = session("rosenbrock");
    assert!(t.apply_link(&link).ignored.is_empty());
    assert_eq!(t.camera(), Some([0.3, 0.7, 6.0]));
}
