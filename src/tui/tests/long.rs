//! A long article: shown at once from its first part, prepared in the background, its names
//! taken from the indexer, and the keys answered all along.

use super::{app_with, deliver, press, run_with};
use crate::keymap::Chord;
use crate::tui::reader::SYNC_LIMIT;
use crate::tui::{AppState, Effect, Msg, update};
use gloss_core::corpus::{Article, Origin};

/// A short article, then one of about 200 KB whose paragraphs name places and people.
fn corpus() -> Vec<Article> {
    let mut long = String::from("The long one\n\nMondo International Updated on 2024-02-04\n\n");
    for i in 0..2_500 {
        let paragraph =
            format!("Paragraph {i} says Japan and Korea met. Fumio Kishida spoke in Seoul on day {i}. Then it ended.");
        long.push_str(&paragraph);
        long.push_str("\n\n");
    }
    assert!(long.len() > 3 * SYNC_LIMIT);
    vec![
        Article::from_text(Origin::Embedded("short.txt"), "Short\n\nOne sentence. Two sentences."),
        Article::from_text(Origin::Embedded("long.txt"), &long),
    ]
}

/// Applies a key through `update` alone, keeping the effects it asks for instead of running
/// them: what the screen shows before the background answers.
fn key_alone(state: &mut AppState, key: &str) -> Vec<Effect> {
    update(state, Msg::Key(key.parse::<Chord>().unwrap()))
}

/// Runs effects as the event loop's threads would, delivering what they produce.
fn finish(state: &mut AppState, effects: Vec<Effect>) {
    for effect in effects {
        let mut produced = Vec::new();
        run_with(effect, &mut |msg| produced.push(msg));
        for msg in produced {
            deliver(state, msg);
        }
    }
}

fn cursor_text(state: &AppState) -> String {
    let article = state.current_article().unwrap();
    let reader = state.reader.as_ref().unwrap();
    article.text()[reader.sentences(article)[reader.place.cursor].clone()].to_owned()
}

#[test]
fn a_long_article_shows_its_first_part_at_once_and_the_rest_when_prepared() {
    // Fresh articles, so that the indexer has not segmented the long one yet.
    let mut state = app_with(corpus());
    state.articles[1] = std::sync::Arc::new(corpus().remove(1));
    state.names.found.clear();

    let effects = key_alone(&mut state, "j");
    assert!(effects.iter().any(|e| matches!(e, Effect::Prepare(_))), "{effects:?}");
    let article = state.current_article().unwrap().clone();
    assert!(article.structure_if_ready().is_none(), "the UI thread did not segment the whole article");
    let reader = state.reader.as_ref().unwrap();
    assert!(reader.preparing() && !reader.wrapped.lines.is_empty());
    let shown = reader.sentences(&article).len();
    assert!(shown > 10, "{shown} sentences in the first part");

    // The keys move through the first part meanwhile.
    for key in ["enter", "j", "j", "j", "j", "j"] {
        assert!(key_alone(&mut state, key).is_empty());
    }
    assert_eq!(cursor_text(&state), "Paragraph 1 says Japan and Korea met.");

    finish(&mut state, effects);
    let reader = state.reader.as_ref().unwrap();
    assert!(!reader.preparing());
    assert_eq!(reader.sentences(&article).len(), article.sentences().len());
    assert!(article.sentences().len() > 3 * shown, "only the first part was shown");
    assert_eq!(cursor_text(&state), "Paragraph 1 says Japan and Korea met.", "the cursor kept its sentence");
    assert!(reader.mentions.len() > 7_500, "{} names", reader.mentions.len());
    press(&mut state, "G");
    assert_eq!(cursor_text(&state), "Then it ended.");
}

#[test]
fn the_reader_takes_a_long_articles_names_from_the_indexer() {
    let mut state = app_with(corpus());
    assert!(state.names.found.contains_key(&1), "the indexer kept the long article's names");
    let effects = key_alone(&mut state, "j");
    let Some(Effect::Prepare(preparation)) = effects.iter().find(|e| matches!(e, Effect::Prepare(_))) else {
        panic!("{effects:?}")
    };
    assert!(preparation.recognize.is_none(), "not recognised again");
    assert!(!state.reader.as_ref().unwrap().mentions.is_empty());
}

#[test]
fn words_back_from_the_end_of_a_long_article() {
    let mut state = app_with(corpus());
    press(&mut state, "j enter G l l");
    assert_eq!(focus(&state), "it");
    press(&mut state, "h h");
    assert_eq!(focus(&state), "2499");
}

fn focus(state: &AppState) -> String {
    let reader = state.reader.as_ref().unwrap();
    state.current_article().unwrap().text()[reader.focus.clone().unwrap()].to_owned()
}

#[test]
fn a_place_beyond_the_first_part_is_reached_once_the_whole_is_ready() {
    let mut state = app_with(corpus());
    state.articles[1] = std::sync::Arc::new(corpus().remove(1));
    state.names.found.clear();
    let effects = key_alone(&mut state, "j");
    let article = state.current_article().unwrap().clone();
    let far = article.text().find("Paragraph 2000 ").unwrap();
    state.reader.as_mut().unwrap().put_cursor_at(&article, far);
    finish(&mut state, effects);
    assert_eq!(cursor_text(&state), "Paragraph 2000 says Japan and Korea met.");
}
