// The controls: landscape, parameters, methods, η, μ, β, m, playing, the map's pointer and keys,
// the data panel's clicks. Every handler tells the core, then renders; the controls show what the
// core holds (syncControls), never a copy of it.
import { clickData, syncData } from './data.js';
import { syncFunction } from './function.js';
import { t } from './i18n.js';
import { attempt, attemptAt, el, fieldProblem, fmt, hideNotice, lang, make, page, showNumber, sizeOf, swatch, tr, typedNumber } from './page.js';
import { pointerToLandscape, render, resample } from './plot.js';
import { syncOwn } from './own.js';
import { pushNextAddress, updateAddress } from './share.js';

export function buildPresetPicker(ids) {
  el.landscape.replaceChildren(
    ...ids.map((id) => {
      const key = id === 'saddle' ? 'saddle_preset' : id;
      return make('option', { value: id, textContent: t(lang(), key), dataset: { i18n: key } });
    }),
  );
}

/** The parameter fields of the core's landscape, with its values: choices (data set, slice) as
 *  a list, numbers as number fields. */
export function buildParams() {
  const e = page.explorer;
  const ranges = e.paramRanges();
  const values = e.params;
  el.params.replaceChildren(
    ...e.paramNames().map((name, i) => {
      const [min, max] = [ranges[2 * i], ranges[2 * i + 1]];
      const dataset = { index: String(i) };
      let input;
      if (name === 'set' || name === 'slice') {
        const keys = Array.from({ length: max - min + 1 }, (_, k) => `${name}_${min + k}`);
        input = make('select', { dataset }, ...keys.map((key, k) => make('option', { value: String(min + k), textContent: tr(key), dataset: { i18n: key } })));
      } else {
        input = make('input', { type: 'text', inputMode: name === 'seed' ? 'numeric' : 'decimal', dataset });
      }
      if (input.tagName === 'SELECT') input.value = String(values[i]);
      else showNumber(input, values[i]);
      input.addEventListener('change', onParamChange);
      return make('label', {}, make('span', { textContent: tr(name), dataset: { i18n: name } }), input);
    }),
  );
}

/** One checkbox per method, with its swatch, grouped by the core's families (first order,
 *  Newton family, quasi-Newton) so that eleven toggles stay readable. */
export function buildToggles() {
  const { families } = page;
  el.toggles.replaceChildren(
    ...[...new Set(families)].map((family) =>
      make(
        'div',
        { className: 'family', attrs: { role: 'group', 'aria-labelledby': `family-${family}` } },
        make('span', { id: `family-${family}`, className: 'family-name', textContent: tr(family), dataset: { i18n: family } }),
        ...page.methods
          .filter((_, i) => families[i] === family)
          .map((id) => {
            const box = make('input', { type: 'checkbox', value: id });
            box.addEventListener('change', onToggle);
            return make('label', {}, box, swatch(), make('span', { textContent: tr(id), dataset: { i18n: id } }));
          }),
      ),
    ),
  );
}

/** Every control shows what the core holds now (after a preset, a scene or a link). */
export function syncControls() {
  const e = page.explorer;
  el.landscape.value = e.preset;
  const enabled = e.enabled;
  el.toggles.querySelectorAll('input').forEach((box) => (box.checked = enabled[page.methods.indexOf(box.value)] === 1));
  el.colourScale.value = e.colour_scale;
  const [, mu, beta, memory] = e.hyper;
  showNumber(el.mu, mu);
  showNumber(el.beta, beta);
  showNumber(el.memory, memory);
  // (What a field said was wrong no longer holds: the fields show what the core holds.)
  for (const field of [el.etaValue, el.mu, el.beta, el.memory]) fieldProblem(field, null);
  el.speed.value = String(e.speed);
  buildParams();
  syncFunction();
  syncData();
  syncEta();
  syncOwn();
}

function syncEta() {
  const eta = page.explorer.hyper[0];
  el.eta.value = String(Math.log10(eta));
  showNumber(el.etaValue, +eta.toPrecision(6));
}

function onToggle() {
  pushNextAddress();
  const mask = page.methods.map((id) => (el.toggles.querySelector(`input[value="${id}"]`).checked ? 1 : 0));
  attempt(() => page.explorer.setEnabled(new Uint8Array(mask)));
  render();
}

function onParamChange(ev) {
  const input = ev.target;
  const value = input.tagName === 'SELECT' ? Number(input.value) : typedNumber(input);
  if (!Number.isFinite(value)) return fieldProblem(input, tr('notANumber'));
  if (!attemptAt(input, () => page.explorer.setParam(Number(input.dataset.index), value))) return;
  hideNotice();
  syncData();
  resample();
}

/** Changes the view with `change(explorer)` (true if it changed), then redraws; `history`
 *  records the previous view in the browser's history first (once per gesture). */
function changeView(change, history = true) {
  if (history) pushNextAddress();
  let changed = false;
  if (attempt(() => (changed = change(page.explorer))) && changed) {
    resample();
    updateAddress();
  }
}

/** Zooms by `factor` about `at` (landscape coordinates; null: the view's centre). */
function zoomAbout(factor, at, history = true) {
  changeView((e) => e.zoom(factor, new Float64Array(at ?? [])), history);
}

/** Switches landscape (with its defaults). */
export function selectPreset(id) {
  // A typed landscape once the lab's build has the session (while it loads, a person may pick
  // another landscape: then that one stays).
  if (id.startsWith('typed') && !page.full) {
    return page.forTyped(`l=${id}`).then((ok) => (ok && el.landscape.value === id ? selectPreset(id) : syncControls()));
  }
  if (!attempt(() => page.explorer.selectPreset(id))) return syncControls();
  syncControls();
  resample();
}

/** `change` sets η in the core; then the slider and the field show it, and the page follows. */
export function changeEta(change) {
  if (attempt(change)) hideNotice();
  syncEta();
  render();
}

export const setEta = (eta) => changeEta(() => page.explorer.setHyper(0, eta));

export function setStart(x) {
  if (x.length && attempt(() => page.explorer.setStart(new Float64Array(x)))) render();
}

let lastTime = 0;
let owed = 0;

export function setPlaying(on) {
  page.playing = on;
  for (const button of [el.play, el.playNear]) {
    button.textContent = tr(on ? 'pause' : 'play');
    button.dataset.i18n = on ? 'pause' : 'play';
    button.setAttribute('aria-pressed', String(on));
  }
  if (on) {
    lastTime = performance.now();
    owed = 1;
    requestAnimationFrame(tick);
  }
}

/** One animation frame of playing: the steps owed at the chosen speed; stops when no run goes on. */
function tick(now) {
  if (!page.playing) return;
  owed += ((now - lastTime) / 1000) * page.explorer.speed;
  lastTime = now;
  const steps = Math.floor(owed);
  if (steps > 0) {
    owed -= steps;
    const running = page.explorer.step(Math.min(steps, 10000));
    render();
    if (!running) setPlaying(false);
  }
  if (page.playing) requestAnimationFrame(tick);
}

function stepOnce() {
  page.explorer.step(1);
  render();
}

/** Replays from one iteration earlier (the runs keep every iterate). */
function stepBack() {
  setPlaying(false);
  page.explorer.stepBack(1);
  render();
}

export function wireControls() {
  el.landscape.addEventListener('change', () => {
    pushNextAddress();
    hideNotice();
    selectPreset(el.landscape.value);
  });
  el.colourScale.addEventListener('change', () => {
    pushNextAddress();
    if (attempt(() => page.explorer.setColourScale(el.colourScale.value))) resample();
  });
  el.eta.addEventListener('input', () => setEta(10 ** Number(el.eta.value)));
  el.eta.addEventListener('change', pushNextAddress);
  el.etaValue.addEventListener('change', () => {
    pushNextAddress();
    const v = typedNumber(el.etaValue);
    // The field goes back to the η in use; the message beside it says what was not applied.
    if (!Number.isFinite(v)) fieldProblem(el.etaValue, tr('notANumber'));
    else if (attemptAt(el.etaValue, () => page.explorer.setHyper(0, v))) hideNotice();
    syncEta();
    render();
  });
  for (const [input, k] of [[el.mu, 1], [el.beta, 2], [el.memory, 3]]) {
    input.addEventListener('change', () => {
      const v = typedNumber(input);
      // As η's: the field goes back to the value in use; the message beside it says what was
      // not applied.
      if (!Number.isFinite(v)) fieldProblem(input, tr('notANumber'));
      else if (attemptAt(input, () => page.explorer.setHyper(k, v))) render();
      showNumber(input, page.explorer.hyper[k]);
    });
  }
  el.step.addEventListener('click', stepOnce);
  for (const button of [el.stepBack, el.stepBackNear]) button.addEventListener('click', stepBack);
  el.replay.addEventListener('input', () => {
    setPlaying(false);
    page.explorer.setShown(Number(el.replay.value));
    render();
  });
  el.play.addEventListener('click', () => setPlaying(!page.playing));
  // Step and Play beside the map too, for small screens where the controls are far below it.
  el.stepNear.addEventListener('click', stepOnce);
  el.playNear.addEventListener('click', () => setPlaying(!page.playing));
  el.reset.addEventListener('click', () => {
    setPlaying(false);
    attempt(() => page.explorer.restart());
    render();
  });
  el.speed.addEventListener('change', () => {
    pushNextAddress();
    if (attempt(() => page.explorer.setSpeed(Number(el.speed.value)))) updateAddress();
  });
  el.data.addEventListener('click', (ev) => {
    if (!clickData(ev)) return;
    syncData();
    resample();
    pushNextAddress();
    updateAddress();
  });

  // Keyboard: space plays/pauses, S or → steps (. too), B steps back (, too), R resets, anywhere but in a form field
  // (after a click on a button too: Space then plays rather than pressing it again; on a
  // checkbox or a panel's summary Space toggles it, as it does everywhere). On the focused map:
  // arrows move the start (Shift: more), + and − zoom, 0 fits, Alt+arrows pan.
  const button = (t) => t.tagName === 'BUTTON' || (t.tagName === 'INPUT' && t.type === 'button');
  const toggles = (t) => t.tagName === 'SUMMARY' || (t.tagName === 'INPUT' && ['checkbox', 'radio'].includes(t.type));
  const field = (t) => t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && !button(t) && !toggles(t));
  document.addEventListener('keyup', (ev) => {
    if (ev.key === ' ' && button(ev.target)) ev.preventDefault();
  });
  document.addEventListener('keydown', (ev) => {
    if (field(ev.target) || ev.ctrlKey || ev.metaKey || (ev.key === ' ' && toggles(ev.target))) return;
    const onMap = ev.target === el.overlay;
    const arrow = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowDown: [0, -1], ArrowUp: [0, 1] }[ev.key];
    if (onMap && arrow && ev.altKey) changeView((e) => e.pan(0.1 * arrow[0], 0.1 * arrow[1]));
    else if (ev.altKey) return;
    else if (onMap && arrow) {
      if (attempt(() => page.explorer.nudgeStart(arrow[0], arrow[1], ev.shiftKey ? 0.1 : 0.02))) render();
    } else if (onMap && (ev.key === '+' || ev.key === '=' || ev.key === '-' || ev.key === '0')) {
      if (ev.key === '0') changeView((e) => e.fit());
      else zoomAbout(ev.key === '-' ? 1.25 : 0.8, null);
    } else if (ev.key === ' ') setPlaying(!page.playing);
    else if (ev.key === 's' || ev.key === 'S' || ev.key === '.') stepOnce();
    else if (ev.key === 'b' || ev.key === 'B' || ev.key === ',') stepBack();
    else if (ev.key === 'r' || ev.key === 'R') el.reset.click();
    else if (ev.key === 'p' || ev.key === 'P') el.present.click();
    else return;
    ev.preventDefault();
  });

  // The view: buttons, Ctrl+wheel (a trackpad's pinch; a plain wheel scrolls the page, embedded
  // or not), a two-finger pinch, Shift+drag.
  el.zoomIn.addEventListener('click', () => zoomAbout(0.8, null));
  el.zoomOut.addEventListener('click', () => zoomAbout(1.25, null));
  el.zoomFit.addEventListener('click', () => changeView((e) => e.fit()));
  el.overlay.addEventListener(
    'wheel',
    (ev) => {
      if (!(ev.ctrlKey || ev.metaKey)) return;
      ev.preventDefault();
      zoomAbout(Math.exp(Math.max(-1, Math.min(1, ev.deltaY * 0.01))), pointerToLandscape(ev));
    },
    { passive: false },
  );

  // The map: a click or a drag sets the start; hovering reads E and ‖∇E‖ there.
  let dragging = false;
  let panning = null; // the last pointer position of a Shift+drag
  let before = null; // the start before the first finger came down
  const touches = new Map(); // pointers down, for a pinch
  el.overlay.addEventListener('pointerdown', (ev) => {
    el.overlay.setPointerCapture(ev.pointerId);
    touches.set(ev.pointerId, [ev.clientX, ev.clientY]);
    if (touches.size === 2 || ev.shiftKey) {
      // A second finger: a pinch, not the first finger's tap (the start goes back).
      if (touches.size === 2 && dragging && before) setStart(before);
      pushNextAddress();
      dragging = false;
      panning = [ev.clientX, ev.clientY];
      return;
    }
    before = Array.from(page.explorer.start);
    dragging = true;
    setStart(pointerToLandscape(ev));
  });
  el.overlay.addEventListener('pointermove', (ev) => {
    if (touches.size === 2 && touches.has(ev.pointerId)) {
      const [a, b] = [...touches.values()];
      const before = Math.hypot(a[0] - b[0], a[1] - b[1]);
      touches.set(ev.pointerId, [ev.clientX, ev.clientY]);
      const [c, d] = [...touches.values()];
      const after = Math.hypot(c[0] - d[0], c[1] - d[1]);
      const mid = { clientX: (c[0] + d[0]) / 2, clientY: (c[1] + d[1]) / 2 };
      if (before > 0 && after > 0) zoomAbout(before / after, pointerToLandscape(mid), false);
      return;
    }
    if (panning) {
      const [dx, dy] = [ev.clientX - panning[0], ev.clientY - panning[1]];
      panning = [ev.clientX, ev.clientY];
      const { width, height } = sizeOf(el.plot);
      changeView((e) => e.pan(-dx / width, dy / height), false);
      return;
    }
    const p = pointerToLandscape(ev);
    if (!p.length) return;
    if (dragging) setStart(p);
    const probe = page.explorer.probe(new Float64Array(p));
    const [nx, ny] = page.axisNames;
    const where = p.length === 2 ? `${nx} = ${fmt(p[0])}, ${ny} = ${fmt(p[1])}` : `${nx} = ${fmt(p[0])}`;
    el.hover.textContent = `${where} · E = ${fmt(probe[0])} · ‖∇E‖ = ${fmt(probe[1])}`;
  });
  const stop = (ev) => {
    touches.delete(ev.pointerId);
    if (dragging) pushNextAddress();
    dragging = false;
    if (touches.size < 2 && !ev.shiftKey) panning = null;
    if (touches.size === 0) panning = null;
    updateAddress();
  };
  el.overlay.addEventListener('pointerup', stop);
  el.overlay.addEventListener('pointercancel', stop);
  el.overlay.addEventListener('pointerleave', () => {
    el.hover.textContent = '\u00a0';
  });
}
