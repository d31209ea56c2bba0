// A lab worker: its own instance of the core (wasm threads need nightly Rust) — the lab's build,
// with the exports only workers use — compiled from the module the page posts; it computes
// chunks of basin rows, random starts, saddle escapes and what Newton costs for the page's
// worker pool, and times the basin kernel for the benchmark.
import init, { Explorer } from './pkg-lab/descenso.js';

let started;
// Resolves once the page's 'init' message has arrived and the core is instantiated (messages
// that come earlier wait for it).
const ready = new Promise((resolve) => (started = resolve));
let explorer = null;
let link = '';
let cost = 0; // the current cost measurement; a newer one stops the older between sizes
const now = () => performance.now();

/** The session for the share link `next` (the landscape, and for random starts the methods). */
function session(next) {
  if (!explorer || link !== next) {
    explorer?.free();
    explorer = new Explorer('himmelblau');
    explorer.applyLink(next);
    link = next;
  }
  return explorer;
}

/** What each request computes: a reply's fields and the buffers it transfers. */
const WORK = {
  escape(m) {
    const curves = Explorer.escapeCurves(m.eta);
    return [{ curves }, [curves.buffer]];
  },
  // The basin kernel benchmark (bench/basins.mjs): a whole Himmelblau map over [−5, 5]² on this
  // thread, timed in the core; the labels' sum as a checksum.
  kernel(m) {
    const [sum, ...times] = session('v=1&l=himmelblau&view=-5,5,-5,5').basinKernel(m.n, m.method, m.eta, m.steps, m.tol, new Float64Array(m.critical), m.runs, now);
    return [{ times, sum }, []];
  },
  starts(m) {
    const report = session(m.link).randomStarts(new Float64Array(m.view), m.seed, m.n, m.steps, m.seeds, m.bins);
    const { runs, histogram } = report;
    report.free();
    return [{ runs, histogram }, [runs.buffer, histogram.buffer]];
  },
  // A network's methods from many starts (the network panel).
  netStarts(m) {
    const report = session(m.link).networkStarts(m.n, m.bins);
    const { histogram, tallies } = report;
    report.free();
    return [{ histogram, tallies }, [histogram.buffer, tallies.buffer]];
  },
  // The network panel's training (every method from the setup's start), off the page's thread.
  netTrain(m) {
    const report = session(m.link).networkReport();
    return [{ report }, [report.buffer]];
  },
  // Each network method's time per step at its start (the network panel, bench/network.mjs).
  netTimes(m) {
    const times = session(m.link).networkStepTimes(now);
    return [{ times }, [times.buffer]];
  },
  rows(m) {
    const labels = session(m.link).basinRows(new Float64Array(m.view), m.nx, m.ny, m.row0, m.row1, m.method, m.param, m.steps, 1e-10, new Float64Array(m.critical));
    return [{ map: m.map, row0: m.row0, row1: m.row1, labels }, [labels.buffer]];
  },
  // What Newton costs: posts every row as it is measured, with the core's fits of the rows so
  // far; returns nothing itself.
  async cost(m) {
    cost = m.id;
    const rows = [];
    const sizes = Explorer.costSizes(m.max, m.count);
    for (const n of sizes) {
      await new Promise((r) => setTimeout(r)); // let a newer request in
      if (cost !== m.id) return null;
      rows.push(Array.from(Explorer.costRow(n, m.seed, now)));
      const s = Explorer.costSummary(new Float64Array(rows.flat()), m.fitFrom);
      const [gd, newton, quasi] = [[s[0], s[1]], [s[2], s[3]], [s[6], s[8], s[10]]];
      self.postMessage({ id: m.id, type: 'cost', rows, gd, newton, quasi, done: rows.length === sizes.length });
    }
    return null;
  },
};

self.onmessage = async ({ data: m }) => {
  if (m.type === 'init') return started(init({ module_or_path: m.module }));
  if (!WORK[m.type]) return;
  try {
    await ready;
    const out = await WORK[m.type](m);
    if (out) self.postMessage({ id: m.id, type: m.type, ...out[0] }, out[1]);
  } catch (err) {
    self.postMessage({ id: m.id, type: m.type, map: m.map, row0: m.row0, row1: m.row1, error: String(err?.message ?? err) });
  }
};
