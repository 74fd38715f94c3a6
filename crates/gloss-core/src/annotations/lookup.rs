//! Finding articles by what an analyst calls them: a store id or the start of one, a file name,
//! a file stem.

use super::follow::resolve;
use super::identity::Resolver;
use super::store::Store;
use crate::corpus::Article;

/// A name that picks no article, or more than one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    #[error("no article matches {0}; give its id, file name or file stem (see gloss list)")]
    NoMatch(String),
    #[error("{name} is the start of {} ids ({}); give more of it", ids.len(), ids.join(", "))]
    Ambiguous { name: String, ids: Vec<String> },
}

/// The ids of the articles `names` pick among `articles`: exactly by id, file name or file stem
/// (all that match), else by the start of exactly one id. Ids are the store's, or for an
/// article without a record the one it would get.
pub fn article_ids<A: std::borrow::Borrow<Article>>(
    names: &[String],
    articles: &[A],
    store: &Store,
) -> Result<Vec<String>, LookupError> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let resolver = Resolver::new(store);
    let mut known: Vec<(String, String)> = Vec::new();
    for article in articles.iter().map(std::borrow::Borrow::borrow) {
        let (_, id) = resolve(&resolver, article);
        // Copies of one article share its id: list it once.
        if !known.iter().any(|(seen, _)| *seen == id) {
            known.push((id, article.origin().file_name()));
        }
    }
    let mut ids = Vec::new();
    for name in names {
        ids.extend(pick(name, &known)?);
    }
    Ok(ids)
}

fn pick(name: &str, known: &[(String, String)]) -> Result<Vec<String>, LookupError> {
    let exact: Vec<String> = known
        .iter()
        .filter(|(id, file)| id == name || file == name || stem(file) == name)
        .map(|(id, _)| id.clone())
        .collect();
    if !exact.is_empty() {
        return Ok(exact);
    }
    let by_start: Vec<String> =
        known.iter().filter(|(id, _)| !name.is_empty() && id.starts_with(name)).map(|(id, _)| id.clone()).collect();
    match by_start.len() {
        0 => Err(LookupError::NoMatch(name.to_owned())),
        1 => Ok(by_start),
        _ => Err(LookupError::Ambiguous { name: name.to_owned(), ids: by_start }),
    }
}

/// A file name without its extension.
pub fn stem(file: &str) -> &str {
    file.rsplit_once('.').map_or(file, |(stem, _)| stem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::follow::article_id;
    use crate::annotations::store::ArticleRecord;
    use crate::corpus::Origin;

    fn corpus() -> (Vec<Article>, Store) {
        let articles: Vec<Article> = ["interview.txt", "summit.txt", "other.md"]
            .iter()
            .map(|&name| Article::from_text(Origin::Embedded(name), &format!("{name}\n\nSome text about {name}.")))
            .collect();
        let mut store = Store::default();
        for (id, article) in ["kim-interview", "kim-summit"].iter().zip(&articles) {
            store
                .articles
                .insert((*id).to_owned(), ArticleRecord { read: true, ..ArticleRecord::for_article(article) });
        }
        (articles, store)
    }

    fn ids(names: &[&str]) -> Result<Vec<String>, LookupError> {
        let (articles, store) = corpus();
        let names: Vec<String> = names.iter().map(|&n| n.to_owned()).collect();
        article_ids(&names, &articles, &store)
    }

    #[test]
    fn by_id_file_stem_or_the_start_of_one_id() {
        assert_eq!(ids(&[]).unwrap(), Vec::<String>::new());
        assert_eq!(ids(&["kim-summit"]).unwrap(), ["kim-summit"]);
        assert_eq!(ids(&["interview.txt", "summit"]).unwrap(), ["kim-interview", "kim-summit"]);
        assert_eq!(ids(&["kim-i"]).unwrap(), ["kim-interview"]);
        let (articles, _) = corpus();
        let unannotated = article_id(&articles[2], None);
        assert_eq!(ids(&["other"]).unwrap(), [unannotated]);
    }

    #[test]
    fn no_match_and_ambiguous_starts_say_what_to_give() {
        assert_eq!(ids(&["nope"]), Err(LookupError::NoMatch("nope".into())));
        let error = ids(&["kim"]).unwrap_err();
        assert_eq!(error.to_string(), "kim is the start of 2 ids (kim-interview, kim-summit); give more of it");
        assert!(matches!(ids(&[""]), Err(LookupError::NoMatch(_))));
    }
}
