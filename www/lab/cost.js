// What Newton costs: one GD step against one Newton step on dense N-D quadratics, and beside them
// the steps of BFGS, L-BFGS and CG, timed by a worker for N up to a chosen maximum, with power
// laws fitted by the core; a table, a log–log chart and the extrapolation to 10⁶ weights.
import { Explorer } from '../pkg-lab/descenso.js';
import { el, fmt, lang, make, tr } from '../page.js';
import { drawFigure, ready } from './figures.js';
import * as pool from './pool.js';

const COST_SIZES = 14; // N on a log grid from 2 to the chosen maximum
const COST_FIT_FROM = 50; // the fits use N ≥ this (below it, fixed costs per step dominate)
const newtonCost = { id: 0, worker: null, result: null };

el.newtonCostRun.addEventListener('click', runNewtonCost);

/** Opens the panel: measures the first time. */
export function openNewtonCost() {
  if (!newtonCost.id) runNewtonCost();
}

/** Measures on one worker (a newer request stops the older one between sizes). */
function runNewtonCost() {
  newtonCost.id += 1;
  newtonCost.result = null;
  el.newtonCost.dataset.done = '';
  el.newtonCostNote.textContent = tr('newtonCostRunning', 0, COST_SIZES);
  const message = { type: 'cost', id: newtonCost.id, max: Number(el.newtonCostMax.value), count: COST_SIZES, seed: 1, fitFrom: COST_FIT_FROM };
  // One worker for the measurement: a newer request stops the older one there between sizes.
  if (newtonCost.worker) newtonCost.worker.postMessage(message);
  else newtonCost.worker = pool.post(message);
}

/** A row measured (or the last, or an error): the worker stays with the measurement until then. */
pool.on('cost', (m) => {
  if (m.id !== newtonCost.id) return false;
  if (m.error) el.newtonCostNote.textContent = `${tr('errorPrefix')} ${m.error}`;
  else {
    newtonCost.result = m;
    showNewtonCost();
  }
  if (!(m.error || m.done)) return false;
  newtonCost.worker = null;
  return true;
});

/** The table, the note and the figure from the latest measurement (texts by the core). */
export async function showNewtonCost() {
  const m = newtonCost.result;
  if (!m) return;
  await ready;
  const { rows, gd, newton, quasi, done } = m;
  const flat = new Float64Array(rows.flat());
  const cells = Explorer.costCells(flat, COST_FIT_FROM, lang() === 'es');
  const width = Explorer.costColumns();
  el.newtonCostRows.replaceChildren(
    ...rows.map((_, i) => make('tr', {}, ...cells.slice(width * i, width * (i + 1)).map((text) => make('td', { textContent: text })))),
  );
  const spanish = lang() === 'es';
  // The note and the figure's legend: the core's, from the rows.
  el.newtonCostNote.textContent = Explorer.costNote(flat, COST_FIT_FROM, done ? rows.length : COST_SIZES, spanish, tr, fmt);
  if (done) {
    el.newtonCost.dataset.slopes = JSON.stringify([gd[0], newton[0], ...quasi]);
    el.newtonCost.dataset.residual = String(Math.max(...rows.map((r) => r[4])));
    el.newtonCost.dataset.done = String(m.id);
  }
  // The figure (the core's): seconds per step against N, measured and fitted, log–log.
  drawFigure(el.newtonCostChart, (F, size) => F.cost(size, flat, new Float64Array([COST_FIT_FROM, Number(el.newtonCostMax.value)]), spanish, tr, fmt));
}
