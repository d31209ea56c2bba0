// The basin kernel, three ways, with the targets: 256 × 256 starts over [−5, 5]² on
// Himmelblau, up to 100 Newton steps each, (i) exactly 100 steps, (ii) stopping once
// ‖∇E‖ < 1e-10; (a) native Rust (release, crate/examples/basin_kernel.rs), (b) our wasm in
// headless Chromium on one thread, (c) the same loop in plain JavaScript in the same browser.
// Figures, not assertions. Usage: node bench/basins.mjs   (after scripts/dist.sh)
import { execFileSync } from 'node:child_process';
import { openBrowser, openPage, ROOT } from '../tests/helpers.mjs';

const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// (a) native
const native = execFileSync('cargo', ['run', '--release', '-q', '-p', 'descenso', '--example', 'basin_kernel'], { cwd: ROOT, encoding: 'utf8' });
const lines = Object.fromEntries(native.trim().split('\n').map((l) => [l.split(' ')[0], l.split(' ').slice(1)]));
const critical = lines.critical[0].split(',').map(Number);
const a = { fixed100: Number(lines.fixed100[0]), early: Number(lines.early[0]) };
const checksum = Number(lines.fixed100[1]);

// A plain-JavaScript version of the same kernel, as a JS visualizer would write it.
function plainKernel(n, steps, tol, critical) {
  const radius = 1e-2;
  let sum = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      let x = -5 + ((c + 0.5) * 10) / n;
      let y = 5 - ((r + 0.5) * 10) / n;
      let label = -1;
      for (let s = 0; s < steps; s++) {
        const a1 = x * x + y - 11;
        const b1 = x + y * y - 7;
        const gx = 4 * x * a1 + 2 * b1;
        const gy = 2 * a1 + 4 * y * b1;
        if (Math.hypot(gx, gy) < tol) break;
        const hxx = 12 * x * x + 4 * y - 42;
        const hxy = 4 * x + 4 * y;
        const hyy = 4 * x + 12 * y * y - 26;
        const det = hxx * hyy - hxy * hxy;
        if (det === 0) {
          label = 255;
          break;
        }
        const nx = x - (hyy * gx - hxy * gy) / det;
        const ny = y - (hxx * gy - hxy * gx) / det;
        if (!(Math.hypot(nx, ny) <= 1e8)) {
          label = 254;
          break;
        }
        x = nx;
        y = ny;
      }
      if (label < 0) {
        label = 255;
        let best = radius;
        for (let k = 0; k < critical.length; k += 2) {
          const d = Math.hypot(critical[k] - x, critical[k + 1] - y);
          if (d <= best) {
            best = d;
            label = k / 2;
          }
        }
      }
      sum += label;
    }
  }
  return sum;
}

const browser = await openBrowser();
const b = {};
const c = {};
try {
  const { page } = await openPage(browser);
  for (const [name, tol] of [['fixed100', 0], ['early', 1e-10]]) {
    const result = await page.evaluate(
      ({ runs, tol, critical, source }) => {
        const plain = new Function(`return ${source}`)();
        const time = (f) => {
          f(); // warm-up: the optimizing tiers
          const ts = [];
          let sum = 0;
          for (let i = 0; i < runs; i++) {
            const t0 = performance.now();
            sum = f();
            ts.push(performance.now() - t0);
          }
          return { ms: ts.sort((x, y) => x - y)[Math.floor(runs / 2)], sum };
        };
        return {
          wasm: time(() => globalThis.descensoBench.basinKernel(256, 100, tol, critical)),
          js: time(() => plain(256, 100, tol, critical)),
        };
      },
      { runs: RUNS, tol, critical, source: plainKernel.toString() },
    );
    b[name] = result.wasm;
    c[name] = result.js;
  }
} finally {
  await browser.close();
}

const f = (x) => `${x.toFixed(1)} ms`.padStart(10);
console.log('Basin kernel: Himmelblau, 256 × 256 starts over [−5, 5]², Newton, medians');
console.log('                         (a) native   (b) wasm    (c) plain JS    b/a    b/c   (targets: b/a ≤ 1.3, b/c ≤ 0.5)');
for (const [name, label] of [['fixed100', '(i) exactly 100 steps'], ['early', '(ii) stop at ‖∇E‖<1e-10']]) {
  console.log(`${label.padEnd(24)} ${f(a[name])} ${f(b[name].ms)} ${f(c[name].ms)}   ${(b[name].ms / a[name]).toFixed(2)}   ${(b[name].ms / c[name].ms).toFixed(2)}`);
}
console.log(`checksums: native ${checksum}, wasm ${b.fixed100.sum}, plain JS ${c.fixed100.sum} (labels may differ on a few boundary starts)`);
