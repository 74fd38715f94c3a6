//! HTML pages: the main article found by a readability-style extractor (`dom_smoothie`, a port of
//! Mozilla's Readability), its metadata, and its text as blocks.

mod blocks;
mod charset;

use dom_query::Document as Dom;
use dom_smoothie::{Config, Readability};

use super::document::{Block, Document, Metadata, normalize_date, tidy_inline};
pub use blocks::blocks_of;
use blocks::is_advert;
pub use charset::decode_declared;

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    #[error("no article text found in the page (it may need JavaScript, a login or a consent click)")]
    NoText,
}

/// Reads a whole page: the article body without navigation, scripts, ads or comments, and its
/// title, source, date, byline and URL. `url` is where the page came from, if known.
pub fn read_page(html: &str, url: Option<&str>) -> Result<Document, HtmlError> {
    let dom = Dom::from(html);
    let fallback = page_metadata(&dom);
    // Advert slots go before extraction: the extractor turns a slot among the story's
    // paragraphs into a paragraph of its own and drops the class that gave it away.
    for node in dom.select("[class], [id]").nodes() {
        if is_advert(node) {
            node.remove_from_parent();
        }
    }
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let extracted = Readability::with_document(dom.clone(), url, Some(Config::default()))
        .ok()
        .and_then(|mut readability| readability.parse().ok());
    let (mut metadata, blocks) = match extracted {
        Some(article) => {
            let content = Dom::fragment(article.content.to_string());
            let metadata = Metadata {
                title: non_empty(&article.title),
                source: article.site_name.as_deref().and_then(non_empty),
                date: article.published_time.as_deref().and_then(normalize_date),
                byline: article.byline.as_deref().and_then(non_empty),
                url: article.url.as_deref().and_then(non_empty),
            };
            (metadata, blocks_of(&content.root()))
        }
        None => (Metadata::default(), body_blocks(&dom)),
    };
    fill_missing(&mut metadata, fallback);
    if metadata.url.is_none() {
        metadata.url = url.map(str::to_owned);
    }
    let document = Document::new(metadata, blocks);
    if document.blocks.is_empty() { Err(HtmlError::NoText) } else { Ok(document) }
}

/// The blocks of an HTML fragment, such as a feed item's content: no extraction, only the
/// text of what is there (scripts, styles and forms left out).
pub fn read_fragment(html: &str) -> Vec<Block> {
    blocks_of(&Dom::fragment(html).root())
}

/// The whole body's blocks, for pages too short for the extractor to score.
fn body_blocks(dom: &Dom) -> Vec<Block> {
    dom.body().map(|body| blocks_of(&body)).unwrap_or_default()
}

/// Metadata read straight from the page's tags, for what the extractor left empty.
fn page_metadata(dom: &Dom) -> Metadata {
    let meta = |selector: &str| dom.select(selector).attr("content").and_then(|v| non_empty(&v));
    let text = |selector: &str| non_empty(&dom.select_single(selector).text());
    Metadata {
        title: meta("meta[property='og:title']").or_else(|| text("title")).or_else(|| text("h1")),
        source: meta("meta[property='og:site_name']"),
        date: meta("meta[property='article:published_time']")
            .or_else(|| dom.select("time[datetime]").attr("datetime").and_then(|v| non_empty(&v)))
            .and_then(|d| normalize_date(&d)),
        byline: meta("meta[name='author']"),
        url: meta("meta[property='og:url']")
            .or_else(|| dom.select("link[rel='canonical']").attr("href").map(|h| h.to_string())),
    }
}

fn fill_missing(metadata: &mut Metadata, fallback: Metadata) {
    let fill = |field: &mut Option<String>, value: Option<String>| {
        if field.is_none() {
            *field = value;
        }
    };
    fill(&mut metadata.title, fallback.title);
    fill(&mut metadata.source, fallback.source);
    fill(&mut metadata.date, fallback.date);
    fill(&mut metadata.byline, fallback.byline);
    fill(&mut metadata.url, fallback.url);
}

/// Trimmed, whitespace-collapsed text, or `None` when there is none.
fn non_empty(text: &str) -> Option<String> {
    let text = tidy_inline(text).replace('\n', " ");
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests;
