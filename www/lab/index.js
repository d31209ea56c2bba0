// The page's laboratory, loaded on first use (so the first page load stays small): basins of
// attraction, random starts, saddle escape and what Newton costs on the lab's Web Workers; the
// learning-rate sweep, momentum, a real network and the cost of exponentials on the page's
// thread. Each is its own module; this one adds the lab's strings, builds its controls and is
// what the page calls.
import { addStrings, translatePage } from '../i18n.js';
import { LAB_STRINGS } from '../i18n-lab.js';
import { lang } from '../page.js';
import * as basins from './basins.js';
import * as momentum from './momentum.js';
import * as network from './network.js';
import * as surface from './surface.js';
import { showNewtonCost } from './cost.js';
import * as pool from './pool.js';
import * as sweep from './sweep.js';

export { maybeBasins } from './basins.js';
export { measureCost } from './activations.js';
export { openNewtonCost } from './cost.js';
export { runEscape } from './escape.js';
export { runStarts, showEnds } from './starts.js';
export { maybeSweep } from './sweep.js';
export { maybeMomentum } from './momentum.js';
export { maybeNetwork } from './network.js';
export { adopt } from './figures.js';
export { maybeSurface } from './surface.js';
export { exportCsv, exportPng, exportSvg } from './exports.js';

for (const [language, entries] of Object.entries(LAB_STRINGS)) addStrings(language, entries);
translatePage(lang());

/** Forget what was computed (a new language or size): the next render redraws. */
export function reset() {
  basins.reset();
  sweep.reset();
  momentum.reset();
  network.reset();
  surface.reset();
  showNewtonCost();
}

// ---- the basin kernel benchmark (bench/basins.mjs) -------------------------------------------

/** Times the basin kernel on one worker (one thread, where the page computes basins):
 *  `{ n, steps, tol, method, eta, critical, runs }` → `{ times, sum }`. */
export async function kernel(options) {
  const m = await pool.ask('kernel', options);
  if (m.error) throw new Error(m.error);
  return { times: m.times, sum: m.sum };
}

/** Times a step of each of the network's methods on one worker (bench/network.mjs): the share
 *  link `link` (with its `net=` setup) → `[N, then per method its index and seconds]`. */
export async function netTimes(link) {
  const m = await pool.ask('netTimes', { link });
  if (m.error) throw new Error(m.error);
  return Array.from(m.times);
}
