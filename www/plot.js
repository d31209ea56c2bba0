// The map: the landscape sampled by the core (heatmap, or the 1-D curve), and one render() that
// redraws everything that follows a change. What the map and its axes show (trajectories,
// markers, critical points, the Hessian's picture, ticks, the colour bar) are display lists the
// core draws; paint.js replays them.
import { drawData } from './data.js';
import { showView } from './function.js';
import { paint } from './paint.js';
import { attempt, drawSize, el, fmt, page, sizeOf, tr } from './page.js';
import { scheduleCharts, updateAnalysis, updateReadout } from './readout.js';
import { updateAddress } from './share.js';

const CONTOUR_LEVELS = 14;
const MAX_GRID = 800;
// Heatmap samples per CSS pixel: the image is smoothed when stretched and the contours are
// vectors, so 0.4 samples per pixel look the same at a sixth of the cost.
const GRID_DENSITY = 0.4;
export const CRITICAL_SEEDS = 40; // seeds per side for the critical-point search

let sampled = false;
const SIDES = ['left', 'top', 'right', 'bottom'];
let margins = null; // the room the axes take around the map (CSS, then as the core asks)
let fitted = false; // whether the margins were fitted to the current sample
let axesStale = true; // the axes follow the sample and the sizes, not each step
let refits = 0; // margin changes since the last resample that was not a resize
let zoomSampled = 1; // the zoom of the last sample (a new one fits the margins afresh)
export let sampledSize = ''; // the plot size the last sample was made for

/** Samples the landscape for the core's view and the plot's size and draws the heatmap, at one
 *  sample per CSS pixel times `quality` (the first paint uses a coarser grid, then refines);
 *  `resized` when the map's size changed (not what it shows). */
export function resample(quality = 1, resized = false) {
  performance.mark('descenso:resample-start');
  if (!resized) refits = 0;
  if (zoomSampled !== page.zoom) {
    zoomSampled = page.zoom;
    margins = null;
    refits = 0;
  }
  sampled = false;
  fitted = false;
  const css = sizeOf(el.plot);
  sampledSize = `${css.width}x${css.height}`;
  // The samples follow the CSS size; the figure is laid out for drawSize.
  const size = drawSize(el.plot);
  const { width, height } = size;
  if (css.width < 2 || css.height < 2) return;
  const e = page.explorer;
  page.axisNames = e.axis_names; // (for the hover line, read at every pointer move)
  el.plot.classList.toggle('one-d', e.dim === 1);
  for (const node of [el.mapFrame, el.mapFrame.parentElement]) node.classList.toggle('one-d', e.dim === 1);
  if (e.dim === 2) {
    const nx = Math.max(2, Math.min(MAX_GRID, Math.round(css.width * quality * GRID_DENSITY)));
    const ny = Math.max(2, Math.min(MAX_GRID, Math.round(css.height * quality * GRID_DENSITY)));
    if (!attempt(() => e.sample(nx, ny, CONTOUR_LEVELS, width, height))) return;
    performance.measure('descenso:sample', 'descenso:resample-start');
    el.heat.width = nx;
    el.heat.height = ny;
    el.heat.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(page.wasm.memory.buffer, e.pixelsPtr(), 4 * nx * ny), nx, ny), 0, 0);
    paint(el.contours, size, 0);
  } else if (!attempt(() => e.sample(Math.max(2, Math.min(2048, Math.round(css.width))), 2, 0, width, height))) return;
  performance.measure('descenso:resample', 'descenso:resample-start');
  // The quick first paint leaves the critical points to the refinement one frame later.
  if (!page.quickStart) attempt(() => e.findCritical(CRITICAL_SEEDS));
  performance.measure('descenso:critical', 'descenso:resample-start');
  sampled = true;
  axesStale = true;
  showView();
  summarizeCritical();
  render();
}

/** The line under the map: how many critical points of each kind are in view; and which
 *  colour scale "auto" chose. */
export function summarizeCritical() {
  [el.criticalSummary.textContent, el.colourScale.options[0].textContent] = page.explorer.mapTexts(tr, fmt);
  el.criticalSummary.hidden = !el.showCritical.checked;
}

/** Redraws the overlay and axes, the readouts, the analysis and (a moment later) the charts. */
export function render() {
  if (!sampled) return;
  const e = page.explorer;
  const size = drawSize(el.plot);
  if (!margins) margins = SIDES.map((side) => (parseFloat(getComputedStyle(el.mapFrame).getPropertyValue(`--axis-${side}`)) || 0) / page.zoom);
  const outer = { width: margins[0] + size.width + margins[2], height: margins[1] + size.height + margins[3] };
  // Every call that may allocate in wasm memory comes before the views paint() takes.
  const rows = e.rows(tr, fmt);
  drawData();
  let a = null;
  attempt(() => (a = e.analysis(tr, fmt)));
  const axes = axesStale || el.axes.width !== Math.round(outer.width * page.zoom * (window.devicePixelRatio || 1));
  if (!attempt(() => e.drawMap(new Float64Array([outer.width, outer.height]), new Float64Array([margins[0], margins[1], size.width, size.height]), axes))) return;
  el.plot.dataset.view = e.mapFrame().slice(0, 4).join(',');
  paint(el.overlay, size, 1);
  if (axes) {
    paint(el.axes, outer, 2);
    // Where the axes put the map (their ticks line up with it only if the map is there).
    el.axes.dataset.plot = [margins[0], margins[1], size.width, size.height].map((v) => v * page.zoom).join(',');
  }
  axesStale = false;
  fitMargins(window.innerWidth);
  updateReadout(rows);
  page.lab?.maybeBasins();
  page.lab?.maybeSweep();
  page.lab?.maybeMomentum();
  page.lab?.maybeNetwork();
  page.lab?.maybeSurface();
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

/** Gives the axes the room the core asks for, once per sample (the map then resizes and is
 *  sampled again). */
function fitMargins(width) {
  if (fitted) return;
  fitted = true;
  // The core's margins depend on the view and the colour scale only, in steps of 8 px: they
  // settle at once. Should they not, the map stops resizing itself after three changes in a row.
  const next = Array.from(page.explorer.mapMargins(width));
  if (next.length !== 4 || next.every((m, i) => m === margins[i]) || refits >= 3) return;
  refits++;
  margins = next;
  // (On the stage: its columns follow the map's width too.)
  SIDES.forEach((side, i) => el.mapFrame.parentElement.style.setProperty(`--axis-${side}`, `${next[i] * page.zoom}px`));
  // The map moves inside its frame; it may keep its size (the 1-D curve keeps its aspect ratio
  // when only the top or bottom margin changes), and then no resize redraws the axes.
  axesStale = true;
  requestAnimationFrame(render);
}

/** The landscape point under a pointer event (empty before the map is drawn). */
export function pointerToLandscape(ev) {
  const r = el.overlay.getBoundingClientRect();
  return Array.from(page.explorer.pointAt(ev.clientX - r.left, ev.clientY - r.top, r.width, r.height));
}
