//! Recognition: gazetteer matches, detector guesses and the article's own source line, resolved
//! into one list of non-overlapping mentions, with surnames linked to full names.

use std::collections::HashSet;

use rustc_hash::FxHashSet;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Kind;
use super::case::CaseMap;
use super::consistency::{self, Carry};
use super::detector;
use super::gazetteer::{BUILT_IN, parse};
use super::gazetteer::{EntryOrigin, Gazetteer};
use super::lexicon::Lexicon;
use super::matcher::Matcher;
use super::teams;
use super::tokens::{Token, tokens};
use crate::config::LocatedError;
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
    /// The canonical names of the built-in countries: they stay places when they play sport.
    countries: FxHashSet<Arc<str>>,
}

impl Recognizer {
    /// A recogniser with `gazetteer`, never marking the `rejected` texts.
    pub fn new(gazetteer: Gazetteer, rejected: HashSet<String>) -> Result<Self, LocatedError> {
        let matcher = Matcher::new(&gazetteer);
        let countries = countries()?;
        Ok(Self { gazetteer, matcher, lexicon: Lexicon::built_in(), rejected, countries })
    }

    /// A recogniser with the built-in gazetteer alone.
    pub fn built_in() -> Result<Self, LocatedError> {
        Self::new(Gazetteer::built_in()?, HashSet::new())
    }

    /// A recogniser with the built-in gazetteer and the user's over it.
    pub fn with_user(user: &super::UserGazetteer) -> Result<Self, LocatedError> {
        let mut gazetteer = Gazetteer::built_in()?;
        user.apply(&mut gazetteer);
        Self::new(gazetteer, user.rejected_set())
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
        let mut candidates = self.gazetteer_names(text, &cases, &tokens);
        let known: Vec<(Span, Kind)> = candidates.iter().map(|m| (m.span.clone(), m.kind)).collect();
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
        let is_country = |m: &Mention| m.kind == Kind::Gpe && self.countries.contains(&m.canonical);
        let teams = teams::teams(text, &tokens, &detected.result_cues, &is_country, &mut mentions);
        teams::retype_places(text, &teams, &is_country, &mut mentions);
        self.carry_names(text, &tokens, &cases, teams, &mut mentions);
        add_native_scripts(text, &mut mentions);
        mentions
    }

    /// The gazetteer's names in `text`, as candidates; an acronym found in lower case on a
    /// lower-case line is the ordinary word when there is one (`who`, `let`).
    fn gazetteer_names(&self, text: &str, cases: &CaseMap, tokens: &[Token]) -> Vec<Mention> {
        let mut candidates = Vec::new();
        for found in self.matcher.find_at(text, cases, tokens.iter().map(|t| t.span.start)) {
            if found.caseless && self.lexicon.is_common(&text[found.span.clone()]) {
                continue;
            }
            let entry = &self.gazetteer.entries[found.entry];
            let source = match entry.origin {
                EntryOrigin::User => MentionSource::User,
                EntryOrigin::BuiltIn => MentionSource::Gazetteer,
            };
            candidates.push(Mention { span: found.span, kind: entry.kind, canonical: entry.canonical.clone(), source });
        }
        candidates
    }

    /// Carries each name resolved in the article to its short forms and repetitions: acronyms
    /// defined in brackets first, then parts of people's names, short forms of organisations'
    /// names, and guessed names.
    fn carry_names(
        &self,
        text: &str,
        tokens: &[Token],
        cases: &CaseMap,
        teams: Carry<'_>,
        mentions: &mut Vec<Mention>,
    ) {
        let is_place = |name: &str| {
            self.matcher
                .entry_named(name)
                .is_some_and(|e| matches!(self.gazetteer.entries[e].kind, Kind::Gpe | Kind::Loc))
        };
        let mut carried = consistency::defined_acronyms(text, tokens, &self.lexicon, mentions);
        let parts = [
            teams,
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

/// The canonical names in the built-in list of countries.
fn countries() -> Result<FxHashSet<Arc<str>>, LocatedError> {
    let mut names = FxHashSet::default();
    for (file, source) in BUILT_IN.iter().filter(|(file, _)| *file == "countries.ron") {
        names.extend(parse(source, file, EntryOrigin::BuiltIn)?.into_iter().map(|entry| entry.canonical));
    }
    Ok(names)
}

mod contained;
mod corpus;
mod packed;
mod resolution;
mod sources;

pub use corpus::{CorpusFinder, CorpusNames};
use resolution::{add_native_scripts, extend_companies, guess, publisher, resolve};
pub use sources::Learned;

#[cfg(test)]
mod tests;
