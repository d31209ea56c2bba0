// A step on all the weights of a network, with the targets (issue 16): one GD step on
// 200 points for N ≈ 50 in ≤ 0.2 ms and one Newton step (exact Hessian and solve) at N ≈ 100 in
// ≤ 20 ms, in the browser, in a worker. Measured three ways, in the same run: (a) native Rust
// (release, crate/examples/network_steps.rs), (b) our wasm on one of the lab's workers (what
// the network panel's "Time a step" button runs), (c) a GD step in JavaScript as a careful
// author writes it, on the page's thread: the same network shape, 200 points, Float64Arrays
// allocated once, backpropagation in plain loops. Each figure is cost::per_step's (the best of
// five batches of at least 10 ms), repeated REPEATS times: median and range.
// Figures, not assertions. Usage: node bench/network.mjs   (after scripts/dist.sh)
import { execFileSync } from 'node:child_process';
import { openBrowser, openPage, ROOT } from '../tests/helpers.mjs';

const REPEATS = 5;
const SETUPS = [
  ['moons_h6.4_pts200_scale0.5_m.gd.newton', [6, 4]],
  ['moons_h8.8_pts200_scale0.5_m.gd.newton', [8, 8]],
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => `${fmt(median(xs))} [${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}]`;
const fmt = (s) => (s < 1e-3 ? `${(s * 1e6).toFixed(1)} µs` : `${(s * 1e3).toFixed(2)} ms`);

/** One GD step of a 2–h1–h2–1 tanh network with a sigmoid output and the mean squared error on
 *  `n` points: forward, backward, update, the loss returned. Weights layer by layer (matrix row
 *  per unit, then biases), as the core lays them out. */
function carefulStep(shape, w, g, xs, ts, n, eta, buf) {
  const [i0, h1, h2] = shape;
  const { a1, a2, d1, d2 } = buf;
  const o1 = 0;
  const b1 = o1 + h1 * i0;
  const o2 = b1 + h1;
  const b2 = o2 + h2 * h1;
  const o3 = b2 + h2;
  const b3 = o3 + h2;
  g.fill(0);
  let loss = 0;
  for (let p = 0; p < n; p++) {
    const x0 = xs[2 * p];
    const x1 = xs[2 * p + 1];
    for (let j = 0; j < h1; j++) a1[j] = Math.tanh(w[b1 + j] + w[o1 + j * i0] * x0 + w[o1 + j * i0 + 1] * x1);
    for (let j = 0; j < h2; j++) {
      let z = w[b2 + j];
      for (let i = 0; i < h1; i++) z += w[o2 + j * h1 + i] * a1[i];
      a2[j] = Math.tanh(z);
    }
    let z = w[b3];
    for (let i = 0; i < h2; i++) z += w[o3 + i] * a2[i];
    const y = 1 / (1 + Math.exp(-z));
    const r = y - ts[p];
    loss += (r * r) / n;
    const dz = (2 * r * y * (1 - y)) / n;
    for (let i = 0; i < h2; i++) {
      g[o3 + i] += dz * a2[i];
      d2[i] = dz * w[o3 + i] * (1 - a2[i] * a2[i]);
    }
    g[b3] += dz;
    for (let i = 0; i < h1; i++) d1[i] = 0;
    for (let j = 0; j < h2; j++) {
      const d = d2[j];
      for (let i = 0; i < h1; i++) {
        g[o2 + j * h1 + i] += d * a1[i];
        d1[i] += w[o2 + j * h1 + i] * d;
      }
      g[b2 + j] += d;
    }
    for (let j = 0; j < h1; j++) {
      const d = d1[j] * (1 - a1[j] * a1[j]);
      g[o1 + j * i0] += d * x0;
      g[o1 + j * i0 + 1] += d * x1;
      g[b1 + j] += d;
    }
  }
  for (let k = 0; k < w.length; k++) w[k] -= eta * g[k];
  return loss;
}

// (a) native
const tokens = SETUPS.map(([t]) => t);
const a = Object.fromEntries(SETUPS.map(([t]) => [t, { gd: [], newton: [] }]));
for (let r = 0; r < REPEATS; r++) {
  const out = execFileSync('cargo', ['run', '--release', '-q', '-p', 'descenso', '--example', 'network_steps', '--', ...tokens], { cwd: ROOT, encoding: 'utf8' });
  for (const line of out.trim().split('\n')) {
    const [token, , ...rest] = line.split(' ');
    for (let k = 0; k + 1 < rest.length; k += 2) a[token][rest[k]].push(Number(rest[k + 1]));
  }
}

const browser = await openBrowser();
const b = Object.fromEntries(SETUPS.map(([t]) => [t, { gd: [], newton: [], n: 0 }]));
const c = Object.fromEntries(SETUPS.map(([t]) => [t, []]));
try {
  const { page } = await openPage(browser);
  for (const [token, hidden] of SETUPS) {
    for (let r = 0; r < REPEATS; r++) {
      // (b) a lab worker: [N, index, seconds, index, seconds] (GD then Newton).
      const wire = await page.evaluate((link) => globalThis.descensoBench.networkSteps(link), `v=1&l=himmelblau&net=${token}`);
      b[token].n = wire[0];
      b[token].gd.push(wire[2]);
      b[token].newton.push(wire[4]);
      // (c) the careful JavaScript GD step, timed as cost::per_step does (best of five batches
      // of at least 10 ms, after a warm-up).
      c[token].push(
        await page.evaluate(
          ({ shape, source }) => {
            const step = new Function(`return ${source}`)();
            const n = 200;
            const [i0, h1, h2] = shape;
            const size = (i0 + 1) * h1 + (h1 + 1) * h2 + h2 + 1;
            let seed = 1;
            const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
            const w = Float64Array.from({ length: size }, () => 0.5 * rand());
            const g = new Float64Array(size);
            const xs = Float64Array.from({ length: 2 * n }, rand);
            const ts = Float64Array.from({ length: n }, (_, p) => (xs[2 * p] * xs[2 * p + 1] > 0 ? 1 : 0));
            const buf = { a1: new Float64Array(h1), a2: new Float64Array(h2), d1: new Float64Array(h1), d2: new Float64Array(h2) };
            const run = (k) => {
              for (let s = 0; s < k; s++) step(shape, w, g, xs, ts, n, 1e-9, buf);
            };
            run(1);
            let [k, best, batches] = [1, Infinity, 0];
            while (batches < 5) {
              const t0 = performance.now();
              run(k);
              const s = (performance.now() - t0) / 1000;
              if (s >= 0.01) {
                best = Math.min(best, s / k);
                batches++;
              } else k = Math.max(2 * k, Math.ceil((k * 0.012) / Math.max(s, 1e-4)));
            }
            return best;
          },
          { shape: [2, ...hidden], source: carefulStep.toString() },
        ),
      );
    }
  }
  await page.close();
} finally {
  await browser.close();
}

console.log(`A step on all the weights, 200 points of two moons, seeded start (scale 0.5); median [min–max] of ${REPEATS} repeats, each the best of five batches ≥ 10 ms:`);
for (const [token, hidden] of SETUPS) {
  const n = b[token].n;
  console.log(`N = ${n} (2–${hidden.join('–')}–1, tanh, squared error):`);
  console.log(`  GD step      native ${spread(a[token].gd)}   wasm in a worker ${spread(b[token].gd)}   careful JS (page thread) ${spread(c[token])}`);
  console.log(`  Newton step  native ${spread(a[token].newton)}   wasm in a worker ${spread(b[token].newton)}`);
}
console.log('Targets (issue 16, in the browser, in a worker): GD step at N ≈ 50 ≤ 0.2 ms; Newton step at N ≈ 100 ≤ 20 ms.');
