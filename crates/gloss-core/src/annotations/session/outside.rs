//! What comes from outside the session: records merged with a change made elsewhere to the
//! store file, a whole store when a read-only gloss takes over writing, and the conflicts
//! merging left for the analyst to settle, each settled by an intent (one step of undo).

use super::Session;
use super::intent::{Outcome, Refused};
use crate::annotations::conflict::{CLAIM_FIELD, Conflict, Value};
use crate::annotations::durable::Absorb;
use crate::annotations::identity::Resolver;
use crate::annotations::merge::fields::{claim_set, record_set};
use crate::annotations::merge::merge_record;
use crate::annotations::store::Store;

/// A conflict waiting in the store, with the article it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting<'a> {
    /// The article's store id.
    pub article: &'a str,
    /// Its place in the record's conflicts, to name it in [`super::Intent::SettleConflict`].
    pub index: usize,
    pub conflict: &'a Conflict,
}

impl Session {
    /// Takes in records merged with an outside change. A record the analyst changed since
    /// is merged again with those changes; not a step of undo.
    pub fn absorb(&mut self, absorbs: Vec<Absorb>) -> Outcome {
        let mut changed = Vec::new();
        for absorb in absorbs {
            let current = self.store.articles.get(&absorb.id);
            let record = if current == absorb.expected.as_ref() {
                absorb.merged
            } else {
                merge_record(&absorb.id, absorb.expected.as_ref(), current, absorb.merged.as_ref())
            };
            if self.store.articles.get(&absorb.id) == record.as_ref() {
                continue;
            }
            if let Some(record) = &record {
                self.resolver.learn(&absorb.id, &record.fingerprint, &record.path);
            }
            self.put(&absorb.id, record);
            self.bump(&absorb.id);
            changed.push(absorb.id);
        }
        self.relearn_ids();
        let status = (!changed.is_empty())
            .then(|| format!("merged a change made elsewhere to the store ({} article(s))", changed.len()));
        Outcome { status, changed, names_changed: false }
    }

    /// Starts again from `store` (read again from disk when this gloss may write it at last).
    pub fn replace_store(&mut self, store: Store) {
        self.resolver = Resolver::new(&store);
        self.store = store;
        self.ids.iter_mut().for_each(|id| *id = None);
        self.relearn_ids();
    }

    /// Finds the records of articles that had none, now that the store has more.
    fn relearn_ids(&mut self) {
        for (index, article) in self.articles.iter().enumerate() {
            if self.ids[index].is_none() {
                self.ids[index] = self.resolver.identify(article).id().map(str::to_owned);
            }
        }
    }

    /// Every conflict waiting in the store, by article id.
    pub fn conflicts(&self) -> impl Iterator<Item = Waiting<'_>> {
        self.store.articles.iter().flat_map(|(article, record)| {
            record.conflicts.iter().enumerate().map(move |(index, conflict)| Waiting { article, index, conflict })
        })
    }

    /// Settles conflict `index` of article `article`: `choice` is one of its other values
    /// to put in the field, or `None` to keep the field as it is.
    pub(super) fn settle(&mut self, article: usize, index: usize, choice: Option<usize>) -> Result<Outcome, Refused> {
        self.edit(article, |draft| {
            let conflict = draft.record.conflicts.get(index).cloned().ok_or(Refused::NoConflict(index))?;
            let (kept, took) = settled_messages(&conflict);
            let Some(choice) = choice else {
                draft.record.conflicts.remove(index);
                return Ok(kept);
            };
            let value = conflict.other_values.get(choice).cloned().ok_or(Refused::NoConflict(index))?;
            put_value(draft.record, &conflict, value)?;
            draft.record.conflicts.remove(index);
            Ok(took)
        })
    }
}

/// What the status line says when `conflict` is settled by keeping the field, and by taking
/// the other value (and what undo says it undid).
fn settled_messages(conflict: &Conflict) -> (String, String) {
    let (kept, took) = match (&conflict.claim, conflict.field.as_str()) {
        (Some(_), CLAIM_FIELD) => {
            ("kept the claim deleted elsewhere".to_owned(), "deleted the claim, as elsewhere".to_owned())
        }
        (claim, field) => {
            let field = format!("{} {}", if claim.is_some() { "claim" } else { "article" }, field.replace('_', " "));
            (format!("kept the {field} as it is"), format!("took the other {field}"))
        }
    };
    (format!("{kept} (conflict settled)"), format!("{took} (conflict settled)"))
}

/// Puts `value`, one of `conflict`'s other values, in the field it is about.
fn put_value(
    record: &mut crate::annotations::store::ArticleRecord,
    conflict: &Conflict,
    value: Value,
) -> Result<(), Refused> {
    let unusable = || Refused::UnusableValue(conflict.field.clone());
    match (&conflict.claim, conflict.field.as_str(), value) {
        (_, _, Value::Digest(_)) => Err(unusable()),
        (Some(id), CLAIM_FIELD, Value::Deleted) => {
            record.claims.retain(|c| &c.id != id);
            Ok(())
        }
        (Some(id), field, value) => {
            let claim = record.claims.iter_mut().find(|c| &c.id == id).ok_or_else(|| Refused::NoClaim(id.clone()))?;
            claim_set(claim, field, Some(value)).map_err(|_| unusable())
        }
        (None, field, value) => record_set(record, field, Some(value)).map_err(|_| unusable()),
    }
}
