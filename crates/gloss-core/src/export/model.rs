//! What an export holds: the chosen articles and claims, with what gloss knows of each, in
//! corpus and text order, placed in the text in both bytes and code points.

use std::borrow::Borrow;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use crate::annotations::follow::{attach, fits, resolve};
use crate::annotations::{ArticleRecord, Claim, Resolver, Store, Verdict};
use crate::corpus::{Article, Origin};
use crate::entities::{Kind, Recognizer};
use crate::text::Locator;

/// Which claims and articles go out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Articles by store id, file name or file stem, exactly; empty means all.
    pub articles: Vec<String>,
    /// Claims with any of these tags; empty means any.
    pub tags: Vec<String>,
    pub check_worthy: bool,
    pub verdict: Option<Verdict>,
    /// Also articles with no annotations.
    pub all_articles: bool,
}

impl Filter {
    /// Whether `claim` has a tag, flag and verdict this filter asks for (search uses it too).
    pub fn keeps_claim(&self, claim: &Claim) -> bool {
        (self.tags.is_empty() || claim.tags.iter().any(|t| self.tags.contains(t)))
            && (!self.check_worthy || claim.check_worthy)
            && self.verdict.is_none_or(|v| claim.verdict == v)
    }

    /// Whether claims are filtered at all (by tag, flag or verdict).
    pub fn filters_claims(&self) -> bool {
        !self.tags.is_empty() || self.check_worthy || self.verdict.is_some()
    }

    /// Whether an article with `claims` kept claims has something to export: those claims, or
    /// its note when claims are not being filtered.
    fn has_output(&self, claims: usize, record: &ArticleRecord) -> bool {
        claims > 0 || (!self.filters_claims() && !record.note.trim().is_empty())
    }

    fn keeps_article(&self, id: &str, file: &str) -> bool {
        self.articles.is_empty()
            || self.articles.iter().any(|wanted| wanted == id || wanted == file || wanted == stem(file))
    }
}

pub use crate::annotations::lookup::stem;

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

/// Where a claim is in its article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Code-point offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    /// UTF-8 byte offsets, end exclusive.
    pub start_byte: usize,
    pub end_byte: usize,
    /// 1-based line of the start in the file.
    pub line: usize,
}

/// A claim as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimOut {
    pub claim: Claim,
    /// `None` for an orphan: its text is not in the article any more.
    pub place: Option<Place>,
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
    /// The article's file on disk, absolute; `None` for a built-in sample.
    pub location: Option<PathBuf>,
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
    /// An export of `articles` (from [`gather`]) from the corpus called `corpus`.
    pub fn new(corpus: impl Into<String>, date: Option<String>, articles: Vec<ArticleOut>) -> Self {
        Self { corpus: corpus.into(), date, articles, links_from: None }
    }

    pub fn claims(&self) -> impl Iterator<Item = (&ArticleOut, &ClaimOut)> {
        self.articles.iter().flat_map(|a| a.claims.iter().map(move |c| (a, c)))
    }
}

/// Gathers what `filter` keeps from `store` for `articles`, in corpus order. Annotations of
/// articles not in `articles` stay out: the store serves every corpus the analyst reads.
pub fn gather<A: Borrow<Article>>(
    articles: &[A],
    store: &Store,
    recognizer: Option<&Recognizer>,
    filter: &Filter,
) -> Vec<ArticleOut> {
    let resolver = Resolver::new(store);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let nothing = ArticleRecord::default();
    for article in articles.iter().map(Borrow::borrow) {
        let (_, id) = resolve(&resolver, article);
        // Two copies of one article share its record: export it once.
        if !seen.insert(id.clone()) || !filter.keeps_article(&id, &article.origin().file_name()) {
            continue;
        }
        // An article edited since it was annotated has its claims placed again, as the reader does.
        let attached = attach(&resolver, store, article);
        let record = attached.record.as_deref().unwrap_or(&nothing);
        out.extend(article_out(attached.id, article, record, recognizer, filter));
    }
    out
}

fn article_out(
    id: String,
    article: &Article,
    record: &ArticleRecord,
    recognizer: Option<&Recognizer>,
    filter: &Filter,
) -> Option<ArticleOut> {
    let claims: Vec<&Claim> = record.claims.iter().filter(|c| filter.keeps_claim(c)).collect();
    if !filter.has_output(claims.len(), record) && !filter.all_articles {
        return None;
    }
    let mentions = match recognizer {
        Some(recognizer) if !claims.is_empty() => recognizer.recognize(article),
        _ => Vec::new(),
    };
    let text = article.text();
    let mut locator = Locator::new(text);
    let claims = claims
        .into_iter()
        .map(|claim| {
            let anchor = &claim.anchor;
            // A claim whose text is not where the store says (an orphan, or a store edited by
            // hand) has no place to give.
            let here = !claim.orphaned && fits(claim, text);
            let place = here.then(|| {
                // Counted on from the claim before, not from the top of the article.
                let at = locator.locate(&(anchor.start..anchor.end));
                Place {
                    start: at.chars.start,
                    end: at.chars.end,
                    start_byte: anchor.start,
                    end_byte: anchor.end,
                    line: at.line,
                }
            });
            let mut entities: Vec<ClaimEntity> = Vec::new();
            for mention in mentions.iter().filter(|m| here && anchor.start <= m.span.start && m.span.end <= anchor.end)
            {
                if !entities.iter().any(|e| e.kind == mention.kind && e.canonical == mention.canonical) {
                    entities.push(ClaimEntity {
                        text: text[mention.span.clone()].to_owned(),
                        kind: mention.kind,
                        canonical: mention.canonical.clone(),
                    });
                }
            }
            let mut claim = claim.clone();
            claim.orphaned = !here;
            ClaimOut { claim, place, entities }
        })
        .collect();
    let header = article.header();
    Some(ArticleOut {
        id,
        file: article.origin().file_name(),
        path: article.origin().display_path(),
        title: article.title().to_owned(),
        source: header.source.clone(),
        date: header.date.clone(),
        fingerprint: article.fingerprint().to_hex(),
        location: match article.origin() {
            Origin::File(path) | Origin::Entry { feed: path, .. } => std::path::absolute(path).ok(),
            Origin::Embedded(_) => None,
        },
        read: record.read,
        note: record.note.clone(),
        claims,
    })
}
