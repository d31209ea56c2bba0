// Basins of attraction: GD(η) and Newton (or a variant) from every pixel of a 256² map, computed
// by the lab's workers in chunks of rows and drawn as they arrive. Labels come from the core;
// this module colours them and keeps the maps following the landscape, the view and η.
import { setStart } from '../controls.js';
import { Explorer } from '../pkg-lab/descenso.js';
import { drawSize, el, fmt, make, page, sizes, tr } from '../page.js';
import { CRITICAL_SEEDS } from '../plot.js';
import { labSession, paintLab } from './figures.js';
import * as pool from './pool.js';

const SIZE = 256; // starts per side
const STEPS = 100;
const CHUNK = 16; // rows per message
const basins = { job: null, key: '', landscape: '', newtonFor: null, pending: false, frame: 0 };
const marks = [document.getElementById('basin-gd-marks'), document.getElementById('basin-newton-marks')];
el.basinVariant = document.getElementById('basin-variant');
el.basinVariant.addEventListener('change', () => maybeBasins());

// The marks (critical points, the start) follow the map; a click or a drag on either map sets
// the start there, as on the map.
const observer = new ResizeObserver((entries) => {
  for (const e of entries) sizes.set(e.target, { width: e.contentRect.width, height: e.contentRect.height });
  drawMarks();
});
for (const canvas of marks) {
  observer.observe(canvas);
  const at = (ev) => {
    const r = canvas.getBoundingClientRect();
    return Array.from(page.explorer.pointAt(ev.clientX - r.left, ev.clientY - r.top, r.width, r.height));
  };
  canvas.addEventListener('pointerdown', (ev) => {
    canvas.setPointerCapture(ev.pointerId);
    setStart(at(ev));
  });
  canvas.addEventListener('pointermove', (ev) => canvas.hasPointerCapture(ev.pointerId) && setStart(at(ev)));
}

/** The critical points in view and the start, drawn by the core (the lab's session) over both
 *  maps. */
let marksKey = ''; // what the marks were last drawn for (they follow the start, not each step)

async function drawMarks() {
  const e = page.explorer;
  if (el.basins.hidden || e.dim !== 2) return;
  const size = drawSize(marks[0]);
  if (size.width < 10) return;
  const key = `${e.landscapeLink()}|${Array.from(e.view)}|${Array.from(e.start)}|${size.width}x${size.height}`;
  if (key === marksKey) return;
  marksKey = key;
  (await labSession()).drawBasinMarks(size.width, size.height);
  for (const canvas of marks) await paintLab(canvas, size, 7);
}

/** Forget the maps drawn (a new language): the next render recomputes them. */
export function reset() {
  basins.key = '';
}

/** Starts (or restarts) the maps when what they depend on changed: the landscape, the view, and
 *  η for the GD map. A new landscape or view drops the stale work at once (it comes back and is
 *  ignored); a new η while a map computes waits for it to finish and then starts from the latest
 *  η — so while η is dragged, maps complete one after another instead of each new value
 *  cancelling the last. */
export function maybeBasins() {
  if (!el.showBasins.checked || el.basins.hidden) return;
  drawMarks();
  const e = page.explorer;
  if (e.dim !== 2) {
    el.basinsStatus.textContent = tr('basinsOneD');
    return;
  }
  // The right map's method (and μ for Levenberg–Marquardt) belong to the landscape's key; η only
  // to GD's map.
  const variant = el.basinVariant.value;
  const landscape = `${e.landscapeLink()}|${Array.from(e.view)}|${variant}|${variant === 'lm' ? e.mu : ''}`;
  const key = `${landscape}|${e.eta}`;
  if (key === basins.key) return;
  basins.key = key;
  // Newton's map does not depend on η: when only η changed, only GD's is recomputed.
  const busy = basins.job && basins.job.done < basins.job.total;
  if (busy && landscape === basins.landscape) {
    basins.pending = true;
    return;
  }
  basins.landscape = landscape;
  basins.pending = false;
  start(landscape === basins.newtonFor);
}

async function start(etaOnly) {
  const e = page.explorer;
  const lab = await labSession();
  const previous = basins.job;
  // The critical points (and so the labels and colours) depend on the landscape only.
  const points = etaOnly && previous ? previous.points : lab.criticalPoints(CRITICAL_SEEDS);
  const critical = [];
  for (let k = 0; k + 4 < points.length; k += 5) critical.push(points[k], points[k + 1]);
  const job = {
    id: (previous?.id ?? 0) + 1,
    eta: e.eta,
    points,
    // Each label's colour as a pixel word (the core's palette: minima apart, other kinds alike).
    colours: etaOnly && previous ? previous.colours : new Uint32Array(Explorer.basinColours(points)),
    images: { gd: previous?.images.gd ?? new ImageData(SIZE, SIZE), newton: previous?.images.newton ?? new ImageData(SIZE, SIZE) },
    maps: etaOnly ? ['gd'] : ['gd', 'newton'],
    landscape: basins.landscape,
    dirty: new Set(),
    newtonRows: 0,
    done: 0,
    total: (etaOnly ? 1 : 2) * SIZE,
    started: performance.now(),
  };
  if (!etaOnly) basins.newtonFor = null; // until this job's Newton map is complete
  basins.job = job;
  // The landscape only goes as a link (η separately): workers keep their instance while η moves.
  const common = { type: 'rows', id: job.id, link: e.landscapeLink(), view: Array.from(e.view), nx: SIZE, ny: SIZE, steps: STEPS, critical };
  const chunks = [];
  for (const map of job.maps) {
    const [method, param] = map === 'gd' ? ['gd', job.eta] : [el.basinVariant.value, e.mu];
    for (let r = 0; r < SIZE; r += CHUNK) chunks.push({ ...common, map, method, param, row0: r, row1: Math.min(SIZE, r + CHUNK) });
  }
  el.basinGdCaption.textContent = tr('basinGd', fmt(job.eta));
  for (const canvas of job.maps.map((m) => (m === 'gd' ? el.basinGd : el.basinNewton))) {
    if (canvas.width !== SIZE) canvas.width = SIZE;
    if (canvas.height !== SIZE) canvas.height = SIZE;
  }
  const [x0, x1, y0, y1] = e.view;
  el.basins.style.setProperty('--basin-aspect', String((x1 - x0) / (y1 - y0)));
  if (!(etaOnly && previous)) describe(points);
  el.basinsStatus.textContent = tr('basinsProgress', 0, pool.size());
  pool.schedule(chunks);
}

/** Rows back from a worker: coloured into the job's image and drawn at the next animation
 *  frame (once per frame however many chunks arrived). */
pool.on('rows', (m) => {
  const job = basins.job;
  if (!job || m.id !== job.id) return;
  if (m.error) {
    el.basinsStatus.textContent = `${tr('errorPrefix')} ${m.error}`;
    return;
  }
  const pixels = new Uint32Array(job.images[m.map].data.buffer);
  const offset = m.row0 * SIZE;
  for (let i = 0; i < m.labels.length; i++) pixels[offset + i] = job.colours[m.labels[i]];
  job.dirty.add(m.map);
  job.done += m.row1 - m.row0;
  if (m.map === 'newton') {
    job.newtonRows += m.row1 - m.row0;
    if (job.newtonRows >= SIZE) basins.newtonFor = job.landscape;
  }
  if (!basins.frame) basins.frame = requestAnimationFrame(draw);
  if (job.done >= job.total) {
    job.ms = Math.round(performance.now() - job.started);
    draw();
    el.basins.dataset.maps = job.maps.join(',');
    el.basins.dataset.ms = String(job.ms);
    el.basins.dataset.done = String(job.id);
    // η moved while this map computed: now the latest η.
    if (basins.pending) {
      basins.pending = false;
      start(basins.landscape === basins.newtonFor);
    }
  }
});

/** Puts the current job's changed images on their canvases and updates the status. */
function draw() {
  cancelAnimationFrame(basins.frame);
  basins.frame = 0;
  const job = basins.job;
  if (!job) return;
  for (const map of job.dirty) (map === 'gd' ? el.basinGd : el.basinNewton).getContext('2d').putImageData(job.images[map], 0, 0);
  job.dirty.clear();
  el.basinsStatus.textContent =
    job.done >= job.total ? tr('basinsDone', SIZE, job.ms, pool.size()) : tr('basinsProgress', Math.round((100 * job.done) / job.total), pool.size());
}

/** The legend (the core's entries): a swatch per minimum (with where it is), per other kind,
 *  diverged and none reached. */
function describe(points) {
  const legend = Explorer.basinLegend(points);
  const KEYS = { saddle: 'basinSaddle', maximum: 'basinMaximum', degenerate: 'basinDegenerate' };
  const items = [];
  for (let k = 0; k + 3 < legend.length; k += 4) {
    const [rgb, what, n, i] = legend.subarray(k, k + 4);
    const kind = page.kinds[what];
    const text = kind === 'minimum' ? tr('basinMinimum', n, fmt(points[5 * i]), fmt(points[5 * i + 1])) : what === 5 ? tr('basinDiverged') : what === 6 ? tr('basinNone') : tr(KEYS[kind]);
    const swatch = make('span');
    swatch.style.background = `#${rgb.toString(16).padStart(6, '0')}`;
    items.push(make('li', {}, swatch, text));
  }
  el.basinsLegend.replaceChildren(...items);
}
