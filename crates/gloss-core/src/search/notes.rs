//! What the annotation store holds that search looks in: each article's note and its claims
//! (their notes, and their places, tags and flags for filtering), taken as a snapshot so a
//! search in the background never reads a store that is changing.

use std::collections::HashMap;

use crate::annotations::{ArticleRecord, Claim};

/// One article's note and claims, as they were when the search began.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleNotes {
    pub note: String,
    /// In text order, orphans included (their notes are still searched).
    pub claims: Vec<Claim>,
}

impl From<&ArticleRecord> for ArticleNotes {
    fn from(record: &ArticleRecord) -> Self {
        Self { note: record.note.clone(), claims: record.claims.clone() }
    }
}

/// The notes and claims of the corpus's articles, by article index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    by_article: HashMap<usize, ArticleNotes>,
}

impl Notes {
    /// Keeps what `record` says of article `article`, if it has a note or claims.
    pub fn insert(&mut self, article: usize, record: &ArticleRecord) {
        if !record.note.is_empty() || !record.claims.is_empty() {
            self.by_article.insert(article, ArticleNotes::from(record));
        }
    }

    pub fn get(&self, article: usize) -> Option<&ArticleNotes> {
        self.by_article.get(&article)
    }

    pub fn len(&self) -> usize {
        self.by_article.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_article.is_empty()
    }
}

impl<'r> FromIterator<(usize, &'r ArticleRecord)> for Notes {
    fn from_iter<I: IntoIterator<Item = (usize, &'r ArticleRecord)>>(records: I) -> Self {
        let mut notes = Self::default();
        for (article, record) in records {
            notes.insert(article, record);
        }
        notes
    }
}
