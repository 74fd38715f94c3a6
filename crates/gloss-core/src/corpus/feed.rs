//! Feeds: RSS 0.9x/2.0, Atom and JSON Feed (by feed-rs). Each item is an article: its title,
//! link, date and author, the feed's title as its source, its HTML read like a page's.

use std::collections::HashSet;

use feed_rs::model::{Entry, Text};

use super::document::{Block, BlockKind, Document, Metadata, tidy_inline};
use super::html::read_fragment;

/// A feed that could not be read, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a readable RSS, Atom or JSON feed: {0}")]
pub struct FeedError(pub String);

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// The item's id: its GUID, Atom id or JSON Feed id (feed-rs makes one when it has none).
    pub guid: String,
    pub document: Document,
}

/// A feed read from bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    /// The items in the feed's order, each GUID once (the first one wins).
    pub items: Vec<FeedItem>,
}

/// Reads a feed. `url` is where it came from: relative links are resolved against it.
pub fn parse_feed(bytes: &[u8], url: Option<&str>) -> Result<ParsedFeed, FeedError> {
    let parser = feed_rs::parser::Builder::new().base_uri(url).build();
    let feed = parser.parse(bytes).map_err(|error| FeedError(error.to_string()))?;
    let title = feed.title.as_ref().and_then(plain_text);
    let base = feed.links.iter().find(|l| l.rel.as_deref() != Some("self")).map(|l| l.href.clone());
    let base = url.map(str::to_owned).or(base);
    let mut seen = HashSet::new();
    let items = feed
        .entries
        .iter()
        .filter(|entry| seen.insert(entry.id.clone()))
        .map(|entry| FeedItem {
            guid: entry.id.clone(),
            document: item_document(entry, title.as_ref(), base.as_deref()),
        })
        .collect();
    Ok(ParsedFeed { title, items })
}

fn item_document(entry: &Entry, feed_title: Option<&String>, base: Option<&str>) -> Document {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| resolve(base, &l.href));
    let byline = entry.authors.iter().filter_map(|p| p.name.as_deref()).map(tidy_inline).collect::<Vec<_>>();
    let metadata = Metadata {
        title: entry.title.as_ref().and_then(plain_text),
        source: feed_title.cloned(),
        date: entry.published.or(entry.updated).map(|d| d.date_naive().to_string()),
        byline: (!byline.is_empty()).then(|| byline.join(", ")),
        url: link,
    };
    let body = entry.content.as_ref().and_then(|c| c.body.as_deref().map(|b| (b, c.content_type.to_string())));
    let body = body.or_else(|| entry.summary.as_ref().map(|s| (s.content.as_str(), s.content_type.to_string())));
    let blocks = body.map(|(text, kind)| body_blocks(text, &kind)).unwrap_or_default();
    Document::new(metadata, blocks)
}

/// An item body's blocks: HTML through the page reader's walker, plain text by blank lines.
/// RSS descriptions are typed HTML even when they hold plain paragraphs; without a tag or an
/// entity they are read as the plain text they are.
fn body_blocks(text: &str, content_type: &str) -> Vec<Block> {
    if looks_like_html(text) || (content_type.contains("html") && text.contains('<')) {
        return read_fragment(text);
    }
    text.split("\n\n").map(|para| Block::new(BlockKind::Paragraph, para)).collect()
}

/// Feeds often say `text/plain` of escaped HTML; tags give it away.
fn looks_like_html(text: &str) -> bool {
    ["</", "<br", "<p>", "<p ", "<img", "&amp;", "&#"].iter().any(|tag| text.contains(tag))
}

/// A title or name as plain text, markup read and whitespace collapsed.
fn plain_text(text: &Text) -> Option<String> {
    let content = if text.content_type.to_string().contains("html") || looks_like_html(&text.content) {
        read_fragment(&text.content).into_iter().map(|b| b.text).collect::<Vec<_>>().join(" ")
    } else {
        text.content.clone()
    };
    let content = tidy_inline(&content).replace('\n', " ");
    (!content.is_empty()).then_some(content)
}

/// `href` made absolute against `base` when it is relative and there is a base.
fn resolve(base: Option<&str>, href: &str) -> String {
    base.and_then(|b| url::Url::parse(b).ok())
        .and_then(|b| b.join(href).ok())
        .map_or_else(|| href.to_owned(), String::from)
}

#[cfg(test)]
#[path = "feed_tests.rs"]
mod tests;
