//! The detector's view of text: words that could be part of a name, and how they are joined.

use std::sync::LazyLock;

use regex::Regex;

use super::super::lexicon::{CONNECTORS, Lexicon, PARTICLES};
use crate::text::Span;

/// A word of the text.
#[derive(Debug, Clone)]
#[allow(clippy::struct_excessive_bools)] // Independent facts about one word, each read by name.
pub struct Token {
    pub span: Span,
    /// Capitalised, and not a weekday, month or adjective compound (`Seoul-based`).
    pub name_like: bool,
    /// A lower-case word that may sit inside a name (`of`, `and`, `van`).
    pub connector: bool,
    /// A single capital followed by a period (`M.`).
    pub initial: bool,
    /// First word of its sentence (after any opening quotes or brackets).
    pub opens_sentence: bool,
    /// How it joins the previous token.
    pub joint: Joint,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joint {
    Space,
    Hyphen,
    Break,
}

/// Words: letters and digits, with `-` + lower case (`Suk-yeol`) and `'` + capital
/// (`O'Brien`) inside; a possessive `'s` is not part of the word.
static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’]\p{Lu}[\p{L}\p{M}]*)?(?:-[\p{Ll}\p{N}][\p{L}\p{M}\p{N}]*)*")
        .expect("word pattern is valid")
});

/// Capitalised words that are never part of a name.
const CALENDAR: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

pub fn tokens(text: &str, sentences: &[Span], lexicon: &Lexicon) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut sentence = 0;
    for found in WORD.find_iter(text) {
        let span = found.range();
        let word = found.as_str();
        while sentences.get(sentence).is_some_and(|s| s.end <= span.start) {
            sentence += 1;
        }
        let opens_sentence = sentences
            .get(sentence)
            .is_some_and(|s| s.start <= span.start && text[s.start..span.start].chars().all(|c| !c.is_alphanumeric()));
        let joint = out.last().map_or(Joint::Break, |previous| joint(text, previous, &span));
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        // `Nairobi-based`, `Seoul-led`: an adjective made from a name, not a name.
        let compound = word.split_once('-').is_some_and(|(_, rest)| lexicon.is_common(rest));
        let initial = word.chars().count() == 1 && capitalised && text[span.end..].starts_with('.');
        out.push(Token {
            name_like: capitalised && !compound && !CALENDAR.contains(&word),
            connector: CONNECTORS.contains(&word) || PARTICLES.contains(&word),
            initial,
            opens_sentence,
            joint,
            span,
        });
    }
    out
}

/// How `next` joins `previous`: by one space (or an initial's `. `), by a hyphen, or not.
fn joint(text: &str, previous: &Token, next: &Span) -> Joint {
    match &text[previous.span.end..next.start] {
        " " | "\u{a0}" => Joint::Space,
        ". " if previous.initial => Joint::Space,
        "-" | "\u{2011}" => Joint::Hyphen,
        _ => Joint::Break,
    }
}
