//! Nothing is lost: notes on articles without a record, the status bar's word on the disk,
//! a write that fails and then works, an outside change merged, a read-only gloss taking
//! over, undo after a name correction — each through the keys, with the store on disk.

use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::claims::{app_with_store_at, on_disk};
use super::{deliver, finish, keeper, press, type_text};
use crate::tui::{AppState, Effect, Msg, SaveState, update, view};
use gloss_core::annotations::durable::Report;
use gloss_core::annotations::{ArticleRecord, Store, open_store, take_over};
use gloss_core::corpus::{Article, Origin, SEEDS};

fn seeds() -> Vec<Article> {
    SEEDS.iter().map(|&(name, text)| Article::from_text(Origin::Embedded(name), text)).collect()
}

fn fresh() -> (AppState, std::path::PathBuf) {
    let path = tempfile::tempdir().unwrap().keep().join("annotations.ron");
    (app_with_store_at(&path, seeds()), path)
}

/// The status bar's last row as text.
fn status_row(state: &AppState) -> String {
    let mut terminal = Terminal::new(TestBackend::new(state.screen.width, state.screen.height)).unwrap();
    terminal.draw(|frame| view(state, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let last = buffer.area.height - 1;
    (0..buffer.area.width).map(|x| buffer[(x, last)].symbol().to_owned()).collect::<String>().trim_end().to_owned()
}

#[test]
fn an_article_note_on_an_article_without_a_record_survives_a_restart() {
    let (mut state, path) = fresh();
    // `tab` only previews the first article: it gets no record (not even "read").
    press(&mut state, "tab");
    assert!(state.notes.record(0).is_none());
    press(&mut state, "A");
    type_text(&mut state, "Sourced from one wire.");
    press(&mut state, "esc");
    assert_eq!(state.status.as_ref().unwrap().text, "article note saved");
    finish(state);
    let again = app_with_store_at(&path, seeds());
    assert_eq!(again.notes.record(0).unwrap().note, "Sourced from one wire.");
}

#[test]
fn the_status_bar_says_when_an_edit_is_on_disk_and_only_changed_records_travel() {
    let (mut state, path) = fresh();
    press(&mut state, "enter");
    assert!(status_row(&state).ends_with(" saved"), "{}", status_row(&state));
    press(&mut state, "j");
    let effects = update(&mut state, Msg::Key("1".parse().unwrap()));
    assert_eq!(state.notes.save, SaveState::Pending);
    assert!(status_row(&state).ends_with("not yet on disk"), "{}", status_row(&state));
    let [Effect::Record { records, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(records.len(), 1, "the changed record, never the whole store");
    for effect in effects {
        crate::tui::run_now(effect, &mut |_| {});
    }
    let screen = state.screen;
    deliver(&mut state, Msg::Resize(screen));
    assert_eq!(state.notes.save, SaveState::Saved);
    assert!(status_row(&state).ends_with(" saved"), "{}", status_row(&state));
    assert_eq!(on_disk(&path).articles.values().next().unwrap().claims.len(), 1, "in the journal already");
}

#[test]
fn not_saved_leaves_the_status_line_once_a_retry_succeeds() {
    let (mut state, _) = fresh();
    press(&mut state, "enter j 1");
    deliver(&mut state, Msg::Store(Report::Failed("cannot write the journal: disk full".into())));
    assert!(state.status.as_ref().unwrap().text.starts_with("not saved: cannot write the journal"));
    assert!(status_row(&state).ends_with("not saved"));
    let sent = state.notes.sent;
    deliver(&mut state, Msg::Store(Report::Durable(sent)));
    assert_eq!(state.status.as_ref().unwrap().text, "saved: your changes are on disk again");
    assert!(!status_row(&state).contains("not saved"));
}

#[test]
fn a_store_edited_elsewhere_while_gloss_runs_keeps_both_changes() {
    let (mut state, path) = fresh();
    press(&mut state, "enter j 1");
    // Someone writes the store file meanwhile (an editor, git pull).
    let mut theirs = Store::default();
    let mut record = ArticleRecord::for_article(&state.articles[3]);
    record.note = "written by hand".into();
    theirs.articles.insert("handmade0001".into(), record);
    theirs.save(&path).unwrap();
    press(&mut state, "j j 2");
    finish(state);
    let store = Store::load(&path).unwrap();
    assert_eq!(store.articles["handmade0001"].note, "written by hand");
    let ours = store.articles.values().find(|r| r.file == SEEDS[0].0).unwrap();
    assert_eq!(ours.claims.len(), 2);
}

#[test]
fn a_read_only_gloss_takes_over_when_the_first_quits() {
    let (mut first, path) = fresh();
    press(&mut first, "enter j 1");
    let second = open_store(Some(&path), false).unwrap();
    assert!(second.read_only.as_deref().unwrap().contains("another gloss"));
    let real = second.wait_for.clone().unwrap();
    let waiting = std::thread::spawn(move || take_over(&real).unwrap());
    std::thread::sleep(Duration::from_millis(50));
    assert!(!waiting.is_finished(), "waits while the first holds the store");
    finish(first);
    let opened = waiting.join().unwrap();
    let mut state = app_with_store_at(&tempfile::tempdir().unwrap().keep().join("other.ron"), seeds());
    state.notes.session.set_read_only(Some("another gloss is using it".into()));
    let took =
        crate::tui::TookOver { store: opened.store, keeper: keeper(opened.durable.unwrap()), notices: opened.notices };
    deliver(&mut state, Msg::TookOver(Box::new(took)));
    assert!(state.status.as_ref().unwrap().text.starts_with("the other gloss has quit"));
    assert_eq!(state.notes.record(0).unwrap().claims.len(), 1, "the first one's edit is there");
    press(&mut state, "enter j j 2");
    assert_eq!(state.notes.save, SaveState::Saved);
    finish(state);
    assert_eq!(Store::load(&path).unwrap().articles.values().next().unwrap().claims.len(), 2);
}

#[test]
fn undo_after_a_name_correction_undoes_that_and_says_so() {
    let (mut state, path) = fresh();
    press(&mut state, "enter A");
    type_text(&mut state, "older note");
    press(&mut state, "esc e");
    let name =
        state.current_article().unwrap().text()[state.reader.as_ref().unwrap().focus.clone().unwrap()].to_owned();
    press(&mut state, "-");
    press(&mut state, "u");
    let status = state.status.as_ref().unwrap().text.clone();
    assert!(status.starts_with(&format!("undid: “{name}” marked not a name")), "{status}");
    assert!(state.notes.session.names().rejected.is_empty());
    assert_eq!(on_disk(&path).articles.values().next().unwrap().note, "older note", "the older note stays");
}
