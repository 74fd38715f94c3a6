//! The export dialog: a format, a scope and a file (proposed, editable); the export is written
//! in the background and the status bar says where it went, or why it did not.

use std::path::{Path, PathBuf};

use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea};

use super::super::action::Action;
use super::super::app::{AppState, Exports, Focus};
use super::super::popup::{ExportDialog, ExportField, ExportScope, Popup};
use super::notes::to_input;
use super::{Effect, ExportJob, Exported};
use crate::keymap::Chord;
use gloss_core::export::{self, Format};

/// `x`: the dialog, with last time's format and scope (this article from the reader, else
/// all articles, the first time).
pub fn open(state: &mut AppState) {
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
        path: TextArea::default(),
        path_edited: retry.is_some(),
        tally: export::Tally::default(),
        target: None,
        replaces: false,
        other_format: None,
    };
    if let Some(typed) = retry {
        dialog.path = path_input(&typed);
    }
    recount(state, &mut dialog);
    refresh(state, &mut dialog);
    state.popup = Some(Popup::Export(Box::new(dialog)));
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
            refresh(state, dialog);
            return;
        }
        let step: isize = match action {
            Action::MoveDown | Action::NextOption => 1,
            Action::MoveUp | Action::PrevOption => -1,
            _ => return,
        };
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
                    recount(state, dialog);
                }
                ExportField::Scope => {
                    dialog.scope = cycle(dialog.scope, step, dialog.scopes.len());
                    recount(state, dialog);
                }
                ExportField::Path => {
                    dialog.path.move_cursor(if step > 0 { CursorMove::Forward } else { CursorMove::Back });
                }
            }
        }
        refresh(state, dialog);
    });
    Vec::new()
}

/// Other keys edit the file name, when it has the focus.
pub fn type_key(state: &mut AppState, chord: Chord) {
    with_dialog(state, |state, dialog| {
        if dialog.field != ExportField::Path {
            return;
        }
        if to_input(chord).is_some_and(|input| dialog.path.input(input)) {
            // The editor's own keys can break a line; a file name has one.
            if dialog.path.lines().len() > 1 {
                dialog.path = path_input(&dialog.path.lines().concat());
            }
            dialog.path_edited = true;
            refresh(state, dialog);
        }
    });
}

/// Pasted text goes into the file name (on one line), whichever field has the focus.
pub fn paste(state: &mut AppState, text: &str) {
    with_dialog(state, |state, dialog| {
        dialog.field = ExportField::Path;
        let line: String = text.chars().filter(|c| !c.is_control()).collect();
        if dialog.path.insert_str(line) {
            dialog.path_edited = true;
        }
        refresh(state, dialog);
    });
}

/// `enter`: write the export in the background, if there is something to write and a file
/// to write it to; otherwise say why and keep the dialog open.
fn confirm(state: &mut AppState) -> Vec<Effect> {
    let Some(Popup::Export(dialog)) = &state.popup else { return Vec::new() };
    let problem = if state.exports.running {
        Some("an export is still being written; try again when it is done".to_owned())
    } else if !state.loading.finished {
        Some(format!("still reading articles ({} so far); try again in a moment", state.articles.len()))
    } else if dialog.tally.articles == 0 {
        Some(format!("nothing to export: no claims or notes in “{}”", dialog.scope().label()))
    } else if dialog.target.is_none() {
        Some("give a file to export to".to_owned())
    } else {
        None
    };
    if let Some(problem) = problem {
        state.set_error(problem);
        return Vec::new();
    }
    let Some(path) = dialog.target.clone() else { return Vec::new() };
    let typed = dialog.path_text().trim().to_owned();
    let (format, scope, edited, tally) = (dialog.format, dialog.scope().clone(), dialog.path_edited, dialog.tally);
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

/// Runs `change` on the open dialog, with the rest of the state to read.
fn with_dialog(state: &mut AppState, change: impl FnOnce(&AppState, &mut ExportDialog)) {
    let Some(Popup::Export(mut dialog)) = state.popup.take() else { return };
    change(state, &mut dialog);
    state.popup = Some(Popup::Export(dialog));
}

/// Counts what the export will hold, for the format and scope chosen.
fn recount(state: &AppState, dialog: &mut ExportDialog) {
    let gathered = export::gather(&state.articles, state.notes.session.store(), None, &dialog.scope().filter());
    dialog.tally = export::Export::new("", None, gathered).tally(dialog.format);
}

/// Brings the dialog up to date with its file: the proposed one (unless the user typed one),
/// where it goes, whether it exists, and the cursor shown only in the focused file field.
fn refresh(state: &AppState, dialog: &mut ExportDialog) {
    if !dialog.path_edited {
        let proposed = match &state.exports.folder {
            Some(folder) => format!("{}/{}", folder.trim_end_matches('/'), proposed_name(&state.exports, dialog)),
            None => proposed_name(&state.exports, dialog),
        };
        if proposed != dialog.path_text() {
            dialog.path = path_input(&proposed);
        }
    }
    let typed = dialog.path_text().trim();
    dialog.target = match typed {
        "" => None,
        // A folder (ending in `/`) gets the proposed file name.
        folder if folder.ends_with('/') => {
            Some(resolve(&format!("{folder}{}", proposed_name(&state.exports, dialog)), &state.exports))
        }
        file => Some(resolve(file, &state.exports)),
    };
    dialog.replaces = dialog.target.as_deref().is_some_and(Path::is_file);
    let extension =
        dialog.target.as_deref().and_then(Path::extension).map(|e| e.to_string_lossy().to_ascii_lowercase());
    dialog.other_format = Format::ALL
        .iter()
        .copied()
        .find(|f| extension.as_deref() == Some(f.extension()))
        .filter(|&f| f != dialog.format);
    let cursor =
        if dialog.field == ExportField::Path { Style::new().add_modifier(Modifier::REVERSED) } else { Style::new() };
    dialog.path.set_cursor_style(cursor);
}

/// A one-line input holding `text`, the cursor at its end.
fn path_input(text: &str) -> TextArea<'static> {
    let mut input = TextArea::new(vec![text.to_owned()]);
    input.set_cursor_line_style(Style::new());
    input.move_cursor(CursorMove::End);
    input
}

/// A file name that says what the export holds: the corpus (or the article's file), the scope,
/// the date.
fn proposed_name(exports: &Exports, dialog: &ExportDialog) -> String {
    let corpus = exports.corpus.as_str();
    let parts = match dialog.scope() {
        ExportScope::Article { stem, .. } => vec![stem.as_str()],
        ExportScope::All => vec![corpus],
        ExportScope::CheckWorthy => vec![corpus, "check-worthy"],
        ExportScope::Tag { name, .. } => vec![corpus, name.as_str()],
    };
    export::file_name(&parts, &(exports.today)(), dialog.format)
}

/// A typed file name's extension follows the format when it was the old format's.
fn change_extension(dialog: &mut ExportDialog, format: Format) {
    let typed = dialog.path_text();
    if let Some(stem) = typed.strip_suffix(&format!(".{}", dialog.format.extension())) {
        let changed = format!("{stem}.{}", format.extension());
        dialog.path = path_input(&changed);
    }
}

/// Where a typed file name points: `~` is home; relative names are in the folder gloss
/// started in.
fn resolve(typed: &str, exports: &Exports) -> PathBuf {
    let home_relative = typed.strip_prefix('~').filter(|rest| rest.is_empty() || rest.starts_with('/'));
    let path = match (home_relative, &exports.home) {
        (Some(rest), Some(home)) => home.join(rest.trim_start_matches('/')),
        _ => PathBuf::from(typed),
    };
    if path.is_absolute() { path } else { exports.dir.join(path) }
}

/// `at` moved `step` places round a ring of `len`.
fn cycle(at: usize, step: isize, len: usize) -> usize {
    let len = len.max(1);
    (at + len).saturating_add_signed(step) % len
}
