//! The seeded generator behind random starts and random directions: xorshift64*, so a seed
//! gives the same numbers on every machine (natively and in the browser).

/// A xorshift64* generator.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed` (any value, 0 included).
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next_bits(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11
    }

    /// Uniform in `[0, 1)`.
    pub fn uniform(&mut self) -> f64 {
        self.next_bits() as f64 / (1u64 << 53) as f64
    }

    /// Standard normal (Box–Muller, from two uniforms in the open interval `(0, 1)`).
    pub fn normal(&mut self) -> f64 {
        let mut open = || (self.next_bits() as f64 + 0.5) / (1u64 << 53) as f64;
        let (a, b) = (open(), open());
        (-2.0 * a.ln()).sqrt() * (std::f64::consts::TAU * b).cos()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_uniform_and_normal_numbers() {
        let mut a = Rng::new(3);
        let mut b = Rng::new(3);
        let xs: Vec<f64> = (0..1000).map(|_| a.uniform()).collect();
        assert!(xs.iter().zip((0..1000).map(|_| b.uniform())).all(|(x, y)| *x == y));
        assert!(xs.iter().all(|x| (0.0..1.0).contains(x)));
        let mean = xs.iter().sum::<f64>() / 1000.0;
        assert!((mean - 0.5).abs() < 0.05, "{mean}");
        let mut c = Rng::new(0);
        let ns: Vec<f64> = (0..4000).map(|_| c.normal()).collect();
        let m = ns.iter().sum::<f64>() / 4000.0;
        let v = ns.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / 4000.0;
        assert!(m.abs() < 0.06 && (v - 1.0).abs() < 0.08, "{m} {v}");
    }
}
