//! Conflicts in the claims panel: what a merge (git's, or of a change made to the store
//! elsewhere) could not decide, listed with the article's claims and settled with a key by
//! keeping the value the field holds or taking the other one (one step of undo each).

use super::super::action::Action;
use super::super::app::AppState;
use super::super::popup::Popup;
use super::Effect;
use super::claims::panel_claims;
use super::intents::send;
use gloss_core::annotations::conflict::Conflict;
use gloss_core::annotations::{Claim, Intent};

/// A row of the claims panel: a conflict that belongs to no claim shown (the article's own
/// fields, or a claim gone here), or a claim.
#[derive(Debug, Clone, Copy)]
pub enum PanelRow<'a> {
    Conflict(usize, &'a Conflict),
    Claim(&'a Claim),
}

/// The conflicts of the current article's record, with their place in it.
pub fn article_conflicts(state: &AppState) -> Vec<(usize, &Conflict)> {
    let Some(record) = state.reader.as_ref().and_then(|r| state.notes.record(r.article)) else { return Vec::new() };
    record.conflicts.iter().enumerate().collect()
}

/// The conflicts about `claim`, with their place in the record.
pub fn claim_conflicts<'a>(state: &'a AppState, claim: &str) -> Vec<(usize, &'a Conflict)> {
    article_conflicts(state).into_iter().filter(|(_, c)| c.claim.as_deref() == Some(claim)).collect()
}

/// The panel's rows: conflicts no claim row shows first, then the claims.
pub fn panel_rows(state: &AppState) -> Vec<PanelRow<'_>> {
    let claims = panel_claims(state);
    let shown = |conflict: &Conflict| conflict.claim.as_ref().is_some_and(|id| claims.iter().any(|c| &c.id == id));
    let mut rows: Vec<PanelRow> = article_conflicts(state)
        .into_iter()
        .filter(|(_, c)| !shown(c))
        .map(|(index, c)| PanelRow::Conflict(index, c))
        .collect();
    rows.extend(claims.iter().map(|c| PanelRow::Claim(c)));
    rows
}

/// `keep_value` and `take_other_value` in the claims panel: settles the selected row's
/// (first) conflict.
pub fn settle(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(Popup::Claims(panel)) = &state.popup else { return Vec::new() };
    let chosen = match panel_rows(state).get(panel.selected) {
        Some(PanelRow::Conflict(index, _)) => Some(*index),
        Some(PanelRow::Claim(claim)) => claim_conflicts(state, &claim.id).first().map(|(index, _)| *index),
        None => None,
    };
    let (Some(conflict), Some(article)) = (chosen, state.reader.as_ref().map(|r| r.article)) else {
        state.set_status("no conflict here to settle");
        return Vec::new();
    };
    let choice = (action == Action::TakeOtherValue).then_some(0);
    let effects = send(state, Intent::SettleConflict { article, conflict, choice });
    keep_selection_in_range(state);
    effects
}

/// After a row went away (a loose conflict settled), the selection stays on a row.
pub fn keep_selection_in_range(state: &mut AppState) {
    let rows = panel_rows(state).len();
    if let Some(Popup::Claims(panel)) = &mut state.popup {
        panel.selected = panel.selected.min(rows.saturating_sub(1));
    }
}
