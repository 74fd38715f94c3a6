//! Writing files so a crash never leaves half of one: a temporary file in the same folder,
//! flushed to disk, then renamed over the target; optionally keeping the previous version.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A write that failed, with the file it was for.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {path}: {source}")]
pub struct WriteError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// Replaces `path` with `bytes` atomically: readers see the old file or the new one, never a
/// mix. When `backup` is given, the previous version is kept there.
pub fn write_atomically(path: &Path, bytes: &[u8], backup: Option<&Path>) -> Result<(), WriteError> {
    let error = |source| WriteError { path: path.to_path_buf(), source };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&folder).map_err(error)?;
    let name = path.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A temporary file is private (0600); the file it becomes gets the usual permissions,
    // or keeps those it had.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temporary = builder.tempfile_in(&folder).map_err(error)?;
    if let Ok(existing) = fs::metadata(path) {
        temporary.as_file().set_permissions(existing.permissions()).map_err(error)?;
    }
    temporary.write_all(bytes).map_err(error)?;
    temporary.as_file().sync_all().map_err(error)?;
    if let Some(backup) = backup
        && path.exists()
    {
        keep_previous(path, backup).map_err(error)?;
    }
    temporary.persist(path).map_err(|e| error(e.error))?;
    sync_folder(&folder);
    Ok(())
}

/// Makes `backup` a copy of `path` (a hard link when the file system allows).
fn keep_previous(path: &Path, backup: &Path) -> io::Result<()> {
    match fs::remove_file(backup) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    if fs::hard_link(path, backup).is_err() {
        fs::copy(path, backup)?;
    }
    Ok(())
}

/// Flushes the folder entry so the rename itself survives a power cut (where supported).
fn sync_folder(folder: &Path) {
    if let Ok(handle) = fs::File::open(folder) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn new_files_get_the_usual_permissions_and_old_ones_keep_theirs() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brief.md");
        write_atomically(&path, b"one", None).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path) & 0o644, 0o644, "readable by others, as the umask allows");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"two", None).unwrap();
        assert_eq!(mode(&path), 0o640);
    }

    #[test]
    fn replaces_the_file_and_keeps_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.ron");
        let backup = dir.path().join("store.ron.bak");
        write_atomically(&path, b"one", Some(&backup)).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert!(!backup.exists());
        write_atomically(&path, b"two", Some(&backup)).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(&backup).unwrap(), b"one");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn creates_missing_folders() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/out.md");
        write_atomically(&path, b"x", None).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"x");
    }

    #[test]
    fn failure_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("not-a-folder");
        fs::write(&blocker, "").unwrap();
        let error = write_atomically(&blocker.join("x.ron"), b"x", None).unwrap_err();
        assert!(error.to_string().starts_with(&format!("cannot write {}", blocker.join("x.ron").display())));
    }
}
