//! Key-sequence tests for the export dialog: what it proposes, how keys change it, what it
//! writes, and how it fails without losing anything.

use std::fs;
use std::path::{Path, PathBuf};

use super::{app, deliver, press, type_text};
use crate::tui::popup::{ExportDialog, ExportField, ExportScope, OnDisk};
use crate::tui::{AppState, Effect, Msg, Popup, run_now, update};
use gloss_core::export::Format;

/// The seeds, exports going to a fresh folder, on a fixed day.
pub fn app_exporting() -> (AppState, PathBuf) {
    let dir = tempfile::tempdir().unwrap().keep();
    let mut state = app();
    state.exports.dir.clone_from(&dir);
    state.exports.home = Some(dir.join("home"));
    state.exports.today = || "2026-11-21".to_owned();
    state.notes.session.set_clock(gloss_core::annotations::Clock::fixed("2026-11-21T09:00:00Z"));
    state.notes.session.set_author("tester");
    (state, dir)
}

fn dialog(state: &AppState) -> &ExportDialog {
    match &state.popup {
        Some(Popup::Export(dialog)) => dialog,
        other => panic!("no export dialog: {other:?}"),
    }
}

fn status(state: &AppState) -> String {
    state.status.as_ref().map(|s| s.text.clone()).unwrap_or_default()
}

/// Erases the proposed file name and types `name`.
fn type_file(state: &mut AppState, name: &str) {
    press(state, "ctrl-u");
    assert_eq!((dialog(state).field, dialog(state).path_text()), (ExportField::Path, ""));
    type_text(state, name);
}

/// Tags the third sentence of the second seed as a fact, check-worthy, with a note.
fn tag_a_claim(state: &mut AppState) {
    press(state, "j enter j j 1 !");
    press(state, "a");
    type_text(state, "Ask KCNA, \"verbatim\".");
    press(state, "esc");
}

#[test]
fn x_proposes_a_file_that_says_what_it_holds() {
    let (mut state, _) = app_exporting();
    press(&mut state, "x");
    let shown = dialog(&state);
    assert_eq!((shown.format, shown.scope(), shown.field), (Format::Markdown, &ExportScope::All, ExportField::Format));
    assert_eq!(shown.path_text(), "gloss-seeds-2026-11-21.md");
    press(&mut state, "esc enter x");
    let ExportScope::Article { title, stem, .. } = dialog(&state).scope() else { panic!("not this article") };
    assert_eq!((title.as_str(), stem.as_str()), (state.current_article().unwrap().title(), "000_a7678b54e883ccb6"));
    assert_eq!(dialog(&state).path_text(), "gloss-000_a7678b54e883ccb6-2026-11-21.md");
}

#[test]
fn arrows_change_format_and_scope_and_the_file_name_follows() {
    let (mut state, _) = app_exporting();
    press(&mut state, "x right");
    assert_eq!(dialog(&state).format, Format::Json);
    assert_eq!(dialog(&state).path_text(), "gloss-seeds-2026-11-21.json");
    press(&mut state, "left left");
    assert_eq!(dialog(&state).format, Format::W3c, "left from the first wraps round");
    press(&mut state, "tab right");
    assert_eq!(dialog(&state).scope(), &ExportScope::CheckWorthy);
    assert_eq!(dialog(&state).path_text(), "gloss-seeds-check-worthy-2026-11-21.jsonld");
    press(&mut state, "right right");
    assert!(matches!(dialog(&state).scope(), ExportScope::Tag { name, .. } if name == "quantity"));
    assert_eq!(dialog(&state).path_text(), "gloss-seeds-quantity-2026-11-21.jsonld");
    press(&mut state, "shift-tab shift-tab");
    assert_eq!(dialog(&state).field, ExportField::Path, "up from the first field wraps round");
    press(&mut state, "esc");
    assert!(state.popup.is_none());
}

#[test]
fn enter_writes_the_export_and_the_status_bar_says_where() {
    let (mut state, dir) = app_exporting();
    tag_a_claim(&mut state);
    press(&mut state, "x");
    assert_eq!(dialog(&state).tally.map(|t| t.claims), Some(1));
    press(&mut state, "enter");
    assert!(state.popup.is_none());
    let path = dir.join("gloss-001_83b17aba16443aae-2026-11-21.md");
    assert_eq!(status(&state), format!("exported 1 claim from 1 article to {}", path.display()));
    let briefing = fs::read_to_string(&path).unwrap();
    assert!(briefing.contains("Exported 2026-11-21"), "{briefing}");
    assert!(briefing.contains("> In an interview, Kim Yo"), "{briefing}");
    assert!(briefing.contains("Ask KCNA, \"verbatim\"."), "{briefing}");
    assert!(!state.exports.running);
}

#[test]
fn every_format_from_the_dialog_reads_back() {
    let (mut state, dir) = app_exporting();
    tag_a_claim(&mut state);
    // Each export remembers its format and scope (this article): one step right each time.
    for format in [Format::Json, Format::Csv, Format::W3c] {
        press(&mut state, "x right enter");
        let path = dir.join(format!("gloss-001_83b17aba16443aae-2026-11-21.{}", format.extension()));
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}; {}", path.display(), status(&state)));
        if format == Format::Csv {
            let rows: Vec<_> = csv::Reader::from_reader(text.as_bytes()).into_records().collect();
            assert_eq!(rows.len(), 1);
        } else {
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert!(value.is_object());
        }
    }
}

#[test]
fn a_typed_file_is_used_and_its_folder_proposed_next_time() {
    let (mut state, dir) = app_exporting();
    tag_a_claim(&mut state);
    press(&mut state, "x");
    type_file(&mut state, "briefs/kim.md");
    press(&mut state, "enter");
    assert!(dir.join("briefs/kim.md").is_file(), "{}", status(&state));
    press(&mut state, "x");
    assert_eq!(dialog(&state).path_text(), "briefs/gloss-001_83b17aba16443aae-2026-11-21.md");
    // A file name ending in `/` is a folder: the proposed name goes in it; `~` is home.
    type_file(&mut state, "~/out/");
    press(&mut state, "enter");
    assert!(dir.join("home/out/gloss-001_83b17aba16443aae-2026-11-21.md").is_file(), "{}", status(&state));
}

#[test]
fn an_existing_file_is_flagged_then_replaced_whole() {
    let (mut state, dir) = app_exporting();
    tag_a_claim(&mut state);
    let path = dir.join("gloss-001_83b17aba16443aae-2026-11-21.md");
    fs::write(&path, "an older briefing, much longer than the new one would ever be ".repeat(200)).unwrap();
    press(&mut state, "x");
    assert_eq!(dialog(&state).on_disk, Some(OnDisk::File));
    press(&mut state, "enter");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# Briefing") && !text.contains("older briefing"), "{text}");
}

#[test]
fn nothing_to_export_says_so_and_keeps_the_dialog() {
    let (mut state, dir) = app_exporting();
    press(&mut state, "x");
    assert_eq!(dialog(&state).tally.map(|t| t.articles), Some(0));
    press(&mut state, "enter");
    assert!(status(&state).starts_with("nothing to export"), "{}", status(&state));
    assert!(matches!(state.popup, Some(Popup::Export(_))));
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 0, "no file written");
}

#[test]
fn a_failed_export_says_why_and_keeps_the_file_name_for_another_try() {
    let (mut state, dir) = app_exporting();
    tag_a_claim(&mut state);
    fs::write(dir.join("taken"), "a file, not a folder").unwrap();
    press(&mut state, "x");
    type_file(&mut state, "taken/kim.md");
    press(&mut state, "enter");
    let said = status(&state);
    assert!(said.starts_with("export failed: cannot write") && said.contains("taken/kim.md"), "{said}");
    assert!(state.status.as_ref().unwrap().is_error);
    assert_eq!(fs::read_to_string(dir.join("taken")).unwrap(), "a file, not a folder");
    press(&mut state, "x");
    assert_eq!(dialog(&state).path_text(), "taken/kim.md");
    // A folder named as the file is refused the same way.
    type_file(&mut state, &dir.display().to_string());
    press(&mut state, "enter");
    assert!(status(&state).contains("is a folder"), "{}", status(&state));
}

#[test]
fn keys_edit_the_file_name_only_when_it_has_the_focus() {
    let (mut state, _) = app_exporting();
    press(&mut state, "x");
    type_text(&mut state, "q");
    assert!(matches!(state.popup, Some(Popup::Export(_))), "q types, it does not quit");
    assert_eq!(dialog(&state).path_text(), "gloss-seeds-2026-11-21.md");
    press(&mut state, "down down left left left");
    type_text(&mut state, "-v2");
    assert_eq!(dialog(&state).path_text(), "gloss-seeds-2026-11-21-v2.md");
    // The typed name keeps its own words; a new format changes only the extension.
    press(&mut state, "up up right");
    assert_eq!(dialog(&state).path_text(), "gloss-seeds-2026-11-21-v2.json");
    assert_eq!(dialog(&state).other_format, None);
    type_file(&mut state, "brief.csv");
    assert_eq!(dialog(&state).other_format, Some(Format::Csv), "the name says CSV, the format is JSON");
    deliver(&mut state, Msg::Paste("\n/tmp/pasted.json\r\n".into()));
    assert_eq!(dialog(&state).field, ExportField::Path);
    assert!(dialog(&state).path_text().ends_with("/tmp/pasted.json"), "{}", dialog(&state).path_text());
}

#[test]
fn export_works_read_only_too() {
    let (mut state, dir) = app_exporting();
    tag_a_claim(&mut state);
    state.notes.session.set_read_only(Some("started with --read-only".into()));
    press(&mut state, "x enter");
    assert!(Path::new(&dir.join("gloss-001_83b17aba16443aae-2026-11-21.md")).is_file(), "{}", status(&state));
}

#[test]
fn quitting_while_an_export_is_written_asks_first() {
    let (mut state, _) = app_exporting();
    state.exports.running = true;
    assert!(!press(&mut state, "q"), "the first q warns");
    assert!(status(&state).starts_with("an export is still being written"), "{}", status(&state));
    assert!(press(&mut state, "q"), "the second quits");
}

/// Sends `keys` to `update` without carrying out the effects, which it returns.
fn press_held(state: &mut AppState, keys: &str) -> Vec<Effect> {
    keys.split_whitespace().flat_map(|key| update(state, Msg::Key(key.parse().unwrap()))).collect()
}

/// Carries out `effects` now; returns their answers.
fn carry_out(effects: Vec<Effect>) -> Vec<Msg> {
    let mut answers = Vec::new();
    for effect in effects {
        run_now(effect, &mut |msg| answers.push(msg));
    }
    answers
}

/// Carries out `effects` now and hands their answers to `update`.
fn answer(state: &mut AppState, effects: Vec<Effect>) {
    for msg in carry_out(effects) {
        deliver(state, msg);
    }
}

#[test]
fn counting_and_looking_at_the_file_wait_for_their_answers_and_stale_ones_are_ignored() {
    let (mut state, dir) = app_exporting();
    tag_a_claim(&mut state);
    fs::write(dir.join("gloss-001_83b17aba16443aae-2026-11-21.md"), "an older briefing").unwrap();
    let first = press_held(&mut state, "x");
    assert!(matches!(first[..], [Effect::CountExport(_), Effect::LookAtExportTarget { .. }]), "{first:?}");
    assert_eq!((dialog(&state).tally, &dialog(&state).on_disk), (None, &None), "nothing known before the answers");
    press_held(&mut state, "enter");
    assert!(status(&state).starts_with("still counting"), "{}", status(&state));
    assert!(matches!(state.popup, Some(Popup::Export(_))), "enter waits for the count");

    // A new format asks again; the answers about the Markdown file come too late to count.
    let second = press_held(&mut state, "right");
    answer(&mut state, first);
    assert_eq!((dialog(&state).tally, &dialog(&state).on_disk), (None, &None), "stale answers are ignored");
    answer(&mut state, second);
    assert_eq!(dialog(&state).tally.map(|t| (t.articles, t.claims)), Some((1, 1)));
    assert_eq!(dialog(&state).on_disk, Some(OnDisk::Nothing), "the .json file is not there");

    // A dialog opened again does not take answers meant for the one before: the old one saw
    // the Markdown file, which is gone when the new one looks.
    let old_answers = carry_out(press_held(&mut state, "left"));
    fs::remove_file(dir.join("gloss-001_83b17aba16443aae-2026-11-21.md")).unwrap();
    press(&mut state, "esc x");
    assert_eq!(dialog(&state).on_disk, Some(OnDisk::Nothing));
    for msg in old_answers {
        deliver(&mut state, msg);
    }
    assert_eq!(dialog(&state).on_disk, Some(OnDisk::Nothing), "the answer about the old file is ignored");
}

#[test]
fn a_folder_is_refused_in_the_dialog() {
    let (mut state, dir) = app_exporting();
    tag_a_claim(&mut state);
    fs::create_dir(dir.join("briefs.md")).unwrap();
    press(&mut state, "x");
    type_file(&mut state, "briefs.md");
    assert_eq!(dialog(&state).on_disk, Some(OnDisk::Folder));
    press(&mut state, "enter");
    assert_eq!(status(&state), format!("{} is a folder: give a file name", dir.join("briefs.md").display()));
    assert!(matches!(state.popup, Some(Popup::Export(_))), "the dialog stays to fix the name");
}
