//! Key-sequence tests for moving around: jumps retraced with ctrl-o and redone with ctrl-i,
//! the next and previous article from the reader.

use super::{app, press};
use crate::tui::update::jumps::jump_to;
use crate::tui::{AppState, Focus};

/// The article in the reader (by the first three characters of its file name) and its cursor.
fn at(state: &AppState) -> (String, usize) {
    let reader = state.reader.as_ref().unwrap();
    (state.articles[reader.article].origin().file_name()[..3].to_owned(), reader.place.cursor)
}

fn place(article: &str, cursor: usize) -> (String, usize) {
    (article.to_owned(), cursor)
}

#[test]
fn going_to_the_end_is_a_jump_and_ctrl_o_comes_back() {
    let mut state = app();
    press(&mut state, "enter j j G");
    let last = at(&state).1;
    press(&mut state, "ctrl-o");
    assert_eq!(at(&state), place("000", 2));
    press(&mut state, "ctrl-i");
    assert_eq!(at(&state), place("000", last));
    press(&mut state, "ctrl-i");
    assert_eq!(state.status.as_ref().unwrap().text, "no newer jump");
    press(&mut state, "alt-left alt-left");
    assert_eq!(at(&state), place("000", 2));
    assert_eq!(state.status.as_ref().unwrap().text, "no older jump");
    press(&mut state, "alt-right");
    assert_eq!(at(&state), place("000", last), "alt-right redoes, for terminals where ctrl-i is tab");
}

#[test]
fn an_entity_mention_and_a_claim_are_jumps() {
    let mut state = app();
    press(&mut state, "enter j j j p enter esc");
    let mention = at(&state);
    assert_ne!(mention, place("000", 3));
    press(&mut state, "ctrl-o");
    assert_eq!(at(&state), place("000", 3));
    press(&mut state, "j j 1 g ]");
    assert_eq!(at(&state), place("000", 5));
    press(&mut state, "ctrl-o");
    assert_eq!(at(&state), place("000", 0), "back to where ] was pressed");
    press(&mut state, "ctrl-o");
    assert_eq!(at(&state), place("000", 0), "where g was pressed is the claim's place: listed once");
    press(&mut state, "ctrl-i");
    assert_eq!(at(&state), place("000", 5));
}

#[test]
fn next_and_previous_article_from_the_reader() {
    let mut state = app();
    press(&mut state, "enter j j J");
    assert_eq!(at(&state), place("001", 0));
    assert_eq!((state.focus, state.list.selected), (Focus::Reader, 1));
    assert!(state.notes.record(1).is_some_and(|r| r.read), "opened, so read");
    press(&mut state, "j J K");
    assert_eq!(at(&state), place("001", 1), "where it was left");
    press(&mut state, "ctrl-o");
    assert_eq!(at(&state), place("002", 0));
    press(&mut state, "ctrl-o");
    assert_eq!(at(&state), place("000", 2), "001 once only, though it was left twice");
    press(&mut state, "K");
    assert_eq!(state.status.as_ref().unwrap().text, "the first article of the list");
}

#[test]
fn next_article_follows_the_list_as_sorted() {
    let mut state = app();
    // By date: 000 (2024-02-04), 003 (2024-01-28), then the undated in file order.
    press(&mut state, "s j enter enter J");
    assert_eq!(at(&state).0, "003");
    press(&mut state, "J");
    assert_eq!(at(&state).0, "001");
}

#[test]
fn opening_another_article_from_the_list_is_a_jump() {
    let mut state = app();
    press(&mut state, "enter j j j esc j j enter");
    assert_eq!(at(&state), place("002", 0));
    press(&mut state, "ctrl-o");
    assert_eq!(at(&state), place("000", 3));
    assert_eq!(state.focus, Focus::Reader);
    press(&mut state, "ctrl-i");
    assert_eq!(at(&state), place("002", 0));
}

#[test]
fn a_search_hit_opens_through_jump_to_and_ctrl_o_returns() {
    let mut state = app();
    press(&mut state, "enter j");
    let article = &state.articles[4];
    let offset = article.text().find("Ukraine").unwrap();
    let sentence = article.sentences().iter().position(|s| s.contains(&offset)).unwrap();
    let effects = jump_to(&mut state, 4, offset);
    assert!(!effects.is_empty() || state.notes.record(4).is_some_and(|r| r.read), "marked read");
    assert!(state.sync_layout().is_none(), "a short article is laid out at once");
    assert_eq!(at(&state), place("004", sentence));
    assert_eq!((state.focus, state.list.selected), (Focus::Reader, 4));
    press(&mut state, "ctrl-o");
    assert_eq!(at(&state), place("000", 1));
}
