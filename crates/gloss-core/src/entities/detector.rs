//! The name detector: capitalised names the gazetteer lacks, with the kind guessed from cues —
//! a title before a person, a verb of saying after one, the head word of an organisation,
//! place or event, a known given name or family name.

use super::Kind;
use super::case::{CaseMap, LineCase};
use super::lexicon::{Lexicon, PARTICLES};
use super::tokens::{Joint, Token};
use crate::text::Span;

/// A name the detector found, and the kind it guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    pub span: Span,
    pub kind: Kind,
}

/// Top-level domains of web addresses credited as sources (`yandex.com`, `Booking.com`).
const DOMAINS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "int", "io", "co", "news", "info", "tv", "kr", "jp", "cn", "ru", "uk", "de",
    "fr", "tw", "hk",
];

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
fn strip_leading<'t>(cx: &Context<'_>, mut run: &'t [Token]) -> &'t [Token] {
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
    let name = name.filter(|guess| {
        !cx.known.iter().any(|(span, _)| {
            span.end == guess.span.end
                && span.start <= head_span.start
                && span.start > guess.span.start
                && run[start..]
                    .iter()
                    .take_while(|t| t.span.end <= span.start)
                    .all(|t| cx.lexicon.is_common(cx.word(t)))
        })
    });
    Some(Headed { before: &run[..start], name, rest: &run[end + 1..] })
}

/// A name that starts with its head word: `Mount Roraima`, `Operation Barkhane`.
fn prefixed_name<'t>(cx: &Context<'_>, run: &'t [Token]) -> Option<Headed<'t>> {
    const MAX_WORDS_AFTER: usize = 3;
    let kind = cx.lexicon.prefix_kind(cx.word(&run[0]))?;
    let after = run[1..].iter().take(MAX_WORDS_AFTER).take_while(|t| t.name_like && t.joint == Joint::Space).count();
    if after == 0 {
        return None;
    }
    let name = Guess { span: run[0].span.start..run[after].span.end, kind };
    Some(Headed { before: &[], name: Some(name), rest: &run[after + 1..] })
}

/// Where a name ending at `head` starts: back over capitalised words and `and` between two of
/// them, not over other connectors; a known place or person before a short name of a generic
/// public body (`US` + `Supreme Court`, `Philippine` + `Senate`) is left out of it, unless the
/// name goes on after its head (`Human Rights Commission of Pakistan`).
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
        let body = cx.lexicon.is_generic_body(cx.word(&run[head]));
        let generic = body && !has_tail && remainder.len() <= 2 && remainder.iter().all(ordinary);
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
fn person(cx: &Context<'_>, piece: &[Token]) -> Option<Guess> {
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

/// Web addresses: words joined by dots, ending in a known top-level domain, on word edges.
fn web_addresses(text: &str, tokens: &[Token]) -> Vec<Guess> {
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate().skip(1) {
        let word = &text[token.span.clone()];
        let after = text[token.span.end..].chars().next();
        let dotted = |a: &Token, b: &Token| a.span.end + 1 == b.span.start && text[a.span.end..].starts_with('.');
        let after_dot = text[..token.span.start].ends_with('.');
        let tld = after_dot && DOMAINS.iter().any(|d| d.eq_ignore_ascii_case(word));
        let ends = !after.is_some_and(|c| {
            c.is_alphanumeric() || c == '.' && text[token.span.end + 1..].starts_with(char::is_alphanumeric)
        });
        if !tld || !ends {
            continue;
        }
        let mut first = i;
        while first > 0 && dotted(&tokens[first - 1], &tokens[first]) {
            first -= 1;
        }
        let before = text[..tokens[first].span.start].chars().next_back();
        if first < i && !before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '@') {
            out.push(Guess { span: tokens[first].span.start..token.span.end, kind: Kind::Org });
        }
    }
    out
}

/// `the North` (North Korea), `the West`: a capitalised compass point used as a region's name.
fn compass_regions(cx: &Context<'_>, tokens: &[Token]) -> Vec<Guess> {
    let text = cx.text;
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let kind = match &text[token.span.clone()] {
            "North" | "South" => Kind::Gpe,
            "West" | "East" => Kind::Loc,
            _ => continue,
        };
        let before = &text[..token.span.start];
        let follows_the = before.ends_with("the ") || before.ends_with("The ");
        let after = &text[token.span.end..];
        let name_goes_on = after.starts_with(|c: char| c.is_alphanumeric() || c == '-')
            || tokens.get(i + 1).is_some_and(|next| next.joint == Joint::Space && next.name_like);
        if follows_the && !name_goes_on && !cx.cases.at(token.span.start).is_uniform() {
            out.push(Guess { span: token.span.clone(), kind });
        }
    }
    out
}

#[cfg(test)]
mod tests;
