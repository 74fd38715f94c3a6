//! Test fixtures shared by the anchoring tests: an article, quotes from it, and helpers.

use super::{Placement, place};
use crate::annotations::claim::Anchor;
use crate::text::{paragraphs, sentences};

pub(super) const ARTICLE: &str = "North Korea fires ballistic missile toward East Sea\n\n\
SEOUL — North Korea fired a short-range ballistic missile into the sea off its east coast on Tuesday, \
South Korea's Joint Chiefs of Staff said. The missile flew about 600 kilometres before splashing down \
outside Japan's exclusive economic zone, according to the Japanese defence ministry.\n\n\
It was the third launch this month. Analysts said the timing suggested a response to joint drills by \
the United States and South Korea, which began on Monday and involve about 12,000 troops.\n\n\
\"We strongly condemn this reckless act,\" a spokesperson for the presidential office said. Officials \
in Tokyo said they had lodged a protest through diplomatic channels in Beijing.\n\n\
The launch came two days after North Korea fired two cruise missiles into the sea off its west coast \
on Sunday, the South Korean military said.\n";

pub(super) const LAUNCH: &str = "North Korea fired a short-range ballistic missile into the sea off its east coast on \
Tuesday, South Korea's Joint Chiefs of Staff said.";
pub(super) const DISTANCE: &str = "The missile flew about 600 kilometres before splashing down outside Japan's exclusive \
economic zone, according to the Japanese defence ministry.";
pub(super) const ANALYSTS: &str = "Analysts said the timing suggested a response to joint drills by the United States \
and South Korea, which began on Monday and involve about 12,000 troops.";

pub(super) fn anchor(text: &str, quote: &str) -> Anchor {
    let start = text.find(quote).expect("the quote is in the text");
    Anchor::of(text, &(start..start + quote.len()))
}

pub(super) fn place_in(text: &str, anchor: &Anchor) -> Placement {
    place(text, &sentences(text, &paragraphs(text)), anchor)
}

/// The text a placement points at.
pub(super) fn placed<'a>(text: &'a str, placement: &Placement) -> &'a str {
    match placement {
        Placement::Moved(span) | Placement::Fuzzy { span, .. } => &text[span.clone()],
        other => panic!("expected a new place, got {other:?}"),
    }
}

pub(super) fn similarity(placement: &Placement) -> f64 {
    match placement {
        Placement::Fuzzy { similarity, .. } => *similarity,
        other => panic!("expected a fuzzy placement, got {other:?}"),
    }
}
