//! A library snapshot: one article as a Markdown file with its metadata in front matter, so it
//! reads offline, diffs in git, and renders to the same text as the page it was taken from.

use crate::corpus::markdown::{FrontMatter, to_markdown};
use crate::corpus::{Document, Fingerprint};

/// An article about to be kept in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub document: Document,
    /// The item's GUID, for feed items.
    pub guid: Option<String>,
    /// The feed it came from, for feed items.
    pub feed: Option<String>,
    /// When it was fetched, as RFC 3339.
    pub fetched: String,
}

impl Snapshot {
    /// The article's address: its own URL, else its feed's.
    pub fn url(&self) -> Option<&str> {
        self.document.metadata.url.as_deref()
    }

    /// The fingerprint of the text gloss will show: equal for the same words, whatever the markup.
    pub fn fingerprint(&self) -> String {
        Fingerprint::of(self.document.render().text.as_bytes()).to_hex()
    }

    /// The Markdown file.
    pub fn to_markdown(&self) -> String {
        let metadata = &self.document.metadata;
        let title = self.document.title().map(str::to_owned);
        let fields = [
            ("title", title),
            ("source", metadata.source.clone()),
            ("date", metadata.date.clone()),
            ("byline", metadata.byline.clone()),
            ("url", metadata.url.clone()),
            ("guid", self.guid.clone()),
            ("feed", self.feed.clone()),
            ("fetched", Some(self.fetched.clone())),
        ];
        let fields = fields.into_iter().filter_map(|(k, v)| Some((k.to_owned(), v?))).collect();
        to_markdown(&FrontMatter { fields }, &self.document)
    }
}

/// A file name for an article: `DATE-title-words.md`, ASCII, at most about 70 characters.
pub fn file_name(date: Option<&str>, title: Option<&str>) -> String {
    let date = date.filter(|d| d.len() == 10 && d.as_bytes()[4] == b'-').unwrap_or("undated");
    let slug = slug(title.unwrap_or(""), 56);
    let slug = if slug.is_empty() { "article".to_owned() } else { slug };
    format!("{date}-{slug}.md")
}

/// Lower-case ASCII words joined by `-`, cut at a word boundary to at most `max` bytes.
pub fn slug(text: &str, max: usize) -> String {
    let mut slug = String::new();
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        if slug.len() + word.len() + 1 > max {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::markdown::parse;
    use crate::corpus::{Article, Block, BlockKind, Decoding, Metadata, Origin};

    fn snapshot() -> Snapshot {
        let metadata = Metadata {
            title: Some("Summit: \"day one\"".into()),
            source: Some("Mondo".into()),
            date: Some("2024-02-04".into()),
            byline: None,
            url: Some("https://mondo.example/a?b=1".into()),
        };
        let blocks = vec![
            Block::new(BlockKind::Paragraph, "Leaders *met* in <Vilnius> & talked."),
            Block::new(BlockKind::Item { number: None }, "1. one"),
        ];
        Snapshot {
            document: Document::new(metadata, blocks),
            guid: Some("g-1".into()),
            feed: Some("https://mondo.example/rss".into()),
            fetched: "2024-02-05T08:00:00Z".into(),
        }
    }

    #[test]
    fn a_snapshot_reads_back_as_the_article_it_was() {
        let snapshot = snapshot();
        let markdown = snapshot.to_markdown();
        assert!(
            markdown.starts_with("---\ntitle: \"Summit: \\\"day one\\\"\"\nsource: \"Mondo\"\ndate: \"2024-02-04\"\n"),
            "{markdown}"
        );
        let (front, read) = parse(&markdown);
        assert_eq!(front.get(&["guid"]), Some("g-1"));
        let original = Article::from_document(Origin::Embedded("a"), &snapshot.document, Decoding::Utf8);
        let reread = Article::from_document(Origin::Embedded("a"), &read, Decoding::Utf8);
        assert_eq!(reread.text(), original.text());
        assert_eq!(reread.title(), "Summit: \"day one\"");
        assert_eq!(reread.header().date.as_deref(), Some("2024-02-04"));
        assert_eq!(reread.metadata().url.as_deref(), Some("https://mondo.example/a?b=1"));
        assert_eq!(reread.fingerprint(), original.fingerprint());
    }

    #[test]
    fn file_names_are_short_ascii_and_dated() {
        assert_eq!(
            file_name(Some("2024-02-04"), Some("Japan & South Korea: “Alarm” over Putin–Kim!")),
            "2024-02-04-japan-south-korea-alarm-over-putin-kim.md"
        );
        assert_eq!(file_name(None, Some("北京")), "undated-article.md");
        assert!(file_name(Some("2024-02-04"), Some(&"word ".repeat(40))).len() <= 70);
    }
}
