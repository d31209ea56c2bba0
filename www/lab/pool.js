// The lab's Web Workers: one per core (at most 4), each with its own instance of the lab's build
// of the core (compiled once here, posted to every worker); a queue of basin-row chunks kept
// AHEAD deep at each worker (so a worker never waits for the page's thread, busy drawing, to hand
// it the next); replies dispatched by their type to the feature that asked.
/* global DESCENSO_WORKER_SOURCE, DESCENSO_WORKER_URL, DESCENSO_LAB_WASM_BASE64, DESCENSO_LAB_WASM_URL */
import { compileWasm, el, tr } from '../page.js';

const AHEAD = 2;

/** The lab's build of the core (the workers' extra exports): inline in the single file, else its
 *  wasm file (beside the bundles in dist/, in pkg-lab/ unbundled). */
export const labModule = compileWasm(
  typeof DESCENSO_LAB_WASM_BASE64 === 'string' ? DESCENSO_LAB_WASM_BASE64 : null,
  () => new URL(typeof DESCENSO_LAB_WASM_URL === 'string' ? DESCENSO_LAB_WASM_URL : '../pkg-lab/descenso_bg.wasm', import.meta.url),
);

const handlers = new Map(); // reply type → handler(worker, message)
const workers = [];
let idle = [];
const inflight = new Map(); // worker → row chunks sent and not yet back
let queue = []; // row-chunk messages not yet sent

/** Where the replies of `type` go; a handler that returns false keeps the worker for more of
 *  its own replies (a measurement that streams rows). */
export function on(type, handler) {
  handlers.set(type, handler);
}

const latest = new Map(); // request type → the latest request's { id, resolve }

/** Posts a request of `type` (`message`'s fields) and resolves with its reply. A newer request
 *  of the same type supersedes it: the older reply is ignored (its promise never resolves). */
export function ask(type, message) {
  const id = (latest.get(type)?.id ?? 0) + 1;
  if (id === 1) {
    on(type, (m) => {
      if (m.id === latest.get(type).id) latest.get(type).resolve(m);
    });
  }
  return new Promise((resolve) => {
    latest.set(type, { id, resolve });
    post({ ...message, type, id });
  });
}

function start() {
  if (workers.length) return;
  const count = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
  for (let i = 0; i < count; i++) {
    const worker =
      typeof DESCENSO_WORKER_SOURCE === 'string'
        ? new Worker(URL.createObjectURL(new Blob([DESCENSO_WORKER_SOURCE], { type: 'text/javascript' })))
        : new Worker(new URL(typeof DESCENSO_WORKER_URL === 'string' ? DESCENSO_WORKER_URL : '../basins-worker.js', import.meta.url), { type: 'module' });
    labModule.then(
      (module) => worker.postMessage({ type: 'init', module }),
      (err) => (el.basinsStatus.textContent = `${tr('errorPrefix')} ${err?.message ?? err}`),
    );
    worker.onmessage = (e) => {
      if (e.data.type === 'rows') inflight.set(worker, Math.max(0, (inflight.get(worker) ?? 1) - 1));
      if (handlers.get(e.data.type)?.(e.data) !== false) feed(worker);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      el.basinsStatus.textContent = `${tr('errorPrefix')} ${e.message ?? 'worker'}`;
    };
    workers.push(worker);
    idle.push(worker);
  }
}

/** How many workers there are (starting them the first time). */
export function size() {
  start();
  return workers.length;
}

/** Sends `message` to an idle worker (or the first); its reply comes to the handler of its type. */
export function post(message, transfer = []) {
  start();
  const worker = idle.pop() ?? workers[0];
  worker.postMessage(message, transfer);
  return worker;
}

/** Replaces the queued row chunks with `messages`: idle workers, and those still on older chunks
 *  (whose replies the feature ignores), take them at once. */
export function schedule(messages) {
  start();
  queue = messages.slice();
  for (const worker of workers) {
    if ((inflight.get(worker) ?? 0) > 0 || idle.includes(worker)) {
      idle = idle.filter((w) => w !== worker);
      feed(worker);
    }
  }
}

/** Keeps AHEAD chunks queued at `worker`; with no work left it joins the idle workers. */
function feed(worker) {
  let n = inflight.get(worker) ?? 0;
  while (n < AHEAD && queue.length) {
    worker.postMessage(queue.shift());
    n++;
  }
  inflight.set(worker, n);
  if (n === 0 && !idle.includes(worker)) idle.push(worker);
}
