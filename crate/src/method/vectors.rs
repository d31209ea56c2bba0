//! The few vector operations the line-search methods need ([`super::bfgs`], [`super::lbfgs`],
//! [`super::conjugate_gradient`]), on slices of any length. The methods keep their vectors as
//! `Vec<f64>` rather than nalgebra's `SVector<N>`, so that one copy of their arithmetic serves
//! every dimension (the page's wasm carries the 1-D and 2-D runs; a `Const<N>` version compiled
//! each method twice); `dot` and `axpy` are not inlined, so every caller shares them.

/// `aᵀb`.
#[inline(never)]
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `y ← y + k x`.
#[inline(never)]
pub fn axpy(k: f64, x: &[f64], y: &mut [f64]) {
    for (yi, xi) in y.iter_mut().zip(x) {
        *yi += k * xi;
    }
}

/// `k x`.
pub fn scaled(k: f64, x: &[f64]) -> Vec<f64> {
    x.iter().map(|v| k * v).collect()
}

/// `a − b`.
pub fn minus(a: &[f64], b: &[f64]) -> Vec<f64> {
    a.iter().zip(b).map(|(x, y)| x - y).collect()
}

/// `‖a‖`.
pub fn norm(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_operations_by_hand() {
        let (a, b) = ([1.0, 2.0, 3.0], [4.0, -5.0, 6.0]);
        assert_eq!(dot(&a, &b), 12.0);
        let mut y = b;
        axpy(2.0, &a, &mut y);
        assert_eq!(y, [6.0, -1.0, 12.0]);
        assert_eq!(scaled(-1.0, &a), vec![-1.0, -2.0, -3.0]);
        assert_eq!(minus(&b, &a), vec![3.0, -7.0, 3.0]);
        assert_eq!(norm(&[3.0, 4.0]), 5.0);
    }
}
