//! The methods the page offers, by identifier, and the hyperparameters they share.

use crate::error::{check_param, Error};
use crate::method::adam::Adam;
use crate::method::damped_newton::DampedNewton;
use crate::method::gradient_descent::GradientDescent;
use crate::method::levenberg_marquardt::LevenbergMarquardt;
use crate::method::momentum::Momentum;
use crate::method::newton::Newton;
use crate::method::optimal_step::OptimalStep;
use crate::method::saddle_free_newton::SaddleFreeNewton;
use crate::method::Method;

/// Identifiers of every method, in the order the page lists them.
pub const METHOD_IDS: [&str; 8] = [
    "gd",
    "gd-optimal",
    "newton",
    "damped-newton",
    "lm",
    "saddle-free",
    "momentum",
    "adam",
];

/// Hyperparameters shared by the methods: `η` (gradient descent, its fallback in the optimal-step
/// variant, momentum, Adam), `μ` (Levenberg–Marquardt) and `β` (momentum).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hyper {
    /// Learning rate `η`.
    pub eta: f64,
    /// Levenberg–Marquardt damping `μ`.
    pub mu: f64,
    /// Momentum coefficient `β`.
    pub beta: f64,
}

impl Default for Hyper {
    fn default() -> Self {
        Hyper {
            eta: 0.01,
            mu: 1.0,
            beta: 0.9,
        }
    }
}

impl Hyper {
    /// Checks every value (the same checks the methods' constructors make).
    pub fn validate(&self) -> Result<(), Error> {
        GradientDescent::new(self.eta)?;
        LevenbergMarquardt::new(self.mu)?;
        check_param("beta", self.beta, 0.0, 0.999_999)?;
        Ok(())
    }
}

/// The method with identifier `id`, fresh (no momentum or moments yet), built with `hyper`.
pub fn build<const N: usize>(id: &str, hyper: &Hyper) -> Result<Box<dyn Method<N>>, Error> {
    Ok(match id {
        "gd" => Box::new(GradientDescent::new(hyper.eta)?),
        "gd-optimal" => Box::new(OptimalStep::new(hyper.eta)?),
        "newton" => Box::new(Newton),
        "damped-newton" => Box::new(DampedNewton),
        "lm" => Box::new(LevenbergMarquardt::new(hyper.mu)?),
        "saddle-free" => Box::new(SaddleFreeNewton),
        "momentum" => Box::new(Momentum::<N>::new(hyper.eta, hyper.beta)?),
        "adam" => Box::new(Adam::<N>::new(hyper.eta)?),
        other => return Err(Error::UnknownMethod(other.to_owned())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_builds_and_bad_ones_do_not() {
        for id in METHOD_IDS {
            assert!(build::<2>(id, &Hyper::default()).is_ok(), "{id}");
            assert!(build::<1>(id, &Hyper::default()).is_ok(), "{id}");
        }
        assert_eq!(
            build::<2>("sgd", &Hyper::default()).err(),
            Some(Error::UnknownMethod("sgd".into()))
        );
        let bad = Hyper {
            mu: -1.0,
            ..Hyper::default()
        };
        assert!(bad.validate().is_err());
        assert!(build::<2>("lm", &bad).is_err());
        assert!(Hyper {
            beta: 1.0,
            ..Hyper::default()
        }
        .validate()
        .is_err());
        assert!(Hyper {
            eta: f64::NAN,
            ..Hyper::default()
        }
        .validate()
        .is_err());
    }
}
