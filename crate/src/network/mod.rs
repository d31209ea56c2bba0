//! A real network, all of its weights: a multilayer perceptron on the input plane (`mlp`), its
//! exact gradient, Hessian and Gauss–Newton matrix, and the data sets it learns (`data`). The
//! lecture's claims (local minima from nonlinear activations, saddles that multiply with the
//! number of weights, Newton's N² memory and N³ time) are about such a loss, in N dimensions;
//! the landscapes of [`crate::landscape`] are its 2-D cases.

pub mod data;
pub mod mlp;
pub mod sgd;
#[cfg(test)]
mod tests;
pub mod training;
