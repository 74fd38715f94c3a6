//! The messages `update` takes and the effects it asks the event loop for.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use ratatui::layout::Rect;

use super::super::popup::OnDisk;
use super::super::reader::{Preparation, Prepared};
use super::export::CountJob;
use super::navigate::Mouse;
use crate::keymap::Chord;
use gloss_core::annotations::durable::{Changed, Keeper, Report};
use gloss_core::annotations::session::{PlaceJob, Placed};
use gloss_core::annotations::{Store, Vocabulary};
use gloss_core::corpus::{Article, Problem};
use gloss_core::entities::{EntityKey, Mention, Recognizer, UserGazetteer};
use gloss_core::export::{Filter, Format, Tally};

/// Everything that can happen to the app.
#[derive(Debug)]
pub enum Msg {
    /// A key was pressed.
    Key(Chord),
    /// Text was pasted.
    Paste(String),
    Mouse(Mouse),
    /// The terminal has a new size.
    Resize(Rect),
    /// The background loader read more articles.
    Loaded {
        articles: Vec<Article>,
        problems: Vec<Problem>,
        /// How many files the load will read in all; 0 while the walk of the folders has not
        /// ended (the first batch goes out before).
        expected: usize,
    },
    /// The background loader is done.
    LoadFinished,
    /// A recogniser was built for the user's gazetteer of `generation`.
    RecognizerReady {
        recognizer: Arc<Recognizer>,
        generation: u64,
    },
    RecognizerFailed(String),
    /// Articles' entities, for the corpus index, from the recogniser of `generation`; with
    /// the mentions of long ones, for the reader.
    Indexed {
        generation: u64,
        entries: Vec<(usize, Vec<EntityKey>)>,
        long: Vec<(usize, Arc<[Mention]>)>,
    },
    /// A long article prepared for the reader in the background.
    Prepared(Box<Prepared>),
    /// The user's gazetteer was saved, or why not.
    UserGazetteerSaved(Result<PathBuf, String>),
    /// What the store's keeper says: edits on disk, a failure, a merge.
    Store(Report),
    /// Another gloss let go of the store: this one writes it now, from this store.
    TookOver(Box<super::store::TookOver>),
    /// Claims of edited articles, placed on their new text in the background.
    ClaimsPlaced(Vec<Placed>),
    /// An export was written, or why not.
    Exported(Result<Exported, String>),
    /// What an export would hold, counted for the export dialog's request `asked`.
    ExportCounted {
        asked: u64,
        tally: Tally,
    },
    /// What is at the export dialog's file, looked at for its request `asked`.
    ExportTargetFound {
        asked: u64,
        on_disk: OnDisk,
    },
    /// A feed of the running fetch is done.
    FeedDone {
        done: usize,
        total: usize,
    },
    /// An article landed in the library: new, or an update of one already there.
    Fetched {
        article: Box<Article>,
        updated: bool,
    },
    /// The fetch is over: how many new and updated, and the feeds that failed, or why it could
    /// not start.
    FeedsFetched(Result<Vec<String>, String>),
    /// Hits from corpus search number `generation`, and how far it has got.
    SearchHits {
        generation: u64,
        batch: gloss_core::search::Batch,
    },
    /// A signal (SIGTERM, SIGHUP, SIGINT) asks gloss to end; the event loop ends on it.
    Signal(i32),
}

/// An export that was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub path: PathBuf,
    pub tally: Tally,
}

/// Everything needed to write an export off the UI thread: a snapshot of the annotations as
/// they were when the user asked.
#[derive(Debug)]
pub struct ExportJob {
    pub format: Format,
    pub filter: Filter,
    pub corpus: String,
    /// The export date, `YYYY-MM-DD`.
    pub date: String,
    pub articles: Vec<Arc<Article>>,
    pub store: Store,
    pub vocabulary: Vocabulary,
    /// The recogniser for the entities each claim mentions; built from `user` if not ready.
    pub recognizer: Option<Arc<Recognizer>>,
    pub user: UserGazetteer,
    pub path: PathBuf,
}

/// What the event loop must do after an update.
#[derive(Debug)]
pub enum Effect {
    Quit,
    /// Build a recogniser with this user gazetteer, in the background.
    BuildRecognizer {
        user: UserGazetteer,
        generation: u64,
    },
    /// Recognise these articles' entities for the corpus index, in the background, until
    /// `wanted` holds another generation.
    Index {
        recognizer: Arc<Recognizer>,
        generation: u64,
        articles: Vec<(usize, Arc<Article>)>,
        wanted: Arc<AtomicU64>,
    },
    /// Segment, recognise and lay out a long article for the reader, in the background.
    Prepare(Box<Preparation>),
    SaveUserGazetteer {
        user: UserGazetteer,
        path: PathBuf,
    },
    /// Place claims on the text of edited articles, in the background.
    PlaceClaims(Vec<PlaceJob>),
    /// Hand edit `number`'s changed records to the keeper, which has them on disk at once.
    Record {
        keeper: Keeper,
        number: u64,
        records: Changed,
    },
    /// Write an export, in the background.
    Export(Box<ExportJob>),
    /// Count what an export would hold, in the background.
    CountExport(Box<CountJob>),
    /// Look at what is at an export's file (a file, a folder, nothing), in the background.
    LookAtExportTarget {
        asked: u64,
        path: PathBuf,
    },
    /// Fetch every followed feed into the library, in the background.
    FetchFeeds {
        subscriptions: PathBuf,
        library: gloss_core::library::Library,
    },
    /// Search the corpus in the background, sending hits as they are found.
    SearchCorpus(Box<super::search_corpus::CorpusJob>),
}
