//! Organisations' short forms, and guessed names repeated later in the article.

use std::collections::HashSet;

use super::{Carried, Carry};
use crate::entities::lexicon::Lexicon;
use crate::entities::{Kind, Mention, MentionSource};
use crate::text::Span;

/// Words that end a company's name as a legal form, which the company goes without.
const LEGAL_FORMS: &[&str] = &[
    "Corp",
    "Corporation",
    "Inc",
    "Co",
    "Ltd",
    "Plc",
    "PLC",
    "LLC",
    "AG",
    "SA",
    "NV",
    "SpA",
    "Group",
    "Holdings",
    "&",
];

/// The byte spans of the words of `text[span]`.
fn word_spans(text: &str, span: &Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[span.clone()].char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(span.start + s..span.start + i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out.extend(start.map(|s| span.start + s..span.end));
    out
}

/// The short forms of organisations' names: without the legal form (`L.J. Hooker` for `L.J.
/// Hooker Corp.`), a surname after initials (`Hooker`), and the name after a place that starts
/// it when that is a paper's nameplate or several words (`Times` for `New York Times`).
pub(in crate::entities) fn organisation_parts<'t>(
    text: &'t str,
    lexicon: &Lexicon,
    is_place: impl Fn(&str) -> bool,
    mentions: &[Mention],
) -> Carry<'t> {
    let mut carried = Carry::default();
    for mention in mentions.iter().filter(|m| m.kind == Kind::Org) {
        let words = word_spans(text, &mention.span);
        let bare = |w: &Span| text[w.clone()].trim_end_matches(['.', ',']);
        let kept = words.iter().rposition(|w| !LEGAL_FORMS.contains(&bare(w))).map_or(0, |i| i + 1);
        let mut parts: Vec<Span> = Vec::new();
        if (1..words.len()).contains(&kept) {
            parts.push(words[0].start..words[kept - 1].end);
            let initials = words[..kept - 1].iter().all(|w| text[w.clone()].ends_with('.'));
            if kept >= 2 && initials {
                parts.push(words[kept - 1].clone());
            }
        }
        if let Some(k) = (1..kept).find(|&k| is_place(&text[words[0].start..words[k - 1].end])) {
            let rest = &words[k..kept];
            if rest.len() >= 2 || rest.len() == 1 && lexicon.is_nameplate(bare(&rest[0])) {
                parts.push(rest[0].start..rest[rest.len() - 1].end);
            }
        }
        for part in parts {
            let phrase = text[part].trim_end_matches(['.', ',']);
            carried.entry(phrase).or_insert_with(|| Carried {
                kind: Kind::Org,
                canonical: mention.canonical.clone(),
                source: mention.source,
                ordinary: lexicon.is_common(phrase),
                given_name: false,
            });
        }
    }
    carried
}

/// The names the detector guessed, to be found wherever the article repeats them: a name once
/// marked by a head word, a title or a verb of saying is the same name without them. A text
/// guessed as two kinds carries neither.
pub(in crate::entities) fn guessed_names<'t>(text: &'t str, lexicon: &Lexicon, mentions: &[Mention]) -> Carry<'t> {
    let mut carried = Carry::default();
    let mut conflicting: HashSet<&str> = HashSet::new();
    for mention in mentions.iter().filter(|m| m.source == MentionSource::Guess) {
        let phrase = &text[mention.span.clone()];
        if !phrase.contains(' ') && lexicon.is_common(phrase) {
            continue;
        }
        let c = carried.entry(phrase).or_insert_with(|| Carried {
            kind: mention.kind,
            canonical: mention.canonical.clone(),
            source: MentionSource::Guess,
            ordinary: false,
            given_name: false,
        });
        if c.kind != mention.kind {
            conflicting.insert(phrase);
        }
    }
    carried.retain(|phrase, _| !conflicting.contains(phrase));
    carried
}
