// Share links end to end: a copied link reproduces the runs number for number, and hostile
// links load a valid state with a notice, no dialog, no console error and no outside request.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { ARTIFACTS, chooseScene, exported, openBrowser, openPage } from './helpers.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

/** Every visible readout row, as the page shows it. */
const rows = (page) =>
  page.$$eval('#readout tr:not([hidden])', (trs) =>
    trs.map((tr) => ({ method: tr.dataset.method, iteration: tr.dataset.iteration, x: tr.dataset.x, y: tr.dataset.y, text: tr.textContent })),
  );

describe('share links', () => {
  test('a link\'s ignored fields are reported in the language it asks for', async () => {
    const { page, problems } = await openPage(browser, '/#l=nonsense&eta=-1&zzz=3&lang=es');
    await page.waitForSelector('#notice:not([hidden])');
    const text = await page.textContent('#notice-text');
    assert.match(text, /^Partes del enlace no eran válidas/);
    assert.match(text, /l: paisaje desconocido/);
    assert.match(text, /zzz: clave desconocida/);
    assert.doesNotMatch(text, /unknown|not a/);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('a link that names only a scene opens that scene, with the link\'s other fields over it', async () => {
    const { page, problems } = await openPage(browser, '/#scene=directions&eta=0.05');
    assert.equal(await page.inputValue('#landscape'), 'quadratic2d');
    assert.equal(await page.inputValue('#scene'), 'directions');
    assert.match(await page.textContent('#scene-title'), /Directions are not alike/);
    assert.equal(await page.locator('#scene-kappa').count(), 1, 'the scene\'s κ slider');
    assert.equal(Number(await page.inputValue('#eta-value')), 0.05, 'the link\'s η over the scene\'s');
    assert.deepEqual((await rows(page)).map((r) => r.method), ['gd', 'newton', 'momentum']);
    assert.equal(await page.isHidden('#notice'), true);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('a link reopens the same configuration, number for number', async () => {
    const { page, problems } = await openPage(browser);
    await page.selectOption('#landscape', 'himmelblau');
    for (const box of await page.$$('#method-toggles input')) await box.check();
    await page.fill('#mu', '0.3');
    await page.press('#mu', 'Enter');
    const box = await page.locator('#overlay').boundingBox();
    await page.mouse.click(box.x + box.width * 0.31, box.y + box.height * 0.62);
    for (let i = 0; i < 7; i++) await page.click('#step');
    await page.click('#show-hessian');
    await page.selectOption('#lang', 'es');
    await page.click('#copy-link');
    await page.waitForFunction(() => document.getElementById('link-status').textContent.length > 0);
    const link = await page.evaluate(() => location.href);
    assert.match(link, /#v=1&l=himmelblau&/);
    const original = await rows(page);
    assert.equal(original.length, 11);

    const csv = await exported(page, '#export-csv');
    assert.equal(csv.name, 'descenso-himmelblau.csv');

    const copy = await openPage(browser, link.slice(browser.origin.length));
    assert.deepEqual(await rows(copy.page), original);
    const copyCsv = await exported(copy.page, '#export-csv');
    const lines = csv.bytes.toString('utf8').trim().split('\n').filter((l) => !l.startsWith('#'));
    assert.equal(lines[0], 'method,iteration,x,y,E,grad_norm');
    assert.equal(lines.length, 1 + original.reduce((n, r) => n + Number(r.iteration) + 1, 0), 'one row per iterate');
    assert.ok(copyCsv.bytes.equals(csv.bytes), 'the two pages export identical CSV');
    assert.equal(await copy.page.inputValue('#mu'), '0,3', 'μ, written the Spanish way');
    assert.equal(await copy.page.isChecked('#show-hessian'), true);
    assert.equal(await copy.page.getAttribute('html', 'lang'), 'es');
    assert.equal(await copy.page.isHidden('#notice'), true, 'a good link raises no notice');
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(copy.problems.errors, []);
    await copy.page.close();
    await page.close();
  });

  test('runs of their own: the four regimes at once, each its own row, label, line, CSV rows and link field', async () => {
    const { page, problems } = await openPage(browser, '/#scene=regimes');
    const own = () => page.$$eval('#readout tr[data-run]:not([hidden])', (trs) => trs.map((tr) => ({ label: tr.querySelector('abbr').textContent, status: tr.dataset.status, x: Number(tr.dataset.x) })));
    assert.deepEqual((await own()).map((r) => r.label), ['GD η = 0.5 = 1 ηₒₚₜ', 'GD η = 0.75 = 1.5 ηₒₚₜ', 'GD η = 1.125 = 2.25 ηₒₚₜ']);
    await page.click('#step');
    const first = await own();
    assert.deepEqual(first.map((r) => r.status), ['converged', 'running', 'running']);
    [0, -1.5, -3.75].forEach((x, j) => assert.ok(Math.abs(first[j].x - x) < 1e-12, `η = ηₒₚₜ in one step; the others times 1 − ηE″: ${first[j].x}`));
    for (let i = 0; i < 100; i++) await page.keyboard.press('s');
    assert.deepEqual((await own()).map((r) => r.status), ['converged', 'converged', 'diverged']);
    await page.screenshot({ path: `${ARTIFACTS}/own-runs.png` });
    // Each run its own line in the charts' legend (the SVG export draws what the charts draw).
    const svg = (await exported(page, '#export-svg')).bytes.toString('utf8');
    for (const label of ['GD η = 0.75 = 1.5 ηₒₚₜ', 'GD η = 1.125 = 2.25 ηₒₚₜ']) assert.ok(svg.includes(label), label);
    const csv = (await exported(page, '#export-csv')).bytes.toString('utf8');
    assert.match(csv, /^gd_eta0\.75,1,-1\.5,/m);
    // A fifth run is refused next to the button; one taken away leaves the link.
    await page.selectOption('#own-method', 'momentum');
    assert.equal(await page.isHidden('#own-mu'), true, 'momentum reads η and β only');
    await page.fill('#own-eta', '0.1');
    await page.fill('#own-beta', '0.5');
    await page.click('#own-add');
    assert.equal((await own()).length, 4);
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('&r=gd_eta0.5,gd_eta0.75,gd_eta1.125,momentum_eta0.1_beta0.5&'));
    await page.click('#own-add');
    assert.match(await page.textContent('#own-add-error'), /at most four/);
    await page.click('#readout tr[data-run="12"] .own-remove');
    assert.deepEqual((await own()).map((r) => r.label), ['GD η = 0.5 = 1 ηₒₚₜ', 'GD η = 1.125 = 2.25 ηₒₚₜ', 'Momentum η = 0.1, β = 0.5']);
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('&r=gd_eta0.5,gd_eta1.125,momentum_eta0.1_beta0.5&'));
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('the speed, the basin maps and the lab panels open travel in the link', async () => {
    const { page, problems } = await openPage(browser, '/#v=1&l=himmelblau&speed=600&basins=1&open=sweep');
    assert.equal(await page.inputValue('#speed'), '600');
    await page.waitForFunction(() => !document.getElementById('basins').hidden && document.getElementById('sweep').open);
    await page.waitForFunction(() => document.getElementById('sweep').dataset.ratio);
    // Changing them changes the address.
    await page.selectOption('#speed', '2');
    await page.$eval('#escape', (d) => (d.open = true));
    await page.uncheck('#show-basins');
    await page.waitForFunction(() => location.hash.includes('speed=2') && location.hash.includes('open=escape%2Csweep') && !location.hash.includes('basins='));
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('deliberate changes add history entries; Back restores the previous configuration', async () => {
    const { page, problems } = await openPage(browser);
    await page.selectOption('#landscape', 'himmelblau');
    await page.waitForFunction(() => location.hash.includes('l=himmelblau'));
    await page.selectOption('#landscape', 'saddle');
    await page.waitForFunction(() => location.hash.includes('l=saddle'));
    for (let i = 0; i < 3; i++) await page.click('#step');
    await page.waitForFunction(() => location.hash.includes('n=3'));
    await page.goBack();
    await page.waitForFunction(() => location.hash.includes('l=himmelblau'));
    await page.waitForFunction(() => document.getElementById('landscape').value === 'himmelblau');
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  test('embedded in a page of another origin: no chrome, hidden panels, height reported', async () => {
    const { page, problems } = await openPage(browser);
    await chooseScene(page, 'saddles');
    await page.click('#embed');
    const snippet = await page.inputValue('#embed-code');
    assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#v=1&amp;l=saddle&amp;.*embed=1/);
    await page.close();
    const src = `${browser.origin}/#v=1&l=himmelblau&m=gd,newton&n=5&embed=1&hide=charts,methods`;
    const host = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><title>course</title><p>Course page</p>
        <iframe id="d" src="${src}" width="700" height="400" style="border:0"></iframe>
        <script>window.heights = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'descenso:height') heights.push(e.data.height); });</script>`);
    });
    await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
    try {
      const hostPage = await browser.context.newPage();
      const errors = [];
      hostPage.on('pageerror', (e) => errors.push(String(e)));
      await hostPage.goto(`http://127.0.0.1:${host.address().port}/`);
      const frame = await (await hostPage.waitForSelector('#d')).contentFrame();
      await frame.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
      await hostPage.waitForFunction(() => window.heights.length > 0, null, { timeout: 5000 });
      const heights = await hostPage.evaluate(() => window.heights);
      assert.ok(heights.at(-1) > 200, `height reported: ${heights}`);
      assert.equal(await frame.isHidden('header.top'), true, 'no page chrome when embedded');
      assert.equal(await frame.isHidden('.charts'), true);
      assert.equal(await frame.isHidden('fieldset.methods'), true);
      assert.equal(await frame.getAttribute('tr[data-method="gd"]', 'data-iteration'), '5');
      await frame.click('#step');
      assert.equal(await frame.getAttribute('tr[data-method="gd"]', 'data-iteration'), '6');
      assert.deepEqual(errors, []);
      await hostPage.close();
    } finally {
      host.closeAllConnections();
      await new Promise((ok) => host.close(ok));
    }
    assert.deepEqual(problems.errors, []);
  });

  const HOSTILE = [
    'v=1&l=himmel',
    'v=2&l=himmelblau',
    'v=1&l=himmelblau&s=1',
    'v=1&l=himmelblau&s=NaN,1',
    'v=1&l=himmelblau&s=1e400,1',
    'v=1&l=himmelblau&s=Infinity,-Infinity',
    'v=1&l=himmelblau&s=0x10,1',
    'v=1&l=himmelblau&eta=-1',
    'v=1&l=himmelblau&eta=inf',
    'v=1&l=himmelblau&eta=%3Cscript%3Ealert(1)%3C/script%3E',
    'v=1&l=himmelblau&mu=-3&beta=1',
    'v=1&l=quadratic2d&p=1,NaN,30',
    'v=1&l=quadratic2d&p=1,1e9,30',
    'v=1&l=quadratic2d&p=1,2,3,4,5,6,7,8,9',
    'v=1&l=himmelblau&view=1,0,0,1',
    'v=1&l=himmelblau&view=0,1',
    'v=1&l=himmelblau&view=-1e308,1e308,0,1',
    'v=1&l=himmelblau&m=gd,sgd,%3Cb%3E',
    'v=1&l=himmelblau&n=99999999999',
    'v=1&l=himmelblau&n=-4',
    'v=1&l=himmelblau&n=1.5',
    'v=1&l=himmelblau&scene=%3Cimg%20src=x%20onerror=alert(1)%3E',
    'v=1&l=himmelblau&lang=%3Csvg%20onload=alert(1)%3E',
    'v=1&l=himmelblau&crit=yes',
    'v=1&l=himmelblau&onload=alert(1)',
    'v=1&l=himmelblau&%3Cscript%3E=1',
    'v=1&l=himmel%',
    '&&&==&=',
    'v=1&l=rosenbrock&s=-1.2,1&eta=0.00',
    'javascript:alert(1)',
    'v=1&l=quadratic1d&s=1,2',
    `v=1&l=himmelblau&x=${'A'.repeat(6000)}`,
    'v=1&l=himmelblau&s=1,2&eta=0.01&m=gd&n=100001',
  ];

  test(`${HOSTILE.length} hostile links each load a valid, working state with a notice`, async () => {
    const page = await browser.context.newPage();
    const errors = [];
    const outside = [];
    let dialogs = 0;
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    page.on('request', (r) => !r.url().startsWith(browser.origin) && !r.url().startsWith('data:') && outside.push(r.url()));
    for (const query of HOSTILE) {
      await page.goto(`${browser.origin}/#${query}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
      const label = query.slice(0, 80);
      assert.equal(await page.isVisible('#notice'), true, `no notice for ${label}`);
      assert.match(await page.textContent('#notice-text'), /ignored/, label);
      // The page works: the map has a landscape drawn and a step runs.
      const runs = () => page.$$eval('#readout tr:not([hidden])', (trs) => trs.map((tr) => [Number(tr.dataset.iteration), tr.dataset.status]));
      const before = await runs();
      await page.click('#step');
      const after = await runs();
      after.forEach(([n], i) => {
        const [was, status] = before[i];
        assert.equal(n, status === 'running' ? was + 1 : was, `${label}: a running method steps, a stopped one stays`);
      });
      assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src]), img, iframe, body svg').length), 0, `markup injected by ${label}`);
    }
    assert.equal(dialogs, 0, 'no dialog opened');
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, []);
    await page.close();
  });
});
