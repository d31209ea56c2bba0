// A lab worker: its own instance of the core (wasm threads need nightly Rust) — the lab's build,
// with the exports only workers use — compiled from the module the page posts; it computes
// chunks of basin rows, random starts and saddle escapes for the page's worker pool.
import init, { Explorer } from './pkg-lab/descenso.js';

let started;
// Resolves once the page's 'init' message has arrived and the core is instantiated (messages
// that come earlier wait for it).
const ready = new Promise((resolve) => (started = resolve));
let explorer = null;
let link = '';

self.onmessage = async (event) => {
  const m = event.data;
  if (m.type === 'init') {
    started(init({ module_or_path: m.module }));
    return;
  }
  if (m.type === 'escape') {
    try {
      await ready;
      const curves = Explorer.escapeCurves(m.eta);
      self.postMessage({ id: m.id, type: 'escape', curves }, [curves.buffer]);
    } catch (err) {
      self.postMessage({ id: m.id, type: 'escape', error: String(err?.message ?? err) });
    }
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
