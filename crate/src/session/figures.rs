//! [`LabFigures`]: the lab's figures as the page last drew them (lab wasm and native only). Each
//! is the core's [`Figure`], built from a session or from what a worker measured, drawn with
//! plotters on a display list that the page paints as it paints the map.

use plotters::prelude::IntoDrawingArea;

use crate::error::Error;
use crate::explore::network::{self, Report, Setup, Titles};
use crate::explore::{cost, escape, momentum};
use crate::picture::backend::SketchBackend;
use crate::picture::figure::Figure;
use crate::picture::sketch::Sketch;
use crate::session::lab::starts_figure;
use crate::session::words::{Arg, Words};
use crate::session::Session;

/// The display list of the last figure drawn, and the last sweep with its width (for what a
/// click on it points at). Each figure takes `size = [width, height, scale]`: the canvas's CSS
/// size and its device pixels per CSS pixel (missing: 1).
#[derive(Default)]
pub struct LabFigures {
    /// The last figure, drawn.
    pub sketch: Sketch,
    /// What the last figure's note says, in the page's words.
    pub note: String,
    sweep: Option<(Figure, f64)>,
    /// The last momentum rate map with its size (for what a click on it points at).
    momentum: Option<(Figure, f64, f64)>,
    /// The network last trained, and for which setup (a new size or language redraws it).
    network: Option<(Setup, Report)>,
}

/// The narrowest a figure is drawn beside another (CSS pixels).
pub const NARROW: f64 = 280.0;

/// Rows and columns for `n` figures on a canvas `width` wide.
fn grid(width: f64, n: usize) -> (usize, usize) {
    let n = n.max(1);
    if width / n as f64 >= NARROW {
        (1, n)
    } else {
        (n, 1)
    }
}

/// `[width, height, scale]` from what the page gives (missing: 1).
fn dims(size: &[f64]) -> [f64; 3] {
    let at = |i: usize| size.get(i).copied().unwrap_or(1.0);
    [at(0), at(1), at(2)]
}

impl LabFigures {
    /// Draws `figures` side by side on a canvas of `size`.
    fn draw(&mut self, size: &[f64], figures: &[Figure]) {
        self.draw_in(size, figures, (1, figures.len().max(1)));
    }

    /// Draws `figures` on a canvas of `size` in `(rows, columns)`.
    fn draw_in(&mut self, size: &[f64], figures: &[Figure], layout: (usize, usize)) {
        let [width, height, scale] = dims(size);
        self.sketch.clear();
        let root = SketchBackend::new(&mut self.sketch, width, height, scale).into_drawing_area();
        let scale = if scale.is_finite() { scale.clamp(0.5, 4.0) } else { 1.0 };
        for (area, figure) in root.split_evenly(layout).iter().zip(figures) {
            // (Drawing on a display list cannot fail.)
            let _ = figure.draw(area, scale);
        }
    }

    /// The η sweep of `runs` (see [`Session::sweep_view`]): `count` η, at most `steps` steps
    /// each; `text`: the panels' titles, the 1-D factor's note and the note when no run
    /// converged. Returns `[first η that diverged, 2/λ_max, lo, hi]` (NaN: none).
    pub fn sweep(
        &mut self,
        size: &[f64],
        runs: &Session,
        (count, steps): (usize, usize),
        w: &dyn Words,
    ) -> Result<[f64; 4], Error> {
        let text = ["sweepSteps", "sweepValue", "sweepFactor", "sweepNoneConverged"].map(|k| w.say(&[k], &[]));
        let view = runs.sweep_view(count, steps, text.each_ref().map(String::as_str))?;
        self.draw(size, std::slice::from_ref(&view.figure));
        if runs.decimal_comma() {
            self.sketch.decimal_comma();
        }
        self.sweep = Some((view.figure, dims(size)[0]));
        self.note = sweep_note(view.first_diverging, view.bound, w);
        let none = |v: Option<f64>| v.unwrap_or(f64::NAN);
        Ok([none(view.first_diverging), none(view.bound), view.range.0, view.range.1])
    }

    /// The η under the horizontal position `x` (CSS pixels) of the last sweep drawn; NaN beside
    /// its plot or before one.
    pub fn sweep_eta_at(&self, x: f64) -> f64 {
        (self.sweep.as_ref())
            .and_then(|(f, width)| f.x_at(x, *width))
            .unwrap_or(f64::NAN)
    }

    /// Momentum analysed at `runs`' start (see [`Session::momentum_view`]): the rate map, and
    /// beside it (under it where the canvas is narrow, see [`NARROW`]) the errors split along
    /// H's eigenvectors on a quadratic. Returns the view's numbers.
    pub fn momentum(&mut self, size: &[f64], runs: &Session, steps: usize, w: &dyn Words) -> Result<[f64; 9], Error> {
        let keys = [
            "momentumEta",
            "momentumBeta",
            "momentumBest",
            "momentumNow",
            "momentumIteration",
            "momentumError",
        ];
        let labels = keys.map(|k| w.say(&[k], &[]));
        let view = runs.momentum_view(steps, labels.each_ref().map(String::as_str))?;
        let [width, height, _] = dims(size);
        let (rows, columns) = grid(width, view.figures.len());
        self.draw_in(size, &view.figures, (rows, columns));
        if runs.decimal_comma() {
            self.sketch.decimal_comma();
        }
        let cell = (width / columns as f64, height / rows as f64);
        self.momentum = view.figures.into_iter().next().map(|f| (f, cell.0, cell.1));
        self.note = momentum_note(&view.numbers, w);
        Ok(view.numbers)
    }

    /// The `[η, β]` under the position `(x, y)` (CSS pixels) of the last momentum map drawn;
    /// empty beside it or before one.
    pub fn momentum_at(&self, x: f64, y: f64) -> Vec<f64> {
        (self.momentum.as_ref())
            .and_then(|(f, w, h)| f.point_at(x, y, *w, *h))
            .map_or_else(Vec::new, |(eta, beta)| vec![eta, beta.min(momentum::BETA_MAX)])
    }

    /// Takes `wire` (`Session::network_report`, trained on a worker) as the report of `runs`'
    /// network, so that the next [`LabFigures::network`] draws it without training; false (and
    /// nothing kept) where `wire` is not a report of that network's size and methods.
    pub fn adopt_network(&mut self, runs: &Session, wire: &[f64]) -> bool {
        let setup = runs.network();
        let fits = |r: &Report| {
            r.weights == setup.training().dimension()
                && r.runs.iter().map(|run| run.id).eq(setup.methods.iter().copied())
                && r.runs.get(r.shown).is_some_and(|run| run.id == setup.shown)
        };
        match Report::from_wire(wire).filter(fits) {
            Some(report) => {
                self.network = Some((setup.clone(), report));
                true
            }
            None => false,
        }
    }

    /// The network panel: `runs`' network trained by each of its methods ([`network::train`]),
    /// its answer over the input plane, `E` along every run and the Hessian's spectrum along the
    /// run shown, side by side (stacked where the canvas is narrow). Returns `[N, steps of the run
    /// shown, its E, λ_max and negative eigenvalues at its last iterate]` (NaN: no spectrum).
    pub fn network(&mut self, size: &[f64], runs: &Session, w: &dyn Words) -> Result<[f64; 5], Error> {
        let setup = runs.network();
        let report = match self.network.take() {
            Some((trained, report)) if &trained == setup => report,
            _ => network::train(setup)?,
        };
        let keys = [
            "netX1",
            "netX2",
            "netIteration",
            "netLoss",
            "netEigenvalues",
            "netNegative",
        ];
        let t = keys.map(|k| w.say(&[k], &[]));
        let titles = Titles {
            inputs: [&t[0], &t[1]],
            iteration: &t[2],
            loss: &t[3],
            eigenvalues: &t[4],
            negative: &t[5],
        };
        let figures = network::figures(setup, &report, &titles);
        // (Side by side on a wide, low canvas; else stacked.)
        let [width, height, _] = dims(size);
        let layout = if width / 3.0 >= NARROW && width >= 1.5 * height {
            (1, 3)
        } else {
            (3, 1)
        };
        self.draw_in(size, &figures, layout);
        if runs.decimal_comma() {
            self.sketch.decimal_comma();
        }
        self.note = network_note(setup, &report, w);
        let shown = &report.runs[report.shown];
        let last = report.spectra.last().map(|(_, v)| v.as_slice()).unwrap_or(&[]);
        let numbers = [
            report.weights as f64,
            (shown.values.len() - 1) as f64,
            shown.values.last().copied().unwrap_or(f64::NAN),
            last.last().copied().unwrap_or(f64::NAN),
            if last.is_empty() {
                f64::NAN
            } else {
                network::negative(last) as f64
            },
        ];
        self.network = Some((setup.clone(), report));
        Ok(numbers)
    }

    /// Saddle escape from [`escape::curves`]' rows, flat; `title` names the steps.
    pub fn escape(&mut self, size: &[f64], curves: &[f64], title: &str) {
        let rows: Vec<[f64; 3]> = curves.chunks_exact(3).map(|r| [r[0], r[1], r[2]]).collect();
        self.draw(size, &escape::figures(&rows, title));
    }

    /// What Newton costs from the rows measured (see [`cost::figure_of`]).
    pub fn cost(&mut self, size: &[f64], rows: &[f64], (from, max): (f64, f64), spanish: bool, w: &dyn Words) {
        let notes = cost_legend(rows, from, spanish, w);
        self.draw(
            size,
            &[cost::figure_of(rows, from, max, notes.each_ref().map(String::as_str))],
        );
    }

    /// The random starts' histogram from the wire (see [`starts_figure`]).
    pub fn histogram(&mut self, size: &[f64], histogram: &[f64], labels: &[String], title: &str) {
        self.draw(size, &[starts_figure(histogram, labels, title)]);
    }
}

/// The network panel's note: `N`; how the run shown went and, at its last iterate, `λ_max`
/// against `η` and how many eigenvalues are negative (a saddle's index); where the other runs
/// ended.
fn network_note(setup: &Setup, report: &Report, w: &dyn Words) -> String {
    let name = |id: &str| w.say(&[id], &[]);
    let shown = &report.runs[report.shown];
    let last = shown.values.len() - 1;
    let e = |run: &network::Run| w.number(run.values.last().copied().unwrap_or(f64::NAN));
    let mut parts = vec![
        w.say(&["netWeights"], &[Arg::Count(report.weights)]),
        w.say(
            &["netRun"],
            &[
                Arg::Text(name(shown.id)),
                Arg::Count(last),
                Arg::Text(name(shown.status.name())),
                Arg::Text(e(shown)),
            ],
        ),
    ];
    // (The spectrum at the run's last iterate only: where it ended, its Hessian was finite.)
    if let Some((_, values)) = report.spectra.last().filter(|(t, _)| *t == last) {
        // (A minimum, a saddle or a maximum only where the run converged; elsewhere what the
        // curvature alone says, with ‖∇E‖; GD's bound only at a minimum, where it means one.)
        let gradient = Arg::Text(w.number(shown.gradients.last().copied().unwrap_or(f64::NAN)));
        let converged = shown.status == crate::method::Status::Converged;
        let n = report.weights;
        parts.push(match (network::negative(values), converged) {
            (0, true) => {
                let (top, eta) = (values.last().copied().unwrap_or(f64::NAN), setup.hyper.eta);
                let numbers = [top, 2.0 / top, eta].map(|v| Arg::Text(w.number(v)));
                let key = if eta < 2.0 / top { "netStable" } else { "netUnstable" };
                [w.say(&["netMinimum"], &[]), w.say(&[key], &numbers)].join(" ")
            }
            (0, false) => w.say(&["netCurvesUp"], &[gradient]),
            (k, true) if k == n => w.say(&["netMaximum"], &[]),
            (k, true) => w.say(&["netSaddle"], &[Arg::Count(k), Arg::Count(n)]),
            (k, false) => w.say(&["netCurvesDown"], &[Arg::Count(k), Arg::Count(n), gradient]),
        });
    }
    let others: Vec<String> = (report.runs.iter().enumerate())
        .filter(|(k, _)| *k != report.shown)
        .map(|(_, r)| {
            w.say(
                &["netEnd"],
                &[Arg::Text(name(r.id)), Arg::Text(e(r)), Arg::Text(name(r.status.name()))],
            )
        })
        .collect();
    if !others.is_empty() {
        parts.push(w.say(&["netEnds"], &[Arg::Text(others.join("; "))]));
    }
    parts.join(" ")
}

/// The lines under the network's many starts, from their tallies (`explore::network::many_wire`:
/// per method `[index, minima, saddles, crawling, moving, stopped, runs, at the lowest E]`) and
/// the lowest `E` any run reached: that `E`, then per method how many runs reached it and what
/// the runs reached (the kinds no run reached left out).
pub fn network_starts_lines(tallies: &[f64], lowest: f64, w: &dyn Words) -> Vec<String> {
    const KINDS: [&str; 5] = [
        "netReachedMinimum",
        "netReachedSaddle",
        "netReachedCrawling",
        "netReachedMoving",
        "netReachedStopped",
    ];
    let count = |v: f64| if v >= 0.0 && v.is_finite() { v as usize } else { 0 };
    let mut lines = vec![w.say(&["netStartsLowest"], &[Arg::Text(w.number(lowest))])];
    for row in tallies.chunks_exact(3 + KINDS.len()) {
        let id = network::method_at(count(row[0])).unwrap_or("gd");
        let reached: Vec<String> = (KINDS.iter().zip(&row[1..]))
            .filter(|(_, &n)| count(n) > 0)
            .map(|(key, &n)| w.say(&[key], &[Arg::Count(count(n))]))
            .collect();
        let [runs, at_lowest] = [row[6], row[7]].map(|v| Arg::Count(count(v)));
        lines.push(w.say(
            &["netStartsMethod"],
            &[
                Arg::Text(w.say(&[id, "_short"], &[])),
                at_lowest,
                runs,
                Arg::Text(reached.join(", ")),
            ],
        ));
    }
    lines
}

/// The line of the network's step times (`Session::network_step_times`' wire: `[N, then per
/// method its index and its seconds]`): each method's time per step at this `N`, in the unit
/// that reads best, "—" where it could not be timed.
pub fn network_times_line(wire: &[f64], spanish: bool, w: &dyn Words) -> String {
    let n = wire
        .first()
        .copied()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .unwrap_or(0.0) as usize;
    let times: Vec<String> = (wire.get(1..).unwrap_or(&[]).chunks_exact(2))
        .map(|r| {
            let id = network::method_at(r[0].max(0.0) as usize).unwrap_or("gd");
            let t = if r[1].is_finite() && r[1] > 0.0 {
                crate::picture::units::duration(r[1], spanish)
            } else {
                "—".to_owned()
            };
            w.say(&["netTime"], &[Arg::Text(w.say(&[id, "_short"], &[])), Arg::Text(t)])
        })
        .collect();
    let line = w.say(&["netTimes"], &[Arg::Count(n), Arg::Text(times.join(", "))]);
    // (SGD's step is timed as the panel runs it: with E and ∇E on every point after it.)
    let sgd = (wire.get(1..).unwrap_or(&[]).chunks_exact(2))
        .any(|r| network::method_at(r[0].max(0.0) as usize).is_some_and(|id| network::SGD_IDS.contains(&id)));
    if sgd {
        [line, w.say(&["netTimesSgd"], &[])].join(" ")
    } else {
        line
    }
}

/// The sweep's note: the first η that diverged (and `2/λ_max` at the start), or that none did;
/// where the start has no `2/λ_max`, what range the sweep covers instead.
fn sweep_note(first: Option<f64>, bound: Option<f64>, w: &dyn Words) -> String {
    let number = |v: Option<f64>| v.map_or(String::new(), |v| w.number(v));
    let mut note = match first {
        Some(t) => w.say(&["sweepFound"], &[Arg::Text(w.number(t)), Arg::Text(number(bound))]),
        None => w.say(&["sweepNone"], &[]),
    };
    if bound.is_none() {
        note = [note, w.say(&["sweepNoBound"], &[])].join(" ");
    }
    note
}

/// Momentum's note from `MomentumView::numbers` (`[rate, GD's rate, η*, β*, best rate, GD's
/// best, quadratic, λ_min, λ_max]`): the rate now, against GD's; the optimum where the Hessian is
/// positive definite; that the map is the quadratic model's off a quadratic.
fn momentum_note(n: &[f64; 9], w: &dyn Words) -> String {
    let [rate, gd_rate, eta, beta, best, gd_best, quadratic, low, high] = *n;
    let say = |key: &str, args: &[f64]| {
        let args: Vec<Arg> = args.iter().map(|&v| Arg::Text(w.number(v))).collect();
        w.say(&[key], &args)
    };
    let mut parts = vec![say(
        if rate < 1.0 { "momentumRate" } else { "momentumDiverges" },
        &[rate, gd_rate],
    )];
    if eta.is_finite() {
        parts.push(say("momentumOptimum", &[eta, beta, best, gd_best, high / low]));
    } else {
        let range = [w.number(low), w.number(high)].join("; ");
        parts.push(w.say(&["momentumNoOptimum"], &[Arg::Text(range)]));
    }
    if quadratic == 0.0 {
        parts.push(w.say(&["momentumModel"], &[]));
    }
    parts.join(" ")
}

/// A fitted slope with two decimals (the language's separator), or – where none was fitted.
fn slope(fit: Option<(f64, f64)>, spanish: bool) -> String {
    let text = fit.map_or("–".to_owned(), |(s, _)| format!("{s:.2}"));
    if spanish {
        text.replace('.', ",")
    } else {
        text
    }
}

/// The fitted slopes of what Newton costs from the measured `rows` (`cost::row`'s, on the
/// wire), fitted over `N ≥ from`: GD's, Newton's, then BFGS's, L-BFGS's and CG's.
fn cost_slopes(rows: &[f64], from: f64, spanish: bool) -> [String; 5] {
    let table = cost::rows_of(rows);
    let [gd, newton, _] = cost::summary(&table, from, 1_000_000);
    let [b, l, c] = cost::quasi_fits(&table, from);
    [gd, newton, b, l, c].map(|f| slope(f, spanish))
}

/// The cost figure's legend: each step with its fitted slope.
fn cost_legend(rows: &[f64], from: f64, spanish: bool, w: &dyn Words) -> [String; 5] {
    let s = cost_slopes(rows, from, spanish);
    let step = |id: &str, k: usize| {
        w.say(
            &["newtonCostStep"],
            &[Arg::Text(w.say(&[id, "_short"], &[])), Arg::Text(s[k].clone())],
        )
    };
    [
        w.say(&["newtonCostGd"], &[Arg::Text(s[0].clone())]),
        w.say(&["newtonCostNewton"], &[Arg::Text(s[1].clone())]),
        step("bfgs", 2),
        step("lbfgs", 3),
        step("cg", 4),
    ]
}

/// The note under what Newton costs: while measuring, how many of `total` sizes are done; then
/// the fitted slopes and Newton's one step at every N (the largest ‖∇E‖ after it), what replaces
/// Newton, and one Newton step at 10⁶ weights scaled by N³.
pub fn cost_note(rows: &[f64], from: f64, total: usize, spanish: bool, w: &dyn Words) -> String {
    let measured = rows.len() / cost::ROW_LEN;
    if measured < total {
        return w.say(&["newtonCostRunning"], &[Arg::Count(measured), Arg::Count(total)]);
    }
    let s = cost_slopes(rows, from, spanish).map(Arg::Text);
    let residual = cost::rows_of(rows)
        .iter()
        .map(|r| r[4])
        .fold(f64::NEG_INFINITY, f64::max);
    let cells = cost::cells(rows, from, spanish);
    let far: Vec<Arg> = cells[cost::COLUMNS * measured..]
        .iter()
        .cloned()
        .map(Arg::Text)
        .collect();
    [
        w.say(
            &["newtonCostSlopes"],
            &[s[0].clone(), s[1].clone(), Arg::Text(w.number(residual))],
        ),
        w.say(&["newtonCostQuasi"], &s[2..]),
        w.say(&["newtonCostFar"], &far),
    ]
    .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::catalog::METHOD_IDS;
    use crate::numbers::RustNumbers;
    use crate::session::words::Keys;

    /// Rows as a worker measures them: GD ∝ N², Newton ∝ N³, BFGS, L-BFGS and CG ∝ N².
    fn cost_rows() -> Vec<f64> {
        [50.0, 100.0, 200.0, 400.0]
            .iter()
            .flat_map(|&n: &f64| {
                [
                    n,
                    1e-9 * n * n,
                    1e-10 * n.powi(3),
                    8.0 * n * n,
                    1e-12,
                    2e-9 * n * n,
                    1.5e-9 * n * n,
                    1e-9 * n * n,
                ]
            })
            .collect()
    }

    #[test]
    fn what_newton_costs_is_noted_with_its_fitted_slopes_in_either_language() {
        let rows = cost_rows();
        assert_eq!(cost_note(&rows, 50.0, 10, false, &Keys), "newtonCostRunning(4, 10)");
        let note = cost_note(&rows, 50.0, 4, false, &Keys);
        assert!(
            note.starts_with(
                "newtonCostSlopes(2.00, 3.00, 0.000000000001) newtonCostQuasi(2.00, 2.00, 2.00) newtonCostFar("
            ),
            "{note}"
        );
        assert!(cost_note(&rows, 50.0, 4, true, &Keys).starts_with("newtonCostSlopes(2,00, 3,00, "));
        let legend = cost_legend(&rows, 50.0, false, &Keys);
        assert_eq!(legend[1], "newtonCostNewton(3.00)");
        assert_eq!(legend[3], "newtonCostStep(lbfgs_short, 2.00)");
        // Too few sizes to fit: no slope, said as –.
        assert_eq!(cost_legend(&rows[..8], 50.0, false, &Keys)[0], "newtonCostGd(–)");
    }

    #[test]
    fn a_sweep_drawn_points_back_at_its_eta() {
        let s = Session::new("quadratic1d", &RustNumbers).expect("ok");
        let mut f = LabFigures::default();
        assert!(f.sweep_eta_at(100.0).is_nan(), "no sweep yet");
        let [first, bound, lo, hi] = f.sweep(&[600.0, 300.0, 1.0], &s, (40, 200), &Keys).expect("ok");
        assert_eq!(f.note, format!("sweepFound({first}, {bound})"));
        assert!(!f.sketch.ops.is_empty());
        // On a·x²/2 GD diverges for η > 2/a: the first η that diverges is just above the bound.
        assert!(first > bound && first < 1.3 * bound, "{first} {bound}");
        let mid = f.sweep_eta_at(300.0);
        assert!(mid > lo && mid < hi, "{mid}");
    }

    #[test]
    fn momentum_on_a_quadratic_and_elsewhere() {
        let mut s = Session::new("quadratic2d", &RustNumbers).expect("ok");
        s.apply_link("l=quadratic2d&p=1,25,30&s=-4,3&eta=0.05&beta=0.5&m=gd,momentum");
        let mut f = LabFigures::default();
        assert!(f.momentum_at(10.0, 10.0).is_empty(), "no map yet");
        let n = f.momentum(&[800.0, 300.0, 1.0], &s, 300, &Keys).expect("ok");
        assert!(
            f.note.starts_with("momentumRate(") && f.note.contains(" momentumOptimum("),
            "{}",
            f.note
        );
        assert_eq!(n[6], 1.0, "a positive-definite quadratic: the split is drawn");
        assert!((n[7] - 1.0).abs() < 1e-9 && (n[8] - 25.0).abs() < 1e-9, "{n:?}");
        assert!((n[1] - 0.95).abs() < 1e-9, "GD at η = 0.05: max |1 − 0.05 λ| = 0.95");
        assert!(n[0] < n[1], "β = 0.5 is faster than GD here: {} vs {}", n[0], n[1]);
        assert!((n[4] - 4.0 / 6.0).abs() < 1e-12, "(√25 − 1)/(√25 + 1)");
        assert!(f.sketch.texts.iter().any(|t| t == "momentumError"));
        // The left half is the map: its middle is some (η, β) inside it.
        let at = f.momentum_at(200.0, 150.0);
        assert_eq!(at.len(), 2);
        assert!(at[0] > 0.0 && (0.0..1.0).contains(&at[1]), "{at:?}");
        assert!(f.momentum_at(600.0, 150.0).is_empty(), "the right half is the split");
        // Not a quadratic: the map of its model at the start alone (the whole width).
        let h = Session::new("himmelblau", &RustNumbers).expect("ok");
        let n = f.momentum(&[800.0, 300.0, 1.0], &h, 300, &Keys).expect("ok");
        assert_eq!(n[6], 0.0);
        assert!(!f.sketch.texts.iter().any(|t| t == "momentumError"));
        assert!(f.note.ends_with(" momentumModel"), "{}", f.note);
        assert_eq!(f.momentum_at(600.0, 150.0).len(), 2);
        assert!(
            f.sketch.texts.iter().any(|t| t == "0.2"),
            "β's ticks: {:?}",
            f.sketch.texts
        );
        // In Spanish the ticks have a decimal comma.
        let mut es = Session::new("himmelblau", &RustNumbers).expect("ok");
        es.set_lang("es").expect("a language");
        f.momentum(&[800.0, 300.0, 1.0], &es, 300, &Keys).expect("ok");
        assert!(f.sketch.texts.iter().any(|t| t == "0,2"), "{:?}", f.sketch.texts);
        // In a narrow panel the two figures stack: the map is the top half.
        f.momentum(&[320.0, 600.0, 1.0], &s, 300, &Keys).expect("ok");
        assert_eq!(f.momentum_at(160.0, 150.0).len(), 2);
        assert!(f.momentum_at(160.0, 450.0).is_empty());
    }

    #[test]
    fn the_network_panel_draws_its_three_figures_and_says_what_the_run_shown_reached() {
        let mut s = Session::new("himmelblau", &RustNumbers).expect("ok");
        let mut f = LabFigures::default();
        let n = f.network(&[1200.0, 360.0, 1.0], &s, &Keys).expect("trains");
        // XOR from small weights: Newton ends beside the saddle at E = 1/4, several of the 13
        // eigenvalues negative, and the note says so.
        assert_eq!(n[0], 13.0);
        assert!((n[2] - 0.25).abs() < 1e-6 && n[4] >= 1.0, "{n:?}");
        assert!(f.note.starts_with("netWeights(13) netRun(newton, "), "{}", f.note);
        // (Newton stops where the Hessian turns singular, beside the saddle: not converged.)
        assert!(f.note.contains(&format!("netCurvesDown({}, 13, ", n[4])), "{}", f.note);
        assert!(f.note.contains("netEnds(netEnd(gd, "), "{}", f.note);
        for title in ["netX1", "netLoss", "netEigenvalues", "netNegative"] {
            assert!(
                f.sketch.texts.iter().any(|t| t == title),
                "{title}: {:?}",
                f.sketch.texts
            );
        }
        // Damped Newton converges to the saddle: a saddle, of index 3.
        s.set_network("m", "damped-newton").expect("a method");
        f.network(&[1200.0, 360.0, 1.0], &s, &Keys).expect("trains");
        assert!(f.note.ends_with(" netSaddle(3, 13)"), "{}", f.note);
        assert!(!f.note.contains("netStable"), "no bound at a saddle: {}", f.note);
        s.set_network("m", "gd,newton,momentum").expect("methods");
        // A wider network from a larger start, in Spanish: its N, decimal commas.
        s.set_network("h", "4,3").expect("two layers");
        s.set_network("scale", "0,8").expect("a decimal comma");
        s.set_network("m", "gd").expect("one method");
        assert_eq!(s.network_fields()[6], "0.8");
        s.set_lang("es").expect("a language");
        assert_eq!(s.network_fields()[6], "0,8");
        let n = f.network(&[320.0, 900.0, 1.0], &s, &Keys).expect("trains");
        assert_eq!(n[0], 31.0);
        assert!(f.sketch.texts.iter().any(|t| t.contains(',')), "{:?}", f.sketch.texts);
        assert!(!f.note.contains("netEnds"), "one run: no others: {}", f.note);
        assert!(s.set_network("h", "9").is_err());
        assert_eq!(s.network().hidden, vec![4, 3], "a bad field changes nothing");
        // The setup travels in the session's link.
        let link = s.link(false);
        assert!(
            link.contains("net=xor_h4.3_tanh_mse_noise0.05_pts40_scale0.8_"),
            "{link}"
        );
        let mut t = Session::new("rosenbrock", &RustNumbers).expect("ok");
        assert!(t.apply_link(&link).ignored.is_empty());
        assert_eq!(t.network(), s.network());
        let bad = t.apply_link("l=himmelblau&net=square");
        assert_eq!(bad.ignored.len(), 1, "{:?}", bad.ignored);
    }

    #[test]
    fn many_starts_of_the_network_are_tallied_and_noted() {
        let mut s = Session::new("himmelblau", &RustNumbers).expect("ok");
        s.set_network("m", "gd,damped-newton").expect("methods");
        s.set_network("steps", "1000").expect("steps");
        let [histogram, tallies] = s.network_starts(20, 24).expect("runs");
        assert_eq!(tallies.len(), 16);
        for row in tallies.chunks_exact(8) {
            // Every run is one of the five kinds, and counted once.
            assert_eq!(row[1..6].iter().sum::<f64>(), 20.0, "{row:?}");
            assert_eq!(row[6], 20.0);
            assert!(row[7] <= 20.0, "{row:?}");
        }
        // E* is the lowest E of any run: some run of some method is there.
        assert!(tallies[7] + tallies[15] >= 1.0, "{tallies:?}");
        // GD on XOR from small weights after 1000 steps: still descending, never stopped.
        assert_eq!(tallies[0], 0.0, "GD's index in METHOD_IDS");
        assert_eq!(tallies[5], 0.0, "GD never stops: {tallies:?}");
        // From small weights damped Newton converges to a saddle from some starts (7 of these
        // 20), to a minimum from others: where it ends depends on the start.
        let damped = &tallies[8..];
        assert_eq!(damped[0], 3.0, "damped Newton's index in METHOD_IDS");
        assert!(
            damped[2] >= 1.0 && damped[1] >= 1.0,
            "a saddle and a minimum: {damped:?}"
        );
        let lines = network_starts_lines(&tallies, histogram[0], &Keys);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[0].starts_with("netStartsLowest("), "{lines:?}");
        assert!(
            lines[2].starts_with("netStartsMethod(damped-newton_short, "),
            "{lines:?}"
        );
        assert!(lines[2].contains("netReachedSaddle("), "{lines:?}");
        // (Kinds no run reached are left out.)
        assert!(!lines[1].contains("netReachedStopped"), "{lines:?}");
        let mut f = LabFigures::default();
        f.histogram(
            &[400.0, 300.0, 1.0],
            &histogram,
            &METHOD_IDS.map(String::from),
            "E − E*",
        );
        assert!(
            f.sketch.texts.iter().any(|t| t == "damped-newton"),
            "{:?}",
            f.sketch.texts
        );
        assert!(s.network_starts(0, 24).is_err() && s.network_starts(201, 24).is_err());
        // Ragged tallies are noted as far as they go, never a panic.
        assert_eq!(network_starts_lines(&[1.0, 2.0], 0.5, &Keys), ["netStartsLowest(0.5)"]);
    }

    #[test]
    fn a_network_trained_elsewhere_is_drawn_as_if_trained_here() {
        let mut s = Session::new("himmelblau", &RustNumbers).expect("ok");
        s.set_network("steps", "60").expect("steps");
        let wire = s.network_report().expect("trained");
        let size = [600.0, 300.0, 1.0];
        let mut here = LabFigures::default();
        let numbers = here.network(&size, &s, &Keys).expect("drawn");
        let mut there = LabFigures::default();
        assert!(there.adopt_network(&s, &wire));
        assert_eq!(there.network(&size, &s, &Keys).expect("drawn"), numbers);
        assert_eq!(there.sketch, here.sketch);
        assert_eq!(there.note, here.note);
        // Another network's report, or numbers that are no report, are not adopted.
        let mut other = Session::new("himmelblau", &RustNumbers).expect("ok");
        other.set_network("h", "4").expect("units");
        assert!(!LabFigures::default().adopt_network(&other, &wire));
        assert!(!LabFigures::default().adopt_network(&s, &wire[..wire.len() - 1]));
    }

    #[test]
    fn the_network_s_steps_are_timed_per_method_and_said_in_units() {
        let mut s = Session::new("himmelblau", &RustNumbers).expect("ok");
        s.set_network("m", "gd,newton").expect("methods");
        // A clock that moves 20 ms per reading: every batch of one step "takes" 20 ms, whatever
        // the step does; what is checked is the bookkeeping, not a speed.
        let mut t = 0.0;
        let mut clock = || {
            t += 0.02;
            t
        };
        let wire = s.network_step_times(&mut clock).expect("timed");
        assert_eq!(wire.len(), 5, "{wire:?}");
        assert_eq!(wire[0], 13.0, "N of the default 2-3-1 network");
        assert_eq!([wire[1], wire[3]], [0.0, 2.0], "GD's and Newton's indices");
        assert!(wire[2] > 0.0 && wire[4] > 0.0, "{wire:?}");
        let line = network_times_line(&wire, false, &Keys);
        assert!(line.starts_with("netTimes(13, netTime(gd_short, "), "{line}");
        assert!(line.contains("netTime(gd_short, 20 ms)"), "{line}");
        // A step that could not be timed (NaN) is said as such, never a panic.
        let line = network_times_line(&[13.0, 0.0, f64::NAN, 2.0, 3e-4], true, &Keys);
        assert_eq!(
            line,
            "netTimes(13, netTime(gd_short, —), netTime(newton_short, 300 µs))"
        );
        assert_eq!(network_times_line(&[], false, &Keys), "netTimes(0, )");
        // SGD's time says what it includes.
        let sgd = crate::explore::network::method_index("sgd") as f64;
        let line = network_times_line(&[13.0, sgd, 1e-5], false, &Keys);
        assert_eq!(line, "netTimes(13, netTime(sgd_short, 10 µs)) netTimesSgd");
    }

    #[test]
    fn figures_from_the_wire_draw_and_survive_ragged_input() {
        let mut f = LabFigures::default();
        f.histogram(
            &[400.0, 300.0],
            &[0.0, -12.0, 2.0, 2.0, 0.0, 3.0, 0.0, 0.0, 4.0, 3.0, 1.0],
            &["GD".into()],
            "E − E*",
        );
        assert!(f.sketch.texts.iter().any(|t| t == "GD"), "{:?}", f.sketch.texts);
        f.histogram(&[400.0, 300.0], &[1.0], &[], "E − E*");
        f.cost(
            &[400.0, 300.0],
            &[
                2.0, 1e-7, 2e-7, 32.0, 0.0, 3e-7, 2e-7, 1e-7, 50.0, 1e-6, 1e-4, 2e4, 0.0, 3e-6, 2e-6, 1e-6, 1.0,
            ],
            (2.0, 100.0),
            false,
            &Keys,
        );
        assert!(!f.sketch.ops.is_empty());
        assert!(
            f.sketch
                .texts
                .iter()
                .any(|t| t.starts_with("newtonCostStep(cg_short, ")),
            "{:?}",
            f.sketch.texts
        );
        f.escape(&[400.0, 300.0], &[1e-3, 10.0, 9.0, 1e-6, 20.0, 19.0, 7.0], "steps");
        assert!(!f.sketch.ops.is_empty());
    }
}
