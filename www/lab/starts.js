// Random starts: many seeded starts over the view, every method on run from each on a worker
// (the landscape and the methods go as a share link); the core tallies where they end. Here:
// the summary lines, the histogram of final E per method, and the end points on the map.
import { el, make, page, tr } from '../page.js';
import { CRITICAL_SEEDS, render } from '../plot.js';
import { drawFigure } from './figures.js';
import * as pool from './pool.js';

const starts = { id: 0, ends: null, view: [] }; // ends: [method, x, y, …]
const STARTS_BINS = 24;

/** Runs the random starts on a worker (the landscape and methods go as a share link). */
export function runStarts() {
  const e = page.explorer;
  if (e.dim !== 2) return;
  starts.id += 1;
  starts.view = Array.from(e.view);
  el.startsSummary.replaceChildren(make('li', { textContent: tr('startsRunning') }));
  const seed = Math.max(0, Math.min(4294967295, Math.floor(Number(el.startsSeed.value) || 0)));
  pool.post({
    type: 'starts', id: starts.id, link: e.runsLink(),
    view: starts.view, seed, n: Number(el.startsCount.value), steps: 1000, seeds: CRITICAL_SEEDS, bins: STARTS_BINS,
  });
}

pool.on('starts', (m) => {
  if (m.id !== starts.id) return;
  if (m.error) el.startsSummary.replaceChildren(make('li', { textContent: m.error }));
  else showStarts(m.runs, m.histogram);
});

/** The histogram of final E per method (log bins, from the core), how many reached a global
 *  minimum, and the end points (`[method, x, y]` each, drawn on the map by the core). */
function showStarts(runs, histogram) {
  const ids = page.methods;
  const counts = {};
  const ends = [];
  for (let k = 0; k + 4 < runs.length; k += 5) {
    counts[ids[runs[k]]] = (counts[ids[runs[k]]] ?? 0) + 1;
    ends.push(runs[k], runs[k + 1], runs[k + 2]);
  }
  starts.ends = new Float64Array(ends);
  // [E*, lo, hi], then per method [index, global, diverged, non-finite, counts…].
  const [, lo, hi] = histogram;
  const tallies = [];
  for (let k = 3; k + 4 + STARTS_BINS <= histogram.length; k += 4 + STARTS_BINS) {
    const id = ids[histogram[k]];
    tallies.push({ id, global: histogram[k + 1], diverged: histogram[k + 2], off: histogram[k + 3], counts: Array.from(histogram.subarray(k + 4, k + 4 + STARTS_BINS)) });
  }
  const lines = [];
  for (const { id, global, diverged } of tallies) {
    counts[id] ??= 0;
    lines.push(make('li', { textContent: tr('startsLine', tr(`${id}_short`), global, counts[id], diverged), dataset: { method: id } }));
  }
  el.startsSummary.replaceChildren(...lines);
  el.starts.dataset.counts = JSON.stringify(counts);
  el.starts.dataset.histogram = JSON.stringify(Object.fromEntries(tallies.map((t) => [t.id, t.counts.reduce((a, b) => a + b, 0) + t.off])));
  el.starts.dataset.summary = lines.map((li) => li.textContent).join(' | ');
  drawHistogram(tallies, lo, hi);
  showEnds();
  render();
}

/** A method's colour, as the core draws it. */
const colourOf = (id) => page.colours[page.methods.indexOf(id)];

/** The histogram (the core's figure): a row of log bins of E − E* per method. */
function drawHistogram(tallies, lo, hi) {
  const labels = tallies.map((r) => tr(`${r.id}_short`));
  const colours = new Uint32Array(tallies.map((r) => parseInt(colourOf(r.id).slice(1), 16)));
  const counts = new Float64Array(tallies.flatMap((r) => r.counts));
  const off = new Uint32Array(tallies.map((r) => r.off));
  drawFigure(el.startsChart, (F, size) => F.histogram(size, labels, colours, counts, off, lo, hi, 'E − E*'));
}

/** The end points of the random starts on the map (drawn by the core), while the panel is open. */
export function showEnds() {
  page.explorer.setStartEnds(new Float64Array(starts.view), el.starts.open && starts.ends ? starts.ends : new Float64Array(0));
}
