//! What an article says about itself at the top: its headline, its source and its date.

use std::sync::LazyLock;

use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

use crate::text::{Span, sanitize_inline, sentences_in};

/// Title, source and date of an article, read from its first lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    /// The headline, or the start of the first sentence when the text has no headline.
    pub title: String,
    /// True when the text starts straight into body text and the title was made from it.
    pub title_derived: bool,
    /// The headline line, when there is one.
    pub title_span: Option<Span>,
    /// The publisher, from a line like `Mondo International Updated on 2024-02-04`.
    pub source: Option<String>,
    /// The source's name inside the text, for entity recognition (the source is an ORG).
    pub source_span: Option<Span>,
    /// The date as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The whole line the source and date came from.
    pub dateline_span: Option<Span>,
}

/// How many non-blank lines at the top may hold the headline and the dateline.
const HEADER_LINES: usize = 6;
/// Longest headline, in characters; a longer first line is body text.
const MAX_HEADLINE_CHARS: usize = 160;
const MAX_HEADLINE_WORDS: usize = 28;
/// Longest derived title, in characters.
const DERIVED_TITLE_CHARS: usize = 80;

/// Reads the header of `text`.
pub fn parse_header(text: &str) -> Header {
    let lines: Vec<Span> = top_lines(text).take(HEADER_LINES).collect();
    let mut header = Header::default();

    let dateline = lines.iter().find_map(|line| Some((line.clone(), parse_dateline(&text[line.clone()])?)));
    if let Some((line, found)) = &dateline {
        header.source = found.source.as_ref().map(|s| sanitize_inline(&text[offset(line, s)]).into_owned());
        header.source_span = found.source.as_ref().map(|s| offset(line, s));
        header.date = Some(found.date.clone());
        header.dateline_span = Some(line.clone());
    }

    let first = lines.iter().find(|l| Some(*l) != dateline.as_ref().map(|d| &d.0));
    match first {
        Some(line) if is_headline(&text[line.clone()]) => {
            header.title = tidy(&text[line.clone()]);
            header.title_span = Some(line.clone());
        }
        Some(line) => {
            let first_sentence = sentences_in(text, line.clone(), false).into_iter().next();
            let sentence = first_sentence.map_or(&text[line.clone()], |s| &text[s]);
            header.title = shorten(&tidy(sentence), DERIVED_TITLE_CHARS);
            header.title_derived = true;
        }
        None => header.title_derived = true,
    }
    header
}

fn offset(line: &Span, inner: &Span) -> Span {
    line.start + inner.start..line.start + inner.end
}

/// Trimmed non-blank lines from the top of `text`.
fn top_lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |piece| {
        let line_start = start;
        start += piece.len();
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            return None;
        }
        let lead = piece.len() - piece.trim_start().len();
        Some(line_start + lead..line_start + lead + trimmed.len())
    })
}

/// A headline is short, one sentence, and does not read like a full sentence of body text.
fn is_headline(line: &str) -> bool {
    // Length first: a paragraph of body text is not segmented just to be told apart.
    if line.chars().count() > MAX_HEADLINE_CHARS {
        return false;
    }
    let words = line.unicode_words().count();
    words <= MAX_HEADLINE_WORDS
        && !(line.ends_with('.') && words > 12)
        && sentences_in(line, 0..line.len(), false).len() <= 1
}

/// Whitespace collapsed, controls made visible.
fn tidy(text: &str) -> String {
    sanitize_inline(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    let text = text.trim_end_matches('.');
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let limit = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let cut = text[..limit].rfind(' ').unwrap_or(limit);
    format!("{}…", text[..cut].trim_end_matches([',', ';', ':', ' ']))
}

/// A source and date found on one line; spans are relative to the line.
#[derive(Debug, PartialEq, Eq)]
struct Dateline {
    source: Option<Span>,
    date: String,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?:(?P<source>\p{Lu}[\p{L}\p{N}.&'’\ -]{0,60}?)
           \s*(?:\s(?:(?i:last\s+updated|updated|published|posted|first\s+published)(?:\s+on)?:?)|[|·•—–])\s*)?
        (?:(?i:updated|published|posted)(?:\s+on)?:?\s+)?
        (?P<date>.+?)\s*$",
    )
    .expect("dateline pattern is valid")
});

fn parse_dateline(line: &str) -> Option<Dateline> {
    // Every date form has a four-digit year: a line without one (most body text) is no
    // dateline, and need not go through the pattern's capture groups.
    if !has_four_digits(line) {
        return None;
    }
    let caps = DATELINE.captures(line)?;
    let date_text = caps.name("date")?;
    let date = parse_date(date_text.as_str())?;
    let source = caps.name("source").map(|m| m.range());
    Some(Dateline { source, date })
}

fn has_four_digits(line: &str) -> bool {
    let mut run = 0;
    line.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    })
}

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ,]+[\d:.]+\s*(?i:am|pm)?(?:\s*[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z)?)?$",
    )
    .expect("ISO date pattern is valid")
});
static WORDY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
        (?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})
          |(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>[A-Za-z]{3,9})\.?,?\s+(?P<y2>\d{4}))
        (?:[,\s]+(?:at\s+)?[\d:.]+\s*(?i:am|pm|a\.m\.|p\.m\.)?(?:\s*[A-Z]{2,5})?)?$",
    )
    .expect("worded date pattern is valid")
});

/// A date in one of the forms news sites print, as `YYYY-MM-DD`.
fn parse_date(text: &str) -> Option<String> {
    let (year, month, day) = if let Some(c) = ISO_DATE.captures(text) {
        (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    } else {
        let c = WORDY_DATE.captures(text)?;
        let pick = |a: &str, b: &str| c.name(a).or_else(|| c.name(b)).map(|m| m.as_str());
        let month = month_number(pick("m1", "m2")?)?;
        (pick("y1", "y2")?.parse().ok()?, month, pick("d1", "d2")?.parse().ok()?)
    };
    let date = jiff::civil::Date::new(year, month, day).ok()?;
    Some(date.to_string())
}

fn month_number(name: &str) -> Option<i8> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = name.to_lowercase();
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let index = MONTHS
        .iter()
        .zip(full)
        .position(|(short, long)| lower == *short || lower == long || (lower == "sept" && *short == "sep"))?;
    i8::try_from(index + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_source_and_date() {
        let text =
            "Frequent anomalies on the peninsula\n\nMondo International Updated on 2024-02-04\n\nAt a time when…";
        let h = parse_header(text);
        assert_eq!(h.title, "Frequent anomalies on the peninsula");
        assert!(!h.title_derived);
        assert_eq!(h.source.as_deref(), Some("Mondo International"));
        assert_eq!(&text[h.source_span.unwrap()], "Mondo International");
        assert_eq!(h.date.as_deref(), Some("2024-02-04"));
        assert_eq!(&text[h.dateline_span.unwrap()], "Mondo International Updated on 2024-02-04");
    }

    #[test]
    fn body_text_first_gives_a_derived_title() {
        let text = "Recently, the Korean Peninsula has once again been in the global spotlight, and it is exciting. It was thought that North Korea would continue. More here.\nNext.";
        let h = parse_header(text);
        assert!(h.title_derived);
        assert_eq!(h.title, "Recently, the Korean Peninsula has once again been in the global spotlight, and…");
        assert!(h.title.chars().count() <= DERIVED_TITLE_CHARS + 1);
        assert_eq!(h.source, None);
    }

    #[test]
    fn short_first_sentence_is_the_whole_derived_title() {
        let h = parse_header(
            "Seoul is calm today. Officials said nothing more about the talks, which continue this week in a hotel.",
        );
        assert!(h.title_derived);
        assert_eq!(h.title, "Seoul is calm today");
    }

    #[test]
    fn other_dateline_forms() {
        let cases = [
            ("Yonhap | February 4, 2024", Some("Yonhap"), "2024-02-04"),
            ("Korea Herald — 4 Feb 2024", Some("Korea Herald"), "2024-02-04"),
            ("Published on Sept. 3, 2023 10:30 KST", None, "2023-09-03"),
            ("Reuters Published 2024/12/01", Some("Reuters"), "2024-12-01"),
            ("2025-01-31", None, "2025-01-31"),
        ];
        for (line, source, date) in cases {
            let got = parse_dateline(line).unwrap_or_else(|| panic!("no dateline in {line:?}"));
            assert_eq!(got.source.map(|s| &line[s]), source, "{line}");
            assert_eq!(got.date, date, "{line}");
        }
    }

    #[test]
    fn not_datelines() {
        for line in [
            "The talks resumed on 2024-02-04 in Seoul after a long pause.",
            "Mondo International Updated on 2024-02-31",
            "Just a headline",
        ] {
            assert_eq!(parse_dateline(line), None, "{line}");
        }
    }

    #[test]
    fn empty_text_has_a_derived_empty_title() {
        let h = parse_header("");
        assert!(h.title_derived);
        assert_eq!(h.title, "");
    }
}
