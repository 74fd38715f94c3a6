//! `gloss merge-driver` (git's merge driver for annotation stores, the same three-way merge
//! as the live store) and `gloss git-setup` (tells a repository to use it, and to ignore the
//! files gloss keeps beside a store).

use std::path::{Path, PathBuf};
use std::process::Command;

use gloss_core::annotations::durable::journal_path;
use gloss_core::annotations::merge::files::{MergedFile, Side, Version, merge_versions};
use gloss_core::annotations::{backup_path, lock_path};
use gloss_core::config::ron_file;
use gloss_core::files::{NewFile, write_atomically};
use gloss_core::text::counted;
use gloss_core::text::inert::terminal;

use super::Failure;

/// The driver's name in git's configuration and in `.gitattributes`.
pub const DRIVER: &str = "gloss";

/// What `git config merge.gloss.driver` runs: git fills in the ancestor, ours, theirs and the
/// file's path in the repository (for messages).
pub const DRIVER_COMMAND: &str = "gloss merge-driver %O %A %B %P";

/// The store files a repository merges with gloss unless told otherwise.
pub const DEFAULT_PATTERN: &str = "annotations.ron";

/// git's merge driver arguments.
#[derive(Debug, clap::Args)]
pub struct MergeDriverArgs {
    /// The common ancestor's version (%O).
    pub ancestor: PathBuf,
    /// Ours (%A): the merged store is written here.
    pub ours: PathBuf,
    /// Theirs (%B).
    pub theirs: PathBuf,
    /// The file's path in the repository (%P), to name it in messages.
    pub path: Option<PathBuf>,
}

/// Where and what to set up.
#[derive(Debug, clap::Args)]
pub struct GitSetupArgs {
    /// The repository (default: the one the current folder is in).
    #[arg(default_value = ".")]
    pub repo: PathBuf,
    /// A `.gitattributes` pattern for store files (default: annotations.ron, at any depth).
    /// Repeatable.
    #[arg(long = "pattern", value_name = "PATTERN")]
    pub patterns: Vec<String>,
}

/// Merges `%O %A %B` into `%A`. Exit 0: merged cleanly; 1: merged with new conflicts (kept in
/// the store for gloss to show) or not merged at all (`%A` untouched), which git reports as a
/// conflict either way.
pub fn merge_driver(args: &MergeDriverArgs) -> Result<(), Failure> {
    let name = args.path.clone().unwrap_or_else(|| args.ours.clone());
    let untouched =
        |why: String| Failure::Failed(format!("cannot merge {}: {why}; ours was left as it was", name.display()));
    let [base, ours, theirs] =
        [&args.ancestor, &args.ours, &args.theirs].map(|path| ron_file::read(path).map_err(|e| e.to_string()));
    let (base, ours, theirs) = (base.map_err(untouched)?, ours.map_err(untouched)?, theirs.map_err(untouched)?);
    let merged = merge_versions(
        Version { side: Side::Base, text: &base, name: &name },
        Version { side: Side::Ours, text: &ours, name: &name },
        Version { side: Side::Theirs, text: &theirs, name: &name },
    )
    .map_err(|e| untouched(e.to_string()))?;
    write_atomically(&args.ours, merged.text.as_bytes(), None, NewFile::Private)
        .map_err(|e| untouched(e.to_string()))?;
    report(&name, &merged)
}

/// Says what was set right, and whether conflicts wait.
fn report(name: &Path, merged: &MergedFile) -> Result<(), Failure> {
    for repair in &merged.repairs {
        eprintln!("gloss: {}", terminal::lines(&repair.to_string()));
    }
    match merged.new_conflicts {
        0 => Ok(()),
        count => Err(Failure::Failed(format!(
            "{}: merged, with {} kept in the store (fields changed differently on both branches): open gloss, \
             settle them in the claims panel (c), then `git add` the store",
            name.display(),
            counted(count, "conflict", "conflicts")
        ))),
    }
}

/// Writes the `.gitattributes` lines and the `merge.gloss` configuration; running it again
/// changes nothing.
pub fn git_setup(args: &GitSetupArgs) -> Result<(), Failure> {
    let top = PathBuf::from(git(&args.repo, &["rev-parse", "--show-toplevel"])?.trim_end_matches(['\n', '\r']));
    let patterns = if args.patterns.is_empty() { vec![DEFAULT_PATTERN.to_owned()] } else { args.patterns.clone() };
    let attributes = top.join(".gitattributes");
    let before = ron_file::read_if_present(&attributes).map_err(|e| Failure::Failed(e.to_string()))?;
    let before = before.unwrap_or_default();
    let after = with_attributes(&before, &patterns);
    if after != before {
        write_atomically(&attributes, after.as_bytes(), None, NewFile::Shared)
            .map_err(|e| Failure::Failed(e.to_string()))?;
    }
    let ignore = top.join(".gitignore");
    let before = ron_file::read_if_present(&ignore).map_err(|e| Failure::Failed(e.to_string()))?.unwrap_or_default();
    let after = with_ignored(&before, &patterns);
    if after != before {
        write_atomically(&ignore, after.as_bytes(), None, NewFile::Shared)
            .map_err(|e| Failure::Failed(e.to_string()))?;
    }
    git(&top, &["config", &format!("merge.{DRIVER}.name"), "gloss annotation store (three-way, by claim and field)"])?;
    git(&top, &["config", &format!("merge.{DRIVER}.driver"), DRIVER_COMMAND])?;
    println!("{}: {} merge={DRIVER}", attributes.display(), patterns.join(", "));
    println!("{}: the store's backup, lock and journal (each analyst's own, never committed)", ignore.display());
    println!("git config merge.{DRIVER}.driver \"{DRIVER_COMMAND}\" (gloss must be on PATH when git merges)");
    println!("commit .gitattributes and .gitignore so the team shares it; each clone runs `gloss git-setup` once");
    Ok(())
}

/// `text` with a `PATTERN merge=gloss` line for each pattern that has none yet.
fn with_attributes(text: &str, patterns: &[String]) -> String {
    let wanted = format!("merge={DRIVER}");
    let mut out = text.to_owned();
    for pattern in patterns.iter().map(|p| attribute_pattern(p)) {
        let present = out.lines().any(|line| {
            let rest = line.trim_start().strip_prefix(pattern.as_str());
            rest.is_some_and(|rest| rest.starts_with([' ', '\t']) && rest.split_whitespace().any(|word| word == wanted))
        });
        if present {
            continue;
        }
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&pattern);
        out.push(' ');
        out.push_str(&wanted);
        out.push('\n');
    }
    out
}

/// `pattern` as a `.gitattributes` line starts with it: git ends a pattern at the first blank,
/// so one with blanks (`Team Notes/annotations.ron`) or an opening quote is written in C-style
/// quotes, which git reads back as the pattern.
fn attribute_pattern(pattern: &str) -> String {
    if !pattern.contains([' ', '\t', '\r', '\n']) && !pattern.starts_with('"') {
        return pattern.to_owned();
    }
    let mut quoted = String::from('"');
    for c in pattern.chars() {
        match c {
            '"' | '\\' => {
                quoted.push('\\');
                quoted.push(c);
            }
            '\t' => quoted.push_str("\\t"),
            '\r' => quoted.push_str("\\r"),
            '\n' => quoted.push_str("\\n"),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// `text` with a line for each file gloss keeps beside a store matching one of `patterns`
/// (its backup, lock and journal), unless the line is there already.
fn with_ignored(text: &str, patterns: &[String]) -> String {
    let mut out = text.to_owned();
    for pattern in patterns {
        let store = Path::new(pattern);
        for beside in [backup_path(store), lock_path(store), journal_path(store)] {
            let line = beside.to_string_lossy();
            if out.lines().any(|l| l.trim() == line) {
                continue;
            }
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Runs `git -C repo ARGS`, returning what it printed.
fn git(repo: &Path, args: &[&str]) -> Result<String, Failure> {
    let output = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .output()
        .map_err(|e| Failure::Failed(format!("cannot run git ({e}); install git and try again")))?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        return Err(Failure::Failed(format!("{}: git {}: {}", repo.display(), args.join(" "), said.trim())));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_lines_are_added_once_and_other_lines_kept() {
        let patterns = vec!["annotations.ron".to_owned(), "stores/*.ron".to_owned()];
        let once = with_attributes("*.txt text", &patterns);
        assert_eq!(once, "*.txt text\nannotations.ron merge=gloss\nstores/*.ron merge=gloss\n");
        assert_eq!(with_attributes(&once, &patterns), once);
        assert_eq!(
            with_attributes("annotations.ron  diff  merge=gloss\n", &patterns[..1]),
            "annotations.ron  diff  merge=gloss\n"
        );
    }

    #[test]
    fn a_pattern_with_blanks_is_quoted_as_git_reads_it_and_added_once() {
        let patterns = vec!["Team Notes/annotations.ron".to_owned(), "say \"hi\"\\.ron".to_owned()];
        let once = with_attributes("", &patterns);
        assert_eq!(once, "\"Team Notes/annotations.ron\" merge=gloss\n\"say \\\"hi\\\"\\\\.ron\" merge=gloss\n");
        assert_eq!(with_attributes(&once, &patterns), once);
        assert_eq!(attribute_pattern("tab\there"), "\"tab\\there\"");
        assert_eq!(attribute_pattern("\"quoted"), "\"\\\"quoted\"");
    }

    #[test]
    fn the_files_beside_a_store_are_ignored_once() {
        let patterns = vec!["annotations.ron".to_owned(), "stores/*.ron".to_owned()];
        let once = with_ignored("target/", &patterns);
        assert_eq!(
            once,
            "target/\nannotations.ron.bak\nannotations.ron.lock\nannotations.ron.journal\n\
             stores/*.ron.bak\nstores/*.ron.lock\nstores/*.ron.journal\n"
        );
        assert_eq!(with_ignored(&once, &patterns), once);
    }
}
