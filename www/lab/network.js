// A real network, all of its weights: the core trains it with each method from one seeded start
// (crate/src/explore/network.rs) and draws its answer over the input plane, E along every run
// and the Hessian's spectrum along the run shown. Here: the panel's fields (each tells the core,
// then the panel redraws) and the redraw, on the page's thread, once the page's session is the
// lab's build's (which trains networks).
import { Explorer } from '../pkg-lab/descenso.js';
import { attemptAt, el, fmt, make, page, showNotice, tr } from '../page.js';
import { pushNextAddress, syncLabPanels, updateAddress } from '../share.js';
import { adopt, drawFigure } from './figures.js';
import * as pool from './pool.js';

const STARTS = 100; // the many starts' runs per method
let drawnFor = '';
let timer = 0;
let starts = null; // the many starts last run (a worker's reply)
let times = null; // the step times last measured (a worker's reply)
let trained = null; // the network last trained on a worker: { setup, report }
let slow = 0; // the timer that says a training takes a while

/** Where the runs start: the seeded weights, or where a method's run ended. */
const fromLabel = (v) => (v === 'seed' ? tr('from_seed') : tr('netFromEnd', tr(v)));

/** The panel's fields, as the core lists them (a choice of names, or a number typed), and a
 *  box per method. */
function build() {
  const field = (key) => {
    const choices = Explorer.networkChoices(key);
    const option = (v) =>
      key === 'from' ? make('option', { value: v, textContent: fromLabel(v) }) : make('option', { value: v, textContent: tr(`${key}_${v}`), dataset: { i18n: `${key}_${v}` } });
    const input = choices.length || key === 'show' ? make('select', {}, ...choices.map(option)) : make('input', { type: 'text', size: 5 });
    Object.assign(input, { id: `net-${key}` });
    input.dataset.net = key;
    return make('label', {}, make('span', { textContent: tr(`net_${key}`), dataset: { i18n: `net_${key}` } }), ' ', input);
  };
  el.networkFields.replaceChildren(...Explorer.networkPanelFields().map(field));
  const box = (id) => make('label', {}, make('input', { type: 'checkbox', value: id }), make('span', { textContent: tr(id), dataset: { i18n: id } }));
  el.networkMethods.replaceChildren(...Explorer.networkMethods().map(box));
  const run = make('button', { id: 'net-starts-run', type: 'button', className: 'secondary', textContent: tr('netStartsRun', STARTS) });
  run.addEventListener('click', runStarts);
  const time = make('button', { id: 'net-times-run', type: 'button', className: 'secondary', textContent: tr('netTimesRun') });
  time.addEventListener('click', runTimes);
  el.networkNote.after(time, make('p', { id: 'net-times', className: 'note', attrs: { 'aria-live': 'polite' } }), run, make('canvas', { id: 'net-starts-chart', className: 'sweep-chart', hidden: true }), make('ul', { id: 'net-starts-note', className: 'starts-summary', attrs: { 'aria-live': 'polite' } }));
}

/** Every method of the setup from STARTS seeded starts, in a worker; then their histogram. */
async function runStarts() {
  const line = (text) => el.netStartsNote.replaceChildren(make('li', { textContent: text }));
  line(tr('netStartsRunning', STARTS));
  const setup = page.explorer.networkToken();
  const m = await pool.ask('netStarts', { link: page.explorer.link(false), n: STARTS, bins: 24 });
  // (The setup changed meanwhile: these runs are not of it.)
  if (setup !== page.explorer.networkToken()) return el.netStartsNote.replaceChildren();
  starts = m.error ? null : { ...m, setup };
  if (m.error) line(`${tr('errorPrefix')} ${m.error}`);
  else drawStarts();
}

/** A step of each method timed on a worker, at this N; the core words the line. */
async function runTimes() {
  el.netTimes.textContent = tr('netTimesRunning');
  const setup = page.explorer.networkToken();
  const m = await pool.ask('netTimes', { link: page.explorer.link(false) });
  if (setup !== page.explorer.networkToken()) return (el.netTimes.textContent = '');
  times = m.error ? null : m.times;
  el.netTimes.textContent = m.error ? `${tr('errorPrefix')} ${m.error}` : timesLine();
  if (times) Object.assign(el.network.dataset, { times: JSON.stringify(Array.from(times)), timesFor: setup });
}

const timesLine = () => Explorer.networkTimesLine(times, page.lang === 'es', tr, fmt);

/** The many starts' histogram of E − E* per method, and what the runs reached. */
async function drawStarts() {
  el.netStartsChart.hidden = false;
  const labels = Explorer.networkMethods().map((id) => tr(`${id}_short`));
  await drawFigure(el.netStartsChart, (F, size) => F.histogram(size, starts.histogram, labels, 'E − E*'));
  const lines = Explorer.networkStartsLines(starts.tallies, starts.histogram[0], tr, fmt);
  el.netStartsNote.replaceChildren(...lines.map((text) => make('li', { textContent: text })));
  el.network.dataset.starts = JSON.stringify(Array.from(starts.tallies));
}

/** The fields show the setup the core holds; the methods' boxes and the run shown follow it. */
function sync() {
  if (!el.networkFields.children.length) build();
  const names = Explorer.networkFieldNames();
  const values = page.explorer.networkFields();
  const at = (key) => values[names.indexOf(key)];
  const methods = at('m').split(',');
  for (const box of el.networkMethods.querySelectorAll('input')) box.checked = methods.includes(box.value);
  el.netShow.replaceChildren(...methods.map((id) => make('option', { value: id, textContent: tr(id) })));
  for (const input of el.network.querySelectorAll('[data-net]')) input.value = at(input.dataset.net);
}

el.network.addEventListener('change', (ev) => {
  const input = ev.target.dataset.net ? ev.target : el.networkMethods;
  const value = input === el.networkMethods ? [...input.querySelectorAll(':checked')].map((b) => b.value).join(',') : input.value;
  pushNextAddress();
  // (What was not applied is said beside the field, which goes back to the setup in use.)
  if (attemptAt(input, () => page.explorer.setNetwork(input.dataset.net ?? 'm', value))) updateAddress();
  sync();
  maybeNetwork();
});

/** Forget the figure drawn (a new language, size or link): the next render redraws it. */
export function reset() {
  drawnFor = '';
  if (page.full && el.network.open) sync();
  if (el.netStartsRun) el.netStartsRun.textContent = tr('netStartsRun', STARTS);
  if (starts) drawStarts();
  if (el.netTimesRun) el.netTimesRun.textContent = tr('netTimesRun');
  for (const o of el.network.querySelectorAll('#net-from option')) o.textContent = fromLabel(o.value);
  if (times) el.netTimes.textContent = timesLine();
}

/** Redraws the panel when it is open and the setup, the language or the size changed. */
export async function maybeNetwork() {
  if (!el.network.open) return;
  if (!page.full) {
    try {
      await adopt();
    } catch (err) {
      el.network.open = false;
      return showNotice(`${tr('loadFailed')} ${err?.message ?? err}`);
    }
    // (The lab's build has the network's panel: the link can now say it is open.)
    syncLabPanels();
    sync();
  }
  const key = `${page.explorer.networkFields()}|${page.lang}`;
  if (key === drawnFor) return;
  drawnFor = key;
  clearTimeout(timer);
  timer = setTimeout(draw, 30);
}

async function draw() {
  // (The many starts shown were of another setup: they go.)
  if (starts && starts.setup !== page.explorer.networkToken()) {
    starts = null;
    el.netStartsChart.hidden = true;
    el.netStartsNote.replaceChildren();
    delete el.network.dataset.starts;
  }
  // (So were the step times.)
  if (times && el.network.dataset.timesFor !== page.explorer.networkToken()) {
    times = null;
    el.netTimes.textContent = '';
    delete el.network.dataset.times;
  }
  // Trained on a worker (a Newton run at N = 105 takes seconds), once per setup.
  const setup = page.explorer.networkToken();
  clearTimeout(slow);
  if (trained?.setup !== setup) {
    el.network.dataset.training = 'true';
    // (Said only when it takes a while: a quick training does not flash the note.)
    slow = setTimeout(() => el.network.dataset.training && (el.networkNote.textContent = tr('netTraining')), 150);
    // (A newer request supersedes this one: its reply never comes, and the newer draw goes on.)
    const m = await pool.ask('netTrain', { link: page.explorer.link(false) });
    if (setup !== page.explorer.networkToken()) return;
    clearTimeout(slow);
    delete el.network.dataset.training;
    if (m.error) return (el.networkNote.textContent = `${tr('errorPrefix')} ${m.error}`);
    trained = { setup, report: m.report };
  } else delete el.network.dataset.training;
  let note = '';
  const n = await drawFigure(el.networkChart, (F, size) => {
    F.adoptNetwork(page.explorer, trained.report);
    const numbers = F.network(size, page.explorer, tr, fmt);
    note = F.note;
    return numbers;
  });
  // (Not drawn, too small or failed: the next render tries again.)
  if (!n) return (drawnFor = '');
  el.network.dataset.numbers = JSON.stringify(Array.from(n, (v) => (Number.isFinite(v) ? v : null)));
  el.networkNote.textContent = note;
}
