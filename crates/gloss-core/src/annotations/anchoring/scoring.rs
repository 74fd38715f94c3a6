//! Scoring candidates: edit distance to the quote, with a cutoff derived from the best rank so far
//! so that a candidate that cannot win costs little, and the rank that puts span ends back where
//! they were; then nudging the best span's ends while that ranks better.

use rapidfuzz::distance::levenshtein;

use super::candidates::Islands;
use super::context::{first_chars, last_chars, placeable, text_after, text_before};
use super::quote::{Quote, ratio};
use crate::annotations::claim::{Anchor, CONTEXT_CHARS};
use crate::text::Span;

/// Tie-break added to the rank for nearness to the old place: too small to prefer a candidate
/// one edit worse.
const NEARNESS_WEIGHT: f64 = 0.001;
/// Boundary nudges tried on the best candidate.
const MAX_REFINE_STEPS: usize = 6;

/// A candidate span, its similarity to the quote, and its rank among candidates.
#[derive(Debug)]
pub(super) struct Scored {
    pub span: Span,
    pub similarity: f64,
    pub rank: f64,
}

/// Levenshtein distance between `a` and `b` in characters, or `None` if it is over `cutoff`.
///
/// `rapidfuzz` skips the common start and end itself and, given a cutoff, computes only a band
/// of the matrix around its diagonal and stops once the band is over the cutoff: an edit or two
/// in a long quote costs about as much as reading it, and a hopeless candidate little more.
pub(super) fn edit_distance(a: &str, b: &str, cutoff: Option<usize>) -> Option<usize> {
    match cutoff {
        Some(cutoff) => {
            levenshtein::distance_with_args(a.chars(), b.chars(), &levenshtein::Args::default().score_cutoff(cutoff))
        }
        None => Some(levenshtein::distance(a.chars(), b.chars())),
    }
}

/// Scores spans of one text for one anchor.
pub(super) struct Scorer<'a> {
    pub text: &'a str,
    pub islands: &'a Islands,
    pub quote: &'a Quote<'a>,
    pub anchor: &'a Anchor,
}

impl Scorer<'_> {
    /// The span's similarity to the quote, and its rank: the similarity of the quote *with its
    /// old context* to the span with the text around it. Similarity alone favours a window cut
    /// short of an insertion (dropping "North Korea fired" beats keeping "what appeared to be"),
    /// the context puts the ends back where they were. `None` when the rank could not reach
    /// `to_reach`, or the span is not in an island.
    pub fn score(&self, span: Span, to_reach: Option<f64>) -> Option<Scored> {
        let chars = self.islands.of(&span)?.chars_in(&span)?;
        let longer = self.quote.chars.max(chars);
        let (context_edits, context_chars) = self.context_edits(&span);
        let nearness = 1.0 - ratio(span.start.abs_diff(self.anchor.start), self.text.len()).min(1.0);
        let bonus = NEARNESS_WEIGHT * nearness;
        // rank >= to_reach  <=>  edits <= (1 + bonus - to_reach) * (longer + context) - context edits;
        // one edit more than that is allowed, for rounding, and the ranks compared as computed.
        let cutoff = to_reach.map(|rank| {
            let allowed = (1.0 + bonus - rank) * as_f64(longer + context_chars) - as_f64(context_edits);
            as_count(allowed) + 1
        });
        let edits = edit_distance(self.quote.text, self.text.get(span.clone())?, cutoff)?;
        // `strsim::normalized_levenshtein`, from the distance we already have.
        let similarity = 1.0 - ratio(edits, longer);
        let with_context = 1.0 - ratio(edits + context_edits, longer + context_chars);
        Some(Scored { rank: with_context + bonus, similarity, span })
    }

    /// Edits between the anchor's prefix and suffix and the same length of text around `span`,
    /// and the length of the prefix and suffix.
    fn context_edits(&self, span: &Span) -> (usize, usize) {
        let (prefix, suffix) = (self.anchor.prefix.trim_end(), self.anchor.suffix.trim_start());
        // A short prefix reached back to the start of the text: then all the text now before
        // the span is compared, so that leaving words out of the span costs; so for a suffix.
        let wanted = |context: &str, stored: &str| {
            if stored.chars().count() < CONTEXT_CHARS { CONTEXT_CHARS } else { context.chars().count() }
        };
        let before = last_chars(text_before(self.text, span.start), wanted(prefix, &self.anchor.prefix));
        let after = first_chars(text_after(self.text, span.end), wanted(suffix, &self.anchor.suffix));
        let edits = |a, b| edit_distance(a, b, None).unwrap_or(0);
        let longer = |a: &str, b: &str| a.chars().count().max(b.chars().count());
        (edits(prefix, before) + edits(suffix, after), longer(prefix, before) + longer(suffix, after))
    }

    /// Moves `best`'s ends one boundary at a time while that ranks better: candidates come from a
    /// cheap score, which is generous about where a span stops.
    pub fn refine(&self, mut best: Scored) -> Scored {
        for _ in 0..MAX_REFINE_STEPS {
            let Some(island) = self.islands.of(&best.span) else { break };
            let better = island
                .nudges(&best.span)
                .into_iter()
                .filter(|span| island.fits(span, self.quote))
                .filter(|span| placeable(self.text, span, self.quote.text, self.anchor))
                .filter_map(|span| self.score(span, Some(best.rank)))
                .filter(|scored| scored.rank > best.rank)
                .max_by(|a, b| a.rank.total_cmp(&b.rank));
            match better {
                Some(scored) => best = scored,
                None => break,
            }
        }
        best
    }
}

/// A count as a float; counts here are far below 2^52, so the conversion is exact.
#[allow(clippy::cast_precision_loss)]
fn as_f64(count: usize) -> f64 {
    count as f64
}

/// A non-negative float rounded down to a count (0 for negative or not-a-number).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn as_count(value: f64) -> usize {
    if value.is_nan() || value <= 0.0 { 0 } else { value.floor().min(1e15) as usize }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn distances_count_characters_and_respect_the_cutoff() {
        assert_eq!(edit_distance("북한은 1발을", "북한은 2발을", None), Some(1));
        assert_eq!(edit_distance("kitten", "sitting", Some(3)), Some(3));
        assert_eq!(edit_distance("kitten", "sitting", Some(2)), None);
        assert_eq!(edit_distance("", "abc", Some(0)), None);
        assert_eq!(edit_distance("", "", Some(0)), Some(0));
    }

    #[test]
    fn counts_from_floats() {
        assert_eq!((as_count(-3.0), as_count(f64::NAN), as_count(2.9), as_count(1e300)), (0, 0, 2, 10_usize.pow(15)));
    }

    proptest! {
        /// rapidfuzz agrees with strsim's plain dynamic programme, within and over the cutoff.
        #[test]
        fn distances_agree_with_a_plain_levenshtein(
            a in "[ab북한\u{301} ]{0,80}",
            b in "[ab북한\u{301} ]{0,80}",
            cutoff in 0_usize..40,
        ) {
            let plain = strsim::levenshtein(&a, &b);
            prop_assert_eq!(edit_distance(&a, &b, None), Some(plain));
            prop_assert_eq!(edit_distance(&a, &b, Some(cutoff)), (plain <= cutoff).then_some(plain));
        }
    }
}
