//! The command line as a user meets it: outputs, messages and exit codes.

mod common;

use common::{gloss, seeds, stderr, stdout};

#[test]
fn list_prints_one_tab_separated_line_per_seed() {
    let home = tempfile::tempdir().unwrap();
    let output = gloss(home.path(), home.path()).arg("list").arg(seeds()).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let lines: Vec<Vec<String>> = stdout(&output).lines().map(|l| l.split('\t').map(str::to_owned).collect()).collect();
    assert_eq!(lines.len(), 5);
    assert!(lines.iter().all(|fields| fields.len() == 5));
    assert_eq!(lines[0][2..], ["Mondo International", "2024-02-04", "1136"]);
    assert_eq!(lines[1][1], "Recently, the Korean Peninsula has once again been in the global spotlight, and…");
    assert_eq!(lines[1][2..4], ["-", "-"]);
}

#[test]
fn list_json_has_the_documented_fields() {
    let home = tempfile::tempdir().unwrap();
    let output = gloss(home.path(), home.path()).args(["list", "--format", "json"]).arg(seeds()).output().unwrap();
    assert!(output.status.success());
    let objects: Vec<serde_json::Value> = stdout(&output).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(objects.len(), 5);
    let second = &objects[1];
    assert_eq!(second["file"], "001_83b17aba16443aae.txt");
    assert_eq!(second["title_derived"], true);
    assert_eq!(second["source"], serde_json::Value::Null);
    assert_eq!(second["sentences"], 20);
    for key in ["file", "title", "title_derived", "source", "date", "words", "sentences"] {
        assert!(objects.iter().all(|o| o.get(key).is_some()), "missing {key}");
    }
}

#[test]
fn without_paths_list_reads_seeds_here_or_the_built_in_ones() {
    let home = tempfile::tempdir().unwrap();
    let output = gloss(home.path(), home.path()).arg("list").output().unwrap();
    assert!(output.status.success());
    assert_eq!(stdout(&output).lines().count(), 5, "built-in seeds in an empty folder");
}

#[test]
fn unreadable_paths_are_reported_and_the_rest_listed() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("empty.txt"), "").unwrap();
    let output = gloss(home.path(), home.path())
        .args(["list", "nope.txt", "empty.txt"])
        .arg(seeds().join("000_a7678b54e883ccb6.txt"))
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(stdout(&output).lines().count(), 1);
    let errors = stderr(&output);
    assert!(errors.contains("gloss: warning: nope.txt: no such file or folder"), "{errors}");
    assert!(errors.contains("gloss: warning: empty.txt: skipped: empty file"), "{errors}");
}

#[test]
fn nothing_readable_is_a_failure() {
    let home = tempfile::tempdir().unwrap();
    let output = gloss(home.path(), home.path()).args(["list", "nope"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("gloss: no articles found"));
}

#[test]
fn escape_sequences_in_articles_never_reach_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("evil.txt");
    std::fs::write(&path, "Title \u{1b}]0;pwned\u{7}\u{1b}[2J here\n\nMondo\u{1b}[31m Updated on 2024-01-01\n\nBody.")
        .unwrap();
    let output = gloss(home.path(), home.path()).arg("list").arg(&path).output().unwrap();
    let text = stdout(&output);
    assert!(!text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{text:?}");
    assert!(text.contains("Title ␛]0;pwned␇␛[2J here"), "{text:?}");
}

#[test]
fn bad_usage_exits_2() {
    let home = tempfile::tempdir().unwrap();
    let output = gloss(home.path(), home.path()).args(["list", "--format", "yaml"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_broken_keymap_stops_gloss_with_its_location() {
    let home = tempfile::tempdir().unwrap();
    let keymap = home.path().join("keys.ron");
    std::fs::write(&keymap, "(\n  reader: { next: [\"n\"] },\n)\n").unwrap();
    let output = gloss(home.path(), home.path()).arg("--keymap").arg(&keymap).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains(&format!("{}:2:13: unknown action `next` in reader", keymap.display())), "{message}");
}

#[test]
fn a_broken_keymap_in_the_config_folder_stops_gloss_too() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/gloss");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("keymap.ron"), "(list: { open: [\"ctrl-enterr\"] })").unwrap();
    let output = gloss(home.path(), home.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("config/gloss/keymap.ron:1:"), "{}", stderr(&output));
}

#[test]
fn the_reader_needs_a_terminal() {
    let home = tempfile::tempdir().unwrap();
    let output = gloss(home.path(), home.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("the reader needs a terminal"));
}

#[test]
fn version_and_help() {
    let home = tempfile::tempdir().unwrap();
    let output = gloss(home.path(), home.path()).arg("--version").output().unwrap();
    assert!(output.status.success());
    assert!(stdout(&output).starts_with("gloss "));
    let output = gloss(home.path(), home.path()).arg("--help").output().unwrap();
    assert!(stdout(&output).contains("Usage: gloss [OPTIONS] [PATHS]... [COMMAND]"), "{}", stdout(&output));
}

#[test]
fn a_corrupt_store_stops_gloss_and_is_left_untouched() {
    let home = tempfile::tempdir().unwrap();
    let store = home.path().join("annotations.ron");
    let text = "(\n    version: 1,\n    articles: {\n        \"abc\": (file: \"a.txt\", claims: [[[),\n    },\n)\n";
    std::fs::write(&store, text).unwrap();
    let output = gloss(home.path(), home.path()).arg("--store").arg(&store).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains(&format!("{}:4:", store.display())), "{message}");
    assert!(message.contains("left untouched"), "{message}");
    assert_eq!(std::fs::read_to_string(&store).unwrap(), text);
    assert!(!home.path().join("annotations.ron.bak").exists());
}

#[test]
fn list_json_counts_claims_notes_and_reads_from_the_store() {
    use gloss_core::annotations::{ArticleRecord, Store};
    use gloss_core::corpus::{Article, Origin};

    let home = tempfile::tempdir().unwrap();
    let path = seeds().join("001_83b17aba16443aae.txt");
    let article = Article::new(
        Origin::File(path.clone()),
        &std::fs::read(&path).unwrap(),
        std::fs::read_to_string(&path).unwrap(),
        gloss_core::corpus::Decoding::Utf8,
    );
    let mut record = ArticleRecord::for_article(&article);
    record.read = true;
    record.note = "an article note".into();
    let mut store = Store::default();
    store.articles.insert("myid".into(), record);
    let store_path = home.path().join("s.ron");
    store.save(&store_path).unwrap();
    let output = gloss(home.path(), home.path())
        .args(["list", "--format", "json", "--store"])
        .arg(&store_path)
        .arg(seeds())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let second: serde_json::Value = serde_json::from_str(stdout(&output).lines().nth(1).unwrap()).unwrap();
    assert_eq!(
        (second["id"].as_str(), second["notes"].as_u64(), second["read"].as_bool()),
        (Some("myid"), Some(1), Some(true))
    );
}

#[test]
fn a_store_starting_with_a_byte_order_mark_is_read() {
    use gloss_core::annotations::{ArticleRecord, Store};
    use gloss_core::corpus::{Article, Origin};

    let home = tempfile::tempdir().unwrap();
    let path = seeds().join("000_a7678b54e883ccb6.txt");
    let article = Article::new(
        Origin::File(path.clone()),
        &std::fs::read(&path).unwrap(),
        std::fs::read_to_string(&path).unwrap(),
        gloss_core::corpus::Decoding::Utf8,
    );
    let mut store = Store::default();
    store.articles.insert("bomid".into(), ArticleRecord { read: true, ..ArticleRecord::for_article(&article) });
    let store_path = home.path().join("s.ron");
    // As an editor that adds a byte-order mark would save it.
    std::fs::write(&store_path, format!("\u{feff}{}", store.to_ron().unwrap())).unwrap();
    let output =
        gloss(home.path(), home.path()).args(["list", "--store"]).arg(&store_path).arg(&path).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("bomid\t"), "{}", stdout(&output));
}

#[test]
fn broken_names_and_tags_files_stop_gloss_with_their_location() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/gloss");
    std::fs::create_dir_all(&config).unwrap();
    let tags = config.join("tags.ron");
    std::fs::write(&tags, "[\n  (name: \"fact\", description: \"x\", colour: \"orange\"),\n]").unwrap();
    let output = gloss(home.path(), home.path()).arg("export").arg(seeds()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(&format!("{}:2:10: unknown colour `orange`", tags.display())),
        "{}",
        stderr(&output)
    );
    std::fs::remove_file(&tags).unwrap();
    let data = home.path().join("data/gloss");
    std::fs::create_dir_all(&data).unwrap();
    let names = data.join("user_gazetteer.ron");
    std::fs::write(&names, "(\n    entities: [(\"Inoden\", PLACE, [])],\n)").unwrap();
    let output = gloss(home.path(), home.path()).arg("entities").arg(seeds()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains(&format!("{}:2:", names.display())), "{message}");
    assert!(message.contains("gloss will not overwrite it"), "{message}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_under_a_printing_command_is_a_failure_not_silence() {
    let home = tempfile::tempdir().unwrap();
    for (command, what) in [("list", "the list"), ("entities", "the entities")] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let output = gloss(home.path(), home.path()).arg(command).arg(seeds()).stdout(full).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{command}");
        let expected = format!("cannot write {what} to standard output");
        assert!(stderr(&output).contains(&expected), "{command}: {}", stderr(&output));
    }
}

#[test]
fn entities_read_by_a_reader_that_stops_after_one_line_end_quietly() {
    use std::io::BufRead;
    let home = tempfile::tempdir().unwrap();
    // Far more output than a pipe and a write buffer hold, so gloss writes after the reader left.
    let corpus = home.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for n in 0..400 {
        let text = format!("Report {n}\n\nA Morning Light spokesman told Varn Halsted in Japan.\n");
        std::fs::write(corpus.join(format!("{n:03}.txt")), text).unwrap();
    }
    let mut child = gloss(home.path(), home.path())
        .arg("entities")
        .arg(&corpus)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert_eq!(first, "000.txt\tReport 0\n");
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{:?} {}", output.status, stderr(&output));
    assert_eq!(stderr(&output), "");
}
