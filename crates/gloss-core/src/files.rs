//! Writing files so a crash never leaves half of one: a temporary file in the same folder,
//! flushed to disk, then renamed over the target; optionally keeping the previous version.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

mod swap;
pub use swap::Swapped;

/// A write that failed, with the file it was for.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {path}: {source}")]
pub struct WriteError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// Who may read a file gloss creates. A file it replaces keeps the permissions it had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewFile {
    /// The analyst's own data (annotations, names): readable by them alone.
    Private,
    /// Something made to be shared (an export): as the umask allows, like any file they write.
    Shared,
}

/// Replaces `path` with `bytes` atomically: readers see the old file or the new one, never a
/// mix. When `backup` is given, the previous version is kept there. A symbolic link stays a
/// link: the file it points to is replaced, as a shell's `>` would write it.
pub fn write_atomically(path: &Path, bytes: &[u8], backup: Option<&Path>, new: NewFile) -> Result<(), WriteError> {
    write_atomically_with(path, backup, new, |out| out.write_all(bytes))
}

/// Replaces `path` atomically with what `fill` writes (streamed, never held whole in memory).
pub fn write_atomically_with(
    path: &Path,
    backup: Option<&Path>,
    new: NewFile,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    prepare(path, new, fill)?.commit(backup)
}

/// A complete new version of a file, synced to disk beside it, not yet in its place.
#[derive(Debug)]
pub struct Prepared {
    /// The temporary file holding it, in the target's folder.
    temporary: tempfile::TempPath,
    target: PathBuf,
    folder: PathBuf,
}

/// Writes what `fill` writes to a temporary file beside `path` and syncs it, leaving `path`
/// alone. The temporary file is named `.NAME.XXXXXX.tmp`, so leftovers can be found.
pub fn prepare(
    path: &Path,
    new: NewFile,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<Prepared, WriteError> {
    let error = |source| WriteError { path: path.to_path_buf(), source };
    let target = resolve_links(path).map_err(error)?;
    let path = target.as_path();
    let folder = folder_of(path);
    fs::create_dir_all(&folder).map_err(error)?;
    let prefix = temporary_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMPORARY_SUFFIX);
    // The temporary file becomes the file, permissions and all.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(match new {
        NewFile::Private => 0o600,
        NewFile::Shared => 0o666,
    }));
    let temporary = builder.tempfile_in(&folder).map_err(error)?;
    if let Ok(existing) = fs::metadata(path) {
        temporary.as_file().set_permissions(existing.permissions()).map_err(error)?;
    }
    let mut out = io::BufWriter::new(temporary.as_file());
    fill(&mut out).map_err(error)?;
    out.flush().map_err(error)?;
    drop(out);
    temporary.as_file().sync_all().map_err(error)?;
    Ok(Prepared { temporary: temporary.into_temp_path(), target: path.to_path_buf(), folder })
}

impl Prepared {
    /// Where the new version waits, beside the target.
    pub fn path(&self) -> &Path {
        &self.temporary
    }

    /// Puts the new version in place, keeping the previous one as `backup` when given.
    pub fn commit(self, backup: Option<&Path>) -> Result<(), WriteError> {
        if let Some(backup) = backup
            && self.target.exists()
        {
            keep_previous(&self.target, backup)?;
        }
        let error = |source| WriteError { path: self.target.clone(), source };
        self.temporary.persist(&self.target).map_err(|e| error(e.error))?;
        sync_folder(&self.folder);
        Ok(())
    }
}

/// What comes after the dot of a temporary file's name.
const TEMPORARY_SUFFIX: &str = ".tmp";

/// How the names of `path`'s temporary files start.
fn temporary_prefix(path: &Path) -> String {
    let name = path.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    format!(".{name}.")
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Removes the temporary files an interrupted write of `path` left beside it (and of the files
/// whose names start with `path`'s, such as its journal); returns how many.
pub fn remove_leftovers(path: &Path) -> Result<usize, WriteError> {
    let folder = folder_of(path);
    let prefix = temporary_prefix(path);
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(source) => return Err(WriteError { path: folder, source }),
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && name.ends_with(TEMPORARY_SUFFIX) && entry.path().is_file() {
            fs::remove_file(entry.path()).map_err(|source| WriteError { path: entry.path(), source })?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// A backup that is a folder cannot be replaced: say so, naming it.
fn check_backup(backup: &Path) -> Result<(), WriteError> {
    if fs::symlink_metadata(backup).is_ok_and(|m| m.is_dir()) {
        let message = "it is a folder, where gloss keeps the previous version of the file; move it away";
        return Err(WriteError { path: backup.to_path_buf(), source: io::Error::other(message) });
    }
    Ok(())
}

/// The file a symbolic link at `path` leads to, through chains of links; `path` itself when it
/// is no link (or does not exist yet).
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // As many links as Linux follows before it gives up (ELOOP).
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = current.parent().map_or_else(|| target.clone(), |parent| parent.join(&target));
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Makes `backup` a copy of `path` (a hard link when the file system allows).
fn keep_previous(path: &Path, backup: &Path) -> Result<(), WriteError> {
    check_backup(backup)?;
    let error = |source| WriteError { path: backup.to_path_buf(), source };
    match fs::remove_file(backup) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(error(e)),
        _ => {}
    }
    if fs::hard_link(path, backup).is_err() {
        fs::copy(path, backup).map_err(error)?;
    }
    Ok(())
}

/// The file `path` stands for, with symbolic links followed (also a link to a file not made
/// yet), so that writing replaces the target and not the link, and locking locks the target.
pub fn real_path(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = folder_of(&current).join(target);
            }
            Ok(_) => return fs::canonicalize(&current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let Some(name) = current.file_name().map(std::ffi::OsStr::to_os_string) else { return Ok(current) };
                return Ok(fs::canonicalize(folder_of(&current)).map_or(current, |folder| folder.join(name)));
            }
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!("{}: too many levels of symbolic links", path.display())))
}

/// Flushes the folder entry so the rename itself survives a power cut (where supported).
///
/// Errors are not reported: by now the new file is complete, synced and in place, so "cannot
/// write" would be false, and a retry could do no better. Some systems cannot open or sync a
/// folder at all (Windows, some network file systems), which is why this is best effort.
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
    fn new_files_are_private_or_shared_and_old_ones_keep_their_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let private = dir.path().join("annotations.ron");
        write_atomically(&private, b"notes", None, NewFile::Private).unwrap();
        assert_eq!(mode(&private), 0o600);
        // Shared: what any program the user runs would create here, umask and all.
        let shared = dir.path().join("brief.md");
        write_atomically(&shared, b"one", None, NewFile::Shared).unwrap();
        let usual = dir.path().join("usual");
        fs::File::create(&usual).unwrap();
        assert_eq!(mode(&shared), mode(&usual));
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&shared, b"two", None, NewFile::Shared).unwrap();
        assert_eq!(mode(&shared), 0o640);
    }

    #[test]
    fn replaces_the_file_and_keeps_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.ron");
        let backup = dir.path().join("store.ron.bak");
        write_atomically(&path, b"one", Some(&backup), NewFile::Private).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert!(!backup.exists());
        write_atomically(&path, b"two", Some(&backup), NewFile::Private).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(&backup).unwrap(), b"one");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_stays_a_link_and_its_target_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real/brief.md");
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink("real/brief.md", &link).unwrap();
        let chain = dir.path().join("chain.md");
        std::os::unix::fs::symlink(&link, &chain).unwrap();
        write_atomically(&chain, b"new", None, NewFile::Shared).unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert!(fs::symlink_metadata(&chain).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(&target).unwrap(), b"new");
        // A link to a file that does not exist yet makes it.
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink("real/later.md", &dangling).unwrap();
        write_atomically(&dangling, b"later", None, NewFile::Shared).unwrap();
        assert_eq!(fs::read(dir.path().join("real/later.md")).unwrap(), b"later");
    }

    #[test]
    fn creates_missing_folders() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/out.md");
        write_atomically(&path, b"x", None, NewFile::Private).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"x");
    }

    #[test]
    fn failure_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("not-a-folder");
        fs::write(&blocker, "").unwrap();
        let error = write_atomically(&blocker.join("x.ron"), b"x", None, NewFile::Private).unwrap_err();
        assert!(error.to_string().starts_with(&format!("cannot write {}", blocker.join("x.ron").display())));
    }
}
