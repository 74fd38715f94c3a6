//! Words of the raw text (UAX #29 word boundaries), as byte ranges, and word counts.

use unicode_segmentation::UnicodeSegmentation;

use super::Span;

/// The words inside `span` of `text`: runs with letters or digits, punctuation left out.
pub fn words_in(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let base = span.start;
    text.get(span).unwrap_or("").unicode_word_indices().map(move |(i, w)| base + i..base + i + w.len())
}

/// How many words `text` has, as a reader would count them.
pub fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

#[cfg(test)]
mod tests {
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
}
