//! Krippendorff's alpha for nominal categories: agreement among any number of coders, who
//! need not all have coded every unit. `None` where it is undefined, never NaN.

use std::collections::BTreeMap;

use super::kappa::real;

/// Krippendorff's alpha (nominal). `units[u]` are the categories the coders who coded unit `u`
/// gave it (a coder who did not code it is simply absent); units with fewer than two values
/// cannot be paired and are left out.
///
/// From the coincidence matrix `o_ck = Σ_u (ordered pairs of values (c, k) in u) / (m_u − 1)`,
/// with `n_c = Σ_k o_ck` and `n = Σ_c n_c` (the pairable values):
/// `α = 1 − D_o / D_e = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k`.
/// Undefined (`None`) when fewer than two values can be paired or when every pairable value is
/// the same category (`D_e = 0`: nothing to disagree about).
pub fn krippendorff_alpha(units: &[Vec<u32>]) -> Option<f64> {
    let mut disagreeing = 0.0;
    let mut totals: BTreeMap<u32, f64> = BTreeMap::new();
    for values in units.iter().filter(|v| v.len() >= 2) {
        let pairs_per_value = real(values.len() - 1);
        let mut here: BTreeMap<u32, usize> = BTreeMap::new();
        for &value in values {
            *here.entry(value).or_default() += 1;
        }
        for (&category, &count) in &here {
            // Each value of this category pairs with every other value in the unit.
            *totals.entry(category).or_default() += real(count);
            disagreeing += real(count) * real(values.len() - count) / pairs_per_value;
        }
    }
    let n: f64 = totals.values().sum();
    let expected: f64 = totals.values().map(|&n_c| n_c * (n - n_c)).sum();
    (n >= 2.0 && expected > 0.0).then(|| 1.0 - (n - 1.0) * disagreeing / expected)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with
    // missing values: 4 observers, 12 units, values 1–5. Recomputed here: the pairable values
    // are n = 40 (units 1–11; unit 12 has one value), n_1..n_5 = 9, 13, 10, 5, 3; the
    // coincidences off the diagonal sum to 8 (unit 2, values 2,2,3,2: 3 ordered pairs (2,3)
    // and 3 pairs (3,2), over m − 1 = 3, give 2; unit 6, values 1,2,3,4: 12 ordered pairs / 3
    // = 4; unit 8, values 1,1,2,1: 6 / 3 = 2; the other units agree throughout);
    // Σ_{c≠k} n_c·n_k = 40² − (81 + 169 + 100 + 25 + 9) = 1600 − 384 = 1216.
    // α = 1 − 39 · 8 / 1216 = 1 − 312 / 1216 = 0.7434 (Krippendorff: 0.743).
    #[test]
    fn krippendorffs_own_example_with_missing_values() {
        let a = [Some(1), Some(2), Some(3), Some(3), Some(2), Some(1), Some(4), Some(1), Some(2), None, None, None];
        let b =
            [Some(1), Some(2), Some(3), Some(3), Some(2), Some(2), Some(4), Some(1), Some(2), Some(5), None, Some(3)];
        let c = [None, Some(3), Some(3), Some(3), Some(2), Some(3), Some(4), Some(2), Some(2), Some(5), Some(1), None];
        let d =
            [Some(1), Some(2), Some(3), Some(3), Some(2), Some(4), Some(4), Some(1), Some(2), Some(5), Some(1), None];
        let units: Vec<Vec<u32>> = (0..12).map(|u| [a[u], b[u], c[u], d[u]].into_iter().flatten().collect()).collect();
        let alpha = krippendorff_alpha(&units).unwrap();
        assert!((alpha - (1.0 - 312.0 / 1216.0)).abs() < 1e-9, "{alpha}");
        assert!((alpha - 0.743).abs() < 5e-4);
    }

    // Two coders, four sentences: (1,1) (1,0) (0,0) (0,0). n = 8 values: n_1 = 3, n_0 = 5.
    // One unit disagrees: o_10 = o_01 = 1, Σ_{c≠k} o = 2. Σ_{c≠k} n_c·n_k = 2·3·5 = 30.
    // α = 1 − 7 · 2 / 30 = 1 − 14/30 = 0.5333 (a little above Cohen's 0.5 on the same data,
    // as alpha corrects for the small sample).
    #[test]
    fn by_hand_and_where_it_is_undefined() {
        let alpha = krippendorff_alpha(&[vec![1, 1], vec![1, 0], vec![0, 0], vec![0, 0]]).unwrap();
        assert!((alpha - (1.0 - 14.0 / 30.0)).abs() < 1e-9, "{alpha}");
        assert_eq!(krippendorff_alpha(&[vec![2, 2, 2], vec![2, 2]]), None, "one category: nothing to disagree on");
        assert_eq!(krippendorff_alpha(&[vec![1], vec![0]]), None, "no unit coded twice");
        assert_eq!(krippendorff_alpha(&[]), None);
    }

    proptest! {
        #[test]
        fn identical_coders_have_alpha_one(values in prop::collection::vec(0u32..4, 1..40), coders in 2usize..5) {
            let units: Vec<Vec<u32>> = values.iter().map(|&v| vec![v; coders]).collect();
            let varied = values.iter().any(|&v| v != values[0]);
            match krippendorff_alpha(&units) {
                Some(alpha) => prop_assert!(varied && (alpha - 1.0).abs() < 1e-9, "{}", alpha),
                None => prop_assert!(!varied),
            }
        }

        #[test]
        fn the_order_of_coders_does_not_matter(units in prop::collection::vec(prop::collection::vec(0u32..3, 0..4), 0..30)) {
            let reversed: Vec<Vec<u32>> = units.iter().map(|u| u.iter().rev().copied().collect()).collect();
            let (a, b) = (krippendorff_alpha(&units), krippendorff_alpha(&reversed));
            prop_assert_eq!(a.is_some(), b.is_some());
            if let (Some(a), Some(b)) = (a, b) {
                prop_assert!((a - b).abs() < 1e-9 && a <= 1.0 + 1e-9 && a.is_finite());
            }
        }
    }
}
