//! Folding: writing the store file from the records gloss has, in the background. The file
//! is looked at first: when it changed since gloss last read or wrote it, the version on disk
//! is merged three ways with ours (base: what gloss last read or wrote), and the merge is
//! what is written. A file that cannot be read is never written over.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::disk::{self, Hashing, Stamp};
use super::{JournalError, Shared, parse_bytes, same, share};
use crate::annotations::merge::{Patch, diff, merge_record};
use crate::annotations::store::{Repair, StoreError, StoreFile, Unknown, backup_path, write_store};
use crate::config::ron_file::into_io;
use crate::files::{self, NewFile, Prepared, WriteError};

/// Bringing the store file up to date: a snapshot of everything needed, to run on any thread.
#[derive(Debug)]
pub struct FoldJob {
    pub(super) path: PathBuf,
    pub(super) base: Shared,
    pub(super) base_digest: Option<String>,
    pub(super) stamp: Option<Stamp>,
    pub(super) ours: Shared,
    pub(super) unknown: Unknown,
    /// How many journal entries the snapshot holds.
    pub(super) upto: usize,
    pub(super) replaced: Arc<super::stale::Replaced>,
}

/// A fold done but not yet in place.
#[derive(Debug)]
pub struct FoldReady {
    /// The new file, beside the store; `None` when there is nothing to write (the file
    /// changed elsewhere and gloss had nothing of its own to add).
    pub(super) prepared: Option<Prepared>,
    pub(super) digest: String,
    pub(super) written: Shared,
    /// The stamp and digest of the file the new one replaces.
    pub(super) replaced: Option<Stamp>,
    pub(super) replaced_digest: Option<String>,
    /// Whether the file on disk had changed and was merged.
    pub(super) merged: bool,
    pub(super) unknown: Option<Unknown>,
    pub(super) conflicts: usize,
    pub(super) repairs: Vec<Repair>,
    pub(super) upto: usize,
    /// What the new file changed from the base, record by record: kept in the journal until
    /// the next fold, so a stale copy saved over the file just after, then a crash, loses
    /// none of it (replayed onto the copy at the next start).
    pub(super) net: Vec<Patch>,
}

/// Why the store file was not brought up to date. The edits are safe in the journal.
#[derive(Debug, thiserror::Error)]
pub enum FoldError {
    /// The file on disk cannot be read: saving stops until it is fixed.
    #[error("{0}; your edits are kept in the journal and merged in once the file is fixed")]
    Unreadable(StoreError),
    #[error("{0}")]
    Write(#[from] WriteError),
    #[error("{0}")]
    Journal(#[from] JournalError),
    #[error("{path} keeps changing while gloss writes it; your edits are kept in the journal")]
    Unfinished { path: PathBuf },
}

impl FoldError {
    pub(super) fn io(path: &Path, source: std::io::Error) -> Self {
        Self::Write(WriteError { path: path.to_path_buf(), source })
    }

    /// Whether the file itself is the trouble (it will not be retried until it changes).
    pub fn is_unreadable(&self) -> bool {
        matches!(self, Self::Unreadable(_))
    }
}

/// What looking at the file found: its stamp, the digest of its bytes, and its content when
/// it changed since the base.
type Looked = (Option<Stamp>, Option<String>, Option<Theirs>);

/// The version on disk when it is not the one gloss last read or wrote.
struct Theirs {
    records: Shared,
    unknown: Unknown,
    repairs: Vec<Repair>,
}

impl FoldJob {
    /// Reads the file when it changed, merges, and writes the new version beside it.
    pub fn run(self) -> Result<FoldReady, FoldError> {
        let (replaced, replaced_digest, theirs) = self.look()?;
        let merged = theirs.is_some();
        let (written, unknown, repairs) = match theirs {
            None => (self.ours.clone(), self.unknown.clone(), Vec::new()),
            Some(theirs) => (self.merge(&theirs.records), theirs.unknown, theirs.repairs),
        };
        let conflicts = conflict_total(&written).saturating_sub(conflict_total(&self.ours));
        if merged && same_records(&self.ours, &self.base) {
            // Nothing of ours to add: the file on disk is the store now.
            // An empty digest: the file was deleted, and stays so.
            let digest = replaced_digest.clone().unwrap_or_default();
            return Ok(FoldReady {
                prepared: None,
                digest,
                written,
                replaced,
                replaced_digest,
                merged,
                unknown: Some(unknown),
                conflicts,
                repairs,
                upto: self.upto,
                net: Vec::new(),
            });
        }
        check_backup(&self.path)?;
        let (prepared, digest) = prepare(&self.path, &written, &unknown)?;
        let net = changes(&self.base, &written);
        Ok(FoldReady {
            prepared: Some(prepared),
            digest,
            written,
            replaced,
            replaced_digest,
            merged,
            unknown: Some(unknown),
            conflicts,
            repairs,
            upto: self.upto,
            net,
        })
    }

    /// The file's stamp and digest now, and its content when it changed since the base.
    fn look(&self) -> Result<Looked, FoldError> {
        let now = Stamp::of(&self.path).map_err(|e| FoldError::io(&self.path, e))?;
        if now == self.stamp && now.is_none_or(|stamp| !stamp.is_racy()) {
            return Ok((now, self.base_digest.clone(), None));
        }
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let theirs = Theirs { records: Shared::new(), unknown: Unknown::new(), repairs: Vec::new() };
                return Ok((None, None, (self.base_digest.is_some()).then_some(theirs)));
            }
            Err(e) => return Err(FoldError::io(&self.path, e)),
        };
        let digest = disk::digest(&bytes);
        if self.base_digest.as_deref() == Some(digest.as_str()) {
            return Ok((now, Some(digest), None));
        }
        let (store, repairs, _) = parse_bytes(&self.path, bytes).map_err(FoldError::Unreadable)?;
        let (records, unknown) = share(store);
        Ok((now, Some(digest), Some(Theirs { records, unknown, repairs })))
    }

    /// Theirs with every record we changed since the base merged in.
    fn merge(&self, theirs: &Shared) -> Shared {
        let mut merged = theirs.clone();
        let ids: std::collections::BTreeSet<&String> = self.base.keys().chain(self.ours.keys()).collect();
        for id in ids {
            let (base, ours) = (self.base.get(id), self.ours.get(id));
            // Unchanged here since the base, and there too: theirs stands.
            if same(base, ours) && same(base, theirs.get(id)) {
                continue;
            }
            // Less what is only a stale copy of values gloss replaced (an editor saving what it
            // read earlier, or lacking records gloss made).
            let fresh = self.replaced.fresh(id, &self.base, theirs.get(id).map(|r| &**r));
            let (base, ours) = (base.map(|r| &**r), ours.map(|r| &**r));
            let record = match merge_record(id, base, ours, fresh.as_ref()) {
                Some(mut record) => {
                    self.replaced.keep_both_where_doubtful(id, (base, ours, fresh.as_ref()), &mut record);
                    Some(record)
                }
                None => None,
            };
            match record {
                Some(record) => merged.insert(id.clone(), Arc::new(record)),
                None => merged.remove(id),
            };
        }
        merged
    }
}

/// The patches that turn the records `from` into `to`.
fn changes(from: &Shared, to: &Shared) -> Vec<Patch> {
    let ids: std::collections::BTreeSet<&String> = from.keys().chain(to.keys()).collect();
    ids.into_iter()
        .filter(|id| !same(from.get(*id), to.get(*id)))
        .filter_map(|id| diff(id, from.get(id).map(|r| &**r), to.get(id).map(|r| &**r)))
        .collect()
}

fn conflict_total(records: &Shared) -> usize {
    records.values().map(|r| r.conflicts.len()).sum()
}

fn same_records(a: &Shared, b: &Shared) -> bool {
    a.len() == b.len() && a.iter().all(|(id, record)| same(Some(record), b.get(id)))
}

/// A `.bak` that is a folder stops the write before anything is touched, naming it.
fn check_backup(path: &Path) -> Result<(), FoldError> {
    let backup = backup_path(path);
    if std::fs::symlink_metadata(&backup).is_ok_and(|m| m.is_dir()) {
        let message = "it is a folder, where gloss keeps the previous version of the store; move it away";
        return Err(FoldError::Write(WriteError { path: backup, source: std::io::Error::other(message) }));
    }
    Ok(())
}

/// Writes `records` as the store file's next version beside `path`; returns it and its digest.
fn prepare(path: &Path, records: &Shared, unknown: &Unknown) -> Result<(Prepared, String), FoldError> {
    let mut not_ron = None;
    let mut hasher = blake3::Hasher::new();
    let prepared = files::prepare(path, NewFile::Private, |out| {
        let mut hashing = Hashing { inner: out, hasher: blake3::Hasher::new() };
        write_store(&mut hashing, &StoreFile { records, unknown }).map_err(|e| into_io(e, &mut not_ron))?;
        hasher = hashing.hasher;
        Ok(())
    });
    if let Some(error) = not_ron {
        return Err(FoldError::io(path, std::io::Error::other(error.to_string())));
    }
    Ok((prepared?, hasher.finalize().to_hex().to_string()))
}
