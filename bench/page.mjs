// Browser benchmark: prints the gzip size of everything the page loads and the time from
// navigation to the first drawn landscape, in headless Chromium. Figures, not assertions.
// Usage: node bench/page.mjs [runs]   (build first: scripts/bench.sh does both)
import { gzipSync } from 'node:zlib';
import { openBrowser } from '../tests/helpers.mjs';

const runs = Number(process.argv[2] ?? 15);
const BUDGET_GZIP = 150 * 1024;
const BUDGET_FIRST_DRAW_MS = 250;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const browser = await openBrowser({ extraArgs: ['--js-flags=--expose-gc', '--enable-precise-memory-info'] });
try {
  // Sizes: every response of one load.
  const page = await browser.context.newPage();
  const files = [];
  page.on('response', async (r) => {
    try {
      const body = await r.body();
      files.push({ url: r.url().replace(browser.origin, ''), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    } catch {
      /* redirects have no body */
    }
  });
  await page.goto(browser.origin + '/');
  await page.waitForSelector('body[data-ready="true"]');
  await page.close();
  files.sort((a, b) => b.gzip - a.gzip);
  let raw = 0;
  let gz = 0;
  console.log('What the page loads (bytes):');
  for (const f of files) {
    raw += f.raw;
    gz += f.gzip;
    console.log(`  ${f.url.padEnd(34)} ${String(f.raw).padStart(8)} raw ${String(f.gzip).padStart(8)} gzip`);
  }
  console.log(`  ${'total'.padEnd(34)} ${String(raw).padStart(8)} raw ${String(gz).padStart(8)} gzip  (budget ${BUDGET_GZIP}: ${gz <= BUDGET_GZIP ? 'within' : 'OVER'})`);

  // Time to first landscape: navigation start → the page's 'descenso:first-draw' mark.
  const times = [];
  for (let i = 0; i < runs; i++) {
    const p = await browser.context.newPage();
    await p.goto(browser.origin + '/');
    await p.waitForSelector('body[data-ready="true"]');
    times.push(await p.evaluate(() => performance.getEntriesByName('descenso:first-draw')[0].startTime));
    await p.close();
  }
  const m = median(times);
  console.log(`navigation → first drawn landscape, ${runs} loads: median ${m.toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms  (budget ${BUDGET_FIRST_DRAW_MS} ms: ${m <= BUDGET_FIRST_DRAW_MS ? 'within' : 'OVER'})`);

  // Cost of one full landscape redraw (sample + heatmap + contours) and of one step + render.
  const p = await browser.context.newPage();
  await p.setViewportSize({ width: 1200, height: 860 });
  await p.goto(browser.origin + '/');
  await p.waitForSelector('body[data-ready="true"]');
  const per = await p.evaluate(() => {
    const select = document.getElementById('landscape');
    const redraw = [];
    for (let i = 0; i < 30; i++) {
      select.value = i % 2 ? 'himmelblau' : 'rosenbrock';
      const t = performance.now();
      select.dispatchEvent(new Event('change'));
      redraw.push(performance.now() - t);
    }
    const step = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      document.getElementById('step').click();
      step.push(performance.now() - t);
    }
    const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
    return { redraw: med(redraw), step: med(step), w: document.getElementById('heat').width, h: document.getElementById('heat').height };
  });
  console.log(`landscape switch (sample ${per.w}×${per.h} + heatmap + contours + render): median ${per.redraw.toFixed(2)} ms`);
  console.log(`one Step click (step + render + readouts): median ${per.step.toFixed(2)} ms`);
  await p.close();

  // Issue 3's figures: all methods on, trajectories ~10,000 steps long; an 800 × 600 redraw;
  // memory after 10,000 redraws and scene switches.
  const q = await browser.context.newPage();
  await q.setViewportSize({ width: 1400, height: 1000 });
  await q.goto(browser.origin + '/');
  await q.waitForSelector('body[data-ready="true"]');
  await q.selectOption('#landscape', 'rosenbrock');
  await q.fill('#eta-value', '0.0001');
  await q.press('#eta-value', 'Enter');
  for (const box of await q.$$('#method-toggles input')) await box.check();
  await q.selectOption('#speed', '6000');
  await q.click('#play');
  await q.waitForFunction(() => Number(document.querySelector('tr[data-method="gd"]').dataset.iteration) >= 10000, null, { timeout: 120000 });
  if ((await q.textContent('#play')) !== 'Play') await q.click('#play');
  const frame = await q.evaluate(() => {
    const lens = [...document.querySelectorAll('#readout tr:not([hidden])')].map((tr) => `${tr.dataset.method}:${tr.dataset.iteration}`);
    const times = [];
    const overlay = document.getElementById('overlay');
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      overlay.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { median: times[100], p90: times[180], lens };
  });
  console.log(`frame script time (one step + full render), all 8 methods, runs of ${frame.lens.join(' ')}: median ${frame.median.toFixed(2)} ms, p90 ${frame.p90.toFixed(2)} ms  (target ≤ 4 ms median)`);
  const redraw = await q.evaluate(async () => {
    const plot = document.getElementById('plot');
    plot.style.width = '800px';
    plot.style.maxWidth = 'none';
    plot.style.aspectRatio = '4 / 3';
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const select = document.getElementById('landscape');
    const times = [];
    performance.clearMeasures();
    for (let i = 0; i < 21; i++) {
      select.value = i % 2 ? 'himmelblau' : 'camel';
      const t = performance.now();
      select.dispatchEvent(new Event('change'));
      times.push(performance.now() - t);
    }
    const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
    const durations = (name) => performance.getEntriesByName(name).map((e) => e.duration);
    const heat = document.getElementById('heat');
    return {
      redraw: med(durations('descenso:resample')),
      critical: med(durations('descenso:critical')) - med(durations('descenso:resample')),
      sample: med(durations('descenso:sample')),
      total: med(times),
      w: heat.width,
      h: heat.height,
    };
  });
  console.log(`full landscape redraw of the 800×600 plot (sample ${redraw.w}×${redraw.h}, heatmap, contours): median ${redraw.redraw.toFixed(1)} ms, of which the core's sampling ${redraw.sample.toFixed(1)} ms  (target ≤ 8 ms)`);
  console.log(`  critical-point search (40×40 Newton seeds): median ${redraw.critical.toFixed(1)} ms; whole landscape switch: median ${redraw.total.toFixed(1)} ms`);
  const mem = await q.evaluate(async () => {
    const scenes = [...document.querySelectorAll('#scene option')].map((o) => o.value);
    const overlay = document.getElementById('overlay');
    const sample = () => {
      globalThis.gc?.();
      return { wasm: globalThis.descensoBench.wasmBytes(), heap: performance.memory?.usedJSHeapSize ?? NaN };
    };
    const marks = [];
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 2000; i++) {
        if (i % 100 === 0) {
          const sel = document.getElementById('scene');
          sel.value = scenes[(round * 20 + i / 100) % scenes.length];
          sel.dispatchEvent(new Event('change'));
        }
        overlay.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }));
      }
      await new Promise((ok) => setTimeout(ok, 50));
      marks.push(sample());
    }
    return marks;
  });
  console.log('memory after each 2,000 redraws + 20 scene switches (wasm bytes / JS heap bytes):');
  console.log('  ' + mem.map((m) => `${m.wasm} / ${m.heap}`).join('  →  '));
  await q.close();
} finally {
  await browser.close();
}
