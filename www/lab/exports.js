// The SVG and CSV exports, written by the lab's build of the core (the page's first load does
// without them) from a session given the page's whole link: the same runs, number for number.
import { Explorer } from '../pkg-lab/descenso.js';
import { attempt, el, fmt, page, sizeOf, tr } from '../page.js';
import { download } from '../share.js';
import { ready } from './figures.js';

let session = null;

/** The lab's session with the page's configuration and runs. */
async function exporting() {
  await ready;
  session ??= new Explorer('rosenbrock');
  session.applyLink(page.explorer.link(false));
  return session;
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
