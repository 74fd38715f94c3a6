//! Key-sequence tests for selecting with `v`: by words and sentences, from either end, `o`
//! swapping the ends, turning round past the other end.

use super::{app, press};
use crate::tui::AppState;

/// The selected text.
fn selected(state: &AppState) -> &str {
    let span = state.reader.as_ref().unwrap().selection.expect("a selection").span();
    &state.current_article().unwrap().text()[span]
}

fn sentence(state: &AppState, index: usize) -> &str {
    let article = state.current_article().unwrap();
    &article.text()[article.sentences()[index].clone()]
}

#[test]
fn words_grow_and_shrink_by_whole_words() {
    let mut state = app();
    // The third sentence: "At a time when the situation on the peninsula is heating up, …"
    press(&mut state, "enter j j l v l l l");
    assert_eq!(selected(&state), "At a time when");
    press(&mut state, "h");
    assert_eq!(selected(&state), "At a time", "h takes a word off, not a character");
    press(&mut state, "h h");
    assert_eq!(selected(&state), "At");
}

#[test]
fn o_swaps_the_ends_and_the_front_shrinks_too() {
    let mut state = app();
    press(&mut state, "enter j j l v l l l o l");
    assert_eq!(selected(&state), "a time when", "the front moved on a word");
    press(&mut state, "l l");
    assert_eq!(selected(&state), "when");
    press(&mut state, "l");
    assert_eq!(selected(&state), "when the", "past the other end it turns round and grows");
    press(&mut state, "h");
    assert_eq!(selected(&state), "when");
    press(&mut state, "o h");
    assert_eq!(selected(&state), "time when", "the front grows back");
}

#[test]
fn shrinking_past_the_start_grows_backwards() {
    let mut state = app();
    press(&mut state, "enter j j l l v");
    assert_eq!(selected(&state), "a");
    press(&mut state, "h");
    assert_eq!(selected(&state), "At a");
    press(&mut state, "l");
    assert_eq!(selected(&state), "a", "and back");
}

#[test]
fn sentences_grow_and_shrink_from_either_end() {
    let mut state = app();
    press(&mut state, "enter j j v j");
    let (two, three, one) =
        (sentence(&state, 2).to_owned(), sentence(&state, 3).to_owned(), sentence(&state, 1).to_owned());
    assert!(selected(&state).starts_with(&two) && selected(&state).ends_with(&three));
    press(&mut state, "k");
    assert_eq!(selected(&state), two);
    press(&mut state, "k");
    assert!(selected(&state).starts_with(&one) && selected(&state).ends_with(&two), "turned round");
    press(&mut state, "o j");
    assert!(selected(&state).starts_with(&one) && selected(&state).ends_with(&three));
    assert_eq!(state.reader.as_ref().unwrap().place.cursor, 3, "the cursor follows the moving end");
}
