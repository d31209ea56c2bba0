//! The methods the page offers, by identifier, and the hyperparameters they share.

use crate::error::{check_param, Error, Why};
use crate::landscape::{Allocator, DefaultAllocator, Dim};
use crate::method::adam::Adam;
use crate::method::bfgs::Bfgs;
use crate::method::conjugate_gradient::ConjugateGradient;
use crate::method::damped_newton::DampedNewton;
use crate::method::gradient_descent::GradientDescent;
use crate::method::lbfgs::{self, Lbfgs, Scaling};
use crate::method::levenberg_marquardt::LevenbergMarquardt;
use crate::method::line_search::Wolfe;
use crate::method::momentum::Momentum;
use crate::method::newton::Newton;
use crate::method::optimal_step::OptimalStep;
use crate::method::saddle_free_newton::SaddleFreeNewton;
use crate::method::Method;

/// Identifiers of every method, in the order the page lists them.
pub const METHOD_IDS: [&str; 11] = [
    "gd",
    "gd-optimal",
    "newton",
    "damped-newton",
    "lm",
    "saddle-free",
    "momentum",
    "adam",
    "bfgs",
    "lbfgs",
    "cg",
];

/// The families the page groups the methods' toggles by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// The gradient alone, a step of fixed or adapted length (`η`).
    FirstOrder,
    /// A Hessian evaluated and solved (or decomposed) at every step.
    Newton,
    /// Gradients only, with a line search: the Hessian (or its effect) learned from them.
    QuasiNewton,
}

impl Family {
    /// Every family, in the order the page shows them.
    pub const ALL: [Family; 3] = [Family::FirstOrder, Family::Newton, Family::QuasiNewton];

    /// The family's name in the page's strings.
    pub fn name(self) -> &'static str {
        match self {
            Family::FirstOrder => "first-order",
            Family::Newton => "newton-family",
            Family::QuasiNewton => "quasi-newton",
        }
    }

    /// The family of method `id` (`None` for an unknown id).
    pub fn of(id: &str) -> Option<Family> {
        METHOD_IDS.iter().position(|m| *m == id).map(|i| METHOD_FAMILIES[i])
    }
}

/// The family of each method, in the order of [`METHOD_IDS`].
pub const METHOD_FAMILIES: [Family; 11] = {
    use Family::{FirstOrder as F, Newton as N, QuasiNewton as Q};
    [F, F, N, N, N, N, F, F, Q, Q, Q]
};

/// Hyperparameters shared by the methods: `η` (gradient descent, its fallback in the optimal-step
/// variant, momentum, Adam), `μ` (Levenberg–Marquardt), `β` (momentum) and L-BFGS's memory `m`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hyper {
    /// Learning rate `η`.
    pub eta: f64,
    /// Levenberg–Marquardt damping `μ`.
    pub mu: f64,
    /// Momentum coefficient `β`.
    pub beta: f64,
    /// The pairs L-BFGS remembers, `m` (1 to 50).
    pub memory: usize,
}

impl Default for Hyper {
    fn default() -> Self {
        Hyper {
            eta: 0.01,
            mu: 1.0,
            beta: 0.9,
            memory: 5,
        }
    }
}

impl Hyper {
    /// Checks every value (the same checks the methods' constructors make).
    pub fn validate(&self) -> Result<(), Error> {
        GradientDescent::new(self.eta)?;
        LevenbergMarquardt::new(self.mu)?;
        check_param("beta", self.beta, 0.0, 0.999_999)?;
        lbfgs::memory(self.memory as f64)?;
        Ok(())
    }
}

/// The hyperparameters by the names links give them, in the order [`Hyper::get`] indexes them.
pub const HYPER_KEYS: [&str; 4] = ["eta", "mu", "beta", "mem"];

/// Which of [`HYPER_KEYS`] method `id` reads (none for a method without hyperparameters).
pub fn reads(id: &str) -> [bool; 4] {
    match id {
        "gd" | "gd-optimal" | "adam" => [true, false, false, false],
        "momentum" => [true, false, true, false],
        "lm" => [false, true, false, false],
        "lbfgs" => [false, false, false, true],
        _ => [false; 4],
    }
}

impl Hyper {
    /// Hyperparameter `k` of [`HYPER_KEYS`] (NaN past the end).
    pub fn get(&self, k: usize) -> f64 {
        [self.eta, self.mu, self.beta, self.memory as f64]
            .get(k)
            .copied()
            .unwrap_or(f64::NAN)
    }

    /// Sets hyperparameter `k` of [`HYPER_KEYS`] (a memory that is not a whole number from 1
    /// to 50 becomes 0, which [`Hyper::validate`] refuses; `k` past the end changes nothing).
    pub fn set(&mut self, k: usize, value: f64) {
        match k {
            0 => self.eta = value,
            1 => self.mu = value,
            2 => self.beta = value,
            3 => self.memory = lbfgs::memory(value).unwrap_or(0),
            _ => {}
        }
    }
}

/// Most runs of their own beside the methods' runs (the lecture's Fig. 8 has four runs).
pub const MAX_OWN_RUNS: usize = 4;

/// A run of its own: one method with hyperparameters of its own, beside the methods' runs (the
/// same method at two learning rates, side by side). The hyperparameters its method does not
/// read are the defaults, so two runs that step alike are equal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OwnRun {
    /// The method's identifier (of [`METHOD_IDS`]).
    pub method: &'static str,
    /// Its hyperparameters.
    pub hyper: Hyper,
}

impl OwnRun {
    /// Method `id` with what it reads of `hyper`: an error for an unknown method, one without
    /// hyperparameters (it would step as the method's own run does) or a bad value.
    pub fn new(id: &str, hyper: &Hyper) -> Result<OwnRun, Error> {
        let method = *METHOD_IDS
            .iter()
            .find(|m| **m == id)
            .ok_or_else(|| Error::UnknownMethod(id.to_owned()))?;
        let read = reads(method);
        if !read.contains(&true) {
            return Err(Error::OutOfRange(Why::OwnRun));
        }
        let mut own = Hyper::default();
        for (k, _) in read.iter().enumerate().filter(|(_, r)| **r) {
            own.set(k, hyper.get(k));
        }
        own.validate()?;
        Ok(OwnRun { method, hyper: own })
    }

    /// The run as a link and the CSV name it: the method and what it reads, `_` between
    /// (`gd_eta0.5`, `momentum_eta0.01_beta0.5`), numbers written by `format`.
    pub fn token(&self, format: impl Fn(f64) -> String) -> String {
        let mut out = self.method.to_owned();
        for (k, key) in HYPER_KEYS.iter().enumerate().filter(|(k, _)| reads(self.method)[*k]) {
            out.push('_');
            out.push_str(key);
            out.push_str(&format(self.hyper.get(k)));
        }
        out
    }

    /// Reads [`OwnRun::token`]'s form, numbers read by `parse`; `None` if it is not a run.
    pub fn parse(text: &str, parse: impl Fn(&str) -> Option<f64>) -> Option<OwnRun> {
        let mut parts = text.split('_');
        let method = parts.next()?;
        let mut hyper = Hyper::default();
        let mut given = [false; 4];
        for part in parts {
            let (k, value) = HYPER_KEYS
                .iter()
                .enumerate()
                .find_map(|(k, key)| Some((k, part.strip_prefix(key)?)))?;
            if given[k] {
                return None;
            }
            hyper.set(k, parse(value)?);
            given[k] = true;
        }
        // (What the method reads, each once: the form `token` writes.)
        (given == reads(method)).then_some(())?;
        OwnRun::new(method, &hyper).ok()
    }
}

/// The method with identifier `id`, fresh (no momentum or moments yet), built with `hyper`.
pub fn build<D: Dim>(id: &str, hyper: &Hyper) -> Result<Box<dyn Method<D>>, Error>
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    Ok(match id {
        "gd" => Box::new(GradientDescent::new(hyper.eta)?),
        "gd-optimal" => Box::new(OptimalStep::new(hyper.eta)?),
        "newton" => Box::new(Newton),
        "damped-newton" => Box::new(DampedNewton),
        "lm" => Box::new(LevenbergMarquardt::new(hyper.mu)?),
        "saddle-free" => Box::new(SaddleFreeNewton),
        "momentum" => Box::new(Momentum::<D>::new(hyper.eta, hyper.beta)?),
        "adam" => Box::new(Adam::<D>::new(hyper.eta)?),
        "bfgs" => Box::new(Bfgs::new(Wolfe::QUASI_NEWTON)),
        "lbfgs" => Box::new(Lbfgs::new(hyper.memory, Scaling::Newest, Wolfe::QUASI_NEWTON)?),
        "cg" => Box::new(ConjugateGradient::new(Wolfe::CONJUGATE_GRADIENT)),
        other => return Err(Error::UnknownMethod(other.to_owned())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::{U1, U2};

    #[test]
    fn every_id_builds_and_bad_ones_do_not() {
        for id in METHOD_IDS {
            assert!(build::<U2>(id, &Hyper::default()).is_ok(), "{id}");
            assert!(build::<U1>(id, &Hyper::default()).is_ok(), "{id}");
        }
        assert_eq!(
            build::<U2>("sgd", &Hyper::default()).err(),
            Some(Error::UnknownMethod("sgd".into()))
        );
        let bad = Hyper {
            mu: -1.0,
            ..Hyper::default()
        };
        assert!(bad.validate().is_err());
        assert!(build::<U2>("lm", &bad).is_err());
        assert!(Hyper {
            beta: 1.0,
            ..Hyper::default()
        }
        .validate()
        .is_err());
        for memory in [0, 51] {
            let bad = Hyper {
                memory,
                ..Hyper::default()
            };
            assert!(
                bad.validate().is_err() && build::<U2>("lbfgs", &bad).is_err(),
                "{memory}"
            );
        }
        let family = |ids: &[&str]| ids.iter().map(|id| Family::of(id)).collect::<Vec<_>>();
        assert_eq!(
            family(&["gd", "gd-optimal", "momentum", "adam"]),
            [Some(Family::FirstOrder); 4]
        );
        assert_eq!(
            family(&["newton", "damped-newton", "lm", "saddle-free"]),
            [Some(Family::Newton); 4]
        );
        assert_eq!(family(&["bfgs", "lbfgs", "cg"]), [Some(Family::QuasiNewton); 3]);
        assert_eq!(Family::of("sgd"), None);
        assert!(Hyper {
            eta: f64::NAN,
            ..Hyper::default()
        }
        .validate()
        .is_err());
    }
}
