//! Key-sequence tests for the list: each filter, combined, counted and cleared; sorting;
//! marking unread.

use super::{app, press, type_text};
use crate::tui::{AppState, Focus, Popup};
use gloss_core::entities::Kind;
use gloss_core::listing::Sort;

/// The shown articles by the first three characters of their file names (`000`…`004`).
fn shown(state: &AppState) -> Vec<String> {
    state.shown_articles().iter().map(|&i| state.articles[i].origin().file_name()[..3].to_owned()).collect()
}

fn status(state: &AppState) -> &str {
    state.status.as_ref().map_or("", |s| s.text.as_str())
}

/// Seeds 001 and 003 with a check-worthy claim (003's verified, with a note), 004 read.
fn annotated() -> AppState {
    let mut state = app();
    press(&mut state, "j enter j j 1 ! esc j j enter j 2 ! r");
    // The verdict picker: verified is third.
    press(&mut state, "j j enter a");
    type_text(&mut state, "Check this.");
    press(&mut state, "esc esc j enter esc g");
    state
}

#[test]
fn typing_a_title_query_narrows_the_list_as_you_type() {
    let mut state = app();
    press(&mut state, "/");
    assert!(matches!(state.popup, Some(Popup::TitleQuery(_))));
    type_text(&mut state, "korea");
    let korea = shown(&state);
    assert_eq!(korea.len(), 4, "fuzzy: “ROK” and more letters in order match too, {korea:?}");
    let mut best = korea[..3].to_vec();
    best.sort();
    assert_eq!(
        (best, korea[3].as_str()),
        (vec!["001".to_owned(), "002".into(), "004".into()], "003"),
        "letters together first"
    );
    type_text(&mut state, " sou");
    assert_eq!(shown(&state)[0], "004", "South Korea");
    press(&mut state, "backspace backspace backspace backspace enter");
    assert_eq!(shown(&state), korea, "enter keeps the query");
    assert!(state.popup.is_none());
    assert_eq!(status(&state), "4 of 5 articles: “korea”; esc shows all");
    press(&mut state, "esc");
    assert_eq!(shown(&state), ["000", "001", "002", "003", "004"]);
}

#[test]
fn esc_while_typing_drops_the_query_and_arrows_move_the_list() {
    let mut state = app();
    press(&mut state, "/");
    type_text(&mut state, "japan");
    let matches = shown(&state);
    assert!(matches.len() >= 2, "{matches:?}");
    press(&mut state, "down");
    assert_eq!(state.list.selected, 1);
    assert_eq!(state.current_article().unwrap().origin().file_name()[..3], matches[1]);
    press(&mut state, "esc");
    assert!(state.listing.filters.is_empty() && state.popup.is_none());
}

#[test]
fn the_filter_menu_filters_by_check_worthy_verdict_notes_and_read() {
    let mut state = annotated();
    // Rows: title, entity, tag, check-worthy, verdict, notes, unread, read, none.
    press(&mut state, "f j j j enter");
    assert_eq!(shown(&state), ["001", "003"]);
    press(&mut state, "f j j j j enter");
    assert!(matches!(&state.popup, Some(Popup::Choice(_))), "the verdict list");
    press(&mut state, "j j enter");
    assert_eq!(shown(&state), ["003"], "check-worthy and verified");
    press(&mut state, "esc f j j j j j enter");
    assert_eq!(shown(&state), ["003"], "has notes");
    press(&mut state, "esc f j j j j j j j enter");
    assert_eq!(shown(&state), ["001", "003", "004"], "read");
    press(&mut state, "f j j j j j j enter");
    assert_eq!(shown(&state), ["000", "002"], "unread replaces read");
    press(&mut state, "f G enter");
    assert!(state.listing.filters.is_empty());
}

#[test]
fn the_tag_list_and_its_counts() {
    let mut state = annotated();
    press(&mut state, "f j j enter");
    let Some(Popup::Choice(choice)) = &state.popup else { panic!("the tag list") };
    let labels: Vec<&str> = choice.shown().iter().map(|item| item.label.as_str()).take(2).collect();
    assert!(labels[0].contains("fact") && labels[0].ends_with("1 article"), "{labels:?}");
    assert!(labels[1].contains("quantity") && labels[1].ends_with("1 article"), "{labels:?}");
    press(&mut state, "j enter");
    assert_eq!(shown(&state), ["003"]);
    assert_eq!(state.listing.filters.tag.as_deref(), Some("quantity"));
    press(&mut state, "f j j enter");
    // `Any tag` comes first once a tag is set.
    press(&mut state, "enter");
    assert_eq!(state.listing.filters.tag, None);
}

#[test]
fn russia_and_check_worthy_sorted_by_date() {
    let mut state = annotated();
    press(&mut state, "f j enter");
    assert_eq!(state.context(), crate::keymap::Context::Dialog, "a list to type into");
    type_text(&mut state, "russia gpe");
    press(&mut state, "enter");
    assert_eq!(state.listing.filters.entity.as_ref().map(|(k, n)| (*k, &**n)), Some((Kind::Gpe, "Russia")));
    let mention_russia = shown(&state);
    assert!(mention_russia.len() >= 3, "{mention_russia:?}");
    press(&mut state, "f j j j enter");
    let checked: Vec<String> =
        ["001", "003"].into_iter().filter(|a| mention_russia.iter().any(|m| m == a)).map(String::from).collect();
    assert!(!checked.is_empty());
    assert_eq!(shown(&state), checked);
    press(&mut state, "s j enter");
    assert_eq!(state.listing.sort, Sort::Date);
    assert_eq!(status(&state), "sorted by date, newest first");
}

#[test]
fn sorting_by_date_title_and_claims() {
    let mut state = annotated();
    press(&mut state, "s j enter");
    assert_eq!(shown(&state), ["000", "003", "001", "002", "004"], "dated first, newest first");
    press(&mut state, "s j enter");
    assert_eq!(state.listing.sort, Sort::Title);
    assert_eq!(shown(&state), ["000", "004", "003", "001", "002"], "“Japan and” before “Japan ROK”");
    press(&mut state, "s j enter");
    assert_eq!(shown(&state), ["001", "003", "000", "002", "004"], "claims, most first");
    press(&mut state, "s g enter");
    assert_eq!(shown(&state), ["000", "001", "002", "003", "004"]);
}

#[test]
fn the_selection_follows_its_article_when_the_list_changes() {
    let mut state = annotated();
    press(&mut state, "j j j");
    assert_eq!(shown(&state)[state.list.selected], "003");
    press(&mut state, "s j enter");
    assert_eq!(shown(&state)[state.list.selected], "003");
}

#[test]
fn an_article_read_under_an_unread_filter_stays_until_the_list_changes() {
    let mut state = app();
    press(&mut state, "f j j j j j j enter");
    assert_eq!(shown(&state).len(), 5);
    press(&mut state, "j enter");
    assert_eq!(state.focus, Focus::Reader);
    assert_eq!(shown(&state), ["000", "001", "002", "003", "004"], "001 is read but stays under the cursor");
    press(&mut state, "esc j enter");
    assert_eq!(shown(&state), ["000", "002", "003", "004"], "and goes once another article is opened");
}

#[test]
fn u_marks_an_article_unread_again() {
    let mut state = app();
    press(&mut state, "enter");
    assert!(state.notes.record(0).is_some_and(|r| r.read));
    press(&mut state, "U");
    assert!(state.notes.record(0).is_none_or(|r| !r.read));
    assert_eq!(status(&state), "marked unread");
    press(&mut state, "esc j enter esc k U");
    assert!(state.notes.record(0).is_none_or(|r| !r.read));
    assert_eq!(status(&state), "not read yet");
    assert!(state.notes.record(1).is_some_and(|r| r.read), "only the selected article");
}
