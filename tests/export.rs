//! `gloss export` as a user runs it: every format, `--out`, filters, determinism, exit codes.

// Helpers here fail the test that calls them; that is what their unwraps are for.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{seeds, stderr, stdout};
use gloss_core::annotations::{ArticleRecord, Stamp, Store, Verdict};
use gloss_core::corpus::{Article, Decoding, Origin};

/// A store with two claims on seed 001 (one check-worthy fact with a note full of CSV's
/// special characters, one verified quantity) and an article note on seed 003.
fn store_in(dir: &Path) -> PathBuf {
    let mut store = Store::default();
    let stamp = Stamp { author: "analyst".into(), time: "2026-11-20T10:00:00Z".into() };

    let second = seed("001_83b17aba16443aae.txt");
    let mut record = ArticleRecord::for_article(&second);
    let sentences = second.sentences();
    let first = record.add_claim(second.text(), &sentences[2], "c001", &stamp);
    let claim = &mut record.claims[first];
    claim.tags = vec!["fact".into()];
    claim.check_worthy = true;
    claim.note = "Ask KCNA, \"verbatim\";\nthen compare.".into();
    let other = record.add_claim(second.text(), &sentences[14], "c002", &stamp);
    record.claims[other].tags = vec!["quantity".into()];
    record.claims[other].verdict = Verdict::Verified;
    store.articles.insert("kim-interview".into(), record);

    let fourth = seed("003_12e60f9c685f900f.txt");
    let mut noted = ArticleRecord::for_article(&fourth);
    noted.note = "Compare with the Yonhap report.".into();
    store.articles.insert("kim-summit".into(), noted);

    let path = dir.join("annotations.ron");
    store.save(&path).unwrap();
    path
}

fn seed(name: &str) -> Article {
    let path = seeds().join(name);
    let bytes = fs::read(&path).unwrap();
    Article::new(Origin::File(path), &bytes, String::from_utf8(bytes.clone()).unwrap(), Decoding::Utf8)
}

/// `gloss --store STORE export ARGS… seeds/` with the date frozen.
fn export(dir: &Path, store: &Path, args: &[&str]) -> Command {
    let mut command = common::gloss(dir, dir);
    command.env("GLOSS_EXPORT_DATE", "2026-11-21").arg("--store").arg(store).arg("export").args(args).arg(seeds());
    command
}

fn run(command: &mut Command) -> Output {
    command.output().unwrap()
}

#[test]
fn the_default_is_a_markdown_briefing_on_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let output = run(&mut export(dir.path(), &store, &[]));
    assert!(output.status.success(), "{}", stderr(&output));
    let briefing = stdout(&output);
    assert!(
        briefing.starts_with("# Briefing: seeds\n\nExported 2026-11-21.\n\n2 claims from 2 articles."),
        "{briefing}"
    );
    assert!(briefing.contains("### Claim `c001` · fact · check-worthy"), "{briefing}");
    assert!(briefing.contains("**Article note.** Compare with the Yonhap report."), "{briefing}");
    assert!(!briefing.contains("000_a7678b54e883ccb6"), "articles without annotations are left out");
    let all = stdout(&run(&mut export(dir.path(), &store, &["--all-articles"])));
    assert!(all.contains("000\\_a7678b54e883ccb6.txt"), "--all-articles lists them too");
}

#[test]
fn the_same_store_and_corpus_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    for format in ["md", "json", "csv", "w3c"] {
        let first = run(&mut export(dir.path(), &store, &["--format", format, "--no-date"]));
        let second =
            run(export(dir.path(), &store, &["--format", format, "--no-date"]).env("GLOSS_EXPORT_DATE", "2030-01-01"));
        assert!(first.status.success(), "{}", stderr(&first));
        assert_eq!(first.stdout, second.stdout, "{format}");
        assert!(!stdout(&first).contains("Exported"), "{format}: --no-date leaves the date out");
    }
}

#[test]
fn out_writes_each_format_whole_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    for (format, name) in [("md", "b.md"), ("json", "b.json"), ("csv", "b.csv"), ("w3c", "b.jsonld")] {
        let out = dir.path().join("out").join(name);
        let output = run(&mut export(dir.path(), &store, &["--format", format, "--out", out.to_str().unwrap()]));
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stdout(&output).is_empty());
        // W3C has annotations on claims only; the other formats also carry the article note.
        let articles = if format == "w3c" { "1 article" } else { "2 articles" };
        assert_eq!(stderr(&output), format!("gloss: wrote 2 claims from {articles} to {}\n", out.display()));
        let text = fs::read_to_string(&out).unwrap();
        match format {
            "json" => {
                let document: serde_json::Value = serde_json::from_str(&text).unwrap();
                assert_eq!(document["version"], 1);
                assert_eq!(document["articles"][0]["claims"][0]["note"], "Ask KCNA, \"verbatim\";\nthen compare.");
            }
            "csv" => {
                let mut reader = csv::Reader::from_reader(text.as_bytes());
                assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), gloss_core::export::COLUMNS);
                let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
                assert_eq!(rows.len(), 2);
                assert_eq!(&rows[0][8], "Ask KCNA, \"verbatim\";\nthen compare.");
            }
            "w3c" => {
                let document: serde_json::Value = serde_json::from_str(&text).unwrap();
                assert_eq!(document["type"], "AnnotationCollection");
                assert_eq!(document["first"]["items"].as_array().unwrap().len(), 2);
            }
            _ => assert!(text.starts_with("# Briefing: seeds")),
        }
    }
    let leftovers: Vec<_> = fs::read_dir(dir.path().join("out")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 4, "no temporary files left: {leftovers:?}");
}

#[test]
fn a_failed_write_leaves_the_old_file_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    fs::write(dir.path().join("taken"), "not a folder").unwrap();
    let out = dir.path().join("taken/brief.md");
    let output = run(&mut export(dir.path(), &store, &["--out", out.to_str().unwrap()]));
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains(&format!("cannot write {}", out.display())), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(dir.path().join("taken")).unwrap(), "not a folder");
}

#[test]
fn filters_choose_claims_and_articles() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let claims = |args: &[&str]| {
        let mut all = vec!["--format", "json"];
        all.extend(args);
        let output = run(&mut export(dir.path(), &store, &all));
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        let document: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        let articles = document["articles"].as_array().unwrap().clone();
        let ids: Vec<String> = articles
            .iter()
            .flat_map(|a| a["claims"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()))
            .collect();
        (articles.len(), ids)
    };
    assert_eq!(claims(&[]), (2, vec!["c001".to_owned(), "c002".to_owned()]));
    assert_eq!(claims(&["--tag", "quantity"]), (1, vec!["c002".to_owned()]));
    assert_eq!(claims(&["--tag", "quantity", "--tag", "fact"]).1.len(), 2);
    assert_eq!(claims(&["--check-worthy"]), (1, vec!["c001".to_owned()]));
    assert_eq!(claims(&["--verdict", "verified"]), (1, vec!["c002".to_owned()]));
    assert_eq!(claims(&["--article", "003_12e60f9c685f900f"]), (1, vec![]));
    assert_eq!(claims(&["--article", "kim-interview", "--verdict", "false"]), (0, vec![]));
    assert_eq!(claims(&["--article", "kim-i"]).1.len(), 2, "the start of one id is enough");
    assert_eq!(claims(&["--article", "000_a7678b54e883ccb6.txt"]), (0, vec![]), "a real article, not annotated");
}

#[test]
fn bad_usage_exits_2_and_says_what_to_fix() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let cases: [(&[&str], &str); 5] = [
        (&["--tag", "rumour"], "unknown tag `rumour`; tags are fact, quantity"),
        (&["--format", "pdf"], "unknown export format `pdf`; formats are md, json, csv, w3c"),
        (&["--verdict", "maybe"], "maybe"),
        (&["--article", "nope"], "no article matches --article nope"),
        (&["--article", "kim"], "--article kim is the start of 2 ids (kim-interview, kim-summit); give more of it"),
    ];
    for (args, message) in cases {
        let output = run(&mut export(dir.path(), &store, args));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains(message), "{args:?}: {}", stderr(&output));
        assert!(stdout(&output).is_empty());
    }
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "(version: 1, articles: {").unwrap();
    let output = run(&mut export(dir.path(), &broken, &[]));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains(&broken.display().to_string()), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&broken).unwrap(), "(version: 1, articles: {");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_standard_output_is_a_failure_not_silence() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let full = fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let output = run(export(dir.path(), &store, &[]).stdout(full));
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("cannot write the export to standard output"), "{}", stderr(&output));
}
