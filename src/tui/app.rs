//! `AppState`: everything the screen shows and the keys act on; nothing here draws or does I/O.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::Action;
use super::fold::{self, fold};
use super::geometry::{self, Areas, ReaderAreas};
use super::memory::Memory;
use super::popup::{ExportScope, Popup};
use super::reader::{Place, Reader};
use super::theme::Theme;
use super::update::JumpList;
use crate::keymap::{Context, Keymap};
use gloss_core::annotations::{ArticleRecord, Session, Store, Vocabulary};
use gloss_core::corpus::{Article, Problem};
use gloss_core::entities::{EntityIndex, Recognizer};
use gloss_core::export::Format;
use gloss_core::listing::{Filters, Sort};

/// Lines of the article's note at the top of the reader, at most (the whole note is in the
/// claims panel and the editor).
const NOTE_LINES: usize = 2;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
}

/// A message in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// The article list's selection (a row of the list as shown) and scroll position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListView {
    pub selected: usize,
    pub offset: usize,
}

/// What the list shows: the filters and the order chosen, and the articles they give.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    pub filters: Filters,
    pub sort: Sort,
    /// Indices into `AppState::articles`, in the order shown.
    pub rows: Vec<usize>,
    /// The articles, their records or the index changed since `rows` was made.
    pub stale: bool,
}

/// Progress of reading the corpus in the background.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Loading {
    pub expected: usize,
    pub finished: bool,
}

/// Everything about names on screen: the recogniser, the corpus index, where the user's
/// gazetteer is saved (the gazetteer itself is in the annotation session, for undo).
#[derive(Debug, Default)]
pub struct Names {
    /// Ready once built in the background; `None` until then.
    pub recognizer: Option<Arc<Recognizer>>,
    /// The generation `recognizer` was built for.
    pub ready: u64,
    /// The recogniser wanted now: bumped whenever the user's gazetteer changes, so results
    /// from an older one are ignored.
    pub generation: u64,
    pub index: EntityIndex,
    pub highlights: bool,
    /// Where the user's gazetteer is saved; `None` keeps changes in memory only.
    pub user_path: Option<PathBuf>,
}

/// Whether the store on disk has every change.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveState {
    #[default]
    Saved,
    /// Changes sent to the saver, not yet confirmed written.
    Pending,
    /// The last write failed; changes are kept in memory and retried.
    Failed(String),
}

/// The annotation session, with what only the screen needs around it: where the store is
/// saved, whether the last save worked, and whether quitting was warned about.
#[derive(Debug)]
pub struct Annotations {
    pub session: Session,
    /// Where the store is saved; `None` keeps changes in memory only.
    pub path: Option<PathBuf>,
    pub save: SaveState,
    /// `q` was pressed once with changes not written.
    pub quit_warned: bool,
}

impl Annotations {
    pub fn new(session: Session, path: Option<PathBuf>) -> Self {
        Self { session, path, save: SaveState::Saved, quit_warned: false }
    }

    /// The record of article `index`, if it has one.
    pub fn record(&self, index: usize) -> Option<&ArticleRecord> {
        self.session.record(index)
    }
}

/// Where exports go and what the export dialog remembers between uses.
#[derive(Debug, Clone)]
pub struct Exports {
    /// The folder relative file names are in: where gloss was started.
    pub dir: PathBuf,
    /// What `~` stands for in a file name.
    pub home: Option<PathBuf>,
    /// What the corpus is called, in exports and their file names.
    pub corpus: String,
    /// The format and scope chosen last time.
    pub format: Format,
    pub scope: Option<ExportScope>,
    /// The folder of the last file the user typed, as typed, to propose the next file in.
    pub folder: Option<String>,
    /// The file name typed for an export that failed, offered again so nothing is lost.
    pub retry: Option<String>,
    /// An export is being written.
    pub running: bool,
    /// The number of the last request made for the export dialog (a count, a look at a file).
    pub requests: u64,
    /// Today's date, `YYYY-MM-DD`, for file names and the export; a function so tests can fix it.
    pub today: fn() -> String,
}

impl Exports {
    /// A number no earlier request had, to tell its answer from stale ones.
    pub fn next_request(&mut self) -> u64 {
        self.requests += 1;
        self.requests
    }
}

impl Default for Exports {
    fn default() -> Self {
        Self {
            dir: PathBuf::from("."),
            home: None,
            corpus: gloss_core::corpus::DEFAULT_FOLDER.to_owned(),
            format: Format::Markdown,
            scope: None,
            folder: None,
            retry: None,
            running: false,
            requests: 0,
            today: gloss_core::export::today,
        }
    }
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
    pub listing: Listing,
    /// The list pane's width as the user set it; `None` for the default.
    pub list_width: Option<u16>,
    pub reader: Option<Reader>,
    /// Where the reader was in each article visited, to come back to it.
    pub places: HashMap<usize, Place>,
    pub jumps: JumpList,
    /// What is remembered of this corpus between runs; `None` without a data folder.
    pub memory: Option<Memory>,
    pub names: Names,
    pub notes: Annotations,
    pub exports: Exports,
    pub status: Option<Status>,
    /// The terminal's size as `update` last heard of it, for paging and keeping cursors on
    /// screen; the event loop reports the real size before each draw and each key. The view
    /// lays out from the frame it draws in, never from this.
    pub screen: Rect,
}

impl AppState {
    pub fn new(keymap: Keymap<Action>, theme: Theme, screen: Rect, vocabulary: Vocabulary) -> Self {
        Self {
            keymap,
            theme,
            articles: Vec::new(),
            loading: Loading::default(),
            problems: Vec::new(),
            focus: Focus::List,
            popup: None,
            list: ListView::default(),
            listing: Listing::default(),
            list_width: None,
            reader: None,
            places: HashMap::new(),
            jumps: JumpList::default(),
            memory: None,
            names: Names { highlights: true, ..Names::default() },
            notes: Annotations::new(Session::new(Store::default(), vocabulary), None),
            exports: Exports::default(),
            status: None,
            screen,
        }
    }

    /// The keymap context the keys act in now.
    pub fn context(&self) -> Context {
        match (&self.popup, self.focus) {
            (Some(popup), _) => popup.context(),
            (None, Focus::List) => Context::List,
            (None, Focus::Reader) => Context::Reader,
        }
    }

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
    fn reader_text_area(&self) -> Rect {
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

    pub fn set_status(&mut self, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), is_error: false });
    }

    pub fn set_error(&mut self, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), is_error: true });
    }

    /// The articles the list shows, in order: those the filters keep, sorted.
    pub fn shown_articles(&self) -> &[usize] {
        &self.listing.rows
    }

    /// The row of the list showing article `article`, if shown.
    pub fn row_of(&self, article: usize) -> Option<usize> {
        self.listing.rows.iter().position(|&a| a == article)
    }

    /// The article of the list's selected row.
    pub fn selected_article(&self) -> Option<usize> {
        self.listing.rows.get(self.list.selected).copied()
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
        self.reader = Some(Reader::new(index, place));
        self.sync_layout();
    }

    /// Brings derived state up to date after any change: the reader's mentions and wrapped
    /// lines, and the list's and the reader's scroll so their cursors are on screen.
    pub fn sync_layout(&mut self) {
        let shown = self.shown_articles().len();
        self.list.selected = self.list.selected.min(shown.saturating_sub(1));
        self.list.offset = self.list_offset();

        let width = usize::from(self.reader_text_area().width);
        let height = self.reader_height();
        let tags = !self.theme.color && self.names.highlights;
        let Some(reader) = self.reader.as_mut() else { return };
        let Some(article) = self.articles.get(reader.article) else { return };
        let ready = if self.names.recognizer.is_some() { self.names.ready } else { u64::MAX - 1 };
        reader.refresh_mentions(article, self.names.recognizer.as_deref(), ready);
        reader.relayout(article, width, tags);
        let sentences = article.sentences();
        reader.place.cursor = reader.place.cursor.min(sentences.len().saturating_sub(1));
        let target = reader.selection.map(|s| s.head()..s.head()).or_else(|| reader.focus.clone());
        let lines = match target {
            Some(span) => reader.wrapped.lines_of(&span),
            None => sentences.get(reader.place.cursor).map_or(0..=0, |s| reader.wrapped.lines_of(s)),
        };
        reader.place.scroll = keep_visible(reader.place.scroll, lines, height);
        let last_top = reader.wrapped.lines.len().saturating_sub(height);
        reader.place.scroll = reader.place.scroll.min(last_top);
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
