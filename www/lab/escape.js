// Saddle escape: the steps GD needs to leave a saddle, against the distance ε and against the
// dimension N, computed by the core on a worker; drawn here.
import { hiDpiContext } from '../draw.js';
import { el, page, sizeOf, tr } from '../page.js';
import * as pool from './pool.js';

const escape = { id: 0 };

/** Computes the escape curves on a worker at the current η (capped at 0.9). */
export function runEscape() {
  escape.id += 1;
  pool.post({ type: 'escape', id: escape.id, eta: Math.min(0.9, page.explorer.eta) });
}

pool.on('escape', (m) => {
  if (m.id !== escape.id) return;
  if (m.error) el.escapeNote.textContent = m.error;
  else drawEscape(m.curves);
});

/** Two log-x panels: steps against ε (with the prediction, dashed) and against N. */
function drawEscape(c) {
  const eps = [];
  const dims = [];
  for (let k = 0; k < 36; k += 3) eps.push([c[k], c[k + 1], c[k + 2]]);
  for (let k = 36; k + 2 < c.length; k += 3) dims.push([c[k], c[k + 1], c[k + 2]]);
  el.escape.dataset.eps = JSON.stringify(eps);
  el.escape.dataset.dims = JSON.stringify(dims);
  el.escapeNote.textContent = tr('escapeDone', eps[eps.length - 1][1], dims[dims.length - 1][1]);
  const { width, height } = sizeOf(el.escapeChart);
  if (width < 50 || height < 50) return;
  const { ctx } = hiDpiContext(el.escapeChart, { width, height });
  ctx.font = '11px sans-serif';
  const half = (width - 12) / 2;
  const panel = (x0, rows, xLabel, ticks) => {
    const left = x0 + 34;
    const w = half - 40;
    const top = 22;
    const h = height - 46;
    const yMax = Math.max(...rows.flatMap((r) => [r[1], r[2]]).filter(Number.isFinite)) * 1.05;
    const lxs = rows.map((r) => Math.log10(r[0]));
    const [a, b] = [Math.min(...lxs), Math.max(...lxs)];
    const px = (v) => left + ((Math.log10(v) - a) / (b - a)) * w;
    const py = (v) => top + h - (v / yMax) * h;
    ctx.strokeStyle = '#c8c8d0';
    ctx.lineWidth = 1;
    ctx.strokeRect(left, top, w, h);
    ctx.fillStyle = '#55555f';
    ctx.textAlign = 'right';
    ctx.fillText('0', left - 3, top + h);
    ctx.fillText(String(Math.round(yMax)), left - 3, top + 10);
    ctx.textAlign = 'center';
    for (const [v, label] of ticks) ctx.fillText(label, px(v), height - 12);
    ctx.fillText(xLabel, left + w / 2, height - 1);
    return (i, colour, dash) => {
      ctx.strokeStyle = colour;
      ctx.setLineDash(dash);
      ctx.lineWidth = 2;
      ctx.beginPath();
      rows.forEach((r, k) => (k ? ctx.lineTo(px(r[0]), py(r[i])) : ctx.moveTo(px(r[0]), py(r[i]))));
      ctx.stroke();
      ctx.setLineDash([]);
    };
  };
  const byEps = panel(0, eps, 'ε', [[1e-1, '10⁻¹'], [1e-6, '10⁻⁶'], [1e-12, '10⁻¹²']]);
  byEps(2, '#7b1fa2', [5, 4]);
  byEps(1, '#1b6fb3', []);
  const byDim = panel(half + 12, dims, 'N', [[2, '2'], [16, '16'], [256, '256']]);
  byDim(1, '#1b6fb3', []);
  byDim(2, '#2f7d32', [2, 3]);
  ctx.fillStyle = '#1d1b20';
  ctx.textAlign = 'left';
  ctx.fillText(tr('escapeSteps'), 34, 14);
}

