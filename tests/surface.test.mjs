// The landscape in 3-D (issue 14): the lab draws the core's surface with WebGL2 (software
// rendering in headless Chromium); dragging turns it, the camera travels in the link and resets;
// a click sets the start; a 1-D landscape says it has none.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, openBrowser, openPage } from './helpers.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

/** How many distinct colours the 3-D canvas shows (sampled), and a hash of its pixels. */
const pixels = (page) =>
  page.$eval('#surface-chart', (c) => {
    const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height });
    const ctx = copy.getContext('2d');
    ctx.drawImage(c, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      hash = (hash * 31 + data[i] + 3 * data[i + 1] + 7 * data[i + 2]) >>> 0;
    }
    return { colours: seen.size, hash };
  });

describe('3-D view', () => {
  test('draws the surface with the runs, turns when dragged, and the camera resets', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=himmelblau&m=gd,newton&n=3&open=surface');
    await page.waitForFunction(() => document.getElementById('surface').dataset.drawn, null, { timeout: 20000 });
    const first = await pixels(page);
    assert.ok(first.colours > 40, `the surface is drawn in the map's colours (${first.colours} colours)`);
    const home = await page.$eval('#surface', (d) => d.dataset.camera);
    await page.locator('#surface-chart').scrollIntoViewIfNeeded();
    const box = await page.locator('#surface-chart').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 - 30, { steps: 4 });
    await page.mouse.up();
    const turned = await pixels(page);
    assert.notEqual(turned.hash, first.hash, 'the picture changes when turned');
    assert.notEqual(await page.$eval('#surface', (d) => d.dataset.camera), home);
    await page.locator('#surface').screenshot({ path: join(ARTIFACTS, 'surface.png') });
    // The camera travels in the link: a page opened from it shows the same picture.
    await page.waitForFunction(() => /[&#]cam=/.test(location.hash));
    const link = await page.evaluate(() => location.href);
    const copy = await openPage(browser, link.slice(browser.origin.length));
    await copy.page.waitForFunction(() => document.getElementById('surface').dataset.drawn, null, { timeout: 20000 });
    assert.equal(await copy.page.$eval('#surface', (d) => d.dataset.camera), await page.$eval('#surface', (d) => d.dataset.camera));
    assert.equal((await pixels(copy.page)).hash, turned.hash, 'the same picture from the link');
    assert.deepEqual(copy.problems, { errors: [], outside: [] });
    await copy.page.close();
    await page.click('#surface-home');
    assert.equal(await page.$eval('#surface', (d) => d.dataset.camera), home, 'the camera is back home');
    assert.equal((await pixels(page)).hash, first.hash, 'and the picture with it');
    // Steps redraw it with the runs further along: a segment per step and run.
    const segments = await page.$eval('#surface', (d) => Number(d.dataset.segments));
    assert.ok(segments >= 4, `GD's and Newton's first steps on the surface: ${segments} segments`);
    for (let i = 0; i < 5; i++) await page.click('#step');
    await page.waitForFunction((n) => Number(document.getElementById('surface').dataset.segments) > n, segments);
    assert.notEqual((await pixels(page)).hash, first.hash, 'the runs moved on the surface');
    // A click on the surface (not a drag) sets the start at the point under it.
    const start = () => page.$eval('#readout tr[data-method="gd"]', (r) => [Number(r.dataset.x), Number(r.dataset.y)]);
    const before = await start();
    await page.locator('#surface-chart').scrollIntoViewIfNeeded();
    const at = await page.locator('#surface-chart').boundingBox();
    await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
    const [x, y] = await start();
    assert.notDeepEqual([x, y], before, 'the start moved');
    assert.ok(Math.abs(x) < 6 && Math.abs(y) < 6, `inside the view: ${x}, ${y}`);
    assert.deepEqual(problems, { errors: [], outside: [] });
    await page.close();
  });

  test('the 3-D button puts the view beside the map (under it on a phone), with the Taylor model when the Hessian view is on', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=himmelblau&m=gd&s=0.5,1.5', { viewport: { width: 1366, height: 768 } });
    assert.equal(await page.locator('#surface-chart').isVisible(), false, 'not shown before it is asked for');
    await page.click('#view3d');
    await page.waitForFunction(() => document.getElementById('surface').dataset.drawn, null, { timeout: 20000 });
    assert.equal(await page.getAttribute('#view3d', 'aria-pressed'), 'true');
    assert.ok(await page.$eval('#surface', (d) => d.open), 'its panel (notes, link) is open');
    await page.waitForFunction(() => /[&#]open=surface/.test(location.hash));
    const map = await page.locator('#map-frame').boundingBox();
    const view = await page.locator('#surface-chart').boundingBox();
    assert.ok(view.x >= map.x + map.width - 1, `beside the map: ${view.x} vs ${map.x + map.width}`);
    assert.ok(view.y < map.y + map.height / 2 && view.y + view.height > map.y + map.height / 2, 'level with it');
    assert.ok(view.y + view.height <= 768, 'on the screen');
    assert.equal(await page.$eval('#surface', (d) => d.dataset.model), '0', 'no Taylor model without the Hessian view');
    const plain = await pixels(page);
    await page.click('#show-hessian');
    await page.waitForFunction(() => Number(document.getElementById('surface').dataset.model) > 100);
    assert.notEqual((await pixels(page)).hash, plain.hash, 'the model is drawn');
    assert.match(await page.textContent('#surface-note'), /Taylor model/);
    await page.locator('.stage').screenshot({ path: join(ARTIFACTS, 'surface-beside.png') });
    await page.click('#view3d');
    await page.waitForFunction(() => document.getElementById('view3d').getAttribute('aria-pressed') === 'false');
    assert.equal(await page.locator('#surface-chart').isVisible(), false, 'gone again');
    assert.ok(await page.locator('.charts').isVisible(), 'and the charts are back');
    assert.deepEqual(problems, { errors: [], outside: [] });
    await page.close();
    const phone = await openPage(browser, '/#v=1&l=himmelblau&open=surface', { viewport: { width: 390, height: 844 } });
    await phone.page.waitForFunction(() => document.getElementById('surface').dataset.drawn, null, { timeout: 20000 });
    const [m, v] = [await phone.page.locator('#map-frame').boundingBox(), await phone.page.locator('#surface-chart').boundingBox()];
    assert.ok(v.y >= m.y + m.height - 1 && v.width > 300, `under the map on a phone: ${JSON.stringify([m, v])}`);
    assert.deepEqual(phone.problems, { errors: [], outside: [] });
    await phone.page.close();
  });

  test('a 1-D landscape says the 3-D view is of two variables', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=quadratic1d&open=surface&lang=es');
    await page.waitForFunction(() => document.getElementById('surface-note').textContent.length > 0, null, { timeout: 20000 });
    assert.match(await page.textContent('#surface-note'), /dos variables/);
    assert.deepEqual(problems, { errors: [], outside: [] });
    await page.close();
  });
});

describe('3-D view without WebGL', () => {
  test('says so beside the panel, and the map works', async () => {
    const noGl = await openBrowser({ extraArgs: ['--disable-webgl', '--disable-3d-apis'] });
    try {
      const { page, problems } = await openPage(noGl, '/#v=1&l=himmelblau&open=surface');
      await page.waitForFunction(() => document.getElementById('surface-note').textContent.length > 0, null, { timeout: 20000 });
      assert.match(await page.textContent('#surface-note'), /no WebGL2/);
      assert.equal(await page.locator('#surface-chart').isVisible(), false, 'no blank 3-D view beside the map');
      await page.click('#step');
      assert.equal(await page.$eval('#readout tr[data-method="gd"]', (r) => r.dataset.iteration), '1', 'the page still steps');
      assert.ok((await page.$eval('#heat', (c) => c.width)) > 10, 'the map is drawn');
      assert.deepEqual(problems, { errors: [], outside: [] });
    } finally {
      await noGl.close();
    }
  });
});
