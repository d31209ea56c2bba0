// The typed function's field: the core compiles the text a moment after the last key; on
// success the landscape and the runs follow, otherwise the error shows under the text with a
// caret and the last valid function stays drawn.
import { attemptAt, describe, el, fieldProblem, page, showNumber, tr, typedNumber } from './page.js';
import { resample } from './plot.js';
import { pushNextAddress, updateAddress } from './share.js';

let timer = 0;
let shown = ''; // the core's text the field last showed

/** Shows the field for a typed landscape (with the core's current text), hides it otherwise. A
 *  text being edited stays (after a language switch its error is worded again) unless the
 *  core's function changed meanwhile (a link, a scene). */
export function syncFunction() {
  const e = page.explorer;
  const typed = e.preset.startsWith('typed');
  el.functionBox.hidden = !typed || e.hidden.includes('landscape');
  if (!typed) return;
  el.functionLabel.textContent = e.dim === 1 ? 'E(x) =' : 'E(x, y) =';
  if (e.function !== shown || el.functionInput.value === shown) {
    shown = el.functionInput.value = e.function;
    showProblem(null);
  } else apply();
  showView();
}

const viewFields = ['view-x0', 'view-x1', 'view-y0', 'view-y1'].map((id) => document.getElementById(id));

/** The view's fields show the core's view (after a zoom, a pan, a link). */
export function showView() {
  if (el.functionBox.hidden) return;
  const e = page.explorer;
  viewFields[0].parentElement.classList.toggle('one-d', e.dim === 1);
  e.view.forEach((v, i) => showNumber(viewFields[i], +v.toPrecision(6)));
}

/** A typed function's view, typed: the core checks it (min < max, within ±10⁶). */
function setView(ev) {
  const values = viewFields.slice(0, 2 * page.explorer.dim).map(typedNumber);
  if (!Number.isFinite(typedNumber(ev.target))) return fieldProblem(ev.target, tr('notANumber'));
  if (!attemptAt(ev.target, () => page.explorer.setView(new Float64Array(values)))) return;
  pushNextAddress();
  resample();
}

/** The error under the field: the text with a caret under the offending part, and what is
 *  wrong in the page's language (all through textContent); `err` is the core's error. */
function showProblem(err) {
  el.functionInput.setAttribute('aria-invalid', String(Boolean(err)));
  el.functionError.hidden = !err;
  if (!err) return;
  const text = el.functionInput.value;
  const chars = Array.from(text);
  const start = Math.min(err.start ?? 0, chars.length);
  const width = Math.max(1, Math.min(err.end ?? 0, chars.length + 1) - start);
  el.functionCaret.textContent = `${text}\n${' '.repeat(start)}${'^'.repeat(width)}`;
  const key = `fn_${err.problem}`;
  const message = err.problem ? tr(key, err) : key;
  el.functionMessage.textContent = `${message === key ? describe(err) : message} ${tr('fn_kept')}`;
}

function apply() {
  clearTimeout(timer);
  try {
    page.explorer.setFunction(el.functionInput.value);
  } catch (err) {
    return showProblem(err);
  }
  shown = el.functionInput.value;
  showProblem(null);
  resample();
  pushNextAddress();
  updateAddress();
}

export function wireFunction() {
  el.functionInput.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(apply, 180);
  });
  el.functionInput.addEventListener('change', apply);
  for (const field of viewFields) field.addEventListener('change', setView);
}
