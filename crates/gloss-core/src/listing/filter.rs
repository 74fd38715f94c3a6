//! Filters on the article list: what an article must have to be shown. Each one set narrows the
//! list; together they all must hold.

use crate::annotations::{ArticleRecord, Verdict};
use crate::entities::{EntityIndex, EntityKey};

use super::Item;

/// What the list keeps; the default keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// A fuzzy query on titles.
    pub title: Option<String>,
    /// Articles that mention this entity (as the corpus index knows it).
    pub entity: Option<EntityKey>,
    /// Articles with a claim of this tag.
    pub tag: Option<String>,
    /// Articles with a check-worthy claim.
    pub check_worthy: bool,
    /// Articles with a claim of this verdict.
    pub verdict: Option<Verdict>,
    /// Articles with a note, on themselves or on a claim.
    pub has_notes: bool,
    /// Articles read (`Some(true)`) or not yet read (`Some(false)`).
    pub read: Option<bool>,
}

impl Filters {
    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// How many filters are set.
    pub fn count(&self) -> usize {
        [
            self.title.is_some(),
            self.entity.is_some(),
            self.tag.is_some(),
            self.check_worthy,
            self.verdict.is_some(),
            self.has_notes,
            self.read.is_some(),
        ]
        .into_iter()
        .filter(|&set| set)
        .count()
    }

    /// Whether article `index` (`item`) passes every filter but the title query, which ranks
    /// rather than only keeps (see [`super::arrange`]).
    pub fn keeps(&self, index: usize, item: &Item<'_>, entities: &EntityIndex) -> bool {
        let claims = || item.record.into_iter().flat_map(|r| r.claims.iter());
        self.entity
            .as_ref()
            .is_none_or(|(kind, name)| entities.articles_with(*kind, name).binary_search(&index).is_ok())
            && self.tag.as_ref().is_none_or(|tag| claims().any(|c| c.tags.contains(tag)))
            && (!self.check_worthy || claims().any(|c| c.check_worthy))
            && self.verdict.is_none_or(|verdict| claims().any(|c| c.verdict == verdict))
            && (!self.has_notes || item.record.is_some_and(has_notes))
            && self.read.is_none_or(|read| item.record.is_some_and(|r| r.read) == read)
    }
}

/// Whether a record has a note on the article or on one of its claims.
fn has_notes(record: &ArticleRecord) -> bool {
    !record.note.trim().is_empty() || record.claims.iter().any(|c| !c.note.trim().is_empty())
}
