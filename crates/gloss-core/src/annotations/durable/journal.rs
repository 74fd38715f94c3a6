//! The journal beside the store: every acknowledged edit appended and synced before it is
//! acknowledged, so it survives any crash; folded into the store file in the background.
//!
//! The file is text: a first line `gloss journal 1`, then entries and fold marks.
//! An entry is `E <bytes> <digest>` on a line, then that many bytes of RON (a list of
//! [`Patch`]es) and a newline; an entry cut short by a crash fails its digest and is ignored
//! (it was never acknowledged). A fold mark `F <digest>` says that everything above it is in
//! the store file whose bytes have that digest.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::annotations::merge::Patch;
use crate::files::{self, NewFile, WriteError};

const FIRST_LINE: &str = "gloss journal 1\n";

/// Where the journal of a store lives.
pub fn journal_path(store: &Path) -> PathBuf {
    let mut name = store.file_name().map(std::ffi::OsString::from).unwrap_or_default();
    name.push(".journal");
    store.with_file_name(name)
}

/// What the journal holds, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Entry(Vec<Patch>),
    Folded(String),
}

/// A journal that could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("cannot write the journal {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "{path} was written by a newer gloss or is not a gloss journal; move it away to go on \
         (it holds edits not yet in the store)"
    )]
    Foreign { path: PathBuf },
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// The journal open for appending.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    /// Bytes in the file, to know when folding is due.
    pub len: u64,
}

/// The items of the journal at `path` (none when there is no journal), and how many bytes of
/// it are whole (a torn last entry is left out).
pub fn read(path: &Path) -> Result<(Vec<Item>, u64), JournalError> {
    let io = |source| JournalError::Io { path: path.to_path_buf(), source };
    let mut bytes = Vec::new();
    match File::open(path) {
        Ok(mut file) => file.read_to_end(&mut bytes).map_err(io)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), 0)),
        Err(e) => return Err(io(e)),
    };
    if bytes.is_empty() {
        return Ok((Vec::new(), 0));
    }
    if !bytes.starts_with(FIRST_LINE.as_bytes()) {
        return Err(JournalError::Foreign { path: path.to_path_buf() });
    }
    let mut items = Vec::new();
    let mut at = FIRST_LINE.len();
    while let Some((item, next)) = item_at(&bytes, at) {
        items.push(item);
        at = next;
    }
    Ok((items, at as u64))
}

/// The whole item starting at `at`, and where the next starts.
fn item_at(bytes: &[u8], at: usize) -> Option<(Item, usize)> {
    let line_end = at + bytes.get(at..)?.iter().position(|&b| b == b'\n')?;
    let line = std::str::from_utf8(&bytes[at..line_end]).ok()?;
    let mut words = line.split(' ');
    match (words.next()?, words.next(), words.next()) {
        ("F", Some(digest), None) => Some((Item::Folded(digest.to_owned()), line_end + 1)),
        ("E", Some(len), Some(digest)) => {
            let start = line_end + 1;
            let end = start.checked_add(len.parse().ok()?)?;
            let payload = bytes.get(start..end)?;
            if bytes.get(end) != Some(&b'\n') || super::disk::digest(payload) != digest {
                return None;
            }
            let patches = ron::de::from_bytes(payload).ok()?;
            Some((Item::Entry(patches), end + 1))
        }
        _ => None,
    }
}

/// A journal's first bytes: its first line, and a fold mark of the store file's `digest`.
fn start_bytes(digest: Option<&str>) -> Vec<u8> {
    let mut bytes = FIRST_LINE.as_bytes().to_vec();
    if let Some(digest) = digest {
        bytes.extend_from_slice(format!("F {digest}\n").as_bytes());
    }
    bytes
}

fn entry_bytes(patches: &[Patch]) -> Result<Vec<u8>, io::Error> {
    let payload = ron::to_string(patches).map_err(|e| io::Error::other(format!("a patch is not RON: {e}")))?;
    let mut bytes = format!("E {} {}\n", payload.len(), super::disk::digest(payload.as_bytes())).into_bytes();
    bytes.extend_from_slice(payload.as_bytes());
    bytes.push(b'\n');
    Ok(bytes)
}

impl Journal {
    /// Opens the journal at `path` for appending after its first `whole` bytes (a torn entry
    /// after them is cut off); made when missing. A new journal starts with a fold mark of
    /// `store`, the digest of the store file as it is (see [`Journal::compact`]).
    pub fn open(path: &Path, whole: u64, store: Option<&str>) -> Result<Self, JournalError> {
        let io = |source| JournalError::Io { path: path.to_path_buf(), source };
        let mut file = OpenOptions::new().create(true).truncate(false).read(true).write(true).open(path).map_err(io)?;
        let len = if whole == 0 {
            let start = start_bytes(store);
            file.set_len(0).map_err(io)?;
            file.write_all(&start).map_err(io)?;
            file.sync_all().map_err(io)?;
            start.len() as u64
        } else {
            file.set_len(whole).map_err(io)?;
            whole
        };
        let mut journal = Self { path: path.to_path_buf(), file, len };
        journal.seek_end().map_err(io)?;
        Ok(journal)
    }

    fn seek_end(&mut self) -> io::Result<()> {
        io::Seek::seek(&mut self.file, io::SeekFrom::Start(self.len)).map(|_| ())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The open file, for tests to make writing fail.
    #[cfg(test)]
    pub fn file_for_tests(&mut self) -> &mut File {
        &mut self.file
    }

    /// Appends an entry and syncs it to disk: when this returns, the edit survives a crash.
    pub fn append(&mut self, patches: &[Patch]) -> Result<(), JournalError> {
        self.append_bytes(&entry_bytes(patches).map_err(|source| self.error(source))?)
    }

    /// Notes that everything so far is in the store file with the digest `digest`.
    pub fn mark_folded(&mut self, digest: &str) -> Result<(), JournalError> {
        self.append_bytes(format!("F {digest}\n").as_bytes())
    }

    fn error(&self, source: io::Error) -> JournalError {
        JournalError::Io { path: self.path.clone(), source }
    }

    fn append_bytes(&mut self, bytes: &[u8]) -> Result<(), JournalError> {
        let written = self.file.write_all(bytes).and_then(|()| self.file.sync_data());
        if let Err(source) = written {
            // Cut off whatever part was written, so the next entry starts clean.
            let _cut = self.file.set_len(self.len).and_then(|()| self.seek_end());
            return Err(self.error(source));
        }
        self.len += bytes.len() as u64;
        Ok(())
    }

    /// Replaces the journal, atomically, with one holding only `entries` (those not yet in
    /// the store file), after a fold mark of `store`, the digest of the store file they follow:
    /// so a crash in the middle of the next fold can tell that file from one written elsewhere.
    /// Before them, `last`: the file `before` (its digest) and what the last fold changed from
    /// it, replayed only onto a file that is neither (a copy saved over the store from before).
    pub fn compact(
        &mut self,
        last: (Option<&str>, &[Patch]),
        store: Option<&str>,
        entries: &[Vec<Patch>],
    ) -> Result<(), JournalError> {
        let mut bytes = start_bytes(last.0);
        if !last.1.is_empty() {
            bytes.extend(entry_bytes(last.1).map_err(|source| self.error(source))?);
        }
        if let Some(store) = store {
            bytes.extend_from_slice(format!("F {store}\n").as_bytes());
        }
        for patches in entries {
            bytes.extend(entry_bytes(patches).map_err(|source| self.error(source))?);
        }
        files::write_atomically(&self.path, &bytes, None, NewFile::Private)?;
        let reopened =
            OpenOptions::new().read(true).write(true).open(&self.path).map_err(|source| self.error(source))?;
        self.file = reopened;
        self.len = bytes.len() as u64;
        self.seek_end().map_err(|source| self.error(source))
    }

    /// Removes the journal: everything is in the store file.
    pub fn remove(self) -> Result<(), JournalError> {
        match fs::remove_file(&self.path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(JournalError::Io { path: self.path, source: e }),
            _ => Ok(()),
        }
    }
}

/// The digests of the store files the journal's fold marks name, oldest first: the last is
/// the one last written.
pub fn marks(items: &[Item]) -> Vec<&str> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Folded(digest) => Some(digest.as_str()),
            Item::Entry(_) => None,
        })
        .collect()
}

/// The entries to replay on the store file whose bytes have `digest`: those after the last
/// fold mark naming it, or all of them when none does (the file is the one they started from,
/// or was changed elsewhere since: applying patches merges them either way).
pub fn to_replay(items: Vec<Item>, digest: &str) -> Vec<Vec<Patch>> {
    let start = items.iter().rposition(|item| *item == Item::Folded(digest.to_owned())).map_or(0, |at| at + 1);
    items
        .into_iter()
        .skip(start)
        .filter_map(|item| match item {
            Item::Entry(patches) => Some(patches),
            Item::Folded(_) => None,
        })
        .collect()
}
