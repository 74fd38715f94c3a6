//! The real binary in a real terminal (tmux): keys pressed, screens read, terminal restored.

mod common;

use common::tmux::Tmux;
use common::{gloss_bin, seeds};

fn start(home: &std::path::Path, cols: u16, rows: u16) -> Tmux {
    let env = [("HOME", home), ("XDG_CONFIG_HOME", &home.join("config")), ("XDG_DATA_HOME", &home.join("data"))];
    Tmux::start(cols, rows, std::path::Path::new(env!("CARGO_MANIFEST_DIR")), &env, &gloss_bin(), &[])
}

#[test]
fn read_navigate_resize_and_quit_cleanly() {
    let home = tempfile::tempdir().unwrap();
    let tmux = start(home.path(), 100, 30);
    let screen = tmux.wait_for("Articles (5)");
    assert!(screen.contains("Frequent anomalies on the peninsula"), "{screen}");
    assert!(screen.contains("At a time when the situation on the peninsula"), "first article's text:\n{screen}");
    assert!(tmux.alternate_screen());

    tmux.keys(&["j", "j", "Enter"]);
    tmux.wait_for("002_acb96b68d56a8566.txt");
    tmux.keys(&["Down", "Down", "End", "Escape"]);
    // A real Escape is followed by a pause; without one the terminal reads Esc + arrow as one key.
    std::thread::sleep(std::time::Duration::from_millis(150));
    tmux.keys(&["Down"]);
    tmux.wait_for("003_12e60f9c685f900f.txt");

    tmux.keys(&["?"]);
    tmux.wait_for("Help");
    tmux.keys(&["Escape"]);

    tmux.resize(30, 8);
    tmux.wait_for("too small");
    tmux.resize(100, 30);
    tmux.wait_for("Articles (5)");

    tmux.keys(&["q"]);
    assert!(matches!(tmux.wait_exit(), Some(0) | None));
    assert!(!tmux.alternate_screen(), "the alternate screen is left on quit");
}

#[test]
fn a_panic_restores_the_terminal_before_printing() {
    let home = tempfile::tempdir().unwrap();
    let env = [
        ("HOME", home.path()),
        ("XDG_CONFIG_HOME", &home.path().join("config")),
        ("XDG_DATA_HOME", &home.path().join("data")),
        ("GLOSS_TEST_PANIC", std::path::Path::new("1")),
    ];
    let tmux = Tmux::start(100, 30, seeds().parent().unwrap(), &env, &gloss_bin(), &[]);
    tmux.wait_for("Articles (5)");
    // A change waiting to be saved when the panic comes must reach the disk first.
    tmux.keys(&["Enter", "1"]);
    tmux.wait_for("tagged fact");
    tmux.keys(&["F12"]);
    assert!(matches!(tmux.wait_exit(), Some(101) | None));
    assert!(!tmux.alternate_screen());
    let screen = tmux.screen();
    assert!(screen.contains("panicked at") && screen.contains("GLOSS_TEST_PANIC is set"), "{screen}");
    let store = std::fs::read_to_string(home.path().join("data/gloss/annotations.ron")).unwrap();
    assert!(store.contains("\"fact\""), "{store}");
}

#[test]
fn tag_and_note_a_claim_then_find_it_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let tmux = start(home.path(), 110, 30);
    tmux.wait_for("Articles (5)");
    tmux.keys(&["j", "Enter", "j", "j", "1", "!", "a"]);
    tmux.wait_for("Note on");
    tmux.type_text("Check the date.");
    tmux.keys(&["Enter"]);
    tmux.type_text("KCNA has the transcript.");
    tmux.wait_for("KCNA has the transcript.");
    tmux.keys(&["Escape"]);
    tmux.wait_for("claim note saved");
    tmux.keys(&["q"]);
    assert!(matches!(tmux.wait_exit(), Some(0) | None));
    let store = std::fs::read_to_string(home.path().join("data/gloss/annotations.ron")).unwrap();
    assert!(store.contains("note: \"Check the date.\\nKCNA has the transcript.\""), "{store}");
    assert!(store.contains("check_worthy: true"), "{store}");

    let again = start(home.path(), 110, 30);
    again.wait_for("1 claim · 1 note");
    again.keys(&["j", "Enter"]);
    let screen = again.wait_for("▌!In an interview");
    assert!(screen.contains("▌✎"), "{screen}");

    // Export the article's claim to a folder in home, typed over the proposed name.
    again.keys(&["x"]);
    again.wait_for("Exports 1 claim from 1 article.");
    again.keys(&["C-u"]);
    again.type_text("~/briefs/");
    again.keys(&["Enter"]);
    let screen = again.wait_for("exported 1 claim from 1 article to");
    let written: Vec<_> = std::fs::read_dir(home.path().join("briefs")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(written.len(), 1, "{screen}");
    let briefing = std::fs::read_to_string(&written[0]).unwrap();
    assert!(briefing.contains("- Note: Check the date.  \n  KCNA has the transcript."), "{briefing}");
    again.keys(&["q"]);
}
