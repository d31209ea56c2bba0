// Descenso's page: state, events and drawing. All mathematics happens in the wasm core.
import init, { Explorer } from './pkg/descenso.js';
import { LANGUAGES, addStrings, loadLanguage, preferredLanguage, t, translatePage } from './i18n.js';
import { REGIME_CASES, SCENES } from './scenes.js';
import { Frame, METHOD_STYLE, drawContours, drawCritical, drawHessian, drawCurve, drawHeat, drawPath, drawStart, drawSwatch, hiDpiContext } from './draw.js';

const $ = (id) => document.getElementById(id);
const el = {
  plot: $('plot'), heat: $('heat'), contours: $('contours'), overlay: $('overlay'), hover: $('hover'),
  notice: $('notice'), noticeText: $('notice-text'), noticeClose: $('notice-close'),
  landscape: $('landscape'), params: $('params'), eta: $('eta'), etaValue: $('eta-value'),
  etaMarks: $('eta-marks'), etaNote: $('eta-note'), step: $('step'), play: $('play'), reset: $('reset'),
  speed: $('speed'), readout: $('readout'), analysis: $('analysis'), lang: $('lang'),
  scene: $('scene'), sceneTitle: $('scene-title'), sceneText: $('scene-text'), sceneControls: $('scene-controls'),
  showHessian: $('show-hessian'), copyLink: $('copy-link'), linkStatus: $('link-status'),
  embed: $('embed'), embedBox: $('embed-box'), embedCode: $('embed-code'),
  showBasins: $('show-basins'), basins: $('basins'), basinGd: $('basin-gd'), basinNewton: $('basin-newton'),
  basinGdCaption: $('basin-gd-caption'), basinsStatus: $('basins-status'), basinsLegend: $('basins-legend'),
  starts: $('starts'), startsSeed: $('starts-seed'), startsCount: $('starts-count'), startsRun: $('starts-run'),
  startsChart: $('starts-chart'), startsSummary: $('starts-summary'),
  newtonCost: $('newton-cost'),
  escape: $('escape'), escapeChart: $('escape-chart'), escapeNote: $('escape-note'),
  sweep: $('sweep'), sweepChart: $('sweep-chart'), sweepNote: $('sweep-note'),
  costRun: $('cost-run'), costRows: $('cost-rows'),
  dataBox: $('data-box'), data: $('data'), dataNote: $('data-note'),
  functionBox: $('function-box'), functionInput: $('function'), functionLabel: $('function-label'),
  functionError: $('function-error'), functionCaret: $('function-caret'), functionMessage: $('function-message'),
  exportPng: $('export-png'), exportSvg: $('export-svg'), exportCsv: $('export-csv'),
  chartE: $('chart-e'), chartG: $('chart-g'), showCritical: $('show-critical'), criticalSummary: $('critical-summary'), toggles: $('method-toggles'), mu: $('mu'), beta: $('beta'),
};

const ETA_MIN_LOG = Number(el.eta.min);
const ETA_MAX_LOG = Number(el.eta.max);
const CONTOUR_LEVELS = 14;
const MAX_GRID = 800;
// Heatmap samples per CSS pixel: the image is smoothed when stretched and the contours are
// vectors, so 0.4 samples per pixel look the same at a sixth of the cost.
const GRID_DENSITY = 0.4;
const CHART_INTERVAL_MS = 150;

/** Everything the page shows follows from this object. */
const state = {
  preset: 'rosenbrock', params: [], eta: 0.001, start: [-1.2, 1], view: [-2, 2, -1, 3],
  enabled: new Set(['gd', 'newton']), playing: false, speed: 10, lang: 'en', scene: 'free',
  embed: false, hide: new Set(),
};

let wasm; // the core's exports (for its memory)
let explorer; // the core's handle
let methods = []; // method identifiers, in trajectory order
let frame; // current mapping between view and CSS pixels
let grid = null; // last sample: { nx, ny } or { n } in 1-D
let critical = new Float64Array(0); // critical points in view: [x, y, E, kind, global] each
const CRITICAL_SEEDS = 40; // seeds per side for the critical-point search
let sampledSize = ''; // the plot size the last sample was made for
// CSS sizes of the plot and the charts, kept by ResizeObservers so that drawing never measures
// (measuring after the readouts changed would force a layout every frame).
const sizes = new Map();
const sizeOf = (element) => sizes.get(element) ?? element.getBoundingClientRect();
let chartsDrawnAt = -Infinity; // when the charts were last drawn (performance.now)
let chartTimer = 0; // a pending chart redraw
let quickStart = true; // the first paint skips the charts, drawn when it refines
let readouts = []; // the latest readout of each method (plain objects; null when off), per render

// ---- notices -------------------------------------------------------------------------------

function showNotice(message) {
  el.noticeText.textContent = message;
  el.notice.hidden = false;
}

function hideNotice() {
  el.notice.hidden = true;
}

/** Runs a core call; on failure shows what went wrong and returns false (state unchanged). */
function attempt(fn) {
  try {
    fn();
    return true;
  } catch (err) {
    showNotice(`${t(state.lang, 'errorPrefix')} ${err?.message ?? err}`);
    return false;
  }
}

// ---- formatting ----------------------------------------------------------------------------

function fmt(v) {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(2).replace('-', '−');
  return String(+v.toPrecision(5)).replace('-', '−');
}

// ---- building controls ----------------------------------------------------------------------

function buildPresetPicker() {
  el.landscape.replaceChildren(
    ...Explorer.presetIds().map((id) => {
      const o = document.createElement('option');
      o.value = id;
      o.dataset.i18n = id === 'saddle' ? 'saddle_preset' : id;
      o.textContent = t(state.lang, o.dataset.i18n);
      return o;
    }),
  );
}

function buildParams() {
  const names = explorer.paramNames();
  const ranges = explorer.paramRanges();
  el.params.replaceChildren(
    ...names.map((name, i) => {
      const label = document.createElement('label');
      const span = document.createElement('span');
      span.dataset.i18n = name;
      span.textContent = t(state.lang, name);
      // Choices (data set, slice) as a list; numbers as number fields.
      const choice = name === 'set' || name === 'slice';
      const input = document.createElement(choice ? 'select' : 'input');
      if (choice) {
        for (let k = ranges[3 * i + 1]; k <= ranges[3 * i + 2]; k++) {
          const o = document.createElement('option');
          o.value = String(k);
          o.dataset.i18n = `${name}_${k}`;
          o.textContent = t(state.lang, o.dataset.i18n);
          input.append(o);
        }
      } else {
        input.type = 'number';
        input.step = name === 'seed' ? '1' : 'any';
        input.min = String(ranges[3 * i + 1]);
        input.max = String(ranges[3 * i + 2]);
      }
      input.value = String(state.params[i]);
      input.dataset.index = String(i);
      input.addEventListener('change', onParamChange);
      label.append(span, input);
      return label;
    }),
  );
}

/** One checkbox per method, with its swatch. */
function buildToggles() {
  el.toggles.replaceChildren(
    ...methods.map((id) => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = id;
      box.checked = state.enabled.has(id);
      box.addEventListener('change', onToggle);
      const swatch = document.createElement('canvas');
      swatch.className = 'swatch';
      swatch.setAttribute('aria-hidden', 'true');
      const name = document.createElement('span');
      name.dataset.i18n = id;
      name.textContent = t(state.lang, id);
      label.append(box, swatch, name);
      return label;
    }),
  );
}

function onToggle(ev) {
  pushNextAddress();
  if (ev.target.checked) state.enabled.add(ev.target.value);
  else state.enabled.delete(ev.target.value);
  applyEnabled();
  render();
}

function applyEnabled() {
  attempt(() => explorer.setEnabled(new Uint8Array(methods.map((id) => (state.enabled.has(id) ? 1 : 0)))));
}

function drawSwatches() {
  const bg = explorer.dim === 2 ? 'dark' : 'light';
  for (const c of document.querySelectorAll('canvas.swatch')) {
    const id = c.closest('[data-method]')?.dataset.method ?? c.parentElement.querySelector('input')?.value;
    if (METHOD_STYLE[id]) drawSwatch(c, METHOD_STYLE[id], bg);
  }
}

function buildReadout() {
  el.readout.replaceChildren(
    ...methods.map((id) => {
      const tr = document.createElement('tr');
      tr.dataset.method = id;
      const name = document.createElement('th');
      name.scope = 'row';
      const swatch = document.createElement('canvas');
      swatch.className = 'swatch';
      swatch.setAttribute('aria-hidden', 'true');
      const label = document.createElement('abbr');
      label.dataset.i18n = `${id}_short`;
      label.textContent = t(state.lang, label.dataset.i18n);
      label.title = t(state.lang, id);
      name.append(swatch, label);
      const cells = ['iteration', 'value', 'grad', 'step', 'gradients', 'hessians', 'solves', 'status'].map((k) => {
        const td = document.createElement('td');
        td.dataset.cell = k;
        if (k !== 'status') td.className = 'num';
        return td;
      });
      tr.append(name, ...cells);
      return tr;
    }),
  );
}

// ---- state changes -------------------------------------------------------------------------

/** Switches landscape (with its defaults). */
function selectPreset(id, quality = 1) {
  // Default parameters first; then the preset's own view, start and η, read from the core.
  explorer.setLandscape(id, new Float64Array(0));
  state.preset = id;
  state.params = Array.from(explorer.paramRanges().filter((_, i) => i % 3 === 0));
  state.view = Array.from(explorer.defaultView());
  state.start = Array.from(explorer.defaultStart());
  state.eta = explorer.defaultEta();
  explorer.setEta(state.eta);
  explorer.setStart(new Float64Array(state.start));
  el.plot.classList.toggle('one-d', explorer.dim === 1);
  el.landscape.value = id;
  drawSwatches();
  buildParams();
  syncFunction();
  syncData();
  syncEta();
  resample(quality);
}

// ---- typed functions -----------------------------------------------------------------------

/** Shows the function field for a typed landscape (with the core's current text), hides it
 *  otherwise. */
function syncFunction() {
  const typed = state.preset.startsWith('typed');
  el.functionBox.hidden = !typed || state.hide.has('landscape');
  if (!typed) return;
  el.functionLabel.textContent = explorer.dim === 1 ? 'E(x) =' : 'E(x, y) =';
  el.functionInput.value = explorer.function;
  showFunctionProblem(null);
}

/** The error under the field: the text with a caret under the offending part, and what is
 *  wrong in the page's language (all through textContent). */
function showFunctionProblem(problem) {
  el.functionInput.setAttribute('aria-invalid', String(Boolean(problem)));
  el.functionError.hidden = !problem;
  if (!problem) return;
  const text = el.functionInput.value;
  const chars = Array.from(text);
  const start = Math.min(problem.start, chars.length);
  const width = Math.max(1, Math.min(problem.end, chars.length + 1) - start);
  el.functionCaret.textContent = `${text}\n${' '.repeat(start)}${'^'.repeat(width)}`;
  const info = { name: problem.name, suggestion: problem.suggestion, expected: problem.expected, got: problem.got };
  const key = `fn_${problem.code}`;
  const message = t(state.lang, key, info);
  el.functionMessage.textContent = `${message === key ? problem.name || problem.code : message} ${t(state.lang, 'fn_kept')}`;
}

let functionTimer = 0;
/** Typing: the core compiles the text a moment after the last key; on success the landscape
 *  and the runs follow, otherwise the error shows and the last valid function stays drawn. */
function onFunctionInput() {
  clearTimeout(functionTimer);
  functionTimer = setTimeout(applyFunction, 180);
}

function applyFunction() {
  clearTimeout(functionTimer);
  const problem = explorer.setFunction(el.functionInput.value);
  if (problem) {
    showFunctionProblem(problem);
    problem.free();
    return;
  }
  showFunctionProblem(null);
  explorer.setStart(new Float64Array(state.start));
  resample();
  pushNextAddress();
  updateAddress();
}

function onParamChange(ev) {
  const input = ev.target;
  const i = Number(input.dataset.index);
  const value = input.tagName === 'SELECT' ? Number(input.value) : input.valueAsNumber;
  const params = state.params.slice();
  params[i] = value;
  const ok = Number.isFinite(value) && attempt(() => explorer.setLandscape(state.preset, new Float64Array(params)));
  input.setAttribute('aria-invalid', String(!ok));
  if (!ok) {
    if (!Number.isFinite(value)) showNotice(`${t(state.lang, 'badNumber')}: ${input.value}`);
    return;
  }
  hideNotice();
  state.params = params;
  explorer.setStart(new Float64Array(state.start));
  syncData();
  resample();
}

// ---- the laboratory (loaded on demand) ------------------------------------------------------

let lab = null; // basins, η sweep, cost of exponentials: www/lab.js, once first used
let labLoading = null;

/** Loads the lab module the first time one of its panels is used. */
function loadLab() {
  labLoading ??= import('./lab.js').then(({ createLab }) => {
    lab = createLab({
      el, state, t, fmt, sizeOf, hiDpiContext, attempt, Explorer, CRITICAL_SEEDS, render, METHOD_STYLE,
      explorer: () => explorer,
      wasmModule: () => wasmModule,
      methods: () => methods,
      compileWasm,
      addStrings,
      translate: () => translatePage(state.lang),
    });
    return lab;
  });
  return labLoading;
}

function refreshLab() {
  lab?.reset();
  render();
}

// ---- data of the neural landscapes ----------------------------------------------------------

const DATA_X = [-3, 3];
let dataPoints = new Float64Array(0); // [x0, t0, x1, t1, …] as the core holds them

/** Shows the data panel for the neural landscapes, with the core's data. */
function syncData() {
  const neural = state.preset === 'neuron' || state.preset === 'tinynet';
  el.dataBox.hidden = !neural || state.hide.has('landscape');
  dataPoints = neural ? explorer.points() : new Float64Array(0);
  if (neural) el.dataNote.textContent = t(state.lang, 'dataNote', dataPoints.length / 2);
}

/** The data panel: the points (filled for t = 1, hollow below) and the model's output at the
 *  weights where gradient descent (or the first method on) stands now. */
function drawData() {
  if (el.dataBox.hidden) return;
  const { width, height } = sizeOf(el.data);
  if (width < 10 || height < 10) return;
  const { ctx } = hiDpiContext(el.data, { width, height });
  const pad = 10;
  const px = (x) => pad + ((x - DATA_X[0]) / (DATA_X[1] - DATA_X[0])) * (width - 2 * pad);
  const py = (t) => height - pad - t * (height - 2 * pad);
  ctx.clearRect(0, 0, width, height);
  ctx.strokeStyle = '#d6d6de';
  ctx.lineWidth = 1;
  for (const tv of [0, 0.5, 1]) {
    ctx.beginPath();
    ctx.moveTo(px(DATA_X[0]), py(tv));
    ctx.lineTo(px(DATA_X[1]), py(tv));
    ctx.stroke();
  }
  const i = Math.max(0, methods.findIndex((_, k) => readouts[k]));
  const r = readouts[i];
  if (r && Number.isFinite(r.x) && Number.isFinite(r.y)) {
    const ys = explorer.modelOutput(new Float64Array([r.x, r.y]), 121);
    ctx.strokeStyle = METHOD_STYLE[methods[i]].light;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ys.forEach((y, k) => {
      const x = DATA_X[0] + ((DATA_X[1] - DATA_X[0]) * k) / (ys.length - 1);
      if (k === 0) ctx.moveTo(px(x), py(y));
      else ctx.lineTo(px(x), py(y));
    });
    ctx.stroke();
  }
  for (let k = 0; k < dataPoints.length; k += 2) {
    ctx.beginPath();
    ctx.arc(px(dataPoints[k]), py(dataPoints[k + 1]), 4.5, 0, 2 * Math.PI);
    ctx.fillStyle = dataPoints[k + 1] >= 0.5 ? '#1d1b20' : '#ffffff';
    ctx.fill();
    ctx.strokeStyle = '#1d1b20';
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
}

/** A click on the data panel removes the point under it, or adds one there. */
function onDataClick(ev) {
  const rect = el.data.getBoundingClientRect();
  const pad = 10;
  const x = DATA_X[0] + ((ev.clientX - rect.left - pad) / (rect.width - 2 * pad)) * (DATA_X[1] - DATA_X[0]);
  const tv = (rect.height - pad - (ev.clientY - rect.top)) / (rect.height - 2 * pad);
  const points = Array.from(dataPoints);
  let hit = -1;
  for (let k = 0; k < points.length; k += 2) {
    const dx = ((points[k] - x) / (DATA_X[1] - DATA_X[0])) * (rect.width - 2 * pad);
    const dy = (points[k + 1] - tv) * (rect.height - 2 * pad);
    if (Math.hypot(dx, dy) < 9) hit = k;
  }
  if (hit >= 0) points.splice(hit, 2);
  else if (points.length >= 128) {
    showNotice(t(state.lang, 'dataFull'));
    return;
  } else points.push(Math.round(Math.min(3, Math.max(-3, x)) * 100) / 100, Math.round(Math.min(1, Math.max(0, tv)) * 100) / 100);
  if (!attempt(() => explorer.setPoints(new Float64Array(points)))) return;
  explorer.setStart(new Float64Array(state.start));
  syncData();
  resample();
  pushNextAddress();
  updateAddress();
}

function setEta(eta) {
  if (!attempt(() => explorer.setEta(eta))) {
    syncEta();
    return;
  }
  hideNotice();
  state.eta = eta;
  syncEta();
  render();
}

function setStart(x) {
  if (!attempt(() => explorer.setStart(new Float64Array(x)))) return;
  state.start = x;
  render();
}

function syncEta() {
  el.eta.value = String(Math.log10(state.eta));
  el.etaValue.value = String(+state.eta.toPrecision(6));
}

// ---- share links ----------------------------------------------------------------------------

/** Steps taken so far: the most any method has taken (replaying them restores every run). */
function stepsTaken() {
  return readouts.reduce((most, r) => Math.max(most, r ? r.iteration : 0), 0);
}

/** The share link for the current state (encoded by the core), optionally for embedding. */
function currentLink(embed = state.embed) {
  const flags = [el.showCritical.checked && 'crit', el.showHessian.checked && 'hess', embed && 'embed'].filter(Boolean).join(',');
  const query = explorer.link(new Float64Array(state.view), stepsTaken(), state.scene, state.lang, flags, [...state.hide].join(','));
  // (Not location.origin: it is "null" for the single-file build opened from disk.)
  return `${location.href.split('#')[0]}#${query}`;
}

/** Embed mode and hidden panels, as the link asked. */
function applyPanels() {
  document.body.classList.toggle('embed', state.embed);
  for (const node of document.querySelectorAll('[data-panel]')) node.hidden = state.hide.has(node.dataset.panel);
  el.functionBox.hidden ||= !state.preset.startsWith('typed');
  el.dataBox.hidden ||= state.preset !== 'neuron' && state.preset !== 'tinynet';
  el.basins.hidden ||= !el.showBasins.checked;
}

/** The <iframe> snippet for the current state, shown as text in a read-only box. */
function showEmbedCode() {
  const attr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const src = attr(currentLink(true));
  const title = attr(t(state.lang, 'embedTitle'));
  el.embedCode.value = `<iframe src="${src}" title="${title}" width="100%" height="760" style="border:0" loading="lazy"></iframe>`;
  el.embedBox.hidden = false;
  el.embedCode.select();
}

/** Embedded: tell the host page our height whenever it changes, so it can size the iframe. */
function reportHeight() {
  if (window.parent === window) return;
  new ResizeObserver(() => {
    window.parent.postMessage({ type: 'descenso:height', height: Math.ceil(document.documentElement.scrollHeight) }, '*');
  }).observe(document.body);
}

/** Keeps the address bar's link current: a history entry per deliberate change (the next
 *  update after `pushNextAddress()`), a replaced entry otherwise (steps, play, dragging). */
function updateAddress() {
  clearTimeout(addressTimer);
  addressTimer = setTimeout(() => {
    const link = currentLink();
    if (link === location.href) return;
    if (pushNext) history.pushState(null, '', link);
    else history.replaceState(null, '', link);
    pushNext = false;
  }, 250);
}
let addressTimer = 0;
let pushNext = false;
const pushNextAddress = () => {
  pushNext = true;
};

async function copyLink() {
  const link = currentLink();
  history.replaceState(null, '', link);
  try {
    await navigator.clipboard.writeText(link);
    el.linkStatus.textContent = t(state.lang, 'linkCopied');
  } catch {
    // No clipboard (an insecure context, or permission refused): show the link to copy by hand.
    el.linkStatus.textContent = `${t(state.lang, 'linkShown')} ${link}`;
  }
}

// ---- export --------------------------------------------------------------------------------

/** Saves `blob` as the file `name` (a download the browser asks about or stores). */
function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  el.linkStatus.textContent = t(state.lang, 'exported', name);
}

/** The landscape as drawn (heatmap, contours, trajectories and marks), at device pixels. */
function exportPng() {
  const { width, height } = el.overlay;
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = 'high';
  for (const layer of [el.heat, el.contours, el.overlay]) {
    if (!layer.hidden && layer.width > 0 && layer.height > 0) ctx.drawImage(layer, 0, 0, width, height);
  }
  out.toBlob((blob) => blob && download(`descenso-${state.preset}.png`, blob), 'image/png');
}

/** Both charts as one SVG drawing, drawn by the core with plotters' SVG backend. */
function exportSvg() {
  const { width } = sizeOf(el.chartE);
  const w = Math.max(400, Math.round(width));
  attempt(() => {
    const svg = explorer.chartsSvg(el.chartE, w, Math.round(w * 1.2), t(state.lang, 'chartE'), t(state.lang, 'chartG'));
    download(`descenso-${state.preset}-charts.svg`, new Blob([svg], { type: 'image/svg+xml' }));
  });
}

/** Every trajectory as CSV, written by the core (numbers that parse back exactly). */
function exportCsv() {
  attempt(() => download(`descenso-${state.preset}.csv`, new Blob([explorer.trajectoriesCsv()], { type: 'text/csv' })));
}

/** Applies a share link from the address (`#…`): the core validates every field and applies
 *  what it can; what it ignored is listed in a notice. Returns whether there was a link. */
function applyAddressLink() {
  const query = location.hash.slice(1);
  if (!query) return false;
  const report = explorer.applyLink(query);
  state.preset = explorer.preset;
  state.params = Array.from(report.params);
  state.start = Array.from(explorer.start);
  state.eta = explorer.eta;
  el.mu.value = String(explorer.mu);
  el.beta.value = String(explorer.beta);
  state.view = Array.from(report.view);
  state.enabled = new Set(methods.filter((_, i) => explorer.pathLen(i) > 0));
  for (const box of el.toggles.querySelectorAll('input')) box.checked = state.enabled.has(box.value);
  if (LANGUAGES.includes(report.lang) && report.lang !== state.lang) languageReady = setLanguage(report.lang);
  state.scene = SCENES.some((sc) => sc.id === report.scene) ? report.scene : 'free';
  el.showCritical.checked = report.critical;
  el.showHessian.checked = report.hessian;
  state.embed = report.embed;
  state.hide = new Set(report.hide);
  applyPanels();
  el.landscape.value = state.preset;
  el.plot.classList.toggle('one-d', explorer.dim === 1);
  buildParams();
  syncFunction();
  syncData();
  syncEta();
  drawSwatches();
  if (report.steps > 0) explorer.step(report.steps);
  const ignored = Array.from(report.ignored);
  if (ignored.length) showNotice(`${t(state.lang, 'linkIgnored')} ${ignored.join('; ')}`);
  report.free();
  buildScenePicker();
  describeScene();
  return true;
}

// ---- scenes -------------------------------------------------------------------------------

/** A scene's title or text in the page's language (English in scenes.js, others in the
 *  language's strings as scene_<id>_title / scene_<id>_text). */
function sceneString(sc, part) {
  const key = `scene_${sc.id}_${part}`;
  const s = t(state.lang, key);
  return s === key ? sc[part].en : s;
}

function buildScenePicker() {
  el.scene.replaceChildren(
    ...SCENES.map((sc) => {
      const o = document.createElement('option');
      o.value = sc.id;
      o.textContent = sceneString(sc, 'title');
      return o;
    }),
  );
  el.scene.value = state.scene;
}

/** Applies a scene: its landscape, start, η, methods and options, then its text and controls. */
function applyScene(id) {
  const sc = SCENES.find((s) => s.id === id) ?? SCENES[0];
  state.scene = sc.id;
  el.scene.value = sc.id;
  setPlaying(false);
  selectPreset(sc.preset);
  if (sc.params) {
    state.params = sc.params.slice();
    explorer.setLandscape(sc.preset, new Float64Array(state.params));
    buildParams();
    syncData();
    resample();
  }
  if (sc.eta) {
    state.eta = sc.eta;
    explorer.setEta(sc.eta);
    syncEta();
  }
  state.enabled = new Set(sc.methods);
  for (const box of el.toggles.querySelectorAll('input')) box.checked = state.enabled.has(box.value);
  applyEnabled();
  el.showHessian.checked = Boolean(sc.hessian);
  if (sc.start) setStart(sc.start.slice());
  describeScene();
  render();
}

function describeScene() {
  const sc = SCENES.find((s) => s.id === state.scene) ?? SCENES[0];
  const L = state.lang;
  el.sceneTitle.textContent = sceneString(sc, 'title');
  el.sceneText.textContent = sceneString(sc, 'text');
  const controls = [];
  if (sc.regimes) {
    for (const [c, ratio] of REGIME_CASES) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = t(L, 'regimeButton', c);
      b.dataset.regime = c;
      b.title = t(L, 'etaRatio', ratio);
      b.addEventListener('click', () => {
        // η in units of η_opt = 1/E'' at the start point, from the core.
        const a = explorer.analysis(new Float64Array(state.start));
        const etaOpt = a.eta_opt;
        a.free();
        if (Number.isFinite(etaOpt)) setEta(ratio * etaOpt);
      });
      controls.push(b);
    }
  }
  if (sc.conditioning) {
    const [l1, l2, theta] = state.params;
    controls.push(
      slider('kappa', Math.log10(l2 / l1), 0, 3, (v) => [1, 10 ** v, state.params[2]], (v) => `${fmt(10 ** v)}`),
      slider('rotation', theta, 0, 180, (v) => [state.params[0], state.params[1], v], (v) => `${Math.round(v)}°`),
    );
  }
  el.sceneControls.replaceChildren(...controls);
}

/** A scene slider that maps its value to the landscape's parameters. */
function slider(key, value, min, max, toParams, show) {
  const label = document.createElement('label');
  const name = document.createElement('span');
  name.textContent = t(state.lang, key);
  const input = document.createElement('input');
  input.type = 'range';
  input.min = String(min);
  input.max = String(max);
  input.step = 'any';
  input.value = String(value);
  input.id = `scene-${key}`;
  const out = document.createElement('output');
  out.textContent = show(value);
  input.addEventListener('input', () => {
    const params = toParams(Number(input.value));
    if (!attempt(() => explorer.setLandscape(state.preset, new Float64Array(params)))) return;
    state.params = params;
    out.textContent = show(Number(input.value));
    explorer.setStart(new Float64Array(state.start));
    buildParams();
    resample();
  });
  label.append(name, input, out);
  return label;
}

// ---- sampling and drawing -------------------------------------------------------------------

/** Samples the landscape for the current view and plot size and draws the heatmap, at one
 *  sample per CSS pixel times `quality` (the first paint uses a coarser grid, then refines). */
function resample(quality = 1) {
  performance.mark('descenso:resample-start');
  grid = null;
  const { width, height } = sizeOf(el.plot);
  sampledSize = `${width}x${height}`;
  if (width < 2 || height < 2) return;
  if (explorer.dim === 2) {
    const nx = Math.max(2, Math.min(MAX_GRID, Math.round(width * quality * GRID_DENSITY)));
    const ny = Math.max(2, Math.min(MAX_GRID, Math.round(height * quality * GRID_DENSITY)));
    if (!attempt(() => explorer.sample(new Float64Array(state.view), nx, ny, CONTOUR_LEVELS))) return;
    performance.measure('descenso:sample', 'descenso:resample-start');
    grid = { nx, ny };
    const memory = wasm.memory.buffer;
    drawHeat(el.heat, new Uint8ClampedArray(memory, explorer.pixelsPtr(), 4 * nx * ny), nx, ny);
    const { ctx, width: w, height: h } = hiDpiContext(el.contours, sizeOf(el.plot));
    drawContours(ctx, new Float32Array(memory, explorer.contoursPtr(), explorer.contoursLen()), nx, ny, w, h);
  } else {
    const n = Math.max(2, Math.min(2048, Math.round(width)));
    if (!attempt(() => explorer.sample(new Float64Array(state.view), n, 2, 0))) return;
    grid = { n };
  }
  performance.measure('descenso:resample', 'descenso:resample-start');
  // The quick first paint leaves the critical points to the refinement one frame later.
  if (!quickStart) findCritical();
  performance.measure('descenso:critical', 'descenso:resample-start');
  render();
}

/** Asks the core for the critical points in view and summarizes them under the map. */
function findCritical() {
  if (!attempt(() => (critical = explorer.criticalPoints(new Float64Array(state.view), CRITICAL_SEEDS)))) critical = new Float64Array(0);
  summarizeCritical();
}

function summarizeCritical() {
  const counts = [0, 0, 0, 0];
  for (let k = 3; k < critical.length; k += 5) counts[critical[k]]++;
  const n = critical.length / 5;
  el.criticalSummary.textContent = t(state.lang, 'criticalSummary', n, ...counts);
  el.criticalSummary.hidden = !el.showCritical.checked;
}

const MODEL_GRID = 96; // samples per side of the Taylor model's window

/** The Hessian overlay at the analysis point (2-D): samples the Taylor model there. Calls into
 *  the core that may allocate: run it before taking views of wasm memory. */
function prepareHessian(at, a) {
  const [x0, x1, y0, y1] = state.view;
  const half = 0.22 * Math.max(x1 - x0, y1 - y0);
  const window = [at.x[0] - half, at.x[0] + half, at.x[1] - half, at.x[1] + half];
  const info = {
    x: at.x,
    window,
    eigenvalues: Array.from(a.eigenvalues),
    eigenvectors: Array.from(a.eigenvectors),
    target: Array.from(a.newton_target),
    reach: 0.12 * (x1 - x0),
  };
  if (!attempt(() => explorer.sampleModel(new Float64Array(at.x), new Float64Array(window), MODEL_GRID, 9))) return null;
  return info;
}

function curveFrame(width, height) {
  const [lo, hi] = explorer.curveRange();
  const ok = Number.isFinite(lo) && Number.isFinite(hi);
  const span = ok && hi > lo ? hi - lo : 1;
  const y0 = ok ? lo - 0.08 * span : -1;
  const y1 = ok ? hi + 0.08 * span : 1;
  return new Frame([state.view[0], state.view[1], y0, y1], width, height);
}

/** Redraws the overlay (contours or curve, trajectories, start) and the readouts. */
function render() {
  if (!grid) return;
  const { ctx, width, height } = hiDpiContext(el.overlay, sizeOf(el.plot));
  const dim = explorer.dim;
  const bg = dim === 2 ? 'dark' : 'light';
  // Every call that may allocate in wasm memory comes before the views below: readouts, the
  // analysis (once per frame, shared by the text and the Hessian overlay), the model sample.
  readouts = readAll();
  drawData(); // (the model's output is a core call that may allocate: before the views)
  const at = analysisPoint();
  let a = null;
  attempt(() => (a = explorer.analysis(new Float64Array(at.x))));
  const hessian = a && dim === 2 && el.showHessian.checked ? prepareHessian(at, a) : null;
  const startValue = dim === 2 ? 0 : explorer.probe(new Float64Array(state.start))[0];
  const memory = wasm.memory.buffer;
  if (dim === 2) {
    frame = new Frame(state.view, width, height);
  } else {
    frame = curveFrame(width, height);
    drawCurve(ctx, frame, state.view[0], state.view[1], new Float64Array(memory, explorer.curvePtr(), grid.n));
  }
  el.plot.dataset.view = frame.view.join(',');
  if (hessian) drawHessian(ctx, frame, hessian, new Float32Array(memory, explorer.modelContoursPtr(), explorer.modelContoursLen()), MODEL_GRID);
  if (el.showCritical.checked) {
    for (let k = 0; k + 4 < critical.length; k += 5) {
      const [px, py] = dim === 2 ? frame.toPx(critical[k], critical[k + 1]) : frame.toPx(critical[k], critical[k + 2]);
      drawCritical(ctx, px, py, critical[k + 3], critical[k + 4] === 1, bg);
    }
  }
  methods.forEach((id, i) => {
    const n = explorer.pathLen(i);
    if (n === 0) return;
    const pts = new Float64Array(memory, explorer.pathPtr(i), n * dim);
    const ys = dim === 2 ? null : new Float64Array(memory, explorer.valuesPtr(i), n);
    // To CSS pixels, dropping iterates within half a pixel of the last one kept (long runs crawl
    // in tiny steps); the last iterate is always kept. The affine map is inlined: this loop
    // runs over every iterate of every method each frame.
    const [ox, oy] = frame.toPx(0, 0);
    const [ux, uy] = frame.toPx(1, 1);
    const kx = ux - ox;
    const ky = uy - oy;
    const px = new Float64Array(2 * n);
    let m = 0;
    let lastA = NaN;
    let lastB = NaN;
    for (let k = 0; k < n; k++) {
      const a = ox + kx * (dim === 2 ? pts[2 * k] : pts[k]);
      const b = oy + ky * (dim === 2 ? pts[2 * k + 1] : ys[k]);
      if (k > 0 && k < n - 1 && Math.abs(a - lastA) + Math.abs(b - lastB) < 0.5) continue;
      px[2 * m] = lastA = a;
      px[2 * m + 1] = lastB = b;
      m++;
    }
    drawPath(ctx, px.subarray(0, 2 * m), METHOD_STYLE[id], bg, n <= 400);
  });
  if (dim === 2) lab?.drawOverlay(ctx, frame);
  const [sx, sy] = frame.toPx(state.start[0], dim === 2 ? state.start[1] : startValue);
  drawStart(ctx, sx, sy, bg);
  updateReadout();
  lab?.maybeBasins();
  lab?.maybeSweep();
  if (a) {
    updateAnalysis(at, a);
    a.free();
  }
  if (!quickStart) updateAddress();
  // Charts cost a few ms (plotters draws axes and labels afresh): while playing, a few per second.
  if (!quickStart) scheduleCharts();
}

/** Draws the charts now if they have not been drawn for a while, else once that while is over:
 *  at most a few times a second, and always up to date shortly after the last change. */
function scheduleCharts() {
  const wait = chartsDrawnAt + CHART_INTERVAL_MS - performance.now();
  if (wait <= 0) drawCharts();
  else if (!chartTimer) chartTimer = setTimeout(drawCharts, wait);
}

/** The convergence charts (drawn by the core with plotters), sharp at the device-pixel ratio. */
function drawCharts() {
  clearTimeout(chartTimer);
  chartTimer = 0;
  chartsDrawnAt = performance.now();
  const dpr = window.devicePixelRatio || 1;
  for (const [canvas, quantity, caption] of [[el.chartE, 'value', 'E'], [el.chartG, 'grad', '‖∇E‖']]) {
    const { width, height } = sizeOf(canvas);
    if (width < 10 || height < 10) continue;
    const w = Math.round(width * dpr);
    const h = Math.round(height * dpr);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    attempt(() => explorer.drawChart(canvas, quantity, caption, dpr));
  }
}

/** Tells the core how charts show each method (legend in the page's language). */
function setChartStyle() {
  explorer.setChartStyle(
    methods.map((id) => t(state.lang, `${id}_short`)),
    new Uint32Array(methods.map((id) => parseInt(METHOD_STYLE[id].light.slice(1), 16))),
    new Uint8Array(methods.map((id) => (METHOD_STYLE[id].dash.length ? 1 : 0))),
  );
}

/** Each method's readout from the core, copied into plain objects (null for a method that is off). */
function readAll() {
  return methods.map((_, i) => {
    const r = explorer.readout(i);
    if (!r) return null;
    const keys = ['iteration', 'value', 'grad_norm', 'x', 'y', 'step', 'values', 'gradients', 'hessians', 'solves', 'status', 'kind', 'curvature'];
    const copy = Object.fromEntries(keys.map((k) => [k, r[k]]));
    r.free();
    return copy;
  });
}

function updateReadout() {
  let running = false;
  methods.forEach((id, i) => {
    const r = readouts[i];
    const tr = el.readout.children[i];
    tr.hidden = !r;
    if (!r) return;
    tr.dataset.iteration = String(r.iteration);
    tr.dataset.status = r.status;
    tr.dataset.x = String(r.x);
    tr.dataset.y = String(r.y);
    const cells = tr.querySelectorAll('td');
    cells[0].textContent = String(r.iteration);
    cells[1].textContent = fmt(r.value);
    cells[2].textContent = fmt(r.grad_norm);
    cells[3].textContent = Number.isNaN(r.step) ? '—' : fmt(r.step);
    cells[4].textContent = String(r.gradients + r.values);
    cells[5].textContent = String(r.hessians);
    cells[6].textContent = String(r.solves);
    const kind = r.kind ? ` ${t(state.lang, 'at')} ${t(state.lang, r.kind)}` : '';
    // Newton follows H: where H is not positive definite it heads for a saddle or a maximum.
    const heading = id === 'newton' && r.status === 'running' && (r.curvature === 'saddle' || r.curvature === 'maximum');
    const warn = heading ? ` — ${t(state.lang, r.curvature === 'saddle' ? 'headingSaddle' : 'headingMaximum')}` : '';
    cells[7].textContent = t(state.lang, r.status) + kind + warn;
    cells[7].className = `status-${r.status}${r.kind ? ` kind-${r.kind}` : ''}${heading ? ' heading' : ''}`;
    tr.dataset.curvature = r.curvature;
    tr.querySelector('abbr').title = t(state.lang, id);
    running ||= r.status === 'running';
  });
  if (!running && state.playing) setPlaying(false);
}

/** The point the analysis describes: the current iterate of the first method that is on (or
 *  the start point), with a label. */
function analysisPoint() {
  const dim = explorer.dim;
  for (const [i, id] of methods.entries()) {
    const r = readouts[i];
    if (!r) continue;
    const x = dim === 2 ? [r.x, r.y] : [r.x];
    if (x.every(Number.isFinite)) return { x, label: t(state.lang, 'atIterate', t(state.lang, `${id}_short`), r.iteration) };
  }
  return { x: state.start, label: t(state.lang, 'atStart') };
}

/** The analysis text and the η slider's marks, from the core's analysis `a` at `at`. */
function updateAnalysis(at, a) {
  const L = state.lang;
  const marks = [];
  const parts = [];
  const ev = Array.from(a.eigenvalues);
  parts.push(`${at.label}: ${t(L, 'eigen')} λ = ${ev.map(fmt).join(', ')} (${t(L, a.kind)}).`);
  if (Number.isFinite(a.stability_bound)) {
    parts.push(`${t(L, 'bound')} = ${fmt(a.stability_bound)}.`);
    marks.push([explorer.dim === 1 ? '2η_opt' : '2/λ_max', a.stability_bound]);
  } else {
    parts.push(`${t(L, 'noBound')}.`);
  }
  if (Number.isFinite(a.eta_opt)) {
    parts.push(`${t(L, 'etaOpt')} = ${fmt(a.eta_opt)}; ${t(L, 'etaRatio', fmt(a.eta_ratio))}: ${t(L, `regime_${a.regime}`)}; ${t(L, 'factor')} = ${fmt(a.error_factor)}.`);
    marks.push(['η_opt', a.eta_opt]);
  }
  el.analysis.textContent = parts.join(' ');
  el.analysis.dataset.regime = a.regime;
  el.etaNote.textContent = Number.isFinite(a.stability_bound) ? `${t(L, 'bound')} = ${fmt(a.stability_bound)}` : '';
  const marksKey = marks.map(([name, v]) => `${name}=${v.toPrecision(4)}`).join(' ');
  if (el.etaMarks.dataset.key === marksKey) return;
  el.etaMarks.dataset.key = marksKey;
  el.etaMarks.replaceChildren(
    ...marks
      .filter(([, v]) => Math.log10(v) >= ETA_MIN_LOG && Math.log10(v) <= ETA_MAX_LOG)
      .map(([name, v]) => {
        const s = document.createElement('span');
        s.textContent = name;
        s.style.left = `${((Math.log10(v) - ETA_MIN_LOG) / (ETA_MAX_LOG - ETA_MIN_LOG)) * 100}%`;
        return s;
      }),
  );
}

// ---- playing ------------------------------------------------------------------------------

let lastTime = 0;
let owed = 0;

function setPlaying(on) {
  state.playing = on;
  el.play.textContent = t(state.lang, on ? 'pause' : 'play');
  el.play.dataset.i18n = on ? 'pause' : 'play';
  el.play.setAttribute('aria-pressed', String(on));
  if (on) {
    lastTime = performance.now();
    owed = 1;
    requestAnimationFrame(tick);
  }
}

function tick(now) {
  if (!state.playing) return;
  owed += ((now - lastTime) / 1000) * state.speed;
  lastTime = now;
  const steps = Math.floor(owed);
  if (steps > 0) {
    owed -= steps;
    explorer.step(Math.min(steps, 10000));
    render();
  }
  if (state.playing) requestAnimationFrame(tick);
}

// ---- events -------------------------------------------------------------------------------

function pointerToLandscape(ev) {
  const r = el.overlay.getBoundingClientRect();
  const [x, y] = frame.fromPx(ev.clientX - r.left, ev.clientY - r.top);
  return explorer.dim === 2 ? [x, y] : [x];
}

function wire() {
  el.landscape.addEventListener('change', () => {
    pushNextAddress();
    hideNotice();
    attempt(() => selectPreset(el.landscape.value));
  });
  el.eta.addEventListener('input', () => setEta(10 ** Number(el.eta.value)));
  el.eta.addEventListener('change', pushNextAddress);
  el.etaValue.addEventListener('change', () => {
    pushNextAddress();
    const v = el.etaValue.valueAsNumber;
    if (Number.isFinite(v)) setEta(v);
    else {
      showNotice(`${t(state.lang, 'badNumber')}: ${el.etaValue.value}`);
      syncEta();
    }
  });
  el.step.addEventListener('click', () => {
    explorer.step(1);
    render();
  });
  el.play.addEventListener('click', () => setPlaying(!state.playing));
  el.reset.addEventListener('click', () => {
    setPlaying(false);
    attempt(() => explorer.restart());
    render();
  });
  el.speed.addEventListener('change', () => {
    state.speed = Number(el.speed.value);
  });
  el.noticeClose.addEventListener('click', hideNotice);
  el.copyLink.addEventListener('click', copyLink);
  el.embed.addEventListener('click', showEmbedCode);
  el.functionInput.addEventListener('input', onFunctionInput);
  el.data.addEventListener('click', onDataClick);
  el.costRun.addEventListener('click', () => loadLab().then((l) => l.measureCost()));
  el.startsRun.addEventListener('click', () => loadLab().then((l) => l.runStarts()));
  el.starts.addEventListener('toggle', () => render());
  el.escape.addEventListener('toggle', () => el.escape.open && loadLab().then((l) => l.runEscape()));
  el.newtonCost.addEventListener('toggle', () => el.newtonCost.open && loadLab().then((l) => l.openNewtonCost()));
  el.sweep.addEventListener('toggle', () => loadLab().then(refreshLab));
  el.showBasins.addEventListener('change', () =>
    loadLab().then(() => {
      // (Shown once the lab and its strings are in.)
      el.basins.hidden = !el.showBasins.checked || state.hide.has('critical');
      refreshLab();
    }),
  );
  el.functionInput.addEventListener('change', applyFunction);
  el.exportPng.addEventListener('click', exportPng);
  el.exportSvg.addEventListener('click', exportSvg);
  el.exportCsv.addEventListener('click', exportCsv);
  // Back and forward through the history entries, and a link pasted into the address bar of the
  // open page (replaceState and pushState fire neither).
  const reapply = () => {
    hideNotice();
    setPlaying(false);
    if (applyAddressLink()) resample();
  };
  window.addEventListener('popstate', reapply);
  window.addEventListener('hashchange', reapply);
  el.showHessian.addEventListener('change', () => render());
  el.scene.addEventListener('change', () => {
    pushNextAddress();
    hideNotice();
    attempt(() => applyScene(el.scene.value));
  });
  el.showCritical.addEventListener('change', () => {
    summarizeCritical();
    render();
  });
  for (const [input, setter] of [[el.mu, 'setMu'], [el.beta, 'setBeta']]) {
    input.addEventListener('change', () => {
      const v = input.valueAsNumber;
      const ok = Number.isFinite(v) && attempt(() => explorer[setter](v));
      input.setAttribute('aria-invalid', String(!ok));
      if (!ok) {
        if (!Number.isFinite(v)) showNotice(`${t(state.lang, 'badNumber')}: ${input.value}`);
        return;
      }
      hideNotice();
      render();
    });
  }
  el.lang.addEventListener('change', () => {
    languageReady = setLanguage(el.lang.value);
  });

  // Keyboard: space plays/pauses, S or → steps (. too), R resets, anywhere but in a form field;
  // arrow keys on the focused map move the start point (Shift for larger moves).
  document.addEventListener('keydown', (ev) => {
    const tag = ev.target.tagName;
    const typing = tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'BUTTON';
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.target === el.overlay && ev.key.startsWith('Arrow')) {
      const [x0, x1, y0, y1] = frame.view;
      const k = ev.shiftKey ? 0.1 : 0.02;
      const dx = { ArrowLeft: -1, ArrowRight: 1 }[ev.key] ?? 0;
      const dy = { ArrowDown: -1, ArrowUp: 1 }[ev.key] ?? 0;
      const next = state.start.slice();
      next[0] += dx * k * (x1 - x0);
      if (next.length === 2) next[1] += dy * k * (y1 - y0);
      setStart(next);
      ev.preventDefault();
      return;
    }
    if (ev.key === ' ') {
      setPlaying(!state.playing);
      ev.preventDefault();
    } else if (ev.key === 's' || ev.key === 'S' || ev.key === '.') {
      explorer.step(1);
      render();
    } else if (ev.key === 'r' || ev.key === 'R') {
      el.reset.click();
    }
  });

  let dragging = false;
  el.overlay.addEventListener('pointerdown', (ev) => {
    if (!frame) return;
    dragging = true;
    el.overlay.setPointerCapture(ev.pointerId);
    setStart(pointerToLandscape(ev));
  });
  el.overlay.addEventListener('pointermove', (ev) => {
    if (!frame) return;
    const p = pointerToLandscape(ev);
    if (dragging) setStart(p);
    const probe = explorer.probe(new Float64Array(p.length === 2 ? p : [p[0]]));
    const where = p.length === 2 ? `x = ${fmt(p[0])}, y = ${fmt(p[1])}` : `x = ${fmt(p[0])}`;
    el.hover.textContent = `${where} · E = ${fmt(probe[0])} · ‖∇E‖ = ${fmt(probe[1])}`;
  });
  const stop = () => {
    if (dragging) pushNextAddress();
    dragging = false;
    updateAddress();
  };
  el.overlay.addEventListener('pointerup', stop);
  el.overlay.addEventListener('pointercancel', stop);
  el.overlay.addEventListener('pointerleave', () => {
    el.hover.textContent = '\u00a0';
  });

  const observer = new ResizeObserver((entries) => {
    for (const e of entries) sizes.set(e.target, { width: e.contentRect.width, height: e.contentRect.height });
    const { width, height } = sizeOf(el.plot);
    if (`${width}x${height}` !== sampledSize) resample();
    else scheduleCharts();
    if (entries.some((e) => e.target === el.data)) render();
    if (lab && entries.some((e) => e.target === el.sweepChart)) refreshLab();
  });
  for (const target of [el.plot, el.chartE, el.chartG, el.data, el.sweepChart]) observer.observe(target);
}

// ---- start --------------------------------------------------------------------------------

let languageReady = Promise.resolve(); // the last language switch, done when its strings are in

/** Switches the page to `lang`, loading its strings first when needed (Spanish loads on
 *  demand), then redraws everything that has text. */
async function setLanguage(lang) {
  state.lang = lang;
  el.lang.value = lang;
  try {
    await loadLanguage(lang);
  } catch (err) {
    showNotice(`${t('en', 'loadFailed')} ${err?.message ?? err}`);
  }
  if (state.lang !== lang || !explorer) return; // a newer switch, or not started yet
  translatePage(lang);
  el.play.textContent = t(lang, state.playing ? 'pause' : 'play');
  setChartStyle();
  summarizeCritical();
  buildParams();
  buildScenePicker();
  describeScene();
  syncData();
  lab?.reset();
  render();
}

/* global DESCENSO_WASM_BASE64, DESCENSO_WASM_URL */
let wasmModule = null; // the compiled core

/** Compiles a wasm module: from `base64` (the single-file build carries its wasm inline) if it
 *  is a string, else streamed from the URL `url()` gives (a function: the single file has no
 *  module URL to resolve against). */
function compileWasm(base64, url) {
  if (typeof base64 !== 'string') return WebAssembly.compileStreaming(fetch(url()));
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return WebAssembly.compile(bytes);
}

/** Compiles the page's core: inline in the single file, else the wasm file (beside the bundle in
 *  dist/, in pkg/ unbundled). */
function compileCore() {
  const inline = typeof DESCENSO_WASM_BASE64 === 'string' ? DESCENSO_WASM_BASE64 : null;
  const file = typeof DESCENSO_WASM_URL === 'string' ? DESCENSO_WASM_URL : './pkg/descenso_bg.wasm';
  return compileWasm(inline, () => new URL(file, import.meta.url));
}

async function main() {
  state.lang = preferredLanguage();
  el.lang.value = state.lang;
  await loadLanguage(state.lang).catch(() => (state.lang = 'en'));
  translatePage(state.lang);
  try {
    wasmModule = await compileCore();
    wasm = await init({ module_or_path: wasmModule });
    performance.mark('descenso:wasm-ready');
  } catch (err) {
    showNotice(`${t(state.lang, 'loadFailed')} ${err?.message ?? err}`);
    return;
  }
  explorer = new Explorer(state.preset);
  methods = Explorer.methodIds();
  buildPresetPicker();
  buildReadout();
  buildToggles();
  applyEnabled();
  setChartStyle();
  buildScenePicker();
  describeScene();
  selectPreset(state.preset, 0.5);
  if (applyAddressLink()) resample(0.5);
  reportHeight();
  performance.mark('descenso:first-draw');
  // For the browser benchmark (bench/page.mjs): the size of the core's memory.
  globalThis.descensoBench = {
    wasmBytes: () => wasm.memory.buffer.byteLength,
    // The basin kernel (bench/basins.mjs), timed on one of the lab's workers.
    basinKernel: (options) => loadLab().then((l) => l.kernel(options)),
  };
  wire();
  // Refine the quick first paint at full resolution once it is on screen.
  requestAnimationFrame(() =>
    setTimeout(() => {
      quickStart = false;
      resample();
      // Ready once a language the link asked for is in too.
      languageReady.then(() => (document.body.dataset.ready = 'true'));
    }, 0),
  );
}

main();
