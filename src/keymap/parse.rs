//! Reading keymap RON with ron's own positions in every error, including checks made after parsing.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use gloss_core::config::{LocatedError, ron_file};
use strum::VariantNames;

use super::chord::Chord;
use super::{Bindable, Context};

/// One binding as written: the context, the action and its chords.
pub(super) type Entry<A> = (Context, A, Vec<Chord>);

/// Reads every binding of `source`, checking names, chords and repeats within the file.
pub(super) fn collect<A: Bindable>(source: &str, file: &str) -> Result<Vec<Entry<A>>, LocatedError> {
    run(source, file, &BTreeMap::new())
}

/// Reads `source` again to find where the first binding in `blame` is written, and returns
/// the error for it there.
pub(super) fn locate<A: Bindable>(
    source: &str,
    file: &str,
    blame: &BTreeMap<(Context, A, Chord), String>,
) -> LocatedError {
    // Every conflict has a party in the file; the fallback is only reached if that ever changes.
    run(source, file, blame).err().unwrap_or_else(|| {
        let message = blame.values().next().map_or("two actions share a key", String::as_str);
        LocatedError::at_start(file, message)
    })
}

fn run<A: Bindable>(
    source: &str,
    file: &str,
    blame: &BTreeMap<(Context, A, Chord), String>,
) -> Result<Vec<Entry<A>>, LocatedError> {
    ron_file::parse_seed(source, file, FileSeed { blame })
}

struct FileSeed<'b, A> {
    blame: &'b BTreeMap<(Context, A, Chord), String>,
}

impl<'de, A: Bindable> DeserializeSeed<'de> for FileSeed<'_, A> {
    type Value = Vec<Entry<A>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_struct("Keymap", Context::VARIANTS, self)
    }
}

impl<'de, A: Bindable> Visitor<'de> for FileSeed<'_, A> {
    type Value = Vec<Entry<A>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a keymap: ( context: { action: [\"key\", ...], ... }, ... )")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut entries = Vec::new();
        let mut seen_contexts = Vec::new();
        while let Some(name) = map.next_key_seed(Identifier)? {
            let context = Context::from_name(&name).ok_or_else(|| {
                let names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
                de::Error::custom(format!("unknown context `{name}`; contexts are {}", names.join(", ")))
            })?;
            if seen_contexts.contains(&context) {
                return Err(de::Error::custom(format!("context `{name}` appears twice; merge its bindings into one")));
            }
            seen_contexts.push(context);
            entries.extend(map.next_value_seed(ContextSeed { context, blame: self.blame })?);
        }
        Ok(entries)
    }
}

struct ContextSeed<'b, A> {
    context: Context,
    blame: &'b BTreeMap<(Context, A, Chord), String>,
}

impl<'de, A: Bindable> DeserializeSeed<'de> for ContextSeed<'_, A> {
    type Value = Vec<Entry<A>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, A: Bindable> Visitor<'de> for ContextSeed<'_, A> {
    type Value = Vec<Entry<A>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "the bindings of `{}`: {{ action: [\"key\", ...], ... }}", self.context)
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let context = self.context;
        let mut entries: Vec<Entry<A>> = Vec::new();
        while let Some(name) = map.next_key_seed(Identifier)? {
            let action = A::from_name(&name)
                .ok_or_else(|| de::Error::custom(format!("unknown action `{name}` in {context}")))?;
            if !action.contexts().contains(&context) {
                let places: Vec<&str> = action.contexts().iter().map(|c| c.name()).collect();
                return Err(de::Error::custom(format!(
                    "`{name}` does nothing in {context}; it can be bound in {}",
                    places.join(", ")
                )));
            }
            if entries.iter().any(|(_, a, _)| *a == action) {
                return Err(de::Error::custom(format!("`{name}` is bound twice in {context}; list all its keys once")));
            }
            let chords = map.next_value_seed(ChordsSeed { context, action, earlier: &entries, blame: self.blame })?;
            entries.push((context, action, chords));
        }
        Ok(entries)
    }
}

struct ChordsSeed<'b, A> {
    context: Context,
    action: A,
    earlier: &'b [Entry<A>],
    blame: &'b BTreeMap<(Context, A, Chord), String>,
}

impl<'de, A: Bindable> DeserializeSeed<'de> for ChordsSeed<'_, A> {
    type Value = Vec<Chord>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, A: Bindable> Visitor<'de> for ChordsSeed<'_, A> {
    type Value = Vec<Chord>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of keys such as [\"j\", \"down\"]")
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Self::Value, S::Error> {
        let mut chords: Vec<Chord> = Vec::new();
        while let Some(text) = seq.next_element::<String>()? {
            let chord: Chord = text.parse().map_err(de::Error::custom)?;
            if chords.contains(&chord) {
                return Err(de::Error::custom(format!("\"{text}\" is listed twice for `{}`", self.action.name())));
            }
            if let Some((_, other, _)) = self.earlier.iter().find(|(_, _, c)| c.contains(&chord)) {
                return Err(de::Error::custom(format!(
                    "\"{text}\" is bound to both `{}` and `{}` in {}; give one of them another key",
                    other.name(),
                    self.action.name(),
                    self.context
                )));
            }
            if let Some(message) = self.blame.get(&(self.context, self.action, chord)) {
                return Err(de::Error::custom(message));
            }
            chords.push(chord);
        }
        Ok(chords)
    }
}

/// A bare RON identifier (a context or action name).
struct Identifier;

impl<'de> DeserializeSeed<'de> for Identifier {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Identifier {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a snake_case name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
        Ok(name.to_owned())
    }
}
