// The lab's build of the core, instantiated on the page's thread from the module the workers
// get: it draws the lab's figures (the core's figure code, plotters, on a display list that
// paint.js paints as it paints the map) and times activations.
import initLab, { LabFigures } from '../pkg-lab/descenso.js';
import { paintList } from '../paint.js';
import { attempt, showNotice, sizeOf, tr } from '../page.js';
import { labModule } from './pool.js';

export const ready = labModule.then((module) => initLab({ module_or_path: module }));
let figures = null;

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
  const size = sizeOf(canvas);
  if (size.width < 50 || size.height < 50) return undefined;
  figures ??= new LabFigures();
  let result;
  if (!attempt(() => (result = draw(figures, new Float64Array([size.width, size.height, window.devicePixelRatio || 1]))))) return undefined;
  paintList(canvas, size, new Float64Array(wasm.memory.buffer, figures.ptr(), figures.count()), figures.texts());
  return result;
}
