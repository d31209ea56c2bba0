// The learning-rate sweep: GD from the start for 200 η on a log grid around 2/λ_max (run by the
// core on the page's thread: a few ms), steps to converge and final E against η.
import { hiDpiContext } from '../draw.js';
import { attempt, el, fmt, page, sizeOf, tr } from '../page.js';

const SWEEP_COUNT = 200;
const SWEEP_STEPS = 1000;
let sweepKey = '';

/** Forget the sweep drawn (a new language or size): the next render redraws it. */
export function reset() {
  sweepKey = '';
}

/** Recomputes the sweep when it is open and the landscape or the start changed. */
export function maybeSweep() {
  if (!el.sweep.open) return;
  const key = `${page.explorer.landscapeLink()}|${Array.from(page.explorer.start).join(',')}`;
  if (key === sweepKey) return;
  sweepKey = key;
  let a = null;
  attempt(() => (a = page.explorer.analysisAtStart()));
  const bound = a ? a.stability_bound : NaN;
  const etaOpt = a ? a.eta_opt : NaN;
  a?.free();
  const [lo, hi] = Number.isFinite(bound) && bound > 0 ? [bound / 1e4, bound * 10] : [1e-5, 10];
  let data = null;
  if (!attempt(() => (data = page.explorer.etaSweep(lo, hi, SWEEP_COUNT, SWEEP_STEPS)))) return;
  drawSweep(data, lo, hi, bound, etaOpt);
}

/** Two log–log panels sharing the η axis: steps to converge (top, with |1 − ηE″| in 1-D) and
 *  the final E (bottom); diverged runs as red marks; 2/λ_max and η_opt as vertical lines. */
function drawSweep(data, lo, hi, bound, etaOpt) {
  const { width, height } = sizeOf(el.sweepChart);
  if (width < 50 || height < 50) return;
  const { ctx } = hiDpiContext(el.sweepChart, { width, height });
  const runs = [];
  for (let k = 0; k + 4 < data.length; k += 5) runs.push({ eta: data[k], value: data[k + 1], steps: data[k + 2], status: data[k + 3], factor: data[k + 4] });
  const oneD = runs.length > 0 && Number.isFinite(runs[0].factor);
  const left = 44;
  const right = oneD ? 40 : 10;
  const gap = 22;
  const panel = (height - 18 - gap) / 2;
  const lx = (eta) => left + ((Math.log10(eta) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (width - left - right);
  const logRange = (vals) => {
    const v = vals.filter((x) => Number.isFinite(x) && x > 0);
    if (!v.length) return [0, 1];
    const a = Math.floor(Math.log10(Math.min(...v)));
    const b = Math.ceil(Math.log10(Math.max(...v)));
    return [a, b === a ? a + 1 : b];
  };
  ctx.font = '11px sans-serif';
  const drawPanel = (top, key, values, colour) => {
    const [a, b] = logRange(values);
    const ly = (v) => top + panel - ((Math.log10(v) - a) / (b - a)) * panel;
    ctx.strokeStyle = '#c8c8d0';
    ctx.strokeRect(left, top, width - left - right, panel);
    ctx.fillStyle = '#55555f';
    ctx.textAlign = 'right';
    for (const e of [a, b]) ctx.fillText(`1e${e}`, left - 4, ly(10 ** e) + 4);
    ctx.textAlign = 'left';
    ctx.fillText(tr(key), left + 4, top + 12);
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2;
    ctx.beginPath();
    let pen = false;
    runs.forEach((r, i) => {
      const v = values[i];
      if (!(Number.isFinite(v) && v > 0)) {
        pen = false;
        return;
      }
      if (pen) ctx.lineTo(lx(r.eta), ly(v));
      else ctx.moveTo(lx(r.eta), ly(v));
      pen = true;
    });
    ctx.stroke();
    ctx.fillStyle = '#b3261e';
    for (const r of runs) if (page.statuses[r.status] === 'diverged') ctx.fillRect(lx(r.eta) - 1, top + 2, 2, 6);
  };
  drawPanel(4, 'sweepSteps', runs.map((r) => r.steps), '#1b6fb3');
  drawPanel(4 + panel + gap, 'sweepValue', runs.map((r) => r.value), '#2f7d32');
  if (oneD) {
    // The 1-D theory (from the core): each step multiplies the error by 1 − ηE″; |·| > 1 diverges.
    const f = runs.map((r) => r.factor);
    const [a, b] = [-3, 1];
    const ly = (v) => 4 + panel - ((Math.log10(Math.max(v, 1e-3)) - a) / (b - a)) * panel;
    ctx.setLineDash([4, 3]);
    ctx.strokeStyle = '#7b1fa2';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    runs.forEach((r, i) => (i ? ctx.lineTo(lx(r.eta), ly(f[i])) : ctx.moveTo(lx(r.eta), ly(f[i]))));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#7b1fa2';
    ctx.textAlign = 'left';
    ctx.fillText('1', width - right + 3, ly(1) + 4);
    ctx.fillText(tr('sweepFactor'), left + 4, 4 + panel - 6);
  }
  ctx.fillStyle = '#55555f';
  ctx.textAlign = 'center';
  for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++) ctx.fillText(`1e${e}`, lx(10 ** e), height - 4);
  // Labels on either side of their line, so that η_opt and 2/λ_max = 2η_opt never overlap.
  const mark = (eta, label, colour, align) => {
    if (!(eta > lo && eta < hi)) return;
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(lx(eta), 4);
    ctx.lineTo(lx(eta), height - 18);
    ctx.stroke();
    ctx.fillStyle = colour;
    ctx.textAlign = align;
    ctx.fillText(label, lx(eta) + (align === 'left' ? 3 : -3), 4 + panel + gap - 6);
  };
  mark(bound, '2/λ_max', '#b3261e', 'left');
  mark(etaOpt, 'η_opt', '#2f7d32', 'right');
  const first = runs.find((r) => page.statuses[r.status] === 'diverged');
  el.sweep.dataset.threshold = first ? String(first.eta) : '';
  el.sweep.dataset.bound = String(bound);
  el.sweep.dataset.ratio = String(hi / lo);
  el.sweepNote.textContent = first ? tr('sweepFound', fmt(first.eta), fmt(bound)) : tr('sweepNone');
}

