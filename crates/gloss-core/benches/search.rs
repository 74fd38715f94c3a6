//! Corpus search on ten thousand articles (about 55 MB: the seeds, repeated, each copy
//! numbered, one of them holding a rare word): time to the first hit as the reader's `ctrl-f`
//! lists it, and to every hit as `gloss search` prints them, for a common and a rare term,
//! plain and regex, on articles read but not yet split into sentences (as `gloss search` has
//! them); and every hit of the common term on articles already split (as the reader has them).
//! In the same run, GNU grep over the same articles written as files, its output counted by
//! `wc -l` (grep takes a shortcut when it writes to /dev/null).

use std::hint::black_box;
use std::ops::ControlFlow;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss_core::corpus::{Article, Origin, SEEDS};
use gloss_core::search::{Mode, Notes, Query, Scope, Streamer, search_corpus};

const ARTICLES: usize = 10_000;
/// The article that holds the rare word: late in the corpus, so its first hit waits for most
/// of the search.
const RARE_AT: usize = 7_777;
const RARE: &str = "Quetzalcoatl";

/// The text of synthetic article `i`.
fn text(i: usize) -> String {
    let (_, seed) = SEEDS[i % SEEDS.len()];
    let rare = if i == RARE_AT { RARE } else { "" };
    format!("{seed}\n\nCopy {i}. {rare}\n")
}

fn make_articles() -> Vec<Article> {
    (0..ARTICLES).map(|i| Article::from_text(Origin::Embedded("bench.txt"), &text(i))).collect()
}

/// The queries: (name, text, mode, grep's pattern and flags).
const QUERIES: &[(&str, &str, Mode, &str)] = &[
    ("common plain", "japan", Mode::Plain, "-i -F japan"),
    ("rare plain", "quetzalcoatl", Mode::Plain, "-i -F quetzalcoatl"),
    ("common regex", "Jap[a-z]+", Mode::Regex, "-E Jap[a-z]+"),
    ("rare regex", r"Quetzal\w+", Mode::Regex, "-E Quetzal[[:alnum:]_]+"),
];

/// Time until the first batch of hits, as the reader's corpus search would list it.
fn first_hit(articles: &[Article], query: &Query) -> usize {
    let streamer = Streamer {
        query: query.clone(),
        articles: articles.iter().collect::<Vec<_>>(),
        notes: Notes::default(),
        scope: Scope::default(),
        limit: usize::MAX,
        interval: Duration::from_millis(30),
    };
    let mut first = 0;
    streamer.run(&AtomicBool::new(false), &mut |batch| {
        first = batch.hits.len();
        if first > 0 || batch.done { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
    });
    first
}

/// Every hit, as `gloss search` finds them.
fn every_hit(articles: &[Article], query: &Query) -> usize {
    let mut hits = 0;
    let flow = search_corpus(articles, &Notes::default(), query, &Scope::default(), &mut |hit| {
        hits += black_box(hit).line.min(1);
        ControlFlow::Continue(())
    });
    assert!(flow.is_continue());
    hits
}

fn search(c: &mut Criterion) {
    let articles = make_articles();
    let mut group = c.benchmark_group("search 10,000 articles");
    group.sample_size(10);
    for &(name, text, mode, _) in QUERIES {
        let query = Query::new(text, mode).expect("query");
        group.bench_function(format!("{name}: first hit"), |b| b.iter(|| first_hit(&articles, &query)));
        group.bench_function(format!("{name}: every hit"), |b| b.iter(|| every_hit(&articles, &query)));
    }
    // In the reader, recognising names has split every article into sentences by the time
    // one searches; search then splits none itself.
    drop(articles);
    let split = make_articles();
    for article in &split {
        article.sentences();
    }
    let query = Query::new("japan", Mode::Plain).expect("query");
    group.bench_function("common plain: every hit, articles already split", |b| {
        b.iter(|| every_hit(&split, &query));
    });
    group.finish();
    drop(split);
    grep(c);
}

/// GNU grep over the same articles as files, in the same run.
fn grep(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for i in 0..ARTICLES {
        std::fs::write(dir.path().join(format!("{i:05}.txt")), text(i)).expect("write an article");
    }
    let mut group = c.benchmark_group("grep -r -n, same articles");
    group.sample_size(10);
    for &(name, _, _, flags) in QUERIES {
        group.bench_function(format!("{name}: first line"), |b| b.iter(|| run_grep(dir.path(), flags, "| head -n 1")));
        group.bench_function(format!("{name}: every line"), |b| b.iter(|| run_grep(dir.path(), flags, "")));
    }
    group.finish();
}

/// `grep -r -n FLAGS DIR [THEN] | wc -l`; returns the count.
fn run_grep(dir: &Path, flags: &str, then: &str) -> usize {
    let script = format!("LC_ALL=C.UTF-8 grep -r -n {flags} {} {then} | wc -l", dir.display());
    let output = Command::new("sh").arg("-c").arg(&script).output().expect("sh runs");
    String::from_utf8_lossy(&output.stdout).trim().parse().expect("wc -l prints a number")
}

criterion_group!(benches, search);
criterion_main!(benches);
