//! People: pieces of a run of capitalised words that a cue marks as a person's name.

use super::{Context, Guess, strip_leading};
use crate::entities::Kind;
use crate::entities::case::LineCase;
use crate::entities::lexicon::PARTICLES;
use crate::entities::tokens::{Joint, Token};

/// A run without a head word, split into candidate names: at connectors, at hyphens next to
/// a known name (`Putin-Kim`, but not `Ferreira-Costa`), and around known names.
pub(super) fn pieces<'t>(cx: &Context<'_>, run: &'t [Token]) -> Vec<&'t [Token]> {
    // Known places, organisations and the like separate names, except a one-word name after a
    // given name (`Anthony Washington`, `Carla Sacramento`); a known person may be part of a
    // longer one (`Ana Mbeki-Ross`).
    let surname_after_given_name = |i: usize| {
        i > 0 && run[i].joint == Joint::Space && is_given_name(cx, &run[i - 1]) && cx.known_at(&run[i - 1]).is_none()
    };
    let separates = |i: usize| {
        cx.known_at(&run[i]).is_some_and(|(span, kind)| {
            *kind != Kind::Person && !(*span == run[i].span && *kind != Kind::Norp && surname_after_given_name(i))
        })
    };
    let known = |t: &Token| cx.known_at(t).is_some();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, token) in run.iter().enumerate() {
        let double_barrelled =
            i >= 2 && run[i - 1].joint == Joint::Space && cx.lexicon.is_given_name(cx.word(&run[i - 2]));
        let hyphen_at_known =
            i > 0 && token.joint == Joint::Hyphen && (known(token) || known(&run[i - 1])) && !double_barrelled;
        let connector = token.connector && !PARTICLES.contains(&cx.word(token));
        if separates(i) || connector || hyphen_at_known {
            if i > start {
                out.push(&run[start..i]);
            }
            start = if hyphen_at_known && !separates(i) && !connector { i } else { i + 1 };
        } else if i >= start + 2 && second_person_starts(cx, run, i) || i > start && title_after_name(cx, run, i) {
            out.push(&run[start..i]);
            start = i;
        }
    }
    if start < run.len() {
        out.push(&run[start..]);
    }
    out.into_iter().map(|p| trim_particles(cx, strip_leading(cx, p))).filter(|p| !p.is_empty()).collect()
}

/// Whether a second person's name starts at `i` in a run without punctuation, as transcripts
/// write them (`Valerie Plame Bob Novak`): a given name after a surname, with a surname after.
fn second_person_starts(cx: &Context<'_>, run: &[Token], i: usize) -> bool {
    let joined = |t: &Token| t.joint == Joint::Space && t.name_like;
    joined(&run[i])
        && is_given_name(cx, &run[i])
        && !is_given_name(cx, &run[i - 1])
        && !run[i - 1].initial
        && run.get(i + 1).is_some_and(|next| joined(next) && !cx.lexicon.is_common(cx.word(next)))
}

/// Whether a title at `i` follows a name and opens something else, as transcripts run them
/// together (`Mister Wallace Mister Wallace agreed`, `Robert Gallucci Dean of the School`): the
/// title then heads another name or an office (`of`). A title word at a name's end stays in it
/// (`Martin Luther King`), as does one inside a longer title (`Deputy Foreign Minister`).
fn title_after_name(cx: &Context<'_>, run: &[Token], i: usize) -> bool {
    let titled = |t: &Token| cx.lexicon.title_at(&cx.text[t.span.start..]);
    let Some(title) = titled(&run[i]) else { return false };
    if run[i].joint != Joint::Space
        || titled(&run[i - 1]).is_some()
        || cx.lexicon.title_before(&cx.text[..run[i - 1].span.end]).is_some()
    {
        return false;
    }
    let title_end = run[i].span.start + title.len();
    let name_follows =
        run.iter().skip(i + 1).find(|t| t.span.start > title_end).is_some_and(|t| t.name_like && titled(t).is_none());
    name_follows || cx.text[title_end..].starts_with(" of ")
}

/// A given name, or an ordinary word that is one before a surname (`Bill`).
fn is_given_name(cx: &Context<'_>, token: &Token) -> bool {
    let word = cx.word(token);
    cx.lexicon.is_given_name(word) || cx.lexicon.is_given_name_also_word(word)
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
    if cx.cases.at(piece[0].span.start).is_uniform() {
        return None;
    }
    if let Some(name) = after_title_inside(cx, piece) {
        let titled = |t: &Token| cx.lexicon.title_at(cx.word(t)).is_some();
        return (!name.is_empty() && name.iter().all(|t| !titled(t))).then(|| span_of(name, Kind::Person));
    }
    let (piece, cued_by_title) = after_title(cx, piece);
    if piece.is_empty() || piece.len() > MAX_PERSON_TOKENS || piece.iter().all(|t| cx.lexicon.is_common(cx.word(t))) {
        return None;
    }
    (cued_by_title || cued(cx, piece)).then(|| span_of(piece, Kind::Person))
}

/// The name after a title inside the piece (`Deputy Foreign Minister Ivan Petrov`, `Mr. Kim`),
/// empty when nothing follows the title; `None` when the piece holds no title.
fn after_title_inside<'t>(cx: &Context<'_>, piece: &'t [Token]) -> Option<&'t [Token]> {
    for (i, token) in piece.iter().enumerate() {
        if let Some(title) = cx.lexicon.title_at(&cx.text[token.span.start..]) {
            let title_end = token.span.start + title.len();
            let Some(after) = piece.iter().position(|t| t.span.start > title_end).filter(|&a| a > i) else {
                return Some(&[]);
            };
            return Some(&piece[after..piece.len().min(after + MAX_PERSON_TOKENS)]);
        }
    }
    None
}

/// The piece without the end of a title that begins before it (`State` in `Secretary of State
/// Marco Rubio`, cut at `of`), and whether a title stands right before what is left.
fn after_title<'t>(cx: &Context<'_>, piece: &'t [Token]) -> (&'t [Token], bool) {
    let text = cx.text;
    for i in (0..piece.len()).rev() {
        let upto = &text[..piece[i].span.end];
        if cx.lexicon.title_before(upto).is_some_and(|title| upto.len() - title.len() < piece[0].span.start) {
            return (&piece[i + 1..], true);
        }
    }
    (piece, cx.lexicon.title_before(text[..piece[0].span.start].trim_end()).is_some())
}

/// Whether something about the piece or around it says it names a person.
fn cued(cx: &Context<'_>, piece: &[Token]) -> bool {
    let text = cx.text;
    let first = cx.word(&piece[0]);
    let uncommon_second = piece.get(1).is_some_and(|t| !cx.lexicon.is_common(cx.word(t)));
    let after = &text[piece[piece.len() - 1].span.end..];
    // `Chris Hill`: a given name that is no ordinary word makes a surname of an ordinary one.
    let plain_second = piece.get(1).is_some_and(|t| {
        let word = cx.word(t);
        cx.lexicon.head_kind(word).is_none()
            && !cx.lexicon.is_facility_head(word)
            && cx.lexicon.title_at(word).is_none()
    });
    let strong_given = piece.len() == 2
        && piece[1].joint == Joint::Space
        && cx.cases.at(piece[0].span.start) == LineCase::Normal
        && cx.lexicon.is_given_name(first)
        && !cx.lexicon.is_common(first)
        && plain_second;
    let given_name = piece.len() >= 2 && ((is_given_name(cx, &piece[0]) && uncommon_second) || strong_given);
    // `Wang Yi`, but not `Huang-Huai` (a region): the given name follows after a space.
    let family_first = (2..=3).contains(&piece.len())
        && cx.lexicon.is_family_first_surname(first)
        && uncommon_second
        && piece[1].joint == Joint::Space;
    // `S. Ramaswamy`, `T. K. Varma`, `Ana B. Lund`.
    let initial = piece.len() >= 2
        && (piece[0].initial || piece.len() == 3 && piece[1].initial)
        && piece.iter().any(|t| !t.initial);
    let speaks = piece.len() >= 2 && after.strip_prefix(' ').is_some_and(|rest| cx.lexicon.starts_with_speech(rest));
    let appositive = after.strip_prefix(", ").is_some_and(|rest| cx.lexicon.starts_with_role(rest));
    given_name
        || family_first
        || initial
        || speaks
        || appositive
        || lone_given_name(cx, piece)
        || name_shaped(cx, piece)
}

/// A known given name on its own (`Thanks, Tim`), which is no ordinary word and no part of a
/// longer name (`Nusrat al-Islam`).
fn lone_given_name(cx: &Context<'_>, piece: &[Token]) -> bool {
    let [token] = piece else { return false };
    let word = cx.word(token);
    if !cx.lexicon.is_given_name(word) || cx.lexicon.is_common(word) || cx.known_at(token).is_some() {
        return false;
    }
    let after = &cx.text[token.span.end..];
    let particle_after = after.strip_prefix(' ').is_some_and(|rest| {
        let next = rest.split([' ', '-']).next().unwrap_or(rest);
        PARTICLES.contains(&next) && rest[next.len()..].starts_with([' ', '-'])
    });
    !(after.starts_with('-') || cx.text[..token.span.start].ends_with('-') || particle_after)
}

/// Two or three capitalised words joined by spaces, the first and the last no ordinary word
/// (or the first a given name that is one, `Bill`), inside a sentence of normal prose, with no
/// known name, acronym or lone letter among them: in news, most such names are people's.
fn name_shaped(cx: &Context<'_>, piece: &[Token]) -> bool {
    let (Some(first), Some(last)) = (piece.first(), piece.last()) else { return false };
    // A known surname may end it (`Jayson Blair`), as another person of that name.
    let known_surname = |t: &Token| {
        std::ptr::eq(t, last) && cx.known_at(t).is_some_and(|(span, kind)| *kind == Kind::Person && *span == t.span)
    };
    let shaped = |t: &Token| {
        let word = cx.word(t);
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        // `Left-behind Children`: ordinary words joined by a hyphen make no name.
        let ordinary_compound =
            word.split_once('-').is_some_and(|(a, b)| cx.lexicon.is_common(a) && cx.lexicon.is_common(b));
        letters >= 2 && !acronym && !ordinary_compound && (cx.known_at(t).is_none() || known_surname(t))
    };
    let first_word = cx.word(first);
    (2..=3).contains(&piece.len())
        && cx.cases.at(first.span.start) == LineCase::Normal
        && (!cx.lexicon.is_common(first_word) || cx.lexicon.is_given_name_also_word(first_word))
        && !cx.lexicon.is_common(cx.word(last))
        && piece[1..].iter().all(|t| t.joint == Joint::Space)
        && piece.iter().all(shaped)
}

fn span_of(tokens: &[Token], kind: Kind) -> Guess {
    Guess { span: tokens[0].span.start..tokens[tokens.len() - 1].span.end, kind }
}
