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

const browser = await openBrowser();
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
} finally {
  await browser.close();
}
