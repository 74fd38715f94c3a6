//! Signals from outside end gloss cleanly: SIGTERM, SIGHUP and SIGINT (from `kill`; ctrl-c is
//! a key in raw mode) put the terminal back as it was, bring every edit to the store file, and
//! end gloss by that signal, as a shell or service manager expects. A second signal while that
//! runs ends gloss at once, the terminal put back and nothing lost or half written.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::gloss_bin;
use common::pty::{Exit, Pty, Signal, Spawn};
use gloss_core::annotations::Store;
use vt100::MouseProtocolMode;

/// gloss over the repository's `seeds/`, with its files under `home`.
fn start(home: &Path) -> Pty {
    Spawn::new(&gloss_bin())
        .cwd(Path::new(env!("CARGO_MANIFEST_DIR")))
        .size(100, 30)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("NO_COLOR")
        .start()
}

fn store_path(home: &Path) -> PathBuf {
    home.join("data/gloss/annotations.ron")
}

/// Tags the first sentence of the first article and waits until the edit is on disk (in the
/// journal: the store file is brought up to date only once gloss has been idle a moment).
fn tag_and_wait_until_saved(gloss: &mut Pty) {
    gloss.wait_for("Articles (5)");
    gloss.press("enter 1");
    let screen = gloss.wait_until("the tag on disk", |s| {
        s.contains("tagged fact") && s.text().lines().any(|line| line.trim_end().ends_with(" saved"))
    });
    let terminal = screen.terminal();
    assert!(screen.alternate() && terminal.hide_cursor() && terminal.bracketed_paste(), "{screen}");
    assert_ne!(terminal.mouse_protocol_mode(), MouseProtocolMode::None);
    assert!(!gloss.cooked(), "gloss runs in raw mode");
}

/// The terminal is as a shell needs it: main screen, cursor shown, no mouse reports, no
/// bracketed paste, lines edited and echoed.
fn assert_terminal_restored(gloss: &Pty) {
    let screen = gloss.screen();
    let terminal = screen.terminal();
    assert!(!screen.alternate(), "the alternate screen is left");
    assert!(!terminal.hide_cursor(), "the cursor is shown");
    assert_eq!(terminal.mouse_protocol_mode(), MouseProtocolMode::None, "mouse reports are off");
    assert!(!terminal.bracketed_paste(), "bracketed paste is off");
    assert!(gloss.cooked(), "raw mode is left");
}

fn ended_by(signal: Signal, name: &str) {
    let home = tempfile::tempdir().unwrap();
    let mut gloss = start(home.path());
    tag_and_wait_until_saved(&mut gloss);
    gloss.signal(signal);
    assert_eq!(gloss.wait_exit(), Exit::Signal(name.into()));
    assert_terminal_restored(&gloss);
    let store = Store::load(&store_path(home.path())).unwrap();
    let tags: Vec<&String> = store.claims().flat_map(|(_, claim)| &claim.tags).collect();
    assert_eq!(tags, ["fact"], "the edit is in the store file");
    assert!(!home.path().join("data/gloss/annotations.ron.journal").exists(), "the journal was folded in");
}

#[test]
fn sigterm_restores_the_terminal_and_saves_the_edit() {
    ended_by(Signal::TERM, "Terminated");
}

#[test]
fn sighup_restores_the_terminal_and_saves_the_edit() {
    ended_by(Signal::HUP, "Hangup");
}

#[test]
fn sigint_from_kill_restores_the_terminal_and_saves_the_edit() {
    ended_by(Signal::INT, "Interrupt");
}

#[test]
fn a_second_signal_ends_gloss_at_once_and_loses_nothing() {
    let home = tempfile::tempdir().unwrap();
    let mut gloss = start(home.path());
    tag_and_wait_until_saved(&mut gloss);
    gloss.signal(Signal::TERM);
    gloss.signal(Signal::TERM);
    assert_eq!(gloss.wait_exit(), Exit::Signal("Terminated".into()));
    assert_terminal_restored(&gloss);
    // Whether the second signal came before or after the store file was brought up to date,
    // the file parses and the edit is there, or in the journal beside it.
    let path = store_path(home.path());
    if path.exists() {
        Store::load(&path).unwrap();
    }
    let store = gloss_core::annotations::read_store(Some(&path)).unwrap();
    let tags: Vec<&String> = store.claims().flat_map(|(_, claim)| &claim.tags).collect();
    assert_eq!(tags, ["fact"]);
    let mut again = start(home.path());
    again.wait_for("Articles (5)");
    again.press("q");
    assert_eq!(again.wait_exit(), Exit::Code(0));
    let tags: Vec<String> = Store::load(&path).unwrap().claims().flat_map(|(_, claim)| claim.tags.clone()).collect();
    assert_eq!(tags, ["fact"], "the next start folds it in");
}
