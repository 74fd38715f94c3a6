//! Killing gloss's saver at random moments never leaves a store that does not parse, nor one
//! missing a save that had completed.
//!
//! The test runs itself again as a child process that saves a store in a loop and reports each
//! completed save on stdout; the parent kills it at a random moment and reads the store back.
//! The child's part is an ignored test (it never ends), run by the parent with `--ignored`.

#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use gloss_core::annotations::{ArticleRecord, Saver, Store};

const CHILD: &str = "GLOSS_CRASH_CHILD";

/// The child's work: save forever to the file `GLOSS_CRASH_CHILD` names, saying after each
/// save that it is on disk.
#[test]
#[ignore = "the child of a_store_survives_being_killed_mid_save, which runs it; it never ends"]
fn saving_in_a_loop() {
    let path = std::env::var_os(CHILD)
        .expect("GLOSS_CRASH_CHILD names the store to save to: run a_store_survives_being_killed_mid_save instead");
    let saver = Saver::start(path.into(), |_| {});
    for n in 1u64.. {
        let mut store = Store::default();
        let note = format!("save {n} {}", "x".repeat(usize::try_from(n % 4096).unwrap()));
        store.articles.insert("article".into(), ArticleRecord { note, read: true, ..ArticleRecord::default() });
        saver.save(store).unwrap();
        saver.flush(Duration::from_secs(10)).unwrap();
        println!("saved {n}");
    }
}

/// The number in the store's note, which must parse.
fn saved_number(path: &Path) -> u64 {
    let store = Store::load(path).unwrap_or_else(|e| panic!("the store does not parse after a crash: {e}"));
    let note = &store.articles["article"].note;
    note.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn a_store_survives_being_killed_mid_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut total = 0;
    let mut seed = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().subsec_nanos();
    for round in 0..16 {
        // A different moment each round: 5 to 80 ms after the child starts, or, every other
        // round, after its first save, so that every run kills some saves under way however
        // slowly a busy machine starts the child.
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let wait = Duration::from_millis(5 + u64::from(seed % 75));
        let path = dir.path().join(format!("annotations-{round}.ron"));
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "saving_in_a_loop", "--ignored", "--nocapture", "--test-threads=1"])
            .env(CHILD, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (first_save, saved_once) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut last = 0;
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                // The first report shares its line with the test runner's `test … ` prefix.
                if let Some((_, n)) = line.rsplit_once("saved ") {
                    if last == 0 {
                        first_save.send(()).unwrap();
                    }
                    last = n.trim().parse().unwrap_or(last);
                }
            }
            last
        });
        if round % 2 == 1 {
            saved_once.recv_timeout(Duration::from_secs(120)).expect("the child saves within two minutes");
        }
        let started = Instant::now();
        while started.elapsed() < wait {
            std::thread::sleep(Duration::from_millis(1));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let acknowledged = reader.join().unwrap();
        total += acknowledged;
        if path.exists() {
            let saved = saved_number(&path);
            assert!(saved >= acknowledged, "round {round}: save {acknowledged} completed, but the store holds {saved}");
        } else {
            assert_eq!(acknowledged, 0, "round {round}: saves completed but no store");
        }
    }
    assert!(total > 0, "the child never completed a save: the test tested nothing");
}
