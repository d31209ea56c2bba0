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
  if (m.type === 'kernel') {
    // The basin kernel benchmark (bench/basins.mjs): a whole Himmelblau map over [−5, 5]² on
    // this thread, timed here; the labels' sum as a checksum.
    try {
      await ready;
      const e = new Explorer('himmelblau');
      const view = new Float64Array([-5, 5, -5, 5]);
      const critical = new Float64Array(m.critical);
      const run = () => e.basinRows(view, m.n, m.n, 0, m.n, m.method, m.eta, m.steps, m.tol, critical).reduce((a, b) => a + b, 0);
      run(); // warm-up: the optimizing tiers
      const times = [];
      let sum = 0;
      for (let i = 0; i < m.runs; i++) {
        const t0 = performance.now();
        sum = run();
        times.push(performance.now() - t0);
      }
      e.free();
      self.postMessage({ id: m.id, type: 'kernel', times, sum });
    } catch (err) {
      self.postMessage({ id: m.id, type: 'kernel', error: String(err?.message ?? err) });
    }
    return;
  }
  if (m.type === 'cost') {
    cost = m.id;
    try {
      await ready;
      await measureCost(m);
    } catch (err) {
      self.postMessage({ id: m.id, type: 'cost', error: String(err?.message ?? err) });
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
      explorer.applyLink(m.link);
      link = m.link;
    }
    if (m.type === 'starts') {
      const report = explorer.randomStarts(new Float64Array(m.view), m.seed, m.n, m.steps, m.seeds, m.bins);
      const { runs, histogram } = report;
      report.free();
      self.postMessage({ id: m.id, type: 'starts', runs, histogram }, [runs.buffer, histogram.buffer]);
      return;
    }
    const labels = explorer.basinRows(new Float64Array(m.view), m.nx, m.ny, m.row0, m.row1, m.method, m.param, m.steps, 1e-10, new Float64Array(m.critical));
    self.postMessage({ type: 'rows', id: m.id, map: m.map, row0: m.row0, row1: m.row1, labels }, [labels.buffer]);
  } catch (err) {
    self.postMessage({ type: m.type, id: m.id, map: m.map, row0: m.row0, row1: m.row1, error: String(err?.message ?? err) });
  }
};

// ---- what Newton costs ---------------------------------------------------------------------

let cost = 0; // the current measurement; a newer one stops the older between sizes

/** Times one GD step and one Newton step for each N (largest last) on this worker's clock,
 *  posting every row as it is measured with what the rows so far say (the core's fits). */
async function measureCost(m) {
  const rows = [];
  const sizes = Explorer.costSizes(m.max, m.count);
  for (const n of sizes) {
    await new Promise((r) => setTimeout(r)); // let a newer request in
    if (cost !== m.id) return;
    rows.push(Array.from(Explorer.costRow(n, m.seed, () => performance.now())));
    const [gs, gc, ns, nc] = Explorer.costSummary(new Float64Array(rows.flat()), m.fitFrom);
    self.postMessage({ id: m.id, type: 'cost', rows, gd: [gs, gc], newton: [ns, nc], done: rows.length === sizes.length });
  }
}
