// The readout table, the analysis text with the η slider's marks, and the convergence charts:
// every figure and label comes from the core; this module lays them out.
import { paint } from './paint.js';
import { drawSize, el, fmt, make, page, swatch, tr } from './page.js';

const ETA_MIN_LOG = Number(el.eta.min);
const ETA_MAX_LOG = Number(el.eta.max);
const CHART_INTERVAL_MS = 150;

/** One row per method, hidden while the method is off (the runs of their own follow, own.js). */
export function buildReadout() {
  el.readout.replaceChildren(
    ...page.methods.map((id) => readoutRow({ method: id }, make('abbr'))),
  );
}

/** A row of the table: the swatch and `label` (then `extra`) heading its cells. */
export function readoutRow(dataset, label, ...extra) {
  const numeric = { step: 'num count step', gradients: 'num count', hessians: 'num count', solves: 'num count', status: '' };
  const cells = ['iteration', 'value', 'grad', 'step', 'gradients', 'hessians', 'solves', 'status'].map((k) => make('td', { className: numeric[k] ?? 'num', dataset: { cell: k } }));
  return make('tr', { dataset }, make('th', { scope: 'row' }, swatch(), label, ...extra), ...cells);
}

/** The swatches beside method names and runs, drawn by the core as the map draws each run. */
export function drawSwatches() {
  for (const c of document.querySelectorAll('canvas.swatch')) {
    const row = c.closest('[data-run]');
    const i = row ? Number(row.dataset.run) : page.methods.indexOf(c.closest('[data-method]')?.dataset.method ?? c.parentElement.querySelector('input')?.value);
    if (i < 0) continue;
    // A fixed size (the CSS size of .swatch): the canvas may be in a hidden row.
    page.explorer.drawSwatch(i, 28, 14);
    paint(c, { width: 28, height: 14 }, 3);
  }
}

/** How many runs the readouts and paths are indexed over: the methods', then the runs of their
 *  own (five numbers each in `own_runs`). */
export const runCount = () => page.methods.length + page.explorer.own_runs.length / 5;

/** Fills the table from the core's rows (in the page's words), and the replay's slider. */
export function updateReadout(rows) {
  const [shown, latest] = page.explorer.replay;
  el.replay.max = String(latest);
  el.replay.value = String(shown);
  el.replayValue.textContent = tr('replayValue', shown, latest);
  for (const button of [el.stepBack, el.stepBackNear]) button.disabled = shown === 0;
  // (Fields split by U+001F, rows ended by U+001E: the core's Screen::rows.)
  const texts = rows.split('\x1e');
  [...el.readout.children].forEach((row, i) => {
    const [label, title, ...rest] = texts[i]?.split('\x1f') ?? [];
    row.hidden = !label;
    if (!label) return;
    const [cells, [classes, status, curvature, x, y]] = [rest.slice(0, 8), rest.slice(8)];
    Object.assign(row.dataset, { iteration: cells[0], status, curvature, x, y });
    row.querySelectorAll('td').forEach((td, k) => (td.textContent = cells[k]));
    row.lastChild.className = classes;
    const abbr = row.querySelector('abbr');
    Object.assign(abbr, { textContent: label, title });
  });
}

/** The analysis text and the η slider's marks, as the core words them. */
export function updateAnalysis(a) {
  el.analysis.textContent = a.text;
  el.analysis.dataset.regime = a.regime;
  el.etaNote.textContent = a.note;
  const at = Array.from(a.at);
  const key = a.marks.map((name, i) => `${name}=${at[i].toFixed(4)}`).join(' ');
  if (el.etaMarks.dataset.key === key) return;
  el.etaMarks.dataset.key = key;
  const shown = a.marks.map((name, i) => [name, at[i]]).filter(([, v]) => v >= ETA_MIN_LOG && v <= ETA_MAX_LOG);
  el.etaMarks.replaceChildren(
    ...shown.map(([name, v], i) => {
      const s = make('span', { textContent: name, className: shown.length < 2 ? '' : i === 0 ? 'below' : 'above' });
      s.style.left = `${((v - ETA_MIN_LOG) / (ETA_MAX_LOG - ETA_MIN_LOG)) * 100}%`;
      return s;
    }),
  );
}

let chartsDrawnAt = -Infinity; // when the charts were last drawn (performance.now)
let chartTimer = 0; // a pending chart redraw

/** Draws the charts now if they have not been drawn for a while, else once that while is over:
 *  at most a few times a second, and always up to date shortly after the last change. */
export function scheduleCharts() {
  const wait = chartsDrawnAt + CHART_INTERVAL_MS - performance.now();
  if (wait <= 0) drawCharts();
  else if (!chartTimer) chartTimer = setTimeout(drawCharts, wait);
}

/** The convergence charts: display lists the core draws (4: E, 5: ‖∇E‖), painted sharp. */
function drawCharts() {
  clearTimeout(chartTimer);
  chartTimer = 0;
  chartsDrawnAt = performance.now();
  for (const [canvas, grad, caption, which] of [[el.chartE, false, 'E', 4], [el.chartG, true, '‖∇E‖', 5]]) {
    const size = drawSize(canvas);
    if (size.width < 10 || size.height < 10) continue;
    page.explorer.drawChart(grad, caption, size.width, size.height, tr, fmt);
    paint(canvas, size, which);
  }
}
