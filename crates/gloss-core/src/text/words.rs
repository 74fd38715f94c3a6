//! Words of the raw text (UAX #29 word boundaries), as byte ranges, and word counts.
//!
//! Segmenting is the slow part of reading a corpus, so the text is cut at places where UAX #29
//! always has a boundary and nothing on one side changes the words on the other: right after
//! ASCII whitespace, before an ASCII character that is not whitespace. Stretches of ASCII
//! between such cuts go through `unicode-segmentation`'s ASCII path, the rest through its full
//! tables; either way the words are the crate's, so counts and spans are what segmenting the
//! whole text gives (the property tests below check it).

use unicode_segmentation::UnicodeSegmentation;

use super::Span;

/// The words inside `span` of `text`: runs with letters or digits, punctuation left out.
pub fn words_in(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let base = span.start;
    text.get(span).unwrap_or("").unicode_word_indices().map(move |(i, w)| base + i..base + i + w.len())
}

/// How many words `text` has, as a reader would count them (UAX #29 words with a letter or digit).
pub fn word_count(text: &str) -> usize {
    pieces(text)
        .map(|piece| {
            let piece = &text[piece];
            if piece.is_ascii() { ascii_word_count(piece.as_bytes()) } else { piece.unicode_words().count() }
        })
        .sum()
}

/// UAX #29 words in ASCII text, as `unicode-segmentation` finds them there (its ASCII rules,
/// without making a slice of every space and comma): runs of letters, digits and `_`, joined
/// across `.` `'` `:` between letters and `.` `,` `;` `'` between digits; a run of `_` alone
/// is no word. Counted as the letters and digits that open a word, one class lookup a byte.
#[allow(clippy::needless_bitwise_bool)] // `&` on purpose: no branch to mispredict at every word.
fn ascii_word_count(bytes: &[u8]) -> usize {
    let mut count = 0;
    let (mut before, mut previous) = (0u8, 0u8);
    for (at, &byte) in bytes.iter().enumerate() {
        let class = CLASSES[usize::from(byte)];
        let joined_letters = (previous & JOINS_LETTERS != 0) & (before & LETTER != 0) & (class & LETTER != 0);
        let joined_digits = (previous & JOINS_DIGITS != 0) & (before & DIGIT != 0) & (class & DIGIT != 0);
        let opens = (class & ALPHANUMERIC != 0) & (previous & ALPHANUMERIC == 0) & !joined_letters & !joined_digits;
        count += usize::from(opens);
        if opens && previous & UNDERSCORE != 0 && underscores_follow_a_word(bytes, at) {
            count -= 1;
        }
        (before, previous) = (previous, class);
    }
    count
}

/// Whether the run of `_` that ends right before `at` goes on a word (`a_b` is one word).
fn underscores_follow_a_word(bytes: &[u8], at: usize) -> bool {
    bytes[..at].iter().rev().find(|&&b| b != b'_').is_some_and(u8::is_ascii_alphanumeric)
}

const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const ALPHANUMERIC: u8 = LETTER | DIGIT;
const UNDERSCORE: u8 = 4;
const JOINS_LETTERS: u8 = 8;
const JOINS_DIGITS: u8 = 16;

/// What each ASCII byte is to word segmentation.
static CLASSES: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        #[allow(clippy::cast_possible_truncation)] // `b` is below 128.
        let byte = b as u8;
        classes[b] = if byte.is_ascii_alphabetic() {
            LETTER
        } else if byte.is_ascii_digit() {
            DIGIT
        } else {
            match byte {
                b'_' => UNDERSCORE,
                b'.' | b'\'' => JOINS_LETTERS | JOINS_DIGITS,
                b':' => JOINS_LETTERS,
                b',' | b';' => JOINS_DIGITS,
                _ => 0,
            }
        };
        b += 1;
    }
    classes
};

/// The last word of `text` that ends at or before byte `before` (which must be a character
/// boundary), found without segmenting the text from its start.
pub fn word_before(text: &str, before: usize) -> Option<Span> {
    let bytes = text.as_bytes();
    let mut end = before.min(text.len());
    while end > 0 {
        // Segment back to a cut, far enough to hold a word or two; further back if it holds none.
        let start = cut_at_or_before(bytes, end.saturating_sub(256));
        if let Some(word) = words_in(text, start..end).last() {
            return Some(word);
        }
        end = start;
    }
    None
}

/// Whether byte `at` of `bytes` is a cut: segmenting the text before it and after it apart
/// gives the same words as segmenting it whole. UAX #29 always breaks after a line break
/// (`WB3a`), and between a space or tab and a character that neither extends it nor is a space
/// (`WB3d`, `WB4`); no rule looks across either to decide anything else.
fn is_cut(bytes: &[u8], at: usize) -> bool {
    if at == 0 || at >= bytes.len() {
        return true;
    }
    match bytes[at - 1] {
        b'\n' => true,
        b'\r' => bytes[at] != b'\n',
        b' ' | b'\t' => bytes[at].is_ascii_graphic(),
        _ => false,
    }
}

/// The nearest cut at or before `at`, looking no further back than `floor` (itself a cut).
fn cut_back_to(bytes: &[u8], at: usize, floor: usize) -> usize {
    (floor..=at.min(bytes.len())).rev().find(|&i| is_cut(bytes, i)).unwrap_or(floor)
}

/// The nearest cut at or before `at`.
fn cut_at_or_before(bytes: &[u8], at: usize) -> usize {
    cut_back_to(bytes, at, 0)
}

/// The nearest cut at or after `at`.
fn cut_at_or_after(bytes: &[u8], at: usize) -> usize {
    (at..bytes.len()).find(|&i| is_cut(bytes, i)).unwrap_or(bytes.len())
}

/// `text` cut into pieces that segment alone as they do in place: the ASCII stretches apart
/// from the stretches around other characters, so most pieces take the fast ASCII path.
fn pieces(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut pending: Option<Span> = None;
    std::iter::from_fn(move || {
        if let Some(piece) = pending.take() {
            return Some(piece);
        }
        if start >= bytes.len() {
            return None;
        }
        let Some(offset) = first_non_ascii(&bytes[start..]) else {
            let all = start..bytes.len();
            start = bytes.len();
            return Some(all);
        };
        // The ASCII up to the cut before the first other character, then that character's
        // surroundings up to the next cut.
        let other = start + offset;
        let cut = cut_back_to(bytes, other, start);
        let next = cut_at_or_after(bytes, other + 1);
        let ascii = start..cut;
        start = next;
        pending = Some(cut..next);
        Some(ascii)
    })
}

/// Where the first byte that is not ASCII is, a block of bytes at a time.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    const BLOCK: usize = 64;
    let clean = bytes.chunks(BLOCK).take_while(|block| block.is_ascii()).count() * BLOCK;
    bytes.get(clean..)?.iter().position(|b| !b.is_ascii()).map(|offset| clean + offset)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn counts_words_not_punctuation_or_gaps() {
        assert_eq!(word_count("Kim Jong-un’s visit — on February 4**, 4.5% up."), 9);
    }

    #[test]
    fn word_spans_are_offset_into_the_text() {
        let text = "xx Japan’s anti-China line";
        let words: Vec<&str> = words_in(text, 3..text.len()).map(|s| &text[s]).collect();
        assert_eq!(words, ["Japan’s", "anti", "China", "line"]);
    }

    #[test]
    fn the_word_before_an_offset() {
        let text = "One two’s three.   \n\n  “Four” five";
        let at = |word: &str| text.find(word).unwrap();
        assert_eq!(word_before(text, at("five")).map(|s| &text[s]), Some("Four"));
        assert_eq!(word_before(text, at("Four")).map(|s| &text[s]), Some("three"));
        assert_eq!(word_before(text, 3).map(|s| &text[s]), Some("One"));
        assert_eq!(word_before(text, 0), None);
        let long = format!("first{}last", " ".repeat(10_000));
        assert_eq!(word_before(&long, long.len() - 4).map(|s| &long[s]), Some("first"));
    }

    /// Characters that test every rule near a cut: letters and digits of several scripts,
    /// the joiners of UAX #29 (`.`, `'`, `:`, `,`, `’`, `_`), combining marks, format
    /// characters, zero-width joiners, regional indicators, emoji, katakana, Hebrew, CJK.
    fn tricky() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            "Z",
            "7",
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            ".",
            "'",
            ":",
            ",",
            ";",
            "_",
            "-",
            "\"",
            "’",
            "“",
            "é",
            "e\u{301}",
            "\u{301}",
            "\u{93e}",
            "\u{ad}",
            "\u{200d}",
            "\u{200b}",
            "🇰",
            "🇷",
            "👩",
            "\u{200d}💻",
            "カ",
            "ー",
            "א",
            "\u{5f3}",
            "日本",
            "한국",
            "Ж",
            "ع",
            "\u{a0}",
            "·",
            "٫",
            "**",
            "4.5",
            "U.S.",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn counts_ascii_as_the_segmenter_does(text in "[a-c0-2_.,;:' \t\n\r\"*-]{0,60}") {
            prop_assert_eq!(ascii_word_count(text.as_bytes()), text.unicode_words().count());
        }

        #[test]
        fn counts_as_segmenting_the_whole_text(text in tricky()) {
            prop_assert_eq!(word_count(&text), text.unicode_words().count());
        }

        #[test]
        fn finds_the_word_before_as_segmenting_from_the_start(text in tricky(), at in 0usize..200) {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            prop_assert_eq!(word_before(&text, at), words_in(&text, 0..at).last());
        }
    }
}
