//! Carrying out `update`'s effects: the work itself, and running it off the UI thread.
//!
//! Each effect's work is a plain function from the effect to the messages it produces, so tests
//! run it in place and the event loop runs it on a thread.

use std::sync::mpsc::Sender;
use std::thread;

use super::update::{Effect, ExportJob, Exported, Msg};
use gloss_core::annotations::durable::Report;
use gloss_core::annotations::session::PlaceJob;
use gloss_core::entities::{Recognizer, entities_of};
use gloss_core::export::{self, Export};

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
        Effect::Index { recognizer, generation, articles } => {
            for batch in articles.chunks(INDEX_BATCH) {
                let entries =
                    batch.iter().map(|(i, article)| (*i, entities_of(&recognizer.recognize(article)))).collect();
                send(Msg::Indexed { generation, entries });
            }
        }
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
    }
    false
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
