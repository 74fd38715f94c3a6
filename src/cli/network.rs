//! `gloss add`, `gloss fetch` and `gloss feeds`: articles from the network into the library,
//! with a progress bar on a terminal and one summary line per URL.

use std::fmt::Display;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Subcommand;

use indicatif::{ProgressBar, ProgressStyle};

use gloss_core::library::http::{Client, Limits};
use gloss_core::library::subscriptions::{self, Subscription, Subscriptions};
use gloss_core::library::{Event, Library, Outcome, Report, add_urls, fetch_feeds};
use gloss_core::text::inert::{json as inert_json, terminal};

use super::{Failure, Format};

/// How many downloads run at once.
pub const PARALLEL: usize = 4;

/// `gloss add URL...`: fetches and keeps each page (or each item of a feed).
pub fn add(urls: &[String], library: &Library, format: Format) -> Result<(), Failure> {
    let client = Client::new(Limits::default());
    let reports = with_progress(urls.len(), format, |on_event| add_urls(urls, library, &client, PARALLEL, on_event))?;
    finish(&reports, library, format)
}

/// `gloss fetch`: pulls new items of every subscribed feed into the library.
pub fn fetch(feeds_path: &Path, library: &Library, format: Format) -> Result<(), Failure> {
    let subscriptions = Subscriptions::load(feeds_path).map_err(|e| Failure::Usage(e.to_string()))?;
    if subscriptions.feeds.is_empty() {
        return Err(Failure::Usage(format!(
            "no feeds to fetch: add one with `gloss feeds add URL` or `gloss feeds import FILE` ({})",
            feeds_path.display()
        )));
    }
    let client = Client::new(Limits::default());
    let feeds = &subscriptions.feeds;
    let reports =
        with_progress(feeds.len(), format, |on_event| fetch_feeds(feeds, library, &client, PARALLEL, on_event))?;
    finish(&reports, library, format)
}

/// Runs `work` with a progress bar on standard error when it is a terminal, printing a summary
/// line per URL as each finishes (text format).
fn with_progress(
    total: usize,
    format: Format,
    work: impl FnOnce(&mut dyn FnMut(Event<'_>)) -> Result<Vec<Report>, gloss_core::library::LibraryError>,
) -> Result<Vec<Report>, Failure> {
    let bar = if io::stderr().is_terminal() { ProgressBar::new(total as u64) } else { ProgressBar::hidden() };
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {wide_msg}")
            .map_or_else(|_| ProgressStyle::default_bar(), |style| style.progress_chars("=> ")),
    );
    let mut on_event = |event: Event<'_>| match event {
        Event::Started { url } => bar.set_message(terminal::inline(url).into_owned()),
        Event::Saved { .. } => {}
        Event::Finished { report, done, .. } => {
            bar.set_position(done as u64);
            if format == Format::Text {
                bar.suspend(|| say(&summary(report)));
            }
        }
    };
    let reports = work(&mut on_event).map_err(|e| Failure::Failed(e.to_string()));
    bar.finish_and_clear();
    reports
}

/// One line for one URL: what it is, and what came of it.
fn summary(report: &Report) -> String {
    let name = report.title.as_deref().map_or_else(|| report.url.clone(), |t| format!("{t} ({})", report.url));
    let name = terminal::inline(&name).into_owned();
    match &report.outcome {
        Outcome::NotModified => format!("{name}: not modified"),
        Outcome::Failed(why) => {
            // The reason names the URL too; the line already starts with it.
            let why = why.strip_prefix(&format!("{}: ", report.url)).unwrap_or(why);
            format!("{name}: failed: {}", terminal::inline(why))
        }
        Outcome::Fetched { new, updated, unchanged, duplicates, .. } => {
            let mut parts = vec![format!("{new} new")];
            if *updated > 0 {
                parts.push(format!("{updated} updated"));
            }
            if *unchanged > 0 {
                parts.push(format!("{unchanged} already kept"));
            }
            if *duplicates > 0 {
                parts.push(format!("{duplicates} duplicates"));
            }
            format!("{name}: {}", parts.join(", "))
        }
    }
}

/// The closing line (or the JSON report), and exit code 1 when any URL failed.
fn finish(reports: &[Report], library: &Library, format: Format) -> Result<(), Failure> {
    let count = |pick: fn(&Outcome) -> usize| reports.iter().map(|r| pick(&r.outcome)).sum::<usize>();
    let new = count(|o| if let Outcome::Fetched { new, .. } = o { *new } else { 0 });
    let updated = count(|o| if let Outcome::Fetched { updated, .. } = o { *updated } else { 0 });
    let failed: Vec<&Report> = reports.iter().filter(|r| matches!(r.outcome, Outcome::Failed(_))).collect();
    match format {
        Format::Json => say(&json_line(&json_report(reports, library, new, updated))?),
        Format::Text if new == 0 && updated == 0 => say(&format!("nothing new ({})", library.root().display())),
        Format::Text => say(&format!("{new} new, {updated} updated in {}", library.root().display())),
    }
    match failed.len() {
        0 => Ok(()),
        n => Err(Failure::Failed(format!("{n} of {} could not be fetched (see above)", reports.len()))),
    }
}

fn json_report(reports: &[Report], library: &Library, new: usize, updated: usize) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = reports
        .iter()
        .map(|report| {
            let mut row = serde_json::json!({ "url": report.url, "title": report.title });
            let fields = match &report.outcome {
                Outcome::NotModified => serde_json::json!({ "status": "not_modified" }),
                Outcome::Failed(why) => serde_json::json!({ "status": "failed", "error": why }),
                Outcome::Fetched { new, updated, unchanged, duplicates, .. } => serde_json::json!({
                    "status": "fetched", "new": new, "updated": updated, "unchanged": unchanged, "duplicates": duplicates,
                }),
            };
            if let (Some(row), serde_json::Value::Object(fields)) = (row.as_object_mut(), fields) {
                row.extend(fields);
            }
            row
        })
        .collect();
    serde_json::json!({ "library": library.root(), "new": new, "updated": updated, "urls": rows })
}

/// `gloss feeds ...`.
#[derive(Debug, Subcommand)]
pub enum FeedsCommand {
    /// Follow an RSS, Atom or JSON feed.
    Add {
        url: String,
        /// A name for the feed (its own title is used otherwise).
        #[arg(long)]
        title: Option<String>,
    },
    /// Follow every feed of an OPML file or of newsboat's `urls` file.
    Import { file: PathBuf },
    /// Print the feeds followed: URL and name.
    List {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// `gloss feeds add URL [--title NAME]`.
pub fn feeds_add(path: &Path, url: &str, title: Option<String>) -> Result<(), Failure> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(Failure::Usage(format!("{url}: a feed is an http:// or https:// address")));
    }
    let mut subscriptions = Subscriptions::load(path).map_err(|e| Failure::Usage(e.to_string()))?;
    let added = subscriptions.add(Subscription { url: url.to_owned(), title });
    if added {
        subscriptions.save(path).map_err(|e| Failure::Failed(e.to_string()))?;
        say(&format!(
            "following {} ({} feeds; `gloss fetch` fetches them)",
            terminal::inline(url),
            subscriptions.feeds.len()
        ));
    } else {
        say(&format!("already following {}", terminal::inline(url)));
    }
    Ok(())
}

/// `gloss feeds import FILE`: an OPML file or newsboat's `urls` file.
pub fn feeds_import(path: &Path, file: &Path) -> Result<(), Failure> {
    let found = subscriptions::import(file).map_err(|e| Failure::Usage(e.to_string()))?;
    let mut subscriptions = Subscriptions::load(path).map_err(|e| Failure::Usage(e.to_string()))?;
    let total = found.len();
    let added = found.into_iter().filter(|feed| subscriptions.add(feed.clone())).count();
    if added > 0 {
        subscriptions.save(path).map_err(|e| Failure::Failed(e.to_string()))?;
    }
    say(&format!("{added} feeds added, {} already followed, from {}", total - added, file.display()));
    Ok(())
}

/// `gloss feeds list`: one line per feed, URL then name.
pub fn feeds_list(path: &Path, format: Format) -> Result<(), Failure> {
    let subscriptions = Subscriptions::load(path).map_err(|e| Failure::Usage(e.to_string()))?;
    for feed in &subscriptions.feeds {
        match format {
            Format::Json => say(&json_line(&serde_json::json!({ "url": feed.url, "title": feed.title }))?),
            Format::Text => say(&format!(
                "{}\t{}",
                terminal::inline(&feed.url),
                terminal::inline(feed.title.as_deref().unwrap_or("-"))
            )),
        }
    }
    Ok(())
}

/// `value` as one line of JSON, inert (feed titles and errors come from the web).
fn json_line(value: &serde_json::Value) -> Result<String, Failure> {
    inert_json::to_string(value).map_err(|e| Failure::Failed(format!("cannot write the report as JSON: {e}")))
}

/// Prints one line of the report. A reader that went away (`| head`) is theirs to decide;
/// any other failure to write is said on standard error.
fn say(line: &dyn Display) {
    match writeln!(io::stdout().lock(), "{line}") {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => eprintln!("gloss: cannot write the report: {error}"),
        _ => {}
    }
}
