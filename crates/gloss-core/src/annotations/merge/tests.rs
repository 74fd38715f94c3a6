//! Merge tests: the rules one by one, then properties over random stores and edits.

use proptest::prelude::*;

use super::*;
use crate::annotations::claim::{Anchor, Verdict};
use crate::annotations::conflict::{CLAIM_FIELD, Conflict, Value};
use crate::annotations::store::Unknown;

pub(super) fn claim(id: &str, start: usize) -> Claim {
    Claim {
        id: id.into(),
        anchor: Anchor { start, end: start + 4, quote: "text".into(), prefix: String::new(), suffix: String::new() },
        tags: vec!["fact".into()],
        check_worthy: false,
        verdict: Verdict::Undetermined,
        note: String::new(),
        created: "2026-11-21T07:00:00Z".into(),
        modified: "2026-11-21T07:00:00Z".into(),
        author: "kim".into(),
        orphaned: false,
        unknown: Unknown::new(),
    }
}

fn record(claims: Vec<Claim>) -> ArticleRecord {
    ArticleRecord {
        file: "a.txt".into(),
        path: "/news/a.txt".into(),
        fingerprint: "f".into(),
        title: "A".into(),
        read: true,
        claims,
        ..ArticleRecord::default()
    }
}

pub(super) fn base() -> Store {
    let mut store = Store::default();
    store.articles.insert("a".into(), record(vec![claim("c1", 0), claim("c2", 10)]));
    store.articles.insert("b".into(), record(vec![claim("c3", 0)]));
    store
}

pub(super) fn edit(store: &Store, change: impl FnOnce(&mut Store)) -> Store {
    let mut changed = store.clone();
    change(&mut changed);
    changed
}

fn claim_of<'a>(store: &'a Store, article: &str, id: &str) -> &'a Claim {
    store.articles[article].claims.iter().find(|c| c.id == id).unwrap()
}

#[test]
fn different_articles_claims_and_fields_merge_silently() {
    let base = base();
    let ours = edit(&base, |s| {
        let a = s.articles.get_mut("a").unwrap();
        a.claims[0].note = "ours".into();
        a.claims[0].modified = "2026-11-21T09:00:00Z".into();
        a.note = "article note".into();
    });
    let theirs = edit(&base, |s| {
        let a = s.articles.get_mut("a").unwrap();
        a.claims[0].verdict = Verdict::Verified;
        a.claims[0].modified = "2026-11-21T08:00:00Z".into();
        a.claims[1].tags.push("quote".into());
        s.articles.get_mut("b").unwrap().note = "theirs on b".into();
    });
    let merged = merge(&base, &ours, &theirs);
    let c1 = claim_of(&merged, "a", "c1");
    assert_eq!(
        (c1.note.as_str(), c1.verdict, c1.modified.as_str()),
        ("ours", Verdict::Verified, "2026-11-21T09:00:00Z")
    );
    assert_eq!(claim_of(&merged, "a", "c2").tags, ["fact", "quote"]);
    assert_eq!(
        (merged.articles["a"].note.as_str(), merged.articles["b"].note.as_str()),
        ("article note", "theirs on b")
    );
    assert_eq!(conflict_count(&merged), 0);
}

#[test]
fn the_same_field_changed_differently_keeps_ours_and_records_theirs() {
    let base = base();
    let ours = edit(&base, |s| s.articles.get_mut("a").unwrap().claims[0].note = "ours".into());
    let theirs = edit(&base, |s| s.articles.get_mut("a").unwrap().claims[0].note = "theirs".into());
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(claim_of(&merged, "a", "c1").note, "ours");
    let expected =
        Conflict { claim: Some("c1".into()), field: "note".into(), other_values: vec![Value::Text("theirs".into())] };
    assert_eq!(merged.articles["a"].conflicts, [expected]);
    // Merging again changes nothing: the conflict is not doubled.
    assert_eq!(merge(&base, &ours, &merged), merged);
}

#[test]
fn tags_merge_as_sets_and_claims_made_on_both_sides_are_all_kept() {
    let base = base();
    let ours = edit(&base, |s| {
        let a = s.articles.get_mut("a").unwrap();
        a.claims[0].tags = vec!["fact".into(), "causal".into()];
        a.claims.push(claim("c9", 40));
    });
    let theirs = edit(&base, |s| {
        let a = s.articles.get_mut("a").unwrap();
        a.claims[0].tags = vec!["opinion".into()];
        a.claims.push(claim("c8", 30));
    });
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(claim_of(&merged, "a", "c1").tags, ["causal", "opinion"]);
    let ids: Vec<&str> = merged.articles["a"].claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c1", "c2", "c8", "c9"], "text order");
}

#[test]
fn a_claim_deleted_on_one_side_and_changed_on_the_other_is_kept_with_a_conflict() {
    let base = base();
    let deleted = edit(&base, |s| {
        s.articles.get_mut("a").unwrap().claims.remove(0);
    });
    let changed = edit(&base, |s| s.articles.get_mut("a").unwrap().claims[0].note = "keep me".into());
    let unchanged_deleted = merge(&base, &deleted, &base);
    assert_eq!(unchanged_deleted.articles["a"].claims.len(), 1, "deleted where nobody changed it");
    for merged in [merge(&base, &deleted, &changed), merge(&base, &changed, &deleted)] {
        assert_eq!(claim_of(&merged, "a", "c1").note, "keep me");
        let conflict = &merged.articles["a"].conflicts[0];
        assert_eq!((conflict.field.as_str(), &conflict.other_values[..]), (CLAIM_FIELD, &[Value::Deleted][..]));
    }
}

#[test]
fn a_record_deleted_on_one_side_keeps_what_the_other_added() {
    let base = base();
    let ours = edit(&base, |s| {
        s.articles.remove("b");
    });
    let theirs = edit(&base, |s| {
        let b = s.articles.get_mut("b").unwrap();
        b.note = "added there".into();
    });
    let merged = merge(&base, &ours, &theirs);
    let b = &merged.articles["b"];
    assert_eq!((b.note.as_str(), b.claims.len(), b.read), ("added there", 0, false));
    assert!(!merge(&base, &ours, &base).articles.contains_key("b"));
}

#[test]
fn unknown_fields_merge_like_the_others() {
    let raw = |text: &str| ron::value::RawValue::from_boxed_ron(text.into()).unwrap();
    let base = base();
    let ours = edit(&base, |s| {
        s.articles.get_mut("a").unwrap().unknown.insert("priority".into(), raw("1"));
    });
    let theirs = edit(&base, |s| {
        s.articles.get_mut("a").unwrap().unknown.insert("priority".into(), raw("2"));
        s.unknown.insert("team".into(), raw("\"desk\""));
    });
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.articles["a"].unknown["priority"].get_ron(), "1");
    assert_eq!(merged.articles["a"].conflicts[0].other_values, [Value::Raw(raw("2"))]);
    assert_eq!(merged.unknown["team"].get_ron(), "\"desk\"");
}

#[test]
fn patches_with_digests_still_recognise_what_they_changed() {
    let long = "x".repeat(500);
    let base = edit(&base(), |s| s.articles.get_mut("a").unwrap().note.clone_from(&long));
    let ours = edit(&base, |s| s.articles.get_mut("a").unwrap().note = "short".into());
    let patch = diff("a", base.articles.get("a"), ours.articles.get("a")).unwrap();
    let Change::Set { before: Some(Value::Digest(_)), .. } = &patch.changes[0] else { panic!("{patch:?}") };
    let applied = apply(&patch, base.articles.get("a").cloned(), None).unwrap();
    assert_eq!((applied.note.as_str(), applied.conflicts.len()), ("short", 0));
    let elsewhere = edit(&base, |s| s.articles.get_mut("a").unwrap().note = "other".into());
    let conflicted = apply(&patch, elsewhere.articles.get("a").cloned(), None).unwrap();
    assert_eq!(conflicted.conflicts[0].other_values, [Value::Text("other".into())]);
}

#[test]
fn a_change_to_a_claim_gone_elsewhere_is_kept_in_a_conflict_without_the_whole_claim() {
    let base = base();
    let ours = edit(&base, |s| s.articles.get_mut("a").unwrap().claims[0].note = "mine".into());
    let theirs = edit(&base, |s| {
        s.articles.get_mut("a").unwrap().claims.remove(0);
    });
    let patch = diff("a", base.articles.get("a"), ours.articles.get("a")).unwrap();
    let applied = apply(&patch, theirs.articles.get("a").cloned(), None).unwrap();
    assert_eq!(applied.claims.len(), 1);
    assert_eq!(applied.conflicts[0].other_values, [Value::Text("mine".into())]);
}

pub(super) fn arbitrary_edit() -> impl Strategy<Value = (usize, usize, u8, String)> {
    (0usize..3, 0usize..4, 0u8..6, "[a-c]{0,3}")
}

/// Applies a small random edit: which article, which claim, what to do, with what text.
/// Base made by the `start` edits, then ours and theirs by their own edits of it.
pub(super) fn three_sides(start: &[Edit], ours_edits: &[Edit], theirs_edits: &[Edit]) -> (Store, Store, Store) {
    let edited = |from: &Store, edits: &[Edit]| {
        let mut store = from.clone();
        for e in edits {
            apply_edit(&mut store, e);
        }
        store
    };
    let base = edited(&Store::default(), start);
    let (ours, theirs) = (edited(&base, ours_edits), edited(&base, theirs_edits));
    (base, ours, theirs)
}

/// An arbitrary edit: article, which claim, what to do, and a text.
pub(super) type Edit = (usize, usize, u8, String);

pub(super) fn apply_edit(store: &mut Store, (article, nth, what, text): &(usize, usize, u8, String)) {
    let id = ["a", "b", "c"][*article];
    let record = store.articles.entry(id.into()).or_insert_with(|| record(Vec::new()));
    let claim_id = format!("c{nth}");
    let found = record.claims.iter().position(|c| c.id == claim_id);
    match (what, found) {
        (0, _) => record.note.clone_from(text),
        (1, Some(at)) => record.claims[at].note.clone_from(text),
        (2, Some(at)) => record.claims[at].tags = vec![text.clone()],
        (3, Some(at)) => {
            record.claims.remove(at);
        }
        (4, Some(at)) => record.claims[at].verdict = Verdict::ALL[text.len() % Verdict::ALL.len()],
        (_, None) => record.claims.push(Claim { note: text.clone(), ..claim(&claim_id, nth * 10) }),
        _ => record.read = !record.read,
    }
    record.sort_claims();
    if record.is_empty() {
        store.articles.remove(id);
    }
}

/// Every value `changed` holds that `base` did not must be somewhere in `merged`: in the field
/// or among its conflict's other values (or, for a deleted claim, noted as deleted).
fn assert_kept(base: &Store, changed: &Store, merged: &Store) {
    for (id, record) in &changed.articles {
        let Some(kept) = merged.articles.get(id) else {
            // Emptied by the merge: only when this side added nothing the other removed.
            let was = |c: &Claim| base.articles.get(id).is_some_and(|b| b.claims.contains(c));
            assert!(record.note.is_empty() && record.claims.iter().all(was), "record {id} lost");
            continue;
        };
        if base.articles.get(id).is_none_or(|b| b.note != record.note) && !record.note.is_empty() {
            let others = kept.conflicts.iter().filter(|c| c.is_about(None, "note")).flat_map(|c| &c.other_values);
            assert!(
                kept.note == record.note || others.into_iter().any(|v| *v == Value::Text(record.note.clone())),
                "note of {id}"
            );
        }
        for claim in &record.claims {
            let was = base.articles.get(id).and_then(|b| b.claims.iter().find(|c| c.id == claim.id));
            if was == Some(claim) {
                continue;
            }
            let Some(now) = kept.claims.iter().find(|c| c.id == claim.id) else {
                assert!(
                    kept.conflicts.iter().any(|c| c.claim.as_deref() == Some(&claim.id)),
                    "claim {} lost",
                    claim.id
                );
                continue;
            };
            if was.is_some_and(|w| w.note == claim.note) {
                continue;
            }
            let others: Vec<&Value> = kept
                .conflicts
                .iter()
                .filter(|c| c.is_about(Some(&claim.id), "note"))
                .flat_map(|c| &c.other_values)
                .collect();
            assert!(
                now.note == claim.note || others.contains(&&Value::Text(claim.note.clone())),
                "note of {}",
                claim.id
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn merging_keeps_both_sides_and_is_neutral_where_one_side_did_nothing(
        start in proptest::collection::vec(arbitrary_edit(), 0..6),
        ours_edits in proptest::collection::vec(arbitrary_edit(), 0..6),
        theirs_edits in proptest::collection::vec(arbitrary_edit(), 0..6),
    ) {
        let (base, ours, theirs) = three_sides(&start, &ours_edits, &theirs_edits);
        prop_assert_eq!(merge(&base, &ours, &base), ours.clone());
        prop_assert_eq!(merge(&base, &base, &theirs), theirs.clone());
        prop_assert_eq!(merge(&base, &ours, &ours), ours.clone());
        let merged = merge(&base, &ours, &theirs);
        assert_kept(&base, &ours, &merged);
        assert_kept(&base, &theirs, &merged);
        prop_assert_eq!(merge(&base, &ours, &theirs), merged.clone(), "deterministic");
        let text = merged.to_ron().unwrap();
        prop_assert_eq!(Store::parse(&text, std::path::Path::new("m.ron")).unwrap(), merged, "valid RON");
    }
}
