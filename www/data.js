// The data panel of the neural landscapes: the points (filled for t = 1, hollow below) and the
// model's output at the weights where the first method on stands now. The points are the core's.
import { hiDpiContext } from './paint.js';
import { Explorer } from './pkg/descenso.js';
import { el, page, sizeOf, tr } from './page.js';

const PAD = 10;
let points = new Float64Array(0); // [x0, t0, x1, t1, …] as the core holds them

let limits = [-3, 3, 64]; // [x_min, x_max, most points]: the core's (Explorer.dataLimits)

/** Shows the panel for the neural landscapes, with the core's data. */
export function syncData() {
  const e = page.explorer;
  limits = Array.from(Explorer.dataLimits());
  const neural = e.preset === 'neuron' || e.preset === 'tinynet';
  el.dataBox.hidden = !neural || e.hidden.includes('landscape');
  points = neural ? e.points() : new Float64Array(0);
  if (neural) el.dataNote.textContent = tr('dataNote', points.length / 2);
}

/** Draws the panel; `readouts` as the readout table has them. A core call that may allocate:
 *  run it before taking views of wasm memory. */
export function drawData(readouts) {
  if (el.dataBox.hidden) return;
  const { width, height } = sizeOf(el.data);
  if (width < 10 || height < 10) return;
  const ctx = hiDpiContext(el.data, { width, height });
  const px = (x) => PAD + ((x - limits[0]) / (limits[1] - limits[0])) * (width - 2 * PAD);
  const py = (t) => height - PAD - t * (height - 2 * PAD);
  ctx.clearRect(0, 0, width, height);
  ctx.strokeStyle = '#d6d6de';
  ctx.lineWidth = 1;
  for (const tv of [0, 0.5, 1]) {
    ctx.beginPath();
    ctx.moveTo(px(limits[0]), py(tv));
    ctx.lineTo(px(limits[1]), py(tv));
    ctx.stroke();
  }
  const i = Math.max(0, page.methods.findIndex((_, k) => readouts[k]));
  const r = readouts[i];
  if (r && Number.isFinite(r.x) && Number.isFinite(r.y)) {
    const ys = page.explorer.modelOutput(new Float64Array([r.x, r.y]), 121);
    ctx.strokeStyle = page.colours[i];
    ctx.lineWidth = 2;
    ctx.beginPath();
    ys.forEach((y, k) => {
      const x = limits[0] + ((limits[1] - limits[0]) * k) / (ys.length - 1);
      if (k === 0) ctx.moveTo(px(x), py(y));
      else ctx.lineTo(px(x), py(y));
    });
    ctx.stroke();
  }
  for (let k = 0; k < points.length; k += 2) {
    ctx.beginPath();
    ctx.arc(px(points[k]), py(points[k + 1]), 4.5, 0, 2 * Math.PI);
    ctx.fillStyle = points[k + 1] >= 0.5 ? '#1d1b20' : '#ffffff';
    ctx.fill();
    ctx.strokeStyle = '#1d1b20';
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
}

/** The data after a click at (`clientX`, `clientY`): the point under it removed, or one added
 *  there (rounded to 0.01, clamped to the panel); `null` when the panel is full. */
export function pointsAfterClick(clientX, clientY) {
  const rect = el.data.getBoundingClientRect();
  const x = limits[0] + ((clientX - rect.left - PAD) / (rect.width - 2 * PAD)) * (limits[1] - limits[0]);
  const tv = (rect.height - PAD - (clientY - rect.top)) / (rect.height - 2 * PAD);
  const next = Array.from(points);
  let hit = -1;
  for (let k = 0; k < next.length; k += 2) {
    const dx = ((next[k] - x) / (limits[1] - limits[0])) * (rect.width - 2 * PAD);
    const dy = (next[k + 1] - tv) * (rect.height - 2 * PAD);
    if (dx * dx + dy * dy < 81) hit = k;
  }
  if (hit >= 0) next.splice(hit, 2);
  else if (next.length >= 2 * limits[2]) return null;
  else next.push(Math.round(Math.min(limits[1], Math.max(limits[0], x)) * 100) / 100, Math.round(Math.min(1, Math.max(0, tv)) * 100) / 100);
  return next;
}
