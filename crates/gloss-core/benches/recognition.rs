//! Entity recognition throughput with the full gazetteer, in MB/s of article text: on the seeds
//! (one core), and on 1,000 generated articles (about 15 MB) on one core and on every core,
//! sentences included as `gloss entities` finds them, and corpus-wide as `gloss entities` does
//! it (the files read twice), next to `grep -F -o -w -f` with the
//! same names over the same files in the same run (its output counted by `wc -l`: GNU grep
//! stops at the first match when it writes to /dev/null). And the cost of building the
//! recogniser.

use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use gloss_core::corpus::{Article, Format, Origin, SEEDS, Source};
use gloss_core::entities::{Gazetteer, Recognizer};
use rayon::prelude::*;

#[allow(dead_code)]
#[path = "../examples/corpus/mod.rs"]
mod generated;

/// About 1 MB of news text: the seeds, repeated.
fn corpus() -> Vec<Article> {
    (0..36)
        .flat_map(|round| {
            SEEDS
                .iter()
                .map(move |(name, text)| Article::from_text(Origin::Embedded(name), &format!("{text}\n\n{round}")))
        })
        .collect()
}

fn recognition(c: &mut Criterion) {
    let recognizer = Recognizer::built_in().expect("built-in gazetteer");
    let articles = corpus();
    for article in &articles {
        article.sentences();
    }
    let bytes: usize = articles.iter().map(|a| a.text().len()).sum();
    let mut group = c.benchmark_group("recognition");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("recognize ~1 MB of articles", |b| {
        b.iter(|| articles.iter().map(|a| recognizer.recognize(black_box(a)).len()).sum::<usize>());
    });
    group.finish();

    let one = &articles[0];
    c.bench_function("highlight one article on open", |b| b.iter(|| recognizer.recognize(black_box(one)).len()));
    c.bench_function("build the recogniser", |b| b.iter(|| Recognizer::built_in().expect("gazetteer")));
}

/// Makes a text of about the given number of bytes.
type MakeText = fn(usize) -> String;

/// Texts built to find quadratic passes, at two sizes: the time per byte should not grow with
/// the size (nested brackets, one person named thousands of times, thousands of defined
/// acronyms, names in their own script in brackets).
fn hostile(c: &mut Criterion) {
    let recognizer = Recognizer::built_in().expect("built-in gazetteer");
    let shapes: [(&str, MakeText); 4] = [
        ("nested brackets", |n| format!("{}Big Name{}", "(".repeat(n / 2), ")".repeat(n / 2))),
        ("one person repeated", |n| "The Foo Bar Company said John Smith met. ".repeat(n / 41)),
        ("defined acronyms", |n| "Acme Corp (AC) and Foo Bar (FB) met. ".repeat(n / 37)),
        ("native scripts", |n| "Moon Jae-in (문재인) met Zoë Ça in Москва. ".repeat(n / 52)),
    ];
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for (name, make) in shapes {
        for size in [32_000, 64_000] {
            let article = Article::from_text(Origin::Embedded("hostile"), &make(size));
            article.sentences();
            group.throughput(Throughput::Bytes(article.text().len() as u64));
            group.bench_function(format!("{name}, {} KB", size / 1000), |b| {
                b.iter(|| recognizer.recognize(black_box(&article)).len());
            });
        }
    }
    group.finish();
}

/// The first 1,000 files of the generated corpus of 10,000 articles (seed 42).
fn generated_files() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-corpora/10000");
    generated::ensure(&generated::Spec::new(10_000, 42), &folder).expect("the generated corpus is written");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("the corpus folder")
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files.truncate(1_000);
    files
}

fn generated_corpus(c: &mut Criterion) {
    let recognizer = Recognizer::built_in().expect("built-in gazetteer");
    let files = generated_files();
    let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).expect("an article")).collect();
    // Fresh articles for every run: splitting into sentences is part of recognising.
    let articles = || texts.iter().map(|t| Article::from_text(Origin::Embedded("a.txt"), t)).collect::<Vec<_>>();
    let mut group = c.benchmark_group("recognise 1,000 generated articles");
    group.throughput(Throughput::Bytes(texts.iter().map(|t| t.len() as u64).sum()));
    group.sample_size(10);
    group.bench_function("gloss: one core", |b| {
        b.iter_batched(
            articles,
            |a| a.iter().map(|a| recognizer.recognize(a).len()).sum::<usize>(),
            BatchSize::LargeInput,
        );
    });
    group.bench_function("gloss: every core", |b| {
        b.iter_batched(
            articles,
            |a| a.par_iter().map(|a| recognizer.recognize(a).len()).sum::<usize>(),
            BatchSize::LargeInput,
        );
    });
    // What `gloss entities` does: every file read, recognised and its names learned, then read
    // again and given the corpus's names.
    let sources: Vec<Source> =
        files.iter().map(|path| Source::File { path: path.clone(), format: Format::for_named_file(path) }).collect();
    group.bench_function("gloss: corpus-wide, the files read twice, every core", |b| {
        b.iter(|| {
            let mut mentions = 0;
            let learned = recognizer.learn_sources(&sources);
            let count = |n: usize| {
                mentions += n;
                Ok::<(), ()>(())
            };
            recognizer.recognize_learned(learned, |_, found| found.len(), count).expect("counting fails not");
            mentions
        });
    });
    let names = names_file();
    group.bench_function("grep -F -o -w -f NAMES | wc -l, same files", |b| {
        b.iter(|| {
            let output = Command::new("sh")
                .arg("-c")
                .arg(r#"LC_ALL=C.UTF-8 grep -F -o -w -f "$0" "$@" | wc -l"#)
                .arg(names.path())
                .args(&files)
                .output()
                .expect("sh runs");
            String::from_utf8_lossy(&output.stdout).trim().parse::<usize>().expect("wc -l prints a number")
        });
    });
    group.finish();
}

/// Every name of the built-in gazetteer, one per line, as `grep -f` reads them.
fn names_file() -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    for entry in Gazetteer::built_in().expect("built-in gazetteer").entries {
        for name in entry.names() {
            writeln!(file, "{name}").expect("write a name");
        }
    }
    file
}

criterion_group!(benches, recognition, generated_corpus, hostile);
criterion_main!(benches);
