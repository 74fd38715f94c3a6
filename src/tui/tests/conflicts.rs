//! Conflicts in the claims panel: shown beside the claims, settled with the live keymap's
//! keys (keep the value, or take the other), undone saying what was undone, and on disk.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::claims::{app_with_store_at, on_disk};
use super::{finish, press};
use crate::tui::{AppState, Popup, view};
use gloss_core::annotations::conflict::{Conflict, Value};
use gloss_core::annotations::durable::Absorb;
use gloss_core::corpus::{Article, Origin, SEEDS};

/// The second seed open, a claim with note "mine" on its second sentence; then a merge
/// brings "theirs" for that note and "there" for the article's note, which is "here".
fn app_with_conflicts() -> (AppState, std::path::PathBuf) {
    let path = tempfile::tempdir().unwrap().keep().join("annotations.ron");
    let seeds = SEEDS.iter().map(|&(name, text)| Article::from_text(Origin::Embedded(name), text)).collect();
    let mut state = app_with_store_at(&path, seeds);
    press(&mut state, "j enter j a");
    super::type_text(&mut state, "mine");
    press(&mut state, "esc A");
    super::type_text(&mut state, "here");
    press(&mut state, "esc");
    let session = &mut state.notes.session;
    let id = session.id(1).unwrap().to_owned();
    let expected = session.store().articles[&id].clone();
    let mut merged = expected.clone();
    merged.conflicts = vec![
        Conflict { claim: None, field: "note".into(), other_values: vec![Value::Text(THERE.into())] },
        Conflict {
            claim: Some(merged.claims[0].id.clone()),
            field: "note".into(),
            other_values: vec![Value::Text("theirs".into())],
        },
    ];
    session.absorb(vec![Absorb { id, expected: Some(expected), merged: Some(merged) }]);
    (state, path)
}

/// The other article note: longer than the panel is wide, so it wraps.
const THERE: &str = "there, as two officials confirmed on Tuesday evening";

fn status(state: &AppState) -> &str {
    &state.status.as_ref().unwrap().text
}

fn screen(state: &AppState) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|frame| view(state, frame)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let rows = buffer.content.chunks(100).map(|row| row.iter().map(ratatui::buffer::Cell::symbol).collect::<String>());
    rows.collect::<Vec<_>>().join("\n")
}

#[test]
fn the_claims_panel_shows_conflicts_side_by_side() {
    let (mut state, _path) = app_with_conflicts();
    let reader = screen(&state);
    assert!(reader.contains(" ≠ 2 conflicts: c settles "), "{reader}");
    assert!(reader.contains("┃▌ ≠been in the global spotlight"), "the gutter marks the claim:\n{reader}");
    press(&mut state, "tab");
    let list = screen(&state);
    assert!(list.contains("▌≠ 2 conflicts · 488 words"), "the list marks the article:\n{list}");
    press(&mut state, "tab c");
    let shown = screen(&state);
    let panel: Vec<String> = shown.lines().map(|l| l.split('┃').nth(1).unwrap_or("").trim_end().to_owned()).collect();
    let at = panel.iter().position(|l| l == "› ≠ article note differs").unwrap_or_else(|| panic!("{shown}"));
    assert_eq!(
        panel[at + 1..at + 5],
        [
            "    kept  “here”",
            "    other “there, as two officials",
            "          confirmed on Tuesday",
            "          evening”"
        ]
    );
    let at = panel.iter().position(|l| l == "    ≠ note differs").unwrap_or_else(|| panic!("{shown}"));
    assert_eq!(panel[at + 1..at + 3], ["      kept  “mine”", "      other “theirs”"]);
    assert!(shown.contains("h/l settle"), "hints from the live keymap:\n{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn keys_settle_conflicts_and_undo_says_what_it_undid() {
    let (mut state, path) = app_with_conflicts();
    press(&mut state, "c l");
    assert_eq!(status(&state), "took the other article note (conflict settled)");
    let record = state.notes.record(1).unwrap();
    assert_eq!((record.note.as_str(), record.conflicts.len()), (THERE, 1));
    assert!(matches!(&state.popup, Some(Popup::Claims(panel)) if panel.selected == 0), "on the claim now");
    press(&mut state, "h");
    assert_eq!(status(&state), "kept the claim note as it is (conflict settled)");
    let record = state.notes.record(1).unwrap();
    assert_eq!((record.claims[0].note.as_str(), record.conflicts.len()), ("mine", 0));
    press(&mut state, "h");
    assert_eq!(status(&state), "no conflict here to settle");
    press(&mut state, "u");
    assert_eq!(status(&state), "undid: kept the claim note as it is (conflict settled)");
    assert_eq!(state.notes.record(1).unwrap().conflicts.len(), 1);
    press(&mut state, "esc c j l");
    assert_eq!(status(&state), "took the other claim note (conflict settled)");
    press(&mut state, "u u");
    assert_eq!(status(&state), "undid: took the other article note (conflict settled)");
    let record = state.notes.record(1).unwrap().clone();
    assert_eq!((record.note.as_str(), record.claims[0].note.as_str(), record.conflicts.len()), ("here", "mine", 2));
    press(&mut state, "ctrl-r ctrl-r");
    finish(state);
    let saved = on_disk(&path);
    let record = saved.articles.values().find(|r| r.file == SEEDS[1].0).unwrap();
    assert_eq!((record.note.as_str(), record.claims[0].note.as_str()), (THERE, "theirs"));
    assert!(record.conflicts.is_empty(), "{:?}", record.conflicts);
}

#[test]
fn a_claim_deleted_elsewhere_is_kept_until_the_analyst_takes_the_deletion() {
    let (mut state, _path) = app_with_conflicts();
    let session = &mut state.notes.session;
    let id = session.id(1).unwrap().to_owned();
    let expected = session.store().articles[&id].clone();
    let mut merged = expected.clone();
    let claim = merged.claims[0].id.clone();
    merged.conflicts = vec![Conflict { claim: Some(claim), field: "claim".into(), other_values: vec![Value::Deleted] }];
    session.absorb(vec![Absorb { id, expected: Some(expected), merged: Some(merged) }]);
    press(&mut state, "c");
    let shown = screen(&state);
    assert!(shown.contains("≠ the claim itself differs"), "{shown}");
    assert!(shown.contains("kept  “the claim”") && shown.contains("other deleted"), "{shown}");
    press(&mut state, "l");
    assert_eq!(status(&state), "deleted the claim, as elsewhere (conflict settled)");
    assert!(state.notes.record(1).unwrap().claims.is_empty());
    press(&mut state, "u");
    assert_eq!(status(&state), "undid: deleted the claim, as elsewhere (conflict settled)");
    assert_eq!(state.notes.record(1).unwrap().claims.len(), 1, "undo brings the claim back");
    press(&mut state, "h");
    assert_eq!(status(&state), "kept the claim deleted elsewhere (conflict settled)");
    assert_eq!(state.notes.record(1).unwrap().claims.len(), 1);
}
