//! Acronyms defined in brackets after a name: `Institute for Science and International Security (ISIS)`.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Carried, Carry, add_free};
use crate::entities::lexicon::{Described, Lexicon};
use crate::entities::tokens::{Joint, Token};
use crate::entities::{Kind, Mention, MentionSource};
use crate::text::Span;

/// The longest acronym read in brackets, in bytes.
const MAX_ACRONYM: usize = 10;

/// An acronym in brackets (`(ISIS)`), 2 to 10 characters with at least two capitals.
fn bracketed_acronym(text: &str, open: usize) -> Option<Span> {
    let inside = &text[open + 1..];
    // Only as far as the longest acronym: searching on to any later `)` from every `(` made
    // text with thousands of brackets take quadratic time.
    let close = inside.bytes().take(MAX_ACRONYM + 1).position(|b| b == b')')?;
    let acronym = &inside[..close];
    let capitals = acronym.chars().filter(char::is_ascii_uppercase).count();
    let shaped = acronym.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '&' | '-' | '.'));
    let starts = acronym.starts_with(|c: char| c.is_ascii_uppercase());
    ((2..=MAX_ACRONYM).contains(&acronym.len()) && capitals >= 2 && shaped && starts)
        .then(|| open + 1..open + 1 + close)
}

/// Whether `acronym`'s letters are the initials of `words`, in order, starting with the first:
/// `UNIFIL` for `U.N. Interim Force in Lebanon`, `OSCE` for `Organization for Security and
/// Co-operation in Europe`.
fn abbreviates(acronym: &str, words: &[&str]) -> bool {
    let initials: Vec<char> = words
        .iter()
        .flat_map(|w| w.split(['-', '.']).filter_map(|part| part.chars().next()))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let mut letters = acronym.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_uppercase());
    let Some(first) = letters.next() else { return false };
    if initials.first() != Some(&first) {
        return false;
    }
    let mut rest = initials[1..].iter();
    letters.all(|letter| rest.any(|&i| i == letter))
}

/// The most words a long form spells out.
const MAX_WORDS: usize = 12;

/// The name an acronym in brackets right after it abbreviates: the mention that ends there
/// (`ending`, by where it ends), or else the capitalised words before the bracket whose
/// initials the acronym spells (an organisation, as most defined acronyms are).
fn long_form(
    text: &str,
    tokens: &[Token],
    ending: &HashMap<usize, &Mention>,
    open: usize,
    acronym: &str,
) -> Option<Mention> {
    let end = text[..open].trim_end().len();
    if let Some(m) = ending.get(&end) {
        let words: Vec<&str> = text[m.span.clone()].split_whitespace().collect();
        return abbreviates(acronym, &words).then(|| (*m).clone());
    }
    let last = tokens.partition_point(|t| t.span.end <= end);
    let first = last.saturating_sub(MAX_WORDS);
    (first..last).find_map(|i| {
        let run = &tokens[i..last];
        let joined = run[1..].iter().all(|t| t.joint != Joint::Break);
        let words: Vec<&str> = run.iter().map(|t| &text[t.span.clone()]).collect();
        let named = run[0].name_like && run[run.len() - 1].name_like && run.iter().all(|t| t.name_like || t.connector);
        (joined && named && abbreviates(acronym, &words)).then(|| {
            let span = run[0].span.start..run[run.len() - 1].span.end;
            let canonical: Arc<str> = text[span.clone()].into();
            Mention { span, kind: Kind::Org, canonical, source: MentionSource::Guess }
        })
    })
}

/// Acronyms defined in brackets after a name (`Institute for Science and International Security
/// (ISIS)`): the name is a mention, and the acronym is that name wherever it stands in the
/// article, whatever the gazetteer makes of it elsewhere.
pub(in crate::entities) fn defined_acronyms<'t>(
    text: &'t str,
    tokens: &[Token],
    lexicon: &Lexicon,
    mentions: &mut Vec<Mention>,
) -> Carry<'t> {
    let mut carried = Carry::default();
    // Looked up by where they end, once: a pass over every mention for every bracket made an
    // article with thousands of acronyms take quadratic time. The first mention ending at a
    // place is the one a search in order would find; the long forms added below end before
    // their own bracket, so never where a later bracket's name ends.
    let mut ending: HashMap<usize, &Mention> = HashMap::new();
    for m in mentions.iter().filter(|m| m.kind != Kind::Person) {
        ending.entry(m.span.end).or_insert(m);
    }
    let mut longs = Vec::new();
    for (open, _) in text.match_indices('(') {
        let Some(span) = bracketed_acronym(text, open) else { continue };
        // `Terminal High Altitude Area Defense (THAAD) system`: a weapon, no entity.
        let next_word =
            text[span.end + 1..].strip_prefix(' ').and_then(|r| r.split(|c: char| !c.is_alphabetic()).next());
        if next_word.and_then(|w| lexicon.descriptor(w)) == Some(Described::NotAnEntity) {
            continue;
        }
        let acronym = &text[span];
        let Some(long) = long_form(text, tokens, &ending, open, acronym) else { continue };
        carried.entry(acronym).or_insert(Carried {
            kind: long.kind,
            canonical: long.canonical.clone(),
            source: long.source,
            ordinary: false,
            given_name: false,
        });
        longs.push(long);
    }
    add_free(mentions, longs);
    if !carried.is_empty() {
        mentions.retain(|m| carried.get(&text[m.span.clone()]).is_none_or(|c| c.kind == m.kind));
    }
    carried
}
