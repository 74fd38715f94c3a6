//! What the export dialog asks of the background (a count of what the export holds; a look at
//! its file is asked in `refresh`) and the answers coming back: only the newest request's is taken.

use std::sync::Arc;

use super::super::super::app::AppState;
use super::super::super::popup::{ExportDialog, OnDisk, Popup};
use super::super::Effect;
use gloss_core::annotations::Store;
use gloss_core::corpus::Article;
use gloss_core::export::{self, Filter, Format, Tally};

/// What a count of the export needs: a snapshot of the annotations as they are now.
#[derive(Debug)]
pub struct CountJob {
    /// The request this count answers.
    pub asked: u64,
    pub format: Format,
    pub filter: Filter,
    pub articles: Vec<Arc<Article>>,
    pub store: Store,
}

impl CountJob {
    /// Gathers what the export would hold and counts it: the slow part, for a thread.
    pub fn count(&self) -> Tally {
        let gathered = export::gather(&self.articles, &self.store, None, &self.filter);
        export::Export::new("", None, gathered).tally(self.format)
    }
}

/// Asks for a count of what the chosen format and scope hold; the dialog says it is counting
/// until the answer comes.
pub fn recount(state: &mut AppState, dialog: &mut ExportDialog) -> Effect {
    dialog.tally = None;
    dialog.counting = state.exports.next_request();
    Effect::CountExport(Box::new(CountJob {
        asked: dialog.counting,
        format: dialog.format,
        filter: dialog.scope().filter(),
        articles: state.articles.clone(),
        store: state.notes.session.store().clone(),
    }))
}

/// The count asked for last came back; older ones are ignored.
pub fn on_counted(state: &mut AppState, asked: u64, tally: Tally) {
    if let Some(Popup::Export(dialog)) = &mut state.popup
        && dialog.counting == asked
    {
        dialog.tally = Some(tally);
    }
}

/// The look at the file asked for last came back; older ones are ignored.
pub fn on_looked(state: &mut AppState, asked: u64, on_disk: OnDisk) {
    if let Some(Popup::Export(dialog)) = &mut state.popup
        && dialog.looking == asked
    {
        dialog.on_disk = Some(on_disk);
    }
}
