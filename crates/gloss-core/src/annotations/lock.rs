//! One writer per store: a lock file beside it, held while gloss runs, so two gloss processes
//! never overwrite each other's work (the second opens the store read-only).

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Holds the lock on a store until dropped (or the process ends, however it ends).
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
    pub path: PathBuf,
}

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("another gloss is using {store} ({holder}); opening it read-only")]
    Busy { store: PathBuf, holder: String },
    #[error("cannot lock {store}: {message}; opening it read-only")]
    Io { store: PathBuf, message: String },
}

/// Where the lock of a store lives.
pub fn lock_path(store: &Path) -> PathBuf {
    let mut name = store.file_name().map(std::ffi::OsString::from).unwrap_or_default();
    name.push(".lock");
    store.with_file_name(name)
}

impl StoreLock {
    /// Takes the lock on `store`, without waiting.
    pub fn acquire(store: &Path) -> Result<Self, LockError> {
        let path = lock_path(store);
        let io = |e: std::io::Error| LockError::Io { store: store.to_path_buf(), message: e.to_string() };
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(io)?;
        }
        let mut file =
            OpenOptions::new().create(true).truncate(false).read(true).write(true).open(&path).map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                // The note only improves the message; the lock already said all that matters.
                let holder = std::fs::read_to_string(&path).unwrap_or_default().trim().to_owned();
                let holder = if holder.is_empty() { "process unknown".to_owned() } else { holder };
                return Err(LockError::Busy { store: store.to_path_buf(), holder });
            }
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        // The lock is held, and it alone keeps two writers apart. The note naming this process
        // is only for the message a second gloss shows, so failing to write it must not stop
        // this one (it would open read-only for want of a courtesy): the second gloss is still
        // refused, and says "process unknown" or an older number. A disk that refuses these few
        // bytes will refuse the store too, and saving reports that where it matters.
        let _ = note_holder(&mut file);
        Ok(Self { _file: file, path })
    }
}

impl StoreLock {
    /// Waits until nobody holds the lock on `store` (without taking it).
    pub fn wait(store: &Path) -> Result<(), LockError> {
        let path = lock_path(store);
        let io = |e: std::io::Error| LockError::Io { store: store.to_path_buf(), message: e.to_string() };
        let file = OpenOptions::new().create(true).truncate(false).read(true).write(true).open(&path).map_err(io)?;
        file.lock_shared().map_err(io)?;
        file.unlock().map_err(io)
    }
}

/// Writes "process N" into the lock file, replacing what an earlier holder wrote.
fn note_holder(file: &mut File) -> std::io::Result<()> {
    file.set_len(0)?;
    write!(file, "process {}", std::process::id())?;
    file.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("annotations.ron");
        let first = StoreLock::acquire(&store).unwrap();
        let error = StoreLock::acquire(&store).unwrap_err().to_string();
        assert!(
            error.contains("another gloss is using") && error.contains(&format!("process {}", std::process::id())),
            "{error}"
        );
        drop(first);
        assert!(StoreLock::acquire(&store).is_ok());
    }
}
