// The builds people host (scripts/dist.mjs): dist/ under a sub-path of another server, the
// single self-contained file opened from disk (file://), and the page in a small iframe.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ARTIFACTS, DIST, openBrowser } from './helpers.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

/** Opens `url` and records console errors, page errors and every request that is not
 *  `allowed(url)`. */
async function open(url, allowed) {
  const page = await browser.context.newPage();
  const problems = { errors: [], outside: [] };
  page.on('console', (m) => m.type() === 'error' && problems.errors.push(m.text()));
  page.on('pageerror', (e) => problems.errors.push(String(e)));
  page.on('request', (r) => !allowed(r.url()) && problems.outside.push(r.url()));
  page.on('dialog', (d) => {
    problems.errors.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return { page, problems };
}

const iteration = (page, method) => page.getAttribute(`#readout tr[data-method="${method}"]`, 'data-iteration');

describe('dist', () => {
  // A size, not a time: the same bytes gzip to the same size on every machine. The figures
  // themselves (per file) are bench/page.mjs's; this catches what pushes the first load over.
  test('the first load stays within its budget of 150 KiB gzip', async () => {
    const page = await browser.context.newPage();
    const pending = [];
    page.on('response', (r) =>
      // (Redirects have no body.)
      pending.push(r.body().then((b) => [r.url().replace(browser.origin, ''), gzipSync(b, { level: 9 }).length], () => null)),
    );
    await page.goto(`${browser.origin}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    const sizes = (await Promise.all(pending)).filter(Boolean);
    await page.close();
    const total = sizes.reduce((sum, [, n]) => sum + n, 0);
    assert.ok(total <= 150 * 1024, `${total} B gzip: ${JSON.stringify(sizes)}`);
  });

  test('dist/ works under any sub-path of a plain static host', async () => {
    const PREFIX = '/courses/redes-neuronales/2026/descenso/';
    const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };
    const requested = [];
    const host = createServer(async (req, res) => {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      requested.push(path);
      const file = normalize(join(DIST, path.slice(PREFIX.length) || 'index.html'));
      if (!path.startsWith(PREFIX) || !file.startsWith(DIST + sep) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    });
    await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
    try {
      const origin = `http://127.0.0.1:${host.address().port}`;
      const { page, problems } = await open(`${origin}${PREFIX}#v=1&l=himmelblau&m=gd,newton&n=4`, (u) => u.startsWith(origin));
      assert.equal(await iteration(page, 'gd'), '4');
      assert.ok(requested.every((p) => p.startsWith(PREFIX)), `every request stays under the sub-path: ${requested}`);
      assert.ok(requested.some((p) => p.endsWith('.wasm')));
      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.outside, []);
      await page.close();
    } finally {
      host.closeAllConnections();
      await new Promise((ok) => host.close(ok));
    }
  });

  test('the single HTML file runs from file:// with its strict CSP', async () => {
    const file = join(DIST, 'descenso.html');
    const html = readFileSync(file, 'utf8');
    assert.match(html, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '').replace(/<style>[\s\S]*?<\/style>/g, '');
    assert.ok(!/\b(src|href)="(?!data:)[^"#]/.test(markup), 'no reference to another file');
    const url = `${pathToFileURL(file)}#v=1&l=rosenbrock&m=gd,newton,adam&n=6`;
    const { page, problems } = await open(url, (u) => u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:'));
    assert.equal(await iteration(page, 'gd'), '6');
    assert.equal(await iteration(page, 'adam'), '6');
    await page.click('#step');
    assert.equal(await iteration(page, 'gd'), '7');
    const heat = await page.$eval('#heat', (c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let lit = 0;
      for (let i = 3; i < d.length; i += 4) lit += d[i] > 0;
      return lit / (d.length / 4);
    });
    assert.ok(heat > 0.9, 'the heatmap is drawn');
    // Links and exports work from disk too.
    await page.click('#copy-link');
    await page.waitForFunction(() => document.getElementById('link-status').textContent.length > 0);
    assert.match(await page.evaluate(() => location.href), /^file:\/\/.*descenso\.html#v=1&l=rosenbrock&/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    // The CSV says where it came from (the single file's own address), then the rows.
    assert.match(readFileSync(await download.path(), 'utf8'), /^# Descenso: rosenbrock, .*\n# link: file:\/\/.*descenso\.html#v=1&l=rosenbrock&.*\nmethod,iteration,x,y,E,grad_norm\ngd,0,-1\.2,1,/);
    // The lab from disk too: its wasm inline, its workers from blob: URLs (CSP worker-src blob:).
    await page.check('#show-basins');
    await page.waitForFunction(() => document.getElementById('basins').dataset.done, null, { timeout: 30000 });
    // And the 3-D view, beside the map.
    await page.click('#view3d');
    await page.waitForFunction(() => document.getElementById('surface').dataset.drawn, null, { timeout: 30000 });
    assert.ok((await page.locator('#surface-chart').boundingBox()).width > 200, 'the 3-D view is shown');
    await page.screenshot({ path: join(ARTIFACTS, 'single-file.png') });
    assert.deepEqual(problems.errors, [], 'no error and no CSP violation');
    assert.deepEqual(problems.outside, []);
    await page.close();
  });

  for (const [width, height, more = ''] of [[320, 240], [480, 360], [1000, 700], [1000, 700, '&open=surface']]) {
    test(`embedded in a ${width}×${height} iframe${more ? ' with the 3-D view' : ''}: fits its width, draws, scrolls inside`, async () => {
      const host = createServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>course</title>
          <iframe id="d" src="${browser.origin}/#v=1&l=himmelblau&n=3&embed=1${more}" width="${width}" height="${height}" style="border:0"></iframe>`);
      });
      await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
      try {
        const hostPage = await browser.context.newPage();
        await hostPage.goto(`http://127.0.0.1:${host.address().port}/`);
        const frame = await (await hostPage.waitForSelector('#d')).contentFrame();
        await frame.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
        const fit = await frame.evaluate(() => {
          // The map with its axes and colour bar.
          const r = document.getElementById('map-frame').getBoundingClientRect();
          return { scroll: document.documentElement.scrollWidth, inner: innerWidth, plotW: r.width, plotH: r.height };
        });
        assert.ok(fit.scroll <= fit.inner, `no sideways scroll: ${JSON.stringify(fit)}`);
        // A square view: the map is as large as the frame allows while staying whole in view.
        const side = Math.min(width, height);
        assert.ok(fit.plotW <= width && fit.plotH <= height, `the map fits in the frame: ${JSON.stringify(fit)}`);
        // (Its larger side: on a small screen the colour bar sits under the map.)
        assert.ok(Math.max(fit.plotW, fit.plotH) >= 0.7 * side, `the map uses the room it has: ${JSON.stringify(fit)}`);
        assert.equal(await frame.getAttribute('tr[data-method="gd"]', 'data-iteration'), '3');
        if (more) {
          await frame.waitForFunction(() => document.getElementById('surface').dataset.drawn, null, { timeout: 20000 });
          const view = await frame.$eval('#surface-chart', (c) => c.getBoundingClientRect().toJSON());
          assert.ok(view.width > 0.8 * fit.plotW && view.right <= width, `the 3-D view fits the frame: ${JSON.stringify(view)}`);
        }
        await hostPage.screenshot({ path: join(ARTIFACTS, `embed-${width}x${height}${more ? '-3d' : ''}.png`) });
        await hostPage.close();
      } finally {
        host.closeAllConnections();
        await new Promise((ok) => host.close(ok));
      }
    });
  }
});
