//! Opening gloss where it was left: the remembered order and list width at start, the article
//! and place once that article is read in (unless a key came first), and what to remember on
//! the way out.

use super::super::app::{AppState, Focus};
use super::super::layout::keep_visible;
use super::super::memory::{Memory, Remembered, Spot};
use super::Effect;
use gloss_core::text::WrappedLine;

/// Takes the memory of the corpus: its order and list width now, its place when it loads.
pub fn remember(state: &mut AppState, memory: Memory) {
    state.listing.sort = memory.remembered.sort;
    state.list_width = memory.remembered.list_width;
    state.memory = Some(memory);
}

/// What to remember of this session.
pub fn snapshot(state: &AppState) -> Option<Remembered> {
    let memory = state.memory.as_ref()?;
    let place = state.reader.as_ref().and_then(|reader| {
        let article = state.articles.get(reader.article)?;
        let offset = reader.sentences(article).get(reader.place.cursor)?.start;
        let top = reader.wrapped.lines[reader.place.scroll.min(reader.wrapped.lines.len())..]
            .iter()
            .find_map(|line| if let WrappedLine::Text(span) = line { Some(span.start) } else { None })
            .unwrap_or(offset);
        let (fingerprint, path) = (article.fingerprint().to_hex(), article.origin().display_path());
        Some(Spot { fingerprint, path, offset, top, reading: state.focus == Focus::Reader })
    });
    Some(Remembered { sort: state.listing.sort, list_width: state.list_width, place, ..memory.remembered.clone() })
}

/// After articles arrive: opens the remembered one where it was left, once it is among them;
/// a long one is prepared in the background.
pub fn on_loaded(state: &mut AppState) -> Option<Effect> {
    let spot = state.memory.as_ref().and_then(|m| m.pending.clone())?;
    let found = state.articles.iter().position(|a| a.fingerprint().to_hex() == spot.fingerprint).or_else(|| {
        state.loading.finished.then(|| state.articles.iter().position(|a| a.origin().display_path() == spot.path))?
    });
    if found.is_some() || state.loading.finished {
        // Found, or gone from the corpus: either way, no longer looked for.
        forget_pending(state);
    }
    let index = found?;
    if let Some(row) = state.row_of(index) {
        state.list.selected = row;
    }
    state.show_article(index);
    let article = state.articles.get(index).cloned()?;
    if let Some(reader) = state.reader.as_mut() {
        reader.put_cursor_at(&article, spot.offset);
    }
    let preparation = state.sync_layout();
    let height = state.reader_height();
    if let Some(reader) = state.reader.as_mut() {
        let cursor = reader.sentences(&article).get(reader.place.cursor).cloned().unwrap_or_default();
        let top = reader.wrapped.line_of(spot.top);
        reader.place.scroll = keep_visible(top, reader.wrapped.lines_of(&cursor), height);
    }
    if spot.reading {
        state.focus = Focus::Reader;
    }
    preparation.map(|p| Effect::Prepare(Box::new(p)))
}

/// A key was pressed: the user has started; a place not yet restored is not forced on them.
pub fn forget_pending(state: &mut AppState) {
    if let Some(memory) = state.memory.as_mut() {
        memory.pending = None;
    }
}
