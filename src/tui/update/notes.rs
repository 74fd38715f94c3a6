//! The note editor: a claim's note or the article's, written in a multi-line editor; every
//! keystroke reaches the session (and the store) at once, `esc` keeps the text, discarding
//! asks first.

use ratatui_textarea::{Input, Key as TextKey, TextArea, WrapMode};

use super::super::action::Action;
use super::super::app::AppState;
use super::super::popup::{NoteEditor, Popup};
use super::Effect;
use super::claims::target;
use super::intents::{after, send};
use crate::keymap::{Chord, Key};
use gloss_core::annotations::{Intent, NoteOn};

/// `a`: the note of the claim under the cursor (made if needed). `A`: the article's note.
pub fn open(state: &mut AppState, on_article: bool) -> Vec<Effect> {
    let Some(article) = state.reader.as_ref().map(|r| r.article) else { return Vec::new() };
    let on = if on_article {
        NoteOn::Article
    } else {
        let Some((_, target)) = target(state) else { return Vec::new() };
        NoteOn::Claim(target)
    };
    let outcome = match state.notes.session.apply(Intent::BeginNote { article, on }) {
        Ok(outcome) => outcome,
        Err(refused) => {
            state.set_error(refused.to_string());
            return Vec::new();
        }
    };
    let text = state.notes.session.note_text().unwrap_or_default();
    let mut textarea = TextArea::new(text.lines().map(str::to_owned).collect());
    textarea.set_wrap_mode(WrapMode::WordOrGlyph);
    textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
    textarea.move_cursor(ratatui_textarea::CursorMove::End);
    if let Some(reader) = state.reader.as_mut() {
        reader.selection = None;
    }
    state.popup = Some(Popup::Editor(Box::new(NoteEditor { textarea, confirm_discard: false })));
    after(state, outcome)
}

/// Editor actions: close, discard (and its confirmation).
pub fn act(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(Popup::Editor(editor)) = state.popup.as_mut() else { return Vec::new() };
    match (action, editor.confirm_discard) {
        (Action::CloseEditor, false) => close(state, Intent::CommitNote),
        (Action::DiscardNote, false) => {
            editor.confirm_discard = true;
            Vec::new()
        }
        (Action::Confirm, true) => close(state, Intent::DiscardNote),
        (Action::Back, true) => {
            editor.confirm_discard = false;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// A key the editor's bindings do not take: it is typing. The note goes to the store at once.
pub fn type_key(state: &mut AppState, chord: Chord) -> Vec<Effect> {
    let Some(Popup::Editor(editor)) = state.popup.as_mut() else { return Vec::new() };
    if editor.confirm_discard {
        return Vec::new();
    }
    let Some(input) = to_input(chord) else { return Vec::new() };
    if !editor.textarea.input(input) {
        return Vec::new();
    }
    write_through(state)
}

/// Pasted text goes into the note.
pub fn paste(state: &mut AppState, text: &str) -> Vec<Effect> {
    let Some(Popup::Editor(editor)) = state.popup.as_mut() else { return Vec::new() };
    if editor.confirm_discard || !editor.textarea.insert_str(text.replace("\r\n", "\n").replace('\r', "\n")) {
        return Vec::new();
    }
    write_through(state)
}

/// Hands the editor's text to the session, which writes it to the store.
fn write_through(state: &mut AppState) -> Vec<Effect> {
    let Some(Popup::Editor(editor)) = state.popup.as_ref() else { return Vec::new() };
    let text = editor.textarea.lines().join("\n");
    send(state, Intent::UpdateNote { text })
}

/// `esc` keeps the note (the whole session one step of undo); a confirmed discard puts the
/// article's annotations back as they were before the editor opened.
fn close(state: &mut AppState, intent: Intent) -> Vec<Effect> {
    state.popup = None;
    send(state, intent)
}

/// The editor's own key, from a chord as keymaps write it.
pub(super) fn to_input(chord: Chord) -> Option<Input> {
    let key = match chord.key {
        Key::Char(c) => TextKey::Char(c),
        Key::Enter => TextKey::Enter,
        Key::Esc => TextKey::Esc,
        Key::Tab => TextKey::Tab,
        Key::Backspace => TextKey::Backspace,
        Key::Delete => TextKey::Delete,
        Key::Up => TextKey::Up,
        Key::Down => TextKey::Down,
        Key::Left => TextKey::Left,
        Key::Right => TextKey::Right,
        Key::Home => TextKey::Home,
        Key::End => TextKey::End,
        Key::PageUp => TextKey::PageUp,
        Key::PageDown => TextKey::PageDown,
        Key::F(n) => TextKey::F(n),
        Key::BackTab | Key::Insert => return None,
    };
    Some(Input { key, ctrl: chord.ctrl, alt: chord.alt, shift: chord.shift })
}
