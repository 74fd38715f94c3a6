//! Changing annotations: stamping who and when, making claims, toggling tags and flags.

use super::claim::{Anchor, Claim};
use super::store::ArticleRecord;
use super::vocabulary::Vocabulary;
use crate::corpus::Article;
use crate::text::Span;

/// Who made a change, and when (RFC 3339, to the second).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub author: String,
    pub time: String,
}

impl Stamp {
    /// `author`, now.
    pub fn now(author: &str) -> Self {
        let now = jiff::Timestamp::now();
        let time = jiff::Timestamp::from_second(now.as_second()).unwrap_or(now).to_string();
        Self { author: author.to_owned(), time }
    }
}

/// The analyst's name as the environment alone gives it: `GLOSS_AUTHOR`, else the account
/// name, else the system's user name (see [`crate::config::Author`], which also reads the
/// settings and git).
pub fn author_from_environment() -> String {
    crate::config::Author::from_environment().name
}

/// A claim id: short, and unique across articles, places, times, calls (`salt`) and authors:
/// two analysts tagging the same sentence in the same second, each in their clone of a shared
/// store, make two claims that a merge keeps apart, not one.
pub fn claim_id(article: &str, span: &Span, stamp: &Stamp, salt: u64) -> String {
    let mut hasher = blake3::Hasher::new();
    let parts =
        [article, &span.start.to_string(), &span.end.to_string(), &stamp.time, &salt.to_string(), &stamp.author];
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update(b"\0");
    }
    format!("c{}", &hasher.finalize().to_hex()[..10])
}

impl ArticleRecord {
    /// An empty record for `article`.
    pub fn for_article(article: &Article) -> Self {
        Self {
            file: article.origin().file_name(),
            path: article.origin().display_path(),
            fingerprint: article.fingerprint().to_hex(),
            title: article.title().to_owned(),
            ..Self::default()
        }
    }

    /// The (placed) claim on exactly `span`.
    pub fn claim_on(&self, span: &Span) -> Option<usize> {
        self.claims.iter().position(|c| !c.orphaned && c.span() == *span)
    }

    /// The innermost placed claim holding byte range `inside`.
    pub fn claim_holding(&self, inside: &Span) -> Option<usize> {
        self.claims
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.orphaned && c.anchor.start <= inside.start && inside.end <= c.anchor.end)
            .min_by_key(|(_, c)| c.anchor.end - c.anchor.start)
            .map(|(i, _)| i)
    }

    /// Adds an untagged claim on `span` of `text`; returns its index.
    pub fn add_claim(&mut self, text: &str, span: &Span, id: &str, stamp: &Stamp) -> usize {
        self.claims.push(Claim {
            id: id.to_owned(),
            anchor: Anchor::of(text, span),
            tags: Vec::new(),
            check_worthy: false,
            verdict: super::claim::Verdict::Undetermined,
            note: String::new(),
            created: stamp.time.clone(),
            modified: stamp.time.clone(),
            author: stamp.author.clone(),
            orphaned: false,
            unknown: super::store::Unknown::new(),
        });
        self.sort_claims();
        self.claims.iter().position(|c| c.id == id).unwrap_or(0)
    }
}

impl Claim {
    /// Adds `tag` if missing, removes it if present; keeps tags in vocabulary order.
    pub fn toggle_tag(&mut self, tag: &str, vocabulary: &Vocabulary, stamp: &Stamp) {
        if let Some(at) = self.tags.iter().position(|t| t == tag) {
            self.tags.remove(at);
        } else {
            self.tags.push(tag.to_owned());
            self.tags.sort_by_key(|t| vocabulary.order(t));
        }
        self.touch(stamp);
    }

    /// Records a change by `stamp`.
    pub fn touch(&mut self, stamp: &Stamp) {
        self.modified.clone_from(&stamp.time);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Origin;

    fn stamp() -> Stamp {
        Stamp { author: "kim".into(), time: "2026-11-21T07:00:00Z".into() }
    }

    #[test]
    fn stamps_are_rfc3339_to_the_second() {
        let stamp = Stamp::now("kim");
        assert!(stamp.time.parse::<jiff::Timestamp>().is_ok(), "{}", stamp.time);
        assert!(stamp.time.ends_with('Z') && !stamp.time.contains('.'), "{}", stamp.time);
    }

    #[test]
    fn claims_are_made_found_and_tagged_in_vocabulary_order() {
        let text = "First sentence. Second sentence here.";
        let article = Article::from_text(Origin::Embedded("a.txt"), text);
        let mut record = ArticleRecord::for_article(&article);
        let vocabulary = Vocabulary::built_in().unwrap();
        let second = 16..37;
        let index = record.add_claim(text, &second, &claim_id("a", &second, &stamp(), 0), &stamp());
        assert_eq!(record.claims[index].anchor.quote, "Second sentence here.");
        assert_eq!(record.claim_on(&second), Some(index));
        assert_eq!(record.claim_holding(&(23..31)), Some(index));
        assert_eq!(record.claim_on(&(0..15)), None);
        let claim = &mut record.claims[index];
        claim.toggle_tag("quote", &vocabulary, &stamp());
        claim.toggle_tag("fact", &vocabulary, &stamp());
        assert_eq!(claim.tags, ["fact", "quote"]);
        claim.toggle_tag("fact", &vocabulary, &stamp());
        assert_eq!(claim.tags, ["quote"]);
    }

    #[test]
    fn claim_ids_differ_by_article_place_salt_and_author() {
        let lee = Stamp { author: "lee".into(), ..stamp() };
        let ids = [
            claim_id("a", &(0..5), &stamp(), 0),
            claim_id("b", &(0..5), &stamp(), 0),
            claim_id("a", &(0..6), &stamp(), 0),
            claim_id("a", &(0..5), &stamp(), 1),
            claim_id("a", &(0..5), &lee, 0),
        ];
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), 5);
        assert!(ids.iter().all(|id| id.len() == 11 && id.starts_with('c')));
    }
}
