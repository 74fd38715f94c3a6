//! A key pressed: the action it is bound to where it was pressed, or typing in a text field,
//! or a note that it does nothing there.

use super::super::app::AppState;
use super::super::popup::Popup;
use super::{Effect, act, export, listing, names, notes, resume, search};
use crate::keymap::{Chord, Context, Key};

pub fn on_key(state: &mut AppState, chord: Chord) -> Vec<Effect> {
    resume::forget_pending(state);
    let context = state.context();
    match state.keymap.action(context, chord) {
        Some(action) => {
            state.status = None;
            act(state, action)
        }
        None if context == Context::Editor => notes::type_key(state, chord),
        None if context == Context::Export => export::type_key(state, chord),
        None if matches!(context, Context::Search | Context::CorpusSearch) => search::type_key(state, chord),
        None if !context.is_text_input() => {
            state.set_status(format!("{chord} does nothing {} (? lists the keys)", where_in(context)));
            Vec::new()
        }
        None if context == Context::Dialog => {
            match chord.key {
                Key::Char(c) if !chord.ctrl && !chord.alt => type_into_dialog(state, &c.to_string()),
                Key::Backspace if matches!(state.popup, Some(Popup::TitleQuery(_))) => listing::type_title(state, None),
                Key::Backspace => names::erase_in_choice(state),
                _ => {}
            }
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// Where the keys act, in words.
fn where_in(context: Context) -> &'static str {
    match context {
        Context::List => "in the list",
        Context::Reader => "in the reader",
        Context::Entities => "in the entity panel",
        Context::Claims => "in the claims panel",
        Context::Help => "in help",
        _ => "here",
    }
}

/// Text typed or pasted into a list that takes typing, or the title query.
pub fn type_into_dialog(state: &mut AppState, text: &str) {
    if matches!(state.popup, Some(Popup::TitleQuery(_))) {
        listing::type_title(state, Some(text));
    } else {
        names::type_into_choice(state, text);
    }
}
