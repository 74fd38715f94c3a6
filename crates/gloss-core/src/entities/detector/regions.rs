//! Compass points used as the names of regions: `the North`, `the West`, `Northwest China`.

use super::{Context, Guess};
use crate::entities::Kind;
use crate::entities::tokens::{Joint, Token};

/// The region word `i` names, which starts like a compass word: `the North` (North Korea), `the
/// West`, `Northwest China`.
pub(super) fn region_at(cx: &Context<'_>, tokens: &[Token], i: usize) -> Option<Guess> {
    if let Some(region) = compass_part(cx, tokens, i) {
        return Some(region);
    }
    let (text, token) = (cx.text, &tokens[i]);
    let kind = match &text[token.span.clone()] {
        "North" | "South" => Kind::Gpe,
        "West" | "East" => Kind::Loc,
        _ => return None,
    };
    let before = &text[..token.span.start];
    let follows_the = before.ends_with("the ") || before.ends_with("The ");
    let after = &text[token.span.end..];
    let name_goes_on = after.starts_with(|c: char| c.is_alphanumeric() || c == '-')
        || tokens.get(i + 1).is_some_and(|next| next.joint == Joint::Space && next.name_like);
    (follows_the && !name_goes_on && !cx.cases.at(token.span.start).is_uniform())
        .then(|| Guess { span: token.span.clone(), kind })
}

/// `Northwest China`, `Eastern Ukraine`: a compass word before a known country or place, the two
/// no known name together, is a region of it.
fn compass_part(cx: &Context<'_>, tokens: &[Token], i: usize) -> Option<Guess> {
    let token = &tokens[i];
    if !cx.word(token).starts_with(['N', 'S', 'E', 'W', 'C']) {
        return None;
    }
    let compass = matches!(
        cx.word(token),
        "North"
            | "South"
            | "East"
            | "West"
            | "Northeast"
            | "Northwest"
            | "Southeast"
            | "Southwest"
            | "Central"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
    );
    let next = tokens.get(i + 1).filter(|next| next.joint == Joint::Space)?;
    let (place, kind) = cx.known_at(next)?;
    let whole_place = place.start == next.span.start && *kind == Kind::Gpe;
    (compass && token.known.is_none() && whole_place)
        .then_some(Guess { span: token.span.start..place.end, kind: Kind::Loc })
}
