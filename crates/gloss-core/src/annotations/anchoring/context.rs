//! How much of a quote's old surroundings (its anchor's prefix and suffix) a span still has, and
//! the places where what is left of them begins and ends.

use super::exact::nearest_occurrences;
use crate::annotations::claim::Anchor;
use crate::text::Span;

/// Characters of old context that must still agree on one side of a fuzzy candidate.
pub(super) const CONTEXT_AGREEMENT: usize = 10;
/// Characters of the text that followed (or preceded) the quote that mark a candidate as that
/// neighbour, sitting in the quote's old place after the quote was deleted.
const NEIGHBOUR_CHARS: usize = 12;
/// Places kept where the old prefix still ends, and where the old suffix still starts, nearest
/// the quote's old place first: a fuzzy placement must start or end at one of them.
pub(super) const FOOTHOLDS: usize = 16;
/// Most whitespace characters between a span and its context that are looked past.
const MAX_GAP: usize = 1024;

/// Characters of the anchor's prefix that still end the text before `span`, and of its suffix
/// that still start the text after it; whitespace next to the span is ignored.
pub(super) fn context_agreement(text: &str, span: &Span, anchor: &Anchor) -> (usize, usize) {
    let (before, after) = (text_before(text, span.start), text_after(text, span.end));
    let before = before.chars().rev().zip(anchor.prefix.trim_end().chars().rev()).take_while(|(a, b)| a == b).count();
    let after = after.chars().zip(anchor.suffix.trim_start().chars()).take_while(|(a, b)| a == b).count();
    (before, after)
}

/// The most [`context_agreement`] can give: all of the prefix and of the suffix.
pub(super) fn full_context(anchor: &Anchor) -> usize {
    anchor.prefix.trim_end().chars().count() + anchor.suffix.trim_start().chars().count()
}

/// Whether a fuzzy placement at `span` would have the evidence besides similarity: some of the
/// old surroundings, and not being the old neighbour left in a deleted quote's place.
pub(super) fn placeable(text: &str, span: &Span, quote: &str, anchor: &Anchor) -> bool {
    context_supports(text, span, anchor) && !is_neighbour(text.get(span.clone()).unwrap_or(""), quote, anchor)
}

/// Whether at least one side of `span` still has the anchor's old surroundings. An empty side
/// (the quote began or ended the text) agrees only with an empty side.
fn context_supports(text: &str, span: &Span, anchor: &Anchor) -> bool {
    let (before, after) = context_agreement(text, span, anchor);
    side_agrees(before, text_before(text, span.start).is_empty(), anchor.prefix.trim_end())
        || side_agrees(after, text_after(text, span.end).is_empty(), anchor.suffix.trim_start())
}

fn side_agrees(agreeing: usize, text_side_empty: bool, context: &str) -> bool {
    if context.is_empty() { text_side_empty } else { agreeing >= CONTEXT_AGREEMENT.min(context.chars().count()) }
}

/// Whether `candidate` is the text that used to follow (or precede) the quote: after a deletion
/// it sits where the quote was, with half the old context, and may resemble the quote.
fn is_neighbour(candidate: &str, quote: &str, anchor: &Anchor) -> bool {
    let length = NEIGHBOUR_CHARS.min(quote.chars().count());
    let follows = first_chars(anchor.suffix.trim_start(), length);
    let precedes = last_chars(anchor.prefix.trim_end(), length);
    let enough = |context: &str| length > 0 && context.chars().count() == length;
    (enough(follows) && candidate.starts_with(follows) && !quote.starts_with(follows))
        || (enough(precedes) && candidate.ends_with(precedes) && !quote.ends_with(precedes))
}

/// Where a placeable span may start, right after what is left of the anchor's prefix, and where
/// it may end, right before what is left of its suffix (see [`placeable`]), the [`FOOTHOLDS`]
/// nearest the old place of each.
pub(super) fn footholds(text: &str, anchor: &Anchor) -> (Vec<usize>, Vec<usize>) {
    let (prefix, suffix) = (anchor.prefix.trim_end(), anchor.suffix.trim_start());
    let after_prefix = if prefix.is_empty() {
        vec![text.len() - text.trim_start().len()]
    } else {
        let tail = last_chars(prefix, CONTEXT_AGREEMENT);
        let ends = nearest_occurrences(text, tail, anchor.start, FOOTHOLDS).into_iter().map(|at| at + tail.len());
        ends.map(|end| text.len() - text_after(text, end).len()).collect()
    };
    let before_suffix = if suffix.is_empty() {
        vec![text.trim_end().len()]
    } else {
        let head = first_chars(suffix, CONTEXT_AGREEMENT);
        let starts = nearest_occurrences(text, head, anchor.end, FOOTHOLDS);
        starts.into_iter().map(|start| text_before(text, start).len()).collect()
    };
    (after_prefix, before_suffix)
}

/// The text before `at` without the whitespace right before it, of which at most [`MAX_GAP`]
/// characters are skipped: a longer gap breaks the context (and skipping it for every candidate
/// would make a placement as slow as the gap is long).
pub(super) fn text_before(text: &str, at: usize) -> &str {
    let before = text.get(..at).unwrap_or("");
    let mut end = before.len();
    for (i, c) in before.char_indices().rev().take(MAX_GAP) {
        if !c.is_whitespace() {
            break;
        }
        end = i;
    }
    &before[..end]
}

/// The text after `at` without the whitespace right after it (at most [`MAX_GAP`] characters).
pub(super) fn text_after(text: &str, at: usize) -> &str {
    let after = text.get(at..).unwrap_or("");
    let mut start = 0;
    for (i, c) in after.char_indices().take(MAX_GAP) {
        if !c.is_whitespace() {
            break;
        }
        start = i + c.len_utf8();
    }
    &after[start..]
}

/// The first `count` characters of `text` (all of it if shorter).
pub(super) fn first_chars(text: &str, count: usize) -> &str {
    text.char_indices().nth(count).map_or(text, |(i, _)| &text[..i])
}

/// The last `count` characters of `text` (all of it if shorter).
pub(super) fn last_chars(text: &str, count: usize) -> &str {
    match count.checked_sub(1) {
        Some(n) => text.char_indices().rev().nth(n).map_or(text, |(i, _)| &text[i..]),
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(prefix: &str, quote: &str, suffix: &str) -> Anchor {
        let start = prefix.len();
        Anchor { start, end: start + quote.len(), quote: quote.into(), prefix: prefix.into(), suffix: suffix.into() }
    }

    #[test]
    fn agreement_counts_characters_and_ignores_whitespace_beside_the_span() {
        let anchor = anchor("Markets fell. ", "Rates rose.", " Bonds – mixed.");
        let text = "Shares fell.\n\nRates rose 1%.  Bonds – calm.";
        let span = 14..28;
        assert_eq!(&text[span.clone()], "Rates rose 1%.");
        assert_eq!(context_agreement(text, &span, &anchor), (7, 8));
        assert_eq!(full_context(&anchor), 13 + 14);
    }

    #[test]
    fn a_span_needs_ten_characters_of_one_side_or_an_empty_side_that_was_empty() {
        let quote = anchor("the ministry said. ", "Exports rose.", " Imports fell.");
        assert!(placeable("the ministry said. Exports rose 2%. Other.", &(19..35), &quote.quote, &quote));
        assert!(!placeable("a ministry aid. Exports rose 2%. Other.", &(16..32), &quote.quote, &quote));
        let at_start = anchor("", "Exports rose.", " Imports fell.");
        assert!(placeable("  Exports rose 2%. Other.", &(2..18), &at_start.quote, &at_start));
        assert!(!placeable("x Exports rose 2%. Other.", &(2..18), &at_start.quote, &at_start));
    }

    #[test]
    fn the_old_neighbour_is_not_placeable() {
        let quote = anchor("Seoul — ", "Exports rose 5%, it said.", " Imports rose 4%, it said.");
        let text = "Seoul — Imports rose 4%, it said.";
        assert!(!placeable(text, &(10..text.len()), &quote.quote, &quote));
    }

    #[test]
    fn footholds_are_after_the_prefix_and_before_the_suffix() {
        let quote = anchor("the ministry said. ", "Exports rose.", " Imports fell.");
        let text = "the ministry said.\n\nExports rose 2%.  Imports fell.";
        assert_eq!(footholds(text, &quote), (vec![20], vec![36]));
        let bare = anchor("", "Exports rose.", "");
        assert_eq!(footholds("  Exports.  ", &bare), (vec![2], vec![10]));
    }

    #[test]
    fn whitespace_beside_a_span_is_skipped_up_to_a_bound() {
        assert_eq!((text_before("ab \u{a0}\n cd", 6), text_after("ab \u{a0}\n cd", 2)), ("ab", "cd"));
        assert_eq!((text_before("  x", 2), text_after("x  ", 1), text_before("x", 9)), ("", "", ""));
        let gap = " ".repeat(MAX_GAP + 1);
        let text = format!("ab{gap}cd");
        assert_eq!(text_before(&text, text.len() - 2), &text[..3]);
        assert_eq!(text_after(&text, 2), &text[text.len() - 3..]);
    }

    #[test]
    fn first_and_last_characters() {
        assert_eq!((first_chars("북한은 화요일", 2), last_chars("북한은 화요일", 2)), ("북한", "요일"));
        assert_eq!((first_chars("ab", 5), last_chars("ab", 5), last_chars("ab", 0)), ("ab", "ab", ""));
    }
}
