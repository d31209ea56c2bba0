// The lecture's lessons as scenes: a named starting configuration and a few sentences that say
// what to look at (English here; the Spanish is in i18n-es.js, keys scene_<id>_title and
// scene_<id>_text, loaded on demand). Data only: each scene's configuration is a share link the
// core applies in one step (a missing field takes the landscape's default).

/** Each scene: its configuration as a share link (landscape, parameters, start, η, methods,
 *  panels), the controls it adds, and its text. */
export const SCENES = [
  {
    id: 'free',
    link: 'l=rosenbrock&m=gd,newton',
    title: { en: 'Free exploration' },
    text: {
      en: 'Click or drag on the map to start every method there. Change η, switch methods on and off, pick another landscape.',
    },
  },
  {
    id: 'regimes',
    link: 'l=quadratic1d&p=2&s=3&eta=0.125&m=gd&r=gd_eta0.5,gd_eta0.75,gd_eta1.125',
    regimes: true,
    title: { en: '1. Four regimes of η' },
    text: {
      en: 'Each GD step multiplies the error by 1 − ηE″ (ηₒₚₜ = 1/E″). The four runs at once: (a) η = 0.25 ηₒₚₜ creeps in, (b) η = ηₒₚₜ lands in one step, (c) η = 1.5 ηₒₚₜ overshoots and oscillates in, (d) η = 2.25 ηₒₚₜ flies away. Press Play; (a)–(d) put the first run in each case.',
    },
  },
  {
    id: 'regimes-live',
    link: 'l=doublewell&s=1.9&eta=0.3&m=gd,gd-optimal,newton',
    title: { en: '1b. When E″ changes along the way' },
    text: {
      en: 'On the double well E″ = 3x² − 1 changes at every point, so ηₒₚₜ = 1/E″ does too: the analysis under the controls follows GD and names the regime its η is in right now. Near x = 0, E″ < 0 and Newton heads for the maximum.',
    },
  },
  {
    id: 'directions',
    link: 'l=quadratic2d&p=1,25,30&s=-4,3&eta=0.075&m=gd,newton,momentum',
    conditioning: true,
    title: { en: '2. Directions are not alike' },
    text: {
      en: 'GD takes the same η in every direction: stable only below 2/⁠λₘₐₓ (marked on the η slider), it crawls along the flat axis and zig-zags across the steep one. Raise the condition number κ = λ₂/λ₁ and watch; Newton rescales each direction by its curvature and lands in one step.',
    },
  },
  {
    id: 'hessian',
    link: 'l=himmelblau&s=2.5,-0.5&eta=0.01&m=newton&hess=1',
    title: { en: '3. What the Hessian says' },
    text: {
      en: 'At the current iterate: the Hessian’s eigenvectors (blue for positive curvature, red for negative), the yellow level curves of the local second-order Taylor model, and the point Newton’s step jumps to, its critical point. Step and watch; drag the start around.',
    },
  },
  {
    id: 'local-minima',
    link: 'l=ripples&s=3.3,2.4&eta=0.05&m=gd,damped-newton,momentum,adam',
    title: { en: '4. Trapped in local minima' },
    text: {
      en: 'Nonlinear activations and squared errors make a rugged E with many minima. GD stops in the first one it meets, and where that is depends on the start: click around. The core finds and classifies every critical point (○ minimum, ★ global, ✕ saddle, △ maximum).',
    },
  },
  {
    id: 'himmelblau',
    link: 'l=himmelblau&s=0.3,-0.2&eta=0.01&m=gd,newton,damped-newton',
    title: { en: '4b. Himmelblau: 4 minima, 4 saddles' },
    text: {
      en: 'Starting near the central maximum, plain Newton climbs onto it: a critical point is all it looks for. GD and damped Newton go downhill, each to the minimum whose basin holds the start. Tick “Basins of attraction”: GD splits the plane into four clean basins, while Newton’s basins have fractal boundaries, where a tiny move of the start changes which critical point it finds.',
    },
  },
  {
    id: 'camel',
    link: 'l=camel&s=-1.5,1&eta=0.01&m=gd,newton,adam',
    title: { en: '4c. Six-hump camel' },
    text: {
      en: 'Six minima, two of them global (★). Which one a method finds depends on the start and on the method.',
    },
  },
  {
    id: 'saddles',
    link: 'l=saddle&s=1.5,0.02&eta=0.1&m=gd,newton,saddle-free',
    title: { en: '5. Saddles' },
    text: {
      en: 'Near the saddle of x² − y² the gradient is tiny (‖∇E‖ in the table): GD’s steps, η‖∇E‖, shrink and it lingers before escaping along y. Newton jumps straight onto the saddle, since its Hessian is not positive definite; saddle-free Newton uses |H| and moves away.',
    },
  },
  {
    id: 'monkey',
    link: 'l=monkey&s=1.2,0.35&eta=0.05&m=gd,newton,saddle-free&hess=1',
    title: { en: '5b. Monkey saddle' },
    text: {
      en: 'At the origin of x³ − 3xy² the gradient and the whole Hessian vanish: a degenerate critical point (◇). Newton approaches it only linearly, halving its distance each step.',
    },
  },
  {
    id: 'neuron',
    link: 'l=neuron&p=1&view=-8.75,8.75,-8,9.5&s=1,7.5&eta=2&m=gd,newton,adam',
    title: { en: '6. One sigmoid neuron' },
    text: {
      en: 'E(w, θ) is the mean squared error of one neuron y = σ(w·x − θ) on the data below. Where w·x − θ is large for every point the sigmoid saturates: E is flat, a plateau, and GD crawls for some 40 steps although E is far from its best, then slides off (Play from the start near the top). Click the data panel to add or remove points: the landscape follows. Try the bump, which one neuron cannot fit.',
    },
  },
  {
    id: 'tinynet',
    link: 'l=tinynet&p=2,2,0&s=1,2&eta=2&m=gd,newton,momentum',
    title: { en: '7. A tiny network: several minima' },
    text: {
      en: 'Two hidden sigmoids and one output (7 weights) on the bump. The map is E on the plane of the two input weights a₁, a₂; the other five stay at a seeded initialization (or the slice runs along two random directions, as in Li et al. 2018). With this seed there are two minima — the hidden units can swap roles — and plateaus where units saturate; other seeds give other critical points (counted under the map). Where GD ends depends on where it starts.',
    },
  },
];

/** The four cases of scene 1, as multiples of ηₒₚₜ. */
export const REGIME_CASES = [
  ['a', 0.25],
  ['b', 1],
  ['c', 1.5],
  ['d', 2.25],
];
