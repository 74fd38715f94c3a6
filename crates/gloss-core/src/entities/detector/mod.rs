//! The name detector: capitalised names the gazetteer lacks, with the kind guessed from cues —
//! a title before a person, a verb of saying after one, the head word of an organisation,
//! place or event, a known given name or family name.

mod described;
mod heads;
mod person;
mod regions;
mod web;

use super::Kind;
use super::case::CaseMap;
use super::lexicon::{Described, Lexicon};
use super::teams::result_cue;
use super::tokens::{Joint, Token};
use crate::text::Span;
use described::{described, paper_at};
use heads::{Headed, ampersand_name, headed_name};
use person::{person, pieces};
use regions::region_at;
use web::{link_at, web_address_at};

/// A name the detector found, and the kind it guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    pub span: Span,
    pub kind: Kind,
}

/// What the detector makes out: names, and stretches that name no entity (a facility, a vessel)
/// where no gazetteer name counts either (`Kingston` in `Kingston Road`).
#[derive(Debug, Default)]
pub struct Detected {
    pub guesses: Vec<Guess>,
    pub blocked: Vec<Span>,
    /// Links and e-mail addresses: no entity at all, nor anything in them.
    pub links: Vec<Span>,
    /// Words whose lines may report sports results (`beat`, a score after a name).
    pub result_cues: Vec<usize>,
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
        token.known.map(|i| &self.known[i as usize])
    }
}

/// Every name the detector can make out in the text, whose words are `tokens`.
pub fn detect(cx: &Context<'_>, tokens: &mut [Token]) -> Detected {
    mark_known(tokens, cx.known);
    let tokens = &*tokens;
    let mut out = Detected::default();
    let mut start = 0;
    while start < tokens.len() {
        let end = run_end(tokens, start);
        names_in_run(cx, strip_leading(cx, &tokens[start..end]), &mut out);
        start = end;
    }
    words_on_their_own(cx, tokens, &mut out);
    out.guesses.sort_by_key(|g| (g.span.start, std::cmp::Reverse(g.span.end)));
    out
}

/// What single words make out, in one pass that looks at the bytes around each word first: web
/// addresses after a dot, links and e-mail addresses before `:`, `.` or `@`, regions from compass
/// words, papers after `the`.
fn words_on_their_own(cx: &Context<'_>, tokens: &[Token], out: &mut Detected) {
    let bytes = cx.text.as_bytes();
    for (i, token) in tokens.iter().enumerate() {
        let before = token.span.start.checked_sub(1).map(|b| bytes[b]);
        let after = bytes.get(token.span.end).copied();
        if before == Some(b'.') && i > 0 {
            out.guesses.extend(web_address_at(cx.text, cx.lexicon, tokens, i));
        }
        if matches!(after, Some(b':' | b'.' | b'@')) && out.links.last().is_none_or(|l| l.end <= token.span.start) {
            out.links.extend(link_at(cx.text, token));
        }
        if matches!(bytes[token.span.start], b'N' | b'S' | b'E' | b'W' | b'C') {
            out.guesses.extend(region_at(cx, tokens, i));
        }
        if before == Some(b' ') && cx.text[..token.span.start].ends_with("the ") {
            out.guesses.extend(paper_at(cx, tokens, i));
        }
        if result_cue(cx.text, tokens, i) {
            out.result_cues.push(i);
        }
    }
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
            .and_then(|(i, _)| u32::try_from(first + i).ok());
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
/// not a family name before a given name (`He Wenbo`) or an initial (`T. K. Varma`).
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
fn names_in_run(cx: &Context<'_>, run: &[Token], out: &mut Detected) {
    if run.is_empty() {
        return;
    }
    match ampersand_name(cx, run).or_else(|| headed_name(cx, run)) {
        Some(Headed { before, name, blocked, rest }) => {
            unheaded_names(cx, before, out);
            out.guesses.extend(name);
            out.blocked.extend(blocked);
            names_in_run(cx, strip_leading(cx, rest), out);
        }
        None => unheaded_names(cx, run, out),
    }
}

/// The names in a run without a head word: each piece of it is what a noun next to it says it
/// is, or a person when a cue says so.
fn unheaded_names(cx: &Context<'_>, run: &[Token], out: &mut Detected) {
    let pieces = pieces(cx, run);
    // `the Unblocked All the Way program`: a noun after the whole run describes all of it.
    if let [first, .., last] = pieces.as_slice()
        && let Some(Described::Entity(kind)) = described(cx, run)
        && first[0].span.start == run[0].span.start
        && last[last.len() - 1].span.end == run[run.len() - 1].span.end
        && run.iter().all(|t| cx.known_at(t).is_none())
    {
        out.guesses.push(Guess { span: run[0].span.start..run[run.len() - 1].span.end, kind });
        return;
    }
    for piece in pieces {
        let span = piece[0].span.start..piece[piece.len() - 1].span.end;
        match described(cx, piece) {
            Some(Described::Entity(kind)) => out.guesses.push(Guess { span, kind }),
            Some(Described::NotAnEntity) => out.blocked.push(span),
            None => out.guesses.extend(person(cx, piece)),
        }
    }
}

#[cfg(test)]
mod tests;
