//! What the store's keeper reports: edits reaching the disk (the status bar's indicator), a
//! write that failed and then worked, the store file blocked or merged with a change made
//! elsewhere; and taking over the store when another gloss quits.

use super::super::app::{AppState, SaveState};
use super::Effect;
use super::intents::save;
use gloss_core::annotations::Store;
use gloss_core::annotations::durable::{Keeper, Report};

/// The store as read when this gloss took over writing it.
#[derive(Debug)]
pub struct TookOver {
    pub store: Store,
    pub keeper: Keeper,
    /// What was found and set right on the way, to tell.
    pub notices: Vec<String>,
}

/// The status line says this while edits cannot be written; it goes once they are.
const NOT_SAVED: &str = "not saved: ";

pub fn on_report(state: &mut AppState, report: Report) -> Vec<Effect> {
    match report {
        Report::Durable(number) => {
            let notes = &mut state.notes;
            notes.durable = notes.durable.max(number);
            if notes.durable >= notes.sent {
                notes.save = SaveState::Saved;
                notes.quit_warned = false;
                if state.status.as_ref().is_some_and(|s| s.text.starts_with(NOT_SAVED)) {
                    state.set_status("saved: your changes are on disk again");
                }
            }
        }
        Report::Failed(error) => {
            state.set_error(format!("{NOT_SAVED}{error} — kept in memory, retrying"));
            state.notes.save = SaveState::Failed(error);
        }
        Report::Blocked(why) => {
            state.notes.blocked = Some(why.clone());
            state.set_error(format!("the store file is not being written: {why}"));
        }
        Report::Unblocked => {
            state.notes.blocked = None;
            state.set_status("the store file is written again, with every edit kept meanwhile");
        }
        Report::Merged { absorbs, conflicts } => {
            let outcome = state.notes.session.absorb(absorbs);
            if outcome.changed.is_empty() {
                return Vec::new();
            }
            let mut status = outcome.status.clone().unwrap_or_default();
            if conflicts > 0 {
                status.push_str("; ");
                status.push_str(&conflicts.to_string());
                status.push_str(" field(s) were changed both here and there: both values are kept, to settle");
            }
            state.set_status(status);
            return save(state, outcome.changed);
        }
    }
    Vec::new()
}

/// This gloss writes the store from now on.
pub fn took_over(state: &mut AppState, took: TookOver) -> Vec<Effect> {
    let notes = &mut state.notes;
    notes.session.replace_store(took.store);
    notes.session.set_read_only(None);
    notes.keeper = Some(took.keeper);
    let mut status = "the other gloss has quit: your changes are saved from now on".to_owned();
    for notice in took.notices {
        status.push_str("; ");
        status.push_str(&notice);
    }
    state.set_status(status);
    Vec::new()
}
