//! Saving off the UI thread: the newest store is written as soon as it arrives, writes that
//! fail are retried, and anyone can wait until everything sent so far is on disk.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use super::store::Store;

/// How long a failed save waits before trying again (sooner if another change arrives).
const RETRY: Duration = Duration::from_secs(2);

/// What happened to a save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveReport {
    Saved,
    /// The write failed; the store is kept in memory and retried.
    Failed(String),
}

enum Command {
    Save(Box<Store>),
    /// Reply once everything sent before is written: `Ok`, or the error that keeps it unwritten.
    Flush(Sender<Result<(), String>>),
}

/// The saving thread is gone (it can only end by a bug), so nothing more will be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the saver stopped, so changes can no longer be saved; quit and restart gloss")]
pub struct SaverStopped;

/// A handle on the saving thread; clones share it.
#[derive(Debug, Clone)]
pub struct Saver {
    commands: Sender<Command>,
}

impl std::fmt::Debug for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Save(_) => "Save",
            Self::Flush(_) => "Flush",
        })
    }
}

impl Saver {
    /// Starts the thread that writes stores to `path`, telling `report` how each write went.
    pub fn start(path: PathBuf, report: impl Fn(SaveReport) + Send + 'static) -> Self {
        let (commands, receiver) = mpsc::channel();
        thread::spawn(move || run(&path, &receiver, &report));
        Self { commands }
    }

    /// Saves `store` soon; only the newest of several waiting stores is written. Fails only
    /// when the saving thread has stopped, so the store would never be written.
    pub fn save(&self, store: Store) -> Result<(), SaverStopped> {
        self.commands.send(Command::Save(Box::new(store))).map_err(|_| SaverStopped)
    }

    /// Waits until every store sent so far is written, or `timeout` passes.
    pub fn flush(&self, timeout: Duration) -> Result<(), String> {
        let (reply, answer) = mpsc::channel();
        self.commands.send(Command::Flush(reply)).map_err(|_| SaverStopped.to_string())?;
        answer.recv_timeout(timeout).map_err(|_| "saving is taking too long".to_owned())?
    }
}

fn run(path: &std::path::Path, receiver: &Receiver<Command>, report: &dyn Fn(SaveReport)) {
    let mut pending: Option<Box<Store>> = None;
    let mut last_error: Option<String> = None;
    loop {
        let first = if pending.is_some() {
            match receiver.recv_timeout(RETRY) {
                Ok(command) => Some(command),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return finish(path, pending, report),
            }
        } else {
            match receiver.recv() {
                Ok(command) => Some(command),
                Err(_) => return,
            }
        };
        // Take everything waiting: the newest store wins; flushes are answered after writing.
        let mut flushes = Vec::new();
        for command in first.into_iter().chain(receiver.try_iter()) {
            match command {
                Command::Save(store) => pending = Some(store),
                Command::Flush(reply) => flushes.push(reply),
            }
        }
        if let Some(store) = pending.take() {
            match store.save(path) {
                Ok(()) => {
                    last_error = None;
                    report(SaveReport::Saved);
                }
                Err(error) => {
                    let message = error.to_string();
                    report(SaveReport::Failed(message.clone()));
                    last_error = Some(message);
                    pending = Some(store);
                }
            }
        }
        for reply in flushes {
            // A flush that gave up waiting has dropped its receiver; nobody is left to tell.
            let _ = reply.send(last_error.clone().map_or(Ok(()), Err));
        }
    }
}

/// The last try when every handle is gone.
fn finish(path: &std::path::Path, pending: Option<Box<Store>>, report: &dyn Fn(SaveReport)) {
    if let Some(store) = pending {
        report(match store.save(path) {
            Ok(()) => SaveReport::Saved,
            Err(error) => SaveReport::Failed(error.to_string()),
        });
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::annotations::store::ArticleRecord;

    fn store(note: &str) -> Store {
        let mut store = Store::default();
        store.articles.insert("a".into(), ArticleRecord { note: note.into(), ..ArticleRecord::default() });
        store
    }

    #[test]
    fn saves_the_newest_and_flush_waits_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.ron");
        let saver = Saver::start(path.clone(), |_| {});
        for n in 0..50 {
            saver.save(store(&n.to_string())).unwrap();
        }
        saver.flush(Duration::from_secs(5)).unwrap();
        assert_eq!(Store::load(&path).unwrap().articles["a"].note, "49");
    }

    #[test]
    fn a_failed_save_is_reported_kept_and_retried() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("blocked");
        std::fs::write(&blocked, "not a folder").unwrap();
        let path = blocked.join("annotations.ron");
        let reports = Arc::new(Mutex::new(Vec::new()));
        let seen = reports.clone();
        let saver = Saver::start(path.clone(), move |r| seen.lock().unwrap().push(r));
        saver.save(store("kept")).unwrap();
        let error = saver.flush(Duration::from_secs(5)).unwrap_err();
        assert!(error.contains("cannot write"), "{error}");
        assert!(matches!(reports.lock().unwrap()[0], SaveReport::Failed(_)));
        // The disk comes back: the next try writes what was kept.
        std::fs::remove_file(&blocked).unwrap();
        saver.save(store("kept, then more")).unwrap();
        saver.flush(Duration::from_secs(5)).unwrap();
        assert_eq!(Store::load(&path).unwrap().articles["a"].note, "kept, then more");
    }
}
