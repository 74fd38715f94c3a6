//! The export dialog: a format, a scope and a file (proposed, editable). What the export holds
//! and what is at the file are found by effects, off the UI thread; the export is written in
//! the background and the status bar says where it went, or why it did not.

mod background;
mod file;

use ratatui::style::{Modifier, Style};
use ratatui_textarea::CursorMove;

use super::super::action::Action;
use super::super::app::{AppState, Focus};
use super::super::popup::{ExportDialog, ExportField, ExportScope, OnDisk, Popup};
use super::notes::to_input;
use super::{Effect, ExportJob, Exported};
use crate::keymap::Chord;
use background::recount;
pub use background::{CountJob, on_counted, on_looked};
use file::{change_extension, path_input};
use gloss_core::export::{self, Format};

/// `x`: the dialog, with last time's format and scope (this article from the reader, else
/// all articles, the first time).
pub fn open(state: &mut AppState) -> Vec<Effect> {
    let scopes = scopes(state);
    let remembered = state.exports.scope.as_ref().and_then(|r| scopes.iter().position(|s| s.same_kind(r)));
    let from_reader = state.focus == Focus::Reader && matches!(scopes.first(), Some(ExportScope::Article { .. }));
    let all = scopes.iter().position(|s| *s == ExportScope::All).unwrap_or(0);
    let scope = remembered.unwrap_or(if from_reader { 0 } else { all });
    let retry = state.exports.retry.clone();
    let mut dialog = ExportDialog {
        field: ExportField::Format,
        format: state.exports.format,
        scopes,
        scope,
        path: path_input(retry.as_deref().unwrap_or("")),
        path_edited: retry.is_some(),
        tally: None,
        target: None,
        on_disk: None,
        other_format: None,
        counting: 0,
        looking: 0,
    };
    let mut effects = vec![recount(state, &mut dialog)];
    effects.extend(refresh(state, &mut dialog));
    state.popup = Some(Popup::Export(Box::new(dialog)));
    effects
}

/// The scopes on offer: the article in the reader, all articles, check-worthy claims, and
/// each tag of the vocabulary.
fn scopes(state: &AppState) -> Vec<ExportScope> {
    let mut scopes = Vec::new();
    if let Some(index) = state.reader.as_ref().map(|r| r.article)
        && let Some(article) = state.articles.get(index)
    {
        let stem = export::stem(&article.origin().file_name()).to_owned();
        let id = state.notes.session.id(index).map(str::to_owned);
        scopes.push(ExportScope::Article { id, title: article.title().to_owned(), stem });
    }
    scopes.extend([ExportScope::All, ExportScope::CheckWorthy]);
    scopes.extend(
        state
            .notes
            .session
            .vocabulary()
            .tags
            .iter()
            .map(|t| ExportScope::Tag { name: t.name.clone(), description: t.description.clone() }),
    );
    scopes
}

/// Keys bound in the dialog.
pub fn act(state: &mut AppState, action: Action) -> Vec<Effect> {
    if action == Action::Confirm {
        return confirm(state);
    }
    if matches!(action, Action::Cancel | Action::Back) {
        state.popup = None;
        return Vec::new();
    }
    with_dialog(state, |state, dialog| {
        if action == Action::ClearField {
            dialog.field = ExportField::Path;
            dialog.path = path_input("");
            dialog.path_edited = true;
            return refresh(state, dialog).into_iter().collect();
        }
        let step: isize = match action {
            Action::MoveDown | Action::NextOption => 1,
            Action::MoveUp | Action::PrevOption => -1,
            _ => return Vec::new(),
        };
        let mut effects = Vec::new();
        if matches!(action, Action::MoveDown | Action::MoveUp) {
            const FIELDS: [ExportField; 3] = [ExportField::Format, ExportField::Scope, ExportField::Path];
            let at = FIELDS.iter().position(|&f| f == dialog.field).unwrap_or(0);
            dialog.field = FIELDS[cycle(at, step, FIELDS.len())];
        } else {
            match dialog.field {
                ExportField::Format => {
                    let at = Format::ALL.iter().position(|&f| f == dialog.format).unwrap_or(0);
                    let format = Format::ALL[cycle(at, step, Format::ALL.len())];
                    change_extension(dialog, format);
                    dialog.format = format;
                    effects.push(recount(state, dialog));
                }
                ExportField::Scope => {
                    dialog.scope = cycle(dialog.scope, step, dialog.scopes.len());
                    effects.push(recount(state, dialog));
                }
                ExportField::Path => {
                    dialog.path.move_cursor(if step > 0 { CursorMove::Forward } else { CursorMove::Back });
                }
            }
        }
        effects.extend(refresh(state, dialog));
        effects
    })
}

/// Other keys edit the file name, when it has the focus.
pub fn type_key(state: &mut AppState, chord: Chord) -> Vec<Effect> {
    with_dialog(state, |state, dialog| {
        if dialog.field != ExportField::Path || !to_input(chord).is_some_and(|input| dialog.path.input(input)) {
            return Vec::new();
        }
        // The editor's own keys can break a line; a file name has one.
        if dialog.path.lines().len() > 1 {
            dialog.path = path_input(&dialog.path.lines().concat());
        }
        dialog.path_edited = true;
        refresh(state, dialog).into_iter().collect()
    })
}

/// Pasted text goes into the file name (on one line), whichever field has the focus.
pub fn paste(state: &mut AppState, text: &str) -> Vec<Effect> {
    with_dialog(state, |state, dialog| {
        dialog.field = ExportField::Path;
        let line: String = text.chars().filter(|c| !c.is_control()).collect();
        if dialog.path.insert_str(line) {
            dialog.path_edited = true;
        }
        refresh(state, dialog).into_iter().collect()
    })
}

/// `enter`: write the export in the background, if there is something to write and a file
/// to write it to; otherwise say why and keep the dialog open.
fn confirm(state: &mut AppState) -> Vec<Effect> {
    let Some(Popup::Export(dialog)) = &state.popup else { return Vec::new() };
    let problem = if state.exports.running {
        Some("an export is still being written; try again when it is done".to_owned())
    } else if !state.loading.finished {
        Some(format!("still reading articles ({} so far); try again in a moment", state.articles.len()))
    } else if dialog.tally.is_none() {
        Some("still counting what the export holds; try again in a moment".to_owned())
    } else if dialog.tally.is_some_and(|tally| tally.articles == 0) {
        Some(format!("nothing to export: no claims or notes in “{}”", dialog.scope().label()))
    } else if dialog.target.is_none() {
        Some("give a file to export to".to_owned())
    } else if let (Some(OnDisk::Folder), Some(target)) = (&dialog.on_disk, &dialog.target) {
        Some(format!("{} is a folder: give a file name", target.display()))
    } else {
        None
    };
    if let Some(problem) = problem {
        state.set_error(problem);
        return Vec::new();
    }
    let Some(path) = dialog.target.clone() else { return Vec::new() };
    let typed = dialog.path_text().trim().to_owned();
    let (format, scope, edited) = (dialog.format, dialog.scope().clone(), dialog.path_edited);
    let tally = dialog.tally.unwrap_or_default();
    state.popup = None;
    let exports = &mut state.exports;
    exports.format = format;
    if edited {
        exports.folder = typed.rsplit_once('/').map(|(folder, _)| folder.to_owned());
    }
    exports.scope = Some(scope.clone());
    exports.retry = Some(typed);
    exports.running = true;
    state.set_status(format!("exporting {tally} to {}…", path.display()));
    let names = &state.names;
    vec![Effect::Export(Box::new(ExportJob {
        format,
        filter: scope.filter(),
        corpus: state.exports.corpus.clone(),
        date: (state.exports.today)(),
        articles: state.articles.clone(),
        store: state.notes.session.store().clone(),
        vocabulary: state.notes.session.vocabulary().clone(),
        recognizer: names.recognizer.clone().filter(|_| names.ready == names.generation),
        user: state.notes.session.names().clone(),
        path,
    }))]
}

/// The export is written, or failed: say so. A failure keeps the file name for another try.
pub fn on_exported(state: &mut AppState, result: Result<Exported, String>) {
    state.exports.running = false;
    state.notes.quit_warned = false;
    match result {
        Ok(done) => {
            state.exports.retry = None;
            state.set_status(format!("exported {} to {}", done.tally, done.path.display()));
        }
        Err(error) => state.set_error(format!("export failed: {error} — x to try again")),
    }
}

/// Runs `change` on the open dialog, with the rest of the state beside it; returns the effects
/// it asks for.
fn with_dialog(
    state: &mut AppState,
    change: impl FnOnce(&mut AppState, &mut ExportDialog) -> Vec<Effect>,
) -> Vec<Effect> {
    let Some(Popup::Export(mut dialog)) = state.popup.take() else { return Vec::new() };
    let effects = change(state, &mut dialog);
    state.popup = Some(Popup::Export(dialog));
    effects
}

/// Brings the dialog up to date with its file: the proposed one (unless the user typed one),
/// where it goes, and the cursor shown only in the focused file field. Asks what is at the
/// file when that is a new place.
fn refresh(state: &mut AppState, dialog: &mut ExportDialog) -> Option<Effect> {
    if !dialog.path_edited {
        let proposed = file::proposed(&state.exports, dialog);
        if proposed != dialog.path_text() {
            dialog.path = path_input(&proposed);
        }
    }
    let target = file::target(&state.exports, dialog);
    let moved = target != dialog.target;
    dialog.target = target;
    dialog.other_format = file::other_format(dialog);
    let cursor =
        if dialog.field == ExportField::Path { Style::new().add_modifier(Modifier::REVERSED) } else { Style::new() };
    dialog.path.set_cursor_style(cursor);
    if !moved {
        return None;
    }
    dialog.on_disk = None;
    let path = dialog.target.clone()?;
    dialog.looking = state.exports.next_request();
    Some(Effect::LookAtExportTarget { asked: dialog.looking, path })
}

/// `at` moved `step` places round a ring of `len`.
fn cycle(at: usize, step: isize, len: usize) -> usize {
    let len = len.max(1);
    (at + len).saturating_add_signed(step) % len
}
