// The scene picker and the scene's text and controls. A scene is data (scenes.js: a share link
// and its text); the core applies its link in one step.
import { changeEta, setPlaying, syncControls } from './controls.js';
import { attempt, el, fmt, make, page, showIgnored, tr } from './page.js';
import { resample } from './plot.js';
import { applyPanels } from './share.js';
import { REGIME_CASES, SCENES } from './scenes.js';

let texts = null; // the scenes' English texts (scenes-text.js), once loaded
let loading = null;

/** Loads the scenes' English texts once; resolves when they are in. */
export const sceneTexts = () =>
  (loading ??= import('./scenes-text.js').then(
    (m) => (texts = m.SCENE_TEXTS),
    () => (texts = {}), // (offline: the scene works, without its text)
  ));

/** Resolves once the texts being loaded, if any, are in. */
export const sceneTextsLoaded = () => loading ?? Promise.resolve();

/** A scene's title or text in the page's language (English in scenes.js and scenes-text.js,
 *  others in the language's strings as scene_<id>_title / scene_<id>_text); empty while the
 *  English texts load, and the scene is described again once they are in. */
function sceneString(sc, part) {
  const key = `scene_${sc.id}_${part}`;
  const s = tr(key);
  if (s !== key) return s;
  if (sc[part] || texts) return sc[part]?.en ?? texts[sc.id] ?? '';
  sceneTexts().then(() => current() === sc && describeScene());
  return '';
}

const current = () => SCENES.find((s) => s.id === page.explorer.scene) ?? SCENES[0];

export function buildScenePicker() {
  el.scene.replaceChildren(
    ...SCENES.map((sc) => make('option', { value: sc.id, textContent: sceneString(sc, 'title') })),
  );
  el.scene.value = current().id;
}

/** Applies scene `id` (its link, in the core; in the lab's build first if the link asks for
 *  it), then its text and controls. */
export async function applyScene(id) {
  const sc = SCENES.find((s) => s.id === id) ?? SCENES[0];
  setPlaying(false);
  // (The text comes with the scene's state: nothing moves on the page after the scene is in.)
  const [typed] = await Promise.all([page.forTyped(sc.link), sceneTexts()]);
  if (!typed) return;
  let ignored = [];
  if (!attempt(() => (ignored = page.explorer.applyScene(sc.id, sc.link)))) return;
  if (ignored.length) showIgnored(ignored);
  el.scene.value = sc.id;
  syncControls();
  applyPanels(); // (the lab panels a scene names open: scene 8's network)
  el.showHessian.checked = page.explorer.flags[1] === 1;
  describeScene();
  resample();
}

export function describeScene() {
  const sc = current();
  el.sceneTitle.textContent = sceneString(sc, 'title');
  el.sceneText.textContent = sceneString(sc, 'text');
  // (Which scene is on the page with its text: what the end-to-end tests wait for.)
  el.scene.dataset.shown = el.sceneText.textContent ? sc.id : '';
  const controls = [];
  if (sc.regimes) {
    for (const [c, ratio] of REGIME_CASES) {
      const b = make('button', { type: 'button', textContent: tr('regimeButton', c), title: tr('etaRatio', ratio), dataset: { regime: c } });
      // η in units of η_opt = 1/E'' at the start point, in the core.
      b.addEventListener('click', () => changeEta(() => page.explorer.setEtaRatio(ratio)));
      controls.push(b);
    }
  }
  const [kappa, theta] = page.explorer.conditioning;
  if (sc.conditioning && kappa) {
    // κ on a log slider; each move sets [κ, θ] in the core.
    controls.push(
      slider('kappa', Math.log10(kappa), 0, 3, (v, [, t]) => [10 ** v, t], (v) => `${fmt(10 ** v)}`),
      slider('rotation', theta, 0, 180, (v, [k]) => [k, v], (v) => `${Math.round(v)}°`),
    );
  }
  if (sc.panel) {
    // (Beside the title: the scene's text keeps its height.)
    const b = make('button', { type: 'button', id: 'scene-panel', className: 'scene-panel', textContent: tr('scenePanel') });
    b.addEventListener('click', () => document.getElementById(sc.panel).scrollIntoView({ behavior: 'smooth', block: 'start' }));
    el.sceneTitle.append(' ', b);
  }
  el.sceneControls.replaceChildren(...controls);
}

/** A scene slider that maps its value (and the current `[κ, θ]`) to the quadratic's new `[κ, θ]`. */
function slider(key, value, min, max, toParams, show) {
  const input = make('input', { type: 'range', min: String(min), max: String(max), step: 'any', value: String(value), id: `scene-${key}` });
  const out = make('output', { textContent: show(value) });
  input.addEventListener('input', () => {
    const [kappa, theta] = toParams(Number(input.value), Array.from(page.explorer.conditioning));
    if (!attempt(() => page.explorer.setConditioning(kappa, theta))) return;
    out.textContent = show(Number(input.value));
    syncControls();
    resample();
  });
  return make('label', {}, make('span', { textContent: tr(key) }), input, out);
}
