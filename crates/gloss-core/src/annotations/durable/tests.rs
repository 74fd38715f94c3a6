//! The store on disk: edits durable through the journal, replayed after a crash, folded into
//! the file; outside changes merged; a file that cannot be read never written over.

use std::fs;

use super::*;
use crate::annotations::claim::{Anchor, Claim, Verdict};
use crate::annotations::conflict::Value;
use crate::annotations::open::open_store;

fn record(note: &str) -> ArticleRecord {
    ArticleRecord {
        file: "a.txt".into(),
        path: "/a.txt".into(),
        fingerprint: "f".into(),
        note: note.into(),
        ..ArticleRecord::default()
    }
}

fn claim(id: &str, note: &str) -> Claim {
    Claim {
        id: id.into(),
        anchor: Anchor { start: 0, end: 4, quote: "text".into(), prefix: String::new(), suffix: String::new() },
        tags: vec!["fact".into()],
        check_worthy: false,
        verdict: Verdict::Undetermined,
        note: note.into(),
        created: "2026-11-21T07:00:00Z".into(),
        modified: "2026-11-21T07:00:00Z".into(),
        author: "kim".into(),
        orphaned: false,
        unknown: Unknown::new(),
    }
}

fn open(path: &Path) -> (Store, Durable, Vec<String>) {
    let opened = open_store(Some(path), false).unwrap();
    assert!(opened.read_only.is_none(), "{:?}", opened.read_only);
    (opened.store, opened.durable.unwrap(), opened.notices)
}

fn on_disk(path: &Path) -> Store {
    Store::load(path).unwrap()
}

#[test]
fn an_edit_is_in_the_journal_at_once_and_comes_back_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    let (_, mut durable, _) = open(&path);
    durable.record(vec![("a".into(), Some(record("first")))]).unwrap();
    durable.record(vec![("a".into(), Some(record("second"))), ("b".into(), Some(record("other")))]).unwrap();
    assert!(!path.exists(), "not folded yet: only the journal has it");
    drop(durable); // a crash: no fold, no goodbye
    let (store, durable, notices) = open(&path);
    assert_eq!((store.articles["a"].note.as_str(), store.articles["b"].note.as_str()), ("second", "other"));
    assert!(notices.iter().any(|n| n.contains("2 edit(s) from the journal")), "{notices:?}");
    durable.close().unwrap();
    assert_eq!(on_disk(&path).articles["a"].note, "second");
    assert!(!journal_path(&path).exists(), "closed: everything is in the file");
}

#[test]
fn a_fold_empties_the_journal_and_a_torn_entry_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    let (_, mut durable, _) = open(&path);
    durable.record(vec![("a".into(), Some(record("folded")))]).unwrap();
    durable.fold_now().unwrap();
    assert_eq!(on_disk(&path).articles["a"].note, "folded");
    durable.record(vec![("a".into(), Some(record("journaled")))]).unwrap();
    drop(durable);
    let mut bytes = fs::read(journal_path(&path)).unwrap();
    bytes.extend_from_slice(b"E 999 0123\n(half an ent");
    fs::write(journal_path(&path), bytes).unwrap();
    let (store, durable, _) = open(&path);
    assert_eq!(store.articles["a"].note, "journaled");
    durable.close().unwrap();
}

#[test]
fn a_crash_between_writing_the_file_and_emptying_the_journal_replays_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    let (_, mut durable, _) = open(&path);
    for note in ["a", "b", "c"] {
        durable.record(vec![("x".into(), Some(record(note)))]).unwrap();
    }
    let journal = fs::read(journal_path(&path)).unwrap();
    durable.fold_now().unwrap();
    // The journal as it was just after the file was swapped in: entries, then the fold mark.
    let digest = disk::digest(&fs::read(&path).unwrap());
    let mut marked = journal;
    marked.extend_from_slice(format!("F {digest}\n").as_bytes());
    drop(durable);
    fs::write(journal_path(&path), marked).unwrap();
    let (store, durable, _) = open(&path);
    assert_eq!(store.articles["x"].note, "c");
    assert!(store.articles["x"].conflicts.is_empty(), "{:?}", store.articles["x"].conflicts);
    durable.close().unwrap();
}

#[test]
fn an_outside_change_is_merged_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    let (_, mut durable, _) = open(&path);
    let mut a = record("ours");
    a.claims.push(claim("c1", "claim"));
    durable.record(vec![("a".into(), Some(a.clone()))]).unwrap();
    durable.fold_now().unwrap();
    // Someone edits the file: another article, and the claim's note.
    let mut theirs = on_disk(&path);
    theirs.articles.insert("z".into(), record("added by hand"));
    theirs.articles.get_mut("a").unwrap().claims[0].note = "theirs".into();
    theirs.save(&path).unwrap();
    // Meanwhile gloss changes the same claim's note and the article's note.
    a.note = "ours, later".into();
    a.claims[0].note = "mine".into();
    durable.record(vec![("a".into(), Some(a))]).unwrap();
    let folded = durable.fold_now().unwrap();
    let merged = on_disk(&path);
    assert_eq!(merged.articles["z"].note, "added by hand");
    let a = &merged.articles["a"];
    assert_eq!((a.note.as_str(), a.claims[0].note.as_str()), ("ours, later", "mine"));
    assert_eq!(a.conflicts[0].other_values, [Value::Text("theirs".into())]);
    assert_eq!(folded.conflicts, 1);
    assert!(folded.absorbs.iter().any(|x| x.id == "z"), "the session is told");
    durable.close().unwrap();
}

#[test]
fn a_file_with_conflict_markers_is_never_written_and_edits_wait_then_merge_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    let (_, mut durable, _) = open(&path);
    durable.record(vec![("a".into(), Some(record("one")))]).unwrap();
    durable.fold_now().unwrap();
    let good = fs::read_to_string(&path).unwrap();
    let broken =
        good.replacen("            read: false,\n", "<<<<<<< HEAD\n            read: false,\n=======\n>>>>>>> x\n", 1);
    fs::write(&path, &broken).unwrap();
    durable.record(vec![("a".into(), Some(record("two")))]).unwrap();
    let error = durable.fold_now().unwrap_err();
    assert!(error.is_unreadable() && error.to_string().contains("conflict markers"), "{error}");
    assert_eq!(fs::read_to_string(&path).unwrap(), broken, "never written over");
    fs::write(&path, good.replace("\"/a.txt\"", "\"/moved/a.txt\"")).unwrap();
    durable.fold_now().unwrap();
    let fixed = on_disk(&path);
    assert_eq!((fixed.articles["a"].note.as_str(), fixed.articles["a"].path.as_str()), ("two", "/moved/a.txt"));
    durable.close().unwrap();
}

#[test]
fn a_backup_that_is_a_folder_is_named_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    let (_, mut durable, _) = open(&path);
    durable.record(vec![("a".into(), Some(record("one")))]).unwrap();
    durable.fold_now().unwrap();
    fs::create_dir(dir.path().join("annotations.ron.bak")).unwrap();
    durable.record(vec![("a".into(), Some(record("two")))]).unwrap();
    let error = durable.fold_now().unwrap_err().to_string();
    assert!(error.contains("annotations.ron.bak") && error.contains("folder"), "{error}");
    drop(durable);
    assert_eq!(open(&path).0.articles["a"].note, "two", "the edit is in the journal");
}

#[test]
fn leftover_temporary_files_are_removed_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    for name in [".annotations.ron.abc123.tmp", ".annotations.ron.journal.x1.tmp"] {
        fs::write(dir.path().join(name), "half").unwrap();
    }
    fs::write(dir.path().join(".other.ron.abc.tmp"), "not ours").unwrap();
    let (_, durable, notices) = open(&path);
    assert!(notices.iter().any(|n| n.contains("removed 2 temporary")), "{notices:?}");
    let left: Vec<String> =
        fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(
        left.contains(&".other.ron.abc.tmp".to_owned()) && !left.iter().any(|n| n.starts_with(".annotations.ron.")),
        "{left:?}"
    );
    durable.close().unwrap();
}

#[cfg(unix)]
#[test]
fn a_linked_store_is_written_and_locked_where_it_really_is() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("checkout/annotations.ron");
    fs::create_dir(dir.path().join("checkout")).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (_, mut durable, _) = open(&link);
    let second = open_store(Some(&real), false).unwrap();
    assert!(second.read_only.unwrap().contains("another gloss"), "the real path and the link share one lock");
    durable.record(vec![("a".into(), Some(record("through the link")))]).unwrap();
    durable.close().unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is still a link");
    assert_eq!(on_disk(&real).articles["a"].note, "through the link");
}

#[test]
fn an_edit_the_journal_refused_is_kept_and_written_on_the_retry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    let (_, mut durable, _) = open(&path);
    let writable = std::mem::replace(durable.journal.file_for_tests(), fs::File::open(journal_path(&path)).unwrap());
    assert!(durable.record(vec![("a".into(), Some(record("kept")))]).is_err());
    assert!(durable.begin_fold().is_none(), "nothing is folded over an edit the journal lacks");
    *durable.journal.file_for_tests() = writable;
    durable.write_waiting().unwrap();
    drop(durable);
    assert_eq!(open(&path).0.articles["a"].note, "kept");
}

#[test]
fn a_record_made_here_and_there_before_the_first_fold_keeps_both_notes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    let (_, mut durable, _) = open(&path);
    durable.record(vec![("a".into(), Some(record("here")))]).unwrap();
    let mut theirs = Store::default();
    theirs.articles.insert("a".into(), record("there"));
    fs::write(&path, theirs.to_ron().unwrap()).unwrap();
    durable.record(vec![("b".into(), Some(record("more")))]).unwrap();
    durable.fold_now().unwrap();
    let a = &on_disk(&path).articles["a"];
    assert_eq!((a.note.as_str(), a.conflicts[0].other_values.as_slice()), ("here", &[Value::Text("there".into())][..]));
}

/// gloss writes note "one" of `a` and folds it; an editor reads the store; gloss writes "two"
/// and folds it. The keeper, and the editor's copy, now stale.
fn read_between_two_folds(path: &Path) -> (Durable, Store) {
    let (_, mut durable, _) = open(path);
    durable.record(vec![("a".into(), Some(record("one")))]).unwrap();
    durable.fold_now().unwrap();
    let stale = on_disk(path);
    durable.record(vec![("a".into(), Some(record("two")))]).unwrap();
    durable.fold_now().unwrap();
    (durable, stale)
}

#[test]
fn a_stale_copy_saved_over_the_store_does_not_undo_an_edit_already_folded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    let (mut durable, mut stale) = read_between_two_folds(&path);
    // …and saves it after gloss wrote "two", with a change of its own.
    stale.articles.insert("z".into(), record("added by hand"));
    stale.save(&path).unwrap();
    durable.record(vec![("b".into(), Some(record("elsewhere")))]).unwrap();
    durable.fold_now().unwrap();
    let merged = on_disk(&path);
    assert_eq!((merged.articles["a"].note.as_str(), merged.articles["z"].note.as_str()), ("two", "added by hand"));
    durable.close().unwrap();
}

#[test]
fn a_crash_just_after_swapping_over_an_outside_change_loses_neither() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    let (_, mut durable, _) = open(&path);
    durable.record(vec![("a".into(), Some(record("one")))]).unwrap();
    durable.fold_now().unwrap();
    durable.record(vec![("a".into(), Some(record("two")))]).unwrap();
    let journal = fs::read(journal_path(&path)).unwrap();
    drop(durable);
    // What a crash leaves when someone saved the store just after gloss read it and just
    // before gloss swapped its version in: gloss's version in place, theirs set aside.
    let mut ours = on_disk(&path);
    ours.articles.get_mut("a").unwrap().note = "two".into();
    let mut theirs = on_disk(&path);
    theirs.articles.insert("z".into(), record("added by hand"));
    let ours = ours.to_ron().unwrap();
    fs::write(&path, &ours).unwrap();
    fs::write(park::park_path(&path), theirs.to_ron().unwrap()).unwrap();
    let mut marked = journal;
    marked.extend_from_slice(format!("F {}\n", disk::digest(ours.as_bytes())).as_bytes());
    fs::write(journal_path(&path), marked).unwrap();
    let read = crate::annotations::read_store(Some(&path)).unwrap();
    assert_eq!((read.articles["a"].note.as_str(), read.articles["z"].note.as_str()), ("two", "added by hand"));
    let (store, durable, notices) = open(&path);
    assert_eq!((store.articles["a"].note.as_str(), store.articles["z"].note.as_str()), ("two", "added by hand"));
    assert!(notices.iter().any(|n| n.contains("changed elsewhere")), "{notices:?}");
    durable.close().unwrap();
    let folded = on_disk(&path);
    assert_eq!((folded.articles["a"].note.as_str(), folded.articles["z"].note.as_str()), ("two", "added by hand"));
    assert!(!park::park_path(&path).exists());
}

#[test]
fn a_late_editor_changing_a_field_gloss_changed_since_keeps_both_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    let (mut durable, mut stale) = read_between_two_folds(&path);
    // The editor changes the note it read ("one") and saves after gloss wrote "two": it may
    // never have seen "two", so neither value wins silently.
    stale.articles.get_mut("a").unwrap().note = "by hand".into();
    stale.save(&path).unwrap();
    durable.record(vec![("b".into(), Some(record("elsewhere")))]).unwrap();
    durable.fold_now().unwrap();
    let a = &on_disk(&path).articles["a"];
    assert_eq!(
        (a.note.as_str(), a.conflicts[0].other_values.as_slice()),
        ("two", &[Value::Text("by hand".into())][..])
    );
    durable.close().unwrap();
}

#[test]
fn a_stale_copy_saved_just_before_a_crash_does_not_undo_the_last_fold() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    let (durable, mut stale) = read_between_two_folds(&path);
    // An editor saves what it read before "two" was folded in, and gloss dies before it
    // looks again: the journal still has what the last fold changed.
    stale.articles.insert("z".into(), record("added by hand"));
    stale.save(&path).unwrap();
    drop(durable);
    let (store, durable, _) = open(&path);
    assert_eq!((store.articles["a"].note.as_str(), store.articles["z"].note.as_str()), ("two", "added by hand"));
    durable.close().unwrap();
}
