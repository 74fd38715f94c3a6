//! Swapping a new version in while keeping hold of the one it replaced: the new file is first
//! parked under a fixed name beside the target, then exchanged with the target in one atomic
//! step (Linux), so the replaced file sits under that name until the caller keeps it or puts it
//! back. A crash in between leaves it there, where the next start finds it (a temporary name
//! would be cleaned away, and with it a change someone made a moment before).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{Prepared, WriteError, check_backup, sync_folder};

impl Prepared {
    /// Puts the new version in place through `park` and hands back the file it replaced (at
    /// `park`), so a file written over the target a moment before is never lost unseen: the
    /// caller looks at it and keeps it or puts it back. A file already at `park` (left by an
    /// interrupted save) is never written over: that is an error naming it.
    pub fn swap(self, park: &Path) -> Result<Swapped, WriteError> {
        let error = |source| WriteError { path: park.to_path_buf(), source };
        self.temporary.persist_noclobber(park).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                error(io::Error::other(
                    "an interrupted save left this earlier version of the store; gloss puts it back \
                     at the next start, or move it away",
                ))
            } else {
                error(e.error)
            }
        })?;
        let target_error = |source| WriteError { path: self.target.clone(), source };
        let exchanged = match exchange(park, &self.target) {
            Ok(exchanged) => exchanged,
            Err(source) => {
                fs::remove_file(park).map_err(error)?;
                return Err(target_error(source));
            }
        };
        if !exchanged {
            fs::rename(park, &self.target).map_err(target_error)?;
            sync_folder(&self.folder);
        }
        // After an exchange the folder is synced once the replaced file is kept or put back:
        // the sooner that is decided, the shorter the time a crash leaves it parked.
        Ok(Swapped { previous: exchanged.then(|| park.to_path_buf()), target: self.target, folder: self.folder })
    }
}

/// A new version in place, and the one it replaced.
#[derive(Debug)]
pub struct Swapped {
    /// Where the replaced file is now; `None` when there was none, or when the system cannot
    /// swap files atomically (then it was replaced as by [`Prepared::commit`]).
    pub previous: Option<PathBuf>,
    target: PathBuf,
    folder: PathBuf,
}

impl Swapped {
    /// Keeps the replaced file as `backup` (or removes it when there is none).
    pub fn keep_previous_as(self, backup: Option<&Path>) -> Result<(), WriteError> {
        let Some(previous) = self.previous else { return Ok(()) };
        match backup {
            Some(backup) => {
                check_backup(backup)?;
                fs::rename(&previous, backup).map_err(|source| WriteError { path: backup.to_path_buf(), source })?;
            }
            None => fs::remove_file(&previous).map_err(|source| WriteError { path: previous.clone(), source })?,
        }
        sync_folder(&self.folder);
        Ok(())
    }

    /// Puts the replaced file back, throwing the new version away.
    pub fn undo(self) -> Result<(), WriteError> {
        let Some(previous) = self.previous else { return Ok(()) };
        fs::rename(&previous, &self.target).map_err(|source| WriteError { path: self.target.clone(), source })?;
        sync_folder(&self.folder);
        Ok(())
    }
}

/// Swaps `a` and `b` atomically; `false` when `b` does not exist (nothing to swap) or the
/// system cannot swap.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(e) if e == rustix::io::Errno::NOENT && a.exists() => Ok(false),
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

#[cfg(all(test, target_os = "linux"))]
mod tests {

    use super::*;
    use crate::files::{NewFile, prepare};

    #[test]
    fn a_swap_parks_the_file_it_replaced_and_can_be_undone() {
        let dir = tempfile::tempdir().unwrap();
        let (path, park) = (dir.path().join("store.ron"), dir.path().join(".store.ron.swap"));
        fs::write(&path, "theirs").unwrap();
        let swapped = prepare(&path, NewFile::Private, |out| out.write_all(b"ours")).unwrap().swap(&park).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"ours");
        assert_eq!(swapped.previous.as_deref(), Some(park.as_path()), "swapped atomically");
        assert_eq!(fs::read(&park).unwrap(), b"theirs");
        swapped.undo().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"theirs");
        assert!(!park.exists());
    }

    #[test]
    fn a_parked_file_left_by_a_crash_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let (path, park) = (dir.path().join("store.ron"), dir.path().join(".store.ron.swap"));
        fs::write(&path, "now").unwrap();
        fs::write(&park, "set aside").unwrap();
        let error = prepare(&path, NewFile::Private, |out| out.write_all(b"ours")).unwrap().swap(&park).unwrap_err();
        assert!(error.to_string().contains(".store.ron.swap"), "{error}");
        assert_eq!((fs::read(&path).unwrap(), fs::read(&park).unwrap()), (b"now".to_vec(), b"set aside".to_vec()));
    }
}
