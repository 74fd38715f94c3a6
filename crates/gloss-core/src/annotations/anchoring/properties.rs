//! Property tests of what placement promises on any input: edits away from a quote leave it
//! exactly where it now is, every span is on character boundaries, fuzzy matches clear the
//! floor (checked against strsim's independent Levenshtein), and nothing panics.

use proptest::prelude::*;
use strsim::normalized_levenshtein;

use super::{MIN_SIMILARITY, Placement, place};
use crate::annotations::claim::Anchor;
use crate::text::{Span, paragraphs, sentences};

/// Words in several scripts, with emoji and combining marks, few enough that quotes recur.
const WORDS: [&str; 12] =
    ["North", "Korea", "fired", "a", "missile", "said.", "북한은", "발사했다.", "😀🇰🇷", "cafe\u{301}", "—", "12,000"];
/// Marks the text just before the quote, and occurs nowhere else: its context is unique.
const MARKER: &str = "§";

fn words(range: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(&WORDS[..]), range).prop_map(|words| words.join(" "))
}

/// Text with a marked quote: (before, quote, after), before ending in the marker.
fn marked() -> impl Strategy<Value = (String, String, String)> {
    (words(0..40), words(1..12), words(0..40))
        .prop_map(|(before, quote, after)| (format!("{before} {MARKER} "), quote, format!(" {after}")))
}

/// The byte offset of character `index` of `text`, clamped to its length.
fn char_offset(text: &str, index: usize) -> usize {
    text.char_indices().nth(index).map_or(text.len(), |(i, _)| i)
}

fn place_in(text: &str, anchor: &Anchor) -> Placement {
    place(text, &sentences(text, &paragraphs(text)), anchor)
}

/// Whether every span in `placement` is within `text` and on its character boundaries.
fn on_boundaries(text: &str, anchor: &Anchor, placement: &Placement) -> bool {
    let span = match placement {
        Placement::Unchanged => anchor.span(),
        Placement::Moved(span) | Placement::Fuzzy { span, .. } => span.clone(),
        Placement::Orphaned => return true,
    };
    span.start <= span.end && text.get(span).is_some()
}

/// Checks what any placement must satisfy, whatever the input.
fn check_any(text: &str, anchor: &Anchor, placement: &Placement) -> Result<(), TestCaseError> {
    prop_assert!(on_boundaries(text, anchor, placement), "{placement:?} in {text:?}");
    match placement {
        Placement::Unchanged => prop_assert_eq!(text.get(anchor.span()), Some(anchor.quote.as_str())),
        Placement::Moved(span) => prop_assert_eq!(&text[span.clone()], anchor.quote.as_str()),
        Placement::Fuzzy { span, similarity } => {
            prop_assert!(*similarity >= MIN_SIMILARITY, "{similarity} below the floor");
            let oracle = normalized_levenshtein(anchor.quote.trim(), &text[span.clone()]);
            prop_assert!((similarity - oracle).abs() < 1e-9, "{similarity} is not {oracle}");
        }
        Placement::Orphaned => {}
    }
    Ok(())
}

proptest! {
    /// (a) An edit before the quote's prefix or after its suffix leaves the quote `Unchanged`, or
    /// `Moved` to exactly where it now is, even with copies of it elsewhere.
    #[test]
    fn an_edit_outside_the_quote_and_its_context_keeps_it_exactly(
        (before, quote, after) in marked(),
        inserted in words(0..30),
        edit_after in any::<bool>(),
        at in any::<prop::sample::Index>(),
        removed in 0_usize..40,
    ) {
        let text = format!("{before}{quote}{after}");
        let anchor = Anchor::of(&text, &(before.len()..before.len() + quote.len()));
        // The part of the text the edit may touch: outside the quote and its context.
        let (region, offset) = if edit_after {
            let from = anchor.end + anchor.suffix.len();
            (&text[from..], from)
        } else {
            (&text[..anchor.start - anchor.prefix.len()], 0)
        };
        let chars = region.chars().count();
        let start = char_offset(region, at.index(chars + 1));
        let end = char_offset(region, at.index(chars + 1) + removed);
        let mut edited = text.clone();
        edited.replace_range(offset + start..offset + end, &inserted);
        let now = if edit_after { anchor.start } else { anchor.start + inserted.len() - (end - start) };
        let expected = if now == anchor.start { Placement::Unchanged } else { Placement::Moved(now..now + quote.len()) };
        prop_assert_eq!(place_in(&edited, &anchor), expected);
    }

    /// (b, c) After any edit anywhere, even inside the quote or its context, spans lie on
    /// character boundaries, an exact placement is the quote, and a fuzzy one clears the floor.
    #[test]
    fn any_edit_gives_sound_placements(
        (before, quote, after) in marked(),
        inserted in words(0..4),
        at in 0_usize..200,
        removed in 0_usize..12,
    ) {
        let text = format!("{before}{quote}{after}");
        let anchor = Anchor::of(&text, &(before.len()..before.len() + quote.len()));
        let start = char_offset(&text, at);
        let end = char_offset(&text, at + removed);
        let mut edited = text.clone();
        edited.replace_range(start..end, &inserted);
        let placement = place_in(&edited, &anchor);
        check_any(&edited, &anchor, &placement)?;
    }

    /// (c) A word changed inside a long enough quote, its context intact, is found fuzzily,
    /// over the changed text, and clears the floor.
    #[test]
    fn a_changed_word_is_found_and_clears_the_floor(
        (before, quote, after) in (words(0..20), words(8..16), words(0..20))
            .prop_map(|(b, q, a)| (format!("{b} {MARKER} "), q, format!(" {a}"))),
        word in any::<prop::sample::Index>(),
        replacement in prop::sample::select(&["fired", "launched", "미사일을", "🚀", "12,500"][..]),
    ) {
        let text = format!("{before}{quote}{after}");
        let anchor = Anchor::of(&text, &(before.len()..before.len() + quote.len()));
        let mut quote_words: Vec<&str> = quote.split(' ').collect();
        let changed = word.index(quote_words.len());
        quote_words[changed] = replacement;
        let new_quote = quote_words.join(" ");
        prop_assume!(new_quote != quote && normalized_levenshtein(&quote, &new_quote) >= 0.85);
        let edited = format!("{before}{new_quote}{after}");
        let placement = place_in(&edited, &anchor);
        check_any(&edited, &anchor, &placement)?;
        let new_span = before.len()..before.len() + new_quote.len();
        let overlaps = |span: &Span| span.start < new_span.end && new_span.start < span.end;
        prop_assert!(matches!(&placement, Placement::Fuzzy { span, .. } if overlaps(span)), "{placement:?}");
    }

    /// (d) No panic, and sound spans, on arbitrary text, anchors (offsets past the end or inside
    /// a character) and sentence spans (out of order, past the end).
    #[test]
    fn arbitrary_input_never_panics(
        text in "(?s).{0,120}",
        quote in "(?s).{0,30}",
        prefix in "(?s).{0,12}",
        suffix in "(?s).{0,12}",
        start in prop_oneof![0_usize..140, Just(usize::MAX - 1)],
        length in prop_oneof![0_usize..40, Just(usize::MAX)],
        bad_sentences in prop::collection::vec((0_usize..150, 0_usize..150), 0..6),
    ) {
        let anchor = Anchor { start, end: start.saturating_add(length), quote, prefix, suffix };
        let sentences: Vec<Span> = bad_sentences.into_iter().map(|(a, b)| a..b).collect();
        let placement = place(&text, &sentences, &anchor);
        check_any(&text, &anchor, &placement)?;
        check_any(&text, &anchor, &place_in(&text, &anchor))?;
    }

    /// (d) The same, with quotes and contexts taken from the text itself so that they match.
    #[test]
    fn quotes_from_the_text_never_panic(
        text in "(?s)[a-c 북한😀\u{301}.\n]{0,200}",
        edit in "(?s)[a-c 북한😀\u{301}.\n]{0,10}",
        (from, to, at) in (0_usize..200, 0_usize..200, 0_usize..220),
    ) {
        let (from, to) = (char_offset(&text, from.min(to)), char_offset(&text, from.max(to)));
        let anchor = Anchor::of(&text, &(from..to));
        let mut edited = text.clone();
        edited.insert_str(char_offset(&text, at), &edit);
        check_any(&edited, &anchor, &place_in(&edited, &anchor))?;
    }
}
