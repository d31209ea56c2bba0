// The basin kernel, three ways, with the targets: 256 × 256 starts over [−5, 5]² on
// Himmelblau, up to 100 Newton steps each, (i) exactly 100 steps, (ii) stopping once
// ‖∇E‖ < 1e-10; (a) native Rust (release, crate/examples/basin_kernel.rs), (b) our wasm in
// headless Chromium on one thread (a lab worker, where the page computes basin maps), (c) the
// same loop in JavaScript as a careful author writes it, in the same browser (on the page's
// thread). Also (iii) the GD map the page recomputes while η is dragged, all three ways.
// Figures, not assertions. Usage: node bench/basins.mjs   (after scripts/dist.sh)
import { execFileSync } from 'node:child_process';
import { openBrowser, openPage, ROOT } from '../tests/helpers.mjs';

const RUNS = 9;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// (a) native
const native = execFileSync('cargo', ['run', '--release', '-q', '-p', 'descenso', '--example', 'basin_kernel'], { cwd: ROOT, encoding: 'utf8' });
const lines = Object.fromEntries(native.trim().split('\n').map((l) => [l.split(' ')[0], l.split(' ').slice(1)]));
const critical = lines.critical[0].split(',').map(Number);
const a = { fixed100: Number(lines.fixed100[0]), early: Number(lines.early[0]), gd100: Number(lines.gd100[0]) };
const checksum = Number(lines.fixed100[1]);

// The same kernel in JavaScript as a careful author writes it: one plain loop, squared norms
// compared with squared bounds (no square root, no Math.hypot, which V8 runs 10× slower than
// sqrt), Himmelblau's derivatives inlined, the labels written into one preallocated Uint8Array,
// nothing allocated per start. `gd > 0`: gradient descent with that η; 0: Newton.
function carefulKernel(n, steps, tol, critical, gd, out) {
  const r2 = 1e-2 * 1e-2;
  const tol2 = tol * tol;
  const m = critical.length;
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const y0 = 5 - ((r + 0.5) * 10) / n;
    for (let c = 0; c < n; c++) {
      let x = -5 + ((c + 0.5) * 10) / n;
      let y = y0;
      let label = -1;
      for (let s = 0; s < steps; s++) {
        const a1 = x * x + y - 11;
        const b1 = x + y * y - 7;
        const gx = 4 * x * a1 + 2 * b1;
        const gy = 2 * a1 + 4 * y * b1;
        if (gx * gx + gy * gy < tol2) break;
        let nx;
        let ny;
        if (gd > 0) {
          nx = x - gd * gx;
          ny = y - gd * gy;
        } else {
          const hxx = 12 * x * x + 4 * y - 42;
          const hxy = 4 * x + 4 * y;
          const hyy = 4 * x + 12 * y * y - 26;
          const det = hxx * hyy - hxy * hxy;
          if (det === 0) {
            label = 255;
            break;
          }
          nx = x - (hyy * gx - hxy * gy) / det;
          ny = y - (hxx * gy - hxy * gx) / det;
        }
        if (!(nx * nx + ny * ny <= 1e16)) {
          label = 254;
          break;
        }
        x = nx;
        y = ny;
      }
      if (label < 0) {
        label = 255;
        let best = r2;
        for (let k = 0; k < m; k += 2) {
          const dx = critical[k] - x;
          const dy = critical[k + 1] - y;
          const d = dx * dx + dy * dy;
          if (d <= best) {
            best = d;
            label = k >> 1;
          }
        }
      }
      out[r * n + c] = label;
      sum += label;
    }
  }
  return sum;
}

/** The careful JavaScript kernel timed in `page`: median of RUNS after a warm-up, and runs' spread. */
function careful(page, tol, gd) {
  return page.evaluate(
    ({ runs, tol, critical, gd, source }) => {
      const kernel = new Function(`return ${source}`)();
      const out = new Uint8Array(256 * 256);
      const crit = new Float64Array(critical);
      kernel(256, 100, tol, crit, gd, out); // warm-up: the optimizing tiers
      const ts = [];
      let sum = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        sum = kernel(256, 100, tol, crit, gd, out);
        ts.push(performance.now() - t0);
      }
      ts.sort((x, y) => x - y);
      return { ms: ts[Math.floor(runs / 2)], lo: ts[0], hi: ts[runs - 1], sum };
    },
    { runs: RUNS, tol, critical, gd, source: carefulKernel.toString() },
  );
}

const browser = await openBrowser();
const b = {};
const c = {};
let dragged = null;
let latency = [];
try {
  const { page } = await openPage(browser);
  for (const [name, tol] of [['fixed100', 0], ['early', 1e-10]]) {
    // (b) on one of the lab's workers (one thread: where the page computes basin maps).
    const wasm = await page.evaluate(
      ({ runs, tol, critical }) => globalThis.descensoBench.basinKernel({ n: 256, steps: 100, tol, method: 'newton', eta: 1, critical, runs }),
      { runs: RUNS, tol, critical },
    );
    b[name] = { ms: median(wasm.times), sum: wasm.sum };
    // (c) on the page's thread (the same engine and tiers).
    c[name] = await careful(page, tol, 0);
  }
  // The map the page recomputes while η is dragged: GD (η = 0.01), 100 steps, one thread.
  const gd = await page.evaluate(
    ({ runs, critical }) => globalThis.descensoBench.basinKernel({ n: 256, steps: 100, tol: 1e-10, method: 'gd', eta: 0.01, critical, runs }),
    { runs: RUNS, critical },
  );
  b.gd100 = { ms: median(gd.times), sum: gd.sum };
  c.gd100 = await careful(page, 1e-10, 0.01);
  await page.close();

  // The whole basin view while η is dragged: the slider moved every animation frame for 4 s
  // (η from 10^-3 to 10^-2 and back, on Himmelblau), counting the 256 × 256 GD maps completed.
  const drag = await openPage(browser, '/#v=1&l=himmelblau&eta=0.01');
  await drag.page.check('#show-basins');
  await drag.page.waitForFunction(() => document.getElementById('basins').dataset.done, null, { timeout: 30000 });
  dragged = await drag.page.evaluate(async () => {
    const basins = document.getElementById('basins');
    const slider = document.getElementById('eta');
    const completed = [];
    let seen = basins.dataset.done;
    const watch = new MutationObserver(() => {
      if (basins.dataset.done !== seen) {
        seen = basins.dataset.done;
        completed.push(performance.now());
      }
    });
    watch.observe(basins, { attributes: true, attributeFilter: ['data-done'] });
    const t0 = performance.now();
    let frames = 0;
    // The page's own main-thread time per η change: the input's handler (η to the core, the
    // readouts, the map's overlay, the basin job's plan) and what the frame then runs (the
    // charts when due, the basin rows drawn), from the event to the end of the next frame's
    // callbacks.
    const own = [];
    while (performance.now() - t0 < 4000) {
      slider.value = String(-2.5 + 0.5 * Math.sin(frames / 15));
      const a = performance.now();
      slider.dispatchEvent(new Event('input'));
      const handler = performance.now() - a;
      frames++;
      await new Promise((r) => requestAnimationFrame(r));
      const b = performance.now();
      await new Promise((r) => setTimeout(r, 0));
      own.push({ handler, frame: handler + (performance.now() - b) });
    }
    const seconds = (performance.now() - t0) / 1000;
    watch.disconnect();
    const inDrag = completed.filter((t) => t <= t0 + seconds * 1000);
    const q = (xs, f) => [...xs].sort((x, y) => x - y)[Math.floor(f * (xs.length - 1))];
    const handlers = own.map((o) => o.handler);
    const frames2 = own.map((o) => o.frame);
    return {
      maps: inDrag.length,
      seconds,
      frames,
      workers: document.getElementById('basins-status').textContent,
      own: { median: q(handlers, 0.5), p90: q(handlers, 0.9), frameMedian: q(frames2, 0.5), frameP90: q(frames2, 0.9) },
    };
  });
  await drag.page.close();

  // The page's thread while a basin map computes (Camel, from the lab loaded): Step clicks every
  // 10 ms, how long each took to show its readout, and the longest delay of a 10 ms timer.
  latency = [];
  for (let run = 0; run < 5; run++) {
    const camel = await openPage(browser, '/#v=1&l=camel');
    await camel.page.check('#show-basins');
    await camel.page.waitForFunction(() => !document.getElementById('basins').hidden, null, { timeout: 15000 });
    latency.push(
      await camel.page.evaluate(async () => {
        const done = () => Boolean(document.getElementById('basins').dataset.done);
        const clicks = [];
        const gaps = [];
        let last = performance.now();
        while (!done() && gaps.length < 200) {
          await new Promise((r) => setTimeout(r, 10));
          const now = performance.now();
          gaps.push(now - last - 10);
          document.getElementById('step').click();
          clicks.push(performance.now() - now);
          last = performance.now();
        }
        return { click: Math.max(...clicks), gap: Math.max(...gaps), n: clicks.length };
      }),
    );
    await camel.page.close();
  }
} finally {
  await browser.close();
}

const f = (x) => `${x.toFixed(1)} ms`.padStart(10);
console.log('Basin kernel: Himmelblau, 256 × 256 starts over [−5, 5]², medians of 9 (careful JS: its fastest–slowest run)');
console.log('                         (a) native   (b) wasm  (c) careful JS     b/a    b/c   (targets: b/a ≤ 1.0, b/c ≤ 0.4)');
for (const [name, label] of [['fixed100', '(i) Newton, 100 steps'], ['early', '(ii) Newton, ‖∇E‖<1e-10'], ['gd100', '(iii) GD η=0.01, 100']]) {
  const spread = `${c[name].lo.toFixed(1)}–${c[name].hi.toFixed(1)}`;
  console.log(`${label.padEnd(24)} ${f(a[name])} ${f(b[name].ms)} ${f(c[name].ms)} (${spread})   ${(b[name].ms / a[name]).toFixed(2)}   ${(b[name].ms / c[name].ms).toFixed(2)}`);
}
console.log(
  `Basin view while η is dragged (256 × 256, GD 100 steps, ${dragged.frames} slider moves in ${dragged.seconds.toFixed(1)} s): ${dragged.maps} maps = ${(dragged.maps / dragged.seconds).toFixed(1)} updates/s (target ≥ 20); last status: ${dragged.workers}`,
);
const o = dragged.own;
console.log(
  `the page's main thread per η change while dragged: input handler median ${o.median.toFixed(2)} ms, p90 ${o.p90.toFixed(2)} ms; with the next frame's work median ${o.frameMedian.toFixed(2)} ms, p90 ${o.frameP90.toFixed(2)} ms (target ≤ 4 ms)`,
);
console.log(`checksums (i): native ${checksum}, wasm ${b.fixed100.sum}, careful JS ${c.fixed100.sum}; (iii): native ${lines.gd100[1]}, wasm ${b.gd100.sum}, careful JS ${c.gd100.sum} (labels may differ on a few boundary starts)`);
console.log(
  `while a 256² basin map computes (Camel, 5 loads): slowest Step click ${latency.map((l) => l.click.toFixed(1)).join(', ')} ms; longest 10 ms timer delay ${latency.map((l) => l.gap.toFixed(1)).join(', ')} ms (target < 100 ms), over ${latency.map((l) => l.n).join(', ')} clicks`,
);
