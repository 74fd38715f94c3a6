//! Tags, flags, verdicts, deleting, reading, the claim the keys act on, and undo and redo.

use super::*;
use crate::annotations::claim::Verdict;

#[test]
fn a_tag_makes_a_claim_and_says_what_changed() {
    let mut session = session();
    let outcome = tag_on(&mut session, "Officials said the talks would resume.", "fact").unwrap();
    let id = session.id(0).unwrap().to_owned();
    assert_eq!(outcome, Outcome { status: Some("tagged fact".into()), changed: vec![id], names_changed: false });
    assert!(outcome.must_save());
    let claim = &claims(&session)[0];
    assert_eq!(
        (claim.anchor.quote.as_str(), claim.tags.as_slice()),
        ("Officials said the talks would resume.", &["fact".to_owned()][..])
    );
    assert_eq!((claim.author.as_str(), claim.created.as_str()), ("tester", "2026-11-21T09:00:00Z"));
}

#[test]
fn tags_toggle_in_vocabulary_order_and_a_bare_claim_goes() {
    let mut session = session();
    tag_on(&mut session, "Nobody knew when.", "quote").unwrap();
    let claim = Target::Claim(claims(&session)[0].id.clone());
    tag(&mut session, claim.clone(), "fact").unwrap();
    assert_eq!(claims(&session)[0].tags, ["fact", "quote"]);
    assert_eq!(tag(&mut session, claim.clone(), "fact").unwrap().status.unwrap(), "untagged fact");
    tag(&mut session, claim, "quote").unwrap();
    assert!(session.record(0).is_none(), "no claims, no note, not read: nothing to keep");
    assert_eq!(tag_on(&mut session, "Nobody", "rumour"), Err(Refused::UnknownTag("rumour".into())));
}

#[test]
fn flags_verdicts_and_deleting() {
    let mut session = session();
    let target = new_on(&session, "The envoy arrived on Monday.");
    let flagged = session.apply(Intent::ToggleCheckWorthy { article: 0, target }).unwrap();
    assert_eq!(flagged.status.unwrap(), "check-worthy");
    let claim = claims(&session)[0].id.clone();
    let verdict = Intent::SetVerdict { article: 0, target: Target::Claim(claim.clone()), verdict: Verdict::False };
    assert_eq!(session.apply(verdict).unwrap().status.unwrap(), "verdict: false");
    assert_eq!((claims(&session)[0].check_worthy, claims(&session)[0].verdict), (true, Verdict::False));
    let delete = Intent::DeleteClaim { article: 0, claim: claim.clone() };
    assert_eq!(session.apply(delete.clone()).unwrap().status.unwrap(), "deleted the claim (u undoes)");
    assert!(claims(&session).is_empty());
    assert_eq!(session.apply(delete), Err(Refused::NoClaim(claim)));
    assert_eq!(session.apply(Intent::Undo).unwrap().status.unwrap(), "undid: deleted the claim (u undoes)");
    assert_eq!(claims(&session)[0].verdict, Verdict::False);
}

#[test]
fn undo_and_redo_walk_the_history_both_ways() {
    let mut session = session();
    tag_on(&mut session, "Nobody knew when.", "fact").unwrap();
    let claim = Target::Claim(claims(&session)[0].id.clone());
    session.apply(Intent::ToggleCheckWorthy { article: 0, target: claim }).unwrap();
    let after = session.store().clone();
    assert_eq!(session.apply(Intent::Undo).unwrap().status.unwrap(), "undid: check-worthy");
    assert_eq!(session.apply(Intent::Undo).unwrap().status.unwrap(), "undid: tagged fact");
    assert_eq!(session.store(), &Store::default());
    assert_eq!(session.apply(Intent::Undo).unwrap(), Outcome::status("nothing to undo"));
    session.apply(Intent::Redo).unwrap();
    let redone = session.apply(Intent::Redo).unwrap();
    assert_eq!((redone.status.unwrap(), redone.changed.len()), ("redid: check-worthy".to_owned(), 1));
    assert_eq!(session.store(), &after);
    assert_eq!(session.apply(Intent::Redo).unwrap(), Outcome::status("nothing to redo"));
}

#[test]
fn read_only_refuses_changes_and_does_not_mark_reads() {
    let mut session = session();
    session.set_read_only(Some("started with --read-only".into()));
    let refused = tag_on(&mut session, "Nobody knew when.", "fact").unwrap_err();
    assert_eq!(refused.to_string(), "read-only: started with --read-only");
    assert_eq!(session.apply(Intent::MarkRead { article: 0 }).unwrap(), Outcome::default());
    assert_eq!(session.store(), &Store::default());
}

#[test]
fn reading_is_kept_but_not_undone() {
    let mut session = session();
    let outcome = session.apply(Intent::MarkRead { article: 1 }).unwrap();
    assert_eq!((outcome.status, outcome.changed.len()), (None, 1));
    assert!(session.record(1).unwrap().read);
    assert_eq!(session.apply(Intent::MarkRead { article: 1 }).unwrap(), Outcome::default(), "once");
    assert!(!session.can_undo());
    assert_eq!(session.apply(Intent::MarkRead { article: 7 }), Err(Refused::NoArticle(7)));
}

#[test]
fn an_article_can_be_unread_again_but_not_in_a_read_only_store() {
    let mut session = session();
    assert_eq!(session.apply(Intent::MarkUnread { article: 1 }).unwrap(), Outcome::status("not read yet"));
    session.apply(Intent::MarkRead { article: 1 }).unwrap();
    let outcome = session.apply(Intent::MarkUnread { article: 1 }).unwrap();
    assert_eq!((outcome.status.as_deref(), outcome.changed.len()), (Some("marked unread"), 1));
    assert_eq!(session.record(1), None, "nothing else was on it, so the record goes");
    assert_eq!(session.store(), &Store::default());
    assert!(!session.can_undo());
    session.apply(Intent::MarkRead { article: 1 }).unwrap();
    session.set_read_only(Some("started with --read-only".into()));
    let refused = session.apply(Intent::MarkUnread { article: 1 }).unwrap_err();
    assert_eq!(refused.to_string(), "read-only: started with --read-only");
    assert!(session.record(1).unwrap().read);
}

#[test]
fn the_claim_the_keys_act_on() {
    let mut session = session();
    let sentence = span_of(&session, 0, "Officials said the talks would resume.");
    let at = |sentence: &Span| Pointer { sentence: Some(sentence.clone()), ..Pointer::default() };
    assert_eq!(session.target(0, &at(&sentence)), Some(Target::New(sentence.clone())));
    tag(&mut session, Target::New(sentence.clone()), "fact").unwrap();
    let id = Target::Claim(claims(&session)[0].id.clone());
    assert_eq!(session.target(0, &at(&sentence)), Some(id.clone()));
    // A word inside the claim, with the cursor elsewhere.
    let elsewhere = span_of(&session, 0, "Nobody knew when.");
    let word = span_of(&session, 0, "talks");
    assert_eq!(session.target(0, &Pointer { focus: Some(word), ..at(&elsewhere) }), Some(id));
    // A selection, trimmed of the spaces around it; only spaces select nothing.
    let padded = span_of(&session, 0, " Nobody knew ");
    let selected = Pointer { selection: Some(padded), ..at(&sentence) };
    assert_eq!(session.target(0, &selected), Some(Target::New(span_of(&session, 0, "Nobody knew"))));
    let spaces = span_of(&session, 0, " ");
    assert_eq!(session.target(0, &Pointer { selection: Some(spaces), ..Pointer::default() }), None);
    assert_eq!(tag(&mut session, Target::New(0..0), "fact"), Err(Refused::BadSpan(0..0)));
    assert_eq!(tag(&mut session, Target::New(0..9999), "fact"), Err(Refused::BadSpan(0..9999)));
}

#[test]
fn names_are_corrected_and_undone_with_the_rest() {
    let mut session = session();
    let added = session.apply(Intent::AddName { text: "Zorbia".into(), kind: crate::entities::Kind::Gpe }).unwrap();
    assert_eq!(
        (added.status.unwrap(), added.names_changed),
        ("“Zorbia” is now highlighted as GPE everywhere".into(), true)
    );
    session.apply(Intent::RejectName { text: "Seoul".into() }).unwrap();
    let again = session.apply(Intent::RejectName { text: "Seoul".into() }).unwrap();
    assert!(!again.names_changed, "nothing new");
    tag_on(&mut session, "Nobody knew when.", "fact").unwrap();
    session.apply(Intent::Undo).unwrap();
    let undone = session.apply(Intent::Undo).unwrap();
    assert_eq!((undone.status.unwrap(), undone.names_changed), ("undid: “Seoul” marked not a name".into(), true));
    assert!(session.names().rejected.is_empty());
    session.set_read_only(Some("locked".into()));
    assert!(session.apply(Intent::Redo).unwrap().names_changed, "names are not the store");
    assert_eq!(session.names().rejected, ["Seoul"]);
}
