// The map: the landscape sampled by the core (heatmap and contours, or the 1-D curve), the
// trajectories, critical points, the Hessian view and the start point; and one render() that
// redraws everything that follows a change.
import { Frame, METHOD_STYLE, drawContours, drawCritical, drawCurve, drawHeat, drawHessian, drawPath, drawStart, hiDpiContext } from './draw.js';
import { drawData } from './data.js';
import { attempt, el, page, sizeOf, tr } from './page.js';
import { readAll, scheduleCharts, updateAnalysis, updateReadout } from './readout.js';
import { updateAddress } from './share.js';

const CONTOUR_LEVELS = 14;
const MAX_GRID = 800;
// Heatmap samples per CSS pixel: the image is smoothed when stretched and the contours are
// vectors, so 0.4 samples per pixel look the same at a sixth of the cost.
const GRID_DENSITY = 0.4;
export const CRITICAL_SEEDS = 40; // seeds per side for the critical-point search
const MODEL_GRID = 96; // samples per side of the Taylor model's window

export let frame = null; // the current mapping between the view and CSS pixels
let grid = null; // the last sample: { nx, ny } or { n } in 1-D
let critical = new Float64Array(0); // critical points in view: [x, y, E, kind, global] each
export let sampledSize = ''; // the plot size the last sample was made for

/** Samples the landscape for the core's view and the plot's size and draws the heatmap, at one
 *  sample per CSS pixel times `quality` (the first paint uses a coarser grid, then refines). */
export function resample(quality = 1) {
  performance.mark('descenso:resample-start');
  grid = null;
  const { width, height } = sizeOf(el.plot);
  sampledSize = `${width}x${height}`;
  if (width < 2 || height < 2) return;
  const e = page.explorer;
  el.plot.classList.toggle('one-d', e.dim === 1);
  if (e.dim === 2) {
    const nx = Math.max(2, Math.min(MAX_GRID, Math.round(width * quality * GRID_DENSITY)));
    const ny = Math.max(2, Math.min(MAX_GRID, Math.round(height * quality * GRID_DENSITY)));
    if (!attempt(() => e.sample(nx, ny, CONTOUR_LEVELS))) return;
    performance.measure('descenso:sample', 'descenso:resample-start');
    grid = { nx, ny };
    const memory = page.wasm.memory.buffer;
    drawHeat(el.heat, new Uint8ClampedArray(memory, e.pixelsPtr(), 4 * nx * ny), nx, ny);
    const { ctx, width: w, height: h } = hiDpiContext(el.contours, sizeOf(el.plot));
    drawContours(ctx, new Float32Array(memory, e.contoursPtr(), e.contoursLen()), nx, ny, w, h);
  } else {
    const n = Math.max(2, Math.min(2048, Math.round(width)));
    if (!attempt(() => e.sample(n, 2, 0))) return;
    grid = { n };
  }
  performance.measure('descenso:resample', 'descenso:resample-start');
  // The quick first paint leaves the critical points to the refinement one frame later.
  if (!page.quickStart) findCritical();
  performance.measure('descenso:critical', 'descenso:resample-start');
  render();
}

/** Asks the core for the critical points in view and summarizes them under the map. */
function findCritical() {
  if (!attempt(() => (critical = page.explorer.criticalPoints(CRITICAL_SEEDS)))) critical = new Float64Array(0);
  summarizeCritical();
}

/** The line under the map: how many critical points of each kind are in view. */
export function summarizeCritical() {
  const counts = [0, 0, 0, 0];
  for (let k = 3; k < critical.length; k += 5) counts[critical[k]]++;
  el.criticalSummary.textContent = tr('criticalSummary', critical.length / 5, ...counts);
  el.criticalSummary.hidden = !el.showCritical.checked;
}

/** The Hessian overlay at the analysis point (2-D): samples the Taylor model there. Calls into
 *  the core that may allocate: run it before taking views of wasm memory. */
function prepareHessian(a, view) {
  const [x0, x1, y0, y1] = view;
  const half = 0.22 * Math.max(x1 - x0, y1 - y0);
  const at = Array.from(a.at);
  const window = [at[0] - half, at[0] + half, at[1] - half, at[1] + half];
  const info = {
    x: at,
    window,
    eigenvalues: Array.from(a.eigenvalues),
    eigenvectors: Array.from(a.eigenvectors),
    target: Array.from(a.newton_target),
    reach: 0.12 * (x1 - x0),
  };
  if (!attempt(() => page.explorer.sampleModel(new Float64Array(at), new Float64Array(window), MODEL_GRID, 9))) return null;
  return info;
}

function curveFrame(view, width, height) {
  const [lo, hi] = page.explorer.curveRange();
  const ok = Number.isFinite(lo) && Number.isFinite(hi);
  const span = ok && hi > lo ? hi - lo : 1;
  const y0 = ok ? lo - 0.08 * span : -1;
  const y1 = ok ? hi + 0.08 * span : 1;
  return new Frame([view[0], view[1], y0, y1], width, height);
}

/** One trajectory in CSS pixels, dropping iterates within half a pixel of the last one kept
 *  (long runs crawl in tiny steps); the last iterate is always kept. The affine map is inlined:
 *  this loop runs over every iterate of every method each frame. */
function pathPixels(pts, ys, n, dim) {
  const [ox, oy] = frame.toPx(0, 0);
  const [ux, uy] = frame.toPx(1, 1);
  const kx = ux - ox;
  const ky = uy - oy;
  const px = new Float64Array(2 * n);
  let m = 0;
  let lastA = NaN;
  let lastB = NaN;
  for (let k = 0; k < n; k++) {
    const a = ox + kx * (dim === 2 ? pts[2 * k] : pts[k]);
    const b = oy + ky * (dim === 2 ? pts[2 * k + 1] : ys[k]);
    if (k > 0 && k < n - 1 && Math.abs(a - lastA) + Math.abs(b - lastB) < 0.5) continue;
    px[2 * m] = lastA = a;
    px[2 * m + 1] = lastB = b;
    m++;
  }
  return px.subarray(0, 2 * m);
}

/** Redraws the overlay (contours or curve, trajectories, start), the readouts, the analysis and
 *  (a moment later) the charts. */
export function render() {
  if (!grid) return;
  const e = page.explorer;
  const { ctx, width, height } = hiDpiContext(el.overlay, sizeOf(el.plot));
  const dim = e.dim;
  const bg = dim === 2 ? 'dark' : 'light';
  const view = e.view;
  const start = e.start;
  // Every call that may allocate in wasm memory comes before the views below: readouts, the
  // analysis (once per frame, shared by the text and the Hessian overlay), the model sample.
  const readouts = readAll();
  drawData(readouts);
  let a = null;
  attempt(() => (a = e.analysis()));
  const hessian = a && dim === 2 && el.showHessian.checked ? prepareHessian(a, view) : null;
  const startValue = dim === 2 ? 0 : e.probe(start)[0];
  frame = dim === 2 ? new Frame(view, width, height) : curveFrame(view, width, height);
  const memory = page.wasm.memory.buffer;
  if (dim === 1) drawCurve(ctx, frame, view[0], view[1], new Float64Array(memory, e.curvePtr(), grid.n));
  el.plot.dataset.view = frame.view.join(',');
  if (hessian) drawHessian(ctx, frame, hessian, new Float32Array(memory, e.modelContoursPtr(), e.modelContoursLen()), MODEL_GRID);
  if (el.showCritical.checked) {
    for (let k = 0; k + 4 < critical.length; k += 5) {
      const [px, py] = dim === 2 ? frame.toPx(critical[k], critical[k + 1]) : frame.toPx(critical[k], critical[k + 2]);
      drawCritical(ctx, px, py, page.kinds[critical[k + 3]], critical[k + 4] === 1, bg);
    }
  }
  page.methods.forEach((id, i) => {
    const n = e.pathLen(i);
    if (n === 0) return;
    const pts = new Float64Array(memory, e.pathPtr(i), n * dim);
    const ys = dim === 2 ? null : new Float64Array(memory, e.valuesPtr(i), n);
    drawPath(ctx, pathPixels(pts, ys, n, dim), METHOD_STYLE[id], bg, n <= 400);
  });
  if (dim === 2) page.lab?.drawOverlay(ctx, frame);
  const [sx, sy] = frame.toPx(start[0], dim === 2 ? start[1] : startValue);
  drawStart(ctx, sx, sy, bg);
  updateReadout(readouts);
  page.lab?.maybeBasins();
  page.lab?.maybeSweep();
  if (a) {
    updateAnalysis(a);
    a.free();
  }
  if (!page.quickStart) {
    updateAddress();
    // Charts cost a few ms (plotters draws axes and labels afresh): while playing, a few per second.
    scheduleCharts();
  }
}

/** The landscape point under a pointer event. */
export function pointerToLandscape(ev) {
  const r = el.overlay.getBoundingClientRect();
  const [x, y] = frame.fromPx(ev.clientX - r.left, ev.clientY - r.top);
  return page.explorer.dim === 2 ? [x, y] : [x];
}
