//! The article list's rows: made again from the filters and the order when they, the articles,
//! their annotations or the entity index change; the title query typed live; marking an
//! article unread.

use super::super::action::Action;
use super::super::app::{AppState, Focus};
use super::super::popup::Popup;
use super::Effect;
use super::intents::send;
use gloss_core::annotations::Intent;
use gloss_core::listing::{self, Filters, Item};

/// List keys: the title query, the filter and sort menus, marking unread.
pub fn act(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::FilterByTitle => open_title_query(state),
        Action::FilterMenu => super::filter_menu::open_filters(state),
        Action::SortMenu => super::filter_menu::open_sort(state),
        Action::MarkUnread => return mark_unread(state),
        _ => {}
    }
    Vec::new()
}

/// The articles as the list model sees them, with their records.
pub fn items(state: &AppState) -> Vec<Item<'_>> {
    state.articles.iter().enumerate().map(|(i, article)| Item { article, record: state.notes.record(i) }).collect()
}

/// Makes the rows again. With `keep_current`, the selected article stays even when the filters
/// would now leave it out (it was just read, or just lost its last claim), so nothing vanishes
/// from under the cursor; it goes at the next change.
pub fn refresh(state: &mut AppState, keep_current: bool) {
    let current = state.selected_article().or_else(|| state.reader.as_ref().map(|r| r.article));
    let also = state.selected_article().filter(|_| keep_current);
    let items = items(state);
    let rows = listing::arrange(&items, &state.listing.filters, &state.names.index, state.listing.sort, also);
    drop(items);
    state.listing.rows = rows;
    state.listing.stale = false;
    if let Some(row) = current.and_then(|article| state.row_of(article)) {
        state.list.selected = row;
    }
}

/// Makes the rows again when what they come from changed.
pub fn refresh_if_stale(state: &mut AppState) {
    if state.listing.stale {
        refresh(state, true);
    }
}

/// Sets the filters, makes the list again, and says what it shows.
pub fn set_filters(state: &mut AppState, filters: Filters) {
    state.listing.filters = filters;
    refresh(state, false);
    state.focus = Focus::List;
    if state.listing.filters.is_empty() {
        state.set_status(format!("all {} articles", state.articles.len()));
    } else {
        let so_far = if indexing(state) && state.listing.filters.entity.is_some() { " so far" } else { "" };
        state.set_status(format!("{}{so_far}; esc shows all", describe_count(state)));
    }
}

/// `esc` in the list: every filter off.
pub fn clear_filters(state: &mut AppState) {
    set_filters(state, Filters::default());
}

/// Whether the entity index is still being filled.
pub fn indexing(state: &AppState) -> bool {
    !state.loading.finished || state.names.index.indexed() < state.articles.len()
}

/// `3 of 5 articles`, or `all 5 articles`.
fn describe_count(state: &AppState) -> String {
    let (shown, all) = (state.shown_articles().len(), state.articles.len());
    let what = describe(&state.listing.filters).join(" · ");
    format!("{shown} of {all} articles: {what}")
}

/// Each filter set, in words, for the list's title and the status line.
pub fn describe(filters: &Filters) -> Vec<String> {
    let mut parts = Vec::new();
    parts.extend(filters.title.as_ref().map(|t| format!("“{t}”")));
    parts.extend(filters.entity.as_ref().map(|(_, name)| name.to_string()));
    parts.extend(filters.tag.as_ref().map(|tag| format!("tag {tag}")));
    if filters.check_worthy {
        parts.push("check-worthy".to_owned());
    }
    parts.extend(filters.verdict.map(|v| format!("verdict {}", v.label())));
    if filters.has_notes {
        parts.push("with notes".to_owned());
    }
    parts.extend(filters.read.map(|read| if read { "read" } else { "unread" }.to_owned()));
    parts
}

/// `/`: a line to type a title query in; the list narrows with each key.
pub fn open_title_query(state: &mut AppState) {
    let typed = state.listing.filters.title.clone().unwrap_or_default();
    state.popup = Some(Popup::TitleQuery(typed));
    state.focus = Focus::List;
}

/// Text typed or pasted into the title query (`None`: the last character erased).
pub fn type_title(state: &mut AppState, typed: Option<&str>) {
    let Some(Popup::TitleQuery(query)) = state.popup.as_mut() else { return };
    match typed {
        Some(text) => query.push_str(&text.replace(['\n', '\r'], " ")),
        None => {
            query.pop();
        }
    }
    let title = Some(query.clone()).filter(|q| !q.trim().is_empty());
    state.listing.filters.title = title;
    refresh(state, false);
    state.list.selected = 0;
    state.list.offset = 0;
    if let Some(article) = state.selected_article() {
        state.show_article(article);
    }
}

/// `enter` keeps the query; `esc` drops it.
pub fn close_title_query(state: &mut AppState, keep: bool) {
    state.popup = None;
    let mut filters = state.listing.filters.clone();
    if !keep {
        filters.title = None;
    }
    set_filters(state, filters);
}

fn mark_unread(state: &mut AppState) -> Vec<Effect> {
    let article = match state.focus {
        Focus::List => state.selected_article(),
        Focus::Reader => state.reader.as_ref().map(|r| r.article),
    };
    let Some(article) = article else { return Vec::new() };
    send(state, Intent::MarkUnread { article })
}
