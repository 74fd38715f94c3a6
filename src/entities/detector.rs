//! The name detector: capitalised names the gazetteer lacks, with the kind guessed from cues —
//! a title before a person, a verb of saying after one, the head word of an organisation,
//! place or event, a known given name or family name.

mod tokens;

use std::sync::LazyLock;

use regex::Regex;

use super::Kind;
use super::case::{CaseMap, LineCase};
use super::lexicon::{Lexicon, PARTICLES};
use crate::text::Span;
use tokens::{Joint, Token, tokens};

/// A name the detector found, and the kind it guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    pub span: Span,
    pub kind: Kind,
}

/// Web addresses credited as sources: `yandex.com`, `Booking.com`.
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|int|io|co|news|info|tv|kr|jp|cn|ru|uk|de|fr|tw|hk)\b")
        .expect("domain pattern is valid")
});

/// What the detector needs to know about the text around it.
pub struct Context<'a> {
    pub text: &'a str,
    pub sentences: &'a [Span],
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
        let after = self.known.partition_point(|(span, _)| span.start <= token.span.start);
        self.known[..after].iter().rev().take(8).find(|(span, _)| span.end >= token.span.end)
    }
}

/// Every name the detector can make out in the text.
pub fn detect(cx: &Context<'_>) -> Vec<Guess> {
    let tokens = tokens(cx.text, cx.sentences, cx.lexicon);
    let mut guesses = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let end = run_end(&tokens, start);
        names_in_run(cx, strip_leading(cx, &tokens[start..end]), &mut guesses);
        start = end;
    }
    let domains = DOMAIN.find_iter(cx.text).filter(|m| !m.as_str().starts_with(['.', '-']));
    guesses.extend(domains.map(|m| Guess { span: m.range(), kind: Kind::Org }));
    guesses.extend(compass_regions(cx));
    guesses.sort_by_key(|g| (g.span.start, std::cmp::Reverse(g.span.end)));
    guesses
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
fn strip_leading<'t>(cx: &Context<'_>, mut run: &'t [Token]) -> &'t [Token] {
    while let Some(first) = run.first() {
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

/// A run cut around a name that ends in a head word.
struct Headed<'t> {
    before: &'t [Token],
    name: Option<Guess>,
    rest: &'t [Token],
}

/// Finds the first name in `run` ending in a head word (`Foreign Ministry`, `Inoden
/// Peninsula`, `Bank of Korea`, `Sea of Japan`).
fn headed_name<'t>(cx: &Context<'_>, run: &'t [Token]) -> Option<Headed<'t>> {
    let is_head = |t: &Token| t.name_like && cx.lexicon.head_kind(cx.word(t)).is_some();
    let mut head = run.iter().position(is_head)?;
    // `Korean Peninsula Energy Development Organization`: a later head in the same stretch of
    // capitalised words ends the name instead.
    let mut i = head + 1;
    while let Some(token) = run.get(i).filter(|t| t.name_like && t.joint != Joint::Break) {
        if is_head(token) {
            head = i;
        }
        i += 1;
    }
    let kind = cx.lexicon.head_kind(cx.word(&run[head]))?;
    let end = tail_end(cx, run, head);
    let start = name_start(cx, run, head, end > head);
    let name = (end > start).then(|| Guess { span: run[start].span.start..run[end].span.end, kind });
    // A known name that ends where this one does, after only ordinary words (`Via Red Sea`),
    // is the better reading.
    let name = name.filter(|guess| {
        !cx.known.iter().any(|(span, _)| {
            span.end == guess.span.end
                && span.start > guess.span.start
                && run[start..]
                    .iter()
                    .take_while(|t| t.span.end <= span.start)
                    .all(|t| cx.lexicon.is_common(cx.word(t)))
        })
    });
    Some(Headed { before: &run[..start], name, rest: &run[end + 1..] })
}

/// Where a name ending at `head` starts: back over capitalised words and `and` between two of
/// them, not over other connectors; a known place or person before a short generic name
/// (`US` + `Supreme Court`, `Philippine` + `Senate`) is left out of it, unless the name goes
/// on after its head (`Deccan Forum for Strategic Affairs`).
fn name_start(cx: &Context<'_>, run: &[Token], head: usize, has_tail: bool) -> usize {
    let mut start = head;
    while start > 0 {
        let previous = &run[start - 1];
        let joined = run[start].joint != Joint::Break;
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
        let Some((span, _)) = cx.known_at(&run[i]) else { break };
        while i < head && run[i].span.end <= span.end {
            i += 1;
        }
        let remainder = &run[i..=head];
        let ordinary = |t: &Token| cx.lexicon.is_common(cx.word(t)) || cx.lexicon.head_kind(cx.word(t)).is_some();
        let generic = !has_tail && remainder.len() <= 2 && remainder.iter().all(ordinary);
        if generic {
            return i;
        }
    }
    start
}

/// Where a name with its head at `head` ends: the head, or the end of an `of`/`for` tail
/// (`Bank of Korea`, `Institute for Horn of Africa Studies`), which stops at `in` and `on`
/// and does not swallow another organisation (`Office` + `of the State Council`).
fn tail_end(cx: &Context<'_>, run: &[Token], head: usize) -> usize {
    let word = |i: usize| run.get(i).map(|t| cx.word(t));
    if !matches!(word(head + 1), Some("of" | "for")) {
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
        if names == 0 {
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

/// A run without a head word, split into candidate names: at connectors, at hyphens next to
/// a known name (`Putin-Kim`, but not `Abad-Santos`), and around known names.
fn pieces<'t>(cx: &Context<'_>, run: &'t [Token]) -> Vec<&'t [Token]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, token) in run.iter().enumerate() {
        let known = cx.known_at(token).is_some();
        let hyphen_at_known = token.joint == Joint::Hyphen && (known || i > 0 && cx.known_at(&run[i - 1]).is_some());
        let connector = token.connector && !PARTICLES.contains(&cx.word(token));
        if known || connector || hyphen_at_known {
            if i > start {
                out.push(&run[start..i]);
            }
            start = if known || connector { i + 1 } else { i };
        }
    }
    if start < run.len() {
        out.push(&run[start..]);
    }
    out.into_iter().map(|p| strip_leading(cx, p)).filter(|p| !p.is_empty()).collect()
}

/// Longest name a person has, in tokens.
const MAX_PERSON_TOKENS: usize = 4;

/// The person named by a piece, when a cue says it is one.
fn person(cx: &Context<'_>, piece: &[Token]) -> Option<Guess> {
    let text = cx.text;
    if cx.cases.at(piece[0].span.start) != LineCase::Normal {
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
    let initial = piece.len() >= 2 && piece[0].initial && piece.iter().any(|t| !t.initial);
    let speaks = piece.len() >= 2 && after.strip_prefix(' ').is_some_and(|rest| cx.lexicon.starts_with_speech(rest));
    let appositive = after.strip_prefix(", ").is_some_and(|rest| cx.lexicon.starts_with_role(rest));
    let ordinary = piece.iter().all(|t| cx.lexicon.is_common(cx.word(t)));
    let cued = cued_by_title || given_name || family_first || initial || speaks || appositive;
    (piece.len() <= MAX_PERSON_TOKENS && !ordinary && cued).then(|| span_of(piece, Kind::Person))
}

fn span_of(tokens: &[Token], kind: Kind) -> Guess {
    Guess { span: tokens[0].span.start..tokens[tokens.len() - 1].span.end, kind }
}

/// `the North` (North Korea), `the West`: a capitalised compass point used as a region's name.
fn compass_regions(cx: &Context<'_>) -> Vec<Guess> {
    let text = cx.text;
    let mut out = Vec::new();
    for (word, kind) in [("North", Kind::Gpe), ("South", Kind::Gpe), ("West", Kind::Loc), ("East", Kind::Loc)] {
        for (start, _) in text.match_indices(word) {
            let end = start + word.len();
            let follows_the = text[..start].ends_with("the ") || text[..start].ends_with("The ");
            let after = &text[end..];
            let name_goes_on = after.starts_with(|c: char| c.is_alphanumeric() || c == '-')
                || after.strip_prefix(' ').is_some_and(|r| r.starts_with(char::is_uppercase));
            if follows_the && !name_goes_on && cx.cases.at(start) == LineCase::Normal {
                out.push(Guess { span: start..end, kind });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
