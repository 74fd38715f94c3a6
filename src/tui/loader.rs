//! Reading the corpus in the background: the first articles as soon as the walk of the folders
//! finds them, so the first screen has its list before the walk ends, then the rest on every
//! core in batches of a screen's worth of time.

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::{Duration, Instant};

use super::update::Msg;
use gloss_core::corpus::{self, Found, Source};

/// How often the loader hands a batch of articles to the screen at most.
const BATCH_INTERVAL: Duration = Duration::from_millis(40);

/// Files read before the first batch goes out: enough for a screenful of rows.
const FIRST_FILES: usize = 32;

/// Files read on every core between two looks at the clock.
const CHUNK: usize = 256;

/// Starts reading `paths` on a thread of its own, sending what it reads to `sender`.
pub fn spawn(paths: Vec<PathBuf>, sender: Sender<Msg>) {
    thread::spawn(move || load(&paths, &mut |msg| sender.send(msg).is_ok()));
}

/// Reads `paths`, passing batches of articles to `send` (which says whether anyone is still
/// listening): the first [`FIRST_FILES`] as soon as the walk has found and read them (with
/// `expected` 0, the count not known yet), then one batch at most every [`BATCH_INTERVAL`],
/// and `LoadFinished` at the end. Articles come in the order [`corpus::discover`] lists them.
pub fn load(paths: &[PathBuf], send: &mut dyn FnMut(Msg) -> bool) {
    let mut batch = Batch::default();
    let mut found = Vec::new();
    let mut listening = true;
    let mut first_sent = false;
    corpus::discover_each(paths, &mut |item| match item {
        Found::Problem(problem) => batch.problems.push(problem),
        Found::Source(source) => {
            found.push(source);
            if !first_sent && found.len() == FIRST_FILES && listening {
                batch.read(&found);
                listening = send(batch.take(0));
                first_sent = true;
            }
        }
    });
    if listening {
        let rest = if first_sent { &found[FIRST_FILES..] } else { &found[..] };
        send_rest(rest, found.len(), batch, send);
    }
}

/// Reads `rest` in chunks, sending a batch at most every [`BATCH_INTERVAL`] (and at once when
/// nothing was sent yet), then the last batch and `LoadFinished`.
fn send_rest(rest: &[Source], expected: usize, mut batch: Batch, send: &mut dyn FnMut(Msg) -> bool) {
    let mut last_sent = Instant::now();
    for chunk in rest.chunks(CHUNK) {
        batch.read(chunk);
        if last_sent.elapsed() >= BATCH_INTERVAL {
            if !send(batch.take(expected)) {
                return;
            }
            last_sent = Instant::now();
        }
    }
    if send(batch.take(expected)) {
        send(Msg::LoadFinished);
    }
}

/// What has been read since the last batch went out.
#[derive(Default)]
struct Batch {
    articles: Vec<gloss_core::corpus::Article>,
    problems: Vec<corpus::Problem>,
}

impl Batch {
    /// Reads `sources` on every core, in order.
    fn read(&mut self, sources: &[Source]) {
        for loaded in corpus::load_many(sources) {
            match loaded {
                Ok(articles) => self.articles.extend(articles),
                Err(problem) => self.problems.push(problem),
            }
        }
    }

    fn take(&mut self, expected: usize) -> Msg {
        Msg::Loaded {
            articles: std::mem::take(&mut self.articles),
            problems: std::mem::take(&mut self.problems),
            expected,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_batch_goes_out_alone_and_every_file_once_in_order() {
        let folder = tempfile::tempdir().unwrap();
        for i in 0..100 {
            std::fs::write(folder.path().join(format!("{i:03}.txt")), format!("Title {i}\n\nBody {i}.\n")).unwrap();
        }
        std::fs::write(folder.path().join("empty.txt"), "").unwrap();
        let mut messages = Vec::new();
        load(&[folder.path().to_path_buf()], &mut |msg| {
            messages.push(msg);
            true
        });
        let Some(Msg::Loaded { articles, expected, .. }) = messages.first() else { panic!("no first batch") };
        assert_eq!((articles.len(), *expected), (FIRST_FILES, 0), "before the walk ends");
        assert!(matches!(messages.last(), Some(Msg::LoadFinished)));
        let mut titles = Vec::new();
        let mut problems = 0;
        for msg in &messages {
            if let Msg::Loaded { articles, problems: found, .. } = msg {
                titles.extend(articles.iter().map(|a| a.title().to_owned()));
                problems += found.len();
            }
        }
        assert_eq!(titles, (0..100).map(|i| format!("Title {i}")).collect::<Vec<_>>());
        assert_eq!(problems, 1, "the empty file");
    }

    #[test]
    fn fewer_files_than_a_screenful_go_out_once_with_their_count() {
        let folder = tempfile::tempdir().unwrap();
        for i in 0..3 {
            std::fs::write(folder.path().join(format!("{i}.md")), format!("# Title {i}\n\nBody.\n")).unwrap();
        }
        let mut messages = Vec::new();
        load(&[folder.path().to_path_buf()], &mut |msg| {
            messages.push(msg);
            true
        });
        let Some(Msg::Loaded { expected, .. }) = messages.first() else { panic!("no first batch") };
        assert_eq!(*expected, 3, "the walk ended before anything went out");
        let read: usize =
            messages.iter().map(|msg| if let Msg::Loaded { articles, .. } = msg { articles.len() } else { 0 }).sum();
        assert_eq!(read, 3);
        assert!(matches!(messages.last(), Some(Msg::LoadFinished)));
    }

    #[test]
    fn stops_when_nobody_listens() {
        let mut sent = 0;
        load(&[], &mut |_| {
            sent += 1;
            false
        });
        assert_eq!(sent, 1);
    }
}
