//! Finding a claim's quote again after its article was edited: exactly, by context, then fuzzily.
//!
//! The order matters. The exact quote at its old offset is certain; the exact quote elsewhere is
//! nearly so (several copies are told apart by the text around them); a fuzzy match needs two
//! pieces of evidence, text close to the quote *and* some of its old surroundings still beside it,
//! because a deleted sentence often leaves behind others built on the same template ("North Korea
//! fired …, the military said"). When in doubt the claim is orphaned: an orphan is shown to the
//! analyst, a claim on the wrong sentence is not.
//!
//! - [`policy`]: the order above, and [`place`], the one entry point.
//! - [`exact`]: where the exact quote (or a piece of its context) occurs, nearest first.
//! - [`context`]: how much of the old surroundings a span still has.
//! - [`fuzzy`]: the fuzzy stage, from candidates to the best one clearing [`MIN_SIMILARITY`].
//! - [`quote`], [`index`], [`candidates`]: the quote's character pairs, the stretches of text
//!   around the old surroundings prepared for it, and the spans there that could be the quote.
//! - [`scoring`]: edit distances with a cutoff (`rapidfuzz`), ranks, and nudging the best span.
//!
//! The work is bounded whatever the text: the stages look outward from the old place and stop
//! once nothing farther can win, fuzzy matching looks only beside the nearest few places where
//! the old surroundings still are, and quotes longer than [`fuzzy::MAX_FUZZY_CHARS`] are only
//! found exactly.

mod candidates;
mod context;
mod exact;
mod fuzzy;
mod index;
mod policy;
mod quote;
mod scoring;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod properties;

pub use fuzzy::{MAX_FUZZY_CHARS, MIN_SIMILARITY};
pub use policy::{Placement, place};
