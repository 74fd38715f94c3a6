//! Killing gloss's saver at random moments never leaves a store that does not parse, nor one
//! missing a save that had completed.
//!
//! The test runs itself again as a child process (`GLOSS_CRASH_CHILD` set) that saves a store
//! in a loop and reports each completed save on stdout; the parent kills it at a random moment
//! and reads the store back.

#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use gloss_core::annotations::{ArticleRecord, Saver, Store};

const CHILD: &str = "GLOSS_CRASH_CHILD";

/// The child's work: save forever, saying after each save that it is on disk.
#[test]
fn saving_in_a_loop() {
    let Some(path) = std::env::var_os(CHILD) else { return };
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
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut total = 0;
    let mut seed = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().subsec_nanos();
    for round in 0..16 {
        // A different moment each round: after 5 to 80 ms of saving.
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let wait = Duration::from_millis(5 + u64::from(seed % 75));
        let path = dir.path().join(format!("annotations-{round}.ron"));
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "saving_in_a_loop", "--nocapture", "--test-threads=1"])
            .env(CHILD, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut last = 0;
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(n) = line.strip_prefix("saved ") {
                    last = n.trim().parse().unwrap_or(last);
                }
            }
            last
        });
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
