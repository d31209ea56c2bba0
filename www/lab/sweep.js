// The learning-rate sweep: GD from the start for 200 η on a log grid around 2/λₘₐₓ (run by the
// lab's build of the core on the page's thread: a few ms), steps to converge and final E
// against η.
import { setEta } from '../controls.js';
import { el, fmt, page, tr } from '../page.js';
import { pushNextAddress } from '../share.js';
import { drawFigure, labSession, sweepEtaAt } from './figures.js';

const SWEEP_COUNT = 200;
const SWEEP_STEPS = 1000;
let sweepKey = '';
let etaTimer = 0;

// A click on the figure sets η to the value under the pointer (the figure marks it at once).
el.sweepChart.addEventListener('click', (ev) => {
  const eta = sweepEtaAt(ev.clientX - el.sweepChart.getBoundingClientRect().left);
  if (!Number.isFinite(eta)) return;
  pushNextAddress();
  setEta(eta);
});

/** Forget the sweep drawn (a new language or size): the next render redraws it. */
export function reset() {
  sweepKey = '';
}

/** Recomputes the sweep when it is open and the landscape, the start or η changed. */
export async function maybeSweep() {
  if (!el.sweep.open) return;
  const where = `${page.explorer.landscapeLink()}|${Array.from(page.explorer.start).join(',')}`;
  // (η too: the figure marks the η in use. While η alone moves, the sweep (a few ms) is redrawn
  // once η rests for a moment, not at every step of a drag.)
  const key = `${where}|${page.explorer.hyper[0]}`;
  if (key === sweepKey) return;
  const etaOnly = sweepKey.startsWith(`${where}|`);
  sweepKey = key;
  clearTimeout(etaTimer);
  if (etaOnly) {
    etaTimer = setTimeout(() => {
      sweepKey = '';
      maybeSweep();
    }, 150);
    return;
  }
  const runs = await labSession();
  let note = '';
  const out = await drawFigure(el.sweepChart, (F, size) => {
    const numbers = F.sweep(size, runs, SWEEP_COUNT, SWEEP_STEPS, tr, fmt);
    note = F.note;
    return numbers;
  });
  if (!out) return;
  // The figure and its note (the core's): steps to converge and the final E against η, diverged
  // runs marked, 2/λₘₐₓ and ηₒₚₜ as rules; the first η that diverged.
  const [first, bound, lo, hi] = out;
  el.sweep.dataset.threshold = Number.isFinite(first) ? String(first) : '';
  el.sweep.dataset.bound = String(bound);
  el.sweep.dataset.ratio = String(hi / lo);
  el.sweepNote.textContent = note;
}
