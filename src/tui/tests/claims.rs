//! Key-sequence tests for claims and notes: tag, flag, verdict, note, delete, undo and redo,
//! then read the store back from disk.

use std::path::PathBuf;

use super::{app_with, deliver, finish, keeper, press, type_text};
use crate::tui::{AppState, Msg, Popup, SaveState};
use gloss_core::annotations::{Claim, Clock, Session, Store, Verdict, open_store, read_store};
use gloss_core::corpus::{Article, Origin, SEEDS};

/// The seeds, with a store in a fresh folder (kept for the test's life).
fn app_with_store() -> (AppState, PathBuf) {
    let dir = tempfile::tempdir().unwrap().keep();
    let path = dir.join("annotations.ron");
    (app_with_store_at(&path, seeds()), path)
}

fn seeds() -> Vec<Article> {
    SEEDS.iter().map(|&(name, text)| Article::from_text(Origin::Embedded(name), text)).collect()
}

/// Opens the store at `path` as gloss does (journal replayed, lock taken), over `articles`.
pub fn app_with_store_at(path: &std::path::Path, articles: Vec<Article>) -> AppState {
    let mut state = app_with(Vec::new());
    let opened = open_store(Some(path), false).unwrap();
    let mut session = Session::new(opened.store, state.notes.session.vocabulary().clone());
    session.set_clock(Clock::fixed("2026-11-21T09:00:00Z"));
    session.set_author("tester");
    session.set_read_only(opened.read_only);
    state.notes = crate::tui::Annotations::new(session, opened.durable.map(keeper));
    let expected = articles.len();
    deliver(&mut state, Msg::Loaded { articles, problems: Vec::new(), expected });
    state
}

/// The store as on disk: the file with its journal, as gloss would open it.
pub fn on_disk(path: &std::path::Path) -> Store {
    read_store(Some(path)).unwrap()
}

/// The claims of the second seed, as saved on disk.
fn saved_claims(path: &std::path::Path) -> Vec<Claim> {
    let store = on_disk(path);
    store.articles.values().find(|r| r.file == SEEDS[1].0).map(|r| r.claims.clone()).unwrap_or_default()
}

#[test]
fn tag_flag_and_note_the_third_sentence_of_the_second_seed() {
    let (mut state, path) = app_with_store();
    press(&mut state, "j enter j j 1 !");
    let claims = saved_claims(&path);
    assert_eq!(claims.len(), 1);
    let sentence = &state.current_article().unwrap().sentences()[2];
    assert_eq!(claims[0].span(), *sentence);
    assert_eq!(
        claims[0].anchor.quote,
        "In an interview, Kim Yo, vice minister of the DPRK Labor Commission, responded positively to Japanese Prime Minister Fumio Kishida's proposal to \"hold DPRK-Japan talks\"."
    );
    assert_eq!((claims[0].tags.clone(), claims[0].check_worthy), (vec!["fact".to_owned()], true));
    assert_eq!((claims[0].author.as_str(), claims[0].created.as_str()), ("tester", "2026-11-21T09:00:00Z"));

    press(&mut state, "a");
    assert!(matches!(state.popup, Some(Popup::Editor(_))));
    type_text(&mut state, "Check the date of the interview.\nKCNA has the transcript.");
    // Saved while typing, before the editor closes.
    assert_eq!(saved_claims(&path)[0].note, "Check the date of the interview.\nKCNA has the transcript.");
    press(&mut state, "esc");
    assert!(state.popup.is_none());
    assert_eq!(saved_claims(&path)[0].note, "Check the date of the interview.\nKCNA has the transcript.");
}

#[test]
fn a_claim_holds_several_tags_a_flag_and_a_verdict() {
    let (mut state, path) = app_with_store();
    press(&mut state, "enter j j 1 2 6 ! r j j enter");
    let first = |path: &std::path::Path| on_disk(path).articles.values().next().unwrap().claims[0].clone();
    let claim = first(&path);
    assert_eq!(claim.tags, ["fact", "quantity", "quote"]);
    assert!(claim.check_worthy);
    assert_eq!(claim.verdict, Verdict::Verified);
    press(&mut state, "2");
    assert_eq!(first(&path).tags, ["fact", "quote"], "keys toggle");
}

#[test]
fn undo_and_redo_everything_many_levels_deep() {
    let (mut state, path) = app_with_store();
    press(&mut state, "j enter j j 1 ! a");
    type_text(&mut state, "note");
    press(&mut state, "esc");
    assert_eq!(saved_claims(&path)[0].note, "note");
    press(&mut state, "u");
    assert_eq!(saved_claims(&path)[0].note, "");
    press(&mut state, "u");
    assert!(!saved_claims(&path)[0].check_worthy);
    press(&mut state, "u");
    assert!(saved_claims(&path).is_empty(), "the claim went with its last tag");
    press(&mut state, "ctrl-r ctrl-r ctrl-r");
    let claims = saved_claims(&path);
    assert_eq!((claims[0].tags.len(), claims[0].check_worthy, claims[0].note.as_str()), (1, true, "note"));
    assert_eq!(state.status.as_ref().unwrap().text, "redid: claim note");
}

#[test]
fn deleting_a_claim_can_be_undone() {
    let (mut state, path) = app_with_store();
    press(&mut state, "j enter j j 3 d");
    assert!(saved_claims(&path).is_empty());
    press(&mut state, "u");
    assert_eq!(saved_claims(&path)[0].tags, ["causal"]);
}

#[test]
fn selections_make_claims_over_sentences_and_words() {
    let (mut state, path) = app_with_store();
    press(&mut state, "j enter v j 4");
    let sentences = state.current_article().unwrap().sentences().to_vec();
    assert_eq!(saved_claims(&path)[0].span(), sentences[0].start..sentences[1].end);
    // Part of a sentence: to its third word, select, two words more.
    press(&mut state, "j l l l v l l 7");
    let claims = saved_claims(&path);
    let words = claims.iter().find(|c| c.tags == ["opinion"]).unwrap();
    assert_eq!(words.anchor.quote, "interview, Kim Yo");
}

#[test]
fn the_article_note() {
    let (mut state, path) = app_with_store();
    press(&mut state, "j enter A");
    type_text(&mut state, "Source is partisan.");
    press(&mut state, "esc");
    let store = on_disk(&path);
    assert_eq!(store.articles.values().find(|r| r.file == SEEDS[1].0).unwrap().note, "Source is partisan.");
}

#[test]
fn esc_keeps_the_note_and_throwing_it_away_asks_first() {
    let (mut state, path) = app_with_store();
    press(&mut state, "j enter a");
    type_text(&mut state, "keep?");
    press(&mut state, "ctrl-x");
    assert_eq!(state.context(), crate::keymap::Context::Picker);
    press(&mut state, "esc");
    assert!(matches!(state.popup, Some(Popup::Editor(_))), "esc at the question keeps editing");
    assert_eq!(saved_claims(&path)[0].note, "keep?");
    press(&mut state, "ctrl-x enter");
    assert!(state.popup.is_none());
    assert!(saved_claims(&path).is_empty(), "thrown away, and the claim made for it too");
}

#[test]
fn next_and_previous_claim_and_the_claims_panel() {
    let (mut state, _) = app_with_store();
    press(&mut state, "j enter j 1 j j j 2 g ]");
    let sentences = state.current_article().unwrap().sentences().to_vec();
    assert_eq!(state.reader.as_ref().unwrap().focus, Some(sentences[1].clone()));
    press(&mut state, "]");
    assert_eq!(state.reader.as_ref().unwrap().focus, Some(sentences[4].clone()));
    press(&mut state, "[");
    assert_eq!(state.reader.as_ref().unwrap().place.cursor, 1);
    press(&mut state, "c j enter");
    assert!(state.popup.is_none());
    assert_eq!(state.reader.as_ref().unwrap().place.cursor, 4);
}

#[test]
fn opening_an_article_marks_it_read_and_the_list_counts_claims() {
    let (mut state, path) = app_with_store();
    press(&mut state, "j enter");
    let store = on_disk(&path);
    assert!(store.articles.values().any(|r| r.file == SEEDS[1].0 && r.read));
    assert!(!store.articles.values().any(|r| r.file == SEEDS[0].0));
}

#[test]
fn annotations_come_back_after_a_restart() {
    let (mut state, path) = app_with_store();
    press(&mut state, "j enter j j 1 !");
    finish(state);
    let mut again = app_with_store_at(&path, seeds());
    press(&mut again, "j enter");
    let record = again.notes.record(1).expect("the second seed's record");
    assert_eq!(record.claims[0].tags, ["fact"]);
}

#[test]
fn an_edited_article_keeps_its_claims_on_their_sentences() {
    let (mut state, path) = app_with_store();
    press(&mut state, "j enter j j 1");
    let quote = saved_claims(&path)[0].anchor.quote.clone();
    let edited = SEEDS[1].1.replacen('\n', "\nA new paragraph inserted by the editor, above the claim.\n", 1);
    let mut articles = seeds();
    articles[1] = Article::from_text(Origin::Embedded(SEEDS[1].0), &edited);
    finish(state);
    let again = app_with_store_at(&path, articles);
    let record = again.notes.record(1).expect("found by its place");
    let claim = &record.claims[0];
    assert!(!claim.orphaned);
    assert_eq!(&edited[claim.span()], quote);
    assert!(again.status.as_ref().unwrap().text.contains("1 claims placed again"), "{:?}", again.status);
}

#[test]
fn read_only_refuses_changes_and_says_why() {
    let (mut state, path) = app_with_store();
    state.notes.session.set_read_only(Some("started with --read-only".into()));
    press(&mut state, "j enter j 1");
    assert!(!path.exists());
    assert_eq!(state.status.as_ref().unwrap().text, "read-only: started with --read-only");
}

#[test]
fn a_failed_save_keeps_everything_and_quitting_warns() {
    let (mut state, _) = app_with_store();
    // The keeper gone (only a bug does that): edits cannot reach the disk.
    state.notes.keeper.as_ref().unwrap().finish(std::time::Duration::from_secs(10)).unwrap();
    press(&mut state, "enter j 1");
    assert!(matches!(state.notes.save, SaveState::Failed(_)));
    assert!(state.status.as_ref().unwrap().text.starts_with("not saved: the store's keeper stopped"));
    assert_eq!(state.notes.record(0).unwrap().claims.len(), 1, "kept in memory");
    assert!(!press(&mut state, "q"), "the first q warns");
    assert!(state.status.as_ref().unwrap().text.contains("press q again"));
    assert!(press(&mut state, "q"));
}

#[test]
fn claims_of_an_edited_article_are_placed_by_an_effect_not_in_update() {
    let (mut state, path) = app_with_store();
    press(&mut state, "j enter j j 1");
    let edited = SEEDS[1].1.replacen('\n', "\nA new paragraph inserted by the editor, above the claim.\n", 1);
    let mut articles = seeds();
    articles[1] = Article::from_text(Origin::Embedded(SEEDS[1].0), &edited);
    finish(state);
    let mut again = app_with_store_at(&path, Vec::new());
    let effects = crate::tui::update(&mut again, Msg::Loaded { articles, problems: Vec::new(), expected: 5 });
    let Some(crate::tui::Effect::PlaceClaims(jobs)) =
        effects.iter().find(|e| matches!(e, crate::tui::Effect::PlaceClaims(_)))
    else {
        panic!("no effect to place claims: {effects:?}")
    };
    assert_eq!(jobs.len(), 1);
    // Until the claims are placed, the one that no longer fits is kept as an orphan.
    assert!(again.notes.record(1).unwrap().claims[0].orphaned);
    for effect in effects {
        if let crate::tui::Effect::PlaceClaims(jobs) = effect {
            let placed = jobs.into_iter().map(gloss_core::annotations::session::PlaceJob::run).collect();
            deliver(&mut again, Msg::ClaimsPlaced(placed));
        }
    }
    let claim = &again.notes.record(1).unwrap().claims[0];
    assert!(!claim.orphaned);
    assert_eq!(&edited[claim.span()], claim.anchor.quote);
}
