// End-to-end tests of the page in Debian's Chromium (node --test + playwright-core).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, chooseScene, openBrowser, openPage, readout } from './helpers.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now. */
async function axeViolations(page) {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline script) still holds.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.ok(result.passes.length > 10, 'axe ran its rules');
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
}

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

/** Clicks the plot at a fraction (fx, fy) of its box and returns the landscape point there. */
async function clickPlot(page, fx, fy) {
  const box = await page.locator('#overlay').boundingBox();
  const px = box.width * fx;
  const py = box.height * fy;
  await page.mouse.click(box.x + px, box.y + py);
  const view = (await page.getAttribute('#plot', 'data-view')).split(',').map(Number);
  return [view[0] + fx * (view[1] - view[0]), view[3] - fy * (view[3] - view[2])];
}

async function setEta(page, eta) {
  await page.fill('#eta-value', String(eta));
  await page.press('#eta-value', 'Enter');
}

describe('the working slice', () => {
  test('loads with no console error, no outside request, and a drawn heatmap', async () => {
    const { page, problems } = await openPage(browser);
    const stats = await page.evaluate(() => {
      const c = document.getElementById('heat');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const colours = new Set();
      let opaque = 0;
      for (let i = 0; i < d.length; i += 4 * 97) {
        colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        if (d[i + 3] === 255) opaque++;
      }
      return { w: c.width, h: c.height, colours: colours.size, opaque, samples: Math.ceil(d.length / (4 * 97)) };
    });
    assert.ok(stats.w > 100 && stats.h > 100, `heatmap is ${stats.w}×${stats.h}`);
    assert.ok(stats.colours > 50, `only ${stats.colours} distinct colours`);
    assert.equal(stats.opaque, stats.samples, 'every sampled pixel is opaque');
    await page.screenshot({ path: join(ARTIFACTS, 'slice-load.png') });
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.outside, []);
    await page.close();
  });

  test('clicking the map starts both trajectories at the clicked point', async () => {
    const { page, problems } = await openPage(browser);
    for (const [fx, fy] of [[0.25, 0.4], [0.8, 0.15]]) {
      const [x, y] = await clickPlot(page, fx, fy);
      const cell = await page.evaluate(() => {
        const v = document.getElementById('plot').dataset.view.split(',').map(Number);
        return (v[1] - v[0]) / document.getElementById('overlay').getBoundingClientRect().width;
      });
      for (const m of ['gd', 'newton']) {
        const r = await readout(page, m);
        assert.equal(r.iteration, 0, m);
        assert.ok(Math.abs(r.x - x) <= cell && Math.abs(r.y - y) <= cell, `${m} starts at (${r.x}, ${r.y}), clicked (${x}, ${y})`);
      }
    }
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('pressing Step N times shows iteration N', async () => {
    const { page } = await openPage(browser);
    await clickPlot(page, 0.2, 0.3);
    for (let i = 0; i < 7; i++) await page.click('#step');
    const gd = await readout(page, 'gd');
    assert.equal(gd.iteration, 7);
    assert.equal(gd.cells.iteration, '7');
    assert.equal(gd.status, 'running');
    // The convergence charts are drawn, sharp (device pixels), with the GD colour in them.
    const chart = await page.evaluate(() => {
      const c = document.getElementById('chart-e');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let gd = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - 0xe6) < 12 && Math.abs(d[i + 1] - 0x9f) < 12 && d[i + 2] < 30) gd++;
      return { gd, w: c.width, css: c.clientWidth };
    });
    assert.ok(chart.gd > 50, `GD line pixels in the chart: ${chart.gd}`);
    assert.equal(chart.w, Math.round(chart.css));
    await page.screenshot({ path: join(ARTIFACTS, 'slice-steps.png') });
    await page.close();
  });

  test('an η above 2/λ_max diverges, says so, and the page keeps working', async () => {
    const { page, problems } = await openPage(browser);
    await page.selectOption('#landscape', 'quadratic2d');
    const note = await page.textContent('#eta-note');
    assert.match(note, /2\/\u2060?λₘₐₓ = 0\.2\b/);
    await setEta(page, 0.21);
    await page.selectOption('#speed', '600');
    await page.click('#play');
    await page.waitForFunction(() => document.querySelector('tr[data-method="gd"]').dataset.status === 'diverged', null, { timeout: 10000 });
    const gd = await readout(page, 'gd');
    assert.equal(gd.cells.status, 'diverged');
    const newton = await readout(page, 'newton');
    assert.equal(newton.status, 'converged');
    assert.equal(newton.iteration, 1, 'Newton minimizes a quadratic in one step');
    await page.screenshot({ path: join(ARTIFACTS, 'slice-diverged.png') });
    // Still responsive: reset, step, and a stable η converges.
    await page.click('#reset');
    assert.equal((await readout(page, 'gd')).iteration, 0);
    await setEta(page, 0.19);
    await page.click('#play');
    await page.waitForFunction(() => document.querySelector('tr[data-method="gd"]').dataset.status !== 'running', null, { timeout: 10000 });
    assert.equal((await readout(page, 'gd')).status, 'converged');
    assert.equal(await page.textContent('#play'), 'Play', 'play stops by itself when every run has stopped');
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('the 1-D quadratic: η = 1/a reaches the minimum in one step', async () => {
    const { page, problems } = await openPage(browser);
    await page.selectOption('#landscape', 'quadratic1d');
    await page.fill('#params input', '4');
    await page.press('#params input', 'Enter');
    await setEta(page, 0.25);
    assert.match(await page.textContent('#analysis'), /η = ηₒₚₜ: one step/);
    await page.click('#step');
    for (const m of ['gd', 'newton']) {
      const r = await readout(page, m);
      assert.equal(r.iteration, 1, m);
      assert.equal(r.status, 'converged', m);
      assert.ok(Math.abs(r.x) < 1e-12, `${m} at ${r.x}`);
    }
    await setEta(page, 0.6);
    assert.match(await page.textContent('#analysis'), /diverges/);
    await page.screenshot({ path: join(ARTIFACTS, 'slice-1d.png') });
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('bad input gets a message and keeps the state', async () => {
    const { page, problems } = await openPage(browser);
    await page.selectOption('#landscape', 'quadratic2d');
    await setEta(page, -3);
    // The message is next to the field, with the valid range; the field shows the η in use.
    await page.waitForSelector('#eta-value-error:not([hidden])');
    assert.equal(await page.textContent('#eta-value-error'), 'η must be greater than 0 and at most 1e6: −3 was not applied.');
    assert.equal(await page.inputValue('#eta-value'), '0.15');
    assert.equal(await page.getAttribute('#eta-value', 'aria-invalid'), 'true');
    assert.equal(await page.isHidden('#notice'), true, 'no banner for a field’s own problem');
    await setEta(page, 0.1);
    assert.equal(await page.isHidden('#eta-value-error'), true, 'a good value clears it');
    await page.fill('#params input >> nth=0', '1e9');
    await page.press('#params input >> nth=0', 'Enter');
    assert.equal(await page.getAttribute('#params input >> nth=0', 'aria-invalid'), 'true');
    assert.match(await page.textContent('#params .field-error'), /must be .* and at most .*: 1e9 was not applied/);
    // The old landscape still runs.
    await page.click('#step');
    assert.equal((await readout(page, 'gd')).iteration, 1);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('in Spanish, a bad value is worded in Spanish, not in the core’s English', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=quadratic2d&lang=es');
    await setEta(page, 0);
    await page.waitForSelector('#eta-value-error:not([hidden])');
    const text = await page.textContent('#eta-value-error');
    assert.equal(text, 'η debe ser mayor que 0 y a lo sumo 1e6: no se aplicó 0.');
    assert.doesNotMatch(text, /must|bad value/);
    // A decimal comma is a decimal comma (never 0,05 → 5), and the fields write one.
    for (const [typed, eta] of [['0,05', 0.05], ['0.02', 0.02]]) {
      await page.fill('#eta-value', typed);
      await page.press('#eta-value', 'Enter');
      await page.waitForFunction((e) => location.hash.includes(`eta=${e}&`), eta);
      assert.equal(await page.inputValue('#eta-value'), String(eta).replace('.', ','));
    }
    assert.equal(await page.inputValue('#beta'), '0,9');
    await page.fill('#eta-value', '1,2,3');
    await page.press('#eta-value', 'Enter');
    assert.equal(await page.getAttribute('#eta-value', 'aria-invalid'), 'true', '1,2,3 is no number');
    assert.equal(await page.inputValue('#eta-value'), '0,02');
    // A message goes once the landscape (and the fields) change.
    await page.selectOption('#landscape', 'himmelblau');
    assert.equal(await page.getAttribute('#eta-value', 'aria-invalid'), 'false');
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('Newton on the saddle x² − y² says it converged to a saddle point', async () => {
    const { page } = await openPage(browser);
    await page.selectOption('#landscape', 'saddle');
    await page.click('#step');
    const r = await readout(page, 'newton');
    assert.equal(r.status, 'converged');
    assert.match(r.text, /saddle point/);
    await page.close();
  });

  test('methods toggle on and off, and the readout counts their cost', async () => {
    const { page, problems } = await openPage(browser);
    await page.selectOption('#landscape', 'himmelblau');
    assert.equal(await page.isHidden('tr[data-method="adam"]'), true);
    for (const box of await page.$$('#method-toggles input')) await box.check();
    for (let i = 0; i < 5; i++) await page.click('#step');
    const rows = await page.$$eval('#readout tr:not([hidden])', (trs) => trs.map((tr) => tr.dataset.method));
    assert.equal(rows.length, 11);
    const gd = await readout(page, 'gd');
    const newton = await readout(page, 'newton');
    assert.equal(gd.cells.hessians, '0', 'gradient descent never evaluates the Hessian');
    assert.equal(Number(newton.cells.hessians), newton.iteration, 'Newton evaluates one Hessian per step');
    assert.equal(Number(newton.cells.solves), newton.iteration, 'and solves one linear system per step');
    await page.uncheck('#method-toggles input[value="gd"]');
    assert.equal(await page.isHidden('tr[data-method="gd"]'), true);
    assert.equal((await readout(page, 'newton')).iteration, 0, 'toggling restarts every method from the same start');
    // A bad μ is refused with a message next to it; the runs go on.
    await page.fill('#mu', '-2');
    await page.press('#mu', 'Enter');
    await page.waitForSelector('#mu-error:not([hidden])');
    assert.match(await page.textContent('#mu-error'), /^μ must be at least 0 and at most 1e8: −2 was not applied\.$/);
    assert.equal(await page.getAttribute('#mu', 'aria-invalid'), 'true');
    await page.click('#step');
    assert.equal((await readout(page, 'lm')).iteration, 1);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('what replaces Newton: BFGS, L-BFGS and CG, grouped, counted, their memory m in the link', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=rosenbrock&s=-1.2,1&m=gd,newton,bfgs,lbfgs,cg&mem=3&n=200');
    const groups = await page.$$eval('#method-toggles .family', (fs) =>
      fs.map((f) => [f.querySelector('.family-name').textContent, [...f.querySelectorAll('input')].map((i) => i.value)]),
    );
    assert.deepEqual(groups, [
      ['First order', ['gd', 'gd-optimal', 'momentum', 'adam']],
      ['Newton family', ['newton', 'damped-newton', 'lm', 'saddle-free']],
      ['Quasi-Newton (line search)', ['bfgs', 'lbfgs', 'cg']],
    ]);
    assert.equal(await page.inputValue('#memory'), '3');
    for (const id of ['bfgs', 'lbfgs', 'cg']) {
      const r = await readout(page, id);
      assert.equal(r.status, 'converged', `${id} reaches Rosenbrock's minimum from (−1.2, 1)`);
      assert.ok(Math.abs(r.x - 1) < 1e-6 && Math.abs(r.y - 1) < 1e-6, `${id} at (${r.x}, ${r.y})`);
      assert.equal(r.cells.hessians, '0', `${id} evaluates no Hessian`);
      assert.equal(r.cells.solves, '0', `${id} solves nothing`);
      assert.ok(Number(r.cells.gradients) > r.iteration, `${id}: the line search's evaluations are counted`);
    }
    // Unchecking GD keeps the others: the mask follows the methods, not the groups' order.
    await page.uncheck('#method-toggles input[value="gd"]');
    assert.equal(await page.isHidden('tr[data-method="gd"]'), true);
    assert.equal(await page.isHidden('tr[data-method="cg"]'), false);
    await page.fill('#memory', '2.5');
    await page.press('#memory', 'Enter');
    await page.waitForSelector('#memory-error:not([hidden])');
    assert.match(await page.textContent('#memory-error'), /^L-BFGS’s memory m is a whole number of steps from 1 to 50/);
    await page.fill('#memory', '7');
    await page.press('#memory', 'Enter');
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('mem=7'));
    assert.equal(await page.getAttribute('#memory', 'aria-invalid'), 'false');
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('critical points of Himmelblau are marked and counted', async () => {
    const { page, problems } = await openPage(browser);
    await page.selectOption('#landscape', 'himmelblau');
    const text = await page.textContent('#critical-summary');
    assert.match(text, /^9 critical points in view: 4 minima .*4 saddles .*1 maximum/);
    await page.screenshot({ path: join(ARTIFACTS, 'critical-himmelblau.png') });
    await page.selectOption('#landscape', 'doublewell');
    assert.match(await page.textContent('#critical-summary'), /^3 critical points in view: 2 minima .*0 saddles .*1 maximum/);
    // (A 1-D map after a 2-D one: the stage refits the map's height a frame or two later.)
    await page.waitForTimeout(300);
    await page.uncheck('#show-critical');
    assert.equal(await page.isHidden('#critical-summary'), true);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('switches to Spanish with the lecture terms', async () => {
    const { page } = await openPage(browser);
    await page.selectOption('#lang', 'es');
    // (The Spanish strings load on demand.)
    await page.waitForSelector('html[lang="es"]');
    assert.match(await page.textContent('body'), /Tasa de aprendizaje η/);
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    await page.close();
  });
});

describe('HiDPI', () => {
  test('the overlay is drawn at device pixels', async () => {
    const hidpi = await openBrowser({ deviceScaleFactor: 2 });
    try {
      const { page, problems } = await openPage(hidpi);
      const { css, px } = await page.evaluate(() => {
        const c = document.getElementById('overlay');
        return { css: c.getBoundingClientRect().width, px: c.width };
      });
      assert.equal(px, Math.round(css * 2));
      await page.screenshot({ path: join(ARTIFACTS, 'slice-hidpi.png') });
      assert.deepEqual(problems.errors, []);
    } finally {
      await hidpi.close();
    }
  });

  test('the axes sit where the map is: ticks line up with the curve, at every size, 1-D and 2-D', async () => {
    const { page, problems } = await openPage(browser);
    const links = ['#v=1&l=quadratic1d&p=2&s=3&eta=0.25&m=gd', '#v=1&l=doublewell&m=gd', '#v=1&l=himmelblau&m=gd,newton'];
    for (const [width, height] of [[1280, 720], [1366, 768], [1920, 1080], [390, 844]]) {
      await page.setViewportSize({ width, height });
      for (const link of links) {
        await page.goto(`${browser.origin}/${link}`);
        await page.waitForSelector('body[data-ready="true"]');
        await page.waitForTimeout(400); // margins fitted, map resampled
        const off = await page.evaluate(() => {
          const axes = document.getElementById('axes');
          const [left, top, w, h] = axes.dataset.plot.split(',').map(Number);
          const a = axes.getBoundingClientRect();
          const o = document.getElementById('overlay').getBoundingClientRect();
          // The axes' canvas is shown at the size it was drawn for (not stretched by its box).
          const dpr = window.devicePixelRatio || 1;
          return [o.left - a.left - left, o.top - a.top - top, o.width - w, o.height - h, a.width - axes.width / dpr, a.height - axes.height / dpr];
        });
        assert.ok(off.every((d) => Math.abs(d) < 1), `${width}×${height} ${link}: the map is off its axes by ${off.join(', ')} px`);
      }
    }
    assert.deepEqual(problems.errors, []);
    await page.close();
  });
});

describe('replay', () => {
  test('back and forth through the iterations: table, map and link show iteration k; past the latest the runs go on', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=himmelblau&s=1,1&eta=0.01&m=gd,newton&n=12');
    const row = (m) => page.$eval(`#readout tr[data-method="${m}"]`, (r) => ({ iteration: Number(r.dataset.iteration), status: r.dataset.status, x: r.dataset.x }));
    const replay = () => page.$eval('#replay', (r) => [Number(r.value), Number(r.max)]);
    assert.deepEqual(await replay(), [12, 12]);
    const live = await row('newton');
    assert.equal(live.status, 'converged', 'Newton converges within 12 steps from (1, 1)');
    await page.click('#step-back');
    await page.click('#step-back');
    assert.deepEqual(await replay(), [10, 12]);
    assert.equal((await row('gd')).iteration, 10);
    // The slider: iteration 1, where Newton was still on its way.
    await page.$eval('#replay', (r) => {
      r.value = '1';
      r.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const early = await row('newton');
    assert.deepEqual([early.iteration, early.status], [1, 'running']);
    assert.match(await page.textContent('#replay-value'), /iteration 1 of 12/);
    await page.waitForFunction(() => location.hash.includes('&n=12&k=1'));
    // B and S (not in a field) step back and forth.
    await page.focus('#overlay');
    await page.keyboard.press('b');
    assert.deepEqual(await replay(), [0, 12]);
    assert.equal(await page.$eval('#step-back', (b) => b.disabled), true, 'nothing before the start');
    await page.keyboard.press('s');
    await page.keyboard.press('s');
    assert.deepEqual(await replay(), [2, 12]);
    // A link reopens the same iteration.
    await page.waitForFunction(() => location.hash.includes('&k=2'));
    const link = await page.evaluate(() => location.hash);
    const copy = await openPage(browser, `/${link}`);
    assert.deepEqual(await copy.page.$eval('#replay', (r) => [Number(r.value), Number(r.max)]), [2, 12]);
    assert.deepEqual(await copy.page.$eval('#readout tr[data-method="gd"]', (r) => r.dataset.x), (await row('gd')).x);
    await copy.page.close();
    // Forward past the latest: live again, and the runs take new steps.
    await page.$eval('#replay', (r) => {
      r.value = r.max;
      r.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.click('#step');
    assert.deepEqual(await replay(), [13, 13]);
    assert.equal((await row('newton')).status, 'converged');
    assert.deepEqual(problems.errors, []);
    await page.close();
  });
});

describe('presenter mode', () => {
  test('large type on one screen: the button and P toggle it, the link keeps it, hide= still hides', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=himmelblau&m=gd,newton&hide=export', { viewport: { width: 1366, height: 768 } });
    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await fontSize();
    await page.click('#present');
    await page.waitForFunction(() => location.hash.includes('present=1'));
    assert.equal(await page.getAttribute('#present', 'aria-pressed'), 'true');
    assert.ok((await fontSize()) > normal * 1.1, 'larger type');
    await page.waitForTimeout(500);
    // The map's figure is magnified and still sits on its axes; map, E chart and table on one screen.
    const seen = await page.evaluate(() => {
      const axes = document.getElementById('axes');
      const [left, top] = axes.dataset.plot.split(',').map(Number);
      const a = axes.getBoundingClientRect();
      const o = document.getElementById('overlay').getBoundingClientRect();
      const bottom = (id) => document.querySelector(id).getBoundingClientRect().bottom;
      return { off: [o.left - a.left - left, o.top - a.top - top], map: bottom('#overlay'), chart: bottom('#chart-e'), row: bottom('#readout tr[data-method="newton"]'), exportShown: document.querySelector('[data-panel="export"]').checkVisibility() };
    });
    assert.ok(seen.off.every((d) => Math.abs(d) < 1), `the map is off its axes by ${seen.off}`);
    for (const what of ['map', 'chart', 'row']) assert.ok(seen[what] <= 768, `${what} ends at ${seen[what]} px, below the fold`);
    assert.equal(seen.exportShown, false);
    await page.screenshot({ path: join(ARTIFACTS, 'presenter-1366x768.png') });
    // A 1280×720 projector: still one screen, and the map is the largest thing on it.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(800);
    const small = await page.evaluate(() => {
      const box = (id) => document.querySelector(id).getBoundingClientRect();
      return { side: box('#overlay').width, map: box('#overlay').bottom, chart: box('#chart-e').bottom, row: box('#readout tr[data-method="newton"]').bottom };
    });
    for (const what of ['map', 'chart', 'row']) assert.ok(small[what] <= 720, `${what} ends at ${small[what]} px, below the fold of 1280×720`);
    assert.ok(small.side >= 300, `the map is ${small.side} px wide at 1280×720`);
    await page.screenshot({ path: join(ARTIFACTS, 'presenter-1280x720.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
    // A link restores it; P (not in a field) turns it off again.
    const link = await page.evaluate(() => location.hash);
    await page.goto('about:blank');
    await page.goto(`${browser.origin}/${link}`);
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.getAttribute('#present', 'aria-pressed'), 'true');
    await page.focus('#overlay');
    await page.keyboard.press('p');
    await page.waitForFunction(() => !location.hash.includes('present=1'));
    assert.ok(Math.abs((await fontSize()) - normal) < 0.5);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });
});

describe('scenes', () => {
  const play = async (page, until, timeout = 10000) => {
    await page.selectOption('#speed', '600');
    await page.click('#play');
    if (until) await page.waitForFunction(until, null, { timeout });
    if ((await page.textContent('#play')) !== 'Play') await page.click('#play');
  };

  test('every scene opens, plays and draws without an error, at desktop and phone sizes', async () => {
    const { page, problems } = await openPage(browser);
    const ids = await page.$$eval('#scene option', (os) => os.map((o) => o.value));
    assert.ok(ids.length >= 8, `${ids.length} scenes`);
    for (const [w, h, tag] of [[1280, 900, 'desktop'], [390, 844, 'phone']]) {
      await page.setViewportSize({ width: w, height: h });
      for (const id of ids) {
        await chooseScene(page, id);
        // (Its English text may load a moment after the scene is applied.)
        await page.waitForFunction(() => document.getElementById('scene-text').textContent.length > 40, null, { timeout: 5000 }).catch(() => {});
        assert.ok((await page.textContent('#scene-text')).length > 40, `${id} explains itself`);
        await play(page);
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(ARTIFACTS, `scene-${id}-${tag}.png`), fullPage: true });
      }
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the phone layout scrolls sideways by ${overflow}px`);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.outside, []);
    await page.close();
  });

  test('one screen: in every scene at 1366×768 and 1280×720, in both languages, the map, the E chart and the whole readout table are seen together', async () => {
    const { page, problems } = await openPage(browser);
    const ids = await page.$$eval('#scene option', (os) => os.map((o) => o.value));
    for (const [width, height, lang] of [[1366, 768, 'en'], [1280, 720, 'en'], [1366, 768, 'es'], [1280, 720, 'es']]) {
      if ((await page.inputValue('#lang')) !== lang) {
        await page.selectOption('#lang', lang);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      }
      await page.setViewportSize({ width, height });
      for (const id of ids) {
        await chooseScene(page, id);
        await page.waitForTimeout(300); // the map's height fitted, the map resampled
        const seen = await page.evaluate(() => {
          const rows = [...document.querySelectorAll('#readout tr')].filter((r) => !r.hidden);
          const box = (n) => n.getBoundingClientRect();
          return { map: box(document.getElementById('overlay')), chart: box(document.getElementById('chart-e')).bottom, row: box(rows[rows.length - 1]).bottom, y: window.scrollY };
        });
        const where = `${id} at ${width}×${height} (${lang})`;
        assert.equal(seen.y, 0, `${where}: scrolled`);
        for (const what of ['chart', 'row']) assert.ok(seen[what] <= height, `${where}: the ${what} ends at ${seen[what]} px, below the fold`);
        assert.ok(seen.map.bottom <= height && seen.map.height >= 180, `${where}: the map is ${seen.map.height} px tall and ends at ${seen.map.bottom}`);
      }
    }
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('no serious or critical accessibility violation in any scene (axe-core), in both languages', async () => {
    const { page } = await openPage(browser);
    const ids = await page.$$eval('#scene option', (os) => os.map((o) => o.value));
    for (const lang of ['en', 'es']) {
      await page.selectOption('#lang', lang);
      for (const id of ids) {
        await chooseScene(page, id);
        await page.click('#step');
        assert.deepEqual(await axeViolations(page), [], `${id} (${lang})`);
      }
    }
    await page.close();
  });

  test('no serious or critical accessibility violation at every size, with the lab open (axe-core)', async () => {
    const link = '/#v=1&l=himmelblau&n=5&basins=1&open=starts,escape,newton-cost,sweep,cost';
    for (const [width, height] of [[1366, 768], [1280, 720], [1920, 1080], [390, 844]]) {
      const { page, problems } = await openPage(browser, link, { viewport: { width, height } });
      await page.waitForFunction(() => document.getElementById('basins').dataset.done && document.getElementById('sweep').dataset.ratio, null, { timeout: 30000 });
      assert.deepEqual(await axeViolations(page), [], `${width}×${height}`);
      assert.deepEqual(problems.errors, []);
      await page.close();
    }
  });

  test('the keyboard drives the page', async () => {
    const { page } = await openPage(browser);
    await chooseScene(page, 'directions');
    await page.focus('#overlay');
    await page.keyboard.press('s');
    await page.keyboard.press('s');
    assert.equal((await readout(page, 'gd')).iteration, 2);
    await page.keyboard.press('r');
    const start = await readout(page, 'gd');
    assert.equal(start.iteration, 0);
    await page.keyboard.press('ArrowRight');
    const moved = await readout(page, 'gd');
    assert.ok(Math.abs(moved.x - start.x - 0.2) < 1e-9 && moved.y === start.y, `the arrow moved the start right by 2% of the view: ${start.x} → ${moved.x}`);
    await page.keyboard.press(' ');
    assert.equal(await page.textContent('#play'), 'Pause');
    await page.keyboard.press(' ');
    assert.equal(await page.textContent('#play'), 'Play');
    await page.close();
  });

  test('keys work after a click on a button, and Space does not press it again', async () => {
    const { page } = await openPage(browser);
    await page.click('#step');
    assert.equal((await readout(page, 'gd')).iteration, 1);
    await page.keyboard.press('s');
    assert.equal((await readout(page, 'gd')).iteration, 2, 'S steps with the Step button focused');
    await page.keyboard.press(' ');
    assert.equal(await page.textContent('#play'), 'Pause', 'Space plays');
    await page.keyboard.press(' ');
    assert.equal(await page.textContent('#play'), 'Play', 'Space pauses');
    const it = (await readout(page, 'gd')).iteration;
    await page.keyboard.press('r');
    assert.equal((await readout(page, 'gd')).iteration, 0, `R resets (was ${it})`);
    // Never while typing in a field; on a checkbox or a panel's summary Space toggles it.
    await page.click('#eta-value');
    await page.keyboard.press('s');
    assert.equal((await readout(page, 'gd')).iteration, 0);
    await page.focus('#show-hessian');
    await page.keyboard.press(' ');
    assert.equal(await page.isChecked('#show-hessian'), true, 'Space checks the box');
    await page.focus('#sweep summary');
    await page.keyboard.press(' ');
    assert.equal(await page.$eval('#sweep', (d) => d.open), true, 'Space opens the panel');
    assert.equal(await page.textContent('#play'), 'Play', 'and plays nothing');
    await page.close();
  });

  test('on a phone, Step and Play sit beside the map', async () => {
    const { page, problems } = await openPage(browser, '/', { viewport: { width: 390, height: 844 } });
    const map = await page.locator('#map-frame').boundingBox();
    const step = await page.locator('#step-near').boundingBox();
    assert.ok(step && step.y > map.y + map.height - 1 && step.y < map.y + map.height + 40, `right under the map: ${JSON.stringify(step)}`);
    await page.click('#step-near');
    assert.equal((await readout(page, 'gd')).iteration, 1);
    await page.click('#play-near');
    assert.equal(await page.textContent('#play'), 'Pause', 'one state for both Play buttons');
    await page.click('#play-near');
    await page.setViewportSize({ width: 1366, height: 768 });
    assert.equal(await page.isVisible('#step-near'), false, 'not on a wide screen, where the controls are beside the map');
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('embedded in a 900 px course page, on a phone, at any width: the readout table is never cut', async () => {
    const all = 'm=gd,gd-optimal,newton,damped-newton,lm,saddle-free,momentum,adam,bfgs,lbfgs,cg';
    const plain = `/#v=1&l=himmelblau&n=20&${all}`;
    for (const [width, path] of [[900, `/#v=1&l=himmelblau&embed=1&n=20&${all}`], [390, plain], [360, plain], [840, plain], [1000, plain]]) {
      const { page, problems } = await openPage(browser, path, { viewport: { width, height: 800 } });
      const fit = await page.$eval('.table-wrap', (w) => {
        const status = [...w.querySelectorAll('td[data-cell="status"]')].map((td) => td.getBoundingClientRect());
        const box = w.getBoundingClientRect();
        return { over: w.scrollWidth - w.clientWidth, inside: status.every((r) => r.width > 40 && r.right <= box.right + 1) };
      });
      assert.ok(fit.over <= 1 && fit.inside, `${width} px: the table overflows by ${fit.over} px, statuses inside: ${fit.inside}`);
      assert.match(await page.textContent('#readout tr[data-method="newton"] td[data-cell="status"]'), /converged at a maximum/);
      assert.deepEqual(problems.errors, []);
      await page.close();
    }
  });

  test('zoom in, zoom out, fit, pan: the view follows, round-trips through the link, and fits back', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=himmelblau');
    const view = async () => (await page.getAttribute('#plot', 'data-view')).split(',').map(Number);
    const home = await view();
    await page.click('#zoom-in');
    const zoomed = await view();
    assert.ok(Math.abs(zoomed[1] - zoomed[0] - 0.8 * (home[1] - home[0])) < 1e-9, `zoomed in: ${zoomed}`);
    await page.waitForFunction((v) => decodeURIComponent(location.hash).includes(`view=${v}`), zoomed.join(','));
    // The link restores the zoomed view exactly.
    const copy = await openPage(browser, await page.evaluate(() => location.pathname + location.hash));
    assert.deepEqual(await copy.page.getAttribute('#plot', 'data-view'), zoomed.join(','));
    await copy.page.close();
    await page.click('#zoom-out');
    assert.deepEqual(await view(), home, 'zoomed out exactly back');
    await page.focus('#overlay');
    await page.keyboard.press('+');
    await page.keyboard.press('Alt+ArrowRight');
    const panned = await view();
    assert.ok(panned[0] > home[0] * 0.8 + 1e-9, `panned right: ${panned}`);
    // Ctrl+wheel zooms about the pointer; a plain wheel leaves the view to the page's scroll.
    const box = await page.locator('#overlay').boundingBox();
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.25);
    await page.mouse.wheel(0, -100);
    assert.deepEqual(await view(), panned, 'a plain wheel does not zoom');
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    const wheeled = await view();
    assert.ok(wheeled[1] - wheeled[0] < panned[1] - panned[0], `Ctrl+wheel zoomed in: ${wheeled}`);
    await page.click('#zoom-fit');
    assert.deepEqual(await view(), home, 'fit restores the landscape’s view');
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('four regimes: each button names its regime, and (d) diverges', async () => {
    const { page } = await openPage(browser);
    await chooseScene(page, 'regimes');
    const expected = { a: 'converges', b: 'one-step', c: 'oscillates', d: 'diverges' };
    for (const [c, regime] of Object.entries(expected)) {
      await page.click(`#scene-controls button[data-regime="${c}"]`);
      assert.equal(await page.getAttribute('#analysis', 'data-regime'), regime, `(${c})`);
    }
    await play(page, () => document.querySelector('tr[data-method="gd"]').dataset.status !== 'running');
    assert.equal((await readout(page, 'gd')).status, 'diverged');
    await page.click('#scene-controls button[data-regime="b"]');
    await page.click('#step');
    const gd = await readout(page, 'gd');
    assert.equal(gd.status, 'converged');
    assert.equal(gd.iteration, 1);
    await page.close();
  });

  test('what the Hessian says: Newton aims at the saddle of its quadratic model and the page says so', async () => {
    const { page, problems } = await openPage(browser);
    await chooseScene(page, 'hessian');
    assert.equal(await page.isChecked('#show-hessian'), true);
    await page.click('#step');
    const newton = await readout(page, 'newton');
    assert.equal(newton.status, 'running');
    assert.match(newton.cells.status, /H indefinite: the step aims at the saddle of the quadratic model/);
    // Not at a critical point: the analysis describes the curvature, it names no kind.
    assert.match(await page.textContent('#analysis'), /curved up along one direction, down along the other/);
    await play(page, () => document.querySelector('tr[data-method="newton"]').dataset.status !== 'running');
    const end = await readout(page, 'newton');
    assert.equal(end.status, 'converged');
    assert.match(end.cells.status, /converged at a saddle point/);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('saddles: Newton lands on the saddle, saddle-free Newton escapes, GD lingers', async () => {
    const { page } = await openPage(browser);
    await chooseScene(page, 'saddles');
    await page.click('#step');
    const newton = await readout(page, 'newton');
    assert.equal(newton.status, 'converged');
    assert.match(newton.cells.status, /saddle point/);
    for (let i = 0; i < 3; i++) await page.click('#step');
    const sfn = await readout(page, 'saddle-free');
    assert.ok(Math.abs(sfn.y) > 0.1, `saddle-free Newton moves away along y: ${sfn.y}`);
    const gd = await readout(page, 'gd');
    assert.ok(Number(gd.cells.step) < 0.5, 'GD takes short steps near the saddle');
    await page.close();
  });

  test('directions: raising κ lowers 2/λ_max, and Newton still needs one step', async () => {
    const { page } = await openPage(browser);
    await chooseScene(page, 'directions');
    const before = await page.textContent('#eta-note');
    await page.fill('#scene-kappa', '2.5');
    await page.dispatchEvent('#scene-kappa', 'input');
    const after = await page.textContent('#eta-note');
    assert.notEqual(before, after);
    assert.match(after, /2\/\u2060?λₘₐₓ = 0\.00632/);
    await page.click('#step');
    assert.equal((await readout(page, 'newton')).status, 'converged');
    await page.close();
  });
});
