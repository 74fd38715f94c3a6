//! Reading a corpus of 10,000 generated articles (about 145 MB, `examples/generate_corpus`)
//! as `gloss list` does, on every core and on one, next to `wc -w` over the same files in the
//! same run; then the text passes it is made of, in MB/s: counting words and finding sentences
//! (with `unicode-segmentation`'s splitter alone for comparison, and a blank stretch of 64 KB
//! that once took a minute).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss_core::corpus::{self, Article, Origin};
use gloss_core::text::{paragraphs, sentences, word_count};
use unicode_segmentation::UnicodeSegmentation;

#[allow(dead_code)]
#[path = "../examples/corpus/mod.rs"]
mod generated;

/// The generated corpus of `articles` articles (seed 42), written under `target/` once.
fn corpus_folder(articles: usize) -> PathBuf {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../target/bench-corpora/{articles}"));
    generated::ensure(&generated::Spec::new(articles, 42), &folder).expect("the generated corpus is written");
    folder
}

/// The corpus's article files, in the order gloss reads them.
fn files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("the corpus folder")
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

fn bytes(files: &[PathBuf]) -> u64 {
    files.iter().map(|f| std::fs::metadata(f).expect("an article file").len()).sum()
}

fn read_corpus(c: &mut Criterion) {
    let folder = corpus_folder(10_000);
    let files = files(&folder);
    let mut group = c.benchmark_group("read 10,000 articles");
    group.throughput(Throughput::Bytes(bytes(&files)));
    group.sample_size(10);
    let load = || {
        let (articles, problems) = corpus::load_all(corpus::discover(std::slice::from_ref(&folder)));
        assert!(problems.is_empty() && articles.len() == 10_000);
        articles.iter().map(Article::words).sum::<usize>()
    };
    group.bench_function("gloss: find, read, describe (every core)", |b| b.iter(load));
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool of one thread");
    group.bench_function("gloss: find, read, describe (one core)", |b| b.iter(|| one.install(load)));
    group.bench_function("wc -w, same files", |b| {
        b.iter(|| {
            let output = Command::new("wc").arg("-w").args(&files).output().expect("wc runs");
            assert!(output.status.success());
            output.stdout.len()
        });
    });
    group.finish();
}

fn text_passes(c: &mut Criterion) {
    let folder = corpus_folder(10_000);
    // The first thousand articles (about 15 MB, one of them 1 MB), in memory.
    let texts: Vec<String> =
        files(&folder).iter().take(1_000).map(|f| std::fs::read_to_string(f).expect("an article")).collect();
    let mut group = c.benchmark_group("text of 1,000 articles");
    group.throughput(Throughput::Bytes(texts.iter().map(|t| t.len() as u64).sum()));
    group.sample_size(10);
    group.bench_function("word count", |b| b.iter(|| texts.iter().map(|t| word_count(black_box(t))).sum::<usize>()));
    group.bench_function("word count, unicode-segmentation alone", |b| {
        b.iter(|| texts.iter().map(|t| black_box(t).unicode_words().count()).sum::<usize>());
    });
    group.bench_function("paragraphs and sentences", |b| {
        b.iter(|| texts.iter().map(|t| sentences(t, &paragraphs(black_box(t))).len()).sum::<usize>());
    });
    group.bench_function("sentence boundaries, unicode-segmentation alone", |b| {
        b.iter(|| texts.iter().map(|t| black_box(t).split_sentence_bounds().count()).sum::<usize>());
    });
    group.bench_function("describe (header, words, fingerprint)", |b| {
        b.iter(|| texts.iter().map(|t| Article::from_text(Origin::Embedded("a.txt"), t).words()).sum::<usize>());
    });
    group.finish();

    let blank = format!("A first sentence.{}The second one. And a third.", " ".repeat(64 * 1024));
    c.bench_function("sentences around 64 KB of spaces", |b| {
        b.iter(|| sentences(&blank, &paragraphs(black_box(&blank))).len());
    });
}

criterion_group!(benches, read_corpus, text_passes);
criterion_main!(benches);
