//! Searching the article by key sequence: `/`, typing, `enter`, `n` and `N`, `esc`, regex
//! mode and a bad pattern; and the helpers the other search tests share.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::{app, app_with, deliver, press, type_text};
use crate::tui::{AppState, Focus, Msg, Popup, view};
use gloss_core::corpus::{Article, Origin};

pub fn render(state: &AppState) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(state.screen.width, state.screen.height)).unwrap();
    terminal.draw(|frame| view(state, frame)).unwrap();
    terminal.backend().buffer().clone()
}

pub fn screen(state: &AppState) -> String {
    let buffer = render(state);
    let width = usize::from(buffer.area.width);
    let rows =
        buffer.content.chunks(width).map(|row| row.iter().map(ratatui::buffer::Cell::symbol).collect::<String>());
    rows.collect::<Vec<_>>().join("\n")
}

/// The matches kept in the reader, as text.
fn matches(state: &AppState) -> Vec<&str> {
    let article = state.current_article().unwrap();
    let spans = state.search.matches.as_ref().map(|m| m.spans.as_slice()).unwrap_or_default();
    spans.iter().map(|s| &article.text()[s.clone()]).collect()
}

fn focused(state: &AppState) -> Option<&str> {
    let reader = state.reader.as_ref()?;
    Some(&state.current_article()?.text()[reader.focus.clone()?])
}

fn cursor(state: &AppState) -> usize {
    state.reader.as_ref().unwrap().place.cursor
}

/// The status bar's counter: `3/14`.
fn counter(state: &AppState) -> String {
    let focus = state.reader.as_ref().and_then(|r| r.focus.as_ref());
    state.search.matches.as_ref().map_or_else(String::new, |m| m.counter(focus))
}

pub fn status(state: &AppState) -> &str {
    state.status.as_ref().map_or("", |s| s.text.as_str())
}

fn claims(state: &AppState) -> usize {
    state.notes.session.store().articles.values().map(|r| r.claims.len()).sum()
}

/// One article about Japan in three cases, with names after accents, CJK and emoji.
pub fn japan() -> AppState {
    let text = "Japan talks\n\nJapan met Korea. Nothing here. The japan desk said JAPAN.\n\n\
                Café Tōkyō: 東京で会談 😀 Japan again.\n";
    app_with(vec![Article::from_text(Origin::Embedded("japan.txt"), text)])
}

#[test]
fn slash_japan_searches_and_runs_no_commands() {
    let mut state = app();
    press(&mut state, "enter");
    press(&mut state, "/");
    assert!(matches!(state.popup, Some(Popup::Search(_))));
    type_text(&mut state, "Japan");
    assert!(matches!(state.popup, Some(Popup::Search(_))), "still typing, no note editor");
    assert_eq!(claims(&state), 0, "`a` and `n` typed, not acted on");
    assert_eq!(matches(&state).len(), 19);
    assert!(matches(&state).iter().all(|m| *m == "Japan"));
    assert_eq!(focused(&state), Some("Japan"), "the cursor is on the first match");
}

#[test]
fn smart_case_lowercase_finds_every_case_and_a_capital_only_its_own() {
    let mut state = japan();
    press(&mut state, "enter /");
    type_text(&mut state, "japan");
    assert_eq!(matches(&state), ["Japan", "Japan", "japan", "JAPAN", "Japan"]);
    press(&mut state, "ctrl-u");
    type_text(&mut state, "Japan");
    assert_eq!(matches(&state), ["Japan", "Japan", "Japan"]);
}

#[test]
fn enter_keeps_the_matches_and_n_and_shift_n_move_with_a_counter() {
    let mut state = japan();
    press(&mut state, "enter j /");
    type_text(&mut state, "japan");
    assert_eq!(cursor(&state), 1, "the first match from where the search began");
    press(&mut state, "enter");
    assert!(state.popup.is_none());
    assert_eq!(counter(&state), "2/5");
    press(&mut state, "n");
    assert_eq!((counter(&state), focused(&state)), ("3/5".to_owned(), Some("japan")));
    press(&mut state, "n n");
    assert_eq!((counter(&state).as_str(), status(&state)), ("5/5", ""));
    press(&mut state, "n");
    assert_eq!((counter(&state).as_str(), status(&state)), ("1/5", "search went on from the top"));
    assert_eq!(cursor(&state), 0);
    press(&mut state, "N");
    assert_eq!((counter(&state).as_str(), status(&state)), ("5/5", "search went on from the bottom"));
    press(&mut state, "j");
    assert_eq!(counter(&state), "5 matches", "off the matches");
    // A tag key now tags the sentence of the match: the search left the keys to the reader.
    press(&mut state, "1");
    assert_eq!(claims(&state), 1);
}

#[test]
fn n_without_a_search_says_how_to_search() {
    let mut state = japan();
    press(&mut state, "enter n");
    assert_eq!(status(&state), "no search to repeat: / searches the article");
}

#[test]
fn esc_in_the_line_clears_and_goes_back_to_where_the_search_began() {
    let mut state = japan();
    press(&mut state, "enter j j");
    let before = cursor(&state);
    press(&mut state, "/");
    type_text(&mut state, "korea");
    assert_ne!(focused(&state), None);
    press(&mut state, "esc");
    assert!(state.popup.is_none() && state.search.matches.is_none());
    assert_eq!((cursor(&state), focused(&state)), (before, None));
    assert_eq!(state.focus, Focus::Reader);
}

#[test]
fn esc_in_the_reader_drops_the_focus_then_the_matches_then_goes_to_the_list() {
    let mut state = japan();
    press(&mut state, "enter /");
    type_text(&mut state, "japan");
    press(&mut state, "enter esc");
    assert_eq!((focused(&state), matches(&state).len()), (None, 5));
    press(&mut state, "esc");
    assert!(state.search.matches.is_none());
    assert_eq!(state.focus, Focus::Reader);
    press(&mut state, "esc");
    assert_eq!(state.focus, Focus::List);
}

#[test]
fn no_match_says_so_and_goes_back() {
    let mut state = japan();
    press(&mut state, "enter j /");
    type_text(&mut state, "xyzzy");
    assert_eq!((cursor(&state), focused(&state)), (1, None));
    press(&mut state, "enter");
    assert!(state.popup.is_none() && state.search.matches.is_none());
    assert_eq!(status(&state), "no match for /xyzzy");
    assert!(state.status.as_ref().unwrap().is_error);
}

#[test]
fn regex_mode_and_a_bad_pattern() {
    let mut state = japan();
    press(&mut state, "enter / ctrl-r");
    type_text(&mut state, r"j\w+n ");
    assert_eq!(matches(&state), ["Japan ", "Japan ", "japan ", "Japan "]);
    press(&mut state, "ctrl-u");
    type_text(&mut state, "(korea");
    let Some(Popup::Search(line)) = &state.popup else { panic!("the line stays open") };
    assert_eq!(line.input.error.as_deref(), Some("unclosed group (at character 1)"));
    assert!(state.search.matches.is_none());
    press(&mut state, "enter");
    assert!(matches!(state.popup, Some(Popup::Search(_))), "enter waits for a pattern that works");
    press(&mut state, "backspace ctrl-w");
    type_text(&mut state, "kor.a");
    assert_eq!(matches(&state), ["Korea"]);
    press(&mut state, "ctrl-r");
    assert!(matches(&state).is_empty(), "as plain text, `.` is a dot");
    press(&mut state, "enter /");
    let Some(Popup::Search(line)) = &state.popup else { panic!() };
    assert_eq!(line.input.mode, gloss_core::search::Mode::Plain, "the next search starts in the last mode");
}

#[test]
fn matches_follow_the_reader_to_the_next_article() {
    let mut state = app();
    press(&mut state, "enter /");
    type_text(&mut state, "Kishida");
    press(&mut state, "enter");
    assert_eq!(matches(&state).len(), 4);
    press(&mut state, "esc esc esc j enter");
    assert!(state.search.matches.is_none(), "esc cleared them");
    press(&mut state, "/");
    type_text(&mut state, "Kishida");
    press(&mut state, "enter tab j tab");
    assert_eq!(state.current_article().unwrap().origin().file_name(), "002_acb96b68d56a8566.txt");
    assert!(matches(&state).is_empty());
    press(&mut state, "tab j tab");
    assert_eq!(matches(&state).len(), 7);
}

#[test]
fn a_pasted_query_is_one_line() {
    let mut state = japan();
    press(&mut state, "enter /");
    deliver(&mut state, Msg::Paste("met\nKorea\n".into()));
    assert_eq!(matches(&state), ["met Korea"]);
}
