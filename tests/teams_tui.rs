//! The disagreement view in the real binary: another analyst's store opened with `--compare`,
//! stepped through, adopted from and undone, in a pseudo-terminal; their store never written.

#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::gloss_bin;
use common::pty::{Exit, Spawn};
use gloss_core::annotations::{ArticleRecord, Stamp, Store};
use gloss_core::corpus::{Article, Decoding, Origin};

/// lee's store in `dir`: a prediction on the fifth sentence of the first seed.
fn lees_store(dir: &Path) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_a7678b54e883ccb6.txt");
    let bytes = fs::read(&path).unwrap();
    let article = Article::new(Origin::File(path), &bytes, String::from_utf8(bytes.clone()).unwrap(), Decoding::Utf8);
    let mut record = ArticleRecord::for_article(&article);
    let stamp = Stamp { author: "lee".into(), time: "2026-11-21T09:00:00Z".into() };
    let claim = record.add_claim(article.text(), &article.sentences()[4], "c1", &stamp);
    record.claims[claim].tags = vec!["prediction".into()];
    let mut store = Store::default();
    store.articles.insert("first".into(), record);
    let file = dir.join("lee.ron");
    store.save(&file).unwrap();
    file
}

#[test]
fn compare_step_adopt_and_undo_in_the_real_binary() {
    let home = tempfile::tempdir().unwrap();
    let lee = lees_store(home.path());
    let before = fs::read(&lee).unwrap();
    let mine = home.path().join("kim.ron");
    let mut gloss = Spawn::new(&gloss_bin())
        .cwd(Path::new(env!("CARGO_MANIFEST_DIR")))
        .size(100, 30)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("GLOSS_AUTHOR", "kim")
        .arg("--store")
        .arg(&mine)
        .arg("--compare")
        .arg(&lee)
        .start();
    gloss.wait_for("Articles (5)");
    // kim tags the third sentence a fact; lee never tagged it: two disagreements.
    gloss.press("enter j j 1");
    gloss.wait_for("saved");
    gloss.press("D");
    let screen = gloss.wait_for("Disagreement 1 of 2");
    assert!(screen.contains("kim (you)") && screen.contains("not tagged"), "{screen}");
    gloss.press("]");
    gloss.wait_for("Disagreement 2 of 2");
    gloss.press("y");
    gloss.wait_for("adopted lee's claim: prediction");
    gloss.wait_for("Disagreement 1 of 1");
    gloss.press("u");
    gloss.wait_for("undid: adopted lee's claim: prediction");
    gloss.wait_for("of 2");
    gloss.press("q");
    assert_eq!(gloss.wait_exit(), Exit::Code(0));
    let own = Store::load(&mine).unwrap();
    let claims: Vec<_> = own.articles.values().flat_map(|r| &r.claims).collect();
    assert_eq!(claims.len(), 1, "the adoption undone: only kim's fact");
    assert_eq!((claims[0].tags.as_slice(), claims[0].author.as_str()), (["fact".to_owned()].as_slice(), "kim"));
    assert_eq!(fs::read(&lee).unwrap(), before, "the compared store is never written");
}
