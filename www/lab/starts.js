// Random starts: many seeded starts over the view, every method on run from each on a worker
// (the landscape and the methods go as a share link); the core tallies where they end. Here:
// the summary lines, the histogram of final E per method, and the end points on the map.
import { el, make, page, tr } from '../page.js';
import { CRITICAL_SEEDS, render } from '../plot.js';
import { Explorer } from '../pkg-lab/descenso.js';
import { drawFigure, ready } from './figures.js';
import * as pool from './pool.js';

const starts = { ends: null, view: [] }; // ends: the runs, [method, x, y, E, status] each
const STARTS_BINS = 24;

/** Runs the random starts on a worker (the landscape and methods go as a share link). */
export async function runStarts() {
  const e = page.explorer;
  if (e.dim !== 2) return;
  starts.view = Array.from(e.view);
  el.startsSummary.replaceChildren(make('li', { textContent: tr('startsRunning') }));
  const seed = Math.max(0, Math.min(4294967295, Math.floor(Number(el.startsSeed.value) || 0)));
  const m = await pool.ask('starts', { link: e.runsLink(), view: starts.view, seed, n: Number(el.startsCount.value), steps: 1000, seeds: CRITICAL_SEEDS, bins: STARTS_BINS });
  if (m.error) el.startsSummary.replaceChildren(make('li', { textContent: m.error }));
  else showStarts(m.runs, m.histogram);
}

/** The summary lines (per method: at a global minimum, runs, diverged; the core's tallies), the
 *  histogram of final E per method and the end points on the map (both drawn by the core). */
async function showStarts(runs, histogram) {
  starts.ends = runs;
  await ready; // (the lab's build of the core, on this thread)
  const tallies = Explorer.startsTallies(histogram);
  const lines = [];
  const counts = {};
  const tallied = {};
  for (let k = 0; k + 4 < tallies.length; k += 5) {
    const [i, global, count, diverged, binned] = tallies.subarray(k, k + 5);
    const id = page.methods[i];
    [counts[id], tallied[id]] = [count, binned];
    lines.push(make('li', { textContent: tr('startsLine', tr(`${id}_short`), global, count, diverged), dataset: { method: id } }));
  }
  el.startsSummary.replaceChildren(...lines);
  el.starts.dataset.counts = JSON.stringify(counts);
  el.starts.dataset.histogram = JSON.stringify(tallied);
  el.starts.dataset.summary = lines.map((li) => li.textContent).join(' | ');
  const labels = page.methods.map((id) => tr(`${id}_short`));
  drawFigure(el.startsChart, (F, size) => F.histogram(size, histogram, labels, 'E − E*'));
  showEnds();
  render();
}

/** The end points of the random starts on the map (drawn by the core), while the panel is open. */
export function showEnds() {
  page.explorer.setStartEnds(new Float64Array(starts.view), el.starts.open && starts.ends ? starts.ends : new Float64Array(0));
}
