//! Which parts of the corpus a search looks in: some articles (those that mention an entity),
//! and the text and notes of the claims a filter keeps. The claim filter is export's: one
//! model of "which claims" for exports, search and the list.

use std::collections::HashSet;

use crate::corpus::Article;
use crate::entities::Recognizer;
use crate::export::Filter;

/// Where a search looks. The default looks everywhere.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Claims by tag, check-worthy flag and verdict (`articles` and `all_articles` are export's
    /// and not read here). When it filters claims, a search finds only text inside the claims
    /// it keeps and those claims' notes: no other text, no article notes, no titles.
    pub claims: Filter,
    /// Only the articles with these indices; `None` for all.
    pub articles: Option<HashSet<usize>>,
}

impl Scope {
    /// Whether article `index` is searched at all.
    pub fn keeps_article(&self, index: usize) -> bool {
        self.articles.as_ref().is_none_or(|articles| articles.contains(&index))
    }
}

/// Whether `article` mentions the entity called `name`: by its canonical name or as written,
/// ignoring case (`--entity "fumio kishida"`, `--entity Kishida`).
pub fn mentions_entity(recognizer: &Recognizer, article: &Article, name: &str) -> bool {
    let name = name.trim().to_lowercase();
    let text = article.text();
    recognizer
        .recognize(article)
        .iter()
        .any(|m| m.canonical.to_lowercase() == name || text[m.span.clone()].to_lowercase() == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Origin;

    #[test]
    fn entities_are_found_by_canonical_name_or_as_written() {
        let recognizer = Recognizer::built_in().unwrap();
        let article = Article::from_text(Origin::Embedded("a.txt"), "Talks\n\nKishida met officials in Tokyo.");
        assert!(mentions_entity(&recognizer, &article, "tokyo"));
        assert!(!mentions_entity(&recognizer, &article, "Seoul"));
    }

    #[test]
    fn the_default_scope_keeps_every_article() {
        assert!(Scope::default().keeps_article(7));
        let some = Scope { articles: Some(HashSet::from([1])), ..Scope::default() };
        assert!(some.keeps_article(1) && !some.keeps_article(2));
    }
}
