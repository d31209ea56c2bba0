//! Stochastic gradient descent on seeded mini-batches, with or without heavy-ball momentum: what
//! practitioners run on a network instead of full-batch GD. Each step takes the gradient of the
//! loss on the next `batch` examples of a seeded shuffle of the data (a new shuffle after every
//! pass), `v ← βv − η ∇E_batch`, `w ← w + v`; the state after the step is judged on the whole
//! data set, as every method's is, except that a small gradient of the whole loss does not stop
//! it (SGD never computes that gradient, and a fixed η does not settle on a point: it runs its
//! steps; [`Sgd::begin`] lets it leave a critical point it starts at). With a batch of every
//! example it is gradient descent (β = 0) or momentum, step for step, until that point.

use nalgebra::DVector;

use crate::landscape::{Dyn, Landscape, Vector};
use crate::method::{Criteria, Method, State, Status};
use crate::network::mlp::Sample;
use crate::network::training::Training;
use crate::rng::Rng;

/// SGD on `training`'s data.
#[derive(Debug, Clone)]
pub struct Sgd {
    eta: f64,
    beta: f64,
    batch: usize,
    training: Training,
    rng: Rng,
    order: Vec<usize>,
    next: usize,
    velocity: Option<Vector<Dyn>>,
}

impl Sgd {
    /// SGD with learning rate `eta`, momentum `beta` (0: none) and batches of `batch` examples
    /// (at least 1; every example, in order, when `batch` is at least their number), the
    /// shuffles drawn from `seed`. The caller checks `eta` and `beta`.
    pub fn new(training: Training, eta: f64, beta: f64, batch: usize, seed: u64) -> Self {
        let n = training.data.len();
        Sgd {
            eta,
            beta,
            batch: batch.max(1),
            training,
            rng: Rng::new(seed ^ 0x005E_ED5D),
            order: (0..n).collect(),
            next: n,
            velocity: None,
        }
    }

    /// A run's first state for SGD: one at a critical point (converged by the whole gradient)
    /// still runs.
    pub fn begin(mut state: State<Dyn>) -> State<Dyn> {
        if state.status == Status::Converged {
            state.status = Status::Running;
        }
        state
    }

    /// The next batch's examples: every example in order for a full batch, else the next of the
    /// seeded shuffle (Fisher–Yates, drawn again after every pass).
    fn batch(&mut self) -> Vec<Sample> {
        let n = self.order.len();
        if self.batch >= n {
            return self.training.data.clone();
        }
        (0..self.batch)
            .map(|_| {
                if self.next == n {
                    for i in (1..n).rev() {
                        let j = ((self.rng.uniform() * (i + 1) as f64) as usize).min(i);
                        self.order.swap(i, j);
                    }
                    self.next = 0;
                }
                self.next += 1;
                self.training.data[self.order[self.next - 1]].clone()
            })
            .collect()
    }
}

impl Method<Dyn> for Sgd {
    fn step(&mut self, landscape: &dyn Landscape<Dyn>, state: State<Dyn>, criteria: &Criteria) -> State<Dyn> {
        let state = Sgd::begin(state);
        if state.status != Status::Running {
            return state;
        }
        let batch = self.batch();
        let (_, g) = self.training.net.loss_and_gradient(state.x.as_slice(), &batch);
        let g = DVector::from_vec(g);
        let v = match self.velocity.take() {
            Some(v) if v.len() == g.len() => self.beta * v - self.eta * g,
            _ => -(self.eta * g),
        };
        let next = &state.x + &v;
        self.velocity = Some(v);
        Sgd::begin(state.stepped_to(landscape, next, criteria))
    }
}
