//! What the page writes, decided here: the readout table's cells and statuses, each run's label,
//! the analysis paragraph with the η slider's marks, and the line of critical points in view.
//! The sentences are the page's string tables' (in its language), through [`Words`]: this module
//! decides which of them are said, about which numbers, in which order, so that every label a
//! person reads is tested natively against the mathematics.

use crate::analysis::hessian::CriticalKind;
use crate::error::Error;
use crate::method::catalog::{reads, METHOD_IDS};
use crate::session::report::Readout;
use crate::session::screen::Screen;
use crate::session::words::{Arg, Words};

/// The symbols of the hyperparameters, in their order (η, μ, β, m).
const SYMBOLS: [&str; 4] = ["η", "μ", "β", "m"];

/// Separates the fields of a row in [`Screen::rows`].
pub const FIELD: &str = "\u{1f}";
/// Ends a row in [`Screen::rows`].
pub const ROW: &str = "\u{1e}";

/// The analysis paragraph, the note beside η, and the η slider's marks.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisText {
    /// The paragraph: where, the eigenvalues and the curvature, the stable bound, in 1-D the
    /// regime of the current η.
    pub text: String,
    /// `2/λₘₐₓ = …` beside η (empty when no η is stable).
    pub note: String,
    /// The 1-D regime's name (empty in 2-D).
    pub regime: &'static str,
    /// The slider's marks, ascending: their names.
    pub marks: Vec<String>,
    /// And where they go: `log₁₀ η`.
    pub at: Vec<f64>,
}

/// A text being written: pieces, the page's words and its numbers, appended to one string (one
/// small call each: text built with `format!` would weigh kilobytes more in the page's wasm).
struct Line<'w> {
    out: String,
    w: &'w dyn Words,
}

impl<'w> Line<'w> {
    fn new(w: &'w dyn Words) -> Line<'w> {
        Line { out: String::new(), w }
    }
    #[inline(never)]
    fn put(&mut self, text: &str) -> &mut Self {
        self.out.push_str(text);
        self
    }
    /// The string `key` (its pieces joined) without arguments.
    #[inline(never)]
    fn say(&mut self, key: &[&str]) -> &mut Self {
        let said = self.w.say(key, &[]);
        self.put(&said)
    }
    #[inline(never)]
    fn num(&mut self, x: f64) -> &mut Self {
        let written = self.w.number(x);
        self.put(&written)
    }
    fn done(&mut self) -> String {
        std::mem::take(&mut self.out)
    }
}

impl Screen {
    /// Every run's label: a method's short name; a run of its own's with what it reads, and for
    /// gradient descent its η in units of `η_opt = 1/E''` at the start where that exists
    /// ("GD η = 0.75 = 1.5 ηₒₚₜ": the lecture's regimes are GD's).
    pub fn run_labels(&self, w: &dyn Words) -> Vec<String> {
        let own = self.session.own_runs();
        let eta_opt = if own.is_empty() {
            None
        } else {
            self.session.eta_opt_at_start()
        };
        let mut line = Line::new(w);
        let mut labels: Vec<String> = METHOD_IDS.iter().map(|id| line.say(&[id, "_short"]).done()).collect();
        for run in own {
            let read = reads(run.method);
            line.say(&[run.method, "_short"]);
            let mut comma = " ";
            for k in (0..4).filter(|&k| read[k]) {
                line.put(comma).put(SYMBOLS[k]).put(" = ").num(run.hyper.get(k));
                if let (0, "gd", Some(o)) = (k, run.method, eta_opt) {
                    line.put(" = ").num(run.hyper.eta / o).put(" ηₒₚₜ");
                }
                comma = ", ";
            }
            labels.push(line.done());
        }
        labels
    }

    /// The readout table's rows, one per run, as one text: a row's fields separated by
    /// [`FIELD`], rows ended by [`ROW`] (one string across the boundary, not fifteen per run).
    /// A row's fields: its label, its full name (the head's tooltip), the cells (iteration,
    /// `E`, `‖∇E‖`, last step (— before the first), gradient and value evaluations, Hessians,
    /// solves, status), the status cell's classes (`status-<status>`, `kind-<kind reached>`,
    /// `heading`), the status's name, the curvature's at the iterate, and the iterate's `x`
    /// and `y` as links write numbers (`y` NaN in 1-D). A method that is off has an empty row.
    pub fn rows(&self, w: &dyn Words) -> String {
        let labels = self.run_labels(w);
        let numbers = self.session.numbers();
        let mut line = Line::new(w);
        for (i, label) in labels.iter().enumerate() {
            if let Some(r) = self.session.readout(i) {
                line.put(label).put(FIELD);
                match METHOD_IDS.get(i) {
                    Some(id) => line.say(&[id]),
                    None => line.put(label),
                };
                let c = r.counts;
                let count = |n: u64| n.to_string();
                line.put(FIELD)
                    .put(&count(r.iteration as u64))
                    .put(FIELD)
                    .num(r.value)
                    .put(FIELD)
                    .num(r.grad_norm)
                    .put(FIELD);
                if r.step.is_nan() {
                    line.put("—")
                } else {
                    line.num(r.step)
                };
                for n in [c.gradients + c.values, c.hessians, c.solves] {
                    line.put(FIELD).put(&count(n));
                }
                line.put(FIELD);
                status_text(&r, &mut line);
                line.put(FIELD).put("status-").put(r.status.name());
                if let Some(k) = r.reached {
                    line.put(" kind-").put(k.name());
                }
                if r.heading.is_some() {
                    line.put(" heading");
                }
                line.put(FIELD).put(r.status.name()).put(FIELD).put(r.curvature.name());
                line.put(FIELD)
                    .put(&numbers.format(r.x))
                    .put(FIELD)
                    .put(&numbers.format(r.y));
            }
            line.put(ROW);
        }
        line.done()
    }

    /// The analysis at the point [`Session::analysis_point`](super::Session::analysis_point)
    /// describes, as the page writes it.
    pub fn analysis_text(&self, w: &dyn Words) -> Result<AnalysisText, Error> {
        let s = &self.session;
        let at = s.analysis_point();
        let a = s.analysis_at(&at.x)?;
        let mut line = Line::new(w);
        match at.method {
            Some(m) => {
                let name = w.say(&[METHOD_IDS[m], "_short"], &[]);
                line.put(&w.say(&["atIterate"], &[Arg::Text(name), Arg::Count(at.iteration)]))
            }
            None => line.say(&["atStart"]),
        };
        line.put(": ").say(&["eigen"]).put(" λ = ");
        for (i, &l) in a.eigenvalues.iter().enumerate() {
            line.put(if i == 0 { "" } else { "; " }).num(l);
        }
        // A kind of critical point only at one; elsewhere what the curvature is.
        line.put(" (");
        match a.critical {
            Some(k) => line.say(&[k.name()]),
            None => line.say(&[if s.dim() == 1 { "curv1_" } else { "curv2_" }, a.kind.name()]),
        };
        line.put(").");
        let mut marks = Vec::new();
        let mut note = String::new();
        match a.stability_bound {
            Some(b) => {
                let name = if s.dim() == 1 {
                    "2ηₒₚₜ"
                } else {
                    "2/\u{2060}λₘₐₓ"
                };
                note = Line::new(w).say(&["bound"]).put(" = ").num(b).done();
                line.put(" ").put(&note).put(".");
                marks.push((name, b));
            }
            None => {
                line.put(" ").say(&["noBound"]).put(".");
            }
        }
        if let Some(o) = a.eta_opt {
            let ratio = w.number(a.eta_ratio.unwrap_or(f64::NAN));
            line.put(" ").say(&["etaOpt"]).put(" = ").num(o).put("; ");
            line.put(&w.say(&["etaRatio"], &[Arg::Text(ratio)])).put(": ");
            line.say(&["regime_", a.regime.map_or("", |r| r.name())]).put("; ");
            line.say(&["factor"])
                .put(" = ")
                .num(a.error_factor.unwrap_or(f64::NAN))
                .put(".");
            marks.push(("ηₒₚₜ", o));
        }
        // (Two marks at most: no sort, which would add a copy of one to the page's wasm.)
        if marks.len() == 2 && marks[1].1 < marks[0].1 {
            marks.swap(0, 1);
        }
        Ok(AnalysisText {
            text: line.done(),
            note,
            regime: a.regime.map_or("", |r| r.name()),
            marks: marks.iter().map(|m| m.0.to_owned()).collect(),
            at: marks.iter().map(|m| m.1.log10()).collect(),
        })
    }

    /// The line under the map: how many critical points of each kind are in view (or that `E`
    /// is constant there).
    pub fn critical_text(&self, w: &dyn Words) -> String {
        let counts = self.critical_counts();
        if counts.last() == Some(&1) {
            return w.say(&["flatLandscape"], &[]);
        }
        let args: Vec<Arg> = counts[..counts.len() - 1].iter().map(|&n| Arg::Count(n)).collect();
        w.say(&["criticalSummary"], &args)
    }

    /// The exported map's title: the landscape, η, the start and the iteration shown
    /// (`Rosenbrock · η = 0.001 · start (−1.2, 1) · t = 50`).
    pub fn export_title(&self, w: &dyn Words) -> String {
        let s = &self.session;
        let id = s.preset().id;
        let mut line = Line::new(w);
        // (The saddle preset's name has its own key: `saddle` names the kind of point.)
        line.say(&[id, if id == "saddle" { "_preset" } else { "" }]);
        if id.starts_with("typed") {
            line.put(": E = ").put(s.function());
        }
        line.put(" · η = ")
            .num(s.hyper().eta)
            .put(" · ")
            .say(&["exportStart"])
            .put(" (");
        for (i, &x) in s.start().iter().enumerate() {
            line.put(if i == 0 { "" } else { ", " }).num(x);
        }
        line.put(") · t = ").put(&s.shown().to_string());
        line.done()
    }

    /// The colour scale's "auto" choice as the picker names it: `auto (log)`.
    pub fn scale_auto_text(&self, w: &dyn Words) -> String {
        let used = self.colour_scale_used();
        let name = if used.is_empty() {
            "–".to_owned()
        } else {
            w.say(&["scale_", used], &[])
        };
        w.say(&["scaleAuto"], &[Arg::Text(name)])
    }
}

/// How a run stands, in words: its status, the kind of point it reached, and where Newton's step
/// aims when the Hessian misleads it.
fn status_text(r: &Readout, line: &mut Line) {
    if r.reached == Some(CriticalKind::Flat) {
        line.say(&["stoppedFlat"]);
        return;
    }
    line.say(&[r.status.name()]);
    if let Some(k) = r.reached {
        line.put(" ").say(&["at"]).put(" ").say(&[k.name()]);
    }
    match r.heading {
        Some(CriticalKind::Saddle) => line.put(" — ").say(&["headingSaddle"]),
        Some(_) => line.put(" — ").say(&["headingMaximum"]),
        None => line,
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::catalog::Hyper;
    use crate::numbers::RustNumbers;
    use crate::session::words::Keys;

    /// A row as the page reads it off [`Screen::rows`].
    #[derive(Debug, Clone)]
    struct Row {
        label: String,
        title: String,
        cells: Vec<String>,
        class: String,
        status: String,
        curvature: String,
        x: String,
        y: String,
    }

    fn rows(s: &Screen) -> Vec<Option<Row>> {
        let text = s.rows(&Keys);
        let rows: Vec<&str> = text.split_terminator(ROW).collect();
        assert_eq!(rows.len(), s.session.run_count());
        rows.iter()
            .map(|r| {
                let f: Vec<String> = r.split(FIELD).map(String::from).collect();
                (!r.is_empty()).then(|| {
                    assert_eq!(f.len(), 15, "{f:?}");
                    Row {
                        label: f[0].clone(),
                        title: f[1].clone(),
                        cells: f[2..10].to_vec(),
                        class: f[10].clone(),
                        status: f[11].clone(),
                        curvature: f[12].clone(),
                        x: f[13].clone(),
                        y: f[14].clone(),
                    }
                })
            })
            .collect()
    }

    fn screen(id: &str) -> Screen {
        Screen::new(id, &RustNumbers).expect("a preset")
    }

    fn at(id: &str) -> usize {
        METHOD_IDS.iter().position(|m| *m == id).expect("a method")
    }

    /// The 1-D quadratic `a·x²/2` with `a = 4`, η = `eta`, from 3.
    fn quadratic(eta: f64) -> Screen {
        let mut s = screen("quadratic1d");
        s.session.set_params(&[4.0]).expect("a = 4");
        s.session
            .set_hyper(Hyper {
                eta,
                ..s.session.hyper()
            })
            .expect("η");
        s.session.set_start(&[3.0]).expect("a start");
        s
    }

    #[test]
    fn gd_with_eta_one_over_a_reads_converged_at_a_minimum_after_one_step() {
        let mut s = quadratic(0.25);
        s.session.step(1);
        let all = rows(&s);
        let gd = all[at("gd")].as_ref().expect("on");
        assert_eq!((gd.label.as_str(), gd.title.as_str()), ("gd_short", "gd"));
        assert_eq!(gd.cells[0], "1");
        assert_eq!(gd.cells[7], "converged at minimum");
        assert_eq!(gd.class, "status-converged kind-minimum");
        assert_eq!(
            (gd.status.as_str(), gd.curvature.as_str(), gd.x.as_str(), gd.y.as_str()),
            ("converged", "minimum", "0", "NaN")
        );
        // Newton evaluates one Hessian and solves once; a method that is off has no row.
        let newton = all[at("newton")].as_ref().expect("on");
        assert_eq!(newton.cells[5..7], ["1".to_owned(), "1".to_owned()]);
        assert!(all[at("adam")].is_none());
    }

    #[test]
    fn before_the_first_step_the_step_cell_is_a_dash_and_the_status_running() {
        let s = quadratic(0.1);
        let gd = rows(&s)[at("gd")].clone().expect("on");
        assert_eq!(
            (gd.cells[0].as_str(), gd.cells[3].as_str(), gd.cells[7].as_str()),
            ("0", "—", "running")
        );
        assert_eq!(gd.cells[1], "18"); // E = 4·3²/2
    }

    #[test]
    fn a_diverged_run_says_so_and_names_no_point() {
        let mut s = quadratic(0.6); // above 2/a = 0.5
        s.session.step(2000);
        let gd = rows(&s)[at("gd")].clone().expect("on");
        assert_eq!(
            (gd.cells[7].as_str(), gd.class.as_str()),
            ("diverged", "status-diverged")
        );
    }

    #[test]
    fn newton_heading_for_a_saddle_is_said_on_its_row_and_not_on_gds() {
        let mut s = screen("saddle");
        let all = rows(&s);
        let newton = all[at("newton")].as_ref().expect("on");
        assert_eq!(newton.cells[7], "running — headingSaddle");
        assert_eq!(newton.class, "status-running heading");
        assert_eq!(all[at("gd")].as_ref().expect("on").cells[7], "running");
        s.session.step(5);
        let newton = rows(&s)[at("newton")].clone().expect("on");
        assert_eq!(newton.cells[7], "converged at saddle");
    }

    #[test]
    fn a_plateau_reads_stopped_flat_not_a_kind_of_critical_point() {
        // Newton walks along a sigmoid's plateau until ‖∇E‖ is below the tolerance.
        let mut s = screen("typed1d");
        s.session.set_function("1/(1 + exp(-x))").expect("a sigmoid");
        s.session.set_start(&[-3.0]).expect("on its slope");
        s.session.step(2000);
        let newton = rows(&s)[at("newton")].clone().expect("on");
        assert_eq!(
            (newton.cells[7].as_str(), newton.class.as_str()),
            ("stoppedFlat", "status-converged kind-flat")
        );
    }

    #[test]
    fn a_run_of_its_own_is_labelled_with_its_eta_in_units_of_eta_opt() {
        let mut s = quadratic(0.1);
        s.session
            .add_run(
                "gd",
                &Hyper {
                    eta: 0.375,
                    ..s.session.hyper()
                },
            )
            .expect("a run");
        s.session
            .add_run(
                "momentum",
                &Hyper {
                    eta: 0.1,
                    beta: 0.5,
                    ..s.session.hyper()
                },
            )
            .expect("a run");
        let labels = s.run_labels(&Keys);
        assert_eq!(labels.len(), METHOD_IDS.len() + 2);
        assert_eq!(labels[METHOD_IDS.len()], "gd_short η = 0.375 = 1.5 ηₒₚₜ");
        assert_eq!(labels[METHOD_IDS.len() + 1], "momentum_short η = 0.1, β = 0.5");
        let all = rows(&s);
        let own = all[METHOD_IDS.len()].as_ref().expect("a run of its own is always on");
        assert_eq!(own.title, own.label);
        // Where E'' ≤ 0 there is no η_opt, and the label says η alone.
        let mut s = screen("doublewell");
        s.session.set_start(&[0.0]).expect("the maximum");
        s.session
            .add_run(
                "gd",
                &Hyper {
                    eta: 0.05,
                    ..s.session.hyper()
                },
            )
            .expect("a run");
        assert_eq!(s.run_labels(&Keys)[METHOD_IDS.len()], "gd_short η = 0.05");
    }

    #[test]
    fn the_1d_analysis_names_the_regime_and_marks_eta_opt_below_twice_it() {
        for (eta, regime) in [
            (0.1, "converges"),
            (0.25, "one-step"),
            (0.4, "oscillates"),
            (0.6, "diverges"),
        ] {
            let s = quadratic(eta);
            let a = s.analysis_text(&Keys).expect("analysis");
            assert_eq!(a.regime, regime);
            // (GD's iterate, where it still stands at the start.)
            assert!(
                a.text
                    .starts_with("atIterate(gd_short, 0): eigen λ = 4 (curv1_minimum)."),
                "{}",
                a.text
            );
            assert!(a.text.contains("bound = 0.5."), "{}", a.text);
            assert!(
                a.text
                    .contains(&format!("etaOpt = 0.25; etaRatio({}): regime_{regime}", eta * 4.0)),
                "{}",
                a.text
            );
            assert_eq!(a.note, "bound = 0.5");
            assert_eq!(a.marks, ["ηₒₚₜ", "2ηₒₚₜ"]);
            assert!((a.at[1] - a.at[0] - 2f64.log10()).abs() < 1e-12);
        }
    }

    #[test]
    fn the_analysis_follows_the_first_iterate_and_says_when_no_eta_is_stable() {
        let mut s = quadratic(0.1);
        s.session.step(3);
        let a = s.analysis_text(&Keys).expect("analysis");
        assert!(a.text.starts_with("atIterate(gd_short, 3): "), "{}", a.text);
        // At a maximum of the double well (E'' < 0): no bound, no η_opt, no marks.
        let mut s = screen("doublewell");
        s.session.set_start(&[0.0]).expect("the maximum");
        s.session
            .set_enabled(&[false; METHOD_IDS.len()])
            .expect("no method on: the start");
        let a = s.analysis_text(&Keys).expect("analysis");
        assert!(a.text.starts_with("atStart: "), "{}", a.text);
        assert!(a.text.contains("(maximum). noBound."), "{}", a.text);
        assert_eq!((a.note.as_str(), a.marks.len(), a.regime), ("", 0, "not-convex"));
        // In 2-D, the bound is 2/λmax and there is no regime.
        let a = screen("rosenbrock").analysis_text(&Keys).expect("analysis");
        assert_eq!((a.marks, a.regime), (vec!["2/\u{2060}λₘₐₓ".to_owned()], ""));
    }

    #[test]
    fn the_exported_map_is_titled_with_its_landscape_eta_start_and_iteration_and_has_a_legend() {
        let mut s = screen("rosenbrock");
        s.session.step(50);
        assert_eq!(
            s.export_title(&Keys),
            "rosenbrock · η = 0.001 · exportStart (-1.2, 1) · t = 50"
        );
        let mut saddle = screen("saddle");
        assert!(saddle.export_title(&Keys).starts_with("saddle_preset · "));
        let mut typed = screen("typed1d");
        typed.session.set_function("x^4 - x^2").expect("parses");
        assert!(typed.export_title(&Keys).starts_with("typed1d: E = x^4 - x^2 · "));
        // The caption: the title, then a legend entry (line and label) per run on.
        let height = s.draw_caption(600.0, &Keys);
        let texts = &s.sketch(crate::session::screen::Layer::Export).texts;
        assert_eq!(texts[1..], ["gd_short".to_owned(), "newton_short".to_owned()]);
        assert!(height > 40.0 && height < 80.0, "{height}");
        // Eleven methods wrap onto more rows in a narrow drawing.
        saddle.session.set_enabled(&[true; METHOD_IDS.len()]).expect("all on");
        let narrow = saddle.draw_caption(300.0, &Keys);
        assert_eq!(saddle.sketch(crate::session::screen::Layer::Export).texts.len(), 12);
        assert!(narrow > 2.0 * height, "{narrow} vs {height}");
    }

    #[test]
    fn the_critical_line_counts_each_kind_and_a_constant_landscape_says_so() {
        let mut s = screen("himmelblau");
        s.sample((20, 20), 8, 200.0, 200.0).expect("sampled");
        s.find_critical(20).expect("found");
        assert_eq!(s.critical_text(&Keys), "criticalSummary(9, 4, 4, 1, 0, 0)");
        assert!(s.scale_auto_text(&Keys).starts_with("scaleAuto(scale_"));
        let mut s = screen("typed2d");
        s.session.set_function("3").expect("a constant");
        s.sample((20, 20), 8, 200.0, 200.0).expect("sampled");
        s.find_critical(10).expect("found");
        assert_eq!(s.critical_text(&Keys), "flatLandscape");
    }
}
