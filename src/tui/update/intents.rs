//! Handing intents to the annotation session, and turning what it says back into the status
//! line and effects: the store saved when a record changed, the names saved and the recogniser
//! rebuilt when they changed.

use super::super::app::{AppState, SaveState};
use super::Effect;
use gloss_core::annotations::{Intent, Outcome};

/// Carries out `intent`; a refusal shows as an error and changes nothing.
pub fn send(state: &mut AppState, intent: Intent) -> Vec<Effect> {
    match state.notes.session.apply(intent) {
        Ok(outcome) => after(state, outcome),
        Err(refused) => {
            state.set_error(refused.to_string());
            Vec::new()
        }
    }
}

/// Shows what `outcome` says and returns what must follow from it.
pub fn after(state: &mut AppState, outcome: Outcome) -> Vec<Effect> {
    let names = outcome.names_changed;
    if let Some(mut status) = outcome.status {
        if names && state.names.user_path.is_none() {
            status.push_str(" (for this session only: there is no data folder)");
        }
        state.set_status(status);
    }
    let mut effects = Vec::new();
    // Filters and sorts look at the records.
    state.listing.stale |= !outcome.changed.is_empty();
    effects.extend(save(state, outcome.changed));
    if names {
        effects.extend(names_changed(state));
    }
    effects
}

/// Hands the records `changed` (store ids) to the keeper, to be on disk in milliseconds:
/// only those records, never the whole store.
pub fn save(state: &mut AppState, changed: Vec<String>) -> Vec<Effect> {
    let notes = &mut state.notes;
    let (Some(keeper), None, false) = (&notes.keeper, notes.session.read_only(), changed.is_empty()) else {
        return Vec::new();
    };
    let store = notes.session.store();
    let records = changed.into_iter().map(|id| (store.articles.get(&id).cloned(), id)).map(|(r, id)| (id, r)).collect();
    notes.sent += 1;
    notes.save = SaveState::Pending;
    vec![Effect::Record { keeper: keeper.clone(), number: notes.sent, records }]
}

/// After the user's gazetteer changed: save it, and rebuild the recogniser so the change
/// shows across the corpus.
fn names_changed(state: &mut AppState) -> Vec<Effect> {
    state.names.generation += 1;
    let user = state.notes.session.names().clone();
    let mut effects = vec![Effect::BuildRecognizer { user: user.clone(), generation: state.names.generation }];
    if let Some(path) = state.names.user_path.clone() {
        effects.push(Effect::SaveUserGazetteer { user, path });
    }
    effects
}
