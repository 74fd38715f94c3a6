//! Keeping every acknowledged edit: each edit's changes appended to a journal beside the store
//! and synced before it is acknowledged (milliseconds, whatever the store's size), then folded
//! into the RON store file in the background and on quit, and replayed at the next start
//! after a crash. Before the store file is written, gloss looks at it: a version changed
//! elsewhere (an editor, `git pull`) is merged three ways, never written over; one it cannot
//! read stops the writing, and the edits wait in the journal.

mod disk;
mod fold;
pub mod journal;
mod keeper;
pub mod park;
mod place;
mod stale;
mod watch;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use fold::{FoldError, FoldJob, FoldReady};
pub use journal::{JournalError, journal_path};
pub use keeper::{Changed, Keeper, KeeperStopped, Report};
pub use place::Folded;

use super::lock::StoreLock;
use super::merge::{Patch, apply, diff};
use super::store::{ArticleRecord, Repair, Store, Unknown};
use disk::Stamp;
use journal::Journal;

/// Records shared between the session's writer and the background fold: a snapshot is a
/// cheap copy of the map, never of the records.
pub type Shared = BTreeMap<String, Arc<ArticleRecord>>;

/// Records that changed because of an outside change, for the session to take in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absorb {
    pub id: String,
    /// The record as the session last sent it.
    pub expected: Option<ArticleRecord>,
    /// The record with the outside change merged in.
    pub merged: Option<ArticleRecord>,
}

/// The store on disk: its file, its journal and its lock, with the versions needed to merge.
#[derive(Debug)]
pub struct Durable {
    path: PathBuf,
    journal: Journal,
    _lock: StoreLock,
    /// The store file's records as last read or written.
    base: Shared,
    base_digest: Option<String>,
    stamp: Option<Stamp>,
    unknown: Unknown,
    /// Everything gloss has: the store file's records with the journal's entries applied.
    ours: Shared,
    /// The records as the session last sent them (they differ from `ours` only until the
    /// session has taken in a merge).
    view: Shared,
    /// Journal entries not yet in the store file.
    unfolded: Vec<Vec<Patch>>,
    /// Entries not yet written to the journal (it failed), to write first next time.
    unwritten: Vec<Vec<Patch>>,
    /// What this session replaced and made, to tell a stale copy from a change elsewhere.
    replaced: Arc<stale::Replaced>,
}

/// Whether two records are the same one (shared), or both missing.
fn same(a: Option<&Arc<ArticleRecord>>, b: Option<&Arc<ArticleRecord>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a == b,
        (None, None) => true,
        _ => false,
    }
}

/// Applies `patches` to the records `shared`.
fn apply_all(shared: &mut Shared, patches: &[Patch]) {
    for patch in patches {
        let record = shared.get(&patch.article).map(|r| (**r).clone());
        match apply(patch, record, None) {
            Some(record) => shared.insert(patch.article.clone(), Arc::new(record)),
            None => shared.remove(&patch.article),
        };
    }
}

/// The store's records, shared.
pub fn share(store: Store) -> (Shared, Unknown) {
    (store.articles.into_iter().map(|(id, record)| (id, Arc::new(record))).collect(), store.unknown)
}

/// A store from shared records.
pub fn unshare(shared: &Shared, unknown: &Unknown) -> Store {
    Store {
        articles: shared.iter().map(|(id, record)| (id.clone(), (**record).clone())).collect(),
        unknown: unknown.clone(),
        ..Store::default()
    }
}

/// What [`Durable::open`] found.
#[derive(Debug)]
pub struct Opened {
    /// The store with the journal replayed: what the session starts from.
    pub store: Store,
    pub durable: Durable,
    pub repairs: Vec<Repair>,
    /// How many journal entries were replayed (edits a crash kept from the store file).
    pub replayed: usize,
    /// What was set right of a fold a crash interrupted, to tell.
    pub recovered: Option<String>,
}

impl Durable {
    /// Opens the store file at `path` (the real one: links followed), which `lock` locks:
    /// reads it, replays its journal, and gets ready to write.
    pub fn open(path: &Path, lock: StoreLock) -> Result<Opened, OpenError> {
        let journal_file = journal_path(path);
        let (items, whole) = journal::read(&journal_file)?;
        let recovered = park::recover(path, &journal::marks(&items))?;
        let read = disk_read(path)?;
        let entries = journal::to_replay(items, read.digest.as_deref().unwrap_or(""));
        let (base, unknown) = share(read.store);
        let mut ours = base.clone();
        for patches in &entries {
            apply_all(&mut ours, patches);
        }
        let journal = if entries.is_empty() {
            Journal::open(&journal_file, 0, read.digest.as_deref())?
        } else {
            Journal::open(&journal_file, whole, None)?
        };
        let store = unshare(&ours, &unknown);
        let replayed = entries.len();
        let durable = Self {
            path: path.to_path_buf(),
            journal,
            _lock: lock,
            base,
            base_digest: read.digest,
            stamp: read.stamp,
            unknown,
            view: ours.clone(),
            ours,
            unfolded: entries,
            unwritten: Vec::new(),
            replaced: Arc::default(),
        };
        Ok(Opened { store, durable, repairs: read.repairs, replayed, recovered })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Takes the session's new versions of `records` (`None`: the record is gone), writes what
    /// changed to the journal and syncs it. When this returns `Ok`, the edit is on disk.
    pub fn record(&mut self, records: Vec<(String, Option<ArticleRecord>)>) -> Result<(), JournalError> {
        let mut patches = Vec::new();
        let mut made = std::collections::HashSet::new();
        for (id, record) in records {
            let Some(patch) = diff(&id, self.view.get(&id).map(|r| &**r), record.as_ref()) else { continue };
            if !self.view.contains_key(&id) {
                made.insert(id.clone());
            }
            let record = record.map(Arc::new);
            if same(self.view.get(&id), self.ours.get(&id)) {
                match &record {
                    Some(record) => self.ours.insert(id.clone(), record.clone()),
                    None => self.ours.remove(&id),
                };
            } else {
                apply_all(&mut self.ours, std::slice::from_ref(&patch));
            }
            match record {
                Some(record) => self.view.insert(id, record),
                None => self.view.remove(&id),
            };
            patches.push(patch);
        }
        if !patches.is_empty() {
            Arc::make_mut(&mut self.replaced).learn(&patches, |id| !made.contains(id));
            self.unwritten.push(patches);
        }
        self.write_waiting()
    }

    /// Writes the entries waiting for the journal; `Ok` when none are left.
    pub fn write_waiting(&mut self) -> Result<(), JournalError> {
        while let Some(patches) = self.unwritten.first() {
            self.journal.append(patches)?;
            let written = self.unwritten.remove(0);
            self.unfolded.push(written);
        }
        Ok(())
    }

    /// Whether the journal holds edits not yet in the store file.
    pub fn has_unfolded(&self) -> bool {
        !self.unfolded.is_empty()
    }

    /// The journal's size in bytes.
    pub fn journal_len(&self) -> u64 {
        self.journal.len
    }

    /// Whether the store file looks changed since gloss last read or wrote it.
    pub fn changed_on_disk(&self) -> bool {
        Stamp::of(&self.path).map_or(true, |now| now != self.stamp)
    }

    /// The work of bringing the store file up to date, to run anywhere (it is slow on big
    /// stores); `None` when the journal is written and the file unchanged.
    pub fn begin_fold(&self) -> Option<FoldJob> {
        if !self.unwritten.is_empty() || (self.unfolded.is_empty() && !self.changed_on_disk()) {
            return None;
        }
        Some(FoldJob {
            path: self.path.clone(),
            base: self.base.clone(),
            base_digest: self.base_digest.clone(),
            stamp: self.stamp,
            ours: self.ours.clone(),
            unknown: self.unknown.clone(),
            upto: self.unfolded.len(),
            replaced: self.replaced.clone(),
        })
    }

    /// The records of `ours` that `changed` shows differently, as the session must take them.
    fn absorbs(&self, before: &Shared) -> Vec<Absorb> {
        let ids: std::collections::BTreeSet<&String> = before.keys().chain(self.ours.keys()).collect();
        ids.into_iter()
            .filter(|id| !same(before.get(*id), self.ours.get(*id)))
            .map(|id| Absorb {
                id: id.clone(),
                expected: self.view.get(id).map(|r| (**r).clone()),
                merged: self.ours.get(id).map(|r| (**r).clone()),
            })
            .collect()
    }
}

/// The store file read: its content and what it was on disk.
struct DiskRead {
    store: Store,
    repairs: Vec<Repair>,
    digest: Option<String>,
    stamp: Option<Stamp>,
}

fn disk_read(path: &Path) -> Result<DiskRead, OpenError> {
    let io = |source| OpenError::Io { path: path.to_path_buf(), source };
    let stamp = Stamp::of(path).map_err(io)?;
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(DiskRead { store: Store::default(), repairs: Vec::new(), digest: None, stamp: None });
        }
        Err(e) => return Err(io(e)),
    };
    let (store, repairs, digest) = parse_bytes(path, bytes)?;
    Ok(DiskRead { store, repairs, digest: Some(digest), stamp })
}

/// The store in `bytes` (of the file `path`), what was set right in it, and the bytes' digest.
fn parse_bytes(path: &Path, bytes: Vec<u8>) -> Result<(Store, Vec<Repair>, String), super::store::StoreError> {
    use crate::config::ron_file::{LoadError, decode};
    let digest = disk::digest(&bytes);
    let source = decode(path, bytes).map_err(LoadError::from)?;
    let (store, repairs) = Store::parse_reporting(&source, path)?;
    Ok((store, repairs, digest))
}

/// The store could not be opened for writing.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Store(#[from] super::store::StoreError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error(transparent)]
    Recover(#[from] park::RecoverError),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

#[cfg(test)]
mod tests;
