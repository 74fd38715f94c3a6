//! `update`: the one place state changes, message by message; it returns what the loop must do.

use std::sync::Arc;

use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::app::{AppState, Focus, Popup, keep_visible};
use super::geometry::LIST_ROW_HEIGHT;
use crate::config::{Chord, Context};
use crate::corpus::{Article, Problem};

/// Everything that can happen to the app.
#[derive(Debug)]
pub enum Msg {
    /// A key was pressed.
    Key(Chord),
    Mouse(Mouse),
    /// The terminal has a new size.
    Resize(Rect),
    /// The background loader read more articles.
    Loaded {
        articles: Vec<Article>,
        problems: Vec<Problem>,
        expected: usize,
    },
    /// The background loader is done.
    LoadFinished,
}

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

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
}

/// Lines the mouse wheel scrolls.
const WHEEL_LINES: usize = 3;

/// Applies `msg` to `state` and says what should happen next.
pub fn update(state: &mut AppState, msg: Msg) -> Effect {
    let effect = match msg {
        Msg::Key(chord) => match state.keymap.action(state.context(), chord) {
            Some(action) => {
                state.status = None;
                act(state, action)
            }
            None => Effect::None,
        },
        Msg::Mouse(mouse) => {
            on_mouse(state, mouse);
            Effect::None
        }
        Msg::Resize(screen) => {
            state.screen = screen;
            Effect::None
        }
        Msg::Loaded { articles, problems, expected } => {
            state.loading.expected = expected;
            state.articles.extend(articles.into_iter().map(Arc::new));
            state.problems.extend(problems);
            if state.reader.is_none() && !state.articles.is_empty() {
                state.show_article(state.list.selected);
            }
            Effect::None
        }
        Msg::LoadFinished => {
            state.loading.finished = true;
            report_load(state);
            Effect::None
        }
    };
    state.sync_layout();
    effect
}

fn act(state: &mut AppState, action: Action) -> Effect {
    match action {
        Action::Quit => return Effect::Quit,
        Action::Help => {
            state.popup = match state.popup {
                Some(Popup::Help { .. }) => None,
                _ => Some(Popup::Help { scroll: 0 }),
            };
        }
        Action::FocusNext | Action::FocusPrev => {
            if state.popup.is_none() {
                state.focus = match state.focus {
                    Focus::List if state.reader.is_some() => Focus::Reader,
                    _ => Focus::List,
                };
            }
        }
        Action::Back => {
            if state.popup.take().is_none() {
                state.focus = Focus::List;
            }
        }
        Action::Open => {
            if state.reader.is_some() {
                state.focus = Focus::Reader;
            }
        }
        Action::MoveDown => step(state, Step::By(1)),
        Action::MoveUp => step(state, Step::By(-1)),
        Action::MoveTop => step(state, Step::First),
        Action::MoveBottom => step(state, Step::Last),
        Action::PageDown => page(state, 1),
        Action::PageUp => page(state, -1),
    }
    Effect::None
}

/// A move of a cursor in a list of things.
#[derive(Debug, Clone, Copy)]
enum Step {
    By(isize),
    First,
    Last,
}

impl Step {
    fn apply(self, at: usize, len: usize) -> usize {
        let last = len.saturating_sub(1);
        match self {
            Self::By(delta) => at.saturating_add_signed(delta).min(last),
            Self::First => 0,
            Self::Last => last,
        }
    }
}

fn step(state: &mut AppState, step: Step) {
    match state.context() {
        Context::Help => {
            if let Some(Popup::Help { scroll }) = &mut state.popup {
                *scroll = step.apply(*scroll, usize::MAX);
            }
        }
        Context::List => select_article(state, step.apply(state.list.selected, state.articles.len())),
        Context::Reader => {
            let count = state.current_article().map_or(0, |a| a.sentences().len());
            if let Some(reader) = state.reader.as_mut() {
                reader.place.cursor = step.apply(reader.place.cursor, count);
            }
        }
        _ => {}
    }
}

fn select_article(state: &mut AppState, index: usize) {
    state.list.selected = index;
    state.show_article(index);
}

fn page(state: &mut AppState, direction: isize) {
    match state.context() {
        Context::List => {
            let rows = state.list_rows().cast_signed();
            select_article(state, Step::By(direction * rows).apply(state.list.selected, state.articles.len()));
        }
        Context::Reader => page_reader(state, direction),
        Context::Help => step(state, Step::By(direction * 10)),
        _ => {}
    }
}

/// Pages the reader: the view and the cursor move together by a screenful, less two lines of
/// context; at either end of the text the cursor goes to the first or last sentence.
fn page_reader(state: &mut AppState, direction: isize) {
    let height = state.reader_height();
    let Some(article) = state.current_article().cloned() else { return };
    let Some(reader) = state.reader.as_mut() else { return };
    let sentences = article.sentences();
    let Some(current) = sentences.get(reader.place.cursor) else { return };
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
    let sentences = article.sentences();
    let on_screen = |i: &usize| {
        let lines = reader.wrapped.lines_of(&sentences[*i]);
        *lines.start() >= top && *lines.start() < top + height
    };
    let cursor_lines = sentences.get(reader.place.cursor).map(|s| reader.wrapped.lines_of(s));
    if cursor_lines.is_some_and(|l| *l.end() >= top && *l.start() < top + height) {
        return;
    }
    let candidates: Vec<usize> = (0..sentences.len()).filter(on_screen).collect();
    let pick = if lines > 0 { candidates.first() } else { candidates.last() };
    if let Some(&index) = pick {
        reader.place.cursor = index;
        reader.place.scroll = keep_visible(top, reader.wrapped.lines_of(&sentences[index]), height);
    }
}

fn on_mouse(state: &mut AppState, mouse: Mouse) {
    let Some(areas) = state.areas() else { return };
    let at = Position::new(mouse.column, mouse.row);
    let in_list = areas.list.is_some_and(|list| list.contains(at));
    let in_reader = areas.reader.is_some_and(|reader| reader.contains(at));
    match mouse.kind {
        MouseKind::ScrollUp | MouseKind::ScrollDown if state.popup.is_some() => {
            let delta = if mouse.kind == MouseKind::ScrollUp { -1 } else { 1 };
            step(state, Step::By(delta * WHEEL_LINES.cast_signed()));
        }
        MouseKind::ScrollUp | MouseKind::ScrollDown => {
            let delta: isize = if mouse.kind == MouseKind::ScrollUp { -1 } else { 1 };
            if in_list {
                select_article(state, Step::By(delta).apply(state.list.selected, state.articles.len()));
            } else if in_reader {
                scroll_reader(state, delta * WHEEL_LINES.cast_signed());
            }
        }
        MouseKind::Click => {
            if in_list && let Some(list) = areas.list {
                let row = usize::from(mouse.row.saturating_sub(list.y + 1) / LIST_ROW_HEIGHT);
                let index = state.list.offset + row;
                if index < state.articles.len() {
                    state.focus = Focus::List;
                    select_article(state, index);
                }
            } else if in_reader {
                click_reader(state, at);
            }
        }
    }
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
    let sentences = article.sentences();
    if let Some(index) = sentences.iter().position(|s| reader.wrapped.lines_of(s).contains(&line)) {
        reader.place.cursor = index;
    }
}

/// Tells the user about files that could not be read, once loading is done.
fn report_load(state: &mut AppState) {
    match state.problems.as_slice() {
        [] if state.articles.is_empty() => state.set_error("no articles to read: give gloss a folder or .txt files"),
        [] => {}
        [only] => state.set_error(only.to_string()),
        [first, rest @ ..] => state.set_error(format!("{first} (and {} more: see gloss list)", rest.len())),
    }
}
