// The cost of exponentials: each activation timed live in the core (the lab's build, on the
// page's thread), millions per second and the time per evaluation relative to ReLU.
import { Explorer } from '../pkg-lab/descenso.js';
import { el, fixed, make, tr } from '../page.js';
import { ready } from './figures.js';

const ACTIVATIONS = ['logistic', 'tanh', 'relu', 'rational'];

/** Times each activation in the core for ~60 ms and shows the rates and the time per
 *  evaluation relative to ReLU. */
export async function measureCost() {
  el.costRun.disabled = true;
  await ready; // (the lab's build of the core, on this thread)
  const rates = Object.fromEntries(ACTIVATIONS.map((name) => [name, Explorer.activationRate(name, () => performance.now())]));
  el.costRows.replaceChildren(
    ...ACTIVATIONS.map((name) => {
      const cells = [tr(`cost_${name}`), fixed(rates[name] / 1e6, 0), `${fixed(rates.relu / rates[name], 1)}×`];
      return make('tr', { dataset: { activation: name, rate: String(rates[name]) } }, ...cells.map((text) => make('td', { textContent: text })));
    }),
  );
  el.costRun.disabled = false;
}

