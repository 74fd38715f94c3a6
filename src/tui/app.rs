//! `AppState`: everything the screen shows and the keys act on; nothing here draws or does I/O.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use ratatui::layout::Rect;

use super::action::Action;
use super::compare::Compare;
use super::memory::Memory;
use super::popup::{ExportScope, Popup};
use super::reader::{Place, Reader};
use super::search::Search;
use super::theme::Theme;
use super::update::JumpList;
use crate::keymap::{Context, Keymap};
use gloss_core::annotations::durable::Keeper;
use gloss_core::annotations::{ArticleRecord, Session, Store, Vocabulary};
use gloss_core::corpus::{Article, Problem};
use gloss_core::entities::{EntityIndex, Mention, Recognizer};
use gloss_core::export::Format;
use gloss_core::listing::{Filters, Sort};

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
    /// Mentions of long articles found by the indexer or the reader, with the generation of
    /// the recogniser that found them, so opening one again does not recognise it again.
    pub found: HashMap<usize, (u64, Arc<[Mention]>)>,
    /// The generation the running indexer works for; the indexer stops when it changes.
    pub indexing: Arc<AtomicU64>,
    pub highlights: bool,
    /// Where the user's gazetteer is saved; `None` keeps changes in memory only.
    pub user_path: Option<PathBuf>,
}

/// Whether the disk has every change.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveState {
    #[default]
    Saved,
    /// Changes handed to the keeper, not yet on disk.
    Pending,
    /// The last write failed; changes are kept in memory and retried.
    Failed(String),
}

/// The annotation session, with what only the screen needs around it: who keeps the store on
/// disk, which edits are there, and whether quitting was warned about.
#[derive(Debug)]
pub struct Annotations {
    pub session: Session,
    /// Keeps the store on disk; `None` keeps changes in memory only (read-only, or no store).
    pub keeper: Option<Keeper>,
    pub save: SaveState,
    /// The number of the last edit handed to the keeper, and of the last one on disk.
    pub sent: u64,
    pub durable: u64,
    /// Why the store file is not being written (the edits are safe in the journal).
    pub blocked: Option<String>,
    /// `q` was pressed once with changes not written.
    pub quit_warned: bool,
}

impl Annotations {
    pub fn new(session: Session, keeper: Option<Keeper>) -> Self {
        Self { session, keeper, save: SaveState::Saved, sent: 0, durable: 0, blocked: None, quit_warned: false }
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
    /// Places the reader jumped from, for going back and forward again.
    pub jumps: JumpList,
    /// What is remembered of this corpus between runs; `None` without a data folder.
    pub memory: Option<Memory>,
    pub names: Names,
    pub notes: Annotations,
    pub exports: Exports,
    pub feeds: Feeds,
    pub search: Search,
    /// Other analysts' stores, to compare with.
    pub compare: Compare,
    pub status: Option<Status>,
    /// The terminal's size as `update` last heard of it, for paging and keeping cursors on
    /// screen; the event loop reports the real size before each draw and each key. The view
    /// lays out from the frame it draws in, never from this.
    pub screen: Rect,
}

/// Fetching feeds from the reader: where to, and how far it has got.
#[derive(Debug, Clone, Default)]
pub struct Feeds {
    /// The subscriptions file and the library; without both, `R` says what is missing.
    pub subscriptions: Option<PathBuf>,
    pub library: Option<gloss_core::library::Library>,
    pub running: bool,
    /// Feeds done and to do in the fetch that is running.
    pub done: usize,
    pub total: usize,
    pub new: usize,
    pub updated: usize,
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
            feeds: Feeds::default(),
            search: Search::default(),
            compare: Compare::default(),
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
        let width = usize::from(self.reader_text_area().width);
        self.reader = Some(Reader::open(index, place, &self.articles[index], width));
    }
}
