//! The eigen-decomposition of a Hessian: what [`crate::analysis::hessian`] reads the shape of `E`
//! from, and what saddle-free Newton rescales the gradient by.

use nalgebra::DMatrix;

use super::{Allocator, DefaultAllocator, Dim, Matrix, Vector, U1};

/// Eigenvalues (ascending) and unit eigenvectors of a symmetric matrix with finite entries.
/// Closed forms in one and two dimensions (the page's); nalgebra's `SymmetricEigen` otherwise.
pub fn symmetric_eigen<D: Dim>(h: &Matrix<D>) -> (Vec<f64>, Vec<Vector<D>>)
where
    DefaultAllocator: Allocator<D> + Allocator<D, D>,
{
    let (rows, _) = h.shape_generic();
    let vector = |f: &dyn Fn(usize) -> f64| Vector::<D>::from_fn_generic(rows, U1, |i, _| f(i));
    match h.nrows() {
        1 => (vec![h[(0, 0)]], vec![vector(&|_| 1.0)]),
        2 => {
            let (a, b, c) = (h[(0, 0)], 0.5 * (h[(0, 1)] + h[(1, 0)]), h[(1, 1)]);
            let mean = 0.5 * (a + c);
            let radius = (0.5 * (a - c)).hypot(b);
            // The larger eigenvalue's vector is at angle θ = ½ atan2(2b, a − c).
            let (sin, cos) = (0.5 * (2.0 * b).atan2(a - c)).sin_cos();
            let unit = |x: f64, y: f64| vector(&|i| if i == 0 { x } else { y });
            (
                vec![mean - radius, mean + radius],
                vec![unit(-sin, cos), unit(cos, sin)],
            )
        }
        n => {
            let eig = DMatrix::from_iterator(n, n, h.iter().copied()).symmetric_eigen();
            let values: Vec<f64> = eig.eigenvalues.iter().copied().collect();
            crate::order::ascending(&values)
                .into_iter()
                .map(|i| (values[i], vector(&|k| eig.eigenvectors[(k, i)])))
                .unzip()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::Hessian;

    #[test]
    fn closed_form_eigen_matches_nalgebra() {
        let mut rng = crate::landscape::check::Rng::new(17);
        for _ in 0..500 {
            let (a, b, c) = (
                rng.uniform(-50.0, 50.0),
                rng.uniform(-50.0, 50.0),
                rng.uniform(-50.0, 50.0),
            );
            let h = Hessian::<2>::new(a, b, b, c);
            let (values, vectors) = symmetric_eigen(&h);
            let mut reference: Vec<f64> = h.symmetric_eigenvalues().iter().copied().collect();
            reference.sort_by(f64::total_cmp);
            for i in 0..2 {
                assert!(
                    (values[i] - reference[i]).abs() < 1e-10 * (1.0 + reference[i].abs()),
                    "{h:?}"
                );
                let v = vectors[i];
                assert!((v.norm() - 1.0).abs() < 1e-12);
                assert!(
                    (h * v - values[i] * v).norm() < 1e-9 * (1.0 + values[i].abs()),
                    "{h:?} {i}"
                );
            }
        }
        let (values, _) = symmetric_eigen(&Hessian::<2>::new(3.0, 0.0, 0.0, 3.0));
        assert_eq!(values, vec![3.0, 3.0]);
    }
}
