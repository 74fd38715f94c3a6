//! The corpus: finding article files, reading them leniently, and describing each article.

mod article;
mod decode;
mod document;
pub mod feed;
mod format;
mod header;
pub mod html;
pub mod markdown;
mod naming;
mod read;
mod seeds;

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use article::{Article, Fingerprint, Origin, Structure};
pub use decode::{Decoding, MAX_ARTICLE_BYTES, Unreadable, decode};
pub use document::{Block, BlockKind, Document, Metadata, Rendition, normalize_date, tidy_inline};
pub use format::Format;
pub use header::{Header, parse_header};
pub use naming::corpus_name;
pub use read::{Extracted, ReadError, articles_of_file, read_documents};
pub use seeds::SEEDS;

/// Something to read articles from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File { path: PathBuf, format: Format },
    Embedded { name: &'static str, text: &'static str },
}

/// A path gloss could not use, and why; reported, never fatal on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub reason: ProblemReason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemReason {
    NotFound,
    Io(String),
    Skipped(Unreadable),
    /// The file is of a known format but does not parse, or holds no article.
    Malformed(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            ProblemReason::NotFound => write!(f, "{}: no such file or folder", self.path),
            ProblemReason::Io(error) => write!(f, "{}: cannot read: {error}", self.path),
            ProblemReason::Skipped(why) => write!(f, "{}: skipped: {why}", self.path),
            ProblemReason::Malformed(why) => write!(f, "{}: {why}", self.path),
        }
    }
}

/// What to read, found from the command line's paths, plus the paths that could not be used.
#[derive(Debug, Default)]
pub struct Discovery {
    pub sources: Vec<Source>,
    pub problems: Vec<Problem>,
}

/// The folder of sample articles used when no path is given.
pub const DEFAULT_FOLDER: &str = "seeds";

/// The paths to read: those given; with none, `./seeds` when there is one (a checkout), else
/// the `library` when it holds articles; none at all means the built-in seeds.
pub fn default_paths(paths: &[PathBuf], library: Option<&crate::library::Library>) -> Vec<PathBuf> {
    if !paths.is_empty() || Path::new(DEFAULT_FOLDER).is_dir() {
        return paths.to_vec();
    }
    match library {
        Some(library) if library.has_articles() => vec![library.root().to_path_buf()],
        _ => Vec::new(),
    }
}

/// Finds the articles named by `paths`: files as given, folders recursively (hidden entries and
/// files of unknown formats left out), in a stable sorted order, each file once. With no paths:
/// `./seeds` when it exists, else the built-in seeds.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    if paths.is_empty() {
        let folder = Path::new(DEFAULT_FOLDER);
        if folder.is_dir() {
            return discover(&[folder.to_path_buf()]);
        }
        let sources = SEEDS.iter().map(|&(name, text)| Source::Embedded { name, text }).collect();
        return Discovery { sources, problems: Vec::new() };
    }
    let mut found = Discovery::default();
    let mut seen = HashSet::new();
    for path in paths {
        discover_path(path, &mut found, &mut seen);
    }
    found
}

fn discover_path(path: &Path, found: &mut Discovery, seen: &mut HashSet<PathBuf>) {
    let problem = |reason| Problem { path: path.display().to_string(), reason };
    match fs::metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            found.problems.push(problem(ProblemReason::NotFound));
        }
        Err(error) => found.problems.push(problem(ProblemReason::Io(error.to_string()))),
        Ok(meta) if meta.is_dir() => walk_folder(path, found, seen),
        Ok(meta) => match Unreadable::special(&meta.file_type()) {
            Some(why) => found.problems.push(problem(ProblemReason::Skipped(why))),
            None => add_file(path.to_path_buf(), Format::for_named_file(path), found, seen),
        },
    }
}

fn walk_folder(folder: &Path, found: &mut Discovery, seen: &mut HashSet<PathBuf>) {
    let is_hidden =
        |entry: &walkdir::DirEntry| entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
    // A file right in the folder, not a link, is the canonical folder's file: one look at the
    // folder instead of one per file (resolving each of 10,000 paths took a tenth of a second).
    let canonical_folder = fs::canonicalize(folder).ok();
    let walk = walkdir::WalkDir::new(folder).follow_links(true).sort_by_file_name().into_iter();
    for entry in walk.filter_entry(|e| !is_hidden(e)) {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let Some(format) = Format::from_extension(entry.path()) else { continue };
                let known = canonical_folder
                    .as_ref()
                    .filter(|_| entry.depth() == 1 && !entry.path_is_symlink())
                    .map(|canonical| canonical.join(entry.file_name()));
                let key = known.unwrap_or_else(|| canonical(entry.path()));
                if seen.insert(key) {
                    found.sources.push(Source::File { path: entry.into_path(), format });
                }
            }
            Ok(_) => {}
            Err(error) => {
                let path = error.path().unwrap_or(folder).display().to_string();
                found.problems.push(Problem { path, reason: ProblemReason::Io(error.to_string()) });
            }
        }
    }
}

/// `path` with links and `..` resolved, to know a file given twice; as given if it cannot be.
fn canonical(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn add_file(path: PathBuf, format: Format, found: &mut Discovery, seen: &mut HashSet<PathBuf>) {
    if seen.insert(canonical(&path)) {
        found.sources.push(Source::File { path, format });
    }
}

/// Reads one source into articles (one per file; one per item for a feed).
pub fn load(source: &Source) -> Result<Vec<Article>, Problem> {
    match source {
        Source::Embedded { name, text } => Ok(vec![Article::from_text(Origin::Embedded(name), text)]),
        Source::File { path, format } => {
            let problem = |reason| Problem { path: path.display().to_string(), reason };
            let bytes = read_limited(path).map_err(&problem)?;
            articles_of_file(path, *format, &bytes).map_err(|error| match error {
                ReadError::Unreadable(why) => problem(ProblemReason::Skipped(why)),
                other => problem(ProblemReason::Malformed(other.to_string())),
            })
        }
    }
}

/// Reads at most [`MAX_ARTICLE_BYTES`] (and one more, to tell). A FIFO or device is refused
/// before it is opened, since opening a FIFO waits for a writer, and again after, in case the
/// path changed in between.
fn read_limited(path: &Path) -> Result<Vec<u8>, ProblemReason> {
    let io = |error: std::io::Error| ProblemReason::Io(error.to_string());
    let special = |meta: fs::Metadata| Unreadable::special(&meta.file_type()).map(ProblemReason::Skipped);
    if let Some(why) = special(fs::metadata(path).map_err(io)?) {
        return Err(why);
    }
    let file = fs::File::open(path).map_err(io)?;
    if let Some(why) = special(file.metadata().map_err(io)?) {
        return Err(why);
    }
    let mut bytes = Vec::new();
    file.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        let size = fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(ProblemReason::Skipped(Unreadable::TooLarge { bytes: size }));
    }
    Ok(bytes)
}

/// Reads every source, on every core, collecting the articles and the problems in the
/// sources' order.
pub fn load_all(discovery: Discovery) -> (Vec<Article>, Vec<Problem>) {
    let mut problems = discovery.problems;
    let mut articles = Vec::with_capacity(discovery.sources.len());
    for loaded in load_many(&discovery.sources) {
        match loaded {
            Ok(loaded) => articles.extend(loaded),
            Err(problem) => problems.push(problem),
        }
    }
    (articles, problems)
}

/// Reads `sources` on every core; the results are in the sources' order.
pub fn load_many(sources: &[Source]) -> Vec<Result<Vec<Article>, Problem>> {
    use rayon::prelude::*;
    sources.par_iter().map(load).collect()
}

#[cfg(test)]
mod tests;
