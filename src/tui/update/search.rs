//! Searching the article in the reader: `/` opens the search line, matches light up and the
//! cursor goes to the first one as you type, `enter` keeps them, `n` and `N` move between them,
//! `esc` clears them. Typing in either search (the line or the corpus popup) comes here first.

use super::super::action::Action;
use super::super::app::AppState;
use super::super::popup::Popup;
use super::super::search::{Matches, QueryInput, SearchLine};
use super::{Effect, search_corpus};
use crate::keymap::{Chord, Context, Key};
use gloss_core::text::Span;

/// The search actions bound in the list and the reader.
pub fn act(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::Search => open(state),
        Action::SearchCorpus => return search_corpus::open(state),
        Action::NextMatch => step(state, true),
        Action::PrevMatch => step(state, false),
        _ => {}
    }
    Vec::new()
}

/// An action while the search line or the corpus search has the keys; `None` when neither does.
pub fn act_in_search(state: &mut AppState, action: Action) -> Option<Vec<Effect>> {
    match state.context() {
        Context::Search => {
            match action {
                Action::Confirm => keep(state),
                Action::Cancel => cancel(state),
                Action::ToggleRegex => edit(state, |input| input.mode = input.mode.toggled()),
                Action::ClearField => edit(state, |input| input.text.clear()),
                _ => {}
            }
            Some(Vec::new())
        }
        Context::CorpusSearch => Some(search_corpus::act(state, action)),
        _ => None,
    }
}

/// A key no binding took, while a search has the keys: typed into the query.
pub fn type_key(state: &mut AppState, chord: Chord) -> Vec<Effect> {
    match chord.key {
        Key::Char('w') if chord.ctrl => type_into(state, QueryInput::erase_word),
        Key::Char(c) if !chord.ctrl && !chord.alt => type_into(state, |input| input.text.push(c)),
        Key::Backspace => type_into(state, |input| {
            input.text.pop();
        }),
        _ => Vec::new(),
    }
}

/// Pasted text goes into the query, on one line.
pub fn paste(state: &mut AppState, text: &str) -> Vec<Effect> {
    let line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    type_into(state, |input| input.text.push_str(line.trim_end()))
}

fn type_into(state: &mut AppState, change: impl FnOnce(&mut QueryInput)) -> Vec<Effect> {
    match state.context() {
        Context::Search => {
            edit(state, change);
            Vec::new()
        }
        Context::CorpusSearch => search_corpus::edit(state, change),
        _ => Vec::new(),
    }
}

/// `/`: the search line, in the mode used last, with the reader's place kept to go back to.
fn open(state: &mut AppState) {
    let Some(reader) = state.reader.as_ref() else { return };
    let line = SearchLine {
        input: QueryInput::new(String::new(), state.search.mode),
        origin: reader.place,
        origin_focus: reader.focus.clone(),
    };
    state.popup = Some(Popup::Search(Box::new(line)));
}

/// Changes the query and searches again: matches light up and the cursor goes to the first
/// one at or after where the search started; with no match, back to where it started.
fn edit(state: &mut AppState, change: impl FnOnce(&mut QueryInput)) {
    let Some(Popup::Search(line)) = state.popup.as_mut() else { return };
    change(&mut line.input);
    state.search.mode = line.input.mode;
    let compiled = line.input.compile();
    let (origin, origin_focus) = (line.origin, line.origin_focus.clone());
    let Some(reader) = state.reader.as_mut() else { return };
    let Some(article) = state.articles.get(reader.article) else { return };
    reader.place = origin;
    reader.focus = origin_focus;
    state.search.matches = match compiled {
        Ok(Some(query)) => {
            let spans = query.find_all(article.text());
            let start = reader.sentences(article).get(origin.cursor).map_or(0, |s| s.start);
            if let Some(first) = spans.iter().find(|s| s.start >= start).or(spans.first()) {
                reader.put_cursor_at(article, first.start);
                reader.focus = Some(first.clone());
            }
            Some(Matches { query, article: reader.article, spans })
        }
        Ok(None) | Err(_) => None,
    };
}

/// `enter`: keeps the matches and closes the line; with none, says so and goes back.
fn keep(state: &mut AppState) {
    let Some(Popup::Search(line)) = state.popup.as_ref() else { return };
    if line.input.error.is_some() {
        return;
    }
    state.popup = None;
    // With matches, the status bar's counter says what there is to say.
    if state.search.matches.as_ref().is_some_and(|m| m.spans.is_empty())
        && let Some(matches) = state.search.matches.take()
    {
        state.set_error(format!("no match for {}", matches.query));
    }
}

/// `esc` in the search line: no matches, and the reader back where the search started.
fn cancel(state: &mut AppState) {
    if let Some(Popup::Search(line)) = state.popup.take()
        && let Some(reader) = state.reader.as_mut()
    {
        reader.place = line.origin;
        reader.focus = line.origin_focus;
    }
    state.search.matches = None;
}

/// `n` (`forward`) or `N`: the cursor and focus to the next or previous match, around the end.
fn step(state: &mut AppState, forward: bool) {
    match move_to_match(state, forward) {
        Ok(status) if status.is_empty() => {}
        Ok(status) => state.set_status(status),
        Err(error) => state.set_error(error),
    }
}

/// Moves to the next or previous match; says when it went round the end (the status bar's
/// counter says which match it is), or why it cannot move.
fn move_to_match(state: &mut AppState, forward: bool) -> Result<String, String> {
    let Some(matches) = state.search.matches.as_ref() else {
        let key = first_key(state, Context::Reader, Action::Search);
        return Ok(format!("no search to repeat: {key} searches the article"));
    };
    let (Some(reader), Some(article)) = (state.reader.as_mut(), state.articles.get(matches.article)) else {
        return Ok(String::new());
    };
    let spans = &matches.spans;
    let from: Span = reader.focus.clone().unwrap_or_else(|| {
        // Without a focus, a match anywhere in the cursor's sentence is the next one.
        let start = reader.sentences(article).get(reader.place.cursor).map_or(0, |s| s.start);
        if forward { start.saturating_sub(1)..start } else { start..start }
    });
    let found = if forward {
        let after = spans.iter().find(|s| s.start > from.start);
        after.map(|s| (s, "")).or(spans.first().map(|s| (s, "search went on from the top")))
    } else {
        let before = spans.iter().rev().find(|s| s.start < from.start);
        before.map(|s| (s, "")).or(spans.last().map(|s| (s, "search went on from the bottom")))
    };
    let Some((span, around)) = found else {
        return Err(format!("no match for {} in this article", matches.query));
    };
    reader.put_cursor_at(article, span.start);
    reader.focus = Some(span.clone());
    Ok(around.to_owned())
}

/// The first key bound to `action` in `context`, as keymap files write it.
pub fn first_key(state: &AppState, context: Context, action: Action) -> String {
    state.keymap.chords(context, action).first().map_or_else(|| action_name(action), ToString::to_string)
}

fn action_name(action: Action) -> String {
    crate::keymap::Bindable::name(action).to_owned()
}

/// `esc` in the reader, after the selection and focus: clears kept matches; says whether there
/// were any.
pub fn clear(state: &mut AppState) -> bool {
    state.search.matches.take().is_some()
}

/// After every message: the kept matches follow the reader to another article, and a corpus
/// search nobody looks at any more is stopped.
pub fn settle(state: &mut AppState) {
    if !matches!(state.popup, Some(Popup::Corpus(_))) {
        state.search.running = None;
    }
    let Some(reader) = state.reader.as_ref() else { return };
    let Some(matches) = state.search.matches.as_mut() else { return };
    if matches.article != reader.article
        && let Some(article) = state.articles.get(reader.article)
    {
        matches.spans = matches.query.find_all(article.text());
        matches.article = reader.article;
    }
}
