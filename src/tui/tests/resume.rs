//! Reopening where the user left: the order, the list's width and the place, per corpus.

use super::{app_with, deliver, press};
use crate::tui::update::snapshot;
use crate::tui::{AppState, Focus, Memory, Msg, remember};
use gloss_core::corpus::{Article, Origin, SEEDS};
use gloss_core::listing::Sort;

/// The seeds read in by an app that remembers in `data`.
fn app_remembering(data: &std::path::Path) -> AppState {
    let mut state = app_with(Vec::new());
    let (memory, problem) = Memory::open(data, &[]);
    assert_eq!(problem, None);
    remember(&mut state, memory);
    let articles: Vec<Article> =
        SEEDS.iter().map(|&(name, text)| Article::from_text(Origin::Embedded(name), text)).collect();
    deliver(&mut state, Msg::Loaded { articles, problems: Vec::new(), expected: SEEDS.len() });
    deliver(&mut state, Msg::LoadFinished);
    state
}

fn quit(state: &AppState) {
    state.memory.as_ref().unwrap().save(&snapshot(state).unwrap()).unwrap();
}

#[test]
fn gloss_reopens_sorted_as_it_was_at_the_article_and_sentence_left() {
    let data = tempfile::tempdir().unwrap();
    let mut state = app_remembering(data.path());
    press(&mut state, "s j enter > > j enter j j j");
    let (article, width) = (state.reader.as_ref().unwrap().article, state.list_width);
    assert_eq!(state.articles[article].origin().file_name()[..3], *"003", "second by date");
    quit(&state);

    let again = app_remembering(data.path());
    assert_eq!((again.listing.sort, again.list_width), (Sort::Date, width));
    let reader = again.reader.as_ref().unwrap();
    assert_eq!((reader.article, reader.place.cursor, again.focus), (article, 3, Focus::Reader));
    assert_eq!(again.list.selected, 1);
}

#[test]
fn a_key_before_the_article_arrives_wins() {
    let data = tempfile::tempdir().unwrap();
    let mut state = app_remembering(data.path());
    press(&mut state, "G enter j");
    quit(&state);
    let mut again = app_with(Vec::new());
    remember(&mut again, Memory::open(data.path(), &[]).0);
    press(&mut again, "j");
    let articles: Vec<Article> =
        SEEDS.iter().map(|&(name, text)| Article::from_text(Origin::Embedded(name), text)).collect();
    deliver(&mut again, Msg::Loaded { articles, problems: Vec::new(), expected: SEEDS.len() });
    assert_eq!(again.reader.as_ref().unwrap().article, 0, "not yanked to the last article");
}
