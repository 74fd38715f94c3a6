//! Which record in the store is an article's: by content when it moved or was renamed, by
//! path when it was edited, never by file name alone.

use std::collections::HashMap;

use super::store::Store;
use crate::corpus::Article;

/// How an article relates to the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    /// Same content, same place.
    Same(String),
    /// Same content somewhere else: moved, renamed, or a copy.
    Moved(String),
    /// Same place, different content: the article was edited; its claims need placing again.
    Edited(String),
    /// Not in the store.
    New,
}

impl Identity {
    pub fn id(&self) -> Option<&str> {
        match self {
            Self::Same(id) | Self::Moved(id) | Self::Edited(id) => Some(id),
            Self::New => None,
        }
    }
}

/// Looks articles up in a store by fingerprint and by path.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    by_fingerprint: HashMap<String, String>,
    by_path: HashMap<String, String>,
}

impl Resolver {
    pub fn new(store: &Store) -> Self {
        let mut resolver = Self::default();
        for (id, record) in &store.articles {
            resolver.learn(id, &record.fingerprint, &record.path);
        }
        resolver
    }

    /// Remembers where article `id` is now.
    pub fn learn(&mut self, id: &str, fingerprint: &str, path: &str) {
        self.by_fingerprint.entry(fingerprint.to_owned()).or_insert_with(|| id.to_owned());
        self.by_path.insert(path.to_owned(), id.to_owned());
    }

    /// How `article` relates to the store: by its content fingerprint and where it was read.
    pub fn identify(&self, article: &Article) -> Identity {
        self.resolve(&article.fingerprint().to_hex(), &article.origin().display_path())
    }

    /// The record of the article with this content `fingerprint` at this `path`.
    pub fn resolve(&self, fingerprint: &str, path: &str) -> Identity {
        let by_path = self.by_path.get(path);
        match (self.by_fingerprint.get(fingerprint), by_path) {
            (Some(a), Some(b)) if a == b => Identity::Same(a.clone()),
            (Some(id), _) => Identity::Moved(id.clone()),
            (None, Some(id)) => Identity::Edited(id.clone()),
            (None, None) => Identity::New,
        }
    }
}

/// A new article id: the start of the content fingerprint, longer if that is taken.
pub fn new_article_id(fingerprint: &str, store: &Store) -> String {
    (12..=fingerprint.len())
        .map(|len| fingerprint[..len].to_owned())
        .find(|id| !store.articles.contains_key(id))
        .unwrap_or_else(|| format!("{fingerprint}-{}", store.articles.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::store::ArticleRecord;

    fn store() -> Store {
        let mut store = Store::default();
        let record = |fingerprint: &str, path: &str| ArticleRecord {
            fingerprint: fingerprint.into(),
            path: path.into(),
            read: true,
            ..ArticleRecord::default()
        };
        store.articles.insert("aaaa".into(), record("f1", "/news/a.txt"));
        store.articles.insert("bbbb".into(), record("f2", "/other/a.txt"));
        store
    }

    #[test]
    fn articles_are_found_by_content_then_by_place() {
        let resolver = Resolver::new(&store());
        assert_eq!(resolver.resolve("f1", "/news/a.txt"), Identity::Same("aaaa".into()));
        assert_eq!(resolver.resolve("f1", "/moved/renamed.txt"), Identity::Moved("aaaa".into()));
        assert_eq!(resolver.resolve("f9", "/news/a.txt"), Identity::Edited("aaaa".into()));
        assert_eq!(resolver.resolve("f9", "/elsewhere/a.txt"), Identity::New);
    }

    #[test]
    fn two_articles_with_the_same_file_name_keep_their_own_records() {
        let resolver = Resolver::new(&store());
        assert_eq!(resolver.resolve("f2", "/other/a.txt").id(), Some("bbbb"));
        assert_eq!(resolver.resolve("f3", "/third/a.txt"), Identity::New);
    }

    #[test]
    fn new_ids_never_collide() {
        let mut store = Store::default();
        let fingerprint = "0123456789abcdef0123";
        let first = new_article_id(fingerprint, &store);
        assert_eq!(first, "0123456789ab");
        store.articles.insert(first, ArticleRecord::default());
        assert_eq!(new_article_id(fingerprint, &store), "0123456789abc");
    }
}
