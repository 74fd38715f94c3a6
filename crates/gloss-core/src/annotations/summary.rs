//! One article in a line: what the corpus says of it and how much the analyst did on it, as
//! `gloss list` prints it (its JSON object is this struct, field for field).

use serde::Serialize;

use super::follow::Attached;
use crate::corpus::{Article, Decoding};

/// An article and its annotations, counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleSummary {
    /// The store id, or for an article without a record the one it would get.
    pub id: String,
    pub file: String,
    pub path: String,
    pub title: String,
    /// The title was made from the start of the text, which has no headline.
    pub title_derived: bool,
    pub source: Option<String>,
    pub date: Option<String>,
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    pub fingerprint: String,
    /// The file is UTF-8, read exactly.
    pub utf8: bool,
    /// The encoding it was read in: `UTF-8`, `UTF-16LE`, `windows-1252`, `EUC-KR`, …
    pub encoding: &'static str,
    /// Bytes the encoding does not allow, read as U+FFFD.
    pub replaced: usize,
    pub claims: usize,
    /// Notes on claims, and the article's own note.
    pub notes: usize,
    pub read: bool,
}

impl ArticleSummary {
    /// The summary of `article`, whose record [`super::attach`] found.
    pub fn of(article: &Article, attached: &Attached<'_>) -> Self {
        let header = article.header();
        let structure = article.structure();
        let record = attached.record.as_deref();
        let notes = record.map_or(0, |r| {
            r.claims.iter().filter(|c| !c.note.trim().is_empty()).count() + usize::from(!r.note.trim().is_empty())
        });
        Self {
            id: attached.id.clone(),
            file: article.origin().file_name(),
            path: article.origin().display_path(),
            title: header.title.clone(),
            title_derived: header.title_derived,
            source: header.source.clone(),
            date: header.date.clone(),
            words: article.words(),
            sentences: structure.sentences.len(),
            paragraphs: structure.paragraphs.spans.len(),
            fingerprint: article.fingerprint().to_hex(),
            utf8: article.decoding() == Decoding::Utf8,
            encoding: article.decoding().encoding(),
            replaced: article.decoding().replaced(),
            claims: record.map_or(0, |r| r.claims.len()),
            notes,
            read: record.is_some_and(|r| r.read),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::claim::{Anchor, Claim};
    use crate::annotations::{ArticleRecord, Resolver, Store, attach};
    use crate::corpus::Origin;

    #[test]
    fn counts_claims_notes_and_reads_and_serialises_in_order() {
        let article = Article::from_text(Origin::Embedded("a.txt"), "Headline\n\nOne sentence. Two sentences.");
        let mut record =
            ArticleRecord { read: true, note: "on the article".into(), ..ArticleRecord::for_article(&article) };
        let claim = |id: &str, note: &str| Claim {
            id: id.into(),
            anchor: Anchor::of(article.text(), &(10..23)),
            tags: vec!["fact".into()],
            note: note.into(),
            ..Claim::default()
        };
        record.claims = vec![claim("c1", "noted"), claim("c2", " ")];
        let mut store = Store::default();
        store.articles.insert("myid".into(), record);
        let summary = ArticleSummary::of(&article, &attach(&Resolver::new(&store), &store, &article));
        assert_eq!((summary.id.as_str(), summary.claims, summary.notes, summary.read), ("myid", 2, 2, true));
        assert_eq!(
            (summary.title.as_str(), summary.sentences, summary.source.as_deref()),
            ("Headline", 3, None),
            "the headline is a sentence"
        );
        let json = serde_json::to_string(&summary).unwrap();
        assert!(json.starts_with(r#"{"id":"myid","file":"a.txt","path":"#), "{json}");
        assert!(
            json.ends_with(r#""utf8":true,"encoding":"UTF-8","replaced":0,"claims":2,"notes":2,"read":true}"#),
            "{json}"
        );
        let unknown = ArticleSummary::of(&article, &attach(&Resolver::new(&Store::default()), &store, &article));
        assert_eq!((unknown.claims, unknown.read), (0, false));
        assert_eq!(unknown.id, article.fingerprint().to_hex()[..12]);
    }
}
