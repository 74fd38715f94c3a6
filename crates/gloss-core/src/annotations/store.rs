//! The store: every annotation in one human-readable RON file, identical content always written
//! as identical bytes, so it diffs and merges cleanly under version control.

mod check;
mod fields;
mod serde_impls;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

pub use check::Repair;
pub use fields::Unknown;
pub use serde_impls::{Records, StoreFile};

use super::claim::Claim;
use super::conflict::Conflict;
use crate::config::ron_file::{self, LoadError, SaveError, SerializeError};
use crate::files::NewFile;

/// The store format this gloss writes; older ones it can read.
pub const STORE_VERSION: u32 = 1;

/// An article's annotations, with what identifies the article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleRecord {
    /// The file name when last seen.
    pub file: String,
    /// The path when last seen (`seeds:NAME` for built-in samples).
    pub path: String,
    /// The content fingerprint of the text the anchors refer to.
    pub fingerprint: String,
    pub title: String,
    pub read: bool,
    /// The analyst's note on the whole article.
    pub note: String,
    /// Claims in text order.
    pub claims: Vec<Claim>,
    /// Fields changed differently in two places, for the analyst to settle.
    pub conflicts: Vec<Conflict>,
    /// Fields this gloss does not know, kept as they were written.
    pub unknown: Unknown,
}

impl ArticleRecord {
    /// Nothing worth keeping: not read, no note, no claims, nothing unsettled or unknown.
    pub fn is_empty(&self) -> bool {
        !self.read
            && self.note.trim().is_empty()
            && self.claims.is_empty()
            && self.conflicts.is_empty()
            && self.unknown.is_empty()
    }

    /// Claims in text order (orphans by their last known place), then by id.
    pub fn sort_claims(&mut self) {
        self.claims.sort_by(|a, b| (a.anchor.start, a.anchor.end, &a.id).cmp(&(b.anchor.start, b.anchor.end, &b.id)));
    }
}

/// All annotations, by article id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    pub version: u32,
    pub articles: BTreeMap<String, ArticleRecord>,
    /// Fields of the store this gloss does not know, kept as they were written.
    pub unknown: Unknown,
}

impl Default for Store {
    fn default() -> Self {
        Self { version: STORE_VERSION, articles: BTreeMap::new(), unknown: Unknown::new() }
    }
}

/// Why a store could not be read.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0} (the store was left untouched; fix it, or start with --read-only)")]
    Unreadable(#[from] LoadError),
    #[error("{path} is version {version}, written by a newer gloss (this one reads up to {STORE_VERSION})")]
    Newer { path: PathBuf, version: u32 },
    #[error(
        "{file}:{line}:{column}: a git merge left conflict markers here; keep the lines you want, \
         delete the marker lines (<<<<<<<, =======, >>>>>>>), and save (the store was left untouched)"
    )]
    ConflictMarkers { file: String, line: usize, column: usize },
}

/// The comment at the top of the file.
pub const HEADER: &str = "\
// gloss annotations: one record per article, by article id; claims in text order.
// Written by gloss after every change. Safe to read, diff and merge; when editing by hand,
// keep it valid RON (gloss will not overwrite a file it cannot read).
";

impl Store {
    /// Reads the store at `path`; a missing file is an empty store.
    pub fn load(path: &Path) -> Result<Self, StoreError> {
        Self::read(path).map(|(store, _)| store)
    }

    /// Reads the store at `path`, with what had to be set right in it (see [`Store::parse`]).
    pub fn read(path: &Path) -> Result<(Self, Vec<Repair>), StoreError> {
        match ron_file::read_if_present(path)? {
            Some(source) => Self::parse_reporting(&source, path),
            None => Ok((Self::default(), Vec::new())),
        }
    }

    /// Reads store text; `path` is for messages.
    pub fn parse(source: &str, path: &Path) -> Result<Self, StoreError> {
        Self::parse_reporting(source, path).map(|(store, _)| store)
    }

    /// Reads store text, setting right what would otherwise be lost and saying so: an article
    /// given twice is merged into one record, a claim id given twice is made unique.
    pub fn parse_reporting(source: &str, path: &Path) -> Result<(Self, Vec<Repair>), StoreError> {
        let file = path.display().to_string();
        if let Some((line, column)) = check::conflict_marker(source) {
            return Err(StoreError::ConflictMarkers { file, line, column });
        }
        let read: serde_impls::ReadStore = ron_file::parse(source, &file).map_err(LoadError::from)?;
        if read.version > STORE_VERSION {
            return Err(StoreError::Newer { path: path.to_path_buf(), version: read.version });
        }
        Ok(check::assemble(read, source, &file))
    }

    /// The file's text. The same content always gives the same bytes: articles by id, claims
    /// in text order, empty records left out.
    pub fn to_ron(&self) -> Result<String, SerializeError> {
        ron_file::to_pretty(HEADER, &self.file())
    }

    /// The store as it is written.
    pub fn file(&self) -> StoreFile<'_, BTreeMap<String, ArticleRecord>> {
        StoreFile { records: &self.articles, unknown: &self.unknown }
    }

    /// Writes the store atomically, keeping the previous version beside it as `*.bak`; when
    /// it cannot be written, the file on disk is left as it was.
    pub fn save(&self, path: &Path) -> Result<(), SaveError> {
        ron_file::save_streaming(path, HEADER, &self.file(), Some(&backup_path(path)), NewFile::Private)
    }

    /// All claims, with the id of their article.
    pub fn claims(&self) -> impl Iterator<Item = (&str, &Claim)> {
        self.articles.iter().flat_map(|(id, record)| record.claims.iter().map(move |c| (id.as_str(), c)))
    }
}

/// Writes `file` as the store's text to `out`, streaming: the same bytes as [`Store::to_ron`].
pub fn write_store<R: Records>(out: &mut dyn Write, file: &StoreFile<'_, R>) -> Result<(), ron_file::StreamError> {
    ron_file::write_pretty(out, HEADER, file)
}

/// Where the previous version of a store is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(std::ffi::OsString::from).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests;
