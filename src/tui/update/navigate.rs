//! Moving around: the list's selection, the reader's sentence cursor, words and names, pages,
//! popups' selections, and the mouse.

use ratatui::layout::Position;

use super::super::app::{AppState, Focus};
use super::super::layout::keep_visible;
use super::super::popup::Popup;
use super::super::reader::Reader;
use crate::keymap::Context;

/// A mouse event, in screen cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    Click,
    ScrollUp,
    ScrollDown,
}

/// Lines the mouse wheel scrolls.
const WHEEL_LINES: isize = 3;

/// A move of a cursor in a list of things.
#[derive(Debug, Clone, Copy)]
pub enum Step {
    By(isize),
    First,
    Last,
}

impl Step {
    pub fn apply(self, at: usize, len: usize) -> usize {
        let last = len.saturating_sub(1);
        match self {
            Self::By(delta) => at.saturating_add_signed(delta).min(last),
            Self::First => 0,
            Self::Last => last,
        }
    }
}

/// Moves whatever the keys point at in the current context.
pub fn step(state: &mut AppState, step: Step) {
    let claims = super::conflicts::panel_rows(state).len();
    match (state.context(), &mut state.popup) {
        (Context::Claims, Some(Popup::Claims(panel))) => panel.selected = step.apply(panel.selected, claims),
        (Context::Help, Some(Popup::Help { scroll })) => *scroll = step.apply(*scroll, usize::MAX),
        (Context::Entities, Some(Popup::Entities(panel))) => {
            panel.selected = step.apply(panel.selected, panel.entities.len());
            panel.next_mention = 0;
        }
        (Context::Picker | Context::Dialog, Some(Popup::Choice(choice))) => {
            choice.selected = step.apply(choice.selected, choice.shown().len());
        }
        (Context::List, _) | (Context::Dialog, Some(Popup::TitleQuery(_))) => {
            let row = step.apply(state.list.selected, state.shown_articles().len());
            select_row(state, row);
        }
        (Context::Reader, _) => {
            // As in vim, going to either end is a jump.
            if matches!(step, Step::First | Step::Last) && state.reader.as_ref().is_some_and(|r| r.selection.is_none())
            {
                super::jumps::record_here(state);
            }
            step_reader(state, step);
        }
        _ => {}
    }
}

/// Selects row `row` of the list and shows its article.
pub fn select_row(state: &mut AppState, row: usize) {
    state.list.selected = row;
    if let Some(article) = state.selected_article() {
        state.show_article(article);
    }
}

/// Sentence moves; while selecting, they move the selection's end by whole sentences.
fn step_reader(state: &mut AppState, step: Step) {
    if super::select::by_sentence(state, step) {
        return;
    }
    let Some(article) = state.current_article().cloned() else { return };
    let Some(reader) = state.reader.as_mut() else { return };
    let sentences = reader.sentence_list(&article);
    reader.place.cursor = step.apply(reader.place.cursor, sentences.len());
    reader.focus = None;
    reader.moved();
}

/// Moves by words: the focused word, or the end of the selection.
pub fn word(state: &mut AppState, direction: isize) {
    if super::select::by_word(state, direction > 0) {
        return;
    }
    let Some(article) = state.current_article().cloned() else { return };
    let Some(reader) = state.reader.as_mut() else { return };
    let sentences = reader.sentence_list(&article);
    let Some(sentence) = sentences.get(reader.place.cursor).cloned() else { return };
    let focus = reader.focus.clone();
    let next = if direction > 0 {
        Reader::next_word(&article, focus.map(|f| f.end), &sentence)
    } else {
        Reader::previous_word(&article, focus.map(|f| f.start), &sentence)
    };
    if let Some(word) = next {
        reader.place.cursor = Reader::sentence_at(&sentences, word.start);
        reader.focus = Some(word);
    }
}

/// Moves the focus to the next or previous entity mention, wrapping around the article.
pub fn entity(state: &mut AppState, direction: isize) {
    let Some(article) = state.current_article().cloned() else { return };
    let Some(reader) = state.reader.as_mut() else { return };
    if reader.mentions.is_empty() {
        let why = if state.names.recognizer.is_some() {
            "no names in this article"
        } else {
            "still reading the gazetteer…"
        };
        state.status = Some(super::super::app::Status { text: why.into(), is_error: false });
        return;
    }
    let from = reader.focus.clone().unwrap_or_else(|| {
        let sentence = reader.sentences(&article).get(reader.place.cursor).cloned().unwrap_or_default();
        if direction > 0 {
            sentence.start.saturating_sub(1)..sentence.start.saturating_sub(1)
        } else {
            sentence.start..sentence.start
        }
    });
    let mentions = &reader.mentions;
    let found = if direction > 0 {
        mentions.iter().find(|m| m.span.start > from.start).or(mentions.first())
    } else {
        mentions.iter().rev().find(|m| m.span.start < from.start).or(mentions.last())
    };
    if let Some(mention) = found.cloned() {
        let wrapped = if direction > 0 { mention.span.start <= from.start } else { mention.span.start >= from.start };
        reader.put_cursor_at(&article, mention.span.start);
        reader.focus = Some(mention.span.clone());
        let mut said = describe_mention(&article, &mention);
        if wrapped {
            said.push_str(if direction > 0 { " (back to the first name)" } else { " (on to the last name)" });
        }
        state.set_status(said);
    }
}

/// What the name under the cursor is: `Kishida: Fumio Kishida · PERSON (people)`, and whether
/// gloss guessed it.
fn describe_mention(article: &gloss_core::corpus::Article, mention: &gloss_core::entities::Mention) -> String {
    let text =
        article.text().get(mention.span.clone()).unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ");
    let name = if text == *mention.canonical { text } else { format!("{text}: {}", mention.canonical) };
    let guessed = if mention.source == gloss_core::entities::MentionSource::Guess { " · guessed" } else { "" };
    format!("{name} · {} ({}){guessed}", mention.kind.name(), mention.kind.about())
}

pub fn page(state: &mut AppState, direction: isize) {
    match state.context() {
        Context::List => {
            let rows = state.list_rows().cast_signed();
            let row = Step::By(direction * rows).apply(state.list.selected, state.shown_articles().len());
            select_row(state, row);
        }
        Context::Reader => page_reader(state, direction),
        Context::Help | Context::Entities | Context::Claims => step(state, Step::By(direction * 10)),
        _ => {}
    }
}

/// Pages the reader: the view and the cursor move together by a screenful, less two lines of
/// context; at either end of the text the cursor goes to the first or last sentence.
fn page_reader(state: &mut AppState, direction: isize) {
    let height = state.reader_height();
    let Some(article) = state.current_article().cloned() else { return };
    let Some(reader) = state.reader.as_mut() else { return };
    let sentences = reader.sentence_list(&article);
    let Some(current) = sentences.get(reader.place.cursor) else { return };
    reader.focus = None;
    reader.moved();
    let last_top = reader.wrapped.lines.len().saturating_sub(height);
    let step = height.saturating_sub(2).max(1).cast_signed() * direction;
    let scroll = reader.place.scroll.saturating_add_signed(step).min(last_top);
    if scroll == reader.place.scroll {
        reader.place.cursor = if direction > 0 { sentences.len() - 1 } else { 0 };
        return;
    }
    let row = reader.wrapped.lines_of(current).start().saturating_sub(reader.place.scroll);
    let target = scroll + row;
    reader.place.cursor =
        sentences.partition_point(|s| *reader.wrapped.lines_of(s).end() < target).min(sentences.len() - 1);
    reader.place.scroll = scroll;
}

/// Scrolls the reader by `lines` and keeps the cursor on a sentence that is on screen.
fn scroll_reader(state: &mut AppState, lines: isize) {
    let height = state.reader_height();
    let Some(article) = state.current_article().cloned() else { return };
    let Some(reader) = state.reader.as_mut() else { return };
    let last_top = reader.wrapped.lines.len().saturating_sub(height);
    reader.place.scroll = reader.place.scroll.saturating_add_signed(lines).min(last_top);
    let top = reader.place.scroll;
    let sentences = reader.sentence_list(&article);
    let wrapped = &reader.wrapped;
    let visible = |i: usize| {
        let lines = wrapped.lines_of(&sentences[i]);
        *lines.end() >= top && *lines.start() < top + height
    };
    if sentences.get(reader.place.cursor).is_none() || visible(reader.place.cursor) {
        return;
    }
    // Lines only grow down the sentences, so the ones on screen are a run: found by bisection,
    // not by looking at each of a long article's sentences.
    let first = sentences.partition_point(|s| *wrapped.lines_of(s).end() < top);
    let after = sentences.partition_point(|s| *wrapped.lines_of(s).start() < top + height);
    let pick = if first >= after {
        None
    } else if lines > 0 {
        Some(first)
    } else {
        Some(after - 1)
    };
    if let Some(index) = pick {
        reader.place.cursor = index;
        reader.focus = None;
        reader.place.scroll = keep_visible(top, reader.wrapped.lines_of(&sentences[index]), height);
    }
}

pub fn on_mouse(state: &mut AppState, mouse: Mouse) {
    let Some(areas) = state.areas() else { return };
    let at = Position::new(mouse.column, mouse.row);
    let in_list = areas.list.is_some_and(|list| list.contains(at));
    let in_reader = areas.reader.is_some_and(|reader| reader.contains(at));
    let delta = match mouse.kind {
        MouseKind::ScrollUp => -1,
        MouseKind::ScrollDown => 1,
        MouseKind::Click => 0,
    };
    match mouse.kind {
        MouseKind::ScrollUp | MouseKind::ScrollDown if state.popup.is_some() => {
            step(state, Step::By(delta * WHEEL_LINES));
        }
        MouseKind::ScrollUp | MouseKind::ScrollDown if in_list => {
            let row = Step::By(delta).apply(state.list.selected, state.shown_articles().len());
            select_row(state, row);
        }
        MouseKind::ScrollUp | MouseKind::ScrollDown if in_reader => scroll_reader(state, delta * WHEEL_LINES),
        MouseKind::Click if state.popup.is_none() && in_list => {
            if let Some(row) = areas.list.and_then(|list| list_row_at(state, list, mouse.row)) {
                state.focus = Focus::List;
                select_row(state, row);
            }
        }
        MouseKind::Click if state.popup.is_none() && in_reader => click_reader(state, at),
        _ => {}
    }
}

/// The list's row on screen line `y` (rows take two or three lines).
fn list_row_at(state: &AppState, list: ratatui::layout::Rect, y: u16) -> Option<usize> {
    let inside = super::super::geometry::inner(list);
    let mut top = usize::from(inside.y);
    for row in state.list.offset..state.shown_articles().len() {
        top += state.list_row_height(row, usize::from(inside.width));
        if usize::from(y) < top {
            return Some(row);
        }
    }
    None
}

/// Puts the reader's cursor on the sentence under a click.
fn click_reader(state: &mut AppState, at: Position) {
    let Some(text_area) = state.reader_areas().map(|r| r.text) else { return };
    state.focus = Focus::Reader;
    if !text_area.contains(at) {
        return;
    }
    let Some(article) = state.current_article().cloned() else { return };
    let Some(reader) = state.reader.as_mut() else { return };
    let line = reader.place.scroll + usize::from(at.y - text_area.y);
    let sentences = reader.sentence_list(&article);
    // The first sentence that ends on or after the line, if it starts on or before it.
    let first = sentences.partition_point(|s| *reader.wrapped.lines_of(s).end() < line);
    let under = sentences.get(first).filter(|s| *reader.wrapped.lines_of(s).start() <= line).map(|_| first);
    if let Some(index) = under {
        reader.place.cursor = index;
        reader.focus = None;
    }
}
