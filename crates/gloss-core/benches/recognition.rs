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

criterion_group!(benches, recognition, hostile);
criterion_main!(benches);
