// Shared by the end-to-end tests and the benchmark: serve the repository, drive Debian's
// Chromium with playwright-core, and record console errors and outside requests.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/server.mjs';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
/** What the tests load: the built dist/ (scripts/dist.mjs), the files people host. */
export const DIST = join(ROOT, 'dist');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Serves dist/ and opens a fresh Chromium profile (`options`: more of the context's, such as a
 *  touch screen's `hasTouch` and `isMobile`). Call `close()` when done. */
export async function openBrowser({ deviceScaleFactor = 1, extraArgs = [], root = DIST, options = {} } = {}) {
  const server = await serve({ root, port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), 'descenso-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
    headless: true,
    viewport: { width: 1200, height: 860 },
    deviceScaleFactor,
    ...options,
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    origin,
    context,
    async close() {
      await context.close();
      await new Promise((ok) => server.close(ok));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens `path` in a new page and records console errors, page errors and requests that leave
 *  the page's origin. Waits until the page says it is ready. */
export async function openPage(browser, path = '/', { viewport } = {}) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = { errors: [], outside: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(m.text());
  });
  page.on('pageerror', (e) => problems.errors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(browser.origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.outside.push(url);
  });
  await page.goto(browser.origin + path);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return { page, problems };
}

/** Chooses scene `id` in the picker and waits until it is applied and its text shown. */
export async function chooseScene(page, id) {
  await page.selectOption('#scene', id);
  await page.waitForSelector(`#scene[data-shown="${id}"]`, { state: 'attached' });
}

/** The readout row of a method as numbers and strings. */
export async function readout(page, method) {
  return page.$eval(`#readout tr[data-method="${method}"]`, (tr) => ({
    iteration: Number(tr.dataset.iteration),
    status: tr.dataset.status,
    x: Number(tr.dataset.x),
    y: Number(tr.dataset.y),
    text: tr.textContent,
    cells: Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.cell, td.textContent])),
  }));
}

/** Clicks an export button and returns the downloaded file's name and bytes. */
export async function exported(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** A fingerprint of the heatmap's pixels (to tell whether the landscape changed). */
export const heatHash = (page) =>
  page.$eval('#heat', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 0;
    for (let i = 0; i < d.length; i += 7) h = (h * 31 + d[i]) | 0;
    return h;
  });
