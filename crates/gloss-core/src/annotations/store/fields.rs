//! Reading and writing records and claims field by field, so that fields this gloss does not
//! know (written by a newer gloss, or by hand) are kept as they were written. `serde(flatten)`
//! cannot do it here: with ron it reads and writes the record as a map with quoted keys, which
//! is another file format.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::marker::PhantomData;
use std::sync::{Mutex, PoisonError};

use ron::value::RawValue;
use serde::de::{self, DeserializeOwned, MapAccess, Visitor};
use serde::ser::SerializeStruct;

/// Fields this gloss does not know, by name, as they were written.
pub type Unknown = BTreeMap<String, Box<RawValue>>;

/// A `'static` name for an unknown field: ron's serializer takes only static field names.
/// Each distinct name is kept once for the life of the process; names come from the store
/// file, so there are never more of them than it holds.
fn static_name(name: &str) -> &'static str {
    static NAMES: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(known) = names.get(name) {
        return known;
    }
    let kept: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(kept);
    kept
}

/// Writes the unknown fields after the known ones, in name order.
pub fn serialize_unknown<S: SerializeStruct>(out: &mut S, unknown: &Unknown) -> Result<(), S::Error> {
    for (name, value) in unknown {
        out.serialize_field(static_name(name), value)?;
    }
    Ok(())
}

/// A struct read field by field: its known fields go to the draft, the rest are kept.
pub trait Draft: Default {
    type Output;
    const NAME: &'static str;
    const KNOWN: &'static [&'static str];
    /// Reads field `key` from `map` when it is a known one; `false` when it is not.
    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;
    fn finish<E: de::Error>(self, unknown: Unknown) -> Result<Self::Output, E>;
}

/// Reads a `D` from `deserializer`.
pub fn deserialize<'de, T: serde::Deserializer<'de>, D: Draft>(deserializer: T) -> Result<D::Output, T::Error> {
    deserializer.deserialize_struct(D::NAME, D::KNOWN, FieldsVisitor::<D>(PhantomData))
}

/// Reads the value of a known field into `slot`; a field given twice is an error.
pub fn put<'de, A: MapAccess<'de>, T: DeserializeOwned>(
    slot: &mut Option<T>,
    key: &str,
    map: &mut A,
) -> Result<bool, A::Error> {
    if slot.is_some() {
        return Err(de::Error::custom(format!("the field `{key}` is given twice")));
    }
    *slot = Some(map.next_value()?);
    Ok(true)
}

/// The value of a field that must be there.
pub fn required<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| de::Error::missing_field(name))
}

struct FieldsVisitor<D>(PhantomData<D>);

impl<'de, D: Draft> Visitor<'de> for FieldsVisitor<D> {
    type Value = D::Output;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a {} in parentheses", D::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut draft = D::default();
        let mut unknown = Unknown::new();
        while let Some(key) = map.next_key::<String>()? {
            if draft.read(&key, &mut map)? {
                continue;
            }
            let value: Box<RawValue> = map.next_value()?;
            if unknown.insert(key.clone(), value).is_some() {
                return Err(de::Error::custom(format!("the field `{key}` is given twice")));
            }
        }
        draft.finish(unknown)
    }
}
