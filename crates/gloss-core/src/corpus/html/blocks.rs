//! HTML to blocks: walks a parsed tree the way a browser lays it out, one block per paragraph,
//! heading, list item, quote or preformatted section; inline markup becomes plain text.

use dom_query::NodeRef;

use super::super::document::{Block, BlockKind};

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg", "canvas", "form",
    "button", "select", "textarea", "input", "nav", "aside", "footer", "img", "picture", "video", "audio", "source",
    "map",
];

/// Elements that start and end a block of text.
const BLOCK_LEVEL: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "figure",
    "figcaption",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "body",
    "html",
];

/// The blocks of `node` and everything under it.
pub fn blocks_of(node: &NodeRef<'_>) -> Vec<Block> {
    let mut walker = Walker::default();
    walker.visit(node);
    walker.flush();
    walker.blocks
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    text: String,
    /// The innermost block kind the current text belongs to.
    kinds: Vec<BlockKind>,
    /// Next number of each open list: `None` for bullet lists.
    lists: Vec<Option<u64>>,
    in_pre: usize,
    /// A list item whose first block is still to come: it takes the item's marker.
    item: Option<BlockKind>,
}

impl Walker {
    fn visit(&mut self, node: &NodeRef<'_>) {
        if node.is_text() {
            let text = node.text();
            if self.in_pre > 0 {
                self.text.push_str(&text);
            } else {
                // Outside <pre>, a line break in the source is a space; only <br> breaks a line.
                self.text.extend(text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }));
            }
            return;
        }
        if !(node.is_element() || node.is_document() || node.is_fragment()) {
            return;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if SKIPPED.contains(&name.as_str()) || is_hidden(node) || is_advert(node) {
            return;
        }
        match name.as_str() {
            "br" => self.text.push('\n'),
            "td" | "th" if !self.text.trim().is_empty() => self.text.push_str(" · "),
            _ => {}
        }
        if !BLOCK_LEVEL.contains(&name.as_str()) {
            self.visit_children(node);
            return;
        }
        self.flush();
        let kind = self.kind_for(&name, node);
        self.kinds.push(kind);
        if name == "pre" {
            self.in_pre += 1;
        }
        self.visit_children(node);
        self.flush();
        self.kinds.pop();
        match name.as_str() {
            "pre" => self.in_pre -= 1,
            "ul" | "ol" => {
                self.lists.pop();
            }
            "li" => self.item = None,
            _ => {}
        }
    }

    fn visit_children(&mut self, node: &NodeRef<'_>) {
        for child in node.children_it(false) {
            self.visit(&child);
        }
    }

    /// The kind of block an element starts; lists and their numbers are tracked here.
    fn kind_for(&mut self, name: &str, node: &NodeRef<'_>) -> BlockKind {
        let inherited = self.kinds.last().copied().unwrap_or(BlockKind::Paragraph);
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading(name.as_bytes()[1] - b'0'),
            "pre" => BlockKind::Code,
            "blockquote" => BlockKind::Quote,
            "ul" => {
                self.lists.push(None);
                inherited
            }
            "ol" => {
                let start = node.attr("start").and_then(|s| s.trim().parse().ok()).unwrap_or(1);
                self.lists.push(Some(start));
                inherited
            }
            "li" => {
                let number = self.lists.last_mut().and_then(|next| {
                    let current = *next;
                    *next = next.map(|n| n + 1);
                    current
                });
                self.item = Some(BlockKind::Item { number });
                inherited
            }
            _ => inherited,
        }
    }

    /// Ends the text gathered so far as a block; an item's marker goes on its first block only.
    fn flush(&mut self) {
        let raw = std::mem::take(&mut self.text);
        let text = raw.trim_end_matches([' ', '·']).trim_start_matches([' ', '·']);
        if text.trim().is_empty() {
            return;
        }
        let kind = match self.item.take() {
            _ if self.in_pre > 0 => BlockKind::Code,
            Some(item) => item,
            None => self.kinds.last().copied().unwrap_or(BlockKind::Paragraph),
        };
        self.blocks.push(Block::new(kind, text));
    }
}

/// Hidden by the page itself: `hidden`, `aria-hidden="true"` or an inline `display:none`.
fn is_hidden(node: &NodeRef<'_>) -> bool {
    let style = node.attr("style").map(|s| s.to_ascii_lowercase().replace(' ', "")).unwrap_or_default();
    node.has_attr("hidden")
        || node.attr("aria-hidden").is_some_and(|v| v.as_ref() == "true")
        || style.contains("display:none")
        || style.contains("visibility:hidden")
}

/// An advert slot the extractor kept because it sits among the story's paragraphs: an element
/// whose class or id is `ad`, `ads`, `advert…` or starts `ad-` (never a word such as `lead`).
pub(super) fn is_advert(node: &NodeRef<'_>) -> bool {
    let names = [node.attr("class"), node.attr("id")];
    names
        .iter()
        .flatten()
        .flat_map(|value| value.split_whitespace().map(str::to_ascii_lowercase).collect::<Vec<_>>())
        .any(|name| {
            name == "ad"
                || name == "ads"
                || name.starts_with("ad-")
                || name.starts_with("advert")
                || name.starts_with("ad_")
        })
}

#[cfg(test)]
mod tests {
    use dom_query::Document as Dom;

    use super::*;

    fn rendered(html: &str) -> Vec<(BlockKind, String)> {
        let dom = Dom::fragment(html);
        blocks_of(&dom.root()).into_iter().map(|b| (b.kind, b.text)).collect()
    }

    #[test]
    fn paragraphs_headings_lists_and_quotes_become_blocks() {
        let html = "<h2>Talks &middot; day <em>two</em></h2><p>Leaders <b>met</b>\n in <a href=x>Vilnius</a>.<br>Late.</p>\
                    <ol start=3><li>three</li><li><p>four</p><p>more</p></li></ol><ul><li>dot</li></ul>\
                    <blockquote><p>Said it.</p></blockquote><pre>a  b\n c</pre><div>loose <span>text</span></div>";
        assert_eq!(
            rendered(html),
            [
                (BlockKind::Heading(2), "Talks · day two".to_owned()),
                (BlockKind::Paragraph, "Leaders met in Vilnius.\nLate.".to_owned()),
                (BlockKind::Item { number: Some(3) }, "three".to_owned()),
                (BlockKind::Item { number: Some(4) }, "four".to_owned()),
                (BlockKind::Paragraph, "more".to_owned()),
                (BlockKind::Item { number: None }, "dot".to_owned()),
                (BlockKind::Quote, "Said it.".to_owned()),
                (BlockKind::Code, "a  b\n c".to_owned()),
                (BlockKind::Paragraph, "loose text".to_owned()),
            ]
        );
    }

    #[test]
    fn scripts_styles_forms_and_hidden_nodes_are_left_out() {
        let html = "<p>Kept</p><script>var x = 1;</script><style>p{}</style><p hidden>h</p>\
                    <p style='display: none'>n</p><div aria-hidden=true>a</div><form>f</form><div class='x ad-inline'>Advertisement</div><p class=lead>Lead</p><!-- c --><p>Also</p>";
        assert_eq!(
            rendered(html),
            [
                (BlockKind::Paragraph, "Kept".into()),
                (BlockKind::Paragraph, "Lead".into()),
                (BlockKind::Paragraph, "Also".into())
            ]
        );
    }

    #[test]
    fn table_cells_are_joined_per_row() {
        let html = "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>";
        assert_eq!(rendered(html), [(BlockKind::Paragraph, "a · b".into()), (BlockKind::Paragraph, "1 · 2".into())]);
    }
}
