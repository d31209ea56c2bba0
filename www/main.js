// Descenso's page: starts the core, wires the panels, switches language, applies links. The
// session (the whole configuration and the runs) lives in the core; all mathematics happens
// there.
import init, { Explorer } from './pkg/descenso.js';
import { buildPresetPicker, buildToggles, setPlaying, syncControls, wireControls } from './controls.js';
import { LANGUAGES, loadLanguage, preferredLanguage, t, translatePage } from './i18n.js';
import { syncData } from './data.js';
import { wireFunction } from './function.js';
import { attempt, compileWasm, el, hideNotice, lang, page, showIgnored, showNotice, sizeOf, sizes, tr } from './page.js';
import { render, resample, sampledSize, summarizeCritical } from './plot.js';
import { buildReadout, scheduleCharts } from './readout.js';
import { buildOwnForm } from './own.js';
import { applyScene, buildScenePicker, describeScene, sceneTextsLoaded } from './scene.js';
import { SCENES } from './scenes.js';
import { applyPanels, copyLink, pushNextAddress, reportHeight, showEmbedCode, syncLabPanels } from './share.js';

// ---- the laboratory (loaded on demand) ------------------------------------------------------

let labLoading = null;

/** Loads the lab (www/lab/) the first time one of its panels is used. */
function loadLab() {
  // (A load that failed is tried again next time.)
  labLoading ??= import('./lab/index.js').then(
    (lab) => (page.lab = lab),
    (err) => {
      labLoading = null;
      throw err;
    },
  );
  return labLoading;
}

/** Moves the page's session into the lab's build of the core (which compiles typed functions
 *  and trains networks: the page's own wasm leaves both out) if `query` asks for a typed
 *  landscape or the network panel; false (and a notice) if the lab could not be loaded. */
async function forTyped(query) {
  // (A link that names a scene alone is that scene's link: see applyAddressLink.)
  const scene = SCENES.find((sc) => sc.id === new URLSearchParams(query).get('scene'))?.link ?? '';
  if (page.full || !/(?:^|&)(?:l=typed|net=|open=[^&]*network)/.test(`${scene}&${query}`)) return true;
  try {
    await (await loadLab()).adopt();
    return true;
  } catch (err) {
    showNotice(`${tr('errorPrefix')} ${tr('err_typed-in-lab')}`);
    return false;
  }
}
page.forTyped = forTyped;

function refreshLab() {
  page.lab?.reset();
  render();
}

/** Shows or hides the basin maps as their checkbox says (once the lab and its strings are in). */
function showBasins() {
  if (!el.showBasins.checked && !page.lab) return Promise.resolve();
  return loadLab().then(() => {
    el.basins.hidden = !el.showBasins.checked || page.explorer.hidden.includes('critical');
    refreshLab();
  });
}

// ---- links and language ---------------------------------------------------------------------

let languageReady = Promise.resolve(); // the last language switch, done when its strings are in

/** Applies a share link from the address (`#…`): the core validates every field and applies
 *  what it can (and takes the steps it asks for); what it ignored is listed in a notice. Returns
 *  whether there was a link. */
function applyAddressLink() {
  const query = location.hash.slice(1);
  if (!query) return false;
  const before = lang();
  // A link that names a scene and no landscape (`#scene=directions`, written by hand) is that
  // scene: its configuration, with the link's other fields over it.
  const asked = new URLSearchParams(query);
  const scene = SCENES.find((sc) => sc.id === asked.get('scene'));
  const full = new URLSearchParams(scene && !asked.has('l') ? scene.link : '');
  for (const [key, value] of asked) full.set(key, value);
  const ignored = page.explorer.applyLink(full.toString());
  // (The core takes any well-formed name; which scenes and languages exist is the page's.)
  if (!SCENES.some((sc) => sc.id === page.explorer.scene)) {
    if (asked.has('scene')) ignored.push('scene: not a scene of the page');
    attempt(() => page.explorer.setScene('free'));
  }
  const language = page.explorer.lang;
  if (!LANGUAGES.includes(language)) {
    if (asked.has('lang')) ignored.push('lang: not a language of the page (en, es)');
    attempt(() => page.explorer.setLang(before));
  } else if (language !== before) languageReady = setLanguage(language);
  applyPanels();
  syncLabPanels();
  showBasins();
  syncControls();
  // (In the language the link asked for, once its strings are in.)
  if (ignored.length) languageReady.then(() => showIgnored(ignored));
  buildScenePicker();
  describeScene();
  return true;
}

/** Switches the page to `next`, loading its strings first when needed (Spanish loads on
 *  demand), then redraws everything that has text. */
async function setLanguage(next) {
  page.lang = next;
  if (page.explorer) attempt(() => page.explorer.setLang(next));
  el.lang.value = next;
  try {
    await loadLanguage(next);
  } catch (err) {
    showNotice(`${t('en', 'loadFailed')} ${err?.message ?? err}`);
  }
  if (lang() !== next || !page.explorer) return; // a newer switch, or not started yet
  translatePage(next);
  for (const button of [el.play, el.playNear]) button.textContent = tr(page.playing ? 'pause' : 'play');
  summarizeCritical();
  syncControls(); // (the fields write numbers in the language's way)
  buildScenePicker();
  describeScene();
  syncData();
  page.lab?.reset();
  render();
}

// ---- one screen -------------------------------------------------------------------------------

const WIDE = matchMedia('(min-width: 75rem)'); // the stylesheet's two-column stage

/** On a wide screen the map (and the charts beside it) takes the height that the header, the
 *  scene's text, the tools under the map and the readout table (its first four rows) leave on the
 *  screen, so that all of them are seen together: never under 16rem, never over 80 % of it. */
function fitStage() {
  // (Not embedded: a host sizes the frame to the page's height, and the map would grow with it.)
  if (!WIDE.matches || window.parent !== window) return;
  // (With more than four methods on, the table's further rows may go below the fold.)
  const rows = [...el.readout.children].filter((r) => r.offsetHeight > 0);
  const last = rows[Math.min(3, rows.length - 1)] ?? [...document.querySelectorAll('.stage > .map-frame, .stage > .under-plot')].findLast((n) => n.offsetHeight > 0);
  if (!last) return;
  // The row the map shares with the charts (a 1-D map is shorter than --map-side; the charts
  // beside it are not): what changes by the spare room.
  const now = parseFloat(document.documentElement.style.getPropertyValue('--map-fit')) || 0;
  const row = now || Math.max(el.mapFrame.getBoundingClientRect().height, el.chartE.parentElement.getBoundingClientRect().height);
  const spare = window.innerHeight - 8 - (last.getBoundingClientRect().bottom + window.scrollY);
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  const next = Math.round(Math.max(16 * rem, Math.min(0.8 * window.innerHeight, row + spare)));
  if (Math.abs(next - now) > 2) document.documentElement.style.setProperty('--map-fit', `${next}px`);
}

// ---- wiring -----------------------------------------------------------------------------------

function wire() {
  wireControls();
  wireFunction();
  el.noticeClose.addEventListener('click', hideNotice);
  el.copyLink.addEventListener('click', copyLink);
  el.embed.addEventListener('click', showEmbedCode);
  el.exportPng.addEventListener('click', () => loadLab().then((l) => l.exportPng()));
  el.exportSvg.addEventListener('click', () => loadLab().then((l) => l.exportSvg()));
  el.exportCsv.addEventListener('click', () => loadLab().then((l) => l.exportCsv()));
  el.costRun.addEventListener('click', () => loadLab().then((l) => l.measureCost()));
  el.startsRun.addEventListener('click', () => loadLab().then((l) => l.runStarts()));
  el.starts.addEventListener('toggle', () => {
    page.lab?.showEnds();
    render();
  });
  el.escape.addEventListener('toggle', () => el.escape.open && loadLab().then((l) => l.runEscape()));
  el.newtonCost.addEventListener('toggle', () => el.newtonCost.open && loadLab().then((l) => l.openNewtonCost()));
  for (const panel of [el.sweep, el.momentum, el.surface, el.network]) panel.addEventListener('toggle', () => loadLab().then(refreshLab));
  el.view3d.addEventListener('click', () => (el.surface.open = !el.surface.open));
  // (Ticked, the maps come into view: they sit under the table.)
  el.showBasins.addEventListener('change', () => showBasins().then(() => el.showBasins.checked && el.basins.scrollIntoView({ block: 'nearest', behavior: 'smooth' })));
  // Which of them are open goes in the link.
  for (const target of [el.showBasins, el.network, ...page.labPanels.map((id) => document.getElementById(id))]) {
    target.addEventListener(target === el.showBasins ? 'change' : 'toggle', syncLabPanels);
  }
  const panels = () => page.explorer.setPanels(el.showCritical.checked, el.showHessian.checked);
  el.showHessian.addEventListener('change', () => {
    panels();
    render();
  });
  el.showCritical.addEventListener('change', () => {
    panels();
    summarizeCritical();
    render();
  });
  el.scene.addEventListener('change', () => {
    pushNextAddress();
    hideNotice();
    applyScene(el.scene.value);
  });
  el.present.addEventListener('click', () => {
    pushNextAddress();
    attempt(() => page.explorer.setPresent(el.present.getAttribute('aria-pressed') !== 'true'));
    applyPanels();
    page.lab?.reset();
    resample();
  });
  el.lang.addEventListener('change', () => {
    languageReady = setLanguage(el.lang.value);
  });
  // Back and forward through the history entries, and a link pasted into the address bar of the
  // open page (replaceState and pushState fire neither).
  const reapply = async () => {
    hideNotice();
    setPlaying(false);
    if ((await forTyped(location.hash.slice(1))) && applyAddressLink()) resample();
  };
  window.addEventListener('popstate', reapply);
  window.addEventListener('hashchange', reapply);

  const observer = new ResizeObserver((entries) => {
    for (const e of entries) sizes.set(e.target, { width: e.contentRect.width, height: e.contentRect.height });
    const { width, height } = sizeOf(el.plot);
    if (`${width}x${height}` !== sampledSize) resample(1, true);
    else scheduleCharts();
    if (entries.some((e) => e.target === el.data)) render();
    if (page.lab && entries.some((e) => [el.sweepChart, el.networkChart].includes(e.target))) refreshLab();
  });
  for (const target of [el.plot, el.chartE, el.chartG, el.data, el.sweepChart, el.networkChart]) observer.observe(target);
  // What the map's height is fitted to: the parts of the page above and below it.
  const stage = new ResizeObserver(() => requestAnimationFrame(fitStage));
  for (const selector of ['.top', '#scene-box', '.stage > .under-plot', '.stage > .table-wrap', '#map-frame']) stage.observe(document.querySelector(selector));
  // (A change of the window's height alone resizes none of them: a projector's full screen.)
  window.addEventListener('resize', () => requestAnimationFrame(fitStage));
}

// ---- start ------------------------------------------------------------------------------------

/* global DESCENSO_WASM_BASE64, DESCENSO_WASM_URL */

/** Compiles the page's core: inline in the single file, else the wasm file (beside the bundle in
 *  dist/, in pkg/ unbundled). */
function compileCore() {
  const inline = typeof DESCENSO_WASM_BASE64 === 'string' ? DESCENSO_WASM_BASE64 : null;
  const file = typeof DESCENSO_WASM_URL === 'string' ? DESCENSO_WASM_URL : './pkg/descenso_bg.wasm';
  return compileWasm(inline, () => new URL(file, import.meta.url));
}

async function main() {
  page.lang = preferredLanguage();
  el.lang.value = page.lang;
  await loadLanguage(page.lang).catch(() => (page.lang = 'en'));
  translatePage(page.lang);
  try {
    page.module = await compileCore();
    page.wasm = await init({ module_or_path: page.module });
    performance.mark('descenso:wasm-ready');
  } catch (err) {
    showNotice(`${tr('loadFailed')} ${err?.message ?? err}`);
    return;
  }
  page.explorer = new Explorer('rosenbrock');
  page.explorer.setLang(page.lang);
  page.explorer.setScene('free');
  page.methods = Explorer.names('methods');
  page.families = Explorer.names('families');
  page.hyperReads = Explorer.hyperReads();
  page.labPanels = Explorer.names('panels');
  buildPresetPicker(Explorer.names('presets'));
  buildReadout();
  buildToggles();
  buildOwnForm();
  syncControls();
  // (A typed landscape's link that cannot be opened leaves the page as it starts, and says so.)
  if (await forTyped(location.hash.slice(1))) applyAddressLink();
  buildScenePicker();
  describeScene();
  resample(0.5);
  reportHeight();
  performance.mark('descenso:first-draw');
  // For the browser benchmark (bench/page.mjs): the size of the core's memory.
  globalThis.descensoBench = {
    wasmBytes: () => page.wasm.memory.buffer.byteLength,
    // The basin kernel (bench/basins.mjs), timed on one of the lab's workers.
    basinKernel: (options) => loadLab().then((l) => l.kernel(options)),
    // A step of each network method (bench/network.mjs), timed on a lab worker.
    networkSteps: (link) => loadLab().then((l) => l.netTimes(link)),
  };
  wire();
  // Refine the quick first paint at full resolution once it is on screen.
  requestAnimationFrame(() =>
    setTimeout(() => {
      page.quickStart = false;
      resample();
      // Ready once a language the link asked for, and the text of a scene it opened, are in too.
      Promise.all([languageReady, sceneTextsLoaded()]).then(() => (document.body.dataset.ready = 'true'));
    }, 0),
  );
}

main();
