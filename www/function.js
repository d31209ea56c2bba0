// The typed function's field: the core compiles the text a moment after the last key; on
// success the landscape and the runs follow, otherwise the error shows under the text with a
// caret and the last valid function stays drawn.
import { el, page, tr } from './page.js';
import { resample } from './plot.js';
import { pushNextAddress, updateAddress } from './share.js';

let timer = 0;

/** Shows the field for a typed landscape (with the core's current text), hides it otherwise. */
export function syncFunction() {
  const e = page.explorer;
  const typed = e.preset.startsWith('typed');
  el.functionBox.hidden = !typed || e.hidden.includes('landscape');
  if (!typed) return;
  el.functionLabel.textContent = e.dim === 1 ? 'E(x) =' : 'E(x, y) =';
  el.functionInput.value = e.function;
  showProblem(null);
}

/** The error under the field: the text with a caret under the offending part, and what is
 *  wrong in the page's language (all through textContent). */
function showProblem(problem) {
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
  const message = tr(key, info);
  el.functionMessage.textContent = `${message === key ? problem.name || problem.code : message} ${tr('fn_kept')}`;
}

function apply() {
  clearTimeout(timer);
  const problem = page.explorer.setFunction(el.functionInput.value);
  if (problem) {
    showProblem(problem);
    problem.free();
    return;
  }
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
}
