//! Where things are on screen, as `update` sees them: the panes for the terminal's size, the
//! reader's parts, the list's rows; and keeping the list's and the reader's cursors on screen.

use ratatui::layout::Rect;

use super::app::{AppState, Focus};
use super::fold::{self, fold};
use super::geometry::{self, Areas, ReaderAreas};
use super::reader::{NamesNow, Preparation};

/// Lines of the article's note at the top of the reader, at most (the whole note is in the
/// claims panel and the editor).
const NOTE_LINES: usize = 2;

impl AppState {
    /// The panes for `screen`, as `update` sees them; `None` when the terminal is too small.
    pub fn areas(&self) -> Option<Areas> {
        self.areas_for(self.screen, self.focus)
    }

    /// The panes on a screen of `area` with `focus`.
    pub fn areas_for(&self, area: Rect, focus: Focus) -> Option<Areas> {
        geometry::areas(area, focus, self.list_width)
    }

    /// The reader's parts in the reader pane `pane`, with room for the article's note.
    pub fn reader_parts(&self, pane: Rect) -> ReaderAreas {
        let lines = self.note_lines(usize::from(geometry::inner(pane).width)).len();
        geometry::reader_areas(pane, u16::try_from(lines).unwrap_or(0))
    }

    /// The reader's parts on screen, when the reader is shown.
    pub fn reader_areas(&self) -> Option<ReaderAreas> {
        Some(self.reader_parts(self.areas()?.reader?))
    }

    /// The article's note, folded for the top of the reader (`✎` first); none without a note.
    pub fn note_lines(&self, width: usize) -> Vec<String> {
        let note = self.reader.as_ref().and_then(|r| self.notes.record(r.article)).map_or("", |r| r.note.trim());
        if note.is_empty() { Vec::new() } else { fold(&format!("✎ {note}"), width, NOTE_LINES) }
    }

    /// The reader's text area; sized as if shown, so wrapping is ready when it appears.
    pub fn reader_text_area(&self) -> Rect {
        let reader = self.areas().and_then(|a| a.reader).or_else(|| self.areas_for(self.screen, Focus::Reader)?.reader);
        reader.map(|r| self.reader_parts(r).text).unwrap_or_default()
    }

    /// The list pane, sized as if shown.
    fn list_area(&self) -> Option<Rect> {
        self.areas().and_then(|a| a.list).or_else(|| self.areas_for(self.screen, Focus::List)?.list)
    }

    pub fn list_rows(&self) -> usize {
        self.list_area().map_or(1, geometry::list_rows)
    }

    /// Lines row `row` of the list takes in a list pane of `width` inner columns: its title's
    /// (one or two) and a line of details.
    pub fn list_row_height(&self, row: usize, width: usize) -> usize {
        let Some(article) = self.listing.rows.get(row).and_then(|&a| self.articles.get(a)) else { return 1 };
        fold::lines(article.title(), width.saturating_sub(1), geometry::TITLE_LINES) + 1
    }

    /// The list's first row shown, so that the selected row shows whole.
    fn list_offset(&self) -> usize {
        let Some(list) = self.list_area().map(geometry::inner) else { return self.list.offset };
        let (width, height) = (usize::from(list.width), usize::from(list.height));
        let selected = self.list.selected;
        if selected < self.list.offset {
            return selected;
        }
        // The lowest first row that still shows the selected one: walk up from it.
        let mut used = self.list_row_height(selected, width);
        let mut lowest = selected;
        while lowest > 0 && used + self.list_row_height(lowest - 1, width) <= height {
            lowest -= 1;
            used += self.list_row_height(lowest, width);
        }
        self.list.offset.max(lowest)
    }

    /// Lines of text the reader shows at once.
    pub fn reader_height(&self) -> usize {
        usize::from(self.reader_text_area().height).max(1)
    }

    /// Brings derived state up to date after any change: the reader's mentions and wrapped
    /// lines, and the list's and the reader's scroll so their cursors are on screen. Returns
    /// the work on a long article that is for the background.
    #[must_use = "a long article's preparation must be sent to the background"]
    pub fn sync_layout(&mut self) -> Option<Preparation> {
        let shown = self.shown_articles().len();
        self.list.selected = self.list.selected.min(shown.saturating_sub(1));
        self.list.offset = self.list_offset();

        let width = usize::from(self.reader_text_area().width);
        let height = self.reader_height();
        let tags = !self.theme.color && self.names.highlights;
        let reader = self.reader.as_mut()?;
        let article = self.articles.get(reader.article)?;
        let recognizer = self.names.recognizer.as_ref();
        let generation = if recognizer.is_some() { self.names.ready } else { u64::MAX - 1 };
        let found = self.names.found.get(&reader.article).filter(|(g, _)| *g == generation).map(|(_, m)| m);
        let preparation = reader.refresh(article, NamesNow { recognizer, generation, found }, width, tags);
        let sentences = reader.sentence_list(article);
        reader.place.cursor = reader.place.cursor.min(sentences.len().saturating_sub(1));
        let target = reader.selection.map(|s| s.head()..s.head()).or_else(|| reader.focus.clone());
        let lines = match target {
            Some(span) => reader.wrapped.lines_of(&span),
            None => sentences.get(reader.place.cursor).map_or(0..=0, |s| reader.wrapped.lines_of(s)),
        };
        reader.place.scroll = keep_visible(reader.place.scroll, lines, height);
        let last_top = reader.wrapped.lines.len().saturating_sub(height);
        reader.place.scroll = reader.place.scroll.min(last_top);
        preparation
    }
}

/// A scroll offset that shows `rows` (or its start, when taller than the view) within `height`.
pub fn keep_visible(offset: usize, rows: std::ops::RangeInclusive<usize>, height: usize) -> usize {
    let (first, last) = (*rows.start(), *rows.end());
    if first < offset {
        first
    } else if last >= offset + height {
        (last + 1).saturating_sub(height).min(first)
    } else {
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_visible_scrolls_just_enough() {
        assert_eq!(keep_visible(0, 3..=4, 10), 0);
        assert_eq!(keep_visible(5, 3..=4, 10), 3);
        assert_eq!(keep_visible(0, 12..=13, 10), 4);
        // Taller than the view: show its start.
        assert_eq!(keep_visible(0, 12..=30, 10), 12);
    }
}
