//! Articles joining a session: records found, moved files followed at once, claims on edited
//! text placed in the background and applied unless the record changed meanwhile.

use super::*;

/// A store where `first.txt` (then read as `moved.txt`, with `text`) has claims on two sentences.
fn annotated() -> Store {
    let mut session = session();
    tag_on(&mut session, "Officials said the talks would resume.", "fact").unwrap();
    tag_on(&mut session, "Nobody knew when.", "quote").unwrap();
    session.store().clone()
}

fn fresh(store: Store) -> Session {
    let mut session = Session::new(store, Vocabulary::built_in().unwrap());
    session.set_clock(Clock::fixed("2026-11-22T09:00:00Z"));
    session
}

#[test]
fn a_moved_file_is_followed_at_once() {
    let mut session = fresh(annotated());
    let attachment = session.attach([article("moved.txt", FIRST)]);
    assert!(attachment.jobs.is_empty());
    assert_eq!(attachment.changed, [session.id(0).unwrap()]);
    assert_eq!(session.record(0).unwrap().file, "moved.txt");
    // A copy shares the record.
    session.attach([article("copy.txt", FIRST)]);
    assert_eq!(session.id(1), session.id(0));
}

#[test]
fn claims_on_edited_text_are_placed_in_the_background() {
    let mut session = fresh(annotated());
    let edited = FIRST.replace("The envoy arrived on Monday. ", "").replace("Nobody knew when.", "It rained.");
    let attachment = session.attach([article("first.txt", &edited)]);
    assert_eq!(attachment.jobs.len(), 1);
    // Until placed, a claim that does not fit is an orphan, so nothing shows in the wrong place.
    let record = session.record(0).unwrap();
    assert!(record.claims.iter().all(|c| c.orphaned || crate::annotations::follow::fits(c, &edited)));
    let placed: Vec<Placed> = attachment.jobs.into_iter().map(PlaceJob::run).collect();
    let applied = session.apply_placed(placed);
    assert_eq!(
        applied.status.unwrap(),
        "articles changed since annotated — first.txt: 1 claims placed again, 1 orphaned"
    );
    assert_eq!(applied.changed.len(), 1);
    let record = session.record(0).unwrap();
    let placed = record.claims.iter().find(|c| !c.orphaned).unwrap();
    assert_eq!(&edited[placed.span()], "Officials said the talks would resume.");
    assert_eq!(record.claims.iter().filter(|c| c.orphaned).count(), 1);
}

#[test]
fn a_result_for_a_record_changed_meanwhile_is_not_applied_but_redone() {
    let mut session = fresh(annotated());
    let edited = FIRST.replace("The envoy arrived on Monday. ", "");
    let jobs = session.attach([article("first.txt", &edited)]).jobs;
    let placed: Vec<Placed> = jobs.into_iter().map(PlaceJob::run).collect();
    // The analyst tags another sentence before the result arrives.
    tag_on(&mut session, "Nobody knew when.", "opinion").unwrap();
    let kept = session.store().clone();
    let applied = session.apply_placed(placed);
    assert_eq!((applied.changed.len(), applied.status.is_none()), (0, true));
    assert_eq!(session.store(), &kept, "the analyst's change stands");
    assert_eq!(applied.jobs.len(), 1, "placed again from the record as it is now");
    let again = session.apply_placed(applied.jobs.into_iter().map(PlaceJob::run).collect::<Vec<_>>());
    assert_eq!(again.changed.len(), 1);
    assert!(session.record(0).unwrap().claims.iter().all(|c| crate::annotations::follow::fits(c, &edited)));
}

#[test]
fn a_replaced_article_keeps_its_record_and_its_claims_are_placed_on_the_new_text() {
    let mut session = fresh(annotated());
    session.attach([article("first.txt", FIRST)]);
    let id = session.id(0).unwrap().to_owned();
    let fetched_again = FIRST.replace("The envoy arrived on Monday.", "The envoy arrived late on Monday, by train.");
    let attachment = session.replace(0, article("first.txt", &fetched_again));
    assert_eq!(session.id(0), Some(id.as_str()));
    let applied = session.apply_placed(attachment.jobs.into_iter().map(PlaceJob::run).collect::<Vec<_>>());
    assert_eq!(applied.changed, [id]);
    let record = session.record(0).unwrap();
    assert!(record.claims.iter().all(|c| !c.orphaned && fetched_again[c.span()] == c.anchor.quote));
    assert!(session.replace(9, article("first.txt", FIRST)).changed.is_empty(), "no such article: nothing");
}
