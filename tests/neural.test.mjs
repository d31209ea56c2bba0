// The neural-network scenes end to end: the neuron's loss follows the data the user clicks, the
// data travel in the link, and the tiny network's slice shows its two minima.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, chooseScene, heatHash, openBrowser, openPage, readout } from './helpers.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});


describe('neural scenes', () => {
  test('one neuron: the plateau holds GD, and clicking data changes the landscape', async () => {
    const { page, problems } = await openPage(browser);
    await chooseScene(page, 'neuron');
    // (The scene is in with its text.)
    await page.waitForFunction(() => /plateau/.test(document.getElementById('scene-text').textContent));
    assert.equal(await page.isVisible('#data'), true);
    assert.match(await page.textContent('#data-note'), /^12 points/);
    // From the saturated corner, 30 GD steps barely change E.
    for (let i = 0; i < 30; i++) await page.click('#step');
    const gd = await readout(page, 'gd');
    assert.ok(Math.hypot(gd.x - 1, gd.y - 7.5) < 0.5, `GD stayed on the plateau: (${gd.x}, ${gd.y})`);
    const before = await heatHash(page);
    // Add a point at the top left of the data panel, then remove it again.
    const box = await page.locator('#data').boundingBox();
    await page.mouse.click(box.x + box.width * 0.1, box.y + box.height * 0.15);
    await page.waitForFunction(() => document.getElementById('data-note').textContent.startsWith('13'));
    assert.notEqual(await heatHash(page), before, 'the landscape follows the data');
    await page.waitForFunction(() => location.hash.includes('&d='));
    const link = await page.evaluate(() => location.href);
    const copy = await openPage(browser, link.slice(browser.origin.length));
    assert.match(await copy.page.textContent('#data-note'), /^13 points/);
    assert.equal(await heatHash(copy.page), await heatHash(page), 'the link carries the data');
    await copy.page.close();
    await page.mouse.click(box.x + box.width * 0.1, box.y + box.height * 0.15);
    await page.waitForFunction(() => document.getElementById('data-note').textContent.startsWith('12'));
    await page.screenshot({ path: join(ARTIFACTS, 'scene-neuron.png') });
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('tiny network: two minima, and GD from two starts ends in different ones', async () => {
    const { page, problems } = await openPage(browser);
    await chooseScene(page, 'tinynet');
    await page.waitForFunction(() => /2 minima|2 mínimos/.test(document.getElementById('critical-summary').textContent));
    // (The scene's text came with its state: the map does not move under the clicks.)
    assert.ok(await page.$eval('#scene-text', (p) => p.textContent.length > 0));
    const ends = [];
    for (const [fx, fy] of [[0.6, 0.3], [0.4, 0.7]]) {
      const box = await page.locator('#overlay').boundingBox();
      await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
      await page.fill('#eta-value', '2');
      await page.press('#eta-value', 'Enter');
      await page.selectOption('#speed', '6000');
      await page.click('#play');
      await page.waitForFunction(() => document.querySelector('#readout tr[data-method="gd"]').dataset.status !== 'running', null, { timeout: 20000 });
      ends.push(await readout(page, 'gd'));
    }
    assert.ok(ends.every((r) => r.status === 'converged'), JSON.stringify(ends.map((r) => r.status)));
    assert.ok(Math.hypot(ends[0].x - ends[1].x, ends[0].y - ends[1].y) > 1, `different minima: ${ends.map((r) => `(${r.x}, ${r.y})`)}`);
    await page.screenshot({ path: join(ARTIFACTS, 'scene-tinynet.png') });
    // The random-directions slice draws too.
    await page.selectOption('#params select >> nth=1', '1');
    await page.waitForFunction(() => location.hash.includes('p=2%2C2%2C1'));
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('the cost of exponentials is measured live, one row per activation', async () => {
    const { page, problems } = await openPage(browser);
    await page.click('#cost summary');
    await page.click('#cost-run');
    await page.waitForSelector('#cost-rows tr[data-activation="rational"]');
    const rows = await page.$$eval('#cost-rows tr', (trs) => trs.map((tr) => ({ name: tr.dataset.activation, rate: Number(tr.dataset.rate), text: tr.textContent })));
    assert.deepEqual(rows.map((r) => r.name), ['logistic', 'tanh', 'relu', 'rational']);
    for (const r of rows) assert.ok(Number.isFinite(r.rate) && r.rate > 1e5, JSON.stringify(r));
    assert.match(rows[2].text, /1\.0×$/, 'ReLU against itself');
    assert.deepEqual(problems.errors, []);
    await page.close();
  });
});
