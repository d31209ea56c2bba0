// Basins of attraction: GD(η) and Newton (or a variant) from every pixel of a 256² map, then a 512²
// one once nothing moves, computed
// by the lab's workers in chunks of rows and drawn as they arrive. The core (session/basin_maps)
// plans the jobs, colours the labels and keeps the pixels; this module sends the chunks, puts the
// pixels on the canvases and writes the status and the legend.
import { setStart } from '../controls.js';
import { Basins, Explorer } from '../pkg-lab/descenso.js';
import { drawSize, el, fmt, make, page, sizes, tr } from '../page.js';
import { labSession, paintLab, ready } from './figures.js';
import * as pool from './pool.js';

const marks = [document.getElementById('basin-gd-marks'), document.getElementById('basin-newton-marks')];
// The right map's choices: every method that is not first order (the Newton family and what
// replaces Newton), from the core's families; written here, so the page loads none of it.
el.basinVariant.replaceChildren(
  ...page.methods
    .filter((_, i) => page.families[i] !== 'first-order')
    .map((id) => make('option', { value: id, textContent: tr(id), dataset: { i18n: id } })),
);
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
  maps?.reset();
}

let maps = null; // the core's basin maps (their job and pixels), once the lab's core is in
let job = null; // the job computing: { id, maps, size, started, ms }
let frame = 0;

/** Starts a job when what the maps depend on changed (the landscape, the view, η for GD's map,
 *  the variant for the other): the core decides which maps to compute and when. */
export async function maybeBasins() {
  if (!el.showBasins.checked || el.basins.hidden) return;
  drawMarks();
  if (page.explorer.dim !== 2) {
    el.basinsStatus.textContent = tr('basinsOneD');
    return;
  }
  const lab = await labSession();
  maps ??= new Basins();
  const plan = maps.update(lab, el.basinVariant.value);
  if (!plan) return;
  const { id, size, chunk, steps, critical } = plan;
  job = { id, size, maps: Array.from(plan.maps, (m) => (m ? 'newton' : 'gd')), started: performance.now() };
  // The landscape goes as a link (η separately): workers keep their instance while η moves.
  const common = { type: 'rows', id, link: page.explorer.landscapeLink(), view: Array.from(page.explorer.view), nx: size, ny: size, steps, critical: Array.from(critical) };
  const chunks = [];
  plan.maps.forEach((map, k) => {
    for (let r = 0; r < size; r += chunk) chunks.push({ ...common, map, method: plan.methods[k], param: plan.params[k], row0: r, row1: Math.min(size, r + chunk) });
  });
  el.basinGdCaption.textContent = tr('basinGd', fmt(plan.params[0]));
  // (Only the maps this job computes change size: the other keeps its picture.)
  for (const c of Array.from(plan.maps, (m) => (m ? el.basinNewton : el.basinGd))) if (c.width !== size || c.height !== size) [c.width, c.height] = [size, size];
  const [x0, x1, y0, y1] = page.explorer.view;
  el.basins.style.setProperty('--basin-aspect', String((x1 - x0) / (y1 - y0)));
  if (plan.fresh) describe(plan.points);
  plan.free();
  draw(); // (a fine job shows its coarse maps enlarged until its rows come)
  pool.schedule(chunks);
}

/** Rows back from a worker: coloured by the core, drawn at the next animation frame (once per
 *  frame however many chunks arrived). */
pool.on('rows', (m) => {
  if (!maps || !job || m.id !== job.id) return;
  if (m.error) {
    el.basinsStatus.textContent = `${tr('errorPrefix')} ${m.error}`;
    return;
  }
  const arrival = maps.arrive(m.id, m.map, m.row0, m.labels);
  if (arrival < 2) {
    if (arrival === 1 && !frame) frame = requestAnimationFrame(draw);
    return;
  }
  job.ms = Math.round(performance.now() - job.started);
  draw();
  el.basins.dataset.maps = job.maps.join(',');
  el.basins.dataset.ms = String(job.ms);
  el.basins.dataset.size = String(job.size);
  el.basins.dataset.done = String(job.id);
  // η moved while this job computed: now the latest η; or the coarse maps are in: the fine ones.
  if (arrival >= 3) maybeBasins();
});

/** Puts the changed maps on their canvases (from the core's pixels) and updates the status. */
async function draw() {
  cancelAnimationFrame(frame);
  frame = 0;
  const { memory } = await ready;
  for (const map of maps.takeDirty()) {
    const n = maps.imageSize(map);
    const pixels = new Uint8ClampedArray(memory.buffer, maps.imagePtr(map), 4 * n * n);
    (map ? el.basinNewton : el.basinGd).getContext('2d').putImageData(new ImageData(pixels, n, n), 0, 0);
  }
  status();
}

function status() {
  const [done, total] = maps.progress();
  const workers = pool.size();
  el.basinsStatus.textContent = done >= total ? tr('basinsDone', job.size, job.ms, workers) : tr('basinsProgress', Math.round((100 * done) / total), workers);
}

/** The legend, worded by the core: a swatch per minimum (with where it is), per other kind,
 *  diverged and none reached. */
function describe(points) {
  const legend = Explorer.basinLegend(points, tr, fmt);
  const items = [];
  for (let k = 0; k + 1 < legend.length; k += 2) {
    const swatch = make('span');
    swatch.style.background = legend[k];
    items.push(make('li', {}, swatch, legend[k + 1]));
  }
  el.basinsLegend.replaceChildren(...items);
}
