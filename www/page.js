// The page's own state and handles: the DOM elements, the core's handle (the session lives in
// the core: landscape, parameters, start, methods, η, view, scene, language, panels, speed), what
// only the page knows (playing, element sizes), notices and number formatting.
import { fmt, t } from './i18n.js';

export { fmt };

/** The page's elements by name: `el.mapFrame` is the element of id `map-frame` (found once). */
const ALIAS = { functionInput: 'function', toggles: 'method-toggles' };
const found = new Map();
export const el = new Proxy(found, {
  get(_, name) {
    if (typeof name !== 'string') return undefined;
    if (!found.get(name)) found.set(name, document.getElementById(ALIAS[name] ?? name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)));
    return found.get(name);
  },
});

/** The core (set once at start) and what only the page knows. */
export const page = {
  wasm: null, // the core's exports (for its memory)
  full: false, // whether they are the lab's build (after a typed function was asked for)
  forTyped: async () => true, // moves the session there when a query asks for a typed landscape
  explorer: null, // the core's session handle
  module: null, // the compiled core (the lab's workers get their own build)
  methods: [], // method identifiers, in trajectory order
  families: [], // each method's family (the toggles' groups)
  labPanels: [], // the lab's panels a link can open (the core's names: the elements' ids)
  lab: null, // the lab (www/lab/), once one of its panels is used
  playing: false,
  quickStart: true, // the first paint skips the charts and critical points, drawn when it refines
  lang: 'en', // the language shown: the session's (set with it, read for every string)
  axisNames: ['x', 'y'], // the map's axes' names, as the core names them at each sample
  zoom: 1, // how much larger the canvases' type and lines are drawn (presenter mode)
};

/** Presenter mode magnifies every figure the core draws by this much (and the page's type). */
export const PRESENT_ZOOM = 1.4;

/** The page's language (the session holds it for links; this copy saves a call per string). */
export const lang = () => page.lang;

/** `v` with `digits` decimals, with the page's decimal separator (2,5 in Spanish). */
export const fixed = (v, digits) => (lang() === 'es' ? v.toFixed(digits).replace('.', ',') : v.toFixed(digits));

/** The number typed in `input`: one decimal number, with a decimal point or comma (NaN if the
 *  text is anything else: a field never reads `1,5` as 15). */
export function typedNumber(input) {
  const text = input.value.trim().replace('−', '-');
  return /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text.replace(',', '.')) : NaN;
}

/** Shows `v` in `input` as the page writes numbers (a decimal comma in Spanish). */
export function showNumber(input, v) {
  input.value = lang() === 'es' ? String(v).replace('.', ',') : String(v);
}

/** The text of `key` in the page's language. */
export const tr = (key, ...args) => t(lang(), key, ...args);

// CSS sizes of the plot and the charts, kept by ResizeObservers so that drawing never measures
// (measuring after the readouts changed would force a layout every frame).
export const sizes = new Map();
export const sizeOf = (element) => sizes.get(element) ?? element.getBoundingClientRect();

/** The size the core lays a canvas's figure out for: its CSS size over the zoom (the figure is
 *  then drawn magnified to fill it, see paint.js). */
export function drawSize(element) {
  const { width, height } = sizeOf(element);
  return { width: width / page.zoom, height: height / page.zoom };
}

/** A new element `tag` with `props` (its properties; `dataset` and `attrs` set those), then
 *  `children` appended (nodes or text, never markup). */
export function make(tag, { dataset = {}, attrs = {}, ...props } = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A method's swatch: a small canvas the core draws its line style on (drawSwatches). */
export const swatch = () => make('canvas', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });

export function showNotice(message) {
  el.noticeText.textContent = message;
  el.notice.hidden = false;
}

/** The notice for the fields of a link the core ignored (`key: reason` each, its reasons worded
 *  in the page's language). */
export function showIgnored(ignored) {
  const word = (line) => line.replace(/^([^:]*): (.*)$/, (_, key, reason) => `${key}: ${tr('linkReason', reason)}`);
  showNotice(`${tr('linkIgnored')} ${ignored.map(word).join('; ')}`);
}

export function hideNotice() {
  el.notice.hidden = true;
}

/** What went wrong, in the page's language: the core's errors carry a code (and the values
 *  involved), worded by the string tables; anything else by its own message. */
export function describe(err) {
  const key = `err_${err?.code}`;
  const text = err?.code ? tr(key, err) : key;
  return text !== key ? text : String(err?.message ?? err);
}

/** Runs a core call; on failure shows what went wrong and returns false (the core kept its state). */
export function attempt(fn) {
  try {
    fn();
    return true;
  } catch (err) {
    showNotice(`${tr('errorPrefix')} ${describe(err)}`);
    return false;
  }
}

/** Runs a core call that `field` asked for: on failure what went wrong is said next to the
 *  field (marked invalid), not in the banner. True on success (the field's message clears). */
export function attemptAt(field, fn) {
  let problem = null;
  try {
    fn();
  } catch (err) {
    problem = describe(err);
  }
  fieldProblem(field, problem);
  return problem === null;
}

/** Shows `text` next to `field` (or clears it when null), announced to screen readers. */
export function fieldProblem(field, text) {
  field.setAttribute('aria-invalid', String(Boolean(text)));
  let note = field.nextElementSibling?.classList.contains('field-error') ? field.nextElementSibling : null;
  if (!note && !text) return;
  if (!note) {
    note = make('span', { className: 'field-error', id: `${field.id || field.name || 'field'}-error`, attrs: { role: 'alert' } });
    field.after(note);
    field.setAttribute('aria-describedby', note.id);
  }
  note.textContent = text ?? '';
  note.hidden = !text;
}

/** Compiles a wasm module: from `base64` (the single-file build carries its wasm inline) if it
 *  is a string, else streamed from the URL `url()` gives (a function: the single file has no
 *  module URL to resolve against). */
export function compileWasm(base64, url) {
  if (typeof base64 !== 'string') return WebAssembly.compileStreaming(fetch(url()));
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return WebAssembly.compile(bytes);
}
