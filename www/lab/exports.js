// The PNG, SVG and CSV exports, written by the lab's build of the core (the page's first load
// does without them) from a session given the page's whole link: the same runs, number for number.
import { Explorer } from '../pkg-lab/descenso.js';
import { paintList } from '../paint.js';
import { attempt, el, fmt, page, sizeOf, tr } from '../page.js';
import { download } from '../share.js';
import { ready } from './figures.js';

let session = null;
let memory = null;

/** The lab's session with the page's configuration and runs. */
async function exporting() {
  ({ memory } = await ready);
  session ??= new Explorer('rosenbrock');
  session.applyLink(page.explorer.link(false));
  return session;
}

/** The map as drawn (heatmap, contours, trajectories, marks, its axes and colour bar), at device
 *  pixels, under a caption the core draws: the landscape, η, the start, the iteration, and the
 *  legend of the runs on. */
export async function exportPng() {
  const s = await exporting();
  const frame = el.axes.getBoundingClientRect();
  const k = el.axes.width / frame.width; // device pixels per CSS pixel
  let top = 0;
  if (!attempt(() => (top = s.drawCaption(frame.width, tr, fmt)))) return;
  const caption = document.createElement('canvas');
  paintList(caption, { width: frame.width, height: top }, new Float64Array(memory.buffer, s.sketchPtr(8), s.sketchLen(8)), s.sketchTexts(8));
  const out = Object.assign(document.createElement('canvas'), { width: el.axes.width, height: el.axes.height + Math.round(top * k) });
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(caption, 0, 0, out.width, Math.round(top * k));
  ctx.translate(0, Math.round(top * k));
  const plot = el.overlay.getBoundingClientRect();
  const [x, y, w, h] = [(plot.left - frame.left) * k, (plot.top - frame.top) * k, plot.width * k, plot.height * k];
  for (const layer of [el.heat, el.contours, el.overlay]) {
    if (!layer.hidden && layer.width > 0 && layer.height > 0 && getComputedStyle(layer).display !== 'none') ctx.drawImage(layer, x, y, w, h);
  }
  ctx.drawImage(el.axes, 0, 0, el.axes.width, el.axes.height);
  out.toBlob((blob) => blob && download(`descenso-${page.explorer.preset}.png`, blob), 'image/png');
}

/** Both charts as one SVG drawing, written by the core from the charts' own display lists. */
export async function exportSvg() {
  const s = await exporting();
  const w = Math.max(400, Math.round(sizeOf(el.chartE).width));
  attempt(() => {
    const svg = s.chartsSvg(w, Math.round(w * 1.2), tr('chartE'), tr('chartG'), tr, fmt);
    download(`descenso-${page.explorer.preset}-charts.svg`, new Blob([svg], { type: 'image/svg+xml' }));
  });
}

/** Every trajectory as CSV, written by the core (numbers that parse back exactly). */
export async function exportCsv() {
  const s = await exporting();
  attempt(() => download(`descenso-${page.explorer.preset}.csv`, new Blob([s.trajectoriesCsv(location.href.split('#')[0])], { type: 'text/csv' })));
}
