//! Agreement between analysts who annotated the same articles, each in their own store.
//!
//! **Units.** An analyst has *annotated* an article when their record of it has a claim
//! (placed or orphaned) or a note on the article; opening it is not enough, and an analyst who
//! finds nothing to tag says so with an article note. The units are the sentences (as the
//! reader splits them) of the articles every analyst annotated. A claim is *on* a sentence when
//! they overlap by at least half of the shorter of the two.
//!
//! **Questions.** Each analyst answers, for each unit: for every claim type, "is a claim on it
//! tagged with this type?" (yes / no: "not tagged" is the no); "is any claim on it?";
//! "is a claim on it check-worthy?"; and the verdict of the claim that covers most of it —
//! the verdict is asked only of sentences every analyst put a claim on.
//!
//! **Figures.** Per question: Cohen's kappa for two analysts, Fleiss' kappa for three or more,
//! both over the units; Krippendorff's alpha (nominal) over every sentence at least two
//! analysts answered (of articles at least two annotated), as alpha allows missing answers; the
//! units, those all agreed on, and each analyst's yes-answers. A figure is `None` ("n/a"), never
//! NaN, when undefined: no units, one analyst, or agreement expected by chance already 1.
//!
//! **Spans.** For each pair of analysts, over the articles both annotated, their placed claims
//! (all, those with a given type, the check-worthy ones) are matched one to one
//! ([`matching::group`]): the very same span first, else the span overlapping it most by at
//! least half of the shorter. Span F1 = 2·matched / (claims of one + claims of the other),
//! exact (same span only) and overlapping.
//!
//! **One shared store.** A store holding the claims of several authors is seen as one analyst
//! per author ([`authors::by_author`]): see [`authors`] for the rule (the article note counts
//! for nobody).
//!
//! [`disagreement`] lists, for one article, the places analysts tagged differently.

pub mod alpha;
pub mod authors;
pub mod coding;
pub mod disagreement;
pub mod kappa;
pub mod matching;
pub mod report;
pub mod table;

pub use authors::{authors, by_author, record_by_author};
pub use coding::Coder;
pub use disagreement::{Choice, Item, compare, disagreements};
pub use matching::Rule;
pub use report::{Coded, Figures, Pair, Question, Report, SpanAgreement, report, report_on, shown};
pub use table::table;

#[cfg(test)]
mod tests;
