//! Markdown articles (read by `pulldown-cmark`): blocks as text, front matter as metadata.

mod front_matter;
mod write;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::document::{Block, BlockKind, Document};
pub use front_matter::FrontMatter;
pub use write::to_markdown;

/// Reads a Markdown article: its front matter and its blocks (headings, emphasis and links as
/// plain text; images, HTML and rules left out).
pub fn parse(text: &str) -> (FrontMatter, Document) {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let mut reader = BlockReader::default();
    for event in Parser::new_ext(text, options) {
        reader.event(event);
    }
    reader.flush();
    let metadata = reader.front.metadata();
    (reader.front, Document::new(metadata, reader.blocks))
}

/// Collects blocks from the event stream: inline text gathers until its block ends.
#[derive(Default)]
struct BlockReader {
    front: FrontMatter,
    blocks: Vec<Block>,
    text: String,
    /// Open lists: the next item number of each (None for bullets).
    lists: Vec<Option<u64>>,
    /// The number of the item whose first paragraph is being read, if any.
    item: Option<BlockKind>,
    quotes: usize,
    in_front_matter: bool,
    in_image: usize,
    in_code: bool,
}

impl BlockReader {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(&tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.in_front_matter => self.front = FrontMatter::parse(&text),
            Event::Text(text) | Event::Code(text) if self.in_image == 0 => self.text.push_str(&text),
            Event::SoftBreak => self.text.push(' '),
            Event::HardBreak => self.text.push('\n'),
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::TableRow | Tag::TableHead => self.flush(),
            Tag::CodeBlock(_) => {
                self.flush();
                self.in_code = true;
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(*start);
            }
            Tag::Item => {
                self.flush();
                let number = self.lists.last_mut().and_then(|next| {
                    let current = *next;
                    *next = next.map(|n| n + 1);
                    current
                });
                self.item = Some(BlockKind::Item { number });
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quotes += 1;
            }
            Tag::Image { .. } => self.in_image += 1,
            Tag::MetadataBlock(_) => self.in_front_matter = true,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(level) => self.push(BlockKind::Heading(level as u8)),
            TagEnd::CodeBlock => {
                self.push(BlockKind::Code);
                self.in_code = false;
            }
            TagEnd::TableCell if !self.text.is_empty() => self.text.push_str(" · "),
            TagEnd::Paragraph | TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead => self.flush(),
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quotes = self.quotes.saturating_sub(1);
            }
            TagEnd::Image => self.in_image = self.in_image.saturating_sub(1),
            TagEnd::MetadataBlock(_) => self.in_front_matter = false,
            _ => {}
        }
    }

    /// Ends the inline text gathered so far as a block of the kind its container gives.
    fn flush(&mut self) {
        if self.text.trim().is_empty() {
            // Nothing yet: an item's marker waits for the item's first text.
            self.text.clear();
            return;
        }
        let kind = match self.item.take() {
            Some(item) => item,
            None if self.quotes > 0 => BlockKind::Quote,
            None => BlockKind::Paragraph,
        };
        self.push(kind);
    }

    fn push(&mut self, kind: BlockKind) {
        let text = std::mem::take(&mut self.text);
        let text = text.trim_end_matches(" · ");
        if !text.trim().is_empty() {
            self.blocks.push(Block::new(kind, text));
        }
    }
}

#[cfg(test)]
mod tests;
