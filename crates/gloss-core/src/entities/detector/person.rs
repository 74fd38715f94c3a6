//! People: pieces of a run of capitalised words that a cue marks as a person's name.

use super::{Context, Guess, strip_leading};
use crate::entities::Kind;
use crate::entities::lexicon::PARTICLES;
use crate::entities::tokens::{Joint, Token};

/// A run without a head word, split into candidate names: at connectors, at hyphens next to
/// a known name (`Putin-Kim`, but not `Abad-Santos`), and around known names.
pub(super) fn pieces<'t>(cx: &Context<'_>, run: &'t [Token]) -> Vec<&'t [Token]> {
    // Known places, organisations and the like separate names; a known person may be part of
    // a longer one (`Elaine Mbeki-Ross`).
    let separates = |t: &Token| cx.known_at(t).is_some_and(|(_, kind)| *kind != Kind::Person);
    let known = |t: &Token| cx.known_at(t).is_some();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, token) in run.iter().enumerate() {
        let double_barrelled =
            i >= 2 && run[i - 1].joint == Joint::Space && cx.lexicon.is_given_name(cx.word(&run[i - 2]));
        let hyphen_at_known =
            i > 0 && token.joint == Joint::Hyphen && (known(token) || known(&run[i - 1])) && !double_barrelled;
        let connector = token.connector && !PARTICLES.contains(&cx.word(token));
        if separates(token) || connector || hyphen_at_known {
            if i > start {
                out.push(&run[start..i]);
            }
            start = if hyphen_at_known && !separates(token) && !connector { i } else { i + 1 };
        }
    }
    if start < run.len() {
        out.push(&run[start..]);
    }
    out.into_iter().map(|p| trim_particles(cx, strip_leading(cx, p))).filter(|p| !p.is_empty()).collect()
}

/// A name does not end in a particle (`Nusrat al` of `Nusrat al-Islam`).
fn trim_particles<'t>(cx: &Context<'_>, mut piece: &'t [Token]) -> &'t [Token] {
    while piece.last().is_some_and(|t| t.connector || PARTICLES.contains(&cx.word(t))) {
        piece = &piece[..piece.len() - 1];
    }
    piece
}

/// Longest name a person has, in tokens.
const MAX_PERSON_TOKENS: usize = 4;

/// The person named by a piece, when a cue says it is one.
pub(super) fn person(cx: &Context<'_>, piece: &[Token]) -> Option<Guess> {
    let text = cx.text;
    if cx.cases.at(piece[0].span.start).is_uniform() {
        return None;
    }
    // A title inside the piece: `Deputy Foreign Minister Rudenko`, `Mr. Kim`.
    for (i, token) in piece.iter().enumerate() {
        if let Some(title) = cx.lexicon.title_at(&text[token.span.start..]) {
            let title_end = token.span.start + title.len();
            let after = piece.iter().position(|t| t.span.start > title_end).filter(|&a| a > i)?;
            let name = &piece[after..piece.len().min(after + MAX_PERSON_TOKENS)];
            let titled = |t: &Token| cx.lexicon.title_at(cx.word(t)).is_some();
            return name.iter().all(|t| !titled(t)).then(|| span_of(name, Kind::Person));
        }
    }
    let first = cx.word(&piece[0]);
    let second = piece.get(1).map(|t| cx.word(t));
    let uncommon_second = second.is_some_and(|s| !cx.lexicon.is_common(s));
    let before = text[..piece[0].span.start].trim_end();
    let after = &text[piece[piece.len() - 1].span.end..];
    let cued_by_title = cx.lexicon.title_before(before).is_some();
    let given_name = piece.len() >= 2 && cx.lexicon.is_given_name(first) && uncommon_second;
    let family_first = (2..=3).contains(&piece.len()) && cx.lexicon.is_family_first_surname(first) && uncommon_second;
    // `S. Jaishankar`, `M. K. Raghavan`, `Múte B. Egede`.
    let initial = piece.len() >= 2
        && (piece[0].initial || piece.len() == 3 && piece[1].initial)
        && piece.iter().any(|t| !t.initial);
    let speaks = piece.len() >= 2 && after.strip_prefix(' ').is_some_and(|rest| cx.lexicon.starts_with_speech(rest));
    let appositive = after.strip_prefix(", ").is_some_and(|rest| cx.lexicon.starts_with_role(rest));
    let ordinary = piece.iter().all(|t| cx.lexicon.is_common(cx.word(t)));
    let cued = cued_by_title || given_name || family_first || initial || speaks || appositive;
    (piece.len() <= MAX_PERSON_TOKENS && !ordinary && cued).then(|| span_of(piece, Kind::Person))
}

fn span_of(tokens: &[Token], kind: Kind) -> Guess {
    Guess { span: tokens[0].span.start..tokens[tokens.len() - 1].span.end, kind }
}
