//! The analyst's settings, `config.ron` in the config folder: their name, and the other
//! analysts' stores to show beside their own. Every field may be left out; a field gloss does
//! not know is a mistake, with its file, line and column.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::ron_file::{self, LoadError, LocatedError};

/// What `config.ron` says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// The analyst's name, written on every claim, note and verdict; empty when not set
    /// (`GLOSS_AUTHOR` still wins over it).
    pub author: String,
    /// Other analysts' stores to open read-only beside one's own: `.ron` files, or folders
    /// whose `.ron` files are all stores. Relative paths are from the folder gloss starts in;
    /// `~/` is the home folder.
    pub compare: Vec<String>,
}

impl Settings {
    /// Reads the settings at `path`; no file means no settings.
    pub fn load(path: &Path) -> Result<Self, LoadError> {
        match ron_file::read_if_present(path)? {
            Some(source) => Ok(Self::parse(&source, &path.display().to_string())?),
            None => Ok(Self::default()),
        }
    }

    /// Reads settings `source`; `file` names it in errors.
    pub fn parse(source: &str, file: &str) -> Result<Self, LocatedError> {
        ron_file::parse(source, file)
    }

    /// The stores of `compare` as paths: relative ones under `folder`, `~/` under `home`.
    pub fn compare_paths(&self, folder: &Path, home: Option<&Path>) -> Vec<PathBuf> {
        self.compare.iter().map(|entry| expand(entry, folder, home)).collect()
    }
}

/// `entry` as a path: `~/x` in `home` (when there is one), relative paths in `folder`.
pub fn expand(entry: &str, folder: &Path, home: Option<&Path>) -> PathBuf {
    if let (Some(rest), Some(home)) = (entry.strip_prefix("~/"), home) {
        return home.join(rest);
    }
    if entry == "~"
        && let Some(home) = home
    {
        return home.to_path_buf();
    }
    folder.join(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_may_be_left_out() {
        assert_eq!(Settings::parse("()", "config.ron").unwrap(), Settings::default());
        let settings = Settings::parse("(author: \"Kim Lee\", compare: [\"stores/\", \"~/x.ron\"])", "c").unwrap();
        assert_eq!(settings.author, "Kim Lee");
        let paths = settings.compare_paths(Path::new("/repo"), Some(Path::new("/home/kim")));
        assert_eq!(paths, [PathBuf::from("/repo/stores/"), PathBuf::from("/home/kim/x.ron")]);
        assert_eq!(expand("/abs.ron", Path::new("/repo"), None), PathBuf::from("/abs.ron"));
        assert_eq!(expand("~/x.ron", Path::new("/repo"), None), PathBuf::from("/repo/~/x.ron"));
    }

    #[test]
    fn mistakes_name_the_file_line_and_column() {
        let error = Settings::parse("(\n  autor: \"Kim\",\n)", "config.ron").unwrap_err();
        assert_eq!((error.file.as_str(), error.line), ("config.ron", 2), "{error}");
        assert!(error.message.contains("autor"), "{error}");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        assert_eq!(Settings::load(&path).unwrap(), Settings::default(), "no file, no settings");
        std::fs::write(&path, "(author: 3)").unwrap();
        let error = Settings::load(&path).unwrap_err().to_string();
        assert!(error.starts_with(&format!("{}:1:", path.display())), "{error}");
    }
}
