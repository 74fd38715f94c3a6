//! `gloss search` as a user runs it: text and JSON, offsets in code points, regex, filters,
//! exit codes; and a mistyped command is a usage error, not a file.

// Helpers here fail the test that calls them; that is what their unwraps are for.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{gloss, seeds, stderr, stdout};
use gloss_core::annotations::{ArticleRecord, Stamp, Store, Verdict};
use gloss_core::corpus::{Article, Decoding, Origin};

fn search(dir: &Path, args: &[&str]) -> Output {
    gloss(dir, dir).arg("search").args(args).output().unwrap()
}

/// The tab-separated fields of each line.
fn lines(output: &Output) -> Vec<Vec<String>> {
    stdout(output).lines().map(|l| l.split('\t').map(str::to_owned).collect()).collect()
}

fn json(output: &Output) -> Vec<serde_json::Value> {
    stdout(output).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn seed(name: &str) -> Article {
    let path = seeds().join(name);
    let bytes = fs::read(&path).unwrap();
    Article::new(Origin::File(path), &bytes, String::from_utf8(bytes.clone()).unwrap(), Decoding::Utf8)
}

/// A store with a check-worthy fact on sentence 3 of seed 001 (with a note), a verified
/// quantity on its sentence 15, and an article note on seed 003.
fn store_in(dir: &Path) -> PathBuf {
    let mut store = Store::default();
    let stamp = Stamp { author: "analyst".into(), time: "2026-11-20T10:00:00Z".into() };
    let second = seed("001_83b17aba16443aae.txt");
    let mut record = ArticleRecord::for_article(&second);
    let sentences = second.sentences();
    let fact = record.add_claim(second.text(), &sentences[2], "c001", &stamp);
    record.claims[fact].tags = vec!["fact".into()];
    record.claims[fact].check_worthy = true;
    record.claims[fact].note = "Ask KCNA for the verbatim text.".into();
    let quantity = record.add_claim(second.text(), &sentences[14], "c002", &stamp);
    record.claims[quantity].tags = vec!["quantity".into()];
    record.claims[quantity].verdict = Verdict::Verified;
    store.articles.insert("kim-interview".into(), record);
    let mut noted = ArticleRecord::for_article(&seed("003_12e60f9c685f900f.txt"));
    noted.note = "Compare with the Yonhap report.".into();
    store.articles.insert("kim-summit".into(), noted);
    let path = dir.join("annotations.ron");
    store.save(&path).unwrap();
    path
}

#[test]
fn a_line_per_hit_with_file_line_column_offsets_place_and_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let output = search(dir.path(), &["Kishida", seeds().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = lines(&output);
    assert_eq!(lines.len(), 16);
    assert!(lines.iter().all(|fields| fields.len() == 5), "{lines:?}");
    let line = lines.iter().find(|f| f[4] == "Japanese Prime Minister Fumio Kishida.").unwrap();
    assert!(line[0].ends_with("seeds/000_a7678b54e883ccb6.txt"), "{}", line[0]);
    assert_eq!(line[3], "text");
    // Line, column and code points say where the hit is in the file.
    let text = fs::read_to_string(seeds().join("000_a7678b54e883ccb6.txt")).unwrap();
    let (l, c) = line[1].split_once(':').unwrap();
    let row = text.lines().nth(l.parse::<usize>().unwrap() - 1).unwrap();
    let column: usize = c.parse().unwrap();
    assert!(row.chars().skip(column - 1).collect::<String>().starts_with("Kishida."), "{row}");
    let (start, end) = line[2].split_once('-').unwrap();
    let chars: Vec<char> = text.chars().collect();
    let found: String = chars[start.parse().unwrap()..end.parse().unwrap()].iter().collect();
    assert_eq!(found, "Kishida");
}

#[test]
fn json_offsets_are_code_points_after_accents_cjk_and_emoji() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Tōkyō talks\n\nIn Tōkyō, 岸田 😀 met KISHIDA. Kishida left.\n";
    fs::write(dir.path().join("a.txt"), text).unwrap();
    let output = search(dir.path(), &["--format", "json", "kishida", "a.txt"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let hits = json(&output);
    assert_eq!(hits.len(), 2, "lowercase ignores case");
    let chars: Vec<char> = text.chars().collect();
    let at = |hit: &serde_json::Value, key: &str| usize::try_from(hit[key].as_u64().unwrap()).unwrap();
    for hit in &hits {
        let found: String = chars[at(hit, "start")..at(hit, "end")].iter().collect();
        assert_eq!(found.to_lowercase(), "kishida");
        assert_eq!(hit["text"].as_str().unwrap(), found);
        assert_eq!(&text[at(hit, "start_byte")..at(hit, "end_byte")], found);
    }
    let first = &hits[0];
    assert_eq!((at(first, "line"), at(first, "column")), (3, 20));
    assert_eq!(first["field"].as_str(), Some("text"));
    assert_eq!(first["context"], "In Tōkyō, 岸田 😀 met KISHIDA.");
    assert_eq!(first["file"], "a.txt");
    let capital = search(dir.path(), &["--format", "json", "Kishida", "a.txt"]);
    assert_eq!(json(&capital).len(), 1, "a capital letter matches exactly");
}

#[test]
fn regex_mode_and_a_bad_pattern() {
    let dir = tempfile::tempdir().unwrap();
    let output = search(dir.path(), &["--regex", r"Kishida'?s\b", seeds().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(lines(&output).iter().all(|f| f[4].contains("Kishida's") || f[4].contains("Kishidas")));
    assert!(!lines(&output).is_empty());

    let bad = search(dir.path(), &["--regex", "Kim (Jong", seeds().to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(stderr(&bad), "gloss: bad regular expression `Kim (Jong`: unclosed group (at character 5)\n");
    assert!(stdout(&bad).is_empty());
}

#[test]
fn no_hits_is_exit_code_one() {
    let dir = tempfile::tempdir().unwrap();
    let output = search(dir.path(), &["zygote", seeds().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "gloss: no hits for `zygote`\n");
}

#[test]
fn claim_filters_search_inside_the_claims_they_keep_and_their_notes() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let run = |args: &[&str]| {
        let mut command = gloss(dir.path(), dir.path());
        command.arg("--store").arg(&store).arg("search").args(args).arg(seeds());
        command.output().unwrap()
    };
    let everywhere = run(&["kcna"]);
    assert!(lines(&everywhere).iter().any(|f| f[3] == "claim c001" && f[4] == "Ask KCNA for the verbatim text."));
    let sentences = seed("001_83b17aba16443aae.txt");
    let sentence = |i: usize| sentences.text()[sentences.sentences()[i].clone()].to_owned();
    let worthy = run(&["--check-worthy", "kishida"]);
    let found: Vec<String> = lines(&worthy).iter().map(|f| f[4].clone()).collect();
    assert_eq!(found, [sentence(2)], "{}", stdout(&worthy));
    let quantity = run(&["--tag", "quantity", "--verdict", "verified", "kishida"]);
    assert_eq!(lines(&quantity).iter().map(|f| f[4].clone()).collect::<Vec<_>>(), [sentence(14)]);
    let note = run(&["yonhap"]);
    assert_eq!(lines(&note).iter().filter(|f| f[3] == "note").count(), 1);
    assert_eq!(run(&["--check-worthy", "yonhap"]).status.code(), Some(1), "article notes are not claims");
    let unknown = run(&["--tag", "rumour", "kishida"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unknown tag `rumour`; tags are fact, "), "{}", stderr(&unknown));
}

#[test]
fn an_entity_keeps_the_articles_that_mention_it() {
    let dir = tempfile::tempdir().unwrap();
    let all = lines(&search(dir.path(), &["japan", seeds().to_str().unwrap()]));
    let output = search(dir.path(), &["--entity", "rudenko", "japan", seeds().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let kept = lines(&output);
    assert!(!kept.is_empty() && kept.len() < all.len());
    for fields in &kept {
        assert!(fs::read_to_string(&fields[0]).unwrap().contains("Rudenko"), "{}", fields[0]);
    }
}

#[test]
fn text_output_is_safe_for_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("evil.txt"), "Title\n\nKishida \u{1b}]0;owned\u{7}\u{1b}[2J spoke\u{202e}.\n").unwrap();
    let output = search(dir.path(), &["kishida", "evil.txt"]);
    let text = stdout(&output);
    assert!(!text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{text:?}");
    assert!(!text.contains('\u{202e}'));
    assert!(text.contains("Kishida ␛]0;owned␇␛[2J spoke"), "{text:?}");
}

#[test]
fn a_mistyped_command_is_a_usage_error_that_suggests_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let output = gloss(dir.path(), dir.path()).args(["serch", "x"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let error = stderr(&output);
    assert!(error.contains("unrecognized subcommand 'serch'"), "{error}");
    assert!(error.contains("a similar subcommand exists: 'search'"), "{error}");
    assert!(error.contains("to read a file called 'serch', give its path: ./serch"), "{error}");
    let list = gloss(dir.path(), dir.path()).arg("lsit").output().unwrap();
    assert!(stderr(&list).contains("'list'"), "{}", stderr(&list));

    // A file of that name is read, not taken for a command (the reader then wants a terminal).
    fs::write(dir.path().join("serch"), "Title\n\nText.\n").unwrap();
    let file = gloss(dir.path(), dir.path()).arg("serch").output().unwrap();
    assert_eq!(file.status.code(), Some(1));
    assert!(stderr(&file).contains("the reader needs a terminal"), "{}", stderr(&file));
}
