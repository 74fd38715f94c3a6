//! Whole-article consistency: a name resolved once carries to its short forms and repetitions —
//! `Trudeau` after `Justin Trudeau`, `Kim Yo` to `Kim Yo Jong`, `Hooker` to `L.J. Hooker Corp.`,
//! `the Times` to `New York Times`, `ISIS` to the name it was defined for in brackets.

mod acronyms;
mod organisations;
mod people;

use std::collections::HashSet;
use std::sync::Arc;

use rustc_hash::FxHashMap;

pub(super) use acronyms::defined_acronyms;
pub(super) use organisations::{guessed_names, organisation_parts};
pub(super) use people::{complete_truncated_people, people_parts};

use super::case::{CaseMap, LineCase};
use super::lexicon::Lexicon;
use super::tokens::{Joint, Token};
use super::{Kind, Mention, MentionSource};
use crate::text::Span;

/// A phrase that, wherever else it stands in the article, is a mention of this entity.
#[derive(Debug, Clone)]
pub(super) struct Carried {
    pub kind: Kind,
    pub canonical: Arc<str>,
    pub source: MentionSource,
    /// The phrase is also an ordinary word: it does not count when it opens a sentence.
    pub ordinary: bool,
    /// A given name: before another capitalised name it is someone else's (`Michael Green`).
    pub given_name: bool,
}

/// Phrases to carry, by text.
pub(super) type Carry<'t> = FxHashMap<&'t str, Carried>;

/// Adds a mention at every free occurrence of a carried phrase (at a word start, ending on a
/// word edge, overlapping no mention), and gives mentions of the phrase its canonical name.
pub(super) fn carry(cx: &Article<'_>, carried: &Carry<'_>, rejected: &HashSet<String>, mentions: &mut Vec<Mention>) {
    let (text, tokens) = (cx.text, cx.tokens);
    if carried.is_empty() {
        return;
    }
    rename(text, carried, mentions);
    let by_first_word = by_first_word(carried);
    let lower_starts = carried.keys().any(|p| !p.starts_with(|c: char| c.is_uppercase()));
    let mut added = Vec::new();
    let mut next_mention = 0;
    for (i, token) in tokens.iter().enumerate() {
        // Carried phrases start with names: most words are not one, and most names that are
        // start a mention already.
        if !lower_starts && !token.name_like {
            continue;
        }
        while cx.covered.get(next_mention).is_some_and(|m| m.end <= token.span.start) {
            next_mention += 1;
        }
        if cx.covered.get(next_mention).is_some_and(|m| m.start <= token.span.start) {
            continue;
        }
        let Some(phrases) = by_first_word.get(&text[token.span.clone()]) else { continue };
        let rest = &text[token.span.start..];
        let longest = phrases
            .iter()
            .find(|(phrase, _)| rest.starts_with(*phrase) && ends_word(text, token.span.start + phrase.len()));
        let Some(&(phrase, c)) = longest else { continue };
        let span = token.span.start..token.span.start + phrase.len();
        if !rejected.contains(phrase) && counts_here(cx, i, &span, c) {
            added.push(Mention { span, kind: c.kind, canonical: c.canonical.clone(), source: c.source });
        }
    }
    drop_guesses_inside(text, &added, mentions);
    add_free(mentions, added);
}

/// Gives the mentions of a carried phrase, of its kind, the phrase's canonical name: the part
/// of [`carry`] that needs no words of the article.
pub(super) fn rename(text: &str, carried: &Carry<'_>, mentions: &mut [Mention]) {
    for mention in mentions.iter_mut() {
        if let Some(c) = carried.get(&text[mention.span.clone()]).filter(|c| c.kind == mention.kind) {
            mention.canonical = c.canonical.clone();
        }
    }
}

/// Whether the phrase carried as `c` at `span`, from token `i`, is a mention there: not part of
/// another unknown name, not one letter, not an adjective (`Kim-led`), and not an ordinary word
/// opening a sentence (`Park`), unless a verb of saying follows it.
fn counts_here(cx: &Article<'_>, i: usize, span: &Span, c: &Carried) -> bool {
    let (text, tokens) = (cx.text, cx.tokens);
    let last = i + tokens[i..].iter().take_while(|t| t.span.end <= span.end).count() - 1;
    // A given name or an ordinary word before another capitalised word starts another name
    // (`Michael Green`, `Times Square`).
    let strict = c.given_name || c.ordinary;
    let inside_more = cx.cases.at(span.start) == LineCase::Normal && part_of_another_name(cx, i, last, strict);
    let letters = text[span.clone()].chars().filter(|c| c.is_alphabetic()).count();
    let adjective = text[span.end..].starts_with('-');
    let speaks = text[span.end..].strip_prefix(' ').is_some_and(|rest| cx.lexicon.starts_with_speech(rest));
    let ordinary_opener = c.ordinary && tokens[i].opens_sentence && !speaks;
    !inside_more && letters >= 2 && !adjective && !ordinary_opener
}

/// The phrases by their first word, longest first: most words start none of them.
fn by_first_word<'c, 't>(carried: &'c Carry<'t>) -> FxHashMap<&'t str, Vec<(&'t str, &'c Carried)>> {
    let mut index: FxHashMap<&str, Vec<(&str, &Carried)>> = FxHashMap::default();
    for (phrase, c) in carried {
        index.entry(phrase.split([' ', '-']).next().unwrap_or(phrase)).or_default().push((phrase, c));
    }
    for phrases in index.values_mut() {
        phrases.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
    }
    index
}

/// What `carry` reads the article with.
pub(super) struct Article<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub cases: &'a CaseMap,
    pub lexicon: &'a Lexicon,
    /// The mentions' spans, in text order.
    pub covered: Vec<Span>,
}

/// Whether the tokens `first..=last` are part of a longer, unknown name: `Michael` of `Michael
/// Green` is no mention of another Michael, nor `Davis` of `Ray Davis` one of Lanny Davis.
fn part_of_another_name(cx: &Article<'_>, first: usize, last: usize, strict: bool) -> bool {
    let free_name = |t: &Token| t.name_like && !is_covered(&cx.covered, &t.span);
    let word = |t: &Token| &cx.text[t.span.clone()];
    let after = cx.tokens.get(last + 1).filter(|t| t.joint == Joint::Space && free_name(t));
    let before = cx.tokens[first].joint == Joint::Space && first > 0 && {
        let t = &cx.tokens[first - 1];
        let ordinary = cx.lexicon.is_common(word(t)) && !cx.lexicon.is_given_name_also_word(word(t));
        free_name(t) && !ordinary
    };
    before || after.is_some_and(|t| strict || !cx.lexicon.is_common(word(t)))
}

/// Whether a mention covers `span`; `covered` is in text order.
fn is_covered(covered: &[Span], span: &Span) -> bool {
    let at = covered.partition_point(|s| s.end <= span.start);
    covered.get(at).is_some_and(|s| s.start <= span.start && span.end <= s.end)
}

/// Whether a word ends at byte `end`.
fn ends_word(text: &str, end: usize) -> bool {
    !text[end..].chars().next().is_some_and(char::is_alphanumeric)
}

/// `Sixty Minutes` carried over a guess of `Minutes` alone: a name of several words replaces
/// the guesses that lie wholly inside it, when nothing else overlaps it.
fn drop_guesses_inside(text: &str, added: &[Mention], mentions: &mut Vec<Mention>) {
    let mut dropped: Vec<Span> = Vec::new();
    for new in added.iter().filter(|m| text[m.span.clone()].contains(' ')) {
        let first = mentions.partition_point(|m| m.span.end <= new.span.start);
        let overlapping = mentions[first..].iter().take_while(|m| m.span.start < new.span.end);
        let inside = |m: &Mention| new.span.start <= m.span.start && m.span.end <= new.span.end;
        let mut overlapping = overlapping.peekable();
        if overlapping.peek().is_some()
            && overlapping.all(|m| m.source == MentionSource::Guess && inside(m) && m.span != new.span)
        {
            dropped.push(new.span.clone());
        }
    }
    if !dropped.is_empty() {
        mentions.retain(|m| !dropped.iter().any(|d| d.start <= m.span.start && m.span.end <= d.end));
    }
}

/// Adds the mentions of `added` that overlap no mention (nor one another), in text order.
pub(super) fn add_free(mentions: &mut Vec<Mention>, mut added: Vec<Mention>) {
    if added.is_empty() {
        return;
    }
    added.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut taken: Vec<Span> = mentions.iter().map(|m| m.span.clone()).collect();
    for mention in added {
        let at = taken.partition_point(|s| s.end <= mention.span.start);
        if taken.get(at).is_none_or(|s| mention.span.end <= s.start) {
            taken.insert(at, mention.span.clone());
            mentions.push(mention);
        }
    }
    mentions.sort_by_key(|m| m.span.start);
}
