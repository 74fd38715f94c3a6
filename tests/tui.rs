//! The real binary in a pseudo-terminal: keys sent as a terminal sends them, whole frames read
//! back, the terminal restored, the real exit status.
//!
//! Every step waits for what the screen must show next; none sleeps. A key after `esc` is sent
//! only once the screen shows what `esc` did, as a person would see it before typing on.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::gloss_bin;
use common::pty::{Exit, Frames, Signal, Spawn};
use gloss_core::annotations::Store;

/// The status bar's hints while the list has the keys, and while the reader has them.
const LIST_KEYS: &str = "enter open";
const READER_KEYS: &str = "1–8 tag";

/// gloss over the repository's `seeds/`, with its files under `home`, in a `cols`×`rows` terminal.
fn gloss(home: &Path, cols: u16, rows: u16) -> Spawn {
    Spawn::new(&gloss_bin())
        .cwd(Path::new(env!("CARGO_MANIFEST_DIR")))
        .size(cols, rows)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("NO_COLOR")
}

fn store(home: &Path) -> Store {
    Store::load(&home.join("data/gloss/annotations.ron")).unwrap()
}

fn claims(store: &Store) -> usize {
    store.articles.values().map(|record| record.claims.len()).sum()
}

#[test]
fn read_navigate_resize_and_quit_cleanly() {
    let home = tempfile::tempdir().unwrap();
    let mut gloss = gloss(home.path(), 100, 30).start();
    let screen = gloss.wait_until("the list beside the first article", |s| {
        s.contains("Articles (5)") && s.contains("At a time when the situation on the peninsula")
    });
    assert!(screen.contains("Frequent anomalies on the peninsula"), "{screen}");
    assert!(screen.alternate(), "gloss draws on the alternate screen");

    gloss.press("j j enter");
    gloss.wait_until("the third article in the reader", |s| {
        s.contains("002_acb96b68d56a8566.txt") && s.contains(READER_KEYS)
    });
    gloss.press("down down end esc");
    gloss.wait_for(LIST_KEYS);
    gloss.press("down");
    gloss.wait_for("003_12e60f9c685f900f.txt");

    gloss.press("?");
    gloss.wait_for("Help — esc to close");
    gloss.press("esc");
    gloss.wait_gone("Help — esc to close");

    gloss.press("enter");
    gloss.wait_for(READER_KEYS);
    gloss.resize(30, 8);
    gloss.wait_for("Terminal too small: 30×8.");
    let small = gloss.wait_stable();
    assert_eq!(small.size(), (30, 8));
    assert!(
        small.contains("q quits") && !small.text().contains(['│', '┃', '─', '━']),
        "only the note is drawn:\n{small}"
    );
    gloss.resize(100, 30);
    gloss.wait_until("both panes again", |s| s.contains("Articles (5)") && s.contains(READER_KEYS));

    // Keys other than quit do nothing while nothing can be seen: `1` would tag a sentence.
    gloss.resize(30, 8);
    gloss.wait_for("Terminal too small: 30×8.");
    gloss.press("1 q");
    assert_eq!(gloss.wait_exit(), Exit::Code(0));
    assert!(!gloss.screen().alternate(), "the alternate screen is left on quit");
    let store = store(home.path());
    assert_eq!((store.articles.values().filter(|r| r.read).count(), claims(&store)), (2, 0));
}

#[test]
fn a_panic_restores_the_terminal_before_printing() {
    let home = tempfile::tempdir().unwrap();
    let mut gloss = gloss(home.path(), 100, 30).env("GLOSS_TEST_PANIC", "1").start();
    gloss.wait_for("Articles (5)");
    // A change waiting to be saved when the panic comes must reach the disk first.
    gloss.press("enter 1");
    gloss.wait_for("tagged fact");
    gloss.press("f12");
    assert_eq!(gloss.wait_exit(), Exit::Code(101));
    let screen = gloss.screen();
    assert!(!screen.alternate(), "the terminal is restored first");
    assert!(screen.contains("panicked at") && screen.contains("GLOSS_TEST_PANIC is set"), "{screen}");
    let store = std::fs::read_to_string(home.path().join("data/gloss/annotations.ron")).unwrap();
    assert!(store.contains("\"fact\""), "{store}");
}

#[test]
fn tag_and_note_a_claim_then_find_it_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let mut gloss = gloss(home.path(), 110, 30).start();
    gloss.wait_for("Articles (5)");
    gloss.press("j enter j j 1 ! a");
    gloss.wait_for("Note on");
    gloss.type_text("Check the date.");
    // A pasted line break is text in the note, not a key.
    gloss.paste("\nKCNA has the transcript.");
    gloss.wait_for("KCNA has the transcript.");
    gloss.press("esc");
    gloss.wait_for("claim note saved");
    gloss.press("q");
    assert_eq!(gloss.wait_exit(), Exit::Code(0));
    let store = std::fs::read_to_string(home.path().join("data/gloss/annotations.ron")).unwrap();
    assert!(store.contains("note: \"Check the date.\\nKCNA has the transcript.\""), "{store}");
    assert!(store.contains("check_worthy: true"), "{store}");

    // gloss reopens in the reader, on the article and sentence where it was left.
    let mut again = self::gloss(home.path(), 110, 30).start();
    again.wait_for("1 claim · 1 note");
    let screen = again.wait_until("the annotated article in the reader", |s| {
        s.contains("▌ !In an interview") && s.contains(READER_KEYS)
    });
    assert!(screen.contains("▌ ✎"), "{screen}");

    // Export the article's claim to a folder in home, typed over the proposed name.
    again.press("x");
    again.wait_for("Exports 1 claim from 1 article.");
    again.press("ctrl-u");
    again.type_text("~/briefs/");
    again.press("enter");
    let screen = again.wait_for("exported 1 claim from 1 article to");
    let written: Vec<_> = std::fs::read_dir(home.path().join("briefs")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(written.len(), 1, "{screen}");
    let briefing = std::fs::read_to_string(&written[0]).unwrap();
    assert!(briefing.contains("- Note: Check the date.  \n  KCNA has the transcript."), "{briefing}");
    again.press("q");
    assert_eq!(again.wait_exit(), Exit::Code(0));
}

#[test]
fn a_killed_gloss_is_reported_by_its_signal() {
    let home = tempfile::tempdir().unwrap();
    let mut gloss = gloss(home.path(), 100, 30).start();
    gloss.wait_for("Articles (5)");
    gloss.signal(Signal::KILL);
    assert_eq!(gloss.wait_exit(), Exit::Signal("Killed".into()));
}

#[test]
fn gloss_reopens_sorted_where_it_was_left() {
    let home = tempfile::tempdir().unwrap();
    let mut gloss = gloss(home.path(), 100, 30).start();
    gloss.wait_for("Articles (5)");
    gloss.press("s");
    gloss.wait_for("Sort the list by");
    gloss.press("j enter");
    gloss.wait_for("sorted by date");
    gloss.press("j enter");
    gloss.wait_until("the second article by date in the reader", |s| {
        s.contains("003_12e60f9c685f900f.txt") && s.contains(READER_KEYS)
    });
    gloss.press("j j j q");
    assert_eq!(gloss.wait_exit(), Exit::Code(0));

    let mut again = self::gloss(home.path(), 100, 30).start();
    again.wait_until("the same article, sorted by date, the keys in the reader", |s| {
        s.contains("003_12e60f9c685f900f.txt") && s.contains(" by date ") && s.contains(READER_KEYS)
    });
    // The cursor is where it was: tagging tags the fourth sentence.
    again.press("1");
    again.wait_for("tagged fact");
    again.press("q");
    assert_eq!(again.wait_exit(), Exit::Code(0));
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/003_12e60f9c685f900f.txt")).unwrap();
    let article = gloss_core::corpus::Article::from_text(gloss_core::corpus::Origin::Embedded("003"), &text);
    let store = store(home.path());
    let quotes: Vec<&str> = store.claims().map(|(_, claim)| claim.anchor.quote.as_str()).collect();
    assert_eq!(quotes, [&text[article.sentences()[3].clone()]]);
}

/// The harness shows whole frames only, however the output is cut into reads.
#[test]
fn a_frame_is_shown_only_once_it_is_whole() {
    let mut frames = Frames::new(20, 3);
    frames.feed(b"first");
    assert!(frames.shown().contains("first"));
    frames.feed(b"\x1b[?2026h\x1b[2J\x1b[Hsec");
    assert!(frames.shown().contains("first") && !frames.shown().contains("sec"), "half a frame is not shown");
    // The end marker cut in two by a read.
    frames.feed(b"ond\x1b[?20");
    assert!(!frames.shown().contains("second"));
    frames.feed(b"26l");
    assert_eq!(frames.shown().text().trim_end(), "second");
}

/// The done-when of issue 11, in a real terminal: every `Kishida` across the seeds, the third
/// hit opened, then `/Japan` in the reader searches (it once opened a claim note at `a`).
#[test]
fn search_the_corpus_open_a_hit_then_search_the_article() {
    let home = tempfile::tempdir().unwrap();
    let mut gloss = gloss(home.path(), 100, 30).start();
    gloss.wait_for("Articles (5)");
    gloss.press("ctrl-f");
    gloss.wait_for("Search every article");
    gloss.type_text("Kishida");
    let screen = gloss.wait_for("16 hits in 3 articles");
    assert!(screen.contains("Japanese Prime Minister Fumio Kishida."), "{screen}");
    gloss.press("down down enter");
    let screen = gloss.wait_until("the hit's article in the reader", |s| {
        !s.contains("Search every article") && s.contains(READER_KEYS)
    });
    assert!(screen.contains("000_a7678b54e883ccb6.txt"), "{screen}");

    // The first match after the hit's sentence, the 8th of 19.
    gloss.type_text("/Japan");
    let screen = gloss.wait_for("8/19 · enter keep");
    assert!(screen.contains("/Japan▏") && !screen.contains("Note on"), "searching, no note editor:\n{screen}");
    gloss.press("enter");
    gloss.wait_for("/Japan 8/19");
    gloss.press("n");
    gloss.wait_for("/Japan 9/19");
    gloss.press("esc");
    gloss.wait_for("/Japan 19 matches");
    gloss.press("esc");
    gloss.wait_gone("/Japan");
    gloss.press("q");
    assert_eq!(gloss.wait_exit(), Exit::Code(0));
    assert_eq!(claims(&store(home.path())), 0, "no claim was made by the search");
}

#[test]
fn a_second_gloss_is_read_only_and_takes_over_when_the_first_quits() {
    let home = tempfile::tempdir().unwrap();
    let mut first = gloss(home.path(), 100, 30).start();
    first.wait_for("Articles (5)");
    let mut second = gloss(home.path(), 100, 30).start();
    second.wait_for("read-only");
    second.wait_for("Articles (5)");
    first.press("enter 1");
    first.wait_for("tagged fact");
    first.press("q");
    assert_eq!(first.wait_exit(), Exit::Code(0));
    second.wait_for("the other gloss has quit");
    second.press("enter");
    second.wait_for(READER_KEYS);
    second.press("j 2");
    second.wait_until("the second tag on disk", |s| {
        s.contains("tagged") && s.text().lines().any(|line| line.trim_end().ends_with(" saved"))
    });
    second.press("q");
    assert_eq!(second.wait_exit(), Exit::Code(0));
    assert_eq!(claims(&store(home.path())), 2, "the first one's tag and the second one's");
}
