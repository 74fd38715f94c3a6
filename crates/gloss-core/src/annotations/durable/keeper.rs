//! The keeper: a thread that owns the store on disk. The front end hands it each edit's
//! changed records and gets back, for each, when it is on disk (milliseconds later); folding
//! into the store file runs on a thread of its own, so no edit ever waits for it.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use super::{Absorb, Durable, FoldError, FoldReady, Folded};
use crate::annotations::store::ArticleRecord;

/// Folding starts once no edit came for this long.
const FOLD_WHEN_IDLE: Duration = Duration::from_millis(500);
/// Or once the journal is this big, edits or not.
const FOLD_WHEN_BIGGER: u64 = 8 << 20;
/// How often the keeper looks at the store file and retries what failed.
const LOOK_EVERY: Duration = Duration::from_secs(1);

/// What the keeper tells the front end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    /// Every edit up to this number is on disk.
    Durable(u64),
    /// Edits could not be written (the journal failed); they are kept and retried.
    Failed(String),
    /// The store file could not be brought up to date; the edits are safe in the journal.
    Blocked(String),
    /// The store file is up to date again after being blocked.
    Unblocked,
    /// The store file was changed elsewhere and merged: records for the session to take in.
    Merged { absorbs: Vec<Absorb>, conflicts: usize },
}

enum Command {
    Record { number: u64, records: Changed },
    Look,
    Flush(Sender<()>),
    Finish(Sender<Result<(), String>>),
    Folded(Box<Result<FoldReady, FoldError>>),
}

/// An edit's changed records by article id (`None`: the record is gone).
pub type Changed = Vec<(String, Option<ArticleRecord>)>;

/// A handle on the keeper's thread; clones share it.
#[derive(Debug, Clone)]
pub struct Keeper {
    commands: Sender<Command>,
}

/// The keeper is gone (it ends only on [`Keeper::finish`] or by a bug).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the store's keeper stopped, so changes can no longer be saved; quit and restart gloss")]
pub struct KeeperStopped;

impl std::fmt::Debug for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Record { .. } => "Record",
            Self::Look => "Look",
            Self::Flush(_) => "Flush",
            Self::Finish(_) => "Finish",
            Self::Folded(_) => "Folded",
        })
    }
}

impl Keeper {
    /// Starts the keeper of `durable`, telling `report` what happens.
    pub fn start(durable: Durable, report: impl Fn(Report) + Send + 'static) -> Self {
        let (commands, receiver) = mpsc::channel();
        let looker = commands.clone();
        let watcher = super::watch::watch(durable.path(), move || {
            // The keeper is gone only when gloss is quitting.
            let _gone = looker.send(Command::Look);
        });
        let folds = commands.clone();
        thread::spawn(move || {
            let _watching = watcher;
            Worker { durable, report: Box::new(report), folds, folding: false, blocked: None, last_edit: None }
                .run(&receiver);
        });
        Self { commands }
    }

    /// Hands over edit `number`'s changed records (`None`: the record is gone).
    pub fn record(&self, number: u64, records: Changed) -> Result<(), KeeperStopped> {
        self.commands.send(Command::Record { number, records }).map_err(|_| KeeperStopped)
    }

    /// Waits until everything handed over so far has been dealt with (on disk, or reported
    /// failed), or `timeout` passes.
    pub fn flush(&self, timeout: Duration) -> Result<(), KeeperStopped> {
        let (reply, answer) = mpsc::channel();
        self.commands.send(Command::Flush(reply)).map_err(|_| KeeperStopped)?;
        answer.recv_timeout(timeout).map_err(|_| KeeperStopped)
    }

    /// Brings the store file up to date, removes the journal and releases the lock; the
    /// keeper ends. An error says why the store file could not be written (the edits are
    /// then in the journal, for the next start).
    pub fn finish(&self, timeout: Duration) -> Result<(), String> {
        let (reply, answer) = mpsc::channel();
        self.commands.send(Command::Finish(reply)).map_err(|_| KeeperStopped.to_string())?;
        answer.recv_timeout(timeout).map_err(|_| "writing the store is taking too long".to_owned())?
    }
}

struct Worker {
    durable: Durable,
    report: Box<dyn Fn(Report) + Send>,
    folds: Sender<Command>,
    folding: bool,
    /// Why the store file could not be written, while it cannot.
    blocked: Option<String>,
    last_edit: Option<Instant>,
}

impl Worker {
    fn run(mut self, receiver: &Receiver<Command>) {
        loop {
            let command = match receiver.recv_timeout(self.wait()) {
                Ok(command) => Some(command),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return self.finish(None),
            };
            let mut edits = Vec::new();
            for command in command.into_iter().chain(receiver.try_iter()) {
                match command {
                    Command::Record { number, records } => edits.push((number, records)),
                    Command::Look => {}
                    Command::Flush(reply) => {
                        self.record(std::mem::take(&mut edits));
                        // Whoever asked may have stopped waiting.
                        let _gone = reply.send(());
                    }
                    Command::Finish(reply) => {
                        self.record(std::mem::take(&mut edits));
                        return self.finish(Some(reply));
                    }
                    Command::Folded(result) => self.folded(*result),
                }
            }
            self.record(edits);
            self.maybe_fold();
        }
    }

    fn wait(&self) -> Duration {
        match self.last_edit {
            Some(at) if self.durable.has_unfolded() => {
                FOLD_WHEN_IDLE.saturating_sub(at.elapsed()).max(Duration::from_millis(1))
            }
            _ => LOOK_EVERY,
        }
    }

    /// Writes the edits to the journal (group commit: one sync for all waiting) and says so.
    fn record(&mut self, edits: Vec<(u64, Changed)>) {
        let Some(last) = edits.last().map(|(number, _)| *number) else {
            if let Err(error) = self.durable.write_waiting() {
                (self.report)(Report::Failed(error.to_string()));
            }
            return;
        };
        let records = edits.into_iter().flat_map(|(_, records)| records).collect();
        self.last_edit = Some(Instant::now());
        match self.durable.record(records) {
            Ok(()) => (self.report)(Report::Durable(last)),
            Err(error) => (self.report)(Report::Failed(error.to_string())),
        }
    }

    /// Starts folding on a thread of its own when it is due.
    fn maybe_fold(&mut self) {
        if self.folding {
            return;
        }
        let idle = self.last_edit.is_none_or(|at| at.elapsed() >= FOLD_WHEN_IDLE);
        let due = self.durable.has_unfolded() && (idle || self.durable.journal_len() > FOLD_WHEN_BIGGER);
        let changed = self.durable.changed_on_disk();
        if !(due || changed)
            || (self.blocked.is_some() && !changed && self.last_edit.is_some_and(|at| at.elapsed() < LOOK_EVERY))
        {
            return;
        }
        let Some(job) = self.durable.begin_fold() else { return };
        self.folding = true;
        let folds = self.folds.clone();
        thread::spawn(move || {
            // The keeper is gone only when gloss is quitting.
            let _gone = folds.send(Command::Folded(Box::new(job.run())));
        });
    }

    fn folded(&mut self, result: Result<FoldReady, FoldError>) {
        self.folding = false;
        match result.and_then(|ready| self.durable.finish_fold(ready)) {
            Ok(folded) => self.tell(folded),
            Err(error) => {
                let message = error.to_string();
                if self.blocked.as_ref() != Some(&message) {
                    (self.report)(Report::Blocked(message.clone()));
                }
                self.blocked = Some(message);
            }
        }
    }

    fn tell(&mut self, folded: Folded) {
        if self.blocked.take().is_some() {
            (self.report)(Report::Unblocked);
        }
        if !folded.absorbs.is_empty() {
            (self.report)(Report::Merged { absorbs: folded.absorbs, conflicts: folded.conflicts });
        }
    }

    /// The last fold, on this thread, then the journal is removed and the lock let go.
    /// A fold still in flight is left to end on its own: its new file is thrown away unused.
    fn finish(self, reply: Option<Sender<Result<(), String>>>) {
        let result = self.durable.close().map(|_| ()).map_err(|e| e.to_string());
        if let Some(reply) = reply {
            let _gone = reply.send(result);
        }
    }
}
