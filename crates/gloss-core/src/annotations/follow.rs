//! Resolve, then follow: which record in the store is an article's, and that record brought up
//! to date with the article — a moved file followed, claims placed again on edited text, claims
//! that no longer fit kept as orphans, never dropped. The reader, the exports and `gloss list`
//! all go through [`attach`] (the reader in two stages: [`relocate`] at once, [`place_claims`]
//! in the background).

use std::borrow::Cow;

use super::anchoring::{Placement, place};
use super::claim::{Anchor, Claim};
use super::identity::{Identity, Resolver};
use super::store::{ArticleRecord, Store};
use crate::corpus::Article;

/// What following an article did to its record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Followed {
    /// The record now names the article's new file or path.
    pub moved: bool,
    /// Claims placed again on changed text.
    pub replaced: usize,
    /// Claims whose text could not be found again (and were not orphans already).
    pub orphaned: usize,
}

impl Followed {
    pub fn changed(&self) -> bool {
        self.moved || self.replaced > 0 || self.orphaned > 0
    }

    /// `a.txt: 2 claims placed again, 1 orphaned`, when claims had to be placed again.
    pub fn report(&self, file: &str) -> Option<String> {
        (self.replaced > 0 || self.orphaned > 0)
            .then(|| format!("{file}: {} claims placed again, {} orphaned", self.replaced, self.orphaned))
    }
}

/// An article with its record: found in the store and brought up to date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached<'s> {
    /// The record's id in the store, or the id the article is known by without one.
    pub id: String,
    pub identity: Identity,
    /// The article's record, followed; borrowed from the store when nothing had to change.
    pub record: Option<Cow<'s, ArticleRecord>>,
    pub followed: Followed,
}

/// Resolve, then follow: `article`'s record in `store` (as `resolver`, built from that store,
/// finds it), brought up to date with the article's text. The store is not changed.
pub fn attach<'s>(resolver: &Resolver, store: &'s Store, article: &Article) -> Attached<'s> {
    let (identity, id) = resolve(resolver, article);
    let mut followed = Followed::default();
    let record = identity.id().and_then(|id| store.articles.get(id)).map(|record| {
        if record.path == article.origin().display_path() && !needs_placing(record, article) {
            return Cow::Borrowed(record);
        }
        let mut record = record.clone();
        followed = follow(&mut record, article);
        Cow::Owned(record)
    });
    Attached { id, identity, record, followed }
}

/// Resolve alone: how `article` relates to the store, and the id it is known by.
pub fn resolve(resolver: &Resolver, article: &Article) -> (Identity, String) {
    let identity = resolver.identify(article);
    let id = article_id(article, identity.id());
    (identity, id)
}

/// An article's id: its record's in the store, else the start of its content fingerprint
/// (what [`super::new_article_id`] gives it when it gets a record).
pub fn article_id(article: &Article, in_store: Option<&str>) -> String {
    in_store.map_or_else(|| article.fingerprint().to_hex()[..12].to_owned(), str::to_owned)
}

/// Brings `record` up to date with `article`: both stages at once.
pub fn follow(record: &mut ArticleRecord, article: &Article) -> Followed {
    let moved = relocate(record, article);
    let placed = if needs_placing(record, article) { place_claims(record, article) } else { Followed::default() };
    Followed { moved, ..placed }
}

/// The cheap stage: the record names the article's file and path as they are now. Returns
/// whether they changed.
pub fn relocate(record: &mut ArticleRecord, article: &Article) -> bool {
    let path = article.origin().display_path();
    if record.path == path {
        return false;
    }
    record.path = path;
    record.file = article.origin().file_name();
    true
}

/// Whether the record's claims must be placed again on `article`'s text: the text changed
/// since they were placed, one of them no longer fits it, or an orphan may have come back.
pub fn needs_placing(record: &ArticleRecord, article: &Article) -> bool {
    record.fingerprint != article.fingerprint().to_hex()
        || record.claims.iter().any(|claim| claim.orphaned || !fits(claim, article.text()))
}

/// Whether `claim`'s quote is in `text` exactly where its anchor says (on character boundaries).
pub fn fits(claim: &Claim, text: &str) -> bool {
    text.get(claim.anchor.start..claim.anchor.end) == Some(claim.anchor.quote.as_str())
}

/// Marks every placed claim that does not fit `text` as an orphan, so nothing is ever shown or
/// exported at a place that is not its own; returns whether any was marked. Cheap: the
/// claims are placed properly by [`place_claims`].
pub fn orphan_misfits(record: &mut ArticleRecord, text: &str) -> bool {
    let mut marked = false;
    for claim in record.claims.iter_mut().filter(|c| !c.orphaned && !fits(c, text)) {
        claim.orphaned = true;
        marked = true;
    }
    marked
}

/// The slow stage: every claim placed again on `article`'s text (exactly, by context, or
/// fuzzily), or kept as an orphan; the record then belongs to this text.
pub fn place_claims(record: &mut ArticleRecord, article: &Article) -> Followed {
    let mut followed = Followed::default();
    let text = article.text();
    let sentences = article.sentences();
    for claim in &mut record.claims {
        let was_orphan = claim.orphaned;
        let span = match place(text, sentences, &claim.anchor) {
            Placement::Unchanged => {
                claim.orphaned = false;
                continue;
            }
            Placement::Moved(span) | Placement::Fuzzy { span, .. } => span,
            Placement::Orphaned => 0..0,
        };
        if span.is_empty() || text.get(span.clone()).is_none() {
            claim.orphaned = true;
            followed.orphaned += usize::from(!was_orphan);
        } else {
            claim.anchor = Anchor::of(text, &span);
            claim.orphaned = false;
            followed.replaced += 1;
        }
    }
    record.fingerprint = article.fingerprint().to_hex();
    article.title().clone_into(&mut record.title);
    // Claims keep their order unless one moved: the store is saved in text order anyway.
    if followed.replaced > 0 {
        record.sort_claims();
    }
    followed
}

#[cfg(test)]
mod tests;
