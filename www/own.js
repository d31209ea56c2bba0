// Runs of their own: a method beside itself at other hyperparameters (the lecture's Fig. 8,
// one method at four η at once). The form asks the core for one; each run's row in the table
// has a button that takes it away. The runs, their styles and what they read are the core's.
import { attempt, attemptAt, el, fieldProblem, hideNotice, make, page, showNumber, tr, typedNumber } from './page.js';
import { render } from './plot.js';
import { drawSwatches, readoutRow, runCount } from './readout.js';
import { pushNextAddress } from './share.js';

const FIELDS = ['ownEta', 'ownMu', 'ownBeta', 'ownMemory']; // η, μ, β, m: the core's order
const reads = (id) => {
  const i = page.methods.indexOf(id);
  return [...page.hyperReads.subarray(4 * i, 4 * i + 4)];
};

/** The methods a run of its own can have (those with a hyperparameter), and the form's handlers. */
export function buildOwnForm() {
  el.ownMethod.replaceChildren(
    ...page.methods.filter((id) => reads(id).some(Boolean)).map((id) => make('option', { value: id, textContent: tr(id), dataset: { i18n: id } })),
  );
  el.ownMethod.addEventListener('change', showFields);
  el.ownAdd.addEventListener('click', addRun);
}

/** Only the fields the chosen method reads. */
function showFields() {
  const r = reads(el.ownMethod.value);
  FIELDS.forEach((f, k) => (el[f].closest('label').hidden = !r[k]));
}

/** The form starts from the page's hyperparameters; the table gets a row per run of its own. */
export function syncOwn() {
  const e = page.explorer;
  e.hyper.forEach((v, k) => {
    showNumber(el[FIELDS[k]], v);
    fieldProblem(el[FIELDS[k]], null);
  });
  fieldProblem(el.ownAdd, null);
  showFields();
  const n = page.methods.length;
  while (el.readout.children.length > n) el.readout.lastChild.remove();
  for (let i = n; i < runCount(); i++) {
    const remove = make('button', { type: 'button', className: 'tool own-remove', textContent: '×', title: tr('ownRemove'), attrs: { 'aria-label': tr('ownRemove') } });
    remove.addEventListener('click', () => change(() => page.explorer.removeRun(i - n)));
    el.readout.append(readoutRow({ run: String(i) }, make('abbr'), remove));
  }
  drawSwatches();
}

function change(fn) {
  pushNextAddress();
  if (attempt(fn)) hideNotice();
  syncOwn();
  render();
}

function addRun() {
  const values = FIELDS.map((f) => typedNumber(el[f]));
  const bad = FIELDS.findIndex((f, k) => !el[f].closest('label').hidden && !Number.isFinite(values[k]));
  if (bad >= 0) return fieldProblem(el[FIELDS[bad]], tr('notANumber'));
  pushNextAddress();
  if (!attemptAt(el.ownAdd, () => page.explorer.addRun(el.ownMethod.value, new Float64Array(values)))) return;
  syncOwn();
  // (The form keeps what was typed, for the next run a little further along.)
  FIELDS.forEach((f, k) => Number.isFinite(values[k]) && showNumber(el[f], values[k]));
  render();
}
