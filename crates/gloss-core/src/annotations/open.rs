//! Opening the store for a session: reading it, taking its lock, deciding whether it may be
//! written; and, when the last changes could not be saved, rescuing them into another file.

use std::path::{Path, PathBuf};

use super::lock::StoreLock;
use super::store::{Store, StoreError};
use crate::config::ron_file::SerializeError;
use crate::files::{NewFile, WriteError, write_atomically};

/// The store a session works on, and whether it may write it.
#[derive(Debug)]
pub struct OpenedStore {
    pub store: Store,
    /// Why it may not be written, when it may not.
    pub read_only: Option<String>,
    /// Held while the store is open for writing; drop it when done.
    pub lock: Option<StoreLock>,
}

/// Reads the store at `path` and takes its lock. A store that does not parse is an error (it
/// is never written), unless `read_only` asks to go on without its annotations. Another gloss
/// holding the lock, or no store path at all, opens it read-only, saying why.
pub fn open_store(path: Option<&Path>, read_only: bool) -> Result<OpenedStore, StoreError> {
    let Some(path) = path else {
        let why = "no data folder (is HOME set?): use --store FILE to keep annotations".to_owned();
        return Ok(OpenedStore { store: Store::default(), read_only: Some(why), lock: None });
    };
    let store = match Store::load(path) {
        Ok(store) => store,
        Err(error) if read_only => {
            return Ok(OpenedStore { store: Store::default(), read_only: Some(error.to_string()), lock: None });
        }
        Err(error) => return Err(error),
    };
    if read_only {
        return Ok(OpenedStore { store, read_only: Some("started with --read-only".into()), lock: None });
    }
    Ok(match StoreLock::acquire(path) {
        Ok(lock) => OpenedStore { store, read_only: None, lock: Some(lock) },
        Err(error) => OpenedStore { store, read_only: Some(error.to_string()), lock: None },
    })
}

/// The store at `path`, only to read; no path (no data folder) is an empty store.
pub fn read_store(path: Option<&Path>) -> Result<Store, StoreError> {
    path.map_or_else(|| Ok(Store::default()), Store::load)
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
