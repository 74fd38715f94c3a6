//! The name detector: capitalised names the gazetteer lacks, with the kind guessed from cues —
//! a title before a person, a verb of saying after one, the head word of an organisation,
//! place or event, a known given name or family name.

mod heads;
mod person;
mod regions;
mod web;

use super::Kind;
use super::case::CaseMap;
use super::lexicon::Lexicon;
use super::tokens::{Joint, Token};
use crate::text::Span;
use heads::{Headed, headed_name};
use person::{person, pieces};
use regions::compass_regions;
use web::web_addresses;

/// A name the detector found, and the kind it guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    pub span: Span,
    pub kind: Kind,
}

/// What the detector needs to know about the text around it.
pub struct Context<'a> {
    pub text: &'a str,
    pub cases: &'a CaseMap,
    pub lexicon: &'a Lexicon,
    /// Names the gazetteer found, ascending: the detector builds around them, not over them.
    pub known: &'a [(Span, Kind)],
}

impl Context<'_> {
    fn word(&self, token: &Token) -> &str {
        &self.text[token.span.clone()]
    }

    /// The known name covering `token`, if any.
    fn known_at(&self, token: &Token) -> Option<&(Span, Kind)> {
        token.known.map(|i| &self.known[i])
    }
}

/// Every name the detector can make out in the text, whose words are `tokens`.
pub fn detect(cx: &Context<'_>, tokens: &mut [Token]) -> Vec<Guess> {
    mark_known(tokens, cx.known);
    let tokens = &*tokens;
    let mut guesses = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let end = run_end(tokens, start);
        names_in_run(cx, strip_leading(cx, &tokens[start..end]), &mut guesses);
        start = end;
    }
    guesses.extend(web_addresses(cx.text, tokens));
    guesses.extend(compass_regions(cx, tokens));
    guesses.sort_by_key(|g| (g.span.start, std::cmp::Reverse(g.span.end)));
    guesses
}

/// Notes on each token the known name covering it (the longest, when several do).
fn mark_known(tokens: &mut [Token], known: &[(Span, Kind)]) {
    let mut first = 0;
    for token in tokens {
        while known.get(first).is_some_and(|(span, _)| span.end <= token.span.start) {
            first += 1;
        }
        token.known = known[first..]
            .iter()
            .enumerate()
            .take_while(|(_, (span, _))| span.start <= token.span.start)
            .filter(|(_, (span, _))| span.end >= token.span.end)
            .max_by_key(|(_, (span, _))| span.len())
            .map(|(i, _)| first + i);
    }
}

/// Where the run of name-like tokens that starts at `start` ends (exclusive): capitalised
/// tokens joined by spaces or hyphens, with connectors and particles between them.
fn run_end(tokens: &[Token], start: usize) -> usize {
    if !tokens[start].name_like {
        return start + 1;
    }
    let mut end = start + 1;
    let mut last_name = start;
    while let Some(token) = tokens.get(end) {
        if token.joint == Joint::Break {
            break;
        }
        if token.name_like && !token.opens_sentence {
            last_name = end;
        } else if !(token.connector && token.joint == Joint::Space) {
            break;
        }
        end += 1;
    }
    last_name + 1
}

/// Drops sentence-opening ordinary words, `The` and connectors from the front of a run, but
/// not a family name before a given name (`He Yadong`) or an initial (`M. K. Raghavan`).
pub(super) fn strip_leading<'t>(cx: &Context<'_>, mut run: &'t [Token]) -> &'t [Token] {
    while let Some(first) = run.first() {
        if !first.name_like {
            run = &run[1..];
            continue;
        }
        let word = cx.word(first);
        let initial = first.initial;
        let family_name = cx.lexicon.is_family_first_surname(word)
            && run.get(1).is_some_and(|next| {
                next.joint == Joint::Space && next.name_like && !cx.lexicon.is_common(cx.word(next))
            });
        let ordinary = first.opens_sentence && cx.lexicon.is_common(word) && !initial && !family_name;
        if ordinary || !first.name_like || word == "The" {
            run = &run[1..];
        } else {
            break;
        }
    }
    run
}

/// The names in one run of capitalised tokens, added to `out`.
fn names_in_run(cx: &Context<'_>, run: &[Token], out: &mut Vec<Guess>) {
    if run.is_empty() {
        return;
    }
    match headed_name(cx, run) {
        Some(Headed { before, name, rest }) => {
            pieces(cx, before).into_iter().filter_map(|p| person(cx, p)).for_each(|g| out.push(g));
            out.extend(name);
            names_in_run(cx, strip_leading(cx, rest), out);
        }
        None => pieces(cx, run).into_iter().filter_map(|p| person(cx, p)).for_each(|g| out.push(g)),
    }
}

#[cfg(test)]
mod tests;
