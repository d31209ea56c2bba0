// A smoke run of the page in Firefox ESR (Debian's), driven through geckodriver over WebDriver
// BiDi: the page loads, the heatmap is drawn, Step advances the runs, a lab panel (the basin
// maps, on the lab's workers) finishes, and nothing is logged as an error. Run by
// scripts/test.sh: node --experimental-websocket --test tests/firefox/smoke.mjs
// (Node 20's WebSocket client is behind that flag; no package is needed.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../../scripts/server.mjs';
import { ARTIFACTS, DIST } from '../helpers.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const GECKODRIVER = process.env.GECKODRIVER ?? 'geckodriver';

/** A free TCP port on the loopback. */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

/** A minimal WebDriver BiDi client: commands by id, events to listeners. */
class Bidi {
  constructor(url) {
    this.ws = new WebSocket(url);
    this.next = 0;
    this.waiting = new Map();
    this.listeners = [];
    this.ws.onmessage = (m) => {
      const msg = JSON.parse(m.data);
      if (msg.id !== undefined) {
        const w = this.waiting.get(msg.id);
        this.waiting.delete(msg.id);
        if (msg.type === 'error') w?.fail(new Error(`${msg.error}: ${msg.message}`));
        else w?.ok(msg.result);
      } else {
        for (const l of this.listeners) l(msg);
      }
    };
    this.open = new Promise((ok, fail) => {
      this.ws.onopen = ok;
      this.ws.onerror = () => fail(new Error(`no WebSocket at ${url}`));
    });
  }

  send(method, params = {}) {
    const id = ++this.next;
    return new Promise((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Evaluates `expression` in the page (awaiting a promise) and returns its JSON value. */
  async evaluate(context, expression) {
    const r = await this.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context },
      awaitPromise: true,
    });
    if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text}`);
    return r.result.value === undefined ? undefined : JSON.parse(r.result.value);
  }

  /** Waits until `expression` is truthy in the page (polling), or fails after `ms`. */
  async waitFor(context, expression, ms = 30000) {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await this.evaluate(context, expression).catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${expression}`);
  }
}

let driver;
let server;
let session;
let bidi;
let origin;
const logged = [];

before(async () => {
  server = await serve({ root: DIST, port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
  const port = await freePort();
  driver = spawn(GECKODRIVER, ['--port', String(port)], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  let response;
  for (let i = 0; i < 100 && !response; i++) {
    response = await fetch(`${base}/status`).catch(() => null);
    if (!response) await new Promise((r) => setTimeout(r, 100));
  }
  const created = await fetch(`${base}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          webSocketUrl: true,
          'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless', '-width=1366', '-height=768'] },
        },
      },
    }),
  }).then((r) => r.json());
  assert.ok(created.value?.capabilities?.webSocketUrl, `no BiDi session: ${JSON.stringify(created)}`);
  session = { base, id: created.value.sessionId };
  bidi = new Bidi(created.value.capabilities.webSocketUrl);
  await bidi.open;
  bidi.listeners.push((m) => {
    if (m.method === 'log.entryAdded' && m.params.level === 'error') logged.push(m.params.text);
  });
  await bidi.send('session.subscribe', { events: ['log.entryAdded'] });
});

after(async () => {
  if (session) await fetch(`${session.base}/session/${session.id}`, { method: 'DELETE' }).catch(() => {});
  driver?.kill();
  await new Promise((ok) => server?.close(ok) ?? ok());
});

test('Firefox ESR: the page draws, steps, computes the basin maps, logs no error', async () => {
  const { contexts } = await bidi.send('browsingContext.getTree', {});
  const context = contexts[0].context;
  await bidi.send('browsingContext.navigate', { context, url: `${origin}/#v=1&l=himmelblau&eta=0.01`, wait: 'complete' });
  await bidi.waitFor(context, `document.body.dataset.ready === 'true'`);

  // The heatmap: many distinct colours in the pixels the core sampled.
  const colours = await bidi.evaluate(
    context,
    `(() => {
      const c = document.getElementById('heat');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      return seen.size;
    })()`,
  );
  assert.ok(colours > 20, `a heatmap of ${colours} colours`);

  // Step advances every run by one.
  const iteration = `Number(document.querySelector('#readout tr[data-method="gd"]').dataset.iteration)`;
  assert.equal(await bidi.evaluate(context, iteration), 0);
  await bidi.evaluate(context, `document.getElementById('step').click()`);
  await bidi.waitFor(context, `${iteration} === 1`, 5000);

  // A lab panel: the basin maps, computed by the lab's Web Workers, finish.
  await bidi.evaluate(context, `(() => { const b = document.getElementById('show-basins'); b.checked = true; b.dispatchEvent(new Event('change')); })()`);
  // (Coarse first, then fine: the lab's SIMD kernel runs in Firefox too.)
  await bidi.waitFor(context, `document.getElementById('basins').dataset.size === '512'`, 60000);
  const status = await bidi.evaluate(context, `document.getElementById('basins-status').textContent`);
  assert.match(status, /512×512 starts, 100 steps each: \d+ ms with \d+ workers?/);

  const shot = await bidi.send('browsingContext.captureScreenshot', { context });
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'firefox-smoke.png'), Buffer.from(shot.data, 'base64'));
  assert.deepEqual(logged, [], 'nothing logged as an error');
});
