//! Saving into the library: new, updated in place, unchanged, duplicate; names never clash.

use super::*;
use crate::corpus::{Block, BlockKind, Document, Metadata};

fn snapshot(guid: &str, url: &str, text: &str) -> Snapshot {
    let metadata = Metadata {
        title: Some("Grain deal lapses".into()),
        source: Some("Mondo World".into()),
        date: Some("2023-07-17".into()),
        byline: None,
        url: Some(url.into()),
    };
    let document = Document::new(metadata, vec![Block::new(BlockKind::Paragraph, text)]);
    Snapshot { document, guid: Some(guid.into()), feed: None, fetched: "2023-07-18T00:00:00Z".into() }
}

#[test]
fn the_same_item_is_kept_once_and_rewritten_in_place_when_its_text_changes() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(dir.path());
    let mut index = Index::read(&library).unwrap();
    let first = index.save(&library, &snapshot("g1", "https://m.example/a", "Russia let the deal lapse.")).unwrap();
    let path = dir.path().join("mondo-world/2023-07-17-grain-deal-lapses.md");
    assert_eq!(first, Saved::New(path.clone()));
    assert_eq!(
        index.save(&library, &snapshot("g1", "https://m.example/a", "Russia let the deal lapse.")).unwrap(),
        Saved::Unchanged(path.clone())
    );
    let changed = snapshot("g1", "https://m.example/a", "Russia let the grain deal lapse on Monday.");
    assert_eq!(index.save(&library, &changed).unwrap(), Saved::Updated(path.clone()));
    assert!(fs::read_to_string(&path).unwrap().contains("on Monday"));

    // A fresh index, read from the files, knows the same.
    let mut reread = Index::read(&library).unwrap();
    assert_eq!(reread.len(), 1);
    assert_eq!(reread.save(&library, &changed).unwrap(), Saved::Unchanged(path.clone()));
    // Same URL under another GUID is the same article; same text elsewhere is a copy.
    assert_eq!(
        reread
            .save(&library, &snapshot("g2", "https://m.example/a", "Russia let the grain deal lapse on Monday."))
            .unwrap(),
        Saved::Unchanged(path.clone())
    );
    assert_eq!(
        reread
            .save(&library, &snapshot("g3", "https://other.example/b", "Russia let the grain deal lapse on Monday."))
            .unwrap(),
        Saved::Duplicate(path)
    );
}

#[test]
fn two_articles_with_one_title_and_date_get_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(dir.path());
    let mut index = Index::read(&library).unwrap();
    index.save(&library, &snapshot("a", "https://m.example/1", "One text.")).unwrap();
    let second = index.save(&library, &snapshot("b", "https://m.example/2", "Another text.")).unwrap();
    assert_eq!(second, Saved::New(dir.path().join("mondo-world/2023-07-17-grain-deal-lapses-2.md")));
    assert!(library.has_articles());
    let names: Vec<String> = fs::read_dir(dir.path().join("mondo-world"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "no temporary files left: {names:?}");
}
