//! What the mathematics says about a landscape: the second-order picture at a point
//! ([`hessian`]: eigenvalues, the kind of point, `2/λ_max`, `η_opt`, the 1-D regime, the Taylor
//! model) and the critical points in a box ([`critical`]).

pub mod critical;
pub mod hessian;
