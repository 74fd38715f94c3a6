//! Finding the article files named on the command line, as a stream: each file is handed on as
//! soon as the walk reaches it, so a reader can show the first ones before the walk ends.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::{DEFAULT_FOLDER, Format, Problem, ProblemReason, SEEDS, Source, Unreadable};

/// What to read, found from the command line's paths, plus the paths that could not be used.
#[derive(Debug, Default)]
pub struct Discovery {
    pub sources: Vec<Source>,
    pub problems: Vec<Problem>,
}

/// One thing the walk found: a source to read or a path it could not use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Source(Source),
    Problem(Problem),
}

/// Finds the articles named by `paths`: files as given, folders recursively (hidden entries and
/// files of unknown formats left out), in a stable sorted order, each file once. With no paths:
/// `./seeds` when it exists, else the built-in seeds.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut discovery = Discovery::default();
    discover_each(paths, &mut |found| match found {
        Found::Source(source) => discovery.sources.push(source),
        Found::Problem(problem) => discovery.problems.push(problem),
    });
    discovery
}

/// [`discover`], handing each source and problem to `found` as the walk reaches it; sources
/// come in the order `discover` lists them.
pub fn discover_each(paths: &[PathBuf], found: &mut dyn FnMut(Found)) {
    if paths.is_empty() {
        let folder = Path::new(DEFAULT_FOLDER);
        if folder.is_dir() {
            return discover_each(&[folder.to_path_buf()], found);
        }
        for (name, text) in SEEDS {
            found(Found::Source(Source::Embedded { name, text }));
        }
        return;
    }
    let mut walk = Walk { found, seen: HashSet::new() };
    for path in paths {
        walk.path(path);
    }
}

/// A walk in progress: where it sends what it finds, and the files already sent (by their
/// resolved path, so that a file named twice is read once).
struct Walk<'a> {
    found: &'a mut dyn FnMut(Found),
    seen: HashSet<PathBuf>,
}

impl Walk<'_> {
    fn problem(&mut self, path: &Path, reason: ProblemReason) {
        (self.found)(Found::Problem(Problem { path: path.display().to_string(), reason }));
    }

    fn path(&mut self, path: &Path) {
        match fs::metadata(path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => self.problem(path, ProblemReason::NotFound),
            Err(error) => self.problem(path, ProblemReason::Io(error.to_string())),
            Ok(meta) if meta.is_dir() => self.folder(path),
            Ok(meta) => match Unreadable::special(&meta.file_type()) {
                Some(why) => self.problem(path, ProblemReason::Skipped(why)),
                None => self.add(canonical(path), path.to_path_buf(), Format::for_named_file(path)),
            },
        }
    }

    fn folder(&mut self, folder: &Path) {
        let is_hidden =
            |entry: &walkdir::DirEntry| entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
        // A file right in the folder, not a link, is the canonical folder's file: one look at
        // the folder instead of one per file (resolving each of 10,000 paths took a tenth of a
        // second).
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
                    self.add(key, entry.into_path(), format);
                }
                Ok(_) => {}
                Err(error) => self.problem(error.path().unwrap_or(folder), ProblemReason::Io(error.to_string())),
            }
        }
    }

    fn add(&mut self, key: PathBuf, path: PathBuf, format: Format) {
        if self.seen.insert(key) {
            (self.found)(Found::Source(Source::File { path, format }));
        }
    }
}

/// `path` with links and `..` resolved, to know a file given twice; as given if it cannot be.
fn canonical(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}
