// The readout table, the analysis text with the η slider's marks, and the convergence charts:
// every figure and label comes from the core; this module lays them out.
import { paint } from './paint.js';
import { drawSize, el, fmt, lang, make, page, swatch, tr } from './page.js';
import { t } from './i18n.js';

const ETA_MIN_LOG = Number(el.eta.min);
const ETA_MAX_LOG = Number(el.eta.max);
const CHART_INTERVAL_MS = 150;
const READOUT_KEYS = ['iteration', 'step', 'value', 'grad_norm', 'x', 'y', 'values', 'gradients', 'hessians', 'solves'];

/** One row per method, hidden while the method is off (the runs of their own follow, own.js). */
export function buildReadout() {
  el.readout.replaceChildren(
    ...page.methods.map((id) => readoutRow({ method: id }, make('abbr', { textContent: t(lang(), `${id}_short`), title: t(lang(), id), dataset: { i18n: `${id}_short` } }))),
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

const SYMBOLS = ['η', 'μ', 'β', 'm'];

/** How many runs the readouts and paths are indexed over: the methods', then the runs of their
 *  own (five numbers each in `own_runs`). */
export const runCount = () => page.methods.length + page.explorer.own_runs.length / 5;

/** Every run's label: a method's short name; a run of its own's with what it reads, and for
 *  gradient descent its η in units of ηₒₚₜ = 1/E″ at the start where that exists ("GD η = 0.75 =
 *  1.5 ηₒₚₜ": the lecture's regimes are GD's; momentum's, Adam's and the optimal step's are not). */
export function runLabels() {
  const own = page.explorer.own_runs;
  // (This runs at every render: the start's analysis only when a run of its own needs it.)
  const etaOpt = own.length ? page.explorer.etaOptAtStart() : NaN;
  const labels = page.methods.map((id) => tr(`${id}_short`));
  for (let j = 0; j < own.length; j += 5) {
    const i = own[j];
    const parts = SYMBOLS.flatMap((sym, k) => (page.hyperReads[4 * i + k] ? [`${sym} = ${fmt(own[j + 1 + k])}`] : []));
    if (page.methods[i] === 'gd' && Number.isFinite(etaOpt)) parts[0] += ` = ${fmt(own[j + 1] / etaOpt)} ηₒₚₜ`;
    labels.push(`${tr(`${page.methods[i]}_short`)} ${parts.join(', ')}`);
  }
  return labels;
}

/** Each method's readout from the core as a plain object (null for a method that is off); codes
 *  read through the core's tables of statuses and kinds. */
export function readAll() {
  const { statuses, kinds } = page;
  return Array.from({ length: runCount() }, (_, i) => {
    const v = page.explorer.readout(i);
    if (!v.length) return null;
    const r = Object.fromEntries(READOUT_KEYS.map((k, j) => [k, v[j]]));
    return { ...r, status: statuses[v[10]], curvature: kinds[v[11]], kind: kinds[v[12]] ?? '', heading: kinds[v[13]] ?? '' };
  });
}

/** Fills the table from `readouts`, and the replay's slider from the core. */
export function updateReadout(readouts) {
  const [shown, latest] = page.explorer.replay;
  el.replay.max = String(latest);
  el.replay.value = String(shown);
  el.replayValue.textContent = tr('replayValue', shown, latest);
  for (const button of [el.stepBack, el.stepBackNear]) button.disabled = shown === 0;
  const labels = runLabels();
  if (labels.join('\n') !== chartLabels) setChartStyle(labels);
  readouts.forEach((r, i) => {
    const row = el.readout.children[i];
    if (!row) return;
    row.hidden = !r;
    if (!r) return;
    row.dataset.iteration = String(r.iteration);
    row.dataset.status = r.status;
    row.dataset.x = String(r.x);
    row.dataset.y = String(r.y);
    row.dataset.curvature = r.curvature;
    const cells = row.querySelectorAll('td');
    cells[0].textContent = String(r.iteration);
    cells[1].textContent = fmt(r.value);
    cells[2].textContent = fmt(r.grad_norm);
    cells[3].textContent = Number.isNaN(r.step) ? '—' : fmt(r.step);
    cells[4].textContent = String(r.gradients + r.values);
    cells[5].textContent = String(r.hessians);
    cells[6].textContent = String(r.solves);
    const kind = r.kind ? ` ${tr('at')} ${tr(r.kind)}` : '';
    const warn = r.heading ? ` — ${tr(r.heading === 'saddle' ? 'headingSaddle' : 'headingMaximum')}` : '';
    cells[7].textContent = r.kind === 'flat' ? tr('stoppedFlat') : tr(r.status) + kind + warn;
    cells[7].className = `status-${r.status}${r.kind ? ` kind-${r.kind}` : ''}${r.heading ? ' heading' : ''}`;
    const label = row.querySelector('abbr');
    if (row.dataset.run) label.textContent = labels[i];
    label.title = row.dataset.run ? labels[i] : tr(row.dataset.method);
  });
}

/** The analysis text and the η slider's marks, from the core's analysis `a`. */
export function updateAnalysis(a) {
  const marks = [];
  const parts = [];
  const [bound, etaOpt, factor, ratio] = a.numbers;
  const [curvature, critical, regime] = a.names;
  const label = a.method >= 0 ? tr('atIterate', tr(`${page.methods[a.method]}_short`), a.iteration) : tr('atStart');
  // A kind of critical point only at one; elsewhere what the curvature is.
  const shape = critical ? tr(critical) : tr(`curv${page.explorer.dim}_${curvature}`);
  parts.push(`${label}: ${tr('eigen')} λ = ${Array.from(a.eigenvalues).map(fmt).join('; ')} (${shape}).`);
  if (Number.isFinite(bound)) {
    parts.push(`${tr('bound')} = ${fmt(bound)}.`);
    marks.push([page.explorer.dim === 1 ? '2ηₒₚₜ' : '2/⁠λₘₐₓ', bound]);
  } else {
    parts.push(`${tr('noBound')}.`);
  }
  if (Number.isFinite(etaOpt)) {
    parts.push(`${tr('etaOpt')} = ${fmt(etaOpt)}; ${tr('etaRatio', fmt(ratio))}: ${tr(`regime_${regime}`)}; ${tr('factor')} = ${fmt(factor)}.`);
    marks.push(['ηₒₚₜ', etaOpt]);
  }
  el.analysis.textContent = parts.join(' ');
  el.analysis.dataset.regime = regime;
  el.etaNote.textContent = Number.isFinite(bound) ? `${tr('bound')} = ${fmt(bound)}` : '';
  const marksKey = marks.map(([name, v]) => `${name}=${v.toPrecision(4)}`).join(' ');
  if (el.etaMarks.dataset.key === marksKey) return;
  el.etaMarks.dataset.key = marksKey;
  const shown = marks.filter(([, v]) => Math.log10(v) >= ETA_MIN_LOG && Math.log10(v) <= ETA_MAX_LOG).sort((a, b) => a[1] - b[1]);
  el.etaMarks.replaceChildren(
    ...shown.map(([name, v], i) => {
      const s = make('span', { textContent: name, className: shown.length < 2 ? '' : i === 0 ? 'below' : 'above' });
      s.style.left = `${((Math.log10(v) - ETA_MIN_LOG) / (ETA_MAX_LOG - ETA_MIN_LOG)) * 100}%`;
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
    page.explorer.drawChart(grad, caption, size.width, size.height);
    paint(canvas, size, which);
  }
}

let chartLabels = ''; // the legend labels the core has

/** Tells the core the charts' legend labels in the page's language. */
export function setChartStyle(labels = runLabels()) {
  chartLabels = labels.join('\n');
  page.explorer.setChartLabels(labels);
}
