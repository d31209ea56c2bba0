//! Two points at once: [`Pair`], two `f64` lanes (one 128-bit SIMD register in the lab's wasm,
//! built with `simd128`; two plain `f64` elsewhere), and [`Arith`], the arithmetic a landscape's
//! closed forms are written in once, for `f64` and for [`Pair`]. The basin kernel steps two
//! starts with one instruction per operation where a landscape gives its derivatives this way
//! ([`Paired`]).
//!
//! Every operation is the IEEE one, lane by lane, and nothing is fused: a pair's lanes round
//! exactly as the same formula in `f64` does, so a kernel stepping pairs ends where one stepping
//! single starts ends.

use std::ops::{Add, Mul, Neg, Sub};

/// The arithmetic a closed form needs, in `f64` or in a [`Pair`].
pub trait Arith: Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + Neg<Output = Self> {
    /// The constant `c` (in every lane).
    fn c(c: f64) -> Self;
}

impl Arith for f64 {
    #[inline(always)]
    fn c(c: f64) -> f64 {
        c
    }
}

/// A 2-D landscape whose gradient and Hessian can be evaluated at two points at once. The
/// defaults evaluate nothing (`paired` is false): the kernel then steps one start at a time.
pub trait Paired {
    /// Whether [`Paired::gradient2`] and [`Paired::derivatives2`] are this landscape's.
    fn paired(&self) -> bool {
        false
    }
    /// `∇E` at the points `(x, y)` (lane by lane).
    fn gradient2(&self, x: Pair, y: Pair) -> [Pair; 2] {
        [x, y].map(|_| Pair::splat(f64::NAN))
    }
    /// `∇E` and `H` at the points `(x, y)`: `[∂x, ∂y, ∂xx, ∂xy, ∂yy]`.
    fn derivatives2(&self, x: Pair, y: Pair) -> [Pair; 5] {
        let _ = (x, y);
        [Pair::splat(f64::NAN); 5]
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod lanes {
    use core::arch::wasm32::*;

    /// Two `f64` lanes in one SIMD register.
    #[derive(Clone, Copy, Debug)]
    pub struct Pair(v128);

    /// A comparison's outcome per lane (all ones or all zeros), combined without leaving the
    /// register.
    #[derive(Clone, Copy, Debug)]
    pub struct Mask(v128);

    impl Mask {
        /// Bit `k` set where lane `k` holds.
        #[inline(always)]
        pub fn bits(self) -> u8 {
            i64x2_bitmask(self.0)
        }
    }

    impl std::ops::BitAnd for Mask {
        type Output = Mask;
        #[inline(always)]
        fn bitand(self, o: Mask) -> Mask {
            Mask(v128_and(self.0, o.0))
        }
    }

    impl std::ops::Not for Mask {
        type Output = Mask;
        #[inline(always)]
        fn not(self) -> Mask {
            Mask(v128_not(self.0))
        }
    }

    impl Pair {
        /// `[a, b]`.
        #[inline(always)]
        pub fn new(a: f64, b: f64) -> Pair {
            Pair(f64x2(a, b))
        }
        /// `[v, v]`.
        #[inline(always)]
        pub fn splat(v: f64) -> Pair {
            Pair(f64x2_splat(v))
        }
        /// The two lanes.
        #[inline(always)]
        pub fn lanes(self) -> [f64; 2] {
            [f64x2_extract_lane::<0>(self.0), f64x2_extract_lane::<1>(self.0)]
        }
        /// `|v|` lane by lane.
        #[inline(always)]
        pub fn abs(self) -> Pair {
            Pair(f64x2_abs(self.0))
        }
        /// The larger lane by lane (NaN if either is NaN).
        #[inline(always)]
        pub fn max(self, o: Pair) -> Pair {
            Pair(f64x2_max(self.0, o.0))
        }
        /// `1/v` lane by lane.
        #[inline(always)]
        pub fn recip(self) -> Pair {
            Pair(f64x2_div(f64x2_splat(1.0), self.0))
        }
        /// Where lane `k` is below `o`'s (false for NaN).
        #[inline(always)]
        pub fn lt(self, o: Pair) -> Mask {
            Mask(f64x2_lt(self.0, o.0))
        }
        /// Where lane `k` is at most `o`'s (false for NaN).
        #[inline(always)]
        pub fn le(self, o: Pair) -> Mask {
            Mask(f64x2_le(self.0, o.0))
        }
    }

    macro_rules! op {
        ($trait:ident, $f:ident, $simd:ident) => {
            impl std::ops::$trait for Pair {
                type Output = Pair;
                #[inline(always)]
                fn $f(self, o: Pair) -> Pair {
                    Pair($simd(self.0, o.0))
                }
            }
        };
    }
    op!(Add, add, f64x2_add);
    op!(Sub, sub, f64x2_sub);
    op!(Mul, mul, f64x2_mul);
    op!(Div, div, f64x2_div);

    impl std::ops::Neg for Pair {
        type Output = Pair;
        #[inline(always)]
        fn neg(self) -> Pair {
            Pair(f64x2_neg(self.0))
        }
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod lanes {
    /// Two `f64` lanes (natively the compiler may keep them in one SSE register).
    #[derive(Clone, Copy, Debug)]
    pub struct Pair([f64; 2]);

    /// A comparison's outcome per lane: bit `k` for lane `k`.
    #[derive(Clone, Copy, Debug)]
    pub struct Mask(u8);

    impl Mask {
        /// Bit `k` set where lane `k` holds.
        #[inline(always)]
        pub fn bits(self) -> u8 {
            self.0
        }
    }

    impl std::ops::BitAnd for Mask {
        type Output = Mask;
        #[inline(always)]
        fn bitand(self, o: Mask) -> Mask {
            Mask(self.0 & o.0)
        }
    }

    impl std::ops::Not for Mask {
        type Output = Mask;
        #[inline(always)]
        fn not(self) -> Mask {
            Mask(!self.0 & 0b11)
        }
    }

    impl Pair {
        /// `[a, b]`.
        #[inline(always)]
        pub fn new(a: f64, b: f64) -> Pair {
            Pair([a, b])
        }
        /// `[v, v]`.
        #[inline(always)]
        pub fn splat(v: f64) -> Pair {
            Pair([v, v])
        }
        /// The two lanes.
        #[inline(always)]
        pub fn lanes(self) -> [f64; 2] {
            self.0
        }
        /// `|v|` lane by lane.
        #[inline(always)]
        pub fn abs(self) -> Pair {
            Pair(self.0.map(f64::abs))
        }
        /// The larger lane by lane (NaN if either is NaN, as the SIMD instruction).
        #[inline(always)]
        pub fn max(self, o: Pair) -> Pair {
            let m = |a: f64, b: f64| if a.is_nan() || b.is_nan() { f64::NAN } else { a.max(b) };
            Pair([m(self.0[0], o.0[0]), m(self.0[1], o.0[1])])
        }
        /// `1/v` lane by lane.
        #[inline(always)]
        pub fn recip(self) -> Pair {
            Pair(self.0.map(|v| 1.0 / v))
        }
        /// Where lane `k` is below `o`'s (false for NaN).
        #[inline(always)]
        pub fn lt(self, o: Pair) -> Mask {
            Mask(u8::from(self.0[0] < o.0[0]) | u8::from(self.0[1] < o.0[1]) << 1)
        }
        /// Where lane `k` is at most `o`'s (false for NaN).
        #[inline(always)]
        pub fn le(self, o: Pair) -> Mask {
            Mask(u8::from(self.0[0] <= o.0[0]) | u8::from(self.0[1] <= o.0[1]) << 1)
        }
    }

    macro_rules! op {
        ($trait:ident, $f:ident) => {
            impl std::ops::$trait for Pair {
                type Output = Pair;
                #[inline(always)]
                fn $f(self, o: Pair) -> Pair {
                    Pair([self.0[0].$f(o.0[0]), self.0[1].$f(o.0[1])])
                }
            }
        };
    }

    op!(Add, add);
    op!(Sub, sub);
    op!(Mul, mul);
    op!(Div, div);

    impl std::ops::Neg for Pair {
        type Output = Pair;
        #[inline(always)]
        fn neg(self) -> Pair {
            Pair([-self.0[0], -self.0[1]])
        }
    }
}

pub use lanes::{Mask, Pair};

impl Arith for Pair {
    #[inline(always)]
    fn c(c: f64) -> Pair {
        Pair::splat(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_rounds_as_its_lanes_do_and_compares_lane_by_lane() {
        let (a, b) = (Pair::new(0.1, -3.7e300), Pair::new(0.2, 1e-300));
        let lanes = |p: Pair| p.lanes();
        for (i, (x, y)) in [(0.1f64, 0.2f64), (-3.7e300, 1e-300)].into_iter().enumerate() {
            assert_eq!(lanes(a + b)[i].to_bits(), (x + y).to_bits());
            assert_eq!(lanes(a - b)[i].to_bits(), (x - y).to_bits());
            assert_eq!(lanes(a * b)[i].to_bits(), (x * y).to_bits());
            assert_eq!(lanes(a / b)[i].to_bits(), (x / y).to_bits());
            assert_eq!(lanes(-a)[i].to_bits(), (-x).to_bits());
            assert_eq!(lanes(a.abs())[i], x.abs());
            assert_eq!(lanes(b.recip())[i].to_bits(), (1.0 / y).to_bits());
        }
        assert_eq!(a.lt(b).bits(), 0b11);
        assert_eq!(b.le(a).bits(), 0b00);
        assert_eq!(Pair::new(1.0, 2.0).le(Pair::new(1.0, 1.0)).bits(), 0b01);
        assert_eq!(Pair::new(1.0, 0.5).lt(Pair::new(1.0, 1.0)).bits(), 0b10);
        assert_eq!((!Pair::new(1.0, 0.5).lt(Pair::new(1.0, 1.0))).bits(), 0b01);
        assert_eq!((a.lt(b) & Pair::new(1.0, 0.5).lt(Pair::new(1.0, 1.0))).bits(), 0b10);
        let nan = Pair::new(f64::NAN, 1.0);
        assert_eq!(nan.lt(Pair::splat(2.0)).bits(), 0b10, "NaN is below nothing");
        assert!(nan.max(Pair::splat(0.0)).lanes()[0].is_nan(), "max keeps a NaN");
        assert_eq!(Pair::c(4.0).lanes(), [4.0, 4.0]);
    }
}
