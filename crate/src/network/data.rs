//! The data sets a network learns, on the input plane, generated from a seed: XOR, two moons,
//! two circles and a two-armed spiral, each with a noise control (Gaussian, added to both
//! coordinates) and as many points as asked, the two classes alternating (`t = 0, 1, 0, …`).

use crate::network::mlp::Sample;
use crate::rng::Rng;

/// A data set's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataSet {
    /// Points in the square `[−1, 1]²`, of class 1 where the signs of `x` and `y` differ.
    Xor,
    /// Two interleaved half circles of radius 1.
    Moons,
    /// A disc of radius 0.5 (class 1) inside a ring of radius 1 (class 0).
    Circles,
    /// Two arms winding out from the origin, one and a half turns each.
    Spiral,
}

impl DataSet {
    /// Every data set.
    pub const ALL: [DataSet; 4] = [DataSet::Xor, DataSet::Moons, DataSet::Circles, DataSet::Spiral];

    /// Its name (as links and the page's strings have it).
    pub fn name(self) -> &'static str {
        match self {
            DataSet::Xor => "xor",
            DataSet::Moons => "moons",
            DataSet::Circles => "circles",
            DataSet::Spiral => "spiral",
        }
    }

    /// `count` points from `seed`, with Gaussian noise of standard deviation `noise` added to
    /// both coordinates.
    pub fn generate(self, count: usize, noise: f64, seed: u64) -> Vec<Sample> {
        let mut rng = Rng::new(seed);
        (0..count)
            .map(|k| {
                let class = k % 2;
                let u = rng.uniform();
                let (x, y) = match self {
                    DataSet::Xor => {
                        // A point of the quadrants of its class: signs alike for class 0.
                        let (a, b) = (u, rng.uniform());
                        let sx = if rng.uniform() < 0.5 { -1.0 } else { 1.0 };
                        let sy = if class == 0 { sx } else { -sx };
                        (sx * (0.05 + 0.95 * a), sy * (0.05 + 0.95 * b))
                    }
                    DataSet::Moons => {
                        let a = std::f64::consts::PI * u;
                        if class == 0 {
                            (a.cos() - 0.5, a.sin() - 0.25)
                        } else {
                            (0.5 - a.cos(), 0.25 - a.sin())
                        }
                    }
                    DataSet::Circles => {
                        let a = std::f64::consts::TAU * u;
                        let r = if class == 0 { 1.0 } else { 0.5 };
                        (r * a.cos(), r * a.sin())
                    }
                    DataSet::Spiral => {
                        let r = 0.1 + 0.9 * u;
                        let a = 3.0 * std::f64::consts::PI * r + std::f64::consts::PI * class as f64;
                        (r * a.cos(), r * a.sin())
                    }
                };
                let (nx, ny) = (noise * rng.normal(), noise * rng.normal());
                Sample {
                    x: vec![x + nx, y + ny],
                    t: class as f64,
                }
            })
            .collect()
    }
}
