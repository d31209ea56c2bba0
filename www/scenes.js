// The lecture's lessons as scenes: a named starting configuration and a few sentences that say
// what to look at, in English and Spanish. Data only; main.js applies a scene.

/** Each scene: landscape and parameters, start, η (and μ, β), methods on, options, and text. */
export const SCENES = [
  {
    id: 'free',
    preset: 'rosenbrock',
    methods: ['gd', 'newton'],
    title: { en: 'Free exploration', es: 'Exploración libre' },
    text: {
      en: 'Click or drag on the map to start every method there. Change η, switch methods on and off, pick another landscape.',
      es: 'Hacé clic o arrastrá sobre el mapa para arrancar todos los métodos desde ahí. Cambiá η, prendé y apagá métodos, elegí otro paisaje.',
    },
  },
  {
    id: 'regimes',
    preset: 'quadratic1d',
    params: [2],
    start: [3],
    eta: 0.25,
    methods: ['gd'],
    regimes: true,
    title: { en: '1. Four regimes of the learning rate', es: '1. Cuatro regímenes de la tasa de aprendizaje' },
    text: {
      en: 'On E = a·x²/2 each GD step multiplies the error by 1 − ηE″. With η_opt = 1/E″: (a) η < η_opt creeps in, (b) η = η_opt lands in one step, (c) η_opt < η < 2η_opt overshoots and oscillates in, (d) η > 2η_opt flies away. Press (a)–(d) and Play.',
      es: 'En E = a·x²/2 cada paso del MDG multiplica el error por 1 − ηE″. Con η_opt = 1/E″: (a) η < η_opt se acerca despacio, (b) η = η_opt llega en un paso, (c) η_opt < η < 2η_opt se pasa y oscila hasta converger, (d) η > 2η_opt se escapa. Apretá (a)–(d) y Reproducir.',
    },
  },
  {
    id: 'regimes-live',
    preset: 'doublewell',
    start: [1.9],
    eta: 0.3,
    methods: ['gd', 'gd-optimal', 'newton'],
    title: { en: '1b. When E″ changes along the way', es: '1b. Cuando E″ cambia en el camino' },
    text: {
      en: 'On the double well E″ = 3x² − 1 changes at every point, so η_opt = 1/E″ does too: the readout follows GD and names the regime its η is in right now. Near x = 0, E″ < 0 and Newton heads for the maximum.',
      es: 'En el doble pozo E″ = 3x² − 1 cambia en cada punto, y con él η_opt = 1/E″: la lectura sigue al MDG y nombra el régimen en que está su η ahora. Cerca de x = 0, E″ < 0 y Newton va hacia el máximo.',
    },
  },
  {
    id: 'directions',
    preset: 'quadratic2d',
    params: [1, 25, 30],
    start: [-4, 3],
    eta: 0.075,
    methods: ['gd', 'newton', 'momentum'],
    conditioning: true,
    title: { en: '2. Directions are not alike', es: '2. No todas las direcciones son iguales' },
    text: {
      en: 'GD takes the same η in every direction: stable only below 2/λ_max (marked on the η slider), it crawls along the flat axis and zig-zags across the steep one. Raise the condition number κ = λ₂/λ₁ and watch; Newton rescales each direction by its curvature and lands in one step.',
      es: 'El MDG usa el mismo η en todas las direcciones: es estable sólo debajo de 2/λ_max (marcado en la barra de η), se arrastra por el eje plano y zigzaguea por el empinado. Subí el número de condición κ = λ₂/λ₁ y mirá; Newton reescala cada dirección por su curvatura y llega en un paso.',
    },
  },
  {
    id: 'hessian',
    preset: 'himmelblau',
    start: [2.5, -0.5],
    eta: 0.01,
    methods: ['newton'],
    hessian: true,
    title: { en: '3. What the Hessian says', es: '3. Lo que dice el Hessiano' },
    text: {
      en: 'At the current iterate: the Hessian’s eigenvectors (blue for positive curvature, red for negative), the dashed level curves of the local second-order Taylor model, and the point Newton’s step jumps to, its critical point. Step and watch; drag the start around.',
      es: 'En el iterado actual: los autovectores del Hessiano (azul curvatura positiva, rojo negativa), las curvas de nivel punteadas del modelo de Taylor de segundo orden y el punto al que salta el paso de Newton, su punto crítico. Avanzá paso a paso; arrastrá el punto inicial.',
    },
  },
  {
    id: 'local-minima',
    preset: 'ripples',
    start: [3.3, 2.4],
    eta: 0.05,
    methods: ['gd', 'damped-newton', 'momentum', 'adam'],
    title: { en: '4. Trapped in local minima', es: '4. Atrapados en mínimos locales' },
    text: {
      en: 'Nonlinear activations and squared errors make a rugged E with many minima. GD stops in the first one it meets, and where that is depends on the start: click around. The core finds and classifies every critical point (○ minimum, ★ global, ✕ saddle, △ maximum).',
      es: 'Las activaciones no lineales y el error cuadrático hacen un E rugoso con muchos mínimos. El MDG se queda en el primero que encuentra, y cuál es depende del punto inicial: probá varios. El núcleo encuentra y clasifica cada punto crítico (○ mínimo, ★ global, ✕ ensilladura, △ máximo).',
    },
  },
  {
    id: 'himmelblau',
    preset: 'himmelblau',
    start: [0.3, -0.2],
    eta: 0.01,
    methods: ['gd', 'newton', 'damped-newton'],
    title: { en: '4b. Himmelblau: four minima, four saddles, one maximum', es: '4b. Himmelblau: cuatro mínimos, cuatro ensilladuras, un máximo' },
    text: {
      en: 'Starting near the central maximum, plain Newton climbs onto it: a critical point is all it looks for. GD and damped Newton go downhill, each to the minimum whose basin holds the start.',
      es: 'Arrancando cerca del máximo central, Newton puro sube hasta él: sólo busca un punto crítico. El MDG y Newton amortiguado bajan, cada uno al mínimo cuya cuenca contiene el punto inicial.',
    },
  },
  {
    id: 'camel',
    preset: 'camel',
    start: [-1.5, 1.0],
    eta: 0.01,
    methods: ['gd', 'newton', 'adam'],
    title: { en: '4c. Six-hump camel', es: '4c. Camello de seis jorobas' },
    text: {
      en: 'Six minima, two of them global (★). Which one a method finds depends on the start and on the method.',
      es: 'Seis mínimos, dos de ellos globales (★). Cuál encuentra un método depende del punto inicial y del método.',
    },
  },
  {
    id: 'saddles',
    preset: 'saddle',
    start: [1.5, 0.02],
    eta: 0.1,
    methods: ['gd', 'newton', 'saddle-free'],
    title: { en: '5. Saddles', es: '5. Puntos de ensilladura' },
    text: {
      en: 'Near the saddle of x² − y² the gradient is tiny: GD’s steps (see the step column) shrink and it lingers before escaping along y. Newton jumps straight onto the saddle, since its Hessian is not positive definite; saddle-free Newton uses |H| and moves away.',
      es: 'Cerca de la ensilladura de x² − y² el gradiente es chiquito: los pasos del MDG (columna paso) se achican y tarda en escapar por y. Newton salta directo a la ensilladura, porque su Hessiano no es definido positivo; Newton sin ensilladuras usa |H| y se aleja.',
    },
  },
  {
    id: 'monkey',
    preset: 'monkey',
    start: [1.2, 0.35],
    eta: 0.05,
    methods: ['gd', 'newton', 'saddle-free'],
    hessian: true,
    title: { en: '5b. Monkey saddle', es: '5b. Silla de mono' },
    text: {
      en: 'At the origin of x³ − 3xy² the gradient and the whole Hessian vanish: a degenerate critical point (◇). Newton approaches it only linearly, halving its distance each step.',
      es: 'En el origen de x³ − 3xy² se anulan el gradiente y todo el Hessiano: un punto crítico degenerado (◇). Newton se le acerca sólo linealmente, reduciendo la distancia a la mitad en cada paso.',
    },
  },
  {
    id: 'neuron',
    preset: 'neuron',
    params: [1],
    start: [1, 7.5],
    eta: 2,
    methods: ['gd', 'newton', 'adam'],
    title: { en: '6. A real loss: one sigmoid neuron', es: '6. Un error de verdad: una neurona sigmoide' },
    text: {
      en: 'E(w, θ) is the mean squared error of one neuron y = σ(w·x − θ) on the data below. Where w·x − θ is large for every point the sigmoid saturates: E is flat, a plateau, and GD barely moves although E is far from its best (Play from the start near the top). Click the data panel to add or remove points: the landscape follows. Try the bump, which one neuron cannot fit.',
      es: 'E(w, θ) es el error cuadrático medio de una neurona y = σ(w·x − θ) sobre los datos de abajo. Donde w·x − θ es grande para todos los puntos la sigmoide se satura: E es plana, una meseta, y el MDG casi no se mueve aunque E esté lejos de su mejor valor (Reproducir desde el punto de partida, arriba). Hacé clic en el panel de datos para agregar o quitar puntos: el paisaje cambia. Probá la joroba, que una sola neurona no puede ajustar.',
    },
  },
  {
    id: 'tinynet',
    preset: 'tinynet',
    params: [2, 2, 0],
    start: [1, 2],
    eta: 2,
    methods: ['gd', 'newton', 'momentum'],
    title: { en: '7. A tiny network: several minima', es: '7. Una red mínima: varios mínimos' },
    text: {
      en: 'Two hidden sigmoids and one output (7 weights) on the bump. The map is E on the plane of the two input weights a₁, a₂; the other five stay at a seeded initialization (change the seed, or the slice to two random directions normalized layer by layer, as in Li et al. 2018). There are two minima — the hidden units can swap roles — and plateaus where units saturate: where GD ends depends on where it starts. Click other starts.',
      es: 'Dos sigmoides ocultas y una de salida (7 pesos) sobre la joroba. El mapa es E en el plano de los dos pesos de entrada a₁, a₂; los otros cinco quedan en una inicialización con semilla (cambiá la semilla, o el corte a dos direcciones al azar normalizadas capa por capa, como en Li et al. 2018). Hay dos mínimos —las unidades ocultas pueden intercambiar sus papeles— y mesetas donde las unidades se saturan: dónde termina el MDG depende de dónde arranca. Probá otros puntos de partida.',
    },
  },
];

/** The four cases of scene 1, as multiples of η_opt. */
export const REGIME_CASES = [
  ['a', 0.5],
  ['b', 1],
  ['c', 1.5],
  ['d', 2.25],
];
