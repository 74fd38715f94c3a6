//! The corpus: finding article files, reading them leniently, and describing each article.

mod article;
mod decode;
mod discover;
mod document;
pub mod feed;
mod format;
mod header;
pub mod html;
pub mod markdown;
mod naming;
mod read;
mod seeds;

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use article::{Article, Fingerprint, Origin, Structure};
pub use decode::{Decoding, MAX_ARTICLE_BYTES, Unreadable, decode};
pub use discover::{Discovery, Found, discover, discover_each};
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

/// Reads one source into articles (one per file; one per item for a feed), their words
/// counted: what the article list shows, counted while reading, off the thread that shows it.
pub fn load(source: &Source) -> Result<Vec<Article>, Problem> {
    let articles = load_text(source)?;
    for article in &articles {
        article.words();
    }
    Ok(articles)
}

/// [`load`] without counting words (they are counted on first use): for passes that need
/// only the text, such as recognising a corpus's names.
pub fn load_text(source: &Source) -> Result<Vec<Article>, Problem> {
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
    let meta = file.metadata().map_err(io)?;
    let length = meta.len();
    if let Some(why) = special(meta) {
        return Err(why);
    }
    // Sized from the length (and one more byte, to see the end in one read): a growing buffer
    // took about eleven reads a file.
    let capacity = usize::try_from(length.min(MAX_ARTICLE_BYTES) + 1).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
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
