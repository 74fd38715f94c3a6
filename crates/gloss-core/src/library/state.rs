//! What each feed's server said last time (`ETag`, `Last-Modified`), for conditional GET.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::LibraryError;
use super::http::Validators;
use crate::config::ron_file;
use crate::files::NewFile;

/// Validators by feed URL, kept in the library's hidden `.gloss` folder, and each feed's own
/// title, to name it when its server says nothing changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedState {
    pub feeds: BTreeMap<String, Validators>,
    #[serde(default)]
    pub titles: BTreeMap<String, String>,
}

impl FeedState {
    /// Reads the state; empty when there is none yet.
    pub fn load(path: &Path) -> Result<Self, LibraryError> {
        Ok(ron_file::load(path)?.unwrap_or_default())
    }

    pub fn save(&self, path: &Path) -> Result<(), LibraryError> {
        Ok(ron_file::save(path, "", self, None, NewFile::Private)?)
    }
}
