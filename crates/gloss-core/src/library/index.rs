//! What the library holds, read from its snapshots' front matter: by GUID, URL and content
//! fingerprint, to tell a new article from one already kept, changed, or a copy.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::snapshot::{Snapshot, file_name, slug};
use super::{Library, LibraryError};
use crate::corpus::markdown::parse;
use crate::corpus::{Fingerprint, MAX_ARTICLE_BYTES};
use crate::files::{NewFile, write_atomically};

/// What saving a snapshot did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    New(PathBuf),
    /// Same GUID or URL, different text: the file was rewritten in place, so annotations
    /// re-anchor as they do for an edited file.
    Updated(PathBuf),
    /// Same GUID or URL and the same text: nothing written.
    Unchanged(PathBuf),
    /// Another snapshot already has this text (another feed, another URL): nothing written.
    Duplicate(PathBuf),
}

/// The snapshots of a library, by key.
#[derive(Debug, Clone, Default)]
pub struct Index {
    by_guid: HashMap<String, PathBuf>,
    by_url: HashMap<String, PathBuf>,
    by_fingerprint: HashMap<String, PathBuf>,
    fingerprints: HashMap<PathBuf, String>,
}

impl Index {
    /// Reads every snapshot of `library` (hidden folders left out).
    pub fn read(library: &Library) -> Result<Self, LibraryError> {
        let mut index = Self::default();
        if !library.root().exists() {
            return Ok(index);
        }
        let walk = walkdir::WalkDir::new(library.root()).sort_by_file_name().into_iter();
        for entry in walk.filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')) {
            let entry = entry.map_err(|e| LibraryError::Read {
                path: e.path().unwrap_or(library.root()).to_path_buf(),
                source: std::io::Error::other(e.to_string()),
            })?;
            if entry.file_type().is_file() && entry.path().extension().is_some_and(|x| x == "md") {
                index.learn_file(entry.path())?;
            }
        }
        Ok(index)
    }

    fn learn_file(&mut self, path: &Path) -> Result<(), LibraryError> {
        let metadata = fs::metadata(path).map_err(|source| LibraryError::Read { path: path.to_path_buf(), source })?;
        if metadata.len() > MAX_ARTICLE_BYTES {
            return Ok(());
        }
        let bytes = fs::read(path).map_err(|source| LibraryError::Read { path: path.to_path_buf(), source })?;
        let (front, document) = parse(&String::from_utf8_lossy(&bytes));
        let fingerprint = Fingerprint::of(document.render().text.as_bytes()).to_hex();
        self.learn(path, front.get(&["guid"]), front.get(&["url"]), fingerprint);
        Ok(())
    }

    fn learn(&mut self, path: &Path, guid: Option<&str>, url: Option<&str>, fingerprint: String) {
        if let Some(guid) = guid {
            self.by_guid.insert(guid.to_owned(), path.to_path_buf());
        }
        if let Some(url) = url {
            self.by_url.insert(url.to_owned(), path.to_path_buf());
        }
        self.by_fingerprint.entry(fingerprint.clone()).or_insert_with(|| path.to_path_buf());
        self.fingerprints.insert(path.to_path_buf(), fingerprint);
    }

    pub fn len(&self) -> usize {
        self.fingerprints.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fingerprints.is_empty()
    }

    /// Keeps `snapshot` in `library`: new, updated in place, or left alone as unchanged or a
    /// duplicate (see [`Saved`]). The write is atomic.
    pub fn save(&mut self, library: &Library, snapshot: &Snapshot) -> Result<Saved, LibraryError> {
        let fingerprint = snapshot.fingerprint();
        let known = snapshot
            .guid
            .as_ref()
            .and_then(|g| self.by_guid.get(g))
            .or_else(|| snapshot.url().and_then(|u| self.by_url.get(u)));
        if let Some(path) = known.cloned() {
            if self.fingerprints.get(&path) == Some(&fingerprint) {
                return Ok(Saved::Unchanged(path));
            }
            write_atomically(&path, snapshot.to_markdown().as_bytes(), None, NewFile::Shared)?;
            self.learn(&path, snapshot.guid.as_deref(), snapshot.url(), fingerprint);
            return Ok(Saved::Updated(path));
        }
        if let Some(path) = self.by_fingerprint.get(&fingerprint) {
            return Ok(Saved::Duplicate(path.clone()));
        }
        let path = self.free_path(library, snapshot);
        write_atomically(&path, snapshot.to_markdown().as_bytes(), None, NewFile::Shared)?;
        self.learn(&path, snapshot.guid.as_deref(), snapshot.url(), fingerprint);
        Ok(Saved::New(path))
    }

    /// `SOURCE/DATE-title.md` under the library, numbered when the name is taken.
    fn free_path(&self, library: &Library, snapshot: &Snapshot) -> PathBuf {
        let metadata = &snapshot.document.metadata;
        let folder = slug(metadata.source.as_deref().unwrap_or(""), 40);
        let folder = library.root().join(if folder.is_empty() { "unsorted" } else { &folder });
        let name = file_name(metadata.date.as_deref(), snapshot.document.title());
        let stem = name.trim_end_matches(".md");
        (1..=10_000)
            .map(|n| if n == 1 { folder.join(&name) } else { folder.join(format!("{stem}-{n}.md")) })
            .find(|path| !self.fingerprints.contains_key(path) && !path.exists())
            .unwrap_or_else(|| folder.join(name.clone()))
    }
}

#[cfg(test)]
mod tests;
