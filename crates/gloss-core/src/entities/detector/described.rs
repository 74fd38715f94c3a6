//! Names that a noun next to them describes: `the Halden news agency`, `Tamsin magazine`,
//! `the newspaper Al-Ahram`, `the tanker Sea Falcon` (a vessel: no entity).

use super::{Context, Guess};
use crate::entities::Kind;
use crate::entities::case::LineCase;
use crate::entities::lexicon::Described;
use crate::entities::tokens::{Joint, Token};

/// `the Times`, `the Post`: a newspaper's nameplate after `the`, inside a sentence and before no
/// other capitalised word, is the paper.
pub(super) fn papers(cx: &Context<'_>, tokens: &[Token]) -> Vec<Guess> {
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let after_the = cx.text[..token.span.start].ends_with("the ");
        if !after_the || token.opens_sentence || token.known.is_some() || !cx.lexicon.is_nameplate(cx.word(token)) {
            continue;
        }
        let goes_on = tokens.get(i + 1).is_some_and(|next| next.joint == Joint::Space && next.name_like);
        if after_the && !goes_on && cx.cases.at(token.span.start) == LineCase::Normal {
            out.push(Guess { span: token.span.clone(), kind: Kind::Org });
        }
    }
    out
}

/// What a descriptor right after or right before `piece` says it is.
pub(super) fn described(cx: &Context<'_>, piece: &[Token]) -> Option<Described> {
    let (first, last) = (piece.first()?, piece.last()?);
    let after = following_words(&cx.text[last.span.end..]);
    let before = preceding_words(&cx.text[..first.span.start]);
    // After the name, only a kind of entity: `Eagle ship` is rare, `ship Eagle` the usual order.
    let behind = noun_phrase(cx, &after, false).filter(|d| *d != Described::NotAnEntity);
    // `the ministry's spokeswoman Lin Mei`: a title before a name describes a person.
    let titled = cx.lexicon.title_before(cx.text[..first.span.start].trim_end()).is_some();
    behind.or_else(|| noun_phrase(cx, &before, true).filter(|_| !titled))
}

/// A descriptor among `words` (nearest first): the nearest word, or the nearest two as one noun.
fn noun_phrase(cx: &Context<'_>, words: &[&str], reversed: bool) -> Option<Described> {
    let one = words.first().and_then(|w| cx.lexicon.descriptor(w));
    let two = match (words.first(), words.get(1)) {
        (Some(near), Some(far)) if reversed => cx.lexicon.descriptor(&format!("{far} {near}")),
        (Some(near), Some(far)) => cx.lexicon.descriptor(&format!("{near} {far}")),
        _ => None,
    };
    two.or(one)
}

/// Up to two lower-case words right after a name, each after one space.
fn following_words(rest: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut rest = rest;
    while words.len() < 2 {
        let Some(next) = rest.strip_prefix(' ') else { break };
        let end = next.find(|c: char| !c.is_lowercase()).unwrap_or(next.len());
        if end == 0 {
            break;
        }
        words.push(&next[..end]);
        rest = &next[end..];
    }
    words
}

/// Up to two lower-case words right before a name, nearest first, each followed by one space.
fn preceding_words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut text = text;
    while words.len() < 2 {
        let Some(before) = text.strip_suffix(' ') else { break };
        let start = before
            .rfind(|c: char| !c.is_lowercase())
            .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
        if start == before.len() {
            break;
        }
        words.push(&before[start..]);
        text = &before[..start];
    }
    words
}
