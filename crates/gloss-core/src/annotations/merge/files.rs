//! Three store files merged into one, as a git merge driver does it: the common ancestor, ours
//! and theirs read (each refused with its place when it does not parse or holds conflict
//! markers), merged with the same [`merge`](super::merge) as the live store, and written as
//! the store's deterministic text. Nothing here touches a file: the caller reads and writes.

use std::path::{Path, PathBuf};

use super::merge;
use crate::annotations::conflict::Value;
use crate::annotations::store::{Repair, Store, StoreError};
use crate::config::ron_file::SerializeError;

/// One of the three versions a merge reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The common ancestor (`%O`).
    Base,
    /// The current branch's version (`%A`), where the result goes.
    Ours,
    /// The version being merged in (`%B`).
    Theirs,
}

impl Side {
    /// How messages name it.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Base => "the common ancestor",
            Self::Ours => "ours, the current branch's version",
            Self::Theirs => "theirs, the version being merged in",
        }
    }
}

/// One version's text, and the name to give it in messages.
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    pub side: Side,
    pub text: &'a str,
    pub name: &'a Path,
}

/// Why three versions could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeFilesError {
    #[error("{}: {error}", side.describe())]
    Unreadable { side: Side, error: StoreError },
    #[error(
        "{}: {} is empty, and gloss never writes an empty store: restore that version from its \
         branch's history (`git log -- PATH`), then merge again",
        side.describe(),
        name.display()
    )]
    Empty { side: Side, name: PathBuf },
    #[error(transparent)]
    NotRon(#[from] SerializeError),
}

/// The merged store as text, and what there is to say about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedFile {
    pub text: String,
    /// Values this merge put in conflicts (conflicts either side already had are not counted).
    pub new_conflicts: usize,
    /// What was set right while reading the versions, each naming its version.
    pub repairs: Vec<Repair>,
}

/// Reads one version: an empty ancestor (git's when there is none) is an empty store. An empty
/// ours or theirs is refused, as gloss refuses to open it: read as an empty store, it would
/// delete every record the other side left alone, silently (a truncated file is not a
/// decision to drop all annotations).
pub fn read_version(version: Version<'_>) -> Result<(Store, Vec<Repair>), MergeFilesError> {
    if version.text.trim().is_empty() {
        return match version.side {
            Side::Base => Ok((Store::default(), Vec::new())),
            side => Err(MergeFilesError::Empty { side, name: version.name.to_path_buf() }),
        };
    }
    Store::parse_reporting(version.text, version.name)
        .map_err(|error| MergeFilesError::Unreadable { side: version.side, error })
}

/// Merges `ours` and `theirs`, both changed from `base`: ours wins a field both changed, and
/// theirs is kept beside it as a conflict record.
pub fn merge_versions(
    base: Version<'_>,
    ours: Version<'_>,
    theirs: Version<'_>,
) -> Result<MergedFile, MergeFilesError> {
    let (base, mut repairs) = read_version(base)?;
    let (ours, more) = read_version(ours)?;
    repairs.extend(more);
    let (theirs, more) = read_version(theirs)?;
    repairs.extend(more);
    let merged = merge(&base, &ours, &theirs);
    let before: Vec<_> = conflict_values(&ours).chain(conflict_values(&theirs)).collect();
    let new_conflicts = conflict_values(&merged).filter(|value| !before.contains(value)).count();
    Ok(MergedFile { text: merged.to_ron()?, new_conflicts, repairs })
}

/// Every value waiting in a conflict: article, claim, field and value.
fn conflict_values(store: &Store) -> impl Iterator<Item = (&str, Option<&str>, &str, &Value)> {
    store.articles.iter().flat_map(|(id, record)| {
        record.conflicts.iter().flat_map(move |conflict| {
            conflict
                .other_values
                .iter()
                .map(move |value| (id.as_str(), conflict.claim.as_deref(), conflict.field.as_str(), value))
        })
    })
}

#[cfg(test)]
#[path = "files_tests.rs"]
mod tests;
