//! A structured article (Markdown, HTML, a feed item) as blocks, and its clean text rendition.
//!
//! Every format reads into a [`Document`]; the rendition is what gloss shows and what every span
//! is a byte range into. It is a pure function of the blocks, so the same source always gives the
//! same text and claims re-anchor on a changed source as they do on an edited `.txt` file.

use crate::text::Span;

/// What a document says about itself, from front matter, `<meta>` tags or a feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    /// The publisher: `og:site_name`, a feed's title, front matter `source:`.
    pub source: Option<String>,
    /// The publication date as `YYYY-MM-DD` when it could be read, else as found.
    pub date: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
}

/// The kind of one block of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of level 1 to 6.
    Heading(u8),
    Paragraph,
    /// A list item: numbered when `number` is given.
    Item {
        number: Option<u64>,
    },
    Quote,
    /// Preformatted text, line breaks kept.
    Code,
}

/// One block: its kind and its text (inline whitespace collapsed, line breaks only where the
/// source had hard breaks or preformatted lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

impl Block {
    pub fn new(kind: BlockKind, text: &str) -> Self {
        let text = match kind {
            BlockKind::Code => text.trim_matches('\n').to_owned(),
            // A heading is one line.
            BlockKind::Heading(_) => tidy_inline(text).replace('\n', " "),
            _ => tidy_inline(text),
        };
        Self { kind, text }
    }
}

/// A document read from a structured format.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub metadata: Metadata,
    pub blocks: Vec<Block>,
}

/// The text gloss shows for a document, and where its headline is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendition {
    pub text: String,
    /// The first block, when it is a heading that says the title.
    pub title_span: Option<Span>,
}

impl Document {
    /// Builds a document, dropping empty blocks.
    pub fn new(metadata: Metadata, blocks: Vec<Block>) -> Self {
        Self { metadata, blocks: blocks.into_iter().filter(|b| !b.text.trim().is_empty()).collect() }
    }

    /// The title: the metadata's, else the first heading's.
    pub fn title(&self) -> Option<&str> {
        self.metadata
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .or_else(|| self.blocks.iter().find(|b| matches!(b.kind, BlockKind::Heading(_))).map(|b| b.text.as_str()))
    }

    /// The clean text: one paragraph per block, separated by blank lines.
    pub fn render(&self) -> Rendition {
        let mut text = String::new();
        for block in &self.blocks {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            match block.kind {
                BlockKind::Item { number: Some(n) } => {
                    text.push_str(&n.to_string());
                    text.push_str(". ");
                }
                BlockKind::Item { number: None } => text.push_str("• "),
                _ => {}
            }
            text.push_str(&block.text);
        }
        if !text.is_empty() {
            text.push('\n');
        }
        let title_span = match (self.blocks.first(), self.title()) {
            (Some(first), Some(title)) if matches!(first.kind, BlockKind::Heading(_)) && first.text == title => {
                Some(0..first.text.len())
            }
            _ => None,
        };
        Rendition { text, title_span }
    }
}

/// Whitespace runs made one space on each line, lines trimmed, blank lines dropped: what a
/// browser shows of inline text, with hard line breaks (`\n`) kept.
pub fn tidy_inline(text: &str) -> String {
    let lines = text.split('\n').map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "));
    lines.filter(|line| !line.is_empty()).collect::<Vec<_>>().join("\n")
}

/// A date as `YYYY-MM-DD` when it starts with one or is an RFC 3339 / RFC 2822 timestamp.
pub fn normalize_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    // The date as written, in the publisher's own time zone, not converted to UTC.
    if let Some(prefix) = raw.get(..10)
        && let Ok(date) = prefix.parse::<jiff::civil::Date>()
    {
        return Some(date.to_string());
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(raw) {
        return Some(zoned.strftime("%Y-%m-%d").to_string());
    }
    Some(raw.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_blocks_as_paragraphs_with_the_headline_first() {
        let document = Document::new(
            Metadata::default(),
            vec![
                Block::new(BlockKind::Heading(1), "  NATO   summit "),
                Block::new(BlockKind::Paragraph, "Leaders\n met."),
                Block::new(BlockKind::Paragraph, "   "),
                Block::new(BlockKind::Item { number: None }, "one"),
                Block::new(BlockKind::Item { number: Some(2) }, "two"),
            ],
        );
        let rendition = document.render();
        assert_eq!(rendition.text, "NATO summit\n\nLeaders\nmet.\n\n• one\n\n2. two\n");
        assert_eq!(rendition.title_span, Some(0..11));
        assert_eq!(document.title(), Some("NATO summit"));
    }

    #[test]
    fn a_metadata_title_that_differs_from_the_first_heading_leaves_no_headline_span() {
        let metadata = Metadata { title: Some("Other".into()), ..Metadata::default() };
        let document = Document::new(metadata, vec![Block::new(BlockKind::Heading(2), "Section")]);
        assert_eq!(document.render().title_span, None);
        assert_eq!(document.title(), Some("Other"));
    }

    #[test]
    fn dates_are_normalised_when_they_can_be_read() {
        assert_eq!(normalize_date("2024-02-04T23:00:00-05:00").as_deref(), Some("2024-02-04"));
        assert_eq!(normalize_date("Sun, 04 Feb 2024 10:00:00 +0000").as_deref(), Some("2024-02-04"));
        assert_eq!(normalize_date("2024-02-04").as_deref(), Some("2024-02-04"));
        assert_eq!(normalize_date("last Tuesday").as_deref(), Some("last Tuesday"));
        assert_eq!(normalize_date("  "), None);
    }
}
