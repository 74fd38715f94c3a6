//! What to call a corpus, in exports and their file names: its folder, or its files.

use std::path::PathBuf;

use super::DEFAULT_FOLDER;

/// The name of the corpus read from `paths`: the folder's (or file's) name, the names of
/// several joined by commas, or `seeds` when none were given.
pub fn corpus_name(paths: &[PathBuf]) -> String {
    let name = |p: &PathBuf| {
        let absolute = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        absolute.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())
    };
    match paths {
        [] => DEFAULT_FOLDER.to_owned(),
        [one] => name(one),
        many => many.iter().map(name).collect::<Vec<_>>().join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_its_files_or_seeds() {
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("news");
        std::fs::create_dir(&news).unwrap();
        assert_eq!(corpus_name(&[]), "seeds");
        assert_eq!(corpus_name(&[news.join(".")]), "news", "named after the folder it really is");
        assert_eq!(corpus_name(&[news.join("a.txt"), PathBuf::from("b.txt")]), "a.txt, b.txt");
    }
}
