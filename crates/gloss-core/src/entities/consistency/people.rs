//! People: the parts of a name that stand for the person later, and names the source cut short.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::{Carried, Carry};
use crate::entities::lexicon::Lexicon;
use crate::entities::{Kind, Mention, MentionSource};

/// The words of a person's name, lower case, without hyphens or dots: `Kim Yo-jong` and `Kim Yo
/// Jong` are both `kim yo jong`.
fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect()
}

/// A shortened person's name (`Kim Yo`, truncated by the source) takes the full name of the
/// person whose name it begins, when the article has exactly one such person.
pub(in crate::entities) fn complete_truncated_people(text: &str, mentions: &mut [Mention]) {
    // Only a guess can be a name cut short; most articles have none of several words.
    let guessed = |m: &Mention| m.kind == Kind::Person && m.source == MentionSource::Guess;
    if !mentions.iter().any(|m| guessed(m) && text[m.span.clone()].contains([' ', '-'])) {
        return;
    }
    // Sorted, a name's longer forms follow it: each lookup is a search, not a pass over every
    // person (which made an article naming people thousands of times take quadratic time).
    let people: BTreeSet<(Vec<String>, Arc<str>)> = mentions
        .iter()
        .filter(|m| m.kind == Kind::Person)
        .map(|m| (name_words(&text[m.span.clone()]), m.canonical.clone()))
        .collect();
    for mention in mentions.iter_mut().filter(|m| m.kind == Kind::Person) {
        let words = name_words(&text[mention.span.clone()]);
        if words.len() < 2 {
            continue;
        }
        if let Some(canonical) = only_longer_person(&people, &words) {
            mention.canonical = canonical.clone();
        }
    }
}

/// The canonical name of the one person whose name begins with `words` and is longer; `None`
/// when there is none, or more than one.
fn only_longer_person<'p>(people: &'p BTreeSet<(Vec<String>, Arc<str>)>, words: &[String]) -> Option<&'p Arc<str>> {
    let mut longer = people
        .range((words.to_vec(), Arc::from(""))..)
        .take_while(|(w, _)| w.starts_with(words))
        .filter(|(w, _)| w.len() > words.len())
        .map(|(_, canonical)| canonical);
    let first = longer.next()?;
    longer.all(|other| other == first).then_some(first)
}

/// The parts of people's names that stand for them alone later in the article: the surname
/// (`Trudeau`), a family name written first (`Kim` for `Kim Jong-un`), and a given name that is
/// no ordinary word (`Renata` for `Renata Lisboa`). The first person to own a part keeps it.
pub(in crate::entities) fn people_parts<'t>(text: &'t str, lexicon: &Lexicon, mentions: &[Mention]) -> Carry<'t> {
    let mut carried = Carry::default();
    for mention in mentions.iter().filter(|m| m.kind == Kind::Person) {
        let words: Vec<&str> = text[mention.span.clone()].split_whitespace().collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
        if words.len() < 2 {
            continue;
        }
        let family_first = lexicon.is_family_first_surname(first).then_some(*first);
        let given = (lexicon.is_given_name(first) && family_first.is_none()).then_some(*first);
        for part in family_first.into_iter().chain([*last]).chain(given) {
            let part = part.trim_end_matches(['.', ',']);
            let usable = lexicon.is_family_first_surname(part) || !lexicon.is_common(part);
            if part.chars().count() >= 2 && usable {
                carried.entry(part).or_insert_with(|| Carried {
                    kind: Kind::Person,
                    canonical: mention.canonical.clone(),
                    source: mention.source,
                    ordinary: lexicon.is_common(part),
                    given_name: given == Some(part),
                });
            }
        }
    }
    carried
}
