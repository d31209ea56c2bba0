// The lecture's lessons as scenes: a named starting configuration and a few sentences that say
// what to look at (the titles and the first scene's text in English here, the other texts in
// scenes-text.js, loaded when a scene is first shown; the Spanish is in i18n-es.js, keys
// scene_<id>_title and scene_<id>_text, loaded on demand). Data only: each scene's configuration is a share link the
// core applies in one step (a missing field takes the landscape's default).

/** Each scene: its configuration as a share link (landscape, parameters, start, η, methods,
 *  panels), the controls it adds (`panel`: a button that brings the lab panel it is about into
 *  view), and its text. */
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
  },
  {
    id: 'regimes-live',
    link: 'l=doublewell&s=1.9&eta=0.3&m=gd,gd-optimal,newton',
    title: { en: '1b. When E″ changes along the way' },
  },
  {
    id: 'directions',
    link: 'l=quadratic2d&p=1,25,30&s=-4,3&eta=0.075&m=gd,newton,momentum',
    conditioning: true,
    title: { en: '2. Directions are not alike' },
  },
  {
    id: 'hessian',
    link: 'l=himmelblau&s=2.5,-0.5&eta=0.01&m=newton&hess=1',
    title: { en: '3. What the Hessian says' },
  },
  {
    id: 'local-minima',
    link: 'l=ripples&s=3.3,2.4&eta=0.05&m=gd,damped-newton,momentum,adam',
    title: { en: '4. Trapped in local minima' },
  },
  {
    id: 'himmelblau',
    link: 'l=himmelblau&s=0.3,-0.2&eta=0.01&m=gd,newton,damped-newton',
    title: { en: '4b. Himmelblau: 4 minima, 4 saddles' },
  },
  {
    id: 'camel',
    link: 'l=camel&s=-1.5,1&eta=0.01&m=gd,newton,adam',
    title: { en: '4c. Six-hump camel' },
  },
  {
    id: 'saddles',
    link: 'l=saddle&s=1.5,0.02&eta=0.1&m=gd,newton,saddle-free',
    title: { en: '5. Saddles' },
  },
  {
    id: 'monkey',
    link: 'l=monkey&s=1.2,0.35&eta=0.05&m=gd,newton,saddle-free&hess=1',
    title: { en: '5b. Monkey saddle' },
  },
  {
    id: 'neuron',
    link: 'l=neuron&p=1&view=-8.75,8.75,-8,9.5&s=1,7.5&eta=2&m=gd,newton,adam',
    title: { en: '6. One sigmoid neuron' },
  },
  {
    id: 'tinynet',
    link: 'l=tinynet&p=2,2,0&s=1,2&eta=2&m=gd,newton,momentum',
    title: { en: '7. A tiny network: several minima' },
  },
  {
    id: 'network',
    link: 'l=tinynet&p=2,2,0&s=1,2&eta=2&m=gd,newton&open=network&net=xor_h3_tanh_mse_scale0.05_seed1_steps1000_eta0.5_m.gd.newton.damped-newton.momentum_show.damped-newton',
    panel: 'network',
    title: { en: '8. A real network: the saddle at W = 0' },
  },
  {
    id: 'sgd',
    link: 'l=tinynet&p=2,2,0&s=1,2&eta=2&m=gd,newton&open=network&net=xor_h3_tanh_mse_scale0.05_seed1_steps300_eta0.5_batch4_from.damped-newton_m.gd.sgd_show.sgd',
    panel: 'network',
    title: { en: '9. SGD leaves the saddle GD sits on' },
  },
];

/** The four cases of scene 1, as multiples of ηₒₚₜ. */
export const REGIME_CASES = [
  ['a', 0.25],
  ['b', 1],
  ['c', 1.5],
  ['d', 2.25],
];
