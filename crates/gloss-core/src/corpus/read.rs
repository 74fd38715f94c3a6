//! Turning the bytes of a file or a download into articles, whatever their format.

use std::path::Path;

use super::article::{Article, Origin};
use super::decode::{Decoding, Unreadable, decode};
use super::document::{Block, BlockKind, Document};
use super::feed::{FeedError, parse_feed};
use super::format::Format;
use super::html::{HtmlError, read_page};
use super::markdown;

/// Why bytes gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("skipped: {0}")]
    Unreadable(Unreadable),
    #[error(transparent)]
    Html(#[from] HtmlError),
    #[error(transparent)]
    Feed(#[from] FeedError),
    #[error("the feed has no items")]
    EmptyFeed,
}

/// One article read from structured bytes, with the GUID it had in its feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub guid: Option<String>,
    pub document: Document,
    pub decoding: Decoding,
}

/// Reads `bytes` of `format` into documents: one for a page or a Markdown or text file, one
/// per item for a feed. `url` is where they came from, for relative links.
pub fn read_documents(bytes: &[u8], format: Format, url: Option<&str>) -> Result<Vec<Extracted>, ReadError> {
    if format == Format::Feed {
        let feed = parse_feed(bytes, url)?;
        if feed.items.is_empty() {
            return Err(ReadError::EmptyFeed);
        }
        let read = |item: super::feed::FeedItem| Extracted {
            guid: Some(item.guid),
            document: item.document,
            decoding: Decoding::Utf8,
        };
        return Ok(feed.items.into_iter().map(read).collect());
    }
    let declared = if format == Format::Html { super::html::decode_declared(bytes) } else { None };
    let (text, decoding) = match declared {
        Some(decoded) => decoded,
        None => decode(bytes).map_err(ReadError::Unreadable)?,
    };
    let document = match format {
        Format::Markdown => markdown::parse(&text).1,
        Format::Html => read_page(&text, url)?,
        // Plain text from the web: one block per paragraph, so it can be kept as Markdown.
        Format::PlainText | Format::Feed => Document::new(
            super::document::Metadata::default(),
            text.split("\n\n").map(|para| Block::new(BlockKind::Paragraph, para)).collect(),
        ),
    };
    Ok(vec![Extracted { guid: None, document, decoding }])
}

/// The articles of a file: plain text as it is, other formats as their renditions.
pub fn articles_of_file(path: &Path, format: Format, bytes: &[u8]) -> Result<Vec<Article>, ReadError> {
    if format == Format::PlainText {
        let (text, decoding) = decode(bytes).map_err(ReadError::Unreadable)?;
        return Ok(vec![Article::new(Origin::File(path.to_path_buf()), bytes, text, decoding)]);
    }
    let read = read_documents(bytes, format, None)?;
    Ok(read
        .into_iter()
        .map(|read| {
            let origin = match read.guid {
                Some(guid) => Origin::Entry { feed: path.to_path_buf(), guid },
                None => Origin::File(path.to_path_buf()),
            };
            Article::from_document(origin, &read.document, read.decoding)
        })
        .collect())
}
