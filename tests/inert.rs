//! Untrusted text at the command line: an article, a file name, notes and a keymap full of
//! escape sequences, bidi overrides and formulas come out of every command and every export
//! inert, and the exports still read back; odd files are refused with a reason, never read.

// Helpers here fail the test that calls them; that is what their unwraps are for.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{gloss, stderr, stdout};
use gloss_core::annotations::{ArticleRecord, Stamp, Store};
use gloss_core::corpus::{Article, Origin, decode};

const FILE_NAME: &str = "evil\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{202e}txt.txt";
const BODY: &str = "=HYPERLINK(\"http://evil.example\",\"x\") Seoul\u{1b}]52;c;cGF5bG9hZA==\u{7} news\n\n\
    The minister said \u{1b}[2J\u{1b}]0;PWNED\u{7} that the \u{202e}sklat\u{202c} with Japan \u{2066}will\u{2069} go on\u{200b}. \
    Another sentence \u{9b}31m names Seoul.\n";
const NOTE: &str = "@SUM(1+1)\u{1b}[31m red \u{202e}reversed\u{202c}\u{200b}";
const ARTICLE_NOTE: &str = "-2+3 \u{1b}]0;title\u{7} noted";

/// A folder holding the hostile article, and a store with a claim and notes on it.
fn hostile(dir: &Path) -> (PathBuf, PathBuf) {
    let articles = dir.join("news");
    fs::create_dir_all(&articles).unwrap();
    let path = articles.join(FILE_NAME);
    fs::write(&path, BODY).unwrap();
    let (text, decoding) = decode(BODY.as_bytes()).unwrap();
    let article = Article::new(Origin::File(path), BODY.as_bytes(), text, decoding);
    let mut record = ArticleRecord::for_article(&article);
    let stamp = Stamp { author: "mallory\u{1b}[5m".into(), time: "2026-11-20T10:00:00Z".into() };
    let sentence = article.sentences()[1].clone();
    let at = record.add_claim(article.text(), &sentence, "c1", &stamp);
    record.claims[at].tags = vec!["fact".into()];
    record.claims[at].note = NOTE.into();
    record.note = ARTICLE_NOTE.into();
    let mut store = Store::default();
    store.articles.insert("a1".into(), record);
    let store_path = dir.join("annotations.ron");
    store.save(&store_path).unwrap();
    (articles, store_path)
}

fn run(command: &mut Command) -> Output {
    let output = command.env("GLOSS_EXPORT_DATE", "2026-11-21").output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    output
}

/// Nothing a terminal would obey or that would reorder text; and, but in CSV (which keeps text
/// exact where it can), nothing that would hide.
fn assert_inert(what: &str, text: &str) {
    let hides = |c: char| matches!(c, '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{61c}');
    let bad = |c: char| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            || (hides(c) && !what.contains("csv"))
    };
    if let Some(c) = text.chars().find(|&c| bad(c)) {
        panic!("{what} writes {c:?} raw:\n{text}");
    }
}

#[test]
fn text_commands_print_hostile_names_and_text_inert() {
    let dir = tempfile::tempdir().unwrap();
    let (articles, store) = hostile(dir.path());
    for args in [
        ["list", "--format", "text"],
        ["list", "--format", "json"],
        ["entities", "--format", "text"],
        ["entities", "--format", "json"],
    ] {
        let output = run(gloss(dir.path(), dir.path()).args(args).arg(&articles).arg("--store").arg(&store));
        assert_inert(&args.join(" "), &stdout(&output));
        assert_inert(&args.join(" "), &stderr(&output));
    }
    let json = run(gloss(dir.path(), dir.path()).args(["list", "--format", "json"]).arg(&articles));
    let listed: serde_json::Value = serde_json::from_str(stdout(&json).trim()).unwrap();
    assert_eq!(listed["file"], FILE_NAME, "JSON keeps the name exact, escaped");
    let entities = run(gloss(dir.path(), dir.path()).args(["entities"]).arg(&articles));
    assert!(stdout(&entities).starts_with("evil␛]0;PWNED␇␛[2J�txt.txt\t"), "{}", stdout(&entities));
}

#[test]
fn every_export_is_inert_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let (articles, store) = hostile(dir.path());
    let export = |format: &str, out: Option<&str>| {
        let mut command = gloss(dir.path(), dir.path());
        command.args(["export", "--format", format]).arg(&articles).arg("--store").arg(&store);
        if let Some(out) = out {
            command.args(["--out", out]);
        }
        let output = run(&mut command);
        assert_inert(&format!("export {format} (stderr)"), &stderr(&output));
        match out {
            Some(file) if file != "-" => fs::read_to_string(dir.path().join(file)).unwrap(),
            _ => stdout(&output),
        }
    };
    for format in ["md", "json", "csv", "w3c"] {
        let printed = export(format, None);
        assert_inert(&format!("export {format}"), &printed);
        assert_eq!(export(format, Some("-")), printed, "--out - is standard output");
        assert_eq!(export(format, Some(&format!("out.{format}"))), printed);
    }
    assert!(!dir.path().join("-").exists(), "no file named -");

    let json: serde_json::Value = serde_json::from_str(&export("json", None)).unwrap();
    assert_eq!(json["articles"][0]["claims"][0]["note"], NOTE, "JSON keeps the note exact");
    assert_eq!(json["articles"][0]["note"], ARTICLE_NOTE);
    assert_eq!(json["articles"][0]["file"], FILE_NAME);
    let w3c: serde_json::Value = serde_json::from_str(&export("w3c", None)).unwrap();
    assert_eq!(w3c["first"]["items"][0]["body"][2]["value"], NOTE);

    let csv = export("csv", None);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[1], "evil␛]0;PWNED␇␛[2J�txt.txt");
    assert!(row[2].starts_with("'=HYPERLINK("), "the formula title is text: {:?}", &row[2]);
    assert_eq!(&row[8], "'@SUM(1+1)␛[31m red �reversed�\u{200b}", "the note: text, no escape");

    let markdown = export("md", None);
    assert!(markdown.contains("**Article note.** \\-2+3 ␛\\]0;title␇ noted"), "{markdown}");
    assert!(markdown.contains("- Note: @SUM(1+1)␛\\[31m red �reversed��"), "{markdown}");
}

#[test]
fn a_keymap_error_quoting_escape_sequences_shows_them_inert() {
    let dir = tempfile::tempdir().unwrap();
    let keymap = dir.path().join("keymap.ron");
    fs::write(&keymap, "(list: { move_down: [\"\u{1b}]0;PWNED\u{7}\u{1b}[2J\"] })\n").unwrap();
    let output = gloss(dir.path(), dir.path()).arg("--keymap").arg(&keymap).stdin(Stdio::null()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert_inert("a keymap error", &errors);
    assert!(errors.contains("␛]0;PWNED␇␛[2J"), "{errors}");
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_on_the_command_line_are_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let mut child = gloss(dir.path(), dir.path())
        .arg("list")
        .arg(&fifo)
        .arg("/dev/zero")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A gloss that opens the FIFO waits for a writer forever; give up on it rather than hang.
    let mut waited = 0;
    while child.try_wait().unwrap().is_none() {
        assert!(waited < 600, "gloss list is reading the FIFO");
        std::thread::sleep(std::time::Duration::from_millis(100));
        waited += 1;
    }
    let output = child.wait_with_output().unwrap();
    let errors = stderr(&output);
    assert!(errors.contains("pipe: skipped: a named pipe (FIFO), not a file"), "{errors}");
    assert!(errors.contains("/dev/zero: skipped: a device, not a file"), "{errors}");
    assert_eq!(output.status.code(), Some(1), "nothing to list");
}

#[test]
fn other_encodings_are_decoded_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let korean =
        "북한, 일본과 대화 제안\n\n북한은 최근 일본에 대화를 제안했으며, 한국 정부는 이에 대해 신중한 입장을 보였다.\n";
    let (euc_kr, _, _) = encoding_rs::EUC_KR.encode(korean);
    fs::write(dir.path().join("korea.txt"), &euc_kr).unwrap();
    fs::write(
        dir.path().join("paris.txt"),
        b"Caf\xe9s de Paris\n\nLe pr\xe9sident a d\xe9clar\xe9 \xe0 la presse que \x93tout va bien\x94.\n",
    )
    .unwrap();
    let output = run(gloss(dir.path(), dir.path()).args(["list", "--format", "json", "korea.txt", "paris.txt"]));
    let rows: Vec<serde_json::Value> = stdout(&output).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(
        (rows[0]["title"].as_str(), rows[0]["encoding"].as_str()),
        (Some("북한, 일본과 대화 제안"), Some("EUC-KR"))
    );
    assert_eq!(
        (rows[1]["title"].as_str(), rows[1]["encoding"].as_str()),
        (Some("Cafés de Paris"), Some("windows-1252"))
    );
    assert_eq!(rows[1]["utf8"], false);
    assert_eq!(rows[1]["replaced"], 0);
}

#[cfg(unix)]
#[test]
fn out_onto_a_symbolic_link_writes_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let (articles, store) = hostile(dir.path());
    fs::create_dir(dir.path().join("shared")).unwrap();
    fs::write(dir.path().join("shared/brief.md"), "old").unwrap();
    std::os::unix::fs::symlink("shared/brief.md", dir.path().join("brief.md")).unwrap();
    run(gloss(dir.path(), dir.path())
        .arg("export")
        .arg(&articles)
        .arg("--store")
        .arg(&store)
        .args(["--out", "brief.md"]));
    assert!(fs::symlink_metadata(dir.path().join("brief.md")).unwrap().file_type().is_symlink());
    assert!(fs::read_to_string(dir.path().join("shared/brief.md")).unwrap().starts_with("# Briefing"));
}
