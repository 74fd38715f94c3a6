//! Conflicts: a field that two sides changed differently. The field keeps one value and the
//! record lists the others, so nothing is dropped, the file stays valid RON, and the analyst
//! chooses later.

use ron::value::RawValue;
use serde::{Deserialize, Serialize};

use super::claim::{Anchor, Verdict};

/// The value of one field of an article's record or of a claim, as conflicts and the journal
/// keep it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Value {
    Text(String),
    Flag(bool),
    Tags(Vec<String>),
    Verdict(Verdict),
    Anchor(Anchor),
    Conflicts(Vec<Conflict>),
    /// A field this gloss does not know (written by a newer one, or by hand), as it was written.
    Raw(Box<RawValue>),
    /// A large value, by its digest: only in the journal, where it says what a value was.
    Digest(String),
    /// The claim is gone: on one side it was deleted.
    Deleted,
}

/// One field changed differently on two sides: the field holds one value, and `other_values`
/// the others it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The claim whose field it is; `None` for the article's own fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    /// The field's name as the store writes it (`note`, `tags`, `verdict`); `claim` when one
    /// side deleted the claim and the other changed it (the claim is kept).
    pub field: String,
    /// The values it had elsewhere, not kept in the field.
    pub other_values: Vec<Value>,
}

/// The field name of a conflict about a claim's existence.
pub const CLAIM_FIELD: &str = "claim";

impl Conflict {
    /// Whether it is about `claim`'s (or the article's) `field`.
    pub fn is_about(&self, claim: Option<&str>, field: &str) -> bool {
        self.claim.as_deref() == claim && self.field == field
    }
}

/// Adds `value` to the conflict on `claim`'s `field` in `conflicts` (making it when needed),
/// unless it is already there or is `current`, the value the field holds.
pub fn note_conflict(
    conflicts: &mut Vec<Conflict>,
    claim: Option<&str>,
    field: &str,
    current: Option<&Value>,
    value: Value,
) {
    if current == Some(&value) {
        return;
    }
    match conflicts.iter_mut().find(|c| c.is_about(claim, field)) {
        Some(conflict) if conflict.other_values.contains(&value) => {}
        Some(conflict) => conflict.other_values.push(value),
        None => {
            conflicts.push(Conflict {
                claim: claim.map(str::to_owned),
                field: field.to_owned(),
                other_values: vec![value],
            });
            conflicts.sort_by(|a, b| (&a.claim, &a.field).cmp(&(&b.claim, &b.field)));
        }
    }
}
