//! `gloss agreement [STORE...] [PATH...]`: how far analysts agree — per claim type Cohen's or
//! Fleiss' kappa and Krippendorff's alpha over sentences, span F1 for each pair, and counts —
//! as a table or JSON.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::teams::{Compared, analysts_in, author, compare_stores, settings};
use super::{Failure, Format, load, stopped_printing, vocabulary};
use gloss_core::agreement::{Coder, report, table};
use gloss_core::annotations::read_store;
use gloss_core::config::Paths;
use gloss_core::text::counted;

/// Whose annotations to compare, on which articles.
#[derive(Debug, clap::Args)]
pub struct AgreementArgs {
    /// Stores (`.ron` files, one per analyst; a store whose claims have several authors is one
    /// analyst per author), then article files and folders. With no store,
    /// your own store and the stores your config.ron compares with (default articles:
    /// ./seeds, else the library, else the built-in samples).
    #[arg(value_name = "STORE|PATH")]
    pub inputs: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs `gloss agreement`. A store that cannot be read is named on standard error and left
/// out; the figures for the others are printed, and the exit code is then 1.
pub fn agreement(
    args: &AgreementArgs,
    paths: Option<&Paths>,
    store_path: Option<&Path>,
    articles: impl Fn(&[PathBuf]) -> Vec<PathBuf>,
) -> Result<(), Failure> {
    let (stores, rest): (Vec<PathBuf>, Vec<PathBuf>) =
        args.inputs.iter().cloned().partition(|p| p.extension().is_some_and(|e| e == "ron"));
    let Compared { coders, problems, split } =
        if stores.is_empty() { own_and_compared(paths, store_path)? } else { compare_stores(&stores, None, None) };
    for problem in &problems {
        eprintln!("gloss: {problem}");
    }
    if coders.is_empty() {
        return Err(Failure::Failed("no store could be read: give the analysts' stores (.ron files)".to_owned()));
    }
    let vocabulary = vocabulary(paths)?;
    let tags: Vec<String> = vocabulary.tags.iter().map(|t| t.name.clone()).collect();
    let loaded = load(&articles(&rest))?;
    let figures = report(&loaded.iter().collect::<Vec<_>>(), &coders, &tags);
    let text = match args.format {
        Format::Text => split.iter().fold(String::new(), |text, line| text + line + "\n") + &table(&figures),
        Format::Json => {
            serde_json::to_string(&figures).map_err(|e| Failure::Failed(format!("cannot write JSON: {e}")))? + "\n"
        }
    };
    io::stdout().lock().write_all(text.as_bytes()).or_else(|error| stopped_printing("the figures", &error))?;
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::Failed(format!("{} could not be compared", counted(problems.len(), "store", "stores"))))
    }
}

/// Without stores named: the analyst's own store (named by who they are; one analyst per
/// author when it is a team's shared store) and the stores of `compare` in config.ron.
fn own_and_compared(paths: Option<&Paths>, store_path: Option<&Path>) -> Result<Compared, Failure> {
    let settings = settings(paths)?;
    let own = store_path.ok_or_else(|| Failure::Usage("no data folder (is HOME set?): name the stores".to_owned()))?;
    let store = read_store(Some(own)).map_err(|e| Failure::Usage(e.to_string()))?;
    let name = author(paths, &settings, Some(own)).name;
    let (mut mine, line) = analysts_in(own, store, &name);
    if line.is_none() {
        // One's own store is named by who one is, whoever wrote most of it.
        for coder in &mut mine {
            coder.name.clone_from(&name);
        }
    }
    let folder = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    let others = compare_stores(&settings.compare_paths(&folder, home.as_deref()), Some(own), Some(&name));
    Ok(Compared {
        coders: mine.into_iter().chain(others.coders).collect::<Vec<Coder>>(),
        problems: others.problems,
        split: line.into_iter().chain(others.split).collect(),
    })
}
