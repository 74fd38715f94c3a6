//! Working as a team: who the analyst is (`gloss whoami`), and the other analysts' stores,
//! opened read-only beside one's own (`--compare STORE`, `compare: [...]` in config.ron).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Failure, Format, stopped_printing};
use gloss_core::agreement::{self, Coder};
use gloss_core::annotations::{Store, StoreError, read_store};
use gloss_core::config::{Author, AuthorSource, Paths, Settings};
use gloss_core::text::sanitize_inline;

/// The analyst's settings, `config.ron` in the config folder; a file that does not parse is
/// a usage error with its place.
pub fn settings(paths: Option<&Paths>) -> Result<Settings, Failure> {
    paths.map_or_else(
        || Ok(Settings::default()),
        |p| Settings::load(&p.settings()).map_err(|e| Failure::Usage(e.to_string())),
    )
}

/// Who the analyst is. git is asked in the store's folder (a team's repository, when the
/// store is kept in one), else in the current folder.
pub fn author(paths: Option<&Paths>, settings: &Settings, store_path: Option<&Path>) -> Author {
    let folder = store_path
        .and_then(Path::parent)
        .filter(|p| p.is_dir())
        .map_or_else(|| std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")), Path::to_path_buf);
    let settings_path = paths.map_or_else(|| PathBuf::from("config.ron"), Paths::settings);
    Author::find(settings, &settings_path, &folder)
}

/// `gloss whoami`: the name written on claims, notes and verdicts, and where it came from.
pub fn whoami(paths: Option<&Paths>, store_path: Option<&Path>, format: Format) -> Result<(), Failure> {
    let settings = settings(paths)?;
    let author = author(paths, &settings, store_path);
    let line = match format {
        Format::Text => format!("{}\t{}", sanitize_inline(&author.name), sanitize_inline(&author.source.to_string())),
        Format::Json => serde_json::json!({
            "author": author.name,
            "source": source_name(&author.source),
            "from": author.source.to_string(),
        })
        .to_string(),
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}").or_else(|error| stopped_printing("the name", &error))
}

fn source_name(source: &AuthorSource) -> &'static str {
    match source {
        AuthorSource::Override => "GLOSS_AUTHOR",
        AuthorSource::Settings(_) => "config",
        AuthorSource::Git(_) => "git",
        AuthorSource::Account(_) => "account",
        AuthorSource::System => "system",
        AuthorSource::Nowhere => "none",
    }
}

/// The analysts compared with, and what was said on the way.
#[derive(Debug, Default)]
pub struct Compared {
    pub coders: Vec<Coder>,
    /// A line for each store that could not be read, naming it.
    pub problems: Vec<String>,
    /// A line for each store holding several authors' claims, split into one analyst each:
    /// "analysts by claim author in FILE: ana, bo".
    pub split: Vec<String>,
}

/// The analysts of the store read from `file`: one per claim author when its claims have
/// several (a team's shared store; see `gloss_core::agreement::authors`), with the line that
/// says so; else one, named by the author of most of its claims, else `fallback`.
pub fn analysts_in(file: &Path, store: Store, fallback: &str) -> (Vec<Coder>, Option<String>) {
    let authors = agreement::authors(&store);
    if authors.len() < 2 {
        let name = Coder::author_of(&store).unwrap_or_else(|| fallback.to_owned());
        return (vec![Coder::new(name, store)], None);
    }
    let line = format!("analysts by claim author in {}: {}", file.display(), authors.join(", "));
    (agreement::by_author(&store), Some(sanitize_inline(&line).into_owned()))
}

/// The stores named by `entries` (files, or folders whose `.ron` files are all stores), read
/// to compare with; never written. The analyst's own store (`own`) is left out, and each store
/// is read once.
/// Each store is an analyst named by the author of most of its claims, else its file's stem
/// (the path, when two share a name); a store with several authors is one analyst per author
/// (see [`analysts_in`]). A name the analyst's own (`own_name`) or another analyst's already is
/// gives way to the path, so no two analysts show under one name.
pub fn compare_stores(entries: &[PathBuf], own: Option<&Path>, own_name: Option<&str>) -> Compared {
    let own = own.and_then(|p| p.canonicalize().ok());
    let (files, mut problems) = store_files(entries, own.as_deref());
    let mut found: Vec<(&PathBuf, Coder, bool)> = Vec::new();
    let mut split = Vec::new();
    for file in &files {
        // With its journal, as gloss has it: the analyst may be running gloss now.
        match read_store(Some(file)) {
            Ok(store) => {
                let (coders, line) = analysts_in(file, store, &stem(file));
                let by_author = line.is_some();
                split.extend(line);
                found.extend(coders.into_iter().map(|coder| (file, coder, by_author)));
            }
            // The advice of the load error is for one's own store; this one is only read.
            Err(StoreError::Unreadable(error)) => problems.push(format!("not compared: {error}")),
            Err(error) => problems.push(format!("not compared: {error}")),
        }
    }
    let names: Vec<String> = found.iter().map(|(_, coder, _)| coder.name.clone()).collect();
    let coders = found
        .into_iter()
        .map(|(file, mut coder, by_author)| {
            let name = &coder.name;
            let shared = names.iter().filter(|n| *n == name).count() > 1 || own_name == Some(name.as_str());
            if shared {
                coder.name =
                    if by_author { format!("{name} ({})", file.display()) } else { file.display().to_string() };
            }
            coder
        })
        .collect();
    Compared { coders, problems: problems.iter().map(|p| sanitize_inline(p).into_owned()).collect(), split }
}

/// A file's stem, else its path.
fn stem(file: &Path) -> String {
    file.file_stem().map_or_else(|| file.display().to_string(), |s| s.to_string_lossy().into_owned())
}

/// The store files `entries` name, each once, without `own`; and a line for each entry that
/// names none.
fn store_files(entries: &[PathBuf], own: Option<&Path>) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for entry in entries {
        if entry.is_dir() {
            match stores_in(entry, own) {
                Ok(found) if found.is_empty() => {
                    problems.push(format!("{}: no .ron stores in this folder", entry.display()));
                }
                Ok(found) => files.extend(found),
                Err(error) => problems.push(format!("{}: cannot list the folder: {error}", entry.display())),
            }
        } else if !entry.is_file() {
            problems.push(format!("{}: no such store; check the path", entry.display()));
        } else {
            files.push(entry.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|file| {
        let real = file.canonicalize().unwrap_or_else(|_| file.clone());
        own != Some(real.as_path()) && seen.insert(real)
    });
    (files, problems)
}

/// The `.ron` files of `folder`, sorted, without `own`.
fn stores_in(folder: &Path, own: Option<&Path>) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        let is_store = path.is_file() && path.extension().is_some_and(|e| e == "ron");
        if is_store && (own.is_none() || path.canonicalize().ok().as_deref() != own) {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// Opens, for the reader, the stores to compare with: those given with `--compare`, else the
/// `compare` entries of config.ron (relative to the current folder). The first store that could
/// not be read shows in the status bar; the others are still compared.
pub fn open_compared(state: &mut crate::tui::AppState, given: &[PathBuf], settings: &Settings, own: Option<&Path>) {
    let entries = if given.is_empty() {
        let folder = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
        settings.compare_paths(&folder, home.as_deref())
    } else {
        given.to_vec()
    };
    let Compared { coders, problems, .. } = compare_stores(&entries, own, Some(state.notes.session.author()));
    state.compare = crate::tui::Compare::new(coders);
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        state.set_error(format!("{first}{more}"));
    }
}
