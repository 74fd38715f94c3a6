//! The one way gloss reads and writes its RON files: the caller says what a missing file
//! means, a UTF-8 byte-order mark is skipped, every mistake is a [`LocatedError`] (file, line,
//! column, message), and writing is deterministic and never turns a failure into an empty file.

use std::io;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::{Deserialize, DeserializeSeed};

use crate::files::{NewFile, WriteError, write_atomically, write_atomically_with};

/// The byte-order mark some editors (Notepad among them) put at the start of UTF-8 files.
const BOM: char = '\u{feff}';

/// A mistake in a RON file, with where it is: shown as `file:line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct LocatedError {
    /// The file's path, or a name such as `built-in tags.ron` for the files inside gloss.
    pub file: String,
    /// From 1.
    pub line: usize,
    /// From 1, in characters (a byte-order mark is not counted).
    pub column: usize,
    pub message: String,
}

impl LocatedError {
    pub fn new(file: &str, (line, column): (usize, usize), message: impl Into<String>) -> Self {
        Self { file: file.to_owned(), line, column, message: message.into() }
    }

    /// A mistake of the file as a whole, shown at its start.
    pub fn at_start(file: &str, message: impl Into<String>) -> Self {
        Self::new(file, (1, 1), message)
    }

    fn from_ron(file: &str, error: &ron::error::SpannedError) -> Self {
        Self::new(file, (error.span.start.line, error.span.start.col), error.code.to_string())
    }
}

/// A RON file that could not be read or that does not parse.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(transparent)]
    Parse(#[from] LocatedError),
}

/// A value that could not be written as RON: a bug in gloss, never the user's doing.
#[derive(Debug, thiserror::Error)]
#[error("the data cannot be written as RON ({message}); this is a bug in gloss, please report it")]
pub struct SerializeError {
    pub message: String,
}

/// A RON file that could not be saved; the file on disk is as it was before.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot write {path}: {source}")]
    Serialize {
        path: PathBuf,
        #[source]
        source: SerializeError,
    },
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// `source` without a leading byte-order mark.
pub fn without_bom(source: &str) -> &str {
    source.strip_prefix(BOM).unwrap_or(source)
}

/// The text of `path`, which must exist, without a leading byte-order mark.
pub fn read(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Read { path: path.to_path_buf(), source })?;
    Ok(decode(path, bytes)?)
}

/// The text of the bytes of file `path`, without a leading byte-order mark.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, LocatedError> {
    let text = String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let before = String::from_utf8_lossy(valid);
        let message = "this is not UTF-8 text; save the file as UTF-8";
        LocatedError::new(&path.display().to_string(), position_at_end(without_bom(&before)), message)
    })?;
    Ok(match text.strip_prefix(BOM) {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The text of `path` as [`read`] gives it; `None` when there is no such file, for the caller
/// to read as "empty" or "use the default".
pub fn read_if_present(path: &Path) -> Result<Option<String>, LoadError> {
    match read(path) {
        Err(LoadError::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound => Ok(None),
        other => other.map(Some),
    }
}

/// Parses the RON file at `path`; `None` when there is no such file.
pub fn load<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Option<T>, LoadError> {
    let Some(source) = read_if_present(path)? else { return Ok(None) };
    Ok(Some(parse(&source, &path.display().to_string())?))
}

/// Parses RON `source`; `file` names it in errors.
pub fn parse<'de, T: Deserialize<'de>>(source: &'de str, file: &str) -> Result<T, LocatedError> {
    parse_seed(source, file, PhantomData)
}

/// Parses RON `source` with a `seed`, for readers that check as they go (such as the keymap's);
/// an error the seed raises is placed where the parser stood.
pub fn parse_seed<'de, S: DeserializeSeed<'de>>(
    source: &'de str,
    file: &str,
    seed: S,
) -> Result<S::Value, LocatedError> {
    ron::Options::default().from_str_seed(without_bom(source), seed).map_err(|e| LocatedError::from_ron(file, &e))
}

/// `value` as gloss writes RON files: `header` (comments), then the value pretty-printed with
/// four-space indents and no struct names, then a newline. The same value gives the same bytes.
pub fn to_pretty<T: Serialize>(header: &str, value: &T) -> Result<String, SerializeError> {
    let config = ron::ser::PrettyConfig::new().indentor("    ").struct_names(false);
    let body = ron::ser::to_string_pretty(value, config).map_err(|e| SerializeError { message: e.to_string() })?;
    Ok(format!("{header}{body}\n"))
}

/// Writes `value` to `path` as [`to_pretty`] gives it, atomically (see
/// [`write_atomically`]); when it cannot be written as RON, the file is not touched.
pub fn save<T: Serialize>(
    path: &Path,
    header: &str,
    value: &T,
    backup: Option<&Path>,
    new: NewFile,
) -> Result<(), SaveError> {
    let text = to_pretty(header, value).map_err(|source| SaveError::Serialize { path: path.to_path_buf(), source })?;
    Ok(write_atomically(path, text.as_bytes(), backup, new)?)
}

/// Writing RON to a stream failed.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    #[error(transparent)]
    Io(#[from] io::Error),
    #[error(transparent)]
    Serialize(#[from] SerializeError),
}

/// Writes `value` to `out` as [`to_pretty`] gives it, streaming: the same bytes, never the
/// whole text in memory.
pub fn write_pretty<T: Serialize>(out: &mut dyn io::Write, header: &str, value: &T) -> Result<(), StreamError> {
    out.write_all(header.as_bytes())?;
    let config = ron::ser::PrettyConfig::new().indentor("    ").struct_names(false);
    let mut capture = Capture { inner: &mut *out, error: None };
    if let Err(error) = ron::Options::default().to_io_writer_pretty(&mut capture, value, config) {
        return Err(match capture.error.take() {
            Some(io) => StreamError::Io(io),
            None => StreamError::Serialize(SerializeError { message: error.to_string() }),
        });
    }
    out.write_all(b"\n")?;
    Ok(())
}

/// Keeps the first I/O error a writer gave, which ron reports only as text.
struct Capture<'a> {
    inner: &'a mut dyn io::Write,
    error: Option<io::Error>,
}

impl io::Write for Capture<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.inner.write(bytes).inspect_err(|e| self.error = Some(io::Error::new(e.kind(), e.to_string())))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Writes `value` to `path` as [`save`] does, but streaming it into the file.
pub fn save_streaming<T: Serialize>(
    path: &Path,
    header: &str,
    value: &T,
    backup: Option<&Path>,
    new: NewFile,
) -> Result<(), SaveError> {
    let mut not_ron = None;
    let written = write_atomically_with(path, backup, new, |out| {
        write_pretty(out, header, value).map_err(|e| into_io(e, &mut not_ron))
    });
    if let Some(source) = not_ron {
        return Err(SaveError::Serialize { path: path.to_path_buf(), source });
    }
    Ok(written?)
}

/// The I/O error of a stream error; a value that is not RON is put in `not_ron`, for the
/// caller to report as the bug it is.
pub fn into_io(error: StreamError, not_ron: &mut Option<SerializeError>) -> io::Error {
    match error {
        StreamError::Io(io) => io,
        StreamError::Serialize(serialize) => {
            let io = io::Error::other(serialize.message.clone());
            *not_ron = Some(serialize);
            io
        }
    }
}

/// Line and column (from 1, in characters) just after the end of `text`.
fn position_at_end(text: &str) -> (usize, usize) {
    let line = text.matches('\n').count() + 1;
    let last_line = text.rfind('\n').map_or(text, |i| &text[i + 1..]);
    (line, last_line.chars().count() + 1)
}

/// Line and column (from 1, in characters) of byte `at` of `source`, for errors found after
/// parsing.
pub fn position_of(source: &str, at: usize) -> (usize, usize) {
    position_at_end(source.get(..at).unwrap_or(source))
}

#[cfg(test)]
mod tests;
