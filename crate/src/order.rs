//! The ascending order of numbers: the one sort the page's wasm carries. Eigenvalues, critical
//! points, a colour scale's quantiles and a chart's ticks are all put in order through
//! [`ascending`] (then taken in that order), so that the sort is compiled once (each `sort_by` with its own closure and
//! element type was its own copy of the sort: four of them weighed 4 KB gzip in the page).

/// The indices of `keys` in ascending order of their keys ([`f64::total_cmp`]: NaNs last, `−0`
/// before `0`); equal keys keep their order (a stable sort).
#[inline(never)]
pub fn ascending(keys: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&i, &j| keys[i].total_cmp(&keys[j]));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascending_with_ties_in_their_order_and_nans_last() {
        assert_eq!(ascending(&[3.0, -1.0, f64::NAN, 2.0, -1.0]), vec![1, 4, 3, 0, 2]);
        assert_eq!(ascending(&[]), Vec::<usize>::new());
    }
}
