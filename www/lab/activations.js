// The cost of exponentials: each activation timed live in the core (the lab's build, on the
// page's thread), millions per second and the time per evaluation relative to ReLU.
import { Explorer } from '../pkg-lab/descenso.js';
import { el, tr } from '../page.js';
import { ready } from './figures.js';

const ACTIVATIONS = ['logistic', 'tanh', 'relu', 'rational'];

/** Times each activation in the core for ~60 ms (batches of 50,000) and shows the rates and
 *  the time per evaluation relative to ReLU. */
export async function measureCost() {
  el.costRun.disabled = true;
  await ready; // (the lab's build of the core, on this thread)
  const rates = {};
  for (const name of ACTIVATIONS) {
    Explorer.activationSum(name, 50000); // warm up (compilation tiers)
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < 60) {
      Explorer.activationSum(name, 50000);
      n += 50000;
      t = performance.now();
    }
    rates[name] = n / ((t - t0) / 1000);
  }
  el.costRows.replaceChildren(
    ...ACTIVATIONS.map((name) => {
      const row = document.createElement('tr');
      row.dataset.activation = name;
      row.dataset.rate = String(rates[name]);
      const cells = [tr(`cost_${name}`), (rates[name] / 1e6).toFixed(0), `${(rates.relu / rates[name]).toFixed(1)}×`];
      for (const text of cells) {
        const td = document.createElement('td');
        td.textContent = text;
        row.append(td);
      }
      return row;
    }),
  );
  el.costRun.disabled = false;
}

