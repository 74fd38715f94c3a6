//! The gazetteer: canonical names with kinds and aliases, from the built-in RON files and the user's.

use std::sync::Arc;

use serde::Deserialize;

use super::Kind;
use crate::config::ron_file::{self, LocatedError};

/// Where a gazetteer entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryOrigin {
    BuiltIn,
    User,
}

/// One named thing: its canonical name, kind, and the other names it goes by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub canonical: Arc<str>,
    pub kind: Kind,
    pub aliases: Vec<String>,
    pub origin: EntryOrigin,
}

impl Entry {
    /// The canonical name and every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&*self.canonical).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A gazetteer file's line: `("Canonical", KIND, ["alias", ...])`.
#[derive(Debug, Deserialize)]
struct Line(String, Kind, Vec<String>);

/// The built-in gazetteer files, in the binary.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("countries.ron", include_str!("../../../../data/gazetteer/countries.ron")),
    ("places.ron", include_str!("../../../../data/gazetteer/places.ron")),
    ("provinces.ron", include_str!("../../../../data/gazetteer/provinces.ron")),
    ("groups.ron", include_str!("../../../../data/gazetteer/groups.ron")),
    ("geography.ron", include_str!("../../../../data/gazetteer/geography.ron")),
    ("events.ron", include_str!("../../../../data/gazetteer/events.ron")),
    ("organisations.ron", include_str!("../../../../data/gazetteer/organisations.ron")),
    ("government.ron", include_str!("../../../../data/gazetteer/government.ron")),
    ("media.ron", include_str!("../../../../data/gazetteer/media.ron")),
    ("people.ron", include_str!("../../../../data/gazetteer/people.ron")),
];

/// All known names.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
}

impl Gazetteer {
    /// The gazetteer built into gloss.
    pub fn built_in() -> Result<Self, LocatedError> {
        let mut gazetteer = Self::default();
        for (file, source) in BUILT_IN {
            gazetteer.entries.extend(parse(source, file, EntryOrigin::BuiltIn)?);
        }
        Ok(gazetteer)
    }

    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }
}

/// Reads one gazetteer file.
pub fn parse(source: &str, file: &str, origin: EntryOrigin) -> Result<Vec<Entry>, LocatedError> {
    let lines: Vec<Line> = ron_file::parse(source, file)?;
    Ok(lines
        .into_iter()
        .map(|Line(canonical, kind, aliases)| Entry { canonical: canonical.into(), kind, aliases, origin })
        .collect())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn built_in_gazetteer_is_large_and_covers_every_kind() {
        let gazetteer = Gazetteer::built_in().unwrap();
        assert!(gazetteer.entries.len() > 5000, "{} entries", gazetteer.entries.len());
        for &kind in Kind::ALL {
            let count = gazetteer.entries.iter().filter(|e| e.kind == kind).count();
            assert!(count > 100, "{kind}: {count} entries");
        }
    }

    #[test]
    fn no_name_belongs_to_two_kinds() {
        let gazetteer = Gazetteer::built_in().unwrap();
        let mut seen: HashMap<String, (Kind, &str)> = HashMap::new();
        let mut clashes = Vec::new();
        for entry in &gazetteer.entries {
            for name in entry.names() {
                let key = name.to_lowercase();
                match seen.get(&key) {
                    Some((kind, canonical)) if *kind != entry.kind => {
                        clashes
                            .push(format!("{name:?}: {kind} {canonical:?} and {} {:?}", entry.kind, entry.canonical));
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(key, (entry.kind, &entry.canonical));
                    }
                }
            }
        }
        assert!(clashes.is_empty(), "{} clashes:\n{}", clashes.len(), clashes.join("\n"));
    }

    #[test]
    fn names_have_no_determiners_or_stray_spaces() {
        let gazetteer = Gazetteer::built_in().unwrap();
        for entry in &gazetteer.entries {
            for name in entry.names() {
                assert_eq!(name, name.trim(), "{name:?}");
                assert!(!name.is_empty());
                assert!(!name.starts_with("the ") && !name.starts_with("The "), "{name:?}");
            }
        }
    }

    #[test]
    fn errors_name_the_file_and_place() {
        let error = parse("[\n(\"Japan\", COUNTRY, []),\n]", "mine.ron", EntryOrigin::User).unwrap_err();
        assert_eq!((error.file.as_str(), error.line, error.column), ("mine.ron", 2, 11));
        assert!(error.to_string().starts_with("mine.ron:2:11: "), "{error}");
    }
}
