//! Corpus consistency: a name guessed with evidence in one article (a head word, a title, a verb
//! of saying, a descriptor) supports its bare mentions in the other articles of the corpus.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::{Mention, MentionSource, Recognizer};
use crate::corpus::Article;
use crate::entities::Kind;
use crate::entities::case::CaseMap;
use crate::entities::consistency::{self, Carried, Carry};
use crate::entities::tokens::tokens;

/// Names the recogniser guessed across a corpus, of several words each, with the kind and name
/// they were given; a text guessed as two kinds in different articles is none of them.
#[derive(Debug, Clone, Default)]
pub struct CorpusNames {
    names: FxHashMap<String, (Kind, Arc<str>)>,
    conflicting: FxHashSet<String>,
}

impl CorpusNames {
    /// Learns the guessed names of several words among the `mentions` of `text`.
    pub fn learn(&mut self, text: &str, mentions: &[Mention]) {
        for mention in mentions.iter().filter(|m| m.source == MentionSource::Guess) {
            let phrase = &text[mention.span.clone()];
            if phrase.split_whitespace().count() < 2 || self.conflicting.contains(phrase) {
                continue;
            }
            match self.names.get(phrase) {
                Some((kind, _)) if *kind != mention.kind => {
                    self.names.remove(phrase);
                    self.conflicting.insert(phrase.to_owned());
                }
                Some(_) => {}
                None => {
                    self.names.insert(phrase.to_owned(), (mention.kind, mention.canonical.clone()));
                }
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }
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
        let phrases: Vec<&str> = corpus.names.keys().map(String::as_str).collect();
        // One automaton finds which names each article repeats; were it too large to build, every
        // name is looked for in every article instead, more slowly.
        let finder = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&phrases).ok();
        articles.par_iter().zip(found.par_iter_mut()).for_each(|(article, mentions)| {
            let text = article.text();
            let repeated: FxHashSet<&str> = match &finder {
                Some(finder) => finder.find_iter(text).map(|m| phrases[m.pattern().as_usize()]).collect(),
                None => phrases.iter().copied().filter(|p| text.contains(p)).collect(),
            };
            if !repeated.is_empty() {
                self.carry_corpus_names(article, &corpus, &repeated, mentions);
            }
        });
        found
    }

    /// Adds the corpus's names where `article` repeats them and nothing else is found there.
    fn carry_corpus_names(
        &self,
        article: &Article,
        corpus: &CorpusNames,
        repeated: &FxHashSet<&str>,
        mentions: &mut Vec<Mention>,
    ) {
        let text = article.text();
        // From the few names this article repeats, not a filter over all the corpus's names:
        // that made the corpus's second pass quadratic (minutes for 10,000 articles).
        let carried: Carry<'_> = repeated
            .iter()
            .filter_map(|&phrase| corpus.names.get_key_value(phrase))
            .map(|(phrase, (kind, canonical))| {
                let c = Carried {
                    kind: *kind,
                    canonical: canonical.clone(),
                    source: MentionSource::Guess,
                    ordinary: false,
                    given_name: false,
                };
                (phrase.as_str(), c)
            })
            .collect();
        let cases = CaseMap::new(text);
        let tokens = tokens(text, article.sentences(), &self.lexicon);
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
