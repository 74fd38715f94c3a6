//! Putting a finished fold in place: the journal marked, the new file swapped in (the one it
//! replaced parked until it is kept as `.bak` or, written elsewhere a moment before, put back
//! to merge again), the journal compacted; and folding until nothing is left, for quitting.

use std::path::Path;

use super::disk::{self, Stamp};
use super::{Absorb, Durable, FoldError, FoldReady, apply_all, park};
use crate::annotations::store::{Repair, backup_path};

/// What a finished fold did.
#[derive(Debug, Default)]
pub struct Folded {
    /// Records that an outside change altered, for the session to take in.
    pub absorbs: Vec<Absorb>,
    /// Conflicts the merge added.
    pub conflicts: usize,
    pub repairs: Vec<Repair>,
    /// Something changed the file while it was being written: fold again.
    pub again: bool,
}

impl Durable {
    /// Puts a finished fold in place: marks the journal, swaps the new file in, and keeps the
    /// journal's later entries.
    pub fn finish_fold(&mut self, ready: FoldReady) -> Result<Folded, FoldError> {
        let mut folded = Folded { conflicts: ready.conflicts, repairs: ready.repairs, ..Folded::default() };
        // The stamp of what is written, taken before it is in place: a file put over it a
        // moment later must not pass for it.
        let mut written_stamp = ready.replaced;
        if let Some(prepared) = ready.prepared {
            written_stamp = Stamp::of(prepared.path()).map_err(|e| FoldError::io(&self.path, e))?;
            self.journal.mark_folded(&ready.digest)?;
            // From here until the file it replaced is kept or put back, a crash leaves that
            // file parked where the next start looks (see `park`).
            let swapped = prepared.swap(&park::park_path(&self.path))?;
            if let Some(previous) = &swapped.previous {
                let same = is_same(previous, ready.replaced, ready.replaced_digest.as_deref());
                if !matches!(same, Ok(true)) {
                    // Written over a moment ago by someone else (or it cannot be told): put
                    // theirs back and merge again.
                    swapped.undo()?;
                    same.map_err(|e| FoldError::io(&self.path, e))?;
                    folded.again = true;
                    return Ok(folded);
                }
            }
            swapped.keep_previous_as(Some(&backup_path(&self.path)))?;
        }
        let before = std::mem::replace(&mut self.base_digest, Some(ready.digest).filter(|digest| !digest.is_empty()));
        self.base = ready.written;
        self.stamp = written_stamp;
        if let Some(unknown) = ready.unknown {
            self.unknown = unknown;
        }
        let later = self.unfolded.split_off(ready.upto.min(self.unfolded.len()));
        self.unfolded = later;
        if ready.merged {
            let before = std::mem::replace(&mut self.ours, self.base.clone());
            for patches in &self.unfolded {
                apply_all(&mut self.ours, patches);
            }
            folded.absorbs = self.absorbs(&before);
        }
        self.journal.compact((before.as_deref(), &ready.net), self.base_digest.as_deref(), &self.unfolded)?;
        Ok(folded)
    }

    /// Brings the store file up to date now, on this thread, until nothing is left to fold.
    pub fn fold_now(&mut self) -> Result<Folded, FoldError> {
        let mut all = Folded::default();
        for _ in 0..8 {
            let Some(job) = self.begin_fold() else { break };
            let folded = self.finish_fold(job.run()?)?;
            all.absorbs.extend(folded.absorbs);
            all.conflicts += folded.conflicts;
            all.repairs.extend(folded.repairs);
            if !folded.again && !self.has_unfolded() {
                break;
            }
        }
        Ok(all)
    }

    /// Folds everything and removes the journal: for quitting.
    pub fn close(mut self) -> Result<Folded, FoldError> {
        let folded = self.fold_now()?;
        if self.has_unfolded() || !self.unwritten.is_empty() {
            return Err(FoldError::Unfinished { path: self.path.clone() });
        }
        self.journal.remove()?;
        Ok(folded)
    }
}

/// Whether the file at `path` is the one with this stamp and digest: by the stamp alone when
/// it is not recent, else by its bytes.
fn is_same(path: &Path, stamp: Option<Stamp>, digest: Option<&str>) -> std::io::Result<bool> {
    let now = Stamp::of(path)?;
    if now != stamp {
        return Ok(false);
    }
    if now.is_some_and(|s| s.is_racy()) {
        return Ok(std::fs::read(path).map(|bytes| disk::digest(&bytes)).ok().as_deref() == digest);
    }
    Ok(true)
}
