//! The corpus-wide entity index: which articles mention each entity, to pivot from one to all.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::{Kind, Mention};

/// An entity as the index knows it: kind and canonical name.
pub type EntityKey = (Kind, Arc<str>);

/// Which articles mention which entities. Articles are numbered by the caller.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    ids: FxHashMap<EntityKey, usize>,
    /// For each entity id, the articles that mention it, ascending.
    articles: Vec<Vec<usize>>,
    indexed: usize,
}

impl EntityIndex {
    /// Records the entities mentioned in `article`. Each article is added once.
    pub fn add(&mut self, article: usize, entities: &[EntityKey]) {
        self.indexed += 1;
        for key in entities {
            let next = self.articles.len();
            let id = *self.ids.entry(key.clone()).or_insert(next);
            if id == next {
                self.articles.push(Vec::new());
            }
            let list = &mut self.articles[id];
            if let Err(at) = list.binary_search(&article) {
                list.insert(at, article);
            }
        }
    }

    /// The articles that mention the entity, ascending.
    pub fn articles_with(&self, kind: Kind, canonical: &str) -> &[usize] {
        let key: EntityKey = (kind, canonical.into());
        self.ids.get(&key).map_or(&[], |&id| &self.articles[id])
    }

    /// Every entity with the articles that mention it, most mentioned first (then by kind and
    /// name), for completing a name typed by the user.
    pub fn entities(&self) -> Vec<(&EntityKey, &[usize])> {
        let mut all: Vec<(&EntityKey, &[usize])> =
            self.ids.iter().map(|(key, &id)| (key, self.articles[id].as_slice())).collect();
        all.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(b.0)));
        all
    }

    /// How many articles have been added.
    pub fn indexed(&self) -> usize {
        self.indexed
    }

    pub fn entity_count(&self) -> usize {
        self.articles.len()
    }
}

/// The distinct entities among `mentions`, in first-mention order.
pub fn entities_of(mentions: &[Mention]) -> Vec<EntityKey> {
    let mut seen: Vec<EntityKey> = Vec::new();
    for mention in mentions {
        if !seen.iter().any(|(kind, name)| *kind == mention.kind && *name == mention.canonical) {
            seen.push((mention.kind, mention.canonical.clone()));
        }
    }
    seen
}

/// An article's entities grouped for a panel: each with its mentions, by kind then by count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitySummary {
    pub kind: Kind,
    pub canonical: Arc<str>,
    /// Indices into the article's mentions, in text order.
    pub mentions: Vec<usize>,
}

/// The entities of an article, grouped by kind (in `Kind::ALL` order), most mentioned first.
pub fn summarize(mentions: &[Mention]) -> Vec<EntitySummary> {
    let mut summaries: Vec<EntitySummary> = Vec::new();
    for (index, mention) in mentions.iter().enumerate() {
        match summaries.iter_mut().find(|s| s.kind == mention.kind && s.canonical == mention.canonical) {
            Some(summary) => summary.mentions.push(index),
            None => summaries.push(EntitySummary {
                kind: mention.kind,
                canonical: mention.canonical.clone(),
                mentions: vec![index],
            }),
        }
    }
    summaries.sort_by(|a, b| {
        (a.kind, std::cmp::Reverse(a.mentions.len()), &a.canonical).cmp(&(
            b.kind,
            std::cmp::Reverse(b.mentions.len()),
            &b.canonical,
        ))
    });
    summaries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::MentionSource;

    fn mention(start: usize, kind: Kind, name: &str) -> Mention {
        Mention { span: start..start + 1, kind, canonical: name.into(), source: MentionSource::Gazetteer }
    }

    #[test]
    fn index_finds_every_article_mentioning_an_entity() {
        let mut index = EntityIndex::default();
        index.add(2, &[(Kind::Person, "Fumio Kishida".into()), (Kind::Gpe, "Japan".into())]);
        index.add(0, &[(Kind::Gpe, "Japan".into())]);
        index.add(5, &[(Kind::Person, "Fumio Kishida".into())]);
        assert_eq!(index.articles_with(Kind::Person, "Fumio Kishida"), [2, 5]);
        assert_eq!(index.articles_with(Kind::Gpe, "Japan"), [0, 2]);
        assert!(index.articles_with(Kind::Org, "Japan").is_empty());
        assert_eq!((index.indexed(), index.entity_count()), (3, 2));
        let listed: Vec<(&str, usize)> = index.entities().iter().map(|(k, a)| (&*k.1, a.len())).collect();
        assert_eq!(listed, [("Fumio Kishida", 2), ("Japan", 2)], "most mentioned first, then kind and name");
    }

    #[test]
    fn summaries_group_by_kind_and_count() {
        let mentions = [
            mention(0, Kind::Gpe, "Japan"),
            mention(5, Kind::Person, "Fumio Kishida"),
            mention(9, Kind::Gpe, "China"),
            mention(12, Kind::Gpe, "China"),
        ];
        let summaries = summarize(&mentions);
        let shown: Vec<(Kind, &str, usize)> =
            summaries.iter().map(|s| (s.kind, &*s.canonical, s.mentions.len())).collect();
        assert_eq!(shown, [(Kind::Person, "Fumio Kishida", 1), (Kind::Gpe, "China", 2), (Kind::Gpe, "Japan", 1)]);
        assert_eq!(summaries[1].mentions, [2, 3]);
        assert_eq!(entities_of(&mentions).len(), 3);
    }
}
