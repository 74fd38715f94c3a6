//! The sentence around a hit, exactly as the reader splits the article, without splitting all
//! of it: sentence boundaries (Unicode UAX #29) cost far more than finding the hits, and
//! sentences never cross a paragraph, so only the paragraphs with hits are split (or the
//! article's sentences are used when something split it already).

use crate::corpus::Article;
use crate::text::{Paragraphs, Span, paragraphs, sentences_in};

/// Finds the sentences around ascending offsets of one article.
#[derive(Debug)]
pub struct SentenceFinder<'a> {
    article: &'a Article,
    paragraphs: Option<Paragraphs>,
    /// The last paragraph split: its index and its sentences.
    split: Option<(usize, Vec<Span>)>,
}

impl<'a> SentenceFinder<'a> {
    pub fn new(article: &'a Article) -> Self {
        Self { article, paragraphs: None, split: None }
    }

    /// The sentence holding byte `offset` (or the next one in its paragraph, for an offset
    /// between two); `None` outside every sentence.
    pub fn around(&mut self, offset: usize) -> Option<Span> {
        if let Some(sentences) = self.article.sentences_if_split() {
            return containing(sentences, offset);
        }
        let text = self.article.text();
        let paragraphs = self.paragraphs.get_or_insert_with(|| paragraphs(text));
        let index = paragraphs.spans.partition_point(|p| p.end <= offset);
        let paragraph = paragraphs.spans.get(index)?.clone();
        if paragraph.start > offset {
            return None;
        }
        if self.split.as_ref().is_none_or(|(split, _)| *split != index) {
            self.split = Some((index, sentences_in(text, paragraph, paragraphs.soft_wrapped)));
        }
        containing(&self.split.as_ref()?.1, offset)
    }
}

fn containing(sentences: &[Span], offset: usize) -> Option<Span> {
    sentences.get(sentences.partition_point(|s| s.end <= offset)).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Origin, SEEDS};

    /// The same sentence as the whole article split, for every word of every seed.
    #[test]
    fn the_same_sentences_as_splitting_the_whole_article() {
        for (name, text) in SEEDS {
            let fresh = Article::from_text(Origin::Embedded(name), text);
            let split = Article::from_text(Origin::Embedded(name), text);
            let sentences = split.sentences();
            let mut finder = SentenceFinder::new(&fresh);
            for (offset, _) in text.match_indices(|c: char| c.is_alphanumeric()).step_by(7) {
                let expected = containing(sentences, offset).filter(|s| s.start <= offset);
                let found = finder.around(offset).filter(|s| s.start <= offset);
                assert_eq!(found, expected, "{name} at {offset}");
            }
            assert!(fresh.sentences_if_split().is_none(), "the article was not split");
        }
    }
}
