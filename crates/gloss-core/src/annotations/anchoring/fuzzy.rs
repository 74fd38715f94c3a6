//! The fuzzy stage: candidates by cheap score, the best few by edit distance, the best one
//! nudged, and accepted only if it clears the similarity floor.

use super::candidates::candidates;
use super::policy::Placement;
use super::quote::Quote;
use super::scoring::{Scored, Scorer};
use crate::annotations::claim::Anchor;
use crate::text::Span;

/// Lowest similarity (0..=1) accepted for a fuzzy placement.
///
/// Similarity is normalized Levenshtein, `1 - edits / longer length`, so 0.8 lets a 120-character
/// sentence take ~24 character edits: a changed figure and date, or an inserted phrase, which is
/// what updates and corrections do (one changed number scores ~0.98, three edited phrases ~0.8).
/// Lower, and rewritten sentences that make a different claim pass: "The central bank raised its
/// benchmark rate to 3.75%" against "… kept its benchmark rate unchanged at 3.5%" is 0.73.
/// Similarity alone cannot separate edits from look-alike sentences (two launches reported on
/// the same template score 0.84), which is why a fuzzy placement also needs its context.
pub const MIN_SIMILARITY: f64 = 0.8;

/// Longest quote, in characters, that is looked for fuzzily; a longer one is found only exactly.
///
/// 10,000 characters is some 1,600 words, longer than most whole news articles: a claim is a
/// statement, not a chapter. The bound keeps one placement to milliseconds whatever the input:
/// an edit distance with a cutoff of a fifth of the length costs up to `n × n / 160` word
/// operations (~0.6 M here), and a placement computes a few dozen.
pub const MAX_FUZZY_CHARS: usize = 10_000;

/// Candidates whose edit distance is computed, best cheap score first.
const MAX_SCORED: usize = 16;

/// Text close to `anchor`'s quote that still has some of its old surroundings, or `Orphaned`.
pub(super) fn fuzzy(text: &str, sentences: &[Span], anchor: &Anchor) -> Placement {
    let quote = Quote::new(&anchor.quote);
    if quote.chars > MAX_FUZZY_CHARS {
        return Placement::Orphaned;
    }
    let (islands, spans) = candidates(text, sentences, &quote, anchor);
    let scorer = Scorer { text, islands: &islands, quote: &quote, anchor };
    let mut best: Option<Scored> = None;
    for span in spans.into_iter().take(MAX_SCORED) {
        // Only a candidate that could rank at least as well as the best so far is worth its
        // full distance; ties go to the later candidate, as they always have.
        if let Some(scored) = scorer.score(span, best.as_ref().map(|best| best.rank))
            && best.as_ref().is_none_or(|best| scored.rank >= best.rank)
        {
            best = Some(scored);
        }
    }
    // The threshold applies to the best-aligned span only: a runner-up that clears it by
    // leaving out part of the edited text is not a better answer.
    match best.map(|best| scorer.refine(best)) {
        Some(best) if best.similarity >= MIN_SIMILARITY => {
            Placement::Fuzzy { span: best.span, similarity: best.similarity }
        }
        _ => Placement::Orphaned,
    }
}

#[cfg(test)]
mod tests {
    use strsim::normalized_levenshtein;

    use super::*;
    use crate::annotations::anchoring::fixtures::{
        ANALYSTS, ARTICLE, DISTANCE, LAUNCH, anchor, place_in, placed, similarity,
    };

    #[test]
    fn a_changed_number_is_found_fuzzily() {
        let anchor = anchor(ARTICLE, DISTANCE);
        let edited = ARTICLE.replacen("about 600 kilometres", "about 650 kilometres", 1);
        let placement = place_in(&edited, &anchor);
        let found = placed(&edited, &placement);
        assert_eq!(found, DISTANCE.replacen("600", "650", 1));
        assert!((similarity(&placement) - normalized_levenshtein(DISTANCE, found)).abs() < 1e-12);
        assert!(similarity(&placement) > 0.95);
    }

    #[test]
    fn an_inserted_word_is_found_fuzzily() {
        let anchor = anchor(ARTICLE, LAUNCH);
        let edited = ARTICLE.replacen("fired a short-range", "fired what appeared to be a new short-range", 1);
        let placement = place_in(&edited, &anchor);
        assert_eq!(
            placed(&edited, &placement),
            LAUNCH.replacen("a short-range", "what appeared to be a new short-range", 1)
        );
        assert!((MIN_SIMILARITY..0.95).contains(&similarity(&placement)));
    }

    #[test]
    fn edits_right_next_to_the_quote_do_not_lose_it() {
        let anchor = anchor(ARTICLE, DISTANCE);
        let edited = ARTICLE
            .replacen("Joint Chiefs of Staff said.", "military said in a text message to reporters.", 1)
            .replacen("\n\nIt was the third launch", "\n\nIt was the fourth launch", 1);
        let start = edited.find(DISTANCE).unwrap();
        assert_eq!(place_in(&edited, &anchor), Placement::Moved(start..start + DISTANCE.len()));

        // The quote edited too: one side of its context is enough.
        let edited = edited.replacen("about 600", "roughly 600", 1);
        let placement = place_in(&edited, &anchor);
        assert_eq!(placed(&edited, &placement), DISTANCE.replacen("about", "roughly", 1));
    }

    #[test]
    fn part_of_a_sentence_survives_edits_elsewhere_in_it() {
        let part = "a response to joint drills by the United States and South Korea";
        let anchor = anchor(ARTICLE, part);
        let edited = ARTICLE.replacen("Analysts said the timing", "Several analysts in Seoul said the timing", 1);
        let start = edited.find(part).unwrap();
        assert_eq!(place_in(&edited, &anchor), Placement::Moved(start..start + part.len()));

        let edited = edited.replacen("to joint drills", "to annual joint drills", 1);
        let placement = place_in(&edited, &anchor);
        assert_eq!(
            placed(&edited, &placement),
            "a response to annual joint drills by the United States and South Korea"
        );
    }

    #[test]
    fn a_multi_sentence_quote_with_one_sentence_edited() {
        let quote = format!("It was the third launch this month. {ANALYSTS}");
        let anchor = anchor(ARTICLE, &quote);
        let edited = ARTICLE.replacen("12,000 troops", "15,000 troops from both countries", 1);
        let placement = place_in(&edited, &anchor);
        assert_eq!(
            placed(&edited, &placement),
            quote.replacen("12,000 troops", "15,000 troops from both countries", 1)
        );
    }

    #[test]
    fn a_deleted_sentence_is_orphaned_despite_look_alikes() {
        // A look-alike in another paragraph, on the same template: 0.8+ similar to the quote.
        let text = ARTICLE.replacen(
            "on Sunday, the South Korean military said.",
            "on Sunday, the South Korean military said. North Korea fired a short-range ballistic \
             missile into the sea off its west coast on Sunday, South Korea's military said.",
            1,
        );
        let look_alike = "North Korea fired a short-range ballistic missile into the sea off its west coast on \
            Sunday, South Korea's military said.";
        assert!(text.contains(look_alike) && normalized_levenshtein(LAUNCH, look_alike) > MIN_SIMILARITY);
        let anchor = anchor(&text, LAUNCH);
        let edited = text.replacen(&format!("{LAUNCH} "), "", 1);
        assert_eq!(place_in(&edited, &anchor), Placement::Orphaned);
    }

    #[test]
    fn the_neighbour_left_in_a_deleted_sentences_place_is_not_taken_for_it() {
        let text = "Seoul, April 1 — Exports rose 5.1% in March from a year earlier, the ministry said. Imports \
            rose 4.8% in March from a year earlier, the ministry said. The trade surplus widened.\n";
        let quote = "Exports rose 5.1% in March from a year earlier, the ministry said.";
        let anchor = anchor(text, quote);
        let edited = text.replacen(&format!("{quote} "), "", 1);
        let sentence = "Imports rose 4.8% in March from a year earlier, the ministry said.";
        assert!(normalized_levenshtein(quote, sentence) > 0.9);
        assert_eq!(place_in(&edited, &anchor), Placement::Orphaned);
    }

    #[test]
    fn a_rewritten_sentence_is_orphaned_in_its_own_place() {
        let anchor = anchor(ARTICLE, DISTANCE);
        let rewritten = "The missile flew about 1,000 kilometres and landed inside Japan's exclusive economic \
            zone for the first time, the Japanese defence ministry said.";
        assert!((0.65..MIN_SIMILARITY).contains(&normalized_levenshtein(DISTANCE, rewritten)));
        let edited = ARTICLE.replacen(DISTANCE, rewritten, 1);
        assert_eq!(place_in(&edited, &anchor), Placement::Orphaned);
    }

    #[test]
    fn long_quotes_are_found_fuzzily_up_to_the_bound_and_only_exactly_beyond_it() {
        let paragraphs = |count: usize| -> String {
            let items: Vec<String> =
                (0..count).map(|i| format!("Item {i}: exports to region {i} rose {i}.5% in March.")).collect();
            items.join(" ")
        };
        for (count, found) in [(150, true), (250, false)] {
            let quote = paragraphs(count);
            assert_eq!(quote.chars().count() <= MAX_FUZZY_CHARS, found);
            let text = format!("Seoul, April 1 — the figures were released. {quote} Markets were calm.");
            let anchor = anchor(&text, &quote);
            let inserted = format!("Correction appended.\n\n{text}");
            let start = inserted.find(&quote).unwrap();
            assert_eq!(place_in(&inserted, &anchor), Placement::Moved(start..start + quote.len()));
            let edited = text.replacen("region 7 rose 7.5%", "region 7 rose 9.25%", 1);
            let placement = place_in(&edited, &anchor);
            if found {
                assert_eq!(placed(&edited, &placement), quote.replacen("7 rose 7.5%", "7 rose 9.25%", 1));
            } else {
                assert_eq!(placement, Placement::Orphaned);
            }
        }
    }
}
