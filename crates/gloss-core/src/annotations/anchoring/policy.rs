//! Where a claim goes when its article's text changed: unchanged, moved to the exact quote
//! elsewhere, fuzzily to an edited version of it, or orphaned — in that order of certainty.

use super::context::{context_agreement, full_context};
use super::exact::best_occurrence;
use super::fuzzy::fuzzy;
use crate::annotations::claim::Anchor;
use crate::text::Span;

/// Where an anchor's quote is in a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Placement {
    /// The quote is still at `anchor.start..anchor.end`.
    Unchanged,
    /// The exact quote, found elsewhere (the best of several by context, then by distance).
    Moved(Span),
    /// Text close to the quote; `similarity` in 0..=1.
    Fuzzy { span: Span, similarity: f64 },
    /// Nothing good enough: the claim must be kept as an orphan.
    Orphaned,
}

/// Finds `anchor`'s quote in `text`, whose sentences are `sentences` (ascending, trimmed byte ranges).
///
/// The exact quote elsewhere is `Moved`, unless an edited version of it elsewhere has more of its
/// old surroundings (a statement quoted twice, the claimed copy edited): then that is `Fuzzy`.
///
/// Never panics: offsets past the end or inside a character, and sentence spans that do not fit
/// `text`, are treated as not matching. A quote that is empty or only whitespace is orphaned.
/// Every span returned lies on character boundaries of `text`.
pub fn place(text: &str, sentences: &[Span], anchor: &Anchor) -> Placement {
    if anchor.quote.trim().is_empty() {
        return Placement::Orphaned;
    }
    let old = anchor.span();
    let in_place = text.get(old.clone()) == Some(anchor.quote.as_str());
    if in_place && agreement(text, &old, anchor) >= full_context(anchor) {
        return Placement::Unchanged;
    }
    // The quote still at its old offset but with its surroundings changed may be another copy
    // that the text shifted there: it stays only if no copy has more of the old surroundings.
    match best_occurrence(text, anchor) {
        Some(exact) if in_place && exact == old => Placement::Unchanged,
        Some(exact) => moved(text, sentences, anchor, exact),
        None => fuzzy(text, sentences, anchor),
    }
}

/// Characters of the old context still beside `span`, both sides together.
fn agreement(text: &str, span: &Span, anchor: &Anchor) -> usize {
    let (before, after) = context_agreement(text, span, anchor);
    before + after
}

/// `Moved` to the exact quote at `exact`, unless that copy has less of the quote's old
/// surroundings than an edited version of the quote elsewhere: a statement quoted twice, the
/// claimed copy edited, must not jump to the other copy.
fn moved(text: &str, sentences: &[Span], anchor: &Anchor, exact: Span) -> Placement {
    let agreement = |span: &Span| agreement(text, span, anchor);
    if agreement(&exact) >= full_context(anchor) {
        return Placement::Moved(exact);
    }
    match fuzzy(text, sentences, anchor) {
        Placement::Fuzzy { span, similarity }
            if (span.end <= exact.start || exact.end <= span.start) && agreement(&span) > agreement(&exact) =>
        {
            Placement::Fuzzy { span, similarity }
        }
        _ => Placement::Moved(exact),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::anchoring::fixtures::{ANALYSTS, ARTICLE, LAUNCH, anchor, place_in, placed};
    use crate::text::{paragraphs, sentences};

    #[test]
    fn unchanged_text_leaves_every_sentence_in_place() {
        for sentence in sentences(ARTICLE, &paragraphs(ARTICLE)) {
            let anchor = Anchor::of(ARTICLE, &sentence);
            assert_eq!(place_in(ARTICLE, &anchor), Placement::Unchanged, "{}", anchor.quote);
        }
    }

    #[test]
    fn a_paragraph_inserted_above_moves_the_quote() {
        let anchor = anchor(ARTICLE, ANALYSTS);
        let edited = ARTICLE.replacen(
            "\n\nIt was the third",
            "\n\nThe launch was detected at 7:42 a.m. local time from the Tongchang-ri area.\n\nIt was the third",
            1,
        );
        let start = edited.find(ANALYSTS).unwrap();
        assert_eq!(place_in(&edited, &anchor), Placement::Moved(start..start + ANALYSTS.len()));
    }

    #[test]
    fn text_deleted_above_moves_the_quote() {
        let anchor = anchor(ARTICLE, ANALYSTS);
        let edited = ARTICLE.replacen(&format!("{LAUNCH} "), "", 1);
        let start = edited.find(ANALYSTS).unwrap();
        assert_eq!(place_in(&edited, &anchor), Placement::Moved(start..start + ANALYSTS.len()));
    }

    #[test]
    fn a_repeated_sentence_is_told_apart_by_its_context() {
        let repeated = "The ministry declined to comment.";
        let text = format!(
            "Exports rose 5.1% in March, customs data showed. {repeated} Shipments of chips led the gains.\n\n\
             Imports fell for a second month as energy prices eased. {repeated} Economists expect a rebound.\n"
        );
        let second = text.rfind(repeated).unwrap();
        let first_anchor = anchor(&text, repeated);
        let second_anchor = Anchor::of(&text, &(second..second + repeated.len()));
        // The insertion is longer than half the gap, so the first copy is now nearer the second's
        // old place: only the context can tell them apart.
        let insertion = "Seoul, April 1 (Newswire) — South Korea's trade figures beat forecasts for March.\n\n";
        let edited = format!("{insertion}{text}");
        let (one, two) = (edited.find(repeated).unwrap(), edited.rfind(repeated).unwrap());
        assert!(one.abs_diff(second_anchor.start) < two.abs_diff(second_anchor.start));
        assert_eq!(place_in(&edited, &second_anchor), Placement::Moved(two..two + repeated.len()));
        assert_eq!(place_in(&edited, &first_anchor), Placement::Moved(one..one + repeated.len()));
    }

    #[test]
    fn an_edited_quote_is_not_moved_to_an_identical_copy_elsewhere() {
        let statement = "“We will not tolerate any provocation,” the defence minister told parliament.";
        let text = format!(
            "{LAUNCH} {statement} Markets in Seoul were calm.\n\n\
             Later in the day the ministry repeated the warning. {statement}\n"
        );
        let first = text.find(statement).unwrap();
        let anchor = Anchor::of(&text, &(first..first + statement.len()));
        let edited = text.replacen("defence minister told", "defence minister told a committee of", 1);
        let placement = place_in(&edited, &anchor);
        assert_eq!(placed(&edited, &placement), statement.replace("told", "told a committee of"));
        assert!(matches!(placement, Placement::Fuzzy { span, .. } if span.start == first));

        // With its own place gone, the copy is the only place the claim can be.
        let deleted = text.replacen(&format!("{statement} "), "", 1);
        let copy = deleted.find(statement).unwrap();
        assert_eq!(place_in(&deleted, &anchor), Placement::Moved(copy..copy + statement.len()));
    }

    #[test]
    fn empty_text_and_empty_quotes() {
        let anchor = anchor(ARTICLE, LAUNCH);
        assert_eq!(place("", &[], &anchor), Placement::Orphaned);
        assert_eq!(place("", &[0..0, 3..9], &anchor), Placement::Orphaned);
        let empty = Anchor { start: 0, end: 0, quote: String::new(), prefix: String::new(), suffix: String::new() };
        assert_eq!(place_in(ARTICLE, &empty), Placement::Orphaned);
        assert_eq!(place("", &[], &empty), Placement::Orphaned);
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_do_not_panic() {
        let text = "“Nobody won,” said Kim Min-jun. 북한은 화요일 탄도미사일을 발사했다.";
        let quote = "said Kim Min-jun.";
        let start = text.find(quote).unwrap();
        let moved = |start: usize, end: usize| Anchor { start, end, ..anchor(text, quote) };
        let expected = Placement::Moved(start..start + quote.len());
        assert_eq!(place_in(text, &moved(1, 1 + quote.len())), expected); // inside “
        assert_eq!(place_in(text, &moved(500, 600)), expected);
        assert_eq!(place_in(text, &moved(usize::MAX - 1, usize::MAX)), expected);
        assert_eq!(place_in(text, &moved(30, 2)), expected);
        // Every offset pair, and sentence spans that do not fit the text.
        let bad_sentences = [0..1, 1..2, 40..400, Span { start: 9, end: 3 }];
        for start in 0..=text.len() + 1 {
            for end in [start, start + 1, start + 7, text.len() + 3] {
                let anchor =
                    Anchor { start, end, quote: "Kim Min-jun sad".into(), prefix: "x".into(), suffix: "y".into() };
                place(text, &bad_sentences, &anchor);
                place_in(text, &anchor);
            }
        }
    }

    #[test]
    fn curly_quotes_and_korean() {
        let text = "“We will respond sternly,” the ministry said on Tuesday.\n\n\
            북한은 화요일 오전 동해상으로 단거리 탄도미사일 1발을 발사했다고 합동참모본부가 밝혔다. \
            군은 추가 발사에 대비해 감시를 강화하고 있다.\n";
        let korean = "북한은 화요일 오전 동해상으로 단거리 탄도미사일 1발을 발사했다고 합동참모본부가 밝혔다.";
        let anchor_ko = anchor(text, korean);
        let quoted = "“We will respond sternly,” the ministry said on Tuesday.";
        let anchor_quoted = anchor(text, quoted);

        let edited = format!("속보\n\n{text}");
        let start = edited.find(korean).unwrap();
        assert_eq!(place_in(&edited, &anchor_ko), Placement::Moved(start..start + korean.len()));

        let edited = text.replacen("1발을", "2발을", 1).replacen("“We will", "“We shall", 1);
        assert_eq!(placed(&edited, &place_in(&edited, &anchor_ko)), korean.replacen("1발을", "2발을", 1));
        assert_eq!(placed(&edited, &place_in(&edited, &anchor_quoted)), quoted.replacen("will", "shall", 1));

        let edited = text.replacen(&format!("{korean} "), "", 1);
        assert_eq!(place_in(&edited, &anchor_ko), Placement::Orphaned);
    }

    #[test]
    fn a_copy_shifted_into_the_old_place_is_not_taken_for_the_quote() {
        let quote = "12,000 troops";
        let text = format!("Drills began with {quote} on Monday. Officials said more would come.");
        let anchor = anchor(&text, quote);
        // Another copy, with other surroundings, now sits exactly at the quote's old offset.
        let edited = format!("Earlier, in March {quote} left. {text}");
        assert_eq!(edited.get(anchor.span()), Some(quote));
        let start = edited.rfind(quote).unwrap();
        assert_eq!(place_in(&edited, &anchor), Placement::Moved(start..start + quote.len()));
        // Surroundings edited but no better copy anywhere: still unchanged.
        let edited = text.replacen("Drills began with", "Drills start with", 1);
        assert_eq!(place_in(&edited, &anchor), Placement::Unchanged);
    }
}
