//! Making the article list's rows on 10,000 articles: what every filter, sort or keystroke of a
//! title query costs the front end.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss_core::annotations::{ArticleRecord, Verdict};
use gloss_core::corpus::{Article, Origin};
use gloss_core::entities::{EntityIndex, Kind};
use gloss_core::listing::{Filters, Item, Sort, arrange};

/// 10,000 short articles with varied titles and dates, a third with a record, a tenth read.
fn corpus() -> (Vec<Article>, Vec<Option<ArticleRecord>>, EntityIndex) {
    let words = ["Russia", "Japan", "summit", "talks", "Korea", "cables", "Baltic", "warning", "troops", "trade"];
    let mut index = EntityIndex::default();
    let articles: Vec<Article> = (0..10_000)
        .map(|i| {
            let title: Vec<&str> = (0..8).map(|k| words[(i * 7 + k * 3 + i / 10) % words.len()]).collect();
            let text = format!(
                "{} {i}\n\nMondo International Updated on 2024-{:02}-{:02}\n\nBody of article {i}.",
                title.join(" "),
                i % 12 + 1,
                i % 28 + 1
            );
            index.add(i, &[(Kind::Gpe, Arc::from(words[i % 3]))]);
            Article::from_text(Origin::Embedded("bench.txt"), &text)
        })
        .collect();
    let records = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (i % 3 == 0).then(|| ArticleRecord { read: i % 10 == 0, ..ArticleRecord::for_article(a) }))
        .collect();
    (articles, records, index)
}

fn listing(c: &mut Criterion) {
    let (articles, records, index) = corpus();
    let items: Vec<Item<'_>> =
        articles.iter().zip(&records).map(|(article, record)| Item { article, record: record.as_ref() }).collect();
    let mut group = c.benchmark_group("list rows of 10,000 articles");
    group.sample_size(20);
    group.bench_function("file order, no filter", |b| {
        b.iter(|| arrange(black_box(&items), &Filters::default(), &index, Sort::FileOrder, None).len());
    });
    group.bench_function("by title", |b| {
        b.iter(|| arrange(black_box(&items), &Filters::default(), &index, Sort::Title, None).len());
    });
    let filters = Filters {
        entity: Some((Kind::Gpe, Arc::from("Russia"))),
        read: Some(false),
        verdict: None::<Verdict>,
        ..Filters::default()
    };
    group.bench_function("entity and unread, by date", |b| {
        b.iter(|| arrange(black_box(&items), &filters, &index, Sort::Date, None).len());
    });
    let query = Filters { title: Some("rus tal".into()), ..Filters::default() };
    group.bench_function("a fuzzy title query", |b| {
        b.iter(|| arrange(black_box(&items), &query, &index, Sort::FileOrder, None).len());
    });
    group.finish();
}

criterion_group!(benches, listing);
criterion_main!(benches);
