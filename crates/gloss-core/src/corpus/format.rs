//! Article file formats: which files a folder scan picks up, and how their text is read.
//!
//! Plain text is shown as it is; Markdown, HTML and feeds are read into documents whose clean
//! rendition is the article text (see `document`).

use std::path::Path;

/// A kind of article file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    PlainText,
    Markdown,
    /// A web page: the main article is extracted.
    Html,
    /// RSS, Atom or JSON Feed: one article per item.
    Feed,
}

impl Format {
    /// The format a folder scan recognises from `path`'s extension; other files are left out.
    pub fn from_extension(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(Self::PlainText),
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" | "xhtml" => Some(Self::Html),
            "rss" | "atom" => Some(Self::Feed),
            _ => None,
        }
    }

    /// The format of a file named explicitly: its extension's (`.xml` and `.json` as feeds,
    /// which folder scans leave out because they are so often something else), else plain text.
    pub fn for_named_file(path: &Path) -> Self {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("xml" | "json") => Self::Feed,
            _ => Self::from_extension(path).unwrap_or(Self::PlainText),
        }
    }

    /// The format a server's `Content-Type` says, with a look at the body when it says little
    /// (`text/xml`, `application/octet-stream`, none). `None` when it is none gloss reads.
    pub fn from_content_type(content_type: Option<&str>, body: &[u8]) -> Option<Self> {
        let mime = content_type.unwrap_or("").split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        match mime.as_str() {
            "text/html" | "application/xhtml+xml" => Some(Self::Html),
            // Servers say rss+xml, x-rss+xml, rss, atom+xml, x-atom+xml, feed+json…
            feed if feed.contains("rss") || feed.contains("atom") || feed.ends_with("feed+json") => Some(Self::Feed),
            "text/markdown" | "text/x-markdown" => Some(Self::Markdown),
            "text/plain" => Some(Self::sniff(body).unwrap_or(Self::PlainText)),
            "" | "application/octet-stream" => Self::sniff(body),
            other if other.contains("xml") || other.contains("json") => Self::sniff(body),
            _ => None,
        }
    }

    /// The format the start of `body` shows: a feed's root element or JSON Feed version, or an
    /// HTML document.
    pub fn sniff(body: &[u8]) -> Option<Self> {
        let start = String::from_utf8_lossy(&body[..body.len().min(1024)]).to_ascii_lowercase();
        let start = start.trim_start_matches('\u{feff}').trim_start();
        if ["<rss", "<feed", "<rdf:rdf"].iter().any(|tag| start.contains(tag)) || start.contains("jsonfeed.org/version")
        {
            Some(Self::Feed)
        } else if start.starts_with("<!doctype html") || start.contains("<html") {
            Some(Self::Html)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_scans_take_text_markdown_html_and_feeds() {
        assert_eq!(Format::from_extension(Path::new("a/b.TXT")), Some(Format::PlainText));
        assert_eq!(Format::from_extension(Path::new("a/b.md")), Some(Format::Markdown));
        assert_eq!(Format::from_extension(Path::new("a/b.htm")), Some(Format::Html));
        assert_eq!(Format::from_extension(Path::new("a/b.atom")), Some(Format::Feed));
        assert_eq!(Format::from_extension(Path::new("a/b.xml")), None);
        assert_eq!(Format::from_extension(Path::new("a/b.png")), None);
        assert_eq!(Format::from_extension(Path::new("README")), None);
        assert_eq!(Format::for_named_file(Path::new("notes.log")), Format::PlainText);
        assert_eq!(Format::for_named_file(Path::new("feed.xml")), Format::Feed);
    }

    #[test]
    fn content_types_and_bodies_name_the_format() {
        assert_eq!(Format::from_content_type(Some("text/html; charset=utf-8"), b""), Some(Format::Html));
        assert_eq!(Format::from_content_type(Some("application/atom+xml"), b""), Some(Format::Feed));
        assert_eq!(Format::from_content_type(Some("application/x-rss+xml"), b""), Some(Format::Feed));
        assert_eq!(Format::from_content_type(Some("application/rdf+xml"), b"<rdf:RDF>"), Some(Format::Feed));
        assert_eq!(Format::from_content_type(Some("text/xml"), b"<?xml version='1.0'?>\n<rss>"), Some(Format::Feed));
        assert_eq!(Format::from_content_type(None, b"<!DOCTYPE html><html>"), Some(Format::Html));
        assert_eq!(
            Format::from_content_type(Some("application/json"), b"{\"version\": \"https://jsonfeed.org/version/1\"}"),
            Some(Format::Feed)
        );
        assert_eq!(Format::from_content_type(Some("application/json"), b"{}"), None);
        assert_eq!(Format::from_content_type(Some("image/png"), b"\x89PNG"), None);
        assert_eq!(Format::from_content_type(Some("text/plain"), b"Just words"), Some(Format::PlainText));
    }
}
