//! Export: a Markdown briefing, JSON, CSV and W3C Web Annotation, from the store and the corpus.

mod csv;
mod json;
mod link;
mod markdown;
mod model;
mod w3c;

use std::fmt;
use std::io::{self, Write};

pub use crate::text::inert::markdown::escape as escape_markdown;
pub use csv::COLUMNS;
pub use json::JSON_VERSION;
pub use model::{ArticleOut, ClaimEntity, ClaimOut, Export, Filter, Place, Tally, gather, stem};
pub use w3c::CONTEXT;

use std::path::Path;

use crate::annotations::Vocabulary;
use crate::files::{self, NewFile, WriteError};

/// An export format. Its name is what `--format` takes and the dialog shows beside its label;
/// a few other names are understood too (`markdown`, `jsonld`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
    strum::EnumMessage,
    strum::EnumProperty,
)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive, parse_err_ty = String, parse_err_fn = unknown_format)]
pub enum Format {
    #[strum(to_string = "md", serialize = "markdown", message = "Markdown briefing")]
    Markdown,
    #[strum(message = "JSON (everything)")]
    Json,
    #[strum(message = "CSV (a row per claim)")]
    Csv,
    #[strum(
        to_string = "w3c",
        serialize = "jsonld",
        serialize = "json-ld",
        props(extension = "jsonld"),
        message = "W3C Web Annotation (JSON-LD)"
    )]
    W3c,
}

impl Format {
    /// Every format, in the order the dialog offers them.
    pub const ALL: &[Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The name `--format` takes: `md`, `json`, `csv`, `w3c`.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The file extension for this format: its name unless it says otherwise.
    pub fn extension(self) -> &'static str {
        strum::EnumProperty::get_str(&self, "extension").unwrap_or(self.name())
    }

    /// What it is, for people (every format has one; the name is only a fallback).
    pub fn label(self) -> &'static str {
        strum::EnumMessage::get_message(&self).unwrap_or(self.name())
    }

    /// Writes `export` in this format to `out` as it is made, never whole in memory (give it a
    /// buffered writer).
    pub fn write_into(self, export: &Export, vocabulary: &Vocabulary, out: &mut dyn Write) -> Result<(), ExportError> {
        let mut gathered = io::BufWriter::with_capacity(GATHERED, out);
        let out = &mut gathered;
        let rendered = match self {
            Self::Markdown => markdown::markdown(export, vocabulary, out),
            Self::Json => json::json(export, out).map_err(RenderError::from),
            Self::Csv => csv::csv(export, out).map_err(RenderError::from),
            Self::W3c => w3c::w3c(export, out).map_err(RenderError::from),
        };
        rendered.and_then(|()| out.flush().map_err(RenderError::Io)).map_err(|source| match source.into_io() {
            Ok(error) => ExportError::Output(error),
            Err(source) => ExportError::Render { format: self, source },
        })
    }

    /// `export` in this format, as text (for tests and small exports).
    pub fn write(self, export: &Export, vocabulary: &Vocabulary) -> Result<String, ExportError> {
        let mut bytes = Vec::new();
        self.write_into(export, vocabulary, &mut bytes)?;
        String::from_utf8(bytes).map_err(|e| ExportError::Render { format: self, source: RenderError::Utf8(e) })
    }
}

/// What the format writers write into: the output behind a buffer of its own. The writers make
/// many small writes (a quote, an indent, a separator); through `&mut dyn Write` each would be
/// a call that cannot inline, so they are gathered here first and passed on in large pieces.
type Gathered<'a> = io::BufWriter<&'a mut dyn Write>;

/// How much [`Gathered`] holds before passing it on.
const GATHERED: usize = 32 * 1024;

/// The message for a name that is no format.
fn unknown_format(text: &str) -> String {
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    format!("unknown export format `{text}`; formats are {}", names.join(", "))
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The export could not be put into words: a bug, since everything is written to memory.
    #[error("cannot make the {format} export ({source}); this is a bug in gloss, please report it")]
    Render {
        format: Format,
        #[source]
        source: RenderError,
    },
    #[error(transparent)]
    Write(#[from] WriteError),
    /// Where the export was going stopped taking it (a closed pipe, a full disk).
    #[error("cannot write the export: {0}")]
    Output(io::Error),
}

/// What went wrong putting an export into words.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Csv(#[from] ::csv::Error),
    #[error("a value could not be formatted")]
    Text(#[from] fmt::Error),
    #[error(transparent)]
    Io(#[from] io::Error),
    #[error("the export is not UTF-8: {0}")]
    Utf8(#[from] std::string::FromUtf8Error),
}

impl RenderError {
    /// The output's own error, when that is what this is; else this.
    fn into_io(self) -> Result<io::Error, Self> {
        match self {
            Self::Io(error) => Ok(error),
            Self::Json(error) if error.is_io() => Ok(error.into()),
            Self::Csv(error) if error.is_io_error() => match error.into_kind() {
                ::csv::ErrorKind::Io(error) => Ok(error),
                // `is_io_error` said it is one.
                other => Ok(io::Error::other(format!("{other:?}"))),
            },
            other => Err(other),
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
    pub fn write_to(&mut self, path: &Path, format: Format, vocabulary: &Vocabulary) -> Result<Tally, ExportError> {
        let error = |source| WriteError { path: path.to_path_buf(), source };
        let absolute = std::path::absolute(path).map_err(error)?;
        self.links_from = absolute.parent().map(Path::to_path_buf);
        let mut failed = None;
        let written = files::write_atomically_with(path, None, NewFile::Shared, |file| {
            let mut out = io::BufWriter::new(file);
            format.write_into(self, vocabulary, &mut out).map_err(|error| match error {
                ExportError::Output(error) => error,
                other => {
                    // Not the file's fault: kept to be reported as it is.
                    let message = other.to_string();
                    failed = Some(other);
                    io::Error::other(message)
                }
            })?;
            out.flush()
        });
        match (written, failed) {
            (_, Some(error)) => Err(error),
            (written, None) => written.map(|()| self.tally(format)).map_err(ExportError::from),
        }
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
