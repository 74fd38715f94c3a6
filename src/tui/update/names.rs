//! Names in the reader: the recogniser arriving, the corpus index filling, the entity panel,
//! filtering the list by an entity, and the analyst's corrections to the gazetteer (sent to
//! the annotation session, so `u` undoes them).

use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::super::action::Action;
use super::super::app::AppState;
use super::super::popup::{Choice, ChoiceItem, ChoiceValue, EntityPanel, Popup, Purpose};
use super::super::reader::{Prepared, Selection};
use super::Effect;
use super::intents::send;
use gloss_core::annotations::Intent;
use gloss_core::entities::{EntityKey, Kind, Mention, Recognizer, summarize};
use gloss_core::text::Span;

/// Keys about names: walking them, the panel, the filter, corrections.
pub fn act(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::Open => jump_to_next_mention(state),
        Action::Confirm => return confirm(state),
        Action::ToggleHighlights => {
            state.names.highlights = !state.names.highlights;
            state.set_status(if state.names.highlights { "entity highlighting on" } else { "entity highlighting off" });
        }
        Action::EntityPanel => open_panel(state),
        Action::FilterByEntity => filter_by_selected(state),
        Action::AddEntity => start_add(state, false),
        Action::AddAlias => start_add(state, true),
        Action::RejectEntity => return reject(state),
        _ => {}
    }
    Vec::new()
}

/// Recognise every article's entities for the index, in the background, once the corpus is
/// read (so reading it has every core) and a recogniser is ready; an indexer still running
/// for an older recogniser stops.
pub fn index_all(state: &AppState) -> Vec<Effect> {
    index_from(state, 0)
}

/// As [`index_all`], for the articles from `first` on (those a feed just brought).
pub fn index_from(state: &AppState, first: usize) -> Vec<Effect> {
    let Some(recognizer) = state.names.recognizer.clone() else { return Vec::new() };
    if !state.loading.finished || first >= state.articles.len() {
        return Vec::new();
    }
    let generation = state.names.generation;
    state.names.indexing.store(generation, Ordering::Relaxed);
    let articles = state.articles.iter().cloned().enumerate().skip(first).collect();
    vec![Effect::Index { recognizer, generation, articles, wanted: state.names.indexing.clone() }]
}

pub fn on_recognizer(state: &mut AppState, recognizer: Arc<Recognizer>, generation: u64) -> Vec<Effect> {
    if generation != state.names.generation {
        return Vec::new();
    }
    state.names.recognizer = Some(recognizer);
    state.names.ready = generation;
    state.names.index = gloss_core::entities::EntityIndex::default();
    state.names.found.retain(|_, (found, _)| *found == generation);
    state.listing.stale |= state.listing.filters.entity.is_some();
    index_all(state)
}

pub fn on_indexed(
    state: &mut AppState,
    generation: u64,
    entries: &[(usize, Vec<EntityKey>)],
    long: Vec<(usize, Arc<[Mention]>)>,
) {
    if generation != state.names.generation {
        return;
    }
    for (article, entities) in entries {
        state.names.index.add(*article, entities);
    }
    for (article, mentions) in long {
        state.names.found.insert(article, (generation, mentions));
    }
    // The filtered list keeps in step with the index as it fills.
    state.listing.stale |= state.listing.filters.entity.is_some();
}

/// A long article prepared in the background: shown if it is still the one in the reader,
/// and its names kept for the next time it is opened.
pub fn on_prepared(state: &mut AppState, prepared: Prepared) {
    let (generation, mentions) = &prepared.mentions;
    if *generation == state.names.ready && state.names.recognizer.is_some() {
        state.names.found.insert(prepared.index, (*generation, mentions.clone()));
    }
    let Some(article) = state.articles.get(prepared.index).cloned() else { return };
    if let Some(reader) = state.reader.as_mut() {
        reader.take_prepared(&article, prepared);
    }
}

fn open_panel(state: &mut AppState) {
    let Some(reader) = state.reader.as_ref() else { return };
    if reader.mentions.is_empty() {
        state.set_status("no names in this article");
        return;
    }
    let entities = summarize(&reader.mentions);
    // Start on the entity under the cursor, if any.
    let focused = reader.focused_mention().map(|m| (m.kind, m.canonical.clone()));
    let selected =
        focused.and_then(|(k, c)| entities.iter().position(|e| e.kind == k && e.canonical == c)).unwrap_or(0);
    state.popup = Some(Popup::Entities(EntityPanel { entities, selected, next_mention: 0 }));
}

/// `enter` in the panel: the next mention of the selected entity, round and round.
fn jump_to_next_mention(state: &mut AppState) {
    let Some(Popup::Entities(panel)) = state.popup.as_mut() else { return };
    let Some(entity) = panel.entities.get(panel.selected) else { return };
    let index = entity.mentions[panel.next_mention % entity.mentions.len()];
    let count = entity.mentions.len();
    let which = panel.next_mention % count + 1;
    panel.next_mention += 1;
    super::jumps::record_here(state);
    let Some(article) = state.current_article().cloned() else { return };
    let Some(reader) = state.reader.as_mut() else { return };
    let Some(mention) = reader.mentions.get(index).cloned() else { return };
    reader.selection = None;
    reader.put_cursor_at(&article, mention.span.start);
    reader.focus = Some(mention.span);
    state.set_status(format!("{} — mention {which} of {count}", mention.canonical));
}

fn filter_by_selected(state: &mut AppState) {
    let Some(Popup::Entities(panel)) = state.popup.as_ref() else { return };
    let Some(entity) = panel.entities.get(panel.selected) else { return };
    let entity = Some((entity.kind, entity.canonical.clone()));
    state.popup = None;
    let filters = gloss_core::listing::Filters { entity, ..state.listing.filters.clone() };
    super::listing::set_filters(state, filters);
}

/// The words to add as a name: the selection, else the focused word or name.
fn target(state: &AppState) -> Option<(Span, String)> {
    let reader = state.reader.as_ref()?;
    let article = state.current_article()?;
    let span = reader.selection.map(Selection::span).or_else(|| reader.focus.clone())?;
    let text = article.text()[span.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let text = text.strip_suffix("’s").or_else(|| text.strip_suffix("'s")).unwrap_or(text).trim_end_matches('.');
    (!text.is_empty()).then(|| (span, text.to_owned()))
}

fn start_add(state: &mut AppState, alias: bool) {
    let Some((_, text)) = target(state) else {
        state.set_status("first move to a word (l, h or e) or select words (v)");
        return;
    };
    state.popup = Some(Popup::Choice(if alias { alias_choice(state, text) } else { kind_choice(text) }));
}

fn kind_choice(text: String) -> Choice {
    let items = Kind::ALL
        .iter()
        .map(|&kind| ChoiceItem {
            label: format!("{:<7} {}", kind.name(), kind.about()),
            value: ChoiceValue::Kind(kind),
        })
        .collect();
    Choice::new(format!("Add “{text}” as"), items, None, Purpose::AddEntity { text })
}

/// Every entity gloss knows, this article's first, to pick the one `text` is another name of.
fn alias_choice(state: &AppState, text: String) -> Choice {
    let mut items: Vec<ChoiceItem> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let in_article = state.reader.iter().flat_map(|r| summarize(&r.mentions)).map(|e| (e.kind, e.canonical));
    let known =
        state.names.recognizer.iter().flat_map(|r| r.gazetteer().entries.iter().map(|e| (e.kind, e.canonical.clone())));
    for (kind, canonical) in in_article.chain(known) {
        if seen.insert((kind, canonical.clone())) {
            items.push(ChoiceItem {
                label: format!("{canonical} · {kind}"),
                value: ChoiceValue::Entity(kind, canonical),
            });
        }
    }
    Choice::new(
        format!("“{text}” is another name of… (type to narrow)"),
        items,
        Some(String::new()),
        Purpose::AddAlias { text },
    )
}

fn confirm(state: &mut AppState) -> Vec<Effect> {
    let Some(Popup::Choice(choice)) = state.popup.take() else { return Vec::new() };
    let Some(chosen) = choice.chosen().cloned() else { return Vec::new() };
    let intent = match (choice.purpose, chosen.value) {
        (Purpose::AddEntity { text }, ChoiceValue::Kind(kind)) => Intent::AddName { text, kind },
        (Purpose::AddAlias { text }, ChoiceValue::Entity(kind, canonical)) => {
            Intent::AddAlias { text, of: canonical.to_string(), kind }
        }
        (Purpose::SetVerdict { article, target }, ChoiceValue::Verdict(verdict)) => {
            return super::claims::set_verdict(state, article, target, verdict);
        }
        (purpose, value) if purpose.is_list_menu() => return super::filter_menu::choose(state, &purpose, value),
        _ => return Vec::new(),
    };
    if let Some(reader) = state.reader.as_mut() {
        reader.selection = None;
    }
    send(state, intent)
}

/// `-`: the name under the cursor (or in the selection) is not a name, anywhere.
fn reject(state: &mut AppState) -> Vec<Effect> {
    let Some(reader) = state.reader.as_ref() else { return Vec::new() };
    let Some(article) = state.current_article() else { return Vec::new() };
    let span = reader.selection.map(Selection::span).or_else(|| reader.focus.clone());
    let mention =
        span.and_then(|span| reader.mentions.iter().find(|m| m.span.start < span.end && span.start < m.span.end));
    let Some(mention) = mention else {
        state.set_status("move to a highlighted name first (e or E)");
        return Vec::new();
    };
    let text = article.text()[mention.span.clone()].to_owned();
    send(state, Intent::RejectName { text })
}

pub fn type_into_choice(state: &mut AppState, text: &str) {
    if let Some(Popup::Choice(choice)) = state.popup.as_mut()
        && let Some(filter) = choice.filter.as_mut()
    {
        filter.push_str(&text.replace(['\n', '\r'], " "));
        choice.refilter();
    }
}

pub fn erase_in_choice(state: &mut AppState) {
    if let Some(Popup::Choice(choice)) = state.popup.as_mut()
        && let Some(filter) = choice.filter.as_mut()
    {
        filter.pop();
        choice.refilter();
    }
}
