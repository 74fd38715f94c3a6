//! Names that a noun next to them describes: `the Halden news agency`, `Tamsin magazine`,
//! `the newspaper Al-Ahram`, `the tanker Sea Falcon` (a vessel: no entity).

use super::{Context, Guess};
use crate::entities::Kind;
use crate::entities::case::LineCase;
use crate::entities::lexicon::Described;
use crate::entities::tokens::{Joint, Token};

/// The paper word `i` names after `the` (`the Times`, `the Post`): a newspaper's nameplate
/// inside a sentence and before no other capitalised word.
pub(super) fn paper_at(cx: &Context<'_>, tokens: &[Token], i: usize) -> Option<Guess> {
    let token = &tokens[i];
    if token.opens_sentence || token.known.is_some() || !cx.lexicon.is_nameplate(cx.word(token)) {
        return None;
    }
    let goes_on = tokens.get(i + 1).is_some_and(|next| next.joint == Joint::Space && next.name_like);
    (!goes_on && cx.cases.at(token.span.start) == LineCase::Normal)
        .then(|| Guess { span: token.span.clone(), kind: Kind::Org })
}

/// What a descriptor right after or right before `piece` says it is.
pub(super) fn described(cx: &Context<'_>, piece: &[Token]) -> Option<Described> {
    let (first, last) = (piece.first()?, piece.last()?);
    let (after, count) = following_words(&cx.text[last.span.end..]);
    // After the name, only a kind of entity: `Eagle ship` is rare, `ship Eagle` the usual order.
    if let Some(kind) = noun_phrase(cx, &after[..count], false).filter(|d| *d != Described::NotAnEntity) {
        return Some(kind);
    }
    let (before, count) = preceding_words(&cx.text[..first.span.start]);
    let described = noun_phrase(cx, &before[..count], true)?;
    // `the ministry's spokeswoman Lin Mei`: a title before a name describes a person.
    cx.lexicon.title_before(cx.text[..first.span.start].trim_end()).is_none().then_some(described)
}

/// A descriptor among `words` (nearest first): the nearest word, or the nearest two as one noun.
fn noun_phrase(cx: &Context<'_>, words: &[&str], reversed: bool) -> Option<Described> {
    let one = words.first().and_then(|w| cx.lexicon.descriptor(w));
    let two = match (words.first(), words.get(1)) {
        (Some(near), Some(far)) if reversed => cx.lexicon.descriptor_pair(far, near),
        (Some(near), Some(far)) => cx.lexicon.descriptor_pair(near, far),
        _ => None,
    };
    two.or(one)
}

/// Up to two lower-case words right after a name, each after one space.
fn following_words(rest: &str) -> ([&str; 2], usize) {
    let mut words = [""; 2];
    let mut count = 0;
    let mut rest = rest;
    while count < 2 {
        let Some(next) = rest.strip_prefix(' ') else { break };
        let end = next.find(|c: char| !c.is_lowercase()).unwrap_or(next.len());
        if end == 0 {
            break;
        }
        words[count] = &next[..end];
        count += 1;
        rest = &next[end..];
    }
    (words, count)
}

/// Up to two lower-case words right before a name, nearest first, each followed by one space.
fn preceding_words(text: &str) -> ([&str; 2], usize) {
    let mut words = [""; 2];
    let mut count = 0;
    let mut text = text;
    while count < 2 {
        let Some(before) = text.strip_suffix(' ') else { break };
        let start = before
            .rfind(|c: char| !c.is_lowercase())
            .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
        if start == before.len() {
            break;
        }
        words[count] = &before[start..];
        count += 1;
        text = &before[..start];
    }
    (words, count)
}
