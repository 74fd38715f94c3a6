//! What gloss remembers of a corpus between runs, in a small RON file of the front end's own in
//! the data folder (one per corpus): how the list is sorted, how wide it is, and where the
//! reader was, to open there again.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use gloss_core::config::ron_file::{self, SaveError};
use gloss_core::corpus::{DEFAULT_FOLDER, Fingerprint, corpus_name};
use gloss_core::files::NewFile;
use gloss_core::listing::Sort;

const HEADER: &str = "\
// gloss: how this corpus's list is sorted and how wide it is, and where you left off.
// Written by gloss when it quits; safe to delete (gloss starts from the defaults).
";

/// Where the reader was: the article (by content, else by path) and a byte of its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spot {
    pub fingerprint: String,
    pub path: String,
    /// The start of the cursor's sentence.
    pub offset: usize,
    /// The first byte shown at the top of the reader.
    pub top: usize,
    /// Whether the reader had the keys.
    pub reading: bool,
}

/// The file's content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    /// The corpus this is about: its folders and files, made absolute.
    pub corpus: String,
    #[serde(default)]
    pub sort: Sort,
    #[serde(default)]
    pub list_width: Option<u16>,
    #[serde(default)]
    pub place: Option<Spot>,
}

/// The memory of the corpus being read.
#[derive(Debug, Clone)]
pub struct Memory {
    pub path: PathBuf,
    pub remembered: Remembered,
    /// The file could not be read: it is left as it is, never written over.
    pub writable: bool,
    /// Where to open once that article has been read in; dropped at the first key.
    pub pending: Option<Spot>,
}

impl Memory {
    /// The memory kept in `data_dir` for the corpus read from `paths`, and what was wrong with
    /// its file, if anything (gloss then starts from the defaults and leaves the file alone).
    pub fn open(data_dir: &Path, paths: &[PathBuf]) -> (Self, Option<String>) {
        let corpus = corpus_key(paths);
        let path = file_for(data_dir, paths, &corpus);
        let (remembered, writable, problem) = match ron_file::load::<Remembered>(&path) {
            Ok(Some(remembered)) => (remembered, true, None),
            Ok(None) => (Remembered { corpus, ..Remembered::default() }, true, None),
            Err(error) => {
                let why = format!("{error} (gloss will not remember where you left off until it is fixed or deleted)");
                (Remembered { corpus, ..Remembered::default() }, false, Some(why))
            }
        };
        let pending = remembered.place.clone();
        (Self { path, remembered, writable, pending }, problem)
    }

    /// Writes `remembered` atomically, unless the file could not be read at start.
    pub fn save(&self, remembered: &Remembered) -> Result<(), SaveError> {
        if !self.writable {
            return Ok(());
        }
        ron_file::save(&self.path, HEADER, remembered, None, NewFile::Private)
    }
}

/// What names a corpus: its paths made absolute, sorted, one a line; the folder read when none
/// were given.
pub fn corpus_key(paths: &[PathBuf]) -> String {
    let absolute = |p: &PathBuf| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()).display().to_string();
    let mut keys: Vec<String> = if paths.is_empty() {
        let folder = PathBuf::from(DEFAULT_FOLDER);
        if folder.is_dir() { vec![absolute(&folder)] } else { vec!["built-in seeds".to_owned()] }
    } else {
        paths.iter().map(absolute).collect()
    };
    keys.sort();
    keys.dedup();
    keys.join("\n")
}

/// `data/corpora/NAME-HASH.ron`: the corpus's name to read, and a hash of its key so two
/// folders of the same name keep apart.
fn file_for(data_dir: &Path, paths: &[PathBuf], key: &str) -> PathBuf {
    let name: String = corpus_name(paths)
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .take(40)
        .collect();
    let hash = Fingerprint::of(key.as_bytes()).to_hex();
    data_dir.join("corpora").join(format!("{name}-{}.ron", &hash[..12]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_per_corpus_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("news");
        std::fs::create_dir(&news).unwrap();
        let (memory, problem) = Memory::open(dir.path(), std::slice::from_ref(&news));
        assert_eq!((problem, memory.pending.clone()), (None, None));
        let file = memory.path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(file.starts_with("news-") && memory.path.extension().is_some_and(|e| e == "ron"), "{file}");
        let remembered = Remembered {
            sort: Sort::Date,
            list_width: Some(52),
            place: Some(Spot {
                fingerprint: "ab".into(),
                path: "news/a.txt".into(),
                offset: 10,
                top: 0,
                reading: true,
            }),
            ..memory.remembered.clone()
        };
        memory.save(&remembered).unwrap();
        let (again, _) = Memory::open(dir.path(), &[news.join(".")]);
        assert_eq!(again.remembered, remembered, "the same folder, however named");
        assert_eq!(again.pending, remembered.place);
        let other = dir.path().join("other/news");
        std::fs::create_dir_all(&other).unwrap();
        assert_ne!(Memory::open(dir.path(), &[other]).0.path, again.path, "another folder called news");
    }

    #[test]
    fn a_file_that_does_not_parse_is_reported_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (memory, _) = Memory::open(dir.path(), &[dir.path().to_path_buf()]);
        std::fs::create_dir_all(memory.path.parent().unwrap()).unwrap();
        std::fs::write(&memory.path, "(sort: sideways)").unwrap();
        let (memory, problem) = Memory::open(dir.path(), &[dir.path().to_path_buf()]);
        let problem = problem.unwrap();
        assert!(problem.starts_with(&format!("{}:1:", memory.path.display())), "{problem}");
        memory.save(&Remembered::default()).unwrap();
        assert_eq!(std::fs::read_to_string(&memory.path).unwrap(), "(sort: sideways)");
    }
}
