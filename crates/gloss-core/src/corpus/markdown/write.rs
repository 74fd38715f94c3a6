//! Writing a document as Markdown that reads back to the same blocks: library snapshots.

use super::super::document::{BlockKind, Document};
use super::FrontMatter;

/// The document as Markdown under `front` matter. Reading it back with [`super::parse`] gives
/// the same blocks, so a snapshot renders to the text its page rendered to.
pub fn to_markdown(front: &FrontMatter, document: &Document) -> String {
    let mut out = front.to_text();
    let mut previous: Option<BlockKind> = None;
    for block in &document.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        // Two lists of different kinds next to each other need something between them, or
        // CommonMark would read them as one; an empty HTML comment is left out when read.
        if let (Some(BlockKind::Item { number: a }), BlockKind::Item { number: b }) = (previous, block.kind)
            && (a.is_some() != b.is_some() || b.is_some_and(|b| Some(b) != a.map(|a| a + 1)))
        {
            out.push_str("<!-- -->\n\n");
        }
        let line = match block.kind {
            BlockKind::Heading(level) => {
                format!("{} {}", "#".repeat(usize::from(level.clamp(1, 6))), escape(&block.text))
            }
            BlockKind::Paragraph => escape(&block.text),
            BlockKind::Item { number: Some(n) } => format!("{n}. {}", indent(&escape(&block.text), "   ")),
            BlockKind::Item { number: None } => format!("- {}", indent(&escape(&block.text), "  ")),
            BlockKind::Quote => format!("> {}", indent(&escape(&block.text), "> ")),
            BlockKind::Code => fenced(&block.text),
        };
        out.push_str(&line);
        out.push('\n');
        previous = Some(block.kind);
    }
    out
}

/// Inline text escaped so that no character of it is read as markup; line breaks become hard
/// breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push_str("\\\n");
        }
        escape_line(line, &mut out);
    }
    out
}

fn escape_line(line: &str, out: &mut String) {
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let at_start = at == 0;
        let markup = matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|' | '#' | '!')
            || (at_start && matches!(c, '-' | '+' | '='));
        // `1.` or `1)` at the start of a line would open a numbered list.
        let number_mark = c.is_ascii_digit() && starts_number_mark(line, at);
        if markup {
            out.push('\\');
        }
        out.push(c);
        if number_mark {
            let digits = line[at..].chars().take_while(char::is_ascii_digit).count();
            for _ in 1..digits {
                if let Some((_, d)) = chars.next() {
                    out.push(d);
                }
            }
            out.push('\\');
        }
    }
}

/// Whether `line` starts, at `at` = 0, with digits then `.` or `)`.
fn starts_number_mark(line: &str, at: usize) -> bool {
    if at != 0 {
        return false;
    }
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.starts_with(['.', ')'])
}

/// Continuation lines indented so they stay inside their list item or quote.
fn indent(text: &str, prefix: &str) -> String {
    text.replace('\n', &format!("\n{prefix}"))
}

/// A fenced code block whose fence is longer than any run of backticks inside it.
fn fenced(code: &str) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}\n{code}\n{fence}")
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::super::document::{Block, Metadata};
    use super::super::parse;
    use super::*;

    fn block() -> impl Strategy<Value = Block> {
        let text = "[ -~\n\u{a0}é“”]{1,40}";
        prop_oneof![
            (1u8..=6, text).prop_map(|(level, t)| Block::new(BlockKind::Heading(level), &t)),
            text.prop_map(|t| Block::new(BlockKind::Paragraph, &t)),
            text.prop_map(|t| Block::new(BlockKind::Quote, &t)),
            (proptest::option::of(0u64..20), text).prop_map(|(number, t)| Block::new(BlockKind::Item { number }, &t)),
            "[ -~\n]{1,40}".prop_map(|t| Block::new(BlockKind::Code, &t)),
        ]
    }

    fn round_trip(blocks: Vec<Block>) -> (Document, Document) {
        let document = Document::new(Metadata::default(), blocks);
        let (_, read) = parse(&to_markdown(&FrontMatter::default(), &document));
        (document, read)
    }

    #[test]
    fn markup_characters_and_line_starts_are_escaped() {
        let text = "1. *not* a list, <b>no</b> & [link](x) `code` # ~x~ | \\";
        let (written, read) = round_trip(vec![
            Block::new(BlockKind::Paragraph, text),
            Block::new(BlockKind::Paragraph, "- dash\n+ plus\n= eq\n> gt\n4) four"),
            Block::new(BlockKind::Item { number: Some(1) }, "one"),
            Block::new(BlockKind::Item { number: None }, "bullet"),
            Block::new(BlockKind::Code, "```\ncode\n````"),
        ]);
        assert_eq!(read.blocks, written.blocks);
    }

    proptest! {
        #[test]
        fn snapshots_read_back_to_the_same_rendition(blocks in proptest::collection::vec(block(), 0..8)) {
            let (written, read) = round_trip(blocks);
            prop_assert_eq!(read.render().text, written.render().text);
        }
    }
}
