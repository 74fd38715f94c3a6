//! Opening the store for a session: reading it, taking its lock, deciding whether it may be
//! written; and, when the last changes could not be saved, rescuing them into another file.

use std::path::{Path, PathBuf};

use super::durable::park::{self, Parked};
use super::durable::{Durable, OpenError, Opened, journal, journal_path};
use super::lock::{LockError, StoreLock};
use super::merge::apply;
use super::store::{Repair, Store, StoreError};
use crate::config::ron_file::{LoadError, SerializeError};
use crate::files::{NewFile, WriteError, real_path, remove_leftovers, write_atomically};

/// The store a session works on, and whether it may write it.
#[derive(Debug)]
pub struct OpenedStore {
    pub store: Store,
    /// Why it may not be written, when it may not.
    pub read_only: Option<String>,
    /// The store on disk, to hand to a [`super::durable::Keeper`], when it may be written.
    pub durable: Option<Durable>,
    /// The real store file (links followed) when another gloss holds its lock: this one can
    /// take over there when that one quits (see [`take_over`]).
    pub wait_for: Option<PathBuf>,
    /// What was set right when reading it, and what was found and cleaned up, to tell.
    pub notices: Vec<String>,
}

/// Reads the store at `path` (links followed), takes its lock and replays its journal. A
/// store that does not parse is an error (it is never written), unless `read_only` asks to
/// go on without its annotations. Another gloss holding the lock, or no store path at all,
/// opens it read-only, saying why.
pub fn open_store(path: Option<&Path>, read_only: bool) -> Result<OpenedStore, StoreError> {
    let Some(path) = path else {
        let why = "no data folder (is HOME set?): use --store FILE to keep annotations".to_owned();
        return Ok(OpenedStore {
            store: Store::default(),
            read_only: Some(why),
            durable: None,
            wait_for: None,
            notices: Vec::new(),
        });
    };
    let real = real_path(path).map_err(|source| LoadError::Read { path: path.to_path_buf(), source })?;
    let lock = if read_only { Err(None) } else { StoreLock::acquire(&real).map_err(Some) };
    let opened = match lock {
        Ok(lock) => open_writable(&real, lock),
        Err(error) => read_without_writing(&real).map(|(store, notices)| OpenedStore {
            store,
            read_only: Some(error.as_ref().map_or_else(|| "started with --read-only".to_owned(), ToString::to_string)),
            durable: None,
            wait_for: matches!(error, Some(LockError::Busy { .. })).then(|| real.clone()),
            notices,
        }),
    };
    match opened {
        Ok(opened) => Ok(opened),
        Err(error) if read_only => Ok(OpenedStore {
            store: Store::default(),
            read_only: Some(error.to_string()),
            durable: None,
            wait_for: None,
            notices: Vec::new(),
        }),
        Err(error) => Err(error),
    }
}

fn open_writable(real: &Path, lock: StoreLock) -> Result<OpenedStore, StoreError> {
    let mut notices = Vec::new();
    match remove_leftovers(real) {
        Ok(0) => {}
        Ok(n) => notices.push(format!("removed {n} temporary file(s) an interrupted save of {} left", real.display())),
        Err(error) => notices.push(format!("{error} (a temporary file an interrupted save left)")),
    }
    let Opened { store, durable, repairs, replayed, recovered } =
        Durable::open(real, lock).map_err(|error| match error {
            OpenError::Store(store) => store,
            other => StoreError::Unreadable(LoadError::Read {
                path: real.to_path_buf(),
                source: std::io::Error::other(other.to_string()),
            }),
        })?;
    notices.extend(recovered);
    notices.extend(repairs.iter().map(Repair::to_string));
    if replayed > 0 {
        notices.push(format!("{replayed} edit(s) from the journal, kept from the last session, are back in the store"));
    }
    Ok(OpenedStore { store, read_only: None, durable: Some(durable), wait_for: None, notices })
}

/// The store and the edits its journal holds (another gloss may be writing them), read only.
fn read_without_writing(real: &Path) -> Result<(Store, Vec<String>), StoreError> {
    let items = super::durable::journal::read(&journal_path(real))
        .map_err(|e| LoadError::Read { path: journal_path(real), source: std::io::Error::other(e.to_string()) })?
        .0;
    // A fold interrupted by a crash may have set the store's version aside, to be put back.
    let parked = park::look(real, &journal::marks(&items))
        .map_err(|source| LoadError::Read { path: park::park_path(real), source })?;
    let file = if parked == Parked::Replaced { park::park_path(real) } else { real.to_path_buf() };
    let (mut store, repairs) = Store::read(&file)?;
    let digest = std::fs::read(&file).map(|bytes| blake3::hash(&bytes).to_hex().to_string()).unwrap_or_default();
    for patches in journal::to_replay(items, &digest) {
        for patch in &patches {
            match apply(patch, store.articles.remove(&patch.article), None) {
                Some(record) => store.articles.insert(patch.article.clone(), record),
                None => None,
            };
        }
    }
    Ok((store, repairs.iter().map(Repair::to_string).collect()))
}

/// Waits until no other gloss holds the lock of the store file `real`, then opens it for
/// writing; for a read-only gloss to take over when the other one quits. Blocks: run it on a
/// thread of its own.
pub fn take_over(real: &Path) -> Result<OpenedStore, StoreError> {
    loop {
        StoreLock::wait(real)
            .map_err(|e| LoadError::Read { path: real.to_path_buf(), source: std::io::Error::other(e.to_string()) })?;
        match StoreLock::acquire(real) {
            Ok(lock) => return open_writable(real, lock),
            Err(LockError::Busy { .. }) => {}
            Err(error) => {
                return Err(StoreError::Unreadable(LoadError::Read {
                    path: real.to_path_buf(),
                    source: std::io::Error::other(error.to_string()),
                }));
            }
        }
    }
}

/// The store at `path` as gloss has it, only to read: with the edits its journal holds (a
/// gloss running now, or one that crashed, has them there); no path (no data folder) is an
/// empty store.
pub fn read_store(path: Option<&Path>) -> Result<Store, StoreError> {
    let Some(path) = path else { return Ok(Store::default()) };
    let real = real_path(path).map_err(|source| LoadError::Read { path: path.to_path_buf(), source })?;
    read_without_writing(&real).map(|(store, _)| store)
}

/// The annotations could not be rescued.
#[derive(Debug, thiserror::Error)]
pub enum RescueError {
    #[error(transparent)]
    Serialize(#[from] SerializeError),
    /// Neither beside the store nor in the temporary folder.
    #[error("{beside}; {elsewhere}")]
    Write { beside: WriteError, elsewhere: WriteError },
}

/// The store could not be saved to `path`: writes it beside it as
/// `annotations-unsaved-<seconds>.ron`, or failing that in the temporary folder, and says where.
pub fn rescue(store: &Store, path: &Path) -> Result<PathBuf, RescueError> {
    let name = format!("annotations-unsaved-{}.ron", jiff::Timestamp::now().as_second());
    rescue_to(store, &path.with_file_name(&name), &std::env::temp_dir().join(&name))
}

fn rescue_to(store: &Store, beside: &Path, elsewhere: &Path) -> Result<PathBuf, RescueError> {
    let text = store.to_ron()?;
    let write = |place: &Path| write_atomically(place, text.as_bytes(), None, NewFile::Private);
    match write(beside) {
        Ok(()) => Ok(beside.to_path_buf()),
        Err(beside_error) => match write(elsewhere) {
            Ok(()) => Ok(elsewhere.to_path_buf()),
            Err(elsewhere_error) => Err(RescueError::Write { beside: beside_error, elsewhere: elsewhere_error }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::store::ArticleRecord;

    fn store() -> Store {
        let mut store = Store::default();
        store.articles.insert("a".into(), ArticleRecord { note: "keep me".into(), ..ArticleRecord::default() });
        store
    }

    #[test]
    fn a_store_that_does_not_parse_stops_unless_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.ron");
        std::fs::write(&path, "(version: 1, articles: {").unwrap();
        let error = open_store(Some(&path), false).unwrap_err().to_string();
        assert!(error.contains("annotations.ron:1:"), "{error}");
        let opened = open_store(Some(&path), true).unwrap();
        assert_eq!(opened.store, Store::default());
        assert!(opened.read_only.unwrap().contains("annotations.ron"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "(version: 1, articles: {", "never written");
    }

    #[test]
    fn the_lock_makes_a_second_opening_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.ron");
        store().save(&path).unwrap();
        let first = open_store(Some(&path), false).unwrap();
        assert_eq!((first.store.articles["a"].note.as_str(), first.read_only.is_none()), ("keep me", true));
        let second = open_store(Some(&path), false).unwrap();
        assert!(second.read_only.unwrap().contains("another gloss is using"));
        assert!(open_store(None, false).unwrap().read_only.unwrap().contains("--store"));
        assert_eq!(open_store(Some(&path), true).unwrap().read_only.as_deref(), Some("started with --read-only"));
    }

    #[test]
    fn rescue_writes_beside_the_store_else_elsewhere() {
        let dir = tempfile::tempdir().unwrap();
        let beside = dir.path().join("beside.ron");
        assert_eq!(rescue_to(&store(), &beside, &dir.path().join("x.ron")).unwrap(), beside);
        assert_eq!(Store::load(&beside).unwrap(), store());
        std::fs::write(dir.path().join("file"), "").unwrap();
        let blocked = dir.path().join("file/beside.ron");
        let elsewhere = dir.path().join("elsewhere.ron");
        assert_eq!(rescue_to(&store(), &blocked, &elsewhere).unwrap(), elsewhere);
        let error = rescue_to(&store(), &blocked, &dir.path().join("file/x.ron")).unwrap_err().to_string();
        assert!(error.contains("beside.ron") && error.contains("x.ron"), "{error}");
    }
}
