// The 3-D view's targets (issue 14), as figures: (i) frames per second while turning a 128 × 128
// surface with eight runs of 10,000 steps each (eight methods on Rosenbrock, steps taken from the
// link), in headless Chromium's software WebGL2: drags of one pointer move per animation frame,
// timed over 120 frames; (ii) the surface's rebuild after a view change (the core's mesh, the
// runs' paths and the buffers' upload), from the page's performance measures.
// Figures, not assertions. Usage: node bench/surface.mjs [RUNS]   (after scripts/dist.sh)
import { openBrowser, openPage } from '../tests/helpers.mjs';

const RUNS = Number(process.argv[2] ?? 3);
const FRAMES = 120;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const link = '/#v=1&l=rosenbrock&m=gd,gd-optimal,damped-newton,lm,momentum,adam,bfgs,cg&eta=0.0005&n=10000&open=surface';

const browser = await openBrowser();
const fps = [];
const builds = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const { page } = await openPage(browser, link, { viewport: { width: 1366, height: 900 } });
    await page.waitForFunction(() => document.getElementById('surface').dataset.drawn, null, { timeout: 60000 });
    await page.locator('#surface-chart').scrollIntoViewIfNeeded();
    const segments = await page.$eval('#surface', (d) => Number(d.dataset.segments));
    const box = await page.locator('#surface-chart').boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    // One move per animation frame: each redraws the whole scene.
    const seconds = await page.evaluate(async ([x, y, frames]) => {
      const canvas = document.getElementById('surface-chart');
      const t0 = performance.now();
      for (let k = 0; k < frames; k++) {
        canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: x + k, clientY: y, pointerId: 1, bubbles: true }));
        canvas.getContext('webgl2').finish();
        await new Promise(requestAnimationFrame);
      }
      return (performance.now() - t0) / 1000;
    }, [x, y, FRAMES]);
    await page.mouse.up();
    fps.push(FRAMES / seconds);
    // A view change: zoom in on the map, which rebuilds the surface.
    const before = await page.evaluate(() => performance.getEntriesByName('descenso:surface-build').length);
    await page.click('#zoom-in');
    await page.waitForFunction((n) => performance.getEntriesByName('descenso:surface-build').length > n, before);
    builds.push(await page.evaluate(() => performance.getEntriesByName('descenso:surface-build').at(-1).duration));
    console.log(`run ${run + 1}: ${segments} path segments; ${(FRAMES / seconds).toFixed(1)} frames/s turning; rebuild after a zoom ${builds.at(-1).toFixed(1)} ms`);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`turning the surface: median ${median(fps).toFixed(1)} frames/s (min ${Math.min(...fps).toFixed(1)}, max ${Math.max(...fps).toFixed(1)}; target ≥ 30)`);
console.log(`rebuild after a view change: median ${median(builds).toFixed(1)} ms (min ${Math.min(...builds).toFixed(1)}, max ${Math.max(...builds).toFixed(1)}; target ≤ 20 ms)`);
