// Momentum, analysed: heavy-ball momentum's rate over (η, β) for the Hessian at the start, and
// on a quadratic the errors of GD and momentum along its eigenvectors (the core's figures and
// numbers, drawn by the lab's build on the page's thread); a click on the map sets η and β.
import { changeEta } from '../controls.js';
import { el, fmt, page, showNumber, tr } from '../page.js';
import { pushNextAddress } from '../share.js';
import { drawFigure, labSession, momentumAt } from './figures.js';

const STEPS = 300; // the longest run the split shows
let drawnFor = '';
let timer = 0;

el.momentumChart.addEventListener('click', (ev) => {
  const r = el.momentumChart.getBoundingClientRect();
  const at = momentumAt(ev.clientX - r.left, ev.clientY - r.top);
  if (at.length !== 2) return;
  pushNextAddress();
  changeEta(() => {
    page.explorer.setHyper(2, at[1]);
    page.explorer.setHyper(0, at[0]);
  });
  showNumber(el.beta, page.explorer.hyper[2]);
});

/** Forget the figure drawn (a new language or size): the next render redraws it. */
export function reset() {
  drawnFor = '';
}

/** Redraws the panel when it is open and the landscape, the start, η or β changed (at most
 *  once per moment while a slider moves). */
export function maybeMomentum() {
  if (!el.momentum.open) return;
  const e = page.explorer;
  const key = `${e.landscapeLink()}|${Array.from(e.start)}|${e.hyper}`;
  if (key === drawnFor) return;
  drawnFor = key;
  clearTimeout(timer);
  timer = setTimeout(draw, 50);
}

async function draw() {
  const runs = await labSession();
  let note = '';
  const n = await drawFigure(el.momentumChart, (F, size) => {
    const numbers = F.momentum(size, runs, STEPS, tr, fmt);
    note = F.note;
    return numbers;
  });
  if (!n) return;
  el.momentum.dataset.numbers = JSON.stringify(Array.from(n, (v) => (Number.isFinite(v) ? v : null)));
  el.momentumNote.textContent = note;
}
