//! Chance-corrected agreement on nominal categories: Cohen's kappa for two coders, Fleiss'
//! kappa for any number coding every unit. `None` where a figure is undefined (no units, or
//! agreement expected by chance is already 1), never NaN.

use std::collections::BTreeMap;

/// Agreement expected by chance this close to 1 is 1: kappa is undefined.
const CERTAIN: f64 = 1e-12;

/// A count as f64; counts of units and codes are far below 2^52, so exactly.
#[allow(clippy::cast_precision_loss)]
pub(crate) fn real(n: usize) -> f64 {
    n as f64
}

/// Cohen's kappa for two coders: one `(first, second)` pair of categories per unit.
///
/// `κ = (p_o − p_e) / (1 − p_e)`, where `p_o` is the share of units both put in the same
/// category, and `p_e = Σ_c p_1(c)·p_2(c)` the agreement expected from how often each coder
/// uses each category. Undefined (`None`) without units or when `p_e = 1` (both coders put
/// every unit in one and the same category).
pub fn cohen_kappa(pairs: &[(u32, u32)]) -> Option<f64> {
    if pairs.is_empty() {
        return None;
    }
    let total = real(pairs.len());
    let agreed = real(pairs.iter().filter(|(a, b)| a == b).count());
    let mut first: BTreeMap<u32, usize> = BTreeMap::new();
    let mut second: BTreeMap<u32, usize> = BTreeMap::new();
    for &(a, b) in pairs {
        *first.entry(a).or_default() += 1;
        *second.entry(b).or_default() += 1;
    }
    let expected: f64 =
        first.iter().map(|(category, &n)| real(n) * real(second.get(category).copied().unwrap_or(0))).sum::<f64>()
            / (total * total);
    let observed = agreed / total;
    (1.0 - expected > CERTAIN).then(|| (observed - expected) / (1.0 - expected))
}

/// Fleiss' kappa: `counts[i][j]` coders put unit `i` in category `j`; every unit must have been
/// coded by the same number of coders, at least two.
///
/// With `N` units, `n` coders each, `P_i = (Σ_j n_ij(n_ij − 1)) / (n(n − 1))` the agreement on
/// unit `i`, `P̄` the mean of `P_i`, `p_j = (Σ_i n_ij) / (N·n)` and `P̄_e = Σ_j p_j²`:
/// `κ = (P̄ − P̄_e) / (1 − P̄_e)`. Undefined (`None`) without units, with units coded by
/// different numbers of coders or by fewer than two, or when `P̄_e = 1`.
pub fn fleiss_kappa(counts: &[Vec<usize>]) -> Option<f64> {
    let coders = counts.first()?.iter().sum::<usize>();
    if coders < 2 || counts.iter().any(|row| row.iter().sum::<usize>() != coders) {
        return None;
    }
    let (units, n) = (real(counts.len()), real(coders));
    let agreement: f64 = counts
        .iter()
        .map(|row| row.iter().map(|&c| real(c) * (real(c) - 1.0)).sum::<f64>() / (n * (n - 1.0)))
        .sum::<f64>()
        / units;
    let categories = counts.iter().map(Vec::len).max().unwrap_or(0);
    let expected: f64 = (0..categories)
        .map(|j| {
            let share = counts.iter().map(|row| real(row.get(j).copied().unwrap_or(0))).sum::<f64>() / (units * n);
            share * share
        })
        .sum();
    (1.0 - expected > CERTAIN).then(|| (agreement - expected) / (1.0 - expected))
}

/// The categories each unit was given, as Fleiss' counts (categories in ascending order).
pub fn category_counts(units: &[Vec<u32>]) -> Vec<Vec<usize>> {
    let mut categories: Vec<u32> = units.iter().flatten().copied().collect();
    categories.sort_unstable();
    categories.dedup();
    units.iter().map(|values| categories.iter().map(|c| values.iter().filter(|v| *v == c).count()).collect()).collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    // Wikipedia, "Cohen's kappa", worked example: 50 grant proposals read by A and B.
    // Both yes 20, A yes B no 5, A no B yes 10, both no 15.
    // p_o = (20 + 15) / 50 = 0.7. A says yes 25 times (0.5), B 30 times (0.6):
    // p_e = 0.5·0.6 + 0.5·0.4 = 0.3 + 0.2 = 0.5. κ = (0.7 − 0.5) / (1 − 0.5) = 0.4.
    #[test]
    fn cohen_on_wikipedias_grant_proposals() {
        let mut pairs = Vec::new();
        pairs.extend(std::iter::repeat_n((1, 1), 20));
        pairs.extend(std::iter::repeat_n((1, 0), 5));
        pairs.extend(std::iter::repeat_n((0, 1), 10));
        pairs.extend(std::iter::repeat_n((0, 0), 15));
        assert!(close(cohen_kappa(&pairs), 0.4), "{:?}", cohen_kappa(&pairs));
    }

    // Two coders, four sentences, tag "fact" (1) or not (0): (1,1) (1,0) (0,0) (0,0).
    // p_o = 3/4. First coder: 1 twice (0.5); second: 1 once (0.25).
    // p_e = 0.5·0.25 + 0.5·0.75 = 0.125 + 0.375 = 0.5. κ = (0.75 − 0.5) / 0.5 = 0.5.
    #[test]
    fn cohen_by_hand_and_where_it_is_undefined() {
        assert!(close(cohen_kappa(&[(1, 1), (1, 0), (0, 0), (0, 0)]), 0.5));
        assert!(close(cohen_kappa(&[(1, 0), (0, 1)]), -1.0), "always the other way: −1");
        assert_eq!(cohen_kappa(&[(0, 0), (0, 0)]), None, "one category only: p_e = 1");
        assert_eq!(cohen_kappa(&[]), None);
        // Both always say 1 but never the same unit is impossible; one says 1, the other 0
        // throughout: p_o = 0, p_e = 1·0 + 0·1 = 0, κ = 0.
        assert!(close(cohen_kappa(&[(1, 0), (1, 0)]), 0.0));
    }

    // Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories.
    // Column sums 20, 28, 39, 21, 32 of 140, so p_j = 0.143, 0.200, 0.279, 0.150, 0.229 and
    // P̄_e = Σ p_j² = (400 + 784 + 1521 + 441 + 1024) / 19600 = 4170 / 19600 = 0.21276.
    // Σ_j n_ij(n_ij − 1) by row: 182, 46, 56, 80, 60, 84, 44, 32, 52, 52 = 688, each over
    // 14·13 = 182 (row 2: (2 + 30 + 12 + 2) / 182 = 0.253), so P̄ = 688 / 1820 = 0.37802.
    // κ = (0.37802 − 0.21276) / (1 − 0.21276) = 0.20993 (Wikipedia: 0.210).
    #[test]
    fn fleiss_on_wikipedias_worked_example() {
        let table = vec![
            vec![0, 0, 0, 0, 14],
            vec![0, 2, 6, 4, 2],
            vec![0, 0, 3, 5, 6],
            vec![0, 3, 9, 2, 0],
            vec![2, 2, 8, 1, 1],
            vec![7, 7, 0, 0, 0],
            vec![3, 2, 6, 3, 0],
            vec![2, 5, 3, 2, 2],
            vec![6, 5, 2, 1, 0],
            vec![0, 2, 2, 3, 7],
        ];
        let expected = (688.0 / 1820.0 - 4170.0 / 19600.0) / (1.0 - 4170.0 / 19600.0);
        assert!(close(fleiss_kappa(&table), expected), "{:?}", fleiss_kappa(&table));
        assert!((expected - 0.20993).abs() < 1e-5);
    }

    // Three coders, three sentences: (1,1,1) (1,1,0) (0,0,0).
    // P_1 = 6/6 = 1, P_2 = (2·1 + 1·0)/6 = 1/3, P_3 = 1; P̄ = (1 + 1/3 + 1)/3 = 7/9.
    // p_1 = 5/9, p_0 = 4/9; P̄_e = 25/81 + 16/81 = 41/81. κ = (63/81 − 41/81)/(40/81) = 22/40 = 0.55.
    #[test]
    fn fleiss_by_hand_and_where_it_is_undefined() {
        let counts = category_counts(&[vec![1, 1, 1], vec![1, 1, 0], vec![0, 0, 0]]);
        assert_eq!(counts, [vec![0, 3], vec![1, 2], vec![3, 0]]);
        assert!(close(fleiss_kappa(&counts), 0.55));
        assert_eq!(fleiss_kappa(&[vec![3], vec![3]]), None, "one category only");
        assert_eq!(fleiss_kappa(&[vec![1, 2], vec![1, 1]]), None, "coders differ by unit");
        assert_eq!(fleiss_kappa(&[vec![1]]), None, "one coder");
        assert_eq!(fleiss_kappa(&[]), None);
    }

    fn pairs() -> impl Strategy<Value = Vec<(u32, u32)>> {
        prop::collection::vec((0u32..3, 0u32..3), 1..60)
    }

    proptest! {
        #[test]
        fn cohen_is_between_minus_one_and_one_and_symmetric(pairs in pairs()) {
            let kappa = cohen_kappa(&pairs);
            let swapped: Vec<(u32, u32)> = pairs.iter().map(|&(a, b)| (b, a)).collect();
            match (kappa, cohen_kappa(&swapped)) {
                (Some(k), Some(s)) => {
                    prop_assert!((-1.0 - 1e-9..=1.0 + 1e-9).contains(&k), "{}", k);
                    prop_assert!((k - s).abs() < 1e-9);
                }
                (None, None) => {}
                other => prop_assert!(false, "{:?}", other),
            }
        }

        #[test]
        fn fleiss_is_between_minus_one_and_one(units in prop::collection::vec(prop::collection::vec(0u32..3, 3), 1..40)) {
            if let Some(k) = fleiss_kappa(&category_counts(&units)) {
                prop_assert!((-1.0 - 1e-9..=1.0 + 1e-9).contains(&k), "{}", k);
            }
        }

        #[test]
        fn identical_coders_agree_perfectly(values in prop::collection::vec(0u32..4, 1..40)) {
            let pairs: Vec<(u32, u32)> = values.iter().map(|&v| (v, v)).collect();
            let varied = values.iter().any(|&v| v != values[0]);
            prop_assert_eq!(cohen_kappa(&pairs).is_some(), varied);
            if let Some(k) = cohen_kappa(&pairs) {
                prop_assert!((k - 1.0).abs() < 1e-9);
            }
        }
    }
}
