//! Corpus-wide recognition of files read twice, so that memory holds each article's mentions
//! rather than the corpus: a first pass recognises every article on its own and learns the
//! corpus's names; a second reads each file again, carries the names in and hands the articles
//! on in order.

use std::convert::Infallible;

use rustc_hash::FxHashSet;

use super::corpus::{CorpusFinder, CorpusNames, Guessed, guessed};
use super::packed::Packed;
use super::{Mention, Recognizer};
use crate::corpus::{Article, Fingerprint, Problem, Source, load_text as load};
use crate::entities::Kind;
use crate::parallel::in_order;

/// What the first pass keeps of an article: enough to finish it without recognising it again.
#[derive(Debug)]
struct Kept {
    fingerprint: Fingerprint,
    /// `None` when they do not pack; the second pass recognises the article again.
    packed: Option<Packed>,
}

/// One article after the first pass: what is kept, and the names it guessed, to learn.
type FirstPass = (Kept, Vec<Guessed>);

/// The first pass over a corpus's sources: each article's own mentions and the corpus's names.
#[derive(Debug)]
pub struct Learned<'s> {
    sources: &'s [Source],
    kept: Vec<Result<Vec<Kept>, Problem>>,
    names: CorpusNames,
}

impl Learned<'_> {
    /// The sources the first pass could not read.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.kept.iter().filter_map(|kept| kept.as_ref().err())
    }

    /// How many articles the first pass read.
    pub fn articles(&self) -> usize {
        self.kept.iter().filter_map(|kept| kept.as_ref().ok()).map(Vec::len).sum()
    }
}

/// Sources read and recognised ahead of the one whose names are being learned, at most: what
/// each leaves is small (packed mentions, a few names), and the window is what the other cores
/// get on with while one recognises a long article (a 10 MB one takes a core for a second or two).
const LEARNING_WINDOW: usize = 2048;

/// Sources read again and rendered ahead of the one being written, at most: each holds its
/// output (about twice its text as JSON).
const WRITING_WINDOW: usize = 512;

impl Recognizer {
    /// The first pass: every article of `sources` recognised on its own, on every core.
    pub fn learn_sources<'s>(&self, sources: &'s [Source]) -> Learned<'s> {
        let mut names = CorpusNames::default();
        let mut kept = Vec::with_capacity(sources.len());
        let read = |source: &Source| -> Result<Vec<FirstPass>, Problem> {
            Ok(load(source)?.iter().map(|article| self.first_pass(article)).collect())
        };
        // In order, so the first article to guess a name gives its canonical form, and as the
        // articles come, so their names are learned and dropped rather than all held.
        let Ok(()) = in_order(sources.iter(), LEARNING_WINDOW, read, |first| {
            let first = first.map(|articles| {
                let learn = |(article, guessed): FirstPass| {
                    names.learn_guessed(guessed);
                    article
                };
                articles.into_iter().map(learn).collect()
            });
            kept.push(first);
            Ok::<(), Infallible>(())
        });
        Learned { sources, kept, names }
    }

    fn first_pass(&self, article: &Article) -> FirstPass {
        let mentions = self.recognize(article);
        // Once per text and kind: learning the same again changes nothing.
        let mut seen: FxHashSet<(&str, Kind)> = FxHashSet::default();
        let names = guessed(article.text(), &mentions)
            .filter(|(phrase, kind, _)| seen.insert((phrase, *kind)))
            .map(|(phrase, kind, canonical)| (phrase.to_owned(), kind, canonical))
            .collect();
        let packed = Packed::pack(article.text(), article.sentences(), &mentions);
        let kept = Kept { fingerprint: article.fingerprint(), packed };
        (kept, names)
    }

    /// The second pass: each source read again and its articles given the corpus's names, as
    /// [`Recognizer::recognize_corpus`] gives them; `render` makes each article's output on
    /// every core and `write` takes the outputs in corpus order. Returns the sources that could
    /// be read the first time but not this time, or what `write` failed with.
    ///
    /// # Errors
    ///
    /// The first error `write` returns; nothing is rendered after it.
    pub fn recognize_learned<T: Send, E>(
        &self,
        learned: Learned<'_>,
        render: impl Fn(&Article, &[Mention]) -> T + Sync,
        mut write: impl FnMut(T) -> Result<(), E>,
    ) -> Result<Vec<Problem>, E> {
        let Learned { sources, kept, names } = learned;
        let finder = names.finder();
        let mut problems = Vec::new();
        let read = sources.iter().zip(kept).filter_map(|(source, kept)| Some((source, kept.ok()?)));
        let finish = |(source, kept): (&Source, Vec<Kept>)| -> Result<Vec<T>, Problem> {
            let mut kept = kept.into_iter();
            Ok(load(source)?.iter().map(|article| self.finish(article, kept.next(), &finder, &render)).collect())
        };
        in_order(read, WRITING_WINDOW, finish, |outputs| match outputs {
            Ok(outputs) => outputs.into_iter().try_for_each(&mut write),
            Err(problem) => {
                problems.push(problem);
                Ok(())
            }
        })?;
        Ok(problems)
    }

    /// One article of the second pass; one that changed since the first is recognised again.
    fn finish<T>(
        &self,
        article: &Article,
        kept: Option<Kept>,
        finder: &CorpusFinder<'_>,
        render: &impl Fn(&Article, &[Mention]) -> T,
    ) -> T {
        let text = article.text();
        let packed = kept.filter(|kept| kept.fingerprint == article.fingerprint()).and_then(|kept| kept.packed);
        let (sentences, mut mentions) = match packed {
            Some(packed) => packed.unpack(text),
            None => (article.sentences().to_vec(), self.recognize(article)),
        };
        self.carry_corpus(text, &sentences, finder, &mut mentions);
        render(article, &mentions)
    }
}

#[cfg(test)]
#[path = "sources_tests.rs"]
mod tests;
