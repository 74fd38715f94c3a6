//! `AppState`: everything the screen shows and the keys act on; nothing here draws or does I/O.

use std::collections::HashMap;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::Action;
use super::geometry::{self, Areas, ReaderAreas};
use super::theme::Theme;
use crate::config::{Context, Keymap};
use crate::corpus::{Article, Problem};
use crate::text::{Wrapped, wrap};

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
}

/// A window over everything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    Help { scroll: usize },
}

/// A message in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// The article list's selection and scroll position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListView {
    pub selected: usize,
    pub offset: usize,
}

/// Where the reader is in an article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    /// The sentence under the cursor.
    pub cursor: usize,
    /// The first line shown.
    pub scroll: usize,
}

/// The article in the reader, wrapped for the pane.
#[derive(Debug, Clone)]
pub struct Reader {
    pub article: usize,
    pub place: Place,
    pub wrapped: Wrapped,
}

/// Progress of reading the corpus in the background.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Loading {
    pub expected: usize,
    pub finished: bool,
}

/// Everything the screen shows and the keys act on.
#[derive(Debug)]
pub struct AppState {
    pub keymap: Keymap<Action>,
    pub theme: Theme,
    pub articles: Vec<Arc<Article>>,
    pub loading: Loading,
    pub problems: Vec<Problem>,
    pub focus: Focus,
    pub popup: Option<Popup>,
    pub list: ListView,
    pub reader: Option<Reader>,
    /// Where the reader was in each article visited, to come back to it.
    pub places: HashMap<usize, Place>,
    pub status: Option<Status>,
    pub screen: Rect,
}

impl AppState {
    pub fn new(keymap: Keymap<Action>, theme: Theme, screen: Rect) -> Self {
        Self {
            keymap,
            theme,
            articles: Vec::new(),
            loading: Loading::default(),
            problems: Vec::new(),
            focus: Focus::List,
            popup: None,
            list: ListView::default(),
            reader: None,
            places: HashMap::new(),
            status: None,
            screen,
        }
    }

    /// The keymap context the keys act in now.
    pub fn context(&self) -> Context {
        match (&self.popup, self.focus) {
            (Some(Popup::Help { .. }), _) => Context::Help,
            (None, Focus::List) => Context::List,
            (None, Focus::Reader) => Context::Reader,
        }
    }

    pub fn areas(&self) -> Option<Areas> {
        geometry::areas(self.screen, self.focus)
    }

    /// The reader's parts on screen, when the reader is shown.
    pub fn reader_areas(&self) -> Option<ReaderAreas> {
        self.areas()?.reader.map(geometry::reader_areas)
    }

    /// The reader's text area; sized as if shown, so wrapping is ready when it appears.
    fn reader_text_area(&self) -> Rect {
        let reader =
            self.areas().and_then(|a| a.reader).or_else(|| geometry::areas(self.screen, Focus::Reader)?.reader);
        reader.map(|r| geometry::reader_areas(r).text).unwrap_or_default()
    }

    pub fn list_rows(&self) -> usize {
        self.areas()
            .and_then(|a| a.list)
            .or_else(|| geometry::areas(self.screen, Focus::List)?.list)
            .map_or(1, geometry::list_rows)
    }

    pub fn set_status(&mut self, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), is_error: false });
    }

    pub fn set_error(&mut self, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), is_error: true });
    }

    pub fn current_article(&self) -> Option<&Arc<Article>> {
        self.articles.get(self.reader.as_ref()?.article)
    }

    /// Shows article `index` in the reader, where the reader last left it.
    pub fn show_article(&mut self, index: usize) {
        if self.reader.as_ref().is_some_and(|r| r.article == index) || index >= self.articles.len() {
            return;
        }
        if let Some(old) = self.reader.take() {
            self.places.insert(old.article, old.place);
        }
        let place = self.places.get(&index).copied().unwrap_or_default();
        self.reader = Some(Reader { article: index, place, wrapped: Wrapped::default() });
        self.sync_layout();
    }

    /// Re-wraps the reader's text when the pane's width changed, and keeps the list and the
    /// reader scrolled so that their cursors are on screen. Called after every change.
    pub fn sync_layout(&mut self) {
        let rows = self.list_rows();
        let list = &mut self.list;
        list.selected = list.selected.min(self.articles.len().saturating_sub(1));
        list.offset = keep_visible(list.offset, list.selected..=list.selected, rows);

        let text_area = self.reader_text_area();
        let width = usize::from(text_area.width);
        let height = usize::from(text_area.height).max(1);
        let Some(reader) = self.reader.as_mut() else { return };
        let Some(article) = self.articles.get(reader.article) else { return };
        if reader.wrapped.width != width || reader.wrapped.lines.is_empty() {
            let structure = article.structure();
            reader.wrapped = wrap(article.text(), &structure.paragraphs.spans, width, &[]);
        }
        let sentences = article.sentences();
        reader.place.cursor = reader.place.cursor.min(sentences.len().saturating_sub(1));
        if let Some(sentence) = sentences.get(reader.place.cursor) {
            let lines = reader.wrapped.lines_of(sentence);
            reader.place.scroll = keep_visible(reader.place.scroll, lines, height);
        }
        let last_top = reader.wrapped.lines.len().saturating_sub(height);
        reader.place.scroll = reader.place.scroll.min(last_top);
    }

    /// Lines of text the reader shows at once.
    pub fn reader_height(&self) -> usize {
        usize::from(self.reader_text_area().height).max(1)
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
