//! The filter menu and the lists it opens (entity, claim tag, verdict), and the sort menu; each
//! row says how many articles the list would show if it were chosen.

use super::super::app::AppState;
use super::super::popup::{Choice, ChoiceItem, ChoiceValue, FilterOption, Popup, Purpose};
use super::Effect;
use super::listing::{clear_filters, indexing, items, set_filters};
use gloss_core::annotations::Verdict;
use gloss_core::listing::{self, Filters, Sort};
use gloss_core::text::counted;

/// The filters as they would be if `option` were chosen in the menu; `None` for the rows that
/// open another list.
fn toggled(filters: &Filters, option: FilterOption) -> Option<Filters> {
    let mut next = filters.clone();
    match option {
        FilterOption::CheckWorthy => next.check_worthy = !next.check_worthy,
        FilterOption::HasNotes => next.has_notes = !next.has_notes,
        FilterOption::Unread => next.read = if next.read == Some(false) { None } else { Some(false) },
        FilterOption::Read => next.read = if next.read == Some(true) { None } else { Some(true) },
        FilterOption::ClearAll => next = Filters::default(),
        FilterOption::Title | FilterOption::Entity | FilterOption::Tag | FilterOption::Verdict => return None,
    }
    Some(next)
}

/// A menu row: a check when the filter is on, what it keeps, its value or the count it gives.
fn row(on: bool, label: &str, detail: &str) -> String {
    format!("{} {label:<30} {detail}", if on { "✓" } else { " " })
}

/// `f` in the list: every filter, with what choosing it would give.
pub fn open_filters(state: &mut AppState) {
    let filters = state.listing.filters.clone();
    let all = items(state);
    let count = |next: &Filters| listing::count(&all, next, &state.names.index);
    let value = |set: Option<String>| set.unwrap_or_else(|| "…".to_owned());
    let options = [
        (FilterOption::Title, filters.title.is_some(), "Title matches", value(filters.title.clone())),
        (
            FilterOption::Entity,
            filters.entity.is_some(),
            "Mentions",
            value(filters.entity.as_ref().map(|e| e.1.to_string())),
        ),
        (FilterOption::Tag, filters.tag.is_some(), "Has a claim tagged", value(filters.tag.clone())),
        (FilterOption::CheckWorthy, filters.check_worthy, "Has a check-worthy claim", String::new()),
        (
            FilterOption::Verdict,
            filters.verdict.is_some(),
            "Has a claim with verdict",
            value(filters.verdict.map(Verdict::label)),
        ),
        (FilterOption::HasNotes, filters.has_notes, "Has notes", String::new()),
        (FilterOption::Unread, filters.read == Some(false), "Unread", String::new()),
        (FilterOption::Read, filters.read == Some(true), "Read", String::new()),
        (FilterOption::ClearAll, false, "No filters (esc in the list)", String::new()),
    ];
    let menu = options
        .into_iter()
        .map(|(option, on, label, detail)| {
            let detail = toggled(&filters, option).map_or(detail, |next| articles(count(&next)));
            ChoiceItem { label: row(on, label, &detail), value: ChoiceValue::Filter(option) }
        })
        .collect();
    drop(all);
    state.popup = Some(Popup::Choice(Choice::new("Show only articles that…", menu, None, Purpose::Filters)));
}

/// `s` in the list: the orders, the one in use checked.
pub fn open_sort(state: &mut AppState) {
    let current = state.listing.sort;
    let items = Sort::ALL
        .iter()
        .map(|&sort| ChoiceItem { label: row(sort == current, sort.label(), ""), value: ChoiceValue::Sort(sort) })
        .collect();
    let at = Sort::ALL.iter().position(|&s| s == current).unwrap_or(0);
    state.popup = Some(Popup::Choice(Choice::new("Sort the list by", items, None, Purpose::Sort).selecting(at)));
}

/// What choosing `value` in one of these lists does.
pub fn choose(state: &mut AppState, purpose: &Purpose, value: ChoiceValue) -> Vec<Effect> {
    let mut filters = state.listing.filters.clone();
    match (purpose, value) {
        (Purpose::Filters, ChoiceValue::Filter(option)) => return menu_row(state, option),
        (Purpose::Sort, ChoiceValue::Sort(sort)) => {
            state.listing.sort = sort;
            super::listing::refresh(state, false);
            state.set_status(format!("sorted by {}", sort.label()));
            return Vec::new();
        }
        (Purpose::FilterEntity, ChoiceValue::Entity(kind, name)) => filters.entity = Some((kind, name)),
        (Purpose::FilterEntity, _) => filters.entity = None,
        (Purpose::FilterTag, ChoiceValue::Tag(tag)) => filters.tag = Some(tag),
        (Purpose::FilterTag, _) => filters.tag = None,
        (Purpose::FilterVerdict, ChoiceValue::Verdict(verdict)) => filters.verdict = Some(verdict),
        (Purpose::FilterVerdict, _) => filters.verdict = None,
        _ => return Vec::new(),
    }
    set_filters(state, filters);
    Vec::new()
}

fn menu_row(state: &mut AppState, option: FilterOption) -> Vec<Effect> {
    match option {
        FilterOption::Title => super::listing::open_title_query(state),
        FilterOption::Entity => open_entities(state),
        FilterOption::Tag => open_tags(state),
        FilterOption::Verdict => open_verdicts(state),
        FilterOption::ClearAll => clear_filters(state),
        other => {
            if let Some(next) = toggled(&state.listing.filters, other) {
                set_filters(state, next);
            }
        }
    }
    Vec::new()
}

/// The first row of a list that sets one filter: taking it off, when it is on.
fn any(on: bool, what: &str) -> Option<ChoiceItem> {
    on.then(|| ChoiceItem { label: format!("Any {what} (take this filter off)"), value: ChoiceValue::Any })
}

/// Every entity of the corpus index, most mentioned first, narrowed by typing.
fn open_entities(state: &mut AppState) {
    let mut items: Vec<ChoiceItem> = any(state.listing.filters.entity.is_some(), "entity").into_iter().collect();
    items.extend(state.names.index.entities().into_iter().map(|((kind, name), articles)| ChoiceItem {
        label: format!("{name} · {kind} · {}", counted(articles.len(), "article", "articles")),
        value: ChoiceValue::Entity(*kind, name.clone()),
    }));
    let title = if indexing(state) {
        "Mentions… (type to narrow; names still being found)"
    } else {
        "Mentions… (type to narrow)"
    };
    state.popup = Some(Popup::Choice(Choice::new(title, items, Some(String::new()), Purpose::FilterEntity)));
}

/// The claim tags of the vocabulary, each with what it would give.
fn open_tags(state: &mut AppState) {
    let filters = state.listing.filters.clone();
    let all = items(state);
    let mut rows: Vec<ChoiceItem> = any(filters.tag.is_some(), "tag").into_iter().collect();
    for tag in &state.notes.session.vocabulary().tags {
        let next = Filters { tag: Some(tag.name.clone()), ..filters.clone() };
        let count = listing::count(&all, &next, &state.names.index);
        let label = row(
            filters.tag.as_ref() == Some(&tag.name),
            &format!("{} ({})", tag.name, tag.description),
            &articles(count),
        );
        rows.push(ChoiceItem { label, value: ChoiceValue::Tag(tag.name.clone()) });
    }
    drop(all);
    state.popup = Some(Popup::Choice(Choice::new("Has a claim tagged", rows, None, Purpose::FilterTag)));
}

/// The verdicts, each with what it would give.
fn open_verdicts(state: &mut AppState) {
    let filters = state.listing.filters.clone();
    let all = items(state);
    let mut rows: Vec<ChoiceItem> = any(filters.verdict.is_some(), "verdict").into_iter().collect();
    for &verdict in Verdict::ALL {
        let next = Filters { verdict: Some(verdict), ..filters.clone() };
        let count = listing::count(&all, &next, &state.names.index);
        let label = row(filters.verdict == Some(verdict), &verdict.label(), &articles(count));
        rows.push(ChoiceItem { label, value: ChoiceValue::Verdict(verdict) });
    }
    drop(all);
    state.popup = Some(Popup::Choice(Choice::new("Has a claim with verdict", rows, None, Purpose::FilterVerdict)));
}

/// How many articles a choice would leave.
fn articles(count: usize) -> String {
    counted(count, "article", "articles")
}
