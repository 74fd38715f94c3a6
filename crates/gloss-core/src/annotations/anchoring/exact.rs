//! Where a piece of text occurs, searched outward from its old place: a quote that moved a little
//! is found without reading the whole article, and a search stops once nothing farther can win.

use std::cmp::Reverse;

use memchr::memmem::Finder;

use super::context::{context_agreement, full_context};
use crate::annotations::claim::Anchor;
use crate::text::Span;

/// Bytes searched on each side of the old place in the first round; each round searches
/// [`GROWTH`] times as far, so a search that must read the whole text reads it about 4/3 times.
const FIRST_RADIUS: usize = 1 << 14;
const GROWTH: usize = 4;

/// The exact quote where its old context agrees best, then nearest its old place (the later of
/// two as near).
pub(super) fn best_occurrence(text: &str, anchor: &Anchor) -> Option<Span> {
    let quote = anchor.quote.as_str();
    let full = full_context(anchor);
    let key = |span: &Span| {
        let (before, after) = context_agreement(text, span, anchor);
        (before + after, Reverse(span.start.abs_diff(anchor.start)))
    };
    let mut search = Outward::new(text, quote, anchor.start);
    loop {
        let found = search.round();
        let best = found.into_iter().map(|start| start..start + quote.len()).max_by_key(|span| key(span));
        // Anything not yet searched is farther away, so only more context could beat `best`.
        match best {
            Some(best) if key(&best).0 >= full => return Some(best),
            best if search.done() => return best,
            _ => search.widen(),
        }
    }
}

/// Where `needle` occurs in `text`, the `limit` nearest `near` (the earlier of two as near first).
pub(super) fn nearest_occurrences(text: &str, needle: &str, near: usize, limit: usize) -> Vec<usize> {
    let mut search = Outward::new(text, needle, near);
    loop {
        let mut found = search.round();
        if found.len() >= limit || search.done() {
            found.sort_by_key(|start| start.abs_diff(near));
            found.truncate(limit);
            return found;
        }
        search.widen();
    }
}

/// Start of every occurrence of `needle` in `range` of `text` (overlapping ones included).
pub(super) fn occurrences_in(text: &str, needle: &str, range: &Span) -> Vec<usize> {
    let bytes = text.as_bytes().get(range.clone()).unwrap_or(&[]);
    if needle.is_empty() {
        return Vec::new();
    }
    let finder = Finder::new(needle);
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = bytes.get(from..).and_then(|rest| finder.find(rest)) {
        found.push(range.start + from + at);
        // One byte on: in UTF-8 no occurrence starts inside a character of another.
        from += at + 1;
    }
    found
}

/// A search that reads ever wider windows around a place.
struct Outward<'a> {
    text: &'a str,
    needle: &'a str,
    center: usize,
    radius: usize,
}

impl<'a> Outward<'a> {
    fn new(text: &'a str, needle: &'a str, near: usize) -> Self {
        Self { text, needle, center: near.min(text.len()), radius: FIRST_RADIUS.max(needle.len()) }
    }

    /// Occurrences starting at most `radius` bytes from the center, ascending: all of those
    /// nearer than anything a later round finds.
    fn round(&self) -> Vec<usize> {
        occurrences_in(self.text, self.needle, &self.window())
    }

    fn window(&self) -> Span {
        let end = self.center.saturating_add(self.radius).saturating_add(self.needle.len());
        self.center.saturating_sub(self.radius)..end.min(self.text.len())
    }

    /// Whether the last round read the whole text.
    fn done(&self) -> bool {
        self.window() == (0..self.text.len())
    }

    fn widen(&mut self) {
        self.radius = self.radius.saturating_mul(GROWTH);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_overlap_and_stay_in_range() {
        assert_eq!(occurrences_in("aaaa", "aa", &(0..4)), [0, 1, 2]);
        assert_eq!(occurrences_in("aaaa", "aa", &(1..3)), [1]);
        assert_eq!(occurrences_in("aaaa", "", &(0..4)), Vec::<usize>::new());
        assert_eq!(occurrences_in("aaaa", "aa", &(3..9)), Vec::<usize>::new());
        assert_eq!(occurrences_in("북한 북한", "북한", &(0..13)), [0, 7]);
    }

    #[test]
    fn nearest_occurrences_come_nearest_first_from_far_and_wide() {
        let text = format!("{}mark{}mark{}mark", "x".repeat(100_000), "y".repeat(50), "z".repeat(200_000));
        let (first, second, third) = (100_000, 100_054, 300_058);
        assert_eq!(nearest_occurrences(&text, "mark", 0, 2), [first, second]);
        assert_eq!(nearest_occurrences(&text, "mark", usize::MAX, 2), [third, second]);
        assert_eq!(nearest_occurrences(&text, "mark", 100_027, 9), [first, second, third]);
        assert_eq!(nearest_occurrences(&text, "none", 5, 3), Vec::<usize>::new());
    }

    #[test]
    fn the_best_occurrence_is_found_far_from_the_old_place_when_only_it_has_the_context() {
        let quote = "The ministry declined to comment.";
        let text =
            format!("Rates held. {quote} Markets rose.{}Exports fell. {quote} Imports rose.", " filler".repeat(20_000));
        let far = text.rfind(quote).unwrap_or_default();
        let anchor = Anchor {
            start: 12,
            end: 12 + quote.len(),
            quote: quote.into(),
            prefix: "Exports fell. ".into(),
            suffix: " Imports rose.".into(),
        };
        assert_eq!(best_occurrence(&text, &anchor), Some(far..far + quote.len()));
        let nearest = Anchor { prefix: "Unknown. ".into(), suffix: " Unknown.".into(), ..anchor };
        assert_eq!(best_occurrence(&text, &nearest), Some(12..12 + quote.len()));
    }
}
