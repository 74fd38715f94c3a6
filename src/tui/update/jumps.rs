//! Jumps: opening an article at a place (a search hit) while remembering where the reader was,
//! so the way back can be retraced. [`jump_to`] is the one call that both jumps and records.

use super::super::app::{AppState, Focus};
use super::super::reader::Reader;
use super::{Effect, claims};

/// Places remembered at most; the oldest are forgotten first.
const MOST_JUMPS: usize = 100;

/// A place in the corpus: an article and a byte offset into its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    pub article: usize,
    pub offset: usize,
}

/// Where the reader jumped from, oldest first; and where it came back from, to go forward.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JumpList {
    pub back: Vec<Spot>,
    pub forward: Vec<Spot>,
}

impl JumpList {
    /// Remembers `from` as the place a jump left; a new jump forgets the way forward.
    pub fn record(&mut self, from: Spot) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        if self.back.len() > MOST_JUMPS {
            self.back.remove(0);
        }
        self.forward.clear();
    }
}

/// Where the reader is now: the focused word or name, else the cursor's sentence.
pub fn here(state: &AppState) -> Option<Spot> {
    let reader = state.reader.as_ref()?;
    let article = state.articles.get(reader.article)?;
    let offset = match &reader.focus {
        Some(focus) => focus.start,
        None => article.sentences().get(reader.place.cursor).map_or(0, |s| s.start),
    };
    Some(Spot { article: reader.article, offset })
}

/// Opens article `article` with the cursor on the sentence at byte `offset`, remembering where
/// the reader was; the reader gets the keys, and the article counts as read.
pub fn jump_to(state: &mut AppState, article: usize, offset: usize) -> Vec<Effect> {
    if article >= state.articles.len() {
        return Vec::new();
    }
    if let Some(from) = here(state) {
        state.jumps.record(from);
    }
    open_at(state, Spot { article, offset })
}

/// Shows `spot` in the reader (and its article in the list, when the list shows it).
fn open_at(state: &mut AppState, spot: Spot) -> Vec<Effect> {
    if let Some(row) = state.shown_articles().row_of(spot.article) {
        state.list.selected = row;
    }
    state.show_article(spot.article);
    let Some(article) = state.articles.get(spot.article).cloned() else { return Vec::new() };
    if let Some(reader) = state.reader.as_mut() {
        reader.place.cursor = Reader::sentence_of(&article, spot.offset);
        reader.focus = None;
        reader.selection = None;
    }
    state.focus = Focus::Reader;
    claims::mark_read(state, spot.article)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::tests::{app, press};

    #[test]
    fn a_jump_opens_the_sentence_and_remembers_where_the_reader_was() {
        let mut state = app();
        press(&mut state, "enter j j");
        let before = here(&state).unwrap();
        let target = state.articles[3].sentences()[4].start + 2;
        jump_to(&mut state, 3, target);
        let reader = state.reader.as_ref().unwrap();
        assert_eq!((reader.article, reader.place.cursor, state.focus), (3, 4, Focus::Reader));
        assert_eq!(state.list.selected, 3, "the list follows");
        assert_eq!(state.jumps.back, [before]);
        assert!(state.notes.record(3).is_some_and(|r| r.read), "an article jumped to is read");
    }

    #[test]
    fn the_list_keeps_a_hundred_places_and_a_new_jump_forgets_the_way_forward() {
        let mut jumps = JumpList::default();
        jumps.forward.push(Spot { article: 9, offset: 0 });
        for offset in 0..150 {
            jumps.record(Spot { article: 0, offset });
        }
        jumps.record(Spot { article: 0, offset: 149 });
        assert_eq!(jumps.back.len(), MOST_JUMPS);
        assert_eq!(jumps.back[0].offset, 50);
        assert!(jumps.forward.is_empty());
    }
}
