//! What an export holds: the chosen articles and claims, with what gloss knows of each, in
//! corpus and text order, offsets in both bytes and code points.

use std::borrow::Borrow;
use std::path::PathBuf;
use std::sync::Arc;

use crate::annotations::{ArticleRecord, Claim, Resolver, Store, Verdict};
use crate::corpus::{Article, Origin};
use crate::entities::{Kind, Recognizer};
use crate::text::CharOffsets;

/// Which claims and articles go out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Articles by store id (or a prefix of it), file name or file stem; empty means all.
    pub articles: Vec<String>,
    /// Claims with any of these tags; empty means any.
    pub tags: Vec<String>,
    pub check_worthy: bool,
    pub verdict: Option<Verdict>,
    /// Also articles with no annotations.
    pub all_articles: bool,
}

impl Filter {
    fn keeps_claim(&self, claim: &Claim) -> bool {
        (self.tags.is_empty() || claim.tags.iter().any(|t| self.tags.contains(t)))
            && (!self.check_worthy || claim.check_worthy)
            && self.verdict.is_none_or(|v| claim.verdict == v)
    }

    /// How many articles and claims of `store` this filter keeps: what an export of it holds,
    /// counted without reading the corpus.
    pub fn tally(&self, store: &Store) -> Tally {
        let mut tally = Tally::default();
        for (id, record) in &store.articles {
            if !self.keeps_article(id, &record.file) {
                continue;
            }
            let claims = record.claims.iter().filter(|c| self.keeps_claim(c)).count();
            if self.has_output(claims, record) {
                tally.articles += 1;
                tally.claims += claims;
            }
        }
        tally
    }

    /// Whether an article with `claims` kept claims has something to export: those claims, or
    /// its note when claims are not being filtered.
    fn has_output(&self, claims: usize, record: &ArticleRecord) -> bool {
        let claims_filtered = !self.tags.is_empty() || self.check_worthy || self.verdict.is_some();
        claims > 0 || (!claims_filtered && !record.note.trim().is_empty())
    }

    fn keeps_article(&self, id: &str, file: &str) -> bool {
        let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
        self.articles.is_empty()
            || self.articles.iter().any(|wanted| {
                !wanted.is_empty() && (id.starts_with(wanted.as_str()) || wanted == file || wanted == stem)
            })
    }
}

/// What an export holds, in numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub articles: usize,
    pub claims: usize,
}

impl std::fmt::Display for Tally {
    /// `3 claims from 2 articles`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        write!(
            f,
            "{} claim{} from {} article{}",
            self.claims,
            plural(self.claims),
            self.articles,
            plural(self.articles)
        )
    }
}

/// A name mentioned in a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimEntity {
    pub text: String,
    pub kind: Kind,
    pub canonical: Arc<str>,
}

/// A claim as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimOut {
    pub claim: Claim,
    /// Code-point offsets into the article's text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// 1-based line of the claim's start in the file.
    pub line: usize,
    pub entities: Vec<ClaimEntity>,
}

/// An article as exported: what the corpus says of it and what the store holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleOut {
    pub id: String,
    pub file: String,
    pub path: String,
    pub title: String,
    pub source: Option<String>,
    pub date: Option<String>,
    pub fingerprint: String,
    /// The article's file on disk, absolute; `None` for a built-in sample or an article the
    /// corpus no longer has.
    pub location: Option<PathBuf>,
    /// False when the store has the record but the corpus does not have the article.
    pub in_corpus: bool,
    pub read: bool,
    pub note: String,
    pub claims: Vec<ClaimOut>,
}

/// Everything an export writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// What the corpus is called (its folder, or the files given).
    pub corpus: String,
    /// `YYYY-MM-DD`, or `None` to leave the date out (reproducible output).
    pub date: Option<String>,
    pub articles: Vec<ArticleOut>,
    /// The folder (absolute) the export is read from, so Markdown links to articles are relative
    /// to it; `None` links articles by the paths gloss read them by.
    pub links_from: Option<PathBuf>,
}

impl Export {
    pub fn tally(&self) -> Tally {
        Tally { articles: self.articles.len(), claims: self.claims().count() }
    }

    pub fn claims(&self) -> impl Iterator<Item = (&ArticleOut, &ClaimOut)> {
        self.articles.iter().flat_map(|a| a.claims.iter().map(move |c| (a, c)))
    }
}

/// Gathers what `filter` keeps from `store` for `articles`, in corpus order, then the store's
/// records for articles not in the corpus.
pub fn gather<A: Borrow<Article>>(
    articles: &[A],
    store: &Store,
    recognizer: Option<&Recognizer>,
    filter: &Filter,
) -> Vec<ArticleOut> {
    let resolver = Resolver::new(store);
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for article in articles.iter().map(Borrow::borrow) {
        let identity = resolver.resolve(&article.fingerprint().to_hex(), &article.origin().display_path());
        let id = identity.id().map_or_else(|| article.fingerprint().to_hex()[..12].to_owned(), str::to_owned);
        let record = store.articles.get(&id);
        seen.insert(id.clone());
        if let Some(kept) = article_out(&id, Some(article), record, recognizer, filter) {
            out.push(kept);
        }
    }
    for (id, record) in store.articles.iter().filter(|(id, _)| !seen.contains(*id)) {
        out.extend(article_out(id, None, Some(record), None, filter));
    }
    out
}

fn article_out(
    id: &str,
    article: Option<&Article>,
    record: Option<&ArticleRecord>,
    recognizer: Option<&Recognizer>,
    filter: &Filter,
) -> Option<ArticleOut> {
    let file = article.map_or_else(|| record.map(|r| r.file.clone()).unwrap_or_default(), |a| a.origin().file_name());
    if !filter.keeps_article(id, &file) {
        return None;
    }
    let empty = ArticleRecord::default();
    let record = record.unwrap_or(&empty);
    let claims: Vec<&Claim> = record.claims.iter().filter(|c| filter.keeps_claim(c)).collect();
    if !filter.has_output(claims.len(), record) && !filter.all_articles {
        return None;
    }
    let mentions = match (article, recognizer) {
        (Some(article), Some(recognizer)) if !claims.is_empty() => recognizer.recognize(article),
        _ => Vec::new(),
    };
    let text = article.map(Article::text);
    let mut offsets = text.map(CharOffsets::new);
    let claims = claims
        .into_iter()
        .map(|claim| {
            let (start, end, line) = match (text, offsets.as_mut()) {
                (Some(text), Some(offsets)) if !claim.orphaned && claim.anchor.end <= text.len() => (
                    offsets.of(claim.anchor.start),
                    offsets.of(claim.anchor.end),
                    text[..claim.anchor.start].matches('\n').count() + 1,
                ),
                _ => (claim.anchor.start, claim.anchor.end, 0),
            };
            let entities = mentions
                .iter()
                .filter(|m| !claim.orphaned && claim.anchor.start <= m.span.start && m.span.end <= claim.anchor.end)
                .filter_map(|m| {
                    Some(ClaimEntity {
                        text: text?[m.span.clone()].to_owned(),
                        kind: m.kind,
                        canonical: m.canonical.clone(),
                    })
                })
                .fold(Vec::new(), |mut all: Vec<ClaimEntity>, e| {
                    if !all.iter().any(|x| x.kind == e.kind && x.canonical == e.canonical) {
                        all.push(e);
                    }
                    all
                });
            ClaimOut { claim: claim.clone(), start, end, line, entities }
        })
        .collect();
    let header = article.map(Article::header);
    Some(ArticleOut {
        id: id.to_owned(),
        file,
        path: article.map_or_else(|| record.path.clone(), |a| a.origin().display_path()),
        title: article.map_or_else(|| record.title.clone(), |a| a.title().to_owned()),
        source: header.and_then(|h| h.source.clone()),
        date: header.and_then(|h| h.date.clone()),
        fingerprint: article.map_or_else(|| record.fingerprint.clone(), |a| a.fingerprint().to_hex()),
        location: match article.map(Article::origin) {
            Some(Origin::File(path)) => std::path::absolute(path).ok(),
            _ => None,
        },
        in_corpus: article.is_some(),
        read: record.read,
        note: record.note.clone(),
        claims,
    })
}
