//! The jump list, as vim keeps it: every jump (a search hit, an entity mention, a claim, another
//! article) first records where the reader was, so `ctrl-o` retraces the jumps and `ctrl-i`
//! redoes them. Moving by sentences, words or pages is not a jump.

use super::super::action::Action;
use super::super::app::{AppState, Focus};
use super::super::reader::Place;
use super::Effect;

/// How many places the list keeps; the oldest go first.
const DEPTH: usize = 100;

/// A place in the corpus: an article and a byte of its text (the start of the cursor's sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jump {
    pub article: usize,
    pub offset: usize,
}

/// The places jumped from, oldest first, and where `ctrl-o` and `ctrl-i` are in them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JumpList {
    places: Vec<Jump>,
    /// The place `ctrl-o` goes back from: `places.len()` when not going back.
    at: usize,
    /// Where the reader last was with the keys in it, for jumps made from the list.
    last_read: Option<Jump>,
}

impl JumpList {
    /// The places to go back to, oldest first (and those gone back from, after `at`).
    pub fn places(&self) -> &[Jump] {
        &self.places
    }

    /// Remembers `place` as the newest jump, forgetting any undone ones after it; as in vim, an
    /// older record of the same place goes, so going back never visits it twice.
    fn push(&mut self, place: Jump) {
        self.places.truncate(self.at);
        self.places.retain(|p| *p != place);
        self.places.push(place);
        if self.places.len() > DEPTH {
            self.places.remove(0);
        }
        self.at = self.places.len();
    }
}

/// `ctrl-o`, `ctrl-i`, and the next or previous article from the reader.
pub fn act(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::JumpBack => back(state),
        Action::JumpForward => forward(state),
        Action::NextArticle => return in_turn(state, 1),
        Action::PrevArticle => return in_turn(state, -1),
        _ => {}
    }
    Vec::new()
}

/// Where the reader is: the start of the cursor's sentence.
fn reader_place(state: &AppState) -> Option<Jump> {
    let reader = state.reader.as_ref()?;
    let article = state.articles.get(reader.article)?;
    let sentence = reader.sentences(article).get(reader.place.cursor)?;
    Some(Jump { article: reader.article, offset: sentence.start })
}

/// Where the user is reading: the reader when it has the keys, else where it last had them.
fn here(state: &AppState) -> Option<Jump> {
    if state.focus == Focus::Reader {
        reader_place(state)
    } else {
        state.jumps.last_read.or_else(|| reader_place(state))
    }
}

/// Notes where the reader is while it has the keys; called after every message.
pub fn note_reading(state: &mut AppState) {
    if state.focus == Focus::Reader && state.popup.is_none() {
        state.jumps.last_read = reader_place(state);
    }
}

/// Records where the user is reading as a place to come back to, before a jump.
pub fn record_here(state: &mut AppState) {
    if let Some(place) = here(state) {
        state.jumps.push(place);
    }
}

/// Records where the user is, then opens `article` in the reader with the cursor on the
/// sentence holding byte `offset` (marking it read when it is another article). What search
/// calls when a hit is opened.
pub fn jump_to(state: &mut AppState, article: usize, offset: usize) -> Vec<Effect> {
    record_here(state);
    let other = state.reader.as_ref().is_none_or(|r| r.article != article);
    go(state, Jump { article, offset });
    if other { super::claims::mark_read(state, article) } else { Vec::new() }
}

/// After `enter` opened `article` from the list: the place read before is a jump away.
pub fn opened(state: &mut AppState, article: usize) {
    if let Some(before) = state.jumps.last_read.filter(|place| place.article != article) {
        state.jumps.push(before);
    }
}

/// Shows `place` in the reader, with the keys there.
fn go(state: &mut AppState, place: Jump) {
    let Some(article) = state.articles.get(place.article).cloned() else { return };
    if let Some(row) = state.row_of(place.article) {
        state.list.selected = row;
    }
    state.show_article(place.article);
    if let Some(reader) = state.reader.as_mut() {
        reader.put_cursor_at(&article, place.offset);
        reader.focus = None;
        reader.selection = None;
    }
    state.focus = Focus::Reader;
}

fn back(state: &mut AppState) {
    if state.jumps.at >= state.jumps.places.len() {
        record_here(state);
        state.jumps.at = state.jumps.places.len().saturating_sub(1);
    }
    if state.jumps.at == 0 {
        state.set_status("no older jump");
        return;
    }
    state.jumps.at -= 1;
    let place = state.jumps.places[state.jumps.at];
    go(state, place);
}

fn forward(state: &mut AppState) {
    if state.jumps.at + 1 >= state.jumps.places.len() {
        state.set_status("no newer jump");
        return;
    }
    state.jumps.at += 1;
    let place = state.jumps.places[state.jumps.at];
    go(state, place);
}

/// `J` and `K` in the reader: the next or previous article of the list as shown, where the
/// reader last left it; a jump, so `ctrl-o` comes back.
fn in_turn(state: &mut AppState, direction: isize) -> Vec<Effect> {
    let Some(current) = state.reader.as_ref().map(|r| r.article) else { return Vec::new() };
    let row = state.row_of(current).unwrap_or(state.list.selected);
    let Some(next_row) = row.checked_add_signed(direction).filter(|&r| r < state.shown_articles().len()) else {
        state.set_status(if direction > 0 { "the last article of the list" } else { "the first article of the list" });
        return Vec::new();
    };
    let article = state.shown_articles()[next_row];
    let place: Place = state.places.get(&article).copied().unwrap_or_default();
    let offset = state.articles[article].sentences().get(place.cursor).map_or(0, |s| s.start);
    jump_to(state, article, offset)
}
