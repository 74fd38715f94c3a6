//! Export: a Markdown briefing, JSON, CSV and W3C Web Annotation, from the store and the corpus.

mod csv;
mod json;
mod link;
mod markdown;
mod model;
mod w3c;

use std::fmt;
use std::str::FromStr;

pub use csv::COLUMNS;
pub use json::JSON_VERSION;
pub use markdown::escape as escape_markdown;
pub use model::{ArticleOut, ClaimEntity, ClaimOut, Export, Filter, Place, Tally, gather, stem};
pub use w3c::CONTEXT;

use std::path::Path;

use crate::annotations::Vocabulary;
use crate::files::{self, NewFile, WriteError};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Json,
    Csv,
    W3c,
}

impl Format {
    pub const ALL: [Self; 4] = [Self::Markdown, Self::Json, Self::Csv, Self::W3c];

    pub fn name(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Json => "json",
            Self::Csv => "csv",
            Self::W3c => "w3c",
        }
    }

    /// The file extension for this format.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Json => "json",
            Self::Csv => "csv",
            Self::W3c => "jsonld",
        }
    }

    /// What it is, for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Markdown => "Markdown briefing",
            Self::Json => "JSON (everything)",
            Self::Csv => "CSV (a row per claim)",
            Self::W3c => "W3C Web Annotation (JSON-LD)",
        }
    }

    /// Writes `export` in this format.
    pub fn write(self, export: &Export, vocabulary: &Vocabulary) -> String {
        match self {
            Self::Markdown => markdown::markdown(export, vocabulary),
            Self::Json => json::json(export),
            Self::Csv => csv::csv(export),
            Self::W3c => w3c::w3c(export),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Self::Markdown),
            "json" => Ok(Self::Json),
            "csv" => Ok(Self::Csv),
            "w3c" | "jsonld" | "json-ld" => Ok(Self::W3c),
            _ => Err(format!("unknown export format `{text}`; formats are md, json, csv, w3c")),
        }
    }
}

impl Export {
    /// What the export holds in `format`: W3C Web Annotation leaves orphans out, having no
    /// place in the text to give them.
    pub fn tally(&self, format: Format) -> Tally {
        let counts = |claim: &ClaimOut| format != Format::W3c || claim.place.is_some();
        let mut tally = Tally::default();
        for article in &self.articles {
            let claims = article.claims.iter().filter(|c| counts(c)).count();
            if claims > 0 || format != Format::W3c {
                tally.articles += 1;
                tally.claims += claims;
            }
        }
        tally
    }

    /// Writes the export to `path` in `format`, atomically, links relative to its folder.
    pub fn write_to(&mut self, path: &Path, format: Format, vocabulary: &Vocabulary) -> Result<Tally, WriteError> {
        let error = |source| WriteError { path: path.to_path_buf(), source };
        let absolute = std::path::absolute(path).map_err(error)?;
        self.links_from = absolute.parent().map(Path::to_path_buf);
        files::write_atomically(path, format.write(self, vocabulary).as_bytes(), None, NewFile::Shared)?;
        Ok(self.tally(format))
    }
}

/// A file name for an export, `gloss-<part>-…-<date>.<extension>`, with every character a
/// file system or a shell might trip on turned into `-`.
pub fn file_name(parts: &[&str], date: &str, format: Format) -> String {
    let mut name = String::from("gloss");
    for slug in parts.iter().chain([&date]).map(|part| slug(part)).filter(|slug| !slug.is_empty()) {
        name.push('-');
        name.push_str(&slug);
    }
    name.push('.');
    name.push_str(format.extension());
    name
}

/// `text` with every run of characters other than letters, digits and `_` turned into one `-`.
fn slug(text: &str) -> String {
    let dashed: String = text.chars().map(|c| if c.is_alphanumeric() || c == '_' { c } else { '-' }).collect();
    dashed.split('-').filter(|piece| !piece.is_empty()).collect::<Vec<_>>().join("-")
}

/// The export date: `GLOSS_EXPORT_DATE` when it holds a date (`YYYY-MM-DD`; to freeze it, as
/// tests do), else today.
pub fn today() -> String {
    std::env::var("GLOSS_EXPORT_DATE")
        .ok()
        .and_then(|d| d.trim().parse::<jiff::civil::Date>().ok())
        .unwrap_or_else(|| jiff::Zoned::now().date())
        .to_string()
}

#[cfg(test)]
mod tests;
