//! Records and claims as named fields with [`Value`]s: what merging, the journal and
//! conflicts work on.

use crate::annotations::claim::Claim;
use crate::annotations::conflict::Value;
use crate::annotations::store::{ArticleRecord, Unknown};

/// The fields of a record that say which article it is; the others are the analyst's.
pub const HEAD: [&str; 4] = ["file", "path", "fingerprint", "title"];

/// The record's own fields (not its claims), known ones first.
pub const RECORD: [&str; 7] = ["file", "path", "fingerprint", "title", "read", "note", "conflicts"];

/// A claim's fields, but its id.
pub const CLAIM: [&str; 9] =
    ["anchor", "tags", "check_worthy", "verdict", "note", "created", "modified", "author", "orphaned"];

/// A value of the wrong kind for its field: a journal or conflict written by another gloss.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the field `{field}` cannot hold {value:?}")]
pub struct WrongKind {
    pub field: String,
    pub value: Value,
}

/// Every field name of `record`: the known ones, then the unknown ones it has.
pub fn record_names(record: &ArticleRecord) -> impl Iterator<Item = &str> {
    RECORD.into_iter().chain(record.unknown.keys().map(String::as_str))
}

/// Every field name of `claim`: the known ones, then the unknown ones it has.
pub fn claim_names(claim: &Claim) -> impl Iterator<Item = &str> {
    CLAIM.into_iter().chain(claim.unknown.keys().map(String::as_str))
}

fn unknown(unknown: &Unknown, name: &str) -> Option<Value> {
    unknown.get(name).map(|raw| Value::Raw(raw.clone()))
}

/// The value of `record`'s field `name`; `None` for an unknown field it does not have.
pub fn record_get(record: &ArticleRecord, name: &str) -> Option<Value> {
    Some(match name {
        "file" => Value::Text(record.file.clone()),
        "path" => Value::Text(record.path.clone()),
        "fingerprint" => Value::Text(record.fingerprint.clone()),
        "title" => Value::Text(record.title.clone()),
        "read" => Value::Flag(record.read),
        "note" => Value::Text(record.note.clone()),
        "conflicts" => Value::Conflicts(record.conflicts.clone()),
        other => return unknown(&record.unknown, other),
    })
}

/// The value of `claim`'s field `name`; `None` for an unknown field it does not have.
pub fn claim_get(claim: &Claim, name: &str) -> Option<Value> {
    Some(match name {
        "anchor" => Value::Anchor(claim.anchor.clone()),
        "tags" => Value::Tags(claim.tags.clone()),
        "check_worthy" => Value::Flag(claim.check_worthy),
        "verdict" => Value::Verdict(claim.verdict),
        "note" => Value::Text(claim.note.clone()),
        "created" => Value::Text(claim.created.clone()),
        "modified" => Value::Text(claim.modified.clone()),
        "author" => Value::Text(claim.author.clone()),
        "orphaned" => Value::Flag(claim.orphaned),
        other => return unknown(&claim.unknown, other),
    })
}

fn set_unknown(unknown: &mut Unknown, name: &str, value: Option<Value>) -> Result<(), WrongKind> {
    match value {
        None | Some(Value::Deleted) => {
            unknown.remove(name);
        }
        Some(Value::Raw(raw)) => {
            unknown.insert(name.to_owned(), raw);
        }
        Some(value) => return Err(WrongKind { field: name.to_owned(), value }),
    }
    Ok(())
}

/// Sets `record`'s field `name` to `value` (`None` removes an unknown field).
pub fn record_set(record: &mut ArticleRecord, name: &str, value: Option<Value>) -> Result<(), WrongKind> {
    let wrong = |value| Err(WrongKind { field: name.to_owned(), value });
    match (name, value) {
        ("file", Some(Value::Text(t))) => record.file = t,
        ("path", Some(Value::Text(t))) => record.path = t,
        ("fingerprint", Some(Value::Text(t))) => record.fingerprint = t,
        ("title", Some(Value::Text(t))) => record.title = t,
        ("read", Some(Value::Flag(f))) => record.read = f,
        ("note", Some(Value::Text(t))) => record.note = t,
        ("conflicts", Some(Value::Conflicts(c))) => record.conflicts = c,
        (known, value) if RECORD.contains(&known) => return wrong(value.unwrap_or(Value::Deleted)),
        (other, value) => return set_unknown(&mut record.unknown, other, value),
    }
    Ok(())
}

/// Sets `claim`'s field `name` to `value` (`None` removes an unknown field).
pub fn claim_set(claim: &mut Claim, name: &str, value: Option<Value>) -> Result<(), WrongKind> {
    let wrong = |value| Err(WrongKind { field: name.to_owned(), value });
    match (name, value) {
        ("anchor", Some(Value::Anchor(a))) => claim.anchor = a,
        ("tags", Some(Value::Tags(t))) => claim.tags = t,
        ("check_worthy", Some(Value::Flag(f))) => claim.check_worthy = f,
        ("verdict", Some(Value::Verdict(v))) => claim.verdict = v,
        ("note", Some(Value::Text(t))) => claim.note = t,
        ("created", Some(Value::Text(t))) => claim.created = t,
        ("modified", Some(Value::Text(t))) => claim.modified = t,
        ("author", Some(Value::Text(t))) => claim.author = t,
        ("orphaned", Some(Value::Flag(f))) => claim.orphaned = f,
        (known, value) if CLAIM.contains(&known) => return wrong(value.unwrap_or(Value::Deleted)),
        (other, value) => return set_unknown(&mut claim.unknown, other, value),
    }
    Ok(())
}
