// The scene picker and the scene's text and controls. A scene is data (scenes.js: a share link
// and its text); the core applies its link in one step.
import { setEta, setPlaying, syncControls } from './controls.js';
import { attempt, el, fmt, page, showNotice, tr } from './page.js';
import { resample } from './plot.js';
import { REGIME_CASES, SCENES } from './scenes.js';

/** A scene's title or text in the page's language (English in scenes.js, others in the
 *  language's strings as scene_<id>_title / scene_<id>_text). */
function sceneString(sc, part) {
  const key = `scene_${sc.id}_${part}`;
  const s = tr(key);
  return s === key ? sc[part].en : s;
}

const current = () => SCENES.find((s) => s.id === page.explorer.scene) ?? SCENES[0];

export function buildScenePicker() {
  el.scene.replaceChildren(
    ...SCENES.map((sc) => {
      const o = document.createElement('option');
      o.value = sc.id;
      o.textContent = sceneString(sc, 'title');
      return o;
    }),
  );
  el.scene.value = current().id;
}

/** Applies scene `id` (its link, in the core), then its text and controls. */
export function applyScene(id) {
  const sc = SCENES.find((s) => s.id === id) ?? SCENES[0];
  setPlaying(false);
  let ignored = [];
  if (!attempt(() => (ignored = page.explorer.applyScene(sc.id, sc.link)))) return;
  if (ignored.length) showNotice(`${tr('linkIgnored')} ${ignored.join('; ')}`);
  el.scene.value = sc.id;
  syncControls();
  el.showHessian.checked = page.explorer.flags[1] === 1;
  describeScene();
  resample();
}

export function describeScene() {
  const sc = current();
  el.sceneTitle.textContent = sceneString(sc, 'title');
  el.sceneText.textContent = sceneString(sc, 'text');
  const controls = [];
  if (sc.regimes) {
    for (const [c, ratio] of REGIME_CASES) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = tr('regimeButton', c);
      b.dataset.regime = c;
      b.title = tr('etaRatio', ratio);
      // η in units of η_opt = 1/E'' at the start point, from the core.
      b.addEventListener('click', () => {
        const etaOpt = page.explorer.etaOptAtStart();
        if (Number.isFinite(etaOpt)) setEta(ratio * etaOpt);
      });
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
  el.sceneControls.replaceChildren(...controls);
}

/** A scene slider that maps its value (and the current `[κ, θ]`) to the quadratic's new `[κ, θ]`. */
function slider(key, value, min, max, toParams, show) {
  const label = document.createElement('label');
  const name = document.createElement('span');
  name.textContent = tr(key);
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
    const [kappa, theta] = toParams(Number(input.value), Array.from(page.explorer.conditioning));
    if (!attempt(() => page.explorer.setConditioning(kappa, theta))) return;
    out.textContent = show(Number(input.value));
    syncControls();
    resample();
  });
  label.append(name, input, out);
  return label;
}
