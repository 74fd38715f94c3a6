//! The user's gazetteer: names the analyst added, aliases, and highlights marked wrong; kept as
//! RON in the data folder and applied over the built-in gazetteer.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Kind;
use super::gazetteer::{Entry, EntryOrigin, Gazetteer};
use crate::config::ron_file::{self, LoadError, SaveError, SerializeError};
use crate::files::NewFile;

/// A name the user added: `("Inoden Peninsula", LOC, [])`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserEntity(pub String, pub Kind, pub Vec<String>);

/// Another name for an entity gloss already knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserAlias {
    pub alias: String,
    /// The entity's canonical name.
    pub of: String,
    pub kind: Kind,
}

/// Everything the analyst taught gloss about names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserGazetteer {
    pub version: u32,
    pub entities: Vec<UserEntity>,
    pub aliases: Vec<UserAlias>,
    /// Texts never to highlight.
    pub rejected: Vec<String>,
}

/// The user gazetteer's file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{0} (fix or move the file; gloss will not overwrite it)")]
pub struct UserGazetteerError(#[from] pub LoadError);

const HEADER: &str = "// gloss user gazetteer: names you added, aliases you gave, highlights you marked wrong.\n// Edit freely; kinds are PERSON, GPE, ORG, LOC, NORP, EVENT.\n";

impl UserGazetteer {
    /// Reads the file at `path`; a missing file is an empty gazetteer.
    pub fn load(path: &Path) -> Result<Self, UserGazetteerError> {
        Ok(ron_file::load(path)?.unwrap_or_default())
    }

    /// The file's text: the same content always gives the same bytes.
    pub fn to_ron(&self) -> Result<String, SerializeError> {
        ron_file::to_pretty(HEADER, &self.normal())
    }

    /// Writes the file atomically; when it cannot be written, the file on disk is left as it was.
    pub fn save(&self, path: &Path) -> Result<(), SaveError> {
        ron_file::save(path, HEADER, &self.normal(), None, NewFile::Private)
    }

    /// The gazetteer as it is written: the current version.
    fn normal(&self) -> Self {
        Self { version: 1, ..self.clone() }
    }

    /// Adds `name` as an entity of `kind`, and stops rejecting it.
    pub fn add_entity(&mut self, name: &str, kind: Kind) {
        self.rejected.retain(|r| r != name);
        if !self.entities.iter().any(|UserEntity(n, k, _)| n == name && *k == kind) {
            self.entities.push(UserEntity(name.to_owned(), kind, Vec::new()));
        }
    }

    /// Adds `alias` as another name of the entity `of` of `kind`.
    pub fn add_alias(&mut self, alias: &str, of: &str, kind: Kind) {
        self.rejected.retain(|r| r != alias);
        if !self.aliases.iter().any(|a| a.alias == alias) {
            self.aliases.push(UserAlias { alias: alias.to_owned(), of: of.to_owned(), kind });
        }
    }

    /// Marks `text` as never a name.
    pub fn reject(&mut self, text: &str) {
        if !self.rejected.iter().any(|r| r == text) {
            self.rejected.push(text.to_owned());
        }
    }

    /// Adds the user's entities and aliases to `gazetteer`, ahead of built-in names.
    pub fn apply(&self, gazetteer: &mut Gazetteer) {
        for UserEntity(name, kind, aliases) in &self.entities {
            gazetteer.push(Entry {
                canonical: name.as_str().into(),
                kind: *kind,
                aliases: aliases.clone(),
                origin: EntryOrigin::User,
            });
        }
        for alias in &self.aliases {
            gazetteer.push(Entry {
                canonical: alias.of.as_str().into(),
                kind: alias.kind,
                aliases: vec![alias.alias.clone()],
                origin: EntryOrigin::User,
            });
        }
    }

    pub fn rejected_set(&self) -> HashSet<String> {
        self.rejected.iter().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_is_deterministic() {
        let mut user = UserGazetteer::default();
        user.add_entity("Inoden Peninsula", Kind::Loc);
        user.add_alias("Kishida-san", "Fumio Kishida", Kind::Person);
        user.reject("Business Times");
        let text = user.to_ron().unwrap();
        assert!(text.contains("(\"Inoden Peninsula\", LOC, [])"), "{text}");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("user_gazetteer.ron");
        user.save(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        let back = UserGazetteer::load(&path).unwrap();
        assert_eq!(back, UserGazetteer { version: 1, ..user });
        assert_eq!(back.to_ron().unwrap(), text);
    }

    #[test]
    fn adding_a_rejected_name_takes_back_the_rejection() {
        let mut user = UserGazetteer::default();
        user.reject("Talampas");
        user.add_entity("Talampas", Kind::Loc);
        assert!(user.rejected.is_empty());
    }

    #[test]
    fn missing_file_is_empty_and_broken_file_is_an_error_with_position() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("user_gazetteer.ron");
        assert_eq!(UserGazetteer::load(&path).unwrap(), UserGazetteer::default());
        std::fs::write(&path, "(\n  entities: [(\"X\", PLACE, [])],\n)").unwrap();
        let error = UserGazetteer::load(&path).unwrap_err();
        let UserGazetteerError(LoadError::Parse(located)) = &error else { panic!("{error}") };
        assert_eq!((located.line, located.column), (2, 20), "{error}");
        let error = error.to_string();
        assert!(error.starts_with(&format!("{}:2:20: ", path.display())), "{error}");
        assert!(error.ends_with("(fix or move the file; gloss will not overwrite it)"), "{error}");
    }

    #[test]
    fn applied_entries_are_the_users() {
        let mut user = UserGazetteer::default();
        user.add_entity("Talampas Reef", Kind::Loc);
        let mut gazetteer = Gazetteer::default();
        user.apply(&mut gazetteer);
        assert_eq!(gazetteer.entries[0].origin, EntryOrigin::User);
    }
}
