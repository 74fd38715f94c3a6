//! Telling an outside change from a stale copy. An editor that opened the store before gloss
//! last wrote it, and saves it now, writes back values gloss itself has since replaced, and
//! lacks claims and records gloss has since made. Those are not changes made there: a
//! three-way merge against the last version gloss wrote would take them as such and lose the
//! newer work. So gloss remembers, for this session, the values it replaced and what it made,
//! and reads such parts of the file as unchanged.

use std::collections::{HashMap, HashSet};

use super::Shared;
use crate::annotations::conflict::{Value, note_conflict};
use crate::annotations::merge::digest;
use crate::annotations::merge::fields::{claim_get, claim_names, claim_set, record_get, record_names, record_set};
use crate::annotations::merge::{Change, Patch};
use crate::annotations::store::ArticleRecord;

/// A field: article, claim (`None` for the record's own), name.
type Field = (String, Option<String>, String);

/// What gloss replaced and made in this session.
#[derive(Debug, Clone, Default)]
pub struct Replaced {
    values: HashMap<Field, HashSet<String>>,
    claims: HashSet<(String, String)>,
    records: HashSet<String>,
}

impl Replaced {
    /// Remembers what `patches` replaced and made.
    pub fn learn(&mut self, patches: &[Patch], had_record: impl Fn(&str) -> bool) {
        for patch in patches {
            if !had_record(&patch.article) {
                self.records.insert(patch.article.clone());
            }
            for change in &patch.changes {
                match change {
                    Change::Set { claim, field, before: Some(before), .. } => {
                        let key = (patch.article.clone(), claim.clone(), field.clone());
                        self.values.entry(key).or_default().insert(digest::of_value(before));
                    }
                    Change::AddClaim(claim) => {
                        self.claims.insert((patch.article.clone(), claim.id.clone()));
                    }
                    Change::Set { .. } | Change::RemoveClaim { .. } => {}
                }
            }
        }
    }

    fn is_old(&self, article: &str, claim: Option<&str>, field: &str, value: Option<&Value>) -> bool {
        let (Some(value), Some(old)) =
            (value, self.values.get(&(article.to_owned(), claim.map(str::to_owned), field.to_owned())))
        else {
            return false;
        };
        old.contains(&digest::of_value(value))
    }

    /// Theirs' record `id`, with what is only a stale copy of gloss's own put back as in
    /// `base` (so the merge sees it unchanged there).
    pub fn fresh(&self, id: &str, base: &Shared, theirs: Option<&ArticleRecord>) -> Option<ArticleRecord> {
        let base = base.get(id).map(|r| &**r);
        let Some(theirs) = theirs else {
            return if self.records.contains(id) { base.cloned() } else { None };
        };
        let mut fresh = theirs.clone();
        let Some(base) = base else { return Some(fresh) };
        let names: Vec<String> = record_names(theirs).map(str::to_owned).collect();
        for name in names {
            if self.is_old(id, None, &name, record_get(theirs, &name).as_ref()) {
                // A value of the wrong kind cannot come from the base, which gloss wrote.
                let _same_kind = record_set(&mut fresh, &name, record_get(base, &name));
            }
        }
        for claim in &base.claims {
            match fresh.claims.iter_mut().find(|c| c.id == claim.id) {
                None if self.claims.contains(&(id.to_owned(), claim.id.clone())) => fresh.claims.push(claim.clone()),
                None => {}
                Some(theirs_claim) => {
                    let names: Vec<String> = claim_names(theirs_claim).map(str::to_owned).collect();
                    for name in names {
                        if self.is_old(id, Some(&claim.id), &name, claim_get(theirs_claim, &name).as_ref()) {
                            let _same_kind = claim_set(theirs_claim, &name, claim_get(claim, &name));
                        }
                    }
                }
            }
        }
        fresh.sort_claims();
        Some(fresh)
    }

    /// Where `merged` (record `id`) took theirs' value of a field gloss changed earlier in
    /// this session, it keeps gloss's value and records theirs as a conflict. Theirs may come
    /// from a copy read before gloss's last change of the field (an editor saving late): then
    /// the merge's base is not theirs, and taking it would silently undo gloss's change. Both
    /// values kept loses nothing either way. `theirs` is [`Replaced::fresh`]'s.
    pub fn keep_both_where_doubtful(&self, id: &str, sides: Sides, merged: &mut ArticleRecord) {
        for (claim, name, ours) in self.doubts(id, sides, merged) {
            keep_ours(merged, claim.as_deref(), &name, ours.as_ref());
        }
    }

    /// The fields of `merged` in doubt (see [`Replaced::keep_both_where_doubtful`]), each with
    /// gloss's value.
    fn doubts(&self, id: &str, (base, ours, theirs): Sides, merged: &ArticleRecord) -> Vec<Doubt> {
        let (Some(ours), Some(theirs)) = (ours, theirs) else { return Vec::new() };
        let mut found = Vec::new();
        let mut check = |claim: Option<&str>, name: &str, get: &dyn Fn(&ArticleRecord) -> Option<Value>| {
            let key = (id.to_owned(), claim.map(str::to_owned), name.to_owned());
            let (now, theirs_value) = (get(merged), get(theirs));
            if !MERGED_BY_VALUE.contains(&name)
                && self.values.contains_key(&key)
                && now == theirs_value
                && now != get(ours)
                && base.is_none_or(|base| get(base) != theirs_value)
            {
                found.push((claim.map(str::to_owned), name.to_owned(), get(ours)));
            }
        };
        for name in record_names(merged) {
            check(None, name, &|r| record_get(r, name));
        }
        for claim in &merged.claims {
            for name in claim_names(claim) {
                check(Some(&claim.id), name, &|r| {
                    r.claims.iter().find(|c| c.id == claim.id).and_then(|c| claim_get(c, name))
                });
            }
        }
        found
    }
}

/// A record's base, ours and theirs.
pub type Sides<'a> = (Option<&'a ArticleRecord>, Option<&'a ArticleRecord>, Option<&'a ArticleRecord>);

/// A field in doubt: claim (`None` for the record's own), name, and gloss's value.
type Doubt = (Option<String>, String, Option<Value>);

/// Fields whose values merge by themselves (times, the read flag, the conflicts list): never
/// in doubt.
const MERGED_BY_VALUE: [&str; 4] = ["modified", "created", "read", "conflicts"];

/// Puts gloss's `value` back in the field and keeps the value it held as a conflict.
fn keep_ours(record: &mut ArticleRecord, claim: Option<&str>, name: &str, value: Option<&Value>) {
    let theirs = match claim {
        None => record_get(record, name),
        Some(id) => record.claims.iter().find(|c| c.id == id).and_then(|c| claim_get(c, name)),
    };
    let set = match claim {
        None => record_set(record, name, value.cloned()),
        Some(id) => match record.claims.iter_mut().find(|c| c.id == id) {
            Some(found) => claim_set(found, name, value.cloned()),
            None => return,
        },
    };
    // gloss's own value, read from its record, is always of the field's kind.
    if set.is_ok() {
        note_conflict(&mut record.conflicts, claim, name, value, theirs.unwrap_or(Value::Deleted));
    }
}
