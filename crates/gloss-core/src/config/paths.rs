//! Where gloss keeps its files: the platform's config and data folders (XDG on Linux).

use std::path::{Path, PathBuf};

/// The folders gloss reads configuration from and keeps data in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
}

impl Paths {
    /// The platform's folders for gloss (`~/.config/gloss`, `~/.local/share/gloss` on Linux,
    /// honouring `XDG_CONFIG_HOME` and `XDG_DATA_HOME`). `None` when there is no home folder.
    pub fn from_environment() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "gloss")?;
        Some(Self { config_dir: dirs.config_dir().to_path_buf(), data_dir: dirs.data_dir().to_path_buf() })
    }

    /// Folders under one root, for tests and portable setups.
    pub fn under(root: &Path) -> Self {
        Self { config_dir: root.join("config"), data_dir: root.join("data") }
    }

    /// The annotation store.
    pub fn store(&self) -> PathBuf {
        self.data_dir.join("annotations.ron")
    }

    /// The user's claim-tag vocabulary, replacing the built-in one.
    pub fn tags(&self) -> PathBuf {
        self.config_dir.join("tags.ron")
    }

    /// Names the analyst added, aliases and rejected highlights.
    pub fn user_gazetteer(&self) -> PathBuf {
        self.data_dir.join("user_gazetteer.ron")
    }

    /// The feeds `gloss fetch` pulls.
    pub fn feeds(&self) -> PathBuf {
        self.config_dir.join("feeds.ron")
    }

    /// The library of fetched pages and feed items (`--library DIR` overrides it).
    pub fn library(&self) -> PathBuf {
        self.data_dir.join("library")
    }

    /// The user's keymap, overriding the built-in one action by action.
    pub fn keymap(&self) -> PathBuf {
        self.config_dir.join("keymap.ron")
    }

    /// The analyst's settings: their name, the stores to compare with.
    pub fn settings(&self) -> PathBuf {
        self.config_dir.join("config.ron")
    }
}
