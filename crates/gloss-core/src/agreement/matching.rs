//! Which spans of different analysts are "the same claim": the same bytes, or else spans that
//! overlap by at least half of the shorter one. Spans are matched one to one, in text order.

use std::cmp::{Ordering, Reverse};

use crate::text::Span;

/// How spans are matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Only the very same bytes.
    Exact,
    /// The same bytes, else an overlap of at least half of the shorter span.
    Overlap,
}

/// How much of the shorter of `a` and `b` their overlap is: 1.0 when one holds the other,
/// 0.0 when they do not meet (or one is empty).
pub fn overlap_ratio(a: &Span, b: &Span) -> f64 {
    let shared = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        return 0.0;
    }
    // Byte counts of article text are far below 2^52: exact as f64.
    #[allow(clippy::cast_precision_loss)]
    let ratio = shared as f64 / shorter as f64;
    ratio
}

/// Whether `a` and `b` are the same claim under `rule`. Also how a claim is "on" a sentence:
/// they overlap by at least half of the shorter (a short span inside a sentence is on it; a
/// claim over three whole sentences is on all three; one that only reaches into the next
/// sentence by a few words is not on it).
pub fn same(a: &Span, b: &Span, rule: Rule) -> bool {
    a == b || (rule == Rule::Overlap && overlap_ratio(a, b) >= 0.5)
}

/// How well `candidate` matches `seed`, best first: the larger overlap, then the earlier
/// start, then the shorter span.
fn closeness(seed: &Span, candidate: &Span) -> (f64, Reverse<usize>, Reverse<usize>) {
    (overlap_ratio(seed, candidate), Reverse(candidate.start), Reverse(candidate.len()))
}

/// Groups the spans of several analysts into matched claims. `spans[a]` are analyst `a`'s
/// spans; each group has, for every analyst, the index of their span in it or `None`.
///
/// First the very same spans are grouped. Then, with [`Rule::Overlap`], in text order of their
/// first span, each group takes in, for every analyst it lacks, their ungrouped span that
/// overlaps that first span most (at least half of the shorter; ties to the earlier, then the
/// shorter span); a span still ungrouped when its turn comes starts a group of its own. Each
/// span is in exactly one group, a group holds at most one span of each analyst, and spans
/// that are the very same are always grouped together. Groups come in text order.
pub fn group(spans: &[Vec<Span>], rule: Rule) -> Vec<Vec<Option<usize>>> {
    let mut grouped: Vec<Vec<bool>> = spans.iter().map(|list| vec![false; list.len()]).collect();
    let mut groups: Vec<(Span, Vec<Option<usize>>)> = Vec::new();
    for (analyst, index) in text_order(spans) {
        if grouped[analyst][index] {
            continue;
        }
        let seed = spans[analyst][index].clone();
        let mut members = vec![None; spans.len()];
        for (other, list) in spans.iter().enumerate() {
            if let Some(j) = (0..list.len()).find(|&j| !grouped[other][j] && list[j] == seed) {
                grouped[other][j] = true;
                members[other] = Some(j);
            }
        }
        groups.push((seed, members));
    }
    if rule == Rule::Overlap {
        merge_overlapping(spans, &mut groups);
    }
    groups.into_iter().map(|(_, members)| members).collect()
}

/// Every span as (analyst, index), in text order: start, end, analyst, index.
fn text_order(spans: &[Vec<Span>]) -> Vec<(usize, usize)> {
    let mut order: Vec<(usize, usize)> =
        spans.iter().enumerate().flat_map(|(a, list)| (0..list.len()).map(move |i| (a, i))).collect();
    order.sort_by_key(|&(a, i)| (spans[a][i].start, spans[a][i].end, a, i));
    order
}

/// The overlap stage of [`group`]: in text order, each group takes in the best overlapping
/// span of each analyst it lacks, from the spans that are alone in their group; a lone span
/// taken in this way leaves its own group. Groups of the very same spans are never split.
fn merge_overlapping(spans: &[Vec<Span>], groups: &mut Vec<(Span, Vec<Option<usize>>)>) {
    let mut taken: Vec<Vec<bool>> = spans.iter().map(|list| vec![false; list.len()]).collect();
    let mut moved: Vec<Vec<bool>> = taken.clone();
    for (_, members) in groups.iter().filter(|(_, m)| m.iter().flatten().count() > 1) {
        for (analyst, i) in members.iter().enumerate().filter_map(|(a, m)| Some((a, (*m)?))) {
            taken[analyst][i] = true;
        }
    }
    let mut at = 0;
    while at < groups.len() {
        let (seed, members) = &mut groups[at];
        let alone = members
            .iter()
            .enumerate()
            .find_map(|(a, m)| Some((a, (*m)?)))
            .filter(|_| members.iter().flatten().count() == 1);
        if let Some((analyst, i)) = alone {
            if moved[analyst][i] {
                groups.remove(at);
                continue;
            }
            taken[analyst][i] = true;
        }
        for (other, list) in spans.iter().enumerate() {
            if members[other].is_some() {
                continue;
            }
            let best = (0..list.len()).filter(|&j| !taken[other][j] && same(seed, &list[j], Rule::Overlap)).max_by(
                |&x, &y| closeness(seed, &list[x]).partial_cmp(&closeness(seed, &list[y])).unwrap_or(Ordering::Equal),
            );
            if let Some(j) = best {
                taken[other][j] = true;
                moved[other][j] = true;
                members[other] = Some(j);
            }
        }
        at += 1;
    }
}

/// How many spans of `a` and `b` match one to one under `rule`.
pub fn matched(a: &[Span], b: &[Span], rule: Rule) -> usize {
    group(&[a.to_vec(), b.to_vec()], rule).iter().filter(|g| g.iter().all(Option::is_some)).count()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn overlap_is_measured_against_the_shorter_span() {
        assert!((overlap_ratio(&(0..10), &(0..10)) - 1.0).abs() < f64::EPSILON);
        assert!((overlap_ratio(&(0..10), &(2..5)) - 1.0).abs() < f64::EPSILON, "inside");
        assert!((overlap_ratio(&(0..10), &(5..20)) - 0.5).abs() < f64::EPSILON, "5 of the shorter's 10");
        assert!((overlap_ratio(&(0..10), &(10..20))).abs() < f64::EPSILON, "touching is not overlapping");
        assert!((overlap_ratio(&(0..0), &(0..10))).abs() < f64::EPSILON);
        assert!(same(&(0..10), &(5..20), Rule::Overlap));
        assert!(!same(&(0..10), &(6..20), Rule::Overlap), "4 of 10 is less than half");
        assert!(!same(&(0..10), &(5..20), Rule::Exact));
        assert!(same(&(3..7), &(3..7), Rule::Exact));
    }

    #[test]
    fn the_same_span_wins_over_an_earlier_overlap_and_each_span_is_used_once() {
        // kim: [0,10) [20,30); lee: [0,8) [0,10) [21,29) [40,50).
        let spans = vec![vec![0..10, 20..30], vec![0..8, 0..10, 21..29, 40..50]];
        let groups = group(&spans, Rule::Overlap);
        // kim's [0,10) and lee's [0,10) are the very same: grouped first. lee's [0,8) comes
        // first in text order but finds none of kim's spans left; kim's [20,30) takes lee's
        // [21,29) (8 of 8 bytes); lee's [40,50) meets nothing.
        assert_eq!(groups, [vec![None, Some(0)], vec![Some(0), Some(1)], vec![Some(1), Some(2)], vec![None, Some(3)]]);
        assert_eq!(matched(&spans[0], &spans[1], Rule::Overlap), 2);
        assert_eq!(matched(&spans[0], &spans[1], Rule::Exact), 1, "only [0,10) is the very same");
    }

    #[test]
    fn three_analysts_group_on_the_first_span() {
        let spans = vec![vec![0..20], vec![5..20], vec![0..9, 30..40]];
        let groups = group(&spans, Rule::Overlap);
        // [0,9) is first (start 0, end 9): kim's [0,20) holds it; lee's [5,20) meets it on 4
        // of its 9 bytes, less than half, so lee starts a group of their own.
        assert_eq!(groups, [vec![Some(0), None, Some(0)], vec![None, Some(0), None], vec![None, None, Some(1)]]);
    }

    fn spans() -> impl Strategy<Value = Vec<Span>> {
        prop::collection::vec((0usize..200, 1usize..40).prop_map(|(s, l)| s..s + l), 0..8)
    }

    proptest! {
        #[test]
        fn every_span_is_in_exactly_one_group(a in spans(), b in spans(), c in spans()) {
            let all = vec![a, b, c];
            let groups = group(&all, Rule::Overlap);
            for (analyst, list) in all.iter().enumerate() {
                for index in 0..list.len() {
                    let holding = groups.iter().filter(|g| g[analyst] == Some(index)).count();
                    prop_assert_eq!(holding, 1);
                }
            }
            for g in &groups {
                let members: Vec<&Span> = g.iter().enumerate().filter_map(|(a, i)| Some(&all[a][(*i)?])).collect();
                prop_assert!(!members.is_empty());
            }
        }

        #[test]
        fn matching_counts_the_same_both_ways_round(a in spans(), b in spans()) {
            prop_assert_eq!(matched(&a, &b, Rule::Exact), matched(&b, &a, Rule::Exact));
            prop_assert_eq!(matched(&a, &b, Rule::Overlap), matched(&b, &a, Rule::Overlap));
            prop_assert!(matched(&a, &b, Rule::Overlap) >= matched(&a, &b, Rule::Exact));
            prop_assert!(matched(&a, &b, Rule::Overlap) <= a.len().min(b.len()));
        }
    }
}
