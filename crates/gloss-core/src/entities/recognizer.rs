//! Recognition: gazetteer matches, detector guesses and the article's own source line, resolved
//! into one list of non-overlapping mentions, with surnames linked to full names.

use std::collections::HashSet;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Kind;
use super::case::CaseMap;
use super::consistency;
use super::detector::{self, Guess};
use super::gazetteer::{EntryOrigin, Gazetteer, GazetteerError};
use super::lexicon::Lexicon;
use super::matcher::Matcher;
use super::tokens::{Token, tokens};
use crate::corpus::Article;
use crate::text::Span;

/// Where a mention comes from: the built-in gazetteer, the user's, or the detector's guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionSource {
    User,
    Gazetteer,
    Guess,
}

/// A named entity in an article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: Kind,
    /// The entity's name: the gazetteer's canonical name, a full name a surname links to, or
    /// the text itself for a guess.
    pub canonical: Arc<str>,
    pub source: MentionSource,
}

/// Finds every named entity in an article.
#[derive(Debug, Clone)]
pub struct Recognizer {
    gazetteer: Gazetteer,
    matcher: Matcher,
    lexicon: Lexicon,
    /// Texts the user marked as wrong highlights: never a mention, whatever finds them.
    rejected: HashSet<String>,
}

impl Recognizer {
    pub fn new(gazetteer: Gazetteer, rejected: HashSet<String>) -> Self {
        let matcher = Matcher::new(&gazetteer);
        Self { gazetteer, matcher, lexicon: Lexicon::built_in(), rejected }
    }

    /// A recogniser with the built-in gazetteer alone.
    pub fn built_in() -> Result<Self, GazetteerError> {
        Ok(Self::new(Gazetteer::built_in()?, HashSet::new()))
    }

    /// A recogniser with the built-in gazetteer and the user's over it.
    pub fn with_user(user: &super::UserGazetteer) -> Result<Self, GazetteerError> {
        let mut gazetteer = Gazetteer::built_in()?;
        user.apply(&mut gazetteer);
        Ok(Self::new(gazetteer, user.rejected_set()))
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The mentions in `article`, in text order.
    pub fn recognize(&self, article: &Article) -> Vec<Mention> {
        self.recognize_text(article.text(), article.sentences(), article.header().source_span.clone())
    }

    /// The mentions in `text` with its `sentences`; `source` is where the publisher's name is.
    pub fn recognize_text(&self, text: &str, sentences: &[Span], source: Option<Span>) -> Vec<Mention> {
        let cases = CaseMap::new(text);
        let mut tokens = tokens(text, sentences, &self.lexicon);
        let mut candidates: Vec<Mention> = Vec::new();
        let mut known: Vec<(Span, Kind)> = Vec::new();
        for found in self.matcher.find_at(text, &cases, tokens.iter().map(|t| t.span.start)) {
            if found.caseless && self.lexicon.is_common(&text[found.span.clone()]) {
                continue;
            }
            let entry = &self.gazetteer.entries[found.entry];
            known.push((found.span.clone(), entry.kind));
            let source = match entry.origin {
                EntryOrigin::User => MentionSource::User,
                EntryOrigin::BuiltIn => MentionSource::Gazetteer,
            };
            candidates.push(Mention { span: found.span, kind: entry.kind, canonical: entry.canonical.clone(), source });
        }
        let context = detector::Context { text, cases: &cases, lexicon: &self.lexicon, known: &known };
        let detected = detector::detect(&context, &mut tokens);
        candidates.extend(detected.guesses.into_iter().map(|g| guess(text, g)));
        // `Kingston` in `Kingston Road`: a facility's name holds no entity; a link holds none at all.
        let inside = |m: &Mention, b: &Span| b.start <= m.span.start && m.span.end <= b.end;
        candidates.retain(|m| {
            !detected.blocked.iter().any(|b| inside(m, b) && *b != m.span)
                && !detected.links.iter().any(|b| inside(m, b))
        });
        if let Some(span) = source {
            candidates.extend(publisher(text, &span));
        }
        if !self.rejected.is_empty() {
            candidates.retain(|m| !self.rejected.contains(&text[m.span.clone()]));
        }
        let mut mentions = resolve(candidates);
        extend_companies(text, &self.lexicon, &mut mentions);
        self.carry_names(text, &tokens, &cases, &mut mentions);
        add_native_scripts(text, &mut mentions);
        mentions
    }

    /// Carries each name resolved in the article to its short forms and repetitions: acronyms
    /// defined in brackets first, then parts of people's names, short forms of organisations'
    /// names, and guessed names.
    fn carry_names(&self, text: &str, tokens: &[Token], cases: &CaseMap, mentions: &mut Vec<Mention>) {
        let is_place = |name: &str| {
            self.matcher
                .entry_named(name)
                .is_some_and(|e| matches!(self.gazetteer.entries[e].kind, Kind::Gpe | Kind::Loc))
        };
        let mut carried = consistency::defined_acronyms(text, tokens, &self.lexicon, mentions);
        let parts = [
            consistency::people_parts(text, &self.lexicon, mentions),
            consistency::organisation_parts(text, &self.lexicon, is_place, mentions),
            consistency::guessed_names(text, &self.lexicon, mentions),
        ];
        for (phrase, c) in parts.into_iter().flatten() {
            carried.entry(phrase).or_insert(c);
        }
        let article = consistency::Article {
            text,
            tokens,
            cases,
            lexicon: &self.lexicon,
            covered: mentions.iter().map(|m| m.span.clone()).collect(),
        };
        consistency::carry(&article, &carried, &self.rejected, mentions);
        consistency::complete_truncated_people(text, mentions);
    }
}

fn guess(text: &str, guess: Guess) -> Mention {
    let canonical: String = text[guess.span.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
    Mention { span: guess.span, kind: guess.kind, canonical: canonical.into(), source: MentionSource::Guess }
}

/// The publisher named on the dateline is an organisation, there and wherever else it appears.
fn publisher(text: &str, span: &Span) -> Vec<Mention> {
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
fn resolve(mut candidates: Vec<Mention>) -> Vec<Mention> {
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
fn extend_companies(text: &str, lexicon: &Lexicon, mentions: &mut [Mention]) {
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

/// A name in its own script in brackets right after the romanised one (`Moon Jae-in (문재인)`)
/// is a mention of the same entity.
fn add_native_scripts(text: &str, mentions: &mut Vec<Mention>) {
    let mut added = Vec::new();
    for mention in mentions.iter() {
        let rest = &text[mention.span.end..];
        let Some(inside) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix("(")) else { continue };
        let Some(close) = inside.find(')') else { continue };
        let native = inside[..close].trim();
        let foreign =
            !native.is_empty() && native.chars().all(|c| (c.is_alphabetic() && !c.is_ascii()) || c == ' ' || c == '·');
        if foreign && !native.is_ascii() {
            let start = mention.span.end + (rest.len() - inside.len()) + (inside.len() - inside.trim_start().len());
            added.push(Mention { span: start..start + native.len(), ..mention.clone() });
        }
    }
    // The bracketed name is this entity, whatever a guess made of it on its own.
    mentions.retain(|m| !added.iter().any(|a| a.span == m.span));
    mentions.extend(added);
    mentions.sort_by_key(|m| m.span.start);
}

#[cfg(test)]
mod tests;
