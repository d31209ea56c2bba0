//! Exports of the lab's wasm only (built with the `lab` feature): random starts, basin rows,
//! saddle escape and what Newton costs, which the Web Workers compute; the basin maps' colours,
//! legend and marks, which the lab's instance on the page's thread draws (from a session built
//! from the page's runs link).

use wasm_bindgen::prelude::*;

use super::{delegate, Explorer, JsWords};
use crate::explore::{cost, escape};
use crate::picture::basin_colours;
use crate::session::basin_maps::{self, BasinMaps};
use crate::session::lab::{basin_legend, starts_tallies};
use crate::session::surface::{self, Surface};
use crate::session::wire;

/// Random starts (see `StartsReport::wire`): where every run ended, and the histogram.
#[wasm_bindgen(getter_with_clone)]
pub struct StartsReport {
    /// Where every run ended, five numbers each.
    #[wasm_bindgen(readonly)]
    pub runs: Vec<f64>,
    /// The shared histogram and each method's counts.
    #[wasm_bindgen(readonly)]
    pub histogram: Vec<f64>,
}

/// A network's many starts (see `explore::network::many_wire`): the histogram and the tallies.
#[wasm_bindgen(getter_with_clone)]
pub struct NetworkStarts {
    /// The shared histogram and each method's counts.
    #[wasm_bindgen(readonly)]
    pub histogram: Vec<f64>,
    /// Per method what its runs reached.
    #[wasm_bindgen(readonly)]
    pub tallies: Vec<f64>,
}

/// `performance.now()` in seconds, through the `clock` the page hands over.
fn seconds(clock: &js_sys::Function) -> impl FnMut() -> f64 + '_ {
    || clock.call0(&JsValue::NULL).ok().and_then(|t| t.as_f64()).unwrap_or(0.0) / 1000.0
}

delegate!(Explorer {
    /// `n` random starts over `view` (which becomes the session's view) from `seed`
    /// (reproducible), every enabled method run from each for at most `steps` steps; `E*` is
    /// the lowest minimum a search with `seeds` seeds per side finds in the view.
    change randomStarts: random_starts(view: &[f64], seed: u32, n: usize, steps: usize, seeds: usize, bins: usize) -> Result<StartsReport, JsValue> = |s| {
        let [runs, histogram] = s.session.random_starts_over(view, u64::from(seed), (n, steps), seeds, bins)?.wire();
        Ok(StartsReport { runs, histogram })
    };
    /// What the summary lines say per method (`starts_tallies`) from a report's histogram.
    fresh startsTallies: starts_tallies(histogram: &[f64]) -> Vec<f64> = |_| starts_tallies(histogram);
    /// Basin labels of rows `row0..row1` of an `nx × ny` map of `view` (`Session::basin_rows`).
    #[allow(clippy::too_many_arguments)] // one chunk of one map, flat numbers
    call basinRows: basin_rows(view: &[f64], nx: usize, ny: usize, row0: usize, row1: usize, method: &str, param: f64, steps: usize, tol: f64, critical: &[f64]) -> Result<Vec<u8>, JsValue> = |s| {
        Ok(s.session.basin_rows(view, (nx, ny), (row0, row1), (method, param), steps, tol, critical)?)
    };
    /// The basin kernel benchmark (`Session::basin_kernel`) on the session's view, timed by
    /// `clock` (`performance.now`): `[checksum, ms per run…]`.
    #[allow(clippy::too_many_arguments)] // the map's numbers, flat
    call basinKernel: basin_kernel(n: usize, method: &str, param: f64, steps: usize, tol: f64, critical: &[f64], runs: usize, clock: &js_sys::Function) -> Result<Vec<f64>, JsValue> = |s| {
        let mut ms = || seconds(clock)() * 1000.0;
        Ok(s.session.basin_kernel(n, (method, param), steps, tol, critical, runs, &mut ms)?)
    };
    /// Saddle escape with GD at `eta` on `E = ½ Σ λᵢ xᵢ²` (`escape::curves`), rows of three.
    fresh escapeCurves: escape_curves(eta: f64) -> Result<Vec<f64>, JsValue> = |_| Ok(escape::curves(eta)?.concat());
    /// What Newton costs: N from 2 to `max` (at most 2,000) on a log grid of `count` sizes.
    fresh costSizes: cost_sizes(max: usize, count: usize) -> Vec<u32> = |_| cost::sizes(max.min(cost::MAX_N), count.min(64)).into_iter().map(|n| n as u32).collect();
    /// One size measured on a quadratic from `seed`, timed by `clock` (`performance.now`, ms):
    /// `[N, GD s/step, Newton s/step, Hessian bytes, ‖∇E‖ after one Newton step]`.
    fresh costRow: cost_row(n: usize, seed: u32, clock: &js_sys::Function) -> Result<Vec<f64>, JsValue> = |_| Ok(cost::row(n, u64::from(seed), &mut seconds(clock))?.to_vec());
    /// What the rows say (`cost::summary_wire`): the fits over `N ≥ from` and one Newton step
    /// at 10⁶ weights.
    fresh costSummary: cost_summary(rows: &[f64], from: f64) -> Vec<f64> = |_| cost::summary_wire(rows, from);
    /// Cells per row of the cost table (`cost::COLUMNS`).
    fresh costColumns: cost_columns() -> usize = |_| cost::COLUMNS;
    /// What Newton costs as text (`cost::cells`), in Spanish if `spanish`.
    fresh costCells: cost_cells(rows: &[f64], from: f64, spanish: bool) -> Vec<String> = |_| cost::cells(rows, from, spanish);
    /// The note under what Newton costs, in the page's words: how many of `total` sizes are
    /// measured, then what the rows show (`session::figures::cost_note`).
    fresh costNote: cost_note(rows: &[f64], from: f64, total: usize, spanish: bool, say: &js_sys::Function, number: &js_sys::Function) -> String = |_| crate::session::figures::cost_note(rows, from, total, spanish, &JsWords(say, number));
    /// Sets field `key` (of `networkFieldNames`) of the network panel's setup from `value` as the
    /// page writes it; on error nothing changes.
    change setNetwork: set_network(key: &str, value: &str) -> Result<(), JsValue> = |s| Ok(s.session.set_network(key, value)?);
    /// The network's setup as its link token, the same in every language (`Session::network_token`).
    call networkToken: network_token() -> String = |s| s.session.network_token();
    /// The network panel's fields as the page shows them, in `networkFieldNames`' order.
    call networkFields: network_fields() -> Vec<String> = |s| s.session.network_fields();
    /// The network's methods run from `count` starts, a histogram of `bins` bins
    /// (`Session::network_starts`).
    call networkStarts: network_starts(count: usize, bins: usize) -> Result<NetworkStarts, JsValue> = |s| {
        let [histogram, tallies] = s.session.network_starts(count, bins)?;
        Ok(NetworkStarts { histogram, tallies })
    };
    /// The lines under the many starts, in the page's words (`session::figures::network_starts_lines`).
    fresh networkStartsLines: network_starts_lines(tallies: &[f64], lowest: f64, say: &js_sys::Function, number: &js_sys::Function) -> Vec<String> = |_| crate::session::figures::network_starts_lines(tallies, lowest, &JsWords(say, number));
    /// The network trained by each of its methods, as numbers (`Session::network_report`):
    /// what a lab worker trains for the network panel.
    call networkReport: network_report() -> Result<Vec<f64>, JsValue> = |s| Ok(s.session.network_report()?);
    /// Seconds per step of the network's methods, timed on `clock` (ms, `performance.now`):
    /// `[N, then per method its index and seconds]` (`Session::network_step_times`).
    call networkStepTimes: network_step_times(clock: &js_sys::Function) -> Result<Vec<f64>, JsValue> = |s| Ok(s.session.network_step_times(&mut seconds(clock))?);
    /// The line of those times, in the page's words (`session::figures::network_times_line`).
    fresh networkTimesLine: network_times_line(wire: &[f64], spanish: bool, say: &js_sys::Function, number: &js_sys::Function) -> String = |_| crate::session::figures::network_times_line(wire, spanish, &JsWords(say, number));
    /// The methods the network panel runs, in its order: the catalog's, then SGD's
    /// (`explore::network::method_ids`; a method's index on the network's wire).
    fresh networkMethods: network_methods() -> Vec<String> = |_| crate::explore::network::method_ids().map(String::from).collect();
    /// The network panel's fields' names (`explore::network::FIELDS`).
    fresh networkFieldNames: network_field_names() -> Vec<String> = |_| crate::explore::network::FIELDS.map(String::from).to_vec();
    /// The fields the network panel shows, in its order (`explore::network::PANEL_FIELDS`).
    fresh networkPanelFields: network_panel_fields() -> Vec<String> = |_| crate::explore::network::PANEL_FIELDS.map(String::from).to_vec();
    /// The names field `key` is chosen from (empty: typed; `explore::network::choices`).
    fresh networkChoices: network_choices(key: &str) -> Vec<String> = |_| crate::explore::network::choices(key).into_iter().map(String::from).collect();
    /// Evaluations per second of activation `name`, timed by `clock` for about 60 ms.
    fresh activationRate: activation_rate(name: &str, clock: &js_sys::Function) -> Result<f64, JsValue> = |_| Ok(cost::activation_rate(name, &mut seconds(clock))?);
    /// Builds the 3-D view's surface of the landscape over the view, `side` vertices a side with
    /// `levels` contours on the map's colour scale, and every run's path on it
    /// (`session::surface::Surface`); an error in 1-D.
    change buildSurface: build_surface(side: usize, levels: usize) -> Result<(), JsValue> = |s| {
        s.surface = Surface::build(&s.session, side, levels, s.session.colour_scale())?;
        Ok(())
    };
    /// Pointer to one of the surface's buffers: 0 positions, 1 normals (f32 × 3 per vertex), 2
    /// colours (u8 × 4), 3 triangles (u32 × 3), 4 contours, 5 paths (f32 × 3 per point, two per
    /// segment), 6 the paths' colours (u8 × 4 per point), 7 the dots on iterates (f32 × 3), 8
    /// their colours (u8 × 4); with the Hessian view on, the Taylor model's surface: 9 positions,
    /// 10 normals, 11 colours, 12 triangles (empty without).
    call surfacePtr: surface_ptr(which: u8) -> usize = |s| surface_buffer(&s.surface, which).0;
    /// How many numbers that buffer has.
    call surfaceLen: surface_len(which: u8) -> usize = |s| surface_buffer(&s.surface, which).1;
    /// The colour scale the surface's heights follow (what `auto` chose), or empty.
    call surfaceScale: surface_scale() -> String = |s| s.surface.mesh.scale.as_ref().map_or("", |x| x.kind().name()).to_owned();
    /// The camera's matrix (column-major, to clip space) at `yaw`, `pitch`, `distance` for a canvas
    /// of `aspect` = width / height (`session::surface::camera`).
    fresh cameraMatrix: camera_matrix(yaw: f64, pitch: f64, distance: f64, aspect: f64) -> Vec<f32> = |_| surface::camera(yaw, pitch, distance, aspect).to_vec();
    /// The landscape's `[x, y]` under the canvas position `(px, py)` of a `width × height` canvas
    /// seen from `camera` = `[yaw, pitch, distance]` (`Surface::point_at`; empty: off the surface).
    call surfacePointAt: surface_point_at(camera: &[f64], px: f64, py: f64, width: f64, height: f64) -> Vec<f64> = |s| {
        let at = |i: usize| camera.get(i).copied().unwrap_or(f64::NAN);
        let m = surface::camera(at(0), at(1), at(2), width / height);
        s.surface.point_at(&m, (px, py), (width, height)).map_or_else(Vec::new, |p| p.to_vec())
    };
    /// `camera` = `[yaw, pitch, distance]` turned by `dyaw`, `dpitch` (radians) and brought
    /// closer by `factor`, within the camera's bounds (`session::surface::turn`).
    fresh turnCamera: turn_camera(camera: &[f64], dyaw: f64, dpitch: f64, factor: f64) -> Vec<f64> = |_| {
        let at = |i: usize| camera.get(i).copied().unwrap_or(f64::NAN);
        surface::turn([at(0), at(1), at(2)], dyaw, dpitch, factor).to_vec()
    };
    /// The camera a 3-D view opens with: `[yaw, pitch, distance]`.
    fresh cameraHome: camera_home() -> Vec<f64> = |_| surface::CAMERA.to_vec();
    /// Draws what the basin maps mark on a `width × height` picture of the view (list 7).
    change drawBasinMarks: draw_basin_marks(width: f64, height: f64) = |s| s.draw_basin_marks(width, height);
    /// The basin maps' colour of every label `0..=255` (pixel words, `RGBA` bytes in memory
    /// order) for the critical points `points` (as `criticalPoints` gives them).
    fresh basinColours: basin_colours(points: &[f64]) -> Vec<u32> = |_| basin_colours::label_words(&wire::kinds(points));
    /// The basin maps' legend for `points` in the page's words (`session::lab::basin_legend`:
    /// colour and text per entry).
    fresh basinLegend: basin_legend(points: &[f64], say: &js_sys::Function, number: &js_sys::Function) -> Vec<String> = |_| basin_legend(points, &JsWords(say, number));
});

/// The basin maps (`BasinMaps`): the jobs the workers compute, coloured and kept here; the page
/// puts each map's pixels (`imagePtr`, `size × size` RGBA) on its canvas.
#[wasm_bindgen]
#[derive(Default)]
pub struct Basins(BasinMaps);

#[wasm_bindgen]
impl Basins {
    /// No maps yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Basins {
        Basins::default()
    }
}

/// A job for the workers (see `Plan`): per map its index (0 GD, 1 the Newton variant), method
/// and parameter; the critical points as `basinRows` takes them and as `criticalPoints` gives
/// them (for the legend, when `fresh`); and the maps' size, rows per chunk and steps.
#[wasm_bindgen(getter_with_clone)]
pub struct BasinPlan {
    /// The job's number.
    pub id: u32,
    /// The maps to compute.
    pub maps: Vec<u32>,
    /// Their methods.
    pub methods: Vec<String>,
    /// Their parameters (η, μ).
    pub params: Vec<f64>,
    /// `[x₀, y₀, …]`.
    pub critical: Vec<f64>,
    /// The critical points, five numbers each.
    pub points: Vec<f64>,
    /// Whether the critical points (and the legend) are new.
    pub fresh: bool,
    /// Starts per side (coarse first, then fine).
    pub size: u32,
    /// Rows per chunk.
    pub chunk: u32,
    /// Steps per start.
    pub steps: u32,
}

delegate!(Basins {
    /// The job the maps need for the lab's session `lab` (its critical points found) with the
    /// Newton variant `variant`; none when up to date or waiting for the job computing.
    change update: update(lab: &Explorer, variant: &str) -> Option<BasinPlan> = |b| {
        let plan = b.update(&lab.0.session, variant, &lab.0.map.critical)?;
        Some(BasinPlan {
            id: plan.id,
            maps: plan.maps.iter().map(|m| m.0 as u32).collect(),
            methods: plan.maps.iter().map(|m| m.1.to_owned()).collect(),
            params: plan.maps.iter().map(|m| m.2).collect(),
            critical: plan.critical,
            points: wire::critical_points(b.points()),
            fresh: plan.fresh,
            size: plan.size as u32,
            chunk: basin_maps::CHUNK as u32,
            steps: basin_maps::STEPS as u32,
        })
    };
    /// Labels of map `map` from row `row0` for job `id`: an `Arrival` code (0 stale, 1 in
    /// progress, 2 done, 3 done and the next job is due, 4 the coarse maps done and the fine
    /// ones due).
    change arrive: arrive(id: u32, map: usize, row0: usize, labels: &[u8]) -> u8 = |b| b.arrive(id, map, row0, labels).code();
    /// `[rows done, rows in all]`.
    call progress: progress() -> Vec<usize> = |b| b.progress().to_vec();
    /// The maps changed since last asked.
    change takeDirty: take_dirty() -> Vec<usize> = |b| b.take_dirty();
    /// Pointer to map `map`'s RGBA pixels.
    call imagePtr: image_ptr(map: usize) -> *const u8 = |b| b.image(map).as_ptr();
    /// Starts per side of map `map`'s pixels.
    call imageSize: image_size(map: usize) -> usize = |b| b.image_size(map);
    /// Forgets what was asked (a new language): the next `update` plans again.
    change reset: reset() = |b| b.reset();
});

/// `(pointer, length)` of the surface's buffer `which` (see `surfacePtr`).
fn surface_buffer(s: &Surface, which: u8) -> (usize, usize) {
    let m = &s.mesh;
    match which {
        0 => (m.positions.as_ptr() as usize, m.positions.len()),
        1 => (m.normals.as_ptr() as usize, m.normals.len()),
        2 => (m.colours.as_ptr() as usize, m.colours.len()),
        3 => (m.triangles.as_ptr() as usize, m.triangles.len()),
        4 => (m.contours.as_ptr() as usize, m.contours.len()),
        5 => (s.paths.as_ptr() as usize, s.paths.len()),
        6 => (s.path_colours.as_ptr() as usize, s.path_colours.len()),
        7 => (s.dots.as_ptr() as usize, s.dots.len()),
        8 => (s.dot_colours.as_ptr() as usize, s.dot_colours.len()),
        _ => match (&s.model, which) {
            (Some(m), 9) => (m.positions.as_ptr() as usize, m.positions.len()),
            (Some(m), 10) => (m.normals.as_ptr() as usize, m.normals.len()),
            (Some(m), 11) => (m.colours.as_ptr() as usize, m.colours.len()),
            (Some(m), 12) => (m.triangles.as_ptr() as usize, m.triangles.len()),
            _ => (0, 0),
        },
    }
}
