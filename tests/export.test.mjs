// Export end to end: the PNG is the landscape as drawn, the SVG holds both charts drawn by the
// core, the CSV has a row per iterate of every run (the CSV comparison of two pages opened from
// the same link is in links.test.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, exported, openBrowser, openPage } from './helpers.mjs';

let browser;
before(async () => {
  browser = await openBrowser({ deviceScaleFactor: 2 });
});
after(async () => {
  await browser?.close();
});

describe('export', () => {
  test('PNG, SVG and CSV of a Rosenbrock run with three methods', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=rosenbrock&m=gd,newton,momentum&n=12');
    await page.waitForFunction(() => document.querySelector('#readout tr[data-method="gd"]').dataset.iteration === '12');

    const png = await exported(page, '#export-png');
    assert.equal(png.name, 'descenso-rosenbrock.png');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
    const [w, h] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
    const canvas = await page.$eval('#axes', (c) => [c.width, c.height]);
    assert.equal(w, canvas[0], 'the image has the device-pixel width of the map with its axes');
    // Over the map, a caption: the title line and one row of legend (three methods).
    const band = h - canvas[1];
    assert.ok(band >= 80 && band <= 240, `a caption of ${band} device pixels over the map`);
    // Decode it in the page and check that it is the landscape, not a blank image: many colours;
    // and that the caption has text (dark pixels) and the methods' colours (the legend's lines).
    const [colours, ink, legend] = await page.evaluate(async ([b64, band]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      let [dark, tinted] = [0, new Set()];
      for (let i = 0; i < 4 * c.width * band; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (r + g + b < 200) dark++;
        if (Math.max(r, g, b) - Math.min(r, g, b) > 80) tinted.add(((r >> 5) << 6) | ((g >> 5) << 3) | (b >> 5));
      }
      return [seen.size, dark, tinted.size];
    }, [png.bytes.toString('base64'), band]);
    assert.ok(colours > 50, `the PNG shows the heatmap (${colours} colours sampled)`);
    assert.ok(ink > 200, `the caption has its title and labels (${ink} dark pixels)`);
    assert.ok(legend >= 3, `the caption's legend has the methods' colours (${legend} hues)`);

    const svg = await exported(page, '#export-svg');
    assert.equal(svg.name, 'descenso-rosenbrock-charts.svg');
    const text = svg.bytes.toString('utf8');
    assert.match(text, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(text, /E against iteration/);
    assert.match(text, /Gradient norm/);
    assert.ok((text.match(/<polyline/g) ?? []).length >= 6, 'three lines on each chart');
    writeFileSync(join(ARTIFACTS, 'export.png'), png.bytes);
    writeFileSync(join(ARTIFACTS, 'export-charts.svg'), svg.bytes);
    // The SVG decodes as an image (a browser accepts it), and looks right (screenshot, looked at).
    const view = await browser.context.newPage();
    await view.setContent('<img id="i" alt="">');
    const size = await view.evaluate(async (b64) => {
      const img = document.getElementById('i');
      img.src = `data:image/svg+xml;base64,${b64}`;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, svg.bytes.toString('base64'));
    assert.ok(size[0] >= 400 && size[1] >= 400, `the SVG has a size: ${size}`);
    await view.locator('#i').screenshot({ path: join(ARTIFACTS, 'export-charts-svg.png') });
    await view.close();

    const lines = (await exported(page, '#export-csv')).bytes.toString('utf8').trim().split('\n');
    // Where the numbers came from: the landscape, η, and a link that reproduces them.
    assert.match(lines[0], /^# Descenso: rosenbrock, eta = 0\.001, mu = 1, beta = 0\.9, m = 5, start = -1\.2 1$/);
    assert.match(lines[1], /^# link: http:\/\/127\.0\.0\.1:\d+\/#v=1&l=rosenbrock&.*m=gd%2Cnewton%2Cmomentum&n=12/);
    const csv = lines.filter((l) => !l.startsWith('#'));
    assert.equal(csv[0], 'method,iteration,x,y,E,grad_norm');
    const rows = csv.slice(1).map((l) => l.split(','));
    const per = {};
    for (const r of rows) (per[r[0]] ??= []).push(r);
    assert.deepEqual(Object.keys(per), ['gd', 'newton', 'momentum']);
    const newtonIters = Number(await page.$eval('#readout tr[data-method="newton"]', (tr) => tr.dataset.iteration));
    assert.equal(per.gd.length, 13);
    assert.equal(per.newton.length, newtonIters + 1);
    assert.deepEqual(per.gd[0].slice(2, 4).map(Number), [-1.2, 1], 'every run starts at the start point');
    const last = per.gd.at(-1);
    const shown = await page.$eval('#readout tr[data-method="gd"]', (tr) => [Number(tr.dataset.x), Number(tr.dataset.y)]);
    assert.deepEqual([Number(last[2]), Number(last[3])], shown, 'the last row is where the readout says GD is');
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.outside, []);
    await page.close();
  });
});
