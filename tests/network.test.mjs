// A real network, all of its weights (issue 16): the lab's panel trains the core's network with
// every method from one seeded start and draws its answer, E and the Hessian's spectrum; its
// fields tell the core, a bad one says why beside it, and the setup travels in the link.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, chooseScene, openBrowser, openPage } from './helpers.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

/** The panel's numbers `[N, steps of the run shown, its E, λ_max, negative eigenvalues]` once
 *  they differ from `before`. */
async function numbers(page, before = '') {
  await page.waitForFunction((b) => (document.getElementById('network').dataset.numbers ?? '') !== b, before, { timeout: 20000 });
  return JSON.parse(await page.$eval('#network', (d) => d.dataset.numbers));
}

describe('a real network', () => {
  test('XOR from small weights: Newton ends at the saddle; the fields change the network; the link keeps it', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=himmelblau&open=network', { viewport: { width: 1366, height: 768 } });
    const first = await numbers(page);
    // 13 weights; Newton beside the saddle at E = 1/4, with negative eigenvalues.
    assert.equal(first[0], 13);
    assert.ok(Math.abs(first[2] - 0.25) < 1e-6 && first[4] >= 1, `${first}`);
    const note = await page.textContent('#network-note');
    assert.match(note, /^N = 13 weights and biases\. Newton's method: \d+ steps?, singular Hessian, E = 0\.25\. /);
    assert.match(note, /At its last iterate \d+ of the 13 eigenvalues of H (is|are) negative: E curves down along \d+ directions? there, and ‖∇E‖ = /);
    assert.doesNotMatch(note, /stable/, 'no GD bound beside a saddle');
    assert.equal(await page.inputValue('#network [data-net="h"]'), '3');
    assert.equal(await page.inputValue('#network [data-net="show"]'), 'newton');
    // The canvas has the answer's colours and the runs' lines (not one colour).
    const colours = await page.$eval('#network-chart', (c) => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < data.length; i += 16) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return seen.size;
    });
    assert.ok(colours > 20, `${colours} colours`);
    await page.locator('#network').scrollIntoViewIfNeeded();
    await page.locator('#network').screenshot({ path: join(ARTIFACTS, 'network.png') });

    // Two hidden layers: N = 2·4 + 4 + 4·3 + 3 + 3 + 1 = 31.
    await page.fill('#network [data-net="h"]', '4,3');
    await page.press('#network [data-net="h"]', 'Enter');
    const wider = await numbers(page, JSON.stringify(first));
    assert.equal(wider[0], 31);
    await page.waitForFunction(() => location.hash.includes('net=xor_h4.3_'));

    // A bad field: the message beside it, the field back to the setup in use, nothing changes.
    await page.fill('#network [data-net="h"]', '9');
    await page.press('#network [data-net="h"]', 'Enter');
    await page.waitForSelector('#network [data-net="h"][aria-invalid="true"]');
    assert.match(await page.textContent('#network .field-error'), /hidden units of a layer must be at least 1 and at most 8/);
    assert.equal(await page.inputValue('#network [data-net="h"]'), '4,3');

    // Only GD, shown: its run goes every step and the note says how it ended.
    await page.uncheck('#network-methods input[value="newton"]');
    await page.uncheck('#network-methods input[value="momentum"]');
    const gd = await numbers(page, JSON.stringify(wider));
    assert.equal(await page.inputValue('#network [data-net="show"]'), 'gd');
    assert.equal(gd[1], 300);
    assert.match(await page.textContent('#network-note'), /^N = 31 weights and biases\. Gradient descent: 300 steps, step limit, /);

    // The link opens the same setup on a fresh page, in Spanish too.
    await page.waitForFunction(() => location.hash.includes('_m.gd_show.gd'));
    const link = await page.evaluate(() => location.hash);
    const again = await openPage(browser, `/${link}&lang=es`);
    const same = await numbers(again.page);
    assert.deepEqual(same, gd);
    assert.match(await again.page.textContent('#network-note'), /^N = 31 pesos y sesgos\. Descenso por el gradiente: 300 pasos, /);
    assert.deepEqual([...problems.errors, ...again.problems.errors], []);
    assert.deepEqual([...problems.outside, ...again.problems.outside], []);
    await again.page.close();
    await page.close();
  });

  test('opened by hand, the panel moves the page into the lab\'s build and the link says it is open', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=himmelblau&m=gd,newton');
    await page.click('#network summary');
    const first = await numbers(page);
    assert.equal(first[0], 13);
    await page.waitForFunction(() => /open=[^&]*network/.test(location.hash));
    // The page's own runs are the same after the move (the session's whole link, applied).
    assert.match(await page.textContent('#readout'), /Newton/);
    // A new language words the note again without training again.
    await page.selectOption('#lang', 'es');
    await page.waitForFunction(() => document.getElementById('network-note').textContent.startsWith('N = 13 pesos'));
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('scene 9: from the saddle damped Newton reaches, full-batch GD stays and SGD leaves', async () => {
    const { page, problems } = await openPage(browser);
    await chooseScene(page, 'sgd');
    // (The scene opens the network's panel, in the lab's build, and trains there.)
    const [n, steps, e] = await numbers(page);
    assert.equal(await page.$eval('#network', (d) => d.open), true);
    assert.deepEqual([n, steps], [13, 300]);
    // The scene's button brings the panel, below the controls, into view.
    await page.click('#scene-panel');
    await page.waitForFunction(() => Math.abs(document.getElementById('network').getBoundingClientRect().top) < 5);
    assert.ok(e < 0.24, `SGD leaves the saddle: E = ${e}`);
    const note = await page.textContent('#network-note');
    assert.match(note, /^N = 13 weights and biases\. SGD \(mini-batches\): 300 steps, step limit, E = /);
    assert.match(note, /Gradient descent E = 0\.25 \(converged\)\.$/);
    assert.equal(await page.inputValue('#net-from'), 'damped-newton');
    assert.equal(await page.inputValue('#net-batch'), '4');
    // A batch of every point: SGD is GD, and stays.
    const before = await page.$eval('#network', (d) => d.dataset.numbers);
    await page.fill('#net-batch', '40');
    await page.press('#net-batch', 'Enter');
    const [, , all] = await numbers(page, before);
    assert.ok(Math.abs(all - 0.25) < 1e-4, `E = ${all}`);
    await page.waitForFunction(() => /batch40_from\.damped-newton/.test(location.hash));
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('a step of each method is timed on a worker at this N, in the page words', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=himmelblau&open=network&lang=es');
    await numbers(page);
    await page.click('#net-times-run');
    await page.waitForFunction(() => document.getElementById('network').dataset.times, null, { timeout: 60000 });
    const wire = JSON.parse(await page.$eval('#network', (d) => d.dataset.times));
    // [N, then per method its index and seconds]: GD, Newton, momentum on the 13 weights.
    assert.equal(wire.length, 7);
    assert.equal(wire[0], 13);
    for (let k = 2; k < 7; k += 2) assert.ok(wire[k] > 0 && wire[k] < 1, `${wire}`);
    assert.match(await page.textContent('#net-times'), /^Tiempo por paso con N = 13, en esta computadora: MDG [\d,]+ (ns|µs|ms), Newton [\d,]+ (ns|µs|ms), Momento [\d,]+ (ns|µs|ms)\.$/);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('many starts: every method from 100 seeded starts in a worker, each run counted once', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=himmelblau&open=network');
    await numbers(page);
    await page.click('#net-starts-run');
    await page.waitForFunction(() => document.getElementById('network').dataset.starts, null, { timeout: 60000 });
    const tallies = JSON.parse(await page.$eval('#network', (d) => d.dataset.starts));
    // Per method [index, minima, saddles, crawling, moving, stopped, runs, at E*]: GD, Newton, momentum.
    assert.equal(tallies.length, 24);
    for (let k = 0; k < 24; k += 8) {
      const [, minima, saddles, crawling, moving, stopped, runs, lowest] = tallies.slice(k, k + 8);
      assert.equal(minima + saddles + crawling + moving + stopped, 100, `${tallies.slice(k, k + 8)}`);
      assert.equal(runs, 100);
      assert.ok(lowest <= runs);
    }
    const lines = await page.$$eval('#net-starts-note li', (ls) => ls.map((l) => l.textContent));
    assert.equal(lines.length, 4, lines.join(' | '));
    assert.match(lines[0], /^E\* = .+, the lowest E any run reached\.$/);
    assert.match(lines[1], /^GD: \d+ of 100 at E\*; \d+ (converged|at|crawling|with|stopped) .*\.$/);
    await page.locator('#net-starts-chart').screenshot({ path: join(ARTIFACTS, 'network-starts.png') });
    // Another language: the same starts, worded again (the setup is the same in every language).
    await page.selectOption('#lang', 'es');
    await page.waitForFunction(() => document.querySelector('#net-starts-note li')?.textContent.includes('el menor E'));
    assert.equal(await page.$eval('#network', (d) => d.dataset.starts), JSON.stringify(tallies));
    await page.selectOption('#lang', 'en');
    await page.waitForFunction(() => document.querySelector('#net-starts-note li')?.textContent.includes('the lowest E'));
    // Another setup: the starts shown were not of it, and go.
    await page.fill('#network [data-net="seed"]', '2');
    await page.press('#network [data-net="seed"]', 'Enter');
    await page.waitForFunction(() => !document.getElementById('network').dataset.starts);
    assert.equal(await page.isVisible('#net-starts-chart'), false);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });
});
