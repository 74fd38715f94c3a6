//! The store at 1k, 10k and 100k claims: the work a tag key does on the UI thread (the intent,
//! and cloning the changed record for the keeper), the time from the intent to the edit being
//! on disk (synced in the journal, reported back by the keeper), and opening a 100k-claim store.
//! The store lives under `target/`, on a real disk, so the syncs cost what they cost.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss_core::annotations::claim::{Anchor, Claim, Verdict};
use gloss_core::annotations::durable::{Keeper, Report};
use gloss_core::annotations::{ArticleRecord, Intent, Session, Store, Target, Vocabulary, open_store};
use gloss_core::corpus::{Article, Origin, SEEDS};

/// Claims per article in the generated stores.
const PER_ARTICLE: usize = 100;

/// A store of `claims` claims in articles of a hundred, with notes and quotes like real ones.
fn store(claims: usize) -> Store {
    let mut store = Store::default();
    for a in 0..claims / PER_ARTICLE {
        let id = format!("{a:012x}");
        let claims = (0..PER_ARTICLE)
            .map(|c| Claim {
                id: format!("c{a:05}{c:05}"),
                anchor: Anchor {
                    start: c * 200,
                    end: c * 200 + 150,
                    quote: "Officials said the talks would resume next week after a pause of several months. "
                        .repeat(2),
                    prefix: "the envoy arrived on Monday and ".into(),
                    suffix: " according to two people briefed".into(),
                },
                tags: vec!["fact".into(), "quote".into()],
                check_worthy: c % 3 == 0,
                verdict: Verdict::InProgress,
                note: "Check against the ministry's statement.".into(),
                created: "2026-11-21T07:00:00Z".into(),
                modified: "2026-11-21T07:00:00Z".into(),
                author: "analyst".into(),
                orphaned: false,
                unknown: gloss_core::annotations::store::Unknown::new(),
            })
            .collect();
        let record = ArticleRecord {
            file: format!("{a}.txt"),
            path: format!("/news/{a}.txt"),
            fingerprint: format!("{a:064x}"),
            title: format!("Article {a}"),
            read: true,
            claims,
            ..ArticleRecord::default()
        };
        store.articles.insert(id, record);
    }
    store
}

/// A folder under `target/` (a real disk, unlike a tmpfs `/tmp`).
fn folder(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-store").join(name);
    match std::fs::remove_dir_all(&dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => panic!("cannot clear {}: {e}", dir.display()),
        _ => {}
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A session over the store at `path`, with the first seed attached, and a keeper for it whose
/// "on disk" reports arrive on the returned receiver.
fn open(path: &Path) -> (Session, Keeper, mpsc::Receiver<u64>) {
    let opened = open_store(Some(path), false).unwrap();
    let mut session = Session::new(opened.store, Vocabulary::built_in().unwrap());
    let (name, text) = SEEDS[0];
    session.attach([Arc::new(Article::from_text(Origin::Embedded(name), text))]);
    let (sender, durable) = mpsc::channel();
    let keeper = Keeper::start(opened.durable.unwrap(), move |report| {
        if let Report::Durable(number) = report {
            let _gone = sender.send(number);
        }
    });
    (session, keeper, durable)
}

/// A tag on the first sentence, toggled: what the `1` key does, and the changed records as
/// the front end hands them to the keeper.
fn tag(session: &mut Session) -> Vec<(String, Option<ArticleRecord>)> {
    let sentence = session.record(0).map_or(0..10, |r| r.claims.first().map_or(0..10, Claim::span));
    let target =
        session.record(0).and_then(|r| r.claims.first()).map_or(Target::New(sentence), |c| Target::Claim(c.id.clone()));
    let outcome = session.apply(Intent::ToggleTag { article: 0, target, tag: "causal".into() }).unwrap();
    outcome.changed.into_iter().map(|id| (id.clone(), session.store().articles.get(&id).cloned())).collect()
}

fn store_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("store");
    group.sample_size(30).measurement_time(Duration::from_secs(4));
    for claims in [1_000, 10_000, 100_000] {
        let dir = folder(&format!("{claims}"));
        let path = dir.join("annotations.ron");
        store(claims).save(&path).unwrap();
        let (mut session, keeper, durable) = open(&path);
        group.bench_function(format!("tag latency (UI thread), {claims} claims"), |b| {
            b.iter(|| black_box(tag(&mut session)));
        });
        let mut number = 0;
        group.bench_function(format!("tag to durable, {claims} claims"), |b| {
            b.iter(|| {
                number += 1;
                keeper.record(number, tag(&mut session)).unwrap();
                while durable.recv().unwrap() < number {}
            });
        });
        keeper.finish(Duration::from_secs(120)).unwrap();
    }
    let dir = folder("load");
    let path = dir.join("annotations.ron");
    store(100_000).save(&path).unwrap();
    group.sample_size(10);
    group.bench_function("open a 100k-claim store", |b| {
        b.iter(|| black_box(open_store(Some(&path), true).unwrap().store.articles.len()));
    });
    group.finish();
}

criterion_group!(benches, store_benches);
criterion_main!(benches);
