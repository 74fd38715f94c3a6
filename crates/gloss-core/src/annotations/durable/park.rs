//! The version of the store a fold set aside: a fold swaps its new file in and gets the one it
//! replaced back under a fixed name beside the store, then keeps it as `.bak` or, when someone
//! had written the store a moment before, puts it back to merge it. A crash in between leaves
//! it there; the next start puts it back when it is not gloss's own, and the journal, whose
//! edits are then replayed onto it, merges it as any outside change.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::disk::digest;
use crate::annotations::store::backup_path;

/// Where a fold of the store at `store` sets aside the version it replaces.
pub fn park_path(store: &Path) -> PathBuf {
    let name = store.file_name().map_or_else(|| "annotations.ron".into(), |n| n.to_string_lossy().into_owned());
    store.with_file_name(format!(".{name}.swap"))
}

/// What is set aside beside the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parked {
    Nothing,
    /// gloss's own new version, never put in place: nothing is lost by removing it.
    Ours,
    /// The version gloss read or wrote before, replaced as meant: to keep as `.bak`.
    Previous,
    /// A version written elsewhere, replaced by gloss's a moment later, which is in the
    /// store's place (or none is): to be put back, so the journal's edits merge into it.
    Replaced,
    /// A version written elsewhere, while the store was changed since too: gloss cannot
    /// merge the two, so it is kept for the analyst under a name of its own.
    Stranded,
}

/// What is set aside beside the store `path`, given the digests of the store files the
/// journal's fold marks name (the last: the version gloss last wrote).
pub fn look(path: &Path, marks: &[&str]) -> io::Result<Parked> {
    let parked = match fs::read(park_path(path)) {
        Ok(bytes) => digest(&bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Parked::Nothing),
        Err(e) => return Err(e),
    };
    let last = marks.last().copied();
    if last == Some(parked.as_str()) {
        return Ok(Parked::Ours);
    }
    if marks.contains(&parked.as_str()) {
        return Ok(Parked::Previous);
    }
    let store = match fs::read(path) {
        Ok(bytes) => Some(digest(&bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    Ok(if store.is_none() || store.as_deref() == last { Parked::Replaced } else { Parked::Stranded })
}

/// Sets right what an interrupted fold left: its own version removed, the one it replaced
/// kept as `.bak` or put back. Returns what was done, to tell (nothing when nothing was left).
pub fn recover(path: &Path, marks: &[&str]) -> Result<Option<String>, RecoverError> {
    let park = park_path(path);
    let error = |source| RecoverError { path: park.clone(), source };
    match look(path, marks).map_err(error)? {
        Parked::Nothing => Ok(None),
        Parked::Ours => fs::remove_file(&park).map(|()| None).map_err(error),
        Parked::Previous => {
            let backup = backup_path(path);
            let kept = if fs::symlink_metadata(&backup).is_ok_and(|m| m.is_dir()) {
                fs::remove_file(&park)
            } else {
                fs::rename(&park, &backup)
            };
            kept.map(|()| None).map_err(error)
        }
        Parked::Replaced => {
            fs::rename(&park, path).map_err(error)?;
            Ok(Some(format!(
                "{} was changed elsewhere just as gloss wrote it, before gloss stopped: that version \
                 is back, with your edits from the journal merged into it",
                path.display()
            )))
        }
        Parked::Stranded => {
            let name = path.file_name().map_or_else(|| "annotations.ron".into(), |n| n.to_string_lossy().into_owned());
            let kept = path.with_file_name(format!("{name}.set-aside-{}", jiff::Timestamp::now().as_second()));
            fs::rename(&park, &kept).map_err(error)?;
            Ok(Some(format!(
                "{} is a version of the store written elsewhere just as gloss wrote it, before gloss \
                 stopped; the store has changed since, so gloss cannot merge it: compare it with the \
                 store and keep what you need",
                kept.display()
            )))
        }
    }
}

/// What an interrupted fold left could not be set right.
#[derive(Debug, thiserror::Error)]
#[error("cannot put back {path}, the version of the store an interrupted save set aside: {source}")]
pub struct RecoverError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup(store: Option<&str>, parked: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.ron");
        if let Some(store) = store {
            fs::write(&path, store).unwrap();
        }
        fs::write(park_path(&path), parked).unwrap();
        (dir, path)
    }

    #[test]
    fn a_version_replaced_by_an_interrupted_fold_is_put_back() {
        let (_dir, path) = setup(Some("ours"), "theirs");
        let notice = recover(&path, &[&digest(b"base"), &digest(b"ours")]).unwrap().unwrap();
        assert!(notice.contains("changed elsewhere"), "{notice}");
        assert_eq!(fs::read(&path).unwrap(), b"theirs");
        assert!(!park_path(&path).exists());
    }

    #[test]
    fn our_own_version_never_put_in_place_is_removed() {
        let (_dir, path) = setup(Some("theirs"), "ours");
        assert_eq!(recover(&path, &[&digest(b"ours")]).unwrap(), None);
        assert_eq!(fs::read(&path).unwrap(), b"theirs");
        assert!(!park_path(&path).exists());
    }

    #[test]
    fn the_version_gloss_meant_to_replace_becomes_the_backup() {
        let (_dir, path) = setup(Some("changed since"), "base");
        assert_eq!(recover(&path, &[&digest(b"base"), &digest(b"ours")]).unwrap(), None);
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"base");
        assert_eq!(fs::read(&path).unwrap(), b"changed since");
    }

    #[test]
    fn a_version_beside_a_store_changed_since_is_kept_under_a_name_of_its_own() {
        let (dir, path) = setup(Some("newer"), "theirs");
        let notice = recover(&path, &[&digest(b"ours")]).unwrap().unwrap();
        let kept: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(".set-aside-"))
            .collect();
        assert!(kept.len() == 1 && notice.contains(&*kept[0].to_string_lossy()), "{notice} {kept:?}");
        assert_eq!((fs::read(&path).unwrap(), fs::read(&kept[0]).unwrap()), (b"newer".to_vec(), b"theirs".to_vec()));
        assert!(!park_path(&path).exists());
    }
}
