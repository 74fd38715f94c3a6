//! Patches: what changed in one article's record, field by field, each change with what the
//! field was before, so that it applies cleanly where nothing else changed it and keeps both
//! values (a conflict) where something did. The journal is a list of patches; merging is
//! applying the patch from base to ours onto theirs.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::digest::{self, as_before, is};
use super::fields::{claim_get, claim_names, claim_set, record_get, record_names, record_set};
use crate::annotations::claim::Claim;
use crate::annotations::conflict::{CLAIM_FIELD, Value, note_conflict};
use crate::annotations::store::ArticleRecord;

/// What says which article a record is for: enough to make the record again where it is gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    pub file: String,
    pub path: String,
    pub fingerprint: String,
    pub title: String,
}

impl Head {
    fn of(record: &ArticleRecord) -> Self {
        Self {
            file: record.file.clone(),
            path: record.path.clone(),
            fingerprint: record.fingerprint.clone(),
            title: record.title.clone(),
        }
    }

    fn record(&self) -> ArticleRecord {
        ArticleRecord {
            file: self.file.clone(),
            path: self.path.clone(),
            fingerprint: self.fingerprint.clone(),
            title: self.title.clone(),
            ..ArticleRecord::default()
        }
    }
}

/// One change to a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// A field of the record (`claim: None`) or of one of its claims took a new value.
    Set { claim: Option<String>, field: String, before: Option<Value>, after: Option<Value> },
    /// A claim was made.
    AddClaim(Claim),
    /// A claim was deleted; `was` is the digest of all of it.
    RemoveClaim { claim: String, was: String },
}

/// What changed in article `article`'s record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Patch {
    pub article: String,
    pub head: Head,
    pub changes: Vec<Change>,
}

/// The record with the analyst's work taken out (what deleting a record means when merging):
/// which article it is, and its unknown fields, stay.
fn emptied(record: &ArticleRecord) -> ArticleRecord {
    ArticleRecord { unknown: record.unknown.clone(), ..Head::of(record).record() }
}

/// The patch that turns record `old` into `new` (`None`: no record); `None` when nothing changed.
pub fn diff(article: &str, old: Option<&ArticleRecord>, new: Option<&ArticleRecord>) -> Option<Patch> {
    let (old, new) = match (old, new) {
        (None, None) => return None,
        (Some(old), None) => (old.clone(), emptied(old)),
        (None, Some(new)) => (Head::of(new).record(), new.clone()),
        (Some(old), Some(new)) if old == new => return None,
        (Some(old), Some(new)) => (old.clone(), new.clone()),
    };
    let mut changes = Vec::new();
    let mut names: Vec<&str> = record_names(&old).chain(record_names(&new)).collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        set_if_changed(&mut changes, None, name, record_get(&old, name), record_get(&new, name));
    }
    let old_claims: HashMap<&str, &Claim> = old.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    for claim in &new.claims {
        match old_claims.get(claim.id.as_str()) {
            None => changes.push(Change::AddClaim(claim.clone())),
            Some(was) if *was == claim => {}
            Some(was) => claim_changes(&mut changes, was, claim),
        }
    }
    let new_ids: std::collections::HashSet<&str> = new.claims.iter().map(|c| c.id.as_str()).collect();
    for claim in old.claims.iter().filter(|c| !new_ids.contains(c.id.as_str())) {
        changes.push(Change::RemoveClaim { claim: claim.id.clone(), was: digest::of_claim(claim) });
    }
    (!changes.is_empty()).then(|| Patch { article: article.to_owned(), head: Head::of(&new), changes })
}

fn claim_changes(changes: &mut Vec<Change>, old: &Claim, new: &Claim) {
    let mut names: Vec<&str> = claim_names(old).chain(claim_names(new)).collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        set_if_changed(changes, Some(&new.id), name, claim_get(old, name), claim_get(new, name));
    }
}

fn set_if_changed(changes: &mut Vec<Change>, claim: Option<&str>, field: &str, old: Option<Value>, new: Option<Value>) {
    if old != new {
        changes.push(Change::Set {
            claim: claim.map(str::to_owned),
            field: field.to_owned(),
            before: old.map(as_before),
            after: new,
        });
    }
}

/// Where a claim that was deleted on the other side can be found whole, to keep it.
pub type Keep<'a> = &'a dyn Fn(&str) -> Option<Claim>;

/// Applies `patch` to `record` (`None`: no record), keeping both values where a field was
/// changed there too; returns the record (`None` when nothing is left in it). `keep` finds
/// whole a claim the patch changed but `record` lost; without it, the changed values are
/// kept in a conflict.
pub fn apply(patch: &Patch, record: Option<ArticleRecord>, keep: Option<Keep>) -> Option<ArticleRecord> {
    let mut record = record.unwrap_or_else(|| patch.head.record());
    for change in &patch.changes {
        match change {
            Change::Set { claim: None, field, before, after } => {
                set_field(&mut record, None, field, before.as_ref(), after.as_ref());
            }
            Change::Set { claim: Some(id), field, before, after } => {
                set_claim_field(&mut record, id, field, before.as_ref(), after.as_ref(), keep);
            }
            Change::AddClaim(claim) => add_claim(&mut record, claim),
            Change::RemoveClaim { claim, was } => remove_claim(&mut record, claim, was),
        }
    }
    record.sort_claims();
    (!record.is_empty()).then_some(record)
}

fn add_claim(record: &mut ArticleRecord, claim: &Claim) {
    if !record.claims.iter().any(|c| c.id == claim.id) {
        record.claims.push(claim.clone());
        return;
    }
    for name in claim_names(claim) {
        set_claim_field(record, &claim.id, name, None, claim_get(claim, name).as_ref(), None);
    }
}

fn remove_claim(record: &mut ArticleRecord, id: &str, was: &str) {
    let Some(at) = record.claims.iter().position(|c| c.id == id) else { return };
    if digest::of_claim(&record.claims[at]) == was {
        record.claims.remove(at);
    } else {
        // Changed there, deleted here: the claim is kept, and the deletion noted.
        note_conflict(&mut record.conflicts, Some(id), CLAIM_FIELD, None, Value::Deleted);
    }
}

fn set_claim_field(
    record: &mut ArticleRecord,
    id: &str,
    field: &str,
    before: Option<&Value>,
    after: Option<&Value>,
    keep: Option<Keep>,
) {
    if !record.claims.iter().any(|c| c.id == id) {
        let Some(kept) = keep.and_then(|keep| keep(id)) else {
            let value = after.cloned().unwrap_or(Value::Deleted);
            note_conflict(&mut record.conflicts, Some(id), field, None, value);
            return;
        };
        record.claims.push(kept);
        note_conflict(&mut record.conflicts, Some(id), CLAIM_FIELD, None, Value::Deleted);
    }
    set_field(record, Some(id), field, before, after);
}

/// Sets one field from `before` to `after`, merging with what it holds now.
fn set_field(
    record: &mut ArticleRecord,
    claim: Option<&str>,
    field: &str,
    before: Option<&Value>,
    after: Option<&Value>,
) {
    let current = get(record, claim, field);
    if current.as_ref() == after {
        return;
    }
    let value = if is(before, current.as_ref()) {
        after.cloned()
    } else if let Some(combined) = combine(field, before, current.as_ref(), after) {
        Some(combined)
    } else {
        // Both sides changed it: the field takes ours, the record keeps theirs.
        let theirs = current.clone().unwrap_or(Value::Deleted);
        note_conflict(&mut record.conflicts, claim, field, after, theirs);
        after.cloned()
    };
    put(record, claim, field, value);
}

fn get(record: &ArticleRecord, claim: Option<&str>, field: &str) -> Option<Value> {
    match claim {
        None => record_get(record, field),
        Some(id) => claim_get(record.claims.iter().find(|c| c.id == id)?, field),
    }
}

/// Puts `value` in the field. A value of the wrong kind (a journal from another gloss) is
/// kept as a conflict instead, so it is not lost.
fn put(record: &mut ArticleRecord, claim: Option<&str>, field: &str, value: Option<Value>) {
    let set = match claim {
        None => record_set(record, field, value.clone()),
        Some(id) => match record.claims.iter_mut().find(|c| c.id == id) {
            Some(found) => claim_set(found, field, value.clone()),
            None => Ok(()),
        },
    };
    if let (Err(wrong), Some(_)) = (set, value) {
        note_conflict(&mut record.conflicts, claim, field, None, wrong.value);
    }
}

/// Both sides changed a field: the values merged where the field allows it (tags and
/// conflicts as sets, the read flag, the time of the last change), else `None`.
fn combine(field: &str, before: Option<&Value>, theirs: Option<&Value>, ours: Option<&Value>) -> Option<Value> {
    match (field, before, theirs, ours) {
        ("tags", Some(Value::Tags(base)), Some(Value::Tags(theirs)), Some(Value::Tags(ours))) => {
            Some(Value::Tags(merge_sets(base, theirs, ours)))
        }
        ("tags", None, Some(Value::Tags(theirs)), Some(Value::Tags(ours))) => {
            Some(Value::Tags(merge_sets(&[], theirs, ours)))
        }
        ("conflicts", Some(Value::Conflicts(base)), Some(Value::Conflicts(theirs)), Some(Value::Conflicts(ours))) => {
            Some(Value::Conflicts(merge_sets(base, theirs, ours)))
        }
        ("read", _, Some(Value::Flag(theirs)), Some(Value::Flag(ours))) => Some(Value::Flag(*theirs || *ours)),
        ("modified", _, Some(Value::Text(theirs)), Some(Value::Text(ours))) => {
            Some(Value::Text(theirs.max(ours).clone()))
        }
        ("created", _, Some(Value::Text(theirs)), Some(Value::Text(ours))) => {
            Some(Value::Text(theirs.min(ours).clone()))
        }
        _ => None,
    }
}

/// Three-way merge of two lists used as sets: ours, less what theirs removed, plus what
/// theirs added.
fn merge_sets<T: Clone + PartialEq>(base: &[T], theirs: &[T], ours: &[T]) -> Vec<T> {
    let mut merged: Vec<T> = ours.iter().filter(|x| !base.contains(x) || theirs.contains(x)).cloned().collect();
    for added in theirs.iter().filter(|x| !base.contains(x)) {
        if !merged.contains(added) {
            merged.push(added.clone());
        }
    }
    merged
}
