// The scenes' texts in English (www/scenes.js has their links and titles): data, loaded the first
// time a scene other than the first is shown, so the first page load stays small.

/** Each scene's text, by its id. */
export const SCENE_TEXTS = {
  regimes:
    'Each GD step multiplies the error by 1 − ηE″ (ηₒₚₜ = 1/E″). The four runs at once: (a) η = 0.25 ηₒₚₜ creeps in, (b) η = ηₒₚₜ lands in one step, (c) η = 1.5 ηₒₚₜ overshoots and oscillates in, (d) η = 2.25 ηₒₚₜ flies away. Press Play; (a)–(d) put the first run in each case.',
  'regimes-live':
    'On the double well E″ = 3x² − 1 changes at every point, so ηₒₚₜ = 1/E″ does too: the analysis under the controls follows GD and names the regime its η is in right now. Near x = 0, E″ < 0 and Newton heads for the maximum.',
  directions:
    'GD takes the same η in every direction: stable only below 2/⁠λₘₐₓ (marked on the η slider), it crawls along the flat axis and zig-zags across the steep one. Raise the condition number κ = λ₂/λ₁ and watch; Newton rescales each direction by its curvature and lands in one step.',
  hessian:
    'At the current iterate: the Hessian’s eigenvectors (blue for positive curvature, red for negative), the yellow level curves of the local second-order Taylor model, and the point Newton’s step jumps to, its critical point. Step and watch; drag the start around.',
  'local-minima':
    'Nonlinear activations and squared errors make a rugged E with many minima. GD stops in the first one it meets, and where that is depends on the start: click around. The core finds and classifies every critical point (○ minimum, ★ global, ✕ saddle, △ maximum).',
  himmelblau:
    'Starting near the central maximum, plain Newton climbs onto it: a critical point is all it looks for. GD and damped Newton go downhill, each to the minimum whose basin holds the start. Tick “Basins of attraction”: GD splits the plane into four clean basins, while Newton’s basins have fractal boundaries, where a tiny move of the start changes which critical point it finds.',
  camel:
    'Six minima, two of them global (★). Which one a method finds depends on the start and on the method.',
  saddles:
    'Near the saddle of x² − y² the gradient is tiny (‖∇E‖ in the table): GD’s steps, η‖∇E‖, shrink and it lingers before escaping along y. Newton jumps straight onto the saddle, since its Hessian is not positive definite; saddle-free Newton uses |H| and moves away.',
  monkey:
    'At the origin of x³ − 3xy² the gradient and the whole Hessian vanish: a degenerate critical point (◇). Newton approaches it only linearly, halving its distance each step.',
  neuron:
    'E(w, θ) is the mean squared error of one neuron y = σ(w·x − θ) on the data below. Where w·x − θ is large for every point the sigmoid saturates: E is flat, a plateau, and GD crawls for some 40 steps although E is far from its best, then slides off (Play from the start near the top). Click the data panel to add or remove points: the landscape follows. Try the bump, which one neuron cannot fit.',
  tinynet:
    'Two hidden sigmoids and one output (7 weights) on the bump. The map is E on the plane of the two input weights a₁, a₂; the other five stay at a seeded initialization (or the slice runs along two random directions, as in Li et al. 2018). With this seed there are two minima — the hidden units can swap roles — and plateaus where units saturate; other seeds give other critical points (counted under the map). Where GD ends depends on where it starts.',
  network:
    'The network panel (under the controls) trains a real network on all its 13 weights: 2 inputs, 3 tanh units and a sigmoid output learn XOR from small weights. Near W = 0 the network answers ½ everywhere and E = ¼: a saddle. Damped Newton converges to it (the spectrum shows 3 negative eigenvalues); Newton stops beside it where its Hessian turns singular; GD and momentum go down past it. Change the start’s scale or the seed, add hidden units (N grows), or pick another data set. The map is the tiny network of scene 7.',
  sgd: "In the network panel (under the controls) every run starts where damped Newton converged in scene 8: the saddle at E = ¼, where ‖∇E‖ < 10⁻⁸ and 3 of the 13 eigenvalues of H are negative. Full-batch GD stops at once: its step −η∇E is nothing. SGD takes each step's gradient on 4 of the 40 points: that gradient is not zero, its noise has a share along the directions that lead down, and E falls below ¼. Set the batch to 40 and SGD is GD again: it stays. Try a batch of 8, or SGD with momentum.",
};
