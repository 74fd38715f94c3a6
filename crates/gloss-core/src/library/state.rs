//! What each feed's server said last time (`ETag`, `Last-Modified`), for conditional GET.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::LibraryError;
use super::http::Validators;
use crate::files::{NewFile, write_atomically};

/// Validators by feed URL, kept in the library's hidden `.gloss` folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedState {
    pub feeds: BTreeMap<String, Validators>,
}

impl FeedState {
    /// Reads the state; empty when there is none yet.
    pub fn load(path: &Path) -> Result<Self, LibraryError> {
        let source = match fs::read_to_string(path) {
            Ok(source) => source,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => return Err(LibraryError::Read { path: path.to_path_buf(), source }),
        };
        ron::from_str(&source).map_err(|e| LibraryError::State {
            path: path.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })
    }

    pub fn save(&self, path: &Path) -> Result<(), LibraryError> {
        let config = ron::ser::PrettyConfig::new().indentor("    ").struct_names(false);
        let body = ron::ser::to_string_pretty(self, config).map_err(|e| LibraryError::State {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            message: e.to_string(),
        })?;
        write_atomically(path, body.as_bytes(), None, NewFile::Private)?;
        Ok(())
    }
}
