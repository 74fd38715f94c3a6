//! The claim-tag vocabulary: names, descriptions and colours, from RON (built in, or the user's).

use std::fmt;
use std::path::Path;

use serde::Deserialize;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

const NAMES: [(&str, NamedColour); 16] = [
    ("black", NamedColour::Black),
    ("red", NamedColour::Red),
    ("green", NamedColour::Green),
    ("yellow", NamedColour::Yellow),
    ("blue", NamedColour::Blue),
    ("magenta", NamedColour::Magenta),
    ("cyan", NamedColour::Cyan),
    ("gray", NamedColour::Gray),
    ("dark_gray", NamedColour::DarkGray),
    ("light_red", NamedColour::LightRed),
    ("light_green", NamedColour::LightGreen),
    ("light_yellow", NamedColour::LightYellow),
    ("light_blue", NamedColour::LightBlue),
    ("light_magenta", NamedColour::LightMagenta),
    ("light_cyan", NamedColour::LightCyan),
    ("white", NamedColour::White),
];

impl std::str::FromStr for Colour {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if let Some(hex) = text.strip_prefix('#').filter(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit())) {
            let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
            return Ok(Self::Rgb(byte(0), byte(2), byte(4)));
        }
        let lower = text.to_ascii_lowercase().replace(['-', ' '], "_");
        NAMES
            .iter()
            .find(|(name, _)| *name == lower)
            .map(|(_, c)| Self::Named(*c))
            .ok_or_else(|| format!("unknown colour `{text}`; use a name such as cyan or light_red, or #rrggbb"))
    }
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

/// A vocabulary file that is wrong, with where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct VocabularyError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for VocabularyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)
    }
}

impl Vocabulary {
    /// The built-in claim types.
    pub fn built_in() -> Self {
        Self::parse(DEFAULT_TAGS, "built-in tags.ron").unwrap_or(Self { tags: Vec::new() })
    }

    /// The user's vocabulary at `path` when it exists (it replaces the built-in one), else
    /// the built-in one.
    pub fn load(path: &Path) -> Result<Self, VocabularyError> {
        match std::fs::read_to_string(path) {
            Ok(source) => Self::parse(&source, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::built_in()),
            Err(e) => {
                Err(VocabularyError { file: path.display().to_string(), line: 1, column: 1, message: e.to_string() })
            }
        }
    }

    pub fn parse(source: &str, file: &str) -> Result<Self, VocabularyError> {
        let error = |line, column, message: String| VocabularyError { file: file.to_owned(), line, column, message };
        let lines: Vec<TagLine> =
            ron::from_str(source).map_err(|e| error(e.span.start.line, e.span.start.col, e.code.to_string()))?;
        if lines.is_empty() || lines.len() > MAX_TAGS {
            return Err(error(1, 1, format!("a vocabulary has 1 to {MAX_TAGS} tags, this one has {}", lines.len())));
        }
        let mut tags: Vec<Tag> = Vec::new();
        for line in lines {
            let seen = tags.iter().filter(|t| t.name == line.name).count();
            let place = locate(source, &line.name, seen);
            let valid = !line.name.is_empty()
                && line.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
            if !valid {
                return Err(error(
                    place.0,
                    place.1,
                    format!("tag name `{}`: use lower-case letters, digits, _ or -", line.name),
                ));
            }
            if tags.iter().any(|t| t.name == line.name) {
                return Err(error(place.0, place.1, format!("tag `{}` is listed twice", line.name)));
            }
            let colour = line.colour.parse().map_err(|m| error(place.0, place.1, m))?;
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
    source.match_indices(&needle).nth(nth).map_or((1, 1), |(at, _)| {
        let before = &source[..at];
        (before.matches('\n').count() + 1, at - before.rfind('\n').map_or(0, |i| i + 1) + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_vocabulary_has_the_eight_claim_types() {
        let vocabulary = Vocabulary::parse(DEFAULT_TAGS, "tags.ron").unwrap();
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
