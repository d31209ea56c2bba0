// Every string the page shows, in English and Spanish (the lecture's terms).
// Text is only ever set with textContent or setAttribute, never innerHTML.

const STRINGS = {
  en: {
    tagline: "Gradient descent and Newton's method on a loss landscape. Click the map to start both from that point.",
    language: 'Language',
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
    method: 'Method',
    iter: 'Iter.',
    status: 'Status',
    footer: 'Descenso: a Rust core compiled to WebAssembly computes every number on this page.',
    gd: 'Gradient descent',
    newton: "Newton's method",
    gd_short: 'GD',
    newton_short: 'Newton',
    running: 'running',
    converged: 'converged',
    diverged: 'diverged',
    singular: 'singular Hessian',
    limit: 'step limit',
    minimum: 'minimum',
    saddle: 'saddle point',
    maximum: 'maximum',
    degenerate: 'degenerate point',
    at: 'at a',
    quadratic1d: '1-D quadratic  E = a·x²/2',
    quadratic2d: '2-D quadratic (eigenvalues λ₁, λ₂, angle θ)',
    rosenbrock: 'Rosenbrock valley',
    himmelblau: 'Himmelblau (four minima)',
    saddle_preset: 'Saddle  x² − y²',
    a: 'a (= E″)',
    lambda1: 'λ₁',
    lambda2: 'λ₂',
    theta: 'θ (degrees)',
    etaOpt: 'η_opt = 1/E″',
    bound: '2/λ_max',
    atStart: 'At the start point',
    eigen: 'Hessian eigenvalues',
    noBound: 'λ_max ≤ 0: no learning rate is stable here',
    regime_converges: 'η < η_opt: converges',
    'regime_one-step': 'η = η_opt: one step',
    regime_oscillates: 'η_opt < η < 2η_opt: oscillates and converges',
    regime_bounces: 'η = 2η_opt: bounces for ever',
    regime_diverges: 'η > 2η_opt: diverges',
    'regime_not-convex': 'E″ ≤ 0: no minimum here',
    factor: 'error factor 1 − ηE″',
    chartE: 'E against iteration',
    chartG: 'Gradient norm ‖∇E‖ against iteration',
    badNumber: 'Not a valid number',
    errorPrefix: 'Could not apply that:',
    loadFailed: 'The page could not start its WebAssembly core:',
  },
  es: {
    tagline: 'Descenso por el gradiente y método de Newton sobre un paisaje de error. Hacé clic en el mapa para arrancar ambos desde ese punto.',
    language: 'Idioma',
    stageTitle: 'Paisaje de la función de error',
    plotLabel: 'Paisaje de la función de error con las trayectorias del descenso por el gradiente y del método de Newton. Hacé clic para elegir el punto inicial.',
    dismiss: 'Cerrar',
    controls: 'Controles',
    landscape: 'Paisaje',
    eta: 'Tasa de aprendizaje η',
    etaExact: 'Tasa de aprendizaje η, valor exacto',
    etaLog: 'Tasa de aprendizaje η, escala logarítmica',
    step: 'Paso',
    play: 'Reproducir',
    pause: 'Pausa',
    reset: 'Reiniciar',
    speed: 'Velocidad',
    readout: 'Dónde está cada método',
    method: 'Método',
    iter: 'Iter.',
    status: 'Estado',
    footer: 'Descenso: un núcleo en Rust compilado a WebAssembly calcula cada número de esta página.',
    gd: 'Descenso por el gradiente',
    newton: 'Método de Newton',
    gd_short: 'MDG',
    newton_short: 'Newton',
    running: 'en marcha',
    converged: 'convergió',
    diverged: 'divergió',
    singular: 'Hessiano singular',
    limit: 'límite de pasos',
    minimum: 'mínimo',
    saddle: 'punto de ensilladura',
    maximum: 'máximo',
    degenerate: 'punto degenerado',
    at: 'en un',
    quadratic1d: 'Cuadrática 1-D  E = a·x²/2',
    quadratic2d: 'Cuadrática 2-D (autovalores λ₁, λ₂, ángulo θ)',
    rosenbrock: 'Valle de Rosenbrock',
    himmelblau: 'Himmelblau (cuatro mínimos)',
    saddle_preset: 'Ensilladura  x² − y²',
    a: 'a (= E″)',
    lambda1: 'λ₁',
    lambda2: 'λ₂',
    theta: 'θ (grados)',
    etaOpt: 'η_opt = 1/E″',
    bound: '2/λ_max',
    atStart: 'En el punto inicial',
    eigen: 'autovalores del Hessiano',
    noBound: 'λ_max ≤ 0: ninguna tasa de aprendizaje es estable acá',
    regime_converges: 'η < η_opt: converge',
    'regime_one-step': 'η = η_opt: un solo paso',
    regime_oscillates: 'η_opt < η < 2η_opt: oscila y converge',
    regime_bounces: 'η = 2η_opt: rebota para siempre',
    regime_diverges: 'η > 2η_opt: diverge',
    'regime_not-convex': 'E″ ≤ 0: no hay mínimo acá',
    factor: 'factor del error 1 − ηE″',
    chartE: 'E según la iteración',
    chartG: 'Norma del gradiente ‖∇E‖ según la iteración',
    badNumber: 'No es un número válido',
    errorPrefix: 'No se pudo aplicar:',
    loadFailed: 'La página no pudo iniciar su núcleo WebAssembly:',
  },
};

export const LANGUAGES = Object.keys(STRINGS);

/** The language to start in: the first browser language we have, else English. */
export function preferredLanguage() {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = String(tag).slice(0, 2).toLowerCase();
    if (base in STRINGS) return base;
  }
  return 'en';
}

/** The string `key` in `lang` (falls back to English, then to the key itself). */
export function t(lang, key) {
  return STRINGS[lang]?.[key] ?? STRINGS.en[key] ?? key;
}

/** Fills every element marked with data-i18n / data-i18n-aria in `root`. */
export function translatePage(lang, root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(lang, el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(lang, el.dataset.i18nAria));
}
