//! Carrying out `update`'s effects: the work itself, and running it off the UI thread.
//!
//! Each effect's work is a plain function from the effect to the messages it produces, so tests
//! run it in place and the event loop runs it on a thread.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::Sender;
use std::thread;

use super::popup::OnDisk;
use super::reader::SYNC_LIMIT;
use super::update::{Effect, ExportJob, Exported, Msg};
use gloss_core::annotations::durable::Report;
use gloss_core::annotations::session::PlaceJob;
use gloss_core::corpus::{self, Article, Format, Source};
use gloss_core::entities::{Mention, Recognizer, entities_of};
use gloss_core::export::{self, Export};
use gloss_core::library::http::{Client, Limits};
use gloss_core::library::subscriptions::Subscriptions;
use gloss_core::library::{self, Change, Event, Library, Outcome};
use rayon::prelude::*;

/// Feeds fetched at once from the reader.
const FETCH_PARALLEL: usize = 4;

/// Articles indexed between two reports to the screen.
const INDEX_BATCH: usize = 64;

/// Runs `effect` now, on this thread, passing each message it produces to `send`; returns
/// whether the app should quit.
pub fn run_now(effect: Effect, send: &mut dyn FnMut(Msg)) -> bool {
    match effect {
        Effect::Quit => return true,
        Effect::BuildRecognizer { user, generation } => send(match Recognizer::with_user(&user) {
            Ok(recognizer) => Msg::RecognizerReady { recognizer: recognizer.into(), generation },
            Err(error) => Msg::RecognizerFailed(error.to_string()),
        }),
        Effect::Index { recognizer, generation, articles, wanted } => {
            for batch in articles.chunks(INDEX_BATCH) {
                if wanted.load(Ordering::Relaxed) != generation {
                    break;
                }
                send(index(&recognizer, generation, batch));
            }
        }
        Effect::Prepare(preparation) => send(Msg::Prepared(Box::new(preparation.run()))),
        Effect::SaveUserGazetteer { user, path } => {
            send(Msg::UserGazetteerSaved(user.save(&path).map(|()| path).map_err(|e| e.to_string())));
        }
        Effect::PlaceClaims(jobs) => send(Msg::ClaimsPlaced(jobs.into_iter().map(PlaceJob::run).collect())),
        Effect::Record { keeper, number, records } => {
            if let Err(stopped) = keeper.record(number, records) {
                send(Msg::Store(Report::Failed(stopped.to_string())));
            }
        }
        Effect::Export(job) => send(Msg::Exported(write_export(*job))),
        Effect::CountExport(job) => send(Msg::ExportCounted { asked: job.asked, tally: job.count() }),
        Effect::LookAtExportTarget { asked, path } => {
            send(Msg::ExportTargetFound { asked, on_disk: look_at(&path) });
        }
        Effect::FetchFeeds { subscriptions, library } => {
            let result = fetch_feeds(&subscriptions, &library, send);
            send(Msg::FeedsFetched(result));
        }
        Effect::SearchCorpus(job) => job.run(send),
    }
    false
}

/// The entities of a batch of articles, recognised on every core; with the mentions of the
/// long ones, which the reader would take long to find again.
fn index(recognizer: &Recognizer, generation: u64, batch: &[(usize, Arc<Article>)]) -> Msg {
    let found: Vec<(usize, bool, Vec<Mention>)> = batch
        .par_iter()
        .map(|(i, article)| (*i, article.text().len() > SYNC_LIMIT, recognizer.recognize(article)))
        .collect();
    let mut entries = Vec::with_capacity(found.len());
    let mut long = Vec::new();
    for (index, is_long, mentions) in found {
        entries.push((index, entities_of(&mentions)));
        if is_long {
            long.push((index, mentions.into()));
        }
    }
    Msg::Indexed { generation, entries, long }
}

/// What is at `path`: a file, a folder, nothing, or why it cannot be told.
fn look_at(path: &Path) -> OnDisk {
    match std::fs::metadata(path) {
        Ok(found) if found.is_dir() => OnDisk::Folder,
        Ok(_) => OnDisk::File,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => OnDisk::Nothing,
        Err(error) => OnDisk::Unreachable(format!("cannot look at {}: {error}", path.display())),
    }
}

/// Fetches every followed feed, sending progress and each article that lands; gives the
/// failures, one line each, or why nothing could be fetched.
fn fetch_feeds(subscriptions: &Path, library: &Library, send: &mut dyn FnMut(Msg)) -> Result<Vec<String>, String> {
    let followed = Subscriptions::load(subscriptions).map_err(|e| e.to_string())?;
    if followed.feeds.is_empty() {
        return Err(format!("no feeds to fetch: add some with `gloss feeds add URL` ({})", subscriptions.display()));
    }
    let client = Client::new(Limits::default());
    let mut unreadable = Vec::new();
    let reports = library::fetch_feeds(&followed.feeds, library, &client, FETCH_PARALLEL, &mut |event| match event {
        Event::Finished { done, total, .. } => send(Msg::FeedDone { done, total }),
        Event::Saved { path, change: change @ (Change::New | Change::Updated), .. } => {
            let source = Source::File { path: path.to_path_buf(), format: Format::Markdown };
            match corpus::load(&source) {
                Ok(articles) => {
                    for article in articles {
                        send(Msg::Fetched { article: Box::new(article), updated: change == Change::Updated });
                    }
                }
                Err(problem) => unreadable.push(problem.to_string()),
            }
        }
        Event::Saved { .. } | Event::Started { .. } => {}
    })
    .map_err(|e| e.to_string())?;
    let failed = reports.into_iter().filter_map(|r| match r.outcome {
        Outcome::Failed(why) => Some(why),
        _ => None,
    });
    Ok(failed.chain(unreadable).collect())
}

/// Gathers and writes an export; the file is replaced atomically, so a failure leaves any
/// earlier file as it was.
fn write_export(job: ExportJob) -> Result<Exported, String> {
    if job.path.is_dir() {
        return Err(format!("{} is a folder: give a file name", job.path.display()));
    }
    let recognizer = match job.recognizer {
        Some(recognizer) => recognizer,
        None => Recognizer::with_user(&job.user).map_err(|e| format!("gazetteer: {e}"))?.into(),
    };
    let gathered = export::gather(&job.articles, &job.store, Some(&recognizer), &job.filter);
    let tally = Export::new(job.corpus, Some(job.date), gathered)
        .write_to(&job.path, job.format, &job.vocabulary)
        .map_err(|e| e.to_string())?;
    Ok(Exported { path: job.path, tally })
}

/// Runs effects off the UI thread: handing edits to the keeper at once (it is quick, and
/// keeps their order), everything else on a thread of its own.
pub struct Executor {
    sender: Sender<Msg>,
}

impl Executor {
    pub fn new(sender: Sender<Msg>) -> Self {
        Self { sender }
    }

    /// Carries out `effect`; returns whether the app should quit.
    pub fn run(&mut self, effect: Effect) -> bool {
        match effect {
            Effect::Quit => return true,
            record @ Effect::Record { .. } => {
                let sender = self.sender.clone();
                run_now(record, &mut |msg| {
                    // The loop is gone only when gloss is quitting; nobody is left to tell.
                    let _gone = sender.send(msg);
                });
            }
            other => {
                let sender = self.sender.clone();
                thread::spawn(move || {
                    run_now(other, &mut |msg| {
                        // The loop is gone only when gloss is quitting; nobody is left to tell.
                        let _gone = sender.send(msg);
                    })
                });
            }
        }
        false
    }
}
