//! Sentence spans: Unicode UAX #29 sentence boundaries, mended where news text trips them up.

use super::bounds::sentence_pieces;
use super::collapsed::{Collapsed, LONGEST_RUN};
use super::{Paragraphs, Span};

/// Every sentence of `text`, in order, as trimmed byte ranges. Sentences never cross a
/// paragraph, so a headline or caption line without a final period is a sentence of its own.
pub fn sentences(text: &str, paragraphs: &Paragraphs) -> Vec<Span> {
    paragraphs.spans.iter().flat_map(|span| sentences_in(text, span.clone(), paragraphs.soft_wrapped)).collect()
}

/// The sentences inside one paragraph `span` of `text`.
///
/// UAX #29 keeps decimals (`4.5%`), closing quotes and brackets and most lower-case
/// continuations together; on top of it no sentence ends after a title (`Mr.`, `Gen.`), an
/// initial (`J. Smith`, `N. Korea`), a dotted abbreviation (`U.S. officials`, `e.g.`), or a
/// number abbreviation before a number (`No. 5`, `Feb. 4`).
pub fn sentences_in(text: &str, span: Span, soft_wrapped: bool) -> Vec<Span> {
    sentences_shortening(text, span, soft_wrapped, LONGEST_RUN)
}

/// As [`sentences_in`], segmenting with runs of more than `longest` spaces cut short.
fn sentences_shortening(text: &str, span: Span, soft_wrapped: bool, longest: usize) -> Vec<Span> {
    let Some(paragraph) = text.get(span.clone()) else {
        return Vec::new();
    };
    // A newline inside a hard-wrapped paragraph is a space; UAX #29 would end a sentence there.
    let unwrapped;
    let segmentable = if soft_wrapped && paragraph.contains(['\n', '\r']) {
        unwrapped = paragraph.replace(['\n', '\r'], " ");
        unwrapped.as_str()
    } else {
        paragraph
    };
    let collapsed = Collapsed::new(segmentable, longest);
    let short = &*collapsed.text;

    let mut found: Vec<Span> = Vec::new();
    let mut current: Option<Span> = None;
    for piece_span in sentence_pieces(short) {
        current = match current {
            Some(open) if continues(&short[open.clone()], &short[piece_span.clone()]) => {
                Some(open.start..piece_span.end)
            }
            Some(open) => {
                found.push(open);
                Some(piece_span)
            }
            None => Some(piece_span),
        };
    }
    found.extend(current);
    found
        .into_iter()
        .filter_map(|s| trim(segmentable, collapsed.raw(s.start)..collapsed.raw(s.end)))
        .map(|s| span.start + s.start..span.start + s.end)
        .collect()
}

fn trim(text: &str, span: Span) -> Option<Span> {
    let piece = &text[span.clone()];
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = span.start + (piece.len() - piece.trim_start().len());
    Some(start..start + trimmed.len())
}

/// Whether the sentence piece `next` continues `previous` rather than starting a sentence.
fn continues(previous: &str, next: &str) -> bool {
    let previous = previous.trim_end();
    let next = next.trim_start();
    let Some(first) = next.chars().next() else {
        return true;
    };
    let next_word = first_word(next);

    // `“Why?” he asked.`: a question or exclamation inside a sentence.
    let unquoted = previous.trim_end_matches(CLOSERS);
    if unquoted.ends_with(['?', '!']) && first.is_lowercase() {
        return true;
    }
    if !previous.ends_with('.') || previous.ends_with("..") {
        return false;
    }
    let token = last_token(previous);
    let bare = token.trim_end_matches('.').to_lowercase();
    let starts_sentence = is_sentence_starter(next_word);

    if is_initial(token) {
        !starts_sentence
    } else if TITLES.contains(&bare.as_str()) || ALWAYS_CONTINUE.contains(&bare.as_str()) {
        true
    } else if BEFORE_NUMBER.contains(&bare.as_str()) {
        first.is_ascii_digit()
    } else if is_dotted_abbreviation(&bare) || COMPANY.contains(&bare.as_str()) {
        !starts_sentence && !opens_after_abbreviation(&bare, next_word)
    } else {
        false
    }
}

/// Quotes and brackets that close a sentence.
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '›'];

/// Abbreviated titles that always precede a name.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "adm",
    "cmdr", "cdr", "brig", "rep", "reps", "sen", "sens", "gov", "pres", "rev", "fr", "hon", "amb", "supt", "insp",
    "st", "mt", "ft", "sr", "jr",
];

/// Abbreviations that never end a sentence.
const ALWAYS_CONTINUE: &[&str] = &["e.g", "i.e", "vs", "cf", "approx", "incl", "viz", "ca", "esp"];

/// Abbreviations that are followed by a number: `No. 5`, `Feb. 4`, `pp. 10`.
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "vol", "vols", "fig", "figs", "p", "pp", "art", "para", "sec", "ch", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Dotted abbreviations of countries, which qualify a title after them (`U.S. Sen. Rubio`).
const QUALIFIES_TITLES: &[&str] = &["u.s", "u.k"];

/// Company abbreviations, which end a sentence only before a typical sentence opener.
const COMPANY: &[&str] = &["inc", "ltd", "co", "corp", "bros", "dept", "univ", "assn", "plc"];

/// Words that open a new sentence after an ambiguous abbreviation (`in the U.S. The next day`).
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "however",
    "meanwhile",
    "in",
    "on",
    "at",
    "for",
    "as",
    "after",
    "before",
    "while",
    "when",
    "if",
    "although",
    "though",
    "since",
    "because",
    "there",
    "here",
    "what",
    "why",
    "how",
    "who",
    "where",
    "according",
    "some",
    "many",
    "most",
    "both",
    "all",
    "such",
    "with",
    "by",
    "from",
    "to",
    "under",
    "during",
    "despite",
    "instead",
    "still",
    "also",
    "then",
    "thus",
    "now",
    "today",
    "yesterday",
    "earlier",
    "later",
    "officials",
    "analysts",
    "experts",
];

fn is_sentence_starter(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    SENTENCE_STARTERS.contains(&word.as_str())
}

/// An abbreviated title (`Mr.`, `Gen.`): after an abbreviation it opens a sentence (`according
/// to the I.M.F. Mr. Smith disagreed`), unless a country's abbreviation qualifies it (`U.S. Sen.`).
fn opens_after_abbreviation(abbreviation: &str, word: &str) -> bool {
    let title = word.strip_suffix('.').is_some_and(|bare| TITLES.contains(&bare.to_lowercase().as_str()));
    title && !QUALIFIES_TITLES.contains(&abbreviation)
}

/// The last whitespace-separated token, without opening quotes or brackets.
fn last_token(text: &str) -> &str {
    // The piece after the last whitespace, which may be more than one byte (a no-break space).
    let last = text.rsplit(char::is_whitespace).next().unwrap_or(text);
    last.trim_start_matches(['(', '[', '"', '“', '‘', '\''])
}

fn first_word(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("")
}

/// `J.` or `S.`: one capital letter and a period.
fn is_initial(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// `u.s`, `u.n`, `p.m`, `d.c`: single letters joined by periods (final period stripped).
fn is_dotted_abbreviation(bare: &str) -> bool {
    let parts: Vec<&str> = bare.split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, &paragraphs(text)).into_iter().map(|s| &text[s]).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(split("One here. Two there! Three? Four."), ["One here.", "Two there!", "Three?", "Four."]);
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Kim met Dr. Lee and Gen. Park. J. Smith and S. Jaishankar spoke. N. Korea fired."),
            ["Mr. Kim met Dr. Lee and Gen. Park.", "J. Smith and S. Jaishankar spoke.", "N. Korea fired."]
        );
    }

    #[test]
    fn dotted_abbreviations() {
        assert_eq!(
            split(
                "The U.S. President and U.N. envoys met at 3 p.m. Tuesday. Tensions rose in the U.S. The talks ended."
            ),
            [
                "The U.S. President and U.N. envoys met at 3 p.m. Tuesday.",
                "Tensions rose in the U.S.",
                "The talks ended."
            ]
        );
        assert_eq!(
            split("Some allies, e.g. Japan, agreed. Others did not."),
            ["Some allies, e.g. Japan, agreed.", "Others did not."]
        );
    }

    #[test]
    fn a_title_after_an_abbreviation_opens_a_sentence() {
        assert_eq!(
            split("He said so, according to the I.M.F. Mr. Smith disagreed."),
            ["He said so, according to the I.M.F.", "Mr. Smith disagreed."]
        );
        assert_eq!(split("Talks at Acme Corp. Dr. Chen left early."), ["Talks at Acme Corp.", "Dr. Chen left early."]);
        assert_eq!(split("U.S. Sen. Ray Dalton spoke."), ["U.S. Sen. Ray Dalton spoke."]);
    }

    #[test]
    fn number_abbreviations() {
        assert_eq!(
            split("Resolution No. 2397 passed on Feb. 4 in New York. No. It failed."),
            ["Resolution No. 2397 passed on Feb. 4 in New York.", "No.", "It failed."]
        );
    }

    #[test]
    fn decimals_and_ellipses() {
        assert_eq!(
            split("Growth was 4.5% in 2023. Exports fell 1.2 points."),
            ["Growth was 4.5% in 2023.", "Exports fell 1.2 points."]
        );
        assert_eq!(
            split("He paused... and then left. Wait... What now?"),
            ["He paused... and then left.", "Wait...", "What now?"]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay() {
        assert_eq!(
            split("“We will respond,” the ministry said. He said: “Go.” Then he left (quietly.) Done."),
            ["“We will respond,” the ministry said.", "He said: “Go.”", "Then he left (quietly.)", "Done."]
        );
        assert_eq!(split("“Why?” he asked. Nobody knew."), ["“Why?” he asked.", "Nobody knew."]);
    }

    #[test]
    fn headline_and_caption_lines_are_sentences() {
        assert_eq!(
            split("Japan and South Korea Sound Alarm\nPresident Yoon at the summit\nBody text here. More."),
            ["Japan and South Korea Sound Alarm", "President Yoon at the summit", "Body text here.", "More."]
        );
    }

    #[test]
    fn hard_wrapped_sentences_cross_line_breaks() {
        let text = "Head\n\n\
            The minister said on Tuesday that the talks would continue next week in\n\
            Seoul, despite objections from several members of the ruling party. Who\n\
            had argued for a pause until the budget is passed was not clear at all.\n\n\
            Officials in Tokyo declined to comment on the matter when asked about it\n\
            by reporters on Wednesday morning, citing the sensitivity of the issue\n\
            and the ongoing negotiations.\n";
        let got = split(text);
        assert_eq!(got.len(), 4, "{got:#?}");
        assert!(got[1].starts_with("The minister") && got[1].ends_with("ruling party."));
    }

    #[test]
    fn spans_are_trimmed_byte_ranges_into_the_text() {
        let text = "  First one.   Second one.  \n";
        let spans = sentences(text, &paragraphs(text));
        assert_eq!(spans, [2..12, 15..26]);
    }

    #[test]
    fn a_long_blank_stretch_is_quick_and_split_as_written() {
        // Quadratic in unicode-segmentation: this took about a minute before runs were cut.
        let text = format!("First one.{}Second one.  Third.", " ".repeat(64 * 1024));
        let spans = sentences(&text, &paragraphs(&text));
        let got: Vec<&str> = spans.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(got, ["First one.", "Second one.", "Third."]);
    }

    proptest::proptest! {
        /// Cutting runs of spaces short changes no sentence: every run cut (to one character)
        /// against none cut, on text full of sentence ends, closers, spaces and breaks.
        #[test]
        fn cutting_runs_of_spaces_changes_no_sentence(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Word", "word", "U.S.", "Mr.", "4.5", ".", "?", "!", "”", ")", "\"", " ", " ", "   ", "\u{a0}",
                "\t", "\u{3000}", "\n", "\r\n", "\u{2029}", "\u{301}", "\u{200b}", "日本", "。", "a", "Z",
            ]), 0..40),
            soft_wrapped in proptest::bool::ANY,
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(
                sentences_shortening(&text, 0..text.len(), soft_wrapped, 1),
                sentences_shortening(&text, 0..text.len(), soft_wrapped, usize::MAX)
            );
        }
    }

    #[test]
    fn a_no_break_space_before_a_period_does_not_panic() {
        // Found by the anchoring property tests: the last token was cut one byte into U+00A0.
        assert_eq!(split("¡\u{a0}.#A"), ["¡\u{a0}.", "#A"]);
        assert_eq!(split("It rose 5\u{a0}%. Then it fell."), ["It rose 5\u{a0}%.", "Then it fell."]);
    }
}
