//! UAX #29 sentence boundaries, found by segmenting only the stretches where one can be.
//!
//! A sentence ends only after a terminator (`.` `?` `!` and their kin in other scripts) or a
//! paragraph separator; everywhere else `unicode-segmentation` walks its tables only to say "no
//! boundary here". So the text is cut where no rule can see across: between an ASCII letter and
//! a space (a letter is neither terminator, closer, space nor separator, so every rule's look
//! back stops at it, and so does the look ahead after a terminator). Stretches of plain ASCII
//! with no terminator are passed over; the stretches between cuts around terminators, line
//! breaks and every character beyond ASCII (which may be a terminator) go to the crate. The
//! property test below holds this to the crate's answer for the whole text.

use unicode_segmentation::UnicodeSegmentation;

use super::Span;

/// The pieces `text.split_sentence_bound_indices()` gives, as byte ranges.
pub fn sentence_pieces(text: &str) -> Vec<Span> {
    let mut bounds = vec![0];
    for window in windows(text.as_bytes()) {
        let offset = window.start;
        let inside = text[window.clone()].split_sentence_bound_indices().map(|(at, _)| offset + at);
        bounds.extend(inside.filter(|&at| at > offset));
    }
    if bounds.last() != Some(&text.len()) {
        bounds.push(text.len());
    }
    bounds.dedup();
    bounds.windows(2).map(|pair| pair[0]..pair[1]).filter(|span| !span.is_empty()).collect()
}

/// Whether a sentence boundary may be near byte `b`: a terminator, a line break, or any
/// byte of a character beyond ASCII.
fn may_bound(b: u8) -> bool {
    matches!(b, b'.' | b'?' | b'!' | b'\n' | b'\r' | 0x0b | 0x0c) || !b.is_ascii()
}

/// Whether `at` is a cut: an ASCII letter before it and a space at it. Never a boundary, and
/// no rule decides anything on one side of it from what is on the other.
fn is_cut(bytes: &[u8], at: usize) -> bool {
    at > 0 && at < bytes.len() && bytes[at - 1].is_ascii_alphabetic() && bytes[at] == b' '
}

/// The stretches to segment, ascending and apart, each from a cut (or the start) to a cut
/// (or the end), holding every byte near which a boundary may be.
fn windows(bytes: &[u8]) -> impl Iterator<Item = Span> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let first = from + bytes.get(from..)?.iter().position(|&b| may_bound(b))?;
        let start = (from..=first).rev().find(|&at| is_cut(bytes, at)).unwrap_or(from);
        let mut last = first;
        let end = loop {
            let cut = (last + 1..bytes.len()).find(|&at| is_cut(bytes, at)).unwrap_or(bytes.len());
            match bytes[last + 1..cut].iter().rposition(|&b| may_bound(b)) {
                Some(offset) => last += 1 + offset,
                None => break cut,
            }
        };
        from = end;
        Some(start..end)
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn reference(text: &str) -> Vec<Span> {
        text.split_sentence_bound_indices().map(|(at, piece)| at..at + piece.len()).collect()
    }

    #[test]
    fn pieces_of_plain_sentences() {
        let text = "One here. Two there! Three? Four.";
        assert_eq!(sentence_pieces(text), reference(text));
        assert_eq!(sentence_pieces(text).len(), 4);
        assert_eq!(sentence_pieces(""), reference(""));
        assert_eq!(sentence_pieces("no end at all"), vec![0..13]);
    }

    proptest! {
        /// The same pieces as segmenting the whole text, on text made of what the rules look at:
        /// letters of each case, terminators of several scripts, closers, spaces, separators,
        /// digits, combining marks and format characters.
        #[test]
        fn same_pieces_as_segmenting_the_whole_text(parts in prop::collection::vec(prop::sample::select(vec![
            "word", "Word", "a", "Z", " ", " ", "  ", ".", "?", "!", "...", "U.S.", "Mr.", "4.5", "1", ",", ";", ":",
            "-", "\"", "'", ")", "(", "”", "“", "’", "»", "\u{a0}", "\t", "\n", "\r\n", "\u{2029}", "\u{85}", "\u{b}",
            "。", "！", "？", "؟", "।", "日本", "한국", "é", "É", "\u{301}", "\u{200b}", "\u{ad}", "ß", "\u{2024}",
            "\u{ff0e}", "\u{2028}", "[", "]", "٣", "ا", "\u{3000}", "b.", "X.",
        ]), 0..60)) {
            let text = parts.concat();
            prop_assert_eq!(sentence_pieces(&text), reference(&text));
        }
    }
}
