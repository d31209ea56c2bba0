// The page's laboratory, loaded on first use (so the first page load stays small): basins of
// attraction, random starts, saddle escape and what Newton costs on the lab's Web Workers; the
// learning-rate sweep and the cost of exponentials on the page's thread. Each is its own module;
// this one adds the lab's strings, builds its controls and is what the page calls.
import { addStrings, translatePage } from '../i18n.js';
import { LAB_STRINGS } from '../i18n-lab.js';
import { lang, page } from '../page.js';
import { Explorer } from '../pkg-lab/descenso.js';
import { ready } from './figures.js';
import * as basins from './basins.js';
import * as momentum from './momentum.js';
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
export { maybeSurface } from './surface.js';
export { exportCsv, exportPng, exportSvg } from './exports.js';

for (const [language, entries] of Object.entries(LAB_STRINGS)) addStrings(language, entries);
translatePage(lang());

/** Moves the page's session into the lab's build of the core, which compiles typed functions
 *  (the page's own wasm leaves their parser out): the same configuration through the session's
 *  whole link, runs number for number; the page then talks to it as to its own. */
export async function adopt() {
  const wasm = await ready;
  if (page.full) return;
  const next = new Explorer('rosenbrock');
  next.applyLink(page.explorer.link(false));
  page.explorer.free();
  Object.assign(page, { explorer: next, wasm, full: true });
}

/** Forget what was computed (a new language or size): the next render redraws. */
export function reset() {
  basins.reset();
  sweep.reset();
  momentum.reset();
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
