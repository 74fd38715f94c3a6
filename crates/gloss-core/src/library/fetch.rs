//! Fetching many pages or feeds into the library: downloads in parallel (with a limit), each
//! read and saved as it lands, one report per URL; one failing URL never stops the others.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

use super::http::{Client, Download, Fetched, Validators};
use super::index::{Index, Saved};
use super::snapshot::Snapshot;
use super::{Library, LibraryError};
use crate::corpus::{Format, read_documents};

/// A page or feed to fetch, with what its server said last time (for conditional GET).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub url: String,
    /// The analyst's name for a feed, the source of its items when the feed has no title.
    pub title: Option<String>,
    pub validators: Option<Validators>,
}

/// What happened to one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    New,
    Updated,
    Unchanged,
    Duplicate,
}

/// How fetching one URL went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// 304: nothing changed since last time.
    NotModified,
    /// Read and saved; counts per [`Change`], and the validators to send next time.
    Fetched { new: usize, updated: usize, unchanged: usize, duplicates: usize, validators: Validators },
    /// Why nothing was saved from this URL (earlier snapshots are kept).
    Failed(String),
}

/// One line of the fetch report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub url: String,
    /// The feed's or page's title, when it was read.
    pub title: Option<String>,
    pub outcome: Outcome,
}

/// Progress, as it happens, for a progress bar or a list that grows.
#[derive(Debug)]
pub enum Event<'a> {
    Started { url: &'a str },
    Saved { url: &'a str, path: &'a Path, change: Change },
    Finished { report: &'a Report, done: usize, total: usize },
}

/// A download read into snapshots, or why it could not be.
type Read = Result<Option<(Option<String>, Vec<Snapshot>, Validators)>, String>;

enum Message {
    Started(usize),
    Done(usize, Read),
}

/// Fetches every target, at most `parallel` at a time, saving what they hold into `library`
/// as each one lands. Reports come back in the targets' order.
pub fn fetch_all(
    targets: &[Target],
    library: &Library,
    client: &Client,
    parallel: usize,
    on_event: &mut dyn FnMut(Event<'_>),
) -> Result<Vec<Report>, LibraryError> {
    let mut index = Index::read(library)?;
    let fetched_at = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    let next = AtomicUsize::new(0);
    let mut reports: Vec<Option<Report>> = vec![None; targets.len()];
    thread::scope(|scope| {
        let (sender, receiver) = mpsc::channel();
        for _ in 0..parallel.clamp(1, targets.len().max(1)) {
            let (sender, next, fetched_at) = (sender.clone(), &next, fetched_at.as_str());
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(target) = targets.get(i) else { return };
                    // The receiver lives until every worker is done; a failed send means it is gone.
                    if sender.send(Message::Started(i)).is_err() {
                        return;
                    }
                    if sender.send(Message::Done(i, fetch_one(client, target, fetched_at))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        let mut done = 0;
        for message in receiver {
            match message {
                Message::Started(i) => on_event(Event::Started { url: &targets[i].url }),
                Message::Done(i, read) => {
                    let report = save(&mut index, library, &targets[i], read, on_event);
                    done += 1;
                    on_event(Event::Finished { report: &report, done, total: targets.len() });
                    reports[i] = Some(report);
                }
            }
        }
    });
    Ok(reports.into_iter().zip(targets).map(|(r, t)| r.unwrap_or_else(|| failed(t, "not fetched"))).collect())
}

fn failed(target: &Target, why: &str) -> Report {
    Report { url: target.url.clone(), title: target.title.clone(), outcome: Outcome::Failed(why.to_owned()) }
}

/// Downloads and reads one target, off the main thread.
fn fetch_one(client: &Client, target: &Target, fetched_at: &str) -> Read {
    match client.get(&target.url, target.validators.as_ref()).map_err(|e| e.to_string())? {
        Fetched::NotModified => Ok(None),
        Fetched::Body(download) => {
            let (title, snapshots) = snapshots_of(&download, target, fetched_at)?;
            Ok(Some((title, snapshots, download.validators)))
        }
    }
}

/// The snapshots a download holds: one for a page, one per item for a feed.
fn snapshots_of(
    download: &Download,
    target: &Target,
    fetched_at: &str,
) -> Result<(Option<String>, Vec<Snapshot>), String> {
    let url = &target.url;
    let Some(format) = Format::from_content_type(download.content_type.as_deref(), &download.body) else {
        let kind = download.content_type.as_deref().unwrap_or("no content type");
        return Err(format!("{url}: the server sent {kind}, which is not a web page or a feed"));
    };
    let read = read_documents(&download.body, format, Some(&download.url)).map_err(|e| format!("{url}: {e}"))?;
    let is_feed = format == Format::Feed;
    let mut title = None;
    let snapshots = read
        .into_iter()
        .map(|mut item| {
            let metadata = &mut item.document.metadata;
            if is_feed {
                title.clone_from(&metadata.source);
                metadata.source = metadata.source.take().or_else(|| target.title.clone());
            } else {
                metadata.url = metadata.url.take().or_else(|| Some(download.url.clone()));
                title = item.document.title().map(str::to_owned);
            }
            let feed = is_feed.then(|| url.clone());
            Snapshot { document: item.document, guid: item.guid, feed, fetched: fetched_at.to_owned() }
        })
        .collect();
    Ok((title, snapshots))
}

/// Saves what one target gave, on the main thread, and says how it went.
fn save(
    index: &mut Index,
    library: &Library,
    target: &Target,
    read: Read,
    on_event: &mut dyn FnMut(Event<'_>),
) -> Report {
    let (title, snapshots, validators) = match read {
        Err(why) => return failed(target, &why),
        Ok(None) => {
            return Report { url: target.url.clone(), title: target.title.clone(), outcome: Outcome::NotModified };
        }
        Ok(Some(read)) => read,
    };
    let (mut new, mut updated, mut unchanged, mut duplicates) = (0, 0, 0, 0);
    for snapshot in &snapshots {
        let saved = match index.save(library, snapshot) {
            Ok(saved) => saved,
            Err(error) => return failed(target, &error.to_string()),
        };
        let (change, path): (Change, PathBuf) = match saved {
            Saved::New(path) => (Change::New, path),
            Saved::Updated(path) => (Change::Updated, path),
            Saved::Unchanged(path) => (Change::Unchanged, path),
            Saved::Duplicate(path) => (Change::Duplicate, path),
        };
        *match change {
            Change::New => &mut new,
            Change::Updated => &mut updated,
            Change::Unchanged => &mut unchanged,
            Change::Duplicate => &mut duplicates,
        } += 1;
        on_event(Event::Saved { url: &target.url, path: &path, change });
    }
    let title = title.or_else(|| target.title.clone());
    Report {
        url: target.url.clone(),
        title,
        outcome: Outcome::Fetched { new, updated, unchanged, duplicates, validators },
    }
}

#[cfg(test)]
mod tests;
