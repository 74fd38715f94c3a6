use std::sync::Arc;

use super::*;
use crate::annotations::{Anchor, Claim, Verdict};
use crate::corpus::Origin;
use crate::entities::Kind;

fn article(name: &'static str, title: &str, date: Option<&str>) -> Article {
    let dateline = date.map_or_else(String::new, |d| format!("Mondo International Updated on {d}\n\n"));
    Article::from_text(Origin::Embedded(name), &format!("{title}\n\n{dateline}Body text of {name}. More text."))
}

fn claim(article: &Article, tag: &str, modified: &str) -> Claim {
    let start = article.text().find("Body").unwrap();
    Claim {
        id: format!("c{modified}"),
        anchor: Anchor::of(article.text(), &(start..start + 4)),
        tags: vec![tag.into()],
        created: modified.into(),
        modified: modified.into(),
        author: "analyst".into(),
        ..Claim::default()
    }
}

/// Four articles: a (dated, 1 fact claim, read), b (undated, nothing), c (newest, 2 claims, one
/// check-worthy and verified with a note), d (oldest, an article note only).
struct Corpus {
    articles: Vec<Article>,
    records: Vec<Option<ArticleRecord>>,
    index: EntityIndex,
}

impl Corpus {
    fn new() -> Self {
        let articles = vec![
            article("a.txt", "Russia and Japan talk", Some("2024-02-04")),
            article("b.txt", "Korea summit", None),
            article("c.txt", "Another Russian warning", Some("2024-03-01")),
            article("d.txt", "Baltic cables cut", Some("2023-12-30")),
        ];
        let mut a = ArticleRecord { read: true, ..ArticleRecord::for_article(&articles[0]) };
        a.claims = vec![claim(&articles[0], "fact", "2026-01-02T00:00:00Z")];
        let mut c = ArticleRecord::for_article(&articles[2]);
        let mut flagged = claim(&articles[2], "prediction", "2026-01-03T00:00:00Z");
        flagged.check_worthy = true;
        flagged.verdict = Verdict::Verified;
        flagged.note = "check the source".into();
        c.claims = vec![claim(&articles[2], "fact", "2026-01-01T00:00:00Z"), flagged];
        let d = ArticleRecord { note: "cables again".into(), ..ArticleRecord::for_article(&articles[3]) };
        let mut index = EntityIndex::default();
        index.add(0, &[(Kind::Gpe, Arc::from("Russia")), (Kind::Gpe, Arc::from("Japan"))]);
        index.add(2, &[(Kind::Gpe, Arc::from("Russia"))]);
        index.add(3, &[(Kind::Loc, Arc::from("Baltic Sea"))]);
        Self { articles, records: vec![Some(a), None, Some(c), Some(d)], index }
    }

    fn items(&self) -> Vec<Item<'_>> {
        self.articles
            .iter()
            .zip(&self.records)
            .map(|(article, record)| Item { article, record: record.as_ref() })
            .collect()
    }

    fn arrange(&self, filters: &Filters, sort: Sort) -> Vec<usize> {
        arrange(&self.items(), filters, &self.index, sort, None)
    }
}

#[test]
fn each_filter_keeps_what_it_says() {
    let corpus = Corpus::new();
    let only = |filters: Filters| corpus.arrange(&filters, Sort::FileOrder);
    assert_eq!(only(Filters::default()), [0, 1, 2, 3]);
    assert_eq!(only(Filters { entity: Some((Kind::Gpe, "Russia".into())), ..Filters::default() }), [0, 2]);
    assert_eq!(only(Filters { entity: Some((Kind::Org, "Russia".into())), ..Filters::default() }), [0; 0]);
    assert_eq!(only(Filters { tag: Some("fact".into()), ..Filters::default() }), [0, 2]);
    assert_eq!(only(Filters { tag: Some("prediction".into()), ..Filters::default() }), [2]);
    assert_eq!(only(Filters { check_worthy: true, ..Filters::default() }), [2]);
    assert_eq!(only(Filters { verdict: Some(Verdict::Verified), ..Filters::default() }), [2]);
    assert_eq!(only(Filters { verdict: Some(Verdict::Undetermined), ..Filters::default() }), [0, 2]);
    assert_eq!(only(Filters { has_notes: true, ..Filters::default() }), [2, 3], "claim notes and article notes");
    assert_eq!(only(Filters { read: Some(true), ..Filters::default() }), [0]);
    assert_eq!(only(Filters { read: Some(false), ..Filters::default() }), [1, 2, 3], "no record is unread");
}

#[test]
fn filters_combine_and_count() {
    let corpus = Corpus::new();
    let russia_checked =
        Filters { entity: Some((Kind::Gpe, "Russia".into())), check_worthy: true, ..Filters::default() };
    assert_eq!(corpus.arrange(&russia_checked, Sort::FileOrder), [2]);
    assert_eq!(russia_checked.count(), 2);
    assert_eq!(count(&corpus.items(), &russia_checked, &corpus.index), 1);
    let titled = Filters { title: Some("russ".into()), read: Some(false), ..Filters::default() };
    assert_eq!(corpus.arrange(&titled, Sort::FileOrder), [2], "a is read");
    assert_eq!(count(&corpus.items(), &titled, &corpus.index), 1);
    assert!(Filters::default().is_empty() && !titled.is_empty());
}

#[test]
fn sorts() {
    let corpus = Corpus::new();
    let all = Filters::default();
    assert_eq!(corpus.arrange(&all, Sort::Date), [2, 0, 3, 1], "newest first, undated last");
    assert_eq!(corpus.arrange(&all, Sort::Title), [2, 3, 1, 0]);
    assert_eq!(corpus.arrange(&all, Sort::Claims), [2, 0, 1, 3], "ties in file order");
    assert_eq!(corpus.arrange(&all, Sort::LastAnnotated), [2, 0, 1, 3], "c's newest claim is the newest");
    for &sort in Sort::ALL {
        let name: &str = sort.into();
        assert_eq!(ron::to_string(&sort).unwrap(), name, "serde and strum agree");
        assert_eq!(name.parse::<Sort>(), Ok(sort));
    }
}

#[test]
fn an_article_can_be_kept_whatever_the_filters_say() {
    let corpus = Corpus::new();
    let unread = Filters { read: Some(false), ..Filters::default() };
    assert_eq!(arrange(&corpus.items(), &unread, &corpus.index, Sort::Date, Some(0)), [2, 0, 3, 1], "in its place");
    let query = Filters { title: Some("korea".into()), ..Filters::default() };
    assert_eq!(arrange(&corpus.items(), &query, &corpus.index, Sort::FileOrder, Some(3)), [1, 3], "last if missed");
}

#[test]
fn a_title_query_ranks_best_matches_first() {
    let corpus = Corpus::new();
    let query = Filters { title: Some("russia".into()), ..Filters::default() };
    // Both match; "Russia and Japan" matches at a word start of the whole word.
    let ranked = corpus.arrange(&query, Sort::Date);
    assert_eq!(ranked.len(), 2);
    assert!(ranked.contains(&0) && ranked.contains(&2));
    let tied = Filters { title: Some("a".into()), ..Filters::default() };
    assert_eq!(corpus.arrange(&tied, Sort::FileOrder).len(), 4);
}
