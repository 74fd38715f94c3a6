//! One shared store seen as several analysts: a team that keeps one store in git (merged by
//! `gloss merge-driver`) has every analyst's claims in one file, told apart by their author.
//!
//! **Rule.** Each author of a claim is an analyst, keeping only the claims they wrote (a
//! claim's `author` is who made it: another analyst who later changes its tags does not take
//! it over). An article counts as annotated by an author when they have a claim on it (placed or
//! orphaned). The article's note has no author, so it counts for nobody: in a shared store an
//! analyst who finds nothing to tag in an article takes no part there (in a store of one's own,
//! the note says so). Claims with no author are kept under [`NO_AUTHOR`], never dropped.

use std::collections::BTreeMap;

use super::coding::Coder;
use crate::annotations::{ArticleRecord, Store};

/// The analyst the claims without an author are counted for: the name gloss wrote when it
/// knew none.
pub const NO_AUTHOR: &str = "unknown";

/// The author a claim is counted for.
fn author_of(author: &str) -> &str {
    match author.trim() {
        "" => NO_AUTHOR,
        name => name,
    }
}

/// `record` split by claim author: for each author (in alphabetical order), the record with
/// their claims only, without the article's note and without conflict records (which are for
/// the store's owner to settle, not an analyst's answer).
pub fn record_by_author(record: &ArticleRecord) -> BTreeMap<String, ArticleRecord> {
    let mut split: BTreeMap<String, ArticleRecord> = BTreeMap::new();
    for claim in &record.claims {
        split
            .entry(author_of(&claim.author).to_owned())
            .or_insert_with(|| ArticleRecord {
                note: String::new(),
                claims: Vec::new(),
                conflicts: Vec::new(),
                ..record.clone()
            })
            .claims
            .push(claim.clone());
    }
    split
}

/// The authors of the claims in `store`, in alphabetical order.
pub fn authors(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = store.claims().map(|(_, claim)| author_of(&claim.author).to_owned()).collect();
    names.sort();
    names.dedup();
    names
}

/// `store` as one analyst per claim author (alphabetical order), each with a store holding
/// their claims only (see the module's rule); a store with no claims has no analysts.
pub fn by_author(store: &Store) -> Vec<Coder> {
    let mut stores: BTreeMap<String, Store> = BTreeMap::new();
    for (id, record) in &store.articles {
        for (author, theirs) in record_by_author(record) {
            let of_author =
                stores.entry(author).or_insert_with(|| Store { articles: BTreeMap::new(), ..store.clone() });
            of_author.articles.insert(id.clone(), theirs);
        }
    }
    stores.into_iter().map(|(author, store)| Coder::new(author, store)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::report;
    use crate::agreement::tests::{TEXT, claim};
    use crate::annotations::{Claim, Verdict};
    use crate::corpus::{Article, Origin};
    use proptest::prelude::*;

    fn by(author: &str, mut claim: Claim) -> Claim {
        claim.author = author.to_owned();
        claim.id = format!("{author}-{}", claim.id);
        claim
    }

    fn store_of(article: &Article, note: &str, claims: Vec<Claim>) -> Store {
        let mut record = ArticleRecord::for_article(article);
        record.note = note.to_owned();
        record.claims = claims;
        record.sort_claims();
        let mut store = Store::default();
        store.articles.insert("a".into(), record);
        store
    }

    #[test]
    fn each_author_keeps_only_their_claims_and_the_note_counts_for_nobody() {
        let article = Article::from_text(Origin::Embedded("a.txt"), TEXT);
        let claims = vec![
            by("bo", claim(TEXT, 0..18, &["fact"], false, Verdict::Undetermined)),
            by("ana", claim(TEXT, 0..18, &["quote"], true, Verdict::False)),
            by(" ", claim(TEXT, 19..33, &["opinion"], false, Verdict::Undetermined)),
            by("ana", claim(TEXT, 34..47, &["fact"], false, Verdict::Undetermined)),
        ];
        let store = store_of(&article, "shared note", claims);
        assert_eq!(authors(&store), ["ana", "bo", NO_AUTHOR]);
        let coders = by_author(&store);
        let names: Vec<&str> = coders.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["ana", "bo", NO_AUTHOR]);
        let spans = |c: &Coder| c.claims_on(&article).unwrap().iter().map(Claim::span).collect::<Vec<_>>();
        assert_eq!(spans(&coders[0]), [0..18, 34..47]);
        assert_eq!(spans(&coders[1]), vec![0..18]);
        assert_eq!(spans(&coders[2]), vec![19..33], "claims without an author are kept");
        assert!(coders.iter().all(|c| c.store().articles["a"].note.is_empty()));

        let noted_only = store_of(&article, "nothing to check", Vec::new());
        assert!(by_author(&noted_only).is_empty(), "a note alone is nobody's");
    }

    fn labelled() -> impl Strategy<Value = (usize, usize, bool)> {
        (0..4usize, 0..3usize, any::<bool>())
    }

    proptest! {
        /// Splitting a shared store by author, then comparing, gives the very figures of
        /// comparing separate stores holding the same claims.
        #[test]
        fn splitting_then_comparing_equals_comparing_separate_stores(
            answers in proptest::collection::vec(proptest::collection::vec(labelled(), 1..4), 2..4),
        ) {
            let article = Article::from_text(Origin::Embedded("a.txt"), TEXT);
            let sentences = article.sentences().to_vec();
            let tags = ["fact", "quote", "opinion"];
            let names: Vec<String> = (0..answers.len()).map(|a| format!("analyst{a}")).collect();
            let claims_of = |a: usize| -> Vec<Claim> {
                answers[a]
                    .iter()
                    .map(|&(s, t, flag)| by(&names[a], claim(TEXT, sentences[s].clone(), &[tags[t]], flag, Verdict::Undetermined)))
                    .collect()
            };
            let separate: Vec<Coder> =
                (0..answers.len()).map(|a| Coder::new(names[a].clone(), store_of(&article, "", claims_of(a)))).collect();
            let shared = store_of(&article, "a note", (0..answers.len()).flat_map(claims_of).collect());
            let split = by_author(&shared);
            let tags: Vec<String> = tags.map(String::from).to_vec();
            let want = report(&[&article], &separate, &tags);
            let got = report(&[&article], &split, &tags);
            prop_assert_eq!(got, want);
        }
    }
}
