//! Changes from outside the session: merged records taken in, conflicts settled by intent and
//! undone, undo keeping what came from outside.

use super::*;
use crate::annotations::conflict::{Conflict, Value};
use crate::annotations::durable::Absorb;

#[test]
fn a_merged_record_is_taken_in_and_merged_again_with_later_edits() {
    let mut session = session();
    tag_on(&mut session, "Nobody knew when.", "fact").unwrap();
    let id = session.id(0).unwrap().to_owned();
    let expected = session.store().articles[&id].clone();
    let mut merged = expected.clone();
    merged.note = "from elsewhere".into();
    // The analyst tagged again before the merge arrived.
    tag_on(&mut session, "The envoy arrived on Monday.", "quote").unwrap();
    let outcome = session.absorb(vec![Absorb { id: id.clone(), expected: Some(expected), merged: Some(merged) }]);
    assert_eq!(outcome.changed, std::slice::from_ref(&id));
    let record = session.record(0).unwrap();
    assert_eq!((record.note.as_str(), record.claims.len()), ("from elsewhere", 2));
    // Undo takes back the analyst's step, not what came from elsewhere.
    assert_eq!(session.apply(Intent::Undo).unwrap().status.unwrap(), "undid: tagged quote");
    let record = session.record(0).unwrap();
    assert_eq!((record.note.as_str(), record.claims.len()), ("from elsewhere", 1));
}

#[test]
fn a_record_made_elsewhere_for_an_article_is_found() {
    let mut session = session();
    assert!(session.id(1).is_none());
    let fingerprint = session.articles[1].fingerprint().to_hex();
    let mut record = ArticleRecord::for_article(&session.articles[1]);
    record.note = "noted elsewhere".into();
    let id = fingerprint[..12].to_owned();
    session.absorb(vec![Absorb { id: id.clone(), expected: None, merged: Some(record) }]);
    assert_eq!(session.id(1), Some(id.as_str()));
    assert_eq!(session.record(1).unwrap().note, "noted elsewhere");
}

#[test]
fn conflicts_are_listed_settled_by_intent_and_undone() {
    let mut session = session();
    tag_on(&mut session, "Nobody knew when.", "fact").unwrap();
    let id = session.id(0).unwrap().to_owned();
    let claim = claims(&session)[0].id.clone();
    let mut record = session.store().articles[&id].clone();
    record.conflicts.push(Conflict {
        claim: Some(claim.clone()),
        field: "note".into(),
        other_values: vec![Value::Text("theirs".into()), Value::Text("third".into())],
    });
    let expected = session.store().articles[&id].clone();
    session.absorb(vec![Absorb { id: id.clone(), expected: Some(expected), merged: Some(record) }]);
    let waiting: Vec<_> = session.conflicts().collect();
    assert_eq!((waiting.len(), waiting[0].article, waiting[0].index), (1, id.as_str(), 0));
    let settled = session.apply(Intent::SettleConflict { article: 0, conflict: 0, choice: Some(1) }).unwrap();
    assert_eq!(settled.status.unwrap(), "took the other claim note (conflict settled)");
    assert_eq!((claims(&session)[0].note.as_str(), session.conflicts().count()), ("third", 0));
    assert_eq!(
        session.apply(Intent::Undo).unwrap().status.unwrap(),
        "undid: took the other claim note (conflict settled)"
    );
    assert_eq!((claims(&session)[0].note.as_str(), session.conflicts().count()), ("", 1));
    let missing = session.apply(Intent::SettleConflict { article: 0, conflict: 3, choice: None });
    assert_eq!(missing, Err(Refused::NoConflict(3)));
    session.apply(Intent::SettleConflict { article: 0, conflict: 0, choice: None }).unwrap();
    assert_eq!((claims(&session)[0].note.as_str(), session.conflicts().count()), ("", 0), "kept as it is");
}
