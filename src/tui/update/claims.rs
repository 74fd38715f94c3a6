//! Claims: tagging, flags, verdicts, deleting, undo and redo, sent to the annotation session;
//! moving between claims and the claims panel.

use super::super::action::Action;
use super::super::app::AppState;
use super::super::popup::{Choice, ChoiceItem, ChoiceValue, ClaimsPanel, Popup, Purpose};
use super::super::reader::Selection;
use super::Effect;
use super::intents::send;
use gloss_core::annotations::{Claim, Intent, Pointer, Target, Verdict};

pub fn act(state: &mut AppState, action: Action) -> Vec<Effect> {
    if let Some(slot) = action.tag_slot() {
        return toggle_tag(state, slot);
    }
    match action {
        Action::ToggleCheckWorthy => flag(state),
        Action::SetVerdict => {
            ask_verdict(state);
            Vec::new()
        }
        Action::NextClaim => {
            jump(state, 1);
            Vec::new()
        }
        Action::PrevClaim => {
            jump(state, -1);
            Vec::new()
        }
        Action::ClaimsPanel => {
            open_panel(state);
            Vec::new()
        }
        Action::DeleteClaim => delete(state),
        Action::Undo => send(state, Intent::Undo),
        Action::Redo => send(state, Intent::Redo),
        _ => Vec::new(),
    }
}

/// The claim the keys act on in the reader (see [`gloss_core::annotations::Session::target`]).
pub fn target(state: &AppState) -> Option<(usize, Target)> {
    let reader = state.reader.as_ref()?;
    let article = state.current_article()?;
    let pointer = Pointer {
        selection: reader.selection.map(Selection::span),
        focus: reader.focus.clone(),
        sentence: reader.sentences(article).get(reader.place.cursor).cloned(),
    };
    Some((reader.article, state.notes.session.target(reader.article, &pointer)?))
}

fn toggle_tag(state: &mut AppState, slot: usize) -> Vec<Effect> {
    let Some(tag) = state.notes.session.vocabulary().slot(slot).map(|t| t.name.clone()) else {
        state.set_error(format!("there is no tag {slot} in the vocabulary"));
        return Vec::new();
    };
    let Some((article, target)) = target(state) else { return Vec::new() };
    let effects = send(state, Intent::ToggleTag { article, target, tag });
    drop_selection(state);
    effects
}

fn flag(state: &mut AppState) -> Vec<Effect> {
    let Some((article, target)) = target(state) else { return Vec::new() };
    let effects = send(state, Intent::ToggleCheckWorthy { article, target });
    drop_selection(state);
    effects
}

fn ask_verdict(state: &mut AppState) {
    let Some((article, target)) = target(state) else { return };
    let current = match &target {
        Target::Claim(id) => {
            state.notes.record(article).and_then(|r| r.claims.iter().find(|c| &c.id == id)).map(|c| c.verdict)
        }
        Target::New(_) => None,
    };
    let items = Verdict::ALL.iter().map(|&v| ChoiceItem { label: v.label(), value: ChoiceValue::Verdict(v) }).collect();
    let selected = current.and_then(|v| Verdict::ALL.iter().position(|&x| x == v)).unwrap_or(0);
    state.popup = Some(Popup::Choice(
        Choice::new("Verdict", items, None, Purpose::SetVerdict { article, target }).selecting(selected),
    ));
}

/// Sets the verdict chosen in the picker.
pub fn set_verdict(state: &mut AppState, article: usize, target: Target, verdict: Verdict) -> Vec<Effect> {
    let effects = send(state, Intent::SetVerdict { article, target, verdict });
    drop_selection(state);
    effects
}

fn delete(state: &mut AppState) -> Vec<Effect> {
    let chosen = match &state.popup {
        Some(Popup::Claims(panel)) => panel_claim(state, panel.selected).map(|c| c.id.clone()),
        _ => match target(state) {
            Some((_, Target::Claim(id))) => Some(id),
            _ => None,
        },
    };
    let Some(claim) = chosen else {
        state.set_status("no claim here to delete");
        return Vec::new();
    };
    let Some(article) = state.reader.as_ref().map(|r| r.article) else { return Vec::new() };
    send(state, Intent::DeleteClaim { article, claim })
}

fn drop_selection(state: &mut AppState) {
    if let Some(reader) = state.reader.as_mut() {
        reader.selection = None;
    }
}

/// The claims of the current article as the panel lists them: placed ones in text order,
/// then orphans.
pub fn panel_claims(state: &AppState) -> Vec<&Claim> {
    let Some(record) = state.reader.as_ref().and_then(|r| state.notes.record(r.article)) else { return Vec::new() };
    let placed = record.claims.iter().filter(|c| !c.orphaned);
    placed.chain(record.claims.iter().filter(|c| c.orphaned)).collect()
}

/// The claim on row `index` of the panel, if that row is a claim.
fn panel_claim(state: &AppState, index: usize) -> Option<&Claim> {
    match super::conflicts::panel_rows(state).get(index) {
        Some(super::conflicts::PanelRow::Claim(claim)) => Some(claim),
        _ => None,
    }
}

fn open_panel(state: &mut AppState) {
    let noted =
        state.reader.as_ref().and_then(|r| state.notes.record(r.article)).is_some_and(|r| !r.note.trim().is_empty());
    if super::conflicts::panel_rows(state).is_empty() && !noted {
        state.set_status("no claims or note on this article yet: tag a sentence with 1-8, A writes a note");
        return;
    }
    state.popup = Some(Popup::Claims(ClaimsPanel { selected: 0 }));
}

/// `enter` in the claims panel: to the claim.
pub fn jump_to_panel_claim(state: &mut AppState) {
    let Some(Popup::Claims(panel)) = &state.popup else { return };
    let Some(claim) = panel_claim(state, panel.selected).cloned() else {
        state.set_status("this conflict has no claim to go to: settle it here");
        return;
    };
    if claim.orphaned {
        state.set_status("this claim's text is no longer in the article (orphaned); its quote is kept");
        return;
    }
    state.popup = None;
    focus_claim(state, &claim);
}

fn focus_claim(state: &mut AppState, claim: &Claim) {
    super::jumps::record_here(state);
    let Some(article) = state.current_article().cloned() else { return };
    let Some(reader) = state.reader.as_mut() else { return };
    reader.selection = None;
    reader.put_cursor_at(&article, claim.anchor.start);
    reader.focus = Some(claim.span());
    state.focus = super::super::app::Focus::Reader;
}

/// `]` and `[`: the next or previous placed claim from the cursor.
fn jump(state: &mut AppState, direction: isize) {
    let Some(reader) = state.reader.as_ref() else { return };
    let Some(article) = state.current_article() else { return };
    let from = reader
        .focus
        .as_ref()
        .map_or_else(|| reader.sentences(article).get(reader.place.cursor).map_or(0, |s| s.start), |f| f.start);
    let claims: Vec<&Claim> = state
        .notes
        .record(reader.article)
        .map(|r| r.claims.iter().filter(|c| !c.orphaned).collect())
        .unwrap_or_default();
    let found = if direction > 0 {
        claims.iter().find(|c| c.anchor.start > from)
    } else {
        claims.iter().rev().find(|c| c.anchor.start < from)
    };
    match found.map(|c| (*c).clone()) {
        Some(claim) => focus_claim(state, &claim),
        None if claims.is_empty() => state.set_status("no claims in this article yet"),
        None => state.set_status(if direction > 0 { "no more claims below" } else { "no more claims above" }),
    }
}

/// Marks article `index` read, when it is opened.
pub fn mark_read(state: &mut AppState, index: usize) -> Vec<Effect> {
    send(state, Intent::MarkRead { article: index })
}
