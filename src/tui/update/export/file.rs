//! The export dialog's file: the name it proposes, where a typed name points, and what the
//! extension says. Nothing here touches the disk; what is at the file is looked at by an effect.

use std::path::PathBuf;

use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea};

use super::super::super::app::Exports;
use super::super::super::popup::{ExportDialog, ExportScope};
use gloss_core::export::{self, Format};

/// A one-line input holding `text`, the cursor at its end.
pub fn path_input(text: &str) -> TextArea<'static> {
    let mut input = TextArea::new(vec![text.to_owned()]);
    input.set_cursor_line_style(Style::new());
    input.move_cursor(CursorMove::End);
    input
}

/// The file the dialog proposes until the user types one: last time's folder, if any, and a
/// name that says what the export holds.
pub fn proposed(exports: &Exports, dialog: &ExportDialog) -> String {
    match &exports.folder {
        Some(folder) => format!("{}/{}", folder.trim_end_matches('/'), proposed_name(exports, dialog)),
        None => proposed_name(exports, dialog),
    }
}

/// Where the typed file name points, made absolute; `None` when nothing is typed. A name
/// ending in `/` is a folder, and gets the proposed file name.
pub fn target(exports: &Exports, dialog: &ExportDialog) -> Option<PathBuf> {
    match dialog.path_text().trim() {
        "" => None,
        folder if folder.ends_with('/') => {
            Some(resolve(&format!("{folder}{}", proposed_name(exports, dialog)), exports))
        }
        file => Some(resolve(file, exports)),
    }
}

/// The format the target's extension belongs to, when it is not the chosen one.
pub fn other_format(dialog: &ExportDialog) -> Option<Format> {
    let extension = dialog.target.as_deref()?.extension()?.to_string_lossy().to_ascii_lowercase();
    Format::ALL.iter().copied().find(|f| extension == f.extension()).filter(|&f| f != dialog.format)
}

/// A typed file name's extension follows the format when it was the old format's.
pub fn change_extension(dialog: &mut ExportDialog, format: Format) {
    let typed = dialog.path_text();
    if let Some(stem) = typed.strip_suffix(&format!(".{}", dialog.format.extension())) {
        let changed = format!("{stem}.{}", format.extension());
        dialog.path = path_input(&changed);
    }
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
