//! Key-sequence tests for names: walking them, the panel, filtering by one, and correcting the
//! gazetteer.

use super::{app, app_with, deliver, press};
use crate::tui::{AppState, Focus, Msg, Popup};
use gloss_core::corpus::{Article, Origin};
use gloss_core::entities::Kind;

fn focused_text(state: &AppState) -> String {
    let reader = state.reader.as_ref().unwrap();
    let span = reader.focus.clone().expect("a focused word");
    state.current_article().unwrap().text()[span].to_owned()
}

fn mention_texts(state: &AppState) -> Vec<String> {
    let reader = state.reader.as_ref().unwrap();
    let text = state.current_article().unwrap().text();
    reader.mentions.iter().map(|m| text[m.span.clone()].to_owned()).collect()
}

#[test]
fn e_and_shift_e_walk_the_names() {
    let mut state = app();
    press(&mut state, "enter e");
    assert_eq!(focused_text(&state), "Fumio Kishida");
    press(&mut state, "e e");
    assert_eq!(focused_text(&state), "Russian");
    press(&mut state, "E");
    assert_eq!(focused_text(&state), "DPRK");
    // The sentence cursor follows the name.
    assert_eq!(state.reader.as_ref().unwrap().place.cursor, 0);
    // From the end, backwards: the last name; forwards: round to the first.
    press(&mut state, "G E");
    let last = state.reader.as_ref().unwrap().mentions.last().unwrap().span.clone();
    assert_eq!(state.reader.as_ref().unwrap().focus, Some(last));
    press(&mut state, "e");
    assert_eq!(focused_text(&state), "Fumio Kishida");
    assert_eq!(state.status.as_ref().unwrap().text, "Fumio Kishida · PERSON (people) (back to the first name)");
}

#[test]
fn words_can_be_walked_and_esc_lets_go() {
    let mut state = app();
    press(&mut state, "enter j j l l");
    assert_eq!(focused_text(&state), "a");
    press(&mut state, "h");
    assert_eq!(focused_text(&state), "At");
    press(&mut state, "esc");
    assert!(state.reader.as_ref().unwrap().focus.is_none());
    assert_eq!(state.focus, Focus::Reader);
    press(&mut state, "esc");
    assert_eq!(state.focus, Focus::List);
}

#[test]
fn highlighting_toggles() {
    let mut state = app();
    press(&mut state, "enter H");
    assert!(!state.names.highlights);
    press(&mut state, "H");
    assert!(state.names.highlights);
}

#[test]
fn the_entity_panel_lists_by_kind_and_jumps_through_mentions() {
    let mut state = app();
    press(&mut state, "enter p");
    let Some(Popup::Entities(panel)) = &state.popup else { panic!("no panel") };
    assert_eq!(panel.entities[0].kind, Kind::Person);
    let kishida = panel.entities.iter().position(|e| &*e.canonical == "Fumio Kishida").unwrap();
    let mentions = panel.entities[kishida].mentions.len();
    assert!(mentions >= 3);
    for _ in 0..kishida {
        press(&mut state, "j");
    }
    press(&mut state, "enter");
    assert_eq!(focused_text(&state), "Fumio Kishida");
    let first = state.reader.as_ref().unwrap().focus.clone();
    press(&mut state, "enter");
    assert_ne!(state.reader.as_ref().unwrap().focus, first);
    assert!(state.status.as_ref().unwrap().text.contains("mention 2 of"));
}

#[test]
fn filtering_the_list_by_kishida() {
    let mut state = app();
    press(&mut state, "enter e p f");
    let entity = state.listing.filters.entity.as_ref().expect("an entity filter");
    assert_eq!(&*entity.1, "Fumio Kishida");
    let files: Vec<String> = state.shown_articles().iter().map(|&i| state.articles[i].origin().file_name()).collect();
    assert_eq!(files, ["000_a7678b54e883ccb6.txt", "001_83b17aba16443aae.txt", "003_12e60f9c685f900f.txt"]);
    assert_eq!(state.focus, Focus::List);
    press(&mut state, "j");
    assert_eq!(state.current_article().unwrap().origin().file_name(), "001_83b17aba16443aae.txt");
    press(&mut state, "esc");
    assert!(state.listing.filters.is_empty());
    assert_eq!(state.current_article().unwrap().origin().file_name(), "001_83b17aba16443aae.txt");
}

fn zorbia() -> AppState {
    let article = Article::from_text(
        Origin::Embedded("z.txt"),
        "Talks in Zorbia\n\nThe Zorbian delegation met Mr. Kim in Seoul. Zorbian officials said little.\n",
    );
    let mut state = app_with(vec![article]);
    let dir = tempfile::tempdir().unwrap();
    state.names.user_path = Some(dir.path().join("user_gazetteer.ron"));
    std::mem::forget(dir);
    state
}

#[test]
fn adding_a_missing_name_applies_everywhere_and_is_saved() {
    let mut state = zorbia();
    assert!(!mention_texts(&state).contains(&"Zorbian".to_owned()));
    // To "Zorbian" in the second sentence: l l → "The", "Zorbian".
    press(&mut state, "enter j l l");
    assert_eq!(focused_text(&state), "Zorbian");
    press(&mut state, "+");
    assert!(matches!(state.popup, Some(Popup::Choice(_))));
    press(&mut state, "j j j j enter");
    let texts = mention_texts(&state);
    assert_eq!(texts.iter().filter(|t| *t == "Zorbian").count(), 2, "{texts:?}");
    let saved = std::fs::read_to_string(state.names.user_path.as_ref().unwrap()).unwrap();
    assert!(saved.contains("(\"Zorbian\", NORP, [])"), "{saved}");
}

#[test]
fn a_selection_adds_several_words() {
    let mut state = zorbia();
    press(&mut state, "enter l v l l + j j enter");
    assert!(mention_texts(&state).contains(&"Talks in Zorbia".to_owned()), "{:?}", mention_texts(&state));
}

#[test]
fn marking_a_highlight_wrong_removes_it_everywhere() {
    let mut state = zorbia();
    assert!(mention_texts(&state).contains(&"Seoul".to_owned()));
    press(&mut state, "enter e e");
    assert_eq!(focused_text(&state), "Seoul");
    press(&mut state, "-");
    assert!(!mention_texts(&state).contains(&"Seoul".to_owned()));
    assert_eq!(state.notes.session.names().rejected, ["Seoul"]);
}

#[test]
fn an_alias_joins_a_known_entity() {
    let mut state = zorbia();
    press(&mut state, "enter l l l");
    assert_eq!(focused_text(&state), "Zorbia");
    press(&mut state, "=");
    assert_eq!(state.context(), crate::keymap::Context::Dialog);
    for c in "Seoul".chars() {
        press(&mut state, &c.to_string());
    }
    press(&mut state, "enter");
    let reader = state.reader.as_ref().unwrap();
    let zorbia = reader.mentions.iter().find(|m| m.span.start == reader.focus.clone().unwrap().start).unwrap();
    assert_eq!((&*zorbia.canonical, zorbia.kind), ("Seoul", Kind::Gpe));
}

#[test]
fn names_arrive_after_the_first_screen() {
    let keymap = crate::tui::load_keymap(None).unwrap();
    let mut state = AppState::new(
        keymap,
        crate::tui::Theme::plain(),
        ratatui::layout::Rect::new(0, 0, 100, 30),
        gloss_core::annotations::Vocabulary::built_in().unwrap(),
    );
    let article = Article::from_text(Origin::Embedded("a.txt"), "Japan and Korea\n\nText.");
    deliver(&mut state, Msg::Loaded { articles: vec![article], problems: Vec::new(), expected: 1 });
    assert!(state.reader.as_ref().unwrap().mentions.is_empty());
    press(&mut state, "enter e");
    assert!(state.status.as_ref().unwrap().text.contains("still reading"));
}

#[test]
fn u_undoes_a_correction_to_the_names_and_ctrl_r_redoes_it() {
    let mut state = zorbia();
    press(&mut state, "enter e e -");
    assert!(!mention_texts(&state).contains(&"Seoul".to_owned()));
    press(&mut state, "u");
    assert_eq!(state.status.as_ref().unwrap().text, "undid: “Seoul” marked not a name");
    assert!(mention_texts(&state).contains(&"Seoul".to_owned()));
    let saved = std::fs::read_to_string(state.names.user_path.as_ref().unwrap()).unwrap();
    assert!(!saved.contains("Seoul"), "{saved}");
    press(&mut state, "ctrl-r");
    assert!(!mention_texts(&state).contains(&"Seoul".to_owned()));
    assert_eq!(state.notes.session.names().rejected, ["Seoul"]);
}

#[test]
fn e_says_which_name_and_kind_the_cursor_is_on() {
    let mut state = app();
    press(&mut state, "enter e");
    assert_eq!(state.status.as_ref().unwrap().text, "Fumio Kishida · PERSON (people)");
    press(&mut state, "e e");
    assert_eq!(state.status.as_ref().unwrap().text, "Russian · NORP (nationalities and groups)");
    press(&mut state, "g E");
    assert!(state.status.as_ref().unwrap().text.ends_with("(on to the last name)"));
}
