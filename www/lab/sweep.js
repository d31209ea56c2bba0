// The learning-rate sweep: GD from the start for 200 η on a log grid around 2/λ_max (run by the
// lab's build of the core on the page's thread: a few ms), steps to converge and final E
// against η.
import { Explorer } from '../pkg-lab/descenso.js';
import { attempt, el, fmt, page, tr } from '../page.js';
import { drawFigure, ready } from './figures.js';

const SWEEP_COUNT = 200;
const SWEEP_STEPS = 1000;
let sweepKey = '';
let runs = null; // the lab's session with the page's runs (rebuilt from their link when they change)
let runsLink = '';

/** Forget the sweep drawn (a new language or size): the next render redraws it. */
export function reset() {
  sweepKey = '';
}

/** Recomputes the sweep when it is open and the landscape or the start changed. */
export async function maybeSweep() {
  if (!el.sweep.open) return;
  const key = `${page.explorer.landscapeLink()}|${Array.from(page.explorer.start).join(',')}`;
  if (key === sweepKey) return;
  sweepKey = key;
  const link = page.explorer.runsLink();
  await ready;
  if (link !== runsLink) {
    runs?.free();
    runs = new Explorer('rosenbrock');
    runs.applyLink(link);
    runsLink = link;
  }
  let a = null;
  attempt(() => (a = runs.analysisAtStart()));
  const bound = a ? a.stability_bound : NaN;
  const etaOpt = a ? a.eta_opt : NaN;
  a?.free();
  const [lo, hi] = Number.isFinite(bound) && bound > 0 ? [bound / 1e4, bound * 10] : [1e-5, 10];
  let data = null;
  if (!attempt(() => (data = runs.etaSweep(lo, hi, SWEEP_COUNT, SWEEP_STEPS)))) return;
  drawSweep(data, lo, hi, bound, etaOpt);
}

/** The sweep's figure (the core's): steps to converge and the final E against η, diverged runs
 *  marked, 2/λ_max and η_opt as rules; the note names the first η that diverged. */
async function drawSweep(data, lo, hi, bound, etaOpt) {
  const text = [tr('sweepSteps'), tr('sweepValue'), tr('sweepFactor'), tr('sweepNoneConverged')];
  const first = await drawFigure(el.sweepChart, (F, canvas, dpr) => F.sweep(canvas, dpr, data, lo, hi, bound, etaOpt, text));
  if (first === undefined) return;
  const found = Number.isFinite(first);
  el.sweep.dataset.threshold = found ? String(first) : '';
  el.sweep.dataset.bound = String(bound);
  el.sweep.dataset.ratio = String(hi / lo);
  el.sweepNote.textContent = found ? tr('sweepFound', fmt(first), fmt(bound)) : tr('sweepNone');
}
