//! Searching every article by key sequence: `ctrl-f`, typing, hits streaming in, cancelling,
//! opening a hit.

use std::sync::atomic::Ordering;

use super::search::{screen, status};
use super::{app, app_with, deliver, press, type_text};
use crate::tui::{Effect, Focus, Msg, Popup, update};
use gloss_core::corpus::{Article, Origin};
use gloss_core::search::Field;

#[test]
fn ctrl_f_lists_hits_across_the_corpus_and_enter_opens_the_third() {
    let mut state = app();
    press(&mut state, "ctrl-f");
    assert!(matches!(state.popup, Some(Popup::Corpus(_))));
    type_text(&mut state, "Kishida");
    let Some(Popup::Corpus(panel)) = &state.popup else { panic!() };
    assert_eq!(panel.hits.len(), 16);
    assert_eq!(panel.articles, 3);
    assert!(panel.progress.unwrap().done);
    let hit = panel.hits[2].clone();
    assert_eq!(hit.article, 0);
    press(&mut state, "down down enter");
    assert!(state.popup.is_none());
    assert_eq!(state.focus, Focus::Reader);
    let reader = state.reader.as_ref().unwrap();
    assert_eq!(reader.article, 0);
    assert_eq!(reader.focus, Some(hit.span.clone()));
    assert_eq!(hit.field, Field::Text { headline: false });
    let sentence = &state.articles[0].sentences()[reader.place.cursor];
    assert_eq!(&state.articles[0].text()[sentence.clone()], hit.context.text, "the cursor on the hit's sentence");
    assert_eq!(state.jumps.places().len(), 1, "a jump, to come back from");
    assert_eq!(state.jumps.places()[0].article, 0);
}

#[test]
fn ctrl_f_works_from_the_reader_and_remembers_the_query() {
    let mut state = app();
    press(&mut state, "enter ctrl-f");
    type_text(&mut state, "rudenko");
    press(&mut state, "esc");
    assert!(state.popup.is_none() && state.search.running.is_none());
    press(&mut state, "ctrl-f");
    let Some(Popup::Corpus(panel)) = &state.popup else { panic!() };
    assert_eq!(panel.input.text, "rudenko");
    assert!(!panel.hits.is_empty(), "searched again on opening");
}

#[test]
fn notes_are_searched_and_a_note_hit_opens_its_article() {
    let mut state = app();
    press(&mut state, "j j enter j a");
    type_text(&mut state, "Ask the embassy about zygote figures.");
    press(&mut state, "esc");
    press(&mut state, "esc esc g ctrl-f");
    type_text(&mut state, "zygote");
    let Some(Popup::Corpus(panel)) = &state.popup else { panic!() };
    assert_eq!(panel.hits.len(), 1);
    assert!(matches!(panel.hits[0].field, Field::ClaimNote { .. }));
    press(&mut state, "enter");
    let reader = state.reader.as_ref().unwrap();
    assert_eq!((reader.article, reader.place.cursor), (2, 1), "at the claim the note is on");
    assert_eq!(status(&state), "the hit is in the note on this claim");
}

#[test]
fn a_bad_regex_in_the_corpus_search_says_what_is_wrong() {
    let mut state = app();
    press(&mut state, "ctrl-f ctrl-r");
    type_text(&mut state, "[Kish");
    let Some(Popup::Corpus(panel)) = &state.popup else { panic!() };
    assert_eq!(panel.input.error.as_deref(), Some("unclosed character class (at character 1)"));
    assert!(panel.hits.is_empty() && panel.progress.is_none());
    assert!(screen(&state).contains("unclosed character class (at character 1)"));
}

/// Each keystroke's search replaces the last: the old one is told to stop, and what it still
/// sends is ignored.
#[test]
fn a_new_keystroke_cancels_the_old_search() {
    let mut state = app();
    press(&mut state, "ctrl-f");
    let first = update(&mut state, Msg::Key("k".parse().unwrap()));
    let [Effect::SearchCorpus(old)] = first.as_slice() else { panic!("{first:?}") };
    assert!(!old.cancel.load(Ordering::Relaxed));
    let second = update(&mut state, Msg::Key("c".parse().unwrap()));
    let [Effect::SearchCorpus(new)] = second.as_slice() else { panic!("{second:?}") };
    assert!(old.cancel.load(Ordering::Relaxed), "the old search is told to stop");
    assert!(!new.cancel.load(Ordering::Relaxed));

    let mut late = Vec::new();
    old.streamer.run(&std::sync::atomic::AtomicBool::new(false), &mut |batch| {
        late.push(batch);
        std::ops::ControlFlow::Continue(())
    });
    for batch in late {
        deliver(&mut state, Msg::SearchHits { generation: old.generation, batch });
    }
    let Some(Popup::Corpus(panel)) = &state.popup else { panic!() };
    assert!(panel.hits.is_empty() && panel.progress.is_some_and(|p| !p.done), "stale hits ignored");
}

/// Ten thousand articles: the first batch of hits is listed before the search is done.
#[test]
fn hits_show_while_a_big_corpus_is_still_being_searched() {
    let articles: Vec<Article> = (0..10_000)
        .map(|i| {
            let text = format!("Report {i}\n\nOfficials met in Seoul on day {i}. Kishida spoke of talks {i}.\n");
            Article::from_text(Origin::Embedded("many.txt"), &text)
        })
        .collect();
    let mut state = app_with(articles);
    press(&mut state, "ctrl-f");
    let effects = update(&mut state, Msg::Key("k".parse().unwrap()));
    let [Effect::SearchCorpus(job)] = effects.as_slice() else { panic!("{effects:?}") };
    let mut seen_before_done = false;
    job.run(&mut |msg| {
        update(&mut state, msg);
        let Some(Popup::Corpus(panel)) = &state.popup else { return };
        if !panel.hits.is_empty() && !panel.progress.unwrap().done {
            seen_before_done = true;
            // Typing on: this search is no longer wanted.
            job.cancel.store(true, Ordering::Relaxed);
        }
    });
    assert!(seen_before_done, "the first hits are listed while the search goes on");
}

#[test]
fn corpus_results_snapshot() {
    let mut state = app();
    press(&mut state, "ctrl-f");
    type_text(&mut state, "Kishida");
    press(&mut state, "down down");
    insta::assert_snapshot!(screen(&state));
}
