//! What each analyst said about each article and each of its sentences: the units the
//! agreement figures count.

use std::collections::BTreeSet;

use super::matching::{Rule, overlap_ratio, same};
use crate::annotations::{ArticleRecord, Claim, Resolver, Store, Verdict, attach};
use crate::corpus::Article;
use crate::text::Span;

/// An analyst's placed claims on an article, in text order; `None` when they have not
/// annotated it. An analyst has annotated an article when their record of it has a claim
/// (placed or orphaned) or a note on the article: opening it is not enough.
pub fn annotated(record: Option<&ArticleRecord>) -> Option<Vec<Claim>> {
    let record = record.filter(|r| !r.claims.is_empty() || !r.note.trim().is_empty())?;
    let mut placed: Vec<Claim> = record.claims.iter().filter(|c| !c.orphaned).cloned().collect();
    placed.sort_by_key(|c| (c.anchor.start, c.anchor.end));
    Some(placed)
}

/// An analyst's store, ready to look articles up in.
#[derive(Debug, Clone)]
pub struct Coder {
    pub name: String,
    store: Store,
    resolver: Resolver,
}

impl Coder {
    pub fn new(name: impl Into<String>, store: Store) -> Self {
        Self { name: name.into(), resolver: Resolver::new(&store), store }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The name of the analyst whose store `store` is: the author of most of its claims (ties:
    /// the first in alphabetical order); `None` when it has no claim with an author. Adopted
    /// claims keep their adopter's name, so another analyst's name shows only where it wrote.
    pub fn author_of(store: &Store) -> Option<String> {
        let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for claim in store.articles.values().flat_map(|r| &r.claims) {
            let author = claim.author.trim();
            if !author.is_empty() {
                *counts.entry(author).or_default() += 1;
            }
        }
        let most = counts.values().copied().max()?;
        counts.into_iter().find(|&(_, n)| n == most).map(|(author, _)| author.to_owned())
    }

    /// This analyst's placed claims on `article`, their record found and brought up to date
    /// with its text as the reader would (see [`attach`]); `None` when not annotated.
    pub fn claims_on(&self, article: &Article) -> Option<Vec<Claim>> {
        annotated(attach(&self.resolver, &self.store, article).record.as_deref())
    }
}

/// What one analyst said about one sentence, from their claims on it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceCode {
    /// Every tag of every claim on the sentence.
    pub tags: BTreeSet<String>,
    /// A claim on it is check-worthy.
    pub check_worthy: bool,
    /// The verdict of the claim on it that covers most of it; `None` when no claim is on it.
    pub verdict: Option<Verdict>,
}

impl SentenceCode {
    /// Some claim is on the sentence.
    pub fn claimed(&self) -> bool {
        self.verdict.is_some()
    }
}

/// What the analyst whose placed `claims` these are said about each of `sentences`. A claim
/// is on a sentence when they overlap by at least half of the shorter of the two (the rule of
/// [`super::matching::same`]); when several claims are on one sentence, the tags and the flag
/// of all of them count, and the verdict of the one that overlaps it most (ties: the earlier,
/// then the shorter claim).
pub fn sentence_codes(sentences: &[Span], claims: &[Claim]) -> Vec<SentenceCode> {
    sentences
        .iter()
        .map(|sentence| {
            let on: Vec<&Claim> = claims.iter().filter(|c| same(&c.span(), sentence, Rule::Overlap)).collect();
            let main = on.iter().max_by(|a, b| {
                let key = |c: &Claim| {
                    let span = c.span();
                    (overlap_ratio(&span, sentence), std::cmp::Reverse(span.start), std::cmp::Reverse(span.len()))
                };
                key(a).partial_cmp(&key(b)).unwrap_or(std::cmp::Ordering::Equal)
            });
            SentenceCode {
                tags: on.iter().flat_map(|c| c.tags.iter().cloned()).collect(),
                check_worthy: on.iter().any(|c| c.check_worthy),
                verdict: main.map(|c| c.verdict),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::tests::claim;

    #[test]
    fn claims_count_on_the_sentences_they_cover_at_least_half_of() {
        //          0         1         2         3         4
        //          0123456789012345678901234567890123456789012345
        let text = "One two three. Four five six. Seven eight nine.";
        let sentences = [0..14, 15..29, 30..47];
        let claims = [
            claim(text, 4..7, &["fact"], false, Verdict::Verified),
            claim(text, 0..14, &["quote"], true, Verdict::False),
            // Over the second sentence and 3 bytes of the third: on the second only.
            claim(text, 15..33, &["opinion"], false, Verdict::Undetermined),
        ];
        let codes = sentence_codes(&sentences, &claims);
        let tags = |i: usize| codes[i].tags.iter().cloned().collect::<Vec<_>>();
        assert_eq!(tags(0), ["fact", "quote"]);
        assert!(codes[0].check_worthy);
        // Both claims cover all of their overlap's shorter side (ratio 1); the earlier-starting
        // [0,14) wins the verdict.
        assert_eq!(codes[0].verdict, Some(Verdict::False));
        assert_eq!((tags(1), codes[1].verdict), (vec!["opinion".to_owned()], Some(Verdict::Undetermined)));
        assert_eq!(codes[2], SentenceCode::default());
        assert!(!codes[2].claimed());
    }

    #[test]
    fn a_store_is_named_by_the_author_of_most_of_its_claims() {
        let text = "One two three.";
        let by = |author: &str| Claim {
            author: author.into(),
            ..claim(text, 0..3, &["fact"], false, Verdict::Undetermined)
        };
        let mut store = Store::default();
        assert_eq!(Coder::author_of(&store), None, "no claims");
        let record = |claims| ArticleRecord { claims, ..ArticleRecord::default() };
        store.articles.insert("a".into(), record(vec![by("lee"), by(" "), by("kim")]));
        assert_eq!(Coder::author_of(&store).as_deref(), Some("kim"), "a tie: the first alphabetically");
        store.articles.insert("b".into(), record(vec![by("lee")]));
        assert_eq!(Coder::author_of(&store).as_deref(), Some("lee"));
    }

    #[test]
    fn an_article_is_annotated_when_it_has_a_claim_or_a_note() {
        let text = "One two three.";
        assert_eq!(annotated(None), None);
        let read = ArticleRecord { read: true, ..ArticleRecord::default() };
        assert_eq!(annotated(Some(&read)), None, "opening it is not annotating it");
        let noted = ArticleRecord { note: "nothing to check".into(), ..ArticleRecord::default() };
        assert_eq!(annotated(Some(&noted)), Some(Vec::new()));
        let mut orphan = claim(text, 0..3, &["fact"], false, Verdict::Undetermined);
        orphan.orphaned = true;
        let record = ArticleRecord { claims: vec![orphan], ..ArticleRecord::default() };
        assert_eq!(annotated(Some(&record)), Some(Vec::new()), "orphans count as work, not as claims");
    }
}
