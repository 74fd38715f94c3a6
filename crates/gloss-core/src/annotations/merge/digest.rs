//! Digests of values and claims: what the journal keeps of a large value it only needs to
//! recognise. Hashed from the content itself, field by field, so they never depend on how
//! anything is printed.

use crate::annotations::claim::{Anchor, Claim};
use crate::annotations::conflict::{Conflict, Value};
use crate::annotations::store::Unknown;

/// Values up to this many bytes are kept whole as the journal's "before"; longer ones by digest.
const WHOLE_UP_TO: usize = 64;

/// Something that can be fed to a hasher, unambiguously.
trait Feed {
    fn feed(&self, hasher: &mut blake3::Hasher);
}

fn text(hasher: &mut blake3::Hasher, text: &str) {
    hasher.update(&(text.len() as u64).to_le_bytes());
    hasher.update(text.as_bytes());
}

impl Feed for Anchor {
    fn feed(&self, hasher: &mut blake3::Hasher) {
        hasher.update(&(self.start as u64).to_le_bytes());
        hasher.update(&(self.end as u64).to_le_bytes());
        for part in [&self.quote, &self.prefix, &self.suffix] {
            text(hasher, part);
        }
    }
}

impl Feed for Unknown {
    fn feed(&self, hasher: &mut blake3::Hasher) {
        hasher.update(&(self.len() as u64).to_le_bytes());
        for (name, value) in self {
            text(hasher, name);
            text(hasher, value.get_ron());
        }
    }
}

impl Feed for Conflict {
    fn feed(&self, hasher: &mut blake3::Hasher) {
        text(hasher, self.claim.as_deref().unwrap_or("\0"));
        text(hasher, &self.field);
        hasher.update(&(self.other_values.len() as u64).to_le_bytes());
        for value in &self.other_values {
            value.feed(hasher);
        }
    }
}

impl Feed for Value {
    fn feed(&self, hasher: &mut blake3::Hasher) {
        match self {
            Self::Text(t) => text(hasher.update(b"T"), t),
            Self::Flag(flag) => {
                hasher.update(if *flag { b"F1" } else { b"F0" });
            }
            Self::Tags(tags) => {
                hasher.update(b"G");
                hasher.update(&(tags.len() as u64).to_le_bytes());
                for tag in tags {
                    text(hasher, tag);
                }
            }
            Self::Verdict(verdict) => text(hasher.update(b"V"), verdict.name()),
            Self::Anchor(anchor) => anchor.feed(hasher.update(b"A")),
            Self::Conflicts(conflicts) => {
                hasher.update(b"C");
                hasher.update(&(conflicts.len() as u64).to_le_bytes());
                for conflict in conflicts {
                    conflict.feed(hasher);
                }
            }
            Self::Raw(raw) => text(hasher.update(b"R"), raw.get_ron()),
            Self::Digest(digest) => text(hasher.update(b"D"), digest),
            Self::Deleted => {
                hasher.update(b"X");
            }
        }
    }
}

impl Feed for Claim {
    fn feed(&self, hasher: &mut blake3::Hasher) {
        text(hasher, &self.id);
        self.anchor.feed(hasher);
        Value::Tags(self.tags.clone()).feed(hasher);
        hasher.update(&[u8::from(self.check_worthy), u8::from(self.orphaned)]);
        for part in [self.verdict.name(), &self.note, &self.created, &self.modified, &self.author] {
            text(hasher, part);
        }
        self.unknown.feed(hasher);
    }
}

fn finish(thing: &impl Feed) -> String {
    let mut hasher = blake3::Hasher::new();
    thing.feed(&mut hasher);
    hasher.finalize().to_hex()[..32].to_owned()
}

/// The digest of `value`.
pub fn of_value(value: &Value) -> String {
    match value {
        Value::Digest(digest) => digest.clone(),
        other => finish(other),
    }
}

/// The digest of `claim`, all of it.
pub fn of_claim(claim: &Claim) -> String {
    finish(claim)
}

/// What the journal keeps of a value a field had: the value when small, else its digest.
/// Tags and conflicts are always whole, for they are merged element by element.
pub fn as_before(value: Value) -> Value {
    let large = match &value {
        Value::Text(t) => t.len() > WHOLE_UP_TO,
        Value::Raw(raw) => raw.get_ron().len() > WHOLE_UP_TO,
        Value::Anchor(_) => true,
        Value::Flag(_)
        | Value::Tags(_)
        | Value::Verdict(_)
        | Value::Conflicts(_)
        | Value::Digest(_)
        | Value::Deleted => false,
    };
    if large { Value::Digest(of_value(&value)) } else { value }
}

/// Whether `current` is the value `before` stands for (itself, or by digest).
pub fn is(before: Option<&Value>, current: Option<&Value>) -> bool {
    match (before, current) {
        (None, None) => true,
        (Some(Value::Digest(digest)), Some(value)) => *digest == of_value(value),
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}
