//! [`BasinMaps`]: the two basin maps the page shows (lab wasm and native only) — GD at the
//! session's `η`, and Newton or one of its variants — as jobs of row chunks that the lab's
//! workers compute, coloured here as they arrive.
//!
//! The maps follow the landscape, the view and `η`. A new landscape or view drops a job at once
//! (its late rows are ignored); a new `η` while a map computes waits for it to finish and then
//! starts from the latest `η`, so while `η` is dragged, maps complete one after another instead of
//! each new value cancelling the last. Newton's map does not depend on `η`: when only `η` changed,
//! only GD's is computed again.
//!
//! Each map is computed coarse first ([`COARSE`] starts a side: at once, and at every `η` while it
//! is dragged), then fine ([`FINE`]) once nothing has moved while the coarse map computed: the
//! fine job starts from the coarse map enlarged, so the picture is never blank, and any change
//! drops a fine job for a coarse one.

use crate::analysis::hessian::CriticalKind;
use crate::picture::basin_colours;
use crate::session::report::CriticalReport;
use crate::session::Session;

/// Starts per side of a coarse map…
pub const COARSE: usize = 256;
/// …and of the fine one that follows.
pub const FINE: usize = 512;
/// Steps per start.
pub const STEPS: usize = 100;
/// Rows per chunk a worker computes.
pub const CHUNK: usize = 16;

/// GD's map and the Newton variant's, by index.
const GD: usize = 0;
const NEWTON: usize = 1;

/// What a job asks the workers for: its number, then per map `(map, method, parameter)` (the
/// method and parameter as `basinRows` takes them), the critical points (`[x₀, y₀, …]`) the
/// labels index, and whether the critical points (and so the legend) are new.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The job's number (replies carry it).
    pub id: u32,
    /// `(map index, method, parameter)` per map to compute.
    pub maps: Vec<(usize, &'static str, f64)>,
    /// The critical points' coordinates, two each.
    pub critical: Vec<f64>,
    /// Whether the critical points changed (the legend follows them).
    pub fresh: bool,
    /// Starts per side ([`COARSE`] or [`FINE`]).
    pub size: usize,
}

/// What became of rows a worker sent back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// Rows of an older job, or out of the map: ignored.
    Stale,
    /// Coloured in; the job goes on.
    Progress,
    /// The job is complete.
    Done,
    /// The job is complete and `η` moved meanwhile: ask for the next job now.
    DoneAndAgain,
    /// The coarse maps are complete and nothing moved: ask for the fine ones now.
    Refine,
}

impl Arrival {
    /// The code on the wire.
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// The maps, their job and their pixels.
#[derive(Debug, Clone)]
pub struct BasinMaps {
    /// What the maps were last asked for: the landscape's key, then `η`.
    asked: (String, f64),
    /// The landscape's key of the current job.
    landscape: String,
    /// The landscape's key whose Newton map is complete.
    newton_for: Option<String>,
    /// `η` moved while the current job computes.
    pending: bool,
    id: u32,
    /// Rows still to come, per map, and rows in all.
    missing: [usize; 2],
    total: usize,
    /// Starts per side of the current job, and of each map's image.
    size: usize,
    sizes: [usize; 2],
    /// The coarse job is complete and nothing moved: the fine one is due.
    refine: bool,
    /// Whether each map's fine rows have all come (else its image is coarse, or enlarged).
    fine: [bool; 2],
    /// The Newton variant's method and parameter, as last planned.
    newton_method: (&'static str, f64),
    /// The critical points the labels index, and each label's pixel word.
    points: Vec<CriticalReport>,
    words: Vec<u32>,
    /// RGBA pixels, room for `FINE × FINE` each.
    images: [Vec<u8>; 2],
    dirty: [bool; 2],
}

impl Default for BasinMaps {
    fn default() -> Self {
        BasinMaps {
            asked: (String::new(), f64::NAN),
            landscape: String::new(),
            newton_for: None,
            pending: false,
            id: 0,
            missing: [0; 2],
            total: 0,
            size: COARSE,
            sizes: [COARSE; 2],
            refine: false,
            fine: [false; 2],
            newton_method: ("newton", f64::NAN),
            points: Vec::new(),
            words: basin_colours::label_words(&[]),
            images: [vec![0; 4 * FINE * FINE], vec![0; 4 * FINE * FINE]],
            dirty: [false; 2],
        }
    }
}

impl BasinMaps {
    /// The job the maps need for `session` (a 2-D one whose critical points in view are
    /// `critical`) with the Newton variant `variant` (`newton`, `damped-newton`, `lm`,
    /// `saddle-free`, or what replaces Newton: `bfgs`, `lbfgs`, `cg`), or `None` when they are up
    /// to date or wait for the job computing.
    pub fn update(&mut self, session: &Session, variant: &str, critical: &[CriticalReport]) -> Option<Plan> {
        let hyper = session.hyper();
        let variant = match variant {
            "damped-newton" => "damped-newton",
            "lm" => "lm",
            "saddle-free" => "saddle-free",
            "bfgs" => "bfgs",
            "lbfgs" => "lbfgs",
            "cg" => "cg",
            _ => "newton",
        };
        // The variant and its parameter (μ for Levenberg–Marquardt, m for L-BFGS) belong to the
        // landscape's key.
        let param = match variant {
            "lm" => hyper.mu,
            "lbfgs" => hyper.memory as f64,
            _ => f64::NAN,
        };
        let shown = if param.is_nan() {
            String::new()
        } else {
            session.numbers.format(param)
        };
        let view = session.view().map(|v| session.numbers.format(v)).join(",");
        let landscape = format!("{}|{view}|{variant}|{shown}", session.landscape_link());
        if (landscape.as_str(), hyper.eta) == (self.asked.0.as_str(), self.asked.1) {
            return self.refine.then(|| self.refined());
        }
        self.asked = (landscape.clone(), hyper.eta);
        self.refine = false;
        // (A fine job gives way to the coarse one at once; a coarse one finishes first.)
        if self.busy() && landscape == self.landscape && self.size == COARSE {
            self.pending = true;
            return None;
        }
        self.pending = false;
        let eta_only = self.newton_for.as_deref() == Some(landscape.as_str());
        let fresh = !eta_only;
        if fresh {
            self.points = critical.to_vec();
            let kinds: Vec<CriticalKind> = self.points.iter().map(|c| c.kind).collect();
            self.words = basin_colours::label_words(&kinds);
            self.newton_for = None;
        }
        self.landscape = landscape;
        self.id += 1;
        let mut maps = vec![(GD, "gd", hyper.eta)];
        self.newton_method = (variant, if param.is_nan() { hyper.mu } else { param });
        if fresh {
            maps.push((NEWTON, self.newton_method.0, self.newton_method.1));
        }
        self.size = COARSE;
        self.missing = [COARSE, if fresh { COARSE } else { 0 }];
        self.total = COARSE * maps.len();
        for &(map, ..) in &maps {
            if self.sizes[map] == FINE {
                // (Its fine picture, shrunk, shows until the coarse rows come.)
                shrink(&mut self.images[map]);
                self.dirty[map] = true;
            }
            (self.sizes[map], self.fine[map]) = (COARSE, false);
        }
        Some(Plan {
            id: self.id,
            maps,
            critical: self.points.iter().flat_map(|c| [c.x, c.y]).collect(),
            fresh,
            size: COARSE,
        })
    }

    /// The fine job for what the coarse one computed: the maps still coarse, each image enlarged
    /// to the fine size until its rows come.
    fn refined(&mut self) -> Plan {
        self.refine = false;
        let hyper_eta = self.asked.1;
        let (variant, param) = self.newton_method;
        let mut maps = Vec::new();
        for map in [GD, NEWTON] {
            if self.fine[map] {
                continue;
            }
            if self.sizes[map] == COARSE {
                enlarge(&mut self.images[map]);
                self.sizes[map] = FINE;
                self.dirty[map] = true;
            }
            maps.push(if map == GD {
                (GD, "gd", hyper_eta)
            } else {
                (NEWTON, variant, param)
            });
        }
        self.id += 1;
        self.size = FINE;
        self.missing = [GD, NEWTON].map(|m| if maps.iter().any(|p| p.0 == m) { FINE } else { 0 });
        self.total = FINE * maps.len();
        Plan {
            id: self.id,
            maps,
            critical: self.points.iter().flat_map(|c| [c.x, c.y]).collect(),
            fresh: false,
            size: FINE,
        }
    }

    /// Whether a job still computes.
    pub fn busy(&self) -> bool {
        self.missing.iter().any(|&m| m > 0)
    }

    /// Labels of map `map` from row `row0` (as `basinRows` computed them for job `id`),
    /// coloured into its image.
    pub fn arrive(&mut self, id: u32, map: usize, row0: usize, labels: &[u8]) -> Arrival {
        let size = self.size;
        let rows = labels.len() / size;
        if id != self.id || map > NEWTON || row0 + rows > size || self.missing[map] < rows {
            return Arrival::Stale;
        }
        let image = &mut self.images[map][4 * row0 * size..4 * (row0 + rows) * size];
        for (pixel, &label) in image.chunks_exact_mut(4).zip(labels) {
            pixel.copy_from_slice(&self.words[usize::from(label)].to_le_bytes());
        }
        self.dirty[map] = true;
        self.missing[map] -= rows;
        if self.missing[map] == 0 && size == FINE {
            self.fine[map] = true;
        }
        if map == NEWTON && self.missing[NEWTON] == 0 {
            self.newton_for = Some(self.landscape.clone());
        }
        match (self.busy(), self.pending) {
            (true, _) => Arrival::Progress,
            (false, false) if self.size == COARSE => {
                self.refine = true;
                Arrival::Refine
            }
            (false, false) => Arrival::Done,
            (false, true) => {
                // The next `update` starts from the latest η.
                self.asked.1 = f64::NAN;
                self.pending = false;
                Arrival::DoneAndAgain
            }
        }
    }

    /// `[rows done, rows in all]` of the current job.
    pub fn progress(&self) -> [usize; 2] {
        [self.total - self.missing.iter().sum::<usize>(), self.total]
    }

    /// The maps changed since last asked (and forgets that they did), by index.
    pub fn take_dirty(&mut self) -> Vec<usize> {
        let out = (0..2).filter(|&m| self.dirty[m]).collect();
        self.dirty = [false; 2];
        out
    }

    /// The RGBA pixels of map `map` ([`BasinMaps::image_size`] a side).
    pub fn image(&self, map: usize) -> &[u8] {
        let n = self.image_size(map);
        &self.images[map.min(NEWTON)][..4 * n * n]
    }

    /// Starts per side of map `map`'s image.
    pub fn image_size(&self, map: usize) -> usize {
        self.sizes[map.min(NEWTON)]
    }

    /// The critical points the labels index.
    pub fn points(&self) -> &[CriticalReport] {
        &self.points
    }

    /// Forgets what was asked, so that the next `update` plans afresh (a new language).
    pub fn reset(&mut self) {
        self.asked = (String::new(), f64::NAN);
    }
}

/// A fine RGBA image shrunk in place to the coarse size (its first `4·COARSE²` bytes), each
/// coarse pixel the top left one of its square (from the start: each pixel is written at or
/// before where it is read).
fn shrink(image: &mut [u8]) {
    let scale = FINE / COARSE;
    for r in 0..COARSE {
        for c in 0..COARSE {
            let from = 4 * (r * scale * FINE + c * scale);
            image.copy_within(from..from + 4, 4 * (r * COARSE + c));
        }
    }
}

/// A coarse RGBA image (the first `4·COARSE²` bytes) enlarged in place to the fine size, each
/// pixel becoming a square of them (from the end: no pixel is overwritten before it is read).
fn enlarge(image: &mut [u8]) {
    let scale = FINE / COARSE;
    for r in (0..FINE).rev() {
        for c in (0..FINE).rev() {
            let from = 4 * ((r / scale) * COARSE + c / scale);
            image.copy_within(from..from + 4, 4 * (r * FINE + c));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::catalog::Hyper;
    use crate::numbers::RustNumbers;

    fn himmelblau() -> (Session, Vec<CriticalReport>) {
        let s = Session::new("himmelblau", &RustNumbers).expect("preset");
        let critical = s.critical_points(20).expect("critical points");
        (s, critical)
    }

    /// Sends every row of `plan` back as computed, each start labelled `label`.
    fn complete(maps: &mut BasinMaps, plan: &Plan, label: u8) -> Vec<Arrival> {
        let mut out = Vec::new();
        for &(map, _, _) in &plan.maps {
            for row0 in (0..plan.size).step_by(CHUNK) {
                out.push(maps.arrive(plan.id, map, row0, &vec![label; CHUNK * plan.size]));
            }
        }
        out
    }

    #[test]
    fn a_new_landscape_plans_both_maps_and_colours_the_rows_that_come_back() {
        let (s, critical) = himmelblau();
        let mut maps = BasinMaps::default();
        let plan = maps.update(&s, "lm", &critical).expect("a job");
        assert!(plan.fresh);
        assert_eq!(plan.maps, vec![(GD, "gd", s.hyper().eta), (NEWTON, "lm", s.hyper().mu)]);
        assert_eq!(plan.critical.len(), 2 * critical.len());
        assert_eq!(maps.progress(), [0, 2 * COARSE]);
        assert_eq!(plan.size, COARSE, "coarse first");
        let arrivals = complete(&mut maps, &plan, 0);
        assert!(arrivals[..arrivals.len() - 1].iter().all(|a| *a == Arrival::Progress));
        assert_eq!(arrivals.last(), Some(&Arrival::Refine), "then the fine maps are due");
        assert_eq!(maps.progress(), [2 * COARSE, 2 * COARSE]);
        assert_eq!(maps.take_dirty(), vec![GD, NEWTON]);
        assert!(maps.take_dirty().is_empty());
        // Label 0 is the first critical point: its colour, opaque, in every pixel.
        let word = basin_colours::label_words(&critical.iter().map(|c| c.kind).collect::<Vec<_>>())[0];
        assert!(maps.image(NEWTON).chunks_exact(4).all(|p| p == word.to_le_bytes()));
        assert_eq!(maps.image(NEWTON).len(), 4 * COARSE * COARSE);
        // The fine job: both maps again, at the fine size, the same η, μ and critical points.
        let fine = maps.update(&s, "lm", &critical).expect("the fine maps");
        assert_eq!((fine.size, fine.fresh), (FINE, false));
        assert_eq!(fine.maps, plan.maps);
        assert_eq!(fine.critical, plan.critical);
        assert_eq!(maps.progress(), [0, 2 * FINE]);
        // Until their rows come, the coarse maps enlarged (each pixel a 2 × 2 square).
        assert_eq!(maps.take_dirty(), vec![GD, NEWTON]);
        assert_eq!(maps.image_size(GD), FINE);
        assert!(maps.image(GD).chunks_exact(4).all(|p| p == word.to_le_bytes()));
        assert_eq!(complete(&mut maps, &fine, 1).last(), Some(&Arrival::Done));
        let one = basin_colours::label_words(&critical.iter().map(|c| c.kind).collect::<Vec<_>>())[1];
        assert!(maps.image(NEWTON).chunks_exact(4).all(|p| p == one.to_le_bytes()));
        assert_eq!(maps.update(&s, "lm", &critical), None, "up to date");
    }

    #[test]
    fn the_fine_map_starts_from_the_coarse_one_enlarged_and_gives_way_to_any_change() {
        let (mut s, critical) = himmelblau();
        let mut maps = BasinMaps::default();
        let plan = maps.update(&s, "newton", &critical).expect("a job");
        // A coarse map whose labels tell their pixel: label = (row + 3 column) mod 7.
        for &(map, ..) in &plan.maps {
            for row0 in (0..COARSE).step_by(CHUNK) {
                let labels: Vec<u8> = (0..CHUNK * COARSE)
                    .map(|i| ((row0 + i / COARSE + 3 * (i % COARSE)) % 7) as u8)
                    .collect();
                maps.arrive(plan.id, map, row0, &labels);
            }
        }
        let fine = maps.update(&s, "newton", &critical).expect("fine");
        let words = basin_colours::label_words(&critical.iter().map(|c| c.kind).collect::<Vec<_>>());
        let image = maps.image(GD);
        for (r, c) in [(0, 0), (1, 1), (10, 3), (511, 511), (300, 17), (17, 300)] {
            let label = (r / 2 + 3 * (c / 2)) % 7;
            assert_eq!(
                image[4 * (r * FINE + c)..][..4],
                words[label].to_le_bytes(),
                "fine pixel ({r}, {c})"
            );
        }
        // Half the fine rows in, η moves: the fine job is dropped for a coarse GD map at once.
        assert_eq!(maps.arrive(fine.id, GD, 0, &[2; CHUNK * FINE]), Arrival::Progress);
        s.set_hyper(Hyper {
            eta: 0.003,
            ..s.hyper()
        })
        .expect("η");
        let coarse = maps.update(&s, "newton", &critical).expect("a coarse job at once");
        assert_eq!((coarse.size, coarse.maps.clone()), (COARSE, vec![(GD, "gd", 0.003)]));
        assert_eq!(maps.arrive(fine.id, NEWTON, 0, &[0; CHUNK * FINE]), Arrival::Stale);
        assert_eq!(complete(&mut maps, &coarse, 0).last(), Some(&Arrival::Refine));
        // Newton's fine map never finished: the next fine job has both.
        let again = maps.update(&s, "newton", &critical).expect("fine again");
        assert_eq!(again.maps.iter().map(|m| m.0).collect::<Vec<_>>(), vec![GD, NEWTON]);
        // (A fine map whose labels tell their pixel.)
        let mut last = Arrival::Stale;
        for &(map, ..) in &again.maps {
            for row0 in (0..FINE).step_by(CHUNK) {
                let labels: Vec<u8> = (0..CHUNK * FINE)
                    .map(|i| ((row0 + i / FINE + 5 * (i % FINE)) % 7) as u8)
                    .collect();
                last = maps.arrive(again.id, map, row0, &labels);
            }
        }
        assert_eq!(last, Arrival::Done);
        // Now η alone: GD coarse, then GD alone fine (Newton's fine map stands). Until the
        // coarse rows come, GD's fine map shrunk shows, its pixels where they were.
        let fine_gd = maps.image(GD).to_vec();
        maps.take_dirty();
        s.set_hyper(Hyper {
            eta: 0.004,
            ..s.hyper()
        })
        .expect("η");
        let gd = maps.update(&s, "newton", &critical).expect("GD");
        assert_eq!(maps.take_dirty(), vec![GD], "redrawn at once, shrunk");
        assert_eq!(maps.image_size(GD), COARSE);
        for (r, c) in [(0, 0), (1, 2), (100, 37), (255, 255), (3, 200)] {
            assert_eq!(
                maps.image(GD)[4 * (r * COARSE + c)..][..4],
                fine_gd[4 * (2 * r * FINE + 2 * c)..][..4],
                "coarse pixel ({r}, {c})"
            );
        }
        assert_ne!(maps.image(GD)[..4], maps.image(GD)[4..8], "a pattern, not one colour");
        assert_eq!(complete(&mut maps, &gd, 0).last(), Some(&Arrival::Refine));
        assert_eq!(maps.image_size(NEWTON), FINE);
        let gd_fine = maps.update(&s, "newton", &critical).expect("GD fine");
        assert_eq!(gd_fine.maps, vec![(GD, "gd", 0.004)]);
    }

    #[test]
    fn eta_moving_while_a_map_computes_waits_and_then_recomputes_gd_alone() {
        let (mut s, critical) = himmelblau();
        let mut maps = BasinMaps::default();
        let first = maps.update(&s, "newton", &critical).expect("a job");
        s.set_hyper(crate::method::catalog::Hyper {
            eta: 0.002,
            ..s.hyper()
        })
        .expect("η");
        assert_eq!(
            maps.update(&s, "newton", &critical),
            None,
            "waits for the job computing"
        );
        assert_eq!(complete(&mut maps, &first, 1).last(), Some(&Arrival::DoneAndAgain));
        assert_eq!(maps.take_dirty(), vec![GD, NEWTON]);
        let next = maps.update(&s, "newton", &critical).expect("the latest η");
        assert!(!next.fresh);
        assert_eq!(next.maps, vec![(GD, "gd", 0.002)]);
        assert_eq!(maps.progress(), [0, COARSE]);
        // Rows of the older job are ignored.
        assert_eq!(maps.arrive(first.id, GD, 0, &[0; CHUNK * COARSE]), Arrival::Stale);
        assert_eq!(complete(&mut maps, &next, 0).last(), Some(&Arrival::Refine));
        assert_eq!(maps.take_dirty(), vec![GD]);
    }

    #[test]
    fn a_new_view_or_variant_drops_the_job_and_plans_both_maps_again() {
        let (mut s, critical) = himmelblau();
        let mut maps = BasinMaps::default();
        let first = maps.update(&s, "newton", &critical).expect("a job");
        assert_eq!(maps.arrive(first.id, GD, 0, &[0; CHUNK * COARSE]), Arrival::Progress);
        s.set_view(&[-4.0, 4.0, -4.0, 4.0]).expect("view");
        let second = maps.update(&s, "newton", &critical).expect("a new job");
        assert!(second.fresh && second.maps.len() == 2 && second.id > first.id);
        assert_eq!(maps.arrive(first.id, GD, CHUNK, &[0; CHUNK * COARSE]), Arrival::Stale);
        complete(&mut maps, &second, 0);
        let third = maps.update(&s, "saddle-free", &critical).expect("a new variant");
        assert_eq!(third.maps[1], (NEWTON, "saddle-free", s.hyper().mu));
        // Rows out of the map, or more than a map has, are ignored.
        assert_eq!(
            maps.arrive(third.id, GD, COARSE - 1, &[0; CHUNK * COARSE]),
            Arrival::Stale
        );
        assert_eq!(maps.arrive(third.id, 7, 0, &[0; COARSE]), Arrival::Stale);
        maps.reset();
        assert!(maps.update(&s, "saddle-free", &critical).is_none(), "busy: waits");
    }

    #[test]
    fn l_bfgs_maps_carry_the_memory_and_a_new_memory_plans_them_again() {
        let (mut s, critical) = himmelblau();
        let mut maps = BasinMaps::default();
        let first = maps.update(&s, "lbfgs", &critical).expect("a job");
        assert_eq!(first.maps[1], (NEWTON, "lbfgs", 5.0));
        complete(&mut maps, &first, 0);
        s.set_hyper(Hyper { memory: 9, ..s.hyper() }).expect("m");
        let second = maps.update(&s, "lbfgs", &critical).expect("m changed the map");
        assert_eq!(second.maps[1], (NEWTON, "lbfgs", 9.0));
        complete(&mut maps, &second, 0);
        let bfgs = maps.update(&s, "bfgs", &critical).expect("another variant");
        assert_eq!(bfgs.maps[1].1, "bfgs");
    }
}
