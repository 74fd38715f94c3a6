//! Names found by their head word: `Foreign Ministry`, `Bank of Canada`, `Gallipoli Peninsula`,
//! and by a leading one: `Mount Kilimanjaro`, `Operation Overlord`.

use super::{Context, Guess};
use crate::entities::Kind;
use crate::entities::case::LineCase;
use crate::entities::tokens::{Joint, Token};
use crate::text::Span;

/// A run cut around a name that ends in a head word.
pub(super) struct Headed<'t> {
    pub before: &'t [Token],
    pub name: Option<Guess>,
    /// A facility's name (`Harbour Towers`): no entity, and nothing inside it is one.
    pub blocked: Option<Span>,
    pub rest: &'t [Token],
}

/// A firm's name around an ampersand: `Smith & Wesson`, `Douglas & Lomason Co`, `AT&T`; not
/// two places (`Bosnia & Herzegovina`), ordinary words (`Research & Development`) or letters
/// (`R&D`).
pub(super) fn ampersand_name<'t>(cx: &Context<'_>, run: &'t [Token]) -> Option<Headed<'t>> {
    let amp = run.iter().position(|t| t.joint == Joint::Ampersand).filter(|&i| i > 0)?;
    let joined = |t: &Token| matches!(t.joint, Joint::Space | Joint::Hyphen | Joint::Ampersand);
    let mut start = amp - 1;
    while start > 0 && joined(&run[start]) && run[start - 1].name_like {
        start -= 1;
    }
    let mut end = amp;
    while run.get(end + 1).is_some_and(|t| joined(t) && t.name_like) {
        end += 1;
    }
    let name = &run[start..=end];
    let place = |t: &Token| cx.known_at(t).is_some_and(|(_, kind)| matches!(kind, Kind::Gpe | Kind::Loc));
    let two_places = place(&run[amp - 1]) && place(&run[amp]);
    let ordinary = name.iter().all(|t| cx.lexicon.is_common(cx.word(t)));
    let letters = name.iter().all(|t| cx.word(t).chars().count() == 1);
    if two_places || ordinary || letters || !name.iter().all(|t| t.name_like) {
        return None;
    }
    let guess = Guess { span: run[start].span.start..run[end].span.end, kind: Kind::Org };
    Some(Headed { before: &run[..start], name: Some(guess), blocked: None, rest: &run[end + 1..] })
}

/// Finds the first name in `run` ending in a head word (`Foreign Ministry`, `Karvel
/// Peninsula`, `Bank of Canada`, `Sea of Japan`).
pub(super) fn headed_name<'t>(cx: &Context<'_>, run: &'t [Token]) -> Option<Headed<'t>> {
    let is_head = |t: &Token| {
        t.name_like && (cx.lexicon.head_kind(cx.word(t)).is_some() || cx.lexicon.is_facility_head(cx.word(t)))
    };
    let Some(mut head) = run.iter().position(is_head) else {
        return prefixed_name(cx, run);
    };
    // `Korean Peninsula Energy Development Organization`: a later head in the same stretch of
    // capitalised words ends the name instead.
    let mut i = head + 1;
    while let Some(token) = run.get(i).filter(|t| t.name_like && t.joint != Joint::Break) {
        if is_head(token) {
            head = i;
        }
        i += 1;
    }
    if let Some(facility) = facility(cx, run, head) {
        return Some(facility);
    }
    let kind = cx.lexicon.head_kind(cx.word(&run[head]))?;
    let end = tail_end(cx, run, head);
    let start = name_start(cx, run, head, end > head);
    let name = (end > start).then(|| Guess { span: run[start].span.start..run[end].span.end, kind });
    // A known name that ends where this one does, after only ordinary words (`Via Red Sea`),
    // is the better reading.
    let head_span = &run[head].span;
    // In a title-case headline every word is capitalised: a name there needs a word that is
    // neither ordinary nor already known (`Sound` in `South Korea Sound Alarm` is a verb).
    let title_line = cx.cases.at(run[start].span.start) == LineCase::Title;
    let distinctive = run[start..=end].iter().any(|t| cx.known_at(t).is_none() && !cx.lexicon.is_common(cx.word(t)));
    let name = name.filter(|_| !title_line || distinctive);
    // `the Ukraine Crisis` is a description, `the Brenner Crisis` a name.
    let described = cx.lexicon.is_descriptive_event_head(cx.word(&run[head]))
        && run[start..head].iter().all(|t| cx.known_at(t).is_some() || cx.lexicon.is_common(cx.word(t)));
    let name = name.filter(|_| !described);
    let name = name.filter(|guess| {
        // The known names are in text order: only those starting inside the guess, up to its
        // head, not every name of the article for every guess (quadratic in a long article).
        let inside = cx.known.partition_point(|(span, _)| span.start <= guess.span.start);
        !cx.known[inside..].iter().take_while(|(span, _)| span.start <= head_span.start).any(|(span, _)| {
            span.end == guess.span.end
                && run[start..]
                    .iter()
                    .take_while(|t| t.span.end <= span.start)
                    .all(|t| cx.lexicon.is_common(cx.word(t)))
        })
    });
    Some(Headed { before: &run[..start], name, blocked: None, rest: &run[end + 1..] })
}

/// A facility's name ending at `head` (`Harbour Towers`, `Elm Road`), unless a broadcaster's
/// word comes before its head (`Capital Radio Station` is an organisation).
fn facility<'t>(cx: &Context<'_>, run: &'t [Token], head: usize) -> Option<Headed<'t>> {
    let word = cx.word(&run[head]);
    if !cx.lexicon.is_facility_head(word) || cx.lexicon.head_kind(word).is_some() {
        return None;
    }
    let broadcaster = head > 0 && matches!(cx.word(&run[head - 1]), "Radio" | "Television" | "TV" | "Broadcasting");
    let start = name_start(cx, run, head, false);
    let span = run[start].span.start..run[head].span.end;
    let (name, blocked) = if broadcaster {
        (Some(Guess { span, kind: Kind::Org }), None)
    } else {
        (None, (start < head).then_some(span))
    };
    Some(Headed { before: &run[..start], name, blocked, rest: &run[head + 1..] })
}

/// A name that starts with its head word: `Mount Kilimanjaro`, `Operation Overlord`.
fn prefixed_name<'t>(cx: &Context<'_>, run: &'t [Token]) -> Option<Headed<'t>> {
    const MAX_WORDS_AFTER: usize = 3;
    let kind = cx.lexicon.prefix_kind(cx.word(&run[0]))?;
    let after = run[1..].iter().take(MAX_WORDS_AFTER).take_while(|t| t.name_like && t.joint == Joint::Space).count();
    if after == 0 {
        return None;
    }
    let name = Guess { span: run[0].span.start..run[after].span.end, kind };
    Some(Headed { before: &[], name: Some(name), blocked: None, rest: &run[after + 1..] })
}

/// Where a name ending at `head` starts: back over capitalised words and `and` between two of
/// them, not over other connectors; a known country, people or person before a short name of
/// a generic public body (`US` + `Supreme Court`, `Peruvian` + `Senate`) is left out of it,
/// unless the name goes on after its head (`Human Rights Commission of Chile`). A region, river
/// or sea, or a region's people, has no ministries: a body after one is named after it (`Sahel
/// Relief Agency`, `Arab Water Council`).
fn name_start(cx: &Context<'_>, run: &[Token], head: usize, has_tail: bool) -> usize {
    let mut start = head;
    while start > 0 {
        let previous = &run[start - 1];
        let joined = run[start].joint != Joint::Break;
        if ends_known_name(cx, previous) {
            break;
        }
        if previous.name_like && joined {
            start -= 1;
        } else if matches!(cx.word(previous), "and" | "&") && start >= 2 && run[start - 2].name_like {
            let unknown = |t: &Token| cx.known_at(t).is_none();
            if !(unknown(&run[start - 2]) && unknown(&run[start])) {
                break;
            }
            start -= 2;
        } else {
            break;
        }
    }
    // A known name at the front, then one or two ordinary words and the head: a generic body.
    let mut i = start;
    while i < head {
        let Some((span, kind)) = cx.known_at(&run[i]) else { break };
        while i < head && run[i].span.end <= span.end {
            i += 1;
        }
        let remainder = &run[i..=head];
        let ordinary = |t: &Token| cx.lexicon.is_common(cx.word(t)) || cx.lexicon.head_kind(cx.word(t)).is_some();
        let body = cx.lexicon.is_generic_body(cx.word(&run[head]));
        let region =
            *kind == Kind::Loc || (*kind == Kind::Norp && cx.lexicon.is_regional_people(&cx.text[span.clone()]));
        let owner = !region;
        let generic = owner && body && !has_tail && remainder.len() <= 2 && remainder.iter().all(ordinary);
        if generic {
            return i;
        }
    }
    start
}

/// `New York Times Washington Post`: a known organisation, person or event of several words
/// ending at `token` is a name of its own, not the start of the next one.
fn ends_known_name(cx: &Context<'_>, token: &Token) -> bool {
    cx.known_at(token).is_some_and(|(span, kind)| {
        span.end == token.span.end
            && span.start < token.span.start
            && matches!(kind, Kind::Org | Kind::Person | Kind::Event)
    })
}

/// Where a name with its head at `head` ends: the head, or the end of an `of`/`for` tail
/// (`Bank of Canada`, `Institute for Great Rift Studies`), which stops at `in` and `on`
/// and does not swallow another organisation (`Office` + `of the State Council`).
fn tail_end(cx: &Context<'_>, run: &[Token], head: usize) -> usize {
    let word = |i: usize| run.get(i).map(|t| cx.word(t));
    if !matches!(word(head + 1), Some("of" | "for")) || cx.lexicon.is_company_head(cx.word(&run[head])) {
        return head;
    }
    // ("of" | "for") ["the"] Name+ (("and" | "&") Name+ | "of" ["the"] Name+)*
    let mut end = head;
    let mut i = head + 1;
    while matches!(word(i), Some("of" | "for" | "and" | "&")) && (i == head + 1 || word(i) != Some("for")) {
        let mut next = i + 1;
        if matches!(word(i), Some("of" | "for")) && word(next) == Some("the") {
            next += 1;
        }
        let names = run[next.min(run.len())..].iter().take_while(|t| t.name_like).count();
        // `Institute of Law` + `of the Chinese Academy of Sciences`: the tail is another body.
        let another_body = next > i + 1
            && names > 1
            && (cx.lexicon.head_kind(cx.word(&run[next + names - 1])) == Some(Kind::Org)
                || cx.known_at(&run[next]).is_some_and(|(_, kind)| *kind == Kind::Org));
        if names == 0 || another_body {
            break;
        }
        end = next + names - 1;
        i = end + 1;
    }
    let of_the = word(head + 1) == Some("of") && word(head + 2) == Some("the");
    if of_the && cx.lexicon.head_kind(cx.word(&run[end])) == Some(Kind::Org) {
        return head;
    }
    end
}
