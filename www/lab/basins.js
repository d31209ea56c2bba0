// Basins of attraction: GD(η) and Newton (or a variant) from every pixel of a 256² map, computed
// by the lab's workers in chunks of rows and drawn as they arrive. Labels come from the core;
// this module colours them and keeps the maps following the landscape, the view and η.
import { el, fmt, page, tr } from '../page.js';
import { CRITICAL_SEEDS } from '../plot.js';
import * as pool from './pool.js';

const SIZE = 256; // starts per side
const STEPS = 100;
const CHUNK = 16; // rows per message
const MINIMUM_COLOURS = ['#e6ab02', '#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#a6761d', '#1f78b4'];
const KIND_COLOURS = { saddle: '#c7d3e6', maximum: '#4d4d4d', degenerate: '#b3b3b3' };
const DIVERGED = [127, 0, 0];
const basins = { job: null, key: '', landscape: '', newtonFor: null, pending: false, frame: 0 };

/** The right map's method: Newton or one of its variants (a select in its caption). */
export function buildVariant() {
  const caption = el.basinNewton.nextElementSibling;
  const select = document.createElement('select');
  select.id = 'basin-variant';
  select.dataset.i18nAria = 'basinVariant';
  for (const id of ['newton', 'damped-newton', 'lm', 'saddle-free']) {
    const option = document.createElement('option');
    option.value = id;
    option.dataset.i18n = id;
    select.append(option);
  }
  delete caption.dataset.i18n;
  caption.replaceChildren(select);
  select.addEventListener('change', () => maybeBasins());
  el.basinVariant = select;
}

const rgb = (c) => [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];

/** The colour of each label: minima in distinct colours, other critical points by kind. */
function palette(points) {
  let minima = 0;
  const colours = [];
  for (let k = 0; k + 4 < points.length; k += 5) {
    const kind = page.kinds[points[k + 3]];
    colours.push(rgb(kind === 'minimum' ? MINIMUM_COLOURS[minima++ % MINIMUM_COLOURS.length] : KIND_COLOURS[kind]));
  }
  return colours;
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

function start(etaOnly) {
  const e = page.explorer;
  const previous = basins.job;
  // The critical points (and so the labels and colours) depend on the landscape only.
  const points = etaOnly && previous ? previous.points : e.criticalPoints(CRITICAL_SEEDS);
  const critical = [];
  for (let k = 0; k + 4 < points.length; k += 5) critical.push(points[k], points[k + 1]);
  const job = {
    id: (previous?.id ?? 0) + 1,
    eta: e.eta,
    points,
    palette: etaOnly && previous ? previous.palette : palette(points),
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
  // Pixels are written as 32-bit words: RGBA bytes in memory order (little-endian: A B G R).
  const word = ([r, g, b]) => ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
  job.colours = new Uint32Array(256).fill(word([255, 255, 255]));
  job.palette.forEach((c, i) => (job.colours[i] = word(c)));
  job.colours[254] = word(DIVERGED);
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
  if (!(etaOnly && previous)) describe(points, job.palette);
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

/** The legend: a swatch per minimum (with where it is) and per other outcome. */
function describe(points, colours) {
  const items = [];
  let minima = 0;
  const kinds = new Set();
  const KEYS = { saddle: 'basinSaddle', maximum: 'basinMaximum', degenerate: 'basinDegenerate' };
  for (let k = 0, i = 0; k + 4 < points.length; k += 5, i++) {
    const kind = page.kinds[points[k + 3]];
    if (kind === 'minimum') items.push([colours[i], tr('basinMinimum', ++minima, fmt(points[k]), fmt(points[k + 1]))]);
    else if (!kinds.has(kind)) {
      kinds.add(kind);
      items.push([colours[i], tr(KEYS[kind])]);
    }
  }
  items.push([DIVERGED, tr('basinDiverged')], [[255, 255, 255], tr('basinNone')]);
  el.basinsLegend.replaceChildren(
    ...items.map(([c, text]) => {
      const li = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.style.background = `rgb(${c.join(',')})`;
      li.append(swatch, text);
      return li;
    }),
  );
}
