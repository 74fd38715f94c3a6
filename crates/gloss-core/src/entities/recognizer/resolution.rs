//! Turning candidates into mentions: guesses as mentions, the publisher, the choice among
//! overlapping candidates, and the mentions built on chosen ones (company names, native scripts).

use std::collections::HashSet;
use std::sync::Arc;

use super::{Mention, MentionSource};
use crate::entities::Kind;
use crate::entities::detector::Guess;
use crate::entities::lexicon::Lexicon;
use crate::text::Span;

pub(super) fn guess(text: &str, guess: Guess) -> Mention {
    let canonical: String = text[guess.span.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
    Mention { span: guess.span, kind: guess.kind, canonical: canonical.into(), source: MentionSource::Guess }
}

/// The publisher named on the dateline is an organisation, there and wherever else it appears.
pub(super) fn publisher(text: &str, span: &Span) -> Vec<Mention> {
    let name = &text[span.clone()];
    let canonical: Arc<str> = name.into();
    text.match_indices(name)
        .map(|(start, _)| start..start + name.len())
        .filter(|s| {
            let before = text[..s.start].chars().next_back();
            let after = text[s.end..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|s| Mention { span: s, kind: Kind::Org, canonical: canonical.clone(), source: MentionSource::Guess })
        .collect()
}

/// Picks non-overlapping mentions: leftmost first, then longest, then the user's over the
/// gazetteer's over a guess.
pub(super) fn resolve(mut candidates: Vec<Mention>) -> Vec<Mention> {
    candidates.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end), a.source).cmp(&(
            b.span.start,
            std::cmp::Reverse(b.span.end),
            b.source,
        ))
    });
    let mut chosen: Vec<Mention> = Vec::new();
    for candidate in candidates {
        if chosen.last().is_none_or(|last| candidate.span.start >= last.span.end) {
            chosen.push(candidate);
        }
    }
    chosen
}

/// A one-word company name the gazetteer knows followed by more of its name (`Hyundai` +
/// `Rotem`): the whole is the organisation.
pub(super) fn extend_companies(text: &str, lexicon: &Lexicon, mentions: &mut [Mention]) {
    const MAX_EXTRA_WORDS: usize = 2;
    for i in 0..mentions.len() {
        let one_word = !text[mentions[i].span.clone()].contains(|c: char| !c.is_alphanumeric());
        if mentions[i].kind != Kind::Org || mentions[i].source == MentionSource::Guess || !one_word {
            continue;
        }
        let limit = mentions.get(i + 1).map_or(text.len(), |next| next.span.start);
        let mut end = mentions[i].span.end;
        for _ in 0..MAX_EXTRA_WORDS {
            let rest = &text[end..limit];
            let Some(word) = rest.strip_prefix(' ').and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next()) else {
                break;
            };
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            if word.is_empty() || !capitalised || lexicon.is_common(word) || lexicon.head_kind(word).is_some() {
                break;
            }
            end += 1 + word.len();
        }
        if end > mentions[i].span.end {
            let mention = &mut mentions[i];
            mention.span.end = end;
            mention.canonical = text[mention.span.clone()].into();
            mention.source = MentionSource::Guess;
        }
    }
}

/// The longest name in its own script read in brackets, in bytes (about 40 Hangul or Han
/// characters, 60 Cyrillic or Greek letters).
const MAX_NATIVE_BYTES: usize = 120;

/// A name in its own script in brackets right after the romanised one (`Moon Jae-in (문재인)`)
/// is a mention of the same entity.
pub(super) fn add_native_scripts(text: &str, mentions: &mut Vec<Mention>) {
    let mut added = Vec::new();
    for mention in mentions.iter() {
        let rest = &text[mention.span.end..];
        let Some(inside) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix("(")) else { continue };
        // Only as far as a long name: searching on to any later `)` after every mention made
        // a long text with an unclosed bracket take quadratic time.
        let Some(close) = inside.bytes().take(MAX_NATIVE_BYTES).position(|b| b == b')') else { continue };
        let native = inside[..close].trim();
        let foreign =
            !native.is_empty() && native.chars().all(|c| (c.is_alphabetic() && !c.is_ascii()) || c == ' ' || c == '·');
        if foreign && !native.is_ascii() {
            let start = mention.span.end + (rest.len() - inside.len()) + (inside.len() - inside.trim_start().len());
            added.push(Mention { span: start..start + native.len(), ..mention.clone() });
        }
    }
    // The bracketed name is this entity, whatever a guess made of it on its own.
    let replaced: HashSet<Span> = added.iter().map(|a| a.span.clone()).collect();
    mentions.retain(|m| !replaced.contains(&m.span));
    mentions.extend(added);
    mentions.sort_by_key(|m| m.span.start);
}
