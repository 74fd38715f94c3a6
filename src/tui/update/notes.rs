//! The note editor: a claim's note or the article's, written in a multi-line editor; every
//! keystroke reaches the store at once, `esc` keeps the text, discarding asks first.

use ratatui_textarea::{Input, Key as TextKey, TextArea, WrapMode};

use super::super::action::Action;
use super::super::app::AppState;
use super::super::popup::{ClaimTarget, NoteEditor, NoteTarget, Popup};
use super::Effect;
use super::claims::{ensure_id, save, target};
use crate::keymap::{Chord, Key};
use gloss_core::annotations::{ArticleRecord, Edit};

/// `a`: the note of the claim under the cursor (made if needed). `A`: the article's note.
pub fn open(state: &mut AppState, on_article: bool) -> Vec<Effect> {
    if let Some(why) = &state.notes.read_only {
        state.set_error(format!("read-only: {why}"));
        return Vec::new();
    }
    let Some(index) = state.reader.as_ref().map(|r| r.article) else { return Vec::new() };
    let Some(article) = state.articles.get(index).cloned() else { return Vec::new() };
    let id = ensure_id(state, index, &article);
    let before = state.notes.store.articles.get(&id).cloned();
    let (target, text) = if on_article {
        (NoteTarget::Article, before.as_ref().map(|r| r.note.clone()).unwrap_or_default())
    } else {
        let Some((_, claim)) = target(state) else { return Vec::new() };
        let claim_id = match claim {
            ClaimTarget::Existing(id) => id,
            ClaimTarget::New(span) => make_claim(state, index, &span),
        };
        let note =
            state.notes.record(index).and_then(|r| r.claims.iter().find(|c| c.id == claim_id)).map(|c| c.note.clone());
        (NoteTarget::Claim { id: claim_id }, note.unwrap_or_default())
    };
    let mut textarea = TextArea::new(text.lines().map(str::to_owned).collect());
    textarea.set_wrap_mode(WrapMode::WordOrGlyph);
    textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
    textarea.move_cursor(ratatui_textarea::CursorMove::End);
    if let Some(reader) = state.reader.as_mut() {
        reader.selection = None;
    }
    state.popup = Some(Popup::Editor(Box::new(NoteEditor {
        article_id: id,
        article: index,
        target,
        textarea,
        before,
        confirm_discard: false,
    })));
    Vec::new()
}

/// Makes an untagged claim on `span` for a note to go on, outside undo (the editor session is
/// one step of undo as a whole).
fn make_claim(state: &mut AppState, index: usize, span: &gloss_core::text::Span) -> String {
    let Some(article) = state.articles.get(index).cloned() else { return String::new() };
    let id = ensure_id(state, index, &article);
    let notes = &mut state.notes;
    notes.salt += 1;
    let stamp = gloss_core::annotations::Stamp { author: notes.author.clone(), time: (notes.clock)() };
    let claim = gloss_core::annotations::claim_id(&id, span, &stamp, notes.salt);
    let record = notes.store.articles.entry(id).or_insert_with(|| ArticleRecord::for_article(&article));
    record.add_claim(article.text(), span, &claim, &stamp);
    claim
}

/// Editor actions: close, discard (and its confirmation).
pub fn act(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(Popup::Editor(editor)) = state.popup.as_mut() else { return Vec::new() };
    match (action, editor.confirm_discard) {
        (Action::CloseEditor, false) => close(state),
        (Action::DiscardNote, false) => {
            editor.confirm_discard = true;
            Vec::new()
        }
        (Action::Confirm, true) => discard(state),
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

/// Copies the editor's text into the store and saves.
fn write_through(state: &mut AppState) -> Vec<Effect> {
    let Some(Popup::Editor(editor)) = state.popup.as_ref() else { return Vec::new() };
    let text = editor.textarea.lines().join("\n");
    let stamp_time = (state.notes.clock)();
    let Some(record) = state.notes.store.articles.get_mut(&editor.article_id) else { return Vec::new() };
    match &editor.target {
        NoteTarget::Article => record.note = text,
        NoteTarget::Claim { id } => {
            if let Some(claim) = record.claims.iter_mut().find(|c| &c.id == id) {
                claim.note = text;
                claim.modified = stamp_time;
            }
        }
    }
    save(state)
}

/// `esc`: keep the note; the whole session becomes one step of undo.
fn close(state: &mut AppState) -> Vec<Effect> {
    let Some(Popup::Editor(editor)) = state.popup.take() else { return Vec::new() };
    let notes = &mut state.notes;
    if let Some(record) = notes.store.articles.get_mut(&editor.article_id) {
        record.claims.retain(|c| !c.is_empty());
    }
    let after = notes.store.articles.get(&editor.article_id).cloned();
    let what = match editor.target {
        NoteTarget::Article => "article note",
        NoteTarget::Claim { .. } => "claim note",
    };
    if after != editor.before {
        notes.history.record(Edit { article: editor.article_id, before: editor.before, after, what: what.to_owned() });
        state.set_status(format!("{what} saved"));
    }
    save(state)
}

/// Confirmed: put the article's annotations back as they were before the editor opened.
fn discard(state: &mut AppState) -> Vec<Effect> {
    let Some(Popup::Editor(editor)) = state.popup.take() else { return Vec::new() };
    match editor.before {
        Some(record) => state.notes.store.articles.insert(editor.article_id, record),
        None => state.notes.store.articles.remove(&editor.article_id),
    };
    state.set_status("changes to the note thrown away");
    save(state)
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
