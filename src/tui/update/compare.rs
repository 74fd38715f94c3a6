//! The disagreement view: opening it on the article in the reader, stepping through the places
//! analysts tagged differently (the reader goes to each), choosing an analyst and adopting their
//! choice as one's own (one step of undo); the view is made again after every change.

use super::super::action::Action;
use super::super::app::{AppState, Focus};
use super::super::compare::ComparePanel;
use super::super::popup::Popup;
use super::Effect;
use super::intents::send;
use gloss_core::agreement::coding::annotated;
use gloss_core::agreement::{Choice, Coded, authors, disagreements, record_by_author, report_on};
use gloss_core::annotations::{Claim, Intent};
use gloss_core::text::Span;

/// `D` (it opens the view), and the actions of the open view; `None` for any other action, and
/// when the view is not open (only the view binds its keys).
pub fn act(state: &mut AppState, action: Action) -> Option<Vec<Effect>> {
    if action == Action::Disagreements {
        open(state);
        return Some(Vec::new());
    }
    let Some(Popup::Compare(panel)) = &state.popup else { return None };
    let last = panel.items.len().saturating_sub(1);
    let others = panel.names.len().saturating_sub(1);
    let (selected, analyst) = (panel.selected, panel.analyst);
    match action {
        Action::NextDisagreement => show(state, (selected + 1).min(last), "no more disagreements below"),
        Action::PrevDisagreement => show(state, selected.saturating_sub(1), "no more disagreements above"),
        Action::MoveTop => show(state, 0, ""),
        Action::MoveBottom => show(state, last, ""),
        Action::MoveDown => choose(state, analyst % others + 1),
        Action::MoveUp => choose(state, (analyst + others - 2) % others + 1),
        Action::Adopt => return Some(adopt(state)),
        Action::Figures => {
            if let Some(Popup::Compare(panel)) = &mut state.popup {
                panel.figures_shown = !panel.figures_shown;
            }
        }
        _ => return None,
    }
    Some(Vec::new())
}

/// `D` in the reader: the view on the article in the reader.
fn open(state: &mut AppState) {
    if state.compare.coders.is_empty() && others_here(state).is_empty() {
        state.set_status("no other analysts to compare with: start gloss with --compare STORE, list stores in config.ron (compare: [...]), or share one store whose claims others wrote");
        return;
    }
    let Some(article) = state.reader.as_ref().map(|r| r.article) else { return };
    let mut panel = Box::new(ComparePanel::new(article));
    remake(state, &mut panel);
    let empty = panel.items.is_empty();
    state.popup = Some(Popup::Compare(panel));
    if empty {
        state.set_status("no disagreements in this article");
    } else {
        go_to_selected(state);
    }
}

/// The other authors of claims in the analyst's own store (a team's shared store), in
/// alphabetical order: each is another analyst, beside the stores compared with.
fn others_here(state: &AppState) -> Vec<String> {
    let me = state.notes.session.author();
    let mut others = authors(state.notes.session.store());
    others.retain(|author| author != me);
    others
}

/// Each analyst's placed claims on article `index` of the analyst's own store (`None`: not
/// annotated): the analyst's own first, then the other authors' of `others`. When the store
/// holds others' claims, one's own row is one's own claims only (split by author, see
/// `gloss_core::agreement::authors`); else it is the whole store's.
fn rows_here(state: &AppState, index: usize, others: &[String]) -> Vec<Option<Vec<Claim>>> {
    let record = state.notes.record(index);
    if others.is_empty() {
        return vec![annotated(record)];
    }
    let split = record.map(record_by_author).unwrap_or_default();
    std::iter::once(state.notes.session.author())
        .chain(others.iter().map(String::as_str))
        .map(|author| annotated(split.get(author)))
        .collect()
}

/// Makes the open view again from the store as it is now (after an adoption, an undo, any
/// change); another article in the reader closes it.
pub fn refresh(state: &mut AppState) {
    if !matches!(state.popup, Some(Popup::Compare(_))) {
        return;
    }
    let Some(Popup::Compare(mut panel)) = state.popup.take() else { return };
    if state.reader.as_ref().map(|r| r.article) != Some(panel.article) {
        state.popup = None;
        return;
    }
    remake(state, &mut panel);
    state.popup = Some(Popup::Compare(panel));
}

/// Fills `panel` for its article: the compared stores' claims (once), the disagreements with
/// the own store's claims as they are now, and the article's figures.
fn remake(state: &AppState, panel: &mut ComparePanel) {
    let Some(article) = state.articles.get(panel.article) else { return };
    if panel.theirs.len() != state.compare.coders.len() {
        panel.theirs = state.compare.coders.iter().map(|c| c.claims_on(article)).collect();
    }
    let others = others_here(state);
    let rows: Vec<Option<Vec<Claim>>> =
        rows_here(state, panel.article, &others).into_iter().chain(panel.theirs.iter().cloned()).collect();
    let author = state.notes.session.author().to_owned();
    panel.names =
        std::iter::once(author).chain(others).chain(state.compare.coders.iter().map(|c| c.name.clone())).collect();
    // One who has not annotated the article yet still has a row: their choices are "not tagged".
    let mine = rows[0].clone().unwrap_or_default();
    let all: Vec<Option<&[Claim]>> =
        std::iter::once(Some(mine.as_slice())).chain(rows[1..].iter().map(Option::as_deref)).collect();
    // The place shown stays shown while it is still a disagreement; else the one now in its
    // place (after an adoption: the next).
    let shown = panel.item().map(|item| item.span.clone());
    panel.items = disagreements(&all);
    panel.selected = panel
        .items
        .iter()
        .position(|item| Some(&item.span) == shown.as_ref())
        .unwrap_or_else(|| panel.selected.min(panel.items.len().saturating_sub(1)));
    // The figures count only the analysts who annotated the article (see gloss_core::agreement).
    let (names, claims): (Vec<String>, Vec<Option<Vec<Claim>>>) =
        rows.into_iter().zip(&panel.names).filter_map(|(claims, name)| Some((name.clone(), Some(claims?)))).unzip();
    let tags: Vec<String> = state.notes.session.vocabulary().tags.iter().map(|t| t.name.clone()).collect();
    let coded: Vec<Coded> = vec![(article.as_ref(), claims)];
    panel.figures = report_on(names, &coded, &tags);
}

fn show(state: &mut AppState, index: usize, at_end: &str) {
    let Some(Popup::Compare(panel)) = &mut state.popup else { return };
    let status = if panel.items.is_empty() {
        Some("no disagreements in this article")
    } else {
        let stayed = index == panel.selected;
        panel.selected = index;
        (stayed && !at_end.is_empty()).then_some(at_end)
    };
    if let Some(status) = status {
        state.set_status(status);
    }
    go_to_selected(state);
}

fn choose(state: &mut AppState, analyst: usize) {
    if let Some(Popup::Compare(panel)) = &mut state.popup {
        panel.analyst = analyst.clamp(1, panel.names.len().saturating_sub(1).max(1));
    }
}

/// The reader to the disagreement shown: the cursor on its sentence, the place focused, near
/// the top so the view below does not hide it.
fn go_to_selected(state: &mut AppState) {
    let Some(Popup::Compare(panel)) = &state.popup else { return };
    let Some(span) = panel.item().map(|item| item.span.clone()) else { return };
    go_to(state, &span);
}

fn go_to(state: &mut AppState, span: &Span) {
    let Some(article) = state.current_article().cloned() else { return };
    let Some(reader) = state.reader.as_mut() else { return };
    reader.selection = None;
    reader.put_cursor_at(&article, span.start);
    reader.focus = Some(span.clone());
    reader.place.scroll = reader.wrapped.lines_of(span).start().saturating_sub(1);
    state.focus = Focus::Reader;
}

/// `y`: the chosen analyst's choice at the place shown becomes one's own.
fn adopt(state: &mut AppState) -> Vec<Effect> {
    let Some(Popup::Compare(panel)) = &state.popup else { return Vec::new() };
    let Some(item) = panel.item() else {
        state.set_status("no disagreements in this article");
        return Vec::new();
    };
    let name = panel.names.get(panel.analyst).cloned().unwrap_or_default();
    let mine = match item.choices.first() {
        Some(Choice::Claim { id, .. }) => Some(id.clone()),
        _ => None,
    };
    let theirs = match item.choices.get(panel.analyst) {
        Some(Choice::Claim { span, labels, .. }) => Some((span.clone(), labels.clone())),
        Some(Choice::NotTagged) => None,
        Some(Choice::NotAnnotated) | None => {
            state.set_error(format!("{name} has not annotated this article: nothing to adopt"));
            return Vec::new();
        }
    };
    let intent = Intent::Adopt { article: panel.article, mine, theirs, from: name };
    let effects = send(state, intent);
    refresh(state);
    go_to_selected(state);
    effects
}
