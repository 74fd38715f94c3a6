//! `update`: the one place state changes, message by message; it returns what the loop must do.

mod names;
mod navigate;

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::Action;
use super::app::{AppState, Focus};
use super::popup::Popup;
use crate::config::{Chord, Context, Key};
use crate::corpus::{Article, Problem};
use crate::entities::{EntityKey, Recognizer, UserGazetteer};

pub use navigate::{Mouse, MouseKind};

/// Everything that can happen to the app.
#[derive(Debug)]
pub enum Msg {
    /// A key was pressed.
    Key(Chord),
    /// Text was pasted.
    Paste(String),
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
    /// A recogniser was built for the user's gazetteer of `generation`.
    RecognizerReady {
        recognizer: Arc<Recognizer>,
        generation: u64,
    },
    RecognizerFailed(String),
    /// Articles' entities, for the corpus index, from the recogniser of `generation`.
    Indexed {
        generation: u64,
        entries: Vec<(usize, Vec<EntityKey>)>,
    },
    /// The user's gazetteer was saved, or why not.
    UserGazetteerSaved(Result<PathBuf, String>),
}

/// What the event loop must do after an update.
#[derive(Debug)]
pub enum Effect {
    Quit,
    /// Build a recogniser with this user gazetteer, in the background.
    BuildRecognizer {
        user: UserGazetteer,
        generation: u64,
    },
    /// Recognise these articles' entities for the corpus index, in the background.
    Index {
        recognizer: Arc<Recognizer>,
        generation: u64,
        articles: Vec<(usize, Arc<Article>)>,
    },
    SaveUserGazetteer {
        user: UserGazetteer,
        path: PathBuf,
    },
}

/// What to do first, before any message: build the recogniser.
pub fn startup(state: &AppState) -> Vec<Effect> {
    vec![Effect::BuildRecognizer { user: state.names.user.clone(), generation: state.names.generation }]
}

/// Applies `msg` to `state` and says what should happen next.
pub fn update(state: &mut AppState, msg: Msg) -> Vec<Effect> {
    let effects = match msg {
        Msg::Key(chord) => on_key(state, chord),
        Msg::Paste(text) => {
            names::type_into_choice(state, &text);
            Vec::new()
        }
        Msg::Mouse(mouse) => {
            navigate::on_mouse(state, mouse);
            Vec::new()
        }
        Msg::Resize(screen) => {
            state.screen = screen;
            Vec::new()
        }
        Msg::Loaded { articles, problems, expected } => on_loaded(state, articles, problems, expected),
        Msg::LoadFinished => {
            state.loading.finished = true;
            report_load(state);
            Vec::new()
        }
        Msg::RecognizerReady { recognizer, generation } => names::on_recognizer(state, recognizer, generation),
        Msg::RecognizerFailed(error) => {
            state.set_error(format!("entity recognition is off: {error}"));
            Vec::new()
        }
        Msg::Indexed { generation, entries } => {
            names::on_indexed(state, generation, &entries);
            Vec::new()
        }
        Msg::UserGazetteerSaved(result) => {
            if let Err(error) = result {
                state.set_error(format!("{error} (your names are kept for this session)"));
            }
            Vec::new()
        }
    };
    state.sync_layout();
    effects
}

fn on_key(state: &mut AppState, chord: Chord) -> Vec<Effect> {
    let context = state.context();
    match state.keymap.action(context, chord) {
        Some(action) => {
            state.status = None;
            act(state, action)
        }
        None if context == Context::Dialog => {
            match chord.key {
                Key::Char(c) if !chord.ctrl && !chord.alt => names::type_into_choice(state, &c.to_string()),
                Key::Backspace => names::erase_in_choice(state),
                _ => {}
            }
            Vec::new()
        }
        None => Vec::new(),
    }
}

fn act(state: &mut AppState, action: Action) -> Vec<Effect> {
    use navigate::Step;
    match action {
        Action::Quit => return vec![Effect::Quit],
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
        Action::Back => back(state),
        Action::Cancel => state.popup = None,
        Action::Open if state.context() == Context::List => {
            if state.reader.is_some() {
                state.focus = Focus::Reader;
            }
        }
        Action::MoveDown => navigate::step(state, Step::By(1)),
        Action::MoveUp => navigate::step(state, Step::By(-1)),
        Action::MoveTop => navigate::step(state, Step::First),
        Action::MoveBottom => navigate::step(state, Step::Last),
        Action::PageDown => navigate::page(state, 1),
        Action::PageUp => navigate::page(state, -1),
        Action::Select => navigate::toggle_selection(state),
        Action::NextWord => navigate::word(state, 1),
        Action::PrevWord => navigate::word(state, -1),
        Action::NextEntity => navigate::entity(state, 1),
        Action::PrevEntity => navigate::entity(state, -1),
        Action::Open
        | Action::Confirm
        | Action::ToggleHighlights
        | Action::EntityPanel
        | Action::FilterByEntity
        | Action::AddEntity
        | Action::AddAlias
        | Action::RejectEntity => return names::act(state, action),
    }
    Vec::new()
}

/// `esc`: undo the innermost thing — a popup, a selection, a focused word, the reader's
/// focus, the list's filter.
fn back(state: &mut AppState) {
    if state.popup.take().is_some() {
        return;
    }
    if state.focus == Focus::Reader
        && let Some(reader) = state.reader.as_mut()
    {
        if reader.selection.take().is_none() && reader.focus.take().is_none() {
            state.focus = Focus::List;
        }
        return;
    }
    if state.filter.is_some() {
        names::clear_filter(state);
    }
}

fn on_loaded(state: &mut AppState, articles: Vec<Article>, problems: Vec<Problem>, expected: usize) -> Vec<Effect> {
    state.loading.expected = expected;
    let first_new = state.articles.len();
    state.articles.extend(articles.into_iter().map(Arc::new));
    state.problems.extend(problems);
    if state.reader.is_none()
        && let Some(article) = state.selected_article()
    {
        state.show_article(article);
    }
    names::index_from(state, first_new)
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
