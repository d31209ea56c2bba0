// The controls: landscape, parameters, methods, η, μ, β, playing, the map's pointer and keys,
// the data panel's clicks. Every handler tells the core, then renders; the controls show what the
// core holds (syncControls), never a copy of it.
import { syncData, pointsAfterClick } from './data.js';
import { syncFunction } from './function.js';
import { t } from './i18n.js';
import { attempt, el, fmt, hideNotice, lang, page, showNotice, tr } from './page.js';
import { frame, pointerToLandscape, render, resample } from './plot.js';
import { drawSwatches } from './readout.js';
import { pushNextAddress, updateAddress } from './share.js';

export function buildPresetPicker(ids) {
  el.landscape.replaceChildren(
    ...ids.map((id) => {
      const o = document.createElement('option');
      o.value = id;
      o.dataset.i18n = id === 'saddle' ? 'saddle_preset' : id;
      o.textContent = t(lang(), o.dataset.i18n);
      return o;
    }),
  );
}

/** The parameter fields of the core's landscape, with its values. */
export function buildParams() {
  const e = page.explorer;
  const ranges = e.paramRanges();
  const values = e.params;
  el.params.replaceChildren(
    ...e.paramNames().map((name, i) => {
      const label = document.createElement('label');
      const span = document.createElement('span');
      span.dataset.i18n = name;
      span.textContent = tr(name);
      // Choices (data set, slice) as a list; numbers as number fields.
      const choice = name === 'set' || name === 'slice';
      const input = document.createElement(choice ? 'select' : 'input');
      const [min, max] = [ranges[2 * i], ranges[2 * i + 1]];
      if (choice) {
        for (let k = min; k <= max; k++) {
          const o = document.createElement('option');
          o.value = String(k);
          o.dataset.i18n = `${name}_${k}`;
          o.textContent = tr(o.dataset.i18n);
          input.append(o);
        }
      } else {
        input.type = 'number';
        input.step = name === 'seed' ? '1' : 'any';
        input.min = String(min);
        input.max = String(max);
      }
      input.value = String(values[i]);
      input.dataset.index = String(i);
      input.addEventListener('change', onParamChange);
      label.append(span, input);
      return label;
    }),
  );
}

/** One checkbox per method, with its swatch. */
export function buildToggles() {
  el.toggles.replaceChildren(
    ...page.methods.map((id) => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = id;
      box.addEventListener('change', onToggle);
      const swatch = document.createElement('canvas');
      swatch.className = 'swatch';
      swatch.setAttribute('aria-hidden', 'true');
      const name = document.createElement('span');
      name.dataset.i18n = id;
      name.textContent = tr(id);
      label.append(box, swatch, name);
      return label;
    }),
  );
}

/** Every control shows what the core holds now (after a preset, a scene or a link). */
export function syncControls() {
  const e = page.explorer;
  el.landscape.value = e.preset;
  const enabled = e.enabled;
  el.toggles.querySelectorAll('input').forEach((box, i) => (box.checked = enabled[i] === 1));
  el.colourScale.value = e.colour_scale;
  el.mu.value = String(e.mu);
  el.beta.value = String(e.beta);
  buildParams();
  syncFunction();
  syncData();
  syncEta();
  drawSwatches();
}

function syncEta() {
  const eta = page.explorer.eta;
  el.eta.value = String(Math.log10(eta));
  el.etaValue.value = String(+eta.toPrecision(6));
}

function onToggle() {
  pushNextAddress();
  const mask = Array.from(el.toggles.querySelectorAll('input'), (box) => (box.checked ? 1 : 0));
  attempt(() => page.explorer.setEnabled(new Uint8Array(mask)));
  render();
}

function onParamChange(ev) {
  const input = ev.target;
  const value = input.tagName === 'SELECT' ? Number(input.value) : input.valueAsNumber;
  const params = Array.from(page.explorer.params);
  params[Number(input.dataset.index)] = value;
  const ok = Number.isFinite(value) && attempt(() => page.explorer.setParams(new Float64Array(params)));
  input.setAttribute('aria-invalid', String(!ok));
  if (!ok) {
    if (!Number.isFinite(value)) showNotice(`${tr('badNumber')}: ${input.value}`);
    return;
  }
  hideNotice();
  syncData();
  resample();
}

/** Switches landscape (with its defaults). */
export function selectPreset(id) {
  if (!attempt(() => page.explorer.selectPreset(id))) return;
  syncControls();
  resample();
}

export function setEta(eta) {
  if (attempt(() => page.explorer.setEta(eta))) hideNotice();
  syncEta();
  render();
}

export function setStart(x) {
  if (attempt(() => page.explorer.setStart(new Float64Array(x)))) render();
}

let lastTime = 0;
let owed = 0;

export function setPlaying(on) {
  page.playing = on;
  el.play.textContent = tr(on ? 'pause' : 'play');
  el.play.dataset.i18n = on ? 'pause' : 'play';
  el.play.setAttribute('aria-pressed', String(on));
  if (on) {
    lastTime = performance.now();
    owed = 1;
    requestAnimationFrame(tick);
  }
}

/** One animation frame of playing: the steps owed at the chosen speed; stops when no run goes on. */
function tick(now) {
  if (!page.playing) return;
  owed += ((now - lastTime) / 1000) * page.speed;
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
    const v = el.etaValue.valueAsNumber;
    if (Number.isFinite(v)) setEta(v);
    else {
      showNotice(`${tr('badNumber')}: ${el.etaValue.value}`);
      syncEta();
    }
  });
  for (const [input, setter] of [[el.mu, 'setMu'], [el.beta, 'setBeta']]) {
    input.addEventListener('change', () => {
      const v = input.valueAsNumber;
      const ok = Number.isFinite(v) && attempt(() => page.explorer[setter](v));
      input.setAttribute('aria-invalid', String(!ok));
      if (!ok) {
        if (!Number.isFinite(v)) showNotice(`${tr('badNumber')}: ${input.value}`);
        return;
      }
      hideNotice();
      render();
    });
  }
  el.step.addEventListener('click', stepOnce);
  el.play.addEventListener('click', () => setPlaying(!page.playing));
  el.reset.addEventListener('click', () => {
    setPlaying(false);
    attempt(() => page.explorer.restart());
    render();
  });
  el.speed.addEventListener('change', () => (page.speed = Number(el.speed.value)));
  el.data.addEventListener('click', (ev) => {
    const points = pointsAfterClick(ev.clientX, ev.clientY);
    if (!points) return showNotice(tr('dataFull'));
    if (!attempt(() => page.explorer.setPoints(new Float64Array(points)))) return;
    syncData();
    resample();
    pushNextAddress();
    updateAddress();
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
      const next = Array.from(page.explorer.start);
      next[0] += dx * k * (x1 - x0);
      if (next.length === 2) next[1] += dy * k * (y1 - y0);
      setStart(next);
      ev.preventDefault();
    } else if (ev.key === ' ') {
      setPlaying(!page.playing);
      ev.preventDefault();
    } else if (ev.key === 's' || ev.key === 'S' || ev.key === '.') {
      stepOnce();
    } else if (ev.key === 'r' || ev.key === 'R') {
      el.reset.click();
    }
  });

  // The map: a click or a drag sets the start; hovering reads E and ‖∇E‖ there.
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
    const probe = page.explorer.probe(new Float64Array(p));
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
}
