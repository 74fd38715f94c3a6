//! The claim-tag vocabulary: names, descriptions and colours, from RON (built in, or the user's).

use std::path::Path;

use serde::Deserialize;

use crate::config::ron_file::{self, LoadError, LocatedError};

/// The built-in vocabulary.
pub const DEFAULT_TAGS: &str = include_str!("../../../../data/tags.ron");

/// Most tags a vocabulary may have: one per number key.
pub const MAX_TAGS: usize = 9;

/// A colour by name, as terminals know them, or `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    Named(NamedColour),
    Rgb(u8, u8, u8),
}

/// The colours terminals know by name; in files, `snake_case` (`light_red`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum NamedColour {
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
}

impl NamedColour {
    /// The name used in files.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

impl std::str::FromStr for Colour {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if let Some(rgb) = text.strip_prefix('#').and_then(hex_rgb) {
            return Ok(rgb);
        }
        let lower = text.to_ascii_lowercase().replace(['-', ' '], "_");
        lower
            .parse()
            .map(Self::Named)
            .map_err(|_| format!("unknown colour `{text}`; use a name such as cyan or light_red, or #rrggbb"))
    }
}

/// The colour of six hex digits `rrggbb`.
fn hex_rgb(hex: &str) -> Option<Colour> {
    let byte = |i: usize| hex.get(i..i + 2).and_then(|pair| u8::from_str_radix(pair, 16).ok());
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    Some(Colour::Rgb(byte(0)?, byte(2)?, byte(4)?))
}

/// One claim type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub description: String,
    pub colour: Colour,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TagLine {
    name: String,
    description: String,
    colour: String,
}

/// The claim types, in key order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vocabulary {
    pub tags: Vec<Tag>,
}

impl Vocabulary {
    /// The built-in claim types. The file is part of gloss and a test proves it parses, so an
    /// error here means a broken build; it is still an error, never an empty vocabulary.
    pub fn built_in() -> Result<Self, LocatedError> {
        Self::parse(DEFAULT_TAGS, "built-in tags.ron")
    }

    /// The user's vocabulary at `path` when it exists (it replaces the built-in one), else
    /// the built-in one.
    pub fn load(path: &Path) -> Result<Self, LoadError> {
        match ron_file::read_if_present(path)? {
            Some(source) => Ok(Self::parse(&source, &path.display().to_string())?),
            None => Ok(Self::built_in()?),
        }
    }

    /// Reads vocabulary `source`; `file` names it in errors.
    pub fn parse(source: &str, file: &str) -> Result<Self, LocatedError> {
        let source = ron_file::without_bom(source);
        let lines: Vec<TagLine> = ron_file::parse(source, file)?;
        if lines.is_empty() || lines.len() > MAX_TAGS {
            let message = format!("a vocabulary has 1 to {MAX_TAGS} tags, this one has {}", lines.len());
            return Err(LocatedError::at_start(file, message));
        }
        let mut tags: Vec<Tag> = Vec::new();
        for line in lines {
            let seen = tags.iter().filter(|t| t.name == line.name).count();
            let error = |message: String| LocatedError::new(file, locate(source, &line.name, seen), message);
            let valid = !line.name.is_empty()
                && line.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
            if !valid {
                return Err(error(format!("tag name `{}`: use lower-case letters, digits, _ or -", line.name)));
            }
            if tags.iter().any(|t| t.name == line.name) {
                return Err(error(format!("tag `{}` is listed twice", line.name)));
            }
            let colour = line.colour.parse().map_err(error)?;
            tags.push(Tag { name: line.name, description: line.description, colour });
        }
        Ok(Self { tags })
    }

    /// The tag bound to number key `slot` (1-based).
    pub fn slot(&self, slot: usize) -> Option<&Tag> {
        self.tags.get(slot.checked_sub(1)?)
    }

    pub fn get(&self, name: &str) -> Option<&Tag> {
        self.tags.iter().find(|t| t.name == name)
    }

    /// Where `name` sits in the vocabulary, for ordering tags; unknown names go last.
    pub fn order(&self, name: &str) -> usize {
        self.tags.iter().position(|t| t.name == name).unwrap_or(usize::MAX)
    }
}

/// Line and column of occurrence `nth` (from 0) of `"value"` in `source`, for error messages.
fn locate(source: &str, value: &str, nth: usize) -> (usize, usize) {
    let needle = format!("\"{value}\"");
    source.match_indices(&needle).nth(nth).map_or((1, 1), |(at, _)| ron_file::position_of(source, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_vocabulary_has_the_eight_claim_types() {
        let vocabulary = Vocabulary::built_in().unwrap();
        let names: Vec<&str> = vocabulary.tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["fact", "quantity", "causal", "prediction", "policy", "quote", "opinion", "other"]);
        assert_eq!(vocabulary.slot(1).unwrap().name, "fact");
        assert_eq!(vocabulary.slot(9), None);
        assert_eq!(vocabulary.order("causal"), 2);
    }

    #[test]
    fn colours_by_name_or_hex() {
        assert_eq!("light_red".parse(), Ok(Colour::Named(NamedColour::LightRed)));
        assert_eq!("Light-Red".parse(), Ok(Colour::Named(NamedColour::LightRed)));
        assert_eq!("#ff8800".parse(), Ok(Colour::Rgb(255, 136, 0)));
        assert!("orange".parse::<Colour>().is_err());
        assert!("#ff88".parse::<Colour>().is_err());
        assert!("#ff88zz".parse::<Colour>().is_err());
    }

    #[test]
    fn colour_names_are_the_ones_files_use() {
        use strum::VariantArray;
        let names: Vec<&str> = NamedColour::VARIANTS.iter().map(|c| c.name()).collect();
        assert_eq!(
            names,
            [
                "black",
                "red",
                "green",
                "yellow",
                "blue",
                "magenta",
                "cyan",
                "gray",
                "dark_gray",
                "light_red",
                "light_green",
                "light_yellow",
                "light_blue",
                "light_magenta",
                "light_cyan",
                "white"
            ]
        );
        for &colour in NamedColour::VARIANTS {
            assert_eq!(colour.name().parse(), Ok(Colour::Named(colour)));
        }
    }

    #[test]
    fn a_missing_file_is_the_built_in_vocabulary_and_a_broken_one_an_error_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tags.ron");
        assert_eq!(Vocabulary::load(&path).unwrap(), Vocabulary::built_in().unwrap());
        std::fs::write(&path, "\u{feff}[\n  (name: \"fact\", description: \"x\", colour: cyan),\n]").unwrap();
        let error = Vocabulary::load(&path).unwrap_err();
        let LoadError::Parse(located) = &error else { panic!("{error}") };
        assert_eq!((located.line, located.column), (2, 43), "{error}");
        assert!(error.to_string().starts_with(&format!("{}:2:43: ", path.display())), "{error}");
        std::fs::write(&path, "\u{feff}[(name: \"mine\", description: \"x\", colour: \"cyan\")]").unwrap();
        assert_eq!(Vocabulary::load(&path).unwrap().tags[0].name, "mine");
    }

    #[test]
    fn mistakes_name_the_file_and_place() {
        let bad = "[\n  (name: \"fact\", description: \"x\", colour: \"cyan\"),\n  (name: \"fact\", description: \"y\", colour: \"red\"),\n]";
        let error = Vocabulary::parse(bad, "tags.ron").unwrap_err();
        assert_eq!(error.to_string(), "tags.ron:3:10: tag `fact` is listed twice");
        let error = Vocabulary::parse("[(name: \"Fact\", description: \"x\", colour: \"cyan\")]", "t.ron").unwrap_err();
        assert!(error.message.contains("lower-case"), "{error}");
        let error = Vocabulary::parse("[(name: \"a\", description: \"x\", colour: \"orange\")]", "t.ron").unwrap_err();
        assert!(error.message.contains("unknown colour"), "{error}");
        let error = Vocabulary::parse("[(name: \"a\", description: \"x\")]", "t.ron").unwrap_err();
        assert_eq!(error.line, 1);
    }
}
