//! Entity recognition throughput with the full gazetteer, on one core, in MB/s of article text;
//! and the cost of building the recogniser. Compare with `scripts/bench-vs-grep`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss_core::corpus::{Article, Origin, SEEDS};
use gloss_core::entities::Recognizer;

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

criterion_group!(benches, recognition);
criterion_main!(benches);
