// Typed functions end to end: type one and the landscape follows; a broken one shows the error
// with a caret while the last valid function stays drawn; the function travels in the link;
// a step out of the function's domain stops the run with its own status.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, heatHash, openBrowser, openPage, readout } from './helpers.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});


describe('typed functions', () => {
  test('typing a function redraws the landscape; Newton minimizes a typed quadratic in one step', async () => {
    const { page, problems } = await openPage(browser);
    await page.selectOption('#landscape', 'typed2d');
    // (Typed functions are compiled by the lab's build of the core, loaded on this first use.)
    await page.waitForSelector('#function', { state: 'visible', timeout: 10000 });
    assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('descenso_lab_bg.wasm'))), true, 'the lab\'s wasm loaded');
    assert.equal(await page.inputValue('#function'), '(x^2 + y - 11)^2 + (x + y^2 - 7)^2');
    const before = await heatHash(page);
    await page.fill('#function', 'x^2 + 3y^2 - x y');
    await page.waitForFunction(() => location.hash.includes('f=x%5E2'), null, { timeout: 5000 });
    assert.notEqual(await heatHash(page), before, 'the heatmap changed');
    await page.click('#step');
    const newton = await readout(page, 'newton');
    assert.equal(newton.status, 'converged');
    assert.equal(newton.iteration, 1);
    assert.ok(Math.abs(newton.x) < 1e-12 && Math.abs(newton.y) < 1e-12, `Newton at (${newton.x}, ${newton.y})`);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('a broken function shows what and where, and the last valid one stays drawn', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=typed2d&f=x%5E2%2By%5E2');
    assert.equal(await page.inputValue('#function'), 'x^2+y^2');
    const drawn = await heatHash(page);
    const hash = await page.evaluate(() => location.hash);
    await page.fill('#function', 'x^2 + sine(y)');
    await page.waitForSelector('#function-error:not([hidden])');
    assert.equal(await page.textContent('#function-caret'), 'x^2 + sine(y)\n      ^^^^');
    assert.match(await page.textContent('#function-message'), /Unknown name “sine”: did you mean sin\?/);
    assert.equal(await page.getAttribute('#function', 'aria-invalid'), 'true');
    assert.equal(await heatHash(page), drawn, 'the old landscape is still drawn');
    await page.fill('#function', '(x + 1');
    await page.waitForFunction(() => document.getElementById('function-caret').textContent.endsWith('\n^'));
    const english = await page.textContent('#function-message');
    await page.selectOption('#lang', 'es');
    // A switch of language keeps the text being edited and words its error again.
    await page.waitForFunction((en) => document.getElementById('function-message').textContent !== en, english);
    assert.equal(await page.inputValue('#function'), '(x + 1');
    assert.equal(await page.isVisible('#function-error'), true);
    await page.fill('#function', 'max(x)');
    await page.waitForFunction(() => document.getElementById('function-message').textContent.includes('max toma 2 argumentos, no 1'));
    await page.screenshot({ path: join(ARTIFACTS, 'function-error.png') });
    assert.equal(await page.evaluate(() => location.hash.includes('f=x%5E2%2By%5E2')), true, 'the link keeps the valid function');
    assert.ok(hash.length > 0);
    // Fixing it applies it.
    await page.fill('#function', 'max(x, y)^2');
    await page.waitForSelector('#function-error', { state: 'hidden' });
    assert.notEqual(await heatHash(page), drawn);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('the typed function travels in the link; stepping out of the domain stops the run', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=typed2d&f=log(x)%20%2B%20y%5E2&s=0.5,1&eta=0.5&m=gd,newton');
    assert.equal(await page.inputValue('#function'), 'log(x) + y^2');
    await page.click('#step');
    const gd = await readout(page, 'gd');
    assert.equal(gd.status, 'undefined', `GD from x = 0.5 with η = 0.5 lands at x = −0.5: ${gd.text}`);
    assert.match(gd.text, /left the domain/);
    await page.waitForFunction(() => location.hash.includes('n=1'));
    const link = await page.evaluate(() => location.href);
    const copy = await openPage(browser, link.slice(browser.origin.length));
    assert.equal(await copy.page.inputValue('#function'), 'log(x) + y^2');
    assert.equal((await readout(copy.page, 'gd')).status, 'undefined');
    // Half the map is outside the domain: drawn in the "undefined" colour, not left blank.
    const undefinedShare = await copy.page.$eval('#heat', (c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let grey = 0;
      for (let i = 0; i < d.length; i += 4) grey += d[i] === d[i + 1] && d[i + 1] === d[i + 2] && d[i + 3] === 255;
      return grey / (d.length / 4);
    });
    assert.ok(undefinedShare > 0.3 && undefinedShare < 0.7, `undefined share ${undefinedShare}`);
    await copy.page.screenshot({ path: join(ARTIFACTS, 'function-domain.png') });
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(copy.problems.errors, []);
    await copy.page.close();
    await page.close();
  });

  test('a typed function gets its own view from four fields; a bad one is refused beside the field', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=typed2d&f=exp(x%5E2%2By%5E2)');
    for (const [id, v] of [['#view-x0', '-1'], ['#view-x1', '1'], ['#view-y0', '-0.5'], ['#view-y1', '0.5']]) {
      await page.fill(id, v);
      await page.press(id, 'Enter');
    }
    await page.waitForFunction(() => document.getElementById('plot').dataset.view === '-1,1,-0.5,0.5');
    await page.waitForFunction(() => location.hash.includes('view=-1%2C1%2C-0.5%2C0.5'));
    // x from 2 to 1: refused, said beside the field, the view kept.
    await page.fill('#view-x0', '2');
    await page.press('#view-x0', 'Enter');
    assert.equal(await page.getAttribute('#view-x0', 'aria-invalid'), 'true');
    assert.match(await page.textContent('#view-x0-error'), /min < max/);
    assert.equal(await page.getAttribute('#plot', 'data-view'), '-1,1,-0.5,0.5');
    // Zooming out shows in the fields.
    await page.click('#zoom-out');
    await page.waitForFunction(() => document.getElementById('view-x1').value === '1.25');
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('one-variable functions draw as a curve', async () => {
    const { page, problems } = await openPage(browser);
    await page.selectOption('#landscape', 'typed1d');
    await page.waitForSelector('#function', { state: 'visible', timeout: 10000 });
    assert.equal(await page.textContent('#function-label'), 'E(x) =');
    await page.fill('#function', 'x^2/2');
    await page.waitForFunction(() => location.hash.includes('f=x%5E2%2F2'));
    await page.fill('#eta-value', '1');
    await page.press('#eta-value', 'Enter');
    await page.click('#step');
    const gd = await readout(page, 'gd');
    assert.equal(gd.status, 'converged', 'GD with η = 1/E″ lands on the minimum in one step');
    assert.equal(gd.iteration, 1);
    await page.fill('#function', 'x + y');
    await page.waitForSelector('#function-error:not([hidden])');
    assert.match(await page.textContent('#function-message'), /y is not a variable here/);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('when the lab cannot load, asking for a typed function says so and keeps the landscape', async () => {
    const { page } = await openPage(browser);
    await page.route('**/descenso_lab_bg.wasm', (route) => route.abort());
    await page.selectOption('#landscape', 'typed2d');
    await page.waitForSelector('#notice:not([hidden])', { timeout: 10000 });
    assert.match(await page.textContent('#notice-text'), /Typed functions need the lab/);
    assert.equal(await page.inputValue('#landscape'), 'rosenbrock', 'the picker shows the landscape in use');
    assert.equal(await page.isHidden('#function'), true);
    await page.click('#step');
    assert.equal((await readout(page, 'gd')).iteration, 1, 'the page still works');
    await page.close();
  });
});
