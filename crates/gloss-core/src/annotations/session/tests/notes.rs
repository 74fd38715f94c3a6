//! Notes: on a new or existing claim, on the article; written through, one step of undo,
//! thrown away on request.

use super::*;

#[test]
fn a_note_on_a_new_claim_is_written_through_and_one_step_of_undo() {
    let mut session = session();
    let begun =
        session.apply(Intent::BeginNote { article: 0, on: NoteOn::Claim(new_on(&session, "Nobody knew when.")) });
    assert_eq!(begun.unwrap().changed.len(), 1, "the claim it goes on was made");
    assert_eq!(session.note_text(), Some(""));
    assert_eq!(session.note_edit().unwrap().on.what(), "claim note");
    for text in ["C", "Ch", "Check it"] {
        let typed = session.apply(Intent::UpdateNote { text: text.into() }).unwrap();
        assert_eq!((typed.status, typed.changed.len()), (None, 1));
    }
    assert_eq!(claims(&session)[0].note, "Check it");
    assert_eq!(tag_on(&mut session, "Nobody", "fact"), Err(Refused::NoteOpen));
    assert_eq!(session.apply(Intent::Undo), Err(Refused::NoteOpen));
    assert_eq!(session.apply(Intent::CommitNote).unwrap().status.unwrap(), "claim note saved");
    assert!(session.note_edit().is_none());
    assert_eq!(session.apply(Intent::Undo).unwrap().status.unwrap(), "undid: claim note");
    assert_eq!(session.store(), &Store::default());
    session.apply(Intent::Redo).unwrap();
    assert_eq!(claims(&session)[0].note, "Check it");
}

#[test]
fn discarding_puts_everything_back_and_an_empty_note_leaves_nothing() {
    let mut session = session();
    tag_on(&mut session, "The envoy arrived on Monday.", "fact").unwrap();
    let before = session.store().clone();
    session.apply(Intent::BeginNote { article: 0, on: NoteOn::Claim(new_on(&session, "Nobody knew when.")) }).unwrap();
    session.apply(Intent::UpdateNote { text: "keep?".into() }).unwrap();
    let discarded = session.apply(Intent::DiscardNote).unwrap();
    assert_eq!(discarded.status.unwrap(), "changes to the note thrown away");
    assert_eq!(session.store(), &before);
    session.apply(Intent::BeginNote { article: 0, on: NoteOn::Claim(new_on(&session, "Nobody knew when.")) }).unwrap();
    assert_eq!(session.apply(Intent::CommitNote).unwrap().status, None, "nothing written, nothing said");
    assert_eq!(session.store(), &before, "the bare claim made for the note went");
    assert_eq!(session.apply(Intent::Undo).unwrap().status.unwrap(), "undid: tagged fact");
}

#[test]
fn the_article_note() {
    let mut session = session();
    session.apply(Intent::BeginNote { article: 1, on: NoteOn::Article }).unwrap();
    session.apply(Intent::UpdateNote { text: "Source is partisan.".into() }).unwrap();
    assert_eq!(session.apply(Intent::CommitNote).unwrap().status.unwrap(), "article note saved");
    assert_eq!(session.record(1).unwrap().note, "Source is partisan.");
    assert_eq!(session.apply(Intent::CommitNote), Err(Refused::NoNote));
    assert_eq!(session.apply(Intent::UpdateNote { text: String::new() }), Err(Refused::NoNote));
    let missing = NoteOn::Claim(Target::Claim("c-nope".into()));
    assert_eq!(session.apply(Intent::BeginNote { article: 1, on: missing }), Err(Refused::NoClaim("c-nope".into())));
    assert!(session.note_edit().is_none());
}
