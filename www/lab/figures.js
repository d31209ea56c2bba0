// The lab's build of the core, instantiated on the page's thread from the module the workers
// get: it draws the lab's figures (the core's figure code, plotters) and times activations.
import initLab, { LabFigures } from '../pkg-lab/descenso.js';
import { attempt, showNotice, sizeOf, tr } from '../page.js';
import { labModule } from './pool.js';

export const ready = labModule.then((module) => initLab({ module_or_path: module }));

/** Sizes `canvas` to its CSS size at the device-pixel ratio, then `draw(LabFigures, canvas,
 *  ratio)` once the lab's core is in; resolves to what `draw` returned. */
export async function drawFigure(canvas, draw) {
  try {
    await ready;
  } catch (err) {
    showNotice(`${tr('loadFailed')} ${err?.message ?? err}`);
    return undefined;
  }
  const { width, height } = sizeOf(canvas);
  if (width < 50 || height < 50) return undefined;
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  let result;
  attempt(() => (result = draw(LabFigures, canvas, dpr)));
  return result;
}
