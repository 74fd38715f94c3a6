//! Who the analyst is: the name written on every claim, note and verdict, and where it came
//! from. In order: `GLOSS_AUTHOR`, the `author` of `config.ron`, `git config user.name`, the
//! account name (`USER`, `USERNAME`, `LOGNAME`), the operating system's user; else `unknown`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::Settings;

/// The analyst's name, and where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    pub source: AuthorSource,
}

/// Where an analyst's name was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthorSource {
    /// The `GLOSS_AUTHOR` variable.
    Override,
    /// The `author` field of this settings file.
    Settings(PathBuf),
    /// `git config user.name`, asked in this folder.
    Git(PathBuf),
    /// This environment variable (`USER`, `USERNAME` or `LOGNAME`).
    Account(&'static str),
    /// The operating system's name for the user running gloss.
    System,
    /// Nowhere: the name is `unknown`.
    Nowhere,
}

impl fmt::Display for AuthorSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Override => f.write_str("the GLOSS_AUTHOR variable"),
            Self::Settings(path) => write!(f, "author in {}", path.display()),
            Self::Git(folder) => write!(f, "git config user.name (in {})", folder.display()),
            Self::Account(variable) => write!(f, "the {variable} variable"),
            Self::System => f.write_str("the system's user name"),
            Self::Nowhere => f.write_str("nowhere: set author in config.ron, git's user.name, or GLOSS_AUTHOR"),
        }
    }
}

/// A way to find a name, tried in turn.
type Finder<'a> = &'a dyn Fn() -> Option<(String, AuthorSource)>;

/// The account variables, in the order they are tried.
const ACCOUNT_VARIABLES: [&str; 3] = ["USER", "USERNAME", "LOGNAME"];

impl Author {
    /// The analyst, from everything in turn: `GLOSS_AUTHOR`, `settings` (read from
    /// `settings_path`), git asked in `folder`, the account.
    pub fn find(settings: &Settings, settings_path: &Path, folder: &Path) -> Self {
        Self::find_after(&override_variable, settings, settings_path, folder)
    }

    /// [`Author::find`], with `first` asked before everything else.
    fn find_after(first: Finder, settings: &Settings, settings_path: &Path, folder: &Path) -> Self {
        let from_settings = || Some((clean(&settings.author)?, AuthorSource::Settings(settings_path.to_path_buf())));
        let from_git = || Some((git_user_name(folder)?, AuthorSource::Git(folder.to_path_buf())));
        Self::first(&[first, &from_settings, &from_git, &account, &system])
    }

    /// The analyst as the environment alone names them (no files, no git): what a session
    /// uses until it is told otherwise.
    pub fn from_environment() -> Self {
        Self::first(&[&override_variable, &account, &system])
    }

    /// The first name `finders` give, or `unknown`.
    fn first(finders: &[Finder]) -> Self {
        finders.iter().find_map(|find| find()).map_or_else(
            || Self { name: "unknown".to_owned(), source: AuthorSource::Nowhere },
            |(name, source)| Self { name, source },
        )
    }
}

/// `text` as a name: whitespace (newlines and tabs too) collapsed to single spaces, control
/// characters dropped; `None` when nothing is left.
pub fn clean(text: &str) -> Option<String> {
    let words: Vec<String> =
        text.split_whitespace().map(|word| word.chars().filter(|c| !c.is_control()).collect()).collect();
    let name = words.iter().filter(|w| !w.is_empty()).map(String::as_str).collect::<Vec<_>>().join(" ");
    (!name.is_empty()).then_some(name)
}

fn variable(name: &str) -> Option<String> {
    clean(&std::env::var(name).ok()?)
}

fn override_variable() -> Option<(String, AuthorSource)> {
    Some((variable("GLOSS_AUTHOR")?, AuthorSource::Override))
}

fn account() -> Option<(String, AuthorSource)> {
    ACCOUNT_VARIABLES.iter().find_map(|&name| Some((variable(name)?, AuthorSource::Account(name))))
}

fn system() -> Option<(String, AuthorSource)> {
    Some((clean(&whoami::username().ok()?)?, AuthorSource::System))
}

/// `git config --get user.name` in `folder` (the repository's own setting there, else the
/// user's); `None` when git is not installed, the folder is missing or no name is set.
pub fn git_user_name(folder: &Path) -> Option<String> {
    let output = Command::new("git")
        .args(["config", "--get", "user.name"])
        .current_dir(folder)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output.status.success().then(|| clean(&String::from_utf8_lossy(&output.stdout))).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, source: AuthorSource) -> impl Fn() -> Option<(String, AuthorSource)> {
        let name = name.to_owned();
        move || Some((name.clone(), source.clone()))
    }

    #[test]
    fn the_first_finder_with_a_name_wins() {
        let none = || None;
        let git = named("Kim Lee", AuthorSource::Git(PathBuf::from("/repo")));
        let account = named("kim", AuthorSource::Account("USER"));
        let author = Author::first(&[&none, &git, &account]);
        assert_eq!((author.name.as_str(), author.source), ("Kim Lee", AuthorSource::Git(PathBuf::from("/repo"))));
        let nobody = Author::first(&[&none]);
        assert_eq!(nobody.name, "unknown", "never an empty author");
        assert!(nobody.source.to_string().contains("config.ron"), "says how to set one");
    }

    #[test]
    fn names_are_one_line_of_printable_text() {
        assert_eq!(clean("  Kim\tLee \n").as_deref(), Some("Kim Lee"));
        assert_eq!(clean("Kim\u{1b}[31m Lee").as_deref(), Some("Kim[31m Lee"));
        assert_eq!(clean(" \n\t "), None);
        assert_eq!(clean("\u{7}"), None);
    }

    #[test]
    fn settings_come_before_git_and_the_account_and_the_override_before_all() {
        let settings = Settings { author: " Ana María ".into(), ..Settings::default() };
        let author = Author::find_after(&|| None, &settings, Path::new("/cfg/config.ron"), Path::new("/"));
        assert_eq!(author.name, "Ana María");
        assert_eq!(author.source.to_string(), "author in /cfg/config.ron");
        let first = named("Boss", AuthorSource::Override);
        let author = Author::find_after(&first, &settings, Path::new("/cfg/config.ron"), Path::new("/"));
        assert_eq!((author.name.as_str(), author.source), ("Boss", AuthorSource::Override));
    }

    #[test]
    fn git_is_asked_in_the_folder_and_its_repository_setting_wins() {
        let dir = tempfile::tempdir().unwrap();
        let git = |args: &[&str]| Command::new("git").args(args).current_dir(dir.path()).output().unwrap();
        assert!(git(&["init", "-q"]).status.success());
        assert!(git(&["config", "user.name", "  Lee\tSun "]).status.success());
        assert_eq!(git_user_name(dir.path()).as_deref(), Some("Lee Sun"));
        assert_eq!(git_user_name(&dir.path().join("no such folder")), None);
    }
}
