//! Merging store files: clean merges, conflicts kept and counted, bad versions refused with
//! their names, and properties over random edits (deterministic bytes, no claim lost).

use std::collections::BTreeSet;
use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::annotations::merge::tests::{arbitrary_edit, base, edit, three_sides};

fn text(store: &Store) -> String {
    store.to_ron().unwrap()
}

fn merge_texts(base: &str, ours: &str, theirs: &str) -> Result<MergedFile, MergeFilesError> {
    let name = Path::new("annotations.ron");
    merge_versions(
        Version { side: Side::Base, text: base, name },
        Version { side: Side::Ours, text: ours, name },
        Version { side: Side::Theirs, text: theirs, name },
    )
}

fn parsed(merged: &MergedFile) -> Store {
    Store::parse(&merged.text, Path::new("merged.ron")).unwrap()
}

#[test]
fn different_claims_merge_cleanly_and_the_same_field_keeps_both_values() {
    let base = base();
    let ours = edit(&base, |s| s.articles.get_mut("a").unwrap().claims[0].note = "ours".into());
    let theirs = edit(&base, |s| s.articles.get_mut("a").unwrap().claims[1].note = "theirs".into());
    let clean = merge_texts(&text(&base), &text(&ours), &text(&theirs)).unwrap();
    let store = parsed(&clean);
    assert_eq!(clean.new_conflicts, 0);
    assert_eq!(
        (store.articles["a"].claims[0].note.as_str(), store.articles["a"].claims[1].note.as_str()),
        ("ours", "theirs")
    );

    let theirs = edit(&base, |s| s.articles.get_mut("a").unwrap().claims[0].note = "theirs".into());
    let conflicted = merge_texts(&text(&base), &text(&ours), &text(&theirs)).unwrap();
    let store = parsed(&conflicted);
    assert_eq!(conflicted.new_conflicts, 1);
    assert_eq!(store.articles["a"].claims[0].note, "ours");
    assert_eq!(store.articles["a"].conflicts[0].other_values, [Value::Text("theirs".into())]);
    assert_eq!(store.articles["a"].conflicts[0].field, "note");
}

#[test]
fn conflicts_either_side_already_had_are_not_new() {
    let base = base();
    let ours = edit(&base, |s| s.articles.get_mut("a").unwrap().claims[0].note = "ours".into());
    let theirs = edit(&base, |s| s.articles.get_mut("a").unwrap().claims[0].note = "theirs".into());
    let first = parsed(&merge_texts(&text(&base), &text(&ours), &text(&theirs)).unwrap());
    let later = edit(&first, |s| s.articles.get_mut("b").unwrap().note = "later".into());
    let again = merge_texts(&text(&first), &text(&later), &text(&first)).unwrap();
    assert_eq!(again.new_conflicts, 0);
    assert_eq!(parsed(&again).articles["a"].conflicts.len(), 1);
}

#[test]
fn an_empty_ancestor_is_an_empty_store() {
    let ours = base();
    let theirs = edit(&ours, |s| s.articles.get_mut("b").unwrap().note = "theirs".into());
    let merged = merge_texts("", &text(&ours), &text(&theirs)).unwrap();
    assert_eq!(parsed(&merged).articles["b"].note, "theirs");
}

#[test]
fn an_empty_ours_or_theirs_is_refused_not_read_as_deleting_everything() {
    let good = text(&base());
    let changed = text(&edit(&base(), |s| s.articles.get_mut("a").unwrap().note = "changed".into()));
    let error = merge_texts(&good, "", &changed).unwrap_err().to_string();
    assert!(error.starts_with("ours, the current branch's version: annotations.ron is empty"), "{error}");
    let error = merge_texts(&good, &changed, " \n").unwrap_err().to_string();
    assert!(error.starts_with("theirs, the version being merged in: annotations.ron is empty"), "{error}");
}

#[test]
fn a_version_with_conflict_markers_or_bad_ron_is_refused_naming_it() {
    let good = text(&base());
    let marked = format!("<<<<<<< HEAD\n{good}=======\n{good}>>>>>>> other\n");
    let error = merge_texts(&good, &good, &marked).unwrap_err().to_string();
    assert!(error.starts_with("theirs, the version being merged in: annotations.ron:1:1: a git merge left"), "{error}");
    let error = merge_texts("(version: 1, articles: {", &good, &good).unwrap_err().to_string();
    assert!(error.starts_with("the common ancestor: annotations.ron:"), "{error}");
    // The reader's advice (`--read-only`) means nothing to someone merging with git.
    assert!(
        error.ends_with("(nothing was written; fix that version, or take ours or theirs whole, and merge again)"),
        "{error}"
    );
}

/// The claim ids of `store`, with their article.
fn claim_ids(store: &Store) -> BTreeSet<(String, String)> {
    store.claims().map(|(article, claim)| (article.to_owned(), claim.id.clone())).collect()
}

/// Claims `side` has that the merge may drop: the other side deleted them and `side` left
/// them as they were in `base`.
fn droppable(base: &Store, side: &Store, other: &Store) -> BTreeSet<(String, String)> {
    let other_ids = claim_ids(other);
    side.claims()
        .filter(|(article, claim)| {
            let was = base.articles.get(*article).and_then(|r| r.claims.iter().find(|c| c.id == claim.id));
            was == Some(claim) && !other_ids.contains(&((*article).to_owned(), claim.id.clone()))
        })
        .map(|(article, claim)| (article.to_owned(), claim.id.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn merging_files_is_deterministic_valid_and_loses_no_claim(
        start in proptest::collection::vec(arbitrary_edit(), 0..6),
        ours_edits in proptest::collection::vec(arbitrary_edit(), 0..6),
        theirs_edits in proptest::collection::vec(arbitrary_edit(), 0..6),
    ) {
        let (base, ours, theirs) = three_sides(&start, &ours_edits, &theirs_edits);
        let (b, o, t) = (text(&base), text(&ours), text(&theirs));
        let merged = merge_texts(&b, &o, &t).unwrap();
        prop_assert_eq!(&merge_texts(&b, &o, &t).unwrap(), &merged, "the same bytes every time");
        let store = parsed(&merged);
        prop_assert_eq!(text(&store), merged.text.clone(), "what it writes is what it reads back");
        let kept = claim_ids(&store);
        let mut expected: BTreeSet<_> = claim_ids(&ours).union(&claim_ids(&theirs)).cloned().collect();
        for gone in droppable(&base, &ours, &theirs).union(&droppable(&base, &theirs, &ours)) {
            expected.remove(gone);
        }
        prop_assert!(expected.is_subset(&kept), "lost {:?}", expected.difference(&kept).collect::<Vec<_>>());
        let swapped = parsed(&merge_texts(&b, &t, &o).unwrap());
        prop_assert_eq!(claim_ids(&swapped), kept, "the same claims whichever side is ours");
        prop_assert_eq!(
            merged.new_conflicts,
            merge_texts(&b, &t, &o).unwrap().new_conflicts,
            "the same number of conflicts whichever side is ours"
        );
    }
}
