// A basin-map worker: its own instance of the core (wasm threads need nightly Rust), compiled
// from the module the page posts, computing chunks of rows for the page's worker pool.
import init, { Explorer } from './pkg/descenso.js';

let ready = null;
let explorer = null;
let link = '';

self.onmessage = async (event) => {
  const m = event.data;
  if (m.type === 'init') {
    ready = init({ module_or_path: m.module });
    return;
  }
  if (m.type !== 'rows' && m.type !== 'starts') return;
  try {
    await ready;
    // The landscape (preset, parameters, typed function, data points) comes as a share link.
    if (!explorer || link !== m.link) {
      explorer?.free();
      explorer = new Explorer('himmelblau');
      explorer.applyLink(m.link).free();
      link = m.link;
    }
    if (m.type === 'starts') {
      const runs = explorer.randomStarts(new Float64Array(m.view), m.seed, m.n, m.steps);
      self.postMessage({ id: m.id, type: 'starts', runs }, [runs.buffer]);
      return;
    }
    const labels = explorer.basinRows(new Float64Array(m.view), m.nx, m.ny, m.row0, m.row1, m.method, m.eta, m.steps, 1e-10, new Float64Array(m.critical));
    self.postMessage({ id: m.id, map: m.map, row0: m.row0, row1: m.row1, labels }, [labels.buffer]);
  } catch (err) {
    self.postMessage({ id: m.id, map: m.map, row0: m.row0, row1: m.row1, error: String(err?.message ?? err) });
  }
};
