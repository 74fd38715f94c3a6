//! The merge driver in a real git repository: `gloss git-setup`, two branches annotating the
//! same article, `git merge` running the built binary as its driver; and bad input refused.

// Helpers here fail the test that calls them; that is what their unwraps are for.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{gloss, gloss_bin, seeds, stderr, stdout};
use gloss_core::annotations::{Anchor, ArticleRecord, Claim, Store, Verdict, article_id};
use gloss_core::corpus::{Article, Decoding, Origin};

const STORE: &str = "annotations.ron";

/// `git` in `repo`, with gloss's folder first on PATH and no user or system configuration.
fn git(repo: &Path, args: &[&str]) -> Output {
    let bin = gloss_bin().parent().unwrap().to_path_buf();
    let path =
        std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())))
            .unwrap();
    Command::new("git")
        .current_dir(repo)
        .args(args)
        .env("PATH", path)
        .env("HOME", repo.join(".home"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "kim")
        .env("GIT_AUTHOR_EMAIL", "kim@example.org")
        .env("GIT_COMMITTER_NAME", "kim")
        .env("GIT_COMMITTER_EMAIL", "kim@example.org")
        .output()
        .unwrap()
}

fn ok(output: &Output) -> String {
    assert!(output.status.success(), "{}{}", stdout(output), stderr(output));
    stdout(output)
}

/// The first seed, and a store with a claim on each of its first three sentences.
fn repository() -> (tempfile::TempDir, Article) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let seed = seeds().join("001_83b17aba16443aae.txt");
    let bytes = std::fs::read(&seed).unwrap();
    std::fs::write(repo.join("article.txt"), &bytes).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let article = Article::new(Origin::File(repo.join("article.txt")), &bytes, text, Decoding::Utf8);
    ok(&git(repo, &["init", "-q", "-b", "main"]));
    (dir, article)
}

fn claim(article: &Article, nth: usize) -> Claim {
    let span = article.sentences()[nth].clone();
    Claim {
        id: format!("c{nth}"),
        anchor: Anchor::of(article.text(), &span),
        tags: vec!["fact".into()],
        check_worthy: false,
        verdict: Verdict::Undetermined,
        note: String::new(),
        created: "2026-12-01T09:00:00Z".into(),
        modified: "2026-12-01T09:00:00Z".into(),
        author: "kim".into(),
        orphaned: false,
        unknown: std::collections::BTreeMap::default(),
    }
}

fn read_store(repo: &Path) -> Store {
    Store::load(&repo.join(STORE)).unwrap()
}

/// Changes the article's record in the store and commits it.
fn commit_change(repo: &Path, id: &str, message: &str, change: impl FnOnce(&mut ArticleRecord)) {
    let mut store = read_store(repo);
    change(store.articles.get_mut(id).unwrap());
    std::fs::write(repo.join(STORE), store.to_ron().unwrap()).unwrap();
    ok(&git(repo, &["commit", "-q", "-am", message]));
}

fn record_claim<'a>(record: &'a mut ArticleRecord, id: &str) -> &'a mut Claim {
    record.claims.iter_mut().find(|c| c.id == id).unwrap()
}

#[test]
fn two_branches_merge_through_the_driver_and_one_real_conflict_is_kept_in_the_store() {
    let (dir, article) = repository();
    let repo = dir.path();
    let setup = gloss(repo, repo).arg("git-setup").output().unwrap();
    assert!(setup.status.success(), "{}", stderr(&setup));
    let attributes = std::fs::read_to_string(repo.join(".gitattributes")).unwrap();
    assert_eq!(attributes, "annotations.ron merge=gloss\n");
    assert!(gloss(repo, repo).arg("git-setup").output().unwrap().status.success());
    assert_eq!(std::fs::read_to_string(repo.join(".gitattributes")).unwrap(), attributes, "idempotent");
    let ignored = std::fs::read_to_string(repo.join(".gitignore")).unwrap();
    assert_eq!(ignored, "annotations.ron.bak\nannotations.ron.lock\nannotations.ron.journal\n");
    assert_eq!(ok(&git(repo, &["config", "merge.gloss.driver"])).trim(), "gloss merge-driver %O %A %B %P");

    let id = article_id(&article, None);
    let mut record = ArticleRecord::for_article(&article);
    record.claims = vec![claim(&article, 0), claim(&article, 1)];
    let mut store = Store::default();
    store.articles.insert(id.clone(), record);
    std::fs::write(repo.join(STORE), store.to_ron().unwrap()).unwrap();
    ok(&git(repo, &["add", "."]));
    ok(&git(repo, &["commit", "-q", "-m", "base"]));

    // Different claims and fields: merged cleanly, nothing lost.
    ok(&git(repo, &["checkout", "-q", "-b", "ana"]));
    commit_change(repo, &id, "ana", |r| {
        record_claim(r, "c0").note = "ana's note".into();
        r.claims.push(claim(&article, 2));
    });
    ok(&git(repo, &["checkout", "-q", "main"]));
    commit_change(repo, &id, "main", |r| record_claim(r, "c1").verdict = Verdict::Verified);
    ok(&git(repo, &["merge", "-q", "--no-edit", "ana"]));
    let merged = read_store(repo);
    let record = &merged.articles[&id];
    let ids: Vec<&str> = record.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c0", "c1", "c2"]);
    assert_eq!((record.claims[0].note.as_str(), record.claims[1].verdict), ("ana's note", Verdict::Verified));
    assert!(record.conflicts.is_empty());
    assert_eq!(std::fs::read_to_string(repo.join(STORE)).unwrap(), merged.to_ron().unwrap(), "as gloss writes it");

    // The same field changed on both branches: git reports a conflict, the store keeps both.
    ok(&git(repo, &["checkout", "-q", "-b", "bo"]));
    commit_change(repo, &id, "bo", |r| record_claim(r, "c1").note = "bo says so".into());
    ok(&git(repo, &["checkout", "-q", "main"]));
    commit_change(repo, &id, "main again", |r| record_claim(r, "c1").note = "main says not".into());
    let merge = git(repo, &["merge", "--no-edit", "bo"]);
    assert!(!merge.status.success(), "git must report the conflict");
    assert!(
        stderr(&merge).contains("annotations.ron: merged, with 1 conflict kept in the store"),
        "{}",
        stderr(&merge)
    );
    assert_eq!(ok(&git(repo, &["diff", "--name-only", "--diff-filter=U"])).trim(), STORE);
    let text = std::fs::read_to_string(repo.join(STORE)).unwrap();
    assert!(!text.contains("<<<<<<<"), "no conflict markers: {text}");
    let conflicted = Store::parse(&text, Path::new(STORE)).unwrap();
    let record = &conflicted.articles[&id];
    assert_eq!(record.claims.len(), 3);
    assert_eq!(record.claims[1].note, "main says not");
    let conflict = &record.conflicts[0];
    assert_eq!((conflict.claim.as_deref(), conflict.field.as_str()), (Some("c1"), "note"));
    assert_eq!(conflict.other_values, [gloss_core::annotations::conflict::Value::Text("bo says so".into())]);
}

fn driver_files(dir: &Path, theirs: &str) -> [PathBuf; 3] {
    let good = Store::default().to_ron().unwrap();
    let paths = [dir.join("O"), dir.join("A"), dir.join("B")];
    std::fs::write(&paths[0], &good).unwrap();
    std::fs::write(&paths[1], "// ours, byte for byte\n(version: 1, articles: {})\n").unwrap();
    std::fs::write(&paths[2], theirs).unwrap();
    paths
}

#[test]
fn bad_input_is_named_and_ours_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("<<<<<<< HEAD\n(version: 1)\n=======\n>>>>>>> x\n", "annotations.ron:1:1: a git merge left conflict markers"),
        ("(version: 1, articles: {\"a\": (", "annotations.ron:1:"),
    ];
    for (theirs, expected) in cases {
        let [o, a, b] = driver_files(dir.path(), theirs);
        let before = std::fs::read(&a).unwrap();
        let output = gloss(dir.path(), dir.path()).arg("merge-driver").args([&o, &a, &b]).arg(STORE).output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        let said = stderr(&output);
        assert!(said.contains("cannot merge annotations.ron: theirs, the version being merged in: "), "{said}");
        assert!(said.contains(expected) && said.contains("ours was left as it was"), "{said}");
        assert_eq!(std::fs::read(&a).unwrap(), before);
    }
}

#[test]
fn git_setup_outside_a_repository_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let output = gloss(dir.path(), dir.path()).arg("git-setup").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("git rev-parse --show-toplevel"), "{}", stderr(&output));
    assert!(!dir.path().join(".gitattributes").exists());
}
