//! Which articles the article list shows, and in what order: filters over each article, its
//! annotation record and the corpus entity index; sort orders; fuzzy matching for titles and
//! for pickers.

mod filter;
mod fuzzy;
mod sort;

pub use filter::Filters;
pub use fuzzy::Fuzzy;
pub use sort::{Sort, SortKey};

use crate::annotations::ArticleRecord;
use crate::corpus::Article;
use crate::entities::EntityIndex;

/// One article of the corpus with its annotations, as the list sees it.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    pub article: &'a Article,
    pub record: Option<&'a ArticleRecord>,
}

impl<'a> Item<'a> {
    /// The article's date, `YYYY-MM-DD`.
    pub fn date(&self) -> Option<&'a str> {
        self.article.header().date.as_deref()
    }

    pub fn claims(&self) -> usize {
        self.record.map_or(0, |r| r.claims.len())
    }

    /// When one of the article's claims was last changed (RFC 3339, UTC).
    pub fn last_annotated(&self) -> Option<&'a str> {
        self.record?.claims.iter().map(|c| c.modified.as_str()).filter(|m| !m.is_empty()).max()
    }
}

/// The positions in `items` of the articles `filters` keep, in `sort` order; with a title query,
/// best matches first (ties in `sort` order), as a fuzzy finder shows them. Article `also` is
/// kept whatever the filters say (in its place, or last when the title query misses it).
pub fn arrange(
    items: &[Item<'_>],
    filters: &Filters,
    entities: &EntityIndex,
    sort: Sort,
    also: Option<usize>,
) -> Vec<usize> {
    let mut kept: Vec<usize> =
        (0..items.len()).filter(|&i| Some(i) == also || filters.keeps(i, &items[i], entities)).collect();
    let keys = sort.keys(items);
    kept.sort_by(|&a, &b| sort.compare(items, &keys, a, b));
    let Some(query) = filters.title.as_deref() else { return kept };
    let mut fuzzy = Fuzzy::new(query);
    let mut ranked: Vec<usize> =
        fuzzy.rank(kept.iter().map(|&i| items[i].article.title())).into_iter().map(|at| kept[at]).collect();
    if let Some(also) = also.filter(|a| kept.contains(a) && !ranked.contains(a)) {
        ranked.push(also);
    }
    ranked
}

/// How many of `items` `filters` keep, title query included.
pub fn count(items: &[Item<'_>], filters: &Filters, entities: &EntityIndex) -> usize {
    let mut fuzzy = filters.title.as_deref().map(Fuzzy::new);
    (0..items.len())
        .filter(|&i| {
            filters.keeps(i, &items[i], entities)
                && fuzzy.as_mut().is_none_or(|f| f.score(items[i].article.title()).is_some())
        })
        .count()
}

#[cfg(test)]
mod tests;
