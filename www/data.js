// The data panel of the neural landscapes, drawn by the core (the points, filled for t = 1 and
// hollow below, and the model's output at the weights where the first method on stands now); a
// click there adds a point or takes one away, in the core.
import { paint } from './paint.js';
import { attempt, drawSize, el, page, tr } from './page.js';

/** Shows the panel for the neural landscapes, with how many points the core holds. */
export function syncData() {
  const e = page.explorer;
  const neural = e.preset === 'neuron' || e.preset === 'tinynet';
  el.dataBox.hidden = !neural || e.hidden.includes('landscape');
  if (neural) el.dataNote.textContent = tr('dataNote', e.points().length / 2);
}

/** Draws the panel (a core call that may allocate: before taking other views of wasm memory). */
export function drawData() {
  if (el.dataBox.hidden) return;
  const size = drawSize(el.data);
  if (size.width < 10 || size.height < 10) return;
  page.explorer.drawData(size.width, size.height);
  paint(el.data, size, 6);
}

/** A click on the panel, told to the core; whether the data changed. */
export function clickData(ev) {
  const r = el.data.getBoundingClientRect();
  const k = page.zoom; // (the panel is laid out for its CSS size over the zoom)
  return attempt(() => page.explorer.dataClick((ev.clientX - r.left) / k, (ev.clientY - r.top) / k, r.width / k, r.height / k));
}
