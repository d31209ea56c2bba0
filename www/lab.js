// The page's laboratory, loaded on demand (so the first page load stays small): basins of
// attraction computed by Web Workers, the learning-rate sweep, and the cost of exponentials.
// It draws what the core computes; main.js passes it what it needs (`env`).
/* global DESCENSO_WORKER_SOURCE, DESCENSO_LAB_WASM_BASE64, DESCENSO_LAB_WASM_URL */

/** Compiles the lab's build of the core (the workers' extra exports): inline in the single
 *  file, else its wasm file (beside the bundles in dist/, in pkg-lab/ unbundled). */
function compileLab(compileWasm) {
  const inline = typeof DESCENSO_LAB_WASM_BASE64 === 'string' ? DESCENSO_LAB_WASM_BASE64 : null;
  const file = typeof DESCENSO_LAB_WASM_URL === 'string' ? DESCENSO_LAB_WASM_URL : './pkg-lab/descenso_bg.wasm';
  return compileWasm(inline, () => new URL(file, import.meta.url));
}

/** The lab's own strings (its panels' texts), added to the page's when the lab loads. */
export const LAB_STRINGS = {
  en: {
    escapeText: 'GD at the current η (at most 0.9) on E = ½ Σ λᵢxᵢ² with some λᵢ = −1: steps to leave the unit ball around the saddle. Left: from a distance ε in 2-D — every factor 10 closer costs the same number of extra steps, log(1/ε)/log(1 + η) (dashed). Right: from ε = 10⁻³ in N dimensions with one escape direction (solid) or N/2 (dotted): the fewer escape directions among many, the longer GD lingers.',
    escapeSteps: 'steps to escape',
    escapeDone: (a, b) => `At ε = 10⁻¹²: ${a} steps; in 256 dimensions with one escape direction: ${b} steps.`,
    startsText: 'Many starts drawn at random over the view (the same seed gives the same starts), every method on run from each for at most 1,000 steps: where they end (dots on the map) and a histogram of the final E per method.',
    startsSeed: 'Seed',
    startsCount: 'Starts',
    startsRun: 'Run',
    startsLine: (m, g, n, d) => `${m}: ${g} of ${n} reach a global minimum${d ? `, ${d} diverged` : ''}`,
    startsRunning: 'Running…',
    sweepText: 'Gradient descent from the current start for 200 values of η (log scale), at most 1,000 steps each: steps to converge (top) and the E where it stopped (bottom). Red marks: diverged.',
    sweepSteps: 'steps to converge',
    sweepValue: 'final E',
    sweepFactor: '|1 − ηE″| per step',
    sweepFound: (t, b) => `First η that diverges: ${t}; 2/λ_max at the start = ${b}.`,
    sweepNone: 'No η in the range diverged.',
    basinsText: 'Every pixel is a start, coloured by the critical point the method reaches from it in 100 steps: GD with the current η on the left, Newton (or a variant of it: choose below) on the right.',
    basinVariant: 'Method of the right-hand map',
    basinGdLabel: 'Basins of attraction of gradient descent',
    basinNewtonLabel: 'Basins of attraction of Newton’s method',
    basinGd: (eta) => `Gradient descent, η = ${eta}`,
    basinsProgress: (p, w) => `Computing… ${p}% (${w} worker${w === 1 ? '' : 's'})`,
    basinsDone: (n, ms, w) => `${n}×${n} starts, 100 steps each: ${ms} ms with ${w} worker${w === 1 ? '' : 's'}.`,
    basinsOneD: 'Basins are drawn for landscapes of two variables.',
    basinMinimum: (i, x, y) => `minimum ${i} (${x}, ${y})`,
    basinSaddle: 'a saddle point',
    basinMaximum: 'a maximum',
    basinDegenerate: 'a degenerate point',
    basinDiverged: 'diverged',
    basinNone: 'no critical point in 100 steps',
    costText: 'How many activations the core evaluates per second in this browser, measured now: the logistic and tanh need an exponential, ReLU and a rational stand-in do not.',
    costRun: 'Measure',
    costActivation: 'Activation',
    costRate: 'Millions per second',
    costRatio: 'Time vs ReLU',
    cost_logistic: 'logistic 1/(1+e⁻ˣ)',
    cost_tanh: 'tanh x',
    cost_relu: 'ReLU max(x, 0)',
    cost_rational: 'rational ½ + ½x/(1+|x|)',
    newtonCostText: 'E = ½ xᵀAx − bᵀx in N variables with a random, dense, positive-definite A, timed now in this browser (in a worker). A GD step needs the gradient Ax − b: about N² multiplications. A Newton step also needs the Hessian — N² numbers to evaluate and keep — and a linear solve (Cholesky, about N³/3). On log–log axes each time is a line whose slope is the power of N; dashed: the fitted lines (N ≥ 50).',
    newtonCostUpTo: 'Up to N',
    newtonCostRun: 'Measure',
    newtonCostRunning: (k, n) => `Measuring… ${k} of ${n} sizes`,
    newtonCostGd: (s) => `GD step (slope ${s})`,
    newtonCostNewton: (s) => `Newton step (slope ${s})`,
    newtonCostSlopes: (g, n, r) => `Fitted slopes: GD step ${g}, Newton step ${n}. Newton lands on the minimum in one step at every N (largest ‖∇E‖ after it: ${r}).`,
    newtonCostFar: (time, bytes) => `Scaled by N³ from the largest N measured, one Newton step in N = 10⁶ variables (the weights of a small network) would take ${time}, and its Hessian ${bytes} of memory. In a network, backpropagation gives the gradient for about the cost of evaluating E, so a GD step grows like N there, not N²; the Hessian stays N² numbers and its solve N³.`,
    newtonCostN: 'N',
    newtonCostGdCol: 'GD step',
    newtonCostNewtonCol: 'Newton step',
    newtonCostRatio: 'Newton ÷ GD',
    newtonCostMemory: 'Hessian',
  },
  es: {
    escapeText: 'MDG con el η actual (como máximo 0,9) sobre E = ½ Σ λᵢxᵢ² con algunos λᵢ = −1: pasos para salir de la bola unidad alrededor del punto de ensilladura. Izquierda: desde una distancia ε en 2-D — cada factor 10 más cerca cuesta los mismos pasos de más, log(1/ε)/log(1 + η) (a trazos). Derecha: desde ε = 10⁻³ en N dimensiones con una dirección de escape (continua) o N/2 (punteada): cuantas menos direcciones de escape entre muchas, más tarda el MDG.',
    escapeSteps: 'pasos para escapar',
    escapeDone: (a, b) => `Con ε = 10⁻¹²: ${a} pasos; en 256 dimensiones con una dirección de escape: ${b} pasos.`,
    startsText: 'Muchos puntos de partida al azar sobre la vista (la misma semilla da los mismos puntos), cada método activo corrido desde cada uno por como máximo 1.000 pasos: dónde terminan (puntos sobre el mapa) y un histograma del E final por método.',
    startsSeed: 'Semilla',
    startsCount: 'Puntos',
    startsRun: 'Correr',
    startsLine: (m, g, n, d) => `${m}: ${g} de ${n} llegan a un mínimo global${d ? `, ${d} divergieron` : ''}`,
    startsRunning: 'Corriendo…',
    sweepText: 'Descenso por el gradiente desde el punto de partida actual para 200 valores de η (escala logarítmica), como máximo 1.000 pasos cada uno: pasos hasta converger (arriba) y el E donde se detuvo (abajo). Marcas rojas: divergió.',
    sweepSteps: 'pasos hasta converger',
    sweepValue: 'E final',
    sweepFactor: '|1 − ηE″| por paso',
    sweepFound: (t, b) => `Primer η que diverge: ${t}; 2/λ_max en el punto de partida = ${b}.`,
    sweepNone: 'Ningún η del rango divergió.',
    basinsText: 'Cada píxel es un punto de partida, coloreado según el punto crítico al que llega el método en 100 pasos: MDG con el η actual a la izquierda, Newton (o una variante: elígela abajo) a la derecha.',
    basinVariant: 'Método del mapa de la derecha',
    basinGdLabel: 'Cuencas de atracción del descenso por el gradiente',
    basinNewtonLabel: 'Cuencas de atracción del método de Newton',
    basinGd: (eta) => `Descenso por el gradiente, η = ${eta}`,
    basinsProgress: (p, w) => `Calculando… ${p}% (${w} proceso${w === 1 ? '' : 's'})`,
    basinsDone: (n, ms, w) => `${n}×${n} puntos de partida, 100 pasos cada uno: ${ms} ms con ${w} proceso${w === 1 ? '' : 's'}.`,
    basinsOneD: 'Las cuencas se dibujan para paisajes de dos variables.',
    basinMinimum: (i, x, y) => `mínimo ${i} (${x}, ${y})`,
    basinSaddle: 'un punto de ensilladura',
    basinMaximum: 'un máximo',
    basinDegenerate: 'un punto degenerado',
    basinDiverged: 'divergió',
    basinNone: 'ningún punto crítico en 100 pasos',
    costText: 'Cuántas activaciones por segundo evalúa el núcleo en este navegador, medido ahora: la logística y tanh necesitan una exponencial; ReLU y un sustituto racional, no.',
    costRun: 'Medir',
    costActivation: 'Activación',
    costRate: 'Millones por segundo',
    costRatio: 'Tiempo vs ReLU',
    cost_logistic: 'logística 1/(1+e⁻ˣ)',
    cost_tanh: 'tanh x',
    cost_relu: 'ReLU max(x, 0)',
    cost_rational: 'racional ½ + ½x/(1+|x|)',
    newtonCostText: 'E = ½ xᵀAx − bᵀx en N variables con A aleatoria, densa y definida positiva, medido ahora en este navegador (en un proceso aparte). Un paso de MDG necesita el gradiente Ax − b: unas N² multiplicaciones. Un paso de Newton además necesita el Hessiano — N² números que evaluar y guardar — y resolver un sistema lineal (Cholesky, unas N³/3). En ejes log–log cada tiempo es una recta cuya pendiente es la potencia de N; a trazos: las rectas ajustadas (N ≥ 50).',
    newtonCostUpTo: 'Hasta N',
    newtonCostRun: 'Medir',
    newtonCostRunning: (k, n) => `Midiendo… ${k} de ${n} tamaños`,
    newtonCostGd: (s) => `paso de MDG (pendiente ${s})`,
    newtonCostNewton: (s) => `paso de Newton (pendiente ${s})`,
    newtonCostSlopes: (g, n, r) => `Pendientes ajustadas: paso de MDG ${g}, paso de Newton ${n}. Newton llega al mínimo en un paso para todo N (mayor ‖∇E‖ tras él: ${r}).`,
    newtonCostFar: (time, bytes) => `Escalando por N³ desde el mayor N medido, un paso de Newton en N = 10⁶ variables (los pesos de una red pequeña) tardaría ${time}, y su Hessiano ocuparía ${bytes} de memoria. En una red, la retropropagación da el gradiente por aproximadamente lo que cuesta evaluar E, así que allí un paso de MDG crece como N, no N²; el Hessiano sigue siendo N² números y resolverlo N³.`,
    newtonCostN: 'N',
    newtonCostGdCol: 'paso de MDG',
    newtonCostNewtonCol: 'paso de Newton',
    newtonCostRatio: 'Newton ÷ MDG',
    newtonCostMemory: 'Hessiano',
  },
};

/** The lab's functions, bound to the page's state and elements. */
export function createLab(env) {
  const { el, state, t, fmt, sizeOf, hiDpiContext, attempt, METHOD_STYLE } = env;
  for (const [lang, entries] of Object.entries(LAB_STRINGS)) env.addStrings(lang, entries);
  const labModule = compileLab(env.compileWasm); // compiled once, posted to every worker
  buildBasinVariant();
  env.translate();

  // ---- basins of attraction (Web Workers) -----------------------------------------------------

  const BASIN_SIZE = 256; // starts per side
  const BASIN_STEPS = 100;
  const BASIN_CHUNK = 16; // rows per message
  const MINIMUM_COLOURS = ['#e6ab02', '#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#a6761d', '#1f78b4'];
  const KIND_COLOURS = ['', '#c7d3e6', '#4d4d4d', '#b3b3b3']; // by kind: (minimum), saddle, maximum, degenerate
  const BASIN_AHEAD = 2; // chunks queued at each worker
  const basins = { workers: [], idle: [], inflight: new Map(), queue: [], job: null, key: '', pending: null };

  /** The worker pool: one worker per core (at most 4), each with its own instance of the core,
   *  compiled from the module the page already has. */
  function basinWorkers() {
    if (basins.workers.length) return basins.workers;
    const count = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
    for (let i = 0; i < count; i++) {
      const worker =
        typeof DESCENSO_WORKER_SOURCE === 'string'
          ? new Worker(URL.createObjectURL(new Blob([DESCENSO_WORKER_SOURCE], { type: 'text/javascript' })))
          : new Worker(new URL('./basins-worker.js', import.meta.url), { type: 'module' });
      labModule.then(
        (module) => worker.postMessage({ type: 'init', module }),
        (err) => (el.basinsStatus.textContent = `${t(state.lang, 'errorPrefix')} ${err?.message ?? err}`),
      );
      worker.onmessage = (e) => {
        if (e.data.type === 'starts') onStarts(worker, e.data);
        else if (e.data.type === 'cost') onNewtonCost(worker, e.data);
        else if (e.data.type === 'kernel') onKernel(worker, e.data);
        else if (e.data.type === 'escape') onEscape(worker, e.data);
        else onBasinRows(worker, e.data);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        el.basinsStatus.textContent = `${t(state.lang, 'errorPrefix')} ${e.message ?? 'worker'}`;
      };
      basins.workers.push(worker);
      basins.idle.push(worker);
    }
    return basins.workers;
  }

  /** The right map's method: Newton or one of its variants (a select in its caption). */
  function buildBasinVariant() {
    const caption = el.basinNewton.nextElementSibling;
    const select = document.createElement('select');
    select.id = 'basin-variant';
    select.dataset.i18nAria = 'basinVariant';
    for (const id of ['newton', 'damped-newton', 'lm', 'saddle-free']) {
      const option = document.createElement('option');
      option.value = id;
      option.dataset.i18n = id;
      select.append(option);
    }
    delete caption.dataset.i18n;
    caption.replaceChildren(select);
    select.addEventListener('change', () => maybeBasins());
    el.basinVariant = select;
  }

  /** The colour of each label: minima in distinct colours, other critical points by kind. */
  function basinPalette(points) {
    const colours = [];
    let minima = 0;
    for (let k = 0; k + 4 < points.length; k += 5) {
      const kind = points[k + 3];
      colours.push(kind === 0 ? MINIMUM_COLOURS[minima++ % MINIMUM_COLOURS.length] : KIND_COLOURS[kind]);
    }
    return colours.map((c) => [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)]);
  }

  /** Starts (or restarts) the basin maps when what they depend on changed: the landscape, the
   *  view, and η for the GD map. A new landscape or view drops the stale work at once (it comes
   *  back and is ignored); a new η while a map computes waits for it to finish and then starts
   *  from the latest η — so while η is dragged, maps complete one after another instead of each
   *  new value cancelling the last. */
  function maybeBasins() {
    const on = el.showBasins.checked && !el.basins.hidden;
    if (!on) return;
    if (env.explorer().dim !== 2) {
      el.basinsStatus.textContent = t(state.lang, 'basinsOneD');
      return;
    }
    const e = env.explorer();
    const link = e.landscapeLink();
    // The right map's method (and μ for Levenberg–Marquardt) belong to the landscape's key; η
    // only to GD's map.
    const variant = el.basinVariant.value;
    const landscape = `${link}|${state.view.join(',')}|${variant}|${variant === 'lm' ? e.mu : ''}`;
    const key = `${landscape}|${e.eta}`;
    if (key === basins.key) return;
    basins.key = key;
    // Newton's map does not depend on η: when only η changed, only GD's is recomputed.
    const etaOnly = landscape === basins.newtonFor;
    const busy = basins.job && basins.job.done < basins.job.total;
    if (busy && landscape === basins.landscape) {
      basins.pending = link;
      return;
    }
    basins.landscape = landscape;
    basins.pending = null;
    startBasins(link, etaOnly);
  }

  function startBasins(link, etaOnly = false) {
    const workers = basinWorkers();
    // The critical points (and so the labels and colours) depend on the landscape only.
    const previous = basins.job;
    const points = etaOnly && previous ? previous.points : env.explorer().criticalPoints(env.CRITICAL_SEEDS);
    const xy = [];
    for (let k = 0; k + 4 < points.length; k += 5) xy.push(points[k], points[k + 1]);
    const n = BASIN_SIZE;
    const job = {
      id: (basins.job?.id ?? 0) + 1,
      // The landscape only (η goes separately): workers keep their instance while η moves.
      link,
      eta: env.explorer().eta,
      variant: el.basinVariant.value,
      mu: env.explorer().mu,
      critical: xy,
      points,
      palette: etaOnly && previous ? previous.palette : basinPalette(points),
      colours: null, // label → RGBA as one 32-bit pixel (below)
      dirty: new Set(),
      images: { gd: previous?.images.gd ?? new ImageData(n, n), newton: previous?.images.newton ?? new ImageData(n, n) },
      maps: etaOnly ? ['gd'] : ['gd', 'newton'],
      landscape: basins.landscape,
      newtonRows: 0,
      done: 0,
      total: (etaOnly ? 1 : 2) * n,
      started: performance.now(),
    };
    if (!etaOnly) basins.newtonFor = null; // until this job's Newton map is complete
    // Pixels are written as 32-bit words: RGBA bytes in memory order (little-endian: A B G R).
    const word = ([r, g, b]) => ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
    job.colours = new Uint32Array(256).fill(word([255, 255, 255]));
    job.palette.forEach((rgb, i) => (job.colours[i] = word(rgb)));
    job.colours[254] = word([127, 0, 0]);
    basins.job = job;
    basins.queue = [];
    for (const map of job.maps) {
      for (let r = 0; r < n; r += BASIN_CHUNK) basins.queue.push({ map, row0: r, row1: Math.min(n, r + BASIN_CHUNK) });
    }
    el.basinGdCaption.textContent = t(state.lang, 'basinGd', fmt(job.eta));
    for (const canvas of job.maps.map((m) => (m === 'gd' ? el.basinGd : el.basinNewton))) {
      if (canvas.width !== n) canvas.width = n;
      if (canvas.height !== n) canvas.height = n;
    }
    if (!(etaOnly && previous)) describeBasins(points, job.palette);
    el.basinsStatus.textContent = t(state.lang, 'basinsProgress', 0, workers.length);
    // Idle workers, and those still on the previous job's chunks, take the new ones.
    for (const worker of basins.workers) {
      if ((basins.inflight.get(worker) ?? 0) > 0 || basins.idle.includes(worker)) {
        basins.idle = basins.idle.filter((w) => w !== worker);
        feed(worker);
      }
    }
  }

  /** Keeps `BASIN_AHEAD` chunks queued at `worker` (so it never waits for the page's thread,
   *  busy drawing, to hand it the next one); with no work left it joins the idle workers. */
  function feed(worker) {
    const job = basins.job;
    let inflight = basins.inflight.get(worker) ?? 0;
    while (job && inflight < BASIN_AHEAD && basins.queue.length) {
      const chunk = basins.queue.shift();
      worker.postMessage({
        type: 'rows', id: job.id, link: job.link, view: state.view, nx: BASIN_SIZE, ny: BASIN_SIZE,
        row0: chunk.row0, row1: chunk.row1, map: chunk.map, method: chunk.map === 'gd' ? 'gd' : job.variant,
        param: chunk.map === 'gd' ? job.eta : job.mu, steps: BASIN_STEPS, critical: job.critical,
      });
      inflight++;
    }
    basins.inflight.set(worker, inflight);
    if (inflight === 0 && !basins.idle.includes(worker)) basins.idle.push(worker);
  }

  /** Rows back from a worker: the worker gets its next chunk first; the rows are coloured
   *  into the job's image and drawn at the next animation frame (once per frame however many
   *  chunks arrived). */
  function onBasinRows(worker, m) {
    basins.inflight.set(worker, Math.max(0, (basins.inflight.get(worker) ?? 1) - 1));
    feed(worker);
    const job = basins.job;
    if (!job || m.id !== job.id) return;
    if (m.error) {
      el.basinsStatus.textContent = `${t(state.lang, 'errorPrefix')} ${m.error}`;
      return;
    }
    const pixels = new Uint32Array(job.images[m.map].data.buffer);
    const colours = job.colours;
    const offset = m.row0 * BASIN_SIZE;
    for (let i = 0; i < m.labels.length; i++) pixels[offset + i] = colours[m.labels[i]];
    job.dirty.add(m.map);
    job.done += m.row1 - m.row0;
    if (m.map === 'newton') {
      job.newtonRows += m.row1 - m.row0;
      if (job.newtonRows >= BASIN_SIZE) basins.newtonFor = job.landscape;
    }
    if (!basins.frame) basins.frame = requestAnimationFrame(drawBasins);
    if (job.done >= job.total) {
      job.ms = Math.round(performance.now() - job.started);
      drawBasins();
      el.basins.dataset.maps = job.maps.join(',');
      el.basins.dataset.ms = String(job.ms);
      el.basins.dataset.done = String(job.id);
      // η moved while this map computed: now the latest η.
      const pending = basins.pending;
      basins.pending = null;
      if (pending) startBasins(pending, basins.landscape === basins.newtonFor);
    }
  }

  /** Puts the current job's changed images on their canvases and updates the status. */
  function drawBasins() {
    cancelAnimationFrame(basins.frame);
    basins.frame = 0;
    const job = basins.job;
    if (!job) return;
    for (const map of job.dirty) (map === 'gd' ? el.basinGd : el.basinNewton).getContext('2d').putImageData(job.images[map], 0, 0);
    job.dirty.clear();
    el.basinsStatus.textContent =
      job.done >= job.total
        ? t(state.lang, 'basinsDone', BASIN_SIZE, job.ms, basins.workers.length)
        : t(state.lang, 'basinsProgress', Math.round((100 * job.done) / job.total), basins.workers.length);
  }

  /** The legend: a swatch per minimum (with where it is) and per other outcome. */
  function describeBasins(points, palette) {
    const items = [];
    let minima = 0;
    const kinds = new Set();
    for (let k = 0, i = 0; k + 4 < points.length; k += 5, i++) {
      const kind = points[k + 3];
      if (kind === 0) items.push([palette[i], t(state.lang, 'basinMinimum', ++minima, fmt(points[k]), fmt(points[k + 1]))]);
      else if (!kinds.has(kind)) {
        kinds.add(kind);
        items.push([palette[i], t(state.lang, ['', 'basinSaddle', 'basinMaximum', 'basinDegenerate'][kind])]);
      }
    }
    items.push([[127, 0, 0], t(state.lang, 'basinDiverged')], [[255, 255, 255], t(state.lang, 'basinNone')]);
    el.basinsLegend.replaceChildren(
      ...items.map(([rgb, text]) => {
        const li = document.createElement('li');
        const swatch = document.createElement('span');
        swatch.style.background = `rgb(${rgb.join(',')})`;
        li.append(swatch, text);
        return li;
      }),
    );
  }

  // ---- the learning-rate sweep ----------------------------------------------------------------

  const SWEEP_COUNT = 200;
  const SWEEP_STEPS = 1000;
  let sweepKey = '';

  /** Recomputes the sweep when it is open and the landscape or the start changed. */
  function maybeSweep() {
    if (!el.sweep.open) return;
    const key = `${env.explorer().landscapeLink()}|${state.start.join(',')}`;
    if (key === sweepKey) return;
    sweepKey = key;
    let a = null;
    attempt(() => (a = env.explorer().analysisAtStart()));
    const bound = a ? a.stability_bound : NaN;
    const etaOpt = a ? a.eta_opt : NaN;
    a?.free();
    const [lo, hi] = Number.isFinite(bound) && bound > 0 ? [bound / 1e4, bound * 10] : [1e-5, 10];
    let data = null;
    if (!attempt(() => (data = env.explorer().etaSweep(lo, hi, SWEEP_COUNT, SWEEP_STEPS)))) return;
    drawSweep(data, lo, hi, bound, etaOpt);
  }

  /** Two log–log panels sharing the η axis: steps to converge (top, with |1 − ηE″| in 1-D) and
   *  the final E (bottom); diverged runs as red marks; 2/λ_max and η_opt as vertical lines. */
  function drawSweep(data, lo, hi, bound, etaOpt) {
    const { width, height } = sizeOf(el.sweepChart);
    if (width < 50 || height < 50) return;
    const { ctx } = hiDpiContext(el.sweepChart, { width, height });
    const runs = [];
    for (let k = 0; k + 4 < data.length; k += 5) runs.push({ eta: data[k], value: data[k + 1], steps: data[k + 2], status: data[k + 3], factor: data[k + 4] });
    const oneD = runs.length > 0 && Number.isFinite(runs[0].factor);
    const left = 44;
    const right = oneD ? 40 : 10;
    const gap = 22;
    const panel = (height - 18 - gap) / 2;
    const lx = (eta) => left + ((Math.log10(eta) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (width - left - right);
    const logRange = (vals) => {
      const v = vals.filter((x) => Number.isFinite(x) && x > 0);
      if (!v.length) return [0, 1];
      const a = Math.floor(Math.log10(Math.min(...v)));
      const b = Math.ceil(Math.log10(Math.max(...v)));
      return [a, b === a ? a + 1 : b];
    };
    ctx.font = '11px sans-serif';
    const drawPanel = (top, key, values, colour) => {
      const [a, b] = logRange(values);
      const ly = (v) => top + panel - ((Math.log10(v) - a) / (b - a)) * panel;
      ctx.strokeStyle = '#c8c8d0';
      ctx.strokeRect(left, top, width - left - right, panel);
      ctx.fillStyle = '#55555f';
      ctx.textAlign = 'right';
      for (const e of [a, b]) ctx.fillText(`1e${e}`, left - 4, ly(10 ** e) + 4);
      ctx.textAlign = 'left';
      ctx.fillText(t(state.lang, key), left + 4, top + 12);
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2;
      ctx.beginPath();
      let pen = false;
      runs.forEach((r, i) => {
        const v = values[i];
        if (!(Number.isFinite(v) && v > 0)) {
          pen = false;
          return;
        }
        if (pen) ctx.lineTo(lx(r.eta), ly(v));
        else ctx.moveTo(lx(r.eta), ly(v));
        pen = true;
      });
      ctx.stroke();
      ctx.fillStyle = '#b3261e';
      for (const r of runs) if (r.status === 2) ctx.fillRect(lx(r.eta) - 1, top + 2, 2, 6);
    };
    drawPanel(4, 'sweepSteps', runs.map((r) => r.steps), '#1b6fb3');
    drawPanel(4 + panel + gap, 'sweepValue', runs.map((r) => r.value), '#2f7d32');
    if (oneD) {
      // The 1-D theory (from the core): each step multiplies the error by 1 − ηE″; |·| > 1 diverges.
      const f = runs.map((r) => r.factor);
      const [a, b] = [-3, 1];
      const ly = (v) => 4 + panel - ((Math.log10(Math.max(v, 1e-3)) - a) / (b - a)) * panel;
      ctx.setLineDash([4, 3]);
      ctx.strokeStyle = '#7b1fa2';
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      runs.forEach((r, i) => (i ? ctx.lineTo(lx(r.eta), ly(f[i])) : ctx.moveTo(lx(r.eta), ly(f[i]))));
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = '#7b1fa2';
      ctx.textAlign = 'left';
      ctx.fillText('1', width - right + 3, ly(1) + 4);
      ctx.fillText(t(state.lang, 'sweepFactor'), left + 4, 4 + panel - 6);
    }
    ctx.fillStyle = '#55555f';
    ctx.textAlign = 'center';
    for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++) ctx.fillText(`1e${e}`, lx(10 ** e), height - 4);
    // Labels on either side of their line, so that η_opt and 2/λ_max = 2η_opt never overlap.
    const mark = (eta, label, colour, align) => {
      if (!(eta > lo && eta < hi)) return;
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(lx(eta), 4);
      ctx.lineTo(lx(eta), height - 18);
      ctx.stroke();
      ctx.fillStyle = colour;
      ctx.textAlign = align;
      ctx.fillText(label, lx(eta) + (align === 'left' ? 3 : -3), 4 + panel + gap - 6);
    };
    mark(bound, '2/λ_max', '#b3261e', 'left');
    mark(etaOpt, 'η_opt', '#2f7d32', 'right');
    const first = runs.find((r) => r.status === 2);
    el.sweep.dataset.threshold = first ? String(first.eta) : '';
    el.sweep.dataset.bound = String(bound);
    el.sweep.dataset.ratio = String(hi / lo);
    el.sweepNote.textContent = first ? t(state.lang, 'sweepFound', fmt(first.eta), fmt(bound)) : t(state.lang, 'sweepNone');
  }

  // ---- the cost of exponentials --------------------------------------------------------------

  const ACTIVATIONS = ['logistic', 'tanh', 'relu', 'rational'];

  /** Times each activation in the core for ~60 ms (batches of 50,000) and shows the rates and
   *  the time per evaluation relative to ReLU. */
  function measureCost() {
    el.costRun.disabled = true;
    const rates = {};
    for (const name of ACTIVATIONS) {
      env.Explorer.activationSum(name, 50000); // warm up (compilation tiers)
      let n = 0;
      const t0 = performance.now();
      let t = t0;
      while (t - t0 < 60) {
        env.Explorer.activationSum(name, 50000);
        n += 50000;
        t = performance.now();
      }
      rates[name] = n / ((t - t0) / 1000);
    }
    el.costRows.replaceChildren(
      ...ACTIVATIONS.map((name) => {
        const tr = document.createElement('tr');
        tr.dataset.activation = name;
        tr.dataset.rate = String(rates[name]);
        const cells = [t(state.lang, `cost_${name}`), (rates[name] / 1e6).toFixed(0), `${(rates.relu / rates[name]).toFixed(1)}×`];
        for (const text of cells) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        return tr;
      }),
    );
    el.costRun.disabled = false;
  }

  // ---- random starts ---------------------------------------------------------------------

  const starts = { id: 0, ends: null, methods: [] };
  const STARTS_BINS = 24;

  /** Runs the random starts on a worker (the landscape and methods go as a share link). */
  function runStarts() {
    const e = env.explorer();
    if (e.dim !== 2) return;
    const workers = basinWorkers();
    const worker = basins.idle.pop() ?? workers[0];
    starts.id += 1;
    starts.view = state.view.slice();
    el.startsSummary.replaceChildren(Object.assign(document.createElement('li'), { textContent: t(state.lang, 'startsRunning') }));
    const seed = Math.max(0, Math.min(4294967295, Math.floor(Number(el.startsSeed.value) || 0)));
    worker.postMessage({
      type: 'starts', id: starts.id, link: e.link(false),
      view: state.view, seed, n: Number(el.startsCount.value), steps: 1000, seeds: env.CRITICAL_SEEDS, bins: STARTS_BINS,
    });
  }

  function onStarts(worker, m) {
    if (m.id === starts.id) {
      if (m.error) el.startsSummary.replaceChildren(Object.assign(document.createElement('li'), { textContent: m.error }));
      else showStarts(m.runs, m.histogram);
    }
    feed(worker);
  }

  /** The histogram of final E per method (log bins, from the core), how many reached a global
   *  minimum, and the end points (drawn on the map by drawOverlay). */
  function showStarts(runs, histogram) {
    const ids = env.methods();
    const by = new Map();
    for (let k = 0; k + 4 < runs.length; k += 5) {
      const id = ids[runs[k]];
      if (!by.has(id)) by.set(id, []);
      by.get(id).push({ x: runs[k + 1], y: runs[k + 2], value: runs[k + 3], status: runs[k + 4] });
    }
    starts.ends = by;
    // [E*, lo, hi], then per method [index, global, diverged, non-finite, counts…].
    const [, lo, hi] = histogram;
    const tallies = [];
    for (let k = 3; k + 4 + STARTS_BINS <= histogram.length; k += 4 + STARTS_BINS) {
      const id = ids[histogram[k]];
      tallies.push({ id, global: histogram[k + 1], diverged: histogram[k + 2], off: histogram[k + 3], counts: Array.from(histogram.subarray(k + 4, k + 4 + STARTS_BINS)) });
    }
    const lines = [];
    const counts = {};
    for (const { id, global, diverged } of tallies) {
      counts[id] = by.get(id)?.length ?? 0;
      const li = document.createElement('li');
      li.dataset.method = id;
      li.textContent = t(state.lang, 'startsLine', t(state.lang, `${id}_short`), global, counts[id], diverged);
      lines.push(li);
    }
    el.startsSummary.replaceChildren(...lines);
    el.starts.dataset.counts = JSON.stringify(counts);
    el.starts.dataset.histogram = JSON.stringify(Object.fromEntries(tallies.map((t) => [t.id, t.counts.reduce((a, b) => a + b, 0) + t.off])));
    el.starts.dataset.summary = lines.map((li) => li.textContent).join(' | ');
    drawHistogram(tallies, lo, hi);
    env.render();
  }

  function drawHistogram(tallies, lo, hi) {
    const { width, height } = sizeOf(el.startsChart);
    if (width < 50 || height < 50) return;
    const { ctx } = hiDpiContext(el.startsChart, { width, height });
    const rowH = (height - 16) / Math.max(tallies.length, 1);
    const left = 70;
    ctx.font = '11px sans-serif';
    tallies.forEach(({ id, counts, off }, row) => {
      const top = row * rowH;
      const most = Math.max(...counts, 1);
      ctx.fillStyle = '#1d1b20';
      ctx.textAlign = 'right';
      ctx.fillText(t(state.lang, `${id}_short`), left - 6, top + rowH / 2 + 4);
      ctx.fillStyle = METHOD_STYLE[id].light;
      const bw = (width - left - 8) / counts.length;
      counts.forEach((c, i) => {
        const h = (c / most) * (rowH - 6);
        ctx.fillRect(left + i * bw, top + rowH - 2 - h, Math.max(1, bw - 1), h);
      });
      if (off) {
        ctx.fillStyle = '#b3261e';
        ctx.textAlign = 'left';
        ctx.fillText(`+${off} ∞`, width - 40, top + 12);
      }
    });
    ctx.fillStyle = '#55555f';
    ctx.textAlign = 'center';
    ctx.fillText(`E − E* = 1e${lo}`, left + 30, height - 2);
    ctx.fillText(`1e${hi}`, width - 20, height - 2);
  }

  /** The end points of the random starts on the map, in each method's colour. */
  function drawOverlay(ctx, frame) {
    if (!starts.ends || !el.starts.open || starts.view.join() !== state.view.join()) return;
    for (const [id, rs] of starts.ends) {
      ctx.fillStyle = METHOD_STYLE[id].light;
      for (const r of rs) {
        if (!Number.isFinite(r.x) || !Number.isFinite(r.y)) continue;
        const [px, py] = frame.toPx(r.x, r.y);
        ctx.fillRect(px - 2, py - 2, 4, 4);
      }
    }
  }

  // ---- saddle escape -----------------------------------------------------------------------

  const escape = { id: 0 };

  /** Computes the escape curves on a worker at the current η (capped at 0.9). */
  function runEscape() {
    const eta = Math.min(0.9, env.explorer().eta);
    const worker = basins.idle.pop() ?? basinWorkers()[0];
    escape.id += 1;
    worker.postMessage({ type: 'escape', id: escape.id, eta });
  }

  function onEscape(worker, m) {
    if (m.id === escape.id) {
      if (m.error) el.escapeNote.textContent = m.error;
      else drawEscape(m.curves);
    }
    feed(worker);
  }

  /** Two log-x panels: steps against ε (with the prediction, dashed) and against N. */
  function drawEscape(c) {
    const eps = [];
    const dims = [];
    for (let k = 0; k < 36; k += 3) eps.push([c[k], c[k + 1], c[k + 2]]);
    for (let k = 36; k + 2 < c.length; k += 3) dims.push([c[k], c[k + 1], c[k + 2]]);
    el.escape.dataset.eps = JSON.stringify(eps);
    el.escape.dataset.dims = JSON.stringify(dims);
    el.escapeNote.textContent = t(state.lang, 'escapeDone', eps[eps.length - 1][1], dims[dims.length - 1][1]);
    const { width, height } = sizeOf(el.escapeChart);
    if (width < 50 || height < 50) return;
    const { ctx } = hiDpiContext(el.escapeChart, { width, height });
    ctx.font = '11px sans-serif';
    const half = (width - 12) / 2;
    const panel = (x0, rows, xLabel, ticks) => {
      const left = x0 + 34;
      const w = half - 40;
      const top = 22;
      const h = height - 46;
      const yMax = Math.max(...rows.flatMap((r) => [r[1], r[2]]).filter(Number.isFinite)) * 1.05;
      const lxs = rows.map((r) => Math.log10(r[0]));
      const [a, b] = [Math.min(...lxs), Math.max(...lxs)];
      const px = (v) => left + ((Math.log10(v) - a) / (b - a)) * w;
      const py = (v) => top + h - (v / yMax) * h;
      ctx.strokeStyle = '#c8c8d0';
      ctx.lineWidth = 1;
      ctx.strokeRect(left, top, w, h);
      ctx.fillStyle = '#55555f';
      ctx.textAlign = 'right';
      ctx.fillText('0', left - 3, top + h);
      ctx.fillText(String(Math.round(yMax)), left - 3, top + 10);
      ctx.textAlign = 'center';
      for (const [v, label] of ticks) ctx.fillText(label, px(v), height - 12);
      ctx.fillText(xLabel, left + w / 2, height - 1);
      return (i, colour, dash) => {
        ctx.strokeStyle = colour;
        ctx.setLineDash(dash);
        ctx.lineWidth = 2;
        ctx.beginPath();
        rows.forEach((r, k) => (k ? ctx.lineTo(px(r[0]), py(r[i])) : ctx.moveTo(px(r[0]), py(r[i]))));
        ctx.stroke();
        ctx.setLineDash([]);
      };
    };
    const byEps = panel(0, eps, 'ε', [[1e-1, '10⁻¹'], [1e-6, '10⁻⁶'], [1e-12, '10⁻¹²']]);
    byEps(2, '#7b1fa2', [5, 4]);
    byEps(1, '#1b6fb3', []);
    const byDim = panel(half + 12, dims, 'N', [[2, '2'], [16, '16'], [256, '256']]);
    byDim(1, '#1b6fb3', []);
    byDim(2, '#2f7d32', [2, 3]);
    ctx.fillStyle = '#1d1b20';
    ctx.textAlign = 'left';
    ctx.fillText(t(state.lang, 'escapeSteps'), 34, 14);
  }

  // ---- what Newton costs ----------------------------------------------------------------------

  const COST_SIZES = 14; // N on a log grid from 2 to the chosen maximum
  const COST_FIT_FROM = 50; // the fits use N ≥ this (below it, fixed costs per step dominate)
  const newtonCost = { id: 0, worker: null, result: null, built: false };

  /** The panel's controls, chart and table (built when the lab loads; texts by data-i18n). */
  function buildNewtonCost() {
    if (newtonCost.built) return;
    newtonCost.built = true;
    const make = (tag, { dataset = {}, ...props } = {}, ...children) => {
      const node = Object.assign(document.createElement(tag), props);
      Object.assign(node.dataset, dataset);
      node.append(...children);
      return node;
    };
    const label = (key) => make('span', { dataset: { i18n: key } });
    el.newtonCostMax = make('select', { id: 'newton-cost-max' }, ...[250, 500, 1000, 2000].map((n) => make('option', { value: String(n), selected: n === 1000 }, String(n))));
    el.newtonCostRun = make('button', { type: 'button', className: 'secondary', dataset: { i18n: 'newtonCostRun' } });
    el.newtonCostChart = make('canvas', { className: 'sweep-chart', role: 'img', dataset: { i18nAria: 'newtonCostTitle' } });
    el.newtonCostNote = make('p', { className: 'note' });
    el.newtonCostNote.setAttribute('aria-live', 'polite');
    el.newtonCostRows = make('tbody');
    const head = make('tr', {}, ...['newtonCostN', 'newtonCostGdCol', 'newtonCostNewtonCol', 'newtonCostRatio', 'newtonCostMemory'].map((k) => make('th', { scope: 'col', dataset: { i18n: k } })));
    el.newtonCost.append(
      make('p', { className: 'note', dataset: { i18n: 'newtonCostText' } }),
      make('div', { className: 'starts-controls' }, make('label', {}, label('newtonCostUpTo'), el.newtonCostMax), el.newtonCostRun),
      el.newtonCostChart,
      el.newtonCostNote,
      make('table', { className: 'readout cost-table' }, make('caption', { className: 'visually-hidden', dataset: { i18n: 'newtonCostTitle' } }), make('thead', {}, head), el.newtonCostRows),
    );
    el.newtonCostRun.addEventListener('click', runNewtonCost);
    env.translate();
  }

  /** Opens the panel: builds it and measures the first time. */
  function openNewtonCost() {
    buildNewtonCost();
    if (!newtonCost.id) runNewtonCost();
  }

  /** Measures on one worker (a newer request stops the older one between sizes). */
  function runNewtonCost() {
    newtonCost.worker ??= basins.idle.pop() ?? basinWorkers()[0];
    newtonCost.id += 1;
    newtonCost.result = null;
    el.newtonCost.dataset.done = '';
    el.newtonCostNote.textContent = t(state.lang, 'newtonCostRunning', 0, COST_SIZES);
    newtonCost.worker.postMessage({ type: 'cost', id: newtonCost.id, max: Number(el.newtonCostMax.value), count: COST_SIZES, seed: 1, fitFrom: COST_FIT_FROM });
  }

  function onNewtonCost(worker, m) {
    if (m.id !== newtonCost.id) return;
    if (m.error) el.newtonCostNote.textContent = `${t(state.lang, 'errorPrefix')} ${m.error}`;
    else {
      newtonCost.result = m;
      showNewtonCost();
    }
    if (m.error || m.done) {
      // The worker goes back to the pool.
      newtonCost.worker = null;
      feed(worker);
    }
  }

  /** A duration in seconds, in the unit that reads best (µs … years). */
  function duration(s) {
    const units = [[1e-9, 'ns'], [1e-6, 'µs'], [1e-3, 'ms'], [1, 's'], [60, 'min'], [3600, 'h'], [86400, state.lang === 'es' ? 'días' : 'days'], [31557600, state.lang === 'es' ? 'años' : 'years']];
    let [scale, unit] = units[0];
    for (const [f, u] of units) if (s >= f) [scale, unit] = [f, u];
    return `${fmt(Number((s / scale).toPrecision(s / scale < 10 ? 2 : 3)))} ${unit}`;
  }

  /** Bytes in decimal units (B … TB). */
  function bytes(b) {
    const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
    let i = 0;
    while (b >= 1000 && i < units.length - 1) {
      b /= 1000;
      i++;
    }
    return `${fmt(Number(b.toPrecision(b < 10 ? 2 : 3)))} ${units[i]}`;
  }

  function showNewtonCost() {
    const m = newtonCost.result;
    if (!m || !el.newtonCostRows) return;
    const { rows, gd, newton, done } = m;
    el.newtonCostRows.replaceChildren(
      ...rows.map(([n, tg, tn, b]) => {
        const tr = document.createElement('tr');
        for (const text of [String(n), duration(tg), duration(tn), `${fmt(Number((tn / tg).toPrecision(2)))}×`, bytes(b)]) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        return tr;
      }),
    );
    const slope = (f) => (Number.isFinite(f[0]) ? f[0].toFixed(2) : '–');
    if (done) {
      const residual = Math.max(...rows.map((r) => r[4]));
      const [nMax, , tMax] = rows[rows.length - 1];
      const far = t(state.lang, 'newtonCostFar', duration(tMax * (1e6 / nMax) ** 3), bytes(8e12));
      el.newtonCostNote.textContent = `${t(state.lang, 'newtonCostSlopes', slope(gd), slope(newton), residual.toExponential(1))} ${far}`;
      el.newtonCost.dataset.slopes = JSON.stringify([gd[0], newton[0]]);
      el.newtonCost.dataset.residual = String(residual);
      el.newtonCost.dataset.done = String(m.id);
    } else {
      el.newtonCostNote.textContent = t(state.lang, 'newtonCostRunning', rows.length, COST_SIZES);
    }
    drawNewtonCost(rows, gd, newton, slope);
  }

  /** Log–log: seconds per step against N, measured (dots and lines) and fitted (dashed). */
  function drawNewtonCost(rows, gd, newton, slope) {
    const { width, height } = sizeOf(el.newtonCostChart);
    if (width < 50 || height < 50) return;
    const { ctx } = hiDpiContext(el.newtonCostChart, { width, height });
    const max = Number(el.newtonCostMax.value);
    const times = rows.flatMap((r) => [r[1], r[2]]).filter((v) => v > 0 && Number.isFinite(v));
    if (!times.length) return;
    const a = Math.floor(Math.log10(Math.min(...times)));
    const b = Math.max(a + 1, Math.ceil(Math.log10(Math.max(...times))));
    const [left, right, top, bottom] = [54, 10, 8, 30];
    const w = width - left - right;
    const h = height - top - bottom;
    const px = (n) => left + ((Math.log10(n) - Math.log10(2)) / (Math.log10(max) - Math.log10(2))) * w;
    const py = (s) => top + h - ((Math.log10(s) - a) / (b - a)) * h;
    ctx.font = '11px sans-serif';
    ctx.strokeStyle = '#e3e3ea';
    ctx.lineWidth = 1;
    ctx.fillStyle = '#55555f';
    ctx.textAlign = 'right';
    const every = Math.ceil((b - a) / 7);
    for (let e = a; e <= b; e++) {
      ctx.beginPath();
      ctx.moveTo(left, py(10 ** e));
      ctx.lineTo(left + w, py(10 ** e));
      ctx.stroke();
      if ((e - a) % every === 0) ctx.fillText(duration(10 ** e), left - 4, py(10 ** e) + 4);
    }
    ctx.textAlign = 'center';
    for (const n of [2, 10, 100, 1000].filter((n) => n <= max)) ctx.fillText(String(n), px(n), height - 16);
    ctx.fillText('N', left + w / 2, height - 3);
    ctx.strokeStyle = '#c8c8d0';
    ctx.strokeRect(left, top, w, h);
    const series = [
      [1, gd, '#1b6fb3', 'newtonCostGd'],
      [2, newton, '#b3261e', 'newtonCostNewton'],
    ];
    series.forEach(([i, fit, colour, key], k) => {
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.lineWidth = 2;
      ctx.beginPath();
      rows.forEach((r, j) => (j ? ctx.lineTo(px(r[0]), py(r[i])) : ctx.moveTo(px(r[0]), py(r[i]))));
      ctx.stroke();
      for (const r of rows) ctx.fillRect(px(r[0]) - 2.5, py(r[i]) - 2.5, 5, 5);
      if (Number.isFinite(fit[0])) {
        ctx.setLineDash([5, 4]);
        ctx.lineWidth = 1.2;
        ctx.beginPath();
        ctx.moveTo(px(COST_FIT_FROM), py(fit[1] * COST_FIT_FROM ** fit[0]));
        ctx.lineTo(px(max), py(fit[1] * max ** fit[0]));
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.textAlign = 'left';
      ctx.fillText(t(state.lang, key, slope(fit)), left + 8, top + 16 + 15 * k);
    });
  }

  // ---- the basin kernel benchmark (bench/basins.mjs) -------------------------------------------

  const kernels = new Map(); // id → resolve
  let kernelId = 0;

  /** Times the basin kernel on one worker (one thread, where the page computes basins):
   *  `{ n, steps, tol, method, eta, critical, runs }` → `{ times, sum }`. */
  function kernel(options) {
    const worker = basins.idle.pop() ?? basinWorkers()[0];
    const id = ++kernelId;
    return new Promise((resolve, reject) => {
      kernels.set(id, (m) => (m.error ? reject(new Error(m.error)) : resolve({ times: m.times, sum: m.sum })));
      worker.postMessage({ type: 'kernel', id, ...options });
    });
  }

  function onKernel(worker, m) {
    kernels.get(m.id)?.(m);
    kernels.delete(m.id);
    feed(worker);
  }

  return {
    kernel,
    openNewtonCost,
    runEscape,
    runStarts,
    drawOverlay,
    maybeBasins,
    maybeSweep,
    measureCost,
    /** Forget what was computed (a new language or size): the next render redraws. */
    reset() {
      basins.key = '';
      sweepKey = '';
      showNewtonCost();
    },
  };
}
