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
pub use model::{ArticleOut, ClaimEntity, ClaimOut, Export, Filter, Tally, gather};
pub use w3c::CONTEXT;

use crate::annotations::Vocabulary;

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

/// A file name for an export, `gloss-<part>-…-<date>.<extension>`, with every character a
/// file system or a shell might trip on turned into `-`.
pub fn file_name(parts: &[&str], date: &str, format: Format) -> String {
    let mut name = String::from("gloss");
    for part in parts.iter().chain([&date]) {
        let slug: String = part.chars().map(|c| if c.is_alphanumeric() || c == '_' { c } else { '-' }).collect();
        let slug = slug.split('-').filter(|piece| !piece.is_empty()).collect::<Vec<_>>().join("-");
        if !slug.is_empty() {
            name.push('-');
            name.push_str(&slug);
        }
    }
    name.push('.');
    name.push_str(format.extension());
    name
}

/// The export date: `GLOSS_EXPORT_DATE` when set (to freeze it, as tests do), else today.
pub fn today() -> String {
    std::env::var("GLOSS_EXPORT_DATE")
        .ok()
        .filter(|d| !d.trim().is_empty())
        .unwrap_or_else(|| jiff::Zoned::now().date().to_string())
}

#[cfg(test)]
mod tests;
