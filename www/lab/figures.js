// The lab's build of the core, instantiated on the page's thread from the module the workers
// get: it draws the lab's figures (the core's figure code, plotters, on a display list that
// paint.js paints as it paints the map) and times activations.
import initLab, { Explorer, LabFigures } from '../pkg-lab/descenso.js';
import { paintList } from '../paint.js';
import { attempt, drawSize, page, showNotice, tr } from '../page.js';
import { CRITICAL_SEEDS } from '../plot.js';
import { labModule } from './pool.js';

export const ready = labModule.then((module) => initLab({ module_or_path: module }));
let figures = null;
let session = null; // the lab's session with the page's runs (following their link)
let sessionLink = '';
let criticalFor = ''; // the landscape and view its critical points were found for

/** Moves the page's session into the lab's build of the core, which compiles typed functions
 *  and trains networks (the page's own wasm leaves both out): the same configuration through
 *  the session's whole link, runs number for number; the page then talks to it as to its own. */
export async function adopt() {
  const wasm = await ready;
  if (page.full) return;
  const next = new Explorer('rosenbrock');
  next.applyLink(page.explorer.link(false));
  page.explorer.free();
  // (Its panels include the network's.)
  Object.assign(page, { explorer: next, wasm, full: true, labPanels: Explorer.names('panels') });
}

/** The lab's session for what the page runs now (landscape, view, start, methods), with the
 *  critical points in view found: the sweep runs on it, the basin maps take their critical
 *  points, colours and marks from it. */
export async function labSession() {
  await ready;
  session ??= new Explorer('rosenbrock');
  // (The page's language too: the basin maps' axes write its decimals.)
  if (session.lang !== page.lang) attempt(() => session.setLang(page.lang));
  const link = page.explorer.runsLink();
  if (link !== sessionLink) {
    session.applyLink(link);
    sessionLink = link;
    const where = `${page.explorer.landscapeLink()}|${Array.from(page.explorer.view)}`;
    if (where !== criticalFor) attempt(() => session.findCritical(CRITICAL_SEEDS));
    criticalFor = where;
  }
  return session;
}

/** Paints the lab session's display list `which` on `canvas` of CSS size `size`. */
export async function paintLab(canvas, size, which) {
  const wasm = await ready;
  const s = await labSession();
  const texts = s.sketchTexts(which);
  paintList(canvas, size, new Float64Array(wasm.memory.buffer, s.sketchPtr(which), s.sketchLen(which)), texts);
}

/** The η under the horizontal CSS position `x` of the sweep last drawn (NaN: none there). */
export const sweepEtaAt = (x) => figures?.sweepEtaAt(x / page.zoom) ?? NaN;

/** `[η, β]` under the CSS position `(x, y)` of the momentum map last drawn (empty: none there). */
export const momentumAt = (x, y) => Array.from(figures?.momentumAt(x / page.zoom, y / page.zoom) ?? []);

/** `draw(figures, [width, height, ratio])` once the lab's core is in (a figure for `canvas`'s CSS
 *  size at the device-pixel ratio), then paints it; resolves to what `draw` returned. */
export async function drawFigure(canvas, draw) {
  let wasm;
  try {
    wasm = await ready;
  } catch (err) {
    showNotice(`${tr('loadFailed')} ${err?.message ?? err}`);
    return undefined;
  }
  const size = drawSize(canvas);
  if (size.width < 50 || size.height < 50) return undefined;
  figures ??= new LabFigures();
  let result;
  if (!attempt(() => (result = draw(figures, new Float64Array([size.width, size.height, (window.devicePixelRatio || 1) * page.zoom]))))) return undefined;
  paintList(canvas, size, new Float64Array(wasm.memory.buffer, figures.ptr(), figures.count()), figures.texts());
  return result;
}
