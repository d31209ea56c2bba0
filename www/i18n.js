// Every string the page shows, in English and Spanish (the lecture's terms).
// Text is only ever set with textContent or setAttribute, never innerHTML.

const STRINGS = {
  en: {
    tagline: "Gradient descent and Newton's method on a loss landscape. Click the map to start both from that point.",
    language: 'Language',
    present: 'Present',
    presentTitle: 'Large type and lines for a projector (P)',
    stageTitle: 'Loss landscape',
    plotLabel: "Loss landscape with the trajectories of gradient descent and Newton's method. Click to set the start point.",
    dismiss: 'Dismiss',
    controls: 'Controls',
    landscape: 'Landscape',
    eta: 'Learning rate η',
    etaExact: 'Learning rate η, exact value',
    etaLog: 'Learning rate η, logarithmic scale',
    step: 'Step',
    play: 'Play',
    pause: 'Pause',
    reset: 'Reset',
    speed: 'Speed',
    readout: 'Where each method stands',
    pageTitle: "Descenso — gradient descent and Newton's method on loss landscapes",
    method: 'Method',
    iter: 'Iter.',
    status: 'Status',
    footer: 'Descenso: a Rust core compiled to WebAssembly computes every number on this page.',
    gd: 'Gradient descent',
    newton: "Newton's method",
    methods: 'Methods',
    mu: 'Levenberg–Marquardt μ',
    beta: 'Momentum β',
    memory: 'L-BFGS memory m',
    ownRuns: 'Runs of their own',
    ownHelp: 'The same method beside itself at another η, μ, β or m: each run has its own colour, row, line and link (up to four).',
    ownMethod: 'Method',
    ownAdd: 'Add run',
    ownRemove: 'Take this run away',
    'first-order': 'First order',
    'newton-family': 'Newton family',
    'quasi-newton': 'Quasi-Newton (line search)',
    gradEvals: 'Gradient evaluations',
    hessEvals: 'Hessian evaluations',
    solves: 'Linear solves and eigen-decompositions, O(N³) each',
    solvesShort: 'solves',
    'gd-optimal': 'GD, optimal step gᵀg/gᵀHg',
    'damped-newton': 'Damped Newton (Armijo)',
    lm: 'Levenberg–Marquardt',
    'saddle-free': 'Saddle-free Newton',
    momentum: 'Momentum (heavy ball)',
    adam: 'Adam',
    bfgs: 'BFGS',
    lbfgs: 'L-BFGS',
    cg: 'Conjugate gradient (PR+)',
    'gd-optimal_short': 'GD opt.',
    'damped-newton_short': 'Damped N.',
    lm_short: 'LM',
    'saddle-free_short': 'SF Newton',
    momentum_short: 'Momentum',
    adam_short: 'Adam',
    bfgs_short: 'BFGS',
    lbfgs_short: 'L-BFGS',
    cg_short: 'CG',
    gd_short: 'GD',
    newton_short: 'Newton',
    running: 'running',
    converged: 'converged',
    diverged: 'diverged',
    singular: 'singular Hessian',
    undefined: 'left the domain: E undefined here',
    limit: 'step limit',
    minimum: 'minimum',
    saddle: 'saddle point',
    maximum: 'maximum',
    degenerate: 'degenerate point',
    flat: 'a flat region, not a critical point',
    stoppedFlat: 'stopped: ‖∇E‖ vanished, but no critical point is near (a plateau or an asymptote)',
    flatLandscape: 'E is constant in view: every point is critical.',
    curv2_minimum: 'curved up in every direction',
    curv2_saddle: 'curved up along one direction, down along the other',
    curv2_maximum: 'curved down in every direction',
    curv2_degenerate: 'flat along some direction',
    curv1_minimum: 'curved up: E″ > 0',
    curv1_saddle: 'curved up along one direction, down along the other',
    curv1_maximum: 'curved down: E″ < 0',
    curv1_degenerate: 'E″ = 0',
    at: 'at a',
    quadratic1d: '1-D quadratic  E = a·x²/2',
    quadratic2d: '2-D quadratic (λ₁, λ₂, θ)',
    rosenbrock: 'Rosenbrock valley',
    himmelblau: 'Himmelblau (four minima)',
    saddle_preset: 'Saddle  x² − y²',
    doublewell: '1-D double well x⁴/4 − x²/2',
    camel: 'Six-hump camel (six minima)',
    ripples: 'Ripples (many minima)',
    monkey: 'Monkey saddle  x³ − 3xy²',
    startsTitle: 'Random starts',
    escapeTitle: 'Escaping a saddle',
    newtonCostTitle: 'What Newton costs',
    sweepTitle: 'Sensitivity to the learning rate',
    momentumTitle: 'Momentum, analysed',
    stepBack: 'Step back',
    stepBackTitle: 'Back one iteration (B)',
    replay: 'Iteration shown',
    replayValue: (k, n) => (k === n ? `iteration ${k}` : `iteration ${k} of ${n}`),
    showBasins: 'Basins of attraction',
    costTitle: 'The cost of exponentials',
    neuron: 'Sigmoid neuron E(w, θ)',
    tinynet: 'Tiny network 1–2–1 (a slice)',
    set: 'Data set',
    seed: 'Seed',
    slice: 'Slice',
    set_0: 'step',
    set_1: 'noisy',
    set_2: 'bump',
    set_3: 'two points',
    slice_0: 'a₁, a₂',
    slice_1: 'random',
    dataTitle: 'Data: click to add a point, click a point to remove it',
    dataLabel: 'The data set and the model’s output at the current point of gradient descent',
    dataNote: (n) => `${n} points · line: the model’s output at GD’s current weights`,
    typed2d: 'Your function E(x, y)…',
    typed1d: 'Your function E(x)…',
    viewRange: 'View',
    viewX0: 'x from',
    viewX1: 'x to',
    viewY0: 'y from',
    viewY1: 'y to',
    functionHelp: '+ − * / ^, sin cos tan exp log sqrt abs tanh sigmoid relu min max, pi, e; 2x means 2*x.',
    fn_empty: 'Type a function.',
    'fn_too-long': 'Too long: at most 400 characters.',
    'fn_too-deep': 'Nested too deeply.',
    'fn_bad-char': (p) => `“${p.name}” cannot appear in a function.`,
    fn_end: 'The function ends too early: something is missing here.',
    fn_unexpected: (p) => `Unexpected “${p.name}” here.`,
    fn_unclosed: 'This parenthesis is never closed.',
    fn_unknown: (p) => (p.suggestion ? `Unknown name “${p.name}”: did you mean ${p.suggestion}?` : `Unknown name “${p.name}”.`),
    fn_variable: (p) => `${p.name} is not a variable here: this function has only x.`,
    'fn_needs-args': (p) => `${p.name} needs its argument in parentheses: ${p.name}(…)`,
    fn_arity: (p) => `${p.name} takes ${p.expected} argument${p.expected === 1 ? '' : 's'}, not ${p.got}.`,
    'fn_bad-number': 'This is not a number.',
    fn_kept: 'The last valid function stays drawn.',
    a: 'a (= E″)',
    lambda1: 'λ₁',
    lambda2: 'λ₂',
    theta: 'θ (degrees)',
    etaOpt: 'ηₒₚₜ = 1/E″',
    bound: '2/⁠λₘₐₓ',
    atStart: 'At the start point',
    eigen: 'Hessian eigenvalues',
    noBound: 'λₘₐₓ ≤ 0: no learning rate is stable here',
    regime_converges: 'η < ηₒₚₜ: converges',
    'regime_one-step': 'η = ηₒₚₜ: one step',
    regime_oscillates: 'ηₒₚₜ < η < 2ηₒₚₜ: oscillates and converges',
    regime_bounces: 'η = 2ηₒₚₜ: bounces for ever',
    regime_diverges: 'η > 2ηₒₚₜ: diverges',
    'regime_not-convex': 'E″ ≤ 0: no minimum here',
    factor: 'error factor 1 − ηE″',
    chartE: 'E against iteration',
    chartG: 'Gradient norm ‖∇E‖ against iteration',
    keys: 'Keys: Space play/pause · S step · B step back · R reset · on the focused map: arrows move the start (Shift: more), + − zoom, 0 fits, Alt+arrows pan · Ctrl+wheel or pinch zooms, Shift+drag pans · P presenter mode.',
    viewTools: 'View',
    runTools: 'Run',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomFit: 'Fit',
    view3dTitle: 'The landscape in 3-D, beside the map (its panel: The landscape in 3-D)',
    copyLink: 'Copy link',
    export: 'Export',
    exportPng: 'The landscape with the trajectories, as a PNG image',
    exportSvg: 'Both charts, as an SVG drawing',
    exportCsv: 'Every trajectory (method, iteration, x, y, E, ‖∇E‖), as CSV',
    exported: (name) => `Saved ${name}.`,
    embed: 'Embed',
    embedHelp: 'Paste this into your course page (the link inside keeps this configuration):',
    embedTitle: 'Descenso: gradient descent and Newton’s method',
    linkCopied: 'Link copied: it opens this exact configuration.',
    linkShown: 'Copy this link:',
    linkIgnored: 'Parts of the link were not valid and were ignored:',
    linkReason: (r) => r,
    scene: 'Scene',
    showHessian: 'Hessian and Taylor model',
    stepLen: 'Step',
    kappa: 'Condition number κ = λ₂/λ₁',
    rotation: 'Rotation θ',
    regimeButton: (c) => `(${c})`,
    scenePanel: 'Show the panel ↓',
    etaRatio: (r) => `η = ${r} ηₒₚₜ`,
    atIterate: (m, t) => `At the current iterate of ${m} (t = ${t})`,
    headingSaddle: 'H indefinite: the step aims at the saddle of the quadratic model',
    headingMaximum: 'H negative definite: the step aims at the maximum of the quadratic model',
    newtonTarget: 'Newton target',
    showCritical: 'Critical points',
    colourScale: 'Colours',
    exportStart: 'start',
    scaleAuto: (used) => `auto (${used})`,
    scale_linear: 'linear',
    scale_log: 'log',
    scale_rank: 'rank',
    criticalSummary: (n, min, sad, max, deg) => `${n} critical point${n === 1 ? '' : 's'} in view: ${min} minim${min === 1 ? 'um' : 'a'} (○, ★ global), ${sad} saddle${sad === 1 ? '' : 's'} (✕), ${max} maxim${max === 1 ? 'um' : 'a'} (△)${deg ? `, ${deg} degenerate (◇)` : ''}.`,
    badNumber: 'Not a valid number',
    notANumber: 'Not a number: nothing was applied.',
    'err_bad-view': 'The view must lie within ±10⁶, with min < max.',
    'err_memory': 'L-BFGS’s memory m is a whole number of steps from 1 to 50: that value was not applied.',
    'err_typed-in-lab': 'Typed functions need the lab’s part of the page, which did not load: try again.',
    'err_own-run': 'A run of its own is of GD, GD with optimal step, momentum, Adam, Levenberg–Marquardt or L-BFGS, and there are at most four: none was added.',
    'err_bad-parameter': (e) => `${symbol(e.name)} must be ${e.min > 0 && e.min < 1e-300 ? 'greater than 0' : `at least ${fmt(e.min)}`} and at most ${fmt(e.max)}: ${fmt(e.value)} was not applied.`,
    errorPrefix: 'Could not apply that:',
    loadFailed: 'The page could not start its WebAssembly core:',
  },
};

/** The languages the page speaks; Spanish strings load on demand (www/i18n-es.js). */
export const LANGUAGES = ['en', 'es'];

const loaded = new Set(['en']);

/** Loads the strings of `lang` if they are not loaded yet (English always is). */
export async function loadLanguage(lang) {
  if (lang !== 'es' || loaded.has(lang)) return;
  const { ES } = await import('./i18n-es.js');
  STRINGS.es = { ...ES, ...STRINGS.es };
  loaded.add(lang);
}

/** Adds strings to `lang` (a module loaded on demand brings its own). */
export function addStrings(lang, entries) {
  STRINGS[lang] = { ...STRINGS[lang], ...entries };
}

/** The language to start in: the first browser language we have, else English. */
export function preferredLanguage() {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = String(tag).slice(0, 2).toLowerCase();
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

/** A number for reading: five significant digits, exponents at the ends, true minus signs, and
 *  the decimal comma of the language shown. */
export function fmt(v) {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  const text =
    a !== 0 && (a >= 1e5 || a < 1e-3) ? v.toExponential(2).replace(/\.?0+e/, 'e').replace('+', '').replaceAll('-', '−') : String(+v.toPrecision(5)).replace('-', '−');
  return shown === 'es' ? text.replace('.', ',') : text;
}

/** A parameter's name as the page writes it: η, μ, β for the methods' own; others by their
 *  words `name_…` in the language shown (the lab's network fields), else as the core names it. */
export const symbol = (name) => ({ eta: 'η', mu: 'μ', beta: 'β' })[name] ?? STRINGS[shown]?.[`name_${name}`] ?? name;

let shown = 'en'; // the language the page is shown in (its numbers follow it: 2,5 in Spanish)

/** The string `key` in `lang` (falls back to English, then to the key itself). Keys whose
 *  entry is a function take arguments: `t(lang, key, ...args)`. */
export function t(lang, key, ...args) {
  const entry = STRINGS[lang]?.[key] ?? STRINGS.en[key] ?? key;
  return typeof entry === 'function' ? entry(...args) : entry;
}

/** Fills every element marked with data-i18n / data-i18n-aria in `root`. */
export function translatePage(lang, root = document) {
  document.documentElement.lang = lang;
  shown = lang;
  document.title = t(lang, 'pageTitle');
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(lang, el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(lang, el.dataset.i18nAria));
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(lang, el.dataset.i18nTitle);
}
