//! Corpus consistency: a name guessed with evidence in one article (a head word, a title, a verb
//! of saying, a descriptor) supports its bare mentions in the other articles of the corpus.

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::contained::Phrases;
use super::{Mention, MentionSource, Recognizer};
use crate::corpus::Article;
use crate::entities::Kind;
use crate::entities::case::CaseMap;
use crate::entities::consistency::{self, Carried, Carry};
use crate::entities::tokens::tokens;
use crate::text::Span;

/// Names the recogniser guessed across a corpus, of several words each, with the kind and name
/// they were given; a text guessed as two kinds in different articles is none of them.
#[derive(Debug, Clone, Default)]
pub struct CorpusNames {
    /// By text, the kind and the canonical name, `None` when it is the text itself (a guess's
    /// usually is: hundreds of thousands of names need not hold a second copy).
    names: FxHashMap<Box<str>, (Kind, Option<Arc<str>>)>,
    conflicting: FxHashSet<Box<str>>,
}

/// A name an article guessed, to learn: its text, kind and canonical name.
pub type Guessed = (String, Kind, Arc<str>);

impl CorpusNames {
    /// Learns the guessed names of several words among the `mentions` of `text`.
    pub fn learn(&mut self, text: &str, mentions: &[Mention]) {
        self.learn_guessed(guessed(text, mentions));
    }

    /// Learns names taken from an article with [`guessed`], in the corpus's order: the first
    /// article to guess a name gives its canonical form.
    pub fn learn_guessed<P: AsRef<str> + Into<Box<str>>>(
        &mut self,
        names: impl IntoIterator<Item = (P, Kind, Arc<str>)>,
    ) {
        for (phrase, kind, canonical) in names {
            self.learn_one(phrase, kind, canonical);
        }
    }

    fn learn_one(&mut self, phrase: impl AsRef<str> + Into<Box<str>>, kind: Kind, canonical: Arc<str>) {
        if self.conflicting.contains(phrase.as_ref()) {
            return;
        }
        match self.names.get(phrase.as_ref()) {
            Some((known, _)) if *known != kind => {
                self.names.remove(phrase.as_ref());
                self.conflicting.insert(phrase.into());
            }
            Some(_) => {}
            None => {
                let canonical = (*canonical != *phrase.as_ref()).then_some(canonical);
                self.names.insert(phrase.into(), (kind, canonical));
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The names indexed to find the ones an article repeats.
    pub fn finder(&self) -> CorpusFinder<'_> {
        CorpusFinder { names: self, phrases: Phrases::new(self.names.keys().map(AsRef::as_ref)) }
    }
}

/// The names among `mentions` of `text` that a corpus learns: guesses of several words.
pub fn guessed<'a>(text: &'a str, mentions: &'a [Mention]) -> impl Iterator<Item = (&'a str, Kind, Arc<str>)> + 'a {
    mentions
        .iter()
        .filter(|m| m.source == MentionSource::Guess)
        .map(|m| (&text[m.span.clone()], m.kind, m.canonical.clone()))
        .filter(|(phrase, _, _)| phrase.split_whitespace().nth(1).is_some())
}

/// A corpus's names, ready to be carried into its articles.
#[derive(Debug)]
pub struct CorpusFinder<'c> {
    names: &'c CorpusNames,
    phrases: Phrases<'c>,
}

impl Recognizer {
    /// The mentions of every article of a corpus: each article's own, then the names guessed
    /// with evidence anywhere in the corpus wherever another article repeats them bare.
    pub fn recognize_corpus(&self, articles: &[Article]) -> Vec<Vec<Mention>> {
        // Each article on its own first, on every core, in order.
        let mut found: Vec<Vec<Mention>> = articles.par_iter().map(|a| self.recognize(a)).collect();
        let mut corpus = CorpusNames::default();
        for (article, mentions) in articles.iter().zip(&found) {
            corpus.learn(article.text(), mentions);
        }
        if corpus.is_empty() {
            return found;
        }
        let finder = corpus.finder();
        articles.par_iter().zip(found.par_iter_mut()).for_each(|(article, mentions)| {
            self.carry_corpus(article.text(), article.sentences(), &finder, mentions);
        });
        found
    }

    /// Adds the corpus's names where the article of `text` and `sentences` repeats them and
    /// nothing else is found there (its own `mentions`, from [`Recognizer::recognize`]).
    pub fn carry_corpus(&self, text: &str, sentences: &[Span], finder: &CorpusFinder<'_>, mentions: &mut Vec<Mention>) {
        let repeated = finder.phrases.occurrences(text);
        if repeated.is_empty() {
            return;
        }
        // From the few names this article repeats, not a filter over all the corpus's names:
        // that made the corpus's second pass quadratic (minutes for 10,000 articles).
        let carried: Carry<'_> = repeated
            .iter()
            .filter_map(|&(_, phrase)| finder.names.names.get_key_value(phrase))
            .map(|(phrase, (kind, canonical))| {
                let c = Carried {
                    kind: *kind,
                    canonical: canonical.clone().unwrap_or_else(|| Arc::from(phrase.as_ref())),
                    source: MentionSource::Guess,
                    ordinary: false,
                    given_name: false,
                };
                (phrase.as_ref(), c)
            })
            .collect();
        consistency::rename(text, &carried, mentions);
        // Where the article mentions every name it repeats already, at each place, carrying
        // would add none: its words need not be read again (most articles, and the slow part).
        let inside_mention = |at: usize| {
            let next = mentions.partition_point(|m| m.span.end <= at);
            mentions.get(next).is_some_and(|m| m.span.start <= at)
        };
        if repeated.iter().all(|&(at, _)| inside_mention(at)) {
            return;
        }
        let cases = CaseMap::new(text);
        let tokens = tokens(text, sentences, &self.lexicon);
        let context = consistency::Article {
            text,
            tokens: &tokens,
            cases: &cases,
            lexicon: &self.lexicon,
            covered: mentions.iter().map(|m| m.span.clone()).collect(),
        };
        consistency::carry(&context, &carried, &self.rejected, mentions);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Origin;

    #[test]
    fn a_name_found_with_evidence_in_one_article_is_found_bare_in_another() {
        let recognizer = Recognizer::built_in().unwrap();
        let articles = [
            Article::from_text(Origin::Embedded("a.txt"), "Report\n\nA Morning Light spokesman denied it."),
            Article::from_text(Origin::Embedded("b.txt"), "Review\n\nMorning Light aired the interview."),
        ];
        let alone = recognizer.recognize(&articles[1]);
        assert!(alone.is_empty(), "{alone:?}");
        let found = recognizer.recognize_corpus(&articles);
        let names: Vec<Vec<(&str, Kind)>> = articles
            .iter()
            .zip(&found)
            .map(|(a, ms)| ms.iter().map(|m| (&a.text()[m.span.clone()], m.kind)).collect())
            .collect();
        assert_eq!(names, [vec![("Morning Light", Kind::Org)], vec![("Morning Light", Kind::Org)]]);
    }

    #[test]
    fn a_text_guessed_as_two_kinds_is_learned_as_neither() {
        let mut corpus = CorpusNames::default();
        let mention =
            |kind| Mention { span: 0..12, kind, canonical: "Varn Halsted".into(), source: MentionSource::Guess };
        corpus.learn("Varn Halsted", &[mention(Kind::Org)]);
        assert_eq!(corpus.len(), 1);
        corpus.learn("Varn Halsted", &[mention(Kind::Person)]);
        assert!(corpus.is_empty());
    }
}
