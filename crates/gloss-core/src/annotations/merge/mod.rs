//! Three-way merging of stores: the version both sides started from (base), ours and theirs.
//! Different articles, claims and fields merge silently; a field both sides changed
//! differently keeps ours and records theirs as a [`Conflict`](super::conflict::Conflict) in
//! the record, so nothing is dropped. Pure functions on stores: the journal replays patches
//! with them, the running gloss merges outside changes with them, and a git merge driver can.

pub mod digest;
pub mod fields;
pub mod files;
pub mod patch;

use std::collections::BTreeSet;

pub use patch::{Change, Head, Keep, Patch, apply, diff};

use super::claim::Claim;
use super::store::{ArticleRecord, Store};

/// Merges one article's record: `base` changed to `ours` on one side and to `theirs` on the
/// other (`None`: no record there). `None` when nothing is left in it.
pub fn merge_record(
    id: &str,
    base: Option<&ArticleRecord>,
    ours: Option<&ArticleRecord>,
    theirs: Option<&ArticleRecord>,
) -> Option<ArticleRecord> {
    let Some(patch) = diff(id, base, ours) else { return theirs.cloned() };
    let keep = |claim: &str| -> Option<Claim> { ours?.claims.iter().find(|c| c.id == claim).cloned() };
    apply(&patch, theirs.cloned(), Some(&keep))
}

/// Merges stores: everything `ours` changed from `base` applied to `theirs`.
pub fn merge(base: &Store, ours: &Store, theirs: &Store) -> Store {
    let mut merged = theirs.clone();
    let ids: BTreeSet<&String> = base.articles.keys().chain(ours.articles.keys()).collect();
    for id in ids {
        let (b, o) = (base.articles.get(id), ours.articles.get(id));
        if b == o {
            continue;
        }
        match merge_record(id, b, o, theirs.articles.get(id)) {
            Some(record) => merged.articles.insert(id.clone(), record),
            None => merged.articles.remove(id),
        };
    }
    for (name, value) in &ours.unknown {
        if base.unknown.get(name) != Some(value) {
            merged.unknown.insert(name.clone(), value.clone());
        }
    }
    for name in base.unknown.keys().filter(|name| !ours.unknown.contains_key(*name)) {
        if theirs.unknown.get(name) == base.unknown.get(name) {
            merged.unknown.remove(name);
        }
    }
    merged
}

/// How many values are waiting in conflicts in `store`.
pub fn conflict_count(store: &Store) -> usize {
    store.articles.values().flat_map(|r| &r.conflicts).map(|c| c.other_values.len()).sum()
}

#[cfg(test)]
mod tests;
