//! The library: pages and feed items kept as Markdown snapshots in one folder, and fetching
//! them: HTTP with limits, subscriptions, deduplication, conditional GET.
//!
//! Snapshots are never deleted by gloss: a feed that fails or drops an item keeps what was
//! saved. Every write is atomic, so nothing half-written lands in the library.

mod feeds;
mod fetch;
pub mod http;
mod index;
mod snapshot;
mod state;
pub mod subscriptions;
#[cfg(any(test, feature = "test-server"))]
pub mod test_server;

use std::path::{Path, PathBuf};

pub use feeds::{add_urls, fetch_feeds};
pub use fetch::{Change, Event, Outcome, Report, Target, fetch_all};
pub use index::{Index, Saved};
pub use snapshot::{Snapshot, file_name, slug};
pub use state::FeedState;

/// A library that cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("cannot read the library {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Write(#[from] crate::files::WriteError),
    #[error("{0} (gloss keeps what feeds' servers said here; delete the file to start again)")]
    State(#[from] crate::config::ron_file::LoadError),
    #[error(transparent)]
    SaveState(#[from] crate::config::ron_file::SaveError),
}

/// The library folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Library {
    root: PathBuf,
}

impl Library {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether the library holds any snapshot (so gloss with no path opens it).
    pub fn has_articles(&self) -> bool {
        walkdir::WalkDir::new(&self.root)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
            .filter_map(Result::ok)
            .any(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
    }

    /// Where fetch state (validators per feed) is kept: a hidden file, out of folder scans.
    pub fn state_path(&self) -> PathBuf {
        self.root.join(".gloss").join("feeds-state.ron")
    }
}
