//! The recogniser's view of text: words, whether they could be part of a name, how they join.

use super::lexicon::{CONNECTORS, Lexicon, PARTICLES};
use crate::text::Span;

/// A word of the text.
#[derive(Debug, Clone)]
#[allow(clippy::struct_excessive_bools)] // Independent facts about one word, each read by name.
pub struct Token {
    pub span: Span,
    /// Capitalised, and not a weekday, month, adjective compound (`Nairobi-based`), word of the
    /// grammar (`I`, `Uh`) or contraction (`Don't`).
    pub name_like: bool,
    /// A lower-case word that may sit inside a name (`of`, `and`, `van`).
    pub connector: bool,
    /// A single capital followed by a period (`M.`).
    pub initial: bool,
    /// First word of its sentence (after any opening quotes or brackets).
    pub opens_sentence: bool,
    /// How it joins the previous token.
    pub joint: Joint,
    /// The known (gazetteer) name covering it: an index into the detector's known names (a
    /// `u32`, as an article has at most 16 MB: a long article has millions of tokens).
    pub known: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joint {
    Space,
    Hyphen,
    /// `Smith & Wesson`, `AT&T`: the mark of a company's or firm's name.
    Ampersand,
    Break,
}

/// Capitalised words that are never part of a name: weekdays and months.
fn is_calendar_word(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

/// What a capitalised word of the grammar is inside a sentence, where a transcript or a
/// headline gives it a capital: a connector inside a name (`Bank Of Japan`), or no part of one
/// (`Tim I think`, `Uh Jimmy Carter`, `Robert Gallucci And former envoys`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grammar {
    Connector,
    NotAName,
}

fn grammar_word(word: &str) -> Option<Grammar> {
    match word {
        "Of" | "And" | "The" | "For" => Some(Grammar::Connector),
        "I" | "A" | "An" | "Or" | "But" | "Nor" | "To" | "At" | "By" | "With" | "From" | "In" | "On" | "As" | "If"
        | "So" | "Is" | "Are" | "Was" | "Were" | "Do" | "Does" | "Did" | "Have" | "Has" | "Had" | "Not" | "Yes"
        | "When" | "Where" | "What" | "Why" | "How" | "Who" | "That" | "This" | "These" | "Those" | "There"
        | "Here" | "Then" | "We" | "You" | "They" | "It" | "He" | "She" | "My" | "Your" | "Our" | "Their" | "His"
        | "Its" | "Uh" | "Um" | "Ah" | "Eh" | "Oh" | "Er" | "Erm" | "Hmm" | "Huh" | "Mm" | "Uh-huh" | "Um-hum"
        | "Mhm" | "Yeah" | "Okay" => Some(Grammar::NotAName),
        _ => None,
    }
}

pub fn tokens(text: &str, sentences: &[Span], lexicon: &Lexicon) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut sentence = 0;
    let mut sentence_started = false;
    let mut family_names: Vec<usize> = Vec::new();
    for span in words(text) {
        let word = &text[span.clone()];
        while sentences.get(sentence).is_some_and(|s| s.end <= span.start) {
            sentence += 1;
            sentence_started = false;
        }
        let in_sentence = sentences.get(sentence).is_some_and(|s| s.start <= span.start);
        let opens_sentence = in_sentence && !sentence_started;
        sentence_started |= in_sentence;
        let joint = out.last().map_or(Joint::Break, |previous| joint(text, previous, &span, lexicon));
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        // `Nairobi-based`, `Seoul-led`: an adjective made from a name, not a name.
        // `Left-behind Children Task Force`: an ordinary adjective with a capital is part of a name.
        let compound = capitalised
            && word.split_once('-').is_some_and(|(first, rest)| lexicon.is_common(rest) && !lexicon.is_common(first));
        let initial = word.len() == 1 && capitalised && text[span.end..].starts_with('.');
        let calendar = capitalised && is_calendar_word(word);
        // `To Lam`, `Oh Se-hoon`: some of these words are also family names (checked below).
        let grammar = if capitalised && !initial { grammar_word(word) } else { None };
        if grammar.is_some() && lexicon.is_family_first_surname(word) {
            family_names.push(out.len());
        }
        // `Don't`, `Can’t`: a verb, whatever its capital.
        let contraction = capitalised && is_contraction(&text[span.end..]);
        out.push(Token {
            name_like: capitalised && !compound && !calendar && grammar.is_none() && !contraction,
            connector: (!capitalised && is_connector(word)) || grammar == Some(Grammar::Connector),
            initial,
            opens_sentence,
            joint,
            span,
            known: None,
        });
    }
    keep_family_names(text, lexicon, &mut out, &family_names);
    out
}

/// A grammar word that is also a family name written first (the tokens `family_names`) is a
/// name after all when a given name of that people follows it (`To Lam`, `Oh Se-hoon`, not `Uh
/// Jimmy Carter`).
fn keep_family_names(text: &str, lexicon: &Lexicon, tokens: &mut [Token], family_names: &[usize]) {
    for &i in family_names {
        let Some(next) = tokens.get(i + 1) else { continue };
        let next_word = &text[next.span.clone()];
        if next.joint == Joint::Space
            && next.name_like
            && !lexicon.is_common(next_word)
            && !lexicon.is_given_name(next_word)
        {
            tokens[i].name_like = true;
            tokens[i].connector = false;
        }
    }
}

/// Whether `rest`, the text after a word, starts with a contracted `not`, `will` and the like.
fn is_contraction(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix(['\'', '’']) else { return false };
    let suffix = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    matches!(suffix, "t" | "ll" | "re" | "ve" | "d" | "m")
}

/// A lower-case word that may sit inside a name (`of`, `and`) or a particle (`van`, `al`).
fn is_connector(word: &str) -> bool {
    word.len() <= 5 && (CONNECTORS.contains(&word) || PARTICLES.contains(&word))
}

/// How `next` joins `previous`: by one space (or an initial's `. `, or the possessive of an
/// ordinary word as in `People’s Progressive Party`), by a hyphen, or not.
fn joint(text: &str, previous: &Token, next: &Span, lexicon: &Lexicon) -> Joint {
    let possessive_of_word = || previous.name_like && lexicon.is_common(&text[previous.span.clone()]);
    match &text[previous.span.end..next.start] {
        " " | "\u{a0}" => Joint::Space,
        ". " | "." if previous.initial => Joint::Space,
        "’s " | "'s " | "’ " | "' " if possessive_of_word() => Joint::Space,
        "-" | "\u{2011}" => Joint::Hyphen,
        " & " | "&" => Joint::Ampersand,
        _ => Joint::Break,
    }
}

/// Words: letters and digits (and combining accents), with `-` + lower case (`Suk-yeol`,
/// `Co-operation`) and `'` + capital (`O'Brien`) inside; a possessive `'s` is not part of it.
fn words(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // Skip to the next letter or digit; ASCII bytes are checked without decoding.
        let start = loop {
            let byte = *bytes.get(at)?;
            if byte.is_ascii_alphanumeric() {
                break at;
            }
            if byte < 0x80 {
                at += 1;
                continue;
            }
            let c = text[at..].chars().next()?;
            if c.is_alphanumeric() {
                break at;
            }
            at += c.len_utf8();
        };
        at = start;
        while let Some(&byte) = bytes.get(at) {
            if byte.is_ascii_alphanumeric() {
                at += 1;
                continue;
            }
            let Some(c) = text[at..].chars().next() else { break };
            if c.is_ascii() && !matches!(c, '\'' | '-') {
                break;
            }
            if is_word_char(c) {
                at += c.len_utf8();
                continue;
            }
            let next = text[at + c.len_utf8()..].chars().next();
            let joins = match c {
                '\'' | '’' => next.is_some_and(char::is_uppercase),
                '-' | '\u{2011}' => next.is_some_and(|n| n.is_lowercase() || n.is_numeric()),
                _ => false,
            };
            if !joins {
                break;
            }
            at += c.len_utf8();
        }
        Some(start..at)
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_name_shapes() {
        let text = "Kim Jong-un’s O’Brien Putin-Kim Co-operation 4.5% ‘Seoul-based’ naïve";
        let found: Vec<&str> = words(text).map(|s| &text[s]).collect();
        assert_eq!(
            found,
            ["Kim", "Jong-un", "s", "O’Brien", "Putin", "Kim", "Co-operation", "4", "5", "Seoul-based", "naïve"]
        );
    }
}
