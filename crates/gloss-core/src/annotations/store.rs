//! The store: every annotation in one human-readable RON file, identical content always written
//! as identical bytes, so it diffs and merges cleanly under version control.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::claim::Claim;
use crate::config::ron_file::{self, LoadError, SaveError, SerializeError};
use crate::files::NewFile;

/// The store format this gloss writes; older ones it can read.
pub const STORE_VERSION: u32 = 1;

/// An article's annotations, with what identifies the article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The file name when last seen.
    pub file: String,
    /// The path when last seen (`seeds:NAME` for built-in samples).
    pub path: String,
    /// The content fingerprint of the text the anchors refer to.
    pub fingerprint: String,
    pub title: String,
    #[serde(default)]
    pub read: bool,
    /// The analyst's note on the whole article.
    #[serde(default)]
    pub note: String,
    /// Claims in text order.
    #[serde(default)]
    pub claims: Vec<Claim>,
}

impl ArticleRecord {
    /// Nothing worth keeping: not read, no note, no claims.
    pub fn is_empty(&self) -> bool {
        !self.read && self.note.trim().is_empty() && self.claims.is_empty()
    }

    /// Claims in text order (orphans by their last known place), then by id.
    pub fn sort_claims(&mut self) {
        self.claims.sort_by(|a, b| (a.anchor.start, a.anchor.end, &a.id).cmp(&(b.anchor.start, b.anchor.end, &b.id)));
    }
}

/// All annotations, by article id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Store {
    pub version: u32,
    pub articles: BTreeMap<String, ArticleRecord>,
}

impl Default for Store {
    fn default() -> Self {
        Self { version: STORE_VERSION, articles: BTreeMap::new() }
    }
}

/// Why a store could not be read.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0} (the store was left untouched; fix it, or start with --read-only)")]
    Unreadable(#[from] LoadError),
    #[error("{path} is version {version}, written by a newer gloss (this one reads up to {STORE_VERSION})")]
    Newer { path: PathBuf, version: u32 },
}

const HEADER: &str = "\
// gloss annotations: one record per article, by article id; claims in text order.
// Written by gloss after every change. Safe to read, diff and merge; when editing by hand,
// keep it valid RON (gloss will not overwrite a file it cannot read).
";

impl Store {
    /// Reads the store at `path`; a missing file is an empty store.
    pub fn load(path: &Path) -> Result<Self, StoreError> {
        match ron_file::read_if_present(path)? {
            Some(source) => Self::parse(&source, path),
            None => Ok(Self::default()),
        }
    }

    /// Reads store text; `path` is for messages.
    pub fn parse(source: &str, path: &Path) -> Result<Self, StoreError> {
        let store: Self = ron_file::parse(source, &path.display().to_string()).map_err(LoadError::from)?;
        if store.version > STORE_VERSION {
            return Err(StoreError::Newer { path: path.to_path_buf(), version: store.version });
        }
        Ok(store)
    }

    /// The file's text. The same content always gives the same bytes: articles by id, claims
    /// in text order, empty records left out.
    pub fn to_ron(&self) -> Result<String, SerializeError> {
        ron_file::to_pretty(HEADER, &self.normal())
    }

    /// Writes the store atomically, keeping the previous version beside it as `*.bak`; when
    /// it cannot be written, the file on disk is left as it was.
    pub fn save(&self, path: &Path) -> Result<(), SaveError> {
        ron_file::save(path, HEADER, &self.normal(), Some(&backup_path(path)), NewFile::Private)
    }

    /// The store as it is written: current version, empty records left out, claims in order.
    fn normal(&self) -> Self {
        let mut normal = self.clone();
        normal.version = STORE_VERSION;
        normal.articles.retain(|_, record| !record.is_empty());
        for record in normal.articles.values_mut() {
            record.sort_claims();
        }
        normal
    }

    /// All claims, with the id of their article.
    pub fn claims(&self) -> impl Iterator<Item = (&str, &Claim)> {
        self.articles.iter().flat_map(|(id, record)| record.claims.iter().map(move |c| (id.as_str(), c)))
    }
}

/// Where the previous version of a store is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(std::ffi::OsString::from).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests;
