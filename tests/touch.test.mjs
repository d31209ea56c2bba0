// A phone with a touch screen, as a person holds it: no keyboard hint, a tap sets the start, two
// fingers pinch the map to zoom (touch events through the DevTools protocol, which Chromium turns
// into the pointer events the page handles).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openPage } from './helpers.mjs';

let browser;
before(async () => {
  browser = await openBrowser({ options: { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } } });
});
after(async () => {
  await browser?.close();
});

describe('touch', () => {
  test('no keyboard hint, a tap sets the start, a pinch zooms and the link keeps the view', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=himmelblau');
    assert.equal(await page.$eval('.keys', (p) => getComputedStyle(p).display), 'none', 'no keyboard hint on a touch screen');
    const box = await page.locator('#overlay').boundingBox();
    const start = () => page.$eval('#readout tr[data-method="gd"]', (r) => [Number(r.dataset.x), Number(r.dataset.y)]);
    const viewOf = () => page.$eval('#plot', (p) => p.dataset.view.split(',').map(Number));
    const [x0, x1, y0, y1] = await viewOf();
    // A tap a quarter of the way in from the left and from the top: the start is there.
    await page.touchscreen.tap(box.x + box.width / 4, box.y + box.height / 4);
    const [x, y] = await start();
    const [ex, ey] = [x0 + (x1 - x0) / 4, y1 - (y1 - y0) / 4];
    assert.ok(Math.abs(x - ex) < 0.02 * (x1 - x0) && Math.abs(y - ey) < 0.02 * (y1 - y0), `the start under the finger: ${x}, ${y} (${ex}, ${ey})`);
    // Two fingers spread apart about the map's centre: the view is smaller (zoomed in).
    const cdp = await page.context().newCDPSession(page);
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const fingers = (d) => [
      { x: cx - d, y: cy, id: 1 },
      { x: cx + d, y: cy, id: 2 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(30) });
    for (let d = 40; d <= 120; d += 10) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForFunction((w) => {
      const [a, b] = document.getElementById('plot').dataset.view.split(',').map(Number);
      return b - a < 0.6 * w;
    }, x1 - x0, { timeout: 5000 });
    const [z0, z1] = await viewOf();
    assert.ok(z1 - z0 < 0.6 * (x1 - x0), `zoomed in: ${z1 - z0} of ${x1 - x0}`);
    // The pinch moved the start no more than a tap would: it is where the tap put it.
    const [sx, sy] = await start();
    assert.ok(Math.abs(sx - x) < 1e-9 && Math.abs(sy - y) < 1e-9, `the start stayed: ${sx}, ${sy}`);
    await page.waitForFunction(() => /view=/.test(location.hash), null, { timeout: 5000 });
    assert.deepEqual(problems, { errors: [], outside: [] });
    await page.close();
  });
});
