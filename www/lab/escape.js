// Saddle escape: the steps GD needs to leave a saddle, against the distance ε and against the
// dimension N, computed by the core on a worker; drawn here.
import { el, page, tr } from '../page.js';
import { drawFigure } from './figures.js';
import * as pool from './pool.js';

/** Computes the escape curves on a worker at the current η (capped at 0.9). */
export async function runEscape() {
  const m = await pool.ask('escape', { eta: Math.min(0.9, page.explorer.hyper[0]) });
  if (m.error) el.escapeNote.textContent = m.error;
  else drawEscape(m.curves);
}

/** The escape figures (the core's): steps against ε with the prediction, and against N. */
function drawEscape(c) {
  const eps = [];
  const dims = [];
  for (let k = 0; k < 36; k += 3) eps.push([c[k], c[k + 1], c[k + 2]]);
  for (let k = 36; k + 2 < c.length; k += 3) dims.push([c[k], c[k + 1], c[k + 2]]);
  el.escape.dataset.eps = JSON.stringify(eps);
  el.escape.dataset.dims = JSON.stringify(dims);
  el.escapeNote.textContent = tr('escapeDone', eps[eps.length - 1][1], dims[dims.length - 1][1]);
  drawFigure(el.escapeChart, (F, size) => F.escape(size, c, tr('escapeSteps')));
}
